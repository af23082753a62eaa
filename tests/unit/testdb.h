/* testdb: shared unit-test helpers: a fresh in-memory database with reference data, and quick deed inserts. */
#ifndef KEHTO_TESTDB_H
#define KEHTO_TESTDB_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/util.h"
#include "db/db.h"
#include "memdb.h"
#include "search/search.h"
#include "model/deed.h"
#include "model/refdata.h"

/* Opens an in-memory database, checks that the migrations ran and loads municipalities and regions. */
static db *testdb_open(void) {
  kerr e = {0};
  db *d = memdb_open(&e);
  if (!d) fail_msg("db_open: %s", e.msg);
  assert_int_equal(db_int(d, -1, "PRAGMA user_version", ""), db_schema_version());
  if (refdata_load(d, &e) != K_OK) fail_msg("refdata_load: %s", e.msg);
  return d;
}

/* Runs the SQL script at path (relative to the repository root, where the tests run) on d; fails the test when it
 * cannot be read or run. */
static inline void testdb_script_file(db *d, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) fail_msg("cannot open %s (run from the repository root)", path);
  buf b = BUF_INIT;
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(&b, chunk, n);
  fclose(f);
  if (db_script(d, b.data) != DB_OK) fail_msg("fixture: %s", db_errmsg(d));
  buf_free(&b);
}

/* Inserts a published deed; municipality is a code or NULL, themes a comma list or NULL. Returns its id. */
static long long testdb_deed(db *d, const char *title, const char *body, const char *org, const char *municipality,
                             const char *sector, int year, const char *themes) {
  deed x = {0};
  x.title = (char *)title;
  x.summary = (char *)body;
  x.goal = (char *)"";
  x.results = (char *)"";
  x.org_name = (char *)(org ? org : "Esimerkki Oy");
  x.municipality_code = (char *)municipality;
  x.sector_code = (char *)(sector ? sector : "sote");
  x.year = year ? year : 2019;
  x.themes = (char *)themes;
  kerr e = {0};
  long long id = deed_insert(d, &x, "published", &e);
  if (!id) fail_msg("deed_insert: %s", e.msg);
  return id;
}

/* A deed of a title and a summary only (the other fields empty or defaults): most search tests need no more. */
static inline long long testdb_text(db *d, const char *title, const char *body) {
  return testdb_deed(d, title, body, NULL, NULL, NULL, 0, NULL);
}

#endif
