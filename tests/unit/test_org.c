/* Unit tests for model/org: Y-tunnus check digit, validation, insert, update, find, duplicate Y-tunnus. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "model/org.h"
#include "model/refdata.h"
#include "fixture.h"

/* Check digits worked by hand (weights 7 9 10 5 8 4 2, sum mod 11 = r; r 0 -> 0, r 1 never issued, else 11 - r):
 *   0201256-6 (Helsinki): 0+18+0+5+16+20+12 = 71, r 5, check 6
 *   0112038-9 (Nokia):    0+9+10+10+0+12+16 = 57, r 2, check 9
 *   1234567-1:            7+18+30+20+40+24+14 = 153, r 10, check 1
 *   1000002-0:            7+4 = 11, r 0, check 0
 *   0000030-x:            12, r 1: no check digit is valid */
static void test_ytunnus_valid(void **s) {
  assert_true(org_ytunnus_valid("0201256-6"));
  assert_true(org_ytunnus_valid("0112038-9"));
  assert_true(org_ytunnus_valid("1234567-1"));
  assert_true(org_ytunnus_valid("1000002-0"));
}

static void test_ytunnus_invalid(void **s) {
  assert_false(org_ytunnus_valid("0201256-5")); /* wrong check digit */
  assert_false(org_ytunnus_valid("1234567-8"));
  assert_false(org_ytunnus_valid("1000002-1"));
  for (char c = '0'; c <= '9'; c++) {
    char id[] = "0000030-0";
    id[8] = c;
    assert_false(org_ytunnus_valid(id)); /* remainder 1 */
  }
  assert_false(org_ytunnus_valid("02012566")); /* no dash */
  assert_false(org_ytunnus_valid("0201256 6"));
  assert_false(org_ytunnus_valid("201256-6"));   /* too short */
  assert_false(org_ytunnus_valid("0201256-66")); /* too long */
  assert_false(org_ytunnus_valid(" 0201256-6"));
  assert_false(org_ytunnus_valid("02O1256-6")); /* letter O */
  assert_false(org_ytunnus_valid("0201256-X"));
  assert_false(org_ytunnus_valid("FI0201256-6"));
  assert_false(org_ytunnus_valid(""));
  assert_false(org_ytunnus_valid(NULL));
}

/* Each case spoils one field of a good organisation; validation must name that field. */
static void test_validate(void **state) {
  db *d = *state;
  kerr e = {0};
  const org good = {.name = "Oulun kaupunki",
                    .type = "kunta",
                    .municipality_code = "564",
                    .ytunnus = "0201256-6",
                    .contact_email = "kirjaamo@ouka.fi"};
  assert_int_equal(org_validate(d, &good, &e), K_OK);
  static const struct {
    size_t member;
    const char *value, *field;
  } bad[] = {
      {offsetof(org, name), "  ", "name"},
      {offsetof(org, type), "yritys", "type"},
      {offsetof(org, municipality_code), "999", "municipality"},
      {offsetof(org, ytunnus), "0201256-5", "ytunnus"},
      {offsetof(org, contact_email), "ei osoite", "contact_email"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    org o = good;
    *(const char **)((char *)&o + bad[i].member) = bad[i].value;
    assert_int_equal(org_validate(d, &o, &e), K_ERR);
    assert_string_equal(e.field, bad[i].field);
    kerr_clear(&e);
  }
  org o = good;
  o.ytunnus = o.municipality_code = o.contact_email = NULL;
  assert_int_equal(org_validate(d, &o, &e), K_OK);
}

static void test_insert_get_find(void **state) {
  arena a = {0};
  db *d = *state;
  kerr e = {0};
  org o = {.name = "Helsingin kaupunki", .type = "kunta", .municipality_code = "091", .ytunnus = "0201256-6"};
  long long id = org_insert(d, &o, &e);
  assert_true(id > 0);
  org *g = org_get(d, &a, id);
  assert_non_null(g);
  assert_string_equal(g->name, "Helsingin kaupunki");
  assert_string_equal(g->type, "kunta");
  assert_string_equal(g->municipality_name, "Helsinki");
  assert_string_equal(g->ytunnus, "0201256-6");
  assert_int_equal(org_find(d, "HELSINGIN kaupunki"), id);
  assert_int_equal(org_find(d, "0201256-6"), id);
  assert_int_equal(org_find(d, "Espoon kaupunki"), 0);
  assert_int_equal(org_find(d, ""), 0);
  assert_null(org_get(d, &a, id + 100));
  arena_free(&a);
}

static void test_update(void **state) {
  arena a = {0};
  db *d = *state;
  kerr e = {0};
  org o = {.name = "Kuntayhtymä A", .type = "kuntayhtyma"};
  o.id = org_insert(d, &o, &e);
  assert_true(o.id > 0);
  assert_int_equal(db_exec(d, "INSERT INTO deed(title,org_id,org_name,sector_code,year) VALUES('T',?1,?2,'sote',2019)",
                           "it", o.id, o.name),
                   DB_OK);
  o.name = "Hyvinvointialue A";
  o.type = "hyvinvointialue";
  assert_int_equal(org_update(d, &o, &e), K_OK);
  org *g = org_get(d, &a, o.id);
  assert_string_equal(g->name, "Hyvinvointialue A");
  assert_string_equal(g->type, "hyvinvointialue");
  char *dn = db_text(d, "SELECT org_name FROM deed WHERE org_id=?1", "i", o.id);
  assert_string_equal(dn, "Hyvinvointialue A"); /* deeds follow the registry name */
  free(dn);
  o.id += 100;
  assert_int_equal(org_update(d, &o, &e), K_ERR);
  kerr_clear(&e);
  arena_free(&a);
}

static void test_duplicate_ytunnus(void **state) {
  db *d = *state;
  kerr e = {0};
  org a = {.name = "A", .type = "yhtio", .ytunnus = "0112038-9"};
  org b = {.name = "B", .type = "yhtio", .ytunnus = "0112038-9"};
  assert_true(org_insert(d, &a, &e) > 0);
  assert_int_equal(org_insert(d, &b, &e), 0);
  assert_string_equal(e.field, "ytunnus");
  assert_non_null(strstr(e.msg, "0112038-9"));
  kerr_clear(&e);
  org c = {.name = "C", .type = "yhtio", .ytunnus = "1234567-1"};
  c.id = org_insert(d, &c, &e);
  c.ytunnus = "0112038-9";
  assert_int_equal(org_update(d, &c, &e), K_ERR);
  assert_string_equal(e.field, "ytunnus");
  kerr_clear(&e);
  /* an empty Y-tunnus is stored as NULL, so many organisations may lack one */
  org x = {.name = "X", .type = "muu", .ytunnus = ""}, y = {.name = "Y", .type = "muu", .ytunnus = ""};
  assert_true(org_insert(d, &x, &e) > 0);
  assert_true(org_insert(d, &y, &e) > 0);
}

static void test_type_labels(void **s) {
  assert_true(org_type_valid("kunta"));
  assert_false(org_type_valid("Kunta"));
  assert_false(org_type_valid(NULL));
  assert_string_equal(org_type_label("kuntayhtyma"), "Kuntayhtymä");
  assert_string_equal(org_type_label("outo"), "outo");
}

#define T(f) FIXTURE_TEST(f)

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ytunnus_valid),
      cmocka_unit_test(test_ytunnus_invalid),
      T(test_validate),
      T(test_insert_get_find),
      T(test_update),
      T(test_duplicate_ytunnus),
      cmocka_unit_test(test_type_labels),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
