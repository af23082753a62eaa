/* coach: coach and trainer profiles (the programme's tendered providers): expertise themes, regions, languages. */
#ifndef KEHTO_COACH_H
#define KEHTO_COACH_H
#include "db/db.h"

#define COACH_MAX_NAME 200
#define COACH_MAX_COMPANY 200
#define COACH_MAX_BIO 2000

/* A profile as entered or read (strings in the arena passed to coach_get/coach_list). email is for staff only:
 * public pages never show it. */
typedef struct coach {
  long long id;
  char *name, *company, *bio;
  char *languages; /* comma list of fi, sv, en (at least one) */
  char *email;     /* "" or a valid address */
  int active;
  char *themes;       /* comma list of theme names */
  char *regions;      /* comma list of region NUTS codes (FI1B1,…) */
  char *region_names; /* filled when read: names in the reader's language, comma separated */
} coach;

/* Checks every field; adds one error per bad field to e (e->field names it). Returns K_OK or K_ERR. */
int coach_validate(db *d, const coach *c, kerr *e);
/* Validates and inserts with themes and regions. Returns the id, or 0 with e set. */
long long coach_create(db *d, const coach *c, kerr *e);
/* Validates and updates c->id with themes and regions. Returns K_OK or K_ERR with e set. */
int coach_update(db *d, const coach *c, kerr *e);
/* Reads coach id into arena a (region names in lang: "sv" Swedish, else Finnish). NULL when none. */
coach *coach_get(db *d, arena *a, long long id, const char *lang);

/* Filters: theme name, region code, language code ("" or NULL any); only_active for the public list. */
typedef struct coach_filter {
  const char *theme, *region, *language;
  int only_active;
} coach_filter;

long long coach_count(db *d, const coach_filter *f);
/* Matching coaches by name, rows offset..offset+limit-1. Returns an array of *n in arena a (never NULL). */
coach *coach_list(db *d, arena *a, const coach_filter *f, const char *lang, int limit, int offset, int *n);

/* Theme names linked to active coaches (for the public filter), by name: an array of *n strings in arena a. */
char **coach_themes(db *d, arena *a, int *n);

#endif
