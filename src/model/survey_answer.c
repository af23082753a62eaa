/* survey_answer: invitations, the series' pairing keys and pseudonyms, drafts, and answers with no link to anyone. */
#include "model/survey_answer.h"

#include <jansson.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "model/audit.h"
#include "model/mail.h"
#include "model/person.h"
#include "model/write.h"

/* ---- secrets ---- */

void survey_token(const unsigned char master[SECKEY_LEN], const char *nonce, char out[SURVEY_TOKEN_LEN + 1]) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, master, SECKEY_LEN);
  crypto_auth_hmacsha256_update(&st, (const unsigned char *)"invite:", 7);
  crypto_auth_hmacsha256_update(&st, (const unsigned char *)nonce, strlen(nonce));
  crypto_auth_hmacsha256_final(&st, mac);
  sodium_bin2base64(out, SURVEY_TOKEN_LEN + 1, mac, sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void survey_token_hash(const char *token, char out[65]) {
  unsigned char h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
  sodium_bin2hex(out, 65, h, sizeof h);
}

enum { BOX_LEN = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + 32 };

/* The series' pairing key into key: opened from key_box, or (create) made and stored. K_OK or K_ERR with e. */
static int series_key(db *d, const unsigned char master[SECKEY_LEN], long long series_id, int create,
                      unsigned char key[32], kerr *e) {
  db_stmt *st = db_query(d, "SELECT key_box, closed_at FROM survey_series WHERE id = ?1", "i", series_id);
  if (db_step(st) != 1) {
    db_done(st);
    return kerr_set(e, NULL, N_("Kyselysarjaa ei ole."));
  }
  int closed = !db_col_null(st, 1);
  size_t len = 0;
  const unsigned char *box = db_col_blob(st, 0, &len);
  unsigned char copy[BOX_LEN];
  int have = box && len == BOX_LEN;
  if (have) memcpy(copy, box, BOX_LEN);
  int odd = box && len != BOX_LEN;
  db_done(st);
  if (closed)
    return kerr_set(
        e, NULL,
        N_("Kyselysarja on suljettu: sen parituksen avain on poistettu, eikä sen kyselyihin voi enää kutsua "
           "eikä vastata."));
  if (odd) return kerr_set(e, NULL, N_("Kyselysarjan avain on vioittunut."));
  if (have) {
    if (crypto_secretbox_open_easy(key, copy + crypto_secretbox_NONCEBYTES, BOX_LEN - crypto_secretbox_NONCEBYTES, copy,
                                   master) != 0)
      return kerr_set(
          e, NULL,
          N_("Kyselysarjan avainta ei voi avata tällä salaisuustiedostolla (--secret-file): palvelimelle on "
             "annettu eri tiedosto kuin sille, jolla avain tehtiin."));
    return K_OK;
  }
  if (!create) return kerr_set(e, NULL, N_("Kyselysarjalla ei ole vielä avainta: kutsu ensin osallistujat."));
  randombytes_buf(key, 32);
  randombytes_buf(copy, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(copy + crypto_secretbox_NONCEBYTES, key, 32, copy, master);
  db_stmt *up = db_prepare(d, "UPDATE survey_series SET key_box = :box WHERE id = :id AND key_box IS NULL "
                              "AND closed_at IS NULL");
  db_bind_blob(up, ":box", copy, BOX_LEN);
  db_bind_int(up, ":id", series_id);
  int ok = db_step(up) == 0 && db_changes(d) == 1;
  db_done(up);
  if (!ok) {
    sodium_memzero(key, 32);
    return kerr_storage(e, "Kyselysarjan avaimen tallennus", db_errmsg(d));
  }
  return K_OK;
}

int survey_pseudonym(db *d, const unsigned char master[SECKEY_LEN], long long series_id, long long person_id,
                     int create, char out[65], kerr *e) {
  unsigned char key[32], mac[crypto_auth_hmacsha256_BYTES];
  if (series_key(d, master, series_id, create, key, e) != K_OK) return K_ERR;
  char msg[40];
  int n = snprintf(msg, sizeof msg, "person:%lld", person_id);
  crypto_auth_hmacsha256(mac, (const unsigned char *)msg, (unsigned long long)n, key);
  sodium_memzero(key, sizeof key);
  sodium_bin2hex(out, 65, mac, sizeof mac);
  return K_OK;
}

/* ---- the survey ---- */

survey_answering *survey_answering_get(db *d, arena *a, long long id, const char *now) {
  db_stmt *st = db_query(d,
                         "SELECT s.id, coalesce(s.series_id, 0), s.key, s.opens_at, s.closes_at, s.open_code, "
                         "CASE WHEN ss.closed_at IS NOT NULL THEN 1 ELSE 0 END "
                         "FROM survey s LEFT JOIN survey_series ss ON ss.id = s.series_id WHERE s.id = ?1",
                         "i", id);
  survey_answering *s = NULL;
  if (db_step(st) == 1) {
    s = arena_alloc(a, sizeof *s);
    s->id = db_col_int(st, 0);
    s->series_id = db_col_int(st, 1);
    s->key = db_col_adup(st, 2, a);
    s->opens_at = db_col_adup(st, 3, a);
    s->closes_at = db_col_adup(st, 4, a);
    s->open_code = db_col_adup(st, 5, a);
    s->series_closed = (int)db_col_int(st, 6);
  }
  db_done(st);
  if (!s) return NULL;
  s->state = s->opens_at && strcmp(now, s->opens_at) < 0      ? SURVEY_AT_NOT_OPEN
             : s->closes_at && strcmp(now, s->closes_at) >= 0 ? SURVEY_AT_CLOSED
                                                              : SURVEY_AT_OPEN;
  s->def = survey_load(d, a, id);
  return s->def ? s : NULL;
}

/* Refuses invitations and reminders to a survey that is closed or whose series is. */
static survey_answering *sendable(db *d, arena *a, long long survey_id, kerr *e) {
  survey_answering *s = survey_answering_get(d, a, survey_id, db_now().s);
  if (!s) {
    kerr_set(e, NULL, N_("Kyselyä ei ole."));
    return NULL;
  }
  if (s->series_closed) {
    kerr_set(e, NULL, N_("Kyselyn sarja on suljettu ja sen parituksen avain poistettu: kyselyyn ei voi enää kutsua."));
    return NULL;
  }
  if (s->state == SURVEY_AT_CLOSED) {
    kerr_set(e, NULL, N_("Kysely on sulkeutunut: siihen ei voi enää kutsua eikä muistuttaa."));
    return NULL;
  }
  return s;
}

/* ---- invitations ---- */

long long survey_delivery_find(db *d, const char *ref) {
  long long id = db_int(d, 0, "SELECT id FROM delivery WHERE ref = ?1", "t", ref);
  long long n;
  if (!id && util_parse_int(ref, 1, 1LL << 53, &n) == K_OK)
    id = db_int(d, 0, "SELECT id FROM delivery WHERE id = ?1", "i", n);
  return id;
}

/* One participant to invite, with the context the invitation keeps. */
typedef struct invitee {
  long long person_id, delivery_id, period_id;
  char *email, *role, *type, *sector, *region;
} invitee;

#define INVITEE_SELECT                                                                                                 \
  "SELECT p.id, p.email, pa.role, s.type_code, coalesce(p.sector_code, ''), coalesce(m.region_code, ''), "             \
  "s.period_id, pa.delivery_id FROM participation pa JOIN person p ON p.id = pa.person_id "                            \
  "JOIN delivery d ON d.id = pa.delivery_id JOIN service s ON s.id = d.service_id "                                    \
  "LEFT JOIN org o ON o.id = p.org_id LEFT JOIN municipality m ON m.code = o.municipality_code "                       \
  "WHERE p.erased_at IS NULL AND p.email IS NOT NULL AND "
#define INVITEE_ORDER " ORDER BY p.id, d.starts_on DESC, pa.id"

/* The participants of the target, one row per person (their latest matching delivery), in arena a. */
static invitee *invitees(db *d, arena *a, int by, long long id, int *n) {
  static const char *const sql[] = {
      INVITEE_SELECT "d.id = ?1" INVITEE_ORDER,
      INVITEE_SELECT "d.service_id = ?1" INVITEE_ORDER,
      INVITEE_SELECT "s.period_id = ?1" INVITEE_ORDER,
  };
  db_stmt *st = db_query(d, sql[by], "i", id);
  invitee *v = NULL;
  int cap = 0;
  *n = 0;
  long long last = 0;
  while (db_step(st) == 1) {
    if (db_col_int(st, 0) == last) continue;
    if (*n == cap) {
      int ncap = cap ? cap * 2 : 64;
      invitee *nv = arena_alloc(a, sizeof *nv * (size_t)ncap);
      if (*n) memcpy(nv, v, sizeof *v * (size_t)*n);
      v = nv, cap = ncap;
    }
    invitee *x = &v[(*n)++];
    x->person_id = last = db_col_int(st, 0);
    x->email = db_col_adup(st, 1, a);
    x->role = db_col_adup(st, 2, a);
    x->type = db_col_adup(st, 3, a);
    x->sector = db_col_adup(st, 4, a);
    x->region = db_col_adup(st, 5, a);
    x->period_id = db_col_int(st, 6);
    x->delivery_id = db_col_int(st, 7);
  }
  db_done(st);
  return v;
}

/* The survey's title in lang. */
static const char *title_in(const survey_def *def, const char *lang) {
  return survey_text_pick(&def->title, lang).text;
}

static const char *lang_ok(const char *lang) {
  return lang && (!strcmp(lang, "sv") || !strcmp(lang, "en")) ? lang : "fi";
}

/* The link for the CLI's --print-links: BASE/kysely/TOKEN (BASE/sv/kysely/TOKEN for a Swedish invitation, as the
 * email has it). */
static void give_link(db *d, const survey_send *s, const char *email, const char *lang, const char *token) {
  char base[512], link[700];
  mail_base_url(d, base, sizeof base);
  lang = lang_ok(lang);
  snprintf(link, sizeof link, "%s%s%s/kysely/%s", base, strcmp(lang, "fi") ? "/" : "", strcmp(lang, "fi") ? lang : "",
           token);
  s->link(s->arg, email, link);
}

/* Checks the master key against the newest invitation of a survey still open, outside a closed series (its nonce
 * must give its token's hash): a server given another secret file would send links that open nothing. Invitations of
 * closed surveys are not asked: their links open nothing anyway, and the demo's were made without a master key.
 * K_OK, or K_ERR with e set. */
static int master_matches(db *d, const unsigned char master[SECKEY_LEN], kerr *e) {
  db_stmt *st = db_query(d,
                         "SELECT i.nonce, i.token_hash FROM survey_invite i JOIN survey s ON s.id = i.survey_id "
                         "LEFT JOIN survey_series ss ON ss.id = s.series_id "
                         "WHERE (s.closes_at IS NULL OR s.closes_at > ?1) AND ss.closed_at IS NULL "
                         "ORDER BY i.id DESC LIMIT 1",
                         "t", db_now().s);
  int rc = K_OK;
  if (db_step(st) == 1) {
    char token[SURVEY_TOKEN_LEN + 1], hash[65];
    survey_token(master, db_col_text(st, 0), token);
    survey_token_hash(token, hash);
    if (strcmp(hash, db_col_text(st, 1)))
      rc = kerr_set(e, NULL,
                    N_("Kutsut on tehty eri salaisuustiedostolla (--secret-file) kuin palvelimella nyt on: "
                       "uusien kutsujen ja muistutusten linkit eivät toimisi."));
  }
  db_done(st);
  return rc;
}

/* Adds one invitation (and its email or link); 1 made, 0 invited already, -1 error (e set). */
static int invite_one(db *d, const unsigned char master[SECKEY_LEN], const survey_answering *sv, const survey_send *s,
                      const invitee *x, kerr *e) {
  char nonce[33], token[SURVEY_TOKEN_LEN + 1], hash[65];
  util_random_hex(nonce, 16);
  survey_token(master, nonce, token);
  survey_token_hash(token, hash);
  const char *lang = lang_ok(s->lang);
  db_stmt *st = db_prepare(d, "INSERT INTO survey_invite(survey_id, person_id, nonce, token_hash, delivery_id, "
                              "ctx_role, ctx_service_type, ctx_sector, ctx_region, ctx_period_id, lang, invited_at) "
                              "VALUES(:s, :p, :n, :h, :d, :role, :type, :sector, :region, :period, :lang, :now) "
                              "ON CONFLICT(survey_id, person_id) DO NOTHING");
  db_bind_int(st, ":s", sv->id);
  db_bind_int(st, ":p", x->person_id);
  db_bind_text(st, ":n", nonce);
  db_bind_text(st, ":h", hash);
  db_bind_int(st, ":d", x->delivery_id);
  db_bind_text(st, ":role", x->role);
  db_bind_text(st, ":type", x->type);
  db_bind_text(st, ":sector", x->sector);
  db_bind_text(st, ":region", x->region);
  db_bind_int(st, ":period", x->period_id);
  db_bind_text(st, ":lang", lang);
  db_bind_text(st, ":now", db_now().s);
  int rc = db_step(st);
  int made = rc == 0 ? db_changes(d) : -1;
  db_done(st);
  if (made < 0) return kerr_storage(e, "Kutsun tallennus", db_errmsg(d)), -1;
  if (made == 0) return 0;
  if (s->link)
    give_link(d, s, x->email, lang, token);
  else if (!mail_survey_invite(d, x->email, lang, token, title_in(sv->def, lang), sv->closes_at, 0, e))
    return -1;
  return 1;
}

int survey_invite(db *d, const unsigned char master[SECKEY_LEN], long long survey_id, const survey_send *s,
                  int *invited, int *skipped, kerr *e) {
  *invited = *skipped = 0;
  arena a = {0};
  survey_answering *sv = sendable(d, &a, survey_id, e);
  int rc = K_ERR;
  if (!sv) goto out;
  static const char *const exists[] = {"SELECT 1 FROM delivery WHERE id = ?1", "SELECT 1 FROM service WHERE id = ?1",
                                       "SELECT 1 FROM funding_period WHERE id = ?1"};
  if (s->by < SURVEY_BY_DELIVERY || s->by > SURVEY_BY_PERIOD || !db_exists(d, exists[s->by], "i", s->id)) {
    kerr_set(e, NULL,
             s->by == SURVEY_BY_DELIVERY  ? N_("Toteutusta ei ole.")
             : s->by == SURVEY_BY_SERVICE ? N_("Palvelua ei ole.")
                                          : N_("Rahoituskautta ei ole."));
    goto out;
  }
  if (master_matches(d, master, e) != K_OK) goto out;
  int n = 0;
  invitee *v = invitees(d, &a, s->by, s->id, &n);
  if (write_begin(d, "Kutsujen tallennus", e) != K_OK) goto out;
  rc = K_OK;
  unsigned char key[32];
  if (sv->series_id && !sv->series_closed) /* the series' key is made with its first invitation */
    rc = series_key(d, master, sv->series_id, 1, key, e);
  sodium_memzero(key, sizeof key);
  for (int i = 0; i < n && rc == K_OK; i++) {
    int made = invite_one(d, master, sv, s, &v[i], e);
    if (made < 0)
      rc = K_ERR;
    else if (made)
      ++*invited;
    else
      ++*skipped;
    if (s->progress && ((i + 1) % 100 == 0 || i + 1 == n)) s->progress(s->arg, i + 1, n);
  }
  if (rc == K_OK) {
    char subject[40], detail[200];
    snprintf(subject, sizeof subject, "survey:%lld", survey_id);
    snprintf(detail, sizeof detail, "%d invited, %d invited before (%s %lld)%s", *invited, *skipped,
             s->by == SURVEY_BY_DELIVERY  ? "delivery"
             : s->by == SURVEY_BY_SERVICE ? "service"
                                          : "period",
             s->id, s->link ? ", links printed" : "");
    if (audit_log(d, s->actor ? s->actor : "", "survey-invite", subject, detail) != K_OK)
      rc = kerr_storage(e, "Kutsujen tallennus", db_errmsg(d));
  }
  rc = write_end(d, rc, "Kutsujen tallennus", e);
  if (rc != K_OK) *invited = *skipped = 0;
out:
  arena_free(&a);
  return rc;
}

int survey_remind(db *d, const unsigned char master[SECKEY_LEN], long long survey_id, const survey_send *s, int *n,
                  kerr *e) {
  *n = 0;
  arena a = {0};
  survey_answering *sv = sendable(d, &a, survey_id, e);
  if (!sv) {
    arena_free(&a);
    return K_ERR;
  }
  typedef struct pending {
    long long id;
    char *email, *nonce, *lang, *hash;
  } pending;
  pending *v = NULL;
  int m = 0, cap = 0;
  db_stmt *st = db_query(
      d,
      "SELECT i.id, p.email, i.nonce, i.lang, i.token_hash FROM survey_invite i JOIN person p ON p.id = i.person_id "
      "WHERE i.survey_id = ?1 AND i.answered = 0 AND p.erased_at IS NULL AND p.email IS NOT NULL "
      "ORDER BY i.id",
      "i", survey_id);
  while (db_step(st) == 1) {
    if (m == cap) {
      int ncap = cap ? cap * 2 : 64;
      pending *nv = arena_alloc(&a, sizeof *nv * (size_t)ncap);
      if (m) memcpy(nv, v, sizeof *v * (size_t)m);
      v = nv, cap = ncap;
    }
    v[m].id = db_col_int(st, 0);
    v[m].email = db_col_adup(st, 1, &a);
    v[m].nonce = db_col_adup(st, 2, &a);
    v[m].lang = db_col_adup(st, 3, &a);
    v[m].hash = db_col_adup(st, 4, &a);
    m++;
  }
  db_done(st);
  int rc = write_begin(d, "Muistutusten tallennus", e);
  for (int i = 0; i < m && rc == K_OK; i++) {
    char token[SURVEY_TOKEN_LEN + 1], hash[65];
    survey_token(master, v[i].nonce, token);
    survey_token_hash(token, hash);
    if (strcmp(hash, v[i].hash)) { /* a link that would not open: the server was given another secret file */
      rc = kerr_set(e, NULL,
                    N_("Kutsut on tehty eri salaisuustiedostolla (--secret-file) kuin palvelimella nyt on: "
                       "uusien kutsujen ja muistutusten linkit eivät toimisi."));
      break;
    }
    if (s->link)
      give_link(d, s, v[i].email, v[i].lang, token);
    else if (!mail_survey_invite(d, v[i].email, v[i].lang, token, title_in(sv->def, v[i].lang), sv->closes_at, 1, e))
      rc = K_ERR;
    if (rc == K_OK &&
        db_exec(d, "UPDATE survey_invite SET reminded_at = ?2 WHERE id = ?1", "it", v[i].id, db_now().s) != DB_OK)
      rc = kerr_storage(e, "Muistutusten tallennus", db_errmsg(d));
    if (s->progress && ((i + 1) % 100 == 0 || i + 1 == m)) s->progress(s->arg, i + 1, m);
  }
  if (rc == K_OK) {
    char subject[40], detail[80];
    snprintf(subject, sizeof subject, "survey:%lld", survey_id);
    snprintf(detail, sizeof detail, "%d reminded%s", m, s->link ? ", links printed" : "");
    if (audit_log(d, s->actor ? s->actor : "", "survey-remind", subject, detail) != K_OK)
      rc = kerr_storage(e, "Muistutusten tallennus", db_errmsg(d));
  }
  rc = write_end(d, rc, "Muistutusten tallennus", e);
  if (rc == K_OK) *n = m;
  arena_free(&a);
  return rc;
}

int survey_series_close(db *d, const char *series, const char *actor, kerr *e) {
  long long id = db_int(d, 0, "SELECT id FROM survey_series WHERE key = ?1", "t", series);
  if (!id) return kerr_set(e, NULL, N_("Kyselysarjaa ei ole."));
  if (db_exists(d, "SELECT 1 FROM survey_series WHERE id = ?1 AND closed_at IS NOT NULL", "i", id))
    return kerr_set(e, NULL, N_("Kyselysarja on jo suljettu."));
  int rc = write_begin(d, "Kyselysarjan sulkeminen", e);
  if (rc != K_OK) return rc;
  char subject[200];
  snprintf(subject, sizeof subject, "survey-series:%s", series);
  if (db_exec(d, "UPDATE survey_series SET key_box = NULL, closed_at = ?2 WHERE id = ?1", "it", id, db_now().s) !=
          DB_OK ||
      db_exec(d, "DELETE FROM survey_draft WHERE survey_id IN (SELECT id FROM survey WHERE series_id = ?1)", "i", id) !=
          DB_OK ||
      audit_log(d, actor ? actor : "", "survey-series-close", subject, "pairing key deleted") != K_OK)
    rc = kerr_storage(e, "Kyselysarjan sulkeminen", db_errmsg(d));
  return write_end(d, rc, "Kyselysarjan sulkeminen", e);
}

char *survey_series_key_of(db *d, arena *a, long long survey_id) {
  return db_atext(d, a, "SELECT ss.key FROM survey s JOIN survey_series ss ON ss.id = s.series_id WHERE s.id = ?1", "i",
                  survey_id);
}

long long survey_unanswered(db *d, long long survey_id) {
  return db_int(d, 0, "SELECT count(*) FROM survey_invite WHERE survey_id = ?1 AND answered = 0", "i", survey_id);
}

survey_rate *survey_rates(db *d, arena *a, long long survey_id, int *n) {
  survey_rate *v = NULL;
  int cap = 0;
  *n = 0;
  db_stmt *st = db_query(d,
                         "SELECT coalesce(delivery_id, 0), count(*), sum(answered) FROM survey_invite "
                         "WHERE survey_id = ?1 GROUP BY coalesce(delivery_id, 0) ORDER BY 1",
                         "i", survey_id);
  while (db_step(st) == 1) {
    if (*n == cap) {
      int ncap = cap ? cap * 2 : 16;
      survey_rate *nv = arena_alloc(a, sizeof *nv * (size_t)ncap);
      if (*n) memcpy(nv, v, sizeof *v * (size_t)*n);
      v = nv, cap = ncap;
    }
    survey_rate *x = &v[(*n)++];
    x->delivery_id = db_col_int(st, 0);
    x->invited = db_col_int(st, 1);
    x->answered = db_col_int(st, 2);
  }
  db_done(st);
  for (int i = 0; i < *n; i++)
    if (v[i].delivery_id) v[i].label = person_delivery_label(d, a, v[i].delivery_id);
  return v;
}

/* ---- a personal link ---- */

int survey_link_find(db *d, arena *a, const char *token, survey_link *out) {
  if (strlen(token) != SURVEY_TOKEN_LEN) return 0;
  survey_token_hash(token, out->token_hash);
  db_stmt *st =
      db_query(d, "SELECT survey_id, lang, answered FROM survey_invite WHERE token_hash = ?1", "t", out->token_hash);
  int found = db_step(st) == 1;
  if (found) {
    out->survey_id = db_col_int(st, 0);
    out->lang = db_col_adup(st, 1, a);
    out->answered = (int)db_col_int(st, 2);
  }
  db_done(st);
  return found;
}

/* ---- checking answers ---- */

static const char *field_value(const survey_field *f, int nf, const char *name) {
  for (int i = 0; i < nf; i++)
    if (!strcmp(f[i].name, name)) return f[i].value;
  return NULL;
}

/* The number in s (a decimal comma allowed, spaces around), or 0 when it is not one. */
static int parse_num(const char *s, double *out) {
  char t[64];
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  while (n && (*s == ' ' || *s == '\t')) s++, n--;
  if (!n || n >= sizeof t) return 0;
  memcpy(t, s, n);
  t[n] = 0;
  for (char *p = t; *p; p++)
    if (*p == ',') *p = '.';
  char *end;
  double v = strtod(t, &end);
  if (*end || !isfinite(v) || strpbrk(t, "xXnNiI")) return 0;
  *out = v;
  return 1;
}

static int has_option(const survey_question *q, const char *key) {
  for (int i = 0; i < q->noptions; i++)
    if (!strcmp(q->options[i].key, key)) return 1;
  return q->other && !strcmp(key, "other");
}

/* 1 when value (as posted) is among the condition's values: option keys compared as text, numbers as numbers. */
static int cond_match(const survey_question *cq, const survey_question *q, const char *value) {
  double a, b;
  int numeric = cq->type != SQ_SINGLE && cq->type != SQ_MULTIPLE;
  for (int i = 0; i < q->ncond; i++) {
    if (numeric ? parse_num(value, &a) && parse_num(q->cond_values[i], &b) && a == b
                : !strcmp(value, q->cond_values[i]))
      return 1;
  }
  return 0;
}

static int shown_depth(const survey_def *d, const survey_question *q, const survey_field *f, int nf, int depth) {
  if (!q->cond_q) return 1;
  const survey_question *cq = survey_def_find(d, q->cond_q);
  if (!cq || depth > 32 || !shown_depth(d, cq, f, nf, depth + 1)) return 0;
  for (int i = 0; i < nf; i++)
    if (!strcmp(f[i].name, cq->key) && cond_match(cq, q, f[i].value)) return 1;
  return 0;
}

int survey_shown(const survey_def *d, const survey_question *q, const survey_field *f, int nf) {
  return shown_depth(d, q, f, nf, 0);
}

typedef struct values {
  arena *a;
  survey_value *v;
  int n, cap;
} values;

static void add_value(values *vs, const char *question, const char *item, int has_num, double num, const char *text) {
  if (vs->n == vs->cap) {
    int ncap = vs->cap ? vs->cap * 2 : 32;
    survey_value *nv = arena_alloc(vs->a, sizeof *nv * (size_t)ncap);
    if (vs->n) memcpy(nv, vs->v, sizeof *nv * (size_t)vs->n);
    vs->v = nv, vs->cap = ncap;
  }
  vs->v[vs->n++] = (survey_value){question, item, has_num, num, text};
}

#define TEXT_MAX 10000 /* characters of an open answer or an "other" text */

/* Checks one scale value s of question q (a matrix row's when row is not NULL). 1 stored, 0 empty, -1 error. */
static int check_scale(values *vs, const survey_question *q, const char *row, const char *s, kerr *e) {
  if (!s || !*s) return 0;
  long long v;
  if (util_parse_int(s, survey_scale_lo(q), survey_scale_hi(q), &v) != K_OK) {
    kerr_add(e, q->key, N_("Valitse yksi asteikon vaihtoehdoista."));
    return -1;
  }
  add_value(vs, q->key, row ? row : "", 1, (double)v, NULL);
  return 1;
}

/* The "other" text of question q: required when "other" was chosen. 1 stored, -1 error. */
static int check_other(values *vs, const survey_question *q, const survey_field *f, int nf, kerr *e) {
  char name[80];
  snprintf(name, sizeof name, "%s.other", q->key);
  const char *t = field_value(f, nf, name);
  char *copy = arena_strdup(vs->a, t ? t : "");
  util_trim(copy);
  if (!*copy) return kerr_add(e, q->key, N_("Kirjoita, mitä muuta tarkoitat.")), -1;
  if (util_utf8_len(copy) > TEXT_MAX) return kerr_add(e, q->key, N_("Vastaus on liian pitkä.")), -1;
  add_value(vs, q->key, ".other", 0, 0, copy);
  return 1;
}

/* Checks question q; returns 1 when it was answered, 0 when not, -1 on an error (added to e). */
static int check_question(values *vs, const survey_question *q, const survey_field *f, int nf, kerr *e) {
  const char *s = field_value(f, nf, q->key);
  switch (q->type) {
  case SQ_LIKERT5:
  case SQ_LIKERT7:
  case SQ_SCALE10: return check_scale(vs, q, NULL, s, e);
  case SQ_MATRIX: {
    int answered = 0, missing = 0;
    for (int i = 0; i < q->nrows; i++) {
      char name[80];
      snprintf(name, sizeof name, "%s.%s", q->key, q->rows[i].key);
      int r = check_scale(vs, q, q->rows[i].key, field_value(f, nf, name), e);
      if (r < 0) return -1;
      if (r)
        answered++;
      else
        missing++;
    }
    if (answered && missing && q->required) return kerr_add(e, q->key, N_("Vastaa jokaiseen väittämään.")), -1;
    return answered > 0;
  }
  case SQ_SINGLE:
    if (!s || !*s) return 0;
    if (!has_option(q, s)) return kerr_add(e, q->key, N_("Valitse jokin annetuista vaihtoehdoista.")), -1;
    add_value(vs, q->key, "", 0, 0, s);
    return strcmp(s, "other") ? 1 : check_other(vs, q, f, nf, e);
  case SQ_MULTIPLE: {
    int chosen = 0;
    for (int i = 0; i < nf; i++) {
      if (strcmp(f[i].name, q->key) || !*f[i].value) continue;
      if (!has_option(q, f[i].value)) return kerr_add(e, q->key, N_("Valitse annetuista vaihtoehdoista.")), -1;
      int dup = 0;
      for (int j = 0; j < vs->n; j++)
        if (!strcmp(vs->v[j].question, q->key) && !strcmp(vs->v[j].item, f[i].value)) dup = 1;
      if (dup) continue;
      add_value(vs, q->key, f[i].value, 1, 1, NULL);
      chosen++;
      if (!strcmp(f[i].value, "other") && check_other(vs, q, f, nf, e) < 0) return -1;
    }
    return chosen > 0;
  }
  case SQ_NUMBER: {
    if (!s || !*s) return 0;
    double v;
    if (!parse_num(s, &v)) return kerr_add(e, q->key, N_("Kirjoita luku, esimerkiksi 12 tai 2,5.")), -1;
    if ((q->has_min && v < q->min) || (q->has_max && v > q->max)) {
      kerr_add(e, q->key, N_("Luku on sallitun välin ulkopuolella."));
      return -1;
    }
    add_value(vs, q->key, "", 1, v, NULL);
    return 1;
  }
  case SQ_TEXT: {
    if (!s) return 0;
    char *t = util_trim(arena_strdup(vs->a, s));
    if (!*t) return 0;
    if (util_utf8_len(t) > TEXT_MAX) return kerr_add(e, q->key, N_("Vastaus on liian pitkä.")), -1;
    add_value(vs, q->key, "", 0, 0, t);
    return 1;
  }
  default: return 0;
  }
}

survey_value *survey_check(arena *a, const survey_def *d, const survey_field *f, int nf, int *nv, kerr *e) {
  values vs = {.a = a};
  int bad = 0;
  for (int j = 0; j < nf; j++)
    if (!util_utf8_valid(f[j].value, strlen(f[j].value)))
      return kerr_add(e, NULL, N_("Lomakkeessa oli virheellisiä merkkejä.")), NULL;
  for (int i = 0; i < d->nq; i++) {
    const survey_question *q = &d->q[i];
    if (q->type == SQ_SECTION || !survey_shown(d, q, f, nf)) continue;
    int r = check_question(&vs, q, f, nf, e);
    if (r < 0) bad = 1;
    if (r == 0 && q->required) {
      kerr_add(e, q->key, N_("Vastaa tähän kysymykseen: se on pakollinen."));
      bad = 1;
    }
  }
  *nv = vs.n;
  return bad ? NULL : vs.v ? vs.v : arena_alloc(a, sizeof *vs.v);
}

/* ---- storing answers ---- */

/* Inserts the response and its values; the response's context from ctx (NULL: none). K_OK or K_ERR (storage). */
typedef struct answer_ctx {
  const char *role, *type, *sector, *region;
  long long period_id; /* 0: none */
} answer_ctx;

static int store(db *d, long long survey_id, const char *pseudonym, const char *via, const answer_ctx *c,
                 const survey_value *v, int nv) {
  char today[11];
  date_today_fi(today);
  db_stmt *st = db_prepare(d, "INSERT INTO survey_response(survey_id, answered_on, pseudonym, via, ctx_role, "
                              "ctx_service_type, ctx_sector, ctx_region, ctx_period_id) "
                              "VALUES(:s, :day, :p, :via, :role, :type, :sector, :region, :period)");
  db_bind_int(st, ":s", survey_id);
  db_bind_text(st, ":day", today);
  db_bind_text(st, ":p", pseudonym);
  db_bind_text(st, ":via", via);
  db_bind_text(st, ":role", c ? c->role : "");
  db_bind_text(st, ":type", c ? c->type : "");
  db_bind_text(st, ":sector", c ? c->sector : "");
  db_bind_text(st, ":region", c ? c->region : "");
  if (c && c->period_id)
    db_bind_int(st, ":period", c->period_id);
  else
    db_bind_null(st, ":period");
  int ok = db_step(st) == 0;
  db_done(st);
  if (!ok) return K_ERR;
  long long rid = db_last_id(d);
  for (int i = 0; i < nv && ok; i++) {
    db_stmt *a = db_prepare(d, "INSERT INTO survey_answer(response_id, question, item, num, text) "
                               "VALUES(:r, :q, :i, :n, :t)");
    db_bind_int(a, ":r", rid);
    db_bind_text(a, ":q", v[i].question);
    db_bind_text(a, ":i", v[i].item);
    if (v[i].has_num) {
      char num[40];
      snprintf(num, sizeof num, "%.17g", v[i].num);
      db_bind_text(a, ":n", num);
    } else {
      db_bind_null(a, ":n");
    }
    db_bind_text(a, ":t", v[i].text);
    ok = db_step(a) == 0;
    db_done(a);
  }
  return ok ? K_OK : K_ERR;
}

int survey_submit_invite(db *d, const unsigned char master[SECKEY_LEN], const char *token, const survey_value *v,
                         int nv, kerr *e) {
  arena a = {0};
  char hash[65];
  survey_token_hash(token, hash);
  int rc = write_begin(d, "Vastauksen tallennus", e);
  if (rc != K_OK) return rc;
  db_stmt *st = db_query(d,
                         "SELECT i.id, i.survey_id, i.person_id, i.answered, i.ctx_role, i.ctx_service_type, "
                         "i.ctx_sector, i.ctx_region, coalesce(i.ctx_period_id, 0), coalesce(s.series_id, 0), "
                         "CASE WHEN ss.closed_at IS NOT NULL THEN 1 ELSE 0 END, "
                         "CASE WHEN (s.opens_at IS NULL OR s.opens_at <= ?2) AND (s.closes_at IS NULL OR s.closes_at > "
                         "?2) THEN 1 ELSE 0 END "
                         "FROM survey_invite i JOIN survey s ON s.id = i.survey_id "
                         "LEFT JOIN survey_series ss ON ss.id = s.series_id WHERE i.token_hash = ?1",
                         "tt", hash, db_now().s);
  if (db_step(st) != 1) {
    db_done(st);
    rc = kerr_set(e, NULL, N_("Kyselylinkki ei ole voimassa."));
    goto out;
  }
  long long invite_id = db_col_int(st, 0), survey_id = db_col_int(st, 1), person_id = db_col_int(st, 2);
  int answered = (int)db_col_int(st, 3);
  answer_ctx c = {db_col_adup(st, 4, &a), db_col_adup(st, 5, &a), db_col_adup(st, 6, &a), db_col_adup(st, 7, &a),
                  db_col_int(st, 8)};
  long long series_id = db_col_int(st, 9);
  int series_closed = (int)db_col_int(st, 10), open = (int)db_col_int(st, 11);
  db_done(st);
  if (answered) {
    rc = SURVEY_ANSWERED_ALREADY;
    goto out;
  }
  if (!open) { /* the page looked just before; the survey may have closed (or been rescheduled) since */
    kerr_set(e, NULL, N_("Kysely ei ole nyt avoinna: vastausta ei tallennettu."));
    rc = SURVEY_REFUSED;
    goto out;
  }
  if (series_closed) {
    kerr_set(e, NULL,
             N_("Kyselyn sarja on suljettu: vastauksia ei enää oteta vastaan, koska niitä ei voisi enää yhdistää "
                "pareiksi."));
    rc = SURVEY_REFUSED;
    goto out;
  }
  char pseudonym[65];
  if (series_id && survey_pseudonym(d, master, series_id, person_id, 1, pseudonym, e) != K_OK) {
    rc = SURVEY_REFUSED;
    goto out;
  }
  if (db_exec(d, "UPDATE survey_invite SET answered = 1 WHERE id = ?1 AND answered = 0", "i", invite_id) != DB_OK) {
    rc = kerr_storage(e, "Vastauksen tallennus", db_errmsg(d));
    goto out;
  }
  if (db_changes(d) != 1) {
    rc = SURVEY_ANSWERED_ALREADY;
    goto out;
  }
  if (store(d, survey_id, series_id ? pseudonym : NULL, "invite", &c, v, nv) != K_OK ||
      db_exec(d, "DELETE FROM survey_draft WHERE token_hash = ?1", "t", hash) != DB_OK)
    rc = kerr_storage(e, "Vastauksen tallennus", db_errmsg(d));
out:
  if (rc == K_OK)
    rc = write_end(d, K_OK, "Vastauksen tallennus", e);
  else
    write_end(d, K_ERR, "Vastauksen tallennus", NULL);
  arena_free(&a);
  return rc;
}

int survey_submit_open(db *d, long long survey_id, const survey_value *v, int nv, kerr *e) {
  if (db_exists(d,
                "SELECT 1 FROM survey s JOIN survey_series ss ON ss.id = s.series_id "
                "WHERE s.id = ?1 AND ss.closed_at IS NOT NULL",
                "i", survey_id))
    return kerr_set(e, NULL,
                    N_("Kyselyn sarja on suljettu: vastauksia ei enää oteta vastaan, koska niitä ei voisi enää "
                       "yhdistää pareiksi.")),
           SURVEY_REFUSED;
  if (!db_exists(d,
                 "SELECT 1 FROM survey WHERE id = ?1 AND (opens_at IS NULL OR opens_at <= ?2) AND "
                 "(closes_at IS NULL OR closes_at > ?2)",
                 "it", survey_id, db_now().s))
    return kerr_set(e, NULL, N_("Kysely ei ole nyt avoinna: vastausta ei tallennettu.")), SURVEY_REFUSED;
  int rc = write_begin(d, "Vastauksen tallennus", e);
  if (rc != K_OK) return rc;
  if (store(d, survey_id, NULL, "open", NULL, v, nv) != K_OK)
    rc = kerr_storage(e, "Vastauksen tallennus", db_errmsg(d));
  return write_end(d, rc, "Vastauksen tallennus", e);
}

/* ---- drafts ---- */

/* A draft is found by the token's hash, which the invitation holds too, so its fields are sealed with a key only
 * the token gives (SHA-256 of "draft:" and the token): a copy of the database cannot read a person's draft.
 * Stored as hex of nonce ‖ secretbox of the JSON [[name, value], …]. */
static void draft_key(const char *token, unsigned char key[crypto_secretbox_KEYBYTES]) {
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  crypto_hash_sha256_update(&st, (const unsigned char *)"draft:", 6);
  crypto_hash_sha256_update(&st, (const unsigned char *)token, strlen(token));
  crypto_hash_sha256_final(&st, key);
}

int survey_draft_save(db *d, const char *token, long long survey_id, const survey_field *f, int nf, kerr *e) {
  json_t *arr = json_array();
  for (int i = 0; i < nf; i++) json_array_append_new(arr, json_pack("[ss]", f[i].name, f[i].value));
  char *data = json_dumps(arr, JSON_COMPACT);
  json_decref(arr);
  if (!data) return kerr_set(e, NULL, N_("Luonnoksen tallennus epäonnistui."));
  size_t len = strlen(data), blen = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + len;
  unsigned char *box = malloc(blen), key[crypto_secretbox_KEYBYTES];
  char *hex = malloc(2 * blen + 1);
  if (!box || !hex) abort();
  draft_key(token, key);
  randombytes_buf(box, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES, (const unsigned char *)data, len, box, key);
  sodium_memzero(key, sizeof key);
  sodium_memzero(data, len);
  free(data);
  sodium_bin2hex(hex, 2 * blen + 1, box, blen);
  free(box);
  char hash[65];
  survey_token_hash(token, hash);
  int rc = db_exec(d,
                   "INSERT INTO survey_draft(token_hash, survey_id, data, updated_at) VALUES(?1, ?2, ?3, ?4) "
                   "ON CONFLICT(token_hash) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                   "titt", hash, survey_id, hex, db_now().s) == DB_OK
               ? K_OK
               : kerr_storage(e, "Luonnoksen tallennus", db_errmsg(d));
  free(hex);
  return rc;
}

/* The draft's JSON opened with the token's key (malloc'd), or NULL when it cannot be. */
static char *draft_open(const char *hex, const char *token) {
  size_t hlen = strlen(hex), blen = 0;
  if (hlen < 2 * (crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)) return NULL;
  unsigned char *box = malloc(hlen / 2 + 1);
  if (!box) abort();
  if (sodium_hex2bin(box, hlen / 2 + 1, hex, hlen, NULL, &blen, NULL) != 0 ||
      blen < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    free(box);
    return NULL;
  }
  size_t len = blen - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
  char *json = malloc(len + 1);
  unsigned char key[crypto_secretbox_KEYBYTES];
  if (!json) abort();
  draft_key(token, key);
  int ok = crypto_secretbox_open_easy((unsigned char *)json, box + crypto_secretbox_NONCEBYTES,
                                      blen - crypto_secretbox_NONCEBYTES, box, key) == 0;
  sodium_memzero(key, sizeof key);
  free(box);
  if (!ok) {
    free(json);
    return NULL;
  }
  json[len] = 0;
  return json;
}

survey_field *survey_draft_load(db *d, arena *a, const char *token, int *nf, char **updated_at) {
  *nf = 0;
  char hash[65];
  survey_token_hash(token, hash);
  db_stmt *st = db_query(d, "SELECT data, updated_at FROM survey_draft WHERE token_hash = ?1", "t", hash);
  json_t *arr = NULL;
  if (db_step(st) == 1) {
    char *json = draft_open(db_col_text(st, 0), token);
    if (json) {
      arr = json_loads(json, 0, NULL);
      sodium_memzero(json, strlen(json));
      free(json);
    }
    if (updated_at) *updated_at = db_col_adup(st, 1, a);
  }
  db_done(st);
  if (!json_is_array(arr)) {
    json_decref(arr);
    return NULL;
  }
  size_t n = json_array_size(arr);
  survey_field *f = arena_alloc(a, sizeof *f * (n + 1));
  for (size_t i = 0; i < n; i++) {
    json_t *p = json_array_get(arr, i);
    const char *k = json_string_value(json_array_get(p, 0)), *v = json_string_value(json_array_get(p, 1));
    if (!k || !v) continue;
    f[*nf].name = arena_strdup(a, k);
    f[(*nf)++].value = arena_strdup(a, v);
  }
  json_decref(arr);
  return f;
}

/* ---- the person's rights ---- */

void survey_person_export(db *d, long long person_id, buf *o) {
  db_stmt *st = db_query(d,
                         "SELECT s.key, i.invited_at, i.reminded_at, i.answered FROM survey_invite i "
                         "JOIN survey s ON s.id = i.survey_id WHERE i.person_id = ?1 ORDER BY i.id",
                         "i", person_id);
  int n = 0;
  buf_puts(o, ",\n  \"survey_invitations\": [");
  while (db_step(st) == 1) {
    buf_printf(o, "%r\n    {\"survey\": %J, \"invited_at\": %J, \"reminded_at\": ", n++ ? "," : "", db_col_text(st, 0),
               db_col_text(st, 1));
    if (db_col_null(st, 2))
      buf_puts(o, "null");
    else
      buf_printf(o, "%J", db_col_text(st, 2));
    buf_printf(o, ", \"answered\": %r}", db_col_int(st, 3) ? "true" : "false");
  }
  db_done(st);
  buf_puts(o, n ? "\n  ]" : "]");
}

int survey_person_erase(db *d, long long person_id) {
  return db_exec(
             d,
             "DELETE FROM survey_draft WHERE token_hash IN (SELECT token_hash FROM survey_invite WHERE person_id = ?1)",
             "i", person_id) == DB_OK &&
                 db_exec(d, "DELETE FROM survey_invite WHERE person_id = ?1", "i", person_id) == DB_OK
             ? K_OK
             : K_ERR;
}
