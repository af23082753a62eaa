/* sav: survey answers as SPSS .sav through libreadstat (see sav.h for the variables). */
#include "report/sav.h"

#include <ctype.h>
#include <math.h>
#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { V_STR_COL, V_PERIOD, V_NUM, V_ROW, V_SINGLE, V_MULTI, V_OTHER_TEXT, V_TEXT };

typedef struct var {
  int kind;
  char name[72];
  char label[512];
  const survey_question *q;
  const char *item; /* matrix row key or multiple choice option key */
  int col;          /* V_STR_COL: which response column */
  size_t width;     /* strings */
  readstat_variable_t *rv;
} var;

typedef struct table {
  var *v;
  int nv, capv;
  long long *ids;
  int nrows;
  double *num;      /* nrows × nv */
  const char **str; /* nrows × nv */
  char **owned;     /* strings read from the database */
  int nowned, capowned;
} table;

static const char *T(report_tr trf, const char *lang, const char *msgid) {
  return trf ? trf(lang, msgid) : msgid;
}

static void safe_name(table *t, var *v, const char *base) {
  char n[64];
  size_t k = 0;
  if (!isalpha((unsigned char)base[0])) n[k++] = 'v';
  for (const char *p = base; *p && k < sizeof n - 4; p++) n[k++] = isalnum((unsigned char)*p) ? *p : '_';
  n[k] = 0;
  snprintf(v->name, sizeof v->name, "%s", n);
  for (int suffix = 2;; suffix++) {
    int clash = 0;
    for (int i = 0; i < t->nv && !clash; i++) clash = &t->v[i] != v && strcasecmp(t->v[i].name, v->name) == 0;
    if (!clash) return;
    snprintf(v->name, sizeof v->name, "%s_%d", n, suffix);
  }
}

static var *add_var(table *t, int kind, const char *name, const survey_question *q, const char *item) {
  t->v = util_grow(t->v, t->nv, &t->capv, sizeof *t->v);
  var *v = &t->v[t->nv++];
  memset(v, 0, sizeof *v);
  v->kind = kind, v->q = q, v->item = item, v->width = 1;
  safe_name(t, v, name);
  return v;
}

static void build_vars(table *t, const survey_def *def, const char *lang, report_tr trf) {
  static const char *const COLS[] = {"answered_on", "via", "role", "service_type", "sector", "region"};
  for (int c = 0; c < 6; c++) add_var(t, V_STR_COL, COLS[c], NULL, NULL)->col = c;
  add_var(t, V_PERIOD, "period", NULL, NULL);
  for (int i = 0; i < def->nq; i++) {
    const survey_question *q = &def->q[i];
    const char *text = survey_text_pick(&q->text, lang).text;
    char name[160];
    var *v;
    switch (q->type) {
    case SQ_SECTION: break;
    case SQ_LIKERT5:
    case SQ_LIKERT7:
    case SQ_SCALE10:
    case SQ_NUMBER:
      v = add_var(t, V_NUM, q->key, q, "");
      snprintf(v->label, sizeof v->label, "%s", text);
      break;
    case SQ_MATRIX:
      for (int r = 0; r < q->nrows; r++) {
        snprintf(name, sizeof name, "%s_%s", q->key, q->rows[r].key);
        v = add_var(t, V_ROW, name, q, q->rows[r].key);
        snprintf(v->label, sizeof v->label, "%s: %s", text, survey_text_pick(&q->rows[r].text, lang).text);
      }
      break;
    case SQ_SINGLE:
      v = add_var(t, V_SINGLE, q->key, q, "");
      snprintf(v->label, sizeof v->label, "%s", text);
      if (q->other) {
        snprintf(name, sizeof name, "%s_other", q->key);
        v = add_var(t, V_OTHER_TEXT, name, q, ".other");
        snprintf(v->label, sizeof v->label, "%s: %s", text, T(trf, lang, N_("Muu")));
      }
      break;
    case SQ_MULTIPLE:
      for (int o = 0; o <= q->noptions; o++) {
        if (o == q->noptions && !q->other) break;
        const char *key = o < q->noptions ? q->options[o].key : "other";
        snprintf(name, sizeof name, "%s_%s", q->key, key);
        v = add_var(t, V_MULTI, name, q, key);
        snprintf(v->label, sizeof v->label, "%s: %s", text,
                 o < q->noptions ? survey_text_pick(&q->options[o].text, lang).text : T(trf, lang, N_("Muu")));
      }
      if (q->other) {
        snprintf(name, sizeof name, "%s_other_text", q->key);
        v = add_var(t, V_OTHER_TEXT, name, q, ".other");
        snprintf(v->label, sizeof v->label, "%s: %s", text, T(trf, lang, N_("Muu")));
      }
      break;
    case SQ_TEXT:
      v = add_var(t, V_TEXT, q->key, q, "");
      snprintf(v->label, sizeof v->label, "%s", text);
      break;
    }
  }
}

static const char *own(table *t, const char *s) {
  t->owned = util_grow(t->owned, t->nowned, &t->capowned, sizeof *t->owned);
  return t->owned[t->nowned++] = util_strdup(s);
}

static int row_of(const table *t, long long id) {
  int lo = 0, hi = t->nrows - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (t->ids[mid] == id) return mid;
    if (t->ids[mid] < id)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return -1;
}

static void set_str(table *t, int row, int k, const char *s) {
  s = own(t, s);
  t->str[(size_t)row * (size_t)t->nv + (size_t)k] = s;
  size_t n = strlen(s);
  if (n > 32767) n = 32767;
  if (n > t->v[k].width) t->v[k].width = n;
}

static int read_rows(db *d, long long id, table *t, kerr *e) {
  t->nrows = (int)db_int(d, 0, "SELECT COUNT(*) FROM survey_response WHERE survey_id = ?1", "i", id);
  size_t cells = (size_t)(t->nrows ? t->nrows : 1) * (size_t)t->nv;
  t->ids = calloc((size_t)t->nrows + 1, sizeof *t->ids);
  t->num = malloc(cells * sizeof *t->num);
  t->str = calloc(cells, sizeof *t->str);
  if (!t->ids || !t->num || !t->str) return kerr_set(e, NULL, "muisti ei riitä");
  for (size_t i = 0; i < cells; i++) t->num[i] = NAN;
  db_stmt *st =
      db_query(d,
               "SELECT id, answered_on, via, ctx_role, ctx_service_type, ctx_sector, ctx_region, ctx_period_id "
               "FROM survey_response WHERE survey_id = ?1 ORDER BY id",
               "i", id);
  int rc, n = 0;
  while ((rc = db_step(st)) == 1 && n < t->nrows) {
    t->ids[n] = db_col_int(st, 0);
    for (int c = 0; c < 6; c++) set_str(t, n, c, db_col_text(st, 1 + c));
    if (!db_col_null(st, 7)) t->num[(size_t)n * (size_t)t->nv + 6] = (double)db_col_int(st, 7);
    n++;
  }
  db_done(st);
  if (rc < 0) return kerr_storage(e, "Vastausten haku", db_errmsg(d));
  t->nrows = n;
  st = db_query(d,
                "SELECT a.response_id, a.question, a.item, a.num, a.text FROM survey_answer a JOIN survey_response r "
                "ON r.id = a.response_id WHERE r.survey_id = ?1",
                "i", id);
  while ((rc = db_step(st)) == 1) {
    int row = row_of(t, db_col_int(st, 0));
    if (row < 0) continue;
    const char *q = db_col_text(st, 1), *item = db_col_text(st, 2), *text = db_col_text(st, 4);
    for (int k = 7; k < t->nv; k++) {
      var *v = &t->v[k];
      if (strcmp(v->q->key, q) != 0) continue;
      size_t at = (size_t)row * (size_t)t->nv + (size_t)k;
      switch (v->kind) {
      case V_NUM:
      case V_ROW:
        if (!strcmp(item, v->item) && !db_col_null(st, 3)) t->num[at] = db_col_double(st, 3);
        break;
      case V_SINGLE:
        if (!*item) {
          for (int o = 0; o < v->q->noptions; o++)
            if (!strcmp(v->q->options[o].key, text)) t->num[at] = o + 1;
          if (!strcmp(text, "other")) t->num[at] = v->q->noptions + 1;
        }
        break;
      case V_MULTI:
        if (!strcmp(item, v->item)) t->num[at] = 1;
        break;
      case V_OTHER_TEXT:
        if (!strcmp(item, ".other")) set_str(t, row, k, text);
        break;
      case V_TEXT:
        if (!*item) set_str(t, row, k, text);
        break;
      }
    }
  }
  db_done(st);
  if (rc < 0) return kerr_storage(e, "Vastausten haku", db_errmsg(d));
  /* multiple choice: 0 for the options not chosen by those who answered the question */
  for (int row = 0; row < t->nrows; row++)
    for (int k = 7; k < t->nv;) {
      if (t->v[k].kind != V_MULTI) {
        k++;
        continue;
      }
      int end = k, any = 0;
      while (end < t->nv && t->v[end].kind == V_MULTI && t->v[end].q == t->v[k].q) end++;
      for (int j = k; j < end; j++) any |= !isnan(t->num[(size_t)row * (size_t)t->nv + (size_t)j]);
      if (any)
        for (int j = k; j < end; j++) {
          double *x = &t->num[(size_t)row * (size_t)t->nv + (size_t)j];
          if (isnan(*x)) *x = 0;
        }
      k = end;
    }
  return K_OK;
}

static ssize_t write_fn(const void *data, size_t len, void *ctx) {
  return fwrite(data, 1, len, (FILE *)ctx) == len ? (ssize_t)len : -1;
}

static void add_labels(readstat_writer_t *w, var *v, const char *lang, report_tr trf) {
  char setname[80];
  snprintf(setname, sizeof setname, "L_%s", v->name);
  const survey_question *q = v->q;
  readstat_label_set_t *ls = NULL;
  if (v->kind == V_NUM || v->kind == V_ROW) {
    int sc = q->type == SQ_MATRIX ? q->scale : q->type;
    if (sc != SQ_LIKERT5 && sc != SQ_LIKERT7 && sc != SQ_SCALE10) return;
    int lo = sc == SQ_SCALE10 ? 0 : 1, hi = sc == SQ_LIKERT5 ? 5 : sc == SQ_LIKERT7 ? 7 : 10;
    const char *l = q->low.fi && *q->low.fi ? survey_text_pick(&q->low, lang).text : NULL;
    const char *h = q->high.fi && *q->high.fi ? survey_text_pick(&q->high, lang).text : NULL;
    if (!l && !h) return;
    ls = readstat_add_label_set(w, READSTAT_TYPE_DOUBLE, setname);
    if (l) readstat_label_double_value(ls, lo, l);
    if (h) readstat_label_double_value(ls, hi, h);
  } else if (v->kind == V_SINGLE) {
    ls = readstat_add_label_set(w, READSTAT_TYPE_DOUBLE, setname);
    for (int o = 0; o < q->noptions; o++)
      readstat_label_double_value(ls, o + 1, survey_text_pick(&q->options[o].text, lang).text);
    if (q->other) readstat_label_double_value(ls, q->noptions + 1, T(trf, lang, N_("Muu")));
  } else if (v->kind == V_MULTI) {
    ls = readstat_add_label_set(w, READSTAT_TYPE_DOUBLE, setname);
    readstat_label_double_value(ls, 0, T(trf, lang, N_("Ei valittu")));
    readstat_label_double_value(ls, 1, T(trf, lang, N_("Valittu")));
  }
  if (ls) readstat_variable_set_label_set(v->rv, ls);
}

static int is_str(const var *v) {
  return v->kind == V_STR_COL || v->kind == V_OTHER_TEXT || v->kind == V_TEXT;
}

static int write_sav(table *t, const char *path, const char *lang, report_tr trf, kerr *e) {
  FILE *f = fopen(path, "wb");
  if (!f) return kerr_set(e, NULL, "tiedostoa %r ei voi kirjoittaa", path);
  readstat_writer_t *w = readstat_writer_init();
  readstat_set_data_writer(w, write_fn);
  readstat_writer_set_file_label(w, "Kehto");
  for (int k = 0; k < t->nv; k++) {
    var *v = &t->v[k];
    v->rv = readstat_add_variable(w, v->name, is_str(v) ? READSTAT_TYPE_STRING : READSTAT_TYPE_DOUBLE,
                                  is_str(v) ? v->width : 0);
    if (v->label[0]) readstat_variable_set_label(v->rv, v->label);
    if (v->q) add_labels(w, v, lang, trf);
  }
  readstat_error_t err = readstat_begin_writing_sav(w, f, t->nrows);
  for (int row = 0; row < t->nrows && err == READSTAT_OK; row++) {
    err = readstat_begin_row(w);
    for (int k = 0; k < t->nv && err == READSTAT_OK; k++) {
      size_t at = (size_t)row * (size_t)t->nv + (size_t)k;
      if (is_str(&t->v[k])) {
        const char *s = t->str[at] ? t->str[at] : "";
        char *cut = NULL;
        if (strlen(s) > t->v[k].width) s = cut = strndup(s, t->v[k].width);
        err = readstat_insert_string_value(w, t->v[k].rv, s);
        free(cut);
      } else if (isnan(t->num[at]))
        err = readstat_insert_missing_value(w, t->v[k].rv);
      else
        err = readstat_insert_double_value(w, t->v[k].rv, t->num[at]);
    }
    if (err == READSTAT_OK) err = readstat_end_row(w);
  }
  if (err == READSTAT_OK) err = readstat_end_writing(w);
  readstat_writer_free(w);
  int closed = fclose(f) == 0;
  if (err != READSTAT_OK)
    return kerr_set(e, NULL, "SPSS-tiedostoa ei voitu kirjoittaa: %r", readstat_error_message(err));
  if (!closed) return kerr_set(e, NULL, "tiedostoa %r ei voi kirjoittaa", path);
  return K_OK;
}

int sav_write_survey(db *d, long long id, const survey_def *def, const char *path, const char *lang, report_tr trf,
                     kerr *e) {
  table t;
  memset(&t, 0, sizeof t);
  build_vars(&t, def, lang, trf);
  int rc = read_rows(d, id, &t, e);
  if (rc == K_OK) rc = write_sav(&t, path, lang, trf, e);
  for (int i = 0; i < t.nowned; i++) free(t.owned[i]);
  free(t.owned), free(t.v), free(t.ids), free(t.num), free(t.str);
  return rc;
}
