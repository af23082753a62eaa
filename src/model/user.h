/* user: accounts, roles, argon2id passwords, sessions and login throttling. */
#ifndef KEHTO_USER_H
#define KEHTO_USER_H
#include "db/db.h"

#define USER_MIN_PASSWORD 10
#define SESSION_SECONDS (8 * 3600)
#define LOGIN_MAX_PER_ACCOUNT 5 /* failures in LOGIN_WINDOW before the account is locked for the window */
#define LOGIN_MAX_PER_ADDRESS 20
#define LOGIN_WINDOW 900

typedef struct user_info {
  long long id;
  char email[256];
  char role[16]; /* admin, staff, contact */
  long long org_id;
  char csrf[65]; /* the session's CSRF token, when read from a session */
} user_info;

/* Returns 1 for admin, staff, contact. */
int user_role_valid(const char *role);
/* Returns 1 when the role may use staff pages (admin, staff). */
int user_is_staff(const user_info *u);

/* Creates an account with an argon2id hash of password. A contact belongs to organisation org_id (required, must
 * exist); admin and staff have none (org_id 0). Returns the id, or 0 with e set (bad email, role, organisation,
 * short password, existing account). */
long long user_add(db *d, const char *email, const char *role, const char *password, long long org_id, kerr *e);

/* Checks email and password with throttling by address and account. On success fills u and returns K_OK; on
 * failure returns K_ERR with a message fit to show (same for unknown account and wrong password, so accounts
 * cannot be probed). When the try is refused by throttling (no password checked), *delay_ms says how long until a
 * new try can succeed (for Retry-After); it is 0 for an ordinary failure. Nothing here sleeps. */
int user_login(db *d, const char *email, const char *password, const char *address, user_info *u, int *delay_ms,
               kerr *e);

/* Starts a session for user id: writes a 64-hex-char token to token (size >= 65) and returns K_OK. Only a hash
 * of the token is stored. */
int user_session_start(db *d, long long user_id, char *token, size_t n);
/* Looks up a session token; fills u (with its CSRF token) and returns 1 if valid and unexpired, else 0. */
int user_session_get(db *d, const char *token, user_info *u);
void user_session_end(db *d, const char *token);

/* Lists accounts to f-like callback: calls fn(arg, id, email, role, created_at) for each, ordered by email. */
void user_each(db *d, void (*fn)(void *arg, long long id, const char *email, const char *role, const char *created),
               void *arg);

#endif
