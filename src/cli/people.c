/* cli_people: `kehto import participants|attendance|costs`, `kehto person export|erase`; every action is audited as
 * 'cli'. */
#include "cli/cli.h"

#include <stdio.h>
#include <unistd.h>

#include "model/audit.h"
#include "import/import.h"
#include "model/person.h"

typedef int (*import_fn)(db *d, const char *path, const char *actor, int progress, import_stats *out, kerr *e);

/* Runs an import and reports it like `import deeds`: result on stdout, errors and progress on stderr. */
static int run_import(const cli_args *a, import_fn fn, const char *noun) {
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  kerr e = {0};
  import_stats st;
  int progress = cli_opt(a, "progress") != NULL || isatty(STDERR_FILENO);
  int rc = fn(d, a->pos[0], "cli", progress, &st, &e);
  if (rc != K_OK) {
    fprintf(stderr, "kehto: %s\nNothing was imported.\n", e.msg);
  } else {
    printf("Imported %ld %s from %s\n", st.imported, noun, a->pos[0]);
    if (st.linked) printf("%ld new %s\n", st.linked, st.linked == 1 ? "person" : "people");
    if (st.cp1252) fprintf(stderr, "kehto: note: %s is not UTF-8; it was read as Windows-1252\n", a->pos[0]);
    if (progress)
      fprintf(stderr, "import: %ld rows in %.1f s (%.0f rows/s)\n", st.rows, (double)st.ms / 1000.0,
              st.ms ? (double)st.rows * 1000.0 / (double)st.ms : 0.0);
  }
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}

int cli_import_participants(const cli_args *a) {
  return run_import(a, import_participants, "participant rows");
}

int cli_import_attendance(const cli_args *a) {
  return run_import(a, import_attendance, "attendance rows");
}

int cli_import_costs(const cli_args *a) {
  return run_import(a, import_costs, "cost lines");
}

/* Opens the database and finds the person by email; prints why not and returns 0 when there is none. */
static long long open_person(const cli_args *a, db **d) {
  *d = cli_open_db(a, 0);
  if (!*d) return 0;
  long long id = person_find(*d, a->pos[0]);
  if (!id) {
    fprintf(stderr, "kehto: no person with the email '%s'\n", a->pos[0]);
    db_close(*d);
    *d = NULL;
  }
  return id;
}

int cli_person_export(const cli_args *a) {
  db *d;
  long long id = open_person(a, &d);
  if (!id) return 1;
  char subject[40];
  snprintf(subject, sizeof subject, "person:%lld", id);
  int rc = audit_log(d, "cli", "export", subject, "kehto person export");
  buf out = BUF_INIT;
  if (rc == K_OK) rc = person_export_json(d, id, &out);
  if (rc == K_OK)
    fwrite(out.data, 1, out.len, stdout);
  else
    fprintf(stderr, "kehto: cannot export the person: %s\n", db_errmsg(d));
  buf_free(&out);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}

int cli_person_erase(const cli_args *a) {
  if (!cli_opt(a, "yes")) {
    fprintf(stderr, "kehto: erasing cannot be undone; add --yes to confirm\n"
                    "usage: kehto person erase EMAIL [--db FILE] --yes\n");
    return 2;
  }
  db *d;
  long long id = open_person(a, &d);
  if (!id) return 1;
  kerr e = {0};
  buf mentions = BUF_INIT;
  int nmentions = person_mentions(d, id, &mentions);
  int rc = person_erase(d, id, "cli", &e);
  if (rc != K_ERR)
    printf("Erased person %lld: name, email, occupation and birth date removed; anonymous counts kept.\n", id);
  if (rc != K_OK) fprintf(stderr, "kehto: %s\n", e.msg);
  if (rc != K_ERR && nmentions)
    fprintf(stderr, "kehto: note: the email or name also stands in rows an erase does not change; check them: %s\n",
            mentions.data);
  buf_free(&mentions);
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}
