/* audit: writes and lists the audit rows kept for every view and change of personal data. */
#include "model/audit.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

int audit_log(db *d, const char *actor, const char *action, const char *subject, const char *detail) {
  if (util_blank(actor) || util_blank(action) || util_blank(subject)) {
    log_error("audit: refused a row without actor, action or subject");
    return K_ERR;
  }
  int rc = db_exec(d, "INSERT INTO audit(actor, action, subject, detail) VALUES(?1, ?2, ?3, ?4)", "tttt", actor, action,
                   subject, detail ? detail : "");
  if (rc != DB_OK) {
    log_error("audit: cannot write %r %r: %r", action, subject, db_errmsg(d));
    return K_ERR;
  }
  return K_OK;
}

/* "INSERT INTO audit(...) VALUES (?,?,?,?),(?,?,?,?),…" for a full batch; built once, its address stays (the
 * statement cache knows a statement by the address of its text). */
static char batch_sql[64 + AUDIT_BATCH * 12];
static void build_batch_sql(void) {
  size_t n = (size_t)snprintf(batch_sql, sizeof batch_sql, "INSERT INTO audit(actor, action, subject, detail) VALUES ");
  for (int i = 0; i < AUDIT_BATCH; i++)
    n += (size_t)snprintf(batch_sql + n, sizeof batch_sql - n, "%s(?,?,?,?)", i ? "," : "");
}

int audit_batch_flush(audit_batch *b) {
  int n = b->n;
  b->n = 0;
  if (n < AUDIT_BATCH) {
    for (int i = 0; i < n; i++)
      if (audit_log(b->d, b->actor, b->row[i].action, b->row[i].subject, b->row[i].detail) != K_OK) return K_ERR;
    return K_OK;
  }
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, build_batch_sql);
  db_stmt *st = db_prepare(b->d, batch_sql);
  for (int i = 0; i < n; i++) {
    db_bind_at_text(st, 4 * i + 1, b->actor);
    db_bind_at_text(st, 4 * i + 2, b->row[i].action);
    db_bind_at_text(st, 4 * i + 3, b->row[i].subject);
    db_bind_at_text(st, 4 * i + 4, b->row[i].detail);
  }
  int rc = db_step(st);
  db_done(st);
  if (rc != 0) {
    log_error("audit: cannot write %d rows: %r", n, db_errmsg(b->d));
    return K_ERR;
  }
  return K_OK;
}

int audit_batch_add(audit_batch *b, const char *action, const char *subject, const char *detail) {
  if (util_blank(b->actor) || util_blank(action) || util_blank(subject)) {
    log_error("audit: refused a row without actor, action or subject");
    return K_ERR;
  }
  snprintf(b->row[b->n].action, sizeof b->row[b->n].action, "%s", action);
  snprintf(b->row[b->n].subject, sizeof b->row[b->n].subject, "%s", subject);
  snprintf(b->row[b->n].detail, sizeof b->row[b->n].detail, "%s", detail ? detail : "");
  return ++b->n == AUDIT_BATCH ? audit_batch_flush(b) : K_OK;
}

static audit_row *read_rows(db_stmt *st, arena *a, int *n) {
  audit_row *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    audit_row *x = &v[(*n)++];
    x->id = db_col_int(st, 0);
    x->at = db_col_adup(st, 1, a);
    x->actor = db_col_adup(st, 2, a);
    x->action = db_col_adup(st, 3, a);
    x->subject = db_col_adup(st, 4, a);
    x->detail = db_col_adup(st, 5, a);
  }
  db_done(st);
  return v;
}

audit_row *audit_list(db *d, arena *a, const char *subject, int limit, int offset, int *n) {
  db_stmt *st =
      subject
          ? db_query(d,
                     "SELECT id, at, actor, action, subject, detail FROM audit WHERE subject=?1 "
                     "ORDER BY id DESC LIMIT ?2 OFFSET ?3",
                     "tii", subject, (long long)limit, (long long)offset)
          : db_query(d, "SELECT id, at, actor, action, subject, detail FROM audit ORDER BY id DESC LIMIT ?1 OFFSET ?2",
                     "ii", (long long)limit, (long long)offset);
  return read_rows(st, a, n);
}

audit_row *audit_about(db *d, arena *a, const char *subject, int limit, int *n) {
  db_stmt *st = db_query(d,
                         "SELECT id, at, actor, action, subject, detail FROM audit "
                         "WHERE subject=?1 OR (subject > ?1 || '/' AND subject < ?1 || '0') "
                         "ORDER BY id DESC LIMIT ?2",
                         "ti", subject, (long long)limit);
  return read_rows(st, a, n);
}

long long audit_count(db *d, const char *subject) {
  if (subject) return db_int(d, 0, "SELECT count(*) FROM audit WHERE subject=?1", "t", subject);
  return db_int(d, 0, "SELECT count(*) FROM audit", "");
}
