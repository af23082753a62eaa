/* export: downloads for Finnish Excel and for machines: one row writer over three formats (Excel CSV: ';', UTF-8
 * with BOM, decimal comma; plain comma CSV with decimal points; XLSX through libxlsxwriter), a workbook of several
 * sheets, and the statistics tables written through it (plus their JSON). */
#ifndef KEHTO_EXPORT_H
#define KEHTO_EXPORT_H
#include "core/buf.h"
#include "report/report.h"

/* Translates a Finnish msgid into lang (the web layer's i18n_get); the caller passes it so the report does not
 * depend on the web layer. NULL: the msgid as it is. */
typedef const char *(*report_tr)(const char *lang, const char *msgid);

/* The formats of a download. */
typedef enum {
  EXPORT_CSV,       /* for Finnish Excel: BOM, ';' between fields, decimal comma, the file's about rows on top */
  EXPORT_CSV_COMMA, /* for machines: no BOM, ',' and '.', just the header row and the data */
  EXPORT_XLSX,
} export_format;

/* The format named "csv", "csv-comma" or "xlsx" (NULL or "" is EXPORT_CSV); -1 for anything else. */
int export_format_of(const char *name);

/* What a file says about itself above its table (Excel CSV and XLSX; the comma CSV leaves it out). The strings are
 * already in the file's language; a NULL one is left out. */
typedef struct export_about {
  const char *title;
  const char *period_label, *period; /* "Kausi", "2015–2017" */
  const char *made_label, *made;     /* "Tehty", "6.12.2026" */
  const char *rule;                  /* the suppression rule (or why there is none) in words */
} export_about;

/* Today's date in Finnish time as Finnish people write it ("6.12.2026"), into out. */
void export_today(char out[16]);

/* The msgids an about block uses ("Kausi", "Tehty") and the suppression rule of a public (publ 1) or an
 * unsuppressed file (publ 0). */
#define EXPORT_PERIOD_LABEL N_("Kausi")
#define EXPORT_MADE_LABEL N_("Tehty")
const char *export_rule(int publ);

struct export_book;

/* One writer of rows: cells go left to right, export_row_end ends the row. For CSV it appends to b; for XLSX it
 * writes to a sheet of a book (export_book_sheet). */
typedef struct export_out {
  export_format fmt;
  buf *b;
  struct export_book *book;
  void *ws; /* lxw_worksheet */
  int row, col, bold;
} export_out;

/* Starts a CSV download of fmt (EXPORT_CSV or EXPORT_CSV_COMMA) into b: the BOM for Excel. */
void export_csv_begin(export_out *o, buf *b, export_format fmt);
/* A text cell (CSV: quoted per RFC 4180 when it holds the separator, a quote or a line break, and made
 * formula-safe; XLSX: a string, never a formula). NULL is an empty cell. */
void export_text(export_out *o, const char *s);
/* The same, translated: tr(lang, msgid). */
void export_tr(export_out *o, report_tr tr, const char *lang, const char *msgid);
/* A whole number (no thousands separator, so Excel reads it as a number). */
void export_int(export_out *o, long long v);
/* A number with decimals digits after the decimal comma (Excel CSV), point (comma CSV) or as an XLSX number. */
void export_dec(export_out *o, double v, int decimals);
/* A date from ISO text ("2026-12-06", or a stored time "2026-12-06T10:00:00Z", taken in Finnish time): 6.12.2026
 * in Excel CSV, ISO "2026-12-06" in the comma CSV, a date cell shown as 6.12.2026 in XLSX; "" is an empty cell. */
void export_date(export_out *o, const char *iso);
void export_blank(export_out *o);
void export_row_end(export_out *o);
/* Cells of the following rows are bold (XLSX) until export_bold(o, 0). */
void export_bold(export_out *o, int on);
/* The about rows and an empty row (not in the comma CSV). */
void export_about_rows(export_out *o, const export_about *a);

/* An XLSX workbook being written. */
typedef struct export_book {
  void *wb, *bold, *dec1, *date; /* lxw_workbook, lxw_format (bold, "0.0", "d.m.yyyy") */
  char path[64];                 /* a temporary file when written into memory */
  const char *name;              /* the file name in messages */
  int nsheets;
} export_book;

/* Opens a workbook at path, or in a temporary file when path is NULL (export_book_close then reads it into
 * memory). Returns K_OK, or K_ERR with e set. */
int export_book_open(export_book *bk, const char *path, kerr *e);
/* Adds a sheet named name (cut to Excel's 31 characters, []:*?/\ replaced, made unique) and points o at it. */
void export_book_sheet(export_book *bk, export_out *o, const char *name);
/* Finishes the workbook; a temporary one is read into out (which may be NULL for a file at a path). Returns K_OK,
 * or K_ERR with e set. */
int export_book_close(export_book *bk, buf *out, kerr *e);

/* The label of a row in lang. */
const char *report_row_label(const report_row *r, const char *lang, report_tr tr);

/* How a suppressed cell reads (static): "< 5" for SUP_SMALL, "•" for SUP_SECONDARY; NULL for SUP_SHOWN. */
const char *report_mark(int hidden);
/* The API's reason for a suppressed cell (static): "small" or "secondary"; NULL for SUP_SHOWN. */
const char *report_mark_reason(int hidden);
/* The footnote that explains a mark (a Finnish msgid). */
const char *report_mark_note(int hidden);

/* Writes table t through o: its header row, the rows and the total, numbers plain, suppressed cells "< 5" or "•";
 * the key figures get a column of progress towards the target in per cent with one decimal. Except in the comma
 * CSV, when the table has suppressed cells, an empty row and one footnote row per mark used follow. */
void report_write(export_out *o, const report_table *t, const char *lang, report_tr tr);
/* The tables t[0..n-1] as a download of fmt into out (for a file at path instead, XLSX only: out NULL). CSV: the
 * about rows (Excel CSV), then the tables, each after the first following an empty row and its title row (comma CSV:
 * a row "# name"). XLSX: a sheet per table named in lang (report_sheet_name), the about rows above each table.
 * Returns K_OK, or K_ERR with e set (XLSX could not be written). */
int report_download(buf *out, const char *path, export_format fmt, const report_table *t, int n,
                    const export_about *about, const char *lang, report_tr tr, kerr *e);
/* One table as a JSON object {"name","title","columns":[..],"rows":[..],"total":{..}}; a suppressed cell is null,
 * its column key is listed in the row's "suppressed" array and "suppressed_reason" maps it to "small" or
 * "secondary". */
void report_json(buf *b, const report_table *t, const char *lang, report_tr tr);

#endif
