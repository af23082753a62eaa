/* fuzz_import_attendance: `kehto import attendance` on CSV text from the input, as a dry run on a small in-memory
 * database: every input gets an answer (rows or a bounded message), nothing is kept, nothing crashes. */
#include "import_fixture.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  return import_fixture_init();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  return import_fixture_run("attendance", data, size);
}
