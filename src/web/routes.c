/* routes: every URL the server answers, with its handler, who may use it and whether a POST needs the CSRF token;
 * the dispatcher checks both before the handler runs (a handler may narrow further, e.g. to one's own
 * application). */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "web/api/api.h"
#include "web/pages/accounts.h"
#include "web/pages/answer.h"
#include "web/pages/applications.h"
#include "web/pages/awards.h"
#include "web/pages/deed.h"
#include "web/pages/deeds.h"
#include "web/pages/deliveries_admin.h"
#include "web/pages/evaluation.h"
#include "web/pages/exports.h"
#include "web/pages/home.h"
#include "web/pages/imports.h"
#include "web/pages/login.h"
#include "web/pages/moderation.h"
#include "web/pages/orgs.h"
#include "web/pages/outbox.h"
#include "web/pages/people.h"
#include "web/pages/programme_admin.h"
#include "web/pages/reports.h"
#include "web/pages/services.h"
#include "web/pages/services_admin.h"
#include "web/pages/sessions.h"
#include "web/pages/sitepages.h"
#include "web/pages/stats.h"
#include "web/pages/targets.h"
#include "web/pages/survey_results.h"
#include "web/pages/surveys.h"
#include "web/pages/jury.h"
#include "web/pages/media.h"
#include "web/pages/publications.h"
#include "web/pages/videos.h"
#include "web/pages/awards_admin.h"
#include "web/pages/sitemap.h"
#include "web/pages/events.h"
#include "web/pages/news.h"
#include "web/pages/budget.h"
#include "web/pages/thesaurus.h"
#include "web/routes.h"

#include "model/write.h"

/* Every page file's table, in dispatch order. No two patterns match the same path with the same method, so the
 * order decides only the order `kehto routes` prints. */
static const route *const TABLES[] = {
    home_routes,           deeds_routes,
    deed_routes,           login_routes,
    stats_routes,          programme_admin_routes,
    api_deeds_routes,      api_routes,
    moderation_routes,     orgs_routes,
    applications_routes,   services_routes,
    services_admin_routes, deliveries_admin_routes,
    people_routes,         accounts_routes,
    outbox_routes,         exports_routes,
    sitepages_routes,      sessions_routes,
    imports_routes,        evaluation_routes,
    surveys_routes,        answer_routes,
    survey_results_routes, api_surveys_routes,
    jury_routes,           api_jury_routes,
    awards_routes,         api_awards_routes,
    awards_admin_routes,   media_routes,
    publications_routes,   videos_routes,
    sitemap_routes,        news_routes,
    events_routes,         budget_routes,
    reports_routes,        targets_routes,
    thesaurus_routes, /* in the staff menu after the moderation (both pos 1) */
};
#define NTABLES (sizeof TABLES / sizeof TABLES[0])

void routes_each(void (*fn)(void *arg, const route *rt), void *arg) {
  for (size_t t = 0; t < NTABLES; t++)
    for (const route *rt = TABLES[t]; rt->method; rt++) fn(arg, rt);
}

size_t routes_menu(int group, const route **items, size_t max) {
  size_t n = 0;
  for (size_t t = 0; t < NTABLES; t++)
    for (const route *rt = TABLES[t]; rt->method; rt++) {
      if (rt->menu.group != group) continue;
      assert(n < max); /* a menu longer than its caller's array is a bug in the tables */
      size_t i = n++;
      for (; i > 0 && items[i - 1]->menu.pos > rt->menu.pos; i--) items[i] = items[i - 1];
      items[i] = rt;
    }
  return n;
}

int routes_match(const char *pattern, const char *path, long long *id) {
  while (*pattern && *path) {
    if (*pattern == '{') {
      const char *close = strchr(pattern, '}');
      assert(close); /* a broken pattern is a bug in the table */
      if (close[1] == 0 && strncmp(pattern, "{file}", 6) == 0) return strchr(path, '/') == NULL;
      char *end;
      if (*path < '1' || *path > '9') return 0;
      long long v = strtoll(path, &end, 10);
      if (v <= 0 || end - path > 15) return 0;
      *id = v;
      path = end;
      pattern = close + 1;
      continue;
    }
    if (*pattern != *path) return 0;
    pattern++, path++;
  }
  return *pattern == 0 && *path == 0;
}

unsigned routes_role_bit(const user_info *u) {
  static const struct {
    const char *role;
    unsigned bit;
  } bits[] = {{"admin", ROUTE_ADMIN},
              {"staff", ROUTE_STAFF},
              {"contact", ROUTE_CONTACT},
              {"evaluator", ROUTE_EVALUATOR},
              {"jury", ROUTE_JURY}};
  for (size_t i = 0; u->id && i < sizeof bits / sizeof bits[0]; i++)
    if (!strcmp(u->role, bits[i].role)) return bits[i].bit;
  return 0;
}

int routes_allows(const route *rt, const user_info *u) {
  return (rt->flags & ROUTE_PUBLIC) || (rt->flags & routes_role_bit(u));
}

/* Sends an anonymous user to the login page, which brings them back to this page after login: its path without the
 * language prefix (login adds it) and its query, so "Hae palvelua" keeps ?service= through the login. */
static void login_redirect(web_req *r) {
  buf next = BUF_INIT;
  buf_puts(&next, r->path);
  if (!strcmp(r->method, "GET") || !strcmp(r->method, "HEAD")) web_query_string(r, &next);
  web_redirectf(r, "/kirjaudu?next=%U", next.data);
  buf_free(&next);
}

/* Returns 1 when the user may use rt (with r->id read from its path); otherwise answers and returns 0: anonymous
 * users are sent to login (API clients get 401), others get 403. */
static int access_or_reply(web_req *r, const route *rt, int api) {
  if (rt->flags & ROUTE_PUBLIC) return 1;
  r->no_store = 1; /* a page for someone in particular */
  unsigned role = routes_role_bit(&r->user);
  int ok = (rt->flags & role) != 0;
  /* a contact sees only their own organisation's pages */
  if (ok && role == ROUTE_CONTACT && strstr(rt->pattern, "{org}") && r->user.org_id != r->id) ok = 0;
  if (ok) return 1;
  if (!r->user.id) {
    if (api)
      web_json_error(r, 401, "sign in required");
    else
      login_redirect(r);
  } else if (api) {
    web_json_error(r, 403, "forbidden");
  } else {
    web_error(r, 403, T(r, rt->deny ? rt->deny : "Tämä sivu on vain ohjelman henkilöstölle."));
  }
  return 0;
}

/* Runs a ROUTE_CSRF_FORM handler for a POST with a stale token: it shows the form again with the message. Whatever
 * it might write is rolled back (one savepoint around it), so nothing is saved even if a handler forgot to ask
 * web_csrf_ok_or_kerr; such a handler's answer is replaced by the plain 403 and the bug is logged. */
static void stale_form(web_req *r, const route *rt) {
  kerr e = {0};
  int sp = r->db && write_begin(r->db, "lomake", &e) == K_OK;
  rt->fn(r);
  if (sp) write_end(r->db, K_ERR, "lomake", &e);
  kerr_clear(&e);
  if (r->status >= 400) return;
  log_error("%s %s went on with a stale CSRF token (its route is ROUTE_CSRF_FORM); answered 403", r->method,
            rt->pattern);
  buf_reset(&r->out);
  buf_reset(&r->headers);
  r->status = 0;
  web_csrf_ok_or_reply(r);
}

/* Runs rt's handler once access and the token are checked. */
static void run(web_req *r, const route *rt, int api) {
  if (!access_or_reply(r, rt, api)) return;
  int post = strcmp(r->method, "POST") == 0;
  if (post && (rt->flags & ROUTE_CSRF) && !web_csrf_ok(r)) {
    if (rt->flags & ROUTE_CSRF_FORM) { /* the handler shows the form again (see ROUTE_CSRF_FORM) */
      stale_form(r, rt);
      return;
    }
    if (api)
      web_json_error(r, 403, "missing or stale CSRF token");
    else
      web_csrf_ok_or_reply(r);
    return;
  }
  rt->fn(r);
}

size_t routes_body_limit(const char *method, const char *path) {
  long long id;
  if (strcmp(method, "POST") != 0) return WEB_MAX_BODY;
  for (size_t t = 0; t < NTABLES; t++)
    for (const route *rt = TABLES[t]; rt->method; rt++)
      if ((rt->flags & ROUTE_UPLOAD) && !strcmp(rt->method, "POST") && routes_match(rt->pattern, path, &id))
        return WEB_MAX_UPLOAD;
  return WEB_MAX_BODY;
}

void routes_dispatch(web_req *r) {
  int path_found = 0;
  const char *method = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;
  int api = strncmp(r->path, "/api/", 5) == 0; /* API clients get JSON errors, not an HTML page */
  for (size_t t = 0; t < NTABLES; t++)
    for (const route *rt = TABLES[t]; rt->method; rt++) {
      long long id = 0;
      if (!routes_match(rt->pattern, r->path, &id)) continue;
      path_found = 1;
      if (strcmp(rt->method, method) != 0) continue;
      r->id = id;
      r->cacheable = (rt->flags & ROUTE_CACHE) != 0;
      run(r, rt, api);
      return;
    }
  if (path_found) {
    web_header(r, "Allow", strcmp(method, "GET") == 0 ? "POST" : "GET, HEAD");
    if (api)
      web_json_error(r, 405, "method not allowed");
    else
      web_error(r, 405, T(r, "Tätä toimintoa ei voi tehdä tälle osoitteelle."));
  } else if (api) {
    web_json_error(r, 404, "no such API path (see /api/v1/openapi.json)");
  } else {
    web_error(r, 404, T(r, "Hakemaasi sivua ei ole. Tarkista osoite tai aloita etusivulta."));
  }
}
