/* pages/deed: the routes of deed.c: one deed /tekot/{id}, posting a deed /tekot/uusi and its thanks page. */
#ifndef KEHTO_PAGES_DEED_H
#define KEHTO_PAGES_DEED_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route deed_routes[];

#endif
