/* fuzz_http: whole requests through the real server (libmicrohttpd, web_serve, routes and pages) over loopback, on a
 * small database with a staff account: the request target with its query string (parsed by libmicrohttpd, read by the
 * pages), cookies, one more header and a urlencoded body. Checks that every request gets an answer and no 5xx.
 *
 * Input: byte 0 picks the method (bits 0-1: GET, POST, HEAD, GET), bit 2 adds the staff session cookie, bit 3 adds the
 * right CSRF token to the body. Then lines: the target ("/tekot?q=..."), the Cookie value, one header line
 * ("Name: value"), and the rest is the body. The login pages are skipped: each costs an argon2id hash and throttling.
 */
#include "fuzz.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "core/buf.h"
#include "model/deed.h"
#include "model/refdata.h"
#include "search/search.h"
#include "model/user.h"
#include "web/web.h"

static int port;
static char session[65], csrf[65];
static char dbpath[64];

static void *serve(void *arg) {
  web_serve(arg);
  return NULL;
}

static void die(const char *what, kerr *e) {
  fprintf(stderr, "fuzz_http: %s: %s\n", what, e && e->msg ? e->msg : "failed");
  exit(1);
}

static void setup_db(void) {
  kerr e = {0};
  snprintf(dbpath, sizeof dbpath, "/tmp/kehto-fuzz-http-%d.db", (int)getpid());
  unlink(dbpath);
  db *d = db_open(dbpath, 1, search_attach, &e);
  if (!d || refdata_load(d, &e) != K_OK) die("database", &e);
  deed x = {.title = (char *)"Työhyvinvointia kotihoitoon",
            .summary = (char *)"Kotihoidon työvuorot suunniteltiin yhdessä.",
            .goal = (char *)"Tavoite",
            .results = (char *)"Tulos",
            .org_name = (char *)"Helsingin kaupunki",
            .municipality_code = (char *)"091",
            .sector_code = (char *)"sote",
            .year = 2020,
            .themes = (char *)"työhyvinvointi, johtaminen"};
  if (!deed_insert(d, &x, "published", &e) || !deed_insert(d, &x, "submitted", &e)) die("deed_insert", &e);
  long long uid = user_add(d, "staff@example.fi", "staff", "Fuzz-Harness-Salasana-2026", 0, &e);
  if (!uid) die("user_add", &e);
  if (user_session_start(d, uid, session, sizeof session) != K_OK) die("session", NULL);
  user_info u;
  if (!user_session_get(d, session, &u)) die("session_get", NULL);
  memcpy(csrf, u.csrf, sizeof csrf);
  db_close(d);
}

static int connect_server(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  struct timeval tv = {.tv_sec = 20};
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  int rc;
  /* interrupted (SIGALRM, see below): the connection goes on; asking again says when it is there */
  while ((rc = connect(s, (struct sockaddr *)&sa, sizeof sa)) != 0 && (errno == EINTR || errno == EALREADY)) {
  }
  if (rc != 0 && errno != EISCONN) {
    close(s);
    return -1;
  }
  return s;
}

static void atexit_cleanup(void) {
  char p[80];
  unlink(dbpath);
  snprintf(p, sizeof p, "%s-wal", dbpath);
  unlink(p);
  snprintf(p, sizeof p, "%s-shm", dbpath);
  unlink(p);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  setup_db();
  atexit(atexit_cleanup);
  int s = socket(AF_INET, SOCK_STREAM, 0); /* a free port */
  struct sockaddr_in sa = {.sin_family = AF_INET};
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t n = sizeof sa;
  bind(s, (struct sockaddr *)&sa, sizeof sa);
  getsockname(s, (struct sockaddr *)&sa, &n);
  port = ntohs(sa.sin_port);
  close(s);
  static web_config cfg;
  cfg.db_path = dbpath;
  cfg.bind = "127.0.0.1";
  cfg.base_url = "http://127.0.0.1"; /* as kehto serve on loopback without --base-url; cookies not Secure */
  cfg.port = port;
  cfg.threads = 2;
  cfg.quiet = 1;
  pthread_t t;
  pthread_create(&t, NULL, serve, &cfg);
  pthread_detach(t);
  for (int i = 0; i < 200; i++) {
    int c = connect_server();
    if (c >= 0) {
      close(c);
      return 0;
    }
    usleep(20000);
  }
  die("the server did not start", NULL);
  return 0;
}

/* Appends the next line of the input (up to '\n') without CR, LF and NUL; spaces become %20 when in_target. */
static void take_line(buf *out, const uint8_t **p, const uint8_t *end, int in_target) {
  while (*p < end && **p != '\n') {
    uint8_t c = *(*p)++;
    if (c == '\r' || c == 0) continue;
    if (c == ' ' && in_target)
      buf_puts(out, "%20");
    else
      buf_putc(out, (char)c);
  }
  if (*p < end) (*p)++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!size) return 0;
  static const char *const methods[] = {"GET", "POST", "HEAD", "GET"};
  const char *method = methods[data[0] & 3];
  int with_session = data[0] & 4, with_csrf = data[0] & 8;
  const uint8_t *p = data + 1, *end = data + size;
  buf target = BUF_INIT, cookie = BUF_INIT, header = BUF_INIT, body = BUF_INIT;
  take_line(&target, &p, end, 1);
  take_line(&cookie, &p, end, 0);
  take_line(&header, &p, end, 0);
  if (with_csrf)
    buf_printf(&body, "csrf=%r&",
               with_session ? csrf : "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  buf_append(&body, p, (size_t)(end - p));
  const char *t = target.data ? target.data : "";
  if (strstr(t, "kirjaudu")) goto done;

  buf req = BUF_INIT;
  buf_printf(&req, "%r %r%r HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n", method, t[0] == '/' ? "" : "/", t);
  buf_printf(&req, "Cookie: kehto_csrf=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef%r%r%r%r\r\n",
             with_session ? "; kehto_session=" : "", with_session ? session : "", cookie.len ? "; " : "",
             cookie.data ? cookie.data : "");
  if (header.len && strchr(header.data, ':')) buf_printf(&req, "%r\r\n", header.data);
  if (!strcmp(method, "POST"))
    buf_printf(&req, "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n", body.len);
  buf_puts(&req, "\r\n");
  if (!strcmp(method, "POST")) buf_append(&req, body.data ? body.data : "", body.len);

  int64_t t0 = util_now_ms();
  int s = connect_server();
  FUZZ_CHECK(s >= 0);
  for (size_t off = 0; off < req.len;) {
    ssize_t w = send(s, req.data + off, req.len - off, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) break;
    off += (size_t)w;
  }
  char head[16] = {0};
  size_t got = 0;
  char sink[4096];
  ssize_t r;
  /* libFuzzer's timeout timer sends SIGALRM now and then: an interrupted call is retried */
  while ((r = recv(s, sink, sizeof sink, 0)) > 0 || (r < 0 && errno == EINTR)) {
    if (r < 0) continue;
    if (got < sizeof head - 1)
      memcpy(head + got, sink, sizeof head - 1 - got < (size_t)r ? sizeof head - 1 - got : (size_t)r);
    got += (size_t)r;
  }
  int recv_errno = r < 0 ? errno : 0;
  close(s);
  if (got == 0)
    fprintf(stderr, "fuzz_http: no answer after %lld ms (%s) to:\n%.*s\n", (long long)(util_now_ms() - t0),
            recv_errno ? strerror(recv_errno) : "closed", (int)(req.len > 2000 ? 2000 : req.len), req.data);
  if (getenv("FUZZ_HTTP_VERBOSE")) fprintf(stderr, "fuzz_http: %s %s -> %.12s\n", method, t, head);
  FUZZ_CHECK(got > 0);
  FUZZ_CHECK(!strncmp(head, "HTTP/1.1 ", 9));
  if (head[9] == '5')
    fprintf(stderr, "fuzz_http: %s to:\n%.*s\n", head, (int)(req.len > 2000 ? 2000 : req.len), req.data);
  FUZZ_CHECK(head[9] != '5');
  buf_free(&req);
done:
  buf_free(&target);
  buf_free(&cookie);
  buf_free(&header);
  buf_free(&body);
  return 0;
}
