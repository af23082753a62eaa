/* application: validation, storage, listing and decisions of service applications, with their status history. */
#include "model/tr.h"
#include "model/application.h"
#include "model/mail.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/buf.h"
#include "model/themelist.h"

/* ---- validation ---- */

int app_service_type_ok(const char *type_code) {
  return type_code && (!strcmp(type_code, "sparraus") || !strcmp(type_code, "valmennus"));
}

int app_status_valid(const char *s) {
  return s && (!strcmp(s, "submitted") || !strcmp(s, "approved") || !strcmp(s, "rejected") || !strcmp(s, "cancelled"));
}

/* Checks an optional text: valid UTF-8 and at most max characters; too_long is the fixed message. */
static void text_ok(const char *v, const char *field, size_t max, const char *too_long, kerr *e) {
  if (!v) return;
  if (!util_utf8_valid(v, strlen(v)))
    kerr_add(e, field, N_("Teksti ei ole kelvollista UTF-8-tekstiä."));
  else if (util_utf8_len(v) > max)
    kerr_add(e, field, "%r", too_long);
}

/* Checks the service applied for. Returns 1 when it is sparraus (whose counts have more rules), else 0. */
static int check_service(db *d, long long service_id, kerr *e) {
  db_stmt *st = db_query(d, "SELECT type_code, open FROM service WHERE id=?1", "i", service_id);
  int sparraus = 0;
  if (db_step(st) != 1) {
    kerr_add(e, "service_id", N_("Valitse palvelu, jota haette."));
  } else {
    const char *type = db_col_text(st, 0);
    sparraus = !strcmp(type, "sparraus");
    if (!app_service_type_ok(type))
      kerr_add(e, "service_id", N_("Tähän palveluun ei haeta hakemuksella: hakea voi sparrausta ja valmennusta."));
    else if (!db_col_int(st, 1))
      kerr_add(e, "service_id", N_("Palvelun haku on suljettu."));
  }
  db_done(st);
  return sparraus;
}

static void check_org(db *d, const application *a, const user_info *u, kerr *e) {
  if (!user_is_staff(u)) {
    if (!u || !u->org_id || !db_exists(d, "SELECT 1 FROM org WHERE id=?1", "i", u->org_id))
      kerr_add(e, "org_id", N_("Tunnukseesi ei ole liitetty organisaatiota. Ota yhteyttä ohjelman henkilöstöön."));
    return;
  }
  if (!a->org_id || !db_exists(d, "SELECT 1 FROM org WHERE id=?1", "i", a->org_id))
    kerr_add(e, "org_id", N_("Valitse organisaatio, jonka puolesta haetaan."));
}

static int theme_unknown(void *arg, const char *name) {
  return !db_exists(arg, "SELECT 1 FROM theme WHERE name=?1", "t", name);
}

static void check_themes(db *d, const char *themes, kerr *e) {
  if (util_utf8_len(themes) > APP_MAX_THEMES) {
    kerr_add(e, "themes", N_("Teemoja on liikaa (enintään 500 merkkiä)."));
    return;
  }
  if (themelist_each(themes, theme_unknown, d))
    kerr_add(e, "themes", N_("Tuntematon teema. Kirjoita teemat pilkuin eroteltuina ohjeen luettelosta."));
}

static int coach_active(db *d, long long id) {
  return db_exists(d, "SELECT 1 FROM coach WHERE id=?1 AND active=1", "i", id);
}

static void check_counts(const application *a, int sparraus, kerr *e) {
  const struct {
    int n;
    const char *field;
  } c[] = {{a->n_johto, "n_johto"},
           {a->n_esihenkilo, "n_esihenkilo"},
           {a->n_tyontekija, "n_tyontekija"},
           {a->n_edustaja, "n_edustaja"}};
  int bad = 0;
  long total = 0;
  for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
    if (c[i].n < 0 || c[i].n > APP_MAX_COUNT) {
      kerr_add(e, c[i].field, N_("Anna määrä kokonaislukuna 0–10000."));
      bad = 1;
    } else {
      total += c[i].n;
    }
  }
  if (bad) return;
  if (total < 1) {
    kerr_add(e, "participants", N_("Kerro, keitä osallistuu: vähintään yksi henkilö."));
    return;
  }
  if (!sparraus) return;
  if (a->n_johto < 1) kerr_add(e, "n_johto", N_("Sparraukseen osallistuu aina johto: vähintään yksi."));
  if (a->n_esihenkilo < 1)
    kerr_add(e, "n_esihenkilo", N_("Sparraukseen osallistuvat aina esihenkilöt: vähintään yksi."));
  if (a->n_edustaja < 1)
    kerr_add(e, "n_edustaja", N_("Sparraukseen osallistuvat aina henkilöstön edustajat: vähintään yksi."));
}

int app_validate(db *d, const application *a, const user_info *u, kerr *e) {
  int sparraus = check_service(d, a->service_id, e);
  check_org(d, a, u, e);
  if (util_blank(a->need))
    kerr_add(e, "need", N_("Kuvaa tarpeenne omin sanoin."));
  else
    text_ok(a->need, "need", APP_MAX_NEED, N_("Tarpeen kuvaus on liian pitkä (enintään 4000 merkkiä)."), e);
  check_themes(d, a->themes, e);
  if (a->preferred_coach_id && !coach_active(d, a->preferred_coach_id))
    kerr_add(e, "preferred_coach_id", N_("Valittua valmentajaa ei ole tai hän ei ole käytettävissä."));
  text_ok(a->proposed_dates, "proposed_dates", APP_MAX_DATES,
          N_("Ehdotetut ajankohdat ovat liian pitkä teksti (enintään 500 merkkiä)."), e);
  check_counts(a, sparraus, e);
  return e->msg ? K_ERR : K_OK;
}

/* ---- storage ---- */

static const char *actor_of(const user_info *u) {
  return u && u->id ? u->email : "cli";
}

static int add_event(db *d, long long id, const char *status, const char *reason, const user_info *u) {
  return db_exec(d,
                 "INSERT INTO application_event(application_id, status, reason, user_id, actor) "
                 " VALUES(?1, ?2, ?3, nullif(?4, 0), ?5)",
                 "ittit", id, status, reason ? reason : "", u && u->id ? u->id : 0, actor_of(u)) == DB_OK
             ? K_OK
             : K_ERR;
}

struct theme_link {
  db *d;
  long long id;
};

static int link_theme(void *arg, const char *name) {
  struct theme_link *l = arg;
  return db_exec(l->d,
                 "INSERT INTO application_theme(application_id, theme_id) SELECT ?1, id FROM theme WHERE name=?2"
                 " ON CONFLICT DO NOTHING",
                 "it", l->id, name) != DB_OK;
}

/* Ends a transaction: commits when ok, else rolls back and sets the storage error. Returns ok ? K_OK : K_ERR. */
static int finish_tx(db *d, int ok, const char *what, kerr *e) {
  if (ok && db_commit(d) == DB_OK) return K_OK;
  kerr_storage(e, what, db_errmsg(d));
  db_rollback(d);
  return K_ERR;
}

/* Queues the applicant's email about application id (kind "received" or the new status "approved"/"rejected"), in
 * the caller's transaction and the applicant's language: to the contact account that applied, while it is active;
 * an application made by staff or from the CLI has nobody to tell. */
static int notify(db *d, long long id, const char *kind, const char *reason, kerr *e) {
  db_stmt *st = db_query(d,
                         "SELECT u.email, u.lang, s.name FROM application a JOIN user u ON u.id = a.user_id"
                         " JOIN service s ON s.id = a.service_id"
                         " WHERE a.id = ?1 AND u.role = 'contact' AND u.active = 1",
                         "i", id);
  int rc = K_OK;
  if (db_step(st) == 1) {
    const char *to = db_col_text(st, 0), *lang = db_col_text(st, 1), *service = db_col_text(st, 2);
    long long mid = !strcmp(kind, "received")
                        ? mail_application_received(d, to, lang, id, service, e)
                        : mail_application_decided(d, to, lang, id, service, !strcmp(kind, "approved"), reason, e);
    rc = mid ? K_OK : K_ERR;
  }
  db_done(st);
  return rc;
}

long long app_create(db *d, const application *a, const user_info *u, kerr *e) {
  if (app_validate(d, a, u, e) != K_OK) return 0;
  long long org_id = user_is_staff(u) ? a->org_id : u->org_id;
  if (db_begin(d) != DB_OK) {
    kerr_storage(e, N_("Hakemuksen tallennus"), db_errmsg(d));
    return 0;
  }
  int ok = db_exec(d,
                   "INSERT INTO application(service_id, org_id, user_id, need, preferred_coach_id, proposed_dates,"
                   " n_johto, n_esihenkilo, n_tyontekija, n_edustaja)"
                   " VALUES(?1, ?2, nullif(?3, 0), ?4, nullif(?5, 0), ?6, ?7, ?8, ?9, ?10)",
                   "iiititiiii", a->service_id, org_id, u && u->id ? u->id : 0, a->need,
                   a->preferred_coach_id ? a->preferred_coach_id : 0, a->proposed_dates ? a->proposed_dates : "",
                   (long long)a->n_johto, (long long)a->n_esihenkilo, (long long)a->n_tyontekija,
                   (long long)a->n_edustaja) == DB_OK;
  long long id = ok ? db_last_id(d) : 0;
  struct theme_link l = {d, id};
  ok = ok && themelist_each(a->themes, link_theme, &l) == 0 && add_event(d, id, "submitted", "", u) == K_OK &&
       notify(d, id, "received", "", e) == K_OK;
  return finish_tx(d, ok, N_("Hakemuksen tallennus"), e) == K_OK ? id : 0;
}

/* ---- reading ---- */

#define LIST_COLS                                                                                                      \
  "SELECT a.id, a.service_id, a.org_id, coalesce(a.user_id, 0), coalesce(a.preferred_coach_id, 0), a.need,"            \
  " a.proposed_dates, a.n_johto, a.n_esihenkilo, a.n_tyontekija, a.n_edustaja, a.status, a.reason, s.name,"            \
  " s.type_code, o.name, c.name, a.created_at, a.updated_at,"                                                          \
  " coalesce(dl.id, 0), dl.starts_on, dl.ends_on,"                                                                     \
  " (SELECT string_agg(t.name, ', ') FROM application_theme x JOIN theme t ON t.id=x.theme_id"                         \
  "  WHERE x.application_id=a.id)"                                                                                     \
  " FROM application a JOIN service s ON s.id=a.service_id JOIN org o ON o.id=a.org_id"                                \
  " LEFT JOIN coach c ON c.id=a.preferred_coach_id LEFT JOIN delivery dl ON dl.application_id=a.id"

static void read_row(db_stmt *st, application *a, arena *m) {
  a->id = db_col_int(st, 0);
  a->service_id = db_col_int(st, 1);
  a->org_id = db_col_int(st, 2);
  a->user_id = db_col_int(st, 3);
  a->preferred_coach_id = db_col_int(st, 4);
  a->need = arena_strdup(m, db_col_text(st, 5));
  a->proposed_dates = arena_strdup(m, db_col_text(st, 6));
  a->n_johto = (int)db_col_int(st, 7);
  a->n_esihenkilo = (int)db_col_int(st, 8);
  a->n_tyontekija = (int)db_col_int(st, 9);
  a->n_edustaja = (int)db_col_int(st, 10);
  a->status = arena_strdup(m, db_col_text(st, 11));
  a->reason = arena_strdup(m, db_col_text(st, 12));
  a->service_name = arena_strdup(m, db_col_text(st, 13));
  a->service_type = arena_strdup(m, db_col_text(st, 14));
  a->org_name = arena_strdup(m, db_col_text(st, 15));
  a->coach_name = db_col_adup(st, 16, m);
  a->created_at = arena_strdup(m, db_col_text(st, 17));
  a->updated_at = arena_strdup(m, db_col_text(st, 18));
  a->delivery_id = db_col_int(st, 19);
  a->delivery_starts = db_col_adup(st, 20, m);
  a->delivery_ends = db_col_adup(st, 21, m);
  a->themes = arena_strdup(m, db_col_text(st, 22));
}

long long app_count(db *d, const app_filter *f) {
  return db_int(d, 0, "SELECT count(*) FROM application WHERE (?1=0 OR org_id=?1) AND (?2='' OR status=?2)", "it",
                f->org_id, f->status ? f->status : "");
}

long long app_count_by_status(db *d, long long org_id, const char *const *statuses, int n, long long *counts) {
  long long total = 0;
  for (int i = 0; i < n; i++) counts[i] = 0;
  db_stmt *st =
      db_query(d, "SELECT status, count(*) FROM application WHERE (?1=0 OR org_id=?1) GROUP BY status", "i", org_id);
  while (db_step(st) == 1) {
    long long c = db_col_int(st, 1);
    total += c;
    for (int i = 0; i < n; i++)
      if (!strcmp(db_col_text(st, 0), statuses[i])) counts[i] = c;
  }
  db_done(st);
  return total;
}

application *app_list(db *d, arena *m, const app_filter *f, int limit, int offset, int *n) {
  application *v = arena_alloc(m, (size_t)(limit > 0 ? limit : 1) * sizeof *v);
  db_stmt *st = db_query(d,
                         LIST_COLS " WHERE (?1=0 OR a.org_id=?1) AND (?2='' OR a.status=?2)"
                                   " ORDER BY a.created_at DESC, a.id DESC LIMIT ?3 OFFSET ?4",
                         "itii", f->org_id, f->status ? f->status : "", (long long)limit, (long long)offset);
  int i = 0;
  while (i < limit && db_step(st) == 1) read_row(st, &v[i++], m);
  db_done(st);
  *n = i;
  return v;
}

static void read_events(db *d, application *a, arena *m) {
  db_stmt *st = db_query(d,
                         "SELECT e.status, e.reason, e.actor, e.at, coalesce(u.role, '') FROM application_event e"
                         " LEFT JOIN user u ON u.id=e.user_id WHERE e.application_id=?1 ORDER BY e.id",
                         "i", a->id);
  int cap = 0;
  a->nevents = 0;
  while (db_step(st) == 1) {
    a->events = arena_grow(m, a->events, a->nevents, &cap, sizeof *a->events);
    app_event *x = &a->events[a->nevents++];
    x->status = arena_strdup(m, db_col_text(st, 0));
    x->reason = arena_strdup(m, db_col_text(st, 1));
    x->actor = arena_strdup(m, db_col_text(st, 2));
    x->at = arena_strdup(m, db_col_text(st, 3));
    x->actor_role = arena_strdup(m, db_col_text(st, 4));
  }
  db_done(st);
}

application *app_get(db *d, arena *m, long long id) {
  db_stmt *st = db_query(d, LIST_COLS " WHERE a.id=?1", "i", id);
  application *a = NULL;
  if (db_step(st) == 1) {
    a = arena_alloc(m, sizeof *a);
    read_row(st, a, m);
  }
  db_done(st);
  if (a) read_events(d, a, m);
  return a;
}

int app_visible_to(const application *a, const user_info *u) {
  if (user_is_staff(u)) return 1;
  return u && u->id && !strcmp(u->role, "contact") && u->org_id && u->org_id == a->org_id;
}

int app_cancellable_by(const application *a, const user_info *u) {
  if (!u || !u->id || strcmp(a->status, "submitted") != 0) return 0;
  return a->user_id == u->id || (!strcmp(u->role, "contact") && u->org_id == a->org_id);
}

/* ---- decisions ---- */

/* Sets the status of a submitted application and writes the history row. Returns K_OK, or K_ERR when it is no
 * longer submitted (e set) or storage failed (caller rolls back). */
static int set_status(db *d, long long id, const char *status, const char *reason, const user_info *u, kerr *e) {
  if (db_exec(d, "UPDATE application SET status=?2, reason=?3, updated_at=?4 WHERE id=?1 AND status='submitted'",
              "ittt", id, status, reason ? reason : "", db_now().s) != DB_OK)
    return kerr_storage(e, N_("Hakemuksen tallennus"), db_errmsg(d));
  if (db_changes(d) != 1)
    return kerr_set(e, NULL, N_("Hakemus on jo käsitelty: vain käsittelyä odottavan hakemuksen voi ratkaista."));
  if (add_event(d, id, status, reason, u) != K_OK) return kerr_storage(e, N_("Hakemuksen tallennus"), db_errmsg(d));
  if (strcmp(status, "cancelled") && notify(d, id, status, reason, e) != K_OK)
    return kerr_storage(e, N_("Hakemuksen tallennus"), db_errmsg(d));
  return K_OK;
}

static int check_decision(const application *a, kerr *e) {
  if (!a) return kerr_set(e, NULL, N_("Hakemusta ei löytynyt."));
  if (strcmp(a->status, "submitted") != 0)
    return kerr_set(e, NULL, N_("Hakemus on jo käsitelty: vain käsittelyä odottavan hakemuksen voi ratkaista."));
  return K_OK;
}

static long long make_delivery(db *d, const application *a, const char *from, const char *to, long long coach) {
  char *title = buf_mprintf("%r – %r", a->service_name, a->org_name);
  int ok = db_exec(d,
                   "INSERT INTO delivery(service_id, title, starts_on, ends_on, coach_id, application_id)"
                   " VALUES(?1, ?2, ?3, ?4, nullif(?5, 0), ?6)",
                   "itttii", a->service_id, title, from, to, coach, a->id) == DB_OK;
  free(title);
  long long did = ok ? db_last_id(d) : 0;
  if (did && db_exec(d, "INSERT INTO delivery_org(delivery_id, org_id) VALUES(?1, ?2)", "ii", did, a->org_id) != DB_OK)
    did = 0;
  return did;
}

static void check_dates(const char *starts_on, const char *ends_on, char from[11], char to[11], kerr *e) {
  int f = date_parse(starts_on, from), t = date_parse(ends_on, to);
  if (f != K_OK) kerr_add(e, "starts_on", N_("Anna alkupäivä muodossa 22.11.2026."));
  if (t != K_OK) kerr_add(e, "ends_on", N_("Anna loppupäivä muodossa 22.11.2026."));
  if (f == K_OK && t == K_OK && strcmp(to, from) < 0)
    kerr_add(e, "ends_on", N_("Loppupäivä ei voi olla ennen alkupäivää."));
}

long long app_approve(db *d, long long id, const char *starts_on, const char *ends_on, long long coach_id,
                      const user_info *u, kerr *e) {
  arena m = {0};
  application *a = app_get(d, &m, id);
  if (check_decision(a, e) != K_OK) {
    arena_free(&m);
    return 0;
  }
  char from[11] = "", to[11] = "";
  check_dates(starts_on, ends_on, from, to, e);
  long long coach = coach_id == APP_COACH_NONE ? 0 : coach_id ? coach_id : a->preferred_coach_id;
  if (coach && !coach_active(d, coach))
    kerr_add(e, "coach_id", N_("Valittua valmentajaa ei ole tai hän ei ole käytettävissä."));
  long long did = 0;
  if (!e->msg) {
    if (db_begin(d) != DB_OK) {
      kerr_storage(e, N_("Hakemuksen tallennus"), db_errmsg(d));
    } else {
      int ok = set_status(d, id, "approved", "", u, e) == K_OK && (did = make_delivery(d, a, from, to, coach)) != 0;
      if (!ok && !e->msg) kerr_storage(e, N_("Hakemuksen tallennus"), db_errmsg(d));
      if (!ok || db_commit(d) != DB_OK) {
        if (ok) kerr_storage(e, N_("Hakemuksen tallennus"), db_errmsg(d));
        db_rollback(d);
        did = 0;
      }
    }
  }
  arena_free(&m);
  return did;
}

/* Runs set_status alone in a transaction. */
static int change_status(db *d, long long id, const char *status, const char *reason, const user_info *u, kerr *e) {
  if (db_begin(d) != DB_OK) return kerr_storage(e, N_("Hakemuksen tallennus"), db_errmsg(d));
  if (set_status(d, id, status, reason, u, e) != K_OK) {
    db_rollback(d);
    return K_ERR;
  }
  return finish_tx(d, 1, N_("Hakemuksen tallennus"), e);
}

int app_reject(db *d, long long id, const char *reason, const user_info *u, kerr *e) {
  arena m = {0};
  int rc = check_decision(app_get(d, &m, id), e);
  arena_free(&m);
  if (rc != K_OK) return K_ERR;
  if (util_blank(reason)) return kerr_set(e, "reason", N_("Kerro hylkäyksen syy."));
  if (!util_utf8_valid(reason, strlen(reason)) || util_utf8_len(reason) > APP_MAX_REASON)
    return kerr_set(e, "reason", N_("Hylkäyksen syy on liian pitkä (enintään 2000 merkkiä)."));
  return change_status(d, id, "rejected", reason, u, e);
}

int app_cancel(db *d, long long id, const user_info *u, kerr *e) {
  arena m = {0};
  application *a = app_get(d, &m, id);
  int rc = check_decision(a, e);
  if (rc == K_OK && !app_cancellable_by(a, u)) rc = kerr_set(e, NULL, N_("Vain hakija voi perua hakemuksen."));
  arena_free(&m);
  if (rc != K_OK) return K_ERR;
  return change_status(d, id, "cancelled", "", u, e);
}

/* ---- form choices ---- */

/* The rows (id, name) of a query into the arena; lang (or NULL) is bound as :lang (tr_lang_index). */
static app_choice *choices_in(db *d, arena *m, const char *sql, const char *lang, int *n) {
  int cap = 0, i = 0;
  app_choice *v = NULL;
  db_stmt *st = lang ? db_prepare(d, sql) : db_query(d, sql, "");
  if (st && lang) db_bind_int(st, ":lang", tr_lang_index(lang));
  while (db_step(st) == 1) {
    v = arena_grow(m, v, i, &cap, sizeof *v);
    v[i].id = db_col_int(st, 0);
    v[i].name = arena_strdup(m, db_col_text(st, 1));
    i++;
  }
  db_done(st);
  *n = i;
  return v;
}

static app_choice *choices(db *d, arena *m, const char *sql, int *n) {
  return choices_in(d, m, sql, NULL, n);
}

app_choice *app_open_services(db *d, arena *m, const char *lang, int *n) {
  return choices_in(d, m,
                    "SELECT s.id, " TR_PICK("s.name") " || ' (' || " TR_PICK(
                        "p.name") " || ')' FROM service s JOIN funding_period p ON p.id=s.period_id"
                                  " WHERE s.open=1 AND s.type_code IN ('sparraus','valmennus') ORDER BY p.start_year "
                                  "DESC, s.name",
                    lang, n);
}

app_choice *app_active_coaches(db *d, arena *m, int *n) {
  return choices(d, m,
                 "SELECT id, CASE WHEN company<>'' THEN name || ', ' || company ELSE name END FROM coach"
                 " WHERE active=1 ORDER BY name",
                 n);
}

app_choice *app_orgs(db *d, arena *m, int *n) {
  return choices(d, m, "SELECT id, name FROM org ORDER BY name COLLATE NOCASE, id", n);
}

char *app_theme_names(db *d, arena *m) {
  char *s = db_atext(d, m, "SELECT string_agg(name, ', ') FROM (SELECT name FROM theme ORDER BY name) t", "");
  return s ? s : arena_strdup(m, "");
}
