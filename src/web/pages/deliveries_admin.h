/* pages/deliveries_admin: the routes of deliveries_admin.c: the staff pages for deliveries /hallinta/toteutukset. */
#ifndef KEHTO_PAGES_DELIVERIES_ADMIN_H
#define KEHTO_PAGES_DELIVERIES_ADMIN_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route deliveries_admin_routes[];

#endif
