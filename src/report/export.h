/* export: statistics tables written as CSV, JSON and XLSX (libxlsxwriter). */
#ifndef KEHTO_EXPORT_H
#define KEHTO_EXPORT_H
#include "core/buf.h"
#include "report/report.h"

/* Translates a Finnish msgid into lang (the web layer's i18n_get); the caller passes it so the report does not
 * depend on the web layer. */
typedef const char *(*report_tr)(const char *lang, const char *msgid);

/* The label of a row in lang. */
const char *report_row_label(const report_row *r, const char *lang, report_tr tr);

/* How a suppressed cell reads (static): "< 5" for SUP_SMALL, "•" for SUP_SECONDARY; NULL for SUP_SHOWN. */
const char *report_mark(int hidden);
/* The API's reason for a suppressed cell (static): "small" or "secondary"; NULL for SUP_SHOWN. */
const char *report_mark_reason(int hidden);
/* The footnote that explains a mark (a Finnish msgid). */
const char *report_mark_note(int hidden);

/* One table as CSV: a header row, the rows, the total; numbers plain, suppressed cells "< 5" or "•", then, when
 * the table has suppressed cells, an empty line and one footnote line per mark used; every text cell through the
 * formula-safe CSV escape. */
void report_csv(buf *b, const report_table *t, const char *lang, report_tr tr);
/* One table as a JSON object {"name","title","columns":[..],"rows":[..],"total":{..}}; a suppressed cell is null,
 * its column key is listed in the row's "suppressed" array and "suppressed_reason" maps it to "small" or
 * "secondary". */
void report_json(buf *b, const report_table *t, const char *lang, report_tr tr);
/* Writes the tables as an XLSX workbook at path, one sheet per table; text cells are strings, never formulas.
 * Returns K_OK, or K_ERR with e set. */
int report_xlsx_file(const char *path, const report_table *t, int n, const char *lang, report_tr tr, kerr *e);
/* The same into memory (through a temporary file): returns K_OK and fills out, or K_ERR with e set. */
int report_xlsx_buf(buf *out, const report_table *t, int n, const char *lang, report_tr tr, kerr *e);

#endif
