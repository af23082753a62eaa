/* upload: the upload table: a file waiting for its uploader's confirmation, and the removal of stale ones. */
#include "model/upload.h"

#include <assert.h>
#include <string.h>

#include "model/write.h"

long long upload_add(db *d, long long user_id, const char *kind, const char *filename, const void *data, size_t len,
                     kerr *e) {
  assert(!strcmp(kind, "participants") || !strcmp(kind, "attendance") || !strcmp(kind, "deeds") ||
         !strcmp(kind, "costs"));
  long long now = util_now_ms(), id = 0;
  if (write_begin(d, "Tiedoston tallennus", e) != K_OK) return 0;
  int rc = db_exec(d, "DELETE FROM upload WHERE created_at < ?1", "i", now - UPLOAD_MAX_AGE_MS) == DB_OK ? K_OK : K_ERR;
  if (rc == K_OK) {
    db_stmt *st = db_prepare(d, "INSERT INTO upload(user_id, kind, filename, size, content, created_at) "
                                "VALUES (:user, :kind, :name, :size, :content, :now)");
    db_bind_int(st, ":user", user_id);
    db_bind_text(st, ":kind", kind);
    db_bind_text(st, ":name", filename);
    db_bind_int(st, ":size", (long long)len);
    db_bind_blob(st, ":content", data, len);
    db_bind_int(st, ":now", now);
    rc = db_step(st) == 0 ? K_OK : K_ERR;
    db_done(st);
    if (rc == K_OK) id = db_last_id(d);
  }
  if (rc != K_OK) kerr_storage(e, "Tiedoston tallennus", db_errmsg(d));
  return write_end(d, rc, "Tiedoston tallennus", e) == K_OK ? id : 0;
}

int upload_get(db *d, arena *a, long long id, long long user_id, upload *out) {
  memset(out, 0, sizeof *out);
  db_stmt *st = db_query(d,
                         "SELECT id, user_id, kind, filename, created_at, content FROM upload "
                         "WHERE id = ?1 AND user_id = ?2",
                         "ii", id, user_id);
  int found = db_step(st) == 1;
  if (found) {
    out->id = db_col_int(st, 0);
    out->user_id = db_col_int(st, 1);
    out->kind = db_col_adup(st, 2, a);
    out->filename = db_col_adup(st, 3, a);
    out->created_at = db_col_int(st, 4);
    const void *v = db_col_blob(st, 5, &out->len);
    char *copy = arena_alloc(a, out->len + 1);
    if (out->len) memcpy(copy, v, out->len);
    out->content = copy;
  }
  db_done(st);
  return found;
}

int upload_remove(db *d, long long id, long long user_id) {
  return db_exec(d, "DELETE FROM upload WHERE id = ?1 AND user_id = ?2", "ii", id, user_id) == DB_OK &&
         db_changes(d) > 0;
}
