/* demo_budget: the demo programme's budget plans, funding shares and cost ledger, deterministic from the seed. */
#include "demo/demo_budget.h"

#include <stdio.h>
#include <string.h>

#include "demo/demo_text.h"
#include "model/budget.h"

/* A period's plan in whole euros per category, and its shares in per cent (ESF, state, own). */
static const struct plan {
  int start_year;
  long long euros[BUDGET_NCAT];
  const char *shares[BUDGET_NSRC];
  int staff; /* staff members paid from the project */
} PLANS[] = {
    {2015, {850000, 320000, 45000, 30000}, {"56", "14", "30"}, 5},
    {2018, {950000, 380000, 50000, 35000}, {"52", "13", "35"}, 5},
};

static const char *const ROLES[] = {"ohjelmapäällikkö", "asiantuntija", "asiantuntija", "viestintäasiantuntija",
                                    "projektisihteeri"};
static const int SALARY_SHARE[] = {26, 20, 20, 18, 16}; /* per cent of the staff budget */
static const char *const TRAVEL[] = {"Junaliput", "Kilometrikorvaukset", "Päivärahat", "Majoitus", "Lentoliput"};
static const char *const OTHER[] = {"Tilavuokra",          "Tarjoilut", "Painatus",
                                    "Ohjelmistolisenssit", "Postitus",  "Pankkikulut"};

typedef struct ledger {
  db *d;
  demo_rng r;
  long long period_id;
  int voucher, lines;
  kerr *e;
} ledger;

static int line(ledger *l, int y, int m, int day, const char *account, int cat, long long cents, const char *descr) {
  char on[40], voucher[40];
  snprintf(on, sizeof on, "%04d-%02d-%02d", y, m, day);
  snprintf(voucher, sizeof voucher, "T%d-%05d", y, ++l->voucher);
  budget_cost c = {.period_id = l->period_id,
                   .amount = cents,
                   .booked_on = on,
                   .account = (char *)account,
                   .category = (char *)budget_category_code[cat],
                   .description = (char *)descr,
                   .voucher = voucher};
  l->lines++;
  return budget_cost_add(l->d, &c, "demo", l->e);
}

/* Salaries: each month, a line per staff member, about their share of the staff budget spread over the months. */
static int staff_lines(ledger *l, const struct plan *p, int months) {
  char descr[80];
  for (int i = 0; i < months; i++)
    for (int s = 0; s < p->staff; s++) {
      long long base = p->euros[BUDGET_STAFF] * SALARY_SHARE[s] / months; /* cents: euros × 100 / 100 % */
      long long cents = base * (97 + demo_rng_below(&l->r, 5)) / 100;
      snprintf(descr, sizeof descr, "Palkat ja sivukulut, %s", ROLES[s]);
      if (line(l, p->start_year + i / 12, i % 12 + 1, 28, "4000", BUDGET_STAFF, cents, descr) != K_OK) return K_ERR;
    }
  return K_OK;
}

/* Purchased coaching: an invoice per sparraus delivery of the period, two weeks after it ends. */
static int coaching_lines(ledger *l, const struct plan *p) {
  db_stmt *st = db_query(l->d,
                         "SELECT d.ends_on, d.ref FROM delivery d JOIN service s ON s.id = d.service_id "
                         "WHERE s.type_code = 'sparraus' AND s.period_id = ?1 ORDER BY d.starts_on, d.id",
                         "i", l->period_id);
  int n = 0, rc = K_OK;
  char descr[120];
  while (rc == K_OK && db_step(st) == 1) {
    int y = 0, m = 0;
    if (sscanf(db_col_text(st, 0), "%4d-%2d", &y, &m) != 2) continue;
    if (++m > 12) m = 1, y++;
    if (y > p->start_year + 2) y = p->start_year + 2, m = 12;
    snprintf(descr, sizeof descr, "Sparrauksen valmentajapalkkio, %s", db_col_text(st, 1));
    rc = line(l, y, m, 10 + demo_rng_below(&l->r, 10), "4300", BUDGET_SERVICES,
              (long long)demo_rng_range(&l->r, 1400, 2800) * 100, descr);
    n++;
  }
  db_done(st);
  return rc == K_OK ? n : -1;
}

/* Many small lines of one category (travel or other) adding up to about its plan; a credit now and then. */
static int small_lines(ledger *l, const struct plan *p, int cat, const char *account, const char *const *what,
                       int nwhat, int count) {
  long long avg = p->euros[cat] * 100 / count;
  for (int i = 0; i < count; i++) {
    int month = i * 36 / count;
    long long cents = avg * demo_rng_range(&l->r, 40, 155) / 100;
    if (demo_rng_chance(&l->r, 2)) cents = -cents / 3; /* a refund */
    if (line(l, p->start_year + month / 12, month % 12 + 1, 1 + demo_rng_below(&l->r, 27), account, cat, cents,
             what[demo_rng_below(&l->r, nwhat)]) != K_OK)
      return K_ERR;
  }
  return K_OK;
}

/* The shortfall of purchased services against the plan, booked as one line of other purchased services per month,
 * so that the actual total comes near the plan however many sparraus deliveries the demo has. */
static int services_rest(ledger *l, const struct plan *p, long long booked) {
  long long rest = p->euros[BUDGET_SERVICES] * 100 * 96 / 100 - booked;
  for (int i = 0; rest > 0 && i < 36; i++)
    if (line(l, p->start_year + i / 12, i % 12 + 1, 15, "4310", BUDGET_SERVICES, rest / 36,
             "Asiantuntijapalvelut (tapahtumat, webinaarit)") != K_OK)
      return K_ERR;
  return K_OK;
}

static int period_budget(ledger *l, const struct plan *p) {
  char amount[BUDGET_NCAT][24];
  budget_plan_form f = {.rate = "17", .travel_inside = 0};
  for (int k = 0; k < BUDGET_NCAT; k++) {
    snprintf(amount[k], sizeof amount[k], "%lld,00", p->euros[k]);
    f.amount[k] = amount[k];
  }
  for (int k = 0; k < BUDGET_NSRC; k++) f.share[k] = p->shares[k];
  if (budget_plan_save(l->d, l->period_id, &f, l->e) != K_OK) return K_ERR;
  if (staff_lines(l, p, 36) != K_OK) return K_ERR;
  if (coaching_lines(l, p) < 0) return K_ERR;
  long long booked = db_int(l->d, 0,
                            "SELECT coalesce(sum(amount_cents), 0) FROM cost WHERE period_id = ?1 AND "
                            "category = 'ostopalvelut'",
                            "i", l->period_id);
  if (services_rest(l, p, booked) != K_OK) return K_ERR;
  if (small_lines(l, p, BUDGET_TRAVEL, "4600", TRAVEL, 5, 720) != K_OK) return K_ERR;
  return small_lines(l, p, BUDGET_OTHER, "4800", OTHER, 6, 300);
}

int demo_budget(db *d, uint64_t seed, kerr *e) {
  ledger l = {.d = d, .r = {seed ^ 0x6275646765740000ULL}, .e = e};
  for (size_t i = 0; i < sizeof PLANS / sizeof PLANS[0]; i++) {
    l.period_id =
        db_int(d, 0, "SELECT id FROM funding_period WHERE start_year = ?1", "i", (long long)PLANS[i].start_year);
    if (!l.period_id) return kerr_set(e, NULL, "demo budget: no funding period starts in %d", PLANS[i].start_year), -1;
    if (period_budget(&l, &PLANS[i]) != K_OK) return -1;
  }
  return l.lines;
}
