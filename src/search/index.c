/* search_index: builds and refreshes the per-connection facet arrays of published deeds, the term postings and the
 * vocabulary kept with them. */
#include "search/index.h"

#include "db/db_sqlite.h"

#include <stdlib.h>
#include <string.h>

#include "search/pgsearch.h"
#include "search/rank.h"

#define MAX_INDEX_ID                                                                                                   \
  50000000 /* ids above this would make the per-id arrays unreasonably large                                           \
            */

/* One term's postings, kept for the next searches. */
typedef struct term_entry {
  char *match;
  unsigned hash;
  search_postings p;
  size_t bytes;
  unsigned long long used; /* tick of the last use, for eviction */
} term_entry;

/* What the search module keeps on a connection: the index, the word cache and the key of the data both come from. */
typedef struct sstate {
  search_index ix;
  term_entry **terms;
  int nterms, capterms;
  int *slot;      /* [nslot]: an open-addressing table of terms by hash (an index into terms, or -1) */
  unsigned nslot; /* a power of two, at least twice nterms; 0 before the first term */
  void *ext;      /* search/expand.c's data built from the deeds (its corrections), dropped with the index */
  void (*ext_free)(void *);
  void *conn_ext; /* search/expand.c's data kept for the connection's life (the thesaurus, compiled) */
  void (*conn_ext_free)(void *);
  char *scratch; /* search's working arrays (query.c), kept zeroed between searches */
  size_t nscratch;
  size_t term_bytes, term_budget;
  unsigned long long tick, pin; /* entries used at or after pin belong to the search under way: not evicted */
  int built, stale;
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
  free(t->match), free(t->p.ids), free(t->p.tf), free(t);
}

/* Puts terms[i] into the table (which has room). */
static void slot_put(sstate *s, int i) {
  unsigned k = s->terms[i]->hash & (s->nslot - 1);
  while (s->slot[k] >= 0) k = (k + 1) & (s->nslot - 1);
  s->slot[k] = i;
}

/* Makes the table anew with room for at least want terms. */
static void slots_rebuild(sstate *s, int want) {
  unsigned n = 64;
  while (n < 2u * (unsigned)want) n *= 2;
  if (n != s->nslot) {
    free(s->slot);
    s->slot = util_calloc(n, sizeof *s->slot), s->nslot = n;
  }
  memset(s->slot, 0xff, sizeof *s->slot * n); /* -1 */
  for (int i = 0; i < s->nterms; i++) slot_put(s, i);
}

/* Drops what was built from the data: the term cache, the vocabulary and expand.c's data. */
static void terms_clear(sstate *s) {
  for (int i = 0; i < s->nterms; i++) term_free(s->terms[i]);
  s->nterms = 0, s->term_bytes = 0;
  if (s->nslot) memset(s->slot, 0xff, sizeof *s->slot * s->nslot);
  if (s->ext && s->ext_free) s->ext_free(s->ext);
  s->ext = NULL;
}

static void state_free(void *p) {
  sstate *s = p;
  free(s->scratch);
  if (s->h) sqlite3_rollback_hook(s->h, NULL, NULL);
  index_clear(&s->ix);
  terms_clear(s);
  free(s->terms);
  free(s->slot);
  if (s->conn_ext && s->conn_ext_free) s->conn_ext_free(s->conn_ext);
  free(s);
}

/* A rollback can undo writes the index was built from without changing either
 * part of the key. */
static void on_rollback(void *p) {
  ((sstate *)p)->stale = 1;
}

static sstate *state(db *d) {
  sstate *s = db_slot(d, DB_SLOT_SEARCH);
  if (s) return s;
  s = util_calloc(1, sizeof *s);
  s->h = db_handle(d);
  s->term_budget = SEARCH_TERM_CACHE_BYTES;
  if (s->h) sqlite3_rollback_hook(s->h, on_rollback, s);
  db_set_slot(d, DB_SLOT_SEARCH, s, state_free);
  return s;
}

long long search_index_builds(db *d) {
  return state(d)->builds;
}

void search_set_term_budget(db *d, size_t bytes) {
  state(d)->term_budget = bytes ? bytes : SEARCH_TERM_CACHE_BYTES;
}

void *search_scratch(db *d, size_t bytes) {
  sstate *s = state(d);
  if (bytes > s->nscratch) {
    free(s->scratch);
    s->scratch = util_calloc(bytes, 1);
    s->nscratch = bytes;
  }
  return s->scratch;
}

void *search_ext(db *d) {
  return state(d)->ext;
}

void search_set_ext(db *d, void *ext, void (*fn)(void *)) {
  sstate *s = state(d);
  if (s->ext && s->ext_free) s->ext_free(s->ext);
  s->ext = ext, s->ext_free = fn;
}

void *search_conn_ext(db *d) {
  return state(d)->conn_ext;
}

void search_set_conn_ext(db *d, void *ext, void (*fn)(void *)) {
  sstate *s = state(d);
  if (s->conn_ext && s->conn_ext_free) s->conn_ext_free(s->conn_ext);
  s->conn_ext = ext, s->conn_ext_free = fn;
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

/* Row lengths for BM25, from FTS5's own per-row token counts (a small table: one short blob per deed) or deed_fts.len
 * on PostgreSQL; and their mean over the published deeds. */
static int load_lengths(db *d, search_index *ix) {
  ix->doclen = util_calloc((size_t)ix->max_id + 1, sizeof *ix->doclen);
  int pg = db_is_pg(d);
  db_stmt *st = db_query(d,
                         pg ? "SELECT rowid, len FROM deed_fts WHERE rowid <= ?1"
                            : "SELECT id, sz FROM deed_fts_docsize WHERE id <= ?1",
                         "i", (long long)ix->max_id);
  int rc;
  while ((rc = db_step(st)) == 1) {
    long long id = db_col_int(st, 0), len = 0;
    if (id < 1 || id > ix->max_id) continue;
    if (pg)
      len = db_col_int(st, 1);
    else
      len = search_rank_doc_length(sqlite3_column_blob(db_raw(st), 1), sqlite3_column_bytes(db_raw(st), 1));
    ix->doclen[id] = (uint16_t)(len > 0xffff ? 0xffff : len < 0 ? 0 : len);
  }
  db_done(st);
  double total = 0;
  ix->ndocs = 0;
  for (int id = 1; id <= ix->max_id; id++)
    if (ix->sector[id]) total += ix->doclen[id], ix->ndocs++;
  ix->avgdl = ix->ndocs && total > 0 ? (float)(total / ix->ndocs) : 1.0f;
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

/* One term's postings, read from FTS5 (kehto_postings) or deed_term. */
static int term_scan(db *d, const char *match, search_postings *sink) {
  if (db_is_pg(d)) return pgs_postings(d, match, sink);
  db_stmt *st = db_prepare(d, "SELECT kehto_postings(deed_fts, :sink) FROM deed_fts WHERE deed_fts MATCH :q LIMIT 1");
  db_bind_text(st, ":q", match);
  db_bind_pointer(st, ":sink", sink, SEARCH_POSTINGS);
  int rc;
  while ((rc = db_step(st)) == 1) {
  }
  db_done(st);
  return rc < 0 ? K_ERR : K_OK;
}

/* Drops the least recently used terms until need more bytes fit in the budget; never a term of the search under
 * way (the budget is exceeded instead). */
static void terms_evict(sstate *s, size_t need) {
  int evicted = 0;
  while (s->term_bytes + need > s->term_budget) {
    int old = -1;
    for (int i = 0; i < s->nterms; i++)
      if (s->terms[i]->used < s->pin && (old < 0 || s->terms[i]->used < s->terms[old]->used)) old = i;
    if (old < 0) break;
    s->term_bytes -= s->terms[old]->bytes;
    term_free(s->terms[old]);
    s->terms[old] = s->terms[--s->nterms];
    evicted = 1;
  }
  if (evicted) slots_rebuild(s, s->nterms); /* the terms moved */
}

/* Turns each weighted count into BM25's term part f(k1 + 1) / (f + k1(1 - b + b·len/avgdl)) with the row's length:
 * what a search multiplies by the term's IDF. */
static void postings_normalise(const search_index *ix, search_postings *p) {
  for (int k = 0; k < p->n; k++) {
    int id = p->ids[k];
    int len = id >= 1 && id <= ix->max_id ? ix->doclen[id] : 0;
    p->tf[k] = search_bm25(1.0f, p->tf[k], len, ix->avgdl);
  }
}

static term_entry *terms_add(sstate *s, const char *match, search_postings p) {
  postings_normalise(&s->ix, &p);
  term_entry *t = util_calloc(1, sizeof *t);
  t->hash = util_hash(match);
  t->match = util_strdup(match);
  t->p = p;
  t->bytes = (size_t)p.cap * (sizeof *p.ids + sizeof *p.tf) + strlen(match) + sizeof *t;
  t->used = ++s->tick;
  terms_evict(s, t->bytes);
  if (s->nterms == s->capterms) {
    s->capterms = s->capterms ? s->capterms * 2 : 64;
    s->terms = realloc(s->terms, sizeof *s->terms * (size_t)s->capterms);
    if (!s->terms) abort();
  }
  s->term_bytes += t->bytes;
  s->terms[s->nterms++] = t;
  if (2u * (unsigned)s->nterms > s->nslot)
    slots_rebuild(s, s->nterms);
  else
    slot_put(s, s->nterms - 1);
  return t;
}

void search_pin(db *d) {
  sstate *s = state(d);
  s->pin = s->tick + 1;
}

const search_postings *search_postings_get(db *d, const char *match) {
  sstate *s = state(d);
  unsigned h = util_hash(match);
  for (unsigned k = h & (s->nslot - 1); s->nslot && s->slot[k] >= 0; k = (k + 1) & (s->nslot - 1)) {
    term_entry *t = s->terms[s->slot[k]];
    if (t->hash == h && !strcmp(t->match, match)) {
      t->used = ++s->tick;
      return &t->p;
    }
  }
  search_postings sink = {0};
  if (term_scan(d, match, &sink) != K_OK) {
    free(sink.ids), free(sink.tf);
    return NULL;
  }
  return &terms_add(s, match, sink)->p;
}

/* ---- The vocabulary ---- */

int search_vocab_range(db *d, arena *a, const char *lo, const char *hi, search_vocab *out) {
  memset(out, 0, sizeof *out);
  if (!db_is_pg(d) &&
      db_script(d, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.deed_vocab USING fts5vocab(main, deed_fts, row)") != DB_OK)
    return K_ERR;
  db_stmt *st = db_query(d,
                         db_is_pg(d) ? "SELECT term, count(DISTINCT deed_id) FROM deed_term WHERE term >= ?1 AND"
                                       " term <= ?2 GROUP BY term ORDER BY term"
                                     : "SELECT term, doc FROM temp.deed_vocab WHERE term >= ?1 AND term <= ?2",
                         "tt", lo, hi);
  int rc, cap = 0;
  while ((rc = db_step(st)) == 1) {
    out->w = arena_grow(a, out->w, out->n, &cap, sizeof *out->w);
    out->w[out->n++] = (search_word){arena_strdup(a, db_col_text(st, 0)), (int)db_col_int(st, 1)};
  }
  db_done(st);
  return rc < 0 ? K_ERR : K_OK;
}
