/* award: `kehto award publish YEAR [--undo]`: publishes an award round from a shell (the staff page's button does
 * the same), emailing the winning organisations' contacts the first time. */
#include <stdio.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "model/award.h"

int cli_award_publish(const cli_args *a) {
  long long year;
  if (util_parse_int(a->pos[0], 2000, 2100, &year) != K_OK) {
    fprintf(stderr, "kehto: the year must be a number from 2000 to 2100\nusage: %s\n", AWARD_PUBLISH_USAGE);
    return EXIT_USAGE;
  }
  if (i18n_init(NULL) != K_OK) return 1; /* the messages in the contacts' languages */
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  arena mem = {0};
  kerr e = {0};
  int on = !cli_opt(a, "undo"), rc = K_ERR;
  award_round *r = award_round_by_year(d, &mem, (int)year, "fi");
  const char *count = "SELECT count(*) FROM outbox WHERE kind = 'award-won'";
  long long before = db_int(d, 0, count, "");
  if (!r)
    kerr_set(&e, NULL, "Vuoden %lld palkintokierrosta ei ole.", year);
  else
    rc = award_publish(d, &mem, r->id, on, "cli", &e);
  if (rc == K_OK && on)
    printf("Published the award round %lld; %lld messages to the winning organisations' contacts queued\n", year,
           db_int(d, 0, count, "") - before);
  else if (rc == K_OK)
    printf("Took the award round %lld back: it is no longer public\n", year);
  else
    for (kerr *k = &e; k && k->msg; k = k->next) fprintf(stderr, "kehto: %s\n", k->msg);
  kerr_clear(&e);
  arena_free(&mem);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}
