/* Unit tests for core/map (string map, seen-key set) and utf8_clip, moved out of the importer in #8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/map.h"
#include "core/utf8.h"
#include "core/util.h"

static void test_strmap_add_find_grow(void **state) {
  strmap m = {0};
  char key[32];
  size_t slot;
  assert_int_equal(strmap_find(&m, "a", &slot), 0); /* an empty map has no table yet */
  for (long i = 0; i < 5000; i++) {
    snprintf(key, sizeof key, "avain %ld", i);
    strmap_add(&m, key, i % 2 ? util_strdup(key) : NULL, i);
  }
  assert_int_equal(m.n, 5000);
  for (long i = 0; i < 5000; i++) {
    snprintf(key, sizeof key, "avain %ld", i);
    assert_int_equal(strmap_find(&m, key, &slot), 1);
    assert_int_equal(m.nums[slot], i);
    if (i % 2)
      assert_string_equal(m.vals[slot], key);
    else
      assert_null(m.vals[slot]);
  }
  assert_int_equal(strmap_find(&m, "avain 5000", &slot), 0);
  strmap_free(&m);
}

static void test_strmap_max_empties(void **state) {
  strmap m = {.max = 3};
  size_t slot;
  strmap_add(&m, "yksi", NULL, 1);
  strmap_add(&m, "kaksi", NULL, 2);
  strmap_add(&m, "kolme", NULL, 3);
  assert_int_equal(m.n, 3);
  strmap_add(&m, "neljä", NULL, 4); /* full: emptied first, keeping max */
  assert_int_equal(m.n, 1);
  assert_int_equal(m.max, 3);
  assert_int_equal(strmap_find(&m, "yksi", &slot), 0);
  assert_int_equal(strmap_find(&m, "neljä", &slot), 1);
  assert_int_equal(m.nums[slot], 4);
  strmap_free(&m);
}

static void test_seen_first_row(void **state) {
  seenset s = {0};
  char key[32];
  for (long row = 2; row < 20002; row++) {
    snprintf(key, sizeof key, "ref-%ld", row);
    assert_int_equal(seen_add(&s, key, row), 0);
  }
  assert_int_equal(seen_add(&s, "ref-2", 30000), 2);
  assert_int_equal(seen_add(&s, "ref-20001", 30001), 20001);
  assert_int_equal(seen_add(&s, "ref-2", 30002), 2); /* the first row is kept */
  seen_free(&s);
}

static void test_utf8_clip(void **state) {
  char out[8];
  assert_string_equal(utf8_clip("lyhyt", out, sizeof out), "lyhyt");
  assert_string_equal(utf8_clip("pitkä arvo", out, sizeof out), "pitk..."); /* 4 bytes kept, then "..." */
  assert_string_equal(utf8_clip("ääääää", out, sizeof out), "ää...");       /* never cuts inside a character */
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_strmap_add_find_grow),
      cmocka_unit_test(test_strmap_max_empties),
      cmocka_unit_test(test_seen_first_row),
      cmocka_unit_test(test_utf8_clip),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
