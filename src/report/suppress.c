/* suppress: primary and secondary small-cell suppression over linked relations (see suppress.h). */
#include "report/suppress.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"

#define INF (1LL << 40) /* "no upper bound": far above any count, far below overflow when summed */

int sup_var(sup_set *s, long long v) {
  int cap = s->capvar; /* both arrays grow together */
  s->v = util_grow(s->v, s->nvar, &cap, sizeof *s->v);
  s->mark = util_grow(s->mark, s->nvar, &s->capvar, sizeof *s->mark);
  s->v[s->nvar] = v;
  s->mark[s->nvar] = SUP_SHOWN;
  return s->nvar++;
}

int sup_var_derived(sup_set *s, long long v) {
  int x = sup_var(s, v);
  while (s->nder <= x) {
    s->derived = util_grow(s->derived, s->nder, &s->capder, sizeof *s->derived);
    s->derived[s->nder++] = 0;
  }
  s->derived[x] = 1;
  return x;
}

/* 1 when x may be hidden to protect others: a published cell. */
static int hideable(const sup_set *s, int x) {
  return !s->mark[x] && s->v[x] > 0 && !(x < s->nder && s->derived[x]);
}

void sup_rel_total(sup_set *s, int total) {
  s->rel = util_grow(s->rel, s->nrel, &s->caprel, sizeof *s->rel);
  s->rel[s->nrel++] = (sup_rel){s->nref, 0, 0};
  sup_rel_part(s, total);
}

void sup_rel_distinct(sup_set *s, int total) {
  sup_rel_total(s, total);
  s->rel[s->nrel - 1].distinct = 1;
}

void sup_rel_part(sup_set *s, int part) {
  s->ref = util_grow(s->ref, s->nref, &s->capref, sizeof *s->ref);
  s->ref[s->nref++] = part;
  s->rel[s->nrel - 1].n++;
}

/* What a reader knows of a hidden cell from its mark. */
static void domain(unsigned char mark, long long *lo, long long *hi) {
  *lo = mark == SUP_SMALL ? 1 : SUP_MIN;
  *hi = mark == SUP_SMALL ? SUP_MIN - 1 : INF;
}

/* 1 when the hidden term i of relation r has one possible value. The relation is total - sum(parts) = 0; the
 * reader knows the shown terms, so the hidden terms' signed sum c, and each other hidden term's range. */
static int term_exposed(const sup_set *s, const sup_rel *r, int i, long long c) {
  long long slo = 0, shi = 0;
  for (int k = 0; k < r->n; k++) {
    int x = s->ref[r->first + k];
    if (k == i || !s->mark[x]) continue;
    long long lo, hi;
    domain(s->mark[x], &lo, &hi);
    slo += k ? -hi : lo;
    shi += k ? -lo : hi;
  }
  /* sign * x_i = c - (sum of the other hidden terms) */
  long long a = i ? slo - c : c - shi, b = i ? shi - c : c - slo, lo, hi;
  domain(s->mark[s->ref[r->first + i]], &lo, &hi);
  if (a > lo) lo = a;
  if (b < hi) hi = b;
  return hi <= lo;
}

/* The range a reader knows for term k of r: its value when shown, else what its mark says. */
static void known(const sup_set *s, const sup_rel *r, int k, long long *lo, long long *hi) {
  int x = s->ref[r->first + k];
  if (s->mark[x])
    domain(s->mark[x], lo, hi);
  else
    *lo = *hi = s->v[x];
}

/* 1 when the hidden term i of a distinct-people relation that is not an equation in the data has one possible
 * value given total <= sum of parts and part <= total. */
static int term_exposed_distinct(const sup_set *s, const sup_rel *r, int i) {
  long long tlo, thi, lo, hi, a = 0, b = 0;
  known(s, r, 0, &tlo, &thi);
  for (int k = 1; k < r->n; k++) {
    long long plo, phi;
    known(s, r, k, &plo, &phi);
    if (i == 0) { /* the total: at least its largest part, at most their sum */
      a = plo > a ? plo : a;
      b += phi;
    } else if (k != i) {
      b += phi;
    }
  }
  if (i) a = tlo - b, b = thi; /* a part: at least the total less the other parts, at most the total */
  domain(s->mark[s->ref[r->first + i]], &lo, &hi);
  if (a > lo) lo = a;
  if (b < hi) hi = b;
  return hi <= lo;
}

int sup_rel_exposed(const sup_set *s, int ri) {
  const sup_rel *r = &s->rel[ri];
  long long c = 0, sum = 0;
  for (int k = 0; k < r->n; k++) {
    int x = s->ref[r->first + k];
    if (s->mark[x]) c += k ? -s->v[x] : s->v[x];
    sum += k ? -s->v[x] : s->v[x];
  }
  int inequality = r->distinct && sum != 0;
  for (int k = 0; k < r->n; k++)
    if (s->mark[s->ref[r->first + k]] && (inequality ? term_exposed_distinct(s, r, k) : term_exposed(s, r, k, c)))
      return 1;
  return 0;
}

/* Hides one more cell of relation r: the smallest shown non-zero part, else the total. Returns 0 when every
 * non-zero cell is hidden already. */
static int hide_one(sup_set *s, const sup_rel *r) {
  int best = -1;
  for (int k = 1; k < r->n; k++) {
    int x = s->ref[r->first + k];
    if (hideable(s, x) && (best < 0 || s->v[x] < s->v[best])) best = x;
  }
  int total = s->ref[r->first];
  if (best < 0 && hideable(s, total)) best = total;
  if (best < 0) return 0;
  s->mark[best] = SUP_SECONDARY;
  return 1;
}

void sup_run(sup_set *s) {
  for (int i = 0; i < s->nvar; i++) s->mark[i] = s->v[i] > 0 && s->v[i] < SUP_MIN ? SUP_SMALL : SUP_SHOWN;
  for (int changed = 1; changed;) {
    changed = 0;
    for (int r = 0; r < s->nrel; r++)
      while (sup_rel_exposed(s, r) && hide_one(s, &s->rel[r])) changed = 1;
  }
}

void sup_free(sup_set *s) {
  free(s->v), free(s->mark), free(s->rel), free(s->ref), free(s->derived);
  memset(s, 0, sizeof *s);
}
