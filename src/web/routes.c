/* routes: every URL the server answers, with its handler. '#' in a pattern matches a positive integer (r->id), a
 * final '*' one last path segment. */
#include <stdlib.h>
#include <string.h>

#include "web/api/api.h"
#include "web/pages/pages.h"
#include "web/pages/services.h"
#include "web/routes.h"

enum { CACHE = 1 }; /* anonymous GET responses may be kept in the page cache */

typedef struct route {
  const char *method;
  const char *pattern;
  void (*fn)(web_req *r);
  int flags;
} route;

static const route ROUTES[] = {
    {"GET", "/", page_home, CACHE},
    {"GET", "/tekot", page_deeds, CACHE},
    {"GET", "/tekot.atom", page_feed, CACHE},
    {"GET", "/tekot/#", page_deed, CACHE},
    {"GET", "/tekot/uusi", page_deed_new, 0},
    {"POST", "/tekot/uusi", page_deed_create, 0},
    {"GET", "/tekot/kiitos", page_deed_thanks, CACHE},
    {"GET", "/kirjaudu", page_login_form, 0},
    {"GET", "/tilastot", page_stats, CACHE},
    {"GET", "/tilastot/*", page_stats_export, CACHE},
    {"GET", "/hallinta/tavoitteet", page_targets, 0},
    {"POST", "/hallinta/tavoitteet", page_targets_save, 0},
    {"GET", "/hallinta/ohjelma", page_programme_admin, 0},
    {"POST", "/hallinta/ohjelma", page_programme_save, 0},
    {"GET", "/hallinta/ohjelma/kaudet/uusi", page_period_edit, 0},
    {"POST", "/hallinta/ohjelma/kaudet/uusi", page_period_save, 0},
    {"GET", "/hallinta/ohjelma/kaudet/#", page_period_edit, 0},
    {"POST", "/hallinta/ohjelma/kaudet/#", page_period_save, 0},
    {"POST", "/hallinta/ohjelma/kaudet/#/poista", page_period_delete, 0},
    {"GET", "/hallinta/ohjelma/kumppanit/uusi", page_partner_edit, 0},
    {"POST", "/hallinta/ohjelma/kumppanit/uusi", page_partner_save, 0},
    {"GET", "/hallinta/ohjelma/kumppanit/#", page_partner_edit, 0},
    {"POST", "/hallinta/ohjelma/kumppanit/#", page_partner_save, 0},
    {"POST", "/hallinta/ohjelma/kumppanit/#/poista", page_partner_delete, 0},
    {"GET", "/api/v1/deeds", api_deeds, CACHE},
    {"GET", "/api/v1/deeds/#", api_deed, CACHE},
    {"GET", "/api/v1/stats", api_stats, CACHE},
    {"GET", "/api/v1/openapi.json", api_openapi, CACHE},
    {"POST", "/kirjaudu", page_login, 0},
    {"POST", "/kirjaudu-ulos", page_logout, 0},
    {"GET", "/hallinta/tekot", page_staff_deeds, 0},
    {"POST", "/hallinta/tekot/#/julkaise", page_staff_deed_publish, 0},
    {"GET", "/hallinta/tekot/#/hylkaa", page_staff_deed_reject_form, 0},
    {"POST", "/hallinta/tekot/#/hylkaa", page_staff_deed_reject, 0},
    {"GET", "/hallinta/tekot/#/muokkaa", page_staff_deed_edit, 0},
    {"POST", "/hallinta/tekot/#/muokkaa", page_staff_deed_update, 0},
    {"GET", "/hallinta/organisaatiot", page_staff_orgs, 0},
    {"GET", "/hallinta/organisaatiot/uusi", page_staff_org_new, 0},
    {"POST", "/hallinta/organisaatiot/uusi", page_staff_org_create, 0},
    {"GET", "/hallinta/organisaatiot/#/muokkaa", page_staff_org_edit, 0},
    {"POST", "/hallinta/organisaatiot/#/muokkaa", page_staff_org_update, 0},
    {"GET", "/hakemukset", page_apps, 0},
    {"GET", "/hakemukset/uusi", page_app_new, 0},
    {"POST", "/hakemukset/uusi", page_app_create, 0},
    {"GET", "/hakemukset/#", page_app, 0},
    {"POST", "/hakemukset/#/hyvaksy", page_app_approve, 0},
    {"POST", "/hakemukset/#/hylkaa", page_app_reject, 0},
    {"POST", "/hakemukset/#/peru", page_app_cancel, 0},
    /* services, coaches and deliveries (issue #3) */
    {"GET", "/palvelut", page_services, CACHE},
    {"GET", "/palvelut/#", page_service, CACHE},
    {"GET", "/valmentajat", page_coaches, CACHE},
    {"GET", "/hallinta/palvelut", page_staff_services, 0},
    {"GET", "/hallinta/palvelut/uusi", page_staff_service_edit, 0},
    {"POST", "/hallinta/palvelut/uusi", page_staff_service_save, 0},
    {"GET", "/hallinta/palvelut/#", page_staff_service_edit, 0},
    {"POST", "/hallinta/palvelut/#", page_staff_service_save, 0},
    {"GET", "/hallinta/valmentajat", page_staff_coaches, 0},
    {"GET", "/hallinta/valmentajat/uusi", page_staff_coach_edit, 0},
    {"POST", "/hallinta/valmentajat/uusi", page_staff_coach_save, 0},
    {"GET", "/hallinta/valmentajat/#", page_staff_coach_edit, 0},
    {"POST", "/hallinta/valmentajat/#", page_staff_coach_save, 0},
    {"GET", "/hallinta/toteutukset", page_staff_deliveries, 0},
    {"GET", "/hallinta/toteutukset/uusi", page_staff_delivery_new, 0},
    {"POST", "/hallinta/toteutukset/uusi", page_staff_delivery_create, 0},
    {"GET", "/hallinta/toteutukset/#", page_staff_delivery, 0},
    {"POST", "/hallinta/toteutukset/#", page_staff_delivery_update, 0},
    {"POST", "/hallinta/toteutukset/#/organisaatiot", page_staff_delivery_org_add, 0},
    {"POST", "/hallinta/toteutukset/#/organisaatiot/poista", page_staff_delivery_org_remove, 0},
    {"POST", "/hallinta/toteutukset/#/tapaamiset", page_staff_session_add, 0},
    {"POST", "/hallinta/toteutukset/#/tapaamiset/muokkaa", page_staff_session_update, 0},
    {"POST", "/hallinta/toteutukset/#/tapaamiset/poista", page_staff_session_delete, 0},
    {"GET", "/hallinta/henkilot", page_staff_people, 0},
    {"GET", "/hallinta/henkilot/#", page_staff_person, 0},
    {"GET", "/hallinta/toteutukset/#/osallistujat", page_staff_delivery_people, 0},
    {"GET", "/organisaatiot/#/henkilot", page_org_people, 0},
    {"GET", "/hallinta/loki", page_staff_audit, 0},
};

/* Returns 1 when path matches pattern; a '#' segment must be a positive integer, stored in *id; a final '*'
 * matches one non-empty last segment (the handler reads it from r->path). */
static int match(const char *pattern, const char *path, long long *id) {
  while (*pattern && *path) {
    if (pattern[0] == '*' && pattern[1] == 0) return strchr(path, '/') == NULL;
    if (*pattern == '#') {
      char *end;
      if (*path < '1' || *path > '9') return 0;
      long long v = strtoll(path, &end, 10);
      if (v <= 0 || end - path > 15) return 0;
      *id = v;
      path = end;
      pattern++;
      continue;
    }
    if (*pattern != *path) return 0;
    pattern++, path++;
  }
  return *pattern == 0 && *path == 0;
}

void routes_dispatch(web_req *r) {
  int path_found = 0;
  const char *method = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;
  for (size_t i = 0; i < sizeof ROUTES / sizeof ROUTES[0]; i++) {
    long long id = 0;
    if (!match(ROUTES[i].pattern, r->path, &id)) continue;
    path_found = 1;
    if (strcmp(ROUTES[i].method, method) != 0) continue;
    r->id = id;
    r->cacheable = (ROUTES[i].flags & CACHE) != 0;
    ROUTES[i].fn(r);
    return;
  }
  int api = strncmp(r->path, "/api/", 5) == 0; /* API clients get JSON errors, not an HTML page */
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
