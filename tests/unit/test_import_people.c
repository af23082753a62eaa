/* Unit tests for the participant and attendance imports: good files, each bad row named by row and column, all or
 * nothing, Excel and Windows-1252 files, one person in two deliveries, audit rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "import/import.h"
#include "model/person.h"
#include "people_fixture.h"

#define PHEAD                                                                                                          \
  "delivery,email,name,organisation,occupation,sector,role,entry_date,birth_date,gender,labour_status,education,"      \
  "exit_date,exit_status\n"
#define PROW1                                                                                                          \
  "SP-1,anna@example.fi,Anna Virtanen,Oulun kaupunki,Hoitaja,sote,Työntekijä,1.3.2019,12.5.1980,nainen,"             \
  "tyollinen,isced58,,\n"
#define PROW2 "WB-1,Anna@Example.FI,,0187690-1,,,tyontekija,,,,,,,\n"
#define PROW3 "1,pekka@example.fi,Pekka,Testi Oy,,,johto,2019-03-01,eos,En halua vastata,eos,eos,10.3.2019,tyollinen\n"

/* Rows in one of the tables an import writes (db_prepare caches by the SQL text's address, so one literal each). */
static long long count(db *d, const char *table) {
  static const char *const sql[][2] = {
      {"person", "SELECT count(*) FROM person"},       {"participation", "SELECT count(*) FROM participation"},
      {"esf_start", "SELECT count(*) FROM esf_start"}, {"attendance", "SELECT count(*) FROM attendance"},
      {"audit", "SELECT count(*) FROM audit"},
  };
  for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
    if (!strcmp(sql[i][0], table)) return db_int(d, -1, sql[i][1], "");
  fail_msg("no count for %s", table);
  return -1;
}

static int imp_p(db *d, const char *text, import_stats *st, kerr *e) {
  return import_participants_mem(d, text, strlen(text), "people.csv", "cli", 0, st, e);
}

static int imp_a(db *d, const char *text, import_stats *st, kerr *e) {
  return import_attendance_mem(d, text, strlen(text), "att.csv", "cli", 0, st, e);
}

typedef int (*imp_fn)(db *, const char *, import_stats *, kerr *);

/* Expects the import to fail with every fragment in the message and to leave the tables as they were. */
static void expect_fail(db *d, imp_fn fn, const char *text, const char *want1, const char *want2) {
  long long people = count(d, "person"), parts = count(d, "participation"), esf = count(d, "esf_start"),
            att = count(d, "attendance"), audit = count(d, "audit");
  kerr e = {0};
  import_stats st;
  assert_int_equal(fn(d, text, &st, &e), K_ERR);
  assert_non_null(e.msg);
  if (!strstr(e.msg, want1) || (want2 && !strstr(e.msg, want2)))
    fail_msg("message '%s' lacks '%s' or '%s'", e.msg, want1, want2 ? want2 : "");
  assert_int_equal(st.imported, 0);
  assert_int_equal(count(d, "person"), people);
  assert_int_equal(count(d, "participation"), parts);
  assert_int_equal(count(d, "esf_start"), esf);
  assert_int_equal(count(d, "attendance"), att);
  assert_int_equal(count(d, "audit"), audit);
  kerr_clear(&e);
}

static void import_ok(db *d, imp_fn fn, const char *text, long rows) {
  kerr e = {0};
  import_stats st;
  if (fn(d, text, &st, &e) != K_OK) fail_msg("import failed: %s", e.msg);
  assert_int_equal(st.imported, rows);
}

static void test_good_file(void **state) {
  arena mem = {0};
  db *d = *state;
  import_ok(d, imp_p, PHEAD PROW1 PROW2 PROW3, 3);
  assert_int_equal(count(d, "person"), 2); /* Anna in two deliveries is one person */
  assert_int_equal(count(d, "participation"), 3);
  assert_int_equal(count(d, "esf_start"), 2);
  long long anna = person_find(d, "ANNA@example.fi");
  person *p = person_get(d, &mem, anna);
  assert_string_equal(p->name, "Anna Virtanen");
  assert_string_equal(p->occupation, "Hoitaja");
  assert_string_equal(p->sector_code, "sote");
  assert_int_equal(p->org_id, 1);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM participation WHERE person_id=?1", "i", anna), 2);
  assert_int_equal(db_int(d, 0, "SELECT age_at_entry FROM esf_start WHERE person_id=?1", "i", anna), 38);
  assert_int_equal(db_int(d, 0,
                          "SELECT count(*) FROM esf_start WHERE gender='eos' AND birth_date IS NULL AND "
                          "age_at_entry IS NULL AND exit_status='tyollinen'",
                          ""),
                   1);
  /* audit: a row per stored person row and one for the import */
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM audit WHERE subject LIKE 'person:%' AND actor='cli'", ""), 3);
  assert_int_equal(db_int(d, 0,
                          "SELECT count(*) FROM audit WHERE action='import' AND subject='import:participants' "
                          "AND detail='people.csv: 3 rows'",
                          ""),
                   1);
  /* the same file again changes nothing: the same people, participations and records */
  import_ok(d, imp_p, PHEAD PROW1 PROW2 PROW3, 3);
  assert_int_equal(count(d, "person"), 2);
  assert_int_equal(count(d, "participation"), 3);
  assert_int_equal(count(d, "esf_start"), 2);
  arena_free(&mem);
}

static void test_excel_semicolon_bom(void **state) {
  arena mem = {0};
  db *d = *state;
  const char *t = "\xEF\xBB\xBF"
                  "Delivery;Email;Name;Organisation;Role;Entry_date;Birth_date;Gender;Labour_status;"
                  "Education\r\n"
                  "SP-1;matti@example.fi;Matti Meikäläinen;Oulun kaupunki;Esihenkilö;01.03.2019;02.02.1975;Mies;"
                  "Työllinen;ISCED 3–4\r\n"
                  ";;;;;;;;;\r\n";
  import_ok(d, imp_p, t, 1);
  person *p = person_get(d, &mem, person_find(d, "matti@example.fi"));
  assert_string_equal(p->name, "Matti Meikäläinen");
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM participation WHERE role='esihenkilo'", ""), 1);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM esf_start WHERE education='isced34' AND gender='mies'", ""), 1);
  arena_free(&mem);
}

static void test_windows_1252(void **state) {
  arena mem = {0};
  db *d = *state;
  /* "Jyrki Mäkelä", "Työntekijä", "Työtön" in Windows-1252 */
  const char *t = "delivery,email,name,organisation,role,entry_date,birth_date,gender,labour_status,education\n"
                  "SP-1,jyrki@example.fi,Jyrki M\xE4kel\xE4,Testi Oy,Ty\xF6ntekij\xE4,1.3.2019,1.1.1990,mies,"
                  "Ty\xF6t\xF6n,isced12\n";
  kerr e = {0};
  import_stats st;
  assert_int_equal(imp_p(d, t, &st, &e), K_OK);
  assert_int_equal(st.cp1252, 1);
  person *p = person_get(d, &mem, person_find(d, "jyrki@example.fi"));
  assert_string_equal(p->name, "Jyrki Mäkelä");
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM esf_start WHERE labour='tyoton'", ""), 1);
  arena_free(&mem);
}

#define BHEAD "delivery,email,name,organisation,role,entry_date,birth_date,gender,labour_status,education\n"
#define GOOD "SP-1,ok@example.fi,Ok,Oulun kaupunki,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12\n"

static void test_bad_participant_rows(void **state) {
  db *d = *state;
  expect_fail(d, imp_p, BHEAD GOOD "SP-1,bad-email,X,Oulun kaupunki,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12\n",
              "people.csv, row 3, column email: 'bad-email' is not a valid email address", NULL);
  expect_fail(d, imp_p, BHEAD GOOD "SP-1,a@b.fi,X,Oulun kaupunki,johto,1.3.2019,1.1.2099,mies,tyollinen,isced12\n",
              "row 3, column birth_date: the birth date 2099-01-01 is in the future", NULL);
  expect_fail(d, imp_p, BHEAD GOOD "SP-1,a@b.fi,X,Oulun kaupunki,johto,1.3.2019,2.3.2004,mies,tyollinen,isced12\n",
              "row 3, column birth_date: the age at entry is 14", NULL);
  expect_fail(d, imp_p, BHEAD GOOD "SP-1,a@b.fi,X,Nope Oy,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12\n",
              "row 3, column organisation: unknown organisation 'Nope Oy'", NULL);
  expect_fail(d, imp_p, BHEAD GOOD "SP-9,a@b.fi,X,Oulun kaupunki,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12\n",
              "row 3, column delivery: unknown delivery 'SP-9'", NULL);
  expect_fail(d, imp_p, BHEAD GOOD "SP-1,a@b.fi,X,Oulun kaupunki,boss,1.3.2019,1.1.1980,mies,tyollinen,isced12\n",
              "row 3, column role: unknown role 'boss'", NULL);
  expect_fail(d, imp_p, BHEAD GOOD "SP-1,a@b.fi,X,Oulun kaupunki,johto,30.2.2019,1.1.1980,mies,tyollinen,isced12\n",
              "row 3, column entry_date: '30.2.2019' is not a date", NULL);
  expect_fail(d, imp_p, BHEAD GOOD "SP-1,a@b.fi,X,Oulun kaupunki,johto,1.3.2019,1.1.1980,mies,tyollinen,isced99\n",
              "row 3, column education: unknown code 'isced99'", NULL);
  expect_fail(d, imp_p, BHEAD GOOD "SP-1,a@b.fi,,Oulun kaupunki,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12\n",
              "row 3, column name: the name is empty", NULL);
  expect_fail(d, imp_p, BHEAD GOOD "SP-1,a@b.fi,X,Oulun kaupunki,johto,,,,,\n",
              "row 3, column entry_date: the person has no ESF start record", NULL);
  expect_fail(d, imp_p, BHEAD GOOD "WB-1,a@b.fi,X,Oulun kaupunki,johto,1.3.2019,,,,\n",
              "row 3, column entry_date: the delivery's service counts event attendees", NULL);
  expect_fail(d, imp_p,
              BHEAD GOOD "SP-1,OK@example.fi,X,Oulun kaupunki,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12\n",
              "row 3, column email: the person is already in this delivery on row 2", NULL);
  expect_fail(d, imp_p, "delivery,email,name,role\n", "row 1: missing required column: organisation", NULL);
  expect_fail(d, imp_p, BHEAD, "people.csv: the file has a header row but no participants", NULL);
}

static void test_delivery_outside_periods(void **state) {
  db *d = *state;
  db_exec(d, "INSERT INTO delivery(id,ref,service_id,starts_on,ends_on) VALUES(9,'OLD',1,'2010-01-01','2010-01-02')",
          "");
  expect_fail(d, imp_p, BHEAD "OLD,a@b.fi,X,Oulun kaupunki,johto,1.1.2010,1.1.1980,mies,tyollinen,isced12\n",
              "row 2, column delivery: no funding period contains the year the delivery starts", NULL);
}

static void test_second_start_record(void **state) {
  db *d = *state;
  import_ok(d, imp_p, PHEAD PROW1, 1);
  /* in the same file, and against the database: a different start record in 2018–2020 for Anna */
  expect_fail(d, imp_p,
              BHEAD "SP-1,anna@example.fi,Anna,Oulun kaupunki,johto,2.3.2019,12.5.1980,nainen,tyollinen,isced58\n",
              "row 2, column entry_date: the person already has a different ESF start record", NULL);
  expect_fail(d, imp_p,
              BHEAD "SP-1,new@example.fi,New,Oulun kaupunki,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12\n"
                    "WB-1,x@example.fi,X,Oulun kaupunki,johto,,,,,\n"
                    "SP-1,new@example.fi,New,Oulun kaupunki,johto,2.3.2019,1.1.1980,mies,tyollinen,isced12\n",
              "row 4, column email: the person is already in this delivery on row 2", NULL);
  /* a start record in another period is fine; empty items for a person with a record are fine */
  import_ok(d, imp_p,
            BHEAD "SP-2,anna@example.fi,,Oulun kaupunki,johto,1.5.2016,12.5.1980,nainen,tyollinen,isced58\n"
                  "SP-1,anna@example.fi,,,tyontekija,,,,,\n",
            2);
  assert_int_equal(count(d, "esf_start"), 2);
}

static void test_many_bad_rows_listed(void **state) {
  db *d = *state;
  buf b = BUF_INIT;
  buf_puts(&b, BHEAD);
  for (int i = 0; i < 25; i++)
    buf_printf(&b, "SP-1,bad%d,X,Oulun kaupunki,johto,1.3.2019,1.1.1980,mies,tyollinen,isced12\n", i);
  expect_fail(d, imp_p, b.data, "row 21, column email", "… and 5 more rows with problems");
  buf_free(&b);
}

#define AHEAD "delivery,session,email\n"

static void test_attendance(void **state) {
  db *d = *state;
  import_ok(d, imp_p, PHEAD PROW1 PROW2 PROW3, 3);
  import_ok(d, imp_a, AHEAD "SP-1,1,anna@example.fi\nSP-1,2,ANNA@example.fi\n1,1,pekka@example.fi\n", 3);
  assert_int_equal(count(d, "attendance"), 3);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM audit WHERE subject='import:attendance'", ""), 1);
  /* every attendance row is a change of the person's data, logged on the person */
  assert_int_equal(db_int(d, 0,
                          "SELECT count(*) FROM audit a JOIN person p ON a.subject='person:'||p.id WHERE a.action="
                          "'update' AND a.detail LIKE 'att.csv, row %: attendance, delivery %' AND p.email=?1",
                          "t", "anna@example.fi"),
                   2);
  expect_fail(d, imp_a, AHEAD "WB-1,1,anna@example.fi\nSP-1,1,anna@example.fi\n",
              "att.csv, row 3, column email: duplicate attendance: it is already recorded", NULL);
  expect_fail(d, imp_a, AHEAD "WB-1,1,anna@example.fi\nWB-1,1,anna@example.fi\n",
              "att.csv, row 3, column email: duplicate attendance: the same person and session are on row 2", NULL);
  expect_fail(d, imp_a, AHEAD "WB-1,1,anna@example.fi\nSP-1,7,anna@example.fi\n",
              "att.csv, row 3, column session: unknown session 7", NULL);
  expect_fail(d, imp_a, AHEAD "WB-1,1,anna@example.fi\nSP-1,x,anna@example.fi\n",
              "att.csv, row 3, column session: 'x' is not a session number", NULL);
  expect_fail(d, imp_a, AHEAD "WB-1,1,anna@example.fi\nWB-1,1,pekka@example.fi\n",
              "att.csv, row 3, column email: unknown participant 'pekka@example.fi'", NULL);
  expect_fail(d, imp_a, AHEAD "WB-1,1,anna@example.fi\nXX-1,1,anna@example.fi\n",
              "att.csv, row 3, column delivery: unknown delivery 'XX-1'", NULL);
  expect_fail(d, imp_a, "delivery,email\n", "att.csv, row 1: missing required column: session", NULL);
  import_ok(d, imp_a, AHEAD "WB-1,1,anna@example.fi\n", 1);
}

static void test_encoding_errors(void **state) {
  db *d = *state;
  expect_fail(d, imp_p,
              "\xEF\xBB\xBF" BHEAD GOOD
              "SP-1,jyrki@example.fi,Jyrki M\xE4kel\xE4,Testi Oy,johto,1.3.2019,1.1.1990,mies,tyollinen,isced12\n",
              "people.csv, row 3, column name: bytes that are not valid UTF-8, though the file starts with a UTF-8 "
              "byte order mark",
              NULL);
  expect_fail(d, imp_a,
              "\xFF\xFE"
              "d",
              "att.csv: the file is UTF-16 text", "CSV UTF-8 (pilkuin erotettu)");
  expect_fail(d, imp_a, "", "att.csv: the file is empty", NULL);
  expect_fail(d, imp_a, "\r\n \n", "att.csv: the file is empty", NULL);
}

static void test_huge_value_message_is_cut(void **state) {
  /* the person model quotes a bad date whole; the import cuts each row's message */
  buf b = BUF_INIT;
  buf_puts(&b, BHEAD);
  for (int row = 0; row < 3; row++) {
    buf_printf(&b, "SP-1,big%d@example.fi,Big,Testi Oy,johto,", row);
    for (int i = 0; i < 20000; i++) buf_puts(&b, "1.1.");
    buf_puts(&b, ",1.1.1980,mies,tyollinen,isced12\n");
  }
  kerr e = {0};
  assert_int_equal(imp_p(*state, b.data, NULL, &e), K_ERR);
  assert_non_null(strstr(e.msg, "people.csv, row 2, column entry_date: '1.1.1.1."));
  assert_non_null(strstr(e.msg, "...\npeople.csv, row 3, column entry_date"));
  assert_true(strlen(e.msg) < 3 * 2048);
  kerr_clear(&e);
  buf_free(&b);
}

static void test_missing_file(void **state) {
  kerr e = {0};
  assert_int_equal(import_participants(*state, "/nonexistent/p.csv", "cli", 0, NULL, &e), K_ERR);
  assert_non_null(strstr(e.msg, "cannot open the file"));
  kerr_clear(&e);
  assert_int_equal(import_attendance(*state, "/nonexistent/a.csv", "cli", 0, NULL, &e), K_ERR);
  kerr_clear(&e);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      PEOPLE_TEST(test_good_file),
      PEOPLE_TEST(test_excel_semicolon_bom),
      PEOPLE_TEST(test_windows_1252),
      PEOPLE_TEST(test_bad_participant_rows),
      PEOPLE_TEST(test_second_start_record),
      PEOPLE_TEST(test_many_bad_rows_listed),
      PEOPLE_TEST(test_attendance),
      PEOPLE_TEST(test_missing_file),
      PEOPLE_TEST(test_encoding_errors),
      PEOPLE_TEST(test_huge_value_message_is_cut),
      PEOPLE_TEST(test_delivery_outside_periods),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
