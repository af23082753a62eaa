/* util: error values, logging, time and string helpers used everywhere. */
#include "core/util.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"

static void kerr_vfill(kerr *e, const char *field, const char *fmt, va_list ap) {
  buf b = BUF_INIT;
  buf_vprintf(&b, fmt, ap);
  e->msg = buf_detach(&b);
  e->field = field ? util_strdup(field) : NULL;
}

int kerr_set(kerr *e, const char *field, const char *fmt, ...) {
  if (!e) return K_ERR;
  kerr_clear(e);
  va_list ap;
  va_start(ap, fmt);
  kerr_vfill(e, field, fmt, ap);
  va_end(ap);
  return K_ERR;
}

int kerr_add(kerr *e, const char *field, const char *fmt, ...) {
  if (!e) return K_ERR;
  kerr *slot = e;
  if (e->msg) {
    while (slot->next) slot = slot->next;
    slot->next = util_calloc(1, sizeof *slot->next);
    slot = slot->next;
  }
  va_list ap;
  va_start(ap, fmt);
  kerr_vfill(slot, field, fmt, ap);
  va_end(ap);
  return K_ERR;
}

int kerr_storage(kerr *e, const char *what, const char *detail) {
  log_error("%r failed: %r", what, detail ? detail : "");
  return kerr_set(e, NULL, "%r epäonnistui. Yritä hetken kuluttua uudelleen.", what);
}

void kerr_clear(kerr *e) {
  if (!e) return;
  free(e->msg);
  free(e->field);
  for (kerr *n = e->next, *next; n; n = next) {
    next = n->next;
    free(n->msg);
    free(n->field);
    free(n);
  }
  e->msg = NULL;
  e->field = NULL;
  e->next = NULL;
}

static void vlog(const char *level, const char *fmt, va_list ap) {
  char ts[32];
  util_now_iso(ts, sizeof ts);
  buf b = BUF_INIT;
  buf_printf(&b, "%r %r ", ts, level);
  buf_vprintf(&b, fmt, ap);
  buf_putc(&b, '\n');
  fwrite(b.data, 1, b.len, stderr);
  buf_free(&b);
}

void log_info(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vlog("info", fmt, ap);
  va_end(ap);
}

void log_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vlog("error", fmt, ap);
  va_end(ap);
}

void util_now_iso(char *out, size_t n) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int64_t util_now(void) {
  return (int64_t)time(NULL);
}

int64_t util_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int util_blank(const char *s) {
  if (!s) return 1;
  for (; *s; s++)
    if (!isspace((unsigned char)*s)) return 0;
  return 1;
}

char *util_trim(char *s) {
  if (!s) return s;
  char *p = s;
  while (*p && isspace((unsigned char)*p)) p++;
  size_t n = strlen(p);
  while (n > 0 && isspace((unsigned char)p[n - 1])) n--;
  memmove(s, p, n);
  s[n] = 0;
  return s;
}

void *util_calloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size);
  if (!p) abort(); /* out of memory */
  return p;
}

void *util_grow(void *p, int n, int *cap, size_t size) {
  if (n < *cap) return p;
  *cap = *cap ? *cap * 2 : 16;
  p = realloc(p, (size_t)*cap * size);
  if (!p) abort(); /* out of memory */
  return p;
}

char *util_like_contains(const char *q) {
  if (util_blank(q)) return util_strdup("");
  buf b = BUF_INIT;
  buf_putc(&b, '%');
  for (const char *p = q; *p; p++) {
    if (*p == '\\' || *p == '%' || *p == '_') buf_putc(&b, '\\');
    buf_putc(&b, *p);
  }
  buf_putc(&b, '%');
  return buf_detach(&b);
}

char *util_strdup(const char *s) {
  if (!s) return NULL;
  char *p = strdup(s);
  if (!p) abort(); /* out of memory */
  return p;
}

int util_parse_int(const char *s, long long lo, long long hi, long long *out) {
  if (!s || !*s) return K_ERR;
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (errno || *end || v < lo || v > hi) return K_ERR;
  *out = v;
  return K_OK;
}

size_t util_utf8_len(const char *s) {
  size_t n = 0;
  for (; s && *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80) n++;
  return n;
}

int util_utf8_valid(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s, *e = p + n;
  while (p < e) {
    unsigned c = *p;
    size_t k;
    unsigned min;
    if (c < 0x80) {
      p++;
      continue;
    } else if ((c & 0xE0) == 0xC0)
      k = 1, min = 0x80, c &= 0x1F;
    else if ((c & 0xF0) == 0xE0)
      k = 2, min = 0x800, c &= 0x0F;
    else if ((c & 0xF8) == 0xF0)
      k = 3, min = 0x10000, c &= 0x07;
    else
      return 0;
    if ((size_t)(e - p) <= k) return 0;
    for (size_t i = 1; i <= k; i++) {
      if ((p[i] & 0xC0) != 0x80) return 0;
      c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
    p += k + 1;
  }
  return 1;
}

void util_random_hex(char *out, size_t nbytes) {
  unsigned char raw[64];
  if (nbytes > sizeof raw) nbytes = sizeof raw;
  randombytes_buf(raw, nbytes);
  sodium_bin2hex(out, nbytes * 2 + 1, raw, nbytes);
}

int util_email_valid(const char *s) {
  if (!s || strlen(s) > 254) return 0;
  const char *at = strchr(s, '@');
  if (!at || at == s || strchr(at + 1, '@')) return 0;
  const char *dot = strrchr(at, '.');
  if (!dot || dot == at + 1 || !dot[1]) return 0;
  for (const char *p = s; *p; p++)
    if (isspace((unsigned char)*p) || *p == '<' || *p == '>' || *p == '"' || *p == ',') return 0;
  return 1;
}

unsigned util_hash_n(const char *s, size_t n) {
  unsigned h = 2166136261u; /* FNV-1a */
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

unsigned util_hash(const char *s) {
  return util_hash_n(s, strlen(s));
}
