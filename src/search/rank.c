/* rank: FTS5's side of BM25 for deed search: kehto_postings() walks one word's doclist inside FTS5 and hands back
 * each row with the weighted count of the word's occurrences; the scoring itself is search/query.c's. */
#include "search/rank.h"

#include <stdlib.h>

const float search_rank_weight[RANK_NCOLS] = {10, 1, 3, 3};

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

int search_postings_push(search_postings *p, int id, float tf) {
  if (p->n == p->cap) {
    int cap = p->cap ? p->cap * 2 : 256;
    int *ids = realloc(p->ids, sizeof *ids * (size_t)cap);
    if (!ids) return -1;
    p->ids = ids;
    float *tf2 = realloc(p->tf, sizeof *tf2 * (size_t)cap);
    if (!tf2) return -1;
    p->tf = tf2, p->cap = cap;
  }
  p->ids[p->n] = id;
  p->tf[p->n++] = tf;
  return 0;
}

/* xQueryPhrase's callback: the current row and the weighted count of the phrase's occurrences in it. */
static int posting_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *p) {
  Fts5PhraseIter it;
  int ic, io;
  float f = 0;
  int rc = api->xPhraseFirst(fts, 0, &it, &ic, &io);
  for (; rc == SQLITE_OK && ic >= 0; api->xPhraseNext(fts, &it, &ic, &io))
    f += ic < RANK_NCOLS ? search_rank_weight[ic] : 1;
  if (rc != SQLITE_OK || f == 0) return rc;
  return search_postings_push(p, (int)api->xRowid(fts), f) ? SQLITE_NOMEM : SQLITE_OK;
}

/* kehto_postings(table, sink): on the first row of a one-phrase query, every row of the phrase, ascending, with its
 * weighted count, into the bound sink (xQueryPhrase walks the doclist inside FTS5, without a trip through the SQL
 * engine per row); later rows do nothing. */
static void postings_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *cx, int nval,
                        sqlite3_value **val) {
  search_postings *sink = nval > 0 ? sqlite3_value_pointer(val[0], SEARCH_POSTINGS) : NULL;
  if (!sink || sink->done) return;
  sink->done = 1;
  int rc = api->xPhraseCount(fts) == 1 ? api->xQueryPhrase(fts, 0, sink, posting_row) : SQLITE_MISUSE;
  if (rc != SQLITE_OK) sqlite3_result_error_code(cx, rc);
}

int search_rank_register(fts5_api *api) {
  return api->xCreateFunction(api, "kehto_postings", NULL, postings_fn, NULL);
}
