/* expand: a query's words to concepts with weighted alternatives (see expand.h): Voikko's lemmas, compound parts and
 * derivation roots, the thesaurus's synonyms and translations, spelling corrections and prefixes. */
#include "search/expand.h"

#include <libstemmer.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "search/bidict.h"
#include "search/index.h"
#include "search/search.h"
#include "search/thesaurus.h"

/* Weights of the alternatives: the word as typed counts fully, what search widened it to less (tuned on the judged
 * set in tests/search/, see its README). */
#define W_EXACT 1.0f
#define W_SPLIT 0.7f        /* a compound's parts as separate words (työhyvinvointi: työn hyvinvointi) */
#define W_SAME_HEAD 0.5f    /* another compound with the same head (henkilöstöhyvinvointi) */
#define W_HEAD_ALONE 0.3f   /* the compound's head alone (hyvinvointi) */
#define W_MOD_ALONE 0.3f    /* the parts before the head alone (levä of levätilanne; the broader plan's: helle) */
#define W_MOD_FALLBACK 0.2f /* the same of other compounds, when not common (johtoryhmä of johtoryhmätyöskentely) */
#define W_AS_HEAD 0.7f      /* a word as the head of compounds (hyvinvointi: työhyvinvointi) */
#define W_AS_MOD 0.35f      /* a word as a part before the head (hyvinvointi: hyvinvointikertomus) */
#define W_DERIV_AS_MOD 0.3f /* of the same root, before the head of a compound (evakuoida: evakuointiohje) */
#define W_DERIV 0.5f        /* a derivation of the same root (kehittäjä: kehittää, kehitys) */
#define W_SYN 0.8f          /* the thesaurus: another label of the same group */
#define W_SYN_DERIV 0.5f    /* the thesaurus's derivation families (note "johdos") */
#define W_RELATED 0.4f      /* the thesaurus's related terms (note "liittyvä"): the same topic in other words */
#define W_CORR 0.9f         /* a spelling correction of a word the index does not know */
#define W_PREFIX 0.8f       /* an unknown word as the start of indexed words */
#define W_WEAK_SENSE 0.5f   /* a reading of an ambiguous word that the query's other words do not support */
#define W_DICT 0.7f         /* a translation from a bilingual dictionary (a word the thesaurus does not have) */
#define MAX_SUGGEST 5       /* Voikko's suggestions tried */
#define MAX_KEYS 8

/* ---- The analyser ---- */

morph *search_morph(db *d) {
  morph *m = db_slot(d, DB_SLOT_MORPH);
  if (m) return m;
  kerr e = {0};
  m = morph_new(&e);
  if (!m) {
    log_error("search: %r", e.msg);
    kerr_clear(&e);
    return NULL;
  }
  db_set_slot(d, DB_SLOT_MORPH, m, (void (*)(void *))morph_free);
  return m;
}

/* ---- Words ---- */

static const char *const stopwords[] = {
    "ja",   "tai",  "sekä", "eli",  "on",   "ei",  "se",  "ne",  "että", "kun", "jos", "mutta",
    "myös", "kuin", "niin", "ovat", "oli",  "och", "att", "det", "som",  "en",  "ett", "på",
    "för",  "av",   "med",  "till", "är",   "om",  "and", "or",  "the",  "a",   "an",  "of",
    "in",   "for",  "to",   "at",   "with", "by",  "is",  "are", "from", "i",
};

static int is_stopword(const char *w) {
  for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++)
    if (!strcmp(stopwords[i], w)) return 1;
  return 0;
}

/* A word analysed: its keys (for matching thesaurus labels: the surface, Voikko's lemmas, Swedish and English
 * stems) and its terms (what stands for it in the index). */
typedef struct word {
  const char *surface;
  size_t start, end; /* in the query text */
  int star, stop, known, in_index, used;
  int function; /* every reading is a function word's: a pronoun, conjunction or adposition (sen, heidän, kanssa) */
  const char *key[MAX_KEYS];
  int nkey;
  const char *lemma[EXP_SLOT_TERMS]; /* the lemmas it means: the word itself when it is one ("tuli", not "tulla") */
  int nlemma;
  const char *weak[EXP_SLOT_TERMS]; /* lemmas the query's other words do not support ("ajan hallinta": ajaa) */
  int nweak;
  const char *head, *mod[4], *root[4]; /* compound head and parts before it; derivation roots (unmarked) */
  int nmod, nroot;
} word;

/* The stemmers for keys; made with the compiled thesaurus. */
typedef struct stemmers {
  struct sb_stemmer *sv, *en;
} stemmers;

/* Adds key k marked with the language it is for (kind: 'f' a Finnish lemma, 's' a Swedish stem, 'e' an English stem,
 * '=' the surface), so that a Swedish stem of a Finnish word cannot meet a Finnish label ("sota" and "sote" are both
 * "sot" to the Swedish stemmer). */
static void add_key(arena *a, word *w, char kind, const char *k) {
  if (!k || !*k || w->nkey >= MAX_KEYS) return;
  size_t n = strlen(k);
  char *key = arena_alloc(a, n + 2);
  key[0] = kind;
  memcpy(key + 1, k, n + 1);
  for (int i = 0; i < w->nkey; i++)
    if (!strcmp(w->key[i], key)) return;
  w->key[w->nkey++] = key;
}

static const char *stem(arena *a, struct sb_stemmer *sb, const char *s) {
  if (!sb) return NULL;
  const sb_symbol *st = sb_stemmer_stem(sb, (const sb_symbol *)s, (int)strlen(s));
  return st ? arena_strndup(a, (const char *)st, (size_t)sb_stemmer_length(sb)) : NULL;
}

/* A Swedish word's keys without that ending (arbetsförmåga, arbetarskydd, hemvårdare's stems). */
static void sv_definite_keys(arena *a, const stemmers *sb, const char *s, word *w) {
  size_t n = strlen(s), e = bidict_sv_ending(s, n);
  if (!e) return;
  add_key(a, w, 's', stem(a, sb->sv, arena_strndup(a, s, n - e)));
  if (e <= 2) { /* hemvårdarna: hemvårdar(e) */
    char *withe = arena_alloc(a, n - e + 2);
    memcpy(withe, s, n - e), withe[n - e] = 'e', withe[n - e + 1] = 0;
    add_key(a, w, 's', stem(a, sb->sv, withe));
  }
}

/* Analyses the lowercase word s into w (strings in arena a): a thesaurus label's word in language lang (THES_FI…) gets
 * the keys of that language, a query's word (lang -1) those of every language. */
static void analyse_as(morph *m, const stemmers *sb, arena *a, const char *s, word *w, int lang) {
  w->surface = s;
  morph_terms_t mt;
  morph_terms(m, s, strlen(s), &mt);
  w->known = mt.known;
  w->stop = is_stopword(s);
  w->function = mt.known && mt.nlemma > 0 && (mt.function & morph_lemma_bits(&mt)) == morph_lemma_bits(&mt);
  const char *t = mt.terms;
  for (int i = 0; i < mt.nterms; i++, t += strlen(t) + 1) {
    if (i < mt.nlemma) {
      const char *l = arena_strdup(a, t);
      if (lang < 0 || lang == THES_FI) add_key(a, w, 'f', l);
      if ((!mt.self || i + 1 == mt.self) && w->nlemma < EXP_SLOT_TERMS) w->lemma[w->nlemma++] = l;
    } else if (t[0] == MORPH_HEAD && !w->head) {
      w->head = arena_strdup(a, t + 1);
    } else if (t[0] == MORPH_MODIFIER && t[1] != MORPH_ROOT && w->nmod < 4) {
      w->mod[w->nmod++] = arena_strdup(a, t + 1);
    } else if (t[0] == MORPH_ROOT && w->nroot < 4) {
      w->root[w->nroot++] = arena_strdup(a, t + 1);
    }
  }
  add_key(a, w, '=', s);
  if (lang < 0 || lang == THES_SV) add_key(a, w, 's', stem(a, sb->sv, s));
  if (lang < 0 || lang == THES_EN) add_key(a, w, 'e', stem(a, sb->en, s));
  if (lang < 0 && !w->known) sv_definite_keys(a, sb, s, w);
}

static void analyse(morph *m, const stemmers *sb, arena *a, const char *s, word *w) {
  analyse_as(m, sb, a, s, w, -1);
}

static int keys_meet(const word *x, const word *y) {
  for (int i = 0; i < x->nkey; i++)
    for (int j = 0; j < y->nkey; j++)
      if (!strcmp(x->key[i], y->key[j])) return 1;
  return 0;
}

/* Splits text into lowercase words (at most max) analysed into w[] (lang as analyse_as); "word*" sets star. Returns
 * the count. */
static int split_words(morph *m, const stemmers *sb, arena *a, const char *text, word *w, int max, int lang) {
  size_t n = text ? strlen(text) : 0, pos = 0, start, end;
  int count = 0;
  buf low = BUF_INIT;
  while (count < max && utf8_next_word(text, n, &pos, &start, &end)) {
    size_t len = end - start;
    if ((len == 2 && !memcmp(text + start, "OR", 2)) ||
        (len == 3 && (!memcmp(text + start, "AND", 3) || !memcmp(text + start, "NOT", 3))))
      continue; /* operator words: users mean them as syntax */
    if (len > 120) len = 120;
    while (len > 0 && len < end - start && ((unsigned char)text[start + len] & 0xC0) == 0x80) len--;
    buf_reset(&low);
    utf8_lower(&low, text + start, len);
    word *x = &w[count++];
    memset(x, 0, sizeof *x);
    analyse_as(m, sb, a, arena_strndup(a, low.data, low.len), x, lang);
    x->start = start, x->end = end;
    x->star = end < n && text[end] == '*' && len >= 3;
    /* a query's function word in any form says nothing of the deeds ("opettajien työaika ja sen seuranta": sen, of
     * se); not a label's, nor a part of a word written with a hyphen (me-henki) */
    int hyphen = (end < n && text[end] == '-') || (start > 0 && text[start - 1] == '-');
    if (lang < 0 && x->function && !hyphen) x->stop = 1;
  }
  buf_free(&low);
  return count;
}

/* ---- The thesaurus, compiled per connection ---- */

typedef struct tlabel {
  int group, lang;
  word *w; /* its words less stopwords */
  int nw;
} tlabel;

#define MEMO_SLOTS 512 /* Voikko's suggestions take up to 0.1 s a word: the outcome is kept per word */

/* A key of a label's first word, in a hash table of chains: the labels a query word may start. */
typedef struct kslot {
  const char *key;
  int label, next; /* next: the next entry of the same key's chain, or -1 */
} kslot;

typedef struct thes_c {
  arena mem;
  thes_group *g;
  int ng;
  tlabel *l;
  int nl;
  int *gfirst, *gcount; /* each group's labels: l[gfirst[g] .. gfirst[g] + gcount[g]) */
  int *head;            /* [nhead]: first entry of the keys hashing there, or -1 */
  kslot *ks;
  int nhead, nks;
  unsigned own; /* thes_fingerprint of the programme's own groups compiled here */
  int refs;     /* connections using it, and 1 while it is the newest (shared_mu) */
} thes_c;

/* Spelling corrections found, per word: they depend on the words of the deeds, so they are dropped when the data
 * changes (search_ext), while the compiled thesaurus stays (search_conn_ext). */
typedef struct memo {
  char *word[MEMO_SLOTS], *fix[MEMO_SLOTS]; /* a word and its correction ("" for none); direct-mapped */
} memo;

static void memo_free(void *p) {
  memo *mo = p;
  for (int i = 0; i < MEMO_SLOTS; i++) free(mo->word[i]), free(mo->fix[i]);
  free(mo);
}

/* The compiled thesaurus is shared by the connections of the process (the server's threads): compiled once, read
 * only, freed when the last one lets go of it. shared is the newest, keyed by its own groups' fingerprint. */
static pthread_mutex_t shared_mu = PTHREAD_MUTEX_INITIALIZER;
static thes_c *shared;

/* Drops a reference to t (shared_mu held), freeing it with the last. */
static void thes_c_unref(thes_c *t) {
  if (--t->refs > 0) return;
  arena_free(&t->mem);
  free(t);
}

static void thes_c_release(thes_c *t) {
  pthread_mutex_lock(&shared_mu);
  thes_c_unref(t);
  pthread_mutex_unlock(&shared_mu);
}

/* What a connection keeps: the shared compiled thesaurus, its own stemmers (Snowball's are not thread-safe) and the
 * corrections of the present data (memo, dropped with the data: search_ext). */
typedef struct thes_conn {
  thes_c *t;
  stemmers sb;
  memo *memo;
  long long compiles; /* how many compiled thesauri this connection has taken up (for tests) */
} thes_conn;

static void thes_conn_free(void *p) {
  thes_conn *c = p;
  if (c->t) thes_c_release(c->t);
  if (c->sb.sv) sb_stemmer_delete(c->sb.sv);
  if (c->sb.en) sb_stemmer_delete(c->sb.en);
  free(c);
}

static void compile_label(thes_c *t, morph *m, const stemmers *sb, int g, int lang, const char *label, int *cap) {
  word w[EXP_MAX_SLOTS * 2];
  int n = split_words(m, sb, &t->mem, label, w, EXP_MAX_SLOTS * 2, lang), k = 0;
  for (int i = 0; i < n; i++)
    if (!w[i].stop && k < EXP_MAX_SLOTS) w[k++] = w[i];
  if (k == 0) return;
  t->l = arena_grow(&t->mem, t->l, t->nl, cap, sizeof *t->l);
  word *copy = arena_alloc(&t->mem, sizeof *copy * (size_t)k);
  memcpy(copy, w, sizeof *copy * (size_t)k);
  t->l[t->nl++] = (tlabel){g, lang, copy, k};
}

/* Indexes every label by the keys of its first word. */
static void key_index(thes_c *t) {
  int n = 0;
  for (int k = 0; k < t->nl; k++) n += t->l[k].w[0].nkey;
  t->nhead = 64;
  while (t->nhead < 2 * n) t->nhead *= 2;
  t->head = arena_alloc(&t->mem, sizeof(int) * (size_t)t->nhead);
  for (int i = 0; i < t->nhead; i++) t->head[i] = -1;
  t->ks = arena_alloc(&t->mem, sizeof *t->ks * (size_t)(n + 1));
  for (int k = 0; k < t->nl; k++)
    for (int j = 0; j < t->l[k].w[0].nkey; j++) {
      const char *key = t->l[k].w[0].key[j];
      unsigned h = util_hash(key) & (unsigned)(t->nhead - 1);
      t->ks[t->nks] = (kslot){key, k, t->head[h]};
      t->head[h] = t->nks++;
    }
}

/* Labels a word may start, at most: every one of them (school starts 89 English labels; a cap of 64 lost those of its
 * synonym groups found last, so "school absence" met only its related terms). */
#define MAX_LABELS 1024

/* The labels whose first word shares a key with w, each once, into out (at most max). Returns how many. */
static int labels_of(const thes_c *t, const word *w, int *out, int max) {
  int n = 0;
  for (int j = 0; j < w->nkey; j++)
    for (int e = t->head[util_hash(w->key[j]) & (unsigned)(t->nhead - 1)]; e >= 0; e = t->ks[e].next) {
      if (strcmp(t->ks[e].key, w->key[j])) continue;
      int dup = 0;
      for (int i = 0; i < n && !dup; i++) dup = out[i] == t->ks[e].label;
      if (!dup && n < max) out[n++] = t->ks[e].label;
    }
  return n;
}

static thes_c *thes_compile(db *d, morph *m, const stemmers *sb, kerr *e) {
  thes_c *t = util_calloc(1, sizeof *t);
  t->ng = thes_load(d, &t->mem, &t->g, e);
  if (t->ng < 0) {
    arena_free(&t->mem);
    free(t);
    return NULL;
  }
  int cap = 0;
  t->gfirst = arena_alloc(&t->mem, sizeof(int) * (size_t)(t->ng + 1));
  t->gcount = arena_alloc(&t->mem, sizeof(int) * (size_t)(t->ng + 1));
  for (int g = 0; g < t->ng; g++) {
    t->gfirst[g] = t->nl;
    for (int lang = 0; lang < THES_NLANG; lang++)
      for (int i = 0; i < t->g[g].nlabel[lang]; i++) compile_label(t, m, sb, g, lang, t->g[g].label[lang][i], &cap);
    t->gcount[g] = t->nl - t->gfirst[g];
  }
  key_index(t);
  return t;
}

/* The process's compiled thesaurus for the programme's own groups own, compiled now when there is none (Voikko
 * analyses every label: a fifth of a second, so the other connections wait for it instead of doing the same); the
 * caller holds a reference. */
static thes_c *shared_get(db *d, morph *m, const stemmers *sb, unsigned own, kerr *e) {
  pthread_mutex_lock(&shared_mu);
  thes_c *t = shared;
  if (!t || t->own != own) {
    t = thes_compile(d, m, sb, e);
    if (!t) {
      pthread_mutex_unlock(&shared_mu);
      return NULL;
    }
    t->own = own, t->refs = 1;
    if (shared) thes_c_unref(shared);
    shared = t;
  }
  t->refs++;
  pthread_mutex_unlock(&shared_mu);
  return t;
}

/* The connection's thesaurus: taken up once, and again only when the programme's own groups have changed (looked
 * at when the data has changed). */
static thes_conn *thes_get(db *d, morph *m, kerr *e) {
  thes_conn *c = search_conn_ext(d);
  if (c && search_ext(d)) return c; /* nothing has changed since the last search */
  if (!c) {
    c = util_calloc(1, sizeof *c);
    c->sb.sv = sb_stemmer_new("swedish", "UTF_8");
    c->sb.en = sb_stemmer_new("english", "UTF_8");
    search_set_conn_ext(d, c, thes_conn_free);
  }
  unsigned own;
  if (thes_fingerprint(d, &own, e) < 0) return NULL;
  if (!c->t || c->t->own != own) {
    thes_c *t = shared_get(d, m, &c->sb, own, e);
    if (!t) return NULL;
    if (c->t) thes_c_release(c->t);
    c->t = t, c->compiles++;
  }
  c->memo = util_calloc(1, sizeof *c->memo);
  search_set_ext(d, c->memo, memo_free);
  return c;
}

long long exp_thesaurus_compiles(db *d) {
  const thes_conn *c = search_conn_ext(d);
  return c ? c->compiles : 0;
}

/* The end (exclusive) of label l matched at query word i, skipping the query's stopwords; 0 when it does not match. */
static int label_match(const tlabel *l, const word *q, int nq, int i) {
  int k = i;
  for (int j = 0; j < l->nw; j++) {
    while (k < nq && q[k].stop && j > 0) k++;
    if (k >= nq || !keys_meet(&q[k], &l->w[j])) return 0;
    k++;
  }
  return k;
}

/* ---- Building the plan ---- */

typedef struct builder {
  db *d;
  arena *a;
  morph *m;
  const thes_c *t;
  const stemmers *sb;
  memo *memo;
  word *q;
  int nq;
  const char **corr; /* [nq]: the corrected form of each word, or NULL */
  int failed;
  float mult;     /* weights of the alternatives being added are multiplied by it (a corrected word's: W_CORR) */
  int ndocs;      /* published deeds, or -1 until common_head needs it */
  int lang;       /* the interface's: THES_FI, THES_SV or THES_EN */
  buf translated; /* the dictionaries' translations added, ", " between them */
  int broad;      /* the broader plan (exp_plan_broader): a compound's parts alone, whatever its head */
  int broadened;  /* 1 when the broader plan added alternatives */
} builder;

static const char *match_of(arena *a, const char *term, int prefix) {
  buf b = BUF_INIT;
  buf_puts(&b, "\"\x01");
  for (const char *c = term; *c; c++) {
    if (*c == '"') buf_putc(&b, '"');
    buf_putc(&b, *c);
  }
  buf_puts(&b, prefix ? "\" *" : "\"");
  char *s = arena_strndup(a, b.data, b.len);
  buf_free(&b);
  return s;
}

static const char *marked(arena *a, char mark, const char *t) {
  size_t n = strlen(t);
  char *s = arena_alloc(a, n + 2);
  s[0] = mark;
  memcpy(s + 1, t, n + 1);
  return s;
}

static exp_alt *alt_new(builder *b, exp_concept *c, int kind, float weight) {
  if (c->nalt >= EXP_MAX_ALTS) return NULL;
  exp_alt *x = &c->alt[c->nalt++];
  memset(x, 0, sizeof *x);
  x->kind = kind, x->weight = weight * b->mult;
  return x;
}

/* Adds term (with mark, 0 for none) to the alternative's last slot, or to a new slot when new_slot. */
static void slot_add(builder *b, exp_alt *x, int new_slot, char mark, const char *term, int prefix) {
  if (!x || !term) return;
  if (new_slot || x->nslot == 0) {
    if (x->nslot >= EXP_MAX_SLOTS) return;
    x->slot[x->nslot++].n = 0;
  }
  exp_slot *s = &x->slot[x->nslot - 1];
  if (s->n >= EXP_SLOT_TERMS) return;
  const char *t = mark ? marked(b->a, mark, term) : term;
  s->tr[s->n] = prefix ? NULL : match_of(b->a, marked(b->a, MORPH_TRANSLATED, t), 0);
  s->term[s->n++] = match_of(b->a, t, prefix);
}

/* An alternative of one slot: the word's lemmas. */
static void alt_lemmas(builder *b, exp_concept *c, const word *w, int kind, float weight) {
  exp_alt *x = alt_new(b, c, kind, weight);
  for (int i = 0; i < w->nlemma; i++) slot_add(b, x, i == 0, 0, w->lemma[i], 0);
}

#define COMMON_HEAD 0.10 /* a head in more than this share of the deeds' compounds says little on its own */

/* 1 when head ends more than COMMON_HEAD of the deeds' compounds (työ of etätyö, palvelu of asiakaspalvelu): other
 * compounds with it and the head alone are then not alternatives of the compound (sosiaalityö is not yhteistyö). */
static int common_head(builder *b, const char *head) {
  if (b->ndocs < 0) {
    kerr e = {0};
    const search_index *ix = search_index_get(b->d, &e); /* built already: the plan is made after it */
    kerr_clear(&e);
    b->ndocs = ix ? ix->ndocs : 0;
  }
  const search_postings *p = search_postings_get(b->d, match_of(b->a, marked(b->a, MORPH_HEAD, head), 0));
  if (!p) b->failed = 1;
  return p && p->n > COMMON_HEAD * b->ndocs;
}

/* The part of w before its head that holds all the others (työvuoro of työvuorosuunnittelu, whose runs of parts the
 * tokenizer indexes), or NULL when there is none (two parts, or a compound Voikko does not know, split into separate
 * words with no runs). */
static const char *whole_mod(const word *w) {
  const char *m = NULL;
  for (int i = 0; i < w->nmod; i++)
    if (!m || strlen(w->mod[i]) > strlen(m)) m = w->mod[i];
  /* the runs come with three parts or more: two parts before the head and their run (mieli, terveys, mielenterveys
   * of mielenterveysongelma, where the part is mielen as written) */
  return w->nmod >= 3 ? m : NULL;
}

/* A slot of x for part t: as a word of its own or a part of another compound. */
static void part_slot(builder *b, exp_alt *x, const char *t) {
  slot_add(b, x, 1, 0, t, 0);
  slot_add(b, x, 0, MORPH_MODIFIER, t, 0);
  slot_add(b, x, 0, MORPH_HEAD, t, 0);
}

/* A slot for w's parts before its head: the one that holds them all (whole_mod), else a slot for each. */
static void mod_slots(builder *b, exp_alt *x, const word *w) {
  const char *m = whole_mod(w);
  for (int i = 0; i < w->nmod; i++)
    if (!m || w->mod[i] == m) part_slot(b, x, w->mod[i]);
}

#define COMMON_MOD 0.20 /* a part before the head in more of the deeds than this says too little alone (koulu) */
#define RARER_MOD 2 /* a head in this many times the deeds of the modifier says less than it (jäte of jätehuolto) */
#define RARER_MIN 5 /* and in this many deeds at least (fewer say nothing of how common it is) */

/* The deeds that have t as a word or as a part of compounds (three postings lists, added: an estimate). */
static int deeds_with_part(builder *b, const char *t) {
  static const char marks[] = {0, MORPH_HEAD, MORPH_MODIFIER};
  int n = 0;
  for (int i = 0; i < 3; i++) {
    const search_postings *p = search_postings_get(b->d, match_of(b->a, marks[i] ? marked(b->a, marks[i], t) : t, 0));
    if (!p) return b->failed = 1, 0;
    n += p->n;
  }
  return n;
}

/* 1 when w's one part before its head is in the deeds and the head in RARER_MOD times as many (RARER_MIN at least): the
 * modifier says what the compound is about (levätilanne, the algae situation, is no tilanne; jätehuolto no huolto). */
static int modifier_says_more(builder *b, const word *w) {
  if (w->nmod != 1) return 0;
  int m = deeds_with_part(b, w->mod[0]), h = m > 0 ? deeds_with_part(b, w->head) : 0;
  return m > 0 && h >= RARER_MOD * m && h >= RARER_MIN;
}

/* 1 when a part before w's head (those mod_slots takes) is in more than COMMON_MOD of the deeds, as a word or a part
 * (an estimate: deeds_with_part). */
static int common_mods(builder *b, const word *w) {
  const char *m = whole_mod(w);
  for (int i = 0; i < w->nmod; i++)
    if ((!m || w->mod[i] == m) && deeds_with_part(b, w->mod[i]) > COMMON_MOD * b->ndocs) return 1;
  return 0;
}

/* 1 when t starts more than COMMON_MOD of the deeds' compounds (työ of työpäivä, työaika, työhyvinvointi). */
static int common_as_mod(builder *b, const char *t) {
  const search_postings *p = search_postings_get(b->d, match_of(b->a, marked(b->a, MORPH_MODIFIER, t), 0));
  if (!p) b->failed = 1;
  return !p || p->n > COMMON_MOD * b->ndocs;
}

/* A compound's head alone, in other compounds and before their heads when that is not common either (kuitu of
 * valokuitu: kuituverkko); its modifier alone instead when it says more (levätilanne: levä),
 * else at a low weight when it is not common, found when little else is (johtoryhmä of johtoryhmätyöskentely).
 * The broader plan: the modifier alone, the head alone however common (hellepäivä: helle, päivä; not other compounds
 * with it, työpäivä), and each part inside the modifier (saattohoitotyö: hoito). */
static void head_or_modifier(builder *b, exp_concept *c, const word *w) {
  int common = common_head(b, w->head), mod_alone = !common && modifier_says_more(b, w);
  if (!common && !mod_alone) {
    slot_add(b, alt_new(b, c, EXP_PART, W_SAME_HEAD), 1, MORPH_HEAD, w->head, 0);
    slot_add(b, alt_new(b, c, EXP_PART, W_HEAD_ALONE), 1, 0, w->head, 0);
    if (!common_as_mod(b, w->head)) /* kuitu of valokuitu: kuituverkko; not työ of saattohoitotyö: työpäivä */
      slot_add(b, alt_new(b, c, EXP_PART, W_HEAD_ALONE), 1, MORPH_MODIFIER, w->head, 0);
  }
  if (mod_alone || b->broad)
    mod_slots(b, alt_new(b, c, EXP_PART, W_MOD_ALONE), w);
  else if (!common_mods(b, w))
    mod_slots(b, alt_new(b, c, EXP_PART, W_MOD_FALLBACK), w);
  if (!b->broad) return;
  if (common || mod_alone) slot_add(b, alt_new(b, c, EXP_PART, W_HEAD_ALONE), 1, 0, w->head, 0);
  const char *whole = whole_mod(w);
  for (int i = 0; whole && i < w->nmod; i++)
    if (w->mod[i] != whole) part_slot(b, alt_new(b, c, EXP_PART, W_MOD_ALONE), w->mod[i]);
  b->broadened = 1;
}

/* Compound parts and derivations of a word (for a word Voikko does not know, from morph's guess at its parts); narrow
 * leaves out the broad ones (the head alone or in other compounds, the word inside longer compounds), for a synonym. */
static void alt_parts_as(builder *b, exp_concept *c, const word *w, int narrow) {
  if (w->head) {
    exp_alt *x = alt_new(b, c, EXP_PART, W_SPLIT);
    slot_add(b, x, 1, 0, w->head, 0);
    slot_add(b, x, 0, MORPH_HEAD, w->head, 0);
    mod_slots(b, x, w);
    if (!narrow) head_or_modifier(b, c, w);
  }
  /* the word as a part of longer compounds (a compound too: sisäilma of sisäilmaongelma, terveyshuolto of
   * työterveyshuolto; the tokenizer marks runs of parts) */
  for (int i = 0; i < w->nlemma && !narrow; i++) {
    slot_add(b, alt_new(b, c, EXP_PART, W_AS_HEAD), 1, MORPH_HEAD, w->lemma[i], 0);
    slot_add(b, alt_new(b, c, EXP_PART, W_AS_MOD), 1, MORPH_MODIFIER, w->lemma[i], 0);
  }
  /* a derivation of the root of the word's last part; of a compound's, with the parts before it (kielikoulutus:
   * kieltä koulutettiin, not everything koulutettiin; työvuorosuunnittelu: työvuorot suunniteltiin) */
  for (int i = 0; i < w->nroot; i++) {
    exp_alt *x = alt_new(b, c, EXP_DERIV, W_DERIV);
    slot_add(b, x, 1, 0, w->root[i], 0);
    slot_add(b, x, 0, MORPH_ROOT, w->root[i], 0);
    if (w->head) {
      if (narrow) slot_add(b, x, 0, MORPH_HEAD, w->root[i], 0); /* a synonym's: muistisairaat for muistisairaus */
      mod_slots(b, x, w);
    }
  }
  for (int i = 0; i < w->nlemma; i++) slot_add(b, alt_new(b, c, EXP_DERIV, W_DERIV), 1, MORPH_ROOT, w->lemma[i], 0);
  /* the derivation family before the head of compounds (evakuoida: evakuointiohje; retkeilijä: retkeilyreitti); a
   * compound is no root */
  for (int i = 0; i < w->nlemma + w->nroot && !narrow && !w->head; i++) {
    const char *root = i < w->nlemma ? w->lemma[i] : w->root[i - w->nlemma];
    slot_add(b, alt_new(b, c, EXP_DERIV, W_DERIV_AS_MOD), 1, MORPH_MODIFIER, marked(b->a, MORPH_ROOT, root), 0);
  }
}

static void alt_parts(builder *b, exp_concept *c, const word *w) {
  alt_parts_as(b, c, w, 0);
}

/* The deeds of w's most common lemma in the index (0 when it has none). */
static long lemma_df(builder *b, const word *w) {
  long df = 0;
  for (int i = 0; i < w->nlemma && !b->failed; i++) {
    const search_postings *p = search_postings_get(b->d, match_of(b->a, w->lemma[i], 0));
    if (!p) b->failed = 1;
    if (p && p->n > df) df = p->n;
  }
  return df;
}

/* 1 when the index has any of the word's lemmas. */
static int in_index(builder *b, const word *w) {
  return lemma_df(b, w) > 0;
}

static const char part_marks[] = {MORPH_HEAD, MORPH_MODIFIER, 0}; /* a compound's parts (for in_index_marked) */
static const char root_mark[] = {MORPH_ROOT, 0};                  /* the root of derivations (the same) */

/* 1 when the index has one of the word's lemmas with one of the marks (MORPH_HEAD…, a NUL-terminated list): as a
 * part of compounds, or as the root of derivations. */
static int in_index_marked(builder *b, const word *w, const char *marks) {
  for (int i = 0; i < w->nlemma; i++)
    for (const char *k = marks; *k; k++) {
      const search_postings *p = search_postings_get(b->d, match_of(b->a, marked(b->a, *k, w->lemma[i]), 0));
      if (!p) return b->failed = 1, 0;
      if (p->n > 0) return 1;
    }
  return 0;
}

/* 1 when the index has one of the word's lemmas as a word or as a part of compounds. */
static int in_index_or_compounds(builder *b, const word *w) {
  return in_index(b, w) || in_index_marked(b, w, part_marks);
}

#define UMLAUT_MAX 8 /* a's and o's of a word read as ä and ö in every way: at most 2^8 readings */

/* Where s has a and o (at most max of them into at). Returns how many there are (more than max: max + 1). */
static int umlaut_places(const char *s, size_t *at, int max) {
  int k = 0;
  for (size_t i = 0; s[i] && k <= max; i++)
    if (s[i] == 'a' || s[i] == 'o') {
      if (k < max) at[k] = i;
      k++;
    }
  return k;
}

/* The masks of the 2^k - 1 readings of k a's and o's (bit j: the j-th read as ä or ö), the fewest changes first,
 * into out. Returns how many. */
static int umlaut_masks(int k, unsigned *out) {
  int n = 0;
  for (int changes = 1; changes <= k; changes++)
    for (unsigned mask = 1; mask < 1u << k; mask++)
      if (__builtin_popcount(mask) == changes) out[n++] = mask;
  return n;
}

/* s read with ä for a and ö for o at the places at[j] whose bit j is set in mask, into out. */
static void umlaut_reading(const char *s, const size_t *at, int k, unsigned mask, buf *out) {
  buf_reset(out);
  size_t from = 0;
  for (int j = 0; j < k; j++) {
    if (!(mask & 1u << j)) continue;
    buf_append(out, s + from, at[j] - from);
    buf_puts(out, s[at[j]] == 'a' ? "ä" : "ö");
    from = at[j] + 1;
  }
  buf_puts(out, s + from);
}

/* The word with some of its a's and o's read as ä and ö (typed on a keyboard without them: tyohyvinvointi) that
 * Voikko knows, with the fewest such changes, preferring a reading whose lemma the index has; or NULL (malloc'd).
 * Found even when the index has only the compound's parts (lähiesihenkilö: esihenkilö), where Voikko's suggestions,
 * which must be in the index, and the index's nearest words are of no help. */
static char *umlaut_fix(builder *b, const word *w, int indexed_only) {
  const char *s = w->surface;
  size_t at[UMLAUT_MAX];
  unsigned masks[1u << UMLAUT_MAX];
  int k = umlaut_places(s, at, UMLAUT_MAX);
  if (k > UMLAUT_MAX) return NULL;
  int nm = umlaut_masks(k, masks), level = 0;
  char *found = NULL;
  buf c = BUF_INIT;
  for (int i = 0; i < nm; i++) {
    int changes = __builtin_popcount(masks[i]);
    if (found && changes > level) break; /* the fewest changes that make a word */
    umlaut_reading(s, at, k, masks[i], &c);
    morph_terms_t t;
    morph_terms(b->m, c.data, c.len, &t);
    if (!t.known || morph_clitic(b->m, c.data)) continue;           /* paivako is not päiväkö (päivä with -kö) */
    if (t.function && t.function == morph_lemma_bits(&t)) continue; /* ala is not älä (don't) */
    word r = {0};
    analyse(b->m, b->sb, b->a, arena_strndup(b->a, c.data, c.len), &r);
    if (in_index(b, &r)) {
      free(found);
      found = util_strdup(r.surface);
      break;
    }
    if (!found && !indexed_only) found = util_strdup(r.surface), level = changes;
  }
  buf_free(&c);
  return found;
}

static int thes_word(builder *b, const word *w, int *groups, int max, const tlabel **which);

/* 1 when the index has w's lemmas, or a derivation of theirs or a compound of them (mentoroida: mentorointi;
 * tiedottaminen: tiedote), or with parts w's head and first part (hulevesitulva: hulevesi, tulva; for Voikko's
 * suggestions, not for every word one edit away: tiehoitaminen is no correction of tiedoitaminen), or the thesaurus
 * has w: a correction to it finds something. */
static int findable(builder *b, const word *w, int parts) {
  static const char marks[] = {MORPH_ROOT, MORPH_HEAD, MORPH_MODIFIER, 0};
  if (in_index(b, w) || in_index_marked(b, w, marks)) return 1;
  if (parts && w->head && w->nmod > 0 && deeds_with_part(b, w->head) > 0 && deeds_with_part(b, w->mod[0]) > 0) return 1;
  for (int i = 0; i < w->nroot; i++) {
    const search_postings *p = search_postings_get(b->d, match_of(b->a, w->root[i], 0));
    if (!p) return b->failed = 1, 0;
    if (p->n > 0) return 1;
  }
  int groups[1];
  const tlabel *which;
  return thes_word(b, w, groups, 1, &which) > 0;
}

/* Voikko's first suggestion (one word, not read only with a clitic: päiväkö) whose lemma the index has, or with loose
 * one that findable finds; or NULL (malloc'd). */
static char *voikko_fix(builder *b, const word *w, int loose) {
  char *sg[MAX_SUGGEST], *fix = NULL;
  int n = morph_suggest(b->m, w->surface, sg, MAX_SUGGEST);
  for (int i = 0; i < n; i++) {
    if (!fix && !strpbrk(sg[i], " -") && !morph_clitic(b->m, sg[i])) {
      word r = {0};
      analyse(b->m, b->sb, b->a, arena_strdup(b->a, sg[i]), &r);
      if (r.known && (loose ? findable(b, &r, 1) : in_index(b, &r))) fix = util_strdup(sg[i]);
    }
    free(sg[i]);
  }
  return fix;
}

/* The memo's slot for key (a word after a tag: memo_key), and whether it holds key's answer. */
static unsigned memo_slot(memo *mo, const char *key, int *hit) {
  unsigned k = util_hash(key) % MEMO_SLOTS;
  *hit = mo->word[k] && !strcmp(mo->word[k], key);
  return k;
}

/* Keeps fix (malloc'd, or NULL for none: "") as key's answer in slot k. */
static void memo_put(memo *mo, unsigned k, const char *key, char *fix) {
  free(mo->word[k]), free(mo->fix[k]);
  mo->word[k] = util_strdup(key);
  mo->fix[k] = fix ? fix : util_strdup("");
}

/* A memo key: tag (which question: "\x02" an unfinished word's reading with ä and ö, complete_umlauts; the others
 * the corrections of correct_voikko and correct_unknown) and the word. */
static const char *memo_key(builder *b, char tag, const char *w) {
  char *key = arena_alloc(b->a, strlen(w) + 2);
  key[0] = tag;
  strcpy(key + 1, w);
  return key;
}

/* Keeps fix as key's answer in slot k unless the search failed meanwhile (then frees it). Returns 1 when kept. */
static int memo_keep(builder *b, unsigned k, const char *key, char *fix) {
  if (b->failed) {
    free(fix);
    return 0;
  }
  memo_put(b->memo, k, key, fix);
  return 1;
}

/* The answer in slot k analysed into r: 1, or 0 when the answer was none. */
static int memo_answer(builder *b, unsigned k, word *r) {
  if (!*b->memo->fix[k]) return 0;
  memset(r, 0, sizeof *r);
  analyse(b->m, b->sb, b->a, arena_strdup(b->a, b->memo->fix[k]), r);
  return 1;
}

/* The corrections tried for a word the index does not have, in this order; each kept per word until the data changes,
 * found or not (a walk over every indexed word with the word's first letter costs 20 ms in 100,000 deeds). */
static char *fix_umlauts(builder *b, const word *w) { /* paatoksenteko ("pathos making") is päätöksenteko */
  return umlaut_fix(b, w, w->known);
}
static char *fix_suggest(builder *b, const word *w) { /* Voikko's suggestion the index has */
  return voikko_fix(b, w, 0);
}
static char *fix_loose(builder *b, const word *w) { /* one it has derived or in compounds: mentorointi */
  return voikko_fix(b, w, 1);
}
static char *nearest_vocab(builder *b, const word *w);
static char *nearest_one(builder *b, const word *w);
static char *edit_fix(builder *b, const word *w);
static char *nearest_label(builder *b, const word *w);

typedef char *(*fixer)(builder *b, const word *w);

/* fix(b, w) analysed into r: 1, or 0 when there is none; kept in the memo under tag and the word. */
static int memoised(builder *b, char tag, const word *w, fixer fix, word *r) {
  const char *key = memo_key(b, tag, w->surface);
  int hit;
  unsigned k = memo_slot(b->memo, key, &hit);
  if (!hit && !memo_keep(b, k, key, fix(b, w))) return 0;
  return memo_answer(b, k, r);
}

/* The word with ä and ö for a and o that Voikko knows, analysed into r (for a word Voikko knows as typed, only a
 * reading the index has). */
static int correct_voikko(builder *b, const word *w, word *r) {
  return memoised(b, '\x07', w, fix_umlauts, r);
}

/* A word Voikko does not know: its suggestion the index has, the index's nearest word, a word one edit away, the
 * thesaurus's nearest label, a suggestion the index has derived; analysed into r. */
static int correct_unknown(builder *b, const word *w, word *r) {
  return memoised(b, '\x06', w, fix_suggest, r) || memoised(b, '\x01', w, nearest_vocab, r) ||
         memoised(b, '\x04', w, edit_fix, r) || memoised(b, '\x05', w, nearest_label, r) ||
         memoised(b, '\x03', w, fix_loose, r);
}

static size_t chars_of(const char *s);

#define EDIT_MIN_CHARS 5   /* a shorter unknown word has too many neighbours to guess from */
#define KNOWN_UNFINISHED 7 /* characters of a word Voikko knows for it to be taken as unfinished */

/* Candidate i, op into cand: the word s (its nc characters start at at[], at[nc] is its length) with character i left
 * out (op 0), swapped with the next (1), replaced by letter (2), or letter put before it (3). 0 when op does not apply
 * at i. */
static int one_edit(buf *cand, const char *s, const size_t *at, int nc, int i, int op, const char *letter) {
  size_t n = at[nc];
  if (op != 3 && i >= nc - (op == 1)) return 0;
  buf_reset(cand);
  buf_append(cand, s, at[i]);
  if (op == 1) buf_append(cand, s + at[i + 1], at[i + 2] - at[i + 1]);
  if (op >= 2) buf_printf(cand, "%r", letter);
  if (op == 1) buf_append(cand, s + at[i], at[i + 1] - at[i]);
  size_t rest = op == 3 ? at[i] : op == 1 ? at[i + 2] : at[i + 1];
  buf_append(cand, s + rest, n - rest);
  return 1;
}

/* The words one edit from w (a letter left out, doubled or put in, two swapped, one replaced) that Voikko's speller
 * accepts and whose lemma the index has: the one the most deeds have (vanhurset: vanhukset; koithoito: kotihoito);
 * failing that, the first that findable finds. For an inflected word Voikko has no suggestion for, which the index's
 * base forms are too far from. About 500 spellings, a few milliseconds, kept per word. Returns the word (malloc'd) or
 * NULL. */
static char *edit_fix(builder *b, const word *w) {
  char *found = NULL; /* else one the index has derived or in compounds, or the thesaurus has (vanhukset, with no
                       * deed on vanhus but on its synonym ikäihminen) */
  static const char *const letters[] = {"a", "b", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
                                        "n", "o", "p", "r", "s", "t", "u", "v", "y", "ä", "ö"};
  const char *s = w->surface;
  size_t n = strlen(s), at[MORPH_MAX_WORD + 1];
  int nc = 0;
  for (size_t i = 0; i < n && nc < MORPH_MAX_WORD;) { /* character starts */
    unsigned cp;
    at[nc++] = i;
    int len = utf8_decode(s + i, n - i, &cp);
    i += len > 0 ? (size_t)len : 1;
  }
  at[nc] = n;
  if (nc < EDIT_MIN_CHARS || nc > 40) return NULL;
  buf cand = BUF_INIT;
  char *best = NULL;
  long bestdf = 0;
  for (int i = 0; i <= nc; i++)
    for (int op = 0; op < 4; op++)
      for (int r = 0; r < (op >= 2 ? (int)(sizeof letters / sizeof letters[0]) : 1); r++) {
        if (!one_edit(&cand, s, at, nc, i, op, letters[r]) || !strcmp(cand.data, s) || !morph_spell(b->m, cand.data) ||
            morph_clitic(b->m, cand.data))
          continue;
        word r2 = {0};
        analyse(b->m, b->sb, b->a, arena_strdup(b->a, cand.data), &r2);
        long df = lemma_df(b, &r2);
        if (df > bestdf) {
          bestdf = df;
          free(best);
          best = util_strdup(cand.data);
        } else if (!bestdf && !found && !df && findable(b, &r2, 0)) {
          found = util_strdup(cand.data); /* the first the thesaurus or a derivation has */
        }
      }
  buf_free(&cand);
  if (best) {
    free(found);
    return best;
  }
  return found;
}

/* The one-word Finnish label of the thesaurus nearest to w (as nearest_vocab: 1 edit up to 6 letters, 2 for longer),
 * for a word the index has only derived or in compounds (mentooida: mentoroida, whose deeds say mentorointi); the
 * shortest on a tie. Returns it (malloc'd) or NULL. */
static char *nearest_label(builder *b, const word *w) {
  int max = chars_of(w->surface) <= 6 ? 1 : 2, bestd = max + 1;
  size_t wl = strlen(w->surface);
  const char *best = NULL;
  for (int k = 0; k < b->t->nl; k++) {
    const tlabel *l = &b->t->l[k];
    if (l->lang != THES_FI || l->nw != 1) continue;
    const char *t = l->w[0].surface;
    size_t tl = strlen(t);
    if (tl + 2 * (size_t)max < wl || wl + 2 * (size_t)max < tl) continue;
    int d = exp_distance(w->surface, t, bestd < max ? bestd : max);
    if (d <= max && (d < bestd || (d == bestd && tl < strlen(best)))) bestd = d, best = t;
  }
  return best ? util_strdup(best) : NULL;
}

static int has_digit_or_space(const char *s) {
  for (; *s; s++)
    if ((*s >= '0' && *s <= '9') || *s == ' ') return 1;
  return 0;
}

static size_t chars_of(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

#define TOP_CHAR "\xf4\x8f\xbf\xbf" /* U+10FFFF: after every character, for ranges by prefix */

/* The index's terms that start with pre, into v (arena a). Returns K_OK or K_ERR. */
static int vocab_prefix(builder *b, const char *pre, search_vocab *v) {
  char *hi = arena_alloc(b->a, strlen(pre) + sizeof TOP_CHAR);
  strcpy(hi, pre), strcat(hi, TOP_CHAR);
  if (search_vocab_range(b->d, b->a, pre, hi, v) == K_OK) return K_OK;
  b->failed = 1;
  return K_ERR;
}

/* The index's word nearest to w (within max edits; the most common on a tie) among those that start with w's first
 * letter (or it with or without its dots: a/ä/å, o/ö), malloc'd, or NULL. */
static char *nearest_within(builder *b, const word *w, int max) {
  static const char *const firsts[][3] = {
      {"a", "ä", "å"}, {"ä", "a", "å"}, {"å", "a", "ä"}, {"o", "ö", NULL}, {"ö", "o", NULL}};
  char first[8] = {0};
  unsigned cp;
  size_t fl = (size_t)utf8_decode(w->surface, strlen(w->surface), &cp);
  memcpy(first, w->surface, fl < sizeof first ? fl : sizeof first - 1);
  const char *const *try = NULL, *self[3] = {first, NULL, NULL};
  for (size_t i = 0; i < sizeof firsts / sizeof firsts[0] && !try; i++)
    if (!strcmp(firsts[i][0], first)) try = firsts[i];
  if (!try) try = self;
  int bestd = max + 1, bestdf = 0;
  const char *best = NULL;
  size_t wl = strlen(w->surface);
  for (int f = 0; f < 3 && try[f]; f++) {
    search_vocab v;
    if (vocab_prefix(b, try[f], &v) != K_OK) return 0;
    for (int i = 0; i < v.n; i++) {
      const char *t = v.w[i].term;
      size_t tl = strlen(t);
      if (tl + 2 * (size_t)max < wl || wl + 2 * (size_t)max < tl) continue; /* bytes: ä is two */
      int dist = exp_distance(w->surface, t, bestd < max ? bestd : max);
      if (dist <= max && (dist < bestd || (dist == bestd && v.w[i].df > bestdf)))
        bestd = dist, bestdf = v.w[i].df, best = t;
    }
  }
  return best ? util_strdup(best) : NULL;
}

/* nearest_within 1 edit up to 6 letters, 2 for longer (two edits make kala of kalja). */
static char *nearest_vocab(builder *b, const word *w) {
  return nearest_within(b, w, chars_of(w->surface) <= 6 ? 1 : 2);
}

/* For a word Voikko knows as a compound of other words than the typist meant (lastinsuojelu, "cargo protection";
 * nuorisoyö, "youth night"), the index's word one edit away, from 7 letters up. */
static char *nearest_one(builder *b, const word *w) {
  return chars_of(w->surface) >= 7 ? nearest_within(b, w, 1) : NULL;
}

/* An unfinished word that is an inflected stem (ikäihmis, kuntalais, asiakk, palveluasumi), which no lemma of the
 * index starts: the first of these endings after it that makes a word Voikko knows whose lemma the index has, or
 * NULL (malloc'd). */
static char *stem_word(builder *b, const word *w) {
  static const char *const endings[] = {"et", "en", "nen", "aat", "ät", "an", "än", "a", "ä", "n", "t"};
  if (chars_of(w->surface) < 5) return NULL;
  buf c = BUF_INIT;
  char *found = NULL;
  for (size_t i = 0; i < sizeof endings / sizeof endings[0] && !found && !b->failed; i++) {
    buf_reset(&c);
    buf_printf(&c, "%r%r", w->surface, endings[i]);
    if (!morph_spell(b->m, c.data) || morph_clitic(b->m, c.data)) continue;
    word r = {0};
    analyse(b->m, b->sb, b->a, arena_strndup(b->a, c.data, c.len), &r);
    if (r.known && lemma_df(b, &r) > 0) found = util_strdup(c.data);
  }
  buf_free(&c);
  return found;
}

/* The most common word of the index that starts with w, or the word w is the stem of when its lemma is more common
 * (asiakk: asiakas, not asiakkuus), analysed into r. */
static int complete_vocab(builder *b, const word *w, word *r) {
  search_vocab v;
  if (vocab_prefix(b, w->surface, &v) != K_OK) return 0;
  int best = -1;
  for (int i = 0; i < v.n; i++)
    if (strlen(v.w[i].term) > strlen(w->surface) && (best < 0 || v.w[i].df > v.w[best].df)) best = i;
  word s;
  if (memoised(b, '\x09', w, stem_word, &s) && (best < 0 || lemma_df(b, &s) > v.w[best].df)) {
    *r = s;
    return 1;
  }
  if (best < 0) return 0;
  memset(r, 0, sizeof *r);
  analyse(b->m, b->sb, b->a, v.w[best].term, r);
  return 1;
}

#define PREFIX_UMLAUTS 5 /* a's and o's of an unfinished word tried as ä and ö (2^5 readings at most) */

/* An unfinished word typed without ä and ö (tyohyv): the reading with the fewest a's and o's made ä and ö that starts
 * an indexed word, into *pre, and that word's most common completion analysed into r. Returns 1, or 0. The reading
 * (or that there is none) is kept per word until the data changes: up to 32 readings are tried. */
static int complete_umlauts(builder *b, const word *w, const char **pre, word *r) {
  const char *key = memo_key(b, '\x02', w->surface);
  int hit;
  unsigned slot = memo_slot(b->memo, key, &hit);
  if (!hit) {
    size_t at[PREFIX_UMLAUTS];
    unsigned masks[1u << PREFIX_UMLAUTS];
    int k = umlaut_places(w->surface, at, PREFIX_UMLAUTS),
        nm = k > 0 && k <= PREFIX_UMLAUTS ? umlaut_masks(k, masks) : 0;
    char *found = NULL;
    buf c = BUF_INIT;
    for (int i = 0; i < nm && !found && !b->failed; i++) {
      umlaut_reading(w->surface, at, k, masks[i], &c);
      word t = {0};
      t.surface = arena_strndup(b->a, c.data, c.len);
      if (complete_vocab(b, &t, r)) found = util_strdup(t.surface);
    }
    buf_free(&c);
    if (!memo_keep(b, slot, key, found)) return 0;
  }
  if (!*b->memo->fix[slot]) return 0;
  word t = {0};
  t.surface = arena_strdup(b->a, b->memo->fix[slot]);
  if (!complete_vocab(b, &t, r)) return 0;
  *pre = t.surface;
  return 1;
}

/* The groups of the thesaurus with a one-word label that is w (at most max), and one such label. */
static int thes_word(builder *b, const word *w, int *groups, int max, const tlabel **which) {
  int n = 0, cand[MAX_LABELS], nc = labels_of(b->t, w, cand, MAX_LABELS);
  for (int c = 0; c < nc && n < max; c++) {
    const tlabel *l = &b->t->l[cand[c]];
    if (l->nw != 1) continue;
    int dup = 0;
    for (int j = 0; j < n; j++) dup |= groups[j] == l->group;
    if (!dup) groups[n++] = l->group, *which = l;
  }
  return n;
}

static void syn_alts(builder *b, exp_concept *c, const int *groups, int ng, const tlabel *matched);

/* The compound w (one the deeds do not use) with one part put in other words: a synonym of its head after the same
 * parts (kesäduuni: kesätyö, kesän työ) or a synonym of its one part before the head before the same head (vanhustyö:
 * ikäihmistyö), from the thesaurus's groups of interchangeable one-word Finnish labels, weighed as a synonym of a
 * compound's parts. */
static void part_synonyms(builder *b, exp_concept *c, const word *w) {
  if (!w->head) return;
  for (int which = 0; which < (w->nmod == 1 ? 2 : 1); which++) {
    const char *part = which == 0 ? w->head : w->mod[0];
    word pw = {.surface = part};
    add_key(b->a, &pw, 'f', part); /* the part is a base form already: its groups are those with it as a label */
    const tlabel *label;
    int groups[8], ng = thes_word(b, &pw, groups, 8, &label);
    for (int i = 0; i < ng; i++) {
      const thes_group *g = &b->t->g[groups[i]];
      if (g->derivation || g->related) continue;
      for (int k = b->t->gfirst[groups[i]]; k < b->t->gfirst[groups[i]] + b->t->gcount[groups[i]]; k++) {
        const tlabel *l = &b->t->l[k];
        if (l->lang != THES_FI || l->nw != 1 || !strcmp(l->w[0].surface, part)) continue;
        const char *syn = l->w[0].surface;
        exp_alt *x = alt_new(b, c, EXP_SYN, W_SYN * W_SPLIT);
        if (!x) return;
        if (which == 0) {
          mod_slots(b, x, w);
          slot_add(b, x, 1, 0, syn, 0);
          slot_add(b, x, 0, MORPH_HEAD, syn, 0);
        } else {
          slot_add(b, x, 1, 0, syn, 0);
          slot_add(b, x, 0, MORPH_MODIFIER, syn, 0);
          slot_add(b, x, 0, MORPH_HEAD, syn, 0);
          slot_add(b, x, 1, 0, w->head, 0);
          slot_add(b, x, 0, MORPH_HEAD, w->head, 0);
        }
      }
    }
  }
}

/* A word as it is: its lemmas, its parts and derivations when Voikko knows it, its thesaurus groups. */
static void known_word(builder *b, exp_concept *c, const word *w) {
  alt_lemmas(b, c, w, EXP_EXACT, W_EXACT);
  if (w->nweak) {
    exp_alt *x = alt_new(b, c, EXP_DERIV, W_WEAK_SENSE);
    for (int i = 0; i < w->nweak; i++) slot_add(b, x, i == 0, 0, w->weak[i], 0);
  }
  alt_parts(b, c, w); /* before the thesaurus, whose groups may fill the concept's alternatives */
  int groups[8];
  const tlabel *which = NULL;
  int ng = thes_word(b, w, groups, 8, &which);
  if (ng) syn_alts(b, c, groups, ng, which);
  if (!in_index(b, w)) part_synonyms(b, c, w);
}

/* The one-word Finnish labels of the thesaurus that start with pre and are longer (kyberturv: kyberturva,
 * kyberturvallisuus): the shortest into *first, and the groups of them all (at most max, those of the shorter
 * labels first) into groups. Returns the number of groups. */
static int thes_complete(builder *b, const char *pre, const tlabel **first, int *groups, int max) {
  size_t n = strlen(pre);
  const tlabel *hit[64];
  int nhit = 0, ng = 0;
  for (int k = 0; k < b->t->nl && nhit < 64; k++) {
    const tlabel *l = &b->t->l[k];
    if (l->lang != THES_FI || l->nw != 1 || strncmp(l->w[0].surface, pre, n) || !l->w[0].surface[n]) continue;
    int j = nhit++; /* in order of length */
    for (; j > 0 && strlen(hit[j - 1]->w[0].surface) > strlen(l->w[0].surface); j--) hit[j] = hit[j - 1];
    hit[j] = l;
  }
  *first = nhit ? hit[0] : NULL;
  for (int k = 0; k < nhit && ng < max; k++) {
    int dup = 0;
    for (int j = 0; j < ng; j++) dup |= groups[j] == hit[k]->group;
    if (!dup) groups[ng++] = hit[k]->group;
  }
  return ng;
}

/* The concepts of the thesaurus that the unfinished word pre starts (thes_complete), weighed as a completion: an
 * unfinished word means them too, though the index's most common word that starts with it (r, or none) is a longer
 * compound (kyberturvallisuusosaaminen). */
static void complete_concept(builder *b, exp_concept *c, const char *pre, const word *r, float mult) {
  const tlabel *first;
  int groups[8], ng = thes_complete(b, pre, &first, groups, 8);
  if (!ng) return;
  b->mult = mult;
  if (!r || strcmp(first->w[0].surface, r->surface)) alt_lemmas(b, c, &first->w[0], EXP_PREFIX, W_EXACT);
  syn_alts(b, c, groups, ng, first);
  b->mult = 1;
}

/* The alternatives of one word. */
static void word_alts(builder *b, exp_concept *c, int i) {
  const word *w = &b->q[i];
  if (w->star) {
    slot_add(b, alt_new(b, c, EXP_PREFIX, W_EXACT), 1, 0, w->surface, 1);
    /* and, when it is a word in its base form, what the word means (ilmasto*: climate; not hankin*, hanko) */
    int base = 0;
    for (int k = 0; k < w->nlemma; k++) base |= !strcmp(w->lemma[k], w->surface);
    b->mult = W_PREFIX;
    if (w->known && base)
      known_word(b, c, w);
    else
      complete_concept(b, c, w->surface, NULL, W_PREFIX);
    b->mult = 1;
    return;
  }
  word r;
  const char *pre = NULL;
  /* a word Voikko does not know that starts longer indexed words is unfinished, though Snowball's guess at its stem is
   * indexed (päiväko is päiväkoti, not päivä with the clitic -ko) */
  int completes = !w->known && chars_of(w->surface) >= 4 && complete_vocab(b, w, &r);
  if (!completes && in_index(b, w)) {
    known_word(b, c, w);
    return;
  }
  /* a word Voikko knows that the index has only in compounds (ala: toimiala) is neither unfinished nor a typo (the
   * index lacks it as a word: else it returned above) */
  int own = w->known && in_index_marked(b, w, part_marks);
  /* a word Voikko knows stays itself (kirja, pala: not kirjata, palaute); a long one the index has nowhere may be
   * unfinished (digitalis: digitalisaatio) */
  if (!completes && !own) completes = w->known && chars_of(w->surface) >= KNOWN_UNFINISHED && complete_vocab(b, w, &r);
  if (w->known)
    known_word(b, c, w);
  else if (!completes)
    alt_lemmas(b, c, w, EXP_EXACT, W_EXACT);
  /* the start of indexed words (työhyv: työhyvinvointi): the most common of them, and every one as a prefix */
  if (completes) {
    slot_add(b, alt_new(b, c, EXP_PREFIX, W_PREFIX), 1, 0, w->surface, 1);
    b->mult = W_PREFIX;
    known_word(b, c, &r);
    b->mult = 1;
    if (!w->known) complete_concept(b, c, w->surface, &r, W_PREFIX); /* kirja is not kirjasto's concept */
    return;
  }
  /* the index does not know it, nor does it start an indexed word: a typo (for a word Voikko knows, a missing ä or ö,
   * or one edit from an indexed word, below); an unfinished word typed without ä and ö (tyohyv: työhyv…, paivako:
   * päiväkoti) before the index's nearest words, which would make it a shorter word (päivä) */
  int fixed = !own && correct_voikko(b, w, &r), unfinished = 0;
  if (!fixed && !own) unfinished = chars_of(w->surface) >= 4 && complete_umlauts(b, w, &pre, &r);
  if (!fixed && !unfinished && !w->known) fixed = correct_unknown(b, w, &r);
  /* a word Voikko knows that the index does not have, one edit from one it has: that too, as a correction beside the
   * word's own alternatives */
  if (!fixed && !unfinished && !own && w->known) fixed = memoised(b, '\x08', w, nearest_one, &r);
  if (fixed) {
    b->corr[i] = r.surface;
    b->mult = W_CORR;
    known_word(b, c, &r);
    b->mult = 1;
  } else if (unfinished) { /* at a correction's weight */
    slot_add(b, alt_new(b, c, EXP_PREFIX, W_PREFIX * W_CORR), 1, 0, pre, 1);
    b->mult = W_PREFIX * W_CORR;
    known_word(b, c, &r);
    b->mult = 1;
    complete_concept(b, c, pre, &r, W_PREFIX * W_CORR);
  } else if (!w->known) { /* not a typo: a word Voikko does not know may be the head of indexed compounds
                           * (mentorointi: parimentorointi), or a compound of words it knows (chatbotpalvelu) */
    alt_parts(b, c, w);
  }
}

/* Group g's first one-word Finnish label (its preferred term when that is one word) when it is a group of synonyms
 * (not a derivation family nor related terms), or NULL. */
static const tlabel *preferred_word(const thes_c *t, int g) {
  if (t->g[g].derivation || t->g[g].related) return NULL;
  for (int k = t->gfirst[g]; k < t->gfirst[g] + t->gcount[g]; k++)
    if (t->l[k].lang == THES_FI && t->l[k].nw == 1) return &t->l[k];
  return NULL;
}

/* The labels of the groups of one tier (0: the synonyms' Finnish ones, 1: their others, 2: the derivation families',
 * 3: the related terms' Finnish ones, 4: their others) as alternatives, each one slot a word. */
static void label_alts(builder *b, exp_concept *c, const int *groups, int ng, const tlabel *matched, int tier) {
  for (int gi = 0; gi < ng; gi++) {
    const thes_group *g = &b->t->g[groups[gi]];
    int kind = g->derivation ? 2 : g->related ? 3 : 0; /* the tier of its Finnish labels */
    if (kind != (tier == 1 ? 0 : tier == 4 ? 3 : tier)) continue;
    for (int k = b->t->gfirst[groups[gi]]; k < b->t->gfirst[groups[gi]] + b->t->gcount[groups[gi]]; k++) {
      const tlabel *l = &b->t->l[k];
      if (l == matched || (kind != 2 && (l->lang == THES_FI) != (tier == kind))) continue;
      exp_alt *x = alt_new(b, c, EXP_SYN, kind == 2 ? W_SYN_DERIV : kind == 3 ? W_RELATED : W_SYN);
      for (int j = 0; j < l->nw; j++)
        for (int t = 0; t < l->w[j].nlemma; t++) slot_add(b, x, t == 0, 0, l->w[j].lemma[t], 0);
    }
  }
}

/* Synonyms: every other label of the groups matched, the most telling first while the concept has room (a concept has
 * EXP_MAX_ALTS alternatives: the labels of a related group found first took the synonyms' place). */
static void syn_alts(builder *b, exp_concept *c, const int *given, int ng, const tlabel *matched) {
  int groups[16];
  memcpy(groups, given, sizeof *groups * (size_t)(ng < 8 ? ng : 8));
  if (ng > 8) ng = 8;
  /* a Swedish or English word: the related terms of its Finnish synonym too, as the Finnish word has them (physical
   * therapy: fysioterapia, and kuntoutus beside it) */
  int foreign = matched && matched->lang != THES_FI;
  for (int gi = 0, n0 = ng; foreign && gi < n0; gi++) {
    const tlabel *l = preferred_word(b->t, groups[gi]);
    if (!l) continue;
    int more[8];
    const tlabel *which;
    int nm = thes_word(b, &l->w[0], more, 8, &which);
    for (int j = 0; j < nm && ng < 16; j++) {
      int dup = 0;
      for (int i = 0; i < ng; i++) dup |= groups[i] == more[j];
      if (!dup && b->t->g[more[j]].related) groups[ng++] = more[j];
    }
  }
  for (int tier = 0; tier < 3; tier++) label_alts(b, c, groups, ng, matched, tier);
  /* a Swedish or English word: its Finnish synonym with its parts and derivations, as a Finnish query of it finds
   * them (memory disorder: muistisairaus, and muistisairaat; the broad ones left out) */
  for (int gi = 0; foreign && gi < ng; gi++) { /* the preferred one only: each more costs as much again (home care:
                                                * 9.7 -> 11.8 ms) */
    const tlabel *l = preferred_word(b->t, groups[gi]);
    if (!l) continue;
    float m = b->mult;
    b->mult *= W_SYN;
    alt_parts_as(b, c, &l->w[0], 1);
    b->mult = m;
  }
  /* then, while there is room, the compounds of the one-word Finnish synonyms, as a word's own (climate: ilmasto,
   * ilmastovaikutus), and of the derivation families' words (hoivata: hoiva, kotihoiva) */
  for (int gi = 0; gi < ng; gi++) {
    const thes_group *g = &b->t->g[groups[gi]];
    if (g->related) continue;
    float w = g->derivation ? W_SYN_DERIV : W_SYN;
    for (int k = b->t->gfirst[groups[gi]]; k < b->t->gfirst[groups[gi]] + b->t->gcount[groups[gi]]; k++) {
      const tlabel *l = &b->t->l[k];
      if (l == matched || l->lang != THES_FI || l->nw != 1) continue;
      for (int t = 0; t < l->w[0].nlemma; t++) {
        slot_add(b, alt_new(b, c, EXP_SYN, w * W_AS_HEAD), 1, MORPH_HEAD, l->w[0].lemma[t], 0);
        slot_add(b, alt_new(b, c, EXP_SYN, w * W_AS_MOD), 1, MORPH_MODIFIER, l->w[0].lemma[t], 0);
      }
    }
  }
  for (int tier = 3; tier < 5; tier++) label_alts(b, c, groups, ng, matched, tier);
}

/* The longest thesaurus label starting at query word i and ending by word upto: its end, the groups with a label of
 * that span (at most max) and one such label. Returns the number of groups. */
static int thes_span_to(builder *b, int i, int upto, int *end, int *groups, int max, const tlabel **which) {
  int n = 0, cand[MAX_LABELS], nc = labels_of(b->t, &b->q[i], cand, MAX_LABELS);
  *end = 0;
  for (int c = 0; c < nc; c++) {
    int k = cand[c], e = label_match(&b->t->l[k], b->q, b->nq, i);
    if (!e || e < *end || e > upto) continue;
    if (e > *end) n = 0, *end = e, *which = &b->t->l[k];
    int dup = 0;
    for (int j = 0; j < n; j++) dup |= groups[j] == b->t->l[k].group;
    if (!dup && n < max) groups[n++] = b->t->l[k].group;
  }
  return n;
}

/* The longest span of query words from word i that the thesaurus has as a label (thes_span_to). A span of several
 * Finnish words that only related-terms groups have is not taken: its words keep their own concepts, with their
 * synonyms (nuorten mielenterveys is a related term of nuorisopsykiatria, but mielenterveys has its own group); the
 * first word's groups are returned instead. */
static int thes_span(builder *b, int i, int *end, int *groups, int max, const tlabel **which) {
  int n = thes_span_to(b, i, b->nq, end, groups, max, which), related = n > 0;
  for (int g = 0; g < n; g++) related &= b->t->g[groups[g]].related;
  for (int k = i; k < *end; k++) related &= b->q[k].known; /* Finnish words: a phrase of others is the phrase */
  if (related && *end - i > 1) n = thes_span_to(b, i, i + 1, end, groups, max, which);
  return n;
}

static void concept_span(builder *b, exp_concept *c, int i, int end) {
  exp_alt *x = alt_new(b, c, EXP_EXACT, W_EXACT);
  for (int k = i; k < end; k++) {
    if (b->q[k].stop) continue;
    for (int t = 0; t < b->q[k].nlemma; t++) slot_add(b, x, t == 0, 0, b->q[k].lemma[t], 0);
  }
}

/* The plan's terms for snippets, each once; not the parts of a compound split into words (työhyvinvointi as "työ"
 * and "hyvinvointi"): "työ" would mark every työ- word of a snippet. */
static void collect_terms(arena *a, exp_plan *p) {
  int cap = 0;
  for (int i = 0; i < p->n; i++)
    for (int j = 0; j < p->c[i].nalt; j++)
      for (int s = 0; s < p->c[i].alt[j].nslot && !(p->c[i].alt[j].kind == EXP_PART && p->c[i].alt[j].nslot > 1); s++)
        for (int t = 0; t < 2 * p->c[i].alt[j].slot[s].n; t++) { /* the terms, then their Swedish deeds' */
          const exp_slot *sl = &p->c[i].alt[j].slot[s];
          const char *term = t < sl->n ? sl->term[t] : sl->tr[t - sl->n];
          int dup = !term;
          for (int k = 0; k < p->nterms && !dup; k++) dup = !strcmp(p->terms[k], term);
          if (dup) continue;
          p->terms = arena_grow(a, p->terms, p->nterms, &cap, sizeof *p->terms);
          p->terms[p->nterms++] = term;
        }
}

/* The query text with each corrected word replaced. */
static const char *corrected_text(builder *b, const char *q) {
  buf out = BUF_INIT;
  size_t at = 0;
  int any = 0;
  for (int i = 0; i < b->nq; i++) {
    if (!b->corr[i]) continue;
    buf_append(&out, q + at, b->q[i].start - at);
    buf_puts(&out, b->corr[i]);
    at = b->q[i].end;
    any = 1;
  }
  buf_puts(&out, q + at);
  const char *s = any ? arena_strndup(b->a, out.data, out.len) : NULL;
  buf_free(&out);
  return s;
}

#define COOCCUR_SAMPLE                                                                                                 \
  4096 /* deeds of a lemma looked at: enough to tell the readings apart, and a common word's                           \
        * postings are not walked whole (uusien: uusi or uusia, among 75,000 deeds) */

/* How many deeds with lemma l (of its first COOCCUR_SAMPLE) also have a lemma of another word of the query than
 * word i. */
static long cooccur(builder *b, int i, const char *l) {
  const search_postings *p = search_postings_get(b->d, match_of(b->a, l, 0));
  if (!p) {
    b->failed = 1;
    return 0;
  }
  long n = 0;
  for (int j = 0; j < b->nq; j++) {
    if (j == i || b->q[j].stop) continue;
    for (int k = 0; k < b->q[j].nlemma; k++) {
      const search_postings *o = search_postings_get(b->d, match_of(b->a, b->q[j].lemma[k], 0));
      if (!o) {
        b->failed = 1;
        return 0;
      }
      for (int x = 0, y = 0; x < p->n && x < COOCCUR_SAMPLE && y < o->n;) /* both ascending */
        if (p->ids[x] < o->ids[y])
          x++;
        else if (p->ids[x] > o->ids[y])
          y++;
        else
          n++, x++, y++;
    }
  }
  return n;
}

/* Where Voikko reads a word several ways ("ajan": aika or ajaa), the readings the query's other words support (they
 * share the most deeds with them) stay the word's own; the others weigh less (W_WEAK_SENSE). */
static void prefer_supported(builder *b) {
  int words = 0;
  for (int i = 0; i < b->nq; i++) words += !b->q[i].stop;
  for (int i = 0; i < b->nq && words > 1 && !b->failed; i++) {
    word *w = &b->q[i];
    if (w->stop || w->star || !w->known || w->nlemma < 2) continue;
    long co[EXP_SLOT_TERMS], best = 0;
    for (int k = 0; k < w->nlemma; k++)
      if ((co[k] = cooccur(b, i, w->lemma[k])) > best) best = co[k];
    if (best == 0) continue;
    int n = 0;
    for (int k = 0; k < w->nlemma; k++)
      if (co[k] == best)
        w->lemma[n++] = w->lemma[k];
      else
        w->weak[w->nweak++] = w->lemma[k];
    w->nlemma = n;
  }
}

/* ---- Translations from the bilingual dictionaries (search/bidict.h) ---- */

#define DICT_MAX 3                 /* translations of a word or phrase taken: the first ones, of its first senses */
#define DICT_SPAN 3                /* words of a phrase looked up (home care, mental health, care of the elderly) */
#define DICT_FORMS BIDICT_SV_FORMS /* forms of a word looked up: the Swedish ones are the most */
_Static_assert(BIDICT_EN_FORMS <= DICT_FORMS, "an English word has no more forms than a Swedish one");

/* 1 when every word of text is one Voikko knows, not all are stopwords and the index has each, alone, in compounds or
 * as the root of derivations (a Finnish translation that deeds use: "school" is koulu here, not kalaparvi; hoard is
 * hamstrata, whose hamstraus deeds have; not a line of explanation in the dictionary's other language). */
static int finnish_in_index(builder *b, const char *text) {
  word w[EXP_MAX_SLOTS];
  int n = split_words(b->m, b->sb, b->a, text, w, EXP_MAX_SLOTS, THES_FI), content = 0;
  for (int i = 0; i < n; i++) {
    if (!w[i].known) return 0;
    if (w[i].stop) continue;
    content++;
    if (!in_index_or_compounds(b, &w[i]) && !in_index_marked(b, &w[i], root_mark)) return 0;
  }
  return content > 0;
}

/* 1 when Voikko reads t as a base form of its own (asbesti; not perehdytyksi, an unfinished perehdytyks + i). */
static int base_form(builder *b, const char *t) {
  morph_terms_t mt;
  morph_terms(b->m, t, strlen(t), &mt);
  return mt.known && mt.self;
}

/* The Finnish translations of text (lowercase words, one space apart) in dictionary d that deeds use, in the
 * dictionary's order, into tr (at most max). Returns how many. */
static int dict_in(builder *b, const bidict *d, const char *text, const char **tr, int max) {
  const char *raw[32];
  int n = bidict_translate(d, text, b->a, raw, 32), k = 0;
  for (int i = 0; i < n && k < max; i++)
    if (finnish_in_index(b, raw[i])) tr[k++] = raw[i];
  if (n == 0 && d && d == bidict_get(BIDICT_SV) &&
      b->lang == THES_SV) { /* a loan word the dictionary lacks: asbest, asbesti */
    n = bidict_sv_loans(text, b->a, raw);
    for (int i = 0; i < n && k < max; i++)
      if (base_form(b, raw[i]) && finnish_in_index(b, raw[i])) tr[k++] = raw[i];
  }
  return k;
}

/* The forms of a word to look up in dictionary lang (BIDICT_SV: bidict_sv_forms; BIDICT_EN: bidict_en_forms), the word
 * first: dictionaries list base forms. Returns how many (at most DICT_FORMS) into out. */
static int dict_forms(builder *b, int lang, const char *w, const char **out) {
  return lang == BIDICT_SV ? bidict_sv_forms(b->sb->sv, w, b->a, out) : bidict_en_forms(w, b->a, out);
}

/* The same from the first dictionary that has any: the interface's language's first (for a Finnish interface English,
 * whose loan words work life uses: onboarding, chatbot); in each, the word's forms in order (dict_forms). */
static int dict_lookup(builder *b, const char *text, const char **tr, int max) {
  int first = b->lang == THES_SV ? BIDICT_SV : BIDICT_EN;
  for (int o = 0; o < 2; o++) {
    int lang = o == 0 ? first : first == BIDICT_SV ? BIDICT_EN : BIDICT_SV;
    const char *forms[DICT_FORMS];
    int nf = dict_forms(b, lang, text, forms);
    for (int f = 0; f < nf; f++) {
      int k = dict_in(b, bidict_get(lang), forms[f], tr, max);
      if (k) return k;
    }
  }
  return 0;
}

/* The translations as alternatives of c: each a slot a word, and a one-word translation also as the head or a part of
 * compounds (home care: kotihoito; customer: asiakas, asiakaspalaute) and as the root of derivations (hoard: hamstrata,
 * hamstraus). */
static void dict_alts(builder *b, exp_concept *c, const char *const *tr, int n, float weight) {
  for (int i = 0; i < n; i++) {
    buf_printf(&b->translated, "%r%r", b->translated.len ? ", " : "", tr[i]);
    word w[EXP_MAX_SLOTS];
    int k = split_words(b->m, b->sb, b->a, tr[i], w, EXP_MAX_SLOTS, THES_FI);
    exp_alt *x = alt_new(b, c, EXP_SYN, weight);
    for (int j = 0; j < k; j++) { /* the words of a phrase also as parts of compounds (liukkaus: liukkausvaroitus),
                                   * after every reading as a word (a slot holds EXP_SLOT_TERMS) */
      if (w[j].stop) continue;
      for (int t = 0; t < w[j].nlemma; t++) slot_add(b, x, t == 0, 0, w[j].lemma[t], 0);
      for (int t = 0; k > 1 && t < w[j].nlemma; t++)
        slot_add(b, x, 0, MORPH_MODIFIER, w[j].lemma[t], 0), slot_add(b, x, 0, MORPH_HEAD, w[j].lemma[t], 0);
    }
    for (int t = 0; k == 1 && t < w[0].nlemma; t++) {
      slot_add(b, alt_new(b, c, EXP_SYN, weight * W_AS_HEAD), 1, MORPH_HEAD, w[0].lemma[t], 0);
      slot_add(b, alt_new(b, c, EXP_SYN, weight * W_AS_MOD), 1, MORPH_MODIFIER, w[0].lemma[t], 0);
      slot_add(b, alt_new(b, c, EXP_SYN, weight * W_DERIV), 1, MORPH_ROOT, w[0].lemma[t], 0); /* hamstrata: hamstraus */
    }
  }
}

/* The one-word Finnish translation of s[0..n) in the Swedish dictionary, or NULL; with forms, of the first of its
 * forms that has one (dict_forms: olyckor, olycka). */
static const char *sv_word(builder *b, const char *s, size_t n, int forms) {
  const char *tr[1], *f[DICT_FORMS];
  int nf = forms ? dict_forms(b, BIDICT_SV, arena_strndup(b->a, s, n), f) : (f[0] = arena_strndup(b->a, s, n), 1);
  for (int i = 0; i < nf; i++)
    if (dict_in(b, bidict_get(BIDICT_SV), f[i], tr, 1) && !strchr(tr[0], ' ')) return tr[0];
  return NULL;
}

/* A Swedish compound that the dictionary does not have, as two words that it has, the longest head first
 * (hemvård: hem + vård; arbetsmiljö: arbete + miljö, the linking s taken off and an e put back; skolmat: skola + mat):
 * the Finnish compound of their translations (kotihoito) when Voikko knows it, and the two as separate words. Adds
 * the alternatives to c and returns 1, or returns 0. */
static int dict_compound(builder *b, exp_concept *c, const word *w) {
  const char *s = w->surface;
  size_t n = strlen(s);
  for (size_t j = 3; j + 3 <= n; j++) {
    if (((unsigned char)s[j] & 0xC0) == 0x80) continue; /* not inside a letter */
    const char *head = sv_word(b, s + j, n - j, 1), *mod = NULL;
    if (!head) continue;
    const char *mf[BIDICT_SV_MOD_FORMS];
    int nm = bidict_sv_mod_forms(s, j, b->a, mf);
    for (int v = 0; v < nm && !mod; v++) mod = sv_word(b, mf[v], strlen(mf[v]), 0);
    if (!mod) continue;
    char *fi = arena_alloc(b->a, strlen(mod) + strlen(head) + 1);
    strcpy(fi, mod), strcat(fi, head);
    const char *one = fi;
    word cw;
    memset(&cw, 0, sizeof cw);
    analyse_as(b->m, b->sb, b->a, fi, &cw, THES_FI);
    if (cw.known) dict_alts(b, c, &one, 1, W_DICT);
    char *two = arena_alloc(b->a, strlen(mod) + strlen(head) + 2);
    sprintf(two, "%s %s", mod, head);
    dict_alts(b, c, (const char *const *)&two, 1, W_DICT * W_SPLIT);
    return 1;
  }
  return 0;
}

/* A word (or a phrase of up to DICT_SPAN words) that Voikko does not know as Finnish and a bilingual dictionary
 * translates: the words as they are (a Swedish deed has them), and the translations. Adds them to c and returns the
 * end of the span (exclusive), or 0 when the word is Finnish or no dictionary has it. In the Finnish interface a
 * word the deeds use is theirs (lean, coaching), not translated. */
static int dict_span(builder *b, exp_concept *c, int i) {
  const word *w = &b->q[i];
  if (w->stop || w->star) return 0;
  for (int len = DICT_SPAN; len >= 1; len--) {
    int foreign = 0; /* a phrase's words: one at least that Voikko does not know (audio description) */
    for (int k = i; k < i + len && k < b->nq; k++) foreign |= !b->q[k].known;
    if (i + len > b->nq || !foreign || b->q[i + len - 1].stop || b->q[i + len - 1].star) continue;
    if (len == 1 && b->lang == THES_FI && in_index(b, w)) return 0;
    buf text = BUF_INIT;
    for (int k = i; k < i + len; k++) buf_printf(&text, "%r%r", k > i ? " " : "", b->q[k].surface);
    const char *tr[DICT_MAX];
    int n = dict_lookup(b, text.data, tr, DICT_MAX);
    buf_free(&text);
    if (!n) continue;
    if (len > 1)
      concept_span(b, c, i, i + len);
    else
      alt_lemmas(b, c, w, EXP_EXACT, W_EXACT);
    dict_alts(b, c, tr, n, W_DICT);
    return i + len;
  }
  if (w->known || b->lang != THES_SV || !w->nlemma) return 0; /* compounds: Swedish queries' */
  const char *any[1], *forms[DICT_FORMS];
  int nf = dict_forms(b, BIDICT_SV, w->surface, forms);
  for (int f = 0; f < nf; f++) /* a word of the dictionary whose translations no deed uses is no compound to split */
    if (bidict_translate(bidict_get(BIDICT_SV), forms[f], b->a, any, 1) > 0) return 0;
  int nalt = c->nalt;
  alt_lemmas(b, c, w, EXP_EXACT, W_EXACT);
  if (dict_compound(b, c, w)) return i + 1;
  c->nalt = nalt;
  return 0;
}

/* Two Finnish words typed apart, the first in its base form or no word of its own, that the index has as one compound
 * (koti hoito, työ hyvinvointi, sosiaali työ: kotihoito, työhyvinvointi, sosiaalityö; not esimiesten tuki, a phrase):
 * the compound's concept for both, its parts as separate words among its alternatives. Returns the end of the span, or
 * 0. */
static int joined_span(builder *b, exp_concept *c, int i) {
  if (i + 1 >= b->nq) return 0;
  const word *x = &b->q[i], *y = &b->q[i + 1];
  if (x->stop || y->stop || x->star || y->star || !y->known) return 0;
  int base = !x->known; /* a part that is no word of its own: sosiaali työ */
  for (int k = 0; k < x->nlemma && x->known; k++) base |= !strcmp(x->lemma[k], x->surface);
  if (!base) return 0;
  char *j = arena_alloc(b->a, strlen(x->surface) + strlen(y->surface) + 1);
  strcpy(j, x->surface), strcat(j, y->surface);
  word w = {0};
  analyse(b->m, b->sb, b->a, j, &w);
  if (!w.known || !w.head || !in_index(b, &w)) return 0;
  known_word(b, c, &w);
  return i + 2;
}

/* 1 when a thesaurus label is w as typed (not only its stem: kevat's, "keva", is an abbreviation's). */
static int label_as_typed(builder *b, const word *w) {
  word typed = {0};
  int cand[4];
  add_key(b->a, &typed, '=', w->surface);
  return labels_of(b->t, &typed, cand, 4) > 0;
}

/* Query word i, which met a thesaurus label by its stem only, read with ä and ö for some of its a's and o's, when
 * Voikko knows it only that way and the index has it so (kevat: kevät, whose stem "keva" is Keva's, the pension
 * provider; a word the thesaurus does not meet is corrected as any typo is, in word_alts): the correction is said,
 * and the word's concept built from it weighs as a correction. Returns 1 when read so. */
static int umlauts_first(builder *b, int i) {
  word *w = &b->q[i], r;
  if (w->known || w->star || !strpbrk(w->surface, "ao") || label_as_typed(b, w)) return 0;
  if (!correct_voikko(b, w, &r) || !in_index(b, &r)) return 0;
  r.start = w->start, r.end = w->end;
  *w = r;
  b->corr[i] = r.surface;
  return 1;
}

static void plan_words(builder *b, exp_plan *out) {
  int allstop = 1;
  for (int i = 0; i < b->nq; i++) allstop &= b->q[i].stop;
  for (int i = 0; i < b->nq; i++)
    if (allstop) b->q[i].stop = 0;
  prefer_supported(b);
  out->c = arena_alloc(b->a, sizeof *out->c * (size_t)(b->nq ? b->nq : 1));
  for (int i = 0; i < b->nq && !b->failed; i++) {
    if (b->q[i].stop) continue;
    int end = 0, groups[8], fixed = 0;
    exp_concept *c = &out->c[out->n++];
    const tlabel *which = NULL;
    int ng = b->q[i].star ? 0 : thes_span(b, i, &end, groups, 8, &which);
    if (ng > 0 && (fixed = umlauts_first(b, i))) ng = thes_span(b, i, &end, groups, 8, &which);
    if (ng > 0 && end - i > 1) {
      concept_span(b, c, i, end);
      syn_alts(b, c, groups, ng, which);
      i = end - 1;
    } else if ((end = joined_span(b, c, i)) > 0) {
      i = end - 1;
    } else if (ng > 0) { /* a word of the thesaurus: never "corrected" */
      known_word(b, c, &b->q[i]);
    } else if ((end = dict_span(b, c, i)) > 0) { /* a Swedish or English word the thesaurus lacks: never "corrected" */
      i = end - 1;
    } else {
      word_alts(b, c, i);
    }
    for (int k = 0; fixed && k < c->nalt; k++) c->alt[k].weight *= W_CORR;
  }
}

static int plan_build(db *d, arena *a, const char *q, const char *lang, int broad, exp_plan *out, kerr *e) {
  /* every language's thesaurus labels are looked at whatever the interface's language; it orders the dictionaries */
  memset(out, 0, sizeof *out);
  size_t n = q ? strlen(q) : 0, pos = 0, start, end;
  if (!utf8_next_word(q, n, &pos, &start, &end)) return K_OK; /* no words: no analyser, no thesaurus */
  morph *m = search_morph(d);
  if (!m) return kerr_set(e, NULL, "search failed: the Finnish dictionary for Voikko is missing");
  thes_conn *tc = thes_get(d, m, e);
  if (!tc) return K_ERR;
  int li = lang && !strcmp(lang, "sv") ? THES_SV : lang && !strcmp(lang, "en") ? THES_EN : THES_FI;
  builder b = {.d = d,
               .a = a,
               .m = m,
               .t = tc->t,
               .sb = &tc->sb,
               .memo = tc->memo,
               .mult = 1,
               .ndocs = -1,
               .lang = li,
               .broad = broad};
  b.q = arena_alloc(a, sizeof(word) * EXP_MAX_CONCEPTS);
  b.nq = split_words(m, &tc->sb, a, q, b.q, EXP_MAX_CONCEPTS, -1);
  b.corr = arena_alloc(a, sizeof *b.corr * (size_t)(b.nq ? b.nq : 1));
  plan_words(&b, out);
  if (b.failed) {
    buf_free(&b.translated);
    return kerr_set(e, NULL, "search failed: %r", db_errmsg(d));
  }
  out->corrected = corrected_text(&b, q ? q : "");
  out->translated = b.translated.len ? arena_strndup(a, b.translated.data, b.translated.len) : NULL;
  buf_free(&b.translated);
  out->broadened = b.broadened;
  collect_terms(a, out);
  return K_OK;
}

int exp_plan_build(db *d, arena *a, const char *q, const char *lang, exp_plan *out, kerr *e) {
  return plan_build(d, a, q, lang, 0, out, e);
}

int exp_plan_broader(db *d, arena *a, const char *q, const char *lang, exp_plan *out, kerr *e) {
  return plan_build(d, a, q, lang, 1, out, e);
}

/* ---- Suggestions while typing ---- */

typedef struct suggest {
  const char **out;
  int n, max;
  arena *a;
  const char *head; /* the text before the last word */
  size_t hlen;
} suggest;

static void suggest_add(suggest *sg, const char *w) {
  if (sg->n >= sg->max) return;
  char *s = arena_alloc(sg->a, sg->hlen + strlen(w) + 1);
  memcpy(s, sg->head, sg->hlen);
  strcpy(s + sg->hlen, w);
  for (int i = 0; i < sg->n; i++)
    if (!strcmp(sg->out[i], s)) return;
  sg->out[sg->n++] = s;
}

static int by_df_desc(const void *x, const void *y) {
  const search_word *a = *(const search_word *const *)x, *b = *(const search_word *const *)y;
  return a->df != b->df ? (a->df < b->df ? 1 : -1) : strcmp(a->term, b->term);
}

/* The index's words starting with pre, the most common first. */
static void suggest_vocab(suggest *sg, const search_vocab *v) {
  int k = 0;
  const search_word **c = arena_alloc(sg->a, sizeof *c * (size_t)(v->n + 1));
  for (int i = 0; i < v->n; i++)
    if (strlen(v->w[i].term) > 2 && !has_digit_or_space(v->w[i].term) && !strchr(MORPH_MARKS, v->w[i].term[0]))
      c[k++] = &v->w[i]; /* a word, not a marked term (<työ, ~kehittää: typed, they would show the index's own) */
  qsort(c, (size_t)k, sizeof *c, by_df_desc);
  for (int i = 0; i < k; i++) suggest_add(sg, c[i]->term);
}

static int by_length(const void *x, const void *y) {
  const char *a = *(const char *const *)x, *b = *(const char *const *)y;
  size_t la = strlen(a), lb = strlen(b);
  return la != lb ? (la < lb ? -1 : 1) : strcmp(a, b);
}

/* The thesaurus's labels in language lang (-1: any) starting with pre, the shortest first ("home care" before
 * "home care worker"). */
static void suggest_labels(suggest *sg, const thes_c *t, int lang, const char *pre) {
  size_t n = strlen(pre);
  int k = 0, cap = 0;
  const char **c = NULL;
  for (int g = 0; g < t->ng; g++)
    for (int l = 0; l < THES_NLANG; l++)
      for (int i = 0; (lang < 0 || l == lang) && i < t->g[g].nlabel[l]; i++)
        if (!strncmp(t->g[g].label[l][i], pre, n)) {
          c = arena_grow(sg->a, c, k, &cap, sizeof *c);
          c[k++] = t->g[g].label[l][i];
        }
  if (k) qsort(c, (size_t)k, sizeof *c, by_length);
  for (int i = 0; i < k; i++) suggest_add(sg, c[i]);
}

#define SUGGEST_UMLAUTS 5 /* a's and o's of a prefix tried as ä and ö when nothing starts with it (2^5 readings) */

/* Suggestions starting with pre: in the interface's language's thesaurus labels (for sv and en), the index's words,
 * any label. Returns K_OK or K_ERR. */
static int suggest_prefix(db *d, arena *a, suggest *sg, const thes_c *t, int li, const char *pre) {
  if (li != THES_FI) suggest_labels(sg, t, li, pre);
  search_vocab v;
  char *hi = arena_alloc(a, strlen(pre) + sizeof TOP_CHAR);
  strcpy(hi, pre), strcat(hi, TOP_CHAR);
  int rc = search_vocab_range(d, a, pre, hi, &v);
  if (rc == K_OK) suggest_vocab(sg, &v);
  suggest_labels(sg, t, -1, pre);
  return rc;
}

static int suggest_snapshot(db *d, arena *a, const char *text, const char *lang, suggest *sg, kerr *e) {
  if (!search_index_get(d, e)) return -1;
  morph *m = search_morph(d);
  thes_conn *tc = m ? thes_get(d, m, e) : NULL;
  const thes_c *t = tc ? tc->t : NULL;
  if (!t) {
    if (!e->msg) kerr_set(e, NULL, "search failed: the Finnish dictionary for Voikko is missing");
    return -1;
  }
  size_t len = strlen(text), at = len;
  while (at > 0 && text[at - 1] != ' ') at--;
  buf low = BUF_INIT;
  utf8_lower(&low, text + at, len - at);
  const char *pre = low.data ? low.data : "";
  sg->head = text, sg->hlen = at;
  int li = lang && !strcmp(lang, "sv") ? THES_SV : lang && !strcmp(lang, "en") ? THES_EN : THES_FI;
  int rc = K_OK;
  if (chars_of(pre) >= 2) rc = suggest_prefix(d, a, sg, t, li, pre);
  /* nothing starts so: perhaps it was typed without ä and ö (tyohyv: työhyvinvointi), fewest changes first */
  size_t ao[SUGGEST_UMLAUTS];
  int k = umlaut_places(pre, ao, SUGGEST_UMLAUTS);
  if (rc == K_OK && sg->n == 0 && chars_of(pre) >= 3 && k > 0 && k <= SUGGEST_UMLAUTS) {
    unsigned masks[1u << SUGGEST_UMLAUTS];
    int nm = umlaut_masks(k, masks);
    buf v = BUF_INIT;
    for (int i = 0; i < nm && rc == K_OK && sg->n < sg->max; i++) {
      if (sg->n > 0 && __builtin_popcount(masks[i]) > __builtin_popcount(masks[i - 1])) break; /* the fewest */
      umlaut_reading(pre, ao, k, masks[i], &v);
      rc = suggest_prefix(d, a, sg, t, li, arena_strndup(a, v.data, v.len));
    }
    buf_free(&v);
  }
  buf_free(&low);
  if (rc != K_OK) {
    kerr_set(e, NULL, "search failed: %r", db_errmsg(d));
    return -1;
  }
  return sg->n;
}

int search_suggest(db *d, arena *a, const char *text, const char *lang, const char **out, int max, kerr *e) {
  if (!text || strlen(text) > 200) return 0;
  suggest sg = {out, 0, max < 1 ? 1 : max > SEARCH_SUGGEST_MAX ? SEARCH_SUGGEST_MAX : max, a, "", 0};
  int own = !db_in_transaction(d), n;
  if (own && db_begin_read(d) != DB_OK) {
    kerr_set(e, NULL, "search failed: %r", db_errmsg(d));
    n = -1;
  } else
    n = suggest_snapshot(d, a, text, lang, &sg, e);
  if (own && db_in_transaction(d)) db_script(d, "COMMIT");
  return n;
}

/* ---- Edit distance ---- */

static unsigned fold(unsigned c) {
  return c == 0xE4 || c == 0xE5 ? 'a' : c == 0xF6 ? 'o' : c; /* ä, å → a; ö → o */
}

static int decode_all(const char *s, unsigned *out, int max) {
  int n = 0;
  size_t len = strlen(s);
  for (size_t i = 0; i < len && n < max;) {
    unsigned cp;
    i += (size_t)utf8_decode(s + i, len - i, &cp);
    out[n++] = fold(cp);
  }
  return n;
}

int exp_distance(const char *a, const char *b, int max) {
  enum { MAXC = 64 };
  unsigned x[MAXC], y[MAXC];
  int n = decode_all(a, x, MAXC), m = decode_all(b, y, MAXC);
  if (abs(n - m) > max) return max + 1;
  int d[3][MAXC + 1]; /* rows i-2, i-1, i */
  for (int j = 0; j <= m; j++) d[1][j] = j;
  for (int i = 1; i <= n; i++) {
    int *cur = d[(i + 1) % 3], *prev = d[i % 3], *pp = d[(i + 2) % 3], low = i;
    cur[0] = i;
    for (int j = 1; j <= m; j++) {
      int cost = x[i - 1] != y[j - 1], v = prev[j - 1] + cost;
      if (prev[j] + 1 < v) v = prev[j] + 1;
      if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] && pp[j - 2] + 1 < v) v = pp[j - 2] + 1;
      cur[j] = v;
      if (v < low) low = v;
    }
    if (low > max) return max + 1;
  }
  int r = d[(n + 1) % 3][m];
  return r > max ? max + 1 : r;
}
