/* morph: Finnish word forms to index terms: Voikko lemmas and compound parts, Snowball stems, with a bounded cache. */
#ifndef KEHTO_MORPH_H
#define KEHTO_MORPH_H
#include <stddef.h>

#include "core/util.h"

/* One analyser: a Voikko handle, a Snowball stemmer and a cache of analyses. Not thread-safe: one per
 * connection (each FTS5 tokenizer instance owns one). */
typedef struct morph morph;

/* The terms of one word. terms holds nterms NUL-terminated strings back to back. The first nlemma are the
 * word's own lemmas (or stem and surface form for words Voikko does not know); the rest are compound parts.
 * Points into the analyser's cache: valid until the next morph_terms call on the same analyser. */
typedef struct morph_terms_t {
  const char *terms;
  int nterms;
  int nlemma;
} morph_terms_t;

/* Returns a new analyser, or NULL with e set (e.g. the Voikko Finnish dictionary is not installed).
 * The caller owns it: free with morph_free. */
morph *morph_new(kerr *e);
void morph_free(morph *m);

/* Analyses word (UTF-8, already lowercased, n bytes, n > 0) into *out. Numbers and words with digits are
 * their own single term. Never fails: unknown words fall back to the Snowball stem. */
void morph_terms(morph *m, const char *word, size_t n, morph_terms_t *out);

#endif
