/* award_edit: staff's changes to an award round: the round itself, its categories and weighted criteria, and the
 * jurors of its categories (the reads of the same things are in award.c). */
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "model/audit.h"
#include "model/award.h"
#include "model/write.h"

static const char *nz(const char *s) {
  return s ? s : "";
}

/* One text of a form: required or not, valid UTF-8, at most max characters; problems added to e under field. */
static void text_check(const char *v, const char *field, int required, size_t max, kerr *e) {
  if (required && util_blank(v))
    kerr_add(e, field, N_("Nimi puuttuu."));
  else if (v && !util_utf8_valid(v, strlen(v)))
    kerr_add(e, field, N_("Teksti ei ole kelvollista UTF-8-tekstiä."));
  else if (util_utf8_len(v) > max)
    kerr_add(e, field,
             max == AWARD_MAX_NAME ? N_("Nimi on liian pitkä (enintään 200 merkkiä).")
                                   : N_("Teksti on liian pitkä (enintään 4 000 merkkiä)."));
}

/* A last day as typed (22.11.2026 or 2026-11-22) into out ("" for none); K_ERR with e set under field. */
static int day_read(const char *v, const char *field, char out[11], kerr *e) {
  out[0] = 0;
  if (util_blank(v)) return K_OK;
  if (date_parse(v, out) != K_OK) return kerr_add(e, field, N_("Anna päivä muodossa 22.11.2026."));
  return K_OK;
}

static int jury_account(db *d, long long user_id) {
  return db_exists(d, "SELECT 1 FROM user WHERE id = ?1 AND role = 'jury' AND active <> 0", "i", user_id);
}

/* ---- rounds ---- */

static const char *const INTRO_F[] = {"intro", "intro_sv", "intro_en"};

long long award_round_save(db *d, arena *a, const award_round *r, const char *actor, kerr *e) {
  (void)a;
  if (r->id && !db_exists(d, "SELECT 1 FROM award_round WHERE id = ?1", "i", r->id)) {
    kerr_set(e, NULL, N_("Palkintokierrosta ei ole."));
    return 0;
  }
  char nom[11], jury[11];
  if (r->year < 2000 || r->year > 2100)
    kerr_add(e, "year", N_("Anna vuosi väliltä 2000–2100."));
  else if (db_exists(d, "SELECT 1 FROM award_round WHERE year = ?1 AND id <> ?2", "ii", (long long)r->year, r->id))
    kerr_add(e, "year", N_("Vuodelle on jo palkintokierros."));
  int days_ok = day_read(r->nominate_until, "nominate_until", nom, e) == K_OK;
  days_ok &= day_read(r->jury_until, "jury_until", jury, e) == K_OK;
  if (days_ok && *nom && *jury && strcmp(nom, jury) > 0)
    kerr_add(e, "jury_until", N_("Raadin viimeinen päivä ei voi olla ennen ehdotusten viimeistä päivää."));
  if (r->chair_id && !jury_account(d, r->chair_id))
    kerr_add(e, "chair_id", N_("Puheenjohtajan pitää olla aktiivinen raadin tunnus."));
  for (int i = 0; i < 3; i++) text_check(r->intro[i], INTRO_F[i], 0, AWARD_MAX_TEXT, e);
  if (e->msg) return 0;
  if (write_begin(d, "Palkintokierroksen tallennus", e) != K_OK) return 0;
  const char *now = db_now().s;
  db_stmt *st = db_prepare(
      d, r->id ? "UPDATE award_round SET year = :year, intro = :i0, intro_sv = :i1, intro_en = :i2,"
                 " nominate_until = :nom, jury_until = :jury, chair_id = :chair, updated_at = :now WHERE id = :id"
               : "INSERT INTO award_round(year, intro, intro_sv, intro_en, nominate_until, jury_until, chair_id,"
                 " created_at, updated_at) VALUES(:year, :i0, :i1, :i2, :nom, :jury, :chair, :now, :now)");
  static const char *const in[] = {":i0", ":i1", ":i2"};
  for (int i = 0; i < 3; i++) db_bind_text(st, in[i], nz(r->intro[i]));
  db_bind_int(st, ":year", r->year);
  db_bind_text(st, ":nom", *nom ? nom : NULL);
  db_bind_text(st, ":jury", *jury ? jury : NULL);
  if (r->chair_id)
    db_bind_int(st, ":chair", r->chair_id);
  else
    db_bind_null(st, ":chair");
  db_bind_text(st, ":now", now);
  if (r->id) db_bind_int(st, ":id", r->id);
  int step = db_step(st), rc = step < 0 ? K_ERR : K_OK;
  db_done(st);
  long long id = r->id;
  if (rc == K_OK && !id) id = db_last_id(d);
  char subj[48], detail[64];
  snprintf(subj, sizeof subj, "award-round:%lld", id);
  snprintf(detail, sizeof detail, "year %d", r->year);
  if (rc == K_OK) rc = audit_log(d, nz(actor), r->id ? "update" : "create", subj, detail);
  return write_end(d, rc, "Palkintokierroksen tallennus", e) == K_OK ? id : 0;
}

int award_round_delete(db *d, long long id, const char *actor, kerr *e) {
  long long year = db_int(d, 0, "SELECT year FROM award_round WHERE id = ?1", "i", id);
  if (!year) return kerr_set(e, NULL, N_("Palkintokierrosta ei ole."));
  if (award_round_published(d, id)) return kerr_set(e, NULL, N_("Julkaistua palkintokierrosta ei voi poistaa."));
  if (write_begin(d, "Palkintokierroksen poisto", e) != K_OK) return K_ERR;
  /* everything in the round goes with it (ON DELETE CASCADE: categories, criteria, nominations, jurors, conflicts,
   * scores) */
  int rc = db_exec(d, "DELETE FROM award_round WHERE id = ?1", "i", id) == DB_OK ? K_OK : K_ERR;
  char subj[48], detail[32];
  snprintf(subj, sizeof subj, "award-round:%lld", id);
  snprintf(detail, sizeof detail, "year %lld", year);
  if (rc == K_OK) rc = audit_log(d, nz(actor), "delete", subj, detail);
  return write_end(d, rc, "Palkintokierroksen poisto", e);
}

/* ---- categories and criteria: the same texts, one table each ---- */

/* Statements are cached by their text's address (db_prepare), so each table has its own literal SQL. */
typedef struct part {
  const char *subject; /* audit subject prefix */
  const char *what;    /* the write's name in a storage error */
  const char *missing; /* N_ message */
  const char *taken;   /* N_ message: the name is in the round already */
  const char *sql_round, *sql_taken, *sql_insert, *sql_update, *sql_delete;
  int weighted; /* criteria carry a weight */
} part;

#define PART_SQL(table, wcol, wval, wset)                                                                              \
  "SELECT round_id FROM " table " WHERE id = ?1",                                                                      \
      "SELECT 1 FROM " table " WHERE round_id = ?1 AND name = ?2 AND id <> ?3",                                        \
      "INSERT INTO " table "(round_id, position, name, name_sv, name_en, description, description_sv,"                 \
      " description_en" wcol ") VALUES(:round, (SELECT COALESCE(MAX(position), 0) + 1 FROM " table                     \
      " WHERE round_id = :round), :n0, :n1, :n2, :d0, :d1, :d2" wval ")",                                              \
      "UPDATE " table " SET name = :n0, name_sv = :n1, name_en = :n2, description = :d0, description_sv = :d1,"        \
      " description_en = :d2" wset " WHERE id = :id",                                                                  \
      "DELETE FROM " table " WHERE id = ?1"

static const part CATEGORY = {"award-category",
                              "Sarjan tallennus",
                              N_("Sarjaa ei ole."),
                              N_("Kierroksella on jo samanniminen sarja."),
                              PART_SQL("award_category", "", "", ""),
                              0};
static const part CRITERION = {"award-criterion",
                               "Kriteerin tallennus",
                               N_("Kriteeriä ei ole."),
                               N_("Kierroksella on jo samanniminen kriteeri."),
                               PART_SQL("award_criterion", ", weight", ", :weight", ", weight = :weight"),
                               1};

static const char *const NAME_F[] = {"name", "name_sv", "name_en"};
static const char *const DESC_F[] = {"description", "description_sv", "description_en"};

/* The round of a category's or criterion's row, 0 when there is none. */
static long long part_round(db *d, const part *p, long long id) {
  return db_int(d, 0, p->sql_round, "i", id);
}

/* Saves a row of p: checks, then INSERT (last in order) or UPDATE; weight only for criteria. */
static long long part_save(db *d, const part *p, long long id, long long round_id, char *const name[3],
                           char *const desc[3], int weight, const char *actor, kerr *e) {
  if (id) {
    round_id = part_round(d, p, id);
    if (!round_id) {
      kerr_set(e, NULL, p->missing);
      return 0;
    }
  } else if (!db_exists(d, "SELECT 1 FROM award_round WHERE id = ?1", "i", round_id)) {
    kerr_set(e, NULL, N_("Palkintokierrosta ei ole."));
    return 0;
  }
  if (award_round_published(d, round_id)) {
    kerr_set(e, NULL, N_("Kierros on julkaistu; sitä ei voi enää muuttaa."));
    return 0;
  }
  for (int i = 0; i < 3; i++) {
    text_check(name[i], NAME_F[i], i == 0, AWARD_MAX_NAME, e);
    text_check(desc[i], DESC_F[i], 0, AWARD_MAX_TEXT, e);
  }
  if (p->weighted && (weight < 1 || weight > 100)) kerr_add(e, "weight", N_("Anna paino väliltä 1–100."));
  if (!util_blank(name[0]) && db_exists(d, p->sql_taken, "iti", round_id, name[0], id)) kerr_add(e, "name", p->taken);
  if (e->msg) return 0;
  if (write_begin(d, p->what, e) != K_OK) return 0;
  db_stmt *st = db_prepare(d, id ? p->sql_update : p->sql_insert);
  static const char *const nn[] = {":n0", ":n1", ":n2"}, *const dn[] = {":d0", ":d1", ":d2"};
  for (int i = 0; i < 3; i++) {
    db_bind_text(st, nn[i], nz(name[i]));
    db_bind_text(st, dn[i], nz(desc[i]));
  }
  if (p->weighted) db_bind_int(st, ":weight", weight);
  if (id)
    db_bind_int(st, ":id", id);
  else
    db_bind_int(st, ":round", round_id);
  int rc = db_step(st) < 0 ? K_ERR : K_OK;
  db_done(st);
  long long saved = id;
  if (rc == K_OK && !saved) saved = db_last_id(d);
  char subj[64];
  snprintf(subj, sizeof subj, "%s:%lld", p->subject, saved);
  if (rc == K_OK) rc = audit_log(d, nz(actor), id ? "update" : "create", subj, name[0]);
  return write_end(d, rc, p->what, e) == K_OK ? saved : 0;
}

long long award_category_save(db *d, arena *a, const award_category *c, const char *actor, kerr *e) {
  (void)a;
  return part_save(d, &CATEGORY, c->id, c->round_id, c->name, c->description, 0, actor, e);
}

long long award_criterion_save(db *d, arena *a, const award_criterion *c, const char *actor, kerr *e) {
  (void)a;
  return part_save(d, &CRITERION, c->id, c->round_id, c->name, c->description, c->weight, actor, e);
}

award_criterion *award_criterion_get(db *d, arena *a, long long id, const char *lang) {
  long long round_id = part_round(d, &CRITERION, id);
  int n = 0;
  award_criterion *v = round_id ? award_criteria(d, a, round_id, lang, &n) : NULL;
  for (int i = 0; i < n; i++)
    if (v[i].id == id) return &v[i];
  return NULL;
}

/* Deletes a row of p after the checks the caller made; audited. */
static int part_delete(db *d, const part *p, long long id, const char *actor, const char *what, kerr *e) {
  if (write_begin(d, what, e) != K_OK) return K_ERR;
  char subj[64];
  int rc = db_exec(d, p->sql_delete, "i", id) == DB_OK ? K_OK : K_ERR;
  snprintf(subj, sizeof subj, "%s:%lld", p->subject, id);
  if (rc == K_OK) rc = audit_log(d, nz(actor), "delete", subj, "");
  return write_end(d, rc, what, e);
}

int award_category_delete(db *d, long long id, const char *actor, kerr *e) {
  long long round_id = part_round(d, &CATEGORY, id);
  if (!round_id) return kerr_set(e, NULL, N_("Sarjaa ei ole."));
  if (award_round_published(d, round_id))
    return kerr_set(e, NULL, N_("Kierros on julkaistu; sitä ei voi enää muuttaa."));
  if (db_exists(d, "SELECT 1 FROM award_nomination WHERE category_id = ?1", "i", id)) /* the page says how many */
    return kerr_set(e, NULL, N_("Sarjassa on ehdokkaita tai ehdotuksia; poista ne ensin."));
  return part_delete(d, &CATEGORY, id, actor, "Sarjan poisto", e);
}

int award_criterion_delete(db *d, long long id, const char *actor, kerr *e) {
  long long round_id = part_round(d, &CRITERION, id);
  if (!round_id) return kerr_set(e, NULL, N_("Kriteeriä ei ole."));
  if (award_round_published(d, round_id))
    return kerr_set(e, NULL, N_("Kierros on julkaistu; sitä ei voi enää muuttaa."));
  return part_delete(d, &CRITERION, id, actor, "Kriteerin poisto", e); /* its scores go by ON DELETE CASCADE */
}

/* ---- jurors ---- */

int award_juror_add(db *d, long long category_id, long long user_id, const char *actor, kerr *e) {
  long long round_id = part_round(d, &CATEGORY, category_id);
  if (!round_id) return kerr_set(e, NULL, N_("Sarjaa ei ole."));
  if (award_round_published(d, round_id))
    return kerr_set(e, NULL, N_("Kierros on julkaistu; sitä ei voi enää muuttaa."));
  if (!jury_account(d, user_id)) return kerr_set(e, "user_id", N_("Valitse aktiivinen raadin tunnus."));
  if (write_begin(d, "Tuomarin lisäys", e) != K_OK) return K_ERR;
  int rc = db_exec(d,
                   "INSERT INTO award_juror(category_id, user_id) VALUES(?1, ?2)"
                   " ON CONFLICT(category_id, user_id) DO NOTHING",
                   "ii", category_id, user_id) == DB_OK
               ? K_OK
               : K_ERR;
  int added = rc == K_OK && db_changes(d) > 0;
  if (rc == K_OK) rc = award_conflicts_record(d, round_id, e); /* the new juror's conflicts, with their reasons */
  char subj[64], detail[48];
  snprintf(subj, sizeof subj, "award-category:%lld/jurors", category_id);
  snprintf(detail, sizeof detail, "user:%lld", user_id);
  if (rc == K_OK && added) rc = audit_log(d, nz(actor), "create", subj, detail);
  return write_end(d, rc, "Tuomarin lisäys", e);
}

int award_juror_remove(db *d, long long category_id, long long user_id, const char *actor, kerr *e) {
  long long round_id = part_round(d, &CATEGORY, category_id);
  if (!round_id) return kerr_set(e, NULL, N_("Sarjaa ei ole."));
  if (award_round_published(d, round_id))
    return kerr_set(e, NULL, N_("Kierros on julkaistu; sitä ei voi enää muuttaa."));
  if (!db_exists(d, "SELECT 1 FROM award_juror WHERE category_id = ?1 AND user_id = ?2", "ii", category_id, user_id))
    return kerr_set(e, NULL, N_("Tuomari ei ole tämän sarjan raadissa."));
  if (write_begin(d, "Tuomarin poisto", e) != K_OK) return K_ERR;
  /* the juror's scores in this category go too: they would otherwise count in the chair's figures */
  int rc = db_exec(d,
                   "DELETE FROM award_score WHERE user_id = ?2 AND nomination_id IN"
                   " (SELECT id FROM award_nomination WHERE category_id = ?1)",
                   "ii", category_id, user_id) == DB_OK
               ? K_OK
               : K_ERR;
  if (rc == K_OK && db_exec(d, "DELETE FROM award_juror WHERE category_id = ?1 AND user_id = ?2", "ii", category_id,
                            user_id) != DB_OK)
    rc = K_ERR;
  char subj[64], detail[48];
  snprintf(subj, sizeof subj, "award-category:%lld/jurors", category_id);
  snprintf(detail, sizeof detail, "user:%lld", user_id);
  if (rc == K_OK) rc = audit_log(d, nz(actor), "delete", subj, detail);
  return write_end(d, rc, "Tuomarin poisto", e);
}
