/* Unit tests for model/evaluation: the report's texts (required title, lengths, figures checked per field), findings
 * and recommendations (kinds, order, moving, also past a tie, deleting), publishing (refused without a title or with
 * a figure that no longer exists), the audit rows, and the surveys and series of the method section. */
#include "testdb.h"

#include <stdio.h>

#include "model/evaluation.h"

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

static void test_report_texts(void **state) {
  db *d = *state;
  evaluation *ev = evaluation_get(d, &ta, "sv");
  assert_string_equal(ev->title[0], "");
  assert_null(ev->published_at);
  kerr e = {0};
  assert_int_equal(evaluation_save(d, &ta, ev, "eval@example.fi", &e), K_ERR); /* no title */
  assert_string_equal(e.field, "title");
  kerr_clear(&e);
  ev->title[0] = "Arviointi";
  ev->intro[1] = "Deltagare {{stats.participants}} och {{stats.nope}}";
  ev->intro[2] = "Open {{stats.deeds";
  assert_int_equal(evaluation_save(d, &ta, ev, "eval@example.fi", &e), K_ERR);
  assert_string_equal(e.field, "intro_sv");
  assert_non_null(strstr(e.msg, "tuntematon luku {{stats.nope}}"));
  assert_non_null(e.next);
  assert_string_equal(e.next->field, "intro_en");
  assert_non_null(strstr(e.next->msg, "sulkematon {{ rivillä 1"));
  kerr_clear(&e);
  assert_int_equal(db_int(d, -1, "SELECT COUNT(*) FROM evaluation", ""), 0); /* nothing saved */
  char long_title[EVALUATION_MAX_TITLE + 2];
  memset(long_title, 'a', sizeof long_title - 1);
  long_title[sizeof long_title - 1] = 0;
  ev->title[0] = long_title;
  ev->intro[1] = "Deltagare {{stats.participants}}";
  ev->intro[2] = "";
  assert_int_equal(evaluation_save(d, &ta, ev, "eval@example.fi", &e), K_ERR);
  assert_string_equal(e.field, "title");
  kerr_clear(&e);
  ev->title[0] = "Arviointi";
  ev->title[1] = "Utvärdering";
  assert_int_equal(evaluation_save(d, &ta, ev, "eval@example.fi", &e), K_OK);
  evaluation *got = evaluation_get(d, &ta, "sv");
  assert_string_equal(got->t_title.text, "Utvärdering");
  assert_false(got->t_title.fallback);
  assert_string_equal(got->t_intro.text, "Deltagare {{stats.participants}}");
  got = evaluation_get(d, &ta, "en");
  assert_string_equal(got->t_title.text, "Arviointi");
  assert_true(got->t_title.fallback);
  assert_string_equal(got->updated_by, "eval@example.fi");
  assert_int_equal(db_int(d, -1, "SELECT COUNT(*) FROM audit WHERE subject = 'evaluation' AND action = 'update'", ""),
                   1);
}

static long long add(db *d, const char *kind, const char *title, const char *body) {
  eval_item it = {0};
  it.kind = kind;
  it.title[0] = (char *)title;
  it.body[0] = (char *)body;
  kerr e = {0};
  long long id = evaluation_item_save(d, &ta, &it, "eval@example.fi", &e);
  if (!id) fail_msg("add %s: %s", title, e.msg);
  return id;
}

/* The titles of kind in their order, joined by "|". */
static const char *order(db *d, const char *kind) {
  int n = 0;
  eval_item *v = evaluation_items(d, &ta, "fi", &n);
  buf b = BUF_INIT;
  for (int i = 0; i < n; i++)
    if (!strcmp(v[i].kind, kind)) buf_printf(&b, "%r|", v[i].title[0]);
  return arena_adopt(&ta, buf_detach(&b));
}

static void test_items(void **state) {
  db *d = *state;
  long long a = add(d, "finding", "A", "{{stats.deeds}}"), b = add(d, "finding", "B", ""),
            r = add(d, "recommendation", "R", "Tee näin."), c = add(d, "finding", "C", "");
  int n = 0;
  eval_item *v = evaluation_items(d, &ta, "fi", &n);
  assert_int_equal(n, 4);
  assert_string_equal(v[3].kind, "recommendation"); /* findings first */
  assert_string_equal(order(d, "finding"), "A|B|C|");
  kerr e = {0};
  assert_int_equal(evaluation_item_move(d, c, -1, "eval@example.fi", &e), K_OK);
  assert_string_equal(order(d, "finding"), "A|C|B|");
  assert_int_equal(evaluation_item_move(d, a, -1, "eval@example.fi", &e), K_OK); /* at the top: stays */
  assert_string_equal(order(d, "finding"), "A|C|B|");
  assert_int_equal(evaluation_item_move(d, r, 1, "eval@example.fi", &e), K_OK); /* alone in its kind */
  assert_int_equal(evaluation_item_move(d, a, 1, "eval@example.fi", &e), K_OK);
  assert_string_equal(order(d, "finding"), "C|A|B|");
  /* positions tied by hand still move */
  assert_int_equal(db_exec(d, "UPDATE evaluation_item SET position = 7 WHERE kind = 'finding'", ""), DB_OK);
  assert_string_equal(order(d, "finding"), "A|B|C|"); /* ties: by id */
  assert_int_equal(evaluation_item_move(d, c, -1, "eval@example.fi", &e), K_OK);
  assert_string_equal(order(d, "finding"), "A|C|B|");
  assert_int_equal(evaluation_item_move(d, b, -1, "eval@example.fi", &e), K_OK);
  assert_string_equal(order(d, "finding"), "A|B|C|");
  assert_int_equal(evaluation_item_move(d, 9999, -1, "eval@example.fi", &e), K_ERR);
  kerr_clear(&e);

  /* edits keep the kind; bad input is refused per field */
  eval_item *x = evaluation_item_get(d, &ta, b, "fi");
  x->kind = "recommendation";
  x->title[0] = "B2";
  x->body[2] = "{{stats.nope}}";
  assert_int_equal(evaluation_item_save(d, &ta, x, "eval@example.fi", &e), 0);
  assert_string_equal(e.field, "body_en");
  kerr_clear(&e);
  x->body[2] = "Fine {{stats.deeds}}";
  assert_int_equal(evaluation_item_save(d, &ta, x, "eval@example.fi", &e), b);
  assert_string_equal(evaluation_item_get(d, &ta, b, "en")->t_body.text, "Fine {{stats.deeds}}");
  assert_string_equal(evaluation_item_get(d, &ta, b, "fi")->kind, "finding");
  eval_item bad = {0};
  bad.kind = "opinion";
  bad.title[0] = "";
  assert_int_equal(evaluation_item_save(d, &ta, &bad, "eval@example.fi", &e), 0);
  assert_string_equal(e.field, "kind");
  assert_non_null(e.next);
  assert_string_equal(e.next->field, "title");
  kerr_clear(&e);
  bad.id = 9999;
  assert_int_equal(evaluation_item_save(d, &ta, &bad, "eval@example.fi", &e), 0);
  kerr_clear(&e);

  assert_int_equal(evaluation_item_delete(d, a, "eval@example.fi", &e), K_OK);
  assert_null(evaluation_item_get(d, &ta, a, "fi"));
  assert_int_equal(evaluation_item_delete(d, a, "eval@example.fi", &e), K_ERR); /* gone */
  kerr_clear(&e);
  /* 4 added, 4 moves that moved (not the one at the top, the one alone, the unknown one), 1 edit, 1 delete */
  assert_int_equal(db_int(d, -1, "SELECT COUNT(*) FROM audit WHERE subject LIKE 'evaluation-item:%'", ""), 10);
}

static void test_publish(void **state) {
  db *d = *state;
  kerr e = {0};
  assert_int_equal(evaluation_publish(d, &ta, 1, "eval@example.fi", &e), K_ERR); /* no title */
  kerr_clear(&e);
  evaluation *ev = evaluation_get(d, &ta, "fi");
  ev->title[0] = "Arviointi";
  assert_int_equal(evaluation_save(d, &ta, ev, "eval@example.fi", &e), K_OK);
  long long id = add(d, "finding", "A", "Kausi {{stats.participants}}");
  /* a figure that stopped existing after the text was saved */
  assert_int_equal(
      db_exec(d, "UPDATE evaluation_item SET body_sv = '{{stats.period.42.deeds}}' WHERE id = ?1", "i", id), DB_OK);
  assert_int_equal(evaluation_publish(d, &ta, 1, "eval@example.fi", &e), K_ERR);
  assert_non_null(strstr(e.msg, "tuntematon luku {{stats.period.42.deeds}}"));
  kerr_clear(&e);
  assert_null(evaluation_get(d, &ta, "fi")->published_at);
  assert_int_equal(db_exec(d, "UPDATE evaluation_item SET body_sv = '' WHERE id = ?1", "i", id), DB_OK);
  assert_int_equal(evaluation_publish(d, &ta, 1, "eval@example.fi", &e), K_OK);
  assert_non_null(evaluation_get(d, &ta, "fi")->published_at);
  assert_int_equal(evaluation_publish(d, &ta, 0, "staff@example.fi", &e), K_OK);
  assert_null(evaluation_get(d, &ta, "fi")->published_at);
  assert_int_equal(
      db_int(d, -1, "SELECT COUNT(*) FROM audit WHERE subject = 'evaluation' AND action IN ('publish', 'unpublish')",
             ""),
      2);
}

static void test_surveys_and_series(void **state) {
  db *d = *state;
  assert_int_equal(db_exec(d,
                           "INSERT INTO funding_period(id, name, start_year, end_year) VALUES (1, 'K', 2018, 2020);"
                           "",
                           ""),
                   DB_OK);
  const char *sql[] = {
      "INSERT INTO survey_series(id, key, created_at) VALUES (1, 'sp', '2026-01-01T00:00:00Z')",
      "INSERT INTO survey(id, key, series_id, phase, title, title_sv, definition, created_at, updated_at) VALUES"
      " (1, 'alku', 1, 'before', 'Alku', 'Början', '{}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
      " (2, 'loppu', 1, 'after', 'Loppu', '', '{}', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z'),"
      " (3, 'tyhja', NULL, '', 'Tyhjä', '', '{}', '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z')",
      "INSERT INTO person(id, email, name) VALUES (1, 'a@x.fi', 'A'), (2, 'b@x.fi', 'B'), (3, 'c@x.fi', 'C')",
      "INSERT INTO survey_invite(survey_id, person_id, nonce, token_hash, invited_at, answered) VALUES"
      " (1, 1, 'n1', 'h1', '2026-01-01', 1), (1, 2, 'n2', 'h2', '2026-01-01', 1), (1, 3, 'n3', 'h3', '2026-01-01', 0),"
      " (3, 1, 'n4', 'h4', '2026-01-01', 0)",
      "INSERT INTO survey_response(survey_id, answered_on, pseudonym, via) VALUES (1, '2026-01-02', 'x', 'invite'),"
      " (1, '2026-01-02', 'y', 'invite'), (2, '2026-02-02', 'x', 'open'), (2, '2026-02-02', 'z', 'open')",
  };
  for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
    if (db_exec(d, sql[i], "") != DB_OK) fail_msg("%s: %s", sql[i], db_errmsg(d));
  int n = 0;
  eval_survey *s = evaluation_surveys(d, &ta, "sv", &n);
  assert_int_equal(n, 2); /* the one without answers is not in the method */
  assert_string_equal(s[0].title.text, "Början");
  assert_false(s[0].title.fallback);
  assert_int_equal(s[0].invited, 3);
  assert_int_equal(s[0].answered, 2);
  assert_int_equal(s[0].responses, 2);
  assert_true(s[0].rate > 0.666 && s[0].rate < 0.667);
  assert_string_equal(s[1].title.text, "Loppu");
  assert_true(s[1].title.fallback);
  assert_true(s[1].rate < 0); /* nobody invited */
  eval_series *ss = evaluation_series(d, &ta, &n);
  assert_int_equal(n, 1);
  assert_string_equal(ss[0].key, "sp");
  assert_int_equal(ss[0].pairs, 1); /* only x answered both */
}

int main(void) {
  (void)testdb_deed;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_report_texts, setup, teardown),
      cmocka_unit_test_setup_teardown(test_items, setup, teardown),
      cmocka_unit_test_setup_teardown(test_publish, setup, teardown),
      cmocka_unit_test_setup_teardown(test_surveys_and_series, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
