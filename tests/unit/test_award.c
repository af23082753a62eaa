/* Unit tests for the awards' staff side: model/award_edit.c (a round, its categories and weighted criteria, its
 * jurors) and model/award_nomination.c (staff nominate, anyone suggests, staff accept or decline with an email to
 * the suggester, a nomination taken out): what is refused and why, what is stored, audited and mailed. */
#include "testdb.h"

#include <stdio.h>

#include "core/i18n.h"
#include "model/award.h"

static arena ta;

static int setup(void **state) {
  kerr e = {0};
  if (i18n_init(&e) != K_OK) fail_msg("i18n_init: %s", e.msg);
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

/* The field of e's first error ("" for none). */
static const char *field(const kerr *e) {
  return e->field ? e->field : "";
}

static long long audits(db *d, const char *subject_prefix) {
  return db_int(d, -1, "SELECT count(*) FROM audit WHERE substr(subject, 1, length(?1)) = ?1", "t", subject_prefix);
}

static long long new_round(db *d, int year, const char *nom, const char *jury) {
  award_round r = {.year = year, .nominate_until = (char *)nom, .jury_until = (char *)jury};
  r.intro[0] = (char *)"Johdanto";
  kerr e = {0};
  long long id = award_round_save(d, &ta, &r, "staff@example.fi", &e);
  if (!id) fail_msg("award_round_save: %s", e.msg);
  return id;
}

static long long new_category(db *d, long long round_id, const char *name) {
  award_category c = {.round_id = round_id};
  c.name[0] = (char *)name;
  kerr e = {0};
  long long id = award_category_save(d, &ta, &c, "staff@example.fi", &e);
  if (!id) fail_msg("award_category_save: %s", e.msg);
  return id;
}

static void test_round(void **state) {
  db *d = *state;
  kerr e = {0};
  award_round r = {.year = 1999};
  assert_int_equal(award_round_save(d, &ta, &r, "staff@example.fi", &e), 0);
  assert_string_equal(field(&e), "year");
  kerr_clear(&e);

  sql(d, "INSERT INTO user(id, email, name, role) VALUES(5, 'staff@example.fi', 'S', 'staff'),"
         " (7, 'pj@example.fi', 'Pia', 'jury')");
  r = (award_round){
      .year = 2019, .nominate_until = (char *)"31.3.2019", .jury_until = (char *)"2019-03-01", .chair_id = 5};
  assert_int_equal(award_round_save(d, &ta, &r, "staff@example.fi", &e), 0);
  assert_string_equal(field(&e), "jury_until"); /* the jury's last day before the suggestions' */
  assert_non_null(e.next);
  assert_string_equal(e.next->field, "chair_id"); /* a staff account cannot chair */
  kerr_clear(&e);

  r.jury_until = (char *)"30.2.2019";
  assert_int_equal(award_round_save(d, &ta, &r, "staff@example.fi", &e), 0);
  assert_string_equal(field(&e), "jury_until");
  kerr_clear(&e);

  r.jury_until = (char *)"15.5.2019";
  r.chair_id = 7;
  long long id = award_round_save(d, &ta, &r, "staff@example.fi", &e);
  assert_true(id > 0);
  award_round *got = award_round_get(d, &ta, id, "fi");
  assert_string_equal(got->nominate_until, "2019-03-31");
  assert_string_equal(got->jury_until, "2019-05-15");
  assert_int_equal(got->chair_id, 7);

  award_round other = {.year = 2019};
  assert_int_equal(award_round_save(d, &ta, &other, "staff@example.fi", &e), 0); /* the year is taken */
  assert_string_equal(field(&e), "year");
  kerr_clear(&e);

  r.id = id;
  r.chair_id = 0; /* staff act as chair */
  r.intro[1] = (char *)"Inledning";
  assert_int_equal(award_round_save(d, &ta, &r, "staff@example.fi", &e), id);
  got = award_round_get(d, &ta, id, "sv");
  assert_int_equal(got->chair_id, 0);
  assert_string_equal(got->t_intro.text, "Inledning");
  assert_int_equal(audits(d, "award-round:"), 2);

  r.id = 999;
  assert_int_equal(award_round_save(d, &ta, &r, "staff@example.fi", &e), 0);
  kerr_clear(&e);
}

static void test_categories_criteria(void **state) {
  db *d = *state;
  kerr e = {0};
  long long round_id = new_round(d, 2019, NULL, NULL);
  long long c1 = new_category(d, round_id, "Viestintäteko");
  long long c2 = new_category(d, round_id, "Teknologiateko");
  assert_int_equal(award_category_get(d, &ta, c2, "fi")->position, 2); /* last in order */

  award_category c = {.round_id = round_id};
  c.name[0] = (char *)"Viestintäteko";
  assert_int_equal(award_category_save(d, &ta, &c, "staff@example.fi", &e), 0);
  assert_string_equal(field(&e), "name");
  kerr_clear(&e);
  c.name[0] = (char *)"  ";
  assert_int_equal(award_category_save(d, &ta, &c, "staff@example.fi", &e), 0);
  assert_string_equal(field(&e), "name");
  kerr_clear(&e);

  c = (award_category){.id = c1};
  c.name[0] = (char *)"Viestintäteko";
  c.name[1] = (char *)"Kommunikationsgärning";
  c.description[2] = (char *)"Communication";
  assert_int_equal(award_category_save(d, &ta, &c, "staff@example.fi", &e), c1); /* its own name is no clash */
  award_category *got = award_category_get(d, &ta, c1, "sv");
  assert_string_equal(got->t_name.text, "Kommunikationsgärning");
  assert_string_equal(got->description[2], "Communication");

  award_criterion k = {.round_id = round_id, .weight = 0};
  k.name[0] = (char *)"Vaikuttavuus";
  assert_int_equal(award_criterion_save(d, &ta, &k, "staff@example.fi", &e), 0);
  assert_string_equal(field(&e), "weight");
  kerr_clear(&e);
  k.weight = 101;
  assert_int_equal(award_criterion_save(d, &ta, &k, "staff@example.fi", &e), 0);
  kerr_clear(&e);
  k.weight = 3;
  long long k1 = award_criterion_save(d, &ta, &k, "staff@example.fi", &e);
  assert_true(k1 > 0);
  k = (award_criterion){.id = k1, .weight = 5};
  k.name[0] = (char *)"Vaikuttavuus";
  assert_int_equal(award_criterion_save(d, &ta, &k, "staff@example.fi", &e), k1);
  int n = 0;
  award_criterion *ks = award_criteria(d, &ta, round_id, "fi", &n);
  assert_int_equal(n, 1);
  assert_int_equal(ks[0].weight, 5);

  /* a category with a nomination stays; an empty one goes; a criterion goes with its scores */
  long long deed_id = testdb_deed(d, "Hyvä teko", "Kuvaus", NULL, NULL, NULL, 2019, NULL);
  long long nom = award_nominate(d, &ta, c1, deed_id, "", "staff@example.fi", &e);
  assert_true(nom > 0);
  sql(d, "INSERT INTO user(id, email, role) VALUES(8, 'j@example.fi', 'jury')");
  char s[300];
  snprintf(s, sizeof s,
           "INSERT INTO award_score(nomination_id, criterion_id, user_id, score, updated_at) VALUES(%lld, %lld, 8, 4,"
           " 'x')",
           nom, k1);
  sql(d, s);
  assert_int_equal(award_category_delete(d, c1, "staff@example.fi", &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(award_category_delete(d, c2, "staff@example.fi", &e), K_OK);
  assert_null(award_category_get(d, &ta, c2, "fi"));
  assert_int_equal(award_criterion_delete(d, k1, "staff@example.fi", &e), K_OK);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM award_score", ""), 0);
  assert_int_equal(award_criterion_delete(d, k1, "staff@example.fi", &e), K_ERR);
  kerr_clear(&e);

  /* a published round is not changed any more */
  sql(d, "UPDATE award_round SET published_at = '2020-01-01T00:00:00Z'");
  c = (award_category){.round_id = round_id};
  c.name[0] = (char *)"Ympäristöteko";
  assert_int_equal(award_category_save(d, &ta, &c, "staff@example.fi", &e), 0);
  kerr_clear(&e);
  assert_int_equal(award_round_delete(d, round_id, "staff@example.fi", &e), K_ERR);
  kerr_clear(&e);
  sql(d, "UPDATE award_round SET published_at = NULL");
  assert_int_equal(award_round_delete(d, round_id, "staff@example.fi", &e), K_OK);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM award_nomination", ""), 0); /* everything in it went */
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM award_category", ""), 0);
}

static void test_jurors(void **state) {
  db *d = *state;
  kerr e = {0};
  long long round_id = new_round(d, 2019, NULL, NULL);
  long long cat = new_category(d, round_id, "Ympäristöteko");
  sql(d, "INSERT INTO org(id, name, type) VALUES(40, 'Testilä', 'kunta');"
         "INSERT INTO user(id, email, name, role, org_id) VALUES(8, 'j@example.fi', 'Juri', 'jury', 40),"
         " (9, 'c@example.fi', 'Contact', 'contact', 40), (10, 'old@example.fi', 'Old', 'jury', NULL);"
         "UPDATE user SET active = 0 WHERE id = 10;");
  long long deed_id = testdb_deed(d, "Kierrätysteko", "Kuvaus", "Testilä", NULL, NULL, 2019, NULL);
  sql(d, "UPDATE deed SET org_id = 40");
  assert_true(award_nominate(d, &ta, cat, deed_id, "Hyvä", "staff@example.fi", &e) > 0);

  assert_int_equal(award_juror_add(d, cat, 9, "staff@example.fi", &e), K_ERR); /* not a jury account */
  assert_string_equal(field(&e), "user_id");
  kerr_clear(&e);
  assert_int_equal(award_juror_add(d, cat, 10, "staff@example.fi", &e), K_ERR); /* not active */
  kerr_clear(&e);
  assert_int_equal(award_juror_add(d, cat, 8, "staff@example.fi", &e), K_OK);
  assert_int_equal(award_juror_add(d, cat, 8, "staff@example.fi", &e), K_OK); /* twice is no error */
  int n = 0;
  award_jurors(d, &ta, round_id, "fi", &n);
  assert_int_equal(n, 1);
  /* the juror works in the deed's organisation: the conflict is recorded with its reason */
  assert_true(
      db_exists(d, "SELECT 1 FROM award_conflict WHERE user_id = 8 AND deed_id = ?1 AND kind = 'org'", "i", deed_id));

  long long nom = db_int(d, 0, "SELECT id FROM award_nomination", "");
  sql(d, "INSERT INTO award_criterion(id, round_id, name, weight) VALUES(70, 1, 'K', 1)");
  char s[300];
  snprintf(s, sizeof s,
           "INSERT INTO award_score(nomination_id, criterion_id, user_id, score, updated_at) VALUES(%lld, 70, 8, 2,"
           " 'x')",
           nom);
  sql(d, s);
  assert_int_equal(award_juror_remove(d, cat, 8, "staff@example.fi", &e), K_OK);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM award_score", ""), 0); /* the scores went with the juror */
  award_jurors(d, &ta, round_id, "fi", &n);
  assert_int_equal(n, 0);
  assert_int_equal(award_juror_remove(d, cat, 8, "staff@example.fi", &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(audits(d, "award-category:1/jurors"), 2); /* added once, removed once */
}

static void test_nominate(void **state) {
  db *d = *state;
  kerr e = {0};
  long long round_id = new_round(d, 2019, NULL, NULL);
  long long cat = new_category(d, round_id, "Viestintäteko");
  long long cat2 = new_category(d, round_id, "Tasa-arvoteko");
  long long deed_id = testdb_deed(d, "Viestintäteko Testilässä", "Kuvaus", NULL, NULL, NULL, 2019, NULL);
  long long hidden = testdb_deed(d, "Julkaisematon", "Kuvaus", NULL, NULL, NULL, 2019, NULL);
  char s[200];
  snprintf(s, sizeof s, "UPDATE deed SET status = 'submitted' WHERE id = %lld", hidden);
  sql(d, s);

  assert_int_equal(award_nominate(d, &ta, cat, hidden, "", "staff@example.fi", &e), 0);
  assert_string_equal(field(&e), "deed");
  kerr_clear(&e);
  assert_int_equal(award_nominate(d, &ta, 999, deed_id, "", "staff@example.fi", &e), 0);
  assert_string_equal(field(&e), "category_id");
  kerr_clear(&e);
  long long id = award_nominate(d, &ta, cat, deed_id, "Selkeä viestintä", "staff@example.fi", &e);
  assert_true(id > 0);
  assert_int_equal(award_nominate(d, &ta, cat, deed_id, "", "staff@example.fi", &e), 0); /* already */
  kerr_clear(&e);
  assert_true(award_nominate(d, &ta, cat2, deed_id, "", "staff@example.fi", &e) > 0); /* another category: fine */

  award_nomination *m = award_nomination_get(d, &ta, id, "fi");
  assert_string_equal(m->status, "nominated");
  assert_string_equal(m->deed_title, "Viestintäteko Testilässä");
  assert_string_equal(m->category.text, "Viestintäteko");
  assert_string_equal(m->reason, "Selkeä viestintä");
  assert_string_equal(m->decided_by, "staff@example.fi");
  assert_null(m->result);
  int n = 0;
  award_nominations(d, &ta, round_id, "nominated", 0, "fi", &n);
  assert_int_equal(n, 2);
  award_nominations(d, &ta, round_id, NULL, cat2, "fi", &n);
  assert_int_equal(n, 1);
  award_nominations(d, &ta, round_id, "suggested", 0, "fi", &n);
  assert_int_equal(n, 0);

  assert_int_equal(award_nomination_remove(d, id, "staff@example.fi", &e), K_OK);
  assert_null(award_nomination_get(d, &ta, id, "fi"));
  assert_int_equal(award_nomination_remove(d, id, "staff@example.fi", &e), K_ERR);
  kerr_clear(&e);
}

static void test_suggest(void **state) {
  db *d = *state;
  kerr e = {0};
  long long deed_id = testdb_deed(d, "Tasa-arvoteko", "Kuvaus", NULL, NULL, NULL, 2019, NULL);
  long long deed2 = testdb_deed(d, "Toinen teko", "Kuvaus", NULL, NULL, NULL, 2019, NULL);
  award_suggestion sg = {.deed_id = deed_id, .reason = "Hieno", .email = "anna@example.fi", .lang = "sv"};
  assert_int_equal(award_suggest(d, &ta, &sg, &e), 0); /* no round takes suggestions */
  kerr_clear(&e);

  long long round_id = new_round(d, 2019, "2000-01-01", NULL);
  long long cat = new_category(d, round_id, "Tasa-arvoteko");
  sg.category_id = cat;
  assert_int_equal(award_suggest(d, &ta, &sg, &e), 0); /* its last day has passed */
  kerr_clear(&e);
  sql(d, "UPDATE award_round SET nominate_until = NULL");

  sg.reason = "";
  sg.email = "not an address";
  assert_int_equal(award_suggest(d, &ta, &sg, &e), 0);
  assert_string_equal(field(&e), "reason");
  assert_non_null(e.next);
  assert_string_equal(e.next->field, "email");
  kerr_clear(&e);

  sg.reason = "Naiset ja miehet samalla viivalla";
  sg.email = "anna@example.fi";
  sg.name = "Anna";
  long long id = award_suggest(d, &ta, &sg, &e);
  assert_true(id > 0);
  assert_int_equal(award_suggest(d, &ta, &sg, &e), 0); /* the same deed in the same category again */
  assert_string_equal(field(&e), "deed");
  kerr_clear(&e);
  award_nomination *m = award_nomination_get(d, &ta, id, "fi");
  assert_string_equal(m->status, "suggested");
  assert_string_equal(m->suggester_email, "anna@example.fi");
  assert_string_equal(m->created_by, "public");

  /* declining needs a reason; the suggester hears of it in the language they wrote in */
  assert_int_equal(award_suggestion_decide(d, &ta, id, 0, "", "staff@example.fi", &e), K_ERR);
  assert_string_equal(field(&e), "decline_reason");
  kerr_clear(&e);
  assert_int_equal(award_suggestion_decide(d, &ta, id, 0, "Ei sovi sarjaan", "staff@example.fi", &e), K_OK);
  m = award_nomination_get(d, &ta, id, "fi");
  assert_string_equal(m->status, "declined");
  assert_string_equal(m->decline_reason, "Ei sovi sarjaan");
  assert_int_equal(db_int(d, -1,
                          "SELECT count(*) FROM outbox WHERE kind = 'award-suggestion' AND recipient ="
                          " 'anna@example.fi' AND lang = 'sv' AND instr(body_text, 'Ei sovi sarjaan') > 0",
                          ""),
                   1);
  /* its link opens the deed in Swedish */
  assert_int_equal(db_int(d, -1,
                          "SELECT count(*) FROM outbox WHERE recipient = 'anna@example.fi'"
                          " AND instr(body_text, '/sv/tekot/') > 0",
                          ""),
                   1);
  assert_int_equal(award_suggestion_decide(d, &ta, id, 1, "", "staff@example.fi", &e), K_ERR); /* decided */
  kerr_clear(&e);

  /* accepting: the suggestion becomes a nomination and the suggester hears of it */
  sg.deed_id = deed2;
  sg.email = "";
  long long id2 = award_suggest(d, &ta, &sg, &e);
  assert_true(id2 > 0);
  assert_int_equal(award_suggestion_decide(d, &ta, id2, 1, NULL, "staff@example.fi", &e), K_OK);
  assert_string_equal(award_nomination_get(d, &ta, id2, "fi")->status, "nominated");
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM outbox", ""), 1); /* no address left: no email */

  /* staff nominating a pending suggestion accept it */
  sg.deed_id = deed_id;
  sg.email = "bo@example.fi";
  sg.lang = "en";
  long long cat2 = new_category(d, round_id, "Kunniamaininta");
  sg.category_id = cat2;
  long long id3 = award_suggest(d, &ta, &sg, &e);
  assert_true(id3 > 0);
  assert_int_equal(award_nominate(d, &ta, cat2, deed_id, "", "staff@example.fi", &e), id3);
  m = award_nomination_get(d, &ta, id3, "fi");
  assert_string_equal(m->status, "nominated");
  assert_string_equal(m->reason, "Naiset ja miehet samalla viivalla"); /* the suggester's words stay */
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM outbox WHERE recipient = 'bo@example.fi' AND lang = 'en'", ""),
                   1);
  /* in English, with the English results page and deed page, and the category's name in English when it has one */
  assert_int_equal(db_int(d, -1,
                          "SELECT count(*) FROM outbox WHERE recipient = 'bo@example.fi' AND instr(body_text,"
                          " '/en/palkinnot.') > 0 AND instr(body_text, '/en/tekot/') > 0",
                          ""),
                   1);
  assert_true(audits(d, "award-nomination:") >= 5);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_round, setup, teardown),
      cmocka_unit_test_setup_teardown(test_categories_criteria, setup, teardown),
      cmocka_unit_test_setup_teardown(test_jurors, setup, teardown),
      cmocka_unit_test_setup_teardown(test_nominate, setup, teardown),
      cmocka_unit_test_setup_teardown(test_suggest, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
