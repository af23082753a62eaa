/* fuzz_xlsx: uploaded workbooks as the importer reads them (xlsx_open_mem, then every record): any bytes that start
 * as a ZIP archive give records of UTF-8 fields or a message, never a crash, and a row stays within the limits. */
#include "fuzz.h"

#include "core/util.h"
#include "import/xlsx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  kerr e = {0};
  csv *c = xlsx_open_mem((const char *)data, size, "fuzz.xlsx", &e);
  FUZZ_CHECK(c || e.msg);
  int r = 0;
  long last = 0;
  for (int rows = 0; c && rows < 10000 && (r = csv_next(c, &e)) == 1; rows++) {
    FUZZ_CHECK(csv_row(c) > last && csv_row(c) <= XLSX_MAX_ROWS); /* rows come in order */
    last = csv_row(c);
    FUZZ_CHECK(csv_nfields(c) <= XLSX_MAX_COLS);
    for (int i = 0; i < csv_nfields(c); i++) FUZZ_CHECK(util_utf8_valid(csv_field(c, i), strlen(csv_field(c, i))));
  }
  FUZZ_CHECK(r >= 0 || e.msg);
  csv_close(c);
  kerr_clear(&e);
  return 0;
}
