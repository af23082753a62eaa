/* pages/orgs: the routes of orgs.c: the staff organisation registry /hallinta/organisaatiot. */
#ifndef KEHTO_PAGES_ORGS_H
#define KEHTO_PAGES_ORGS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route orgs_routes[];

#endif
