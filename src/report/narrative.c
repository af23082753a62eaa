/* narrative: making an annual or final report from its stored text: the report's scope, the {{report.…}} figures
 * and the {{table:…}}/{{chart:…}} blocks (the language is in narrative.h), then placeholder.c's figures. */
#include "report/narrative.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "model/programme.h"
#include "model/report_template.h"
#include "report/export.h"
#include "report/placeholder.h"
#include "report/survey_results.h"

#define BLOCK_MARK '\x1e' /* a block's line while placeholder.c reads the text: "\x1e" N "\x1e" */

/* What the scanner knows of the report it reads for. */
typedef struct scope {
  db *d; /* the figures are read anew each time (report_get): any figure read in between may replace them */
  const char *kind, *lang;
  int year, slot, audience;
  int generic;      /* checking the annual text for every year: a year row's figure is checked by its column */
  const char *name; /* {{report.period}} */
} scope;

typedef struct scanner {
  db *d;
  arena *a;
  const scope *sc;
  buf out;
  kerr *e;
  int nblock, cap;
  struct block {
    int chart, table;
  } *block;
} scanner;

/* ---- the report's scope ---- */

static const char *period_name(arena *a, const report_data *rd, int slot, const char *lang) {
  const report_period *p = report_period_at(rd, slot);
  const char *name = !strcmp(lang, "sv") && p->name_sv && *p->name_sv ? p->name_sv : p->name;
  char *s = buf_mprintf("%r %d–%d", name, p->start_year, p->end_year);
  return arena_adopt(a, s);
}

/* The whole programme's years "2015–2020" (in a), from the periods. */
static const char *programme_years(arena *a, const report_data *rd) {
  int first = 0, last = 0;
  for (int s = 1; s <= report_nperiods(rd); s++) {
    const report_period *p = report_period_at(rd, s);
    if (!first || p->start_year < first) first = p->start_year;
    if (p->end_year > last) last = p->end_year;
  }
  return arena_adopt(a, buf_mprintf("%d–%d", first, last));
}

int narrative_years(db *d, int *first, int *last) {
  const report_data *rd = report_get(d);
  *first = 1, *last = 0;
  for (int s = 1; s <= report_nperiods(rd); s++) {
    const report_period *p = report_period_at(rd, s);
    if (*first > *last || p->start_year < *first) *first = p->start_year;
    if (p->end_year > *last) *last = p->end_year;
  }
  return *first <= *last;
}

/* The slot of the funding period that contains year, or -1. */
static int slot_of_year(const report_data *rd, int year) {
  for (int s = 1; s <= report_nperiods(rd); s++) {
    const report_period *p = report_period_at(rd, s);
    if (year >= p->start_year && year <= p->end_year) return s;
  }
  return -1;
}

/* 1 when the year row of the whole programme has any figure above zero. */
static int year_has_data(const report_data *rd, arena *a, int year) {
  report_table t;
  report_table_make(rd, a, RT_YEAR, 0, 0, &t);
  char code[16];
  snprintf(code, sizeof code, "%d", year);
  for (int i = 0; i < t.nrows; i++)
    if (!strcmp(t.rows[i].code, code))
      for (int c = 0; c < t.ncols; c++)
        if (t.rows[i].v[c] > 0) return 1;
  return 0;
}

/* Fills sc for kind and year; an annual year must lie in a funding period. Returns K_OK or K_ERR with e set. */
static int scope_make(db *d, arena *a, const char *kind, int year, const char *lang, int audience, scope *sc,
                      kerr *e) {
  memset(sc, 0, sizeof *sc);
  sc->d = d;
  sc->kind = kind, sc->lang = lang, sc->audience = audience;
  if (!rtemplate_kind_ok(kind)) return kerr_set(e, NULL, N_("Raportin laji on annual tai final."));
  if (!rtemplate_lang_ok(lang)) return kerr_set(e, NULL, N_("Raportin kieli on fi tai sv."));
  if (report_nperiods(report_get(d)) == 0) return kerr_set(e, NULL, N_("Ohjelmalla ei ole rahoituskausia."));
  if (!strcmp(kind, "final")) {
    sc->name = programme_years(a, report_get(d));
    return K_OK;
  }
  if (!year) { /* the text for every year is checked as the last year's, whose row may have no data yet */
    int first, last;
    narrative_years(d, &first, &last);
    year = last, sc->generic = 1;
  }
  sc->year = year;
  sc->slot = slot_of_year(report_get(d), year);
  if (sc->slot < 0)
    return kerr_set(e, "year", "Vuosi %d ei kuulu millekään rahoituskaudelle (%r).", year,
                    programme_years(a, report_get(d)));
  sc->name = period_name(a, report_get(d), sc->slot, lang);
  return K_OK;
}

/* ---- scanning: {{report.…}} and the blocks ---- */

/* Writes s so that Markdown reads it as plain text. */
static void md_literal(buf *out, const char *s) {
  for (; *s; s++) {
    if ((unsigned char)*s < 128 && ispunct((unsigned char)*s)) buf_putc(out, '\\');
    buf_putc(out, *s);
  }
}

/* The stats name that report.REST stands for in this scope (in a), or NULL (with e set) when none. */
static const char *stats_name(scanner *s, const char *rest, kerr *e) {
  const scope *sc = s->sc;
  if (!strncmp(rest, "year.", 5)) {
    if (!sc->year) return kerr_set(e, NULL, "vuoden luvut ovat vain vuosiraportissa"), NULL;
    return arena_adopt(s->a, buf_mprintf("stats.year.%d.%r", sc->year, rest + 5));
  }
  if (!sc->slot) return arena_adopt(s->a, buf_mprintf("stats.%r", rest));
  return arena_adopt(s->a, buf_mprintf("stats.period.%lld.%r", report_period_at(report_get(sc->d), sc->slot)->id, rest));
}

/* 1 when col is a column of the year table (checking the text for every year, whose years may have no row yet). */
static int year_column(scanner *s, const char *col) {
  report_table t;
  report_table_make(report_get(s->d), s->a, RT_YEAR, 0, 0, &t);
  for (int c = 0; c < t.ncols; c++)
    if (!strcmp(report_col_key(t.col[c]), col)) return 1;
  return 0;
}

/* {{report.NAME}} (inner, trimmed, without braces): its text, or a problem naming it. */
static void report_figure(scanner *s, const char *inner) {
  const scope *sc = s->sc;
  const char *rest = inner + 7;
  kerr e = {0};
  if (strchr(inner, '|')) {
    kerr_add(s->e, NULL, "lukumäärällä ei ole desimaaleja: {{%r}}", inner);
  } else if (!strcmp(rest, "year") && sc->year) {
    buf_printf(&s->out, "%d", sc->year);
    return;
  } else if (!strcmp(rest, "year")) {
    kerr_add(s->e, NULL, "tuntematon luku {{%r}} (vuosi on vain vuosiraportissa)", inner);
  } else if (!strcmp(rest, "period")) {
    md_literal(&s->out, sc->name);
    return;
  } else if (sc->generic && !strncmp(rest, "year.", 5)) {
    if (year_column(s, rest + 5)) return;
    kerr_add(s->e, NULL, "tuntematon luku {{%r}} (taulukossa year ei ole saraketta %r)", inner, rest + 5);
  } else {
    const char *name = stats_name(s, rest, &e);
    ph_figure f;
    if (name && placeholder_resolve(s->d, s->a, name, sc->audience, &f, &e) == K_OK) {
      buf b = BUF_INIT;
      placeholder_format(&b, &f, -1, sc->lang);
      md_literal(&s->out, b.data ? b.data : "");
      buf_free(&b);
      return;
    }
    kerr_add(s->e, NULL, "tuntematon luku {{%r}} (%r)", inner, e.msg ? e.msg : "");
  }
  kerr_clear(&e);
  buf_puts(&s->out, "\\[?\\]");
}

/* A block's table id: a table of /tilastot, and for a chart one with more than one figure a row. -1 when none. */
static int block_table(const char *name, int chart) {
  int id = report_table_id(name);
  return id < 0 || (chart && id == RT_KEY) ? -1 : id;
}

/* A line that is only {{table:NAME}} or {{chart:NAME}} (spaces around allowed): the block's marker line. Returns 1
 * when line (len bytes) was one. */
static int block_line(scanner *s, const char *line, size_t len) {
  while (len && isspace((unsigned char)*line)) line++, len--;
  while (len && isspace((unsigned char)line[len - 1])) len--;
  if (len < 5 || strncmp(line, "{{", 2) || strncmp(line + len - 2, "}}", 2)) return 0;
  char *inner = arena_strndup(s->a, line + 2, len - 4);
  inner = util_trim(inner);
  int chart = !strncmp(inner, "chart:", 6);
  if (!chart && strncmp(inner, "table:", 6)) return 0;
  if (strstr(inner, "{{") || strstr(inner, "}}")) return 0;
  const char *name = util_trim(inner + 6);
  int id = block_table(name, chart);
  if (id < 0) {
    kerr_add(s->e, NULL, chart ? "tuntematon kaavio {{%r}}" : "tuntematon taulukko {{%r}}", inner);
    buf_puts(&s->out, "\\[?\\]");
    return 1;
  }
  s->block = arena_grow(s->a, s->block, s->nblock, &s->cap, sizeof *s->block);
  s->block[s->nblock] = (struct block){chart, id};
  buf_printf(&s->out, "%c%d%c", BLOCK_MARK, s->nblock++, BLOCK_MARK);
  return 1;
}

/* One line that is not a block: {{report.…}} resolved, a block inside text a problem, the rest kept. */
static void text_line(scanner *s, const char *p, const char *end) {
  while (p < end) {
    const char *open = strstr(p, "{{");
    if (!open || open >= end) break;
    const char *close = strstr(open + 2, "}}");
    if (!close || close >= end) break;
    char *inner = util_trim(arena_strndup(s->a, open + 2, (size_t)(close - open - 2)));
    int mine = !strncmp(inner, "report.", 7), block = !strncmp(inner, "table:", 6) || !strncmp(inner, "chart:", 6);
    buf_append(&s->out, p, (size_t)(open - p));
    if (mine)
      report_figure(s, inner);
    else if (block) {
      kerr_add(s->e, NULL, "{{%r}} pitää kirjoittaa omalle rivilleen", inner);
      buf_puts(&s->out, "\\[?\\]");
    } else
      buf_append(&s->out, open, (size_t)(close + 2 - open));
    p = close + 2;
  }
  buf_append(&s->out, p, (size_t)(end - p));
}

/* The text with {{report.…}} written in and each block a marker line of its own; the line count is kept apart from
 * the blocks' own blank lines, so placeholder.c's line numbers stay right. */
static void prescan(scanner *s, const char *text) {
  for (const char *p = text; *p;) {
    const char *nl = strchr(p, '\n'), *end = nl ? nl : p + strlen(p);
    if (!block_line(s, p, (size_t)(end - p))) text_line(s, p, end);
    if (nl) buf_putc(&s->out, '\n');
    p = nl ? nl + 1 : end;
  }
}

/* ---- making and checking ---- */

static void add_part(arena *a, narrative *n, int *cap, int kind, const char *md) {
  n->part = arena_grow(a, n->part, n->nparts, cap, sizeof *n->part);
  narr_part *p = &n->part[n->nparts++];
  memset(p, 0, sizeof *p);
  p->kind = kind, p->md = md;
}

/* Cuts the expanded text at its marker lines into text parts and block parts. */
static void split_parts(db *d, arena *a, const scanner *s, const char *text, narrative *n) {
  int cap = 0;
  const char *p = text, *start = text;
  while (*p) {
    const char *nl = strchr(p, '\n'), *end = nl ? nl : p + strlen(p);
    int k = -1;
    if (*p == BLOCK_MARK && end - p >= 3 && end[-1] == BLOCK_MARK) sscanf(p + 1, "%d", &k);
    if (k >= 0 && k < s->nblock) {
      if (!util_blank(arena_strndup(a, start, (size_t)(p - start))))
        add_part(a, n, &cap, NP_TEXT, arena_strndup(a, start, (size_t)(p - start)));
      add_part(a, n, &cap, s->block[k].chart ? NP_CHART : NP_TABLE, NULL);
      report_table_make(report_get(d), a, s->block[k].table, s->sc->slot, s->sc->audience != SR_STAFF,
                        &n->part[n->nparts - 1].table);
      start = nl ? nl + 1 : end;
    }
    p = nl ? nl + 1 : end;
  }
  if (!util_blank(start)) add_part(a, n, &cap, NP_TEXT, arena_strdup(a, start));
}

static void titles(db *d, arena *a, const scope *sc, narrative *n) {
  n->programme = programme_get(d, a, sc->lang)->t_name.text;
  if (sc->year)
    n->title = arena_adopt(a, buf_mprintf("%r %d", i18n_get(sc->lang, "Vuosiraportti"), sc->year));
  else
    n->title = i18n_get(sc->lang, "Loppuraportti");
  buf b = BUF_INIT;
  buf_fidate(&b, db_now().s);
  n->made = arena_adopt(a, buf_detach(&b));
}

int narrative_build(db *d, arena *a, const char *kind, int year, const char *lang, narrative *out, kerr *e) {
  memset(out, 0, sizeof *out);
  scope sc;
  if (scope_make(d, a, kind, year, lang, SR_PUBLIC, &sc, e) != K_OK) return K_ERR;
  if (sc.year && !year_has_data(report_get(d), a, sc.year))
    return kerr_set(e, "year", "Vuodelta %d ei ole tietoja.", sc.year);
  const char *body = rtemplate_effective(d, a, kind, sc.year, lang, NULL);
  if (util_blank(body))
    return kerr_set(e, NULL, "Raportille (%r, %r) ei ole tekstiä: kirjoita se sivulla /hallinta/raportit.", kind,
                    lang);
  scanner s = {d, a, &sc, BUF_INIT, e, 0, 0, NULL};
  prescan(&s, body);
  buf full = BUF_INIT;
  placeholder_expand(d, a, s.out.data ? s.out.data : "", lang, SR_PUBLIC, &full, e);
  buf_free(&s.out);
  if (e->msg) {
    buf_free(&full);
    return K_ERR;
  }
  out->kind = kind, out->lang = lang, out->year = sc.year, out->slot = sc.slot, out->scope = sc.name;
  titles(d, a, &sc, out);
  split_parts(d, a, &s, full.data ? full.data : "", out);
  buf_free(&full);
  return K_OK;
}

int narrative_check(db *d, arena *a, const char *kind, int year, const char *body, kerr *e) {
  scope sc;
  if (scope_make(d, a, kind, year, "fi", SR_STAFF, &sc, e) != K_OK) return K_ERR;
  scanner s = {d, a, &sc, BUF_INIT, e, 0, 0, NULL};
  prescan(&s, body ? body : "");
  placeholder_check(d, a, s.out.data ? s.out.data : "", e);
  buf_free(&s.out);
  return e->msg ? K_ERR : K_OK;
}

int narrative_check_field(db *d, arena *a, const char *kind, int year, const char *body, const char *field,
                          kerr *e) {
  kerr all = {0};
  if (narrative_check(d, a, kind, year, body, &all) == K_OK) return K_OK;
  buf m = BUF_INIT;
  buf_puts(&m, "Tekstissä on virheellisiä lukuja: ");
  for (const kerr *k = &all; k && k->msg; k = k->next) buf_printf(&m, "%r%r", k == &all ? "" : "; ", k->msg);
  kerr_add(e, field, "%r", m.data);
  buf_free(&m);
  kerr_clear(&all);
  return K_ERR;
}

const char *narrative_table_caption(const narrative *n, arena *a, const report_table *t) {
  return arena_adopt(a, buf_mprintf("%r – %r", i18n_get(n->lang, t->title), n->scope));
}
