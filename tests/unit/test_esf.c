/* Unit tests for the ESF indicator tables of report/ (esf_start: Annex I, esf_exit: Annex II): the rules of each
 * indicator on hand-made records, the gender columns adding up to the total, every exclusive group summing to the
 * participants, "joista" rows within their rows, the annex order, the placeholders and the public view. */
#include "testdb.h"

#include <stdio.h>

#include "report/placeholder.h"
#include "report/survey_results.h"
#include "report/report.h"

/* One start record: age (-1: not given), gender, labour, education, then the Annex I items and the exit (NULL: not
 * given). */
typedef struct rec {
  int age;
  const char *gender, *labour, *education, *unemployed_for, *in_education, *disability, *migrant, *disadvantaged;
  const char *exit_status, *qualification;
} rec;

static void insert(db *d, long long person, long long period, const rec *r) {
  char email[40];
  snprintf(email, sizeof email, "p%lld@example.fi", person);
  if (db_exec(d, "INSERT INTO person(id, email, name) VALUES (?1, ?2, 'P') ON CONFLICT DO NOTHING", "it", person,
              email) != DB_OK)
    fail_msg("person: %s", db_errmsg(d));
  if (db_exec(d,
              "INSERT INTO esf_start(person_id, period_id, entry_date, age_at_entry, gender, labour, education,"
              " unemployed_for, in_education, disability, migrant, disadvantaged, exit_date, exit_status,"
              " exit_qualification) VALUES (?1, ?2, ?3, nullif(?4, -1), ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
              " CASE WHEN ?13 IS NULL THEN NULL ELSE ?3 END, ?13, ?14)",
              "iitittttttttttt", person, period, period == 1 ? "2016-03-01" : "2019-03-01", (long long)r->age,
              r->gender, r->labour, r->education, r->unemployed_for, r->in_education, r->disability, r->migrant,
              r->disadvantaged, r->exit_status, r->qualification) != DB_OK)
    fail_msg("esf_start: %s", db_errmsg(d));
}

/* The records: each one tests a rule (see the comments), in two periods. */
static const rec RECS[] = {
    {30, "nainen", "tyoton", "isced34", "yli12", NULL, "ei", "kylla", "ei", "tyollinen", "kylla"}, /* LTU: > 12 mo */
    {22, "mies", "tyoton", "isced12", "6_12", NULL, "kylla", "ei", "eos", "koulutus", "ei"},       /* LTU: < 25, > 6 */
    {40, "nainen", "tyoton", "isced58", "6_12", NULL, "eos", "eos", "kylla", "tyoton", NULL},      /* not LTU */
    {58, "muu", "tyoton", "isced34", "eos", NULL, NULL, NULL, NULL, NULL, NULL},                   /* > 54 unemployed */
    {60, "eos", "ulkopuolella", "eos", NULL, "ei", "ei", "ei", "ei", "tyoton", "eos"},             /* > 54 NEET; CR01 */
    {19, "nainen", "ulkopuolella", "isced12", NULL, "kylla", "ei", "ei", "ei", "koulutus", "kylla"}, /* in education */
    {-1, "mies", "eos", "isced58", NULL, NULL, "ei", "kylla", "ei", "eos", NULL},                    /* age not given */
    {45, "nainen", "tyollinen", "isced58", NULL, NULL, "ei", "ei", "kylla", "tyollinen", "ei"},
    {56, "nainen", "tyollinen", "isced34", NULL, NULL, "ei", "ei", "ei", NULL, NULL}, /* > 54 employed: not CO08 */
};
#define NRECS ((int)(sizeof RECS / sizeof RECS[0]))

static int setup(void **state) {
  db *d = testdb_open();
  if (db_exec(d,
              "INSERT INTO funding_period(id, name, start_year, end_year) VALUES (1, 'A', 2015, 2017),"
              " (2, 'B', 2018, 2020)",
              "") != DB_OK)
    fail_msg("periods: %s", db_errmsg(d));
  for (int i = 0; i < NRECS; i++) insert(d, i + 1, 1 + i % 2, &RECS[i]);
  for (int i = 0; i < NRECS; i++) insert(d, 100 + i, 2, &RECS[i]); /* the same again in period 2 */
  *state = d;
  return 0;
}

static int teardown(void **state) {
  db_close(*state);
  return 0;
}

static const report_row *row_of(const report_table *t, const char *code) {
  for (int i = 0; i < t->nrows; i++)
    if (!strcmp(t->rows[i].code, code)) return &t->rows[i];
  fail_msg("table %s has no row %s", t->name, code);
  return NULL;
}

/* The total column of row code in table id, whole programme, staff view. */
static long long total(db *d, int id, const char *code) {
  arena a = {0};
  report_table t;
  report_table_make(report_get(d), &a, id, 0, 0, &t);
  long long v = row_of(&t, code)->v[4];
  arena_free(&a);
  return v;
}

static void test_indicator_rules(void **state) {
  db *d = *state;
  /* each record twice (once per period) */
  static const struct {
    int id;
    const char *code;
    long long n;
  } want[] = {{RT_ESF_START, "participants", 18}, {RT_ESF_START, "CO01", 8},
              {RT_ESF_START, "CO02", 4},          {RT_ESF_START, "CO03", 4},
              {RT_ESF_START, "CO04", 2},          {RT_ESF_START, "CO05", 4},
              {RT_ESF_START, "labour_eos", 2},    {RT_ESF_START, "CO06", 4},
              {RT_ESF_START, "CO07", 6},          {RT_ESF_START, "CO08", 4},
              {RT_ESF_START, "age_eos", 2},       {RT_ESF_START, "CO09", 4},
              {RT_ESF_START, "CO10", 6},          {RT_ESF_START, "CO11", 6},
              {RT_ESF_START, "education_eos", 2}, {RT_ESF_START, "CO15", 4},
              {RT_ESF_START, "CO15_eos", 2},      {RT_ESF_START, "CO16", 2},
              {RT_ESF_START, "CO16_eos", 2},      {RT_ESF_START, "CO17", 4},
              {RT_ESF_START, "CO17_eos", 2},      {RT_ESF_EXIT, "leavers", 14},
              {RT_ESF_EXIT, "CR01", 2},           {RT_ESF_EXIT, "CR02", 4},
              {RT_ESF_EXIT, "CR03", 4},           {RT_ESF_EXIT, "CR04", 4},
              {RT_ESF_EXIT, "exit_tyoton", 4},    {RT_ESF_EXIT, "exit_ulkopuolella", 0},
              {RT_ESF_EXIT, "exit_eos", 2},       {RT_ESF_EXIT, "CR03_eos", 2}};
  for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
    if (total(d, want[k].id, want[k].code) != want[k].n)
      fail_msg("%s: %lld, want %lld", want[k].code, total(d, want[k].id, want[k].code), want[k].n);
}

/* The rows in the order of the annexes (the EU codes ascending), whatever rows come between. */
static void test_annex_order(void **state) {
  arena a = {0};
  report_table t[2];
  const report_data *rd = report_get(*state);
  report_table_make(rd, &a, RT_ESF_START, 0, 0, &t[0]);
  report_table_make(rd, &a, RT_ESF_EXIT, 0, 0, &t[1]);
  char seen[512] = "";
  for (int k = 0; k < 2; k++)
    for (int i = 0; i < t[k].nrows; i++) {
      const char *c = t[k].rows[i].code;
      if (strlen(c) == 4 && (c[0] == 'C')) snprintf(seen + strlen(seen), sizeof seen - strlen(seen), "%s ", c);
    }
  assert_string_equal(seen, "CO01 CO02 CO03 CO04 CO05 CO06 CO07 CO08 CO09 CO10 CO11 CO15 CO16 CO17 "
                            "CR01 CR02 CR03 CR04 ");
  assert_int_equal(row_of(&t[0], "CO02")->sub, 1); /* "joista", under the unemployed */
  assert_int_equal(row_of(&t[0], "CO01")->sub, 0);
  assert_int_equal(t[0].has_total, 0); /* overlapping rows: no sum of them is shown */
  arena_free(&a);
}

/* Every slot: the genders add up to the total column; each exclusive group sums to the participants (the leavers);
 * each "joista" row is within its row; the first row equals the gender table. */
static void test_sums_and_subsets(void **state) {
  const report_data *rd = report_get(*state);
  static const char *const groups[][6] = {{"CO01", "CO03", "CO05", "labour_eos", NULL},
                                          {"CO06", "age_25_54", "CO07", "age_eos", NULL},
                                          {"CO09", "CO10", "CO11", "education_eos", NULL}};
  static const char *const subs[][2] = {{"CO02", "CO01"}, {"CO04", "CO03"}, {"CO08", "CO07"}};
  for (int s = 0; s <= report_nperiods(rd); s++) {
    arena a = {0};
    report_table t, x, g;
    report_table_make(rd, &a, RT_ESF_START, s, 0, &t);
    report_table_make(rd, &a, RT_ESF_EXIT, s, 0, &x);
    report_table_make(rd, &a, RT_GENDER, s, 0, &g);
    for (int k = 0; k < 2; k++) {
      const report_table *u = k ? &x : &t;
      for (int i = 0; i < u->nrows; i++)
        assert_int_equal(u->rows[i].v[0] + u->rows[i].v[1] + u->rows[i].v[2] + u->rows[i].v[3], u->rows[i].v[4]);
    }
    for (int id = RT_GENDER; id <= RT_EDUCATION; id++) { /* the exclusive breakdowns of the start records */
      report_table u;
      report_table_make(rd, &a, id, s, 0, &u);
      long long sum = 0;
      for (int i = 0; i < u.nrows; i++) sum += u.rows[i].v[0];
      assert_int_equal(sum, u.total.v[0]);
      assert_int_equal(u.total.v[0], g.total.v[0]);
    }
    for (int c = 0; c < 5; c++) {
      for (int k = 0; k < 3; k++) {
        long long sum = 0;
        for (int j = 0; groups[k][j]; j++) sum += row_of(&t, groups[k][j])->v[c];
        assert_int_equal(sum, row_of(&t, "participants")->v[c]);
      }
      long long exits = 0;
      for (const char *const *e =
               (const char *const[]){"CR02", "CR04", "exit_tyoton", "exit_ulkopuolella", "exit_eos", NULL};
           *e; e++)
        exits += row_of(&x, *e)->v[c];
      assert_int_equal(exits, row_of(&x, "leavers")->v[c]);
      for (int k = 0; k < 3; k++) assert_true(row_of(&t, subs[k][0])->v[c] <= row_of(&t, subs[k][1])->v[c]);
      assert_true(row_of(&x, "CR01")->v[c] <= row_of(&x, "exit_tyoton")->v[c]);
      assert_int_equal(row_of(&t, "participants")->v[c], c < 4 ? g.rows[c].v[0] : g.total.v[0]);
    }
    arena_free(&a);
  }
}

/* stats.esf.CODE.GENDER finds an indicator of either annex; a code that is not there is an error naming it. */
static void test_placeholders(void **state) {
  db *d = *state;
  arena a = {0};
  ph_figure f;
  kerr e = {0};
  assert_int_equal(placeholder_resolve(d, &a, "stats.esf.CO02.nainen", SR_STAFF, &f, &e), K_OK);
  assert_int_equal((long long)f.value, 2);
  assert_int_equal(placeholder_resolve(d, &a, "stats.period.2.esf.CR03.total", SR_STAFF, &f, &e), K_OK);
  assert_int_equal((long long)f.value,
                   2 + 1); /* period 2: every record once, and record 5 again (the odd ones of the first round) */
  assert_int_equal(placeholder_resolve(d, &a, "stats.esf_start.CO01.total", SR_STAFF, &f, &e), K_OK);
  assert_int_equal((long long)f.value, 8);
  assert_int_equal(placeholder_resolve(d, &a, "stats.esf.CO99.total", SR_STAFF, &f, &e), K_ERR);
  assert_non_null(strstr(e.msg, "CO99"));
  kerr_clear(&e);
  assert_int_equal(placeholder_resolve(d, &a, "stats.esf.CO01.women", SR_STAFF, &f, &e), K_ERR);
  assert_non_null(strstr(e.msg, "women"));
  kerr_clear(&e);
  /* the public: these counts are all under 5, so shown as "< 5" (or hidden), never as the number */
  assert_int_equal(placeholder_resolve(d, &a, "stats.esf.CO02.nainen", SR_PUBLIC, &f, &e), K_OK);
  assert_int_not_equal(f.mark, SUP_SHOWN);
  arena_free(&a);
}

/* A target of value for CO01 in period 2, year 2019 (the records of period 2 enter on 1.3.2019). */
static report_goal goal_2019(long long value) {
  return (report_goal){.metric = "CO01", .period_id = 2, .year = 2019, .service_type = "", .value = value};
}

static void expect_goal_error(const report_data *rd, report_goal g, const char *field) {
  kerr e = {0};
  assert_int_equal(report_goal_check(rd, &g, &e), K_ERR);
  assert_string_equal(e.field, field);
  kerr_clear(&e);
}

/* Targets: what may be set, and the actual they are measured against. */
static void test_goal_check(void **state) {
  db *d = *state;
  const report_data *rd = report_get(d);
  kerr e = {0};
  report_goal g = goal_2019(8);
  assert_int_equal(report_goal_check(rd, &g, &e), K_OK);
  assert_int_equal(report_goal_actual(rd, &g), 6); /* records 1-4 of the second round, 2 and 4 of the first */
  g.metric = "CO99";
  expect_goal_error(rd, g, "metric");
  g = goal_2019(8), g.period_id = 9;
  expect_goal_error(rd, g, "period");
  g = goal_2019(8), g.year = 2016; /* not a year of period 2 */
  expect_goal_error(rd, g, "year");
  g = goal_2019(8), g.service_type = "nope";
  expect_goal_error(rd, g, "service_type");
  g = goal_2019(8), g.service_type = "sparraus"; /* an ESF indicator is not counted per service type */
  expect_goal_error(rd, g, "service_type");
  g = goal_2019(8), g.metric = "attendees"; /* attendees are counted per period only */
  expect_goal_error(rd, g, "year");
  g = goal_2019(-1);
  expect_goal_error(rd, g, "value");
  g = goal_2019(8), g.period_id = 0, g.year = 0; /* the whole programme */
  assert_int_equal(report_goal_actual(rd, &g), 8);
  /* stored, listed, the same key again changes its value; a changed target may not take another's key */
  g = goal_2019(8);
  long long id = report_goal_save(d, rd, &g, &e);
  assert_true(id > 0);
  g.value = 9;
  assert_int_equal(report_goal_save(d, report_get(d), &g, &e), id);
  report_goal h = goal_2019(3);
  h.year = 0;
  long long other = report_goal_save(d, report_get(d), &h, &e);
  h.id = other, h.year = 2019;
  assert_int_equal(report_goal_save(d, report_get(d), &h, &e), 0);
  assert_string_equal(e.field, "metric");
  kerr_clear(&e);
  arena a = {0};
  int n = 0;
  report_goal *v = report_goals(d, &a, &n);
  assert_int_equal(n, 2);
  assert_int_equal(v[1].value, 9);
  assert_int_equal(report_goal_delete(d, id, &e), K_OK);
  assert_int_equal(report_goal_delete(d, id, &e), K_ERR);
  kerr_clear(&e);
  arena_free(&a);
}

/* On track: the target times the elapsed share of its span (whole per cent, rounded down), against the actual. */
static void test_goal_track(void **state) {
  const report_data *rd = report_get(*state);
  report_track t;
  report_goal g = goal_2019(8);
  report_goal_track(rd, &g, "2019-10-01", &t); /* 274 of 365 days: 75 % */
  assert_string_equal(t.start, "2019-01-01");
  assert_string_equal(t.end, "2019-12-31");
  assert_int_equal(t.elapsed_pct, 75);
  assert_int_equal(t.expected, 6);
  assert_int_equal(t.actual, 6);
  assert_int_equal(t.status, GOAL_ON_TRACK);
  g.value = 10; /* 10 × 75 % = 7 > 6 */
  report_goal_track(rd, &g, "2019-10-01", &t);
  assert_int_equal(t.expected, 7);
  assert_int_equal(t.status, GOAL_BEHIND);
  report_goal_track(rd, &g, "2018-12-31", &t);
  assert_int_equal(t.elapsed_pct, 0);
  assert_int_equal(t.status, GOAL_NOT_STARTED);
  report_goal_track(rd, &g, "2024-01-01", &t);
  assert_int_equal(t.elapsed_pct, 100);
  assert_int_equal(t.expected, 10);
  g.value = 6;
  report_goal_track(rd, &g, "2019-02-01", &t);
  assert_int_equal(t.status, GOAL_REACHED);
  g.year = 0; /* the period: 2018–2020, 1096 days; 1.1.2019 is day 366 */
  report_goal_track(rd, &g, "2019-01-01", &t);
  assert_string_equal(t.start, "2018-01-01");
  assert_string_equal(t.end, "2020-12-31");
  assert_int_equal(t.elapsed_pct, 33);
}

int main(void) {
  (void)testdb_deed; /* from the shared helpers; not needed here */
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_indicator_rules, setup, teardown),
      cmocka_unit_test_setup_teardown(test_annex_order, setup, teardown),
      cmocka_unit_test_setup_teardown(test_sums_and_subsets, setup, teardown),
      cmocka_unit_test_setup_teardown(test_placeholders, setup, teardown),
      cmocka_unit_test_setup_teardown(test_goal_check, setup, teardown),
      cmocka_unit_test_setup_teardown(test_goal_track, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
