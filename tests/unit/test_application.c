/* Unit tests for model/application: every validation rule, status history rows, approval making a delivery with
 * the organisation, rejection needing a reason, deciding twice refused, cancelling by the applicant. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/application.h"
#include "model/refdata.h"
#include "fixture.h"

/* Ids made by setup: two organisations, services of several kinds, coaches, themes, and the people. */
typedef struct world {
  db *d;
  long long org1, org2, sparraus, valmennus, closed, webinaari, coach, coach_off;
  user_info staff, contact1, contact2;
} world;

static long long ins(db *d, const char *sql) {
  assert_int_equal(db_exec(d, sql, ""), DB_OK);
  return db_last_id(d);
}

static user_info person(long long id, const char *email, const char *role, long long org) {
  user_info u = {0};
  u.id = id;
  snprintf(u.email, sizeof u.email, "%s", email);
  snprintf(u.role, sizeof u.role, "%s", role);
  u.org_id = org;
  return u;
}

static int setup(void **state) {
  fixture_db_setup(state);
  world *w = calloc(1, sizeof *w);
  w->d = *state;
  db *d = w->d;
  ins(d, "INSERT INTO funding_period(name, start_year, end_year) VALUES('2. kausi', 2018, 2020)");
  w->org1 = ins(d, "INSERT INTO org(name, type) VALUES('Testilä', 'kunta')");
  w->org2 = ins(d, "INSERT INTO org(name, type) VALUES('Muula', 'kunta')");
  w->sparraus = ins(d, "INSERT INTO service(type_code, name, period_id, counts) VALUES('sparraus','Sparraus 2019',1,"
                       "'participant')");
  w->valmennus = ins(d, "INSERT INTO service(type_code, name, period_id, counts) VALUES('valmennus','Valmennus',1,"
                        "'participant')");
  w->closed = ins(d, "INSERT INTO service(type_code, name, period_id, counts, open) VALUES('sparraus','Vanha',1,"
                     "'participant',0)");
  w->webinaari = ins(d, "INSERT INTO service(type_code, name, period_id, counts) VALUES('webinaari','Webinaari',1,"
                        "'attendee')");
  w->coach = ins(d, "INSERT INTO coach(name, company) VALUES('Kaisa Valmentaja', 'Valmennus Oy')");
  w->coach_off = ins(d, "INSERT INTO coach(name, active) VALUES('Entinen', 0)");
  ins(d, "INSERT INTO theme(name) VALUES('työhyvinvointi'), ('johtaminen')");
  long long s = ins(d, "INSERT INTO user(email, role, password_hash) VALUES('staff@example.fi','staff','x')");
  long long c1 = ins(d, "INSERT INTO user(email, role, password_hash, org_id) VALUES('c1@example.fi','contact','x',1)");
  long long c2 = ins(d, "INSERT INTO user(email, role, password_hash, org_id) VALUES('c2@example.fi','contact','x',2)");
  w->staff = person(s, "staff@example.fi", "staff", 0);
  w->contact1 = person(c1, "c1@example.fi", "contact", w->org1);
  w->contact2 = person(c2, "c2@example.fi", "contact", w->org2);
  *state = w;
  return 0;
}

static int teardown(void **state) {
  world *w = *state;
  *state = w->d;
  fixture_db_teardown(state);
  free(w);
  return 0;
}

/* A good sparraus application from contact1. */
static application good(world *w) {
  application a = {0};
  a.service_id = w->sparraus;
  a.need = (char *)"Esihenkilöt uupuvat muutoksessa.";
  a.themes = (char *)"Työhyvinvointi, johtaminen";
  a.proposed_dates = (char *)"maaliskuu";
  a.preferred_coach_id = w->coach;
  a.n_johto = 2;
  a.n_esihenkilo = 5;
  a.n_tyontekija = 10;
  a.n_edustaja = 1;
  return a;
}

/* True when e carries an error about field. */
static int has(const kerr *e, const char *field) {
  for (const kerr *x = e; x && x->msg; x = x->next)
    if (x->field && !strcmp(x->field, field)) return 1;
  return 0;
}

static int nerrors(const kerr *e) {
  int n = 0;
  for (const kerr *x = e; x && x->msg; x = x->next) n++;
  return n;
}

static void test_valid(void **state) {
  world *w = *state;
  application a = good(w);
  kerr e = {0};
  assert_int_equal(app_validate(w->d, &a, &w->contact1, &e), K_OK);
  assert_null(e.msg);
}

static void test_collects_every_error(void **state) {
  world *w = *state;
  application a = {0};
  a.need = (char *)"  ";
  a.themes = (char *)"ei-ole-teemaa";
  a.preferred_coach_id = 999;
  a.n_johto = -1;
  kerr e = {0};
  assert_int_equal(app_validate(w->d, &a, &w->staff, &e), K_ERR);
  assert_true(has(&e, "service_id"));
  assert_true(has(&e, "org_id"));
  assert_true(has(&e, "need"));
  assert_true(has(&e, "themes"));
  assert_true(has(&e, "preferred_coach_id"));
  assert_true(has(&e, "n_johto"));
  assert_int_equal(nerrors(&e), 6);
  kerr_clear(&e);
}

static void expect_error(world *w, const application *a, const user_info *u, const char *field) {
  kerr e = {0};
  assert_int_equal(app_validate(w->d, a, u, &e), K_ERR);
  if (!has(&e, field)) fail_msg("expected an error on %s, got %s (%s)", field, e.msg, e.field ? e.field : "-");
  kerr_clear(&e);
}

static void test_service_rules(void **state) {
  world *w = *state;
  application a = good(w);
  a.service_id = 999;
  expect_error(w, &a, &w->contact1, "service_id");
  a.service_id = w->closed;
  expect_error(w, &a, &w->contact1, "service_id");
  a.service_id = w->webinaari;
  expect_error(w, &a, &w->contact1, "service_id");
  assert_true(app_service_type_ok("valmennus"));
  assert_false(app_service_type_ok("tyopaja"));
}

static void test_org_rules(void **state) {
  arena mem = {0};
  world *w = *state;
  application a = good(w);
  user_info orphan = person(99, "o@example.fi", "contact", 0);
  expect_error(w, &a, &orphan, "org_id");
  a.org_id = 0;
  expect_error(w, &a, &w->staff, "org_id");
  a.org_id = 12345;
  expect_error(w, &a, &w->staff, "org_id");
  a.org_id = w->org2;
  kerr e = {0};
  assert_int_equal(app_validate(w->d, &a, &w->staff, &e), K_OK);
  /* a contact applies for its own organisation whatever the form says */
  long long id = app_create(w->d, &a, &w->contact1, &e);
  assert_true(id > 0);
  application *got = app_get(w->d, &mem, id);
  assert_int_equal(got->org_id, w->org1);
  arena_free(&mem);
}

static void test_text_rules(void **state) {
  world *w = *state;
  application a = good(w);
  a.need = NULL;
  expect_error(w, &a, &w->contact1, "need");
  char *long_need = calloc(APP_MAX_NEED + 2, 1);
  memset(long_need, 'x', APP_MAX_NEED + 1);
  a.need = long_need;
  expect_error(w, &a, &w->contact1, "need");
  memset(long_need, 0, APP_MAX_NEED + 2);
  memset(long_need, 'y', APP_MAX_NEED);
  kerr e = {0};
  assert_int_equal(app_validate(w->d, &a, &w->contact1, &e), K_OK); /* exactly the limit is fine */
  a = good(w);
  a.need = (char *)"bad \xff utf8";
  expect_error(w, &a, &w->contact1, "need");
  a = good(w);
  char dates[APP_MAX_DATES + 2];
  memset(dates, 'd', sizeof dates - 1);
  dates[sizeof dates - 1] = 0;
  a.proposed_dates = dates;
  expect_error(w, &a, &w->contact1, "proposed_dates");
  a = good(w);
  a.themes = (char *)"johtaminen, tuntematon";
  expect_error(w, &a, &w->contact1, "themes");
  a.themes = (char *)" , JOHTAMINEN ,";
  assert_int_equal(app_validate(w->d, &a, &w->contact1, &e), K_OK); /* case and blanks do not matter */
  free(long_need);
}

static void test_coach_rules(void **state) {
  world *w = *state;
  application a = good(w);
  a.preferred_coach_id = w->coach_off;
  expect_error(w, &a, &w->contact1, "preferred_coach_id");
  a.preferred_coach_id = 0;
  kerr e = {0};
  assert_int_equal(app_validate(w->d, &a, &w->contact1, &e), K_OK); /* optional */
}

static void test_count_rules(void **state) {
  world *w = *state;
  application a = good(w);
  a.n_tyontekija = -1;
  expect_error(w, &a, &w->contact1, "n_tyontekija");
  a.n_tyontekija = APP_MAX_COUNT + 1;
  expect_error(w, &a, &w->contact1, "n_tyontekija");
  a = good(w);
  a.n_johto = 0;
  expect_error(w, &a, &w->contact1, "n_johto");
  a = good(w);
  a.n_esihenkilo = 0;
  expect_error(w, &a, &w->contact1, "n_esihenkilo");
  a = good(w);
  a.n_edustaja = 0;
  expect_error(w, &a, &w->contact1, "n_edustaja");
  /* training: any mix, but at least one person */
  a.service_id = w->valmennus;
  a.n_johto = a.n_esihenkilo = a.n_edustaja = 0;
  kerr e = {0};
  assert_int_equal(app_validate(w->d, &a, &w->contact1, &e), K_OK);
  a.n_tyontekija = 0;
  expect_error(w, &a, &w->contact1, "participants");
}

static long long create(world *w, const user_info *u) {
  application a = good(w);
  kerr e = {0};
  long long id = app_create(w->d, &a, u, &e);
  if (!id) fail_msg("app_create: %s", e.msg);
  return id;
}

static void test_create_and_history(void **state) {
  arena mem = {0};
  world *w = *state;
  long long id = create(w, &w->contact1);
  application *a = app_get(w->d, &mem, id);
  assert_non_null(a);
  assert_string_equal(a->status, "submitted");
  assert_string_equal(a->org_name, "Testilä");
  assert_string_equal(a->service_name, "Sparraus 2019");
  assert_string_equal(a->coach_name, "Kaisa Valmentaja");
  assert_int_equal(a->user_id, w->contact1.id);
  assert_non_null(strstr(a->themes, "johtaminen"));
  assert_non_null(strstr(a->themes, "työhyvinvointi"));
  assert_int_equal(a->nevents, 1);
  assert_string_equal(a->events[0].status, "submitted");
  assert_string_equal(a->events[0].actor, "c1@example.fi");
  assert_int_equal(strlen(a->events[0].at), 20);
  assert_int_equal(db_int(w->d, 0, "SELECT user_id FROM application_event WHERE application_id=?1", "i", id),
                   w->contact1.id);
  kerr e = {0};
  application bad = good(w);
  bad.need = NULL;
  assert_int_equal(app_create(w->d, &bad, &w->contact1, &e), 0);
  kerr_clear(&e);
  assert_int_equal(db_int(w->d, -1, "SELECT count(*) FROM application", ""), 1);
  arena_free(&mem);
}

static void test_list_and_visibility(void **state) {
  arena mem = {0};
  world *w = *state;
  long long a1 = create(w, &w->contact1);
  long long a2 = create(w, &w->contact2);
  app_filter all = {0, NULL}, own = {w->org1, NULL}, sub = {0, "submitted"}, rej = {0, "rejected"};
  assert_int_equal(app_count(w->d, &all), 2);
  assert_int_equal(app_count(w->d, &own), 1);
  assert_int_equal(app_count(w->d, &sub), 2);
  assert_int_equal(app_count(w->d, &rej), 0);
  const char *const codes[] = {"submitted", "rejected"};
  long long counts[2];
  assert_int_equal(app_count_by_status(w->d, 0, codes, 2, counts), 2);
  assert_int_equal(counts[0], 2);
  assert_int_equal(counts[1], 0);
  assert_int_equal(app_count_by_status(w->d, w->org1, codes, 2, counts), 1);
  assert_int_equal(counts[0], 1);
  int n = 0;
  application *v = app_list(w->d, &mem, &own, 10, 0, &n);
  assert_int_equal(n, 1);
  assert_int_equal(v[0].id, a1);
  v = app_list(w->d, &mem, &all, 1, 1, &n); /* paginated */
  assert_int_equal(n, 1);
  application *x = app_get(w->d, &mem, a2);
  assert_true(app_visible_to(x, &w->staff));
  assert_true(app_visible_to(x, &w->contact2));
  assert_false(app_visible_to(x, &w->contact1));
  user_info anon = {0};
  assert_false(app_visible_to(x, &anon));
  assert_null(app_get(w->d, &mem, 999));
  assert_true(app_status_valid("cancelled"));
  assert_false(app_status_valid("deleted"));
  arena_free(&mem);
}

static void test_approve_makes_delivery(void **state) {
  arena mem = {0};
  world *w = *state;
  long long id = create(w, &w->contact1);
  kerr e = {0};
  long long did = app_approve(w->d, id, "2019-03-04", "5.3.2019", 0, &w->staff, &e);
  if (!did) fail_msg("approve: %s", e.msg);
  db_stmt *st = db_query(w->d,
                         "SELECT service_id, starts_on, ends_on, coach_id, application_id FROM delivery"
                         " WHERE id=?1",
                         "i", did);
  assert_int_equal(db_step(st), 1);
  assert_int_equal(db_col_int(st, 0), w->sparraus);
  assert_string_equal(db_col_text(st, 1), "2019-03-04");
  assert_string_equal(db_col_text(st, 2), "2019-03-05");
  assert_int_equal(db_col_int(st, 3), w->coach); /* the preferred coach by default */
  assert_int_equal(db_col_int(st, 4), id);
  db_done(st);
  assert_int_equal(db_int(w->d, 0, "SELECT org_id FROM delivery_org WHERE delivery_id=?1", "i", did), w->org1);
  application *a = app_get(w->d, &mem, id);
  assert_string_equal(a->status, "approved");
  assert_int_equal(a->delivery_id, did);
  assert_int_equal(a->nevents, 2);
  assert_string_equal(a->events[1].status, "approved");
  assert_string_equal(a->events[1].actor, "staff@example.fi");
  assert_string_equal(a->events[1].actor_role, "staff");
  assert_string_equal(a->events[0].actor_role, "contact");
  assert_string_equal(a->delivery_starts, "2019-03-04");
  assert_string_equal(a->delivery_ends, "2019-03-05");
  /* deciding twice is refused and changes nothing */
  assert_int_equal(app_approve(w->d, id, "2019-04-01", "2019-04-01", 0, &w->staff, &e), 0);
  assert_non_null(e.msg);
  kerr_clear(&e);
  assert_int_equal(app_reject(w->d, id, "myöhässä", &w->staff, &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(db_int(w->d, 0, "SELECT count(*) FROM delivery", ""), 1);
  assert_int_equal(db_int(w->d, 0, "SELECT count(*) FROM application_event", ""), 2);
  arena_free(&mem);
}

static void test_approve_checks(void **state) {
  arena mem = {0};
  world *w = *state;
  long long id = create(w, &w->contact1);
  kerr e = {0};
  assert_int_equal(app_approve(w->d, id, "", "31.2.2019", 0, &w->staff, &e), 0);
  assert_true(has(&e, "starts_on"));
  assert_true(has(&e, "ends_on"));
  kerr_clear(&e);
  assert_int_equal(app_approve(w->d, id, "2019-03-05", "2019-03-04", 0, &w->staff, &e), 0);
  assert_true(has(&e, "ends_on"));
  kerr_clear(&e);
  assert_int_equal(app_approve(w->d, id, "2019-03-05", "2019-03-05", w->coach_off, &w->staff, &e), 0);
  assert_true(has(&e, "coach_id"));
  kerr_clear(&e);
  assert_int_equal(db_int(w->d, 0, "SELECT count(*) FROM delivery", ""), 0);
  application *a = app_get(w->d, &mem, id);
  assert_string_equal(a->status, "submitted");
  assert_int_equal(app_approve(w->d, 999, "2019-03-05", "2019-03-05", 0, &w->staff, &e), 0);
  kerr_clear(&e);
  arena_free(&mem);
}

static void test_approve_without_coach(void **state) {
  world *w = *state;
  long long id = create(w, &w->contact1);
  kerr e = {0};
  long long did = app_approve(w->d, id, "2019-03-04", "2019-03-04", APP_COACH_NONE, &w->staff, &e);
  assert_true(did > 0);
  assert_true(db_int(w->d, 0, "SELECT coach_id IS NULL FROM delivery WHERE id=?1", "i", did));
}

static void test_reject_needs_reason(void **state) {
  arena mem = {0};
  world *w = *state;
  long long id = create(w, &w->contact1);
  kerr e = {0};
  assert_int_equal(app_reject(w->d, id, "  ", &w->staff, &e), K_ERR);
  assert_true(has(&e, "reason"));
  kerr_clear(&e);
  assert_int_equal(app_reject(w->d, id, "Kiintiö on täynnä.", &w->staff, &e), K_OK);
  application *a = app_get(w->d, &mem, id);
  assert_string_equal(a->status, "rejected");
  assert_string_equal(a->reason, "Kiintiö on täynnä.");
  assert_int_equal(a->nevents, 2);
  assert_string_equal(a->events[1].reason, "Kiintiö on täynnä.");
  assert_int_equal(app_reject(w->d, id, "Toinen kerta", &w->staff, &e), K_ERR);
  kerr_clear(&e);
  arena_free(&mem);
}

static void test_cancel(void **state) {
  arena mem = {0};
  world *w = *state;
  long long id = create(w, &w->contact1);
  kerr e = {0};
  assert_int_equal(app_cancel(w->d, id, &w->contact2, &e), K_ERR); /* another organisation's contact */
  kerr_clear(&e);
  assert_int_equal(app_cancel(w->d, id, &w->staff, &e), K_ERR); /* staff reject instead */
  kerr_clear(&e);
  assert_int_equal(app_cancel(w->d, id, &w->contact1, &e), K_OK);
  application *a = app_get(w->d, &mem, id);
  assert_string_equal(a->status, "cancelled");
  assert_int_equal(a->nevents, 2);
  assert_string_equal(a->events[1].actor, "c1@example.fi");
  assert_false(app_cancellable_by(a, &w->contact1));
  assert_int_equal(app_cancel(w->d, id, &w->contact1, &e), K_ERR); /* only while submitted */
  kerr_clear(&e);
  assert_int_equal(app_approve(w->d, id, "2019-03-05", "2019-03-05", 0, &w->staff, &e), 0);
  kerr_clear(&e);
  arena_free(&mem);
}

static void test_choices(void **state) {
  arena mem = {0};
  world *w = *state;
  int n = 0;
  app_choice *v = app_open_services(w->d, &mem, "fi", &n);
  assert_int_equal(n, 2); /* sparraus and valmennus; not the closed one nor the webinar */
  v = app_active_coaches(w->d, &mem, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].name, "Kaisa Valmentaja, Valmennus Oy");
  v = app_orgs(w->d, &mem, &n);
  assert_int_equal(n, 2);
  assert_string_equal(v[0].name, "Muula");
  char *t = app_theme_names(w->d, &mem);
  assert_string_equal(t, "johtaminen, työhyvinvointi");
  arena_free(&mem);
}

#define W(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
  const struct CMUnitTest tests[] = {
      W(test_valid),
      W(test_collects_every_error),
      W(test_service_rules),
      W(test_org_rules),
      W(test_text_rules),
      W(test_coach_rules),
      W(test_count_rules),
      W(test_create_and_history),
      W(test_list_and_visibility),
      W(test_approve_makes_delivery),
      W(test_approve_checks),
      W(test_approve_without_coach),
      W(test_reject_needs_reason),
      W(test_cancel),
      W(test_choices),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
