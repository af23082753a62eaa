/* buf: growable byte buffer and its context-escaping printf. */
#include "core/buf.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b) {
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
}

void buf_free(buf *b) {
  free(b->data);
  buf_init(b);
}

void buf_reset(buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = 0;
}

void buf_grow(buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return;
  size_t ncap = b->cap ? b->cap : 256;
  while (ncap < b->len + extra + 1) ncap *= 2;
  char *p = realloc(b->data, ncap);
  if (!p) {
    fprintf(stderr, "kehto: out of memory\n");
    abort(); /* not user input: the machine is out of memory */
  }
  b->data = p;
  b->cap = ncap;
  b->data[b->len] = 0; /* a fresh buffer is an empty string at once (buf_detach of an empty buffer) */
}

char *buf_detach(buf *b) {
  buf_grow(b, 0);
  char *p = b->data;
  buf_init(b);
  return p;
}

void buf_append(buf *b, const void *p, size_t n) {
  buf_grow(b, n);
  if (n) memcpy(b->data + b->len, p, n);
  b->len += n;
  b->data[b->len] = 0;
}

void buf_puts(buf *b, const char *s) {
  if (s) buf_append(b, s, strlen(s));
}

void buf_putc(buf *b, char c) {
  buf_grow(b, 1);
  b->data[b->len++] = c;
  b->data[b->len] = 0;
}

void buf_html(buf *b, const char *s) {
  if (!s) return;
  const char *run = s;
  for (; *s; s++) {
    const char *rep = NULL;
    switch (*s) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    case '\t':
    case '\n':
    case '\r': continue;
    default:
      /* the other C0 controls are not allowed in XML 1.0 (an Atom feed would not parse) and are parse errors in
       * HTML: dropped, like a form feed pasted into a title */
      if ((unsigned char)*s < 0x20)
        rep = "";
      else
        continue;
    }
    buf_append(b, run, (size_t)(s - run));
    buf_puts(b, rep);
    run = s + 1;
  }
  buf_append(b, run, (size_t)(s - run));
}

void buf_xml(buf *b, const char *s) {
  buf_html(b, s);
}

void buf_url(buf *b, const char *s) {
  static const char hex[] = "0123456789ABCDEF";
  if (!s) return;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    unsigned char c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      buf_putc(b, (char)c);
    } else {
      char t[3] = {'%', hex[c >> 4], hex[c & 15]};
      buf_append(b, t, 3);
    }
  }
}

void buf_json(buf *b, const char *s) {
  static const char hex[] = "0123456789abcdef";
  if (!s) return;
  const char *run = s;
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') continue;
    buf_append(b, run, (size_t)(s - run));
    run = s + 1;
    switch (c) {
    case '"': buf_puts(b, "\\\""); break;
    case '\\': buf_puts(b, "\\\\"); break;
    case '\n': buf_puts(b, "\\n"); break;
    case '\r': buf_puts(b, "\\r"); break;
    case '\t': buf_puts(b, "\\t"); break;
    default: { /* control chars, and < > & so JSON is safe inside HTML too */
      char t[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      buf_append(b, t, 6);
    }
    }
  }
  buf_append(b, run, (size_t)(s - run));
}

void buf_jsonq(buf *b, const char *s) {
  if (!s) {
    buf_puts(b, "null");
    return;
  }
  buf_putc(b, '"');
  buf_json(b, s);
  buf_putc(b, '"');
}

void buf_csv(buf *b, const char *s) {
  if (!s) return;
  /* A cell a spreadsheet would run as a formula gets a leading apostrophe. */
  int formula = (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r');
  int quote = formula || strpbrk(s, ",;\"\n\r") != NULL;
  if (!quote) {
    buf_puts(b, s);
    return;
  }
  buf_putc(b, '"');
  if (formula) buf_putc(b, '\'');
  for (; *s; s++) {
    if (*s == '"') buf_putc(b, '"');
    buf_putc(b, *s);
  }
  buf_putc(b, '"');
}

void buf_finum(buf *b, long long n) {
  char t[32];
  int len = snprintf(t, sizeof t, "%lld", n < 0 ? -n : n);
  if (n < 0) buf_putc(b, '-');
  for (int i = 0; i < len; i++) {
    if (i > 0 && (len - i) % 3 == 0) buf_puts(b, "\xE2\x80\xAF"); /* U+202F narrow no-break space */
    buf_putc(b, t[i]);
  }
}

void buf_fimoney(buf *b, long long cents) {
  long long a = cents < 0 ? -cents : cents;
  if (cents < 0) buf_putc(b, '-');
  buf_finum(b, a / 100);
  buf_printf(b, ",%d%d", (int)(a % 100 / 10), (int)(a % 10));
}

void buf_fieuro(buf *b, long long cents) {
  buf_fimoney(b, cents);
  buf_puts(b, "\xC2\xA0\xE2\x82\xAC"); /* no-break space, euro sign */
}

void buf_fidate(buf *b, const char *iso) {
  if (!iso) return;
  int y, m, d;
  if (strlen(iso) >= 10 && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3) {
    buf_printf(b, "%d.%d.%d", d, m, y);
  } else {
    buf_html(b, iso);
  }
}

void buf_vprintf(buf *b, const char *fmt, va_list ap) {
  char t[64];
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') {
      const char *q = strchr(p, '%');
      size_t n = q ? (size_t)(q - p) : strlen(p);
      buf_append(b, p, n);
      p += n - 1;
      continue;
    }
    p++;
    int prec = -1;
    if (*p == '.') {
      prec = 0;
      for (p++; *p >= '0' && *p <= '9'; p++) prec = prec * 10 + (*p - '0');
    }
    int longs = 0, sz = 0;
    while (*p == 'l') longs++, p++;
    if (*p == 'z') sz = 1, p++;
    switch (*p) {
    case 'h': buf_html(b, va_arg(ap, const char *)); break;
    case 'U': buf_url(b, va_arg(ap, const char *)); break;
    case 'j': buf_json(b, va_arg(ap, const char *)); break;
    case 'J': buf_jsonq(b, va_arg(ap, const char *)); break;
    case 'C': buf_csv(b, va_arg(ap, const char *)); break;
    case 'r': buf_puts(b, va_arg(ap, const char *)); break;
    case 'D': buf_fidate(b, va_arg(ap, const char *)); break;
    case 'N': buf_finum(b, va_arg(ap, long long)); break;
    case 'c': buf_putc(b, (char)va_arg(ap, int)); break;
    case '%': buf_putc(b, '%'); break;
    case 'd':
    case 'i':
      if (sz)
        snprintf(t, sizeof t, "%zd", va_arg(ap, ssize_t));
      else if (longs == 2)
        snprintf(t, sizeof t, "%lld", va_arg(ap, long long));
      else if (longs == 1)
        snprintf(t, sizeof t, "%ld", va_arg(ap, long));
      else
        snprintf(t, sizeof t, "%d", va_arg(ap, int));
      buf_puts(b, t);
      break;
    case 'u':
    case 'x':
      if (sz)
        snprintf(t, sizeof t, *p == 'u' ? "%zu" : "%zx", va_arg(ap, size_t));
      else if (longs == 2)
        snprintf(t, sizeof t, *p == 'u' ? "%llu" : "%llx", va_arg(ap, unsigned long long));
      else if (longs == 1)
        snprintf(t, sizeof t, *p == 'u' ? "%lu" : "%lx", va_arg(ap, unsigned long));
      else
        snprintf(t, sizeof t, *p == 'u' ? "%u" : "%x", va_arg(ap, unsigned));
      buf_puts(b, t);
      break;
    case 'f':
      snprintf(t, sizeof t, "%.*f", prec < 0 ? 6 : prec, va_arg(ap, double));
      buf_puts(b, t);
      break;
    default: assert(!"buf_printf: unknown conversion"); return;
    }
  }
}

void buf_printf(buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(b, fmt, ap);
  va_end(ap);
}

char *buf_mprintf(const char *fmt, ...) {
  buf b = BUF_INIT;
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(&b, fmt, ap);
  va_end(ap);
  return buf_detach(&b);
}
