/* themelist: theme lists of services and coaches; missing themes are created as deeds do. */
#include "model/themelist.h"

#include <stdlib.h>
#include <string.h>

int themelist_each(const char *list, int (*fn)(void *ctx, const char *item), void *ctx) {
  if (!list) return 0;
  char *copy = util_strdup(list), *save = NULL;
  int rc = 0;
  for (char *t = strtok_r(copy, ",", &save); t && !rc; t = strtok_r(NULL, ",", &save))
    if (*util_trim(t)) rc = fn(ctx, t);
  free(copy);
  return rc;
}

int themelist_validate(const char *themes, const char *field, kerr *e) {
  if (util_blank(themes)) return K_OK;
  if (util_utf8_len(themes) > THEMELIST_MAX)
    return kerr_add(e, field, N_("Teemat on liian pitkä (enintään 500 merkkiä)."));
  char *copy = util_strdup(themes), *save = NULL;
  int rc = K_OK;
  for (char *t = strtok_r(copy, ",;", &save); t; t = strtok_r(NULL, ",;", &save))
    if (util_utf8_len(util_trim(t)) > THEMELIST_MAX_NAME) {
      rc = kerr_add(e, field, N_("Teeman nimi on liian pitkä (enintään 100 merkkiä)."));
      break;
    }
  free(copy);
  return rc;
}

int themelist_set(db *d, themelist_kind kind, long long id, const char *themes) {
  static const char *const del[] = {[THEMELIST_SERVICE] = "DELETE FROM service_theme WHERE service_id=?1",
                                    [THEMELIST_COACH] = "DELETE FROM coach_theme WHERE coach_id=?1",
                                    [THEMELIST_DEED] = "DELETE FROM deed_theme WHERE deed_id=?1"};
  static const char *const links[] = {
      [THEMELIST_SERVICE] =
          "INSERT INTO service_theme(service_id,theme_id) SELECT ?1,id FROM theme WHERE name=?2 ON CONFLICT DO NOTHING",
      [THEMELIST_COACH] =
          "INSERT INTO coach_theme(coach_id,theme_id) SELECT ?1,id FROM theme WHERE name=?2 ON CONFLICT DO NOTHING",
      [THEMELIST_DEED] =
          "INSERT INTO deed_theme(deed_id,theme_id) SELECT ?1,id FROM theme WHERE name=?2 ON CONFLICT DO NOTHING"};
  const char *link = links[kind];
  int rc = db_exec(d, del[kind], "i", id);
  if (util_blank(themes) || rc != DB_OK) return rc;
  char *copy = util_strdup(themes), *save = NULL;
  for (char *t = strtok_r(copy, ",;", &save); t && rc == DB_OK; t = strtok_r(NULL, ",;", &save)) {
    util_trim(t);
    if (!*t) continue;
    rc = db_exec(d, "INSERT INTO theme(name) VALUES(?1) ON CONFLICT DO NOTHING", "t", t);
    if (rc == DB_OK) rc = db_exec(d, link, "it", id, t);
  }
  free(copy);
  return rc;
}
