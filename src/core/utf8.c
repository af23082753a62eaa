/* utf8: code point decoding, word-character classes and simple case folding for search and sorting. */
#include "core/utf8.h"

#include <string.h>

int utf8_decode(const char *p, size_t n, unsigned *cp) {
  const unsigned char *s = (const unsigned char *)p;
  unsigned c = s[0];
  int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 1) {
    *cp = c;
    return 1;
  }
  if (len == 0 || (size_t)len > n) {
    *cp = 0xFFFD;
    return 1;
  }
  unsigned v = c & (0x7F >> len);
  for (int i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (s[i] & 0x3F);
  }
  static const unsigned min[] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < min[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
  *cp = v;
  return len;
}

int utf8_is_word(unsigned cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD || (cp >= 0xFE00 && cp <= 0xFE0F)) return 0;
  if (cp >= 0x2000 && cp <= 0x2BFF) return 0;
  if (cp >= 0x3000 && cp <= 0x303F) return 0;
  return 1;
}

unsigned utf8_lower_cp(unsigned cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp == 0x178) return 0xFF;
  if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) return cp | 1;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp & 1) ? cp + 1 : cp;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

static void put_cp(buf *out, unsigned cp) {
  char t[4];
  size_t n;
  if (cp < 0x80) {
    t[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    t[0] = (char)(0xC0 | (cp >> 6));
    t[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    t[0] = (char)(0xE0 | (cp >> 12));
    t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    t[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    t[0] = (char)(0xF0 | (cp >> 18));
    t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    t[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  buf_append(out, t, n);
}

void utf8_lower(buf *out, const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    unsigned cp;
    if ((unsigned char)s[i] < 0x80) {
      char c = s[i++];
      buf_putc(out, c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
      continue;
    }
    i += (size_t)utf8_decode(s + i, n - i, &cp);
    put_cp(out, utf8_lower_cp(cp));
  }
}

int utf8_next_word(const char *s, size_t n, size_t *pos, size_t *start, size_t *end) {
  size_t i = *pos;
  unsigned cp = 0;
  int len = 0;
  while (i < n && (len = utf8_decode(s + i, n - i, &cp), !utf8_is_word(cp))) i += (size_t)len;
  if (i >= n) {
    *pos = n;
    return 0;
  }
  *start = i;
  while (i < n && (len = utf8_decode(s + i, n - i, &cp), utf8_is_word(cp))) i += (size_t)len;
  *end = i;
  *pos = i;
  return 1;
}

const char *utf8_clip(const char *s, char *out, size_t n) {
  size_t len = strlen(s);
  if (len < n) return s;
  size_t cut = n - 4;
  while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
  memcpy(out, s, cut);
  memcpy(out + cut, "...", 4);
  return out;
}
