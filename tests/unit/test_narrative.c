/* Unit tests for model/report_template and report/narrative: texts per kind, year and language (a year's own text
 * replacing the one for every year, a blank text removing it, bad keys and unknown figures refused with nothing
 * stored, audited), the {{report.…}} figures and the {{table:…}}/{{chart:…}} blocks (alone on a line, unknown names
 * and misplaced ones named, line numbers kept), the report's scope and parts, and the HTML and PDF writers. */
#include "testdb.h"

#include <stdio.h>

#include "model/report_template.h"
#include "report/narrative.h"

#define FIXTURE "tests/fixtures/stats.sql" /* periods 2015–2017 and 2018–2020; deliveries in 2016 and 2019 */

static arena ta;

static int setup(void **state) {
  db *d = testdb_open();
  testdb_script_file(d, FIXTURE);
  *state = d;
  return 0;
}

static int teardown(void **state) {
  db_close(*state);
  arena_free(&ta);
  return 0;
}

/* 1 when the problems in e mention s. */
static int names(const kerr *e, const char *s) {
  for (const kerr *k = e; k && k->msg; k = k->next)
    if (strstr(k->msg, s)) return 1;
  return 0;
}

static void test_templates(void **state) {
  db *d = *state;
  kerr e = {0};
  assert_null(rtemplate_get(d, &ta, "annual", 0, "fi"));
  assert_string_equal(rtemplate_effective(d, &ta, "annual", 2019, "fi", NULL), "");
  assert_int_equal(rtemplate_save(d, &ta, "annual", 0, "fi", "# Vuosi {{report.year}}", "s@x.fi", "body", &e), K_OK);
  assert_int_equal(rtemplate_save(d, &ta, "annual", 2019, "fi", "Oma {{report.year}}", "s@x.fi", "body", &e), K_OK);
  assert_int_equal(rtemplate_save(d, &ta, "final", 0, "sv", "Slut {{report.participants}}", "s@x.fi", "b", &e), K_OK);
  int own = -1;
  assert_string_equal(rtemplate_effective(d, &ta, "annual", 2019, "fi", &own), "Oma {{report.year}}");
  assert_int_equal(own, 1);
  assert_string_equal(rtemplate_effective(d, &ta, "annual", 2016, "fi", &own), "# Vuosi {{report.year}}");
  assert_int_equal(own, 0);
  assert_string_equal(rtemplate_effective(d, &ta, "annual", 2016, "sv", &own), ""); /* no Swedish text */
  assert_string_equal(rtemplate_effective(d, &ta, "final", 2019, "sv", NULL), "Slut {{report.participants}}");
  int n = 0;
  rtemplate *all = rtemplate_list(d, &ta, &n);
  assert_int_equal(n, 3);
  assert_string_equal(all[0].kind, "annual");
  assert_int_equal(all[1].year, 2019);
  assert_string_equal(all[2].lang, "sv");
  assert_string_equal(all[2].updated_by, "s@x.fi");
  /* a blank text removes the year's own: the text for every year applies again */
  assert_int_equal(rtemplate_save(d, &ta, "annual", 2019, "fi", "  \n", "s@x.fi", "body", &e), K_OK);
  assert_null(rtemplate_get(d, &ta, "annual", 2019, "fi"));
  assert_string_equal(rtemplate_effective(d, &ta, "annual", 2019, "fi", NULL), "# Vuosi {{report.year}}");
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM audit WHERE subject = 'report_template'", ""), 4);
}

static void test_template_refused(void **state) {
  db *d = *state;
  kerr e = {0};
  assert_int_equal(rtemplate_save(d, &ta, "weekly", 0, "fi", "x", "s", "body", &e), K_ERR);
  assert_non_null(strstr(e.msg, "annual tai final"));
  kerr_clear(&e);
  assert_int_equal(rtemplate_save(d, &ta, "annual", 0, "en", "x", "s", "body", &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(rtemplate_save(d, &ta, "final", 2019, "fi", "x", "s", "body", &e), K_ERR); /* no year */
  kerr_clear(&e);
  assert_int_equal(rtemplate_save(d, &ta, "annual", 0, "fi", "Bad \xff", "s", "body", &e), K_ERR);
  assert_string_equal(e.field, "body");
  kerr_clear(&e);
  const char *bad = "# A\n\n{{stats.nope}} {{report.bogus}}\n\n{{table:nope}}\n";
  assert_int_equal(rtemplate_save(d, &ta, "annual", 0, "fi", bad, "s", "body", &e), K_ERR);
  assert_string_equal(e.field, "body");
  assert_non_null(strstr(e.msg, "tuntematon luku {{stats.nope}}"));
  assert_non_null(strstr(e.msg, "tuntematon luku {{report.bogus}}"));
  assert_non_null(strstr(e.msg, "tuntematon taulukko {{table:nope}}"));
  kerr_clear(&e);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM report_template", ""), 0); /* nothing stored */
}

static void test_blocks(void **state) {
  db *d = *state;
  kerr e = {0};
  const char *good = "# A\n\n{{table:service_type}}\n\n  {{ chart:region }}  \n\nVuonna {{report.year}}: "
                     "{{report.year.organisations}}, {{report.period}}, {{report.participants}}.\n\n{{table:key}}\n";
  if (narrative_check(d, &ta, "annual", 0, good, &e) != K_OK) fail_msg("%s", e.msg);
  assert_null(e.msg);
  /* the text for every year: a year row's figure is checked by its column, as the last year may have no row yet */
  assert_int_equal(narrative_check(d, &ta, "annual", 0, "{{report.year.peoplez}}", &e), K_ERR);
  assert_true(names(&e, "tuntematon luku {{report.year.peoplez}} (taulukossa year ei ole saraketta peoplez)"));
  kerr_clear(&e);
  assert_int_equal(narrative_check(d, &ta, "annual", 2020, "{{report.year.people}}", &e), K_ERR);
  assert_true(names(&e, "ei ole riviä 2020")); /* a year's own text: its row must exist */
  kerr_clear(&e);
  assert_int_equal(narrative_check(d, &ta, "annual", 0, "Teksti {{table:year}} keskellä\n", &e), K_ERR);
  assert_true(names(&e, "{{table:year}} pitää kirjoittaa omalle rivilleen"));
  kerr_clear(&e);
  assert_int_equal(narrative_check(d, &ta, "annual", 0, "{{chart:key}}\n\n{{chart:nope}}\n", &e), K_ERR);
  assert_true(names(&e, "tuntematon kaavio {{chart:key}}")); /* key figures have no chart */
  assert_true(names(&e, "tuntematon kaavio {{chart:nope}}"));
  kerr_clear(&e);
  /* the final report has no year */
  assert_int_equal(narrative_check(d, &ta, "final", 0, "{{report.year}} {{report.year.people}}\n", &e), K_ERR);
  assert_true(names(&e, "{{report.year}}"));
  assert_true(names(&e, "{{report.year.people}}"));
  kerr_clear(&e);
  /* a block line keeps the line count: the unclosed {{ is on line 3 */
  assert_int_equal(narrative_check(d, &ta, "annual", 2019, "A\n{{table:year}}\nB {{stats.deeds\n", &e), K_ERR);
  assert_true(names(&e, "sulkematon {{ rivillä 3"));
  kerr_clear(&e);
  assert_int_equal(narrative_check(d, &ta, "annual", 2031, "x", &e), K_ERR);
  assert_true(names(&e, "Vuosi 2031 ei kuulu millekään rahoituskaudelle (2015–2020)."));
  kerr_clear(&e);
}

static void test_build(void **state) {
  db *d = *state;
  kerr e = {0};
  const char *text = "# Vuosi {{report.year}}\n\n{{report.period}}: {{report.year.participations}}\n\n"
                     "{{table:service_type}}\n{{chart:service_type}}\nLoppu.\n";
  assert_int_equal(rtemplate_store(d, "annual", 0, "fi", text, "s", &e), K_OK);
  narrative n;
  assert_int_equal(narrative_build(d, &ta, "annual", 2019, "fi", &n, &e), K_OK);
  assert_int_equal(n.year, 2019);
  assert_int_equal(n.slot, 2);
  assert_string_equal(n.scope, "Kausi B 2018–2020");
  assert_string_equal(n.title, "Vuosiraportti 2019");
  assert_int_equal(n.nparts, 4);
  assert_int_equal(n.part[0].kind, NP_TEXT);
  assert_non_null(strstr(n.part[0].md, "# Vuosi 2019"));
  assert_non_null(strstr(n.part[0].md, "Kausi B 2018–2020: "));
  assert_int_equal(n.part[1].kind, NP_TABLE);
  assert_int_equal(n.part[1].table.id, RT_SERVICE_TYPE);
  assert_int_equal(n.part[2].kind, NP_CHART);
  assert_int_equal(n.part[3].kind, NP_TEXT);
  assert_string_equal(n.part[3].md, "Loppu.\n");
  buf html = BUF_INIT, pdf = BUF_INIT;
  narrative_html(&n, &html, 1);
  assert_non_null(strstr(html.data, "<table class=\"stats\"><caption>Palvelutyypeittäin – Kausi B 2018–2020</caption>"));
  assert_non_null(strstr(html.data, "<svg class=\"chart\""));
  assert_non_null(strstr(html.data, "<h1>Vuosiraportti 2019</h1>"));
  assert_non_null(strstr(html.data, "<h2>Vuosi 2019</h2>"));
  assert_int_equal(narrative_pdf(&n, &pdf, &e), K_OK);
  assert_true(pdf.len > 1000 && !memcmp(pdf.data, "%PDF-", 5));
  buf_free(&html);
  buf_free(&pdf);
  /* 2017 lies in a period but has no data; no Swedish text; the final report has the whole programme */
  assert_int_equal(narrative_build(d, &ta, "annual", 2017, "fi", &n, &e), K_ERR);
  assert_string_equal(e.msg, "Vuodelta 2017 ei ole tietoja.");
  kerr_clear(&e);
  assert_int_equal(narrative_build(d, &ta, "annual", 2019, "sv", &n, &e), K_ERR);
  assert_non_null(strstr(e.msg, "ei ole tekstiä"));
  kerr_clear(&e);
  assert_int_equal(rtemplate_store(d, "final", 0, "fi", "{{report.period}}\n\n{{table:year}}\n", "s", &e), K_OK);
  assert_int_equal(narrative_build(d, &ta, "final", 0, "fi", &n, &e), K_OK);
  assert_int_equal(n.slot, 0);
  assert_string_equal(n.scope, "2015–2020");
  assert_int_equal(n.part[1].table.nrows >= 2, 1);
}

int main(void) {
  (void)testdb_deed;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_templates, setup, teardown),
      cmocka_unit_test_setup_teardown(test_template_refused, setup, teardown),
      cmocka_unit_test_setup_teardown(test_blocks, setup, teardown),
      cmocka_unit_test_setup_teardown(test_build, setup, teardown),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  narrative_pdf_cleanup(); /* the font libraries' caches, for the leak checker */
  return failed;
}
