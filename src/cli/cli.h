/* cli: the command handlers (one file per command family in src/cli/; main.c holds only the table) and the parsed
 * arguments they share. A handler returns the exit code: 0 done, 1 error (message on stderr), 2 wrong usage. */
#ifndef KEHTO_CLI_H
#define KEHTO_CLI_H

#include "db/db.h"

#define CLI_MAX_POS 8
#define CLI_MAX_OPT 16

typedef struct cli_args {
  int npos;
  const char *pos[CLI_MAX_POS]; /* positional arguments after the command words */
  int nopt;
  struct {
    char name[32];     /* without the leading dashes */
    const char *value; /* NULL for a flag */
  } opt[CLI_MAX_OPT];
} cli_args;

/* Returns the value of --name, "" for a flag that is present, or NULL when absent. */
const char *cli_opt(const cli_args *a, const char *name);
/* The database path: --db, else $KEHTO_DB, else ./kehto.db. */
const char *cli_db_path(const cli_args *a);
/* Opens the database for a command; prints the error and returns NULL on failure. */
db *cli_open_db(const cli_args *a, int create);
/* Writes b to path, or to stdout when path is NULL; returns the exit status (1 with the reason on stderr). */
struct buf;
int cli_write_out(const char *path, const struct buf *b);

#define EXIT_USAGE 2
#define SERVE_USAGE                                                                                                    \
  "kehto serve [--db FILE] [--port N] [--bind ADDR] [--base-url URL] [--trusted-proxy ADDR] [--insecure-cookies]"      \
  " [--smtp smtp://HOST:PORT] [--smtp-user USER] [--smtp-password-file FILE] [--mail-from ADDRESS]"                    \
  " [--secret-file PATH]"
#define USER_ADD_USAGE "kehto user add EMAIL --role admin|staff|evaluator|jury|contact [--org ID|Y-TUNNUS]"
#define USER_INVITE_USAGE                                                                                              \
  "kehto user invite EMAIL --role admin|staff|evaluator|jury|contact [--org ID|Y-TUNNUS] [--coach ID] [--lang "        \
  "fi|sv|en]"

typedef int (*cmd_fn)(const cli_args *a);

/* ---- the commands, by file ---- */

/* db.c: `kehto version`, `kehto init` (database and reference data), `kehto demo [--seed N]` */
int cli_version(const cli_args *a);
int cli_init(const cli_args *a);
int cli_demo(const cli_args *a);

/* serve.c: `kehto serve` */
int cli_serve(const cli_args *a);

/* user.c: `kehto user add EMAIL --role R [--org ORG]` (password from stdin, or generated and printed once) and
 * `kehto user list` */
int cli_user_add(const cli_args *a);
int cli_user_list(const cli_args *a);
/* `kehto user invite EMAIL --role R [--org ORG] [--coach ID] [--lang L]`: the account and its invitation email, as
 * the admin page makes them */
int cli_user_invite(const cli_args *a);
/* `kehto user role|deactivate|activate|resend EMAIL`: what the admin's account page does */
int cli_user_role(const cli_args *a);
int cli_user_deactivate(const cli_args *a);
int cli_user_activate(const cli_args *a);
int cli_user_resend(const cli_args *a);

/* import.c: `kehto import deeds FILE.csv` */
int cli_import_deeds(const cli_args *a);

/* report.c: `kehto report annual|final --format pdf|html`: the narrative reports */
#define REPORT_USAGE                                                                                                   \
  "kehto report annual|final --format pdf|html [--year YEAR] [--lang fi|sv] [--output FILE] [--db FILE]"
int cli_report(const cli_args *a);

/* stats.c: `kehto stats --format csv|xlsx|json` */
int cli_stats(const cli_args *a);

/* backup.c */
/* Copies kept by `kehto backup` without --keep: FILE and FILE.1 … FILE.6, a week of daily backups. */
enum { BACKUP_KEEP = 7, BACKUP_KEEP_MAX = 1000 /* the largest --keep */ };

/* `kehto backup FILE [--keep N]`: writes a compacted copy of the database (db_backup) to FILE.new, moves the older
 * copies one up (FILE → FILE.1 … FILE.(N-1); the oldest is deleted), renames FILE.new to FILE, then erases in the
 * older copies the people erased since they were written (person_erase_again). Returns the exit code: 0 done,
 * 1 error (message on stderr; an error before the rename leaves the copies as they were), 2 wrong usage. */
int cli_backup(const cli_args *a);

/* copy.c: `kehto copy --from DB --to DB [--progress]`: every table from one database into a new one (SQLite or
 * PostgreSQL, either way) in one transaction on the target, rows counted on both sides, search rebuilt there.
 * Returns 0 done, 1 error (nothing written), 2 wrong usage. */
int cli_copy(const cli_args *a);

/* survey.c: `kehto survey import FILE.json|-`, `kehto survey export ID|KEY`, `kehto survey list` */
int cli_survey_import(const cli_args *a);
int cli_survey_export(const cli_args *a);
int cli_survey_list(const cli_args *a);
/* A survey by id or key; prints why not and returns 0 when there is none. For the survey commands. */
long long cli_survey_find(db *d, const char *ref);
/* survey_results.c: `kehto survey results ID|KEY`, `kehto survey pairs SERIES`: 0 done, 1 error, 2 wrong usage. */
int cli_survey_results(const cli_args *a);
int cli_survey_pairs(const cli_args *a);

/* people.c: `kehto import participants|attendance FILE.csv`, `kehto person export|erase EMAIL` */
/* Each returns the process exit code: 0 done, 1 data or storage error (message on stderr), 2 wrong usage. */
int cli_import_participants(const cli_args *a);
int cli_import_attendance(const cli_args *a);
int cli_import_costs(const cli_args *a);
int cli_person_export(const cli_args *a);
int cli_person_erase(const cli_args *a);

/* mail.c: `kehto mail list [--status S]`, `kehto mail retry ID`, `kehto mail test ADDRESS` (the outbox from a
 * shell; a running `kehto serve --smtp` sends what is queued). Each returns 0 done, 1 error (message on stderr),
 * 2 wrong usage. */
int cli_mail_list(const cli_args *a);
int cli_mail_retry(const cli_args *a);
int cli_mail_test(const cli_args *a);

/* survey_answer.c: `kehto survey invite ID --delivery REF|--service ID|--period ID [--print-links] [--lang L]`,
 * `kehto survey remind ID [--print-links]`, `kehto survey close-series SERIES` (ID: a survey's id or key). The
 * master key comes from --secret-file (model/seckey.h). Each returns 0 done, 1 error (message on stderr), 2 wrong
 * usage. */
#define SURVEY_INVITE_USAGE                                                                                            \
  "kehto survey invite ID --delivery REF|--service ID|--period ID [--print-links] [--lang fi|sv|en] [--db FILE] "      \
  "[--secret-file PATH]"
int cli_survey_invite(const cli_args *a);
int cli_survey_remind(const cli_args *a);
int cli_survey_close_series(const cli_args *a);

/* award.c: `kehto award publish YEAR [--undo]`: publishes (or takes back) a year's award round through
 * award_publish; the first publishing emails the winning organisations' contacts. 0 done, 1 error, 2 wrong usage. */
#define AWARD_PUBLISH_USAGE "kehto award publish YEAR [--undo] [--db FILE]"
int cli_award_publish(const cli_args *a);

/* routes.c */
/* Prints the web route table in dispatch order, one route a line: method, pattern (parameters as {name}), the roles
 * that may use it joined by ',' (public, contact, staff, admin), then "csrf" or "-", then "cache" or "-", separated
 * by one space. Returns 0. */
int cli_routes(const cli_args *a);

/* search.c */
/* Prints the published deeds that match a->pos[0], best first: one tab-separated line per hit (id, year,
 * title, organisation, municipality) or with --json an array of objects (id, ref, title, organisation,
 * municipality, year, snippet as HTML with <mark>). Returns the exit code: 0 ok, 1 database error,
 * 2 bad --limit (with usage on stderr). */
int cli_search(const cli_args *a);

#endif
