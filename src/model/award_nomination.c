/* award_nomination: a round's nominations: staff nominate published deeds, anyone suggests one with a reason, staff
 * accept or decline a suggestion (the suggester hears of it by email), and nominations taken out again. */
#include <stdio.h>
#include <string.h>

#include "model/audit.h"
#include "model/award.h"
#include "model/mail.h"
#include "model/write.h"

static const char *nz(const char *s) {
  return s ? s : "";
}

/* ---- reading ---- */

static const char *status_const(const char *s) {
  if (!strcmp(s, "nominated")) return "nominated";
  if (!strcmp(s, "declined")) return "declined";
  return "suggested";
}

void award_nomination_read(db_stmt *st, arena *a, const char *lang, award_nomination *m) {
  memset(m, 0, sizeof *m);
  m->id = db_col_int(st, 0);
  m->round_id = db_col_int(st, 1);
  m->category_id = db_col_int(st, 2);
  m->deed_id = db_col_int(st, 3);
  m->status = status_const(db_col_text(st, 4));
  m->category = (tr){db_col_adup(st, 5, a), (int)db_col_int(st, 6)};
  m->deed_title = db_col_adup(st, 7, a);
  m->deed_ref = db_col_adup(st, 8, a);
  m->organisation = db_col_adup(st, 9, a);
  m->summary = db_col_adup(st, 10, a);
  m->org_id = db_col_int(st, 11);
  m->deed_year = (int)db_col_int(st, 12);
  m->reason = db_col_adup(st, 13, a);
  m->suggester_name = db_col_adup(st, 14, a);
  m->suggester_email = db_col_adup(st, 15, a);
  m->decided_by = db_col_adup(st, 16, a);
  m->decided_at = db_col_adup(st, 17, a); /* NULL while undecided */
  m->decline_reason = db_col_adup(st, 18, a);
  const char *res = db_col_null(st, 19) ? "" : db_col_text(st, 19);
  m->result = !strcmp(res, "award") ? "award" : !strcmp(res, "mention") ? "mention" : NULL;
  for (int i = 0; i < 3; i++) m->citation[i] = db_col_adup(st, 20 + i, a);
  m->t_citation = tr_pick(lang, m->citation[0], m->citation[1], m->citation[2]);
  m->created_by = db_col_adup(st, 23, a);
  m->created_at = db_col_adup(st, 24, a);
}

static award_nomination *nominations_read(db_stmt *st, arena *a, const char *lang, int *n) {
  award_nomination *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    award_nomination_read(st, a, lang, &v[(*n)++]);
  }
  db_done(st);
  return v;
}

#define NOMINATION_SQL "SELECT " AWARD_NOM_COLS("n.suggester_name, n.suggester_email") AWARD_NOM_FROM " "

award_nomination *award_nominations(db *d, arena *a, long long round_id, const char *status, long long category_id,
                                    const char *lang, int *n) {
  db_stmt *st =
      db_prepare(d, NOMINATION_SQL "WHERE n.round_id = :round AND (CAST(:status AS TEXT) = '' OR n.status = :status)"
                                   " AND (CAST(:cat AS INTEGER) = 0 OR n.category_id = :cat)"
                                   " ORDER BY cg.position, cg.id, dd.title, n.id");
  db_bind_int(st, ":lang", tr_lang_index(lang));
  db_bind_int(st, ":round", round_id);
  db_bind_text(st, ":status", nz(status));
  db_bind_int(st, ":cat", category_id);
  return nominations_read(st, a, lang, n);
}

award_nomination *award_nomination_get(db *d, arena *a, long long id, const char *lang) {
  db_stmt *st = db_prepare(d, NOMINATION_SQL "WHERE n.id = :id");
  db_bind_int(st, ":lang", tr_lang_index(lang));
  db_bind_int(st, ":id", id);
  int n = 0;
  award_nomination *v = nominations_read(st, a, lang, &n);
  return n ? v : NULL;
}

/* ---- checks shared by nominating and suggesting ---- */

/* The round of category_id when it takes nominations (exists, unpublished), else 0 with e set under field. */
static long long category_round(db *d, long long category_id, kerr *e) {
  long long round_id = db_int(d, 0, "SELECT round_id FROM award_category WHERE id = ?1", "i", category_id);
  if (!round_id) {
    kerr_add(e, "category_id", N_("Valitse sarja."));
    return 0;
  }
  if (award_round_published(d, round_id)) {
    kerr_add(e, "category_id", N_("Kierros on julkaistu; sitä ei voi enää muuttaa."));
    return 0;
  }
  return round_id;
}

static int deed_published(db *d, long long deed_id) {
  return deed_id > 0 && db_exists(d, "SELECT 1 FROM deed WHERE id = ?1 AND status = 'published'", "i", deed_id);
}

static void reason_check(const char *reason, int required, kerr *e) {
  if (required && util_blank(reason))
    kerr_add(e, "reason", N_("Kerro lyhyesti, miksi teko ansaitsee palkinnon."));
  else if (reason && !util_utf8_valid(reason, strlen(reason)))
    kerr_add(e, "reason", N_("Teksti ei ole kelvollista UTF-8-tekstiä."));
  else if (util_utf8_len(reason) > AWARD_MAX_TEXT)
    kerr_add(e, "reason", N_("Teksti on liian pitkä (enintään 4 000 merkkiä)."));
}

static void subject(char *out, size_t n, long long id) {
  snprintf(out, n, "award-nomination:%lld", id);
}

/* Emails the suggester of nomination id (when they left an address) that it was accepted or declined. */
static int tell_suggester(db *d, long long id, int accept, const char *reason, kerr *e) {
  db_stmt *st = db_query(d,
                         "SELECT n.suggester_email, n.suggester_lang, n.deed_id, x.title, c.name, c.name_sv, c.name_en,"
                         " r.year FROM award_nomination n JOIN deed x ON x.id = n.deed_id"
                         " JOIN award_category c ON c.id = n.category_id JOIN award_round r ON r.id = n.round_id"
                         " WHERE n.id = ?1 AND n.suggester_email <> ''",
                         "i", id);
  int rc = K_OK;
  if (db_step(st) == 1) {
    const char *lang = db_col_text(st, 1);
    tr cat = tr_pick(lang, db_col_text(st, 4), db_col_text(st, 5), db_col_text(st, 6));
    if (!mail_award_suggestion_decided(d, db_col_text(st, 0), lang, db_col_int(st, 2), db_col_text(st, 3), cat.text,
                                       (int)db_col_int(st, 7), accept, reason, e))
      rc = K_ERR;
  }
  db_done(st);
  return rc;
}

/* ---- staff nominate ---- */

long long award_nominate(db *d, arena *a, long long category_id, long long deed_id, const char *reason,
                         const char *actor, kerr *e) {
  (void)a;
  long long round_id = category_round(d, category_id, e);
  if (!deed_published(d, deed_id)) kerr_add(e, "deed", N_("Anna julkaistun teon numero."));
  reason_check(reason, 0, e);
  if (e->msg) return 0;
  db_stmt *st = db_query(d, "SELECT id, status FROM award_nomination WHERE category_id = ?1 AND deed_id = ?2", "ii",
                         category_id, deed_id);
  long long id = 0;
  char status[16] = "";
  if (db_step(st) == 1) {
    id = db_col_int(st, 0);
    snprintf(status, sizeof status, "%s", db_col_text(st, 1));
  }
  db_done(st);
  if (!strcmp(status, "nominated")) {
    kerr_set(e, "deed", N_("Teko on jo ehdokkaana tässä sarjassa."));
    return 0;
  }
  if (write_begin(d, "Ehdokkaan lisäys", e) != K_OK) return 0;
  const char *now = db_now().s;
  int rc;
  if (id) { /* a suggestion (pending or declined before) becomes the nomination; the suggester's words stay unless
               staff wrote their own. The status read above is asked again by the UPDATE: a suggestion another staff
               member accepted meanwhile (and its suggester was told) is not taken, nor told, twice */
    rc = db_exec(d,
                 "UPDATE award_nomination SET status = 'nominated', reason = CASE WHEN CAST(?2 AS TEXT) = '' THEN "
                 "reason ELSE ?2"
                 " END, decided_by = ?3, decided_at = ?4, decline_reason = '' WHERE id = ?1 AND status = ?5",
                 "itttt", id, nz(reason), nz(actor), now, status) == DB_OK
             ? K_OK
             : K_ERR;
    if (rc == K_OK && db_changes(d) == 0) rc = kerr_set(e, "deed", N_("Teko on jo ehdokkaana tässä sarjassa."));
  } else {
    rc = db_exec(d,
                 "INSERT INTO award_nomination(round_id, category_id, deed_id, status, reason, decided_by, decided_at,"
                 " created_by, created_at) VALUES(?1, ?2, ?3, 'nominated', ?4, ?5, ?6, ?5, ?6)",
                 "iiittt", round_id, category_id, deed_id, nz(reason), nz(actor), now) == DB_OK
             ? K_OK
             : K_ERR;
    if (rc == K_OK) id = db_last_id(d);
  }
  if (rc == K_OK && !strcmp(status, "suggested")) rc = tell_suggester(d, id, 1, "", e);
  if (rc == K_OK) rc = award_conflicts_record(d, round_id, e); /* the jurors' conflicts with the new nominee */
  char subj[48], detail[48];
  subject(subj, sizeof subj, id);
  snprintf(detail, sizeof detail, "deed:%lld nominated", deed_id);
  if (rc == K_OK) rc = audit_log(d, nz(actor), *status ? "update" : "create", subj, detail);
  return write_end(d, rc, "Ehdokkaan lisäys", e) == K_OK ? id : 0;
}

/* ---- anyone suggests ---- */

long long award_suggest(db *d, arena *a, const award_suggestion *s, kerr *e) {
  award_round *open = award_round_open(d, a, "fi");
  if (!open) {
    kerr_set(e, NULL, N_("Palkintoehdotuksia ei nyt oteta vastaan."));
    return 0;
  }
  if (!db_exists(d, "SELECT 1 FROM award_category WHERE id = ?1 AND round_id = ?2", "ii", s->category_id, open->id))
    kerr_add(e, "category_id", N_("Valitse sarja."));
  if (!deed_published(d, s->deed_id))
    kerr_add(e, "deed", N_("Valitse julkaistu teko."));
  else if (!e->msg && db_exists(d, "SELECT 1 FROM award_nomination WHERE category_id = ?1 AND deed_id = ?2", "ii",
                                s->category_id, s->deed_id))
    kerr_add(e, "deed", N_("Teko on jo ehdotettu tai ehdokkaana tässä sarjassa."));
  reason_check(s->reason, 1, e);
  if (s->name && (!util_utf8_valid(s->name, strlen(s->name)) || util_utf8_len(s->name) > AWARD_MAX_NAME))
    kerr_add(e, "name", N_("Nimi on liian pitkä (enintään 200 merkkiä)."));
  if (!util_blank(s->email) && (!util_email_valid(s->email) || strlen(s->email) > 254))
    kerr_add(e, "email", N_("Tarkista sähköpostiosoite."));
  if (e->msg) return 0;
  const char *lang = s->lang && (!strcmp(s->lang, "sv") || !strcmp(s->lang, "en")) ? s->lang : "fi";
  if (write_begin(d, "Ehdotuksen tallennus", e) != K_OK) return 0;
  const char *now = db_now().s;
  int rc = db_exec(d,
                   "INSERT INTO award_nomination(round_id, category_id, deed_id, status, reason, suggester_name,"
                   " suggester_email, suggester_lang, created_by, created_at)"
                   " VALUES(?1, ?2, ?3, 'suggested', ?4, ?5, ?6, ?7, 'public', ?8)",
                   "iiittttt", open->id, s->category_id, s->deed_id, s->reason, nz(s->name),
                   util_blank(s->email) ? "" : s->email, lang, now) == DB_OK
               ? K_OK
               : K_ERR;
  long long id = rc == K_OK ? db_last_id(d) : 0;
  char subj[48], detail[48];
  subject(subj, sizeof subj, id);
  snprintf(detail, sizeof detail, "deed:%lld suggested", s->deed_id);
  if (rc == K_OK) rc = audit_log(d, "public", "create", subj, detail);
  return write_end(d, rc, "Ehdotuksen tallennus", e) == K_OK ? id : 0;
}

/* ---- staff decide on a suggestion ---- */

int award_suggestion_decide(db *d, arena *a, long long id, int accept, const char *reason, const char *actor, kerr *e) {
  award_nomination *m = award_nomination_get(d, a, id, "fi");
  if (!m) return kerr_set(e, NULL, N_("Ehdotusta ei ole."));
  if (strcmp(m->status, "suggested")) return kerr_set(e, NULL, N_("Ehdotus on jo käsitelty."));
  if (award_round_published(d, m->round_id))
    return kerr_set(e, NULL, N_("Kierros on julkaistu; sitä ei voi enää muuttaa."));
  if (accept && !deed_published(d, m->deed_id)) /* unpublished since it was suggested */
    return kerr_set(e, NULL, N_("Valitse julkaistu teko."));
  if (!accept && util_blank(reason)) return kerr_set(e, "decline_reason", N_("Kerro, miksi ehdotusta ei oteta."));
  if (!accept && (!util_utf8_valid(reason, strlen(reason)) || util_utf8_len(reason) > AWARD_MAX_TEXT))
    return kerr_set(e, "decline_reason", N_("Teksti on liian pitkä (enintään 4 000 merkkiä)."));
  if (write_begin(d, "Ehdotuksen käsittely", e) != K_OK) return K_ERR;
  /* the status is asked again by the UPDATE: two staff deciding at once decide once */
  int rc = db_exec(d,
                   "UPDATE award_nomination SET status = ?2, decided_by = ?3, decided_at = ?4, decline_reason = ?5"
                   " WHERE id = ?1 AND status = 'suggested'",
                   "itttt", id, accept ? "nominated" : "declined", nz(actor), db_now().s, accept ? "" : reason) == DB_OK
               ? K_OK
               : K_ERR;
  if (rc == K_OK && db_changes(d) == 0) rc = kerr_set(e, NULL, N_("Ehdotus on jo käsitelty."));
  if (rc == K_OK) rc = tell_suggester(d, id, accept, accept ? "" : reason, e);
  if (rc == K_OK && accept) rc = award_conflicts_record(d, m->round_id, e);
  char subj[48];
  subject(subj, sizeof subj, id);
  if (rc == K_OK) rc = audit_log(d, nz(actor), "update", subj, accept ? "suggestion accepted" : "suggestion declined");
  return write_end(d, rc, "Ehdotuksen käsittely", e);
}

/* ---- taking a nomination out ---- */

int award_nomination_remove(db *d, long long id, const char *actor, kerr *e) {
  long long round_id = db_int(d, 0, "SELECT round_id FROM award_nomination WHERE id = ?1", "i", id);
  if (!round_id) return kerr_set(e, NULL, N_("Ehdokasta ei ole."));
  if (award_round_published(d, round_id))
    return kerr_set(e, NULL, N_("Kierros on julkaistu; sitä ei voi enää muuttaa."));
  long long deed_id = db_int(d, 0, "SELECT deed_id FROM award_nomination WHERE id = ?1", "i", id);
  if (write_begin(d, "Ehdokkaan poisto", e) != K_OK) return K_ERR;
  /* its scores go by ON DELETE CASCADE */
  int rc = db_exec(d, "DELETE FROM award_nomination WHERE id = ?1", "i", id) == DB_OK ? K_OK : K_ERR;
  char subj[48], detail[48];
  subject(subj, sizeof subj, id);
  snprintf(detail, sizeof detail, "deed:%lld", deed_id);
  if (rc == K_OK) rc = audit_log(d, nz(actor), "delete", subj, detail);
  return write_end(d, rc, "Ehdokkaan poisto", e);
}
