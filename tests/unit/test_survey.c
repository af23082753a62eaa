/* Unit tests for model/survey: the definition's parse and checks (every problem named by question and field), its
 * JSON written and read back to the same, storage (import, update rules once answered, copy, schedule in Finnish
 * days, open link, delete). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/survey.h"
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

static const char FULL[] =
    "{\"key\":\"alku\",\"series\":\"sparraus\",\"phase\":\"before\",\"title\":{\"fi\":\"Alkukysely\",\"sv\":\"Före\"},"
    "\"intro\":\"Viisi minuuttia.\",\"opens\":\"10.01.2026\",\"closes\":\"2026-07-31\",\"questions\":["
    "{\"type\":\"section\",\"title\":{\"fi\":\"Osa 1\"}},"
    "{\"key\":\"q1\",\"type\":\"likert5\",\"text\":{\"fi\":\"Aloittaminen\"},\"required\":true,"
    "\"low\":{\"fi\":\"Eri mieltä\"},\"high\":{\"fi\":\"Samaa mieltä\"}},"
    "{\"key\":\"q2\",\"type\":\"likert7\",\"text\":\"Johto\"},"
    "{\"key\":\"q3\",\"type\":\"matrix\",\"scale\":\"scale10\",\"text\":\"Arvioi\",\"rows\":[{\"key\":\"r1\","
    "\"text\":\"A\"},{\"key\":\"r2\",\"text\":\"B\"}]},"
    "{\"key\":\"q4\",\"type\":\"multiple\",\"text\":\"Mitä\",\"options\":[{\"key\":\"a\",\"text\":\"A\"},{\"key\":"
    "\"b\",\"text\":\"B\"}],\"other\":true,\"show_if\":{\"q1\":[4,5]}},"
    "{\"key\":\"q5\",\"type\":\"single\",\"text\":\"Rooli\",\"options\":[{\"key\":\"x\",\"text\":\"X\"},{\"key\":"
    "\"y\",\"text\":\"Y\"}]},"
    "{\"type\":\"section\",\"title\":\"Osa 2\"},"
    "{\"key\":\"q6\",\"type\":\"scale10\",\"text\":\"Suosittelu\"},"
    "{\"key\":\"q7\",\"type\":\"number\",\"text\":\"Kokoukset\",\"min\":0,\"max\":2.5},"
    "{\"key\":\"q8\",\"type\":\"text\",\"text\":\"Muuta\",\"help\":{\"en\":\"Anything\"},\"show_if\":{\"q5\":[\"y\"]}}"
    "]}";

/* Every type, sections, conditions and texts are read as written. */
static void test_parse_full(void **state) {
  (void)state;
  arena a = {0};
  kerr e = {0};
  survey_def *d = survey_def_parse(&a, FULL, strlen(FULL), &e);
  if (!d) fail_msg("%s", e.msg);
  assert_int_equal(d->nq, 10);
  assert_string_equal(d->series, "sparraus");
  assert_string_equal(d->phase, "before");
  assert_string_equal(d->title.sv, "Före");
  assert_string_equal(d->intro.fi, "Viisi minuuttia.");
  assert_string_equal(d->opens, "2026-01-10");
  assert_int_equal(d->q[0].type, SQ_SECTION);
  const survey_question *q = survey_def_find(d, "q1");
  assert_int_equal(q->type, SQ_LIKERT5);
  assert_true(q->required);
  assert_int_equal(survey_scale_lo(q), 1);
  assert_int_equal(survey_scale_hi(q), 5);
  assert_string_equal(q->low.fi, "Eri mieltä");
  assert_int_equal(q->section, 0);
  q = survey_def_find(d, "q3");
  assert_int_equal(q->scale, SQ_SCALE10);
  assert_int_equal(survey_scale_lo(q), 0);
  assert_int_equal(survey_scale_hi(q), 10);
  assert_int_equal(q->nrows, 2);
  q = survey_def_find(d, "q4");
  assert_int_equal(q->noptions, 2);
  assert_true(q->other);
  assert_string_equal(q->cond_q, "q1");
  assert_int_equal(q->ncond, 2);
  assert_string_equal(q->cond_values[1], "5");
  q = survey_def_find(d, "q7");
  assert_true(q->has_min && q->has_max);
  assert_true(q->max == 2.5);
  q = survey_def_find(d, "q8");
  assert_int_equal(q->section, 6);
  assert_string_equal(q->help.en, "Anything");
  assert_string_equal(q->cond_values[0], "y");
  assert_null(survey_def_find(d, "q9"));
  assert_int_equal(survey_text_pick(&d->title, "en").fallback, 1);
  arena_free(&a);
}

/* The JSON written reads back to the same JSON. */
static void test_json_round_trip(void **state) {
  (void)state;
  arena a = {0};
  kerr e = {0};
  survey_def *d = survey_def_parse(&a, FULL, strlen(FULL), &e);
  assert_non_null(d);
  char *j1 = survey_def_json(&a, d);
  survey_def *d2 = survey_def_parse(&a, j1, strlen(j1), &e);
  if (!d2) fail_msg("%s", e.msg);
  assert_string_equal(survey_def_json(&a, d2), j1);
  assert_non_null(strstr(j1, "\"show_if\": {\n        \"q1\": [\n          4,\n          5"));
  arena_free(&a);
}

/* Collects the messages of a failed parse, one a line. */
static char *problems(arena *a, const char *json) {
  kerr e = {0};
  survey_def *d = survey_def_parse(a, json, strlen(json), &e);
  assert_null(d);
  char all[4096] = "";
  for (kerr *x = &e; x && x->msg; x = x->next) {
    strncat(all, x->msg, sizeof all - strlen(all) - 2);
    strcat(all, "\n");
  }
  kerr_clear(&e);
  return arena_strdup(a, all);
}

/* Each bad definition names the question and the field. */
static void test_bad_definitions(void **state) {
  (void)state;
  arena a = {0};
  assert_non_null(strstr(problems(&a, "{\"key\":"), "JSON ei ole kelvollista"));
  char *p = problems(&a, "{}");
  assert_non_null(strstr(p, "kenttä key: puuttuu"));
  assert_non_null(strstr(p, "kenttä title: puuttuu"));
  assert_non_null(strstr(p, "kenttä questions: puuttuu"));
  p = problems(&a, "{\"key\":\"k\",\"title\":\"T\",\"phase\":\"after\",\"questions\":[{\"type\":\"section\","
                   "\"title\":\"S\"}]}");
  assert_non_null(strstr(p, "kenttä phase: vain sarjan kyselyllä"));
  assert_non_null(strstr(p, "ainakin yksi kysymys"));
  p = problems(&a, "{\"key\":\"k\",\"title\":\"T\",\"colour\":1,\"questions\":["
                   "{\"key\":\"q1\",\"type\":\"likert9\",\"text\":\"a\"},"
                   "{\"key\":\"q2\",\"type\":\"single\",\"text\":\"b\",\"options\":[{\"key\":\"a\",\"text\":\"A\"}]},"
                   "{\"key\":\"q3\",\"type\":\"text\",\"text\":\"c\",\"show_if\":{\"q9\":[1]}},"
                   "{\"key\":\"q4\",\"type\":\"likert5\",\"text\":\"d\"},"
                   "{\"key\":\"q5\",\"type\":\"text\",\"text\":\"\",\"show_if\":{\"q4\":[6]}},"
                   "{\"key\":\"q4\",\"type\":\"matrix\",\"text\":\"e\",\"scale\":\"likert3\",\"rows\":[]},"
                   "{\"key\":\"Q!\",\"type\":\"text\",\"text\":\"x\"},"
                   "{\"key\":\"q6\",\"type\":\"multiple\",\"text\":\"m\",\"options\":[{\"key\":\"a\",\"text\":\"A\"},"
                   "{\"key\":\"a\",\"text\":\"B\"},{\"key\":\"other\",\"text\":\"C\"}]},"
                   "{\"key\":\"q7\",\"type\":\"number\",\"text\":\"n\",\"min\":5,\"max\":1,\"required\":\"yes\"},"
                   "{\"key\":\"q8\",\"type\":\"text\",\"text\":{\"de\":\"x\"}},"
                   "{\"key\":\"q9\",\"type\":\"text\",\"text\":\"t\",\"show_if\":{\"q6\":[\"zz\"]}}]}");
  const char *want[] = {"kenttä colour: tuntematon kenttä",
                        "kysymys q1, kenttä type: pitää olla section",
                        "kysymys q2, kenttä options: vähintään kaksi vaihtoehtoa",
                        "kysymys q3, kenttä show_if: ei aiempaa kysymystä q9",
                        "kysymys q5, kenttä text: suomenkielinen teksti puuttuu",
                        "kysymys q5, kenttä show_if: arvo ei ole kysymyksen asteikolla: 6",
                        "kysymys q4, kenttä key: sama avain kahdesti: q4",
                        "kysymys q4, kenttä scale: pitää olla likert5, likert7 tai scale10",
                        "kysymys q4, kenttä rows: vähintään yksi rivi",
                        "kysymys 7, kenttä key: pitää olla 1–32 merkkiä",
                        "kysymys q6, kenttä options[2]: sama avain kahdesti: a",
                        "kysymys q6, kenttä options[3]: avain other on varattu",
                        "kysymys q7, kenttä max: pitää olla vähintään min",
                        "kysymys q7, kenttä required: pitää olla true tai false",
                        "kysymys q8, kenttä text.de: kieli ei ole fi, sv eikä en",
                        "kysymys q9, kenttä show_if: ei ole kysymyksen vaihtoehto: zz"};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
    if (!strstr(p, want[i])) fail_msg("missing '%s' in:\n%s", want[i], p);
  arena_free(&a);
}

/* Import stores it with its schedule as Finnish days in UTC; keys, series phases and copies. */
static void test_store(void **state) {
  tmpdb *t = *state;
  arena a = {0};
  kerr e = {0};
  long long id = survey_import(t->d, FULL, strlen(FULL), "test", &e);
  if (!id) fail_msg("%s", e.msg);
  survey_info *s = survey_get(t->d, &a, id, "sv");
  assert_string_equal(s->key, "alku");
  assert_string_equal(s->series, "sparraus");
  assert_string_equal(s->title.text, "Före");
  assert_string_equal(s->opens_at, "2026-01-09T22:00:00Z");  /* 10.1. 00:00 EET */
  assert_string_equal(s->closes_at, "2026-07-31T21:00:00Z"); /* 1.8. 00:00 EEST */
  assert_int_equal(survey_state(s, "2026-01-09T21:59:59Z"), SURVEY_NOT_OPEN);
  assert_int_equal(survey_state(s, "2026-01-09T22:00:00Z"), SURVEY_OPEN);
  assert_int_equal(survey_state(s, "2026-07-31T21:00:00Z"), SURVEY_CLOSED);
  assert_int_equal(survey_id_by_key(t->d, "alku"), id);
  /* the same key again, and a second before-survey in the series */
  assert_int_equal(survey_import(t->d, FULL, strlen(FULL), "test", &e), 0);
  assert_non_null(strstr(e.msg, "kysely alku on jo olemassa"));
  kerr_clear(&e);
  /* a copy in the same series becomes its after-survey; a second copy cannot be a third phase there */
  long long c = survey_copy(t->d, id, "loppu", NULL, "test", &e);
  if (!c) fail_msg("%s", e.msg);
  survey_info *cs = survey_get(t->d, &a, c, "fi");
  assert_string_equal(cs->phase, "after");
  assert_null(cs->opens_at);
  int n;
  survey_info *ser = survey_series_list(t->d, &a, "sparraus", "fi", &n);
  assert_int_equal(n, 2);
  assert_int_equal(ser[0].id, id);
  assert_int_equal(ser[1].id, c);
  long long c2 = survey_copy(t->d, id, "toinen", "", "test", &e);
  assert_true(c2 > 0);
  assert_string_equal(survey_get(t->d, &a, c2, "fi")->series, "");
  /* the open link */
  assert_int_equal(survey_set_open_link(t->d, id, 1, "test", &e), K_OK);
  char *code = survey_get(t->d, &a, id, "fi")->open_code;
  assert_int_equal(strlen(code), 32);
  assert_int_equal(survey_id_by_open_code(t->d, code), id);
  assert_int_equal(survey_set_open_link(t->d, id, 0, "test", &e), K_OK);
  assert_int_equal(survey_id_by_open_code(t->d, code), 0);
  /* schedule */
  assert_int_equal(survey_set_schedule(t->d, id, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", "test", &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(survey_set_schedule(t->d, id, NULL, NULL, "test", &e), K_OK);
  assert_null(survey_get(t->d, &a, id, "fi")->opens_at);
  assert_int_equal(db_int(t->d, 0, "SELECT count(*) FROM audit WHERE subject = ?1", "t", "survey:1"),
                   4); /* create, open link on, off, schedule */
  arena_free(&a);
}

/* Once answered, a survey keeps its questions' keys, types, options and rows; texts may change; without answers
 * anything may, and it can be deleted. */
static void test_update_rules(void **state) {
  tmpdb *t = *state;
  arena a = {0};
  kerr e = {0};
  const char *v1 = "{\"key\":\"k\",\"title\":\"T\",\"questions\":[{\"key\":\"q1\",\"type\":\"likert5\",\"text\":\"A\"},"
                   "{\"key\":\"q2\",\"type\":\"single\",\"text\":\"B\",\"options\":[{\"key\":\"a\",\"text\":\"A\"},"
                   "{\"key\":\"b\",\"text\":\"B\"}]}]}";
  long long id = survey_import(t->d, v1, strlen(v1), "test", &e);
  assert_true(id > 0);
  const char *v2 = "{\"title\":\"T2\",\"questions\":[{\"key\":\"q1\",\"type\":\"likert7\",\"text\":\"A\"}]}";
  assert_int_equal(survey_update(t->d, id, v2, strlen(v2), "test", &e), K_OK);
  assert_int_equal(survey_load(t->d, &a, id)->q[0].type, SQ_LIKERT7);
  const char *other_key =
      "{\"key\":\"z\",\"title\":\"T\",\"questions\":[{\"key\":\"q1\",\"type\":\"text\",\"text\":\"A\"}]}";
  assert_int_equal(survey_update(t->d, id, other_key, strlen(other_key), "test", &e), K_ERR);
  assert_non_null(strstr(e.msg, "kyselyn avainta ei voi muuttaa"));
  kerr_clear(&e);
  assert_int_equal(survey_update(t->d, id, v1, strlen(v1), "test", &e), K_OK);
  db_exec(t->d, "INSERT INTO survey_response(survey_id, answered_on, via) VALUES(?1, '2026-01-01', 'open')", "i", id);
  const char *v3 = "{\"key\":\"k\",\"title\":\"T\",\"questions\":[{\"key\":\"q1\",\"type\":\"text\",\"text\":\"A\"},"
                   "{\"key\":\"q2\",\"type\":\"single\",\"text\":\"B\",\"options\":[{\"key\":\"a\",\"text\":\"A\"},"
                   "{\"key\":\"c\",\"text\":\"C\"}]}]}";
  assert_int_equal(survey_update(t->d, id, v3, strlen(v3), "test", &e), K_ERR);
  char all[1024] = "";
  for (kerr *x = &e; x && x->msg; x = x->next) strncat(all, x->msg, sizeof all - strlen(all) - 1);
  assert_non_null(strstr(all, "kysymys q1, kenttä type: vastatun kysymyksen tyyppiä ei voi muuttaa"));
  assert_non_null(strstr(all, "kysymys q2, kenttä options: vastattua vaihtoehtoa b ei voi poistaa"));
  kerr_clear(&e);
  const char *v4 = "{\"key\":\"k\",\"title\":\"Uusi\",\"questions\":[{\"key\":\"q1\",\"type\":\"likert5\",\"text\":"
                   "\"Uusi A\"},{\"key\":\"q2\",\"type\":\"single\",\"text\":\"B\",\"options\":[{\"key\":\"a\","
                   "\"text\":\"A\"},{\"key\":\"b\",\"text\":\"B\"},{\"key\":\"c\",\"text\":\"C\"}]},{\"key\":\"q3\","
                   "\"type\":\"text\",\"text\":\"new\"}]}";
  assert_int_equal(survey_update(t->d, id, v4, strlen(v4), "test", &e), K_OK);
  assert_int_equal(survey_delete(t->d, id, "test", &e), K_ERR);
  kerr_clear(&e);
  db_exec(t->d, "DELETE FROM survey_response", "");
  assert_int_equal(survey_delete(t->d, id, "test", &e), K_OK);
  assert_null(survey_get(t->d, &a, id, "fi"));
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parse_full),
      cmocka_unit_test(test_json_round_trip),
      cmocka_unit_test(test_bad_definitions),
      cmocka_unit_test_setup_teardown(test_store, setup, teardown),
      cmocka_unit_test_setup_teardown(test_update_rules, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
