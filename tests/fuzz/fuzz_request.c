/* fuzz_request: the request line and headers Kehto reads itself: the language prefix of the path (reqparse_lang),
 * If-None-Match lists (reqparse_etag_listed) and Accept-Encoding (reqparse_accept_encoding). Input: "PATH\nIF-NONE-MATCH". */
#include "fuzz.h"

#include "web/reqparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = fuzz_cstr(data, size);
  char *nl = strchr(s, '\n');
  const char *inm = "";
  if (nl) *nl = 0, inm = nl + 1;
  const char *path, *prefix;
  const char *lang = reqparse_lang(s, &path, &prefix);
  FUZZ_CHECK(!strcmp(lang, "fi") || !strcmp(lang, "sv") || !strcmp(lang, "en"));
  FUZZ_CHECK(path && prefix);
  FUZZ_CHECK(!strcmp(lang, "fi") ? path == s && !*prefix : path[0] == '/');
  reqparse_etag_listed(inm, "\"0123456789abcdef\"");
  reqparse_etag_listed(inm, "");
  reqparse_etag_listed(s, inm);
  FUZZ_CHECK((reqparse_accept_encoding(inm) & ~(REQ_ENC_GZIP | REQ_ENC_BR)) == 0);
  free(s);
  return 0;
}
