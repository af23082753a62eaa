/* rank: BM25 for deed search: the column weights, the row lengths, and kehto_postings() (one word's rows with the
 * weighted count of its occurrences, collected inside FTS5). */
#ifndef KEHTO_RANK_H
#define KEHTO_RANK_H
#include <sqlite3.h>
#include <stdint.h>

#define RANK_K1 1.2 /* BM25's usual constants, as FTS5's bm25() */
#define RANK_B 0.75
/* Weights of deed_fts's columns: title, body, organisation, municipality. A word in the title counts ten times. */
#define RANK_NCOLS 4
extern const float search_rank_weight[RANK_NCOLS];

/* The total token count (capped at 65535) of an FTS5 docsize blob (table_docsize.sz: one varint per column). */
int search_rank_doc_length(const void *sz, int n);

/* One term's postings: the deeds it occurs in, ascending, and in each the sum of the column weights of its
 * occurrences (a word twice in the body and once in the title: 12). Arrays malloc'd, owned by whoever holds it. */
typedef struct search_postings {
  int *ids;
  float *tf;
  int n, cap;
  int done; /* set on the first call of kehto_postings */
} search_postings;

/* Appends (id, tf) to p (ids must come ascending). Returns 0, or -1 when out of memory. */
int search_postings_push(search_postings *p, int id, float tf);

/* Where kehto_postings(fts_table, sink) leaves every row of a one-phrase query with its weighted count: bind a zeroed
 * search_postings with sqlite3_bind_pointer and the type SEARCH_POSTINGS and run
 * SELECT kehto_postings(t, :sink) FROM t WHERE t MATCH :q LIMIT 1. More than one phrase is an error. */
#define SEARCH_POSTINGS "kehto_postings"

/* The BM25 score of one term in one row: idf · f(k1 + 1) / (f + k1(1 - b + b·len/avgdl)). */
static inline float search_bm25(float idf, float f, int len, float avgdl) {
  return idf * f * (float)(RANK_K1 + 1) / (f + (float)RANK_K1 * (float)(1 - RANK_B + RANK_B * (double)len / avgdl));
}

/* Registers kehto_postings with api. Returns SQLITE_OK or an SQLite error code. */
int search_rank_register(fts5_api *api);

#endif
