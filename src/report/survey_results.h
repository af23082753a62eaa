/* survey_results: what a survey's answers say (per question, breakdowns, response rates) and what a series' paired
 * answers say (before/after per item, Wilcoxon signed-rank), with the same small-cell suppression as /tilastot
 * for every reader but staff. Also the figures that {{survey.…}} and {{pairs.…}} placeholders cite
 * (report/placeholder.h), so a text can never disagree with the tables. */
#ifndef KEHTO_SURVEY_RESULTS_H
#define KEHTO_SURVEY_RESULTS_H
#include "db/db.h"

/* Who reads: the public and evaluators see tables suppressed (cells under 5 answers or pairs hidden), staff see
 * every figure. */
enum { SR_PUBLIC, SR_EVALUATOR, SR_STAFF };

/* One figure for a placeholder. */
typedef struct sr_figure {
  double value;
  int is_count; /* 1: a whole number (n, pairs, responses); 0: a mean, share, change or p-value */
  int shown;    /* 0: suppressed for this audience (the text shows the table's mark instead) */
} sr_figure;

/* The figure named by path for audience, where path is what follows "survey.ID." in a placeholder (e.g. "q1.mean",
 * "q1.share_ge_4", "q3.r1.median", "q4.a.share", "responses", "response_rate") or, with series != NULL, what follows
 * "pairs.SERIES." (e.g. "q1.pairs", "q1.mean_change", "q1.improved_share", "q1.p"). The measures are listed in the
 * README ("Figures in texts"). Returns K_OK, or K_ERR with e naming what is unknown (a survey, question, row,
 * option or measure). */
int survey_figure(db *d, arena *a, long long survey_id, const char *series, const char *path, int audience,
                  sr_figure *out, kerr *e);

/* ---- The tables (pages, exports, API). Everything below is in the caller's arena. ---- */
#include "model/survey.h"

/* A count cell: its value and its mark (report/suppress.h: SUP_SHOWN, SUP_SMALL "< 5", SUP_SECONDARY "•"). A
 * hidden cell's n is still the true value in memory: writers must show the mark, never n (sr_shown says which). */
typedef struct sr_count {
  const char *key; /* a scale value ("1" … "5"), an option key, "other"; a breakdown group's code ("" = not known) */
  long long n;
  int mark;
} sr_count;

/* A breakdown group of a scale or number item: its count cell and its mean (shown only when the count is). */
typedef struct sr_group {
  sr_count c;
  double mean;
  const char *label; /* its name for people (sr_label_groups), or NULL */
} sr_group;

/* The breakdown dimensions, in this order: the answer's context taken from its invitation. */
enum { SR_DIM_ROLE, SR_DIM_SERVICE_TYPE, SR_DIM_SECTOR, SR_DIM_REGION, SR_DIM_PERIOD, SR_NDIMS };
/* The dimension's name in files and the API: "role", "service_type", "sector", "region", "period". */
const char *sr_dim_name(int dim);
/* The name of the funding period whose id is code (a breakdown group of SR_DIM_PERIOD), or NULL. In arena a. */
const char *sr_period_name(db *d, arena *a, const char *code);
/* A breakdown group's name for people: a role's label (a Finnish msgid: translate it), a service type's, sector's or
 * region's name and a period's name in lang; the code itself when unknown. Not for "" (no context). In arena a. */
const char *sr_group_label(db *d, arena *a, int dim, const char *code, const char *lang);

/* One item: a question, or one row of a matrix. */
typedef struct sr_item {
  const survey_question *q;
  const survey_item *row; /* the matrix row, or NULL */
  const char *path;       /* "q1" or "q3.r1": what placeholders name */
  sr_count n;             /* answers (for multiple choice: respondents who chose anything) */
  int numeric;            /* 1: scale or number: mean and median apply */
  double mean, median;
  int ge;          /* the "agree" threshold of the scale: 4 (likert5), 5 (likert7), 7 (scale10); 0 none */
  double share_ge; /* share of answers >= ge, 0..1 */
  int stats_shown; /* mean, median and share: 1 unless suppressed (n under 5 for the public and evaluators) */
  sr_count *dist;  /* scale: one per value lo..hi; single and multiple: one per option, then "other" */
  int ndist;
  double *values; /* number: the answers sorted (for share_ge_N of any N); NULL for other types */
  long long nvalues;
  sr_group *groups[SR_NDIMS]; /* breakdowns (numeric items only) */
  int ngroups[SR_NDIMS];
  const char **texts; /* open answers (text) or "other" texts; NULL for the public (never shown to it) */
  int ntexts;
} sr_item;

/* Response rate of one delivery (or of invitations without one: delivery_id 0). */
typedef struct sr_rate {
  long long delivery_id;
  const char *label; /* the delivery's title or its service's name and dates */
  sr_count invited, answered;
  int rate_shown;
} sr_rate;

typedef struct sr_results {
  long long survey_id;
  const survey_def *def;
  int audience;
  sr_count responses;         /* every stored answer, invited or by the open link */
  sr_count invited, answered; /* invitations and the answered ones */
  int rate_shown;
  sr_item *items;
  int nitems;
  sr_rate *rates;
  int nrates;
} sr_results;

/* The results of survey id (definition def) for audience, suppressed for SR_PUBLIC and SR_EVALUATOR. Returns
 * NULL (with e set) when the database fails. Cells: see docs in README "Survey results". */
sr_results *survey_results_of(db *d, arena *a, long long id, const survey_def *def, int audience, kerr *e);
/* The same, loading the definition: NULL with e set when there is no such survey. */
sr_results *survey_results(db *d, arena *a, long long id, int audience, kerr *e);
/* Names every breakdown group of r in lang (sr_group_label; a role's label translated by trf, which may be NULL),
 * for the files and JSON that follow. Groups without a context ("") keep no label. */
void sr_label_groups(db *d, arena *a, sr_results *r, const char *lang, const char *(*trf)(const char *, const char *));
/* The item named path ("q1", "q3.r1"), or NULL. */
const sr_item *sr_find(const sr_results *r, const char *path);
/* Share of an item's answers >= v (scale or number), 0..1; NaN when the item has no answers. */
double sr_share_ge(const sr_item *it, double v);
/* 1 when a count cell may be shown. */
static inline int sr_shown(const sr_count *c) {
  return c->mark == 0;
}

/* ---- Paired before/after of a series ---- */
typedef struct sr_pair_item {
  const survey_question *q; /* in the after-survey's definition */
  const survey_item *row;
  const char *path;
  sr_count pairs;
  int shown; /* the figures below: 0 when pairs are suppressed (under 5 for the public and evaluators) */
  double mean_before, mean_after, mean_change; /* change = after - before */
  double improved, same, worse;                /* shares 0..1 of the pairs: after > before, =, < */
  int shares_shown; /* the three shares: 0 also when any of their counts is 1-4 (for the public and evaluators) */
  double statistic, p;                         /* Wilcoxon signed-rank (scipy's default); p NaN when no test */
  int exact;
} sr_pair_item;

typedef struct sr_pairs {
  const char *series;
  long long before_id, after_id;
  const survey_def *before, *after;
  int audience;
  sr_count respondents; /* people who answered both */
  sr_pair_item *items;
  int nitems;
} sr_pairs;

/* The paired change of the series (by key) from the before-survey's to the after-survey's answers joined on the
 * pseudonym, for every scale question and matrix row of the same key and type in both, computed in C over one
 * query per side. NULL with e set when the series is unknown or lacks a before or an after survey. */
sr_pairs *survey_pairs_of(db *d, arena *a, const char *series, long long before_id, const survey_def *before,
                          long long after_id, const survey_def *after, int audience, kerr *e);
sr_pairs *survey_pairs(db *d, arena *a, const char *series, int audience, kerr *e);
const sr_pair_item *sr_pair_find(const sr_pairs *p, const char *path);

/* survey_figure for many placeholders in one text: the results and pairs computed once per survey or series and
 * audience are kept in m (and in arena a, so m lives no longer than a). Start with sr_memo m = {0} for each text,
 * so that figures never outlive a change of the data. Same results as survey_figure. */
typedef struct sr_memo_entry {
  long long id;
  int audience;
  sr_results *results;
  sr_pairs *pairs;
  struct sr_memo_entry *next;
} sr_memo_entry;
typedef struct sr_memo {
  sr_memo_entry *first;
} sr_memo;
int survey_figure_memo(db *d, arena *a, sr_memo *m, long long survey_id, const char *series, const char *path,
                       int audience, sr_figure *out, kerr *e);

/* ---- Writing them (report/survey_export.c) ---- */
#include "report/export.h"

/* "staff", "evaluator", "public" and back (NULL = staff; -1 for anything else). */
const char *sr_audience_name(int audience);
int sr_audience_of(const char *name);
/* A breakdown dimension's heading (a Finnish msgid: "Rooli", …). */
const char *sr_dim_label(int dim);
/* The label of an item's distribution value k in lang: an option's text, a scale end's label ("" between), NULL
 * for "other". */
const char *sr_value_label(const sr_item *it, int k, const char *lang);
/* The results as a download of fmt into out (XLSX to a file at path instead when out is NULL): the tables
 * "Kysymykset" (n, mean, median, share agreeing), "Jakaumat", "Taustoittain", "Vastausprosentit" and, except for
 * the public, "Avoimet vastaukset"; suppressed cells "< 5" or "•", hidden means empty. K_OK or K_ERR with e. */
int survey_results_download(buf *out, const char *path, export_format fmt, const sr_results *r, const char *title,
                            const char *lang, report_tr trf, kerr *e);
/* The results as one JSON object (plain numbers; a suppressed count is null with NAME_suppressed "small" or
 * "secondary"; a hidden mean null; open answers only for staff and evaluators). */
void survey_results_json(buf *b, const sr_results *r, const char *key, const char *title, const char *lang);
/* The paired change as a table through o, as a download, and as JSON. */
void survey_pairs_write(export_out *o, const sr_pairs *p, const char *lang, report_tr trf);
int survey_pairs_download(buf *out, const char *path, export_format fmt, const sr_pairs *p, const char *lang,
                          report_tr trf, kerr *e);
void survey_pairs_json(buf *b, const sr_pairs *p, const char *lang);

#endif
