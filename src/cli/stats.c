/* cli/stats: `kehto stats`: the statistics tables as Excel CSV, comma CSV, XLSX or JSON, all numbers (no
 * suppression). */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "model/tr.h"
#include "report/export.h"

#define USAGE                                                                                                          \
  "kehto stats [--db FILE] --format csv|csv-comma|xlsx|json [--table NAME] [--output FILE] [--period ID] "             \
  "[--lang fi|sv|en]"

static int usage_error(const char *msg) {
  fprintf(stderr, "kehto: %s\nusage: %s\n", msg, USAGE);
  return 2;
}

/* The options checked; NULL when they are fine, else the message. */
static const char *bad_options(const cli_args *a) {
  const char *fmt = cli_opt(a, "format"), *name = cli_opt(a, "table"), *out = cli_opt(a, "output"),
             *lang = cli_opt(a, "lang");
  if (!fmt || (strcmp(fmt, "json") && export_format_of(fmt) < 0) || !*fmt)
    return "--format must be csv, csv-comma, xlsx or json";
  if (name && report_table_id(name) < 0 && strcmp(name, "esf")) return "unknown --table (see the list in README)";
  if (out && !*out) return "--output needs a file name";
  if (!strcmp(fmt, "xlsx") && !out) return "--format xlsx needs --output FILE";
  if (lang && strcmp(lang, "fi") && strcmp(lang, "sv") && strcmp(lang, "en")) return "--lang must be fi, sv or en";
  return NULL;
}

/* "2015–2017" (the period's name and years) or the whole programme, in lang, into out. */
static void period_label(const report_data *rd, int slot, const char *lang, char *out, size_t n) {
  const report_period *p = report_period_at(rd, slot);
  if (slot == 0)
    snprintf(out, n, "%s", i18n_get(lang, "Koko ohjelma"));
  else
    snprintf(out, n, "%s %d–%d", tr_pick(lang, p->name, p->name_sv, p->name_en).text, p->start_year, p->end_year);
}

static int write_tables(const cli_args *a, const report_data *rd, int slot, const report_table *t, int n) {
  const char *fmt = cli_opt(a, "format"), *out = cli_opt(a, "output"), *lang = cli_opt(a, "lang");
  if (!lang) lang = "fi";
  buf b = BUF_INIT;
  int status = 0;
  if (!strcmp(fmt, "json")) {
    for (int k = 0; k < n; k++) {
      buf_puts(&b, k ? ",\n" : (n > 1 ? "[\n" : ""));
      report_json(&b, &t[k], lang, i18n_get);
    }
    buf_puts(&b, n > 1 ? "\n]\n" : "\n");
    status = cli_write_out(out, &b);
  } else {
    char period[160], made[16];
    period_label(rd, slot, lang, period, sizeof period);
    export_today(made);
    int esf = n == 2 && t[0].id == RT_ESF_START;
    export_about about = {n == 1 ? i18n_get(lang, t[0].title)
                          : esf  ? i18n_get(lang, "ESR-indikaattorit sukupuolen mukaan")
                                 : i18n_get(lang, "Tilastot"),
                          i18n_get(lang, EXPORT_PERIOD_LABEL),
                          period,
                          i18n_get(lang, EXPORT_MADE_LABEL),
                          made,
                          i18n_get(lang, export_rule(0))};
    export_format f = export_format_of(fmt);
    kerr e = {0};
    if (report_download(&b, f == EXPORT_XLSX ? out : NULL, f, t, n, &about, lang, i18n_get, &e) != K_OK) {
      fprintf(stderr, "kehto: %s\n", e.msg);
      status = 1;
    } else if (f != EXPORT_XLSX) {
      status = cli_write_out(out, &b);
    }
    kerr_clear(&e);
  }
  buf_free(&b);
  return status;
}

int cli_stats(const cli_args *a) {
  const char *bad = bad_options(a);
  if (bad) return usage_error(bad);
  const char *name = cli_opt(a, "table");
  if (i18n_init(NULL) != K_OK) return 1; /* the catalogs for --lang sv|en */
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  const report_data *rd = report_get(d);
  int slot = report_slot(rd, cli_opt(a, "period"));
  if (slot < 0) {
    db_close(d);
    return usage_error("no funding period with that --period id");
  }
  int esf = name && !strcmp(name, "esf"); /* the follow-up form's figures: Annex I and Annex II together */
  int first = esf    ? RT_ESF_START
              : name ? report_table_id(name)
                     : 0,
      last = esf    ? RT_ESF_EXIT
             : name ? first
                    : RT_COUNT - 1,
      n = last - first + 1;
  arena mem = {0};
  report_table *t = arena_alloc(&mem, sizeof *t * (size_t)n);
  for (int k = 0; k < n; k++) report_table_make(rd, &mem, first + k, slot, 0, &t[k]);
  int status = write_tables(a, rd, slot, t, n);
  arena_free(&mem);
  db_close(d);
  return status;
}
