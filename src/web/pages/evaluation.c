/* evaluation: the evaluation report /arviointi (method, figures, paired change, findings and recommendations with
 * their live {{…}} figures; a draft to staff and evaluators, everyone's once published; a print stylesheet fits it
 * on A4) and its editor /hallinta/arviointi. */
#include <stdio.h>
#include <string.h>

#include "model/evaluation.h"
#include "report/export.h"
#include "report/placeholder.h"
#include "report/report.h"
#include "report/survey_results.h"
#include "web/form.h"
#include "web/pages/evaluation.h"
#include "web/pages/survey_results.h"
#include "web/widgets.h"

static const char EVAL_DENY[] = N_("Arviointiraportin muokkaus on ohjelman henkilöstölle ja arvioijille.");

/* Who reads, for the figures: staff see every number, evaluators and everyone else the suppressed ones. */
static int audience(web_req *r) {
  if (user_is_staff(&r->user)) return SR_STAFF;
  return routes_role_bit(&r->user) == ROUTE_EVALUATOR ? SR_EVALUATOR : SR_PUBLIC;
}

/* 1 when the user may edit the report and read its draft. */
static int editor(web_req *r) {
  return user_is_staff(&r->user) || routes_role_bit(&r->user) == ROUTE_EVALUATOR;
}

static const char *kind_heading(web_req *r, const char *kind) {
  return !strcmp(kind, "finding") ? T(r, "Havainnot") : T(r, "Suositukset");
}

/* Markdown with its figures for the reader; staff and evaluators are told which placeholders no longer resolve
 * (the data changed since the text was saved); others see "[?]" in their place. */
static void figures_md(web_req *r, const char *md, const tr *t) {
  buf b = BUF_INIT;
  kerr e = {0};
  if (placeholder_expand(r->db, &r->mem, md, r->lang, audience(r), &b, &e) != K_OK && editor(r)) {
    buf_printf(&r->out, "<div class=\"notice warning\" role=\"note\"><p>%h</p><ul>",
               T(r, "Tekstissä on lukuja, joita ei enää löydy:"));
    for (const kerr *k = &e; k && k->msg; k = k->next) buf_printf(&r->out, "<li>%h</li>", k->msg);
    buf_puts(&r->out, "</ul></div>\n");
  }
  buf_printf(&r->out, "<div class=\"report-text\"%r>\n", t ? tr_lang(t) : "");
  markdown_write(r, b.data ? b.data : "");
  buf_puts(&r->out, "</div>\n");
  buf_free(&b);
  kerr_clear(&e);
}

/* ---- the report ---- */

/* A count as a table shows it to this reader: "< 5" for 1–4 people but to staff. */
static void count_cell(web_req *r, long long v) {
  if (audience(r) != SR_STAFF && v > 0 && v < SUP_MIN)
    buf_printf(&r->out, "%h", report_mark(SUP_SMALL));
  else
    buf_printf(&r->out, "%N", v);
}

static void method_section(web_req *r) {
  int n = 0, publ = audience(r) != SR_STAFF;
  eval_survey *s = evaluation_surveys(r->db, &r->mem, r->lang, &n);
  buf *o = &r->out;
  buf_printf(o, "<section class=\"report-section\" aria-labelledby=\"h-method\">\n<h2 id=\"h-method\">%h</h2>\n",
             T(r, "Menetelmä"));
  buf_printf(o, "<p>%h</p>\n",
             T(r, "Arviointi perustuu ohjelman omiin osallistumistietoihin ja kyselyihin. Kyselyjen vastaukset "
                  "tallennetaan ilman yhteyttä vastaajaan; ennen ja jälkeen -kyselyjen vastaukset yhdistetään "
                  "pareiksi avainnetulla tunnisteella."));
  if (!n) {
    buf_printf(o, "<p>%h</p>\n</section>\n", T(r, "Kyselyihin ei ole vielä vastauksia."));
    return;
  }
  web_table_begin(r, "stats", T(r, "Kyselyt ja vastaajat"), 0);
  buf_printf(o,
             "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\" class=\"num\">%h</th>"
             "<th scope=\"col\" class=\"num\">%h</th><th scope=\"col\" class=\"num\">%h</th></tr></thead>\n<tbody>\n",
             T(r, "Kysely"), T(r, "Vastaajat"), T(r, "Kutsutut"), T(r, "Vastausaste"));
  for (int i = 0; i < n; i++) {
    buf_printf(o, "<tr><th scope=\"row\"%r>%h</th><td class=\"num\">", tr_lang(&s[i].title), s[i].title.text);
    count_cell(r, s[i].responses);
    buf_puts(o, "</td><td class=\"num\">");
    if (s[i].invited)
      count_cell(r, s[i].invited);
    else
      buf_puts(o, "–");
    buf_puts(o, "</td><td class=\"num\">");
    if (s[i].rate < 0)
      buf_puts(o, "–");
    else if (publ && (s[i].answered < SUP_MIN || s[i].invited - s[i].answered < SUP_MIN) && s[i].answered)
      buf_printf(o, "%h", report_mark(SUP_SECONDARY)); /* would tell how many of a few answered */
    else {
      ph_figure f = {s[i].rate, PH_SHARE, SUP_SHOWN};
      buf b = BUF_INIT;
      placeholder_format(&b, &f, -1, r->lang);
      buf_printf(o, "%h", b.data);
      buf_free(&b);
    }
    buf_puts(o, "</td></tr>\n");
  }
  web_table_end(r);
  buf_printf(o, "<p class=\"meta\">%h</p>\n",
             T(r, "Vastausaste: kutsuttujen osuus, joka vastasi. Avoimen linkin vastaukset ovat mukana "
                  "vastaajissa mutta eivät vastausasteessa."));
  buf_puts(o, "</section>\n");
}

static void figures_section(web_req *r, const report_data *rd) {
  report_table t;
  report_table_make(rd, &r->mem, RT_KEY, 0, audience(r) != SR_STAFF, &t);
  buf *o = &r->out;
  buf_printf(o, "<section class=\"report-section\" aria-labelledby=\"h-figures\">\n<h2 id=\"h-figures\">%h</h2>\n",
             T(r, "Keskeiset luvut"));
  buf_puts(o, "<ul class=\"figures\">");
  for (int i = 0; i < t.nrows; i++) {
    buf_puts(o, "<li><span class=\"n\">");
    if (t.rows[i].hidden[0])
      buf_printf(o, "%h", report_mark(t.rows[i].hidden[0]));
    else
      buf_printf(o, "%N", t.rows[i].v[0]);
    buf_printf(o, "</span> %h</li>", report_row_label(&t.rows[i], r->lang, i18n_get));
  }
  buf_printf(o, "</ul>\n<p>%h <a href=\"%h/tilastot\">%h</a>.</p>\n</section>\n",
             T(r, "Luvut koko ohjelmasta; erittelyt rahoituskausittain, palveluittain ja alueittain ovat sivulla"),
             r->prefix, T(r, "Tilastot"));
}

/* Paired change before and after. The per-item table (pairs, means, change, share improved, Wilcoxon) is the
 * results' (report/survey_results.c, branch wt-results): it goes here once merged. Until then the series and their
 * pairs. */
static void pairs_section(web_req *r) {
  int n = 0;
  eval_series *s = evaluation_series(r->db, &r->mem, &n);
  if (!n) return;
  buf *o = &r->out;
  buf_printf(o, "<section class=\"report-section\" aria-labelledby=\"h-pairs\">\n<h2 id=\"h-pairs\">%h</h2>\n",
             T(r, "Muutos ennen ja jälkeen palvelun"));
  buf_printf(o, "<p>%h</p>\n",
             T(r, "Saman vastaajan vastaukset ennen ja jälkeen palvelun yhdistetään pareiksi. Alle viiden parin "
                  "lukuja ei näytetä."));
  for (int i = 0; i < n; i++) {
    kerr e = {0};
    sr_pairs *p = survey_pairs(r->db, &r->mem, s[i].key, audience(r), &e);
    kerr_clear(&e);
    if (p) {
      tr b = survey_text_pick(&p->before->title, r->lang), a = survey_text_pick(&p->after->title, r->lang);
      buf_printf(o, "<h3>%h – %h</h3>\n<p>%h <strong>", b.text, a.text,
                 T(r, "Samat vastaajat alku- ja loppukyselyssä (pareja):"));
      count_cell(r, p->respondents.n);
      buf_puts(o, "</strong></p>\n");
      survey_pairs_table(r, p, T(r, "Muutos ennen ja jälkeen"));
    } else { /* no before or no after survey yet: the pairs counted so far */
      buf_printf(o, "<h3>%h</h3>\n<p>%h ", s[i].key, T(r, "Parien määrä"));
      count_cell(r, s[i].pairs);
      buf_puts(o, "</p>\n");
    }
  }
  buf_puts(o, "</section>\n");
}

static void items_section(web_req *r, const eval_item *it, int n, const char *kind, const char *id) {
  int any = 0;
  for (int i = 0; i < n; i++) any |= !strcmp(it[i].kind, kind);
  if (!any) return;
  buf *o = &r->out;
  buf_printf(o, "<section class=\"report-section\" aria-labelledby=\"h-%h\">\n<h2 id=\"h-%h\">%h</h2>\n", id, id,
             kind_heading(r, kind));
  buf_puts(o, "<ol class=\"report-items\">\n");
  for (int i = 0; i < n; i++) {
    if (strcmp(it[i].kind, kind)) continue;
    buf_printf(o, "<li id=\"kohta-%lld\">", it[i].id);
    tr_write(r, "h3", NULL, &it[i].t_title);
    figures_md(r, it[i].t_body.text, &it[i].t_body);
    buf_puts(o, "</li>\n");
  }
  buf_puts(o, "</ol>\n</section>\n");
}

static void page_report(web_req *r) {
  evaluation *ev = evaluation_get(r->db, &r->mem, r->lang);
  if (!ev->published_at && !editor(r)) {
    web_error(r, 404, T(r, "Hakemaasi sivua ei ole. Tarkista osoite tai aloita etusivulta."));
    return;
  }
  if (!ev->published_at) r->cacheable = 0, r->no_store = 1; /* a draft is for its editors only */
  char computed_at[21];
  const report_data *rd = web_report(r, computed_at); /* older figures than the data: not cached */
  tr title = *ev->t_title.text ? ev->t_title : (tr){T(r, "Arviointiraportti"), 0};
  buf *o = &r->out;
  page_begin(r, title.text, "evaluation-report");
  if (!ev->published_at)
    buf_printf(o,
               "<div class=\"notice warning draft\" role=\"note\"><p><strong>%h</strong> – %h <a "
               "href=\"%h/hallinta/arviointi\">%h</a></p></div>\n",
               T(r, "Luonnos"), T(r, "Raporttia ei ole julkaistu. Sen näkevät vain ohjelman henkilöstö ja arvioijat."),
               r->prefix, T(r, "Muokkaa raporttia"));
  buf_puts(o, "<article class=\"evaluation-report\">\n");
  tr_write(r, "h1", NULL, &title);
  if (ev->published_at) buf_printf(o, "<p class=\"meta\">%h %D</p>\n", T(r, "Julkaistu"), ev->published_at);
  if (*computed_at)
    buf_printf(o, "<p class=\"notice\" role=\"status\">%h</p>\n",
               T(r, "Lukuja lasketaan uudelleen juuri tehtyjen muutosten jälkeen. Lataa sivu hetken kuluttua "
                    "uudelleen."));
  if (*ev->t_intro.text) figures_md(r, ev->t_intro.text, &ev->t_intro);
  method_section(r);
  figures_section(r, rd);
  pairs_section(r);
  int n = 0;
  eval_item *it = evaluation_items(r->db, &r->mem, r->lang, &n);
  items_section(r, it, n, "finding", "findings");
  items_section(r, it, n, "recommendation", "recommendations");
  if (audience(r) != SR_STAFF)
    buf_printf(o, "<div class=\"note\"><p>%h</p><p>%h<br>%h</p></div>\n",
               T(r, "Alle viiden henkilön luvut näytetään muodossa < 5, eikä niitä voi päätellä muista luvuista, "
                    "jotta ketään ei voi tunnistaa."),
               T(r, report_mark_note(SUP_SMALL)), T(r, report_mark_note(SUP_SECONDARY)));
  buf_puts(o, "</article>\n");
  page_end(r);
}

/* ---- the editor ---- */

static void done_notice(web_req *r) {
  static const struct {
    const char *code, *text;
  } D[] = {{"saved", N_("Tallennettu.")},
           {"published", N_("Raportti on julkaistu.")},
           {"unpublished", N_("Raportti on palautettu luonnokseksi.")},
           {"deleted", N_("Kohta poistettu.")},
           {"moved", N_("Järjestys muutettu.")}};
  const char *done = web_field(r, "done");
  for (size_t i = 0; i < sizeof D / sizeof D[0]; i++)
    if (!strcmp(done, D[i].code))
      buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, D[i].text));
}

static void item_rows(web_req *r, const eval_item *it, int n, const char *kind) {
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n", kind_heading(r, kind));
  int count = 0;
  for (int i = 0; i < n; i++) count += !strcmp(it[i].kind, kind);
  if (count) {
    static const char *const heads[] = {"Otsikko", "Päivitetty", "Toiminnot"};
    web_table_begin(r, "list", kind_heading(r, kind), 1);
    buf_printf(o,
               "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\">%h</th><th "
               "scope=\"col\">%h</th></tr></thead>\n<tbody>\n",
               T(r, heads[0]), T(r, heads[1]), T(r, heads[2]));
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (strcmp(it[i].kind, kind)) continue;
      const char *t = it[i].title[0];
      buf_printf(o, "<tr id=\"kohta-%lld\"><td><a href=\"%h/hallinta/arviointi/%lld\"%r>%h</a></td><td>%D</td><td>",
                 it[i].id, r->prefix, it[i].id, web_fi(r), t, it[i].updated_at);
      buf_puts(o, "<div class=\"actions\">");
      for (int up = 1; up >= 0; up--) {
        if ((up && k == 0) || (!up && k == count - 1)) continue;
        buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/arviointi/%lld/siirra\" class=\"inline\">", r->prefix,
                   it[i].id);
        web_csrf_field(r);
        buf_printf(o,
                   "<input type=\"hidden\" name=\"dir\" value=\"%r\"><button type=\"submit\" class=\"secondary\">%h"
                   "<span class=\"visually-hidden\">: %h</span></button></form>",
                   up ? "up" : "down", up ? T(r, "Ylös") : T(r, "Alas"), t);
      }
      buf_printf(o,
                 "<a class=\"button danger\" href=\"%h/hallinta/arviointi/%lld/poista\">%h<span "
                 "class=\"visually-hidden\">: %h</span></a>",
                 r->prefix, it[i].id, T(r, "Poista"), t);
      buf_puts(o, "</div></td></tr>\n");
      k++;
    }
    web_table_end(r);
  }
  buf_printf(o, "<p><a class=\"button secondary\" href=\"%h/hallinta/arviointi/uusi?kind=%U\">%h</a></p>\n", r->prefix,
             kind, !strcmp(kind, "finding") ? T(r, "Lisää havainto") : T(r, "Lisää suositus"));
}

/* The editor's page: status and publishing, the report's own texts (ev, as stored or as posted), the items, help. */
static void editor_page(web_req *r, const evaluation *ev, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  page_begin(r, T(r, "Arviointiraportti"), "evaluation");
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Arviointiraportti"));
  done_notice(r);
  form_errors(&f);
  evaluation *now = evaluation_get(r->db, &r->mem, "fi");
  buf_printf(o, "<p class=\"lead\">%h: <strong>", T(r, "Tila"));
  if (now->published_at)
    buf_printf(o, "%h %D", T(r, "julkaistu"), now->published_at);
  else
    buf_printf(o, "%h", T(r, "luonnos, ei julkaistu"));
  buf_printf(o, "</strong></p>\n<div class=\"actions\"><a class=\"button secondary\" href=\"%h/arviointi\">%h</a>",
             r->prefix, T(r, "Näytä raportti"));
  if (now->published_at)
    buf_printf(o, "<a class=\"button danger\" href=\"%h/hallinta/arviointi/piilota\">%h</a>", r->prefix,
               T(r, "Palauta luonnokseksi"));
  else
    buf_printf(o, "<a class=\"button\" href=\"%h/hallinta/arviointi/julkaise\">%h</a>", r->prefix,
               T(r, "Julkaise raportti"));
  buf_puts(o, "</div>\n");
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Otsikko ja johdanto"));
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/arviointi\" class=\"form wide\" novalidate>\n", r->prefix);
  web_csrf_field(r);
  tr_field fields[] = {{"title", N_("Otsikko"), {ev->title[0], ev->title[1], ev->title[2]}, 0, 1, NULL},
                       {"intro",
                        N_("Johdantoteksti"),
                        {ev->intro[0], ev->intro[1], ev->intro[2]},
                        8,
                        0,
                        N_("Markdown-muodossa; luvut kuten {{stats.participants}}.")}};
  tr_fieldsets(&f, fields, 2);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div>\n</form>\n", T(r, "Tallenna"));
  int n = 0;
  eval_item *it = evaluation_items(r->db, &r->mem, "fi", &n);
  item_rows(r, it, n, "finding");
  item_rows(r, it, n, "recommendation");
  placeholder_help(r);
  page_end(r);
}

static void page_editor(web_req *r) {
  editor_page(r, evaluation_get(r->db, &r->mem, "fi"), NULL);
}

static void page_editor_save(web_req *r) {
  evaluation *ev = evaluation_get(r->db, &r->mem, "fi");
  static const char *const tf[] = {"title", "title_sv", "title_en"}, *const in[] = {"intro", "intro_sv", "intro_en"};
  for (int i = 0; i < 3; i++) {
    ev->title[i] = (char *)web_field(r, tf[i]);
    ev->intro[i] = (char *)web_field(r, in[i]);
  }
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  if (fresh && evaluation_save(r->db, &r->mem, ev, r->user.email, &e) == K_OK) {
    web_changed();
    web_redirectf(r, "/hallinta/arviointi?done=saved");
  } else {
    editor_page(r, ev, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

/* ---- one finding or recommendation ---- */

static void kind_choice(form_ctx *f, const char *kind) {
  web_req *r = f->r;
  const kerr *bad = form_field_error(f->err, "kind");
  buf *o = &r->out;
  buf_printf(o, "<fieldset class=\"field%r\"%r><legend>%h <span class=\"muted\">(%h)</span></legend>\n",
             bad ? " invalid" : "", bad ? " aria-describedby=\"e-kind\"" : "", T(r, "Laji"), T(r, "pakollinen"));
  if (bad) buf_printf(o, "<span class=\"error\" id=\"e-kind\">%h</span>\n", T(r, bad->msg));
  static const char *const K[] = {"finding", "recommendation"}, *const L[] = {N_("Havainto"), N_("Suositus")};
  for (int i = 0; i < 2; i++)
    buf_printf(o, "<label><input type=\"radio\" name=\"kind\" id=\"f-kind%r\" value=\"%r\"%r> %h</label>\n",
               i ? "-2" : "", K[i], !strcmp(kind, K[i]) ? " checked" : "", T(r, L[i]));
  buf_puts(o, "</fieldset>\n");
}

static void item_page(web_req *r, const eval_item *it, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  int rec = !strcmp(it->kind, "recommendation");
  const char *title = it->id ? (rec ? T(r, "Muokkaa suositusta") : T(r, "Muokkaa havaintoa"))
                             : (rec ? T(r, "Uusi suositus") : T(r, "Uusi havainto"));
  page_begin(r, title, "evaluation");
  buf_printf(o, "<p><a href=\"%h/hallinta/arviointi\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix,
             T(r, "Arviointiraportti"), title);
  form_errors(&f);
  buf_printf(o, "<p class=\"hint\">%h</p>\n",
             T(r, "Teksti kirjoitetaan Markdown-muodossa: - luettelo, **lihavointi**. Tyhjä käännös näytetään "
                  "suomeksi. Luvut kirjoitetaan kaksoisaaltosulkeisiin, ks. ohje sivun lopussa."));
  buf_puts(o, "<form method=\"post\" action=\"");
  if (it->id)
    buf_printf(o, "%h/hallinta/arviointi/%lld", r->prefix, it->id);
  else
    buf_printf(o, "%h/hallinta/arviointi/uusi", r->prefix);
  buf_puts(o, "\" class=\"form wide\" novalidate>\n");
  web_csrf_field(r);
  if (!it->id) kind_choice(&f, it->kind);
  tr_field fields[] = {{"title", N_("Otsikko"), {it->title[0], it->title[1], it->title[2]}, 0, 1, NULL},
                       {"body", N_("Teksti"), {it->body[0], it->body[1], it->body[2]}, 12, 0, NULL}};
  tr_fieldsets(&f, fields, 2);
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\">%h</button><a "
             "href=\"%h/hallinta/arviointi\">%h</a></div>\n</form>\n",
             T(r, "Tallenna"), r->prefix, T(r, "Peruuta"));
  placeholder_help(r);
  page_end(r);
}

static void page_item_new(web_req *r) {
  eval_item it = {0};
  it.kind = web_field(r, "kind");
  for (int i = 0; i < 3; i++) it.title[i] = it.body[i] = "";
  item_page(r, &it, NULL);
}

static void page_item_edit(web_req *r) {
  eval_item *it = evaluation_item_get(r->db, &r->mem, r->id, "fi");
  if (!it)
    web_error(r, 404, T(r, "Kohtaa ei ole."));
  else
    item_page(r, it, NULL);
}

static void page_item_save(web_req *r) {
  eval_item it = {0};
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e);
  if (r->id) {
    eval_item *old = evaluation_item_get(r->db, &r->mem, r->id, "fi");
    if (!old) { /* a stale token is refused first, as for every other form */
      web_error(r, fresh ? 404 : 403, fresh ? T(r, "Kohtaa ei ole.") : T(r, e.msg));
      kerr_clear(&e);
      return;
    }
    it = *old;
  } else {
    it.kind = web_field(r, "kind");
  }
  static const char *const tf[] = {"title", "title_sv", "title_en"}, *const bf[] = {"body", "body_sv", "body_en"};
  for (int i = 0; i < 3; i++) {
    it.title[i] = (char *)web_field(r, tf[i]);
    it.body[i] = (char *)web_field(r, bf[i]);
  }
  long long id = fresh ? evaluation_item_save(r->db, &r->mem, &it, r->user.email, &e) : 0;
  if (id) {
    web_changed();
    web_redirectf(r, "/hallinta/arviointi?done=saved#kohta-%lld", id);
  } else {
    item_page(r, &it, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

static void page_item_move(web_req *r) {
  kerr e = {0};
  if (evaluation_item_move(r->db, r->id, strcmp(web_field(r, "dir"), "up") ? 1 : -1, r->user.email, &e) == K_OK) {
    web_changed();
    web_redirectf(r, "/hallinta/arviointi?done=moved#kohta-%lld", r->id);
  } else {
    web_error(r, 404, T(r, e.msg));
  }
  kerr_clear(&e);
}

static void page_item_delete(web_req *r) {
  eval_item *it = evaluation_item_get(r->db, &r->mem, r->id, "fi");
  if (!it) {
    web_error(r, 404, T(r, "Kohtaa ei ole."));
    return;
  }
  kerr e = {0};
  if (!strcmp(r->method, "POST") && confirm_posted(r)) {
    if (evaluation_item_delete(r->db, r->id, r->user.email, &e) == K_OK) {
      web_changed();
      web_redirectf(r, "/hallinta/arviointi?done=deleted");
    } else {
      web_error(r, 500, T(r, e.msg));
    }
    kerr_clear(&e);
    return;
  }
  buf what = BUF_INIT, action = BUF_INIT;
  buf_printf(&what, "%r: %r", T(r, "Poistetaan kohta"), it->title[0]);
  buf_printf(&action, "/hallinta/arviointi/%lld/poista", r->id);
  confirm_spec c = {T(r, "Poistetaanko kohta?"), what.data,   action.data, NULL, 0, T(r, "Poista"),
                    "/hallinta/arviointi",       "evaluation"};
  confirm_page(r, &c);
  buf_free(&what);
  buf_free(&action);
}

/* ---- publishing ---- */

static void publish(web_req *r, int on) {
  if (!strcmp(r->method, "POST") && confirm_posted(r)) {
    kerr e = {0};
    if (evaluation_publish(r->db, &r->mem, on, r->user.email, &e) == K_OK) {
      web_changed(); /* drops the cached public page */
      web_redirectf(r, "/hallinta/arviointi?done=%r", on ? "published" : "unpublished");
    } else {
      editor_page(r, evaluation_get(r->db, &r->mem, "fi"), &e);
      r->status = 422;
    }
    kerr_clear(&e);
    return;
  }
  confirm_spec c = {on ? T(r, "Julkaistaanko arviointiraportti?") : T(r, "Palautetaanko raportti luonnokseksi?"),
                    on ? T(r, "Raportti havaintoineen ja suosituksineen näkyy kaikille osoitteessa /arviointi.")
                       : T(r, "Raportti poistuu julkiselta sivulta. Sen näkevät sen jälkeen vain ohjelman henkilöstö "
                              "ja arvioijat."),
                    on ? "/hallinta/arviointi/julkaise" : "/hallinta/arviointi/piilota",
                    NULL,
                    0,
                    on ? T(r, "Julkaise") : T(r, "Palauta luonnokseksi"),
                    "/hallinta/arviointi",
                    "evaluation"};
  confirm_page(r, &c);
}

static void page_publish(web_req *r) {
  publish(r, 1);
}

static void page_unpublish(web_req *r) {
  publish(r, 0);
}

#define EDIT (ROUTE_EVALUATOR | ROUTE_ANY_STAFF)

const route evaluation_routes[] = {
    {"GET", "/arviointi", page_report, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/hallinta/arviointi", page_editor, .flags = EDIT, .deny = EVAL_DENY,
     .menu = {ROUTE_NAV_STAFF, 11, "evaluation", N_("Arviointi")}},
    {"POST", "/hallinta/arviointi", page_editor_save, .flags = EDIT | ROUTE_CSRF | ROUTE_CSRF_FORM, .deny = EVAL_DENY},
    {"GET", "/hallinta/arviointi/uusi", page_item_new, .flags = EDIT, .deny = EVAL_DENY},
    {"POST", "/hallinta/arviointi/uusi", page_item_save, .flags = EDIT | ROUTE_CSRF | ROUTE_CSRF_FORM,
     .deny = EVAL_DENY},
    {"GET", "/hallinta/arviointi/julkaise", page_publish, .flags = EDIT, .deny = EVAL_DENY},
    {"POST", "/hallinta/arviointi/julkaise", page_publish, .flags = EDIT | ROUTE_CSRF, .deny = EVAL_DENY},
    {"GET", "/hallinta/arviointi/piilota", page_unpublish, .flags = EDIT, .deny = EVAL_DENY},
    {"POST", "/hallinta/arviointi/piilota", page_unpublish, .flags = EDIT | ROUTE_CSRF, .deny = EVAL_DENY},
    {"GET", "/hallinta/arviointi/{id}", page_item_edit, .flags = EDIT, .deny = EVAL_DENY},
    {"POST", "/hallinta/arviointi/{id}", page_item_save, .flags = EDIT | ROUTE_CSRF | ROUTE_CSRF_FORM,
     .deny = EVAL_DENY},
    {"POST", "/hallinta/arviointi/{id}/siirra", page_item_move, .flags = EDIT | ROUTE_CSRF, .deny = EVAL_DENY},
    {"GET", "/hallinta/arviointi/{id}/poista", page_item_delete, .flags = EDIT, .deny = EVAL_DENY},
    {"POST", "/hallinta/arviointi/{id}/poista", page_item_delete, .flags = EDIT | ROUTE_CSRF, .deny = EVAL_DENY},
    {0},
};
