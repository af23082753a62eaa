/* evaluation: reading and saving the evaluation report and its findings and recommendations, publishing it, and the
 * surveys with their respondents for its method section. */
#include "model/evaluation.h"

#include <stdio.h>
#include <string.h>

#include "model/audit.h"
#include "model/write.h"
#include "report/placeholder.h"

static const char *const TITLE_F[] = {"title", "title_sv", "title_en"};
static const char *const BODY_F[] = {"body", "body_sv", "body_en"};
static const char *const INTRO_F[] = {"intro", "intro_sv", "intro_en"};

/* ---- the report ---- */

evaluation *evaluation_get(db *d, arena *a, const char *lang) {
  evaluation *ev = arena_alloc(a, sizeof *ev);
  db_stmt *st = db_query(d,
                         "SELECT title, title_sv, title_en, intro, intro_sv, intro_en, published_at, updated_at,"
                         " updated_by FROM evaluation WHERE id = 1",
                         "");
  int found = db_step(st) == 1;
  for (int i = 0; i < 3; i++) {
    ev->title[i] = found ? db_col_adup(st, i, a) : arena_strdup(a, "");
    ev->intro[i] = found ? db_col_adup(st, 3 + i, a) : arena_strdup(a, "");
  }
  if (found) {
    ev->published_at = db_col_null(st, 6) ? NULL : db_col_adup(st, 6, a);
    ev->updated_at = db_col_null(st, 7) ? NULL : db_col_adup(st, 7, a);
    ev->updated_by = db_col_adup(st, 8, a);
  } else {
    ev->updated_by = arena_strdup(a, "");
  }
  db_done(st);
  ev->t_title = tr_pick(lang, ev->title[0], ev->title[1], ev->title[2]);
  ev->t_intro = tr_pick(lang, ev->intro[0], ev->intro[1], ev->intro[2]);
  return ev;
}

/* One text field: required (the Finnish title), valid UTF-8, not too long, and every figure known when markdown. */
static void check(db *d, arena *a, const char *v, const char *field, int title, int required, kerr *e) {
  if (required && util_blank(v))
    kerr_add(e, field, N_("Otsikko puuttuu."));
  else if (v && !util_utf8_valid(v, strlen(v)))
    kerr_add(e, field, N_("Teksti ei ole kelvollista UTF-8-tekstiä."));
  else if (util_utf8_len(v) > (title ? EVALUATION_MAX_TITLE : EVALUATION_MAX_BODY))
    kerr_add(e, field,
             title ? N_("Otsikko on liian pitkä (enintään 200 merkkiä).")
                   : N_("Teksti on liian pitkä (enintään 50 000 merkkiä)."));
  else if (!title && v)
    placeholder_check_field(d, a, v, field, e);
}

static const char *nz(const char *s) {
  return s ? s : "";
}

int evaluation_save(db *d, arena *a, const evaluation *ev, const char *actor, kerr *e) {
  for (int i = 0; i < 3; i++) {
    check(d, a, ev->title[i], TITLE_F[i], 1, i == 0, e);
    check(d, a, ev->intro[i], INTRO_F[i], 0, 0, e);
  }
  if (e->msg) return K_ERR;
  if (write_begin(d, "Arviointiraportin tallennus", e) != K_OK) return K_ERR;
  db_stmt *st = db_prepare(d, "INSERT INTO evaluation(id, title, title_sv, title_en, intro, intro_sv, intro_en,"
                              " updated_at, updated_by) VALUES(1, :t0, :t1, :t2, :i0, :i1, :i2, :now, :by)"
                              " ON CONFLICT(id) DO UPDATE SET title = excluded.title, title_sv = excluded.title_sv,"
                              " title_en = excluded.title_en, intro = excluded.intro, intro_sv = excluded.intro_sv,"
                              " intro_en = excluded.intro_en, updated_at = excluded.updated_at,"
                              " updated_by = excluded.updated_by");
  static const char *const tn[] = {":t0", ":t1", ":t2"}, *const in[] = {":i0", ":i1", ":i2"};
  for (int i = 0; i < 3; i++) {
    db_bind_text(st, tn[i], nz(ev->title[i]));
    db_bind_text(st, in[i], nz(ev->intro[i]));
  }
  db_bind_text(st, ":now", db_now().s);
  db_bind_text(st, ":by", nz(actor));
  int rc = db_step(st) < 0 ? K_ERR : K_OK;
  db_done(st);
  if (rc == K_OK) rc = audit_log(d, nz(actor), "update", "evaluation", "title and introduction");
  return write_end(d, rc, "Arviointiraportin tallennus", e);
}

/* Every text of the report and its items, checked for figures as staff would read them; problems go to e. */
static int check_all(db *d, arena *a, kerr *e) {
  evaluation *ev = evaluation_get(d, a, "fi");
  if (util_blank(ev->title[0])) kerr_add(e, NULL, N_("Anna raportille otsikko ennen julkaisua."));
  for (int i = 0; i < 3; i++) placeholder_check(d, a, ev->intro[i], e);
  int n = 0;
  eval_item *it = evaluation_items(d, a, "fi", &n);
  for (int k = 0; k < n; k++)
    for (int i = 0; i < 3; i++) placeholder_check(d, a, it[k].body[i], e);
  return e->msg ? K_ERR : K_OK;
}

int evaluation_publish(db *d, arena *a, int on, const char *actor, kerr *e) {
  if (on && check_all(d, a, e) != K_OK) return K_ERR;
  if (write_begin(d, "Julkaisu", e) != K_OK) return K_ERR;
  const char *now = db_now().s;
  /* the row exists once a title was saved; unpublishing an unsaved report changes nothing */
  int rc = db_exec(d, "UPDATE evaluation SET published_at = ?1, updated_at = ?2, updated_by = ?3 WHERE id = 1", "ttt",
                   on ? now : NULL, now, nz(actor)) == DB_OK
               ? K_OK
               : K_ERR;
  if (rc == K_OK) rc = audit_log(d, nz(actor), on ? "publish" : "unpublish", "evaluation", "");
  return write_end(d, rc, "Julkaisu", e);
}

/* ---- findings and recommendations ---- */

#define ITEM_COLS                                                                                                      \
  "id, kind, position, title, title_sv, title_en, body, body_sv, body_en, COALESCE(updated_at, ''), updated_by"

static void item_read(db_stmt *st, arena *a, const char *lang, eval_item *it) {
  it->id = db_col_int(st, 0);
  it->kind = db_col_adup(st, 1, a);
  it->position = db_col_int(st, 2);
  for (int i = 0; i < 3; i++) {
    it->title[i] = db_col_adup(st, 3 + i, a);
    it->body[i] = db_col_adup(st, 6 + i, a);
  }
  it->updated_at = db_col_adup(st, 9, a);
  it->updated_by = db_col_adup(st, 10, a);
  it->t_title = tr_pick(lang, it->title[0], it->title[1], it->title[2]);
  it->t_body = tr_pick(lang, it->body[0], it->body[1], it->body[2]);
}

eval_item *evaluation_items(db *d, arena *a, const char *lang, int *n) {
  db_stmt *st = db_query(d,
                         "SELECT " ITEM_COLS " FROM evaluation_item"
                         " ORDER BY CASE kind WHEN 'finding' THEN 0 ELSE 1 END, position, id",
                         "");
  eval_item *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    memset(&v[*n], 0, sizeof *v);
    item_read(st, a, lang, &v[(*n)++]);
  }
  db_done(st);
  return v;
}

eval_item *evaluation_item_get(db *d, arena *a, long long id, const char *lang) {
  db_stmt *st = db_query(d, "SELECT " ITEM_COLS " FROM evaluation_item WHERE id = ?1", "i", id);
  eval_item *it = NULL;
  if (db_step(st) == 1) {
    it = arena_alloc(a, sizeof *it);
    item_read(st, a, lang, it);
  }
  db_done(st);
  return it;
}

static int kind_ok(const char *kind) {
  return kind && (!strcmp(kind, "finding") || !strcmp(kind, "recommendation"));
}

static void subject(char *out, size_t n, long long id) {
  snprintf(out, n, "evaluation-item:%lld", id);
}

/* Binds the texts of it to :t0.. and :b0.., with :now and :by. */
static void bind_texts(db_stmt *st, const eval_item *it, const char *actor) {
  static const char *const tn[] = {":t0", ":t1", ":t2"}, *const bn[] = {":b0", ":b1", ":b2"};
  for (int i = 0; i < 3; i++) {
    db_bind_text(st, tn[i], nz(it->title[i]));
    db_bind_text(st, bn[i], nz(it->body[i]));
  }
  db_bind_text(st, ":now", db_now().s);
  db_bind_text(st, ":by", nz(actor));
}

long long evaluation_item_save(db *d, arena *a, const eval_item *it, const char *actor, kerr *e) {
  eval_item *old = it->id ? evaluation_item_get(d, a, it->id, "fi") : NULL;
  if (it->id && !old) {
    kerr_set(e, NULL, N_("Kohtaa ei ole."));
    return 0;
  }
  if (!old && !kind_ok(it->kind)) kerr_add(e, "kind", N_("Valitse havainto tai suositus."));
  for (int i = 0; i < 3; i++) {
    check(d, a, it->title[i], TITLE_F[i], 1, i == 0, e);
    check(d, a, it->body[i], BODY_F[i], 0, 0, e);
  }
  if (e->msg) return 0;
  if (write_begin(d, "Kohdan tallennus", e) != K_OK) return 0;
  long long id = it->id;
  db_stmt *st;
  if (old) {
    st = db_prepare(d, "UPDATE evaluation_item SET title = :t0, title_sv = :t1, title_en = :t2, body = :b0,"
                       " body_sv = :b1, body_en = :b2, updated_at = :now, updated_by = :by WHERE id = :id");
    db_bind_int(st, ":id", id);
  } else {
    st = db_prepare(d, "INSERT INTO evaluation_item(kind, position, title, title_sv, title_en, body, body_sv,"
                       " body_en, updated_at, updated_by) VALUES(:kind, (SELECT COALESCE(MAX(position), 0) + 1"
                       " FROM evaluation_item WHERE kind = :kind), :t0, :t1, :t2, :b0, :b1, :b2, :now, :by)");
    db_bind_text(st, ":kind", it->kind);
  }
  bind_texts(st, it, actor);
  int rc = db_step(st) < 0 ? K_ERR : K_OK;
  db_done(st);
  if (rc == K_OK && !id) id = db_last_id(d);
  char subj[48];
  subject(subj, sizeof subj, id);
  if (rc == K_OK) rc = audit_log(d, nz(actor), old ? "update" : "create", subj, old ? old->kind : it->kind);
  return write_end(d, rc, "Kohdan tallennus", e) == K_OK ? id : 0;
}

int evaluation_item_delete(db *d, long long id, const char *actor, kerr *e) {
  if (write_begin(d, "Kohdan poisto", e) != K_OK) return K_ERR;
  int rc = db_exec(d, "DELETE FROM evaluation_item WHERE id = ?1", "i", id) == DB_OK ? K_OK : K_ERR;
  if (rc == K_OK && db_changes(d) == 0) rc = kerr_set(e, NULL, N_("Kohtaa ei ole."));
  char subj[48];
  subject(subj, sizeof subj, id);
  if (rc == K_OK) rc = audit_log(d, nz(actor), "delete", subj, "");
  return write_end(d, rc, "Kohdan poisto", e);
}

int evaluation_item_move(db *d, long long id, int dir, const char *actor, kerr *e) {
  arena a = {0};
  eval_item *it = evaluation_item_get(d, &a, id, "fi");
  if (!it) {
    arena_free(&a);
    return kerr_set(e, NULL, N_("Kohtaa ei ole."));
  }
  /* the kind's items in the order evaluation_items shows them; the moved one trades places with its neighbour and
   * all are numbered 1..n again, so positions tied by hand move one step too */
  db_stmt *st = db_query(d, "SELECT id FROM evaluation_item WHERE kind = ?1 ORDER BY position, id", "t", it->kind);
  long long *ids = NULL;
  int n = 0, cap = 0, at = -1;
  while (db_step(st) == 1) {
    ids = arena_grow(&a, ids, n, &cap, sizeof *ids);
    if ((ids[n] = db_col_int(st, 0)) == id) at = n;
    n++;
  }
  db_done(st);
  int to = at + (dir < 0 ? -1 : 1), rc = K_OK;
  if (at >= 0 && to >= 0 && to < n) {
    ids[at] = ids[to], ids[to] = id;
    int began = write_begin(d, "Siirto", e) == K_OK;
    rc = began ? K_OK : K_ERR;
    for (int i = 0; rc == K_OK && i < n; i++)
      if (db_exec(d, "UPDATE evaluation_item SET position = ?1 WHERE id = ?2", "ii", (long long)i + 1, ids[i]) != DB_OK)
        rc = K_ERR;
    char subj[48];
    subject(subj, sizeof subj, id);
    if (rc == K_OK) rc = audit_log(d, nz(actor), "update", subj, dir < 0 ? "moved up" : "moved down");
    if (began) rc = write_end(d, rc, "Siirto", e);
  }
  arena_free(&a);
  return rc;
}

/* ---- the surveys of the method section ---- */

eval_survey *evaluation_surveys(db *d, arena *a, const char *lang, int *n) {
  db_stmt *st = db_prepare(
      d, "SELECT s.id, s.key, " TR_PICK("s.title") ", " TR_FALLBACK(
             "s.title") ","
                        " (SELECT COUNT(*) FROM survey_invite i WHERE i.survey_id = s.id),"
                        " (SELECT COUNT(*) FROM survey_invite i WHERE i.survey_id = s.id AND i.answered <> 0),"
                        " (SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = s.id) AS responses"
                        " FROM survey s WHERE EXISTS (SELECT 1 FROM survey_response r WHERE r.survey_id = s.id)"
                        " ORDER BY s.created_at, s.id");
  db_bind_int(st, ":lang", tr_lang_index(lang));
  eval_survey *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    eval_survey *s = &v[(*n)++];
    s->id = db_col_int(st, 0);
    s->key = db_col_adup(st, 1, a);
    s->title = (tr){db_col_adup(st, 2, a), (int)db_col_int(st, 3)};
    s->invited = db_col_int(st, 4);
    s->answered = db_col_int(st, 5);
    s->responses = db_col_int(st, 6);
    s->rate = s->invited ? (double)s->answered / (double)s->invited : -1;
  }
  db_done(st);
  return v;
}

eval_series *evaluation_series(db *d, arena *a, int *n) {
  db_stmt *st = db_query(d,
                         "SELECT ss.key, (SELECT COUNT(*) FROM survey_response b JOIN survey sb ON sb.id = b.survey_id"
                         " JOIN survey_response af ON af.pseudonym = b.pseudonym JOIN survey sa ON sa.id = af.survey_id"
                         " WHERE sb.series_id = ss.id AND sb.phase = 'before' AND sa.series_id = ss.id"
                         " AND sa.phase = 'after') FROM survey_series ss"
                         " WHERE EXISTS (SELECT 1 FROM survey s WHERE s.series_id = ss.id AND s.phase = 'before')"
                         " AND EXISTS (SELECT 1 FROM survey s WHERE s.series_id = ss.id AND s.phase = 'after')"
                         " ORDER BY ss.key",
                         "");
  eval_series *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    v[*n].key = db_col_adup(st, 0, a);
    v[(*n)++].pairs = db_col_int(st, 1);
  }
  db_done(st);
  return v;
}
