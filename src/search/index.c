/* search_index: builds and refreshes the per-connection facet arrays of
 * published deeds; the search_in() SQL function. */
#include "search/index.h"

#include "db/db_sqlite.h"

#include <stdlib.h>
#include <string.h>

#include "search/pgsearch.h"
#include "search/rank.h"

#define MAX_INDEX_ID                                                                                                   \
  50000000 /* ids above this would make the per-id arrays unreasonably large                                           \
            */
#define SET_TYPE "kehto_search_set"

/* One word's matches, kept for the next searches: a bitset over ids when the word is common (smaller than the list),
 * else the ascending ids. */
typedef struct term_entry {
  char *match;
  int n;          /* matches */
  int *ids;       /* [n] ascending, or NULL when bits is used */
  uint64_t *bits; /* [nbits / 64 + 1]: bit id set for a match */
  int nbits;
  size_t bytes;
  unsigned long long used; /* tick of the last use, for eviction */
} term_entry;

/* What the search module keeps on a connection: the index, the word cache and the key of the data both come from. */
typedef struct sstate {
  search_index ix;
  term_entry *terms;
  int nterms, capterms;
  size_t term_bytes, term_budget;
  unsigned long long tick, pin; /* entries used at or after pin belong to the search under way: not evicted */
  int built, stale, window;
  long long generation; /* search_generation.n the index was built from */
  long long builds;
  sqlite3 *h; /* NULL on PostgreSQL */
} sstate;

static void values_free(sidx_value *v, int n) {
  for (int i = 0; i < n; i++) {
    free(v[i].key);
    for (int j = 0; j < 3; j++) free(v[i].label[j]);
  }
  free(v);
}

static void index_clear(search_index *ix) {
  free(ix->sector), free(ix->region), free(ix->year), free(ix->toff), free(ix->theme), free(ix->newest);
  free(ix->doclen), free(ix->awarded);
  values_free(ix->sectors, ix->nsectors);
  values_free(ix->regions, ix->nregions);
  values_free(ix->themes, ix->nthemes);
  memset(ix, 0, sizeof *ix);
}

static void term_free(term_entry *t) {
  free(t->match), free(t->ids), free(t->bits);
}

static void terms_clear(sstate *s) {
  for (int i = 0; i < s->nterms; i++) term_free(&s->terms[i]);
  s->nterms = 0, s->term_bytes = 0;
}

static void state_free(void *p) {
  sstate *s = p;
  if (s->h) sqlite3_rollback_hook(s->h, NULL, NULL);
  index_clear(&s->ix);
  terms_clear(s);
  free(s->terms);
  free(s);
}

/* A rollback can undo writes the index was built from without changing either
 * part of the key. */
static void on_rollback(void *p) {
  ((sstate *)p)->stale = 1;
}

static void search_in_fn(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  const search_set *set = sqlite3_value_pointer(argv[1], SET_TYPE);
  long long id = sqlite3_value_int64(argv[0]);
  int lo = 0, hi = set ? set->n - 1 : -1;
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2;
    if (set->ids[mid] == id) {
      sqlite3_result_int(cx, 1);
      return;
    }
    if (set->ids[mid] < id)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  sqlite3_result_int(cx, 0);
}

void search_bind_set(db_stmt *st, const char *name, const search_set *set) {
  db_bind_pointer(st, name, (void *)set, SET_TYPE);
}

static sstate *state(db *d) {
  sstate *s = db_slot(d, DB_SLOT_SEARCH);
  if (s) return s;
  s = util_calloc(1, sizeof *s);
  s->h = db_handle(d);
  s->window = SEARCH_RANK_WINDOW;
  s->term_budget = SEARCH_TERM_CACHE_BYTES;
  if (s->h) {
    sqlite3_rollback_hook(s->h, on_rollback, s);
    sqlite3_create_function_v2(s->h, "search_in", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, search_in_fn, NULL, NULL,
                               NULL);
  }
  db_set_slot(d, DB_SLOT_SEARCH, s, state_free);
  return s;
}

void search_set_rank_window(db *d, int n) {
  state(d)->window = n > 0 ? n : SEARCH_RANK_WINDOW;
}

long long search_index_builds(db *d) {
  return state(d)->builds;
}

void search_set_term_budget(db *d, size_t bytes) {
  state(d)->term_budget = bytes ? bytes : SEARCH_TERM_CACHE_BYTES;
}

int search_rank_window(db *d) {
  return state(d)->window;
}

/* Reads rows of (key, label fi, label sv, label en) into a new array; a missing
 * label column repeats the last. */
static sidx_value *load_values(db *d, const char *sql, int ncols, int *n) {
  int cap = 16;
  sidx_value *v = util_calloc((size_t)cap, sizeof *v);
  *n = 0;
  db_stmt *st = db_query(d, sql, "");
  while (db_step(st) == 1) {
    if (*n == cap) {
      v = realloc(v, sizeof *v * (size_t)(cap *= 2));
      if (!v) abort();
    }
    sidx_value *x = &v[(*n)++];
    x->key = util_strdup(db_col_text(st, 0));
    for (int j = 0; j < 3; j++) x->label[j] = util_strdup(db_col_text(st, 1 + (j < ncols - 1 ? j : ncols - 2)));
  }
  db_done(st);
  return v;
}

static int find_value(const sidx_value *v, int n, const char *key) {
  for (int i = 0; i < n; i++)
    if (strcmp(v[i].key, key) == 0) return i;
  return -1;
}

/* The per-deed columns and the newest-first order, from one pass over the
 * published deeds. */
static int load_deeds(db *d, search_index *ix) {
  ix->max_id = (int)db_int(d, 0, "SELECT max(id) FROM deed WHERE status='published'", "");
  size_t n = (size_t)ix->max_id + 1;
  ix->sector = util_calloc(n, 1), ix->region = util_calloc(n, 2), ix->year = util_calloc(n, 1);
  ix->newest = util_calloc(n, sizeof *ix->newest);
  db_stmt *st = db_query(d,
                         "SELECT d.id, d.sector_code, coalesce(m.region_code,''), d.year "
                         "FROM deed d"
                         " LEFT JOIN municipality m ON m.code=d.municipality_code WHERE "
                         "d.status='published'"
                         " ORDER BY d.published_at DESC, d.id DESC",
                         "");
  int rc;
  while ((rc = db_step(st)) == 1) {
    int id = (int)db_col_int(st, 0);
    if (id < 1 || id > ix->max_id) continue;
    int s = find_value(ix->sectors, ix->nsectors, db_col_text(st, 1));
    int r = find_value(ix->regions, ix->nregions, db_col_text(st, 2));
    ix->sector[id] = (uint8_t)(s + 1); /* every deed has a sector (foreign key) */
    ix->region[id] = (uint16_t)(r + 1);
    ix->year[id] = (uint8_t)(db_col_int(st, 3) - SEARCH_YEAR_MIN);
    ix->newest[ix->nnewest++] = id;
  }
  db_done(st);
  return rc < 0 ? K_ERR : K_OK;
}

/* Theme links of published deeds as CSR arrays: counts first, then offsets,
 * then a second read to fill. */
static int load_themes(db *d, search_index *ix) {
  static const char sql[] = "SELECT deed_id, theme_id FROM deed_theme ORDER BY deed_id, theme_id";
  ix->toff = util_calloc((size_t)ix->max_id + 2, sizeof *ix->toff);
  int maxtheme = (int)db_int(d, 0, "SELECT max(id) FROM theme", "");
  int *tpos = util_calloc((size_t)maxtheme + 1, sizeof *tpos); /* theme id -> index into themes */
  db_stmt *st = db_query(d, "SELECT id FROM theme ORDER BY id", "");
  for (int i = 0; i < ix->nthemes && db_step(st) == 1; i++) tpos[db_col_int(st, 0)] = i;
  db_done(st);
  size_t total = 0;
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1) {
      for (int i = 1; i <= ix->max_id + 1; i++) ix->toff[i] += ix->toff[i - 1]; /* counts at i+1 -> offsets */
      ix->theme = util_calloc(total, sizeof *ix->theme);
    }
    st = db_query(d, sql, "");
    int rc;
    while ((rc = db_step(st)) == 1) {
      long long id = db_col_int(st, 0), t = db_col_int(st, 1);
      if (id < 1 || id > ix->max_id || !ix->sector[id] || t < 0 || t > maxtheme) continue;
      if (pass == 0)
        ix->toff[id + 1]++, total++;
      else
        ix->theme[ix->toff[id]++] = (uint16_t)tpos[t]; /* toff[id] walks to the start of id+1 */
    }
    db_done(st);
    if (rc < 0) return free(tpos), K_ERR;
  }
  memmove(ix->toff + 1, ix->toff, sizeof *ix->toff * ((size_t)ix->max_id + 1)); /* back to starts */
  ix->toff[0] = 0;
  free(tpos);
  return K_OK;
}

/* Row lengths for kehto_rank, from FTS5's own per-row token counts (a small table: one short blob per deed). */
static int load_lengths(db *d, search_index *ix) {
  ix->doclen = util_calloc((size_t)ix->max_id + 1, sizeof *ix->doclen);
  if (db_is_pg(d)) return K_OK; /* no FTS5 there */
  db_stmt *st = db_query(d, "SELECT id, sz FROM deed_fts_docsize WHERE id <= :max", "i", (long long)ix->max_id);
  int rc;
  while ((rc = db_step(st)) == 1) {
    long long id = db_col_int(st, 0);
    if (id >= 1 && id <= ix->max_id)
      ix->doclen[id] =
          (uint16_t)search_rank_doc_length(sqlite3_column_blob(db_raw(st), 1), sqlite3_column_bytes(db_raw(st), 1));
  }
  db_done(st);
  return rc < 0 ? K_ERR : K_OK;
}

/* The "Palkittu" facet: the published deeds with an award or a mention in a published round. */
static int load_awarded(db *d, search_index *ix) {
  ix->awarded = util_calloc((size_t)ix->max_id + 1, 1);
  db_stmt *st = db_query(d,
                         "SELECT DISTINCT n.deed_id FROM award_nomination n JOIN award_round r ON r.id = n.round_id"
                         " WHERE r.published_at IS NOT NULL AND n.status = 'nominated' AND n.result IS NOT NULL",
                         "");
  int rc;
  while ((rc = db_step(st)) == 1) {
    long long id = db_col_int(st, 0);
    if (id >= 1 && id <= ix->max_id && ix->sector[id]) ix->awarded[id] = 1;
  }
  db_done(st);
  return rc < 0 ? K_ERR : K_OK;
}

static int build(db *d, search_index *ix, kerr *e) {
  long long maxid = db_int(d, 0, "SELECT max(id) FROM deed WHERE status='published'", "");
  if (maxid > MAX_INDEX_ID) return kerr_set(e, NULL, "search failed: deed id %lld is too large to index", maxid);
  ix->sectors =
      load_values(d, "SELECT code, name_fi, name_sv, name_en FROM sector ORDER BY position", 4, &ix->nsectors);
  ix->regions = load_values(d, "SELECT code, name_fi, name_sv FROM region ORDER BY code", 3, &ix->nregions);
  ix->themes = load_values(d,
                           "SELECT name, name, COALESCE(NULLIF(name_sv,''),name), COALESCE(NULLIF(name_en,''),name)"
                           " FROM theme ORDER BY id",
                           4, &ix->nthemes);
  if (ix->nthemes > UINT16_MAX || load_deeds(d, ix) != K_OK || load_themes(d, ix) != K_OK ||
      load_lengths(d, ix) != K_OK || load_awarded(d, ix) != K_OK)
    return kerr_set(e, NULL, "search failed: %r", db_errmsg(d));
  return K_OK;
}

const search_index *search_index_get(db *d, kerr *e) {
  sstate *s = state(d);
  long long gen = db_int(d, -1, "SELECT n FROM search_generation", "");
  if (s->built && !s->stale && gen == s->generation) return &s->ix;
  index_clear(&s->ix);
  terms_clear(s);
  s->built = 0;
  if (build(d, &s->ix, e) != K_OK) {
    index_clear(&s->ix);
    return NULL;
  }
  s->built = 1, s->stale = 0, s->generation = gen, s->builds++;
  return &s->ix;
}

/* ---- The word cache ---- */

/* Every row of deed_fts matching one word, ascending, from inside FTS5 (kehto_match_ids). */
static int term_scan(db *d, const char *match, search_match_ids *sink) {
  if (db_is_pg(d)) return pgs_match(d, match, sink);
  db_stmt *st = db_prepare(d, "SELECT kehto_match_ids(deed_fts, :sink) FROM deed_fts WHERE deed_fts MATCH :q LIMIT 1");
  db_bind_text(st, ":q", match);
  db_bind_pointer(st, ":sink", sink, SEARCH_MATCH_IDS);
  int rc;
  while ((rc = db_step(st)) == 1) {
  }
  db_done(st);
  return rc < 0 ? K_ERR : K_OK;
}

/* Drops the least recently used words until need more bytes fit in the budget; never a word of the search under
 * way (the budget is exceeded instead). */
static void terms_evict(sstate *s, size_t need) {
  while (s->term_bytes + need > s->term_budget) {
    int old = -1;
    for (int i = 0; i < s->nterms; i++)
      if (s->terms[i].used < s->pin && (old < 0 || s->terms[i].used < s->terms[old].used)) old = i;
    if (old < 0) return;
    s->term_bytes -= s->terms[old].bytes;
    term_free(&s->terms[old]);
    s->terms[old] = s->terms[--s->nterms];
  }
}

/* Keeps the ids (taking ownership) as a new entry, in the smaller of the two forms. */
static term_entry *terms_add(sstate *s, const char *match, int *ids, int n) {
  int max_id = s->ix.max_id;
  size_t words = (size_t)max_id / 64 + 1, list = (size_t)n * sizeof *ids, set = words * sizeof(uint64_t);
  term_entry t = {util_strdup(match), n, NULL, NULL, max_id + 1, 0, ++s->tick};
  if (set < list) {
    t.bits = util_calloc(words, sizeof *t.bits);
    for (int i = 0; i < n; i++)
      if (ids[i] >= 0 && ids[i] <= max_id) t.bits[ids[i] / 64] |= (uint64_t)1 << (ids[i] % 64);
    free(ids);
    t.bytes = set;
  } else {
    t.ids = ids;
    t.bytes = list;
  }
  terms_evict(s, t.bytes);
  if (s->nterms == s->capterms) {
    s->capterms = s->capterms ? s->capterms * 2 : 64;
    s->terms = realloc(s->terms, sizeof *s->terms * (size_t)s->capterms);
    if (!s->terms) abort();
  }
  s->term_bytes += t.bytes;
  s->terms[s->nterms] = t;
  return &s->terms[s->nterms++];
}

static term_entry *term_get(db *d, sstate *s, const char *match) {
  for (int i = 0; i < s->nterms; i++)
    if (!strcmp(s->terms[i].match, match)) {
      s->terms[i].used = ++s->tick;
      return &s->terms[i];
    }
  search_match_ids sink = {0};
  if (term_scan(d, match, &sink) != K_OK) {
    free(sink.ids);
    return NULL;
  }
  return terms_add(s, match, sink.ids, sink.n);
}

static int term_has(const term_entry *t, int id) {
  if (t->bits) return id >= 0 && id < t->nbits && ((t->bits[id / 64] >> (id % 64)) & 1);
  int lo = 0, hi = t->n - 1;
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2;
    if (t->ids[mid] == id) return 1;
    if (t->ids[mid] < id)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return 0;
}

/* Calls fn for each id of t, ascending, until it returns 0. */
static void term_each(const term_entry *t, int (*fn)(void *, int), void *ctx) {
  if (!t->bits) {
    for (int i = 0; i < t->n; i++)
      if (!fn(ctx, t->ids[i])) return;
    return;
  }
  for (int w = 0; w <= (t->nbits - 1) / 64; w++)
    for (uint64_t b = t->bits[w]; b; b &= b - 1)
      if (!fn(ctx, w * 64 + __builtin_ctzll(b))) return;
}

/* Collects the ids of the first (smallest) word that every other word also has. */
typedef struct and_ctx {
  term_entry **t;
  int nt;
  int *out, n;
} and_ctx;

static int and_one(void *p, int id) {
  and_ctx *a = p;
  for (int i = 1; i < a->nt; i++)
    if (!term_has(a->t[i], id)) return 1;
  a->out[a->n++] = id;
  return 1;
}

int search_match(db *d, char **terms, int nterms, int **ids, int *n) {
  sstate *s = state(d);
  *ids = NULL, *n = 0;
  if (nterms <= 0) return K_OK;
  s->pin = s->tick + 1;
  for (int i = 0; i < nterms; i++) /* entries move as others are added or dropped: fetch all, then point */
    if (!term_get(d, s, terms[i])) return K_ERR;
  term_entry **t = util_calloc((size_t)nterms, sizeof *t);
  for (int i = 0; i < nterms; i++)
    for (int k = 0; k < s->nterms && !t[i]; k++)
      if (!strcmp(s->terms[k].match, terms[i])) t[i] = &s->terms[k];
  int small = 0;
  for (int i = 1; i < nterms; i++)
    if (t[i]->n < t[small]->n) small = i;
  term_entry *x = t[0];
  t[0] = t[small], t[small] = x;
  and_ctx a = {t, nterms, util_calloc((size_t)(t[0]->n > 0 ? t[0]->n : 1), sizeof(int)), 0};
  term_each(t[0], and_one, &a);
  free(t);
  *ids = a.out, *n = a.n;
  return K_OK;
}
