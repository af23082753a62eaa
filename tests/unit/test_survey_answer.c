/* Unit tests for model/seckey and model/survey_answer: the secret file, the link tokens recomputed from their nonce,
 * pseudonyms stable per person and series and different across series, checking answers (conditions, ranges,
 * options, other), storing an answer with no link to the person, closing a series, and an erase that leaves the
 * answers and pairs as they were. */
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/person.h"
#include "model/seckey.h"
#include "model/survey_answer.h"
#include "svcdb.h"

static const char DEF[] =
    "{\"key\":\"KEY\",SERIES\"title\":{\"fi\":\"Kysely\"},\"questions\":["
    "{\"type\":\"section\",\"title\":{\"fi\":\"Osa\"}},"
    "{\"key\":\"q1\",\"type\":\"likert5\",\"text\":{\"fi\":\"Q1\"},\"required\":true},"
    "{\"key\":\"q2\",\"type\":\"single\",\"text\":{\"fi\":\"Q2\"},\"options\":[{\"key\":\"a\",\"text\":{\"fi\":\"A\"}},"
    "{\"key\":\"b\",\"text\":{\"fi\":\"B\"}}],\"other\":true},"
    "{\"key\":\"q3\",\"type\":\"matrix\",\"scale\":\"likert7\",\"text\":{\"fi\":\"Q3\"},\"required\":true,"
    "\"rows\":[{\"key\":\"r1\",\"text\":{\"fi\":\"R1\"}},{\"key\":\"r2\",\"text\":{\"fi\":\"R2\"}}]},"
    "{\"key\":\"q4\",\"type\":\"multiple\",\"text\":{\"fi\":\"Q4\"},\"options\":[{\"key\":\"a\",\"text\":{\"fi\":\"A\"}"
    "},"
    "{\"key\":\"b\",\"text\":{\"fi\":\"B\"}}],\"other\":true,\"show_if\":{\"q1\":[4,5]},\"required\":true},"
    "{\"key\":\"q5\",\"type\":\"scale10\",\"text\":{\"fi\":\"Q5\"}},"
    "{\"key\":\"q6\",\"type\":\"number\",\"text\":{\"fi\":\"Q6\"},\"min\":0,\"max\":100},"
    "{\"key\":\"q7\",\"type\":\"text\",\"text\":{\"fi\":\"Q7\"}}]}";

static unsigned char MASTER[SECKEY_LEN];

/* Imports DEF as survey id under key, in series and phase (NULL for none), as `kehto survey import` does. */
static void add_survey(db *d, long long id, const char *key, const char *series, const char *phase) {
  buf b = BUF_INIT;
  const char *p = DEF, *k = strstr(p, "KEY"), *s = strstr(p, "SERIES");
  buf_append(&b, p, (size_t)(k - p));
  buf_puts(&b, key);
  buf_append(&b, k + 3, (size_t)(s - k - 3));
  if (series) buf_printf(&b, "\"series\":\"%r\",\"phase\":\"%r\",", series, phase);
  buf_puts(&b, s + 6);
  kerr e = {0};
  long long got = survey_import(d, b.data, b.len, "test", &e);
  if (got != id) fail_msg("survey_import: %s", e.msg ? e.msg : "another id");
  buf_free(&b);
}

static int setup(void **state) {
  svcdb_setup(state);
  db *d = *state;
  assert_int_equal(db_script(d, "INSERT INTO org(id,name,type,municipality_code) VALUES(1,'Oulu','kunta','564');"
                                "INSERT INTO service(id,type_code,name,period_id,counts) VALUES"
                                " (1,'sparraus','Sparraus',2,'participant');"
                                "INSERT INTO delivery(id,ref,service_id,starts_on,ends_on) VALUES"
                                " (1,'SP-1',1,'2019-03-01','2019-03-31');"
                                "INSERT INTO person(id,email,name,org_id) VALUES(1,'anna@example.fi','Anna',1),"
                                " (2,'bert@example.fi','Bert',NULL);"
                                "INSERT INTO participation(person_id,delivery_id,role) VALUES(1,1,'johto'),"
                                " (2,1,'tyontekija');"),
                   DB_OK);
  add_survey(d, 1, "alku", "sparraus", "before");
  add_survey(d, 2, "loppu", "sparraus", "after");
  add_survey(d, 3, "toinen", "toinen-sarja", "before");
  add_survey(d, 4, "palaute", NULL, NULL);
  return 0;
}

/* Links given by survey_invite with a link function: email and token, in order. */
typedef struct links {
  char email[4][64], token[4][SURVEY_TOKEN_LEN + 1];
  int n;
} links;

static void take_link(void *arg, const char *email, const char *link) {
  links *l = arg;
  assert_true(l->n < 4);
  snprintf(l->email[l->n], sizeof l->email[0], "%s", email);
  const char *t = strstr(link, "/kysely/");
  assert_non_null(t);
  snprintf(l->token[l->n++], sizeof l->token[0], "%s", t + 8);
}

static void invite(db *d, long long survey_id, links *l) {
  survey_send s = {.by = SURVEY_BY_DELIVERY, .id = 1, .link = take_link, .arg = l, .actor = "test"};
  int invited = 0, skipped = 0;
  kerr e = {0};
  if (survey_invite(d, MASTER, survey_id, &s, &invited, &skipped, &e) != K_OK) fail_msg("invite: %s", e.msg);
  assert_int_equal(invited, 2);
}

static void test_secret_file(void **state) {
  (void)state;
  char dir[] = "/tmp/kehto-seckey.XXXXXX", path[300], env[300];
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/kehto.secret", dir);
  unsigned char k1[SECKEY_LEN], k2[SECKEY_LEN];
  kerr e = {0};
  mode_t old = umask(0);
  assert_int_equal(seckey_load(path, k1, &e), K_OK);
  umask(old);
  struct stat st;
  assert_int_equal(stat(path, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0600);
  assert_int_equal(st.st_size, SECKEY_LEN);
  assert_int_equal(seckey_load(path, k2, &e), K_OK);
  assert_memory_equal(k1, k2, SECKEY_LEN); /* read again, not made again */
  assert_int_equal(chmod(path, 0640), 0);
  assert_int_equal(seckey_load(path, k2, &e), K_ERR);
  assert_non_null(strstr(e.msg, path));
  kerr_clear(&e);
  assert_int_equal(chmod(path, 0600), 0);
  assert_int_equal(truncate(path, 31), 0);
  assert_int_equal(seckey_load(path, k2, &e), K_ERR);
  assert_non_null(strstr(e.msg, "31 bytes"));
  kerr_clear(&e);
  unlink(path);
  rmdir(dir);
  /* the default place */
  unsetenv("KEHTO_SECRET_FILE");
  seckey_path(NULL, "/srv/kehto.db", path, sizeof path);
  assert_string_equal(path, "/srv/kehto.db.secret");
  seckey_path(NULL, "postgresql://kehto@db/kehto", path, sizeof path);
  assert_string_equal(path, "kehto.secret");
  setenv("KEHTO_SECRET_FILE", "/etc/kehto/secret", 1);
  seckey_path(NULL, "/srv/kehto.db", path, sizeof path);
  assert_string_equal(path, "/etc/kehto/secret");
  seckey_path("/run/given", "/srv/kehto.db", env, sizeof env);
  assert_string_equal(env, "/run/given");
  unsetenv("KEHTO_SECRET_FILE");
}

static void test_token_recomputed(void **state) {
  db *d = *state;
  links l = {0};
  invite(d, 1, &l);
  for (int i = 0; i < l.n; i++) {
    assert_int_equal(strlen(l.token[i]), SURVEY_TOKEN_LEN);
    char *nonce =
        db_text(d, "SELECT i.nonce FROM survey_invite i JOIN person p ON p.id = i.person_id WHERE p.email = ?1", "t",
                l.email[i]);
    assert_non_null(nonce);
    /* the token is base64url(HMAC-SHA256(master, "invite:" || nonce)), recomputed the same every time */
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    char msg[64], expect[SURVEY_TOKEN_LEN + 1], again[SURVEY_TOKEN_LEN + 1], hash[65];
    snprintf(msg, sizeof msg, "invite:%s", nonce);
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, MASTER, SECKEY_LEN);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, strlen(msg));
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_bin2base64(expect, sizeof expect, mac, sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    assert_string_equal(l.token[i], expect);
    survey_token(MASTER, nonce, again);
    assert_string_equal(again, expect);
    survey_token_hash(again, hash);
    assert_int_equal(
        db_int(d, 0, "SELECT count(*) FROM survey_invite WHERE token_hash = ?1 AND nonce = ?2", "tt", hash, nonce), 1);
    free(nonce);
    arena a = {0};
    survey_link link;
    assert_int_equal(survey_link_find(d, &a, l.token[i], &link), 1);
    assert_int_equal(link.survey_id, 1);
    arena_free(&a);
  }
  arena a = {0};
  survey_link link;
  assert_int_equal(survey_link_find(d, &a, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &link), 0);
  assert_int_equal(survey_link_find(d, &a, "short", &link), 0);
  arena_free(&a);
  /* a second invitation of the same people makes none, and keeps the links */
  survey_send s = {.by = SURVEY_BY_SERVICE, .id = 1, .link = take_link, .arg = &l, .actor = "test"};
  int invited = 0, skipped = 0;
  kerr e = {0};
  assert_int_equal(survey_invite(d, MASTER, 1, &s, &invited, &skipped, &e), K_OK);
  assert_int_equal(invited, 0);
  assert_int_equal(skipped, 2);
  /* another master key is refused before any link is made with it */
  unsigned char other[SECKEY_LEN];
  randombytes_buf(other, sizeof other);
  assert_int_equal(survey_invite(d, other, 4, &s, &invited, &skipped, &e), K_ERR);
  assert_non_null(strstr(e.msg, "eri salaisuustiedostolla"));
  kerr_clear(&e);
}

static void test_pseudonym(void **state) {
  db *d = *state;
  kerr e = {0};
  char p1[65], p1b[65], p2[65], p3[65];
  assert_int_equal(survey_pseudonym(d, MASTER, 1, 1, 0, p1, &e), K_ERR); /* no key before the first invitation */
  kerr_clear(&e);
  assert_int_equal(survey_pseudonym(d, MASTER, 1, 1, 1, p1, &e), K_OK);
  assert_int_equal(survey_pseudonym(d, MASTER, 1, 1, 0, p1b, &e), K_OK);
  assert_string_equal(p1, p1b); /* stable */
  assert_int_equal(strlen(p1), 64);
  assert_int_equal(survey_pseudonym(d, MASTER, 1, 2, 0, p2, &e), K_OK);
  assert_string_not_equal(p1, p2); /* another person */
  assert_int_equal(survey_pseudonym(d, MASTER, 2, 1, 1, p3, &e), K_OK);
  assert_string_not_equal(p1, p3); /* another series */
  /* the pseudonym is hex(HMAC-SHA256(series key, "person:" || id)), the series key sealed under the master key */
  size_t len = 0;
  db_stmt *st = db_query(d, "SELECT key_box FROM survey_series WHERE id = 1", "");
  assert_int_equal(db_step(st), 1);
  const unsigned char *box = db_col_blob(st, 0, &len);
  unsigned char copy[200], key[32], mac[32];
  assert_int_equal(len, crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + 32);
  memcpy(copy, box, len);
  db_done(st);
  assert_int_equal(crypto_secretbox_open_easy(key, copy + crypto_secretbox_NONCEBYTES,
                                              len - crypto_secretbox_NONCEBYTES, copy, MASTER),
                   0);
  crypto_auth_hmacsha256(mac, (const unsigned char *)"person:1", 8, key);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  assert_string_equal(p1, hex);
  unsigned char other[SECKEY_LEN];
  randombytes_buf(other, sizeof other);
  assert_int_equal(survey_pseudonym(d, other, 1, 1, 0, p1b, &e), K_ERR); /* another secret file */
  kerr_clear(&e);
}

static survey_def *load(db *d, arena *a, long long id) {
  survey_def *def = survey_load(d, a, id);
  assert_non_null(def);
  return def;
}

static int has(const survey_value *v, int n, const char *q, const char *item, double num, const char *text) {
  for (int i = 0; i < n; i++)
    if (!strcmp(v[i].question, q) && !strcmp(v[i].item, item) &&
        (text ? v[i].text && !strcmp(v[i].text, text) : v[i].has_num && v[i].num == num))
      return 1;
  return 0;
}

static void test_check(void **state) {
  db *d = *state;
  arena a = {0};
  survey_def *def = load(d, &a, 1);
  kerr e = {0};
  int n = 0;
  survey_field all[] = {{"q1", "5"},    {"q2", "other"}, {"q2.other", " Muu "}, {"q3.r1", "7"},
                        {"q3.r2", "1"}, {"q4", "a"},     {"q4", "other"},       {"q4.other", "X"},
                        {"q5", "0"},    {"q6", "2,5"},   {"q7", "  teksti  "},  {"csrf-like", "ignored"}};
  survey_value *v = survey_check(&a, def, all, 12, &n, &e);
  assert_non_null(v);
  assert_int_equal(n, 11);
  assert_true(has(v, n, "q1", "", 5, NULL));
  assert_true(has(v, n, "q2", "", 0, "other"));
  assert_true(has(v, n, "q2", ".other", 0, "Muu"));
  assert_true(has(v, n, "q3", "r1", 7, NULL));
  assert_true(has(v, n, "q4", "a", 1, NULL));
  assert_true(has(v, n, "q4", "other", 1, NULL));
  assert_true(has(v, n, "q4", ".other", 0, "X"));
  assert_true(has(v, n, "q5", "", 0, NULL));
  assert_true(has(v, n, "q6", "", 2.5, NULL));
  assert_true(has(v, n, "q7", "", 0, "teksti"));
  /* a condition not met: q4 (required when shown) is ignored */
  survey_field hidden[] = {{"q1", "3"}, {"q3.r1", "1"}, {"q3.r2", "2"}, {"q4", "zz"}};
  v = survey_check(&a, def, hidden, 4, &n, &e);
  assert_non_null(v);
  assert_int_equal(n, 3);
  assert_false(survey_shown(def, survey_def_find(def, "q4"), hidden, 4));
  /* shown: required, options checked */
  survey_field shown[] = {{"q1", "4"}, {"q3.r1", "1"}, {"q3.r2", "2"}};
  assert_null(survey_check(&a, def, shown, 3, &n, &e));
  assert_true(svcdb_has_field(&e, "q4"));
  kerr_clear(&e);
  /* every kind of bad value, each named by its question */
  survey_field bad[] = {{"q1", "0"},  {"q2", "c"},  {"q3.r1", "8"},  {"q5", "11"},
                        {"q6", "-1"}, {"q7", "ok"}, {"q2.other", ""}};
  assert_null(survey_check(&a, def, bad, 7, &n, &e));
  const char *fields[] = {"q1", "q2", "q3", "q5", "q6"};
  for (int i = 0; i < 5; i++) assert_true(svcdb_has_field(&e, fields[i]));
  assert_false(svcdb_has_field(&e, "q7"));
  kerr_clear(&e);
  survey_field partial[] = {{"q1", "2"}, {"q3.r1", "3"}, {"q6", "1e3"}, {"q2", "other"}};
  assert_null(survey_check(&a, def, partial, 4, &n, &e));
  assert_true(svcdb_has_field(&e, "q3")); /* a required matrix wants every row */
  assert_true(svcdb_has_field(&e, "q6")); /* 1000: over max */
  assert_true(svcdb_has_field(&e, "q2")); /* other without its text */
  kerr_clear(&e);
  arena_free(&a);
}

/* Answers survey survey_id by the link of person (its email) among l. */
static void answer(db *d, const links *l, const char *email, const char *q1) {
  arena a = {0};
  survey_def *def = load(d, &a, 1);
  survey_field f[] = {{"q1", q1}, {"q3.r1", "4"}, {"q3.r2", "5"}, {"q7", "sanottavaa"}};
  int n = 0;
  kerr e = {0};
  survey_value *v = survey_check(&a, def, f, 4, &n, &e);
  assert_non_null(v);
  for (int i = 0; i < l->n; i++)
    if (!strcmp(l->email[i], email)) {
      int rc = survey_submit_invite(d, MASTER, l->token[i], v, n, &e);
      if (rc != K_OK) fail_msg("submit: %d %s", rc, e.msg ? e.msg : "");
      assert_int_equal(survey_submit_invite(d, MASTER, l->token[i], v, n, &e), SURVEY_ANSWERED_ALREADY);
    }
  arena_free(&a);
}

static void test_answer_and_erase(void **state) {
  db *d = *state;
  links before = {0}, after = {0};
  invite(d, 1, &before);
  invite(d, 2, &after);
  /* a draft under the link, deleted by the answer */
  char hash[65];
  survey_token_hash(before.token[0], hash);
  survey_field f[] = {{"q1", "4"}, {"q4", "a"}, {"q4", "b"}, {"q8", "Salainen luonnos"}};
  kerr e = {0};
  assert_int_equal(survey_draft_save(d, before.token[0], 1, f, 4, &e), K_OK);
  arena a = {0};
  int nf = 0;
  survey_field *g = survey_draft_load(d, &a, before.token[0], &nf, NULL);
  assert_int_equal(nf, 4);
  assert_string_equal(g[2].name, "q4");
  assert_string_equal(g[2].value, "b");
  /* the draft sits under the token's hash, which the invitation holds too: so a copy of the database must not
   * be able to read it, only the link's holder (the token is the key) */
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM survey_draft d JOIN survey_invite i ON i.token_hash = "
                                 "d.token_hash WHERE d.token_hash = ?1", "t", hash), 1);
  char *data = db_text(d, "SELECT data FROM survey_draft WHERE token_hash = ?1", "t", hash);
  assert_non_null(data);
  assert_null(strstr(data, "Salainen"));
  assert_null(strstr(data, "q4"));
  free(data);
  assert_null(survey_draft_load(d, &a, before.token[1], &nf, NULL)); /* another link: nothing */
  arena_free(&a);
  answer(d, &before, "anna@example.fi", "3");
  answer(d, &before, "bert@example.fi", "2");
  answer(d, &after, "anna@example.fi", "1");
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM survey_draft", ""), 0);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM survey_invite WHERE answered = 1", ""), 3);
  /* pairs: Anna's before and after carry one pseudonym */
  const char *pairs = "SELECT string_agg(a.pseudonym, ',') FROM survey_response a JOIN survey_response b "
                      "ON a.pseudonym = b.pseudonym AND a.survey_id = 1 AND b.survey_id = 2";
  char *p_before = db_text(d, pairs, "");
  assert_non_null(p_before);
  assert_int_equal(strlen(p_before), 64);
  const char *dump = "SELECT string_agg(r.survey_id || '|' || coalesce(r.pseudonym, '') || '|' || r.answered_on || '|' "
                     "|| r.via || '|' || r.ctx_role || '|' || a.question || '|' || a.item || '|' || "
                     "coalesce(a.num, '') || '|' || coalesce(a.text, ''), ';') "
                     "FROM (SELECT * FROM survey_response ORDER BY id) r JOIN survey_answer a ON a.response_id = r.id";
  char *d_before = db_text(d, dump, "");
  assert_non_null(strstr(d_before, "|invite|johto|q1||3.0|"));
  /* the export lists the invitations, never the answers */
  buf out = BUF_INIT;
  assert_int_equal(person_export_json(d, 1, &out), K_OK);
  assert_non_null(strstr(out.data, "\"survey_invitations\""));
  assert_non_null(strstr(out.data, "\"survey\": \"alku\""));
  assert_non_null(strstr(out.data, "\"answered\": true"));
  assert_null(strstr(out.data, "sanottavaa"));
  assert_null(strstr(out.data, p_before));
  buf_free(&out);
  /* erase: the invitations go, the answers and pairs stay exactly */
  int rc = person_erase(d, 1, "test", &e);
  assert_true(rc == K_OK || rc == PERSON_ERASE_IN_WAL);
  kerr_clear(&e);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM survey_invite WHERE person_id = 1", ""), 0);
  char *p_after = db_text(d, pairs, ""), *d_after = db_text(d, dump, "");
  assert_string_equal(p_before, p_after);
  assert_string_equal(d_before, d_after);
  free(p_before), free(p_after), free(d_before), free(d_after);
}

static void test_close_series(void **state) {
  db *d = *state;
  links l = {0};
  invite(d, 1, &l);
  kerr e = {0};
  assert_int_equal(survey_series_close(d, "sparraus", "test", &e), K_OK);
  assert_int_equal(db_int(d, -1,
                          "SELECT count(*) FROM survey_series WHERE key_box IS NULL AND closed_at IS NOT NULL "
                          "AND key = 'sparraus'",
                          ""),
                   1);
  assert_int_equal(survey_series_close(d, "sparraus", "test", &e), K_ERR);
  kerr_clear(&e);
  /* no invitations, no answers */
  survey_send s = {.by = SURVEY_BY_DELIVERY, .id = 1, .link = take_link, .arg = &l};
  int invited, skipped;
  l.n = 0;
  assert_int_equal(survey_invite(d, MASTER, 2, &s, &invited, &skipped, &e), K_ERR);
  kerr_clear(&e);
  survey_value v = {"q1", "", 1, 3, NULL};
  links again = {0};
  survey_send s2 = {.by = SURVEY_BY_DELIVERY, .id = 1, .link = take_link, .arg = &again};
  assert_int_equal(survey_remind(d, MASTER, 1, &s2, &invited, &e), K_ERR);
  kerr_clear(&e);
  char tok[SURVEY_TOKEN_LEN + 1];
  char *nonce = db_text(d, "SELECT nonce FROM survey_invite WHERE survey_id = 1 ORDER BY id LIMIT 1", "");
  survey_token(MASTER, nonce, tok);
  free(nonce);
  assert_int_equal(survey_submit_invite(d, MASTER, tok, &v, 1, &e), SURVEY_REFUSED);
  kerr_clear(&e);
  assert_int_equal(survey_submit_open(d, 1, &v, 1, &e), SURVEY_REFUSED);
  kerr_clear(&e);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM survey_response", ""), 0);
  assert_int_equal(survey_submit_open(d, 4, &v, 1, &e), K_OK); /* a survey outside the series still takes answers */
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM survey_response WHERE pseudonym IS NULL AND via = 'open'", ""),
                   1);
  /* closed since the page was shown: the answer is refused inside its own transaction, by either link */
  db_exec(d, "UPDATE survey SET closes_at = '2020-01-01T00:00:00Z' WHERE id = 4", "");
  assert_int_equal(survey_submit_open(d, 4, &v, 1, &e), SURVEY_REFUSED);
  assert_non_null(strstr(e.msg, "ei ole nyt avoinna"));
  kerr_clear(&e);
  db_exec(d, "UPDATE survey SET closes_at = '2020-01-01T00:00:00Z' WHERE id = 1", "");
  db_exec(d, "UPDATE survey_series SET closed_at = NULL", "");
  assert_int_equal(survey_submit_invite(d, MASTER, tok, &v, 1, &e), SURVEY_REFUSED);
  assert_non_null(strstr(e.msg, "ei ole nyt avoinna"));
  kerr_clear(&e);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM survey_response", ""), 1);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM survey_invite WHERE answered = 1", ""), 0);
}

int main(void) {
  if (sodium_init() < 0) return 1;
  randombytes_buf(MASTER, sizeof MASTER);
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_secret_file),
      cmocka_unit_test_setup_teardown(test_token_recomputed, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_pseudonym, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_check, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_answer_and_erase, setup, svcdb_teardown),
      cmocka_unit_test_setup_teardown(test_close_series, setup, svcdb_teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
