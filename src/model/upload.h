/* upload: a spreadsheet uploaded for import, kept in the database (so any server can finish it) until its uploader
 * confirms or cancels it; uploads older than a day are removed when a new one is stored. */
#ifndef KEHTO_UPLOAD_H
#define KEHTO_UPLOAD_H
#include <stddef.h>

#include "core/arena.h"
#include "db/db.h"

#define UPLOAD_MAX_AGE_MS (24 * 3600 * 1000LL) /* an upload not confirmed within a day is removed */

typedef struct upload {
  long long id, user_id, created_at; /* created_at: ms since the epoch */
  char *kind;                        /* participants, attendance, deeds or costs */
  char *filename;
  const char *content; /* the file's bytes (len of them, NUL-terminated after them) */
  size_t len;
} upload;

/* Stores the file (len bytes at data) of user_id for kind (participants, attendance, deeds or costs; another is a bug)
 * and removes every upload older than UPLOAD_MAX_AGE_MS, in one transaction. Returns the new upload's id, or 0 with
 * e set when the database refused. */
long long upload_add(db *d, long long user_id, const char *kind, const char *filename, const void *data, size_t len,
                     kerr *e);

/* Reads upload id of user_id into *out (everything in a). Returns 1, or 0 when there is no such upload of that user
 * (another user's upload is not found either). */
int upload_get(db *d, arena *a, long long id, long long user_id, upload *out);

/* Removes upload id of user_id. Returns 1 when it was removed, 0 when there was none. */
int upload_remove(db *d, long long id, long long user_id);

#endif
