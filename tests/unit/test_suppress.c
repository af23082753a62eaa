/* Unit tests for report/suppress: a property test over many generated data sets. For every public table and cell of
 * every slot: "< 5" is a true 1..4, a cell hidden to protect another holds 5 or more, no small cell is shown, and no
 * hidden cell can be pinned to one value from the shown cells through any relation a reader knows (a total and its
 * rows, totals shared by several tables, the whole programme and the sum of its periods). The relations are written
 * here again from what the tables mean, not taken from the code under test. */
#include "testdb.h"

#include <stdio.h>

#include "report/report.h"

static arena ta; /* the tables' rows */

#define NSETS 300
#define MAXTERMS 64
#define BIG (1LL << 40)

enum { SHOWN = 0, SMALL = 1, SECONDARY = 2 }; /* the marks in report_row.hidden */

static unsigned rnd_state;
static int printed; /* failures described so far (the first few are enough) */
static int rnd(int n) {
  rnd_state = rnd_state * 1103515245u + 12345u;
  return (int)((rnd_state >> 8) % (unsigned)n);
}

/* Runs sql with up to two integer arguments. */
static void exec(db *d, const char *sql, const char *types, long long a, long long b) {
  if (db_exec(d, sql, types, a, b) != DB_OK) fail_msg("%s: %s", sql, db_errmsg(d));
}

static const char *const TYPES[] = {"sparraus", "valmennus", "tyopaja", "verkosto", "webinaari", "tilaisuus"};
static const char *const ROLES[] = {"johto", "esihenkilo", "tyontekija", "edustaja"};
static const char *const SECTORS[] = {"sote", "opetus", "tekninen", "elinkeino", "kulttuuri", "ruoka", "koko"};
static const char *const OTYPES[] = {"kunta", "kuntayhtyma", "yhtio", "hyvinvointialue", "muu"};
static const char *const MUNIS[] = {"091", "837", "179", "564", NULL};
static const char *const GENDERS[] = {"nainen", "mies", "muu", "eos"};
static const char *const LABOUR[] = {"tyollinen", "tyoton", "ulkopuolella", "eos"};
static const char *const EDUCATION[] = {"isced12", "isced34", "isced58", "eos"};
static const char *const UNEMP[] = {"alle6", "6_12", "yli12", "eos", NULL};
static const char *const YESNO[] = {"kylla", "ei", "eos", NULL};
static const char *const EXITS[] = {"tyollinen", "tyoton", "koulutus", "ulkopuolella", "eos"};

static void gen_orgs_and_deliveries(db *d, int norg, int ndel) {
  for (int o = 1; o <= norg; o++)
    if (db_exec(d, "INSERT INTO org(id, name, type, municipality_code) VALUES (?1, 'Org', ?2, ?3)", "itt", (long long)o,
                OTYPES[rnd(5)], MUNIS[rnd(5)]) != DB_OK)
      fail_msg("org: %s", db_errmsg(d));
  for (int k = 1; k <= ndel; k++) {
    int period = 1 + rnd(2), year = (period == 1 ? 2015 : 2018) + rnd(3);
    const char *type = TYPES[rnd(6)];
    if (db_exec(d, "INSERT INTO service(id, type_code, name, period_id, counts) VALUES (?1, ?2, 'S', ?3, ?4)", "itit",
                (long long)k, type, (long long)period, rnd(3) ? "participant" : "attendee") != DB_OK)
      fail_msg("service: %s", db_errmsg(d));
    char day[24];
    snprintf(day, sizeof day, "%d-03-01", year);
    if (db_exec(d, "INSERT INTO delivery(id, service_id, starts_on, ends_on) VALUES (?1, ?1, ?2, ?2)", "it",
                (long long)k, day) != DB_OK)
      fail_msg("delivery: %s", db_errmsg(d));
    if (rnd(2)) exec(d, "INSERT OR IGNORE INTO delivery_org VALUES (?1, ?2)", "ii", k, 1 + rnd(norg));
  }
}

/* One person: organisation (0: none), sector (NULL sometimes), participations and ESF start records. */
static void gen_person(db *d, long long id, int org, int sector, int ndel) {
  char email[48]; /* room for any long long: gcc -O1 checks the format against the whole range */
  snprintf(email, sizeof email, "p%lld@example.fi", id);
  if (db_exec(d, "INSERT INTO person(id, email, name, org_id, sector_code) VALUES (?1, ?2, 'P', NULLIF(?3, 0), ?4)",
              "itit", id, email, (long long)org, sector >= 0 ? SECTORS[sector] : NULL) != DB_OK)
    fail_msg("person: %s", db_errmsg(d));
  for (int k = 0, n = 1 + rnd(2); k < n; k++) {
    long long del = 1 + rnd(ndel);
    if (db_exec(d, "INSERT OR IGNORE INTO participation(person_id, delivery_id, role) VALUES (?1, ?2, ?3)", "iit", id,
                del, ROLES[rnd(4)]) != DB_OK)
      fail_msg("participation: %s", db_errmsg(d));
    int lab = rnd(4), exit = rnd(6);
    if (db_exec(d,
                "INSERT OR IGNORE INTO esf_start(person_id, period_id, entry_date, age_at_entry, gender, labour,"
                " education, unemployed_for, in_education, disability, migrant, disadvantaged, exit_date,"
                " exit_status, exit_qualification) SELECT ?1, s.period_id, d.starts_on, NULLIF(?3, 0), ?4, ?5, ?6,"
                " ?7, ?8, ?9, ?10, ?11, CASE WHEN ?12 IS NULL THEN NULL ELSE d.starts_on END, ?12, ?13"
                " FROM delivery d JOIN service s ON s.id = d.service_id WHERE d.id = ?2 AND s.counts = 'participant'",
                "iiittttttttttt", id, del, rnd(5) ? (long long)(18 + rnd(50)) : 0LL, GENDERS[rnd(4)], LABOUR[lab],
                EDUCATION[rnd(4)], lab == 1 ? UNEMP[rnd(5)] : NULL, lab == 2 ? YESNO[rnd(4)] : NULL, YESNO[rnd(4)],
                YESNO[rnd(4)], YESNO[rnd(4)], exit < 5 ? EXITS[exit] : NULL, exit < 5 ? YESNO[rnd(4)] : NULL) != DB_OK)
      fail_msg("esf: %s", db_errmsg(d));
  }
}

/* A random small programme; every fourth set is the reported case: one person without an organisation among many
 * (372 in one sector when the set is large). */
static void gen_data(db *d, unsigned seed) {
  rnd_state = seed * 2654435761u + 1u;
  exec(d,
       "INSERT INTO funding_period(id, name, start_year, end_year) VALUES (1, 'A', 2015, 2017), (2, 'B', 2018, 2020)",
       "", 0, 0);
  int norg = 1 + rnd(4), ndel = 1 + rnd(5), reported = seed % 4 == 0, big = seed % 20 == 0;
  int np = big ? 380 : 1 + rnd(reported ? 60 : 30);
  gen_orgs_and_deliveries(d, norg, ndel);
  for (long long id = 1; id <= np; id++) {
    int org = reported ? (id == np ? 0 : 1 + rnd(norg)) : (rnd(6) ? 1 + rnd(norg) : 0);
    int sector = big && id < 373 ? 3 : rnd(8) - 1;
    gen_person(d, id, org, reported && id == np ? -1 : sector, ndel);
  }
}

/* ---- relations ---- */

typedef struct term {
  long long v;
  int mark;
} term;

typedef struct rel {
  term t[MAXTERMS]; /* t[0] is the total */
  int n;
  int distinct; /* the total counts distinct people of the parts: when the sum does not match, a reader still knows
                   total <= sum of parts and part <= total */
  char what[96];
} rel;

typedef struct view {
  report_table pub[REPORT_MAX_PERIODS + 1][RT_COUNT], stf[REPORT_MAX_PERIODS + 1][RT_COUNT];
  int nslots;
  unsigned seed;
  int failures;
} view;

static void rel_begin(rel *r, const char *what, int slot) {
  r->n = 0, r->distinct = 0;
  snprintf(r->what, sizeof r->what, "%s (slot %d)", what, slot);
}

/* Adds row i (-1: the total) of column c of table id in slot s. */
static void rel_add(rel *r, const view *w, int s, int id, int i, int c) {
  if (r->n == MAXTERMS) fail_msg("too many terms");
  const report_row *p = i < 0 ? &w->pub[s][id].total : &w->pub[s][id].rows[i];
  const report_row *q = i < 0 ? &w->stf[s][id].total : &w->stf[s][id].rows[i];
  r->t[r->n++] = (term){q->v[c], p->hidden[c]};
}

static void rel_add_column(rel *r, const view *w, int s, int id, int c) {
  for (int i = 0; i < w->pub[s][id].nrows; i++) rel_add(r, w, s, id, i, c);
}

/* The row of table id in slot s with this code, or -2 when the slot has none (its value is then a known 0). */
static int row_of(const view *w, int s, int id, const char *code) {
  for (int i = 0; i < w->pub[s][id].nrows; i++)
    if (!strcmp(w->pub[s][id].rows[i].code, code)) return i;
  return -2;
}

static void domain(int mark, long long *lo, long long *hi) {
  *lo = mark == SMALL ? 1 : 5;
  *hi = mark == SMALL ? 4 : BIG;
}

/* 1 when term k has one possible value given the shown terms and what the marks say of the other hidden ones. */
static int pinned(const rel *r, int k) {
  long long known = 0, lo = 0, hi = 0; /* total - parts = 0, with the hidden terms other than k in [lo, hi] */
  for (int j = 0; j < r->n; j++) {
    long long sign = j ? -1 : 1, a, b;
    if (!r->t[j].mark) {
      known += sign * r->t[j].v;
      continue;
    }
    if (j == k) continue;
    domain(r->t[j].mark, &a, &b);
    lo += sign > 0 ? a : -b;
    hi += sign > 0 ? b : -a;
  }
  /* sign_k * x_k = -(known + others) */
  long long a = -known - hi, b = -known - lo, dlo, dhi;
  if (k) {
    long long t = -b;
    b = -a, a = t;
  }
  domain(r->t[k].mark, &dlo, &dhi);
  if (a < dlo) a = dlo;
  if (b > dhi) b = dhi;
  return a >= b;
}

/* What a reader knows of term k: its value, or the range its mark says. */
static void known(const rel *r, int k, long long *lo, long long *hi) {
  if (r->t[k].mark)
    domain(r->t[k].mark, lo, hi);
  else
    *lo = *hi = r->t[k].v;
}

/* 1 when hidden term k of a distinct-people relation has one possible value from total <= sum and part <= total. */
static int pinned_distinct(const rel *r, int k) {
  long long tlo, thi, lo, hi, sum_hi = 0, max_lo = 0;
  known(r, 0, &tlo, &thi);
  for (int j = 1; j < r->n; j++) {
    long long a, b;
    known(r, j, &a, &b);
    if (j != k) sum_hi += b;
    if (a > max_lo) max_lo = a;
  }
  long long a = k ? tlo - sum_hi : max_lo, b = k ? thi : sum_hi;
  domain(r->t[k].mark, &lo, &hi);
  return (a > lo ? a : lo) >= (b < hi ? b : hi);
}

static void check_rel(view *w, const rel *r) {
  long long sum = r->t[0].v;
  int hidden = 0, shown_nonzero = 0, inequality = 0;
  for (int j = 1; j < r->n; j++) sum -= r->t[j].v;
  if (sum != 0 && r->distinct) {
    inequality = sum <= 0; /* total <= sum of parts */
    for (int j = 1; j < r->n; j++) inequality &= r->t[j].v <= r->t[0].v;
  }
  if (sum != 0 && !inequality) return; /* does not hold in this data: a reader cannot use it */
  for (int j = 0; j < r->n; j++) {
    hidden += r->t[j].mark != SHOWN;
    shown_nonzero += r->t[j].mark == SHOWN && r->t[j].v;
  }
  const char *why = NULL;
  if (hidden == 1 && !inequality) why = "one hidden cell: total minus the shown cells gives it";
  /* when every non-zero cell is hidden the marks alone say what they say (four "< 5" under a total "< 5" are
   * ones); no further hiding can change that, see docs/statistics.md */
  else if (shown_nonzero)
    for (int k = 0; k < r->n && !why; k++)
      if (r->t[k].mark && (inequality ? pinned_distinct(r, k) : pinned(r, k)))
        why = inequality ? "a hidden cell has one possible value (distinct people)"
                         : "a hidden cell has one possible value";
  if (why && w->failures++ >= 0 && printed++ < 12) {
    print_message("seed %u: %s: %s; terms (value/mark):", w->seed, r->what, why);
    for (int j = 0; j < r->n; j++) print_message(" %lld/%d", r->t[j].v, r->t[j].mark);
    print_message("\n");
  }
}

/* The marks say only true things: "< 5" is 1..4, the protecting mark 5 or more, and no small number is shown. */
static void check_cells(view *w, int s, int id) {
  const report_table *p = &w->pub[s][id], *q = &w->stf[s][id];
  for (int i = -1; i < p->nrows; i++) {
    if (i < 0 && !p->has_total) continue;
    const report_row *a = i < 0 ? &p->total : &p->rows[i], *b = i < 0 ? &q->total : &q->rows[i];
    for (int c = 0; c < p->ncols; c++) {
      long long v = b->v[c];
      int m = a->hidden[c], people = p->col[c] == RC_PEOPLE || p->col[c] == RC_PARTICIPATIONS ||
                                     p->col[c] == RC_PARTICIPANTS || p->col[c] >= RC_WOMEN ||
                                     (id == RT_KEY && c == 0 && i != RK_ORGANISATIONS && i != RK_DEEDS);
      int ok = m == SMALL ? v >= 1 && v <= 4 : m == SECONDARY ? v >= 5 : !people || v == 0 || v >= 5;
      if (!ok && w->failures++ >= 0 && printed++ < 12)
        print_message("seed %u: table %s slot %d row %s column %d: value %lld shown with mark %d\n", w->seed, p->name,
                      s, a->code, c, v, m);
    }
  }
}

/* Within one slot: every total and its rows, and totals several tables share. */
static void check_slot(view *w, int s) {
  rel r;
  static const int with_total[][2] = {{RT_SECTOR, 0}, {RT_SECTOR, 1}, {RT_ORG_TYPE, 1}, {RT_REGION, 1},
                                      {RT_GENDER, 0}, {RT_AGE, 0},    {RT_LABOUR, 0},   {RT_EDUCATION, 0}};
  for (size_t k = 0; k < sizeof with_total / sizeof with_total[0]; k++) {
    rel_begin(&r, w->pub[s][with_total[k][0]].name, s);
    rel_add(&r, w, s, with_total[k][0], -1, with_total[k][1]);
    rel_add_column(&r, w, s, with_total[k][0], with_total[k][1]);
    check_rel(w, &r);
  }
  /* people: sector total = region total = organisation type total */
  for (int k = 0; k < 2; k++) {
    rel_begin(&r, k ? "people: sector = org_type" : "people: sector = region", s);
    rel_add(&r, w, s, RT_SECTOR, -1, 0);
    rel_add(&r, w, s, k ? RT_ORG_TYPE : RT_REGION, -1, 1);
    check_rel(w, &r);
  }
  /* participations: the key figure = sector total = sum by service type = by role = by year */
  static const int part[][2] = {{RT_SERVICE_TYPE, 1}, {RT_ROLE, 1}, {RT_YEAR, 2}, {RT_SECTOR, -1}};
  for (size_t k = 0; k < sizeof part / sizeof part[0]; k++) {
    rel_begin(&r, "participations: key figure and", s);
    rel_add(&r, w, s, RT_KEY, RK_PARTICIPATIONS, 0);
    if (part[k][1] < 0)
      rel_add(&r, w, s, RT_SECTOR, -1, 1);
    else
      rel_add_column(&r, w, s, part[k][0], part[k][1]);
    check_rel(w, &r);
  }
  /* ESF start records: the four indicator totals, and in a period the key figure */
  for (int t = RT_AGE; t <= RT_EDUCATION + (s > 0); t++) {
    rel_begin(&r, "ESF totals", s);
    rel_add(&r, w, s, RT_GENDER, -1, 0);
    if (t > RT_EDUCATION)
      rel_add(&r, w, s, RT_KEY, RK_PARTICIPANTS, 0);
    else
      rel_add(&r, w, s, t, -1, 0);
    check_rel(w, &r);
  }
}

/* Adds the row with code of an ESF table, column c. */
static void rel_code(rel *r, const view *w, int s, int id, const char *code, int c) {
  rel_add(r, w, s, id, row_of(w, s, id, code), c);
}

/* A row and its parts that do not cover it ("joista" rows; "kylla" and "eos" of an item): the rest is published
 * nowhere, but a reader works it out when every cell is shown, so it must not then be 1..4. It is a term the reader
 * knows when its cells are shown, knows to be 5 or more (at best) when not, and a small one is hidden. */
static void check_rest(view *w, int s, int id, const char *parent, const char *const *parts, int c) {
  rel r;
  rel_begin(&r, parent, s);
  snprintf(r.what, sizeof r.what, "%s %s column %d: rest (slot %d)", w->pub[s][id].name, parent, c, s);
  rel_code(&r, w, s, id, parent, c);
  long long rest = r.t[0].v;
  int hidden = r.t[0].mark != SHOWN;
  for (int k = 0; parts[k]; k++) {
    rel_code(&r, w, s, id, parts[k], c);
    rest -= r.t[r.n - 1].v, hidden |= r.t[r.n - 1].mark != SHOWN;
  }
  int mark = rest >= 1 && rest <= 4 ? SMALL : !hidden ? SHOWN : rest >= 5 ? SECONDARY : -1;
  if (mark < 0) return; /* a rest of 0 behind hidden cells: the reader knows nothing of it */
  r.t[r.n++] = (term){rest, mark};
  check_rel(w, &r);
}

/* The ESF indicator tables: genders and total per row, the exclusive groups, the rests of the overlapping rows, and
 * the tables that count the same start records. */
static void check_esf(view *w, int s) {
  static const char *const groups[][7] = {
      {"participants", "CO01", "CO03", "CO05", "labour_eos", NULL},
      {"participants", "CO06", "age_25_54", "CO07", "age_eos", NULL},
      {"participants", "CO09", "CO10", "CO11", "education_eos", NULL},
      {"leavers", "CR02", "CR04", "exit_tyoton", "exit_ulkopuolella", "exit_eos", NULL}};
  static const char *const rests[][4] = {{"CO01", "CO02", NULL},
                                         {"CO03", "CO04", NULL},
                                         {"CO07", "CO08", NULL},
                                         {"participants", "CO15", "CO15_eos", NULL},
                                         {"participants", "CO16", "CO16_eos", NULL},
                                         {"participants", "CO17", "CO17_eos", NULL}};
  static const char *const rests_exit[][4] = {{"exit_tyoton", "CR01", NULL}, {"leavers", "CR03", "CR03_eos", NULL}};
  rel r;
  for (int id = RT_ESF_START; id <= RT_ESF_EXIT; id++)
    for (int i = 0; i < w->pub[s][id].nrows; i++) {
      rel_begin(&r, "ESF row: genders and total", s);
      for (int c = 4; c >= 0; c--) rel_add(&r, w, s, id, i, c);
      check_rel(w, &r);
    }
  for (int c = 0; c < 5; c++) {
    for (int g = 0; g < 4; g++) {
      rel_begin(&r, groups[g][1], s);
      for (int k = 0; groups[g][k]; k++) rel_code(&r, w, s, g < 3 ? RT_ESF_START : RT_ESF_EXIT, groups[g][k], c);
      check_rel(w, &r);
    }
    for (int k = 0; k < 6; k++) check_rest(w, s, RT_ESF_START, rests[k][0], rests[k] + 1, c);
    for (int k = 0; k < 2; k++) check_rest(w, s, RT_ESF_EXIT, rests_exit[k][0], rests_exit[k] + 1, c);
    rel_begin(&r, "ESF participants = gender table", s);
    rel_code(&r, w, s, RT_ESF_START, "participants", c);
    rel_add(&r, w, s, RT_GENDER, c < 4 ? c : -1, 0);
    check_rel(w, &r);
  }
  static const char *const same[][2] = {{"CO05", "tyollinen"}, {"CO01", "tyoton"},  {"CO03", "ulkopuolella"},
                                        {"labour_eos", "eos"}, {"CO06", "alle25"},  {"CO07", "yli54"},
                                        {"CO09", "isced12"},   {"CO11", "isced58"}, {"education_eos", "eos"}};
  for (int k = 0; k < 9; k++) {
    int t = k < 4 ? RT_LABOUR : k < 6 ? RT_AGE : RT_EDUCATION;
    rel_begin(&r, same[k][0], s);
    rel_code(&r, w, s, RT_ESF_START, same[k][0], 4);
    rel_code(&r, w, s, t, same[k][1], 0);
    check_rel(w, &r);
  }
}

/* The whole programme against the sum of its periods, row by row (rows matched by code), totals and key figures. */
static void check_periods(view *w) {
  rel r;
  for (int id = 0; id < RT_COUNT; id++) {
    if (id == RT_YEAR) continue; /* one set of year cells, shared by the slots */
    const report_table *t0 = &w->pub[0][id];
    for (int c = 0; c < t0->ncols; c++)
      for (int i = t0->has_total ? -1 : 0; i < t0->nrows; i++) {
        rel_begin(&r, "periods", 0);
        snprintf(r.what, sizeof r.what, "%s row %s column %d: whole = sum of periods", t0->name,
                 i < 0 ? "total" : t0->rows[i].code, c);
        rel_add(&r, w, 0, id, i, c);
        r.distinct = t0->col[c] == RC_PEOPLE || (id == RT_KEY && i == RK_PARTICIPANTS);
        for (int s = 1; s < w->nslots; s++) {
          int k = i < 0 ? -1 : row_of(w, s, id, t0->rows[i].code);
          if (k == -2) continue;
          rel_add(&r, w, s, id, k, c);
        }
        if (id != RT_KEY || (c == 0 && i != RK_ORGANISATIONS && i != RK_DEEDS)) check_rel(w, &r);
      }
  }
}

static void check_set(view *w) {
  for (int s = 0; s < w->nslots; s++) {
    for (int id = 0; id < RT_COUNT; id++) check_cells(w, s, id);
    check_slot(w, s);
    check_esf(w, s);
  }
  check_periods(w);
}

static void test_no_false_or_recoverable_cell(void **state) {
  int failures = 0, hidden_small = 0, hidden_secondary = 0;
  db *d = testdb_open(); /* one database: each data set is made in a transaction, read in it and rolled back */
  for (unsigned seed = 1; seed <= NSETS; seed++) {
    assert_int_equal(db_begin(d), DB_OK);
    gen_data(d, seed);
    const report_data *rd = report_get(d); /* in the transaction: computed from its data alone (report.h) */
    view *w = util_calloc(1, sizeof *w);
    w->nslots = report_nperiods(rd) + 1, w->seed = seed;
    for (int s = 0; s < w->nslots; s++)
      for (int id = 0; id < RT_COUNT; id++) {
        report_table_make(rd, &ta, id, s, 1, &w->pub[s][id]);
        report_table_make(rd, &ta, id, s, 0, &w->stf[s][id]);
        for (int i = 0; i < w->pub[s][id].nrows; i++)
          for (int c = 0; c < w->pub[s][id].ncols; c++) {
            hidden_small += w->pub[s][id].rows[i].hidden[c] == SMALL;
            hidden_secondary += w->pub[s][id].rows[i].hidden[c] == SECONDARY;
          }
      }
    check_set(w);
    failures += w->failures;
    for (int s = 0; s < w->nslots; s++) arena_free(&ta);
    free(w);
    assert_int_equal(db_rollback(d), DB_OK);
  }
  db_close(d);
  print_message("%d data sets: %d small and %d protecting cells hidden, %d failures\n", NSETS, hidden_small,
                hidden_secondary, failures);
  assert_true(hidden_small > 0);
  assert_int_equal(failures, 0);
}

int main(void) {
  (void)testdb_deed; /* from the shared helpers; not needed here */
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_no_false_or_recoverable_cell),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
