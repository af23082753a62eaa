/* evaluation: the evaluation report (title and introduction in fi/sv/en, published or a draft), its findings and
 * recommendations (Markdown with {{…}} figures, report/placeholder.h), and the surveys its method section names. */
#ifndef KEHTO_EVALUATION_H
#define KEHTO_EVALUATION_H
#include "core/arena.h"
#include "db/db.h"
#include "model/tr.h"

#define EVALUATION_MAX_TITLE 200
#define EVALUATION_MAX_BODY 50000 /* characters of Markdown */

/* The report. Strings in the reader's arena; text[] "" when not written. */
typedef struct evaluation {
  char *title[3], *intro[3]; /* fi, sv, en (tr_lang_index order) */
  tr t_title, t_intro;       /* in the language asked for */
  char *published_at;        /* UTC time it was published, NULL while a draft */
  char *updated_at;          /* UTC time of the last change, NULL before any */
  char *updated_by;          /* who changed it last (email), "" before any */
} evaluation;

/* A finding or a recommendation. */
typedef struct eval_item {
  long long id;
  const char *kind; /* "finding" or "recommendation" */
  long long position;
  char *title[3], *body[3];
  tr t_title, t_body;
  char *updated_at, *updated_by;
} eval_item;

/* The report in lang (never NULL: an empty draft before anything is saved). In arena a. */
evaluation *evaluation_get(db *d, arena *a, const char *lang);
/* Saves the title and introduction of ev (title[], intro[]) as edited by actor. The Finnish title is required;
 * lengths at most EVALUATION_MAX_TITLE and EVALUATION_MAX_BODY, valid UTF-8; every {{…}} in an introduction must be
 * a known figure. Adds an error per bad field (title, intro_sv, …) to e and returns K_ERR; K_OK when saved
 * (audited: "update evaluation"). */
int evaluation_save(db *d, arena *a, const evaluation *ev, const char *actor, kerr *e);
/* Publishes the report (published_at now) or takes it back to a draft. Publishing needs a Finnish title and every
 * text's figures known (e lists the problems, field NULL). Audited. K_OK or K_ERR with e set. */
int evaluation_publish(db *d, arena *a, int on, const char *actor, kerr *e);

/* The findings then the recommendations, each in their order, in lang. In arena a; *n gets the count. */
eval_item *evaluation_items(db *d, arena *a, const char *lang, int *n);
/* One item by id in lang, or NULL. */
eval_item *evaluation_item_get(db *d, arena *a, long long id, const char *lang);
/* Adds it->kind's item last among its kind (it->id 0) or saves item it->id (its kind stays), checked as
 * evaluation_save checks (a Finnish title required; bodies' figures known; errors on title, body_sv, …, and kind).
 * Returns the item's id, or 0 with e set. Audited. */
long long evaluation_item_save(db *d, arena *a, const eval_item *it, const char *actor, kerr *e);
/* Deletes an item. K_OK, or K_ERR with e set (no such item). Audited. */
int evaluation_item_delete(db *d, long long id, const char *actor, kerr *e);
/* Moves an item one place up (dir < 0) or down among its kind; at the end it stays. K_OK or K_ERR (no such item). */
int evaluation_item_move(db *d, long long id, int dir, const char *actor, kerr *e);

/* A survey as the report's method section names it: respondents and response rate (answered invitations of all
 * invitations; -1 when nobody was invited, e.g. an open link only). */
typedef struct eval_survey {
  long long id;
  char *key;
  tr title;
  long long invited, answered, responses;
  double rate; /* 0–1, or -1 */
} eval_survey;
/* Every survey with at least one response, oldest first, titles in lang. In arena a; *n gets the count. */
eval_survey *evaluation_surveys(db *d, arena *a, const char *lang, int *n);

/* A series of before and after surveys with its pairs (people who answered both), by key. */
typedef struct eval_series {
  char *key;
  long long pairs;
} eval_series;
/* Every series that has a before and an after survey, by key. In arena a; *n gets the count. */
eval_series *evaluation_series(db *d, arena *a, int *n);

#endif
