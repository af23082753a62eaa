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

/* The options both commands take, checked. */
typedef struct opts {
  const char *fmt, *out, *lang;
  int audience;
} opts;

/* Checks the options (sav: whether --format sav is allowed), reads them into o and opens the catalogs and the
 * database. Returns it, or NULL with *status the exit status (2: wrong usage, with the usage printed). */
static db *start(const cli_args *a, int sav, const char *usage, opts *o, int *status) {
  const char *bad = bad_options(a, sav);
  *status = bad ? usage_error(bad, usage) : 1;
  if (bad || i18n_init(NULL) != K_OK) return NULL;
  o->fmt = cli_opt(a, "format"), o->out = cli_opt(a, "output"), o->lang = cli_opt(a, "lang");
  if (!o->lang) o->lang = "fi";
  o->audience = sr_audience_of(cli_opt(a, "audience"));
  return cli_open_db(a, 0);
}

int cli_survey_results(const cli_args *a) {
  opts o;
  int status;
  db *d = start(a, 1, RESULTS_USAGE, &o, &status);
  if (!d) return status;
  const char *fmt = o.fmt, *out = o.out, *lang = o.lang;
  int audience = o.audience;
  long long id = cli_survey_find(d, a->pos[0]);
  if (!id) {
    db_close(d);
    return 1;
  }
  arena mem = {0};
  kerr e = {0};
  status = 0;
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
  opts o;
  int status;
  db *d = start(a, 0, PAIRS_USAGE, &o, &status);
  if (!d) return status;
  const char *fmt = o.fmt, *out = o.out, *lang = o.lang;
  int audience = o.audience;
  arena mem = {0};
  kerr e = {0};
  status = 0;
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
