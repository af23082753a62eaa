/* Unit tests for model/audit: rows written with who, what and when; refused without actor; lists by subject. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model/audit.h"
#include "fixture.h"

static void test_log_and_list(void **state) {
  db *d = *state;
  assert_int_equal(audit_log(d, "staff@example.fi", "view", "person:1", "person page"), K_OK);
  assert_int_equal(audit_log(d, "cli", "export", "person:1", NULL), K_OK);
  assert_int_equal(audit_log(d, "cli", "view", "person:12", "other"), K_OK);
  assert_int_equal(audit_log(d, "cli", "view", "person:1/participations", "sub"), K_OK);
  int n = 0;
  arena a = {0};
  audit_row *v = audit_list(d, &a, "person:1", 10, 0, &n);
  assert_int_equal(n, 2);
  assert_string_equal(v[0].actor, "cli"); /* newest first */
  assert_string_equal(v[0].action, "export");
  assert_string_equal(v[0].detail, "");
  assert_string_equal(v[1].actor, "staff@example.fi");
  assert_int_equal(strlen(v[1].at), 20); /* 2026-11-22T22:00:00Z */
  v = audit_about(d, &a, "person:1", 10, &n);
  assert_int_equal(n, 3); /* person:1 and person:1/…, not person:12 */
  assert_int_equal(audit_count(d, NULL), 4);
  assert_int_equal(audit_count(d, "person:12"), 1);
  v = audit_list(d, &a, NULL, 2, 2, &n);
  assert_int_equal(n, 2);
  assert_string_equal(v[0].subject, "person:1");
  arena_free(&a);
}

static void test_refuses_rows_without_actor(void **state) {
  db *d = *state;
  assert_int_equal(audit_log(d, "", "view", "person:1", NULL), K_ERR);
  assert_int_equal(audit_log(d, "cli", NULL, "person:1", NULL), K_ERR);
  assert_int_equal(audit_log(d, "cli", "view", " ", NULL), K_ERR);
  assert_int_equal(audit_count(d, NULL), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      FIXTURE_TEST(test_log_and_list),
      FIXTURE_TEST(test_refuses_rows_without_actor),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
