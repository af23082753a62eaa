/* limit: counting recent events per key in table post_limit. */
#include "model/limit.h"

int limit_allows(db *d, const char *key, int max, int window) {
  long long now = util_now();
  return db_int(d, 0, "SELECT count(*) FROM post_limit WHERE key=?1 AND at>?2", "ti", key, now - window) < max;
}

void limit_note(db *d, const char *key) {
  long long now = util_now();
  db_exec(d, "DELETE FROM post_limit WHERE at<?1", "i", now - 86400);
  db_exec(d, "INSERT INTO post_limit(key, at) VALUES(?1, ?2)", "ti", key, now);
}
