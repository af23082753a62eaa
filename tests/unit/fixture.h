/* fixture: shared cmocka setup for unit tests that need a fresh in-memory database with reference data. */
#ifndef KEHTO_TEST_FIXTURE_H
#define KEHTO_TEST_FIXTURE_H
#include "db/db.h"
#include "memdb.h"
#include "search/search.h"
#include "model/refdata.h"

/* cmocka setup: a fresh migrated in-memory database (memdb.h) with municipalities and regions; *state is the db. */
static int fixture_db_setup(void **state) {
  kerr e = {0};
  db *d = memdb_open(&e);
  assert_non_null(d);
  assert_int_equal(refdata_load(d, &e), K_OK);
  *state = d;
  return 0;
}

/* cmocka teardown: closes the db made by fixture_db_setup. */
static int fixture_db_teardown(void **state) {
  db_close(*state);
  return 0;
}

/* A test run with a fresh database. */
#define FIXTURE_TEST(f) cmocka_unit_test_setup_teardown(f, fixture_db_setup, fixture_db_teardown)

#endif
