/* survey: a survey's definition read from and written to JSON (checked, every problem named by question and field),
 * and the surveys kept in the database. */
#include "model/survey.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/date.h"
#include "model/audit.h"
#include "model/write.h"

static const char *const TYPES[] = {"section", "likert5",  "likert7", "scale10", "matrix",
                                    "single",  "multiple", "number",  "text"};
#define NTYPES (int)(sizeof TYPES / sizeof TYPES[0])

const char *survey_type_name(int type) {
  return type >= 0 && type < NTYPES ? TYPES[type] : "";
}

int survey_type_parse(const char *name) {
  for (int i = 0; name && i < NTYPES; i++)
    if (!strcmp(name, TYPES[i])) return i;
  return -1;
}

static int scale_type(const survey_question *q) {
  return q->type == SQ_MATRIX ? q->scale : q->type;
}

int survey_scale_lo(const survey_question *q) {
  return scale_type(q) == SQ_SCALE10 ? 0 : 1;
}

int survey_scale_hi(const survey_question *q) {
  switch (scale_type(q)) {
  case SQ_LIKERT5: return 5;
  case SQ_LIKERT7: return 7;
  case SQ_SCALE10: return 10;
  default: return 0;
  }
}

tr survey_text_pick(const survey_text *t, const char *lang) {
  return tr_pick(lang, t->fi, t->sv, t->en);
}

const survey_question *survey_def_find(const survey_def *d, const char *key) {
  for (int i = 0; key && i < d->nq; i++)
    if (d->q[i].key && !strcmp(d->q[i].key, key)) return &d->q[i];
  return NULL;
}

/* ---- parsing ---- */

/* The parse's state: the arena, the errors, and the name of the question being read for messages. */
typedef struct parser {
  arena *a;
  kerr *e;
  int bad;
  char where[64]; /* "kysymys q3" or "kysymys 4" */
  char field[64]; /* the kerr field: "q3.options" or "survey.title" */
} parser;

static void problem(parser *p, const char *field, const char *fmt, const char *arg) {
  char f[96];
  snprintf(f, sizeof f, "%s%s%s", p->field, *p->field && field ? "." : "", field ? field : "");
  if (*p->where)
    kerr_add(p->e, f, "%r, kenttä %r: %r%r%r", p->where, field ? field : "?", fmt, arg ? " " : "", arg ? arg : "");
  else
    kerr_add(p->e, f, "kenttä %r: %r%r%r", field ? field : "?", fmt, arg ? " " : "", arg ? arg : "");
  p->bad = 1;
}

static int key_ok(const char *s) {
  size_t n = strlen(s);
  if (n < 1 || n > 32) return 0;
  for (const char *c = s; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '-')) return 0;
  return 1;
}

/* Checks that o has only the fields in allowed (space separated); names the first other one. */
static void only_fields(parser *p, json_t *o, const char *allowed) {
  const char *k;
  json_t *v;
  json_object_foreach(o, k, v) {
    char pat[40];
    snprintf(pat, sizeof pat, " %s ", k);
    char all[400];
    snprintf(all, sizeof all, " %s ", allowed);
    if (!strstr(all, pat)) problem(p, k, "tuntematon kenttä", NULL);
  }
}

/* A text: {"fi":…,"sv":…,"en":…} or a plain string (Finnish). need: the Finnish must not be empty. */
static survey_text read_text(parser *p, json_t *o, const char *field, int need) {
  survey_text t = {"", "", ""};
  json_t *v = json_object_get(o, field);
  if (!v || json_is_null(v)) {
    if (need) problem(p, field, "puuttuu", NULL);
    return t;
  }
  if (json_is_string(v)) {
    t.fi = arena_strdup(p->a, json_string_value(v));
  } else if (json_is_object(v)) {
    const char *k;
    json_t *s;
    json_object_foreach(v, k, s) {
      const char **dst = !strcmp(k, "fi") ? &t.fi : !strcmp(k, "sv") ? &t.sv : !strcmp(k, "en") ? &t.en : NULL;
      char f[80];
      snprintf(f, sizeof f, "%s.%s", field, k);
      if (!dst)
        problem(p, f, "kieli ei ole fi, sv eikä en", NULL);
      else if (!json_is_string(s))
        problem(p, f, "pitää olla teksti", NULL);
      else
        *dst = arena_strdup(p->a, json_string_value(s));
    }
  } else {
    problem(p, field, "pitää olla teksti tai {\"fi\":…, \"sv\":…, \"en\":…}", NULL);
    return t;
  }
  if (need && !*t.fi) problem(p, field, "suomenkielinen teksti puuttuu", NULL);
  return t;
}

static const char *read_key(parser *p, json_t *o, const char *field, int need) {
  json_t *v = json_object_get(o, field);
  if (!v) {
    if (need) problem(p, field, "puuttuu", NULL);
    return NULL;
  }
  if (!json_is_string(v) || !key_ok(json_string_value(v))) {
    problem(p, field, "pitää olla 1–32 merkkiä a–z, 0–9, _ tai -", NULL);
    return NULL;
  }
  return arena_strdup(p->a, json_string_value(v));
}

/* options or rows: [{"key":…,"text":…}, …], at least min, keys unique and not "other". */
static survey_item *read_items(parser *p, json_t *o, const char *field, int min, int *n) {
  json_t *arr = json_object_get(o, field);
  *n = 0;
  if (!arr) {
    problem(p, field, "puuttuu", NULL);
    return NULL;
  }
  if (!json_is_array(arr)) {
    problem(p, field, "pitää olla lista", NULL);
    return NULL;
  }
  size_t len = json_array_size(arr);
  if ((int)len < min) {
    problem(p, field, min == 2 ? "vähintään kaksi vaihtoehtoa" : "vähintään yksi rivi", NULL);
    return NULL;
  }
  survey_item *it = arena_alloc(p->a, len * sizeof *it);
  for (size_t i = 0; i < len; i++) {
    json_t *x = json_array_get(arr, i);
    char f[80];
    snprintf(f, sizeof f, "%s[%zu]", field, i + 1);
    if (!json_is_object(x)) {
      problem(p, f, "pitää olla {\"key\":…, \"text\":…}", NULL);
      continue;
    }
    char save[64];
    memcpy(save, p->field, sizeof save);
    snprintf(p->field + strlen(p->field), sizeof p->field - strlen(p->field), ".%s", f);
    only_fields(p, x, "key text");
    const char *k = read_key(p, x, "key", 1);
    survey_text t = read_text(p, x, "text", 1);
    memcpy(p->field, save, sizeof save);
    if (!k) continue;
    if (!strcmp(k, "other")) {
      problem(p, f, "avain other on varattu muu-vaihtoehdolle", NULL);
      continue;
    }
    int dup = 0;
    for (int j = 0; j < *n; j++)
      if (!strcmp(it[j].key, k)) dup = 1;
    if (dup) {
      problem(p, f, "sama avain kahdesti:", k);
      continue;
    }
    it[*n].key = k;
    it[*n].text = t;
    (*n)++;
  }
  return it;
}

static int is_scale(int type) {
  return type == SQ_LIKERT5 || type == SQ_LIKERT7 || type == SQ_SCALE10;
}

/* A condition value written as text: numbers as %g (4, 2.5), strings as they are. */
static const char *num_text(arena *a, double v) {
  char s[40];
  snprintf(s, sizeof s, "%.15g", v);
  return arena_strdup(a, s);
}

static void read_cond(parser *p, json_t *o, survey_def *d, int upto) {
  json_t *c = json_object_get(o, "show_if");
  survey_question *q = &d->q[upto];
  if (!c) return;
  if (!json_is_object(c) || json_object_size(c) != 1) {
    problem(p, "show_if", "pitää olla {\"kysymys\": [arvot]}", NULL);
    return;
  }
  const char *k = json_object_iter_key(json_object_iter(c));
  json_t *vals = json_object_iter_value(json_object_iter(c));
  const survey_question *target = NULL;
  for (int i = 0; i < upto; i++)
    if (d->q[i].key && !strcmp(d->q[i].key, k)) target = &d->q[i];
  if (!target) {
    problem(p, "show_if", "ei aiempaa kysymystä", k);
    return;
  }
  if (target->type == SQ_MATRIX || target->type == SQ_TEXT) {
    problem(p, "show_if", "ehto ei voi koskea matriisi- tai tekstikysymystä:", k);
    return;
  }
  if (!json_is_array(vals) || json_array_size(vals) == 0) {
    problem(p, "show_if", "arvojen pitää olla lista, jossa on ainakin yksi arvo", NULL);
    return;
  }
  size_t n = json_array_size(vals);
  q->cond_q = arena_strdup(p->a, k);
  q->cond_values = arena_alloc(p->a, n * sizeof *q->cond_values);
  for (size_t i = 0; i < n; i++) {
    json_t *v = json_array_get(vals, i);
    if (target->type == SQ_SINGLE || target->type == SQ_MULTIPLE) {
      const char *s = json_is_string(v) ? json_string_value(v) : NULL;
      int known = s && target->other && !strcmp(s, "other");
      for (int j = 0; s && !known && j < target->noptions; j++)
        if (!strcmp(target->options[j].key, s)) known = 1;
      if (!known) {
        problem(p, "show_if", "ei ole kysymyksen vaihtoehto:", s ? s : "(ei teksti)");
        continue;
      }
      q->cond_values[q->ncond++] = arena_strdup(p->a, s);
    } else {
      if (!json_is_number(v)) {
        problem(p, "show_if", "arvojen pitää olla lukuja", NULL);
        continue;
      }
      double x = json_number_value(v);
      if (is_scale(target->type) && (x != floor(x) || x < survey_scale_lo(target) || x > survey_scale_hi(target))) {
        problem(p, "show_if", "arvo ei ole kysymyksen asteikolla:", num_text(p->a, x));
        continue;
      }
      q->cond_values[q->ncond++] = num_text(p->a, x);
    }
  }
}

static void read_question(parser *p, json_t *o, survey_def *d, int i, int section) {
  survey_question *q = &d->q[i];
  q->section = section;
  json_t *t = json_object_get(o, "type");
  q->type = json_is_string(t) ? survey_type_parse(json_string_value(t)) : -1;
  json_t *k = json_object_get(o, "key");
  if (q->type == SQ_SECTION) {
    snprintf(p->where, sizeof p->where, "osio %d", i + 1);
    snprintf(p->field, sizeof p->field, "questions[%d]", i + 1);
    only_fields(p, o, "type title");
    q->text = read_text(p, o, "title", 1);
    return;
  }
  if (json_is_string(k) && key_ok(json_string_value(k))) {
    snprintf(p->where, sizeof p->where, "kysymys %s", json_string_value(k));
    snprintf(p->field, sizeof p->field, "%s", json_string_value(k));
  } else {
    snprintf(p->where, sizeof p->where, "kysymys %d", i + 1);
    snprintf(p->field, sizeof p->field, "questions[%d]", i + 1);
  }
  if (q->type < 0) {
    problem(p, "type", "pitää olla section, likert5, likert7, scale10, matrix, single, multiple, number tai text",
            NULL);
    return;
  }
  q->key = read_key(p, o, "key", 1);
  if (q->key && !strcmp(q->key, "other")) {
    problem(p, "key", "avain other on varattu", NULL);
    q->key = NULL;
  }
  for (int j = 0; q->key && j < i; j++)
    if (d->q[j].key && !strcmp(d->q[j].key, q->key)) problem(p, "key", "sama avain kahdesti:", q->key);
  q->text = read_text(p, o, "text", 1);
  q->help = read_text(p, o, "help", 0);
  json_t *req = json_object_get(o, "required");
  if (req && !json_is_boolean(req)) problem(p, "required", "pitää olla true tai false", NULL);
  q->required = json_is_true(req);
  switch (q->type) {
  case SQ_LIKERT5:
  case SQ_LIKERT7:
  case SQ_SCALE10:
    only_fields(p, o, "key type text help required low high show_if");
    q->scale = q->type;
    q->low = read_text(p, o, "low", 0);
    q->high = read_text(p, o, "high", 0);
    break;
  case SQ_MATRIX: {
    only_fields(p, o, "key type text help required low high show_if rows scale");
    json_t *s = json_object_get(o, "scale");
    q->scale = json_is_string(s) ? survey_type_parse(json_string_value(s)) : -1;
    if (!is_scale(q->scale)) {
      problem(p, "scale", "pitää olla likert5, likert7 tai scale10", NULL);
      q->scale = SQ_LIKERT5;
    }
    q->low = read_text(p, o, "low", 0);
    q->high = read_text(p, o, "high", 0);
    q->rows = read_items(p, o, "rows", 1, &q->nrows);
    break;
  }
  case SQ_SINGLE:
  case SQ_MULTIPLE: {
    only_fields(p, o, "key type text help required options other show_if");
    q->options = read_items(p, o, "options", 2, &q->noptions);
    json_t *ot = json_object_get(o, "other");
    if (ot && !json_is_boolean(ot)) problem(p, "other", "pitää olla true tai false", NULL);
    q->other = json_is_true(ot);
    break;
  }
  case SQ_NUMBER: {
    only_fields(p, o, "key type text help required min max show_if");
    json_t *mn = json_object_get(o, "min"), *mx = json_object_get(o, "max");
    if (mn && !json_is_number(mn)) problem(p, "min", "pitää olla luku", NULL);
    if (mx && !json_is_number(mx)) problem(p, "max", "pitää olla luku", NULL);
    q->has_min = json_is_number(mn);
    q->has_max = json_is_number(mx);
    q->min = q->has_min ? json_number_value(mn) : 0;
    q->max = q->has_max ? json_number_value(mx) : 0;
    if (q->has_min && q->has_max && q->min > q->max) problem(p, "max", "pitää olla vähintään min", NULL);
    break;
  }
  case SQ_TEXT: only_fields(p, o, "key type text help required show_if"); break;
  }
  read_cond(p, o, d, i);
}

/* opens/closes as written: a day (2026-11-22 or 22.11.2026, kept as 2026-11-22) or "YYYY-MM-DDTHH:MM:SSZ". */
static const char *read_when(parser *p, json_t *o, const char *field) {
  json_t *v = json_object_get(o, field);
  if (!v || json_is_null(v)) return NULL;
  const char *s = json_is_string(v) ? json_string_value(v) : "";
  char day[11], iso[11];
  int h, m, sec;
  if (date_parse(s, day) == K_OK) return arena_strdup(p->a, day);
  if (strlen(s) == 20 && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[19] == 'Z' &&
      (memcpy(iso, s, 10), iso[10] = 0, date_parse(iso, day) == K_OK) &&
      sscanf(s + 11, "%2d:%2d:%2d", &h, &m, &sec) == 3 && h >= 0 && h < 24 && m >= 0 && m < 60 && sec >= 0 && sec < 60)
    return arena_strdup(p->a, s);
  problem(p, field, "pitää olla päivä muodossa 2026-11-22 tai aika muodossa 2026-11-22T08:00:00Z", NULL);
  return NULL;
}

survey_def *survey_def_parse(arena *a, const char *json, size_t len, kerr *e) {
  json_error_t je;
  json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je);
  if (!root) {
    kerr_add(e, "definition", "JSON ei ole kelvollista (rivi %d, sarake %d): %r", je.line, je.column, je.text);
    return NULL;
  }
  parser p = {.a = a, .e = e};
  survey_def *d = arena_alloc(a, sizeof *d);
  if (!json_is_object(root)) {
    problem(&p, "definition", "pitää olla JSON-olio {…}", NULL);
    json_decref(root);
    return NULL;
  }
  only_fields(&p, root, "key series phase title intro opens closes questions");
  d->key = read_key(&p, root, "key", 1);
  d->series = "";
  if (json_object_get(root, "series")) {
    const char *s = read_key(&p, root, "series", 0);
    d->series = s ? s : "";
  }
  json_t *ph = json_object_get(root, "phase");
  d->phase = "";
  if (ph) {
    const char *s = json_is_string(ph) ? json_string_value(ph) : "?";
    if (strcmp(s, "before") && strcmp(s, "after") && *s)
      problem(&p, "phase", "pitää olla before tai after", NULL);
    else if (*s && !*d->series)
      problem(&p, "phase", "vain sarjan kyselyllä (series) on vaihe", NULL);
    else
      d->phase = arena_strdup(a, s);
  }
  d->title = read_text(&p, root, "title", 1);
  d->intro = read_text(&p, root, "intro", 0);
  d->opens = read_when(&p, root, "opens");
  d->closes = read_when(&p, root, "closes");
  json_t *qs = json_object_get(root, "questions");
  if (!json_is_array(qs)) {
    problem(&p, "questions", qs ? "pitää olla lista" : "puuttuu", NULL);
  } else {
    size_t n = json_array_size(qs);
    d->q = arena_alloc(a, (n ? n : 1) * sizeof *d->q);
    int section = -1, questions = 0;
    for (size_t i = 0; i < n; i++) {
      json_t *o = json_array_get(qs, i);
      d->nq = (int)i + 1;
      if (!json_is_object(o)) {
        snprintf(p.where, sizeof p.where, "kysymys %zu", i + 1);
        snprintf(p.field, sizeof p.field, "questions[%zu]", i + 1);
        problem(&p, NULL, "pitää olla JSON-olio {…}", NULL);
        d->q[i].type = -1;
        continue;
      }
      read_question(&p, o, d, (int)i, section);
      if (d->q[i].type == SQ_SECTION)
        section = (int)i;
      else if (d->q[i].type >= 0)
        questions++;
    }
    p.where[0] = p.field[0] = 0;
    if (!questions) problem(&p, "questions", "kyselyssä pitää olla ainakin yksi kysymys", NULL);
  }
  json_decref(root);
  return p.bad ? NULL : d;
}

/* ---- writing ---- */

static json_t *text_json(const survey_text *t) {
  json_t *o = json_object();
  json_object_set_new(o, "fi", json_string(t->fi ? t->fi : ""));
  if (t->sv && *t->sv) json_object_set_new(o, "sv", json_string(t->sv));
  if (t->en && *t->en) json_object_set_new(o, "en", json_string(t->en));
  return o;
}

static int text_empty(const survey_text *t) {
  return (!t->fi || !*t->fi) && (!t->sv || !*t->sv) && (!t->en || !*t->en);
}

static json_t *items_json(const survey_item *it, int n) {
  json_t *arr = json_array();
  for (int i = 0; i < n; i++) {
    json_t *o = json_object();
    json_object_set_new(o, "key", json_string(it[i].key));
    json_object_set_new(o, "text", text_json(&it[i].text));
    json_array_append_new(arr, o);
  }
  return arr;
}

static json_t *number_json(double v) {
  return v == floor(v) && fabs(v) < 1e15 ? json_integer((json_int_t)v) : json_real(v);
}

static json_t *question_json(const survey_def *d, const survey_question *q) {
  json_t *o = json_object();
  if (q->type == SQ_SECTION) {
    json_object_set_new(o, "type", json_string("section"));
    json_object_set_new(o, "title", text_json(&q->text));
    return o;
  }
  json_object_set_new(o, "key", json_string(q->key));
  json_object_set_new(o, "type", json_string(survey_type_name(q->type)));
  if (q->type == SQ_MATRIX) json_object_set_new(o, "scale", json_string(survey_type_name(q->scale)));
  json_object_set_new(o, "text", text_json(&q->text));
  if (!text_empty(&q->help)) json_object_set_new(o, "help", text_json(&q->help));
  if (q->required) json_object_set_new(o, "required", json_true());
  if (!text_empty(&q->low)) json_object_set_new(o, "low", text_json(&q->low));
  if (!text_empty(&q->high)) json_object_set_new(o, "high", text_json(&q->high));
  if (q->type == SQ_MATRIX) json_object_set_new(o, "rows", items_json(q->rows, q->nrows));
  if (q->type == SQ_SINGLE || q->type == SQ_MULTIPLE) {
    json_object_set_new(o, "options", items_json(q->options, q->noptions));
    if (q->other) json_object_set_new(o, "other", json_true());
  }
  if (q->type == SQ_NUMBER && q->has_min) json_object_set_new(o, "min", number_json(q->min));
  if (q->type == SQ_NUMBER && q->has_max) json_object_set_new(o, "max", number_json(q->max));
  if (q->cond_q) {
    const survey_question *t = survey_def_find(d, q->cond_q);
    int choice = t && (t->type == SQ_SINGLE || t->type == SQ_MULTIPLE);
    json_t *vals = json_array();
    for (int i = 0; i < q->ncond; i++)
      json_array_append_new(vals,
                            choice ? json_string(q->cond_values[i]) : number_json(strtod(q->cond_values[i], NULL)));
    json_t *c = json_object();
    json_object_set_new(c, q->cond_q, vals);
    json_object_set_new(o, "show_if", c);
  }
  return o;
}

char *survey_def_json(arena *a, const survey_def *d) {
  json_t *o = json_object();
  json_object_set_new(o, "key", json_string(d->key));
  if (d->series && *d->series) json_object_set_new(o, "series", json_string(d->series));
  if (d->phase && *d->phase) json_object_set_new(o, "phase", json_string(d->phase));
  json_object_set_new(o, "title", text_json(&d->title));
  if (!text_empty(&d->intro)) json_object_set_new(o, "intro", text_json(&d->intro));
  if (d->opens) json_object_set_new(o, "opens", json_string(d->opens));
  if (d->closes) json_object_set_new(o, "closes", json_string(d->closes));
  json_t *qs = json_array();
  for (int i = 0; i < d->nq; i++) json_array_append_new(qs, question_json(d, &d->q[i]));
  json_object_set_new(o, "questions", qs);
  char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(o);
  return arena_adopt(a, s);
}

/* ---- storage ---- */

/* A day's start (at_end 0) or end (at_end 1: the next day's start) in Finland, as ISO UTC; a full timestamp as it
 * is. Finnish midnight is 22:00 or 21:00 UTC the day before: the offset whose UTC time reads back as that local
 * midnight. */
static void when_utc(const char *s, int at_end, char out[24]) {
  if (strlen(s) != 10) {
    snprintf(out, 24, "%s", s);
    return;
  }
  struct tm tm = {0};
  sscanf(s, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_mday += at_end;
  time_t local = timegm(&tm); /* that midnight as if it were UTC */
  char want[17], got[17];
  struct tm lt;
  gmtime_r(&local, &lt);
  strftime(want, sizeof want, "%Y-%m-%dT%H:%M", &lt);
  for (int off = 3; off >= 2; off--) {
    time_t u = local - off * 3600;
    struct tm ut;
    gmtime_r(&u, &ut);
    strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &ut);
    if (date_fi_local(out, got) == K_OK && !strcmp(got, want)) return;
  }
}

/* The series' id by key, created when new; 0 on error. */
static long long series_id(db *d, const char *key, kerr *e) {
  if (!key || !*key) return 0;
  if (db_exec(d, "INSERT INTO survey_series(key, created_at) VALUES(?1, ?2) ON CONFLICT(key) DO NOTHING", "tt", key,
              db_now().s) != DB_OK) {
    kerr_storage(e, "Kyselysarjan tallennus", db_errmsg(d));
    return 0;
  }
  return db_int(d, 0, "SELECT id FROM survey_series WHERE key = ?1", "t", key);
}

/* A before or after survey is the only one of its phase in its series. */
static int phase_free(db *d, const survey_def *def, long long self, kerr *e) {
  if (!*def->phase) return K_OK;
  if (db_exists(d,
                "SELECT 1 FROM survey s JOIN survey_series r ON r.id = s.series_id WHERE r.key = ?1 AND s.phase = ?2 "
                "AND s.id <> ?3",
                "tti", def->series, def->phase, self))
    return kerr_add(e, "phase", "sarjassa %r on jo %r-kysely", def->series,
                    !strcmp(def->phase, "before") ? "alku (before)" : "loppu (after)");
  return K_OK;
}

static void schedule_of(const survey_def *def, char opens[24], char closes[24]) {
  opens[0] = closes[0] = 0;
  if (def->opens) when_utc(def->opens, 0, opens);
  if (def->closes) when_utc(def->closes, 1, closes);
}

long long survey_import(db *d, const char *json, size_t len, const char *actor, kerr *e) {
  arena a = {0};
  long long id = 0;
  survey_def *def = survey_def_parse(&a, json, len, e);
  if (!def) goto out;
  char opens[24], closes[24];
  schedule_of(def, opens, closes);
  if (*opens && *closes && strcmp(closes, opens) <= 0) {
    kerr_add(e, "closes", "kenttä closes: sulkeutumisen pitää olla avautumisen jälkeen");
    goto out;
  }
  if (write_begin(d, "Kyselyn tallennus", e) != K_OK) goto out;
  int rc = K_OK;
  if (db_exists(d, "SELECT 1 FROM survey WHERE key = ?1", "t", def->key))
    rc = kerr_add(e, "key", "kenttä key: kysely %r on jo olemassa", def->key);
  if (rc == K_OK) rc = phase_free(d, def, 0, e);
  long long sid = rc == K_OK ? series_id(d, def->series, e) : 0;
  if (rc == K_OK && *def->series && !sid) rc = K_ERR;
  if (rc == K_OK) {
    const char *stored = survey_def_json(&a, &(survey_def){.key = def->key,
                                                           .series = def->series,
                                                           .phase = def->phase,
                                                           .title = def->title,
                                                           .intro = def->intro,
                                                           .q = def->q,
                                                           .nq = def->nq});
    db_time now = db_now();
    db_stmt *st = db_query(d,
                           "INSERT INTO survey(key, series_id, phase, title, title_sv, title_en, definition, opens_at, "
                           "closes_at, created_by, created_at, updated_at) "
                           "VALUES(?1, NULLIF(CAST(?2 AS INTEGER), 0), ?3, ?4, ?5, ?6, ?7, NULLIF(?8,''), "
                           "NULLIF(?9,''), ?10, ?11, ?11)",
                           "tittttttttt", def->key, sid, def->phase, def->title.fi, def->title.sv, def->title.en,
                           stored, opens, closes, actor, now.s);
    rc = db_step(st) >= 0 ? K_OK : kerr_storage(e, "Kyselyn tallennus", db_errmsg(d));
    db_done(st);
    if (rc == K_OK) {
      id = db_last_id(d);
      char subj[40];
      snprintf(subj, sizeof subj, "survey:%lld", id);
      audit_log(d, actor, "create", subj, def->key);
    }
  }
  if (write_end(d, rc, "Kyselyn tallennus", e) != K_OK) id = 0;
out:
  arena_free(&a);
  return id;
}

/* Once a survey has answers its questions keep their keys and types, options and rows. */
static int compatible(const survey_def *old, const survey_def *nw, kerr *e) {
  int rc = K_OK;
  for (int i = 0; i < old->nq; i++) {
    const survey_question *o = &old->q[i];
    if (!o->key) continue;
    const survey_question *n = survey_def_find(nw, o->key);
    if (!n) {
      rc = kerr_add(e, o->key, "kysymys %r: vastattua kysymystä ei voi poistaa", o->key);
      continue;
    }
    if (n->type != o->type || (o->type == SQ_MATRIX && n->scale != o->scale)) {
      rc = kerr_add(e, o->key, "kysymys %r, kenttä type: vastatun kysymyksen tyyppiä ei voi muuttaa", o->key);
      continue;
    }
    for (int j = 0; j < o->noptions; j++) {
      int found = 0;
      for (int k = 0; k < n->noptions; k++) found |= !strcmp(n->options[k].key, o->options[j].key);
      if (!found)
        rc = kerr_add(e, o->key, "kysymys %r, kenttä options: vastattua vaihtoehtoa %r ei voi poistaa", o->key,
                      o->options[j].key);
    }
    for (int j = 0; j < o->nrows; j++) {
      int found = 0;
      for (int k = 0; k < n->nrows; k++) found |= !strcmp(n->rows[k].key, o->rows[j].key);
      if (!found)
        rc = kerr_add(e, o->key, "kysymys %r, kenttä rows: vastattua riviä %r ei voi poistaa", o->key, o->rows[j].key);
    }
  }
  if (strcmp(old->series, nw->series) || strcmp(old->phase, nw->phase))
    rc = kerr_add(e, "series", "kenttä series: vastatun kyselyn sarjaa tai vaihetta ei voi muuttaa");
  return rc;
}

int survey_update(db *d, long long id, const char *json, size_t len, const char *actor, kerr *e) {
  arena a = {0};
  int rc = K_ERR;
  survey_def *old = survey_load(d, &a, id);
  if (!old) {
    kerr_add(e, NULL, "Kyselyä ei ole.");
    goto out;
  }
  /* the JSON's key may be left out or be the survey's own */
  json_t *root = json_loadb(json, len, 0, NULL);
  if (root && json_is_object(root)) {
    json_t *k = json_object_get(root, "key");
    if (!k)
      json_object_set_new(root, "key", json_string(old->key));
    else if (!json_is_string(k) || strcmp(json_string_value(k), old->key)) {
      json_decref(root);
      kerr_add(e, "key", "kenttä key: kyselyn avainta ei voi muuttaa (nyt %r); tee kopio uudella avaimella", old->key);
      goto out;
    }
    char *s = json_dumps(root, JSON_PRESERVE_ORDER);
    json = arena_adopt(&a, s);
    len = strlen(json);
  }
  json_decref(root);
  survey_def *def = survey_def_parse(&a, json, len, e);
  if (!def) goto out;
  int answered = db_exists(d, "SELECT 1 FROM survey_response WHERE survey_id = ?1", "i", id);
  if (answered && compatible(old, def, e) != K_OK) goto out;
  if (write_begin(d, "Kyselyn tallennus", e) != K_OK) goto out;
  rc = phase_free(d, def, id, e);
  long long sid = rc == K_OK ? series_id(d, def->series, e) : 0;
  if (rc == K_OK && *def->series && !sid) rc = K_ERR;
  if (rc == K_OK) {
    def->opens = def->closes = NULL; /* the schedule is set on its own */
    const char *stored = survey_def_json(&a, def);
    rc = db_exec(d,
                 "UPDATE survey SET series_id = NULLIF(CAST(?2 AS INTEGER), 0), phase = ?3, title = ?4, title_sv = ?5, "
                 "title_en = ?6, definition = ?7, updated_at = ?8 WHERE id = ?1",
                 "iitttttt", id, sid, def->phase, def->title.fi, def->title.sv, def->title.en, stored,
                 db_now().s) == DB_OK
             ? K_OK
             : kerr_storage(e, "Kyselyn tallennus", db_errmsg(d));
    char subj[40];
    snprintf(subj, sizeof subj, "survey:%lld", id);
    if (rc == K_OK) audit_log(d, actor, "update", subj, def->key);
  }
  rc = write_end(d, rc, "Kyselyn tallennus", e);
out:
  arena_free(&a);
  return rc;
}

long long survey_copy(db *d, long long id, const char *new_key, const char *series, const char *actor, kerr *e) {
  arena a = {0};
  long long nid = 0;
  survey_def *def = survey_load(d, &a, id);
  if (!def) {
    kerr_add(e, NULL, "Kyselyä ei ole.");
    goto out;
  }
  def->key = new_key ? new_key : "";
  if (series) {
    def->series = series;
    if (!*series) def->phase = "";
  }
  if (*def->phase && db_exists(d,
                               "SELECT 1 FROM survey s JOIN survey_series r ON r.id = s.series_id WHERE r.key = ?1 "
                               "AND s.phase = ?2",
                               "tt", def->series, def->phase))
    def->phase = !strcmp(def->phase, "before") ? "after" : "";
  def->opens = def->closes = NULL;
  const char *json = survey_def_json(&a, def);
  nid = survey_import(d, json, strlen(json), actor, e);
out:
  arena_free(&a);
  return nid;
}

static int set_one(db *d, long long id, const char *sql, const char *types, const char *a1, long long i1,
                   const char *actor, const char *what, kerr *e) {
  if (!db_exists(d, "SELECT 1 FROM survey WHERE id = ?1", "i", id)) return kerr_set(e, NULL, "Kyselyä ei ole.");
  int rc = types[1] == 't' ? db_exec(d, sql, "itt", id, a1, db_now().s) : db_exec(d, sql, "iit", id, i1, db_now().s);
  if (rc != DB_OK) return kerr_storage(e, "Kyselyn tallennus", db_errmsg(d));
  char subj[40];
  snprintf(subj, sizeof subj, "survey:%lld", id);
  audit_log(d, actor, what, subj, a1 ? a1 : (i1 ? "on" : "off"));
  return K_OK;
}

int survey_set_schedule(db *d, long long id, const char *opens_at, const char *closes_at, const char *actor, kerr *e) {
  if (opens_at && *opens_at && closes_at && *closes_at && strcmp(closes_at, opens_at) <= 0)
    return kerr_set(e, "closes", "Sulkeutumisen pitää olla avautumisen jälkeen.");
  if (!db_exists(d, "SELECT 1 FROM survey WHERE id = ?1", "i", id)) return kerr_set(e, NULL, "Kyselyä ei ole.");
  if (db_exec(d, "UPDATE survey SET opens_at = NULLIF(?2,''), closes_at = NULLIF(?3,''), updated_at = ?4 WHERE id = ?1",
              "ittt", id, opens_at ? opens_at : "", closes_at ? closes_at : "", db_now().s) != DB_OK)
    return kerr_storage(e, "Kyselyn tallennus", db_errmsg(d));
  char subj[40], detail[64];
  snprintf(subj, sizeof subj, "survey:%lld", id);
  snprintf(detail, sizeof detail, "%s – %s", opens_at ? opens_at : "", closes_at ? closes_at : "");
  audit_log(d, actor, "schedule", subj, detail);
  return K_OK;
}

int survey_set_open_link(db *d, long long id, int on, const char *actor, kerr *e) {
  char code[33];
  util_random_hex(code, 16);
  return set_one(d, id, "UPDATE survey SET open_code = NULLIF(?2,''), updated_at = ?3 WHERE id = ?1", "it",
                 on ? code : "", 0, actor, on ? "open-link-on" : "open-link-off", e);
}

int survey_set_public(db *d, long long id, int on, const char *actor, kerr *e) {
  return set_one(d, id, "UPDATE survey SET results_public = ?2, updated_at = ?3 WHERE id = ?1", "ii", NULL, on ? 1 : 0,
                 actor, on ? "publish" : "unpublish", e);
}

int survey_delete(db *d, long long id, const char *actor, kerr *e) {
  if (!db_exists(d, "SELECT 1 FROM survey WHERE id = ?1", "i", id)) return kerr_set(e, NULL, "Kyselyä ei ole.");
  if (db_exists(d, "SELECT 1 FROM survey_response WHERE survey_id = ?1", "i", id))
    return kerr_set(e, NULL, "Kyselyyn on vastattu, joten sitä ei voi poistaa.");
  if (write_begin(d, "Kyselyn poisto", e) != K_OK) return K_ERR;
  int rc = db_exec(d, "DELETE FROM survey_draft WHERE survey_id = ?1", "i", id) == DB_OK &&
                   db_exec(d, "DELETE FROM survey_invite WHERE survey_id = ?1", "i", id) == DB_OK &&
                   db_exec(d, "DELETE FROM survey WHERE id = ?1", "i", id) == DB_OK
               ? K_OK
               : kerr_storage(e, "Kyselyn poisto", db_errmsg(d));
  char subj[40];
  snprintf(subj, sizeof subj, "survey:%lld", id);
  if (rc == K_OK) audit_log(d, actor, "delete", subj, "");
  return write_end(d, rc, "Kyselyn poisto", e);
}

int survey_state(const survey_info *s, const char *now) {
  if (s->opens_at && strcmp(now, s->opens_at) < 0) return SURVEY_NOT_OPEN;
  if (s->closes_at && strcmp(now, s->closes_at) >= 0) return SURVEY_CLOSED;
  return SURVEY_OPEN;
}

#define INFO_COLS                                                                                                      \
  "s.id, s.key, COALESCE(r.key, ''), s.phase, " TR_PICK("s.title") ", " TR_FALLBACK(                                   \
      "s.title") ", s.opens_at, s.closes_at, s.open_code, s.results_public, "                                          \
                 "CASE WHEN r.closed_at IS NULL THEN 0 ELSE 1 END, "                                                   \
                 "(SELECT count(*) FROM survey_invite i WHERE i.survey_id = s.id), "                                   \
                 "(SELECT count(*) FROM survey_invite i WHERE i.survey_id = s.id AND i.answered = 1), "                \
                 "(SELECT count(*) FROM survey_response x WHERE x.survey_id = s.id), s.created_at, s.updated_at, "     \
                 "s.created_by FROM survey s LEFT JOIN survey_series r ON r.id = s.series_id "

static void info_row(db_stmt *st, arena *a, survey_info *s) {
  s->id = db_col_int(st, 0);
  s->key = db_col_adup(st, 1, a);
  s->series = db_col_adup(st, 2, a);
  s->phase = db_col_adup(st, 3, a);
  s->title.text = db_col_adup(st, 4, a);
  s->title.fallback = (int)db_col_int(st, 5);
  s->opens_at = db_col_adup(st, 6, a);
  s->closes_at = db_col_adup(st, 7, a);
  s->open_code = db_col_adup(st, 8, a);
  s->results_public = (int)db_col_int(st, 9);
  s->series_closed = (int)db_col_int(st, 10);
  s->invited = db_col_int(st, 11);
  s->answered_invites = db_col_int(st, 12);
  s->responses = db_col_int(st, 13);
  s->created_at = db_col_adup(st, 14, a);
  s->updated_at = db_col_adup(st, 15, a);
  s->created_by = db_col_adup(st, 16, a);
}

static survey_info *info_rows(db_stmt *st, arena *a, const char *lang, int *n) {
  db_bind_int(st, ":lang", tr_lang_index(lang));
  survey_info *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    info_row(st, a, &v[(*n)++]);
  }
  db_done(st);
  return v;
}

survey_info *survey_list(db *d, arena *a, const char *lang, int *n) {
  return info_rows(db_prepare(d, "SELECT " INFO_COLS "ORDER BY s.id DESC"), a, lang, n);
}

survey_info *survey_get(db *d, arena *a, long long id, const char *lang) {
  db_stmt *st = db_prepare(d, "SELECT " INFO_COLS "WHERE s.id = :id");
  db_bind_int(st, ":id", id);
  int n;
  survey_info *v = info_rows(st, a, lang, &n);
  return n ? v : NULL;
}

survey_info *survey_series_list(db *d, arena *a, const char *series, const char *lang, int *n) {
  db_stmt *st = db_prepare(d, "SELECT " INFO_COLS "WHERE r.key = :series "
                              "ORDER BY CASE s.phase WHEN 'before' THEN 0 WHEN 'after' THEN 1 ELSE 2 END, s.id");
  db_bind_text(st, ":series", series);
  return info_rows(st, a, lang, n);
}

long long survey_find(db *d, const char *ref) {
  long long id = 0;
  if (ref && util_parse_int(ref, 1, 1LL << 53, &id) == K_OK)
    return db_int(d, 0, "SELECT id FROM survey WHERE id = ?1", "i", id);
  return survey_id_by_key(d, ref);
}

long long survey_id_by_key(db *d, const char *key) {
  return db_int(d, 0, "SELECT id FROM survey WHERE key = ?1", "t", key);
}

long long survey_id_by_open_code(db *d, const char *code) {
  if (!code || !*code) return 0;
  return db_int(d, 0, "SELECT id FROM survey WHERE open_code = ?1", "t", code);
}

survey_def *survey_load(db *d, arena *a, long long id) {
  db_stmt *st = db_query(d, "SELECT definition, opens_at, closes_at FROM survey WHERE id = ?1", "i", id);
  survey_def *def = NULL;
  if (db_step(st) == 1) {
    size_t len = strlen(db_col_text(st, 0));
    char *json = arena_strndup(a, db_col_text(st, 0), len);
    char *opens = db_col_adup(st, 1, a), *closes = db_col_adup(st, 2, a);
    db_done(st);
    kerr e = {0};
    def = survey_def_parse(a, json, len, &e);
    if (!def) fprintf(stderr, "kehto: survey %lld: stored definition does not parse: %s\n", id, e.msg);
    kerr_clear(&e);
    if (def) {
      def->opens = opens;
      def->closes = closes;
    }
    return def;
  }
  db_done(st);
  return NULL;
}

sitemap_item *survey_sitemap(db *d, arena *a, int *n) {
  return sitemap_read(db_query(d, "SELECT id, NULL FROM survey WHERE results_public=1 ORDER BY id", ""), a, n);
}
