/* event: the programme's webinars and events, and the public calendar that adds the sessions of deliveries marked
 * in_calendar (issue #15). */
#include "model/event.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "model/audit.h"
#include "model/write.h"

static const char *nz(const char *s) {
  return s ? s : "";
}

static void check_len(const char *s, size_t max, const char *field, const char *msg, kerr *e) {
  if (util_utf8_len(s) > max) kerr_add(e, field, msg);
}

/* Reads a date and a time typed in Finnish into "YYYY-MM-DDTHH:MM"; 0 on success. */
static int local_time(const char *date, const char *time, char out[17], const char *dfield, const char *tfield,
                      kerr *e) {
  char day[11], hm[6];
  int ok = 1;
  if (date_parse(date, day) != K_OK) ok = 0, kerr_add(e, dfield, N_("Anna päivä muodossa 22.11.2026."));
  if (date_hm_parse(time, hm) != K_OK) ok = 0, kerr_add(e, tfield, N_("Anna kellonaika muodossa 9.30."));
  if (ok) snprintf(out, 17, "%s%s%s", day, "T", hm);
  return ok ? K_OK : K_ERR;
}

static int url_ok(const char *s) {
  if (util_blank(s)) return 1;
  if (strncmp(s, "https://", 8) && strncmp(s, "http://", 7)) return 0;
  for (const char *p = s; *p; p++)
    if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>') return 0;
  return 1;
}

int event_validate(db *d, const event *x, kerr *e) {
  char s[17] = "", t[17] = "";
  if (!x->kind || (strcmp(x->kind, "webinar") && strcmp(x->kind, "event")))
    kerr_add(e, "kind", N_("Valitse, onko kyseessä webinaari vai tapahtuma."));
  if (util_blank(x->title)) kerr_add(e, "title", N_("Anna otsikko."));
  check_len(x->title, EVENT_MAX_TITLE, "title", N_("Otsikko on liian pitkä (enintään 200 merkkiä)."), e);
  check_len(x->title_sv, EVENT_MAX_TITLE, "title_sv", N_("Otsikko on liian pitkä (enintään 200 merkkiä)."), e);
  check_len(x->title_en, EVENT_MAX_TITLE, "title_en", N_("Otsikko on liian pitkä (enintään 200 merkkiä)."), e);
  const char *texts[3][2] = {
      {x->description, "description"}, {x->description_sv, "description_sv"}, {x->description_en, "description_en"}};
  for (int i = 0; i < 3; i++)
    check_len(texts[i][0], EVENT_MAX_TEXT, texts[i][1], N_("Kuvaus on liian pitkä (enintään 20 000 merkkiä)."), e);
  int sok = local_time(x->start_date, x->start_time, s, "start_date", "start_time", e) == K_OK;
  int tok = local_time(x->end_date, x->end_time, t, "end_date", "end_time", e) == K_OK;
  if (sok && tok && strcmp(t, s) < 0) kerr_add(e, "end_date", N_("Tapahtuma ei voi päättyä ennen kuin se alkaa."));
  check_len(x->place, EVENT_MAX_PLACE, "place", N_("Paikka on liian pitkä (enintään 200 merkkiä)."), e);
  if (!url_ok(x->online_url) || util_utf8_len(x->online_url) > EVENT_MAX_URL)
    kerr_add(e, "online_url", N_("Anna verkko-osoite muodossa https://…"));
  if (x->service_id && !db_exists(d, "SELECT 1 FROM service WHERE id=?1", "i", x->service_id))
    kerr_add(e, "service", N_("Tuntematon palvelu."));
  return e->msg ? K_ERR : K_OK;
}

static void bind_event(db_stmt *st, const event *x, const char *s, const char *t, const char *now) {
  db_bind_text(st, ":kind", x->kind);
  db_bind_text(st, ":title", x->title);
  db_bind_text(st, ":title_sv", nz(x->title_sv));
  db_bind_text(st, ":title_en", nz(x->title_en));
  db_bind_text(st, ":description", nz(x->description));
  db_bind_text(st, ":description_sv", nz(x->description_sv));
  db_bind_text(st, ":description_en", nz(x->description_en));
  db_bind_text(st, ":starts", s);
  db_bind_text(st, ":ends", t);
  db_bind_text(st, ":place", nz(x->place));
  db_bind_text(st, ":online", nz(x->online_url));
  if (x->service_id)
    db_bind_int(st, ":service", x->service_id);
  else
    db_bind_null(st, ":service");
  db_bind_int(st, ":published", x->published ? 1 : 0);
  db_bind_text(st, ":now", now);
}

#define EVENT_SET                                                                                                      \
  "kind=:kind,title=:title,title_sv=:title_sv,title_en=:title_en,description=:description,"                            \
  "description_sv=:description_sv,description_en=:description_en,starts_at=:starts,ends_at=:ends,place=:place,"        \
  "online_url=:online,service_id=:service,"                                                                            \
  "published_at=CASE WHEN CAST(:published AS INTEGER)=1 THEN coalesce(published_at,:now) ELSE NULL END"

long long event_save(db *d, const event *x, const char *actor, kerr *e) {
  char s[17], t[17];
  if (event_validate(d, x, e) != K_OK) return 0;
  local_time(x->start_date, x->start_time, s, "", "", e);
  local_time(x->end_date, x->end_time, t, "", "", e);
  if (write_begin(d, "Tapahtuman tallennus", e) != K_OK) return 0;
  db_time now = db_now();
  long long id = x->id;
  db_stmt *st;
  if (id) {
    st = db_prepare(d, "UPDATE event SET " EVENT_SET
                       ",sequence=sequence+1,updated_by=:actor,updated_at=:now WHERE id=:id");
    db_bind_int(st, ":id", id);
  } else {
    char hex[33], uid[64];
    util_random_hex(hex, 16); /* libsodium's randombytes: unique without asking the database */
    snprintf(uid, sizeof uid, "%s@kehto", hex);
    st = db_prepare(d, "INSERT INTO event(uid,kind,title,title_sv,title_en,description,description_sv,description_en,"
                       "starts_at,ends_at,place,online_url,service_id,published_at,created_by,created_at,updated_by,"
                       "updated_at) VALUES(:uid,:kind,:title,:title_sv,:title_en,:description,:description_sv,"
                       ":description_en,:starts,:ends,:place,:online,:service,"
                       "CASE WHEN CAST(:published AS INTEGER)=1 THEN :now ELSE NULL END,:actor,:now,:actor,:now)");
    db_bind_text(st, ":uid", uid);
  }
  bind_event(st, x, s, t, now.s);
  db_bind_text(st, ":actor", nz(actor));
  int rc = db_step(st);
  db_done(st);
  if (rc < 0) {
    kerr_storage(e, "Tapahtuman tallennus", db_errmsg(d));
  } else if (id && db_changes(d) == 0) {
    kerr_set(e, NULL, N_("Tapahtumaa ei ole."));
    rc = -1;
  } else {
    if (!id) id = db_last_id(d);
    char subj[40];
    snprintf(subj, sizeof subj, "event:%lld", id);
    if (audit_log(d, *nz(actor) ? actor : "cli", x->id ? "update" : "create", subj, x->title) != K_OK) rc = -1;
  }
  return write_end(d, rc < 0 ? K_ERR : K_OK, "Tapahtuman tallennus", e) == K_OK ? id : 0;
}

int event_delete(db *d, long long id, const char *actor, kerr *e) {
  if (write_begin(d, "Tapahtuman poisto", e) != K_OK) return K_ERR;
  char *title = db_text(d, "SELECT title FROM event WHERE id=?1", "i", id);
  int rc = K_ERR;
  if (!title)
    kerr_set(e, NULL, N_("Tapahtumaa ei ole."));
  else if (db_exec(d, "DELETE FROM event WHERE id=?1", "i", id) != DB_OK)
    kerr_storage(e, "Tapahtuman poisto", db_errmsg(d));
  else {
    char subj[40];
    snprintf(subj, sizeof subj, "event:%lld", id);
    rc = audit_log(d, *nz(actor) ? actor : "cli", "delete", subj, title);
  }
  free(title);
  return write_end(d, rc, "Tapahtuman poisto", e);
}

/* clang-format off */
#define EVENT_COLS                                                                                                     \
  "SELECT e.id,e.uid,e.kind,e.title,e.title_sv,e.title_en,e.description,e.description_sv,e.description_en,"            \
  "e.starts_at,e.ends_at,e.place,e.online_url,e.service_id,e.published_at,e.sequence,e.updated_at,"                    \
  TR_PICK("e.title") "," TR_FALLBACK("e.title") "," TR_PICK("e.description") "," TR_FALLBACK("e.description") ","      \
  "coalesce(" TR_PICK("s.name") ",'')," TR_FALLBACK("s.name") ",coalesce(s.open,0)"                                    \
  " FROM event e LEFT JOIN service s ON s.id=e.service_id"
/* clang-format on */

static char *fi_date(arena *a, const char *iso) {
  char out[16];
  if (!iso || strlen(iso) < 10) return arena_strdup(a, "");
  snprintf(out, sizeof out, "%d.%d.%.4s", atoi(iso + 8), atoi(iso + 5), iso);
  return arena_strdup(a, out);
}

static char *fi_time(arena *a, const char *iso) {
  char out[8];
  if (!iso || strlen(iso) < 16) return arena_strdup(a, "");
  snprintf(out, sizeof out, "%d.%.2s", atoi(iso + 11), iso + 14);
  return arena_strdup(a, out);
}

static void read_event(db_stmt *st, event *x, arena *a) {
  x->id = db_col_int(st, 0);
  x->uid = db_col_adup(st, 1, a);
  x->kind = db_col_adup(st, 2, a);
  x->title = db_col_adup(st, 3, a);
  x->title_sv = db_col_adup(st, 4, a);
  x->title_en = db_col_adup(st, 5, a);
  x->description = db_col_adup(st, 6, a);
  x->description_sv = db_col_adup(st, 7, a);
  x->description_en = db_col_adup(st, 8, a);
  x->starts_at = db_col_adup(st, 9, a);
  x->ends_at = db_col_adup(st, 10, a);
  x->place = db_col_adup(st, 11, a);
  x->online_url = db_col_adup(st, 12, a);
  x->service_id = db_col_int(st, 13);
  x->published_at = db_col_adup(st, 14, a);
  x->published = x->published_at != NULL;
  x->sequence = (int)db_col_int(st, 15);
  x->updated_at = db_col_adup(st, 16, a);
  x->t_title = (tr){db_col_adup(st, 17, a), (int)db_col_int(st, 18)};
  x->t_description = (tr){db_col_adup(st, 19, a), (int)db_col_int(st, 20)};
  x->t_service = (tr){db_col_adup(st, 21, a), (int)db_col_int(st, 22)};
  x->service_open = (int)db_col_int(st, 23);
  x->start_date = fi_date(a, x->starts_at);
  x->start_time = fi_time(a, x->starts_at);
  x->end_date = fi_date(a, x->ends_at);
  x->end_time = fi_time(a, x->ends_at);
}

event *event_get(db *d, arena *a, long long id, const char *lang) {
  db_stmt *st = db_prepare(d, EVENT_COLS " WHERE e.id=:id");
  db_bind_int(st, ":lang", tr_lang_index(lang));
  db_bind_int(st, ":id", id);
  event *x = NULL;
  if (db_step(st) == 1) {
    x = arena_alloc(a, sizeof *x);
    read_event(st, x, a);
  }
  db_done(st);
  return x;
}

long long event_count(db *d) {
  return db_int(d, 0, "SELECT count(*) FROM event", "");
}

event *event_list(db *d, arena *a, const char *lang, int limit, int offset, int *n) {
  db_stmt *st = db_prepare(d, EVENT_COLS " ORDER BY e.starts_at DESC, e.id DESC LIMIT :limit OFFSET :offset");
  db_bind_int(st, ":lang", tr_lang_index(lang));
  db_bind_int(st, ":limit", limit);
  db_bind_int(st, ":offset", offset);
  event *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    read_event(st, &v[(*n)++], a);
  }
  db_done(st);
  return v ? v : arena_alloc(a, sizeof *v);
}

/* ---- the calendar: published events and the sessions of deliveries in the calendar, in one union ---- */

/* clang-format off */
#define CAL_UNION                                                                                                      \
  " FROM (SELECT e.id AS event_id, 0 AS session_id, e.uid AS uid, e.sequence AS seq, e.kind AS kind,"                  \
  " " TR_PICK("e.title") " AS title, " TR_FALLBACK("e.title") " AS title_fb, '' AS subtitle,"                           \
  " " TR_PICK("e.description") " AS descr, " TR_FALLBACK("e.description") " AS descr_fb,"                               \
  " e.starts_at AS starts, e.ends_at AS ends, 0 AS all_day, e.place AS place, e.online_url AS online,"                 \
  " coalesce(e.service_id,0) AS service_id, coalesce(" TR_PICK("s.name") ",'') AS service,"                            \
  " coalesce(" TR_FALLBACK("s.name") ",0) AS service_fb, coalesce(s.open,0) AS service_open, e.updated_at AS updated"  \
  " FROM event e LEFT JOIN service s ON s.id=e.service_id WHERE e.published_at IS NOT NULL"                            \
  " UNION ALL SELECT 0, ds.id, '', 0, 'delivery',"                                                                     \
  " " TR_PICK("s.name") ", " TR_FALLBACK("s.name") ", x.title,"                                                         \
  " " TR_PICK("s.description") ", " TR_FALLBACK("s.description") ","                                                    \
  " ds.held_on || 'T' || coalesce(ds.starts_time,'00:00'), ds.held_on || 'T' || coalesce(ds.ends_time,'23:59'),"       \
  " CASE WHEN ds.starts_time IS NULL THEN 1 ELSE 0 END, coalesce(nullif(ds.place,''), x.place), '', s.id,"            \
  " " TR_PICK("s.name") ", " TR_FALLBACK("s.name") ", s.open, x.updated_at"                                            \
  " FROM delivery_session ds JOIN delivery x ON x.id=ds.delivery_id JOIN service s ON s.id=x.service_id"               \
  " WHERE x.in_calendar=1) c"                                                                                          \
  " WHERE (CAST(:when AS INTEGER)=0 OR (CAST(:when AS INTEGER)=1 AND c.ends>=:now)"                                    \
  " OR (CAST(:when AS INTEGER)=-1 AND c.ends<:now))"
/* clang-format on */

static void bind_cal(db_stmt *st, const cal_filter *f, const char *lang) {
  db_bind_int(st, ":lang", tr_lang_index(lang));
  db_bind_int(st, ":when", f->when);
  db_bind_text(st, ":now", f->now ? f->now : "");
}

long long event_calendar_count(db *d, const cal_filter *f) {
  db_stmt *st = db_prepare(d, "SELECT count(*)" CAL_UNION);
  bind_cal(st, f, "fi");
  long long n = db_step(st) == 1 ? db_col_int(st, 0) : 0;
  db_done(st);
  return n;
}

cal_entry *event_calendar(db *d, arena *a, const cal_filter *f, const char *lang, int limit, int offset, int *n) {
  db_stmt *st =
      db_prepare(d, f->when < 0 ? "SELECT c.*" CAL_UNION " ORDER BY c.starts DESC, c.event_id DESC, c.session_id DESC"
                                  " LIMIT :limit OFFSET :offset"
                                : "SELECT c.*" CAL_UNION " ORDER BY c.starts, c.event_id, c.session_id"
                                  " LIMIT :limit OFFSET :offset");
  bind_cal(st, f, lang);
  db_bind_int(st, ":limit", limit);
  db_bind_int(st, ":offset", offset);
  cal_entry *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    cal_entry *c = &v[(*n)++];
    c->event_id = db_col_int(st, 0);
    c->session_id = db_col_int(st, 1);
    if (c->event_id) {
      c->uid = db_col_adup(st, 2, a);
    } else { /* derived from the session's id: the same on every read, so a subscriber's copy is updated */
      char uid[64];
      snprintf(uid, sizeof uid, "delivery-session-%lld@kehto", c->session_id);
      c->uid = arena_strdup(a, uid);
    }
    c->sequence = (int)db_col_int(st, 3);
    c->kind = db_col_adup(st, 4, a);
    c->title = (tr){db_col_adup(st, 5, a), (int)db_col_int(st, 6)};
    c->subtitle = db_col_adup(st, 7, a);
    c->description = (tr){db_col_adup(st, 8, a), (int)db_col_int(st, 9)};
    c->starts = db_col_adup(st, 10, a);
    c->ends = db_col_adup(st, 11, a);
    c->all_day = (int)db_col_int(st, 12);
    c->place = db_col_adup(st, 13, a);
    c->online_url = db_col_adup(st, 14, a);
    c->service_id = db_col_int(st, 15);
    c->service = (tr){db_col_adup(st, 16, a), (int)db_col_int(st, 17)};
    c->service_open = (int)db_col_int(st, 18);
    c->updated_at = db_col_adup(st, 19, a);
    if (!c->subtitle) c->subtitle = arena_strdup(a, "");
    if (!c->place) c->place = arena_strdup(a, "");
    if (!c->online_url) c->online_url = arena_strdup(a, "");
  }
  db_done(st);
  return v ? v : arena_alloc(a, sizeof *v);
}
