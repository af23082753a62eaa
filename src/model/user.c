/* user: accounts, passwords (argon2id via libsodium), sessions and login throttling. */
#include "model/user.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"

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
  if (!password || strlen(password) < USER_MIN_PASSWORD) {
    kerr_set(e, "password", "the password must have at least %d characters", USER_MIN_PASSWORD);
    return 0;
  }
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
              email, role, hash, org_id) != SQLITE_OK) {
    kerr_set(e, NULL, "cannot create the account: %r", db_errmsg(d));
    return 0;
  }
  return db_last_id(d);
}

static long long failures(db *d, const char *key, long long since) {
  return db_int(d, 0, "SELECT count(*) FROM login_failure WHERE key=?1 AND at>?2", "ti", key, since);
}

int user_login(db *d, const char *email, const char *password, const char *address, user_info *u, int *delay_ms,
               kerr *e) {
  char kacc[300], kaddr[80];
  snprintf(kacc, sizeof kacc, "acct:%s", email ? email : "");
  for (char *p = kacc; *p; p++) *p = (char)tolower((unsigned char)*p); /* the account's email ignores case too */
  snprintf(kaddr, sizeof kaddr, "addr:%s", address ? address : "");
  long long now = util_now(), since = now - LOGIN_WINDOW;
  long long fa = failures(d, kacc, since), fd = failures(d, kaddr, since);
  *delay_ms = 0;
  if (fa >= LOGIN_MAX_PER_ACCOUNT || fd >= LOGIN_MAX_PER_ADDRESS) {
    *delay_ms = LOGIN_WINDOW * 1000;
    return kerr_set(e, NULL, N_("Liian monta epäonnistunutta kirjautumista. Yritä uudelleen 15 minuutin kuluttua."));
  }
  /* Slowing without sleeping: after two failures each further try must wait 2 s more than the last one did. */
  if (fa >= 2) {
    long long last = db_int(d, 0, "SELECT max(at) FROM login_failure WHERE key=?1", "t", kacc);
    long long wait = (fa - 1) * 2 - (now - last);
    if (wait > 0) {
      *delay_ms = (int)wait * 1000;
      return kerr_set(e, NULL, N_("Liian monta epäonnistunutta yritystä peräkkäin. Odota hetki ja yritä uudelleen."));
    }
  }
  sqlite3_stmt *st = db_query(d, "SELECT id, email, role, coalesce(org_id,0), password_hash FROM user WHERE email=?1",
                              "t", email ? email : "");
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
    /* spend the same time as a real check so unknown accounts cannot be told apart by timing */
    char dummy[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(dummy, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
      log_error("password hashing failed (out of memory?)");
  }
  db_done(st);
  if (ok) {
    db_exec(d, "DELETE FROM login_failure WHERE key=?1", "t", kacc);
    return K_OK;
  }
  db_exec(d, "INSERT INTO login_failure(key, at) VALUES(?1, ?3), (?2, ?3)", "tti", kacc, kaddr, now);
  db_exec(d, "DELETE FROM login_failure WHERE at<?1", "i", since);
  return kerr_set(e, "email", N_("Sähköposti tai salasana on väärin."));
}

static void token_hash(const char *token, char *out /* 65 */) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
  sodium_bin2hex(out, 65, h, sizeof h);
}

int user_session_start(db *d, long long user_id, char *token, size_t n) {
  char csrf[65], th[65];
  if (n < 65) return K_ERR;
  util_random_hex(token, 32);
  util_random_hex(csrf, 32);
  token_hash(token, th);
  db_exec(d, "DELETE FROM session WHERE expires_at<?1", "i", util_now());
  return db_exec(d, "INSERT INTO session(token_hash, user_id, csrf, expires_at) VALUES(?1, ?2, ?3, ?4)", "titi", th,
                 user_id, csrf, util_now() + SESSION_SECONDS) == SQLITE_OK
             ? K_OK
             : K_ERR;
}

int user_session_get(db *d, const char *token, user_info *u) {
  if (!token || strlen(token) != 64) return 0;
  char th[65];
  token_hash(token, th);
  sqlite3_stmt *st = db_query(d,
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
  sqlite3_stmt *st = db_query(d, "SELECT id, email, role, created_at FROM user ORDER BY email", "");
  while (db_step(st) == 1) fn(arg, db_col_int(st, 0), db_col_text(st, 1), db_col_text(st, 2), db_col_text(st, 3));
  db_done(st);
}
