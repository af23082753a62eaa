/* limit: simple rate limits kept in the database (posts per address per hour and the like). */
#ifndef KEHTO_LIMIT_H
#define KEHTO_LIMIT_H
#include "db/db.h"

/* Records one event for key and returns 1 if the key has had at most max events in the last window seconds
 * (including this one); returns 0 when over the limit (the event is still recorded). */
int limit_take(db *d, const char *key, int max, int window);

#endif
