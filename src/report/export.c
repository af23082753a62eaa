/* export: statistics tables as CSV, JSON and XLSX. */
#include "report/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#define MARK_SMALL "< 5"   /* the true value is 1..4 */
#define MARK_SECONDARY "•" /* hidden so that a small number cannot be worked out by subtraction */

static const char *tr_or_same(report_tr tr, const char *lang, const char *msgid) {
  return tr ? tr(lang, msgid) : msgid;
}

const char *report_mark(int hidden) {
  return hidden == SUP_SECONDARY ? MARK_SECONDARY : hidden ? MARK_SMALL : NULL;
}

const char *report_mark_reason(int hidden) {
  return hidden == SUP_SECONDARY ? "secondary" : hidden ? "small" : NULL;
}

const char *report_mark_note(int hidden) {
  return hidden == SUP_SECONDARY ? N_("• salattu, jotta pieni luku ei paljastu vähentämällä") : N_("< 5: luku on 1–4");
}

/* Which marks t uses: bit SUP_SMALL, bit SUP_SECONDARY. */
static int marks_used(const report_table *t) {
  int used = 0;
  for (int i = 0; i <= t->nrows; i++) {
    const report_row *r = i < t->nrows ? &t->rows[i] : &t->total;
    if (i == t->nrows && !t->has_total) break;
    for (int c = 0; c < t->ncols; c++) used |= r->hidden[c] ? 1 << r->hidden[c] : 0;
  }
  return used;
}

const char *report_row_label(const report_row *r, const char *lang, report_tr tr) {
  int j = strcmp(lang, "sv") == 0 ? 1 : strcmp(lang, "en") == 0 ? 2 : 0;
  if (r->label[1] || r->label[2]) return r->label[j] ? r->label[j] : r->label[0];
  return tr_or_same(tr, lang, r->label[0]);
}

static void csv_row(buf *b, const report_table *t, const report_row *r, const char *lang, report_tr tr) {
  buf_printf(b, "%C", report_row_label(r, lang, tr));
  for (int c = 0; c < t->ncols; c++) {
    if (r->hidden[c])
      buf_printf(b, ",%C", report_mark(r->hidden[c]));
    else if (t->col[c] == RC_TARGET && r->v[c] < 0)
      buf_puts(b, ",");
    else
      buf_printf(b, ",%lld", r->v[c]);
  }
  buf_puts(b, "\r\n");
}

void report_csv(buf *b, const report_table *t, const char *lang, report_tr tr) {
  buf_printf(b, "%C", tr_or_same(tr, lang, report_row_head(t)));
  for (int c = 0; c < t->ncols; c++) buf_printf(b, ",%C", tr_or_same(tr, lang, report_col_title(t->col[c])));
  buf_puts(b, "\r\n");
  for (int i = 0; i < t->nrows; i++) csv_row(b, t, &t->rows[i], lang, tr);
  if (t->has_total) csv_row(b, t, &t->total, lang, tr);
  /* the marks explained under the table, as statistical tables do */
  int used = marks_used(t);
  if (used) buf_puts(b, "\r\n");
  for (int m = SUP_SMALL; m <= SUP_SECONDARY; m++)
    if (used & 1 << m) buf_printf(b, "%C\r\n", tr_or_same(tr, lang, report_mark_note(m)));
}

static void json_row(buf *b, const report_table *t, const report_row *r, const char *lang, report_tr tr) {
  buf_printf(b, "{\"code\":%J,\"name\":%J", r->code, report_row_label(r, lang, tr));
  for (int c = 0; c < t->ncols; c++) {
    if (r->hidden[c] || (t->col[c] == RC_TARGET && r->v[c] < 0))
      buf_printf(b, ",\"%r\":null", report_col_key(t->col[c]));
    else
      buf_printf(b, ",\"%r\":%lld", report_col_key(t->col[c]), r->v[c]);
  }
  buf_puts(b, ",\"suppressed\":[");
  for (int c = 0, k = 0; c < t->ncols; c++)
    if (r->hidden[c]) buf_printf(b, "%r\"%r\"", k++ ? "," : "", report_col_key(t->col[c]));
  buf_puts(b, "],\"suppressed_reason\":{");
  for (int c = 0, k = 0; c < t->ncols; c++)
    if (r->hidden[c])
      buf_printf(b, "%r\"%r\":\"%r\"", k++ ? "," : "", report_col_key(t->col[c]), report_mark_reason(r->hidden[c]));
  buf_puts(b, "}}");
}

void report_json(buf *b, const report_table *t, const char *lang, report_tr tr) {
  buf_printf(b, "{\"name\":%J,\"title\":%J,\"columns\":[", t->name, tr_or_same(tr, lang, t->title));
  for (int c = 0; c < t->ncols; c++) buf_printf(b, "%r\"%r\"", c ? "," : "", report_col_key(t->col[c]));
  buf_puts(b, "],\"rows\":[");
  for (int i = 0; i < t->nrows; i++) {
    if (i) buf_putc(b, ',');
    json_row(b, t, &t->rows[i], lang, tr);
  }
  buf_puts(b, "],\"total\":");
  if (t->has_total)
    json_row(b, t, &t->total, lang, tr);
  else
    buf_puts(b, "null");
  buf_putc(b, '}');
}

/* ---- XLSX ---- */

static void xlsx_row(lxw_worksheet *ws, int row, const report_table *t, const report_row *r, const char *lang,
                     report_tr tr, lxw_format *bold) {
  worksheet_write_string(ws, (lxw_row_t)row, 0, report_row_label(r, lang, tr), bold);
  for (int c = 0; c < t->ncols; c++) {
    if (r->hidden[c])
      worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)(c + 1), report_mark(r->hidden[c]), bold);
    else if (!(t->col[c] == RC_TARGET && r->v[c] < 0))
      worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)(c + 1), (double)r->v[c], bold);
  }
}

int report_xlsx_file(const char *path, const report_table *t, int n, const char *lang, report_tr tr, kerr *e) {
  lxw_workbook *wb = workbook_new(path);
  if (!wb) return kerr_set(e, NULL, "cannot write %r", path);
  lxw_format *bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (int k = 0; k < n; k++) {
    /* sheet names are the fixed ASCII table names (at most 31 characters, no []:*?/\) */
    lxw_worksheet *ws = workbook_add_worksheet(wb, t[k].name);
    worksheet_set_column(ws, 0, 0, 40, NULL);
    worksheet_set_column(ws, 1, (lxw_col_t)t[k].ncols, 16, NULL);
    /* worksheet_write_string stores text as a shared string: a leading = is never a formula */
    worksheet_write_string(ws, 0, 0, tr_or_same(tr, lang, t[k].title), bold);
    worksheet_write_string(ws, 1, 0, tr_or_same(tr, lang, report_row_head(&t[k])), bold);
    for (int c = 0; c < t[k].ncols; c++)
      worksheet_write_string(ws, 1, (lxw_col_t)(c + 1), tr_or_same(tr, lang, report_col_title(t[k].col[c])), bold);
    for (int i = 0; i < t[k].nrows; i++) xlsx_row(ws, 2 + i, &t[k], &t[k].rows[i], lang, tr, NULL);
    if (t[k].has_total) xlsx_row(ws, 2 + t[k].nrows, &t[k], &t[k].total, lang, tr, bold);
    int line = 3 + t[k].nrows + t[k].has_total; /* the marks explained under the table */
    for (int m = SUP_SMALL, used = marks_used(&t[k]); m <= SUP_SECONDARY; m++)
      if (used & 1 << m)
        worksheet_write_string(ws, (lxw_row_t)line++, 0, tr_or_same(tr, lang, report_mark_note(m)), NULL);
  }
  lxw_error rc = workbook_close(wb);
  if (rc != LXW_NO_ERROR) return kerr_set(e, NULL, "cannot write %r: %r", path, lxw_strerror(rc));
  return K_OK;
}

int report_xlsx_buf(buf *out, const report_table *t, int n, const char *lang, report_tr tr, kerr *e) {
  char path[64];
  snprintf(path, sizeof path, "/tmp/kehto-xlsx-XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0) return kerr_set(e, NULL, "cannot create a temporary file");
  close(fd);
  int rc = report_xlsx_file(path, t, n, lang, tr, e);
  FILE *f = rc == K_OK ? fopen(path, "rb") : NULL;
  if (rc == K_OK && !f) rc = kerr_set(e, NULL, "cannot read %r", path);
  if (f) {
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(out, chunk, got);
    fclose(f);
  }
  unlink(path);
  return rc;
}
