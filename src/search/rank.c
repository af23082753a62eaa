/* rank: FTS5 auxiliary functions for deed search: kehto_rank() (BM25's term-frequency and length parts with column
 * weights, without the per-query IDF pass that makes the built-in bm25() walk every term's whole doclist),
 * kehto_rank_set() (the same score for chosen rows in one walk per phrase) and kehto_match_ids() (every match). */
#include "search/rank.h"

#include <stdlib.h>

#define RANK_K1 1.2 /* as FTS5's bm25() */
#define RANK_B 0.75
#define RANK_MAX_COLS SEARCH_RANK_MAX_COLS

/* Per query: the column weights and the average row length (in tokens over all columns). */
typedef struct rank_query {
  int ncol;
  double weight[RANK_MAX_COLS];
  double avgdl;
} rank_query;

static rank_query *query_data(const Fts5ExtensionApi *api, Fts5Context *fts, int nval, sqlite3_value **val, int *rc) {
  rank_query *q = api->xGetAuxdata(fts, 0);
  if (q) return q;
  q = calloc(1, sizeof *q);
  if (!q) {
    *rc = SQLITE_NOMEM;
    return NULL;
  }
  q->ncol = api->xColumnCount(fts);
  if (q->ncol > RANK_MAX_COLS) q->ncol = RANK_MAX_COLS;
  for (int i = 0; i < q->ncol; i++) q->weight[i] = i + 1 < nval ? sqlite3_value_double(val[i + 1]) : 1.0;
  sqlite3_int64 nrow = 0, total = 0;
  *rc = api->xRowCount(fts, &nrow);
  if (*rc == SQLITE_OK) *rc = api->xColumnTotalSize(fts, -1, &total);
  q->avgdl = nrow > 0 && total > 0 ? (double)total / (double)nrow : 1.0;
  if (*rc == SQLITE_OK) *rc = api->xSetAuxdata(fts, q, free);
  if (*rc != SQLITE_OK) {
    free(q);
    return NULL;
  }
  return q;
}

/* The row's length in tokens over all columns: from the caller's array when it has the row, else from FTS5 (a
 * lookup in the docsize table per row, which costs more than the rest of the score). */
static int row_length(const Fts5ExtensionApi *api, Fts5Context *fts, const search_rank_lengths *l, int *len) {
  sqlite3_int64 id = api->xRowid(fts);
  if (l && id >= 0 && id < l->n && l->len[id]) {
    *len = l->len[id];
    return SQLITE_OK;
  }
  return api->xColumnSize(fts, -1, len);
}

/* The BM25 length factor k1(1 - b + b·len/avgdl) of the current row. */
static int row_norm(const Fts5ExtensionApi *api, Fts5Context *fts, const search_rank_lengths *l, double avgdl,
                    double *norm) {
  int len = 0, rc = row_length(api, fts, l, &len);
  *norm = RANK_K1 * (1 - RANK_B + RANK_B * (double)len / avgdl);
  return rc;
}

/* One phrase's part of the score in the current row: f = the sum of the weights of the columns of its occurrences,
 * giving f(k1 + 1) / (f + norm). */
static int phrase_score(const Fts5ExtensionApi *api, Fts5Context *fts, int phrase, const double *weight, int ncol,
                        double norm, double *score) {
  Fts5PhraseIter it;
  int ic, io;
  double f = 0;
  int rc = api->xPhraseFirst(fts, phrase, &it, &ic, &io);
  for (; rc == SQLITE_OK && ic >= 0; api->xPhraseNext(fts, &it, &ic, &io))
    if (ic < ncol) f += weight[ic];
  *score = f * (RANK_K1 + 1) / (f + norm);
  return rc;
}

/* kehto_rank(table, lengths, w0, w1, ...): the sum over the query's phrases of phrase_score, negated so that
 * ORDER BY kehto_rank(...) puts the best first, as with bm25(). Every phrase counts alike: a result always contains
 * every word of the query, and weighting words by rarity needed a pass over each word's whole doclist. */
static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *cx, int nval, sqlite3_value **val) {
  int rc = SQLITE_OK;
  rank_query *q = query_data(api, fts, nval, val, &rc);
  const search_rank_lengths *l = nval > 0 ? sqlite3_value_pointer(val[0], SEARCH_RANK_LENGTHS) : NULL;
  double norm = 0, score = 0;
  if (rc == SQLITE_OK) rc = row_norm(api, fts, l, q->avgdl, &norm);
  for (int i = 0, n = api->xPhraseCount(fts); rc == SQLITE_OK && i < n; i++) {
    double s = 0;
    rc = phrase_score(api, fts, i, q->weight, q->ncol, norm, &s);
    score += s;
  }
  if (rc == SQLITE_OK)
    sqlite3_result_double(cx, -score);
  else
    sqlite3_result_error_code(cx, rc);
}

/* ---- kehto_rank_set: scores of chosen rows, from inside FTS5 ---- */

/* A pass over one phrase's rows: adds its score to the chosen rows as they come by (both ascending). */
typedef struct rank_pass {
  search_rank_set *set;
  int next; /* index into set->ids of the next chosen row not yet passed */
  double avgdl;
} rank_pass;

static int rank_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *p) {
  rank_pass *ps = p;
  search_rank_set *set = ps->set;
  sqlite3_int64 id = api->xRowid(fts);
  while (ps->next < set->n && set->ids[ps->next] < id) ps->next++;
  if (ps->next >= set->n) return SQLITE_DONE; /* no chosen row is left: stop walking the doclist */
  if (set->ids[ps->next] != id) return SQLITE_OK;
  double norm = 0, s = 0;
  int rc = row_norm(api, fts, set->lens, ps->avgdl, &norm);
  if (rc == SQLITE_OK) rc = phrase_score(api, fts, 0, set->weight, RANK_MAX_COLS, norm, &s);
  set->score[ps->next++] -= s; /* lower is better, as kehto_rank */
  return rc;
}

/* kehto_rank_set(table, set): on the first row of a query, the kehto_rank score of every row in set->ids (all of
 * them must match the query), by one xQueryPhrase walk per phrase; later rows do nothing. */
static void rank_set_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *cx, int nval,
                        sqlite3_value **val) {
  search_rank_set *set = nval > 0 ? sqlite3_value_pointer(val[0], SEARCH_RANK_SET) : NULL;
  if (!set || set->done) return;
  set->done = 1;
  for (int i = 0; i < set->n; i++) set->score[i] = 0;
  sqlite3_int64 nrow = 0, total = 0;
  int rc = api->xRowCount(fts, &nrow);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &total);
  rank_pass ps = {set, 0, nrow > 0 && total > 0 ? (double)total / (double)nrow : 1.0};
  for (int i = 0, n = api->xPhraseCount(fts); rc == SQLITE_OK && i < n; i++) {
    ps.next = 0;
    rc = api->xQueryPhrase(fts, i, &ps, rank_row);
  }
  if (rc != SQLITE_OK) sqlite3_result_error_code(cx, rc);
}

int search_rank_doc_length(const void *sz, int n) {
  const unsigned char *p = sz, *end = p + (n > 0 ? n : 0);
  long long total = 0;
  while (p < end) {
    unsigned long long v = 0; /* SQLite varint: big-endian groups of 7 bits, high bit set on all but the last */
    for (int k = 0; p < end && k < 9; k++) {
      unsigned char c = *p++;
      v = (v << 7) | (c & 0x7f);
      if (!(c & 0x80)) break;
    }
    total += (long long)v;
  }
  return total > 0xffff ? 0xffff : (int)total;
}

/* ---- kehto_match_ids: every row of the query, from inside FTS5 ---- */

static int push_id(search_match_ids *s, int id) {
  if (s->n == s->cap) {
    int cap = s->cap ? s->cap * 2 : 4096;
    int *v = realloc(s->ids, sizeof *v * (size_t)cap);
    if (!v) return SQLITE_NOMEM;
    s->ids = v, s->cap = cap;
  }
  s->ids[s->n++] = id;
  return SQLITE_OK;
}

static int collect_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *p) {
  return push_id(p, (int)api->xRowid(fts));
}

/* kehto_match_ids(table, sink): on the first row of a one-word query, lists the rows of that word with xQueryPhrase,
 * ascending, into the bound sink; later rows do nothing. xQueryPhrase walks the doclist inside FTS5, without a trip
 * through the SQL engine per row, which is what listing tens of thousands of matches as result rows costs. Several
 * words: an error (their intersection is the caller's, from the lists kept per word). */
static void match_ids_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *cx, int nval,
                         sqlite3_value **val) {
  search_match_ids *sink = nval > 0 ? sqlite3_value_pointer(val[0], SEARCH_MATCH_IDS) : NULL;
  if (!sink || sink->done) return;
  sink->done = 1;
  int rc = api->xPhraseCount(fts) == 1 ? api->xQueryPhrase(fts, 0, sink, collect_row) : SQLITE_MISUSE;
  if (rc != SQLITE_OK) sqlite3_result_error_code(cx, rc);
}

int search_rank_register(fts5_api *api) {
  int rc = api->xCreateFunction(api, "kehto_rank", NULL, rank_fn, NULL);
  if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "kehto_rank_set", NULL, rank_set_fn, NULL);
  return rc == SQLITE_OK ? api->xCreateFunction(api, "kehto_match_ids", NULL, match_ids_fn, NULL) : rc;
}
