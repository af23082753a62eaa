/* suppress: small-cell suppression over a set of linked cells: primary (1..4 people) and secondary (cells hidden so
 * that no hidden cell can be worked out from the cells shown), across every relation "total = sum of parts" that a
 * reader can use (see docs/statistics.md). Pure: it knows counts and relations, not tables. */
#ifndef KEHTO_SUPPRESS_H
#define KEHTO_SUPPRESS_H

/* What a cell shows. */
enum {
  SUP_SHOWN = 0,     /* the number */
  SUP_SMALL = 1,     /* "< 5": the true value is 1..4 */
  SUP_SECONDARY = 2, /* "•": hidden to protect another cell; the value is 5 or more (zero is never hidden) */
};

#define SUP_MIN 5 /* values 1..SUP_MIN-1 are small */

typedef struct sup_rel {
  int first, n; /* refs[first] is the total, refs[first+1 .. first+n-1] its parts */
  int distinct; /* 1: the total counts distinct people of the parts (total <= sum, each part <= total) */
} sup_rel;

typedef struct sup_set {
  int nvar, capvar;
  long long *v;
  unsigned char *mark; /* SUP_... */
  int nrel, caprel;
  sup_rel *rel;
  int nref, capref;
  int *ref;
  int nder, capder;
  unsigned char *derived; /* [var]: 1 for a cell that is never published (sup_var_derived); NULL when none */
} sup_set;

/* Adds a cell with value v (a count of people, >= 0); returns its index. */
int sup_var(sup_set *s, long long v);
/* Adds a cell that is never published but can be worked out from published ones (the unemployed who are not
 * long-term unemployed: a row less its "joista" row). It is protected like any cell (when it has 1..4 people, the
 * cells it comes from are hidden until it cannot be worked out) but is never itself chosen to be hidden, since
 * hiding it would hide nothing. Returns its index. */
int sup_var_derived(sup_set *s, long long v);
/* Starts a relation whose total is cell total; sup_part adds its parts. A relation may hold only approximately in
 * the data (distinct people over periods): it then protects more than needed, never less. */
void sup_rel_total(sup_set *s, int total);
void sup_rel_part(sup_set *s, int part);
/* Starts a relation whose total counts the distinct people of its parts (the whole programme and its periods): when
 * the sum matches in the data it is protected as an equation (a reader assuming no overlap would be right), else
 * through what the reader can be sure of: total <= sum of parts, each part <= total. */
void sup_rel_distinct(sup_set *s, int total);
/* Marks the small cells, then hides more cells (the smallest shown part, else the total) until in every relation
 * no hidden cell has a single possible value given the others' marks; repeated to a fixed point, since a cell
 * hidden for one relation can expose another. */
void sup_run(sup_set *s);
/* 1 when relation r lets a reader pin one of its hidden cells to a single value; for tests. */
int sup_rel_exposed(const sup_set *s, int r);
/* Frees what s holds (s itself is the caller's). */
void sup_free(sup_set *s);

#endif
