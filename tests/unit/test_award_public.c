/* Unit tests for model/award_public.c and the "Palkittu" facet of search: publishing needs a decision and a Finnish
 * citation on every decision; the first publishing emails each active contact of the winning organisations once (one
 * message listing their results, in their language), taking it back and publishing again emails nobody; the
 * published rounds, a round's results in category order (awards before mentions) and a deed's results; nothing of an
 * unpublished round shows anywhere; the facet counts and filters the awarded deeds of published rounds only. */
#include "testdb.h"

#include <stdio.h>

#include "core/i18n.h"
#include "model/award.h"

static arena ta;

static int setup(void **state) {
  *state = testdb_open();
  return 0;
}

static int teardown(void **state) {
  db_close(*state);
  arena_free(&ta);
  return 0;
}

static void sql(db *d, const char *s) {
  if (db_script(d, s) != DB_OK) fail_msg("SQL failed: %s: %s", s, db_errmsg(d));
}

/* Deeds 1-4 (ids as returned): A and B of organisation 1 (Oulun kaupunki), C of organisation 2, D with no registry
 * organisation. Round 2019 (id 1) with categories Viestintäteko (10, first) and Ympäristöteko (11); A wins in 11,
 * B a mention in 10, C an award in 10, D an award in 10; E (deed C) nominated in 11 without a decision. Round 2020
 * (id 2) unpublished, with deed A's award in it. Contacts: 5 of org 1 (Swedish), 6 of org 1 (inactive), 7 of org 2,
 * 8 staff of org 1. */
static long long dd[4];

static void fixture(db *d) {
  dd[0] = testdb_deed(d, "Alfa-teko", "Viestinnän uudistus", "Oulun kaupunki", NULL, NULL, 2019, NULL);
  dd[1] = testdb_deed(d, "Beeta-teko", "Kiertotalous", "Oulun kaupunki", NULL, "opetus", 2019, NULL);
  dd[2] = testdb_deed(d, "Gamma-teko", "Tasa-arvo", "Testi Oy", NULL, NULL, 2018, NULL);
  dd[3] = testdb_deed(d, "Delta-teko", "Robotiikka", "Vapaa nimi", NULL, NULL, 2018, NULL);
  char s[3000];
  snprintf(s, sizeof s,
           "INSERT INTO org(id, name, type) VALUES(1, 'Oulun kaupunki', 'kunta'), (2, 'Testi Oy', 'yhtio');"
           "UPDATE deed SET org_id = 1 WHERE id IN (%lld, %lld); UPDATE deed SET org_id = 2 WHERE id = %lld;"
           "INSERT INTO user(id, email, name, role, org_id, lang, active) VALUES"
           "(5, 'yh1@oulu.example.fi', 'Yh Yksi', 'contact', 1, 'sv', 1),"
           "(6, 'pois@oulu.example.fi', 'Pois', 'contact', 1, 'fi', 0),"
           "(7, 'yh@testi.example.fi', 'Testi', 'contact', 2, 'fi', 1),"
           "(8, 'staff@example.fi', 'Staff', 'staff', 1, 'fi', 1);"
           "INSERT INTO award_round(id, year, intro, created_at, updated_at) VALUES(1, 2019, 'Vuoden 2019 palkinnot', "
           "'x', 'x'), (2, 2020, '', 'x', 'x');"
           "INSERT INTO award_category(id, round_id, position, name, name_sv) VALUES(11, 1, 2, 'Ympäristöteko', "
           "'Miljödåd'), (10, 1, 1, 'Viestintäteko', 'Kommunikationsdåd'), (20, 2, 1, 'Viestintäteko', '');"
           "INSERT INTO award_nomination(id, round_id, category_id, deed_id, status, result, citation, citation_sv,"
           " created_at) VALUES"
           "(101, 1, 11, %lld, 'nominated', 'award', 'Alfa uudisti viestinnän.', 'Alfa förnyade.', 'x'),"
           "(102, 1, 10, %lld, 'nominated', 'mention', 'Beeta näytti mallia.', '', 'x'),"
           "(103, 1, 10, %lld, 'nominated', 'award', 'Gamma avasi tien.', '', 'x'),"
           "(104, 1, 10, %lld, 'nominated', 'award', 'Delta rakensi robotin.', '', 'x'),"
           "(105, 1, 11, %lld, 'nominated', NULL, '', '', 'x'),"
           "(201, 2, 20, %lld, 'nominated', 'award', 'Ei vielä julki.', '', 'x');",
           dd[0], dd[1], dd[2], dd[0], dd[1], dd[2], dd[3], dd[2], dd[0]);
  sql(d, s);
}

static long long outbox_count(db *d) {
  return db_int(d, -1, "SELECT count(*) FROM outbox WHERE kind = 'award-won'", "");
}

static void test_publish_checks(void **state) {
  db *d = *state;
  fixture(d);
  kerr e = {0};
  assert_int_equal(award_publish(d, &ta, 99, 1, "staff@example.fi", &e), K_ERR);
  kerr_clear(&e);
  sql(d, "UPDATE award_nomination SET citation = '  ' WHERE id IN (102, 104)");
  assert_int_equal(award_publish(d, &ta, 1, 1, "staff@example.fi", &e), K_ERR);
  assert_string_equal(e.field, "citation"); /* each missing one named */
  assert_string_equal(e.msg, "Perustelu suomeksi puuttuu: Beeta-teko (Viestintäteko).");
  assert_non_null(e.next);
  assert_string_equal(e.next->msg, "Perustelu suomeksi puuttuu: Delta-teko (Viestintäteko).");
  kerr_clear(&e);
  assert_null(award_round_get(d, &ta, 1, "fi")->published_at); /* nothing saved */
  assert_int_equal(outbox_count(d), 0);
  sql(d, "UPDATE award_nomination SET result = NULL WHERE round_id = 1");
  assert_int_equal(award_publish(d, &ta, 1, 1, "staff@example.fi", &e), K_ERR);
  assert_string_equal(e.msg, "Kierroksella ei ole vielä yhtään päätöstä: julkaistavaa ei ole.");
  kerr_clear(&e);
}

static void test_publish_emails_once(void **state) {
  db *d = *state;
  fixture(d);
  kerr e = {0};
  assert_int_equal(award_publish(d, &ta, 1, 1, "staff@example.fi", &e), K_OK);
  award_round *r = award_round_get(d, &ta, 1, "fi");
  assert_non_null(r->published_at);
  assert_non_null(r->notified_at);
  /* one message to each active contact of a winning organisation: not the inactive one, not staff, none for the
   * deed with no registry organisation */
  assert_int_equal(outbox_count(d), 2);
  db_stmt *st = db_query(d,
                         "SELECT recipient, lang, subject, body_text FROM outbox WHERE kind = 'award-won' "
                         "ORDER BY recipient",
                         "");
  assert_int_equal(db_step(st), 1);
  assert_string_equal(db_col_text(st, 0), "yh1@oulu.example.fi");
  assert_string_equal(db_col_text(st, 1), "sv");
  const char *body = db_col_text(st, 3);
  /* the organisation's two results, in the category order, in Swedish, with the Swedish page's link */
  const char *beeta = strstr(body, "- Hedersomnämnande (Kommunikationsdåd): \"Beeta-teko\"");
  const char *alfa = strstr(body, "- Pris (Miljödåd): \"Alfa-teko\"");
  assert_non_null(beeta);
  assert_non_null(alfa);
  assert_true(beeta < alfa);
  assert_non_null(strstr(body, "Oulun kaupunki"));
  assert_non_null(strstr(body, "/sv/palkinnot/2019"));
  assert_null(strstr(body, "Gamma"));
  assert_int_equal(db_step(st), 1);
  assert_string_equal(db_col_text(st, 0), "yh@testi.example.fi");
  assert_non_null(strstr(db_col_text(st, 2), "2019"));
  body = db_col_text(st, 3);
  assert_non_null(strstr(body, "- Palkinto (Viestintäteko): \"Gamma-teko\""));
  assert_non_null(strstr(body, "/palkinnot/2019"));
  assert_null(strstr(body, "/sv/"));
  assert_int_equal(db_step(st), 0);
  db_done(st);
  assert_int_equal(
      db_int(d, 0, "SELECT count(*) FROM audit WHERE subject = 'award_round:1' AND action = 'publish'", ""), 1);

  /* publishing again, or taking it back and publishing again, emails nobody */
  assert_int_equal(award_publish(d, &ta, 1, 1, "staff@example.fi", &e), K_OK);
  assert_int_equal(award_publish(d, &ta, 1, 0, "staff@example.fi", &e), K_OK);
  assert_null(award_round_get(d, &ta, 1, "fi")->published_at);
  assert_non_null(award_round_get(d, &ta, 1, "fi")->notified_at);
  assert_int_equal(award_publish(d, &ta, 1, 1, "staff@example.fi", &e), K_OK);
  assert_int_equal(outbox_count(d), 2);
  assert_null(e.msg);
}

static void test_results(void **state) {
  db *d = *state;
  fixture(d);
  int n = 0;
  /* nothing is published yet: no round, no results, no deed's award */
  award_published_rounds(d, &ta, "fi", &n);
  assert_int_equal(n, 0);
  award_round_wins(d, &ta, 1, "fi", &n);
  assert_int_equal(n, 0);
  award_deed_wins(d, &ta, dd[0], "fi", &n);
  assert_int_equal(n, 0);

  kerr e = {0};
  assert_int_equal(award_publish(d, &ta, 1, 1, "staff@example.fi", &e), K_OK);
  award_round *r = award_published_rounds(d, &ta, "fi", &n);
  assert_int_equal(n, 1);
  assert_int_equal(r[0].year, 2019);
  assert_int_equal(r[0].nawards, 3);
  assert_int_equal(r[0].nmentions, 1);

  award_win *w = award_round_wins(d, &ta, 1, "sv", &n);
  assert_int_equal(n, 4); /* the undecided nomination is not a result */
  /* Viestintäteko first (its position), awards before the mention, then by title */
  assert_string_equal(w[0].deed_title, "Delta-teko");
  assert_string_equal(w[1].deed_title, "Gamma-teko");
  assert_string_equal(w[2].deed_title, "Beeta-teko");
  assert_string_equal(w[2].result, "mention");
  assert_string_equal(w[3].deed_title, "Alfa-teko");
  assert_string_equal(w[3].result, "award");
  assert_string_equal(w[3].category.text, "Miljödåd");
  assert_string_equal(w[3].citation.text, "Alfa förnyade.");
  assert_false(w[3].citation.fallback);
  assert_string_equal(w[1].citation.text, "Gamma avasi tien."); /* no Swedish: the Finnish stands in */
  assert_true(w[1].citation.fallback);
  assert_string_equal(w[1].citations[0], "Gamma avasi tien.");
  assert_string_equal(w[1].citations[1], "");
  assert_int_equal(w[1].year, 2019);
  assert_string_equal(w[1].organisation, "Testi Oy");

  /* deed A: its award of 2019 only (2020 is not published) */
  w = award_deed_wins(d, &ta, dd[0], "fi", &n);
  assert_int_equal(n, 1);
  assert_int_equal(w[0].year, 2019);
  assert_int_equal(w[0].category_id, 11);
  award_round_wins(d, &ta, 2, "fi", &n);
  assert_int_equal(n, 0);

  /* a deed taken off the library no longer shows as a winner */
  char s[200];
  snprintf(s, sizeof s, "UPDATE deed SET status = 'rejected' WHERE id = %lld", dd[3]);
  sql(d, s);
  award_round_wins(d, &ta, 1, "fi", &n);
  assert_int_equal(n, 3);
}

static deed_result search(db *d, int awarded, const char *sector) {
  deed_filter f = {.awarded = awarded, .sector = sector};
  deed_result res;
  kerr e = {0};
  if (deed_search(d, &ta, &f, &res, &e) != K_OK) fail_msg("deed_search: %s", e.msg);
  return res;
}

static void test_facet(void **state) {
  db *d = *state;
  fixture(d);
  deed_result res = search(d, 0, NULL);
  assert_int_equal(res.total, 4);
  assert_int_equal(res.nawarded, 0); /* nothing published */
  res = search(d, 1, NULL);
  assert_int_equal(res.total, 0);

  kerr e = {0};
  assert_int_equal(award_publish(d, &ta, 1, 1, "staff@example.fi", &e), K_OK);
  res = search(d, 0, NULL); /* the round's publishing is seen at once (search_generation) */
  assert_int_equal(res.total, 4);
  assert_int_equal(res.nawarded, 4);
  for (int i = 0; i < res.nhits; i++) assert_true(res.hits[i].awarded);
  /* Delta undecided (through db_exec, which bumps the search counter as every write path does) */
  assert_int_equal(db_exec(d, "UPDATE award_nomination SET result = NULL WHERE id = 104", ""), DB_OK);
  res = search(d, 1, NULL);
  assert_int_equal(res.total, 3);
  assert_int_equal(res.nawarded, 3);
  for (int i = 0; i < res.nhits; i++) assert_int_not_equal(res.hits[i].id, dd[3]);
  /* with another filter: the count follows it, and the other facets count awarded deeds only */
  res = search(d, 0, "opetus");
  assert_int_equal(res.total, 1);
  assert_int_equal(res.nawarded, 1);
  res = search(d, 1, NULL);
  long long sote = 0;
  for (int i = 0; i < res.nsectors; i++)
    if (!strcmp(res.sectors[i].key, "sote")) sote = res.sectors[i].count;
  assert_int_equal(sote, 2); /* Alfa and Gamma; Delta is not awarded now */
  /* taking the round back empties the facet */
  assert_int_equal(award_publish(d, &ta, 1, 0, "staff@example.fi", &e), K_OK);
  res = search(d, 1, NULL);
  assert_int_equal(res.total, 0);
  assert_int_equal(search(d, 0, NULL).nawarded, 0);
}

int main(void) {
  kerr e = {0};
  if (i18n_init(&e) != K_OK) return 1; /* the messages in Swedish */
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_publish_checks, setup, teardown),
      cmocka_unit_test_setup_teardown(test_publish_emails_once, setup, teardown),
      cmocka_unit_test_setup_teardown(test_results, setup, teardown),
      cmocka_unit_test_setup_teardown(test_facet, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
