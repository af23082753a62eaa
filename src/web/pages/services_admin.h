/* pages/services_admin: the routes of services_admin.c: the staff pages for services /hallinta/palvelut and coaches
 * /hallinta/valmentajat. */
#ifndef KEHTO_PAGES_SERVICES_ADMIN_H
#define KEHTO_PAGES_SERVICES_ADMIN_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route services_admin_routes[];

#endif
