/* pages/survey_results: a survey's results (tables, bars, breakdowns, response rates, open answers, the series'
 * paired change) for staff (every figure), evaluators (suppressed) and, once published, everyone (suppressed), with
 * downloads; and the paired change's downloads. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "model/survey.h"
#include "report/sav.h"
#include "report/suppress.h"
#include "report/survey_results.h"
#include "web/pages/survey_results.h"
#include "core/svg.h"
#include "web/widgets.h"

#define NOT_FOUND N_("Hakemaasi sivua ei ole. Tarkista osoite tai aloita etusivulta.")

/* A number with decimals digits, the decimal comma in Finnish and Swedish. */
static void dec(web_req *r, double v, int decimals) {
  char s[48];
  snprintf(s, sizeof s, "%.*f", decimals, v);
  if (strcmp(r->lang, "en") != 0)
    for (char *p = s; *p; p++)
      if (*p == '.') *p = ',';
  if (s[0] == '-') { /* a real minus sign */
    buf_puts(&r->out, "−");
    buf_printf(&r->out, "%h", s + 1);
  } else
    buf_printf(&r->out, "%h", s);
}

static void count(web_req *r, const sr_count *c) {
  if (c->mark)
    buf_printf(&r->out, "%h", report_mark(c->mark));
  else
    buf_printf(&r->out, "%N", c->n);
}

/* A mean, share (as per cent) or p when shown, else "–". */
static void fig(web_req *r, double v, int shown, int decimals) {
  if (shown && !isnan(v))
    dec(r, v, decimals);
  else
    buf_puts(&r->out, "–");
}

static const char *item_title(web_req *r, const sr_item *it) {
  tr q = survey_text_pick(&it->q->text, r->lang);
  if (!it->row) return q.text;
  buf b = BUF_INIT;
  buf_printf(&b, "%r: %r", q.text, survey_text_pick(&it->row->text, r->lang).text);
  return arena_adopt(&r->mem, buf_detach(&b));
}

static const char *value_label(web_req *r, const sr_item *it, int k) {
  const char *l = sr_value_label(it, k, r->lang);
  if (!l) return T(r, "Muu");
  if (!*l || it->q->type == SQ_SINGLE || it->q->type == SQ_MULTIPLE) {
    if (it->q->type == SQ_SINGLE || it->q->type == SQ_MULTIPLE) return l;
    return it->dist[k].key;
  }
  buf b = BUF_INIT;
  buf_printf(&b, "%r (%r)", it->dist[k].key, l);
  return arena_adopt(&r->mem, buf_detach(&b));
}

static void item_figures(web_req *r, const sr_item *it) {
  buf *o = &r->out;
  buf_printf(o, "<p class=\"figures-line\">%h: <strong>", T(r, "Vastauksia"));
  count(r, &it->n);
  buf_puts(o, "</strong>");
  if (it->numeric) {
    buf_printf(o, " · %h: <strong>", T(r, "Keskiarvo"));
    fig(r, it->mean, it->stats_shown, 2);
    buf_printf(o, "</strong> · %h: <strong>", T(r, "Mediaani"));
    fig(r, it->median, it->stats_shown, 1);
    buf_puts(o, "</strong>");
  }
  if (it->ge) {
    buf_printf(o, " · %h %d–%d: <strong>", T(r, "Osuus vastauksista"), it->ge,
               it->q->type == SQ_MATRIX ? (it->q->scale == SQ_LIKERT7   ? 7
                                           : it->q->scale == SQ_SCALE10 ? 10
                                                                        : 5)
                                        : (it->q->type == SQ_LIKERT7   ? 7
                                           : it->q->type == SQ_SCALE10 ? 10
                                                                       : 5));
    fig(r, it->share_ge * 100, it->stats_shown, 1);
    buf_puts(o, " %</strong>");
  }
  buf_puts(o, "</p>\n");
}

static void dist_table(web_req *r, const sr_results *res, const sr_item *it, int k) {
  buf *o = &r->out;
  const char *title = item_title(r, it);
  svg_item *bars = arena_alloc(&r->mem, sizeof *bars * (size_t)it->ndist);
  for (int i = 0; i < it->ndist; i++) bars[i] = (svg_item){"", value_label(r, it, i), it->dist[i].n, it->dist[i].mark};
  char id[32];
  snprintf(id, sizeof id, "c-q%d", k);
  buf_puts(o, "<div class=\"chart-table\"><figure class=\"chart-figure\">");
  svg_bars(o, id, title, T(r, "Vastausten jakauma"), bars, it->ndist);
  buf_puts(o, "</figure>\n");
  web_table_begin(r, "stats", title, 1);
  buf_printf(o,
             "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\" class=\"num\">%h</th>"
             "<th scope=\"col\" class=\"num\">%h</th></tr></thead>\n<tbody>\n",
             T(r, "Vastaus"), T(r, "Lukumäärä"), T(r, "Osuus, %"));
  for (int i = 0; i < it->ndist; i++) {
    const sr_count *c = &it->dist[i];
    buf_printf(o, "<tr><th scope=\"row\">%h</th><td class=\"num\">", value_label(r, it, i));
    count(r, c);
    buf_puts(o, "</td><td class=\"num\">");
    int shown = !c->mark && !it->n.mark && it->n.n > 0 && (res->audience == SR_STAFF || it->n.n >= SUP_MIN);
    fig(r, it->n.n ? (double)c->n * 100.0 / (double)it->n.n : NAN, shown, 1);
    buf_puts(o, "</td></tr>\n");
  }
  web_table_end(r);
  buf_puts(o, "</div>\n");
}

static const char *group_label(web_req *r, int dim, const char *code) {
  if (!*code) return T(r, "ei tiedossa");
  const char *l = sr_group_label(r->db, &r->mem, dim, code, r->lang);
  return dim == SR_DIM_ROLE ? T(r, l) : l;
}

static void breakdowns(web_req *r, const sr_results *res, const sr_item *it) {
  int any = 0;
  for (int dim = 0; dim < SR_NDIMS; dim++) any |= it->ngroups[dim] > 0;
  if (!any) return;
  buf *o = &r->out;
  buf_printf(o, "<details class=\"breakdowns\"><summary>%h</summary>\n", T(r, "Taustoittain"));
  buf b = BUF_INIT;
  buf_printf(&b, "%r: %r", T(r, "Taustoittain"), item_title(r, it));
  web_table_begin(r, "stats", b.data, 0);
  buf_free(&b);
  buf_printf(o,
             "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\">%h</th><th scope=\"col\" class=\"num\">%h</th>"
             "<th scope=\"col\" class=\"num\">%h</th></tr></thead>\n<tbody>\n",
             T(r, "Tausta"), T(r, "Ryhmä"), T(r, "Vastauksia"), T(r, "Keskiarvo"));
  for (int dim = 0; dim < SR_NDIMS; dim++)
    for (int k = 0; k < it->ngroups[dim]; k++) {
      const sr_group *g = &it->groups[dim][k];
      buf_printf(o, "<tr><td>%h</td><th scope=\"row\">%h</th><td class=\"num\">", T(r, sr_dim_label(dim)),
                 group_label(r, dim, g->c.key));
      count(r, &g->c);
      buf_puts(o, "</td><td class=\"num\">");
      fig(r, g->mean, !g->c.mark && (res->audience == SR_STAFF || g->c.n >= SUP_MIN), 2);
      buf_puts(o, "</td></tr>\n");
    }
  web_table_end(r);
  buf_puts(o, "</details>\n");
}

static void texts(web_req *r, const sr_item *it) {
  if (!it->ntexts) return;
  buf *o = &r->out;
  buf_printf(o, "<h3>%h</h3>\n<ul class=\"open-answers\">\n",
             it->q->type == SQ_TEXT ? T(r, "Avoimet vastaukset") : T(r, "Muu, mikä?"));
  for (int k = 0; k < it->ntexts; k++) buf_printf(o, "<li>%h</li>\n", it->texts[k]);
  buf_puts(o, "</ul>\n");
}

static void rates(web_req *r, const sr_results *res) {
  buf *o = &r->out;
  if (!res->nrates) return;
  buf_printf(o, "<h2 id=\"vastausprosentit\">%h</h2>\n", T(r, "Vastausprosentit"));
  web_table_begin(r, "stats", T(r, "Vastausprosentit toteutuksittain"), 0);
  buf_printf(o,
             "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\" class=\"num\">%h</th>"
             "<th scope=\"col\" class=\"num\">%h</th><th scope=\"col\" class=\"num\">%h</th></tr></thead>\n<tbody>\n",
             T(r, "Toteutus"), T(r, "Kutsuttuja"), T(r, "Vastanneita"), T(r, "Vastausprosentti"));
  for (int k = 0; k <= res->nrates; k++) {
    const sr_rate *x = k < res->nrates ? &res->rates[k] : NULL;
    const sr_count *inv = x ? &x->invited : &res->invited, *ans = x ? &x->answered : &res->answered;
    buf_printf(o, "<tr%r><th scope=\"row\">%h</th><td class=\"num\">", x ? "" : " class=\"total\"",
               x ? (x->delivery_id ? x->label : T(r, "Ei toteutusta")) : T(r, "Yhteensä"));
    count(r, inv);
    buf_puts(o, "</td><td class=\"num\">");
    count(r, ans);
    buf_puts(o, "</td><td class=\"num\">");
    fig(r, inv->n ? (double)ans->n * 100.0 / (double)inv->n : NAN, x ? x->rate_shown : res->rate_shown, 1);
    buf_puts(o, "</td></tr>\n");
  }
  web_table_end(r);
}

void survey_pairs_table(web_req *r, const sr_pairs *p, const char *caption) {
  buf *o = &r->out;
  web_table_begin(r, "stats", caption, 0);
  static const char *const H[] = {N_("Pareja"),        N_("Keskiarvo ennen"), N_("Keskiarvo jälkeen"), N_("Muutos"),
                                  N_("Parantunut, %"), N_("Ennallaan, %"),    N_("Heikentynyt, %"),    N_("p")};
  buf_printf(o, "<thead><tr><th scope=\"col\">%h</th>", T(r, "Kysymys"));
  for (size_t k = 0; k < sizeof H / sizeof H[0]; k++)
    buf_printf(o, "<th scope=\"col\" class=\"num\">%h</th>", T(r, H[k]));
  buf_puts(o, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < p->nitems; i++) {
    const sr_pair_item *it = &p->items[i];
    tr q = survey_text_pick(&it->q->text, r->lang);
    buf_printf(o, "<tr><th scope=\"row\">%h", q.text);
    if (it->row) buf_printf(o, ": %h", survey_text_pick(&it->row->text, r->lang).text);
    buf_puts(o, "</th><td class=\"num\">");
    count(r, &it->pairs);
    const double v[] = {it->mean_before, it->mean_after, it->mean_change, it->improved * 100, it->same * 100,
                        it->worse * 100, it->p};
    const int d[] = {2, 2, 2, 1, 1, 1, 3};
    for (int k = 0; k < 7; k++) {
      buf_puts(o, "</td><td class=\"num\">");
      if (k == 6 && it->shown && !isnan(v[k]) && v[k] < 0.001) { /* 0,000 would say nothing: the bound */
        buf_puts(o, "&lt; ");
        dec(r, 0.001, 3);
      } else
        fig(r, v[k], k >= 3 && k <= 5 ? it->shares_shown : it->shown, d[k]); /* 3-5: the shares */
    }
    buf_puts(o, "</td></tr>\n");
  }
  web_table_end(r);
}

/* The series' pairs for this audience, or NULL (e cleared). The public sees them only when the results of both
 * the before and the after survey are published: the means before and after are figures of each. */
static sr_pairs *pairs_for(web_req *r, const survey_info *s, int audience) {
  kerr e = {0};
  sr_pairs *p = survey_pairs(r->db, &r->mem, s->series, audience, &e);
  kerr_clear(&e);
  if (p && audience == SR_PUBLIC) {
    survey_info *b = survey_get(r->db, &r->mem, p->before_id, r->lang),
                *f = survey_get(r->db, &r->mem, p->after_id, r->lang);
    if (!b || !f || !b->results_public || !f->results_public) return NULL;
  }
  return p;
}

static void pairs_section(web_req *r, const survey_info *s, int audience, const char *base) {
  if (!*s->series) return;
  sr_pairs *p = pairs_for(r, s, audience);
  if (!p) return; /* no before or after survey yet, or one not published */
  buf *o = &r->out;
  buf_printf(o, "<section class=\"pairs\">\n<h2 id=\"muutos\">%h</h2>\n<p>%h <strong>", T(r, "Muutos ennen ja jälkeen"),
             T(r, "Samat vastaajat alku- ja loppukyselyssä (pareja):"));
  count(r, &p->respondents);
  buf_printf(o, "</strong>. %h</p>\n",
             T(r, "Muutos on loppukyselyn vastaus miinus alkukyselyn vastaus. p on Wilcoxonin merkittyjen sijalukujen "
                  "testin kaksisuuntainen p-arvo."));
  survey_pairs_table(r, p, T(r, "Muutos ennen ja jälkeen"));
  buf b = BUF_INIT;
  buf_printf(&b, "%r/parit", base);
  export_links_write(r, b.data, "", T(r, "Muutos ennen ja jälkeen"));
  buf_free(&b);
  buf_puts(o, "</section>\n");
}

static void suppression_note(web_req *r) {
  buf_printf(&r->out, "<div class=\"note\" id=\"merkit\"><p>%h</p>\n<p>%h<br>%h</p></div>\n",
             T(r, "Alle viiden vastauksen luvut näytetään muodossa < 5, eikä niitä voi päätellä muista luvuista. "
                  "Keskiarvoa, mediaania ja osuutta ei näytetä, kun vastauksia on alle viisi tai kun jokin kysymyksen "
                  "jakauman luku on piilotettu; parien osuuksia parantuneista, ennallaan pysyneistä ja heikentyneistä "
                  "ei näytetä, kun jokin niistä on alle viisi."),
             T(r, report_mark_note(SUP_SMALL)), T(r, report_mark_note(SUP_SECONDARY)));
}

/* The survey of r->id for audience, or NULL after a 404 (the public: only published results). */
static survey_info *survey_or_404(web_req *r, int audience) {
  survey_info *s = survey_get(r->db, &r->mem, r->id, r->lang);
  if (!s || (audience == SR_PUBLIC && !s->results_public)) {
    web_error(r, 404, T(r, NOT_FOUND));
    return NULL;
  }
  return s;
}

static int audience_of(web_req *r, int public_route) {
  if (public_route) return SR_PUBLIC;
  return user_is_staff(&r->user) ? SR_STAFF : SR_EVALUATOR;
}

static void results_page(web_req *r, int public_route) {
  int audience = audience_of(r, public_route);
  survey_info *s = survey_or_404(r, audience);
  if (!s) return;
  kerr e = {0};
  sr_results *res = survey_results(r->db, &r->mem, s->id, audience, &e);
  if (!res) {
    web_error(r, 500, e.msg ? e.msg : T(r, NOT_FOUND));
    kerr_clear(&e);
    return;
  }
  buf *o = &r->out;
  buf title = BUF_INIT;
  buf_printf(&title, "%r: %r", T(r, "Tulokset"), s->title.text);
  page_begin(r, title.data, public_route ? "" : "surveys");
  buf_printf(o, "<h1>%h</h1>\n", title.data);
  buf_free(&title);
  buf_printf(o, "<p>%h: <strong>", T(r, "Vastaajia"));
  count(r, &res->responses);
  buf_puts(o, "</strong>");
  if (res->invited.n) {
    buf_printf(o, " · %h: <strong>", T(r, "Vastausprosentti"));
    fig(r, res->invited.n ? (double)res->answered.n * 100.0 / (double)res->invited.n : NAN, res->rate_shown, 1);
    buf_puts(o, " %</strong>");
  }
  buf_puts(o, "</p>\n");
  if (audience == SR_EVALUATOR)
    buf_printf(o, "<p>%h</p>\n",
               T(r, "Arvioijana näet luvut salattuina kuten julkisesti: alle viiden vastauksen "
                    "luvut eivät näy."));
  char base[64];
  snprintf(base, sizeof base, "%s/kyselyt/%lld/tulokset", public_route ? "" : "/hallinta", s->id);
  buf b = BUF_INIT;
  buf_printf(&b, "%r/tulokset", base);
  export_links_write(r, b.data, "", T(r, "Tulokset"));
  buf_free(&b);
  if (audience == SR_STAFF)
    buf_printf(o, "<p><a href=\"%h%h/tulokset.sav\" download>%h</a></p>\n", r->prefix, base,
               T(r, "Lataa vastaukset SPSS-tiedostona (.sav)"));
  for (int i = 0; i < res->nitems; i++) {
    const sr_item *it = &res->items[i];
    buf_printf(o, "<section class=\"question\">\n<h2 id=\"k-%h\">%h</h2>\n", it->path, item_title(r, it));
    item_figures(r, it);
    if (it->ndist) dist_table(r, res, it, i);
    breakdowns(r, res, it);
    if (audience != SR_PUBLIC) texts(r, it);
    buf_puts(o, "</section>\n");
  }
  rates(r, res);
  pairs_section(r, s, audience, base);
  if (audience != SR_STAFF) suppression_note(r);
  page_end(r);
}

static void page_results_admin(web_req *r) {
  results_page(r, 0);
}
static void page_results_public(web_req *r) {
  results_page(r, 1);
}

/* The .sav download (staff): written to a temporary file by libreadstat, then sent. */
static void send_sav(web_req *r, const survey_info *s) {
  char path[] = "/tmp/kehto-sav-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) {
    web_error(r, 500, T(r, NOT_FOUND));
    return;
  }
  close(fd);
  kerr e = {0};
  survey_def *def = survey_load(r->db, &r->mem, s->id);
  int rc = def ? sav_write_survey(r->db, s->id, def, path, r->lang, i18n_get, &e) : K_ERR;
  FILE *f = rc == K_OK ? fopen(path, "rb") : NULL;
  if (f) {
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(&r->out, chunk, n);
    fclose(f);
  }
  unlink(path);
  if (!f) {
    log_error("sav of survey %lld: %r", s->id, e.msg ? e.msg : "");
    kerr_clear(&e);
    web_error(r, 500, T(r, NOT_FOUND));
    return;
  }
  r->ctype = "application/x-spss-sav";
  char disp[96];
  snprintf(disp, sizeof disp, "attachment; filename=\"kysely-%lld.sav\"", s->id);
  web_header(r, "Content-Disposition", disp);
}

/* GET …/tulokset/tulokset.csv|.xlsx (and .sav for staff), …/tulokset/parit.csv|.xlsx */
static void results_file(web_req *r, int public_route) {
  int audience = audience_of(r, public_route);
  survey_info *s = survey_or_404(r, audience);
  if (!s) return;
  const char *file = strrchr(r->path, '/') + 1;
  if (audience == SR_STAFF && !strcmp(file, "tulokset.sav")) {
    send_sav(r, s);
    return;
  }
  char name[32] = "";
  int f = export_request_format(r, file, name, sizeof name);
  int pairs = !strcmp(name, "parit");
  if (f < 0 || (!pairs && strcmp(name, "tulokset")) || (pairs && !*s->series)) {
    web_error(r, 404, T(r, NOT_FOUND));
    return;
  }
  kerr e = {0};
  int rc;
  char base[64];
  if (pairs) {
    sr_pairs *p = pairs_for(r, s, audience);
    if (!p) {
      web_error(r, 404, T(r, NOT_FOUND));
      return;
    }
    rc = survey_pairs_download(&r->out, NULL, f, p, r->lang, i18n_get, &e);
    snprintf(base, sizeof base, "kysely-%lld-parit", s->id);
  } else {
    sr_results *res = survey_results(r->db, &r->mem, s->id, audience, &e);
    if (res) sr_label_groups(r->db, &r->mem, res, r->lang, i18n_get);
    rc = res ? survey_results_download(&r->out, NULL, f, res, s->title.text, r->lang, i18n_get, &e) : K_ERR;
    snprintf(base, sizeof base, "kysely-%lld-tulokset", s->id);
  }
  export_send(r, f, base, rc, &e);
  kerr_clear(&e);
}

static void file_admin(web_req *r) {
  results_file(r, 0);
}
static void file_public(web_req *r) {
  results_file(r, 1);
}

const route survey_results_routes[] = {
    {"GET", "/hallinta/kyselyt/{id}/tulokset", page_results_admin, .flags = ROUTE_ANY_STAFF | ROUTE_EVALUATOR},
    {"GET", "/hallinta/kyselyt/{id}/tulokset/{file}", file_admin, .flags = ROUTE_ANY_STAFF | ROUTE_EVALUATOR},
    {"GET", "/kyselyt/{id}/tulokset", page_results_public, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/kyselyt/{id}/tulokset/{file}", file_public, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {0},
};
