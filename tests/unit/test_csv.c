/* Unit tests for core/csv: quoted newlines, BOM, semicolons, Windows-1252 and malformed input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_quoted_newline_and_escaped_quote),
      cmocka_unit_test(test_bom_semicolon_crlf),
      cmocka_unit_test(test_windows_1252_converted),
      cmocka_unit_test(test_unterminated_quote_names_row),
      cmocka_unit_test(test_empty_file_is_an_error),
      cmocka_unit_test(test_blank_lines_keep_spreadsheet_row_numbers),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
