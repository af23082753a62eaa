/* Unit tests for model/delivery: dates in both forms, validation, organisations, sessions, list filters, and the
 * counts by role and attendance per session. */
#include "core/date.h"
#include "model/delivery.h"
#include "svcdb.h"

/* Adds a sparraus (period 2) and a webinar (period 1) offering: ids 1 and 2. */
static int setup(void **state) {
  svcdb_setup(state);
  assert_int_equal(db_script(*state,
                             "INSERT INTO service(id,type_code,name,period_id,counts) VALUES"
                             " (1,'sparraus','Sparraus',2,'participant'),(2,'webinaari','Webinaari',1,'attendee');"
                             "INSERT INTO coach(id,name) VALUES(1,'Valmentaja');"
                             "INSERT INTO org(id,name,type) VALUES(1,'Testikunta','kunta'),(2,'Toinen','kunta')"),
                   DB_OK);
  return 0;
}

static long long add(db *d, long long service, const char *ref, const char *starts, const char *ends) {
  kerr e = {0};
  delivery x = {.service_id = service,
                .ref = (char *)ref,
                .starts_on = (char *)starts,
                .ends_on = (char *)ends,
                .place = "Tampere"};
  long long id = delivery_create(d, &x, &e);
  if (!id) fail_msg("delivery_create: %s", e.msg);
  return id;
}

static void test_dates(void **state) {
  char out[11];
  assert_int_equal(date_parse("22.11.2026", out), K_OK);
  assert_string_equal(out, "2026-11-22");
  assert_int_equal(date_parse("1.3.2019", out), K_OK);
  assert_string_equal(out, "2019-03-01");
  assert_int_equal(date_parse(" 2020-02-29 ", out), K_OK);
  assert_string_equal(out, "2020-02-29");
  const char *bad[] = {"",           "2019-02-29", "31.4.2019", "2019-13-01", "1.3.19", "22.11.2026x",
                       "2019/03/01", "0.1.2019",   "abc",       "2019-3-1"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) assert_int_equal(date_parse(bad[i], out), K_ERR);
  assert_int_equal(date_parse(NULL, out), K_ERR);
}

static void test_validation(void **state) {
  kerr e = {0};
  delivery x = {.service_id = 99, .starts_on = "31.2.2019", .ends_on = "x", .coach_id = 5};
  assert_int_equal(delivery_create(*state, &x, &e), 0);
  assert_true(svcdb_has_field(&e, "service"));
  assert_true(svcdb_has_field(&e, "starts_on"));
  assert_true(svcdb_has_field(&e, "ends_on"));
  assert_true(svcdb_has_field(&e, "place")); /* neither place nor remote */
  assert_true(svcdb_has_field(&e, "coach"));
  kerr_clear(&e);
  delivery back = {.service_id = 1, .starts_on = "2019-03-05", .ends_on = "1.3.2019", .remote = 1};
  assert_int_equal(delivery_validate(*state, &back, &e), K_ERR);
  assert_string_equal(e.field, "ends_on");
  kerr_clear(&e);
  add(*state, 1, "SP-1", "1.3.2019", "1.3.2019");
  delivery dup = {.service_id = 1, .ref = "SP-1", .starts_on = "2019-03-01", .ends_on = "2019-03-01", .remote = 1};
  assert_int_equal(delivery_create(*state, &dup, &e), 0);
  assert_string_equal(e.field, "ref");
  kerr_clear(&e);
  assert_int_equal(db_int(*state, -1, "SELECT count(*) FROM delivery", ""), 1);
}

static void test_orgs_and_sessions(void **state) {
  arena mem = {0};
  kerr e = {0};
  long long id = add(*state, 1, NULL, "1.3.2019", "31.3.2019");
  assert_int_equal(delivery_org_add(*state, id, 1, &e), K_OK);
  assert_int_equal(delivery_org_add(*state, id, 1, &e), K_OK); /* twice is fine */
  assert_int_equal(delivery_org_add(*state, id, 77, &e), K_ERR);
  assert_string_equal(e.field, "org");
  kerr_clear(&e);
  assert_int_equal(delivery_org_add(*state, 999, 1, &e), K_ERR);
  kerr_clear(&e);
  long long s1 = delivery_session_add(*state, id, 0, "2.3.2019", "Sali", &e);
  long long s2 = delivery_session_add(*state, id, 0, "2019-03-09", NULL, &e);
  assert_true(s1 > 0 && s2 > 0);
  assert_int_equal(db_int(*state, 0, "SELECT number FROM delivery_session WHERE id=?1", "i", s2), 2);
  assert_int_equal(delivery_session_add(*state, id, 2, "3.3.2019", NULL, &e), 0);
  assert_string_equal(e.field, "number");
  kerr_clear(&e);
  assert_int_equal(delivery_session_add(*state, id, 3, "1.4.2019", NULL, &e), 0);
  assert_string_equal(e.field, "held_on");
  kerr_clear(&e);
  assert_int_equal(delivery_session_add(*state, id, -1, "bad", NULL, &e), 0);
  assert_true(svcdb_has_field(&e, "number") && svcdb_has_field(&e, "held_on"));
  kerr_clear(&e);
  assert_int_equal(delivery_session_update(*state, id, s2, 1, "10.3.2019", "", &e), K_ERR); /* number taken */
  kerr_clear(&e);
  assert_int_equal(delivery_session_update(*state, id, s2, 5, "10.3.2019", "Verkossa", &e), K_OK);
  assert_int_equal(delivery_session_update(*state, id + 1, s2, 5, "10.3.2019", "", &e), K_ERR); /* other delivery */
  kerr_clear(&e);
  /* moving the dates so a session falls outside is refused */
  assert_true(delivery_exists(*state, id));
  delivery *x = delivery_get(*state, &mem, id, "fi");
  x->starts_on = "5.3.2019";
  assert_int_equal(delivery_update(*state, x, &e), K_ERR);
  assert_string_equal(e.field, "starts_on");
  kerr_clear(&e);
  /* a person attended s1: deleting the session removes the attendance and logs it on the person */
  assert_int_equal(db_exec(*state, "INSERT INTO person(id, email, name) VALUES(77, 'p@example.fi', 'P')", ""), DB_OK);
  assert_int_equal(db_exec(*state,
                           "INSERT INTO participation(id, person_id, delivery_id, role) VALUES(88, 77, ?1, 'johto')",
                           "i", id),
                   DB_OK);
  assert_int_equal(db_exec(*state, "INSERT INTO attendance(session_id, participation_id) VALUES(?1, 88)", "i", s1),
                   DB_OK);
  assert_int_equal(delivery_session_delete(*state, id, s1, "staff@example.fi", &e), K_OK);
  assert_int_equal(db_int(*state, 0, "SELECT count(*) FROM attendance WHERE participation_id=88", ""), 0);
  assert_int_equal(db_int(*state, 0,
                          "SELECT count(*) FROM audit WHERE actor='staff@example.fi' AND action='update' "
                          "AND subject='person:77' AND detail LIKE 'attendance removed: session % of delivery %'",
                          ""),
                   1);
  assert_int_equal(delivery_session_delete(*state, id, s1, "staff@example.fi", &e), K_ERR);
  kerr_clear(&e);
  x = delivery_get(*state, &mem, id, "fi");
  assert_int_equal(x->norgs, 1);
  assert_string_equal(x->orgs[0].name, "Testikunta");
  assert_int_equal(x->nsessions, 1);
  assert_int_equal(x->sessions[0].number, 5);
  assert_string_equal(x->sessions[0].held_on, "2019-03-10");
  assert_string_equal(x->sessions[0].place, "Verkossa");
  assert_int_equal(delivery_org_remove(*state, id, 1, &e), K_OK);
  assert_int_equal(delivery_org_remove(*state, id, 1, &e), K_ERR);
  kerr_clear(&e);
  assert_null(delivery_get(*state, &mem, 999, "fi"));
  assert_false(delivery_exists(*state, 999));
  arena_free(&mem);
}

static void test_counts(void **state) {
  arena mem = {0};
  kerr e = {0};
  long long id = add(*state, 1, "C-1", "1.3.2019", "31.3.2019");
  long long s1 = delivery_session_add(*state, id, 0, "2.3.2019", NULL, &e);
  long long s2 = delivery_session_add(*state, id, 0, "3.3.2019", NULL, &e);
  const char *roles[] = {"johto", "tyontekija", "tyontekija", "tyontekija", "edustaja"};
  for (int i = 0; i < 5; i++) {
    char email[32];
    snprintf(email, sizeof email, "p%d@example.fi", i);
    assert_int_equal(db_exec(*state, "INSERT INTO person(email,name,org_id) VALUES(?1,'Nimi',1)", "t", email), DB_OK);
    long long pid = db_last_id(*state);
    assert_int_equal(db_exec(*state, "INSERT INTO participation(person_id,delivery_id,role) VALUES(?1,?2,?3)", "iit",
                             pid, id, roles[i]),
                     DB_OK);
    long long part = db_last_id(*state);
    db_exec(*state, "INSERT INTO attendance VALUES(?1,?2)", "ii", s1, part);
    if (i < 2) db_exec(*state, "INSERT INTO attendance VALUES(?1,?2)", "ii", s2, part);
  }
  delivery *x = delivery_get(*state, &mem, id, "fi");
  assert_int_equal(x->participations, 5);
  assert_int_equal(x->by_role[0], 1); /* johto */
  assert_int_equal(x->by_role[1], 0); /* esihenkilo */
  assert_int_equal(x->by_role[2], 3); /* tyontekija */
  assert_int_equal(x->by_role[3], 1); /* edustaja */
  assert_int_equal(x->sessions[0].attended, 5);
  assert_int_equal(x->sessions[1].attended, 2);
  assert_string_equal(x->counts, "participant");
  assert_string_equal(person_role_at(1), "esihenkilo");
  assert_null(person_role_at(4));
  assert_int_equal(person_role_index("tyontekija"), 2);
  assert_int_equal(person_role_index("pomo"), -1);
  assert_string_equal(person_role_plural("edustaja"), "Henkilöstön edustajat");
  arena_free(&mem);
}

static void test_list_filters(void **state) {
  arena mem = {0};
  add(*state, 1, "A", "1.3.2019", "2.3.2019");
  add(*state, 1, "B", "1.3.2018", "2.3.2018");
  add(*state, 2, "C", "1.3.2016", "1.3.2016");
  delivery_filter all = {0}, sp = {"sparraus", 0}, y19 = {"", 2019}, web19 = {"webinaari", 2019};
  assert_int_equal(delivery_count(*state, &all), 3);
  assert_int_equal(delivery_count(*state, &sp), 2);
  assert_int_equal(delivery_count(*state, &y19), 1);
  assert_int_equal(delivery_count(*state, &web19), 0);
  int n = 0;
  delivery *v = delivery_list(*state, &mem, &all, "sv", 2, 0, &n);
  assert_int_equal(n, 2);
  assert_string_equal(v[0].ref, "A"); /* newest first */
  assert_string_equal(v[0].type_name, "Sparrning");
  v = delivery_list(*state, &mem, &all, "fi", 2, 2, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].ref, "C");
  int years[5];
  assert_int_equal(delivery_years(*state, years, 5), 3);
  assert_int_equal(years[0], 2019);
  assert_int_equal(years[2], 2016);
  arena_free(&mem);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dates),
      cmocka_unit_test_setup_teardown(test_validation, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_orgs_and_sessions, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_counts, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_list_filters, setup, svcdb_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
