/* Unit tests for model/sitepage (the accessibility statement and privacy notice) and the theme translations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/sitepage.h"
#include "model/themelist.h"
#include "model/tr.h"
#include "tmpdb.h"

static int setup(void **state) {
  tmpdb *t = calloc(1, sizeof *t);
  tmpdb_open(t);
  *state = t;
  return 0;
}

static int teardown(void **state) {
  tmpdb_close(*state);
  free(*state);
  return 0;
}

/* Before staff save a page, its default text in the language asked for; unknown slugs are not pages. */
static void test_defaults(void **state) {
  tmpdb *f = *state;
  arena a = {0};
  assert_null(sitepage_get(f->d, &a, "muu", "fi"));
  site_page *p = sitepage_get(f->d, &a, "saavutettavuus", "sv");
  assert_non_null(p);
  assert_string_equal(p->t_title.text, "Tillgänglighetsutlåtande");
  assert_int_equal(p->t_title.fallback, 0);
  assert_null(p->updated_at);
  assert_non_null(strstr(p->body[0], "Lupa- ja valvontavirasto"));
  assert_non_null(strstr(p->body[0], "www.saavutettavuusvaatimukset.fi"));
  p = sitepage_get(f->d, &a, "tietosuoja", "en");
  assert_non_null(strstr(p->t_body.text, "Office of the Data Protection Ombudsman"));
  assert_non_null(strstr(p->body[0], "En halua vastata"));
  assert_non_null(strstr(p->body[0], "Tietosuojavaltuutetun toimisto"));
  arena_free(&a);
}

/* A save needs the Finnish title and body and keeps every error; a missing translation reads as the Finnish. */
static void test_save(void **state) {
  tmpdb *f = *state;
  arena a = {0};
  kerr e = {0};
  site_page p = {.slug = "tietosuoja", .title = {"", "Sv", ""}, .body = {"", "", ""}};
  assert_int_equal(sitepage_save(f->d, &p, "staff@example.fi", &e), K_ERR);
  assert_string_equal(e.field, "title");
  assert_non_null(e.next);
  assert_string_equal(e.next->field, "body");
  kerr_clear(&e);
  p.title[0] = "Tietosuoja";
  p.body[0] = "## Otsikko\n\nTeksti.";
  p.body[1] = "Svensk text.";
  assert_int_equal(sitepage_save(f->d, &p, "staff@example.fi", &e), K_OK);
  site_page *got = sitepage_get(f->d, &a, "tietosuoja", "en");
  assert_string_equal(got->t_title.text, "Tietosuoja");
  assert_int_equal(got->t_title.fallback, 1);
  assert_string_equal(got->updated_by, "staff@example.fi");
  assert_non_null(got->updated_at);
  got = sitepage_get(f->d, &a, "tietosuoja", "sv");
  assert_string_equal(got->t_title.text, "Sv");
  assert_string_equal(got->t_body.text, "Svensk text.");
  p.slug = "muu";
  assert_int_equal(sitepage_save(f->d, &p, "x", &e), K_ERR);
  kerr_clear(&e);
  arena_free(&a);
}

/* Theme names in Swedish and English: labels by the Finnish name, case-insensitive, the Finnish standing in. */
static void test_theme_labels(void **state) {
  tmpdb *f = *state;
  arena a = {0};
  kerr e = {0};
  assert_int_equal(db_exec(f->d, "INSERT INTO theme(name) VALUES('johtaminen'),('palvelumuotoilu')", ""), DB_OK);
  long long id = db_int(f->d, 0, "SELECT id FROM theme WHERE name='johtaminen'", "");
  char long_name[THEMELIST_MAX_NAME * 2 + 3];
  memset(long_name, 'x', sizeof long_name - 1);
  long_name[sizeof long_name - 1] = 0;
  assert_int_equal(themelist_translate(f->d, id, long_name, "", "sv_1", "en_1", &e), K_ERR);
  assert_string_equal(e.field, "sv_1");
  kerr_clear(&e);
  assert_int_equal(themelist_translate(f->d, id, "ledarskap", "", "sv_1", "en_1", &e), K_OK);
  assert_int_equal(themelist_translate(f->d, 999, "x", "", "sv_1", "en_1", &e), K_ERR);
  kerr_clear(&e);
  int n = 0;
  theme_row *v = themelist_rows(f->d, &a, "sv", -1, 0, &n);
  assert_int_equal(n, 2);
  assert_int_equal(themelist_count(f->d), 2);
  tr t = themelist_label(v, n, "Johtaminen", "sv");
  assert_string_equal(t.text, "ledarskap");
  assert_int_equal(t.fallback, 0);
  t = themelist_label(v, n, "palvelumuotoilu", "sv");
  assert_string_equal(t.text, "palvelumuotoilu");
  assert_int_equal(t.fallback, 1);
  v = themelist_rows(f->d, &a, "en", -1, 0, &n);
  assert_int_equal(themelist_label(v, n, "johtaminen", "en").fallback, 1);
  v = themelist_rows(f->d, &a, "fi", -1, 0, &n);
  assert_int_equal(themelist_label(v, n, "johtaminen", "fi").fallback, 0);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
      cmocka_unit_test_setup_teardown(test_save, setup, teardown),
      cmocka_unit_test_setup_teardown(test_theme_labels, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
