/* wilcoxon: the Wilcoxon signed-rank test on paired samples, computed exactly as scipy.stats.wilcoxon(x, y) does
 * with its defaults in SciPy 1.10.1 (Debian 12's python3-scipy): zero_method "wilcox", no continuity correction,
 * two-sided, mode "auto". Pure: numbers in, numbers out. */
#ifndef KEHTO_WILCOXON_H
#define KEHTO_WILCOXON_H

typedef struct wilcoxon_result {
  double statistic; /* min(r_plus, r_minus) over the non-zero differences */
  double p;         /* two-sided p-value; NaN when there is none (see ok) */
  int exact;        /* 1: the exact distribution was used; 0: the normal approximation with the tie correction */
  int n;            /* the non-zero differences ranked */
  int ok;           /* 0: no test (no pairs, or every difference is zero: scipy returns NaN or raises) */
} wilcoxon_result;

/* The test on the differences x[i] - y[i], i < n, as SciPy 1.10.1 does it:
 *  - no pairs: statistic and p NaN;
 *  - mode: exact when n <= 50 (n counts every pair, zero differences too) and no difference is zero, else the
 *    normal approximation; every difference zero is no test (scipy raises);
 *  - the zero differences are dropped, the absolute differences ranked (ties share their mean rank);
 *  - statistic = min(sum of the positive differences' ranks, sum of the negative's);
 *  - exact: r_plus is cut to a whole number (as scipy's int() does with a tie's half rank), p = 2·min(P(R <= r+),
 *    P(R >= r+)) under the exact null distribution, 1 at its centre, clipped to [0, 1];
 *  - approximate: z = (T - n(n+1)/4) / sqrt((n(n+1)(2n+1) - ½·Σ t(t²-1)) / 24), p = 2·sf(|z|).
 * Uses O(n log n) time and, for the exact case, O(n²) memory on the heap (freed before it returns). */
wilcoxon_result wilcoxon_test(const double *x, const double *y, int n);

#endif
