/* Unit tests for model/search: ranking, ordering, filters, facet counts, snippets and hostile queries. */
#include "testdb.h"

#include "search/search.h"
#include "search/index.h"
#include "search/fts.h"
#include "tmpdb.h"

static arena mem; /* the results of one test, freed with its database */

static deed_result find(db *d, deed_filter f) {
  deed_result r;
  kerr e = {0};
  if (deed_search(d, &mem, &f, &r, &e) != K_OK) fail_msg("deed_search: %s", e.msg);
  return r;
}

static int set_text(const char *s) {
  return s && *s;
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
  arena_free(&mem);
  db_close(d);
}

static void test_without_words_newest_first_and_only_published(void **s) {
  db *d = testdb_open();
  long long old = testdb_deed(d, "Vanha", "a", NULL, NULL, NULL, 0, NULL);
  long long new = testdb_deed(d, "Uusi", "b", NULL, NULL, NULL, 0, NULL);
  db_exec(d, "UPDATE deed SET published_at='2019-01-01T00:00:00Z' WHERE id=?1", "i", old);
  db_exec(d, "UPDATE deed SET published_at='2020-01-01T00:00:00Z' WHERE id=?1", "i", new);
  deed x = {.title = "Odottaa",
            .summary = "kunta",
            .goal = "",
            .results = "",
            .org_name = "X",
            .sector_code = "sote",
            .year = 2019};
  kerr e = {0};
  assert_true(deed_insert(d, &x, "submitted", &e) > 0);
  deed_result r = find(d, (deed_filter){.q = "  "});
  assert_int_equal(r.total, 2);
  assert_int_equal(r.hits[0].id, new);
  assert_int_equal(r.hits[1].id, old);
  r = find(d, (deed_filter){.q = "kunta"}); /* the submitted deed is not searchable */
  assert_int_equal(r.total, 0);
  assert_int_equal(r.nhits, 0);
  arena_free(&mem);
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
  r = find(d, (deed_filter){.q = "työhyvinvointi", .region = "FI197", .year = 2020});
  assert_int_equal(r.total, 1);
  assert_string_equal(r.hits[0].title, "Työhyvinvointi C");
  assert_string_equal(r.hits[0].municipality, "Tampere");
  assert_string_equal(r.hits[0].region, "Pirkanmaa");
  assert_string_equal(r.hits[0].sector_code, "opetus");
  r = find(d, (deed_filter){.theme = "jaksaminen", .year = 2019});
  assert_int_equal(r.total, 1);
  assert_string_equal(r.hits[0].title, "Työhyvinvointi A");
  arena_free(&mem);
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
  r = find(d, (deed_filter){.region = "FI197", .lang = "sv"});
  assert_int_equal(r.total, 2);
  assert_int_equal(count_of(r.regions, r.nregions, "FI197"), 2);
  assert_int_equal(count_of(r.regions, r.nregions, "FI1C1"), 1);
  assert_string_equal(label_of(r.regions, r.nregions, "FI197"), "Birkaland");
  assert_string_equal(label_of(r.sectors, r.nsectors, "sote"), "Social- och hälsovård");
  assert_int_equal(count_of(r.themes, r.nthemes, "Jaksaminen"), 2);
  assert_string_equal(r.themes[0].key, "Jaksaminen"); /* most used first */
  arena_free(&mem);
  db_close(d);
}

static void test_paging(void **s) {
  db *d = facet_db();
  deed_result r = find(d, (deed_filter){.q = "kunta", .limit = 3});
  assert_int_equal(r.total, 4);
  assert_int_equal(r.nhits, 3);
  long long third = r.hits[2].id;
  r = find(d, (deed_filter){.q = "kunta", .limit = 3, .offset = 2});
  assert_int_equal(r.nhits, 2);
  assert_int_equal(r.hits[0].id, third);
  arena_free(&mem);
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
  r = find(d, (deed_filter){.q = NULL}); /* no words: the summary, escaped, without marks */
  assert_non_null(strstr(r.hits[0].snippet, "&lt;script&gt;"));
  assert_null(strstr(r.hits[0].snippet, "<mark>"));
  arena_free(&mem);
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
  buf b = BUF_INIT;
  search_snippet_html(&b, "\x03x\x02y\x02z", 1);
  assert_string_equal(b.data, "x<mark>yz</mark>");
  buf_free(&b);
  arena_free(&mem);
  db_close(d);
}

static void test_fts_syntax_in_query_is_no_error(void **s) {
  db *d = facet_db();
  const char *qs[] = {"\"kunta",
                      "kunta*",
                      "NEAR(kunta oppiminen)",
                      "kunta OR x",
                      "-kunta",
                      "title:kunta",
                      "'; DROP TABLE deed; --",
                      "(",
                      ")",
                      "*",
                      "\"\"",
                      "kunta AND",
                      "^",
                      "%_'\\"};
  for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
    find(d, (deed_filter){.q = qs[i]}); /* fails the test when the search errs */
  }
  deed_result r = find(d, (deed_filter){.q = "title:kunta"}); /* "title" and "kunta" as words, not a column filter */
  assert_int_equal(r.total, find(d, (deed_filter){.q = "kunta"}).total);
  r = find(d, (deed_filter){.q = "-oppiminen"}); /* not a NOT: finds the deed */
  assert_int_equal(r.total, 1);
  r = find(d, (deed_filter){.q = "*", .sector = "x' OR 1=1 --"});
  assert_int_equal(r.total, 0);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM deed", ""), 4);
  arena_free(&mem);
  db_close(d);
}

/* ---- The facet index against plain SQL ---- */

/* A small varied corpus: 60 deeds over 4 sectors, 5 municipalities (4 regions, one deed without), 4 years, themes. */
static db *varied_db(void) {
  db *d = testdb_open();
  const char *munis[] = {"837", "091", "049", "853", "179", NULL};
  const char *sectors[] = {"sote", "opetus", "tekninen", "koko"};
  const char *themes[] = {NULL, "Jaksaminen", "Johtaminen, Jaksaminen", "Viestintä", "jaksaminen"};
  for (int i = 0; i < 60; i++)
    testdb_deed(d, i % 3 ? "Kunnan malli" : "Oma malli", i % 2 ? "kunta teki" : "teimme", NULL, munis[i % 6],
                sectors[i % 4], 2017 + i % 4, themes[i % 5]);
  return d;
}

/* The old SQL of the facet, with every filter in f except skip ("sector", "region", "year", "theme"). */
static long long sql_count(db *d, const deed_filter *f, const char *skip, const char *facet, const char *key) {
  const int q = set_text(f->q), s = set_text(f->sector) && strcmp(skip, "sector"),
            r = set_text(f->region) && strcmp(skip, "region"), y = f->year && strcmp(skip, "year"),
            t = set_text(f->theme) && strcmp(skip, "theme");
  return db_int(d, -1,
                "SELECT count(*) FROM deed d LEFT JOIN municipality m ON m.code=d.municipality_code"
                " WHERE d.status='published'"
                " AND (?1=0 OR d.id IN (SELECT rowid FROM deed_fts WHERE deed_fts MATCH ?2))"
                " AND (?3=0 OR d.sector_code=?4) AND (?5=0 OR m.region_code=?6) AND (?7=0 OR d.year=?8)"
                " AND (?9=0 OR EXISTS(SELECT 1 FROM deed_theme dt JOIN theme th ON th.id=dt.theme_id"
                "   WHERE dt.deed_id=d.id AND th.name=?10))"
                " AND CASE ?11 WHEN 'sector' THEN d.sector_code=?12 WHEN 'region' THEN m.region_code=?12"
                "   WHEN 'year' THEN d.year=CAST(?12 AS INTEGER) ELSE EXISTS(SELECT 1 FROM deed_theme dt"
                "   JOIN theme th ON th.id=dt.theme_id WHERE dt.deed_id=d.id AND th.name=?12) END",
                "itititiiittt", (long long)q, f->q ? f->q : "", (long long)s, f->sector, (long long)r, f->region,
                (long long)y, (long long)f->year, (long long)t, f->theme, facet, key);
}

static void check_facet(db *d, const deed_filter *f, const char *facet, const facet_count *fc, int n) {
  for (int i = 0; i < n; i++) {
    long long want = sql_count(d, f, facet, facet, fc[i].key);
    if (fc[i].count != want) fail_msg("facet %s %s: %lld, SQL says %lld", facet, fc[i].key, fc[i].count, want);
  }
}

static void test_facet_counts_equal_sql(void **s) {
  db *d = varied_db();
  deed_filter fs[] = {{0},
                      {.q = "kunta"},
                      {.sector = "sote"},
                      {.q = "kunta", .region = "FI1B1"},
                      {.year = 2018, .theme = "JAKSAMINEN"},
                      {.q = "malli", .sector = "opetus", .year = 2019},
                      {.region = "FI197", .theme = "Viestintä", .sector = "koko"}};
  for (size_t i = 0; i < sizeof fs / sizeof fs[0]; i++) {
    deed_result r = find(d, fs[i]);
    check_facet(d, &fs[i], "sector", r.sectors, r.nsectors);
    check_facet(d, &fs[i], "region", r.regions, r.nregions);
    check_facet(d, &fs[i], "year", r.years, r.nyears);
    check_facet(d, &fs[i], "theme", r.themes, r.nthemes);
    long long sum = 0; /* every deed has one sector: with the sector filter applied the sectors sum to the total */
    for (int k = 0; k < r.nsectors; k++)
      if (!set_text(fs[i].sector) || !strcmp(r.sectors[k].key, fs[i].sector)) sum += r.sectors[k].count;
    assert_int_equal(r.total, sum);
  }
  arena_free(&mem);
  db_close(d);
}

/* ---- Ranking: BM25 with IDF over every match; a deed need not have every word ---- */

static void test_rare_words_weigh_more(void **s) {
  db *d = testdb_open();
  for (int i = 0; i < 20; i++) testdb_deed(d, "Muu", "kunta teki työtä", NULL, NULL, NULL, 0, NULL);
  long long both = testdb_deed(d, "Muu", "kunta ja robotiikka", NULL, NULL, NULL, 0, NULL);
  long long rare = testdb_deed(d, "Muu", "robotiikka teki työtä", NULL, NULL, NULL, 0, NULL);
  deed_result r = find(d, (deed_filter){.q = "kunta robotiikka", .limit = 50});
  assert_int_equal(r.hits[0].id, both); /* covers the query best */
  assert_int_equal(r.hits[1].id, rare); /* the rare word alone beats the common one alone */
  assert_int_equal(r.total, 2);         /* a deed with only the common word scores under the cut-off */
  r = find(d, (deed_filter){.q = "kunta", .limit = 50});
  assert_int_equal(r.total, 21);
  arena_free(&mem);
  db_close(d);
}

/* A deed of a query of several words needs the words that say most: "ruokahävikin vähentäminen kouluissa" finds
 * the food waste, not a school yard whose title has a school (and which scores over the score cut-off). */
static void test_a_deed_needs_the_words_that_say_most(void **s) {
  db *d = testdb_open();
  for (int i = 0; i < 20; i++) testdb_text(d, "Muu", "Kunta teki työtä.");
  long long food = testdb_text(d, "Ruokahävikki puoleen", "Koulujen ruokahävikkiä vähennettiin punnitsemalla.");
  long long yard = testdb_text(d, "Koulun piha", "Pihaa kunnostettiin oppilaiden kanssa.");
  const char *schools[] = {"Koulukuljetukset", "Koulujen kerhot", "Koulun kirjasto", "Koulujen liikunta"};
  for (int i = 0; i < 4; i++) testdb_text(d, schools[i], "Toimintaa kehitettiin.");
  deed_result r = find(d, (deed_filter){.q = "ruokahävikin vähentäminen kouluissa", .limit = 50});
  assert_true(r.nhits > 0);
  assert_int_equal(r.hits[0].id, food);
  for (int i = 0; i < r.nhits; i++) assert_true(r.hits[i].id != yard);
  r = find(d, (deed_filter){.q = "koulun piha", .limit = 50}); /* its own words find it */
  assert_int_equal(r.hits[0].id, yard);
  arena_free(&mem);
  db_close(d);
}

/* ---- The term cache: a tiny budget gives the same results ---- */

static void test_term_cache_budget(void **s) {
  db *d = varied_db();
  testdb_deed(d, "Tasa-arvo kunnassa", "Kunnan tasa-arvo ja malli.", NULL, NULL, NULL, 0, NULL);
  const char *qs[] = {"kunta",           "malli kunta", "kunnan malli teki",   "oma kunta", "mal*",
                      "tasa-arvo kunta", "kunta kunta", "zorbokaattori kunta", "teimme"};
  long long want[9], first[9];
  for (size_t i = 0; i < 9; i++) {
    deed_result r = find(d, (deed_filter){.q = qs[i]});
    want[i] = r.total, first[i] = r.nhits ? r.hits[0].id : 0;
  }
  search_set_term_budget(d, 1);
  for (int round = 0; round < 2; round++)
    for (size_t i = 0; i < 9; i++) {
      deed_result r = find(d, (deed_filter){.q = qs[i]});
      if (r.total != want[i] || (r.nhits ? r.hits[0].id : 0) != first[i])
        fail_msg("%s: %lld (first %lld), with the full cache %lld (first %lld)", qs[i], r.total,
                 r.nhits ? r.hits[0].id : 0, want[i], first[i]);
    }
  search_set_term_budget(d, 0);
  assert_true(want[1] > 0);
  arena_free(&mem);
  db_close(d);
}

/* A filter that keeps few of many matches ranks them as without it. */
static void test_sparse_and_dense_ranking_agree(void **s) {
  db *d = testdb_open();
  long long body = testdb_deed(d, "Muu", "kunta ja kunta", NULL, NULL, "opetus", 2019, NULL);
  for (int i = 0; i < 30; i++) testdb_deed(d, "Muu", "kunta", NULL, NULL, "sote", 2019, NULL);
  long long title = testdb_deed(d, "Kunta", "kunta", NULL, NULL, "opetus", 2019, NULL);
  for (int i = 0; i < 30; i++) testdb_deed(d, "Muu", "kunta", NULL, NULL, "sote", 2019, NULL);
  deed_result r = find(d, (deed_filter){.q = "kunta", .sector = "opetus"}); /* 2 of 62: sparse */
  assert_int_equal(r.total, 2);
  assert_int_equal(r.hits[0].id, title);
  assert_int_equal(r.hits[1].id, body);
  r = find(d, (deed_filter){.q = "kunta", .limit = 100}); /* dense: the same two in the same order */
  assert_int_equal(r.total, 62);
  assert_int_equal(r.hits[0].id, title);
  assert_int_equal(r.hits[1].id, body); /* "kunta" twice in the body beats once */
  arena_free(&mem);
  db_close(d);
}

/* ---- The facet index follows the data ---- */

static long long total_of(db *d, deed_filter f) {
  return find(d, f).total;
}

static void test_index_follows_own_writes_and_rollback(void **s) {
  db *d = facet_db();
  assert_int_equal(total_of(d, (deed_filter){.year = 2021}), 0);
  long long id = testdb_deed(d, "Uusi", "kunta", NULL, "837", "koko", 2021, "Uusi teema");
  assert_int_equal(total_of(d, (deed_filter){.year = 2021, .theme = "uusi teema"}), 1);
  db_exec(d, "UPDATE deed SET year=2022 WHERE id=?1", "i", id);
  assert_int_equal(total_of(d, (deed_filter){.year = 2022, .q = "kunta"}), 1);
  assert_int_equal(db_begin(d), DB_OK);
  testdb_deed(d, "Peruttava", "kunta", NULL, NULL, "koko", 2023, NULL);
  assert_int_equal(total_of(d, (deed_filter){.year = 2023}), 1); /* the transaction sees its own deed */
  assert_int_equal(db_rollback(d), DB_OK);
  assert_int_equal(total_of(d, (deed_filter){.year = 2023}), 0);
  arena_free(&mem);
  db_close(d);
}

static void test_other_writes_keep_the_index(void **s) {
  db *d = facet_db();
  assert_int_equal(total_of(d, (deed_filter){.q = "kunta"}), 4);
  long long builds = search_index_builds(d);
  db_exec(d, "INSERT INTO audit(actor, action, subject) VALUES('cli', 'view', 'person:1')", "");
  db_exec(d, "INSERT INTO login_throttle(key, fails, last_at, next_at) VALUES('x', 1, 1, 1)", "");
  assert_int_equal(total_of(d, (deed_filter){.q = "kunta"}), 4);
  assert_int_equal(search_index_builds(d), builds); /* no deed changed: nothing rebuilt */
  db_exec(d, "UPDATE theme SET name='Jaksaminen ja palautuminen' WHERE name='Jaksaminen'", "");
  assert_int_equal(total_of(d, (deed_filter){.theme = "Jaksaminen ja palautuminen"}), 2);
  assert_int_equal(search_index_builds(d), builds + 1);
  arena_free(&mem);
  db_close(d);
}

static void test_index_follows_other_connection(void **s) {
  tmpdb t;
  tmpdb_open(&t);
  kerr e = {0};
  assert_int_equal(refdata_load(t.d, &e), K_OK);
  db *other = db_open(t.path, 0, search_attach, &e);
  assert_non_null(other);
  testdb_deed(t.d, "Eka", "kunta", NULL, "837", "sote", 2019, NULL);
  assert_int_equal(total_of(t.d, (deed_filter){.q = "kunta"}), 1);
  testdb_deed(other, "Toka", "kunta", NULL, "091", "opetus", 2020, "Jaksaminen");
  assert_int_equal(total_of(t.d, (deed_filter){.q = "kunta"}), 2);
  assert_int_equal(total_of(t.d, (deed_filter){.theme = "Jaksaminen", .region = "FI1B1"}), 1);
  db_exec(other, "UPDATE deed SET status='rejected' WHERE title='Eka'", "");
  assert_int_equal(total_of(t.d, (deed_filter){.sector = "sote"}), 0);
  db_close(other);
  tmpdb_close(&t);
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
      cmocka_unit_test(test_facet_counts_equal_sql),
      cmocka_unit_test(test_rare_words_weigh_more),
    cmocka_unit_test(test_a_deed_needs_the_words_that_say_most),
      cmocka_unit_test(test_term_cache_budget),
      cmocka_unit_test(test_sparse_and_dense_ranking_agree),
      cmocka_unit_test(test_index_follows_own_writes_and_rollback),
      cmocka_unit_test(test_other_writes_keep_the_index),
      cmocka_unit_test(test_index_follows_other_connection),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
