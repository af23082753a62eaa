/* report/data: reads the reference lists and computes every figure in one pass over the data. */
#include "report/internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading reference lists ---- */

static void reflist_free(reflist *l) {
  for (int i = 0; i < l->n; i++) {
    free(l->v[i].code);
    for (int j = 0; j < 3; j++) free(l->v[i].name[j]);
  }
  free(l->v);
  memset(l, 0, sizeof *l);
}

/* Reads (code, fi, sv[, en]) rows; a missing en repeats fi. */
static void reflist_load(db *d, const char *sql, int ncols, reflist *l) {
  int cap = 0;
  memset(l, 0, sizeof *l);
  db_stmt *st = db_query(d, sql, "");
  while (db_step(st) == 1) {
    l->v = util_grow(l->v, l->n, &cap, sizeof *l->v);
    refrow *x = &l->v[l->n++];
    x->code = util_strdup(db_col_text(st, 0));
    for (int j = 0; j < 3; j++) x->name[j] = util_strdup(db_col_text(st, 1 + (j < ncols - 1 ? j : 0)));
  }
  db_done(st);
}

int reflist_find(const reflist *l, const char *code) {
  for (int i = 0; i < l->n; i++)
    if (strcmp(l->v[i].code, code) == 0) return i;
  return -1;
}

int fixed_find(const fixed *f, int n, const char *code) {
  for (int i = 0; i < n; i++)
    if (strcmp(f[i].code, code) == 0) return i;
  return -1;
}

/* ---- the data ---- */

void data_clear(report_data *rd) {
  for (int i = 1; i <= rd->nperiods; i++) {
    free((char *)rd->period[i].name);
    free((char *)rd->period[i].name_sv);
    free((char *)rd->period[i].name_en);
  }
  reflist_free(&rd->types), reflist_free(&rd->sectors), reflist_free(&rd->regions);
  for (int t = 0; t < RT_COUNT; t++) free(rd->cell[t]), free(rd->mark[t]);
  free(rd->esf_year);
  memset(rd, 0, sizeof *rd);
}

/* Rows of each table: fixed lists, reference lists (+1 for "unknown" where the link may be missing), years. */
static void size_tables(report_data *rd) {
  int n[RT_COUNT] = {[RT_KEY] = RK_COUNT,
                     [RT_SERVICE_TYPE] = rd->types.n,
                     [RT_ROLE] = NROLE,
                     [RT_SECTOR] = rd->sectors.n + 1,
                     [RT_ORG_TYPE] = NOTYPE + 1,
                     [RT_REGION] = rd->regions.n + 1,
                     [RT_YEAR] = NYEARS,
                     [RT_GENDER] = NIND,
                     [RT_AGE] = NIND,
                     [RT_LABOUR] = NIND,
                     [RT_EDUCATION] = NIND,
                     [RT_ESF_START] = esf_nrows(RT_ESF_START),
                     [RT_ESF_EXIT] = esf_nrows(RT_ESF_EXIT)};
  for (int t = 0; t < RT_COUNT; t++) {
    rd->rows[t] = n[t];
    rd->cell[t] = util_calloc((size_t)NSLOTS * (size_t)n[t] * REPORT_MAX_COLS, sizeof(long long));
    rd->mark[t] = util_calloc((size_t)NSLOTS * (size_t)n[t] * REPORT_MAX_COLS, 1);
  }
  rd->esf_year = util_calloc((size_t)NYEARS * (size_t)(n[RT_ESF_START] + n[RT_ESF_EXIT]), sizeof(long long));
}

/* Index of a cell in rd->cell[t]. */
size_t cell_at(const report_data *rd, int t, int slot, int row, int col) {
  return ((size_t)slot * (size_t)rd->rows[t] + (size_t)row) * REPORT_MAX_COLS + (size_t)col;
}

long long *cell(report_data *rd, int t, int slot, int row, int col) {
  return &rd->cell[t][cell_at(rd, t, slot, row, col)];
}

static int slot_of_year(const report_data *rd, int year) {
  for (int i = 1; i <= rd->nperiods; i++)
    if (year >= rd->period[i].start_year && year <= rd->period[i].end_year) return i;
  return 0; /* outside every period: counts only in the whole programme */
}

/* Slot of a funding period id (0 is the whole programme), or -1. */
int slot_of_period(const report_data *rd, long long id) {
  for (int s = 0; s <= rd->nperiods; s++)
    if (rd->period[s].id == id) return s;
  return -1;
}

/* What one pass keeps per delivery, organisation and person. */
typedef struct dinfo {
  int8_t slot, type; /* slot -1: no such delivery */
  uint8_t year, attendee;
} dinfo;
typedef struct oinfo {
  int8_t type, region; /* -1: none */
  uint16_t slots;      /* bit s: reached in slot s */
  uint32_t years;
  uint16_t types[NSLOTS], ytypes[NYEARS]; /* bit t: reached through service type t in the slot, in the year */
} oinfo;
typedef struct pinfo {
  int32_t org;
  int8_t sector;  /* -1: none */
  uint16_t esf;   /* bit s: has a start record in slot s */
  uint32_t years; /* bit y: a participation in base_year + y */
} pinfo;
/* per person and slot: bits 0..15 service types, 16..19 roles, 20 attendee service, 21 any participation */
enum { PS_ROLE = 16, PS_ATTENDEE = 20, PS_ANY = 21 };

typedef struct pass {
  long long maxd, maxo, maxp;
  dinfo *dl;
  oinfo *ol;
  pinfo *pl;
  uint32_t *ps; /* [person * NSLOTS + slot] */
} pass;

static long long max_id(db *d, const char *sql) {
  long long m = db_int(d, 0, sql, "");
  return m < 0 ? 0 : m > MAX_ID ? MAX_ID : m;
}

static void load_periods(db *d, report_data *rd) {
  rd->period[0] = (report_period){0, NULL, NULL, NULL, 0, 0};
  db_stmt *st = db_query(
      d, "SELECT id, name, start_year, end_year, name_sv, name_en FROM funding_period ORDER BY start_year", "");
  while (db_step(st) == 1 && rd->nperiods < REPORT_MAX_PERIODS) {
    report_period *p = &rd->period[++rd->nperiods];
    p->id = db_col_int(st, 0);
    p->name = util_strdup(db_col_text(st, 1));
    p->name_sv = util_strdup(db_col_text(st, 4)), p->name_en = util_strdup(db_col_text(st, 5));
    p->start_year = (int)db_col_int(st, 2), p->end_year = (int)db_col_int(st, 3);
  }
  db_done(st);
  rd->base_year = rd->nperiods ? rd->period[1].start_year : 0;
  if (!rd->base_year) rd->base_year = (int)db_int(d, 2000, "SELECT min(substr(starts_on,1,4)) FROM delivery", "");
}

static void load_deliveries(db *d, report_data *rd, pass *p) {
  p->maxd = max_id(d, "SELECT max(id) FROM delivery");
  p->dl = util_calloc((size_t)p->maxd + 1, sizeof *p->dl);
  for (long long i = 0; i <= p->maxd; i++) p->dl[i].slot = -1;
  db_stmt *st = db_query(d,
                         "SELECT d.id, CAST(substr(d.starts_on,1,4) AS INTEGER), s.type_code, s.counts"
                         " FROM delivery d JOIN service s ON s.id = d.service_id",
                         "");
  while (db_step(st) == 1) {
    long long id = db_col_int(st, 0);
    int year = (int)db_col_int(st, 1), y = year - rd->base_year;
    if (id < 1 || id > p->maxd || y < 0 || y >= NYEARS) continue;
    dinfo *x = &p->dl[id];
    x->slot = (int8_t)slot_of_year(rd, year);
    x->year = (uint8_t)y;
    x->type = (int8_t)reflist_find(&rd->types, db_col_text(st, 2));
    x->attendee = strcmp(db_col_text(st, 3), "attendee") == 0;
  }
  db_done(st);
}

static void org_reach(oinfo *o, int slot, int y, int type) {
  o->slots |= (uint16_t)(1u | 1u << slot);
  o->years |= 1u << y;
  if (type < 0 || type >= NTYPE_BITS) return;
  o->types[0] |= (uint16_t)(1u << type), o->types[slot] |= (uint16_t)(1u << type);
  o->ytypes[y] |= (uint16_t)(1u << type);
}

static void load_orgs(db *d, report_data *rd, pass *p) {
  p->maxo = max_id(d, "SELECT max(id) FROM org");
  p->ol = util_calloc((size_t)p->maxo + 1, sizeof *p->ol);
  db_stmt *st = db_query(
      d, "SELECT o.id, o.type, m.region_code FROM org o LEFT JOIN municipality m ON m.code = o.municipality_code", "");
  while (db_step(st) == 1) {
    long long id = db_col_int(st, 0);
    if (id < 1 || id > p->maxo) continue;
    p->ol[id].type = (int8_t)fixed_find(ORG_TYPES, NOTYPE, db_col_text(st, 1));
    p->ol[id].region = (int8_t)reflist_find(&rd->regions, db_col_text(st, 2));
  }
  db_done(st);
  st = db_query(d, "SELECT delivery_id, org_id FROM delivery_org", "");
  while (db_step(st) == 1) {
    long long did = db_col_int(st, 0), oid = db_col_int(st, 1);
    if (did < 1 || did > p->maxd || oid < 1 || oid > p->maxo || p->dl[did].slot < 0) continue;
    org_reach(&p->ol[oid], p->dl[did].slot, p->dl[did].year, p->dl[did].type);
  }
  db_done(st);
}

static void load_people(db *d, report_data *rd, pass *p) {
  p->maxp = max_id(d, "SELECT max(id) FROM person");
  p->pl = util_calloc((size_t)p->maxp + 1, sizeof *p->pl);
  p->ps = util_calloc(((size_t)p->maxp + 1) * NSLOTS, sizeof *p->ps);
  db_stmt *st = db_query(d, "SELECT id, org_id, sector_code FROM person", "");
  while (db_step(st) == 1) {
    long long id = db_col_int(st, 0), org = db_col_int(st, 1);
    if (id < 1 || id > p->maxp) continue;
    p->pl[id].org = (int32_t)(org > 0 && org <= p->maxo ? org : 0);
    p->pl[id].sector = (int8_t)reflist_find(&rd->sectors, db_col_text(st, 2));
  }
  db_done(st);
}

static int age_group(db_stmt *st, int col) {
  if (db_col_null(st, col)) return 3;
  long long a = db_col_int(st, col);
  return a < 25 ? 0 : a <= 54 ? 1 : 2;
}

/* ESF start records: the participant flags per person and the common output and result indicators. */
static void load_esf(db *d, report_data *rd, pass *p) {
  db_stmt *st = db_query(d,
                         "SELECT person_id, period_id, age_at_entry, gender, labour, education, unemployed_for,"
                         " in_education, disability, migrant, disadvantaged, exit_status, exit_qualification,"
                         " CAST(substr(entry_date,1,4) AS INTEGER) FROM esf_start",
                         "");
  while (db_step(st) == 1) {
    long long pid = db_col_int(st, 0), per = db_col_int(st, 1);
    int slot = slot_of_period(rd, per);
    int rowv[4] = {fixed_find(GENDERS, NIND, db_col_text(st, 3)), age_group(st, 2),
                   fixed_find(LABOUR, NIND, db_col_text(st, 4)), fixed_find(EDUCATION, NIND, db_col_text(st, 5))};
    for (int k = 0; k < 4; k++) {
      if (rowv[k] < 0) continue;
      (*cell(rd, RT_GENDER + k, 0, rowv[k], 0))++;
      if (slot > 0) (*cell(rd, RT_GENDER + k, slot, rowv[k], 0))++;
    }
    int y = (int)db_col_int(st, 13) - rd->base_year;
    if (y < 0 || y >= NYEARS) y = -1;
    esf_count(rd, slot, y, st);
    if (y >= 0) rd->ykey[y][RK_PARTICIPANTS]++;
    if (slot > 0) rd->key[slot][RK_PARTICIPANTS]++;
    if (pid >= 1 && pid <= p->maxp) p->pl[pid].esf |= (uint16_t)(1u | (slot > 0 ? 1u << slot : 0));
  }
  db_done(st);
}

/* The big scan: every participation once. */
static void scan_participations(db *d, report_data *rd, pass *p) {
  db_stmt *st = db_query(d, "SELECT person_id, delivery_id, role FROM participation", "");
  while (db_step(st) == 1) {
    long long pid = db_col_int(st, 0), did = db_col_int(st, 1);
    if (pid < 1 || pid > p->maxp || did < 1 || did > p->maxd || p->dl[did].slot < 0) continue;
    const dinfo *x = &p->dl[did];
    const char *role = db_col_text(st, 2);
    int r = person_role_index(role);
    pinfo *pi = &p->pl[pid];
    uint32_t bits = 1u << PS_ANY | (x->type >= 0 && x->type < 16 ? 1u << x->type : 0) |
                    (r >= 0 ? 1u << (PS_ROLE + r) : 0) | (x->attendee ? 1u << PS_ATTENDEE : 0);
    const int slots[2] = {0, x->slot};
    for (int k = 0; k < (x->slot ? 2 : 1); k++) {
      int s = slots[k];
      p->ps[(size_t)pid * NSLOTS + (size_t)s] |= bits;
      rd->key[s][RK_PARTICIPATIONS]++;
      if (x->type >= 0) (*cell(rd, RT_SERVICE_TYPE, s, x->type, 1))++;
      if (r >= 0) (*cell(rd, RT_ROLE, s, r, 1))++;
      (*cell(rd, RT_SECTOR, s, pi->sector >= 0 ? pi->sector : rd->sectors.n, 1))++;
    }
    (*cell(rd, RT_YEAR, 0, x->year, 2))++;
    pi->years |= 1u << x->year;
    if (pi->org) org_reach(&p->ol[pi->org], x->slot, x->year, x->type);
    if (x->type >= 0 && x->type < NTYPE_BITS) rd->ytkey[x->year][x->type][1]++;
  }
  db_done(st);
}

/* Turns the per-person flags into distinct counts. */
static void count_people(report_data *rd, pass *p) {
  for (long long id = 1; id <= p->maxp; id++) {
    const pinfo *pi = &p->pl[id];
    if (pi->esf & 1) rd->key[0][RK_PARTICIPANTS]++;
    int region = pi->org ? p->ol[pi->org].region : -1, otype = pi->org ? p->ol[pi->org].type : -1;
    for (int s = 0; s <= rd->nperiods; s++) {
      uint32_t b = p->ps[(size_t)id * NSLOTS + (size_t)s];
      if (!(b & 1u << PS_ANY)) continue;
      if ((b & 1u << PS_ATTENDEE) && !(pi->esf & (1u << s))) rd->key[s][RK_ATTENDEES]++;
      for (int t = 0; t < rd->types.n && t < NTYPE_BITS; t++)
        if (b & 1u << t) {
          (*cell(rd, RT_SERVICE_TYPE, s, t, 0))++;
          if (pi->esf & (1u << s)) rd->tkey[s][t][2]++;
        }
      for (int r = 0; r < NROLE; r++)
        if (b & 1u << (PS_ROLE + r)) (*cell(rd, RT_ROLE, s, r, 0))++;
      (*cell(rd, RT_SECTOR, s, pi->sector >= 0 ? pi->sector : rd->sectors.n, 0))++;
      (*cell(rd, RT_ORG_TYPE, s, otype >= 0 ? otype : NOTYPE, 1))++; /* NOTYPE: without an organisation */
      (*cell(rd, RT_REGION, s, region >= 0 ? region : rd->regions.n, 1))++;
    }
    for (int y = 0; y < NYEARS; y++)
      if (pi->years & 1u << y) (*cell(rd, RT_YEAR, 0, y, 1))++;
  }
  for (long long id = 1; id <= p->maxo; id++) {
    const oinfo *o = &p->ol[id];
    for (int s = 0; s <= rd->nperiods; s++) {
      if (!(o->slots & 1u << s)) continue;
      rd->key[s][RK_ORGANISATIONS]++;
      for (int t = 0; t < NTYPE_BITS; t++) rd->tkey[s][t][0] += (o->types[s] >> t) & 1;
      if (o->type >= 0) (*cell(rd, RT_ORG_TYPE, s, o->type, 0))++;
      (*cell(rd, RT_REGION, s, o->region >= 0 ? o->region : rd->regions.n, 0))++;
    }
    for (int y = 0; y < NYEARS; y++) {
      if (o->years & 1u << y) (*cell(rd, RT_YEAR, 0, y, 0))++;
      for (int t = 0; t < NTYPE_BITS; t++) rd->ytkey[y][t][0] += (o->ytypes[y] >> t) & 1;
    }
  }
  for (int y = 0; y < NYEARS; y++) {
    int any = 0;
    for (int c = 0; c < 3; c++) any |= *cell(rd, RT_YEAR, 0, y, c) != 0;
    if (!any) continue;
    if (!rd->first_year) rd->first_year = rd->base_year + y;
    rd->last_year = rd->base_year + y;
  }
}

static void load_deeds_and_targets(db *d, report_data *rd) {
  db_stmt *st = db_query(d, "SELECT year, count(*) FROM deed WHERE status='published' GROUP BY year", "");
  while (db_step(st) == 1) {
    int year = (int)db_col_int(st, 0);
    long long n = db_col_int(st, 1);
    rd->key[0][RK_DEEDS] += n;
    if (year >= rd->base_year && year < rd->base_year + NYEARS) rd->ykey[year - rd->base_year][RK_DEEDS] += n;
    int s = slot_of_year(rd, year);
    if (s) rd->key[s][RK_DEEDS] += n;
  }
  db_done(st);
  for (int s = 0; s < NSLOTS; s++)
    for (int m = 0; m < RK_COUNT; m++) rd->target[s][m] = -1;
  st = db_query(d, "SELECT metric, period_id, value FROM target WHERE year = 0 AND service_type = ''", "");
  while (db_step(st) == 1) {
    int m = report_metric_of(db_col_text(st, 0)), s = slot_of_period(rd, db_col_int(st, 1));
    if (m >= 0 && s >= 0) rd->target[s][m] = db_col_int(st, 2);
  }
  db_done(st);
}

/* The actuals for targets that the tables already hold: per year organisations and participations, per slot and
 * service type participations. */
static void actuals_from_tables(report_data *rd) {
  for (int y = 0; y < NYEARS; y++) {
    rd->ykey[y][RK_ORGANISATIONS] = *cell(rd, RT_YEAR, 0, y, 0);
    rd->ykey[y][RK_PARTICIPATIONS] = *cell(rd, RT_YEAR, 0, y, 2);
    rd->ykey[y][RK_ATTENDEES] = -1; /* attendees are counted per period only */
  }
  for (int s = 0; s < NSLOTS; s++)
    for (int t = 0; t < rd->types.n && t < NTYPE_BITS; t++) rd->tkey[s][t][1] = *cell(rd, RT_SERVICE_TYPE, s, t, 1);
}

void data_load(db *d, report_data *rd) {
  load_periods(d, rd);
  reflist_load(d, "SELECT code, name_fi, name_sv, name_en FROM service_type ORDER BY position", 4, &rd->types);
  reflist_load(d, "SELECT code, name_fi, name_sv, name_en FROM sector ORDER BY position", 4, &rd->sectors);
  reflist_load(d, "SELECT code, name_fi, name_sv FROM region ORDER BY number", 3, &rd->regions);
  size_tables(rd);
  for (int y = 0; y < NYEARS; y++)
    snprintf(rd->year_code[y], sizeof rd->year_code[y], "%d", (rd->base_year + y) % 10000);
  pass p = {0};
  load_deliveries(d, rd, &p);
  load_orgs(d, rd, &p);
  load_people(d, rd, &p);
  load_esf(d, rd, &p);
  scan_participations(d, rd, &p);
  count_people(rd, &p);
  load_deeds_and_targets(d, rd);
  actuals_from_tables(rd);
  free(p.dl), free(p.ol), free(p.pl), free(p.ps);
}
