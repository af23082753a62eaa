/* award_jury: the jury's side of an award round: conflicts of interest (found from the data, declared, recorded),
 * what a juror may see, scores, the chair's figures (weighted totals, per-juror z-scores, disagreement) and the
 * chair's decisions. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "model/audit.h"
#include "model/award.h"
#include "model/write.h"

static const char *nz(const char *s) {
  return s ? s : "";
}

/* ---- conflicts ---- */

/* The round's jurors (?1 = round): every juror of its categories and its chair. */
#define JURORS                                                                                                         \
  "(SELECT aj.user_id AS user_id FROM award_juror aj JOIN award_category acg ON acg.id = aj.category_id"               \
  " WHERE acg.round_id = ?1 UNION SELECT chair_id FROM award_round WHERE id = ?1 AND chair_id IS NOT NULL)"
/* The deeds nominated (or suggested) in the round. */
#define NOMDEEDS "(SELECT DISTINCT deed_id FROM award_nomination WHERE round_id = ?1)"

/* The conflicts found from the data now, as (user_id, deed_id, kind, reason) rows. One coach row per juror and deed:
 * the reason names the first delivery that makes it. */
#define DERIVED_ORG                                                                                                    \
  "SELECT j.user_id AS user_id, dd.id AS deed_id, 'org' AS kind,"                                                      \
  " 'Tuomarin organisaatio on teon organisaatio: ' || o.name AS reason"                                                \
  " FROM " JURORS " j JOIN user u ON u.id = j.user_id CROSS JOIN " NOMDEEDS " nd"                                      \
  " JOIN deed dd ON dd.id = nd.deed_id JOIN org o ON o.id = dd.org_id WHERE u.org_id = dd.org_id"
#define DERIVED_COACH                                                                                                  \
  "SELECT j.user_id AS user_id, dd.id AS deed_id, 'coach' AS kind,"                                                    \
  " 'Tuomarin valmentajaprofiili ' || c.name || ' valmensi organisaatiota ' || o.name || ' (toteutus '"                \
  " || COALESCE(dl.ref, CAST(dl.id AS TEXT)) || ')' AS reason"                                                         \
  " FROM " JURORS " j JOIN user u ON u.id = j.user_id JOIN coach c ON c.id = u.coach_id CROSS JOIN " NOMDEEDS " nd"    \
  " JOIN deed dd ON dd.id = nd.deed_id JOIN org o ON o.id = dd.org_id"                                                 \
  " JOIN delivery dl ON dl.id = (SELECT MIN(x.id) FROM delivery x JOIN delivery_org xo ON xo.delivery_id = x.id"       \
  " WHERE x.coach_id = u.coach_id AND xo.org_id = dd.org_id) WHERE 1 = 1"

/* A condition: the deed dd is hidden from the user u in the round of the nomination n (any kind of conflict, found
 * now or recorded). Written so that NULLs make it false, never unknown (it is used under NOT). */
#define HIDDEN(u, dd, round)                                                                                           \
  "((" dd ".org_id IS NOT NULL AND " u ".org_id IS NOT NULL AND " dd ".org_id = " u ".org_id)"                         \
  " OR EXISTS(SELECT 1 FROM delivery hdl JOIN delivery_org hdo ON hdo.delivery_id = hdl.id"                            \
  " WHERE hdl.coach_id = " u ".coach_id AND hdo.org_id = " dd ".org_id)"                                               \
  " OR EXISTS(SELECT 1 FROM award_conflict hac WHERE hac.round_id = " round " AND hac.user_id = " u ".id"              \
  " AND hac.deed_id = " dd ".id))"

int award_conflicts_record(db *d, long long round_id, kerr *e) {
  const char *now = db_now().s;
  if (db_exec(d,
              "INSERT INTO award_conflict(round_id, user_id, deed_id, kind, reason, created_at)"
              " SELECT ?1, user_id, deed_id, kind, reason, ?2 FROM (" DERIVED_ORG ") f WHERE 1 = 1"
              " ORDER BY user_id, deed_id ON CONFLICT(round_id, user_id, deed_id, kind) DO NOTHING",
              "it", round_id, now) != DB_OK ||
      db_exec(d,
              "INSERT INTO award_conflict(round_id, user_id, deed_id, kind, reason, created_at)"
              " SELECT ?1, user_id, deed_id, kind, reason, ?2 FROM (" DERIVED_COACH ") f WHERE 1 = 1"
              " ORDER BY user_id, deed_id ON CONFLICT(round_id, user_id, deed_id, kind) DO NOTHING",
              "it", round_id, now) != DB_OK)
    return kerr_storage(e, "Esteellisyyksien kirjaus", db_errmsg(d));
  return K_OK;
}

int award_hidden(db *d, long long round_id, long long user_id, long long deed_id) {
  return db_exists(d, "SELECT 1 FROM deed dd JOIN user u ON u.id = ?2 WHERE dd.id = ?3 AND " HIDDEN("u", "dd", "?1"),
                   "iii", round_id, user_id, deed_id);
}

award_conflict *award_conflicts(db *d, arena *a, long long round_id, long long user_id, long long viewer_id, int *n) {
  /* the recorded ones, and those found now that are not recorded yet (created_at NULL); a deed hidden from the viewer
   * shows only in the viewer's own rows */
  db_stmt *st = db_query(
      d,
      "SELECT f.user_id, f.deed_id, COALESCE(NULLIF(u.name, ''), u.email), dd.title, f.kind, f.reason, f.created_at"
      " FROM (SELECT user_id, deed_id, kind, reason, created_at FROM award_conflict WHERE round_id = ?1"
      " UNION ALL SELECT g.user_id, g.deed_id, g.kind, g.reason, NULL FROM (" DERIVED_ORG " UNION ALL " DERIVED_COACH
      ") g WHERE NOT EXISTS(SELECT 1 FROM award_conflict r WHERE r.round_id = ?1 AND r.user_id = g.user_id"
      " AND r.deed_id = g.deed_id AND r.kind = g.kind)) f"
      " JOIN user u ON u.id = f.user_id JOIN deed dd ON dd.id = f.deed_id"
      " WHERE (CAST(?2 AS INTEGER) = 0 OR f.user_id = ?2) AND (CAST(?3 AS INTEGER) = 0 OR f.user_id = ?3"
      " OR NOT EXISTS(SELECT 1 FROM user v WHERE v.id = ?3 AND " HIDDEN(
          "v", "dd", "?1") "))"
                           " ORDER BY 3, f.user_id, dd.title, f.deed_id, f.kind",
      "iii", round_id, user_id, viewer_id);
  award_conflict *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    award_conflict *c = &v[(*n)++];
    c->user_id = db_col_int(st, 0);
    c->deed_id = db_col_int(st, 1);
    c->juror = db_col_adup(st, 2, a);
    c->deed_title = db_col_adup(st, 3, a);
    const char *k = db_col_text(st, 4);
    c->kind = !strcmp(k, "org") ? "org" : !strcmp(k, "coach") ? "coach" : "declared";
    c->reason = db_col_adup(st, 5, a);
    c->created_at = db_col_adup(st, 6, a);
  }
  db_done(st);
  return v;
}

/* The juror's email for the audit log ("" when there is no such account). */
static char *juror_email(db *d, arena *a, long long user_id) {
  char *s = db_atext(d, a, "SELECT email FROM user WHERE id = ?1", "i", user_id);
  return s ? s : arena_strdup(a, "");
}

/* 1 when the user is the round's chair or a juror of a category in which the deed is nominated. */
static int deed_is_jurors(db *d, long long round_id, long long user_id, long long deed_id) {
  return db_exists(d,
                   "SELECT 1 FROM award_round WHERE id = ?1 AND chair_id = ?2 AND EXISTS(SELECT 1 FROM"
                   " award_nomination WHERE round_id = ?1 AND deed_id = ?3)"
                   " UNION ALL SELECT 1 FROM award_nomination n JOIN award_juror j ON j.category_id = n.category_id"
                   " WHERE n.round_id = ?1 AND n.deed_id = ?3 AND j.user_id = ?2",
                   "iii", round_id, user_id, deed_id);
}

int award_conflict_declare(db *d, long long round_id, long long user_id, long long deed_id, const char *reason,
                           kerr *e) {
  if (util_blank(reason)) return kerr_add(e, "reason", N_("Kerro, miksi olet esteellinen."));
  if (!util_utf8_valid(reason, strlen(reason)) || util_utf8_len(reason) > AWARD_MAX_TEXT)
    return kerr_add(e, "reason", N_("Perustelu on liian pitkä (enintään 4 000 merkkiä)."));
  if (!deed_is_jurors(d, round_id, user_id, deed_id))
    return kerr_add(e, NULL, N_("Tekoa ei ole arvioitavanasi tällä kierroksella."));
  if (award_round_published(d, round_id)) return kerr_add(e, NULL, N_("Kierroksen tulokset on jo julkaistu."));
  arena a = {0};
  if (write_begin(d, "Esteellisyyden ilmoitus", e) != K_OK) return K_ERR;
  int rc = db_exec(d,
                   "INSERT INTO award_conflict(round_id, user_id, deed_id, kind, reason, created_at)"
                   " VALUES(?1, ?2, ?3, 'declared', ?4, ?5) ON CONFLICT(round_id, user_id, deed_id, kind)"
                   " DO UPDATE SET reason = excluded.reason",
                   "iiitt", round_id, user_id, deed_id, reason, db_now().s) == DB_OK
               ? K_OK
               : K_ERR;
  if (rc == K_OK)
    rc = db_exec(d,
                 "DELETE FROM award_score WHERE user_id = ?1 AND nomination_id IN (SELECT id FROM award_nomination"
                 " WHERE round_id = ?2 AND deed_id = ?3)",
                 "iii", user_id, round_id, deed_id) == DB_OK
             ? K_OK
             : K_ERR;
  if (rc == K_OK) rc = award_conflicts_record(d, round_id, e);
  if (rc == K_OK) {
    char detail[96];
    snprintf(detail, sizeof detail, "round %lld, deed %lld: declared", round_id, deed_id);
    rc = audit_log(d, juror_email(d, &a, user_id), "conflict", "award_conflict", detail);
  }
  arena_free(&a);
  return write_end(d, rc, "Esteellisyyden ilmoitus", e);
}

/* ---- nominations as a juror sees them ---- */

/* a nomination's columns as the jury reads them: never the suggester's name or address */
#define NOM_COLS AWARD_NOM_COLS("'', ''")
#define NOM_FROM AWARD_NOM_FROM

award_nomination *award_juror_nominations(db *d, arena *a, long long round_id, long long user_id, const char *lang,
                                          int **scored, int *n) {
  db_stmt *st =
      db_prepare(d, "SELECT " NOM_COLS ", (SELECT COUNT(*) FROM award_score s WHERE s.nomination_id = n.id"
                    " AND s.user_id = u.id)" NOM_FROM " JOIN user u ON u.id = :user"
                    " WHERE n.round_id = :round AND n.status = 'nominated' AND dd.status = 'published'"
                    " AND EXISTS(SELECT 1 FROM award_juror j"
                    " WHERE j.category_id = n.category_id AND j.user_id = u.id)"
                    " AND NOT " HIDDEN("u", "dd", "n.round_id") " ORDER BY cg.position, cg.id, dd.title, n.id");
  db_bind_int(st, ":round", round_id);
  db_bind_int(st, ":user", user_id);
  db_bind_int(st, ":lang", tr_lang_index(lang));
  award_nomination *v = NULL;
  int *sc = NULL, cap = 0, cap2 = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    sc = arena_grow(a, sc, *n, &cap2, sizeof *sc);
    award_nomination_read(st, a, lang, &v[*n]);
    sc[*n] = (int)db_col_int(st, AWARD_NOM_NCOLS);
    (*n)++;
  }
  db_done(st);
  if (scored) *scored = sc;
  return v;
}

award_nomination *award_juror_nomination(db *d, arena *a, long long nomination_id, long long user_id,
                                         const char *lang) {
  db_stmt *st = db_prepare(d, "SELECT " NOM_COLS NOM_FROM " JOIN user u ON u.id = :user"
                              " WHERE n.id = :id AND n.status = 'nominated' AND dd.status = 'published'"
                              " AND EXISTS(SELECT 1 FROM award_juror j"
                              " WHERE j.category_id = n.category_id AND j.user_id = u.id)"
                              " AND NOT " HIDDEN("u", "dd", "n.round_id"));
  db_bind_int(st, ":id", nomination_id);
  db_bind_int(st, ":user", user_id);
  db_bind_int(st, ":lang", tr_lang_index(lang));
  award_nomination *x = NULL;
  if (db_step(st) == 1) {
    x = arena_alloc(a, sizeof *x);
    award_nomination_read(st, a, lang, x);
  }
  db_done(st);
  return x;
}

award_nomination *award_chair_nomination(db *d, arena *a, long long nomination_id, long long viewer_id,
                                         const char *lang) {
  db_stmt *st = db_prepare(d, "SELECT " NOM_COLS NOM_FROM " JOIN award_round rd ON rd.id = n.round_id"
                              " WHERE n.id = :id AND n.status = 'nominated' AND (CAST(:viewer AS INTEGER) = 0"
                              " OR (rd.chair_id = :viewer AND dd.status = 'published'"
                              " AND NOT EXISTS(SELECT 1 FROM user u WHERE u.id = :viewer"
                              " AND " HIDDEN("u", "dd", "n.round_id") ")))");
  db_bind_int(st, ":id", nomination_id);
  db_bind_int(st, ":viewer", viewer_id);
  db_bind_int(st, ":lang", tr_lang_index(lang));
  award_nomination *x = NULL;
  if (db_step(st) == 1) {
    x = arena_alloc(a, sizeof *x);
    award_nomination_read(st, a, lang, x);
  }
  db_done(st);
  return x;
}

/* ---- scores ---- */

/* Reads (criterion id, score, comment) rows of st into an array in a, finishing st; *n gets the count. */
static award_score *scores_read(db_stmt *st, arena *a, int *n) {
  award_score *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    v[*n].criterion_id = db_col_int(st, 0);
    v[*n].score = (int)db_col_int(st, 1);
    v[*n].comment = db_col_adup(st, 2, a);
    (*n)++;
  }
  db_done(st);
  return v;
}

award_score *award_scores_get(db *d, arena *a, long long nomination_id, long long user_id, int *n) {
  db_stmt *st = db_query(d,
                         "SELECT c.id, COALESCE(s.score, 0), COALESCE(s.comment, '') FROM award_nomination n"
                         " JOIN award_criterion c ON c.round_id = n.round_id LEFT JOIN award_score s"
                         " ON s.nomination_id = n.id AND s.criterion_id = c.id AND s.user_id = ?2"
                         " WHERE n.id = ?1 ORDER BY c.position, c.id",
                         "ii", nomination_id, user_id);
  return scores_read(st, a, n);
}

/* 1 when the round's jury has a last day and it is before today in Finland. */
static int jury_closed(db *d, long long round_id) {
  char today[11];
  date_today_fi(today);
  return db_exists(d, "SELECT 1 FROM award_round WHERE id = ?1 AND jury_until IS NOT NULL AND jury_until < ?2", "it",
                   round_id, today);
}

int award_scores_save(db *d, arena *a, long long nomination_id, long long user_id, const award_score *s, int n,
                      kerr *e) {
  award_nomination *x = award_juror_nomination(d, a, nomination_id, user_id, "fi");
  if (!x) return kerr_add(e, NULL, N_("Ehdokasta ei ole arvioitavanasi."));
  if (award_round_published(d, x->round_id)) return kerr_add(e, NULL, N_("Kierroksen tulokset on jo julkaistu."));
  if (jury_closed(d, x->round_id)) return kerr_add(e, NULL, N_("Raadin arviointiaika on päättynyt."));
  char field[48];
  for (int i = 0; i < n; i++) {
    if (!db_exists(d, "SELECT 1 FROM award_criterion WHERE id = ?1 AND round_id = ?2", "ii", s[i].criterion_id,
                   x->round_id))
      return kerr_add(e, NULL, N_("Tuntematon arviointikriteeri."));
    snprintf(field, sizeof field, "score_%lld", s[i].criterion_id);
    if (s[i].score != 0 && (s[i].score < AWARD_SCORE_MIN || s[i].score > AWARD_SCORE_MAX))
      kerr_add(e, field, N_("Pisteiden pitää olla 1–5."));
    snprintf(field, sizeof field, "comment_%lld", s[i].criterion_id);
    const char *c = nz(s[i].comment);
    if (!util_utf8_valid(c, strlen(c)) || util_utf8_len(c) > AWARD_MAX_TEXT)
      kerr_add(e, field, N_("Kommentti on liian pitkä (enintään 4 000 merkkiä)."));
    else if (s[i].score == 0 && !util_blank(c))
      kerr_add(e, field, N_("Anna kriteerille pisteet, kun kirjoitat kommentin."));
  }
  if (e->msg) return K_ERR;
  if (write_begin(d, "Pisteiden tallennus", e) != K_OK) return K_ERR;
  const char *now = db_now().s;
  int rc = K_OK;
  for (int i = 0; i < n && rc == K_OK; i++) {
    if (s[i].score == 0)
      rc = db_exec(d, "DELETE FROM award_score WHERE nomination_id = ?1 AND criterion_id = ?2 AND user_id = ?3", "iii",
                   nomination_id, s[i].criterion_id, user_id) == DB_OK
               ? K_OK
               : K_ERR;
    else
      rc = db_exec(d,
                   "INSERT INTO award_score(nomination_id, criterion_id, user_id, score, comment, updated_at)"
                   " VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(nomination_id, criterion_id, user_id)"
                   " DO UPDATE SET score = excluded.score, comment = excluded.comment,"
                   " updated_at = excluded.updated_at",
                   "iiiitt", nomination_id, s[i].criterion_id, user_id, (long long)s[i].score, nz(s[i].comment),
                   now) == DB_OK
               ? K_OK
               : K_ERR;
  }
  if (rc == K_OK) {
    char detail[64];
    snprintf(detail, sizeof detail, "nomination %lld", nomination_id);
    rc = audit_log(d, juror_email(d, a, user_id), "score", "award_score", detail);
  }
  /* a conflict found from data that changed since the last recording (a new delivery) is recorded now too */
  if (rc == K_OK) rc = award_conflicts_record(d, x->round_id, e);
  return write_end(d, rc, "Pisteiden tallennus", e);
}

/* ---- the chair's figures ---- */

/* Per juror: the mean and population standard deviation of all their scores in rows. */
typedef struct juror_stat {
  long long user_id;
  double sum, sumsq, mean, sd;
  int n;
} juror_stat;

static int find_index(const long long *v, int n, long long id) {
  for (int i = 0; i < n; i++)
    if (v[i] == id) return i;
  return -1;
}

void award_figures(arena *a, const award_score_row *rows, int nrows, const long long *crit_id, const int *weight,
                   int ncrit, const long long *nom_id, int nnom, award_standing *st) {
  /* each juror's mean and standard deviation over their scores in the round */
  juror_stat *js = arena_alloc(a, sizeof *js * (size_t)(nrows ? nrows : 1));
  int nj = 0;
  for (int i = 0; i < nrows; i++) {
    int k = 0;
    while (k < nj && js[k].user_id != rows[i].user_id) k++;
    if (k == nj) js[nj++].user_id = rows[i].user_id;
    js[k].sum += rows[i].score;
    js[k].sumsq += (double)rows[i].score * rows[i].score;
    js[k].n++;
  }
  for (int k = 0; k < nj; k++) {
    js[k].mean = js[k].sum / js[k].n;
    double var = js[k].sumsq / js[k].n - js[k].mean * js[k].mean;
    js[k].sd = var > 1e-12 ? sqrt(var) : 0;
  }
  /* per nomination and criterion: sums of scores and z-scores, lowest and highest */
  size_t cells = (size_t)(ncrit ? ncrit : 1);
  double *sum = arena_alloc(a, sizeof *sum * cells), *zsum = arena_alloc(a, sizeof *zsum * cells);
  int *cnt = arena_alloc(a, sizeof *cnt * cells), *lo = arena_alloc(a, sizeof *lo * cells),
      *hi = arena_alloc(a, sizeof *hi * cells);
  long long *seen = arena_alloc(a, sizeof *seen * (size_t)(nrows ? nrows : 1));
  for (int m = 0; m < nnom; m++) {
    award_standing *s = &st[m];
    s->mean = arena_alloc(a, sizeof *s->mean * cells);
    s->spread = arena_alloc(a, sizeof *s->spread * cells);
    memset(sum, 0, sizeof *sum * cells);
    memset(zsum, 0, sizeof *zsum * cells);
    memset(cnt, 0, sizeof *cnt * cells);
    int nseen = 0;
    for (int i = 0; i < nrows; i++) {
      if (rows[i].nomination_id != nom_id[m]) continue;
      int c = find_index(crit_id, ncrit, rows[i].criterion_id);
      if (c < 0) continue;
      int k = 0;
      while (js[k].user_id != rows[i].user_id) k++;
      double z = js[k].sd > 0 ? (rows[i].score - js[k].mean) / js[k].sd : 0;
      if (!cnt[c] || rows[i].score < lo[c]) lo[c] = rows[i].score;
      if (!cnt[c] || rows[i].score > hi[c]) hi[c] = rows[i].score;
      sum[c] += rows[i].score;
      zsum[c] += z;
      cnt[c]++;
      if (find_index(seen, nseen, rows[i].user_id) < 0) seen[nseen++] = rows[i].user_id;
    }
    s->njurors = nseen;
    double wsum = 0, tot = 0, ztot = 0;
    s->disagree = 0;
    for (int c = 0; c < ncrit; c++) {
      s->mean[c] = cnt[c] ? sum[c] / cnt[c] : -1;
      s->spread[c] = cnt[c] >= 2 ? hi[c] - lo[c] : 0;
      if (s->spread[c] >= AWARD_DISAGREE) s->disagree = 1;
      if (!cnt[c]) continue;
      wsum += weight[c];
      tot += weight[c] * (sum[c] / cnt[c]);
      ztot += weight[c] * (zsum[c] / cnt[c]);
    }
    s->total = wsum > 0 ? tot / wsum : -1;
    s->ztotal = wsum > 0 ? ztot / wsum : 0;
  }
}

/* The standings' order: category, then the scored before the unscored, ztotal, total (best first), title. */
typedef struct ranked {
  award_standing s;
  long long cat_pos;
} ranked;

static int ranked_cmp(const void *pa, const void *pb) {
  const ranked *x = pa, *y = pb;
  if (x->cat_pos != y->cat_pos) return x->cat_pos < y->cat_pos ? -1 : 1;
  if (x->s.nom->category_id != y->s.nom->category_id) return x->s.nom->category_id < y->s.nom->category_id ? -1 : 1;
  int sx = x->s.njurors > 0, sy = y->s.njurors > 0;
  if (sx != sy) return sy - sx;
  if (x->s.ztotal != y->s.ztotal) return x->s.ztotal > y->s.ztotal ? -1 : 1;
  if (x->s.total != y->s.total) return x->s.total > y->s.total ? -1 : 1;
  int t = strcmp(x->s.nom->deed_title, y->s.nom->deed_title);
  if (t) return t;
  return x->s.nom->id < y->s.nom->id ? -1 : x->s.nom->id > y->s.nom->id;
}

award_standing *award_standings(db *d, arena *a, long long round_id, long long viewer_id, const char *lang, int *n) {
  *n = 0;
  /* the criteria */
  long long *crit = NULL;
  int *weight = NULL, ncrit = 0, cap = 0, cap2 = 0;
  db_stmt *st =
      db_query(d, "SELECT id, weight FROM award_criterion WHERE round_id = ?1 ORDER BY position, id", "i", round_id);
  while (db_step(st) == 1) {
    crit = arena_grow(a, crit, ncrit, &cap, sizeof *crit);
    weight = arena_grow(a, weight, ncrit, &cap2, sizeof *weight);
    crit[ncrit] = db_col_int(st, 0);
    weight[ncrit++] = (int)db_col_int(st, 1);
  }
  db_done(st);
  /* every nominated nomination (the figures are the same whoever looks), with its category's place */
  award_nomination *nom = NULL;
  long long *pos = NULL, *ids = NULL;
  int *hidden = NULL, nn = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0;
  st =
      db_prepare(d, "SELECT " NOM_COLS ", cg.position, CASE WHEN EXISTS(SELECT 1 FROM user u WHERE u.id = :viewer"
                    " AND (dd.status <> 'published' OR " HIDDEN(
                        "u", "dd", "n.round_id") ")) THEN 1 ELSE 0 END" NOM_FROM
                                                 " WHERE n.round_id = :round AND n.status = 'nominated' ORDER BY n.id");
  db_bind_int(st, ":viewer", viewer_id); /* 0: staff, no such user, nothing hidden (not even an unpublished deed) */
  db_bind_int(st, ":round", round_id);
  db_bind_int(st, ":lang", tr_lang_index(lang));
  while (db_step(st) == 1) {
    nom = arena_grow(a, nom, nn, &c1, sizeof *nom);
    pos = arena_grow(a, pos, nn, &c2, sizeof *pos);
    ids = arena_grow(a, ids, nn, &c3, sizeof *ids);
    hidden = arena_grow(a, hidden, nn, &c4, sizeof *hidden);
    award_nomination_read(st, a, lang, &nom[nn]);
    pos[nn] = db_col_int(st, AWARD_NOM_NCOLS);
    hidden[nn] = (int)db_col_int(st, AWARD_NOM_NCOLS + 1);
    ids[nn] = nom[nn].id;
    nn++;
  }
  db_done(st);
  if (!nn) return NULL;
  /* the scores, leaving out any a juror gave a deed now hidden from them */
  award_score_row *rows = NULL;
  int nrows = 0, c5 = 0;
  st = db_query(d,
                "SELECT s.nomination_id, s.criterion_id, s.user_id, s.score FROM award_score s"
                " JOIN award_nomination n ON n.id = s.nomination_id JOIN deed dd ON dd.id = n.deed_id"
                " JOIN user u ON u.id = s.user_id WHERE n.round_id = ?1 AND n.status = 'nominated'"
                " AND NOT " HIDDEN("u", "dd", "n.round_id") " ORDER BY s.user_id, s.nomination_id, s.criterion_id",
                "i", round_id);
  while (db_step(st) == 1) {
    rows = arena_grow(a, rows, nrows, &c5, sizeof *rows);
    rows[nrows].nomination_id = db_col_int(st, 0);
    rows[nrows].criterion_id = db_col_int(st, 1);
    rows[nrows].user_id = db_col_int(st, 2);
    rows[nrows].score = (int)db_col_int(st, 3);
    nrows++;
  }
  db_done(st);
  award_standing *all = arena_alloc(a, sizeof *all * (size_t)nn);
  award_figures(a, rows, nrows, crit, weight, ncrit, ids, nn, all);
  ranked *rk = arena_alloc(a, sizeof *rk * (size_t)nn);
  int m = 0;
  for (int i = 0; i < nn; i++) {
    if (hidden[i]) continue;
    rk[m].s = all[i];
    rk[m].s.nom = &nom[i];
    rk[m].cat_pos = pos[i];
    m++;
  }
  qsort(rk, (size_t)m, sizeof *rk, ranked_cmp);
  award_standing *out = arena_alloc(a, sizeof *out * (size_t)(m ? m : 1));
  for (int i = 0; i < m; i++) out[i] = rk[i].s;
  *n = m;
  return out;
}

award_comment *award_comments(db *d, arena *a, long long nomination_id, long long viewer_id, int *n) {
  *n = 0;
  if (!award_chair_nomination(d, a, nomination_id, viewer_id, "fi")) return NULL;
  db_stmt *st = db_query(d,
                         "SELECT s.criterion_id, s.score, s.comment FROM award_score s"
                         " JOIN award_nomination n ON n.id = s.nomination_id JOIN deed dd ON dd.id = n.deed_id"
                         " JOIN award_criterion c ON c.id = s.criterion_id JOIN user u ON u.id = s.user_id"
                         " WHERE s.nomination_id = ?1 AND s.comment <> '' AND NOT " HIDDEN(
                             "u", "dd", "n.round_id") " ORDER BY c.position, c.id, s.score DESC, s.comment",
                         "i", nomination_id);
  return scores_read(st, a, n);
}

/* ---- the chair's decisions ---- */

static const char *const CITATION_F[] = {"citation", "citation_sv", "citation_en"};

int award_decide(db *d, arena *a, long long nomination_id, long long viewer_id, const char *result,
                 const char *const citation[3], const char *actor, kerr *e) {
  if (result && !*result) result = NULL;
  if (result && strcmp(result, "award") && strcmp(result, "mention"))
    return kerr_add(e, "result", N_("Valitse palkinto, kunniamaininta tai ei päätöstä."));
  long long round_id = db_int(
      d, 0, "SELECT n.round_id FROM award_nomination n WHERE n.id = ?1 AND n.status = 'nominated'", "i", nomination_id);
  if (!round_id) return kerr_add(e, NULL, N_("Ehdokasta ei löytynyt."));
  if (viewer_id) {
    long long deed_id = db_int(d, 0, "SELECT deed_id FROM award_nomination WHERE id = ?1", "i", nomination_id);
    if (!db_exists(d, "SELECT 1 FROM award_round WHERE id = ?1 AND chair_id = ?2", "ii", round_id, viewer_id) ||
        award_hidden(d, round_id, viewer_id, deed_id))
      return kerr_add(e, NULL, N_("Ehdokasta ei löytynyt."));
  }
  if (award_round_published(d, round_id)) return kerr_add(e, NULL, N_("Kierroksen tulokset on jo julkaistu."));
  for (int i = 0; i < 3; i++) {
    const char *c = nz(citation ? citation[i] : NULL);
    if (!util_utf8_valid(c, strlen(c)) || util_utf8_len(c) > AWARD_MAX_TEXT)
      kerr_add(e, CITATION_F[i], N_("Perustelu on liian pitkä (enintään 4 000 merkkiä)."));
  }
  if (result && util_blank(citation ? citation[0] : NULL))
    kerr_add(e, "citation", N_("Kirjoita palkinnolle lyhyt perustelu suomeksi."));
  if (e->msg) return K_ERR;
  if (write_begin(d, "Päätöksen tallennus", e) != K_OK) return K_ERR;
  int rc = db_exec(d,
                   "UPDATE award_nomination SET result = ?2, citation = ?3, citation_sv = ?4, citation_en = ?5"
                   " WHERE id = ?1",
                   "itttt", nomination_id, result, nz(citation ? citation[0] : NULL), nz(citation ? citation[1] : NULL),
                   nz(citation ? citation[2] : NULL)) == DB_OK
               ? K_OK
               : K_ERR;
  if (rc == K_OK) {
    char detail[80];
    snprintf(detail, sizeof detail, "nomination %lld: %s", nomination_id, result ? result : "none");
    rc = audit_log(d, nz(actor), "decide", "award_nomination", detail);
  }
  if (rc == K_OK) rc = award_conflicts_record(d, round_id, e);
  (void)a;
  return write_end(d, rc, "Päätöksen tallennus", e);
}
