/* report: computes every statistics figure in one pass over the data and keeps it per connection and per process
 * (see report.h). */
#include "report/internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <pthread.h>

/* Computed figures shared by every connection of the process to the same database (uid) at the same
 * stats_generation.n; freed when the last holder lets go. */
typedef struct shared_report {
  report_data rd;
  char uid[40];
  long long gen;
  int refs;           /* under report_mu */
  time_t computed_at; /* when the computation began: the figures are those of the data then */
} shared_report;

/* What a connection holds: the figures its last report_get returned. */
typedef struct rstate {
  shared_report *held;
  double ms;
  long long builds;
  int stale; /* report_get_recent returned figures older than the data */
} rstate;

static pthread_mutex_t report_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t report_done = PTHREAD_COND_INITIALIZER; /* signalled when a computation is published */
static shared_report *report_current; /* the newest figures computed outside a transaction; holds one reference */
/* The figures one connection is computing now (uid, gen), so that others asking for the same wait for them instead
 * of computing them again: after a change every worker thread's next statistics request would otherwise take the
 * whole pass at once. */
static int report_busy;
static char report_busy_uid[40];
static long long report_busy_gen;

/* The refresher: a thread with its own connection that computes the figures after a change, while requests are
 * answered with the figures from before it (report_get_recent). */
static pthread_t refresher;
static int refresher_on, refresher_stop, refresher_kicked;
static int refresher_wait_ms; /* how long report_get_recent waits for the computation before answering with older
                                 figures */
static pthread_cond_t refresher_wake = PTHREAD_COND_INITIALIZER;

static void build(db *d, report_data *rd) {
  data_load(d, rd);
  link_and_suppress(rd);
}

static void release(shared_report *x) {
  if (!x) return;
  pthread_mutex_lock(&report_mu);
  int last = --x->refs == 0;
  pthread_mutex_unlock(&report_mu);
  if (last) {
    data_clear(&x->rd);
    free(x);
  }
}

static void state_free(void *x) {
  rstate *s = x;
  release(s->held);
  free(s);
}

static rstate *state(db *d) {
  rstate *s = db_slot(d, DB_SLOT_REPORT);
  if (!s) {
    s = util_calloc(1, sizeof *s);
    db_set_slot(d, DB_SLOT_REPORT, s, state_free);
  }
  return s;
}

/* The shared figures for uid at gen, with a reference for the caller, waiting while another connection computes
 * exactly those. NULL when the caller has to compute them; *claimed is then 1 when others will wait for the caller
 * (it must call shared_publish and shared_release_claim). */
static shared_report *shared_find(const char *uid, long long gen, int *claimed) {
  *claimed = 0;
  pthread_mutex_lock(&report_mu);
  for (;;) {
    shared_report *x = report_current;
    if (x && x->gen == gen && !strcmp(x->uid, uid)) {
      x->refs++;
      pthread_mutex_unlock(&report_mu);
      return x;
    }
    if (!report_busy || report_busy_gen != gen || strcmp(report_busy_uid, uid)) break;
    pthread_cond_wait(&report_done, &report_mu);
  }
  if (!report_busy) {
    report_busy = 1, *claimed = 1;
    report_busy_gen = gen;
    snprintf(report_busy_uid, sizeof report_busy_uid, "%s", uid);
  }
  pthread_mutex_unlock(&report_mu);
  return NULL;
}

/* Ends the caller's claim and wakes the connections waiting for its figures. */
static void shared_release_claim(void) {
  pthread_mutex_lock(&report_mu);
  report_busy = 0;
  pthread_cond_broadcast(&report_done);
  pthread_mutex_unlock(&report_mu);
}

/* Makes x the shared figures (it gains the cache's reference), dropping the older ones. */
static void shared_publish(shared_report *x) {
  pthread_mutex_lock(&report_mu);
  shared_report *old = report_current;
  x->refs++;
  report_current = x;
  pthread_mutex_unlock(&report_mu);
  release(old);
}

/* The database's identity and change count: what the figures are computed for. */
static void read_key(db *d, char uid[40], long long *gen) {
  *uid = 0, *gen = -1;
  db_stmt *st = db_query(d, "SELECT uid, n FROM stats_generation", "");
  if (db_step(st) == 1) {
    snprintf(uid, 40, "%s", db_col_text(st, 0));
    *gen = db_col_int(st, 1);
  }
  db_done(st);
}

const report_data *report_get(db *d) {
  rstate *s = state(d);
  s->stale = 0;
  /* inside a caller's transaction the data may still be rolled back: compute for this caller only */
  int in_tx = db_in_transaction(d);
  int own_tx = !in_tx && db_begin_read(d) == DB_OK; /* one snapshot for the key and every query */
  char uid[40];
  long long gen;
  read_key(d, uid, &gen);
  int claimed = 0;
  shared_report *x = in_tx ? NULL : shared_find(uid, gen, &claimed);
  if (!x) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    x = util_calloc(1, sizeof *x);
    snprintf(x->uid, sizeof x->uid, "%s", uid);
    x->gen = gen, x->refs = 1;
    x->computed_at = time(NULL);
    build(d, &x->rd);
    clock_gettime(CLOCK_MONOTONIC, &b);
    s->ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
    s->builds++;
    if (!in_tx) shared_publish(x);
    if (claimed) shared_release_claim();
  }
  if (own_tx) db_commit(d);
  release(s->held);
  s->held = x;
  return &x->rd;
}

const report_data *report_get_recent(db *d) {
  if (!refresher_on || db_in_transaction(d)) return report_get(d);
  char uid[40];
  long long gen;
  read_key(d, uid, &gen);
  pthread_mutex_lock(&report_mu);
  shared_report *x = report_current;
  if (!x || strcmp(x->uid, uid) != 0 || x->gen == gen) {
    pthread_mutex_unlock(&report_mu);
    return report_get(d); /* current figures (or none yet: wait for them once) */
  }
  x->refs++; /* held across the wait: a computation that ends meanwhile releases the cache's reference */
  refresher_kicked = 1;
  pthread_cond_signal(&refresher_wake);
  /* a small programme's figures are ready within the wait, and then nobody sees older ones */
  struct timespec until;
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_nsec += (long)refresher_wait_ms * 1000000L;
  until.tv_sec += until.tv_nsec / 1000000000L, until.tv_nsec %= 1000000000L;
  while (refresher_wait_ms > 0 && report_current == x &&
         pthread_cond_timedwait(&report_done, &report_mu, &until) == 0) {
  }
  shared_report *newer =
      report_current != x && report_current && !strcmp(report_current->uid, uid) ? report_current : NULL;
  if (newer) newer->refs++;
  pthread_mutex_unlock(&report_mu);
  if (newer) {
    release(x);
    x = newer;
  }
  rstate *s = state(d);
  release(s->held);
  s->held = x;
  s->stale = x->gen != gen;
  return &x->rd;
}

int report_stale(db *d) {
  return state(d)->stale;
}

time_t report_computed_at(db *d) {
  rstate *s = state(d);
  return s->held ? s->held->computed_at : 0;
}

static void *refresher_main(void *arg) {
  db *d = arg;
  pthread_mutex_lock(&report_mu);
  while (!refresher_stop) {
    refresher_kicked = 0;
    pthread_mutex_unlock(&report_mu);
    report_get(d); /* computes and publishes, unless the figures are current already */
    pthread_mutex_lock(&report_mu);
    while (!refresher_stop && !refresher_kicked) pthread_cond_wait(&refresher_wake, &report_mu);
  }
  pthread_mutex_unlock(&report_mu);
  db_close(d);
  return NULL;
}

int report_refresher_start(db *d, int wait_ms) {
  refresher_wait_ms = wait_ms;
  pthread_mutex_lock(&report_mu);
  refresher_stop = 0, refresher_kicked = 0;
  pthread_mutex_unlock(&report_mu);
  if (pthread_create(&refresher, NULL, refresher_main, d) != 0) return K_ERR;
  refresher_on = 1;
  return K_OK;
}

void report_refresher_stop(void) {
  if (!refresher_on) return;
  pthread_mutex_lock(&report_mu);
  refresher_stop = 1;
  pthread_cond_signal(&refresher_wake);
  pthread_mutex_unlock(&report_mu);
  pthread_join(refresher, NULL);
  refresher_on = 0;
}

double report_last_build_ms(db *d) {
  return state(d)->ms;
}

long long report_build_count(db *d) {
  return state(d)->builds;
}
