/* cli/db: `kehto init`, `kehto demo` and `kehto version`: creating, filling and naming the database. */
#include "cli/cli.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "demo/demo.h"
#include "model/refdata.h"

int cli_version(const cli_args *a) {
  (void)a;
  printf("kehto 0.1 (schema %d, %s)\n", db_schema_version(), db_engine_version());
  return 0;
}

int cli_init(const cli_args *a) {
  db *d = cli_open_db(a, 1);
  if (!d) return 1;
  kerr e = {0};
  int rc = refdata_load(d, &e);
  if (rc != K_OK) {
    fprintf(stderr, "kehto: %s\n", e.msg);
  } else {
    char *label = db_label(cli_db_path(a));
    printf("Database %s is ready (schema %d).\n", label, db_schema_version());
    free(label);
  }
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}

int cli_demo(const cli_args *a) {
  long long seed = DEMO_DEFAULT_SEED;
  const char *s = cli_opt(a, "seed");
  if (s && util_parse_int(s, 0, 9223372036854775807LL, &seed) != K_OK) {
    fprintf(stderr, "kehto: --seed must be a whole number 0 or more, not '%s'\n", s);
    return EXIT_USAGE;
  }
  db *d = cli_open_db(a, 1);
  if (!d) return 1;
  kerr e = {0};
  demo_summary sum = {0};
  int rc = demo_build(d, (uint64_t)seed, &sum, &e);
  if (rc != K_OK)
    fprintf(stderr, "kehto: %s\n", e.msg);
  else
    printf("Demo programme created: %d organisations, %d deeds (%d–%d), %d funding periods, %d goals, "
           "%d partners and funders; %d services, %d coaches, %d deliveries with %d sessions, %d applications, "
           "%d people in %d participations, %d ESF participant records; %d surveys with %d invitations, %d answers "
           "and %d before/after pairs; the %d award round with %d nominations, %d jurors, %d conflicts of interest, "
           "%d scores and %d awards and %d honourable mentions; a ledger of %d cost lines (seed %lld).\n",
           sum.orgs, sum.deeds, sum.first_year, sum.last_year, sum.periods, sum.goals, sum.partners,
           sum.programme.services, sum.programme.coaches, sum.programme.deliveries, sum.programme.sessions,
           sum.programme.applications, sum.programme.people, sum.programme.participations, sum.programme.esf_starts,
           sum.evaluation.surveys, sum.evaluation.invitations, sum.evaluation.responses, sum.evaluation.pairs,
           sum.awards.year, sum.awards.nominations, sum.awards.jurors, sum.awards.conflicts, sum.awards.scores,
           sum.awards.awards, sum.awards.mentions, sum.cost_lines, seed);
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}
