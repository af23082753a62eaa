/* Unit tests for model/award.c's reads: a round with its counts and chair, found by id and by year; the round open
 * for suggestions (unpublished, its last day today or later, or none); categories and criteria in their order with
 * texts in the reader's language; jurors by category with the chair marked; the active jury accounts. */
#include "testdb.h"

#include <stdio.h>

#include "core/date.h"
#include "model/award.h"

static arena ta;

static int setup(void **state) {
  *state = testdb_open();
  return 0;
}

static int teardown(void **state) {
  db_close(*state);
  arena_free(&ta);
  return 0;
}

static void sql(db *d, const char *s) {
  if (db_script(d, s) != DB_OK) fail_msg("SQL failed: %s", s);
}

static void test_rounds(void **state) {
  db *d = *state;
  char today[11], script[600];
  date_today_fi(today);
  long long deed_id = testdb_deed(d, "Hyvä teko", "Kuvaus", NULL, NULL, NULL, 2019, NULL);
  sql(d, "INSERT INTO user(id, email, name, role) VALUES(7, 'puheenjohtaja@example.fi', 'Pia Puheenjohtaja', "
         "'jury'), (8, 'juri@example.fi', '', 'jury'), (9, 'pois@example.fi', 'Pois', 'jury');"
         "UPDATE user SET active = 0 WHERE id = 9;"
         "INSERT INTO award_round(id, year, intro, intro_sv, chair_id, published_at, created_at, updated_at) "
         "VALUES(1, 2019, 'Johdanto', 'Inledning', 7, '2020-01-01T00:00:00Z', 'x', 'x');"
         "INSERT INTO award_category(id, round_id, position, name, name_sv) VALUES(11, 1, 2, 'Ympäristöteko', "
         "'Miljödåd'), (10, 1, 1, 'Viestintäteko', '');"
         "INSERT INTO award_criterion(id, round_id, position, name, weight) VALUES(20, 1, 1, 'Vaikuttavuus', 3),"
         "(21, 1, 2, 'Levitettävyys', 1);"
         "INSERT INTO award_juror(category_id, user_id) VALUES(10, 7), (11, 8), (10, 8);");
  snprintf(script, sizeof script,
           "INSERT INTO award_nomination(round_id, category_id, deed_id, status, result, created_at) VALUES"
           "(1, 10, %lld, 'nominated', 'award', 'x'), (1, 11, %lld, 'nominated', 'mention', 'x');"
           "INSERT INTO award_round(id, year, nominate_until, created_at, updated_at) VALUES(2, 2020, '%s', 'x', 'x'),"
           "(3, 2021, '2000-01-01', 'x', 'x');",
           deed_id, deed_id, today);
  sql(d, script);

  int n = 0;
  award_round *r = award_rounds(d, &ta, "sv", &n);
  assert_int_equal(n, 3);
  assert_int_equal(r[0].year, 2021);
  assert_int_equal(r[2].year, 2019);
  r = award_round_by_year(d, &ta, 2019, "sv");
  assert_non_null(r);
  assert_int_equal(r->id, 1);
  assert_string_equal(r->t_intro.text, "Inledning");
  assert_int_equal(r->chair_id, 7);
  assert_string_equal(r->chair_name, "Pia Puheenjohtaja");
  assert_non_null(r->published_at);
  assert_null(r->notified_at);
  assert_null(r->nominate_until);
  assert_int_equal(r->ncategories, 2);
  assert_int_equal(r->ncriteria, 2);
  assert_int_equal(r->nnominated, 2);
  assert_int_equal(r->nawards, 1);
  assert_int_equal(r->nmentions, 1);
  assert_int_equal(r->njurors, 2);
  assert_null(award_round_get(d, &ta, 99, "fi"));
  assert_null(award_round_by_year(d, &ta, 2030, "fi"));

  r = award_round_open(d, &ta, "fi"); /* 2021's last day has passed, 2019 is published: 2020, open until today */
  assert_non_null(r);
  assert_int_equal(r->year, 2020);
  assert_string_equal(r->nominate_until, today);
  sql(d, "UPDATE award_round SET nominate_until = '2000-01-02' WHERE id = 2");
  assert_null(award_round_open(d, &ta, "fi"));
  sql(d, "UPDATE award_round SET nominate_until = NULL WHERE id = 3");
  assert_int_equal(award_round_open(d, &ta, "fi")->year, 2021);

  award_category *c = award_categories(d, &ta, 1, "sv", &n);
  assert_int_equal(n, 2);
  assert_string_equal(c[0].t_name.text, "Viestintäteko"); /* no Swedish: the Finnish stands in */
  assert_true(c[0].t_name.fallback);
  assert_string_equal(c[1].t_name.text, "Miljödåd");
  assert_int_equal(c[1].nnominated, 1);
  assert_int_equal(award_category_get(d, &ta, 11, "fi")->round_id, 1);
  assert_null(award_category_get(d, &ta, 99, "fi"));

  award_criterion *k = award_criteria(d, &ta, 1, "fi", &n);
  assert_int_equal(n, 2);
  assert_string_equal(k[0].t_name.text, "Vaikuttavuus");
  assert_int_equal(k[0].weight, 3);
  assert_int_equal(k[1].weight, 1);

  award_juror *j = award_jurors(d, &ta, 1, "fi", &n);
  assert_int_equal(n, 3);
  assert_int_equal(j[0].category_id, 10);
  assert_string_equal(j[0].name, "juri@example.fi"); /* no name: the email */
  assert_false(j[0].is_chair);
  assert_string_equal(j[1].name, "Pia Puheenjohtaja");
  assert_true(j[1].is_chair);
  assert_string_equal(j[2].category.text, "Ympäristöteko");
  j = award_jury_accounts(d, &ta, &n);
  assert_int_equal(n, 2); /* the inactive one is left out */

  assert_true(award_is_chair(d, 1, 7));
  assert_false(award_is_chair(d, 1, 8));
  assert_false(award_is_chair(d, 2, 0));
  assert_true(award_is_juror(d, 1, 8));
  assert_false(award_is_juror(d, 1, 9));
  assert_false(award_is_juror(d, 2, 8));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_rounds, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
