/* pages/events: the routes of events.c: the public events calendar /tapahtumat, an event /tapahtumat/{id}, the
 * iCalendar feed /tapahtumat.ics, and the staff pages /hallinta/tapahtumat. */
#ifndef KEHTO_PAGES_EVENTS_H
#define KEHTO_PAGES_EVENTS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route events_routes[];

#endif
