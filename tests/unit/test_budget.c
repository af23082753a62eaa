/* Unit tests for the budget: the flat rate in cents and its rounding, travel inside or outside it, the forecast, the
 * shares, amounts typed and imported, the plan form's checks, and the cost import (good files, every bad row named by
 * row and column, nothing kept after an error). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "model/budget.h"
#include "model/programme.h"
#include "testdb.h"

static int setup(void **state) {
  (void)testdb_deed; /* testdb.h's deed helper: no deeds here */
  db *d = testdb_open();
  kerr e = {0};
  programme_period p1 = {0, "1. kausi", 2015, 2017, "S20190", "", "", {0}};
  programme_period p2 = {0, "2. kausi", 2018, 2020, "S21159", "", "", {0}};
  if (!programme_period_add(d, &p1, &e) || !programme_period_add(d, &p2, &e)) fail_msg("period: %s", e.msg);
  *state = d;
  return 0;
}

static int teardown(void **state) {
  db_close(*state);
  return 0;
}

static void test_flat_rate_cents(void **state) {
  (void)state;
  assert_int_equal(budget_flat_rate(100000, 1700), 17000);                 /* 1 000,00 € × 17 % = 170,00 € */
  assert_int_equal(budget_flat_rate(12345, 1700), 2098);                   /* 2 098,65 cents: toward zero, 20,98 € */
  assert_int_equal(budget_flat_rate(99, 1700), 16);                        /* 16,83 → 16 */
  assert_int_equal(budget_flat_rate(-12345, 1700), -2098);                 /* a credit: toward zero too */
  assert_int_equal(budget_flat_rate(123456789, 4000), 49382715);           /* 40 % (2021–2027): 493 827,156 → ,15 */
  assert_int_equal(budget_flat_rate(100000000000LL, 1700), 17000000000LL); /* a billion euros: no overflow */
  assert_int_equal(budget_flat_rate(5000, 0), 0);
}

static void test_travel_inside_or_outside(void **state) {
  (void)state;
  budget_sums s = {.cat = {100000, 50000, 3000, 2000}};
  budget_compute(&s, 1700, 0);
  assert_int_equal(s.flat, 17000);
  assert_int_equal(s.eligible, 100000 + 50000 + 3000 + 2000 + 17000);
  budget_compute(&s, 1700, 1); /* travel recorded, but covered by the flat rate */
  assert_int_equal(s.flat, 17000);
  assert_int_equal(s.eligible, 100000 + 50000 + 2000 + 17000);
  assert_int_equal(s.cat[BUDGET_TRAVEL], 3000);
}

static void test_forecast(void **state) {
  (void)state;
  /* 2018–2020 is 36 months; by March 2019 15 months have passed: 150 000 € / 15 × 36 = 360 000 € */
  assert_int_equal(budget_forecast(15000000, 2018, 2020, "2019-03"), 36000000);
  assert_int_equal(budget_forecast(100, 2018, 2020, "2018-07"), 514);           /* 100 / 7 × 36 = 514,28 → 514 */
  assert_int_equal(budget_forecast(15000000, 2018, 2020, "2021-01"), 15000000); /* ended: what was spent */
  assert_int_equal(budget_forecast(15000000, 2018, 2020, "2020-12"), 15000000);
  assert_int_equal(budget_forecast(500, 2018, 2020, "2017-12"), 0); /* not started */
}

static void test_shares_add_up(void **state) {
  (void)state;
  long long out[BUDGET_NSRC];
  int shares[BUDGET_NSRC] = {4500, 2500, 3000};
  budget_split(100001, shares, out); /* 45 000,45 and 25 000,25 cents are cut; own funding takes the rest */
  assert_int_equal(out[BUDGET_ESF], 45000);
  assert_int_equal(out[BUDGET_STATE], 25000);
  assert_int_equal(out[BUDGET_OWN], 30001);
  int no_own[BUDGET_NSRC] = {7000, 3000, 0};
  budget_split(99999, no_own, out);
  assert_int_equal(out[BUDGET_ESF], 69999);
  assert_int_equal(out[BUDGET_STATE], 30000);
  assert_int_equal(out[BUDGET_OWN], 0);
}

static void test_parse_amount(void **state) {
  (void)state;
  long long c = 0;
  const char *why = NULL;
  assert_int_equal(budget_parse_amount("1 234,50", 1, 0, 0, &c, &why), K_OK);
  assert_int_equal(c, 123450);
  assert_int_equal(budget_parse_amount("1\xc2\xa0"
                                       "234,5",
                                       1, 0, 0, &c, &why),
                   K_OK); /* no-break space */
  assert_int_equal(c, 123450);
  assert_int_equal(budget_parse_amount("12\xe2\x80\xaf"
                                       "000",
                                       1, 0, 0, &c, &why),
                   K_OK); /* narrow no-break */
  assert_int_equal(c, 1200000);
  assert_int_equal(budget_parse_amount("-12.05", 1, 1, 1, &c, &why), K_OK);
  assert_int_equal(c, -1205);
  assert_int_equal(budget_parse_amount("12.50", 1, 0, 0, &c, &why), K_ERR);
  assert_string_equal(why, "a decimal point where a decimal comma is expected");
  assert_int_equal(budget_parse_amount("-5", 1, 0, 0, &c, &why), K_ERR);
  assert_string_equal(why, "a negative amount");
  assert_int_equal(budget_parse_amount("1,234", 1, 0, 0, &c, &why), K_ERR);
  assert_int_equal(budget_parse_amount("12 €", 1, 0, 0, &c, &why), K_ERR);
  assert_int_equal(budget_parse_amount("", 1, 0, 0, &c, &why), K_ERR);
  assert_int_equal(budget_parse_amount(",5", 1, 0, 0, &c, &why), K_ERR);
  int bp = 0;
  assert_int_equal(budget_parse_percent("17", &bp), K_OK);
  assert_int_equal(bp, 1700);
  assert_int_equal(budget_parse_percent("17,5", &bp), K_OK);
  assert_int_equal(bp, 1750);
  assert_int_equal(budget_parse_percent("100,01", &bp), K_ERR);
  assert_int_equal(budget_category_of("MATKAKULUT"), BUDGET_TRAVEL);
  assert_int_equal(budget_category_of("henkilöstökulut"), BUDGET_STAFF);
  assert_int_equal(budget_category_of("Ostopalvelut"), BUDGET_SERVICES);
  assert_int_equal(budget_category_of("muut"), BUDGET_OTHER);
  assert_int_equal(budget_category_of("palkat"), -1);
}

static long long period_id(db *d, int start) {
  return db_int(d, 0, "SELECT id FROM funding_period WHERE start_year = ?1", "i", (long long)start);
}

static void test_plan_form(void **state) {
  db *d = *state;
  long long p2 = period_id(d, 2018);
  budget_plan_form f = {{"1 000 000,00", "200 000", "30 000,50", "-5"}, "17,5", 0, {"50", "30", "10"}};
  kerr e = {0};
  assert_int_equal(budget_plan_save(d, p2, &f, &e), K_ERR);
  int seen_other = 0, seen_shares = 0;
  for (kerr *k = &e; k; k = k->next) {
    seen_other |= k->field && !strcmp(k->field, "amount_muut");
    seen_shares |= k->field && !strcmp(k->field, "share_esf") && strstr(k->msg, "summa ei ole 100 %");
  }
  assert_true(seen_other && seen_shares);
  kerr_clear(&e);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM budget_line", ""), 0);
  f.amount[BUDGET_OTHER] = "1 000,00";
  f.share[BUDGET_OWN] = "20";
  assert_int_equal(budget_plan_save(d, p2, &f, &e), K_OK);
  arena a = {0};
  budget *b = budget_get(d, &a, "2026-12");
  budget_period *p = &b->periods[1];
  assert_int_equal(p->rate_bp, 1750);
  assert_int_equal(p->plan.cat[BUDGET_STAFF], 100000000);
  assert_int_equal(p->plan.flat, 17500000);
  assert_int_equal(p->plan.eligible, 100000000 + 20000000 + 3000050 + 100000 + 17500000);
  assert_int_equal(p->plan_share[BUDGET_ESF] + p->plan_share[BUDGET_STATE] + p->plan_share[BUDGET_OWN],
                   p->plan.eligible);
  assert_int_equal(b->plan.eligible, p->plan.eligible);
  assert_int_equal(budget_total_planned(d), p->plan.eligible);
  arena_free(&a);
}

static int imp(db *d, const char *text, import_stats *st, kerr *e) {
  return import_costs_mem(d, text, strlen(text), "kulut.csv", "cli", 0, st, e);
}

/* Expects the import to fail naming want (and want2) and to leave the ledger as it was. */
static void expect_fail(db *d, const char *text, const char *want, const char *want2) {
  long long before = db_int(d, -1, "SELECT count(*) FROM cost", "");
  kerr e = {0};
  import_stats st;
  assert_int_equal(imp(d, text, &st, &e), K_ERR);
  if (!e.msg || !strstr(e.msg, want) || (want2 && !strstr(e.msg, want2)))
    fail_msg("message '%s' lacks '%s' or '%s'", e.msg ? e.msg : "", want, want2 ? want2 : "");
  assert_int_equal(st.imported, 0);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM cost", ""), before);
  kerr_clear(&e);
}

#define HEAD_SEMI "date;account;category;amount;description;voucher\n"
#define HEAD_COMMA "date,account,category,amount,description,voucher\n"

static void test_import_good(void **state) {
  db *d = *state;
  kerr e = {0};
  import_stats st;
  const char *semi = "\xef\xbb\xbf" HEAD_SEMI "31.3.2019;4000;Henkilöstökulut;1 234,50;Palkka maaliskuu;T-1\n"
                     "2019-04-02;4300;matkat;-12,5;Hyvitys;T-2\n";
  assert_int_equal(imp(d, semi, &st, &e), K_OK);
  assert_int_equal(st.imported, 2);
  const char *comma = HEAD_COMMA "2016-05-01,4200,ostopalvelut,\"12,50\",Sparraus,T-3\n"
                                 "2016-05-02,4200,OSTOPALVELUT,1000.25,Sparraus,T-4\n";
  assert_int_equal(imp(d, comma, &st, &e), K_OK);
  assert_int_equal(st.imported, 2);
  assert_int_equal(db_int(d, -1, "SELECT sum(amount_cents) FROM cost", ""), 123450 - 1250 + 1250 + 100025);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM cost WHERE period_id = ?1", "i", period_id(d, 2015)), 2);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM audit WHERE subject = 'import:costs'", ""), 2);
  arena a = {0};
  budget *b = budget_get(d, &a, "2019-04");
  budget_period *p = &b->periods[1];
  assert_int_equal(p->rows, 2);
  assert_int_equal(p->actual.cat[BUDGET_STAFF], 123450);
  assert_int_equal(p->actual.flat, 20986); /* 17 % of 1 234,50 € = 209,865 € → 209,86 € */
  assert_int_equal(p->actual.eligible, 123450 - 1250 + 20986);
  assert_int_equal(p->months[14].cat[BUDGET_STAFF], 123450); /* March 2019 is the 15th month */
  assert_int_equal(p->months[14].cum_eligible, 123450 + 20986);
  assert_int_equal(p->months[35].cum_eligible, p->actual.eligible);
  assert_int_equal(p->forecast, budget_forecast(p->actual.eligible, 2018, 2020, "2019-04"));
  arena_free(&a);
}

static void test_import_bad_rows(void **state) {
  db *d = *state;
  expect_fail(d, HEAD_SEMI "31.3.2019;4000;muut;12,50;x;1\n31.3.2019;4000;muut;12.50;x;2\n",
              "kulut.csv, row 3, column amount: '12.50' is not an amount", "decimal comma");
  expect_fail(d, HEAD_SEMI "31.3.2019;4000;muut;12,50;x;1\n31.3.2019;4000;palkat;12,50;x;2\n",
              "kulut.csv, row 3, column category: unknown category 'palkat'", NULL);
  expect_fail(d, HEAD_COMMA "2019-03-31,4000,muut,12,50,x,1\n",
              "kulut.csv, row 2: the row has 7 fields but the header has only 6 columns",
              "must be in quotes in a comma-separated file");
  expect_fail(d, HEAD_SEMI "31.12.2014;4000;muut;12,50;x;1\n",
              "kulut.csv, row 2, column date: 31.12.2014 is outside every funding period", NULL);
  expect_fail(d, HEAD_SEMI "31.2.2019;4000;muut;12,50;x;1\n", "row 2, column date: '31.2.2019' is not a date", NULL);
  expect_fail(d, HEAD_SEMI "31.3.2019;4000;muut;;x;1\n", "row 2, column amount: the value is empty", NULL);
  expect_fail(d, "date;category;amount;sum\n", "unknown column 'sum'", NULL);
  expect_fail(d, "date;category\n", "missing required column: amount", NULL);
  expect_fail(d, HEAD_SEMI, "the file has a header row but no cost lines", NULL);
  expect_fail(d, "", "empty", NULL);
}

static void test_check_mem_lists_rows(void **state) {
  db *d = *state;
  const char *text = HEAD_SEMI "31.3.2019;4000;muut;12,50;x;1\n31.3.2019;4000;muut;abc;x;2\n";
  kerr e = {0};
  import_stats st;
  assert_int_equal(import_check_mem(d, "costs", text, strlen(text), "kulut.csv", NULL, NULL, &st, &e), K_ERR);
  assert_int_equal(st.bad, 1);
  kerr_clear(&e);
  assert_int_equal(db_int(d, -1, "SELECT count(*) FROM cost", ""), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_flat_rate_cents),
      cmocka_unit_test(test_travel_inside_or_outside),
      cmocka_unit_test(test_forecast),
      cmocka_unit_test(test_shares_add_up),
      cmocka_unit_test(test_parse_amount),
      cmocka_unit_test_setup_teardown(test_plan_form, setup, teardown),
      cmocka_unit_test_setup_teardown(test_import_good, setup, teardown),
      cmocka_unit_test_setup_teardown(test_import_bad_rows, setup, teardown),
      cmocka_unit_test_setup_teardown(test_check_mem_lists_rows, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
