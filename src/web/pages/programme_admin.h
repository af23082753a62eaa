/* pages/programme_admin: the routes of programme_admin.c: the staff pages for the programme, its periods and partners
 * (/hallinta/ohjelma). */
#ifndef KEHTO_PAGES_PROGRAMME_ADMIN_H
#define KEHTO_PAGES_PROGRAMME_ADMIN_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route programme_admin_routes[];

#endif
