/* server: libmicrohttpd with a thread pool, one SQLite connection per thread, body limits, sessions, the page
 * cache for anonymous GETs, security headers and the access log. */
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
#include <sys/socket.h>
#include <unistd.h>

#include "core/embed.h"
#include "web/cache.h"
#include "web/reqparse.h"
#include "web/routes.h"
#include "web/web.h"

static const web_config *config;
static pthread_key_t db_key;
static __thread long long seen_data_version = -1;

static const char *const SECURITY_HEADERS[][2] = {
    {"Content-Security-Policy",
     "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
     "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
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
  d = db_open(config->db_path, 0, &e);
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
 * have come after them but before this connection was opened, so its data_version cannot tell. */
static void notice_foreign_writes(db *d) {
  long long v = db_int(d, 0, "PRAGMA data_version", "");
  if (v != seen_data_version) web_changed();
  seen_data_version = v;
}

typedef struct conn_ctx {
  web_req r;
  int64_t t0;
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

static void add_common_headers(struct MHD_Response *resp) {
  for (size_t i = 0; i < sizeof SECURITY_HEADERS / sizeof SECURITY_HEADERS[0]; i++)
    MHD_add_response_header(resp, SECURITY_HEADERS[i][0], SECURITY_HEADERS[i][1]);
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
  /* %j: the URL is decoded and may hold newlines; one request must stay one log line */
  log_info("%r %j %j %d %zu %lldms%r", r->address ? r->address : "-", r->method, r->url, status, bytes,
           (long long)(util_now_ms() - t0), how);
}

/* Sends body (copied) with the given status, type and headers; answers 304 when the ETag matches. */
static enum MHD_Result send_response(web_req *r, int status, const char *ctype, const char *body, size_t len,
                                     buf *extra, const char *cache_control, int64_t t0, const char *how) {
  char etag[24];
  snprintf(etag, sizeof etag, "\"%016llx\"", (unsigned long long)fnv1a(body, len));
  const char *inm = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
  int not_modified = status == 200 && inm && reqparse_etag_listed(inm, etag);
  struct MHD_Response *resp =
      MHD_create_response_from_buffer(not_modified ? 0 : len, (void *)body, MHD_RESPMEM_MUST_COPY);
  if (!resp) return MHD_NO;
  add_common_headers(resp);
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
  /* the open API may be read from any site; set here so cached API answers carry it too */
  if (strncmp(r->url, "/api/", 5) == 0) MHD_add_response_header(resp, "Access-Control-Allow-Origin", "*");
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, cache_control);
  if (status == 200) MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
  if (extra) add_extra_headers(resp, extra);
  enum MHD_Result rc = MHD_queue_response(r->conn, not_modified ? 304 : status, resp);
  MHD_destroy_response(resp);
  access_log(r, not_modified ? 304 : status, not_modified ? 0 : len, t0, how);
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
  *rc = send_response(r, 200, ct, (const char *)f->data, f->len, NULL, "public, max-age=86400", t0, "");
  return 1;
}

static void cache_key(web_req *r, buf *key) {
  /* the host is part of the key: the feed's absolute links name it */
  const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
  buf_printf(key, "%j %r %r", host ? host : "", r->lang, r->url);
  MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, add_arg, key);
}

static enum MHD_Result process(conn_ctx *c) {
  web_req *r = &c->r;
  enum MHD_Result rc;
  r->db = thread_db();
  if (r->body_too_large) {
    web_error(r, 413, T(r, "Pyyntö on liian suuri."));
    return send_response(r, 413, r->ctype, r->out.data, r->out.len, &r->headers, "no-store", c->t0, "");
  }
  if (serve_static(r, c->t0, &rc)) return rc;
  int bad = 0;
  MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, check_arg, &bad);
  if (strlen(r->url) > WEB_MAX_URL || !util_utf8_valid(r->url, strlen(r->url))) bad = 1;
  if (!strcmp(r->method, "POST") && !reqparse_form(&r->mem, r->body.data, r->body.len, &r->form, &r->nform)) bad = 1;
  if (!r->db) {
    web_error(r, 500, T(r, "Tietokanta ei ole käytettävissä."));
    return send_response(r, 500, r->ctype, r->out.data, r->out.len, &r->headers, "no-store", c->t0, "");
  }
  notice_foreign_writes(r->db);
  int anonymous = !MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "kehto_session");
  int get = !strcmp(r->method, "GET") || !strcmp(r->method, "HEAD");
  buf key = BUF_INIT;
  unsigned long gen = cache_generation();
  if (get && anonymous && !bad && !config->no_cache) {
    cache_key(r, &key);
    cache_hit hit;
    if (cache_get(key.data, &hit)) {
      rc = send_response(r, 200, hit.ctype, hit.body, hit.len, NULL, "no-cache", c->t0, " cached");
      free(hit.body);
      buf_free(&key);
      return rc;
    }
  }
  load_user(r);
  if (bad)
    web_error(r, 400, T(r, "Pyyntö ei ole kelvollinen."));
  else
    routes_dispatch(r);
  if (key.len && r->cacheable && r->status == 200 && !r->headers.len)
    cache_put(key.data, gen, r->ctype, r->out.data, r->out.len);
  buf_free(&key);
  return send_response(r, r->status, r->ctype, r->out.data ? r->out.data : "", r->out.len, &r->headers,
                       r->no_store || r->user.id ? "no-store" : "no-cache", c->t0, "");
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
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    char addr[INET6_ADDRSTRLEN] = "-";
    if (ci && ci->client_addr) {
      const struct sockaddr *sa = ci->client_addr;
      if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, addr, sizeof addr);
      else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, addr, sizeof addr);
    }
    r->address = arena_strdup(&r->mem, addr);
    const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (cl && strtoull(cl, NULL, 10) > WEB_MAX_BODY) {
      r->body_too_large = 1;
      return process(c); /* answer before reading the body: no 100-continue, the connection is closed */
    }
    return MHD_YES;
  }
  web_req *r = &c->r;
  if (*upload_size) {
    if (r->body.len + *upload_size > WEB_MAX_BODY)
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
  buf_free(&c->r.body);
  buf_free(&c->r.out);
  buf_free(&c->r.headers);
  web_req_done(&c->r);
  arena_free(&c->r.mem);
  free(c);
  *con_cls = NULL;
}

int web_serve(const web_config *cfg) {
  config = cfg;
  kerr e = {0};
  if (i18n_init(&e) != K_OK) {
    fprintf(stderr, "kehto: %s\n", e.msg);
    kerr_clear(&e);
    return 1;
  }
  db *probe = db_open(cfg->db_path, 0, &e); /* fail early, and run migrations once before the threads start */
  if (!probe) {
    fprintf(stderr, "kehto: %s\n", e.msg);
    kerr_clear(&e);
    return 1;
  }
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
  struct MHD_Daemon *d = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, (uint16_t)cfg->port, NULL, NULL, handler, NULL,
      MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
      MHD_OPTION_NOTIFY_COMPLETED, completed, NULL, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000, MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024, MHD_OPTION_END);
  if (!d) {
    fprintf(stderr, "kehto: cannot listen on %s:%d (is the port in use?)\n", cfg->bind, cfg->port);
    return 1;
  }
  fprintf(stderr, "kehto: serving %s at http://%s:%d/ (%d threads); stop with Ctrl-C\n", cfg->db_path, cfg->bind,
          cfg->port, cfg->threads);
  int sig = 0;
  sigwait(&sigs, &sig);
  fprintf(stderr, "kehto: stopping\n");
  MHD_stop_daemon(d);
  cache_clear();
  return 0;
}
