/* user: accounts, passwords (argon2id via libsodium), sessions, and logins throttled without lockout. */
#include "model/user.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "model/audit.h"
#include "model/password.h"
#include "model/throttle.h"

int user_role_valid(const char *role) {
  return role && (!strcmp(role, "admin") || !strcmp(role, "staff") || !strcmp(role, "contact"));
}

int user_is_staff(const user_info *u) {
  return u && u->id && (!strcmp(u->role, "admin") || !strcmp(u->role, "staff"));
}

long long user_add(db *d, const char *email, const char *role, const char *password, long long org_id, kerr *e) {
  if (!util_email_valid(email)) {
    kerr_set(e, "email", "'%r' is not an email address", email ? email : "");
    return 0;
  }
  if (!user_role_valid(role)) {
    kerr_set(e, "role", "role must be admin, staff or contact");
    return 0;
  }
  if (password_check(password, email, e) != K_OK) return 0;
  int contact = strcmp(role, "contact") == 0;
  if (contact && org_id <= 0) {
    kerr_set(e, "org", "a contact account needs its organisation (--org ID or Y-tunnus)");
    return 0;
  }
  if (!contact && org_id != 0) {
    kerr_set(e, "org", "only contact accounts belong to an organisation; leave --org out for %r", role);
    return 0;
  }
  if (contact && !db_exists(d, "SELECT 1 FROM org WHERE id=?1", "i", org_id)) {
    kerr_set(e, "org", "there is no organisation with id %lld", org_id);
    return 0;
  }
  if (db_exists(d, "SELECT 1 FROM user WHERE email=?1", "t", email)) {
    kerr_set(e, "email", "an account for %r exists already", email);
    return 0;
  }
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    kerr_set(e, NULL, "out of memory while hashing the password");
    return 0;
  }
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

/* Checks the password against the account's hash; for an unknown account spends the same time on a hash, so accounts
 * cannot be told apart by timing. Fills u on success and returns 1. */
static int password_right(db *d, const char *email, const char *password, user_info *u) {
  db_stmt *st = db_query(d, "SELECT id, email, role, coalesce(org_id,0), password_hash FROM user WHERE email=?1", "t",
                         email ? email : "");
  int ok = 0;
  if (db_step(st) == 1) {
    const char *hash = db_col_text(st, 4);
    if (password && crypto_pwhash_str_verify(hash, password, strlen(password)) == 0) {
      ok = 1;
      memset(u, 0, sizeof *u);
      u->id = db_col_int(st, 0);
      snprintf(u->email, sizeof u->email, "%s", db_col_text(st, 1));
      snprintf(u->role, sizeof u->role, "%s", db_col_text(st, 2));
      u->org_id = db_col_int(st, 3);
    }
  } else if (password) {
    char dummy[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(dummy, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
      log_error("password hashing failed (out of memory?)");
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
                         " JOIN user u ON u.id=s.user_id WHERE s.token_hash=?1 AND s.expires_at>?2",
                         "ti", th, util_now());
  int found = db_step(st) == 1;
  if (found) {
    memset(u, 0, sizeof *u);
    u->id = db_col_int(st, 0);
    snprintf(u->email, sizeof u->email, "%s", db_col_text(st, 1));
    snprintf(u->role, sizeof u->role, "%s", db_col_text(st, 2));
    u->org_id = db_col_int(st, 3);
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

void user_each(db *d, void (*fn)(void *, long long, const char *, const char *, const char *), void *arg) {
  db_stmt *st = db_query(d, "SELECT id, email, role, created_at FROM user ORDER BY email", "");
  while (db_step(st) == 1) fn(arg, db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3));
  db_done(st);
}
