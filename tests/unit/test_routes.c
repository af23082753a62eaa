/* Unit tests for web/routes: the path matcher and the table's invariants (every POST needs the token, only public
 * routes are cached, menus in order). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "web/routes.h"

static void test_match_literal_and_id(void **s) {
  long long id = 0;
  assert_int_equal(routes_match("/tekot", "/tekot", &id), 1);
  assert_int_equal(routes_match("/tekot", "/tekot/", &id), 0);
  assert_int_equal(routes_match("/tekot", "/teko", &id), 0);
  assert_int_equal(routes_match("/tekot/{id}", "/tekot/42", &id), 1);
  assert_int_equal(id, 42);
  assert_int_equal(routes_match("/hallinta/tekot/{id}/hylkaa", "/hallinta/tekot/7/hylkaa", &id), 1);
  assert_int_equal(id, 7);
  assert_int_equal(routes_match("/organisaatiot/{org}/henkilot", "/organisaatiot/3/henkilot", &id), 1);
  assert_int_equal(id, 3);
}

static void test_match_refuses_bad_ids(void **s) {
  long long id = 0;
  assert_int_equal(routes_match("/tekot/{id}", "/tekot/0", &id), 0);
  assert_int_equal(routes_match("/tekot/{id}", "/tekot/007", &id), 0);
  assert_int_equal(routes_match("/tekot/{id}", "/tekot/-1", &id), 0);
  assert_int_equal(routes_match("/tekot/{id}", "/tekot/uusi", &id), 0);
  assert_int_equal(routes_match("/tekot/{id}", "/tekot/1x", &id), 0);
  assert_int_equal(routes_match("/tekot/{id}", "/tekot/", &id), 0);
  assert_int_equal(routes_match("/tekot/{id}", "/tekot/1234567890123456", &id), 0); /* more than 15 digits */
  assert_int_equal(routes_match("/tekot/{id}", "/tekot/123456789012345", &id), 1);
}

static void test_match_file_segment(void **s) {
  long long id = 0;
  assert_int_equal(routes_match("/tilastot/{file}", "/tilastot/key.csv", &id), 1);
  assert_int_equal(routes_match("/tilastot/{file}", "/tilastot/", &id), 0);
  assert_int_equal(routes_match("/tilastot/{file}", "/tilastot/a/b", &id), 0);
}

typedef struct {
  int n, posts, bad_post, cached_private, roleless;
} census;

static void count(void *arg, const route *rt) {
  census *c = arg;
  c->n++;
  if (!strcmp(rt->method, "POST")) {
    c->posts++;
    if (!(rt->flags & ROUTE_CSRF)) c->bad_post++;
  }
  if ((rt->flags & ROUTE_CACHE) && !(rt->flags & ROUTE_PUBLIC)) c->cached_private++;
  if (!(rt->flags & ROUTE_ROLES)) c->roleless++;
}

static void test_table_invariants(void **s) {
  census c = {0};
  routes_each(count, &c);
  assert_true(c.n > 70);
  assert_true(c.posts > 30);
  assert_int_equal(c.bad_post, 0);       /* every POST needs the token */
  assert_int_equal(c.cached_private, 0); /* a page for someone in particular is never cached */
  assert_int_equal(c.roleless, 0);       /* every route says who may use it */
}

static void test_menus_in_order(void **s) {
  const route *m[ROUTES_MENU_MAX];
  size_t n = routes_menu(ROUTE_NAV_MAIN, m, ROUTES_MENU_MAX);
  static const char *const main_ids[] = {"home",    "deeds", "post",   "services",
                                         "coaches", "stats", "awards", "news", "publications", "events"};
  assert_int_equal(n, 10);
  for (size_t i = 0; i < n; i++) assert_string_equal(m[i]->menu.id, main_ids[i]);
  n = routes_menu(ROUTE_NAV_STAFF, m, ROUTES_MENU_MAX);
  static const char *const staff_ids[] = {"staff-home",     "moderation", "thesaurus", "orgs",     "people", "programme",
                                          "services-admin", "targets",    "accounts", "outbox", "imports",
                                          "surveys",        "evaluation", "awards-admin", "jury",
                                          "news-admin", "publications-admin", "events-admin", "budget", "reports"};
  assert_int_equal(n, 20);
  for (size_t i = 0; i < n; i++) assert_string_equal(m[i]->menu.id, staff_ids[i]);
  assert_int_equal(routes_menu(ROUTE_NAV_CONTACT, m, ROUTES_MENU_MAX), 1);
  assert_string_equal(m[0]->pattern, "/organisaatiot/{org}/henkilot");
}

/* Only the upload route takes a large body; a GET never does. */
static void test_body_limits(void **s) {
  assert_int_equal(routes_body_limit("POST", "/hallinta/tuonti"), WEB_MAX_UPLOAD);
  assert_int_equal(routes_body_limit("GET", "/hallinta/tuonti"), WEB_MAX_BODY);
  assert_int_equal(routes_body_limit("POST", "/hallinta/tuonti/5/tuo"), WEB_MAX_BODY);
  assert_int_equal(routes_body_limit("POST", "/kirjaudu"), WEB_MAX_BODY);
  assert_true(WEB_MAX_UPLOAD > WEB_MAX_BODY);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_match_literal_and_id), cmocka_unit_test(test_match_refuses_bad_ids),
      cmocka_unit_test(test_match_file_segment),   cmocka_unit_test(test_table_invariants),
      cmocka_unit_test(test_menus_in_order),       cmocka_unit_test(test_body_limits),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
