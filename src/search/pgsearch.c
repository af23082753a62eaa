/* pgsearch: search's index, matching, ranking and snippets on PostgreSQL (see pgsearch.h). */
#include "search/pgsearch.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "search/expand.h"
#include "search/morph.h"

#define NCOLS RANK_NCOLS
#define SNIPPET_TOKENS 24

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

/* Splits text into words and each word into its terms as the FTS5 tokenizer "kehto" indexes it: at the word's
 * position, the lemmas the text supports (morph_ctx) and the marked terms (compound parts, roots); with query set,
 * the lemmas only. */
static void tokenize(morph *m, const char *text, int query, tokens *out) {
  size_t n = text ? strlen(text) : 0, pos = 0, start, end;
  morph_ctx *ctx = NULL;
  if (!query) {
    ctx = morph_ctx_new();
    morph_ctx_text(ctx, m, text, n);
  }
  buf low = BUF_INIT, terms = BUF_INIT;
  while (morph_next_word(text, n, &pos, &start, &end, &low)) {
    morph_terms_t mt;
    morph_terms(m, low.data, low.len, &mt);
    int count = query ? mt.nlemma : mt.nterms, kept = 0;
    buf_reset(&terms);
    const char *p = mt.terms;
    for (int i = 0; i < count; i++, p += strlen(p) + 1)
      if (query || i >= mt.nlemma || morph_ctx_keeps(ctx, &mt, i)) buf_append(&terms, p, strlen(p) + 1), kept++;
    if (!query && !mt.known && morph_ctx_foreign(ctx)) { /* a Swedish text's word: its Finnish terms too */
      morph_swedish(m, low.data, low.len, morph_name_at(text, n, start), &mt);
      p = mt.terms;
      for (int i = 0; i < mt.nterms; i++, p += strlen(p) + 1) buf_append(&terms, p, strlen(p) + 1), kept++;
    }
    if (out->n == out->cap) {
      out->cap = out->cap ? out->cap * 2 : 64;
      out->v = realloc(out->v, sizeof *out->v * (size_t)out->cap);
      if (!out->v) abort();
    }
    token *t = &out->v[out->n++];
    *t = (token){out->words++, start, end, malloc(terms.len + 1), kept};
    if (!t->terms) abort();
    memcpy(t->terms, terms.data, terms.len);
    t->terms[terms.len] = 0;
  }
  buf_free(&low);
  buf_free(&terms);
  morph_ctx_free(ctx);
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
  morph *m = search_morph(d);
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

/* Reads a MATCH expression of search_fts_terms: "word" or "word" * (quotes doubled inside); a word that starts with
 * \x01 is an index term as it is (search/expand.h), not text to analyse. */
static void qword_parse(morph *m, const char *match, qword *w) {
  memset(w, 0, sizeof *w);
  buf word = BUF_INIT;
  const char *s = match;
  if (*s == '"') s++;
  for (; *s && !(*s == '"' && s[1] != '"'); s++) {
    if (*s == '"') s++;
    buf_putc(&word, *s);
  }
  int prefix = strstr(s, "*") != NULL, raw = word.data && word.data[0] == '\x01';
  if (raw && !prefix) {
    char *t = strdup(word.data + 1);
    if (!t) abort();
    w->t.v = calloc(1, sizeof *w->t.v);
    if (!w->t.v) abort();
    w->t.v[0] = (token){0, 0, 0, t, 1};
    w->t.n = w->t.cap = 1;
  } else if (prefix) {
    buf low = BUF_INIT;
    if (raw)
      buf_puts(&low, word.data + 1);
    else
      utf8_lower(&low, word.data ? word.data : "", word.len);
    size_t len = low.len > MORPH_MAX_WORD ? MORPH_MAX_WORD : low.len;
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

int pgs_postings(db *d, const char *match, search_postings *sink) {
  morph *m = search_morph(d);
  if (!m) return K_ERR;
  qword w;
  qword_parse(m, match, &w);
  buf exact = BUF_INIT, like = BUF_INIT;
  buf_putc(&exact, '{'), buf_putc(&like, '{');
  qword_sql(&w, &exact, &like);
  buf_putc(&exact, '}'), buf_putc(&like, '}');
  /* a prefix's terms can share a position (a word's lemma and its stem): FTS5 counts the position once, so here */
  db_stmt *st = w.prefix ? db_query(d,
                                    "SELECT deed_id, col, count(DISTINCT p) FROM deed_term, unnest(pos) p"
                                    " WHERE term LIKE ANY(CAST(?1 AS text[])) GROUP BY deed_id, col ORDER BY deed_id",
                                    "t", like.data)
                         : db_query(d,
                                    "SELECT deed_id, col, cardinality(pos) FROM deed_term"
                                    " WHERE term = ANY(CAST(?1 AS text[])) ORDER BY deed_id",
                                    "t", exact.data);
  int rc, id = 0;
  float f = 0;
  while ((rc = db_step(st)) == 1) {
    int row = (int)db_col_int(st, 0), col = (int)db_col_int(st, 1);
    if (row != id && id && search_postings_push(sink, id, f)) abort();
    if (row != id) id = row, f = 0;
    f += (float)db_col_int(st, 2) * (col >= 0 && col < RANK_NCOLS ? search_rank_weight[col] : 1);
  }
  if (id && search_postings_push(sink, id, f)) abort();
  db_done(st);
  buf_free(&exact), buf_free(&like);
  qword_free(&w);
  return rc < 0 ? K_ERR : K_OK;
}

int pgs_reindex_if_asked(db *d) {
  if (!db_exists(d, "SELECT 1 FROM setting WHERE key='search.reindex'", "")) return K_OK;
  if (db_begin(d) != DB_OK) return K_ERR;
  int ok = db_exec(d, "SELECT pg_advisory_xact_lock(7407)", "") == DB_OK; /* one server does it */
  if (ok && db_exists(d, "SELECT 1 FROM setting WHERE key='search.reindex'", "")) {
    long long *ids = NULL;
    int n = 0, cap = 0;
    db_stmt *st = db_query(d, "SELECT rowid FROM deed_fts ORDER BY rowid", "");
    while (db_step(st) == 1) {
      if (n == cap) {
        cap = cap ? cap * 2 : 256;
        ids = realloc(ids, sizeof *ids * (size_t)cap);
        if (!ids) abort();
      }
      ids[n++] = db_col_int(st, 0);
    }
    db_done(st);
    if (n) log_info("search: rebuilding the index terms of %d deeds (once, after an upgrade)", n);
    for (int i = 0; ok && i < n; i++) ok = pgs_index_deed(d, ids[i]) == K_OK;
    free(ids);
    ok = ok && db_exec(d, "DELETE FROM setting WHERE key='search.reindex'", "") == DB_OK;
  }
  if (ok && db_commit(d) == DB_OK) return K_OK;
  db_rollback(d);
  return K_ERR;
}

/* ---- snippets ---- */

/* The query's words for matching a text's tokens: each exact term in a hash table with the first word that has it,
 * the prefixes in a list. */
typedef struct wordset {
  const char **key;
  int *word, size;
  const qword *w;
  int nw;
} wordset;

static void wordset_init(wordset *ws, const qword *w, int nw) {
  int n = 0;
  for (int i = 0; i < nw; i++) n += w[i].t.n ? w[i].t.v[0].nterms : 0;
  ws->size = 16;
  while (ws->size < 2 * n) ws->size *= 2;
  ws->key = calloc((size_t)ws->size, sizeof *ws->key);
  ws->word = calloc((size_t)ws->size, sizeof *ws->word);
  if (!ws->key || !ws->word) abort();
  ws->w = w, ws->nw = nw;
  for (int i = 0; i < nw; i++) {
    const char *t = w[i].t.n ? w[i].t.v[0].terms : NULL;
    for (int k = 0; t && k < w[i].t.v[0].nterms; k++, t += strlen(t) + 1) {
      unsigned h = util_hash(t) & (unsigned)(ws->size - 1);
      while (ws->key[h] && strcmp(ws->key[h], t)) h = (h + 1) & (unsigned)(ws->size - 1);
      if (!ws->key[h]) ws->key[h] = t, ws->word[h] = i; /* the first word keeps it */
    }
  }
}

static void wordset_free(wordset *ws) {
  free(ws->key), free(ws->word);
}

/* Which word (index) token t matches, or -1: for its first term that any word has, the first such word. */
static int token_word(const token *t, const wordset *ws) {
  const char *term = t->terms;
  for (int k = 0; k < t->nterms; k++, term += strlen(term) + 1) {
    int best = -1;
    unsigned h = util_hash(term) & (unsigned)(ws->size - 1);
    while (ws->key[h] && strcmp(ws->key[h], term)) h = (h + 1) & (unsigned)(ws->size - 1);
    if (ws->key[h]) best = ws->word[h];
    for (int i = 0; i < ws->nw && (best < 0 || i < best); i++)
      if (ws->w[i].prefix && qword_has(&ws->w[i], term)) best = i;
    if (best >= 0) return best;
  }
  return -1;
}

int pgs_snippet(db *d, char *const *terms, int nterms, long long id, buf *out) {
  morph *m = search_morph(d);
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
  wordset ws;
  wordset_init(&ws, w, nterms);
  for (int i = 0; i < t.n; i++) word[i] = token_word(&t.v[i], &ws);
  wordset_free(&ws);
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
