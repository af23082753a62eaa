/* placeholder: parsing, resolving and formatting the {{…}} figures of texts (the language is in placeholder.h). */
#include "report/placeholder.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/export.h"
#include "report/report.h"
#include "report/suppress.h"
#include "report/survey_results.h"

#define PH_MAX_NAME 200 /* bytes of a name; longer ones are unknown */
#define PH_MAX_SEGS 8
#define PH_SHOW 80 /* bytes of a name quoted in a message */

/* Until report/survey_results.c (branch wt-results, with report/wilcoxon.h) is merged, survey and pairs figures are
 * unknown: this weak stand-in says so; with the merge it is not compiled (and the real one would win the link). */
#if !__has_include("report/wilcoxon.h")
__attribute__((weak)) int survey_figure(db *d, arena *a, long long survey_id, const char *series, const char *path,
                                        int audience, sr_figure *out, kerr *e) {
  return kerr_set(e, NULL, "kyselyjen tuloksia ei ole käytettävissä");
}
#endif

/* ---- formatting ---- */

static int english(const char *lang) {
  return lang && !strcmp(lang, "en");
}

/* |v| with dec decimals, a minus sign (U+2212) when it is below zero after rounding, decimal comma but in English. */
static void fmt_dec(buf *out, double v, int dec, const char *lang) {
  char s[64];
  snprintf(s, sizeof s, "%.*f", dec, fabs(v));
  if (v < 0 && strpbrk(s, "123456789")) buf_puts(out, "\xe2\x88\x92");
  if (!english(lang))
    for (char *c = s; *c; c++)
      if (*c == '.') *c = ',';
  buf_puts(out, s);
}

void placeholder_format(buf *out, const ph_figure *f, int decimals, const char *lang) {
  if (f->mark == PH_NONE) {
    buf_puts(out, "\xe2\x80\x93"); /* – */
    return;
  }
  if (f->mark != SUP_SHOWN) {
    buf_puts(out, report_mark(f->mark));
    return;
  }
  switch (f->kind) {
  case PH_COUNT: buf_finum(out, llround(f->value)); break;
  case PH_SHARE:
    fmt_dec(out, f->value * 100.0, decimals < 0 ? 0 : decimals, lang);
    buf_puts(out, english(lang) ? "%" : "\xc2\xa0%"); /* 76 % with a no-break space, as Finnish and Swedish write */
    break;
  case PH_MEAN: fmt_dec(out, f->value, decimals < 0 ? 1 : decimals, lang); break;
  default: { /* PH_P */
    int dec = decimals < 1 ? (decimals < 0 ? 3 : 1) : decimals;
    double below = pow(10.0, -dec);
    if (f->value < below) {
      buf_puts(out, "p < ");
      fmt_dec(out, below, dec, lang);
    } else {
      buf_puts(out, "p = ");
      fmt_dec(out, f->value, dec, lang);
    }
  }
  }
}

/* ---- resolving ---- */

/* 1 when name is segments of [A-Za-z0-9_-] joined by single dots. */
static int name_ok(const char *name) {
  size_t n = strlen(name);
  if (!n || n > PH_MAX_NAME || name[0] == '.' || name[n - 1] == '.' || strstr(name, "..")) return 0;
  for (const char *c = name; *c; c++)
    if (!isalnum((unsigned char)*c) && *c != '_' && *c != '-' && *c != '.') return 0;
  return 1;
}

/* Splits a copy of s (in a) at dots into seg; returns the count, or -1 when there are more than PH_MAX_SEGS. */
static int split(arena *a, const char *s, char **seg) {
  char *copy = arena_strdup(a, s), *save = NULL;
  int n = 0;
  for (char *t = strtok_r(copy, ".", &save); t; t = strtok_r(NULL, ".", &save)) {
    if (n == PH_MAX_SEGS) return -1;
    seg[n++] = t;
  }
  return n;
}

/* The row of t with code, or "total" for its total row; NULL when none. */
static const report_row *table_row(const report_table *t, const char *code) {
  if (t->has_total && !strcmp(code, "total")) return &t->total;
  for (int i = 0; *code && i < t->nrows; i++)
    if (!strcmp(t->rows[i].code, code)) return &t->rows[i];
  return NULL;
}

static int cell_figure(const report_table *t, const report_row *row, int c, ph_figure *out) {
  out->kind = PH_COUNT;
  out->value = (double)row->v[c];
  out->mark = row->hidden[c];
  if (t->col[c] == RC_TARGET && row->v[c] < 0) out->mark = PH_NONE;
  return K_OK;
}

/* stats.[period.ID.](METRIC | target.METRIC | TABLE.ROW.COLUMN), as /tilastot shows it to the audience. */
static int stats_figure(db *d, arena *a, const char *rest, int publ, ph_figure *out, kerr *e) {
  char *seg[PH_MAX_SEGS];
  int n = split(a, rest, seg), i = 0, slot = 0;
  if (n < 1) return kerr_set(e, NULL, "tilastoissa ei ole tällaista lukua");
  const report_data *rd = report_get_recent(d);
  if (n >= 2 && !strcmp(seg[0], "period")) {
    slot = report_slot(rd, seg[1]);
    if (slot <= 0) return kerr_set(e, NULL, "rahoituskautta %r ei ole", seg[1]);
    i = 2;
  }
  int left = n - i, m = left >= 1 ? report_metric_of(seg[n - 1]) : -1;
  report_table t;
  if ((left == 1 || (left == 2 && !strcmp(seg[i], "target"))) && m >= 0) {
    report_table_make(rd, a, RT_KEY, slot, publ, &t);
    const report_row *row = table_row(&t, seg[n - 1]);
    if (row) return cell_figure(&t, row, left == 2, out);
  } else if (left == 3) {
    int id = report_table_id(seg[i]), esf = !strcmp(seg[i], "esf");
    if (esf) id = RT_ESF_START; /* stats.esf.CODE.GENDER: an indicator of Annex I or II, wherever it is */
    if (id <= RT_KEY) return kerr_set(e, NULL, "taulukkoa %r ei ole", seg[i]);
    report_table_make(rd, a, id, slot, publ, &t);
    const report_row *row = table_row(&t, seg[i + 1]);
    if (!row && esf) {
      report_table_make(rd, a, RT_ESF_EXIT, slot, publ, &t);
      row = table_row(&t, seg[i + 1]);
    }
    if (!row) return kerr_set(e, NULL, "taulukossa %r ei ole riviä %r", seg[i], seg[i + 1]);
    for (int c = 0; c < t.ncols; c++)
      if (!strcmp(report_col_key(t.col[c]), seg[i + 2])) return cell_figure(&t, row, c, out);
    return kerr_set(e, NULL, "taulukossa %r ei ole saraketta %r", seg[i], seg[i + 2]);
  }
  return kerr_set(e, NULL, "tilastoissa ei ole tällaista lukua");
}

/* The kind of a survey figure from its measure (the last segment of its path). */
static int survey_kind(const char *path, const sr_figure *f) {
  const char *last = strrchr(path, '.');
  last = last ? last + 1 : path;
  if (!strcmp(last, "p")) return PH_P;
  if (f->is_count) return PH_COUNT;
  if (strstr(last, "share") || strstr(last, "rate")) return PH_SHARE;
  return PH_MEAN;
}

static int survey_or_pairs(db *d, arena *a, const char *name, int pairs, int audience, ph_figure *out, kerr *e) {
  const char *rest = name + (pairs ? 6 : 7), *dot = strchr(rest, '.');
  if (!dot || !dot[1])
    return kerr_set(e, NULL, "%r",
                    pairs ? "sarjan nimen jälkeen puuttuu luku" : "kyselyn numeron jälkeen puuttuu luku");
  long long id = 0;
  char *head = arena_strndup(a, rest, (size_t)(dot - rest));
  if (!pairs && util_parse_int(head, 1, 1LL << 53, &id) != K_OK)
    return kerr_set(e, NULL, "kyselyn numero %r ei kelpaa", head);
  sr_figure f = {0};
  if (survey_figure(d, a, id, pairs ? head : NULL, dot + 1, audience, &f, e) != K_OK) return K_ERR;
  out->value = f.value;
  out->kind = survey_kind(dot + 1, &f);
  /* a hidden count of 1–4 reads "< 5" as on /tilastot; anything else hidden "•", which states no value */
  out->mark = f.shown ? SUP_SHOWN : f.is_count && f.value >= 1 && f.value < SUP_MIN ? SUP_SMALL : SUP_SECONDARY;
  return K_OK;
}

int placeholder_resolve(db *d, arena *a, const char *name, int audience, ph_figure *out, kerr *e) {
  memset(out, 0, sizeof *out);
  if (!name_ok(name))
    return kerr_set(e, NULL, "nimessä saa olla vain kirjaimia a–z, numeroita, _ ja - pisteillä erotettuina");
  if (!strncmp(name, "stats.", 6)) return stats_figure(d, a, name + 6, audience != SR_STAFF, out, e);
  if (!strncmp(name, "survey.", 7)) return survey_or_pairs(d, a, name, 0, audience, out, e);
  if (!strncmp(name, "pairs.", 6)) return survey_or_pairs(d, a, name, 1, audience, out, e);
  return kerr_set(e, NULL, "luvun nimi alkaa stats., survey. tai pairs.");
}

/* ---- scanning a text ---- */

typedef struct scanner {
  db *d;
  arena *a;
  const char *lang;
  int audience;
  buf *out; /* NULL when only checking */
  char **problem;
  int nproblem, cap;
} scanner;

static void problem(scanner *s, char *msg) {
  s->problem = arena_grow(s->a, s->problem, s->nproblem, &s->cap, sizeof *s->problem);
  s->problem[s->nproblem++] = arena_adopt(s->a, msg);
}

/* Writes text as Markdown reads it literally: every ASCII punctuation character backslash-escaped. */
static void md_literal(buf *out, const char *s) {
  for (; *s; s++) {
    if ((unsigned char)*s < 128 && ispunct((unsigned char)*s)) buf_putc(out, '\\');
    buf_putc(out, *s);
  }
}

/* The first bytes of s, at most PH_SHOW and not cutting a UTF-8 character, for a message. */
static char *shown(arena *a, const char *s, size_t n) {
  if (n > PH_SHOW) {
    n = PH_SHOW;
    while (n && ((unsigned char)s[n] & 0xc0) == 0x80) n--;
  }
  return arena_strndup(a, s, n);
}

/* One placeholder: inner is what is between the braces (len bytes). */
static void one(scanner *s, const char *inner, size_t len) {
  while (len && isspace((unsigned char)*inner)) inner++, len--;
  while (len && isspace((unsigned char)inner[len - 1])) len--;
  char *all = arena_strndup(s->a, inner, len), *bar = strchr(all, '|');
  const char *quote = shown(s->a, inner, len);
  int decimals = -1;
  if (bar) {
    *bar = 0;
    const char *f = bar + 1;
    if (!(f[0] >= '0' && f[0] <= '4' && !f[1])) {
      problem(s, buf_mprintf("tuntematon muotoilu {{%r}}: desimaalien määrä 0–4, esim. |2", quote));
      if (s->out) buf_puts(s->out, "\\[?\\]");
      return;
    }
    decimals = f[0] - '0';
  }
  ph_figure fig;
  kerr e = {0};
  int rc = placeholder_resolve(s->d, s->a, all, s->audience, &fig, &e);
  if (rc != K_OK)
    problem(s, buf_mprintf("tuntematon luku {{%r}} (%r)", quote, e.msg));
  else if (decimals >= 0 && fig.kind == PH_COUNT)
    problem(s, buf_mprintf("lukumäärällä ei ole desimaaleja: {{%r}}", quote)), rc = K_ERR;
  kerr_clear(&e);
  if (!s->out) return;
  if (rc != K_OK) {
    buf_puts(s->out, "\\[?\\]");
    return;
  }
  buf text = BUF_INIT;
  placeholder_format(&text, &fig, decimals, s->lang);
  md_literal(s->out, text.data ? text.data : "");
  buf_free(&text);
}

static void scan(scanner *s, const char *text) {
  const char *p = text ? text : "";
  int line = 1;
  while (*p) {
    const char *open = strstr(p, "{{");
    size_t plain = open ? (size_t)(open - p) : strlen(p);
    if (s->out) buf_append(s->out, p, plain);
    for (size_t i = 0; i < plain; i++) line += p[i] == '\n';
    if (!open) break;
    const char *close = NULL;
    for (const char *c = open + 2; *c && *c != '\n'; c++) {
      if (c[0] == '}' && c[1] == '}') {
        close = c;
        break;
      }
      if (c[0] == '{' && c[1] == '{') break;
    }
    if (!close) {
      problem(s, buf_mprintf("sulkematon {{ rivillä %d", line));
      if (s->out) buf_puts(s->out, "\\{\\{");
      p = open + 2;
      continue;
    }
    one(s, open + 2, (size_t)(close - open - 2));
    p = close + 2;
  }
}

int placeholder_expand(db *d, arena *a, const char *text, const char *lang, int audience, buf *out, kerr *e) {
  scanner s = {d, a, lang, audience, out, NULL, 0, 0};
  scan(&s, text);
  for (int i = 0; i < s.nproblem; i++) kerr_add(e, NULL, "%r", s.problem[i]);
  return s.nproblem ? K_ERR : K_OK;
}

int placeholder_check(db *d, arena *a, const char *text, kerr *e) {
  scanner s = {d, a, "fi", SR_STAFF, NULL, NULL, 0, 0};
  scan(&s, text);
  for (int i = 0; i < s.nproblem; i++) kerr_add(e, NULL, "%r", s.problem[i]);
  return s.nproblem ? K_ERR : K_OK;
}

int placeholder_check_field(db *d, arena *a, const char *text, const char *field, kerr *e) {
  scanner s = {d, a, "fi", SR_STAFF, NULL, NULL, 0, 0};
  scan(&s, text);
  if (!s.nproblem) return K_OK;
  buf m = BUF_INIT;
  buf_puts(&m, "Tekstissä on virheellisiä lukuja: ");
  for (int i = 0; i < s.nproblem; i++) buf_printf(&m, "%r%r", i ? "; " : "", s.problem[i]);
  kerr_add(e, field, "%r", m.data);
  buf_free(&m);
  return K_ERR;
}

/* ---- the help box ---- */

int placeholder_stats_list(db *d, arena *a, int audience, const char *lang, const char ***names, const char ***values) {
  const report_data *rd = report_get_recent(d);
  int np = report_nperiods(rd), cap = (np + 1) * RK_COUNT * 2, n = 0;
  *names = arena_alloc(a, sizeof **names * (size_t)cap);
  *values = arena_alloc(a, sizeof **values * (size_t)cap);
  for (int slot = 0; slot <= np; slot++) {
    report_table t;
    report_table_make(rd, a, RT_KEY, slot, audience != SR_STAFF, &t);
    for (int target = 0; target < 2; target++)
      for (int i = 0; i < t.nrows; i++) {
        ph_figure f;
        cell_figure(&t, &t.rows[i], target, &f);
        if (target && f.mark == PH_NONE) continue;
        buf b = BUF_INIT;
        buf_puts(&b, "stats.");
        if (slot) buf_printf(&b, "period.%lld.", report_period_at(rd, slot)->id);
        buf_printf(&b, "%r%r", target ? "target." : "", t.rows[i].code);
        (*names)[n] = arena_adopt(a, buf_detach(&b));
        placeholder_format(&b, &f, -1, lang);
        (*values)[n++] = arena_adopt(a, buf_detach(&b));
      }
  }
  return n;
}
