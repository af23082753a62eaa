/* routes: the route table (method, pattern, handler, who may use it, CSRF and cache flags) and the dispatcher, which
 * enforces access and the CSRF token before any handler runs. */
#ifndef KEHTO_ROUTES_H
#define KEHTO_ROUTES_H
#include <stddef.h>

#include "web/web.h"

/* Route flags. The role bits say who may use a route: PUBLIC is everyone (anonymous too); otherwise a signed-in
 * user whose role is in the set. A route with an organisation in its path ({org}) lets a contact in only for their
 * own organisation. Admins are not staff by implication here: a staff route lists both (ROUTE_STAFF | ROUTE_ADMIN). */
enum {
  ROUTE_PUBLIC = 1 << 0,
  ROUTE_CONTACT = 1 << 1,
  ROUTE_STAFF = 1 << 2,
  ROUTE_ADMIN = 1 << 3,
  ROUTE_CSRF = 1 << 4,  /* a POST needs the form's CSRF token; the dispatcher answers 403 without it */
  ROUTE_CACHE = 1 << 5, /* anonymous GET responses may be kept in the page cache */
  /* With ROUTE_CSRF: on a stale token the handler still runs, to show the form again filled in from what was posted
   * with the stale-token message (web_csrf_ok_or_kerr tells it) and 403, so what was typed is not lost. It must
   * save nothing: the dispatcher runs it inside a savepoint that it rolls back, and answers a plain 403 (and logs
   * the bug) if the handler answered anything but an error. */
  ROUTE_CSRF_FORM = 1 << 6,
  ROUTE_EVALUATOR = 1 << 7, /* the external evaluation: reads anonymised results */
  ROUTE_JURY = 1 << 8,      /* the awards' jury: scores nominated deeds */
  ROUTE_UPLOAD = 1 << 9,    /* a POST may carry up to WEB_MAX_UPLOAD bytes (a file), not WEB_MAX_BODY */
};
#define ROUTE_ROLES (ROUTE_PUBLIC | ROUTE_CONTACT | ROUTE_STAFF | ROUTE_ADMIN | ROUTE_EVALUATOR | ROUTE_JURY)
#define ROUTE_ANY_STAFF (ROUTE_STAFF | ROUTE_ADMIN) /* the programme's staff pages */
#define ROUTE_SIGNED_IN                                                                                                \
  (ROUTE_CONTACT | ROUTE_STAFF | ROUTE_ADMIN | ROUTE_EVALUATOR | ROUTE_JURY) /* anyone signed in */

/* The navigation menus built from the table (layout.c): the public main menu, the signed-in user's row (for
 * everyone signed in, then staff or a contact's own), and the login link for anonymous visitors. */
enum { ROUTE_NAV_NONE, ROUTE_NAV_MAIN, ROUTE_NAV_ANON, ROUTE_NAV_USER, ROUTE_NAV_STAFF, ROUTE_NAV_CONTACT };

/* A route's place in a menu: the group, the order in it, the id pages pass to page_begin as active, and the label
 * (a Finnish msgid). A contact's "{org}" in the path is their own organisation. */
typedef struct route_menu {
  int group, pos;
  const char *id, *label;
} route_menu;

/* One route. pattern is a path where "{id}" (any name) matches a positive integer, put in r->id; "{org}" is such
 * an integer naming an organisation (see ROUTE_CONTACT); a final "{file}" matches one non-empty last segment, which
 * the handler reads from r->path. Each page file exports its routes as an array ending with an entry whose method is
 * NULL; routes.c collects them. */
typedef struct route {
  const char *method;
  const char *pattern;
  void (*fn)(web_req *r);
  unsigned flags;
  const char *deny; /* Finnish msgid of the 403 page for a signed-in user without access; NULL for the staff one */
  route_menu menu;  /* group ROUTE_NAV_NONE (0) when not in a menu */
} route;

/* The role bit (ROUTE_ADMIN, ROUTE_STAFF, …) of a signed-in user; 0 when anonymous. */
unsigned routes_role_bit(const user_info *u);
/* 1 when user u may use rt (its role bit, or rt is public); a contact's {org} is checked by the dispatcher. */
int routes_allows(const route *rt, const user_info *u);

/* Calls fn(arg, rt) for every route in dispatch order. */
void routes_each(void (*fn)(void *arg, const route *rt), void *arg);
/* Puts the routes of menu group (ROUTE_NAV_*) into items in menu order and returns how many; max is items' size
 * (asserted to be enough: ROUTES_MENU_MAX is the size the layout uses). */
#define ROUTES_MENU_MAX 32
size_t routes_menu(int group, const route **items, size_t max);

/* Finds the route for r->method and r->path and runs it after checking access and the CSRF token; answers 404 or
 * 405 when none fits, a redirect to login (anonymous) or 403 when access is refused, 403 on a missing token. */
void routes_dispatch(web_req *r);

/* The most bytes a request's body may have: WEB_MAX_UPLOAD for a POST to a ROUTE_UPLOAD route, else WEB_MAX_BODY. */
size_t routes_body_limit(const char *method, const char *path);

/* Returns 1 when path matches pattern, with the integer parameter (the last one) in *id; allocates nothing. */
int routes_match(const char *pattern, const char *path, long long *id);

#endif
