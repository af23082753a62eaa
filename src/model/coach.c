/* coach: coach profiles: validation, storage with theme and region links, reading and the filtered list. */
#include "model/coach.h"

#include <stdlib.h>
#include <string.h>

#include "model/themelist.h"
#include "model/write.h"

static const char *nz(const char *s) {
  return s ? s : "";
}

/* Callbacks of themelist_each: non-zero stops at an item that is not a language code or a region code. */
static int not_language(void *ctx, const char *s) {
  (void)ctx;
  return strcmp(s, "fi") && strcmp(s, "sv") && strcmp(s, "en");
}

static int not_region(void *ctx, const char *s) {
  return !db_exists(ctx, "SELECT 1 FROM region WHERE code=?1", "t", s);
}

int coach_validate(db *d, const coach *c, kerr *e) {
  if (util_blank(c->name))
    kerr_add(e, "name", N_("Nimi puuttuu."));
  else if (util_utf8_len(c->name) > COACH_MAX_NAME)
    kerr_add(e, "name", N_("Nimi on liian pitkä (enintään 200 merkkiä)."));
  if (util_utf8_len(c->company) > COACH_MAX_COMPANY)
    kerr_add(e, "company", N_("Yrityksen nimi on liian pitkä (enintään 200 merkkiä)."));
  if (util_utf8_len(c->bio) > COACH_MAX_BIO) kerr_add(e, "bio", N_("Esittely on liian pitkä (enintään 2000 merkkiä)."));
  if (util_blank(c->languages) || themelist_each(c->languages, not_language, NULL))
    kerr_add(e, "languages", N_("Valitse yksi tai useampi kieli: suomi, ruotsi, englanti."));
  if (!util_blank(c->email) && !util_email_valid(c->email))
    kerr_add(e, "email", N_("Sähköpostiosoite ei ole kelvollinen."));
  if (themelist_each(c->regions, not_region, d)) kerr_add(e, "regions", N_("Tuntematon maakunta."));
  themelist_validate(c->themes, "themes", e);
  return e->msg ? K_ERR : K_OK;
}

/* Links one region to the coach; ctx is {db, &id}. Returns 0 on success (themelist_each goes on). */
static int set_region(void *ctx, const char *code) {
  void **a = ctx;
  return db_exec(a[0], "INSERT INTO coach_region(coach_id,region_code) VALUES(?1,?2) ON CONFLICT DO NOTHING", "it",
                 *(long long *)a[1], code) != DB_OK;
}

static int link_all(db *d, long long id, const coach *c) {
  if (themelist_set(d, THEMELIST_COACH, id, c->themes) != DB_OK) return K_ERR;
  if (db_exec(d, "DELETE FROM coach_region WHERE coach_id=?1", "i", id) != DB_OK) return K_ERR;
  void *ctx[2] = {d, &id};
  return themelist_each(c->regions, set_region, ctx) ? K_ERR : K_OK;
}

/* The language list without spaces, so "fi, sv" is stored "fi,sv". Caller frees. */
static char *squeeze(const char *s) {
  char *out = util_strdup(nz(s)), *w = out;
  for (const char *p = out; *p; p++)
    if (*p != ' ') *w++ = *p;
  *w = 0;
  return out;
}

static void bind_coach(db_stmt *st, const coach *c, char *langs) {
  db_bind_text(st, ":name", c->name);
  db_bind_text(st, ":company", nz(c->company));
  db_bind_text(st, ":bio", nz(c->bio));
  db_bind_text(st, ":languages", langs);
  db_bind_text(st, ":email", nz(c->email));
  db_bind_int(st, ":active", c->active ? 1 : 0);
}

/* Runs the insert or update (id 0: insert) and the links. Returns the id or 0 with e set. */
static long long coach_write(db *d, const coach *c, long long id, kerr *e) {
  if (coach_validate(d, c, e) != K_OK || write_begin(d, "Valmentajan tallennus", e) != K_OK) return 0;
  db_stmt *st =
      id ? db_prepare(d, "UPDATE coach SET name=:name,company=:company,bio=:bio,languages=:languages,email=:email,"
                         "active=:active,updated_at=:now WHERE id=:id")
         : db_prepare(d, "INSERT INTO coach(name,company,bio,languages,email,active)"
                         " VALUES(:name,:company,:bio,:languages,:email,:active)");
  char *langs = squeeze(c->languages);
  bind_coach(st, c, langs);
  if (id) db_bind_int(st, ":id", id);
  if (id) db_bind_text(st, ":now", db_now().s);
  int rc = db_step(st) < 0 ? K_ERR : K_OK;
  db_done(st);
  free(langs);
  if (rc == K_OK && id && db_changes(d) == 0) rc = kerr_set(e, NULL, N_("Valmentajaa ei ole."));
  if (rc == K_OK && !id) id = db_last_id(d);
  if (rc == K_OK) rc = link_all(d, id, c);
  return write_end(d, rc, "Valmentajan tallennus", e) == K_OK ? id : 0;
}

long long coach_create(db *d, const coach *c, kerr *e) {
  return coach_write(d, c, 0, e);
}

int coach_update(db *d, const coach *c, kerr *e) {
  return coach_write(d, c, c->id, e) ? K_OK : K_ERR;
}

/* Columns for read_coach; :sv is 1 for Swedish region names. */
#define COACH_COLS                                                                                                     \
  "SELECT c.id,c.name,c.company,c.bio,c.languages,c.email,c.active,"                                                   \
  "(SELECT string_agg(t.name,', ') FROM (SELECT t.name FROM coach_theme x JOIN theme t ON t.id=x.theme_id"             \
  "  WHERE x.coach_id=c.id ORDER BY t.name COLLATE NOCASE) t),"                                                        \
  "(SELECT string_agg(code,',') FROM (SELECT region_code code FROM coach_region WHERE coach_id=c.id"                   \
  "  ORDER BY region_code) r),"                                                                                        \
  "(SELECT string_agg(n,', ') FROM (SELECT CASE CAST(:sv AS INTEGER) WHEN 1 THEN g.name_sv ELSE g.name_fi END n FROM " \
  "coach_region x"                                                                                                     \
  "  JOIN region g ON g.code=x.region_code WHERE x.coach_id=c.id ORDER BY g.number) r) FROM coach c"

static void read_coach(db_stmt *st, coach *c, arena *a) {
  c->id = db_col_int(st, 0);
  c->name = db_col_adup(st, 1, a);
  c->company = db_col_adup(st, 2, a);
  c->bio = db_col_adup(st, 3, a);
  c->languages = db_col_adup(st, 4, a);
  c->email = db_col_adup(st, 5, a);
  c->active = (int)db_col_int(st, 6);
  c->themes = db_col_adup(st, 7, a);
  c->regions = db_col_adup(st, 8, a);
  c->region_names = db_col_adup(st, 9, a);
}

static int is_sv(const char *lang) {
  return lang && !strcmp(lang, "sv");
}

coach *coach_get(db *d, arena *a, long long id, const char *lang) {
  db_stmt *st = db_prepare(d, COACH_COLS " WHERE c.id=:id");
  db_bind_int(st, ":sv", is_sv(lang));
  db_bind_int(st, ":id", id);
  coach *c = NULL;
  if (db_step(st) == 1) {
    c = arena_alloc(a, sizeof *c);
    read_coach(st, c, a);
  }
  db_done(st);
  return c;
}

/* The filter on :theme (name), :region (code), :lang (code), '' for any, and :active. Languages are stored without
 * spaces, so ','||languages||',' finds a code exactly. */
#define COACH_WHERE                                                                                                    \
  " WHERE (:theme='' OR EXISTS(SELECT 1 FROM coach_theme x JOIN theme t ON t.id=x.theme_id"                            \
  "   WHERE x.coach_id=c.id AND t.name=:theme COLLATE NOCASE))"                                                        \
  " AND (:region='' OR EXISTS(SELECT 1 FROM coach_region WHERE coach_id=c.id AND region_code=:region))"                \
  " AND (:lang='' OR instr(','||c.languages||',', ','||:lang||',')>0) AND (:active=0 OR c.active=1)"

static void bind_filter(db_stmt *st, const coach_filter *f) {
  db_bind_text(st, ":theme", nz(f->theme));
  db_bind_text(st, ":region", nz(f->region));
  db_bind_text(st, ":lang", nz(f->language));
  db_bind_int(st, ":active", f->only_active);
}

long long coach_count(db *d, const coach_filter *f) {
  db_stmt *st = db_prepare(d, "SELECT count(*) FROM coach c" COACH_WHERE);
  bind_filter(st, f);
  long long n = db_step(st) == 1 ? db_col_int(st, 0) : 0;
  db_done(st);
  return n;
}

coach *coach_list(db *d, arena *a, const coach_filter *f, const char *lang, int limit, int offset, int *n) {
  db_stmt *st =
      db_prepare(d, COACH_COLS COACH_WHERE " ORDER BY c.name COLLATE NOCASE, c.id LIMIT :limit OFFSET :offset");
  db_bind_int(st, ":sv", is_sv(lang));
  bind_filter(st, f);
  db_bind_int(st, ":limit", limit);
  db_bind_int(st, ":offset", offset);
  coach *v = arena_alloc(a, sizeof *v * (size_t)(limit > 0 ? limit : 1));
  *n = 0;
  while (*n < limit && db_step(st) == 1) read_coach(st, &v[(*n)++], a);
  db_done(st);
  return v;
}

char **coach_themes(db *d, arena *a, int *n) {
  db_stmt *st =
      db_query(d,
               "SELECT t.name FROM theme t JOIN coach_theme x ON x.theme_id=t.id"
               " JOIN coach c ON c.id=x.coach_id AND c.active=1 GROUP BY t.name ORDER BY t.name COLLATE NOCASE"
               " LIMIT 500",
               "");
  char **v = arena_alloc(a, 500 * sizeof *v);
  *n = 0;
  while (*n < 500 && db_step(st) == 1) v[(*n)++] = db_col_adup(st, 0, a);
  db_done(st);
  return v;
}
