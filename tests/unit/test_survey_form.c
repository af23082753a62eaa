/* Unit tests for web/survey_form: the respondent's form from a survey definition: field names (q1, q3.r1, repeated
 * q4, q4.other), values filled in, errors beside their question or row with aria-describedby, sections, the
 * condition's note, labelled ends, escaping, the language and its Finnish stand-ins, the preview banner. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "web/survey_form.h"

#define TX(f) ((survey_text){f, "", ""})

static survey_item OPTS[] = {{"a", {"Työpajat", "Verkstäder", ""}}, {"b", {"Kokeilut <uudet>", "", ""}}};
static survey_item ROWS[] = {{"r1", {"Aloittaminen", "", ""}}, {"r2", {"Ohjaaminen", "", ""}}};
static const char *COND[] = {"4", "5"};
static const char *COND2[] = {"a"};

/* section, q1 likert5 (required, help, own low end), q3 matrix, q4 multiple with other shown if q1 is 4 or 5, q5
 * single shown if q4 is a, q6 scale10, q7 number 0..60, q8 text */
static survey_def *def(void) {
  static survey_question q[9];
  static survey_def d;
  memset(q, 0, sizeof q);
  for (int i = 0; i < 9; i++)
    q[i].text = TX(""), q[i].help = TX(""), q[i].low = TX(""), q[i].high = TX(""), q[i].section = 0;
  q[0] = (survey_question){.key = NULL,
                           .type = SQ_SECTION,
                           .text = {"Kehittäminen", "Utveckling", ""},
                           .help = TX(""),
                           .low = TX(""),
                           .high = TX(""),
                           .section = -1};
  q[1].key = "q1", q[1].type = SQ_LIKERT5, q[1].scale = SQ_LIKERT5, q[1].required = 1;
  q[1].text = (survey_text){"Kehitämme yhdessä.", "Vi utvecklar tillsammans.", ""};
  q[1].help = TX("Valitse yksi."), q[1].low = TX("Ei lainkaan");
  q[2].key = "q3", q[2].type = SQ_MATRIX, q[2].scale = SQ_LIKERT7, q[2].text = TX("Miten sujuu?");
  q[2].rows = ROWS, q[2].nrows = 2;
  q[3].key = "q4", q[3].type = SQ_MULTIPLE, q[3].text = TX("Menetelmät"), q[3].options = OPTS, q[3].noptions = 2;
  q[3].other = 1, q[3].cond_q = "q1", q[3].cond_values = COND, q[3].ncond = 2;
  q[4].key = "q5", q[4].type = SQ_SINGLE, q[4].text = TX("Asema"), q[4].options = OPTS, q[4].noptions = 2;
  q[4].cond_q = "q4", q[4].cond_values = COND2, q[4].ncond = 1;
  q[5].key = "q6", q[5].type = SQ_SCALE10, q[5].scale = SQ_SCALE10, q[5].text = TX("Suosittelisitko?");
  q[6].key = "q7", q[6].type = SQ_NUMBER, q[6].text = TX("Vuosia"), q[6].has_min = 1, q[6].min = 0;
  q[6].has_max = 1, q[6].max = 2.5;
  q[7].key = "q8", q[7].type = SQ_TEXT, q[7].text = TX("Muuta?");
  d = (survey_def){
      .key = "k", .series = "", .phase = "", .title = TX("Kysely"), .intro = TX("Eka.\n\nToka."), .q = q, .nq = 8};
  return &d;
}

static char *render(const char *lang, const survey_values *v, const kerr *e, int preview) {
  buf b = BUF_INIT;
  survey_form_write(&b, def(), lang, v, e, preview);
  return buf_detach(&b);
}

static void has(const char *html, const char *want) {
  if (!strstr(html, want)) fail_msg("missing: %s\n--- in ---\n%s", want, html);
}
static void lacks(const char *html, const char *bad) {
  if (strstr(html, bad)) fail_msg("unexpected: %s", bad);
}

static void test_field_names_and_structure(void **s) {
  char *h = render("fi", NULL, NULL, 0);
  has(h, "<section class=\"survey-section\" aria-labelledby=\"sqs-0\"><h2 id=\"sqs-0\"><span>Kehittäminen</span></h2>");
  has(h, "<fieldset class=\"survey-q\" id=\"sq-q1\"><legend id=\"sql-q1\">");
  has(h, "<span class=\"required\">(pakollinen)</span>");
  has(h, "type=\"radio\" id=\"sq-q1-1\" name=\"q1\" value=\"1\"");
  has(h, "<span class=\"scale-end\">Ei lainkaan</span>");         /* the question's own low end */
  has(h, "<span class=\"scale-end\">Täysin samaa mieltä</span>"); /* the default high end */
  has(h, "<fieldset class=\"matrix-row\" id=\"sq-q3.r1\">");
  has(h, "name=\"q3.r2\" value=\"7\""); /* the matrix's likert7 scale */
  lacks(h, "name=\"q3.r2\" value=\"8\"");
  has(h, "type=\"checkbox\" id=\"sq-q4-a\" name=\"q4\" value=\"a\"");
  has(h, "type=\"checkbox\" id=\"sq-q4-other\" name=\"q4\" value=\"other\"");
  has(h, "name=\"q4.other\"");
  has(h, "Kokeilut &lt;uudet&gt;");
  has(h, "type=\"radio\" id=\"sq-q5-a\" name=\"q5\" value=\"a\"");
  has(h, "name=\"q6\" value=\"0\"");
  has(h, "name=\"q6\" value=\"10\"");
  has(h, "Luku väliltä 0–2,5");
  has(h, "aria-describedby=\"sqn-q7\"");
  has(h, "<textarea id=\"sq-q8-value\" name=\"q8\"");
  has(h, "<p class=\"survey-cond\" id=\"sqc-q4\">Vastaa tähän vain, jos vastasit kysymykseen ”<span>Kehitämme "
         "yhdessä.</span>” "
         "jonkin näistä: 4, 5.</p>");
  has(h, "”<span>Työpajat</span>”.");    /* an option key in the condition in words */
  has(h, "aria-describedby=\"sqh-q1\""); /* the help read with the choices */
  lacks(h, "Esikatselu");
  free(h);
}

static void test_values_filled_in(void **s) {
  arena a = {0};
  survey_values v = {0};
  survey_values_add(&a, &v, "q1", "4");
  survey_values_add(&a, &v, "q3.r1", "6");
  survey_values_add(&a, &v, "q4", "a");
  survey_values_add(&a, &v, "q4", "other");
  survey_values_add(&a, &v, "q4.other", "<b>oma</b>");
  survey_values_add(&a, &v, "q7", "1,5");
  survey_values_add(&a, &v, "q8", "Teksti & \"lainaus\"");
  assert_string_equal(survey_values_get(&v, "q4"), "a");
  assert_true(survey_values_has(&v, "q4", "other"));
  assert_false(survey_values_has(&v, "q4", "b"));
  char *h = render("fi", &v, NULL, 0);
  has(h, "name=\"q1\" value=\"4\" checked");
  lacks(h, "name=\"q1\" value=\"3\" checked");
  has(h, "name=\"q3.r1\" value=\"6\" checked");
  lacks(h, "name=\"q3.r2\" value=\"6\" checked");
  has(h, "name=\"q4\" value=\"a\" checked");
  has(h, "name=\"q4\" value=\"other\" checked");
  lacks(h, "name=\"q4\" value=\"b\" checked");
  has(h, "value=\"&lt;b&gt;oma&lt;/b&gt;\"");
  has(h, "name=\"q7\" value=\"1,5\"");
  has(h, ">Teksti &amp; &quot;lainaus&quot;</textarea>");
  free(h);
  arena_free(&a);
}

static void test_errors_beside_fields(void **s) {
  kerr e = {0};
  kerr_add(&e, "q1", "Vastaa tähän kysymykseen.");
  kerr_add(&e, "q3.r2", "Valitse yksi.");
  kerr_add(&e, "q4.other", "Kirjoita, mikä.");
  char *h = render("fi", NULL, &e, 0);
  has(h, "<fieldset class=\"survey-q invalid\" id=\"sq-q1\">");
  has(h, "<p class=\"error\" id=\"sqe-q1\">Vastaa tähän kysymykseen.</p>");
  has(h, "id=\"sq-q1-1\" name=\"q1\" value=\"1\" aria-describedby=\"sqh-q1 sqe-q1\" aria-invalid=\"true\"");
  has(h, "<fieldset class=\"matrix-row invalid\" id=\"sq-q3.r2\">");
  has(h, "<p class=\"error\" id=\"sqe-q3.r2\">Valitse yksi.</p>");
  has(h, "name=\"q3.r2\" value=\"1\" aria-describedby=\"sqe-q3.r2\" aria-invalid=\"true\"");
  lacks(h, "name=\"q3.r1\" value=\"1\" aria-describedby");
  has(h, "<p class=\"error\" id=\"sqe-q4\">Kirjoita, mikä.</p>"); /* the other text's error by its question */
  free(h);
  kerr_clear(&e);
}

static void test_language_and_preview(void **s) {
  char *h = render("sv", NULL, NULL, 1);
  has(h, "<span class=\"q-text\">Vi utvecklar tillsammans.</span>");
  has(h, "<span class=\"q-text\" lang=\"fi\">Miten sujuu?</span>"); /* the Finnish standing in */
  has(h, "<span>Verkstäder</span>");
  has(h, "Annat, vad?");
  has(h, "preview-banner");
  has(h, "Förhandsgranskning");
  free(h);
  buf b = BUF_INIT;
  survey_form_head(&b, def(), "fi");
  assert_string_equal(b.data,
                      "<h1>Kysely</h1>\n<p class=\"survey-intro\">Eka.</p>\n<p class=\"survey-intro\">Toka.</p>\n");
  buf_free(&b);
}

int main(void) {
  if (i18n_init(NULL) != K_OK) return 1;
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_field_names_and_structure),
      cmocka_unit_test(test_values_filled_in),
      cmocka_unit_test(test_errors_beside_fields),
      cmocka_unit_test(test_language_and_preview),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
