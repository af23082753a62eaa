/* fuzz_fields: form fields people type that Kehto reads itself: dates, Y-tunnus, email, whole numbers, trimming, LIKE
 * patterns; and the escaping printf every such value is written with (HTML, URL, JSON, CSV, XML, Finnish dates). */
#include "fuzz.h"

#include "core/buf.h"
#include "core/date.h"
#include "core/util.h"
#include "model/org.h"

/* Returns 1 when s holds none of the bytes in bad. */
static int none_of(const char *s, const char *bad) {
  return !s || strpbrk(s, bad) == NULL;
}

static void check_date(const char *s) {
  char out[11] = "unchanged";
  if (date_parse(s, out) != K_OK) {
    FUZZ_CHECK(!strcmp(out, "unchanged"));
    return;
  }
  FUZZ_CHECK(strlen(out) == 10 && out[4] == '-' && out[7] == '-');
  char again[11];
  FUZZ_CHECK(date_parse(out, again) == K_OK && !strcmp(again, out)); /* ISO form reads back as itself */
  int age = date_years_between(out, "2026-12-04");
  FUZZ_CHECK(age >= 2026 - 2100 - 1 && age <= 2026 - 1900);
  char local[17];
  char iso[32];
  snprintf(iso, sizeof iso, "%sT12:00:00Z", out);
  FUZZ_CHECK(date_fi_local(iso, local) == K_OK && !strncmp(local, out, 10));
}

static void check_escapes(const char *s) {
  buf b = BUF_INIT;
  buf_printf(&b, "%h", s);
  FUZZ_CHECK(none_of(b.data, "<>\"'"));
  buf_reset(&b);
  buf_printf(&b, "%U", s);
  for (const char *p = b.data; p && *p; p++)
    FUZZ_CHECK((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._~%", *p));
  buf_reset(&b);
  buf_printf(&b, "%J", s);
  FUZZ_CHECK(b.data && b.data[0] == '"' && b.data[b.len - 1] == '"');
  for (const char *p = b.data + 1; p < b.data + b.len - 1; p++) {
    FUZZ_CHECK((unsigned char)*p >= 0x20);
    if (*p == '\\')
      p++;
    else
      FUZZ_CHECK(*p != '"');
  }
  buf_reset(&b);
  buf_printf(&b, "%C|%D|%j|%N", s, s, s, (long long)strlen(s));
  buf_reset(&b);
  buf_xml(&b, s);
  FUZZ_CHECK(none_of(b.data, "<>\""));
  buf_reset(&b);
  buf_fidate(&b, s);
  buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = fuzz_cstr(data, size);
  check_date(s);
  char local[17];
  date_fi_local(s, local);
  if (org_ytunnus_valid(s)) FUZZ_CHECK(strlen(s) == 9 && s[7] == '-');
  util_email_valid(s);
  long long v;
  if (util_parse_int(s, -1000, 1000, &v) == K_OK) FUZZ_CHECK(v >= -1000 && v <= 1000);
  char *like = util_like_contains(s);
  FUZZ_CHECK(like != NULL);
  free(like);
  util_utf8_len(s);
  check_escapes(s);
  char *t = util_strdup(s);
  util_trim(t);
  FUZZ_CHECK(strlen(t) <= strlen(s));
  free(t);
  free(s);
  return 0;
}
