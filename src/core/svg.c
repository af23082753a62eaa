/* svg: horizontal bar charts, line charts over time and the region tile map, written as inline SVG with presentation
 * attributes. */
#include "core/svg.h"

#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util.h"

#define BAR_FILL "#1f5f99" /* 6.9:1 against white */
#define TEXT_DARK "#1a1a1a"
#define EDGE "#595959" /* tile and axis lines: 7:1 against white */

/* The text of a suppressed value: 1 (small) "< 5", 2 (hidden to protect another) "•", as in report/export.c. */
static const char *svg_mark(int hidden) {
  return hidden == 2 ? "•" : "< 5";
}

static void open_svg(buf *b, const char *id, const char *title, const char *desc, int w, int h) {
  buf_printf(b,
             "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
             "height=\"%d\" role=\"img\" aria-labelledby=\"%h-t %h-d\" font-family=\"sans-serif\">"
             "<title id=\"%h-t\">%h</title><desc id=\"%h-d\">%h</desc>\n",
             w, h, w, h, id, id, id, title, id, desc);
}

/* Writes s as <tspan> lines of at most max characters each, broken at spaces and after hyphens (a longer word
 * stays whole), at x, the first at the text's y and each next one line_h lower. Returns the number of lines. */
static int wrapped(buf *b, const char *s, int max, int x, int line_h) {
  int lines = 0;
  while (*s) {
    const char *cut = NULL; /* where this line ends: after the last break that fits */
    int chars = 0;
    const char *p = s;
    for (; *p && chars < max; p++) {
      if ((*p & 0xC0) != 0x80) chars++;
      if (*p == ' ' || *p == '-') cut = p + 1;
    }
    if (!*p) cut = p;
    if (!cut) { /* a word longer than a line: up to its end */
      cut = p;
      while (*cut && *cut != ' ' && *cut != '-') cut++;
      if (*cut) cut++;
    }
    int n = (int)(cut - s);
    while (n > 0 && s[n - 1] == ' ') n--;
    char line[512];
    snprintf(line, sizeof line, "%.*s", n < (int)sizeof line ? n : (int)sizeof line - 1, s);
    buf_printf(b, "<tspan x=\"%d\" dy=\"%d\">%h</tspan>", x, lines ? line_h : 0, line);
    lines++;
    for (s = cut; *s == ' '; s++) {
    }
  }
  return lines ? lines : 1;
}

/* Lines wrapped() makes of s: counted the same way, without writing. */
static int lines_of(const char *s, int max) {
  buf scratch = BUF_INIT;
  int n = wrapped(&scratch, s, max, 0, 0);
  buf_free(&scratch);
  return n;
}

void svg_bars(buf *b, const char *id, const char *title, const char *desc, const svg_item *it, int n) {
  svg_bars_goals(b, id, title, desc, it, n, NULL);
}

void svg_bars_goals(buf *b, const char *id, const char *title, const char *desc, const svg_item *it, int n,
                    const svg_goal *goal) {
  /* Narrow enough to be drawn at full size in a phone's 358 px column (390 px screen), so its 14 px text stays at
   * least 12 px on any phone of 320 px or more: each label on its own line(s) above its bar. */
  enum { W = SVG_BARS_WIDTH, BAR_W = W - 64, FONT = 14, LINE_H = 18, BAR_H = 14, GAP = 10, TOP = 4 };
  enum { MAX_CHARS = W / 9 }; /* a line's characters at 14 px in a wide sans-serif (DejaVu: about 8.5 px each) */
  long long max = 0;
  int h = TOP;
  const char **label = malloc(sizeof *label * (size_t)(n ? n : 1)); /* with the target's note: "Työpaja (tavoite 60)" */
  for (int i = 0; i < n; i++) {
    if (!it[i].hidden && it[i].v > max) max = it[i].v;
    if (goal && goal[i].target > max) max = goal[i].target;
    label[i] = goal && goal[i].note ? buf_mprintf("%r (%r)", it[i].label, goal[i].note) : it[i].label;
    h += lines_of(label[i], MAX_CHARS) * LINE_H + 2 + BAR_H + GAP; /* as the loop below moves down */
  }
  open_svg(b, id, title, desc, W, n ? h : TOP + LINE_H);
  for (int i = 0, y = TOP; i < n; i++) {
    int w = max && !it[i].hidden ? (int)((double)it[i].v * BAR_W / (double)max + 0.5) : 0;
    if (!it[i].hidden && it[i].v > 0 && w < 2) w = 2; /* a small but non-zero value stays visible */
    buf_printf(b, "<text y=\"%d\" font-size=\"%d\" fill=\"%r\">", y + FONT, FONT, TEXT_DARK);
    int lines = wrapped(b, label[i], MAX_CHARS, 0, LINE_H);
    buf_puts(b, "</text>");
    int by = y + lines * LINE_H + 2;
    if (w) buf_printf(b, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%r\"/>", by, w, BAR_H, BAR_FILL);
    buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"%r\">", w + 6, by + BAR_H - 2, FONT, TEXT_DARK);
    if (it[i].hidden)
      buf_printf(b, "%h", svg_mark(it[i].hidden));
    else
      buf_printf(b, "%N", it[i].v);
    buf_puts(b, "</text>\n");
    if (goal &&
        goal[i].target > 0) { /* the target: a dashed line across the bar's row, at its place on the same scale */
      int tx = (int)((double)goal[i].target * BAR_W / (double)max + 0.5);
      buf_printf(b,
                 "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%r\" stroke-width=\"2\" "
                 "stroke-dasharray=\"3 2\"/>\n",
                 tx, by - 3, tx, by + BAR_H + 3, TEXT_DARK);
    }
    y = by + BAR_H + GAP;
  }
  buf_puts(b, "</svg>\n");
  for (int i = 0; i < n; i++)
    if (label[i] != it[i].label) free((char *)label[i]);
  free(label);
}

/* The y of value v on an axis from 0 (at bottom) to max (at top). */
static int line_y(long long v, long long max, int top, int bottom) {
  if (max <= 0 || v <= 0) return bottom;
  return bottom - (int)((double)v * (bottom - top) / (double)max + 0.5);
}

void svg_lines(buf *b, const char *id, const char *title, const char *desc, const char *const *xlabels, int n,
               const svg_series *s, int ns) {
  enum { W = 640, H = 260, LEFT = 90, RIGHT = 10, TOP = 12, BOTTOM = 200, FONT = 13 };
  long long max = 0;
  for (int k = 0; k < ns; k++)
    for (int i = 0; i < n; i++)
      if (s[k].v[i] > max) max = s[k].v[i];
  open_svg(b, id, title, desc, W, H);
  double step = n > 1 ? (double)(W - LEFT - RIGHT) / (n - 1) : 0;
  buf_printf(b, "<path d=\"M%d %dH%dM%d %dV%d\" stroke=\"%r\" fill=\"none\"/>\n", LEFT, BOTTOM, W - RIGHT, LEFT, TOP,
             BOTTOM, EDGE);
  for (int t = 0; t <= 2; t++) /* 0, half and the largest value on the axis */
    buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"%d\" fill=\"%r\">%N</text>\n", LEFT - 6,
               line_y(max * t / 2, max, TOP, BOTTOM) + 4, FONT, TEXT_DARK, max * t / 2);
  for (int i = 0; i < n; i++)
    if (xlabels[i])
      buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"%r\">%h</text>\n", LEFT + (int)(i * step),
                 BOTTOM + 18, FONT, TEXT_DARK, xlabels[i]);
  for (int k = 0; k < ns; k++) {
    buf_printf(b, "<polyline fill=\"none\" stroke=\"%r\" stroke-width=\"2.5\"%r points=\"", s[k].colour,
               s[k].dashed ? " stroke-dasharray=\"6 4\"" : "");
    for (int i = 0; i < n; i++)
      buf_printf(b, "%r%d,%d", i ? " " : "", LEFT + (int)(i * step), line_y(s[k].v[i], max, TOP, BOTTOM));
    buf_puts(b, "\"/>\n");
    int lx = LEFT + k * 260;
    buf_printf(b, "<path d=\"M%d %dh28\" stroke=\"%r\" stroke-width=\"2.5\"%r/>", lx, H - 14, s[k].colour,
               s[k].dashed ? " stroke-dasharray=\"6 4\"" : "");
    buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"%d\" fill=\"%r\">%h</text>\n", lx + 34, H - 10, FONT, TEXT_DARK,
               s[k].label);
  }
  buf_puts(b, "</svg>\n");
}

/* Where each region sits on the grid (column, row): roughly the shape of Finland. */
static const struct tile {
  const char *code;
  int col, row;
} TILES[] = {
    {"FI1D7", 2, 0}, {"FI1D9", 2, 1}, {"FI1D8", 3, 1}, {"FI195", 0, 2}, {"FI1D5", 1, 2},
    {"FI1D2", 3, 2}, {"FI1D3", 4, 2}, {"FI194", 1, 3}, {"FI193", 2, 3}, {"FI1D1", 3, 3},
    {"FI196", 0, 4}, {"FI197", 1, 4}, {"FI1C3", 2, 4}, {"FI1C5", 4, 4}, {"FI1C1", 0, 5},
    {"FI1C2", 1, 5}, {"FI1C4", 3, 5}, {"FI200", 0, 6}, {"FI1B1", 2, 5},
};

/* Five steps of blue; text colour chosen for at least 4.5:1 on each. */
static const char *const FILL[5] = {"#ffffff", "#deebf7", "#9ecae1", "#2171b5", "#08306b"};
static const char *const INK[5] = {TEXT_DARK, TEXT_DARK, TEXT_DARK, "#ffffff", "#ffffff"};

int svg_step(long long v, long long max) {
  if (v <= 0 || max <= 0) return 0;
  int s = (int)((v * 4 + max - 1) / max); /* 1..4: quarters of the largest value, rounded up */
  return s < 1 ? 1 : s > 4 ? 4 : s;
}

static void legend(buf *b, int x, int y, long long max, const char *legend_title, const char *legend_zero) {
  buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" font-weight=\"bold\" fill=\"%r\">%h</text>\n", x, y,
             TEXT_DARK, legend_title);
  for (int s = 0, k = 0; s < 5; s++) {
    long long lo = (max * (s - 1)) / 4 + 1, hi = (max * s) / 4;
    if (s > 0 && hi < lo) continue; /* with a small largest value some steps hold no whole number */
    int yy = y + 10 + k++ * 24;
    buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"18\" fill=\"%r\" stroke=\"%r\"/>", x, yy, FILL[s],
               EDGE);
    buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"%r\">", x + 26, yy + 14, TEXT_DARK);
    if (s == 0) {
      buf_printf(b, "%h", legend_zero);
    } else {
      if (lo == hi)
        buf_printf(b, "%N", hi);
      else
        buf_printf(b, "%N–%N", lo, hi);
    }
    buf_puts(b, "</text>\n");
  }
}

void svg_region_map(buf *b, const char *id, const char *title, const char *desc, const svg_item *it, int n,
                    const char *legend_title, const char *legend_zero) {
  enum { TW = 128, TH = 54, GAP = 4, COLS = 5, ROWS = 7, LEG_W = 170 };
  long long max = 0; /* as in svg_bars, a suppressed value must not set the legend's scale */
  for (int i = 0; i < n; i++)
    if (!it[i].hidden && it[i].v > max) max = it[i].v;
  open_svg(b, id, title, desc, COLS * (TW + GAP) + LEG_W, ROWS * (TH + GAP));
  for (size_t k = 0; k < sizeof TILES / sizeof TILES[0]; k++) {
    const svg_item *x = NULL;
    for (int i = 0; i < n && !x; i++)
      if (it[i].code && strcmp(it[i].code, TILES[k].code) == 0) x = &it[i];
    if (!x) continue;
    int s = x->hidden ? 0 : svg_step(x->v, max), px = TILES[k].col * (TW + GAP), py = TILES[k].row * (TH + GAP);
    buf_printf(b, "<g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"%r\" stroke=\"%r\"/>", px, py,
               TW, TH, FILL[s], EDGE);
    int two = lines_of(x->label, 16) > 1; /* 16 characters of 12 px fit a tile */
    buf_printf(b, "<text y=\"%d\" text-anchor=\"middle\" font-size=\"12\" fill=\"%r\">", py + (two ? 14 : 20), INK[s]);
    wrapped(b, x->label, 16, px + TW / 2, 13);
    buf_puts(b, "</text>");
    buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\" fill=\"%r\">",
               px + TW / 2, py + 47, INK[s]);
    if (x->hidden)
      buf_printf(b, "%h", svg_mark(x->hidden));
    else
      buf_printf(b, "%N", x->v);
    buf_puts(b, "</text></g>\n");
  }
  legend(b, COLS * (TW + GAP) + 10, 20, max, legend_title, legend_zero);
  buf_puts(b, "</svg>\n");
}

/* ---- QR codes ---- */

int svg_qr(buf *b, const char *text, const char *title) {
  QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!q) return K_ERR;
  int w = q->width, quiet = 4, size = w + 2 * quiet;
  buf_printf(
      b,
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
      "role=\"img\" aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\">"
      "<title id=\"qr-title\">%h</title><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path fill=\"#000\" d=\"",
      size, size, size * 8, size * 8, title, size, size);
  for (int y = 0; y < w; y++)
    for (int x = 0; x < w;) { /* one rectangle per run of dark modules in a row */
      if (!(q->data[y * w + x] & 1)) {
        x++;
        continue;
      }
      int run = 1;
      while (x + run < w && (q->data[y * w + x + run] & 1)) run++;
      buf_printf(b, "M%d %dh%dv1h-%dz", x + quiet, y + quiet, run, run);
      x += run;
    }
  buf_puts(b, "\"/></svg>\n");
  QRcode_free(q);
  return K_OK;
}
