/* demo_events: internal to the demo builder: the events calendar (issue #15): the programme's webinars and events
 * of 2019–2020, and the webinar and regional event deliveries of 2018–2020 shown in the calendar with their times. */
#ifndef KEHTO_DEMO_EVENTS_H
#define KEHTO_DEMO_EVENTS_H
#include "db/db.h"

/* Adds the events (published, one draft) linked to the 2018–2020 webinar and regional event services, and marks
 * those services' deliveries in_calendar with session times (webinars 9.00–10.30 or 13.00–14.30, every other
 * regional event all day). Needs demo_services_build's services and deliveries; runs inside the demo's transaction.
 * Deterministic (no random numbers). Returns the number of events written, or -1 with e set. */
int demo_events(db *d, kerr *e);

#endif
