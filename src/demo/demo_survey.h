/* demo_survey: internal to the demo builder: the evaluation's surveys and answers (see demo_survey.c). */
#ifndef KEHTO_DEMO_SURVEY_H
#define KEHTO_DEMO_SURVEY_H
#include "db/db.h"
#include "demo/demo_text.h"

typedef struct demo_survey_summary {
  int surveys, invitations, responses, pairs;
} demo_survey_summary;

/* Adds the surveys with their invitations and answers to a demo programme whose deliveries and people exist (inside
 * the demo's transaction). Returns K_OK, or K_ERR with e set. */
int demo_surveys(db *d, demo_rng *r, demo_survey_summary *s, kerr *e);

#endif
