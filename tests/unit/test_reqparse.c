/* Unit tests for web/reqparse: urlencoded bodies, the language prefix and If-None-Match lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/buf.h"
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

#define CT "multipart/form-data; boundary=----kehto42"
#define PART(name) "------kehto42\r\nContent-Disposition: form-data; name=\"" name "\"\r\n\r\n"
#define END "\r\n------kehto42--\r\n"

/* Parses body (sizeof - 1 bytes) with ctype; returns the parser's answer. */
static int mp(arena *a, const char *ctype, const char *body, size_t len, kv **f, int *nf, web_file **files,
              int *nfiles) {
  return reqparse_multipart(a, ctype, body, len, f, nf, files, nfiles);
}

static void test_multipart_fields_and_file(void **s) {
  arena a = {0};
  kv *f;
  web_file *files;
  int nf, nfiles;
  static const char body[] = "preamble\r\n" PART(
      "csrf") "tok123\r\n------kehto42\r\n"
              "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\temp\\\\osallistujat.xlsx\"\r\n"
              "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
              "PK\x03\x04\0\r\n--not-the-boundary\r\n\r\n" PART("kind") "participants" END;
  assert_int_equal(mp(&a, CT, body, sizeof body - 1, &f, &nf, &files, &nfiles), 1);
  assert_int_equal(nf, 2);
  assert_string_equal(f[0].key, "csrf");
  assert_string_equal(f[0].value, "tok123");
  assert_string_equal(f[1].key, "kind");
  assert_string_equal(f[1].value, "participants");
  assert_int_equal(nfiles, 1);
  assert_string_equal(files[0].name, "file");
  assert_string_equal(files[0].filename, "osallistujat.xlsx"); /* the path a browser may send is cut off */
  assert_string_equal(files[0].ctype, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  /* the data is binary, NUL and CRLF inside it kept, and ends before the CRLF of the next delimiter */
  assert_int_equal(files[0].len, 27);
  assert_memory_equal(files[0].data, "PK\x03\x04\0\r\n--not-the-boundary\r\n", 27);
  /* a quoted boundary, and an empty file (no file chosen) */
  static const char empty[] = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\r\n\r\n--b--";
  assert_int_equal(mp(&a, "multipart/form-data; boundary=\"b\"", empty, sizeof empty - 1, &f, &nf, &files, &nfiles), 1);
  assert_int_equal(nfiles, 1);
  assert_string_equal(files[0].filename, "");
  assert_int_equal(files[0].len, 0);
  arena_free(&a);
}

static void test_multipart_refuses_malformed(void **s) {
  arena a = {0};
  kv *f;
  web_file *files;
  int nf, nfiles;
  static const char good[] = PART("a") "1" END;
  assert_int_equal(mp(&a, CT, good, sizeof good - 1, &f, &nf, &files, &nfiles), 1);
  /* no boundary, an empty one, one longer than 70 */
  assert_int_equal(mp(&a, "multipart/form-data", good, sizeof good - 1, &f, &nf, &files, &nfiles), 0);
  assert_int_equal(mp(&a, "multipart/form-data; boundary=", good, sizeof good - 1, &f, &nf, &files, &nfiles), 0);
  char longb[120] = "multipart/form-data; boundary=";
  memset(longb + strlen(longb), 'x', 71);
  assert_int_equal(mp(&a, longb, good, sizeof good - 1, &f, &nf, &files, &nfiles), 0);
  /* the closing delimiter missing, the body cut in the headers, no delimiter at all */
  assert_int_equal(mp(&a, CT, good, sizeof good - 12, &f, &nf, &files, &nfiles), 0);
  assert_int_equal(mp(&a, CT, good, 40, &f, &nf, &files, &nfiles), 0);
  assert_int_equal(mp(&a, CT, "a=1&b=2", 7, &f, &nf, &files, &nfiles), 0);
  /* a part that is not form-data, or has no name */
  static const char noname[] = "------kehto42\r\nContent-Disposition: form-data\r\n\r\nx" END;
  assert_int_equal(mp(&a, CT, noname, sizeof noname - 1, &f, &nf, &files, &nfiles), 0);
  static const char attach[] = "------kehto42\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx" END;
  assert_int_equal(mp(&a, CT, attach, sizeof attach - 1, &f, &nf, &files, &nfiles), 0);
  /* a field that is not UTF-8 or has a NUL */
  static const char latin1[] = PART("a") "\xe4" END;
  assert_int_equal(mp(&a, CT, latin1, sizeof latin1 - 1, &f, &nf, &files, &nfiles), 0);
  static const char nul[] = PART("a") "x\0y" END;
  assert_int_equal(mp(&a, CT, nul, sizeof nul - 1, &f, &nf, &files, &nfiles), 0);
  /* more parts than REQPARSE_MAX_PARTS */
  buf many = BUF_INIT;
  for (int i = 0; i <= REQPARSE_MAX_PARTS; i++) buf_puts(&many, PART("a") "1\r\n");
  buf_puts(&many, "------kehto42--");
  assert_int_equal(mp(&a, CT, many.data, many.len, &f, &nf, &files, &nfiles), 0);
  buf_free(&many);
  assert_int_equal(reqparse_is_multipart("multipart/form-data; boundary=x"), 1);
  assert_int_equal(reqparse_is_multipart("Multipart/Form-Data"), 1);
  assert_int_equal(reqparse_is_multipart("multipart/form-dataX"), 0);
  assert_int_equal(reqparse_is_multipart("application/x-www-form-urlencoded"), 0);
  assert_int_equal(reqparse_is_multipart(NULL), 0);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_form_pairs_decoded),
      cmocka_unit_test(test_form_refuses_bad_escapes_and_bytes),
      cmocka_unit_test(test_lang_prefix),
      cmocka_unit_test(test_etag_list),
      cmocka_unit_test(test_accept_encoding),
      cmocka_unit_test(test_multipart_fields_and_file),
      cmocka_unit_test(test_multipart_refuses_malformed),
      cmocka_unit_test(test_local_path),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
