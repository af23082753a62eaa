/* client: the client address behind a trusted proxy, the same-site check for POSTs, and the base URL. */
#include "web/client.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/util.h"

static int is_ip(const char *s) {
  unsigned char a[16];
  return inet_pton(AF_INET, s, a) == 1 || inet_pton(AF_INET6, s, a) == 1;
}

int client_is_loopback(const char *addr) {
  struct in_addr a;
  return addr && inet_pton(AF_INET, addr, &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

int client_address(const char *peer, const char *proxy, const char *xff, char *out, size_t n) {
  if (proxy && xff && strcmp(peer, proxy) == 0) {
    /* right to left: what the proxy appended is last; anything left of it the client could have written */
    const char *end = xff + strlen(xff);
    while (end > xff) {
      const char *start = end;
      while (start > xff && start[-1] != ',') start--;
      const char *a = start, *b = end;
      while (a < b && isspace((unsigned char)*a)) a++;
      while (b > a && isspace((unsigned char)b[-1])) b--;
      end = start > xff ? start - 1 : xff;
      char tok[CLIENT_ADDR_MAX];
      if (b == a) continue;
      if ((size_t)(b - a) >= sizeof tok) break;
      memcpy(tok, a, (size_t)(b - a));
      tok[b - a] = 0;
      if (strcmp(tok, proxy) == 0) continue;
      if (!is_ip(tok)) break;
      snprintf(out, n, "%s", tok);
      return 1;
    }
  }
  snprintf(out, n, "%s", peer);
  return 0;
}

typedef struct origin {
  int https;
  char host[256];
  int port; /* the scheme's default when none was given */
} origin;

/* Parses "host[:port]" from s up to end; host is a DNS name, an IPv4 address or "[IPv6]". */
static int parse_hostport(const char *s, const char *end, int default_port, origin *o) {
  const char *colon = NULL;
  if (s < end && *s == '[') {
    const char *close = memchr(s, ']', (size_t)(end - s));
    if (!close) return 0;
    for (const char *p = s + 1; p < close; p++)
      if (!isxdigit((unsigned char)*p) && *p != ':' && *p != '.') return 0;
    colon = close + 1 < end ? close + 1 : NULL;
    if (colon && *colon != ':') return 0;
  } else {
    for (const char *p = s; p < end; p++) {
      if (*p == ':') {
        colon = p;
        break;
      }
      if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-') return 0;
    }
  }
  const char *host_end = colon ? colon : end;
  if (host_end == s || (size_t)(host_end - s) >= sizeof o->host) return 0;
  for (size_t i = 0; s + i < host_end; i++) o->host[i] = (char)tolower((unsigned char)s[i]);
  o->host[host_end - s] = 0;
  o->port = default_port;
  if (colon) {
    char digits[8];
    size_t len = (size_t)(end - colon - 1);
    if (len == 0 || len >= sizeof digits) return 0;
    memcpy(digits, colon + 1, len);
    digits[len] = 0;
    long long port;
    if (util_parse_int(digits, 1, 65535, &port) != K_OK) return 0;
    o->port = (int)port;
  }
  return 1;
}

/* Parses "http(s)://host[:port]" (nothing after it). */
static int parse_origin(const char *s, origin *o) {
  if (strncasecmp(s, "https://", 8) == 0)
    o->https = 1;
  else if (strncasecmp(s, "http://", 7) == 0)
    o->https = 0;
  else
    return 0;
  const char *hp = s + (o->https ? 8 : 7);
  return parse_hostport(hp, hp + strlen(hp), o->https ? 443 : 80, o);
}

int client_same_site(const char *origin_hdr, const char *fetch_site, const char *host, const char *base_url) {
  if (fetch_site && strcasecmp(fetch_site, "cross-site") == 0) return 0;
  if (!origin_hdr) return 1;
  origin o, b, h;
  if (!parse_origin(origin_hdr, &o)) return 0; /* "null" (sandboxed frames, some redirects) lands here too */
  if (base_url && parse_origin(base_url, &b) && o.https == b.https && o.port == b.port && !strcmp(o.host, b.host))
    return 1;
  /* the browser sets Host to the site the form was sent to; the scheme is not in it, so its default port is the
   * Origin's own */
  if (host && parse_hostport(host, host + strlen(host), o.https ? 443 : 80, &h) && o.port == h.port &&
      !strcmp(o.host, h.host))
    return 1;
  return 0;
}

char *client_base_url(const char *url) {
  size_t n = strlen(url);
  if (n > 300) return NULL;
  char tmp[301];
  memcpy(tmp, url, n + 1);
  if (n && tmp[n - 1] == '/') tmp[n - 1] = 0;
  origin o;
  if (!parse_origin(tmp, &o)) return NULL;
  char out[320];
  int default_port = o.port == (o.https ? 443 : 80);
  if (default_port)
    snprintf(out, sizeof out, "%s://%s", o.https ? "https" : "http", o.host);
  else
    snprintf(out, sizeof out, "%s://%s:%d", o.https ? "https" : "http", o.host, o.port);
  return util_strdup(out);
}
