/* Unit tests for model/user: logins throttled without lockout (the owner gets in despite guesses), audited. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/audit.h"
#include "model/throttle.h"
#include "model/user.h"
#include "fixture.h"

#define T0 1800000000000LL /* a fixed "now" in ms since the epoch */
#define PW "vihrea-kettu-93-Rq"

static long long add(db *d, const char *email) {
  kerr e = {0};
  long long id = user_add(d, email, "staff", PW, 0, &e);
  if (!id) fail_msg("user_add: %s", e.msg);
  return id;
}

/* One try at now; returns K_OK or K_ERR, with t filled in (retry_after, new_device). */
static int try_login(db *d, login_try *t, const char *email, const char *password, const char *address,
                     const char *device, long long now) {
  *t = (login_try){.email = email, .password = password, .address = address, .device = device, .now_ms = now};
  user_info u;
  kerr e = {0};
  int rc = user_login(d, t, &u, &e);
  if (rc == K_OK) assert_string_equal(u.email, email);
  kerr_clear(&e);
  return rc;
}

/* n wrong passwords for email from address, each the instant it is allowed; returns the time after the last. */
static long long attack(db *d, const char *email, const char *address, int n, long long now, int *most_wait) {
  login_try t;
  for (int fails = 0; fails < n;) {
    assert_int_equal(try_login(d, &t, email, "guess-guess", address, NULL, now), K_ERR);
    if (t.retry_after) {
      assert_in_range(t.retry_after, 1, 30);
      if (most_wait && t.retry_after > *most_wait) *most_wait = t.retry_after;
      now += t.retry_after * 1000LL;
    } else {
      fails++;
    }
  }
  return now;
}

/* A password is hashed with argon2id at the interactive cost (64 MiB, two passes); only KEHTO_TEST_CHEAP_HASH=1,
 * which the test suites set, lowers it, and a password hashed either way logs in. */
static void test_password_cost(void **state) {
  db *d = *state;
  login_try t;
  unsetenv("KEHTO_TEST_CHEAP_HASH");
  add(d, "real@example.fi");
  assert_true(db_int(d, 0, "SELECT count(*) FROM user WHERE email='real@example.fi' AND "
                           "password_hash LIKE '$argon2id$v=19$m=65536,t=2,p=1$%'", "") == 1);
  setenv("KEHTO_TEST_CHEAP_HASH", "0", 1);
  assert_false(user_cheap_hash());
  setenv("KEHTO_TEST_CHEAP_HASH", "1", 1);
  add(d, "cheap@example.fi");
  assert_true(db_int(d, 0, "SELECT count(*) FROM user WHERE email='cheap@example.fi' AND "
                           "password_hash LIKE '$argon2id$v=19$m=8,t=1,p=1$%'", "") == 1);
  assert_int_equal(try_login(d, &t, "real@example.fi", PW, "127.0.0.1", NULL, T0), K_OK);
  assert_int_equal(try_login(d, &t, "cheap@example.fi", PW, "127.0.0.1", NULL, T0), K_OK);
}

static void test_right_password_logs_in_and_knows_the_device(void **state) {
  db *d = *state;
  add(d, "staff@example.fi");
  login_try t;
  assert_int_equal(try_login(d, &t, "staff@example.fi", PW, "127.0.0.1", NULL, T0), K_OK);
  assert_int_equal(strlen(t.new_device), 64);
  char dev[65];
  snprintf(dev, sizeof dev, "%s", t.new_device);
  assert_int_equal(try_login(d, &t, "staff@example.fi", PW, "127.0.0.1", dev, T0), K_OK);
  assert_string_equal(t.new_device, ""); /* the device is known: its cookie stays */
  assert_int_equal(try_login(d, &t, "staff@example.fi", PW, "127.0.0.1", dev, T0 + LOGIN_DEVICE_SECONDS * 1000LL),
                   K_OK);
  assert_int_equal(strlen(t.new_device), 64); /* an expired device gets a new token */
}

/* Guesses from the owner's own address, past the 30 s cap (the e2e test makes 50): the owner's known browser gets
 * in at once, a new one within 30 s. */
static void test_owner_gets_in_despite_guesses(void **state) {
  db *d = *state;
  add(d, "staff@example.fi");
  login_try t;
  assert_int_equal(try_login(d, &t, "staff@example.fi", PW, "127.0.0.1", NULL, T0), K_OK);
  char dev[65];
  snprintf(dev, sizeof dev, "%s", t.new_device);
  int most = 0;
  long long now = attack(d, "staff@example.fi", "127.0.0.1", 12, T0 + 1000, &most);
  assert_int_equal(most, 30);
  assert_int_equal(try_login(d, &t, "staff@example.fi", PW, "127.0.0.1", NULL, now), K_ERR);
  assert_in_range(t.retry_after, 1, 30);
  assert_int_equal(try_login(d, &t, "staff@example.fi", PW, "127.0.0.1", dev, now), K_OK);

  now = attack(d, "staff@example.fi", "127.0.0.1", 10, now, NULL);
  assert_int_equal(try_login(d, &t, "staff@example.fi", PW, "127.0.0.1", NULL, now), K_ERR);
  assert_in_range(t.retry_after, 1, 30);
  assert_int_equal(try_login(d, &t, "staff@example.fi", PW, "127.0.0.1", NULL, now + t.retry_after * 1000LL), K_OK);
}

/* Someone guessing every time a try is allowed never keeps the owner's known browser out, whenever it comes. */
static void test_known_device_is_never_starved(void **state) {
  db *d = *state;
  add(d, "staff@example.fi");
  login_try t;
  assert_int_equal(try_login(d, &t, "staff@example.fi", PW, "10.0.0.1", NULL, T0), K_OK);
  char dev[65];
  snprintf(dev, sizeof dev, "%s", t.new_device);
  long long now = T0 + 1000;
  for (int round = 0; round < 3; round++) {
    now = attack(d, "staff@example.fi", "10.0.0.1", 4, now, NULL);
    assert_int_equal(try_login(d, &t, "staff@example.fi", PW, "10.0.0.1", dev, now + 1), K_OK);
  }
  /* a device token of another account is no pass */
  add(d, "other@example.fi");
  now = attack(d, "staff@example.fi", "10.0.0.1", 1, now, NULL);
  assert_int_equal(try_login(d, &t, "other@example.fi", PW, "10.0.0.1", dev, now), K_ERR);
  assert_true(t.retry_after > 0);
}

/* The address bucket of an IPv6 client is its /64; a different network is not slowed by it. */
static void test_ipv6_clients_share_their_64(void **state) {
  db *d = *state;
  login_try t;
  char email[40], addr[40];
  for (int i = 0; i < LOGIN_FREE_ADDRESS + 1; i++) {
    snprintf(email, sizeof email, "n%d@example.fi", i);
    snprintf(addr, sizeof addr, "2001:db8:1:2::%x", i + 1);
    assert_int_equal(try_login(d, &t, email, "guess-guess", addr, NULL, T0), K_ERR);
    assert_int_equal(t.retry_after, 0);
  }
  assert_int_equal(try_login(d, &t, "x@example.fi", "guess-guess", "2001:db8:1:2:ffff::9", NULL, T0), K_ERR);
  assert_int_equal(t.retry_after, 1);
  assert_int_equal(try_login(d, &t, "x@example.fi", "guess-guess", "2001:db8:1:3::1", NULL, T0), K_ERR);
  assert_int_equal(t.retry_after, 0);
}

/* Failed tries are audited with the account (when it exists) and the address; refusals in a few rows. */
static void test_failures_are_audited(void **state) {
  db *d = *state;
  long long id = add(d, "staff@example.fi");
  login_try t;
  for (int i = 0; i < 4; i++) try_login(d, &t, "staff@example.fi", "guess-guess", "192.0.2.7", NULL, T0);
  for (int i = 0; i < 25; i++) try_login(d, &t, "staff@example.fi", "guess-guess", "192.0.2.7", NULL, T0 + 1);
  try_login(d, &t, "nobody@example.fi", "guess-guess", "192.0.2.8", NULL, T0);
  char subject[32];
  snprintf(subject, sizeof subject, "user:%lld", id);
  assert_int_equal(db_int(d, 0,
                          "SELECT count(*) FROM audit WHERE action='login-failed' AND actor='192.0.2.7' AND "
                          "subject=?1 AND detail='wrong password'",
                          "t", subject),
                   4);
  assert_int_equal(
      db_int(d, 0, "SELECT count(*) FROM audit WHERE action='login-throttled' AND subject=?1", "t", subject),
      2); /* the 1st and the 10th refusal */
  assert_int_equal(db_int(d, 0,
                          "SELECT count(*) FROM audit WHERE action='login-failed' AND actor='192.0.2.8' AND "
                          "subject='login' AND detail NOT LIKE '%nobody%'",
                          ""),
                   1);
}

int main(void) {
  /* the throttle's tests make hundreds of tries: at the least cost (test_password_cost checks the real one) */
  setenv("KEHTO_TEST_CHEAP_HASH", "1", 1);
  const struct CMUnitTest tests[] = {
      FIXTURE_TEST(test_password_cost),
      FIXTURE_TEST(test_right_password_logs_in_and_knows_the_device),
      FIXTURE_TEST(test_owner_gets_in_despite_guesses),
      FIXTURE_TEST(test_known_device_is_never_starved),
      FIXTURE_TEST(test_ipv6_clients_share_their_64),
      FIXTURE_TEST(test_failures_are_audited),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
