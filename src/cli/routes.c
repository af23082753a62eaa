/* cli/routes: `kehto routes` prints the web route table, so tests and reviewers can walk every route. */
#include "cli/cli.h"

#include <stdio.h>

#include "web/routes.h"

static void print_route(void *arg, const route *rt) {
  static const struct {
    unsigned bit;
    const char *word;
  } ROLES[] = {{ROUTE_PUBLIC, "public"}, {ROUTE_CONTACT, "contact"},     {ROUTE_STAFF, "staff"},
               {ROUTE_ADMIN, "admin"},   {ROUTE_EVALUATOR, "evaluator"}, {ROUTE_JURY, "jury"}};
  printf("%s %s ", rt->method, rt->pattern);
  const char *sep = "";
  for (size_t k = 0; k < sizeof ROLES / sizeof ROLES[0]; k++)
    if (rt->flags & ROLES[k].bit) printf("%s%s", sep, ROLES[k].word), sep = ",";
  printf(" %s %s\n", rt->flags & ROUTE_CSRF ? "csrf" : "-", rt->flags & ROUTE_CACHE ? "cache" : "-");
}

int cli_routes(const cli_args *a) {
  routes_each(print_route, NULL);
  return 0;
}
