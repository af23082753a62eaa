/* pages/services: the routes of services.c: the public service catalogue /palvelut and coaches /valmentajat. */
#ifndef KEHTO_PAGES_SERVICES_H
#define KEHTO_PAGES_SERVICES_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route services_routes[];

#endif
