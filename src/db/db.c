/* db: the connection (SQLite, or PostgreSQL through db_pg.c), statement cache, binding helpers, transactions, the
 * change counters and online backup. */
#include "db/db_sqlite.h"

#include <assert.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/buf.h"
#include "db/db_pg.h"
#include "db/schema.h"

/* The WAL index's header (https://sqlite.org/walformat.html): its first copy is 48 bytes, byte 12 is "isInit". */
#define WAL_HDR_SIZE 48
#define WAL_HDR_ISINIT 12
#define SHM_REGION 32768 /* the size of a WAL-index region: what SQLite maps */

typedef struct cached {
  const char *sql;
  db_stmt *st; /* malloc'd, so its address stays when the cache grows */
} cached;

typedef struct slot {
  void *p;
  void (*free_fn)(void *);
} slot;

struct db {
  sqlite3 *h; /* SQLite's connection, or NULL */
  pgdb *pg;   /* PostgreSQL's, or NULL */
  cached *cache;
  int ncache, capcache;
  slot slots[DB_NSLOTS];
  int changes;  /* rows the last write through db_step or db_exec changed (-1: none yet), as a bump hides them */
  char *err;    /* the error of the last watched write, kept across the rollback that follows it; or NULL */
  int sp_depth; /* PostgreSQL: savepoints open in a transaction that db_savepoint began (0: none) */
  long long data_epoch; /* PostgreSQL: pg_epoch when this transaction bumped the data version, or -1 */
  /* Counters a caller's transaction bumped (tx_bumped) and wrote again after (tx_pending), valid while tx_span
   * is the span they were set in: a write bumps a counter once per span, and the span's end bumps again those
   * written since, so that a cache built inside the transaction after the first bump is stale after it. */
  unsigned tx_bumped, tx_pending;
  long long span, tx_span;  /* span: db_script's count of transaction and savepoint boundaries (see tx_boundary) */
  int whole_tx;             /* db_all_or_nothing: the transaction's writes need no savepoints of their own */
  const unsigned char *shm; /* the WAL index, mapped read-only by db_data_version; NULL until then */
  int no_shm;               /* 1: not in WAL mode or not mappable; db_data_version asks SQLite */
};

/* Kehto's result code for SQLite's (extended) code rc. */
static int code(int rc) {
  switch (rc & 0xff) {
  case SQLITE_OK: return DB_OK;
  case SQLITE_BUSY:
  case SQLITE_LOCKED: return DB_BUSY;
  case SQLITE_CONSTRAINT: return DB_CONSTRAINT;
  default: return DB_ERROR;
  }
}

/* string_agg(value, separator): the list aggregate SQL in models uses, spelt as PostgreSQL and SQLite 3.44+ spell it
 * (SQLite's group_concat before that). Skips NULL values; NULL when there are none. */
static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  sqlite3_str **acc = sqlite3_aggregate_context(ctx, sizeof *acc);
  if (!acc) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (!*acc)
    *acc = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  else if (argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL)
    sqlite3_str_appendall(*acc, (const char *)sqlite3_value_text(argv[1]));
  const char *v = (const char *)sqlite3_value_text(argv[0]);
  if (v) sqlite3_str_append(*acc, v, sqlite3_value_bytes(argv[0]));
}

static void agg_final(sqlite3_context *ctx) {
  sqlite3_str **acc = sqlite3_aggregate_context(ctx, 0);
  if (!acc || !*acc) {
    sqlite3_result_null(ctx);
    return;
  }
  int n = sqlite3_str_length(*acc);
  char *s = sqlite3_str_finish(*acc);
  if (!s && n == 0)
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC); /* only empty values: "" as group_concat */
  else if (!s)
    sqlite3_result_error_nomem(ctx);
  else
    sqlite3_result_text(ctx, s, n, sqlite3_free);
}

/* Before SQLite's first use: no memory statistics (kept under a global mutex on every allocation, and never read). */
static void configure_sqlite(void) {
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static int sqlite_open(db *d, const char *path, int create, db_ext_fn ext, kerr *e);

static db *db_new(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, configure_sqlite);
  db *d = calloc(1, sizeof *d);
  if (!d) abort();
  d->changes = -1;
  d->data_epoch = -1;
  d->tx_span = -1;
  return d;
}

db *db_open(const char *path, int create, db_ext_fn ext, kerr *e) {
  db *d = db_new();
  if (pg_is_address(path)) {
    d->pg = pg_open(path, e);
    /* the extension after the migrations: PostgreSQL has no FTS5 for it to register with, and search may need to
     * rebuild its terms once a migration has asked for it (schema_pg.c step 14) */
    if (!d->pg || db_migrate(d, e) != K_OK || (ext && ext(d, e) != K_OK)) {
      db_close(d);
      return NULL;
    }
    pg_schema_changed(d->pg);
    return d;
  }
  if (sqlite_open(d, path, create, ext, e) != K_OK || db_migrate(d, e) != K_OK) {
    db_close(d);
    return NULL;
  }
  return d;
}

db *db_open_copy(db *src, db_ext_fn ext, kerr *e) {
  if (!src->h) {
    kerr_set(e, NULL, "db_open_copy: the source is not an SQLite database");
    return NULL;
  }
  db *d = db_new();
  if (sqlite_open(d, ":memory:", 1, ext, e) != K_OK) {
    db_close(d);
    return NULL;
  }
  sqlite3_backup *b = sqlite3_backup_init(d->h, "main", src->h, "main");
  int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
  if (b) sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    kerr_set(e, NULL, "cannot copy the database: %r", sqlite3_errmsg(d->h));
    db_close(d);
    return NULL;
  }
  return d;
}

/* Opens the SQLite database at path into d and sets it up (WAL, foreign keys, the functions SQLite may lack), then
 * runs ext; the caller migrates. */
static int sqlite_open(db *d, const char *path, int create, db_ext_fn ext, kerr *e) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path, &d->h, flags, NULL);
  if (rc != SQLITE_OK) {
    kerr_set(e, NULL, "cannot open database %r: %r", path, d->h ? sqlite3_errmsg(d->h) : sqlite3_errstr(rc));
    return K_ERR;
  }
  sqlite3_busy_timeout(d->h, 5000);
  sqlite3_extended_result_codes(d->h, 1);
  /* secure_delete: deleted and overwritten content is zeroed in its page (and freed pages are zeroed), so an erased
   * person's bytes do not linger in free space; db_checkpoint_truncate then drops the old copies in the WAL. */
  if (db_script(d, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
                   "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000; PRAGMA secure_delete=ON;") != DB_OK) {
    kerr_set(e, NULL, "cannot set up database %r: %r", path, sqlite3_errmsg(d->h));
    return K_ERR;
  }
  if (sqlite3_libversion_number() < 3044000 &&
      sqlite3_create_function_v2(d->h, "string_agg", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, NULL, agg_step,
                                 agg_final, NULL) != SQLITE_OK) {
    kerr_set(e, NULL, "cannot set up database %r: %r", path, sqlite3_errmsg(d->h));
    return K_ERR;
  }
  return ext ? ext(d, e) : K_OK;
}

int db_is_address(const char *path) {
  return pg_is_address(path);
}

char *db_label(const char *path) {
  if (!pg_is_address(path)) return util_strdup(path);
  buf b = BUF_INIT;
  const char *at = strchr(path, '@'), *scheme = strstr(path, "://");
  const char *colon = scheme && at ? memchr(scheme + 3, ':', (size_t)(at - scheme - 3)) : NULL;
  const char *kw = scheme ? NULL : strstr(path, "password=");
  if (colon) { /* postgresql://user:secret@host/db */
    buf_append(&b, path, (size_t)(colon - path));
    buf_printf(&b, ":***%r", at);
  } else if (kw) { /* dbname=… password=secret host=… */
    buf_append(&b, path, (size_t)(kw - path) + 9);
    buf_puts(&b, "***");
    buf_puts(&b, kw + 9 + strcspn(kw + 9, " "));
  } else {
    buf_puts(&b, path);
  }
  return buf_detach(&b);
}

void db_close(db *d) {
  if (!d) return;
  for (int i = 0; i < DB_NSLOTS; i++) db_set_slot(d, i, NULL, NULL);
  for (int i = 0; i < d->ncache; i++) {
    if (d->cache[i].st->st) sqlite3_finalize(d->cache[i].st->st);
    pg_stmt_free(d->cache[i].st->ps);
    free(d->cache[i].st);
  }
  free(d->cache);
  free(d->err);
  if (d->h) sqlite3_close_v2(d->h);
  pg_close(d->pg);
  free(d);
}

void *db_slot(db *d, int which) {
  assert(which >= 0 && which < DB_NSLOTS);
  return d->slots[which].p;
}

void db_set_slot(db *d, int which, void *p, void (*free_fn)(void *)) {
  assert(which >= 0 && which < DB_NSLOTS);
  slot *s = &d->slots[which];
  if (s->p && s->free_fn) s->free_fn(s->p);
  *s = (slot){p, free_fn};
}

sqlite3 *db_handle(db *d) {
  return d->h;
}

/* Forgets the error the last watched write kept for db_errmsg: a new statement begins. */
static void fresh(db *d) {
  free(d->err);
  d->err = NULL;
}

/* Moves *p past white space and the word there; returns the word's start and sets *n to its length. */
static const char *next_word(const char **p, size_t *n) {
  const char *w = *p + strspn(*p, " \t\n");
  *n = strcspn(w, " \t\n(;");
  *p = w + *n;
  return w;
}

static int is_word(const char *w, size_t n, const char *want) {
  return strlen(want) == n && strncasecmp(w, want, n) == 0;
}

/* The change counters a write by sql bumps: those of the table after INSERT [OR …] INTO, REPLACE INTO,
 * UPDATE [OR …] or DELETE FROM (schema.c's watched[]). */
static unsigned sql_counters(const char *sql) {
  const char *p = sql;
  size_t n;
  const char *w = next_word(&p, &n);
  int insert = is_word(w, n, "INSERT") || is_word(w, n, "REPLACE"), del = is_word(w, n, "DELETE");
  if (!insert && !del && !is_word(w, n, "UPDATE")) return 0;
  w = next_word(&p, &n);
  if (is_word(w, n, "OR")) next_word(&p, &n), w = next_word(&p, &n); /* OR IGNORE, OR REPLACE, … */
  if ((insert && is_word(w, n, "INTO")) || (del && is_word(w, n, "FROM"))) w = next_word(&p, &n);
  return db_schema_watchers(w, n);
}

/* ---- the engine's part of a statement: SQLite's result codes stand for both ---- */

static int st_busy(db_stmt *s) {
  return s->ps ? pg_busy(s->ps) : sqlite3_stmt_busy(s->st);
}

static int st_readonly(db_stmt *s) {
  return s->ps ? pg_readonly(s->ps) : sqlite3_stmt_readonly(s->st);
}

static void st_reset(db_stmt *s) {
  if (s->ps) {
    pg_reset(s->ps);
  } else {
    sqlite3_reset(s->st);
    sqlite3_clear_bindings(s->st);
  }
}

/* Back to before the first step; SQLite keeps the bound values (the next db_prepare clears them). */
static void st_rewind(db_stmt *s) {
  if (s->ps)
    pg_reset(s->ps);
  else
    sqlite3_reset(s->st);
}

static const char *st_sql(db_stmt *s) {
  return s->ps ? pg_sql(s->ps) : sqlite3_sql(s->st);
}

/* SQLite's code for a DB_ code (PostgreSQL's failures). */
static int sqlite_code(int code) {
  return code == DB_CONSTRAINT ? SQLITE_CONSTRAINT : code == DB_BUSY ? SQLITE_BUSY : SQLITE_ERROR;
}

/* One step: SQLITE_ROW, SQLITE_DONE or an error code. On PostgreSQL a write in a transaction of the caller's gets a
 * savepoint (pg_step); not a counter bump (it cannot be refused) nor a write in a transaction of its own
 * (write_start), which is rolled back whole on failure. */
static int raw_step(db_stmt *s) {
  if (!s->ps) return sqlite3_step(s->st);
  int code, rc = pg_step(s->ps, !s->own_tx && !s->bump && !s->d->whole_tx, &code);
  return rc == 1 ? SQLITE_ROW : rc == 0 ? SQLITE_DONE : sqlite_code(code);
}

static const char *raw_errmsg(db *d) {
  return d->pg ? pg_errmsg(d->pg) : sqlite3_errmsg(d->h);
}

/* A command without parameters or rows (savepoints, transactions): SQLITE_OK or an error code. */
static int raw_exec(db *d, const char *sql) {
  if (d->pg) {
    int rc = pg_script(d->pg, sql);
    return rc == DB_OK ? SQLITE_OK : sqlite_code(rc);
  }
  return sqlite3_exec(d->h, sql, NULL, NULL, NULL);
}

static int raw_in_transaction(db *d) {
  return d->pg ? pg_in_transaction(d->pg) : !sqlite3_get_autocommit(d->h);
}

db_stmt *db_prepare(db *d, const char *sql) {
  fresh(d);
  for (int i = 0; i < d->ncache; i++) {
    if (d->cache[i].sql == sql) {
      db_stmt *s = d->cache[i].st;
      assert(!st_busy(s) && !s->own_tx && "statement reused while still running");
      /* the cache is keyed by the text's address: SQL text must live as long as the connection (a literal, or kept
       * in an arena as kehto copy does), or a text freed and made again at that address finds the wrong statement */
      assert((d->pg || strcmp(sqlite3_sql(s->st), sql) == 0) && "SQL text freed while its statement is cached");
      st_reset(s);
      return s;
    }
  }
  db_stmt *s = calloc(1, sizeof *s);
  if (!s) abort();
  s->d = d;
  if (d->pg) {
    s->ps = pg_prepare(d->pg, sql);
    if (!s->ps) {
      free(s);
      assert(!"SQL does not prepare");
      return NULL;
    }
  } else {
    int rc = sqlite3_prepare_v3(d->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st, NULL);
    if (rc != SQLITE_OK) {
      log_error("SQL prepare failed: %r in: %r", sqlite3_errmsg(d->h), sql);
      free(s);
      assert(!"SQL does not prepare");
      return NULL;
    }
  }
  s->counters = st_readonly(s) ? 0 : sql_counters(sql) | (d->pg ? DB_COUNTER_DATA : 0);
  if (d->ncache == d->capcache) {
    d->capcache = d->capcache ? d->capcache * 2 : 64;
    d->cache = realloc(d->cache, sizeof *d->cache * (size_t)d->capcache);
    if (!d->cache) abort();
  }
  d->cache[d->ncache++] = (cached){sql, s};
  return s;
}

/* Before a step: a write to a watched table outside a transaction gets a savepoint (SQLite) or a transaction
 * (PostgreSQL) of its own, so that the write and its counter bump commit together (as the triggers they replace did).
 */
static void write_start(db_stmt *s) {
  if (!s->counters || s->own_tx || st_busy(s) || raw_in_transaction(s->d)) return;
  s->own_tx = raw_exec(s->d, s->d->pg ? "BEGIN" : "SAVEPOINT db_write") == SQLITE_OK;
}

/* Keeps the connection's last error for db_errmsg (a rollback that follows would overwrite it). */
static void keep_error(db *d) {
  free(d->err);
  d->err = util_strdup(raw_errmsg(d));
}

/* The span a write in the caller's transaction is in: it changes at every transaction or savepoint boundary
 * (db_script) and, on PostgreSQL, whenever the connection's transaction changed (pg_epoch). */
static long long span_now(db *d) {
  return d->span * 4096 + (d->pg ? pg_epoch(d->pg) % 4096 : 0);
}

/* Bumps the change counters in bits; in_tx: the write is in the caller's transaction, where a counter is bumped
 * once per span (the rest wait for the span's end, flush_pending). Returns SQLITE_DONE, or SQLITE_ERROR with the
 * error kept for db_errmsg. */
static int bump(db *d, unsigned bits, int in_tx) {
  int rc = SQLITE_DONE;
  if (in_tx) {
    if (d->tx_span != span_now(d)) d->tx_span = span_now(d), d->tx_bumped = d->tx_pending = 0;
    d->tx_pending |= bits & d->tx_bumped;
    bits &= ~d->tx_bumped;
    d->tx_bumped |= bits;
  }
  for (unsigned bit = 1; rc == SQLITE_DONE && bit && bit <= bits; bit <<= 1) {
    if (!(bits & bit)) continue;
    /* the data version once per transaction: a later bump in it would tell no other server anything new */
    if (bit == DB_COUNTER_DATA && d->data_epoch == pg_epoch(d->pg)) continue;
    db_stmt *st = db_prepare(d, db_schema_counter_sql(bit));
    st->bump = 1;
    if (raw_step(st) != SQLITE_DONE) {
      rc = SQLITE_ERROR;
      keep_error(d);
    } else if (bit == DB_COUNTER_DATA) {
      d->data_epoch = pg_epoch(d->pg);
    }
    st_reset(st);
  }
  return rc;
}

/* After the last step of a statement (rc is SQLite's code of that step). Keeps a write's row count for db_changes.
 * For a write to a watched table: bumps the table's counters when rows changed, keeps an error for db_errmsg and
 * ends the savepoint of write_start (rolled back on error). Returns rc, or SQLITE_ERROR when a bump or the release
 * failed. */
static int write_finish(db_stmt *s, int rc) {
  db *d = s->d;
  if (!st_readonly(s)) d->changes = d->pg ? pg_changes(d->pg) : sqlite3_changes(d->h); /* before a bump changes it */
  if (!s->counters) return rc;
  if (rc != SQLITE_DONE) keep_error(d);
  if (rc == SQLITE_DONE && d->changes > 0) rc = bump(d, s->counters, !s->own_tx);
  if (s->own_tx) {
    s->own_tx = 0;
    if (rc == SQLITE_DONE && raw_exec(d, d->pg ? "COMMIT" : "RELEASE db_write") != SQLITE_OK) {
      rc = SQLITE_ERROR;
      keep_error(d);
    }
    if (rc != SQLITE_DONE) raw_exec(d, d->pg ? "ROLLBACK" : "ROLLBACK TO db_write; RELEASE db_write");
  }
  return rc;
}

void db_done(db_stmt *s) {
  if (!s) return;
  int ran = s->counters && st_busy(s);
  st_rewind(s);
  /* a write left before its last step (it returned rows, INSERT … RETURNING): it ran, so count it as done */
  if (s->own_tx || ran) write_finish(s, SQLITE_DONE);
}

/* The 1-based index of parameter name; a name the statement lacks is a bug. */
static int param(db_stmt *s, const char *name) {
  int i = s->ps ? pg_param(s->ps, name) : sqlite3_bind_parameter_index(s->st, name);
  assert(i > 0 && "no such SQL parameter");
  return i;
}

void db_bind_at_text(db_stmt *s, int i, const char *v) {
  if (s->ps)
    pg_bind(s->ps, i, v);
  else if (v)
    sqlite3_bind_text(s->st, i, v, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null(s->st, i);
}

static void bind_at_int(db_stmt *s, int i, long long v) {
  if (s->ps) {
    char t[24];
    snprintf(t, sizeof t, "%lld", v);
    pg_bind(s->ps, i, t);
  } else {
    sqlite3_bind_int64(s->st, i, v);
  }
}

static void bind_at_double(db_stmt *s, int i, double v) {
  if (s->ps) {
    char t[40];
    snprintf(t, sizeof t, "%.17g", v);
    pg_bind(s->ps, i, t);
  } else {
    sqlite3_bind_double(s->st, i, v);
  }
}

void db_bind_text(db_stmt *s, const char *name, const char *v) {
  db_bind_at_text(s, param(s, name), v);
}

void db_bind_int(db_stmt *s, const char *name, long long v) {
  bind_at_int(s, param(s, name), v);
}

void db_bind_null(db_stmt *s, const char *name) {
  db_bind_at_text(s, param(s, name), NULL);
}

void db_bind_blob(db_stmt *s, const char *name, const void *v, size_t len) {
  int i = param(s, name);
  if (s->ps)
    pg_bind_blob(s->ps, i, v, len);
  else
    sqlite3_bind_blob64(s->st, i, len ? v : "", (sqlite3_uint64)len, SQLITE_TRANSIENT);
}

const void *db_col_blob(db_stmt *s, int i, size_t *len) {
  if (s->ps) return pg_col_blob(s->ps, i, len);
  const void *v = sqlite3_column_blob(s->st, i);
  *len = (size_t)sqlite3_column_bytes(s->st, i);
  return v ? v : sqlite3_column_type(s->st, i) == SQLITE_NULL ? NULL : "";
}

void db_bind_pointer(db_stmt *s, const char *name, void *p, const char *type) {
  assert(s->st && "pointer parameters are SQLite's");
  sqlite3_bind_pointer(s->st, param(s, name), p, type, NULL);
}

int db_step(db_stmt *s) {
  if (!st_busy(s)) fresh(s->d);
  write_start(s);
  int rc = raw_step(s);
  if (rc == SQLITE_ROW) return 1;
  rc = write_finish(s, rc);
  if (rc == SQLITE_DONE) return 0;
  if ((rc & 0xff) != SQLITE_CONSTRAINT) log_error("SQL step failed: %r in: %r", db_errmsg(s->d), st_sql(s));
  return -1;
}

const char *db_col_text(db_stmt *s, int i) {
  const char *t = s->ps ? pg_col(s->ps, i) : (const char *)sqlite3_column_text(s->st, i);
  return t ? t : "";
}

char *db_col_adup(db_stmt *s, int i, arena *a) {
  return db_col_null(s, i) ? NULL : arena_strdup(a, db_col_text(s, i));
}

long long db_col_int(db_stmt *s, int i) {
  if (!s->ps) return sqlite3_column_int64(s->st, i);
  const char *t = pg_col(s->ps, i);
  return t ? strtoll(t, NULL, 10) : 0;
}

double db_col_double(db_stmt *s, int i) {
  if (!s->ps) return sqlite3_column_double(s->st, i);
  const char *t = pg_col(s->ps, i);
  return t ? strtod(t, NULL) : 0;
}

int db_col_null(db_stmt *s, int i) {
  return s->ps ? pg_col(s->ps, i) == NULL : sqlite3_column_type(s->st, i) == SQLITE_NULL;
}

int db_col_count(db_stmt *s) {
  return s->ps ? pg_col_count(s->ps) : sqlite3_column_count(s->st);
}

const char *db_col_name(db_stmt *s, int i) {
  return s->ps ? pg_col_name(s->ps, i) : sqlite3_column_name(s->st, i);
}

int db_ids_follow(db *d) {
  return d->pg ? pg_ids_follow(d->pg) : DB_OK;
}

static void vbind(db_stmt *st, const char *types, va_list ap) {
  for (int i = 0; types && types[i]; i++) {
    switch (types[i]) {
    case 't': db_bind_at_text(st, i + 1, va_arg(ap, const char *)); break;
    case 'i': bind_at_int(st, i + 1, va_arg(ap, long long)); break;
    case 'f': bind_at_double(st, i + 1, va_arg(ap, double)); break;
    case 'n': db_bind_at_text(st, i + 1, NULL); break;
    default: assert(!"db: unknown bind type");
    }
  }
}

/* Prepares (cached) and binds the positional arguments. */
static db_stmt *vquery(db *d, const char *sql, const char *types, va_list ap) {
  db_stmt *st = db_prepare(d, sql);
  vbind(st, types, ap);
  return st;
}

db_stmt *db_query(db *d, const char *sql, const char *types, ...) {
  va_list ap;
  va_start(ap, types);
  db_stmt *st = vquery(d, sql, types, ap);
  va_end(ap);
  return st;
}

int db_exec(db *d, const char *sql, const char *types, ...) {
  va_list ap;
  va_start(ap, types);
  db_stmt *s = vquery(d, sql, types, ap);
  va_end(ap);
  write_start(s);
  int rc;
  while ((rc = raw_step(s)) == SQLITE_ROW) {
  }
  rc = write_finish(s, rc);
  if (rc != SQLITE_DONE && (rc & 0xff) != SQLITE_CONSTRAINT) log_error("SQL failed: %r in: %r", db_errmsg(d), sql);
  st_rewind(s);
  return rc == SQLITE_DONE ? DB_OK : code(rc);
}

long long db_int(db *d, long long dflt, const char *sql, const char *types, ...) {
  va_list ap;
  va_start(ap, types);
  db_stmt *st = vquery(d, sql, types, ap);
  va_end(ap);
  long long v = dflt;
  if (db_step(st) == 1 && !db_col_null(st, 0)) v = db_col_int(st, 0);
  db_done(st);
  return v;
}

/* The first column of the first row, copied into a (malloc'd when a is NULL), or NULL. */
static char *vtext(db *d, arena *a, const char *sql, const char *types, va_list ap) {
  db_stmt *st = vquery(d, sql, types, ap);
  char *v = NULL;
  if (db_step(st) == 1 && !db_col_null(st, 0)) v = a ? db_col_adup(st, 0, a) : util_strdup(db_col_text(st, 0));
  db_done(st);
  return v;
}

char *db_text(db *d, const char *sql, const char *types, ...) {
  va_list ap;
  va_start(ap, types);
  char *v = vtext(d, NULL, sql, types, ap);
  va_end(ap);
  return v;
}

char *db_atext(db *d, arena *a, const char *sql, const char *types, ...) {
  va_list ap;
  va_start(ap, types);
  char *v = vtext(d, a, sql, types, ap);
  va_end(ap);
  return v;
}

int db_exists(db *d, const char *sql, const char *types, ...) {
  va_list ap;
  va_start(ap, types);
  db_stmt *st = vquery(d, sql, types, ap);
  va_end(ap);
  int found = db_step(st) == 1;
  db_done(st);
  return found;
}

/* What sql does to transactions: 0 nothing, 1 begins one or a savepoint, 2 keeps what was written (COMMIT, END,
 * RELEASE), 3 undoes it (ROLLBACK, ROLLBACK TO). */
static int tx_boundary(const char *sql) {
  static const struct {
    const char *word;
    int kind;
  } words[] = {{"BEGIN", 1}, {"SAVEPOINT", 1}, {"COMMIT", 2}, {"END", 2}, {"RELEASE", 2}, {"ROLLBACK", 3}};
  sql += strspn(sql, " \t\n");
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (!strncasecmp(sql, words[i].word, strlen(words[i].word))) return words[i].kind;
  return 0;
}

/* Before a transaction or savepoint boundary: the counters written again since their bump in this span are bumped
 * once more (an extra bump is harmless; a missing one would leave a cache stale). */
static int flush_pending(db *d) {
  unsigned bits = d->tx_span == span_now(d) ? d->tx_pending : 0;
  d->tx_pending = 0;
  if (!bits || !raw_in_transaction(d)) return DB_OK;
  return bump(d, bits, 0) == SQLITE_DONE ? DB_OK : DB_ERROR;
}

int db_script(db *d, const char *sql) {
  fresh(d);
  int boundary = tx_boundary(sql);
  if (boundary) {
    /* what a rollback undoes needs no bump; a commit whose bump failed is rolled back instead */
    if (boundary == 3) d->tx_pending = 0;
    if (flush_pending(d) != DB_OK) {
      if (!strncasecmp(sql + strspn(sql, " \t\n"), "RELEASE", 7)) return DB_ERROR;
      db_script(d, "ROLLBACK");
      return DB_ERROR;
    }
    d->span++;
    /* the end of the transaction (not of a savepoint in it) */
    const char *w = sql + strspn(sql, " \t\n");
    if (!strncasecmp(w, "COMMIT", 6) || !strncasecmp(w, "END", 3) ||
        (!strncasecmp(w, "ROLLBACK", 8) && strncasecmp(w + 8 + strspn(w + 8, " \t\n"), "TO", 2)))
      d->whole_tx = 0;
  }
  if (d->pg) return pg_script(d->pg, sql);
  char *err = NULL;
  int rc = sqlite3_exec(d->h, sql, NULL, NULL, &err);
  if (rc != SQLITE_OK) log_error("SQL script failed: %r", err ? err : sqlite3_errstr(rc));
  sqlite3_free(err);
  return code(rc);
}

db_time db_now(void) {
  db_time t;
  util_now_iso(t.s, sizeof t.s);
  return t;
}

int db_begin(db *d) {
  return db_script(d, d->pg ? "BEGIN" : "BEGIN IMMEDIATE");
}

void db_all_or_nothing(db *d) {
  assert(raw_in_transaction(d));
  d->whole_tx = 1;
}

int db_savepoint(db *d, const char *name) {
  if (d->pg && (d->sp_depth || !raw_in_transaction(d))) { /* PostgreSQL has no SAVEPOINT outside a transaction */
    if (!d->sp_depth && db_script(d, "BEGIN") != DB_OK) return DB_ERROR;
    d->sp_depth++;
  }
  char *sql = buf_mprintf("SAVEPOINT %r", name);
  int rc = db_script(d, sql);
  free(sql);
  return rc;
}

/* After a savepoint's release or rollback: the transaction db_savepoint began ends with its outermost savepoint. */
static int savepoint_closed(db *d, int rc) {
  if (!d->sp_depth || --d->sp_depth) return rc;
  if (rc == DB_OK) return db_script(d, "COMMIT");
  db_script(d, "ROLLBACK");
  return rc;
}

int db_release(db *d, const char *name) {
  char *sql = buf_mprintf("RELEASE %r", name);
  int rc = db_script(d, sql);
  free(sql);
  return savepoint_closed(d, rc);
}

int db_rollback_to(db *d, const char *name) {
  char *sql = buf_mprintf("ROLLBACK TO %r; RELEASE %r", name, name);
  int rc = db_script(d, sql);
  free(sql);
  savepoint_closed(d, DB_OK);
  return rc;
}

int db_begin_read(db *d) {
  return db_script(d, d->pg ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
}

int db_commit(db *d) {
  return db_script(d, "COMMIT");
}

int db_rollback(db *d) {
  if (!raw_in_transaction(d)) return DB_OK;
  return db_script(d, "ROLLBACK");
}

/* The WAL index of a database in WAL mode (https://sqlite.org/walformat.html): SQLite's own mapping of the file
 * "<database>-shm", asked of the connection's file (xShmMap), valid while the connection is open. Not a mapping
 * through a descriptor of our own: closing any descriptor of the file drops every POSIX lock the process holds on
 * it, SQLite's too, and another process that then finds the file unused truncates it (this server then died of
 * SIGBUS reading its mapping, in the crash test). NULL when the database is not in WAL mode or the index cannot be
 * had. */
static const unsigned char *wal_index(db *d) {
  if (d->shm || d->no_shm) return d->shm;
  d->no_shm = 1;
  char *mode = db_text(d, "PRAGMA journal_mode", "");
  int wal = mode && strcmp(mode, "wal") == 0;
  free(mode);
  sqlite3_file *f = NULL;
  if (!wal || sqlite3_file_control(d->h, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f || !f->pMethods ||
      f->pMethods->iVersion < 2 || !f->pMethods->xShmMap)
    return NULL;
  volatile void *p = NULL;
  if (f->pMethods->xShmMap(f, 0, SHM_REGION, 0, &p) != SQLITE_OK || !p) return NULL;
  d->shm = (const unsigned char *)p;
  d->no_shm = 0;
  return d->shm;
}

long long db_data_version(db *d) {
  if (d->pg) return pg_data_version(d->pg);
  /* Every commit writes a new WAL-index header (its change counter, frame count or salts differ), and readers take
   * it from shared memory without a lock; a read caught halfway through a write only differs once more. Asking
   * SQLite (PRAGMA data_version) starts a read transaction, file locks and all, which cost a third of a cached
   * page's time. */
  const unsigned char *h = wal_index(d);
  if (h && h[WAL_HDR_ISINIT]) {
    unsigned char copy[WAL_HDR_SIZE];
    memcpy(copy, h, sizeof copy);
    uint64_t v = 1469598103934665603ULL;
    for (size_t i = 0; i < sizeof copy; i++) v = (v ^ copy[i]) * 1099511628211ULL;
    return (long long)(v >> 1);
  }
  return db_int(d, 0, "PRAGMA data_version", "");
}

int db_in_transaction(db *d) {
  return raw_in_transaction(d);
}

const char *db_engine_version(void) {
  static char v[32];
  if (!v[0]) snprintf(v, sizeof v, "SQLite %s", sqlite3_libversion());
  return v;
}

const char *db_engine(db *d) {
  return d->pg ? pg_engine_version(d->pg) : db_engine_version();
}

int db_is_pg(db *d) {
  return d->pg != NULL;
}

const char *db_errmsg(db *d) {
  return d->err ? d->err : raw_errmsg(d);
}

long long db_last_id(db *d) {
  return d->pg ? pg_last_id(d->pg) : sqlite3_last_insert_rowid(d->h);
}

int db_changes(db *d) {
  if (d->changes >= 0) return d->changes;
  return d->pg ? pg_changes(d->pg) : sqlite3_changes(d->h);
}

int db_checkpoint_truncate(db *d, kerr *e) {
  if (d->pg) return K_OK; /* PostgreSQL recycles its WAL itself: docs/privacy.md */
  int rc = SQLITE_BUSY;
  /* each attempt waits for readers and writers through the busy handler (db_open: 5 s) */
  for (int attempt = 0; attempt < DB_CHECKPOINT_ATTEMPTS; attempt++) {
    rc = sqlite3_wal_checkpoint_v2(d->h, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(200);
  }
  if (rc == SQLITE_OK) return K_OK;
  return kerr_set(e, NULL, "the write-ahead log could not be emptied (%r)%r", sqlite3_errstr(rc),
                  rc == SQLITE_BUSY ? ": another connection kept reading or writing" : "");
}

int db_backup(db *d, const char *path, kerr *e) {
  if (d->pg) return kerr_set(e, NULL, "a PostgreSQL database is backed up with pg_dump (docs/deployment.md)");
  /* VACUUM INTO writes only the live rows into fresh pages: no free pages, no deleted bytes in a page's free space */
  int rc = db_exec(d, "VACUUM INTO ?1", "t", path);
  if (rc != DB_OK) return kerr_set(e, NULL, "backup to %r failed: %r", path, db_errmsg(d));
  return K_OK;
}
