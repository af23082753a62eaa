/* cli/routes: the command `kehto routes`. */
#ifndef KEHTO_CLI_ROUTES_H
#define KEHTO_CLI_ROUTES_H
#include "cli/cli.h"

/* Prints the web route table in dispatch order, one route a line: method, pattern (parameters as {name}), the roles
 * that may use it joined by ',' (public, contact, staff, admin), then "csrf" or "-", then "cache" or "-", separated
 * by one space. Returns 0. */
int cli_routes(const cli_args *a);

#endif
