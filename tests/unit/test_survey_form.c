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
  has(h, "<section class=\"survey-section\" aria-labelledby=\"sqs-0\"><h2 id=\"sqs-0\">Kehittäminen</h2>");
  /* the help read on entering the group of radios */
  has(h, "<fieldset class=\"survey-q\" id=\"sq-q1\" aria-describedby=\"sqh-q1\"><legend id=\"sql-q1\">");
  has(h, "<span class=\"required\">(pakollinen)</span>");
  has(h, "<label class=\"scale-opt\" for=\"sq-q1-1\"><input type=\"radio\" id=\"sq-q1-1\" name=\"q1\" value=\"1\">"
         "<span class=\"scale-num\">1</span><span class=\"visually-hidden\"> Ei lainkaan</span></label>");
  has(h, "<span class=\"scale-num\">3</span></label>"); /* a middle point: its number only */
  /* the ends as shown (the question's own low end, the default high end), once over the points */
  has(h, "<div class=\"scale scale-5 scale-ends\" aria-hidden=\"true\"><span class=\"scale-end\">Ei lainkaan</span>"
         "<span class=\"scale-end high\">Täysin samaa mieltä</span></div>");
  has(h, "<span class=\"visually-hidden\"> Täysin samaa mieltä</span>");
  has(h, "<span class=\"scale-end high\">Erittäin paljon</span>"); /* scale10's default */
  has(h, "<fieldset class=\"matrix-row\" id=\"sq-q3.r1\"><legend><span>Aloittaminen</span></legend><div class=\"scale "
         "scale-7 scale-ends\"");
  has(h, "<fieldset class=\"matrix-row\" id=\"sq-q3.r2\"><legend><span>Ohjaaminen</span></legend><div class=\"scale "
         "scale-7\">");                 /* the ends once, over the first row */
  has(h, "name=\"q3.r2\" value=\"7\""); /* the matrix's likert7 scale */
  lacks(h, "name=\"q3.r2\" value=\"8\"");
  has(h, "type=\"checkbox\" id=\"sq-q4-a\" name=\"q4\" value=\"a\"");
  has(h, "type=\"checkbox\" id=\"sq-q4-other\" name=\"q4\" value=\"other\"");
  has(h, "<label for=\"sq-q4.other\">Muu, mikä?</label><input type=\"text\" id=\"sq-q4.other\" name=\"q4.other\" "
         "value=\"\" maxlength=\"10000\">");
  /* for kehto.js: shown only while q1 is 4 or 5 */
  has(h, "<fieldset class=\"survey-q\" id=\"sq-q4\" data-show-if=\"q1\" data-values=\"4 5\" "
         "aria-describedby=\"sqc-q4\">");
  has(h, "Kokeilut &lt;uudet&gt;");
  has(h, "type=\"radio\" id=\"sq-q5-a\" name=\"q5\" value=\"a\"");
  has(h, "name=\"q6\" value=\"0\"");
  has(h, "name=\"q6\" value=\"10\"");
  has(h, "<p class=\"hint\" id=\"sqn-q7\">Luku väliltä 0–2,5.</p>");
  has(h, "<input type=\"text\" inputmode=\"decimal\" class=\"number\" id=\"sq-q7-value\" name=\"q7\" value=\"\" "
         "aria-labelledby=\"sql-q7\" aria-describedby=\"sqn-q7\">");
  has(h, "<fieldset class=\"survey-q\" id=\"sq-q7\"><legend"); /* a box names its hint, not its fieldset */
  has(h, "<textarea id=\"sq-q8-value\" name=\"q8\" rows=\"5\" maxlength=\"10000\" aria-labelledby=\"sql-q8\">"
         "</textarea>");
  has(h, "<p class=\"hint survey-cond\" id=\"sqc-q4\">Vastaa vain, jos vastasit kysymykseen ”Kehitämme yhdessä.” "
         "näin: 4 tai 5. Muuten vastaustasi ei oteta huomioon.</p>");
  has(h, "kysymykseen ”Menetelmät” näin: Työpajat."); /* an option key in the condition in words */
  has(h, "(pakollinen)</span></legend>");
  has(h, "Pakolliset kysymykset on merkitty sanalla (pakollinen).");
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
  kerr_add(&e, "q7", "Luku on sallitun välin ulkopuolella.");
  kerr_add(&e, NULL, "Lomakkeessa oli virheellisiä merkkejä.");
  char *h = render("fi", NULL, &e, 0);
  /* a group of radios: the fieldset names its help and its error */
  has(h, "<fieldset class=\"survey-q invalid\" id=\"sq-q1\" aria-describedby=\"sqh-q1 sqe-q1\"><legend");
  has(h, "<p class=\"error\" id=\"sqe-q1\">Vastaa tähän kysymykseen.</p>");
  has(h, "<input type=\"radio\" id=\"sq-q1-1\" name=\"q1\" value=\"1\">");
  /* a matrix row's own error in its own fieldset */
  has(h, "<fieldset class=\"matrix-row invalid\" id=\"sq-q3.r2\" aria-describedby=\"sqe-q3.r2\"><legend>");
  has(h, "<p class=\"error\" id=\"sqe-q3.r2\">Valitse yksi.</p>");
  has(h, "<fieldset class=\"matrix-row\" id=\"sq-q3.r1\"><legend>");
  has(h, "<fieldset class=\"survey-q\" id=\"sq-q3\"><legend"); /* the question itself has no error */
  /* the other text's error by its question */
  has(h, "<fieldset class=\"survey-q invalid\" id=\"sq-q4\" data-show-if=\"q1\" data-values=\"4 5\" "
         "aria-describedby=\"sqc-q4 sqe-q4\">");
  has(h, "<p class=\"error\" id=\"sqe-q4\">Kirjoita, mikä.</p>");
  /* a box names its range and error itself, and says it is invalid */
  has(h, "name=\"q7\" value=\"\" aria-labelledby=\"sql-q7\" aria-invalid=\"true\" aria-describedby=\"sqn-q7 sqe-q7\">");
  has(h, "<fieldset class=\"survey-q invalid\" id=\"sq-q7\"><legend");
  lacks(h, "Lomakkeessa oli"); /* an error of no field is the summary's only */
  free(h);

  buf b = BUF_INIT;
  survey_form_errors(&b, def(), "fi", &e);
  assert_string_equal(b.data,
                      "<div class=\"error-summary\" role=\"alert\"><h2>Tarkista lomake</h2><ul>"
                      "<li><a href=\"#sq-q1-1\"><span>Kehitämme yhdessä.</span>: Vastaa tähän kysymykseen.</a></li>"
                      "<li><a href=\"#sq-q3.r2-1\"><span>Miten sujuu?</span>: Valitse yksi.</a></li>"
                      "<li><a href=\"#sq-q4.other\"><span>Menetelmät</span>: Kirjoita, mikä.</a></li>"
                      "<li><a href=\"#sq-q7-value\"><span>Vuosia</span>: Luku on sallitun välin ulkopuolella.</a></li>"
                      "<li>Lomakkeessa oli virheellisiä merkkejä.</li></ul></div>\n");
  buf_reset(&b);
  kerr e2 = {0};
  kerr_add(&e2, "q3", "Vastaa jokaiseen väittämään.");
  kerr_add(&e2, "q4", "Valitse annetuista vaihtoehdoista.");
  kerr_add(&e2, "q6", "Valitse yksi asteikon vaihtoehdoista.");
  kerr_add(&e2, "q8", "Vastaus on liian pitkä.");
  kerr_add(&e2, "q99", "Ei tällaista.");
  survey_form_errors(&b, def(), "sv", &e2);
  has(b.data, "<h2>Kontrollera formuläret</h2>");
  has(b.data, "<a href=\"#sq-q3.r1-1\">"); /* a matrix: its first row's first point */
  has(b.data, "<a href=\"#sq-q4-a\">");    /* choices: the first option */
  has(b.data, "<a href=\"#sq-q6-0\">");    /* scale10 starts from 0 */
  has(b.data, "<a href=\"#sq-q8-value\">");
  has(b.data, "<li>Ei tällaista.</li>");                                     /* no such field: no link */
  has(b.data, "<a href=\"#sq-q4-a\"><span lang=\"fi\">Menetelmät</span>: "); /* the Finnish standing in */
  buf_reset(&b);
  kerr e3 = {0};
  kerr_add(&e3, "q3.r9", "Ei riviä.");
  kerr_add(&e3, "q5.other", "Ei muuta.");
  survey_form_errors(&b, def(), "fi", &e3);
  has(b.data, "<li>Ei riviä.</li>"); /* no such row, and q5 has no other: no link */
  has(b.data, "<li>Ei muuta.</li>");
  kerr_clear(&e3);
  buf_reset(&b);
  survey_form_errors(&b, def(), "fi", NULL);
  assert_true(!b.data || !*b.data); /* nothing without errors */
  buf_free(&b);
  kerr_clear(&e2);
  kerr_clear(&e);
}

/* A text that starts with a newline keeps it (the HTML parser drops a textarea's first newline). */
static void test_textarea_leading_newline(void **s) {
  arena a = {0};
  survey_values v = {0};
  survey_values_add(&a, &v, "q8", "\nToinen rivi");
  char *h = render("fi", &v, NULL, 0);
  has(h, "aria-labelledby=\"sql-q8\">\n\nToinen rivi</textarea>");
  free(h);
  arena_free(&a);
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
      cmocka_unit_test(test_field_names_and_structure), cmocka_unit_test(test_values_filled_in),
      cmocka_unit_test(test_errors_beside_fields),      cmocka_unit_test(test_textarea_leading_newline),
      cmocka_unit_test(test_language_and_preview),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
