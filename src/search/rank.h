/* rank: FTS5 auxiliary functions: kehto_rank() (BM25 term frequency and length, column weights, no IDF) and
 * kehto_match_ids() (every match of a query, collected inside FTS5). */
#ifndef KEHTO_RANK_H
#define KEHTO_RANK_H
#include <sqlite3.h>
#include <stdint.h>

/* Row lengths in tokens by rowid, for kehto_rank's second argument (bound with sqlite3_bind_pointer and the type
 * SEARCH_RANK_LENGTHS; NULL or a 0 entry: the row's length is read from FTS5, which is slower). */
#define SEARCH_RANK_LENGTHS "kehto_rank_lengths"
typedef struct search_rank_lengths {
  const uint16_t *len; /* [n], indexed by rowid */
  int n;
} search_rank_lengths;

/* The total token count (capped at 65535) of an FTS5 docsize blob (table_docsize.sz: one varint per column). */
int search_rank_doc_length(const void *sz, int n);

/* Registers kehto_rank(fts_table, lengths, weight of column 0, weight of column 1, ...) with api. Lower is better, as
 * with bm25(): ORDER BY kehto_rank(...) lists the best first. Costs only the row's own position lists: no pass over the
 * query terms' doclists. Returns SQLITE_OK or an SQLite error code. */
int search_rank_register(fts5_api *api);

/* kehto_rank_set(fts_table, set): SELECT kehto_rank_set(t, :set) FROM t WHERE t MATCH :q LIMIT 1 fills
 * set->score[i] with kehto_rank's score of row set->ids[i] (lower is better), walking each phrase's doclist once
 * inside FTS5 and stopping after the last chosen row: cheaper than a range scan when the chosen rows are few among
 * many matches. Every chosen row must match the query. The caller owns every array. */
#define SEARCH_RANK_SET "kehto_rank_set"
#define SEARCH_RANK_MAX_COLS 16
typedef struct search_rank_set {
  const int *ids; /* [n], ascending */
  int n;
  double *score; /* [n], written */
  const search_rank_lengths *lens;
  double weight[SEARCH_RANK_MAX_COLS]; /* column weights; columns beyond the table's are ignored */
  int done;
} search_rank_set;

/* Where kehto_match_ids(fts_table, sink) leaves the rowids of every row the query matches, ascending: bind a zeroed
 * struct with sqlite3_bind_pointer and the type SEARCH_MATCH_IDS and run
 * SELECT kehto_match_ids(t, :sink) FROM t WHERE t MATCH :q LIMIT 1. The MATCH must be one word (one phrase, as
 * search_fts_terms writes each); more is an error. No row: the function is not called and the sink stays empty. ids is
 * malloc'd: the caller frees it. */
#define SEARCH_MATCH_IDS "kehto_match_ids"
typedef struct search_match_ids {
  int *ids;
  int n, cap;
  int done; /* set on the first call */
} search_match_ids;

#endif
