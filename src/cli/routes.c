/* cli/routes: `kehto routes` prints the web route table, so tests and reviewers can walk every route. */
#include "cli/routes.h"

#include <stdio.h>

#include "web/routes.h"

int cli_routes(const cli_args *a) {
  static const struct {
    unsigned bit;
    const char *word;
  } ROLES[] = {{ROUTE_PUBLIC, "public"}, {ROUTE_CONTACT, "contact"}, {ROUTE_STAFF, "staff"}, {ROUTE_ADMIN, "admin"}};
  size_t n;
  const route *t = routes_table(&n);
  for (size_t i = 0; i < n; i++) {
    printf("%s %s ", t[i].method, t[i].pattern);
    const char *sep = "";
    for (size_t k = 0; k < sizeof ROLES / sizeof ROLES[0]; k++)
      if (t[i].flags & ROLES[k].bit) printf("%s%s", sep, ROLES[k].word), sep = ",";
    printf(" %s %s\n", t[i].flags & ROUTE_CSRF ? "csrf" : "-", t[i].flags & ROUTE_CACHE ? "cache" : "-");
  }
  return 0;
}
