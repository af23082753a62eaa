/* outbox: email waiting to be sent, written in the transaction of the change that causes it, and sent afterwards by
 * a sender (src/mail/) that claims one message at a time. Delivery is at least once: a message is marked sent only
 * after the SMTP server has accepted it, and a claim left by a crashed sender is taken over when its lease ends. */
#ifndef KEHTO_OUTBOX_H
#define KEHTO_OUTBOX_H
#include "core/arena.h"
#include "db/db.h"

#define OUTBOX_LEASE_MS (5 * 60 * 1000LL)         /* a claim ('sending') is taken over by another sender after this */
#define OUTBOX_MAX_ATTEMPTS 8                     /* then the message is 'failed' and waits for staff to retry it */
#define OUTBOX_BACKOFF_FIRST_MS (60 * 1000LL)     /* the wait after a first failed attempt, doubled after each */
#define OUTBOX_BACKOFF_MAX_MS (6 * 3600 * 1000LL) /* the longest wait between attempts */

typedef struct outbox_msg {
  long long id;
  char *kind, *recipient, *lang, *subject, *body_text, *body_html;
  char *status;                                     /* queued, sending, sent, failed */
  long long attempts, next_at, created_at, sent_at; /* ms since the epoch; sent_at 0 when not sent */
  char *last_error;
} outbox_msg;

/* Queues a message for recipient, to be sent as soon as a sender takes it; call it inside the transaction (or
 * write_begin/write_end) of the change it tells about, so that both are saved or neither. Returns the id, or 0 with
 * e set. */
long long outbox_add(db *d, const char *kind, const char *recipient, const char *lang, const char *subject,
                     const char *body_text, const char *body_html, kerr *e);

/* Claims the oldest message due at now_ms (queued and next_at <= now_ms, or 'sending' with an expired lease): marks
 * it 'sending' until now_ms + lease_ms (OUTBOX_LEASE_MS when 0 or less; the tests shorten it) and counts the attempt,
 * in a transaction of its own, so that of several senders (several servers on PostgreSQL) exactly one gets it. Fills m
 * in arena a and returns 1; 0 when nothing is due; -1 on a storage error. */
int outbox_claim(db *d, arena *a, long long now_ms, long long lease_ms, outbox_msg *m);

/* Records the outcome of a claimed message's attempt: sent (ok 1), or failed with error (a one-line reason): tried
 * again after a backoff while permanent is 0 and attempts are left, else 'failed'. The backoff is first_backoff_ms
 * (OUTBOX_BACKOFF_FIRST_MS when 0 or less; the tests shorten it) doubled after each attempt, at most
 * OUTBOX_BACKOFF_MAX_MS. A failure is recorded only while the message is still 'sending' (a sender whose lease ran
 * out does not undo the outcome of the one that took over). Returns K_OK or K_ERR. */
int outbox_done(db *d, long long id, int ok, int permanent, const char *error, long long now_ms,
                long long first_backoff_ms);

/* The wait after attempt number attempts (1, 2, …) failed: first_backoff_ms doubled attempts - 1 times, at most
 * OUTBOX_BACKOFF_MAX_MS (first_backoff_ms <= 0 means OUTBOX_BACKOFF_FIRST_MS). */
long long outbox_backoff_ms(long long attempts, long long first_backoff_ms);

/* Queues a 'failed' (or waiting) message again at once, for staff. Returns K_OK, or K_ERR when there is none. */
int outbox_retry(db *d, long long id, kerr *e);

/* Counts messages with status ("queued", "sending", "sent", "failed"; NULL for all). */
long long outbox_count(db *d, const char *status);
/* The number of messages in each status, read at once: statuses[i] ("queued", "sending", "sent", "failed") into
 * counts[i], for n of them; returns the total of all messages. */
long long outbox_counts(db *d, const char *const *statuses, int n, long long *counts);
/* Lists messages newest first (status NULL for all), limit/offset for pages, into arena a; *n rows. */
outbox_msg *outbox_list(db *d, arena *a, const char *status, int limit, int offset, int *n);
/* One message, or NULL. */
outbox_msg *outbox_get(db *d, arena *a, long long id);

/* The wall-clock time in ms since the epoch, as the outbox stores times (several servers compare them, so never a
 * process's monotonic clock). */
long long outbox_now_ms(void);
/* Returns 1 when status is one of the outbox's statuses (queued, sending, sent, failed), else 0. */
int outbox_status_valid(const char *status);
/* Writes an outbox time (ms since the epoch) as UTC "YYYY-MM-DDTHH:MM:SSZ" into out; "" for 0. */
void outbox_time_iso(long long ms, char out[21]);

#endif
