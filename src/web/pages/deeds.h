/* pages/deeds: the routes of deeds.c: the deed list /tekot and the Atom feed /tekot.atom. */
#ifndef KEHTO_PAGES_DEEDS_H
#define KEHTO_PAGES_DEEDS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route deeds_routes[];

#endif
