/* survey_form: renders a survey's sections and questions as the respondent's HTML form (see survey_form.h). */
#include "web/survey_form.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

#define TEXT_MAX 10000 /* characters of an open answer or an "other" text: model/survey_answer.c refuses more */

void survey_values_add(arena *a, survey_values *v, const char *name, const char *value) {
  v->v = arena_grow(a, v->v, v->n, &v->cap, sizeof *v->v);
  v->v[v->n++] = (kv){name, value};
}

const char *survey_values_get(const survey_values *v, const char *name) {
  for (int i = 0; v && i < v->n; i++)
    if (v->v[i].key && !strcmp(v->v[i].key, name)) return v->v[i].value;
  return NULL;
}

int survey_values_has(const survey_values *v, const char *name, const char *value) {
  for (int i = 0; v && i < v->n; i++)
    if (v->v[i].key && v->v[i].value && !strcmp(v->v[i].key, name) && !strcmp(v->v[i].value, value)) return 1;
  return 0;
}

/* What one rendering needs besides the buffer. */
typedef struct sf {
  buf *b;
  const survey_def *d;
  const char *lang;
  const survey_values *v;
  const kerr *err;
} sf;

/* 1 when a text has its Finnish (a text the definition left out may be all NULL). */
static int set(const survey_text *t) {
  return t->fi && *t->fi;
}

static const char *L(const char *lang, const char *msgid) {
  return i18n_get(lang, msgid);
}

/* lang="fi" on an element whose text is the Finnish standing in for a missing translation. */
static const char *fb(const tr *t) {
  return t->fallback ? " lang=\"fi\"" : "";
}

/* <tag class="cls" lang="fi">text</tag> (class and lang only when there are). */
static void text_el(sf *s, const char *tag, const char *cls, const survey_text *t) {
  tr x = survey_text_pick(t, s->lang);
  buf_printf(s->b, "<%r%r%h%r%r>%h</%r>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "", fb(&x), x.text,
             tag);
}

static const kerr *error_of(const kerr *err, const char *field) {
  for (const kerr *e = err; e && e->msg; e = e->next)
    if (e->field && !strcmp(e->field, field)) return e;
  return NULL;
}

/* The error shown by the question: on its key or on KEY.other. */
static const kerr *question_error(const sf *s, const survey_question *q) {
  const kerr *e = error_of(s->err, q->key);
  if (e) return e;
  char name[80];
  snprintf(name, sizeof name, "%s.other", q->key);
  return error_of(s->err, name);
}

/* The question q's condition refers to (NULL without a condition). */
static const survey_question *cond_of(const sf *s, const survey_question *q) {
  return q->cond_q ? survey_def_find(s->d, q->cond_q) : NULL;
}

static int has_range(const survey_question *q) {
  return q->type == SQ_NUMBER && (q->has_min || q->has_max);
}

/* aria-describedby="…" naming the question's help, condition note, range hint and error (those it has), or nothing. */
static void described(sf *s, const survey_question *q, int bad) {
  int help = set(&q->help), cond = cond_of(s, q) != NULL, range = has_range(q);
  if (!help && !cond && !range && !bad) return;
  buf_puts(s->b, " aria-describedby=\"");
  const char *sep = "";
  if (help) buf_printf(s->b, "sqh-%h", q->key), sep = " ";
  if (cond) buf_printf(s->b, "%rsqc-%h", sep, q->key), sep = " ";
  if (range) buf_printf(s->b, "%rsqn-%h", sep, q->key), sep = " ";
  if (bad) buf_printf(s->b, "%rsqe-%h", sep, q->key);
  buf_puts(s->b, "\"");
}

/* The labelled end of a scale in lang: the question's own, or the default of its scale. */
static tr end_text(const survey_question *q, int high, const char *lang) {
  const survey_text *t = high ? &q->high : &q->low;
  if (set(t)) return survey_text_pick(t, lang);
  int scale = q->type == SQ_MATRIX ? q->scale : q->type;
  const char *msgid = scale == SQ_SCALE10 ? (high ? N_("Erittäin paljon") : N_("Ei lainkaan"))
                                          : (high ? N_("Täysin samaa mieltä") : N_("Täysin eri mieltä"));
  return (tr){L(lang, msgid), 0};
}

/* The ends as a screen shows them, over the points (aria-hidden: each end point's label says its end). */
static void scale_ends(sf *s, const survey_question *q) {
  int n = survey_scale_hi(q) - survey_scale_lo(q) + 1;
  tr lo = end_text(q, 0, s->lang), hi = end_text(q, 1, s->lang);
  buf_printf(s->b,
             "<div class=\"scale scale-%d scale-ends\" aria-hidden=\"true\"><span class=\"scale-end\"%r>%h</span>"
             "<span class=\"scale-end high\"%r>%h</span></div>\n",
             n, fb(&lo), lo.text, fb(&hi), hi.text);
}

/* A row of radio buttons name=lo..hi: each labelled by its number, the end points also by their end's text. */
static void scale_radios(sf *s, const survey_question *q, const char *name) {
  int lo = survey_scale_lo(q), hi = survey_scale_hi(q);
  const char *cur = survey_values_get(s->v, name);
  buf_printf(s->b, "<div class=\"scale scale-%d\">", hi - lo + 1);
  for (int x = lo; x <= hi; x++) {
    char val[8];
    snprintf(val, sizeof val, "%d", x);
    buf_printf(s->b,
               "<label class=\"scale-opt\" for=\"sq-%h-%d\"><input type=\"radio\" id=\"sq-%h-%d\" name=\"%h\" "
               "value=\"%d\"%r><span class=\"scale-num\">%d</span>",
               name, x, name, x, name, x, cur && !strcmp(cur, val) ? " checked" : "", x);
    if (x == lo || x == hi) {
      tr t = end_text(q, x == hi, s->lang);
      buf_printf(s->b, "<span class=\"visually-hidden\"%r> %h</span>", fb(&t), t.text);
    }
    buf_puts(s->b, "</label>");
  }
  buf_puts(s->b, "</div>\n");
}

/* Radios (single) or checkboxes (multiple) of the options; "other" with its visibly labelled text field. */
static void choices(sf *s, const survey_question *q) {
  const char *type = q->type == SQ_MULTIPLE ? "checkbox" : "radio";
  const char *cur = survey_values_get(s->v, q->key);
  buf_puts(s->b, "<div class=\"choices\">");
  for (int i = 0; i <= q->noptions; i++) {
    if (i == q->noptions && !q->other) break;
    const char *key = i < q->noptions ? q->options[i].key : "other";
    int on = q->type == SQ_MULTIPLE ? survey_values_has(s->v, q->key, key) : cur && !strcmp(cur, key);
    buf_printf(s->b,
               "<div class=\"choice\"><input type=\"%r\" id=\"sq-%h-%h\" name=\"%h\" value=\"%h\"%r><label "
               "for=\"sq-%h-%h\">",
               type, q->key, key, q->key, key, on ? " checked" : "", q->key, key);
    if (i < q->noptions) {
      tr t = survey_text_pick(&q->options[i].text, s->lang);
      buf_printf(s->b, "<span%r>%h</span>", fb(&t), t.text);
    } else {
      buf_printf(s->b, "%h", L(s->lang, N_("Muu")));
    }
    buf_puts(s->b, "</label></div>");
  }
  if (q->other) {
    char name[80];
    snprintf(name, sizeof name, "%s.other", q->key);
    const char *o = survey_values_get(s->v, name);
    buf_printf(s->b,
               "<div class=\"choice-other\"><label for=\"sq-%h\">%h</label><input type=\"text\" id=\"sq-%h\" "
               "name=\"%h\" value=\"%h\" maxlength=\"%d\"></div>",
               name, L(s->lang, N_("Muu, mikä?")), name, name, o ? o : "", TEXT_MAX);
  }
  buf_puts(s->b, "</div>\n");
}

/* The matrix: one fieldset per row, its statement as the legend, on the question's scale; the ends are shown once,
 * over the first row's points. A row's own error (field KEY.ROW) stands in its fieldset. */
static void matrix(sf *s, const survey_question *q) {
  for (int i = 0; i < q->nrows; i++) {
    char name[80];
    snprintf(name, sizeof name, "%s.%s", q->key, q->rows[i].key);
    const kerr *re = error_of(s->err, name);
    buf_printf(s->b, "<fieldset class=\"matrix-row%r\" id=\"sq-%h\"", re ? " invalid" : "", name);
    if (re) buf_printf(s->b, " aria-describedby=\"sqe-%h\"", name);
    buf_puts(s->b, "><legend>");
    text_el(s, "span", NULL, &q->rows[i].text);
    buf_puts(s->b, "</legend>");
    if (re) buf_printf(s->b, "<p class=\"error\" id=\"sqe-%h\">%h</p>", name, L(s->lang, re->msg));
    if (i == 0) scale_ends(s, q);
    scale_radios(s, q, name);
    buf_puts(s->b, "</fieldset>\n");
  }
}

/* The condition in words: "Vastaa vain, jos vastasit kysymykseen ”…” näin: a, b tai c. Muuten …" (kehto.js hides the
 * question while it is not met; without it the note says it). */
static void condition_note(sf *s, const survey_question *q, const survey_question *c) {
  buf vals = BUF_INIT;
  for (int i = 0; i < q->ncond; i++) {
    const char *label = q->cond_values[i];
    for (int k = 0; k < c->noptions; k++)
      if (!strcmp(c->options[k].key, label)) label = survey_text_pick(&c->options[k].text, s->lang).text;
    if (!strcmp(label, "other") && c->other) label = L(s->lang, N_("Muu"));
    buf_printf(&vals, "%r%r", i == 0 ? "" : i == q->ncond - 1 ? L(s->lang, N_(" tai ")) : ", ", label);
  }
  buf_printf(s->b, "<p class=\"hint survey-cond\" id=\"sqc-%h\">", q->key);
  buf_printf(s->b,
             L(s->lang, N_("Vastaa vain, jos vastasit kysymykseen ”%h” näin: %h. Muuten vastaustasi ei oteta "
                           "huomioon.")),
             survey_text_pick(&c->text, s->lang).text, vals.data ? vals.data : "");
  buf_puts(s->b, "</p>\n");
  buf_free(&vals);
}

/* A number as a Finnish reader writes it: 2,5 (no trailing zeros). */
static const char *finum(char out[32], double x) {
  snprintf(out, 32, "%g", x);
  for (char *c = out; *c; c++)
    if (*c == '.') *c = ',';
  return out;
}

/* The range a number question takes: "Luku väliltä 0–100." (nothing without min or max). */
static void number_hint(sf *s, const survey_question *q) {
  if (!has_range(q)) return;
  char a[32], z[32];
  buf_printf(s->b, "<p class=\"hint\" id=\"sqn-%h\">", q->key);
  if (q->has_min && q->has_max)
    buf_printf(s->b, L(s->lang, N_("Luku väliltä %h–%h.")), finum(a, q->min), finum(z, q->max));
  else if (q->has_min)
    buf_printf(s->b, L(s->lang, N_("Luku, vähintään %h.")), finum(a, q->min));
  else
    buf_printf(s->b, L(s->lang, N_("Luku, enintään %h.")), finum(z, q->max));
  buf_puts(s->b, "</p>\n");
}

/* One question as a fieldset with its text as the legend. A group of choices (scale, matrix, options) names its
 * help, condition and error on the fieldset, which a screen reader says on entering the group; a text or number box
 * names them on the box itself. */
static void question(sf *s, const survey_question *q) {
  const kerr *e = question_error(s, q);
  const survey_question *c = cond_of(s, q);
  int box = q->type == SQ_NUMBER || q->type == SQ_TEXT;
  buf_printf(s->b, "<fieldset class=\"survey-q%r\" id=\"sq-%h\"", e ? " invalid" : "", q->key);
  if (q->cond_q) { /* for kehto.js, which hides the question while its condition is not met */
    buf_printf(s->b, " data-show-if=\"%h\" data-values=\"", q->cond_q);
    for (int i = 0; i < q->ncond; i++) buf_printf(s->b, "%r%h", i ? " " : "", q->cond_values[i]);
    buf_puts(s->b, "\"");
  }
  if (!box) described(s, q, e != NULL);
  buf_printf(s->b, "><legend id=\"sql-%h\">", q->key);
  text_el(s, "span", "q-text", &q->text);
  if (q->required)
    buf_printf(s->b, " <span class=\"required\">(%h)</span>",
               L(s->lang, q->cond_q ? N_("pakollinen, jos näytetään") : N_("pakollinen")));
  buf_puts(s->b, "</legend>\n");
  if (set(&q->help)) {
    tr t = survey_text_pick(&q->help, s->lang);
    buf_printf(s->b, "<p class=\"hint\" id=\"sqh-%h\"%r>%h</p>\n", q->key, fb(&t), t.text);
  }
  if (c) condition_note(s, q, c);
  if (e) buf_printf(s->b, "<p class=\"error\" id=\"sqe-%h\">%h</p>\n", q->key, L(s->lang, e->msg));
  const char *cur = survey_values_get(s->v, q->key);
  const char *req = q->required && !q->cond_q ? " aria-required=\"true\"" : "";
  switch (q->type) {
  case SQ_LIKERT5:
  case SQ_LIKERT7:
  case SQ_SCALE10:
    scale_ends(s, q);
    scale_radios(s, q, q->key);
    break;
  case SQ_MATRIX: matrix(s, q); break;
  case SQ_SINGLE:
  case SQ_MULTIPLE: choices(s, q); break;
  case SQ_NUMBER:
    number_hint(s, q);
    buf_printf(s->b,
               "<input type=\"text\" inputmode=\"decimal\" class=\"number\" id=\"sq-%h-value\" name=\"%h\" "
               "value=\"%h\" aria-labelledby=\"sql-%h\"%r%r",
               q->key, q->key, cur ? cur : "", q->key, req, e ? " aria-invalid=\"true\"" : "");
    described(s, q, e != NULL);
    buf_puts(s->b, ">\n");
    break;
  case SQ_TEXT:
    buf_printf(s->b,
               "<textarea id=\"sq-%h-value\" name=\"%h\" rows=\"5\" maxlength=\"%d\" aria-labelledby=\"sql-%h\"%r%r",
               q->key, q->key, TEXT_MAX, q->key, req, e ? " aria-invalid=\"true\"" : "");
    described(s, q, e != NULL);
    /* a newline first: the parser drops the first newline of a textarea, so a text that starts with one keeps it */
    buf_printf(s->b, ">%r%h</textarea>\n", cur && (*cur == '\n' || *cur == '\r') ? "\n" : "", cur ? cur : "");
    break;
  default: break;
  }
  buf_puts(s->b, "</fieldset>\n");
}

void survey_form_head(buf *b, const survey_def *d, const char *lang) {
  tr t = survey_text_pick(&d->title, lang);
  buf_printf(b, "<h1%r>%h</h1>\n", fb(&t), t.text);
  tr in = survey_text_pick(&d->intro, lang);
  const char *p = in.text;
  while (p && *p) {
    const char *end = strstr(p, "\n\n");
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n) {
      buf_printf(b, "<p class=\"survey-intro\"%r>", fb(&in));
      for (size_t i = 0; i < n; i++) {
        char one[2] = {p[i], 0};
        if (p[i] == '\n')
          buf_puts(b, "<br>");
        else if (p[i] != '\r')
          buf_html(b, one);
      }
      buf_puts(b, "</p>\n");
    }
    p = end ? end + 2 : NULL;
  }
}

/* The question of field (its key, KEY.ROW or KEY.other), with the id of its first input in out; NULL when d has no such
 * field. */
static const survey_question *first_input(const survey_def *d, const char *field, char *out, size_t n) {
  char key[80];
  snprintf(key, sizeof key, "%s", field);
  char *dot = strchr(key, '.');
  if (dot) *dot = 0;
  const survey_question *q = survey_def_find(d, key);
  if (!q) return NULL;
  if (dot && !strcmp(dot + 1, "other")) return q->other ? (snprintf(out, n, "sq-%s", field), q) : NULL;
  if (dot) {
    for (int i = 0; q->type == SQ_MATRIX && i < q->nrows; i++)
      if (!strcmp(q->rows[i].key, dot + 1)) return snprintf(out, n, "sq-%s-%d", field, survey_scale_lo(q)), q;
    return NULL;
  }
  switch (q->type) {
  case SQ_LIKERT5:
  case SQ_LIKERT7:
  case SQ_SCALE10: snprintf(out, n, "sq-%s-%d", key, survey_scale_lo(q)); break;
  case SQ_MATRIX:
    if (!q->nrows) return NULL;
    snprintf(out, n, "sq-%s.%s-%d", key, q->rows[0].key, survey_scale_lo(q));
    break;
  case SQ_SINGLE:
  case SQ_MULTIPLE: snprintf(out, n, "sq-%s-%s", key, q->noptions ? q->options[0].key : "other"); break;
  case SQ_NUMBER:
  case SQ_TEXT: snprintf(out, n, "sq-%s-value", key); break;
  default: return NULL;
  }
  return q;
}

void survey_form_errors(buf *b, const survey_def *d, const char *lang, const kerr *errors) {
  if (!errors || !errors->msg) return;
  buf_printf(b, "<div class=\"error-summary\" role=\"alert\"><h2>%h</h2><ul>", L(lang, N_("Tarkista lomake")));
  for (const kerr *e = errors; e && e->msg; e = e->next) {
    char id[200];
    const survey_question *q = e->field ? first_input(d, e->field, id, sizeof id) : NULL;
    if (q) { /* the question's text first: the same message may stand by several questions */
      tr t = survey_text_pick(&q->text, lang);
      buf_printf(b, "<li><a href=\"#%h\"><span%r>%h</span>: %h</a></li>", id, fb(&t), t.text, L(lang, e->msg));
    } else {
      buf_printf(b, "<li>%h</li>", L(lang, e->msg));
    }
  }
  buf_puts(b, "</ul></div>\n");
}

void survey_form_write(buf *b, const survey_def *d, const char *lang, const survey_values *v, const kerr *errors,
                       int preview) {
  sf s = {b, d, lang, v, errors};
  if (preview)
    buf_printf(b, "<div class=\"notice warning preview-banner\" role=\"note\"><p><strong>%h</strong> %h</p></div>\n",
               L(lang, N_("Esikatselu")), L(lang, N_("Näin vastaaja näkee kyselyn. Vastauksia ei voi lähettää.")));
  buf_printf(b, "<p class=\"survey-required-note\">%h</p>\n",
             L(lang, N_("Pakolliset kysymykset on merkitty sanalla (pakollinen). Vastauksesi tallennetaan ilman "
                        "nimeäsi ja yhteystietojasi.")));
  int open = 0;
  for (int i = 0; i < d->nq; i++) {
    const survey_question *q = &d->q[i];
    if (q->type == SQ_SECTION) {
      if (open) buf_puts(b, "</section>\n");
      tr t = survey_text_pick(&q->text, lang);
      buf_printf(b, "<section class=\"survey-section\" aria-labelledby=\"sqs-%d\"><h2 id=\"sqs-%d\"%r>%h</h2>\n", i, i,
                 fb(&t), t.text);
      open = 1;
      continue;
    }
    question(&s, q);
  }
  if (open) buf_puts(b, "</section>\n");
}
