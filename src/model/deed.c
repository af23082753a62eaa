/* deed: storage, validation and moderation of development deeds; the search index is kept in step here. */
#include "model/deed.h"
#include "model/mail.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"
#include "model/themelist.h"
#include "model/write.h"
#include "search/search.h"

static int check_text(const char *v, const char *field, const char *label, size_t max, int required, kerr *e) {
  if (required && util_blank(v)) return kerr_add(e, field, "%r puuttuu.", label);
  if (v && !util_utf8_valid(v, strlen(v))) return kerr_add(e, field, "%r ei ole kelvollista UTF-8-tekstiä.", label);
  if (util_utf8_len(v) > max) return kerr_add(e, field, "%r on liian pitkä (enintään %zu merkkiä).", label, max);
  return K_OK;
}

char *deed_sector_code(db *d, const char *s) {
  if (util_blank(s)) return NULL;
  return db_text(d,
                 "SELECT code FROM sector WHERE code=?1 COLLATE NOCASE OR name_fi=?1 COLLATE NOCASE "
                 "OR name_sv=?1 COLLATE NOCASE OR name_en=?1 COLLATE NOCASE",
                 "t", s);
}

int deed_validate(db *d, const deed *x, int require_contact, kerr *e) {
  kerr_clear(e);
  /* every check runs, in the order of the form, so it can show all its errors at once; the first is e itself */
  check_text(x->title, "title", "Otsikko", DEED_MAX_TITLE, 1, e);
  check_text(x->org_name, "organisation", "Organisaatio", 300, x->org_id == 0, e);
  if (util_blank(x->sector_code) || !db_exists(d, "SELECT 1 FROM sector WHERE code=?1", "t", x->sector_code))
    kerr_add(e, "sector", N_("Valitse toimiala."));
  if (util_blank(x->municipality_code) && require_contact)
    kerr_add(e, "municipality", N_("Valitse kunta."));
  else if (x->municipality_code && !db_exists(d, "SELECT 1 FROM municipality WHERE code=?1", "t", x->municipality_code))
    kerr_add(e, "municipality", N_("Tuntematon kunta."));
  if (x->year < 2000 || x->year > 2100) kerr_add(e, "year", N_("Vuoden pitää olla välillä 2000–2100."));
  check_text(x->themes, "themes", "Teemat", 500, 0, e);
  check_text(x->summary, "summary", "Tiivistelmä", DEED_MAX_TEXT, 0, e);
  check_text(x->starting_point, "starting_point", "Lähtötilanne", DEED_MAX_TEXT, 0, e);
  check_text(x->goal, "goal", "Tavoite", DEED_MAX_TEXT, 1, e);
  check_text(x->actions, "actions", "Mitä tehtiin", DEED_MAX_TEXT, 0, e);
  check_text(x->participants, "participants", "Keitä oli mukana", 300, 0, e);
  check_text(x->results, "results", "Tulokset", DEED_MAX_TEXT, 1, e);
  check_text(x->service, "service", "Ohjelman palvelu", 300, 0, e);
  check_text(x->ref, "ref", "Tunniste (ref)", 100, 0, e);
  check_text(x->contact_name, "contact_name", "Yhteyshenkilön nimi", 200, require_contact, e);
  if (require_contact && !util_email_valid(x->contact_email))
    kerr_add(e, "contact_email", N_("Anna toimiva sähköpostiosoite, esimerkiksi nimi@kunta.fi."));
  if (!require_contact && !util_blank(x->contact_email) && !util_email_valid(x->contact_email))
    kerr_add(e, "contact_email", N_("Sähköpostiosoite ei ole kelvollinen."));
  return e->msg ? K_ERR : K_OK;
}

static const char *nz(const char *s) {
  return s ? s : "";
}

static void bind_fields(db_stmt *st, const deed *x) {
  db_bind_text(st, ":ref", util_blank(x->ref) ? NULL : x->ref);
  db_bind_text(st, ":title", x->title);
  if (x->org_id)
    db_bind_int(st, ":org_id", x->org_id);
  else
    db_bind_null(st, ":org_id");
  db_bind_text(st, ":org_name", nz(x->org_name));
  db_bind_text(st, ":municipality_code", x->municipality_code);
  db_bind_text(st, ":sector_code", x->sector_code);
  db_bind_text(st, ":summary", nz(x->summary));
  db_bind_text(st, ":starting_point", nz(x->starting_point));
  db_bind_text(st, ":goal", nz(x->goal));
  db_bind_text(st, ":actions", nz(x->actions));
  db_bind_text(st, ":participants", nz(x->participants));
  db_bind_text(st, ":results", nz(x->results));
  db_bind_text(st, ":service", nz(x->service));
  db_bind_int(st, ":year", x->year);
  db_bind_text(st, ":contact_name", nz(x->contact_name));
  db_bind_text(st, ":contact_email", nz(x->contact_email));
}

static long long insert_rows(db *d, const deed *x, const char *status, kerr *e) {
  db_stmt *st = db_prepare(
      d, "INSERT INTO deed(ref,title,org_id,org_name,municipality_code,sector_code,summary,starting_point,goal,"
         "actions,participants,results,service,year,contact_name,contact_email,status,published_at,created_at,"
         "poster_email,poster_lang)"
         " VALUES(:ref,:title,:org_id,"
         " coalesce((SELECT name FROM org WHERE id=:org_id), :org_name),"
         " :municipality_code,:sector_code,:summary,:starting_point,:goal,:actions,:participants,:results,:service,"
         " :year,:contact_name,:contact_email,:status,"
         " CASE WHEN :status='published' THEN coalesce(:published_at, :now) END,"
         " coalesce(:created_at, :now), coalesce(:poster_email, ''), coalesce(:poster_lang, 'fi'))");
  bind_fields(st, x);
  db_bind_text(st, ":poster_email", util_email_valid(x->poster_email) ? x->poster_email : NULL);
  db_bind_text(st, ":poster_lang", x->poster_lang);
  db_bind_text(st, ":status", status);
  db_bind_text(st, ":published_at", x->published_at);
  db_bind_text(st, ":created_at", x->created_at);
  db_bind_text(st, ":now", db_now().s);
  int rc = db_step(st);
  db_done(st);
  if (rc < 0) {
    const char *msg = db_errmsg(d);
    if (strstr(msg, "deed.ref"))
      kerr_set(e, "ref", N_("Tunniste (ref) on jo käytössä."));
    else
      kerr_storage(e, "Teon tallennus", msg);
    return 0;
  }
  long long id = db_last_id(d);
  if (themelist_set(d, THEMELIST_DEED, id, x->themes) != DB_OK) return 0;
  if (strcmp(status, "published") == 0 && deed_index(d, id) != K_OK) return 0;
  return id;
}

long long deed_insert(db *d, const deed *x, const char *status, kerr *e) {
  if (write_begin(d, "Teon tallennus", e) != K_OK) return 0;
  long long id = insert_rows(d, x, status, e);
  return write_end(d, id ? K_OK : K_ERR, "Teon tallennus", e) == K_OK ? id : 0;
}

static int update_rows(db *d, const deed *x, kerr *e) {
  db_stmt *st = db_prepare(
      d, "UPDATE deed SET ref=:ref,title=:title,org_id=:org_id,"
         "org_name=coalesce((SELECT name FROM org WHERE id=:org_id), :org_name),"
         "municipality_code=:municipality_code,sector_code=:sector_code,summary=:summary,"
         "starting_point=:starting_point,goal=:goal,actions=:actions,participants=:participants,results=:results,"
         "service=:service,year=:year,contact_name=:contact_name,contact_email=:contact_email,"
         "updated_at=:now WHERE id=:id");
  bind_fields(st, x);
  db_bind_int(st, ":id", x->id);
  db_bind_text(st, ":now", db_now().s);
  int rc = db_step(st);
  db_done(st);
  if (rc < 0) {
    const char *msg = db_errmsg(d);
    if (strstr(msg, "deed.ref")) return kerr_set(e, "ref", N_("Tunniste (ref) on jo käytössä."));
    return kerr_storage(e, "Teon tallennus", msg);
  }
  if (db_changes(d) == 0) return kerr_set(e, NULL, "Tekoa %lld ei ole.", x->id);
  if (themelist_set(d, THEMELIST_DEED, x->id, x->themes) != DB_OK) return K_ERR;
  return deed_index(d, x->id);
}

int deed_update(db *d, const deed *x, kerr *e) {
  if (write_begin(d, "Teon tallennus", e) != K_OK) return K_ERR;
  return write_end(d, update_rows(d, x, e), "Teon tallennus", e);
}

deed *deed_get(db *d, arena *a, long long id, const char *lang) {
  db_stmt *st = db_query(
      d,
      "SELECT d.id, d.ref, d.title, coalesce(d.org_id,0), d.org_name, d.municipality_code,"
      " CASE WHEN ?2='sv' THEN m.name_sv ELSE m.name_fi END, CASE WHEN ?2='sv' THEN r.name_sv ELSE r.name_fi END,"
      " d.sector_code, CASE ?2 WHEN 'sv' THEN s.name_sv WHEN 'en' THEN s.name_en ELSE s.name_fi END,"
      " d.summary, d.starting_point, d.goal, d.actions, d.participants, d.results, d.service,"
      " (SELECT string_agg(t.name, ', ') FROM deed_theme dt JOIN theme t ON t.id=dt.theme_id WHERE dt.deed_id=d.id),"
      " d.year, d.contact_name, d.contact_email, d.status, d.reject_reason, d.created_at, d.updated_at, d.published_at"
      " FROM deed d JOIN sector s ON s.code=d.sector_code"
      " LEFT JOIN municipality m ON m.code=d.municipality_code LEFT JOIN region r ON r.code=m.region_code"
      " WHERE d.id=?1",
      "it", id, lang ? lang : "fi");
  deed *x = NULL;
  if (db_step(st) == 1) {
    x = arena_alloc(a, sizeof *x);
    x->id = db_col_int(st, 0);
    x->ref = db_col_adup(st, 1, a);
    x->title = db_col_adup(st, 2, a);
    x->org_id = db_col_int(st, 3);
    x->org_name = db_col_adup(st, 4, a);
    x->municipality_code = db_col_adup(st, 5, a);
    x->municipality_name = db_col_adup(st, 6, a);
    x->region_name = db_col_adup(st, 7, a);
    x->sector_code = db_col_adup(st, 8, a);
    x->sector_name = db_col_adup(st, 9, a);
    x->summary = db_col_adup(st, 10, a);
    x->starting_point = db_col_adup(st, 11, a);
    x->goal = db_col_adup(st, 12, a);
    x->actions = db_col_adup(st, 13, a);
    x->participants = db_col_adup(st, 14, a);
    x->results = db_col_adup(st, 15, a);
    x->service = db_col_adup(st, 16, a);
    x->themes = db_col_adup(st, 17, a);
    x->year = (int)db_col_int(st, 18);
    x->contact_name = db_col_adup(st, 19, a);
    x->contact_email = db_col_adup(st, 20, a);
    x->status = db_col_adup(st, 21, a);
    x->reject_reason = db_col_adup(st, 22, a);
    x->created_at = db_col_adup(st, 23, a);
    x->updated_at = db_col_adup(st, 24, a);
    x->published_at = db_col_adup(st, 25, a);
  }
  db_done(st);
  return x;
}

static int publish_rows(db *d, long long id, kerr *e) {
  int rc = db_exec(d,
                   "UPDATE deed SET status='published', reject_reason='', updated_at=?2,"
                   " published_at=coalesce(published_at, ?2) WHERE id=?1",
                   "it", id, db_now().s);
  if (rc != DB_OK) return K_ERR;
  if (db_changes(d) == 0) return kerr_set(e, NULL, "Tekoa %lld ei ole.", id);
  return deed_index(d, id);
}

/* Queues the email telling the deed's poster (who left an address on the form) of the decision, in the caller's
 * transaction and the language the poster used. */
static int notify(db *d, long long id, int published, const char *reason, kerr *e) {
  db_stmt *st =
      db_query(d, "SELECT poster_email, poster_lang, title FROM deed WHERE id = ?1 AND poster_email <> ''", "i", id);
  int rc = K_OK;
  if (db_step(st) == 1 &&
      !mail_deed_decided(d, db_col_text(st, 0), db_col_text(st, 1), id, db_col_text(st, 2), published, reason, e))
    rc = K_ERR;
  db_done(st);
  return rc;
}

int deed_publish(db *d, long long id, kerr *e) {
  if (write_begin(d, "Teon tallennus", e) != K_OK) return K_ERR;
  int was = db_exists(d, "SELECT 1 FROM deed WHERE id = ?1 AND status = 'published'", "i", id);
  int rc = publish_rows(d, id, e);
  if (rc == K_OK && !was) rc = notify(d, id, 1, "", e); /* told once, when the decision changes */
  return write_end(d, rc, "Teon tallennus", e);
}

static int reject_rows(db *d, long long id, const char *reason, kerr *e) {
  int rc = db_exec(d, "UPDATE deed SET status='rejected', reject_reason=?2, updated_at=?3 WHERE id=?1", "itt", id,
                   reason, db_now().s);
  if (rc != DB_OK) return K_ERR;
  if (db_changes(d) == 0) return kerr_set(e, NULL, "Tekoa %lld ei ole.", id);
  return deed_index(d, id);
}

int deed_reject(db *d, long long id, const char *reason, kerr *e) {
  if (util_blank(reason)) return kerr_set(e, "reason", "Kerro hylkäyksen syy.");
  if (util_utf8_len(reason) > 1000) return kerr_set(e, "reason", "Syy on liian pitkä (enintään 1000 merkkiä).");
  if (write_begin(d, "Teon tallennus", e) != K_OK) return K_ERR;
  int was = db_exists(d, "SELECT 1 FROM deed WHERE id = ?1 AND status = 'rejected'", "i", id);
  int rc = reject_rows(d, id, reason, e);
  if (rc == K_OK && !was) rc = notify(d, id, 0, reason, e);
  return write_end(d, rc, "Teon tallennus", e);
}

int deed_index(db *d, long long id) {
  if (db_exec(d, "DELETE FROM deed_fts WHERE rowid=?1", "i", id) != DB_OK) return K_ERR;
  int rc = db_exec(d,
                   "INSERT INTO deed_fts(rowid, title, body, organisation, municipality)"
                   " SELECT d.id, d.title,"
                   "  d.summary || ?2 || d.starting_point || ?2 || d.goal || ?2 || d.actions"
                   "   || ?2 || d.results || ?2 || coalesce((SELECT string_agg(t.name, ', ') FROM deed_theme dt"
                   "   JOIN theme t ON t.id=dt.theme_id WHERE dt.deed_id=d.id), ''),"
                   "  d.org_name, coalesce(m.name_fi || ' ' || m.name_sv, '')"
                   " FROM deed d LEFT JOIN municipality m ON m.code=d.municipality_code"
                   " WHERE d.id=?1 AND d.status='published'",
                   "it", id, "\n");
  return rc == DB_OK ? search_reindex(d, id) : K_ERR;
}

long long deed_count_by_status(db *d, const char *status) {
  return db_int(d, 0, "SELECT count(*) FROM deed WHERE status=?1", "t", status);
}

deed *deed_list_by_status(db *d, arena *a, const char *status, int limit, int offset, int *n) {
  db_stmt *st = db_query(d,
                         "SELECT d.id, d.title, d.org_name, m.name_fi, d.year, d.status, d.created_at"
                         " FROM deed d LEFT JOIN municipality m ON m.code=d.municipality_code"
                         " WHERE d.status=?1 ORDER BY d.created_at DESC, d.id DESC LIMIT ?2 OFFSET ?3",
                         "tii", status, (long long)limit, (long long)offset);
  deed *v = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof *v);
  *n = 0;
  while (*n < limit && db_step(st) == 1) {
    deed *x = &v[(*n)++];
    x->id = db_col_int(st, 0);
    x->title = db_col_adup(st, 1, a);
    x->org_name = db_col_adup(st, 2, a);
    x->municipality_name = db_col_adup(st, 3, a);
    x->year = (int)db_col_int(st, 4);
    x->status = db_col_adup(st, 5, a);
    x->created_at = db_col_adup(st, 6, a);
  }
  db_done(st);
  return v;
}

sitemap_item *deed_sitemap(db *d, arena *a, int *n) {
  return sitemap_read(db_query(d,
                               "SELECT id, COALESCE(updated_at, published_at) FROM deed WHERE status='published'"
                               " ORDER BY id",
                               ""),
                      a, n);
}
