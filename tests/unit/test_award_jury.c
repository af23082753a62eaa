/* Unit tests for model/award_jury: the chair's figures on a small hand-worked example (weighted totals, per-juror
 * z-scores, disagreement flags), conflicts found from the data (the juror's organisation; the juror's coach profile
 * that coached the deed's organisation in a delivery) and declared ones, what each juror sees, scores and their
 * checks, the chair's table and decisions. */
#include "testdb.h"

#include <math.h>
#include <stdio.h>

#include "model/award.h"

static arena ta;

static int setup(void **state) {
  (void)testdb_deed; /* the deeds here are inserted with their organisations by SQL */
  *state = testdb_open();
  return 0;
}

static int teardown(void **state) {
  db_close(*state);
  arena_free(&ta);
  return 0;
}

#define NEAR(x, y) assert_true(fabs((x) - (y)) < 1e-9)

/* The hand-worked example. Two criteria: c1 weight 3, c2 weight 1. Two jurors: A is strict, B lenient. Three
 * nominations:
 *
 *          A: c1 c2    B: c1 c2
 *     N1       1  1        4  5
 *     N2       1  3        5  5
 *     N3       3  3        4  4
 *
 * A's six scores 1,1,1,3,3,3: mean 2, population sd 1, so A's 1 is z -1 and 3 is z +1.
 * B's six scores 4,5,5,5,4,4: mean 4.5, population sd 0.5, so B's 4 is z -1 and 5 is z +1.
 *
 * Weighted totals (mean per criterion, then weighted by 3:1):
 *     N1: c1 (1+4)/2 = 2.5, c2 (1+5)/2 = 3   -> (3*2.5 + 3)/4   = 2.625
 *     N2: c1 (1+5)/2 = 3,   c2 (3+5)/2 = 4   -> (3*3 + 4)/4     = 3.25
 *     N3: c1 (3+4)/2 = 3.5, c2 (3+4)/2 = 3.5 -> (3*3.5 + 3.5)/4 = 3.5     (raw: N3 first)
 * z totals (mean z per criterion, weighted the same):
 *     N1: c1 (-1-1)/2 = -1, c2 (-1+1)/2 = 0  -> (3*-1 + 0)/4 = -0.75
 *     N2: c1 (-1+1)/2 = 0,  c2 (+1+1)/2 = 1  -> (0 + 1)/4    =  0.25     (z: N2 first: B's 5 is as good as A's 3)
 *     N3: c1 (+1-1)/2 = 0,  c2 (+1-1)/2 = 0  ->                  0
 * Spreads (highest minus lowest): N1 c1 3, c2 4; N2 c1 4, c2 2; N3 1 and 1. So N1 and N2 are flagged (2 or more),
 * N3 is not. A fourth nomination N4 without scores: total -1, z total 0, no jurors. */
static void test_figures_example(void **state) {
  (void)state;
  const long long crit[] = {11, 12};
  const int weight[] = {3, 1};
  const long long nom[] = {1, 2, 3, 4};
  const long long A = 100, B = 200;
  const award_score_row rows[] = {
      {1, 11, A, 1}, {1, 12, A, 1}, {2, 11, A, 1}, {2, 12, A, 3}, {3, 11, A, 3}, {3, 12, A, 3},
      {1, 11, B, 4}, {1, 12, B, 5}, {2, 11, B, 5}, {2, 12, B, 5}, {3, 11, B, 4}, {3, 12, B, 4},
  };
  award_standing st[4] = {0};
  award_figures(&ta, rows, 12, crit, weight, 2, nom, 4, st);
  NEAR(st[0].total, 2.625);
  NEAR(st[1].total, 3.25);
  NEAR(st[2].total, 3.5);
  NEAR(st[0].ztotal, -0.75);
  NEAR(st[1].ztotal, 0.25);
  NEAR(st[2].ztotal, 0);
  NEAR(st[0].mean[0], 2.5);
  NEAR(st[0].mean[1], 3);
  NEAR(st[2].mean[0], 3.5);
  assert_int_equal(st[0].spread[0], 3);
  assert_int_equal(st[0].spread[1], 4);
  assert_int_equal(st[1].spread[0], 4);
  assert_int_equal(st[1].spread[1], 2);
  assert_int_equal(st[2].spread[0], 1);
  assert_int_equal(st[0].disagree, 1);
  assert_int_equal(st[1].disagree, 1); /* exactly AWARD_DISAGREE on c2 counts too */
  assert_int_equal(st[2].disagree, 0);
  for (int i = 0; i < 3; i++) assert_int_equal(st[i].njurors, 2);
  assert_int_equal(st[3].njurors, 0);
  NEAR(st[3].total, -1);
  NEAR(st[3].ztotal, 0);
  NEAR(st[3].mean[0], -1);
  assert_int_equal(st[3].disagree, 0);
}

/* A juror who gives every deed the same score has z 0 everywhere; one juror alone never disagrees; a criterion
 * nobody scored is left out of the weighted total (not counted as 0). */
static void test_figures_edges(void **state) {
  (void)state;
  const long long crit[] = {1, 2};
  const int weight[] = {1, 9};
  const long long nom[] = {7, 8};
  const award_score_row rows[] = {{7, 1, 5, 4}, {8, 1, 5, 4}, {7, 1, 6, 1}, {8, 1, 6, 5}};
  award_standing st[2] = {0};
  award_figures(&ta, rows, 4, crit, weight, 2, nom, 2, st);
  NEAR(st[0].total, 2.5); /* criterion 2 unscored: only criterion 1 counts */
  NEAR(st[0].mean[1], -1);
  NEAR(st[0].ztotal, -0.5); /* juror 5: z 0; juror 6: 1 and 5, mean 3, sd 2: z -1 and +1 */
  NEAR(st[1].ztotal, 0.5);
  assert_int_equal(st[0].spread[0], 3);
  assert_int_equal(st[0].disagree, 1);
  const award_score_row one[] = {{7, 1, 5, 1}, {7, 2, 5, 5}};
  award_standing s1[1] = {0};
  award_figures(&ta, one, 2, crit, weight, 2, nom, 1, s1);
  assert_int_equal(s1[0].disagree, 0);
  assert_int_equal(s1[0].spread[1], 0);
  NEAR(s1[0].total, (1 * 1 + 9 * 5) / 10.0);
}

/* ---- the database part ---- */

/* Ids of the fixture below. */
enum { ORG_A = 1, ORG_B = 2, ORG_C = 3, COACH = 1, ROUND = 1, CAT1 = 1, CAT2 = 2, CRIT1 = 1, CRIT2 = 2 };
enum { J_ORG = 10, J_COACH = 11, J_FREE = 12, CHAIR = 13 };
enum { DEED_A = 1, DEED_B = 2, DEED_C = 3, N_A = 1, N_B = 2, N_C = 3, N_C2 = 4 };

static void sql(db *d, const char *s) {
  if (db_script(d, s) != DB_OK) fail_msg("SQL: %s: %s", db_errmsg(d), s);
}

/* Three organisations with a deed each. A coach profile that coached organisation B in a delivery. Jurors: J_ORG
 * works in organisation A, J_COACH has the coach profile, J_FREE has neither; all three in category 1, J_FREE also
 * in category 2; CHAIR chairs the round and also works in organisation A. Nominations: A, B, C in category 1, C also
 * in category 2. Criteria: 1 (weight 2) and 2 (weight 1). */
static void fixture(db *d) {
  sql(d, "INSERT INTO org(id, name, type) VALUES (1, 'Aalto kunta', 'kunta'), (2, 'Bäck kuntayhtymä', 'kuntayhtyma'),"
         " (3, 'Cedertorp', 'muu');"
         "INSERT INTO funding_period(id, name, start_year, end_year) VALUES (1, '2. kausi', 2018, 2020);"
         "INSERT INTO service(id, type_code, name, period_id, counts) SELECT 1, code, 'Sparraus', 1, 'participant'"
         " FROM service_type ORDER BY code LIMIT 1;"
         "INSERT INTO coach(id, name) VALUES (1, 'Valmentaja Veikko');"
         "INSERT INTO delivery(id, ref, service_id, starts_on, ends_on, coach_id) VALUES"
         " (1, 'SP-7', 1, '2019-02-01', '2019-02-02', 1), (2, 'SP-8', 1, '2019-03-01', '2019-03-02', NULL);"
         "INSERT INTO delivery_org VALUES (1, 2), (2, 3);"
         "INSERT INTO user(id, email, name, password_hash, role, org_id, coach_id) VALUES"
         " (10, 'org@example.fi', 'Olli Organisaatio', '', 'jury', 1, NULL),"
         " (11, 'coach@example.fi', 'Valpuri Valmentaja', '', 'jury', NULL, 1),"
         " (12, 'free@example.fi', 'Vapaa Tuomari', '', 'jury', NULL, NULL),"
         " (13, 'chair@example.fi', 'Puheen Johtaja', '', 'jury', 1, NULL);"
         "INSERT INTO deed(id, title, org_id, org_name, sector_code, year, status, created_at, published_at)"
         " SELECT 1, 'Aallon teko', 1, 'Aalto kunta', code, 2019, 'published', '2019-01-01T00:00:00Z',"
         " '2019-01-01T00:00:00Z' FROM sector ORDER BY position LIMIT 1;"
         "INSERT INTO deed(id, title, org_id, org_name, sector_code, year, status, created_at, published_at)"
         " SELECT 2, 'Bäckin teko', 2, 'Bäck kuntayhtymä', sector_code, 2019, 'published', created_at, published_at"
         " FROM deed WHERE id = 1;"
         "INSERT INTO deed(id, title, org_id, org_name, sector_code, year, status, created_at, published_at)"
         " SELECT 3, 'Cedertorpin teko', 3, 'Cedertorp', sector_code, 2019, 'published', created_at, published_at"
         " FROM deed WHERE id = 1;"
         "INSERT INTO award_round(id, year, chair_id, created_at, updated_at) VALUES"
         " (1, 2019, 13, '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z');"
         "INSERT INTO award_category(id, round_id, position, name) VALUES (1, 1, 1, 'viestintäteko'),"
         " (2, 1, 2, 'teknologiateko');"
         "INSERT INTO award_criterion(id, round_id, position, name, weight) VALUES (1, 1, 1, 'Vaikuttavuus', 2),"
         " (2, 1, 2, 'Levitettävyys', 1);"
         "INSERT INTO award_juror VALUES (1, 10), (1, 11), (1, 12), (2, 12);"
         "INSERT INTO award_nomination(id, round_id, category_id, deed_id, status, created_at) VALUES"
         " (1, 1, 1, 1, 'nominated', '2019-01-01T00:00:00Z'), (2, 1, 1, 2, 'nominated', '2019-01-01T00:00:00Z'),"
         " (3, 1, 1, 3, 'nominated', '2019-01-01T00:00:00Z'), (4, 1, 2, 3, 'nominated', '2019-01-01T00:00:00Z');");
}

static int sees(db *d, long long user, long long nomination) {
  return award_juror_nomination(d, &ta, nomination, user, "fi") != NULL;
}

static int list_has(db *d, long long user, long long nomination) {
  int n = 0, *scored = NULL;
  award_nomination *v = award_juror_nominations(d, &ta, ROUND, user, "fi", &scored, &n);
  for (int i = 0; i < n; i++)
    if (v[i].id == nomination) return 1;
  return 0;
}

static void test_conflicts_derived(void **state) {
  db *d = *state;
  fixture(d);
  /* found from the data before anything is recorded */
  assert_true(award_hidden(d, ROUND, J_ORG, DEED_A));
  assert_false(award_hidden(d, ROUND, J_ORG, DEED_B));
  assert_true(award_hidden(d, ROUND, J_COACH, DEED_B));
  assert_false(award_hidden(d, ROUND, J_COACH, DEED_C)); /* delivery 2 of C had no coach */
  assert_false(award_hidden(d, ROUND, J_FREE, DEED_A));
  assert_true(award_hidden(d, ROUND, CHAIR, DEED_A));
  int n = 0;
  award_conflict *c = award_conflicts(d, &ta, ROUND, 0, 0, &n);
  assert_int_equal(n, 3);                                   /* org A for J_ORG and the chair, coach for J_COACH */
  for (int i = 0; i < n; i++) assert_null(c[i].created_at); /* not recorded yet */
  kerr e = {0};
  assert_int_equal(award_conflicts_record(d, ROUND, &e), K_OK);
  assert_int_equal(award_conflicts_record(d, ROUND, &e), K_OK); /* twice is no error and adds nothing */
  assert_int_equal(db_int(d, -1, "SELECT COUNT(*) FROM award_conflict", ""), 3);
  /* the chair sees everyone's but J_ORG's on deed A, which is hidden from the chair too: of it only their own */
  c = award_conflicts(d, &ta, ROUND, 0, CHAIR, &n);
  assert_int_equal(n, 2);
  for (int i = 0; i < n; i++) assert_true(c[i].user_id == CHAIR || c[i].deed_id != DEED_A);
  c = award_conflicts(d, &ta, ROUND, J_COACH, 0, &n);
  assert_int_equal(n, 1);
  assert_string_equal(c[0].kind, "coach");
  assert_int_equal(c[0].deed_id, DEED_B);
  assert_string_equal(c[0].reason,
                      "Tuomarin valmentajaprofiili Valmentaja Veikko valmensi organisaatiota Bäck kuntayhtymä"
                      " (toteutus SP-7)");
  assert_non_null(c[0].created_at);
  c = award_conflicts(d, &ta, ROUND, J_ORG, 0, &n);
  assert_int_equal(n, 1);
  assert_string_equal(c[0].kind, "org");
  assert_string_equal(c[0].reason, "Tuomarin organisaatio on teon organisaatio: Aalto kunta");
  assert_string_equal(c[0].juror, "Olli Organisaatio");
  assert_string_equal(c[0].deed_title, "Aallon teko");

  /* hidden in the list and by id, for that juror only */
  assert_false(list_has(d, J_ORG, N_A));
  assert_false(sees(d, J_ORG, N_A));
  assert_true(list_has(d, J_ORG, N_B));
  assert_false(list_has(d, J_COACH, N_B));
  assert_false(sees(d, J_COACH, N_B));
  assert_true(sees(d, J_COACH, N_A));
  assert_true(list_has(d, J_FREE, N_A) && list_has(d, J_FREE, N_B) && list_has(d, J_FREE, N_C2));
  assert_false(sees(d, J_ORG, N_C2)); /* not their category */

  /* a recorded conflict stays when the data changes (the juror moved to another organisation) */
  sql(d, "UPDATE user SET org_id = 3 WHERE id = 10");
  assert_true(award_hidden(d, ROUND, J_ORG, DEED_A));
  assert_true(award_hidden(d, ROUND, J_ORG, DEED_C)); /* and the new one counts at once */
  assert_false(sees(d, J_ORG, N_C));
  assert_int_equal(award_conflicts(d, &ta, ROUND, J_ORG, 0, &n) != NULL, 1);
  assert_int_equal(n, 2);

  /* the chair's table leaves out what is hidden from the chair; staff (0) see all */
  award_standing *s = award_standings(d, &ta, ROUND, CHAIR, "fi", &n);
  assert_int_equal(n, 3);
  for (int i = 0; i < n; i++) assert_int_not_equal(s[i].nom->deed_id, DEED_A);
  s = award_standings(d, &ta, ROUND, 0, "fi", &n);
  assert_int_equal(n, 4);
}

/* A deed unpublished after its nomination (moderation, or its poster) is no longer shown to the jury: not in a
 * juror's list, not by its id, not in the chair's table; staff still see it. */
static void test_unpublished_deed(void **state) {
  db *d = *state;
  fixture(d);
  sql(d, "UPDATE deed SET status = 'rejected' WHERE id = 2");
  assert_false(list_has(d, J_FREE, N_B));
  assert_false(sees(d, J_FREE, N_B));
  assert_true(list_has(d, J_FREE, N_C));
  assert_null(award_chair_nomination(d, &ta, N_B, CHAIR, "fi"));
  assert_non_null(award_chair_nomination(d, &ta, N_B, 0, "fi"));
  int n = 0;
  award_standing *s = award_standings(d, &ta, ROUND, CHAIR, "fi", &n);
  assert_int_equal(n, 2); /* C in two categories; A is the chair's own organisation's */
  for (int i = 0; i < n; i++) assert_int_not_equal(s[i].nom->deed_id, DEED_B);
  award_standings(d, &ta, ROUND, 0, "fi", &n);
  assert_int_equal(n, 4);
}

static void test_conflict_declared(void **state) {
  db *d = *state;
  fixture(d);
  kerr e = {0};
  award_score sc[2] = {{CRIT1, 4, "Hyvä"}, {CRIT2, 3, ""}};
  assert_int_equal(award_scores_save(d, &ta, N_C, J_FREE, sc, 2, &e), K_OK);
  assert_int_equal(award_conflict_declare(d, ROUND, J_FREE, DEED_C, "  ", &e), K_ERR);
  assert_string_equal(e.field, "reason");
  kerr_clear(&e);
  assert_int_equal(award_conflict_declare(d, ROUND, J_ORG, DEED_C + 100, "Syy", &e), K_ERR); /* not theirs */
  kerr_clear(&e);
  assert_int_equal(award_conflict_declare(d, ROUND, J_FREE, DEED_C, "Olin hankkeen ohjausryhmässä.", &e), K_OK);
  assert_true(award_hidden(d, ROUND, J_FREE, DEED_C));
  assert_false(sees(d, J_FREE, N_C));
  assert_false(sees(d, J_FREE, N_C2)); /* the deed, in every category */
  assert_false(list_has(d, J_FREE, N_C));
  assert_true(sees(d, J_COACH, N_C)); /* the other juror still sees it */
  assert_int_equal(db_int(d, -1, "SELECT COUNT(*) FROM award_score WHERE user_id = 12", ""), 0); /* scores went */
  int n = 0;
  award_conflict *c = award_conflicts(d, &ta, ROUND, J_FREE, 0, &n);
  assert_int_equal(n, 1);
  assert_string_equal(c[0].kind, "declared");
  assert_string_equal(c[0].reason, "Olin hankkeen ohjausryhmässä.");
  assert_int_equal(db_int(d, 0, "SELECT COUNT(*) FROM audit WHERE action = 'conflict'", ""), 1);
  /* scoring it now is refused */
  assert_int_equal(award_scores_save(d, &ta, N_C, J_FREE, sc, 2, &e), K_ERR);
  kerr_clear(&e);
  /* the chair, who judges no category, may recuse themselves on any deed of the round */
  assert_int_equal(award_standings(d, &ta, ROUND, CHAIR, "fi", &n) != NULL, 1);
  assert_int_equal(n, 3); /* all but A (the chair's organisation) */
  assert_int_equal(award_conflict_declare(d, ROUND, CHAIR, DEED_C, "Sukulaiseni johtaa hanketta.", &e), K_OK);
  award_standings(d, &ta, ROUND, CHAIR, "fi", &n);
  assert_int_equal(n, 1); /* B only: C is hidden in both its categories */
  assert_null(award_chair_nomination(d, &ta, N_C2, CHAIR, "fi"));
  assert_non_null(award_chair_nomination(d, &ta, N_C2, 0, "fi")); /* staff */
  assert_non_null(award_chair_nomination(d, &ta, N_B, CHAIR, "fi"));
  assert_null(award_chair_nomination(d, &ta, N_B, J_FREE, "fi")); /* not the chair */
}

static void test_scores(void **state) {
  db *d = *state;
  fixture(d);
  kerr e = {0};
  int n = 0;
  award_score *g = award_scores_get(d, &ta, N_B, J_FREE, &n);
  assert_int_equal(n, 2);
  assert_int_equal(g[0].criterion_id, CRIT1);
  assert_int_equal(g[0].score, 0);
  award_score bad[2] = {{CRIT1, 6, ""}, {CRIT2, 0, "kommentti ilman pisteitä"}};
  assert_int_equal(award_scores_save(d, &ta, N_B, J_FREE, bad, 2, &e), K_ERR);
  assert_string_equal(e.field, "score_1");
  assert_non_null(e.next);
  assert_string_equal(e.next->field, "comment_2");
  kerr_clear(&e);
  award_score ok[2] = {{CRIT1, 5, "Vahva näyttö"}, {CRIT2, 2, ""}};
  assert_int_equal(db_int(d, -1, "SELECT COUNT(*) FROM award_conflict", ""), 0);
  assert_int_equal(award_scores_save(d, &ta, N_B, J_FREE, ok, 2, &e), K_OK);
  /* a jury's write records the conflicts found from the data by then */
  assert_int_equal(db_int(d, -1, "SELECT COUNT(*) FROM award_conflict", ""), 3);
  award_comment *cm = award_comments(d, &ta, N_B, 0, &n);
  assert_int_equal(n, 1);
  assert_int_equal(cm[0].criterion_id, CRIT1);
  assert_int_equal(cm[0].score, 5);
  assert_string_equal(cm[0].comment, "Vahva näyttö");
  assert_null(award_comments(d, &ta, N_B, J_FREE, &n)); /* not the chair */
  assert_int_equal(n, 0);
  g = award_scores_get(d, &ta, N_B, J_FREE, &n);
  assert_int_equal(g[0].score, 5);
  assert_string_equal(g[0].comment, "Vahva näyttö");
  assert_int_equal(g[1].score, 2);
  int *scored = NULL;
  award_nomination *v = award_juror_nominations(d, &ta, ROUND, J_FREE, "fi", &scored, &n);
  assert_int_equal(n, 4);
  for (int i = 0; i < n; i++) assert_int_equal(scored[i], v[i].id == N_B ? 2 : 0);
  ok[1].score = 0; /* unscoring a criterion */
  assert_int_equal(award_scores_save(d, &ta, N_B, J_FREE, ok, 2, &e), K_OK);
  assert_int_equal(db_int(d, -1, "SELECT COUNT(*) FROM award_score", ""), 1);
  /* a hidden deed, a nomination of another category, a juror's closed last day, a published round */
  assert_int_equal(award_scores_save(d, &ta, N_A, J_ORG, ok, 2, &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(award_scores_save(d, &ta, N_C2, J_COACH, ok, 2, &e), K_ERR);
  kerr_clear(&e);
  sql(d, "UPDATE award_round SET jury_until = '2020-01-01'");
  assert_int_equal(award_scores_save(d, &ta, N_B, J_FREE, ok, 2, &e), K_ERR);
  assert_string_equal(e.msg, "Raadin arviointiaika on päättynyt.");
  kerr_clear(&e);
  sql(d, "UPDATE award_round SET jury_until = NULL, published_at = '2020-01-01T00:00:00Z'");
  assert_int_equal(award_scores_save(d, &ta, N_B, J_FREE, ok, 2, &e), K_ERR);
  kerr_clear(&e);
}

/* The chair's table from the database agrees with the figures, ordered by category and z total; decisions. */
static void test_standings_decide(void **state) {
  db *d = *state;
  fixture(d);
  kerr e = {0};
  award_score s1[2] = {{CRIT1, 1, ""}, {CRIT2, 2, ""}}, s2[2] = {{CRIT1, 3, ""}, {CRIT2, 2, ""}};
  award_score s3[2] = {{CRIT1, 5, ""}, {CRIT2, 5, ""}}, s4[2] = {{CRIT1, 4, ""}, {CRIT2, 5, ""}};
  assert_int_equal(award_scores_save(d, &ta, N_B, J_FREE, s1, 2, &e), K_OK);
  assert_int_equal(award_scores_save(d, &ta, N_C, J_FREE, s2, 2, &e), K_OK);
  assert_int_equal(award_scores_save(d, &ta, N_A, J_COACH, s3, 2, &e), K_OK);
  assert_int_equal(award_scores_save(d, &ta, N_C, J_COACH, s4, 2, &e), K_OK);
  int n = 0;
  award_standing *st = award_standings(d, &ta, ROUND, 0, "fi", &n);
  assert_int_equal(n, 4);
  /* J_FREE: 1,2,3,2: mean 2, sd sqrt(0.5); J_COACH: 5,5,4,5: mean 4.75, sd sqrt(0.1875).
   * N_C: c1 z (1/sqrt(.5) + -0.75/sqrt(.1875))/2 = (1.41421 - 1.73205)/2 ... its ztotal is the weighted one below. */
  assert_int_equal(st[0].nom->category_id, CAT1);
  assert_int_equal(st[3].nom->category_id, CAT2);
  assert_int_equal(st[3].njurors, 0);
  for (int i = 0; i + 1 < 3; i++) assert_true(st[i].ztotal >= st[i + 1].ztotal);
  for (int i = 0; i < 3; i++) {
    if (st[i].nom->id == N_C) {
      assert_int_equal(st[i].njurors, 2);
      NEAR(st[i].total, (2 * 3.5 + 1 * 3.5) / 3);
      assert_int_equal(st[i].spread[0], 1);
      assert_int_equal(st[i].spread[1], 3);
      assert_int_equal(st[i].disagree, 1);
    }
  }
  /* decisions */
  const char *cit[3] = {"Rohkea ja vaikuttava teko.", "", "A bold deed."};
  const char *none[3] = {"", "", ""};
  assert_int_equal(award_decide(d, &ta, N_B, CHAIR, "award", none, "chair@example.fi", &e), K_ERR);
  assert_string_equal(e.field, "citation");
  kerr_clear(&e);
  assert_int_equal(award_decide(d, &ta, N_B, CHAIR, "gold", cit, "chair@example.fi", &e), K_ERR);
  assert_string_equal(e.field, "result");
  kerr_clear(&e);
  assert_int_equal(award_decide(d, &ta, N_A, CHAIR, "award", cit, "chair@example.fi", &e), K_ERR); /* hidden */
  kerr_clear(&e);
  assert_int_equal(award_decide(d, &ta, N_B, J_FREE, "award", cit, "free@example.fi", &e), K_ERR); /* no chair */
  kerr_clear(&e);
  assert_int_equal(award_decide(d, &ta, N_B, CHAIR, "award", cit, "chair@example.fi", &e), K_OK);
  assert_int_equal(award_decide(d, &ta, N_A, 0, "mention", cit, "staff@example.fi", &e), K_OK); /* staff may */
  char *r = db_atext(d, &ta, "SELECT result || ':' || citation_en FROM award_nomination WHERE id = 2", "");
  assert_string_equal(r, "award:A bold deed.");
  assert_int_equal(award_decide(d, &ta, N_A, 0, NULL, none, "staff@example.fi", &e), K_OK); /* undecided again */
  assert_int_equal(db_int(d, 0, "SELECT COUNT(*) FROM award_nomination WHERE result IS NOT NULL", ""), 1);
  assert_int_equal(db_int(d, 0, "SELECT COUNT(*) FROM audit WHERE action = 'decide'", ""), 3);
  sql(d, "UPDATE award_round SET published_at = '2020-01-01T00:00:00Z'");
  assert_int_equal(award_decide(d, &ta, N_B, CHAIR, "mention", cit, "chair@example.fi", &e), K_ERR);
  kerr_clear(&e);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_figures_example),
      cmocka_unit_test(test_figures_edges),
      cmocka_unit_test_setup_teardown(test_conflicts_derived, setup, teardown),
      cmocka_unit_test_setup_teardown(test_conflict_declared, setup, teardown),
      cmocka_unit_test_setup_teardown(test_unpublished_deed, setup, teardown),
      cmocka_unit_test_setup_teardown(test_scores, setup, teardown),
      cmocka_unit_test_setup_teardown(test_standings_decide, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
