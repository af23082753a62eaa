/* search_index: the facet columns of the published deeds kept in memory per
 * connection, for deed_search. */
#ifndef KEHTO_SEARCH_INDEX_H
#define KEHTO_SEARCH_INDEX_H
#include <stdint.h>

#include "core/arena.h"
#include "db/db.h"
#include "search/rank.h"

#define SEARCH_YEAR_MIN 2000 /* deed.year is CHECKed to 2000..2100 */
#define SEARCH_NYEARS 101

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
  uint16_t *doclen; /* [max_id + 1]: tokens in the deed's FTS row (0: unknown), for BM25 */
  float avgdl;      /* the mean of doclen over the published deeds */
  int ndocs;        /* published deeds */
  uint8_t *awarded; /* [max_id + 1]: 1 when the deed won an award or a mention in a published round */
  int *newest;      /* published deed ids, published_at DESC, id DESC */
  int nnewest;
  sidx_value *sectors, *regions, *themes; /* sectors by position; regions and themes in table order */
  int nsectors, nregions, nthemes;
} search_index;

/* Returns the index for d's current data, building it on first use and rebuilding it when what it holds has
 * changed: search_generation.n (bumped by writes to deed, deed_theme, theme, municipality, region, sector,
 * award_round and award_nomination, so writes to other tables cost nothing here) or a rollback on this connection. Call
 * inside a read transaction so the index and later queries see the same snapshot. Owned by d. Returns NULL with e set
 * when the database fails or deed ids are too large to index. (A search inside a savepoint that is then rolled back to
 * leaves the index stale: nothing searches inside a write.) */
const search_index *search_index_get(db *d, kerr *e);

/* Marks the start of a search: the postings it fetches from now on stay in the cache until the next
 * search_pin. */
void search_pin(db *d);

/* Bytes of postings kept per connection for later searches (least recently used dropped first). */
#define SEARCH_TERM_CACHE_BYTES (64u << 20)

/* The postings of one term (a MATCH expression of one quoted term, optionally a prefix: see search/expand.h), read
 * from FTS5 or deed_term once and kept on the connection until the data changes. Call after search_index_get in the
 * same read transaction. Owned by d: valid until the next search_pin. Returns NULL when the database fails. */
const search_postings *search_postings_get(db *d, const char *match);
/* (Its tf values are BM25's term part, f(k1 + 1) / (f + k1(1 - b + b·len/avgdl)) with the deed's length, not counts.)
 */

/* The index's vocabulary: every term with the number of deeds it is in, sorted by term (strcmp). */
typedef struct search_word {
  char *term;
  int df;
} search_word;
typedef struct search_vocab {
  search_word *w;
  int n;
} search_vocab;

/* The index's terms from lo to hi (both included, by bytes), ascending, with the number of deeds each is in, into
 * out (in arena a): FTS5's own list (fts5vocab) or deed_term's, read by range, never whole. Returns K_OK or K_ERR. */
int search_vocab_range(db *d, arena *a, const char *lo, const char *hi, search_vocab *out);

/* At least bytes of memory kept on the connection for a search's working arrays: zeroed when first given, and the
 * caller leaves it zeroed when done. Owned by d; valid until the next call. */
void *search_scratch(db *d, size_t bytes);

/* A slot for search/expand.c's own data built from the deeds (its spelling corrections): dropped with the index,
 * by calling fn. */
void *search_ext(db *d);
void search_set_ext(db *d, void *ext, void (*fn)(void *));

/* A slot for search/expand.c's data that does not come from the deeds (the compiled thesaurus, which it checks
 * against the thesaurus table itself): kept until the connection closes, then freed by calling fn. */
void *search_conn_ext(db *d);
void search_set_conn_ext(db *d, void *ext, void (*fn)(void *));

/* How many times the index has been built on d (for tests). */
long long search_index_builds(db *d);

/* Sets the word cache budget of d in bytes (tests use tiny ones); 0 restores SEARCH_TERM_CACHE_BYTES. */
void search_set_term_budget(db *d, size_t bytes);

#endif
