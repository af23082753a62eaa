/* narrative: the annual and final reports to the funder, made from the staff's Markdown texts
 * (model/report_template.h): figures written in by report/placeholder.h, the period's tables and charts put in by
 * blocks, then written as HTML (narrative_html.c) or typeset as a PDF (pdf.c).
 *
 * Besides the {{…}} figures of placeholder.h a text has (README, "Figures in texts"):
 *   {{report.year}}                 the annual report's year (2019)
 *   {{report.period}}               the report's period: "1. rahoituskausi 2015–2017", the final report's years
 *   {{report.NAME…}}                any stats figure for the report's scope: stats.period.ID.NAME… in an annual report
 *                                   (its funding period), stats.NAME… in the final report (the whole programme):
 *                                   {{report.participants}}, {{report.service_type.sparraus.people}}
 *   {{report.year.COLUMN}}          the annual report's year row: stats.year.YEAR.COLUMN
 *   {{table:NAME}}, {{chart:NAME}}  alone on a line: the table, or its chart, of /tilastot for the report's scope
 *                                   (NAME as in stats.NAME: service_type, region, year, gender, … every table there is)
 * Each unknown name or misplaced block is a problem naming it. */
#ifndef KEHTO_NARRATIVE_H
#define KEHTO_NARRATIVE_H
#include "core/arena.h"
#include "core/buf.h"
#include "db/db.h"
#include "report/report.h"

enum { NP_TEXT, NP_TABLE, NP_CHART };

typedef struct narr_part {
  int kind;           /* NP_TEXT, NP_TABLE, NP_CHART */
  const char *md;     /* NP_TEXT: Markdown with its figures written in (plain text to Markdown) */
  report_table table; /* NP_TABLE, NP_CHART: the table for the report's scope, as the public sees it */
} narr_part;

/* A report made for one kind, year and language. Everything in the arena given to narrative_build. */
typedef struct narrative {
  const char *kind, *lang;
  int year;              /* annual: the year; final: 0 */
  int slot;              /* the funding period's slot of report.h (annual), 0 for the final report */
  const char *programme; /* the programme's name in lang */
  const char *title;     /* "Vuosiraportti 2019", "Loppuraportti" */
  const char *scope;     /* "1. rahoituskausi 2018–2020", or "2015–2020" for the whole programme */
  const char *made;      /* the day it was made, Finnish: 6.12.2026 */
  narr_part *part;
  int nparts;
} narrative;

/* Makes the report kind ("annual", "final") for year (annual) in lang ("fi", "sv") from the stored text
 * (rtemplate_effective), with the figures and tables as the public sees them on /tilastot (suppressed). Returns
 * K_OK, or K_ERR with e naming each problem: a year outside the funding periods, no text, every unknown figure or
 * block. Results in a. */
int narrative_build(db *d, arena *a, const char *kind, int year, const char *lang, narrative *out, kerr *e);

/* Checks body as a text of kind for year (0: every year's text, checked as the last year of the periods) as staff
 * would read it: each problem is added to e (field NULL). Returns K_OK when there is none, else K_ERR. */
int narrative_check(db *d, arena *a, const char *kind, int year, const char *body, kerr *e);
/* The same, as one error about field listing every problem, for a form to show beside the field. */
int narrative_check_field(db *d, arena *a, const char *kind, int year, const char *body, const char *field, kerr *e);

/* The years an annual report can be made for: the first and last years of the funding periods. Returns 0 when
 * there are no periods (then *first > *last). */
int narrative_years(db *d, int *first, int *last);

/* Writes n as HTML: whole 1 a standalone printable document (its own small stylesheet), 0 the body part for a
 * page. Charts are svg.c's SVG, tables as on /tilastot. Never fails. */
void narrative_html(const narrative *n, buf *out, int whole);

/* Typesets n as an A4 PDF into out: a cover, the table of contents with its page numbers, the text with headings as
 * bookmarks, tables that continue on the next page under their header row, charts drawn as vectors from svg.c's
 * SVG, page numbers; fonts embedded (DejaVu). Returns K_OK, or K_ERR with e set when cairo fails. */
int narrative_pdf(const narrative *n, buf *out, kerr *e);

/* Frees what pango, cairo and fontconfig keep for the life of the process once a PDF was made (their font maps,
 * caches and configuration), so that a leak checker sees only real leaks; call at exit, after the last PDF and with no
 * other thread making one. */
void narrative_pdf_cleanup(void);

/* The table heading "Palvelutyypeittäin – 1. rahoituskausi 2018–2020" and the chart's title, in lang (in a). */
const char *narrative_table_caption(const narrative *n, arena *a, const report_table *t);

/* A cell of t as the report shows it (static or in a): "< 5" or "•" when suppressed, "–" for a missing target,
 * else the count with narrow no-break spaces (1 234). */
const char *narrative_cell(arena *a, const report_table *t, const report_row *row, int c);
/* Writes the chart of block part k of n (a table part) as svg.c draws it on /tilastot: bars of the people column,
 * the region tile map for regions. */
void narrative_chart_svg(const narrative *n, arena *a, const report_table *t, int k, buf *out);

#endif
