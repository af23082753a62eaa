/* cli/survey_answer: `kehto survey invite|remind|close-series`: invitations with personal links, reminders, and closing
 * a series (its pairing key deleted), as the survey's invitation page does them; audited as 'cli'. */
#include "cli/cli.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "model/seckey.h"
#include "model/survey_answer.h"

/* The master key of --secret-file (else $KEHTO_SECRET_FILE, else beside the database): read, or created 0600.
 * Prints why not and returns K_ERR. */
static int cli_secret(const cli_args *a, unsigned char key[SECKEY_LEN]) {
  char path[4096];
  seckey_path(cli_opt(a, "secret-file"), cli_db_path(a), path, sizeof path);
  kerr e = {0};
  int rc = seckey_load(path, key, &e);
  if (rc != K_OK) fprintf(stderr, "kehto: %s\n", e.msg);
  kerr_clear(&e);
  return rc;
}

/* The survey named by a->pos[0]: its id, or its key. Prints why not and returns 0. */
static void print_link(void *arg, const char *email, const char *link) {
  (void)arg;
  printf("%s\t%s\n", email, link);
}

static void progress(void *arg, int done, int total) {
  fprintf(stderr, "%s: %d/%d\n", (const char *)arg, done, total);
}

/* Fills s from the options shared by invite and remind. */
static void send_opts(const cli_args *a, survey_send *s, const char *what) {
  s->link = cli_opt(a, "print-links") ? print_link : NULL;
  s->progress = isatty(STDERR_FILENO) || cli_opt(a, "progress") ? progress : NULL;
  s->arg = (void *)what;
  s->actor = "cli";
}

/* The master key, the database and the survey of the command's argument, for invite and remind. Returns the
 * survey's id with *d open, or 0 (why printed; *d NULL, the key wiped). */
static long long open_survey(const cli_args *a, unsigned char key[SECKEY_LEN], db **d) {
  *d = NULL;
  if (cli_secret(a, key) != K_OK) return 0;
  long long id = (*d = cli_open_db(a, 0)) ? cli_survey_find(*d, a->pos[0]) : 0;
  if (!id) {
    sodium_memzero(key, SECKEY_LEN);
    if (*d) db_close(*d);
    *d = NULL;
  }
  return id;
}

int cli_survey_invite(const cli_args *a) {
  const char *delivery = cli_opt(a, "delivery"), *service = cli_opt(a, "service"), *period = cli_opt(a, "period");
  if ((delivery != NULL) + (service != NULL) + (period != NULL) != 1) {
    fprintf(stderr, "kehto: give exactly one of --delivery, --service and --period\nusage: %s\n", SURVEY_INVITE_USAGE);
    return EXIT_USAGE;
  }
  const char *lang = cli_opt(a, "lang");
  if (lang && strcmp(lang, "fi") && strcmp(lang, "sv") && strcmp(lang, "en")) {
    fprintf(stderr, "kehto: --lang is fi, sv or en, not '%s'\n", lang);
    return EXIT_USAGE;
  }
  survey_send s = {.lang = lang};
  send_opts(a, &s, "invite");
  long long n = 0;
  if ((service || period) && util_parse_int(service ? service : period, 1, 1LL << 53, &n) != K_OK) {
    fprintf(stderr, "kehto: --%s needs the id of a %s\n", service ? "service" : "period",
            service ? "service" : "funding period");
    return EXIT_USAGE;
  }
  unsigned char key[SECKEY_LEN];
  db *d;
  long long id = open_survey(a, key, &d);
  if (!id) return 1;
  int rc = 1;
  s.by = delivery ? SURVEY_BY_DELIVERY : service ? SURVEY_BY_SERVICE : SURVEY_BY_PERIOD;
  s.id = delivery ? survey_delivery_find(d, delivery) : n;
  kerr e = {0};
  int invited = 0, skipped = 0;
  if (delivery && !s.id)
    fprintf(stderr, "kehto: no delivery '%s' (give its ref or id)\n", delivery);
  else if (survey_invite(d, key, id, &s, &invited, &skipped, &e) != K_OK)
    fprintf(stderr, "kehto: %s\nNobody was invited.\n", e.msg);
  else {
    fprintf(s.link ? stderr : stdout, "Invited %d %s%s", invited, invited == 1 ? "person" : "people",
            s.link ? " (links printed, no email)" : " (emails queued; a running kehto serve --smtp sends them)");
    fprintf(s.link ? stderr : stdout, "; %d invited before, skipped\n", skipped);
    rc = 0;
  }
  kerr_clear(&e);
  sodium_memzero(key, sizeof key);
  db_close(d);
  return rc;
}

int cli_survey_remind(const cli_args *a) {
  survey_send s = {0};
  send_opts(a, &s, "remind");
  unsigned char key[SECKEY_LEN];
  db *d;
  long long id = open_survey(a, key, &d);
  if (!id) return 1;
  int rc = 1;
  kerr e = {0};
  int n = 0;
  if (survey_remind(d, key, id, &s, &n, &e) != K_OK)
    fprintf(stderr, "kehto: %s\nNobody was reminded.\n", e.msg);
  else {
    fprintf(s.link ? stderr : stdout, "Reminded %d %s not answered%s\n", n,
            n == 1 ? "person who has" : "people who have", s.link ? " (links printed, no email)" : " (emails queued)");
    rc = 0;
  }
  kerr_clear(&e);
  sodium_memzero(key, sizeof key);
  db_close(d);
  return rc;
}

int cli_survey_close_series(const cli_args *a) {
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  kerr e = {0};
  int rc = survey_series_close(d, a->pos[0], "cli", &e);
  if (rc == K_OK)
    printf("Closed the series %s: its pairing key is deleted; its surveys take no more invitations or answers\n",
           a->pos[0]);
  else
    fprintf(stderr, "kehto: %s\n", e.msg);
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}
