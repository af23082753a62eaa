/* db_sqlite: the SQLite handles behind db.h, for db/ itself and search/'s FTS5 side only (a CI check keeps every
 * other folder out: see `make check-seam`). */
#ifndef KEHTO_DB_SQLITE_H
#define KEHTO_DB_SQLITE_H
#include <sqlite3.h>

#include "db/db.h"

/* The connection's SQLite handle (for registering tokenizers, functions and hooks); NULL on PostgreSQL. */
sqlite3 *db_handle(db *d);
/* A prepared statement: SQLite's, with what db.c keeps beside it. */
struct db_stmt {
  sqlite3_stmt *st;   /* NULL on PostgreSQL */
  struct pg_stmt *ps; /* PostgreSQL's (db/db_pg.h), or NULL on SQLite */
  db *d;
  unsigned counters; /* the change counters a write by this statement bumps (db/schema.h) */
  int own_tx;        /* 1 while the savepoint db.c opened around this write (outside a transaction) is open */
  int bump;          /* 1 for a change counter's UPDATE */
};
/* The SQLite statement behind st. */
static inline sqlite3_stmt *db_raw(db_stmt *st) {
  return st->st;
}

#endif
