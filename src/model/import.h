/* import: bulk import of development deeds from a CSV file in one transaction (kehto import deeds). */
#ifndef KEHTO_IMPORT_H
#define KEHTO_IMPORT_H
#include <stddef.h>

#include "db/db.h"

/* What an import did. Filled on success; on failure rows says how far it got before the rollback. */
typedef struct import_stats {
  long rows;     /* deeds read and checked (header and wholly empty rows not counted); after a failure, the
                  * number of good rows before the bad one */
  long imported; /* deeds inserted and kept: rows on success, 0 after a failure */
  long linked;   /* rows whose organisation was found in the registry (org_id set) */
  int cp1252;    /* 1 when the file was read as Windows-1252 */
  long long ms;  /* wall time in milliseconds */
} import_stats;

/* Imports the deeds in the CSV file at path as published deeds, all rows or none (one transaction; must not be
 * called inside another transaction).
 *
 * Header (row 1): column names, case-insensitive. Required: title, organisation, municipality, sector, summary,
 * goal, actions, results, year. Optional: ref, ytunnus, starting_point, participants, themes, service,
 * contact_name, contact_email. Values that must not be empty: title, organisation, municipality, sector, goal,
 * results, year (goal and results because deed_validate requires them). A column with an empty header name is
 * ignored as long as every value under it is empty (Excel's trailing separators).
 *
 * Encoding: UTF-8 with or without BOM; a file that is not valid UTF-8 is read as Windows-1252 (out->cp1252 = 1),
 * unless most of its non-ASCII text is valid UTF-8: such a mixed file is refused, naming the row and column of the
 * first broken character, because reading it as Windows-1252 would garble every other ä and ö.
 *
 * progress: when non-zero, writes lines like "import: 40% (12000 rows)" to stderr at each new tenth of the file,
 * at most once a second, and a last line at 100%.
 *
 * Returns K_OK, or K_ERR with e->msg in English naming the file, the row (header = row 1, as a spreadsheet numbers
 * records), the column (e->field) and the problem; nothing is imported then. out may be NULL. */
int import_deeds(db *d, const char *path, int progress, import_stats *out, kerr *e);

/* As import_deeds, for CSV text held in memory (not modified); name is used in messages. */
int import_deeds_mem(db *d, const char *data, size_t len, const char *name, int progress, import_stats *out, kerr *e);

#endif
