/* wilcoxon: the signed-rank test as scipy.stats.wilcoxon computes it by default (see wilcoxon.h for the rules). */
#include "report/wilcoxon.h"
#include <math.h>
#include <stdlib.h>

static int cmp_abs(const void *a, const void *b) {
  double x = fabs(*(const double *)a), y = fabs(*(const double *)b);
  return (x > y) - (x < y);
}

/* P(R+ = r) for r = 0 .. n(n+1)/2 under the null, built as scipy's _get_wilcoxon_distr does (halving and
 * shifting, so the same floating-point values come out). NULL when out of memory. */
static double *exact_pmf(int n) {
  int top = n * (n + 1) / 2;
  double *c = calloc((size_t)top + 1, sizeof *c), *prev = calloc((size_t)top + 1, sizeof *prev);
  if (!c || !prev) {
    free(c);
    free(prev);
    return NULL;
  }
  c[0] = 1.0;
  for (int k = 1; k <= n; k++) {
    int m = (k - 1) * k / 2 + 1, len = k * (k + 1) / 2 + 1;
    for (int i = 0; i < m; i++) prev[i] = c[i];
    for (int i = 0; i < len; i++) c[i] = 0.0;
    for (int i = 0; i < m; i++) c[i] = prev[i] * 0.5;
    for (int i = 0; i < m; i++) c[len - m + i] += prev[i] * 0.5;
  }
  free(prev);
  return c;
}

/* Sums a[lo..hi] pairwise as numpy's sum does for a contiguous double array (blocks of 8 below 128 elements,
 * halves above), so that the exact p-value agrees with scipy's to the last bits. */
static double np_sum(const double *a, long n) {
  if (n < 8) {
    double s = -0.0;
    for (long i = 0; i < n; i++) s += a[i];
    return s;
  }
  if (n <= 128) {
    double r[8];
    for (int j = 0; j < 8; j++) r[j] = a[j];
    long i;
    for (i = 8; i < n - (n % 8); i += 8)
      for (int j = 0; j < 8; j++) r[j] += a[i + j];
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += a[i];
    return res;
  }
  long n2 = n / 2;
  n2 -= n2 % 8;
  return np_sum(a, n2) + np_sum(a + n2, n - n2);
}

wilcoxon_result wilcoxon_test(const double *x, const double *y, int n) {
  wilcoxon_result r = {NAN, NAN, 0, 0, 0};
  if (n <= 0) return r;
  double *d = malloc((size_t)n * sizeof *d);
  if (!d) return r;
  int nz = 0;
  for (int i = 0; i < n; i++) {
    double v = x[i] - y[i];
    if (v != 0) d[nz++] = v;
  }
  int exact = n <= 50 && nz == n;
  if (nz == 0) { /* scipy: ValueError (approximation) — no test */
    free(d);
    return r;
  }
  qsort(d, (size_t)nz, sizeof *d, cmp_abs);
  double rplus = 0, rminus = 0, ties = 0;
  for (int i = 0; i < nz;) {
    int j = i;
    while (j + 1 < nz && fabs(d[j + 1]) == fabs(d[i])) j++;
    double rank = (i + 1 + j + 1) / 2.0, t = j - i + 1;
    if (t > 1) ties += t * (t * t - 1);
    for (int k = i; k <= j; k++) {
      if (d[k] > 0)
        rplus += rank;
      else
        rminus += rank;
    }
    i = j + 1;
  }
  free(d);
  r.n = nz;
  r.exact = exact;
  r.statistic = rplus < rminus ? rplus : rminus;
  if (exact) {
    double *pmf = exact_pmf(nz);
    if (!pmf) return r;
    long len = (long)nz * (nz + 1) / 2 + 1, rp = (long)rplus;
    double p;
    if (rp == (len - 1) / 2)
      p = 1.0;
    else {
      double less = np_sum(pmf, rp + 1), greater = np_sum(pmf + rp, len - rp);
      p = 2 * (greater < less ? greater : less);
    }
    free(pmf);
    r.p = p < 0 ? 0 : p > 1 ? 1 : p;
  } else {
    double cn = nz, mn = cn * (cn + 1.) * 0.25, se = cn * (cn + 1.) * (2. * cn + 1.);
    se -= 0.5 * ties;
    se = sqrt(se / 24);
    double z = (r.statistic - mn) / se;
    r.p = erfc(fabs(z) / M_SQRT2);
  }
  r.ok = 1;
  return r;
}
