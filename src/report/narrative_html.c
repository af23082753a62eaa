/* narrative_html: a narrative report as HTML, standalone for the CLI and printable, or the body of a staff page:
 * its text through cmark (safe: no raw HTML), its tables as on /tilastot, its charts as svg.c's SVG. */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "report/export.h"
#include "report/narrative.h"
#include "core/svg.h"

/* The print and screen style of a standalone report: A4, a serif text, tables with rules. */
static const char STYLE[] =
    "@page{size:A4;margin:22mm 20mm}body{font-family:'DejaVu Serif',serif;max-width:44rem;margin:2rem auto;"
    "padding:0 1rem;color:#1a1a1a;line-height:1.5}h1,h2,h3,h4,caption{font-family:'DejaVu Sans',sans-serif}"
    "table{border-collapse:collapse;margin:1rem 0}caption{text-align:left;font-weight:bold;padding:.3rem 0}"
    "th,td{border-bottom:1px solid #595959;padding:.2rem .6rem;text-align:left}.num{text-align:right;"
    "white-space:nowrap}tr.total{font-weight:bold}figure{margin:1rem 0}svg{max-width:100%;height:auto}"
    ".cover{border-bottom:2px solid #1f5f99;margin-bottom:2rem}thead{display:table-header-group}"
    "tr,figure{break-inside:avoid}";

const char *narrative_cell(arena *a, const report_table *t, const report_row *row, int c) {
  if (row->hidden[c]) return report_mark(row->hidden[c]);
  if (t->col[c] == RC_TARGET && row->v[c] < 0) return "–";
  buf b = BUF_INIT;
  buf_finum(&b, row->v[c]);
  return arena_adopt(a, buf_detach(&b));
}

void narrative_chart_svg(const narrative *n, arena *a, const report_table *t, int k, buf *out) {
  int c = 0;
  for (int j = 0; j < t->ncols; j++)
    if (t->col[j] == RC_PEOPLE || t->col[j] == RC_PARTICIPANTS) c = j;
  if (t->id == RT_REGION) c = 0; /* organisations, which are never suppressed, as the map on /tilastot */
  svg_item *it = arena_alloc(a, sizeof *it * (size_t)(t->nrows ? t->nrows : 1));
  for (int i = 0; i < t->nrows; i++)
    it[i] = (svg_item){t->rows[i].code, report_row_label(&t->rows[i], n->lang, i18n_get), t->rows[i].v[c],
                       t->rows[i].hidden[c]};
  char id[32];
  snprintf(id, sizeof id, "n-c%d", k);
  const char *title = i18n_get(n->lang, t->title);
  char *desc = buf_mprintf("%r: %r (%r)", i18n_get(n->lang, t->desc), i18n_get(n->lang, report_col_title(t->col[c])),
                           n->scope);
  if (t->id == RT_REGION)
    svg_region_map(out, id, i18n_get(n->lang, "Tavoitetut organisaatiot maakunnittain"), desc, it, t->nrows,
                   i18n_get(n->lang, "Organisaatioita"), i18n_get(n->lang, "Ei yhtään"));
  else
    svg_bars(out, id, title, desc, it, t->nrows);
  free(desc);
}

static void html_row(buf *out, arena *a, const narrative *n, const report_table *t, const report_row *row, int total) {
  buf_printf(out, "<tr%r><th scope=\"row\">%h</th>", total ? " class=\"total\"" : "",
             report_row_label(row, n->lang, i18n_get));
  for (int c = 0; c < t->ncols; c++) buf_printf(out, "<td class=\"num\">%h</td>", narrative_cell(a, t, row, c));
  buf_puts(out, "</tr>\n");
}

static void html_table(buf *out, arena *a, const narrative *n, const report_table *t) {
  const char *cap = narrative_table_caption(n, a, t);
  buf_printf(out,
             "<div class=\"table-scroll\" role=\"region\" aria-label=\"%h\" tabindex=\"0\"><table class=\"stats\">"
             "<caption>%h</caption>\n<thead><tr><th scope=\"col\">%h</th>",
             cap, cap, i18n_get(n->lang, report_row_head(t)));
  for (int c = 0; c < t->ncols; c++)
    buf_printf(out, "<th scope=\"col\" class=\"num\">%h</th>", i18n_get(n->lang, report_col_title(t->col[c])));
  buf_puts(out, "</tr></thead>\n<tbody>\n");
  for (int i = 0; i < t->nrows; i++) html_row(out, a, n, t, &t->rows[i], 0);
  if (t->has_total) html_row(out, a, n, t, &t->total, 1);
  buf_puts(out, "</tbody></table></div>\n");
}

/* Markdown as HTML, its headings shift levels down, under the report's title (h1). */
static void html_text(buf *out, const char *md, int shift) {
  cmark_node *doc = cmark_parse_document(md, strlen(md), CMARK_OPT_SAFE | CMARK_OPT_SMART);
  cmark_iter *it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node *node = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
      int level = cmark_node_get_heading_level(node) + shift;
      cmark_node_set_heading_level(node, level > 6 ? 6 : level);
    }
  }
  cmark_iter_free(it);
  /* CMARK_OPT_SAFE: raw HTML becomes a comment and unsafe link schemes are emptied */
  char *html = cmark_render_html(doc, CMARK_OPT_SAFE | CMARK_OPT_SMART);
  if (html) buf_puts(out, html);
  free(html);
  cmark_node_free(doc);
}

/* The title page's lines; the title is the page's h1 (in a page the text's headings are one level down). */
static void cover(buf *out, const narrative *n) {
  buf_printf(out, "<header class=\"cover\"><p class=\"programme\">%h</p>\n<h1>%h</h1>\n<p>%h</p>\n<p>%h %h</p></header>\n",
             n->programme, n->title, n->scope, i18n_get(n->lang, "Laadittu"), n->made);
}

void narrative_html(const narrative *n, buf *out, int whole) {
  arena a = {0};
  if (whole)
    buf_printf(out,
               "<!doctype html>\n<html lang=\"%h\">\n<head><meta charset=\"utf-8\">"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
               "<title>%h – %h</title><style>%r</style></head>\n<body>\n",
               n->lang, n->title, n->programme, STYLE);
  buf_printf(out, "<article class=\"narrative\" lang=\"%h\">\n", n->lang);
  cover(out, n);
  for (int k = 0; k < n->nparts; k++) {
    const narr_part *p = &n->part[k];
    if (p->kind == NP_TEXT) {
      html_text(out, p->md, 1);
    } else if (p->kind == NP_TABLE) {
      html_table(out, &a, n, &p->table);
    } else {
      buf_puts(out, "<figure class=\"chart-figure\">");
      narrative_chart_svg(n, &a, &p->table, k, out);
      buf_puts(out, "</figure>\n");
    }
  }
  buf_puts(out, "</article>\n");
  if (whole) buf_puts(out, "</body>\n</html>\n");
  arena_free(&a);
}
