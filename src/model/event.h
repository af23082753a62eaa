/* event: the events calendar (issue #15): the programme's webinars and events (title, description in Markdown,
 * Finnish local start and end, place or online address, the service they belong to, published or not, a UID made
 * once and a SEQUENCE bumped on each edit), and the calendar's entries: published events plus one entry for each
 * session of a delivery marked in_calendar (at its times when set, else all day; UID from the session's id). */
#ifndef KEHTO_EVENT_H
#define KEHTO_EVENT_H
#include "db/db.h"
#include "model/tr.h"

#define EVENT_MAX_TITLE 200
#define EVENT_MAX_TEXT 20000
#define EVENT_MAX_PLACE 200
#define EVENT_MAX_URL 500

/* An event as staff enter it (text as typed: Finnish dates 22.11.2026 and times 9.30) or as read. */
typedef struct event {
  long long id;
  char *uid;  /* read: made once when the event is created */
  char *kind; /* "webinar" or "event" */
  char *title, *title_sv, *title_en;
  char *description, *description_sv, *description_en; /* Markdown */
  char *start_date, *start_time, *end_date, *end_time; /* entered; read: Finnish forms of starts_at/ends_at */
  char *starts_at, *ends_at;                           /* read: Finnish local "YYYY-MM-DDTHH:MM" */
  char *place, *online_url;
  long long service_id; /* 0: none */
  int published;        /* entered: 1 publishes (keeps the first publish time), 0 unpublishes */
  /* read */
  char *published_at; /* NULL: not public */
  int sequence;
  char *updated_at;
  tr t_title, t_description; /* in the reader's language, the Finnish standing in for a missing one */
  tr t_service;              /* the service's name ("" when none) */
  int service_open;          /* 1: the service takes applications */
} event;

/* Checks every field (kind, title lengths, dates and times with the end not before the start, place and address
 * lengths, the address http(s)://, the service exists); one error per bad field in e. Returns K_OK or K_ERR. */
int event_validate(db *d, const event *x, kerr *e);
/* Validates and inserts (x->id 0: a new uid is made) or updates x->id (sequence + 1, uid kept); writes an audit row
 * by actor. Returns the id, or 0 with e set (no such event: e without a field). */
long long event_save(db *d, const event *x, const char *actor, kerr *e);
/* Deletes event id and writes an audit row. Returns K_OK, or K_ERR with e when there is none. */
int event_delete(db *d, long long id, const char *actor, kerr *e);
/* Event id read in lang (published or not), or NULL. In arena a. */
event *event_get(db *d, arena *a, long long id, const char *lang);
/* Every event for staff, newest start first. Returns an array of *n in a (never NULL). */
long long event_count(db *d);
event *event_list(db *d, arena *a, const char *lang, int limit, int offset, int *n);

/* One entry of the public calendar: a published event or a session of a delivery in the calendar. */
typedef struct cal_entry {
  long long event_id;   /* the event, or 0 */
  long long session_id; /* the delivery session, or 0 */
  char *uid;            /* the event's stored uid, or "delivery-session-ID@kehto" */
  int sequence;
  char *kind;       /* "webinar", "event" or "delivery" */
  tr title;         /* the event's title, or the delivery's service's name */
  char *subtitle;   /* a delivery's own title ("" for none or an event) */
  tr description;   /* Markdown: the event's, or the service's description */
  char *starts;     /* Finnish local "YYYY-MM-DDTHH:MM" (an all-day entry: "YYYY-MM-DDT00:00") */
  char *ends;       /* "YYYY-MM-DDTHH:MM" (all day: "T23:59") */
  int all_day;      /* 1: a session without times */
  char *place;      /* "" for none */
  char *online_url; /* "" for none */
  long long service_id;
  tr service;
  int service_open;
  char *updated_at; /* UTC */
} cal_entry;

/* What part of the calendar: when 1 upcoming (ending at or after now), -1 past (ended before now), 0 every entry;
 * now is Finnish local "YYYY-MM-DDTHH:MM" (date_now_fi; tests pass their own). */
typedef struct cal_filter {
  int when;
  const char *now;
} cal_filter;

long long event_calendar_count(db *d, const cal_filter *f);
/* Entries in lang: upcoming and every entry by start, past newest first. Returns an array of *n in a (never NULL). */
cal_entry *event_calendar(db *d, arena *a, const cal_filter *f, const char *lang, int limit, int offset, int *n);

#endif
