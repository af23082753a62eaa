/* survey_form: a survey's questions as the accessible HTML form a respondent answers (and staff preview), shared
 * by /kysely/{TOKEN}, /kysely/avoin/{CODE} and the editor's preview /hallinta/kyselyt/{id}/esikatselu.
 *
 * API
 *   survey_values   the answers to fill in: field name → value pairs, a name may repeat (multiple choice). Build one
 *                   by adding pairs one by one (survey_values_add: the posted fields or a stored draft). NULL or
 *                   empty = nothing filled in.
 *   survey_form_head   writes the survey's title (<h1>) and intro (paragraphs) in lang.
 *   survey_form_write  writes the sections and questions only: the caller writes <form method="post" …>, the CSRF
 *                   field, the submit button and </form> around it (and leaves the button out of a preview).
 *                   preview 1 adds the banner "Esikatselu" and nothing else, so the preview is what a respondent sees.
 *   survey_form_errors the error summary above the form: a link to each error's first input, named by its question. The
 *                   caller writes it where the page wants it (after a draft's notice); survey_form_write writes the
 *                   errors beside the fields.
 *
 * Field names are the issue's: a question's key (q1=4); a matrix row KEY.ROW (q3.r1=4); multiple choice repeats
 * KEY (q4=a&q4=b); the "other" text KEY.other (its choice is the value "other"). Each question is a fieldset with its
 * text as the legend; a matrix is a fieldset per row inside it (the row's statement as the legend), so each row is a
 * radio group a screen reader names. Errors (kerr, field = one of those names, message a Finnish msgid or text) are
 * written beside their question or matrix row; an error whose field is KEY.other is shown by the question. The help,
 * the condition's note, a number's range and the error are named by aria-describedby: on the fieldset of a group of
 * choices, on the box of a text or number question. A question shown only on an earlier answer carries
 * data-show-if="KEY" data-values="V1 V2" for kehto.js (which hides it while the condition is not met); without
 * JavaScript its note says the condition. Element ids: "sq-KEY" (the question's fieldset, or a matrix row's
 * "sq-KEY.ROW"), "sq-NAME-VALUE" (a choice or scale point), "sq-KEY-value" (a text or number box), "sq-KEY.other",
 * "sql-KEY" (the legend), "sqh-", "sqc-", "sqn-", "sqe-KEY" (help, condition, range, error). Texts of the page
 * (required mark, "Muu, mikä?", default ends) are translated into lang through the catalogs (i18n_get). */
#ifndef KEHTO_SURVEY_FORM_H
#define KEHTO_SURVEY_FORM_H
#include "core/arena.h"
#include "core/buf.h"
#include "model/survey.h"
#include "web/web.h"

typedef struct survey_values {
  kv *v; /* name, value; names may repeat */
  int n, cap;
} survey_values;

/* Adds a pair (the strings are not copied: keep them in the arena a or longer); grows v in arena a. */
void survey_values_add(arena *a, survey_values *v, const char *name, const char *value);
/* The first value of name, or NULL (v may be NULL). */
const char *survey_values_get(const survey_values *v, const char *name);
/* 1 when name has the value value among its values (a chosen option of a multiple-choice question). */
int survey_values_has(const survey_values *v, const char *name, const char *value);

/* Writes the title as <h1> and the intro as paragraphs (split at blank lines), in lang, escaped. */
void survey_form_head(buf *b, const survey_def *d, const char *lang);
/* Writes the error summary "Tarkista lomake" with a link to each error's field (nothing without errors). */
void survey_form_errors(buf *b, const survey_def *d, const char *lang, const kerr *errors);
/* Writes the questions of d in lang filled in from v (may be NULL), with errors beside their fields (may be NULL);
 * preview 1 adds the banner. See the comment at the top. */
void survey_form_write(buf *b, const survey_def *d, const char *lang, const survey_values *v, const kerr *errors,
                       int preview);

#endif
