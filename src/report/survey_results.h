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

#endif
