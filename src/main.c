/* main: the kehto command table (name, handler, usage, one-line help) and the argument parser. */
#include <stdio.h>
#include <stdlib.h>
#include <sodium.h>
#include <string.h>

#include "cli/cli.h"

typedef struct command {
  const char *name; /* one or two words: "init", "import deeds" */
  cmd_fn fn;
  int min_pos, max_pos; /* positional arguments allowed */
  const char *options;  /* space-separated; a trailing '=' takes a value: "db= json limit=" */
  const char *usage;
  const char *help;
} command;

static int cmd_help(const cli_args *a);

static const command commands[] = {
    {"help", cmd_help, 0, 0, "", "kehto help", "list the commands"},
    {"version", cli_version, 0, 0, "", "kehto version", "print the version and schema version"},
    {"init", cli_init, 0, 0, "db=", "kehto init [--db FILE]", "create the database and load reference data"},
    {"serve", cli_serve, 0, 0,
     "db= port= bind= threads= base-url= trusted-proxy= insecure-cookies secure-cookies quiet no-cache stats-wait= "
     "smtp= smtp-user= smtp-password-file= mail-from= secret-file=",
     SERVE_USAGE, "serve the web site (default 127.0.0.1:8080)"},
    {"user add", cli_user_add, 1, 1, "db= role= org=", USER_ADD_USAGE,
     "create an account; password from stdin, or generated and printed once"},
    {"user list", cli_user_list, 0, 0, "db=", "kehto user list [--db FILE]", "list the accounts"},
    {"user invite", cli_user_invite, 1, 1, "db= role= org= coach= lang=", USER_INVITE_USAGE,
     "invite a person: the account, and an email with a link to set the password (sent by a running server)"},
    {"user role", cli_user_role, 1, 1,
     "db= role= org= coach=", "kehto user role EMAIL --role ROLE [--org ID|Y-TUNNUS] [--coach ID] [--db FILE]",
     "change an account's role, organisation and coach profile"},
    {"user deactivate", cli_user_deactivate, 1, 1, "db=", "kehto user deactivate EMAIL [--db FILE]",
     "deactivate an account: it cannot sign in and its sessions end"},
    {"user activate", cli_user_activate, 1, 1, "db=", "kehto user activate EMAIL [--db FILE]",
     "activate a deactivated account again"},
    {"user resend", cli_user_resend, 1, 1, "db=", "kehto user resend EMAIL [--db FILE]",
     "send an invited account a new invitation link (the older one stops working)"},
    {"demo", cli_demo, 0, 0, "db= seed=", "kehto demo [--db FILE] [--seed N]",
     "fill a new database with a made-up demo programme (same seed, same data)"},
    {"backup", cli_backup, 1, 1, "db= keep=", "kehto backup FILE [--db FILE] [--keep N]",
     "write a compacted online backup to FILE, keeping N copies (default 7: FILE, FILE.1 … FILE.6)"},
    {"copy", cli_copy, 0, 0, "from= to= progress", "kehto copy --from DB --to DB [--progress]",
     "copy an installation into a new database: SQLite to PostgreSQL or back, in one transaction"},
    {"import deeds", cli_import_deeds, 1, 1, "db= progress",
     "kehto import deeds FILE.csv|FILE.xlsx [--db FILE] [--progress]",
     "import development deeds from CSV or XLSX as published, all rows or none"},
    {"import participants", cli_import_participants, 1, 1, "db= progress",
     "kehto import participants FILE.csv|FILE.xlsx [--db FILE] [--progress]",
     "import people, their participations and ESF records from CSV or XLSX, all rows or none"},
    {"import attendance", cli_import_attendance, 1, 1, "db= progress",
     "kehto import attendance FILE.csv|FILE.xlsx [--db FILE] [--progress]",
     "import session attendance from CSV or XLSX, all rows or none"},
    {"import costs", cli_import_costs, 1, 1, "db= progress",
     "kehto import costs FILE.csv|FILE.xlsx [--db FILE] [--progress]",
     "import the ledger's cost lines from CSV or XLSX, all rows or none"},
    {"survey import", cli_survey_import, 1, 1, "db=", "kehto survey import FILE.json|- [--db FILE]",
     "add a survey from its JSON definition (README, \"Surveys\"); prints its id"},
    {"survey export", cli_survey_export, 1, 1, "db=", "kehto survey export ID|KEY [--db FILE]",
     "print a survey's definition as JSON"},
    {"survey list", cli_survey_list, 0, 0, "db=", "kehto survey list [--db FILE]",
     "list the surveys with their schedule, invitations and answers"},
    {"survey results", cli_survey_results, 1, 1, "db= format= output= lang= audience=",
     "kehto survey results ID|KEY --format json|csv|csv-comma|xlsx|sav [--output FILE] [--lang fi|sv|en] "
     "[--audience staff|evaluator|public] [--db FILE]",
     "a survey's results: per question, distributions, breakdowns, response rates (staff: every figure; "
     "evaluator/public: suppressed as /tilastot); sav: the answers for SPSS with labels"},
    {"survey pairs", cli_survey_pairs, 1, 1, "db= format= output= lang= audience=",
     "kehto survey pairs SERIES --format json|csv|csv-comma|xlsx [--output FILE] [--lang fi|sv|en] "
     "[--audience staff|evaluator|public] [--db FILE]",
     "a series' paired before/after change per item with the Wilcoxon signed-rank test"},
    {"person export", cli_person_export, 1, 1, "db=", "kehto person export EMAIL [--db FILE]",
     "print everything kept about a person as JSON (audited)"},
    {"person erase", cli_person_erase, 1, 1, "db= yes", "kehto person erase EMAIL [--db FILE] --yes",
     "erase a person's name, email, occupation and birth date, keeping anonymous counts (audited)"},
    {"mail list", cli_mail_list, 0, 0, "db= status=",
     "kehto mail list [--db FILE] [--status queued|sending|sent|failed]", "list the outbox, newest first"},
    {"mail retry", cli_mail_retry, 1, 1, "db=", "kehto mail retry ID [--db FILE]",
     "queue a failed message again, to be sent at once"},
    {"mail test", cli_mail_test, 1, 1, "db=", "kehto mail test ADDRESS [--db FILE]",
     "queue a short test message to ADDRESS (a running kehto serve --smtp sends it)"},
    {"survey invite", cli_survey_invite, 1, 1, "db= secret-file= delivery= service= period= print-links lang= progress",
     SURVEY_INVITE_USAGE,
     "invite the participants of a delivery, service or funding period to a survey by email with personal links, "
     "once each (or print EMAIL<TAB>LINK lines)"},
    {"survey remind", cli_survey_remind, 1, 1, "db= secret-file= print-links progress",
     "kehto survey remind ID [--print-links] [--db FILE] [--secret-file PATH]",
     "email the invited who have not answered again, with the same link"},
    {"survey close-series", cli_survey_close_series, 1, 1, "db=", "kehto survey close-series SERIES [--db FILE]",
     "close a survey series: delete its pairing key, so its answers can no longer be tied to anyone"},
    {"award publish", cli_award_publish, 1, 1, "db= undo", AWARD_PUBLISH_USAGE,
     "publish a year's award round (--undo takes it back); the first publishing emails the winners' contacts"},
    {"routes", cli_routes, 0, 0, "", "kehto routes", "list the web routes: method, path, who may use it, csrf, cache"},
    {"search", cli_search, 1, CLI_MAX_POS, "db= json limit= lang=", "kehto search QUERY|- [--db FILE] [--json] [--limit N] [--lang fi|sv|en]",
     "search the published deeds, best first (-: one query per line of stdin; with --json one JSON array per line)"},
    {"report", cli_report, 1, 1, "db= format= year= lang= output=", REPORT_USAGE,
     "the annual report of a year or the final report, from the texts of /hallinta/raportit, as PDF (A4, contents, "
     "bookmarks, charts) or printable HTML; stdout without --output"},
    {"stats", cli_stats, 0, 0, "db= format= table= output= period= lang=",
     "kehto stats [--db FILE] --format csv|csv-comma|xlsx|json [--table NAME] [--output FILE] [--period ID] "
     "[--lang fi|sv|en]",
     "print the statistics tables (all numbers, no suppression): csv for Finnish Excel (';', BOM, decimal comma, "
     "the period, date and rule on top), csv-comma for programs (',', '.', header and data only); xlsx needs "
     "--output"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage_all(FILE *f) {
  fprintf(f, "Kehto: a work-life development programme in one program.\n\nUsage:\n");
  for (size_t i = 0; i < NCOMMANDS; i++) {
    if (strlen(commands[i].usage) > 52)
      fprintf(f, "  %s\n  %-52s %s\n", commands[i].usage, "", commands[i].help);
    else
      fprintf(f, "  %-52s %s\n", commands[i].usage, commands[i].help);
  }
  fprintf(f, "\nThe database defaults to $KEHTO_DB or ./kehto.db.\n");
}

static int cmd_help(const cli_args *a) {
  (void)a;
  usage_all(stdout);
  return 0;
}

/* Returns 1 if name is in the command's option list; *takes_value says whether it needs a value. */
static int option_allowed(const command *c, const char *name, int *takes_value) {
  size_t n = strlen(name);
  for (const char *p = c->options; *p;) {
    while (*p == ' ') p++;
    const char *w = p;
    while (*p && *p != ' ') p++;
    size_t len = (size_t)(p - w);
    int val = len > 0 && w[len - 1] == '=';
    if (val) len--;
    if (len == n && strncmp(w, name, n) == 0) {
      *takes_value = val;
      return 1;
    }
  }
  return 0;
}

static const command *find_command(int argc, char **argv, int *used) {
  /* two-word commands ("import deeds") win over one-word ones */
  for (size_t i = 0; i < NCOMMANDS; i++) {
    const char *sp = strchr(commands[i].name, ' ');
    if (sp && argc >= 2 && strncmp(argv[0], commands[i].name, (size_t)(sp - commands[i].name)) == 0 &&
        argv[0][sp - commands[i].name] == 0 && strcmp(argv[1], sp + 1) == 0) {
      *used = 2;
      return &commands[i];
    }
  }
  for (size_t i = 0; i < NCOMMANDS; i++) {
    if (strcmp(argv[0], commands[i].name) == 0) {
      *used = 1;
      return &commands[i];
    }
  }
  return NULL;
}

static int usage_error(const command *c, const char *what, const char *arg) {
  fprintf(stderr, "kehto: %s%s\nusage: %s\n", what, arg, c->usage);
  return EXIT_USAGE;
}

int main(int argc, char **argv) {
  if (sodium_init() < 0) {
    fprintf(stderr, "kehto: libsodium failed to start\n");
    return 1;
  }
  if (argc < 2) {
    usage_all(stderr);
    return EXIT_USAGE;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) return cmd_help(NULL);
  int used = 0;
  const command *c = find_command(argc - 1, argv + 1, &used);
  if (!c) {
    /* "kehto import" or "kehto user frob": name the commands that start with that word */
    size_t n = strlen(argv[1]);
    int partial = 0;
    for (size_t i = 0; i < NCOMMANDS; i++)
      if (strncmp(commands[i].name, argv[1], n) == 0 && commands[i].name[n] == ' ') {
        if (!partial++) fprintf(stderr, "kehto: '%s' needs one more word:\n", argv[1]);
        fprintf(stderr, "usage: %s\n", commands[i].usage);
      }
    if (partial) return EXIT_USAGE;
    fprintf(stderr, "kehto: unknown command '%s'\n\n", argv[1]);
    usage_all(stderr);
    return EXIT_USAGE;
  }
  cli_args a = {0};
  for (int i = 1 + used; i < argc; i++) {
    const char *s = argv[i];
    if (strcmp(s, "--help") == 0) {
      printf("usage: %s\n%s\n", c->usage, c->help);
      return 0;
    }
    if (s[0] == '-' && s[1] == '-' && s[2]) {
      char name[sizeof a.opt[0].name];
      const char *eq = strchr(s + 2, '=');
      size_t n = eq ? (size_t)(eq - s - 2) : strlen(s + 2);
      if (n >= sizeof a.opt[0].name) return usage_error(c, "unknown option ", s);
      memcpy(name, s + 2, n);
      name[n] = 0;
      int takes = 0;
      if (!option_allowed(c, name, &takes)) return usage_error(c, "unknown option ", s);
      if (a.nopt == CLI_MAX_OPT) return usage_error(c, "too many options at ", s);
      const char *val = NULL;
      if (takes) {
        if (eq)
          val = eq + 1;
        else if (i + 1 < argc)
          val = argv[++i];
        else
          return usage_error(c, "this option needs a value: ", s);
      } else if (eq) {
        return usage_error(c, "this option takes no value: ", s);
      }
      snprintf(a.opt[a.nopt].name, sizeof a.opt[a.nopt].name, "%s", name);
      a.opt[a.nopt].value = val;
      a.nopt++;
    } else {
      if (a.npos == CLI_MAX_POS || a.npos >= c->max_pos) return usage_error(c, "unexpected argument: ", s);
      a.pos[a.npos++] = s;
    }
  }
  if (a.npos < c->min_pos) return usage_error(c, "missing argument", "");
  int rc = c->fn(&a);
  return rc;
}
