/* expand: what a search query means: each of its words (or a thesaurus phrase) becomes a concept with weighted
 * alternatives: the word itself, its compound parts and derivations, synonyms and translations from the thesaurus,
 * a spelling correction or a prefix; search/query.c scores deeds by BM25 over them. */
#ifndef KEHTO_EXPAND_H
#define KEHTO_EXPAND_H
#include "core/arena.h"
#include "db/db.h"
#include "search/morph.h"

#define EXP_MAX_CONCEPTS 16 /* words of a query looked at; the rest are ignored */
#define EXP_MAX_ALTS 48     /* alternatives of one concept */
#define EXP_MAX_SLOTS 6     /* words of one alternative (a phrase of the thesaurus) */
#define EXP_SLOT_TERMS 6    /* index terms any of which stands for one word */

/* What an alternative is; the weights are in expand.c, exact ones weigh most. */
enum { EXP_EXACT, EXP_PART, EXP_DERIV, EXP_SYN, EXP_CORR, EXP_PREFIX };

/* One word of an alternative: index terms (MATCH expressions: "\x01term", or "\x01term" * for a prefix) any of
 * which stands for it, and each one's term in Swedish deeds ("\x01=term": MORPH_TRANSLATED; NULL for a prefix). */
typedef struct exp_slot {
  const char *term[EXP_SLOT_TERMS];
  const char *tr[EXP_SLOT_TERMS];
  int n;
} exp_slot;

/* A way a deed can match a concept: every slot must be in the deed; it scores weight times the mean of its slots'
 * BM25 scores (each slot its best term). */
typedef struct exp_alt {
  exp_slot slot[EXP_MAX_SLOTS];
  int nslot, kind;
  float weight;
} exp_alt;

typedef struct exp_concept {
  exp_alt alt[EXP_MAX_ALTS];
  int nalt;
} exp_concept;

typedef struct exp_plan {
  exp_concept *c; /* [n] */
  int n;
  const char *corrected;  /* the query with corrected words ("Tarkoititko: …"), or NULL when nothing was corrected */
  const char *translated; /* the dictionaries' translations searched for ("ateria, kouluruoka"), or NULL for none */
  int broadened;          /* exp_plan_broader's: 1 when it added alternatives to exp_plan_build's plan */
  const char **terms;     /* every distinct term of the plan, for snippets */
  int nterms;
} exp_plan;

/* Builds the plan of user text q (any bytes; lang "fi", "sv" or "en" is the interface's) in arena a. Reads the
 * thesaurus and, for a word the index does not know, the index's vocabulary (call inside the search's read
 * transaction, after search_index_get). Returns K_OK (a plan with n == 0 when q has no words to look for), or K_ERR
 * with e set when the database fails. */
int exp_plan_build(db *d, arena *a, const char *q, const char *lang, exp_plan *out, kerr *e);

/* The same, broader, for a query whose plan finds nothing: a compound also finds its parts alone, the head however
 * common (hellepäivä: helle, päivä). out->broadened is 0 when that adds nothing. */
int exp_plan_broader(db *d, arena *a, const char *q, const char *lang, exp_plan *out, kerr *e);

/* The connection's analyser (one per connection, made at first use, owned by d), or NULL when Voikko fails. */
morph *search_morph(db *d);

/* How many times connection d has compiled the thesaurus (once, and again after a change to the programme's own
 * groups; not after changes to deeds): for tests. */
long long exp_thesaurus_compiles(db *d);

/* Restricted Damerau–Levenshtein distance between a and b (UTF-8, compared by code point; ä, ö and å typed as a, o
 * and a cost nothing), or max + 1 when it exceeds max. */
int exp_distance(const char *a, const char *b, int max);

#endif
