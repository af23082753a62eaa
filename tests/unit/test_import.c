/* Unit tests for model/import: good files in each dialect and encoding, every kind of bad row, all-or-nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "model/deed.h"
#include "import/import.h"
#include "model/org.h"
#include "model/refdata.h"
#include "fixture.h"

#define HEAD "ref,title,organisation,municipality,sector,summary,goal,actions,results,year\n"
#define ROW1                                                                                                           \
  "A1,Työvuorot uusiksi,Oulun kaupunki,Oulu,sote,Lyhyesti,Parempi arki,Kokeilimme,Sairauspoissaolot laskivat,2019\n"
#define ROW2 "A2,Kiertävä esihenkilö,Pieni kunta,564,opetus,,Tavoite,,Tulos,2020\n"

static long long ndeeds(db *d) {
  return db_int(d, -1, "SELECT count(*) FROM deed", "");
}

/* Imports text as deeds.csv; returns K_OK or K_ERR with e set. */
static int imp(db *d, const char *text, import_stats *st, kerr *e) {
  return import_deeds_mem(d, text, strlen(text), "deeds.csv", 0, st, e);
}

/* Asserts that the import fails with a message containing each of the given fragments and imports nothing. */
static void expect_fail(db *d, const char *text, const char *want1, const char *want2) {
  long long before = ndeeds(d);
  kerr e = {0};
  import_stats st;
  assert_int_equal(imp(d, text, &st, &e), K_ERR);
  assert_non_null(e.msg);
  if (!strstr(e.msg, want1) || (want2 && !strstr(e.msg, want2)))
    fail_msg("message '%s' lacks '%s' or '%s'", e.msg, want1, want2 ? want2 : "");
  assert_int_equal(st.imported, 0);
  assert_int_equal(ndeeds(d), before);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM deed_fts", ""), before);
  kerr_clear(&e);
}

static deed *by_ref(db *d, arena *a, const char *ref) {
  long long id = db_int(d, 0, "SELECT id FROM deed WHERE ref=?1", "t", ref);
  return id ? deed_get(d, a, id, "fi") : NULL;
}

static void test_good_comma_file(void **state) {
  arena a = {0};
  db *d = *state;
  kerr e = {0};
  import_stats st;
  assert_int_equal(imp(d, HEAD ROW1 ROW2, &st, &e), K_OK);
  assert_int_equal(st.imported, 2);
  assert_int_equal(st.cp1252, 0);
  assert_int_equal(ndeeds(d), 2);
  deed *x = by_ref(d, &a, "A1");
  assert_non_null(x);
  assert_string_equal(x->title, "Työvuorot uusiksi");
  assert_string_equal(x->org_name, "Oulun kaupunki");
  assert_int_equal(x->org_id, 0);
  assert_string_equal(x->municipality_code, "564");
  assert_string_equal(x->sector_code, "sote");
  assert_string_equal(x->status, "published");
  assert_non_null(x->published_at);
  assert_int_equal(x->year, 2019);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM deed_fts WHERE deed_fts MATCH 'esihenkilö'", ""), 1);
  arena_free(&a);
}

static void test_excel_semicolon_bom_crlf(void **state) {
  arena a = {0};
  db *d = *state;
  kerr e = {0};
  const char *t =
      "\xEF\xBB\xBF Title ;ORGANISATION;Municipality;Sector;Summary;Goal;Actions;Results;Year;Themes\r\n"
      "Kunta, ja työ;Vaasan kaupunki;Vasa;Social- och hälsovård;\"a;b\";G;A;R;2018;\"johtaminen, työvuorot\"\r\n"
      ";;;;;;;;;\r\n";
  import_stats st;
  assert_int_equal(imp(d, t, &st, &e), K_OK);
  assert_int_equal(st.imported, 1);
  long long id = db_int(d, 0, "SELECT id FROM deed", "");
  deed *x = deed_get(d, &a, id, "fi");
  assert_string_equal(x->title, "Kunta, ja työ");
  assert_string_equal(x->municipality_code, "905");
  assert_string_equal(x->sector_code, "sote");
  assert_string_equal(x->summary, "a;b");
  assert_null(x->ref);
  assert_string_equal(x->themes, "johtaminen, työvuorot");
  arena_free(&a);
}

static void test_windows_1252_file(void **state) {
  arena a = {0};
  db *d = *state;
  kerr e = {0};
  /* "Jyväskylän kaupunki", "Jyväskylä", "Työhyvinvointi" in Windows-1252 */
  const char *t = HEAD "W1,Ty\xF6hyvinvointi,Jyv\xE4skyl\xE4n kaupunki,Jyv\xE4skyl\xE4,tekninen,,G,,R,2017\n";
  import_stats st;
  assert_int_equal(imp(d, t, &st, &e), K_OK);
  assert_int_equal(st.cp1252, 1);
  deed *x = by_ref(d, &a, "W1");
  assert_string_equal(x->title, "Työhyvinvointi");
  assert_string_equal(x->org_name, "Jyväskylän kaupunki");
  assert_string_equal(x->municipality_code, "179");
  arena_free(&a);
}

static void test_mostly_utf8_with_stray_byte_is_refused(void **state) {
  /* UTF-8 everywhere except one Windows-1252 ä on row 3: reading it all as 1252 would garble rows 2 and 4. */
  expect_fail(*state,
              HEAD "U1,Työ,Jyväskylän kaupunki,Jyväskylä,sote,,G,,R,2017\n"
                   "U2,Kyl\xE4,Äänekosken kaupunki,Äänekoski,sote,,G,,R,2017\n"
                   "U3,Hyvä,Oulun kaupunki,Oulu,sote,,G,,R,2017\n",
              "deeds.csv, row 3, column title: bytes that are not valid UTF-8", NULL);
}

static void test_unknown_columns_named(void **state) {
  expect_fail(*state, "ref,title,foo,organisation,municipality,sector,summary,goal,actions,results,year,Bar\n",
              "deeds.csv, row 1: unknown columns 'foo', 'Bar'", "known columns: ref, title");
}

static void test_missing_columns_named(void **state) {
  expect_fail(*state, "title,organisation,municipality,sector,summary,actions,year\nT,O,Oulu,sote,S,A,2019\n",
              "deeds.csv, row 1: missing required columns: goal, results", NULL);
}

static void test_duplicate_column(void **state) {
  expect_fail(*state, "title,organisation,municipality,sector,summary,goal,actions,results,year,Title\n",
              "row 1, column title: the column appears twice (columns 1 and 10)", NULL);
}

static void test_unterminated_quote_names_row(void **state) {
  expect_fail(*state, HEAD ROW1 "A3,\"Auki jäänyt,Org,Oulu,sote,,G,,R,2019\nA4,T,O,Oulu,sote,,G,,R,2019\n",
              "deeds.csv, row 3, column title: a quoted field is not closed", NULL);
}

static void test_wrong_year(void **state) {
  expect_fail(*state, HEAD ROW1 ROW2 "A3,T,O,Oulu,sote,,G,,R,20x9\n",
              "deeds.csv, row 4, column year: '20x9' is not a year between 2000 and 2100", NULL);
  expect_fail(*state, HEAD "A3,T,O,Oulu,sote,,G,,R,1999\n", "row 2, column year: '1999' is not a year", NULL);
}

static void test_unknown_municipality(void **state) {
  expect_fail(*state, HEAD ROW1 "A3,T,O,Xyz,sote,,G,,R,2019\n",
              "deeds.csv, row 3, column municipality: unknown municipality 'Xyz'", NULL);
}

static void test_unknown_sector(void **state) {
  expect_fail(*state, HEAD "A3,T,O,Oulu,avaruus,,G,,R,2019\n", "row 2, column sector: unknown sector 'avaruus'", NULL);
}

static void test_empty_required_value(void **state) {
  expect_fail(*state, HEAD ROW1 "A3,T,O,Oulu,sote,S,,A,R,2019\n",
              "deeds.csv, row 3, column goal: the value is empty, but this column is required", NULL);
}

static void test_ytunnus_checked_and_linked(void **state) {
  arena a = {0};
  db *d = *state;
  kerr e = {0};
  org o = {.name = "Helsingin kaupunki", .type = "kunta", .municipality_code = "091", .ytunnus = "0201256-6"};
  long long oid = org_insert(d, &o, &e);
  assert_true(oid > 0);
  const char *h = "ref,title,organisation,ytunnus,municipality,sector,summary,goal,actions,results,year\n";
  char t[512];
  snprintf(t, sizeof t,
           "%sY1,T,Hgin kaupunki,0201256-6,Helsinki,sote,,G,,R,2019\n"
           "Y2,T,helsingin KAUPUNKI,,Helsingfors,sote,,G,,R,2019\n",
           h);
  import_stats st;
  assert_int_equal(imp(d, t, &st, &e), K_OK);
  assert_int_equal(st.linked, 2);
  deed *x = by_ref(d, &a, "Y1");
  assert_int_equal(x->org_id, oid);
  assert_string_equal(x->org_name, "Helsingin kaupunki");
  snprintf(t, sizeof t, "%sY3,T,Org,0201256-5,Helsinki,sote,,G,,R,2019\n", h);
  expect_fail(d, t, "row 2, column ytunnus: '0201256-5' is not a valid Y-tunnus", NULL);
  arena_free(&a);
}

static void test_empty_file_and_header_only(void **state) {
  expect_fail(*state, "", "deeds.csv: the file is empty", NULL);
  expect_fail(*state, " \r\n\n", "deeds.csv: the file is empty", NULL);
  expect_fail(*state, HEAD, "deeds.csv: the file has a header row but no deeds", NULL);
}

static void test_duplicate_ref_in_file(void **state) {
  expect_fail(*state, HEAD ROW1 ROW2 "A1,T,O,Oulu,sote,,G,,R,2019\n",
              "deeds.csv, row 4, column ref: ref 'A1' is already used on row 2 of this file", NULL);
}

static void test_duplicate_ref_against_db(void **state) {
  db *d = *state;
  kerr e = {0};
  assert_int_equal(imp(d, HEAD ROW1, NULL, &e), K_OK);
  expect_fail(d, HEAD ROW2 ROW1, "deeds.csv, row 3, column ref: ref 'A1' is already used by deed 1 in the database",
              NULL);
  assert_int_equal(ndeeds(d), 1);
}

static void test_quoted_newlines_kept(void **state) {
  arena a = {0};
  db *d = *state;
  kerr e = {0};
  assert_int_equal(imp(d,
                       HEAD "Q1,T,O,Oulu,sote,\"rivi 1\nrivi 2\",G,\"a\r\nb\",\"R \"\"lainaus\"\"\",2019\n"
                            "Q2,T,O,Oulu,sote,,G,,R,2019\n",
                       NULL, &e),
                   K_OK);
  deed *x = by_ref(d, &a, "Q1");
  assert_string_equal(x->summary, "rivi 1\nrivi 2");
  assert_string_equal(x->actions, "a\r\nb");
  assert_string_equal(x->results, "R \"lainaus\"");
  /* the row after a multi-line field is row 3, as a spreadsheet shows it */
  expect_fail(d, HEAD "Q3,T,O,Oulu,sote,\"1\n2\n3\",G,,R,2019\nQ4,T,O,Oulu,sote,,G,,R,2O19\n", "row 3, column year",
              NULL);
  arena_free(&a);
}

static void test_html_kept_verbatim(void **state) {
  arena a = {0};
  db *d = *state;
  kerr e = {0};
  assert_int_equal(
      imp(d, HEAD "H1,<script>alert('x')</script>,O & <b>Co</b>,Oulu,sote,,\"<img src=x onerror=\"\"y\"\">\",,R,2019\n",
          NULL, &e),
      K_OK);
  deed *x = by_ref(d, &a, "H1");
  assert_string_equal(x->title, "<script>alert('x')</script>");
  assert_string_equal(x->org_name, "O & <b>Co</b>");
  assert_string_equal(x->goal, "<img src=x onerror=\"y\">");
  arena_free(&a);
}

static void test_wrong_field_count(void **state) {
  expect_fail(*state, HEAD ROW1 "A3,T,O,Oulu,sote,,G,,R\n",
              "deeds.csv, row 3, column year: the row ends here: it has 9 fields but the header has 10 columns", NULL);
  expect_fail(*state, HEAD "A3,T,O,Oulu,sote,,G,,R,2019,extra\n",
              "deeds.csv, row 2: the row has 11 fields but the header has only 10 columns", NULL);
}

static void test_nameless_columns(void **state) {
  db *d = *state;
  kerr e = {0};
  assert_int_equal(imp(d,
                       "title;organisation;municipality;sector;summary;goal;actions;results;year;;\n"
                       "T;O;Oulu;sote;;G;;R;2019;;\n",
                       NULL, &e),
                   K_OK);
  expect_fail(d,
              "title;organisation;municipality;sector;summary;goal;actions;results;year;\n"
              "T;O;Oulu;sote;;G;;R;2019;oops\n",
              "row 2, column 10 (no name): a value under a column that has no name", NULL);
}

static void test_validation_in_english(void **state) {
  char title[400];
  memset(title, 'x', sizeof title - 1);
  title[sizeof title - 1] = 0;
  char t[1024];
  snprintf(t, sizeof t, HEAD "L1,%s,O,Oulu,sote,,G,,R,2019\n", title);
  expect_fail(*state, t, "row 2, column title: the value is too long (399 characters)", NULL);
  expect_fail(*state,
              "title,organisation,municipality,sector,summary,goal,actions,results,year,contact_email\n"
              "T,O,Oulu,sote,,G,,R,2019,not-an-address\n",
              "row 2, column contact_email: 'not-an-address' is not a valid email address", NULL);
}

static void test_many_rows_and_failure_late(void **state) {
  db *d = *state;
  buf b = BUF_INIT;
  buf_puts(&b, HEAD);
  for (int i = 1; i <= 3000; i++) buf_printf(&b, "M%d,Teko %d,Org %d,Oulu,sote,,G,,R,%d\n", i, i, i % 7, 2000 + i % 50);
  size_t good = b.len;
  buf_puts(&b, "M9999,T,O,Oulu,sote,,G,,R,3000\n");
  kerr e = {0};
  import_stats st;
  assert_int_equal(import_deeds_mem(d, b.data, b.len, "big.csv", 0, &st, &e), K_ERR);
  assert_non_null(strstr(e.msg, "big.csv, row 3002, column year"));
  assert_int_equal(ndeeds(d), 0);
  kerr_clear(&e);
  assert_int_equal(import_deeds_mem(d, b.data, good, "big.csv", 0, &st, &e), K_OK);
  assert_int_equal(st.imported, 3000);
  assert_int_equal(ndeeds(d), 3000);
  buf_free(&b);
}

static void test_missing_file(void **state) {
  kerr e = {0};
  assert_int_equal(import_deeds(*state, "/nonexistent/deeds.csv", 0, NULL, &e), K_ERR);
  assert_non_null(strstr(e.msg, "/nonexistent/deeds.csv: cannot open the file"));
  kerr_clear(&e);
}

static void test_bom_then_invalid_utf8_is_refused(void **state) {
  /* a BOM declares UTF-8: "Rikki ÿþ teksti" in Windows-1252 after it is an error, not read as Windows-1252 */
  expect_fail(*state, "\xEF\xBB\xBF" HEAD ROW1 "A3,Rikki \xFF\xFE teksti,O,Oulu,sote,,G,,R,2019\n",
              "deeds.csv, row 3, column title: bytes that are not valid UTF-8, though the file starts with a UTF-8 "
              "byte order mark",
              NULL);
  expect_fail(*state, "\xEF\xBB\xBFref,t\xEDtle\n", "deeds.csv, row 1, column 2: bytes that are not valid", NULL);
}

static void test_many_unknown_columns_counted(void **state) {
  buf b = BUF_INIT;
  buf_puts(&b, "ref,title,organisation,municipality,sector,summary,goal,actions,results,year");
  for (int i = 1; i <= 100000; i++) buf_printf(&b, ",x%d", i);
  buf_puts(&b, "\n" ROW1);
  kerr e = {0};
  assert_int_equal(import_deeds_mem(*state, b.data, b.len, "wide.csv", 0, NULL, &e), K_ERR);
  assert_non_null(strstr(e.msg, "wide.csv, row 1: unknown columns 'x1', 'x2', "));
  assert_non_null(strstr(e.msg, "'x20' and 99980 more (known columns: ref, title"));
  assert_null(strstr(e.msg, "x21"));
  assert_true(strlen(e.msg) < 1000);
  kerr_clear(&e);
  buf_free(&b);
}

static void test_huge_rows_refused(void **state) {
  /* a header of a million columns, and a 2 MB value: each is over the 1 MB a row may hold */
  buf b = BUF_INIT;
  for (int i = 0; i < 1000000; i++) buf_puts(&b, "a,");
  buf_puts(&b, "a\n");
  kerr e = {0};
  assert_int_equal(import_deeds_mem(*state, b.data, b.len, "wide.csv", 0, NULL, &e), K_ERR);
  assert_non_null(strstr(e.msg, "wide.csv, row 1"));
  assert_non_null(strstr(e.msg, "the row is longer than 1 MB, the most a row may hold"));
  assert_true(strlen(e.msg) < 300);
  kerr_clear(&e);
  buf_reset(&b);
  buf_puts(&b, HEAD ROW1 "A2,\"");
  for (int i = 0; i < 200000; i++) buf_puts(&b, "kymmenen. ");
  buf_puts(&b, "\",O,Oulu,sote,,G,,R,2019\n");
  expect_fail(*state, b.data,
              "deeds.csv, row 3, column title: a quoted field is not closed (it goes on for more than 1 MB", NULL);
  buf_free(&b);
}

static void test_not_csv_text_explained(void **state) {
  expect_fail(*state, "\xFF\xFEr\0e\0f\0", "deeds.csv: the file is UTF-16 text",
              "File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\"");
  db *d = *state;
  kerr e = {0};
  static const char nul[] = HEAD "A1,T\0,O,Oulu,sote,,G,,R,2019\n";
  assert_int_equal(import_deeds_mem(d, nul, sizeof nul - 1, "nul.csv", 0, NULL, &e), K_ERR);
  assert_non_null(strstr(e.msg, "nul.csv: line 2 has a NUL byte"));
  kerr_clear(&e);
}

static void test_dry_run_keeps_nothing(void **state) {
  db *d = *state;
  kerr e = {0};
  import_stats st;
  const char *t = HEAD ROW1 ROW2;
  assert_int_equal(import_check_mem(d, "deeds", t, strlen(t), "deeds.csv", NULL, NULL, &st, &e), K_OK);
  assert_int_equal(st.rows, 2);
  assert_int_equal(st.imported, 0);
  assert_int_equal(ndeeds(d), 0);
  t = HEAD ROW1 "A2,T,O,Oulu,sote,,G,,R,1999\n";
  assert_int_equal(import_check_mem(d, "deeds", t, strlen(t), "deeds.csv", NULL, NULL, &st, &e), K_ERR);
  assert_non_null(strstr(e.msg, "row 3, column year"));
  kerr_clear(&e);
  assert_int_equal(imp(d, HEAD ROW1 ROW2, &st, &e), K_OK); /* the dry runs left no transaction open */
  assert_int_equal(ndeeds(d), 2);
}

#define T(f) FIXTURE_TEST(f)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(test_good_comma_file),
      T(test_excel_semicolon_bom_crlf),
      T(test_windows_1252_file),
      T(test_mostly_utf8_with_stray_byte_is_refused),
      T(test_unknown_columns_named),
      T(test_missing_columns_named),
      T(test_duplicate_column),
      T(test_unterminated_quote_names_row),
      T(test_wrong_year),
      T(test_unknown_municipality),
      T(test_unknown_sector),
      T(test_empty_required_value),
      T(test_ytunnus_checked_and_linked),
      T(test_empty_file_and_header_only),
      T(test_duplicate_ref_in_file),
      T(test_duplicate_ref_against_db),
      T(test_quoted_newlines_kept),
      T(test_html_kept_verbatim),
      T(test_wrong_field_count),
      T(test_nameless_columns),
      T(test_validation_in_english),
      T(test_many_rows_and_failure_late),
      T(test_missing_file),
      T(test_bom_then_invalid_utf8_is_refused),
      T(test_many_unknown_columns_counted),
      T(test_huge_rows_refused),
      T(test_not_csv_text_explained),
      T(test_dry_run_keeps_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
