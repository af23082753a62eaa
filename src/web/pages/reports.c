/* reports: the staff's page of the narrative reports to the funder /hallinta/raportit: the annual and final reports'
 * texts in Finnish and Swedish (a year's own annual text or the one for every year), their editor with the figures
 * checked beside the field, the report as HTML and its PDF download. */
#include <stdio.h>
#include <string.h>

#include "model/report_template.h"
#include "report/narrative.h"
#include "web/form.h"
#include "web/pages/reports.h"
#include "web/widgets.h"

static const char *const LANGS[] = {"fi", "sv"};

/* kind, year and lang of a query or form; 0 (and status sent: 404, or 403 for a form without a fresh token) when
 * they name no report text. */
static int key_or_reply(web_req *r, const char **kind, int *year, const char **lang, int from_form, int status) {
  const char *(*get)(web_req *, const char *) = from_form ? web_field : web_query;
  const char *y = get(r, "year");
  long long v = 0;
  *kind = get(r, "kind"), *lang = get(r, "lang");
  if (!*lang || !**lang) *lang = "fi";
  int ok = rtemplate_kind_ok(*kind) && rtemplate_lang_ok(*lang) &&
           (!y || !*y || util_parse_int(y, 0, 2100, &v) == K_OK) && (!v || (!strcmp(*kind, "annual") && v >= 2000));
  *year = (int)v;
  if (!ok) web_error(r, status, status == 403 ? T(r, "Lomakkeen turvatunniste oli vanhentunut. Tarkista tiedot ja lähetä lomake uudelleen.") : T(r, "Raporttia ei ole."));
  return ok;
}

/* "Vuosiraportti 2019", "Vuosiraportti, kaikki vuodet", "Loppuraportti" in the page's language (in r->mem). */
static const char *report_name(web_req *r, const char *kind, int year) {
  if (!strcmp(kind, "final")) return T(r, "Loppuraportti");
  if (!year) return T(r, "Vuosiraportti, kaikkien vuosien teksti");
  return arena_adopt(&r->mem, buf_mprintf("%r %d", T(r, "Vuosiraportti"), year));
}

static const char *lang_name(web_req *r, const char *lang) {
  return !strcmp(lang, "sv") ? T(r, "ruotsiksi") : T(r, "suomeksi");
}

/* "kind=annual&year=2019&lang=fi" for links, in r->mem. */
static const char *key_query(web_req *r, const char *kind, int year, const char *lang) {
  return arena_adopt(&r->mem, buf_mprintf("kind=%U&year=%d&lang=%U", kind, year, lang));
}

/* One row of the texts' table: the report and, for each language, whether it has a text and its edit link. */
static void text_row(web_req *r, const rtemplate *all, int n, const char *kind, int year) {
  buf *o = &r->out;
  const char *name = report_name(r, kind, year);
  buf_printf(o, "<tr><th scope=\"row\">%h</th>", name);
  for (int l = 0; l < 2; l++) {
    const rtemplate *t = NULL;
    for (int i = 0; i < n; i++)
      if (!strcmp(all[i].kind, kind) && all[i].year == year && !strcmp(all[i].lang, LANGS[l])) t = &all[i];
    buf_puts(o, "<td>");
    if (t)
      buf_printf(o, "%h %D ", T(r, "päivitetty"), t->updated_at);
    else
      buf_printf(o, "%h ", year ? T(r, "kaikkien vuosien teksti") : T(r, "ei tekstiä"));
    buf_printf(o, "<a href=\"%h/hallinta/raportit/teksti?%h\">%h<span class=\"visually-hidden\">: %h %h</span></a></td>",
               r->prefix, key_query(r, kind, year, LANGS[l]), T(r, "Muokkaa"), name, lang_name(r, LANGS[l]));
  }
  buf_puts(o, "</tr>\n");
}

static void texts_table(web_req *r, int first, int last) {
  int n = 0;
  rtemplate *all = rtemplate_list(r->db, &r->mem, &n);
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n<p>%h</p>\n", T(r, "Tekstit"),
             T(r, "Vuosiraportti käyttää vuoden omaa tekstiä, jos sellainen on, muuten kaikkien vuosien tekstiä."));
  web_table_begin(r, "list", T(r, "Raporttien tekstit"), 1);
  buf_printf(o, "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\">%h</th><th scope=\"col\">%h</th></tr></thead>\n"
                "<tbody>\n",
             T(r, "Raportti"), T(r, "Suomi"), T(r, "Ruotsi"));
  text_row(r, all, n, "annual", 0);
  for (int y = first; y <= last; y++) text_row(r, all, n, "annual", y);
  text_row(r, all, n, "final", 0);
  web_table_end(r);
}

/* One row of the reports' table: the HTML and the PDF in each language. */
static void download_row(web_req *r, const char *kind, int year) {
  buf *o = &r->out;
  const char *name = report_name(r, kind, year);
  buf_printf(o, "<tr><th scope=\"row\">%h</th>", name);
  for (int l = 0; l < 2; l++) {
    const char *q = key_query(r, kind, year, LANGS[l]);
    buf_printf(o,
               "<td><a href=\"%h/hallinta/raportit/nayta?%h\">%h<span class=\"visually-hidden\">: %h %h</span></a> · "
               "<a class=\"button secondary\" href=\"%h/hallinta/raportit/pdf?%h\" download>%h<span "
               "class=\"visually-hidden\">: %h %h</span></a></td>",
               r->prefix, q, T(r, "Näytä"), name, lang_name(r, LANGS[l]), r->prefix, q, T(r, "Lataa PDF"), name,
               lang_name(r, LANGS[l]));
  }
  buf_puts(o, "</tr>\n");
}

static void page_reports(web_req *r) {
  page_begin(r, T(r, "Raportit"), "reports");
  buf *o = &r->out;
  buf_printf(o, "<h1>%h</h1>\n<p>%h</p>\n", T(r, "Raportit rahoittajalle"),
             T(r, "Vuosiraportit ja loppuraportti tehdään teksteistä, joiden luvut, taulukot ja kaaviot ovat aina "
                  "samat kuin julkisissa tilastoissa."));
  if (!strcmp(web_query(r, "done") ? web_query(r, "done") : "", "saved"))
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, "Tallennettu."));
  int first, last;
  if (!narrative_years(r->db, &first, &last))
    buf_printf(o, "<p>%h</p>\n", T(r, "Ohjelmalla ei ole vielä rahoituskausia."));
  texts_table(r, first, last);
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Raportit"));
  web_table_begin(r, "list", T(r, "Raportit"), 1);
  buf_printf(o, "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\">%h</th><th scope=\"col\">%h</th></tr></thead>\n"
                "<tbody>\n",
             T(r, "Raportti"), T(r, "Suomi"), T(r, "Ruotsi"));
  for (int y = first; y <= last; y++) download_row(r, "annual", y);
  download_row(r, "final", 0);
  web_table_end(r);
  page_end(r);
}

/* ---- the editor ---- */

/* The blocks and the report's own figures, besides placeholder_help's. */
static void blocks_help(web_req *r) {
  buf *o = &r->out;
  buf_printf(o, "<aside class=\"note\" aria-labelledby=\"h-blocks\">\n<h2 id=\"h-blocks\">%h</h2>\n<dl class=\"facts\">\n",
             T(r, "Raportin omat luvut, taulukot ja kaaviot"));
  static const char *const H[][2] = {
      {"{{report.year}}", N_("Vuosiraportin vuosi.")},
      {"{{report.period}}", N_("Raportin kausi: vuosiraportissa vuoden rahoituskausi, loppuraportissa koko ohjelma.")},
      {"{{report.participants}}", N_("Mikä tahansa tilastojen luku raportin kaudelta, esim. {{report.organisations}} "
                                     "tai {{report.service_type.sparraus.people}}.")},
      {"{{report.year.organisations}}", N_("Vuosiraportin vuoden rivi: organisations, people, participations.")},
      {"{{table:service_type}}", N_("Omalla rivillään: tilastojen taulukko raportin kaudelta (service_type, role, "
                                    "sector, org_type, region, year, gender, age, labour, education, key).")},
      {"{{chart:region}}", N_("Omalla rivillään: taulukon kaavio kuten tilastosivulla.")}};
  for (size_t i = 0; i < sizeof H / sizeof H[0]; i++)
    buf_printf(o, "<dt><code>%h</code></dt><dd>%h</dd>\n", H[i][0], T(r, H[i][1]));
  buf_puts(o, "</dl>\n</aside>\n");
}

static void editor_page(web_req *r, const char *kind, int year, const char *lang, const char *body, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *name = report_name(r, kind, year);
  page_begin(r, name, "reports");
  buf_printf(o, "<h1>%h <span class=\"muted\">%h</span></h1>\n", name, lang_name(r, lang));
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/raportit/teksti\" class=\"form wide\" novalidate>\n",
             r->prefix);
  web_csrf_field(r);
  buf_printf(o,
             "<input type=\"hidden\" name=\"kind\" value=\"%h\"><input type=\"hidden\" name=\"year\" value=\"%d\">"
             "<input type=\"hidden\" name=\"lang\" value=\"%h\">\n",
             kind, year, lang);
  form_textarea_lang(&f, "body", T(r, "Raportin teksti"), body, 0,
                     T(r, "Markdown-muodossa: # Otsikko, ## Alaotsikko, luettelot - kohta. Luvut, taulukot ja kaaviot "
                          "alla olevan ohjeen mukaan. Tyhjä teksti poistaa tekstin."),
                     24, lang);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button> <a href=\"%h/hallinta/raportit\">%h</a>"
                "</div>\n</form>\n",
             T(r, "Tallenna"), r->prefix, T(r, "Takaisin"));
  blocks_help(r);
  placeholder_help(r);
  page_end(r);
}

static void page_editor(web_req *r) {
  const char *kind, *lang;
  int year;
  if (!key_or_reply(r, &kind, &year, &lang, 0, 404)) return;
  const char *body = rtemplate_get(r->db, &r->mem, kind, year, lang);
  editor_page(r, kind, year, lang, body ? body : "", NULL);
}

static void page_editor_save(web_req *r) {
  const char *kind, *lang, *body = web_field(r, "body");
  int year;
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  if (!key_or_reply(r, &kind, &year, &lang, 1, fresh ? 404 : 403)) {
    kerr_clear(&e);
    return;
  }
  if (fresh && rtemplate_save(r->db, &r->mem, kind, year, lang, body, r->user.email, "body", &e) == K_OK) {
    web_changed();
    web_redirectf(r, "/hallinta/raportit?done=saved");
  } else {
    editor_page(r, kind, year, lang, body, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

/* ---- the report ---- */

/* The report of the query, or NULL with the problems shown on an error page (422). */
static narrative *made_or_reply(web_req *r) {
  const char *kind, *lang;
  int year;
  if (!key_or_reply(r, &kind, &year, &lang, 0, 404)) return NULL;
  narrative *n = arena_alloc(&r->mem, sizeof *n);
  kerr e = {0};
  if (!strcmp(kind, "annual") && !year) kerr_set(&e, NULL, N_("Valitse vuosi."));
  if (!e.msg && narrative_build(r->db, &r->mem, kind, year, lang, n, &e) == K_OK) return n;
  page_begin(r, T(r, "Raportti"), "reports");
  buf_printf(&r->out, "<h1>%h</h1>\n<div class=\"notice error\" role=\"alert\"><p>%h</p><ul>\n",
             report_name(r, kind, year), T(r, "Raporttia ei voi tehdä:"));
  for (const kerr *k = &e; k && k->msg; k = k->next) buf_printf(&r->out, "<li>%h</li>\n", T(r, k->msg));
  buf_printf(&r->out, "</ul></div>\n<p><a href=\"%h/hallinta/raportit/teksti?%h\">%h</a></p>\n", r->prefix,
             key_query(r, kind, 0, lang), T(r, "Muokkaa tekstiä"));
  page_end(r);
  r->status = 422;
  kerr_clear(&e);
  return NULL;
}

static void page_show(web_req *r) {
  narrative *n = made_or_reply(r);
  if (!n) return;
  page_begin(r, n->title, "reports");
  buf_printf(&r->out, "<p class=\"actions no-print\"><a class=\"button\" href=\"%h/hallinta/raportit/pdf?%h\" download>%h</a></p>\n",
             r->prefix, key_query(r, n->kind, n->year, n->lang), T(r, "Lataa PDF"));
  narrative_html(n, &r->out, 0);
  page_end(r);
  r->cacheable = 0;
}

static void page_pdf(web_req *r) {
  narrative *n = made_or_reply(r);
  if (!n) return;
  kerr e = {0};
  if (narrative_pdf(n, &r->out, &e) != K_OK) {
    log_error("report pdf: %r", e.msg);
    buf_reset(&r->out);
    web_error(r, 500, T(r, "PDF:n tekeminen epäonnistui. Yritä hetken kuluttua uudelleen."));
    kerr_clear(&e);
    return;
  }
  r->ctype = "application/pdf";
  char disp[96];
  snprintf(disp, sizeof disp, "attachment; filename=\"%s-%d-%s.pdf\"",
           !strcmp(n->kind, "final") ? "loppuraportti" : "vuosiraportti", n->year, n->lang);
  web_header(r, "Content-Disposition", disp);
  r->cacheable = 0;
}

const route reports_routes[] = {
    {"GET", "/hallinta/raportit", page_reports, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 19, "reports", N_("Raportit")}},
    {"GET", "/hallinta/raportit/teksti", page_editor, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/raportit/teksti", page_editor_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hallinta/raportit/nayta", page_show, .flags = ROUTE_ANY_STAFF},
    {"GET", "/hallinta/raportit/pdf", page_pdf, .flags = ROUTE_ANY_STAFF},
    {0},
};
