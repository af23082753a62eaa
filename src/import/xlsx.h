/* xlsx: reads the first sheet of an Excel workbook (.xlsx, as Excel and LibreOffice save it) as records for the
 * importer, so a workbook is imported by the same code and with the same messages as a CSV file. */
#ifndef KEHTO_XLSX_H
#define KEHTO_XLSX_H
#include <stddef.h>

#include "core/csv.h"

/* Limits on what a workbook may hold. Sizes are of the parts uncompressed, so a small file that would unpack to
 * gigabytes (a zip bomb) is refused before it is read, and again while it is read (a ZIP's sizes can lie). */
#define XLSX_MAX_SHEET (256u << 20)  /* the sheet's XML: about half a million rows of a participants file */
#define XLSX_MAX_STRINGS (64u << 20) /* the shared strings' XML */
#define XLSX_MAX_PART (8u << 20)     /* the workbook, its relationships and the styles */
#define XLSX_MAX_COLS 16384          /* columns A … XFD, as in Excel */
#define XLSX_MAX_ROWS 1048576        /* rows, as in Excel */

/* Initialises the XML parser; a program with threads calls it once before they start (the CLI need not). */
void xlsx_init(void);

/* 1 when the len bytes at data start as a ZIP archive does ("PK\3\4"), as every .xlsx file does. */
int xlsx_is_zip(const char *data, size_t len);

/* Opens the first sheet of the workbook held in memory (data is not copied and must stay valid until csv_close) as
 * a reader whose records are the sheet's rows: the header row first, cells placed by their address (r="C5") with
 * gaps as empty fields, empty rows skipped but counted (csv_row is the sheet's row number). Values: shared and
 * inline strings (rich text runs joined), numbers as written without a needless ".0", booleans TRUE/FALSE, dates
 * (a number whose cell format is a date) as YYYY-MM-DD in the 1900 or 1904 date system, formulas by their result.
 * The sheet is read as a stream, so memory is the shared strings and one row whatever the number of rows. name is
 * used in messages. Returns NULL and sets e (naming the file and what is wrong: not an Excel workbook, a part too
 * large, malformed XML, a cell beyond the limits) on failure; errors found while reading come from csv_next. */
csv *xlsx_open_mem(const char *data, size_t len, const char *name, kerr *e);
/* As xlsx_open_mem, for the file at path (name in messages: path). */
csv *xlsx_open_file(const char *path, kerr *e);

/* The date of serial number serial (days, a fraction of a day ignored) in the 1900 date system (with Lotus 1-2-3's
 * 29 February 1900, serial 60) or, with date1904, in the 1904 system, written as YYYY-MM-DD into out (11 bytes).
 * Returns 0 (out untouched) when serial is below 1 or past 31 December 9999. */
int xlsx_date(double serial, int date1904, char out[11]);

/* 1 when the number format formatCode shows a date (days, months or years, not only a time of day). */
int xlsx_format_is_date(const char *code);

#endif
