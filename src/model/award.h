/* award: the yearly award round of the deeds library (Palkitut teot): categories and weighted criteria, nominations
 * by staff and suggestions by anyone, the jury and its conflicts of interest, scores, the chair's decisions and the
 * published results. Schema 11 (src/db/schema.c).
 *
 * Files: award.c (reading rounds, categories, criteria, jurors), award_edit.c (writing them), award_nomination.c
 * (nominations, suggestions and staff's decisions on them), award_jury.c (conflicts, what a juror sees, scores, the
 * chair's figures and decisions), award_public.c (publishing, the winners' emails, the public results, a deed's
 * awards).
 *
 * Conflicts of interest. A juror does not see a deed of the round, anywhere (lists, a nomination's page by a guessed
 * URL, the API, the chair's table), when
 *   - the juror's organisation (user.org_id) is the deed's organisation (deed.org_id): kind "org";
 *   - the juror's coach profile (user.coach_id) coached a delivery of the deed's organisation (delivery.coach_id,
 *     delivery_org): kind "coach";
 *   - the juror declared a conflict on it (with their reason): kind "declared".
 * The first two are found from the data every time they are asked (so a change of organisation or a new delivery
 * counts at once) and recorded in award_conflict with their reason when nominations or jurors change
 * (award_conflicts_record); the declared ones are only in award_conflict.
 *
 * Times and days: *_until are Finnish days YYYY-MM-DD, the last day on which it is allowed; the rest UTC ISO 8601.
 * Errors are Finnish kerr messages (N_), field set where a form field is at fault. Writes are audited. */
#ifndef KEHTO_AWARD_H
#define KEHTO_AWARD_H
#include "core/arena.h"
#include "db/db.h"
#include "model/tr.h"

#define AWARD_MAX_NAME 200  /* characters of a category's or criterion's name */
#define AWARD_MAX_TEXT 4000 /* characters of a description, intro, reason, comment or citation */
#define AWARD_SCORE_MIN 1
#define AWARD_SCORE_MAX 5
#define AWARD_DISAGREE 2 /* jurors' scores on one criterion this far apart flag the nomination */

/* ---- rounds, categories, criteria, jurors (award.c) ---- */

typedef struct award_round {
  long long id;
  int year;
  char *intro[3];       /* fi, sv, en: shown on /palkinnot/VUOSI */
  tr t_intro;           /* in the language asked for */
  char *nominate_until; /* YYYY-MM-DD, last day for nominations and suggestions; NULL: no limit */
  char *jury_until;     /* YYYY-MM-DD, last day of scoring; NULL: no limit */
  long long chair_id;   /* the chair's user id; 0: staff act as chair */
  char *chair_name;     /* the chair's name or email, "" when none */
  char *published_at;   /* NULL until published */
  char *notified_at;    /* when the winners' contacts were emailed, NULL before */
  long long ncategories, ncriteria, nnominated, nsuggested, nawards, nmentions, njurors;
} award_round;

typedef struct award_category {
  long long id, round_id, position;
  char *name[3], *description[3];
  tr t_name, t_description;
  long long nnominated; /* nominations with status nominated */
} award_category;

typedef struct award_criterion {
  long long id, round_id, position;
  char *name[3], *description[3];
  tr t_name, t_description;
  int weight; /* 1–100, relative to the round's other criteria */
} award_criterion;

typedef struct award_juror {
  long long user_id, category_id;
  char *name, *email;
  tr category;
  int is_chair;
} award_juror;

/* Every round, newest year first, with its counts. In arena a; *n gets the count. */
award_round *award_rounds(db *d, arena *a, const char *lang, int *n);
/* One round by id, or by year; NULL when there is none. */
award_round *award_round_get(db *d, arena *a, long long id, const char *lang);
award_round *award_round_by_year(db *d, arena *a, int year, const char *lang);
/* The round taking suggestions now: unpublished, its nominate_until today or later (Finnish day) or unset; the
 * newest such. NULL when none. */
award_round *award_round_open(db *d, arena *a, const char *lang);
/* Creates (r->id 0) or saves a round: year 2000–2100 and not taken; days YYYY-MM-DD (nominate_until not after
 * jury_until); chair_id 0 or an active jury account; intro[] at most AWARD_MAX_TEXT. Fields: year, nominate_until,
 * jury_until, chair_id, intro, intro_sv, intro_en. Returns the id, or 0 with e set. */
long long award_round_save(db *d, arena *a, const award_round *r, const char *actor, kerr *e);
/* Deletes an unpublished round and everything in it. K_OK, or K_ERR with e set. */
int award_round_delete(db *d, long long id, const char *actor, kerr *e);

/* A round's categories / criteria in their order. In arena a; *n gets the count. */
award_category *award_categories(db *d, arena *a, long long round_id, const char *lang, int *n);
award_criterion *award_criteria(db *d, arena *a, long long round_id, const char *lang, int *n);
award_category *award_category_get(db *d, arena *a, long long id, const char *lang);
/* One criterion by id, NULL when there is none (in award_edit.c, for the staff's edit page). */
award_criterion *award_criterion_get(db *d, arena *a, long long id, const char *lang);
/* Adds (c->id 0, last in order) or saves a category of c->round_id: a Finnish name (unique in the round, at most
 * AWARD_MAX_NAME), descriptions at most AWARD_MAX_TEXT. Fields name, name_sv, name_en, description, description_sv,
 * description_en. Refused once the round is published. Returns the id, or 0 with e set. */
long long award_category_save(db *d, arena *a, const award_category *c, const char *actor, kerr *e);
/* Deletes a category with no nominations (else refused, saying how many). */
int award_category_delete(db *d, long long id, const char *actor, kerr *e);
/* Adds or saves a criterion as award_category_save, and its weight 1–100 (field weight); a weight may change until
 * the round is published (the figures follow it). */
long long award_criterion_save(db *d, arena *a, const award_criterion *c, const char *actor, kerr *e);
/* Deletes a criterion; its scores go with it. Refused once the round is published. */
int award_criterion_delete(db *d, long long id, const char *actor, kerr *e);

/* The round's jurors, by category then name; is_chair set for the chair. In arena a; *n gets the count. */
award_juror *award_jurors(db *d, arena *a, long long round_id, const char *lang, int *n);
/* The active jury accounts (candidates for a category or the chair), by name. In arena a (user_id, name, email). */
award_juror *award_jury_accounts(db *d, arena *a, int *n);
/* Assigns an active jury account to a category (twice is no error) and records its conflicts with the round's
 * nominations (award_conflicts_record). Removing takes the juror's scores in that category with it. */
int award_juror_add(db *d, long long category_id, long long user_id, const char *actor, kerr *e);
int award_juror_remove(db *d, long long category_id, long long user_id, const char *actor, kerr *e);
/* 1 when user_id is the round's chair. */
int award_is_chair(db *d, long long round_id, long long user_id);
/* 1 when user_id is a juror of any category of the round (or its chair). */
int award_is_juror(db *d, long long round_id, long long user_id);
/* 1 when the round is published (its results public; nothing in it changes then). */
int award_round_published(db *d, long long round_id);

/* ---- nominations and suggestions (award_nomination.c) ---- */

typedef struct award_nomination {
  long long id, round_id, category_id, deed_id;
  const char *status; /* suggested, nominated, declined */
  tr category;
  char *deed_title, *deed_ref, *organisation, *summary;
  long long org_id;
  int deed_year;
  char *reason;                           /* the nominator's or suggester's reason */
  char *suggester_name, *suggester_email; /* staff only: "" when nominated by staff */
  char *decided_by, *decided_at, *decline_reason;
  const char *result; /* NULL, "award" or "mention": the chair's decision */
  char *citation[3];
  tr t_citation;
  char *created_by, *created_at;
} award_nomination;

/* For the award model's own files (award_nomination.c, award_jury.c): a nomination's 25 columns, FROM n
 * (award_nomination), cg (its category), dd (its deed), o (the deed's organisation), with the reader's language
 * bound as :lang; SUGGESTER is the suggester's two columns, or "'', ''" where they are never to be read (the jury).
 * award_nomination_read reads one such row into x, in arena a. */
#define AWARD_NOM_COLS(SUGGESTER)                                                                                      \
  "n.id, n.round_id, n.category_id, n.deed_id, n.status, " TR_PICK("cg.name") ", " TR_FALLBACK(                        \
      "cg.name") ","                                                                                                   \
                 " dd.title, COALESCE(dd.ref, ''), COALESCE(o.name, dd.org_name), dd.summary, COALESCE(dd.org_id, "    \
                 "0), dd.year,"                                                                                        \
                 " n.reason, " SUGGESTER ", n.decided_by, n.decided_at, n.decline_reason, n.result,"                   \
                 " n.citation, n.citation_sv, n.citation_en, n.created_by, n.created_at"
#define AWARD_NOM_NCOLS 25
#define AWARD_NOM_FROM                                                                                                 \
  " FROM award_nomination n JOIN award_category cg ON cg.id = n.category_id JOIN deed dd ON dd.id = n.deed_id"         \
  " LEFT JOIN org o ON o.id = dd.org_id"
void award_nomination_read(db_stmt *st, arena *a, const char *lang, award_nomination *x);

/* A public suggestion: a published deed for a category of the open round, with a reason; name and email optional
 * (an email hears whether the suggestion was taken). */
typedef struct award_suggestion {
  long long category_id, deed_id;
  const char *reason, *name, *email, *lang;
} award_suggestion;

/* A round's nominations of a status (NULL: any), in one category (0: all), by category then deed title. In arena
 * a; *n gets the count. */
award_nomination *award_nominations(db *d, arena *a, long long round_id, const char *status, long long category_id,
                                    const char *lang, int *n);
award_nomination *award_nomination_get(db *d, arena *a, long long id, const char *lang);
/* Staff nominate a published deed in a category of an unpublished round (a pending suggestion of it becomes the
 * nomination). Fields deed, category_id, reason. Records conflicts. Returns the id, or 0 with e set. */
long long award_nominate(db *d, arena *a, long long category_id, long long deed_id, const char *reason,
                         const char *actor, kerr *e);
/* Stores a suggestion for the open round (award_round_open): the category in it, a published deed not yet
 * suggested or nominated in that category, a reason (required, at most AWARD_MAX_TEXT), an email if given valid.
 * Fields category_id, deed, reason, name, email. Returns the id, or 0 with e set. */
long long award_suggest(db *d, arena *a, const award_suggestion *s, kerr *e);
/* Staff accept (nominated) or decline (declined, with a reason) a pending suggestion; the suggester is emailed
 * in their language when they left an email. K_OK, or K_ERR with e set. */
int award_suggestion_decide(db *d, arena *a, long long id, int accept, const char *reason, const char *actor, kerr *e);
/* Takes a nomination out of an unpublished round (its scores go with it). */
int award_nomination_remove(db *d, long long id, const char *actor, kerr *e);

/* ---- the jury (award_jury.c) ---- */

typedef struct award_conflict {
  long long user_id, deed_id;
  char *juror, *deed_title;
  const char *kind; /* org, coach, declared */
  char *reason, *created_at;
} award_conflict;

typedef struct award_score {
  long long criterion_id;
  int score; /* 1–5; 0 not scored */
  char *comment;
} award_score;

/* Records the conflicts found from the data for every juror and nomination of the round (ON CONFLICT DO NOTHING),
 * each with its reason ("Tuomarin organisaatio on teon organisaatio: X", "Tuomarin valmentajaprofiili Y valmensi
 * organisaatiota X (toteutus REF)"). Called inside the writes that add jurors or nominations, and inside the jury's
 * own writes (scores, declarations, decisions), so that a conflict from data changed meanwhile is recorded too. */
int award_conflicts_record(db *d, long long round_id, kerr *e);
/* 1 when deed_id is hidden from user_id in the round (any kind of conflict, found now or recorded). */
int award_hidden(db *d, long long round_id, long long user_id, long long deed_id);
/* Every conflict of the round (user_id 0) or of one juror: recorded ones and those found from the data now, as
 * viewer_id may see them: 0 (staff) sees all; a juror (the chair) sees their own and no other juror's conflict on a
 * deed hidden from them. */
award_conflict *award_conflicts(db *d, arena *a, long long round_id, long long user_id, long long viewer_id, int *n);
/* A juror declares a conflict on a deed of the round, with a reason (required); their scores of it go. */
int award_conflict_declare(db *d, long long round_id, long long user_id, long long deed_id, const char *reason,
                           kerr *e);

/* The nominations a juror scores: status nominated, of a deed still published, in the juror's categories, none
 * hidden from them. scored gets for each how many criteria the juror has scored (array of *n in arena a, may be
 * NULL). */
award_nomination *award_juror_nominations(db *d, arena *a, long long round_id, long long user_id, const char *lang,
                                          int **scored, int *n);
/* One nomination as a juror may see it: NULL when it is not in their categories, not nominated, its deed unpublished
 * since, or hidden. */
award_nomination *award_juror_nomination(db *d, arena *a, long long nomination_id, long long user_id, const char *lang);
/* One nomination as the chair (viewer_id) or staff (viewer_id 0) may see it for the decision: NULL when it is not
 * nominated, not in a round the viewer chairs, or hidden from the chair (the chair sees no deed unpublished since,
 * staff do). */
award_nomination *award_chair_nomination(db *d, arena *a, long long nomination_id, long long viewer_id,
                                         const char *lang);
/* The juror's scores of a nomination, one per criterion of the round in order (score 0 where none). */
award_score *award_scores_get(db *d, arena *a, long long nomination_id, long long user_id, int *n);
/* Saves a juror's scores (1–5; 0 leaves a criterion unscored) and comments; refused when the nomination is not
 * theirs to see, the jury's last day has passed or the round is published. Fields score_ID, comment_ID. */
int award_scores_save(db *d, arena *a, long long nomination_id, long long user_id, const award_score *s, int n,
                      kerr *e);

/* One score as the figures take it. */
typedef struct award_score_row {
  long long nomination_id, criterion_id, user_id;
  int score;
} award_score_row;

/* A nomination's figures for the chair. */
typedef struct award_standing {
  award_nomination *nom;
  int njurors;   /* jurors who scored it */
  double total;  /* weighted mean of the criteria's mean scores, 1–5 (criteria without scores left out); -1 none */
  double ztotal; /* the same over the jurors' z-scores (each juror's scores in the round standardised by that
                    juror's mean and population standard deviation; 0 when all theirs are equal) */
  double *mean;  /* per criterion of the round, in order: the mean score, -1 when none */
  int *spread;   /* per criterion: highest minus lowest juror score (0 when fewer than two) */
  int disagree;  /* 1 when some spread >= AWARD_DISAGREE */
} award_standing;

/* The figures from scores alone, for the unit tests and award_standings: fills st[i] for each of the nnom
 * nomination ids (nom left NULL) from rows, with ncrit criteria (ids and weights) in order. Memory in arena a. */
void award_figures(arena *a, const award_score_row *rows, int nrows, const long long *crit_id, const int *weight,
                   int ncrit, const long long *nom_id, int nnom, award_standing *st);
/* The chair's table: every nominated nomination of the round with its figures, by category then ztotal best
 * first; a chair (viewer_id) sees none hidden from them nor any whose deed was unpublished since (viewer_id 0:
 * staff see all). In arena a. */
award_standing *award_standings(db *d, arena *a, long long round_id, long long viewer_id, const char *lang, int *n);
/* A juror's comment on a nomination as the chair reads it: the criterion, the score that went with it and the
 * words, without the juror's name (the chair weighs what was said). */
typedef award_score award_comment; /* a juror's comment, with the criterion and the score it came with */
/* The non-empty comments on a nomination by criterion order, then score (best first), for the chair (viewer_id) or
 * staff (0); none from a juror the deed is hidden from. NULL (and *n 0) when award_chair_nomination gives NULL. */
award_comment *award_comments(db *d, arena *a, long long nomination_id, long long viewer_id, int *n);
/* The chair (viewer_id) or staff (viewer_id 0) decide: result "award", "mention" or NULL (undecided) with a
 * citation (Finnish required for a result; at most AWARD_MAX_TEXT each). Refused for a deed hidden from the chair
 * and once the round is published. Fields result, citation, citation_sv, citation_en. */
int award_decide(db *d, arena *a, long long nomination_id, long long viewer_id, const char *result,
                 const char *const citation[3], const char *actor, kerr *e);

/* ---- published results (award_public.c) ---- */

typedef struct award_win {
  long long nomination_id, deed_id, category_id;
  int year;
  tr category;
  const char *result; /* award or mention */
  char *deed_title, *organisation;
  tr citation;
  char *citations[3]; /* fi, sv, en as stored ('' when not translated), for the API */
} award_win;

/* Publishes a round (every decided nomination needs a Finnish citation; at least one decision) or takes it back.
 * The first publishing emails the contacts of the winning deeds' organisations (and sets notified_at), in the same
 * transaction. Audited. */
int award_publish(db *d, arena *a, long long round_id, int on, const char *actor, kerr *e);
/* The published rounds, newest first (nawards, nmentions set). */
award_round *award_published_rounds(db *d, arena *a, const char *lang, int *n);
/* A published round's awards and mentions, by category order, awards before mentions, then title. */
award_win *award_round_wins(db *d, arena *a, long long round_id, const char *lang, int *n);
/* A deed's awards and mentions in published rounds, newest first. */
award_win *award_deed_wins(db *d, arena *a, long long deed_id, const char *lang, int *n);

#endif
