/* fts: the FTS5 tokenizer "kehto" (Voikko lemmas and compound parts, Snowball fallback) and query building. */
#ifndef KEHTO_FTS_H
#define KEHTO_FTS_H
#include <sqlite3.h>

#include "core/buf.h"
#include "core/util.h"

/* The tokenizer "kehto" is registered on a connection by search_attach (search.h).
 * Each FTS5 table on each connection gets its own tokenizer instance (Voikko handles are not thread-safe).
 * Documents: every distinct lemma of a word and the base forms of its compound parts, colocated at the word's
 * position. Queries: the lemmas only. Words Voikko does not know: Snowball stem and the lowercase form, both
 * sides. Words with digits: themselves. */

/* Turns free user text into a safe FTS5 MATCH expression: every word becomes a quoted term (FTS5 syntax and
 * punctuation in the input have no effect), terms are ANDed, at most 32; the capitalised operator words AND, OR, NOT
 * are left out. A word followed directly by '*' (3+ bytes) becomes a prefix query on base forms ("hyvinv*"). Writes
 * nothing when the text has no words; returns the number of terms. */
int search_fts_query(buf *out, const char *user_text);

/* The terms of search_fts_query one by one: terms[i] is the MATCH expression of word i alone (malloc'd; the caller
 * frees each). At most max (and at most 32). Returns how many; the AND of them is what search_fts_query writes. */
int search_fts_terms(const char *user_text, char **terms, int max);

#endif
