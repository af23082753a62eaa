/* cli_search: the command `kehto search QUERY [--db FILE] [--json] [--limit N]`. */
#ifndef KEHTO_CLI_SEARCH_H
#define KEHTO_CLI_SEARCH_H
#include "cli/cli.h"

/* Prints the published deeds that match a->pos[0], best first: one tab-separated line per hit (id, year,
 * title, organisation, municipality) or with --json an array of objects (id, ref, title, organisation,
 * municipality, year, snippet as HTML with <mark>). Returns the exit code: 0 ok, 1 database error,
 * 2 bad --limit (with usage on stderr). */
int cli_search(const cli_args *a);

#endif
