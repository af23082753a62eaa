/* cli_survey: `kehto survey import FILE.json`, `kehto survey export ID|KEY`, `kehto survey list`; audited as 'cli'. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "model/survey.h"

/* Reads the whole file (or standard input for "-") into out. Returns 0, or prints why not and returns 1. */
static int read_all(const char *path, buf *out) {
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f) {
    fprintf(stderr, "kehto: cannot open %s\n", path);
    return 1;
  }
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(out, chunk, n);
  int bad = ferror(f);
  if (f != stdin) fclose(f);
  if (bad) fprintf(stderr, "kehto: cannot read %s\n", path);
  return bad ? 1 : 0;
}

/* Prints every problem of e, one a line, after "kehto: FILE: ". */
static void print_errors(const char *path, const kerr *e) {
  for (const kerr *x = e; x && x->msg; x = x->next) fprintf(stderr, "kehto: %s: %s\n", path, x->msg);
}

long long cli_survey_find(db *d, const char *ref) {
  long long id = survey_find(d, ref);
  if (!id) fprintf(stderr, "kehto: no survey '%s' (give its id or key; kehto survey list shows them)\n", ref);
  return id;
}

int cli_survey_import(const cli_args *a) {
  buf json = BUF_INIT;
  if (read_all(a->pos[0], &json)) return 1;
  if (json.len == 0) {
    fprintf(stderr, "kehto: %s is empty; a survey is a JSON object (see the README, \"Surveys\")\n", a->pos[0]);
    buf_free(&json);
    return 1;
  }
  db *d = cli_open_db(a, 0);
  if (!d) {
    buf_free(&json);
    return 1;
  }
  kerr e = {0};
  long long id = survey_import(d, json.data, json.len, "cli", &e);
  if (id)
    printf("%lld\n", id);
  else {
    print_errors(a->pos[0], &e);
    fprintf(stderr, "Nothing was imported.\n");
  }
  kerr_clear(&e);
  buf_free(&json);
  db_close(d);
  return id ? 0 : 1;
}

int cli_survey_export(const cli_args *a) {
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  long long id = cli_survey_find(d, a->pos[0]);
  arena ar = {0};
  survey_def *def = id ? survey_load(d, &ar, id) : NULL;
  if (def)
    printf("%s\n", survey_def_json(&ar, def));
  else if (id)
    fprintf(stderr, "kehto: survey %lld cannot be read\n", id);
  arena_free(&ar);
  db_close(d);
  return def ? 0 : 1;
}

int cli_survey_list(const cli_args *a) {
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  arena ar = {0};
  int n;
  survey_info *s = survey_list(d, &ar, "fi", &n);
  printf("%-5s %-24s %-16s %-7s %-20s %-20s %8s %8s %9s  %s\n", "id", "key", "series", "phase", "opens", "closes",
         "invited", "answered", "responses", "title");
  for (int i = 0; i < n; i++)
    printf("%-5lld %-24s %-16s %-7s %-20s %-20s %8lld %8lld %9lld  %s\n", s[i].id, s[i].key, s[i].series, s[i].phase,
           s[i].opens_at ? s[i].opens_at : "-", s[i].closes_at ? s[i].closes_at : "-", s[i].invited,
           s[i].answered_invites, s[i].responses, s[i].title.text);
  if (!n) printf("(no surveys: kehto survey import FILE.json adds one)\n");
  arena_free(&ar);
  db_close(d);
  return 0;
}
