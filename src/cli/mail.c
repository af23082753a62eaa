/* cli/mail: `kehto mail list|retry|test`: the outbox from a shell; a running `kehto serve --smtp` sends it. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "model/outbox.h"

#define MAIL_LIST_MAX 1000 /* rows `kehto mail list` prints, newest first */

int cli_mail_list(const cli_args *a) {
  const char *status = cli_opt(a, "status");
  if (status && !outbox_status_valid(status)) {
    fprintf(stderr, "kehto: --status must be queued, sending, sent or failed\nusage: kehto mail list [--status S]\n");
    return EXIT_USAGE;
  }
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  arena mem = {0};
  int n = 0;
  outbox_msg *v = outbox_list(d, &mem, status, MAIL_LIST_MAX, 0, &n);
  for (int i = 0; i < n; i++) {
    char created[21], sent[21];
    outbox_time_iso(v[i].created_at, created);
    outbox_time_iso(v[i].sent_at, sent);
    /* one message a line, tab-separated: id, status, attempts, created, sent, kind, recipient, subject, last error */
    printf("%lld\t%s\t%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", v[i].id, v[i].status, v[i].attempts, created, *sent ? sent : "-",
           v[i].kind, v[i].recipient, v[i].subject, *v[i].last_error ? v[i].last_error : "-");
  }
  long long total = outbox_count(d, status);
  if (total > n) fprintf(stderr, "kehto: the newest %d of %lld messages listed\n", n, total);
  arena_free(&mem);
  db_close(d);
  return 0;
}

int cli_mail_retry(const cli_args *a) {
  long long id = 0;
  if (util_parse_int(a->pos[0], 1, 1LL << 53, &id) != K_OK) {
    fprintf(stderr, "kehto: ID must be a message number from kehto mail list\nusage: kehto mail retry ID\n");
    return EXIT_USAGE;
  }
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  kerr e = {0};
  int rc = outbox_retry(d, id, &e);
  if (rc != K_OK)
    fprintf(stderr, "kehto: message %lld: %s\n", id,
            strstr(e.msg, "outbox:") == e.msg ? e.msg : "no such message waiting or failed (a sent one stays sent)");
  else
    printf("message %lld queued again\n", id);
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}

int cli_mail_test(const cli_args *a) {
  const char *to = a->pos[0];
  if (!util_email_valid(to)) {
    fprintf(stderr, "kehto: '%s' is not an email address\nusage: kehto mail test ADDRESS\n", to);
    return EXIT_USAGE;
  }
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  kerr e = {0};
  long long id = outbox_add(d, "test", to, "fi", "Kehto: testiviesti – sähköposti toimii",
                            "Tämä on Kehdon testiviesti. Jos luet tätä, sähköpostin lähetys toimii.\n\n"
                            "This is a test message from Kehto: sending email works.\n",
                            "<p>Tämä on Kehdon testiviesti. Jos luet tätä, sähköpostin lähetys toimii.</p>\n"
                            "<p lang=\"en\">This is a test message from Kehto: sending email works.</p>\n",
                            &e);
  if (id)
    printf("message %lld queued for %s; a running kehto serve --smtp sends it (see kehto mail list)\n", id, to);
  else
    fprintf(stderr, "kehto: %s\n", e.msg);
  kerr_clear(&e);
  db_close(d);
  return id ? 0 : 1;
}
