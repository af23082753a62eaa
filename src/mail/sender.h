/* sender: the background thread of `kehto serve --smtp` that sends the outbox: claim a message, send it, record the
 * outcome; when nothing is due, wait for a wake-up or a second. */
#ifndef KEHTO_SENDER_H
#define KEHTO_SENDER_H

#include "db/db.h"
#include "mail/smtp.h"

/* Starts the thread on connection d (its own; the thread closes it when it stops) with the SMTP settings c, which
 * must live until mail_sender_stop. For the tests only, two environment variables (milliseconds) shorten the waits:
 * KEHTO_MAIL_BACKOFF_MS the first wait after a failed attempt (else OUTBOX_BACKOFF_FIRST_MS) and KEHTO_MAIL_LEASE_MS
 * how long a claim holds (else OUTBOX_LEASE_MS; shorter than a send may take, it lets two senders send one message).
 * Returns K_OK, or K_ERR (d is then the caller's). */
int mail_sender_start(db *d, const smtp_config *c);

/* Wakes the thread to look for messages due now (after a change that may have queued one). Cheap; does nothing
 * when no sender runs. */
void mail_sender_wake(void);

/* Stops the thread after the message it is sending, if any, and waits for it. Does nothing when none runs. */
void mail_sender_stop(void);

/* Returns 1 while the thread runs (this server sends mail), else 0. */
int mail_sender_running(void);

#endif
