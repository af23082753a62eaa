/* budget: plans, flat rates and funding shares per funding period, and the cost ledger's sums per category and month.
 */
#include "model/budget.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/utf8.h"
#include "core/util.h"
#include "model/write.h"

const char *const budget_category_code[BUDGET_NCAT] = {"henkilosto", "ostopalvelut", "matkat", "muut"};
const char *const budget_category_label[BUDGET_NCAT] = {N_("Henkilöstökulut"), N_("Ostopalvelut"), N_("Matkakulut"),
                                                        N_("Muut kulut")};
const char *const budget_source_code[BUDGET_NSRC] = {"esf", "valtio", "oma"};
const char *const budget_source_label[BUDGET_NSRC] = {N_("ESR"), N_("Valtio"), N_("Oma ja kuntarahoitus")};

/* Whether a and b are the same text in any case (Finnish letters included). */
static int same_words(const char *a, const char *b) {
  buf la = BUF_INIT, lb = BUF_INIT;
  utf8_lower(&la, a, strlen(a));
  utf8_lower(&lb, b, strlen(b));
  int same = la.len == lb.len && (!la.len || !memcmp(la.data, lb.data, la.len));
  buf_free(&la);
  buf_free(&lb);
  return same;
}

int budget_category_of(const char *text) {
  for (int k = 0; text && k < BUDGET_NCAT; k++)
    if (!strcasecmp(text, budget_category_code[k])) return k;
  for (int k = 0; text && k < BUDGET_NCAT; k++)
    if (same_words(text, budget_category_label[k])) return k;
  return -1;
}

long long budget_flat_rate(long long staff_cents, int rate_bp) {
  return staff_cents * rate_bp / 10000; /* C division truncates toward zero, for credits too */
}

void budget_compute(budget_sums *s, int rate_bp, int travel_inside) {
  s->flat = budget_flat_rate(s->cat[BUDGET_STAFF], rate_bp);
  s->eligible = s->cat[BUDGET_STAFF] + s->cat[BUDGET_SERVICES] + s->cat[BUDGET_OTHER] + s->flat;
  if (!travel_inside) s->eligible += s->cat[BUDGET_TRAVEL];
}

void budget_split(long long total, const int share_bp[BUDGET_NSRC], long long out[BUDGET_NSRC]) {
  int last = -1;
  long long given = 0;
  for (int k = 0; k < BUDGET_NSRC; k++) {
    out[k] = total * share_bp[k] / 10000;
    if (share_bp[k]) last = k;
  }
  for (int k = 0; k < BUDGET_NSRC; k++)
    if (k != last) given += out[k];
  if (last >= 0) out[last] = total - given;
}

long long budget_forecast(long long spent, int start_year, int end_year, const char *asof_ym) {
  int y = 0, m = 0;
  if (!asof_ym || sscanf(asof_ym, "%4d-%2d", &y, &m) != 2) return spent;
  long long months = (long long)(end_year - start_year + 1) * 12;
  long long elapsed = (long long)(y - start_year) * 12 + m;
  if (elapsed <= 0) return 0;
  if (elapsed >= months) return spent;
  long long num = spent * months;
  return (num >= 0 ? num + elapsed / 2 : num - elapsed / 2) / elapsed;
}

/* ---- reading ---- */

static budget_period *period_by_id(budget *b, long long id) {
  for (int i = 0; i < b->nperiods; i++)
    if (b->periods[i].id == id) return &b->periods[i];
  return NULL;
}

static void read_periods(db *d, arena *a, budget *b) {
  db_stmt *st = db_query(d,
                         "SELECT id, name, esf_code, start_year, end_year, flat_rate_bp, flat_rate_travel "
                         "FROM funding_period ORDER BY start_year, id",
                         "");
  int cap = 0;
  while (db_step(st) == 1) {
    b->periods = arena_grow(a, b->periods, b->nperiods, &cap, sizeof *b->periods);
    budget_period *p = &b->periods[b->nperiods++];
    p->id = db_col_int(st, 0);
    p->name = db_col_adup(st, 1, a);
    p->esf_code = db_col_adup(st, 2, a);
    p->start_year = (int)db_col_int(st, 3);
    p->end_year = (int)db_col_int(st, 4);
    p->rate_bp = (int)db_col_int(st, 5);
    p->travel_inside = (int)db_col_int(st, 6);
    p->nmonths = (p->end_year - p->start_year + 1) * 12;
    p->months = arena_alloc(a, sizeof *p->months * (size_t)p->nmonths);
    for (int k = 0; k < p->nmonths; k++)
      snprintf(p->months[k].ym, sizeof p->months[k].ym, "%04d-%02d", p->start_year + k / 12, k % 12 + 1);
  }
  db_done(st);
}

static void read_plans(db *d, budget *b) {
  db_stmt *st = db_query(d, "SELECT period_id, category, amount_cents FROM budget_line", "");
  while (db_step(st) == 1) {
    budget_period *p = period_by_id(b, db_col_int(st, 0));
    int k = budget_category_of(db_col_text(st, 1));
    if (p && k >= 0) p->plan.cat[k] = db_col_int(st, 2);
  }
  db_done(st);
  st = db_query(d, "SELECT period_id, source, share_bp FROM funding_share", "");
  while (db_step(st) == 1) {
    budget_period *p = period_by_id(b, db_col_int(st, 0));
    for (int k = 0; p && k < BUDGET_NSRC; k++)
      if (!strcmp(db_col_text(st, 1), budget_source_code[k])) p->share_bp[k] = (int)db_col_int(st, 2);
  }
  db_done(st);
}

/* The ledger's sums per period, month and category; a month outside the period's years is counted in its total only
 * (an import never stores one). */
static void read_actuals(db *d, budget *b) {
  db_stmt *st = db_query(d,
                         "SELECT period_id, substr(booked_on, 1, 7), category, sum(amount_cents), count(*) FROM cost "
                         "GROUP BY period_id, substr(booked_on, 1, 7), category",
                         "");
  while (db_step(st) == 1) {
    budget_period *p = period_by_id(b, db_col_int(st, 0));
    int k = budget_category_of(db_col_text(st, 2));
    if (!p || k < 0) continue;
    long long v = db_col_int(st, 3);
    p->actual.cat[k] += v;
    p->rows += db_col_int(st, 4);
    int y = 0, m = 0;
    if (sscanf(db_col_text(st, 1), "%4d-%2d", &y, &m) != 2) continue;
    int i = (y - p->start_year) * 12 + m - 1;
    if (i >= 0 && i < p->nmonths) p->months[i].cat[k] += v;
  }
  db_done(st);
}

/* Cumulative eligible actual and plan per month, the totals, the forecast and the shares of one period. */
static void finish_period(budget_period *p, const char *asof_ym) {
  budget_compute(&p->plan, p->rate_bp, p->travel_inside);
  budget_compute(&p->actual, p->rate_bp, p->travel_inside);
  budget_sums cum = {0};
  for (int i = 0; i < p->nmonths; i++) {
    for (int k = 0; k < BUDGET_NCAT; k++) cum.cat[k] += p->months[i].cat[k];
    budget_compute(&cum, p->rate_bp, p->travel_inside);
    p->months[i].cum_eligible = cum.eligible;
    p->months[i].cum_plan = p->plan.eligible * (i + 1) / p->nmonths;
  }
  p->forecast = budget_forecast(p->actual.eligible, p->start_year, p->end_year, asof_ym);
  budget_split(p->plan.eligible, p->share_bp, p->plan_share);
  budget_split(p->actual.eligible, p->share_bp, p->actual_share);
}

static void add_sums(budget_sums *to, const budget_sums *s) {
  for (int k = 0; k < BUDGET_NCAT; k++) to->cat[k] += s->cat[k];
  to->flat += s->flat;
  to->eligible += s->eligible;
}

budget *budget_get(db *d, arena *a, const char *asof_ym) {
  budget *b = arena_alloc(a, sizeof *b);
  read_periods(d, a, b);
  read_plans(d, b);
  read_actuals(d, b);
  for (int i = 0; i < b->nperiods; i++) {
    budget_period *p = &b->periods[i];
    finish_period(p, asof_ym);
    add_sums(&b->plan, &p->plan);
    add_sums(&b->actual, &p->actual);
    b->forecast += p->forecast;
    for (int k = 0; k < BUDGET_NSRC; k++)
      b->plan_share[k] += p->plan_share[k], b->actual_share[k] += p->actual_share[k];
  }
  return b;
}

long long budget_total_planned(db *d) {
  arena a = {0};
  long long total = budget_get(d, &a, NULL)->plan.eligible;
  arena_free(&a);
  return total;
}

/* ---- amounts typed or imported ---- */

/* Skips a group separator at *s (space, no-break space U+00A0, narrow no-break space U+202F); returns its length. */
static int group_sep(const char *s) {
  if (*s == ' ') return 1;
  if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) return 2;
  if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xAF) return 3;
  return 0;
}

int budget_parse_amount(const char *text, int comma_ok, int point_ok, int negative_ok, long long *cents,
                        const char **why) {
  const char *s = text ? text : "";
  while (*s == ' ') s++;
  int neg = *s == '-';
  if (neg || *s == '+') s++;
  long long whole = 0, frac = 0;
  int digits = 0, decimals = -1, n;
  for (; *s; s++) {
    if (*s >= '0' && *s <= '9') {
      if (decimals >= 0 && ++decimals > 2) return *why = "more than two decimals", K_ERR;
      if (decimals < 0 && whole > 100000000000LL) return *why = "the amount is too large", K_ERR;
      if (decimals >= 0)
        frac = frac * 10 + (*s - '0');
      else
        whole = whole * 10 + (*s - '0');
      digits++;
    } else if ((*s == ',' || *s == '.') && decimals < 0 && digits) {
      if ((*s == ',' && !comma_ok) || (*s == '.' && !point_ok))
        return *why = *s == ',' ? "a decimal comma where a decimal point is expected"
                                : "a decimal point where a decimal comma is expected",
               K_ERR;
      decimals = 0;
    } else if ((n = group_sep(s)) && decimals < 0) {
      s += n - 1;
    } else {
      return *why = "not an amount of euros (write it like 1234,50)", K_ERR;
    }
  }
  if (!digits) return *why = "not an amount of euros (write it like 1234,50)", K_ERR;
  if (neg && !negative_ok) return *why = "a negative amount", K_ERR;
  if (decimals == 1) frac *= 10;
  *cents = (whole * 100 + frac) * (neg ? -1 : 1);
  return K_OK;
}

int budget_parse_percent(const char *text, int *bp) {
  long long v;
  const char *why;
  if (budget_parse_amount(text, 1, 1, 0, &v, &why) != K_OK || v > 10000) return K_ERR;
  *bp = (int)v;
  return K_OK;
}

/* ---- the plan ---- */

/* Reads the form into cents and basis points, naming each bad field in e. */
static int check_plan(const budget_plan_form *f, long long cat[BUDGET_NCAT], int *rate, int share[BUDGET_NSRC],
                      kerr *e) {
  char field[40];
  const char *why;
  for (int k = 0; k < BUDGET_NCAT; k++) {
    snprintf(field, sizeof field, "amount_%s", budget_category_code[k]);
    if (util_blank(f->amount[k]))
      cat[k] = 0;
    else if (budget_parse_amount(f->amount[k], 1, 0, 0, &cat[k], &why) != K_OK)
      kerr_add(e, field, N_("Anna summa euroina, vähintään 0, desimaalipilkulla (esim. 12 500,00)."));
  }
  if (budget_parse_percent(f->rate, rate) != K_OK) kerr_add(e, "rate", N_("Anna prosentti väliltä 0–100 (esim. 17)."));
  int sum = 0, bad = 0;
  for (int k = 0; k < BUDGET_NSRC; k++) {
    snprintf(field, sizeof field, "share_%s", budget_source_code[k]);
    share[k] = 0;
    if (!util_blank(f->share[k]) && budget_parse_percent(f->share[k], &share[k]) != K_OK)
      bad = kerr_add(e, field, N_("Anna prosentti väliltä 0–100.")) != K_OK;
    sum += share[k];
  }
  if (!bad && sum != 10000) kerr_add(e, "share_esf", "%r", N_("Rahoitusosuuksien summa ei ole 100 %."));
  return e->msg ? K_ERR : K_OK;
}

static int write_plan(db *d, long long period_id, const long long cat[BUDGET_NCAT], int rate, int travel_inside,
                      const int share[BUDGET_NSRC]) {
  int rc = db_exec(d, "UPDATE funding_period SET flat_rate_bp = ?1, flat_rate_travel = ?2 WHERE id = ?3", "iii",
                   (long long)rate, (long long)(travel_inside ? 1 : 0), period_id) == DB_OK;
  for (int k = 0; rc && k < BUDGET_NCAT; k++)
    rc = db_exec(d,
                 "INSERT INTO budget_line(period_id, category, amount_cents) VALUES(?1, ?2, ?3) "
                 "ON CONFLICT(period_id, category) DO UPDATE SET amount_cents = excluded.amount_cents",
                 "iti", period_id, budget_category_code[k], cat[k]) == DB_OK;
  for (int k = 0; rc && k < BUDGET_NSRC; k++)
    rc = db_exec(d,
                 "INSERT INTO funding_share(period_id, source, share_bp) VALUES(?1, ?2, ?3) "
                 "ON CONFLICT(period_id, source) DO UPDATE SET share_bp = excluded.share_bp",
                 "iti", period_id, budget_source_code[k], (long long)share[k]) == DB_OK;
  return rc ? K_OK : K_ERR;
}

int budget_plan_save(db *d, long long period_id, const budget_plan_form *f, kerr *e) {
  long long cat[BUDGET_NCAT];
  int rate = 0, share[BUDGET_NSRC];
  if (check_plan(f, cat, &rate, share, e) != K_OK) return K_ERR;
  if (!db_exists(d, "SELECT 1 FROM funding_period WHERE id = ?1", "i", period_id))
    return kerr_set(e, NULL, N_("Rahoituskautta ei löytynyt."));
  const char *what = "Talousarvion tallennus";
  if (write_begin(d, what, e) != K_OK) return K_ERR;
  int rc = write_plan(d, period_id, cat, rate, f->travel_inside, share);
  if (rc != K_OK) kerr_storage(e, what, db_errmsg(d));
  return write_end(d, rc, what, e);
}

/* ---- the ledger ---- */

budget_cost *budget_costs(db *d, arena *a, long long period_id, const char *category, int limit, int offset, int *n,
                          long long *total) {
  const char *cat = category ? category : "";
  if (total)
    *total = db_int(d, 0, "SELECT count(*) FROM cost WHERE (?1 = 0 OR period_id = ?1) AND (?2 = '' OR category = ?2)",
                    "it", period_id, cat);
  db_stmt *st = db_query(d,
                         "SELECT id, period_id, amount_cents, booked_on, account, category, description, voucher "
                         "FROM cost WHERE (?1 = 0 OR period_id = ?1) AND (?2 = '' OR category = ?2) "
                         "ORDER BY booked_on DESC, id DESC LIMIT ?3 OFFSET ?4",
                         "itii", period_id, cat, (long long)limit, (long long)offset);
  budget_cost *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    budget_cost *c = &v[(*n)++];
    c->id = db_col_int(st, 0), c->period_id = db_col_int(st, 1), c->amount = db_col_int(st, 2);
    c->booked_on = db_col_adup(st, 3, a), c->account = db_col_adup(st, 4, a), c->category = db_col_adup(st, 5, a);
    c->description = db_col_adup(st, 6, a), c->voucher = db_col_adup(st, 7, a);
  }
  db_done(st);
  return v;
}

long long budget_period_of_date(db *d, const char *iso) {
  long long year = atoll(iso);
  return db_int(d, 0, "SELECT id FROM funding_period WHERE start_year <= ?1 AND end_year >= ?1 ORDER BY id LIMIT 1",
                "i", year);
}

int budget_cost_add(db *d, const budget_cost *c, const char *actor, kerr *e) {
  db_stmt *st =
      db_prepare(d, "INSERT INTO cost(period_id, booked_on, account, category, amount_cents, description, "
                    "voucher, created_by, created_at) VALUES(:p, :on, :acc, :cat, :amt, :descr, :v, :by, :at)");
  db_bind_int(st, ":p", c->period_id);
  db_bind_text(st, ":on", c->booked_on);
  db_bind_text(st, ":acc", c->account ? c->account : "");
  db_bind_text(st, ":cat", c->category);
  db_bind_int(st, ":amt", c->amount);
  db_bind_text(st, ":descr", c->description ? c->description : "");
  db_bind_text(st, ":v", c->voucher ? c->voucher : "");
  db_bind_text(st, ":by", actor ? actor : "");
  db_bind_text(st, ":at", db_now().s);
  int rc = db_step(st);
  db_done(st);
  return rc < 0 ? kerr_set(e, NULL, "cannot store the cost line: %r", db_errmsg(d)) : K_OK;
}
