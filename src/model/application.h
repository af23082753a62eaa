/* application: organisations apply for sparraus and training; staff approve (a delivery is made) or reject with a
 * reason; the applicant may cancel; every status change is kept with who and when. */
#ifndef KEHTO_APPLICATION_H
#define KEHTO_APPLICATION_H
#include "db/db.h"
#include "model/user.h"

#define APP_MAX_NEED 4000   /* characters in the need; the message in application.c carries the number */
#define APP_MAX_DATES 500   /* characters in the proposed dates */
#define APP_MAX_THEMES 500  /* characters in the comma list of themes */
#define APP_MAX_REASON 2000 /* characters in a rejection reason */
#define APP_MAX_COUNT 10000 /* people in one role */

/* One status change: status, reason, actor email (or "cli"), time (ISO UTC), and the actor's role (admin, staff,
 * contact, or "" for the command line or a removed account). */
typedef struct app_event {
  char *status, *reason, *actor, *at, *actor_role;
} app_event;

/* An application as entered or read (read: strings and events in the arena passed to app_get/app_list). */
typedef struct application {
  long long id;
  long long service_id;
  long long org_id;                                    /* a contact's own organisation is used whatever is given */
  long long user_id;                                   /* who applied (filled when read) */
  long long preferred_coach_id;                        /* 0: none */
  char *need;                                          /* in the applicant's own words */
  char *themes;                                        /* comma list of theme names */
  char *proposed_dates;                                /* free text */
  int n_johto, n_esihenkilo, n_tyontekija, n_edustaja; /* -1: not a number (the form could not read it) */
  /* filled when read */
  char *status; /* submitted, approved, rejected, cancelled */
  char *reason;
  char *service_name, *service_type, *org_name, *coach_name, *created_at, *updated_at;
  long long delivery_id;                 /* the delivery made on approval, or 0 */
  char *delivery_starts, *delivery_ends; /* its dates (YYYY-MM-DD), or NULL */
  app_event *events;                     /* oldest first (app_get only) */
  int nevents;
} application;

/* Returns 1 when a service of type code is applied for with an application (sparraus, valmennus). */
int app_service_type_ok(const char *type_code);

/* Checks every rule and collects every error on e (one per field, e->field names it; Finnish messages marked for
 * translation). u is who applies: a contact applies for its own organisation, staff for any. Returns K_OK or K_ERR. */
int app_validate(db *d, const application *a, const user_info *u, kerr *e);
/* Validates, then stores the application as submitted with its themes and the first history row, in one
 * transaction. Returns the new id, or 0 with e set. */
long long app_create(db *d, const application *a, const user_info *u, kerr *e);

/* What a list shows: org_id 0 means every organisation; status NULL or "" means any. */
typedef struct app_filter {
  long long org_id;
  const char *status;
} app_filter;

/* Returns 1 when s is one of the four statuses. */
int app_status_valid(const char *s);
long long app_count(db *d, const app_filter *f);
/* Counts the applications of org_id (0: every organisation) by status in one query: counts[i] for statuses[i] (n of
 * them; 0 for a status with none). Returns the total over every status. */
long long app_count_by_status(db *d, long long org_id, const char *const *statuses, int n, long long *counts);
/* Newest first, rows offset..offset+limit-1, with service and organisation names, status and dates (no history).
 * Returns an array of *n in arena a (never NULL). */
application *app_list(db *d, arena *a, const app_filter *f, int limit, int offset, int *n);

/* Reads application id with its themes, names, delivery and status history into arena a. NULL when there is none. */
application *app_get(db *d, arena *a, long long id);

#define APP_COACH_NONE (-1) /* app_approve: the delivery has no coach */

/* Approves a submitted application: starts_on and ends_on (YYYY-MM-DD or 22.11.2026) are required; coach_id 0
 * means the preferred coach, APP_COACH_NONE none. In one transaction the application becomes approved, a delivery of
 * its service is made with the dates, the coach and the organisation (delivery_org), and the history row is written.
 * Returns the delivery id, or 0 with e set (fields starts_on, ends_on, coach_id, or none when it is no longer
 * submitted). */
long long app_approve(db *d, long long id, const char *starts_on, const char *ends_on, long long coach_id,
                      const user_info *u, kerr *e);
/* Rejects a submitted application; reason is required. Returns K_OK or K_ERR with e set. */
int app_reject(db *d, long long id, const char *reason, const user_info *u, kerr *e);
/* Cancels a submitted application; only its applicant (the user who applied, or a contact of its organisation).
 * Returns K_OK or K_ERR with e set. */
int app_cancel(db *d, long long id, const user_info *u, kerr *e);

/* Returns 1 when u may see application a: staff, or a contact of its organisation. */
int app_visible_to(const application *a, const user_info *u);
/* Returns 1 when u may cancel a now (submitted, and u applied or is a contact of its organisation). */
int app_cancellable_by(const application *a, const user_info *u);

/* Choices for the form: open services one applies for, and active coaches. Each row is (id, name); returns an
 * array of *n in arena a. */
typedef struct app_choice {
  long long id;
  char *name;
} app_choice;
/* Open services in lang (the Finnish where not translated). */
app_choice *app_open_services(db *d, arena *a, const char *lang, int *n);
app_choice *app_active_coaches(db *d, arena *a, int *n);
/* Every organisation by name (staff choose the applicant). */
app_choice *app_orgs(db *d, arena *a, int *n);
/* The theme names as one comma list (for the form's hint), in arena a; "" when there are none. */
char *app_theme_names(db *d, arena *a);

#endif
