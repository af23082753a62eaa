/* Unit tests for db/db_pg.c's translation of the SQL models write (SQLite's spelling) into PostgreSQL's. No server
 * is needed: the end-to-end tests on PostgreSQL (tests/pg) run the translated SQL for real. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <stdlib.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/db_pg.h"

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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_parameters),
      cmocka_unit_test(test_names),
      cmocka_unit_test(test_dialect),
      cmocka_unit_test(test_label),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
