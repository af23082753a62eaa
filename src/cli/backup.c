/* cli_backup: `kehto backup FILE --keep N`: a compacted online copy, rotated copies, erasures carried into them. */
#include "cli/cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/person.h"
#include "search/search.h"

#define BACKUP_USAGE "usage: kehto backup FILE [--db FILE] [--keep N]\n"

/* "FILE.k", or FILE itself for k 0; malloc'd. */
static char *copy_name(const char *file, int k) {
  return k ? buf_mprintf("%r.%d", file, k) : util_strdup(file);
}

/* The files of one copy: the database and the -wal and -shm a stopped run may have left beside it (opening an old
 * copy to carry erasures into it puts it in WAL mode). Deleted and moved together, so that a copy never meets
 * another copy's WAL. */
static const char *const copy_parts[] = {"", "-wal", "-shm"};

/* Deletes copy k and its -wal and -shm. */
static void remove_copy(const char *file, int k) {
  char *p = copy_name(file, k);
  for (size_t i = 0; i < sizeof copy_parts / sizeof *copy_parts; i++) {
    char *f = buf_mprintf("%r%r", p, copy_parts[i]);
    unlink(f);
    free(f);
  }
  free(p);
}

/* Moves copy k to k+1 with its -wal and -shm (a missing part is skipped). Returns K_OK or sets e. */
static int move_copy(const char *file, int k, kerr *e) {
  char *from = copy_name(file, k), *to = copy_name(file, k + 1);
  int rc = K_OK;
  for (size_t i = 0; i < sizeof copy_parts / sizeof *copy_parts && rc == K_OK; i++) {
    char *f = buf_mprintf("%r%r", from, copy_parts[i]), *t = buf_mprintf("%r%r", to, copy_parts[i]);
    if (rename(f, t) != 0 && errno != ENOENT) rc = kerr_set(e, NULL, "cannot rename %r: %r", f, strerror(errno));
    free(f), free(t);
  }
  free(from), free(to);
  return rc;
}

/* Moves FILE → FILE.1 → … → FILE.(keep-1) and deletes what falls beyond (also copies left by a larger --keep, up to
 * the largest --keep there is, gaps and all). Returns K_OK or sets e. */
static int rotate(const char *file, int keep, kerr *e) {
  for (int k = keep > 1 ? keep - 1 : 1; k < BACKUP_KEEP_MAX; k++) remove_copy(file, k);
  for (int k = keep - 2; k >= 0; k--)
    if (move_copy(file, k, e) != K_OK) return K_ERR;
  return K_OK;
}

/* Erases in each older copy the people erased in d since it was written, so that an erasure reaches the kept
 * backups at the next backup run. Prints what it did; returns the number of copies it could not open or update. */
static int purge_older(db *d, const char *file, int keep) {
  int failed = 0;
  for (int k = 1; k < keep; k++) {
    char *p = copy_name(file, k);
    if (access(p, F_OK) == 0) {
      kerr e = {0};
      int n = 0;
      db *old = db_open(p, 0, search_attach, &e);
      if (!old || person_erase_again(d, old, "cli", &n, &e) != K_OK) {
        fprintf(stderr, "kehto: %s: erasures not applied: %s\n", p, e.msg ? e.msg : "");
        failed++;
      } else if (n) {
        printf("Erased %d %s in %s\n", n, n == 1 ? "person" : "people", p);
      }
      db_close(old);
      kerr_clear(&e);
    }
    free(p);
  }
  return failed;
}

int cli_backup(const cli_args *a) {
  long long keep = BACKUP_KEEP;
  if (cli_opt(a, "keep") && util_parse_int(cli_opt(a, "keep"), 1, BACKUP_KEEP_MAX, &keep) != K_OK) {
    fprintf(stderr, "kehto: --keep needs a number of copies from 1 to 1000\n" BACKUP_USAGE);
    return 2;
  }
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  const char *file = a->pos[0];
  char *tmp = buf_mprintf("%r.new", file);
  unlink(tmp); /* left by a backup that was stopped */
  kerr e = {0};
  int rc = db_backup(d, tmp, &e);
  if (rc == K_OK) rc = rotate(file, (int)keep, &e);
  if (rc == K_OK && rename(tmp, file) != 0) rc = kerr_set(&e, NULL, "cannot rename %r: %r", tmp, strerror(errno));
  if (rc != K_OK) {
    fprintf(stderr, "kehto: %s\n", e.msg);
    unlink(tmp);
  } else {
    printf("Backup written to %s (%lld %s kept)\n", file, keep, keep == 1 ? "copy" : "copies");
    if (purge_older(d, file, (int)keep)) rc = K_ERR;
  }
  free(tmp);
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}
