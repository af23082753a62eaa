/* fts: the FTS5 tokenizer "kehto" (Voikko lemmas and compound parts, Snowball fallback) and safe MATCH building. */
#include "search/fts.h"

#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "db/db_sqlite.h"
#include "search/search.h"
#include "search/morph.h"
#include "search/pgsearch.h"
#include "search/rank.h"

#define MAX_QUERY_TERMS 32

/* One tokenizer instance per FTS5 table per connection: its own Voikko handle, stemmer and cache, and the context
 * of the text being indexed. */
typedef struct ktok {
  morph *m;
  morph_ctx *ctx;
} ktok;

static int tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out) {
  kerr e = {0};
  morph *m = morph_new(&e);
  if (!m) {
    log_error("tokenizer kehto: %r", e.msg);
    kerr_clear(&e);
    return SQLITE_ERROR;
  }
  ktok *t = calloc(1, sizeof *t);
  if (!t) {
    morph_free(m);
    return SQLITE_NOMEM;
  }
  t->m = m;
  t->ctx = morph_ctx_new();
  *out = (Fts5Tokenizer *)t;
  return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *p) {
  ktok *t = (ktok *)p;
  if (!t) return;
  morph_free(t->m);
  morph_ctx_free(t->ctx);
  free(t);
}

typedef int (*token_fn)(void *, int, const char *, int, int, int);

/* Emits the terms of one word at one position: the first as a new token, the rest colocated. A query uses only
 * the word's lemmas (so "työhyvinvointi" does not widen to "työ"); a prefix query the surface form itself; a
 * document the lemmas its text supports (morph_ctx) and the marked terms, and a Swedish text's word its Finnish terms
 * (morph_swedish). */
static int emit_word(ktok *t, int flags, const char *text, size_t ntext, const char *low, size_t n, int start, int end,
                     void *ctx, token_fn tok) {
  if (flags & FTS5_TOKENIZE_PREFIX) return tok(ctx, 0, low, (int)n, start, end);
  morph_terms_t mt;
  morph_terms(t->m, low, n, &mt);
  int query = (flags & FTS5_TOKENIZE_QUERY) != 0, count = query ? mt.nlemma : mt.nterms, emitted = 0;
  const char *p = mt.terms;
  for (int i = 0; i < count; i++) {
    size_t len = strlen(p);
    if (query || i >= mt.nlemma || morph_ctx_keeps(t->ctx, &mt, i)) {
      int rc = tok(ctx, emitted++ ? FTS5_TOKEN_COLOCATED : 0, p, (int)len, start, end);
      if (rc != SQLITE_OK) return rc;
    }
    p += len + 1;
  }
  if (query || mt.known || !morph_ctx_foreign(t->ctx)) return SQLITE_OK;
  morph_swedish(t->m, low, n, morph_name_at(text, ntext, (size_t)start), &mt);
  p = mt.terms;
  for (int i = 0; i < mt.nterms; i++, p += strlen(p) + 1) {
    int rc = tok(ctx, FTS5_TOKEN_COLOCATED, p, (int)strlen(p), start, end);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

static int tok_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int ntext, token_fn tok) {
  ktok *t = (ktok *)p;
  /* a query's "\x01term": an index term as it is (search/expand.h), e.g. ">hyvinvointi" */
  if ((flags & FTS5_TOKENIZE_QUERY) && ntext > 1 && text[0] == '\x01')
    return tok(ctx, 0, text + 1, ntext > MORPH_MAX_WORD ? MORPH_MAX_WORD : ntext - 1, 0, ntext);
  size_t n = ntext > 0 ? (size_t)ntext : 0, pos = 0, start, end;
  if (!(flags & FTS5_TOKENIZE_QUERY)) morph_ctx_text(t->ctx, t->m, text, n); /* a document, or one for snippets */
  buf low = BUF_INIT;
  int rc = SQLITE_OK;
  while (rc == SQLITE_OK && morph_next_word(text, n, &pos, &start, &end, &low))
    rc = emit_word(t, flags, text, n, low.data, low.len, (int)start, (int)end, ctx, tok);
  buf_free(&low);
  return rc;
}

static fts5_api *get_api(sqlite3 *h) {
  fts5_api *api = NULL;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) return NULL;
  sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}

int search_attach(db *d, kerr *e) {
  sqlite3 *h = db_handle(d);
  morph *probe = morph_new(e); /* fail at open, with a clear message, rather than at the first query */
  if (!probe) return K_ERR;
  morph_free(probe);
  if (!h) /* PostgreSQL (after the migrations): no FTS5 to register with; the terms rebuilt if a migration asked */
    return pgs_reindex_if_asked(d) == K_OK ? K_OK
                                           : kerr_set(e, NULL, "cannot rebuild the search index: %r", db_errmsg(d));
  fts5_api *api = get_api(h);
  if (!api) return kerr_set(e, NULL, "this SQLite has no FTS5");
  fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize};
  int rc = api->xCreateTokenizer(api, "kehto", NULL, &tok, NULL);
  if (rc != SQLITE_OK) return kerr_set(e, NULL, "cannot register the tokenizer kehto: %r", sqlite3_errstr(rc));
  rc = search_rank_register(api);
  if (rc != SQLITE_OK) return kerr_set(e, NULL, "cannot register kehto_postings: %r", sqlite3_errstr(rc));
  return K_OK;
}

int search_reindex(db *d, long long id) {
  return db_is_pg(d) ? pgs_index_deed(d, id) : K_OK;
}

/* Writes one quoted FTS5 string, doubling any double quote. */
static void put_quoted(buf *out, const char *s, size_t n) {
  buf_putc(out, '"');
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '"') buf_putc(out, '"');
    buf_putc(out, s[i]);
  }
  buf_putc(out, '"');
}

/* Returns 1 for the operator words AND, OR, NOT written in capitals: users mean them as syntax, and as words
 * they would make "tekoäly OR robotiikka" find nothing; they are left out. */
static int operator_word(const char *w, size_t n) {
  return (n == 2 && !memcmp(w, "OR", 2)) || (n == 3 && (!memcmp(w, "AND", 3) || !memcmp(w, "NOT", 3)));
}

int search_fts_terms(const char *s, char **terms, int max) {
  size_t n = s ? strlen(s) : 0, pos = 0, start, end;
  int count = 0;
  if (max > MAX_QUERY_TERMS) max = MAX_QUERY_TERMS;
  while (count < max && utf8_next_word(s, n, &pos, &start, &end)) {
    if (operator_word(s + start, end - start)) continue;
    buf t = BUF_INIT;
    put_quoted(&t, s + start, end - start);
    /* "hyvinv*": a prefix of the base form, for words the user has not finished; not for one-letter stubs */
    if (end < n && s[end] == '*' && end - start >= 3) buf_puts(&t, " *");
    terms[count++] = buf_detach(&t);
  }
  return count;
}

int search_fts_query(buf *out, const char *s) {
  char *terms[MAX_QUERY_TERMS];
  int n = search_fts_terms(s, terms, MAX_QUERY_TERMS);
  for (int i = 0; i < n; i++) {
    buf_printf(out, "%r%r", i ? " AND " : "", terms[i]);
    free(terms[i]);
  }
  return n;
}
