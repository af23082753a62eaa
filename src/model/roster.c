/* roster: editing a delivery's participants, a session's roll call and the public sign-in, each change audited. */
#include "model/roster.h"

#include <stdio.h>
#include <string.h>

#include "model/audit.h"
#include "model/write.h"

/* Writes the audit row about person_id: "<what> … delivery D". */
static int audit_person(db *d, const char *actor, const char *action, long long person_id, const char *detail) {
  char subject[40];
  snprintf(subject, sizeof subject, "person:%lld", person_id);
  return audit_log(d, actor, action, subject, detail);
}

static long long part_of(db *d, long long delivery_id, long long person_id) {
  return db_int(d, 0, "SELECT id FROM participation WHERE delivery_id=?1 AND person_id=?2", "ii", delivery_id,
                person_id);
}

/* Checks a new person's fields with messages for a form (person_validate's are for CSV rows). */
static int check_new(db *d, const person *p, kerr *e) {
  if (util_blank(p->name))
    kerr_add(e, "name", N_("Anna nimi."));
  else if (util_utf8_len(p->name) > PERSON_NAME_MAX)
    kerr_add(e, "name", N_("Nimi on liian pitkä (enintään 200 merkkiä)."));
  if (util_blank(p->email))
    kerr_add(e, "email", N_("Anna sähköpostiosoite."));
  else if (!util_email_valid(p->email))
    kerr_add(e, "email", N_("Sähköpostiosoite ei kelpaa: kirjoita se muodossa nimi@esimerkki.fi."));
  if (p->org_id < 0 || (p->org_id > 0 && !db_exists(d, "SELECT 1 FROM org WHERE id=?1", "i", p->org_id)))
    kerr_add(e, "org", N_("Valitse organisaatio rekisteristä."));
  return e->msg ? K_ERR : K_OK;
}

/* The id of the person to add: the chosen one, or the one with the email, or a new one (*created). 0 with e. */
static long long person_for(db *d, const person *p, int *created, kerr *e) {
  *created = 0;
  if (p->id > 0) {
    if (db_exists(d, "SELECT 1 FROM person WHERE id=?1 AND erased_at IS NULL", "i", p->id)) return p->id;
    return kerr_set(e, "person", N_("Henkilöä ei löytynyt.")), 0;
  }
  if (check_new(d, p, e) != K_OK) return 0;
  long long id = person_find(d, p->email);
  if (id) return id;
  person x = {.id = -1, .email = p->email, .name = p->name, .org_id = p->org_id};
  id = person_save(d, &x, created, e);
  return id;
}

long long roster_add(db *d, long long delivery_id, const person *p, const char *role, const char *actor, kerr *e) {
  if (!db_exists(d, "SELECT 1 FROM delivery WHERE id=?1", "i", delivery_id))
    return kerr_set(e, NULL, N_("Toteutusta ei ole.")), 0;
  const char *code = person_role_code(role);
  if (!code) kerr_add(e, "role", N_("Valitse rooli."));
  if (write_begin(d, "Osallistujan lisäys", e) != K_OK) return 0;
  int created = 0;
  long long id = person_for(d, p, &created, e), part = 0;
  if (id && code && part_of(d, delivery_id, id))
    kerr_set(e, "email", N_("Henkilö on jo tämän toteutuksen osallistuja."));
  if (id && code && !e->msg) part = person_participate(d, id, delivery_id, code, e);
  char detail[120];
  snprintf(detail, sizeof detail, "added to delivery %lld as %s", delivery_id, code ? code : "");
  int rc = part && audit_person(d, actor, created ? "create" : "update", id, detail) == K_OK ? K_OK : K_ERR;
  return write_end(d, rc, "Osallistujan lisäys", e) == K_OK ? part : 0;
}

int roster_set_role(db *d, long long delivery_id, long long person_id, const char *role, const char *actor, kerr *e) {
  const char *code = person_role_code(role);
  if (!code) return kerr_set(e, "role", N_("Valitse rooli."));
  if (!part_of(d, delivery_id, person_id))
    return kerr_set(e, NULL, N_("Henkilö ei ole tämän toteutuksen osallistuja."));
  if (write_begin(d, "Roolin tallennus", e) != K_OK) return K_ERR;
  char detail[120];
  snprintf(detail, sizeof detail, "role in delivery %lld: %s", delivery_id, code);
  int rc = db_exec(d, "UPDATE participation SET role=?3 WHERE delivery_id=?1 AND person_id=?2", "iit", delivery_id,
                   person_id, code) == DB_OK &&
                   audit_person(d, actor, "update", person_id, detail) == K_OK
               ? K_OK
               : K_ERR;
  return write_end(d, rc, "Roolin tallennus", e);
}

int roster_remove(db *d, long long delivery_id, long long person_id, const char *actor, kerr *e) {
  long long part = part_of(d, delivery_id, person_id);
  if (!part) return kerr_set(e, NULL, N_("Henkilö ei ole tämän toteutuksen osallistuja."));
  if (write_begin(d, "Osallistujan poisto", e) != K_OK) return K_ERR;
  char detail[120];
  snprintf(detail, sizeof detail, "removed from delivery %lld with %lld attendance marks", delivery_id,
           db_int(d, 0, "SELECT count(*) FROM attendance WHERE participation_id=?1", "i", part));
  int rc = db_exec(d, "DELETE FROM attendance WHERE participation_id=?1", "i", part) == DB_OK &&
                   db_exec(d, "DELETE FROM participation WHERE id=?1", "i", part) == DB_OK &&
                   audit_person(d, actor, "update", person_id, detail) == K_OK
               ? K_OK
               : K_ERR;
  return write_end(d, rc, "Osallistujan poisto", e);
}

person_part *roster_part(db *d, arena *a, long long delivery_id, long long person_id) {
  int n = 0;
  person_part *v = person_delivery_parts(d, a, delivery_id, &n);
  for (int i = 0; i < n; i++)
    if (v[i].person_id == person_id) return &v[i];
  return NULL;
}

/* ---- roll call ---- */

roll_line *roster_roll(db *d, arena *a, long long session_id, int *n) {
  db_stmt *st = db_query(d,
                         "SELECT pa.id, pa.person_id, pe.name, pe.email, pa.role,"
                         " (SELECT count(*) FROM attendance a WHERE a.session_id=ds.id AND a.participation_id=pa.id)"
                         " FROM delivery_session ds JOIN participation pa ON pa.delivery_id=ds.delivery_id"
                         " JOIN person pe ON pe.id=pa.person_id WHERE ds.id=?1"
                         " ORDER BY pe.name IS NULL, pe.name COLLATE NOCASE, pa.id",
                         "i", session_id);
  roll_line *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    v[(*n)++] = (roll_line){db_col_int(st, 0),     db_col_int(st, 1),     db_col_adup(st, 2, a),
                            db_col_adup(st, 3, a), db_col_adup(st, 4, a), db_col_int(st, 5) > 0};
  }
  db_done(st);
  return v;
}

long long roster_attended(db *d, long long session_id) {
  return db_int(d, 0, "SELECT count(*) FROM attendance WHERE session_id=?1", "i", session_id);
}

/* Sets one mark inside a write; returns 1 when it changed, 0 when it was so already, -1 on a storage error. */
static int mark_one(db *d, long long session_id, long long part, long long person_id, long long delivery_id,
                    int present, const char *actor) {
  int was =
      db_exists(d, "SELECT 1 FROM attendance WHERE session_id=?1 AND participation_id=?2", "ii", session_id, part);
  if (was == !!present) return 0;
  int rc =
      present
          ? db_exec(d, "INSERT INTO attendance(session_id, participation_id) VALUES(?1, ?2)", "ii", session_id, part)
          : db_exec(d, "DELETE FROM attendance WHERE session_id=?1 AND participation_id=?2", "ii", session_id, part);
  char detail[120];
  snprintf(detail, sizeof detail, "%s at session %lld of delivery %lld", present ? "present" : "not present",
           session_id, delivery_id);
  return rc == DB_OK && audit_person(d, actor, "update", person_id, detail) == K_OK ? 1 : -1;
}

/* The person of a participation in the session's delivery (and that delivery in *delivery_id), or 0. */
static long long part_person(db *d, long long session_id, long long part, long long *delivery_id) {
  *delivery_id = db_int(d, 0, "SELECT delivery_id FROM delivery_session WHERE id=?1", "i", session_id);
  return db_int(d, 0, "SELECT person_id FROM participation WHERE id=?1 AND delivery_id=?2", "ii", part, *delivery_id);
}

int roster_mark(db *d, long long session_id, long long participation_id, int present, const char *actor, kerr *e) {
  long long delivery_id = 0, person_id = part_person(d, session_id, participation_id, &delivery_id);
  if (!person_id) return kerr_set(e, "participation", N_("Henkilö ei ole tämän toteutuksen osallistuja."));
  if (write_begin(d, "Läsnäolon tallennus", e) != K_OK) return K_ERR;
  int rc = mark_one(d, session_id, participation_id, person_id, delivery_id, present, actor) >= 0 ? K_OK : K_ERR;
  return write_end(d, rc, "Läsnäolon tallennus", e);
}

static int listed(const long long *v, int n, long long id) {
  for (int i = 0; i < n; i++)
    if (v[i] == id) return 1;
  return 0;
}

int roster_mark_all(db *d, long long session_id, const long long *present, int n, const char *actor, int *changed,
                    kerr *e) {
  long long delivery_id = 0;
  for (int i = 0; i < n; i++)
    if (!part_person(d, session_id, present[i], &delivery_id))
      return kerr_set(e, "participation", N_("Henkilö ei ole tämän toteutuksen osallistuja."));
  arena m = {0};
  int nl = 0, count = 0, rc = write_begin(d, "Läsnäolon tallennus", e);
  roll_line *v = rc == K_OK ? roster_roll(d, &m, session_id, &nl) : NULL;
  delivery_id = db_int(d, 0, "SELECT delivery_id FROM delivery_session WHERE id=?1", "i", session_id);
  for (int i = 0; rc == K_OK && i < nl; i++) {
    int c = mark_one(d, session_id, v[i].participation_id, v[i].person_id, delivery_id,
                     listed(present, n, v[i].participation_id), actor);
    if (c < 0) rc = K_ERR;
    count += c > 0;
  }
  arena_free(&m);
  if (changed) *changed = count;
  return write_end(d, rc, "Läsnäolon tallennus", e);
}

/* ---- public sign-in ---- */

int roster_signin(db *d, long long session_id, const person *p, const char *role, kerr *e) {
  long long delivery_id = db_int(d, 0, "SELECT delivery_id FROM delivery_session WHERE id=?1", "i", session_id);
  if (!delivery_id) return kerr_set(e, NULL, N_("Tapaamista ei ole."));
  int event = db_exists(d,
                        "SELECT 1 FROM delivery x JOIN service s ON s.id=x.service_id"
                        " WHERE x.id=?1 AND s.counts='attendee'",
                        "i", delivery_id);
  if (util_blank(p->email)) return kerr_set(e, "email", N_("Anna sähköpostiosoite."));
  if (!util_email_valid(p->email))
    return kerr_set(e, "email", N_("Sähköpostiosoite ei kelpaa: kirjoita se muodossa nimi@esimerkki.fi."));
  long long id = person_find(d, p->email), part = id ? part_of(d, delivery_id, id) : 0;
  if (!event && !part) return ROSTER_NOT_LISTED; /* ESF: only the organiser adds people, with their start record */
  if (write_begin(d, "Läsnäolon kirjaus", e) != K_OK) return K_ERR;
  int created = 0, rc = K_OK;
  if (!part) { /* an event's attendee: found by email (their details stay as kept) or new */
    const char *code = person_role_code(role);
    if (!code) kerr_add(e, "role", N_("Valitse rooli."));
    person x = {.id = -1, .email = p->email, .name = p->name, .org_id = p->org_id};
    if (!id && check_new(d, &x, e) == K_OK && code) id = person_save(d, &x, &created, e);
    if (id && code && !e->msg) part = person_participate(d, id, delivery_id, code, e);
    rc = part ? K_OK : K_ERR;
  }
  if (rc == K_OK && created)
    rc = audit_person(d, "signin", "create", id, "signed in at an event") == K_OK ? K_OK : K_ERR;
  if (rc == K_OK && mark_one(d, session_id, part, id, delivery_id, 1, "signin") < 0) rc = K_ERR;
  return write_end(d, rc, "Läsnäolon kirjaus", e) == K_OK ? ROSTER_SIGNED_IN : K_ERR;
}
