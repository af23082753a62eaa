/* Unit tests for model/programme: reading, updating and validating the programme frame. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/programme.h"
#include "tmpdb.h"

static int setup(void **state) {
  tmpdb *t = calloc(1, sizeof *t);
  tmpdb_open(t);
  *state = t;
  return 0;
}

static int teardown(void **state) {
  tmpdb_close(*state);
  free(*state);
  return 0;
}

static void test_empty_frame(void **state) {
  tmpdb *f = *state;
  arena a = {0};
  programme *p = programme_get(f->d, &a, NULL);
  assert_int_equal(p->configured, 0);
  assert_string_equal(p->name, "");
  assert_int_equal(p->nperiods + p->ngoals + p->npartners, 0);
  assert_int_equal(programme_is_demo(f->d), 0);
  arena_free(&a);
}

static void test_update_and_demo_flag(void **state) {
  tmpdb *f = *state;
  kerr e = {0};
  assert_int_equal(programme_set_demo(f->d, 1, &e), K_ERR); /* no row yet */
  kerr_clear(&e);
  assert_int_equal(programme_update(f->d, "Työelämäohjelma", "TEO", "Kuvaus", &e), K_OK);
  assert_int_equal(programme_set_demo(f->d, 1, &e), K_OK);
  assert_int_equal(programme_update(f->d, "Työelämäohjelma 2", "TEO2", NULL, &e), K_OK);
  arena a = {0};
  programme *p = programme_get(f->d, &a, NULL);
  assert_int_equal(p->configured, 1);
  assert_string_equal(p->name, "Työelämäohjelma 2");
  assert_string_equal(p->short_name, "TEO2");
  assert_string_equal(p->description, "");
  assert_int_equal(p->demo, 1); /* update keeps the flag */
  assert_int_equal(programme_is_demo(f->d), 1);
  arena_free(&a);
  assert_int_equal(programme_update(f->d, "  ", "X", "", &e), K_ERR);
  assert_string_equal(e.field, "name");
  assert_int_equal(programme_update(f->d, "Nimi", NULL, "", &e), K_ERR);
  assert_string_equal(e.field, "short_name");
  kerr_clear(&e);
}

static void test_goals_replace_in_order(void **state) {
  tmpdb *f = *state;
  kerr e = {0};
  const char *const g1[] = {"Yksi", "Kaksi", "Kolme"};
  const char *const g2[] = {"Uusi ensimmäinen", "Uusi toinen"};
  assert_int_equal(programme_set_goals(f->d, g1, 3, &e), K_OK);
  assert_int_equal(programme_set_goals(f->d, g2, 2, &e), K_OK);
  arena a = {0};
  programme *p = programme_get(f->d, &a, NULL);
  assert_int_equal(p->ngoals, 2);
  assert_string_equal(p->goals[0], "Uusi ensimmäinen");
  assert_string_equal(p->goals[1], "Uusi toinen");
  arena_free(&a);
  const char *const bad[] = {"Hyvä", " "};
  assert_int_equal(programme_set_goals(f->d, bad, 2, &e), K_ERR);
  assert_non_null(strstr(e.msg, "Tavoite 2"));
  assert_int_equal(programme_set_goals(f->d, g1, 0, &e), K_ERR);
  assert_int_equal(db_int(f->d, 0, "SELECT count(*) FROM goal", ""), 2); /* untouched on error */
  kerr_clear(&e);
}

static void test_period_validation(void **state) {
  tmpdb *f = *state;
  kerr e = {0};
  programme_period p = {0, "1. kausi", 2015, 2017, "S20190", NULL, NULL, {0}};
  long long id = programme_period_add(f->d, &p, &e);
  assert_true(id > 0);
  programme_period bad = {0, "", 2018, 2020, "", NULL, NULL, {0}};
  assert_int_equal(programme_period_add(f->d, &bad, &e), 0);
  assert_string_equal(e.field, "name");
  bad = (programme_period){0, "2. kausi", 2020, 2018, "", NULL, NULL, {0}};
  assert_int_equal(programme_period_add(f->d, &bad, &e), 0);
  assert_string_equal(e.field, "end_year");
  bad = (programme_period){0, "2. kausi", 1899, 2018, "", NULL, NULL, {0}};
  assert_int_equal(programme_period_add(f->d, &bad, &e), 0);
  assert_string_equal(e.field, "start_year");
  bad = (programme_period){0, "2. kausi", 2017, 2020, "", NULL, NULL, {0}}; /* overlaps 2015–2017 */
  assert_int_equal(programme_period_add(f->d, &bad, &e), 0);
  assert_non_null(strstr(e.msg, "päällekkäin"));
  bad = (programme_period){0, "2. kausi", 2018, 2020, "S 211", NULL, NULL, {0}};
  assert_int_equal(programme_period_add(f->d, &bad, &e), 0);
  assert_string_equal(e.field, "esf_code");
  programme_period ok = {0, "2. kausi", 2018, 2020, "S21159", NULL, NULL, {0}};
  long long id2 = programme_period_add(f->d, &ok, &e);
  assert_true(id2 > 0);
  p.id = id;
  p.end_year = 2016; /* shrinking itself does not overlap itself */
  assert_int_equal(programme_period_update(f->d, &p, &e), K_OK);
  p.id = 9999;
  assert_int_equal(programme_period_update(f->d, &p, &e), K_ERR);
  assert_int_equal(programme_period_delete(f->d, id2, &e), K_OK);
  assert_int_equal(programme_period_delete(f->d, id2, &e), K_ERR);
  arena a = {0};
  programme *pr = programme_get(f->d, &a, NULL);
  assert_int_equal(pr->nperiods, 1);
  assert_int_equal(pr->periods[0].end_year, 2016);
  assert_string_equal(pr->periods[0].esf_code, "S20190");
  arena_free(&a);
  kerr_clear(&e);
}

static void test_partner_validation_and_order(void **state) {
  tmpdb *f = *state;
  kerr e = {0};
  programme_partner fund = {0, "Rahoittaja", "funder", "", 1};
  programme_partner b = {0, "Kumppani B", "partner", "https://example.fi/b", 2};
  programme_partner a = {0, "Kumppani A", "partner", "", 1};
  assert_true(programme_partner_add(f->d, &fund, &e) > 0);
  assert_true(programme_partner_add(f->d, &b, &e) > 0);
  long long ida = programme_partner_add(f->d, &a, &e);
  assert_true(ida > 0);
  programme_partner bad = {0, "X", "sponsor", "", 0};
  assert_int_equal(programme_partner_add(f->d, &bad, &e), 0);
  assert_string_equal(e.field, "kind");
  bad = (programme_partner){0, "X", "partner", "javascript:alert(1)", 0};
  assert_int_equal(programme_partner_add(f->d, &bad, &e), 0);
  assert_string_equal(e.field, "url");
  bad = (programme_partner){0, "", "partner", "", 0};
  assert_int_equal(programme_partner_add(f->d, &bad, &e), 0);
  assert_string_equal(e.field, "name");
  arena m = {0};
  programme *p = programme_get(f->d, &m, NULL);
  assert_int_equal(p->npartners, 3);
  assert_string_equal(p->partners[0].name, "Kumppani A");
  assert_string_equal(p->partners[1].name, "Kumppani B");
  assert_string_equal(p->partners[2].kind, "funder");
  arena_free(&m);
  a.id = ida;
  a.name = "Kumppani Ä";
  assert_int_equal(programme_partner_update(f->d, &a, &e), K_OK);
  assert_int_equal(programme_partner_delete(f->d, ida, &e), K_OK);
  assert_int_equal(programme_partner_update(f->d, &a, &e), K_ERR);
  kerr_clear(&e);
}

/* The light frame every page reads agrees with the full read: names, demo flag, partners then funders by position
 * (more than the first arena block of 8, so the array grows). */
static void test_light_frame(void **state) {
  tmpdb *f = *state;
  kerr e = {0};
  arena a = {0};
  programme_frame *fr = programme_frame_get(f->d, &a, NULL);
  assert_string_equal(fr->name.text, "");
  assert_string_equal(fr->short_name.text, "");
  assert_int_equal(fr->demo + fr->npartners, 0);
  assert_int_equal(programme_update(f->d, "Työelämäohjelma", "TEO", "Kuvaus", &e), K_OK);
  assert_int_equal(programme_set_demo(f->d, 1, &e), K_OK);
  char name[32];
  for (int i = 0; i < 11; i++) {
    snprintf(name, sizeof name, "Nimi %d", i);
    programme_partner x = {0, name, i % 3 ? "partner" : "funder", "", 11 - i};
    assert_true(programme_partner_add(f->d, &x, &e) > 0);
  }
  fr = programme_frame_get(f->d, &a, NULL);
  assert_string_equal(fr->name.text, "Työelämäohjelma");
  assert_string_equal(fr->short_name.text, "TEO");
  assert_int_equal(fr->demo, 1);
  programme *p = programme_get(f->d, &a, NULL);
  assert_int_equal(fr->npartners, p->npartners);
  for (int i = 0; i < p->npartners; i++) {
    assert_string_equal(fr->partners[i].name, p->partners[i].name);
    assert_string_equal(fr->partners[i].kind, p->partners[i].kind);
  }
  assert_string_equal(fr->partners[0].kind, "partner");
  assert_string_equal(fr->partners[10].kind, "funder");
  arena_free(&a);
}

/* Swedish and English beside the Finnish: read in the reader's language, the Finnish standing in (flagged) for a
 * missing one, on Finnish pages never flagged; goal translations by position; too many refused. */
static void test_translations(void **state) {
  tmpdb *f = *state;
  kerr e = {0};
  arena a = {0};
  const char *goals[] = {"Yksi", "Kaksi"}, *sv[] = {"", "Två"}, *three[] = {"a", "b", "c"};
  assert_int_equal(programme_translate(f->d, "sv", "Program", "", "", &e), K_ERR); /* no programme row yet */
  kerr_clear(&e);
  assert_int_equal(programme_update(f->d, "Ohjelma", "OH", "Kuvaus", &e), K_OK);
  assert_int_equal(programme_set_goals(f->d, goals, 2, &e), K_OK);
  assert_int_equal(programme_translate(f->d, "sv", "Program", "", "Beskrivning", &e), K_OK);
  assert_int_equal(programme_translate_goals(f->d, "sv", sv, 2, &e), K_OK);
  assert_int_equal(programme_translate_goals(f->d, "en", three, 3, &e), K_ERR);
  assert_string_equal(e.field, "goals_en");
  kerr_clear(&e);
  programme_frame *fr = programme_frame_get(f->d, &a, "sv");
  assert_string_equal(fr->name.text, "Program");
  assert_int_equal(fr->name.fallback, 0);
  assert_string_equal(fr->short_name.text, "OH"); /* no Swedish short name: the Finnish, flagged */
  assert_int_equal(fr->short_name.fallback, 1);
  fr = programme_frame_get(f->d, &a, "fi");
  assert_int_equal(fr->short_name.fallback, 0);
  programme *p = programme_get(f->d, &a, "sv");
  assert_string_equal(p->t_description.text, "Beskrivning");
  assert_string_equal(p->t_goals[0].text, "Yksi");
  assert_int_equal(p->t_goals[0].fallback, 1);
  assert_string_equal(p->t_goals[1].text, "Två");
  assert_string_equal(p->name_sv, "Program");
  p = programme_get(f->d, &a, "en");
  assert_string_equal(p->t_name.text, "Ohjelma");
  assert_int_equal(p->t_name.fallback, 1);
  programme_period x = {0, "1. kausi", 2015, 2017, "", "Period 1", "", {0}};
  assert_true(programme_period_add(f->d, &x, &e) > 0);
  p = programme_get(f->d, &a, "sv");
  assert_string_equal(p->periods[0].shown.text, "Period 1");
  p = programme_get(f->d, &a, "en");
  assert_string_equal(p->periods[0].shown.text, "1. kausi");
  assert_int_equal(p->periods[0].shown.fallback, 1);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_empty_frame, setup, teardown),
      cmocka_unit_test_setup_teardown(test_update_and_demo_flag, setup, teardown),
      cmocka_unit_test_setup_teardown(test_goals_replace_in_order, setup, teardown),
      cmocka_unit_test_setup_teardown(test_period_validation, setup, teardown),
      cmocka_unit_test_setup_teardown(test_partner_validation_and_order, setup, teardown),
      cmocka_unit_test_setup_teardown(test_light_frame, setup, teardown),
      cmocka_unit_test_setup_teardown(test_translations, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
