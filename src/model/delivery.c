/* delivery: deliveries, their organisations and sessions; participation and attendance counts. */
#include "model/delivery.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "model/audit.h"
#include "model/service.h"

static const char *nz(const char *s) {
  return s ? s : "";
}

static void check_len(const char *s, size_t max, const char *field, const char *msg, kerr *e) {
  if (util_utf8_len(s) > max) kerr_add(e, field, "%r", msg);
}

int delivery_validate(db *d, const delivery *x, kerr *e) {
  char s[11] = "", t[11] = "";
  if (!db_exists(d, "SELECT 1 FROM service WHERE id=?1", "i", x->service_id))
    kerr_add(e, "service", N_("Valitse palvelu."));
  check_len(x->ref, DELIVERY_MAX_REF, "ref", N_("Tunnus on liian pitkä (enintään 64 merkkiä)."), e);
  if (!util_blank(x->ref) && db_exists(d, "SELECT 1 FROM delivery WHERE ref=?1 AND id<>?2", "ti", x->ref, x->id))
    kerr_add(e, "ref", N_("Tunnus on jo toisen toteutuksen käytössä."));
  check_len(x->title, DELIVERY_MAX_TITLE, "title", N_("Otsikko on liian pitkä (enintään 200 merkkiä)."), e);
  check_len(x->place, DELIVERY_MAX_PLACE, "place", N_("Paikka on liian pitkä (enintään 200 merkkiä)."), e);
  int sok = date_parse(x->starts_on, s) == K_OK;
  int tok = date_parse(x->ends_on, t) == K_OK;
  if (!sok) kerr_add(e, "starts_on", N_("Anna alkupäivä muodossa 22.11.2026."));
  if (!tok) kerr_add(e, "ends_on", N_("Anna loppupäivä muodossa 22.11.2026."));
  if (sok && tok && strcmp(t, s) < 0) kerr_add(e, "ends_on", N_("Loppupäivä ei voi olla ennen alkupäivää."));
  if (util_blank(x->place) && !x->remote)
    kerr_add(e, "place", N_("Anna paikka tai merkitse toteutus etätoteutukseksi."));
  if (x->coach_id && !db_exists(d, "SELECT 1 FROM coach WHERE id=?1", "i", x->coach_id))
    kerr_add(e, "coach", N_("Tuntematon valmentaja."));
  return e->msg ? K_ERR : K_OK;
}

static void bind_delivery(db_stmt *st, const delivery *x, const char *s, const char *t) {
  db_bind_text(st, ":ref", util_blank(x->ref) ? NULL : x->ref);
  db_bind_int(st, ":service", x->service_id);
  db_bind_text(st, ":title", nz(x->title));
  db_bind_text(st, ":starts", s);
  db_bind_text(st, ":ends", t);
  db_bind_text(st, ":place", nz(x->place));
  db_bind_int(st, ":remote", x->remote ? 1 : 0);
  db_bind_int(st, ":cal", x->in_calendar ? 1 : 0);
  if (x->coach_id)
    db_bind_int(st, ":coach", x->coach_id);
  else
    db_bind_null(st, ":coach");
}

/* Inserts (id 0) or updates the delivery row. Returns the id, or 0 with e set. */
static long long delivery_write(db *d, const delivery *x, long long id, kerr *e) {
  char s[11], t[11];
  if (delivery_validate(d, x, e) != K_OK) return 0;
  date_parse(x->starts_on, s);
  date_parse(x->ends_on, t);
  if (id && db_exists(d, "SELECT 1 FROM delivery_session WHERE delivery_id=?1 AND (held_on<?2 OR held_on>?3)", "itt",
                      id, s, t)) {
    kerr_add(e, "starts_on", N_("Toteutuksella on tapaamisia näiden päivien ulkopuolella."));
    return 0;
  }
  db_stmt *st = id ? db_prepare(d, "UPDATE delivery SET ref=:ref,service_id=:service,title=:title,starts_on=:starts,"
                                   "ends_on=:ends,place=:place,remote=:remote,coach_id=:coach,"
                                   "in_calendar=:cal,updated_at=:now WHERE id=:id")
                   : db_prepare(d, "INSERT INTO delivery(ref,service_id,title,starts_on,ends_on,place,remote,coach_id,"
                                   "in_calendar) VALUES(:ref,:service,:title,:starts,:ends,:place,:remote,:coach,:cal)");
  bind_delivery(st, x, s, t);
  if (id) db_bind_int(st, ":id", id);
  if (id) db_bind_text(st, ":now", db_now().s);
  int rc = db_step(st);
  db_done(st);
  if (rc < 0) {
    kerr_storage(e, "Toteutuksen tallennus", db_errmsg(d));
    return 0;
  }
  if (id && db_changes(d) == 0) {
    kerr_set(e, NULL, N_("Toteutusta ei ole."));
    return 0;
  }
  return id ? id : db_last_id(d);
}

long long delivery_create(db *d, const delivery *x, kerr *e) {
  return delivery_write(d, x, 0, e);
}

int delivery_update(db *d, const delivery *x, kerr *e) {
  return delivery_write(d, x, x->id, e) ? K_OK : K_ERR;
}

/* Columns for read_delivery; :lang is 0 fi, 1 sv, 2 en. */
#define DELIVERY_COLS                                                                                                  \
  "SELECT x.id,x.ref,x.service_id,s.name,s.type_code,"                                                                 \
  "CASE CAST(:lang AS INTEGER) WHEN 1 THEN t.name_sv WHEN 2 THEN t.name_en ELSE t.name_fi "                            \
  "END,s.counts,x.title,x.starts_on,"                                                                                  \
  "x.ends_on,x.place,x.remote,x.coach_id,c.name,x.application_id,"                                                     \
  "(SELECT count(*) FROM participation WHERE delivery_id=x.id),x.in_calendar FROM delivery x"                                        \
  " JOIN service s ON s.id=x.service_id JOIN service_type t ON t.code=s.type_code"                                     \
  " LEFT JOIN coach c ON c.id=x.coach_id"

static void read_delivery(db_stmt *st, delivery *x, arena *a) {
  x->id = db_col_int(st, 0);
  x->ref = db_col_adup(st, 1, a);
  x->service_id = db_col_int(st, 2);
  x->service_name = db_col_adup(st, 3, a);
  x->type_code = db_col_adup(st, 4, a);
  x->type_name = db_col_adup(st, 5, a);
  x->counts = db_col_adup(st, 6, a);
  x->title = db_col_adup(st, 7, a);
  x->starts_on = db_col_adup(st, 8, a);
  x->ends_on = db_col_adup(st, 9, a);
  x->place = db_col_adup(st, 10, a);
  x->remote = (int)db_col_int(st, 11);
  x->coach_id = db_col_int(st, 12);
  x->coach_name = db_col_adup(st, 13, a);
  x->application_id = db_col_int(st, 14);
  x->participations = db_col_int(st, 15);
  x->in_calendar = (int)db_col_int(st, 16);
}

static void read_orgs(db *d, delivery *x, arena *a) {
  int cap = 0;
  db_stmt *st = db_query(d,
                         "SELECT o.id,o.name FROM delivery_org x JOIN org o ON o.id=x.org_id"
                         " WHERE x.delivery_id=?1 ORDER BY o.name COLLATE NOCASE",
                         "i", x->id);
  while (db_step(st) == 1) {
    x->orgs = arena_grow(a, x->orgs, x->norgs, &cap, sizeof *x->orgs);
    x->orgs[x->norgs++] = (delivery_org){db_col_int(st, 0), db_col_adup(st, 1, a)};
  }
  db_done(st);
}

static void read_sessions(db *d, delivery *x, arena *a) {
  int cap = 0;
  db_stmt *st = db_query(d,
                         "SELECT s.id,s.number,s.held_on,s.place,"
                         "(SELECT count(*) FROM attendance a WHERE a.session_id=s.id),s.starts_time,s.ends_time"
                         " FROM delivery_session s WHERE s.delivery_id=?1 ORDER BY s.number",
                         "i", x->id);
  while (db_step(st) == 1) {
    x->sessions = arena_grow(a, x->sessions, x->nsessions, &cap, sizeof *x->sessions);
    x->sessions[x->nsessions++] = (delivery_session){db_col_int(st, 0), (int)db_col_int(st, 1), db_col_adup(st, 2, a),
                                                     db_col_adup(st, 3, a), db_col_int(st, 4),
                                                     db_col_adup(st, 5, a), db_col_adup(st, 6, a)};
  }
  db_done(st);
}

static void read_roles(db *d, delivery *x) {
  db_stmt *st = db_query(d, "SELECT role,count(*) FROM participation WHERE delivery_id=?1 GROUP BY role", "i", x->id);
  while (db_step(st) == 1) {
    int i = person_role_index(db_col_text(st, 0));
    if (i >= 0) x->by_role[i] = db_col_int(st, 1);
  }
  db_done(st);
}

delivery *delivery_get(db *d, arena *a, long long id, const char *lang) {
  db_stmt *st = db_prepare(d, DELIVERY_COLS " WHERE x.id=:id");
  db_bind_int(st, ":lang", service_lang_index(lang));
  db_bind_int(st, ":id", id);
  delivery *x = NULL;
  if (db_step(st) == 1) {
    x = arena_alloc(a, sizeof *x);
    read_delivery(st, x, a);
  }
  db_done(st);
  if (!x) return NULL;
  read_orgs(d, x, a);
  read_sessions(d, x, a);
  read_roles(d, x);
  return x;
}

int delivery_exists(db *d, long long id) {
  return db_exists(d, "SELECT 1 FROM delivery WHERE id=?1", "i", id);
}

int delivery_org_add(db *d, long long delivery_id, long long org_id, kerr *e) {
  if (!delivery_exists(d, delivery_id)) return kerr_set(e, NULL, N_("Toteutusta ei ole."));
  if (!db_exists(d, "SELECT 1 FROM org WHERE id=?1", "i", org_id))
    return kerr_set(e, "org", N_("Valitse organisaatio rekisteristä."));
  if (db_exec(d, "INSERT INTO delivery_org(delivery_id,org_id) VALUES(?1,?2) ON CONFLICT DO NOTHING", "ii", delivery_id,
              org_id) != DB_OK)
    return kerr_storage(e, "Organisaation lisäys", db_errmsg(d));
  return K_OK;
}

int delivery_org_remove(db *d, long long delivery_id, long long org_id, kerr *e) {
  if (db_exec(d, "DELETE FROM delivery_org WHERE delivery_id=?1 AND org_id=?2", "ii", delivery_id, org_id) != DB_OK)
    return kerr_storage(e, "Organisaation poisto", db_errmsg(d));
  return db_changes(d) ? K_OK : kerr_set(e, "org", N_("Organisaatio ei ole mukana tässä toteutuksessa."));
}

/* Checks a session's number and date against delivery_id (session_id: the session being changed, 0 for a new one)
 * and writes the ISO date to iso. Returns K_OK or K_ERR with e. */
static int session_check(db *d, long long delivery_id, long long session_id, int number, const char *held_on,
                         const char *place, char *iso, kerr *e) {
  if (!delivery_exists(d, delivery_id)) return kerr_set(e, NULL, N_("Toteutusta ei ole."));
  if (number < 1 || number > DELIVERY_MAX_SESSIONS)
    kerr_add(e, "number", N_("Numeron pitää olla kokonaisluku 1–500."));
  else if (db_exists(d, "SELECT 1 FROM delivery_session WHERE delivery_id=?1 AND number=?2 AND id<>?3", "iii",
                     delivery_id, (long long)number, session_id))
    kerr_add(e, "number", N_("Toteutuksella on jo tapaaminen tällä numerolla."));
  if (date_parse(held_on, iso) != K_OK)
    kerr_add(e, "held_on", N_("Anna päivä muodossa 22.11.2026."));
  else if (!db_exists(d, "SELECT 1 FROM delivery WHERE id=?1 AND ?2 BETWEEN starts_on AND ends_on", "it", delivery_id,
                      iso))
    kerr_add(e, "held_on", N_("Tapaamisen päivän pitää olla toteutuksen alku- ja loppupäivän välillä."));
  check_len(place, DELIVERY_MAX_PLACE, "session_place", N_("Paikka on liian pitkä (enintään 200 merkkiä)."), e);
  return e->msg ? K_ERR : K_OK;
}

long long delivery_session_add(db *d, long long delivery_id, int number, const char *held_on, const char *place,
                               kerr *e) {
  char iso[11];
  if (number == 0)
    number = (int)db_int(d, 1, "SELECT coalesce(max(number),0)+1 FROM delivery_session WHERE delivery_id=?1", "i",
                         delivery_id);
  if (session_check(d, delivery_id, 0, number, held_on, place, iso, e) != K_OK) return 0;
  if (db_exec(d, "INSERT INTO delivery_session(delivery_id,number,held_on,place) VALUES(?1,?2,?3,?4)", "iitt",
              delivery_id, (long long)number, iso, nz(place)) != DB_OK) {
    kerr_storage(e, "Tapaamisen lisäys", db_errmsg(d));
    return 0;
  }
  return db_last_id(d);
}

int delivery_session_update(db *d, long long delivery_id, long long session_id, int number, const char *held_on,
                            const char *place, kerr *e) {
  char iso[11];
  if (!db_exists(d, "SELECT 1 FROM delivery_session WHERE id=?1 AND delivery_id=?2", "ii", session_id, delivery_id))
    return kerr_set(e, NULL, N_("Tapaamista ei ole."));
  if (session_check(d, delivery_id, session_id, number, held_on, place, iso, e) != K_OK) return K_ERR;
  if (db_exec(d, "UPDATE delivery_session SET number=?2,held_on=?3,place=?4 WHERE id=?1", "iitt", session_id,
              (long long)number, iso, nz(place)) != DB_OK)
    return kerr_storage(e, "Tapaamisen tallennus", db_errmsg(d));
  return K_OK;
}

int delivery_session_times(db *d, long long delivery_id, long long session_id, const char *starts, const char *ends,
                           kerr *e) {
  char s[6] = "", t[6] = "";
  if (session_id &&
      !db_exists(d, "SELECT 1 FROM delivery_session WHERE id=?1 AND delivery_id=?2", "ii", session_id, delivery_id))
    return kerr_set(e, NULL, N_("Tapaamista ei ole."));
  int sblank = util_blank(starts), tblank = util_blank(ends);
  if (!sblank && date_hm_parse(starts, s) != K_OK)
    kerr_add(e, "starts_time", N_("Anna alkamisaika muodossa 9.30."));
  if (!tblank && date_hm_parse(ends, t) != K_OK) kerr_add(e, "ends_time", N_("Anna päättymisaika muodossa 11.00."));
  if (sblank != tblank)
    kerr_add(e, sblank ? "starts_time" : "ends_time",
             N_("Anna sekä alkamis- että päättymisaika, tai jätä molemmat tyhjiksi (koko päivä)."));
  else if (!sblank && *s && *t && strcmp(t, s) < 0)
    kerr_add(e, "ends_time", N_("Päättymisaika ei voi olla ennen alkamisaikaa."));
  if (e->msg) return K_ERR;
  if (!session_id) return K_OK; /* only checked */
  if (db_exec(d, "UPDATE delivery_session SET starts_time=?2,ends_time=?3 WHERE id=?1", "itt", session_id,
              sblank ? NULL : s, sblank ? NULL : t) != DB_OK)
    return kerr_storage(e, "Tapaamisen tallennus", db_errmsg(d));
  return K_OK;
}

int delivery_session_delete(db *d, long long delivery_id, long long session_id, const char *actor, kerr *e) {
  long long number =
      db_int(d, 0, "SELECT number FROM delivery_session WHERE id=?1 AND delivery_id=?2", "ii", session_id, delivery_id);
  if (!number) return kerr_set(e, NULL, N_("Tapaamista ei ole."));
  /* the session's attendance goes with it: that is a change of personal data, logged on each person */
  long long *people = NULL;
  int n = 0, cap = 0;
  db_stmt *st = db_query(d,
                         "SELECT DISTINCT pa.person_id FROM attendance a JOIN participation pa "
                         "ON pa.id=a.participation_id WHERE a.session_id=?1 ORDER BY 1",
                         "i", session_id);
  while (db_step(st) == 1) {
    people = util_grow(people, n, &cap, sizeof *people);
    people[n++] = db_col_int(st, 0);
  }
  db_done(st);
  char subject[40], detail[120];
  snprintf(detail, sizeof detail, "attendance removed: session %lld of delivery %lld deleted", number, delivery_id);
  int ok = db_begin(d) == DB_OK;
  for (int i = 0; ok && i < n; i++) {
    snprintf(subject, sizeof subject, "person:%lld", people[i]);
    ok = audit_log(d, actor, "update", subject, detail) == K_OK;
  }
  free(people);
  ok = ok && db_exec(d, "DELETE FROM delivery_session WHERE id=?1 AND delivery_id=?2", "ii", session_id, delivery_id) ==
                 DB_OK;
  if (!ok || db_commit(d) != DB_OK) {
    kerr_storage(e, "Tapaamisen poisto", db_errmsg(d));
    db_rollback(d);
    return K_ERR;
  }
  return K_OK;
}

#define DELIVERY_WHERE                                                                                                 \
  " WHERE (:type='' OR s.type_code=:type) AND (:year=0 OR substr(x.starts_on,1,4)=CAST(:year AS TEXT))"

long long delivery_count(db *d, const delivery_filter *f) {
  db_stmt *st = db_prepare(d, "SELECT count(*) FROM delivery x JOIN service s ON s.id=x.service_id" DELIVERY_WHERE);
  db_bind_text(st, ":type", nz(f->type));
  db_bind_int(st, ":year", f->year);
  long long n = db_step(st) == 1 ? db_col_int(st, 0) : 0;
  db_done(st);
  return n;
}

delivery *delivery_list(db *d, arena *a, const delivery_filter *f, const char *lang, int limit, int offset, int *n) {
  db_stmt *st =
      db_prepare(d, DELIVERY_COLS DELIVERY_WHERE " ORDER BY x.starts_on DESC, x.id DESC LIMIT :limit OFFSET :offset");
  db_bind_int(st, ":lang", service_lang_index(lang));
  db_bind_text(st, ":type", nz(f->type));
  db_bind_int(st, ":year", f->year);
  db_bind_int(st, ":limit", limit);
  db_bind_int(st, ":offset", offset);
  delivery *v = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof *v);
  *n = 0;
  while (*n < limit && db_step(st) == 1) read_delivery(st, &v[(*n)++], a);
  db_done(st);
  return v;
}

int delivery_years(db *d, int *years, int max) {
  db_stmt *st =
      db_query(d, "SELECT DISTINCT CAST(substr(starts_on,1,4) AS INTEGER) y FROM delivery ORDER BY y DESC", "");
  int n = 0;
  while (n < max && db_step(st) == 1) years[n++] = (int)db_col_int(st, 0);
  db_done(st);
  return n;
}

/* ---- a session's page, QR code and sign-in ---- */

/* The session with this id, or with this code when id is 0. */
static session_info *session_read(db *d, arena *a, long long id, const char *code) {
  db_stmt *st = db_prepare(d, "SELECT ds.id, ds.delivery_id, ds.number, ds.held_on, coalesce(nullif(ds.place,''), "
                              "x.place), ds.signin_code, s.counts, coalesce(nullif(x.title,''), s.name),"
                              " (SELECT count(*) FROM attendance a WHERE a.session_id=ds.id)"
                              " FROM delivery_session ds JOIN delivery x ON x.id=ds.delivery_id"
                              " JOIN service s ON s.id=x.service_id WHERE ds.id=:id OR ds.signin_code=:code");
  db_bind_int(st, ":id", id);
  db_bind_text(st, ":code", id ? NULL : code);
  session_info *v = NULL;
  if (db_step(st) == 1) {
    v = arena_alloc(a, sizeof *v);
    *v = (session_info){db_col_int(st, 0),     db_col_int(st, 1),     (int)db_col_int(st, 2),
                        db_col_adup(st, 3, a), db_col_adup(st, 4, a), db_col_adup(st, 5, a),
                        db_col_adup(st, 6, a), db_col_adup(st, 7, a), db_col_int(st, 8)};
  }
  db_done(st);
  return v;
}

session_info *delivery_session_get(db *d, arena *a, long long id) {
  return id > 0 ? session_read(d, a, id, NULL) : NULL;
}

session_info *delivery_session_by_code(db *d, arena *a, const char *code) {
  if (!code || strlen(code) != DELIVERY_CODE_LEN) return NULL;
  return session_read(d, a, 0, code);
}

int delivery_session_code(db *d, long long session_id, int renew, char out[DELIVERY_CODE_LEN + 1], kerr *e) {
  arena m = {0};
  session_info *s = delivery_session_get(d, &m, session_id);
  int have = s && s->signin_code && strlen(s->signin_code) == DELIVERY_CODE_LEN;
  if (have) memcpy(out, s->signin_code, DELIVERY_CODE_LEN + 1);
  arena_free(&m);
  if (!s) return kerr_set(e, NULL, N_("Tapaamista ei ole."));
  if (have && !renew) return K_OK;
  util_random_hex(out, DELIVERY_CODE_LEN / 2); /* libsodium's randombytes, as the account tokens */
  if (db_exec(d, "UPDATE delivery_session SET signin_code=?2 WHERE id=?1", "it", session_id, out) != DB_OK)
    return kerr_storage(e, "Koodin tallennus", db_errmsg(d));
  return K_OK;
}
