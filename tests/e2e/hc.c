/* hc: the end-to-end scripts' HTTP client for the requests of lib.sh's get and post, and their free ports.
 *
 * curl did this, but a curl process costs about 25 ms of CPU to start (its 33 libraries), and the scripts send
 * some 6,000 requests per run of make check: minutes of the two cores. This one needs only libc. It speaks just
 * what the scripts send to kehto serve on loopback: HTTP/1.1, one request per connection, no TLS, no redirects.
 *
 *   hc [-H "Name: value"]... [-d name=value]... BODY HEADERS JAR URL
 *       GET (POST with -d: each value URL-encoded, as curl's --data-urlencode) URL with the cookies of JAR, a
 *       Netscape cookie file as curl reads and writes it (absent: none), stored back with the answer's Set-Cookie;
 *       the answer's body into file BODY, its status line and headers as received into HEADERS; prints the status
 *       code (000 when the server cannot be reached, exit 7, as curl -w '%{http_code}')
 *   hc --wait URL      exits 0 once the server answers a GET of URL (within 15 s), 1 otherwise
 *   hc --free-port     prints a TCP port on 127.0.0.1 that nothing listens on
 *
 * Cookies are kept per host (not per port, as browsers and curl do: two servers on one host share them), with their
 * path; Max-Age=0 or an Expires in the past removes one; Secure ones are kept and sent (loopback counts as secure,
 * as in curl). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_COOKIES 64
#define MAX_HEADERS 16

typedef struct cookie {
  char *host, *path, *name, *value;
  long long expires; /* 0: a session cookie */
  int secure, httponly;
} cookie;

static cookie jar[MAX_COOKIES];
static int njar;

static void die(const char *msg) {
  fprintf(stderr, "hc: %s\n", msg);
  exit(2);
}

static char *sdup(const char *s, size_t n) {
  char *p = strndup(s, n);
  if (!p) die("out of memory");
  return p;
}

/* ---- a growing byte buffer ---- */
typedef struct bytes {
  char *p;
  size_t n, cap;
} bytes;

static void put(bytes *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    b->cap = (b->n + n + 1) * 2;
    b->p = realloc(b->p, b->cap);
    if (!b->p) die("out of memory");
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}

static void puts_(bytes *b, const char *s) {
  put(b, s, strlen(s));
}

/* ---- the URL: http://HOST:PORT/PATH ---- */
typedef struct url {
  char host[256];
  int port;
  const char *path; /* from the first '/', or "/" */
} url;

static int parse_url(const char *s, url *u) {
  if (strncmp(s, "http://", 7)) return -1;
  s += 7;
  const char *end = s + strcspn(s, ":/");
  if (end == s || (size_t)(end - s) >= sizeof u->host) return -1;
  memcpy(u->host, s, (size_t)(end - s));
  u->host[end - s] = 0;
  u->port = 80;
  if (*end == ':') {
    u->port = atoi(end + 1);
    end += 1 + strspn(end + 1, "0123456789");
  }
  u->path = *end == '/' ? end : "/";
  return u->port > 0 && u->port < 65536 ? 0 : -1;
}

static int connect_to(const url *u) {
  struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *res;
  char port[16];
  snprintf(port, sizeof port, "%d", u->port);
  if (getaddrinfo(u->host, port, &hints, &res)) return -1;
  int fd = -1;
  for (struct addrinfo *a = res; a && fd < 0; a = a->ai_next) {
    fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd >= 0 && connect(fd, a->ai_addr, a->ai_addrlen)) close(fd), fd = -1;
  }
  freeaddrinfo(res);
  return fd;
}

/* ---- cookies ---- */
static void jar_read(const char *file) {
  FILE *f = fopen(file, "r");
  if (!f) return;
  char line[8192];
  while (fgets(line, sizeof line, f) && njar < MAX_COOKIES) {
    line[strcspn(line, "\r\n")] = 0;
    int httponly = 0;
    char *l = line;
    if (!strncmp(l, "#HttpOnly_", 10))
      l += 10, httponly = 1;
    else if (*l == '#' || !*l)
      continue;
    char *f7[7];
    int k = 0;
    for (char *p = l; k < 7; k++) {
      f7[k] = p;
      char *tab = strchr(p, '\t');
      if (!tab) break;
      *tab = 0, p = tab + 1;
    }
    if (k < 6) continue; /* 7 fields: host, subdomains, path, secure, expires, name, value */
    jar[njar++] = (cookie){sdup(f7[0], strlen(f7[0])),
                           sdup(f7[2], strlen(f7[2])),
                           sdup(f7[5], strlen(f7[5])),
                           sdup(f7[6], strlen(f7[6])),
                           atoll(f7[4]),
                           !strcmp(f7[3], "TRUE"),
                           httponly};
  }
  fclose(f);
}

static void jar_write(const char *file) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.hc%ld", file, (long)getpid());
  FILE *f = fopen(tmp, "w");
  if (!f) die("cannot write the cookie jar");
  fputs("# Netscape HTTP Cookie File\n# written by tests/e2e/hc\n\n", f);
  for (int i = 0; i < njar; i++) {
    const cookie *c = &jar[i];
    if (!c->name) continue;
    fprintf(f, "%s%s\tFALSE\t%s\t%s\t%lld\t%s\t%s\n", c->httponly ? "#HttpOnly_" : "", c->host, c->path,
            c->secure ? "TRUE" : "FALSE", c->expires, c->name, c->value);
  }
  if (fclose(f) || rename(tmp, file)) die("cannot write the cookie jar");
}

static int path_matches(const char *cpath, const char *rpath) {
  size_t n = strlen(cpath);
  if (strncmp(cpath, rpath, n)) return 0;
  return n && (cpath[n - 1] == '/' || rpath[n] == 0 || rpath[n] == '/' || rpath[n] == '?');
}

/* The value of attribute name (without '=') in the Set-Cookie attributes a, copied into out. */
static int attr(const char *a, const char *name, char *out, size_t cap) {
  size_t n = strlen(name);
  for (const char *p = a; p && *p;) {
    while (*p == ';' || *p == ' ') p++;
    size_t len = strcspn(p, ";");
    if (!strncasecmp(p, name, n) && (p[n] == '=' || p[n] == ';' || p[n] == 0 || p[n] == ' ')) {
      const char *v = p[n] == '=' ? p + n + 1 : p + n;
      size_t vl = (size_t)(p + len - v);
      while (vl && v[vl - 1] == ' ') vl--;
      if (vl >= cap) vl = cap - 1;
      memcpy(out, v, vl);
      out[vl] = 0;
      return 1;
    }
    p += len;
  }
  return 0;
}

static void set_cookie(const url *u, const char *h) {
  const char *eq = strchr(h, '='), *semi = h + strcspn(h, ";");
  if (!eq || eq > semi) return;
  char *name = sdup(h, (size_t)(eq - h)), *value = sdup(eq + 1, (size_t)(semi - eq - 1));
  char path[1024] = "/", v[256];
  if (!attr(semi, "path", path, sizeof path) || path[0] != '/') {
    size_t n = strcspn(u->path, "?"); /* the default path: the request's directory */
    const char *slash = u->path;
    for (const char *p = u->path; p < u->path + n; p++)
      if (*p == '/') slash = p;
    snprintf(path, sizeof path, "%.*s", slash == u->path ? 1 : (int)(slash - u->path), u->path);
  }
  long long expires = 0, now = (long long)time(NULL);
  int gone = 0;
  if (attr(semi, "max-age", v, sizeof v)) {
    long long age = atoll(v);
    gone = age <= 0, expires = now + age;
  } else if (attr(semi, "expires", v, sizeof v)) {
    struct tm tm = {0};
    if (strptime(v, "%a, %d %b %Y %H:%M:%S GMT", &tm)) {
      expires = (long long)timegm(&tm);
      gone = expires <= now;
    }
  }
  int secure = attr(semi, "secure", v, sizeof v), httponly = attr(semi, "httponly", v, sizeof v);
  for (int i = 0; i < njar; i++) /* the same name, host and path: replaced (or removed) */
    if (jar[i].name && !strcmp(jar[i].name, name) && !strcmp(jar[i].host, u->host) && !strcmp(jar[i].path, path))
      jar[i].name = NULL;
  if (gone || njar >= MAX_COOKIES) return;
  jar[njar++] =
      (cookie){sdup(u->host, strlen(u->host)), sdup(path, strlen(path)), name, value, expires, secure, httponly};
}

/* ---- the request ---- */
static void urlencode(bytes *b, const char *s) {
  static const char hex[] = "0123456789ABCDEF";
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~", c)) {
      put(b, (const char *)&c, 1);
    } else {
      char e[3] = {'%', hex[c >> 4], hex[c & 15]};
      put(b, e, 3);
    }
  }
}

static int send_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w, n -= (size_t)w;
  }
  return 0;
}

static int read_all(int fd, bytes *b) {
  char chunk[65536];
  for (;;) {
    ssize_t r = read(fd, chunk, sizeof chunk);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return b->n ? 0 : -1; /* a reset after the whole answer still counts */
    if (r == 0) return 0;
    put(b, chunk, (size_t)r);
  }
}

/* The body of a chunked answer, decoded in place; its new length. */
static size_t unchunk(char *p, size_t n) {
  size_t in = 0, out = 0;
  while (in < n) {
    char *end;
    unsigned long len = strtoul(p + in, &end, 16);
    char *crlf = memmem(p + in, n - in, "\r\n", 2);
    if (!crlf || end > crlf || len == 0) break;
    in = (size_t)(crlf - p) + 2;
    if (len > n - in) len = n - in;
    memmove(p + out, p + in, len);
    out += len, in += len + 2;
  }
  return out;
}

/* The value of header name in the header block h (lines ending in CRLF), or NULL. */
static const char *header_value(const char *h, const char *name, size_t *len) {
  size_t n = strlen(name);
  for (const char *l = strstr(h, "\r\n"); l && l[2] && !(l[2] == '\r' && l[3] == '\n'); l = strstr(l + 2, "\r\n")) {
    const char *s = l + 2;
    if (!strncasecmp(s, name, n) && s[n] == ':') {
      s += n + 1;
      while (*s == ' ') s++;
      *len = strcspn(s, "\r\n");
      return s;
    }
  }
  return NULL;
}

static int request(const url *u, const char **hdrs, int nh, const bytes *form, bytes *answer) {
  int fd = connect_to(u);
  if (fd < 0) return -1;
  bytes rq = {0};
  puts_(&rq, form ? "POST " : "GET ");
  puts_(&rq, u->path);
  puts_(&rq, " HTTP/1.1\r\n");
  int has_host = 0;
  for (int i = 0; i < nh; i++) has_host |= !strncasecmp(hdrs[i], "host:", 5);
  if (!has_host) {
    char host[300];
    snprintf(host, sizeof host, "Host: %s:%d\r\n", u->host, u->port);
    puts_(&rq, host);
  }
  puts_(&rq, "User-Agent: kehto-e2e-hc\r\nAccept: */*\r\nConnection: close\r\n");
  bytes ck = {0};
  long long now = (long long)time(NULL);
  for (int i = 0; i < njar; i++) {
    const cookie *c = &jar[i];
    if (!c->name || strcmp(c->host, u->host) || !path_matches(c->path, u->path) || (c->expires && c->expires <= now))
      continue;
    if (ck.n) puts_(&ck, "; ");
    puts_(&ck, c->name);
    puts_(&ck, "=");
    puts_(&ck, c->value);
  }
  if (ck.n) puts_(&rq, "Cookie: "), put(&rq, ck.p, ck.n), puts_(&rq, "\r\n");
  for (int i = 0; i < nh; i++) puts_(&rq, hdrs[i]), puts_(&rq, "\r\n");
  if (form) {
    char cl[128];
    snprintf(cl, sizeof cl, "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n", form->n);
    puts_(&rq, cl);
  }
  puts_(&rq, "\r\n");
  if (form && form->n) put(&rq, form->p, form->n);
  int rc = send_all(fd, rq.p, rq.n) == 0 && read_all(fd, answer) == 0 ? 0 : -1;
  close(fd);
  free(rq.p);
  free(ck.p);
  return rc;
}

static int wait_for(const char *u_) {
  url u;
  if (parse_url(u_, &u)) die("bad URL");
  for (int i = 0; i < 300; i++) {
    bytes a = {0};
    if (request(&u, NULL, 0, NULL, &a) == 0 && a.n >= 12 && !strncmp(a.p, "HTTP/", 5)) return 0;
    free(a.p);
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  return 1;
}

static int free_port(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t n = sizeof a;
  if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) || getsockname(fd, (struct sockaddr *)&a, &n))
    die("no free port");
  printf("%d\n", ntohs(a.sin_port));
  close(fd);
  return 0;
}

static int write_file(const char *file, const char *p, size_t n) {
  FILE *f = fopen(file, "w");
  if (!f || (n && fwrite(p, 1, n, f) != n) || fclose(f)) return -1;
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 3 && !strcmp(argv[1], "--wait")) return wait_for(argv[2]);
  if (argc == 2 && !strcmp(argv[1], "--free-port")) return free_port();
  const char *hdrs[MAX_HEADERS];
  int nh = 0, i = 1;
  bytes form = {0};
  int post = 0;
  for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
    if (!strcmp(argv[i], "-H") && nh < MAX_HEADERS) {
      hdrs[nh++] = argv[i + 1];
    } else if (!strcmp(argv[i], "-d")) {
      const char *eq = strchr(argv[i + 1], '=');
      if (form.n) puts_(&form, "&");
      if (eq) put(&form, argv[i + 1], (size_t)(eq - argv[i + 1]) + 1);
      urlencode(&form, eq ? eq + 1 : argv[i + 1]);
      post = 1;
    } else {
      die("usage: hc [-H HEADER]... [-d NAME=VALUE]... BODY HEADERS JAR URL | --wait URL | --free-port");
    }
  }
  if (argc - i != 4) die("usage: hc [-H HEADER]... [-d NAME=VALUE]... BODY HEADERS JAR URL | --wait URL | --free-port");
  const char *body_file = argv[i], *head_file = argv[i + 1], *jar_file = argv[i + 2];
  url u;
  if (parse_url(argv[i + 3], &u)) die("bad URL (http://HOST:PORT/PATH)");
  jar_read(jar_file);
  bytes a = {0};
  if (request(&u, hdrs, nh, post ? &form : NULL, &a) || a.n < 12 || strncmp(a.p, "HTTP/", 5)) {
    printf("000");
    return 7;
  }
  char *end = memmem(a.p, a.n, "\r\n\r\n", 4);
  size_t hlen = end ? (size_t)(end - a.p) + 4 : a.n;
  char *head = sdup(a.p, hlen), *body = a.p + hlen;
  size_t blen = a.n - hlen, vl;
  const char *te = header_value(head, "Transfer-Encoding", &vl);
  if (te && vl >= 7 && !strncasecmp(te, "chunked", 7)) blen = unchunk(body, blen);
  int changed = 0;
  for (const char *l = strstr(head, "\r\n"); l && l[2] && l[2] != '\r'; l = strstr(l + 2, "\r\n")) {
    const char *s = l + 2;
    if (strncasecmp(s, "set-cookie:", 11)) continue;
    s += 11;
    while (*s == ' ') s++;
    char *one = sdup(s, strcspn(s, "\r\n"));
    set_cookie(&u, one);
    free(one);
    changed = 1;
  }
  if (changed) jar_write(jar_file);
  if (write_file(body_file, body, blen) || write_file(head_file, head, hlen)) die("cannot write the answer");
  printf("%.3s", a.p + 9);
  return 0;
}
