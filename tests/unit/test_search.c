/* Unit tests for model/search: ranking, ordering, filters, facet counts, snippets and hostile queries. */
#include "testdb.h"

#include "model/search.h"

static deed_result find(db *d, deed_filter f) {
  deed_result r;
  kerr e = {0};
  if (deed_search(d, &f, &r, &e) != K_OK) fail_msg("deed_search: %s", e.msg);
  return r;
}

static long long count_of(const facet_count *fc, int n, const char *key) {
  for (int i = 0; i < n; i++)
    if (strcmp(fc[i].key, key) == 0) return fc[i].count;
  return 0;
}

static const char *label_of(const facet_count *fc, int n, const char *key) {
  for (int i = 0; i < n; i++)
    if (strcmp(fc[i].key, key) == 0) return fc[i].label;
  return "";
}

static void test_title_outranks_body(void **s) {
  db *d = testdb_open();
  long long body = testdb_deed(d, "Uusi malli", "Kunnat tekivät yhdessä uuden mallin.", NULL, NULL, NULL, 0, NULL);
  long long title = testdb_deed(d, "Kuntien yhteinen malli", "Teimme yhdessä uuden mallin.", NULL, NULL, NULL, 0, NULL);
  testdb_deed(d, "Muuta", "Ei osumaa.", NULL, NULL, NULL, 0, NULL);
  deed_result r = find(d, (deed_filter){.q = "kunta"});
  assert_int_equal(r.total, 2);
  assert_int_equal(r.nhits, 2);
  assert_int_equal(r.hits[0].id, title);
  assert_int_equal(r.hits[1].id, body);
  deed_result_free(&r);
  db_close(d);
}

static void test_without_words_newest_first_and_only_published(void **s) {
  db *d = testdb_open();
  long long old = testdb_deed(d, "Vanha", "a", NULL, NULL, NULL, 0, NULL);
  long long new = testdb_deed(d, "Uusi", "b", NULL, NULL, NULL, 0, NULL);
  db_exec(d, "UPDATE deed SET published_at='2019-01-01T00:00:00Z' WHERE id=?1", "i", old);
  db_exec(d, "UPDATE deed SET published_at='2020-01-01T00:00:00Z' WHERE id=?1", "i", new);
  deed x = {.title = "Odottaa", .summary = "kunta", .goal = "", .results = "", .org_name = "X", .sector_code = "sote",
            .year = 2019};
  kerr e = {0};
  assert_true(deed_insert(d, &x, "submitted", &e) > 0);
  deed_result r = find(d, (deed_filter){.q = "  "});
  assert_int_equal(r.total, 2);
  assert_int_equal(r.hits[0].id, new);
  assert_int_equal(r.hits[1].id, old);
  deed_result_free(&r);
  r = find(d, (deed_filter){.q = "kunta"}); /* the submitted deed is not searchable */
  assert_int_equal(r.total, 0);
  assert_int_equal(r.nhits, 0);
  deed_result_free(&r);
  db_close(d);
}

/* Four deeds: sote/Tampere/2019/Jaksaminen, sote/Helsinki/2020, opetus/Tampere/2020/Jaksaminen, opetus/Turku/2019. */
static db *facet_db(void) {
  db *d = testdb_open();
  testdb_deed(d, "Työhyvinvointi A", "kunta", NULL, "837", "sote", 2019, "Jaksaminen, Johtaminen");
  testdb_deed(d, "Työhyvinvointi B", "kunta", NULL, "091", "sote", 2020, NULL);
  testdb_deed(d, "Työhyvinvointi C", "kunta", NULL, "837", "opetus", 2020, "Jaksaminen");
  testdb_deed(d, "Oppiminen D", "kunta", NULL, "853", "opetus", 2019, NULL);
  return d;
}

static void test_filters_combine_with_words(void **s) {
  db *d = facet_db();
  deed_result r = find(d, (deed_filter){.q = "työhyvinvointia", .sector = "sote"});
  assert_int_equal(r.total, 2);
  deed_result_free(&r);
  r = find(d, (deed_filter){.q = "työhyvinvointi", .region = "FI197", .year = 2020});
  assert_int_equal(r.total, 1);
  assert_string_equal(r.hits[0].title, "Työhyvinvointi C");
  assert_string_equal(r.hits[0].municipality, "Tampere");
  assert_string_equal(r.hits[0].region, "Pirkanmaa");
  assert_string_equal(r.hits[0].sector_code, "opetus");
  deed_result_free(&r);
  r = find(d, (deed_filter){.theme = "jaksaminen", .year = 2019});
  assert_int_equal(r.total, 1);
  assert_string_equal(r.hits[0].title, "Työhyvinvointi A");
  deed_result_free(&r);
  db_close(d);
}

static void test_facets_count_with_the_other_filters(void **s) {
  db *d = facet_db();
  deed_result r = find(d, (deed_filter){.q = "kunta", .sector = "sote"});
  assert_int_equal(r.total, 2);
  /* the sector facet ignores the sector filter, so the alternative shows */
  assert_int_equal(count_of(r.sectors, r.nsectors, "sote"), 2);
  assert_int_equal(count_of(r.sectors, r.nsectors, "opetus"), 2);
  assert_string_equal(label_of(r.sectors, r.nsectors, "opetus"), "Opetus- ja kasvatusala");
  /* the other facets apply the sector filter */
  assert_int_equal(count_of(r.regions, r.nregions, "FI197"), 1);
  assert_int_equal(count_of(r.regions, r.nregions, "FI1B1"), 1);
  assert_int_equal(count_of(r.regions, r.nregions, "FI1C1"), 0);
  assert_int_equal(count_of(r.years, r.nyears, "2019"), 1);
  assert_int_equal(count_of(r.years, r.nyears, "2020"), 1);
  assert_string_equal(r.years[0].key, "2020"); /* newest first */
  assert_int_equal(count_of(r.themes, r.nthemes, "Jaksaminen"), 1);
  deed_result_free(&r);
  r = find(d, (deed_filter){.region = "FI197", .lang = "sv"});
  assert_int_equal(r.total, 2);
  assert_int_equal(count_of(r.regions, r.nregions, "FI197"), 2);
  assert_int_equal(count_of(r.regions, r.nregions, "FI1C1"), 1);
  assert_string_equal(label_of(r.regions, r.nregions, "FI197"), "Birkaland");
  assert_string_equal(label_of(r.sectors, r.nsectors, "sote"), "Social- och hälsovård");
  assert_int_equal(count_of(r.themes, r.nthemes, "Jaksaminen"), 2);
  assert_string_equal(r.themes[0].key, "Jaksaminen"); /* most used first */
  deed_result_free(&r);
  db_close(d);
}

static void test_paging(void **s) {
  db *d = facet_db();
  deed_result r = find(d, (deed_filter){.q = "kunta", .limit = 3});
  assert_int_equal(r.total, 4);
  assert_int_equal(r.nhits, 3);
  long long third = r.hits[2].id;
  deed_result_free(&r);
  r = find(d, (deed_filter){.q = "kunta", .limit = 3, .offset = 2});
  assert_int_equal(r.nhits, 2);
  assert_int_equal(r.hits[0].id, third);
  deed_result_free(&r);
  db_close(d);
}

static void test_snippet_escapes_and_marks(void **s) {
  db *d = testdb_open();
  testdb_deed(d, "Turva", "Poistimme <script>alert(1)</script> ja kunnissa & muualla.", NULL, NULL, NULL, 0, NULL);
  deed_result r = find(d, (deed_filter){.q = "kunta"});
  assert_int_equal(r.nhits, 1);
  assert_non_null(strstr(r.hits[0].snippet, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  assert_non_null(strstr(r.hits[0].snippet, "<mark>kunnissa</mark> &amp; muualla"));
  assert_null(strstr(r.hits[0].snippet, "<script>"));
  deed_result_free(&r);
  r = find(d, (deed_filter){.q = NULL}); /* no words: the summary, escaped, without marks */
  assert_non_null(strstr(r.hits[0].snippet, "&lt;script&gt;"));
  assert_null(strstr(r.hits[0].snippet, "<mark>"));
  deed_result_free(&r);
  db_close(d);
}

static void test_marker_characters_in_text_stay_harmless(void **s) {
  db *d = testdb_open();
  testdb_deed(d, "Merkit", "alku \x03</mark><b>\x02 keskellä kunnissa \x02\x02 loppu", NULL, NULL, NULL, 0, NULL);
  deed_result r = find(d, (deed_filter){.q = "kunta \x02"});
  assert_int_equal(r.nhits, 1);
  const char *sn = r.hits[0].snippet;
  assert_null(strstr(sn, "<b>"));
  assert_non_null(strstr(sn, "&lt;/mark&gt;&lt;b&gt;"));
  int opens = 0, closes = 0;
  for (const char *p = sn; (p = strstr(p, "<mark>")); p++) opens++;
  for (const char *p = sn; (p = strstr(p, "</mark>")); p++) closes++;
  assert_int_equal(opens, closes);
  assert_null(strchr(sn, '\x02'));
  deed_result_free(&r);
  buf b = BUF_INIT;
  search_snippet_html(&b, "\x03x\x02y\x02z", 1);
  assert_string_equal(b.data, "x<mark>yz</mark>");
  buf_free(&b);
  db_close(d);
}

static void test_fts_syntax_in_query_is_no_error(void **s) {
  db *d = facet_db();
  const char *qs[] = {"\"kunta", "kunta*", "NEAR(kunta oppiminen)", "kunta OR x", "-kunta", "title:kunta",
                      "'; DROP TABLE deed; --", "(", ")", "*", "\"\"", "kunta AND", "^", "%_'\\"};
  for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
    deed_result r = find(d, (deed_filter){.q = qs[i]});
    deed_result_free(&r);
  }
  deed_result r = find(d, (deed_filter){.q = "title:kunta"}); /* "title" and "kunta" as words: no deed has both */
  assert_int_equal(r.total, 0);
  deed_result_free(&r);
  r = find(d, (deed_filter){.q = "-oppiminen"}); /* not a NOT: finds the deed */
  assert_int_equal(r.total, 1);
  deed_result_free(&r);
  r = find(d, (deed_filter){.q = "*", .sector = "x' OR 1=1 --"});
  assert_int_equal(r.total, 0);
  deed_result_free(&r);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM deed", ""), 4);
  db_close(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_title_outranks_body),
      cmocka_unit_test(test_without_words_newest_first_and_only_published),
      cmocka_unit_test(test_filters_combine_with_words),
      cmocka_unit_test(test_facets_count_with_the_other_filters),
      cmocka_unit_test(test_paging),
      cmocka_unit_test(test_snippet_escapes_and_marks),
      cmocka_unit_test(test_marker_characters_in_text_stay_harmless),
      cmocka_unit_test(test_fts_syntax_in_query_is_no_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
