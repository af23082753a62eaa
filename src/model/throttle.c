/* throttle: login throttling by buckets in table login_throttle: a growing delay, capped, never a lockout. */
#include "model/throttle.h"

#include <time.h>

long long throttle_delay_ms(int free_tries, long long fails) {
  if (fails <= free_tries) return 0;
  long long doublings = fails - free_tries - 1;
  if (doublings >= 15) return THROTTLE_CAP_MS;
  long long ms = 1000LL << doublings;
  return ms < THROTTLE_CAP_MS ? ms : THROTTLE_CAP_MS;
}

long long throttle_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Failures counted in a row in key's bucket as of now (0 once the bucket has been idle for THROTTLE_FORGET_MS). */
static long long fails_of(db *d, const char *key, long long now) {
  return db_int(d, 0, "SELECT fails FROM login_throttle WHERE key=?1 AND last_at>?2", "ti", key,
                now - THROTTLE_FORGET_MS);
}

static long long next_of(db *d, const char *key, long long now) {
  return db_int(d, 0, "SELECT next_at FROM login_throttle WHERE key=?1 AND last_at>?2", "ti", key,
                now - THROTTLE_FORGET_MS);
}

/* Refuses: counts a refusal in every refusing bucket. Nothing else changes, so the wait stays what it was. */
static void note_refusals(db *d, throttle_try *t, int n) {
  for (int i = 0; i < n; i++) {
    if (!t[i].refused) continue;
    db_exec(d, "UPDATE login_throttle SET refused=refused+1 WHERE key=?1", "t", t[i].key);
    t[i].refusals = db_int(d, 1, "SELECT refused FROM login_throttle WHERE key=?1", "t", t[i].key);
  }
}

/* Allows: counts the try as a failure in every bucket, and drops buckets idle long enough to be forgotten. */
static int charge(db *d, throttle_try *t, int n, long long now) {
  for (int i = 0; i < n; i++) {
    long long fails = fails_of(d, t[i].key, now) + 1;
    if (db_exec(d,
                "INSERT INTO login_throttle(key, fails, last_at, next_at, refused) VALUES(?1, ?2, ?3, ?4, 0)"
                " ON CONFLICT(key) DO UPDATE SET fails=excluded.fails, last_at=excluded.last_at,"
                " next_at=excluded.next_at, refused=0",
                "tiii", t[i].key, fails, now, now + throttle_delay_ms(t[i].free_tries, fails)))
      return K_ERR;
  }
  return db_exec(d, "DELETE FROM login_throttle WHERE last_at<?1", "i", now - THROTTLE_FORGET_MS) ? K_ERR : K_OK;
}

long long throttle_begin(db *d, throttle_try *t, int n, long long now_ms) {
  if (db_begin(d)) {
    log_error("login throttle: cannot start a transaction: %r", db_errmsg(d));
    return 1000;
  }
  long long wait = 0;
  for (int i = 0; i < n; i++) {
    long long next = next_of(d, t[i].key, now_ms);
    t[i].refused = next > now_ms;
    t[i].refusals = 0;
    if (next - now_ms > wait) wait = next - now_ms;
  }
  int rc = K_OK;
  if (wait)
    note_refusals(d, t, n);
  else
    rc = charge(d, t, n, now_ms);
  if (rc != K_OK || db_commit(d)) {
    log_error("login throttle: cannot record a try: %r", db_errmsg(d));
    db_rollback(d);
    return 1000;
  }
  return wait;
}

void throttle_forget(db *d, const char *key) {
  db_exec(d, "DELETE FROM login_throttle WHERE key=?1", "t", key);
}

void throttle_uncount(db *d, const char *key, int free_tries) {
  /* The wait is computed again from the bucket's last counted try, which may be this one: a little stricter than
   * before this try, never looser than what other tries counted meanwhile asked for. */
  if (db_begin(d)) return;
  long long fails = db_int(d, 0, "SELECT fails FROM login_throttle WHERE key=?1", "t", key);
  if (fails > 0)
    db_exec(d, "UPDATE login_throttle SET fails=?2, next_at=last_at+?3 WHERE key=?1", "tii", key, fails - 1,
            throttle_delay_ms(free_tries, fails - 1));
  if (db_commit(d)) db_rollback(d);
}
