/* demo_award: internal to the demo builder: the 2019 award round of the deeds library (see demo_award.c). */
#ifndef KEHTO_DEMO_AWARD_H
#define KEHTO_DEMO_AWARD_H
#include "db/db.h"
#include "demo/demo_text.h"

/* What demo_awards wrote. */
typedef struct demo_award_summary {
  int year;
  int nominations; /* status nominated */
  int suggestions; /* public suggestions: accepted ones are among the nominations, the rest declined */
  int jurors, conflicts, scores, awards, mentions;
  int disagreements; /* nominations where jurors' scores on a criterion differ by AWARD_DISAGREE or more */
} demo_award_summary;

/* Adds the published 2019 award round to a demo programme whose published deeds, coaches and deliveries exist
 * (inside the demo's transaction): five categories and four weighted criteria in fi/sv/en, 212 nominated deeds
 * (some from accepted public suggestions, a few suggestions declined), eight jury accounts assigned to categories
 * (one the chair; some work in a nominated deed's organisation or have a coach profile that coached one), the
 * conflicts found from that data and two declared ones, every score of every nomination each juror may see, and
 * 41 decisions (awards and honourable mentions) that follow the jurors' normalised scores, with citations in
 * Finnish, Swedish and English. Deterministic from r. Returns K_OK, or K_ERR with e set. */
int demo_awards(db *d, demo_rng *r, demo_award_summary *s, kerr *e);

#endif
