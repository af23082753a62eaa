/* user: accounts, passwords (argon2id via libsodium), sessions, and logins throttled without lockout. */
#include "model/user.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "model/audit.h"
#include "model/password.h"
#include "model/mail.h"
#include "model/throttle.h"
#include "model/write.h"

static const char *const ROLES[] = {"admin", "staff", "evaluator", "jury", "contact"};

int user_role_valid(const char *role) {
  for (size_t i = 0; role && i < sizeof ROLES / sizeof ROLES[0]; i++)
    if (!strcmp(role, ROLES[i])) return 1;
  return 0;
}

int user_is_staff(const user_info *u) {
  return u && u->id && (!strcmp(u->role, "admin") || !strcmp(u->role, "staff"));
}

/* Fills u from a row whose first columns are id, email, role, org_id. */
static void read_info(db_stmt *st, user_info *u) {
  memset(u, 0, sizeof *u);
  u->id = db_col_int(st, 0);
  snprintf(u->email, sizeof u->email, "%s", db_col_text(st, 1));
  snprintf(u->role, sizeof u->role, "%s", db_col_text(st, 2));
  u->org_id = db_col_int(st, 3);
}

/* For test runs only: KEHTO_TEST_CHEAP_HASH=1 in the environment hashes new passwords at argon2id's least cost (one
 * pass over 8 KiB) instead of the interactive cost (two passes over 64 MiB, about a third of a second of CPU), so
 * that the test suites' thousand logins do not spend minutes filling memory. A stored hash names its own cost, so
 * checking a password works either way; `kehto serve` warns when the variable is set. */
int user_cheap_hash(void) {
  const char *v = getenv("KEHTO_TEST_CHEAP_HASH");
  return v && strcmp(v, "1") == 0;
}

/* The argon2id hash of password into hash (crypto_pwhash_STRBYTES). */
static int hash_password(const char *password, char *hash, kerr *e) {
  int cheap = user_cheap_hash();
  if (crypto_pwhash_str(hash, password, strlen(password),
                        cheap ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        cheap ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return kerr_set(e, NULL, "out of memory while hashing the password");
  return K_OK;
}

long long user_add(db *d, const char *email, const char *role, const char *password, long long org_id, kerr *e) {
  if (!util_email_valid(email)) {
    kerr_set(e, "email", "'%r' is not an email address", email ? email : "");
    return 0;
  }
  if (!user_role_valid(role)) {
    kerr_set(e, "role", "role must be admin, staff, evaluator, jury or contact");
    return 0;
  }
  if (password_check(password, email, e) != K_OK) return 0;
  int contact = strcmp(role, "contact") == 0;
  if (contact && org_id <= 0) {
    kerr_set(e, "org", "a contact account needs its organisation (--org ID or Y-tunnus)");
    return 0;
  }
  if (org_id && !db_exists(d, "SELECT 1 FROM org WHERE id=?1", "i", org_id)) {
    kerr_set(e, "org", "there is no organisation with id %lld", org_id);
    return 0;
  }
  if (db_exists(d, "SELECT 1 FROM user WHERE email=?1", "t", email)) {
    kerr_set(e, "email", "an account for %r exists already", email);
    return 0;
  }
  char hash[crypto_pwhash_STRBYTES];
  if (hash_password(password, hash, e) != K_OK) return 0;
  if (db_exec(d, "INSERT INTO user(email, role, password_hash, org_id) VALUES(?1, ?2, ?3, nullif(?4, 0))", "ttti",
              email, role, hash, org_id) != DB_OK) {
    kerr_set(e, NULL, "cannot create the account: %r", db_errmsg(d));
    return 0;
  }
  return db_last_id(d);
}

static void token_hash(const char *token, char *out /* 65 */) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
  sodium_bin2hex(out, 65, h, sizeof h);
}

/* The address's throttling key: an IPv6 address by its /64 (what one subscriber usually gets), others as they are. */
static void address_key(const char *address, char *out, size_t n) {
  unsigned char a[16];
  if (address && strchr(address, ':') && inet_pton(AF_INET6, address, a) == 1 &&
      !IN6_IS_ADDR_V4MAPPED((struct in6_addr *)a)) {
    char text[INET6_ADDRSTRLEN];
    memset(a + 8, 0, 8);
    if (inet_ntop(AF_INET6, a, text, sizeof text)) {
      snprintf(out, n, "addr:%s/64", text);
      return;
    }
  }
  snprintf(out, n, "addr:%s", address ? address : "");
}

/* The id of the device row for the cookie token when it belongs to user_id and is not too old, else 0. */
static long long device_of(db *d, const char *token, long long user_id, long long now_ms) {
  if (!user_id || !token || strlen(token) != 64) return 0;
  char th[65];
  token_hash(token, th);
  return db_int(d, 0, "SELECT id FROM login_device WHERE token_hash=?1 AND user_id=?2 AND created_at>?3", "tii", th,
                user_id, now_ms - LOGIN_DEVICE_SECONDS * 1000LL);
}

/* Remembers a new device for user_id: its token goes to token (65 bytes), a hash of it to the database. Keeps the
 * LOGIN_DEVICES_KEPT newest devices of the account and forgets expired ones. Leaves token "" on a storage error. */
static void device_add(db *d, long long user_id, long long now_ms, char *token) {
  char th[65];
  util_random_hex(token, 32);
  token_hash(token, th);
  if (db_exec(d, "INSERT INTO login_device(token_hash, user_id, created_at) VALUES(?1, ?2, ?3)", "tii", th, user_id,
              now_ms)) {
    log_error("login: cannot remember a device: %r", db_errmsg(d));
    token[0] = 0;
    return;
  }
  db_exec(d,
          "DELETE FROM login_device WHERE created_at<?2 OR (user_id=?1 AND id NOT IN"
          " (SELECT id FROM login_device WHERE user_id=?1 ORDER BY created_at DESC, id DESC LIMIT ?3))",
          "iii", user_id, now_ms - LOGIN_DEVICE_SECONDS * 1000LL, (long long)LOGIN_DEVICES_KEPT);
}

/* Checks the password against the account's hash; for an unknown, deactivated or invited (no password yet) account
 * spends the same time on a hash, so accounts cannot be told apart by timing. Fills u on success and returns 1. */
static int password_right(db *d, const char *email, const char *password, user_info *u) {
  db_stmt *st = db_query(d,
                         "SELECT id, email, role, coalesce(org_id,0), password_hash FROM user"
                         " WHERE email=?1 AND active=1 AND password_hash<>''",
                         "t", email ? email : "");
  int ok = 0;
  if (db_step(st) == 1) {
    const char *hash = db_col_text(st, 4);
    if (password && crypto_pwhash_str_verify(hash, password, strlen(password)) == 0) {
      ok = 1;
      read_info(st, u);
    }
  } else if (password) {
    char dummy[crypto_pwhash_STRBYTES];
    if (hash_password(password, dummy, NULL) != K_OK) log_error("password hashing failed (out of memory?)");
  }
  db_done(st);
  return ok;
}

/* Audits refusals sparingly: one row for the 1st, 10th, 100th… refusal in a row, so a flood of early retries leaves
 * a handful of rows that still say how many there were and which buckets refused. */
static void audit_refusals(db *d, const throttle_try *t, int n, const char *who, const char *subject, long long wait) {
  static const char *const why[][2] = {
      {"acct:", "for the account"}, {"addr:", "from the address"}, {"dev:", "on this device"}};
  long long most = 0;
  for (int i = 0; i < n; i++)
    if (t[i].refused && t[i].refusals > most) most = t[i].refusals;
  long long k = most;
  while (k >= 10 && k % 10 == 0) k /= 10;
  if (k != 1) return;
  buf detail = BUF_INIT;
  buf_printf(&detail, "refused try %lld in a row: too many failed logins", most);
  for (int i = 0, first = 1; i < n; i++) {
    if (!t[i].refused) continue;
    for (size_t j = 0; j < sizeof why / sizeof why[0]; j++)
      if (!strncmp(t[i].key, why[j][0], strlen(why[j][0]))) buf_printf(&detail, "%r %r", first ? "" : ",", why[j][1]);
    first = 0;
  }
  buf_printf(&detail, "; next try in %lld s", (wait + 999) / 1000);
  audit_log(d, who, "login-throttled", subject, detail.data);
  buf_free(&detail);
}

int user_login(db *d, login_try *t, user_info *u, kerr *e) {
  long long now = t->now_ms ? t->now_ms : throttle_now_ms();
  const char *who = t->address && *t->address ? t->address : "unknown address";
  t->retry_after = 0;
  t->new_device[0] = 0;
  char kacc[300], kaddr[80], kdev[40], subject[40] = "login";
  snprintf(kacc, sizeof kacc, "acct:%s", t->email ? t->email : "");
  for (char *p = kacc; *p; p++) *p = (char)tolower((unsigned char)*p); /* the account's email ignores case too */
  address_key(t->address, kaddr, sizeof kaddr);
  long long uid = db_int(d, 0, "SELECT id FROM user WHERE email=?1", "t", t->email ? t->email : "");
  if (uid) snprintf(subject, sizeof subject, "user:%lld", uid);
  long long dev = device_of(d, t->device, uid, now);
  snprintf(kdev, sizeof kdev, "dev:%lld", dev);
  throttle_try known[] = {{kdev, LOGIN_FREE_DEVICE, 0, 0}};
  throttle_try unknown[] = {{kacc, LOGIN_FREE_ACCOUNT, 0, 0}, {kaddr, LOGIN_FREE_ADDRESS, 0, 0}};
  throttle_try *b = dev ? known : unknown;
  int nb = dev ? 1 : 2;
  long long wait = throttle_begin(d, b, nb, now);
  if (wait) {
    t->retry_after = (int)((wait + 999) / 1000);
    audit_refusals(d, b, nb, who, subject, wait);
    return kerr_set(e, NULL, N_("Liian monta epäonnistunutta kirjautumisyritystä peräkkäin."));
  }
  if (password_right(d, t->email, t->password, u)) {
    throttle_forget(d, kacc);
    if (dev)
      throttle_forget(d, kdev);
    else
      throttle_uncount(d, kaddr, LOGIN_FREE_ADDRESS);
    if (!dev) device_add(d, u->id, now, t->new_device);
    return K_OK;
  }
  audit_log(d, who, "login-failed", subject, uid ? "wrong password" : "no such account");
  return kerr_set(e, "email", N_("Sähköposti tai salasana on väärin."));
}

int user_session_start(db *d, long long user_id, char *token, size_t n) {
  char csrf[65], th[65];
  if (n < 65) return K_ERR;
  util_random_hex(token, 32);
  util_random_hex(csrf, 32);
  token_hash(token, th);
  db_exec(d, "DELETE FROM session WHERE expires_at<?1", "i", util_now());
  return db_exec(d, "INSERT INTO session(token_hash, user_id, csrf, expires_at) VALUES(?1, ?2, ?3, ?4)", "titi", th,
                 user_id, csrf, util_now() + SESSION_SECONDS) == DB_OK
             ? K_OK
             : K_ERR;
}

int user_session_get(db *d, const char *token, user_info *u) {
  if (!token || strlen(token) != 64) return 0;
  char th[65];
  token_hash(token, th);
  db_stmt *st = db_query(d,
                         "SELECT u.id, u.email, u.role, coalesce(u.org_id,0), s.csrf FROM session s"
                         " JOIN user u ON u.id=s.user_id WHERE s.token_hash=?1 AND s.expires_at>?2 AND u.active=1",
                         "ti", th, util_now());
  int found = db_step(st) == 1;
  if (found) {
    read_info(st, u);
    snprintf(u->csrf, sizeof u->csrf, "%s", db_col_text(st, 4));
  }
  db_done(st);
  return found;
}

void user_session_end(db *d, const char *token) {
  if (!token || strlen(token) != 64) return;
  char th[65];
  token_hash(token, th);
  db_exec(d, "DELETE FROM session WHERE token_hash=?1", "t", th);
}

/* ---- Accounts managed by admins ---- */

#define ROW_COLS                                                                                                       \
  "u.id, u.email, u.role, u.lang, u.created_at, coalesce(u.org_id, 0), coalesce(u.coach_id, 0),"                       \
  " coalesce(o.name, ''), coalesce(c.name, ''), u.active, u.password_hash = ''"
#define ROW_FROM " FROM user u LEFT JOIN org o ON o.id = u.org_id LEFT JOIN coach c ON c.id = u.coach_id"

static void read_row(db_stmt *st, arena *a, user_row *u) {
  u->id = db_col_int(st, 0);
  u->email = db_col_adup(st, 1, a);
  u->role = db_col_adup(st, 2, a);
  u->lang = db_col_adup(st, 3, a);
  u->created_at = db_col_adup(st, 4, a);
  u->org_id = db_col_int(st, 5);
  u->coach_id = db_col_int(st, 6);
  u->org_name = db_col_adup(st, 7, a);
  u->coach_name = db_col_adup(st, 8, a);
  u->active = (int)db_col_int(st, 9);
  u->invited = (int)db_col_int(st, 10);
}

long long user_count(db *d) {
  return db_int(d, 0, "SELECT count(*) FROM user", "");
}

user_row *user_list(db *d, arena *a, int limit, int offset, int *n) {
  *n = 0;
  user_row *rows = arena_alloc(a, sizeof *rows * (size_t)(limit > 0 ? limit : 1));
  db_stmt *st = db_query(d, "SELECT " ROW_COLS ROW_FROM " ORDER BY u.email LIMIT ?1 OFFSET ?2", "ii", (long long)limit,
                         (long long)offset);
  while (*n < limit && db_step(st) == 1) read_row(st, a, &rows[(*n)++]);
  db_done(st);
  return rows;
}

user_row *user_get(db *d, arena *a, long long id) {
  db_stmt *st = db_query(d, "SELECT " ROW_COLS ROW_FROM " WHERE u.id = ?1", "i", id);
  user_row *u = NULL;
  if (db_step(st) == 1) {
    u = arena_alloc(a, sizeof *u);
    read_row(st, a, u);
  }
  db_done(st);
  return u;
}

/* Checks role, organisation (required for a contact) and coach profile. */
static int check_role(db *d, const char *role, long long org_id, long long coach_id, kerr *e) {
  if (!user_role_valid(role)) return kerr_set(e, "role", N_("Valitse rooli."));
  if (!strcmp(role, "contact") && org_id <= 0)
    return kerr_set(e, "org", N_("Yhteyshenkilön tunnukselle tarvitaan organisaatio."));
  if (org_id && !db_exists(d, "SELECT 1 FROM org WHERE id = ?1", "i", org_id))
    return kerr_set(e, "org", N_("Organisaatiota ei löydy."));
  if (coach_id && !db_exists(d, "SELECT 1 FROM coach WHERE id = ?1", "i", coach_id))
    return kerr_set(e, "coach", N_("Valmentajaa ei löydy."));
  return K_OK;
}

/* A new one-time link for user id: the token into token (65 bytes), its hash stored; older links of the same
 * purpose stop working. */
static int token_new(db *d, long long id, const char *purpose, long long seconds, char *token) {
  char th[65];
  util_random_hex(token, 32);
  token_hash(token, th);
  long long now = util_now();
  if (db_exec(d, "DELETE FROM user_token WHERE user_id = ?1 AND (purpose = ?2 OR expires_at < ?3)", "iti", id, purpose,
              now) != DB_OK ||
      db_exec(d,
              "INSERT INTO user_token(token_hash, user_id, purpose, created_at, expires_at)"
              " VALUES(?1, ?2, ?3, ?4, ?5)",
              "titii", th, id, purpose, now, now + seconds) != DB_OK)
    return K_ERR;
  return K_OK;
}

static const char *lang_valid(const char *lang) {
  return lang && (!strcmp(lang, "sv") || !strcmp(lang, "en")) ? lang : "fi";
}

long long user_invite(db *d, const user_new *u, const char *actor, kerr *e) {
  if (!util_email_valid(u->email)) {
    kerr_set(e, "email", N_("Anna sähköpostiosoite muodossa nimi@esimerkki.fi."));
    return 0;
  }
  if (check_role(d, u->role, u->org_id, u->coach_id, e) != K_OK) return 0;
  if (db_exists(d, "SELECT 1 FROM user WHERE email = ?1", "t", u->email)) {
    kerr_set(e, "email", N_("Tällä sähköpostiosoitteella on jo tunnus."));
    return 0;
  }
  if (write_begin(d, "kutsu", e) != K_OK) return 0;
  const char *lang = lang_valid(u->lang);
  long long id = 0;
  char token[65], subject[40];
  int rc = db_exec(d,
                   "INSERT INTO user(email, role, org_id, coach_id, lang, password_hash) VALUES(?1, ?2, nullif(?3, 0),"
                   " nullif(?4, 0), ?5, '')",
                   "ttiit", u->email, u->role, u->org_id, u->coach_id, lang) == DB_OK
               ? K_OK
               : K_ERR;
  if (rc == K_OK) {
    id = db_last_id(d);
    snprintf(subject, sizeof subject, "user:%lld", id);
    rc = token_new(d, id, "invite", USER_INVITE_SECONDS, token);
  }
  if (rc == K_OK && !mail_invite(d, u->email, lang, u->role, token, e)) rc = K_ERR;
  if (rc == K_OK) rc = audit_log(d, actor, "user-invite", subject, u->role);
  sodium_memzero(token, sizeof token);
  return write_end(d, rc, "kutsu", e) == K_OK ? id : 0;
}

int user_invite_resend(db *d, long long id, const char *actor, kerr *e) {
  arena a = {0};
  user_row *u = user_get(d, &a, id);
  int rc = K_ERR;
  char token[65], subject[40];
  snprintf(subject, sizeof subject, "user:%lld", id);
  if (!u)
    kerr_set(e, NULL, N_("Tunnusta ei löydy."));
  else if (!u->invited || !u->active)
    kerr_set(e, NULL, N_("Tunnus on jo otettu käyttöön tai poistettu käytöstä: kutsua ei lähetetty."));
  else if (write_begin(d, "kutsu", e) == K_OK) {
    rc = token_new(d, id, "invite", USER_INVITE_SECONDS, token);
    if (rc == K_OK && !mail_invite(d, u->email, u->lang, u->role, token, e)) rc = K_ERR;
    if (rc == K_OK) rc = audit_log(d, actor, "user-invite-resent", subject, "");
    rc = write_end(d, rc, "kutsu", e);
  }
  sodium_memzero(token, sizeof token);
  arena_free(&a);
  return rc;
}

/* 1 when id is the only active admin. */
static int last_admin(db *d, long long id) {
  return db_exists(d, "SELECT 1 FROM user WHERE id = ?1 AND role = 'admin' AND active = 1", "i", id) &&
         !db_exists(d, "SELECT 1 FROM user WHERE id <> ?1 AND role = 'admin' AND active = 1", "i", id);
}

int user_update(db *d, long long id, const char *role, long long org_id, long long coach_id, const char *actor,
                kerr *e) {
  if (!db_exists(d, "SELECT 1 FROM user WHERE id = ?1", "i", id)) return kerr_set(e, NULL, N_("Tunnusta ei löydy."));
  if (check_role(d, role, org_id, coach_id, e) != K_OK) return K_ERR;
  if (strcmp(role, "admin") && last_admin(d, id))
    return kerr_set(e, "role", N_("Viimeinen pääkäyttäjä pitää roolinsa: anna ensin jollekulle toiselle rooli."));
  char subject[40];
  snprintf(subject, sizeof subject, "user:%lld", id);
  if (write_begin(d, "tunnus", e) != K_OK) return K_ERR;
  int rc = db_exec(d, "UPDATE user SET role = ?2, org_id = nullif(?3, 0), coach_id = nullif(?4, 0) WHERE id = ?1",
                   "itii", id, role, org_id, coach_id) == DB_OK
               ? K_OK
               : K_ERR;
  if (rc == K_OK) rc = audit_log(d, actor, "user-update", subject, role);
  return write_end(d, rc, "tunnus", e);
}

int user_set_active(db *d, long long id, int active, const char *actor, kerr *e) {
  if (!db_exists(d, "SELECT 1 FROM user WHERE id = ?1", "i", id)) return kerr_set(e, NULL, N_("Tunnusta ei löydy."));
  if (!active && last_admin(d, id)) return kerr_set(e, NULL, N_("Viimeistä pääkäyttäjää ei voi poistaa käytöstä."));
  char subject[40];
  snprintf(subject, sizeof subject, "user:%lld", id);
  if (write_begin(d, "tunnus", e) != K_OK) return K_ERR;
  int rc = db_exec(d, "UPDATE user SET active = ?2 WHERE id = ?1", "ii", id, (long long)(active ? 1 : 0)) == DB_OK
               ? K_OK
               : K_ERR;
  if (rc == K_OK && !active) /* signed out everywhere, and its links stop working */
    rc = db_exec(d, "DELETE FROM session WHERE user_id = ?1", "i", id) == DB_OK &&
                 db_exec(d, "DELETE FROM user_token WHERE user_id = ?1", "i", id) == DB_OK
             ? K_OK
             : K_ERR;
  if (rc == K_OK) rc = audit_log(d, actor, active ? "user-activate" : "user-deactivate", subject, "");
  return write_end(d, rc, "tunnus", e);
}

/* ---- One-time links ---- */

int user_token_get(db *d, const char *token, user_info *u, char *purpose) {
  if (!token || strlen(token) != 64) return 0;
  char th[65];
  token_hash(token, th);
  db_stmt *st = db_query(d,
                         "SELECT u.id, u.email, u.role, coalesce(u.org_id, 0), t.purpose FROM user_token t"
                         " JOIN user u ON u.id = t.user_id WHERE t.token_hash = ?1 AND t.expires_at > ?2"
                         " AND u.active = 1",
                         "ti", th, util_now());
  int found = db_step(st) == 1;
  if (found) {
    read_info(st, u);
    snprintf(purpose, 8, "%s", db_col_text(st, 4));
  }
  db_done(st);
  return found;
}

/* Stores a new password for id (after password_check) and ends the account's links and other sessions. */
static int set_password(db *d, long long id, const char *email, const char *password, kerr *e) {
  if (password_check(password, email, e) != K_OK) return K_ERR;
  char hash[crypto_pwhash_STRBYTES];
  if (hash_password(password, hash, e) != K_OK) return K_ERR;
  if (db_exec(d, "UPDATE user SET password_hash = ?2 WHERE id = ?1", "it", id, hash) != DB_OK ||
      db_exec(d, "DELETE FROM user_token WHERE user_id = ?1", "i", id) != DB_OK ||
      db_exec(d, "DELETE FROM session WHERE user_id = ?1", "i", id) != DB_OK)
    return kerr_set(e, NULL, "cannot store the password: %r", db_errmsg(d));
  return K_OK;
}

int user_token_use(db *d, const char *token, const char *password, kerr *e) {
  user_info u;
  char purpose[8] = "", subject[40];
  if (!user_token_get(d, token, &u, purpose))
    return kerr_set(e, "token", N_("Linkki on vanhentunut tai jo käytetty. Pyydä uusi linkki."));
  snprintf(subject, sizeof subject, "user:%lld", u.id);
  if (write_begin(d, "salasana", e) != K_OK) return K_ERR;
  int rc = set_password(d, u.id, u.email, password, e);
  if (rc == K_OK)
    rc = audit_log(d, u.email, strcmp(purpose, "invite") ? "password-reset" : "password-set", subject,
                   strcmp(purpose, "invite") ? "by a reset link" : "by the invitation");
  return write_end(d, rc, "salasana", e);
}

void user_reset_request(db *d, const char *email, const char *address) {
  const char *who = address && *address ? address : "unknown address";
  long long id = db_int(d, 0, "SELECT id FROM user WHERE email = ?1 AND active = 1", "t", email ? email : "");
  if (!id) {
    audit_log(d, who, "password-reset-request", "login", "no such active account");
    return;
  }
  char token[65], subject[40];
  snprintf(subject, sizeof subject, "user:%lld", id);
  /* one link a minute at most, so the form cannot flood someone's inbox */
  if (db_exists(d, "SELECT 1 FROM user_token WHERE user_id = ?1 AND purpose = 'reset' AND created_at > ?2", "ii", id,
                util_now() - 60)) {
    audit_log(d, who, "password-reset-request", subject, "not sent: a link was sent less than a minute ago");
    return;
  }
  arena a = {0};
  user_row *u = user_get(d, &a, id);
  kerr e = {0};
  int rc = write_begin(d, "salasana", &e);
  if (rc == K_OK) {
    rc = token_new(d, id, "reset", USER_RESET_SECONDS, token);
    if (rc == K_OK && !mail_reset(d, u->email, u->lang, token, &e)) rc = K_ERR;
    if (rc == K_OK) rc = audit_log(d, who, "password-reset-request", subject, "link sent");
    rc = write_end(d, rc, "salasana", &e);
  }
  if (rc != K_OK) log_error("password reset for user %lld: %r", id, e.msg ? e.msg : "");
  kerr_clear(&e);
  sodium_memzero(token, sizeof token);
  arena_free(&a);
}

int user_password_change(db *d, long long id, const char *current, const char *password, kerr *e) {
  char *email = db_text(d, "SELECT email FROM user WHERE id = ?1 AND active = 1", "i", id);
  if (!email) return kerr_set(e, NULL, N_("Tunnusta ei löydy."));
  user_info u;
  int rc = K_ERR;
  char subject[40];
  snprintf(subject, sizeof subject, "user:%lld", id);
  /* guesses of the current password are throttled in a bucket of the account's own (not its public login bucket,
   * which anyone can fill to keep the owner from changing the password) */
  char kacc[40];
  snprintf(kacc, sizeof kacc, "pwchange:%lld", id);
  throttle_try t[] = {{kacc, LOGIN_FREE_ACCOUNT, 0, 0}};
  if (throttle_begin(d, t, 1, throttle_now_ms())) {
    kerr_set(e, "current", N_("Liian monta epäonnistunutta kirjautumisyritystä peräkkäin."));
    audit_log(d, email, "password-change-failed", subject, "refused: too many failed tries");
  } else if (!current || !password_right(d, email, current, &u) || u.id != id) {
    kerr_set(e, "current", N_("Nykyinen salasana on väärin."));
    audit_log(d, email, "password-change-failed", subject, "wrong current password");
  } else if (write_begin(d, "salasana", e) == K_OK) {
    throttle_forget(d, kacc);
    rc = set_password(d, id, email, password, e);
    if (rc == K_OK) rc = audit_log(d, email, "password-change", subject, "");
    rc = write_end(d, rc, "salasana", e);
  }
  free(email);
  return rc;
}

void user_set_lang(db *d, long long id, const char *lang) {
  db_exec(d, "UPDATE user SET lang = ?2 WHERE id = ?1 AND lang <> ?2", "it", id, lang_valid(lang));
}
