/* survey_form: renders a survey's sections and questions as the respondent's HTML form (see survey_form.h). */
#include "web/survey_form.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

survey_values survey_values_form(web_req *r) {
  return (survey_values){r->form, r->nform, r->nform};
}

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

static const char *L(const sf *s, const char *msgid) {
  return i18n_get(s->lang, msgid);
}

/* lang="fi" on an element whose text is the Finnish standing in for a missing translation. */
static const char *fb(const tr *t) {
  return t->fallback ? " lang=\"fi\"" : "";
}

static void text_span(sf *s, const char *tag, const char *cls, const survey_text *t) {
  tr x = survey_text_pick(t, s->lang);
  buf_printf(s->b, "<%r%r%h%r%r>%h</%r>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "", fb(&x), x.text,
             tag);
}

static const kerr *error_of(const sf *s, const char *field) {
  for (const kerr *e = s->err; e && e->msg; e = e->next)
    if (e->field && !strcmp(e->field, field)) return e;
  return NULL;
}

/* The error shown by the question: on its key or on KEY.other. */
static const kerr *question_error(const sf *s, const survey_question *q) {
  const kerr *e = error_of(s, q->key);
  if (e) return e;
  char name[80];
  snprintf(name, sizeof name, "%s.other", q->key);
  return error_of(s, name);
}

/* aria-describedby of an input: the question's help and condition notes and the error (ids that exist only). */
static void described(sf *s, const survey_question *q, const char *err_id) {
  int help = set(&q->help), cond = q->cond_q != NULL, range = q->type == SQ_NUMBER && (q->has_min || q->has_max);
  if (!help && !cond && !range && !err_id) return;
  buf_puts(s->b, " aria-describedby=\"");
  const char *sep = "";
  if (help) buf_printf(s->b, "sqh-%h", q->key), sep = " ";
  if (cond) buf_printf(s->b, "%rsqc-%h", sep, q->key), sep = " ";
  if (range) buf_printf(s->b, "%rsqn-%h", sep, q->key), sep = " ";
  if (err_id) buf_printf(s->b, "%r%h", sep, err_id);
  buf_puts(s->b, "\"");
  if (err_id) buf_puts(s->b, " aria-invalid=\"true\"");
}

static void default_ends(const survey_question *q, int scale, const char **lo, const char **hi) {
  (void)q;
  if (scale == SQ_SCALE10)
    *lo = N_("Ei lainkaan"), *hi = N_("Täysin");
  else
    *lo = N_("Täysin eri mieltä"), *hi = N_("Täysin samaa mieltä");
}

/* One end label inside the label of the scale's first or last choice, so it is read with the number. */
static void end_label(sf *s, const survey_text *t, const char *dflt) {
  if (set(t)) {
    text_span(s, "span", "scale-end", t);
  } else {
    buf_printf(s->b, "<span class=\"scale-end\">%h</span>", L(s, dflt));
  }
}

/* A row of radio buttons name=value lo..hi with labelled ends. */
static void scale_radios(sf *s, const survey_question *q, const char *name, const char *err_id) {
  int scale = q->type == SQ_MATRIX ? q->scale : q->type;
  int lo = survey_scale_lo(q), hi = survey_scale_hi(q);
  const char *dlo, *dhi;
  default_ends(q, scale, &dlo, &dhi);
  const char *cur = survey_values_get(s->v, name);
  buf_printf(s->b, "<div class=\"scale scale-%d\">", hi - lo + 1);
  for (int x = lo; x <= hi; x++) {
    char val[8];
    snprintf(val, sizeof val, "%d", x);
    buf_printf(
        s->b,
        "<label class=\"scale-opt\" for=\"sq-%h-%d\"><input type=\"radio\" id=\"sq-%h-%d\" name=\"%h\" value=\"%d\"%r",
        name, x, name, x, name, x, cur && !strcmp(cur, val) ? " checked" : "");
    described(s, q, err_id);
    buf_printf(s->b, "><span class=\"scale-num\">%d</span>", x);
    if (x == lo) end_label(s, &q->low, dlo);
    if (x == hi) end_label(s, &q->high, dhi);
    buf_puts(s->b, "</label>");
  }
  buf_puts(s->b, "</div>\n");
}

/* Radios (single) or checkboxes (multiple) of the options, and "other" with its text field. */
static void choices(sf *s, const survey_question *q, const char *err_id) {
  const char *type = q->type == SQ_MULTIPLE ? "checkbox" : "radio";
  const char *cur = survey_values_get(s->v, q->key);
  buf_puts(s->b, "<div class=\"choices\">");
  for (int i = 0; i <= q->noptions; i++) {
    if (i == q->noptions && !q->other) break;
    const char *key = i < q->noptions ? q->options[i].key : "other";
    int on = q->type == SQ_MULTIPLE ? survey_values_has(s->v, q->key, key) : cur && !strcmp(cur, key);
    buf_printf(s->b, "<div class=\"choice\"><input type=\"%r\" id=\"sq-%h-%h\" name=\"%h\" value=\"%h\"%r", type,
               q->key, key, q->key, key, on ? " checked" : "");
    described(s, q, err_id);
    buf_printf(s->b, "><label for=\"sq-%h-%h\">", q->key, key);
    if (i < q->noptions) {
      tr t = survey_text_pick(&q->options[i].text, s->lang);
      buf_printf(s->b, "<span%r>%h</span>", fb(&t), t.text);
    } else {
      buf_printf(s->b, "%h", L(s, N_("Muu")));
    }
    buf_puts(s->b, "</label></div>");
  }
  if (q->other) {
    char name[80];
    snprintf(name, sizeof name, "%s.other", q->key);
    buf_printf(s->b,
               "<div class=\"choice-other\"><label for=\"sq-%h\">%h</label><input type=\"text\" id=\"sq-%h\" "
               "name=\"%h\" value=\"%h\" maxlength=\"500\"",
               name, L(s, N_("Muu, mikä?")), name, name,
               survey_values_get(s->v, name) ? survey_values_get(s->v, name) : "");
    described(s, q, err_id);
    buf_puts(s->b, "></div>");
  }
  buf_puts(s->b, "</div>\n");
}

/* The matrix: one fieldset per row (its statement as the legend), each with its own error. */
static void matrix(sf *s, const survey_question *q, const char *err_id) {
  for (int i = 0; i < q->nrows; i++) {
    char name[80], rid[96];
    snprintf(name, sizeof name, "%s.%s", q->key, q->rows[i].key);
    const kerr *re = error_of(s, name);
    snprintf(rid, sizeof rid, "sqe-%s", name);
    buf_printf(s->b, "<fieldset class=\"matrix-row%r\" id=\"sq-%h\"><legend>", re ? " invalid" : "", name);
    text_span(s, "span", NULL, &q->rows[i].text);
    buf_puts(s->b, "</legend>");
    if (re) buf_printf(s->b, "<p class=\"error\" id=\"%h\">%h</p>", rid, L(s, re->msg));
    scale_radios(s, q, name, re ? rid : err_id);
    buf_puts(s->b, "</fieldset>\n");
  }
}

/* "Vastaa vain, jos …": the condition in words, with option texts for choice questions. */
static void condition_note(sf *s, const survey_question *q) {
  const survey_question *c = survey_def_find(s->d, q->cond_q);
  buf_printf(s->b, "<p class=\"survey-cond\" id=\"sqc-%h\">%h ", q->key,
             L(s, N_("Vastaa tähän vain, jos vastasit kysymykseen")));
  if (c) {
    tr t = survey_text_pick(&c->text, s->lang);
    buf_printf(s->b, "”<span%r>%h</span>” ", fb(&t), t.text);
  } else {
    buf_printf(s->b, "%h ", q->cond_q);
  }
  buf_printf(s->b, "%h ", L(s, q->ncond > 1 ? N_("jonkin näistä:") : N_("näin:")));
  for (int i = 0; i < q->ncond; i++) {
    const char *v = q->cond_values[i];
    if (i) buf_puts(s->b, ", ");
    int done = 0;
    for (int k = 0; c && k < c->noptions && !done; k++)
      if (!strcmp(c->options[k].key, v)) {
        tr t = survey_text_pick(&c->options[k].text, s->lang);
        buf_printf(s->b, "”<span%r>%h</span>”", fb(&t), t.text);
        done = 1;
      }
    if (!done && c && !strcmp(v, "other")) buf_printf(s->b, "”%h”", L(s, N_("Muu"))), done = 1;
    if (!done) buf_printf(s->b, "%h", v);
  }
  buf_puts(s->b, ".</p>");
}

/* A number as a Finnish reader writes it: 2,5 (no trailing zeros). */
static const char *finum(char out[32], double x) {
  snprintf(out, 32, "%g", x);
  for (char *c = out; *c; c++)
    if (*c == '.') *c = ',';
  return out;
}

static void number_hint(sf *s, const survey_question *q) {
  if (!q->has_min && !q->has_max) return;
  char a[32], z[32];
  buf_printf(s->b, "<p class=\"hint\" id=\"sqn-%h\">", q->key);
  if (q->has_min && q->has_max)
    buf_printf(s->b, "%h %h–%h", L(s, N_("Luku väliltä")), finum(a, q->min), finum(z, q->max));
  else if (q->has_min)
    buf_printf(s->b, "%h %h", L(s, N_("Vähintään")), finum(a, q->min));
  else
    buf_printf(s->b, "%h %h", L(s, N_("Enintään")), finum(z, q->max));
  buf_puts(s->b, "</p>");
}

static void question(sf *s, const survey_question *q) {
  const kerr *e = question_error(s, q);
  char err_id[80];
  snprintf(err_id, sizeof err_id, "sqe-%s", q->key);
  buf_printf(s->b, "<fieldset class=\"survey-q%r\" id=\"sq-%h\"><legend id=\"sql-%h\">", e ? " invalid" : "", q->key,
             q->key);
  text_span(s, "span", "q-text", &q->text);
  if (q->required)
    buf_printf(s->b, " <span class=\"required\">(%h)</span>",
               L(s, q->cond_q ? N_("pakollinen, jos näytetään") : N_("pakollinen")));
  buf_puts(s->b, "</legend>");
  if (set(&q->help)) {
    tr t = survey_text_pick(&q->help, s->lang);
    buf_printf(s->b, "<p class=\"hint\" id=\"sqh-%h\"%r>%h</p>", q->key, fb(&t), t.text);
  }
  if (q->cond_q) condition_note(s, q);
  if (e) buf_printf(s->b, "<p class=\"error\" id=\"%h\">%h</p>", err_id, L(s, e->msg));
  const char *eid = e ? err_id : NULL;
  const char *cur = survey_values_get(s->v, q->key);
  switch (q->type) {
  case SQ_LIKERT5:
  case SQ_LIKERT7:
  case SQ_SCALE10: scale_radios(s, q, q->key, eid); break;
  case SQ_MATRIX: matrix(s, q, eid); break;
  case SQ_SINGLE:
  case SQ_MULTIPLE: choices(s, q, eid); break;
  case SQ_NUMBER:
    number_hint(s, q);
    buf_printf(
        s->b,
        "<input type=\"text\" inputmode=\"decimal\" class=\"number\" id=\"sq-%h-value\" name=\"%h\" value=\"%h\" "
        "aria-labelledby=\"sql-%h\"%r",
        q->key, q->key, cur ? cur : "", q->key, q->required && !q->cond_q ? " aria-required=\"true\"" : "");
    described(s, q, eid);
    buf_puts(s->b, ">\n");
    break;
  case SQ_TEXT:
    buf_printf(s->b, "<textarea id=\"sq-%h-value\" name=\"%h\" rows=\"5\" aria-labelledby=\"sql-%h\"%r", q->key, q->key,
               q->key, q->required && !q->cond_q ? " aria-required=\"true\"" : "");
    described(s, q, eid);
    buf_printf(s->b, ">%h</textarea>\n", cur ? cur : "");
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

void survey_form_write(buf *b, const survey_def *d, const char *lang, const survey_values *v, const kerr *errors,
                       int preview) {
  sf s = {b, d, lang, v, errors};
  if (preview)
    buf_printf(b, "<div class=\"notice warning preview-banner\" role=\"note\"><p><strong>%h</strong> %h</p></div>\n",
               L(&s, N_("Esikatselu")), L(&s, N_("Näin vastaaja näkee kyselyn. Vastauksia ei voi lähettää.")));
  buf_printf(b, "<p class=\"survey-required-note\">%h</p>\n",
             L(&s, N_("Pakolliset kysymykset on merkitty sanalla ”pakollinen”.")));
  int open = 0;
  for (int i = 0; i < d->nq; i++) {
    const survey_question *q = &d->q[i];
    if (q->type == SQ_SECTION) {
      if (open) buf_puts(b, "</section>\n");
      buf_printf(b, "<section class=\"survey-section\" aria-labelledby=\"sqs-%d\"><h2 id=\"sqs-%d\">", i, i);
      text_span(&s, "span", NULL, &q->text);
      buf_puts(b, "</h2>\n");
      if (set(&q->help)) text_span(&s, "p", "hint", &q->help);
      open = 1;
      continue;
    }
    question(&s, q);
  }
  if (open) buf_puts(b, "</section>\n");
}
