/* award: reading award rounds, their categories, criteria and jurors (the writes are in award_edit.c). */
#include "model/award.h"

#include <string.h>

#include "core/date.h"

/* A round's columns with its counts; the chair's name (or email when it has none). */
#define ROUND_SQL                                                                                                      \
  "SELECT r.id, r.year, r.intro, r.intro_sv, r.intro_en, r.nominate_until, r.jury_until, coalesce(r.chair_id, 0), "    \
  "coalesce(NULLIF(u.name, ''), u.email, ''), r.published_at, r.notified_at, "                                         \
  "(SELECT count(*) FROM award_category c WHERE c.round_id = r.id), "                                                  \
  "(SELECT count(*) FROM award_criterion c WHERE c.round_id = r.id), "                                                 \
  "(SELECT count(*) FROM award_nomination n WHERE n.round_id = r.id AND n.status = 'nominated'), "                     \
  "(SELECT count(*) FROM award_nomination n WHERE n.round_id = r.id AND n.status = 'suggested'), "                     \
  "(SELECT count(*) FROM award_nomination n WHERE n.round_id = r.id AND n.status = 'nominated' "                       \
  "AND n.result = 'award'), "                                                                                          \
  "(SELECT count(*) FROM award_nomination n WHERE n.round_id = r.id AND n.status = 'nominated' "                       \
  "AND n.result = 'mention'), "                                                                                        \
  "(SELECT count(DISTINCT j.user_id) FROM award_juror j JOIN award_category c ON c.id = j.category_id "                \
  "WHERE c.round_id = r.id) "                                                                                          \
  "FROM award_round r LEFT JOIN user u ON u.id = r.chair_id "

static void round_read(db_stmt *st, arena *a, const char *lang, award_round *r) {
  r->id = db_col_int(st, 0);
  r->year = (int)db_col_int(st, 1);
  for (int i = 0; i < 3; i++) r->intro[i] = arena_strdup(a, db_col_text(st, 2 + i));
  r->t_intro = tr_pick(lang, r->intro[0], r->intro[1], r->intro[2]);
  r->nominate_until = db_col_adup(st, 5, a);
  r->jury_until = db_col_adup(st, 6, a);
  r->chair_id = db_col_int(st, 7);
  r->chair_name = arena_strdup(a, db_col_text(st, 8));
  r->published_at = db_col_adup(st, 9, a);
  r->notified_at = db_col_adup(st, 10, a);
  r->ncategories = db_col_int(st, 11);
  r->ncriteria = db_col_int(st, 12);
  r->nnominated = db_col_int(st, 13);
  r->nsuggested = db_col_int(st, 14);
  r->nawards = db_col_int(st, 15);
  r->nmentions = db_col_int(st, 16);
  r->njurors = db_col_int(st, 17);
}

/* Every round the statement gives, in arena a. */
static award_round *rounds_read(db_stmt *st, arena *a, const char *lang, int *n) {
  award_round *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    memset(&v[*n], 0, sizeof *v);
    round_read(st, a, lang, &v[(*n)++]);
  }
  db_done(st);
  return v;
}

/* The one round the statement gives, or NULL. */
static award_round *round_one(db_stmt *st, arena *a, const char *lang) {
  int n = 0;
  award_round *v = rounds_read(st, a, lang, &n);
  return n ? v : NULL;
}

award_round *award_rounds(db *d, arena *a, const char *lang, int *n) {
  return rounds_read(db_query(d, ROUND_SQL "ORDER BY r.year DESC", ""), a, lang, n);
}

award_round *award_round_get(db *d, arena *a, long long id, const char *lang) {
  return round_one(db_query(d, ROUND_SQL "WHERE r.id = ?1", "i", id), a, lang);
}

award_round *award_round_by_year(db *d, arena *a, int year, const char *lang) {
  return round_one(db_query(d, ROUND_SQL "WHERE r.year = ?1", "i", (long long)year), a, lang);
}

award_round *award_round_open(db *d, arena *a, const char *lang) {
  char today[11];
  date_today_fi(today);
  return round_one(db_query(d,
                            ROUND_SQL "WHERE r.published_at IS NULL AND (r.nominate_until IS NULL OR "
                                      "r.nominate_until >= ?1) ORDER BY r.year DESC LIMIT 1",
                            "t", today),
                   a, lang);
}

/* ---- categories and criteria: the same columns ---- */

/* id, round_id, position, name ×3, description ×3, then one more column (nominations, or the weight). */
static void texts_read(db_stmt *st, arena *a, const char *lang, char *name[3], char *desc[3], tr *t_name, tr *t_desc) {
  for (int i = 0; i < 3; i++) {
    name[i] = arena_strdup(a, db_col_text(st, 3 + i));
    desc[i] = arena_strdup(a, db_col_text(st, 6 + i));
  }
  *t_name = tr_pick(lang, name[0], name[1], name[2]);
  *t_desc = tr_pick(lang, desc[0], desc[1], desc[2]);
}

#define CATEGORY_SQL                                                                                                   \
  "SELECT c.id, c.round_id, c.position, c.name, c.name_sv, c.name_en, c.description, c.description_sv, "               \
  "c.description_en, (SELECT count(*) FROM award_nomination n WHERE n.category_id = c.id AND "                         \
  "n.status = 'nominated') FROM award_category c "

static award_category *categories_read(db_stmt *st, arena *a, const char *lang, int *n) {
  award_category *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    award_category *c = memset(&v[(*n)++], 0, sizeof *v);
    c->id = db_col_int(st, 0);
    c->round_id = db_col_int(st, 1);
    c->position = db_col_int(st, 2);
    texts_read(st, a, lang, c->name, c->description, &c->t_name, &c->t_description);
    c->nnominated = db_col_int(st, 9);
  }
  db_done(st);
  return v;
}

award_category *award_categories(db *d, arena *a, long long round_id, const char *lang, int *n) {
  return categories_read(db_query(d, CATEGORY_SQL "WHERE c.round_id = ?1 ORDER BY c.position, c.id", "i", round_id), a,
                         lang, n);
}

award_category *award_category_get(db *d, arena *a, long long id, const char *lang) {
  int n = 0;
  award_category *v = categories_read(db_query(d, CATEGORY_SQL "WHERE c.id = ?1", "i", id), a, lang, &n);
  return n ? v : NULL;
}

award_criterion *award_criteria(db *d, arena *a, long long round_id, const char *lang, int *n) {
  db_stmt *st = db_query(d,
                         "SELECT id, round_id, position, name, name_sv, name_en, description, description_sv, "
                         "description_en, weight FROM award_criterion WHERE round_id = ?1 ORDER BY position, id",
                         "i", round_id);
  award_criterion *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    award_criterion *c = memset(&v[(*n)++], 0, sizeof *v);
    c->id = db_col_int(st, 0);
    c->round_id = db_col_int(st, 1);
    c->position = db_col_int(st, 2);
    texts_read(st, a, lang, c->name, c->description, &c->t_name, &c->t_description);
    c->weight = (int)db_col_int(st, 9);
  }
  db_done(st);
  return v;
}

/* ---- jurors ---- */

/* user_id, name (or email), email, category id, its name ×3, is_chair. */
static award_juror *jurors_read(db_stmt *st, arena *a, const char *lang, int *n) {
  award_juror *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    award_juror *j = memset(&v[(*n)++], 0, sizeof *v);
    j->user_id = db_col_int(st, 0);
    j->name = arena_strdup(a, db_col_text(st, 1));
    j->email = arena_strdup(a, db_col_text(st, 2));
    j->category_id = db_col_int(st, 3);
    j->category = tr_pick(lang, arena_strdup(a, db_col_text(st, 4)), arena_strdup(a, db_col_text(st, 5)),
                          arena_strdup(a, db_col_text(st, 6)));
    j->is_chair = (int)db_col_int(st, 7);
  }
  db_done(st);
  return v;
}

award_juror *award_jurors(db *d, arena *a, long long round_id, const char *lang, int *n) {
  return jurors_read(db_query(d,
                              "SELECT u.id, coalesce(NULLIF(u.name, ''), u.email), u.email, c.id, c.name, c.name_sv, "
                              "c.name_en, CASE WHEN r.chair_id = u.id THEN 1 ELSE 0 END "
                              "FROM award_juror j JOIN award_category c ON c.id = j.category_id "
                              "JOIN award_round r ON r.id = c.round_id JOIN user u ON u.id = j.user_id "
                              "WHERE c.round_id = ?1 ORDER BY c.position, c.id, u.name, u.email",
                              "i", round_id),
                     a, lang, n);
}

award_juror *award_jury_accounts(db *d, arena *a, int *n) {
  return jurors_read(db_query(d,
                              "SELECT id, coalesce(NULLIF(name, ''), email), email, 0, '', '', '', 0 FROM user "
                              "WHERE role = 'jury' AND active = 1 ORDER BY name, email",
                              ""),
                     a, "fi", n);
}

int award_is_chair(db *d, long long round_id, long long user_id) {
  return user_id > 0 &&
         db_exists(d, "SELECT 1 FROM award_round WHERE id = ?1 AND chair_id = ?2", "ii", round_id, user_id);
}

int award_is_juror(db *d, long long round_id, long long user_id) {
  return award_is_chair(d, round_id, user_id) ||
         db_exists(d,
                   "SELECT 1 FROM award_juror j JOIN award_category c ON c.id = j.category_id "
                   "WHERE c.round_id = ?1 AND j.user_id = ?2",
                   "ii", round_id, user_id);
}

int award_round_published(db *d, long long round_id) {
  return db_exists(d, "SELECT 1 FROM award_round WHERE id = ?1 AND published_at IS NOT NULL", "i", round_id);
}
