/* Unit tests for core/buf: each escaping context and the printf conversions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <stdlib.h>

#include "core/buf.h"

static void test_html_escapes_all_specials(void **s) {
  buf b = BUF_INIT;
  buf_printf(&b, "<p title=\"%h\">%h</p>", "a\"b'c", "<script>alert(1)</script> & ok");
  assert_string_equal(b.data, "<p title=\"a&quot;b&#39;c\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; ok</p>");
  buf_free(&b);
}

/* XML 1.0 allows no C0 control but tab, LF and CR (a title pasted with a form feed made the news Atom feed not
 * well-formed); HTML calls them parse errors too: %h drops them. */
static void test_html_drops_control_characters(void **s) {
  buf b = BUF_INIT;
  buf_printf(&b, "<title>%h</title>", "Uusi\fsivu\x01 & \x0b\x1f\tsarkain\nrivi\r");
  assert_string_equal(b.data, "<title>Uusisivu &amp; \tsarkain\nrivi\r</title>");
  buf_free(&b);
  buf_xml(&b, "a\x02" "b");
  assert_string_equal(b.data, "ab");
  buf_free(&b);
}

static void test_url_component(void **s) {
  buf b = BUF_INIT;
  buf_printf(&b, "/tekot?q=%U", "työ & hyvä/ä?");
  assert_string_equal(b.data, "/tekot?q=ty%C3%B6%20%26%20hyv%C3%A4%2F%C3%A4%3F");
  buf_free(&b);
}

static void test_json_string(void **s) {
  buf b = BUF_INIT;
  buf_printf(&b, "{\"t\":%J,\"n\":%J}", "a\"b\\c\n</script>\x01", NULL);
  assert_string_equal(b.data, "{\"t\":\"a\\\"b\\\\c\\n\\u003c/script\\u003e\\u0001\",\"n\":null}");
  buf_free(&b);
}

static void test_csv_quotes_and_formulas(void **s) {
  buf b = BUF_INIT;
  buf_csv(&b, "plain");
  buf_putc(&b, '|');
  buf_csv(&b, "a,b \"q\"");
  buf_putc(&b, '|');
  buf_csv(&b, "=HYPERLINK(\"x\")");
  buf_putc(&b, '|');
  buf_csv(&b, "-5");
  assert_string_equal(b.data, "plain|\"a,b \"\"q\"\"\"|\"'=HYPERLINK(\"\"x\"\")\"|\"'-5\"");
  buf_free(&b);
}

static void test_numbers_and_dates(void **s) {
  buf b = BUF_INIT;
  buf_printf(&b, "%d %ld %lld %zu %u %.1f|%N|%N|%D", -3, 40L, 5000000000LL, (size_t)7, 9u, 2.25, 10000LL, 999LL,
             "2026-11-02T10:00:00Z");
  assert_string_equal(b.data, "-3 40 5000000000 7 9 2.2|10\xE2\x80\xAF"
                              "000|999|2.11.2026");
  buf_free(&b);
}

static void test_raw_and_detach(void **s) {
  buf b = BUF_INIT;
  buf_printf(&b, "%r%%", "<b>");
  char *p = buf_detach(&b);
  assert_string_equal(p, "<b>%");
  assert_null(b.data);
  free(p);
  char *m = buf_mprintf("%h", "&");
  assert_string_equal(m, "&amp;");
  free(m);
}

static void test_detach_empty_is_empty_string(void **s) {
  buf b = BUF_INIT;
  char *p = buf_detach(&b);
  assert_non_null(p);
  assert_string_equal(p, "");
  free(p);
  buf_grow(&b, 10);
  assert_string_equal(b.data, "");
  buf_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_html_escapes_all_specials),
      cmocka_unit_test(test_html_drops_control_characters),
      cmocka_unit_test(test_url_component),
      cmocka_unit_test(test_json_string),
      cmocka_unit_test(test_csv_quotes_and_formulas),
      cmocka_unit_test(test_numbers_and_dates),
      cmocka_unit_test(test_raw_and_detach),
      cmocka_unit_test(test_detach_empty_is_empty_string),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
