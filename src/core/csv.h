/* csv: a streaming CSV reader for files from people: comma or semicolon, UTF-8 with or without BOM, or Windows-1252. */
#ifndef KEHTO_CSV_H
#define KEHTO_CSV_H
#include <stddef.h>
#include <stdio.h>

#include "core/util.h"

typedef struct csv csv;

#define CSV_CHUNK 65536        /* bytes read at a time */
#define CSV_MAX_ROW (1u << 20) /* longest record, in bytes: a longer one is an error, so memory stays bounded */

/* How a reader reads; zero fields take the defaults above. */
typedef struct csv_opts {
  size_t chunk;   /* tests use a few bytes, so that records, quotes, CRLF, the BOM and characters cross chunks */
  size_t max_row; /* bytes of one record as UTF-8 (fields plus one byte each) */
} csv_opts;

/* Opens the CSV text read from f (from its current position; not closed by csv_close), holding at most a chunk and
 * one record in memory. A first pass over the input decides the encoding and the delimiter; input that cannot seek
 * (a pipe) is copied to a temporary file for that. Encoding: a UTF-8 BOM declares UTF-8; otherwise valid UTF-8 is
 * UTF-8, text whose non-ASCII bytes are mostly not UTF-8 is Windows-1252 and converted, and text that is mostly UTF-8
 * stays UTF-8. In a UTF-8 file bytes that are not valid UTF-8 read as U+FFFD and mark their field (csv_bad_field).
 * The delimiter (';' or ',') is the commoner one outside quotes on the first non-empty line. name is used in
 * messages. Returns NULL and sets e when the input is empty, cannot be read, or is not CSV text (NUL bytes, UTF-16,
 * an Excel workbook: the message says how to save it as CSV). o may be NULL. Free with csv_close. */
csv *csv_open_stream(FILE *f, const char *name, const csv_opts *o, kerr *e);
/* As csv_open_stream, over CSV text in memory; data is not copied and must stay valid until csv_close. */
csv *csv_open_mem(const char *data, size_t len, const char *name, kerr *e);
/* As csv_open_stream, over the file at path (name in messages: path). */
csv *csv_open_file(const char *path, kerr *e);
void csv_close(csv *c);

/* Records that come already split into fields, from a producer such as a spreadsheet reader (import/xlsx.c): next
 * is called by csv_next and fills the record with csv_record_begin and csv_record_field, returning 1 for a record,
 * 0 at the end, or -1 with e set; done (may be NULL) frees ctx at csv_close. size is the input's size for progress
 * (csv_record_begin gives the offset). Fields are trimmed as CSV fields are; the other csv_ calls work as for CSV
 * text (no BOM, not Windows-1252). Returns the reader (never NULL); free with csv_close. */
typedef int (*csv_source_fn)(void *ctx, csv *c, kerr *e);
csv *csv_open_source(const char *name, size_t size, csv_source_fn next, void (*done)(void *ctx), void *ctx);
/* Starts a record numbered row (rows between the last one and this one were empty), read up to offset. */
void csv_record_begin(csv *c, long row, size_t offset);
/* Appends a field of n bytes of UTF-8; returns K_OK, or K_ERR with e naming the file and row when the record has
 * grown past the longest a record may be (CSV_MAX_ROW). */
int csv_record_field(csv *c, const char *s, size_t n, kerr *e);

/* Reads the next record. Returns 1 for a record, 0 at the end, -1 with e set for malformed input (an unterminated
 * quote, a stray quote inside an unquoted field, a record longer than the limit, a NUL byte, a read error); the
 * reader is not to be used after -1. Blank lines are skipped. */
int csv_next(csv *c, kerr *e);
int csv_nfields(const csv *c);
/* Field i of the current record (trimmed of surrounding white space), or NULL past the end. Valid until csv_next. */
const char *csv_field(const csv *c, int i);
/* Position of the first field of the current record that had bytes which are not valid UTF-8 in a file read as
 * UTF-8, or -1. The caller decides; an importer refuses such a record (see csv_bom for which message fits). */
int csv_bad_field(const csv *c);
/* Record number of the current record, counting the header as 1, as a spreadsheet numbers rows. */
long csv_row(const csv *c);
char csv_delimiter(const csv *c);
/* 1 if the input is converted from Windows-1252. */
int csv_was_cp1252(const csv *c);
/* 1 if the input starts with a UTF-8 byte order mark. */
int csv_bom(const csv *c);
const char *csv_name(const csv *c);
/* Bytes of input read so far (to within a chunk) and in all, for progress. */
size_t csv_offset(const csv *c);
size_t csv_size(const csv *c);

#endif
