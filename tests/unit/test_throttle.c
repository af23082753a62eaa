/* Unit tests for model/throttle: delays grow and cap at 30 s, refusals never extend a wait, no lockout, forgetting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/throttle.h"
#include "fixture.h"

#define T0 1800000000000LL /* a fixed "now" in ms since the epoch */

static long long try_at(db *d, const char *key, int free_tries, long long now) {
  throttle_try t = {key, free_tries, 0, 0};
  return throttle_begin(d, &t, 1, now);
}

static void test_delay_grows_and_caps(void **state) {
  (void)state;
  static const long long want[] = {0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
  for (int f = 0; f < (int)(sizeof want / sizeof want[0]); f++) assert_int_equal(throttle_delay_ms(3, f), want[f]);
  assert_int_equal(throttle_delay_ms(3, 1000000000LL), THROTTLE_CAP_MS);
  assert_int_equal(throttle_delay_ms(10, 10), 0);
  assert_int_equal(throttle_delay_ms(10, 11), 1000);
}

/* Someone who retries the instant a try is allowed, for ever, is never asked to wait more than the cap. */
static void test_retrying_when_allowed_never_waits_more_than_the_cap(void **state) {
  db *d = *state;
  long long now = T0, most = 0;
  for (int i = 0; i < 200; i++) {
    long long w = try_at(d, "acct:a@example.fi", 3, now);
    if (w > most) most = w;
    now += w; /* w == 0: the try was counted; else come back exactly when allowed */
  }
  assert_int_equal(most, THROTTLE_CAP_MS);
  assert_int_equal(db_int(d, 0, "SELECT fails FROM login_throttle", ""), 4 + 196 / 2); /* then refused, counted… */
}

/* A refusal changes no wait: a flood of early retries does not push the next allowed try further away. */
static void test_refusals_do_not_extend_the_wait(void **state) {
  db *d = *state;
  for (int i = 0; i < 9; i++) try_at(d, "k", 3, T0 + i * 30000LL); /* 9 counted failures: the wait is 30 s */
  long long last = T0 + 8 * 30000LL;
  for (int i = 0; i < 1000; i++) assert_int_equal(try_at(d, "k", 3, last + 29000), 1000);
  assert_int_equal(db_int(d, 0, "SELECT refused FROM login_throttle WHERE key='k'", ""), 1000);
  assert_int_equal(try_at(d, "k", 3, last + 30000), 0); /* allowed exactly when first said */
  assert_int_equal(db_int(d, 0, "SELECT refused FROM login_throttle WHERE key='k'", ""), 0);
}

/* Every bucket must allow a try; a refused try is counted in none, an allowed one in all. */
static void test_every_bucket_must_allow(void **state) {
  db *d = *state;
  for (int i = 0; i < 4; i++) try_at(d, "addr:1", 3, T0); /* the address: waits 1 s */
  throttle_try t[] = {{"acct:x", 3, 0, 0}, {"addr:1", 3, 0, 0}};
  assert_int_equal(throttle_begin(d, t, 2, T0 + 400), 600);
  assert_false(t[0].refused);
  assert_true(t[1].refused);
  assert_int_equal(t[1].refusals, 1);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM login_throttle WHERE key='acct:x'", ""), 0);
  assert_int_equal(throttle_begin(d, t, 2, T0 + 1000), 0);
  assert_int_equal(db_int(d, 0, "SELECT fails FROM login_throttle WHERE key='acct:x'", ""), 1);
  assert_int_equal(db_int(d, 0, "SELECT fails FROM login_throttle WHERE key='addr:1'", ""), 5);
}

/* A right password takes the try back: forget clears a bucket, uncount removes one counted failure. */
static void test_forget_and_uncount(void **state) {
  db *d = *state;
  for (int i = 0; i < 6; i++) try_at(d, "addr:1", 3, T0 + i * 10000LL);
  throttle_uncount(d, "addr:1", 3);
  assert_int_equal(db_int(d, 0, "SELECT fails FROM login_throttle WHERE key='addr:1'", ""), 5);
  assert_int_equal(db_int(d, 0, "SELECT next_at - last_at FROM login_throttle WHERE key='addr:1'", ""), 2000);
  throttle_forget(d, "addr:1");
  assert_int_equal(try_at(d, "addr:1", 3, T0 + 50001), 0);
  assert_int_equal(db_int(d, 0, "SELECT fails FROM login_throttle WHERE key='addr:1'", ""), 1);
}

/* A bucket idle for THROTTLE_FORGET_MS starts over; idle buckets are deleted. */
static void test_idle_buckets_are_forgotten(void **state) {
  db *d = *state;
  for (int i = 0; i < 20; i++) try_at(d, "old", 3, T0 + i * 30000LL);
  long long later = T0 + 19 * 30000LL + THROTTLE_FORGET_MS + 1;
  assert_int_equal(try_at(d, "new", 3, later), 0);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM login_throttle WHERE key='old'", ""), 0);
  assert_int_equal(try_at(d, "old", 3, later), 0);
  assert_int_equal(db_int(d, 0, "SELECT fails FROM login_throttle WHERE key='old'", ""), 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_delay_grows_and_caps),
      FIXTURE_TEST(test_retrying_when_allowed_never_waits_more_than_the_cap),
      FIXTURE_TEST(test_refusals_do_not_extend_the_wait),
      FIXTURE_TEST(test_every_bucket_must_allow),
      FIXTURE_TEST(test_forget_and_uncount),
      FIXTURE_TEST(test_idle_buckets_are_forgotten),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
