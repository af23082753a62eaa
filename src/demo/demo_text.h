/* demo_text: internal to the demo builder: a seeded PRNG, Finnish names and the phrase banks that write deeds. */
#ifndef KEHTO_DEMO_TEXT_H
#define KEHTO_DEMO_TEXT_H
#include <stdint.h>

#include "core/buf.h"
#include "model/deed.h"

/* splitmix64: tiny, fast and the same on every platform, so a seed always gives the same demo. */
typedef struct demo_rng {
  uint64_t s;
} demo_rng;

uint64_t demo_rng_next(demo_rng *r);
/* Returns an integer in [0, n); n must be > 0. */
int demo_rng_below(demo_rng *r, int n);
/* Returns an integer in [lo, hi]. */
int demo_rng_range(demo_rng *r, int lo, int hi);
/* Returns 1 with probability pct/100. */
int demo_rng_chance(demo_rng *r, int pct);

/* Titles already given, so that a demo repeats a title only when it runs out of combinations. */
typedef struct demo_titles {
  char **v;
  int n, cap;
} demo_titles;
void demo_titles_free(demo_titles *t);

/* A workplace unit in the three forms the templates need: {N} nominative, {G} genitive, {L} where (locative). */
typedef struct demo_unit {
  const char *nom, *gen, *loc;
} demo_unit;

/* One kind of development deed. Templates take the slots {N} {G} {L} (unit), {P} 10–45, {H} 70–95, {K} 12–40,
 * {S} 2–9, {V} 3–6 and {W} 2–9 in words (numbers fixed per deed), {Y} the year before the deed's year, {R} a job title
 * of the sector (nominative) and {M} (the municipality in the locative). */
typedef struct demo_idea {
  const char *titles[6]; /* NULL-terminated when fewer */
  const char *summary, *start, *goal, *actions, *result;
  const char *themes;
  unsigned units; /* bit i: unit i fits; 0: every unit fits */
  int customers;  /* 1: customers usually take part */
} demo_idea;

typedef struct demo_bank {
  const char *code;
  const demo_unit *units;
  int nunits;
  const demo_idea *ideas;
  int nideas;
  const char *const *roles; /* job titles of the sector, nominative: who is quoted */
  int nroles;
} demo_bank;

/* The banks, one per sector (demo_bank.c). */
extern const demo_bank demo_banks[];
extern const int demo_nbanks;

/* Sector codes in the order of the demo's sector bit masks (demo.c). */
extern const char *const demo_sector_codes[];
extern const int demo_nsectors;

/* Appends lower-case ASCII for an email local part: ä→a, ö→o, å→a; other bytes dropped. */
void demo_email_part(buf *b, const char *s);

/* A made-up person: "Etunimi Sukunimi" and "etunimi.sukunimi@example.fi". Both malloc'd; caller frees. */
void demo_text_person(demo_rng *r, char **name, char **email);

/* Writes the texts of one deed of the given sector code into x: title, summary, starting_point, goal, actions,
 * participants, results, themes and service (in arena a). place_loc is the deed's municipality
 * in the locative ("Tampereella") or NULL when not known; year is the deed's year. Unknown sectors are a bug (assert).
 */
void demo_text_deed(demo_rng *r, arena *a, const char *sector, const char *place_loc, int year, demo_titles *seen,
                    deed *x);

#endif
