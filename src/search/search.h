/* search: finding published deeds by words and filters, with facet counts and marked snippets (web, API, CLI). */
#ifndef KEHTO_SEARCH_H
#define KEHTO_SEARCH_H
#include "core/buf.h"
#include "db/db.h"

/* Attaches search to a freshly opened connection: registers the FTS5 tokenizer "kehto" (search/fts.h) and the
 * ranking function kehto_rank. Checks first that Voikko's Finnish dictionary and the Snowball stemmer load.
 * Whoever opens the database passes it to db_open, which runs it before the migrations (they create FTS5 tables
 * that use the tokenizer). Returns K_OK, or K_ERR with e saying what is missing. */
int search_attach(db *d, kerr *e);

/* After deed_index has written deed id's text: on PostgreSQL, its terms for search (search/pgsearch.h); on SQLite
 * FTS5 has done that already. Returns K_OK or K_ERR. */
int search_reindex(db *d, long long id);

#define SEARCH_DEFAULT_LIMIT 20
#define SEARCH_MAX_LIMIT 1000

/* What to look for. Every field is optional (NULL, "" or 0 means "any"); filters combine with AND. */
typedef struct deed_filter {
  const char *q;      /* free user text; any characters are safe (see search_fts_query) */
  const char *sector; /* sector.code, e.g. "sote" */
  const char *region; /* region.code (NUTS3), e.g. "FI1B1" */
  int year;
  const char *theme; /* theme.name, case-insensitive */
  int awarded;       /* 1: only deeds with an award or honourable mention in a published round */
  const char *lang;  /* "fi" (default), "sv" or "en": language of sector, region and municipality names */
  int limit;         /* 1..1000; 0 means SEARCH_DEFAULT_LIMIT; larger values are clamped */
  int offset;        /* rows to skip, for paging; negative counts as 0 */
} deed_filter;

/* One found deed. All strings are in the arena passed to deed_search, never NULL ("" when absent). */
typedef struct deed_hit {
  long long id;
  char *ref, *title, *organisation, *municipality, *region, *sector, *sector_code;
  int year;
  char *snippet; /* HTML-safe: the text escaped, matched words wrapped in <mark>…</mark> */
  char *published_at;
  int awarded; /* 1 when the deed won an award or a mention in a published round */
} deed_hit;

/* One value of a facet and how many deeds have it, with every other filter applied (so the counts show the
 * alternatives to the current choice). key is what a filter takes (code, year, theme name), label is for people. */
typedef struct facet_count {
  char *key, *label;
  long long count;
} facet_count;

typedef struct deed_result {
  long long total; /* deeds matching q and all filters */
  deed_hit *hits;  /* with q: best first, see "Ranking" below; else newest (published_at, then id, descending) */
  int nhits;
  facet_count *sectors, *regions, *years, *themes; /* sectors in their fixed order, regions by name,
                                                       years newest first, themes most used first (at most 50) */
  int nsectors, nregions, nyears, nthemes;
  long long nawarded;     /* the "Palkittu" facet: deeds with an award or a mention, with every other filter applied */
  const char *corrected;  /* the query with its misspelt words corrected, when a correction was used ("Tarkoititko:
                             …"); else NULL */
  const char *translated; /* the Finnish translations of Swedish or English words searched for as well ("ateria"),
                             from FreeDict's dictionaries; else NULL */
  int broadened;          /* 1 when the query's words found nothing as they are and the deeds are those of the parts
                             of its compounds alone (hellepäivä: helle, päivä) */
} deed_result;

/* Ranking with q. Scores are kehto_rank (search/rank.h): BM25's term-frequency and length parts with column weights
 * title 10, body 1, organisation 3, municipality 3, every word counting alike (ties: lower id first). Ranking is
 * exact over all matches when at most SEARCH_RANK_WINDOW (3,000) deeds pass q and the filters. Above that, matches
 * are ranked in windows by id, newest first: the best of the 3,000 most recently added matches come first, then the
 * best of the 3,000 before those, and so on. So for a very broad query an older deed with a better score comes after
 * newer ones. total and the facet counts are always exact over all matches.
 *
 * Cost: each word's matches (read once from FTS5, then kept on the connection until a deed changes), their
 * intersection and one pass in C with the connection's facet index (model/search_index.h; rebuilt when a deed
 * changes, about 0.1 s at 100,000 deeds), kehto_rank over at most one window, and row reads and snippets for the
 * page only.
 *
 * Searches the published deeds. Fills *out (zeroed first), everything it points to in arena a (freed by the caller,
 * also on error).
 * Returns K_OK, or K_ERR with e set when the database fails; user text never causes an error. */
int deed_search(db *d, arena *a, const deed_filter *f, deed_result *out, kerr *e);

#define SEARCH_SUGGEST_MAX 10

/* Suggestions for the search box while a person types: the query text with its last word completed, from the words
 * of the published deeds (base forms, the most common first) and the thesaurus's labels (the interface language's
 * first for "sv" and "en", whose people type their own words). The last word must have at least 2 letters and the
 * text at most 200 bytes; else there are none. At most max (1..SEARCH_SUGGEST_MAX) strings into out, in arena a.
 * Returns how many, or -1 with e set when the database fails. */
int search_suggest(db *d, arena *a, const char *text, const char *lang, const char **out, int max, kerr *e);

/* Writes text as HTML: escaped, with \x02 and \x03 (FTS5 snippet marks) turned into <mark> and </mark> when
 * marks is 1. Marks always come out balanced and other control characters are dropped, so text that itself
 * contains the mark characters cannot produce anything but a balanced <mark>. */
void search_snippet_html(buf *out, const char *text, int marks);

#endif
