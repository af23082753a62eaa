/* fuzz_morph: Finnish word analysis for the search index (Voikko lemmas and compound parts, Snowball stems): each word
 * of the input, lowercased, as the FTS5 tokenizer hands it over. */
#include "fuzz.h"

#include "core/buf.h"
#include "core/utf8.h"
#include "search/morph.h"

static morph *m;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  kerr e = {0};
  m = morph_new(&e);
  if (!m) {
    fprintf(stderr, "fuzz_morph: %s\n", e.msg);
    exit(1);
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  size_t pos = 0, start, end;
  int words = 0;
  while (words++ < 64 && utf8_next_word(s, size, &pos, &start, &end)) {
    buf w = BUF_INIT;
    utf8_lower(&w, s + start, end - start);
    morph_terms_t t;
    size_t len = w.len;
    if (len > 255) { /* as the tokenizer cuts long words (MAX_WORD in search/fts.c) */
      len = 255;
      while (len > 0 && ((unsigned char)w.data[len] & 0xC0) == 0x80) len--;
    }
    morph_terms(m, w.data, len, &t);
    FUZZ_CHECK(t.nterms >= 1 && t.nlemma >= 1 && t.nlemma <= t.nterms);
    const char *p = t.terms;
    for (int i = 0; i < t.nterms; i++) p += strlen(p) + 1;
    buf_free(&w);
  }
  return 0;
}
