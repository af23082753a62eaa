/* Unit tests for model/coach: validation of every field, theme and region links, and the list filters. */
#include "model/coach.h"
#include "svcdb.h"

static void test_validation(void **state) {
  kerr e = {0};
  coach c = {.name = " ", .languages = "fi,de", .email = "ei osoite", .regions = "FI1B1,XX1"};
  assert_int_equal(coach_create(*state, &c, &e), 0);
  assert_true(svcdb_has_field(&e, "name"));
  assert_true(svcdb_has_field(&e, "languages"));
  assert_true(svcdb_has_field(&e, "email"));
  assert_true(svcdb_has_field(&e, "regions"));
  kerr_clear(&e);
  coach none = {.name = "Nimi", .languages = ""};
  assert_int_equal(coach_validate(*state, &none, &e), K_ERR);
  assert_string_equal(e.field, "languages");
  kerr_clear(&e);
  char bio[2100];
  memset(bio, 'b', sizeof bio - 1), bio[sizeof bio - 1] = 0;
  coach longbio = {.name = "Nimi", .languages = "sv", .bio = bio};
  assert_int_equal(coach_validate(*state, &longbio, &e), K_ERR);
  assert_string_equal(e.field, "bio");
  kerr_clear(&e);
  coach ok = {.name = "Nimi", .languages = "fi, sv", .email = ""};
  assert_int_equal(coach_validate(*state, &ok, &e), K_OK);
  assert_int_equal(db_int(*state, -1, "SELECT count(*) FROM coach", ""), 0);
}

static long long add(db *d, const char *name, const char *langs, const char *regions, const char *themes, int active) {
  kerr e = {0};
  coach c = {.name = (char *)name,
             .languages = (char *)langs,
             .regions = (char *)regions,
             .themes = (char *)themes,
             .active = active,
             .email = "x@example.fi"};
  long long id = coach_create(d, &c, &e);
  if (!id) fail_msg("coach_create: %s", e.msg);
  return id;
}

static void test_create_get_update(void **state) {
  long long id = add(*state, "Anna Valmentaja", "fi, sv", "FI1B1,FI197", "Johtaminen, Työhyvinvointi", 1);
  arena a = {0};
  coach *c = coach_get(*state, &a, id, "sv");
  assert_string_equal(c->languages, "fi,sv"); /* stored without spaces */
  assert_string_equal(c->regions, "FI197,FI1B1");
  assert_non_null(strstr(c->region_names, "Nyland"));
  assert_string_equal(c->themes, "Johtaminen, Työhyvinvointi");
  assert_string_equal(c->email, "x@example.fi");
  kerr e = {0};
  c->regions[0] = 0; /* no regions */
  c->themes = "Viestintä";
  c->active = 0;
  assert_int_equal(coach_update(*state, c, &e), K_OK);
  c = coach_get(*state, &a, id, "fi");
  assert_null(c->regions);
  assert_string_equal(c->themes, "Viestintä");
  assert_int_equal(c->active, 0);
  c->id = 9999;
  assert_int_equal(coach_update(*state, c, &e), K_ERR);
  kerr_clear(&e);
  assert_null(coach_get(*state, &a, 9999, "fi"));
  arena_free(&a);
}

static void test_list_filters(void **state) {
  add(*state, "Aino", "fi", "FI1B1", "Johtaminen", 1);
  add(*state, "Bertil", "sv,fi", "FI1D5", "Johtaminen, Viestintä", 1);
  add(*state, "Carol", "en", "FI1B1", "Viestintä", 1);
  add(*state, "Dora", "fi", "FI1B1", "Johtaminen", 0);
  coach_filter all = {0}, pub = {.only_active = 1}, lead = {"johtaminen", NULL, NULL, 1},
               uusimaa = {NULL, "FI1B1", "", 1}, fi = {NULL, NULL, "fi", 0}, sv = {NULL, NULL, "sv", 1},
               none = {NULL, NULL, "f", 1};
  assert_int_equal(coach_count(*state, &all), 4);
  assert_int_equal(coach_count(*state, &pub), 3);
  assert_int_equal(coach_count(*state, &lead), 2); /* theme names are case-insensitive */
  assert_int_equal(coach_count(*state, &uusimaa), 2);
  assert_int_equal(coach_count(*state, &fi), 3);
  assert_int_equal(coach_count(*state, &sv), 1);
  assert_int_equal(coach_count(*state, &none), 0); /* "f" is not a prefix match */
  int n = 0;
  arena a = {0};
  coach *v = coach_list(*state, &a, &pub, "fi", 2, 1, &n);
  assert_int_equal(n, 2);
  assert_string_equal(v[0].name, "Bertil");
  assert_string_equal(v[1].name, "Carol");
  char **t = coach_themes(*state, &a, &n);
  assert_int_equal(n, 2);
  assert_string_equal(t[0], "Johtaminen");
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_validation, svcdb_setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_create_get_update, svcdb_setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_list_filters, svcdb_setup, svcdb_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
