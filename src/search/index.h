/* search_index: the facet columns of the published deeds kept in memory per
 * connection, for deed_search. */
#ifndef KEHTO_SEARCH_INDEX_H
#define KEHTO_SEARCH_INDEX_H
#include <stdint.h>

#include "db/db.h"

#define SEARCH_YEAR_MIN 2000 /* deed.year is CHECKed to 2000..2100 */
#define SEARCH_NYEARS 101
#define SEARCH_RANK_WINDOW 3000 /* default number of matches ranked by bm25 at a time (see search.h) */

/* A value of a facet: the key filters take and its labels in Finnish, Swedish
 * and English. */
typedef struct sidx_value {
  char *key, *label[3];
} sidx_value;

/* Arrays indexed by deed id (1..max_id); an id that is not a published deed has
 * sector 0. Owned by the connection's slot; valid until the next
 * search_index_get on the same connection. */
typedef struct search_index {
  int max_id;
  uint8_t *sector;  /* 0: not a published deed, else 1 + index into sectors */
  uint16_t *region; /* 0: no municipality, else 1 + index into regions */
  uint8_t *year;    /* year - SEARCH_YEAR_MIN */
  uint32_t *toff;   /* [max_id + 2]: themes of deed i are theme[toff[i] .. toff[i+1]) */
  uint16_t *theme;  /* index into themes */
  uint16_t *doclen; /* [max_id + 1]: tokens in the deed's FTS row (0: unknown), for kehto_rank */
  uint8_t *awarded; /* [max_id + 1]: 1 when the deed won an award or a mention in a published round */
  int *newest;      /* published deed ids, published_at DESC, id DESC */
  int nnewest;
  sidx_value *sectors, *regions, *themes; /* sectors by position; regions and themes in table order */
  int nsectors, nregions, nthemes;
} search_index;

/* Returns the index for d's current data, building it on first use and rebuilding it when what it holds has
 * changed: search_generation.n (bumped by writes to deed, deed_theme, theme, municipality, region, sector,
 * award_round and award_nomination, so writes to other tables cost nothing here) or a rollback on this connection. Call inside a read transaction so the
 * index and later queries see the same snapshot. Owned by d. Returns NULL with e set when the database fails or deed
 * ids are too large to index. (A search inside a savepoint that is then rolled back to leaves the index stale:
 * nothing searches inside a write.) */
const search_index *search_index_get(db *d, kerr *e);

/* Sets how many matches deed_search ranks by bm25 at a time on this connection
 * (tests use small values); n <= 0 restores SEARCH_RANK_WINDOW. */
void search_set_rank_window(db *d, int n);
/* The current rank window of d. */
int search_rank_window(db *d);

/* Registers search_in(rowid, set) on the connection (done by search_index_get):
 * 1 when rowid is in the sorted id set bound with search_bind_set, else 0. Lets
 * one SQL statement see only chosen FTS rows. */
typedef struct search_set {
  const int *ids; /* ascending */
  int n;
} search_set;
/* Binds set (not copied: it must outlive the statement's steps) to parameter
 * name of st. */
void search_bind_set(db_stmt *st, const char *name, const search_set *set);

/* Bytes of word matches kept per connection for later searches (least recently used dropped first). */
#define SEARCH_TERM_CACHE_BYTES (8u << 20)

/* The ids of every deed_fts row matching all of terms[0..nterms) (single-word MATCH expressions, as
 * search_fts_terms writes them), ascending, into *ids (malloc'd; the caller frees it). Each word's matches are read
 * once from FTS5 and kept on the connection until the data changes (with the facet index), so a word searched
 * again costs a walk over memory, not over its doclist. Call after search_index_get in the same read transaction.
 * Returns K_OK, or K_ERR when the database fails. */
int search_match(db *d, char **terms, int nterms, int **ids, int *n);

/* How many times the index has been built on d (for tests). */
long long search_index_builds(db *d);

/* Sets the word cache budget of d in bytes (tests use tiny ones); 0 restores SEARCH_TERM_CACHE_BYTES. */
void search_set_term_budget(db *d, size_t bytes);

#endif
