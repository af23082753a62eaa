/* report: the programme's statistics (key figures, breakdowns, ESF indicators, targets) computed in one pass over
 * the data, cached per connection until the data changes, and cut into tables with small-cell suppression. */
#ifndef KEHTO_REPORT_H
#define KEHTO_REPORT_H
#include <time.h>

#include "core/arena.h"
#include "db/db.h"
#include "report/suppress.h"

#define REPORT_MAX_PERIODS 8 /* funding periods counted one by one; later ones count only in the whole programme */
#define REPORT_MAX_COLS 5    /* the ESF indicator tables: women, men, muu, En halua vastata, total */
#define REPORT_MIN_CELL 5 /* public cells with 1..4 people are shown as "< 5" (SUP_MIN in suppress.h) */

/* Column kinds of a table: what a cell counts. */
enum {
  RC_VALUE,          /* key figures: the row says what (people rows are suppressed) */
  RC_ORGS,           /* organisations reached */
  RC_PEOPLE,         /* distinct people with a participation */
  RC_PARTICIPATIONS, /* participations (person × delivery) */
  RC_PARTICIPANTS,   /* ESF participants (start records) */
  RC_TARGET,         /* key figures: the target, -1 when none */
  RC_WOMEN,          /* ESF indicator tables: start (or end) records of women, men, muu, "En halua vastata", and */
  RC_MEN,            /* the total of the four (the gender columns are exclusive and sum to it) */
  RC_GOTHER,
  RC_GEOS,
  RC_GTOTAL,
};

/* The tables, in page order. */
enum {
  RT_KEY,
  RT_SERVICE_TYPE,
  RT_ROLE,
  RT_SECTOR,
  RT_ORG_TYPE,
  RT_REGION,
  RT_YEAR,
  RT_GENDER,
  RT_AGE,
  RT_LABOUR,
  RT_EDUCATION,
  RT_ESF_START, /* Annex I of Regulation 1304/2013: the common output indicators by gender, in the annex's order */
  RT_ESF_EXIT,  /* Annex II: the immediate result indicators upon leaving, by gender */
  RT_COUNT
};

/* Key figure metrics (rows of RT_KEY), the same codes as target.metric. */
enum { RK_ORGANISATIONS, RK_PARTICIPANTS, RK_ATTENDEES, RK_PARTICIPATIONS, RK_DEEDS, RK_COUNT };

typedef struct report_row {
  const char *code;     /* stable key: a code, a year, a metric */
  const char *label[3]; /* fi, sv, en; sv and en NULL: label[0] is a Finnish msgid to translate */
  long long v[REPORT_MAX_COLS];
  unsigned char hidden[REPORT_MAX_COLS]; /* public view: SUP_SHOWN (0), SUP_SMALL ("< 5": 1..4), SUP_SECONDARY */
  unsigned char sub; /* 1: counts a part of the row it is under ("joista …"), overlapping it: never summed */
} report_row;

typedef struct report_table {
  int id;            /* RT_... */
  const char *name;  /* file and JSON name: "service_type" */
  const char *title; /* Finnish msgid */
  const char *desc;  /* Finnish msgid: what is counted */
  int ncols;
  int col[REPORT_MAX_COLS]; /* RC_... */
  int nrows;
  report_row *rows; /* in the arena passed to report_table_make */
  int has_total;
  report_row total;
  int nhidden; /* suppressed cells */
} report_table;

typedef struct report_period {
  long long id;
  const char *name, *name_sv, *name_en; /* Finnish; Swedish and English ('' when not translated) */
  int start_year, end_year;
} report_period;

/* The computed figures. Shared by every connection of the process to the same database and held for the caller by
 * its connection: valid until the next report_get on the same db. */
typedef struct report_data report_data;

/* Returns the figures for the data as it is now. They are computed in one pass when a table they come from changed
 * (stats_generation, bumped by writes, db/schema.c) since any connection of this process last computed them, else
 * the figures already computed are reused: writes elsewhere (sessions, the audit log) cost nothing. Inside a caller's
 * transaction they are computed for that caller alone. Thread-safe. Never NULL (a failed query logs and counts what it
 * could read). */
const report_data *report_get(db *d);
/* Like report_get, but while older figures of the same database exist and the refresher runs, it waits for the
 * current ones only as long as the refresher was started to (report_refresher_start): then it returns the older
 * figures (report_stale then says 1), and every later call gets the current ones once they are done. Waits like
 * report_get only for the very first figures, and inside a transaction. For pages and the API, so that no request
 * waits for a pass over national-scale data. */
const report_data *report_get_recent(db *d);
/* 1 when the last report_get_recent on d returned figures older than the data; 0 otherwise. */
int report_stale(db *d);
/* When the figures the last call on d returned were computed (the data as it was then). */
time_t report_computed_at(db *d);
/* Starts the refresher on its own connection d (taken over, closed by report_refresher_stop), which computes the
 * figures at once and again whenever report_get_recent finds them older than the data; report_get_recent waits at
 * most wait_ms for them (0: not at all). K_OK or K_ERR. */
int report_refresher_start(db *d, int wait_ms);
/* Stops the refresher and waits for it. */
void report_refresher_stop(void);
/* Milliseconds the last computation on this connection took (for measuring). */
double report_last_build_ms(db *d);
/* How many times the figures were computed on this connection (for tests of the cache). */
long long report_build_count(db *d);

/* Funding periods (slot 1..n); slot 0 is the whole programme. */
int report_nperiods(const report_data *rd);
const report_period *report_period_at(const report_data *rd, int slot);
/* Slot of a period id ("" or NULL or "0": 0, the whole programme); -1 when there is no such period. */
int report_slot(const report_data *rd, const char *period_id);

/* The table id with this name ("service_type"), or -1. */
int report_table_id(const char *name);
const char *report_table_name(int id);
/* Column header (Finnish msgid) and JSON key of a column kind. */
const char *report_col_title(int col);
const char *report_col_key(int col);
/* The first column's header (Finnish msgid): what a row of t is ("Toimiala"). */
const char *report_row_head(const report_table *t);
/* The name of t's XLSX sheet (Finnish msgid, at most 31 characters in every language: "Toimialat"). */
const char *report_sheet_name(const report_table *t);

/* Fills t with table id for a slot. public: the public view, with cells of 1..4 people marked SUP_SMALL and the cells
 * hidden to protect them SUP_SECONDARY, decided for every table and slot together so that no hidden cell can be
 * worked out from this or any other public table (docs/statistics.md). Its rows are allocated in a. */
void report_table_make(const report_data *rd, arena *a, int id, int slot, int publ, report_table *t);
/* Applies small-cell suppression (primary and secondary) to the people columns of t alone, as if no other table
 * existed; exposed for tests (report_table_make uses the suppression of all tables together). */
void report_suppress(report_table *t);

/* Targets: the stored target of a metric ("organisations", ...) in a period (0 = whole programme), or -1. */
const char *report_metric_code(int metric);
int report_metric_of(const char *code);      /* RK_..., or -1 */
const char *report_metric_label(int metric); /* Finnish msgid */
long long report_target(const report_data *rd, int metric, int slot);
/* Stores (value >= 0) or removes (value < 0) a target. Returns K_OK, or K_ERR with e set. */
int report_target_set(db *d, const char *metric, long long period_id, long long value, kerr *e);
/* Stores every target of the staff form in one transaction: vals[slot * RK_COUNT + metric] for the slots 0..n of rd
 * (-1 removes). All or nothing: returns K_OK, or K_ERR with e set and nothing changed. */
int report_targets_save(db *d, const report_data *rd, const long long *vals, kerr *e);

/* ---- targets by period, year, service type and indicator (target.c) ---- */

/* A stored target. metric: a key figure ("organisations", ...) or an ESF indicator's code ("CO01", "CR04", ...);
 * period_id 0: the whole programme; year 0: the whole period; service_type "": every type. */
typedef struct report_goal {
  long long id, period_id, value;
  int year;
  const char *metric, *service_type;
} report_goal;

/* Every stored target, by period, year, service type and metric, in arena a; *n their number. */
report_goal *report_goals(db *d, arena *a, int *n);
/* The target with this id into *g (strings in a); K_OK, or K_ERR when there is none. */
int report_goal_get(db *d, arena *a, long long id, report_goal *g);
/* Checks g against the figures of rd: a known metric, an existing period, a year inside it (or inside the
 * programme), a known service type, a value 0..100000000, and a combination whose actual Kehto counts (attendees
 * per period only; deeds and ESF indicators not per service type; ESF participants not per year and type). Returns
 * K_OK, or K_ERR with e naming the field (metric, period, year, service_type, value). */
int report_goal_check(const report_data *rd, const report_goal *g, kerr *e);
/* Checks and stores g: a new target, or the new value of the one with the same metric, period, year and type
 * (g->id 0), or changes the target g->id. Returns its id, or 0 with e set (nothing stored). */
long long report_goal_save(db *d, const report_data *rd, const report_goal *g, kerr *e);
/* Removes a target. K_OK, or K_ERR with e set when there is no such target. */
int report_goal_delete(db *d, long long id, kerr *e);
/* The actual figure g is measured against (staff figures), or -1 when it is not counted so. */
long long report_goal_actual(const report_data *rd, const report_goal *g);
/* A metric's Finnish label (a key figure's or an ESF indicator's), or NULL when unknown. */
const char *report_goal_metric_label(const char *metric);

/* On track: the target pro-rated by the elapsed share of its span (the year, the period, or the programme). */
enum { GOAL_NOT_STARTED, GOAL_BEHIND, GOAL_ON_TRACK, GOAL_REACHED, GOAL_NO_ACTUAL };
typedef struct report_track {
  int status;              /* GOAL_... */
  int elapsed_pct;         /* 0..100 of the span gone by today */
  long long expected;      /* value × elapsed, rounded down */
  long long actual;        /* -1: not counted */
  char start[16], end[16]; /* the span, yyyy-mm-dd */
} report_track;
/* Measures g on today ("yyyy-mm-dd"): reached when actual >= value; else on track when actual >= expected; else
 * behind; not started before its span. */
void report_goal_track(const report_data *rd, const report_goal *g, const char *today, report_track *t);

#endif
