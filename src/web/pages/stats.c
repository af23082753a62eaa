/* stats: the public statistics page /tilastot (key figures, targets, charts, region map, tables), its CSV and XLSX
 * exports, and the staff page for targets /hallinta/tavoitteet. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/export.h"
#include "core/svg.h"
#include "web/form.h"
#include "web/pages/stats.h"
#include "web/pages/targets.h"
#include "web/widgets.h"

#define MAX_TARGET 100000000LL

/* Staff see every number; everyone else sees small cells suppressed. */
static int public_view(web_req *r) {
  return !user_is_staff(&r->user);
}

/* The slot asked for with ?kausi=ID; -1 (and a 404 sent) when there is no such period. */
static int slot_or_reply(web_req *r, const report_data *rd) {
  int slot = report_slot(rd, web_query(r, "kausi"));
  if (slot < 0) web_error(r, 404, T(r, "Rahoituskautta ei ole."));
  return slot;
}

/* "Kausi 2015–2017" style name of a slot in the page's language (the Finnish where not translated), in the request
 * arena. */
static tr slot_tr(web_req *r, const report_data *rd, int slot) {
  if (slot == 0) return (tr){T(r, "Koko ohjelma"), 0};
  const report_period *p = report_period_at(rd, slot);
  tr name = tr_pick(r->lang, p->name, p->name_sv, p->name_en);
  buf b = BUF_INIT;
  buf_printf(&b, "%r %d–%d", name.text, p->start_year, p->end_year);
  name.text = arena_strdup(&r->mem, b.data);
  buf_free(&b);
  return name;
}

static const char *slot_name(web_req *r, const report_data *rd, int slot) {
  return slot_tr(r, rd, slot).text;
}

static void period_form(web_req *r, const report_data *rd, int slot) {
  int n = report_nperiods(rd);
  form_opt *opts = arena_alloc(&r->mem, sizeof *opts * (size_t)(n + 1));
  const char **langs = arena_alloc(&r->mem, sizeof *langs * (size_t)(n + 1));
  opts[0] = (form_opt){"", T(r, "Koko ohjelma")}, langs[0] = NULL;
  for (int s = 1; s <= n; s++) {
    char id[24];
    snprintf(id, sizeof id, "%lld", report_period_at(rd, s)->id);
    tr name = slot_tr(r, rd, s);
    opts[s] = (form_opt){arena_strdup(&r->mem, id), name.text}, langs[s] = name.fallback ? "fi" : NULL;
  }
  form_ctx f = {r, NULL};
  buf_printf(&r->out, "<form method=\"get\" action=\"%h/tilastot\" class=\"filters period\">\n", r->prefix);
  form_select_lang(&f, "kausi", T(r, "Rahoituskausi"), slot ? opts[slot].value : "", opts, n + 1, 0, NULL, langs);
  buf_printf(&r->out, "<div class=\"field\"><button type=\"submit\">%h</button></div>\n</form>\n", T(r, "Näytä"));
}

/* Writes a count, its mark when suppressed ("< 5" or "•", see the notes under the key figures), or "–" for a
 * missing target. */
static void cell_value(web_req *r, const report_table *t, const report_row *row, int c) {
  if (row->hidden[c])
    buf_printf(&r->out, "%h", report_mark(row->hidden[c]));
  else if (t->col[c] == RC_TARGET && row->v[c] < 0)
    buf_puts(&r->out, "–");
  else
    buf_printf(&r->out, "%N", row->v[c]);
}

static void table_row(web_req *r, const report_table *t, const report_row *row, int total) {
  buf_printf(&r->out, "<tr%r><th scope=\"row\">%h</th>",
             total      ? " class=\"total\""
             : row->sub ? " class=\"sub\""
                        : "",
             report_row_label(row, r->lang, i18n_get));
  for (int c = 0; c < t->ncols; c++) {
    buf_puts(&r->out, "<td class=\"num\">");
    cell_value(r, t, row, c);
    buf_puts(&r->out, "</td>");
  }
  buf_puts(&r->out, "</tr>\n");
}

/* "?kausi=ID" for a period slot, "" for the whole programme (in the request arena). */
static const char *period_query(const report_data *rd, int slot, web_req *r) {
  if (!slot) return "";
  char q[40];
  snprintf(q, sizeof q, "?kausi=%lld", report_period_at(rd, slot)->id);
  return arena_strdup(&r->mem, q);
}

static void export_links(web_req *r, const report_table *t, const report_data *rd, int slot) {
  buf path = BUF_INIT;
  buf_printf(&path, "/tilastot/%r", t->name);
  export_links_write(r, path.data, period_query(rd, slot, r), T(r, t->title));
  buf_free(&path);
}

static void html_table(web_req *r, const report_table *t) {
  web_table_begin(r, "stats", T(r, t->title), 1);
  buf_printf(&r->out, "<thead><tr><th scope=\"col\">%h</th>", T(r, report_row_head(t)));
  for (int c = 0; c < t->ncols; c++)
    buf_printf(&r->out, "<th scope=\"col\" class=\"num\">%h</th>", T(r, report_col_title(t->col[c])));
  buf_puts(&r->out, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < t->nrows; i++) table_row(r, t, &t->rows[i], 0);
  if (t->has_total) table_row(r, t, &t->total, 1);
  web_table_end(r);
}

/* Items for a chart from column c of t, in the request arena. */
static svg_item *chart_items(web_req *r, const report_table *t, int c) {
  svg_item *it = arena_alloc(&r->mem, sizeof *it * (size_t)(t->nrows ? t->nrows : 1));
  for (int i = 0; i < t->nrows; i++)
    it[i] = (svg_item){t->rows[i].code, report_row_label(&t->rows[i], r->lang, i18n_get), t->rows[i].v[c],
                       t->rows[i].hidden[c]};
  return it;
}

/* The target of a chart's bar: the metric its column counts (the ESF indicator of its row) for the slot's period,
 * a service type's row (year 0), or a year's row (any period); 0 when there is none. */
static long long bar_goal(const report_goal *v, int n, const report_table *t, int c, int i, long long period_id) {
  const char *code = t->rows[i].code, *metric = t->col[c] == RC_PARTICIPATIONS ? "participations"
                                                : t->col[c] == RC_ORGS         ? "organisations"
                                                : t->col[c] == RC_GTOTAL       ? code
                                                                               : NULL;
  for (int k = 0; metric && k < n; k++) {
    const report_goal *g = &v[k];
    if (strcmp(g->metric, metric)) continue;
    if (t->id == RT_YEAR ? g->year == atoi(code) && !*g->service_type
                         : g->period_id == period_id && !g->year &&
                               (t->id == RT_SERVICE_TYPE ? !strcmp(g->service_type, code) : !*g->service_type))
      return g->value;
  }
  return 0;
}

/* The targets on a chart's bars, with their note "tavoite N" (request arena; NULL when the chart has none). */
static svg_goal *chart_goals(web_req *r, const report_data *rd, const report_table *t, int c, int slot) {
  if (t->id != RT_SERVICE_TYPE && t->id != RT_YEAR && t->id != RT_ESF_START && t->id != RT_ESF_EXIT) return NULL;
  int n = 0;
  report_goal *v = report_goals(r->db, &r->mem, &n);
  svg_goal *it = arena_alloc(&r->mem, sizeof *it * (size_t)(t->nrows ? t->nrows : 1));
  int any = 0;
  for (int i = 0; i < t->nrows && n; i++) {
    it[i].target = bar_goal(v, n, t, c, i, report_period_at(rd, slot)->id);
    if (!it[i].target) continue;
    any = 1;
    buf b = BUF_INIT;
    buf_printf(&b, "%r %N", T(r, "tavoite"), it[i].target);
    it[i].note = arena_strdup(&r->mem, b.data);
    buf_free(&b);
  }
  return any ? it : NULL;
}

/* A breakdown: heading, description, chart of its people column (or the first), the same numbers as a table. */
static void breakdown(web_req *r, const report_data *rd, int id, int slot, int publ) {
  report_table t;
  report_table_make(rd, &r->mem, id, slot, publ, &t);
  int c = 0;
  for (int k = 0; k < t.ncols; k++)
    if (t.col[k] == RC_PEOPLE || t.col[k] == RC_PARTICIPANTS || t.col[k] == RC_GTOTAL) c = k;
  svg_goal *goals = chart_goals(r, rd, &t, c, slot);
  for (int k = 0; k < t.ncols && !goals; k++) /* a column with targets is charted with them */
    if ((goals = chart_goals(r, rd, &t, k, slot))) c = k;
  buf_printf(&r->out, "<section class=\"stat\">\n<h2 id=\"h-%h\">%h</h2>\n", t.name, T(r, t.title));
  buf desc = BUF_INIT;
  buf_printf(&desc, "%r: %r (%r)", T(r, t.desc), T(r, report_col_title(t.col[c])), slot_name(r, rd, slot));
  /* a table of more than three columns (the ESF indicators by gender) goes below its chart, at the page's width */
  buf_printf(&r->out, "<div class=\"chart-table%r\"><figure class=\"chart-figure\">", t.ncols > 3 ? " wide" : "");
  char id_attr[40];
  snprintf(id_attr, sizeof id_attr, "c-%s", t.name);
  if (id == RT_REGION) {
    report_table o; /* the map is coloured by organisations, which are never suppressed */
    report_table_make(rd, &r->mem, id, slot, 0, &o);
    /* the map on a wide screen; on a narrower one, where its text would shrink below 12 px, the same numbers as bars
     * (CSS shows one of the two; the other is display:none, so screen readers meet one chart) */
    svg_item *items = chart_items(r, &o, 0);
    buf_puts(&r->out, "<div class=\"map-wide\">");
    svg_region_map(&r->out, id_attr, T(r, "Tavoitetut organisaatiot maakunnittain"), desc.data, items, o.nrows,
                   T(r, "Organisaatioita"), T(r, "Ei yhtään"));
    buf_puts(&r->out, "</div><div class=\"map-narrow\">");
    svg_bars(&r->out, "c-region-bars", T(r, "Tavoitetut organisaatiot maakunnittain"), desc.data, items, o.nrows);
    buf_puts(&r->out, "</div>");
  } else {
    svg_bars_goals(&r->out, id_attr, T(r, t.title), desc.data, chart_items(r, &t, c), t.nrows, goals);
  }
  buf_puts(&r->out, "</figure>\n<div>");
  html_table(r, &t);
  export_links(r, &t, rd, slot);
  buf_puts(&r->out, "</div></div>\n</section>\n");
  buf_free(&desc);
}

static void key_figures(web_req *r, const report_data *rd, int slot, int publ) {
  report_table t;
  report_table_make(rd, &r->mem, RT_KEY, slot, publ, &t);
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n<ul class=\"figures\">", T(r, "Tunnusluvut"));
  for (int i = 0; i < t.nrows; i++) {
    buf_puts(o, "<li><span class=\"n\">");
    cell_value(r, &t, &t.rows[i], 0);
    buf_printf(o, "</span> %h</li>", report_row_label(&t.rows[i], r->lang, i18n_get));
  }
  buf_puts(o, "</ul>\n");
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Tavoitteet ja toteuma"));
  web_table_begin(r, "stats", T(r, "Tavoitteet ja toteuma"), 1);
  buf_printf(o,
             "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\" class=\"num\">%h</th>"
             "<th scope=\"col\" class=\"num\">%h</th><th scope=\"col\">%h</th></tr></thead>\n<tbody>\n",
             T(r, "Tunnusluku"), T(r, "Toteuma"), T(r, "Tavoite"), T(r, "Edistyminen"));
  for (int i = 0; i < t.nrows; i++) {
    const report_row *row = &t.rows[i];
    buf_printf(o, "<tr><th scope=\"row\">%h</th><td class=\"num\">", report_row_label(row, r->lang, i18n_get));
    cell_value(r, &t, row, 0);
    buf_puts(o, "</td><td class=\"num\">");
    cell_value(r, &t, row, 1);
    buf_puts(o, "</td><td>");
    if (row->v[1] > 0 && !row->hidden[0]) {
      long long pct = row->v[0] * 100 / row->v[1];
      buf_printf(o, "<progress max=\"100\" value=\"%lld\" aria-label=\"%h %lld %%\"></progress> %lld %%",
                 pct > 100 ? 100 : pct, report_row_label(row, r->lang, i18n_get), pct, pct);
    } else {
      buf_puts(o, "–");
    }
    buf_puts(o, "</td></tr>\n");
  }
  web_table_end(r);
  export_links(r, &t, rd, slot);
}

/* What the marks mean, for the public: "< 5" is a true 1–4, "•" hides a number that would give one away. */
static void suppression_note(web_req *r) {
  buf_printf(&r->out, "<div class=\"note\" id=\"merkit\"><p>%h</p>\n<p>%h<br>%h</p></div>\n",
             T(r, "Alle viiden henkilön luvut näytetään muodossa < 5, eikä niitä voi päätellä muista luvuista, "
                  "jotta ketään ei voi tunnistaa."),
             T(r, report_mark_note(SUP_SMALL)), T(r, report_mark_note(SUP_SECONDARY)));
}

static void page_stats(web_req *r) {
  char computed_at[21];
  const report_data *rd = web_report(r, computed_at);
  int slot = slot_or_reply(r, rd);
  if (slot < 0) return;
  int publ = public_view(r);
  page_begin(r, T(r, "Tilastot"), "stats");
  buf *o = &r->out;
  buf_printf(o, "<h1>%h</h1>\n<p>%h</p>\n", T(r, "Tilastot"),
             T(r, "Ohjelman tavoittamat organisaatiot ja ihmiset palveluittain, rooleittain, toimialoittain, "
                  "alueittain ja vuosittain sekä ESR-osallistujien yhteiset tuotosindikaattorit."));
  period_form(r, rd, slot);
  tr shown = slot_tr(r, rd, slot);
  buf_printf(o, "<p class=\"period-now\">%h: <strong%r>%h</strong></p>\n", T(r, "Näytetään"), tr_lang(&shown),
             shown.text);
  if (*computed_at) {
    buf_printf(o, "<p class=\"notice\" role=\"status\">%h ",
               T(r, "Lukuja lasketaan uudelleen juuri tehtyjen muutosten jälkeen. Alla on tilanne"));
    web_fi_datetime(r, computed_at);
    buf_printf(o, ". %h</p>\n", T(r, "Lataa sivu hetken kuluttua uudelleen."));
  }
  if (publ) suppression_note(r);
  key_figures(r, rd, slot, publ);
  for (int id = RT_SERVICE_TYPE; id < RT_COUNT; id++) breakdown(r, rd, id, slot, publ);
  buf_printf(o, "<h2>%h</h2>\n", T(r, "ESR-indikaattorit sukupuolen mukaan"));
  export_links_write(r, "/tilastot/esr", period_query(rd, slot, r), T(r, "ESR-indikaattorit sukupuolen mukaan"));
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Kaikki taulukot"));
  export_links_write(r, "/tilastot/kaikki", period_query(rd, slot, r), T(r, "Kaikki taulukot"));
  page_end(r);
}

/* GET /tilastot/NAME.csv|.xlsx[?kausi=ID][&format=csv-comma], and /tilastot/kaikki.xlsx|csv for every table. */
static void page_stats_export(web_req *r) {
  char table[32] = "";
  int f = export_request_format(r, r->path + strlen("/tilastot/"), table, sizeof table);
  int all = strcmp(table, "kaikki") == 0, esf = strcmp(table, "esr") == 0, id = report_table_id(table);
  if (f < 0 || (id < 0 && !all && !esf)) {
    web_error(r, 404, T(r, "Hakemaasi sivua ei ole. Tarkista osoite tai aloita etusivulta."));
    return;
  }
  /* a file has no place to say its figures are from before a change: it waits for the current ones */
  const report_data *rd = report_get(r->db);
  int slot = slot_or_reply(r, rd);
  if (slot < 0) return;
  /* esr: the ESF follow-up form's figures, Annex I and Annex II together */
  int first = all ? 0 : esf ? RT_ESF_START : id, n = all ? RT_COUNT : esf ? 2 : 1, publ = public_view(r);
  report_table *t = arena_alloc(&r->mem, sizeof *t * (size_t)n);
  for (int k = 0; k < n; k++) report_table_make(rd, &r->mem, first + k, slot, publ, &t[k]);
  char made[16];
  export_today(made);
  export_about about = {all   ? T(r, "Tilastot")
                        : esf ? T(r, "ESR-indikaattorit sukupuolen mukaan")
                              : T(r, t[0].title),
                        T(r, EXPORT_PERIOD_LABEL),
                        slot_name(r, rd, slot),
                        T(r, EXPORT_MADE_LABEL),
                        made,
                        T(r, export_rule(publ))};
  kerr e = {0};
  int rc = report_download(&r->out, NULL, f, t, n, &about, r->lang, i18n_get, &e);
  char base[64];
  snprintf(base, sizeof base, "tilastot-%s", table);
  if (slot) snprintf(base + strlen(base), sizeof base - strlen(base), "-kausi%lld", report_period_at(rd, slot)->id);
  export_send(r, f, base, rc, &e);
  kerr_clear(&e);
}

/* ---- targets (staff) ---- */

static void target_field_name(char *out, size_t n, int metric, long long period_id) {
  snprintf(out, n, "t-%s-%lld", report_metric_code(metric), period_id);
}

static void targets_page(web_req *r, const report_data *rd, int use_form, const kerr *err, int saved) {
  page_begin(r, T(r, "Tavoitteet"), "targets");
  buf *o = &r->out;
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Tavoitteet"));
  if (saved) buf_printf(o, "<p class=\"notice\" role=\"status\">%h</p>\n", T(r, "Tavoitteet tallennettu."));
  goals_list_write(r, rd);
  buf_printf(o, "<h2>%h</h2>\n<p>%h</p>\n", T(r, "Tunnuslukujen tavoitteet kausittain"),
             T(r, "Anna tavoite kokonaislukuna. Tyhjä kenttä poistaa tavoitteen. Toteuma näkyy sivulla Tilastot."));
  form_ctx f = {r, err};
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/tavoitteet\" class=\"form targets\">\n", r->prefix);
  web_csrf_field(r);
  for (int s = 0; s <= report_nperiods(rd); s++) {
    long long pid = report_period_at(rd, s)->id;
    tr pname = slot_tr(r, rd, s);
    buf_printf(o, "<fieldset><legend%r>%h</legend>\n", tr_lang(&pname), pname.text);
    for (int m = 0; m < RK_COUNT; m++) {
      char name[48], val[32] = "";
      target_field_name(name, sizeof name, m, pid);
      long long v = report_target(rd, m, s);
      if (v >= 0) snprintf(val, sizeof val, "%lld", v);
      form_input(&f, "text", name, T(r, report_metric_label(m)), use_form ? web_field(r, name) : val, 0, NULL);
    }
    buf_puts(o, "</fieldset>\n");
  }
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Tallenna"));
  page_end(r);
}

static void page_targets(web_req *r) {
  targets_page(r, report_get(r->db), 0, NULL, web_query(r, "ok") != NULL);
}

static void page_targets_save(web_req *r) {
  const report_data *rd = report_get(r->db);
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  int np = report_nperiods(rd);
  long long *vals = arena_alloc(&r->mem, sizeof *vals * (size_t)(np + 1) * RK_COUNT);
  for (int s = 0; fresh && s <= np; s++)
    for (int m = 0; m < RK_COUNT; m++) {
      char name[48];
      target_field_name(name, sizeof name, m, report_period_at(rd, s)->id);
      const char *v = web_field(r, name);
      long long *x = &vals[s * RK_COUNT + m];
      *x = -1;
      if (*v && util_parse_int(v, 0, MAX_TARGET, x) != K_OK)
        kerr_add(&e, name, "Tavoitteen pitää olla kokonaisluku 0–100000000.");
    }
  if (!e.msg && report_targets_save(r->db, rd, vals, &e) == K_OK) {
    web_changed();
    web_redirectf(r, "/hallinta/tavoitteet?ok=1");
  } else {
    targets_page(r, rd, 1, &e, 0); /* nothing was saved: the figures read above are still current */
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

const route stats_routes[] = {
    {"GET", "/tilastot", page_stats, .flags = ROUTE_PUBLIC | ROUTE_CACHE,
     .menu = {ROUTE_NAV_MAIN, 6, "stats", N_("Tilastot")}},
    {"GET", "/tilastot/{file}", page_stats_export, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/hallinta/tavoitteet", page_targets, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 6, "targets", N_("Tavoitteet")}},
    {"POST", "/hallinta/tavoitteet", page_targets_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {0},
};
