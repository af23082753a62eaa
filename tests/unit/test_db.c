/* Unit tests for db: the portable SQL it supplies (string_agg as group_concat did), db_now's text, and the change
 * counters bumped by the write path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "bumpcheck.h"
#include "search/search.h"
#include "tmpdb.h"

static int setup(void **state) {
  kerr e = {0};
  db *d = db_open(":memory:", 1, search_attach, &e);
  if (!d) fail_msg("db_open: %s", e.msg);
  db_script(d, "CREATE TEMP TABLE v(g INTEGER, x TEXT, pos INTEGER);"
               "INSERT INTO v VALUES (1,'a',1),(1,NULL,2),(1,'b',3),(1,'',4),(1,'c',5),(2,NULL,1),(3,'',1),(4,'x',1);");
  *state = d;
  return 0;
}

static int teardown(void **state) {
  db_close(*state);
  return 0;
}

/* string_agg gives what group_concat gave: NULLs skipped, '' kept, NULL when nothing, the order of the rows. */
static void test_string_agg_is_group_concat(void **state) {
  db *d = *state;
  for (int g = 0; g <= 4; g++) {
    char *want =
        db_text(d, "SELECT group_concat(x, ', ') FROM (SELECT x FROM v WHERE g=?1 ORDER BY pos) t", "i", (long long)g);
    char *got =
        db_text(d, "SELECT string_agg(x, ', ') FROM (SELECT x FROM v WHERE g=?1 ORDER BY pos) t", "i", (long long)g);
    if (!want)
      assert_null(got);
    else
      assert_string_equal(got, want);
    free(want), free(got);
  }
  char *s = db_text(d, "SELECT string_agg(x, ', ') FROM (SELECT x FROM v WHERE g=1 ORDER BY pos) t", "");
  assert_string_equal(s, "a, b, , c");
  free(s);
}

/* db_now writes the text strftime('%Y-%m-%dT%H:%M:%SZ','now') wrote, so stored timestamps keep one format. */
static void test_now_is_the_schema_format(void **state) {
  db *d = *state;
  db_time t = db_now();
  assert_int_equal(strlen(t.s), 20);
  assert_true(db_exists(d, "SELECT 1 WHERE ?1 = strftime('%Y-%m-%dT%H:%M:%SZ', ?1)", "t", t.s));
  char *sql_now = db_text(d, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')", "");
  assert_true(strcmp(sql_now, t.s) >= 0); /* taken after */
  free(sql_now);
}

/* Without search attached the migrations cannot create the FTS5 tables: the opener must pass search_attach. */
static void test_open_needs_search_attached(void **state) {
  (void)state;
  kerr e = {0};
  db *d = db_open(":memory:", 1, NULL, &e);
  assert_null(d);
  assert_non_null(e.msg);
  kerr_clear(&e);
}

static long long gen(db *d, const char *counter) {
  return strcmp(counter, "search") == 0 ? db_int(d, -1, "SELECT n FROM search_generation", "")
                                        : db_int(d, -1, "SELECT n FROM stats_generation", "");
}

/* A write that changes rows of a watched table bumps its counters; one that changes nothing, or a table nobody
 * watches, does not. db_changes still reports the write's rows, not the bump's. */
static void test_writes_bump_their_counters(void **state) {
  db *d = *state;
  long long s0 = gen(d, "search"), t0 = gen(d, "stats");
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES(?1)", "t", "Johtaminen"), DB_OK);
  assert_int_equal(gen(d, "search"), s0 + 1);
  assert_int_equal(gen(d, "stats"), t0);
  assert_int_equal(db_exec(d, "INSERT INTO theme(name) VALUES(?1) ON CONFLICT DO NOTHING", "t", "johtaminen"), DB_OK);
  assert_int_equal(db_changes(d), 0);
  assert_int_equal(gen(d, "search"), s0 + 1);
  assert_int_equal(db_exec(d, "update sector set position=position WHERE code IN ('sote','koko')", ""), DB_OK);
  assert_int_equal(db_changes(d), 2);
  assert_int_equal(gen(d, "search"), s0 + 2);
  assert_int_equal(gen(d, "stats"), t0 + 1);
  assert_int_equal(db_exec(d, "UPDATE org SET name='x' WHERE id=-1", ""), DB_OK);
  assert_int_equal(gen(d, "stats"), t0 + 1);
  assert_int_equal(db_exec(d, "INSERT INTO audit(actor, action, subject) VALUES('cli','view','x')", ""), DB_OK);
  assert_int_equal(gen(d, "stats"), t0 + 1);
  assert_int_equal(gen(d, "search"), s0 + 2);
  db_stmt *st = db_prepare(d, "DELETE FROM theme WHERE name=:n");
  db_bind_text(st, ":n", "Johtaminen");
  assert_int_equal(db_step(st), 0);
  db_done(st);
  assert_int_equal(db_changes(d), 1);
  assert_int_equal(gen(d, "search"), s0 + 3);
  assert_false(db_in_transaction(d)); /* the savepoint around an autocommit write is gone */
  st = db_query(d, "INSERT INTO theme(name) VALUES('Palaute') RETURNING id", ""); /* left after its row */
  assert_int_equal(db_step(st), 1);
  db_done(st);
  assert_int_equal(gen(d, "search"), s0 + 4);
  assert_false(db_in_transaction(d));
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM theme WHERE name='Palaute'", ""), 1);
  /* the same inside a transaction: the write ran, so its counter moves before the commit */
  assert_int_equal(db_begin(d), DB_OK);
  st = db_query(d, "INSERT INTO theme(name) VALUES('Kehitys') RETURNING id", "");
  assert_int_equal(db_step(st), 1);
  db_done(st);
  assert_int_equal(gen(d, "search"), s0 + 5);
  assert_int_equal(db_commit(d), DB_OK);
}

/* A failed write outside a transaction leaves no bump and keeps its own error message; inside a transaction that is
 * rolled back, the bump goes with the rows. */
static void test_failed_and_rolled_back_writes(void **state) {
  db *d = *state;
  long long t0 = gen(d, "stats");
  assert_int_equal(db_exec(d, "INSERT INTO org(name, type, ytunnus) VALUES('A', 'yhtio', '1234567-1')", ""), DB_OK);
  assert_int_equal(gen(d, "stats"), t0 + 1);
  assert_int_equal(db_exec(d, "INSERT INTO org(name, type, ytunnus) VALUES('B', 'yhtio', '1234567-1')", ""),
                   DB_CONSTRAINT);
  assert_non_null(strstr(db_errmsg(d), "org.ytunnus"));
  assert_int_equal(gen(d, "stats"), t0 + 1);
  assert_false(db_in_transaction(d));
  assert_int_equal(db_begin(d), DB_OK);
  assert_int_equal(db_exec(d, "DELETE FROM org", ""), DB_OK);
  assert_int_equal(gen(d, "stats"), t0 + 2);
  assert_int_equal(db_rollback(d), DB_OK);
  assert_int_equal(gen(d, "stats"), t0 + 1);
  assert_int_equal(db_int(d, 0, "SELECT count(*) FROM org", ""), 1);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM sqlite_master WHERE type='trigger'", ""), 0);
}

/* The counters' rule in a caller's transaction (bumpcheck.h). */
static void test_bulk_writes_bump_once_per_span(void **state) {
  bumpcheck_bulk(*state);
}

/* db_data_version: the same while nobody writes; changed on every connection after a commit by any connection, also
 * one made through the WAL's restart after a checkpoint; and for an in-memory database too. */
static void test_data_version_sees_every_commit(void **state) {
  tmpdb t;
  tmpdb_open(&t);
  kerr e = {0};
  db *other = db_open(t.path, 0, search_attach, &e);
  assert_non_null(other);
  long long a = db_data_version(t.d), b = db_data_version(other);
  assert_int_equal(db_data_version(t.d), a);
  assert_int_equal(db_data_version(other), b);
  assert_int_equal(db_script(other, "CREATE TABLE dv(x)"), DB_OK);
  a = db_data_version(t.d), b = db_data_version(other);
  for (int i = 0; i < 3; i++) {
    assert_int_equal(db_exec(other, "INSERT INTO dv VALUES (1)", ""), DB_OK);
    long long a2 = db_data_version(t.d), b2 = db_data_version(other);
    assert_true(a2 != a);
    assert_true(b2 != b);
    a = a2, b = b2;
    assert_int_equal(db_checkpoint_truncate(t.d, &e), K_OK); /* the next commit writes the WAL from its start again */
    a = db_data_version(t.d), b = db_data_version(other);
  }
  db_close(other);
  tmpdb_close(&t);
  db *m = *state;
  long long v = db_data_version(m);
  assert_int_equal(db_data_version(m), v);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_string_agg_is_group_concat, setup, teardown),
      cmocka_unit_test_setup_teardown(test_now_is_the_schema_format, setup, teardown),
      cmocka_unit_test(test_open_needs_search_attached),
      cmocka_unit_test_setup_teardown(test_data_version_sees_every_commit, setup, teardown),
      cmocka_unit_test_setup_teardown(test_writes_bump_their_counters, setup, teardown),
      cmocka_unit_test_setup_teardown(test_failed_and_rolled_back_writes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bulk_writes_bump_once_per_span, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
