/* Unit tests for model/roster (a delivery's participants, roll call, public sign-in) and the sign-in codes of
 * model/delivery: every change audited, nothing stored on an error, ESF deliveries never create people. */
#include "core/date.h"
#include "model/delivery.h"
#include "model/roster.h"
#include "core/svg.h"
#include "svcdb.h"

/* An ESF coaching (delivery 1, sessions 1 and 2) and an event (delivery 2, session 3) in 2019, two people, one of
 * them (2) on the coaching's list. */
static int setup(void **state) {
  svcdb_setup(state);
  assert_int_equal(db_script(*state,
                             "INSERT INTO org(id,name,type,ytunnus) VALUES(1,'Testikunta','kunta','0187690-1');"
                             "INSERT INTO service(id,type_code,name,period_id,counts) VALUES"
                             " (1,'sparraus','Sparraus',2,'participant'),(2,'webinaari','Webinaari',2,'attendee');"
                             "INSERT INTO delivery(id,service_id,starts_on,ends_on) VALUES"
                             " (1,1,'2019-03-01','2019-03-31'),(2,2,'2019-04-01','2019-04-01');"
                             "INSERT INTO delivery_session(id,delivery_id,number,held_on) VALUES"
                             " (1,1,1,'2019-03-01'),(2,1,2,'2019-03-10'),(3,2,1,'2019-04-01');"
                             "INSERT INTO person(id,email,name,org_id) VALUES(1,'anna@example.fi','Anna',1),"
                             " (2,'ville@example.fi','Ville',1);"
                             "INSERT INTO participation(id,person_id,delivery_id,role) VALUES(1,2,1,'tyontekija');"),
                   DB_OK);
  return 0;
}

static long long count(db *d, const char *sql) {
  return db_int(d, -1, sql, "");
}

static void test_add_existing_and_new(void **state) {
  db *d = *state;
  kerr e = {0};
  person p = {.id = 1};
  long long part = roster_add(d, 1, &p, "johto", "staff@example.fi", &e);
  assert_true(part > 0);
  assert_int_equal(count(d, "SELECT count(*) FROM audit WHERE subject='person:1' AND action='update'"), 1);
  assert_int_equal(roster_add(d, 1, &p, "johto", "staff@example.fi", &e), 0);
  assert_true(svcdb_has_field(&e, "email")); /* already in */
  kerr_clear(&e);
  person n = {.name = "Uusi", .email = "uusi@example.fi", .org_id = 1};
  assert_true(roster_add(d, 1, &n, "esihenkilo", "staff@example.fi", &e) > 0);
  assert_int_equal(count(d, "SELECT count(*) FROM person WHERE email='uusi@example.fi' AND org_id=1"), 1);
  assert_int_equal(count(d, "SELECT count(*) FROM audit a JOIN person p ON a.subject='person:'||p.id "
                            "WHERE p.email='uusi@example.fi' AND a.action='create'"),
                   1);
  /* the email of someone kept adds them as they are: the name given does not replace theirs */
  person same = {.name = "Toinen Nimi", .email = "ANNA@example.fi"};
  assert_true(roster_add(d, 2, &same, "tyontekija", "staff@example.fi", &e) > 0);
  assert_int_equal(count(d, "SELECT count(*) FROM person WHERE name='Anna'"), 1);
  assert_null(e.msg);
}

static void test_add_errors_store_nothing(void **state) {
  db *d = *state;
  kerr e = {0};
  long long people = count(d, "SELECT count(*) FROM person"), audit = count(d, "SELECT count(*) FROM audit");
  person bad = {.name = "", .email = "ei-osoite", .org_id = 99};
  assert_int_equal(roster_add(d, 1, &bad, "pomo", "staff@example.fi", &e), 0);
  assert_true(svcdb_has_field(&e, "name"));
  assert_true(svcdb_has_field(&e, "email"));
  assert_true(svcdb_has_field(&e, "org"));
  assert_true(svcdb_has_field(&e, "role"));
  kerr_clear(&e);
  person fine = {.name = "Hyvä", .email = "hyva@example.fi"};
  assert_int_equal(roster_add(d, 1, &fine, "pomo", "staff@example.fi", &e), 0); /* a bad role: nobody made */
  assert_true(svcdb_has_field(&e, "role"));
  kerr_clear(&e);
  assert_int_equal(roster_add(d, 99, &fine, "johto", "staff@example.fi", &e), 0);
  kerr_clear(&e);
  assert_int_equal(count(d, "SELECT count(*) FROM person"), people);
  assert_int_equal(count(d, "SELECT count(*) FROM audit"), audit);
}

static void test_role_and_remove(void **state) {
  db *d = *state;
  kerr e = {0};
  assert_int_equal(roster_set_role(d, 1, 2, "edustaja", "staff@example.fi", &e), K_OK);
  assert_int_equal(count(d, "SELECT count(*) FROM participation WHERE id=1 AND role='edustaja'"), 1);
  assert_int_equal(roster_set_role(d, 1, 2, "x", "staff@example.fi", &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(roster_set_role(d, 1, 1, "johto", "staff@example.fi", &e), K_ERR); /* not in it */
  kerr_clear(&e);
  assert_int_equal(roster_mark(d, 1, 1, 1, "staff@example.fi", &e), K_OK);
  assert_int_equal(roster_mark(d, 2, 1, 1, "staff@example.fi", &e), K_OK);
  arena a = {0};
  person_part *x = roster_part(d, &a, 1, 2);
  assert_non_null(x);
  assert_int_equal(x->sessions_attended, 2);
  arena_free(&a);
  assert_int_equal(roster_remove(d, 1, 2, "staff@example.fi", &e), K_OK);
  assert_int_equal(count(d, "SELECT count(*) FROM participation"), 0);
  assert_int_equal(count(d, "SELECT count(*) FROM attendance"), 0);
  assert_int_equal(count(d, "SELECT count(*) FROM person WHERE id=2"), 1);
  assert_int_equal(count(d, "SELECT count(*) FROM audit WHERE detail='removed from delivery 1 with 2 attendance "
                            "marks'"),
                   1);
  assert_int_equal(roster_remove(d, 1, 2, "staff@example.fi", &e), K_ERR);
  kerr_clear(&e);
}

static void test_roll_call(void **state) {
  db *d = *state;
  kerr e = {0};
  arena a = {0};
  person p = {.id = 1};
  long long p2 = roster_add(d, 1, &p, "johto", "staff@example.fi", &e);
  int n = 0;
  roll_line *v = roster_roll(d, &a, 1, &n);
  assert_int_equal(n, 2);
  assert_string_equal(v[0].name, "Anna"); /* by name */
  assert_false(v[0].present);
  assert_int_equal(roster_mark(d, 1, p2, 1, "staff@example.fi", &e), K_OK);
  assert_int_equal(roster_mark(d, 1, p2, 1, "staff@example.fi", &e), K_OK); /* again: no change, no audit */
  assert_int_equal(count(d, "SELECT count(*) FROM audit WHERE detail LIKE 'present at session 1%'"), 1);
  assert_int_equal(roster_attended(d, 1), 1);
  assert_int_equal(roster_mark(d, 3, p2, 1, "staff@example.fi", &e), K_ERR); /* another delivery's session */
  kerr_clear(&e);
  long long both[] = {1, p2}, none[] = {0};
  int changed = -1;
  assert_int_equal(roster_mark_all(d, 1, both, 2, "staff@example.fi", &changed, &e), K_OK);
  assert_int_equal(changed, 1);
  assert_int_equal(roster_attended(d, 1), 2);
  assert_int_equal(roster_mark_all(d, 1, none, 0, "staff@example.fi", &changed, &e), K_OK);
  assert_int_equal(changed, 2);
  assert_int_equal(roster_attended(d, 1), 0);
  long long foreign[] = {1, 999};
  assert_int_equal(roster_mark_all(d, 1, foreign, 2, "staff@example.fi", &changed, &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(roster_attended(d, 1), 0);
  arena_free(&a);
}

static void test_signin_esf(void **state) {
  db *d = *state;
  kerr e = {0};
  long long people = count(d, "SELECT count(*) FROM person");
  person listed = {.email = "Ville@Example.fi"};
  assert_int_equal(roster_signin(d, 1, &listed, NULL, &e), ROSTER_SIGNED_IN);
  assert_int_equal(roster_attended(d, 1), 1);
  assert_int_equal(roster_signin(d, 1, &listed, NULL, &e), ROSTER_SIGNED_IN); /* twice is fine */
  person kept = {.email = "anna@example.fi", .name = "Anna"}, unknown = {.email = "x@example.fi", .name = "X"};
  assert_int_equal(roster_signin(d, 1, &kept, "johto", &e), ROSTER_NOT_LISTED);
  assert_int_equal(roster_signin(d, 1, &unknown, "johto", &e), ROSTER_NOT_LISTED);
  assert_int_equal(count(d, "SELECT count(*) FROM person"), people);
  assert_int_equal(count(d, "SELECT count(*) FROM participation"), 1);
  person bad = {.email = "nope"};
  assert_int_equal(roster_signin(d, 1, &bad, NULL, &e), K_ERR);
  assert_true(svcdb_has_field(&e, "email"));
  kerr_clear(&e);
}

static void test_signin_event(void **state) {
  db *d = *state;
  kerr e = {0};
  person p = {.email = "eeva@example.fi", .name = "Eeva", .org_id = 1};
  assert_int_equal(roster_signin(d, 3, &p, "tyontekija", &e), ROSTER_SIGNED_IN);
  assert_int_equal(count(d, "SELECT count(*) FROM person p JOIN participation pa ON pa.person_id=p.id "
                            "WHERE p.email='eeva@example.fi' AND pa.delivery_id=2 AND pa.role='tyontekija'"),
                   1);
  assert_int_equal(roster_attended(d, 3), 1);
  assert_int_equal(count(d, "SELECT count(*) FROM audit WHERE actor='signin' AND action='create'"), 1);
  person again = {.email = "EEVA@example.fi", .name = "Muu"};
  assert_int_equal(roster_signin(d, 3, &again, "johto", &e), ROSTER_SIGNED_IN);
  assert_int_equal(count(d, "SELECT count(*) FROM participation WHERE delivery_id=2 AND role='tyontekija'"), 1);
  assert_int_equal(count(d, "SELECT count(*) FROM person WHERE name='Eeva'"), 1);
  person noname = {.email = "uusi@example.fi"};
  assert_int_equal(roster_signin(d, 3, &noname, "tyontekija", &e), K_ERR);
  assert_true(svcdb_has_field(&e, "name"));
  kerr_clear(&e);
  assert_int_equal(roster_signin(d, 3, &(person){.email = "u@example.fi", .name = "U"}, "pomo", &e), K_ERR);
  assert_true(svcdb_has_field(&e, "role"));
  kerr_clear(&e);
  assert_int_equal(count(d, "SELECT count(*) FROM person WHERE email IN ('uusi@example.fi','u@example.fi')"), 0);
  assert_int_equal(roster_signin(d, 99, &p, "tyontekija", &e), K_ERR);
  kerr_clear(&e);
}

static void test_codes(void **state) {
  db *d = *state;
  kerr e = {0};
  arena a = {0};
  char code[DELIVERY_CODE_LEN + 1], again[DELIVERY_CODE_LEN + 1], fresh[DELIVERY_CODE_LEN + 1];
  assert_null(delivery_session_get(d, &a, 1)->signin_code);
  assert_int_equal(delivery_session_code(d, 1, 0, code, &e), K_OK);
  assert_int_equal(strlen(code), DELIVERY_CODE_LEN);
  assert_int_equal(strspn(code, "0123456789abcdef"), DELIVERY_CODE_LEN);
  assert_int_equal(delivery_session_code(d, 1, 0, again, &e), K_OK);
  assert_string_equal(code, again); /* kept while not renewed */
  session_info *s = delivery_session_by_code(d, &a, code);
  assert_non_null(s);
  assert_int_equal(s->id, 1);
  assert_string_equal(s->counts, "participant");
  assert_string_equal(s->title, "Sparraus"); /* no title: the service's name */
  assert_int_equal(delivery_session_code(d, 1, 1, fresh, &e), K_OK);
  assert_string_not_equal(code, fresh);
  assert_null(delivery_session_by_code(d, &a, code)); /* the old code finds nothing */
  assert_non_null(delivery_session_by_code(d, &a, fresh));
  assert_null(delivery_session_by_code(d, &a, "short"));
  assert_null(delivery_session_by_code(d, &a, NULL));
  assert_int_equal(delivery_session_code(d, 99, 0, code, &e), K_ERR);
  kerr_clear(&e);
  arena_free(&a);
}

static void test_today_fi(void **state) {
  char today[11], iso[11];
  date_today_fi(today);
  assert_int_equal(date_parse(today, iso), K_OK);
  assert_string_equal(today, iso);
}

/* The QR code: one path whose first run is the top-left finder pattern's seven dark modules, inside a quiet zone of
 * four; a text too long for any QR version is refused. */
static void test_qr_svg(void **state) {
  buf b = BUF_INIT;
  assert_int_equal(svg_qr(&b, "http://127.0.0.1:8080/osallistu/0123456789abcdef0123456789abcdef", "QR <&>"), K_OK);
  assert_non_null(strstr(b.data, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
  assert_non_null(strstr(b.data, "d=\"M4 4h7v1h-7z"));
  assert_non_null(strstr(b.data, "<title id=\"qr-title\">QR &lt;&amp;&gt;</title>"));
  assert_non_null(strstr(b.data, "viewBox=\"0 0 41 41\"")); /* version 5 at level M: 37 modules, and 2 x 4 */
  buf_reset(&b);
  char *big = malloc(8000);
  memset(big, 'x', 7999);
  big[7999] = 0;
  assert_int_equal(svg_qr(&b, big, "QR"), K_ERR);
  free(big);
  buf_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_add_existing_and_new, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_add_errors_store_nothing, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_role_and_remove, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_roll_call, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_signin_esf, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_signin_event, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_codes, setup, svcdb_teardown),
      cmocka_unit_test(test_today_fi),
      cmocka_unit_test(test_qr_svg),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
