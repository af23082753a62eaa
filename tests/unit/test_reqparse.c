/* Unit tests for web/reqparse: urlencoded bodies, the language prefix and If-None-Match lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "web/reqparse.h"
#include "web/web.h"

static void test_form_pairs_decoded(void **s) {
  arena mem = {0};
  kv *f;
  int n;
  const char *body = "a=1&title=Ty%C3%B6+hyv%C3%A4&&flag&=x";
  assert_int_equal(reqparse_form(&mem, body, strlen(body), &f, &n), 1);
  assert_int_equal(n, 4);
  assert_string_equal(f[0].key, "a");
  assert_string_equal(f[0].value, "1");
  assert_string_equal(f[1].value, "Työ hyvä");
  assert_string_equal(f[2].key, "flag");
  assert_string_equal(f[2].value, "");
  assert_string_equal(f[3].key, "");
  assert_string_equal(f[3].value, "x");
  arena_free(&mem);
}

static void test_form_refuses_bad_escapes_and_bytes(void **s) {
  arena mem = {0};
  kv *f;
  int n;
  assert_int_equal(reqparse_form(&mem, "a=%zz", 5, &f, &n), 0);
  assert_int_equal(reqparse_form(&mem, "a=%4", 4, &f, &n), 0);
  assert_int_equal(reqparse_form(&mem, "ok=1&a=%FF", 10, &f, &n), 0);
  assert_int_equal(n, 1);
  assert_int_equal(reqparse_form(&mem, "", 0, &f, &n), 1);
  assert_int_equal(n, 0);
  arena_free(&mem);
}

static void test_lang_prefix(void **s) {
  const char *path, *prefix;
  assert_string_equal(reqparse_lang("/sv/tekot", &path, &prefix), "sv");
  assert_string_equal(path, "/tekot");
  assert_string_equal(prefix, "/sv");
  assert_string_equal(reqparse_lang("/en", &path, &prefix), "en");
  assert_string_equal(path, "/");
  assert_string_equal(reqparse_lang("/svenska", &path, &prefix), "fi");
  assert_string_equal(path, "/svenska");
  assert_string_equal(prefix, "");
  assert_string_equal(reqparse_lang("", &path, &prefix), "fi");
}

static void test_etag_list(void **s) {
  assert_int_equal(reqparse_etag_listed("\"a\", W/\"b\"", "\"b\""), 1);
  assert_int_equal(reqparse_etag_listed("*", "\"b\""), 1);
  assert_int_equal(reqparse_etag_listed("\"bb\"", "\"b\""), 0);
  assert_int_equal(reqparse_etag_listed(", , W/", "\"b\""), 0);
}

static void test_accept_encoding(void **s) {
  assert_int_equal(reqparse_accept_encoding(NULL), 0);
  assert_int_equal(reqparse_accept_encoding(""), 0);
  assert_int_equal(reqparse_accept_encoding("gzip, deflate, br"), REQ_ENC_GZIP | REQ_ENC_BR);
  assert_int_equal(reqparse_accept_encoding("gzip, deflate, br, zstd"), REQ_ENC_GZIP | REQ_ENC_BR);
  assert_int_equal(reqparse_accept_encoding("GZIP"), REQ_ENC_GZIP);
  assert_int_equal(reqparse_accept_encoding("x-gzip;q=0.5"), REQ_ENC_GZIP);
  assert_int_equal(reqparse_accept_encoding("deflate"), 0);
  assert_int_equal(reqparse_accept_encoding("br;q=0, gzip"), REQ_ENC_GZIP);
  assert_int_equal(reqparse_accept_encoding("br; q=0.000, gzip;q=0.001"), REQ_ENC_GZIP);
  assert_int_equal(reqparse_accept_encoding("*"), REQ_ENC_GZIP | REQ_ENC_BR);
  assert_int_equal(reqparse_accept_encoding("*;q=0, br"), REQ_ENC_BR);
  assert_int_equal(reqparse_accept_encoding("gzip;q=0, *"), REQ_ENC_BR);
  assert_int_equal(reqparse_accept_encoding("identity"), 0);
  /* a malformed q-value does not accept */
  assert_int_equal(reqparse_accept_encoding("gzip;q=2, br;q=x"), 0);
  assert_int_equal(reqparse_accept_encoding("brotli, gzipped"), 0);
}

/* The one check of a redirect target that came with a request (login's ?next=): a path inside the site only. */
static void test_local_path(void **state) {
  (void)state;
  assert_true(web_local_path("/"));
  assert_true(web_local_path("/hakemukset/uusi?service=12"));
  assert_false(web_local_path(NULL));
  assert_false(web_local_path(""));
  assert_false(web_local_path("//evil.example/"));
  assert_false(web_local_path("http://evil.example/"));
  assert_false(web_local_path("https:evil.example"));
  assert_false(web_local_path("/\\evil.example"));
  assert_false(web_local_path("/\t/evil.example"));
  assert_false(web_local_path("/ /evil.example"));
  assert_false(web_local_path("evil"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_form_pairs_decoded), cmocka_unit_test(test_form_refuses_bad_escapes_and_bytes),
      cmocka_unit_test(test_lang_prefix),        cmocka_unit_test(test_etag_list),
      cmocka_unit_test(test_accept_encoding),    cmocka_unit_test(test_local_path),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
