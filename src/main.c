/* main: the kehto command table (name, handler, usage, one-line help) and the argument parser. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "cli/cli.h"
#include "cli/backup.h"
#include "cli/people.h"
#include "cli/routes.h"
#include "core/buf.h"
#include "import/import.h"
#include "model/org.h"
#include "model/password.h"
#include "demo/demo.h"
#include "model/refdata.h"
#include "model/user.h"
#include "web/client.h"
#include "web/web.h"
#include "cli/search.h"
#include "report/export.h"

#define EXIT_USAGE 2
#define SERVE_USAGE                                                                                                    \
  "kehto serve [--db FILE] [--port N] [--bind ADDR] [--base-url URL] [--trusted-proxy ADDR] [--insecure-cookies]"
#define USER_ADD_USAGE "kehto user add EMAIL --role admin|staff|contact [--org ID|Y-TUNNUS]"

typedef int (*cmd_fn)(const cli_args *a);

typedef struct command {
  const char *name; /* one or two words: "init", "import deeds" */
  cmd_fn fn;
  int min_pos, max_pos; /* positional arguments allowed */
  const char *options;  /* space-separated; a trailing '=' takes a value: "db= json limit=" */
  const char *usage;
  const char *help;
} command;

static int cmd_help(const cli_args *a);
static int cmd_init(const cli_args *a);
static int cmd_demo(const cli_args *a);
static int cmd_version(const cli_args *a);
static int cmd_serve(const cli_args *a);
static int cmd_user_add(const cli_args *a);
static int cmd_user_list(const cli_args *a);
static int cmd_import_deeds(const cli_args *a);

static const command commands[] = {
    {"help", cmd_help, 0, 0, "", "kehto help", "list the commands"},
    {"version", cmd_version, 0, 0, "", "kehto version", "print the version and schema version"},
    {"init", cmd_init, 0, 0, "db=", "kehto init [--db FILE]", "create the database and load reference data"},
    {"serve", cmd_serve, 0, 0,
     "db= port= bind= threads= base-url= trusted-proxy= insecure-cookies secure-cookies quiet no-cache", SERVE_USAGE,
     "serve the web site (default 127.0.0.1:8080)"},
    {"user add", cmd_user_add, 1, 1, "db= role= org=", USER_ADD_USAGE,
     "create an account; password from stdin, or generated and printed once"},
    {"user list", cmd_user_list, 0, 0, "db=", "kehto user list [--db FILE]", "list the accounts"},
    {"demo", cmd_demo, 0, 0, "db= seed=", "kehto demo [--db FILE] [--seed N]",
     "fill a new database with a made-up demo programme (same seed, same data)"},
    {"backup", cli_backup, 1, 1, "db= keep=", "kehto backup FILE [--db FILE] [--keep N]",
     "write a compacted online backup to FILE, keeping N copies (default 7: FILE, FILE.1 … FILE.6)"},
    {"import deeds", cmd_import_deeds, 1, 1, "db= progress", "kehto import deeds FILE.csv [--db FILE] [--progress]",
     "import development deeds from CSV as published, all rows or none"},
    {"import participants", cli_import_participants, 1, 1, "db= progress",
     "kehto import participants FILE.csv [--db FILE] [--progress]",
     "import people, their participations and ESF records from CSV, all rows or none"},
    {"import attendance", cli_import_attendance, 1, 1, "db= progress",
     "kehto import attendance FILE.csv [--db FILE] [--progress]",
     "import session attendance from CSV, all rows or none"},
    {"person export", cli_person_export, 1, 1, "db=", "kehto person export EMAIL [--db FILE]",
     "print everything kept about a person as JSON (audited)"},
    {"person erase", cli_person_erase, 1, 1, "db= yes", "kehto person erase EMAIL [--db FILE] --yes",
     "erase a person's name, email, occupation and birth date, keeping anonymous counts (audited)"},
    {"routes", cli_routes, 0, 0, "", "kehto routes", "list the web routes: method, path, who may use it, csrf, cache"},
    {"search", cli_search, 1, CLI_MAX_POS, "db= json limit=", "kehto search QUERY [--db FILE] [--json] [--limit N]",
     "search the published deeds, best first"},
    {"stats", report_cli, 0, 0, "db= format= table= output= period=",
     "kehto stats [--db FILE] --format csv|xlsx|json [--table NAME] [--output FILE] [--period ID]",
     "print the statistics tables (all numbers, no suppression); xlsx needs --output"},
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

static int cmd_version(const cli_args *a) {
  (void)a;
  printf("kehto 0.1 (schema %d, %s)\n", db_schema_version(), db_engine_version());
  return 0;
}

static int cmd_init(const cli_args *a) {
  db *d = cli_open_db(a, 1);
  if (!d) return 1;
  kerr e = {0};
  int rc = refdata_load(d, &e);
  if (rc != K_OK)
    fprintf(stderr, "kehto: %s\n", e.msg);
  else
    printf("Database %s is ready (schema %d).\n", cli_db_path(a), db_schema_version());
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}

/* The base URL for absolute links: --base-url, else http://BIND:PORT (for 0.0.0.0 the machine's host name). Sets
 * cfg->base_url (malloc'd, lives as long as the server) and returns 1, or prints why not and returns 0. */
static int serve_base_url(const cli_args *a, web_config *cfg) {
  const char *given = cli_opt(a, "base-url");
  if (given) {
    cfg->base_url = client_base_url(given);
    if (!cfg->base_url)
      fprintf(stderr,
              "kehto: --base-url needs http:// or https://, a host and an optional port, no path (such as "
              "https://kehto.example.fi), not '%s'\n",
              given);
    return cfg->base_url != NULL;
  }
  char host[256];
  if (strcmp(cfg->bind, "0.0.0.0") != 0 || gethostname(host, sizeof host) != 0)
    snprintf(host, sizeof host, "%s", cfg->bind);
  host[sizeof host - 1] = 0;
  buf b = BUF_INIT;
  buf_printf(&b, "http://%r:%d", host, cfg->port);
  cfg->base_url = client_base_url(b.data);
  buf_free(&b);
  if (!cfg->base_url) cfg->base_url = util_strdup("http://127.0.0.1");
  return 1;
}

/* Cookies are Secure unless the site is served on a loopback address without an https base URL or a trusted proxy
 * in front (development, the tests), or --insecure-cookies says so. Sets cfg->secure_cookies and returns 1, or prints why not and returns 0. */
static int serve_cookies(const cli_args *a, web_config *cfg) {
  int https = strncmp(cfg->base_url, "https://", 8) == 0;
  int insecure = cli_opt(a, "insecure-cookies") != NULL;
  if (insecure && (https || cli_opt(a, "secure-cookies"))) {
    fprintf(stderr, "kehto: --insecure-cookies cannot go with %s\n",
            https ? "an https:// --base-url (a browser would send the session over plain HTTP)" : "--secure-cookies");
    return 0;
  }
  /* --secure-cookies, from before Secure was the default, still forces it on loopback too */
  /* a trusted proxy serves the users (over TLS, docs/deployment.md), so loopback says nothing about them */
  int local = client_is_loopback(cfg->bind) && !cfg->trusted_proxy;
  cfg->secure_cookies = https || cli_opt(a, "secure-cookies") || !(insecure || local);
  return 1;
}

static int cmd_serve(const cli_args *a) {
  web_config cfg = {0};
  cfg.db_path = cli_db_path(a);
  cfg.bind = cli_opt(a, "bind") ? cli_opt(a, "bind") : "127.0.0.1";
  long long port = 8080, threads = 2 * sysconf(_SC_NPROCESSORS_ONLN);
  if (threads < 4) threads = 4;
  if (cli_opt(a, "port") && util_parse_int(cli_opt(a, "port"), 1, 65535, &port) != K_OK) {
    fprintf(stderr, "kehto: --port needs a number from 1 to 65535\nusage: %s\n", SERVE_USAGE);
    return EXIT_USAGE;
  }
  if (cli_opt(a, "threads") && util_parse_int(cli_opt(a, "threads"), 1, 256, &threads) != K_OK) {
    fprintf(stderr, "kehto: --threads needs a number from 1 to 256\n");
    return EXIT_USAGE;
  }
  cfg.port = (int)port;
  cfg.threads = (int)threads;
  cfg.trusted_proxy = cli_opt(a, "trusted-proxy");
  struct in_addr proxy;
  if (cfg.trusted_proxy && inet_pton(AF_INET, cfg.trusted_proxy, &proxy) != 1) {
    fprintf(stderr, "kehto: --trusted-proxy needs the proxy's IPv4 address such as 127.0.0.1, not '%s'\n",
            cfg.trusted_proxy);
    return EXIT_USAGE;
  }
  cfg.quiet = cli_opt(a, "quiet") != NULL;
  cfg.no_cache = cli_opt(a, "no-cache") != NULL;
  int rc = EXIT_USAGE;
  if (!serve_base_url(a, &cfg) || !serve_cookies(a, &cfg)) {
    /* said why */
  } else if (access(cfg.db_path, F_OK) != 0) {
    fprintf(stderr, "kehto: no database at %s (create one with: kehto init --db %s)\n", cfg.db_path, cfg.db_path);
    rc = 1;
  } else {
    web_set_secure_cookies(cfg.secure_cookies);
    web_set_base_url(cfg.base_url);
    rc = web_serve(&cfg);
  }
  free((char *)cfg.base_url);
  return rc;
}

static int cmd_user_add(const cli_args *a) {
  const char *role = cli_opt(a, "role");
  if (!role || !user_role_valid(role)) {
    fprintf(stderr, "kehto: --role must be admin, staff or contact\nusage: %s\n", USER_ADD_USAGE);
    return EXIT_USAGE;
  }
  const char *org_arg = cli_opt(a, "org");
  int contact = strcmp(role, "contact") == 0;
  if (contact && (!org_arg || !*org_arg)) {
    fprintf(stderr, "kehto: a contact account needs --org ID or Y-tunnus\nusage: %s\n", USER_ADD_USAGE);
    return EXIT_USAGE;
  }
  if (!contact && org_arg) {
    fprintf(stderr, "kehto: --org is only for contact accounts (%s has no organisation)\n", role);
    return EXIT_USAGE;
  }
  char pw[1024] = "";
  int generated = 0;
  if (isatty(STDIN_FILENO)) {
    generated = 1;
  } else if (!fgets(pw, sizeof pw, stdin) || !*util_trim(pw)) {
    generated = 1;
  }
  for (int tries = 0; generated && tries < 100; tries++) { /* 96 random bits; the check cannot refuse them for long */
    util_random_hex(pw, 12);
    if (password_check(pw, a->pos[0], NULL) == K_OK) break;
  }
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  long long org_id = 0;
  if (contact && util_parse_int(org_arg, 1, 1LL << 53, &org_id) != K_OK) org_id = org_find(d, org_arg);
  org *o = org_id ? org_get(d, org_id) : NULL;
  int org_known = o != NULL;
  org_free(o);
  if (contact && !org_known) {
    fprintf(stderr, "kehto: no organisation '%s' in the registry (give its id or Y-tunnus)\n", org_arg);
    sodium_memzero(pw, sizeof pw);
    db_close(d);
    return 1;
  }
  kerr e = {0};
  long long id = user_add(d, a->pos[0], role, pw, org_id, &e);
  if (!id && e.field && !strcmp(e.field, "password") && i18n_init(NULL) == K_OK) /* password_check's words in English */
    fprintf(stderr, "kehto: %s\n", i18n_get("en", e.msg));
  else if (!id)
    fprintf(stderr, "kehto: %s\n", e.msg);
  else if (generated)
    printf("Created %s (%s). Password (shown once): %s\n", a->pos[0], role, pw);
  else
    printf("Created %s (%s).\n", a->pos[0], role);
  sodium_memzero(pw, sizeof pw);
  kerr_clear(&e);
  db_close(d);
  return id ? 0 : 1;
}

static void print_user(void *arg, long long id, const char *email, const char *role, const char *created) {
  (void)arg;
  printf("%-6lld %-40s %-8s %s\n", id, email, role, created);
}

static int cmd_user_list(const cli_args *a) {
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  printf("%-6s %-40s %-8s %s\n", "id", "email", "role", "created");
  user_each(d, print_user, NULL);
  db_close(d);
  return 0;
}

/* Progress goes to stderr when it is a terminal or --progress is given; a pipe or log gets only the result. */
static int cmd_import_deeds(const cli_args *a) {
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  kerr e = {0};
  import_stats st;
  int progress = cli_opt(a, "progress") != NULL || isatty(STDERR_FILENO);
  int rc = import_deeds(d, a->pos[0], progress, &st, &e);
  if (rc != K_OK) {
    fprintf(stderr, "kehto: %s\nNothing was imported.\n", e.msg);
  } else {
    printf("Imported %ld deed%s from %s\n", st.imported, st.imported == 1 ? "" : "s", a->pos[0]);
    if (st.cp1252) fprintf(stderr, "kehto: note: %s is not UTF-8; it was read as Windows-1252\n", a->pos[0]);
    if (progress)
      fprintf(stderr, "import: %ld rows in %.1f s (%.0f rows/s), %ld linked to registry organisations\n", st.rows,
              (double)st.ms / 1000.0, st.ms ? (double)st.rows * 1000.0 / (double)st.ms : 0.0, st.linked);
  }
  kerr_clear(&e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}

static int cmd_demo(const cli_args *a) {
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
           "%d people in %d participations, %d ESF participant records (seed %lld).\n",
           sum.orgs, sum.deeds, sum.first_year, sum.last_year, sum.periods, sum.goals, sum.partners,
           sum.programme.services, sum.programme.coaches, sum.programme.deliveries, sum.programme.sessions,
           sum.programme.applications, sum.programme.people, sum.programme.participations, sum.programme.esf_starts,
           seed);
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
