/* award_public: publishing an award round (and the winners' contacts' email, once), the published rounds, a round's
 * awards and mentions, and a deed's. */
#include "model/award.h"

#include <stdio.h>
#include <string.h>

#include "core/util.h"
#include "model/audit.h"
#include "model/mail.h"
#include "model/write.h"

/* ---- reading the results ---- */

/* Only decisions on nominated, published deeds of published rounds are results anyone sees. */
#define WIN_SQL                                                                                                        \
  "SELECT n.id, n.deed_id, n.category_id, r.year, c.name, c.name_sv, c.name_en, n.result, d.title, d.org_name, "       \
  "n.citation, n.citation_sv, n.citation_en "                                                                          \
  "FROM award_nomination n JOIN award_round r ON r.id = n.round_id "                                                   \
  "JOIN award_category c ON c.id = n.category_id JOIN deed d ON d.id = n.deed_id "                                     \
  "WHERE r.published_at IS NOT NULL AND n.status = 'nominated' AND n.result IS NOT NULL "                              \
  "AND d.status = 'published' "

static award_win *wins_read(db_stmt *st, arena *a, const char *lang, int *n) {
  award_win *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    award_win *w = memset(&v[(*n)++], 0, sizeof *v);
    w->nomination_id = db_col_int(st, 0);
    w->deed_id = db_col_int(st, 1);
    w->category_id = db_col_int(st, 2);
    w->year = (int)db_col_int(st, 3);
    char *cat[3];
    for (int i = 0; i < 3; i++) {
      cat[i] = arena_strdup(a, db_col_text(st, 4 + i));
      w->citations[i] = arena_strdup(a, db_col_text(st, 10 + i));
    }
    w->category = tr_pick(lang, cat[0], cat[1], cat[2]);
    w->result = !strcmp(db_col_text(st, 7), "award") ? "award" : "mention";
    w->deed_title = arena_strdup(a, db_col_text(st, 8));
    w->organisation = arena_strdup(a, db_col_text(st, 9));
    w->citation = tr_pick(lang, w->citations[0], w->citations[1], w->citations[2]);
  }
  db_done(st);
  return v;
}

award_win *award_round_wins(db *d, arena *a, long long round_id, const char *lang, int *n) {
  return wins_read(db_query(d,
                            WIN_SQL "AND n.round_id = ?1 ORDER BY c.position, c.id, "
                                    "CASE n.result WHEN 'award' THEN 0 ELSE 1 END, d.title, n.id",
                            "i", round_id),
                   a, lang, n);
}

award_win *award_deed_wins(db *d, arena *a, long long deed_id, const char *lang, int *n) {
  return wins_read(db_query(d,
                            WIN_SQL "AND n.deed_id = ?1 ORDER BY r.year DESC, "
                                    "CASE n.result WHEN 'award' THEN 0 ELSE 1 END, c.position, c.id",
                            "i", deed_id),
                   a, lang, n);
}

award_round *award_published_rounds(db *d, arena *a, const char *lang, int *n) {
  int all = 0;
  award_round *v = award_rounds(d, a, lang, &all); /* a round a year: a handful */
  *n = 0;
  for (int i = 0; i < all; i++)
    if (v[i].published_at) v[(*n)++] = v[i];
  return v;
}

/* ---- publishing ---- */

/* The checks before publishing: at least one decision, and a Finnish citation on every one (each missing one named,
 * so staff know which to write). */
static int publishable(db *d, long long round_id, kerr *e) {
  if (!db_exists(d,
                 "SELECT 1 FROM award_nomination WHERE round_id = ?1 AND status = 'nominated' AND result IS NOT NULL",
                 "i", round_id))
    return kerr_set(e, NULL, N_("Kierroksella ei ole vielä yhtään päätöstä: julkaistavaa ei ole."));
  db_stmt *st = db_query(d,
                         "SELECT d.title, c.name FROM award_nomination n JOIN deed d ON d.id = n.deed_id "
                         "JOIN award_category c ON c.id = n.category_id WHERE n.round_id = ?1 AND "
                         "n.status = 'nominated' AND n.result IS NOT NULL AND trim(n.citation) = '' "
                         "ORDER BY c.position, c.id, d.title",
                         "i", round_id);
  while (db_step(st) == 1)
    kerr_add(e, "citation", "Perustelu suomeksi puuttuu: %r (%r).", db_col_text(st, 0), db_col_text(st, 1));
  db_done(st);
  return e->msg ? K_ERR : K_OK;
}

/* One contact of a winning organisation and one of its results, as read before any message is queued. */
typedef struct contact_win {
  long long user_id;
  char *email, *lang, *org;
  award_win w;
} contact_win;

/* The active contacts of the organisations of the round's winning deeds with each of their results (the category in
 * the contact's language), by contact. In arena a. */
static contact_win *contact_wins(db *d, arena *a, long long round_id, int *n) {
  db_stmt *st =
      db_query(d,
               "SELECT u.id, u.email, u.lang, o.name, n.id, n.deed_id, c.name, c.name_sv, c.name_en, n.result, d.title "
               "FROM award_nomination n JOIN deed d ON d.id = n.deed_id JOIN org o ON o.id = d.org_id "
               "JOIN user u ON u.org_id = d.org_id JOIN award_category c ON c.id = n.category_id "
               "WHERE n.round_id = ?1 AND n.status = 'nominated' AND n.result IS NOT NULL AND d.status = 'published' "
               "AND u.role = 'contact' AND u.active = 1 "
               "ORDER BY u.id, c.position, c.id, CASE n.result WHEN 'award' THEN 0 ELSE 1 END, d.title, n.id",
               "i", round_id);
  contact_win *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    contact_win *x = memset(&v[(*n)++], 0, sizeof *v);
    x->user_id = db_col_int(st, 0);
    x->email = arena_strdup(a, db_col_text(st, 1));
    x->lang = arena_strdup(a, db_col_text(st, 2));
    x->org = arena_strdup(a, db_col_text(st, 3));
    x->w.nomination_id = db_col_int(st, 4);
    x->w.deed_id = db_col_int(st, 5);
    x->w.category = tr_pick(x->lang, arena_strdup(a, db_col_text(st, 6)), arena_strdup(a, db_col_text(st, 7)),
                            arena_strdup(a, db_col_text(st, 8)));
    x->w.result = !strcmp(db_col_text(st, 9), "award") ? "award" : "mention";
    x->w.deed_title = arena_strdup(a, db_col_text(st, 10));
  }
  db_done(st);
  return v;
}

/* Queues one message per contact listing their organisation's results in the round. Returns how many, or -1 with e
 * set. */
static int notify_contacts(db *d, arena *a, long long round_id, int year, kerr *e) {
  int n = 0, sent = 0;
  contact_win *v = contact_wins(d, a, round_id, &n);
  for (int i = 0; i < n;) {
    int k = i;
    while (k < n && v[k].user_id == v[i].user_id) k++;
    award_win *w = arena_alloc(a, sizeof *w * (size_t)(k - i));
    for (int j = i; j < k; j++) w[j - i] = v[j].w;
    if (!mail_award_won(d, v[i].email, v[i].lang, year, v[i].org, w, k - i, e)) return -1;
    sent++;
    i = k;
  }
  return sent;
}

static int publish_rows(db *d, arena *a, long long round_id, int on, const char *actor, kerr *e) {
  award_round *r = award_round_get(d, a, round_id, "fi");
  if (!r) return kerr_set(e, NULL, "Palkintokierrosta %lld ei ole.", round_id);
  if (on && publishable(d, round_id, e) != K_OK) return K_ERR;
  db_time t = db_now();
  const char *now = t.s;
  if (db_exec(d,
              on ? "UPDATE award_round SET published_at = coalesce(published_at, ?2), updated_at = ?2 WHERE id = ?1"
                 : "UPDATE award_round SET published_at = NULL, updated_at = ?2 WHERE id = ?1",
              "it", round_id, now) != DB_OK)
    return kerr_storage(e, "Palkintokierroksen julkaisu", db_errmsg(d));
  char subj[48], detail[80];
  snprintf(subj, sizeof subj, "award_round:%lld", round_id);
  snprintf(detail, sizeof detail, "%d", r->year);
  /* the first publishing tells the winners; taking it back and again does not. The UPDATE asks again whether nobody
   * has been told (a compare-and-set): of two staff publishing at once, the second waits for the first's row lock
   * on PostgreSQL, then finds notified_at set and changes nothing, so the contacts are emailed once. */
  if (on && !r->notified_at) {
    if (db_exec(d, "UPDATE award_round SET notified_at = ?2 WHERE id = ?1 AND notified_at IS NULL", "it", round_id,
                now) != DB_OK)
      return kerr_storage(e, "Palkintokierroksen julkaisu", db_errmsg(d));
    if (db_changes(d) > 0) {
      int sent = notify_contacts(d, a, round_id, r->year, e);
      if (sent < 0) return K_ERR;
      snprintf(detail, sizeof detail, "%d, %d viestiä", r->year, sent);
    }
  }
  return audit_log(d, actor, on ? "publish" : "unpublish", subj, detail) == K_OK
             ? K_OK
             : kerr_storage(e, "Palkintokierroksen julkaisu", "audit");
}

int award_publish(db *d, arena *a, long long round_id, int on, const char *actor, kerr *e) {
  if (write_begin(d, "Palkintokierroksen julkaisu", e) != K_OK) return K_ERR;
  return write_end(d, publish_rows(d, a, round_id, on, actor, e), "Palkintokierroksen julkaisu", e);
}
