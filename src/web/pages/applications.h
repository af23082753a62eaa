/* pages/applications: the routes of applications.c: applications /hakemukset: contacts see their own organisation's
 * (the handlers narrow), staff all. */
#ifndef KEHTO_PAGES_APPLICATIONS_H
#define KEHTO_PAGES_APPLICATIONS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route applications_routes[];

#endif
