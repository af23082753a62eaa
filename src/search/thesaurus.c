/* thesaurus: reads the built-in data/sanasto.tsv and the programme's own table thesaurus into groups of labels. */
#include "search/thesaurus.h"

#include <string.h>

#include "core/buf.h"
#include "core/embed.h"
#include "core/utf8.h"

#define THES_FILE "data/sanasto.tsv"

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Appends s[0..n) to out lowercased, trimmed and with each run of white space made one space. */
static void label_clean(buf *out, const char *s, size_t n) {
  while (n && is_space(*s)) s++, n--;
  while (n && is_space(s[n - 1])) n--;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && !is_space(s[j])) j++;
    if (j > i) {
      if (out->len) buf_putc(out, ' ');
      utf8_lower(out, s + i, j - i);
    }
    i = j;
    while (i < n && is_space(s[i])) i++;
  }
}

/* Splits s[0..n) at '\n' and '|'. Returns the count; *out a NULL-terminated array in a, without empty or repeated
 * labels. */
static int split_n(arena *a, const char *s, size_t n, char ***out) {
  int cap = 4, k = 0;
  char **v = arena_alloc(a, sizeof *v * (size_t)cap);
  buf b = BUF_INIT;
  size_t i = 0;
  while (i <= n && n) {
    size_t j = i;
    while (j < n && s[j] != '\n' && s[j] != '|') j++;
    buf_reset(&b);
    label_clean(&b, s + i, j - i);
    int seen = 0;
    for (int m = 0; m < k && !seen; m++) seen = strcmp(v[m], b.data ? b.data : "") == 0;
    if (b.len && !seen) {
      v = arena_grow(a, v, k + 1, &cap, sizeof *v); /* room for the NULL after it */
      v[k++] = arena_strndup(a, b.data, b.len);
    }
    i = j + 1;
  }
  buf_free(&b);
  v[k] = NULL;
  *out = v;
  return k;
}

int thes_split(arena *a, const char *text, char ***out) {
  return split_n(a, text ? text : "", text ? strlen(text) : 0, out);
}

static int labels_total(const thes_group *g) {
  return g->nlabel[THES_FI] + g->nlabel[THES_SV] + g->nlabel[THES_EN];
}

static void note_set(arena *a, thes_group *g, const char *s, size_t n) {
  while (n && is_space(*s)) s++, n--;
  while (n && is_space(s[n - 1])) n--;
  g->note = arena_strndup(a, s, n);
  g->derivation = strncmp(g->note, "johdos", 6) == 0;
  g->related = strncmp(g->note, "liittyvä", strlen("liittyvä")) == 0;
}

/* Parses one line s[0..n) (no newline) into g. Returns 1 for a group, 0 for a comment or blank line, -1 when
 * malformed: not 3 or 4 tab-separated fields, no Finnish label, or fewer than two labels in all. */
static int parse_line(arena *a, const char *s, size_t n, thes_group *g) {
  size_t k = 0;
  while (k < n && is_space(s[k])) k++;
  if (k == n || s[k] == '#') return 0;
  const char *field[4] = {0};
  size_t flen[4] = {0};
  int nf = 0;
  size_t start = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i < n && s[i] != '\t') continue;
    if (nf == 4) return -1;
    field[nf] = s + start;
    flen[nf++] = i - start;
    start = i + 1;
  }
  if (nf < 3) return -1;
  for (int l = 0; l < THES_NLANG; l++) g->nlabel[l] = split_n(a, field[l], flen[l], &g->label[l]);
  note_set(a, g, nf == 4 ? field[3] : "", nf == 4 ? flen[3] : 0);
  if (!g->nlabel[THES_FI] || labels_total(g) < 2) return -1;
  return 1;
}

int thes_parse(arena *a, const char *text, size_t len, thes_group **out, int *bad, int *first_bad) {
  int cap = 64, n = 0, nbad = 0, first = 0, line = 0;
  thes_group *v = arena_alloc(a, sizeof *v * (size_t)cap);
  size_t i = 0;
  while (i < len) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - text) : len;
    line++;
    thes_group g = {0};
    int r = parse_line(a, text + i, end - i, &g);
    if (r < 0 && !nbad++) first = line;
    if (r > 0) {
      g.line = line;
      v = arena_grow(a, v, n, &cap, sizeof *v);
      v[n++] = g;
    }
    i = end + 1;
  }
  if (bad) *bad = nbad;
  if (first_bad) *first_bad = first;
  *out = v;
  return n;
}

int thes_builtin(arena *a, thes_group **out) {
  static int logged; /* a bad shipped file is logged once per process, not at every load */
  const struct embed_file *f = embed_get(THES_FILE);
  if (!f) {
    if (!__atomic_exchange_n(&logged, 1, __ATOMIC_RELAXED))
      log_error("thesaurus: %r is missing from the binary", THES_FILE);
    *out = arena_alloc(a, sizeof **out);
    return 0;
  }
  int bad = 0, first = 0;
  int n = thes_parse(a, (const char *)f->data, f->len, out, &bad, &first);
  if (bad && !__atomic_exchange_n(&logged, 1, __ATOMIC_RELAXED))
    log_error("thesaurus: %r: %d malformed line(s) skipped, the first on line %d", THES_FILE, bad, first);
  return n;
}

/* The programme's own groups as thes_load and thes_fingerprint read them. */
#define OWN_GROUPS "SELECT id, fi, sv, en, note FROM thesaurus ORDER BY id"

int thes_fingerprint(db *d, unsigned *out, kerr *e) {
  buf all = BUF_INIT;
  db_stmt *st = db_query(d, OWN_GROUPS, "");
  int r = -1;
  while (st && (r = db_step(st)) == 1)
    for (int c = 0; c < 5; c++) {
      buf_puts(&all, db_col_text(st, c));
      buf_putc(&all, 0); /* "a","b" is not "ab","" */
    }
  db_done(st);
  *out = util_hash_n(all.data ? all.data : "", all.len);
  buf_free(&all);
  if (r < 0) return kerr_storage(e, "Sanaston lukeminen", db_errmsg(d)), -1;
  return 0;
}

int thes_load(db *d, arena *a, thes_group **out, kerr *e) {
  thes_group *builtin;
  int nb = thes_builtin(a, &builtin);
  int cap = 16, n = 0;
  thes_group *v = arena_alloc(a, sizeof *v * (size_t)cap);
  db_stmt *st = db_query(d, OWN_GROUPS, "");
  int r = -1;
  while (st && (r = db_step(st)) == 1) {
    thes_group g = {.id = db_col_int(st, 0)};
    for (int l = 0; l < THES_NLANG; l++) g.nlabel[l] = thes_split(a, db_col_text(st, 1 + l), &g.label[l]);
    const char *note = db_col_text(st, 4);
    note_set(a, &g, note, strlen(note));
    if (!g.nlabel[THES_FI] || labels_total(&g) < 2) continue; /* written past the page's checks: it links nothing */
    v = arena_grow(a, v, n, &cap, sizeof *v);
    v[n++] = g;
  }
  db_done(st);
  if (r < 0) {
    *out = NULL;
    kerr_storage(e, "Sanaston lukeminen", db_errmsg(d));
    return -1;
  }
  thes_group *all = arena_alloc(a, sizeof *all * (size_t)(n + nb + 1));
  memcpy(all, v, sizeof *v * (size_t)n);
  memcpy(all + n, builtin, sizeof *v * (size_t)nb);
  *out = all;
  return n + nb;
}
