/* server: libmicrohttpd with a thread pool, one SQLite connection per thread, body limits, slow-client deadlines
 * (conntrack), the client address behind a trusted proxy, the same-site check for POSTs, sessions, the page cache for
 * anonymous GETs, security headers and the access log. */
#include <arpa/inet.h>
#include <assert.h>
#include <ctype.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/embed.h"
#include "mail/sender.h"
#include "report/report.h"
#include "search/search.h"
#include "web/cache.h"
#include "web/client.h"
#include "web/conntrack.h"
#include "import/xlsx.h"
#include "web/reqparse.h"
#include "web/routes.h"
#include "model/mail.h"
#include "model/news.h"
#include "web/web.h"

#define MAX_CONNECTIONS 1000 /* at once, from everyone; conntrack limits each client to a share of it */

static const web_config *config;
static pthread_key_t db_key;
static __thread long long seen_data_version = -1;

static const char *const SECURITY_HEADERS[][2] = {
    {"Content-Security-Policy",
     "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
     /* media-src: a video may be given as the https:// address of a file elsewhere (pages/videos.c) */
     "media-src 'self' https:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "same-origin"},
    {"X-Frame-Options", "DENY"},
};

static void close_thread_db(void *p) {
  db_close(p);
}

/* The calling thread's connection, opened on first use. NULL if the database cannot be opened. */
static db *thread_db(void) {
  db *d = pthread_getspecific(db_key);
  if (d) return d;
  kerr e = {0};
  d = db_open(config->db_path, 0, search_attach, &e);
  if (!d) {
    log_error("cannot open database: %r", e.msg);
    kerr_clear(&e);
    return NULL;
  }
  pthread_setspecific(db_key, d);
  return d;
}

/* Drops cached pages when another connection (another thread, or a CLI import) has committed. A thread's first
 * look also drops them: the pages in the cache were made by other threads, and a write (say a CLI import) may
 * have come after them but before this connection was opened, so its data version cannot tell. */
static void notice_foreign_writes(db *d) {
  long long v = db_data_version(d);
  if (v != seen_data_version) web_changed();
  seen_data_version = v;
}

/* Scheduled publishing and the page cache. Cached pages are dropped by writes, but a news item scheduled for 09:30
 * appears at 09:30 without any write: the news list, the item, the feed, the front page and the sitemap made before
 * then would stay cached without it. So the cache also ends at the next scheduled publish time: once per cache
 * generation (that is, after each write) one indexed query asks for the earliest publish time still in the future,
 * and the first request at or after that time drops every cached page (cache_invalidate), which starts a new
 * generation that asks again. Each server asks the database, so every server drops its cache at the time without
 * a timer. The whole cache goes rather than the news routes: any page may show news (the front page, the sitemap),
 * and a scheduled time comes seldom. Two requests that ask at once in one generation keep the earlier answer. */
static pthread_mutex_t schedule_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long schedule_gen; /* the cache generation schedule_next was asked in; 0: not yet */
static char schedule_next[24];     /* UTC; "" when nothing is scheduled */

static void drop_cache_at_scheduled_time(db *d) {
  unsigned long gen = cache_generation();
  db_time now = db_now();
  char next[24] = "";
  pthread_mutex_lock(&schedule_lock);
  int known = schedule_gen == gen;
  if (known) memcpy(next, schedule_next, sizeof next);
  pthread_mutex_unlock(&schedule_lock);
  if (known) {
    if (next[0] && strcmp(now.s, next) >= 0) cache_invalidate();
    return;
  }
  if (!news_next_publish_at(d, now.s, next)) next[0] = 0;
  pthread_mutex_lock(&schedule_lock);
  if (schedule_gen != gen) {
    schedule_gen = gen;
    memcpy(schedule_next, next, sizeof next);
  } else if (next[0] && (!schedule_next[0] || strcmp(next, schedule_next) < 0)) {
    memcpy(schedule_next, next, sizeof next);
  }
  pthread_mutex_unlock(&schedule_lock);
}

typedef struct conn_ctx {
  web_req r;
  int64_t t0;
  conntrack *track; /* the connection's deadlines; NULL when untracked */
} conn_ctx;

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
  int *bad = cls;
  if (!util_utf8_valid(key, strlen(key)) || (value && !util_utf8_valid(value, strlen(value)))) *bad = 1;
  return MHD_YES;
}

static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
  buf *b = cls;
  buf_printf(b, "&%U=%U", key, value ? value : "");
  return MHD_YES;
}

static void load_user(web_req *r) {
  const char *tok = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "kehto_session");
  if (tok && r->db && user_session_get(r->db, tok, &r->user)) {
    r->csrf = r->user.csrf;
    return;
  }
  const char *anon = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "kehto_csrf");
  if (anon && strlen(anon) == 64) {
    int ok = 1;
    for (const char *p = anon; *p; p++) ok &= isxdigit((unsigned char)*p) != 0;
    if (ok) r->csrf = arena_strdup(&r->mem, anon);
  }
}

static uint64_t fnv1a(const char *p, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ULL;
  return h;
}

typedef struct decoration {
  web_req *r;
  const char *ctype, *cache_control;
} decoration;

/* 1 when the handler set header name itself (web_header: "Name: value\n" lines in r->headers). */
static int handler_set(const web_req *r, const char *name) {
  size_t n = strlen(name);
  for (const char *p = r->headers.data; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : "")
    if (!strncmp(p, name, n) && p[n] == ':') return 1;
  return 0;
}

/* The headers every answer carries: the security headers (a page may set its own stricter one, as the one-time
 * link's page does its Referrer-Policy), its type and cache control. */
static void decorate(struct MHD_Response *resp, void *ctx) {
  const decoration *d = ctx;
  for (size_t i = 0; i < sizeof SECURITY_HEADERS / sizeof SECURITY_HEADERS[0]; i++)
    if (!handler_set(d->r, SECURITY_HEADERS[i][0]))
      MHD_add_response_header(resp, SECURITY_HEADERS[i][0], SECURITY_HEADERS[i][1]);
  if (d->ctype) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, d->ctype);
  /* the open API may be read from any site; set here so cached API answers carry it too */
  if (strncmp(d->r->url, "/api/", 5) == 0) MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, d->cache_control);
}

static void add_extra_headers(struct MHD_Response *resp, buf *h) {
  if (!h->len) return;
  char *save = NULL;
  for (char *line = strtok_r(h->data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    char *colon = strchr(line, ':');
    if (!colon) continue;
    *colon = 0;
    MHD_add_response_header(resp, line, colon + 2);
  }
}

static void access_log(web_req *r, int status, size_t bytes, int64_t t0, const char *how) {
  if (config->quiet) return;
  /* a one-time link's token (/salasana/TOKEN) is a password for a while, a session's sign-in code
   * (/osallistu/CODE) a key to its form for the day, a survey link's token (/kysely/TOKEN) names the invitation
   * and so the person, and its POST's time would place their answer among the stored ones: never in the log */
  static const char *const secret[] = {"/salasana/", "/osallistu/", "/kysely/"};
  const char *url = r->url;
  char masked[64];
  for (size_t i = 0; i < sizeof secret / sizeof secret[0]; i++) {
    const char *link = strstr(r->url, secret[i]);
    if (!link) continue;
    snprintf(masked, sizeof masked, "%.*s%s…", (int)(link - r->url) > 8 ? 8 : (int)(link - r->url), r->url, secret[i]);
    url = masked;
  }
  /* %j: the URL is decoded and may hold newlines; one request must stay one log line */
  log_info("%r %j %j %d %zu %lldms%r", r->address ? r->address : "-", r->method, url, status, bytes,
           (long long)(util_now_ms() - t0), how);
}

/* Answers 304 Not Modified when the request's If-None-Match lists etag. Returns 1 after answering, else 0. */
static int not_modified(web_req *r, const char *etag, const char *cache_control, int vary, int64_t t0,
                        enum MHD_Result *rc) {
  const char *inm = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
  if (!inm || !reqparse_etag_listed(inm, etag)) return 0;
  struct MHD_Response *resp = MHD_create_response_from_buffer(0, "", MHD_RESPMEM_PERSISTENT);
  if (!resp) {
    *rc = MHD_NO;
    return 1;
  }
  decorate(resp, &(decoration){r, NULL, cache_control});
  MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
  if (vary) MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, MHD_HTTP_HEADER_ACCEPT_ENCODING);
  *rc = MHD_queue_response(r->conn, 304, resp);
  MHD_destroy_response(resp);
  access_log(r, 304, 0, t0, "");
  return 1;
}

/* Sends body (copied) with the given status, type and headers; answers 304 when the ETag matches. */
static enum MHD_Result send_response(web_req *r, int status, const char *ctype, const char *body, size_t len,
                                     buf *extra, const char *cache_control, int64_t t0, const char *how) {
  char etag[24];
  snprintf(etag, sizeof etag, "\"%016llx\"", (unsigned long long)fnv1a(body, len));
  enum MHD_Result rc;
  if (status == 200 && not_modified(r, etag, cache_control, 0, t0, &rc)) return rc;
  struct MHD_Response *resp = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
  if (!resp) return MHD_NO;
  decorate(resp, &(decoration){r, ctype, cache_control});
  if (status == 200) MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
  if (extra) add_extra_headers(resp, extra);
  rc = MHD_queue_response(r->conn, status, resp);
  MHD_destroy_response(resp);
  access_log(r, status, len, t0, how);
  return rc;
}

/* Sends a cached response and lets go of it. */
static enum MHD_Result send_cached(web_req *r, cache_hit *hit, const char *cache_control, int64_t t0, const char *how) {
  enum MHD_Result rc;
  if (!not_modified(r, hit->etag, cache_control, 1, t0, &rc)) {
    rc = MHD_queue_response(r->conn, 200, hit->resp);
    access_log(r, 200, hit->len, t0, how);
  }
  cache_release(hit);
  return rc;
}

static int serve_static(web_req *r, int64_t t0, enum MHD_Result *rc) {
  if (strncmp(r->url, "/static/", 8) != 0) return 0;
  char path[256];
  snprintf(path, sizeof path, "assets/%s", r->url + 8);
  const struct embed_file *f = strstr(r->url, "..") ? NULL : embed_get(path);
  if (!f) return 0;
  const char *ct = strstr(path, ".css")   ? "text/css; charset=utf-8"
                   : strstr(path, ".js")  ? "text/javascript; charset=utf-8"
                   : strstr(path, ".svg") ? "image/svg+xml"
                                          : "application/octet-stream";
  const char *cc = "public, max-age=86400";
  const char *ae = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
  int accept = reqparse_accept_encoding(ae);
  cache_hit hit;
  if (!config->no_cache &&
      (cache_get(path, accept, &hit) || cache_put(path, cache_generation(), ct, (const char *)f->data, f->len, accept,
                                                  decorate, &(decoration){r, ct, cc}, &hit)))
    *rc = send_cached(r, &hit, cc, t0, "");
  else
    *rc = send_response(r, 200, ct, (const char *)f->data, f->len, NULL, cc, t0, "");
  return 1;
}

static void cache_key(web_req *r, buf *key) {
  /* no Host in the key: absolute links come from the configured base URL, never from the request */
  buf_printf(key, "%r %r", r->lang, r->url);
  MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, add_arg, key);
}

/* Returns 1 when a POST (or any method but GET and HEAD) shows by its Origin or Sec-Fetch-Site headers that another
 * site sent it. The CSRF token is checked as well, by the handler. */
static int cross_site(web_req *r) {
  if (!strcmp(r->method, "GET") || !strcmp(r->method, "HEAD")) return 0;
  const char *origin = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Origin");
  const char *site = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Sec-Fetch-Site");
  const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
  return !client_same_site(origin, site, host, config->base_url);
}

/* Returns 1 after answering 403 when cross_site(r); otherwise 0, answering nothing. */
static int cross_site_refused_or_reply(web_req *r) {
  if (!cross_site(r)) return 0;
  if (!strncmp(r->path, "/api/", 5))
    web_json_error(r, 403, "cross-site request refused");
  else
    web_error(r, 403, T(r, "Lomake lähetettiin toiselta sivustolta, joten sitä ei käsitelty."));
  return 1;
}

/* Reads a POST's fields (and files): multipart/form-data or urlencoded. Returns 0 when the body is malformed. */
static int parse_body(web_req *r) {
  const char *ctype = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
  if (reqparse_is_multipart(ctype))
    return reqparse_multipart(&r->mem, ctype, r->body.data, r->body.len, &r->form, &r->nform, &r->files, &r->nfiles);
  return reqparse_form(&r->mem, r->body.data, r->body.len, &r->form, &r->nform);
}

static enum MHD_Result process(conn_ctx *c) {
  web_req *r = &c->r;
  enum MHD_Result rc;
  conntrack_request_read(c->track);
  r->db = thread_db();
  if (r->body_too_large) {
    char msg[300]; /* an upload: say how large a file may be */
    snprintf(msg, sizeof msg, "%s %d %s", T(r, "Tiedosto on liian suuri. Suurin sallittu koko on"),
             (int)((r->max_body - WEB_MAX_BODY) >> 20), T(r, "Mt."));
    web_error(r, 413, r->max_body > WEB_MAX_BODY ? msg : T(r, "Pyyntö on liian suuri."));
    return send_response(r, 413, r->ctype, r->out.data, r->out.len, &r->headers, "no-store", c->t0, "");
  }
  if (serve_static(r, c->t0, &rc)) return rc;
  int bad = 0;
  MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, check_arg, &bad);
  if (strlen(r->url) > WEB_MAX_URL || !util_utf8_valid(r->url, strlen(r->url))) bad = 1;
  if (!strcmp(r->method, "POST") && !parse_body(r)) bad = 1;
  if (!r->db) {
    web_error(r, 500, T(r, "Tietokanta ei ole käytettävissä."));
    return send_response(r, 500, r->ctype, r->out.data, r->out.len, &r->headers, "no-store", c->t0, "");
  }
  notice_foreign_writes(r->db);
  int anonymous = !MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "kehto_session");
  int get = !strcmp(r->method, "GET") || !strcmp(r->method, "HEAD");
  buf key = BUF_INIT;
  unsigned long gen = cache_generation();
  int accept = 0;
  cache_hit hit;
  if (get && anonymous && !bad && !config->no_cache) {
    drop_cache_at_scheduled_time(r->db);
    gen = cache_generation();
    cache_key(r, &key);
    accept = reqparse_accept_encoding(
        MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING));
    if (cache_get(key.data, accept, &hit)) {
      buf_free(&key);
      return send_cached(r, &hit, "no-cache", c->t0, " cached");
    }
  }
  load_user(r);
  if (bad && !strncmp(r->path, "/api/", 5))
    web_json_error(r, 400, "the request is not valid: its address or a parameter is not UTF-8");
  else if (bad)
    web_error(r, 400, T(r, "Pyyntö ei ole kelvollinen."));
  else if (!cross_site_refused_or_reply(r))
    routes_dispatch(r);
  if (key.len && r->cacheable && r->status == 200 && !r->headers.len && !r->no_store &&
      cache_put(key.data, gen, r->ctype, r->out.data ? r->out.data : "", r->out.len, accept, decorate,
                &(decoration){r, r->ctype, "no-cache"}, &hit)) {
    buf_free(&key);
    return send_cached(r, &hit, "no-cache", c->t0, "");
  }
  buf_free(&key);
  const char *cc = r->cache_control && r->status == 200 ? r->cache_control
                   : r->no_store || r->user.id          ? "no-store"
                                                        : "no-cache";
  return send_response(r, r->status, r->ctype, r->out.data ? r->out.data : "", r->out.len, &r->headers, cc, c->t0, "");
}

static enum MHD_Result add_forwarded_for(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
  buf *b = cls;
  if (value && strcasecmp(key, "X-Forwarded-For") == 0) buf_printf(b, "%r%r", b->len ? "," : "", value);
  return MHD_YES;
}

/* The client's address: the peer's, or behind the trusted proxy the one it names in X-Forwarded-For (every line of
 * that header, in order: a proxy may add its own line after the client's). Copied into the request arena. */
static const char *client_addr(web_req *r) {
  const union MHD_ConnectionInfo *ci = MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  char peer[INET6_ADDRSTRLEN] = "-";
  if (ci && ci->client_addr) {
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
      inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, peer, sizeof peer);
    else if (sa->sa_family == AF_INET6)
      inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, peer, sizeof peer);
  }
  if (!config->trusted_proxy || strcmp(peer, config->trusted_proxy) != 0) return arena_strdup(&r->mem, peer);
  buf xff = BUF_INIT;
  MHD_get_connection_values(r->conn, MHD_HEADER_KIND, add_forwarded_for, &xff);
  char addr[CLIENT_ADDR_MAX];
  client_address(peer, config->trusted_proxy, xff.data, addr, sizeof addr);
  buf_free(&xff);
  return arena_strdup(&r->mem, addr);
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls) {
  conn_ctx *c = *con_cls;
  if (!c) {
    c = calloc(1, sizeof *c);
    if (!c) return MHD_NO;
    *con_cls = c;
    c->t0 = util_now_ms();
    web_req *r = &c->r;
    r->conn = conn;
    r->method = arena_strdup(&r->mem, method);
    r->url = arena_strdup(&r->mem, url);
    r->lang = reqparse_lang(r->url, &r->path, &r->prefix);
    r->status = 200;
    r->ctype = "text/html; charset=utf-8";
    r->address = client_addr(r);
    c->track = conntrack_of(conn); /* the header is in: from here the body must keep a minimum rate */
    conntrack_header_done(c->track);
    const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    r->max_body = routes_body_limit(r->method, r->path);
    if (cl && strtoull(cl, NULL, 10) > r->max_body) {
      r->body_too_large = 1;
      return process(c); /* answer before reading the body: no 100-continue, the connection is closed */
    }
    return MHD_YES;
  }
  web_req *r = &c->r;
  if (*upload_size) {
    conntrack_body_bytes(c->track, *upload_size);
    if (r->body.len + *upload_size > r->max_body)
      r->body_too_large = 1;
    else
      buf_append(&r->body, upload, *upload_size);
    *upload_size = 0;
    return MHD_YES;
  }
  return process(c);
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe) {
  conn_ctx *c = *con_cls;
  if (!c) return;
  /* answered in full: a kept-alive connection now waits for its next header, with a deadline again */
  if (toe == MHD_REQUEST_TERMINATED_COMPLETED_OK) conntrack_request_done(c->track);
  buf_free(&c->r.body);
  buf_free(&c->r.out);
  buf_free(&c->r.headers);
  arena_free(&c->r.mem);
  free(c);
  *con_cls = NULL;
}

/* Room for every connection, the database files and some to spare: Debian's default soft limit is 1024. */
static void raise_fd_limit(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
  rlim_t want = MAX_CONNECTIONS + 256;
  if (rl.rlim_cur >= want) return;
  rl.rlim_cur = rl.rlim_max < want ? rl.rlim_max : want;
  setrlimit(RLIMIT_NOFILE, &rl);
  if (rl.rlim_cur < want)
    fprintf(stderr, "kehto: note: only %llu open files allowed; fewer than %d connections can be served\n",
            (unsigned long long)rl.rlim_cur, MAX_CONNECTIONS);
}

/* The outbox's sender, on a connection of its own, when --smtp says where mail goes; says where it goes. */
static void start_mail(const web_config *cfg) {
  if (!cfg->smtp) {
    fprintf(stderr, "kehto: mail: kept in the outbox (no --smtp)\n");
    return;
  }
  kerr e = {0};
  db *mail_db = db_open(cfg->db_path, 0, NULL, &e);
  if (!mail_db || mail_sender_start(mail_db, cfg->smtp) != K_OK) {
    fprintf(stderr, "kehto: mail: kept in the outbox: the sender did not start: %s\n", e.msg ? e.msg : "no thread");
    kerr_clear(&e);
    db_close(mail_db);
    return;
  }
  fprintf(stderr, "kehto: mail: via %s from %s%s\n", cfg->smtp->url, cfg->smtp->from,
          cfg->smtp->user ? " (with a login)" : "");
}

int web_serve(const web_config *cfg) {
  config = cfg;
  kerr e = {0};
  xlsx_init();
  if (i18n_init(&e) != K_OK) {
    fprintf(stderr, "kehto: %s\n", e.msg);
    kerr_clear(&e);
    return 1;
  }
  db *probe =
      db_open(cfg->db_path, 0, search_attach, &e); /* fail early, and run migrations once before the threads start */
  if (!probe) {
    fprintf(stderr, "kehto: %s\n", e.msg);
    kerr_clear(&e);
    return 1;
  }
  /* links in email are made with this server's base URL, by the CLI too (`kehto user invite`) */
  if (mail_remember_base_url(probe, cfg->base_url) != K_OK)
    fprintf(stderr, "kehto: cannot record the base URL: %s\n", db_errmsg(probe));
  db_close(probe);
  pthread_key_create(&db_key, close_thread_db);
  struct sockaddr_in sa;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_port = htons((uint16_t)cfg->port);
  if (inet_pton(AF_INET, cfg->bind, &sa.sin_addr) != 1) {
    fprintf(stderr, "kehto: --bind needs an IPv4 address such as 127.0.0.1, not '%s'\n", cfg->bind);
    return 1;
  }
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, NULL); /* the pool threads inherit the mask; this thread waits below */
  signal(SIGPIPE, SIG_IGN);
  raise_fd_limit();
  conntrack_limits limits = CONNTRACK_DEFAULTS;
  if (conntrack_start(&limits, cfg->trusted_proxy) != 0) {
    fprintf(stderr, "kehto: cannot start the connection watchdog\n");
    return 1;
  }
  /* The idle timeout stays for answers a client reads too slowly; conntrack sets the deadlines for requests. With
   * epoll, idle sockets cost the pool threads nothing; the connection limit is shared out among them. */
  struct MHD_Daemon *d = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, (uint16_t)cfg->port, NULL, NULL, handler, NULL,
      MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
      MHD_OPTION_NOTIFY_COMPLETED, completed, NULL, MHD_OPTION_NOTIFY_CONNECTION, conntrack_notify, NULL,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
      MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024, MHD_OPTION_END);
  if (!d) {
    conntrack_stop();
    fprintf(stderr, "kehto: cannot listen on %s:%d (is the port in use?)\n", cfg->bind, cfg->port);
    return 1;
  }
  /* the statistics are computed on a connection of their own, at once and after each change (report.h); without
   * it (no thread, say) a request computes them itself, as the CLI does */
  db *stats_db = db_open(cfg->db_path, 0, search_attach, &e);
  if (!stats_db || report_refresher_start(stats_db, cfg->stats_wait_ms) != K_OK) {
    fprintf(stderr, "kehto: note: statistics are computed on request: %s\n", e.msg ? e.msg : "no thread");
    kerr_clear(&e);
    db_close(stats_db);
  }
  start_mail(cfg);
  char *label = db_label(cfg->db_path);
  fprintf(stderr, "kehto: serving %s at http://%s:%d/ (%d threads); stop with Ctrl-C\n", label, cfg->bind, cfg->port,
          cfg->threads);
  free(label);
  fprintf(stderr, "kehto: links use %s/; cookies %s%s%s\n", cfg->base_url,
          cfg->secure_cookies ? "Secure (HTTPS only)" : "not Secure (plain HTTP allowed)",
          cfg->trusted_proxy ? "; client address from X-Forwarded-For when the peer is " : "",
          cfg->trusted_proxy ? cfg->trusted_proxy : "");
  int sig = 0;
  sigwait(&sigs, &sig);
  fprintf(stderr, "kehto: stopping\n");
  MHD_stop_daemon(d);
  conntrack_stop();
  report_refresher_stop();
  mail_sender_stop();
  cache_clear();
  return 0;
}
