/* cli/survey_results: `kehto survey results ID|KEY` (json, Excel CSV, comma CSV, XLSX, SPSS .sav) and
 * `kehto survey pairs SERIES` (json, CSV, XLSX). Staff figures unless --audience asks for the suppressed ones. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "report/sav.h"
#include "report/survey_results.h"

#define RESULTS_USAGE                                                                                                  \
  "kehto survey results ID|KEY --format json|csv|csv-comma|xlsx|sav [--output FILE] [--lang fi|sv|en] "                \
  "[--audience staff|evaluator|public] [--db FILE]"
#define PAIRS_USAGE                                                                                                    \
  "kehto survey pairs SERIES --format json|csv|csv-comma|xlsx [--output FILE] [--lang fi|sv|en] "                      \
  "[--audience staff|evaluator|public] [--db FILE]"

static int usage_error(const char *msg, const char *usage) {
  fprintf(stderr, "kehto: %s\nusage: %s\n", msg, usage);
  return 2;
}

/* The common options checked; NULL when fine. sav: whether --format sav is allowed. */
static const char *bad_options(const cli_args *a, int sav) {
  const char *fmt = cli_opt(a, "format"), *out = cli_opt(a, "output"), *lang = cli_opt(a, "lang"),
             *aud = cli_opt(a, "audience");
  if (!fmt || !*fmt || (strcmp(fmt, "json") && (!sav || strcmp(fmt, "sav")) && export_format_of(fmt) < 0))
    return sav ? "--format must be json, csv, csv-comma, xlsx or sav" : "--format must be json, csv, csv-comma or xlsx";
  if (out && !*out) return "--output needs a file name";
  if ((!strcmp(fmt, "xlsx") || !strcmp(fmt, "sav")) && !out) return "--format xlsx and sav need --output FILE";
  if (lang && strcmp(lang, "fi") && strcmp(lang, "sv") && strcmp(lang, "en")) return "--lang must be fi, sv or en";
  if (aud && sr_audience_of(aud) < 0) return "--audience must be staff, evaluator or public";
  if (sav && !strcmp(fmt, "sav") && aud && sr_audience_of(aud) != SR_STAFF)
    return "--format sav is the answers themselves: staff only (leave out --audience)";
  return NULL;
}

int cli_survey_results(const cli_args *a) {
  const char *bad = bad_options(a, 1);
  if (bad) return usage_error(bad, RESULTS_USAGE);
  const char *fmt = cli_opt(a, "format"), *out = cli_opt(a, "output"), *lang = cli_opt(a, "lang");
  if (!lang) lang = "fi";
  int audience = sr_audience_of(cli_opt(a, "audience"));
  if (i18n_init(NULL) != K_OK) return 1;
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  long long id = cli_survey_find(d, a->pos[0]);
  if (!id) {
    db_close(d);
    return 1;
  }
  arena mem = {0};
  kerr e = {0};
  int status = 0;
  survey_info *info = survey_get(d, &mem, id, lang);
  survey_def *def = survey_load(d, &mem, id);
  if (!def || !info) {
    fprintf(stderr, "kehto: survey %lld cannot be read\n", id);
    status = 1;
  } else if (!strcmp(fmt, "sav")) {
    if (sav_write_survey(d, id, def, out, lang, i18n_get, &e) != K_OK) {
      fprintf(stderr, "kehto: %s\n", e.msg);
      status = 1;
    }
  } else {
    sr_results *r = survey_results_of(d, &mem, id, def, audience, &e);
    if (r) sr_label_groups(d, &mem, r, lang, i18n_get);
    buf b = BUF_INIT;
    if (!r) {
      fprintf(stderr, "kehto: %s\n", e.msg);
      status = 1;
    } else if (!strcmp(fmt, "json")) {
      survey_results_json(&b, r, info->key, info->title.text, lang);
      buf_putc(&b, '\n');
      status = cli_write_out(out, &b);
    } else {
      export_format f = export_format_of(fmt);
      if (survey_results_download(f == EXPORT_XLSX ? NULL : &b, f == EXPORT_XLSX ? out : NULL, f, r, info->title.text,
                                  lang, i18n_get, &e) != K_OK) {
        fprintf(stderr, "kehto: %s\n", e.msg);
        status = 1;
      } else if (f != EXPORT_XLSX)
        status = cli_write_out(out, &b);
    }
    buf_free(&b);
  }
  kerr_clear(&e);
  arena_free(&mem);
  db_close(d);
  return status;
}

int cli_survey_pairs(const cli_args *a) {
  const char *bad = bad_options(a, 0);
  if (bad) return usage_error(bad, PAIRS_USAGE);
  const char *fmt = cli_opt(a, "format"), *out = cli_opt(a, "output"), *lang = cli_opt(a, "lang");
  if (!lang) lang = "fi";
  int audience = sr_audience_of(cli_opt(a, "audience"));
  if (i18n_init(NULL) != K_OK) return 1;
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  arena mem = {0};
  kerr e = {0};
  int status = 0;
  sr_pairs *p = survey_pairs(d, &mem, a->pos[0], audience, &e);
  buf b = BUF_INIT;
  if (!p) {
    fprintf(stderr, "kehto: %s\n", e.msg);
    status = 1;
  } else if (!strcmp(fmt, "json")) {
    survey_pairs_json(&b, p, lang);
    buf_putc(&b, '\n');
    status = cli_write_out(out, &b);
  } else {
    export_format f = export_format_of(fmt);
    if (survey_pairs_download(f == EXPORT_XLSX ? NULL : &b, f == EXPORT_XLSX ? out : NULL, f, p, lang, i18n_get, &e) !=
        K_OK) {
      fprintf(stderr, "kehto: %s\n", e.msg);
      status = 1;
    } else if (f != EXPORT_XLSX)
      status = cli_write_out(out, &b);
  }
  buf_free(&b);
  kerr_clear(&e);
  arena_free(&mem);
  db_close(d);
  return status;
}
