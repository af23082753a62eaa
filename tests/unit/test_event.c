/* Unit tests for model/event (events, the calendar with deliveries' sessions) and core/ical (escaping, folding at 75
 * octets without splitting a UTF-8 character, the Helsinki VTIMEZONE), and the clock times of core/date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/ical.h"
#include "model/delivery.h"
#include "model/event.h"
#include "testdb.h"

static int setup(void **state) {
  (void)testdb_deed; /* testdb.h's deed helper: not needed here */
  db *d = testdb_open();
  assert_int_equal(db_exec(d,
                           "INSERT INTO funding_period(id,name,start_year,end_year) VALUES(1,'2018–2020',2018,2020);"
                           "",
                           ""),
                   DB_OK);
  assert_int_equal(db_exec(d,
                           "INSERT INTO service(id,type_code,name,name_sv,period_id,counts,open)"
                           " VALUES(1,'sparraus','Sparraus','Sparrning',1,'participant',1)",
                           ""),
                   DB_OK);
  assert_int_equal(db_exec(d,
                           "INSERT INTO delivery(id,ref,service_id,title,starts_on,ends_on,place)"
                           " VALUES(1,'SP-1',1,'Kevät','2026-03-01','2026-03-31','Oulu')",
                           ""),
                   DB_OK);
  assert_int_equal(db_exec(d,
                           "INSERT INTO delivery_session(id,delivery_id,number,held_on) VALUES(7,1,1,'2026-03-02'),"
                           "(8,1,2,'2026-03-30')",
                           ""),
                   DB_OK);
  *state = d;
  return 0;
}

static int teardown(void **state) {
  db_close(*state);
  return 0;
}

static event webinar(void) {
  return (event){.kind = "webinar",
                 .title = "Webinaari",
                 .description = "Kuvaus",
                 .start_date = "10.6.2026",
                 .start_time = "9.30",
                 .end_date = "10.6.2026",
                 .end_time = "11.00",
                 .service_id = 1,
                 .published = 1};
}

/* Every physical line at most 75 octets, a continuation starts with one space, no UTF-8 character split, CRLF. */
static void test_fold(void **state) {
  (void)state;
  buf line = BUF_INIT, out = BUF_INIT;
  buf_puts(&line, "SUMMARY:");
  for (int i = 0; i < 60; i++) buf_puts(&line, "äö€"); /* 2, 2 and 3 octets */
  ical_line(&out, line.data, line.len);
  assert_true(out.len > 2 && !memcmp(out.data + out.len - 2, "\r\n", 2));
  buf joined = BUF_INIT;
  const char *p = out.data, *end = out.data + out.len;
  int first = 1;
  while (p < end) {
    const char *nl = strstr(p, "\r\n");
    assert_non_null(nl);
    size_t n = (size_t)(nl - p);
    assert_true(n <= 75);
    if (!first) {
      assert_int_equal(p[0], ' ');
      p++, n--;
    }
    assert_true(util_utf8_valid(p, n)); /* no character cut in two */
    buf_append(&joined, p, n);
    first = 0;
    p = nl + 2;
  }
  assert_int_equal(joined.len, line.len); /* unfolding gives the line back */
  assert_memory_equal(joined.data, line.data, line.len);
  buf_free(&line);
  buf_free(&out);
  buf_free(&joined);
  /* a short line is not folded */
  buf_puts(&out, "");
  ical_line(&out, "VERSION:2.0", 11);
  assert_string_equal(out.data, "VERSION:2.0\r\n");
  buf_free(&out);
}

static void test_escape(void **state) {
  (void)state;
  buf b = BUF_INIT;
  ical_text(&b, "a\\b;c,d\ne\r\tf");
  assert_string_equal(b.data, "a\\\\b\\;c\\,d\\ne\tf"); /* CR dropped, tab kept (RFC 5545 TSAFE-CHAR) */
  buf_free(&b);
  ical_prop_text(&b, "LOCATION", "Helsinki, Kuntatalo; sali 2");
  assert_string_equal(b.data, "LOCATION:Helsinki\\, Kuntatalo\\; sali 2\r\n");
  buf_free(&b);
}

static void test_vtimezone(void **state) {
  (void)state;
  buf b = BUF_INIT;
  ical_vtimezone_helsinki(&b);
  assert_non_null(strstr(b.data, "BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki\r\n"));
  assert_non_null(strstr(b.data, "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nTZNAME:EEST\r\n"));
  assert_non_null(strstr(b.data, "BEGIN:STANDARD\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nTZNAME:EET\r\n"));
  assert_non_null(strstr(b.data, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"));
  assert_non_null(strstr(b.data, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"));
  assert_non_null(strstr(b.data, "END:VTIMEZONE\r\n"));
  buf_free(&b);
  ical_local(&b, "2026-06-10T09:30");
  assert_string_equal(b.data, "20260610T093000");
  buf_free(&b);
}

static void test_clock_times(void **state) {
  (void)state;
  char hm[6] = "x";
  assert_int_equal(date_hm_parse("9.30", hm), K_OK);
  assert_string_equal(hm, "09:30");
  assert_int_equal(date_hm_parse(" 23:59 ", hm), K_OK);
  assert_string_equal(hm, "23:59");
  assert_int_equal(date_hm_parse("24.00", hm), K_ERR);
  assert_int_equal(date_hm_parse("9.60", hm), K_ERR);
  assert_int_equal(date_hm_parse("9", hm), K_ERR);
  assert_int_equal(date_hm_parse("9.3", hm), K_ERR);
  assert_int_equal(date_hm_parse(NULL, hm), K_ERR);
  assert_string_equal(hm, "23:59");
}

/* The uid is made once and stays through edits; each edit bumps the sequence; bad input names its fields. */
static void test_uid_sequence(void **state) {
  db *d = *state;
  arena a = {0};
  kerr e = {0};
  event x = webinar();
  long long id = event_save(d, &x, "staff@example.fi", &e);
  assert_true(id > 0);
  event *r = event_get(d, &a, id, "fi");
  char *uid = arena_strdup(&a, r->uid);
  assert_true(strlen(uid) > 20);
  assert_int_equal(r->sequence, 0);
  assert_string_equal(r->starts_at, "2026-06-10T09:30");
  assert_string_equal(r->start_date, "10.6.2026");
  assert_string_equal(r->start_time, "9.30");
  assert_non_null(r->published_at);
  char *first_published = arena_strdup(&a, r->published_at);
  x.id = id;
  x.title = "Webinaari (siirretty)";
  assert_int_equal(event_save(d, &x, "staff@example.fi", &e), id);
  assert_int_equal(event_save(d, &x, "staff@example.fi", &e), id);
  r = event_get(d, &a, id, "fi");
  assert_string_equal(r->uid, uid);
  assert_int_equal(r->sequence, 2);
  assert_string_equal(r->published_at, first_published); /* publishing again keeps the first time */
  /* a second event gets another uid */
  x.id = 0;
  long long id2 = event_save(d, &x, "staff@example.fi", &e);
  assert_string_not_equal(event_get(d, &a, id2, "fi")->uid, uid);
  /* bad input */
  event bad = webinar();
  bad.kind = "juhla";
  bad.start_time = "25.00";
  bad.end_date = "1.6.2026";
  bad.online_url = "javascript:alert(1)";
  bad.service_id = 99;
  assert_int_equal(event_save(d, &bad, "x", &e), 0);
  int kind = 0, time = 0, url = 0, svc = 0;
  for (kerr *k = &e; k && k->msg; k = k->next) {
    kind += k->field && !strcmp(k->field, "kind");
    time += k->field && !strcmp(k->field, "start_time");
    url += k->field && !strcmp(k->field, "online_url");
    svc += k->field && !strcmp(k->field, "service");
  }
  assert_int_equal(kind + time + url + svc, 4);
  kerr_clear(&e);
  bad = webinar();
  bad.end_date = "9.6.2026";
  assert_int_equal(event_save(d, &bad, "x", &e), 0);
  assert_string_equal(e.field, "end_date");
  kerr_clear(&e);
  x.id = 9999;
  assert_int_equal(event_save(d, &x, "x", &e), 0); /* no such event */
  kerr_clear(&e);
  assert_int_equal(event_delete(d, id2, "x", &e), K_OK);
  assert_null(event_get(d, &a, id2, "fi"));
  assert_int_equal(event_delete(d, id2, "x", &e), K_ERR);
  kerr_clear(&e);
  arena_free(&a);
}

/* The calendar: published events and the sessions of deliveries in the calendar (timed or all day, UID from the
 * session id), upcoming and past around "now"; drafts never. */
static void test_calendar(void **state) {
  db *d = *state;
  arena a = {0};
  kerr e = {0};
  event x = webinar();
  long long pub = event_save(d, &x, "s", &e);
  x.published = 0;
  x.title = "Luonnos";
  assert_true(event_save(d, &x, "s", &e) > 0);
  cal_filter all = {0, ""};
  int n = 0;
  cal_entry *v = event_calendar(d, &a, &all, "fi", 100, 0, &n);
  assert_int_equal(n, 1); /* the delivery is not in the calendar yet; the draft never is */
  assert_int_equal(v[0].event_id, pub);
  assert_string_equal(v[0].service.text, "Sparraus");
  assert_int_equal(v[0].service_open, 1);
  assert_int_equal(db_exec(d, "UPDATE delivery SET in_calendar=1 WHERE id=1", ""), DB_OK);
  assert_int_equal(delivery_session_times(d, 1, 7, "9.00", "12.15", &e), K_OK);
  assert_int_equal(delivery_session_times(d, 1, 8, "10.00", "", &e), K_ERR); /* both or neither */
  kerr_clear(&e);
  assert_int_equal(delivery_session_times(d, 1, 8, "10.00", "9.00", &e), K_ERR);
  assert_string_equal(e.field, "ends_time");
  kerr_clear(&e);
  assert_int_equal(delivery_session_times(d, 2, 8, "", "", &e), K_ERR); /* another delivery's session */
  kerr_clear(&e);
  v = event_calendar(d, &a, &all, "sv", 100, 0, &n);
  assert_int_equal(n, 3);
  assert_int_equal(v[0].session_id, 7); /* by start: 2.3., 30.3., 10.6. */
  assert_string_equal(v[0].uid, "delivery-session-7@kehto");
  assert_string_equal(v[0].starts, "2026-03-02T09:00");
  assert_string_equal(v[0].ends, "2026-03-02T12:15");
  assert_int_equal(v[0].all_day, 0);
  assert_string_equal(v[0].title.text, "Sparrning"); /* the service's name in the reader's language */
  assert_string_equal(v[0].subtitle, "Kevät");
  assert_string_equal(v[0].place, "Oulu");
  assert_int_equal(v[1].session_id, 8);
  assert_int_equal(v[1].all_day, 1);
  assert_string_equal(v[1].starts, "2026-03-30T00:00");
  assert_int_equal(v[2].event_id, pub);
  assert_int_equal(v[2].title.fallback, 1); /* no Swedish title: the Finnish stands in */
  /* upcoming and past around a "now" the test chooses */
  cal_filter up = {1, "2026-03-30T10:00"}, past = {-1, "2026-03-30T10:00"};
  assert_int_equal(event_calendar_count(d, &up), 2); /* the all-day session lasts the whole day */
  assert_int_equal(event_calendar_count(d, &past), 1);
  v = event_calendar(d, &a, &past, "fi", 10, 0, &n);
  assert_int_equal(n, 1);
  assert_int_equal(v[0].session_id, 7);
  up.now = "2026-06-10T11:01";
  assert_int_equal(event_calendar_count(d, &up), 0);
  v = event_calendar(d, &a, &(cal_filter){-1, "2026-06-10T11:01"}, "fi", 2, 0, &n);
  assert_int_equal(n, 2);
  assert_int_equal(v[0].event_id, pub); /* past: newest first */
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fold),
      cmocka_unit_test(test_escape),
      cmocka_unit_test(test_vtimezone),
      cmocka_unit_test(test_clock_times),
      cmocka_unit_test_setup_teardown(test_uid_sequence, setup, teardown),
      cmocka_unit_test_setup_teardown(test_calendar, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
