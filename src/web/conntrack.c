/* conntrack: per-client connection limit, header deadline and body minimum rate, enforced by a watchdog thread. */
#include "web/conntrack.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "core/util.h"

enum { HEADER, BODY, ANSWER };

struct conntrack {
  conntrack *prev, *next;
  int fd;
  int family; /* AF_INET, AF_INET6, or 0 when the address is unknown */
  unsigned char addr[16];
  int counted; /* held to the per-client limit (not the exempt proxy) */
  int shut;    /* shut down here; libmicrohttpd closes it soon */
  /* guarded by the lock */
  int phase;
  int64_t since; /* monotonic ms: when the header wait or the current body window began */
  atomic_llong window_bytes;
};

/* The tracked connections and the watchdog. Shared by every connection, so guarded by lock; the list holds each
 * connection from libmicrohttpd's "started" to its "closed" notice, and libmicrohttpd closes the socket only after
 * the "closed" notice, so a shutdown() under the lock never reaches a socket number that was reused. */
static struct {
  pthread_mutex_t lock;
  pthread_cond_t wake;
  pthread_t thread;
  int running, stopping;
  conntrack *head;
  conntrack_limits lim;
  int has_exempt;
  struct in_addr exempt;
  /* for the log line, reset when written */
  int refused, header_cut, body_cut;
  char refused_from[INET6_ADDRSTRLEN];
} ct = {.lock = PTHREAD_MUTEX_INITIALIZER, .lim = CONNTRACK_DEFAULTS};

static int64_t mono_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void set_address(conntrack *t, const struct sockaddr *sa) {
  if (!sa) return;
  if (sa->sa_family == AF_INET) {
    t->family = AF_INET;
    memcpy(t->addr, &((const struct sockaddr_in *)sa)->sin_addr, 4);
  } else if (sa->sa_family == AF_INET6) {
    t->family = AF_INET6;
    memcpy(t->addr, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
  }
  t->counted = t->family != 0 && !(ct.has_exempt && t->family == AF_INET && !memcmp(t->addr, &ct.exempt, 4));
}

static int same_address(const conntrack *a, const conntrack *b) {
  return a->family == b->family && !memcmp(a->addr, b->addr, a->family == AF_INET ? 4 : 16);
}

/* Shuts the socket down so that libmicrohttpd reads the end of the stream and closes it. Called with the lock. */
static void cut(conntrack *t) {
  t->shut = 1;
  if (t->fd >= 0) shutdown(t->fd, SHUT_RDWR);
}

static void started(struct MHD_Connection *conn, void **socket_context) {
  conntrack *t = calloc(1, sizeof *t);
  if (!t) return; /* out of memory: this one connection goes without deadlines */
  const union MHD_ConnectionInfo *fi = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
  const union MHD_ConnectionInfo *ai = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  t->fd = fi ? fi->connect_fd : -1;
  pthread_mutex_lock(&ct.lock);
  set_address(t, ai ? ai->client_addr : NULL);
  t->phase = HEADER;
  t->since = mono_ms();
  if (t->counted) {
    int n = 0;
    for (const conntrack *o = ct.head; o; o = o->next) n += o->counted && !o->shut && same_address(o, t);
    if (n >= ct.lim.per_client) {
      cut(t);
      if (!ct.refused++) inet_ntop(t->family, t->addr, ct.refused_from, sizeof ct.refused_from);
    }
  }
  t->next = ct.head;
  if (ct.head) ct.head->prev = t;
  ct.head = t;
  pthread_mutex_unlock(&ct.lock);
  *socket_context = t;
}

static void closed(void **socket_context) {
  conntrack *t = *socket_context;
  if (!t) return;
  pthread_mutex_lock(&ct.lock);
  if (t->prev)
    t->prev->next = t->next;
  else
    ct.head = t->next;
  if (t->next) t->next->prev = t->prev;
  pthread_mutex_unlock(&ct.lock);
  free(t);
  *socket_context = NULL;
}

void conntrack_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
                      enum MHD_ConnectionNotificationCode code) {
  if (code == MHD_CONNECTION_NOTIFY_STARTED)
    started(conn, socket_context);
  else if (code == MHD_CONNECTION_NOTIFY_CLOSED)
    closed(socket_context);
}

conntrack *conntrack_of(struct MHD_Connection *conn) {
  const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  return ci ? ci->socket_context : NULL;
}

static void set_phase(conntrack *t, int phase) {
  if (!t) return;
  pthread_mutex_lock(&ct.lock);
  t->phase = phase;
  t->since = mono_ms();
  atomic_store(&t->window_bytes, 0);
  pthread_mutex_unlock(&ct.lock);
}

void conntrack_header_done(conntrack *t) {
  set_phase(t, BODY);
}

void conntrack_body_bytes(conntrack *t, size_t n) {
  if (t) atomic_fetch_add(&t->window_bytes, (long long)n);
}

void conntrack_request_read(conntrack *t) {
  set_phase(t, ANSWER);
}

void conntrack_request_done(conntrack *t) {
  set_phase(t, HEADER);
}

/* One look at every connection; called with the lock. */
static void sweep(int64_t now) {
  for (conntrack *t = ct.head; t; t = t->next) {
    if (t->shut) continue;
    if (t->phase == HEADER && now - t->since >= ct.lim.header_ms) {
      cut(t);
      ct.header_cut++;
    } else if (t->phase == BODY && now - t->since >= ct.lim.body_window_ms) {
      /* every window must bring enough on its own: a fast start does not buy time for a trickle after it */
      if (atomic_exchange(&t->window_bytes, 0) < ct.lim.body_min_bytes) {
        cut(t);
        ct.body_cut++;
      }
      t->since = now;
    }
  }
}

static void *watchdog(void *arg) {
  (void)arg;
  int64_t last_log = mono_ms();
  pthread_mutex_lock(&ct.lock);
  while (!ct.stopping) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_nsec += (long)ct.lim.tick_ms * 1000000L;
    ts.tv_sec += ts.tv_nsec / 1000000000L;
    ts.tv_nsec %= 1000000000L;
    pthread_cond_timedwait(&ct.wake, &ct.lock, &ts);
    int64_t now = mono_ms();
    sweep(now);
    if (now - last_log >= 5000 && (ct.refused || ct.header_cut || ct.body_cut)) {
      /* one summary line at most every 5 s, so an attack does not flood the log */
      int refused = ct.refused, header_cut = ct.header_cut, body_cut = ct.body_cut;
      char from[INET6_ADDRSTRLEN];
      memcpy(from, ct.refused_from, sizeof from);
      ct.refused = ct.header_cut = ct.body_cut = 0;
      last_log = now;
      pthread_mutex_unlock(&ct.lock);
      log_info("slow clients: closed %d connections at the header deadline (%d s), %d below the body rate "
               "(%d bytes in %d s); refused %d over the limit of %d per client%r%r",
               header_cut, ct.lim.header_ms / 1000, body_cut, ct.lim.body_min_bytes, ct.lim.body_window_ms / 1000,
               refused, ct.lim.per_client, refused ? ", first from " : "", refused ? from : "");
      pthread_mutex_lock(&ct.lock);
    }
  }
  pthread_mutex_unlock(&ct.lock);
  return NULL;
}

int conntrack_start(const conntrack_limits *limits, const char *exempt) {
  pthread_mutex_lock(&ct.lock);
  ct.lim = *limits;
  ct.has_exempt = exempt && inet_pton(AF_INET, exempt, &ct.exempt) == 1;
  ct.stopping = 0;
  pthread_mutex_unlock(&ct.lock);
  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_cond_init(&ct.wake, &ca);
  pthread_condattr_destroy(&ca);
  if (pthread_create(&ct.thread, NULL, watchdog, NULL) != 0) return -1;
  ct.running = 1;
  return 0;
}

void conntrack_stop(void) {
  if (!ct.running) return;
  pthread_mutex_lock(&ct.lock);
  ct.stopping = 1;
  pthread_cond_signal(&ct.wake);
  pthread_mutex_unlock(&ct.lock);
  pthread_join(ct.thread, NULL);
  pthread_cond_destroy(&ct.wake);
  ct.running = 0;
}
