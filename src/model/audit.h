/* audit: the log of every view and change of personal data (who, what, when), and its lists for staff. */
#ifndef KEHTO_AUDIT_H
#define KEHTO_AUDIT_H
#include "db/db.h"

/* One audit row. Strings are owned by the row (freed by audit_list_free). */
typedef struct audit_row {
  long long id;
  char *at;      /* "YYYY-MM-DDTHH:MM:SSZ" */
  char *actor;   /* user email, or "cli" */
  char *action;  /* view, create, update, import, export, erase */
  char *subject; /* "person:12", "delivery:3/participants", "org:5/people" */
  char *detail;
} audit_row;

/* Writes one audit row. actor, action and subject must not be empty; detail may be NULL. Returns K_OK, or K_ERR
 * when the row could not be written (logged); a caller showing personal data should then not show it. */
int audit_log(db *d, const char *actor, const char *action, const char *subject, const char *detail);

/* Audit rows gathered to be written AUDIT_BATCH at a time (one statement instead of one each), for imports that
 * log every person they change. Zero-initialise, set d and actor; audit_batch_flush writes what is left. */
#define AUDIT_BATCH 32
typedef struct audit_batch {
  db *d;
  const char *actor;
  int n;
  struct {
    char action[8], subject[48], detail[208];
  } row[AUDIT_BATCH];
} audit_batch;
/* Adds a row (action, subject and detail are copied; cut at their sizes above), writing the batch when it is full.
 * Returns K_OK, or K_ERR when a batch could not be written (logged). */
int audit_batch_add(audit_batch *b, const char *action, const char *subject, const char *detail);
/* Writes the rows gathered. Returns K_OK or K_ERR (logged). */
int audit_batch_flush(audit_batch *b);

/* The rows about subject, newest first, at most limit, or every row when subject is NULL (offset for paging).
 * Sets *n; returns an array in arena a (NULL when n is 0). */
audit_row *audit_list(db *d, arena *a, const char *subject, int limit, int offset, int *n);
/* Rows whose subject is subject or starts with "subject/" (a person's rows and views of them). */
audit_row *audit_about(db *d, arena *a, const char *subject, int limit, int *n);
/* Number of rows about subject, or of all rows when subject is NULL. */
long long audit_count(db *d, const char *subject);

#endif
