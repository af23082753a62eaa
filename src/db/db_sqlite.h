/* db_sqlite: the SQLite handles behind db.h, for db/ itself and search/'s FTS5 side only (a CI check keeps every
 * other folder out: see `make check-seam`). */
#ifndef KEHTO_DB_SQLITE_H
#define KEHTO_DB_SQLITE_H
#include <sqlite3.h>

#include "db/db.h"

/* The connection's SQLite handle (for registering tokenizers, functions and hooks). */
sqlite3 *db_handle(db *d);
/* The SQLite statement behind st, and back. A db_stmt is a sqlite3_stmt under another name. */
static inline sqlite3_stmt *db_raw(db_stmt *st) {
  return (sqlite3_stmt *)st;
}
static inline db_stmt *db_wrap(sqlite3_stmt *st) {
  return (db_stmt *)st;
}

#endif
