/* fts: the FTS5 tokenizer "kehto" (Voikko lemmas and compound parts, Snowball fallback) and query building. */
#ifndef KEHTO_FTS_H
#define KEHTO_FTS_H
#include <sqlite3.h>

#include "core/buf.h"

/* Registers the tokenizer "kehto" on the connection. Returns SQLITE_OK or an error code. */
int search_fts_register(sqlite3 *h);

/* Turns free user text into a safe FTS5 MATCH expression: every word becomes a quoted term (FTS5 syntax in the
 * input has no effect), terms are ANDed. Writes nothing when the text has no words; returns the number of terms. */
int search_fts_query(buf *out, const char *user_text);

#endif
