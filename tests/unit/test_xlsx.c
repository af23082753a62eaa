/* Unit tests for import/xlsx.c: workbooks LibreOffice Calc saved (tests/fixtures/xlsx), and hand-made ones for what
 * it did not write: inline strings, rich text, gaps, the 1904 date system, booleans, limits, a zip bomb, not a zip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "core/buf.h"
#include "import/import.h"
#include "import/xlsx.h"
#include "model/refdata.h"
#include "search/search.h"

#define FIX "tests/fixtures/xlsx/"
#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define RNS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

/* Reads every record of c into one line each, fields joined by '|', rows as "N:" prefixes. */
static char *dump(csv *c, kerr *e, int *rc) {
  buf b = BUF_INIT;
  while ((*rc = csv_next(c, e)) == 1) {
    buf_printf(&b, "%ld:", csv_row(c));
    for (int i = 0; i < csv_nfields(c); i++) buf_printf(&b, "%r%r", i ? "|" : "", csv_field(c, i));
    buf_putc(&b, '\n');
  }
  return b.data ? buf_detach(&b) : calloc(1, 1);
}

static void test_libreoffice_fixture(void **s) {
  kerr e = {0};
  csv *c = xlsx_open_file(FIX "participants_error.xlsx", &e);
  assert_non_null(c);
  int rc;
  char *text = dump(c, &e, &rc);
  assert_int_equal(rc, 0);
  /* shared strings, dates (serial numbers with a date format) as ISO dates, trailing empty cells filled up */
  assert_non_null(strstr(text, "1:delivery|email|name|organisation|role|entry_date|birth_date|gender|labour_status|"
                               "education\n"));
  assert_non_null(strstr(text, "2:SP-1|anna@example.fi|Anna Virtanen|Oulun kaupunki|tyontekija|2019-03-01|1980-05-12|"
                               "nainen|tyollinen|isced58\n"));
  assert_non_null(strstr(text, "3:SP-1|matti@example.fi|Matti Meikäläinen|"));
  assert_non_null(strstr(text, "5:WB-1|anna@example.fi|Anna Virtanen|Oulun kaupunki|tyontekija|||||\n"));
  free(text);
  csv_close(c);
  c = xlsx_open_file(FIX "attendance.xlsx", &e);
  text = dump(c, &e, &rc);
  assert_non_null(strstr(text, "2:SP-1|1|anna@example.fi\n")); /* a number as written, without ".0" */
  free(text);
  csv_close(c);
}

/* Writes a workbook with the given parts (NULL: left out) to a temporary file; returns its path (malloc'd). */
static char *make_book(const char *workbook, const char *sheet, const char *strings, const char *styles) {
  char *path = strdup("/tmp/kehto-xlsx-XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  int err;
  zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
  assert_non_null(z);
  const char *rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rId7\" Type=\"x/worksheet\" Target=\"worksheets/first.xml\"/>"
                     "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"/xl/strings.xml\"/>"
                     "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";
  const char *names[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/first.xml", "xl/strings.xml",
                         "xl/styles.xml"};
  const char *parts[] = {workbook, rels, sheet, strings, styles};
  for (int i = 0; i < 5; i++) {
    if (!parts[i]) continue;
    zip_source_t *src = zip_source_buffer(z, parts[i], strlen(parts[i]), 0);
    assert_true(zip_file_add(z, names[i], src, ZIP_FL_OVERWRITE) >= 0);
  }
  assert_int_equal(zip_close(z), 0);
  return path;
}

#define WORKBOOK(pr)                                                                                                   \
  "<workbook " NS " " RNS ">" pr "<sheets><sheet name=\"Eka\" sheetId=\"1\" r:id=\"rId7\"/>"                           \
  "<sheet name=\"Toka\" sheetId=\"2\" r:id=\"rId9\"/></sheets></workbook>"
#define SHEET(rows) "<worksheet " NS "><sheetData>" rows "</sheetData></worksheet>"

/* Reads the workbook made of the parts; returns the dump (malloc'd) and the last csv_next's answer in *rc, or NULL
 * with e set when it cannot be opened. */
static char *read_book(const char *workbook, const char *sheet, const char *strings, const char *styles, kerr *e,
                       int *rc) {
  char *path = make_book(workbook, sheet, strings, styles);
  csv *c = xlsx_open_file(path, e);
  char *text = c ? dump(c, e, rc) : NULL;
  csv_close(c);
  unlink(path);
  free(path);
  return text;
}

static const char STRINGS[] = "<sst " NS "><si><t>nimi</t></si><si><r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space="
                              "\"preserve\"> text</t></r><rPh><t>phonetic</t></rPh></si><si><t>line_x000D_two</t></si>"
                              "</sst>";
static const char STYLES[] = "<styleSheet " NS "><numFmts><numFmt numFmtId=\"170\" formatCode=\"d\\.m\\.yyyy\"/>"
                             "<numFmt numFmtId=\"171\" formatCode=\"[h]:mm:ss\"/></numFmts>"
                             "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
                             "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"170\"/>"
                             "<xf numFmtId=\"171\"/><xf numFmtId=\"4\"/></cellXfs></styleSheet>";

static void test_cells(void **s) {
  kerr e = {0};
  int rc;
  /* no r on a row or cell: the next one; cells by address with gaps; an empty row counted but skipped */
  char *text = read_book(
      WORKBOOK(""),
      SHEET("<row><c t=\"s\"><v>0</v></c><c r=\"D1\" t=\"inlineStr\"><is><t>inline</t></is></c></row>"
            "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" t=\"inlineStr\"><is><r><t>a</t></r><r><t>b</t>"
            "</r></is></c><c r=\"C3\" t=\"b\"><v>1</v></c><c r=\"D3\" t=\"b\"><v>0</v></c></row>"
            "<row r=\"4\"><c r=\"B4\" s=\"3\"/></row>"
            "<row r=\"5\"><c r=\"A5\"><v>1.5</v></c><c r=\"B5\" s=\"4\"><v>2019</v></c><c r=\"C5\"><v>1E+20</v></c>"
            "<c r=\"D5\" t=\"e\"><v>#N/A</v></c></row>"
            "<row r=\"6\"><c r=\"A6\" s=\"1\"><v>43525.75</v></c><c r=\"B6\" s=\"2\"><v>43525</v></c>"
            "<c r=\"C6\" s=\"3\"><v>1.25</v></c><c r=\"D6\" t=\"str\"><f>A1</f><v>kaava</v></c></row>"
            "<row r=\"7\"><c r=\"A7\" t=\"s\"><v>2</v></c><c r=\"AB7\" t=\"d\"><v>2026-11-22T00:00:00</v></c></row>"),
      STRINGS, STYLES, &e, &rc);
  assert_non_null(text);
  assert_int_equal(rc, 0);
  assert_string_equal(text, "1:nimi|||inline\n"
                            "3:Rich text|ab|TRUE|FALSE\n"
                            "5:1.5|2019|1e+20|#N/A\n"
                            "6:2019-03-01|2019-03-01|1.25|kaava\n"
                            "7:line\rtwo|||||||||||||||||||||||||||2026-11-22\n");
  free(text);
}

static void test_dates(void **s) {
  char d[11];
  /* 1900: Excel's serial 60 is 29 February 1900, which did not exist */
  assert_int_equal(xlsx_date(1, 0, d), 1), assert_string_equal(d, "1900-01-01");
  assert_int_equal(xlsx_date(59, 0, d), 1), assert_string_equal(d, "1900-02-28");
  assert_int_equal(xlsx_date(60, 0, d), 1), assert_string_equal(d, "1900-02-29");
  assert_int_equal(xlsx_date(61, 0, d), 1), assert_string_equal(d, "1900-03-01");
  assert_int_equal(xlsx_date(46348.99, 0, d), 1), assert_string_equal(d, "2026-11-22");
  assert_int_equal(xlsx_date(2958465, 0, d), 1), assert_string_equal(d, "9999-12-31");
  assert_int_equal(xlsx_date(2958466, 0, d), 0);
  assert_int_equal(xlsx_date(0.5, 0, d), 0);
  assert_int_equal(xlsx_date(-3, 0, d), 0);
  /* 1904: day 0 is 1 January 1904, so every date is 1462 days less */
  assert_int_equal(xlsx_date(46348 - 1462, 1, d), 1), assert_string_equal(d, "2026-11-22");
  assert_int_equal(xlsx_format_is_date("d.m.yyyy"), 1);
  assert_int_equal(xlsx_format_is_date("[$-40B]d\\.m\\.yyyy;@"), 1);
  assert_int_equal(xlsx_format_is_date("mmm yy"), 1);
  assert_int_equal(xlsx_format_is_date("dd/mm/yyyy hh:mm"), 1);
  assert_int_equal(xlsx_format_is_date("h:mm:ss"), 0);
  assert_int_equal(xlsx_format_is_date("[h]:mm"), 0);
  assert_int_equal(xlsx_format_is_date("mm:ss"), 0);
  assert_int_equal(xlsx_format_is_date("General"), 0);
  assert_int_equal(xlsx_format_is_date("0.00E+00"), 0);
  assert_int_equal(xlsx_format_is_date("#,##0 \"days\""), 0);
  assert_int_equal(xlsx_format_is_date("[Red]0.0"), 0);
}

static void test_1904(void **s) {
  kerr e = {0};
  int rc;
  char *text = read_book(WORKBOOK("<workbookPr date1904=\"true\"/>"),
                         SHEET("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44886</v></c></row>"), NULL, STYLES, &e, &rc);
  assert_non_null(text);
  assert_string_equal(text, "1:2026-11-22\n");
  free(text);
}

/* opens the book and expects e to contain want (at open, or from reading the rows) */
static void expect_error(const char *workbook, const char *sheet, const char *strings, const char *want) {
  kerr e = {0};
  int rc = 0;
  char *text = read_book(workbook, sheet, strings, NULL, &e, &rc);
  if (text) assert_int_equal(rc, -1);
  assert_non_null(e.msg);
  if (!strstr(e.msg, want)) fail_msg("'%s' lacks '%s'", e.msg, want);
  free(text);
  kerr_clear(&e);
}

static void test_refused(void **s) {
  expect_error(WORKBOOK(""), SHEET("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"), NULL, "a cell is past column XFD");
  expect_error(WORKBOOK(""), SHEET("<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"A2\"><v>1</v></c></row>"), NULL,
               ", row 2: cell A2 comes after a cell to its right");
  expect_error(WORKBOOK(""), SHEET("<row r=\"2\"/><row r=\"1\"/>"), NULL, "row number 1 of the sheet is out of order");
  expect_error(WORKBOOK(""), SHEET("<row r=\"1048577\"><c><v>1</v></c></row>"), NULL, "past row 1048576");
  expect_error(WORKBOOK(""), SHEET("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>3</v></c></row>"), STRINGS,
               "cell A1 refers to a shared string the workbook does not have");
  expect_error(WORKBOOK(""), SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></row>"), NULL,
               "xl/worksheets/first.xml is not well-formed XML (line 1");
  expect_error(NULL, SHEET(""), NULL, "the ZIP archive has no xl/workbook.xml, so it is not an Excel workbook");
  expect_error("<workbook " NS "><sheets/></workbook>", SHEET(""), NULL, "the workbook has no sheets");
  expect_error(WORKBOOK(""), NULL, NULL, "has no xl/worksheets/first.xml");
  /* entities declared in the sheet (a "billion laughs") are not expanded */
  kerr e = {0};
  int rc = 0;
  char *text =
      read_book(WORKBOOK(""),
                "<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" SHEET(
                    "<row><c t=\"inlineStr\"><is><t>x&b;</t></is></c></row>"),
                NULL, NULL, &e, &rc);
  assert_non_null(text);
  assert_null(strstr(text, "aaaaaaaaaa"));
  free(text);
  kerr_clear(&e);
}

/* A ZIP source of n zero bytes made as it is read, so a part of hundreds of megabytes needs no memory. */
typedef struct zeros {
  zip_uint64_t n, at;
} zeros;

static zip_int64_t zeros_cb(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd) {
  zeros *z = ud;
  switch (cmd) {
  case ZIP_SOURCE_OPEN: z->at = 0; return 0;
  case ZIP_SOURCE_READ: {
    zip_uint64_t k = z->n - z->at < len ? z->n - z->at : len;
    memset(data, ' ', k);
    z->at += k;
    return (zip_int64_t)k;
  }
  case ZIP_SOURCE_STAT: {
    zip_stat_t *st = data;
    zip_stat_init(st);
    st->size = z->n;
    st->valid |= ZIP_STAT_SIZE;
    return sizeof *st;
  }
  case ZIP_SOURCE_SUPPORTS:
    return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                          ZIP_SOURCE_FREE, -1);
  default: return 0;
  }
}

static void test_zip_bomb_refused(void **s) {
  char *path = make_book(WORKBOOK(""), SHEET(""), NULL, NULL);
  int err;
  zip_t *z = zip_open(path, 0, &err);
  zeros big = {XLSX_MAX_STRINGS + 1, 0};
  zip_source_t *src = zip_source_function(z, zeros_cb, &big);
  assert_true(zip_file_add(z, "xl/strings.xml", src, ZIP_FL_OVERWRITE) >= 0);
  assert_int_equal(zip_close(z), 0);
  FILE *f = fopen(path, "rb");
  char small[1 << 20];
  size_t n = fread(small, 1, sizeof small, f);
  fclose(f);
  assert_true(n < sizeof small); /* 64 MB of spaces packed into less than 1 MB */
  kerr e = {0};
  assert_null(xlsx_open_mem(small, n, "bomb.xlsx", &e));
  assert_non_null(strstr(e.msg, "bomb.xlsx: xl/strings.xml would unpack to more than 64 MB"));
  kerr_clear(&e);
  unlink(path);
  free(path);
}

static void test_not_a_zip(void **s) {
  kerr e = {0};
  assert_int_equal(xlsx_is_zip("PK\3\4", 4), 1);
  assert_int_equal(xlsx_is_zip("PK\3", 3), 0);
  assert_int_equal(xlsx_is_zip("a,b\n", 4), 0);
  assert_null(xlsx_open_mem("PK\3\4 and then nothing", 22, "fake.xlsx", &e));
  assert_non_null(strstr(e.msg, "fake.xlsx: the file starts as a ZIP archive (.xlsx) but cannot be read as one"));
  kerr_clear(&e);
  /* decided by content: CSV text named .xlsx is read as CSV, a workbook named .csv as a workbook */
  csv *c = import_open_mem("a;b\n1;2\n", 8, "really.xlsx", &e);
  assert_non_null(c);
  assert_int_equal(csv_next(c, &e), 1);
  assert_string_equal(csv_field(c, 1), "b");
  csv_close(c);
}

static void problem(void *ctx, long row, const char *column, const char *what) {
  buf *b = ctx;
  buf_printf(b, "%ld|%r|%r\n", row, column ? column : "-", what);
}

/* A workbook goes through the same importer as CSV: the same checks, rows and columns in the messages. */
static void test_same_importer(void **s) {
  kerr e = {0};
  db *d = db_open(":memory:", 1, search_attach, &e);
  assert_non_null(d);
  assert_int_equal(refdata_load(d, &e), K_OK);
  char *path = make_book(
      WORKBOOK(""),
      SHEET("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>title</t></is></c><c r=\"B1\" t=\"inlineStr\"><is>"
            "<t>organisation</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>municipality</t></is></c><c r=\"D1\" "
            "t=\"inlineStr\"><is><t>sector</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>summary</t></is></c>"
            "<c r=\"F1\" t=\"inlineStr\"><is><t>goal</t></is></c><c r=\"G1\" t=\"inlineStr\"><is><t>actions</t></is>"
            "</c><c r=\"H1\" t=\"inlineStr\"><is><t>results</t></is></c><c r=\"I1\" t=\"inlineStr\"><is><t>year</t>"
            "</is></c></row>"
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Hyvä</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Oy"
            "</t></is></c><c r=\"C2\"><v>564</v></c><c r=\"D2\" t=\"inlineStr\"><is><t>sote</t></is></c><c r=\"F2\" "
            "t=\"inlineStr\"><is><t>G</t></is></c><c r=\"H2\" t=\"inlineStr\"><is><t>R</t></is></c><c r=\"I2\">"
            "<v>2019</v></c></row>"
            "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>Huono</t></is></c><c r=\"B4\" t=\"inlineStr\"><is><t>Oy"
            "</t></is></c><c r=\"C4\"><v>564</v></c><c r=\"D4\" t=\"inlineStr\"><is><t>sote</t></is></c><c r=\"F4\" "
            "t=\"inlineStr\"><is><t>G</t></is></c><c r=\"H4\" t=\"inlineStr\"><is><t>R</t></is></c><c r=\"I4\">"
            "<v>1999</v></c></row>"),
      NULL, NULL);
  FILE *f = fopen(path, "rb");
  char data[8192];
  size_t n = fread(data, 1, sizeof data, f);
  fclose(f);
  import_stats st;
  buf problems = BUF_INIT;
  assert_int_equal(import_check_mem(d, "deeds", data, n, "teot.xlsx", problem, &problems, &st, &e), K_ERR);
  assert_string_equal(problems.data, "4|year|'1999' is not a year between 2000 and 2100\n");
  assert_string_equal(e.msg, "teot.xlsx, row 4, column year: '1999' is not a year between 2000 and 2100");
  assert_int_equal(st.bad, 1);
  kerr_clear(&e);
  buf_free(&problems);
  assert_int_equal(import_deeds(d, path, 0, &st, &e), K_ERR);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM deed", ""), 0);
  kerr_clear(&e);
  unlink(path);
  free(path);
  db_close(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_libreoffice_fixture),
      cmocka_unit_test(test_cells),
      cmocka_unit_test(test_dates),
      cmocka_unit_test(test_1904),
      cmocka_unit_test(test_refused),
      cmocka_unit_test(test_zip_bomb_refused),
      cmocka_unit_test(test_not_a_zip),
      cmocka_unit_test(test_same_importer),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
