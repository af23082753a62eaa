/* morph: Finnish word forms to index terms: Voikko lemmas, compound parts and derivation roots, Snowball stems,
 * with a bounded cache. */
#ifndef KEHTO_MORPH_H
#define KEHTO_MORPH_H
#include <stddef.h>

#include "core/buf.h"
#include "core/util.h"

/* One analyser: a Voikko handle, a Snowball stemmer and a cache of analyses. Not thread-safe: one per
 * connection (each FTS5 tokenizer instance owns one). */
typedef struct morph morph;

/* Marks on the terms after the lemmas, so that a search can tell a word from a part of one and weigh them apart:
 * "<työ" (a compound's part before its head), ">hyvinvointi" (a compound's head: työhyvinvointi, henkilöstö-
 * hyvinvointi) and "~kehittää" (the root a derived word comes from: kehitys, kehittäjä). */
#define MORPH_MODIFIER '<'
#define MORPH_HEAD '>'
#define MORPH_ROOT '~'
#define MORPH_MOD_ROOT "<~"  /* the root of a part before a compound's head */
#define MORPH_NUMERAL '#'    /* "#kuusi": the numeral six, whose lemma is also a noun's (a spruce) */
#define MORPH_TRANSLATED '=' /* before a Swedish word's Finnish term ("=punkki", "=<punkki"): morph_swedish */
#define MORPH_MARKS "<>~#="  /* every mark a term can start with */

/* The terms of one word. terms holds nterms NUL-terminated strings back to back. The first nlemma are the
 * word's own lemmas (or stem and surface form for words Voikko does not know); the rest are marked terms (above).
 * Points into the analyser's cache: valid until the next morph_terms call on the same analyser. */
typedef struct morph_terms_t {
  const char *terms;
  int nterms;
  int nlemma;
  int known;         /* 1 when Voikko knows the word (or it has digits): its lemmas are real base forms */
  int self;          /* 1 + the index of the lemma that is the word itself ("tuli" the noun, not "tulla"), or 0 */
  unsigned verbs;    /* bit i: lemma i (i < 32) is a verb's (Voikko's class teonsana) */
  unsigned closed;   /* bit i: lemma i is a word that does not inflect as a noun does: a conjunction, adposition,
                      * adverb, pronoun or the negation verb (kuin, kautta, jälkeen) */
  unsigned function; /* bit i: lemma i is a function word's: as closed, less the adverbs (kuin, kautta, älä) */
  unsigned numeral;  /* bit i: lemma i is a numeral's whose base form is also a noun (kuusi: six, and a spruce) */
} morph_terms_t;

/* The bits of t's lemmas in the masks above (every one of them set). */
static inline unsigned morph_lemma_bits(const morph_terms_t *t) {
  return t->nlemma >= 32 ? ~0u : (1u << t->nlemma) - 1;
}

/* Returns a new analyser, or NULL with e set (e.g. the Voikko Finnish dictionary is not installed).
 * The caller owns it: free with morph_free. */
morph *morph_new(kerr *e);
void morph_free(morph *m);

/* Analyses word (UTF-8, already lowercased, n bytes, n > 0) into *out. Numbers and words with digits are
 * their own single term. Never fails: unknown words fall back to the Snowball stem. */
void morph_terms(morph *m, const char *word, size_t n, morph_terms_t *out);

/* The Finnish terms of a Swedish word (UTF-8, lowercased, n bytes) into *out, from the Swedish–Finnish dictionary
 * (search/bidict.h), as a Finnish word of a text would have them: of its first translations (hörsel: kuulo), or of
 * the translations of a compound's two parts as the Finnish compound (fästingvaccin: punkkirokote, "<punkki",
 * ">rokote"); with name set (morph_name_at), only of the word as a whole (Jakobstad: Pietarsaari; Pargas is no par +
 * gas). Each term is marked MORPH_TRANSLATED before its own mark ("=punkkirokote", "=<punkki"), so that a search
 * weighs it below the Finnish word's own and the Finnish word's frequency stays its own deeds'. None (nterms 0) when
 * the dictionary has neither. Every term counts as a marked one (nlemma 0); valid as morph_terms's. For a Swedish text
 * (morph_ctx_foreign), so that Finnish queries find Swedish deeds. */
void morph_swedish(morph *m, const char *word, size_t n, int name, morph_terms_t *out);

/* 1 when the word at text[start] (of n bytes) starts with a capital letter and does not start the text or a sentence: a
 * name, in a Swedish text. */
int morph_name_at(const char *text, size_t n, size_t start);

/* Voikko's spelling suggestions for word (UTF-8, NUL-terminated), most likely first: at most max, each malloc'd
 * into out (the caller frees them). Returns how many (0 for a correct word or none found). */
int morph_suggest(morph *m, const char *word, char **out, int max);

/* 1 when every reading of word (NUL-terminated) carries a question clitic or a focus particle (päiväkö, kotikin):
 * a spelling suggestion a search box never means. */
int morph_clitic(morph *m, const char *word);

/* 1 when Voikko's speller accepts word (NUL-terminated): cheaper than an analysis. */
int morph_spell(morph *m, const char *word);

#define MORPH_MAX_WORD 255 /* bytes of one word that are looked at; the rest of a longer run is cut off */

/* The next word of text[0..n) from *pos (start at 0) as the index sees it: lowercased into low (at most
 * MORPH_MAX_WORD bytes, cut at a character boundary), its bytes in text at [*start, *end). 0 after the last. */
int morph_next_word(const char *text, size_t n, size_t *pos, size_t *start, size_t *end, buf *low);

/* The context of one text (a deed's column) for choosing among a word's readings: "tuli" is the noun (fire) or a
 * form of "tulla" (came). A reading that the text's other words support (a word with that lemma and no other
 * reading, or a compound with it as a part: "tulta", "tulipalo") is kept and the others dropped; when none is
 * supported, in running text (not a title) a noun's base form that is also a verb's form is read as the verb, and
 * other words keep them all. Two passes over the text's words: morph_ctx_add for each, then
 * morph_ctx_keeps for each lemma of each. */
typedef struct morph_ctx morph_ctx;

morph_ctx *morph_ctx_new(void);
void morph_ctx_free(morph_ctx *c);
/* Empties c for the next text. */
void morph_ctx_reset(morph_ctx *c);
/* Empties c and fills it with what the words of text[0..n) support (analysed with m). */
void morph_ctx_text(morph_ctx *c, morph *m, const char *text, size_t n);
/* 1 when lemma i (< mt->nlemma) of the word is to be indexed in the text c was made from. */
int morph_ctx_keeps(const morph_ctx *c, const morph_terms_t *mt, int i);
/* 1 when most words of the text c was made from are unknown to Voikko: a Swedish deed's text (Minnesvård närmare
 * hemmet), whose unknown words get their Finnish terms too (morph_swedish). */
int morph_ctx_foreign(const morph_ctx *c);

#endif
