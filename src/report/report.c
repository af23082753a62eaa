/* report: computes every statistics figure in one pass over the data and keeps it per connection (see report.h). */
#include "report/report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <pthread.h>

#include "model/person.h"
#include "report/suppress.h"

#define NSLOTS (REPORT_MAX_PERIODS + 1)
#define MAX_ID 50000000LL /* ids above this would make the per-id arrays unreasonably large */
#define NYEARS 32         /* years counted from the first period's start year (or the first delivery) */

/* Fixed rows: code and Finnish label (translated by the caller). */
typedef struct fixed {
  const char *code, *label;
} fixed;

static const fixed ORG_TYPES[] = {{"kunta", N_("Kunta")},
                                  {"kuntayhtyma", N_("Kuntayhtymä")},
                                  {"yhtio", N_("Kuntaomisteinen yhtiö")},
                                  {"hyvinvointialue", N_("Hyvinvointialue tai maakunta")},
                                  {"muu", N_("Muu")}};
static const fixed GENDERS[] = {
    {"nainen", N_("Naiset")}, {"mies", N_("Miehet")}, {"muu", N_("Muu")}, {"eos", N_("En halua vastata")}};
static const fixed AGES[] = {{"alle25", N_("Alle 25-vuotiaat")},
                             {"25-54", N_("25–54-vuotiaat")},
                             {"yli54", N_("Yli 54-vuotiaat")},
                             {"eos", N_("En halua vastata")}};
static const fixed LABOUR[] = {{"tyollinen", N_("Työlliset")},
                               {"tyoton", N_("Työttömät")},
                               {"ulkopuolella", N_("Työvoiman ulkopuolella")},
                               {"eos", N_("En halua vastata")}};
static const fixed EDUCATION[] = {{"isced12", N_("ISCED 1–2 (perusaste)")},
                                  {"isced34", N_("ISCED 3–4 (toinen aste)")},
                                  {"isced58", N_("ISCED 5–8 (korkea-aste)")},
                                  {"eos", N_("En halua vastata")}};
static const fixed METRICS[] = {{"organisations", N_("Tavoitetut organisaatiot")},
                                {"participants", N_("ESR-osallistujat")},
                                {"attendees", N_("Tapahtumien osallistujat")},
                                {"participations", N_("Osallistumiset")},
                                {"deeds", N_("Julkaistut teot")}};
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
};

/* Computed figures shared by every connection of the process to the same database (uid) at the same
 * stats_generation.n; freed when the last holder lets go. */
typedef struct shared_report {
  report_data rd;
  char uid[40];
  long long gen;
  int refs; /* under report_mu */
} shared_report;

/* What a connection holds: the figures its last report_get returned. */
typedef struct rstate {
  shared_report *held;
  double ms;
  long long builds;
} rstate;

static pthread_mutex_t report_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t report_done = PTHREAD_COND_INITIALIZER; /* signalled when a computation is published */
static shared_report *report_current; /* the newest figures computed outside a transaction; holds one reference */
/* The figures one connection is computing now (uid, gen), so that others asking for the same wait for them instead
 * of computing them again: after a change every worker thread's next statistics request would otherwise take the
 * whole pass at once. */
static int report_busy;
static char report_busy_uid[40];
static long long report_busy_gen;

static const struct tdef {
  const char *name, *title, *desc;
  int ncols, col[REPORT_MAX_COLS];
} TABLES[RT_COUNT] = {
    [RT_KEY] = {"key",
                N_("Tunnusluvut"),
                N_("Tavoitetut organisaatiot, osallistujat, osallistumiset ja teot"),
                2,
                {RC_VALUE, RC_TARGET}},
    [RT_SERVICE_TYPE] = {"service_type",
                         N_("Palvelutyypeittäin"),
                         N_("Henkilöt ja osallistumiset palvelutyypeittäin"),
                         2,
                         {RC_PEOPLE, RC_PARTICIPATIONS}},
    [RT_ROLE] =
        {"role", N_("Rooleittain"), N_("Henkilöt ja osallistumiset roolin mukaan"), 2, {RC_PEOPLE, RC_PARTICIPATIONS}},
    [RT_SECTOR] = {"sector",
                   N_("Toimialoittain"),
                   N_("Henkilöt ja osallistumiset henkilön toimialan mukaan"),
                   2,
                   {RC_PEOPLE, RC_PARTICIPATIONS}},
    [RT_ORG_TYPE] = {"org_type",
                     N_("Organisaatiotyypeittäin"),
                     N_("Tavoitetut organisaatiot ja henkilöt"),
                     2,
                     {RC_ORGS, RC_PEOPLE}},
    [RT_REGION] = {"region",
                   N_("Maakunnittain"),
                   N_("Tavoitetut organisaatiot ja henkilöt maakunnittain"),
                   2,
                   {RC_ORGS, RC_PEOPLE}},
    [RT_YEAR] = {"year",
                 N_("Vuosittain"),
                 N_("Tavoitetut organisaatiot, henkilöt ja osallistumiset vuosittain"),
                 3,
                 {RC_ORGS, RC_PEOPLE, RC_PARTICIPATIONS}},
    [RT_GENDER] = {"gender",
                   N_("ESR-osallistujat sukupuolen mukaan"),
                   N_("ESR-osallistujat (aloitustiedot)"),
                   1,
                   {RC_PARTICIPANTS}},
    [RT_AGE] = {"age", N_("ESR-osallistujat iän mukaan"), N_("Ikä osallistumisen alkaessa"), 1, {RC_PARTICIPANTS}},
    [RT_LABOUR] = {"labour",
                   N_("ESR-osallistujat työmarkkina-aseman mukaan"),
                   N_("Työmarkkina-asema alkaessa"),
                   1,
                   {RC_PARTICIPANTS}},
    [RT_EDUCATION] =
        {"education", N_("ESR-osallistujat koulutuksen mukaan"), N_("Koulutustaso (ISCED)"), 1, {RC_PARTICIPANTS}},
};

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

static int reflist_find(const reflist *l, const char *code) {
  for (int i = 0; i < l->n; i++)
    if (strcmp(l->v[i].code, code) == 0) return i;
  return -1;
}

static int fixed_find(const fixed *f, int n, const char *code) {
  for (int i = 0; i < n; i++)
    if (strcmp(f[i].code, code) == 0) return i;
  return -1;
}

/* ---- the data ---- */

static void data_clear(report_data *rd) {
  for (int i = 1; i <= rd->nperiods; i++) free((char *)rd->period[i].name);
  reflist_free(&rd->types), reflist_free(&rd->sectors), reflist_free(&rd->regions);
  for (int t = 0; t < RT_COUNT; t++) free(rd->cell[t]), free(rd->mark[t]);
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
                     [RT_EDUCATION] = NIND};
  for (int t = 0; t < RT_COUNT; t++) {
    rd->rows[t] = n[t];
    rd->cell[t] = util_calloc((size_t)NSLOTS * (size_t)n[t] * REPORT_MAX_COLS, sizeof(long long));
    rd->mark[t] = util_calloc((size_t)NSLOTS * (size_t)n[t] * REPORT_MAX_COLS, 1);
  }
}

/* Index of a cell in rd->cell[t]. */
static size_t cell_at(const report_data *rd, int t, int slot, int row, int col) {
  return ((size_t)slot * (size_t)rd->rows[t] + (size_t)row) * REPORT_MAX_COLS + (size_t)col;
}

static long long *cell(report_data *rd, int t, int slot, int row, int col) {
  return &rd->cell[t][cell_at(rd, t, slot, row, col)];
}

static int slot_of_year(const report_data *rd, int year) {
  for (int i = 1; i <= rd->nperiods; i++)
    if (year >= rd->period[i].start_year && year <= rd->period[i].end_year) return i;
  return 0; /* outside every period: counts only in the whole programme */
}

/* Slot of a funding period id (0 is the whole programme), or -1. */
static int slot_of_period(const report_data *rd, long long id) {
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
  rd->period[0] = (report_period){0, NULL, 0, 0};
  db_stmt *st = db_query(d, "SELECT id, name, start_year, end_year FROM funding_period ORDER BY start_year", "");
  while (db_step(st) == 1 && rd->nperiods < REPORT_MAX_PERIODS) {
    report_period *p = &rd->period[++rd->nperiods];
    p->id = db_col_int(st, 0);
    p->name = util_strdup(db_col_text(st, 1));
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

static void org_reach(oinfo *o, int slot, int y) {
  o->slots |= (uint16_t)(1u | 1u << slot);
  o->years |= 1u << y;
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
    org_reach(&p->ol[oid], p->dl[did].slot, p->dl[did].year);
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

/* ESF start records: the participant flags per person and the common output indicators. */
static void load_esf(db *d, report_data *rd, pass *p) {
  db_stmt *st =
      db_query(d, "SELECT person_id, period_id, age_at_entry, gender, labour, education FROM esf_start", "");
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
    if (pi->org) org_reach(&p->ol[pi->org], x->slot, x->year);
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
      for (int t = 0; t < rd->types.n && t < 16; t++)
        if (b & 1u << t) (*cell(rd, RT_SERVICE_TYPE, s, t, 0))++;
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
      if (o->type >= 0) (*cell(rd, RT_ORG_TYPE, s, o->type, 0))++;
      (*cell(rd, RT_REGION, s, o->region >= 0 ? o->region : rd->regions.n, 0))++;
    }
    for (int y = 0; y < NYEARS; y++)
      if (o->years & 1u << y) (*cell(rd, RT_YEAR, 0, y, 0))++;
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
    int s = slot_of_year(rd, year);
    if (s) rd->key[s][RK_DEEDS] += n;
  }
  db_done(st);
  for (int s = 0; s < NSLOTS; s++)
    for (int m = 0; m < RK_COUNT; m++) rd->target[s][m] = -1;
  st = db_query(d, "SELECT metric, period_id, value FROM target", "");
  while (db_step(st) == 1) {
    int m = report_metric_of(db_col_text(st, 0)), s = slot_of_period(rd, db_col_int(st, 1));
    if (m >= 0 && s >= 0) rd->target[s][m] = db_col_int(st, 2);
  }
  db_done(st);
}

/* ---- the public view: suppression over every table and slot at once ---- */

/* 1 when table id has a total row: not where one person or organisation is in several rows (a sum would count them
 * twice). */
static int has_total(int id) {
  return id != RT_KEY && id != RT_YEAR && id != RT_SERVICE_TYPE && id != RT_ROLE;
}

/* 1 when column c of table id counts people (and is suppressed in public views). */
static int people_col(int id, int c) {
  int col = TABLES[id].col[c];
  return col == RC_PEOPLE || col == RC_PARTICIPATIONS || col == RC_PARTICIPANTS;
}

static int people_key(int metric) {
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
static void link_and_suppress(report_data *rd) {
  links l;
  memset(&l, 0, sizeof l);
  links_vars(rd, &l);
  for (int s = 0; s <= rd->nperiods; s++) links_slot(rd, &l, s);
  if (rd->nperiods) links_periods(rd, &l);
  sup_run(&l.s);
  links_marks(rd, &l);
  for (int t = 0; t < RT_COUNT; t++) free(l.vi[t]);
  sup_free(&l.s);
}

static void build(db *d, report_data *rd) {
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
  link_and_suppress(rd);
  free(p.dl), free(p.ol), free(p.pl), free(p.ps);
}

static void release(shared_report *x) {
  if (!x) return;
  pthread_mutex_lock(&report_mu);
  int last = --x->refs == 0;
  pthread_mutex_unlock(&report_mu);
  if (last) {
    data_clear(&x->rd);
    free(x);
  }
}

static void state_free(void *x) {
  rstate *s = x;
  release(s->held);
  free(s);
}

static rstate *state(db *d) {
  rstate *s = db_slot(d, DB_SLOT_REPORT);
  if (!s) {
    s = util_calloc(1, sizeof *s);
    db_set_slot(d, DB_SLOT_REPORT, s, state_free);
  }
  return s;
}

/* The shared figures for uid at gen, with a reference for the caller, waiting while another connection computes
 * exactly those. NULL when the caller has to compute them; *claimed is then 1 when others will wait for the caller
 * (it must call shared_publish and shared_release_claim). */
static shared_report *shared_find(const char *uid, long long gen, int *claimed) {
  *claimed = 0;
  pthread_mutex_lock(&report_mu);
  for (;;) {
    shared_report *x = report_current;
    if (x && x->gen == gen && !strcmp(x->uid, uid)) {
      x->refs++;
      pthread_mutex_unlock(&report_mu);
      return x;
    }
    if (!report_busy || report_busy_gen != gen || strcmp(report_busy_uid, uid)) break;
    pthread_cond_wait(&report_done, &report_mu);
  }
  if (!report_busy) {
    report_busy = 1, *claimed = 1;
    report_busy_gen = gen;
    snprintf(report_busy_uid, sizeof report_busy_uid, "%s", uid);
  }
  pthread_mutex_unlock(&report_mu);
  return NULL;
}

/* Ends the caller's claim and wakes the connections waiting for its figures. */
static void shared_release_claim(void) {
  pthread_mutex_lock(&report_mu);
  report_busy = 0;
  pthread_cond_broadcast(&report_done);
  pthread_mutex_unlock(&report_mu);
}

/* Makes x the shared figures (it gains the cache's reference), dropping the older ones. */
static void shared_publish(shared_report *x) {
  pthread_mutex_lock(&report_mu);
  shared_report *old = report_current;
  x->refs++;
  report_current = x;
  pthread_mutex_unlock(&report_mu);
  release(old);
}

const report_data *report_get(db *d) {
  rstate *s = state(d);
  /* inside a caller's transaction the data may still be rolled back: compute for this caller only */
  int in_tx = db_in_transaction(d);
  int own_tx = !in_tx && db_exec(d, "BEGIN", "") == DB_OK; /* one snapshot for the key and every query */
  char uid[40] = "";
  long long gen = -1;
  db_stmt *st = db_query(d, "SELECT uid, n FROM stats_generation", "");
  if (db_step(st) == 1) {
    snprintf(uid, sizeof uid, "%s", db_col_text(st, 0));
    gen = db_col_int(st, 1);
  }
  db_done(st);
  int claimed = 0;
  shared_report *x = in_tx ? NULL : shared_find(uid, gen, &claimed);
  if (!x) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    x = util_calloc(1, sizeof *x);
    snprintf(x->uid, sizeof x->uid, "%s", uid);
    x->gen = gen, x->refs = 1;
    build(d, &x->rd);
    clock_gettime(CLOCK_MONOTONIC, &b);
    s->ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
    s->builds++;
    if (!in_tx) shared_publish(x);
    if (claimed) shared_release_claim();
  }
  if (own_tx) db_exec(d, "COMMIT", "");
  release(s->held);
  s->held = x;
  return &x->rd;
}

double report_last_build_ms(db *d) {
  return state(d)->ms;
}

long long report_build_count(db *d) {
  return state(d)->builds;
}

/* ---- periods, names, targets ---- */

int report_nperiods(const report_data *rd) {
  return rd->nperiods;
}

const report_period *report_period_at(const report_data *rd, int slot) {
  return slot >= 0 && slot <= rd->nperiods ? &rd->period[slot] : NULL;
}

int report_slot(const report_data *rd, const char *period_id) {
  long long id = 0;
  if (!period_id || !*period_id) return 0;
  if (util_parse_int(period_id, 0, 1LL << 53, &id) != K_OK) return -1;
  return slot_of_period(rd, id);
}

int report_table_id(const char *name) {
  for (int t = 0; name && t < RT_COUNT; t++)
    if (strcmp(TABLES[t].name, name) == 0) return t;
  return -1;
}

const char *report_table_name(int id) {
  return id >= 0 && id < RT_COUNT ? TABLES[id].name : NULL;
}

const char *report_col_title(int col) {
  static const char *const t[] = {N_("Määrä"),          N_("Organisaatiot"),    N_("Henkilöt"),
                                  N_("Osallistumiset"), N_("ESR-osallistujat"), N_("Tavoite")};
  return t[col];
}

const char *report_col_key(int col) {
  static const char *const k[] = {"value", "organisations", "people", "participations", "participants", "target"};
  return k[col];
}

const char *report_row_head(const report_table *t) {
  return t->id == RT_KEY ? N_("Tunnusluku") : N_("Luokka");
}

const char *report_metric_code(int metric) {
  return metric >= 0 && metric < RK_COUNT ? METRICS[metric].code : NULL;
}

const char *report_metric_label(int metric) {
  return METRICS[metric].label;
}

int report_metric_of(const char *code) {
  return code ? fixed_find(METRICS, RK_COUNT, code) : -1;
}

long long report_target(const report_data *rd, int metric, int slot) {
  return rd->target[slot][metric];
}

int report_target_set(db *d, const char *metric, long long period_id, long long value, kerr *e) {
  if (report_metric_of(metric) < 0) return kerr_set(e, "metric", N_("Tuntematon mittari."));
  int rc = value < 0 ? db_exec(d, "DELETE FROM target WHERE metric = ?1 AND period_id = ?2", "ti", metric, period_id)
                     : db_exec(d,
                               "INSERT INTO target(metric, period_id, value) VALUES (?1, ?2, ?3)"
                               " ON CONFLICT(metric, period_id) DO UPDATE SET value = excluded.value",
                               "tii", metric, period_id, value);
  return rc == DB_OK ? K_OK : kerr_storage(e, "Tavoitteen tallennus", db_errmsg(d));
}

int report_targets_save(db *d, const report_data *rd, const long long *vals, kerr *e) {
  if (db_begin(d) != DB_OK) return kerr_storage(e, "Tavoitteiden tallennus", db_errmsg(d));
  int rc = K_OK;
  for (int s = 0; s <= rd->nperiods && rc == K_OK; s++)
    for (int m = 0; m < RK_COUNT && rc == K_OK; m++)
      rc = report_target_set(d, METRICS[m].code, rd->period[s].id, vals[s * RK_COUNT + m], e);
  if (rc == K_OK && db_commit(d) != DB_OK) rc = kerr_storage(e, "Tavoitteiden tallennus", db_errmsg(d));
  if (rc != K_OK) db_rollback(d);
  return rc;
}

/* ---- tables ---- */

/* 1 when a cell of t counts people (and is suppressed in public views). */
static int people_cell(const report_table *t, int row, int c) {
  if (t->id == RT_KEY) return t->col[c] == RC_VALUE && people_key(row);
  return people_col(t->id, c);
}

void report_suppress(report_table *t) {
  sup_set s = {0};
  int var[REPORT_MAX_COLS][2] = {{0}}; /* [c]: the first row's variable, the total's (-1 when none) */
  for (int c = 0; c < t->ncols; c++) {
    var[c][0] = s.nvar, var[c][1] = -1;
    for (int i = 0; i < t->nrows; i++) sup_var(&s, people_cell(t, i, c) ? t->rows[i].v[c] : 0);
    if (!t->has_total || !people_cell(t, 0, c)) continue;
    var[c][1] = sup_var(&s, t->total.v[c]);
    sup_rel_total(&s, var[c][1]);
    for (int i = 0; i < t->nrows; i++) sup_rel_part(&s, var[c][0] + i);
  }
  sup_run(&s);
  t->nhidden = 0;
  for (int c = 0; c < t->ncols; c++) {
    for (int i = 0; i < t->nrows; i++) t->nhidden += !!(t->rows[i].hidden[c] = s.mark[var[c][0] + i]);
    if (var[c][1] >= 0) t->nhidden += !!(t->total.hidden[c] = s.mark[var[c][1]]);
  }
  sup_free(&s);
}

static void row_fixed(report_row *r, const fixed *f) {
  r->code = f->code;
  r->label[0] = f->label;
}

static void row_ref(report_row *r, const reflist *l, int i) {
  if (i < l->n) {
    r->code = l->v[i].code;
    for (int j = 0; j < 3; j++) r->label[j] = l->v[i].name[j];
  } else {
    r->code = "";
    r->label[0] = N_("Ei tiedossa");
  }
}

void report_table_make(const report_data *rd, int id, int slot, int publ, report_table *t) {
  memset(t, 0, sizeof *t);
  const struct tdef *def = &TABLES[id];
  t->id = id, t->name = def->name, t->title = def->title, t->desc = def->desc, t->ncols = def->ncols;
  memcpy(t->col, def->col, sizeof t->col);
  t->rows = util_calloc((size_t)rd->rows[id], sizeof *t->rows);
  t->has_total = has_total(id);
  for (int i = 0; i < rd->rows[id]; i++) {
    report_row *r = &t->rows[t->nrows];
    int year = rd->base_year + i;
    if (id == RT_YEAR) {
      int lo = slot ? rd->period[slot].start_year : rd->first_year,
          hi = slot ? rd->period[slot].end_year : rd->last_year;
      if (!lo || year < lo || year > hi) continue;
      r->code = r->label[0] = r->label[1] = r->label[2] = rd->year_code[i];
    } else if (id == RT_KEY) {
      row_fixed(r, &METRICS[i]);
    } else if (id == RT_SERVICE_TYPE) {
      row_ref(r, &rd->types, i);
    } else if (id == RT_ROLE) {
      r->code = person_role_at(i);
      r->label[0] = person_role_plural(r->code);
    } else if (id == RT_SECTOR) {
      row_ref(r, &rd->sectors, i);
    } else if (id == RT_REGION) {
      row_ref(r, &rd->regions, i);
    } else if (id == RT_ORG_TYPE && i == NOTYPE) {
      r->code = "";
      r->label[0] = N_("Ei organisaatiota");
    } else {
      const fixed *f = id == RT_ORG_TYPE ? ORG_TYPES
                       : id == RT_GENDER ? GENDERS
                       : id == RT_AGE    ? AGES
                       : id == RT_LABOUR ? LABOUR
                                         : EDUCATION;
      row_fixed(r, &f[i]);
    }
    int any = 0;
    for (int c = 0; c < t->ncols; c++) {
      if (id == RT_KEY) {
        r->v[c] = c == 0 ? rd->key[slot][i] : rd->target[slot][i];
        r->hidden[c] = publ && c == 0 ? rd->key_mark[slot][i] : SUP_SHOWN;
      } else {
        size_t at = cell_at(rd, id, id == RT_YEAR ? 0 : slot, i, c);
        r->v[c] = rd->cell[id][at];
        r->hidden[c] = publ ? rd->mark[id][at] : SUP_SHOWN;
      }
      any |= r->v[c] != 0;
      t->nhidden += r->hidden[c] != SUP_SHOWN;
    }
    /* "unknown" rows only when they count something */
    if (!any && (id == RT_SECTOR || id == RT_REGION || id == RT_ORG_TYPE) && !*r->code) continue;
    t->nrows++;
  }
  if (t->has_total) {
    t->total.code = "total";
    t->total.label[0] = N_("Yhteensä");
    for (int c = 0; c < t->ncols; c++) {
      for (int i = 0; i < t->nrows; i++) t->total.v[c] += t->rows[i].v[c];
      t->total.hidden[c] = publ ? rd->total_mark[id][slot][c] : SUP_SHOWN;
      t->nhidden += t->total.hidden[c] != SUP_SHOWN;
    }
  }
}

void report_table_free(report_table *t) {
  free(t->rows);
  memset(t, 0, sizeof *t);
}
