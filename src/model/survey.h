/* survey: a survey's definition (sections and questions in fi/sv/en, read from and written to JSON), and the
 * surveys kept in the database (import, edit, copy, list, schedule, open link, published results). Answering,
 * invitations and pairing are in survey_answer.h; results in report/survey_results.h.
 *
 * The JSON (README, "Surveys"):
 *   {"key":"sparraus-alku","series":"sparraus","phase":"before","title":{"fi":"…","sv":"…","en":"…"},
 *    "intro":{"fi":"…"},"opens":"2026-01-10","closes":"2026-02-28",
 *    "questions":[{"type":"section","title":{"fi":"…"}},
 *                 {"key":"q1","type":"likert5","text":{"fi":"…"},"required":true,
 *                  "low":{"fi":"Täysin eri mieltä"},"high":{"fi":"Täysin samaa mieltä"}},
 *                 {"key":"q2","type":"single","text":{…},"options":[{"key":"a","text":{…}}],"other":true},
 *                 {"key":"q3","type":"matrix","scale":"likert5","text":{…},"rows":[{"key":"r1","text":{…}}]},
 *                 {"key":"q4","type":"multiple","text":{…},"options":[…],"show_if":{"q1":[4,5]}},
 *                 {"key":"q5","type":"scale10","text":{…}}, {"key":"q6","type":"number","min":0,"max":100,…},
 *                 {"key":"q7","type":"text","text":{…}}]}
 * Types: likert5 (1–5), likert7 (1–7), scale10 (0–10), matrix (rows on one of those scales), single, multiple
 * (options; "other": true adds an "other" choice with a text), number (optional min, max, decimals allowed), text.
 * Keys are [a-z0-9_-], 1–32 characters, unique in the survey (a matrix row's and an option's within their
 * question; "other" is reserved for the other choice). show_if names an earlier question of type likert5, likert7,
 * scale10, number (values: numbers), single or multiple (values: option keys, or "other"); the question is shown
 * (and required) only when that question's answer is one of the values (for multiple: any chosen one is). */
#ifndef KEHTO_SURVEY_H
#define KEHTO_SURVEY_H
#include "db/db.h"
#include "model/sitemap.h"

enum survey_qtype {
  SQ_SECTION, /* not a question: starts a section with a title */
  SQ_LIKERT5,
  SQ_LIKERT7,
  SQ_SCALE10,
  SQ_MATRIX,
  SQ_SINGLE,
  SQ_MULTIPLE,
  SQ_NUMBER,
  SQ_TEXT,
};

/* A text in three languages; fi is never NULL (may be ""), sv and en are "" when not translated. */
typedef struct survey_text {
  const char *fi, *sv, *en;
} survey_text;

/* An option of a choice question, or a row of a matrix. */
typedef struct survey_item {
  const char *key;
  survey_text text;
} survey_item;

typedef struct survey_question {
  const char *key;  /* NULL for a section */
  int type;         /* SQ_* */
  survey_text text; /* the question (a section's title) */
  survey_text help; /* optional guidance under the question ("" when none) */
  int required;
  survey_text low, high; /* the labelled ends of a likert, scale10 or matrix question ("" = the page's default) */
  int scale;             /* a matrix's scale: SQ_LIKERT5, SQ_LIKERT7 or SQ_SCALE10; for those types their own */
  survey_item *options;  /* single, multiple */
  int noptions;
  int other;         /* single, multiple: an "other" choice with a text */
  survey_item *rows; /* matrix */
  int nrows;
  int has_min, has_max; /* number */
  double min, max;
  /* show_if: the key of an earlier question and the values that show this one (numbers as written, "4", "2.5", or
   * option keys); cond_q is NULL when the question is always shown. */
  const char *cond_q;
  const char **cond_values;
  int ncond;
  int section; /* index in questions[] of the section it is in, -1 before any */
} survey_question;

typedef struct survey_def {
  const char *key;    /* unique among surveys */
  const char *series; /* "" when not part of a series */
  const char *phase;  /* "", "before" or "after" */
  survey_text title, intro;
  const char *opens, *closes; /* "YYYY-MM-DD" or ISO timestamps as written, or NULL */
  survey_question *q;         /* sections and questions in order */
  int nq;
} survey_def;

/* The lowest and highest value of a scale type (SQ_LIKERT5 1..5, SQ_LIKERT7 1..7, SQ_SCALE10 0..10); a matrix
 * question's from its scale. */
int survey_scale_lo(const survey_question *q);
int survey_scale_hi(const survey_question *q);
/* The type's name in the JSON ("likert5", …) and back (-1 when unknown). */
const char *survey_type_name(int type);
int survey_type_parse(const char *name);
/* A text in lang ("fi", "sv", "en"): the translation, or the Finnish standing in (see model/tr.h). */
#include "model/tr.h"
tr survey_text_pick(const survey_text *t, const char *lang);

/* Parses and checks a definition. Every problem goes to e (kerr_add), each naming the question by its key (or its
 * position) and the field, in Finnish: "kysymys q3, kenttä options: vähintään kaksi vaihtoehtoa". Returns the
 * definition in arena a, or NULL when there was any problem. */
survey_def *survey_def_parse(arena *a, const char *json, size_t len, kerr *e);
/* The definition as JSON (what `kehto survey export` prints and survey_def_parse reads back to the same), with
 * overrides: the stored survey's opening and closing times go in opens/closes. In arena a. */
char *survey_def_json(arena *a, const survey_def *d);
/* The question with that key (not a section), or NULL. */
const survey_question *survey_def_find(const survey_def *d, const char *key);

/* A stored survey as lists and pages show it. */
typedef struct survey_info {
  long long id;
  char *key, *series, *phase; /* series "" when none */
  tr title;                   /* in the language asked for */
  char *opens_at, *closes_at; /* ISO UTC, or NULL */
  char *open_code;            /* the open link's code, or NULL */
  int results_public;
  int series_closed; /* 1 when its series was closed (its key deleted) */
  long long invited, answered_invites, responses;
  char *created_at, *updated_at, *created_by;
} survey_info;

/* Where a survey is in its time: not yet open, open, or closed (now is an ISO UTC timestamp, db_now()). */
enum { SURVEY_NOT_OPEN, SURVEY_OPEN, SURVEY_CLOSED };
int survey_state(const survey_info *s, const char *now);

/* Stores a new survey from its JSON definition (checked as survey_def_parse does; a key already used is an error
 * naming the field key). The series is created when new. opens/closes, when given in the JSON as days, are read
 * as Finnish days (opens at 00:00, closes at 24:00 Europe/Helsinki). Audited as actor. Returns the new id, or 0
 * with e set. */
long long survey_import(db *d, const char *json, size_t len, const char *actor, kerr *e);
/* Replaces a survey's definition (the key stays the survey's own; the JSON's key may be absent or the same). Once
 * it has answers, its questions keep their keys and types (texts, help, order, requirements and new questions may
 * change; a question may not be removed). Audited. K_OK or K_ERR with e. */
int survey_update(db *d, long long id, const char *json, size_t len, const char *actor, kerr *e);
/* A copy of survey id under new_key, without answers, invitations, schedule or open link, in the same series
 * unless series is given ("" = none). Returns the new id, or 0 with e set. */
long long survey_copy(db *d, long long id, const char *new_key, const char *series, const char *actor, kerr *e);
/* Sets the opening and closing times (ISO UTC or NULL for no limit; closes after opens). K_OK or K_ERR with e. */
int survey_set_schedule(db *d, long long id, const char *opens_at, const char *closes_at, const char *actor, kerr *e);
/* Turns the open link on (a new random code; the old one stops working) or off. K_OK or K_ERR. */
int survey_set_open_link(db *d, long long id, int on, const char *actor, kerr *e);
/* Publishes the survey's (suppressed) results to everyone, or takes them back. K_OK or K_ERR. */
int survey_set_public(db *d, long long id, int on, const char *actor, kerr *e);
/* Deletes a survey that has no answers (with its invitations). K_OK or K_ERR with e. */
int survey_delete(db *d, long long id, const char *actor, kerr *e);

/* All surveys, newest first, titles in lang. In arena a; *n gets the count. */
survey_info *survey_list(db *d, arena *a, const char *lang, int *n);
/* One survey by id, or NULL. */
survey_info *survey_get(db *d, arena *a, long long id, const char *lang);
/* The survey named by ref, its id (digits) or its key; 0 when there is none. */
long long survey_find(db *d, const char *ref);
/* Its id by key, or 0. */
long long survey_id_by_key(db *d, const char *key);
/* The survey whose open link has that code, or 0. */
long long survey_id_by_open_code(db *d, const char *code);
/* Its stored definition, parsed; NULL when there is no such survey. In arena a. */
survey_def *survey_load(db *d, arena *a, long long id);
/* The surveys of a series (by series key) in phase order (before, after, then others by id). */
survey_info *survey_series_list(db *d, arena *a, const char *series, const char *lang, int *n);

/* The surveys whose results are public (/kyselyt/ID/tulokset) for the sitemap, by id; their figures change with the
 * answers, so no last change is given. Sets *n; array in a. */
sitemap_item *survey_sitemap(db *d, arena *a, int *n);

#endif
