/* bumpcheck: the change counters' rule in a caller's transaction, checked the same on SQLite (test_db.c) and
 * PostgreSQL (test_db_pg.c). */
#ifndef KEHTO_BUMPCHECK_H
#define KEHTO_BUMPCHECK_H
#include "db/db.h"

static long long bumpcheck_search(db *d) {
  return db_int(d, -1, "SELECT n FROM search_generation", "");
}

/* In a caller's transaction a counter is bumped by the first write of a span (between transaction and savepoint
 * boundaries) and once more at the span's end when written again since: a bulk write costs two bumps, not one per
 * row, and a figure cached after the first bump is still out of date after the commit. A rollback leaves none. */
static void bumpcheck_bulk(db *d) {
  long long s0 = bumpcheck_search(d);
  assert_int_equal(db_begin(d), DB_OK);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('T0')", ""), DB_OK);
  assert_int_equal(bumpcheck_search(d), s0 + 1);
  for (int i = 1; i < 50; i++) assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('T' || ?1)", "i", i), DB_OK);
  assert_int_equal(bumpcheck_search(d), s0 + 1); /* not once per row */
  assert_int_equal(db_savepoint(d, "sp"), DB_OK); /* a boundary: the rows since the first bump bump again */
  assert_int_equal(bumpcheck_search(d), s0 + 2);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('U1')", ""), DB_OK);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('U2')", ""), DB_OK);
  assert_int_equal(bumpcheck_search(d), s0 + 3);
  assert_int_equal(db_rollback_to(d, "sp"), DB_OK); /* U1, U2 and their bump undone */
  assert_int_equal(bumpcheck_search(d), s0 + 2);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('V1')", ""), DB_OK);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('V2')", ""), DB_OK);
  assert_int_equal(bumpcheck_search(d), s0 + 3);
  assert_int_equal(db_commit(d), DB_OK);
  assert_int_equal(bumpcheck_search(d), s0 + 4); /* V2 came after the bump a cache could have seen */
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM theme WHERE name LIKE 'T%' OR name LIKE 'V%'", ""), 52);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM theme WHERE name LIKE 'U%'", ""), 0);
  assert_int_equal(db_begin(d), DB_OK);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('W1')", ""), DB_OK);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('W2')", ""), DB_OK);
  assert_int_equal(db_rollback(d), DB_OK);
  assert_int_equal(bumpcheck_search(d), s0 + 4);
  /* outside a transaction every write is its own and bumps */
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('X1')", ""), DB_OK);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('X2')", ""), DB_OK);
  assert_int_equal(bumpcheck_search(d), s0 + 6);
}
#endif
