/* morph: Voikko analysis of Finnish words into lemmas, compound parts and derivation roots, Snowball fallback,
 * per-analyser cache. */
#include "search/morph.h"

#include <libstemmer.h>
#include <libvoikko/voikko.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/map.h"
#include "core/utf8.h"
#include "search/bidict.h"

/* The cache of analyses goes in pairs of slots (two-way): a word replaces its pair's less recently used one, so memory
 * stays bounded and two common words that collide do not push each other out. */
#define CACHE_SLOTS 32768
#define MAX_ANALYSED 120 /* longer "words" (URLs, chains) are indexed as they are */
#define MAX_PARTS 16

/* What a word's lemmas are (see morph_terms_t): of the word being built, and kept with it in the cache. */
typedef struct readings {
  int known, self;
  unsigned verbs, closed, function, numeral;
} readings;

typedef struct slot {
  char *data; /* the word, NUL, then the terms back to back; NULL when empty */
  size_t wlen;
  int nterms, nlemma;
  int recent; /* 1: used after the other slot of its pair */
  readings r;
} slot;

struct morph {
  struct VoikkoHandle *vk;
  struct sb_stemmer *sb;
  struct sb_stemmer *sv; /* Swedish, for the forms of a Swedish word to translate (NULL: none translated) */
  slot cache[CACHE_SLOTS];
  buf work; /* terms being built: NUL-separated */
  int nwork;
  readings r; /* of the word being built */
};

morph *morph_new(kerr *e) {
  const char *err = NULL;
  struct VoikkoHandle *vk = voikkoInit(&err, "fi", NULL);
  if (!vk) {
    kerr_set(e, NULL, "the Finnish dictionary for Voikko is missing (install the package voikko-fi): %r",
             err ? err : "unknown error");
    return NULL;
  }
  struct sb_stemmer *sb = sb_stemmer_new("finnish", "UTF_8");
  if (!sb) {
    voikkoTerminate(vk);
    kerr_set(e, NULL, "the Snowball Finnish stemmer is not available (libstemmer)");
    return NULL;
  }
  morph *m = calloc(1, sizeof *m);
  if (!m) abort();
  m->vk = vk;
  m->sb = sb;
  m->sv = sb_stemmer_new("swedish", "UTF_8");
  return m;
}

void morph_free(morph *m) {
  if (!m) return;
  for (int i = 0; i < CACHE_SLOTS; i++) free(m->cache[i].data);
  buf_free(&m->work);
  sb_stemmer_delete(m->sb);
  if (m->sv) sb_stemmer_delete(m->sv);
  voikkoTerminate(m->vk);
  free(m);
}

/* Adds term t (n bytes) unless it is empty or already there. */
static void add_term(morph *m, const char *t, size_t n) {
  if (n == 0) return;
  const char *p = m->work.data;
  for (int i = 0; i < m->nwork; i++) {
    size_t len = strlen(p);
    if (len == n && memcmp(p, t, n) == 0) return;
    p += len + 1;
  }
  buf_append(&m->work, t, n);
  buf_putc(&m->work, 0);
  m->nwork++;
}

/* Adds mark (MORPH_MODIFIER, MORPH_HEAD, MORPH_ROOT or 0 for a lemma) and the lowercase of t (n bytes), leaving out
 * '=' morpheme marks. */
static void add_marks(morph *m, const char *marks, const char *t, size_t n) {
  buf low = BUF_INIT;
  buf_puts(&low, marks);
  for (size_t i = 0; i < n; i++) {
    size_t j = i;
    while (j < n && t[j] != '=') j++;
    utf8_lower(&low, t + i, j - i);
    i = j;
  }
  if (low.len > strlen(marks)) add_term(m, low.data, low.len);
  buf_free(&low);
}

static void add_marked(morph *m, char mark, const char *t, size_t n) {
  char marks[2] = {mark, 0};
  add_marks(m, marks, t, n);
}

static void add_lower(morph *m, const char *t, size_t n) {
  add_marked(m, 0, t, n);
}

typedef struct part {
  size_t start, end; /* the part's surface in the concatenated surfaces */
  const char *base;  /* base form in WORDBASES; NULL when derived (terve+ys) or absent */
  size_t blen;
  const char *root; /* derived (kehit(kehittää)+ys(+ys)): the base form it is derived from; else NULL */
  size_t rlen;
  int adjective; /* derived with -inen or -llinen (tavallinen of tapa, taloudellinen of talous) */
} part;

typedef struct parts {
  char surf[2 * MAX_ANALYSED + 8]; /* all segment surfaces, "-" included: the word's stem as written */
  size_t len;
  part p[MAX_PARTS];
  int n;
} parts;

static void surf_add(parts *ps, const char *s, size_t n) {
  if (ps->len + n >= sizeof ps->surf) n = sizeof ps->surf - 1 - ps->len;
  memcpy(ps->surf + ps->len, s, n);
  ps->len += n;
}

/* 1 when the WORDBASES piece at p ("+nen(+nen)", or "tel(+ella)" right after a base form) is a derivational suffix.
 */
static int suffix_next(const char *p) {
  if (*p == '+') p++;
  while (*p && *p != '+' && *p != '(') p++;
  return p[0] == '(' && p[1] == '+';
}

/* Splits WORDBASES ("+työ(työ)+hyvinvointi(hyvin=vointi)", "+terve(terve)+ys(+ys)+ala(ala)") into parts.
 * A derivational suffix ("(+ys)") joins the part before it, and so does a piece without a base form before one ("lli"
 * of "+tava(tapa)+lli+nen(+nen)": tavallinen is no compound of tapa and "llinen"); "-" separators belong to no
 * part. A suffix may follow a base form without a "+" ("+sovit(sovittaa)tel(+ella)+u(+u)": sovittelu of sovitella
 * of sovittaa; "+liukast(liukastaa)umis(+ua)+tapa(tapa)+turma(turma)"): it is a piece as any other. */
static void split_wordbases(const char *wb, parts *ps) {
  ps->len = 0;
  ps->n = 0;
  for (const char *p = wb; *p && ps->n < MAX_PARTS;) {
    if (*p == '+') p++;
    const char *s = p, *b = NULL;
    while (*p && *p != '+' && *p != '(') p++;
    size_t slen = (size_t)(p - s), blen = 0;
    if (*p == '(') {
      b = ++p;
      while (*p && *p != ')') p++;
      blen = (size_t)(p - b);
      if (*p == ')') p++;
    }
    size_t at = ps->len;
    surf_add(ps, s, slen);
    if (b && blen > 0 && b[0] == '+' && ps->n > 0) { /* suffix: extends the previous part */
      part *q = &ps->p[ps->n - 1];
      q->end = ps->len;
      if (q->base) q->root = q->base, q->rlen = q->blen;
      q->base = NULL;
      if (blen == 4 && !memcmp(b, "+nen", 4)) q->adjective = 1;
    } else if (!b && slen > 0 && s[0] != '-' && ps->n > 0 && (slen <= 2 || suffix_next(p))) {
      /* "n" of rekrytoi+n+ti, "lli" of tava(tapa)+lli+nen(+nen): joins */
      ps->p[ps->n - 1].end = ps->len;
    } else if (slen > 0 && !(slen == 1 && s[0] == '-')) {
      ps->p[ps->n++] = (part){at, ps->len, b, blen, NULL, 0, 0};
    }
  }
}

/* 1 for a prefix of Voikko's (a part without a base form) that changes the meaning of what follows: esimies is not
 * a man, epävarmuus not certainty. Other such prefixes are modifiers: lähijohtaminen is johtaminen, etätyö työ,
 * pienyrittäjä yrittäjä, erityisopettaja opettaja. */
static int bound_prefix(const char *s, size_t n) {
  return (n == 3 && !memcmp(s, "esi", 3)) || (n == 4 && !memcmp(s, "epä", 4));
}

/* Compounds whose parts mean nothing of the whole (the first part as written, the last in its base form): kuukausi is
 * no season, puutarha no tree, etukäteen ("beforehand") no hand, henkilökunta ("staff") no municipality, asiakirja
 * ("document") no book, tapaturma ("accident") no way, viranomainen ("authority") no next of kin, tekoäly ("AI") no
 * deed. They stay one part, alone and inside longer compounds (työilmapiiri: työ, ilmapiiri; not ilma, "air"). */
static const char *const lexicalised[] = {
    "aikataulu",    "asiakirja",  "elinkeino",     "etukäsi",     "henkilökunta", "ilmapiiri",
    "johtopäätös",  "jälkikäsi",  "kuukausi",      "käsikirja",   "lautakunta",   "lähtökohta",
    "lämpötila",    "mieliala",   "näkökulma",     "puutarha",    "rajapinta",    "ristiriita",
    "seurakunta",   "tapaturma",  "tekoäly",       "toimikunta",  "vaihdevuosi",  "viikonloppu",
    "viranomainen", "vuorokausi", "vuorovaikutus", "yhteiskunta", "yhteistyö",
};

/* 1 when parts a and b (a's surface, b's base form or else surface) make a lexicalised compound. */
static int lexicalised_pair(const parts *ps, const part *a, const part *b) {
  buf w = BUF_INIT;
  utf8_lower(&w, ps->surf + a->start, a->end - a->start);
  if (b->base)
    utf8_lower(&w, b->base, b->blen);
  else
    utf8_lower(&w, ps->surf + b->start, b->end - b->start);
  int found = 0;
  for (size_t i = 0; i < sizeof lexicalised / sizeof lexicalised[0] && !found; i++)
    found = w.len == strlen(lexicalised[i]) && !memcmp(w.data, lexicalised[i], w.len);
  buf_free(&w);
  return found;
}

static void add_modifier(morph *m, const char *s, size_t n);
static int is_lemma(morph *m, const char *word, const char *cl);

/* Loanwords whose derivations Voikko does not link: an ending and the ending of the word it comes from, tried in
 * turn (koordinaatio, koordinaattori: koordinoida; automaatio: automatisoida; kvalifikaatio: kvalifioida;
 * fysioterapeutti: fysioterapia; psykologi: psykologia). A noun they come from is a root of its own, so that a
 * compound of it finds those of its derivation (puheterapia: puheterapeutti). */
static const struct {
  const char *ending, *from;
  int noun;
} loan[] = {
    {"ikaatio", "ioida", 0}, {"aatio", "oida", 0},         {"aatio", "atisoida", 0},
    {"aattori", "oida", 0},  {"terapeutti", "terapia", 1}, {"logi", "logia", 1},
};

/* Adds the root of a loanword (its base form or its last part's: w, n bytes, "=" left out) that Voikko reads as
 * underived, when the word it comes from is one Voikko knows. */
static void add_loan_root(morph *m, const char *w, size_t n) {
  char word[MAX_ANALYSED + 1], from[MAX_ANALYSED + 16];
  size_t len = 0;
  for (size_t i = 0; i < n && len < MAX_ANALYSED; i++)
    if (w[i] != '=') word[len++] = w[i];
  word[len] = 0;
  for (size_t i = 0; i < sizeof loan / sizeof loan[0]; i++) {
    size_t e = strlen(loan[i].ending), f = strlen(loan[i].from);
    if (loan[i].noun && len >= f && !memcmp(word + len - f, loan[i].from, f)) {
      add_marked(m, MORPH_ROOT, word, len);
      return;
    }
    if (len < e || memcmp(word + len - e, loan[i].ending, e)) continue;
    memcpy(from, word, len - e);
    strcpy(from + len - e, loan[i].from);
    if (is_lemma(m, from, NULL)) {
      add_marked(m, MORPH_ROOT, from, strlen(from));
      return;
    }
  }
}

/* Adds the terms of one analysis besides its lemma: the base forms of its compound parts (MORPH_MODIFIER for each
 * part before the last, MORPH_HEAD for the last) and the root its last part is derived from (MORPH_ROOT), unless it is
 * an adjective in -inen or -llinen or a noun made of one, which means another thing than its root (tavallinen
 * "ordinary" of tapa "way", osallisuus "participation" of osa "part", työllisyys "employment" of työ). The last
 * part's base form is the word's base form less the surfaces before it (only the last part inflects). */
static void add_parts(morph *m, const char *wordbases, const char *baseform) {
  parts ps;
  split_wordbases(wordbases, &ps);
  if (ps.n >= 1 && ps.p[ps.n - 1].root && !ps.p[ps.n - 1].adjective)
    add_marked(m, MORPH_ROOT, ps.p[ps.n - 1].root, ps.p[ps.n - 1].rlen);
  else if (ps.n >= 1 && ps.p[ps.n - 1].base)
    add_loan_root(m, ps.p[ps.n - 1].base, ps.p[ps.n - 1].blen);
  /* a bound prefix joins the part after it (lähi+esihenkilö), and so does the first part of a lexicalised compound
   * (kuu+kausi) */
  int k = 0;
  for (int i = 0; i < ps.n; i++) {
    part *q = &ps.p[i];
    if (i + 1 < ps.n && ((!q->base && !q->root && bound_prefix(ps.surf + q->start, q->end - q->start)) ||
                         lexicalised_pair(&ps, q, &ps.p[i + 1]))) {
      ps.p[i + 1].start = q->start;
      ps.p[i + 1].base = NULL; /* its base form is no longer the part's: the surface stands for it */
      continue;
    }
    ps.p[k++] = *q;
  }
  ps.n = k;
  if (ps.n < 2) return;
  for (int i = 0; i < ps.n - 1; i++) {
    const part *q = &ps.p[i];
    if (q->end - q->start < 2) continue; /* "e" of e-palvelu says nothing */
    if (q->base)
      add_marked(m, MORPH_MODIFIER, q->base, q->blen);
    else /* a derived part as it stands (terveyden of terveydenhoitaja): its base form, terveys */
      add_modifier(m, ps.surf + q->start, q->end - q->start);
    /* and the root it is derived from (evakuoida of evakuointiohje, retkeillä of retkeilyreitti) */
    if (q->root && !q->adjective) add_marks(m, MORPH_MOD_ROOT, q->root, q->rlen);
  }
  const part *last = &ps.p[ps.n - 1];
  buf prefix = BUF_INIT, lemma = BUF_INIT;
  utf8_lower(&prefix, ps.surf, last->start);
  utf8_lower(&lemma, baseform, strlen(baseform));
  if (lemma.len > prefix.len && memcmp(lemma.data, prefix.data, prefix.len) == 0)
    add_marked(m, MORPH_HEAD, lemma.data + prefix.len, lemma.len - prefix.len);
  else if (last->base)
    add_marked(m, MORPH_HEAD, last->base, last->blen);
  /* three parts or more: the runs of parts are parts too, from the start as modifiers in their base form (sisäilma of
   * sisäilmaongelma, kouluterveys of kouluterveydenhoitaja) and to the end as heads (hyvinvointikysely) */
  for (int j = 2; j < ps.n; j++) {
    buf_reset(&prefix);
    utf8_lower(&prefix, ps.surf, ps.p[j - 1].end);
    add_modifier(m, prefix.data, prefix.len);
  }
  for (int j = 1; j + 1 < ps.n; j++) {
    buf_reset(&prefix);
    utf8_lower(&prefix, ps.surf, ps.p[j].start);
    if (lemma.len > prefix.len && memcmp(lemma.data, prefix.data, prefix.len) == 0)
      add_marked(m, MORPH_HEAD, lemma.data + prefix.len, lemma.len - prefix.len);
  }
  buf_free(&lemma);
  buf_free(&prefix);
}

/* Term i of terms (NUL-terminated strings back to back). */
static const char *nth_term(const char *terms, int i) {
  while (i-- > 0) terms += strlen(terms) + 1;
  return terms;
}

/* The 1-based index of the lemma among the first nlemma terms that is word itself (n bytes), or 0. */
static int self_lemma(const morph *m, int nlemma, const char *word, size_t n) {
  for (int i = 0; i < nlemma; i++) {
    const char *p = nth_term(m->work.data, i);
    if (strlen(p) == n && !memcmp(p, word, n)) return i + 1;
  }
  return 0;
}

/* How far-fetched an analysis is: twice the parts it splits the word into (1 for a word that is no compound), and
 * one more for a possessive suffix of the second person ("your"), which the texts of deeds do not use. */
static int far_fetched(const struct voikko_mor_analysis *a) {
  char *wb = voikko_mor_analysis_value_cstr(a, "WORDBASES"), *poss = voikko_mor_analysis_value_cstr(a, "POSSESSIVE");
  parts ps = {0};
  if (wb) split_wordbases(wb, &ps);
  int score = 2 * (ps.n > 1 ? ps.n : 1) + (poss && poss[0] == '2');
  voikko_free_mor_analysis_value_cstr(wb);
  voikko_free_mor_analysis_value_cstr(poss);
  return score;
}

/* For Voikko's classes of words that do not inflect as nouns do: 2 for the function words (conjunctions,
 * adpositions, pronouns, the negation verb, interjections), 1 for adverbs (which may mean something: etänä, remotely),
 * else 0. */
static int closed_class(const char *cl) {
  static const char *const function[] = {"sidesana", "suhdesana", "asemosana", "kieltosana", "huudahdussana"};
  for (size_t i = 0; i < sizeof function / sizeof function[0]; i++)
    if (!strcmp(cl, function[i])) return 2;
  return !strcmp(cl, "seikkasana");
}

/* 1 when Voikko reads word (NUL-terminated) as a base form of its own, of class cl (NULL: any): kuusi is a noun's
 * too (a spruce as well as six; tuhat is not: it is also a form of tuhka, nor kymmenen, a form of kymmen). */
static int is_lemma(morph *m, const char *word, const char *cl) {
  struct voikko_mor_analysis **a = voikkoAnalyzeWordCstr(m->vk, word);
  if (!a) return 0;
  int yes = 0;
  for (int i = 0; a[i] && !yes; i++) {
    char *c = voikko_mor_analysis_value_cstr(a[i], "CLASS"), *b = voikko_mor_analysis_value_cstr(a[i], "BASEFORM");
    yes = b && !strcmp(b, word) && (!cl || (c && !strcmp(c, cl)));
    voikko_free_mor_analysis_value_cstr(c);
    voikko_free_mor_analysis_value_cstr(b);
  }
  voikko_free_mor_analysis(a);
  return yes;
}

/* Voikko: lemmas first (they count as the word's own terms), then compound parts. Of the analyses only the least
 * far-fetched count: the others are Voikko's splits into more parts (vaaratilanteiden as vaara+tilan+tie beside
 * vaara+tilanne, perusteinen as perus+te(tie)+inen beside peruste+inen) or a "your" beside another reading (tiesi:
 * tietää, not your tie), which would make a report's words mean roads. Returns the lemma count. */
static int analyse(morph *m, const char *word) {
  struct voikko_mor_analysis **a = voikkoAnalyzeWordCstr(m->vk, word);
  if (!a) return 0;
  int least = 1 << 30;
  for (int i = 0; a[i]; i++) {
    int n = far_fetched(a[i]);
    if (n < least) least = n;
  }
  for (int i = 0; a[i]; i++) {
    if (far_fetched(a[i]) > least) continue;
    char *bf = voikko_mor_analysis_value_cstr(a[i], "BASEFORM");
    if (bf) add_lower(m, bf, strlen(bf));
    voikko_free_mor_analysis_value_cstr(bf);
  }
  int nlemma = m->nwork;
  unsigned numeral = 0;
  for (int i = 0; a[i]; i++) {
    if (far_fetched(a[i]) > least) continue;
    char *bf = voikko_mor_analysis_value_cstr(a[i], "BASEFORM");
    char *wb = voikko_mor_analysis_value_cstr(a[i], "WORDBASES");
    char *cl = voikko_mor_analysis_value_cstr(a[i], "CLASS");
    int verb = cl && !strcmp(cl, "teonsana"), closed = cl ? closed_class(cl) : 0;
    if (bf) { /* which lemma a verb's, a function word's or a numeral's reading is */
      buf low = BUF_INIT;
      utf8_lower(&low, bf, strlen(bf));
      int at = self_lemma(m, nlemma, low.data, low.len);
      unsigned bit = at > 0 && at <= 32 ? 1u << (at - 1) : 0;
      if (verb) m->r.verbs |= bit;
      if (closed) m->r.closed |= bit;
      if (closed == 2) m->r.function |= bit;
      if (cl && !strcmp(cl, "lukusana") && is_lemma(m, bf, "nimisana")) numeral |= bit;
      buf_free(&low);
    }
    voikko_free_mor_analysis_value_cstr(cl);
    if (bf && wb) add_parts(m, wb, bf);
    voikko_free_mor_analysis_value_cstr(wb);
    voikko_free_mor_analysis_value_cstr(bf);
  }
  voikko_free_mor_analysis(a);
  m->r.numeral = numeral;
  /* the numeral's own term, so that the word keeps its place when the noun's lemma is left out (the two engines count
   * the words of a text alike) */
  for (int i = 0; i < nlemma && i < 32; i++) {
    if (!((numeral >> i) & 1)) continue;
    char *lemma = strdup(nth_term(m->work.data, i)); /* add_marked may move m->work */
    if (!lemma) abort();
    add_marked(m, MORPH_NUMERAL, lemma, strlen(lemma));
    free(lemma);
  }
  return nlemma;
}

static int has_digit(const char *w, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (w[i] >= '0' && w[i] <= '9') return 1;
  return 0;
}

/* Adds the Snowball stem of word (n bytes), marked with mark (0 for none). */
static void add_stem(morph *m, char mark, const char *word, size_t n) {
  const sb_symbol *st = sb_stemmer_stem(m->sb, (const sb_symbol *)word, (int)n);
  if (st) add_marked(m, mark, (const char *)st, (size_t)sb_stemmer_length(m->sb));
}

/* Adds Voikko's base forms of word (NUL-terminated) marked with mark; returns how many (0: Voikko does not know it).
 */
static int add_known(morph *m, char mark, const char *word) {
  struct voikko_mor_analysis **a = voikkoAnalyzeWordCstr(m->vk, word);
  if (!a) return 0;
  int n = 0;
  for (int i = 0; a[i]; i++) {
    char *bf = voikko_mor_analysis_value_cstr(a[i], "BASEFORM");
    if (bf) add_marked(m, mark, bf, strlen(bf)), n++;
    voikko_free_mor_analysis_value_cstr(bf);
  }
  voikko_free_mor_analysis(a);
  return n;
}

/* Voikko knows word (NUL-terminated). */
static int knows(morph *m, const char *word) {
  struct voikko_mor_analysis **a = voikkoAnalyzeWordCstr(m->vk, word);
  int yes = a && a[0];
  if (a) voikko_free_mor_analysis(a);
  return yes;
}

/* 1 when s (n bytes) can start a compound: Voikko knows s + "työ" (vertais-, erityis-, pari-; not verta-, the
 * partitive of veri, nor most Swedish and English word starts). */
static int compound_start(morph *m, const char *s, size_t n) {
  char w[MAX_ANALYSED + 8];
  memcpy(w, s, n);
  memcpy(w + n, "työ", sizeof "työ");
  return knows(m, w);
}

/* Adds the modifier s (n bytes) of a compound as written: its base forms when Voikko knows it as a word, else itself.
 */
static void add_modifier(morph *m, const char *s, size_t n) {
  char w[MAX_ANALYSED + 1];
  if (n > MAX_ANALYSED) {
    add_marked(m, MORPH_MODIFIER, s, n);
    return;
  }
  memcpy(w, s, n);
  w[n] = 0;
  if (!add_known(m, MORPH_MODIFIER, w)) add_marked(m, MORPH_MODIFIER, s, n);
}

/* 1 when word (n bytes, lowercase) could be a Finnish compound: at least 8 letters, all of the Finnish alphabet less
 * b, c, f, q, w, x, z and å, ending in a vowel or n, s or t (as inflected Finnish words do). */
static int finnish_looking(const char *word, size_t n) {
  int letters = 0;
  unsigned cp = 0;
  for (size_t i = 0; i < n; letters++) {
    int len = utf8_decode(word + i, n - i, &cp);
    if (len <= 0) return 0;
    i += (size_t)len;
    if (!((cp >= 'a' && cp <= 'z' && !strchr("bcfqwxz", (int)cp)) || cp == 0xE4 || cp == 0xF6)) return 0;
  }
  int last_ok = cp == 0xE4 || cp == 0xF6 || strchr("aeiouynts", (int)cp) != NULL; /* ä, ö: vowels too */
  return letters >= 8 && last_ok;
}

/* A word Voikko does not know may be a compound with parts it does know (parimentorointi, chatbotpalvelu,
 * vertaismentorointi). Tried in turn, the first that fits is taken and its parts added as marked terms:
 * - the longest ending of at least 5 letters that Voikko knows is the head, when the start can start a compound or
 *   is at least 5 letters before a head of at least 6 (chatbot+palvelu);
 * - else the longest start of at least 4 letters that can start a compound is the modifier and the rest, at least 6
 *   letters, the head (stemmed, and as written).
 * The limits keep out most of what Swedish and English words would give (grunds+kola, kun+dservice). */
static void split_unknown(morph *m, const char *word, size_t n) {
  if (!finnish_looking(word, n)) return; /* each try is an analysis: not for names and Swedish or English words */
  size_t cut[MAX_ANALYSED + 1];
  int letters = 0;
  for (size_t i = 0; i < n; letters++) {
    cut[letters] = i;
    unsigned cp;
    int len = utf8_decode(word + i, n - i, &cp);
    i += len > 0 ? (size_t)len : 1;
  }
  cut[letters] = n;
  char head[MAX_ANALYSED + 1];
  for (int h = 3; h <= letters - 5; h++) {
    memcpy(head, word + cut[h], n - cut[h]);
    head[n - cut[h]] = 0;
    if (!knows(m, head)) continue;
    if (!compound_start(m, word, cut[h]) && (h < 5 || letters - h < 6)) continue;
    add_known(m, MORPH_HEAD, head);
    add_modifier(m, word, cut[h]);
    return;
  }
  for (int h = letters - 6; h >= 4; h--) {
    if (!compound_start(m, word, cut[h])) continue;
    add_modifier(m, word, cut[h]);
    add_stem(m, MORPH_HEAD, word + cut[h], n - cut[h]);
    add_marked(m, MORPH_HEAD, word + cut[h], n - cut[h]);
    return;
  }
}

/* Builds the terms of word into m->work, and what its lemmas are into m->r; returns the number of lemma terms. */
static int build(morph *m, const char *word, size_t n) {
  buf_reset(&m->work);
  m->nwork = 0;
  m->r = (readings){0};
  if (n > MAX_ANALYSED || has_digit(word, n)) {
    add_term(m, word, n);
    m->r.known = m->r.self = 1;
    return 1;
  }
  char *w = strndup(word, n);
  if (!w) abort();
  int nlemma = analyse(m, w);
  free(w);
  if (nlemma > 0) {
    m->r.known = 1;
    m->r.self = self_lemma(m, nlemma, word, n);
    return nlemma;
  }
  buf_reset(&m->work);
  m->nwork = 0;
  add_stem(m, 0, word, n);
  add_term(m, word, n);
  int own = m->nwork;
  split_unknown(m, word, n);
  return own;
}

static void fill_out(const slot *sl, morph_terms_t *out) {
  out->terms = sl->data + sl->wlen + 1;
  out->nterms = sl->nterms;
  out->nlemma = sl->nlemma;
  out->known = sl->r.known;
  out->self = sl->r.self;
  out->verbs = sl->r.verbs;
  out->closed = sl->r.closed;
  out->function = sl->r.function;
  out->numeral = sl->r.numeral;
}

int morph_clitic(morph *m, const char *word) {
  struct voikko_mor_analysis **a = voikkoAnalyzeWordCstr(m->vk, word);
  if (!a) return 0;
  int all = a[0] != NULL;
  for (int i = 0; a[i] && all; i++) {
    char *q = voikko_mor_analysis_value_cstr(a[i], "KYSYMYSLIITE"), *f = voikko_mor_analysis_value_cstr(a[i], "FOCUS");
    all = (q && !strcmp(q, "true")) || f;
    voikko_free_mor_analysis_value_cstr(q);
    voikko_free_mor_analysis_value_cstr(f);
  }
  voikko_free_mor_analysis(a);
  return all;
}

int morph_spell(morph *m, const char *word) {
  return voikkoSpellCstr(m->vk, word) == VOIKKO_SPELL_OK;
}

int morph_suggest(morph *m, const char *word, char **out, int max) {
  char **sg = voikkoSuggestCstr(m->vk, word);
  int n = 0;
  for (int i = 0; sg && sg[i] && n < max; i++) out[n++] = util_strdup(sg[i]);
  if (sg) voikkoFreeCstrArray(sg);
  return n;
}

/* The slot of key (n bytes) in the cache: the one holding it (*hit set), else the one to fill, the pair's less recently
 * used. */
static slot *cache_slot(morph *m, const char *key, size_t n, int *hit) {
  slot *pair = &m->cache[util_hash_n(key, n) & (CACHE_SLOTS - 2)], *sl = NULL;
  for (int i = 0; i < 2; i++)
    if (pair[i].data && pair[i].wlen == n && memcmp(pair[i].data, key, n) == 0) sl = &pair[i];
  *hit = sl != NULL;
  if (!sl) sl = pair[0].recent ? &pair[1] : &pair[0];
  pair[0].recent = sl == &pair[0], pair[1].recent = sl == &pair[1];
  return sl;
}

/* Keeps key's terms (nterms NUL-terminated strings back to back in terms, the first nlemma the lemmas) in sl. */
static void cache_put(slot *sl, const char *key, size_t n, const buf *terms, int nterms, int nlemma, readings r) {
  free(sl->data);
  sl->data = malloc(n + 1 + terms->len);
  if (!sl->data) abort();
  memcpy(sl->data, key, n);
  sl->data[n] = 0;
  if (terms->len) memcpy(sl->data + n + 1, terms->data, terms->len);
  sl->wlen = n;
  sl->nterms = nterms;
  sl->nlemma = nlemma;
  sl->r = r;
}

void morph_terms(morph *m, const char *word, size_t n, morph_terms_t *out) {
  int hit;
  slot *sl = cache_slot(m, word, n, &hit);
  if (!hit) {
    int nlemma = build(m, word, n);
    cache_put(sl, word, n, &m->work, m->nwork, nlemma, m->r);
  }
  fill_out(sl, out);
}

/* ---- Swedish words in Finnish ---- */

#define SV_TRANSLATIONS 2  /* Finnish translations of a Swedish word taken: of its first senses */
#define SV_MIN_MOD 3       /* letters of a Swedish compound's part before its head, at least (hem of hemvård) */
#define SV_MIN_HEAD 4      /* and of its head (not par + gas of Pargas) */
#define SV_KEY '\x02'      /* before a word in the cache: its Finnish terms (morph_swedish), not its own */
#define SV_KEY_NAME '\x03' /* the same of a name's */

/* The letters of s[0..n) (UTF-8). */
static size_t letters_of(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

int morph_name_at(const char *text, size_t n, size_t start) {
  unsigned cp;
  if (start >= n || utf8_decode(text + start, n - start, &cp) <= 0 || utf8_lower_cp(cp) == cp) return 0;
  size_t i = start;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t' || text[i - 1] == '"')) i--;
  return i > 0 && !strchr(".!?:", text[i - 1]);
}

/* 1 when fi is one Finnish word in its base form that Voikko knows, not a function word's (the dictionary's lines of
 * Swedish explanation, "och", are no translations; nor "kotiin", home as a direction, of hem): its terms into *t. */
static int finnish_base(morph *m, const char *fi, morph_terms_t *t) {
  if (strchr(fi, ' ')) return 0;
  morph_terms(m, fi, strlen(fi), t);
  return t->known && t->self && (t->function & morph_lemma_bits(t)) != morph_lemma_bits(t);
}

/* Swedish words that are no content of a text's (those of 4 bytes or more: shorter ones are not looked up). */
static const char *const sv_stopwords[] = {
    "för",   "från",   "inte",   "eller", "efter", "under", "över",   "också", "när",   "där",   "utan",
    "genom", "mellan", "samma",  "varje", "sedan", "blir",  "blev",   "fick",  "hade",  "varit", "bara",
    "alla",  "andra",  "mycket", "många", "flera", "denna", "detta",  "dessa", "deras", "vara",  "skall",
    "måste", "även",   "enligt", "inom",  "utom",  "vilka", "vilket", "sina",  "sitt",  "hela",  "något",
};

static int sv_stopword(const char *w, size_t n) {
  for (size_t i = 0; i < sizeof sv_stopwords / sizeof sv_stopwords[0]; i++)
    if (strlen(sv_stopwords[i]) == n && !memcmp(sv_stopwords[i], w, n)) return 1;
  return 0;
}

/* 1 when Swedish w (n bytes) ends as a verb's past tense or participle or an adjective's superlative does (flyttades,
 * ordnade, boende's kind of -ande and -ende, farligaste): its stem would be taken for a noun (flytt, a move; far +
 * liga), so only the word itself is looked up. */
static int sv_verbal(const char *w, size_t n) {
  static const char *const endings[] = {"ades", "ade", "ande", "ende", "aste"};
  for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
    size_t e = strlen(endings[i]);
    if (n > e + 2 && !memcmp(w + n - e, endings[i], e)) return 1;
  }
  return 0;
}

/* Appends to out (count in *n) the terms of Finnish word fi (finnish_base), each marked MORPH_TRANSLATED and then with
 * mark (0: as they are). Returns 1 when it added them. */
static int add_finnish(morph *m, const char *fi, char mark, buf *out, int *n) {
  morph_terms_t t;
  if (!finnish_base(m, fi, &t)) return 0;
  const char *p = t.terms;
  for (int i = 0; i < (mark ? t.nlemma : t.nterms); i++, p += strlen(p) + 1) {
    char term[MORPH_MAX_WORD + 3];
    snprintf(term, sizeof term, "%c%s%s", MORPH_TRANSLATED, mark ? (char[]){mark, 0} : "", p);
    const char *q = out->data;
    int dup = 0;
    for (int k = 0; k < *n && !dup; k++, q += strlen(q) + 1) dup = !strcmp(q, term);
    if (!dup) buf_append(out, term, strlen(term) + 1), (*n)++;
  }
  return 1;
}

/* The Finnish noun that Swedish base form w is as a loan word (bidict_sv_loans: asbest, asbesti), a base form Voikko
 * knows (finnish_base), or NULL. */
static const char *sv_loan(morph *m, arena *a, const char *w) {
  const char *l[BIDICT_SV_LOANS];
  int k = bidict_sv_loans(w, a, l);
  for (int j = 0; j < k; j++) {
    morph_terms_t t;
    if (is_lemma(m, l[j], "nimisana") && finnish_base(m, l[j], &t)) return l[j];
  }
  return NULL;
}

/* The first translation of Swedish s[0..n) as a noun (with forms set, of the first of its forms that has one: olyckor,
 * olycka) that is one Finnish base form Voikko knows (finnish_base), or NULL (in a). */
static const char *sv_finnish(morph *m, const bidict *d, arena *a, const char *s, size_t n, int forms) {
  const char *f[BIDICT_SV_FORMS], *tr[8], *w = arena_strndup(a, s, n);
  int nf = forms ? bidict_sv_forms(m->sv, w, a, f) : (f[0] = w, 1);
  for (int i = 0; i < nf; i++) {
    int k = bidict_translate_nouns(d, f[i], a, tr, 8);
    for (int j = 0; j < k; j++) {
      morph_terms_t t;
      if (finnish_base(m, tr[j], &t)) return tr[j];
    }
  }
  for (int i = 0; i < nf; i++) { /* a loan word the dictionary lacks (asbest of asbestsanering) */
    const char *l = sv_loan(m, a, f[i]);
    if (l) return l;
  }
  return NULL;
}

/* The Finnish terms of Swedish word w (n bytes) into out (count in *count), each marked MORPH_TRANSLATED, from the
 * Swedish–Finnish dictionary's noun entries (search/bidict.h): of its first translations, each as a Finnish word of
 * the text would have them (hörsel: kuulo; boende: asukas, asunto); else of a compound of two nouns that the
 * dictionary has, the longest head first, with a linking s taken off or an e or a put back (fästingvaccin: punkki +
 * rokote; minnesvård: minne + vård; skolmat: skola + mat), as the Finnish compound of their translations
 * (punkkirokote, "<punkki", ">rokote"). A name (name set) is not split, nor a verb's past tense or the like
 * (sv_verbal), which is looked up only as written. */
static void build_swedish(morph *m, const char *w, size_t n, int name, buf *out, int *count) {
  const bidict *d = bidict_get(BIDICT_SV);
  if (!d || !m->sv || n < 4 || n > MAX_ANALYSED || has_digit(w, n) || sv_stopword(w, n)) return;
  arena a = {0};
  const char *f[BIDICT_SV_FORMS], *tr[8];
  const char *word = arena_strndup(&a, w, n);
  int verbal = sv_verbal(w, n), found = 0;
  int nf = verbal ? (f[0] = word, 1) : bidict_sv_forms(m->sv, word, &a, f);
  for (int i = 0; i < nf && !found; i++) {
    int k = bidict_translate_nouns(d, f[i], &a, tr, 8);
    for (int j = 0; j < k && found < SV_TRANSLATIONS; j++) found += add_finnish(m, tr[j], 0, out, count);
  }
  for (int i = 0; i < nf && !found; i++) { /* a loan word the dictionary lacks: asbest, asbesti */
    const char *l = sv_loan(m, &a, f[i]);
    if (l) found = add_finnish(m, l, 0, out, count);
  }
  size_t letters = letters_of(w, n);
  for (size_t j = 1, before = 1; !found && !name && !verbal && j < n; j++) {
    if (((unsigned char)w[j] & 0xC0) == 0x80) continue; /* not inside a letter */
    if (before++ < SV_MIN_MOD) continue;
    if (letters - (before - 1) < SV_MIN_HEAD) break;
    const char *head = sv_finnish(m, d, &a, w + j, n - j, 1), *mod = NULL;
    if (!head) continue;
    const char *mf[BIDICT_SV_MOD_FORMS];
    int nm = bidict_sv_mod_forms(w, j, &a, mf);
    for (int v = 0; v < nm && !mod; v++) mod = sv_finnish(m, d, &a, mf[v], strlen(mf[v]), 0);
    if (!mod) continue;
    char *fi = arena_alloc(&a, strlen(mod) + strlen(head) + 1);
    strcpy(fi, mod), strcat(fi, head);
    if (!add_finnish(m, fi, 0, out, count)) /* a compound Voikko does not know: its parts, marked */
      add_finnish(m, mod, MORPH_MODIFIER, out, count), add_finnish(m, head, MORPH_HEAD, out, count);
    found = 1;
  }
  arena_free(&a);
}

void morph_swedish(morph *m, const char *word, size_t n, int name, morph_terms_t *out) {
  char key[MORPH_MAX_WORD + 2];
  if (n > MORPH_MAX_WORD) n = MORPH_MAX_WORD;
  key[0] = name ? SV_KEY_NAME : SV_KEY;
  memcpy(key + 1, word, n);
  int hit;
  slot *sl = cache_slot(m, key, n + 1, &hit);
  if (!hit) {
    buf terms = BUF_INIT;
    int count = 0;
    build_swedish(m, word, n, name, &terms, &count); /* analyses in the cache: it may move the slot's pair */
    sl = cache_slot(m, key, n + 1, &hit);
    cache_put(sl, key, n + 1, &terms, count, 0, (readings){0});
    buf_free(&terms);
  }
  fill_out(sl, out);
}

int morph_next_word(const char *text, size_t n, size_t *pos, size_t *start, size_t *end, buf *low) {
  if (!utf8_next_word(text, n, pos, start, end)) return 0;
  buf_reset(low);
  utf8_lower(low, text + *start, *end - *start);
  if (low->len > MORPH_MAX_WORD) { /* cut at a character boundary */
    size_t len = MORPH_MAX_WORD;
    while (len > 0 && ((unsigned char)low->data[len] & 0xC0) == 0x80) len--;
    low->len = len;
    low->data[len] = 0;
  }
  return 1;
}

/* ---- Readings by context ---- */

#define CTX_RUNNING_TEXT 6 /* words: a shorter text (a title, a name) is often a noun phrase, with no verb */

struct morph_ctx {
  strmap supported; /* the lemmas the text's words support (keys only) */
  int words;        /* of the text */
  int unknown;      /* of them, words Voikko does not know */
};

morph_ctx *morph_ctx_new(void) {
  morph_ctx *c = calloc(1, sizeof *c);
  if (!c) abort();
  return c;
}

void morph_ctx_reset(morph_ctx *c) {
  c->words = c->unknown = 0;
  if (!c->supported.n) return;
  strmap_free(&c->supported);
  c->supported = (strmap){0};
}

void morph_ctx_free(morph_ctx *c) {
  if (!c) return;
  strmap_free(&c->supported);
  free(c);
}

static void ctx_put(morph_ctx *c, const char *term) {
  size_t at;
  if (!strmap_find(&c->supported, term, &at)) strmap_add(&c->supported, term, NULL, 0);
}

static void ctx_add(morph_ctx *c, const morph_terms_t *mt) {
  if (!mt->known) return;
  const char *p = mt->terms;
  for (int i = 0; i < mt->nterms; i++, p += strlen(p) + 1) {
    if (i < mt->nlemma) {
      if (mt->nlemma == 1 && !mt->numeral) ctx_put(c, p); /* "kuusi" says nothing of spruces */
    } else if (p[0] == MORPH_HEAD) {
      ctx_put(c, p + 1); /* a compound's head: tulipalo supports palo */
    } else if (p[0] == MORPH_MODIFIER && p[1] != MORPH_ROOT) {
      ctx_put(c, p); /* a part before the head, marked: tulipalo supports tuli, kuusivuotias no spruce */
    }
  }
}

void morph_ctx_text(morph_ctx *c, morph *m, const char *text, size_t n) {
  morph_ctx_reset(c);
  size_t pos = 0, start, end;
  buf low = BUF_INIT;
  while (morph_next_word(text, n, &pos, &start, &end, &low)) {
    morph_terms_t mt;
    morph_terms(m, low.data, low.len, &mt);
    ctx_add(c, &mt);
    c->words++;
    c->unknown += !mt.known;
  }
  buf_free(&low);
}

/* 1 when the text supports lemma t: another word of it has t as its only lemma or as its compound head, or with
 * as_part set, as a part before the head ("<t"). */
static int supported(const morph_ctx *c, const char *t, int as_part) {
  size_t at;
  if (strmap_find(&c->supported, t, &at)) return 1;
  if (!as_part) return 0;
  char marked[MORPH_MAX_WORD + 2];
  size_t n = strlen(t);
  if (n > MORPH_MAX_WORD) return 0;
  marked[0] = MORPH_MODIFIER;
  memcpy(marked + 1, t, n + 1);
  return strmap_find(&c->supported, marked, &at);
}

int morph_ctx_keeps(const morph_ctx *c, const morph_terms_t *mt, int i) {
  if (!mt->known) return 1;
  /* a numeral whose base form is also a noun is read as the numeral in running text, unless the text's other words
   * support the noun: "kuusi kuukautta" is six months and "kuudesta" of six, not a spruce (so the noun's lemma is not
   * indexed for them) */
  if (i < 32 && (mt->numeral >> i) & 1 && c->words >= CTX_RUNNING_TEXT) {
    if (!supported(c, nth_term(mt->terms, i), 0)) return 0; /* kuusivuotias (six years old): no spruce */
  }
  if (mt->nlemma < 2) return 1;
  /* a word that is itself a conjunction, adposition or adverb is read as that, not as a noun's rare form, whatever the
   * text's other words ("kuin" than, not moons; "kautta" via, not a season; "jälkeen" after, not into a trace even in
   * a text on carbon footprints, hiilijalanjälki) */
  if (mt->self && mt->self <= 32 && (mt->closed >> (mt->self - 1)) & 1) return i + 1 == mt->self;
  const char *p = mt->terms;
  int any = 0, mine = 0;
  for (int j = 0; j < mt->nlemma; j++, p += strlen(p) + 1) {
    int in = supported(c, p, 1);
    any |= in;
    if (j == i) mine = in;
  }
  if (any) return mine;
  /* none is supported: in running text a noun's base form that is also a form of a verb is read as the verb, which
   * running text uses far more often ("tuli" came, "jää" stays) */
  if (c->words < CTX_RUNNING_TEXT) return 1;
  unsigned self = mt->self && mt->self <= 32 ? 1u << (mt->self - 1) : 0;
  if (self && !(mt->verbs & self) && (mt->verbs & morph_lemma_bits(mt) & ~self)) return (mt->verbs >> i) & 1;
  return 1;
}

int morph_ctx_foreign(const morph_ctx *c) {
  return 2 * c->unknown > c->words;
}
