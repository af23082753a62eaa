/* cli: helpers shared by command handlers: options, the database path, opening the database. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "search/search.h"

const char *cli_opt(const cli_args *a, const char *name) {
  for (int i = 0; i < a->nopt; i++)
    if (strcmp(a->opt[i].name, name) == 0) return a->opt[i].value ? a->opt[i].value : "";
  return NULL;
}

const char *cli_db_path(const cli_args *a) {
  const char *p = cli_opt(a, "db");
  if (p && *p) return p;
  p = getenv("KEHTO_DB");
  if (p && *p) return p;
  return "kehto.db";
}

db *cli_open_db(const cli_args *a, int create) {
  const char *path = cli_db_path(a);
  if (!create && !db_is_address(path) && access(path, F_OK) != 0) {
    fprintf(stderr, "kehto: no database at %s (create one with: kehto init --db %s)\n", path, path);
    return NULL;
  }
  kerr e = {0};
  db *d = db_open(path, create, search_attach, &e);
  if (!d) {
    fprintf(stderr, "kehto: %s\n", e.msg);
    kerr_clear(&e);
  }
  return d;
}

/* Writes b to path, or to stdout when path is NULL. Returns the exit status, saying on stderr what failed. */
int cli_write_out(const char *path, const buf *b) {
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
