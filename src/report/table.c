/* report/table: the fixed rows and table definitions, names and targets, and making one table of the figures. */
#include "report/internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/suppress.h"

const fixed ORG_TYPES[N_ORG_TYPES] = {{"kunta", N_("Kunta")},
                                      {"kuntayhtyma", N_("Kuntayhtymä")},
                                      {"yhtio", N_("Kuntaomisteinen yhtiö")},
                                      {"hyvinvointialue", N_("Hyvinvointialue tai maakunta")},
                                      {"muu", N_("Muu")}};
const fixed GENDERS[N_GENDERS] = {
    {"nainen", N_("Naiset")}, {"mies", N_("Miehet")}, {"muu", N_("Muu")}, {"eos", N_("En halua vastata")}};
const fixed AGES[N_AGES] = {{"alle25", N_("Alle 25-vuotiaat")},
                            {"25-54", N_("25–54-vuotiaat")},
                            {"yli54", N_("Yli 54-vuotiaat")},
                            {"eos", N_("En halua vastata")}};
const fixed LABOUR[N_LABOUR] = {{"tyollinen", N_("Työlliset")},
                                {"tyoton", N_("Työttömät")},
                                {"ulkopuolella", N_("Työvoiman ulkopuolella")},
                                {"eos", N_("En halua vastata")}};
const fixed EDUCATION[N_EDUCATION] = {{"isced12", N_("ISCED 1–2 (perusaste)")},
                                      {"isced34", N_("ISCED 3–4 (toinen aste)")},
                                      {"isced58", N_("ISCED 5–8 (korkea-aste)")},
                                      {"eos", N_("En halua vastata")}};
const fixed METRICS[N_METRICS] = {{"organisations", N_("Tavoitetut organisaatiot")},
                                  {"participants", N_("ESR-osallistujat")},
                                  {"attendees", N_("Tapahtumien osallistujat")},
                                  {"participations", N_("Osallistumiset")},
                                  {"deeds", N_("Julkaistut teot")}};

const tdef TABLES[RT_COUNT] = {
    [RT_KEY] = {"key",
                N_("Tunnusluvut"),
                N_("Tavoitetut organisaatiot, osallistujat, osallistumiset ja teot"),
                2,
                {RC_VALUE, RC_TARGET},
                N_("Tunnusluku"),
                N_("Tunnusluvut")},
    [RT_SERVICE_TYPE] = {"service_type",
                         N_("Palvelutyypeittäin"),
                         N_("Henkilöt ja osallistumiset palvelutyypeittäin"),
                         2,
                         {RC_PEOPLE, RC_PARTICIPATIONS},
                         N_("Palvelutyyppi"),
                         N_("Palvelutyypit")},
    [RT_ROLE] = {"role",
                 N_("Rooleittain"),
                 N_("Henkilöt ja osallistumiset roolin mukaan"),
                 2,
                 {RC_PEOPLE, RC_PARTICIPATIONS},
                 N_("Rooli"),
                 N_("Roolit")},
    [RT_SECTOR] = {"sector",
                   N_("Toimialoittain"),
                   N_("Henkilöt ja osallistumiset henkilön toimialan mukaan"),
                   2,
                   {RC_PEOPLE, RC_PARTICIPATIONS},
                   N_("Toimiala"),
                   N_("Toimialat")},
    [RT_ORG_TYPE] = {"org_type",
                     N_("Organisaatiotyypeittäin"),
                     N_("Tavoitetut organisaatiot ja henkilöt"),
                     2,
                     {RC_ORGS, RC_PEOPLE},
                     N_("Organisaatiotyyppi"),
                     N_("Organisaatiotyypit")},
    [RT_REGION] = {"region",
                   N_("Maakunnittain"),
                   N_("Tavoitetut organisaatiot ja henkilöt maakunnittain"),
                   2,
                   {RC_ORGS, RC_PEOPLE},
                   N_("Maakunta"),
                   N_("Maakunnat")},
    [RT_YEAR] = {"year",
                 N_("Vuosittain"),
                 N_("Tavoitetut organisaatiot, henkilöt ja osallistumiset vuosittain"),
                 3,
                 {RC_ORGS, RC_PEOPLE, RC_PARTICIPATIONS},
                 N_("Vuosi"),
                 N_("Vuodet")},
    [RT_GENDER] = {"gender",
                   N_("ESR-osallistujat sukupuolen mukaan"),
                   N_("ESR-osallistujat (aloitustiedot)"),
                   1,
                   {RC_PARTICIPANTS},
                   N_("Sukupuoli"),
                   N_("Sukupuoli")},
    [RT_AGE] = {"age",
                N_("ESR-osallistujat iän mukaan"),
                N_("Ikä osallistumisen alkaessa"),
                1,
                {RC_PARTICIPANTS},
                N_("Ikäryhmä"),
                N_("Ikä")},
    [RT_LABOUR] = {"labour",
                   N_("ESR-osallistujat työmarkkina-aseman mukaan"),
                   N_("Työmarkkina-asema alkaessa"),
                   1,
                   {RC_PARTICIPANTS},
                   N_("Työmarkkina-asema"),
                   N_("Työmarkkina-asema")},
    [RT_EDUCATION] = {"education",
                      N_("ESR-osallistujat koulutuksen mukaan"),
                      N_("Koulutustaso (ISCED)"),
                      1,
                      {RC_PARTICIPANTS},
                      N_("Koulutustaso"),
                      N_("Koulutus")},
    [RT_ESF_START] = {"esf_start",
                      N_("ESR-indikaattorit: osallistujat aloittaessa"),
                      N_("Asetuksen (EU) 1304/2013 liitteen I yhteiset tuotosindikaattorit sukupuolen mukaan"),
                      5,
                      {RC_WOMEN, RC_MEN, RC_GOTHER, RC_GEOS, RC_GTOTAL},
                      N_("Indikaattori"),
                      N_("ESR liite I")},
    [RT_ESF_EXIT] = {"esf_exit",
                     N_("ESR-indikaattorit: tulokset päättyessä"),
                     N_("Asetuksen (EU) 1304/2013 liitteen II välittömät tulosindikaattorit sukupuolen mukaan"),
                     5,
                     {RC_WOMEN, RC_MEN, RC_GOTHER, RC_GEOS, RC_GTOTAL},
                     N_("Indikaattori"),
                     N_("ESR liite II")},
};

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
  static const char *const t[] = {
      N_("Määrä"),  N_("Organisaatiot"), N_("Henkilöt"), N_("Osallistumiset"),   N_("ESR-osallistujat"), N_("Tavoite"),
      N_("Naiset"), N_("Miehet"),        N_("Muu"),      N_("En halua vastata"), N_("Yhteensä")};
  return t[col];
}

const char *report_col_key(int col) {
  static const char *const k[] = {"value",        "organisations", "people", "participations",
                                  "participants", "target",        "nainen", "mies",
                                  "muu",          "eos",           "total"};
  return k[col];
}

const char *report_row_head(const report_table *t) {
  return TABLES[t->id].head;
}

const char *report_sheet_name(const report_table *t) {
  return TABLES[t->id].sheet;
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
  int rc = value < 0 ? db_exec(d, "DELETE FROM target WHERE metric = ?1 AND period_id = ?2 AND year = 0 AND service_type = ''", "ti", metric, period_id)
                     : db_exec(d,
                               "INSERT INTO target(metric, period_id, value) VALUES (?1, ?2, ?3)"
                               " ON CONFLICT(metric, period_id, year, service_type) DO UPDATE SET value = excluded.value",
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

void report_table_make(const report_data *rd, arena *a, int id, int slot, int publ, report_table *t) {
  memset(t, 0, sizeof *t);
  const struct tdef *def = &TABLES[id];
  t->id = id, t->name = def->name, t->title = def->title, t->desc = def->desc, t->ncols = def->ncols;
  memcpy(t->col, def->col, sizeof t->col);
  t->rows = arena_alloc(a, sizeof *t->rows * (size_t)(rd->rows[id] ? rd->rows[id] : 1));
  memset(t->rows, 0, sizeof *t->rows * (size_t)rd->rows[id]);
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
    } else if (id == RT_ESF_START || id == RT_ESF_EXIT) {
      esf_row(id, i, r);
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
