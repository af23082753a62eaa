/* cli/serve: `kehto serve`: the web server's options (port, bind address, base URL, proxy, cookies, mail). */
#include "cli/cli.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "mail/smtp.h"
#include "model/seckey.h"
#include "model/user.h"
#include "report/narrative.h"
#include "web/client.h"
#include "web/web.h"

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
 * in front (development, the tests), or --insecure-cookies says so. Sets cfg->secure_cookies and returns 1, or prints
 * why not and returns 0. */
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

/* The password for --smtp-user: the first line of --smtp-password-file, else $KEHTO_SMTP_PASSWORD. Returns it
 * malloc'd (NULL when neither is given), or sets *bad after saying why. */
static char *smtp_password(const cli_args *a, int *bad) {
  const char *file = cli_opt(a, "smtp-password-file");
  if (!file) {
    const char *env = getenv("KEHTO_SMTP_PASSWORD");
    return env ? util_strdup(env) : NULL;
  }
  FILE *f = fopen(file, "r");
  char line[1024];
  if (!f || !fgets(line, sizeof line, f)) {
    fprintf(stderr, "kehto: --smtp-password-file: cannot read a password from %s\n", file);
    if (f) fclose(f);
    *bad = 1;
    return NULL;
  }
  fclose(f);
  line[strcspn(line, "\r\n")] = 0;
  return util_strdup(line);
}

/* Where mail goes: --smtp URL (checked), --smtp-user with its password, --mail-from (default kehto@ the base URL's
 * host). Fills c and sets cfg->smtp, or leaves it NULL without --smtp. Returns 1, or prints why not and returns 0.
 * c->password (malloc'd) is freed by the caller. */
static int serve_smtp(const cli_args *a, web_config *cfg, smtp_config *c) {
  const char *url = cli_opt(a, "smtp");
  if (!url) {
    int stray = cli_opt(a, "smtp-user") || cli_opt(a, "smtp-password-file") || cli_opt(a, "mail-from");
    if (stray) fprintf(stderr, "kehto: --smtp-user, --smtp-password-file and --mail-from need --smtp\n");
    return !stray;
  }
  if (!smtp_url_ok(url)) {
    fprintf(stderr,
            "kehto: --smtp needs smtp://HOST[:PORT] or smtps://HOST[:PORT] (the login in --smtp-user), not '%s'\n",
            url);
    return 0;
  }
  int bad = 0;
  c->url = url;
  c->user = cli_opt(a, "smtp-user");
  c->password = smtp_password(a, &bad);
  if (bad) return 0;
  if (c->password && !c->user) {
    fprintf(stderr, "kehto: an SMTP password needs --smtp-user\n");
    return 0;
  }
  c->from = cli_opt(a, "mail-from");
  if (c->from && !util_email_valid(c->from)) {
    fprintf(stderr, "kehto: --mail-from needs an email address, not '%s'\n", c->from);
    return 0;
  }
  cfg->smtp = c;
  return 1;
}

/* The default sender: kehto@ the host of the base URL (malloc'd into *owned). */
static void serve_mail_from(web_config *cfg, smtp_config *c, char **owned) {
  if (!cfg->smtp || c->from) return;
  const char *host = strstr(cfg->base_url, "://");
  host = host ? host + 3 : cfg->base_url;
  size_t n = strcspn(host, ":/");
  buf b = BUF_INIT;
  buf_puts(&b, "kehto@");
  buf_append(&b, host, n);
  *owned = buf_detach(&b);
  c->from = *owned;
}

/* The secret file of --secret-file (model/seckey.h): checked now when it exists, made on first use otherwise.
 * Returns K_OK, or says why not and returns K_ERR. */
static int serve_secret(const cli_args *a, const char *db_path) {
  char path[4096];
  seckey_path(cli_opt(a, "secret-file"), db_path, path, sizeof path);
  kerr e = {0};
  int rc = seckey_serve(path, &e);
  if (rc != K_OK) fprintf(stderr, "kehto: %s\n", e.msg);
  kerr_clear(&e);
  return rc;
}

int cli_serve(const cli_args *a) {
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
  long long stats_wait = 50;
  if (cli_opt(a, "stats-wait") && util_parse_int(cli_opt(a, "stats-wait"), 0, 10000, &stats_wait) != K_OK) {
    fprintf(stderr, "kehto: --stats-wait needs milliseconds from 0 to 10000\n");
    return EXIT_USAGE;
  }
  cfg.stats_wait_ms = (int)stats_wait;
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
  smtp_config smtp = {0};
  char *mail_from = NULL;
  if (!serve_base_url(a, &cfg) || !serve_cookies(a, &cfg) || !serve_smtp(a, &cfg, &smtp)) {
    /* said why */
  } else if (!db_is_address(cfg.db_path) && access(cfg.db_path, F_OK) != 0) {
    fprintf(stderr, "kehto: no database at %s (create one with: kehto init --db %s)\n", cfg.db_path, cfg.db_path);
    rc = 1;
  } else {
    serve_mail_from(&cfg, &smtp, &mail_from);
    if (user_cheap_hash())
      fprintf(stderr, "kehto: warning: KEHTO_TEST_CHEAP_HASH=1 is set: new passwords are hashed at argon2id's least "
                      "cost, which is for test runs only\n");
    if (serve_secret(a, cfg.db_path) != K_OK) {
      rc = 1;
      goto done;
    }
    web_set_secure_cookies(cfg.secure_cookies);
    web_set_base_url(cfg.base_url);
    rc = web_serve(&cfg);
    narrative_pdf_cleanup(); /* the worker threads that made PDFs have ended */
  }
done:
  free((char *)cfg.base_url);
  free((char *)smtp.password);
  free(mail_from);
  return rc;
}
