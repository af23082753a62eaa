/* fuzz_multipart: multipart/form-data bodies as the server reads an upload (reqparse_multipart). The first line of
 * the input is the Content-Type header, the rest the body. */
#include "fuzz.h"

#include "core/util.h"
#include "web/reqparse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *nl = memchr(data, '\n', size);
  size_t hlen = nl ? (size_t)(nl - data) : size;
  char *ctype = fuzz_cstr(data, hlen);
  const char *body = nl ? (const char *)nl + 1 : "";
  size_t len = nl ? size - hlen - 1 : 0;
  arena mem = {0};
  kv *form;
  web_file *files;
  int nform, nfiles;
  reqparse_multipart(&mem, ctype, body, len, &form, &nform, &files, &nfiles);
  FUZZ_CHECK(nform + nfiles <= REQPARSE_MAX_PARTS);
  for (int i = 0; i < nform; i++) { /* fields kept are UTF-8 text cut from the body */
    FUZZ_CHECK(util_utf8_valid(form[i].key, strlen(form[i].key)));
    FUZZ_CHECK(util_utf8_valid(form[i].value, strlen(form[i].value)));
    FUZZ_CHECK(strlen(form[i].value) <= len);
  }
  for (int i = 0; i < nfiles; i++) { /* a file's bytes lie inside the body */
    FUZZ_CHECK(files[i].data >= body && files[i].data + files[i].len <= body + len);
    FUZZ_CHECK(util_utf8_valid(files[i].filename, strlen(files[i].filename)) && !strchr(files[i].filename, '/'));
  }
  free(ctype);
  arena_free(&mem);
  return 0;
}
