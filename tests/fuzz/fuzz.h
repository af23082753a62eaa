/* fuzz: helpers shared by the libFuzzer harnesses (tests/fuzz/fuzz_*.c). */
#ifndef KEHTO_FUZZ_H
#define KEHTO_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The input as a NUL-terminated string (embedded NULs stay, so C string functions see a prefix). Caller frees. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size) {
  char *s = malloc(size + 1);
  if (!s) abort();
  if (size) memcpy(s, data, size);
  s[size] = 0;
  return s;
}

/* A broken invariant found by a harness: reported as a crash, so libFuzzer keeps the input. */
#define FUZZ_CHECK(cond)                                                                                               \
  do {                                                                                                                 \
    if (!(cond)) {                                                                                                     \
      fprintf(stderr, "fuzz: check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);                                  \
      abort();                                                                                                         \
    }                                                                                                                  \
  } while (0)

#endif
