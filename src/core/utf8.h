/* utf8: decoding, word characters and lowercasing for the Latin, Greek and Cyrillic letters Finnish text meets. */
#ifndef KEHTO_UTF8_H
#define KEHTO_UTF8_H
#include <stddef.h>

#include "core/buf.h"

/* Decodes one code point from s (n > 0 bytes available) into *cp. Returns the bytes used (1..4); an invalid
 * or truncated sequence yields 1 byte and cp = 0xFFFD. */
int utf8_decode(const char *s, size_t n, unsigned *cp);

/* Returns 1 if cp belongs to a word: ASCII letters and digits, and letters from U+00C0 up, except the
 * punctuation and symbol blocks (U+2000-U+2BFF, U+3000-U+303F) and U+00D7, U+00F7. */
int utf8_is_word(unsigned cp);

/* Returns the lowercase of cp for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic; cp itself otherwise. */
unsigned utf8_lower_cp(unsigned cp);

/* Appends the lowercase of s (n bytes) to out. Invalid bytes become U+FFFD. */
void utf8_lower(buf *out, const char *s, size_t n);

/* Finds the next word in s[*pos..n): sets *start and *end (byte offsets) and advances *pos past it.
 * Returns 0 when there are no more words. */
int utf8_next_word(const char *s, size_t n, size_t *pos, size_t *start, size_t *end);

/* Returns s, or when it has n bytes or more a copy in out (n >= 4 bytes) cut at a character boundary and ending in
 * "...": for quoting a value of any length in a message. */
const char *utf8_clip(const char *s, char *out, size_t n);

#endif
