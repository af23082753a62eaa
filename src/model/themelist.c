/* themelist: theme lists of services and coaches; missing themes are created as deeds do. */
#include "model/themelist.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

long long themelist_count(db *d) {
  return db_int(d, 0, "SELECT count(*) FROM theme", "");
}

theme_row *themelist_rows(db *d, arena *a, const char *lang, int limit, int offset, int *n) {
  int cap = 16;
  theme_row *v = arena_alloc(a, (size_t)cap * sizeof *v);
  db_stmt *st = db_query(d,
                         "SELECT id, name, name_sv, name_en FROM theme ORDER BY name COLLATE NOCASE, id"
                         " LIMIT ?1 OFFSET ?2",
                         "ii", (long long)(limit < 0 ? 1000000000 : limit), (long long)offset);
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    theme_row *t = &v[(*n)++];
    t->id = db_col_int(st, 0);
    t->name = db_col_adup(st, 1, a);
    t->name_sv = db_col_adup(st, 2, a);
    t->name_en = db_col_adup(st, 3, a);
    t->label = tr_pick(lang, t->name, t->name_sv, t->name_en);
  }
  db_done(st);
  return v;
}

tr themelist_label(const theme_row *rows, int n, const char *name, const char *lang) {
  for (int i = 0; i < n; i++)
    if (!strcasecmp(rows[i].name, name)) return rows[i].label;
  return tr_pick(lang, name, NULL, NULL);
}

int themelist_translate(db *d, long long id, const char *sv, const char *en, const char *field_sv, const char *field_en,
                        kerr *e) {
  if (util_utf8_len(sv) > THEMELIST_MAX_NAME)
    kerr_add(e, field_sv, N_("Teeman nimi ruotsiksi on liian pitkä (enintään 100 merkkiä)."));
  if (util_utf8_len(en) > THEMELIST_MAX_NAME)
    kerr_add(e, field_en, N_("Teeman nimi englanniksi on liian pitkä (enintään 100 merkkiä)."));
  if (e->msg) return K_ERR;
  if (db_exec(d, "UPDATE theme SET name_sv=?2, name_en=?3 WHERE id=?1", "itt", id, sv ? sv : "", en ? en : "") != DB_OK)
    return kerr_storage(e, "Teeman tallennus", db_errmsg(d));
  if (db_changes(d) == 0) return kerr_set(e, NULL, N_("Teemaa ei ole."));
  return K_OK;
}
