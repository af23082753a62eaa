/* fuzz_form: urlencoded POST bodies as the server reads them (reqparse_form), and the decoded pairs. */
#include "fuzz.h"

#include "core/util.h"
#include "web/reqparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  arena mem = {0};
  kv *form;
  int n;
  int ok = reqparse_form(&mem, (const char *)data, size, &form, &n);
  for (int i = 0; i < n; i++) {
    /* every pair kept is decoded UTF-8 */
    FUZZ_CHECK(util_utf8_valid(form[i].key, strlen(form[i].key)));
    FUZZ_CHECK(util_utf8_valid(form[i].value, strlen(form[i].value)));
    FUZZ_CHECK(strlen(form[i].key) <= size && strlen(form[i].value) <= size);
  }
  FUZZ_CHECK(ok || size > 0);
  /* one component decoded on its own, as a query value would be */
  char *s = fuzz_cstr(data, size);
  size_t before = strlen(s);
  if (reqparse_url_decode(s)) FUZZ_CHECK(strlen(s) <= before);
  free(s);
  arena_free(&mem);
  return 0;
}
