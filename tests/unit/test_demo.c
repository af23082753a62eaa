/* Unit tests for model/demo: the demo programme's frame, registry, deeds, award round, determinism and refusal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "demo/demo.h"
#include "model/award.h"
#include "model/org.h"
#include "model/programme.h"
#include "model/refdata.h"
#include "report/report.h"
#include "tmpdb.h"

static void tmp_open(tmpdb *t, int load_refdata) {
  tmpdb_open(t);
  kerr e = {0};
  if (load_refdata) assert_int_equal(refdata_load(t->d, &e), K_OK);
}

/* One demo database shared by the read-only checks. */
static tmpdb shared;
static demo_summary shared_sum;

static int group_setup(void **state) {
  tmp_open(&shared, 1);
  kerr e = {0};
  int rc = demo_build(shared.d, DEMO_DEFAULT_SEED, &shared_sum, &e);
  if (rc != K_OK) fprintf(stderr, "demo_build: %s\n", e.msg);
  kerr_clear(&e);
  return rc == K_OK ? 0 : -1;
}

static int group_teardown(void **state) {
  tmpdb_close(&shared);
  return 0;
}

static void test_frame(void **state) {
  arena a = {0};
  programme *p = programme_get(shared.d, &a, NULL);
  assert_int_equal(p->configured, 1);
  assert_string_equal(p->short_name, "Kunteko 2020");
  assert_non_null(strstr(p->name, "työelämän kehittämisohjelma"));
  assert_int_equal(p->demo, 1);
  assert_int_equal(programme_is_demo(shared.d), 1);
  assert_int_equal(p->nperiods, 2);
  assert_int_equal(p->periods[0].start_year, 2015);
  assert_int_equal(p->periods[0].end_year, 2017);
  assert_string_equal(p->periods[0].esf_code, "S20190");
  assert_int_equal(p->periods[1].start_year, 2018);
  assert_int_equal(p->periods[1].end_year, 2020);
  assert_string_equal(p->periods[1].esf_code, "S21159");
  assert_int_equal(p->ngoals, 6);
  assert_non_null(strstr(p->goals[0], "näkyväksi"));
  assert_non_null(strstr(p->goals[5], "läpimurtoinnovaatio"));
  const char *want[] = {"KT Kuntatyönantajat",     "JUKO", "Sote ry", "JAU", "Hämeen ELY-keskus",
                        "Euroopan sosiaalirahasto"};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    int found = 0;
    for (int k = 0; k < p->npartners; k++) found |= strstr(p->partners[k].name, want[i]) != NULL;
    assert_true(found);
  }
  assert_int_equal(db_int(shared.d, 0, "SELECT count(*) FROM partner WHERE kind='funder'", ""), 2);
  assert_int_equal(db_int(shared.d, 0, "SELECT count(*) FROM partner WHERE kind='partner'", ""), 4);
  arena_free(&a);
}

/* The programme's own pages (demo_pages.c): three, in the main menu in order, in Finnish with Swedish beside. */
static void test_programme_pages(void **state) {
  arena a = {0};
  programme_frame *f = programme_frame_get(shared.d, &a, "sv");
  assert_int_equal(f->npages, 3);
  assert_string_equal(f->pages[0].slug, "tietoa-ohjelmasta");
  assert_string_equal(f->pages[0].title.text, "Om programmet");
  assert_string_equal(f->pages[1].slug, "palvelut-lyhyesti");
  assert_string_equal(f->pages[2].slug, "yhteystiedot");
  f = programme_frame_get(shared.d, &a, "en");
  assert_int_equal(f->pages[1].title.fallback, 1); /* no English text: the Finnish stands in */
  assert_int_equal(db_int(shared.d, 0, "SELECT count(*) FROM site_page WHERE custom=1 AND body_fi LIKE '%240%'", ""),
                   1);
  arena_free(&a);
}

static void test_registry(void **state) {
  long long n = db_int(shared.d, 0, "SELECT count(*) FROM org", "");
  assert_in_range(n, 230, 270);
  assert_int_equal(n, shared_sum.orgs);
  assert_int_equal(
      db_int(shared.d, 0,
             "SELECT count(DISTINCT m.region_code) FROM org o JOIN municipality m ON m.code=o.municipality_code", ""),
      19);
  assert_true(db_int(shared.d, 0, "SELECT count(*) FROM org WHERE type='kunta'", "") >= 130);
  assert_true(db_int(shared.d, 0, "SELECT count(*) FROM org WHERE type='kuntayhtyma'", "") >= 20);
  assert_true(db_int(shared.d, 0, "SELECT count(*) FROM org WHERE type='yhtio'", "") >= 20);
  assert_true(db_int(shared.d, 0, "SELECT count(*) FROM org WHERE type='hyvinvointialue'", "") >= 1);
  /* kunta orgs carry their municipality's name */
  assert_int_equal(db_int(shared.d, 1,
                          "SELECT count(*) FROM org o JOIN municipality m ON m.code=o.municipality_code"
                          " WHERE o.type='kunta' AND o.name<>m.name_fi",
                          ""),
                   0);
  db_stmt *st = db_query(shared.d, "SELECT ytunnus, contact_email FROM org", "");
  int rows = 0;
  while (db_step(st) == 1) {
    assert_true(org_ytunnus_valid(db_col_text(st, 0)));
    const char *mail = db_col_text(st, 1);
    size_t len = strlen(mail);
    assert_true(len > 11 && strcmp(mail + len - 11, "@example.fi") == 0);
    rows++;
  }
  db_done(st);
  assert_int_equal(rows, n);
}

static void test_deeds(void **state) {
  long long n = db_int(shared.d, 0, "SELECT count(*) FROM deed WHERE status='published'", "");
  assert_in_range(n, 640, 700);
  assert_int_equal(n, db_int(shared.d, 0, "SELECT count(*) FROM deed", ""));
  assert_int_equal(n, db_int(shared.d, 0, "SELECT count(*) FROM deed_fts", ""));
  for (long long y = 2015; y <= 2020; y++)
    assert_true(db_int(shared.d, 0, "SELECT count(*) FROM deed WHERE year=?1", "i", y) > 0);
  assert_int_equal(db_int(shared.d, 0, "SELECT count(*) FROM deed WHERE year NOT BETWEEN 2015 AND 2020", ""), 0);
  assert_int_equal(
      db_int(shared.d, 1, "SELECT count(*) FROM deed WHERE substr(published_at,1,4)<>CAST(year AS TEXT)", ""), 0);
  char *top = db_text(shared.d, "SELECT sector_code FROM deed GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", "");
  char *second =
      db_text(shared.d, "SELECT sector_code FROM deed GROUP BY 1 ORDER BY count(*) DESC LIMIT 1 OFFSET 1", "");
  assert_string_equal(top, "sote");
  assert_string_equal(second, "opetus");
  free(top);
  free(second);
  /* every deed names a registry organisation and that organisation's municipality */
  assert_int_equal(db_int(shared.d, 1,
                          "SELECT count(*) FROM deed d JOIN org o ON o.id=d.org_id"
                          " WHERE d.municipality_code IS NOT o.municipality_code OR d.org_name<>o.name",
                          ""),
                   0);
  assert_int_equal(db_int(shared.d, 1, "SELECT count(*) FROM deed WHERE org_id IS NULL", ""), 0);
  assert_true(db_int(shared.d, 0, "SELECT count(*) FROM deed_theme", "") >= n);
  assert_true(db_int(shared.d, 0, "SELECT count(DISTINCT service) FROM deed", "") >= 4);
  assert_int_equal(db_int(shared.d, 1, "SELECT count(*) FROM deed WHERE contact_email NOT LIKE '%@example.fi'", ""), 0);
  /* inflected Finnish forms are there for search to find */
  assert_true(db_exists(shared.d, "SELECT 1 FROM deed WHERE results LIKE '%kunnissa%'", ""));
  assert_true(db_exists(shared.d, "SELECT 1 FROM deed WHERE starting_point LIKE '%työhyvinvointia%'", ""));
}

/* ---- the programme in action (demo_services.c) ---- */

#define Q(sql) db_int(shared.d, -1, sql, "")

/* The period of a delivery, as the shared contract defines it. */
#define DELIVERY_PERIOD                                                                                                \
  " JOIN funding_period f ON CAST(substr(d.starts_on,1,4) AS INTEGER) BETWEEN f.start_year AND f.end_year"

static void test_services_and_coaches(void **state) {
  /* every service type in both funding periods, with the variants of työpaja and verkosto */
  assert_int_equal(Q("SELECT count(DISTINCT type_code || '/' || period_id) FROM service"), 14);
  assert_int_equal(Q("SELECT count(DISTINCT variant) FROM service WHERE type_code='tyopaja'"), 3);
  assert_int_equal(Q("SELECT count(DISTINCT variant) FROM service WHERE type_code='verkosto'"), 3);
  assert_int_equal(Q("SELECT count(*) FROM service s JOIN service_type t ON t.code=s.type_code"
                     " WHERE s.counts<>t.counts OR (s.variant<>'' AND instr(t.variants, s.variant)=0)"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM service WHERE description='' OR capacity IS NULL"
                     " OR NOT EXISTS(SELECT 1 FROM service_theme st WHERE st.service_id=service.id)"),
                   0);
  assert_int_equal(shared_sum.programme.services, Q("SELECT count(*) FROM service"));
  long long coaches = Q("SELECT count(*) FROM coach");
  assert_in_range(coaches, 12, 15);
  assert_int_equal(shared_sum.programme.coaches, coaches);
  assert_in_range(Q("SELECT count(*) FROM coach WHERE languages LIKE '%sv%'"), 2, 5);
  assert_int_equal(Q("SELECT count(*) FROM coach WHERE bio='' OR company=''"
                     " OR NOT EXISTS(SELECT 1 FROM coach_theme x WHERE x.coach_id=coach.id)"
                     " OR NOT EXISTS(SELECT 1 FROM coach_region x WHERE x.coach_id=coach.id)"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM coach WHERE email NOT LIKE '%@example.com'"), 0);
}

static void test_deliveries(void **state) {
  long long n = Q("SELECT count(*) FROM delivery");
  assert_int_equal(n, shared_sum.programme.deliveries);
  assert_in_range(Q("SELECT count(*) FROM delivery d JOIN service s ON s.id=d.service_id"
                    " WHERE s.type_code='sparraus' AND d.starts_on BETWEEN '2018' AND '2021'"),
                  90, 110);
  assert_in_range(Q("SELECT count(*) FROM delivery d JOIN service s ON s.id=d.service_id"
                    " WHERE s.type_code='sparraus' AND d.starts_on < '2018'"),
                  20, 60);
  assert_int_equal(Q("SELECT count(DISTINCT s.type_code) FROM delivery d JOIN service s ON s.id=d.service_id"), 7);
  /* each delivery lies in its service's period, has sessions on its dates, and a place or remote */
  assert_int_equal(Q("SELECT count(*) FROM delivery d JOIN service s ON s.id=d.service_id" DELIVERY_PERIOD
                     " WHERE f.id<>s.period_id"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM delivery d WHERE NOT EXISTS(SELECT 1 FROM delivery_session x"
                     " WHERE x.delivery_id=d.id AND x.number=1 AND x.held_on=d.starts_on)"
                     " OR (SELECT max(held_on) FROM delivery_session x WHERE x.delivery_id=d.id)<>d.ends_on"
                     " OR (d.remote=0 AND d.place='')"),
                   0);
  assert_true(Q("SELECT count(*) FROM delivery WHERE remote=1") > 30);
  /* sparraus: one organisation, a coach and the approved application it came from */
  assert_int_equal(Q("SELECT count(*) FROM delivery d JOIN service s ON s.id=d.service_id WHERE s.type_code='sparraus'"
                     " AND ((SELECT count(*) FROM delivery_org o WHERE o.delivery_id=d.id)<>1 OR d.coach_id IS NULL"
                     " OR d.application_id IS NULL)"),
                   0);
  assert_true(Q("SELECT count(*) FROM delivery d JOIN service s ON s.id=d.service_id WHERE s.type_code='tyopaja'"
                " AND (SELECT count(*) FROM delivery_org o WHERE o.delivery_id=d.id)>1") > 10);
  assert_int_equal(Q("SELECT count(*) FROM delivery WHERE ref IS NULL"), 0);
}

static void test_reach(void **state) {
  static const char reached[] = "SELECT count(DISTINCT o) FROM ("
                                " SELECT d.starts_on AS s, x.org_id AS o FROM delivery d"
                                "  JOIN delivery_org x ON x.delivery_id=d.id"
                                " UNION SELECT d.starts_on, p.org_id FROM participation pa"
                                "  JOIN person p ON p.id=pa.person_id JOIN delivery d ON d.id=pa.delivery_id)"
                                " WHERE s BETWEEN ?1 AND ?2";
  assert_in_range(db_int(shared.d, 0, reached, "tt", "2015", "2018"), 170, 195);
  assert_in_range(db_int(shared.d, 0, reached, "tt", "2018", "2021"), 135, 160);
  assert_in_range(db_int(shared.d, 0, reached, "tt", "2015", "2021"), 230, 247);
  /* wellbeing counties began after the programme */
  assert_int_equal(Q("SELECT count(*) FROM person p JOIN org o ON o.id=p.org_id WHERE o.type='hyvinvointialue'"), 0);
}

static void test_people(void **state) {
  long long people = Q("SELECT count(*) FROM person");
  assert_int_equal(people, shared_sum.programme.people);
  assert_in_range(people, 9000, 11500);
  assert_int_equal(Q("SELECT count(*) FROM person WHERE email NOT LIKE '%@example.%' OR name NOT LIKE '% %'"
                     " OR occupation='' OR sector_code IS NULL OR org_id IS NULL"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM person p WHERE NOT EXISTS(SELECT 1 FROM participation x"
                     " WHERE x.person_id=p.id)"),
                   0);
  assert_true(Q("SELECT count(*) FROM person WHERE email GLOB '*[0-9]@*'") > 0); /* namesakes get a number */
  /* ESF participants: about 5,000, about 80 % employees, the rest mostly management and supervisors */
  long long esf = Q("SELECT count(DISTINCT person_id) FROM esf_start");
  assert_in_range(esf, 4500, 5500);
  long long employees = Q("SELECT count(*) FROM person p WHERE EXISTS(SELECT 1 FROM esf_start e WHERE e.person_id=p.id)"
                          " AND (SELECT role FROM participation x WHERE x.person_id=p.id LIMIT 1)='tyontekija'");
  assert_in_range(employees * 100 / esf, 75, 85);
  long long reps = Q("SELECT count(DISTINCT person_id) FROM participation WHERE role='edustaja'");
  assert_true(reps > 50 && reps < esf / 10);
  /* event attendees: about 5,000 more, counted by the shared rule */
  assert_in_range(Q("SELECT count(DISTINCT pa.person_id) FROM participation pa JOIN delivery d ON d.id=pa.delivery_id"
                    " JOIN service s ON s.id=d.service_id" DELIVERY_PERIOD
                    " WHERE s.counts='attendee' AND NOT EXISTS(SELECT 1 FROM esf_start e"
                    "  WHERE e.person_id=pa.person_id AND e.period_id=f.id)"),
                  4500, 5500);
  /* the same person in two services is one person and two participations */
  assert_true(Q("SELECT count(*) FROM (SELECT person_id FROM participation GROUP BY 1 HAVING count(*)>1)") > 300);
}

static void test_attendance(void **state) {
  assert_int_equal(Q("SELECT count(*) FROM attendance"), shared_sum.programme.attendances);
  /* everyone came at least once, and only to sessions of their own delivery */
  assert_int_equal(Q("SELECT count(*) FROM participation pa WHERE NOT EXISTS(SELECT 1 FROM attendance a"
                     " WHERE a.participation_id=pa.id)"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM attendance a JOIN participation pa ON pa.id=a.participation_id"
                     " JOIN delivery_session x ON x.id=a.session_id WHERE x.delivery_id<>pa.delivery_id"),
                   0);
  /* most participants attend most sessions */
  long long possible = Q("SELECT sum((SELECT count(*) FROM delivery_session x WHERE x.delivery_id=pa.delivery_id))"
                         " FROM participation pa");
  long long present = Q("SELECT count(*) FROM attendance");
  assert_in_range(present * 100 / possible, 80, 99);
}

static void test_esf_rules(void **state) {
  assert_int_equal(Q("SELECT count(*) FROM esf_start"), shared_sum.programme.esf_starts);
  /* one start record per person per period; only for people in a service that counts participants, in that
   * period; the entry is the start of their first such delivery, the exit the end of their last */
  assert_int_equal(Q("SELECT count(*) FROM (SELECT 1 FROM esf_start GROUP BY person_id, period_id HAVING count(*)>1)"),
                   0);
  static const char in_period[] = " FROM participation pa JOIN delivery d ON d.id=pa.delivery_id"
                                  " JOIN service s ON s.id=d.service_id" DELIVERY_PERIOD
                                  " WHERE pa.person_id=e.person_id AND f.id=e.period_id AND s.counts='participant'";
  char *sql = buf_mprintf("SELECT count(*) FROM esf_start e WHERE e.entry_date<>(SELECT min(d.starts_on)%r)"
                          " OR e.exit_date<>(SELECT max(d.ends_on)%r)",
                          in_period, in_period);
  assert_int_equal(db_int(shared.d, -1, sql, ""), 0);
  free(sql);
  assert_int_equal(Q("SELECT count(*) FROM participation pa JOIN delivery d ON d.id=pa.delivery_id"
                     " JOIN service s ON s.id=d.service_id" DELIVERY_PERIOD
                     " WHERE s.counts='participant' AND NOT EXISTS(SELECT 1 FROM esf_start e"
                     "  WHERE e.person_id=pa.person_id AND e.period_id=f.id)"),
                   0);
  /* attendees without any participant service have no ESF record at all */
  long long attendee_only = Q("SELECT count(*) FROM person p WHERE NOT EXISTS(SELECT 1 FROM participation pa"
                              " JOIN delivery d ON d.id=pa.delivery_id JOIN service s ON s.id=d.service_id"
                              " WHERE pa.person_id=p.id AND s.counts='participant')");
  assert_true(attendee_only > 4000);
  assert_int_equal(Q("SELECT count(*) FROM esf_start e WHERE NOT EXISTS(SELECT 1 FROM participation pa"
                     " JOIN delivery d ON d.id=pa.delivery_id JOIN service s ON s.id=d.service_id"
                     " WHERE pa.person_id=e.person_id AND s.counts='participant')"),
                   0);
  /* ages: at least 15 always, working age nearly always; the age matches the birth date */
  assert_int_equal(Q("SELECT count(*) FROM esf_start WHERE age_at_entry < 15"), 0);
  long long n = Q("SELECT count(*) FROM esf_start WHERE age_at_entry IS NOT NULL");
  assert_true(Q("SELECT count(*) FROM esf_start WHERE age_at_entry BETWEEN 20 AND 64") * 100 >= n * 97);
  assert_int_equal(
      Q("SELECT count(*) FROM esf_start WHERE (birth_date IS NULL) <> (age_at_entry IS NULL)"
        " OR age_at_entry <> CAST(substr(entry_date,1,4) AS INTEGER) - CAST(substr(birth_date,1,4) AS INTEGER)"
        "  - (substr(entry_date,6) < substr(birth_date,6))"),
      0);
  assert_in_range(Q("SELECT count(*) FROM esf_start WHERE birth_date IS NULL") * 100 / n, 1, 6);
  /* mostly women, nearly all employed, education mixed; "prefer not to say" answers in every sensitive item */
  long long all = Q("SELECT count(*) FROM esf_start");
  assert_in_range(Q("SELECT count(*) FROM esf_start WHERE gender='nainen'") * 100 / all, 65, 85);
  assert_true(Q("SELECT count(*) FROM esf_start WHERE labour='tyollinen'") * 100 >= all * 95);
  /* literals: the statement cache is keyed by the SQL text's address (db.c) */
  assert_true(Q("SELECT count(*) FROM esf_start WHERE gender='eos'") > 0);
  assert_true(Q("SELECT count(*) FROM esf_start WHERE labour='eos'") > 0);
  assert_true(Q("SELECT count(*) FROM esf_start WHERE education='eos'") > 0);
  assert_true(Q("SELECT count(*) FROM esf_start WHERE exit_status='eos'") > 0);
  for (const char *const *v = (const char *const[]){"isced12", "isced34", "isced58", NULL}; *v; v++)
    assert_true(db_int(shared.d, 0, "SELECT count(*) FROM esf_start WHERE education=?1", "t", *v) > all / 50);
  /* every delivery is over: every start has its end record */
  assert_int_equal(Q("SELECT count(*) FROM esf_start WHERE exit_date IS NULL OR exit_date < entry_date"), 0);
  /* the Annex I items: most answer, some prefer not to say, a few "kylla"; the follow-ups only where they are asked;
   * some leavers gained a qualification */
  static const char *const items[][2] = {
      {"disability", "SELECT count(*) FROM esf_start WHERE disability = ?1"},
      {"migrant", "SELECT count(*) FROM esf_start WHERE migrant = ?1"},
      {"disadvantaged", "SELECT count(*) FROM esf_start WHERE disadvantaged = ?1"},
      {"exit_qualification", "SELECT count(*) FROM esf_start WHERE exit_qualification = ?1"}};
  for (size_t k = 0; k < sizeof items / sizeof items[0]; k++) {
    long long yes = db_int(shared.d, 0, items[k][1], "t", "kylla"), no = db_int(shared.d, 0, items[k][1], "t", "ei"),
              eos = db_int(shared.d, 0, items[k][1], "t", "eos");
    if (!(yes > 0 && yes * 10 < all && eos > 0 && no * 100 > all * 75))
      fail_msg("%s: %lld kylla, %lld ei, %lld eos of %lld", items[k][0], yes, no, eos, all);
  }
  assert_int_equal(Q("SELECT count(*) FROM esf_start WHERE (unemployed_for IS NOT NULL) <> (labour = 'tyoton')"), 0);
  assert_int_equal(Q("SELECT count(*) FROM esf_start WHERE in_education IS NOT NULL AND labour <> 'ulkopuolella'"), 0);
  assert_true(Q("SELECT count(*) FROM esf_start WHERE in_education = 'ei'") > 0);
}

static void test_applications_and_targets(void **state) {
  assert_int_equal(Q("SELECT count(*) FROM application"), shared_sum.programme.applications);
  for (const char *const *v = (const char *const[]){"submitted", "approved", "rejected", "cancelled", NULL}; *v; v++)
    assert_true(db_int(shared.d, 0, "SELECT count(*) FROM application WHERE status=?1", "t", *v) > 0);
  /* approved: exactly the deliveries' applications; rejected and cancelled: with a reason */
  assert_int_equal(Q("SELECT count(*) FROM application a WHERE (a.status='approved') <>"
                     " EXISTS(SELECT 1 FROM delivery d WHERE d.application_id=a.id)"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM application WHERE status IN ('rejected','cancelled') AND reason=''"), 0);
  assert_int_equal(Q("SELECT count(*) FROM application WHERE need='' OR n_johto+n_esihenkilo+n_tyontekija=0"
                     " OR NOT EXISTS(SELECT 1 FROM application_theme t WHERE t.application_id=application.id)"),
                   0);
  /* the history: submitted first, then the decision as the last event, by someone */
  assert_int_equal(Q("SELECT count(*) FROM application a WHERE"
                     " (SELECT status FROM application_event e WHERE e.application_id=a.id ORDER BY id LIMIT 1)"
                     "  <> 'submitted'"
                     " OR (SELECT status FROM application_event e WHERE e.application_id=a.id ORDER BY id DESC"
                     "  LIMIT 1) <> a.status"
                     " OR EXISTS(SELECT 1 FROM application_event e WHERE e.application_id=a.id AND e.actor='')"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM application a JOIN delivery d ON d.application_id=a.id"
                     " WHERE a.updated_at >= d.starts_on"),
                   0);
  assert_int_equal(
      db_int(shared.d, 0, "SELECT value FROM target WHERE metric=?1 AND period_id=0", "t", "organisations"), 240);
  assert_int_equal(db_int(shared.d, 0, "SELECT value FROM target WHERE metric=?1 AND period_id=0", "t", "participants"),
                   5000);
  assert_int_equal(db_int(shared.d, 0, "SELECT value FROM target WHERE metric=?1 AND period_id=0", "t", "attendees"),
                   5000);
  assert_int_equal(Q("SELECT count(DISTINCT period_id) FROM target WHERE period_id IN (SELECT id FROM funding_period)"),
                   2);
  /* targets by year, by service type and for ESF indicators, every one of them valid and counted */
  assert_true(Q("SELECT count(DISTINCT year) FROM target WHERE year > 0") >= 6);
  assert_true(Q("SELECT count(*) FROM target WHERE service_type <> ''") >= 4);
  assert_true(Q("SELECT count(*) FROM target WHERE metric LIKE 'C%'") >= 3);
  arena a = {0};
  int n = 0;
  const report_data *rd = report_get(shared.d);
  report_goal *g = report_goals(shared.d, &a, &n);
  for (int i = 0; i < n; i++) {
    kerr e = {0};
    if (report_goal_check(rd, &g[i], &e) != K_OK) fail_msg("target %s: %s", g[i].metric, e.msg);
    assert_true(report_goal_actual(rd, &g[i]) >= 0);
  }
  arena_free(&a);
}

/* ---- the 2019 award round (demo_award.c) ---- */

/* A juror's conflicts as the data gives them (model/award.h): the juror's organisation is the deed's, or the juror's
 * coach profile coached a delivery of the deed's organisation. Columns user_id, deed_id, kind. */
#define FOUND_CONFLICTS                                                                                                \
  "SELECT u.id AS user_id, d.id AS deed_id, 'org' AS kind FROM user u JOIN deed d ON d.org_id=u.org_id"                \
  " WHERE u.role='jury' AND d.id IN (SELECT deed_id FROM award_nomination)"                                            \
  " UNION SELECT u.id, d.id, 'coach' FROM user u JOIN delivery dl ON dl.coach_id=u.coach_id"                           \
  " JOIN delivery_org x ON x.delivery_id=dl.id JOIN deed d ON d.org_id=x.org_id"                                       \
  " WHERE u.role='jury' AND d.id IN (SELECT deed_id FROM award_nomination)"

static void test_award_round(void **state) {
  assert_int_equal(Q("SELECT count(*) FROM award_round"), 1);
  assert_int_equal(Q("SELECT count(*) FROM award_round WHERE year=2019 AND published_at IS NOT NULL"
                     " AND notified_at IS NOT NULL AND chair_id IS NOT NULL AND intro<>'' AND intro_sv<>''"
                     " AND intro_en<>''"),
                   1);
  assert_int_equal(Q("SELECT count(*) FROM award_category WHERE name IN ('Viestintäteko', 'Teknologiateko',"
                     " 'Ympäristöteko', 'Tasa-arvoteko', 'Kunniamaininta')"),
                   5);
  assert_int_equal(Q("SELECT count(*) FROM award_category"), 5);
  assert_int_equal(Q("SELECT count(*) FROM award_category WHERE name_sv='' OR name_en='' OR description=''"
                     " OR description_sv='' OR description_en=''"),
                   0);
  assert_in_range(Q("SELECT count(*) FROM award_criterion"), 3, 4);
  assert_int_equal(Q("SELECT count(*) FROM award_criterion WHERE name_sv='' OR name_en='' OR description=''"), 0);
  assert_true(Q("SELECT count(DISTINCT weight) FROM award_criterion") > 1);
  /* 212 published deeds nominated, a few public suggestions among them, some declined */
  assert_int_equal(Q("SELECT count(*) FROM award_nomination WHERE status='nominated'"), 212);
  assert_int_equal(Q("SELECT count(DISTINCT deed_id) FROM award_nomination WHERE status='nominated'"), 212);
  assert_int_equal(Q("SELECT count(*) FROM award_nomination n JOIN deed d ON d.id=n.deed_id"
                     " WHERE d.status<>'published' OR d.published_at >= '2019-10-01'"),
                   0);
  assert_true(Q("SELECT count(*) FROM award_nomination WHERE status='nominated' AND suggester_email<>''") > 10);
  assert_true(Q("SELECT count(*) FROM award_nomination WHERE status='declined' AND decline_reason<>''") > 0);
  assert_int_equal(Q("SELECT count(*) FROM award_nomination WHERE status<>'nominated' AND result IS NOT NULL"), 0);
  assert_int_equal(Q("SELECT count(*) FROM award_category k WHERE (SELECT count(*) FROM award_nomination n"
                     " WHERE n.category_id=k.id AND n.status='nominated') < 20"),
                   0);
  /* 41 decided, each with its citation in three languages; the mentions' category has only mentions */
  assert_int_equal(Q("SELECT count(*) FROM award_nomination WHERE result IS NOT NULL"), 41);
  assert_int_equal(Q("SELECT count(*) FROM award_nomination WHERE result IS NOT NULL"
                     " AND (citation='' OR citation_sv='' OR citation_en='')"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM award_nomination n JOIN award_category k ON k.id=n.category_id"
                     " WHERE k.name='Kunniamaininta' AND n.result='award'"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM outbox"), 0); /* the demo sends no mail */
  assert_int_equal(shared_sum.awards.nominations, 212);
  assert_int_equal(shared_sum.awards.awards + shared_sum.awards.mentions, 41);
  /* as the model reads it */
  arena a = {0};
  award_round *r = award_round_by_year(shared.d, &a, 2019, "sv");
  assert_non_null(r);
  assert_int_equal(r->nnominated, 212);
  assert_int_equal(r->nawards + r->nmentions, 41);
  assert_int_equal(r->njurors, 8);
  assert_int_equal(r->ncategories, 5);
  assert_string_equal(r->chair_name, "Leena Hirvonen");
  int n = 0;
  award_category *k = award_categories(shared.d, &a, r->id, "sv", &n);
  assert_int_equal(n, 5);
  assert_string_equal(k[0].name[1], "Kommunikationsgärning");
  arena_free(&a);
}

static void test_award_jury_and_conflicts(void **state) {
  assert_int_equal(Q("SELECT count(*) FROM user WHERE role='jury'"), 8);
  assert_int_equal(Q("SELECT count(*) FROM user WHERE role='jury' AND (password_hash<>'' OR active<>1"
                     " OR email NOT LIKE '%@example.fi' OR name NOT LIKE '% %')"),
                   0);
  assert_int_equal(Q("SELECT count(DISTINCT user_id) FROM award_juror"), 8);
  assert_int_equal(Q("SELECT count(*) FROM award_round r WHERE NOT EXISTS(SELECT 1 FROM award_juror j"
                     " WHERE j.user_id=r.chair_id)"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM award_category k WHERE (SELECT count(*) FROM award_juror j"
                     " WHERE j.category_id=k.id) < 3"),
                   0);
  /* jurors whose organisation or coaching meets the nominated deeds: Kehto finds both kinds from the data */
  assert_true(Q("SELECT count(DISTINCT user_id) FROM (" FOUND_CONFLICTS ") x WHERE kind='org'") >= 2);
  assert_true(Q("SELECT count(DISTINCT user_id) FROM (" FOUND_CONFLICTS ") x WHERE kind='coach'") >= 1);
  /* each recorded with its reason, and each juror hidden from at least what the data says */
  assert_int_equal(Q("SELECT count(*) FROM (" FOUND_CONFLICTS ") x WHERE NOT EXISTS(SELECT 1 FROM award_conflict c"
                     " WHERE c.user_id=x.user_id AND c.deed_id=x.deed_id AND c.kind=x.kind)"),
                   0);
  assert_int_equal(
      Q("SELECT count(*) FROM award_conflict WHERE kind<>'declared' AND NOT EXISTS(SELECT 1 FROM (" FOUND_CONFLICTS
        ") x WHERE x.user_id=award_conflict.user_id"
        " AND x.deed_id=award_conflict.deed_id AND x.kind=award_conflict.kind)"),
      0);
  assert_int_equal(Q("SELECT count(*) FROM award_conflict WHERE kind='org'"
                     " AND reason NOT LIKE 'Tuomarin organisaatio on teon organisaatio: %'"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM award_conflict WHERE kind='coach'"
                     " AND reason NOT LIKE 'Tuomarin valmentajaprofiili % valmensi organisaatiota % (toteutus %)'"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM award_conflict WHERE kind='declared' AND reason<>''"), 2);
  assert_int_equal(shared_sum.awards.conflicts, Q("SELECT count(*) FROM award_conflict"));
  /* a conflict hides the deed from the juror's scores, in their own categories too */
  assert_true(Q("SELECT count(*) FROM award_conflict c JOIN award_nomination n ON n.deed_id=c.deed_id"
                " JOIN award_juror j ON j.category_id=n.category_id AND j.user_id=c.user_id"
                " WHERE c.kind='org'") >= 2);
  assert_true(Q("SELECT count(*) FROM award_conflict c JOIN award_nomination n ON n.deed_id=c.deed_id"
                " JOIN award_juror j ON j.category_id=n.category_id AND j.user_id=c.user_id"
                " WHERE c.kind='coach'") >= 1);
  assert_int_equal(Q("SELECT count(*) FROM award_score s JOIN award_nomination n ON n.id=s.nomination_id"
                     " WHERE EXISTS(SELECT 1 FROM award_conflict c WHERE c.user_id=s.user_id AND c.deed_id=n.deed_id)"
                     " OR EXISTS(SELECT 1 FROM (" FOUND_CONFLICTS ") x WHERE x.user_id=s.user_id"
                     " AND x.deed_id=n.deed_id)"),
                   0);
}

static void test_award_scores_and_decisions(void **state) {
  /* every juror scored every criterion of every nomination of their categories not hidden from them, and no other */
  assert_int_equal(Q("SELECT count(*) FROM award_juror j JOIN award_nomination n ON n.category_id=j.category_id"
                     " AND n.status='nominated' JOIN award_criterion k ON k.round_id=n.round_id"
                     " WHERE NOT EXISTS(SELECT 1 FROM award_conflict c WHERE c.user_id=j.user_id"
                     " AND c.deed_id=n.deed_id) AND NOT EXISTS(SELECT 1 FROM award_score s"
                     " WHERE s.nomination_id=n.id AND s.criterion_id=k.id AND s.user_id=j.user_id)"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM award_score s JOIN award_nomination n ON n.id=s.nomination_id"
                     " WHERE NOT EXISTS(SELECT 1 FROM award_juror j WHERE j.category_id=n.category_id"
                     " AND j.user_id=s.user_id)"),
                   0);
  assert_int_equal(shared_sum.awards.scores, Q("SELECT count(*) FROM award_score"));
  assert_true(Q("SELECT count(*) FROM award_score WHERE comment<>''") > 10);
  /* a strict and a lenient juror: their means are half a point or more apart */
  assert_true(Q("SELECT CAST(100 * (max(m) - min(m)) AS INTEGER) FROM (SELECT avg(score) AS m FROM award_score"
                " GROUP BY user_id) x") >= 50);
  /* a few disagreements of two points or more on a criterion: flagged for the chair */
  long long flagged = Q("SELECT count(DISTINCT nomination_id) FROM (SELECT nomination_id FROM award_score"
                        " GROUP BY nomination_id, criterion_id HAVING max(score) - min(score) >= 2) x");
  assert_int_equal(flagged, shared_sum.awards.disagreements);
  assert_in_range(flagged, 5, 212 * 30 / 100);
  /* decisions follow the scores: in every category the decided ones score better than the rest on average, and
   * nothing unscored is decided */
  assert_int_equal(Q("SELECT count(*) FROM award_nomination n WHERE n.result IS NOT NULL"
                     " AND NOT EXISTS(SELECT 1 FROM award_score s WHERE s.nomination_id=n.id)"),
                   0);
  assert_int_equal(Q("SELECT count(*) FROM award_category k WHERE"
                     " (SELECT avg(s.score) FROM award_score s JOIN award_nomination n ON n.id=s.nomination_id"
                     "  WHERE n.category_id=k.id AND n.result IS NOT NULL)"
                     " <= (SELECT avg(s.score) + 0.5 FROM award_score s JOIN award_nomination n"
                     "  ON n.id=s.nomination_id WHERE n.category_id=k.id AND n.result IS NULL)"),
                   0);
  /* awards above mentions in each category */
  assert_int_equal(Q("SELECT count(*) FROM award_category k WHERE"
                     " (SELECT avg(s.score) FROM award_score s JOIN award_nomination n ON n.id=s.nomination_id"
                     "  WHERE n.category_id=k.id AND n.result='award')"
                     " < (SELECT avg(s.score) FROM award_score s JOIN award_nomination n"
                     "  ON n.id=s.nomination_id WHERE n.category_id=k.id AND n.result='mention')"),
                   0);
}

/* A fingerprint of the programme's people and records, to compare two builds. */
static char *programme_digest(db *d) {
  return db_text(
      d,
      "SELECT (SELECT group_concat(email || name || occupation, '|') FROM (SELECT * FROM person ORDER BY id))"
      " || (SELECT group_concat(ref || starts_on || coalesce(coach_id, ''), '|')"
      "      FROM (SELECT * FROM delivery ORDER BY id))"
      " || (SELECT group_concat(person_id || entry_date || coalesce(birth_date, '') || gender || education,"
      "      '|') FROM (SELECT * FROM esf_start ORDER BY id))"
      " || (SELECT count(*) FROM attendance) || (SELECT group_concat(status, '') FROM application)"
      " || (SELECT group_concat(nomination_id || '.' || criterion_id || '.' || user_id || '=' || score, '|')"
      "      FROM (SELECT * FROM award_score ORDER BY nomination_id, criterion_id, user_id))"
      " || (SELECT group_concat(deed_id || coalesce(result, '-') || citation, '|')"
      "      FROM (SELECT * FROM award_nomination ORDER BY id))"
      " || (SELECT group_concat(name || coalesce(org_id, '') || coalesce(coach_id, ''), '|')"
      "      FROM (SELECT * FROM user ORDER BY id))",
      "");
}

static char *all_titles(db *d) {
  return db_text(d, "SELECT group_concat(title, '|') FROM (SELECT title FROM deed ORDER BY id)", "");
}

static void test_deterministic_and_refdata_loaded(void **state) {
  tmpdb a, b;
  tmp_open(&a, 0); /* no reference data: demo loads it */
  tmp_open(&b, 0);
  kerr e = {0};
  assert_int_equal(demo_build(a.d, DEMO_DEFAULT_SEED, NULL, &e), K_OK);
  assert_int_equal(demo_build(b.d, 7, NULL, &e), K_OK);
  char *t0 = all_titles(shared.d), *ta = all_titles(a.d), *tb = all_titles(b.d);
  assert_string_equal(t0, ta);
  assert_true(strcmp(t0, tb) != 0);
  char *y0 = db_text(shared.d, "SELECT group_concat(ytunnus, ',') FROM (SELECT ytunnus FROM org ORDER BY id)", "");
  char *ya = db_text(a.d, "SELECT group_concat(ytunnus, ',') FROM (SELECT ytunnus FROM org ORDER BY id)", "");
  assert_string_equal(y0, ya);
  char *p0 = programme_digest(shared.d), *pa = programme_digest(a.d), *pb = programme_digest(b.d);
  assert_true(strlen(p0) > 100000);
  assert_string_equal(p0, pa);
  assert_true(strcmp(p0, pb) != 0);
  free(p0);
  free(pa);
  free(pb);
  free(t0);
  free(ta);
  free(tb);
  free(y0);
  free(ya);
  tmpdb_close(&a);
  tmpdb_close(&b);
  kerr_clear(&e);
}

static void test_second_demo_refuses(void **state) {
  kerr e = {0};
  long long before = db_int(shared.d, 0, "SELECT count(*) FROM deed", "");
  assert_int_equal(demo_build(shared.d, DEMO_DEFAULT_SEED, NULL, &e), K_ERR);
  assert_non_null(e.msg);
  assert_non_null(strstr(e.msg, "already has data"));
  assert_int_equal(db_int(shared.d, 0, "SELECT count(*) FROM deed", ""), before);
  kerr_clear(&e);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_frame),
      cmocka_unit_test(test_programme_pages),
      cmocka_unit_test(test_registry),
      cmocka_unit_test(test_deeds),
      cmocka_unit_test(test_services_and_coaches),
      cmocka_unit_test(test_deliveries),
      cmocka_unit_test(test_reach),
      cmocka_unit_test(test_people),
      cmocka_unit_test(test_attendance),
      cmocka_unit_test(test_esf_rules),
      cmocka_unit_test(test_applications_and_targets),
      cmocka_unit_test(test_award_round),
      cmocka_unit_test(test_award_jury_and_conflicts),
      cmocka_unit_test(test_award_scores_and_decisions),
      cmocka_unit_test(test_deterministic_and_refdata_loaded),
      cmocka_unit_test(test_second_demo_refuses),
  };
  return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
