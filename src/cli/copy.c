/* cli_copy: `kehto copy --from DB --to DB`: an installation moved between SQLite and PostgreSQL (either way), every
 * table's rows with their ids, in one transaction on the target, each table's rows counted on both sides. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "model/deed.h"
#include "search/search.h"

#define COPY_USAGE "usage: kehto copy --from DB --to DB [--progress]\n"
enum { COPY_BATCH = 100 }; /* rows per INSERT */

/* The tables of an installation: a target holding any row of these is not overwritten. */
static const char *const owned[] = {"programme", "org", "user", "deed", "person", "delivery", "audit"};

static long long count_rows(db *d, arena *a, const char *table) {
  const char *sql = arena_adopt(a, buf_mprintf("SELECT count(*) FROM \"%r\"", table));
  return db_int(d, -1, sql, "");
}

/* The INSERT of rows rows into table (columns cols), in arena a (db_prepare keeps a pointer to it). */
static const char *insert_sql(arena *a, const char *table, char **cols, int ncol, int rows) {
  buf b = BUF_INIT;
  buf_printf(&b, "INSERT INTO \"%r\"(", table);
  for (int c = 0; c < ncol; c++) buf_printf(&b, "%r\"%r\"", c ? "," : "", cols[c]);
  buf_puts(&b, ") VALUES ");
  for (int r = 0; r < rows; r++) {
    buf_puts(&b, r ? ",(" : "(");
    for (int c = 0; c < ncol; c++) buf_printf(&b, "%r?%d", c ? "," : "", r * ncol + c + 1);
    buf_putc(&b, ')');
  }
  char *s = arena_strdup(a, b.data);
  buf_free(&b);
  return s;
}

/* Writes the rows in vals (rows × ncol values, NULL for SQL NULL) with one INSERT. */
static int flush(db *to, arena *a, const char **full, const char *table, char **cols, int ncol, char **vals, int rows,
                 kerr *e) {
  if (!rows) return K_OK;
  const char *sql = rows == COPY_BATCH && *full ? *full : insert_sql(a, table, cols, ncol, rows);
  if (rows == COPY_BATCH) *full = sql;
  db_stmt *st = db_prepare(to, sql);
  for (int i = 0; i < rows * ncol; i++) db_bind_at_text(st, i + 1, vals[i]);
  int rc = db_step(st);
  db_done(st);
  for (int i = 0; i < rows * ncol; i++) {
    free(vals[i]);
    vals[i] = NULL;
  }
  if (rc < 0) return kerr_set(e, NULL, "writing table %r failed: %r", table, db_errmsg(to));
  return K_OK;
}

/* Copies every row of table; shows progress on stderr when progress is set. */
static int copy_table(db *from, db *to, arena *a, const char *table, int progress, kerr *e) {
  long long total = count_rows(from, a, table), done = 0;
  db_stmt *st = db_prepare(from, arena_adopt(a, buf_mprintf("SELECT * FROM \"%r\"", table)));
  int ncol = db_col_count(st);
  char **cols = arena_alloc(a, (size_t)ncol * sizeof *cols);
  for (int c = 0; c < ncol; c++) cols[c] = arena_strdup(a, db_col_name(st, c));
  char **vals = calloc((size_t)ncol * COPY_BATCH, sizeof *vals);
  if (!vals) abort();
  const char *full = NULL;
  int rows = 0, rc = K_OK, step;
  time_t shown = time(NULL);
  while (rc == K_OK && (step = db_step(st)) == 1) {
    for (int c = 0; c < ncol; c++) vals[rows * ncol + c] = db_col_null(st, c) ? NULL : util_strdup(db_col_text(st, c));
    if (++rows == COPY_BATCH) {
      rc = flush(to, a, &full, table, cols, ncol, vals, rows, e);
      done += rows;
      rows = 0;
      if (progress && time(NULL) != shown) {
        shown = time(NULL);
        fprintf(stderr, "\r%s: %lld / %lld rows", table, done, total);
      }
    }
  }
  db_done(st);
  if (rc == K_OK && step < 0) rc = kerr_set(e, NULL, "reading table %r failed: %r", table, db_errmsg(from));
  if (rc == K_OK) rc = flush(to, a, &full, table, cols, ncol, vals, rows, e);
  done += rows;
  for (int i = 0; i < ncol * COPY_BATCH; i++) free(vals[i]);
  free(vals);
  if (rc != K_OK) return K_ERR;
  long long there = count_rows(to, a, table);
  if (progress) fprintf(stderr, "\r%s: %lld rows\033[K\n", table, there);
  if (there != total || done != total)
    return kerr_set(e, NULL, "table %r: %lld rows in the source, %lld copied, %lld in the target", table, total, done,
                    there);
  return K_OK;
}

/* Copies the media table (#15), whose content column is bytes (images, PDFs, videos): bound as a blob row by row,
 * where copy_table's text copy would garble it (a NUL ends a text; PostgreSQL refuses bytes that are not UTF-8).
 * The columns are named: a column added to media later is added here too. */
static int copy_media(db *from, db *to, kerr *e) {
  long long total = db_int(from, 0, "SELECT count(*) FROM media", ""), done = 0;
  db_stmt *st = db_prepare(from, "SELECT id, kind, mime, filename, size, sha256, content, created_by, created_at"
                                 " FROM media ORDER BY id");
  int rc = K_OK, step;
  while (rc == K_OK && (step = db_step(st)) == 1) {
    db_stmt *in = db_prepare(to, "INSERT INTO media(id, kind, mime, filename, size, sha256, content, created_by,"
                                 " created_at) VALUES(:id, :kind, :mime, :fn, :size, :sha, :content, :by, :at)");
    size_t len = 0;
    const void *bytes = db_col_blob(st, 6, &len);
    db_bind_int(in, ":id", db_col_int(st, 0));
    db_bind_text(in, ":kind", db_col_text(st, 1));
    db_bind_text(in, ":mime", db_col_text(st, 2));
    db_bind_text(in, ":fn", db_col_text(st, 3));
    db_bind_int(in, ":size", db_col_int(st, 4));
    db_bind_text(in, ":sha", db_col_text(st, 5));
    db_bind_blob(in, ":content", bytes ? bytes : "", len);
    db_bind_text(in, ":by", db_col_text(st, 7));
    db_bind_text(in, ":at", db_col_text(st, 8));
    if (db_step(in) < 0) rc = kerr_set(e, NULL, "copying media %lld failed: %r", db_col_int(st, 0), db_errmsg(to));
    db_done(in);
    done++;
  }
  db_done(st);
  if (rc == K_OK && step < 0) rc = kerr_set(e, NULL, "reading table media failed: %r", db_errmsg(from));
  if (rc == K_OK && done != total)
    rc = kerr_set(e, NULL, "table media: %lld rows in the source, %lld copied", total, done);
  return rc;
}

/* Everything inside the target's transaction: empty it, copy each table, rebuild search, move the id counters. */
static int copy_all(db *from, db *to, arena *a, int progress, kerr *e) {
  for (size_t i = 0; i < sizeof owned / sizeof *owned; i++)
    if (count_rows(to, a, owned[i]) != 0)
      return kerr_set(e, NULL, "the target already holds an installation (table %r has rows); copy into a new database",
                      owned[i]);
  int n;
  const char *const *tables = db_tables(&n);
  for (int i = n - 1; i >= 0; i--) /* rows the migrations put there (sectors, counters) */
    if (db_exec(to, arena_adopt(a, buf_mprintf("DELETE FROM \"%r\"", tables[i])), "") != DB_OK)
      return kerr_set(e, NULL, "emptying table %r failed: %r", tables[i], db_errmsg(to));
  for (int i = 0; i < n; i++) {
    /* uploads waiting for confirmation are a day's scratch, and their files are bytes, which this text copy would
     * garble: they stay behind (the uploader sends the file again) */
    if (!strcmp(tables[i], "upload")) continue;
    if (!strcmp(tables[i], "media")) {
      if (copy_media(from, to, e) != K_OK) return K_ERR;
      continue;
    }
    if (copy_table(from, to, a, tables[i], progress, e) != K_OK) return K_ERR;
  }
  db_stmt *st = db_prepare(to, "SELECT id FROM deed WHERE status='published' ORDER BY id");
  long long *ids = NULL;
  int nids = 0, cap = 0;
  while (db_step(st) == 1) {
    if (nids == cap) ids = arena_grow(a, ids, nids, &cap, sizeof *ids);
    ids[nids++] = db_col_int(st, 0);
  }
  db_done(st);
  int rc = K_OK;
  for (int i = 0; rc == K_OK && i < nids; i++)
    if (deed_index(to, ids[i]) != K_OK) rc = kerr_set(e, NULL, "indexing deed %lld failed: %r", ids[i], db_errmsg(to));
  if (rc == K_OK && progress) fprintf(stderr, "search index: %d deeds\n", nids);
  if (rc == K_OK && db_ids_follow(to) != DB_OK)
    rc = kerr_set(e, NULL, "setting the id counters failed: %r", db_errmsg(to));
  return rc;
}

int cli_copy(const cli_args *a) {
  const char *src = cli_opt(a, "from"), *dst = cli_opt(a, "to");
  if (!src || !*src || !dst || !*dst) {
    fputs(COPY_USAGE, stderr);
    return EXIT_USAGE;
  }
  if (!strcmp(src, dst)) {
    fputs("kehto: --from and --to name the same database\n", stderr);
    return EXIT_USAGE;
  }
  if (!db_is_address(src) && access(src, R_OK) != 0) {
    fprintf(stderr, "kehto: there is no database %s to copy from\n", src);
    return 1;
  }
  int progress = cli_opt(a, "progress") != NULL || isatty(STDERR_FILENO);
  kerr e = {0};
  db *from = db_open(src, 0, search_attach, &e), *to = from ? db_open(dst, 1, search_attach, &e) : NULL;
  arena mem = {0};
  int rc = K_ERR;
  if (from && to) {
    if (db_begin(to) != DB_OK) {
      kerr_set(&e, NULL, "cannot begin a transaction on the target: %r", db_errmsg(to));
    } else if ((db_all_or_nothing(to), copy_all(from, to, &mem, progress, &e)) != K_OK || db_commit(to) != DB_OK) {
      if (!e.msg) kerr_set(&e, NULL, "commit failed: %r", db_errmsg(to));
      db_rollback(to);
    } else {
      rc = K_OK;
    }
  }
  char *s = arena_adopt(&mem, db_label(src)), *t = arena_adopt(&mem, db_label(dst));
  if (rc == K_OK)
    printf("Copied %s to %s.\n", s, t);
  else
    fprintf(stderr, "kehto: copy from %s to %s failed, nothing was written: %s\n", s, t, e.msg ? e.msg : "");
  kerr_clear(&e);
  arena_free(&mem);
  db_close(from);
  db_close(to);
  return rc == K_OK ? 0 : 1;
}
