/* svg: charts drawn as inline SVG (horizontal bars, a tile map of Finland's 19 regions), each with role="img", a
 * <title> and a <desc>; colours are presentation attributes (the CSP forbids inline styles). */
#ifndef KEHTO_SVG_H
#define KEHTO_SVG_H
#include "core/buf.h"

/* One bar or tile: a label, a value, and whether the value is suppressed (drawn without a bar and out of the scale,
 * labelled "< 5" when hidden is 1, a true 1..4, and "•" when 2, hidden to protect another cell). */
typedef struct svg_item {
  const char *code; /* region code for the map; unused for bars */
  const char *label;
  long long v;
  int hidden;
} svg_item;

/* A target on a bar: drawn as a dashed line across the bar's row at its place on the scale (0: none), and a note
 * written after the value ("tavoite 60", plain text; NULL: none). */
typedef struct svg_goal {
  long long target;
  const char *note;
} svg_goal;

/* The width of a bar chart in CSS px: it fits a phone's column at full size. */
#define SVG_BARS_WIDTH 340

/* A horizontal bar chart, each label above its bar (wrapped to lines that fit), the value after the bar. id is a unique
 * ASCII id for the title/desc ids; title and desc are plain text (escaped). */
void svg_bars(buf *b, const char *id, const char *title, const char *desc, const svg_item *it, int n);
/* The same with goal[i] the target of bar i (goal NULL: none), in the scale. */
void svg_bars_goals(buf *b, const char *id, const char *title, const char *desc, const svg_item *it, int n,
                    const svg_goal *goal);

/* One line of a line chart: n values (one per x label), its legend label, its colour and whether it is dashed. */
typedef struct svg_series {
  const char *label;
  const long long *v;
  const char *colour; /* trusted: "#1f5f99" */
  int dashed;
} svg_series;

/* A line chart of ns series over n points from 0 up to the largest value, the axis labelled at 0, half and the
 * largest value (Finnish thousands), x labels where xlabels[i] is not NULL, a legend below. Colours should keep
 * 3:1 against white; the dashed series tells itself apart without colour. */
void svg_lines(buf *b, const char *id, const char *title, const char *desc, const char *const *xlabels, int n,
               const svg_series *s, int ns);

/* A tile map of the regions in it (matched by NUTS3 code; unknown codes are left out), coloured in five steps by
 * value, with a legend whose first entry is legend_zero ("no organisations") and the others value ranges. */
void svg_region_map(buf *b, const char *id, const char *title, const char *desc, const svg_item *it, int n,
                    const char *legend_title, const char *legend_zero);

/* The step (0..4) of v on the map's colour scale for the largest value max; exposed for tests. */
int svg_step(long long v, long long max);

/* A QR code of text (error correction M, a quiet zone of four modules) as a standalone SVG document: a white square
 * and one path of the dark modules, 8 px a module, named by title (plain text, escaped). Returns K_OK, or K_ERR when
 * text cannot be encoded (too long). */
int svg_qr(buf *b, const char *text, const char *title);

#endif
