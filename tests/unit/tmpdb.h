/* tmpdb: a throw-away database file for unit tests (mkstemp path, removed with its WAL files). */
#ifndef KEHTO_TEST_TMPDB_H
#define KEHTO_TEST_TMPDB_H
#include <stdio.h>
#include <unistd.h>

#include "db/db.h"
#include "search/search.h"

typedef struct tmpdb {
  char path[64];
  db *d;
} tmpdb;

/* Creates and opens a new database (schema migrated); fails the test when it cannot. */
static inline void tmpdb_open(tmpdb *t) {
  snprintf(t->path, sizeof t->path, "/tmp/kehto-test-XXXXXX");
  int fd = mkstemp(t->path);
  assert_true(fd >= 0);
  close(fd);
  kerr e = {0};
  t->d = db_open(t->path, 1, search_attach, &e);
  assert_non_null(t->d);
}

static inline void tmpdb_close(tmpdb *t) {
  db_close(t->d);
  const char *suffix[] = {"", "-wal", "-shm"};
  for (int i = 0; i < 3; i++) {
    char p[80];
    snprintf(p, sizeof p, "%s%s", t->path, suffix[i]);
    unlink(p);
  }
}

#endif
