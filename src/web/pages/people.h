/* pages/people: the routes of people.c: the staff pages for people, an organisation's own people, the audit log. */
#ifndef KEHTO_PAGES_PEOPLE_H
#define KEHTO_PAGES_PEOPLE_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route people_routes[];

#endif
