/* Unit tests for model/sitepage (the accessibility statement, the privacy notice and the programme's own pages in the
 * main menu), the sitemap's lists, and the theme translations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/programme.h"
#include "model/sitemap.h"
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

/* A new page of the programme's: slug made from the title or checked as given, texts checked like a save. */
static site_page *page(arena *a, const char *slug, const char *title) {
  site_page *p = arena_alloc(a, sizeof *p);
  p->slug = slug;
  p->title[0] = (char *)title;
  p->title[1] = p->title[2] = p->body[1] = p->body[2] = "";
  p->body[0] = "Teksti.";
  return p;
}

static void test_slugify(void **state) {
  arena a = {0};
  assert_string_equal(sitepage_slugify(&a, "Tietoa ohjelmasta"), "tietoa-ohjelmasta");
  assert_string_equal(sitepage_slugify(&a, "  Ääni & Örkki – Åland!  "), "aani-orkki-aland");
  assert_string_equal(sitepage_slugify(&a, "Café 2020"), "cafe-2020");
  assert_string_equal(sitepage_slugify(&a, "€€€"), "");
  char long_title[200];
  memset(long_title, 'a', sizeof long_title - 1);
  long_title[sizeof long_title - 1] = 0;
  assert_int_equal(strlen(sitepage_slugify(&a, long_title)), SITEPAGE_MAX_SLUG);
  arena_free(&a);
}

static void test_create(void **state) {
  tmpdb *f = *state;
  arena a = {0};
  kerr e = {0};
  const char *slug = sitepage_create(f->d, &a, page(&a, "", "Tietoa ohjelmasta"), 1, "staff@example.fi", &e);
  assert_non_null(slug);
  assert_string_equal(slug, "tietoa-ohjelmasta");
  site_page *p = sitepage_get(f->d, &a, slug, "sv");
  assert_non_null(p);
  assert_int_equal(p->custom, 1);
  assert_int_equal(p->menu_position, 1);
  assert_int_equal(p->t_title.fallback, 1);
  assert_non_null(p->updated_at);
  static const char *const bad[] = {"Isot", "väli lyönti", "-alku",      "loppu-",
                                    "ä",    "uusi",        "tietosuoja", "tietoa-ohjelmasta"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    assert_null(sitepage_create(f->d, &a, page(&a, bad[i], "Otsikko"), 1, "x", &e));
    assert_string_equal(e.field, "slug");
    kerr_clear(&e);
  }
  /* the same title again: its slug is taken */
  assert_null(sitepage_create(f->d, &a, page(&a, "", "Tietoa ohjelmasta"), 1, "x", &e));
  assert_string_equal(e.field, "slug");
  kerr_clear(&e);
  /* no title: the title's error, not the slug's */
  assert_null(sitepage_create(f->d, &a, page(&a, "", ""), 1, "x", &e));
  assert_string_equal(e.field, "title");
  assert_null(e.next);
  kerr_clear(&e);
  assert_int_equal(db_int(f->d, 0, "SELECT count(*) FROM audit WHERE subject='site-page:tietoa-ohjelmasta'", ""), 1);
  arena_free(&a);
}

/* The menu's slugs in order, read as every page's frame reads them, joined by spaces (in a). */
static const char *menu(db *d, arena *a, const char *lang) {
  programme_frame *fr = programme_frame_get(d, a, lang);
  char *out = arena_alloc(a, 512);
  for (int i = 0; i < fr->npages; i++) {
    if (i) strcat(out, " ");
    strcat(out, fr->pages[i].slug);
  }
  return out;
}

static void test_menu_order(void **state) {
  tmpdb *f = *state;
  arena a = {0};
  kerr e = {0};
  assert_string_equal(menu(f->d, &a, "fi"), "");
  assert_non_null(sitepage_create(f->d, &a, page(&a, "a", "A"), 1, "x", &e));
  assert_non_null(sitepage_create(f->d, &a, page(&a, "b", "B"), 1, "x", &e));
  assert_non_null(sitepage_create(f->d, &a, page(&a, "c", "C"), 1, "x", &e));
  assert_non_null(sitepage_create(f->d, &a, page(&a, "d", "D"), 0, "x", &e));
  assert_string_equal(menu(f->d, &a, "fi"), "a b c");
  assert_int_equal(sitepage_menu_move(f->d, "c", -1, "x", &e), K_OK);
  assert_string_equal(menu(f->d, &a, "fi"), "a c b");
  assert_int_equal(sitepage_menu_move(f->d, "a", -1, "x", &e), K_OK); /* already first: nothing changes */
  assert_int_equal(sitepage_menu_move(f->d, "b", 1, "x", &e), K_OK);  /* already last */
  assert_string_equal(menu(f->d, &a, "fi"), "a c b");
  assert_int_equal(sitepage_menu_move(f->d, "a", 1, "x", &e), K_OK);
  assert_string_equal(menu(f->d, &a, "fi"), "c a b");
  assert_int_equal(sitepage_menu_move(f->d, "d", 1, "x", &e), K_ERR); /* not in the menu */
  kerr_clear(&e);
  assert_int_equal(sitepage_menu_move(f->d, "zz", 1, "x", &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(sitepage_menu_set(f->d, "a", 0, "x", &e), K_OK);
  assert_int_equal(sitepage_menu_set(f->d, "d", 1, "x", &e), K_OK);
  assert_int_equal(sitepage_menu_set(f->d, "tietosuoja", 1, "x", &e), K_OK);
  assert_int_equal(sitepage_menu_set(f->d, "d", 1, "x", &e), K_OK); /* in already: stays where it is */
  assert_string_equal(menu(f->d, &a, "fi"), "c b d tietosuoja");
  assert_int_equal(db_int(f->d, 0, "SELECT max(menu_position) FROM site_page", ""), 4);
  /* the built-in page in the menu still shows its default text, and its default title in the menu */
  site_page *p = sitepage_get(f->d, &a, "tietosuoja", "en");
  assert_null(p->updated_at);
  assert_int_equal(p->menu_position, 4);
  programme_frame *fr = programme_frame_get(f->d, &a, "sv");
  assert_string_equal(fr->pages[3].title.text, sitepage_default_title("tietosuoja", 1));
  assert_int_equal(fr->pages[3].title.fallback, 0);
  assert_string_equal(fr->pages[0].title.text, "C");
  assert_int_equal(fr->pages[0].title.fallback, 1);
  /* the staff list: the menu first in its order, then Kehto's other page, then the others */
  int n = 0;
  site_page *v = sitepage_list(f->d, &a, &n);
  assert_int_equal(n, 6);
  static const char *const order[] = {"c", "b", "d", "tietosuoja", "saavutettavuus", "a"};
  for (int i = 0; i < n; i++) assert_string_equal(v[i].slug, order[i]);
  /* saving a page keeps its place */
  site_page *b = sitepage_get(f->d, &a, "b", "fi");
  b->body[0] = "Uusi teksti.";
  assert_int_equal(sitepage_save(f->d, b, "x", &e), K_OK);
  assert_string_equal(menu(f->d, &a, "fi"), "c b d tietosuoja");
  arena_free(&a);
}

static void test_delete(void **state) {
  tmpdb *f = *state;
  arena a = {0};
  kerr e = {0};
  assert_non_null(sitepage_create(f->d, &a, page(&a, "a", "A"), 1, "x", &e));
  assert_non_null(sitepage_create(f->d, &a, page(&a, "b", "B"), 1, "x", &e));
  assert_int_equal(sitepage_menu_set(f->d, "saavutettavuus", 1, "x", &e), K_OK);
  assert_int_equal(sitepage_delete(f->d, "saavutettavuus", "x", &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(sitepage_delete(f->d, "tietosuoja", "x", &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(sitepage_delete(f->d, "ei-ole", "x", &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(sitepage_delete(f->d, "a", "x", &e), K_OK);
  assert_null(sitepage_get(f->d, &a, "a", "fi"));
  assert_string_equal(menu(f->d, &a, "fi"), "b saavutettavuus");
  assert_int_equal(db_int(f->d, 0, "SELECT max(menu_position) FROM site_page", ""), 2);
  assert_non_null(sitepage_get(f->d, &a, "saavutettavuus", "fi"));
  assert_int_equal(db_int(f->d, 0, "SELECT count(*) FROM audit WHERE action='delete' AND subject='site-page:a'", ""),
                   1);
  arena_free(&a);
}

/* The sitemap's lists: pages with their last save; news published before now only; the next scheduled time. */
static void test_sitemap_lists(void **state) {
  tmpdb *f = *state;
  arena a = {0};
  kerr e = {0};
  assert_non_null(sitepage_create(f->d, &a, page(&a, "oma", "Oma"), 0, "x", &e));
  int n = 0;
  sitemap_item *v = sitepage_sitemap(f->d, &a, &n);
  assert_int_equal(n, 3);
  assert_string_equal(v[0].slug, "saavutettavuus");
  assert_null(v[0].lastmod);
  assert_string_equal(v[2].slug, "oma");
  assert_non_null(v[2].lastmod);
  assert_int_equal(db_exec(f->d,
                           "INSERT INTO news(id, uid, title, publish_at, created_at, updated_at) VALUES"
                           " (1, 'u1', 'Julkaistu', '2019-01-01T00:00:00Z', 'x', '2019-01-02T00:00:00Z'),"
                           " (2, 'u2', 'Ajastettu', '2999-01-01T00:00:00Z', 'x', 'x'),"
                           " (3, 'u3', 'Luonnos', NULL, 'x', 'x')",
                           ""),
                   DB_OK);
  v = sitemap_news(f->d, &a, &n);
  assert_int_equal(n, 1);
  assert_int_equal(v[0].id, 1);
  assert_string_equal(v[0].lastmod, "2019-01-02T00:00:00Z");
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
      cmocka_unit_test(test_slugify),
      cmocka_unit_test_setup_teardown(test_create, setup, teardown),
      cmocka_unit_test_setup_teardown(test_menu_order, setup, teardown),
      cmocka_unit_test_setup_teardown(test_delete, setup, teardown),
      cmocka_unit_test_setup_teardown(test_sitemap_lists, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
