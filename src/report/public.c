/* report/public: the public view, decided for every table and slot at once: small cells suppressed, with the
 * cells that would give them away linked over tables and periods (suppress.c does the deciding). */
#include "report/internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/suppress.h"

/* ---- the public view: suppression over every table and slot at once ---- */

/* 1 when table id has a total row: not where one person or organisation is in several rows (a sum would count them
 * twice). */
int has_total(int id) {
  return id != RT_KEY && id != RT_YEAR && id != RT_SERVICE_TYPE && id != RT_ROLE && id != RT_ESF_START &&
         id != RT_ESF_EXIT; /* the ESF tables: their first row is the total of each exclusive group */
}

/* 1 when column c of table id counts people (and is suppressed in public views). */
int people_col(int id, int c) {
  int col = TABLES[id].col[c];
  return col == RC_PEOPLE || col == RC_PARTICIPATIONS || col == RC_PARTICIPANTS ||
         (col >= RC_WOMEN && col <= RC_GTOTAL);
}

int people_key(int metric) {
  return metric == RK_PARTICIPANTS || metric == RK_ATTENDEES || metric == RK_PARTICIPATIONS;
}

/* The cells of every public table as variables of one suppression set: vi maps a cell (as rd->cell) to its variable,
 * -1 for cells that are not suppressed. */
typedef struct links {
  sup_set s;
  int *vi[RT_COUNT];
  int tot[RT_COUNT][NSLOTS][REPORT_MAX_COLS];
  int key[NSLOTS][RK_COUNT];
} links;

/* The year table has one set of cells (slot 0); each period shows the years it spans. */
static int nslots_of(const report_data *rd, int t) {
  return t == RT_YEAR ? 1 : rd->nperiods + 1;
}

static void links_vars(const report_data *rd, links *l) {
  for (int t = RT_SERVICE_TYPE; t < RT_COUNT; t++) {
    size_t n = (size_t)NSLOTS * (size_t)rd->rows[t] * REPORT_MAX_COLS;
    l->vi[t] = util_calloc(n, sizeof(int));
    for (size_t k = 0; k < n; k++) l->vi[t][k] = -1;
    for (int s = 0; s < nslots_of(rd, t); s++)
      for (int c = 0; c < TABLES[t].ncols; c++) {
        long long sum = 0;
        l->tot[t][s][c] = -1;
        for (int i = 0; i < rd->rows[t]; i++) {
          size_t at = cell_at(rd, t, s, i, c);
          if (people_col(t, c)) l->vi[t][at] = sup_var(&l->s, rd->cell[t][at]);
          sum += rd->cell[t][at];
        }
        if (has_total(t) && people_col(t, c)) l->tot[t][s][c] = sup_var(&l->s, sum);
      }
  }
  for (int s = 0; s <= rd->nperiods; s++)
    for (int m = 0; m < RK_COUNT; m++) l->key[s][m] = people_key(m) ? sup_var(&l->s, rd->key[s][m]) : -1;
}

static int var_of(const report_data *rd, const links *l, int t, int s, int row, int c) {
  return l->vi[t][cell_at(rd, t, s, row, c)];
}

/* total = the rows lo..hi-1 of column c of table t in slot s. */
static void rel_rows(const report_data *rd, links *l, int total, int t, int s, int c, int lo, int hi) {
  sup_rel_total(&l->s, total);
  for (int i = lo; i < hi; i++) sup_rel_part(&l->s, var_of(rd, l, t, s, i, c));
}

static void rel_equal(links *l, int a, int b) {
  sup_rel_total(&l->s, a);
  sup_rel_part(&l->s, b);
}

/* Within one slot: each total and its rows, and the totals that count the same thing in several tables. */
static void links_slot(const report_data *rd, links *l, int s) {
  for (int t = RT_SERVICE_TYPE; t < RT_COUNT; t++)
    for (int c = 0; t != RT_YEAR && c < TABLES[t].ncols; c++)
      if (l->tot[t][s][c] >= 0) rel_rows(rd, l, l->tot[t][s][c], t, s, c, 0, rd->rows[t]);
  int people = l->tot[RT_SECTOR][s][0], part = l->key[s][RK_PARTICIPATIONS];
  rel_equal(l, people, l->tot[RT_REGION][s][1]); /* everyone with a participation, once */
  rel_equal(l, people, l->tot[RT_ORG_TYPE][s][1]);
  rel_equal(l, part, l->tot[RT_SECTOR][s][1]); /* every participation, once */
  rel_rows(rd, l, part, RT_SERVICE_TYPE, s, 1, 0, rd->rows[RT_SERVICE_TYPE]);
  rel_rows(rd, l, part, RT_ROLE, s, 1, 0, rd->rows[RT_ROLE]);
  int lo = s ? rd->period[s].start_year - rd->base_year : 0,
      hi = s ? rd->period[s].end_year - rd->base_year + 1 : NYEARS;
  rel_rows(rd, l, part, RT_YEAR, 0, 2, lo < 0 ? 0 : lo, hi > NYEARS ? NYEARS : hi < 0 ? 0 : hi);
  for (int t = RT_AGE; t <= RT_EDUCATION; t++) rel_equal(l, l->tot[RT_GENDER][s][0], l->tot[t][s][0]);
  if (s) rel_equal(l, l->key[s][RK_PARTICIPANTS], l->tot[RT_GENDER][s][0]); /* start records of the period */
}

/* Across slots: the whole programme against the sum of its periods, cell by cell. Exact for participations and
 * start records; people are counted once in the whole programme however many periods they took part in, so those
 * relations are distinct-people ones (sup_rel_distinct). Attendees are neither (someone can be an attendee in a
 * period and an ESF participant in the whole programme): protected as if exact. */
static void links_periods(const report_data *rd, links *l) {
  for (int t = RT_SERVICE_TYPE; t < RT_COUNT; t++)
    for (int c = 0; t != RT_YEAR && c < TABLES[t].ncols; c++)
      for (int i = has_total(t) ? -1 : 0; people_col(t, c) && i < rd->rows[t]; i++) {
        int whole = i < 0 ? l->tot[t][0][c] : var_of(rd, l, t, 0, i, c);
        if (TABLES[t].col[c] == RC_PEOPLE)
          sup_rel_distinct(&l->s, whole);
        else
          sup_rel_total(&l->s, whole);
        for (int s = 1; s <= rd->nperiods; s++)
          sup_rel_part(&l->s, i < 0 ? l->tot[t][s][c] : var_of(rd, l, t, s, i, c));
      }
  for (int m = 0; m < RK_COUNT; m++) {
    if (!people_key(m)) continue;
    if (m == RK_PARTICIPANTS) /* distinct people against start records per period */
      sup_rel_distinct(&l->s, l->key[0][m]);
    else
      sup_rel_total(&l->s, l->key[0][m]);
    for (int s = 1; s <= rd->nperiods; s++) sup_rel_part(&l->s, l->key[s][m]);
  }
}

/* Copies the marks the suppression chose back into rd. */
static void links_marks(report_data *rd, const links *l) {
  for (int t = RT_SERVICE_TYPE; t < RT_COUNT; t++) {
    size_t n = (size_t)NSLOTS * (size_t)rd->rows[t] * REPORT_MAX_COLS;
    for (size_t k = 0; k < n; k++) rd->mark[t][k] = l->vi[t][k] >= 0 ? l->s.mark[l->vi[t][k]] : SUP_SHOWN;
    for (int s = 0; s < nslots_of(rd, t); s++)
      for (int c = 0; c < REPORT_MAX_COLS; c++)
        rd->total_mark[t][s][c] = l->tot[t][s][c] >= 0 ? l->s.mark[l->tot[t][s][c]] : SUP_SHOWN;
  }
  for (int s = 0; s <= rd->nperiods; s++)
    for (int m = 0; m < RK_COUNT; m++) rd->key_mark[s][m] = l->key[s][m] >= 0 ? l->s.mark[l->key[s][m]] : SUP_SHOWN;
}

/* Decides the public view of every table and slot together (docs/statistics.md). */
void link_and_suppress(report_data *rd) {
  links l;
  memset(&l, 0, sizeof l);
  links_vars(rd, &l);
  for (int s = 0; s <= rd->nperiods; s++) links_slot(rd, &l, s);
  if (rd->nperiods) links_periods(rd, &l);
  esf_links(rd, &l.s, l.vi, (const int(*)[NSLOTS][REPORT_MAX_COLS])l.tot);
  sup_run(&l.s);
  links_marks(rd, &l);
  for (int t = 0; t < RT_COUNT; t++) free(l.vi[t]);
  sup_free(&l.s);
}
