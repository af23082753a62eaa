/* db_pg: PostgreSQL through libpq, behind db.h: connection, prepared statements, the SQL dialect's translation. */
#include "db/db_pg.h"

#include <assert.h>
#include <ctype.h>
#include <limits.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db/db.h"

struct pgdb {
  PGconn *c;
  int nstmt;         /* statements prepared so far (their names: k1, k2, …) */
  char *err;         /* the last error, or NULL */
  long long last_id; /* the id of the last row an INSERT … RETURNING id (added by pg_prepare) gave back */
  int changes;       /* rows the last write changed */
  char **idtables;   /* tables whose id is an identity column: an INSERT into them returns its id */
  int nidtables;
  struct dv_group *dv; /* the process's connections to this address share their data version reads */
  int gen;             /* connections made: 1 at open, one more for each reconnect */
  long long epoch;     /* counts transaction boundaries: BEGIN, COMMIT, ROLLBACK (also to a savepoint) */
  int open_tx;         /* a BEGIN succeeded and no COMMIT or ROLLBACK has been sent since: work that a lost
                        * connection took with it, so no statement may be tried again on a new one */
  char version[64];
};

struct pg_stmt {
  pgdb *p;
  char name[16];
  char *sql; /* as written (for logs) */
  int nparam;
  const char **names;  /* [nparam]: ":name" pointing into sql, or NULL for a positional parameter */
  char **values;       /* [nparam]: malloc'd, NULL for SQL NULL */
  int *lengths;        /* [nparam]: bytes of a binary value */
  int *formats;        /* [nparam]: 1 for a binary value (bytea), 0 for text */
  unsigned char *blob; /* the last column read as bytes (PQunescapeBytea), freed at the next read */
  PGresult *desc;      /* the result's columns */
  char *text;          /* the translated SQL, and its parameters' types: to prepare it again after a reconnect */
  Oid *types;
  int gen;        /* the connection's gen it was prepared on */
  int write;      /* INSERT, UPDATE or DELETE */
  int returns_id; /* pg_prepare added RETURNING id: the rows are read here, not by the caller */
  PGresult *res;
  int row, nrows;
};

int pg_is_address(const char *path) {
  return path && (strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0 ||
                  strncmp(path, "dbname=", 7) == 0 || strncmp(path, "host=", 5) == 0);
}

static void set_err(pgdb *p, const char *msg) {
  free(p->err);
  p->err = util_strdup(msg ? msg : "unknown error");
  size_t n = strlen(p->err);
  while (n && (p->err[n - 1] == '\n' || p->err[n - 1] == ' ')) p->err[--n] = 0;
}

/* Keeps the error of a failed result. A unique violation reads as SQLite writes it ("UNIQUE constraint failed:
 * org.ytunnus", from the table and the key in PostgreSQL's detail), so that a model can name the field either way. */
static void keep_result_error(pgdb *p, const PGresult *r) {
  const char *st = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
  const char *table = r ? PQresultErrorField(r, PG_DIAG_TABLE_NAME) : NULL;
  const char *detail = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) : NULL;
  if (!st || strcmp(st, "23505") || !table || !detail || strncmp(detail, "Key (", 5)) {
    set_err(p, r ? PQresultErrorMessage(r) : PQerrorMessage(p->c));
    return;
  }
  buf b = BUF_INIT;
  buf_puts(&b, "UNIQUE constraint failed: ");
  const char *c = detail + 5, *end = strstr(c, ")=");
  while (c && end && c < end) {
    size_t n = strcspn(c, ",)");
    buf_printf(&b, "%r.", table);
    buf_append(&b, c, n);
    c += n;
    if (*c == ',') {
      buf_puts(&b, ", ");
      c += 1 + strspn(c + 1, " ");
    } else {
      break;
    }
  }
  set_err(p, b.data);
  buf_free(&b);
}

/* Kehto's code for a failed result: constraint (class 23), busy (serialization, deadlock, lock not available). */
static int code_of(const PGresult *r) {
  const char *st = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
  if (!st) return DB_ERROR;
  if (strncmp(st, "23", 2) == 0) return DB_CONSTRAINT;
  if (!strcmp(st, "40001") || !strcmp(st, "40P01") || !strcmp(st, "55P03")) return DB_BUSY;
  return DB_ERROR;
}

static int reconnect(pgdb *p);

/* 1 when a statement that failed may be sent again on a new connection: nothing was open on the old one (libpq
 * still saw it idle when the statement was sent, and no transaction of ours was open) and the connection is gone. */
static int may_retry(pgdb *p, PGTransactionStatusType before) {
  return before == PQTRANS_IDLE && !p->open_tx && reconnect(p);
}

/* Before a statement: a connection already known to be lost is made again unless a transaction of ours was open on
 * it (then the statement fails, and so the transaction, as it must). */
static void revive(pgdb *p) {
  if (PQstatus(p->c) == CONNECTION_BAD && !p->open_tx) reconnect(p);
}

/* Runs one command without parameters once; DB_OK or a DB_ code. */
static int run_once(pgdb *p, const char *sql) {
  PGresult *r = PQexec(p->c, sql);
  ExecStatusType t = PQresultStatus(r);
  int rc = DB_OK;
  if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
    set_err(p, r ? PQresultErrorMessage(r) : PQerrorMessage(p->c));
    rc = code_of(r);
  }
  PQclear(r);
  return rc;
}

/* Runs one command without parameters; DB_OK or a DB_ code. A BEGIN (or anything outside a transaction) that
 * finds the connection lost (the server restarted, a failover) runs again on a new one. */
static int run(pgdb *p, const char *sql) {
  const char *w = sql + strspn(sql, " \n");
  int begin = !strncasecmp(w, "BEGIN", 5),
      end = !strncasecmp(w, "COMMIT", 6) || !strncasecmp(w, "END", 3) || !strncasecmp(w, "ROLLBACK;", 9) ||
            !strcasecmp(w, "ROLLBACK");
  if (begin || end || strcasestr(sql, "ROLLBACK")) p->epoch++;
  if (!end) revive(p);
  PGTransactionStatusType before = PQtransactionStatus(p->c);
  int rc = run_once(p, sql);
  if (rc != DB_OK && !end && may_retry(p, before)) rc = run_once(p, sql);
  if (begin && rc == DB_OK) p->open_tx = 1;
  if (end) p->open_tx = 0;
  return rc;
}

/* What every connection sets first: the same text for timestamps and the same quiet log as SQLite; notices
 * (IF NOT EXISTS…) are not errors. */
static int session_setup(pgdb *p) {
  return run_once(p, "SET client_min_messages = warning; SET TIME ZONE 'UTC'");
}

/* After a failure: when the connection itself is gone (the server restarted, a failover, a network cut), connects
 * again; statements are prepared again as they are next used. Returns 1 when a new connection was made. */
static int reconnect(pgdb *p) {
  if (PQstatus(p->c) != CONNECTION_BAD) return 0;
  PQreset(p->c);
  if (PQstatus(p->c) != CONNECTION_OK) return 0;
  p->gen++;
  p->open_tx = 0;
  log_info("database connection made again");
  return session_setup(p) == DB_OK;
}

static void load_idtables(pgdb *p) {
  PGresult *r = PQexec(p->c, "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema()"
                             " AND column_name = 'id' AND is_identity = 'YES'");
  if (PQresultStatus(r) == PGRES_TUPLES_OK) {
    p->nidtables = PQntuples(r);
    p->idtables = calloc((size_t)p->nidtables + 1, sizeof *p->idtables);
    if (!p->idtables) abort();
    for (int i = 0; i < p->nidtables; i++) p->idtables[i] = util_strdup(PQgetvalue(r, i, 0));
  }
  PQclear(r);
}

void pg_schema_changed(pgdb *p) {
  for (int i = 0; i < p->nidtables; i++) free(p->idtables[i]);
  free(p->idtables);
  p->idtables = NULL;
  p->nidtables = 0;
}

/* ---- the data version, read once for all the requests waiting for it ---- */

/* The connections of a process to one address. Every request asks for the data version, and the answer must come
 * from a read that started after the request arrived (so that it sees every commit made before). One read in flight
 * at a time: requests arriving while it runs wait for the next one, which then serves them all. Under load a read
 * serves many requests, where one read per request made a round trip the limit of the page rate. */
typedef struct dv_group {
  char *address;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  uint64_t started, done; /* numbers of the last read started and the last finished */
  long long value;        /* what the last finished read found */
  int busy;
  struct dv_group *next;
} dv_group;

static pthread_mutex_t dv_groups_mu = PTHREAD_MUTEX_INITIALIZER;
static dv_group *dv_groups; /* kept for the life of the process: one per address */

static dv_group *dv_group_for(const char *address) {
  pthread_mutex_lock(&dv_groups_mu);
  dv_group *g = dv_groups;
  while (g && strcmp(g->address, address)) g = g->next;
  if (!g) {
    g = calloc(1, sizeof *g);
    if (!g) abort();
    g->address = util_strdup(address);
    pthread_mutex_init(&g->mu, NULL);
    pthread_cond_init(&g->cv, NULL);
    g->next = dv_groups;
    dv_groups = g;
  }
  pthread_mutex_unlock(&dv_groups_mu);
  return g;
}

/* One read, on this connection. The change counters count too: a hand edit that bumps one of them, as schema.c
 * asks, reaches the caches as well. -1 when the read fails (a cache then sees a change). */
static long long dv_read(pgdb *p) {
  static const char sql[] = "SELECT (SELECT n FROM data_version) + (SELECT n FROM search_generation)"
                            " + (SELECT n FROM stats_generation)";
  PGresult *r = PQexec(p->c, sql);
  if (PQresultStatus(r) != PGRES_TUPLES_OK && reconnect(p)) {
    PQclear(r);
    r = PQexec(p->c, sql);
  }
  long long v = PQresultStatus(r) == PGRES_TUPLES_OK ? strtoll(PQgetvalue(r, 0, 0), NULL, 10) : -1;
  PQclear(r);
  return v;
}

long long pg_data_version(pgdb *p) {
  dv_group *g = p->dv;
  pthread_mutex_lock(&g->mu);
  uint64_t need = g->started + 1; /* a read that starts from now on */
  long long v;
  for (;;) {
    if (g->done >= need) {
      v = g->value;
      break;
    }
    if (!g->busy) {
      uint64_t mine = ++g->started;
      g->busy = 1;
      pthread_mutex_unlock(&g->mu);
      v = dv_read(p);
      pthread_mutex_lock(&g->mu);
      g->busy = 0;
      if (mine > g->done) g->done = mine, g->value = v;
      pthread_cond_broadcast(&g->cv);
      break;
    }
    pthread_cond_wait(&g->cv, &g->mu);
  }
  pthread_mutex_unlock(&g->mu);
  return v;
}

pgdb *pg_open(const char *address, kerr *e) {
  pgdb *p = calloc(1, sizeof *p);
  if (!p) abort();
  p->c = PQconnectdb(address);
  p->dv = dv_group_for(address);
  p->gen = 1;
  if (PQstatus(p->c) != CONNECTION_OK) {
    kerr_set(e, NULL, "cannot connect to the database: %r", PQerrorMessage(p->c));
    pg_close(p);
    return NULL;
  }
  /* the same text for timestamps and the same quiet log as SQLite; notices (IF NOT EXISTS…) are not errors */
  if (session_setup(p) != DB_OK) {
    kerr_set(e, NULL, "cannot set up the database connection: %r", p->err);
    pg_close(p);
    return NULL;
  }
  int v = PQserverVersion(p->c), lv = PQlibVersion();
  snprintf(p->version, sizeof p->version, "PostgreSQL %d.%d (libpq %d.%d)", v / 10000, v % 10000, lv / 10000,
           lv % 10000);
  return p;
}

void pg_close(pgdb *p) {
  if (!p) return;
  if (p->c) PQfinish(p->c);
  pg_schema_changed(p);
  free(p->err);
  free(p);
}

/* ---- translation ---- */

static int ident_char(char c) {
  return isalnum((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80;
}

/* 1 when the n bytes at w are the word want, in any case. */
static int word_is(const char *w, size_t n, const char *want) {
  return strlen(want) == n && strncasecmp(w, want, n) == 0;
}

/* Where the operand ending at out->len begins: an identifier (a.b, "x") or a call or parenthesis f(…). */
static size_t operand_start(const buf *out) {
  size_t i = out->len;
  while (i && out->data[i - 1] == ' ') i--;
  if (i && out->data[i - 1] == ')') {
    int depth = 0;
    while (i) {
      char c = out->data[--i];
      if (c == ')') depth++;
      if (c == '(' && --depth == 0) break;
    }
  }
  while (i && (ident_char(out->data[i - 1]) || strchr(".\"$", out->data[i - 1]))) i--;
  return i;
}

/* Wraps the operand ending at out->len in lower(…); and when an = stands before it, the operand before the = too:
 * "a = b COLLATE NOCASE" compares as "lower(a) = lower(b)". */
static void lower_operand(buf *out) {
  size_t at = operand_start(out), end = out->len;
  while (end > at && out->data[end - 1] == ' ') end--;
  size_t eq = at;
  while (eq && out->data[eq - 1] == ' ') eq--;
  size_t lat = 0, lend = 0;
  if (eq && out->data[eq - 1] == '=' && !(eq > 1 && strchr("<>!", out->data[eq - 2]))) {
    buf left = {out->data, eq - 1, out->cap};
    lend = eq - 1;
    while (lend && out->data[lend - 1] == ' ') lend--;
    left.len = lend;
    lat = operand_start(&left);
  }
  char *right = strndup(out->data + at, end - at), *left_op = lend > lat ? strndup(out->data + lat, lend - lat) : NULL;
  if (!right || (lend > lat && !left_op)) abort();
  if (left_op) {
    out->len = lat;
    buf_printf(out, "lower(%r) = lower(%r)", left_op, right);
  } else {
    out->len = at;
    buf_printf(out, "lower(%r)", right);
  }
  free(right);
  free(left_op);
}

int pg_translate(const char *sql, buf *out, const char **names, int max) {
  int n = 0, positional = 0;
  const char *s = sql;
  while (*s) {
    char c = *s;
    if (c == '\'' || c == '"') { /* a string or quoted identifier, copied as it is */
      const char *e = s + 1;
      while (*e && !(*e == c && e[1] != c)) e += (*e == c) ? 2 : 1;
      if (*e) e++;
      buf_append(out, s, (size_t)(e - s));
      s = e;
    } else if (c == '-' && s[1] == '-') {
      const char *e = s + strcspn(s, "\n");
      buf_append(out, s, (size_t)(e - s));
      s = e;
    } else if (c == ':' && s[1] == ':') {
      buf_puts(out, "::");
      s += 2;
    } else if (c == ':' && (isalpha((unsigned char)s[1]) || s[1] == '_')) {
      const char *w = s + 1;
      size_t len = 1;
      while (ident_char(w[len])) len++;
      int k = 0;
      while (k < n && !(names[k] && strlen(names[k]) >= len && strncmp(names[k] + 1, w, len) == 0 &&
                        !ident_char(names[k][len + 1])))
        k++;
      if (k == n && n < max) names[n++] = s;
      buf_printf(out, "$%d", k + 1);
      s = w + len;
    } else if (c == '?') {
      int k;
      s++;
      if (isdigit((unsigned char)*s)) {
        k = (int)strtol(s, (char **)&s, 10);
      } else {
        k = ++positional;
      }
      while (n < k && n < max) names[n++] = NULL;
      buf_printf(out, "$%d", k);
    } else if (ident_char(c) && !(s > sql && (ident_char(s[-1]) || s[-1] == '$'))) {
      size_t len = 1;
      while (ident_char(s[len])) len++;
      int after_dot = s > sql && s[-1] == '.';
      const char *next = s + len + strspn(s + len, " \n");
      if (word_is(s, len, "user") && !after_dot) {
        buf_puts(out, "\"user\"");
      } else if (word_is(s, len, "IS") && (*next == ':' || *next == '?')) { /* SQLite's IS compares NULLs too */
        buf_puts(out, "IS NOT DISTINCT FROM");
      } else if (word_is(s, len, "IS") && strncasecmp(next, "NOT", 3) == 0 &&
                 (next[3 + strspn(next + 3, " \n")] == ':' || next[3 + strspn(next + 3, " \n")] == '?')) {
        buf_puts(out, "IS DISTINCT FROM");
        s = next + 3;
        continue;
      } else if (word_is(s, len, "LIKE")) {
        buf_puts(out, "ILIKE");
      } else if (word_is(s, len, "instr") && *next == '(') {
        buf_puts(out, "strpos");
      } else if (word_is(s, len, "REAL") && out->len >= 3 && strncasecmp(out->data + out->len - 3, "AS ", 3) == 0) {
        buf_puts(out, "double precision");
      } else if (word_is(s, len, "COLLATE") && strncasecmp(next, "NOCASE", 6) == 0 && !ident_char(next[6])) {
        lower_operand(out);
        s = next + 6;
        continue;
      } else {
        buf_append(out, s, len);
      }
      s += len;
    } else {
      buf_putc(out, c);
      s++;
    }
  }
  return n;
}

/* ---- statements ---- */

/* The table after INSERT INTO when it has an identity id; NULL otherwise. */
static int inserts_identity(pgdb *p, const char *sql) {
  const char *w = sql + strspn(sql, " \n");
  if (strncasecmp(w, "INSERT", 6) != 0) return 0;
  w += 6;
  w += strspn(w, " \n");
  if (strncasecmp(w, "INTO", 4) != 0) return 0;
  w += 4;
  w += strspn(w, " \n");
  size_t len = strcspn(w, " \n(");
  for (int i = 0; i < p->nidtables; i++)
    if (word_is(w, len, p->idtables[i])) return 1;
  return 0;
}

static int first_word_is(const char *sql, const char *want) {
  const char *w = sql + strspn(sql, " \n");
  size_t n = strlen(want);
  return strncasecmp(w, want, n) == 0 && !ident_char(w[n]);
}

pg_stmt *pg_prepare(pgdb *p, const char *sql) {
  if (!p->idtables) load_idtables(p);
  pg_stmt *s = calloc(1, sizeof *s);
  if (!s) abort();
  s->p = p;
  s->sql = util_strdup(sql);
  s->write = first_word_is(sql, "INSERT") || first_word_is(sql, "UPDATE") || first_word_is(sql, "DELETE");
  int max = 1;
  for (const char *c = sql; *c; c++) max += *c == ':' || *c == '?';
  s->names = calloc((size_t)max, sizeof *s->names);
  if (!s->names) abort();
  buf t = BUF_INIT;
  s->nparam = pg_translate(s->sql, &t, s->names, max);
  s->values = calloc((size_t)s->nparam + 1, sizeof *s->values);
  s->lengths = calloc((size_t)s->nparam + 1, sizeof *s->lengths);
  s->formats = calloc((size_t)s->nparam + 1, sizeof *s->formats);
  Oid *types = calloc((size_t)s->nparam + 1, sizeof *types);
  if (!s->values || !s->lengths || !s->formats || !types) abort();
  if (s->write && inserts_identity(p, sql) && !strstr(sql, "RETURNING")) {
    buf_puts(&t, " RETURNING id");
    s->returns_id = 1;
  }
  snprintf(s->name, sizeof s->name, "k%d", ++p->nstmt);
  revive(p);
  /* a failed PREPARE would abort the transaction it happens in: a savepoint keeps the retries apart */
  int sp = pg_in_transaction(p) && run(p, "SAVEPOINT db_prepare") == DB_OK;
  for (int attempt = 0; attempt <= s->nparam; attempt++) {
    PGTransactionStatusType before = PQtransactionStatus(p->c);
    PGresult *r = PQprepare(p->c, s->name, t.data, s->nparam, types);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && may_retry(p, before)) { /* the connection was lost: once more */
      PQclear(r);
      r = PQprepare(p->c, s->name, t.data, s->nparam, types);
    }
    if (PQresultStatus(r) == PGRES_COMMAND_OK) {
      PQclear(r);
      s->text = buf_detach(&t);
      s->types = types;
      s->gen = p->gen;
      if (sp) run(p, "RELEASE SAVEPOINT db_prepare");
      s->desc = PQdescribePrepared(p->c, s->name);
      return s;
    }
    /* A parameter PostgreSQL cannot infer (":x IS NULL", "':' || :x"): text, as SQLite would take it. */
    const char *st = PQresultErrorField(r, PG_DIAG_SQLSTATE), *m = PQresultErrorMessage(r);
    const char *dollar = m ? strstr(m, "parameter $") : NULL;
    int k = dollar ? atoi(dollar + 11) : 0;
    if (st && (!strcmp(st, "42P18") || !strcmp(st, "42P08")) && k >= 1 && k <= s->nparam && !types[k - 1]) {
      types[k - 1] = 25; /* text */
      PQclear(r);
      if (sp) run(p, "ROLLBACK TO SAVEPOINT db_prepare");
      continue;
    }
    if (PQstatus(p->c) == CONNECTION_BAD) {
      /* the server is gone (restarting, a failover) and could not be reached again: the statement is kept
       * unprepared, to be prepared when it is next run on a connection made again (pg_step); until then its runs
       * fail like any statement on a lost connection, and the request gets an error, not the process an abort */
      set_err(p, PQerrorMessage(p->c));
      log_error("SQL prepare failed, database connection lost: %r", p->err);
      PQclear(r);
      if (sp) run(p, "ROLLBACK TO SAVEPOINT db_prepare; RELEASE SAVEPOINT db_prepare");
      s->text = buf_detach(&t);
      s->types = types;
      s->gen = -1;
      return s;
    }
    set_err(p, m);
    log_error("SQL prepare failed: %r in: %r", p->err, t.data);
    PQclear(r);
    break;
  }
  if (sp) run(p, "ROLLBACK TO SAVEPOINT db_prepare; RELEASE SAVEPOINT db_prepare");
  buf_free(&t);
  free(types);
  pg_stmt_free(s);
  return NULL;
}

void pg_stmt_free(pg_stmt *s) {
  if (!s) return;
  pg_reset(s);
  if (s->desc) PQclear(s->desc);
  free(s->text);
  free(s->types);
  free(s->names);
  free(s->values);
  free(s->lengths);
  free(s->formats);
  free(s->sql);
  free(s);
}

static void blob_free(pg_stmt *s) {
  if (s->blob) PQfreemem(s->blob);
  s->blob = NULL;
}

void pg_reset(pg_stmt *s) {
  blob_free(s);
  if (s->res) PQclear(s->res);
  s->res = NULL;
  s->row = s->nrows = 0;
  for (int i = 0; s->values && i < s->nparam; i++) {
    free(s->values[i]);
    s->values[i] = NULL;
    s->formats[i] = s->lengths[i] = 0;
  }
}

int pg_param(pg_stmt *s, const char *name) {
  size_t n = strlen(name);
  for (int i = 0; i < s->nparam; i++)
    if (s->names[i] && strncmp(s->names[i], name, n) == 0 && !ident_char(s->names[i][n])) return i + 1;
  return 0;
}

void pg_bind(pg_stmt *s, int i, const char *v) {
  assert(i >= 1 && i <= s->nparam && "no such SQL parameter");
  free(s->values[i - 1]);
  s->values[i - 1] = v ? util_strdup(v) : NULL;
  s->formats[i - 1] = s->lengths[i - 1] = 0;
}

void pg_bind_blob(pg_stmt *s, int i, const void *v, size_t len) {
  assert(i >= 1 && i <= s->nparam && "no such SQL parameter");
  assert(len <= INT_MAX);
  free(s->values[i - 1]);
  s->values[i - 1] = util_calloc(len + 1, 1);
  if (len) memcpy(s->values[i - 1], v, len);
  s->lengths[i - 1] = (int)len;
  s->formats[i - 1] = 1;
}

const void *pg_col_blob(pg_stmt *s, int i, size_t *len) {
  const char *t = pg_col(s, i);
  blob_free(s);
  *len = 0;
  if (!t) return NULL;
  s->blob = PQunescapeBytea((const unsigned char *)t, len);
  return s->blob ? (const void *)s->blob : "";
}

int pg_busy(pg_stmt *s) {
  return s->res != NULL;
}

int pg_readonly(pg_stmt *s) {
  return !s->write;
}

int pg_col_count(pg_stmt *s) {
  return s->desc ? PQnfields(s->desc) : 0;
}

const char *pg_col_name(pg_stmt *s, int i) {
  return s->desc && i < PQnfields(s->desc) ? PQfname(s->desc, i) : "";
}

const char *pg_sql(pg_stmt *s) {
  return s->sql;
}

/* Runs s between SAVEPOINT and RELEASE, the three sent together in libpq's pipeline mode: one round trip. Returns
 * the statement's own result (PGRES_PIPELINE_ABORTED when the savepoint failed). */
static PGresult *exec_guarded(pgdb *p, pg_stmt *s) {
  if (!PQenterPipelineMode(p->c)) return NULL;
  PQsendQueryParams(p->c, "SAVEPOINT db_stmt", 0, NULL, NULL, NULL, NULL, 0);
  PQsendQueryPrepared(p->c, s->name, s->nparam, (const char *const *)s->values, s->lengths, s->formats, 0);
  PQsendQueryParams(p->c, "RELEASE SAVEPOINT db_stmt", 0, NULL, NULL, NULL, NULL, 0);
  PQpipelineSync(p->c);
  PGresult *mine = NULL, *r;
  for (int q = 0; q < 3; q++) {
    while ((r = PQgetResult(p->c)) != NULL) {
      if (q == 1 && !mine)
        mine = r;
      else if (!mine && PQresultStatus(r) == PGRES_FATAL_ERROR)
        mine = r; /* the savepoint failed: its error stands for the statement's */
      else
        PQclear(r);
    }
  }
  while ((r = PQgetResult(p->c)) != NULL && PQresultStatus(r) != PGRES_PIPELINE_SYNC) PQclear(r);
  PQclear(r);
  PQexitPipelineMode(p->c);
  return mine;
}

int pg_step(pg_stmt *s, int guard, int *code) {
  pgdb *p = s->p;
  *code = DB_OK;
  if (!s->res) {
    revive(p);
    int in_tx = pg_in_transaction(p), sp = guard && s->write && in_tx;
    PGTransactionStatusType before = PQtransactionStatus(p->c);
    if (s->gen != p->gen) { /* made before a reconnect (or while the server was gone): prepared here again */
      PGresult *r = PQprepare(p->c, s->name, s->text, s->nparam, s->types);
      if (PQresultStatus(r) == PGRES_COMMAND_OK) {
        s->gen = p->gen;
        if (!s->desc) s->desc = PQdescribePrepared(p->c, s->name);
      }
      PQclear(r);
    }
    PGresult *r =
        sp ? exec_guarded(p, s)
           : PQexecPrepared(p->c, s->name, s->nparam, (const char *const *)s->values, s->lengths, s->formats, 0);
    ExecStatusType t = PQresultStatus(r);
    if (t != PGRES_TUPLES_OK && t != PGRES_COMMAND_OK && may_retry(p, before)) {
      /* outside a transaction nothing was lost with the old connection: once more on the new one */
      PQclear(r);
      r = PQprepare(p->c, s->name, s->text, s->nparam, s->types);
      if (PQresultStatus(r) == PGRES_COMMAND_OK) {
        s->gen = p->gen;
        if (!s->desc) s->desc = PQdescribePrepared(p->c, s->name);
      }
      PQclear(r);
      r = PQexecPrepared(p->c, s->name, s->nparam, (const char *const *)s->values, s->lengths, s->formats, 0);
      t = PQresultStatus(r);
    }
    if (t != PGRES_TUPLES_OK && t != PGRES_COMMAND_OK) {
      keep_result_error(p, r);
      *code = code_of(r);
      PQclear(r);
      if (sp) run(p, "ROLLBACK TO SAVEPOINT db_stmt; RELEASE SAVEPOINT db_stmt");
      return -1;
    }
    if (s->write) p->changes = atoi(PQcmdTuples(r));
    if (s->returns_id) {
      if (PQntuples(r) > 0) p->last_id = strtoll(PQgetvalue(r, PQntuples(r) - 1, 0), NULL, 10);
      PQclear(r);
      return 0;
    }
    s->res = r;
    s->nrows = PQntuples(r);
    s->row = -1;
  }
  blob_free(s);
  if (++s->row < s->nrows) return 1;
  PQclear(s->res);
  s->res = NULL;
  return 0;
}

const char *pg_col(pg_stmt *s, int i) {
  if (!s->res || s->row < 0 || s->row >= s->nrows || i >= PQnfields(s->res) || PQgetisnull(s->res, s->row, i))
    return NULL;
  if (PQftype(s->res, i) == 16) /* bool */
    return PQgetvalue(s->res, s->row, i)[0] == 't' ? "1" : "0";
  return PQgetvalue(s->res, s->row, i);
}

/* ---- connection ---- */

int pg_script(pgdb *p, const char *sql) {
  buf t = BUF_INIT;
  pg_translate(sql, &t, NULL, 0);
  int rc = run(p, t.data ? t.data : "");
  if (rc != DB_OK) log_error("SQL script failed: %r", p->err);
  buf_free(&t);
  return rc;
}

int pg_in_transaction(pgdb *p) {
  PGTransactionStatusType t = PQtransactionStatus(p->c);
  return t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
}

const char *pg_errmsg(pgdb *p) {
  return p->err ? p->err : "";
}

long long pg_last_id(pgdb *p) {
  return p->last_id;
}

int pg_changes(pgdb *p) {
  return p->changes;
}

long long pg_epoch(pgdb *p) {
  return p->epoch;
}

int pg_ids_follow(pgdb *p) {
  if (!p->idtables) load_idtables(p);
  int rc = DB_OK;
  for (int i = 0; rc == DB_OK && i < p->nidtables; i++) {
    char *q = buf_mprintf("SELECT setval(pg_get_serial_sequence('\"%r\"', 'id'), coalesce(max(id), 0) + 1, false)"
                          " FROM \"%r\"",
                          p->idtables[i], p->idtables[i]);
    rc = run(p, q);
    free(q);
  }
  return rc;
}

const char *pg_engine_version(pgdb *p) {
  return p->version;
}
