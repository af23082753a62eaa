/* Unit tests for core/csv: quoted newlines, BOM, semicolons, Windows-1252, malformed input, and the stream: records,
 * quotes, CRLF, the BOM and UTF-8 characters cut by chunk ends, the row limit, pipes, files that are not CSV. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/csv.h"

static csv *open_text(const char *t, kerr *e) {
  return csv_open_mem(t, strlen(t), "t.csv", e);
}

static void test_quoted_newline_and_escaped_quote(void **s) {
  kerr e = {0};
  csv *c = open_text("a,b\n\"line1\nline2\",\"say \"\"hi\"\"\"\nx,y\n", &e);
  assert_non_null(c);
  assert_int_equal(csv_next(c, &e), 1);
  assert_int_equal(csv_next(c, &e), 1);
  assert_int_equal(csv_row(c), 2);
  assert_string_equal(csv_field(c, 0), "line1\nline2");
  assert_string_equal(csv_field(c, 1), "say \"hi\"");
  assert_int_equal(csv_next(c, &e), 1);
  assert_int_equal(csv_row(c), 3);
  assert_string_equal(csv_field(c, 1), "y");
  assert_int_equal(csv_next(c, &e), 0);
  csv_close(c);
}

static void test_bom_semicolon_crlf(void **s) {
  kerr e = {0};
  csv *c = open_text("\xEF\xBB\xBFtitle;year\r\nKunta, ja työ;2019\r\n", &e);
  assert_non_null(c);
  assert_int_equal(csv_delimiter(c), ';');
  assert_int_equal(csv_next(c, &e), 1);
  assert_string_equal(csv_field(c, 0), "title");
  assert_int_equal(csv_next(c, &e), 1);
  assert_string_equal(csv_field(c, 0), "Kunta, ja työ");
  assert_string_equal(csv_field(c, 1), "2019");
  assert_int_equal(csv_nfields(c), 2);
  csv_close(c);
}

static void test_windows_1252_converted(void **s) {
  kerr e = {0};
  csv *c = open_text("nimi;summa\n\xC4\xE4nekoski \x80;5\n", &e); /* Ääänekoski €, in Windows-1252 */
  assert_non_null(c);
  assert_true(csv_was_cp1252(c));
  csv_next(c, &e);
  assert_int_equal(csv_next(c, &e), 1);
  assert_string_equal(csv_field(c, 0), "\xC3\x84\xC3\xA4nekoski \xE2\x82\xAC");
  csv_close(c);
}

static void test_unterminated_quote_names_row(void **s) {
  kerr e = {0};
  csv *c = open_text("a,b\n1,2\n\"open,3\n", &e);
  assert_int_equal(csv_next(c, &e), 1);
  assert_int_equal(csv_next(c, &e), 1);
  assert_int_equal(csv_next(c, &e), -1);
  assert_non_null(strstr(e.msg, "t.csv, row 3"));
  assert_non_null(strstr(e.msg, "not closed"));
  kerr_clear(&e);
  csv_close(c);
}

static void test_blank_lines_keep_spreadsheet_row_numbers(void **s) {
  kerr e = {0};
  csv *c = open_text("a,b\n1,2\n\n\r\n3,4\n", &e);
  assert_int_equal(csv_next(c, &e), 1);
  assert_int_equal(csv_next(c, &e), 1);
  assert_int_equal(csv_row(c), 2);
  assert_int_equal(csv_next(c, &e), 1);
  assert_string_equal(csv_field(c, 0), "3");
  assert_int_equal(csv_row(c), 5);
  csv_close(c);
}

static void test_empty_file_is_an_error(void **s) {
  kerr e = {0};
  assert_null(open_text("", &e));
  assert_non_null(strstr(e.msg, "empty"));
  kerr_clear(&e);
  assert_null(open_text("\xEF\xBB\xBF\r\n  \n", &e));
  kerr_clear(&e);
}

/* Reads text (len bytes) with the given chunk size and row limit (0: default) and writes every record as
 * "ROW:field|field[!BAD]" lines into out, or "error: MSG" at an error; returns the csv_next result at the end. */
static int dump(const char *text, size_t len, size_t chunk, size_t max_row, buf *out) {
  kerr e = {0};
  FILE *f = fmemopen((void *)text, len, "rb");
  assert_non_null(f);
  csv_opts o = {.chunk = chunk, .max_row = max_row};
  csv *c = csv_open_stream(f, "t.csv", &o, &e);
  int r = -1;
  if (!c) {
    buf_printf(out, "open error: %r\n", e.msg);
  } else {
    buf_printf(out, "delim %c cp1252 %d bom %d\n", csv_delimiter(c), csv_was_cp1252(c), csv_bom(c));
    while ((r = csv_next(c, &e)) == 1) {
      buf_printf(out, "%ld:", csv_row(c));
      for (int i = 0; i < csv_nfields(c); i++) buf_printf(out, "%r%r", i ? "|" : "", csv_field(c, i));
      if (csv_bad_field(c) >= 0) buf_printf(out, "!%d", csv_bad_field(c));
      buf_putc(out, '\n');
    }
    if (r < 0) buf_printf(out, "error: %r\n", e.msg);
  }
  kerr_clear(&e);
  csv_close(c);
  fclose(f);
  return r;
}

/* Every chunk size from 1 to 9 bytes reads the text exactly as one big chunk does. */
static void expect_same_in_chunks(const char *text, size_t len) {
  buf whole = BUF_INIT;
  dump(text, len, 0, 0, &whole);
  for (size_t chunk = 1; chunk <= 9; chunk++) {
    buf part = BUF_INIT;
    dump(text, len, chunk, 0, &part);
    if (strcmp(whole.data, part.data) != 0) fail_msg("chunk %zu:\n%s\nwhole:\n%s", chunk, part.data, whole.data);
    buf_free(&part);
  }
  buf_free(&whole);
}

#define SAME(lit) expect_same_in_chunks(lit, sizeof lit - 1)

static void test_chunk_ends_anywhere(void **s) {
  /* quoted newlines and "" escapes, CRLF, a BOM, characters of 2, 3 and 4 bytes, blank rows, spaces */
  SAME("\xEF\xBB\xBFnimi;\"kuvaus\";m\xC3\xA4\xC3\xA4r\xC3\xA4\r\n"
       "\"Ty\xC3\xB6\r\nrivi 2\";\"sanoi \"\"hei\"\"\";5 \xE2\x82\xAC\r\n"
       "\r\n;;\r\n"
       "  \xF0\x9F\x98\x80 ; \"\"\"\"\" ;\"a;b\"\r\n"
       "x;\"\";\"\n\n\"");
  /* Windows-1252 and a mostly UTF-8 file with a stray byte */
  SAME("a,b\n\xC4\xE4nekoski \x80,\"\x96\n\xFF\"\n");
  SAME("a,b\nTy\xC3\xB6,Hyv\xC3\xA4\nKyl\xE4,\xC3\xA4\xC3\n\xE2\x82,x\n");
  /* broken and truncated characters at the very end */
  SAME("a,b\n\xC3\xA4,\xE2\x82");
  SAME("a,b\n\xC3\xA4,\xF0\x9F\x98");
}

static void test_records_across_chunks(void **s) {
  buf out = BUF_INIT;
  const char t[] = "a,b\r\n\"1\r\n2\",\"x\"\"y\"\r\n3,4\r";
  dump(t, sizeof t - 1, 1, 0, &out);
  assert_string_equal(out.data, "delim , cp1252 0 bom 0\n1:a|b\n2:1\r\n2|x\"y\n3:3|4\n");
  buf_free(&out);
}

static void test_bom_cut_by_chunks(void **s) {
  for (size_t chunk = 1; chunk <= 4; chunk++) {
    buf out = BUF_INIT;
    const char t[] = "\xEF\xBB\xBFtitle;year\n\xC3\xA4;1\n";
    dump(t, sizeof t - 1, chunk, 0, &out);
    assert_string_equal(out.data, "delim ; cp1252 0 bom 1\n1:title|year\n2:\xC3\xA4|1\n");
    buf_free(&out);
  }
}

static void test_bom_then_invalid_utf8_marks_the_field(void **s) {
  /* "Rikki ÿþ teksti" in Windows-1252 after a UTF-8 BOM: not read as Windows-1252 */
  buf out = BUF_INIT;
  const char t[] = "\xEF\xBB\xBF"
                   "a;b;c\n1;Rikki \xFF\xFE teksti;3\n";
  dump(t, sizeof t - 1, 2, 0, &out);
  assert_string_equal(out.data, "delim ; cp1252 0 bom 1\n1:a|b|c\n2:1|Rikki \xEF\xBF\xBD\xEF\xBF\xBD teksti|3!1\n");
  buf_free(&out);
}

static void test_late_windows_1252_byte_converts_the_file(void **s) {
  /* the only non-ASCII byte is far past the first chunk: the first pass still sees it */
  buf t = BUF_INIT, out = BUF_INIT;
  buf_puts(&t, "a,b\n");
  for (int i = 0; i < 20000; i++) buf_puts(&t, "x,y\n");
  buf_puts(&t, "Jyv\xE4skyl\xE4,z\n");
  dump(t.data, t.len, 0, 0, &out);
  assert_non_null(strstr(out.data, "delim , cp1252 1 bom 0\n"));
  assert_non_null(strstr(out.data, "20002:Jyv\xC3\xA4skyl\xC3\xA4|z\n"));
  buf_free(&t);
  buf_free(&out);
}

static void test_row_limit(void **s) {
  buf out = BUF_INIT;
  const char t[] = "a,b\n1,2\n0123456789,0123456789012345678901234567890123456789\n5,6\n";
  assert_int_equal(dump(t, sizeof t - 1, 4, 32, &out), -1);
  assert_non_null(strstr(out.data, "2:1|2\nerror: t.csv, row 3 (line 3): the row is longer than 32 bytes"));
  buf_reset(&out);
  const char q[] = "a,b\n\"1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n13,14\n15,16\n17,18\n";
  assert_int_equal(dump(q, sizeof q - 1, 3, 16, &out), -1);
  assert_non_null(strstr(out.data, "error: t.csv, row 2 (line 2): a quoted field is not closed (it goes on for more"));
  buf_reset(&out);
  const char commas[] = "a\n,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n"; /* empty fields count too */
  assert_int_equal(dump(commas, sizeof commas - 1, 5, 32, &out), -1);
  assert_non_null(strstr(out.data, "the row is longer than 32 bytes"));
  buf_free(&out);
}

/* Opens text as csv_open_mem does and returns the error message (caller frees), or NULL when it opens. */
static char *open_error(const char *text, size_t len) {
  kerr e = {0};
  csv *c = csv_open_mem(text, len, "t.csv", &e);
  csv_close(c);
  return e.msg;
}

static void expect_open_error(const char *text, size_t len, const char *want) {
  char *msg = open_error(text, len);
  if (!msg || !strstr(msg, want)) fail_msg("message '%s' lacks '%s'", msg ? msg : "(none)", want);
  free(msg);
}

static void test_not_csv_text(void **s) {
  expect_open_error("\xFF\xFEt\0i\0t\0l\0e\0\n\0", 14, "t.csv: the file is UTF-16 text");
  expect_open_error("\xFE\xFF\0t\0i", 6, "Tallenna nimellä → \"CSV UTF-8 (pilkuin erotettu) (*.csv)\"");
  expect_open_error("t\0i\0t\0l\0e\0,\0y\0\n\0", 16, "looks like UTF-16 text");
  buf t = BUF_INIT;
  for (int i = 0; i < 500; i++) buf_puts(&t, "a,b,c,d\n");
  buf_append(&t, "x\0y\n", 4);
  expect_open_error(t.data, t.len, "t.csv: line 501 has a NUL byte (byte 4002 of the file)");
  buf_free(&t);
  expect_open_error("PK\x03\x04\x14\0\x06\0", 8, "is an Excel workbook (.xlsx)");
  expect_open_error("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "(.xls)");
  expect_open_error("\xEF\xBB\xBF", 3, "t.csv: the file is empty");
  expect_open_error("\xEF\xBB\xBF \r\n\t\n", 8, "t.csv: the file is empty");
}

static void test_pipe_is_read(void **s) {
  /* a pipe cannot seek: it is copied to a temporary file for the first pass */
  int fd[2];
  assert_int_equal(pipe(fd), 0);
  const char t[] = "a;b\n\xE4;\"x\ny\"\n";
  assert_int_equal(write(fd[1], t, sizeof t - 1), (ssize_t)(sizeof t - 1));
  close(fd[1]);
  FILE *f = fdopen(fd[0], "rb");
  kerr e = {0};
  csv_opts o = {.chunk = 3};
  csv *c = csv_open_stream(f, "pipe", &o, &e);
  assert_non_null(c);
  assert_int_equal(csv_delimiter(c), ';');
  assert_true(csv_was_cp1252(c));
  assert_int_equal(csv_next(c, &e), 1);
  assert_int_equal(csv_next(c, &e), 1);
  assert_string_equal(csv_field(c, 0), "\xC3\xA4");
  assert_string_equal(csv_field(c, 1), "x\ny");
  assert_int_equal(csv_next(c, &e), 0);
  assert_int_equal(csv_offset(c), csv_size(c));
  csv_close(c);
  fclose(f);
}

static void test_delimiter_from_first_non_empty_line(void **s) {
  buf out = BUF_INIT;
  const char t[] = "\r\n\n\"a,b\";c;d,e;f\n1;2;3;4\n";
  dump(t, sizeof t - 1, 2, 0, &out);
  assert_string_equal(out.data, "delim ; cp1252 0 bom 0\n3:a,b|c|d,e|f\n4:1|2|3|4\n");
  buf_free(&out);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_quoted_newline_and_escaped_quote),
      cmocka_unit_test(test_bom_semicolon_crlf),
      cmocka_unit_test(test_windows_1252_converted),
      cmocka_unit_test(test_unterminated_quote_names_row),
      cmocka_unit_test(test_empty_file_is_an_error),
      cmocka_unit_test(test_blank_lines_keep_spreadsheet_row_numbers),
      cmocka_unit_test(test_chunk_ends_anywhere),
      cmocka_unit_test(test_records_across_chunks),
      cmocka_unit_test(test_bom_cut_by_chunks),
      cmocka_unit_test(test_bom_then_invalid_utf8_marks_the_field),
      cmocka_unit_test(test_late_windows_1252_byte_converts_the_file),
      cmocka_unit_test(test_row_limit),
      cmocka_unit_test(test_not_csv_text),
      cmocka_unit_test(test_pipe_is_read),
      cmocka_unit_test(test_delimiter_from_first_non_empty_line),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
