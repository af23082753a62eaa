/* report/target: targets by period, year, service type and indicator: stored, checked, measured against the
 * actual figures, and on track or not (the target pro-rated by the elapsed share of its span). */
#include <stdio.h>
#include <string.h>

#include "report/internal.h"

#define MAX_GOAL 100000000LL

const char *report_goal_metric_label(const char *metric) {
  int m = report_metric_of(metric), id = 0;
  if (m >= 0) return report_metric_label(m);
  int row = metric ? esf_row_index(metric, &id) : -1;
  if (row < 0) return NULL;
  report_row r = {0};
  esf_row(id, row, &r);
  return r.label[0];
}

static void goal_read(db_stmt *st, arena *a, report_goal *g) {
  g->id = db_col_int(st, 0);
  g->metric = db_col_adup(st, 1, a);
  g->period_id = db_col_int(st, 2);
  g->year = (int)db_col_int(st, 3);
  g->service_type = db_col_adup(st, 4, a);
  g->value = db_col_int(st, 5);
}

#define GOAL_COLS "SELECT id, metric, period_id, year, service_type, value FROM target"

report_goal *report_goals(db *d, arena *a, int *n) {
  db_stmt *st = db_query(d, GOAL_COLS " ORDER BY period_id, year, service_type, metric", "");
  report_goal *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    goal_read(st, a, &v[(*n)++]);
  }
  db_done(st);
  return v;
}

int report_goal_get(db *d, arena *a, long long id, report_goal *g) {
  db_stmt *st = db_query(d, GOAL_COLS " WHERE id = ?1", "i", id);
  int found = db_step(st) == 1;
  if (found) goal_read(st, a, g);
  db_done(st);
  return found ? K_OK : K_ERR;
}

/* The first and last year a target of slot s may name. */
static void slot_years(const report_data *rd, int s, int *lo, int *hi) {
  if (s > 0 && s <= rd->nperiods) {
    *lo = rd->period[s].start_year, *hi = rd->period[s].end_year;
  } else if (rd->nperiods) {
    *lo = rd->period[1].start_year, *hi = rd->period[rd->nperiods].end_year;
  } else {
    *lo = rd->base_year, *hi = rd->base_year + NYEARS - 1;
  }
}

static int type_index(const report_data *rd, const char *type) {
  int t = type && *type ? reflist_find(&rd->types, type) : -1;
  return t < NTYPE_BITS ? t : -1;
}

/* Key figure m in slot s, year index y (-1: the whole slot), type t (-1: every type), or -1 when not counted. */
static long long key_actual(const report_data *rd, int m, int s, int y, int t) {
  if (t < 0) return y < 0 ? rd->key[s][m] : rd->ykey[y][m];
  int k = m == RK_ORGANISATIONS ? 0 : m == RK_PARTICIPATIONS ? 1 : m == RK_PARTICIPANTS && y < 0 ? 2 : -1;
  if (k < 0) return -1;
  return y < 0 ? rd->tkey[s][t][k] : rd->ytkey[y][t][k];
}

long long report_goal_actual(const report_data *rd, const report_goal *g) {
  int s = slot_of_period(rd, g->period_id), y = g->year ? g->year - rd->base_year : -1;
  int t = type_index(rd, g->service_type), m = report_metric_of(g->metric), id = 0;
  if (s < 0 || (g->year && (y < 0 || y >= NYEARS)) || (g->service_type && *g->service_type && t < 0)) return -1;
  if (m >= 0) return key_actual(rd, m, s, y, t);
  int row = esf_row_index(g->metric, &id);
  if (row < 0 || t >= 0) return -1;
  if (y >= 0)
    return rd->esf_year[(size_t)y * (size_t)(rd->rows[RT_ESF_START] + rd->rows[RT_ESF_EXIT]) +
                        (size_t)(id == RT_ESF_EXIT ? rd->rows[RT_ESF_START] : 0) + (size_t)row];
  return rd->cell[id][cell_at(rd, id, s, row, REPORT_MAX_COLS - 1)];
}

int report_goal_check(const report_data *rd, const report_goal *g, kerr *e) {
  int id = 0, s = slot_of_period(rd, g->period_id), lo, hi;
  if (!g->metric || (report_metric_of(g->metric) < 0 && esf_row_index(g->metric, &id) < 0))
    return kerr_set(e, "metric", N_("Tuntematon tunnusluku tai indikaattori."));
  if (s < 0) return kerr_set(e, "period", N_("Rahoituskautta ei ole."));
  slot_years(rd, s, &lo, &hi);
  if (g->year && (g->year < lo || g->year > hi))
    return kerr_set(e, "year", N_("Vuoden pitää olla kauden vuosi, tai tyhjä koko kaudelle."));
  if (g->service_type && *g->service_type && type_index(rd, g->service_type) < 0)
    return kerr_set(e, "service_type", N_("Tuntematon palvelutyyppi."));
  if (g->value < 0 || g->value > MAX_GOAL)
    return kerr_set(e, "value", N_("Tavoitteen pitää olla kokonaisluku 0–100000000."));
  if (report_goal_actual(rd, g) < 0)
    return kerr_set(
        e, g->service_type && *g->service_type ? "service_type" : "year",
        N_("Tätä lukua ei lasketa näin: tapahtumien osallistujat vain kausittain, teot ja ESR-indikaattorit "
           "eivät palvelutyypeittäin, ESR-osallistujat palvelutyypeittäin vain koko kaudelta."));
  return K_OK;
}

long long report_goal_save(db *d, const report_data *rd, const report_goal *g, kerr *e) {
  if (report_goal_check(rd, g, e) != K_OK) return 0;
  const char *type = g->service_type ? g->service_type : "";
  int rc = g->id
               ? db_exec(d,
                         "UPDATE target SET metric = ?2, period_id = ?3, year = ?4, service_type = ?5, value = ?6"
                         " WHERE id = ?1",
                         "itiiti", g->id, g->metric, g->period_id, (long long)g->year, type, g->value)
               : db_exec(d,
                         "INSERT INTO target(metric, period_id, year, service_type, value) VALUES (?1, ?2, ?3, ?4, ?5)"
                         " ON CONFLICT(metric, period_id, year, service_type) DO UPDATE SET value = excluded.value",
                         "tiiti", g->metric, g->period_id, (long long)g->year, type, g->value);
  if (rc == DB_CONSTRAINT)
    return kerr_set(e, "metric", N_("Tälle luvulle on jo tavoite samalla kaudella, vuodella ja palvelutyypillä.")), 0;
  if (rc != DB_OK) return kerr_storage(e, "Tavoitteen tallennus", db_errmsg(d)), 0;
  return db_int(d, 0, "SELECT id FROM target WHERE metric = ?1 AND period_id = ?2 AND year = ?3 AND service_type = ?4",
                "tiit", g->metric, g->period_id, (long long)g->year, type);
}

int report_goal_delete(db *d, long long id, kerr *e) {
  if (db_exec(d, "DELETE FROM target WHERE id = ?1", "i", id) != DB_OK)
    return kerr_storage(e, "Tavoitteen poisto", db_errmsg(d));
  return db_changes(d) == 1 ? K_OK : kerr_set(e, NULL, N_("Tavoitetta ei ole."));
}

/* ---- on track ---- */

/* Days since 1970-01-01 of "yyyy-mm-dd" (the proleptic Gregorian calendar). */
static long days_of(const char *iso) {
  int y = 0, m = 0, dd = 0;
  if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &dd) != 3) return 0;
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void report_goal_track(const report_data *rd, const report_goal *g, const char *today, report_track *t) {
  memset(t, 0, sizeof *t);
  int s = slot_of_period(rd, g->period_id), lo = g->year, hi = g->year;
  if (!g->year) slot_years(rd, s < 0 ? 0 : s, &lo, &hi);
  snprintf(t->start, sizeof t->start, "%04d-01-01", lo % 10000);
  snprintf(t->end, sizeof t->end, "%04d-12-31", hi % 10000);
  long span = days_of(t->end) - days_of(t->start) + 1, gone = days_of(today) - days_of(t->start) + 1;
  gone = gone < 0 ? 0 : gone > span ? span : gone;
  t->elapsed_pct = span > 0 ? (int)(gone * 100 / span) : 100;
  t->expected = g->value * t->elapsed_pct / 100;
  t->actual = report_goal_actual(rd, g);
  t->status = t->actual < 0              ? GOAL_NO_ACTUAL
              : t->actual >= g->value    ? GOAL_REACHED
              : gone == 0                ? GOAL_NOT_STARTED
              : t->actual >= t->expected ? GOAL_ON_TRACK
                                         : GOAL_BEHIND;
}
