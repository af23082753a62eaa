/* db_pg: the PostgreSQL connection behind db.h (db/ only). db.c keeps what both engines share (the statement cache,
 * the change counters, the one-liners) and calls these for the engine's part when a database was opened by a
 * postgresql:// address. Model SQL is written once; pg_translate turns SQLite's spellings into PostgreSQL's. */
#ifndef KEHTO_DB_PG_H
#define KEHTO_DB_PG_H
#include "core/buf.h"
#include "core/util.h"

typedef struct pgdb pgdb;
typedef struct pg_stmt pg_stmt;

/* 1 when path names a PostgreSQL database (postgresql:// or postgres:// address, or "dbname=… host=…" keywords). */
int pg_is_address(const char *path);
/* Connects (libpq reads PGPASSFILE, PGSSLMODE… as usual). NULL with e set on failure. */
pgdb *pg_open(const char *address, kerr *e);
void pg_close(pgdb *p);
/* After migrations: the tables with an identity id are read again at the next prepare (statements prepared before
 * keep what they knew). */
void pg_schema_changed(pgdb *p);

/* Translates sql written for SQLite (":name" and "?N" parameters, COLLATE NOCASE, LIKE, instr, the table user…)
 * into PostgreSQL's spelling in out; names[k] (k from 0) gets the name of parameter $k+1 (NULL for a positional one),
 * up to max names; returns the number of parameters. */
int pg_translate(const char *sql, buf *out, const char **names, int max);

/* Prepares sql (translated) on the server; NULL on error (logged). */
pg_stmt *pg_prepare(pgdb *p, const char *sql);
void pg_stmt_free(pg_stmt *s);
/* Forgets the result and the bound values. */
void pg_reset(pg_stmt *s);
/* The 1-based index of the parameter called name (":name"), or 0. */
int pg_param(pg_stmt *s, const char *name);
/* Binds text v (copied; NULL binds NULL) to parameter i (1-based). */
void pg_bind(pg_stmt *s, int i, const char *v);
/* Binds len bytes at v (copied) to parameter i as a binary value (bytea). */
void pg_bind_blob(pg_stmt *s, int i, const void *v, size_t len);
/* Column i (bytea) as bytes, *len their number; NULL for SQL NULL. Valid until the next read of a blob or step. */
const void *pg_col_blob(pg_stmt *s, int i, size_t *len);
/* 1 while a result is being read (between the first step and the last). */
int pg_busy(pg_stmt *s);
/* 1 when the statement cannot change data (it is not an INSERT, UPDATE or DELETE). */
int pg_readonly(pg_stmt *s);
/* Runs the statement at the first call, then moves to the next row: 1 a row, 0 done, -1 error (kept for pg_errmsg,
 * with *code set to a DB_ code). With guard, a write inside a transaction runs under a savepoint of its own (sent in
 * the same round trip), so that a refused write leaves the transaction usable, as SQLite's statement rollback does;
 * without, a failed write leaves the transaction to be rolled back (for writes that cannot be refused, or when the
 * transaction is the statement's own). */
int pg_step(pg_stmt *s, int guard, int *code);
/* Column i of the current row; NULL for SQL NULL. Booleans read as "1" and "0". */
const char *pg_col(pg_stmt *s, int i);
/* The number of columns of the statement's result, and the name of column i. */
int pg_col_count(pg_stmt *s);
const char *pg_col_name(pg_stmt *s, int i);
/* The SQL text the statement was made from (for log lines). */
const char *pg_sql(pg_stmt *s);

/* Runs a script (several statements, no parameters); DB_OK or a DB_ code, error kept for pg_errmsg. */
int pg_script(pgdb *p, const char *sql);
int pg_in_transaction(pgdb *p);
/* A number that changes at every BEGIN, COMMIT and ROLLBACK (to a savepoint too) run on the connection. */
long long pg_epoch(pgdb *p);
const char *pg_errmsg(pgdb *p);
/* The id the last INSERT into a table with an identity id gave its (last) row; rows of the last write. */
long long pg_last_id(pgdb *p);
int pg_changes(pgdb *p);
/* The data version: a counter every transaction that writes bumps (db.c), read from the database, so a commit made
 * through any server is seen by the next request to every server. (The WAL position would also move for autovacuum
 * and other databases of the cluster, dropping caches for nothing; LISTEN/NOTIFY arrives a moment after the
 * commit, so a request in between could get a stale page.) */
long long pg_data_version(pgdb *p);
/* Moves the identity counter of every table with an identity id past its largest id; DB_OK or a DB_ code. */
int pg_ids_follow(pgdb *p);
/* "PostgreSQL 15.18 (libpq 15.18)" */
const char *pg_engine_version(pgdb *p);

#endif
