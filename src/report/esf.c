/* report/esf: the ESF common indicators of Regulation 1304/2013 by gender: Annex I (participants at entry) and
 * Annex II (upon leaving), counted from the start and end records, and the relations that protect them in public. */
#include <stdlib.h>
#include <string.h>

#include "report/internal.h"

/* A row: its code (the EU indicator code where it is one), Finnish label, the group it belongs to, and whether it
 * is shown under the row above as a part of it ("joista"). */
typedef struct esfdef {
  const char *code, *label;
  int group, sub;
} esfdef;

/* A group: rows that count parts of its root row. Complete: they are exclusive and sum to it (labour status, age,
 * ISCED); incomplete: they do not (the rest, never published, can still be worked out as root less rows). */
typedef struct esfgroup {
  int root, complete;
} esfgroup;

enum { NGROUPS_MAX = 9, NO_GROUP = -1 };

/* Annex I, in the annex's order, with the rows that make each exclusive category sum to the participants. */
enum {
  I_ALL,
  I_UNEMP,
  I_LTU,
  I_INACT,
  I_NEET,
  I_EMP,
  I_LABEOS,
  I_U25,
  I_MID,
  I_O54,
  I_O54X,
  I_AGEEOS,
  I_ISCED12,
  I_ISCED34,
  I_ISCED58,
  I_EDUEOS,
  I_MIGR,
  I_MIGREOS,
  I_DIS,
  I_DISEOS,
  I_DISADV,
  I_DISADVEOS,
  N_IN
};
enum { GI_LAB, GI_LTU, GI_NEET, GI_AGE, GI_O54, GI_EDU, GI_MIGR, GI_DIS, GI_DISADV, NGI };
static const esfdef IN[N_IN] = {
    [I_ALL] = {"participants", N_("Osallistujat yhteensä"), NO_GROUP, 0},
    [I_UNEMP] = {"CO01", N_("Työttömät, myös pitkäaikaistyöttömät"), GI_LAB, 0},
    [I_LTU] = {"CO02", N_("joista pitkäaikaistyöttömät"), GI_LTU, 1},
    [I_INACT] = {"CO03", N_("Työvoiman ulkopuolella olevat"), GI_LAB, 0},
    [I_NEET] = {"CO04", N_("joista eivät ole koulutuksessa"), GI_NEET, 1},
    [I_EMP] = {"CO05", N_("Työlliset, myös itsenäiset ammatinharjoittajat"), GI_LAB, 0},
    [I_LABEOS] = {"labour_eos", N_("Työmarkkina-asema: en halua vastata"), GI_LAB, 0},
    [I_U25] = {"CO06", N_("Alle 25-vuotiaat"), GI_AGE, 0},
    [I_MID] = {"age_25_54", N_("25–54-vuotiaat"), GI_AGE, 0},
    [I_O54] = {"CO07", N_("Yli 54-vuotiaat"), GI_AGE, 0},
    [I_O54X] = {"CO08", N_("joista työttömät tai työvoiman ulkopuolella ja eivät koulutuksessa"), GI_O54, 1},
    [I_AGEEOS] = {"age_eos", N_("Ikä: en halua vastata"), GI_AGE, 0},
    [I_ISCED12] = {"CO09", N_("Perusaste tai alempi (ISCED 1–2)"), GI_EDU, 0},
    [I_ISCED34] = {"CO10", N_("Toinen aste tai sen jälkeinen (ISCED 3–4)"), GI_EDU, 0},
    [I_ISCED58] = {"CO11", N_("Korkea-aste (ISCED 5–8)"), GI_EDU, 0},
    [I_EDUEOS] = {"education_eos", N_("Koulutus: en halua vastata"), GI_EDU, 0},
    [I_MIGR] = {"CO15", N_("Maahanmuuttajat, ulkomaalaistaustaiset ja vähemmistöt"), GI_MIGR, 0},
    [I_MIGREOS] = {"CO15_eos", N_("Maahanmuuttajatausta: en halua vastata"), GI_MIGR, 0},
    [I_DIS] = {"CO16", N_("Vammaiset osallistujat"), GI_DIS, 0},
    [I_DISEOS] = {"CO16_eos", N_("Vamma: en halua vastata"), GI_DIS, 0},
    [I_DISADV] = {"CO17", N_("Muut heikommassa asemassa olevat"), GI_DISADV, 0},
    [I_DISADVEOS] = {"CO17_eos", N_("Muu heikompi asema: en halua vastata"), GI_DISADV, 0},
};
static const esfgroup IN_GROUPS[NGI] = {
    [GI_LAB] = {I_ALL, 1},  [GI_LTU] = {I_UNEMP, 0}, [GI_NEET] = {I_INACT, 0},
    [GI_AGE] = {I_ALL, 1},  [GI_O54] = {I_O54, 0},   [GI_EDU] = {I_ALL, 1},
    [GI_MIGR] = {I_ALL, 0}, [GI_DIS] = {I_ALL, 0},   [GI_DISADV] = {I_ALL, 0},
};

/* Annex II: the results upon leaving, with the other situations on exit so that they sum to the leavers. */
enum { O_ALL, O_JOBSEEK, O_EDU, O_QUAL, O_EMP, O_UNEMP, O_INACT, O_EOS, O_QUALEOS, N_OUT };
enum { GO_JOBSEEK, GO_EXIT, GO_QUAL, NGO };
static const esfdef OUT[N_OUT] = {
    [O_ALL] = {"leavers", N_("Päättäneet osallistujat"), NO_GROUP, 0},
    [O_JOBSEEK] = {"CR01", N_("Työvoiman ulkopuolelta tulleet, jotka hakevat työtä päättyessä"), GO_JOBSEEK, 0},
    [O_EDU] = {"CR02", N_("Koulutuksessa päättyessä"), GO_EXIT, 0},
    [O_QUAL] = {"CR03", N_("Saivat tutkinnon päättyessä"), GO_QUAL, 0},
    [O_EMP] = {"CR04", N_("Työssä päättyessä, myös itsenäiset ammatinharjoittajat"), GO_EXIT, 0},
    [O_UNEMP] = {"exit_tyoton", N_("Työttömänä päättyessä"), GO_EXIT, 0},
    [O_INACT] = {"exit_ulkopuolella", N_("Työvoiman ulkopuolella päättyessä"), GO_EXIT, 0},
    [O_EOS] = {"exit_eos", N_("Tilanne päättyessä: en halua vastata"), GO_EXIT, 0},
    [O_QUALEOS] = {"CR03_eos", N_("Tutkinto: en halua vastata"), GO_QUAL, 0},
};
/* CR01 is a part of those unemployed (job-seeking) upon leaving: the rest are the leavers who were not inactive. */
static const esfgroup OUT_GROUPS[NGO] = {[GO_JOBSEEK] = {O_UNEMP, 0}, [GO_EXIT] = {O_ALL, 1}, [GO_QUAL] = {O_ALL, 0}};

static const esfdef *defs(int id, int *n, const esfgroup **g, int *ng) {
  int in = id == RT_ESF_START;
  *n = in ? N_IN : N_OUT;
  if (g) *g = in ? IN_GROUPS : OUT_GROUPS, *ng = in ? NGI : NGO;
  return in ? IN : OUT;
}

int esf_nrows(int id) {
  return id == RT_ESF_START ? N_IN : N_OUT;
}

void esf_row(int id, int i, report_row *r) {
  int n;
  const esfdef *d = defs(id, &n, NULL, NULL);
  r->code = d[i].code;
  r->label[0] = d[i].label;
  r->sub = (unsigned char)d[i].sub;
}

/* ---- counting ---- */

static int is(db_stmt *st, int col, const char *code) {
  return !db_col_null(st, col) && !strcmp(db_col_text(st, col), code);
}

/* Where one record is counted: slot 0 and its slot, its year (-1: none), its gender's column. */
typedef struct into {
  report_data *rd;
  int slot, y, g;
} into;

static void add(const into *in, int id, int row) {
  for (int k = 0; k < (in->slot > 0 ? 2 : 1); k++) {
    int s = k ? in->slot : 0;
    (*cell(in->rd, id, s, row, in->g))++;
    (*cell(in->rd, id, s, row, ESF_TOTAL))++;
  }
  if (in->y >= 0) in->rd->esf_year[(size_t)in->y * (N_IN + N_OUT) + (size_t)(id == RT_ESF_EXIT ? N_IN : 0) + row]++;
}

/* Columns (load_esf): 2 age_at_entry, 3 gender, 4 labour, 5 education, 6 unemployed_for, 7 in_education,
 * 8 disability, 9 migrant, 10 disadvantaged, 11 exit_status, 12 exit_qualification. */
static void count_start(const into *in, db_stmt *st) {
  int known_age = !db_col_null(st, 2);
  long long age = db_col_int(st, 2);
  int unemp = is(st, 4, "tyoton"), inact = is(st, 4, "ulkopuolella"), neet = inact && is(st, 7, "ei");
  int ltu = unemp && (is(st, 6, "yli12") || (is(st, 6, "6_12") && known_age && age < 25));
  add(in, RT_ESF_START, I_ALL);
  add(in, RT_ESF_START, unemp ? I_UNEMP : inact ? I_INACT : is(st, 4, "tyollinen") ? I_EMP : I_LABEOS);
  if (ltu) add(in, RT_ESF_START, I_LTU);
  if (neet) add(in, RT_ESF_START, I_NEET);
  add(in, RT_ESF_START, !known_age ? I_AGEEOS : age < 25 ? I_U25 : age <= 54 ? I_MID : I_O54);
  if (known_age && age > 54 && (unemp || neet)) add(in, RT_ESF_START, I_O54X);
  add(in, RT_ESF_START,
      is(st, 5, "isced12")   ? I_ISCED12
      : is(st, 5, "isced34") ? I_ISCED34
      : is(st, 5, "isced58") ? I_ISCED58
                             : I_EDUEOS);
  static const int yes[3] = {I_MIGR, I_DIS, I_DISADV}, col[3] = {9, 8, 10};
  for (int k = 0; k < 3; k++) {
    if (is(st, col[k], "kylla")) add(in, RT_ESF_START, yes[k]);
    if (is(st, col[k], "eos")) add(in, RT_ESF_START, yes[k] + 1);
  }
}

static void count_exit(const into *in, db_stmt *st) {
  if (db_col_null(st, 11)) return;
  add(in, RT_ESF_EXIT, O_ALL);
  add(in, RT_ESF_EXIT,
      is(st, 11, "tyollinen")      ? O_EMP
      : is(st, 11, "koulutus")     ? O_EDU
      : is(st, 11, "tyoton")       ? O_UNEMP
      : is(st, 11, "ulkopuolella") ? O_INACT
                                   : O_EOS);
  if (is(st, 4, "ulkopuolella") && is(st, 11, "tyoton")) add(in, RT_ESF_EXIT, O_JOBSEEK);
  if (is(st, 12, "kylla")) add(in, RT_ESF_EXIT, O_QUAL);
  if (is(st, 12, "eos")) add(in, RT_ESF_EXIT, O_QUALEOS);
}

void esf_count(report_data *rd, int slot, int y, db_stmt *st) {
  into in = {rd, slot, y, fixed_find(GENDERS, N_GENDERS, db_col_text(st, 3))};
  if (in.g < 0) return;
  count_start(&in, st);
  count_exit(&in, st);
}

int esf_row_index(const char *code, int *id) {
  for (int k = 0; k < 2; k++) {
    int n;
    const esfdef *d = defs(k ? RT_ESF_EXIT : RT_ESF_START, &n, NULL, NULL);
    for (int i = 0; i < n; i++)
      if (!strcmp(d[i].code, code)) return *id = k ? RT_ESF_EXIT : RT_ESF_START, i;
  }
  return -1;
}

/* ---- the public view's relations ---- */

typedef struct esflinks {
  const report_data *rd;
  sup_set *s;
  int *const *vi;
  int der[NSLOTS][2][NGROUPS_MAX][REPORT_MAX_COLS]; /* the rest of an incomplete group, -1 for a complete one */
} esflinks;

static int var(const esflinks *l, int id, int s, int row, int c) {
  return l->vi[id][cell_at(l->rd, id, s, row, c)];
}

static void rel_eq(sup_set *s, int a, int b) {
  sup_rel_total(s, a);
  sup_rel_part(s, b);
}

/* The rows of a table in slot s: each row's genders sum to its total; each group's rows (and the rest of an
 * incomplete one) sum to its root, column by column. */
static void links_table(esflinks *l, int id, int s) {
  int n, ng;
  const esfgroup *gr;
  const esfdef *d = defs(id, &n, &gr, &ng);
  for (int i = 0; i < n; i++) {
    sup_rel_total(l->s, var(l, id, s, i, ESF_TOTAL));
    for (int c = 0; c < ESF_GENDERS; c++) sup_rel_part(l->s, var(l, id, s, i, c));
  }
  for (int g = 0; g < ng; g++)
    for (int c = 0; c <= ESF_TOTAL; c++) {
      long long rest = *cell((report_data *)l->rd, id, s, gr[g].root, c);
      for (int i = 0; i < n; i++)
        if (d[i].group == g) rest -= *cell((report_data *)l->rd, id, s, i, c);
      int *dv = &l->der[s][id == RT_ESF_EXIT][g][c];
      *dv = gr[g].complete ? -1 : sup_var_derived(l->s, rest);
      sup_rel_total(l->s, var(l, id, s, gr[g].root, c));
      for (int i = 0; i < n; i++)
        if (d[i].group == g) sup_rel_part(l->s, var(l, id, s, i, c));
      if (*dv >= 0) sup_rel_part(l->s, *dv);
    }
  for (int g = 0; g < ng; g++) {
    int *dv = l->der[s][id == RT_ESF_EXIT][g];
    if (dv[0] < 0) continue;
    sup_rel_total(l->s, dv[ESF_TOTAL]);
    for (int c = 0; c < ESF_GENDERS; c++) sup_rel_part(l->s, dv[c]);
  }
}

/* Annex I against the tables that count the same start records: gender, labour, age, education. */
static void links_tables(esflinks *l, int s, const int tot[RT_COUNT][NSLOTS][REPORT_MAX_COLS]) {
  for (int c = 0; c < ESF_GENDERS; c++) rel_eq(l->s, var(l, RT_GENDER, s, c, 0), var(l, RT_ESF_START, s, I_ALL, c));
  rel_eq(l->s, tot[RT_GENDER][s][0], var(l, RT_ESF_START, s, I_ALL, ESF_TOTAL));
  static const int lab[4] = {I_EMP, I_UNEMP, I_INACT, I_LABEOS}, age[4] = {I_U25, I_MID, I_O54, I_AGEEOS};
  for (int k = 0; k < 4; k++) {
    rel_eq(l->s, var(l, RT_LABOUR, s, k, 0), var(l, RT_ESF_START, s, lab[k], ESF_TOTAL));
    rel_eq(l->s, var(l, RT_AGE, s, k, 0), var(l, RT_ESF_START, s, age[k], ESF_TOTAL));
    rel_eq(l->s, var(l, RT_EDUCATION, s, k, 0), var(l, RT_ESF_START, s, I_ISCED12 + k, ESF_TOTAL));
  }
}

void esf_links(const report_data *rd, sup_set *s, int *const vi[RT_COUNT],
               const int tot[RT_COUNT][NSLOTS][REPORT_MAX_COLS]) {
  esflinks *l = util_calloc(1, sizeof *l); /* large for the stack */
  memset(l->der, 0xff, sizeof l->der);     /* -1: no rest */
  l->rd = rd, l->s = s, l->vi = vi;
  for (int sl = 0; sl <= rd->nperiods; sl++) {
    links_table(l, RT_ESF_START, sl);
    links_table(l, RT_ESF_EXIT, sl);
    links_tables(l, sl, tot);
  }
  /* the rests, as every cell: the whole programme is the sum of its periods (start records: exact) */
  for (int t = 0; rd->nperiods && t < 2; t++)
    for (int g = 0; g < NGROUPS_MAX; g++)
      for (int c = 0; c <= ESF_TOTAL && l->der[0][t][g][c] >= 0; c++) {
        sup_rel_total(s, l->der[0][t][g][c]);
        for (int sl = 1; sl <= rd->nperiods; sl++) sup_rel_part(s, l->der[sl][t][g][c]);
      }
  free(l);
}
