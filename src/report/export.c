/* export: one row writer for Excel CSV, comma CSV and XLSX; workbooks; the statistics tables written through it. */
#include "report/export.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/date.h"
#include "db/db.h"

#define MARK_SMALL "< 5"   /* the true value is 1..4 */
#define MARK_SECONDARY "•" /* hidden so that a small number cannot be worked out by subtraction */

static const char *tr_or_same(report_tr tr, const char *lang, const char *msgid) {
  return tr ? tr(lang, msgid) : msgid;
}

int export_format_of(const char *name) {
  if (!name || !*name || !strcmp(name, "csv")) return EXPORT_CSV;
  if (!strcmp(name, "csv-comma")) return EXPORT_CSV_COMMA;
  if (!strcmp(name, "xlsx")) return EXPORT_XLSX;
  return -1;
}

void export_today(char out[16]) {
  char local[17] = "";
  date_fi_local(db_now().s, local);
  int y = 0, m = 0, d = 0;
  sscanf(local, "%4d-%2d-%2d", &y, &m, &d);
  snprintf(out, 16, "%d.%d.%d", d, m, y);
}

const char *export_rule(int publ) {
  return publ ? N_("Alle viiden henkilön luvut näytetään muodossa < 5, ja lukuja, joista ne voisi päätellä, on "
                   "salattu merkillä •, jotta ketään ei voi tunnistaa.")
              : N_("Luvut ovat tarkkoja: alle viiden henkilön lukuja ei ole salattu. Tiedosto on vain ohjelman "
                   "henkilöstön käyttöön.");
}

/* ---- the row writer ---- */

static lxw_format *cell_format(export_out *o) {
  return o->bold ? (lxw_format *)o->book->bold : NULL;
}

static void csv_sep(export_out *o) {
  if (o->col++) buf_putc(o->b, o->fmt == EXPORT_CSV ? ';' : ',');
}

void export_csv_begin(export_out *o, buf *b, export_format fmt) {
  *o = (export_out){.fmt = fmt, .b = b};
  if (fmt == EXPORT_CSV) buf_puts(b, "\xEF\xBB\xBF"); /* a BOM, so Excel reads UTF-8 */
}

void export_text(export_out *o, const char *s) {
  if (o->fmt == EXPORT_XLSX) {
    /* worksheet_write_string stores text as a shared string: a leading = is never a formula */
    if (s && *s) worksheet_write_string(o->ws, (lxw_row_t)o->row, (lxw_col_t)o->col, s, cell_format(o));
    o->col++;
    return;
  }
  csv_sep(o);
  buf_csv(o->b, s);
}

void export_tr(export_out *o, report_tr tr, const char *lang, const char *msgid) {
  export_text(o, tr_or_same(tr, lang, msgid));
}

void export_int(export_out *o, long long v) {
  if (o->fmt == EXPORT_XLSX) {
    worksheet_write_number(o->ws, (lxw_row_t)o->row, (lxw_col_t)o->col++, (double)v, cell_format(o));
    return;
  }
  csv_sep(o);
  buf_printf(o->b, "%lld", v);
}

void export_dec(export_out *o, double v, int decimals) {
  if (o->fmt == EXPORT_XLSX) {
    lxw_format *f = decimals == 1 ? (lxw_format *)o->book->dec1 : cell_format(o);
    worksheet_write_number(o->ws, (lxw_row_t)o->row, (lxw_col_t)o->col++, v, f);
    return;
  }
  csv_sep(o);
  char t[48];
  double k = 1;
  for (int i = 0; i < decimals; i++) k *= 10;
  /* halves away from zero, as Excel shows them (printf would make 1.25 "1.2"); a half that the double holds a hair
   * below (1.15 is 1.1499999…) still counts as a half */
  double x = fabs(v) * k, up = floor(x + 0.5 + 1e-9 * (x > 1 ? x : 1));
  snprintf(t, sizeof t, "%.*f", decimals, (v < 0 ? -up : up) / k);
  char *p = strchr(t, '.');
  if (p && o->fmt == EXPORT_CSV) *p = ',';
  buf_puts(o->b, t);
}

void export_date(export_out *o, const char *iso) {
  char day[17] = "";
  if (!iso || strlen(iso) < 10 || (iso[10] == 'T' ? date_fi_local(iso, day) : date_parse(iso, day)) != K_OK) {
    export_text(o, iso);
    return;
  }
  day[10] = 0;
  int y = 0, m = 0, d = 0;
  sscanf(day, "%4d-%2d-%2d", &y, &m, &d);
  if (o->fmt == EXPORT_XLSX) {
    lxw_datetime dt = {y, m, d, 0, 0, 0};
    worksheet_write_datetime(o->ws, (lxw_row_t)o->row, (lxw_col_t)o->col++, &dt, (lxw_format *)o->book->date);
  } else if (o->fmt == EXPORT_CSV_COMMA) {
    export_text(o, day);
  } else {
    char fi[16];
    snprintf(fi, sizeof fi, "%d.%d.%d", d, m, y);
    export_text(o, fi);
  }
}

void export_blank(export_out *o) {
  export_text(o, NULL);
}

void export_row_end(export_out *o) {
  if (o->fmt != EXPORT_XLSX) buf_puts(o->b, "\r\n");
  o->row++, o->col = 0;
}

void export_bold(export_out *o, int on) {
  o->bold = on;
}

static void about_pair(export_out *o, const char *label, const char *value) {
  if (!label || !value) return;
  export_text(o, label);
  export_text(o, value);
  export_row_end(o);
}

void export_about_rows(export_out *o, const export_about *a) {
  if (o->fmt == EXPORT_CSV_COMMA || !a) return;
  if (a->title) {
    export_bold(o, 1);
    export_text(o, a->title);
    export_bold(o, 0);
    export_row_end(o);
  }
  about_pair(o, a->period_label, a->period);
  about_pair(o, a->made_label, a->made);
  if (a->rule) {
    export_text(o, a->rule);
    export_row_end(o);
  }
  export_row_end(o);
}

/* ---- workbooks ---- */

int export_book_open(export_book *bk, const char *path, kerr *e) {
  memset(bk, 0, sizeof *bk);
  if (!path) {
    snprintf(bk->path, sizeof bk->path, "/tmp/kehto-xlsx-XXXXXX");
    int fd = mkstemp(bk->path);
    if (fd < 0) return kerr_set(e, NULL, "cannot create a temporary file");
    close(fd);
  }
  bk->name = path ? path : bk->path;
  lxw_workbook *wb = workbook_new(bk->name);
  if (!wb) {
    if (!path) unlink(bk->path);
    return kerr_set(e, NULL, "cannot write %r", bk->name);
  }
  bk->wb = wb;
  lxw_format *bold = workbook_add_format(wb), *dec1 = workbook_add_format(wb), *date = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_num_format(dec1, "0.0");
  format_set_num_format(date, "d.m.yyyy");
  bk->bold = bold, bk->dec1 = dec1, bk->date = date;
  return K_OK;
}

/* Cuts s after max characters (UTF-8). */
static void cut_chars(char *s, int max) {
  int chars = 0;
  for (char *p = s; *p; p++)
    if ((*p & 0xC0) != 0x80 && chars++ == max) {
      *p = 0;
      return;
    }
}

/* name made a valid sheet name into out: at most 31 characters, none of []:*?/\, no apostrophe first or last, not
 * empty, unique in bk. */
static void sheet_name(export_book *bk, const char *name, char *out, size_t n) {
  buf b = BUF_INIT;
  for (const char *p = name && *name ? name : "Taulukko"; *p; p++) buf_putc(&b, strchr("[]:*?/\\", *p) ? '-' : *p);
  char suffix[16] = "";
  for (int k = 1;; k++) {
    snprintf(out, n, "%s", b.data);
    cut_chars(out, 31 - (int)strlen(suffix)); /* Excel counts characters */
    size_t len = strlen(out);
    if (*out == '\'') *out = '-'; /* Excel (and libxlsxwriter, which then gives no sheet) refuse these */
    if (len && out[len - 1] == '\'') out[len - 1] = '-';
    strncat(out, suffix, n - strlen(out) - 1);
    if (!workbook_get_worksheet_by_name(bk->wb, out)) break;
    snprintf(suffix, sizeof suffix, " (%d)", k + 1);
  }
  buf_free(&b);
}

void export_book_sheet(export_book *bk, export_out *o, const char *name) {
  char safe[128];
  sheet_name(bk, name, safe, sizeof safe);
  lxw_worksheet *ws = workbook_add_worksheet(bk->wb, safe);
  worksheet_set_column(ws, 0, 0, 40, NULL);
  worksheet_set_column(ws, 1, 30, 16, NULL);
  *o = (export_out){.fmt = EXPORT_XLSX, .book = bk, .ws = ws};
  bk->nsheets++;
}

int export_book_close(export_book *bk, buf *out, kerr *e) {
  if (!bk->nsheets) workbook_add_worksheet(bk->wb, NULL); /* a workbook needs a sheet */
  lxw_error rc = workbook_close(bk->wb);
  int ok = rc == LXW_NO_ERROR;
  if (!ok) kerr_set(e, NULL, "cannot write %r: %r", bk->name, lxw_strerror(rc));
  if (*bk->path) {
    FILE *f = ok ? fopen(bk->path, "rb") : NULL;
    if (ok && !f) ok = 0, kerr_set(e, NULL, "cannot read %r", bk->path);
    if (f) {
      char chunk[65536];
      size_t got;
      while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(out, chunk, got);
      fclose(f);
    }
    unlink(bk->path);
  }
  return ok ? K_OK : K_ERR;
}

/* ---- the statistics tables ---- */

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

static void write_row(export_out *o, const report_table *t, const report_row *r, const char *lang, report_tr tr) {
  export_text(o, report_row_label(r, lang, tr));
  for (int c = 0; c < t->ncols; c++) {
    if (r->hidden[c])
      export_text(o, report_mark(r->hidden[c]));
    else if (t->col[c] == RC_TARGET && r->v[c] < 0)
      export_blank(o);
    else
      export_int(o, r->v[c]);
  }
  if (t->id == RT_KEY) { /* progress towards the target, as the page shows it */
    if (r->v[1] > 0 && !r->hidden[0])
      export_dec(o, (double)r->v[0] * 100.0 / (double)r->v[1], 1);
    else
      export_blank(o);
  }
  export_row_end(o);
}

void report_write(export_out *o, const report_table *t, const char *lang, report_tr tr) {
  export_bold(o, 1);
  export_tr(o, tr, lang, report_row_head(t));
  for (int c = 0; c < t->ncols; c++) export_tr(o, tr, lang, report_col_title(t->col[c]));
  if (t->id == RT_KEY) export_tr(o, tr, lang, N_("Edistyminen (%)"));
  export_row_end(o);
  export_bold(o, 0);
  for (int i = 0; i < t->nrows; i++) write_row(o, t, &t->rows[i], lang, tr);
  if (t->has_total) {
    export_bold(o, 1);
    write_row(o, t, &t->total, lang, tr);
    export_bold(o, 0);
  }
  if (o->fmt == EXPORT_CSV_COMMA) return; /* header and data only */
  /* the marks explained under the table, as statistical tables do */
  int used = marks_used(t);
  if (used) export_row_end(o);
  for (int m = SUP_SMALL; m <= SUP_SECONDARY; m++)
    if (used & 1 << m) {
      export_tr(o, tr, lang, report_mark_note(m));
      export_row_end(o);
    }
}

static void csv_tables(buf *out, export_format fmt, const report_table *t, int n, const export_about *about,
                       const char *lang, report_tr tr) {
  export_out o;
  export_csv_begin(&o, out, fmt);
  export_about_rows(&o, about);
  for (int k = 0; k < n; k++) {
    if (fmt == EXPORT_CSV_COMMA) {
      if (k) export_row_end(&o);
      if (n > 1) buf_printf(out, "# %C\r\n", t[k].name); /* which table follows, for a program splitting it */
    } else if (n > 1 || !about || !about->title) {
      if (k) export_row_end(&o);
      export_tr(&o, tr, lang, t[k].title);
      export_row_end(&o);
    }
    report_write(&o, &t[k], lang, tr);
  }
}

int report_download(buf *out, const char *path, export_format fmt, const report_table *t, int n,
                    const export_about *about, const char *lang, report_tr tr, kerr *e) {
  if (fmt != EXPORT_XLSX) {
    csv_tables(out, fmt, t, n, about, lang, tr);
    return K_OK;
  }
  export_book bk;
  if (export_book_open(&bk, path, e) != K_OK) return K_ERR;
  for (int k = 0; k < n; k++) {
    export_out o;
    export_book_sheet(&bk, &o, tr_or_same(tr, lang, report_sheet_name(&t[k])));
    export_about ab = about ? *about : (export_about){0};
    ab.title = tr_or_same(tr, lang, t[k].title);
    export_about_rows(&o, &ab);
    report_write(&o, &t[k], lang, tr);
  }
  return export_book_close(&bk, out, e);
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
