/* service: service types and offerings: validation, storage, reading and the filtered list. */
#include "model/service.h"

#include <stdlib.h>
#include <string.h>

#include "model/themelist.h"
#include "model/write.h"

int service_lang_index(const char *lang) {
  return tr_lang_index(lang);
}

service_type *service_types(db *d, arena *a, const char *lang, int *n) {
  static const char *const sql[] = {
      "SELECT code,name_fi,counts,variants FROM service_type ORDER BY position",
      "SELECT code,name_sv,counts,variants FROM service_type ORDER BY position",
      "SELECT code,name_en,counts,variants FROM service_type ORDER BY position",
  };
  int cap = 8;
  service_type *v = arena_alloc(a, (size_t)cap * sizeof *v);
  db_stmt *st = db_prepare(d, sql[service_lang_index(lang)]);
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    v[*n] = (service_type){db_col_adup(st, 0, a), db_col_adup(st, 1, a), db_col_adup(st, 2, a), db_col_adup(st, 3, a)};
    (*n)++;
  }
  db_done(st);
  return v;
}

static const char *const VARIANTS[][2] = {
    {"teema", N_("Teematyöpaja")},        {"toimiala", N_("Toimialatyöpaja")},
    {"haaste", N_("Haastetyöpaja")},      {"tuloksellisuus", N_("Tuloksellisuustyön verkosto")},
    {"oppiminen", N_("Oppimisverkosto")}, {"kehittaminen", N_("Kehittämisverkosto")},
};

const char *service_variant_label(const char *variant) {
  for (size_t i = 0; variant && i < sizeof VARIANTS / sizeof VARIANTS[0]; i++)
    if (!strcmp(variant, VARIANTS[i][0])) return VARIANTS[i][1];
  return variant ? variant : "";
}

static int variant_allowed(const char *allowed, const char *variant) {
  size_t n = strlen(variant);
  for (const char *p = allowed; p && *p;) {
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len == n && !strncmp(p, variant, n)) return 1;
    p = end ? end + 1 : NULL;
  }
  return 0;
}

static const char *nz(const char *s) {
  return s ? s : "";
}

int service_validate(db *d, const service *s, kerr *e) {
  char *variants = util_blank(s->type_code)
                       ? NULL
                       : db_text(d, "SELECT variants FROM service_type WHERE code=?1", "t", s->type_code);
  if (!variants)
    kerr_add(e, "type", N_("Valitse palvelutyyppi."));
  else if (!util_blank(s->variant) && !variant_allowed(variants, s->variant))
    kerr_add(e, "variant", N_("Tällä palvelutyypillä ei ole tätä muotoa."));
  free(variants);
  if (util_blank(s->name))
    kerr_add(e, "name", N_("Nimi puuttuu."));
  else if (util_utf8_len(s->name) > SERVICE_MAX_NAME)
    kerr_add(e, "name", N_("Nimi on liian pitkä (enintään 200 merkkiä)."));
  if (util_utf8_len(s->description) > SERVICE_MAX_DESCRIPTION)
    kerr_add(e, "description", N_("Kuvaus on liian pitkä (enintään 5000 merkkiä)."));
  if (util_utf8_len(s->name_sv) > SERVICE_MAX_NAME)
    kerr_add(e, "name_sv", N_("Nimi ruotsiksi on liian pitkä (enintään 200 merkkiä)."));
  if (util_utf8_len(s->name_en) > SERVICE_MAX_NAME)
    kerr_add(e, "name_en", N_("Nimi englanniksi on liian pitkä (enintään 200 merkkiä)."));
  if (util_utf8_len(s->description_sv) > SERVICE_MAX_DESCRIPTION)
    kerr_add(e, "description_sv", N_("Kuvaus ruotsiksi on liian pitkä (enintään 5000 merkkiä)."));
  if (util_utf8_len(s->description_en) > SERVICE_MAX_DESCRIPTION)
    kerr_add(e, "description_en", N_("Kuvaus englanniksi on liian pitkä (enintään 5000 merkkiä)."));
  if (!db_exists(d, "SELECT 1 FROM funding_period WHERE id=?1", "i", s->period_id))
    kerr_add(e, "period", N_("Valitse rahoituskausi."));
  long long cap;
  if (!util_blank(s->capacity) && util_parse_int(s->capacity, 1, SERVICE_MAX_CAPACITY, &cap) != K_OK)
    kerr_add(e, "capacity", N_("Kapasiteetin pitää olla positiivinen kokonaisluku tai tyhjä."));
  if (!util_blank(s->counts) && strcmp(s->counts, "participant") && strcmp(s->counts, "attendee"))
    kerr_add(e, "counts", N_("Valitse, lasketaanko ESR-osallistujia vai tilaisuuksien osallistujia."));
  themelist_validate(s->themes, "themes", e);
  return e->msg ? K_ERR : K_OK;
}

static void bind_service(db_stmt *st, const service *s) {
  long long cap = 0;
  db_bind_text(st, ":type", s->type_code);
  db_bind_text(st, ":variant", nz(s->variant));
  db_bind_text(st, ":name", s->name);
  db_bind_text(st, ":description", nz(s->description));
  db_bind_text(st, ":name_sv", nz(s->name_sv));
  db_bind_text(st, ":name_en", nz(s->name_en));
  db_bind_text(st, ":description_sv", nz(s->description_sv));
  db_bind_text(st, ":description_en", nz(s->description_en));
  db_bind_int(st, ":period", s->period_id);
  if (!util_blank(s->capacity) && util_parse_int(s->capacity, 1, SERVICE_MAX_CAPACITY, &cap) == K_OK)
    db_bind_int(st, ":capacity", cap);
  else
    db_bind_null(st, ":capacity");
  db_bind_text(st, ":counts", util_blank(s->counts) ? NULL : s->counts);
  db_bind_int(st, ":open", s->open ? 1 : 0);
}

/* Runs the prepared insert or update and sets the themes of id (0: the inserted row). Returns the id or 0. */
static long long service_write(db *d, db_stmt *st, long long id, const service *s, kerr *e) {
  int rc = db_step(st);
  db_done(st);
  if (rc < 0) return 0;
  if (!id)
    id = db_last_id(d);
  else if (db_changes(d) == 0) {
    kerr_set(e, NULL, N_("Palvelua ei ole."));
    return 0;
  }
  return themelist_set(d, THEMELIST_SERVICE, id, s->themes) == DB_OK ? id : 0;
}

/* counts falls back to the type's default in SQL. */
long long service_create(db *d, const service *s, kerr *e) {
  if (service_validate(d, s, e) != K_OK || write_begin(d, "Palvelun tallennus", e) != K_OK) return 0;
  db_stmt *st = db_prepare(d, "INSERT INTO service(type_code,variant,name,description,period_id,capacity,counts,open,"
                              "name_sv,name_en,description_sv,description_en)"
                              " VALUES(:type,:variant,:name,:description,:period,:capacity,"
                              " coalesce(:counts,(SELECT counts FROM service_type WHERE code=:type)),:open,"
                              ":name_sv,:name_en,:description_sv,:description_en)");
  bind_service(st, s);
  long long id = service_write(d, st, 0, s, e);
  return write_end(d, id ? K_OK : K_ERR, "Palvelun tallennus", e) == K_OK ? id : 0;
}

int service_update(db *d, const service *s, kerr *e) {
  if (service_validate(d, s, e) != K_OK || write_begin(d, "Palvelun tallennus", e) != K_OK) return K_ERR;
  db_stmt *st =
      db_prepare(d, "UPDATE service SET type_code=:type,variant=:variant,name=:name,"
                    "description=:description,name_sv=:name_sv,name_en=:name_en,description_sv=:description_sv,"
                    "description_en=:description_en,period_id=:period,capacity=:capacity,"
                    "counts=coalesce(:counts,(SELECT counts FROM service_type WHERE code=:type)),"
                    "open=:open,updated_at=:now WHERE id=:id");
  bind_service(st, s);
  db_bind_int(st, ":id", s->id);
  db_bind_text(st, ":now", db_now().s);
  long long id = service_write(d, st, s->id, s, e);
  return write_end(d, id ? K_OK : K_ERR, "Palvelun tallennus", e);
}

/* The columns read_service expects; :lang is the language index (0 fi, 1 sv, 2 en). */
#define SERVICE_COLS                                                                                                   \
  "SELECT s.id,s.type_code,CASE CAST(:lang AS INTEGER) WHEN 1 THEN t.name_sv WHEN 2 THEN t.name_en ELSE t.name_fi "    \
  "END,"                                                                                                               \
  "s.variant,"                                                                                                         \
  "s.name,s.description,s.period_id,p.name,p.start_year,p.end_year,s.capacity,s.counts,s.open,"                        \
  "(SELECT string_agg(th.name,', ') FROM service_theme x JOIN theme th ON th.id=x.theme_id"                            \
  " WHERE x.service_id=s.id)," TR_PICK("s.name") "," TR_FALLBACK("s.name") "," TR_PICK(                                \
      "s.description") "," TR_FALLBACK("s.description") "," TR_PICK("p.name") "," TR_FALLBACK("p.name")
#define SERVICE_FROM                                                                                                   \
  " FROM service s JOIN service_type t ON t.code=s.type_code JOIN funding_period p ON p.id=s.period_id"

static void read_service(db_stmt *st, service *s, arena *a) {
  s->id = db_col_int(st, 0);
  s->type_code = db_col_adup(st, 1, a);
  s->type_name = db_col_adup(st, 2, a);
  s->variant = db_col_adup(st, 3, a);
  s->name = db_col_adup(st, 4, a);
  s->description = db_col_adup(st, 5, a);
  s->period_id = db_col_int(st, 6);
  s->period_name = db_col_adup(st, 7, a);
  s->start_year = (int)db_col_int(st, 8);
  s->end_year = (int)db_col_int(st, 9);
  s->capacity = db_col_adup(st, 10, a);
  s->counts = db_col_adup(st, 11, a);
  s->open = (int)db_col_int(st, 12);
  s->themes = db_col_adup(st, 13, a);
  s->t_name = (tr){db_col_adup(st, 14, a), (int)db_col_int(st, 15)};
  s->t_description = (tr){db_col_adup(st, 16, a), (int)db_col_int(st, 17)};
  s->t_period = (tr){db_col_adup(st, 18, a), (int)db_col_int(st, 19)};
}

service *service_get(db *d, arena *a, long long id, const char *lang) {
  db_stmt *st = db_prepare(d, SERVICE_COLS ",s.name_sv,s.name_en,s.description_sv,s.description_en" SERVICE_FROM
                                           " WHERE s.id=:id");
  db_bind_int(st, ":lang", service_lang_index(lang));
  db_bind_int(st, ":id", id);
  service *s = NULL;
  if (db_step(st) == 1) {
    s = arena_alloc(a, sizeof *s);
    read_service(st, s, a);
    s->name_sv = db_col_adup(st, 20, a);
    s->name_en = db_col_adup(st, 21, a);
    s->description_sv = db_col_adup(st, 22, a);
    s->description_en = db_col_adup(st, 23, a);
  }
  db_done(st);
  return s;
}

/* The filter on :type (code, '' for any), :period (id, 0 for any) and :open. */
#define SERVICE_WHERE                                                                                                  \
  " WHERE (:type='' OR s.type_code=:type) AND (:period=0 OR s.period_id=:period) AND (:open=0 OR s.open=1)"

static void bind_filter(db_stmt *st, const service_filter *f) {
  db_bind_text(st, ":type", nz(f->type));
  db_bind_int(st, ":period", f->period_id);
  db_bind_int(st, ":open", f->only_open);
}

long long service_count(db *d, const service_filter *f) {
  db_stmt *st = db_prepare(d, "SELECT count(*) FROM service s" SERVICE_WHERE);
  bind_filter(st, f);
  long long n = db_step(st) == 1 ? db_col_int(st, 0) : 0;
  db_done(st);
  return n;
}

service *service_list(db *d, arena *a, const service_filter *f, const char *lang, int limit, int offset, int *n) {
  db_stmt *st = db_prepare(d, SERVICE_COLS SERVICE_FROM SERVICE_WHERE
                           " ORDER BY t.position, p.start_year DESC, s.name COLLATE NOCASE, s.id"
                           " LIMIT :limit OFFSET :offset");
  db_bind_int(st, ":lang", service_lang_index(lang));
  bind_filter(st, f);
  db_bind_int(st, ":limit", limit);
  db_bind_int(st, ":offset", offset);
  service *v = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof *v);
  *n = 0;
  while (*n < limit && db_step(st) == 1) read_service(st, &v[(*n)++], a);
  db_done(st);
  return v;
}

sitemap_item *service_sitemap(db *d, arena *a, int *n) {
  return sitemap_read(db_query(d, "SELECT id, updated_at FROM service ORDER BY id", ""), a, n);
}
