/* report/internal: what the files of report/ share and nobody else sees: the computed figures (report_data), the fixed
 * row lists and the table definitions. data.c loads the figures, public.c decides the public view (suppression
 * linked over tables and periods), report.c keeps them per connection and process, table.c makes tables of them. */
#ifndef KEHTO_REPORT_INTERNAL_H
#define KEHTO_REPORT_INTERNAL_H
#include "model/person.h"
#include "report/report.h"

#define NSLOTS (REPORT_MAX_PERIODS + 1)
#define MAX_ID 50000000LL /* ids above this would make the per-id arrays unreasonably large */
#define NYEARS 32         /* years counted from the first period's start year (or the first delivery) */
#define NTYPE_BITS 16     /* service types counted one by one (bits of a mask) */

/* Fixed rows: code and Finnish label (translated by the caller). */
typedef struct fixed {
  const char *code, *label;
} fixed;

enum { N_ORG_TYPES = 5, N_GENDERS = 4, N_AGES = 4, N_LABOUR = 4, N_EDUCATION = 4, N_METRICS = 5 };
extern const fixed ORG_TYPES[N_ORG_TYPES];
extern const fixed GENDERS[N_GENDERS];
extern const fixed AGES[N_AGES];
extern const fixed LABOUR[N_LABOUR];
extern const fixed EDUCATION[N_EDUCATION];
extern const fixed METRICS[N_METRICS];

#define NFIX(a) ((int)(sizeof a / sizeof a[0]))
enum { NROLE = PERSON_NROLES, NOTYPE = NFIX(ORG_TYPES), NIND = 4 };

/* A list of rows read from a reference table: code and names in fi, sv, en. */
typedef struct refrow {
  char *code, *name[3];
} refrow;
typedef struct reflist {
  int n;
  refrow *v;
} reflist;

struct report_data {
  int nperiods;
  report_period period[NSLOTS]; /* [0] is the whole programme */
  reflist types, sectors, regions;
  int base_year; /* year of bit 0 in the year masks */
  char year_code[NYEARS][8];
  int first_year, last_year;
  long long key[NSLOTS][RK_COUNT];
  long long target[NSLOTS][RK_COUNT];
  /* per slot, per row, per column: allocated as one block per table */
  long long *cell[RT_COUNT];
  int rows[RT_COUNT];
  /* the public view, decided once for every table and slot together (link_and_suppress): SUP_... per cell, as
   * cell[]; per table total; per key figure */
  unsigned char *mark[RT_COUNT];
  unsigned char total_mark[RT_COUNT][NSLOTS][REPORT_MAX_COLS];
  unsigned char key_mark[NSLOTS][RK_COUNT];
  /* the actuals that targets by year and by service type are measured against (target.c); -1: not counted so */
  long long ykey[NYEARS][RK_COUNT];       /* per year: organisations, participants (start records by entry year),
                                           * participations, deeds; attendees -1 */
  long long *esf_year;                    /* [year][row of esf_start, then of esf_exit]: totals by entry year */
  long long tkey[NSLOTS][NTYPE_BITS][3];  /* per slot and service type: organisations, participations, participants */
  long long ytkey[NYEARS][NTYPE_BITS][2]; /* per year and service type: organisations, participations */
};

typedef struct tdef {
  const char *name, *title, *desc;
  int ncols, col[REPORT_MAX_COLS];
  const char *head, *sheet; /* Finnish msgids: what a row is (the first column's header); the XLSX sheet's name */
} tdef;
extern const tdef TABLES[RT_COUNT];

/* data.c */
/* Computes every figure of rd from the database (rd zeroed by the caller); data_clear frees what it holds. */
void data_load(db *d, report_data *rd);
void data_clear(report_data *rd);
size_t cell_at(const report_data *rd, int t, int slot, int row, int col);
long long *cell(report_data *rd, int t, int slot, int row, int col);
int reflist_find(const reflist *l, const char *code);
int fixed_find(const fixed *f, int n, const char *code);
/* Slot of a funding period id (0 is the whole programme), or -1. */
int slot_of_period(const report_data *rd, long long id);

/* esf.c: the ESF indicator tables (RT_ESF_START: Annex I, RT_ESF_EXIT: Annex II) */
enum { ESF_GENDERS = 4, ESF_TOTAL = 4 }; /* columns 0..3 are GENDERS, 4 their total */
/* Rows of table id (RT_ESF_START or RT_ESF_EXIT). */
int esf_nrows(int id);
/* Code, Finnish label and "joista" flag of row i of table id. */
void esf_row(int id, int i, report_row *r);
/* Counts one start record (columns of esf_start as read by data.c's load_esf, from column 2) into slot 0 and slot,
 * and into rd->esf_year for year index y (-1: outside the years counted). */
void esf_count(report_data *rd, int slot, int y, db_stmt *st);
/* The row of an ESF indicator's code in either table (its table in *id), or -1. */
int esf_row_index(const char *code, int *id);
/* Adds the relations of the ESF tables to the public view's suppression (public.c): every row's genders and total,
 * each group of exclusive rows and its total, each "joista" row and what is left of its parent, the links to the
 * gender, age, labour and education tables, and every cell of the programme against its periods. vi and tot are
 * public.c's maps from cells to variables. */
void esf_links(const report_data *rd, sup_set *s, int *const vi[RT_COUNT],
               const int tot[RT_COUNT][NSLOTS][REPORT_MAX_COLS]);

/* public.c */
/* Decides the public view of every table and slot at once (rd->mark, total_mark, key_mark). */
void link_and_suppress(report_data *rd);
/* 1 when table id has a total row (not where one person or organisation is in several rows). */
int has_total(int id);
/* 1 when column c of table id counts people (and is suppressed in public views). */
int people_col(int id, int c);
/* 1 when key figure metric counts people. */
int people_key(int metric);

#endif
