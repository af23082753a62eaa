/* buf: one growable byte buffer for HTML, JSON, CSV and SQL text, with a printf whose conversions escape by context. */
#ifndef KEHTO_BUF_H
#define KEHTO_BUF_H
#include <stdarg.h>
#include <stddef.h>

typedef struct buf {
  char *data; /* always NUL-terminated when cap > 0; owned by the buffer */
  size_t len;
  size_t cap;
} buf;

#define BUF_INIT                                                                                                       \
  { NULL, 0, 0 }

void buf_init(buf *b);
/* Frees the storage; the buffer may be reused after buf_init. */
void buf_free(buf *b);
void buf_reset(buf *b);
/* Returns the data and hands ownership to the caller (free()); the buffer is empty afterwards. Never NULL. */
char *buf_detach(buf *b);
void buf_grow(buf *b, size_t extra);

/* Raw output: the visible way to write bytes that are already safe for where they go. */
void buf_append(buf *b, const void *p, size_t n);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);

/* Escaping writers, one per output context. NULL writes nothing. */
void buf_html(buf *b, const char *s);  /* HTML text and quoted attribute values: & < > " '; other C0 controls than tab, LF, CR dropped */
void buf_url(buf *b, const char *s);   /* one URL component (RFC 3986 unreserved kept) */
void buf_json(buf *b, const char *s);  /* a JSON string's contents, without quotes */
void buf_jsonq(buf *b, const char *s); /* a quoted JSON string, or null for NULL */
void buf_csv(buf *b, const char *s);   /* one CSV field, quoted when needed, formula-safe */
void buf_xml(buf *b, const char *s);   /* XML text (Atom), same rules as HTML */

/* Formats into the buffer. Strings have no plain %s: each names its context.
 *   %h  HTML text or attribute (escaped)      %U  URL component (percent-encoded)
 *   %j  JSON string contents (escaped)        %J  quoted JSON string or null
 *   %C  CSV field                             %r  raw string (trusted, visible)
 *   %d %i %u %ld %lu %lld %llu %zu %x  integers   %c  char   %%  percent
 *   %f %.Nf  double                           %N  long long with Finnish thousands separator (narrow nbsp)
 *   %D  Finnish date from "YYYY-MM-DD..." text (22.11.2026)
 * Width flags are not supported. An unknown conversion is a bug and asserts. */
void buf_printf(buf *b, const char *fmt, ...);
void buf_vprintf(buf *b, const char *fmt, va_list ap);

/* Returns a malloc'd formatted string (same conversions). Caller frees. */
char *buf_mprintf(const char *fmt, ...);

/* Writes a Finnish date "22.11.2026" from ISO text "2026-11-22[...]"; other text is written escaped as it is. */
void buf_fidate(buf *b, const char *iso);
/* Writes n with a narrow no-break space every three digits: 10 000. */
void buf_finum(buf *b, long long n);
/* Writes cents as Finnish euros without the sign: 1 234,50 (groups as buf_finum, two decimals after a comma). */
void buf_fimoney(buf *b, long long cents);
/* The same followed by a no-break space and the euro sign: 1 234,50 €. */
void buf_fieuro(buf *b, long long cents);

#endif
