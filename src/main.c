/* main: the kehto command table (name, handler, usage, one-line help) and the argument parser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "cli.h"
#include "core/buf.h"
#include "model/refdata.h"
#include "search/cli_search.h"

#define EXIT_USAGE 2

typedef int (*cmd_fn)(const cli_args *a);

typedef struct command {
  const char *name;    /* one or two words: "init", "import deeds" */
  cmd_fn fn;
  int min_pos, max_pos; /* positional arguments allowed */
  const char *options; /* space-separated; a trailing '=' takes a value: "db= json limit=" */
  const char *usage;
  const char *help;
} command;

static int cmd_help(const cli_args *a);
static int cmd_init(const cli_args *a);
static int cmd_backup(const cli_args *a);
static int cmd_version(const cli_args *a);

static const command commands[] = {
    {"help", cmd_help, 0, 0, "", "kehto help", "list the commands"},
    {"version", cmd_version, 0, 0, "", "kehto version", "print the version and schema version"},
    {"init", cmd_init, 0, 0, "db=", "kehto init [--db FILE]", "create the database and load reference data"},
    {"backup", cmd_backup, 1, 1, "db=", "kehto backup FILE [--db FILE]", "write an online backup of the database"},
    {"search", cli_search, 1, 1, "db= json limit=", "kehto search QUERY [--db FILE] [--json] [--limit N]",
     "search the published deeds, best first"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage_all(FILE *f) {
  fprintf(f, "Kehto: a work-life development programme in one program.\n\nUsage:\n");
  for (size_t i = 0; i < NCOMMANDS; i++) fprintf(f, "  %-52s %s\n", commands[i].usage, commands[i].help);
  fprintf(f, "\nThe database defaults to $KEHTO_DB or ./kehto.db.\n");
}

static int cmd_help(const cli_args *a) {
  (void)a;
  usage_all(stdout);
  return 0;
}

static int cmd_version(const cli_args *a) {
  (void)a;
  printf("kehto 0.1 (schema %d, SQLite %s)\n", db_schema_version(), sqlite3_libversion());
  return 0;
}

static int cmd_init(const cli_args *a) {
  db *d = cli_open_db(a, 1);
  if (!d) return 1;
  kerr e = {0};
  int rc = refdata_load(d, &e);
  if (rc != K_OK) fprintf(stderr, "kehto: %s\n", e.msg);
  else printf("Database %s is ready (schema %d).\n", cli_db_path(a), db_schema_version());
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}

static int cmd_backup(const cli_args *a) {
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  kerr e = {0};
  int rc = db_backup(d, a->pos[0], &e);
  if (rc != K_OK) fprintf(stderr, "kehto: %s\n", e.msg);
  else printf("Backup written to %s\n", a->pos[0]);
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
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
      char name[64];
      const char *eq = strchr(s + 2, '=');
      size_t n = eq ? (size_t)(eq - s - 2) : strlen(s + 2);
      if (n >= sizeof name) return usage_error(c, "unknown option ", s);
      memcpy(name, s + 2, n);
      name[n] = 0;
      int takes = 0;
      if (!option_allowed(c, name, &takes)) return usage_error(c, "unknown option ", s);
      if (a.nopt == CLI_MAX_OPT) return usage_error(c, "too many options at ", s);
      const char *val = NULL;
      if (takes) {
        if (eq) val = eq + 1;
        else if (i + 1 < argc) val = argv[++i];
        else return usage_error(c, "this option needs a value: ", s);
      } else if (eq) {
        return usage_error(c, "this option takes no value: ", s);
      }
      a.opt[a.nopt].name = strdup(name);
      a.opt[a.nopt].value = val;
      a.nopt++;
    } else {
      if (a.npos == CLI_MAX_POS || a.npos >= c->max_pos) return usage_error(c, "unexpected argument: ", s);
      a.pos[a.npos++] = s;
    }
  }
  if (a.npos < c->min_pos) return usage_error(c, "missing argument", "");
  int rc = c->fn(&a);
  for (int i = 0; i < a.nopt; i++) free((char *)a.opt[i].name);
  return rc;
}
