/* report_template: the texts of the narrative reports (table report_template): the annual report's text for every
 * year (year 0) and a year's own text that replaces it, and the final report's, each in Finnish and Swedish. */
#ifndef KEHTO_REPORT_TEMPLATE_H
#define KEHTO_REPORT_TEMPLATE_H
#include "core/arena.h"
#include "db/db.h"

#define RTPL_MAX_BODY 100000 /* characters in one text */

/* One stored text. Strings in the arena of the call that read it. */
typedef struct rtemplate {
  const char *kind; /* "annual" or "final" */
  int year;         /* 0: every year's text */
  const char *lang; /* "fi" or "sv" */
  const char *body; /* Markdown with {{…}} figures and blocks (report/narrative.h) */
  const char *updated_by, *updated_at;
} rtemplate;

/* 1 when kind is "annual" or "final", lang "fi" or "sv". */
int rtemplate_kind_ok(const char *kind);
int rtemplate_lang_ok(const char *lang);

/* The stored text of exactly (kind, year, lang) in a, or NULL when there is none. */
const char *rtemplate_get(db *d, arena *a, const char *kind, int year, const char *lang);
/* The text a report uses: the year's own when it has one, else the text for every year (year 0); the final report
 * always year 0. *own (may be NULL) says whether it was the year's own. "" when neither exists. In a. */
const char *rtemplate_effective(db *d, arena *a, const char *kind, int year, const char *lang, int *own);

/* Every stored text (without bodies' figures expanded), kind, then year, then lang; *n their number. In a. */
rtemplate *rtemplate_list(db *d, arena *a, int *n);

/* Stores the text of (kind, year, lang) checked for its figures and blocks (narrative_check: each problem is added
 * to e under field), or removes it when body is blank (a year then uses the text for every year). All or nothing:
 * returns K_OK, or K_ERR with e set and nothing changed. */
int rtemplate_save(db *d, arena *a, const char *kind, int year, const char *lang, const char *body, const char *actor,
                   const char *field, kerr *e);

/* The same without checking the figures (the demo's texts, which a test makes every report of). */
int rtemplate_store(db *d, const char *kind, int year, const char *lang, const char *body, const char *actor,
                    kerr *e);

#endif
