/* outbox: messages queued with the change that causes them, claimed one at a time by a sender, sent at least once. */
#include "model/outbox.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

long long outbox_add(db *d, const char *kind, const char *recipient, const char *lang, const char *subject,
                     const char *body_text, const char *body_html, kerr *e) {
  if (!util_email_valid(recipient)) {
    kerr_set(e, NULL, "outbox: '%r' is not an email address", recipient ? recipient : "");
    return 0;
  }
  long long now = outbox_now_ms();
  if (db_exec(d,
              "INSERT INTO outbox(kind, recipient, lang, subject, body_text, body_html, next_at, created_at)"
              " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
              "tttttti", kind, recipient, lang ? lang : "fi", subject, body_text, body_html ? body_html : "",
              now) != DB_OK) {
    kerr_set(e, NULL, "outbox: cannot queue a message: %r", db_errmsg(d));
    return 0;
  }
  return db_last_id(d);
}

#define MSG_COLS                                                                                                       \
  "id, kind, recipient, lang, subject, body_text, body_html, status, attempts, next_at, created_at,"                   \
  " coalesce(sent_at, 0), last_error"

static void read_msg(db_stmt *st, arena *a, outbox_msg *m) {
  memset(m, 0, sizeof *m);
  m->id = db_col_int(st, 0);
  m->kind = db_col_adup(st, 1, a);
  m->recipient = db_col_adup(st, 2, a);
  m->lang = db_col_adup(st, 3, a);
  m->subject = db_col_adup(st, 4, a);
  m->body_text = db_col_adup(st, 5, a);
  m->body_html = db_col_adup(st, 6, a);
  m->status = db_col_adup(st, 7, a);
  m->attempts = db_col_int(st, 8);
  m->next_at = db_col_int(st, 9);
  m->created_at = db_col_int(st, 10);
  m->sent_at = db_col_int(st, 11);
  m->last_error = db_col_adup(st, 12, a);
}

/* The condition a message must meet to be claimed at ?1 (also checked again by the UPDATE that claims it, so that of
 * two senders that picked the same message only the first changes the row). */
#define DUE "((status = 'queued' AND next_at <= ?1) OR (status = 'sending' AND lease_until <= ?1))"

int outbox_claim(db *d, arena *a, long long now_ms, long long lease_ms, outbox_msg *m) {
  if (lease_ms <= 0) lease_ms = OUTBOX_LEASE_MS;
  for (int tries = 0; tries < 5; tries++) {
    long long id = db_int(d, -1, "SELECT coalesce(min(id), 0) FROM outbox WHERE " DUE, "i", now_ms);
    if (id <= 0) return id == 0 ? 0 : -1;
    /* on PostgreSQL a second UPDATE of the row waits for the first to commit, then finds the row no longer due */
    if (db_exec(d,
                "UPDATE outbox SET status = 'sending', lease_until = ?2, attempts = attempts + 1"
                " WHERE id = ?3 AND " DUE,
                "iii", now_ms, now_ms + lease_ms, id) != DB_OK)
      return -1;
    if (db_changes(d) != 1) continue; /* another sender took it first */
    db_stmt *st = db_query(d, "SELECT " MSG_COLS " FROM outbox WHERE id = ?1", "i", id);
    int rc = db_step(st);
    if (rc == 1) read_msg(st, a, m);
    db_done(st);
    return rc == 1 ? 1 : -1;
  }
  return 0;
}

long long outbox_backoff_ms(long long attempts, long long first_backoff_ms) {
  long long wait = first_backoff_ms > 0 ? first_backoff_ms : OUTBOX_BACKOFF_FIRST_MS;
  for (long long i = 1; i < attempts && wait < OUTBOX_BACKOFF_MAX_MS; i++) wait *= 2;
  return wait > OUTBOX_BACKOFF_MAX_MS ? OUTBOX_BACKOFF_MAX_MS : wait;
}

/* Cuts the token (len characters of chars) after every at in s, in place. */
static void redact_at(char *s, const char *at, const char *chars, size_t len) {
  static const char cut[] = "…";
  size_t atlen = strlen(at);
  for (char *p = strstr(s, at); p; p = strstr(p, at)) {
    char *t = p + atlen;
    size_t n = strspn(t, chars);
    if (n == len) {
      memcpy(t, cut, sizeof cut - 1);
      memmove(t + sizeof cut - 1, t + n, strlen(t + n) + 1);
    }
    p = t;
  }
}

/* Cuts the token out of every one-time link in s, in place: "/salasana/" and 64 hex digits, or a survey
 * invitation's "/kysely/" and 43 base64url characters. */
static void redact_links(char *s) {
  redact_at(s, "/salasana/", "0123456789abcdef", 64);
  redact_at(s, "/kysely/", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 43);
}

/* Once an invitation or reset is sent, the outbox keeps its text without the link's token: the database keeps only
 * hashes of live tokens, and a backup or a reader of the outbox gets no way into an account. */
static int forget_link(db *d, long long id) {
  db_stmt *st = db_query(
      d, "SELECT body_text, body_html FROM outbox WHERE id = ?1 AND kind IN ('invite', 'reset', 'survey-invite')", "i",
      id);
  int rc = K_OK;
  if (db_step(st) == 1) {
    char *text = util_strdup(db_col_text(st, 0)), *html = util_strdup(db_col_text(st, 1));
    db_done(st);
    st = NULL;
    redact_links(text);
    redact_links(html);
    rc = db_exec(d, "UPDATE outbox SET body_text = ?2, body_html = ?3 WHERE id = ?1", "itt", id, text, html) == DB_OK
             ? K_OK
             : K_ERR;
    free(text);
    free(html);
  }
  if (st) db_done(st);
  return rc;
}

int outbox_done(db *d, long long id, int ok, int permanent, const char *error, long long now_ms,
                long long first_backoff_ms) {
  if (ok)
    return db_exec(d, "UPDATE outbox SET status = 'sent', sent_at = ?2, lease_until = 0, last_error = '' WHERE id = ?1",
                   "ii", id, now_ms) == DB_OK
               ? forget_link(d, id)
               : K_ERR;
  long long attempts = db_int(d, 0, "SELECT attempts FROM outbox WHERE id = ?1", "i", id);
  int give_up = permanent || attempts >= OUTBOX_MAX_ATTEMPTS;
  return db_exec(d,
                 "UPDATE outbox SET status = ?2, next_at = ?3, lease_until = 0, last_error = ?4"
                 " WHERE id = ?1 AND status = 'sending'",
                 "itit", id, give_up ? "failed" : "queued", now_ms + outbox_backoff_ms(attempts, first_backoff_ms),
                 error ? error : "") == DB_OK
             ? K_OK
             : K_ERR;
}

int outbox_retry(db *d, long long id, kerr *e) {
  if (db_exec(d,
              "UPDATE outbox SET status = 'queued', next_at = ?2, attempts = 0"
              " WHERE id = ?1 AND status IN ('failed', 'queued')",
              "ii", id, outbox_now_ms()) != DB_OK)
    return kerr_set(e, NULL, "outbox: %r", db_errmsg(d));
  if (db_changes(d) != 1) return kerr_set(e, NULL, N_("Viestiä ei ole tai se on jo lähetetty."));
  return K_OK;
}

long long outbox_count(db *d, const char *status) {
  if (!status) return db_int(d, 0, "SELECT count(*) FROM outbox", "");
  return db_int(d, 0, "SELECT count(*) FROM outbox WHERE status = ?1", "t", status);
}

long long outbox_counts(db *d, const char *const *statuses, int n, long long *counts) {
  long long total = 0;
  for (int i = 0; i < n; i++) counts[i] = 0;
  db_stmt *st = db_query(d, "SELECT status, count(*) FROM outbox GROUP BY status", "");
  while (db_step(st) == 1) {
    total += db_col_int(st, 1);
    for (int i = 0; i < n; i++)
      if (statuses[i] && !strcmp(statuses[i], db_col_text(st, 0))) counts[i] = db_col_int(st, 1);
  }
  db_done(st);
  return total;
}

outbox_msg *outbox_list(db *d, arena *a, const char *status, int limit, int offset, int *n) {
  *n = 0;
  db_stmt *st = status ? db_query(d,
                                  "SELECT " MSG_COLS " FROM outbox WHERE status = ?1 ORDER BY id DESC LIMIT ?2"
                                  " OFFSET ?3",
                                  "tii", status, (long long)limit, (long long)offset)
                       : db_query(d, "SELECT " MSG_COLS " FROM outbox ORDER BY id DESC LIMIT ?1 OFFSET ?2", "ii",
                                  (long long)limit, (long long)offset);
  outbox_msg *rows = arena_alloc(a, sizeof *rows * (size_t)(limit > 0 ? limit : 1));
  while (*n < limit && db_step(st) == 1) read_msg(st, a, &rows[(*n)++]);
  db_done(st);
  return rows;
}

outbox_msg *outbox_get(db *d, arena *a, long long id) {
  db_stmt *st = db_query(d, "SELECT " MSG_COLS " FROM outbox WHERE id = ?1", "i", id);
  outbox_msg *m = NULL;
  if (db_step(st) == 1) {
    m = arena_alloc(a, sizeof *m);
    read_msg(st, a, m);
  }
  db_done(st);
  return m;
}

long long outbox_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int outbox_status_valid(const char *status) {
  static const char *const all[] = {"queued", "sending", "sent", "failed"};
  for (size_t i = 0; status && i < sizeof all / sizeof all[0]; i++)
    if (strcmp(status, all[i]) == 0) return 1;
  return 0;
}

void outbox_time_iso(long long ms, char out[21]) {
  out[0] = 0;
  if (ms <= 0) return;
  time_t t = (time_t)(ms / 1000);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
