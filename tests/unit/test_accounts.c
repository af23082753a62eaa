/* Unit tests for accounts (model/user.c) and their email (model/mail.c): an invitation makes an account without a
 * password and one message with a one-time link; the link sets a password once; a reset is sent only for an active
 * account and says nothing of unknown ones; deactivation ends sessions and logins; the last admin stays; messages
 * come in the recipient's language. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "model/mail.h"
#include "model/outbox.h"
#include "model/throttle.h"
#include "model/user.h"
#include "fixture.h"

#define PW "vihrea-kettu-93-Rq"
#define PW2 "punainen-kettu-hyppii-47"

/* The one-time token of the newest message to `to`, read from its link; "" when none. */
static void last_token(db *d, const char *to, char *token) {
  char *body = db_text(d, "SELECT body_text FROM outbox WHERE recipient = ?1 ORDER BY id DESC LIMIT 1", "t", to);
  const char *p = body ? strstr(body, "/salasana/") : NULL;
  snprintf(token, 65, "%.64s", p ? p + 10 : "");
  free(body);
}

static int can_login(db *d, const char *email, const char *pw) {
  login_try t = {.email = email, .password = pw, .address = "192.0.2.1"};
  user_info u;
  kerr e = {0};
  int rc = user_login(d, &t, &u, &e);
  kerr_clear(&e);
  return rc == K_OK;
}

static void test_invite_sets_password_once(void **s) {
  db *d = *s;
  kerr e = {0};
  long long admin = user_add(d, "admin@example.fi", "admin", PW, 0, &e);
  assert_true(admin > 0);
  user_new u = {"eva@example.fi", "evaluator", "sv", 0, 0};
  long long id = user_invite(d, &u, "admin@example.fi", &e);
  assert_true(id > 0);
  assert_int_equal(outbox_count(d, "queued"), 1);
  char *subject = db_text(d, "SELECT subject FROM outbox WHERE recipient = 'eva@example.fi'", "");
  assert_non_null(strstr(subject, "Inbjudan")); /* Swedish, the language the admin chose */
  free(subject);
  assert_false(can_login(d, "eva@example.fi", "")); /* no password yet */
  char token[65];
  last_token(d, "eva@example.fi", token);
  assert_int_equal(strlen(token), 64);
  user_info who;
  char purpose[8];
  assert_true(user_token_get(d, token, &who, purpose));
  assert_string_equal(purpose, "invite");
  assert_string_equal(who.email, "eva@example.fi");
  assert_int_equal(user_token_use(d, token, "short", &e), K_ERR); /* the password policy, through its one check */
  assert_string_equal(e.field, "password");
  kerr_clear(&e);
  assert_int_equal(user_token_use(d, token, PW2, &e), K_OK);
  assert_true(can_login(d, "eva@example.fi", PW2));
  assert_int_equal(user_token_use(d, token, PW, &e), K_ERR); /* once */
  assert_string_equal(e.field, "token");
  kerr_clear(&e);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM audit WHERE action IN ('user-invite', 'password-set')", ""), 2);
  /* the same address again is refused; a contact needs an organisation */
  assert_int_equal(user_invite(d, &u, "admin@example.fi", &e), 0);
  assert_string_equal(e.field, "email");
  kerr_clear(&e);
  user_new c = {"c@example.fi", "contact", "fi", 0, 0};
  assert_int_equal(user_invite(d, &c, "admin@example.fi", &e), 0);
  assert_string_equal(e.field, "org");
  kerr_clear(&e);
  assert_int_equal(outbox_count(d, NULL), 1); /* refused invitations queue nothing */
}

static void test_reset_only_for_active_accounts(void **s) {
  db *d = *s;
  kerr e = {0};
  long long id = user_add(d, "staff@example.fi", "staff", PW, 0, &e);
  user_add(d, "admin@example.fi", "admin", PW, 0, &e);
  user_reset_request(d, "nobody@example.fi", "192.0.2.1");
  assert_int_equal(outbox_count(d, NULL), 0);
  user_reset_request(d, "STAFF@example.fi", "192.0.2.1"); /* addresses ignore case */
  assert_int_equal(outbox_count(d, NULL), 1);
  user_reset_request(d, "staff@example.fi", "192.0.2.1"); /* a second within a minute is not sent */
  assert_int_equal(outbox_count(d, NULL), 1);
  char token[65], purpose[8];
  last_token(d, "staff@example.fi", token);
  user_info who;
  assert_true(user_token_get(d, token, &who, purpose));
  assert_string_equal(purpose, "reset");
  /* an hour later the link no longer works */
  db_exec(d, "UPDATE user_token SET expires_at = expires_at - 3601", "");
  assert_false(user_token_get(d, token, &who, purpose));
  db_exec(d, "UPDATE user_token SET expires_at = expires_at + 3601", "");
  /* deactivated: no login, no session, no link, no new reset */
  char session[65];
  assert_int_equal(user_session_start(d, id, session, sizeof session), K_OK);
  assert_true(user_session_get(d, session, &who));
  assert_int_equal(user_set_active(d, id, 0, "admin@example.fi", &e), K_OK);
  assert_false(user_session_get(d, session, &who));
  assert_false(can_login(d, "staff@example.fi", PW));
  assert_false(user_token_get(d, token, &who, purpose));
  user_reset_request(d, "staff@example.fi", "192.0.2.1");
  assert_int_equal(outbox_count(d, NULL), 1);
  assert_int_equal(user_set_active(d, id, 1, "admin@example.fi", &e), K_OK);
  assert_true(can_login(d, "staff@example.fi", PW));
}

static void test_last_admin_and_own_password(void **s) {
  db *d = *s;
  kerr e = {0};
  long long admin = user_add(d, "admin@example.fi", "admin", PW, 0, &e);
  assert_int_equal(user_set_active(d, admin, 0, "admin@example.fi", &e), K_ERR);
  kerr_clear(&e);
  assert_int_equal(user_update(d, admin, "staff", 0, 0, "admin@example.fi", &e), K_ERR);
  assert_string_equal(e.field, "role");
  kerr_clear(&e);
  long long other = user_add(d, "admin2@example.fi", "admin", PW, 0, &e);
  assert_int_equal(user_update(d, admin, "jury", 0, 0, "admin2@example.fi", &e), K_OK);
  assert_int_equal(user_set_active(d, other, 0, "admin2@example.fi", &e), K_ERR); /* now the last one */
  kerr_clear(&e);
  assert_int_equal(user_password_change(d, admin, "wrong-password-here", PW2, &e), K_ERR);
  assert_string_equal(e.field, "current");
  kerr_clear(&e);
  for (int i = 0; i < LOGIN_FREE_ACCOUNT; i++) { /* guesses count with the account's failed logins */
    assert_int_equal(user_password_change(d, admin, "wrong-password-here", PW2, &e), K_ERR);
    kerr_clear(&e);
  }
  char bucket[40];
  snprintf(bucket, sizeof bucket, "pwchange:%lld", admin);
  /* every guess was counted, and the bucket now asks for a wait */
  assert_int_equal(db_int(d, -1, "SELECT fails FROM login_throttle WHERE key = ?1", "t", bucket), LOGIN_FREE_ACCOUNT + 1);
  assert_true(db_int(d, 0, "SELECT next_at - last_at FROM login_throttle WHERE key = ?1", "t", bucket) >= 1000);
  /* within the wait it refuses, right password or not (the wait is moved ahead: on a loaded machine the last
   * guess's password check alone can outlast the first 1 s wait) */
  db_exec(d, "UPDATE login_throttle SET next_at = ?2 WHERE key = ?1", "ti", bucket, throttle_now_ms() + 60000);
  assert_int_equal(user_password_change(d, admin, PW, PW2, &e), K_ERR);
  assert_non_null(strstr(e.msg, "Liian monta"));
  kerr_clear(&e);
  throttle_forget(d, bucket);
  for (int i = 0; i < 10; i++) can_login(d, "admin@example.fi", "someone-elses-guess"); /* the public bucket */
  assert_int_equal(user_password_change(d, admin, PW, PW2, &e), K_OK);
  throttle_forget(d, "acct:admin@example.fi");
  assert_true(can_login(d, "admin@example.fi", PW2));
  assert_false(can_login(d, "admin@example.fi", PW));
}

static void test_mail_fill_and_languages(void **s) {
  buf b = BUF_INIT;
  const char *vars[] = {"a", "1", "bb", "<2>", NULL};
  mail_fill(&b, "x{a}y{bb}z{c}{", vars);
  assert_string_equal(b.data, "x1y<2>z{c}{");
  buf_free(&b);
  db *d = *s;
  kerr e = {0};
  assert_true(mail_deed_decided(d, "p@example.fi", "en", 7, "Walks\r\nhttps://phish.example/x", 0,
                                "Too <short>\nhttps://phish.example/y", &e) > 0);
  arena a = {0};
  outbox_msg *m = outbox_get(d, &a, 1);
  assert_non_null(m);
  assert_null(strchr(m->subject, '\n')); /* a header is one line */
  assert_non_null(strstr(m->body_text, "Too <short>"));
  assert_non_null(strstr(m->body_html, "Too &lt;short&gt;")); /* escaped in the HTML part */
  assert_non_null(strstr(m->body_html, "<html lang=\"en\">"));
  assert_null(strstr(m->body_html, "href=\"https://phish"));                /* only the message's own link is a link */
  assert_non_null(strstr(m->body_html, "href=\"http://127.0.0.1:8080/\"")); /* the site's address is */
  assert_null(strstr(m->body_text, "\nhttps://phish.example/x"));           /* the title stays on its line */
  assert_string_equal(m->lang, "en");
  assert_null(strstr(m->body_text, "Hei,")); /* English, not Finnish */
  arena_free(&a);
}

int main(void) {
  if (i18n_init(NULL) != K_OK) return 1;
  const struct CMUnitTest tests[] = {
      FIXTURE_TEST(test_invite_sets_password_once),
      FIXTURE_TEST(test_reset_only_for_active_accounts),
      FIXTURE_TEST(test_last_admin_and_own_password),
      FIXTURE_TEST(test_mail_fill_and_languages),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
