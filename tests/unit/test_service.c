/* Unit tests for model/service: service types, offering validation (every field), themes, get and list filters. */
#include "model/service.h"
#include "svcdb.h"

/* The field of the i-th error in the chain, or NULL. */
static const char *err_field(const kerr *e, int i) {
  for (; e && e->msg; e = e->next, i--)
    if (i == 0) return e->field;
  return NULL;
}

#define setup svcdb_setup
#define teardown svcdb_teardown
#define has_field svcdb_has_field

static void test_types_in_three_languages(void **state) {
  arena a = {0};
  int n = 0;
  service_type *v = service_types(*state, &a, "sv", &n);
  assert_int_equal(n, 7);
  assert_string_equal(v[0].code, "sparraus");
  assert_string_equal(v[0].name, "Sparrning");
  assert_string_equal(v[2].variants, "teema,toimiala,haaste");
  assert_string_equal(v[4].counts, "attendee");
  v = service_types(*state, &a, "en", &n);
  assert_string_equal(v[6].name, "Research collaboration");
  assert_string_equal(service_variant_label("haaste"), "Haastetyöpaja");
  assert_string_equal(service_variant_label("outo"), "outo");
  arena_free(&a);
}

static void test_validation_names_every_field(void **state) {
  service s = {.type_code = "ei-ole", .name = "", .period_id = 9, .capacity = "0", .counts = "kaikki"};
  kerr e = {0};
  assert_int_equal(service_create(*state, &s, &e), 0);
  assert_string_equal(err_field(&e, 0), "type");
  assert_true(has_field(&e, "name"));
  assert_true(has_field(&e, "period"));
  assert_true(has_field(&e, "capacity"));
  assert_true(has_field(&e, "counts"));
  kerr_clear(&e);
  /* a variant of another type; a name too long; capacity not a number; a theme name too long */
  char longname[260], longtheme[120];
  memset(longname, 'a', sizeof longname - 1), longname[sizeof longname - 1] = 0;
  memset(longtheme, 't', sizeof longtheme - 1), longtheme[sizeof longtheme - 1] = 0;
  service t = {.type_code = "sparraus",
               .variant = "teema",
               .name = longname,
               .period_id = 1,
               .capacity = "12x",
               .themes = longtheme};
  assert_int_equal(service_validate(*state, &t, &e), K_ERR);
  assert_true(has_field(&e, "variant"));
  assert_true(has_field(&e, "name"));
  assert_true(has_field(&e, "capacity"));
  assert_true(has_field(&e, "themes"));
  assert_false(has_field(&e, "type"));
  kerr_clear(&e);
  assert_int_equal(db_int(*state, -1, "SELECT count(*) FROM service", ""), 0);
}

static void test_create_defaults_and_themes(void **state) {
  arena a = {0};
  kerr e = {0};
  service s = {.type_code = "tyopaja",
               .variant = "haaste",
               .name = "Haastetyöpaja",
               .period_id = 2,
               .capacity = "30",
               .themes = "Johtaminen, Työhyvinvointi,,johtaminen",
               .open = 1};
  long long id = service_create(*state, &s, &e);
  assert_true(id > 0);
  service w = {.type_code = "webinaari", .name = "Webinaari", .period_id = 1};
  long long wid = service_create(*state, &w, &e);
  assert_true(wid > 0);
  service *x = service_get(*state, &a, id, "fi");
  assert_string_equal(x->type_name, "Työpaja");
  assert_string_equal(x->counts, "participant"); /* the type's default */
  assert_string_equal(x->capacity, "30");
  assert_string_equal(x->period_name, "2. kausi");
  assert_int_equal(x->start_year, 2018);
  assert_int_equal(db_int(*state, 0, "SELECT count(*) FROM service_theme WHERE service_id=?1", "i", id), 2);
  x = service_get(*state, &a, wid, "en");
  assert_string_equal(x->counts, "attendee");
  assert_string_equal(x->type_name, "Webinar");
  assert_null(x->capacity);
  assert_null(x->themes);
  /* update: counts overridden, themes replaced, capacity cleared */
  s.id = id, s.counts = "attendee", s.themes = "Uusi teema", s.capacity = "";
  assert_int_equal(service_update(*state, &s, &e), K_OK);
  x = service_get(*state, &a, id, "fi");
  assert_string_equal(x->counts, "attendee");
  assert_string_equal(x->themes, "Uusi teema");
  assert_null(x->capacity);
  s.id = 999;
  assert_int_equal(service_update(*state, &s, &e), K_ERR);
  kerr_clear(&e);
  assert_null(service_get(*state, &a, 999, "fi"));
  arena_free(&a);
}

static void test_list_filters_and_paging(void **state) {
  arena a = {0};
  kerr e = {0};
  const char *types[] = {"sparraus", "webinaari", "sparraus", "tilaisuus", "sparraus"};
  for (int i = 0; i < 5; i++) {
    char name[32];
    snprintf(name, sizeof name, "Palvelu %d", i);
    service s = {.type_code = (char *)types[i], .name = name, .period_id = 1 + (i / 2) % 2, .open = i != 4};
    assert_true(service_create(*state, &s, &e) > 0);
  }
  service_filter all = {0}, sp = {"sparraus", 0, 0}, p2 = {"", 2, 0}, open = {"sparraus", 0, 1};
  assert_int_equal(service_count(*state, &all), 5);
  assert_int_equal(service_count(*state, &sp), 3);
  assert_int_equal(service_count(*state, &p2), 2);
  assert_int_equal(service_count(*state, &open), 2);
  int n = 0;
  service *v = service_list(*state, &a, &all, "fi", 2, 0, &n);
  assert_int_equal(n, 2);
  assert_string_equal(v[0].type_code, "sparraus"); /* type order first, newest period first */
  assert_int_equal(v[0].period_id, 2);
  v = service_list(*state, &a, &all, "fi", 10, 4, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].type_code, "tilaisuus");
  v = service_list(*state, &a, &p2, "fi", 10, 0, &n);
  assert_int_equal(n, 2);
  for (int i = 0; i < n; i++) assert_int_equal(v[i].period_id, 2);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_types_in_three_languages, setup, teardown),
      cmocka_unit_test_setup_teardown(test_validation_names_every_field, setup, teardown),
      cmocka_unit_test_setup_teardown(test_create_defaults_and_themes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_list_filters_and_paging, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
