/* xlsx: the first sheet of an .xlsx workbook as a stream of records: libzip opens the parts, libxml2's streaming
 * reader (xmlTextReader) reads them, so the sheet is never held whole in memory. */
#include "import/xlsx.h"

#include <libxml/xmlreader.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

#include "core/buf.h"

#define REL_SHARED "/sharedStrings"
#define REL_STYLES "/styles"

/* A part of the workbook (a ZIP member) being read, its bytes counted so that no more than limit are unpacked. */
typedef struct part {
  zip_file_t *f;
  const char *member;
  zip_uint64_t got, size, limit;
  int over, ioerr;
} part;

/* A cell of the row being read: its column and its value in the row's text. */
typedef struct cell {
  int col;
  size_t off, len;
} cell;

typedef struct book {
  zip_t *z;
  char *name;
  int date1904;
  char sheet[256], strings_part[256], styles_part[256];
  char sheet_rid[64];
  /* styles: custom number formats (id, is a date) and the cell formats' date flags */
  unsigned *fmt_id;
  unsigned char *fmt_date, *xf_date;
  int nfmt, capfmt, nxf, capxf, in_xfs;
  /* shared strings, each ending in NUL */
  buf strings;
  size_t *soff;
  int nstr, capstr, in_si, in_t, in_rph;
  /* the sheet, read as a stream */
  part sp;
  xmlTextReaderPtr rd;
  long row; /* the last row's number */
  char xmlerr[160];
  int xmlline;
  /* the row being read */
  buf text, v;
  cell *cells;
  int ncells, capcells;
  int col, type, style, in_v, in_is, done;
  int width; /* the header's cells: shorter rows are filled up to it, as a spreadsheet leaves trailing cells out */
} book;

/* ---- dates and number formats ---- */

/* Days from 1970-01-01 to the civil date y-m-d (H. Hinnant's algorithm), and back. */
static long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = (unsigned)(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (long)doe - 719468;
}

static void civil_from_days(long z, long *y, unsigned *m, unsigned *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned)(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = (long)yoe + era * 400 + (*m <= 2);
}

int xlsx_date(double serial, int date1904, char out[11]) {
  if (!(serial >= 1) || serial > 2958465) return 0;
  long n = (long)floor(serial);
  if (!date1904 && n == 60) { /* the day Lotus 1-2-3 believed in, kept by Excel for compatibility */
    memcpy(out, "1900-02-29", 11);
    return 1;
  }
  long days = date1904 ? days_from_civil(1904, 1, 1) + n : days_from_civil(1899, 12, n < 60 ? 31 : 30) + n;
  long y;
  unsigned m, d;
  civil_from_days(days, &y, &m, &d);
  if (y < 1900 || y > 9999) return 0;
  snprintf(out, 11, "%04d-%02u-%02u", (int)(y % 10000), m % 13, d % 32);
  return 1;
}

int xlsx_format_is_date(const char *code) {
  if (!code || !strcasecmp(code, "General")) return 0;
  int d = 0, y = 0, m = 0, hs = 0;
  for (const char *p = code; *p; p++) {
    if (*p == '"') { /* literal text */
      while (p[1] && p[1] != '"') p++;
      if (p[1]) p++;
    } else if (*p == '\\' || *p == '_' || *p == '*') { /* an escaped character, a space as wide as, a fill */
      if (p[1]) p++;
    } else if (*p == '[') { /* a colour, a locale, a condition: skipped; elapsed [h] [mm] [s]: a duration */
      char c = (char)(p[1] | 0x20);
      hs += c == 'h' || c == 'm' || c == 's';
      while (p[1] && p[1] != ']') p++;
      if (p[1]) p++;
    } else if (*p == ';') {
      break; /* the first section decides */
    } else {
      char c = (char)(*p | 0x20);
      d += c == 'd', y += c == 'y', m += c == 'm', hs += c == 'h' || c == 's';
    }
  }
  return d || y || (m && !hs);
}

/* Built-in formats that show a date (ECMA-376 18.8.30): 14–22 and 45–47. */
static int builtin_date(unsigned id) {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

/* ---- parts ---- */

static int part_read(void *ctx, char *out, int len) {
  part *p = ctx;
  zip_int64_t n = zip_fread(p->f, out, (zip_uint64_t)len);
  if (n < 0) {
    p->ioerr = 1;
    return -1;
  }
  p->got += (zip_uint64_t)n;
  if (p->got > p->limit) {
    p->over = 1;
    return -1;
  }
  return (int)n;
}

static void xml_error(void *arg, xmlErrorPtr err) {
  book *b = arg;
  if (b->xmlerr[0] || !err || !err->message) return;
  snprintf(b->xmlerr, sizeof b->xmlerr, "%s", err->message);
  size_t n = strlen(b->xmlerr);
  while (n && (b->xmlerr[n - 1] == '\n' || b->xmlerr[n - 1] == ' ')) b->xmlerr[--n] = 0;
  b->xmlline = err->line;
}

static int too_large(const book *b, const char *member, zip_uint64_t limit, kerr *e) {
  return kerr_set(e, NULL,
                  "%r: %r would unpack to more than %u MB, more than a workbook to import may hold (a file that "
                  "unpacks to far more than its size is refused as a possible zip bomb)",
                  b->name, member, (unsigned)(limit >> 20));
}

/* Opens member for reading through p and returns its reader; NULL with e set (not set when optional and the member
 * is missing). */
static xmlTextReaderPtr part_open(book *b, part *p, const char *member, zip_uint64_t limit, int optional, kerr *e) {
  zip_stat_t st;
  memset(p, 0, sizeof *p);
  p->member = member, p->limit = limit;
  if (zip_stat(b->z, member, 0, &st) != 0) {
    if (!optional)
      kerr_set(e, NULL, "%r: the ZIP archive has no %r, so it is not an Excel workbook (.xlsx)", b->name, member);
    return NULL;
  }
  if ((st.valid & ZIP_STAT_SIZE) && st.size > limit) return too_large(b, member, limit, e), NULL;
  p->size = st.valid & ZIP_STAT_SIZE ? st.size : 0;
  if (!(p->f = zip_fopen(b->z, member, 0))) {
    kerr_set(e, NULL, "%r: cannot read %r: %r", b->name, member, zip_strerror(b->z));
    return NULL;
  }
  xmlTextReaderPtr rd = xmlReaderForIO(part_read, NULL, p, member, NULL, XML_PARSE_NONET);
  if (!rd) {
    zip_fclose(p->f);
    kerr_set(e, NULL, "%r: cannot read %r", b->name, member);
    return NULL;
  }
  b->xmlerr[0] = 0;
  xmlTextReaderSetStructuredErrorHandler(rd, xml_error, b);
  return rd;
}

static void part_close(xmlTextReaderPtr rd, part *p) {
  if (rd) xmlFreeTextReader(rd);
  if (p->f) zip_fclose(p->f);
  p->f = NULL;
}

/* Moves to the next node: 1, 0 at the end, or -1 with e saying what is wrong with the part. */
static int xml_next(book *b, xmlTextReaderPtr rd, const part *p, kerr *e) {
  int r = xmlTextReaderRead(rd);
  if (r >= 0 && !p->over && !p->ioerr) return r;
  if (p->over) return too_large(b, p->member, p->limit, e), -1;
  if (p->ioerr) return kerr_set(e, NULL, "%r: cannot unpack %r: %r", b->name, p->member, zip_strerror(b->z)), -1;
  kerr_set(e, NULL, "%r: %r is not well-formed XML (line %d: %r)", b->name, p->member, b->xmlline,
           b->xmlerr[0] ? b->xmlerr : "malformed");
  return -1;
}

/* Copies attribute name of the current element into out (n bytes, cut); 0 when it has none. */
static int attr(xmlTextReaderPtr rd, const char *name, char *out, size_t n) {
  xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
  if (!v) return 0;
  snprintf(out, n, "%s", (const char *)v);
  xmlFree(v);
  return 1;
}

/* The value of the element's attribute whose local name is local and which has a namespace prefix (r:id). */
static int attr_prefixed(xmlTextReaderPtr rd, const char *local, char *out, size_t n) {
  int found = 0;
  for (int ok = xmlTextReaderMoveToFirstAttribute(rd); ok == 1 && !found; ok = xmlTextReaderMoveToNextAttribute(rd)) {
    const char *ln = (const char *)xmlTextReaderConstLocalName(rd);
    if (xmlTextReaderConstPrefix(rd) && ln && !strcmp(ln, local)) {
      snprintf(out, n, "%s", (const char *)xmlTextReaderConstValue(rd));
      found = 1;
    }
  }
  xmlTextReaderMoveToElement(rd);
  return found;
}

static int is_elem(xmlTextReaderPtr rd, int type, int want, const char *name) {
  const char *ln = (const char *)xmlTextReaderConstLocalName(rd);
  return type == want && ln && !strcmp(ln, name);
}

typedef int (*node_fn)(book *b, xmlTextReaderPtr rd, int type, kerr *e);

/* Reads member node by node, calling fn for each; K_OK (also when optional and missing) or K_ERR with e set. */
static int read_part(book *b, const char *member, zip_uint64_t limit, int optional, node_fn fn, kerr *e) {
  part p;
  xmlTextReaderPtr rd = part_open(b, &p, member, limit, optional, e);
  if (!rd) return optional && !e->msg ? K_OK : K_ERR;
  int r, rc = K_OK;
  while (rc == K_OK && (r = xml_next(b, rd, &p, e)) != 0) rc = r < 0 ? K_ERR : fn(b, rd, xmlTextReaderNodeType(rd), e);
  part_close(rd, &p);
  return rc;
}

/* ---- workbook, relationships, styles, shared strings ---- */

static int on_workbook(book *b, xmlTextReaderPtr rd, int type, kerr *e) {
  char v[16];
  if (is_elem(rd, type, XML_READER_TYPE_ELEMENT, "workbookPr") && attr(rd, "date1904", v, sizeof v))
    b->date1904 = !strcmp(v, "1") || !strcasecmp(v, "true");
  if (is_elem(rd, type, XML_READER_TYPE_ELEMENT, "sheet") && !b->sheet_rid[0] &&
      !attr_prefixed(rd, "id", b->sheet_rid, sizeof b->sheet_rid))
    return kerr_set(e, NULL, "%r: the workbook's first sheet has no relationship id (r:id)", b->name);
  return K_OK;
}

/* "worksheets/sheet1.xml" relative to xl/, or "/xl/…" from the root, as a member name in out. */
static void member_of(const char *target, char *out, size_t n) {
  snprintf(out, n, target[0] == '/' ? "%s" : "xl/%s", target[0] == '/' ? target + 1 : target);
}

static int ends_with(const char *s, const char *tail) {
  size_t a = strlen(s), t = strlen(tail);
  return a >= t && !strcmp(s + a - t, tail);
}

static int on_rels(book *b, xmlTextReaderPtr rd, int type, kerr *e) {
  if (!is_elem(rd, type, XML_READER_TYPE_ELEMENT, "Relationship")) return K_OK;
  char id[64] = "", target[200] = "", kind[200] = "";
  attr(rd, "Id", id, sizeof id), attr(rd, "Target", target, sizeof target), attr(rd, "Type", kind, sizeof kind);
  if (!target[0]) return K_OK;
  if (!strcmp(id, b->sheet_rid)) member_of(target, b->sheet, sizeof b->sheet);
  if (ends_with(kind, REL_SHARED)) member_of(target, b->strings_part, sizeof b->strings_part);
  if (ends_with(kind, REL_STYLES)) member_of(target, b->styles_part, sizeof b->styles_part);
  return K_OK;
}

static int fmt_is_date(const book *b, unsigned id) {
  for (int i = 0; i < b->nfmt; i++)
    if (b->fmt_id[i] == id) return b->fmt_date[i];
  return builtin_date(id);
}

static int on_styles(book *b, xmlTextReaderPtr rd, int type, kerr *e) {
  char v[512];
  if (is_elem(rd, type, XML_READER_TYPE_ELEMENT, "numFmt") && attr(rd, "numFmtId", v, sizeof v)) {
    b->fmt_id = util_grow(b->fmt_id, b->nfmt, &b->capfmt, sizeof *b->fmt_id);
    b->fmt_date = realloc(b->fmt_date, (size_t)b->capfmt);
    b->fmt_id[b->nfmt] = (unsigned)strtoul(v, NULL, 10);
    b->fmt_date[b->nfmt++] = (unsigned char)(attr(rd, "formatCode", v, sizeof v) && xlsx_format_is_date(v));
  } else if (is_elem(rd, type, XML_READER_TYPE_ELEMENT, "cellXfs")) {
    b->in_xfs = !xmlTextReaderIsEmptyElement(rd);
  } else if (is_elem(rd, type, XML_READER_TYPE_END_ELEMENT, "cellXfs")) {
    b->in_xfs = 0;
  } else if (b->in_xfs && is_elem(rd, type, XML_READER_TYPE_ELEMENT, "xf")) {
    b->xf_date = util_grow(b->xf_date, b->nxf, &b->capxf, 1);
    b->xf_date[b->nxf++] = (unsigned char)(attr(rd, "numFmtId", v, sizeof v) && fmt_is_date(b, strtoul(v, 0, 10)));
  }
  return K_OK;
}

static int is_text(int type) {
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* Tracks <t> (text) and <rPh> (phonetic runs, not part of the text) inside a string item; 1 when the node is text
 * that belongs to the string. */
static int string_text(book *b, xmlTextReaderPtr rd, int type) {
  if (is_elem(rd, type, XML_READER_TYPE_ELEMENT, "t")) b->in_t = !xmlTextReaderIsEmptyElement(rd);
  if (is_elem(rd, type, XML_READER_TYPE_END_ELEMENT, "t")) b->in_t = 0;
  if (is_elem(rd, type, XML_READER_TYPE_ELEMENT, "rPh")) b->in_rph = !xmlTextReaderIsEmptyElement(rd);
  if (is_elem(rd, type, XML_READER_TYPE_END_ELEMENT, "rPh")) b->in_rph = 0;
  return b->in_t && !b->in_rph && is_text(type);
}

/* Replaces Excel's escapes of characters XML cannot carry (_x000D_ for a carriage return) in the NUL-terminated
 * text from offset from of t. */
static void unescape(buf *t, size_t from) {
  char *s = t->data + from, *o = s;
  for (char *p = s; *p;) {
    unsigned cp = 0;
    if (p[0] == '_' && p[1] == 'x' && sscanf(p + 2, "%4x", &cp) == 1 && strspn(p + 2, "0123456789abcdefABCDEF") >= 4 &&
        p[6] == '_' && cp >= 1 && cp < 0x80) {
      *o++ = (char)cp, p += 7;
    } else {
      *o++ = *p++;
    }
  }
  *o = 0;
  t->len = (size_t)(o - t->data);
}

static int on_strings(book *b, xmlTextReaderPtr rd, int type, kerr *e) {
  if (is_elem(rd, type, XML_READER_TYPE_ELEMENT, "si")) {
    b->soff = util_grow(b->soff, b->nstr, &b->capstr, sizeof *b->soff);
    b->soff[b->nstr++] = b->strings.len;
    b->in_si = !xmlTextReaderIsEmptyElement(rd);
    if (!b->in_si) buf_putc(&b->strings, 0);
  } else if (is_elem(rd, type, XML_READER_TYPE_END_ELEMENT, "si")) {
    b->in_si = 0;
    buf_putc(&b->strings, 0);
    unescape(&b->strings, b->soff[b->nstr - 1]);
    b->strings.len++; /* past the NUL */
  } else if (b->in_si && string_text(b, rd, type)) {
    buf_puts(&b->strings, (const char *)xmlTextReaderConstValue(rd));
  }
  return K_OK;
}

/* ---- the sheet ---- */

/* Column index (0 for A) of a cell address such as "C5"; -1 when it is not one within the limits. */
static int col_of(const char *ref) {
  int col = 0, n = 0;
  for (; *ref >= 'A' && *ref <= 'Z' && n < 4; ref++, n++) col = col * 26 + (*ref - 'A' + 1);
  if (n == 0 || col > XLSX_MAX_COLS || *ref < '1' || *ref > '9') return -1;
  return col - 1;
}

/* The column's letters (0 is A) in out (at least 4 bytes). */
static void col_name(int col, char *out) {
  char tmp[4];
  int n = 0;
  for (col++; col > 0 && n < 3; col = (col - 1) / 26) tmp[n++] = (char)('A' + (col - 1) % 26);
  for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  out[n] = 0;
}

/* Sets e to an error in the cell at column col of the row being read; the record is filled up to that column so
 * that the importer names the column under which the cell is (csv_nfields). Returns -1. */
static int cell_error(book *b, csv *c, int col, kerr *e, const char *what) {
  char ref[8];
  col_name(col, ref);
  csv_record_begin(c, b->row, (size_t)b->sp.got);
  for (int i = 0; i < col && i < XLSX_MAX_COLS; i++) csv_record_field(c, "", 0, e);
  kerr_set(e, NULL, "%r, row %ld: cell %r%ld %r", b->name, b->row, ref, b->row, what);
  return -1;
}

static void number_text(book *b, const char *v, int date) {
  char *end, out[40];
  double x = strtod(v, &end);
  if (end == v || *end || !isfinite(x)) {
    buf_puts(&b->text, v);
  } else if (date && xlsx_date(x, b->date1904, out)) {
    buf_puts(&b->text, out);
  } else {
    snprintf(out, sizeof out, x == floor(x) && fabs(x) < 1e15 ? "%.0f" : "%.15g", x);
    buf_puts(&b->text, out);
  }
}

enum { T_NUMBER, T_SHARED, T_INLINE, T_STR, T_BOOL, T_ERROR, T_DATE };

static int cell_type(const char *t) {
  static const char *const names[] = {"n", "s", "inlineStr", "str", "b", "e", "d"};
  for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
    if (!strcmp(t, names[i])) return i;
  return -1;
}

/* Appends the finished cell's value to the row's text. */
static int cell_end(book *b, csv *c, kerr *e) {
  const char *v = b->v.data ? b->v.data : "";
  size_t start = b->text.len;
  if (b->type == T_SHARED) {
    long long i;
    if (util_parse_int(v, 0, b->nstr - 1, &i) != K_OK)
      return cell_error(b, c, b->col, e, "refers to a shared string the workbook does not have");
    buf_puts(&b->text, b->strings.data + b->soff[i]);
  } else if (b->type == T_NUMBER) {
    number_text(b, v, b->style >= 0 && b->style < b->nxf && b->xf_date[b->style]);
  } else if (b->type == T_BOOL) {
    buf_puts(&b->text, !strcmp(v, "1") ? "TRUE" : "FALSE");
  } else if (b->type == T_DATE) {
    buf_append(&b->text, v, strnlen(v, 10));
  } else {
    buf_puts(&b->text, v);
    buf_putc(&b->text, 0);
    unescape(&b->text, start);
  }
  if (b->text.len == start) return 0;
  b->cells = util_grow(b->cells, b->ncells, &b->capcells, sizeof *b->cells);
  b->cells[b->ncells++] = (cell){b->col, start, b->text.len - start};
  return 0;
}

static int cell_start(book *b, csv *c, xmlTextReaderPtr rd, kerr *e) {
  char ref[24], t[16] = "n", s[16];
  int prev = b->col;
  b->col = attr(rd, "r", ref, sizeof ref) ? col_of(ref) : b->col + 1;
  if (b->col < 0 || b->col >= XLSX_MAX_COLS)
    return kerr_set(e, NULL, "%r, row %ld: a cell is past column XFD, the last an Excel sheet may have", b->name,
                    b->row),
           -1;
  if (b->col <= prev) return cell_error(b, c, b->col, e, "comes after a cell to its right (cells out of order)");
  attr(rd, "t", t, sizeof t);
  b->type = cell_type(t);
  if (b->type < 0) return cell_error(b, c, b->col, e, "has a type this reader does not know");
  b->style = attr(rd, "s", s, sizeof s) ? atoi(s) : 0;
  buf_reset(&b->v);
  return 0;
}

static int row_start(book *b, xmlTextReaderPtr rd, kerr *e) {
  char r[24];
  long n = attr(rd, "r", r, sizeof r) ? strtol(r, NULL, 10) : b->row + 1;
  if (n <= b->row || n > XLSX_MAX_ROWS)
    return kerr_set(e, NULL, "%r: row number %ld of the sheet is out of order or past row %d", b->name, n,
                    XLSX_MAX_ROWS),
           -1;
  b->row = n;
  b->ncells = 0;
  b->col = -1;
  buf_reset(&b->text);
  return 0;
}

/* Hands the row read to the importer as a record; gaps between cells are empty fields. */
static int row_emit(book *b, csv *c, kerr *e) {
  csv_record_begin(c, b->row, (size_t)b->sp.got);
  int col = 0;
  for (int i = 0; i < b->ncells; i++) {
    for (; col < b->cells[i].col; col++)
      if (csv_record_field(c, "", 0, e) != K_OK) return -1;
    if (csv_record_field(c, b->text.data + b->cells[i].off, b->cells[i].len, e) != K_OK) return -1;
    col++;
  }
  for (; col < b->width; col++)
    if (csv_record_field(c, "", 0, e) != K_OK) return -1;
  if (!b->width) b->width = col;
  return 1;
}

/* Handles one node of the sheet; returns 1 when a row is ready, 0 to go on, -1 on error. */
static int sheet_node(book *b, csv *c, xmlTextReaderPtr rd, int type, kerr *e) {
  int empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(rd);
  if (is_elem(rd, type, XML_READER_TYPE_ELEMENT, "row")) {
    if (row_start(b, rd, e) < 0) return -1;
  } else if (is_elem(rd, type, XML_READER_TYPE_END_ELEMENT, "row")) {
    return b->ncells ? row_emit(b, c, e) : 0;
  } else if (is_elem(rd, type, XML_READER_TYPE_ELEMENT, "c")) {
    if (cell_start(b, c, rd, e) < 0) return -1;
    b->in_v = b->in_is = b->in_t = b->in_rph = 0;
    if (empty) b->type = T_STR; /* a formatted empty cell */
  } else if (is_elem(rd, type, XML_READER_TYPE_END_ELEMENT, "c")) {
    return cell_end(b, c, e);
  } else if (is_elem(rd, type, XML_READER_TYPE_ELEMENT, "v")) {
    b->in_v = !empty;
  } else if (is_elem(rd, type, XML_READER_TYPE_END_ELEMENT, "v")) {
    b->in_v = 0;
  } else if (is_elem(rd, type, XML_READER_TYPE_ELEMENT, "is")) {
    b->in_is = !empty;
  } else if (is_elem(rd, type, XML_READER_TYPE_END_ELEMENT, "is")) {
    b->in_is = 0;
  } else if (is_elem(rd, type, XML_READER_TYPE_END_ELEMENT, "sheetData")) {
    b->done = 1;
  } else if (b->in_v ? is_text(type) : b->in_is && string_text(b, rd, type)) {
    buf_puts(&b->v, (const char *)xmlTextReaderConstValue(rd));
  }
  return 0;
}

/* csv_next's producer: the next row with a value in it. */
static int sheet_next(void *ctx, csv *c, kerr *e) {
  book *b = ctx;
  while (!b->done) {
    int r = xml_next(b, b->rd, &b->sp, e);
    if (r < 0) return -1;
    if (r == 0) break;
    int type = xmlTextReaderNodeType(b->rd);
    /* an empty <c/> ends at once: no end element follows */
    int empty_cell = is_elem(b->rd, type, XML_READER_TYPE_ELEMENT, "c") && xmlTextReaderIsEmptyElement(b->rd);
    int empty_row = is_elem(b->rd, type, XML_READER_TYPE_ELEMENT, "row") && xmlTextReaderIsEmptyElement(b->rd);
    r = sheet_node(b, c, b->rd, type, e);
    if (r == 0 && empty_cell) r = cell_end(b, c, e);
    if (r != 0) return r;
    if (empty_row) b->ncells = 0;
  }
  return 0;
}

/* ---- opening ---- */

static void book_free(void *ctx) {
  book *b = ctx;
  if (!b) return;
  part_close(b->rd, &b->sp);
  if (b->z) zip_discard(b->z);
  free(b->name);
  free(b->fmt_id), free(b->fmt_date), free(b->xf_date), free(b->soff), free(b->cells);
  buf_free(&b->strings), buf_free(&b->text), buf_free(&b->v);
  free(b);
}

static int open_sheet(book *b, kerr *e) {
  if (read_part(b, "xl/workbook.xml", XLSX_MAX_PART, 0, on_workbook, e) != K_OK) return K_ERR;
  if (!b->sheet_rid[0]) return kerr_set(e, NULL, "%r: the workbook has no sheets", b->name);
  if (read_part(b, "xl/_rels/workbook.xml.rels", XLSX_MAX_PART, 0, on_rels, e) != K_OK) return K_ERR;
  if (!b->sheet[0])
    return kerr_set(e, NULL, "%r: the workbook's relationships do not say where its first sheet is", b->name);
  if (read_part(b, b->styles_part[0] ? b->styles_part : "xl/styles.xml", XLSX_MAX_PART, 1, on_styles, e) != K_OK)
    return K_ERR;
  if (read_part(b, b->strings_part[0] ? b->strings_part : "xl/sharedStrings.xml", XLSX_MAX_STRINGS, 1, on_strings, e) !=
      K_OK)
    return K_ERR;
  b->rd = part_open(b, &b->sp, b->sheet, XLSX_MAX_SHEET, 0, e);
  return b->rd ? K_OK : K_ERR;
}

static csv *open_book(zip_t *z, const char *name, kerr *e) {
  xmlInitParser(); /* once; the server calls it before its threads start */
  book *b = util_calloc(1, sizeof *b);
  b->z = z;
  b->name = util_strdup(name);
  if (open_sheet(b, e) != K_OK) {
    book_free(b);
    return NULL;
  }
  return csv_open_source(name, (size_t)b->sp.size, sheet_next, book_free, b);
}

static csv *zip_failed(const char *name, zip_error_t *ze, kerr *e) {
  kerr_set(e, NULL, "%r: the file starts as a ZIP archive (.xlsx) but cannot be read as one: %r", name,
           zip_error_strerror(ze));
  zip_error_fini(ze);
  return NULL;
}

void xlsx_init(void) {
  xmlInitParser();
}

int xlsx_is_zip(const char *data, size_t len) {
  return len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

csv *xlsx_open_mem(const char *data, size_t len, const char *name, kerr *e) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
  if (!src) return zip_failed(name, &ze, e);
  zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
  if (!z) {
    zip_source_free(src);
    return zip_failed(name, &ze, e);
  }
  zip_error_fini(&ze);
  return open_book(z, name, e);
}

csv *xlsx_open_file(const char *path, kerr *e) {
  int err = 0;
  zip_t *z = zip_open(path, ZIP_RDONLY, &err);
  if (!z) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    return zip_failed(path, &ze, e);
  }
  return open_book(z, path, e);
}
