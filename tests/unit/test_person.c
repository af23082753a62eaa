/* Unit tests for model/person: dates and codes, find by email, save, participations, ESF records, export, erase. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "model/audit.h"
#include "model/person.h"
#include "search/search.h"
#include "people_fixture.h"

static long long add_person(db *d, const char *email, const char *name, long long org) {
  person p = {.email = (char *)email, .name = (char *)name, .org_id = org};
  kerr e = {0};
  long long id = person_save(d, &p, NULL, &e);
  if (!id) fail_msg("person_save: %s", e.msg);
  return id;
}

/* A start record with the given entry and birth dates; fields not named are valid codes. */
static esf_record rec(const char *entry, const char *birth) {
  esf_record r = {0};
  r.entry_date = util_strdup(entry);
  r.birth_date = util_strdup(birth);
  r.gender = util_strdup("Nainen");
  r.labour = util_strdup("tyollinen");
  r.education = util_strdup("ISCED 5–8");
  return r;
}

static void rec_clear(esf_record *r) {
  free(r->entry_date), free(r->birth_date), free(r->gender), free(r->labour), free(r->education);
  free(r->exit_date), free(r->exit_status);
  free(r->unemployed_for), free(r->in_education), free(r->disability), free(r->migrant), free(r->disadvantaged);
  free(r->exit_qualification);
  memset(r, 0, sizeof *r);
}

/* Validates r and expects an error on field with a message containing want. */
static void expect_esf_error(db *d, esf_record *r, const char *field, const char *want) {
  kerr e = {0};
  assert_int_equal(person_esf_validate(d, r, "2026-11-22", &e), K_ERR);
  assert_string_equal(e.field, field);
  if (!strstr(e.msg, want)) fail_msg("'%s' lacks '%s'", e.msg, want);
  kerr_clear(&e);
  rec_clear(r);
}

/* Stored UTC times shown in Finnish time: +2 in winter, +3 from the last Sunday of March to the last Sunday of
 * October, changing at 01:00 UTC. */
static void test_finnish_time(void **state) {
  (void)state;
  char t[17] = "";
  assert_int_equal(date_fi_local("2026-11-22T12:05:00Z", t), K_OK);
  assert_string_equal(t, "2026-11-22T14:05");
  assert_int_equal(date_fi_local("2026-07-01T21:30:00Z", t), K_OK);
  assert_string_equal(t, "2026-07-02T00:30");
  assert_int_equal(date_fi_local("2026-03-29T00:59:00Z", t), K_OK);
  assert_string_equal(t, "2026-03-29T02:59");
  assert_int_equal(date_fi_local("2026-03-29T01:00:00Z", t), K_OK);
  assert_string_equal(t, "2026-03-29T04:00");
  assert_int_equal(date_fi_local("2026-10-25T00:59:00Z", t), K_OK);
  assert_string_equal(t, "2026-10-25T03:59");
  assert_int_equal(date_fi_local("2026-10-25T01:00:00Z", t), K_OK);
  assert_string_equal(t, "2026-10-25T03:00");
  assert_int_equal(date_fi_local("eilen", t), K_ERR);
  assert_int_equal(date_fi_local(NULL, t), K_ERR);
}

static void test_dates_and_age(void **state) {
  (void)state;
  char out[11];
  assert_int_equal(date_parse("22.11.2026", out), K_OK);
  assert_string_equal(out, "2026-11-22");
  assert_int_equal(date_parse("1.3.2019", out), K_OK);
  assert_string_equal(out, "2019-03-01");
  assert_int_equal(date_parse("2020-02-29", out), K_OK);
  assert_int_equal(date_parse("2019-02-29", out), K_ERR);
  assert_int_equal(date_parse("31.4.2019", out), K_ERR);
  assert_int_equal(date_parse("2019-3-1", out), K_ERR);
  assert_int_equal(date_parse("1.3.19", out), K_ERR);
  assert_int_equal(date_parse("", out), K_ERR);
  assert_int_equal(date_parse("2019-03-01x", out), K_ERR);
  assert_int_equal(date_years_between("2004-03-02", "2019-03-01"), 14);
  assert_int_equal(date_years_between("2004-03-01", "2019-03-01"), 15);
  assert_int_equal(date_years_between("1980-12-31", "2019-01-01"), 38);
}

static void test_codes(void **state) {
  (void)state;
  assert_string_equal(person_role_code("Työntekijä"), "tyontekija");
  assert_string_equal(person_role_code("TYÖNTEKIJÄ"), "tyontekija");
  assert_string_equal(person_role_code("henkilöstön edustaja"), "edustaja");
  assert_string_equal(person_role_code("Esihenkilö"), "esihenkilo");
  assert_string_equal(person_role_code("JOHTO"), "johto");
  assert_null(person_role_code("boss"));
  assert_null(person_role_code(""));
  assert_string_equal(person_role_label("edustaja"), "Henkilöstön edustaja");
  assert_string_equal(person_esf_code("gender", "En halua vastata"), "eos");
  assert_string_equal(person_esf_code("education", "EOS"), "eos");
  assert_string_equal(person_esf_code("education", "isced34"), "isced34");
  assert_string_equal(person_esf_code("education", "ISCED 1-2"), "isced12");
  assert_string_equal(person_esf_code("labour", "Työtön"), "tyoton");
  assert_string_equal(person_esf_code("exit_status", "koulutus"), "koulutus");
  assert_null(person_esf_code("labour", "koulutus"));
  assert_null(person_esf_code("gender", "x"));
  assert_string_equal(person_esf_label("eos"), "En halua vastata");
  assert_string_equal(person_esf_label("isced58"), "ISCED 5–8");
}

static void test_find_and_save(void **state) {
  arena mem = {0};
  db *d = *state;
  long long id = add_person(d, "Anna.Virtanen@Example.fi", "Anna Virtanen", 1);
  assert_int_equal(person_find(d, "anna.virtanen@example.fi"), id);
  assert_int_equal(person_find(d, "ANNA.VIRTANEN@EXAMPLE.FI"), id);
  assert_int_equal(person_find(d, "nobody@example.fi"), 0);
  /* the same email again updates the same person: one person */
  int created = 1;
  kerr e = {0};
  person p = {.email = (char *)"anna.virtanen@example.fi", .name = (char *)"", .occupation = (char *)"Hoitaja"};
  assert_int_equal(person_save(d, &p, &created, &e), id);
  assert_int_equal(created, 0);
  person *x = person_get(d, &mem, id);
  assert_string_equal(x->name, "Anna Virtanen"); /* kept: no name given */
  assert_string_equal(x->occupation, "Hoitaja");
  assert_int_equal(x->org_id, 1);
  assert_string_equal(x->org_name, "Oulun kaupunki");
  assert_null(x->sector_name);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM person", ""), 1);
  arena_free(&mem);
}

static void test_bad_person(void **state) {
  db *d = *state;
  kerr e = {0};
  person p = {.email = (char *)"not-an-email", .name = (char *)"X"};
  assert_int_equal(person_save(d, &p, NULL, &e), 0);
  assert_string_equal(e.field, "email");
  kerr_clear(&e);
  p.email = (char *)"new@example.fi";
  p.name = (char *)"  ";
  assert_int_equal(person_save(d, &p, NULL, &e), 0);
  assert_string_equal(e.field, "name");
  kerr_clear(&e);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM person", ""), 0);
}

static void test_list_and_search(void **state) {
  arena mem = {0};
  db *d = *state;
  add_person(d, "b@example.fi", "Bertta Bee", 1);
  add_person(d, "a@example.fi", "Aino Aa", 2);
  add_person(d, "c@other.fi", "Cecilia 100%", 1);
  int n = 0;
  person *v = person_list(d, &mem, "", 0, 10, 0, &n);
  assert_int_equal(n, 3);
  assert_string_equal(v[0].name, "Aino Aa");
  assert_int_equal(person_count(d, "EXAMPLE", 0), 2);
  assert_int_equal(person_count(d, "%", 0), 1); /* LIKE wildcards are matched literally */
  assert_int_equal(person_count(d, "", 1), 2);
  v = person_list(d, &mem, "bee", 1, 10, 0, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].email, "b@example.fi");
  arena_free(&mem);
}

static void test_two_deliveries_one_person(void **state) {
  arena mem = {0};
  db *d = *state;
  kerr e = {0};
  long long id = add_person(d, "p@example.fi", "P", 1);
  long long p1 = person_participate(d, id, 1, "Työntekijä", &e);
  long long p2 = person_participate(d, id, 2, "johto", &e);
  assert_true(p1 > 0 && p2 > 0 && p1 != p2);
  assert_int_equal(person_participate(d, id, 1, "esihenkilo", &e), p1); /* role changed, same participation */
  assert_int_equal(person_participate(d, id, 1, "boss", &e), 0);
  assert_string_equal(e.field, "role");
  kerr_clear(&e);
  long long s1 = db_int(d, 0, "SELECT id FROM delivery_session WHERE delivery_id=1 AND number=1", "");
  assert_int_equal(person_attend(d, s1, p1, &e), K_OK);
  assert_int_equal(person_attend(d, s1, p1, &e), K_ERR);
  kerr_clear(&e);
  int n = 0;
  person_part *v = person_parts(d, &mem, id, &n);
  assert_int_equal(n, 2);
  assert_string_equal(v[0].delivery_ref, "WB-1"); /* newest first */
  assert_string_equal(v[1].role, "esihenkilo");
  assert_int_equal(v[1].sessions_attended, 1);
  assert_int_equal(v[1].sessions_total, 2);
  v = person_delivery_parts(d, &mem, 1, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].person_name, "P");
  assert_string_equal(v[0].org_name, "Oulun kaupunki");
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM person", ""), 1);
  char *label = person_delivery_label(d, &mem, 1);
  assert_string_equal(label, "SP-1 · Sparraus A");
  assert_null(person_delivery_label(d, &mem, 99));
  arena_free(&mem);
}

static void test_esf_validation(void **state) {
  db *d = *state;
  kerr e = {0};
  esf_record r = rec("1.3.2019", "12.5.1980");
  assert_int_equal(person_esf_validate(d, &r, "2026-11-22", &e), K_OK);
  assert_string_equal(r.entry_date, "2019-03-01");
  assert_string_equal(r.birth_date, "1980-05-12");
  assert_int_equal(r.age_at_entry, 38);
  assert_string_equal(r.gender, "nainen");
  assert_string_equal(r.education, "isced58");
  assert_int_equal(r.period_id, 2);
  rec_clear(&r);
  r = rec("2019-03-01", "En halua vastata"); /* birth date may be withheld: age unknown */
  assert_int_equal(person_esf_validate(d, &r, "2026-11-22", &e), K_OK);
  assert_null(r.birth_date);
  assert_int_equal(r.age_at_entry, -1);
  rec_clear(&r);
  r = rec("2019-03-01", "2027-01-01");
  expect_esf_error(d, &r, "birth_date", "in the future");
  r = rec("2019-03-01", "2004-03-02");
  expect_esf_error(d, &r, "birth_date", "age at entry is 14");
  r = rec("2019-02-30", "1980-01-01");
  expect_esf_error(d, &r, "entry_date", "is not a date");
  r = rec("2019-03-01", "1980-01-01");
  free(r.gender), r.gender = util_strdup("x");
  expect_esf_error(d, &r, "gender", "unknown code 'x'");
  r = rec("2019-03-01", "1980-01-01");
  free(r.labour), r.labour = NULL;
  expect_esf_error(d, &r, "labour_status", "required");
  r = rec("2019-03-01", "1980-01-01");
  r.exit_date = util_strdup("2019-02-01");
  r.exit_status = util_strdup("tyollinen");
  expect_esf_error(d, &r, "exit_date", "before the entry date");
  r = rec("2019-03-01", "1980-01-01");
  r.exit_date = util_strdup("2019-04-01");
  expect_esf_error(d, &r, "exit_status", "needs a status");
  /* the Annex I items: optional, coded, each follow-up only where it is asked */
  r = rec("2019-03-01", "1980-01-01");
  free(r.labour), r.labour = util_strdup("Työtön");
  r.unemployed_for = util_strdup("Yli 12 kuukautta");
  r.disability = util_strdup("En halua vastata");
  r.migrant = util_strdup("kyllä");
  r.disadvantaged = util_strdup("Ei");
  assert_int_equal(person_esf_validate(d, &r, "2026-11-22", &e), K_OK);
  assert_string_equal(r.unemployed_for, "yli12");
  assert_string_equal(r.disability, "eos");
  assert_string_equal(r.migrant, "kylla");
  assert_string_equal(r.disadvantaged, "ei");
  assert_null(r.in_education);
  rec_clear(&r);
  r = rec("2019-03-01", "1980-01-01"); /* employed: how long unemployed is not asked */
  r.unemployed_for = util_strdup("alle6");
  expect_esf_error(d, &r, "unemployed_for", "asked only of the unemployed");
  r = rec("2019-03-01", "1980-01-01");
  free(r.labour), r.labour = util_strdup("tyoton");
  r.in_education = util_strdup("ei");
  expect_esf_error(d, &r, "in_education", "asked only of the inactive");
  r = rec("2019-03-01", "1980-01-01");
  free(r.labour), r.labour = util_strdup("ulkopuolella");
  r.in_education = util_strdup("ei");
  assert_int_equal(person_esf_validate(d, &r, "2026-11-22", &e), K_OK);
  rec_clear(&r);
  r = rec("2019-03-01", "1980-01-01");
  r.migrant = util_strdup("maybe");
  expect_esf_error(d, &r, "migrant", "unknown code 'maybe'");
  r = rec("2019-03-01", "1980-01-01");
  r.exit_qualification = util_strdup("kylla");
  expect_esf_error(d, &r, "exit_qualification", "needs the end record");
  r = rec("2030-03-01", "1980-01-01");
  expect_esf_error(d, &r, "entry_date", "no funding period");
}

static long long save_rec(db *d, long long person_id, esf_record *r, kerr *e) {
  assert_int_equal(person_esf_validate(d, r, "2026-11-22", e), K_OK);
  r->person_id = person_id;
  long long id = person_esf_save(d, r, e);
  rec_clear(r);
  return id;
}

static void test_one_start_record_per_period(void **state) {
  arena mem = {0};
  db *d = *state;
  kerr e = {0};
  long long p = add_person(d, "p@example.fi", "P", 1);
  esf_record r = rec("2019-03-01", "1980-01-01");
  long long id = save_rec(d, p, &r, &e);
  assert_true(id > 0);
  r = rec("2019-03-01", "1980-01-01");
  assert_int_equal(save_rec(d, p, &r, &e), id); /* identical: the same record */
  r = rec("2019-03-01", "1980-01-01");
  r.exit_date = util_strdup("2019-06-01");
  r.exit_status = util_strdup("koulutus");
  assert_int_equal(save_rec(d, p, &r, &e), id); /* end record added */
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM esf_start WHERE exit_status='koulutus'", ""), 1);
  r = rec("2019-04-01", "1980-01-01");
  assert_int_equal(save_rec(d, p, &r, &e), 0); /* a second, different start record in 2018–2020 */
  assert_string_equal(e.field, "entry_date");
  kerr_clear(&e);
  r = rec("2016-05-01", "1980-01-01");
  assert_true(save_rec(d, p, &r, &e) > 0); /* another period */
  assert_int_equal(person_esf_in_period(d, p, 1) > 0, 1);
  int n = 0;
  esf_record *v = person_esf_list(d, &mem, p, &n);
  assert_int_equal(n, 2);
  assert_string_equal(v[0].period_name, "2018–2020");
  /* the Annex I items and the qualification at exit are kept and read back; the end record added later keeps them */
  long long q = add_person(d, "annex@example.fi", "Annex", 1);
  r = rec("2019-03-01", "1980-01-01");
  free(r.labour), r.labour = util_strdup("ulkopuolella");
  r.in_education = util_strdup("ei"), r.disability = util_strdup("eos"), r.migrant = util_strdup("kylla");
  assert_true(save_rec(d, q, &r, &e) > 0);
  r = rec("2019-03-01", "1980-01-01");
  free(r.labour), r.labour = util_strdup("ulkopuolella");
  r.in_education = util_strdup("ei"), r.disability = util_strdup("eos"), r.migrant = util_strdup("kylla");
  r.exit_date = util_strdup("2019-06-01"), r.exit_status = util_strdup("tyoton");
  r.exit_qualification = util_strdup("kylla");
  assert_true(save_rec(d, q, &r, &e) > 0);
  v = person_esf_list(d, &mem, q, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].in_education, "ei");
  assert_string_equal(v[0].disability, "eos");
  assert_string_equal(v[0].migrant, "kylla");
  assert_null(v[0].unemployed_for);
  assert_null(v[0].disadvantaged);
  assert_string_equal(v[0].exit_qualification, "kylla");
  r = rec("2019-03-01", "1980-01-01"); /* the same start without the items is a different record */
  free(r.labour), r.labour = util_strdup("ulkopuolella");
  assert_int_equal(save_rec(d, q, &r, &e), 0);
  kerr_clear(&e);
  arena_free(&mem);
}

static void test_export_and_erase(void **state) {
  arena mem = {0};
  db *d = *state;
  kerr e = {0};
  long long p = add_person(d, "erase.me@example.fi", "Erkki \"Quote\" Esimerkki", 1);
  db_exec(d, "UPDATE person SET occupation='Insinööri' WHERE id=?1", "i", p);
  long long part = person_participate(d, p, 1, "johto", &e);
  person_attend(d, db_int(d, 0, "SELECT id FROM delivery_session WHERE delivery_id=1 AND number=2", ""), part, &e);
  esf_record r = rec("2019-03-01", "1970-07-07");
  assert_true(save_rec(d, p, &r, &e) > 0);
  audit_log(d, "staff@example.fi", "view", "person:1", "person page");
  audit_log(d, "staff@example.fi", "view", "people", "page 1, search erase.me@example.fi");
  buf out = BUF_INIT;
  assert_int_equal(person_export_json(d, p, &out), K_OK);
  assert_non_null(strstr(out.data, "\"email\": \"erase.me@example.fi\""));
  assert_non_null(strstr(out.data, "\"name\": \"Erkki \\\"Quote\\\" Esimerkki\""));
  assert_non_null(strstr(out.data, "\"delivery_ref\": \"SP-1\""));
  assert_non_null(strstr(out.data, "\"role\": \"johto\""));
  assert_non_null(strstr(out.data, "{\"session\": 2, \"held_on\": \"2019-03-10\"}"));
  assert_non_null(strstr(out.data, "\"birth_date\": \"1970-07-07\""));
  assert_non_null(strstr(out.data, "\"age_at_entry\": 48"));
  assert_non_null(strstr(out.data, "\"actor\": \"staff@example.fi\""));
  buf_free(&out);
  assert_int_equal(person_export_json(d, 999, &out), K_ERR);
  buf_free(&out);

  assert_int_equal(person_erase(d, p, "cli", &e), K_OK);
  person *x = person_get(d, &mem, p);
  assert_null(x->email);
  assert_null(x->name);
  assert_true(x->occupation == NULL || !*x->occupation);
  assert_non_null(x->erased_at);
  assert_int_equal(x->org_id, 1); /* organisation counts stay */
  assert_int_equal(person_find(d, "erase.me@example.fi"), 0);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM participation WHERE person_id=?1", "i", p), 1);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM attendance", ""), 1);
  assert_int_equal(db_int(d, 0,
                          "SELECT count(*) FROM esf_start WHERE person_id=?1 AND birth_date IS NULL "
                          "AND age_at_entry=48 AND gender='nainen'",
                          "i", p),
                   1);
  assert_int_equal(
      db_int(d, 0, "SELECT count(*) FROM audit WHERE action='erase' AND actor='cli' AND subject=?1", "t", "person:1"),
      1);
  assert_int_equal(person_count(d, "", 0), 0); /* erased people are not listed */
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM audit WHERE detail LIKE '%erase.me%'", ""), 0);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM audit WHERE detail='page 1, search [erased]'", ""), 1);
  assert_int_equal(person_erase(d, 999, "cli", &e), K_ERR);
  kerr_clear(&e);
  arena_free(&mem);
}

/* Erasing scrubs the person's name and email from search terms in the audit log, in any case, and leaves other
 * rows alone even when the name is a part of their text. */
static void test_erase_scrubs_only_the_person(void **state) {
  db *d = *state;
  kerr e = {0};
  long long p = add_person(d, "ari@example.fi", "Ari", 1);
  audit_log(d, "staff@example.fi", "view", "people", "page 1, search ARI");
  audit_log(d, "staff@example.fi", "view", "people", "page 2, search Ari@Example.fi");
  audit_log(d, "staff@example.fi", "view", "people", "page 1, search Virtanen");
  audit_log(d, "cli", "import", "import:participants", "Aristo.csv: 3 rows");
  audit_log(d, "cli", "create", "person:99", "Aristo.csv, row 2: delivery 1");
  assert_int_equal(person_erase(d, p, "cli", &e), K_OK);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM audit WHERE detail='page 1, search [erased]'", ""), 1);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM audit WHERE detail='page 2, search [erased]'", ""), 1);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM audit WHERE detail='page 1, search Virtanen'", ""), 1);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM audit WHERE detail='Aristo.csv: 3 rows'", ""), 1);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM audit WHERE detail='Aristo.csv, row 2: delivery 1'", ""), 1);
  kerr_clear(&e);
}

static long long audit_details(db *d, const char *detail) {
  return db_int(d, 0, "SELECT count(*) FROM audit WHERE detail=?1", "t", detail);
}

/* Search terms naming the person by a word of the name, the whole name or the email's local part go, in any case
 * and with ä/ö too (SQLite's lower() folds ASCII only); one-letter name parts and mere prefixes do not count. The
 * email goes from other details wherever it stands, in any case. */
static void test_erase_scrubs_name_parts_and_local_part(void **state) {
  db *d = *state;
  kerr e = {0};
  long long p = add_person(d, "al.rasanen@example.fi", "Anna-Liisa J Räsänen", 1);
  const char *gone[] = {"RÄSÄNEN", "liisa", "AL.RASANEN", "anna-liisa j räsänen", "x räsänenkin", "Al.Rasanen@"};
  const char *kept[] = {"Räsä", "Jari", "Virtanen", "al.rasane"};
  for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) {
    char detail[80];
    snprintf(detail, sizeof detail, "page %zu, search %s", i + 1, gone[i]);
    audit_log(d, "staff@example.fi", "view", "people", detail);
  }
  for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
    char detail[80];
    snprintf(detail, sizeof detail, "page 9, search %s", kept[i]);
    audit_log(d, "staff@example.fi", "view", "org:1/people", detail);
  }
  audit_log(d, "cli", "update", "person:1", "mail from AL.Rasanen@Example.FI and al.rasanen@example.fi");
  audit_log(d, "cli", "update", "person:1", "Räsänen.csv, row 2: delivery 1");
  assert_int_equal(person_erase(d, p, "cli", &e), K_OK);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM audit WHERE detail LIKE 'page _, search [erased]'", ""), 6);
  assert_int_equal(audit_details(d, "page 9, search Räsä"), 1);
  assert_int_equal(audit_details(d, "page 9, search Jari"), 1);
  assert_int_equal(audit_details(d, "page 9, search Virtanen"), 1);
  assert_int_equal(audit_details(d, "page 9, search al.rasane"), 1);
  assert_int_equal(audit_details(d, "mail from [erased] and [erased]"), 1);
  assert_int_equal(audit_details(d, "Räsänen.csv, row 2: delivery 1"), 1); /* outside search terms only the email */
  kerr_clear(&e);
}

/* A backup taken before an erasure gets it at the next backup run: the same id is erased there. */
static void test_erase_again_in_an_older_copy(void **state) {
  db *d = *state;
  kerr e = {0};
  db *old = db_open(":memory:", 1, search_attach, &e);
  assert_non_null(old);
  for (int i = 0; i < 2; i++) {
    db *x = i ? old : d;
    add_person(x, "tuomas.rautio@example.fi", "Tuomas Rautio", 0);
    add_person(x, "kalle@example.fi", "Kalle Kuusi", 0);
    audit_log(x, "staff@example.fi", "view", "people", "page 1, search Rautio");
  }
  int n = -1;
  assert_int_equal(person_erase_again(d, old, "cli", &n, &e), K_OK);
  assert_int_equal(n, 0); /* nothing erased yet */
  assert_int_equal(person_erase(d, person_find(d, "tuomas.rautio@example.fi"), "cli", &e), K_OK);
  assert_int_equal(person_erase_again(d, old, "cli", &n, &e), K_OK);
  assert_int_equal(n, 1);
  assert_int_equal(person_find(old, "tuomas.rautio@example.fi"), 0);
  assert_int_equal(person_find(old, "kalle@example.fi"), 2);
  assert_int_equal(audit_details(old, "page 1, search [erased]"), 1);
  assert_int_equal(person_erase_again(d, old, "cli", &n, &e), K_OK);
  assert_int_equal(n, 0); /* once */
  db_close(old);
  kerr_clear(&e);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      PEOPLE_TEST(test_dates_and_age),
      PEOPLE_TEST(test_codes),
      PEOPLE_TEST(test_find_and_save),
      PEOPLE_TEST(test_bad_person),
      PEOPLE_TEST(test_list_and_search),
      PEOPLE_TEST(test_two_deliveries_one_person),
      PEOPLE_TEST(test_esf_validation),
      PEOPLE_TEST(test_one_start_record_per_period),
      PEOPLE_TEST(test_export_and_erase),
      PEOPLE_TEST(test_erase_scrubs_only_the_person),
      PEOPLE_TEST(test_finnish_time),
      PEOPLE_TEST(test_erase_scrubs_name_parts_and_local_part),
      PEOPLE_TEST(test_erase_again_in_an_older_copy),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
