/* util: small shared helpers: errors carried as values, logging, time, strings. */
#ifndef KEHTO_UTIL_H
#define KEHTO_UTIL_H
#include <stddef.h>
#include <stdint.h>

#define K_OK 0
#define K_ERR (-1)

/* A user error: a message that names what and where. Owned by whoever holds it; kerr_clear frees it. */
typedef struct kerr {
  char *msg;         /* NULL when there is no error */
  char *field;       /* optional: the form field or CSV column it is about */
  struct kerr *next; /* further errors (kerr_add), so a form can show every one at once; owned */
} kerr;

/* Marks a message for translation where it is written; the web layer looks it up with T() when it shows it
 * (gettext's N_). tests/e2e/test_i18n.sh checks that every marked message is in the catalogs. */
#define N_(s) s

/* Sets the error (formats with buf_printf conversions); returns K_ERR so callers can `return kerr_set(...)`. */
int kerr_set(kerr *e, const char *field, const char *fmt, ...);
void kerr_clear(kerr *e);
/* Adds an error: the first becomes e itself, later ones are chained on e->next. Returns K_ERR. */
int kerr_add(kerr *e, const char *field, const char *fmt, ...);
/* For a storage failure: logs detail (the database's own words) and sets a message fit for users,
 * "<what> epäonnistui. Yritä hetken kuluttua uudelleen." Returns K_ERR. */
int kerr_storage(kerr *e, const char *what, const char *detail);

/* Writes a log line to stderr with a UTC timestamp. Uses buf_printf conversions (%r for plain strings). */
void log_info(const char *fmt, ...);
void log_error(const char *fmt, ...);

/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes). */
void util_now_iso(char *out, size_t n);
int64_t util_now(void);
int64_t util_now_ms(void);

/* Returns 1 when s is NULL or only white space. */
int util_blank(const char *s);
/* Trims ASCII white space in place; returns s. */
char *util_trim(char *s);
/* calloc that never returns NULL (aborts when memory is out) and treats n == 0 as 1. Caller frees. */
void *util_calloc(size_t n, size_t size);
/* Makes room for element n of a growing array p of elements of size bytes whose capacity is *cap (doubling);
 * returns p or its new address (aborts when memory is out). For lists read row by row: v = util_grow(v, n, &cap, sizeof
 * *v). */
void *util_grow(void *p, int n, int *cap, size_t size);
/* The LIKE pattern "%q%" with \, % and _ escaped by \ (use ESCAPE '\'), malloc'd; "" when q is blank. Caller frees. */
char *util_like_contains(const char *q);
/* strdup that aborts on OOM; NULL in, NULL out. */
char *util_strdup(const char *s);
/* Parses a whole decimal integer in [lo,hi]; returns K_OK and sets *out, or K_ERR. */
int util_parse_int(const char *s, long long lo, long long hi, long long *out);
/* Number of UTF-8 characters (not bytes) in s; 0 for NULL. */
size_t util_utf8_len(const char *s);
/* Returns 1 if s is valid UTF-8. */
int util_utf8_valid(const char *s, size_t n);
/* Writes n random bytes as 2n hex characters plus NUL into out (size >= 2n+1). Uses libsodium. */
void util_random_hex(char *out, size_t nbytes);
/* Returns 1 if s looks like an email address (one @, a dot after it, no spaces). */
int util_email_valid(const char *s);

/* FNV-1a of the NUL-terminated string s (or of its first n bytes): a hash for small in-memory tables. */
unsigned util_hash(const char *s);
unsigned util_hash_n(const char *s, size_t n);

#endif
