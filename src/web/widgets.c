/* widgets: page pieces shared by several pages: the deed search box and hit list, the moderation controls, the
 * service pages' choice lists, filter forms, counts and staff tabs. */
#include "web/widgets.h"

#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

#include "model/audit.h"
#include "model/evaluation.h"
#include "model/org.h"
#include "model/person.h"
#include "model/programme.h"
#include "model/service.h"
#include "report/placeholder.h"
#include "report/survey_results.h"

void services_admin_tabs(web_req *r, const char *active) {
  static const char *const tabs[][3] = {{"deliveries", "/hallinta/toteutukset", "Toteutukset"},
                                        {"services", "/hallinta/palvelut", "Palvelut"},
                                        {"coaches", "/hallinta/valmentajat", "Valmentajat"}};
  buf_printf(&r->out, "<nav aria-label=\"%h\"><ul class=\"tabs\">", T(r, "Palvelutoiminta"));
  for (int i = 0; i < 3; i++)
    buf_printf(&r->out, "<li><a href=\"%h%h\"%r>%h</a></li>", r->prefix, tabs[i][1],
               strcmp(active, tabs[i][0]) == 0 ? " aria-current=\"page\"" : "", T(r, tabs[i][2]));
  buf_puts(&r->out, "</ul></nav>\n");
}

/* Period choices "Name (2018–2020)" with ids as values, in the request arena. */
form_opt *services_period_opts(web_req *r, int *n) {
  programme *p = programme_get(r->db, &r->mem, r->lang);
  form_opt *o = arena_alloc(&r->mem, sizeof *o * (size_t)(p->nperiods ? p->nperiods : 1));
  for (int i = 0; i < p->nperiods; i++) {
    buf b = BUF_INIT;
    buf_printf(&b, "%lld", p->periods[i].id);
    o[i].value = arena_strdup(&r->mem, b.data);
    buf_reset(&b);
    buf_printf(&b, "%r (%d–%d)", p->periods[i].shown.text, p->periods[i].start_year, p->periods[i].end_year);
    o[i].label = arena_strdup(&r->mem, b.data);
    buf_free(&b);
  }
  *n = p->nperiods;
  return o;
}

form_opt *services_type_opts(web_req *r, int *n) {
  service_type *t = service_types(r->db, &r->mem, r->lang, n);
  form_opt *o = arena_alloc(&r->mem, sizeof *o * (size_t)(*n ? *n : 1));
  for (int i = 0; i < *n; i++) o[i] = (form_opt){t[i].code, t[i].name};
  return o;
}

void services_filter_form(web_req *r, const char *path, const char *type, const char *period) {
  form_ctx f = {r, NULL};
  int nt = 0, np = 0;
  form_opt *to = services_type_opts(r, &nt), *po = services_period_opts(r, &np);
  buf_printf(&r->out, "<form method=\"get\" action=\"%h%h\" class=\"filters\">", r->prefix, path);
  form_select(&f, "type", T(r, "Palvelutyyppi"), type, to, nt, 0, T(r, "Kaikki palvelutyypit"));
  form_select(&f, "period", T(r, "Rahoituskausi"), period, po, np, 0, T(r, "Kaikki kaudet"));
  services_filters_end(r);
}

void services_filters_end(web_req *r) {
  buf_printf(&r->out, "<div class=\"field\"><button type=\"submit\">%h</button></div></form>\n", T(r, "Näytä"));
}

void services_count_line(web_req *r, long long n, const char *one, const char *many) {
  buf_printf(&r->out, "<p role=\"status\">%N %h</p>\n", n, T(r, n == 1 ? one : many));
}

void moderation_actions(web_req *r, const deed *x) {
  buf *o = &r->out;
  buf_puts(o, "<div class=\"actions\">");
  if (strcmp(x->status, "published") != 0) {
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/tekot/%lld/julkaise\" class=\"inline\">", r->prefix,
               x->id);
    web_csrf_field(r);
    buf_printf(o, "<button type=\"submit\">%h<span class=\"visually-hidden\">: %h</span></button></form>",
               T(r, "Julkaise"), x->title);
  }
  if (strcmp(x->status, "rejected") != 0)
    buf_printf(o,
               "<a class=\"button secondary\" href=\"%h/hallinta/tekot/%lld/hylkaa\">%h<span "
               "class=\"visually-hidden\">: %h</span></a>",
               r->prefix, x->id, T(r, "Hylkää"), x->title);
  buf_printf(o, "<a href=\"%h/hallinta/tekot/%lld/muokkaa\">%h<span class=\"visually-hidden\">: %h</span></a>",
             r->prefix, x->id, T(r, "Muokkaa"), x->title);
  buf_puts(o, "</div>");
}

void deed_hits_write(web_req *r, const deed_hit *h, int n, const char *heading_tag) {
  buf *o = &r->out;
  buf_puts(o, "<ul class=\"deeds\">\n");
  for (int i = 0; i < n; i++) {
    buf_printf(o, "<li><%r%r><a href=\"%h/tekot/%lld\">%h</a></%r>\n<p class=\"meta\">%h", heading_tag, web_fi(r),
               r->prefix, h[i].id, h[i].title, heading_tag, h[i].organisation);
    if (*h[i].municipality && strcmp(h[i].municipality, h[i].organisation) != 0)
      buf_printf(o, " · %h", h[i].municipality);
    buf_printf(o, " · %h · %d", h[i].sector, h[i].year);
    if (h[i].awarded) buf_printf(o, " · <span class=\"award-kind\">%h</span>", T(r, "Palkittu"));
    buf_puts(o, "</p>\n");
    if (*h[i].snippet) /* HTML-safe by contract of deed_search */
      buf_printf(o, "<p%r>%r</p>", web_fi(r), h[i].snippet);
    buf_puts(o, "</li>\n");
  }
  buf_puts(o, "</ul>\n");
}

/* Without JavaScript this is a plain GET form. assets/suggest.js makes the box a WAI-ARIA 1.2 combobox over the
 * listbox below it (it sets the box's role and aria-* itself, so a page without the script promises nothing) and says
 * in the status line how many suggestions there are, in this page's words (data-one, data-many). */
void search_form_write(web_req *r, const char *q) {
  buf_printf(
      &r->out,
      "<form method=\"get\" action=\"%h/tekot\" role=\"search\" class=\"search\" data-suggest=\"%h/tekot/ehdotukset\">"
      "<label for=\"q\" class=\"visually-hidden\">%h</label>"
      "<div class=\"combo\"><input type=\"search\" id=\"q\" name=\"q\" value=\"%h\" placeholder=\"%h\">"
      "<ul id=\"q-options\" role=\"listbox\" aria-label=\"%h\" hidden></ul></div>"
      "<button type=\"submit\">%h</button>"
      "<p id=\"q-count\" class=\"visually-hidden\" role=\"status\" data-one=\"%h\" data-many=\"%h\"></p>"
      "</form>\n<script src=\"/static/suggest.js\" defer></script>\n",
      r->prefix, r->prefix, T(r, "Hae tekoja"), q ? q : "", T(r, "esim. työhyvinvointi, perehdytys, Tampere"),
      T(r, "Hakuehdotukset"), T(r, "Hae"), T(r, "ehdotus"), T(r, "ehdotusta"));
}

void search_suggest_answer(web_req *r, const char *lang) {
  const char *q = web_query(r, "q"), *out[SEARCH_SUGGEST_MAX];
  kerr e = {0};
  int n = q ? search_suggest(r->db, &r->mem, q, lang, out, SEARCH_BOX_SUGGESTIONS, &e) : 0;
  if (n < 0) {
    log_error("suggestions: %r", e.msg ? e.msg : "");
    kerr_clear(&e);
    web_json_error(r, 500, "suggestions failed");
    return;
  }
  r->ctype = "application/json; charset=utf-8";
  r->cache_control = "private, max-age=60";
  buf_putc(&r->out, '[');
  for (int i = 0; i < n; i++) buf_printf(&r->out, "%r%J", i ? "," : "", out[i]);
  buf_puts(&r->out, "]\n");
}

void choice_select(form_ctx *f, const char *name, const char *label, const char *value, const app_choice *v, int n,
                   int required, const char *empty) {
  form_opt *o = arena_alloc(&f->r->mem, sizeof *o * (size_t)(n ? n : 1));
  for (int i = 0; i < n; i++) {
    char *id = arena_alloc(&f->r->mem, 24);
    snprintf(id, 24, "%lld", v[i].id);
    o[i] = (form_opt){id, v[i].name};
  }
  form_select(f, name, label, value, o, n, required, empty);
}

/* ---- downloads ---- */

void export_links_write(web_req *r, const char *path, const char *query, const char *what) {
  const char *sep = *query ? "&" : "?";
  buf_printf(&r->out,
             "<p class=\"exports\">%h: <a href=\"%h%h.csv%h\">%h<span class=\"visually-hidden\"> – %h</span></a>"
             " · <a href=\"%h%h.csv%h%hformat=csv-comma\">%h<span class=\"visually-hidden\"> – %h</span></a>"
             " · <a href=\"%h%h.xlsx%h\">XLSX<span class=\"visually-hidden\"> – %h</span></a></p>\n",
             T(r, "Lataa"), r->prefix, path, query, T(r, "Excel (CSV)"), what, r->prefix, path, query, sep,
             T(r, "CSV pilkuin"), what, r->prefix, path, query, what);
}

/* The format of a download asked for as NAME.csv[?format=csv-comma] or NAME.xlsx, with the table name copied into
 * table; -1 for anything else. */
int export_request_format(web_req *r, const char *file, char *table, size_t n) {
  const char *dot = strrchr(file, '.');
  if (!dot || (size_t)(dot - file) >= n) return -1;
  memcpy(table, file, (size_t)(dot - file)), table[dot - file] = 0;
  if (!strcmp(dot, ".xlsx")) return EXPORT_XLSX;
  if (strcmp(dot, ".csv")) return -1;
  int f = export_format_of(web_query(r, "format"));
  return f == EXPORT_XLSX ? -1 : f;
}

/* Sends a download made into r->out: its content type and a file name "BASE-YYYY-MM-DD[-comma].csv|xlsx" (base is
 * ASCII without quotes). When making it failed (rc K_ERR) it logs e and answers 500 instead. */
void export_send(web_req *r, int f, const char *base, int rc, const kerr *e) {
  if (rc != K_OK) {
    log_error("export: %r", e->msg);
    buf_reset(&r->out);
    web_error(r, 500, T(r, "Taulukon luominen epäonnistui. Yritä hetken kuluttua uudelleen."));
    return;
  }
  r->ctype = f == EXPORT_XLSX ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                              : "text/csv; charset=utf-8";
  char day[17] = "";
  date_fi_local(db_now().s, day);
  day[10] = 0;
  buf disp = BUF_INIT;
  buf_printf(&disp, "attachment; filename=\"%r-%r%r.%r\"", base, day, f == EXPORT_CSV_COMMA ? "-comma" : "",
             f == EXPORT_XLSX ? "xlsx" : "csv");
  web_header(r, "Content-Disposition", disp.data);
  buf_free(&disp);
  r->cacheable = 0; /* the file states the day it was made */
}

/* ---- texts in three languages ---- */

const char *tr_lang(const tr *t) {
  return t->fallback ? " lang=\"fi\"" : "";
}

void tr_write(web_req *r, const char *tag, const char *cls, const tr *t) {
  buf_printf(&r->out, "<%r%r%h%r%r>%h</%r>", tag, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "", tr_lang(t),
             t->text, tag);
}

void markdown_write(web_req *r, const char *markdown) {
  /* CMARK_OPT_SAFE: raw HTML becomes a comment and unsafe link schemes are emptied (the default since cmark 0.29,
   * asked for explicitly so an older library behaves the same) */
  char *html = cmark_markdown_to_html(markdown ? markdown : "", markdown ? strlen(markdown) : 0,
                                      CMARK_OPT_SAFE | CMARK_OPT_SMART);
  if (html) buf_puts(&r->out, html); /* HTML made by cmark from escaped text: no raw input reaches it */
  free(html);
}

theme_labels theme_labels_get(web_req *r) {
  theme_labels tl = {0};
  tl.rows = themelist_rows(r->db, &r->mem, r->lang, -1, 0, &tl.n);
  return tl;
}

void theme_tags(web_req *r, const theme_labels *tl, const char *themes, int link) {
  if (util_blank(themes)) return;
  char *copy = arena_strdup(&r->mem, themes), *save = NULL;
  buf_puts(&r->out, "<ul class=\"tags\">");
  for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
    if (!*util_trim(t)) continue;
    tr label = themelist_label(tl->rows, tl->n, t, r->lang);
    if (link)
      buf_printf(&r->out, "<li><a href=\"%h/tekot?theme=%U\"%r>%h</a></li>", r->prefix, t, tr_lang(&label), label.text);
    else
      tr_write(r, "li", NULL, &label);
  }
  buf_puts(&r->out, "</ul>");
}

void tr_fieldsets(form_ctx *f, const tr_field *fields, int n) {
  static const char *const langs[] = {"fi", "sv", "en"}, *const suffix[] = {"", "_sv", "_en"};
  static const char *const legends[] = {N_("Suomeksi"), N_("Ruotsiksi"), N_("Englanniksi")};
  static const char *const in[] = {N_("suomeksi"), N_("ruotsiksi"), N_("englanniksi")};
  web_req *r = f->r;
  buf_puts(&r->out, "<div class=\"lang-columns\">\n");
  for (int li = 0; li < 3; li++) {
    buf_printf(&r->out, "<fieldset class=\"lang-column\"><legend>%h</legend>\n", T(r, legends[li]));
    for (int i = 0; i < n; i++) {
      const tr_field *x = &fields[i];
      char *name = arena_alloc(&r->mem, strlen(x->name) + 4);
      sprintf(name, "%s%s", x->name, suffix[li]);
      buf label = BUF_INIT;
      buf_printf(&label, "%r (%r)", T(r, x->label), T(r, in[li]));
      const char *hint = li == 0 ? x->hint : NULL;
      if (x->rows)
        form_textarea_lang(f, name, label.data, x->values[li], li == 0 && x->required, hint, x->rows, langs[li]);
      else
        form_input_lang(f, "text", name, label.data, x->values[li], li == 0 && x->required, hint, langs[li]);
      buf_free(&label);
    }
    buf_puts(&r->out, "</fieldset>\n");
  }
  buf_puts(&r->out, "</div>\n");
}

/* ---- confirmation of destructive actions ---- */

void confirm_page(web_req *r, const confirm_spec *c) {
  buf *o = &r->out;
  r->no_store = 1;
  page_begin(r, c->title, c->active);
  buf_printf(o, "<h1>%h</h1>\n<p class=\"lead\">%h</p>\n", c->title, c->what);
  buf_printf(o, "<form method=\"post\" action=\"%h%h\" class=\"confirm\">", r->prefix, c->action);
  web_csrf_field(r);
  if (c->field) buf_printf(o, "<input type=\"hidden\" name=\"%h\" value=\"%lld\">", c->field, c->id);
  buf_printf(o,
             "<input type=\"hidden\" name=\"confirm\" value=\"1\"><div class=\"actions\">"
             "<button type=\"submit\" class=\"danger\">%h</button> <a href=\"%h%h\">%h</a></div></form>\n",
             c->button, r->prefix, c->back, T(r, "Peruuta"));
  page_end(r);
}

int confirm_posted(web_req *r) {
  return !strcmp(web_field(r, "confirm"), "1");
}

int confirmed_delete(web_req *r, int (*del)(db *d, long long id, const char *by, kerr *e), const char *done) {
  if (strcmp(r->method, "POST") != 0 || !confirm_posted(r)) return 0;
  kerr e = {0};
  if (del(r->db, r->id, r->user.email, &e) == K_OK) {
    web_changed();
    web_redirectf(r, "%r", done);
  } else {
    web_error(r, 409, T(r, e.msg ? e.msg : N_("Poistaminen epäonnistui.")));
  }
  kerr_clear(&e);
  return 1;
}

form_opt *org_opts(web_req *r, int *n) {
  org_filter all = {0};
  org *v = org_list(r->db, &r->mem, &all, WIDGETS_MAX_CHOICES, 0, n);
  form_opt *o = arena_alloc(&r->mem, sizeof *o * (size_t)(*n ? *n : 1));
  for (int i = 0; i < *n; i++) {
    char *id = arena_alloc(&r->mem, 24);
    snprintf(id, 24, "%lld", v[i].id);
    o[i] = (form_opt){id, v[i].name};
  }
  return o;
}

form_opt *role_opts(web_req *r) {
  form_opt *o = arena_alloc(&r->mem, sizeof *o * PERSON_NROLES);
  for (int i = 0; i < PERSON_NROLES; i++)
    o[i] = (form_opt){person_role_at(i), T(r, person_role_label(person_role_at(i)))};
  return o;
}

int audited_or_reply(web_req *r, const char *subject, const char *detail) {
  r->no_store = 1;
  if (audit_log(r->db, r->user.email, "view", subject, detail) == K_OK) return 1;
  web_error(r, 500, T(r, "Tietoja ei voitu näyttää. Yritä hetken kuluttua uudelleen."));
  return 0;
}

const char *award_result_label(web_req *r, const char *result) {
  if (!result) return T(r, "Ei päätöstä");
  return !strcmp(result, "award") ? T(r, "Palkinto") : T(r, "Kunniamaininta");
}

/* ---- the help box of texts with figures ---- */

/* The placeholders an author can use, with each stats figure as the public reads it now. */
void placeholder_help(web_req *r) {
  buf *o = &r->out;
  buf_printf(
      o, "<aside class=\"note placeholders\" aria-labelledby=\"h-placeholders\">\n<h2 id=\"h-placeholders\">%h</h2>\n",
      T(r, "Luvut teksteissä"));
  buf_printf(o, "<p>%h</p>\n",
             T(r, "Kirjoita tekstiin luvun nimi kaksoisaaltosulkeissa, esimerkiksi {{stats.participants}}. Sivulla "
                  "näkyy aina tämänhetkinen luku samoin rajauksin kuin tilastoissa: alle viiden henkilön luvut "
                  "näkyvät muodossa < 5. Desimaalit voi valita: {{survey.3.q1.mean|2}}."));
  const char **names, **values;
  int n = placeholder_stats_list(r->db, &r->mem, SR_PUBLIC, r->lang, &names, &values);
  web_table_begin(r, "list", T(r, "Tilastojen luvut"), 0);
  buf_printf(o, "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\" class=\"num\">%h</th></tr></thead>\n<tbody>\n",
             T(r, "Luvun nimi"), T(r, "Julkinen arvo nyt"));
  for (int i = 0; i < n; i++)
    buf_printf(o, "<tr><td><code>{{%h}}</code></td><td class=\"num\">%h</td></tr>\n", names[i], values[i]);
  web_table_end(r);
  buf_printf(o, "<dl class=\"facts\">\n<dt><code>{{stats.TAULUKKO.RIVI.SARAKE}}</code></dt><dd>%h</dd>\n",
             T(r, "Tilastojen erittelyn solu, esim. {{stats.region.FI1B1.people}} tai {{stats.sector.total.people}}: "
                  "taulukot service_type, role, sector, org_type, region, year, gender, age, labour, education; "
                  "rivin koodi kuten CSV-tiedostoissa tai total; sarakkeet organisations, people, participations, "
                  "participants. Rahoituskauden luvut: {{stats.period.ID.…}}."));
  buf_printf(o, "<dt><code>{{survey.ID.MITTA}}</code></dt><dd>%h",
             T(r, "Kyselyn luku, esim. {{survey.3.q1.mean}}, "
                  "{{survey.3.q1.share_ge_4}}, "
                  "{{survey.3.responses}}."));
  int ns = 0;
  eval_survey *s = evaluation_surveys(r->db, &r->mem, r->lang, &ns);
  if (ns) {
    buf_printf(o, " %h ", T(r, "Kyselyt:"));
    for (int i = 0; i < ns; i++)
      buf_printf(o, "%r<span%r>%h</span> = <code>%lld</code>", i ? ", " : "", tr_lang(&s[i].title), s[i].title.text,
                 s[i].id);
  }
  buf_printf(o, "</dd>\n<dt><code>{{pairs.SARJA.MITTA}}</code></dt><dd>%h</dd>\n</dl>\n",
             T(r, "Ennen ja jälkeen -parien luku, esim. {{pairs.sparraus.q1.mean_change}} tai "
                  "{{pairs.sparraus.q1.p}}. Mitat on lueteltu ohjeessa (README, Figures in texts)."));
  buf_puts(o, "</aside>\n");
}
