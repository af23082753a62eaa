/* programme: the programme frame (name, description, demo flag, funding periods, goals, partners and funders). */
#ifndef KEHTO_PROGRAMME_H
#define KEHTO_PROGRAMME_H
#include "core/arena.h"
#include "db/db.h"
#include "model/tr.h"

#define PROGRAMME_MAX_NAME 200         /* characters in a name or short name */
#define PROGRAMME_MAX_DESCRIPTION 5000 /* characters in the description */
#define PROGRAMME_MAX_GOAL 500         /* characters in one goal */
#define PROGRAMME_MAX_GOALS 20
#define PROGRAMME_MIN_YEAR 2000
#define PROGRAMME_MAX_YEAR 2100

/* A funding period, e.g. "1. rahoituskausi" 2015–2017 with ESF project code "S20190". Strings owned by the holder. */
typedef struct programme_period {
  long long id; /* 0 for a new period */
  char *name;
  int start_year, end_year;
  char *esf_code;          /* "" when the period has no ESF project */
  char *name_sv, *name_en; /* translations, NULL or "" when there are none */
  tr shown;                /* when read: the name in the reader's language (programme_get) */
} programme_period;

/* A partner (runs the programme with us) or a funder. Strings owned by the holder. */
typedef struct programme_partner {
  long long id; /* 0 for a new partner */
  char *name;
  char *kind;   /* "partner" or "funder" */
  char *url;    /* "" or an http(s) address */
  int position; /* display order within its kind, smallest first */
} programme_partner;

/* The whole frame as read. Every string and array is in the arena passed to programme_get.
 * Strings are never NULL ("" when the programme has not been set up). */
typedef struct programme {
  int configured;                        /* 1 when the programme row exists */
  char *name, *short_name, *description; /* Finnish, as stored */
  char *name_sv, *name_en, *short_name_sv, *short_name_en, *description_sv, *description_en; /* "" untranslated */
  tr t_name, t_short_name, t_description; /* in the language given to programme_get */
  int demo;
  programme_period *periods; /* ordered by start year */
  int nperiods;
  char **goals, **goals_sv, **goals_en; /* ordered by position; translations "" when missing */
  tr *t_goals;                          /* in the language given to programme_get */
  int ngoals;
  programme_partner *partners; /* partners first, then funders, each by position */
  int npartners;
} programme;

/* Reads the frame (7 queries) into arena a, every text as stored in the three languages and (t_*, shown) in lang
 * ("fi", "sv", "en"; NULL: Finnish) with the Finnish standing in for a missing translation. Never NULL (aborts only
 * on out-of-memory). */
programme *programme_get(db *d, arena *a, const char *lang);

/* What every page's frame shows (layout.c): names, the demo flag, and the partners' and funders' names, read in one
 * query. Allocated in a (never NULL); strings are never NULL ("" when the programme has not been set up). */
typedef struct programme_frame {
  tr name, short_name; /* in the language asked for */
  int demo;
  struct programme_frame_partner {
    const char *name, *kind; /* kind "partner" or "funder" */
  } * partners;              /* partners first, then funders, each by position (as programme_get) */
  int npartners;
  struct programme_frame_page {
    const char *slug; /* at /SLUG for Kehto's own pages (sitepage_builtin), else /sivu/SLUG */
    tr title;         /* in the language asked for */
  } * pages;          /* the programme's pages in the main menu, in menu order (model/sitepage.c) */
  int npages;
} programme_frame;

programme_frame *programme_frame_get(db *d, arena *a, const char *lang);

/* Sets name, short name and description, creating the programme row if needed; keeps the demo flag.
 * name and short_name are required. Returns K_OK, or K_ERR with e naming the field (Finnish message). */
int programme_update(db *d, const char *name, const char *short_name, const char *description, kerr *e);

/* Sets the Swedish (lang "sv") or English ("en") name, short name and description ("" leaves one untranslated).
 * Needs the programme row. Returns K_OK, or K_ERR with e naming the field (name_sv, short_name_en, …). */
int programme_translate(db *d, const char *lang, const char *name, const char *short_name, const char *description,
                        kerr *e);

/* Sets the demo flag (1: the data is made up and pages say so). Needs the programme row: K_ERR with e otherwise. */
int programme_set_demo(db *d, int demo, kerr *e);

/* Returns 1 when the programme row exists and is marked as demo data, else 0. */
int programme_is_demo(db *d);

/* Replaces all goals with goals[0..n-1] in that order (1 to PROGRAMME_MAX_GOALS, each non-empty). Validates all
 * first and writes inside a savepoint, so it works inside or outside a caller's transaction: all or nothing.
 * Returns K_OK, or K_ERR with e (field "goals") saying which goal is wrong. */
int programme_set_goals(db *d, const char *const *goals, int n, kerr *e);

/* Sets the Swedish ("sv") or English ("en") text of the goals in position order: texts[i] for the i+1th goal ("" leaves
 * it untranslated), the goals after n untranslated. n may not exceed the goals stored. Returns K_OK, or K_ERR with e
 * (field "goals_sv" or "goals_en"). */
int programme_translate_goals(db *d, const char *lang, const char *const *texts, int n, kerr *e);

/* Checks a period: name non-empty, years within PROGRAMME_MIN_YEAR..PROGRAMME_MAX_YEAR, end >= start, ESF code
 * empty or letters, digits and '-' (at most 20), and no overlap with another stored period (p->id excluded).
 * Returns K_OK, or K_ERR with e naming the field. */
int programme_period_validate(db *d, const programme_period *p, kerr *e);
/* Validates and inserts; returns the new id, or 0 with e set. */
long long programme_period_add(db *d, const programme_period *p, kerr *e);
/* Validates and updates period p->id; K_ERR with e when invalid or when there is no such period. */
int programme_period_update(db *d, const programme_period *p, kerr *e);
/* Deletes period id; K_ERR with e when there is no such period. */
int programme_period_delete(db *d, long long id, kerr *e);

/* Checks a partner: name non-empty, kind "partner" or "funder", url empty or http(s)://…, position >= 0.
 * Returns K_OK, or K_ERR with e naming the field. */
int programme_partner_validate(const programme_partner *p, kerr *e);
/* Validates and inserts; returns the new id, or 0 with e set. */
long long programme_partner_add(db *d, const programme_partner *p, kerr *e);
/* Validates and updates partner p->id; K_ERR with e when invalid or when there is no such partner. */
int programme_partner_update(db *d, const programme_partner *p, kerr *e);
/* Deletes partner id; K_ERR with e when there is no such partner. */
int programme_partner_delete(db *d, long long id, kerr *e);

#endif
