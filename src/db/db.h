/* db: a thin layer over SQLite: open with pragmas and migrations, cached prepared statements, binds and one-liners. */
#ifndef KEHTO_DB_H
#define KEHTO_DB_H
#include "core/arena.h"
#include "core/util.h"

typedef struct db db;
/* A prepared statement; opaque outside db/ (and search/'s FTS5 side, through db/db_sqlite.h). */
typedef struct db_stmt db_stmt;

/* Kehto's own result codes, whatever the engine underneath says. */
enum {
  DB_OK = 0,          /* done */
  DB_ERROR = 1,       /* anything else (logged) */
  DB_BUSY = 5,        /* another connection held a lock longer than the busy timeout */
  DB_CONSTRAINT = 19, /* a UNIQUE, CHECK, NOT NULL or foreign key constraint refused the change (not logged) */
};

/* What a connection needs beyond the engine, attached by whoever opens the database: today search_attach
 * (search/search.h: the FTS5 tokenizer and ranking function). Returns K_OK, or K_ERR with e set. A caller that needs
 * more than one writes a function that calls them in turn. */
typedef int (*db_ext_fn)(db *d, kerr *e);

/* Opens (creating if asked) the database at path (a file: SQLite; a postgresql:// address or libpq keywords:
 * PostgreSQL, whose database must exist), turns on WAL and foreign keys, runs ext (may be NULL) and then the
 * pending migrations. The migrations create search's FTS5 tables, so every opener of a Kehto database passes
 * search_attach: db/ itself knows nothing of search. Returns NULL and sets e on failure. Close with db_close. */
db *db_open(const char *path, int create, db_ext_fn ext, kerr *e);

/* Opens a new in-memory SQLite database holding a copy of src's (an SQLite database's) schema and rows, set up as
 * db_open sets one up, with ext run on it: for tests, which open hundreds of fresh databases and would otherwise run
 * every migration for each (most of a fresh database's time). Returns NULL and sets e on failure. */
db *db_open_copy(db *src, db_ext_fn ext, kerr *e);
/* 1 when path is a PostgreSQL address (postgresql://…, postgres://…, or libpq's "dbname=… host=…"), not a file. */
int db_is_address(const char *path);
/* path for messages: a password in a postgresql:// address shown as ***. malloc'd. */
char *db_label(const char *path);
void db_close(db *d);

/* Returns a prepared statement for sql, cached on the connection (sql must be a string literal or outlive d).
 * The statement is reset with its bindings cleared; finish with db_done (never finalize it). */
db_stmt *db_prepare(db *d, const char *sql);
void db_done(db_stmt *st);

/* Bind by name (":name"); a NULL text binds NULL. Binding a name the statement lacks is a bug and asserts. */
void db_bind_text(db_stmt *st, const char *name, const char *v);
void db_bind_int(db_stmt *st, const char *name, long long v);
void db_bind_null(db_stmt *st, const char *name);
/* Binds text (NULL binds NULL) to the positional parameter ?i (1-based), for SQL built at run time. */
void db_bind_at_text(db_stmt *st, int i, const char *v);
/* Binds len bytes at v (copied) as a BLOB (PostgreSQL: bytea, sent as a binary parameter). */
void db_bind_blob(db_stmt *st, const char *name, const void *v, size_t len);
/* Binds p (not copied: it must outlive the statement's steps) for SQL functions that read it with
 * the engine's pointer-passing interface (search/); SQL itself sees NULL. */
void db_bind_pointer(db_stmt *st, const char *name, void *p, const char *type);
/* Returns 1 for a row, 0 when done; on error logs and returns -1 (constraint errors are reported this way too).
 * A write (here or in db_exec) that changes rows of a table a cache watches also bumps that cache's change counter,
 * in the same transaction (a savepoint of its own outside one): see watched[] in db/schema.c. */
int db_step(db_stmt *st);
const char *db_col_text(db_stmt *st, int i); /* never NULL: "" for NULL; valid until the next step */
long long db_col_int(db_stmt *st, int i);
/* Copies column i into arena a (owned by a); NULL for SQL NULL. */
char *db_col_adup(db_stmt *st, int i, arena *a);
double db_col_double(db_stmt *st, int i);
/* Column i as bytes (a BLOB; bytea on PostgreSQL), their number in *len; NULL (and 0) for SQL NULL, a non-NULL
 * pointer for an empty BLOB. Valid until the next step (on PostgreSQL also until the next db_col_blob). */
const void *db_col_blob(db_stmt *st, int i, size_t *len);
int db_col_null(db_stmt *st, int i);
/* The number of columns a statement returns, and the name of column i (valid while the statement is cached). */
int db_col_count(db_stmt *st);
const char *db_col_name(db_stmt *st, int i);

/* One-liners. types names the positional ?1,?2… arguments: 't' text (const char*, NULL ok), 'i' long long,
 * 'f' double, 'n' NULL (no argument). */
int db_exec(db *d, const char *sql, const char *types, ...); /* DB_OK or the error code */
long long db_int(db *d, long long dflt, const char *sql, const char *types, ...);
char *db_text(db *d, const char *sql, const char *types, ...);            /* malloc'd or NULL; caller frees */
char *db_atext(db *d, arena *a, const char *sql, const char *types, ...); /* in arena a, or NULL */
int db_exists(db *d, const char *sql, const char *types, ...);
/* Prepares sql (cached) and binds positional arguments as above; finish with db_done. */
db_stmt *db_query(db *d, const char *sql, const char *types, ...);
/* Runs a script of several statements without parameters (schema). Returns DB_OK or the error. */
int db_script(db *d, const char *sql);

/* A timestamp as the schema stores it: UTC text "YYYY-MM-DDTHH:MM:SSZ" (what SQLite's
 * strftime('%Y-%m-%dT%H:%M:%SZ','now') wrote before). */
typedef struct db_time {
  char s[24];
} db_time;
/* The current time, taken in C and bound as a parameter (":now"), so SQL carries no engine's clock. The text lives
 * in the returned value: db_now().s may be passed straight to a bind or a one-liner. */
db_time db_now(void);

/* Explicit transactions: BEGIN IMMEDIATE / COMMIT / ROLLBACK. Return DB_OK or the error. */
int db_begin(db *d);
/* Declares the transaction just begun all or nothing: after any failed statement the caller rolls it back whole.
 * On PostgreSQL its writes then go without the savepoint each otherwise gets (so that a failed one leaves the
 * transaction usable, as on SQLite): a bulk write (the demo, kehto copy) costs a third of the round trips and no
 * subtransactions. Lasts until the transaction's COMMIT or ROLLBACK. */
void db_all_or_nothing(db *d);
int db_commit(db *d);
int db_rollback(db *d);
/* Savepoints, named by a string literal: inside a transaction a part of it; outside one they begin a transaction that
 * the outermost release commits (and its rollback rolls back), on either engine. Return DB_OK or the error. */
int db_savepoint(db *d, const char *name);
int db_release(db *d, const char *name);
/* Undoes the changes since the savepoint and releases it. */
int db_rollback_to(db *d, const char *name);
/* A read transaction whose statements all see one snapshot of the data (SQLite's BEGIN; PostgreSQL's REPEATABLE
 * READ READ ONLY). End it with db_commit. */
int db_begin_read(db *d);

/* A number that changes whenever a connection (this one, another thread's or another process's) has committed a
 * change since this connection last looked; the same number otherwise. Cheap enough to ask on every request (no lock
 * is taken in WAL mode). For dropping caches built from the data. */
long long db_data_version(db *d);
/* 1 inside an explicit transaction (db_begin, or a BEGIN in a script), 0 in autocommit mode. */
int db_in_transaction(db *d);
/* The engine's name and version, for `kehto version`: "SQLite 3.40.1". */
const char *db_engine_version(void);
/* The engine of an open database and its version: "SQLite 3.40.1", "PostgreSQL 15.18 (libpq 15.18)". */
const char *db_engine(db *d);
/* 1 when d is a PostgreSQL database (opened by a postgresql:// address), 0 for SQLite. For db/ and search/, whose
 * engine-specific parts differ; SQL elsewhere is written once (db_pg.c translates it). */
int db_is_pg(db *d);

const char *db_errmsg(db *d);
long long db_last_id(db *d);
/* Rows changed by the last INSERT, UPDATE or DELETE run through db_step or db_exec. */
int db_changes(db *d);

/* The tables of the schema, each after the tables it references (so rows can be copied in this order and deleted in
 * the reverse), without search's own index (rebuilt from the deeds). *n gets the count. */
const char *const *db_tables(int *n);
/* After rows were inserted with their ids given (kehto copy): PostgreSQL's identity counters are moved past the
 * largest id of each table, so that the next insert does not reuse one. Nothing to do on SQLite. Returns DB_OK or
 * the error. */
int db_ids_follow(db *d);

/* Applies the migrations in schema.c that user_version says are pending. */
int db_migrate(db *d, kerr *e);
/* Latest schema version known to this binary. */
int db_schema_version(void);

/* Per-connection slots for state a module keeps beside the connection (caches built from the data). */
enum { DB_SLOT_SEARCH, DB_SLOT_REPORT, DB_SLOT_MORPH, DB_NSLOTS };
/* Returns what db_set_slot stored in slot which, or NULL. The db keeps ownership. */
void *db_slot(db *d, int which);
/* Stores p in slot which; free_fn (may be NULL) is called on p when the slot is set again or the db closes. */
void db_set_slot(db *d, int which, void *p, void (*free_fn)(void *));

/* Copies every page of the write-ahead log into the database file and truncates the log to zero bytes, so that the
 * old versions of changed rows (an erased person) leave the WAL at once; with secure_delete (db_open) their bytes
 * are zeroed in the database file too. A connection of another process (the server) reading an older snapshot
 * holds the checkpoint back: it waits for it, DB_CHECKPOINT_ATTEMPTS times the busy timeout at most. Must be
 * called outside a transaction. Returns K_OK, or K_ERR with e set when it could not complete (the old copies stay
 * in the WAL until a later checkpoint, at the latest when the last connection closes). */
enum { DB_CHECKPOINT_ATTEMPTS = 6 };
int db_checkpoint_truncate(db *d, kerr *e);

/* Writes a compacted copy of the open database to path (VACUUM INTO: the live rows only, no free pages, so nothing
 * deleted before travels into the backup); readers and writers go on meanwhile. path must not exist, or be an
 * empty file. Returns K_OK or sets e. */
int db_backup(db *d, const char *path, kerr *e);

#endif
