/* search: deed search: FTS5 for the words, a per-connection facet index for filters and counts, bounded ranking
 * (kehto_rank). */
#include "search/search.h"

#include "db/db_sqlite.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "search/expand.h"
#include "search/index.h"
#include "search/fts.h"
#include "search/pgsearch.h"
#include "search/rank.h"

#define MAX_THEMES 50
#define SUMMARY_CHARS 240 /* length of the snippet taken from the summary when there are no words to match */

/* A search under way: the filter, the MATCH expression built from q (NULL when q has no words), the page. */
typedef struct query {
  const deed_filter *f;
  const char *lang;
  int li;        /* label index: 0 fi, 1 sv, 2 en */
  exp_plan plan; /* what the words mean (search/expand.h) */
  char *match;   /* the OR of every term of the plan, for snippets; NULL without words */
  int nmatched;  /* deeds the words match, before the filters (find_page) */
  int limit, offset;
  arena *mem; /* where the result goes */
} query;

static int set(const char *s) {
  return s && *s;
}

static void query_init(query *qy, const deed_filter *f) {
  memset(qy, 0, sizeof *qy);
  qy->f = f;
  qy->lang = set(f->lang) && (!strcmp(f->lang, "sv") || !strcmp(f->lang, "en")) ? f->lang : "fi";
  qy->li = !strcmp(qy->lang, "sv") ? 1 : !strcmp(qy->lang, "en") ? 2 : 0;
  qy->limit = f->limit <= 0 ? SEARCH_DEFAULT_LIMIT : f->limit > SEARCH_MAX_LIMIT ? SEARCH_MAX_LIMIT : f->limit;
  qy->offset = f->offset > 0 ? f->offset : 0;
}

/* ---- Filters and counts: one pass over candidate ids using the facet index ---- */

/* Each filter resolved against the index: 0 any, 1 + the value's index, or -1 when no deed can have it. */
typedef struct want {
  int sector, region, year, theme;
  int awarded; /* 1: awarded deeds only */
} want;

static int want_value(const sidx_value *v, int n, const char *key, int nocase) {
  if (!set(key)) return 0;
  for (int i = 0; i < n; i++)
    if (nocase ? sqlite3_stricmp(v[i].key, key) == 0 : strcmp(v[i].key, key) == 0) return i + 1;
  return -1;
}

static want want_init(const search_index *ix, const deed_filter *f) {
  want w = {want_value(ix->sectors, ix->nsectors, f->sector, 0), want_value(ix->regions, ix->nregions, f->region, 0), 0,
            want_value(ix->themes, ix->nthemes, f->theme, 1), f->awarded ? 1 : 0}; /* theme.name is NOCASE */
  if (f->year)
    w.year =
        f->year >= SEARCH_YEAR_MIN && f->year < SEARCH_YEAR_MIN + SEARCH_NYEARS ? f->year - SEARCH_YEAR_MIN + 1 : -1;
  return w;
}

/* The result of the pass: the total, the counts of each facet value (each with the other filters applied) and the
 * candidates (ids passing every filter, in the order given, at most keep of them). */
typedef struct tally {
  long long total, keep, nawarded;
  long long *nsector, *nregion, *ntheme, nyear[SEARCH_NYEARS];
  int *cand, ncand, capcand;
} tally;

static void tally_init(tally *t, const search_index *ix, long long keep) {
  memset(t, 0, sizeof *t);
  t->keep = keep;
  t->nsector = util_calloc((size_t)ix->nsectors, sizeof *t->nsector);
  t->nregion = util_calloc((size_t)ix->nregions, sizeof *t->nregion);
  t->ntheme = util_calloc((size_t)ix->nthemes, sizeof *t->ntheme);
}

static void tally_free(tally *t) {
  free(t->nsector), free(t->nregion), free(t->ntheme), free(t->cand);
}

static int has_theme(const search_index *ix, int id, int theme) {
  for (uint32_t k = ix->toff[id]; k < ix->toff[id + 1]; k++)
    if (ix->theme[k] + 1 == theme) return 1;
  return 0;
}

static void add_cand(tally *t, int id) {
  if (t->ncand >= t->keep) return;
  if (t->ncand == t->capcand) {
    t->capcand = t->capcand ? t->capcand * 2 : 256;
    t->cand = realloc(t->cand, sizeof *t->cand * (size_t)t->capcand);
    if (!t->cand) abort();
  }
  t->cand[t->ncand++] = id;
}

/* The pass without filters: every published id counts everywhere. */
static void tally_all(tally *t, const search_index *ix, const int *ids, int n) {
  for (int i = 0; i < n; i++) {
    int id = ids[i];
    if (id < 1 || id > ix->max_id || !ix->sector[id]) continue;
    t->nsector[ix->sector[id] - 1]++;
    if (ix->region[id]) t->nregion[ix->region[id] - 1]++;
    t->nyear[ix->year[id]]++;
    for (uint32_t k = ix->toff[id]; k < ix->toff[id + 1]; k++) t->ntheme[ix->theme[k]]++;
    t->nawarded += ix->awarded[id];
    t->total++;
    if (t->ncand < t->keep) t->cand[t->ncand++] = id;
  }
}

/* The one pass: ids not in the index (not published) are skipped. */
static void tally_ids(tally *t, const search_index *ix, const want *w, const int *ids, int n) {
  if (!w->sector && !w->region && !w->year && !w->theme && !w->awarded) {
    long long room = t->keep < n ? t->keep : n;
    if (room > t->capcand) {
      t->cand = realloc(t->cand, sizeof *t->cand * (size_t)room);
      if (!t->cand) abort();
      t->capcand = (int)room;
    }
    tally_all(t, ix, ids, n);
    return;
  }
  for (int i = 0; i < n; i++) {
    int id = ids[i];
    if (id < 1 || id > ix->max_id || !ix->sector[id]) continue;
    int s = !w->sector || ix->sector[id] == w->sector, r = !w->region || ix->region[id] == w->region;
    int y = !w->year || ix->year[id] + 1 == w->year, th = !w->theme || has_theme(ix, id, w->theme);
    int aw = !w->awarded || ix->awarded[id];
    if (r && y && th && aw) t->nsector[ix->sector[id] - 1]++;
    if (s && y && th && aw && ix->region[id]) t->nregion[ix->region[id] - 1]++;
    if (s && r && th && aw) t->nyear[ix->year[id]]++;
    if (s && r && y && aw)
      for (uint32_t k = ix->toff[id]; k < ix->toff[id + 1]; k++) t->ntheme[ix->theme[k]]++;
    if (s && r && y && th) t->nawarded += ix->awarded[id];
    if (s && r && y && th && aw) t->total++, add_cand(t, id);
  }
}

/* ---- Facet lists from the counts, in the documented orders ---- */

typedef struct fsort {
  const char *key, *label;
  long long count;
} fsort;

static int by_label(const void *a, const void *b) {
  return strcmp(((const fsort *)a)->label, ((const fsort *)b)->label);
}

static int by_count_then_name(const void *a, const void *b) {
  const fsort *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return sqlite3_stricmp(x->key, y->key);
}

static facet_count *facet_list(arena *a, fsort *v, int n, int max, int *nout) {
  facet_count *out = arena_alloc(a, (size_t)(n ? n : 1) * sizeof *out);
  *nout = n < max ? n : max;
  for (int i = 0; i < *nout; i++)
    out[i] = (facet_count){arena_strdup(a, v[i].key), arena_strdup(a, v[i].label), v[i].count};
  return out;
}

/* Values with a count > 0, labelled in language li, sorted by cmp (NULL keeps the index order). */
static facet_count *facet_from(arena *a, const sidx_value *v, const long long *counts, int n, int li,
                               int (*cmp)(const void *, const void *), int max, int *nout) {
  fsort *s = util_calloc((size_t)n, sizeof *s);
  int k = 0;
  for (int i = 0; i < n; i++)
    if (counts[i] > 0) s[k++] = (fsort){v[i].key, v[i].label[li], counts[i]};
  if (cmp) qsort(s, (size_t)k, sizeof *s, cmp);
  facet_count *out = facet_list(a, s, k, max, nout);
  free(s);
  return out;
}

static void facets_fill(deed_result *r, const tally *t, const search_index *ix, const query *qy) {
  r->sectors = facet_from(qy->mem, ix->sectors, t->nsector, ix->nsectors, qy->li, NULL, ix->nsectors, &r->nsectors);
  r->regions =
      facet_from(qy->mem, ix->regions, t->nregion, ix->nregions, qy->li == 1, by_label, ix->nregions, &r->nregions);
  r->themes =
      facet_from(qy->mem, ix->themes, t->ntheme, ix->nthemes, qy->li, by_count_then_name, MAX_THEMES, &r->nthemes);
  r->years = arena_alloc(qy->mem, SEARCH_NYEARS * sizeof *r->years);
  r->nyears = 0; /* filled again by a second search (search_snapshot's broader one) */
  for (int y = SEARCH_NYEARS - 1; y >= 0; y--) {
    if (!t->nyear[y]) continue;
    char k[16];
    snprintf(k, sizeof k, "%d", y + SEARCH_YEAR_MIN);
    char *key = arena_strdup(qy->mem, k);
    r->years[r->nyears++] = (facet_count){key, key, t->nyear[y]};
  }
  r->total = t->total;
  r->nawarded = t->nawarded;
}

/* ---- Ranking with words: BM25 over the plan's concepts ---- */

/* A deed scoring less than this share of the best deed's score is not counted as found: it matched only a common
 * word or a far expansion (tuned on the judged set in tests/search/). */
#define SCORE_CUTOFF 0.25f
/* Of a query of several words, a deed whose words weigh less than this share of the query's is not found either: it
 * has only the words that say least (vähentäminen and koulu of "ruokahävikin vähentäminen kouluissa", without the
 * food waste). A word weighs what its best deed scores on it. */
#define COVER_CUTOFF 0.3f

/* Dense arrays over deed ids for one search, each with the list of ids it has touched (so clearing costs only those).
 */
typedef struct scores {
  int max_id;
  float *total, *best, *acc, *slot;
  unsigned char *cnt;
  unsigned *words; /* bit c: the deed has concept c (c < 32), kept for a plan of two concepts or more (nwords) */
  int nwords;
  float word[EXP_MAX_CONCEPTS], words_total; /* what each concept weighs (its best deed's score on it), and all */
  float idf_cap;          /* an expansion's terms weigh at most as the concept's own word does (0: no cap) */
  int *touched, ntouched; /* total > 0 */
  int *ctouch, nctouch;   /* best > 0: this concept */
  int *atouch, natouch;   /* cnt > 0: this alternative */
  int *stouch, nstouch;   /* slot > 0: this slot */
} scores;

/* The arrays come from the connection's scratch memory (kept between searches, so a search costs no page faults):
 * zero where it matters, and left so by scores_done. */
static void scores_init(scores *s, db *d, int max_id) {
  size_t n = (size_t)max_id + 1;
  memset(s, 0, sizeof *s);
  s->max_id = max_id;
  char *p = search_scratch(d, n * (9 * sizeof(float) + 1));
  float *f = (float *)p;
  s->total = f, s->best = f + n, s->acc = f + 2 * n, s->slot = f + 3 * n;
  int *ids = (int *)(f + 4 * n);
  s->touched = ids, s->ctouch = ids + n, s->atouch = ids + 2 * n, s->stouch = ids + 3 * n;
  s->words = (unsigned *)(ids + 4 * n);
  s->cnt = (unsigned char *)(s->words + n);
}

static void scores_done(scores *s) {
  for (int i = 0; i < s->ntouched; i++) s->total[s->touched[i]] = 0;
  for (int i = 0; s->nwords >= 2 && i < s->ntouched; i++) s->words[s->touched[i]] = 0;
}

/* BM25's IDF of a term in n deeds, at most cap (when cap > 0). */
static float term_idf(const search_index *ix, int n, float cap) {
  float idf = logf(1.0f + ((float)ix->ndocs - (float)n + 0.5f) / ((float)n + 0.5f));
  return cap > 0 && idf > cap ? cap : idf;
}

/* The highest IDF of the terms of a concept's exact alternatives that the index has (0 when it has none): a synonym
 * or a correction rarer than the word itself would otherwise outrank the word's own deeds. */
static float exact_idf(db *d, const search_index *ix, const exp_concept *c, int *err) {
  float cap = 0;
  for (int a = 0; a < c->nalt; a++) {
    if (c->alt[a].kind != EXP_EXACT) continue;
    for (int k = 0; k < c->alt[a].nslot; k++)
      for (int t = 0; t < c->alt[a].slot[k].n; t++) {
        const search_postings *p = search_postings_get(d, c->alt[a].slot[k].term[t]);
        if (!p) {
          *err = 1;
          return 0;
        }
        float idf = p->n ? term_idf(ix, p->n, 0) : 0;
        if (idf > cap) cap = idf;
      }
  }
  return cap;
}

/* A deed's score v on one alternative, kept in s->best when it is the concept's best so far. */
static inline void best_of(scores *s, int id, float v) {
  if (!(v > 0)) v = 1e-30f; /* 0 marks "not touched" */
  if (s->best[id] == 0) s->ctouch[s->nctouch++] = id;
  if (v > s->best[id]) s->best[id] = v;
}

/* A Swedish deed's Finnish term (search/morph.h: morph_swedish) weighs this share of the word's own: a translation,
 * and a Swedish deed is less of an answer to a Finnish query (tuned on the judged set in tests/search/). */
#define W_TRANSLATED 0.65f

/* The terms of a slot with their postings, in turn: each of its own terms, then that term in the Swedish deeds
 * (MORPH_TRANSLATED), which takes the IDF of the term itself, so that a Swedish deed neither outranks a Finnish one by
 * a rarer term nor changes what the Finnish word weighs (of its own postings when the term has none). */
typedef struct slot_iter {
  const exp_slot *sl;
  int t, translated;          /* the term, and whether its Swedish deeds' postings come next */
  const search_postings *own; /* the term's own postings (read once for both) */
  const search_postings *p;   /* what slot_next gave: postings (none empty), */
  float idf, w;               /* their IDF and the weight of their matches */
} slot_iter;

/* Moves it to the slot's next postings that are not empty: 1, or 0 after the last, -1 when the database fails. */
static int slot_next(db *d, const search_index *ix, const scores *s, slot_iter *it) {
  const exp_slot *sl = it->sl;
  for (; it->t < sl->n; it->translated = !it->translated, it->t += !it->translated) { /* own, Swedish, next */
    const search_postings *p;
    if (!it->translated) {
      if (!(p = it->own = search_postings_get(d, sl->term[it->t]))) return -1;
    } else {
      if (!sl->tr[it->t]) continue;
      if (!(p = search_postings_get(d, sl->tr[it->t]))) return -1;
    }
    if (!p->n) continue;
    it->p = p, it->w = it->translated ? W_TRANSLATED : 1;
    it->idf = term_idf(ix, it->own->n ? it->own->n : p->n, s->idf_cap);
    it->t += it->translated, it->translated = !it->translated;
    return 1;
  }
  return 0;
}

/* One slot: each deed's best BM25 over the slot's terms, into s->slot. Of an alternative x of this one slot (the
 * most common kind), straight into s->best as its score instead: weight times the best term, the same figure as
 * through the slot and the mean of one, without those two passes over the deeds. */
static int score_slot(db *d, const search_index *ix, const exp_slot *sl, const exp_alt *x, scores *s) {
  slot_iter it = {.sl = sl};
  int rc;
  while ((rc = slot_next(d, ix, s, &it)) > 0) {
    const search_postings *p = it.p;
    for (int k = 0; k < p->n; k++) {
      int id = p->ids[k];
      if (id < 1 || id > s->max_id || !ix->sector[id]) continue;
      float v = it.w * it.idf * p->tf[k]; /* tf is BM25's term part already (search_postings_get) */
      if (!(v > 0)) continue;             /* 0 marks "not touched" below */
      if (x) {
        best_of(s, id, x->weight * v);
        continue;
      }
      if (s->slot[id] == 0) s->stouch[s->nstouch++] = id;
      if (v > s->slot[id]) s->slot[id] = v;
    }
  }
  return rc < 0 ? K_ERR : K_OK;
}

/* Where id is in the ascending list ids[0..n), or -1. */
static int find_posting(const int *ids, int n, int id) {
  int lo = 0, hi = n - 1;
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2;
    if (ids[mid] == id) return mid;
    if (ids[mid] < id)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return -1;
}

/* Slot k (k > 0) for the deeds that have slots 0..k-1 only, each looked up in the slot's postings: cheaper than a
 * walk over a common word's postings when those deeds are few. */
static int probe_slot(db *d, const search_index *ix, const exp_slot *sl, int k, scores *s) {
  slot_iter it = {.sl = sl};
  int rc;
  while ((rc = slot_next(d, ix, s, &it)) > 0)
    for (int i = 0; i < s->natouch; i++) {
      int id = s->atouch[i], at;
      if (s->cnt[id] != k || (at = find_posting(it.p->ids, it.p->n, id)) < 0) continue;
      float v = it.w * it.idf * it.p->tf[at];
      if (v > s->slot[id]) s->slot[id] = v;
    }
  if (rc < 0) return K_ERR;
  for (int i = 0; i < s->natouch; i++) {
    int id = s->atouch[i];
    if (s->cnt[id] == k && s->slot[id] > 0) s->acc[id] += s->slot[id], s->cnt[id]++;
    s->slot[id] = 0;
  }
  return K_OK;
}

/* The postings of a slot's terms and of their Swedish deeds' terms, counted (NULL postings: -1). */
static long slot_size(db *d, const exp_slot *sl) {
  long n = 0;
  for (int t = 0; t < 2 * sl->n; t++) {
    const char *term = t < sl->n ? sl->term[t] : sl->tr[t - sl->n];
    if (!term) continue;
    const search_postings *p = search_postings_get(d, term);
    if (!p) return -1;
    n += p->n;
  }
  return n;
}

/* One alternative: weight times the mean of its slots, for deeds that have every slot; the concept keeps the best.
 * The slot with the fewest postings goes first: only its deeds can have them all, and a later slot much larger than
 * their number is looked up deed by deed rather than walked. */
static int score_alt(db *d, const search_index *ix, const exp_alt *x, scores *s) {
  if (x->nslot == 1) return score_slot(d, ix, &x->slot[0], x, s);
  int order[EXP_MAX_SLOTS];
  long size[EXP_MAX_SLOTS];
  for (int k = 0; k < x->nslot; k++) {
    if ((size[k] = slot_size(d, &x->slot[k])) < 0) return K_ERR;
    int j = k;
    for (; j > 0 && size[order[j - 1]] > size[k]; j--) order[j] = order[j - 1];
    order[j] = k;
  }
  for (int k = 0; k < x->nslot; k++) {
    const exp_slot *sl = &x->slot[order[k]];
    if (k > 0 && (long)s->natouch * 8 < size[order[k]]) {
      if (probe_slot(d, ix, sl, k, s) != K_OK) return K_ERR;
      continue;
    }
    s->nstouch = 0;
    if (score_slot(d, ix, sl, NULL, s) != K_OK) return K_ERR;
    for (int i = 0; i < s->nstouch; i++) {
      int id = s->stouch[i];
      if (k == 0) s->atouch[s->natouch++] = id; /* only deeds with the first slot can have them all */
      if (s->cnt[id] == k) s->acc[id] += s->slot[id], s->cnt[id]++;
      s->slot[id] = 0;
    }
  }
  for (int i = 0; i < s->natouch; i++) {
    int id = s->atouch[i];
    if (s->cnt[id] == x->nslot) {
      best_of(s, id, x->weight * s->acc[id] / (float)x->nslot);
    }
    s->acc[id] = 0, s->cnt[id] = 0;
  }
  s->natouch = 0;
  return K_OK;
}

/* Every concept's best alternative, summed per deed into s->total. */
static int score_plan(db *d, const search_index *ix, const exp_plan *p, scores *s) {
  s->nwords = p->n;
  for (int c = 0; c < p->n; c++) {
    s->nctouch = 0;
    int err = 0;
    float cap = exact_idf(d, ix, &p->c[c], &err);
    if (err) return K_ERR;
    for (int a = 0; a < p->c[c].nalt; a++) {
      s->idf_cap = p->c[c].alt[a].kind == EXP_EXACT ? 0 : cap;
      if (score_alt(d, ix, &p->c[c].alt[a], s) != K_OK) return K_ERR;
    }
    float most = 0;
    for (int i = 0; i < s->nctouch; i++) {
      int id = s->ctouch[i];
      if (s->total[id] == 0) s->touched[s->ntouched++] = id;
      s->total[id] += s->best[id];
      if (s->nwords >= 2) s->words[id] |= 1u << c;
      if (s->best[id] > most) most = s->best[id];
      s->best[id] = 0;
    }
    s->word[c] = most;
    s->words_total += most;
  }
  return K_OK;
}

static int by_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

#define COVER_TABLE 8 /* concepts up to which each set of them is judged once, in a table */

/* 1 when the concepts of mask weigh at least COVER_CUTOFF of the query's n concepts. */
static int covers(const scores *s, int n, unsigned mask) {
  float w = 0;
  for (int c = 0; c < n; c++)
    if (mask >> c & 1) w += s->word[c];
  return w >= COVER_CUTOFF * s->words_total;
}

/* 1 when deed id scores at least least (SCORE_CUTOFF of the best) and covers enough of the query (ok: covers() of
 * each set of up to COVER_TABLE concepts, or NULL). */
static inline int found(const scores *s, const exp_plan *p, const unsigned char *ok, float least, int id) {
  if (s->total[id] < least) return 0;
  return p->n < 2 || (ok ? ok[s->words[id]] : covers(s, p->n, s->words[id]));
}

/* The deeds found: those scoring at least SCORE_CUTOFF of the best and covering enough of the query, ascending
 * (malloc'd into *out). */
static int found_ids(const scores *s, const exp_plan *p, int **out) {
  float max = 0;
  for (int i = 0; i < s->ntouched; i++)
    if (s->total[s->touched[i]] > max) max = s->total[s->touched[i]];
  unsigned char table[1 << COVER_TABLE], *ok = p->n >= 2 && p->n <= COVER_TABLE ? table : NULL;
  for (unsigned m = 0; ok && m < 1u << p->n; m++) ok[m] = (unsigned char)covers(s, p->n, m);
  float least = SCORE_CUTOFF * max;
  int *ids = util_calloc((size_t)s->ntouched + 1, sizeof *ids), n = 0;
  if (s->ntouched > s->max_id / 16) { /* many: a walk over the ids is cheaper than sorting */
    for (int id = 1; id <= s->max_id; id++)
      if (s->total[id] > 0 && found(s, p, ok, least, id)) ids[n++] = id;
  } else {
    for (int i = 0; i < s->ntouched; i++)
      if (found(s, p, ok, least, s->touched[i])) ids[n++] = s->touched[i];
    qsort(ids, (size_t)n, sizeof *ids, by_int);
  }
  *out = ids;
  return n;
}

/* 1 when deed a ranks before deed b: the higher score, then the lower id. */
static int before(const scores *s, int a, int b) {
  return s->total[a] != s->total[b] ? s->total[a] > s->total[b] : a < b;
}

/* The best k of cand[0..n) in rank order into top (a heap of the k best, worst on top, then sorted). Returns how many.
 */
static int top_k(const scores *s, const int *cand, int n, int k, int *top) {
  int m = 0;
  for (int i = 0; i < n; i++) {
    int id = cand[i], j;
    if (m < k) {
      for (j = m++; j > 0 && before(s, top[(j - 1) / 2], id); j = (j - 1) / 2) top[j] = top[(j - 1) / 2];
      top[j] = id;
    } else if (k > 0 && before(s, id, top[0])) {
      for (j = 0;;) { /* sift the new one down from the root */
        int c = 2 * j + 1;
        if (c >= m) break;
        if (c + 1 < m && before(s, top[c], top[c + 1])) c++;
        if (!before(s, id, top[c])) break;
        top[j] = top[c], j = c;
      }
      top[j] = id;
    }
  }
  for (int end = m - 1; end > 0; end--) { /* heap sort: the worst goes last */
    int worst = top[0], j = 0;
    top[0] = top[end];
    for (;;) {
      int c = 2 * j + 1;
      if (c >= end) break;
      if (c + 1 < end && before(s, top[c], top[c + 1])) c++;
      if (!before(s, top[j], top[c])) break;
      int tmp = top[j];
      top[j] = top[c], top[c] = tmp, j = c;
    }
    top[end] = worst;
  }
  return m;
}

void search_snippet_html(buf *out, const char *s, int marks) {
  int open = 0;
  while (s && *s) {
    size_t run = 0; /* ordinary bytes, escaped in one go */
    while ((unsigned char)s[run] >= 0x20) run++;
    if (run) {
      char *t = strndup(s, run);
      if (!t) abort();
      buf_html(out, t);
      free(t);
      s += run;
      continue;
    }
    if (*s == '\x02' && marks && !open) {
      buf_puts(out, "<mark>");
      open = 1;
    } else if (*s == '\x03' && marks && open) {
      buf_puts(out, "</mark>");
      open = 0;
    } else if (*s == '\n' || *s == '\t' || *s == '\r') {
      buf_putc(out, ' ');
    }
    s++;
  }
  if (open) buf_puts(out, "</mark>");
}

/* The summary as a snippet: at most SUMMARY_CHARS characters, cut at a space, with "…" when cut. */
static void summary_html(buf *out, const char *s) {
  size_t i = 0, chars = 0, cut = 0, n = strlen(s);
  while (i < n && chars < SUMMARY_CHARS) {
    unsigned cp;
    i += (size_t)utf8_decode(s + i, n - i, &cp);
    chars++;
    if (cp == ' ') cut = i - 1;
  }
  if (i >= n) {
    search_snippet_html(out, s, 0);
    return;
  }
  char *t = strndup(s, cut ? cut : i);
  if (!t) abort();
  search_snippet_html(out, t, 0);
  buf_puts(out, "…");
  free(t);
}

/* ---- The page's rows: deed columns and snippets for the page ids only ---- */

/* Where each page id goes in rank order; rows come back from SQL in any order. */
typedef struct idpos {
  int id, pos;
} idpos;

static int by_id(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static idpos *page_map(const int *page, int n) {
  idpos *m = util_calloc((size_t)n, sizeof *m);
  for (int i = 0; i < n; i++) m[i] = (idpos){page[i], i};
  qsort(m, (size_t)n, sizeof *m, by_id);
  return m;
}

static int page_pos(const idpos *m, int n, long long id) {
  int key = (int)id;
  const idpos *p = bsearch(&key, m, (size_t)n, sizeof *m, by_id);
  return p ? p->pos : -1;
}

/* Columns of a hit, then the summary for the snippet when there are no words; the page's ids as a JSON array (SQLite)
 * or an array literal (PostgreSQL). */
#define HIT_SQL                                                                                                        \
  "SELECT d.id, coalesce(d.ref,''), d.title, d.org_name,"                                                              \
  " coalesce(CASE WHEN :lang='sv' THEN m.name_sv ELSE m.name_fi END,''),"                                              \
  " coalesce(CASE WHEN :lang='sv' THEN r.name_sv ELSE r.name_fi END,''),"                                              \
  " CASE :lang WHEN 'sv' THEN s.name_sv WHEN 'en' THEN s.name_en ELSE s.name_fi END, d.sector_code, d.year,"           \
  " coalesce(d.published_at,''), substr(d.summary, 1, 241)"                                                            \
  " FROM deed d JOIN sector s ON s.code=d.sector_code"                                                                 \
  " LEFT JOIN municipality m ON m.code=d.municipality_code LEFT JOIN region r ON r.code=m.region_code"
static const char hit_sql[] = HIT_SQL " WHERE d.id IN (SELECT value FROM json_each(:ids))";
static const char hit_sql_pg[] = HIT_SQL " WHERE d.id = ANY(CAST(:ids AS bigint[]))";

static char *dup_col(db_stmt *st, int i, arena *a) {
  return arena_strdup(a, db_col_text(st, i));
}

/* Moves the text of sn into arena a and frees sn. */
static void read_hit(db_stmt *st, deed_hit *h, int marks, arena *a) {
  char **text[] = {&h->ref,    &h->title,  &h->organisation, &h->municipality,
                   &h->region, &h->sector, &h->sector_code}; /* columns 1..7, in the order of hit_sql */
  h->id = db_col_int(st, 0);
  for (int i = 0; i < 7; i++) *text[i] = dup_col(st, i + 1, a);
  h->year = (int)db_col_int(st, 8);
  h->published_at = dup_col(st, 9, a);
  if (marks) return; /* the snippet comes from FTS5 */
  buf sn = BUF_INIT;
  summary_html(&sn, db_col_text(st, 10));
  h->snippet = arena_adopt(a, buf_detach(&sn));
}

static int load_rows(db *d, const query *qy, const int *page, int n, const idpos *map, deed_result *r) {
  buf ids = BUF_INIT;
  int pg = db_is_pg(d);
  buf_putc(&ids, pg ? '{' : '[');
  for (int i = 0; i < n; i++) buf_printf(&ids, "%r%d", i ? "," : "", page[i]);
  buf_putc(&ids, pg ? '}' : ']');
  db_stmt *st = db_prepare(d, pg ? hit_sql_pg : hit_sql);
  db_bind_text(st, ":lang", qy->lang);
  db_bind_text(st, ":ids", ids.data);
  int rc;
  while ((rc = db_step(st)) == 1) {
    int pos = page_pos(map, n, db_col_int(st, 0));
    if (pos >= 0 && !r->hits[pos].id) read_hit(st, &r->hits[pos], qy->match != NULL, qy->mem);
  }
  db_done(st);
  buf_free(&ids);
  return rc < 0 ? K_ERR : K_OK;
}

/* Snippets of the page hits, made in C from each deed's body and the plan's terms (search/pgsearch.h), the same on
 * both engines: FTS5's snippet() would evaluate the OR of every term of the plan again for each row, which costs
 * seconds when a prefix is among them. */
static int load_snippets(db *d, const query *qy, const idpos *map, int n, deed_result *r) {
  int rc = K_OK;
  for (int i = 0; i < n && rc == K_OK; i++) {
    deed_hit *h = &r->hits[map[i].pos];
    buf raw = BUF_INIT, sn = BUF_INIT;
    rc = pgs_snippet(d, (char *const *)qy->plan.terms, qy->plan.nterms, map[i].id, &raw);
    search_snippet_html(&sn, raw.data ? raw.data : "", 1);
    if (!h->snippet) h->snippet = arena_adopt(qy->mem, buf_detach(&sn));
    buf_free(&raw), buf_free(&sn);
  }
  return rc;
}

/* Drops page slots no row arrived for (cannot happen inside one snapshot; kept so no NULL string escapes). */
static void hits_compact(deed_result *r, arena *a) {
  int k = 0;
  for (int i = 0; i < r->nhits; i++) {
    deed_hit *h = &r->hits[i];
    if (!h->id) continue;
    if (!h->snippet) h->snippet = arena_strdup(a, "");
    r->hits[k++] = *h;
  }
  r->nhits = k;
}

static int load_page(db *d, const query *qy, const int *page, int n, deed_result *r) {
  if (n == 0) return K_OK;
  idpos *map = page_map(page, n);
  r->hits = arena_alloc(qy->mem, (size_t)n * sizeof *r->hits);
  r->nhits = n;
  int rc = load_rows(d, qy, page, n, map, r);
  if (rc == K_OK && qy->match) rc = load_snippets(d, qy, map, n, r);
  hits_compact(r, qy->mem);
  free(map);
  return rc;
}

/* ---- The search ---- */

/* Total, facets and the page's ids, from the facet index and (with words) the FTS matches. */
static int find_page(db *d, query *qy, const search_index *ix, deed_result *r, int *page, int *npage) {
  want w = want_init(ix, qy->f);
  tally t;
  int rc = K_OK;
  *npage = 0;
  if (qy->match) {
    scores s;
    scores_init(&s, d, ix->max_id);
    search_pin(d);
    rc = score_plan(d, ix, &qy->plan, &s);
    int *ids = NULL, n = rc == K_OK ? found_ids(&s, &qy->plan, &ids) : 0;
    qy->nmatched = n;
    tally_init(&t, ix, n);
    tally_ids(&t, ix, &w, ids, n);
    int want_n = qy->offset + qy->limit, *top = util_calloc((size_t)want_n, sizeof *top);
    int m = top_k(&s, t.cand, t.ncand, want_n, top);
    for (int i = qy->offset; i < m; i++) page[(*npage)++] = top[i];
    free(top), free(ids);
    scores_done(&s);
  } else {
    tally_init(&t, ix, (long long)qy->offset + qy->limit);
    tally_ids(&t, ix, &w, ix->newest, ix->nnewest);
    for (int i = qy->offset; i < t.ncand; i++) page[(*npage)++] = t.cand[i];
  }
  facets_fill(r, &t, ix, qy);
  tally_free(&t);
  return rc;
}

/* The plan of the query's words (broad: exp_plan_broader's) and the OR of its terms (qy->match, for snippets).
 * Returns K_OK, K_ERR, or 1 when the broader plan is the same. */
static int plan_query(db *d, query *qy, deed_result *r, int broad, kerr *e) {
  exp_plan p;
  if ((broad ? exp_plan_broader : exp_plan_build)(d, qy->mem, qy->f->q, qy->lang, &p, e) != K_OK) return K_ERR;
  if (broad && !p.broadened) return 1;
  qy->plan = p;
  r->corrected = p.corrected;
  r->translated = p.translated;
  free(qy->match);
  qy->match = NULL;
  if (p.nterms == 0) return K_OK;
  buf m = BUF_INIT;
  for (int i = 0; i < p.nterms; i++) buf_printf(&m, "%r%r", i ? " OR " : "", p.terms[i]);
  qy->match = buf_detach(&m);
  return K_OK;
}

static int search_snapshot(db *d, query *qy, deed_result *r, kerr *e) {
  const search_index *ix = search_index_get(d, e);
  if (!ix || plan_query(d, qy, r, 0, e) != K_OK) return K_ERR;
  int *page = util_calloc((size_t)qy->limit, sizeof *page), npage = 0;
  int rc = find_page(d, qy, ix, r, page, &npage);
  /* words that match no deed whatever the filters: a compound's parts alone (hellepäivä: helle) */
  if (rc == K_OK && qy->match && qy->nmatched == 0 && qy->plan.n > 0) {
    int b = plan_query(d, qy, r, 1, e);
    if (b == K_ERR) rc = K_ERR;
    if (b == K_OK) rc = find_page(d, qy, ix, r, page, &npage);
    r->broadened = r->total > 0; /* said only with deeds to show */
  }
  if (rc == K_OK) rc = load_page(d, qy, page, npage, r);
  for (int i = 0; i < r->nhits; i++)
    r->hits[i].awarded = r->hits[i].id >= 1 && r->hits[i].id <= ix->max_id && ix->awarded[r->hits[i].id];
  free(page);
  if (rc != K_OK && !e->msg) kerr_set(e, NULL, "search failed: %r", db_errmsg(d));
  return rc;
}

int deed_search(db *d, arena *a, const deed_filter *f, deed_result *out, kerr *e) {
  memset(out, 0, sizeof *out);
  query qy;
  query_init(&qy, f);
  qy.mem = a;
  /* one read transaction, so the facet index, the FTS matches and the rows are one snapshot */
  int own = !db_in_transaction(d), rc;
  if (own && db_begin_read(d) != DB_OK)
    rc = kerr_set(e, NULL, "search failed: %r", db_errmsg(d));
  else
    rc = search_snapshot(d, &qy, out, e);
  if (own && db_in_transaction(d)) db_script(d, "COMMIT");
  free(qy.match);
  return rc;
}
