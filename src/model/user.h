/* user: accounts, roles, argon2id passwords, sessions and login throttling. */
#ifndef KEHTO_USER_H
#define KEHTO_USER_H
#include "db/db.h"

#define SESSION_SECONDS (8 * 3600)
/* Login throttling (model/throttle.c, docs/security.md): failures in a row allowed before a bucket asks for a wait
 * that then grows from 1 s to at most 30 s; there is no lockout. */
#define LOGIN_FREE_ACCOUNT 3
#define LOGIN_FREE_ADDRESS 10
#define LOGIN_FREE_DEVICE 5
#define LOGIN_DEVICE_SECONDS (180 * 86400) /* a device cookie (browser that has logged in) is known this long */
#define LOGIN_DEVICES_KEPT 10              /* devices remembered per account, newest first */

typedef struct user_info {
  long long id;
  char email[256];
  char role[16]; /* admin, staff, evaluator, jury, contact */
  long long org_id;
  char csrf[65]; /* the session's CSRF token, when read from a session */
} user_info;

#define USER_INVITE_SECONDS (7 * 86400) /* an invitation's link works this long */
#define USER_RESET_SECONDS 3600         /* a password reset's link works this long */

/* Returns 1 for admin, staff, evaluator, jury, contact. */
int user_role_valid(const char *role);
/* 1 when KEHTO_TEST_CHEAP_HASH=1: new passwords hashed at argon2id's least cost, for test runs only (user.c). */
int user_cheap_hash(void);
/* Returns 1 when the role may use staff pages (admin, staff). */
int user_is_staff(const user_info *u);

/* Creates an account with an argon2id hash of password. A contact belongs to organisation org_id (required, must
 * exist); any other role may name one (0: none). Returns the id, or 0 with e set (bad email, role, organisation,
 * existing account: in English; a password refused by password_check: its Finnish message, for T() or i18n_get). */
long long user_add(db *d, const char *email, const char *role, const char *password, long long org_id, kerr *e);

/* One login try, and what user_login says back besides its result. */
typedef struct login_try {
  const char *email, *password;
  const char *address; /* the client's address */
  const char *device;  /* the browser's device cookie (a token user_login gave after an earlier success), or NULL */
  long long now_ms;    /* the time of the try in ms since the epoch; 0 for the clock (tests set it) */
  int retry_after;     /* out: when the try was refused by throttling, the seconds until a try is allowed; else 0 */
  char new_device[65]; /* out: after a success, a new device token to set as the cookie; "" to keep the one sent */
} login_try;

/* Checks t's email and password, throttled per account and client address with a growing delay, capped at 30 s and
 * never a lockout; a browser holding a device cookie for this account is throttled by its own bucket instead, so an
 * attacker's guesses do not keep the account's owner out (docs/security.md). Nothing here sleeps.
 * On success fills u and returns K_OK. Otherwise returns K_ERR with a message fit to show (the same for an unknown
 * account and a wrong password, so accounts cannot be probed); t->retry_after > 0 says the try was refused by
 * throttling without checking the password. Failed and refused tries are written to the audit log. */
int user_login(db *d, login_try *t, user_info *u, kerr *e);

/* Starts a session for user id: writes a 64-hex-char token to token (size >= 65) and returns K_OK. Only a hash
 * of the token is stored. */
int user_session_start(db *d, long long user_id, char *token, size_t n);
/* Looks up a session token; fills u (with its CSRF token) and returns 1 if valid and unexpired, else 0. */
int user_session_get(db *d, const char *token, user_info *u);
void user_session_end(db *d, const char *token);

/* ---- Accounts managed by admins (admin pages and `kehto user invite`); each change is audited with actor. ---- */

typedef struct user_row {
  long long id;
  char *email, *role, *lang, *created_at;
  long long org_id, coach_id;  /* 0: none */
  char *org_name, *coach_name; /* "" when none */
  int active;                  /* 0: deactivated */
  int invited;                 /* 1: no password set yet */
} user_row;

/* A new account as an admin invites it. */
typedef struct user_new {
  const char *email, *role, *lang; /* lang of the invitation and later email: fi, sv or en */
  long long org_id, coach_id;      /* org required for a contact; coach optional */
} user_new;

long long user_count(db *d);
/* Accounts ordered by email, a page of them, in arena a. */
user_row *user_list(db *d, arena *a, int limit, int offset, int *n);
user_row *user_get(db *d, arena *a, long long id);

/* Creates the account without a password and queues the invitation email with a one-time link (valid
 * USER_INVITE_SECONDS), all in one transaction. Returns the id, or 0 with e set (e->field names the field; messages
 * in Finnish, marked for translation). */
long long user_invite(db *d, const user_new *u, const char *actor, kerr *e);
/* Sends an invited account a new link (older links stop working). K_ERR when the account has set its password. */
int user_invite_resend(db *d, long long id, const char *actor, kerr *e);
/* Changes an account's role, organisation and coach profile. The last active admin keeps the role. */
int user_update(db *d, long long id, const char *role, long long org_id, long long coach_id, const char *actor,
                kerr *e);
/* Deactivates (active 0: cannot sign in, its sessions end) or activates an account. The last active admin cannot be
 * deactivated. */
int user_set_active(db *d, long long id, int active, const char *actor, kerr *e);

/* ---- One-time links (invitation and password reset) ---- */

/* Looks up a link's token: fills u (id, email, role) and purpose ("invite" or "reset", size >= 8) and returns 1
 * when it is valid (unused, unexpired, the account active); else 0. */
int user_token_get(db *d, const char *token, user_info *u, char *purpose);
/* Sets the password of the token's account (password_check first), uses up every link of the account and audits.
 * K_ERR with e set: an invalid token (field "token") or a refused password (field "password"). */
int user_token_use(db *d, const char *token, const char *password, kerr *e);
/* "Forgot password": for an active account with this email, a reset link (valid USER_RESET_SECONDS) by email in
 * the account's language; for an unknown address nothing, and the caller says the same either way. address is the
 * client's, for the audit log. */
void user_reset_request(db *d, const char *email, const char *address);
/* A signed-in user changes their own password: the current one, then the new one (password_check). */
int user_password_change(db *d, long long id, const char *current, const char *password, kerr *e);
/* Remembers the language the user reads the site in, for their email. */
void user_set_lang(db *d, long long id, const char *lang);

#endif
