/* cli: parsed command-line arguments shared by the command handlers in main.c and elsewhere. */
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

#endif
