/* cli/serve: `kehto serve`: the web server's options (port, bind address, base URL, proxy, cookies). */
#include "cli/cli.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
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
  if (!serve_base_url(a, &cfg) || !serve_cookies(a, &cfg)) {
    /* said why */
  } else if (!db_is_address(cfg.db_path) && access(cfg.db_path, F_OK) != 0) {
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
