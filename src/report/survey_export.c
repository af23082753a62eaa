/* survey_export: a survey's results and a series' paired change as downloads (Excel CSV, comma CSV and XLSX through
 * report/export.c's one row writer) and as JSON; suppressed cells show the marks of /tilastot. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/export.h"
#include "report/suppress.h"
#include "report/survey_results.h"

static const char *T(report_tr trf, const char *lang, const char *msgid) {
  return trf ? trf(lang, msgid) : msgid;
}

const char *sr_audience_name(int audience) {
  return audience == SR_STAFF ? "staff" : audience == SR_EVALUATOR ? "evaluator" : "public";
}

int sr_audience_of(const char *name) {
  if (!name || !strcmp(name, "staff")) return SR_STAFF;
  if (!strcmp(name, "evaluator")) return SR_EVALUATOR;
  if (!strcmp(name, "public")) return SR_PUBLIC;
  return -1;
}

const char *sr_dim_label(int dim) {
  static const char *const L[SR_NDIMS] = {N_("Rooli"), N_("Palvelutyyppi"), N_("Toimiala"), N_("Maakunta"),
                                          N_("Kausi")};
  return dim >= 0 && dim < SR_NDIMS ? L[dim] : "";
}

const char *sr_value_label(const sr_item *it, int k, const char *lang) {
  const survey_question *q = it->q;
  if (q->type == SQ_SINGLE || q->type == SQ_MULTIPLE) {
    if (k < q->noptions) return survey_text_pick(&q->options[k].text, lang).text;
    return NULL; /* "other": the caller's word */
  }
  if (k == 0 && q->low.fi && *q->low.fi) return survey_text_pick(&q->low, lang).text;
  if (k == it->ndist - 1 && q->high.fi && *q->high.fi) return survey_text_pick(&q->high, lang).text;
  return "";
}

/* The item's text: the question, and a matrix row after a colon. In a static-free way: into out. */
static void item_text(const sr_item *it, const char *lang, char *out, size_t n) {
  const char *q = survey_text_pick(&it->q->text, lang).text;
  if (it->row)
    snprintf(out, n, "%s: %s", q, survey_text_pick(&it->row->text, lang).text);
  else
    snprintf(out, n, "%s", q);
}

static void count_cell(export_out *o, const sr_count *c) {
  if (c->mark)
    export_text(o, report_mark(c->mark));
  else
    export_int(o, c->n);
}

static void dec_or_blank(export_out *o, double v, int shown, int decimals) {
  if (shown && !isnan(v))
    export_dec(o, v, decimals);
  else
    export_blank(o);
}

static void header(export_out *o, report_tr trf, const char *lang, const char *const *cols, int n) {
  export_bold(o, 1);
  for (int i = 0; i < n; i++) export_tr(o, trf, lang, cols[i]);
  export_row_end(o);
  export_bold(o, 0);
}

static void write_summary(export_out *o, const sr_results *r, const char *lang, report_tr trf) {
  static const char *const C[] = {N_("Kysymys"),  N_("Teksti"),          N_("Vastauksia"), N_("Keskiarvo"),
                                  N_("Mediaani"), N_("Samaa mieltä, %"), N_("Raja")};
  header(o, trf, lang, C, 7);
  export_tr(o, trf, lang, N_("Vastaajia"));
  export_blank(o);
  count_cell(o, &r->responses);
  export_row_end(o);
  for (int i = 0; i < r->nitems; i++) {
    const sr_item *it = &r->items[i];
    char text[1024];
    item_text(it, lang, text, sizeof text);
    export_text(o, it->path);
    export_text(o, text);
    count_cell(o, &it->n);
    dec_or_blank(o, it->mean, it->numeric && it->stats_shown, 2);
    dec_or_blank(o, it->median, it->numeric && it->stats_shown, 1);
    dec_or_blank(o, it->share_ge * 100, it->ge && it->stats_shown, 1);
    if (it->ge)
      export_int(o, it->ge);
    else
      export_blank(o);
    export_row_end(o);
  }
}

static void write_dist(export_out *o, const sr_results *r, const char *lang, report_tr trf) {
  static const char *const C[] = {N_("Kysymys"), N_("Arvo"), N_("Selite"), N_("Lukumäärä"), N_("Osuus, %")};
  header(o, trf, lang, C, 5);
  for (int i = 0; i < r->nitems; i++) {
    const sr_item *it = &r->items[i];
    for (int k = 0; k < it->ndist; k++) {
      const sr_count *c = &it->dist[k];
      const char *label = sr_value_label(it, k, lang);
      export_text(o, it->path);
      export_text(o, c->key);
      export_text(o, label ? label : T(trf, lang, N_("Muu")));
      count_cell(o, c);
      int shown = !c->mark && !it->n.mark && it->n.n > 0 && (r->audience == SR_STAFF || it->n.n >= SUP_MIN);
      dec_or_blank(o, it->n.n ? (double)c->n * 100.0 / (double)it->n.n : NAN, shown, 1);
      export_row_end(o);
    }
  }
}

static void write_groups(export_out *o, const sr_results *r, const char *lang, report_tr trf) {
  static const char *const C[] = {N_("Kysymys"), N_("Tausta"), N_("Ryhmä"), N_("Vastauksia"), N_("Keskiarvo")};
  header(o, trf, lang, C, 5);
  for (int i = 0; i < r->nitems; i++) {
    const sr_item *it = &r->items[i];
    for (int dim = 0; dim < SR_NDIMS; dim++)
      for (int k = 0; k < it->ngroups[dim]; k++) {
        const sr_group *g = &it->groups[dim][k];
        export_text(o, it->path);
        export_tr(o, trf, lang, sr_dim_label(dim));
        export_text(o, g->label ? g->label : *g->c.key ? g->c.key : T(trf, lang, N_("ei tiedossa")));
        count_cell(o, &g->c);
        dec_or_blank(o, g->mean, !g->c.mark && (r->audience == SR_STAFF || g->c.n >= SUP_MIN), 2);
        export_row_end(o);
      }
  }
}

static void write_rates(export_out *o, const sr_results *r, const char *lang, report_tr trf) {
  static const char *const C[] = {N_("Toteutus"), N_("Kutsuttuja"), N_("Vastanneita"), N_("Vastausprosentti")};
  header(o, trf, lang, C, 4);
  for (int k = 0; k < r->nrates; k++) {
    const sr_rate *x = &r->rates[k];
    export_text(o, x->delivery_id ? x->label : T(trf, lang, N_("Ei toteutusta")));
    count_cell(o, &x->invited);
    count_cell(o, &x->answered);
    dec_or_blank(o, x->invited.n ? (double)x->answered.n * 100.0 / (double)x->invited.n : NAN, x->rate_shown, 1);
    export_row_end(o);
  }
  export_tr(o, trf, lang, N_("Yhteensä"));
  count_cell(o, &r->invited);
  count_cell(o, &r->answered);
  dec_or_blank(o, r->invited.n ? (double)r->answered.n * 100.0 / (double)r->invited.n : NAN, r->rate_shown, 1);
  export_row_end(o);
}

static void write_texts(export_out *o, const sr_results *r, const char *lang, report_tr trf) {
  static const char *const C[] = {N_("Kysymys"), N_("Vastaus")};
  header(o, trf, lang, C, 2);
  for (int i = 0; i < r->nitems; i++)
    for (int k = 0; k < r->items[i].ntexts; k++) {
      export_text(o, r->items[i].path);
      export_text(o, r->items[i].texts[k]);
      export_row_end(o);
    }
}

typedef void (*table_fn)(export_out *o, const sr_results *r, const char *lang, report_tr trf);

static const struct {
  const char *name, *title;
  table_fn fn;
} TABLES[] = {
    {"summary", N_("Kysymykset"), write_summary},     {"distribution", N_("Jakaumat"), write_dist},
    {"breakdowns", N_("Taustoittain"), write_groups}, {"response_rates", N_("Vastausprosentit"), write_rates},
    {"texts", N_("Avoimet vastaukset"), write_texts},
};

static void about_of(export_about *ab, const char *title, int publ, const char *lang, report_tr trf, char *today) {
  memset(ab, 0, sizeof *ab);
  export_today(today);
  ab->title = title;
  ab->made_label = T(trf, lang, EXPORT_MADE_LABEL), ab->made = today;
  ab->rule = T(trf, lang, export_rule(publ));
}

int survey_results_download(buf *out, const char *path, export_format fmt, const sr_results *r, const char *title,
                            const char *lang, report_tr trf, kerr *e) {
  int n = r->audience == SR_PUBLIC ? 4 : 5; /* open answers never go to the public */
  char today[16];
  export_about ab;
  about_of(&ab, title, r->audience != SR_STAFF, lang, trf, today);
  if (fmt != EXPORT_XLSX) {
    export_out o;
    export_csv_begin(&o, out, fmt);
    export_about_rows(&o, &ab);
    for (int k = 0; k < n; k++) {
      if (fmt == EXPORT_CSV_COMMA) {
        if (k) export_row_end(&o);
        buf_printf(out, "# %C\r\n", TABLES[k].name);
      } else {
        if (k) export_row_end(&o);
        export_tr(&o, trf, lang, TABLES[k].title);
        export_row_end(&o);
      }
      TABLES[k].fn(&o, r, lang, trf);
    }
    return K_OK;
  }
  export_book bk;
  if (export_book_open(&bk, path, e) != K_OK) return K_ERR;
  for (int k = 0; k < n; k++) {
    export_out o;
    export_book_sheet(&bk, &o, T(trf, lang, TABLES[k].title));
    export_about_rows(&o, &ab);
    TABLES[k].fn(&o, r, lang, trf);
  }
  return export_book_close(&bk, out, e);
}

/* ---- JSON ---- */

static void json_num(buf *b, double v, int shown) {
  if (!shown || isnan(v) || isinf(v))
    buf_puts(b, "null");
  else {
    char n[40];
    snprintf(n, sizeof n, "%.12g", v);
    buf_puts(b, n);
  }
}

static void json_count(buf *b, const char *name, const sr_count *c) {
  if (c->mark)
    buf_printf(b, "\"%r\":null,\"%r_suppressed\":\"%r\"", name, name, report_mark_reason(c->mark));
  else
    buf_printf(b, "\"%r\":%lld", name, c->n);
}

void survey_results_json(buf *b, const sr_results *r, const char *key, const char *title, const char *lang) {
  buf_printf(b, "{\"survey\":{\"id\":%lld,\"key\":%J,\"title\":%J},\"audience\":\"%r\",", r->survey_id, key, title,
             sr_audience_name(r->audience));
  json_count(b, "responses", &r->responses);
  buf_putc(b, ',');
  json_count(b, "invited", &r->invited);
  buf_putc(b, ',');
  json_count(b, "answered", &r->answered);
  buf_puts(b, ",\"response_rate\":");
  json_num(b, r->invited.n ? (double)r->answered.n / (double)r->invited.n : NAN, r->rate_shown);
  buf_puts(b, ",\"questions\":[");
  for (int i = 0; i < r->nitems; i++) {
    const sr_item *it = &r->items[i];
    if (i) buf_putc(b, ',');
    buf_printf(b, "{\"path\":%J,\"question\":%J,\"row\":%J,\"type\":%J,\"text\":%J,", it->path, it->q->key,
               it->row ? it->row->key : NULL, survey_type_name(it->q->type), survey_text_pick(&it->q->text, lang).text);
    if (it->row) buf_printf(b, "\"row_text\":%J,", survey_text_pick(&it->row->text, lang).text);
    json_count(b, "n", &it->n);
    if (it->numeric) {
      buf_puts(b, ",\"mean\":");
      json_num(b, it->mean, it->stats_shown);
      buf_puts(b, ",\"median\":");
      json_num(b, it->median, it->stats_shown);
    }
    if (it->ge) {
      buf_printf(b, ",\"share_ge\":{\"threshold\":%d,\"share\":", it->ge);
      json_num(b, it->share_ge, it->stats_shown);
      buf_putc(b, '}');
    }
    if (it->ndist) {
      buf_puts(b, ",\"distribution\":[");
      for (int k = 0; k < it->ndist; k++) {
        const char *label = sr_value_label(it, k, lang);
        buf_printf(b, "%r{\"value\":%J,\"label\":%J,", k ? "," : "", it->dist[k].key, label);
        json_count(b, "n", &it->dist[k]);
        buf_putc(b, '}');
      }
      buf_putc(b, ']');
    }
    if (it->numeric) {
      buf_puts(b, ",\"breakdowns\":{");
      for (int dim = 0; dim < SR_NDIMS; dim++) {
        buf_printf(b, "%r\"%r\":[", dim ? "," : "", sr_dim_name(dim));
        for (int k = 0; k < it->ngroups[dim]; k++) {
          const sr_group *g = &it->groups[dim][k];
          buf_printf(b, "%r{\"group\":%J,\"label\":%J,", k ? "," : "", g->c.key, g->label);
          json_count(b, "n", &g->c);
          buf_puts(b, ",\"mean\":");
          json_num(b, g->mean, !g->c.mark && (r->audience == SR_STAFF || g->c.n >= SUP_MIN));
          buf_putc(b, '}');
        }
        buf_putc(b, ']');
      }
      buf_putc(b, '}');
    }
    if (r->audience != SR_PUBLIC && (it->q->type == SQ_TEXT || it->q->other)) {
      buf_puts(b, ",\"texts\":[");
      for (int k = 0; k < it->ntexts; k++) buf_printf(b, "%r%J", k ? "," : "", it->texts[k]);
      buf_putc(b, ']');
    }
    buf_putc(b, '}');
  }
  buf_puts(b, "],\"response_rates\":[");
  for (int k = 0; k < r->nrates; k++) {
    const sr_rate *x = &r->rates[k];
    buf_printf(b, "%r{\"delivery_id\":", k ? "," : "");
    if (x->delivery_id)
      buf_printf(b, "%lld", x->delivery_id);
    else
      buf_puts(b, "null");
    buf_printf(b, ",\"label\":%J,", x->label);
    json_count(b, "invited", &x->invited);
    buf_putc(b, ',');
    json_count(b, "answered", &x->answered);
    buf_puts(b, ",\"rate\":");
    json_num(b, x->invited.n ? (double)x->answered.n / (double)x->invited.n : NAN, x->rate_shown);
    buf_putc(b, '}');
  }
  buf_puts(b, "]}");
}

/* ---- Paired change ---- */

static void pairs_item_text(const sr_pair_item *it, const char *lang, char *out, size_t n) {
  const char *q = survey_text_pick(&it->q->text, lang).text;
  if (it->row)
    snprintf(out, n, "%s: %s", q, survey_text_pick(&it->row->text, lang).text);
  else
    snprintf(out, n, "%s", q);
}

void survey_pairs_write(export_out *o, const sr_pairs *p, const char *lang, report_tr trf) {
  static const char *const C[] = {
      N_("Kysymys"), N_("Teksti"),        N_("Pareja"),       N_("Keskiarvo ennen"), N_("Keskiarvo jälkeen"),
      N_("Muutos"),  N_("Parantunut, %"), N_("Ennallaan, %"), N_("Heikentynyt, %"),  N_("Wilcoxon W"),
      N_("p")};
  header(o, trf, lang, C, 11);
  for (int i = 0; i < p->nitems; i++) {
    const sr_pair_item *it = &p->items[i];
    char text[1024];
    pairs_item_text(it, lang, text, sizeof text);
    export_text(o, it->path);
    export_text(o, text);
    count_cell(o, &it->pairs);
    dec_or_blank(o, it->mean_before, it->shown, 2);
    dec_or_blank(o, it->mean_after, it->shown, 2);
    dec_or_blank(o, it->mean_change, it->shown, 2);
    dec_or_blank(o, it->improved * 100, it->shares_shown, 1);
    dec_or_blank(o, it->same * 100, it->shares_shown, 1);
    dec_or_blank(o, it->worse * 100, it->shares_shown, 1);
    dec_or_blank(o, it->statistic, it->shown, 1);
    if (it->shown && !isnan(it->p) && it->p < 0.0001) /* 0,0000 would say nothing: the bound, as a text */
      export_text(o, o->fmt == EXPORT_CSV_COMMA ? "< 0.0001" : "< 0,0001");
    else
      dec_or_blank(o, it->p, it->shown, 4);
    export_row_end(o);
  }
}

int survey_pairs_download(buf *out, const char *path, export_format fmt, const sr_pairs *p, const char *lang,
                          report_tr trf, kerr *e) {
  char today[16], title[256];
  snprintf(title, sizeof title, "%s: %s", T(trf, lang, N_("Muutos ennen ja jälkeen")), p->series);
  export_about ab;
  about_of(&ab, title, p->audience != SR_STAFF, lang, trf, today);
  if (fmt != EXPORT_XLSX) {
    export_out o;
    export_csv_begin(&o, out, fmt);
    export_about_rows(&o, &ab);
    survey_pairs_write(&o, p, lang, trf);
    return K_OK;
  }
  export_book bk;
  if (export_book_open(&bk, path, e) != K_OK) return K_ERR;
  export_out o;
  export_book_sheet(&bk, &o, T(trf, lang, N_("Parit")));
  export_about_rows(&o, &ab);
  survey_pairs_write(&o, p, lang, trf);
  return export_book_close(&bk, out, e);
}

void survey_pairs_json(buf *b, const sr_pairs *p, const char *lang) {
  buf_printf(b, "{\"series\":%J,\"before\":%lld,\"after\":%lld,\"audience\":\"%r\",", p->series, p->before_id,
             p->after_id, sr_audience_name(p->audience));
  json_count(b, "respondents", &p->respondents);
  buf_puts(b, ",\"items\":[");
  for (int i = 0; i < p->nitems; i++) {
    const sr_pair_item *it = &p->items[i];
    char text[1024];
    pairs_item_text(it, lang, text, sizeof text);
    buf_printf(b, "%r{\"path\":%J,\"text\":%J,", i ? "," : "", it->path, text);
    json_count(b, "pairs", &it->pairs);
    const struct {
      const char *k;
      double v;
    } f[] = {{"mean_before", it->mean_before}, {"mean_after", it->mean_after},
             {"mean_change", it->mean_change}, {"improved_share", it->improved},
             {"same_share", it->same},         {"worse_share", it->worse},
             {"statistic", it->statistic},     {"p", it->p}};
    for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
      buf_printf(b, ",\"%r\":", f[k].k);
      json_num(b, f[k].v, k >= 3 && k <= 5 ? it->shares_shown : it->shown); /* 3-5: the shares */
    }
    buf_printf(b, ",\"exact\":%r}", it->shown && it->exact ? "true" : "false");
  }
  buf_puts(b, "]}");
}
