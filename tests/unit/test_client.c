/* Unit tests for web/client: the client address behind a trusted proxy, the same-site check, the base URL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "web/client.h"

static const char *addr(const char *peer, const char *proxy, const char *xff) {
  static char out[CLIENT_ADDR_MAX];
  client_address(peer, proxy, xff, out, sizeof out);
  return out;
}

static void test_address_without_proxy_is_the_peer(void **s) {
  assert_string_equal(addr("10.0.0.5", NULL, "1.2.3.4"), "10.0.0.5");
  /* a header from a peer that is not the trusted proxy is ignored */
  assert_string_equal(addr("10.0.0.5", "127.0.0.1", "1.2.3.4"), "10.0.0.5");
  char out[CLIENT_ADDR_MAX];
  assert_int_equal(client_address("10.0.0.5", "127.0.0.1", "1.2.3.4", out, sizeof out), 0);
}

static void test_address_from_the_proxy_is_the_rightmost(void **s) {
  assert_string_equal(addr("127.0.0.1", "127.0.0.1", "203.0.113.9"), "203.0.113.9");
  /* the client wrote the left part itself: only the entry the proxy appended counts */
  assert_string_equal(addr("127.0.0.1", "127.0.0.1", "6.6.6.6, 203.0.113.9"), "203.0.113.9");
  assert_string_equal(addr("127.0.0.1", "127.0.0.1", "6.6.6.6,203.0.113.9 , 127.0.0.1"), "203.0.113.9");
  assert_string_equal(addr("127.0.0.1", "127.0.0.1", "2001:db8::1"), "2001:db8::1");
  char out[CLIENT_ADDR_MAX];
  assert_int_equal(client_address("127.0.0.1", "127.0.0.1", "203.0.113.9", out, sizeof out), 1);
}

static void test_address_falls_back_to_the_peer(void **s) {
  assert_string_equal(addr("127.0.0.1", "127.0.0.1", NULL), "127.0.0.1");
  assert_string_equal(addr("127.0.0.1", "127.0.0.1", ""), "127.0.0.1");
  assert_string_equal(addr("127.0.0.1", "127.0.0.1", " , "), "127.0.0.1");
  assert_string_equal(addr("127.0.0.1", "127.0.0.1", "127.0.0.1"), "127.0.0.1");
  assert_string_equal(addr("127.0.0.1", "127.0.0.1", "1.2.3.4, <script>"), "127.0.0.1");
  assert_string_equal(addr("127.0.0.1", "127.0.0.1", "1.2.3.4, unknown"), "127.0.0.1");
  assert_string_equal(addr("127.0.0.1", "127.0.0.1", "1.2.3.4, 1111111111111111111111111111111111111111111111111"),
                      "127.0.0.1");
}

static void test_same_site_allows_missing_headers(void **s) {
  assert_true(client_same_site(NULL, NULL, "kehto.example", "https://kehto.example"));
  assert_true(client_same_site(NULL, NULL, NULL, NULL));
  assert_true(client_same_site(NULL, "same-origin", "kehto.example", "https://kehto.example"));
  assert_true(client_same_site(NULL, "none", "kehto.example", "https://kehto.example"));
}

static void test_same_site_refuses_cross_site(void **s) {
  assert_false(client_same_site(NULL, "cross-site", "kehto.example", "https://kehto.example"));
  assert_false(client_same_site("https://kehto.example", "Cross-Site", "kehto.example", "https://kehto.example"));
  assert_false(client_same_site("https://evil.example", NULL, "kehto.example", "https://kehto.example"));
  assert_false(client_same_site("https://kehto.example.evil.example", NULL, "kehto.example", "https://kehto.example"));
  assert_false(client_same_site("null", NULL, "kehto.example", "https://kehto.example"));
  assert_false(client_same_site("", NULL, "kehto.example", "https://kehto.example"));
  assert_false(client_same_site("https://kehto.example/path", NULL, "x", "https://x"));
  assert_false(client_same_site("ftp://kehto.example", NULL, "kehto.example", NULL));
  /* another port is another origin */
  assert_false(client_same_site("http://127.0.0.1:9999", NULL, "127.0.0.1:8080", "http://127.0.0.1:8080"));
}

static void test_same_site_accepts_base_url_or_host(void **s) {
  assert_true(client_same_site("https://kehto.example", "same-origin", "127.0.0.1:8080", "https://kehto.example"));
  assert_true(client_same_site("https://Kehto.Example:443", NULL, "127.0.0.1:8080", "https://kehto.example"));
  assert_true(client_same_site("http://127.0.0.1:8080", NULL, "127.0.0.1:8080", "http://127.0.0.1:8080"));
  /* Host names the site: behind a proxy that passes Host on, or without --base-url */
  assert_true(client_same_site("https://kehto.example", NULL, "kehto.example", "http://127.0.0.1:8080"));
  assert_true(client_same_site("http://[::1]:8080", NULL, "[::1]:8080", NULL));
  assert_true(client_same_site("https://kehto.example", "same-site", "kehto.example", NULL));
}

static void test_base_url(void **s) {
  char *u = client_base_url("HTTPS://Kehto.Example.fi/");
  assert_string_equal(u, "https://kehto.example.fi");
  free(u);
  u = client_base_url("http://127.0.0.1:8080");
  assert_string_equal(u, "http://127.0.0.1:8080");
  free(u);
  u = client_base_url("https://kehto.example:443");
  assert_string_equal(u, "https://kehto.example");
  free(u);
  assert_null(client_base_url("kehto.example"));
  assert_null(client_base_url("https://kehto.example/kehto"));
  assert_null(client_base_url("https://user@kehto.example"));
  assert_null(client_base_url("https://kehto.example?x"));
  assert_null(client_base_url("https://kehto.example:0"));
  assert_null(client_base_url("https://kehto.example:99999"));
  assert_null(client_base_url("javascript://x"));
  assert_null(client_base_url("https://"));
}

static void test_loopback(void **s) {
  assert_true(client_is_loopback("127.0.0.1"));
  assert_true(client_is_loopback("127.1.2.3"));
  assert_false(client_is_loopback("0.0.0.0"));
  assert_false(client_is_loopback("10.0.0.1"));
  assert_false(client_is_loopback("localhost"));
  assert_false(client_is_loopback(NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_address_without_proxy_is_the_peer),
      cmocka_unit_test(test_address_from_the_proxy_is_the_rightmost),
      cmocka_unit_test(test_address_falls_back_to_the_peer),
      cmocka_unit_test(test_same_site_allows_missing_headers),
      cmocka_unit_test(test_same_site_refuses_cross_site),
      cmocka_unit_test(test_same_site_accepts_base_url_or_host),
      cmocka_unit_test(test_base_url),
      cmocka_unit_test(test_loopback),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
