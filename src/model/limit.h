/* limit: simple rate limits kept in the database (posts per address per hour and the like). */
#ifndef KEHTO_LIMIT_H
#define KEHTO_LIMIT_H
#include "db/db.h"

/* Returns 1 when key has had fewer than max events in the last window seconds (so one more is allowed), else 0.
 * Records nothing: call limit_note when the event happens, so that attempts that fail (a form with a mistake)
 * do not use up the allowance. Events are kept for a day (window at most 86400). */
int limit_allows(db *d, const char *key, int max, int window);

/* Records one event for key now, and forgets events older than a day. */
void limit_note(db *d, const char *key);

#endif
