/* Unit tests for db/db_pg.c's translation of the SQL models write (SQLite's spelling) into PostgreSQL's (no server
 * needed: the end-to-end tests on PostgreSQL, tests/pg, run the translated SQL for real), and for bytes stored and
 * read back (db_bind_blob, db_col_blob) on both engines: PostgreSQL in a throwaway cluster (tests/pg/cluster.sh). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/db_pg.h"
#include "search/search.h"
#include "bumpcheck.h"

/* Translates sql; checks the text and the number of parameters. */
static void expect(const char *sql, const char *want, int nparam) {
  buf b = BUF_INIT;
  const char *names[16];
  int n = pg_translate(sql, &b, names, 16);
  assert_string_equal(b.data ? b.data : "", want);
  assert_int_equal(n, nparam);
  buf_free(&b);
}

static void test_parameters(void **state) {
  expect("SELECT * FROM t WHERE a=:a AND b=:b OR a=:a", "SELECT * FROM t WHERE a=$1 AND b=$2 OR a=$1", 2);
  expect("UPDATE t SET x=?2 WHERE id=?1", "UPDATE t SET x=$2 WHERE id=$1", 2);
  expect("SELECT ?, ?", "SELECT $1, $2", 2);
  /* a prefix of another name is another parameter */
  expect("SELECT :id, :id_org, :id", "SELECT $1, $2, $1", 2);
  /* inside strings and quoted names nothing changes; casts stay */
  expect("SELECT ':a', \"?1\", x::text FROM t WHERE y='it''s :b'",
         "SELECT ':a', \"?1\", x::text FROM t WHERE y='it''s :b'", 0);
}

static void test_names(void **state) {
  buf b = BUF_INIT;
  const char *names[16];
  int n = pg_translate("SELECT :first, ?2, :third", &b, names, 16);
  assert_int_equal(n, 3);
  assert_memory_equal(names[0], ":first", 6);
  assert_null(names[1]);
  assert_memory_equal(names[2], ":third", 6);
  buf_free(&b);
}

static void test_dialect(void **state) {
  expect("SELECT u.id FROM user u JOIN session s ON s.user_id=u.id",
         "SELECT u.id FROM \"user\" u JOIN session s ON s.user_id=u.id", 0);
  expect("INSERT INTO user(email) VALUES (?1)", "INSERT INTO \"user\"(email) VALUES ($1)", 1);
  expect("SELECT name FROM org WHERE name LIKE ?1 ESCAPE '\\' ORDER BY name COLLATE NOCASE, id",
         "SELECT name FROM org WHERE name ILIKE $1 ESCAPE '\\' ORDER BY lower(name), id", 1);
  expect("ORDER BY coalesce(m.name_fi, o.name) COLLATE NOCASE", "ORDER BY lower(coalesce(m.name_fi, o.name))", 0);
  expect("SELECT id FROM person WHERE email=?1 COLLATE NOCASE AND x=1",
         "SELECT id FROM person WHERE lower(email) = lower($1) AND x=1", 1);
  expect("WHERE code = ?1 COLLATE NOCASE OR name_fi=?1 COLLATE NOCASE",
         "WHERE lower(code) = lower($1) OR lower(name_fi) = lower($1)", 1);
  expect("WHERE a >= b COLLATE NOCASE", "WHERE a >= lower(b)", 0);
  expect("ORDER BY d.ref IS ?1 DESC, x IS NOT :y, z IS NULL",
         "ORDER BY d.ref IS NOT DISTINCT FROM $1 DESC, x IS DISTINCT FROM $2, z IS NULL", 2);
  expect("WHERE instr(detail, ?1) > 0", "WHERE strpos(detail, $1) > 0", 1);
  expect("SELECT CAST(x AS REAL), CAST(y AS INTEGER)", "SELECT CAST(x AS double precision), CAST(y AS INTEGER)", 0);
  /* words that only contain the special ones stay */
  expect("SELECT user_id, o.user, likes FROM t", "SELECT user_id, o.user, likes FROM t", 0);
}

/* Addresses in messages never show a password. */
static void test_label(void **state) {
  const char *cases[][2] = {
      {"/srv/kehto.db", "/srv/kehto.db"},
      {"postgresql://kehto@db.example.fi/kehto", "postgresql://kehto@db.example.fi/kehto"},
      {"postgresql://kehto:s3cret@db.example.fi:5432/kehto", "postgresql://kehto:***@db.example.fi:5432/kehto"},
      {"dbname=kehto password=s3cret host=db", "dbname=kehto password=*** host=db"},
      {"host=db password=s3cret", "host=db password=***"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *l = db_label(cases[i][0]);
    assert_string_equal(l, cases[i][1]);
    free(l);
  }
}

/* Stores bytes 0–255 (NUL and every non-UTF-8 byte among them), an empty value and NULL, and reads them back. */
static void blob_roundtrip(db *d, const char *ddl) {
  unsigned char all[512];
  for (size_t i = 0; i < sizeof all; i++) all[i] = (unsigned char)(i * 7 + 3);
  all[0] = 0;
  assert_int_equal(db_script(d, ddl), DB_OK);
  db_stmt *st = db_prepare(d, "INSERT INTO blobs(id, b) VALUES (:id, :b)");
  db_bind_int(st, ":id", 1);
  db_bind_blob(st, ":b", all, sizeof all);
  assert_int_equal(db_step(st), 0);
  db_done(st);
  st = db_prepare(d, "INSERT INTO blobs(id, b) VALUES (:id, :b)");
  db_bind_int(st, ":id", 2);
  db_bind_blob(st, ":b", "", 0);
  assert_int_equal(db_step(st), 0);
  db_done(st);
  assert_int_equal(db_exec(d, "INSERT INTO blobs(id, b) VALUES (3, NULL)", ""), DB_OK);
  st = db_query(d, "SELECT id, b FROM blobs ORDER BY id", "");
  size_t len = 99;
  assert_int_equal(db_step(st), 1);
  const void *v = db_col_blob(st, 1, &len);
  assert_int_equal(len, sizeof all);
  assert_memory_equal(v, all, sizeof all);
  assert_int_equal(db_step(st), 1);
  assert_non_null(db_col_blob(st, 1, &len));
  assert_int_equal(len, 0);
  assert_int_equal(db_step(st), 1);
  assert_null(db_col_blob(st, 1, &len));
  assert_int_equal(len, 0);
  assert_int_equal(db_step(st), 0);
  db_done(st);
  /* a bound blob compares equal to the stored one */
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM blobs WHERE length(b) = 512", ""), 1);
}

static void test_blob_sqlite(void **state) {
  kerr e = {0};
  db *d = db_open(":memory:", 1, search_attach, &e);
  assert_non_null(d);
  blob_roundtrip(d, "CREATE TABLE blobs(id INTEGER PRIMARY KEY, b BLOB)");
  db_close(d);
}

/* A throwaway PostgreSQL cluster for the blob test: its directory and address. */
static char pg_dir[64], pg_addr[200];

static int pg_start(void **state) {
  snprintf(pg_dir, sizeof pg_dir, "/tmp/kehto-unit-pg.%d", (int)getpid());
  char cmd[160];
  snprintf(cmd, sizeof cmd, "tests/pg/cluster.sh start %s", pg_dir);
  FILE *f = popen(cmd, "r");
  if (!f || !fgets(pg_addr, sizeof pg_addr, f)) pg_addr[0] = 0;
  if (f) pclose(f);
  pg_addr[strcspn(pg_addr, "\n")] = 0;
  return pg_addr[0] ? 0 : -1;
}

static int pg_stop(void **state) {
  char cmd[160];
  snprintf(cmd, sizeof cmd, "tests/pg/cluster.sh stop %s", pg_dir);
  return system(cmd) == 0 ? 0 : -1;
}

static void test_blob_pg(void **state) {
  kerr e = {0};
  db *d = db_open(pg_addr, 1, search_attach, &e);
  if (!d) fail_msg("db_open %s: %s", pg_addr, e.msg);
  blob_roundtrip(d, "CREATE TABLE blobs(id bigint PRIMARY KEY, b bytea)");
  db_close(d);
}

/* The change counters' rule in a caller's transaction, on PostgreSQL (bumpcheck.h). */
static void test_bulk_bumps_pg(void **state) {
  (void)state;
  kerr e = {0};
  db *d = db_open(pg_addr, 1, search_attach, &e);
  if (!d) fail_msg("db_open %s: %s", pg_addr, e.msg);
  bumpcheck_bulk(d);
  db_close(d);
}

/* An all-or-nothing transaction writes without a savepoint per statement; its failure is the caller's to roll back
 * whole. The next transaction is guarded again: a failed statement leaves it usable. */
static void test_all_or_nothing_pg(void **state) {
  (void)state;
  kerr e = {0};
  db *d = db_open(pg_addr, 1, search_attach, &e);
  if (!d) fail_msg("db_open %s: %s", pg_addr, e.msg);
  assert_int_equal(db_begin(d), DB_OK);
  db_all_or_nothing(d);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('Kokonaan')", ""), DB_OK);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('Kokonaan')", ""), DB_CONSTRAINT);
  assert_int_equal(db_rollback(d), DB_OK);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM theme WHERE name='Kokonaan'", ""), 0);
  assert_int_equal(db_begin(d), DB_OK);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('Kokonaan')", ""), DB_OK);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('Kokonaan')", ""), DB_CONSTRAINT);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES('Osittain')", ""), DB_OK); /* still usable */
  assert_int_equal(db_commit(d), DB_OK);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM theme WHERE name IN ('Kokonaan', 'Osittain')", ""), 2);
  db_close(d);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parameters), cmocka_unit_test(test_names),       cmocka_unit_test(test_dialect),
      cmocka_unit_test(test_label),      cmocka_unit_test(test_blob_sqlite),
  };
  const struct CMUnitTest pg_tests[] = {
      cmocka_unit_test(test_blob_pg),
      cmocka_unit_test(test_bulk_bumps_pg),
      cmocka_unit_test(test_all_or_nothing_pg),
  };
  int failed = cmocka_run_group_tests(tests, NULL, NULL);
  return failed + cmocka_run_group_tests_name("PostgreSQL", pg_tests, pg_start, pg_stop);
}
