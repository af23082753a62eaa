/* throttle: login throttling by buckets (account, client address, device): a growing delay, capped, never a lockout. */
#ifndef KEHTO_THROTTLE_H
#define KEHTO_THROTTLE_H
#include "db/db.h"

#define THROTTLE_CAP_MS 30000            /* no bucket ever asks for a longer wait than this */
#define THROTTLE_FORGET_MS (3600 * 1000) /* a bucket without a counted try for this long starts over */

/* One bucket a login try is checked against. */
typedef struct throttle_try {
  const char *key;    /* "acct:…", "addr:…" or "dev:…" */
  int free_tries;     /* counted failures in a row before the bucket asks for any wait */
  int refused;        /* out: 1 when this bucket refused the try */
  long long refusals; /* out: when refused, the refusals since the bucket's last counted try, this one included */
} throttle_try;

/* The wait in ms a bucket asks for after fails counted failures in a row: none for the first free_tries, then 1 s,
 * doubling with each failure, at most THROTTLE_CAP_MS. */
long long throttle_delay_ms(int free_tries, long long fails);

/* Checks one login try made at now_ms (ms since the epoch) against the buckets t[0..n), atomically (one write
 * transaction, so parallel tries cannot slip through together).
 * When every bucket allows a try, counts the try as a failure in each (so a try is charged before the slow password
 * check; throttle_forget or throttle_uncount take it back when the password proves right) and returns 0.
 * Otherwise counts a refusal in each refusing bucket (see throttle_try) and returns the ms until every bucket allows
 * a try (> 0); a refusal never extends a wait, so retrying early costs nothing and cannot starve anyone.
 * When the database cannot be written, refuses with a wait of one second (logged). */
long long throttle_begin(db *d, throttle_try *t, int n, long long now_ms);

/* Forgets the bucket key (its failures, its wait): after a right password for the account or on the device. */
void throttle_forget(db *d, const char *key);

/* Takes back the failure throttle_begin counted in key for a try that turned out right (the client address's bucket,
 * which many people behind one NAT share, so that their good logins do not slow each other). */
void throttle_uncount(db *d, const char *key, int free_tries);

/* The wall clock in ms since the epoch. */
long long throttle_now_ms(void);

#endif
