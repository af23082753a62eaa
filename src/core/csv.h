/* csv: a CSV reader for files from people: comma or semicolon, UTF-8 with or without BOM, or Windows-1252. */
#ifndef KEHTO_CSV_H
#define KEHTO_CSV_H
#include <stddef.h>

#include "core/util.h"

typedef struct csv csv;

/* Opens CSV text held in memory (copied). Detects a UTF-8 BOM, converts Windows-1252 (text that is not valid
 * UTF-8) to UTF-8, and picks the delimiter (';' or ',') from the first record. name is used in messages.
 * Returns NULL and sets e when the text is empty. Free with csv_close. */
csv *csv_open_mem(const char *data, size_t len, const char *name, kerr *e);
/* Reads a whole file and opens it as above. Returns NULL and sets e if it cannot be read or is empty. */
csv *csv_open_file(const char *path, kerr *e);
void csv_close(csv *c);

/* Reads the next record. Returns 1 for a record, 0 at the end, -1 with e set for malformed input
 * (an unterminated quote, a stray quote inside an unquoted field). Blank lines are skipped. */
int csv_next(csv *c, kerr *e);
int csv_nfields(const csv *c);
/* Field i of the current record (trimmed of surrounding white space), or NULL past the end. Valid until csv_next. */
const char *csv_field(const csv *c, int i);
/* Record number of the current record, counting the header as 1, as a spreadsheet numbers rows. */
long csv_row(const csv *c);
char csv_delimiter(const csv *c);
/* 1 if the input was converted from Windows-1252. */
int csv_was_cp1252(const csv *c);
const char *csv_name(const csv *c);
/* Bytes consumed so far and total, for progress. */
size_t csv_offset(const csv *c);
size_t csv_size(const csv *c);

#endif
