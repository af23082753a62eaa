/* Unit tests for report/: counts on a small fixture, definitions per period, age groups, "prefer not to say" rows,
 * small-cell suppression (primary and secondary), cache invalidation, CSV formula escaping, XLSX and SVG output. */
#include <pthread.h>
#include <xlsxwriter.h>

#include "testdb.h"
#include "tmpdb.h"

#include <stdio.h>

#include "core/buf.h"
#include "report/export.h"
#include "report/report.h"

static arena ta; /* the tables' rows */
#include "search/search.h"
#include "core/svg.h"

#define FIXTURE "tests/fixtures/stats.sql"

static void load_fixture(db *d) {
  testdb_script_file(d, FIXTURE);
}

static int setup(void **state) {
  db *d = testdb_open();
  load_fixture(d);
  *state = d;
  return 0;
}

static int teardown(void **state) {
  db_close(*state);
  return 0;
}

/* The value of row code in column c of table id for slot (staff view). */
static long long value(const report_data *rd, int id, int slot, const char *code, int c) {
  arena own = {0}; /* its own: test_one_computation_for_connections_asking_at_once calls it from four threads */
  report_table t;
  report_table_make(rd, &own, id, slot, 0, &t);
  long long v = -999;
  for (int i = 0; i < t.nrows; i++)
    if (strcmp(t.rows[i].code, code) == 0) v = t.rows[i].v[c];
  if (!strcmp(code, "total")) v = t.total.v[c];
  arena_free(&own);
  return v;
}

static void test_key_figures_whole_programme(void **state) {
  const report_data *rd = report_get(*state);
  assert_int_equal(report_nperiods(rd), 2);
  assert_int_equal(value(rd, RT_KEY, 0, "organisations", 0), 3);
  assert_int_equal(value(rd, RT_KEY, 0, "participants", 0), 9); /* people 1–8 and 16, distinct */
  assert_int_equal(value(rd, RT_KEY, 0, "attendees", 0), 7);    /* 9–15: webinar only */
  assert_int_equal(value(rd, RT_KEY, 0, "participations", 0), 23);
  assert_int_equal(value(rd, RT_KEY, 0, "deeds", 0), 0);
  assert_int_equal(value(rd, RT_SERVICE_TYPE, 0, "webinaari", 0), 11);
  assert_int_equal(value(rd, RT_ROLE, 0, "tyontekija", 0), 13);
  assert_int_equal(value(rd, RT_ROLE, 0, "tyontekija", 1), 17);
  assert_int_equal(value(rd, RT_SECTOR, 0, "sote", 0), 10);
  assert_int_equal(value(rd, RT_SECTOR, 0, "", 0), -999);   /* no "unknown" row when every person has a sector */
  assert_int_equal(value(rd, RT_ORG_TYPE, 0, "muu", 0), 1); /* reached through delivery_org only */
  assert_int_equal(value(rd, RT_ORG_TYPE, 0, "muu", 1), 0);
  assert_int_equal(value(rd, RT_REGION, 0, "FI1B1", 1), 12);
  assert_int_equal(value(rd, RT_REGION, 0, "FI197", 1), 3);
  assert_int_equal(value(rd, RT_REGION, 0, "", 0), 1); /* organisation 3 has no municipality */
  assert_int_equal(value(rd, RT_YEAR, 0, "2016", 1), 15);
  assert_int_equal(value(rd, RT_YEAR, 0, "2019", 0), 2);
}

static void test_definitions_per_period(void **state) {
  testdb_deed(*state, "Teko", "Kuvaus", NULL, "091", "sote", 2016, NULL);
  const report_data *rd = report_get(*state);
  assert_int_equal(value(rd, RT_KEY, 0, "deeds", 0), 1);
  assert_int_equal(value(rd, RT_KEY, 1, "deeds", 0), 1);
  assert_int_equal(value(rd, RT_KEY, 2, "deeds", 0), 0);
  assert_int_equal(value(rd, RT_KEY, 1, "participants", 0), 8);
  assert_int_equal(value(rd, RT_KEY, 1, "attendees", 0), 7); /* 5–8 have start records in period 1 */
  assert_int_equal(value(rd, RT_KEY, 1, "participations", 0), 19);
  assert_int_equal(value(rd, RT_KEY, 1, "organisations", 0), 2);
  assert_int_equal(value(rd, RT_KEY, 2, "participants", 0), 4);
  assert_int_equal(value(rd, RT_KEY, 2, "attendees", 0), 0);
  assert_int_equal(value(rd, RT_KEY, 2, "organisations", 0), 2); /* org 3 by delivery_org, org 1 by people */
  assert_int_equal(value(rd, RT_YEAR, 2, "2016", 0), -999);      /* years outside the period are not rows */
  assert_int_equal(value(rd, RT_YEAR, 2, "2018", 0), 0);
  assert_int_equal(report_slot(rd, "2"), 2);
  assert_int_equal(report_slot(rd, ""), 0);
  assert_int_equal(report_slot(rd, "77"), -1);
  assert_int_equal(report_slot(rd, "x"), -1);
}

static void test_age_groups_and_prefer_not_to_say(void **state) {
  const report_data *rd = report_get(*state);
  assert_int_equal(value(rd, RT_AGE, 1, "alle25", 0), 1);
  assert_int_equal(value(rd, RT_AGE, 1, "25-54", 0), 5);
  assert_int_equal(value(rd, RT_AGE, 1, "yli54", 0), 1);
  assert_int_equal(value(rd, RT_AGE, 1, "eos", 0), 1);
  assert_int_equal(value(rd, RT_GENDER, 1, "eos", 0), 1);
  assert_int_equal(value(rd, RT_LABOUR, 1, "eos", 0), 2);
  assert_int_equal(value(rd, RT_LABOUR, 1, "tyollinen", 0), 6);
  assert_int_equal(value(rd, RT_EDUCATION, 2, "isced12", 0), 4);
  assert_int_equal(value(rd, RT_EDUCATION, 2, "eos", 0), 0); /* the row is there even when zero */
  assert_int_equal(value(rd, RT_GENDER, 0, "total", 0), 12); /* start records of both periods */
}

static void test_public_tables_suppress_small_cells(void **state) {
  const report_data *rd = report_get(*state);
  report_table t;
  report_table_make(rd, &ta, RT_ORG_TYPE, 1, 1, &t);
  /* kunta 12 people, yhtiö 3: the 3 is "< 5", and the 12 is hidden with its own mark, since total − 12 would give
   * the 3 back */
  assert_int_equal(t.rows[2].hidden[1], SUP_SMALL);
  assert_int_equal(t.rows[0].hidden[1], SUP_SECONDARY);
  /* the total (15) stays: period 2 has 4 people, but 3 of them took part in period 1 too, so the whole programme
   * (16) minus period 1 says only that period 2 has at least 1 */
  assert_false(t.total.hidden[1]);
  assert_false(t.rows[0].hidden[0]); /* organisations are never suppressed */
  arena_free(&ta);
  report_table_make(rd, &ta, RT_ORG_TYPE, 1, 0, &t); /* staff view */
  assert_int_equal(t.nhidden, 0);
  assert_int_equal(t.rows[2].v[1], 3);
  arena_free(&ta);
  report_table_make(rd, &ta, RT_KEY, 2, 1, &t);
  assert_true(t.rows[RK_PARTICIPANTS].hidden[0]); /* 4 */
  assert_false(t.rows[RK_ATTENDEES].hidden[0]);   /* 0 is not suppressed */
  assert_false(t.rows[RK_ORGANISATIONS].hidden[0]);
  arena_free(&ta);
}

static void test_secondary_suppression(void **s) {
  report_row rows[4] = {0};
  report_table t = {.id = RT_SECTOR, .ncols = 1, .col = {RC_PEOPLE}, .nrows = 4, .rows = rows, .has_total = 1};
  long long v[4] = {10, 3, 7, 20};
  for (int i = 0; i < 4; i++) rows[i].v[0] = v[i], t.total.v[0] += v[i];
  report_suppress(&t);
  assert_int_equal(rows[1].hidden[0], SUP_SMALL);
  assert_int_equal(rows[2].hidden[0], SUP_SECONDARY); /* the next smallest, with its own mark */
  assert_false(rows[0].hidden[0]);
  assert_false(rows[3].hidden[0]);
  assert_int_equal(t.nhidden, 2);
  /* two small cells hide each other: nothing more is hidden */
  memset(rows, 0, sizeof rows);
  t.total.v[0] = 0;
  long long w[4] = {2, 4, 50, 0};
  for (int i = 0; i < 4; i++) rows[i].v[0] = w[i], t.total.v[0] += w[i];
  report_suppress(&t);
  assert_int_equal(t.nhidden, 2);
  assert_false(rows[2].hidden[0]);
  /* the only non-zero cell is small: the total goes too */
  memset(rows, 0, sizeof rows);
  memset(&t.total, 0, sizeof t.total);
  rows[0].v[0] = t.total.v[0] = 3;
  report_suppress(&t);
  assert_int_equal(rows[0].hidden[0], SUP_SMALL);
  assert_int_equal(t.total.hidden[0], SUP_SMALL);
  /* 1 and 5 of 6: the 5 hidden alone would still give the 1 (a "•" cell holds 5 or more), so the 10 goes too */
  memset(rows, 0, sizeof rows);
  memset(&t.total, 0, sizeof t.total);
  long long x[4] = {1, 5, 10, 0};
  for (int i = 0; i < 4; i++) rows[i].v[0] = x[i], t.total.v[0] += x[i];
  report_suppress(&t);
  assert_int_equal(rows[0].hidden[0], SUP_SMALL);
  assert_int_equal(rows[1].hidden[0], SUP_SECONDARY);
  assert_int_equal(rows[2].hidden[0], SUP_SECONDARY);
  assert_int_equal(rows[3].hidden[0], SUP_SHOWN); /* a zero is never hidden */
}

static void test_cache_follows_changes_from_another_connection(void **s) {
  tmpdb a, b;
  tmpdb_open(&a);
  kerr e = {0};
  assert_int_equal(refdata_load(a.d, &e), K_OK);
  load_fixture(a.d);
  b.d = db_open(a.path, 0, search_attach, &e);
  assert_non_null(b.d);
  const report_data *rd = report_get(a.d);
  assert_int_equal(value(rd, RT_KEY, 0, "participations", 0), 23);
  long long builds = report_build_count(a.d);
  report_get(a.d);
  report_get(a.d);
  assert_int_equal(report_build_count(a.d), builds); /* unchanged data: the cached figures */
  assert_int_equal(db_exec(b.d, "INSERT INTO participation(person_id, delivery_id, role) VALUES (16, 1, 'johto')", ""),
                   DB_OK);
  rd = report_get(a.d);
  assert_int_equal(report_build_count(a.d), builds + 1);
  assert_int_equal(value(rd, RT_KEY, 0, "participations", 0), 24);
  assert_int_equal(value(rd, RT_ROLE, 1, "johto", 0), 2);
  /* and a change on the same connection */
  assert_int_equal(report_target_set(a.d, "participants", 0, 5000, &e), K_OK);
  rd = report_get(a.d);
  assert_int_equal(report_target(rd, RK_PARTICIPANTS, 0), 5000);
  assert_int_equal(value(rd, RT_KEY, 0, "participants", 1), 5000);
  assert_int_equal(report_target_set(a.d, "participants", 0, -1, &e), K_OK);
  assert_int_equal(report_target(report_get(a.d), RK_PARTICIPANTS, 0), -1);
  /* the whole staff form in one go: every slot and metric, -1 removes */
  rd = report_get(a.d);
  long long vals[(REPORT_MAX_PERIODS + 1) * RK_COUNT];
  for (int i = 0; i < (report_nperiods(rd) + 1) * RK_COUNT; i++) vals[i] = -1;
  vals[RK_ORGANISATIONS] = 240;
  vals[1 * RK_COUNT + RK_PARTICIPANTS] = 2500;
  assert_int_equal(report_targets_save(a.d, rd, vals, &e), K_OK);
  rd = report_get(a.d);
  assert_int_equal(report_target(rd, RK_ORGANISATIONS, 0), 240);
  assert_int_equal(report_target(rd, RK_PARTICIPANTS, 1), 2500);
  assert_int_equal(report_target(rd, RK_PARTICIPANTS, 0), -1);
  assert_int_equal(db_int(a.d, 0, "SELECT count(*) FROM target", ""), 2);
  assert_int_equal(report_target_set(a.d, "nonsense", 0, 1, &e), K_ERR);
  assert_string_equal(e.field, "metric");
  kerr_clear(&e);
  db_close(b.d);
  tmpdb_close(&a);
}

/* One computation serves every connection, and writes to tables the figures do not read keep it. */
static void test_cache_is_shared_and_ignores_other_tables(void **s) {
  tmpdb a;
  tmpdb_open(&a);
  kerr e = {0};
  assert_int_equal(refdata_load(a.d, &e), K_OK);
  load_fixture(a.d);
  db *b = db_open(a.path, 0, search_attach, &e);
  assert_non_null(b);
  report_get(a.d);
  long long builds_a = report_build_count(a.d);
  assert_int_equal(value(report_get(b), RT_KEY, 0, "participations", 0), 23);
  assert_int_equal(report_build_count(b), 0); /* b reused a's figures */
  db_exec(b, "INSERT INTO audit(actor, action, subject) VALUES('cli', 'view', 'person:1')", "");
  db_exec(b, "INSERT INTO login_throttle(key, fails, last_at, next_at) VALUES('x', 1, 1, 1)", "");
  report_get(a.d);
  report_get(b);
  assert_int_equal(report_build_count(a.d), builds_a);
  assert_int_equal(report_build_count(b), 0);
  db_exec(b, "DELETE FROM participation WHERE id = (SELECT max(id) FROM participation)", "");
  assert_int_equal(value(report_get(a.d), RT_KEY, 0, "participations", 0), 22);
  assert_int_equal(report_build_count(a.d), builds_a + 1);
  assert_int_equal(value(report_get(b), RT_KEY, 0, "participations", 0), 22);
  assert_int_equal(report_build_count(b), 0);
  assert_int_equal(db_begin(b), DB_OK); /* inside a transaction: computed for that caller, not shared */
  db_exec(b, "DELETE FROM participation WHERE id = (SELECT max(id) FROM participation)", "");
  assert_int_equal(value(report_get(b), RT_KEY, 0, "participations", 0), 21);
  assert_int_equal(db_rollback(b), DB_OK);
  assert_int_equal(value(report_get(a.d), RT_KEY, 0, "participations", 0), 22);
  assert_int_equal(value(report_get(b), RT_KEY, 0, "participations", 0), 22);
  db_close(b);
  tmpdb_close(&a);
}

/* After a change, connections asking at the same moment wait for one computation instead of each making its own. */
typedef struct racer {
  const char *path;
  pthread_barrier_t *start;
  long long builds, participations;
} racer;

static void *race(void *p) {
  racer *r = p;
  kerr e = {0};
  db *d = db_open(r->path, 0, search_attach, &e);
  pthread_barrier_wait(r->start);
  if (d) {
    r->participations = value(report_get(d), RT_KEY, 0, "participations", 0);
    r->builds = report_build_count(d);
    db_close(d);
  }
  return NULL;
}

static void test_one_computation_for_connections_asking_at_once(void **s) {
  tmpdb a;
  tmpdb_open(&a);
  kerr e = {0};
  assert_int_equal(refdata_load(a.d, &e), K_OK);
  load_fixture(a.d);
  /* enough rows that the pass takes a while, so the connections overlap */
  assert_int_equal(db_script(a.d, "WITH RECURSIVE i(n) AS (SELECT 1000 UNION ALL SELECT n + 1 FROM i WHERE n < 40999)"
                                  " INSERT INTO person(id, email, name, org_id) SELECT n, 'x' || n || '@example.fi',"
                                  " 'X', 1 FROM i;"
                                  " INSERT INTO participation(person_id, delivery_id, role)"
                                  " SELECT id, 2, 'tyontekija' FROM person WHERE id >= 1000;"),
                   DB_OK);
  enum { N = 4 };
  pthread_t t[N];
  racer r[N];
  pthread_barrier_t start;
  pthread_barrier_init(&start, NULL, N);
  for (int i = 0; i < N; i++) {
    r[i] = (racer){a.path, &start, -1, -1};
    pthread_create(&t[i], NULL, race, &r[i]);
  }
  long long builds = 0;
  for (int i = 0; i < N; i++) {
    pthread_join(t[i], NULL);
    assert_int_equal(r[i].participations, 23 + 40000);
    builds += r[i].builds;
  }
  pthread_barrier_destroy(&start);
  assert_int_equal(builds, 1);
  tmpdb_close(&a);
}

/* One table through the row writer as a download of fmt, without about rows. */
static void csv_of(buf *b, const report_table *t, export_format fmt) {
  kerr e = {0};
  assert_int_equal(report_download(b, NULL, fmt, t, 1, NULL, "fi", NULL, &e), K_OK);
}

static void test_csv_is_formula_safe_and_plain(void **s) {
  report_row rows[3] = {{.code = "a", .label = {"=SUM(A1:A9)", "=SUM(A1:A9)", "=SUM(A1:A9)"}, .v = {12}},
                        {.code = "b", .label = {"@cmd", "@cmd", "@cmd"}, .v = {3}, .hidden = {1}},
                        {.code = "c", .label = {"\tx;y", "\tx;y", "\tx;y"}, .v = {1500}}};
  report_table t = {
      .id = RT_SECTOR, .name = "sector", .title = "T", .ncols = 1, .col = {RC_PEOPLE}, .nrows = 3, .rows = rows};
  buf b = BUF_INIT;
  csv_of(&b, &t, EXPORT_CSV);
  /* Excel's CSV: the BOM, the title, ';', no thousands separator; the mark used is explained under the table */
  assert_string_equal(b.data, "\xEF\xBB\xBFT\r\nToimiala;Henkilöt\r\n\"'=SUM(A1:A9)\";12\r\n\"'@cmd\";< 5\r\n"
                              "\"'\tx;y\";1500\r\n\r\n< 5: luku on 1–4\r\n");
  buf_reset(&b);
  csv_of(&b, &t, EXPORT_CSV_COMMA); /* for machines: header and data only */
  assert_string_equal(b.data, "Toimiala,Henkilöt\r\n\"'=SUM(A1:A9)\",12\r\n\"'@cmd\",< 5\r\n\"'\tx;y\",1500\r\n");
  buf_reset(&b);
  rows[1].hidden[0] = SUP_SECONDARY; /* a cell hidden to protect another reads "•", never "< 5" */
  csv_of(&b, &t, EXPORT_CSV);
  assert_non_null(strstr(b.data, "\"'@cmd\";•\r\n"));
  assert_non_null(strstr(b.data, "\r\n\"• salattu, jotta pieni luku ei paljastu vähentämällä\"\r\n"));
  assert_null(strstr(b.data, "< 5"));
  buf_reset(&b);
  buf_csv(&b, "+1");
  buf_csv(&b, "-2");
  buf_csv(&b, "\rz");
  assert_string_equal(b.data, "\"'+1\"\"'-2\"\"'\rz\"");
  buf_free(&b);
}

/* Decimals: a comma for Excel, a point for machines, halves rounded away from zero as Excel shows them. */
static void test_export_decimals(void **s) {
  buf b = BUF_INIT;
  export_out o;
  export_csv_begin(&o, &b, EXPORT_CSV);
  export_dec(&o, 1.25, 1);
  export_dec(&o, 37.5, 1);
  export_int(&o, 12345);
  export_text(&o, "a \"b\"; c");
  export_date(&o, "2026-12-06T10:00:00Z");
  export_row_end(&o);
  assert_string_equal(b.data, "\xEF\xBB\xBF"
                              "1,3;37,5;12345;\"a \"\"b\"\"; c\";6.12.2026\r\n");
  buf_reset(&b);
  export_csv_begin(&o, &b, EXPORT_CSV_COMMA);
  export_dec(&o, 1.25, 1);
  export_dec(&o, -0.05, 1);
  export_date(&o, "2026-12-06");
  /* halves that a double holds a hair below: 23 of 2000 is 1.15 %, 1.005 to two decimals */
  export_dec(&o, 23 * 100.0 / 2000, 1);
  export_dec(&o, 1.005, 2);
  export_dec(&o, -1.15, 1);
  export_dec(&o, 1.149, 1);
  export_row_end(&o);
  assert_string_equal(b.data, "1.3,-0.1,2026-12-06,1.2,1.01,-1.2,1.1\r\n");
  assert_int_equal(export_format_of("csv-comma"), EXPORT_CSV_COMMA);
  assert_int_equal(export_format_of(NULL), EXPORT_CSV);
  assert_int_equal(export_format_of("csv;"), -1);
  buf_free(&b);
}

/* Sheet names Excel accepts: none of []:*?/\\, at most 31 characters (not bytes), unique in the book. */
static void test_sheet_names(void **s) {
  export_book bk;
  kerr e = {0};
  assert_int_equal(export_book_open(&bk, NULL, &e), K_OK);
  export_out o;
  export_book_sheet(&bk, &o, "a/b:c*?[x]\\");
  assert_non_null(workbook_get_worksheet_by_name(bk.wb, "a-b-c---x--"));
  const char *longer = "Ställning på arbetsmarknaden och något mera"; /* å, ä count once */
  export_book_sheet(&bk, &o, longer);
  export_book_sheet(&bk, &o, longer);
  assert_non_null(workbook_get_worksheet_by_name(bk.wb, "Ställning på arbetsmarknaden oc"));
  assert_non_null(workbook_get_worksheet_by_name(bk.wb, "Ställning på arbetsmarknade (2)"));
  export_book_sheet(&bk, &o, "'Lainattu'"); /* an apostrophe may not start or end a sheet's name */
  assert_non_null(o.ws);
  assert_non_null(workbook_get_worksheet_by_name(bk.wb, "-Lainattu-"));
  buf b = BUF_INIT;
  assert_int_equal(export_book_close(&bk, &b, &e), K_OK);
  assert_memory_equal(b.data, "PK", 2);
  buf_free(&b);
}

static void test_json_marks_suppressed_cells(void **state) {
  report_table t;
  report_table_make(report_get(*state), &ta, RT_ROLE, 1, 1, &t);
  buf b = BUF_INIT;
  report_json(&b, &t, "fi", NULL);
  assert_non_null(strstr(b.data, "{\"code\":\"johto\",\"name\":\"Johto\",\"people\":null,\"participations\":null,"
                                 "\"suppressed\":[\"people\",\"participations\"],"
                                 "\"suppressed_reason\":{\"people\":\"small\",\"participations\":\"small\"}}"));
  /* 1 + 1 participations and 17 make the key figure 19: the 17 is hidden too, for a reason of its own */
  assert_non_null(strstr(b.data, "\"people\":13,\"participations\":null,\"suppressed\":[\"participations\"],"
                                 "\"suppressed_reason\":{\"participations\":\"secondary\"}"));
  buf_free(&b);
  arena_free(&ta);
}

static void test_xlsx_written(void **state) {
  const report_data *rd = report_get(*state);
  report_table t[2];
  report_table_make(rd, &ta, RT_KEY, 0, 0, &t[0]);
  report_table_make(rd, &ta, RT_REGION, 0, 1, &t[1]);
  buf b = BUF_INIT;
  kerr e = {0};
  assert_int_equal(report_download(&b, NULL, EXPORT_XLSX, t, 2, NULL, "sv", NULL, &e), K_OK);
  assert_true(b.len > 1000);
  assert_memory_equal(b.data, "PK\x03\x04", 4);
  assert_int_equal(report_download(NULL, "/nonexistent-dir/x.xlsx", EXPORT_XLSX, t, 2, NULL, "fi", NULL, &e), K_ERR);
  assert_non_null(e.msg);
  kerr_clear(&e);
  buf_free(&b);
  arena_free(&ta);
}

static void test_svg_charts(void **s) {
  svg_item it[4] = {
      {"FI1B1", "Uusimaa <b>", 40, 0}, {"FI197", "Pirkanmaa", 3, 1}, {"XX", "Nowhere", 9, 0}, {"FI193", "K-S", 90, 2}};
  buf b = BUF_INIT;
  svg_bars(&b, "c1", "Otsikko & co", "Kuvaus", it, 4);
  assert_non_null(strstr(b.data, "role=\"img\""));
  assert_non_null(strstr(b.data, "<title id=\"c1-t\">Otsikko &amp; co</title><desc id=\"c1-d\">Kuvaus</desc>"));
  assert_non_null(strstr(b.data, "Uusimaa &lt;b&gt;"));
  assert_non_null(strstr(b.data, "&lt; 5"));
  assert_non_null(strstr(b.data, ">•</text>"));     /* hidden to protect another: its own mark, and no bar */
  assert_non_null(strstr(b.data, "width=\"276\"")); /* 40 takes the full width: the hidden 90 sets no scale */
  assert_null(strstr(b.data, "style="));
  assert_non_null(strstr(b.data, "viewBox=\"0 0 340 ")); /* drawn at full size in a phone's column */
  buf_reset(&b);
  it[0].label = "Kulttuuri- ja vapaa-aikapalvelut ja muut hyvin pitkät nimet";
  svg_bars(&b, "c2", "T", "D", it, 1); /* a long label wraps to lines that fit, after a space or a hyphen */
  assert_non_null(strstr(b.data, "<tspan x=\"0\" dy=\"0\">Kulttuuri- ja vapaa-aikapalvelut ja</tspan>"
                                 "<tspan x=\"0\" dy=\"18\">muut hyvin pitkät nimet</tspan>"));
  buf_reset(&b);
  it[0].label = "Uusimaa <b>";
  svg_goal goal[2] = {{80, "tavoite 80"}, {0, NULL}}; /* a target above every value sets the scale */
  svg_bars_goals(&b, "g", "T", "D", it, 2, goal);
  assert_non_null(strstr(b.data, "Uusimaa &lt;b&gt; (tavoite 80)")); /* the target's value beside the label */
  assert_non_null(strstr(b.data, "width=\"138\""));                  /* 40 of 80: half of 276 */
  assert_non_null(strstr(b.data, "<line x1=\"276\""));               /* the target line at the end of the scale */
  const char *dash = strstr(b.data, "stroke-dasharray");
  assert_true(dash && !strstr(dash + 1, "stroke-dasharray")); /* one line: the second bar has no target */
  buf_reset(&b);
  svg_region_map(&b, "m", "Kartta", "Kuvaus", it, 3, "Organisaatioita", "Ei yhtään");
  assert_non_null(strstr(b.data, "fill=\"#08306b\"")); /* the largest value has the darkest step */
  assert_null(strstr(b.data, "Nowhere"));              /* unknown region codes are left out */
  assert_non_null(strstr(b.data, "Ei yhtään"));
  buf_free(&b);
  assert_int_equal(svg_step(0, 10), 0);
  assert_int_equal(svg_step(1, 10), 1);
  assert_int_equal(svg_step(10, 10), 4);
  assert_int_equal(svg_step(6, 10), 3);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_key_figures_whole_programme, setup, teardown),
      cmocka_unit_test_setup_teardown(test_definitions_per_period, setup, teardown),
      cmocka_unit_test_setup_teardown(test_age_groups_and_prefer_not_to_say, setup, teardown),
      cmocka_unit_test_setup_teardown(test_public_tables_suppress_small_cells, setup, teardown),
      cmocka_unit_test(test_secondary_suppression),
      cmocka_unit_test(test_cache_follows_changes_from_another_connection),
      cmocka_unit_test(test_cache_is_shared_and_ignores_other_tables),
      cmocka_unit_test(test_one_computation_for_connections_asking_at_once),
      cmocka_unit_test(test_csv_is_formula_safe_and_plain),
      cmocka_unit_test(test_export_decimals),
      cmocka_unit_test(test_sheet_names),
      cmocka_unit_test_setup_teardown(test_json_marks_suppressed_cells, setup, teardown),
      cmocka_unit_test_setup_teardown(test_xlsx_written, setup, teardown),
      cmocka_unit_test(test_svg_charts),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
