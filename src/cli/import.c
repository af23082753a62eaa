/* cli/import: `kehto import deeds`, with progress on a terminal. */
#include "cli/cli.h"

#include <stdio.h>
#include <unistd.h>

#include "import/import.h"

/* Progress goes to stderr when it is a terminal or --progress is given; a pipe or log gets only the result. */
int cli_import_deeds(const cli_args *a) {
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  kerr e = {0};
  import_stats st;
  int progress = cli_opt(a, "progress") != NULL || isatty(STDERR_FILENO);
  int rc = import_deeds(d, a->pos[0], progress, &st, &e);
  if (rc != K_OK) {
    fprintf(stderr, "kehto: %s\nNothing was imported.\n", e.msg);
  } else {
    printf("Imported %ld deed%s from %s\n", st.imported, st.imported == 1 ? "" : "s", a->pos[0]);
    if (st.cp1252) fprintf(stderr, "kehto: note: %s is not UTF-8; it was read as Windows-1252\n", a->pos[0]);
    if (progress)
      fprintf(stderr, "import: %ld rows in %.1f s (%.0f rows/s), %ld linked to registry organisations\n", st.rows,
              (double)st.ms / 1000.0, st.ms ? (double)st.rows * 1000.0 / (double)st.ms : 0.0, st.linked);
  }
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}
