/* Unit tests for model/demo: the demo programme's frame, registry, deeds, determinism and refusal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/demo.h"
#include "model/org.h"
#include "model/programme.h"
#include "model/refdata.h"
#include "tmpdb.h"

static void tmp_open(tmpdb *t, int load_refdata) {
  tmpdb_open(t);
  kerr e = {0};
  if (load_refdata) assert_int_equal(refdata_load(t->d, &e), K_OK);
}

/* One demo database shared by the read-only checks. */
static tmpdb shared;
static demo_summary shared_sum;

static int group_setup(void **state) {
  tmp_open(&shared, 1);
  kerr e = {0};
  int rc = demo_build(shared.d, DEMO_DEFAULT_SEED, &shared_sum, &e);
  if (rc != K_OK) fprintf(stderr, "demo_build: %s\n", e.msg);
  kerr_clear(&e);
  return rc == K_OK ? 0 : -1;
}

static int group_teardown(void **state) {
  tmpdb_close(&shared);
  return 0;
}

static void test_frame(void **state) {
  programme *p = programme_get(shared.d);
  assert_int_equal(p->configured, 1);
  assert_string_equal(p->short_name, "Kunteko 2020");
  assert_non_null(strstr(p->name, "työelämän kehittämisohjelma"));
  assert_int_equal(p->demo, 1);
  assert_int_equal(programme_is_demo(shared.d), 1);
  assert_int_equal(p->nperiods, 2);
  assert_int_equal(p->periods[0].start_year, 2015);
  assert_int_equal(p->periods[0].end_year, 2017);
  assert_string_equal(p->periods[0].esf_code, "S20190");
  assert_int_equal(p->periods[1].start_year, 2018);
  assert_int_equal(p->periods[1].end_year, 2020);
  assert_string_equal(p->periods[1].esf_code, "S21159");
  assert_int_equal(p->ngoals, 6);
  assert_non_null(strstr(p->goals[0], "näkyväksi"));
  assert_non_null(strstr(p->goals[5], "läpimurtoinnovaatio"));
  const char *want[] = {"KT Kuntatyönantajat",     "JUKO", "Sote ry", "JAU", "Hämeen ELY-keskus",
                        "Euroopan sosiaalirahasto"};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    int found = 0;
    for (int k = 0; k < p->npartners; k++) found |= strstr(p->partners[k].name, want[i]) != NULL;
    assert_true(found);
  }
  assert_int_equal(db_int(shared.d, 0, "SELECT count(*) FROM partner WHERE kind='funder'", ""), 2);
  assert_int_equal(db_int(shared.d, 0, "SELECT count(*) FROM partner WHERE kind='partner'", ""), 4);
  programme_free(p);
}

static void test_registry(void **state) {
  long long n = db_int(shared.d, 0, "SELECT count(*) FROM org", "");
  assert_in_range(n, 230, 270);
  assert_int_equal(n, shared_sum.orgs);
  assert_int_equal(
      db_int(shared.d, 0,
             "SELECT count(DISTINCT m.region_code) FROM org o JOIN municipality m ON m.code=o.municipality_code", ""),
      19);
  assert_true(db_int(shared.d, 0, "SELECT count(*) FROM org WHERE type='kunta'", "") >= 130);
  assert_true(db_int(shared.d, 0, "SELECT count(*) FROM org WHERE type='kuntayhtyma'", "") >= 20);
  assert_true(db_int(shared.d, 0, "SELECT count(*) FROM org WHERE type='yhtio'", "") >= 20);
  assert_true(db_int(shared.d, 0, "SELECT count(*) FROM org WHERE type='hyvinvointialue'", "") >= 1);
  /* kunta orgs carry their municipality's name */
  assert_int_equal(db_int(shared.d, 1,
                          "SELECT count(*) FROM org o JOIN municipality m ON m.code=o.municipality_code"
                          " WHERE o.type='kunta' AND o.name<>m.name_fi",
                          ""),
                   0);
  sqlite3_stmt *st = db_query(shared.d, "SELECT ytunnus, contact_email FROM org", "");
  int rows = 0;
  while (db_step(st) == 1) {
    assert_true(org_ytunnus_valid(db_col_text(st, 0)));
    const char *mail = db_col_text(st, 1);
    size_t len = strlen(mail);
    assert_true(len > 11 && strcmp(mail + len - 11, "@example.fi") == 0);
    rows++;
  }
  db_done(st);
  assert_int_equal(rows, n);
}

static void test_deeds(void **state) {
  long long n = db_int(shared.d, 0, "SELECT count(*) FROM deed WHERE status='published'", "");
  assert_in_range(n, 640, 700);
  assert_int_equal(n, db_int(shared.d, 0, "SELECT count(*) FROM deed", ""));
  assert_int_equal(n, db_int(shared.d, 0, "SELECT count(*) FROM deed_fts", ""));
  for (long long y = 2015; y <= 2020; y++)
    assert_true(db_int(shared.d, 0, "SELECT count(*) FROM deed WHERE year=?1", "i", y) > 0);
  assert_int_equal(db_int(shared.d, 0, "SELECT count(*) FROM deed WHERE year NOT BETWEEN 2015 AND 2020", ""), 0);
  assert_int_equal(
      db_int(shared.d, 1, "SELECT count(*) FROM deed WHERE substr(published_at,1,4)<>CAST(year AS TEXT)", ""), 0);
  char *top = db_text(shared.d, "SELECT sector_code FROM deed GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", "");
  char *second =
      db_text(shared.d, "SELECT sector_code FROM deed GROUP BY 1 ORDER BY count(*) DESC LIMIT 1 OFFSET 1", "");
  assert_string_equal(top, "sote");
  assert_string_equal(second, "opetus");
  free(top);
  free(second);
  /* every deed names a registry organisation and that organisation's municipality */
  assert_int_equal(db_int(shared.d, 1,
                          "SELECT count(*) FROM deed d JOIN org o ON o.id=d.org_id"
                          " WHERE d.municipality_code IS NOT o.municipality_code OR d.org_name<>o.name",
                          ""),
                   0);
  assert_int_equal(db_int(shared.d, 1, "SELECT count(*) FROM deed WHERE org_id IS NULL", ""), 0);
  assert_true(db_int(shared.d, 0, "SELECT count(*) FROM deed_theme", "") >= n);
  assert_true(db_int(shared.d, 0, "SELECT count(DISTINCT service) FROM deed", "") >= 4);
  assert_int_equal(db_int(shared.d, 1, "SELECT count(*) FROM deed WHERE contact_email NOT LIKE '%@example.fi'", ""), 0);
  /* inflected Finnish forms are there for search to find */
  assert_true(db_exists(shared.d, "SELECT 1 FROM deed WHERE results LIKE '%kunnissa%'", ""));
  assert_true(db_exists(shared.d, "SELECT 1 FROM deed WHERE starting_point LIKE '%työhyvinvointia%'", ""));
}

static char *all_titles(db *d) {
  return db_text(d, "SELECT group_concat(title, '|') FROM (SELECT title FROM deed ORDER BY id)", "");
}

static void test_deterministic_and_refdata_loaded(void **state) {
  tmpdb a, b;
  tmp_open(&a, 0); /* no reference data: demo loads it */
  tmp_open(&b, 0);
  kerr e = {0};
  assert_int_equal(demo_build(a.d, DEMO_DEFAULT_SEED, NULL, &e), K_OK);
  assert_int_equal(demo_build(b.d, 7, NULL, &e), K_OK);
  char *t0 = all_titles(shared.d), *ta = all_titles(a.d), *tb = all_titles(b.d);
  assert_string_equal(t0, ta);
  assert_true(strcmp(t0, tb) != 0);
  char *y0 = db_text(shared.d, "SELECT group_concat(ytunnus, ',') FROM (SELECT ytunnus FROM org ORDER BY id)", "");
  char *ya = db_text(a.d, "SELECT group_concat(ytunnus, ',') FROM (SELECT ytunnus FROM org ORDER BY id)", "");
  assert_string_equal(y0, ya);
  free(t0);
  free(ta);
  free(tb);
  free(y0);
  free(ya);
  tmpdb_close(&a);
  tmpdb_close(&b);
  kerr_clear(&e);
}

static void test_second_demo_refuses(void **state) {
  kerr e = {0};
  long long before = db_int(shared.d, 0, "SELECT count(*) FROM deed", "");
  assert_int_equal(demo_build(shared.d, DEMO_DEFAULT_SEED, NULL, &e), K_ERR);
  assert_non_null(e.msg);
  assert_non_null(strstr(e.msg, "already has data"));
  assert_int_equal(db_int(shared.d, 0, "SELECT count(*) FROM deed", ""), before);
  kerr_clear(&e);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_frame),
      cmocka_unit_test(test_registry),
      cmocka_unit_test(test_deeds),
      cmocka_unit_test(test_deterministic_and_refdata_loaded),
      cmocka_unit_test(test_second_demo_refuses),
  };
  return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
