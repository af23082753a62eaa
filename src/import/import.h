/* import: bulk import from CSV files in one transaction: deeds, participants and attendance (kehto import …). */
#ifndef KEHTO_IMPORT_H
#define KEHTO_IMPORT_H
#include <stddef.h>

#include "core/csv.h"
#include "db/db.h"

/* Opens the file of len bytes at data (not copied; valid until csv_close) for reading: an Excel workbook's first
 * sheet when it is one by its content (import/xlsx.h), else CSV text (core/csv.h). name is used in messages. The
 * importers below read files this way; the upload page reads the first rows with it. NULL with e set on failure. */
csv *import_open_mem(const char *data, size_t len, const char *name, kerr *e);

/* What an import did. Filled on success; on failure rows says how far it got before the rollback. */
typedef struct import_stats {
  long rows;     /* deeds read and checked (header and wholly empty rows not counted); after a failure, the
                  * number of good rows before the bad one */
  long imported; /* deeds inserted and kept: rows on success, 0 after a failure */
  long linked;   /* deeds: rows whose organisation was found in the registry (org_id set); participants: people
                  * created (not found by email) */
  long bad;      /* rows with a problem (after a failure; at most MAX_ROW_ERRORS of them are in the message) */
  int cp1252;    /* 1 when the file was read as Windows-1252 */
  long long ms;  /* wall time in milliseconds */
} import_stats;

/* Imports the deeds in the CSV file or Excel workbook (.xlsx: its first sheet, told by the content) at path as
 * published deeds, all rows or none (one transaction; must not be called inside another transaction).
 *
 * Header (row 1): column names, case-insensitive. Required: title, organisation, municipality, sector, summary,
 * goal, actions, results, year. Optional: ref, ytunnus, starting_point, participants, themes, service,
 * contact_name, contact_email. Values that must not be empty: title, organisation, municipality, sector, goal,
 * results, year (goal and results because deed_validate requires them). A column with an empty header name is
 * ignored as long as every value under it is empty (Excel's trailing separators).
 *
 * Encoding: UTF-8 with or without BOM; a file that is not valid UTF-8 is read as Windows-1252 (out->cp1252 = 1),
 * unless it starts with a UTF-8 BOM or most of its non-ASCII text is valid UTF-8: then each row with broken bytes is
 * an error naming its row and column, because reading it as Windows-1252 would garble every other ä and ö. UTF-16,
 * NUL bytes, workbooks and empty files are refused with a message saying what the file is (csv.h).
 *
 * Memory: the file is read as a stream (csv.h), one row of at most 1 MB at a time; keys that must be unique in the
 * file take 12 bytes a row. Unknown header columns: the first 20 are named and the rest counted; each row's message
 * is cut to 2 KB.
 *
 * progress: when non-zero, writes lines like "import: 40% (12000 rows)" to stderr at each new tenth of the file,
 * at most once a second, and a last line at 100%.
 *
 * Returns K_OK, or K_ERR with e->msg in English naming the file, the row (header = row 1, as a spreadsheet numbers
 * records), the column (e->field) and the problem; nothing is imported then. out may be NULL. */
int import_deeds(db *d, const char *path, int progress, import_stats *out, kerr *e);

/* As import_deeds, for CSV text held in memory (not modified); name is used in messages. */
int import_deeds_mem(db *d, const char *data, size_t len, const char *name, int progress, import_stats *out, kerr *e);

/* Imports participants (people, their participations in deliveries and ESF start/end records) from the CSV file
 * at path, all rows or none, with the same CSV rules, encodings, progress and row messages as import_deeds.
 *
 * Columns: delivery (ref or number id), email, name, organisation (Y-tunnus or exact registry name), role
 * (johto|esihenkilo|tyontekija|edustaja or the Finnish words) are required in the header; delivery, email and role
 * need a value, name when the person is new. Optional: occupation, sector, and the ESF items entry_date,
 * birth_date, gender, labour_status, education, exit_date, exit_status (dates 22.11.2026 or 2026-11-22; sensitive
 * items accept eos / "En halua vastata"). The ESF items are required when the delivery's service counts
 * participants and the person has no start record in the delivery's funding period; they must be empty for
 * attendee services, and when the person already has a start record in the period they must be empty or the
 * same (an end record may be added to an identical start record). A person is found by email (any case); the
 * row updates name, organisation, occupation and sector when given. Each stored row writes an audit row (actor,
 * create/update, person:ID) and the import one more (import, import:participants). */
int import_participants(db *d, const char *path, const char *actor, int progress, import_stats *out, kerr *e);
int import_participants_mem(db *d, const char *data, size_t len, const char *name, const char *actor, int progress,
                            import_stats *out, kerr *e);

/* Imports attendance: columns delivery, session (its number within the delivery), email. The person must already
 * take part in the delivery. Errors: unknown delivery, unknown session, unknown participant, duplicate attendance
 * (twice in the file or already recorded). All rows or none; one audit row (import, import:attendance). */
int import_attendance(db *d, const char *path, const char *actor, int progress, import_stats *out, kerr *e);
int import_attendance_mem(db *d, const char *data, size_t len, const char *name, const char *actor, int progress,
                          import_stats *out, kerr *e);

/* Imports cost lines into the ledger (the cost table) from the CSV file or workbook at path, all rows or none, with the
 * same CSV rules, encodings, progress and row messages as import_deeds. Columns: date, category, amount are required
 * (with values); account, description, voucher are optional. date: 31.3.2019 or 2019-03-31, inside a funding period
 * (the period is found from it). category: henkilosto|ostopalvelut|matkat|muut or the Finnish name (any case).
 * amount: euros, negative for a credit, at most two decimals, groups of digits may be separated by spaces or no-break
 * spaces; a semicolon file takes a decimal comma (1 234,50), a comma file a decimal point (1234.50) or a quoted
 * comma ("1234,50"); a workbook either. One audit row (import, import:costs). */
int import_costs(db *d, const char *path, const char *actor, int progress, import_stats *out, kerr *e);
int import_costs_mem(db *d, const char *data, size_t len, const char *name, const char *actor, int progress,
                     import_stats *out, kerr *e);

/* One bad row of a checked file, as import_check_mem reports it: its row (as a spreadsheet numbers it), its column
 * (the header's name; NULL when the problem is the row's, not one column's) and what is wrong (English, without the
 * "FILE, row N, column C: " that the whole message starts with). The strings are valid during the call only. */
typedef void (*import_problem_fn)(void *ctx, long row, const char *column, const char *what);

/* A dry run: checks the CSV text or workbook as the _mem function for kind ("deeds", "participants", "attendance" or
 * "costs"; another kind is a bug) would, storing every row inside the transaction, and then rolls the transaction back,
 * so nothing is kept. Returns K_OK when the import would succeed (out->rows says how many rows, out->imported is 0),
 * else K_ERR with the message the import would give; problem (may be NULL) is called for each of the first bad rows
 * that the message lists, out->bad counts them all. Audit rows name the actor "check" and are rolled back too. */
int import_check_mem(db *d, const char *kind, const char *data, size_t len, const char *name, import_problem_fn problem,
                     void *ctx, import_stats *out, kerr *e);

/* The number of rows import_check_mem reports one by one (through problem and in the message); more are counted. */
#define IMPORT_MAX_ROW_ERRORS 20

#endif
