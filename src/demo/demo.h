/* demo: `kehto demo` builds a realistic, made-up Kunteko 2020 style programme for trying Kehto out. */
#ifndef KEHTO_DEMO_H
#define KEHTO_DEMO_H
#include <stdint.h>

#include "db/db.h"
#include "demo/demo_award.h"
#include "demo/demo_services.h"
#include "demo/demo_survey.h"

#define DEMO_DEFAULT_SEED 2020u

/* What demo_build wrote. */
typedef struct demo_summary {
  int orgs, deeds, periods, goals, partners;
  int first_year, last_year;
  demo_services_summary programme; /* services, coaches, deliveries, people, ESF records, applications */
  demo_survey_summary evaluation;  /* surveys, invitations, answers, before/after pairs */
  demo_award_summary awards;       /* the 2019 award round */
  int cost_lines;                  /* the ledger's lines (demo_budget.h) */
} demo_summary;

/* Builds the demo programme into d, deterministically from seed: the programme frame (marked demo), funding
 * periods, goals, partners and funders, about 250 organisations in all regions and about 670 published deeds
 * over 2015–2020, and the programme in action (demo_services.h): service offerings, coaches, about 250 deliveries,
 * about 10,000 people with participations, attendance and ESF records, applications in every status, targets,
 * and the published 2019 award round with its jury and scores (demo_award.h), and the budget with its ledger
 * (demo_budget.h). Loads the reference data first if
 * regions are missing. Everything else is written in one transaction: on error nothing is
 * written. Refuses (K_ERR, e says why) when the database already has organisations, deeds, funding periods or partners.
 * Fills *out (may be NULL) on success. */
int demo_build(db *d, uint64_t seed, demo_summary *out, kerr *e);

#endif
