/* Unit tests for the registry and moderation lists: org_count/org_list filters and paging, deed lists by status. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/deed.h"
#include "model/org.h"
#include "model/refdata.h"
#include "search/search.h"

static char path[64];

/* A fresh database with reference data and a few organisations and deeds. */
static int setup(void **state) {
  snprintf(path, sizeof path, "/tmp/kehto-unit-XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0) return -1;
  close(fd);
  kerr e = {0};
  db *d = db_open(path, 1, search_attach, &e);
  if (!d || refdata_load(d, &e) != K_OK) return -1;
  const char *orgs[][3] = {{"Helsingin kaupunki", "kunta", "0201256-6"},
                           {"Espoon kaupunki", "kunta", NULL},
                           {"HUS-yhtymä", "kuntayhtyma", NULL},
                           {"Sata_100%", "yhtio", NULL}};
  for (size_t i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
    org o = {.name = (char *)orgs[i][0], .type = (char *)orgs[i][1], .ytunnus = (char *)orgs[i][2]};
    if (!org_insert(d, &o, &e)) return -1;
  }
  for (int i = 0; i < 5; i++) {
    deed x = {.title = "Teko",
              .org_id = 1,
              .sector_code = "sote",
              .goal = "g",
              .results = "r",
              .year = 2019,
              .municipality_code = "091"};
    if (!deed_insert(d, &x, i < 3 ? "submitted" : "published", &e)) return -1;
  }
  *state = d;
  return 0;
}

static int teardown(void **state) {
  db_close(*state);
  unlink(path);
  char side[80];
  snprintf(side, sizeof side, "%s-wal", path);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", path);
  unlink(side);
  return 0;
}

static void test_org_list_all_sorted_with_counts(void **state) {
  arena a = {0};
  db *d = *state;
  org_filter f = {0};
  assert_int_equal(org_count(d, &f), 4);
  int n = 0;
  org *v = org_list(d, &a, &f, 50, 0, &n);
  assert_int_equal(n, 4);
  assert_string_equal(v[0].name, "Espoon kaupunki");
  assert_string_equal(v[1].name, "Helsingin kaupunki");
  assert_int_equal(v[1].deed_count, 5);
  assert_string_equal(v[1].ytunnus, "0201256-6");
  assert_int_equal(v[0].deed_count, 0);
  arena_free(&a);
}

static void test_org_list_search_and_type(void **state) {
  arena a = {0};
  db *d = *state;
  org_filter f = {.q = "kaupunki"};
  assert_int_equal(org_count(d, &f), 2);
  f.type = "kunta";
  f.q = "HELSING";
  assert_int_equal(org_count(d, &f), 1);
  f.q = "0201256";
  assert_int_equal(org_count(d, &f), 1);
  f = (org_filter){.type = "kuntayhtyma"};
  int n = 0;
  org *v = org_list(d, &a, &f, 50, 0, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].name, "HUS-yhtymä");
  arena_free(&a);
}

static void test_org_list_like_characters_are_plain(void **state) {
  db *d = *state;
  org_filter f = {.q = "%"};
  assert_int_equal(org_count(d, &f), 1);
  f.q = "_";
  assert_int_equal(org_count(d, &f), 1);
  f.q = "a_1";
  assert_int_equal(org_count(d, &f), 1);
  f.q = "ei tällaista";
  assert_int_equal(org_count(d, &f), 0);
}

static void test_org_list_paging(void **state) {
  arena a = {0};
  db *d = *state;
  int n = 0;
  org *v = org_list(d, &a, NULL, 3, 3, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].name, "Sata_100%");
  v = org_list(d, &a, NULL, 2, 10, &n);
  assert_int_equal(n, 0);
  arena_free(&a);
}

static void test_deed_list_by_status(void **state) {
  arena a = {0};
  db *d = *state;
  assert_int_equal(deed_count_by_status(d, "submitted"), 3);
  assert_int_equal(deed_count_by_status(d, "published"), 2);
  assert_int_equal(deed_count_by_status(d, "rejected"), 0);
  int n = 0;
  deed *v = deed_list_by_status(d, &a, "submitted", 2, 0, &n);
  assert_int_equal(n, 2);
  assert_int_equal(v[0].id, 3); /* newest first */
  assert_string_equal(v[0].org_name, "Helsingin kaupunki");
  assert_string_equal(v[0].municipality_name, "Helsinki");
  assert_string_equal(v[0].status, "submitted");
  assert_non_null(v[0].created_at);
  v = deed_list_by_status(d, &a, "submitted", 2, 2, &n);
  assert_int_equal(n, 1);
  assert_int_equal(v[0].id, 1);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_org_list_all_sorted_with_counts),
      cmocka_unit_test(test_org_list_search_and_type),
      cmocka_unit_test(test_org_list_like_characters_are_plain),
      cmocka_unit_test(test_org_list_paging),
      cmocka_unit_test(test_deed_list_by_status),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
