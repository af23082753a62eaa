/* pgsearch: search's index on PostgreSQL, where there is no FTS5. The same tokenizer (search/morph.h) turns each
 * published deed's text (deed_fts, written by deed_index as on SQLite) into terms with their positions (deed_term);
 * each term's postings and the snippet are computed here in C from them, as FTS5 and search/rank.c compute
 * them on SQLite, so that a search finds the same deeds in the same order on either engine. */
#ifndef KEHTO_PGSEARCH_H
#define KEHTO_PGSEARCH_H
#include "core/buf.h"
#include "db/db.h"
#include "search/rank.h"

/* Rebuilds deed id's terms from its deed_fts row (none when the row is gone). Returns K_OK or K_ERR. */
int pgs_index_deed(db *d, long long id);

/* Rebuilds every deed's terms when a migration has asked for it (the setting search.reindex: the tokenizer changed),
 * once, under a lock so that servers starting together do it once. Returns K_OK or K_ERR. */
int pgs_reindex_if_asked(db *d);

/* One term's postings (a MATCH expression of search/expand.h: "\x01term" or "\x01term" *) from deed_term, as
 * kehto_postings gives them on SQLite (the weighted count per deed; for a prefix, the sum over its terms). Appends
 * to sink; returns K_OK or K_ERR. */
int pgs_postings(db *d, const char *match, search_postings *sink);

/* FTS5's snippet(deed_fts, 1, "\x02", "\x03", "…", 24) of deed id for the words: the 24 tokens of the body with the
 * most matches, matched tokens between \x02 and \x03. Appends to out; returns K_OK or K_ERR. */
int pgs_snippet(db *d, char *const *terms, int nterms, long long id, buf *out);

#endif
