/* Unit tests for model/password: at least 12 characters, not guessable (zxcvbn + Finnish words + the email), why. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/util.h"
#include "model/password.h"
#include "model/user.h"
#include "fixture.h"

/* Asserts that pw is refused for email with a message containing why. */
static void refused(const char *pw, const char *email, const char *why) {
  kerr e = {0};
  if (password_check(pw, email, &e) != K_ERR) fail_msg("'%s' was accepted", pw);
  assert_string_equal(e.field, "password");
  if (!strstr(e.msg, why)) fail_msg("'%s': expected '%s' in '%s'", pw, why, e.msg);
  kerr_clear(&e);
}

static void accepted(const char *pw, const char *email) {
  kerr e = {0};
  if (password_check(pw, email, &e) != K_OK) fail_msg("'%s' was refused: %s", pw, e.msg);
}

static void test_too_short(void **state) {
  (void)state;
  refused("", NULL, "vähintään 12 merkkiä");
  refused("Xq7#kP2!zR9", NULL, "vähintään 12 merkkiä"); /* 11 random characters */
  refused("äöåäöåäöåäö", NULL, "vähintään 12 merkkiä"); /* 11 characters, 22 bytes */
  refused(NULL, NULL, "vähintään 12 merkkiä");
}

static void test_guessable_says_why(void **state) {
  (void)state;
  refused("aaaaaaaaaaaa", NULL, "toistuu sama merkki");
  refused("abcabcabcabcabc", NULL, "toistuu sama merkki");
  refused("salasana1234", NULL, "yleisestä salasanasta tai sanasta");
  refused("Salasana2024!", NULL, "liian helppo arvata");
  refused("password1234", NULL, "yleisestä salasanasta tai sanasta");
  refused("kesäkuu12345", NULL, "yleisestä salasanasta tai sanasta");
  refused("Kissa2024kesa", NULL, "liian helppo arvata");
  refused("abcdefghijklmn", NULL, "järjestyksessä");
  refused("123456789012", NULL, "järjestyksessä");
  refused("qwertyuiop12", NULL, "liian helppo arvata");
  refused("zxcvbnm,./zxc", NULL, "liian helppo arvata");
  refused("liisavirtanen2024", "liisa.virtanen@kunta.fi", "sähköpostiosoitteesi");
}

static void test_good_passwords_pass(void **state) {
  (void)state;
  accepted("vihrea-kettu-93-Rq", "staff@example.fi");
  accepted("hevonen-kuuluu-talliin", NULL);
  accepted("correct horse battery staple", NULL);
  accepted("Tq9#zL2!wX7@", NULL);
}

/* What `kehto user add` generates (24 hex digits) always passes. */
static void test_generated_passwords_pass(void **state) {
  (void)state;
  char pw[25];
  for (int i = 0; i < 2000; i++) {
    util_random_hex(pw, 12);
    accepted(pw, "someone@example.fi");
  }
}

/* user_add uses the check: a weak password makes no account. */
static void test_user_add_uses_the_check(void **state) {
  db *d = *state;
  kerr e = {0};
  assert_int_equal(user_add(d, "a@example.fi", "staff", "salasana1234", 0, &e), 0);
  assert_string_equal(e.field, "password");
  kerr_clear(&e);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM user", ""), 0);
  assert_true(user_add(d, "a@example.fi", "staff", "vihrea-kettu-93-Rq", 0, &e) > 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_too_short),           cmocka_unit_test(test_guessable_says_why),
      cmocka_unit_test(test_good_passwords_pass), cmocka_unit_test(test_generated_passwords_pass),
      FIXTURE_TEST(test_user_add_uses_the_check),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
