/* survey_results: per-question results with breakdowns and response rates, and the paired before/after change of a
 * series, suppressed for the public and evaluators exactly as /tilastot is (report/suppress.h). */
#include "report/survey_results.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "model/person.h"
#include "report/suppress.h"
#include "report/wilcoxon.h"

static const char *const DIM_NAMES[SR_NDIMS] = {"role", "service_type", "sector", "region", "period"};

const char *sr_period_name(db *d, arena *a, const char *code) {
  return db_atext(d, a, "SELECT name FROM funding_period WHERE id = CAST(?1 AS INTEGER)", "t", code);
}

const char *sr_group_label(db *d, arena *a, int dim, const char *code, const char *lang) {
  char *name = NULL;
  switch (dim) {
  case SR_DIM_ROLE: return person_role_label(code);
  case SR_DIM_SERVICE_TYPE:
    name = db_atext(
        d, a,
        "SELECT CASE CAST(?2 AS TEXT) WHEN 'sv' THEN name_sv WHEN 'en' THEN name_en ELSE name_fi END FROM service_type "
        "WHERE code = ?1",
        "tt", code, lang);
    break;
  case SR_DIM_SECTOR:
    name = db_atext(
        d, a,
        "SELECT CASE CAST(?2 AS TEXT) WHEN 'sv' THEN name_sv WHEN 'en' THEN name_en ELSE name_fi END FROM sector "
        "WHERE code = ?1",
        "tt", code, lang);
    break;
  case SR_DIM_REGION:
    name = db_atext(d, a,
                    "SELECT CASE CAST(?2 AS TEXT) WHEN 'sv' THEN name_sv ELSE name_fi END FROM region WHERE code = ?1",
                    "tt", code, lang);
    break;
  case SR_DIM_PERIOD: name = (char *)sr_period_name(d, a, code); break;
  }
  return name && *name ? name : code;
}

void sr_label_groups(db *d, arena *a, sr_results *r, const char *lang, const char *(*trf)(const char *, const char *)) {
  for (int i = 0; i < r->nitems; i++)
    for (int dim = 0; dim < SR_NDIMS; dim++)
      for (int k = 0; k < r->items[i].ngroups[dim]; k++) {
        sr_group *g = &r->items[i].groups[dim][k];
        if (!*g->c.key) continue;
        /* the same code names the same group in every item: look it up once */
        const char *l = NULL;
        for (int j = 0; j < i && !l; j++)
          for (int m = 0; m < r->items[j].ngroups[dim] && !l; m++)
            if (!strcmp(r->items[j].groups[dim][m].c.key, g->c.key)) l = r->items[j].groups[dim][m].label;
        if (!l) {
          l = sr_group_label(d, a, dim, g->c.key, lang);
          if (dim == SR_DIM_ROLE && trf) l = trf(lang, l);
        }
        g->label = l;
      }
}

const char *sr_dim_name(int dim) {
  return dim >= 0 && dim < SR_NDIMS ? DIM_NAMES[dim] : "";
}

static int is_scale(int type) {
  return type == SQ_LIKERT5 || type == SQ_LIKERT7 || type == SQ_SCALE10;
}

/* The "agree" threshold of a scale: the top two of five, the top three of seven, 7..10 of 0..10. */
static int ge_of(int scale) {
  return scale == SQ_LIKERT5 ? 4 : scale == SQ_LIKERT7 ? 5 : scale == SQ_SCALE10 ? 7 : 0;
}

static int scale_lo(int scale) {
  return scale == SQ_SCALE10 ? 0 : 1;
}
static int scale_hi(int scale) {
  return scale == SQ_LIKERT5 ? 5 : scale == SQ_LIKERT7 ? 7 : 10;
}

/* The scale of a scale question or matrix (SQ_LIKERT5 …), 0 for the other types. */
static int scale_of(const survey_question *q) {
  if (is_scale(q->type)) return q->type;
  if (q->type == SQ_MATRIX) return is_scale(q->scale) ? q->scale : SQ_LIKERT5;
  return 0;
}

/* ---- Building the items from the definition ---- */

static sr_count cnt(arena *a, const char *key) {
  sr_count c = {arena_strdup(a, key), 0, 0};
  return c;
}

static void item_init(arena *a, sr_item *it, const survey_question *q, const survey_item *row) {
  it->q = q, it->row = row;
  if (row) {
    size_t n = strlen(q->key) + strlen(row->key) + 2;
    char *p = arena_alloc(a, n);
    snprintf(p, n, "%s.%s", q->key, row->key);
    it->path = p;
  } else
    it->path = q->key;
  it->n = cnt(a, "n");
  int sc = scale_of(q);
  it->numeric = sc != 0 || q->type == SQ_NUMBER;
  it->ge = ge_of(sc);
  it->mean = it->median = it->share_ge = NAN;
  if (sc) {
    int lo = scale_lo(sc), hi = scale_hi(sc);
    it->ndist = hi - lo + 1;
    it->dist = arena_alloc(a, sizeof *it->dist * (size_t)it->ndist);
    for (int v = lo; v <= hi; v++) {
      char k[12];
      snprintf(k, sizeof k, "%d", v);
      it->dist[v - lo] = cnt(a, k);
    }
  } else if (q->type == SQ_SINGLE || q->type == SQ_MULTIPLE) {
    it->ndist = q->noptions + (q->other ? 1 : 0);
    it->dist = arena_alloc(a, sizeof *it->dist * (size_t)(it->ndist ? it->ndist : 1));
    for (int i = 0; i < q->noptions; i++) it->dist[i] = cnt(a, q->options[i].key);
    if (q->other) it->dist[q->noptions] = cnt(a, "other");
  }
}

static sr_item *items_of(arena *a, const survey_def *def, int *n) {
  int cap = 0;
  for (int i = 0; i < def->nq; i++)
    if (def->q[i].type != SQ_SECTION) cap += def->q[i].type == SQ_MATRIX ? def->q[i].nrows : 1;
  sr_item *it = arena_alloc(a, sizeof *it * (size_t)(cap ? cap : 1));
  *n = 0;
  for (int i = 0; i < def->nq; i++) {
    const survey_question *q = &def->q[i];
    if (q->type == SQ_SECTION) continue;
    if (q->type == SQ_MATRIX)
      for (int r = 0; r < q->nrows; r++) item_init(a, &it[(*n)++], q, &q->rows[r]);
    else
      item_init(a, &it[(*n)++], q, NULL);
  }
  return it;
}

/* The item of an answer row: question key and item (a matrix row's key; '' otherwise, or an option key, or
 * '.other' for multiple choice, which then belong to the question's item). */
static sr_item *item_for(sr_item *it, int n, const char *question, const char *item) {
  for (int i = 0; i < n; i++) {
    if (strcmp(it[i].q->key, question) != 0) continue;
    if (it[i].row) {
      if (strcmp(it[i].row->key, item) == 0) return &it[i];
    } else
      return &it[i];
  }
  return NULL;
}

static sr_count *dist_for(sr_item *it, const char *key) {
  for (int i = 0; i < it->ndist; i++)
    if (strcmp(it->dist[i].key, key) == 0) return &it->dist[i];
  return NULL;
}

/* ---- Reading the answers ---- */

typedef struct textv {
  const char **v;
  int n, cap;
} textv;

typedef struct valv {
  double *v;
  long long n, cap;
} valv;

static void val_add(valv *w, double x, long long times) {
  if (w->n + times > w->cap) {
    long long cap = w->cap ? w->cap : 64;
    while (cap < w->n + times) cap *= 2;
    double *p = realloc(w->v, sizeof *p * (size_t)cap);
    if (!p) return;
    w->v = p, w->cap = cap;
  }
  for (long long i = 0; i < times; i++) w->v[w->n++] = x;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The breakdown group of code in dimension dim of it, added when new. */
static sr_group *group_of(arena *a, sr_item *it, int dim, const char *code, int *cap) {
  for (int k = it->ngroups[dim] - 1; k >= 0; k--)
    if (strcmp(it->groups[dim][k].c.key, code) == 0) return &it->groups[dim][k];
  it->groups[dim] = arena_grow(a, it->groups[dim], it->ngroups[dim], cap, sizeof *it->groups[dim]);
  sr_group *g = &it->groups[dim][it->ngroups[dim]++];
  g->c = cnt(a, code);
  g->mean = 0; /* the sum until the end */
  return g;
}

static int cmp_group(const void *x, const void *y) {
  const sr_group *a = x, *b = y;
  size_t la = strlen(a->c.key), lb = strlen(b->c.key);
  if (la != lb && la && lb && a->c.key[0] >= '0' && a->c.key[0] <= '9') return (la > lb) - (la < lb); /* periods */
  return strcmp(a->c.key, b->c.key);
}

/* Every answer of the survey in one pass (one query; the database only joins): distributions, numbers, texts and
 * the breakdowns, counted here. */
static int read_answers(db *d, arena *a, long long id, sr_results *r, textv *texts, valv *vals, kerr *e) {
  int *caps = arena_alloc(a, sizeof *caps * (size_t)(r->nitems ? r->nitems : 1) * SR_NDIMS);
  /* multiple choice: who chose anything, one bit per response id in the survey's range */
  long long lo = db_int(d, 0, "SELECT MIN(id) FROM survey_response WHERE survey_id = ?1", "i", id);
  long long hi = db_int(d, 0, "SELECT MAX(id) FROM survey_response WHERE survey_id = ?1", "i", id);
  unsigned char **seen = calloc((size_t)r->nitems + 1, sizeof *seen);
  if (!seen) abort();
  db_stmt *st = db_query(d,
                         "SELECT a.response_id, a.question, a.item, a.num, a.text, r.ctx_role, r.ctx_service_type, "
                         "r.ctx_sector, r.ctx_region, r.ctx_period_id FROM survey_response r "
                         "JOIN survey_answer a ON a.response_id = r.id WHERE r.survey_id = ?1",
                         "i", id);
  int rc;
  sr_item *last = NULL;
  char lastq[64] = "", lasti[64] = "";
  while ((rc = db_step(st)) == 1) {
    const char *question = db_col_text(st, 1), *item = db_col_text(st, 2);
    sr_item *it;
    if (last && !strcmp(question, lastq) && !strcmp(item, lasti))
      it = last;
    else {
      it = item_for(r->items, r->nitems, question, item);
      last = it;
      snprintf(lastq, sizeof lastq, "%s", question);
      snprintf(lasti, sizeof lasti, "%s", item);
    }
    if (!it) continue; /* a question no longer in the definition */
    int k = (int)(it - r->items), type = it->q->type;
    if (strcmp(item, ".other") == 0 || type == SQ_TEXT) {
      if (db_col_null(st, 4) || !*db_col_text(st, 4)) continue;
      if (type == SQ_TEXT) it->n.n++;
      if (r->audience == SR_PUBLIC) continue;
      texts[k].v = arena_grow(a, texts[k].v, texts[k].n, &texts[k].cap, sizeof *texts[k].v);
      texts[k].v[texts[k].n++] = db_col_adup(st, 4, a);
      continue;
    }
    if (it->dist && scale_of(it->q)) {
      if (db_col_null(st, 3)) continue;
      double v = db_col_double(st, 3);
      double at = v - scale_lo(scale_of(it->q)); /* checked as a double: a stray huge value must not overflow an int */
      if (v != floor(v) || at < 0 || at >= it->ndist) continue;
      int ix = (int)at;
      it->dist[ix].n++, it->n.n++;
    } else if (type == SQ_NUMBER) {
      if (db_col_null(st, 3)) continue;
      val_add(&vals[k], db_col_double(st, 3), 1);
      it->n.n++;
    } else if (type == SQ_SINGLE) {
      sr_count *dc = dist_for(it, db_col_text(st, 4));
      if (dc) dc->n++, it->n.n++;
      continue;
    } else if (type == SQ_MULTIPLE) {
      sr_count *dc = dist_for(it, item);
      if (!dc) continue;
      dc->n++;
      long long bit = db_col_int(st, 0) - lo;
      if (bit < 0 || bit > hi - lo) continue;
      if (!seen[k] && !(seen[k] = calloc((size_t)((hi - lo) / 8 + 1), 1))) abort();
      if (!(seen[k][bit / 8] & (1u << (bit % 8)))) seen[k][bit / 8] |= (unsigned char)(1u << (bit % 8)), it->n.n++;
      continue;
    } else
      continue;
    /* a scale or number answer: its breakdowns */
    double v = db_col_double(st, 3);
    for (int dim = 0; dim < SR_NDIMS; dim++) {
      char key[32];
      const char *code = db_col_text(st, 5 + dim);
      if (dim == SR_DIM_PERIOD) {
        if (db_col_null(st, 9))
          key[0] = 0;
        else
          snprintf(key, sizeof key, "%lld", db_col_int(st, 9));
        code = key;
      }
      sr_group *g = group_of(a, it, dim, code, &caps[k * SR_NDIMS + dim]);
      g->c.n++, g->mean += v;
    }
  }
  db_done(st);
  for (int k = 0; k < r->nitems; k++) free(seen[k]);
  free(seen);
  if (rc < 0) return kerr_storage(e, "Kyselyn tulosten haku", db_errmsg(d));
  for (int k = 0; k < r->nitems; k++)
    for (int dim = 0; dim < SR_NDIMS; dim++) {
      sr_item *it = &r->items[k];
      for (int g = 0; g < it->ngroups[dim]; g++) it->groups[dim][g].mean /= (double)it->groups[dim][g].c.n;
      if (it->ngroups[dim] > 1) qsort(it->groups[dim], (size_t)it->ngroups[dim], sizeof *it->groups[dim], cmp_group);
    }
  return K_OK;
}

static int read_rates(db *d, arena *a, long long id, sr_results *r, kerr *e) {
  r->responses = cnt(a, "responses");
  r->responses.n = db_int(d, 0, "SELECT COUNT(*) FROM survey_response WHERE survey_id = ?1", "i", id);
  r->invited = cnt(a, "invited"), r->answered = cnt(a, "answered");
  db_stmt *st = db_query(d,
                         "SELECT COALESCE(i.delivery_id, 0), COUNT(*), SUM(i.answered), d.title, s.name, d.starts_on, "
                         "d.ends_on FROM survey_invite i LEFT JOIN delivery d ON d.id = i.delivery_id "
                         "LEFT JOIN service s ON s.id = d.service_id WHERE i.survey_id = ?1 "
                         "GROUP BY i.delivery_id, d.title, s.name, d.starts_on, d.ends_on "
                         "ORDER BY COALESCE(d.starts_on, ''), COALESCE(i.delivery_id, 0)",
                         "i", id);
  int rc, cap = 0;
  while ((rc = db_step(st)) == 1) {
    r->rates = arena_grow(a, r->rates, r->nrates, &cap, sizeof *r->rates);
    sr_rate *x = &r->rates[r->nrates++];
    memset(x, 0, sizeof *x);
    x->delivery_id = db_col_int(st, 0);
    x->invited = cnt(a, "invited"), x->answered = cnt(a, "answered");
    x->invited.n = db_col_int(st, 1), x->answered.n = db_col_int(st, 2);
    const char *title = *db_col_text(st, 3) ? db_col_text(st, 3) : db_col_text(st, 4);
    if (x->delivery_id) {
      buf l = BUF_INIT; /* dates as Finnish people write them: 1.3.2019–10.3.2019 */
      buf_printf(&l, "%r (%D–%D)", title, db_col_text(st, 5), db_col_text(st, 6));
      x->label = arena_adopt(a, buf_detach(&l));
    } else
      x->label = "";
    r->invited.n += x->invited.n, r->answered.n += x->answered.n;
  }
  db_done(st);
  if (rc < 0) return kerr_storage(e, "Kyselyn tulosten haku", db_errmsg(d));
  return K_OK;
}

/* ---- Figures ---- */

/* The k-th (0-based) answer in value order from a scale's counts. */
static double kth_of_dist(const sr_item *it, long long k) {
  int lo = scale_lo(scale_of(it->q));
  for (int i = 0; i < it->ndist; i++) {
    if (k < it->dist[i].n) return lo + i;
    k -= it->dist[i].n;
  }
  return NAN;
}

static void item_stats(sr_item *it) {
  if (!it->numeric || it->n.n == 0) return;
  long long n = it->n.n;
  if (it->values) {
    double s = 0;
    for (long long i = 0; i < it->nvalues; i++) s += it->values[i];
    it->mean = s / (double)n;
    it->median = n % 2 ? it->values[n / 2] : (it->values[n / 2 - 1] + it->values[n / 2]) / 2;
  } else {
    int lo = scale_lo(scale_of(it->q));
    double s = 0;
    for (int i = 0; i < it->ndist; i++) s += (double)(lo + i) * (double)it->dist[i].n;
    it->mean = s / (double)n;
    it->median = n % 2 ? kth_of_dist(it, n / 2) : (kth_of_dist(it, n / 2 - 1) + kth_of_dist(it, n / 2)) / 2;
  }
  if (it->ge) it->share_ge = sr_share_ge(it, it->ge);
}

double sr_share_ge(const sr_item *it, double v) {
  if (!it->numeric || it->n.n == 0) return NAN;
  long long k = 0;
  if (it->values) {
    for (long long i = 0; i < it->nvalues; i++) k += it->values[i] >= v;
  } else {
    int lo = scale_lo(scale_of(it->q));
    for (int i = 0; i < it->ndist; i++)
      if (lo + i >= v) k += it->dist[i].n;
  }
  return (double)k / (double)it->n.n;
}

/* ---- Suppression: one set over every count cell and the relations a reader can use ---- */

typedef struct cellref {
  sr_count *c;
  int var;
} cellref;

typedef struct supb {
  sup_set s;
  cellref *refs;
  int n, cap;
} supb;

static int sv(supb *b, sr_count *c) {
  int v = sup_var(&b->s, c->n);
  b->refs = util_grow(b->refs, b->n, &b->cap, sizeof *b->refs);
  b->refs[b->n].c = c, b->refs[b->n].var = v;
  b->n++;
  return v;
}

static void suppress(sr_results *r) {
  supb b;
  memset(&b, 0, sizeof b);
  sv(&b, &r->responses);
  for (int i = 0; i < r->nitems; i++) {
    sr_item *it = &r->items[i];
    int n = sv(&b, &it->n);
    if (it->ndist) {
      int *vars = malloc(sizeof *vars * (size_t)it->ndist);
      if (!vars) abort();
      for (int k = 0; k < it->ndist; k++) vars[k] = sv(&b, &it->dist[k]);
      /* one value per answer adds up; multiple choice counts people who may choose several */
      if (it->q->type == SQ_MULTIPLE)
        sup_rel_distinct(&b.s, n);
      else
        sup_rel_total(&b.s, n);
      for (int k = 0; k < it->ndist; k++) sup_rel_part(&b.s, vars[k]);
      free(vars);
    }
    for (int dim = 0; dim < SR_NDIMS; dim++) {
      if (!it->ngroups[dim]) continue;
      int *vars = malloc(sizeof *vars * (size_t)it->ngroups[dim]);
      if (!vars) abort();
      for (int k = 0; k < it->ngroups[dim]; k++) vars[k] = sv(&b, &it->groups[dim][k].c);
      sup_rel_total(&b.s, n);
      for (int k = 0; k < it->ngroups[dim]; k++) sup_rel_part(&b.s, vars[k]);
      free(vars);
    }
  }
  int inv = sv(&b, &r->invited), ans = sv(&b, &r->answered);
  if (r->nrates) {
    int *vi = malloc(sizeof *vi * (size_t)r->nrates * 2);
    if (!vi) abort();
    for (int k = 0; k < r->nrates; k++)
      vi[2 * k] = sv(&b, &r->rates[k].invited), vi[2 * k + 1] = sv(&b, &r->rates[k].answered);
    sup_rel_total(&b.s, inv);
    for (int k = 0; k < r->nrates; k++) sup_rel_part(&b.s, vi[2 * k]);
    sup_rel_total(&b.s, ans);
    for (int k = 0; k < r->nrates; k++) sup_rel_part(&b.s, vi[2 * k + 1]);
    free(vi);
  }
  sup_run(&b.s);
  for (int k = 0; k < b.n; k++) b.refs[k].c->mark = b.s.mark[b.refs[k].var];
  free(b.refs);
  sup_free(&b.s);
}

sr_results *survey_results_of(db *d, arena *a, long long id, const survey_def *def, int audience, kerr *e) {
  sr_results *r = arena_alloc(a, sizeof *r);
  r->survey_id = id, r->def = def, r->audience = audience;
  r->items = items_of(a, def, &r->nitems);
  textv *texts = calloc((size_t)r->nitems + 1, sizeof *texts);
  valv *vals = calloc((size_t)r->nitems + 1, sizeof *vals);
  if (!texts || !vals) abort();
  int rc = read_answers(d, a, id, r, texts, vals, e);
  for (int i = 0; i < r->nitems; i++) {
    sr_item *it = &r->items[i];
    if (texts[i].n) it->texts = texts[i].v, it->ntexts = texts[i].n;
    if (it->q->type == SQ_NUMBER) {
      it->nvalues = vals[i].n;
      it->values = arena_alloc(a, sizeof *it->values * (size_t)(vals[i].n ? vals[i].n : 1));
      if (vals[i].n) memcpy(it->values, vals[i].v, sizeof *it->values * (size_t)vals[i].n);
      qsort(it->values, (size_t)it->nvalues, sizeof *it->values, cmp_double);
    }
    free(vals[i].v);
  }
  free(texts);
  free(vals);
  if (rc != K_OK || read_rates(d, a, id, r, e) != K_OK) return NULL;
  for (int i = 0; i < r->nitems; i++) item_stats(&r->items[i]);
  if (audience != SR_STAFF) suppress(r);
  for (int i = 0; i < r->nitems; i++) {
    sr_item *it = &r->items[i];
    /* a share times the shown counts could give a hidden n away: figures over n only beside a shown n; and
     * the mean, median and share of agreeing answers of a scale are sums over its distribution, so with a hidden
     * cell they give it away (share_ge_4 minus the shown 4s is the hidden 5s): only beside a whole distribution */
    it->stats_shown = it->n.n > 0 && (audience == SR_STAFF || (it->n.n >= SUP_MIN && sr_shown(&it->n)));
    for (int k = 0; k < it->ndist && it->stats_shown && audience != SR_STAFF; k++)
      if (!sr_shown(&it->dist[k])) it->stats_shown = 0;
  }
  r->rate_shown = r->invited.n > 0 && sr_shown(&r->invited) && sr_shown(&r->answered);
  for (int k = 0; k < r->nrates; k++)
    r->rates[k].rate_shown =
        r->rates[k].invited.n > 0 && sr_shown(&r->rates[k].invited) && sr_shown(&r->rates[k].answered);
  return r;
}

sr_results *survey_results(db *d, arena *a, long long id, int audience, kerr *e) {
  survey_def *def = survey_load(d, a, id);
  if (!def) {
    kerr_set(e, NULL, "Kyselyä %lld ei ole.", id);
    return NULL;
  }
  return survey_results_of(d, a, id, def, audience, e);
}

const sr_item *sr_find(const sr_results *r, const char *path) {
  for (int i = 0; i < r->nitems; i++)
    if (strcmp(r->items[i].path, path) == 0) return &r->items[i];
  return NULL;
}

/* ---- Paired before/after ---- */

/* One side's answers: for each pseudonym (sorted) its answers to the paired items. */
typedef struct side {
  char **ps;  /* pseudonyms, sorted, unique (malloc'd in one block each) */
  int *first; /* ps[i]'s answers are rec[first[i] .. first[i+1]-1] */
  int nps, capps;
  int *item; /* the pair item of an answer */
  double *num;
  int nrec, caprec;
} side;

static void side_free(side *s) {
  for (int i = 0; i < s->nps; i++) free(s->ps[i]);
  free(s->ps), free(s->first), free(s->item), free(s->num);
}

static int pair_item_of(const sr_pair_item *items, int n, const char *question, const char *item, int *hint) {
  if (*hint + 1 < n) {
    const sr_pair_item *g = &items[*hint + 1];
    if (strcmp(g->q->key, question) == 0 && strcmp(g->row ? g->row->key : "", item) == 0) return ++*hint;
  }
  for (int i = 0; i < n; i++)
    if (strcmp(items[i].q->key, question) == 0 && strcmp(items[i].row ? items[i].row->key : "", item) == 0)
      return *hint = i;
  return -1;
}

static int cmp_ord(const void *a, const void *b, void *ps) {
  char **p = ps;
  return strcmp(p[*(const int *)a], p[*(const int *)b]);
}

/* Reads one side: one query ordered by pseudonym. Returns K_OK or K_ERR with e. */
static int side_read(db *d, long long survey_id, const sr_pair_item *items, int nitems, side *s, kerr *e) {
  db_stmt *st = db_query(d,
                         "SELECT r.pseudonym, a.question, a.item, a.num FROM survey_answer a "
                         "JOIN survey_response r ON r.id = a.response_id WHERE r.survey_id = ?1 "
                         "AND r.pseudonym IS NOT NULL AND a.num IS NOT NULL ORDER BY r.pseudonym",
                         "i", survey_id);
  int rc, hint = -1, sorted = 1;
  while ((rc = db_step(st)) == 1) {
    int k = pair_item_of(items, nitems, db_col_text(st, 1), db_col_text(st, 2), &hint);
    if (k < 0) continue;
    const char *p = db_col_text(st, 0);
    if (!s->nps || strcmp(s->ps[s->nps - 1], p) != 0) {
      if (s->nps && strcmp(s->ps[s->nps - 1], p) > 0) sorted = 0;
      s->ps = util_grow(s->ps, s->nps, &s->capps, sizeof *s->ps);
      s->first = realloc(s->first, sizeof *s->first * (size_t)(s->capps + 1));
      if (!s->first) abort();
      s->ps[s->nps] = util_strdup(p);
      s->first[s->nps++] = s->nrec;
    }
    if (s->nrec >= s->caprec) {
      s->caprec = s->caprec ? s->caprec * 2 : 1024;
      s->item = realloc(s->item, sizeof *s->item * (size_t)s->caprec);
      s->num = realloc(s->num, sizeof *s->num * (size_t)s->caprec);
      if (!s->item || !s->num) abort();
    }
    s->item[s->nrec] = k, s->num[s->nrec++] = db_col_double(st, 3);
  }
  db_done(st);
  if (rc < 0) return kerr_storage(e, "Parivertailun haku", db_errmsg(d));
  s->first = realloc(s->first, sizeof *s->first * (size_t)(s->nps + 1));
  if (!s->first) abort();
  s->first[s->nps] = s->nrec;
  if (!sorted) { /* the engine's collation ordered differently from bytes: sort the pseudonyms' blocks here */
    int *ord = malloc(sizeof *ord * (size_t)(s->nps ? s->nps : 1));
    char **ps = malloc(sizeof *ps * (size_t)(s->nps ? s->nps : 1));
    int *first = malloc(sizeof *first * (size_t)(s->nps + 1)), *item = malloc(sizeof *item * (size_t)(s->nrec + 1));
    double *num = malloc(sizeof *num * (size_t)(s->nrec + 1));
    if (!ord || !ps || !first || !item || !num) abort();
    for (int i = 0; i < s->nps; i++) ord[i] = i;
    qsort_r(ord, (size_t)s->nps, sizeof *ord, cmp_ord, s->ps);
    for (int i = 0; i < s->nps; i++) ps[i] = s->ps[ord[i]];
    int at = 0;
    for (int i = 0; i < s->nps; i++) {
      first[i] = at;
      for (int r = s->first[ord[i]]; r < s->first[ord[i] + 1]; r++) item[at] = s->item[r], num[at++] = s->num[r];
    }
    first[s->nps] = at;
    free(s->ps), free(s->first), free(s->item), free(s->num), free(ord);
    s->ps = ps, s->first = first, s->item = item, s->num = num;
  }
  return K_OK;
}

/* The paired items: each scale question and matrix row of the after-survey with a question of the same key, type
 * and scale (and, for a matrix, row) in the before-survey. */
static sr_pair_item *pair_items(arena *a, const survey_def *before, const survey_def *after, int *n) {
  int cap = 0;
  for (int i = 0; i < after->nq; i++) cap += after->q[i].type == SQ_MATRIX ? after->q[i].nrows : 1;
  sr_pair_item *items = arena_alloc(a, sizeof *items * (size_t)(cap ? cap : 1));
  *n = 0;
  for (int i = 0; i < after->nq; i++) {
    const survey_question *q = &after->q[i], *b = NULL;
    if (!scale_of(q)) continue;
    for (int j = 0; j < before->nq && !b; j++)
      if (before->q[j].key && strcmp(before->q[j].key, q->key) == 0) b = &before->q[j];
    if (!b || b->type != q->type || scale_of(b) != scale_of(q)) continue;
    int nr = q->type == SQ_MATRIX ? q->nrows : 1;
    for (int r = 0; r < nr; r++) {
      const survey_item *row = q->type == SQ_MATRIX ? &q->rows[r] : NULL;
      if (row) {
        int found = 0;
        for (int k = 0; k < b->nrows && !found; k++) found = strcmp(b->rows[k].key, row->key) == 0;
        if (!found) continue;
      }
      sr_pair_item *it = &items[(*n)++];
      it->q = q, it->row = row;
      if (row) {
        size_t len = strlen(q->key) + strlen(row->key) + 2;
        char *p = arena_alloc(a, len);
        snprintf(p, len, "%s.%s", q->key, row->key);
        it->path = p;
      } else
        it->path = q->key;
      it->pairs = cnt(a, "pairs");
      it->mean_before = it->mean_after = it->mean_change = it->improved = it->same = it->worse = NAN;
      it->statistic = it->p = NAN;
    }
  }
  return items;
}

static void pair_stats(sr_pair_item *it, const double *x, const double *y, int n, int audience) {
  it->pairs.n = n;
  it->pairs.mark = audience != SR_STAFF && n > 0 && n < SUP_MIN ? SUP_SMALL : SUP_SHOWN;
  it->shown = n > 0 && it->pairs.mark == SUP_SHOWN;
  if (!n) return;
  double sx = 0, sy = 0;
  long long up = 0, same = 0, down = 0;
  for (int i = 0; i < n; i++) {
    sx += x[i], sy += y[i];
    up += y[i] > x[i], same += y[i] == x[i], down += y[i] < x[i];
  }
  it->mean_before = sx / n, it->mean_after = sy / n, it->mean_change = it->mean_after - it->mean_before;
  it->improved = (double)up / n, it->same = (double)same / n, it->worse = (double)down / n;
  /* a share times the shown number of pairs is a count: as in the distributions, none of 1-4 may come out */
#define SMALL(k) ((k) > 0 && (k) < SUP_MIN)
  it->shares_shown = it->shown && (audience == SR_STAFF || !(SMALL(up) || SMALL(same) || SMALL(down)));
#undef SMALL
  wilcoxon_result w = wilcoxon_test(x, y, n);
  it->statistic = w.statistic, it->p = w.p, it->exact = w.exact;
}

sr_pairs *survey_pairs_of(db *d, arena *a, const char *series, long long before_id, const survey_def *before,
                          long long after_id, const survey_def *after, int audience, kerr *e) {
  sr_pairs *p = arena_alloc(a, sizeof *p);
  p->series = arena_strdup(a, series), p->before_id = before_id, p->after_id = after_id;
  p->before = before, p->after = after, p->audience = audience;
  p->respondents = cnt(a, "respondents");
  p->items = pair_items(a, before, after, &p->nitems);
  side b, f;
  memset(&b, 0, sizeof b), memset(&f, 0, sizeof f);
  if (side_read(d, before_id, p->items, p->nitems, &b, e) != K_OK ||
      side_read(d, after_id, p->items, p->nitems, &f, e) != K_OK) {
    side_free(&b), side_free(&f);
    return NULL;
  }
  int ni = p->nitems ? p->nitems : 1;
  double **xs = calloc((size_t)ni, sizeof *xs), **ys = calloc((size_t)ni, sizeof *ys);
  int *np = calloc((size_t)ni, sizeof *np);
  double *bv = malloc(sizeof *bv * (size_t)ni);
  int size = b.nps < f.nps ? b.nps : f.nps;
  if (!xs || !ys || !np || !bv) abort();
  for (int k = 0; k < p->nitems; k++) {
    xs[k] = malloc(sizeof **xs * (size_t)(size ? size : 1)), ys[k] = malloc(sizeof **ys * (size_t)(size ? size : 1));
    if (!xs[k] || !ys[k]) abort();
  }
  int i = 0, j = 0;
  long long both = 0;
  while (i < b.nps && j < f.nps) {
    int c = strcmp(b.ps[i], f.ps[j]);
    if (c < 0) {
      i++;
      continue;
    }
    if (c > 0) {
      j++;
      continue;
    }
    both++;
    for (int k = 0; k < p->nitems; k++) bv[k] = NAN;
    for (int r = b.first[i]; r < b.first[i + 1]; r++) bv[b.item[r]] = b.num[r];
    for (int r = f.first[j]; r < f.first[j + 1]; r++) {
      int k = f.item[r];
      if (isnan(bv[k])) continue;
      xs[k][np[k]] = bv[k], ys[k][np[k]++] = f.num[r];
      bv[k] = NAN; /* a pair once */
    }
    i++, j++;
  }
  p->respondents.n = both;
  p->respondents.mark = audience != SR_STAFF && both > 0 && both < SUP_MIN ? SUP_SMALL : SUP_SHOWN;
  for (int k = 0; k < p->nitems; k++) {
    pair_stats(&p->items[k], xs[k], ys[k], np[k], audience);
    free(xs[k]), free(ys[k]);
  }
  free(xs), free(ys), free(np), free(bv);
  side_free(&b), side_free(&f);
  return p;
}

sr_pairs *survey_pairs(db *d, arena *a, const char *series, int audience, kerr *e) {
  long long bid = db_int(d, 0,
                         "SELECT MIN(s.id) FROM survey s JOIN survey_series ss ON ss.id = s.series_id "
                         "WHERE ss.key = ?1 AND s.phase = 'before'",
                         "t", series);
  long long aid = db_int(d, 0,
                         "SELECT MIN(s.id) FROM survey s JOIN survey_series ss ON ss.id = s.series_id "
                         "WHERE ss.key = ?1 AND s.phase = 'after'",
                         "t", series);
  if (!db_exists(d, "SELECT 1 FROM survey_series WHERE key = ?1", "t", series)) {
    kerr_set(e, NULL, "Kyselysarjaa %r ei ole.", series);
    return NULL;
  }
  if (!bid || !aid) {
    kerr_set(e, NULL, "Kyselysarjassa %r ei ole sekä alku- että loppukyselyä.", series);
    return NULL;
  }
  survey_def *before = survey_load(d, a, bid), *after = survey_load(d, a, aid);
  if (!before || !after) {
    kerr_set(e, NULL, "Kyselysarjan %r kyselyitä ei voi lukea.", series);
    return NULL;
  }
  return survey_pairs_of(d, a, series, bid, before, aid, after, audience, e);
}

const sr_pair_item *sr_pair_find(const sr_pairs *p, const char *path) {
  for (int i = 0; i < p->nitems; i++)
    if (strcmp(p->items[i].path, path) == 0) return &p->items[i];
  return NULL;
}

/* ---- Figures for placeholders ---- */

static void fig(sr_figure *out, double v, int is_count, int shown) {
  out->value = v, out->is_count = is_count, out->shown = shown && !isnan(v);
}

/* "share_ge_4" → 4 (and share_ge alone → the scale's threshold); 0 when measure is not one. */
static int share_ge_of(const char *m, const sr_item *it, double *v) {
  if (strcmp(m, "share_ge") == 0) {
    *v = it->ge;
    return it->ge != 0;
  }
  if (strncmp(m, "share_ge_", 9) != 0 || !m[9]) return 0;
  char *end;
  *v = strtod(m + 9, &end);
  return *end == 0;
}

static int item_figure(const sr_results *r, const sr_item *it, const char *m, sr_figure *out, kerr *e) {
  double ge;
  if (strcmp(m, "n") == 0)
    fig(out, (double)it->n.n, 1, sr_shown(&it->n));
  else if (it->numeric && strcmp(m, "mean") == 0)
    fig(out, it->mean, 0, it->stats_shown);
  else if (it->numeric && strcmp(m, "median") == 0)
    fig(out, it->median, 0, it->stats_shown);
  else if (it->numeric && share_ge_of(m, it, &ge))
    fig(out, sr_share_ge(it, ge), 0, it->stats_shown);
  else
    return kerr_set(e, NULL, "tuntematon mittari %r (kysymys %r)", m, it->path);
  (void)r;
  return K_OK;
}

/* The results of survey id for audience: from the memo when it has them, else computed (and kept in it). */
static sr_results *memo_results(db *d, arena *a, sr_memo *m, long long id, int audience, kerr *e) {
  for (sr_memo_entry *x = m ? m->first : NULL; x; x = x->next)
    if (x->results && x->id == id && x->audience == audience) return x->results;
  sr_results *r = survey_results(d, a, id, audience, e);
  if (r && m) {
    sr_memo_entry *x = arena_alloc(a, sizeof *x);
    x->id = id, x->audience = audience, x->results = r, x->next = m->first;
    m->first = x;
  }
  return r;
}

static sr_pairs *memo_pairs(db *d, arena *a, sr_memo *m, const char *series, int audience, kerr *e) {
  for (sr_memo_entry *x = m ? m->first : NULL; x; x = x->next)
    if (x->pairs && x->audience == audience && !strcmp(x->pairs->series, series)) return x->pairs;
  sr_pairs *p = survey_pairs(d, a, series, audience, e);
  if (p && m) {
    sr_memo_entry *x = arena_alloc(a, sizeof *x);
    x->audience = audience, x->pairs = p, x->next = m->first;
    m->first = x;
  }
  return p;
}

static int results_figure(db *d, arena *a, sr_memo *memo, long long id, const char *path, int audience, sr_figure *out,
                          kerr *e) {
  sr_results *r = memo_results(d, a, memo, id, audience, e);
  if (!r) return K_ERR;
  char *p = arena_strdup(a, path), *parts[4];
  int np = 0;
  for (char *s = p; np < 4;) {
    parts[np++] = s;
    char *dot = strchr(s, '.');
    if (!dot) break;
    *dot = 0, s = dot + 1;
  }
  if (strchr(parts[np - 1], '.') || np > 3) return kerr_set(e, NULL, "tuntematon luku %r", path);
  if (np == 1) {
    const char *m = parts[0];
    if (strcmp(m, "responses") == 0)
      fig(out, (double)r->responses.n, 1, sr_shown(&r->responses));
    else if (strcmp(m, "invited") == 0)
      fig(out, (double)r->invited.n, 1, sr_shown(&r->invited));
    else if (strcmp(m, "answered") == 0)
      fig(out, (double)r->answered.n, 1, sr_shown(&r->answered));
    else if (strcmp(m, "response_rate") == 0)
      fig(out, r->invited.n ? (double)r->answered.n / (double)r->invited.n : NAN, 0, r->rate_shown);
    else
      return kerr_set(e, NULL, "tuntematon mittari %r", m);
    return K_OK;
  }
  const char *qk = parts[0], *m = parts[np - 1];
  const sr_item *it = NULL;
  for (int i = 0; i < r->nitems && !it; i++)
    if (strcmp(r->items[i].q->key, qk) == 0) it = &r->items[i];
  if (!it) return kerr_set(e, NULL, "tuntematon kysymys %r", qk);
  if (np == 2) {
    if (it->row) return kerr_set(e, NULL, "kysymys %r on matriisi: nimeä rivi (%r.RIVI.%r)", qk, qk, m);
    return item_figure(r, it, m, out, e);
  }
  const char *mid = parts[1];
  if (it->row) { /* a matrix row */
    char rp[80];
    snprintf(rp, sizeof rp, "%s.%s", qk, mid);
    const sr_item *row = sr_find(r, rp);
    if (!row) return kerr_set(e, NULL, "kysymyksellä %r ei ole riviä %r", qk, mid);
    return item_figure(r, row, m, out, e);
  }
  const sr_count *c = NULL;
  for (int i = 0; i < it->ndist && !c; i++)
    if (strcmp(it->dist[i].key, mid) == 0) c = &it->dist[i];
  if (!c) return kerr_set(e, NULL, "kysymyksellä %r ei ole vaihtoehtoa %r", qk, mid);
  if (strcmp(m, "count") == 0)
    fig(out, (double)c->n, 1, sr_shown(c));
  else if (strcmp(m, "share") == 0)
    fig(out, it->n.n ? (double)c->n / (double)it->n.n : NAN, 0,
        sr_shown(c) && sr_shown(&it->n) && (audience == SR_STAFF || it->n.n >= SUP_MIN));
  else
    return kerr_set(e, NULL, "tuntematon mittari %r (kysymys %r, vaihtoehto %r)", m, qk, mid);
  return K_OK;
}

static int pairs_figure(db *d, arena *a, sr_memo *memo, const char *series, const char *path, int audience,
                        sr_figure *out, kerr *e) {
  sr_pairs *p = memo_pairs(d, a, memo, series, audience, e);
  if (!p) return K_ERR;
  if (strcmp(path, "respondents") == 0) {
    fig(out, (double)p->respondents.n, 1, sr_shown(&p->respondents));
    return K_OK;
  }
  const char *dot = strrchr(path, '.');
  if (!dot) return kerr_set(e, NULL, "tuntematon luku %r", path);
  char ip[96];
  snprintf(ip, sizeof ip, "%.*s", (int)(dot - path), path);
  const char *m = dot + 1;
  const sr_pair_item *it = sr_pair_find(p, ip);
  if (!it) return kerr_set(e, NULL, "sarjassa %r ei ole parillista kysymystä tai riviä %r", series, ip);
  if (strcmp(m, "pairs") == 0)
    fig(out, (double)it->pairs.n, 1, sr_shown(&it->pairs));
  else if (strcmp(m, "mean_before") == 0)
    fig(out, it->mean_before, 0, it->shown);
  else if (strcmp(m, "mean_after") == 0)
    fig(out, it->mean_after, 0, it->shown);
  else if (strcmp(m, "mean_change") == 0)
    fig(out, it->mean_change, 0, it->shown);
  else if (strcmp(m, "improved_share") == 0)
    fig(out, it->improved, 0, it->shares_shown);
  else if (strcmp(m, "same_share") == 0)
    fig(out, it->same, 0, it->shares_shown);
  else if (strcmp(m, "worse_share") == 0)
    fig(out, it->worse, 0, it->shares_shown);
  else if (strcmp(m, "p") == 0)
    fig(out, it->p, 0, it->shown);
  else if (strcmp(m, "statistic") == 0)
    fig(out, it->statistic, 0, it->shown);
  else
    return kerr_set(e, NULL, "tuntematon mittari %r (sarja %r, %r)", m, series, ip);
  return K_OK;
}

int survey_figure_memo(db *d, arena *a, sr_memo *m, long long survey_id, const char *series, const char *path,
                       int audience, sr_figure *out, kerr *e) {
  memset(out, 0, sizeof *out);
  if (!path || !*path) return kerr_set(e, NULL, "luvun nimi puuttuu");
  if (series) return pairs_figure(d, a, m, series, path, audience, out, e);
  return results_figure(d, a, m, survey_id, path, audience, out, e);
}

int survey_figure(db *d, arena *a, long long survey_id, const char *series, const char *path, int audience,
                  sr_figure *out, kerr *e) {
  return survey_figure_memo(d, a, NULL, survey_id, series, path, audience, out, e);
}
