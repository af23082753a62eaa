/* fuzz_csv: the streaming CSV reader (core/csv). Reads the input three ways in step: in one big chunk, in chunks of a
 * few bytes (so every record, quote, CRLF, BOM and character is cut somewhere) and with a 64-byte row limit. The
 * records must be the same, every field valid UTF-8 without surrounding white space, and errors values, not crashes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken invariant: reported as a crash, so that libFuzzer keeps the input. */
#define CHECK(cond)                                                                                                    \
  do {                                                                                                                 \
    if (!(cond)) {                                                                                                     \
      fprintf(stderr, "fuzz_csv: check failed: %s (line %d)\n", #cond, __LINE__);                                      \
      abort();                                                                                                         \
    }                                                                                                                  \
  } while (0)

static csv *open_with(FILE **f, const uint8_t *data, size_t size, size_t chunk, size_t max_row, kerr *e) {
  *f = fmemopen((void *)data, size, "rb");
  CHECK(*f);
  csv_opts o = {.chunk = chunk, .max_row = max_row};
  return csv_open_stream(*f, "fuzz.csv", &o, e);
}

static int same_record(const csv *a, const csv *b) {
  if (csv_nfields(a) != csv_nfields(b) || csv_row(a) != csv_row(b) || csv_bad_field(a) != csv_bad_field(b)) return 0;
  for (int i = 0; i < csv_nfields(a); i++)
    if (strcmp(csv_field(a, i), csv_field(b, i)) != 0) return 0;
  return 1;
}

static void check_record(const csv *c, long last_row) {
  CHECK(csv_nfields(c) >= 1);
  CHECK(csv_row(c) > last_row);
  CHECK(csv_field(c, csv_nfields(c)) == NULL && csv_field(c, -1) == NULL);
  for (int i = 0; i < csv_nfields(c); i++) {
    const char *f = csv_field(c, i);
    size_t n = strlen(f);
    CHECK(util_utf8_valid(f, n));
    CHECK(n == 0 || (f[0] != ' ' && f[n - 1] != ' ' && f[0] != '\t' && f[n - 1] != '\t'));
    CHECK(n <= CSV_MAX_ROW);
  }
}

/* Reads a (4 KiB chunks, more than most inputs), b (tiny chunks) and small (row limit 64) in step. */
static void read_in_step(csv *a, csv *b, csv *small) {
  kerr ea = {0}, eb = {0}, es = {0};
  long last = 0;
  int ra, rs = 1;
  do {
    ra = csv_next(a, &ea);
    int rb = csv_next(b, &eb);
    CHECK(ra == rb);
    if (rs == 1) rs = csv_next(small, &es);
    if (ra == 1) {
      check_record(a, last);
      CHECK(same_record(a, b));
      CHECK(rs != 1 || same_record(a, small));
      last = csv_row(a);
    }
    if (rs == 0) CHECK(ra == 0); /* the limit only ever ends reading early */
    CHECK((ra < 0) == (ea.msg != NULL) && (rb < 0) == (eb.msg != NULL));
  } while (ra == 1);
  CHECK(rs != 1);
  kerr_clear(&ea), kerr_clear(&eb), kerr_clear(&es);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  kerr e = {0};
  csv *m = csv_open_mem((const char *)data, size, "fuzz.csv", &e);
  CHECK((m == NULL) == (e.msg != NULL));
  kerr_clear(&e);
  csv_close(m);
  if (size == 0) return 0;
  size_t chunk = 1 + (size_t)(data[size / 2] % 7);
  FILE *fa, *fb, *fs;
  kerr eb = {0}, es = {0};
  csv *a = open_with(&fa, data, size, 4096, 0, &e), *b = open_with(&fb, data, size, chunk, 0, &eb),
      *small = open_with(&fs, data, size, chunk, 64, &es);
  CHECK((a == NULL) == (b == NULL) && (a == NULL) == (small == NULL));
  if (a) {
    CHECK(csv_delimiter(a) == csv_delimiter(b) && csv_was_cp1252(a) == csv_was_cp1252(b) && csv_bom(a) == csv_bom(b));
    read_in_step(a, b, small);
  } else {
    CHECK(strcmp(e.msg, eb.msg) == 0);
  }
  kerr_clear(&e), kerr_clear(&eb), kerr_clear(&es);
  csv_close(a), csv_close(b), csv_close(small);
  fclose(fa), fclose(fb), fclose(fs);
  return 0;
}
