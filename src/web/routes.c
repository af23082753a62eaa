/* routes: every URL the server answers, with its handler, who may use it and whether a POST needs the CSRF token;
 * the dispatcher checks both before the handler runs (a handler may narrow further, e.g. to one's own
 * application). */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "web/api/api.h"
#include "web/pages/pages.h"
#include "web/pages/services.h"
#include "web/routes.h"

/* Shorthands for the table. */
enum {
  PUBLIC = ROUTE_PUBLIC,
  STAFF = ROUTE_STAFF | ROUTE_ADMIN,
  MEMBER = ROUTE_CONTACT | ROUTE_STAFF | ROUTE_ADMIN, /* any signed-in user */
  CSRF = ROUTE_CSRF,
  FORM = ROUTE_CSRF | ROUTE_CSRF_FORM,
  CACHE = ROUTE_CACHE,
};

static const char APPS_DENY[] = N_("Hakemukset ovat organisaatioiden yhteyshenkilöille ja ohjelman henkilöstölle.");

static const route ROUTES[] = {
    {"GET", "/", page_home, PUBLIC | CACHE, NULL},
    {"GET", "/tekot", page_deeds, PUBLIC | CACHE, NULL},
    {"GET", "/tekot.atom", page_feed, PUBLIC | CACHE, NULL},
    {"GET", "/tekot/{id}", page_deed, PUBLIC | CACHE, NULL},
    {"GET", "/tekot/uusi", page_deed_new, PUBLIC, NULL},
    {"POST", "/tekot/uusi", page_deed_create, PUBLIC | FORM, NULL},
    {"GET", "/tekot/kiitos", page_deed_thanks, PUBLIC | CACHE, NULL},
    {"GET", "/kirjaudu", page_login_form, PUBLIC, NULL},
    {"GET", "/tilastot", page_stats, PUBLIC | CACHE, NULL},
    {"GET", "/tilastot/{file}", page_stats_export, PUBLIC | CACHE, NULL},
    {"GET", "/hallinta/tavoitteet", page_targets, STAFF, NULL},
    {"POST", "/hallinta/tavoitteet", page_targets_save, STAFF | FORM, NULL},
    {"GET", "/hallinta/ohjelma", page_programme_admin, STAFF, NULL},
    {"POST", "/hallinta/ohjelma", page_programme_save, STAFF | CSRF, NULL},
    {"GET", "/hallinta/ohjelma/kaudet/uusi", page_period_edit, STAFF, NULL},
    {"POST", "/hallinta/ohjelma/kaudet/uusi", page_period_save, STAFF | CSRF, NULL},
    {"GET", "/hallinta/ohjelma/kaudet/{id}", page_period_edit, STAFF, NULL},
    {"POST", "/hallinta/ohjelma/kaudet/{id}", page_period_save, STAFF | CSRF, NULL},
    {"POST", "/hallinta/ohjelma/kaudet/{id}/poista", page_period_delete, STAFF | CSRF, NULL},
    {"GET", "/hallinta/ohjelma/kumppanit/uusi", page_partner_edit, STAFF, NULL},
    {"POST", "/hallinta/ohjelma/kumppanit/uusi", page_partner_save, STAFF | CSRF, NULL},
    {"GET", "/hallinta/ohjelma/kumppanit/{id}", page_partner_edit, STAFF, NULL},
    {"POST", "/hallinta/ohjelma/kumppanit/{id}", page_partner_save, STAFF | CSRF, NULL},
    {"POST", "/hallinta/ohjelma/kumppanit/{id}/poista", page_partner_delete, STAFF | CSRF, NULL},
    {"GET", "/api/v1/deeds", api_deeds, PUBLIC | CACHE, NULL},
    {"GET", "/api/v1/deeds/{id}", api_deed, PUBLIC | CACHE, NULL},
    {"GET", "/api/v1/stats", api_stats, PUBLIC | CACHE, NULL},
    {"GET", "/api/v1/openapi.json", api_openapi, PUBLIC | CACHE, NULL},
    /* the login form's token is the anonymous cookie's (server.c load_user), so login needs it too */
    {"POST", "/kirjaudu", page_login, PUBLIC | CSRF, NULL},
    {"POST", "/kirjaudu-ulos", page_logout, PUBLIC | CSRF, NULL},
    {"GET", "/hallinta/tekot", page_staff_deeds, STAFF, NULL},
    {"POST", "/hallinta/tekot/{id}/julkaise", page_staff_deed_publish, STAFF | CSRF, NULL},
    {"GET", "/hallinta/tekot/{id}/hylkaa", page_staff_deed_reject_form, STAFF, NULL},
    {"POST", "/hallinta/tekot/{id}/hylkaa", page_staff_deed_reject, STAFF | CSRF, NULL},
    {"GET", "/hallinta/tekot/{id}/muokkaa", page_staff_deed_edit, STAFF, NULL},
    {"POST", "/hallinta/tekot/{id}/muokkaa", page_staff_deed_update, STAFF | CSRF, NULL},
    {"GET", "/hallinta/organisaatiot", page_staff_orgs, STAFF, NULL},
    {"GET", "/hallinta/organisaatiot/uusi", page_staff_org_new, STAFF, NULL},
    {"POST", "/hallinta/organisaatiot/uusi", page_staff_org_create, STAFF | CSRF, NULL},
    {"GET", "/hallinta/organisaatiot/{id}/muokkaa", page_staff_org_edit, STAFF, NULL},
    {"POST", "/hallinta/organisaatiot/{id}/muokkaa", page_staff_org_update, STAFF | CSRF, NULL},
    /* applications: contacts see their own organisation's (the handler narrows), staff all */
    {"GET", "/hakemukset", page_apps, MEMBER, APPS_DENY},
    {"GET", "/hakemukset/uusi", page_app_new, MEMBER, APPS_DENY},
    {"POST", "/hakemukset/uusi", page_app_create, MEMBER | FORM, APPS_DENY},
    {"GET", "/hakemukset/{id}", page_app, MEMBER, APPS_DENY},
    {"POST", "/hakemukset/{id}/hyvaksy", page_app_approve, STAFF | FORM, NULL},
    {"POST", "/hakemukset/{id}/hylkaa", page_app_reject, STAFF | FORM, NULL},
    {"POST", "/hakemukset/{id}/peru", page_app_cancel, MEMBER | CSRF, APPS_DENY},
    /* services, coaches and deliveries (issue #3) */
    {"GET", "/palvelut", page_services, PUBLIC | CACHE, NULL},
    {"GET", "/palvelut/{id}", page_service, PUBLIC | CACHE, NULL},
    {"GET", "/valmentajat", page_coaches, PUBLIC | CACHE, NULL},
    {"GET", "/hallinta/palvelut", page_staff_services, STAFF, NULL},
    {"GET", "/hallinta/palvelut/uusi", page_staff_service_edit, STAFF, NULL},
    {"POST", "/hallinta/palvelut/uusi", page_staff_service_save, STAFF | FORM, NULL},
    {"GET", "/hallinta/palvelut/{id}", page_staff_service_edit, STAFF, NULL},
    {"POST", "/hallinta/palvelut/{id}", page_staff_service_save, STAFF | FORM, NULL},
    {"GET", "/hallinta/valmentajat", page_staff_coaches, STAFF, NULL},
    {"GET", "/hallinta/valmentajat/uusi", page_staff_coach_edit, STAFF, NULL},
    {"POST", "/hallinta/valmentajat/uusi", page_staff_coach_save, STAFF | FORM, NULL},
    {"GET", "/hallinta/valmentajat/{id}", page_staff_coach_edit, STAFF, NULL},
    {"POST", "/hallinta/valmentajat/{id}", page_staff_coach_save, STAFF | FORM, NULL},
    {"GET", "/hallinta/toteutukset", page_staff_deliveries, STAFF, NULL},
    {"GET", "/hallinta/toteutukset/uusi", page_staff_delivery_new, STAFF, NULL},
    {"POST", "/hallinta/toteutukset/uusi", page_staff_delivery_create, STAFF | FORM, NULL},
    {"GET", "/hallinta/toteutukset/{id}", page_staff_delivery, STAFF, NULL},
    {"POST", "/hallinta/toteutukset/{id}", page_staff_delivery_update, STAFF | FORM, NULL},
    {"POST", "/hallinta/toteutukset/{id}/organisaatiot", page_staff_delivery_org_add, STAFF | CSRF, NULL},
    {"POST", "/hallinta/toteutukset/{id}/organisaatiot/poista", page_staff_delivery_org_remove, STAFF | CSRF, NULL},
    {"POST", "/hallinta/toteutukset/{id}/tapaamiset", page_staff_session_add, STAFF | CSRF, NULL},
    {"POST", "/hallinta/toteutukset/{id}/tapaamiset/muokkaa", page_staff_session_update, STAFF | CSRF, NULL},
    {"POST", "/hallinta/toteutukset/{id}/tapaamiset/poista", page_staff_session_delete, STAFF | CSRF, NULL},
    {"GET", "/hallinta/henkilot", page_staff_people, STAFF, NULL},
    {"GET", "/hallinta/henkilot/{id}", page_staff_person, STAFF, NULL},
    {"GET", "/hallinta/toteutukset/{id}/osallistujat", page_staff_delivery_people, STAFF, NULL},
    {"GET", "/organisaatiot/{org}/henkilot", page_org_people, ROUTE_CONTACT | STAFF,
     N_("Voit nähdä vain oman organisaatiosi henkilöt.")},
    {"GET", "/hallinta/loki", page_staff_audit, STAFF, NULL},
};

const route *routes_table(size_t *n) {
  *n = sizeof ROUTES / sizeof ROUTES[0];
  return ROUTES;
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

/* The role bit of the signed-in user, 0 when anonymous. */
static unsigned user_role_bit(const user_info *u) {
  if (!u->id) return 0;
  if (!strcmp(u->role, "admin")) return ROUTE_ADMIN;
  if (!strcmp(u->role, "staff")) return ROUTE_STAFF;
  if (!strcmp(u->role, "contact")) return ROUTE_CONTACT;
  return 0;
}

/* Returns 1 when the user may use rt (with r->id read from its path); otherwise answers and returns 0: anonymous
 * users are sent to login (API clients get 401), others get 403. */
static int access_or_reply(web_req *r, const route *rt, int api) {
  if (rt->flags & ROUTE_PUBLIC) return 1;
  r->no_store = 1; /* a page for someone in particular */
  unsigned role = user_role_bit(&r->user);
  int ok = (rt->flags & role) != 0;
  /* a contact sees only their own organisation's pages */
  if (ok && role == ROUTE_CONTACT && strstr(rt->pattern, "{org}") && r->user.org_id != r->id) ok = 0;
  if (ok) return 1;
  if (!r->user.id) {
    if (api)
      web_json_error(r, 401, "sign in required");
    else
      web_redirectf(r, "/kirjaudu?next=%U", r->url);
  } else if (api) {
    web_json_error(r, 403, "forbidden");
  } else {
    web_error(r, 403, T(r, rt->deny ? rt->deny : "Tämä sivu on vain ohjelman henkilöstölle."));
  }
  return 0;
}

/* Runs rt's handler once access and the token are checked. */
static void run(web_req *r, const route *rt, int api) {
  if (!access_or_reply(r, rt, api)) return;
  int post = strcmp(r->method, "POST") == 0;
  if (post && (rt->flags & ROUTE_CSRF) && !web_csrf_ok(r)) {
    if (rt->flags & ROUTE_CSRF_FORM) { /* the handler shows the form again (see ROUTE_CSRF_FORM) */
      rt->fn(r);
      assert(r->status >= 400); /* a handler that went on with a stale token would have saved */
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

void routes_dispatch(web_req *r) {
  int path_found = 0;
  const char *method = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;
  int api = strncmp(r->path, "/api/", 5) == 0; /* API clients get JSON errors, not an HTML page */
  for (size_t i = 0; i < sizeof ROUTES / sizeof ROUTES[0]; i++) {
    long long id = 0;
    if (!routes_match(ROUTES[i].pattern, r->path, &id)) continue;
    path_found = 1;
    if (strcmp(ROUTES[i].method, method) != 0) continue;
    r->id = id;
    r->cacheable = (ROUTES[i].flags & ROUTE_CACHE) != 0;
    run(r, &ROUTES[i], api);
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
