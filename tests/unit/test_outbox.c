/* Unit tests for model/outbox: queue, one claim per message, lease expiry, backoff to 'failed', retry; smtp's
 * subject encoding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "mail/smtp.h"
#include "model/outbox.h"
#include "fixture.h"

#define T0 1800000000000LL /* a fixed "now" in ms since the epoch */

static long long queue(db *d, const char *to) {
  kerr e = {0};
  long long id = outbox_add(d, "test", to, "fi", "Aihe ä", "Teksti", "<p>Teksti</p>", &e);
  if (!id) fail_msg("outbox_add: %s", e.msg);
  /* outbox_add stamps the wall clock: move the message to the tests' fixed time */
  assert_int_equal(db_exec(d, "UPDATE outbox SET next_at = ?1, created_at = ?1 WHERE id = ?2", "ii", T0, id), DB_OK);
  return id;
}

static int claim(db *d, long long now, outbox_msg *m) {
  arena a = {0};
  int rc = outbox_claim(d, &a, now, 0, m);
  arena_free(&a); /* the tests read only the numbers */
  return rc;
}

static void test_queue_refuses_a_bad_address(void **state) {
  db *d = *state;
  kerr e = {0};
  assert_int_equal(outbox_add(d, "test", "not an address", "fi", "s", "t", "", &e), 0);
  assert_non_null(e.msg);
  kerr_clear(&e);
  assert_int_equal(outbox_count(d, NULL), 0);
}

static void test_claim_once(void **state) {
  db *d = *state;
  long long id = queue(d, "a@example.fi");
  outbox_msg m;
  assert_int_equal(claim(d, T0 - 1, &m), 0); /* not due yet */
  assert_int_equal(claim(d, T0, &m), 1);
  assert_int_equal(m.id, id);
  assert_int_equal(m.attempts, 1);
  assert_int_equal(claim(d, T0, &m), 0); /* a second sender gets nothing */
  assert_int_equal(claim(d, T0 + OUTBOX_LEASE_MS - 1, &m), 0);
  assert_int_equal(outbox_count(d, "sending"), 1);
}

static void test_lease_expiry_lets_another_claim(void **state) {
  db *d = *state;
  long long id = queue(d, "a@example.fi");
  outbox_msg m;
  assert_int_equal(claim(d, T0, &m), 1);
  assert_int_equal(claim(d, T0 + OUTBOX_LEASE_MS, &m), 1); /* the first sender crashed */
  assert_int_equal(m.id, id);
  assert_int_equal(m.attempts, 2);
  assert_int_equal(outbox_done(d, id, 1, 0, NULL, T0 + OUTBOX_LEASE_MS + 10, 0), K_OK);
  /* the first sender, late, reports a failure: the message stays sent */
  assert_int_equal(outbox_done(d, id, 0, 0, "late", T0 + OUTBOX_LEASE_MS + 20, 0), K_OK);
  assert_int_equal(outbox_count(d, "sent"), 1);
  assert_int_equal(claim(d, T0 + 10 * OUTBOX_LEASE_MS, &m), 0);
}

static void test_sent_is_never_claimed_again(void **state) {
  db *d = *state;
  long long id = queue(d, "a@example.fi");
  outbox_msg m;
  assert_int_equal(claim(d, T0, &m), 1);
  assert_int_equal(outbox_done(d, id, 1, 0, NULL, T0 + 5, 0), K_OK);
  arena a = {0};
  outbox_msg *g = outbox_get(d, &a, id);
  assert_string_equal(g->status, "sent");
  assert_int_equal(g->sent_at, T0 + 5);
  arena_free(&a);
  assert_int_equal(claim(d, T0 + 100 * OUTBOX_LEASE_MS, &m), 0);
}

static void test_backoff_grows_and_ends_failed(void **state) {
  db *d = *state;
  long long id = queue(d, "a@example.fi");
  assert_int_equal(outbox_backoff_ms(1, 0), OUTBOX_BACKOFF_FIRST_MS);
  assert_int_equal(outbox_backoff_ms(2, 0), 2 * OUTBOX_BACKOFF_FIRST_MS);
  assert_int_equal(outbox_backoff_ms(100, 0), OUTBOX_BACKOFF_MAX_MS);
  assert_int_equal(outbox_backoff_ms(3, 10), 40);
  long long now = T0, last_wait = 0;
  outbox_msg m;
  for (int i = 1; i <= OUTBOX_MAX_ATTEMPTS; i++) {
    assert_int_equal(claim(d, now, &m), 1);
    assert_int_equal(m.attempts, i);
    assert_int_equal(outbox_done(d, id, 0, 0, "451 try later", now, 0), K_OK);
    arena a = {0};
    outbox_msg *g = outbox_get(d, &a, id);
    assert_string_equal(g->last_error, "451 try later");
    if (i < OUTBOX_MAX_ATTEMPTS) {
      assert_string_equal(g->status, "queued");
      long long wait = g->next_at - now;
      assert_true(wait > last_wait || wait == OUTBOX_BACKOFF_MAX_MS);
      assert_int_equal(claim(d, g->next_at - 1, &m), 0); /* not before its time */
      last_wait = wait;
      now = g->next_at;
    } else {
      assert_string_equal(g->status, "failed");
    }
    arena_free(&a);
  }
  assert_int_equal(claim(d, now + 100 * OUTBOX_BACKOFF_MAX_MS, &m), 0); /* failed stays failed */
}

static void test_permanent_failure_and_retry(void **state) {
  db *d = *state;
  long long id = queue(d, "a@example.fi");
  outbox_msg m;
  kerr e = {0};
  assert_int_equal(outbox_retry(d, id + 1, &e), K_ERR); /* no such message */
  kerr_clear(&e);
  assert_int_equal(claim(d, T0, &m), 1);
  assert_int_equal(outbox_done(d, id, 0, 1, "550 no such mailbox", T0, 0), K_OK);
  assert_int_equal(outbox_count(d, "failed"), 1);
  assert_int_equal(outbox_retry(d, id, &e), K_OK);
  assert_int_equal(outbox_count(d, "queued"), 1);
  assert_int_equal(claim(d, outbox_now_ms(), &m), 1); /* due at once */
  assert_int_equal(m.attempts, 1);                    /* counted afresh */
  assert_int_equal(outbox_done(d, id, 1, 0, NULL, outbox_now_ms(), 0), K_OK);
  assert_int_equal(outbox_retry(d, id, &e), K_ERR); /* a sent one stays sent */
  kerr_clear(&e);
}

static void test_list_newest_first(void **state) {
  db *d = *state;
  long long a1 = queue(d, "a@example.fi"), a2 = queue(d, "b@example.fi");
  outbox_msg m;
  assert_int_equal(claim(d, T0, &m), 1);
  assert_int_equal(m.id, a1); /* the oldest first */
  arena a = {0};
  int n = 0;
  outbox_msg *v = outbox_list(d, &a, NULL, 10, 0, &n);
  assert_int_equal(n, 2);
  assert_int_equal(v[0].id, a2);
  v = outbox_list(d, &a, "queued", 10, 0, &n);
  assert_int_equal(n, 1);
  assert_string_equal(v[0].recipient, "b@example.fi");
  arena_free(&a);
  assert_true(outbox_status_valid("failed"));
  assert_false(outbox_status_valid("lost"));
  char iso[21];
  outbox_time_iso(T0, iso);
  assert_string_equal(iso, "2027-01-15T08:00:00Z");
}

static void test_subject_encoding(void **state) {
  (void)state;
  char out[512];
  assert_int_equal(smtp_encode_subject("Plain subject", out, sizeof out), 0);
  assert_string_equal(out, "Plain subject");
  assert_int_equal(smtp_encode_subject("Hyvä", out, sizeof out), 0);
  assert_string_equal(out, "=?UTF-8?B?SHl2w6Q=?=");
  /* long: several encoded words, each of whole characters, folded */
  assert_int_equal(smtp_encode_subject("ääääääääääääääääääääääääääääääääääääääää", out, sizeof out), 0);
  assert_non_null(strstr(out, "?=\r\n =?UTF-8?B?"));
  assert_int_equal(smtp_encode_subject("Hyvä", out, 8), -1); /* does not fit */
  assert_true(smtp_url_ok("smtp://127.0.0.1:2525"));
  assert_true(smtp_url_ok("smtps://mail.example.fi"));
  assert_false(smtp_url_ok("http://mail.example.fi"));
  assert_false(smtp_url_ok("smtp://user:secret@mail.example.fi"));
  assert_false(smtp_url_ok("smtp://"));
}

static void test_header_injection_is_refused(void **state) {
  (void)state;
  outbox_msg m = {.id = 1,
                  .kind = "test",
                  .recipient = "a@example.fi",
                  .subject = "Hi\r\nBcc: x@example.fi",
                  .body_text = "t",
                  .body_html = ""};
  smtp_config c = {.url = "smtp://127.0.0.1:1", .from = "kehto@example.fi"};
  char why[256] = "";
  assert_int_equal(smtp_send(&c, &m, why, sizeof why), SMTP_PERMANENT);
  assert_non_null(strstr(why, "line break"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      FIXTURE_TEST(test_queue_refuses_a_bad_address),
      FIXTURE_TEST(test_claim_once),
      FIXTURE_TEST(test_lease_expiry_lets_another_claim),
      FIXTURE_TEST(test_sent_is_never_claimed_again),
      FIXTURE_TEST(test_backoff_grows_and_ends_failed),
      FIXTURE_TEST(test_permanent_failure_and_retry),
      FIXTURE_TEST(test_list_newest_first),
      cmocka_unit_test(test_subject_encoding),
      cmocka_unit_test(test_header_injection_is_refused),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
