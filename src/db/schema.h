/* schema: what db.c needs from schema.c beyond db.h (db/ only): the change counters and the tables they watch. */
#ifndef KEHTO_DB_SCHEMA_H
#define KEHTO_DB_SCHEMA_H
#include <stddef.h>

#include "db/db.h"

/* The change counters, as bits. */
/* DB_COUNTER_DATA: PostgreSQL's data version (db_data_version), bumped once per transaction that writes anything. */
enum { DB_COUNTER_SEARCH = 1u << 0, DB_COUNTER_STATS = 1u << 1, DB_COUNTER_DATA = 1u << 2 };

/* The counters a write to the table named by the n bytes at table bumps (0: none). */
unsigned db_schema_watchers(const char *table, size_t n);
/* The statement that bumps one counter (a single DB_COUNTER_ bit). */
const char *db_schema_counter_sql(unsigned counter);

/* PostgreSQL (schema_pg.c): the SQLite schema version that the baseline equals. */
enum { DB_SCHEMA_PG_BASELINE = 7 };
/* The whole PostgreSQL schema at version DB_SCHEMA_PG_BASELINE, as one script of several statements: tables, indexes
 * and the rows the SQLite migrations insert. Static text, never freed. */
const char *db_schema_pg_baseline(void);
/* The PostgreSQL script moving the schema from version from (>= DB_SCHEMA_PG_BASELINE) to from + 1. Static text. */
const char *db_schema_pg_step(int from);

#endif
