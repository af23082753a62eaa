/* pgsearch: search's index on PostgreSQL, where there is no FTS5. The same tokenizer (search/morph.h) turns each
 * published deed's text (deed_fts, written by deed_index as on SQLite) into terms with their positions (deed_term);
 * matching, kehto_rank's score and the snippet are computed here in C from them, as FTS5 and search/rank.c compute
 * them on SQLite, so that a search finds the same deeds in the same order on either engine. */
#ifndef KEHTO_PGSEARCH_H
#define KEHTO_PGSEARCH_H
#include "core/buf.h"
#include "db/db.h"
#include "search/rank.h"

/* Rebuilds deed id's terms from its deed_fts row (none when the row is gone). Returns K_OK or K_ERR. */
int pgs_index_deed(db *d, long long id);

/* The ids of every deed matching one word's MATCH expression (as search_fts_terms writes it), ascending, into
 * sink->ids (malloc'd). Returns K_OK or K_ERR. */
int pgs_match(db *d, const char *match, search_match_ids *sink);

/* kehto_rank's score (lower is better) of each deed ids[0..n) for the words terms[0..nterms), into score[]. */
int pgs_rank(db *d, char *const *terms, int nterms, const int *ids, int n, const double *weight, double *score);

/* FTS5's snippet(deed_fts, 1, "\x02", "\x03", "…", 24) of deed id for the words: the 24 tokens of the body with the
 * most matches, matched tokens between \x02 and \x03. Appends to out; returns K_OK or K_ERR. */
int pgs_snippet(db *d, char *const *terms, int nterms, long long id, buf *out);

#endif
