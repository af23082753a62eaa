/* delivery: runs of a service (dates, place or remote, coach, organisations) and their sessions, with the
 * participation counts by role and the attendance count per session (numbers only: names are the people module's). */
#ifndef KEHTO_DELIVERY_H
#define KEHTO_DELIVERY_H
#include "db/db.h"
#include "model/person.h"

#define DELIVERY_MAX_TITLE 200
#define DELIVERY_MAX_REF 64
#define DELIVERY_MAX_PLACE 200
#define DELIVERY_MAX_SESSIONS 500

typedef struct delivery_session {
  long long id;
  int number;
  char *held_on; /* YYYY-MM-DD */
  char *place;
  long long attended; /* attendance rows for the session */
  char *starts_time, *ends_time; /* "HH:MM" Finnish local, or NULL: all day (the events calendar) */
} delivery_session;

/* An organisation taking part. */
typedef struct delivery_org {
  long long id;
  char *name;
} delivery_org;

/* A delivery as entered or read (read: in the arena passed to delivery_get/delivery_list). Dates are ISO when read;
 * when entered they may be Finnish (22.11.2026): delivery_create/update normalise them. */
typedef struct delivery {
  long long id;
  char *ref; /* NULL or "" for none; unique */
  long long service_id;
  char *service_name, *type_code, *type_name, *counts; /* filled when read */
  char *title;
  char *starts_on, *ends_on;
  char *place;
  int remote;
  long long coach_id; /* 0 for none */
  char *coach_name;   /* filled when read */
  long long application_id;
  int in_calendar; /* 1: its sessions are in the public events calendar (/tapahtumat) */
  /* filled by delivery_get */
  delivery_org *orgs;
  int norgs;
  delivery_session *sessions;
  int nsessions;
  long long by_role[PERSON_NROLES]; /* participations by role, in person_role_at order */
  long long participations;         /* all of them (filled by delivery_list too) */
} delivery;

/* Checks every field: service exists, ref unique and at most DELIVERY_MAX_REF characters, title and place lengths,
 * dates (either form) with ends_on >= starts_on, place or remote given, coach exists. One error per bad field in e.
 * Returns K_OK or K_ERR. */
int delivery_validate(db *d, const delivery *x, kerr *e);
/* Validates and inserts; returns the id, or 0 with e set. */
long long delivery_create(db *d, const delivery *x, kerr *e);
/* Validates and updates x->id (not organisations or sessions). Sessions must stay within the new dates.
 * Returns K_OK or K_ERR with e set. */
int delivery_update(db *d, const delivery *x, kerr *e);
/* Reads delivery id with service, coach, organisations, sessions (with attendance counts) and role counts.
 * lang names the service type. In arena a; NULL when none. */
delivery *delivery_get(db *d, arena *a, long long id, const char *lang);
/* Returns 1 when delivery id exists (one cheap query, for checks before a change), else 0. */
int delivery_exists(db *d, long long id);

/* Organisations: add (the org must exist; adding twice is fine) or remove. Return K_OK or K_ERR with e. */
int delivery_org_add(db *d, long long delivery_id, long long org_id, kerr *e);
int delivery_org_remove(db *d, long long delivery_id, long long org_id, kerr *e);

/* Adds a session: number (0: the next free number) unique within the delivery, held_on (either date form) within
 * the delivery's dates, place optional. Returns the session id, or 0 with e naming the field. */
long long delivery_session_add(db *d, long long delivery_id, int number, const char *held_on, const char *place,
                               kerr *e);
/* Changes session session_id of delivery_id with the same rules. Returns K_OK or K_ERR. */
int delivery_session_update(db *d, long long delivery_id, long long session_id, int number, const char *held_on,
                            const char *place, kerr *e);
/* Sets the times of session session_id of delivery_id for the events calendar: start and end typed as 9.30 or 09:30,
 * both empty for an all-day session; the end not before the start. Errors name "starts_time"/"ends_time". Returns K_OK
 * or K_ERR with e. session_id 0 only checks the times (before a session is added or changed). */
int delivery_session_times(db *d, long long delivery_id, long long session_id, const char *starts, const char *ends,
                           kerr *e);
/* Deletes the session and its attendance, writing an audit row by actor for each person whose attendance goes.
 * Returns K_OK, or K_ERR when there is no such session or it could not be deleted. */
int delivery_session_delete(db *d, long long delivery_id, long long session_id, const char *actor, kerr *e);

/* List filter: service type code ("" any), year of starts_on (0 any). */
typedef struct delivery_filter {
  const char *type;
  int year;
} delivery_filter;

long long delivery_count(db *d, const delivery_filter *f);
/* Newest first; fills id, ref, service and type names, title, dates, place, remote, coach name, participations.
 * Returns an array of *n in arena a (never NULL). */
delivery *delivery_list(db *d, arena *a, const delivery_filter *f, const char *lang, int limit, int offset, int *n);
/* A session with what its roll call, QR code and public sign-in page show about it and its delivery. */
typedef struct session_info {
  long long id, delivery_id;
  int number;
  char *held_on;     /* YYYY-MM-DD */
  char *place;       /* the session's place, else the delivery's ("" when remote with none) */
  char *signin_code; /* NULL until made */
  char *counts;      /* the service's: "participant" (ESF) or "attendee" */
  char *title;       /* the delivery's title, else the service's name */
  long long attended;
} session_info;

#define DELIVERY_CODE_LEN 32 /* hex characters of a sign-in code (16 random bytes) */

/* The session id, or NULL. In arena a. */
session_info *delivery_session_get(db *d, arena *a, long long id);
/* The session whose sign-in code is code, or NULL (an old, replaced code finds nothing). In arena a. */
session_info *delivery_session_by_code(db *d, arena *a, const char *code);
/* Gives the session a new random sign-in code (the old one stops working); with renew 0 only when it has none.
 * Writes the code to out. Returns K_OK, or K_ERR with e when there is no such session or storage failed. */
int delivery_session_code(db *d, long long session_id, int renew, char out[DELIVERY_CODE_LEN + 1], kerr *e);

/* Years that deliveries start in, newest first (at most max). Returns how many were written to years. */
int delivery_years(db *d, int *years, int max);

#endif
