/* pdf: a narrative report typeset as an A4 PDF with cairo and pango: cover, table of contents, Markdown text walked
 * from cmark's tree, tables continued under a repeated header row, charts from svg.c's SVG drawn by librsvg, page
 * numbers and bookmarks. Laid out twice: the first pass finds the page of every heading for the contents. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <cmark.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "report/export.h"
#include "report/narrative.h"

#define PAGE_W 595.276 /* A4 in points */
#define PAGE_H 841.89
#define MARGIN_X 68.0
#define MARGIN_TOP 64.0
#define MARGIN_BOTTOM 78.0
#define TEXT_W (PAGE_W - 2 * MARGIN_X)
#define BOTTOM (PAGE_H - MARGIN_BOTTOM)
#define NUM_COL_W 108.0 /* a table's number column, narrower when many share 62 % of the width */
#define CELL_PAD 4.0

#define F_BODY "DejaVu Serif 10.5"
#define F_MONO "DejaVu Sans Mono 9"
#define F_SMALL "DejaVu Sans 8.5"
#define F_TABLE "DejaVu Sans 9"
#define F_TABLE_B "DejaVu Sans Bold 9"
#define F_CAPTION "DejaVu Sans Bold 10"
#define INK 0.10                /* text: near black */
#define BLUE 0.122, 0.373, 0.6 /* #1f5f99, the charts' bar colour */

typedef struct head {
  int level;
  const char *text;
  int page; /* found by the first pass */
} head;

typedef struct pdf {
  const narrative *n;
  arena *a;
  cairo_surface_t *surf;
  cairo_t *cr;
  int pass;  /* 1 measures, 2 writes */
  int page;  /* the page being drawn; the cover is 1 */
  double y;  /* the next line's top */
  head *head;
  int nhead, hi; /* headings, and the next one the text meets */
  int outline[7];
  cmark_node **doc; /* the text parts' trees, by part */
} pdf;

/* ---- pages and text ---- */

static void footer(pdf *p) {
  if (p->page < 2) return;
  PangoLayout *l = pango_cairo_create_layout(p->cr);
  PangoFontDescription *fd = pango_font_description_from_string(F_SMALL);
  pango_layout_set_font_description(l, fd);
  pango_font_description_free(fd);
  pango_layout_set_width(l, (int)(TEXT_W * PANGO_SCALE));
  pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
  char *s = buf_mprintf("%r · %d", p->n->title, p->page);
  pango_layout_set_text(l, s, -1);
  free(s);
  cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
  cairo_move_to(p->cr, MARGIN_X, PAGE_H - 48);
  pango_cairo_show_layout(p->cr, l);
  g_object_unref(l);
}

static void new_page(pdf *p) {
  footer(p);
  cairo_show_page(p->cr);
  p->page++;
  p->y = MARGIN_TOP;
}

/* Starts a new page unless h points still fit on this one. */
static void need(pdf *p, double h) {
  if (p->y + h > BOTTOM && p->y > MARGIN_TOP) new_page(p);
}

/* A layout of markup (pango markup) in font, width wide, in the report's language. Caller unrefs. */
static PangoLayout *layout(pdf *p, const char *markup, const char *font, double width) {
  PangoLayout *l = pango_cairo_create_layout(p->cr);
  pango_context_set_language(pango_layout_get_context(l), pango_language_from_string(p->n->lang));
  pango_layout_context_changed(l);
  PangoFontDescription *fd = pango_font_description_from_string(font);
  pango_layout_set_font_description(l, fd);
  pango_font_description_free(fd);
  pango_layout_set_width(l, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR); /* a word longer than the line breaks rather than overflows */
  pango_layout_set_markup(l, markup ? markup : "", -1);
  return l;
}

static double height_of(PangoLayout *l) {
  int w, h;
  pango_layout_get_size(l, &w, &h);
  return (double)h / PANGO_SCALE;
}

/* Draws l at x from p->y line by line, going on to the next page where a line does not fit; p->y ends below it. */
static void flow(pdf *p, PangoLayout *l, double x) {
  PangoLayoutIter *it = pango_layout_get_iter(l);
  double off = p->y, bottom = p->y;
  do {
    PangoRectangle r;
    pango_layout_iter_get_line_extents(it, NULL, &r);
    double top = (double)r.y / PANGO_SCALE, h = (double)r.height / PANGO_SCALE;
    if (off + top + h > BOTTOM && off + top > MARGIN_TOP + 1) {
      new_page(p);
      off = p->y - top;
    }
    cairo_move_to(p->cr, x, off + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
    pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
    bottom = off + top + h;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  p->y = bottom;
}

/* A paragraph of markup: flowed, then space below it. */
static void para(pdf *p, const char *markup, const char *font, double indent, double after) {
  PangoLayout *l = layout(p, markup, font, TEXT_W - indent);
  cairo_set_source_rgb(p->cr, INK, INK, INK);
  flow(p, l, MARGIN_X + indent);
  g_object_unref(l);
  p->y += after;
}

/* Text escaped for pango markup. */
static void esc(buf *m, const char *s) {
  for (; s && *s; s++) {
    if (*s == '&')
      buf_puts(m, "&amp;");
    else if (*s == '<')
      buf_puts(m, "&lt;");
    else if (*s == '>')
      buf_puts(m, "&gt;");
    else
      buf_putc(m, *s);
  }
}

/* ---- Markdown ---- */

/* The inline children of node as pango markup (plain 1: text only, for headings and the contents). */
static void inlines(buf *m, cmark_node *node, int plain) {
  for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    const char *lit = cmark_node_get_literal(c);
    switch (cmark_node_get_type(c)) {
    case CMARK_NODE_TEXT: esc(m, lit); break;
    case CMARK_NODE_CODE:
      buf_puts(m, plain ? "" : "<tt>");
      esc(m, lit);
      buf_puts(m, plain ? "" : "</tt>");
      break;
    case CMARK_NODE_SOFTBREAK: buf_putc(m, ' '); break;
    case CMARK_NODE_LINEBREAK: buf_putc(m, plain ? ' ' : '\n'); break;
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG: {
      const char *tag = cmark_node_get_type(c) == CMARK_NODE_EMPH ? "i" : "b";
      if (!plain) buf_printf(m, "<%r>", tag);
      inlines(m, c, plain);
      if (!plain) buf_printf(m, "</%r>", tag);
      break;
    }
    case CMARK_NODE_LINK:
      buf_puts(m, plain ? "" : "<span foreground=\"#1f5f99\" underline=\"single\">");
      inlines(m, c, plain);
      buf_puts(m, plain ? "" : "</span>");
      break;
    case CMARK_NODE_HTML_INLINE: break; /* no raw HTML */
    default: inlines(m, c, plain);
    }
  }
}

static char *markup_of(pdf *p, cmark_node *node, int plain) {
  buf m = BUF_INIT;
  inlines(&m, node, plain);
  return arena_adopt(p->a, m.data ? buf_detach(&m) : strdup(""));
}

static const char *heading_font(int level) {
  return level <= 1 ? "DejaVu Sans Bold 17" : level == 2 ? "DejaVu Sans Bold 13" : "DejaVu Sans Bold 11";
}

/* A heading: kept with what follows, its page noted (first pass) or its bookmark added (second). What follows may be
 * a table block, which starts only where its caption, header and a few rows fit (table(): 110 pt): a heading with
 * less room than that below it would be left alone at the foot of the page. */
static void heading(pdf *p, cmark_node *node) {
  int level = cmark_node_get_heading_level(node);
  PangoLayout *l = layout(p, markup_of(p, node, 0), heading_font(level), TEXT_W);
  p->y += level <= 1 ? 14 : 9;
  need(p, height_of(l) + 120);
  if (p->hi < p->nhead) {
    head *h = &p->head[p->hi++];
    if (p->pass == 1) h->page = p->page;
    if (p->pass == 2) {
      int parent = CAIRO_PDF_OUTLINE_ROOT;
      for (int k = level - 1; k >= 1 && parent == CAIRO_PDF_OUTLINE_ROOT; k--)
        if (k < 7 && p->outline[k]) parent = p->outline[k];
      char *dest = buf_mprintf("page=%d pos=[%.1f %.1f]", p->page, MARGIN_X, p->y);
      int id = cairo_pdf_surface_add_outline(p->surf, parent, h->text, dest, 0);
      free(dest);
      for (int k = level; k < 7; k++) p->outline[k] = 0;
      if (level < 7) p->outline[level] = id;
    }
  }
  cairo_set_source_rgb(p->cr, BLUE);
  flow(p, l, MARGIN_X);
  g_object_unref(l);
  p->y += 5;
}

static void blocks(pdf *p, cmark_node *parent, double indent, int tight);

static void list(pdf *p, cmark_node *node, double indent) {
  int ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, k = cmark_node_get_list_start(node);
  int tight = cmark_node_get_list_tight(node);
  for (cmark_node *item = cmark_node_first_child(node); item; item = cmark_node_next(item), k++) {
    need(p, 16);
    char marker[24];
    snprintf(marker, sizeof marker, ordered ? "%d." : "•", k);
    PangoLayout *l = layout(p, marker, F_BODY, 16);
    cairo_set_source_rgb(p->cr, INK, INK, INK);
    cairo_move_to(p->cr, MARGIN_X + indent, p->y);
    pango_cairo_show_layout(p->cr, l);
    g_object_unref(l);
    blocks(p, item, indent + (ordered ? 20 : 14), tight);
  }
  p->y += tight ? 4 : 0;
}

static void rule(pdf *p, double x0, double x1, double y, double width) {
  cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
  cairo_set_line_width(p->cr, width);
  cairo_move_to(p->cr, x0, y);
  cairo_line_to(p->cr, x1, y);
  cairo_stroke(p->cr);
}

static void blocks(pdf *p, cmark_node *parent, double indent, int tight) {
  for (cmark_node *c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
    case CMARK_NODE_PARAGRAPH: para(p, markup_of(p, c, 0), F_BODY, indent, tight ? 2 : 7); break;
    case CMARK_NODE_HEADING: heading(p, c); break;
    case CMARK_NODE_LIST: list(p, c, indent); break;
    case CMARK_NODE_ITEM:
    case CMARK_NODE_BLOCK_QUOTE: blocks(p, c, indent + 18, tight); break;
    case CMARK_NODE_CODE_BLOCK: {
      buf m = BUF_INIT;
      esc(&m, cmark_node_get_literal(c));
      para(p, m.data ? m.data : "", F_MONO, indent + 10, 7);
      buf_free(&m);
      break;
    }
    case CMARK_NODE_THEMATIC_BREAK:
      need(p, 14);
      rule(p, MARGIN_X + indent, MARGIN_X + TEXT_W, p->y + 6, 0.6);
      p->y += 14;
      break;
    default: break; /* raw HTML is not shown */
    }
  }
}

/* ---- tables and charts ---- */

/* Draws one row (cells: the label, then the columns) at p->y with its height; bold for the header and the total. */
static double table_row(pdf *p, const char **cell, int ncells, int bold, int draw) {
  double num_w = NUM_COL_W * (ncells - 1) > TEXT_W * 0.62 ? TEXT_W * 0.62 / (ncells - 1) : NUM_COL_W;
  double label_w = TEXT_W - (ncells - 1) * num_w, h = 0;
  PangoLayout *l[1 + REPORT_MAX_COLS];
  for (int i = 0; i < ncells; i++) {
    buf m = BUF_INIT;
    esc(&m, cell[i]);
    l[i] = layout(p, m.data ? m.data : "", bold ? F_TABLE_B : F_TABLE, (i ? num_w : label_w) - 2 * CELL_PAD);
    buf_free(&m);
    if (i) pango_layout_set_alignment(l[i], PANGO_ALIGN_RIGHT);
    if (height_of(l[i]) > h) h = height_of(l[i]);
  }
  h += 2 * CELL_PAD;
  for (int i = 0; i < ncells; i++) {
    if (draw) {
      cairo_set_source_rgb(p->cr, INK, INK, INK);
      cairo_move_to(p->cr, MARGIN_X + (i ? label_w + (i - 1) * num_w : 0) + CELL_PAD, p->y + CELL_PAD);
      pango_cairo_show_layout(p->cr, l[i]);
    }
    g_object_unref(l[i]);
  }
  if (draw) {
    p->y += h;
    rule(p, MARGIN_X, MARGIN_X + TEXT_W, p->y, bold ? 0.9 : 0.3);
  }
  return h;
}

static void row_cells(pdf *p, const report_table *t, const report_row *row, const char **cell) {
  cell[0] = report_row_label(row, p->n->lang, i18n_get);
  for (int c = 0; c < t->ncols; c++) cell[1 + c] = narrative_cell(p->a, t, row, c);
}

/* The caption (with "(jatkuu)" on a continuation) and the header row. */
static void table_top(pdf *p, const report_table *t, int cont) {
  const char *cap = narrative_table_caption(p->n, p->a, t);
  buf m = BUF_INIT;
  esc(&m, cap);
  if (cont) buf_printf(&m, " (%r)", i18n_get(p->n->lang, "jatkuu"));
  para(p, m.data, F_CAPTION, 0, 2);
  buf_free(&m);
  const char *cell[1 + REPORT_MAX_COLS];
  cell[0] = i18n_get(p->n->lang, report_row_head(t));
  for (int c = 0; c < t->ncols; c++) cell[1 + c] = i18n_get(p->n->lang, report_col_title(t->col[c]));
  table_row(p, cell, 1 + t->ncols, 1, 1);
}

static void table(pdf *p, const report_table *t) {
  const char *cell[1 + REPORT_MAX_COLS];
  p->y += 4;
  need(p, 110); /* the caption, the header and a few rows together */
  table_top(p, t, 0);
  for (int i = 0; i <= t->nrows; i++) {
    if (i == t->nrows && !t->has_total) break;
    const report_row *row = i < t->nrows ? &t->rows[i] : &t->total;
    row_cells(p, t, row, cell);
    double h = table_row(p, cell, 1 + t->ncols, i == t->nrows, 0);
    if (p->y + h > BOTTOM) {
      new_page(p);
      table_top(p, t, 1);
    }
    table_row(p, cell, 1 + t->ncols, i == t->nrows, 1);
  }
  p->y += 12;
}

static int chart(pdf *p, const report_table *t, int k, kerr *e) {
  buf svg = BUF_INIT;
  narrative_chart_svg(p->n, p->a, t, k, &svg);
  GError *err = NULL;
  RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)svg.data, svg.len, &err);
  buf_free(&svg);
  if (!h) {
    kerr_set(e, NULL, "kaavion piirto epäonnistui: %r", err ? err->message : "");
    g_clear_error(&err);
    return K_ERR;
  }
  gdouble w = 340, hgt = 200;
  rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &hgt);
  double scale = w > TEXT_W ? TEXT_W / w : 1.0, room = BOTTOM - MARGIN_TOP - 40;
  if (hgt * scale > room) scale = room / hgt;
  p->y += 4;
  need(p, hgt * scale + 30);
  buf m = BUF_INIT;
  esc(&m, narrative_table_caption(p->n, p->a, t));
  para(p, m.data, F_CAPTION, 0, 4);
  buf_free(&m);
  RsvgRectangle vp = {MARGIN_X, p->y, w * scale, hgt * scale};
  int ok = rsvg_handle_render_document(h, p->cr, &vp, &err);
  g_object_unref(h);
  if (!ok) {
    kerr_set(e, NULL, "kaavion piirto epäonnistui: %r", err ? err->message : "");
    g_clear_error(&err);
    return K_ERR;
  }
  p->y += hgt * scale + 14;
  return K_OK;
}

/* ---- cover, contents, the whole ---- */

static void cover(pdf *p) {
  const narrative *n = p->n;
  cairo_set_source_rgb(p->cr, BLUE);
  cairo_rectangle(p->cr, 0, 0, PAGE_W, 16);
  cairo_fill(p->cr);
  buf m = BUF_INIT;
  p->y = 220;
  esc(&m, n->programme);
  para(p, m.data, "DejaVu Sans 14", 0, 18);
  buf_reset(&m);
  esc(&m, n->title);
  PangoLayout *l = layout(p, m.data, "DejaVu Sans Bold 30", TEXT_W);
  cairo_set_source_rgb(p->cr, BLUE);
  flow(p, l, MARGIN_X);
  g_object_unref(l);
  p->y += 14;
  buf_reset(&m);
  esc(&m, n->scope);
  para(p, m.data, "DejaVu Serif 14", 0, 40);
  buf_reset(&m);
  esc(&m, i18n_get(n->lang, "Laadittu"));
  buf_putc(&m, ' ');
  esc(&m, n->made);
  para(p, m.data, F_SMALL, 0, 0);
  buf_free(&m);
}

static void contents(pdf *p) {
  const char *title = i18n_get(p->n->lang, "Sisällys");
  PangoLayout *l = layout(p, title, heading_font(1), TEXT_W);
  cairo_set_source_rgb(p->cr, BLUE);
  flow(p, l, MARGIN_X);
  g_object_unref(l);
  if (p->pass == 2) {
    char *dest = buf_mprintf("page=%d pos=[%.1f %.1f]", p->page, MARGIN_X, MARGIN_TOP);
    cairo_pdf_surface_add_outline(p->surf, CAIRO_PDF_OUTLINE_ROOT, title, dest, 0);
    free(dest);
  }
  p->y += 12;
  for (int i = 0; i < p->nhead; i++) {
    const head *h = &p->head[i];
    if (h->level > 2) continue;
    double indent = h->level == 1 ? 0 : 16;
    buf m = BUF_INIT;
    esc(&m, h->text);
    PangoLayout *e = layout(p, m.data, h->level == 1 ? "DejaVu Sans Bold 10.5" : "DejaVu Sans 10.5",
                            TEXT_W - indent - 40);
    char num[16];
    snprintf(num, sizeof num, "%d", h->page);
    PangoLayout *pn = layout(p, num, "DejaVu Sans 10.5", 40);
    pango_layout_set_alignment(pn, PANGO_ALIGN_RIGHT);
    need(p, height_of(e) + 4);
    char *link = buf_mprintf("page=%d pos=[%.1f %.1f]", h->page > 0 ? h->page : 1, MARGIN_X, MARGIN_TOP);
    cairo_tag_begin(p->cr, CAIRO_TAG_LINK, link);
    free(link);
    cairo_set_source_rgb(p->cr, INK, INK, INK);
    cairo_move_to(p->cr, MARGIN_X + TEXT_W - 40, p->y);
    pango_cairo_show_layout(p->cr, pn);
    flow(p, e, MARGIN_X + indent);
    cairo_tag_end(p->cr, CAIRO_TAG_LINK);
    p->y += h->level == 1 ? 5 : 2;
    g_object_unref(e);
    g_object_unref(pn);
    buf_free(&m);
  }
}

/* The headings of every text part, in order, for the contents. */
static void collect_heads(pdf *p) {
  int cap = 0;
  for (int k = 0; k < p->n->nparts; k++) {
    if (!p->doc[k]) continue;
    cmark_iter *it = cmark_iter_new(p->doc[k]);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
      cmark_node *node = cmark_iter_get_node(it);
      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HEADING) continue;
      p->head = arena_grow(p->a, p->head, p->nhead, &cap, sizeof *p->head);
      p->head[p->nhead++] = (head){cmark_node_get_heading_level(node), markup_of(p, node, 1), 0};
    }
    cmark_iter_free(it);
  }
}

static cairo_status_t sink(void *closure, const unsigned char *data, unsigned int len) {
  if (closure) buf_append(closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* One pass over the whole report into out (NULL: measuring only). */
static int run(pdf *p, buf *out, kerr *e) {
  p->surf = cairo_pdf_surface_create_for_stream(sink, out, PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_TITLE, p->n->title);
  cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_AUTHOR, p->n->programme);
  cairo_pdf_surface_set_metadata(p->surf, CAIRO_PDF_METADATA_CREATOR, "Kehto");
  p->cr = cairo_create(p->surf);
  p->page = 1, p->hi = 0;
  memset(p->outline, 0, sizeof p->outline);
  cover(p);
  new_page(p);
  contents(p);
  new_page(p);
  int rc = K_OK;
  for (int k = 0; rc == K_OK && k < p->n->nparts; k++) {
    const narr_part *part = &p->n->part[k];
    if (part->kind == NP_TEXT)
      blocks(p, p->doc[k], 0, 0);
    else if (part->kind == NP_TABLE)
      table(p, &part->table);
    else
      rc = chart(p, &part->table, k, e);
  }
  footer(p);
  cairo_destroy(p->cr);
  cairo_surface_finish(p->surf);
  cairo_status_t st = cairo_surface_status(p->surf);
  cairo_surface_destroy(p->surf);
  if (rc == K_OK && st != CAIRO_STATUS_SUCCESS)
    rc = kerr_set(e, NULL, "PDF:n teko epäonnistui: %r", cairo_status_to_string(st));
  return rc;
}

int narrative_pdf(const narrative *n, buf *out, kerr *e) {
  arena a = {0};
  pdf p = {.n = n, .a = &a};
  p.doc = arena_alloc(&a, sizeof *p.doc * (size_t)(n->nparts ? n->nparts : 1));
  for (int k = 0; k < n->nparts; k++)
    if (n->part[k].kind == NP_TEXT)
      p.doc[k] = cmark_parse_document(n->part[k].md, strlen(n->part[k].md), CMARK_OPT_SAFE | CMARK_OPT_SMART);
  collect_heads(&p);
  p.pass = 1;
  int rc = run(&p, NULL, e);
  if (rc == K_OK) {
    p.pass = 2;
    rc = run(&p, out, e);
  }
  for (int k = 0; k < n->nparts; k++)
    if (p.doc[k]) cmark_node_free(p.doc[k]);
  arena_free(&a);
  return rc;
}

/* Only this thread's font map is let go of. cairo_debug_reset_static_data() and FcFini(), which freed the libraries'
 * process caches for the leak checker, assert that nothing holds a font any more, and Pango may still hold its font
 * map a moment after the PDF is done (its fontconfig set-up runs in a thread of its own): `kehto report … --format
 * pdf` then died of an assertion in cairo-hash.c after writing the file, now and then under load. The leak checker
 * is told instead that the font libraries' caches live as long as the process (below). */
void narrative_pdf_cleanup(void) {
  pango_cairo_font_map_set_default(NULL); /* this thread's font map, which holds fontconfig's patterns */
}

#if defined(__SANITIZE_ADDRESS__)
/* LeakSanitizer's built-in suppressions (it calls this when the process ends): what the font and image libraries
 * cache for the life of the process. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
  return "leak:libfontconfig.so\nleak:libcairo.so\nleak:libpango-1.0.so\nleak:libpangocairo-1.0.so\n"
         "leak:libpangoft2-1.0.so\nleak:libharfbuzz.so\nleak:libfreetype.so\nleak:librsvg-2.so\n"
         "leak:libglib-2.0.so\nleak:libgobject-2.0.so\nleak:libgio-2.0.so\n";
}
/* and it does not list them at every exit */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void) {
  return "print_suppressions=0";
}
#endif
