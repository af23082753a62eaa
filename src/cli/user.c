/* cli/user: `kehto user add`, `kehto user invite` and `kehto user list`: accounts from a shell. */
#include "cli/cli.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "model/mail.h"
#include "model/org.h"
#include "model/password.h"
#include "model/user.h"
#include "web/web.h"

/* The organisation --org names (an id or a Y-tunnus): its id, 0 when org_arg is NULL, -1 (after saying so) when
 * the registry has no such organisation. */
static long long cli_org(db *d, const char *org_arg) {
  if (!org_arg || !*org_arg) return 0;
  long long org_id = 0;
  if (util_parse_int(org_arg, 1, 1LL << 53, &org_id) != K_OK) org_id = org_find(d, org_arg);
  arena mem = {0};
  int known = org_id && org_get(d, &mem, org_id);
  arena_free(&mem);
  if (known) return org_id;
  fprintf(stderr, "kehto: no organisation '%s' in the registry (give its id or Y-tunnus)\n", org_arg);
  return -1;
}

int cli_user_add(const cli_args *a) {
  const char *role = cli_opt(a, "role");
  if (!role || !user_role_valid(role)) {
    fprintf(stderr, "kehto: --role must be admin, staff, evaluator, jury or contact\nusage: %s\n", USER_ADD_USAGE);
    return EXIT_USAGE;
  }
  const char *org_arg = cli_opt(a, "org");
  int contact = strcmp(role, "contact") == 0;
  if (contact && (!org_arg || !*org_arg)) {
    fprintf(stderr, "kehto: a contact account needs --org ID or Y-tunnus\nusage: %s\n", USER_ADD_USAGE);
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
  long long org_id = cli_org(d, org_arg);
  if (org_id < 0) {
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

int cli_user_list(const cli_args *a) {
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  printf("%-6s %-40s %-9s %-11s %s\n", "id", "email", "role", "status", "created");
  for (int offset = 0;; offset += 500) {
    arena mem = {0};
    int n = 0;
    user_row *v = user_list(d, &mem, 500, offset, &n);
    for (int i = 0; i < n; i++)
      printf("%-6lld %-40s %-9s %-11s %s\n", v[i].id, v[i].email, v[i].role,
             !v[i].active   ? "deactivated"
             : v[i].invited ? "invited"
                            : "active",
             v[i].created_at);
    arena_free(&mem);
    if (n < 500) break;
  }
  db_close(d);
  return 0;
}

int cli_user_invite(const cli_args *a) {
  const char *role = cli_opt(a, "role"), *lang = cli_opt(a, "lang"), *coach_arg = cli_opt(a, "coach");
  if (!role || !user_role_valid(role)) {
    fprintf(stderr, "kehto: --role must be admin, staff, evaluator, jury or contact\nusage: %s\n", USER_INVITE_USAGE);
    return EXIT_USAGE;
  }
  if (!strcmp(role, "contact") && !cli_opt(a, "org")) {
    fprintf(stderr, "kehto: a contact account needs --org ID or Y-tunnus\nusage: %s\n", USER_INVITE_USAGE);
    return EXIT_USAGE;
  }
  if (lang && strcmp(lang, "fi") && strcmp(lang, "sv") && strcmp(lang, "en")) {
    fprintf(stderr, "kehto: --lang must be fi, sv or en\nusage: %s\n", USER_INVITE_USAGE);
    return EXIT_USAGE;
  }
  long long coach_id = 0;
  if (coach_arg && util_parse_int(coach_arg, 1, 1LL << 53, &coach_id) != K_OK) {
    fprintf(stderr, "kehto: --coach needs a coach's id (kehto serve: /hallinta/valmentajat)\nusage: %s\n",
            USER_INVITE_USAGE);
    return EXIT_USAGE;
  }
  if (i18n_init(NULL) != K_OK) return 1;
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  long long org_id = cli_org(d, cli_opt(a, "org"));
  if (org_id < 0) {
    db_close(d);
    return 1;
  }
  user_new u = {a->pos[0], role, lang ? lang : "fi", org_id, coach_id};
  kerr e = {0};
  long long id = user_invite(d, &u, "cli", &e);
  if (id) {
    char base[512];
    mail_base_url(d, base, sizeof base);
    printf("Invited %s (%s). The invitation is in the outbox; a running `kehto serve --smtp …` sends it.\n"
           "Its link starts with %s/ (the base URL `kehto serve` last ran with).\n",
           u.email, role, base);
  } else {
    fprintf(stderr, "kehto: %s\n", i18n_get("en", e.msg));
  }
  kerr_clear(&e);
  db_close(d);
  return id ? 0 : 1;
}

/* Opens the database and finds the account named by the command's EMAIL: its id with *d open, or 0 (after saying
 * so) with *d closed. */
static long long cli_account(const cli_args *a, db **d) {
  *d = cli_open_db(a, 0);
  if (!*d) return 0;
  long long id = db_int(*d, 0, "SELECT id FROM user WHERE email = ?1", "t", a->pos[0]);
  if (id) return id;
  fprintf(stderr, "kehto: no account '%s' (kehto user list shows them)\n", a->pos[0]);
  db_close(*d);
  *d = NULL;
  return 0;
}

/* Ends an account command: prints done or the error (in English), closes, returns the exit code. */
static int cli_account_done(db *d, int rc, kerr *e, const char *done, const char *email) {
  if (rc == K_OK)
    printf("%s: %s\n", email, done);
  else
    fprintf(stderr, "kehto: %s\n", i18n_init(NULL) == K_OK ? i18n_get("en", e->msg ? e->msg : "") : e->msg);
  kerr_clear(e);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}

int cli_user_role(const cli_args *a) {
  const char *role = cli_opt(a, "role"), *coach_arg = cli_opt(a, "coach");
  long long coach_id = 0;
  if (!role || !user_role_valid(role) || (coach_arg && util_parse_int(coach_arg, 1, 1LL << 53, &coach_id) != K_OK)) {
    fprintf(stderr, "kehto: --role must be admin, staff, evaluator, jury or contact (--coach a coach's id)\n");
    return EXIT_USAGE;
  }
  db *d;
  long long id = cli_account(a, &d);
  if (!id) return 1;
  long long org_id = cli_org(d, cli_opt(a, "org"));
  if (org_id < 0) {
    db_close(d);
    return 1;
  }
  kerr e = {0};
  return cli_account_done(d, user_update(d, id, role, org_id, coach_id, "cli", &e), &e, role, a->pos[0]);
}

static int set_active(const cli_args *a, int active) {
  db *d;
  long long id = cli_account(a, &d);
  if (!id) return 1;
  kerr e = {0};
  return cli_account_done(d, user_set_active(d, id, active, "cli", &e), &e, active ? "activated" : "deactivated",
                          a->pos[0]);
}

int cli_user_deactivate(const cli_args *a) {
  return set_active(a, 0);
}

int cli_user_activate(const cli_args *a) {
  return set_active(a, 1);
}

int cli_user_resend(const cli_args *a) {
  if (i18n_init(NULL) != K_OK) return 1;
  db *d;
  long long id = cli_account(a, &d);
  if (!id) return 1;
  kerr e = {0};
  return cli_account_done(d, user_invite_resend(d, id, "cli", &e), &e, "a new invitation is in the outbox", a->pos[0]);
}
