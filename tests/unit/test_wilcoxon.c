/* Unit tests for report/wilcoxon: many random paired samples (ties, zero differences, n 1..120, whole and decimal
 * values) are given to scipy.stats.wilcoxon through Debian's /usr/bin/python3 (tests/scipy_wilcoxon.py) and to
 * wilcoxon_test; statistic and p-value must agree to a relative 1e-9. Plus the textbook example of scipy's own
 * documentation, checked against its printed figures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/wilcoxon.h"

#define NSAMPLES 1500
#define MAXN 120

static unsigned rnd_state = 20261206u;
static int rnd(int n) {
  rnd_state = rnd_state * 1103515245u + 12345u;
  return (int)((rnd_state >> 8) % (unsigned)n);
}

static int close_enough(double a, double b) {
  if (isnan(a) || isnan(b)) return isnan(a) && isnan(b);
  if (a == b) return 1;
  return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

/* Fills x, y with n pairs of one of several shapes: Likert answers (many ties and zeros), answers that all moved
 * (no zeros, exact mode), a 0..10 scale, decimals, and a shift that makes p tiny. */
static void gen(double *x, double *y, int n, int shape) {
  for (int i = 0; i < n; i++) {
    switch (shape) {
    case 0: /* likert5 before/after */ x[i] = 1 + rnd(5), y[i] = 1 + rnd(5); break;
    case 1: /* every answer moved: no zero difference */
      x[i] = 1 + rnd(7), y[i] = x[i] + (rnd(2) ? 1 : -1) * (1 + rnd(3));
      break;
    case 2: /* 0..10 with a small improvement */ x[i] = rnd(11), y[i] = fmin(10, x[i] + rnd(4) - 1); break;
    case 3: /* decimals: few ties */ x[i] = rnd(100000) / 1000.0, y[i] = rnd(100000) / 1000.0; break;
    default: /* a strong shift: tiny p */ x[i] = 1 + rnd(3), y[i] = x[i] + 1 + rnd(3); break;
    }
  }
}

static void test_matches_scipy(void **state) {
  (void)state;
  if (access("tests/scipy_wilcoxon.py", R_OK) != 0) fail_msg("run from the repository root (tests/scipy_wilcoxon.py)");
  char in[] = "/tmp/kehto-wilcoxon-XXXXXX";
  int fd = mkstemp(in);
  assert_true(fd >= 0);
  FILE *f = fdopen(fd, "w");
  static double xs[NSAMPLES][MAXN], ys[NSAMPLES][MAXN];
  static int ns[NSAMPLES];
  for (int s = 0; s < NSAMPLES; s++) {
    int n = s < 120 ? s + 1 : 1 + rnd(MAXN);
    ns[s] = n;
    gen(xs[s], ys[s], n, s % 5);
    for (int i = 0; i < n; i++) fprintf(f, "%.17g ", xs[s][i]);
    fputc('|', f);
    for (int i = 0; i < n; i++) fprintf(f, "%.17g ", ys[s][i]);
    fputc('\n', f);
  }
  fclose(f);
  char cmd[256];
  snprintf(cmd, sizeof cmd, "/usr/bin/python3 tests/scipy_wilcoxon.py < %s", in);
  FILE *p = popen(cmd, "r");
  assert_non_null(p);
  int bad = 0, exact = 0, approx = 0, none = 0;
  for (int s = 0; s < NSAMPLES; s++) {
    double st, pv;
    char a[64], b[64];
    if (fscanf(p, "%63s %63s", a, b) != 2) fail_msg("scipy answered %d of %d samples", s, NSAMPLES);
    st = strtod(a, NULL), pv = strtod(b, NULL);
    wilcoxon_result r = wilcoxon_test(xs[s], ys[s], ns[s]);
    if (!r.ok)
      none++;
    else if (r.exact)
      exact++;
    else
      approx++;
    if (!close_enough(r.statistic, st) || !close_enough(r.p, pv)) {
      if (bad++ < 5)
        print_error("sample %d (n %d): scipy %s %s, kehto %.17g %.17g\n", s, ns[s], a, b, r.statistic, r.p);
    }
  }
  int rc = pclose(p);
  unlink(in);
  assert_int_equal(rc, 0);
  print_message("%d samples: %d exact, %d approximate, %d without a test; %d differ\n", NSAMPLES, exact, approx, none,
                bad);
  assert_true(exact > 100 && approx > 100);
  assert_int_equal(bad, 0);
}

/* scipy's documentation: Darwin's corn, (24.0, 0.041259765625) exact. */
static void test_documented_example(void **state) {
  (void)state;
  double d[] = {6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75}, zero[15] = {0};
  wilcoxon_result r = wilcoxon_test(d, zero, 15);
  assert_true(r.ok && r.exact);
  assert_true(r.statistic == 24.0);
  assert_true(r.p == 0.041259765625);
}

static void test_degenerate(void **state) {
  (void)state;
  double x[] = {3, 3, 3}, y[] = {3, 3, 3};
  wilcoxon_result r = wilcoxon_test(x, y, 0);
  assert_false(r.ok);
  assert_true(isnan(r.p));
  r = wilcoxon_test(x, y, 3); /* every difference zero: scipy raises */
  assert_false(r.ok);
  double a[] = {1}, b[] = {2};
  r = wilcoxon_test(a, b, 1); /* one pair: r_plus 0 of 0..1, p = 2·min(0.5, 1) = 1 */
  assert_true(r.ok && r.exact);
  assert_true(r.p == 1.0 && r.statistic == 0.0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_documented_example),
      cmocka_unit_test(test_degenerate),
      cmocka_unit_test(test_matches_scipy),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
