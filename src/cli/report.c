/* cli/report: `kehto report annual|final`: the narrative reports to the funder as PDF or HTML (report/narrative.h). */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "report/narrative.h"

static int usage_error(const char *msg) {
  fprintf(stderr, "kehto: %s\nusage: %s\n", msg, REPORT_USAGE);
  return EXIT_USAGE;
}

/* The options checked; NULL when they are fine, else the message. */
static const char *bad_options(const cli_args *a, const char *kind, long long *year) {
  const char *fmt = cli_opt(a, "format"), *lang = cli_opt(a, "lang"), *y = cli_opt(a, "year"),
             *out = cli_opt(a, "output");
  if (strcmp(kind, "annual") && strcmp(kind, "final")) return "the report is annual or final";
  if (!fmt || (strcmp(fmt, "pdf") && strcmp(fmt, "html"))) return "--format must be pdf or html";
  if (lang && strcmp(lang, "fi") && strcmp(lang, "sv")) return "--lang must be fi or sv";
  if (out && !*out) return "--output needs a file name";
  if (!strcmp(kind, "final") && y) return "the final report has no --year";
  if (!strcmp(kind, "annual") && !y) return "an annual report needs --year YEAR";
  if (y && util_parse_int(y, 2000, 2100, year) != K_OK) return "--year must be a year 2000–2100";
  return NULL;
}

int cli_report(const cli_args *a) {
  const char *kind = a->pos[0], *lang = cli_opt(a, "lang"), *fmt = cli_opt(a, "format");
  long long year = 0;
  const char *bad = bad_options(a, kind, &year);
  if (bad) return usage_error(bad);
  if (!lang) lang = "fi";
  if (i18n_init(NULL) != K_OK) return 1; /* the Swedish report's own words */
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  arena mem = {0};
  kerr e = {0};
  narrative n;
  buf out = BUF_INIT;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int rc = narrative_build(d, &mem, kind, (int)year, lang, &n, &e);
  if (rc == K_OK && !strcmp(fmt, "pdf"))
    rc = narrative_pdf(&n, &out, &e);
  else if (rc == K_OK)
    narrative_html(&n, &out, 1);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  int status = 1;
  if (rc == K_OK) {
    status = cli_write_out(cli_opt(a, "output"), &out);
    if (!status && cli_opt(a, "output"))
      fprintf(stderr, "kehto: %s %s written in %.0f ms\n", n.title, fmt,
              (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
  } else {
    fprintf(stderr, "kehto: the report cannot be made:\n");
    for (const kerr *k = &e; k && k->msg; k = k->next) fprintf(stderr, "  %s\n", k->msg);
  }
  buf_free(&out);
  kerr_clear(&e);
  arena_free(&mem);
  db_close(d);
  narrative_pdf_cleanup();
  return status;
}
