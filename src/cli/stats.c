/* cli/stats: `kehto stats`: the statistics tables as CSV, JSON or XLSX, all numbers (no suppression). */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/export.h"

#define USAGE "kehto stats [--db FILE] --format csv|xlsx|json [--table NAME] [--output FILE] [--period ID]"

static int usage_error(const char *msg) {
  fprintf(stderr, "kehto: %s\nusage: %s\n", msg, USAGE);
  return 2;
}

/* Writes data to path, or stdout when path is NULL. Returns the exit status. */
static int write_out(const char *path, const buf *b) {
  FILE *f = path ? fopen(path, "wb") : stdout;
  if (!f) {
    fprintf(stderr, "kehto: cannot write %s\n", path);
    return 1;
  }
  int ok = fwrite(b->data ? b->data : "", 1, b->len, f) == b->len;
  if (path) ok &= fclose(f) == 0;
  if (!ok) fprintf(stderr, "kehto: cannot write %s\n", path ? path : "stdout");
  return ok ? 0 : 1;
}

int cli_stats(const cli_args *a) {
  const char *fmt = cli_opt(a, "format"), *name = cli_opt(a, "table"), *out = cli_opt(a, "output");
  if (!fmt || (strcmp(fmt, "csv") && strcmp(fmt, "xlsx") && strcmp(fmt, "json")))
    return usage_error("--format must be csv, xlsx or json");
  if (name && report_table_id(name) < 0) return usage_error("unknown --table (see the list in README)");
  if (out && !*out) return usage_error("--output needs a file name");
  if (!strcmp(fmt, "xlsx") && !out) return usage_error("--format xlsx needs --output FILE");
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  const report_data *rd = report_get(d);
  int slot = report_slot(rd, cli_opt(a, "period"));
  if (slot < 0) {
    db_close(d);
    return usage_error("no funding period with that --period id");
  }
  int first = name ? report_table_id(name) : 0, last = name ? first : RT_COUNT - 1, n = last - first + 1;
  arena mem = {0};
  report_table *t = arena_alloc(&mem, sizeof *t * (size_t)n);
  for (int k = 0; k < n; k++) report_table_make(rd, &mem, first + k, slot, 0, &t[k]);
  buf b = BUF_INIT;
  int status = 0;
  if (!strcmp(fmt, "xlsx")) {
    kerr e = {0};
    if (report_xlsx_file(out, t, n, "fi", NULL, &e) != K_OK) {
      fprintf(stderr, "kehto: %s\n", e.msg);
      status = 1;
    }
    kerr_clear(&e);
  } else {
    for (int k = 0; k < n; k++) {
      if (!strcmp(fmt, "csv")) {
        if (n > 1) buf_printf(&b, "%r# %C\r\n", k ? "\r\n" : "", t[k].name);
        report_csv(&b, &t[k], "fi", NULL);
      } else {
        buf_puts(&b, k ? ",\n" : (n > 1 ? "[\n" : ""));
        report_json(&b, &t[k], "fi", NULL);
      }
    }
    if (!strcmp(fmt, "json")) buf_puts(&b, n > 1 ? "\n]\n" : "\n");
    status = write_out(out, &b);
  }
  buf_free(&b);
  arena_free(&mem);
  db_close(d);
  return status;
}
