/* memdb: a fresh migrated in-memory database for one test: a copy (db_open_copy) of one migrated once per test
 * program. Running every migration for each test took most of the unit tests' time (a third of a second each
 * under the sanitizers). */
#ifndef KEHTO_MEMDB_H
#define KEHTO_MEMDB_H
#include "db/db.h"
#include "search/search.h"

static inline db *memdb_open(kerr *e) {
  static db *migrated; /* kept for the program's life */
  if (!migrated && !(migrated = db_open(":memory:", 1, search_attach, e))) return NULL;
  return db_open_copy(migrated, search_attach, e);
}

#endif
