/* Unit tests for db: the portable SQL it supplies (string_agg as group_concat did) and db_now's text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "search/search.h"

static int setup(void **state) {
  kerr e = {0};
  db *d = db_open(":memory:", 1, search_attach, &e);
  if (!d) fail_msg("db_open: %s", e.msg);
  db_script(d, "CREATE TEMP TABLE v(g INTEGER, x TEXT, pos INTEGER);"
               "INSERT INTO v VALUES (1,'a',1),(1,NULL,2),(1,'b',3),(1,'',4),(1,'c',5),(2,NULL,1),(3,'',1),(4,'x',1);");
  *state = d;
  return 0;
}

static int teardown(void **state) {
  db_close(*state);
  return 0;
}

/* string_agg gives what group_concat gave: NULLs skipped, '' kept, NULL when nothing, the order of the rows. */
static void test_string_agg_is_group_concat(void **state) {
  db *d = *state;
  for (int g = 0; g <= 4; g++) {
    char *want =
        db_text(d, "SELECT group_concat(x, ', ') FROM (SELECT x FROM v WHERE g=?1 ORDER BY pos) t", "i", (long long)g);
    char *got =
        db_text(d, "SELECT string_agg(x, ', ') FROM (SELECT x FROM v WHERE g=?1 ORDER BY pos) t", "i", (long long)g);
    if (!want)
      assert_null(got);
    else
      assert_string_equal(got, want);
    free(want), free(got);
  }
  char *s = db_text(d, "SELECT string_agg(x, ', ') FROM (SELECT x FROM v WHERE g=1 ORDER BY pos) t", "");
  assert_string_equal(s, "a, b, , c");
  free(s);
}

/* db_now writes the text strftime('%Y-%m-%dT%H:%M:%SZ','now') wrote, so stored timestamps keep one format. */
static void test_now_is_the_schema_format(void **state) {
  db *d = *state;
  db_time t = db_now();
  assert_int_equal(strlen(t.s), 20);
  assert_true(db_exists(d, "SELECT 1 WHERE ?1 = strftime('%Y-%m-%dT%H:%M:%SZ', ?1)", "t", t.s));
  char *sql_now = db_text(d, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')", "");
  assert_true(strcmp(sql_now, t.s) >= 0); /* taken after */
  free(sql_now);
}

/* Without search attached the migrations cannot create the FTS5 tables: the opener must pass search_attach. */
static void test_open_needs_search_attached(void **state) {
  (void)state;
  kerr e = {0};
  db *d = db_open(":memory:", 1, NULL, &e);
  assert_null(d);
  assert_non_null(e.msg);
  kerr_clear(&e);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_string_agg_is_group_concat, setup, teardown),
      cmocka_unit_test_setup_teardown(test_now_is_the_schema_format, setup, teardown),
      cmocka_unit_test(test_open_needs_search_attached),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
