/* conntrack: one client must not take the server down. A limit on connections per client address, a deadline for
 * the whole request header counted from accept (not an idle timeout that every byte restarts), and a minimum rate for
 * request bodies. libmicrohttpd has only the idle timeout, so a watchdog thread here shuts down (shutdown(2), never
 * close) the sockets past their deadline, and libmicrohttpd then sees the end of the stream and closes them itself. */
#ifndef KEHTO_CONNTRACK_H
#define KEHTO_CONNTRACK_H
#include <microhttpd.h>
#include <stddef.h>

typedef struct conntrack conntrack;

typedef struct conntrack_limits {
  int per_client;     /* connections open at once from one address; more are shut down at once */
  int header_ms;      /* from accept, or from the end of the previous request on a kept-alive connection, to the
                       * end of the request header */
  int body_window_ms; /* a request body must bring at least body_min_bytes in every window of this length */
  int body_min_bytes;
  int tick_ms; /* how often the watchdog looks */
} conntrack_limits;

/* The limits `kehto serve` uses; see docs/security.md. */
#define CONNTRACK_DEFAULTS                                                                                             \
  { .per_client = 64, .header_ms = 10000, .body_window_ms = 10000, .body_min_bytes = 10240, .tick_ms = 250 }

/* Starts the watchdog. exempt is an IPv4 address not held to the per-client limit (the trusted proxy, which carries
 * every client; the proxy limits them itself), or NULL. Returns 0, or -1 when the thread cannot start. */
int conntrack_start(const conntrack_limits *limits, const char *exempt);
/* Stops the watchdog; call after MHD_stop_daemon. */
void conntrack_stop(void);

/* The MHD_OPTION_NOTIFY_CONNECTION callback: tracks each connection from accept to close, and shuts down at once
 * one that goes over the per-client limit. */
void conntrack_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
                      enum MHD_ConnectionNotificationCode code);

/* The connection's tracker (owned here, valid until the connection closes), or NULL. */
conntrack *conntrack_of(struct MHD_Connection *conn);
/* The request header is complete (first call of the access handler): the body deadline starts. t may be NULL. */
void conntrack_header_done(conntrack *t);
/* n more body bytes arrived. */
void conntrack_body_bytes(conntrack *t, size_t n);
/* The whole request has arrived: no deadline while it is being answered (libmicrohttpd's idle timeout remains). */
void conntrack_request_read(conntrack *t);
/* The request is finished: on a kept-alive connection the next header has a deadline again, from now. */
void conntrack_request_done(conntrack *t);

#endif
