/* pgsearch: search's index, matching, ranking and snippets on PostgreSQL (see pgsearch.h). */
#include "search/pgsearch.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "search/morph.h"

#define MAX_WORD 255 /* as the FTS5 tokenizer (fts.c) */
#define RANK_K1 1.2  /* as search/rank.c */
#define RANK_B 0.75
#define NCOLS 4 /* title, body, organisation, municipality: deed_fts's columns */
#define SNIPPET_TOKENS 24

/* The connection's analyser, made at first use (one per connection, as each FTS5 tokenizer instance has). */
static morph *analyser(db *d) {
  morph *m = db_slot(d, DB_SLOT_PGSEARCH);
  if (m) return m;
  kerr e = {0};
  m = morph_new(&e);
  if (!m) {
    log_error("search: %r", e.msg);
    kerr_clear(&e);
    return NULL;
  }
  db_set_slot(d, DB_SLOT_PGSEARCH, m, (void (*)(void *))morph_free);
  return m;
}

/* One token of a text: its position (words counted from 0), its bytes in the text, and its terms. */
typedef struct token {
  int pos;
  size_t start, end;
  char *terms; /* NUL-separated, nterms of them; malloc'd */
  int nterms;
} token;

typedef struct tokens {
  token *v;
  int n, cap, words;
} tokens;

static void tokens_free(tokens *t) {
  for (int i = 0; i < t->n; i++) free(t->v[i].terms);
  free(t->v);
  memset(t, 0, sizeof *t);
}

/* Splits text into words and each word into its terms as the FTS5 tokenizer "kehto" indexes it: every term of
 * the word (lemmas and compound parts) at the word's position; with query set, the lemmas only. */
static void tokenize(morph *m, const char *text, int query, tokens *out) {
  size_t n = text ? strlen(text) : 0, pos = 0, start, end;
  buf low = BUF_INIT;
  while (utf8_next_word(text, n, &pos, &start, &end)) {
    buf_reset(&low);
    utf8_lower(&low, text + start, end - start);
    size_t len = low.len;
    if (len > MAX_WORD) {
      len = MAX_WORD;
      while (len > 0 && ((unsigned char)low.data[len] & 0xC0) == 0x80) len--;
    }
    morph_terms_t mt;
    morph_terms(m, low.data, len, &mt);
    int count = query ? mt.nlemma : mt.nterms;
    size_t bytes = 0;
    const char *p = mt.terms;
    for (int i = 0; i < count; i++) bytes += strlen(p + bytes) + 1;
    if (out->n == out->cap) {
      out->cap = out->cap ? out->cap * 2 : 64;
      out->v = realloc(out->v, sizeof *out->v * (size_t)out->cap);
      if (!out->v) abort();
    }
    token *t = &out->v[out->n++];
    *t = (token){out->words++, start, end, malloc(bytes + 1), count};
    if (!t->terms) abort();
    memcpy(t->terms, mt.terms, bytes);
    t->terms[bytes] = 0;
  }
  buf_free(&low);
}

/* ---- writing ---- */

typedef struct posting {
  const char *term;
  int col, pos;
} posting;

static int by_term_col_pos(const void *a, const void *b) {
  const posting *x = a, *y = b;
  int c = strcmp(x->term, y->term);
  if (c) return c;
  if (x->col != y->col) return x->col - y->col;
  return x->pos - y->pos;
}

/* An element of a PostgreSQL array literal, quoted. */
static void put_element(buf *b, const char *s) {
  buf_putc(b, '"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') buf_putc(b, '\\');
    buf_putc(b, *s);
  }
  buf_putc(b, '"');
}

int pgs_index_deed(db *d, long long id) {
  if (db_exec(d, "DELETE FROM deed_term WHERE deed_id=?1", "i", id) != DB_OK) return K_ERR;
  db_stmt *st = db_query(d, "SELECT title, body, organisation, municipality FROM deed_fts WHERE rowid=?1", "i", id);
  morph *m = analyser(d);
  tokens cols[NCOLS] = {{0}};
  int found = db_step(st) == 1;
  for (int c = 0; found && m && c < NCOLS; c++) tokenize(m, db_col_text(st, c), 0, &cols[c]);
  db_done(st);
  if (!found) return K_OK;
  if (!m) return K_ERR;
  size_t np = 0, cap = 0;
  posting *p = NULL;
  int words = 0;
  for (int c = 0; c < NCOLS; c++) {
    words += cols[c].words;
    for (int i = 0; i < cols[c].n; i++) {
      const char *t = cols[c].v[i].terms;
      for (int k = 0; k < cols[c].v[i].nterms; k++, t += strlen(t) + 1) {
        if (np == cap) {
          cap = cap ? cap * 2 : 256;
          p = realloc(p, sizeof *p * cap);
          if (!p) abort();
        }
        p[np++] = (posting){t, c, cols[c].v[i].pos};
      }
    }
  }
  qsort(p, np, sizeof *p, by_term_col_pos);
  buf terms = BUF_INIT, colv = BUF_INIT, posv = BUF_INIT, one = BUF_INIT;
  buf_putc(&terms, '{'), buf_putc(&colv, '{'), buf_putc(&posv, '{');
  int rows = 0;
  for (size_t i = 0; i < np;) {
    size_t j = i;
    buf_reset(&one);
    buf_putc(&one, '{');
    int last = -1;
    for (; j < np && !strcmp(p[j].term, p[i].term) && p[j].col == p[i].col; j++) {
      if (p[j].pos == last) continue; /* a term twice at one position (a lemma that is also a part) */
      buf_printf(&one, "%r%d", last >= 0 ? "," : "", p[j].pos);
      last = p[j].pos;
    }
    buf_putc(&one, '}');
    const char *sep = rows++ ? "," : "";
    buf_puts(&terms, sep), put_element(&terms, p[i].term);
    buf_printf(&colv, "%r%d", sep, p[i].col);
    buf_puts(&posv, sep), put_element(&posv, one.data);
    i = j;
  }
  buf_putc(&terms, '}'), buf_putc(&colv, '}'), buf_putc(&posv, '}');
  int rc = db_exec(d,
                   "INSERT INTO deed_term(term, deed_id, col, pos) SELECT t, ?1, c, CAST(p AS integer[])"
                   " FROM unnest(CAST(?2 AS text[]), CAST(?3 AS integer[]), CAST(?4 AS text[])) AS u(t, c, p)",
                   "ittt", id, terms.data, colv.data, posv.data);
  if (rc == DB_OK) rc = db_exec(d, "UPDATE deed_fts SET len=?2 WHERE rowid=?1", "ii", id, (long long)words);
  buf_free(&terms), buf_free(&colv), buf_free(&posv), buf_free(&one);
  free(p);
  for (int c = 0; c < NCOLS; c++) tokens_free(&cols[c]);
  return rc == DB_OK ? K_OK : K_ERR;
}

/* ---- one word of a query ---- */

/* A word of the query: the terms any of which it matches (its lemmas), or a prefix. */
typedef struct qword {
  tokens t; /* at most one token: the word's lemmas */
  char *prefix;
} qword;

/* Reads a MATCH expression of search_fts_terms: "word" or "word" * (quotes doubled inside). */
static void qword_parse(morph *m, const char *match, qword *w) {
  memset(w, 0, sizeof *w);
  buf word = BUF_INIT;
  const char *s = match;
  if (*s == '"') s++;
  for (; *s && !(*s == '"' && s[1] != '"'); s++) {
    if (*s == '"') s++;
    buf_putc(&word, *s);
  }
  int prefix = strstr(s, "*") != NULL;
  if (prefix) {
    buf low = BUF_INIT;
    utf8_lower(&low, word.data ? word.data : "", word.len);
    size_t len = low.len > MAX_WORD ? MAX_WORD : low.len;
    while (len > 0 && len < low.len && ((unsigned char)low.data[len] & 0xC0) == 0x80) len--;
    w->prefix = strndup(low.data ? low.data : "", len);
    if (!w->prefix) abort();
    buf_free(&low);
  } else {
    tokenize(m, word.data ? word.data : "", 1, &w->t);
  }
  buf_free(&word);
}

static void qword_free(qword *w) {
  tokens_free(&w->t);
  free(w->prefix);
}

/* 1 when the term is one the word matches. */
static int qword_has(const qword *w, const char *term) {
  if (w->prefix) return strncmp(term, w->prefix, strlen(w->prefix)) == 0;
  if (w->t.n == 0) return 0;
  const char *t = w->t.v[0].terms;
  for (int i = 0; i < w->t.v[0].nterms; i++, t += strlen(t) + 1)
    if (!strcmp(t, term)) return 1;
  return 0;
}

/* The word's exact terms as an array literal into exact, or its prefix as a LIKE pattern into like. */
static void qword_sql(const qword *w, buf *exact, buf *like) {
  if (w->prefix) {
    if (like->len > 1) buf_putc(like, ',');
    buf b = BUF_INIT;
    for (const char *c = w->prefix; *c; c++) {
      if (*c == '%' || *c == '_' || *c == '\\') buf_putc(&b, '\\');
      buf_putc(&b, *c);
    }
    buf_putc(&b, '%');
    put_element(like, b.data);
    buf_free(&b);
    return;
  }
  if (w->t.n == 0) return;
  const char *t = w->t.v[0].terms;
  for (int i = 0; i < w->t.v[0].nterms; i++, t += strlen(t) + 1) {
    if (exact->len > 1) buf_putc(exact, ',');
    put_element(exact, t);
  }
}

int pgs_match(db *d, const char *match, search_match_ids *sink) {
  morph *m = analyser(d);
  if (!m) return K_ERR;
  qword w;
  qword_parse(m, match, &w);
  buf exact = BUF_INIT, like = BUF_INIT;
  buf_putc(&exact, '{'), buf_putc(&like, '{');
  qword_sql(&w, &exact, &like);
  buf_putc(&exact, '}'), buf_putc(&like, '}');
  db_stmt *st = db_query(d,
                         "SELECT DISTINCT deed_id FROM deed_term WHERE term = ANY(CAST(?1 AS text[]))"
                         " OR term LIKE ANY(CAST(?2 AS text[])) ORDER BY deed_id",
                         "tt", exact.data, like.data);
  int rc;
  while ((rc = db_step(st)) == 1) {
    if (sink->n == sink->cap) {
      sink->cap = sink->cap ? sink->cap * 2 : 256;
      sink->ids = realloc(sink->ids, sizeof *sink->ids * (size_t)sink->cap);
      if (!sink->ids) abort();
    }
    sink->ids[sink->n++] = (int)db_col_int(st, 0);
  }
  db_done(st);
  buf_free(&exact), buf_free(&like);
  qword_free(&w);
  return rc < 0 ? K_ERR : K_OK;
}

/* ---- ranking ---- */

static int find_id(const int *ids, int n, int id) {
  int lo = 0, hi = n - 1;
  while (lo <= hi) {
    int mid = lo + (hi - lo) / 2;
    if (ids[mid] == id) return mid;
    if (ids[mid] < id)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return -1;
}

/* Marks the positions of a "{1,5,9}" array in seen (a bitmap over positions, grown as needed). */
static void mark_positions(const char *arr, unsigned char **seen, int *cap, int *hits) {
  for (const char *c = arr; *c;) {
    if (*c < '0' || *c > '9') {
      c++;
      continue;
    }
    long v = strtol(c, (char **)&c, 10);
    if (v < 0 || v > 10000000) continue;
    if (v >= *cap) {
      int ncap = (int)v * 2 + 64;
      *seen = realloc(*seen, (size_t)ncap);
      if (!*seen) abort();
      memset(*seen + *cap, 0, (size_t)(ncap - *cap));
      *cap = ncap;
    }
    if (!(*seen)[v]) (*seen)[v] = 1, (*hits)++;
  }
}

int pgs_rank(db *d, char *const *terms, int nterms, const int *ids, int n, const double *weight, double *score) {
  morph *m = analyser(d);
  if (!m) return K_ERR;
  qword *w = calloc((size_t)nterms, sizeof *w);
  if (!w) abort();
  buf exact = BUF_INIT, like = BUF_INIT, idv = BUF_INIT;
  buf_putc(&exact, '{'), buf_putc(&like, '{'), buf_putc(&idv, '{');
  for (int i = 0; i < nterms; i++) {
    qword_parse(m, terms[i], &w[i]);
    qword_sql(&w[i], &exact, &like);
  }
  for (int i = 0; i < n; i++) buf_printf(&idv, "%r%d", i ? "," : "", ids[i]);
  buf_putc(&exact, '}'), buf_putc(&like, '}'), buf_putc(&idv, '}');
  double avgdl = 1.0;
  db_stmt *st = db_query(d, "SELECT sum(len), count(*) FROM deed_fts", "");
  if (db_step(st) == 1 && db_col_int(st, 1) > 0 && db_col_int(st, 0) > 0)
    avgdl = (double)db_col_int(st, 0) / (double)db_col_int(st, 1);
  db_done(st);
  /* per deed, word and column: the positions of the word's matches (a position once, whichever term matched) */
  size_t cells = (size_t)n * (size_t)nterms * NCOLS;
  unsigned char **seen = calloc(cells, sizeof *seen);
  int *seencap = calloc(cells, sizeof *seencap), *hits = calloc(cells, sizeof *hits),
      *len = calloc((size_t)n, sizeof *len);
  if (!seen || !seencap || !hits || !len) abort();
  st = db_query(d,
                "SELECT t.deed_id, t.term, t.col, t.pos, f.len FROM deed_term t JOIN deed_fts f ON f.rowid=t.deed_id"
                " WHERE t.deed_id = ANY(CAST(?1 AS bigint[]))"
                " AND (t.term = ANY(CAST(?2 AS text[])) OR t.term LIKE ANY(CAST(?3 AS text[])))",
                "ttt", idv.data, exact.data, like.data);
  int rc;
  while ((rc = db_step(st)) == 1) {
    int k = find_id(ids, n, (int)db_col_int(st, 0)), col = (int)db_col_int(st, 2);
    if (k < 0 || col < 0 || col >= NCOLS) continue;
    long long l = db_col_int(st, 4);
    len[k] = l > 65535 ? 65535 : (int)l; /* as the lengths kept for kehto_rank (search_rank_doc_length) */
    for (int i = 0; i < nterms; i++) {
      if (!qword_has(&w[i], db_col_text(st, 1))) continue;
      size_t c = ((size_t)k * (size_t)nterms + (size_t)i) * NCOLS + (size_t)col;
      mark_positions(db_col_text(st, 3), &seen[c], &seencap[c], &hits[c]);
    }
  }
  db_done(st);
  for (int k = 0; k < n; k++) {
    double norm = RANK_K1 * (1 - RANK_B + RANK_B * (double)len[k] / avgdl), s = 0;
    for (int i = 0; i < nterms; i++) {
      double f = 0;
      for (int c = 0; c < NCOLS; c++)
        f += weight[c] * hits[((size_t)k * (size_t)nterms + (size_t)i) * NCOLS + (size_t)c];
      s += f * (RANK_K1 + 1) / (f + norm);
    }
    score[k] = -s;
  }
  for (size_t c = 0; c < cells; c++) free(seen[c]);
  free(seen), free(seencap), free(hits), free(len);
  for (int i = 0; i < nterms; i++) qword_free(&w[i]);
  free(w);
  buf_free(&exact), buf_free(&like), buf_free(&idv);
  return rc < 0 ? K_ERR : K_OK;
}

/* ---- snippets ---- */

/* Which word (index) token t matches, or -1. */
static int token_word(const token *t, const qword *w, int nw) {
  const char *term = t->terms;
  for (int k = 0; k < t->nterms; k++, term += strlen(term) + 1)
    for (int i = 0; i < nw; i++)
      if (qword_has(&w[i], term)) return i;
  return -1;
}

int pgs_snippet(db *d, char *const *terms, int nterms, long long id, buf *out) {
  morph *m = analyser(d);
  if (!m) return K_ERR;
  char *body = db_text(d, "SELECT body FROM deed_fts WHERE rowid=?1", "i", id);
  if (!body) return K_OK;
  qword *w = calloc((size_t)nterms + 1, sizeof *w);
  if (!w) abort();
  for (int i = 0; i < nterms; i++) qword_parse(m, terms[i], &w[i]);
  tokens t = {0};
  tokenize(m, body, 0, &t);
  int *word = calloc((size_t)t.n + 1, sizeof *word);
  char *seen = calloc((size_t)nterms + 1, 1);
  if (!word || !seen) abort();
  for (int i = 0; i < t.n; i++) word[i] = token_word(&t.v[i], w, nterms);
  /* FTS5's choice: for each match, the window of 24 tokens from it scored 1000 per word seen first and 1 per further
   * match, moved so that its matches sit in the middle; the best window wins, the earliest on a tie */
  int best = 0, best_score = -1;
  for (int i = 0; i < t.n; i++) {
    if (word[i] < 0) continue;
    memset(seen, 0, (size_t)nterms);
    int score = 0, first = -1, last = -1;
    for (int j = i; j < t.n && j < i + SNIPPET_TOKENS; j++) {
      if (word[j] < 0) continue;
      score += seen[word[j]] ? 1 : 1000;
      seen[word[j]] = 1;
      if (first < 0) first = j;
      last = j;
    }
    int adj = first - (SNIPPET_TOKENS - (last - first)) / 2;
    if (adj + SNIPPET_TOKENS > t.n) adj = t.n - SNIPPET_TOKENS;
    if (adj < 0) adj = 0;
    if (score > best_score) best_score = score, best = adj;
  }
  int end = best + SNIPPET_TOKENS < t.n ? best + SNIPPET_TOKENS : t.n;
  if (best > 0) buf_puts(out, "…");
  for (int i = best; i < end; i++) {
    if (i > best) buf_append(out, body + t.v[i - 1].end, t.v[i].start - t.v[i - 1].end);
    if (word[i] >= 0) buf_putc(out, '\x02');
    buf_append(out, body + t.v[i].start, t.v[i].end - t.v[i].start);
    if (word[i] >= 0) buf_putc(out, '\x03');
  }
  if (end < t.n) buf_puts(out, "…");
  free(word), free(seen);
  tokens_free(&t);
  for (int i = 0; i < nterms; i++) qword_free(&w[i]);
  free(w);
  free(body);
  return K_OK;
}
