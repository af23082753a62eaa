/* budget: the funding periods' budget plans, flat rates and funding shares, the cost ledger and its sums (#16). */
#ifndef KEHTO_BUDGET_H
#define KEHTO_BUDGET_H
#include "core/arena.h"
#include "db/db.h"

/* The cost categories, in this order everywhere (their codes are the schema's). The flat-rate line is computed. */
enum { BUDGET_STAFF, BUDGET_SERVICES, BUDGET_TRAVEL, BUDGET_OTHER, BUDGET_NCAT };
/* The funding sources, in this order. */
enum { BUDGET_ESF, BUDGET_STATE, BUDGET_OWN, BUDGET_NSRC };

extern const char *const budget_category_code[BUDGET_NCAT];  /* "henkilosto", "ostopalvelut", "matkat", "muut" */
extern const char *const budget_category_label[BUDGET_NCAT]; /* Finnish msgids: "Henkilöstökulut", … */
extern const char *const budget_source_code[BUDGET_NSRC];    /* "esf", "valtio", "oma" */
extern const char *const budget_source_label[BUDGET_NSRC];   /* Finnish msgids */

/* The category of text: its code or its Finnish name, any case ("Matkakulut", "matkat"); -1 when neither. */
int budget_category_of(const char *text);

/* The flat rate in cents: rate_bp basis points (1700 = 17 %) of staff_cents, rounded toward zero to a whole cent
 * (the rule never claims a fraction of a cent more than the percentage gives). */
long long budget_flat_rate(long long staff_cents, int rate_bp);

/* A set of sums: per category, the flat rate computed from them, and the eligible total. */
typedef struct budget_sums {
  long long cat[BUDGET_NCAT];
  long long flat;     /* budget_flat_rate(cat[BUDGET_STAFF], rate) */
  long long eligible; /* staff + services + other + flat, + travel unless travel is inside the flat rate */
} budget_sums;

/* Fills s->flat and s->eligible from s->cat under the rate and the travel rule (travel_inside 1: travel costs are
 * recorded but covered by the flat rate, so not counted separately). */
void budget_compute(budget_sums *s, int rate_bp, int travel_inside);

/* Splits total by shares (basis points adding up to 10000) into out: each share rounded toward zero, except the last
 * source with a share, which takes the rest, so the parts add up to total exactly. */
void budget_split(long long total, const int share_bp[BUDGET_NSRC], long long out[BUDGET_NSRC]);

/* The forecast for the end of a period (December of end_year) at the current pace: when the period has not started by
 * month asof_ym ("yyyy-mm"), 0; when it has ended, spent; otherwise spent / months elapsed (the period's first month
 * through asof_ym, inclusive) × the period's months, rounded to the nearest cent. */
long long budget_forecast(long long spent, int start_year, int end_year, const char *asof_ym);

/* One month of a period: actual costs per category booked in it, and the cumulative eligible total to its end. */
typedef struct budget_month {
  char ym[16]; /* "2019-03" */
  long long cat[BUDGET_NCAT];
  long long cum_eligible; /* eligible total of the period's costs up to and including this month */
  long long cum_plan;     /* the planned eligible total spread evenly over the months, to this month's end */
} budget_month;

/* A period's budget: its plan, its actual costs, its shares and its months. */
typedef struct budget_period {
  long long id;
  char *name, *esf_code;
  int start_year, end_year;
  int rate_bp, travel_inside;
  int share_bp[BUDGET_NSRC];
  budget_sums plan, actual;
  long long plan_share[BUDGET_NSRC], actual_share[BUDGET_NSRC]; /* budget_split of plan and actual eligible */
  long long forecast;                                           /* budget_forecast of the actual eligible total */
  long long rows;                                               /* ledger lines */
  budget_month *months;                                         /* every month of the period, in order */
  int nmonths;
} budget_period;

/* The whole budget: every period (by start year) and their totals (the flat rate of each period at its own rate). */
typedef struct budget {
  budget_period *periods;
  int nperiods;
  budget_sums plan, actual;
  long long forecast;
  long long plan_share[BUDGET_NSRC], actual_share[BUDGET_NSRC];
} budget;

/* Reads the plan, shares and ledger sums of every period (four queries) into arena a; asof_ym ("yyyy-mm", the current
 * month in Finland) sets the forecast. Never NULL (aborts only on out-of-memory); a storage error reads as empty. */
budget *budget_get(db *d, arena *a, const char *asof_ym);

/* The planned total budget of the whole programme (the eligible total of every period's plan), for the public. */
long long budget_total_planned(db *d);

/* Reads an amount of euros typed or imported into cents: digits with spaces, no-break spaces or narrow no-break
 * spaces between groups ("1 234,50"), an optional sign ('-' allowed only when negative_ok), and at most two decimals
 * after a decimal comma (comma_ok) or point (point_ok). Returns K_OK, or K_ERR with *why set to a static English
 * phrase saying what is wrong. */
int budget_parse_amount(const char *text, int comma_ok, int point_ok, int negative_ok, long long *cents,
                        const char **why);
/* Reads a percentage "17", "17,5" or "17.5" (0–100, at most two decimals) into basis points. K_OK or K_ERR. */
int budget_parse_percent(const char *text, int *bp);

/* The plan of a period as the staff form sends it: texts as typed. */
typedef struct budget_plan_form {
  const char *amount[BUDGET_NCAT]; /* euros with a decimal comma, ≥ 0 */
  const char *rate;                /* the flat rate in per cent, 0–100 */
  int travel_inside;
  const char *share[BUDGET_NSRC]; /* per cent; together 100 */
} budget_plan_form;

/* Checks and stores period_id's plan, flat rate, travel rule and shares, all or nothing (a savepoint). Every bad field
 * is named in e (fields amount_henkilosto…, rate, share_esf…, shares; Finnish messages). Returns K_OK or K_ERR. */
int budget_plan_save(db *d, long long period_id, const budget_plan_form *f, kerr *e);

/* One ledger line as read. Strings in the arena. */
typedef struct budget_cost {
  long long id, period_id, amount;
  char *booked_on, *account, *category, *description, *voucher;
} budget_cost;

/* Ledger lines, newest first, filtered by period (0: all) and category (NULL or "": all), limit rows from offset,
 * in arena a; *total (may be NULL) gets the number matching. */
budget_cost *budget_costs(db *d, arena *a, long long period_id, const char *category, int limit, int offset, int *n,
                          long long *total);

/* The funding period whose years hold the date ("yyyy-mm-dd"); 0 when none does. */
long long budget_period_of_date(db *d, const char *iso);

/* Adds a ledger line (the caller checked it and found its period). Returns K_OK, or K_ERR with e set. */
int budget_cost_add(db *d, const budget_cost *c, const char *actor, kerr *e);

#endif
