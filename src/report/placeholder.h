/* placeholder: the figures a text cites by name, {{stats.participants}}, {{survey.3.q1.share_ge_4}},
 * {{pairs.sparraus.q1.p}}: parsed here, resolved to the same suppressed figures as /tilastot (report/report.h) and
 * the survey results (report/survey_results.h), and written the Finnish way, so a text can never disagree with the
 * data. Defined once for the evaluation report and the funder's reports (README, "Figures in texts").
 *
 * The language: "{{" NAME ["|" DECIMALS] "}}", spaces allowed inside the braces; NAME is dot-separated segments of
 * [A-Za-z0-9_-]:
 *   stats.METRIC                     a key figure of the whole programme: organisations, participants, attendees,
 *                                    participations, deeds
 *   stats.target.METRIC              its target ("–" when none)
 *   stats.TABLE.ROW.COLUMN           a cell of a breakdown of /tilastot: TABLE service_type, role, sector,
 *                                    org_type, region, year, gender, age, labour, education; ROW a row's code (the
 *                                    codes of the CSV downloads) or total; COLUMN organisations, people,
 *                                    participations or participants (the table's own columns)
 *   stats.period.ID.…                any of the above for the funding period ID (its id in /tilastot?kausi=ID)
 *   survey.ID.PATH, pairs.SERIES.PATH   a survey's or a series' figure (survey_figure)
 * Counts read 1 234 (narrow no-break space, as /tilastot), shares 76 %, means 3,8, changes −0,4, p-values
 * p = 0,003 or p < 0,001 (English: 76%, 3.8, p = 0.003); DECIMALS (0–4) changes the decimals of a share, mean or
 * p-value. A figure suppressed for the reader reads as the table's mark, "< 5" or "•", never as a number. */
#ifndef KEHTO_PLACEHOLDER_H
#define KEHTO_PLACEHOLDER_H
#include "core/arena.h"
#include "core/buf.h"
#include "db/db.h"

/* What a figure is, which decides how it reads. */
enum { PH_COUNT, PH_SHARE, PH_MEAN, PH_P };
/* How a figure shows besides SUP_SHOWN, SUP_SMALL and SUP_SECONDARY (report/suppress.h): no value ("–"). */
#define PH_NONE 9

typedef struct ph_figure {
  double value; /* a share is a fraction 0–1 */
  int kind;     /* PH_COUNT, … */
  int mark;     /* SUP_SHOWN: the value; SUP_SMALL "< 5"; SUP_SECONDARY "•"; PH_NONE "–" */
} ph_figure;

/* Writes f as plain text (UTF-8) in lang's way ("fi", "sv": 3,8 and 76 %; "en": 3.8 and 76%), with decimals
 * decimals (-1: the kind's default: 0 for counts and shares, 1 for means, 3 for p-values). */
void placeholder_format(buf *out, const ph_figure *f, int decimals, const char *lang);

/* Resolves NAME (without braces and format) for audience (SR_PUBLIC, SR_EVALUATOR or SR_STAFF of
 * report/survey_results.h; stats figures are suppressed for everyone but staff, as on /tilastot). Returns K_OK, or
 * K_ERR with e saying what is unknown (not naming the placeholder). */
int placeholder_resolve(db *d, arena *a, const char *name, int audience, ph_figure *out, kerr *e);

/* Writes text (Markdown) to out with every placeholder replaced by its figure for audience, written so that
 * Markdown reads it as plain text (its ASCII punctuation backslash-escaped: a figure cannot add markup). An unknown
 * placeholder is written as "[?]" and an unclosed "{{" as it is; each such problem is added to e ("tuntematon luku
 * {{stats.foo}}", "sulkematon {{ rivillä 3") and the result is K_ERR, with out still complete. K_OK otherwise. */
int placeholder_expand(db *d, arena *a, const char *text, const char *lang, int audience, buf *out, kerr *e);
/* Checks every placeholder of text, as staff would read it: adds each problem to e (field NULL) as
 * placeholder_expand does. Returns K_OK when there is none, else K_ERR. */
int placeholder_check(db *d, arena *a, const char *text, kerr *e);
/* The same as one error about field listing every problem ("Tekstissä on virheellisiä lukuja: tuntematon luku
 * {{stats.foo}}; …"), for a form to show beside the field. */
int placeholder_check_field(db *d, arena *a, const char *text, const char *field, kerr *e);

/* The stats placeholders that exist now, for a help box: names[i] and their current figure formatted for
 * audience and lang in values[i] (both in a), the key figures and targets of the whole programme and of each
 * period. Returns the count. */
int placeholder_stats_list(db *d, arena *a, int audience, const char *lang, const char ***names, const char ***values);

#endif
