/* sender: the outbox's sending thread: claim (one sender at a time, even across servers), send, record the outcome. */
#include "mail/sender.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "core/arena.h"
#include "core/util.h"
#include "model/outbox.h"

#define IDLE_WAIT_MS 1000 /* the longest wait between looks at the outbox */

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static pthread_t thread;
static atomic_int running;
static int stopping, kicked; /* under mu */

typedef struct sender {
  db *d;
  const smtp_config *smtp;
  long long backoff_ms; /* the first wait after a failed attempt; 0 for the outbox's default */
  long long lease_ms;   /* how long a claim holds; 0 for the outbox's default */
} sender;

static sender the_sender;

/* Sends one due message and records the outcome. Returns 1 when there was one, 0 when none was due, -1 on a storage
 * error. */
static int send_one(sender *s, int *storage_failing) {
  arena a = {0};
  outbox_msg m;
  int rc = outbox_claim(s->d, &a, outbox_now_ms(), s->lease_ms, &m);
  if (rc < 0) {
    if (!*storage_failing) log_error("mail: cannot read the outbox: %r", db_errmsg(s->d));
    *storage_failing = 1;
  } else if (rc == 1) {
    *storage_failing = 0;
    char why[512] = "";
    int sent = smtp_send(s->smtp, &m, why, sizeof why);
    if (sent != SMTP_SENT)
      log_error("mail: message %lld to %r not sent (attempt %lld%r): %r", m.id, m.recipient, m.attempts,
                sent == SMTP_PERMANENT ? ", given up" : "", why);
    if (outbox_done(s->d, m.id, sent == SMTP_SENT, sent == SMTP_PERMANENT, why, outbox_now_ms(), s->backoff_ms) != K_OK)
      log_error("mail: message %lld: cannot record the outcome: %r", m.id, db_errmsg(s->d));
  }
  arena_free(&a);
  return rc;
}

static void *sender_main(void *arg) {
  sender *s = arg;
  int storage_failing = 0;
  pthread_mutex_lock(&mu);
  while (!stopping) {
    kicked = 0;
    pthread_mutex_unlock(&mu);
    int rc = send_one(s, &storage_failing);
    pthread_mutex_lock(&mu);
    if (rc == 1) continue; /* more may be due */
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += IDLE_WAIT_MS / 1000;
    while (!stopping && !kicked && pthread_cond_timedwait(&wake, &mu, &until) == 0) {
    }
  }
  pthread_mutex_unlock(&mu);
  db_close(s->d);
  return NULL;
}

/* A time in ms from the environment variable name (1..max), or 0 (the outbox's default) when unset or not that. */
static long long env_ms(const char *name, long long max) {
  long long ms = 0;
  const char *env = getenv(name);
  if (env && util_parse_int(env, 1, max, &ms) != K_OK) ms = 0;
  return ms;
}

int mail_sender_start(db *d, const smtp_config *c) {
  if (smtp_global_init() != K_OK) return K_ERR;
  the_sender = (sender){d, c, env_ms("KEHTO_MAIL_BACKOFF_MS", OUTBOX_BACKOFF_MAX_MS),
                        env_ms("KEHTO_MAIL_LEASE_MS", OUTBOX_LEASE_MS)};
  pthread_mutex_lock(&mu);
  stopping = 0, kicked = 0;
  pthread_mutex_unlock(&mu);
  if (pthread_create(&thread, NULL, sender_main, &the_sender) != 0) return K_ERR;
  atomic_store(&running, 1);
  return K_OK;
}

void mail_sender_wake(void) {
  if (!atomic_load(&running)) return;
  pthread_mutex_lock(&mu);
  kicked = 1;
  pthread_cond_signal(&wake);
  pthread_mutex_unlock(&mu);
}

void mail_sender_stop(void) {
  if (!atomic_load(&running)) return;
  pthread_mutex_lock(&mu);
  stopping = 1;
  pthread_cond_signal(&wake);
  pthread_mutex_unlock(&mu);
  pthread_join(thread, NULL);
  atomic_store(&running, 0);
}

int mail_sender_running(void) {
  return atomic_load(&running);
}
