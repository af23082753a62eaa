/* fts: FTS5 tokenizer "kehto". FIRST STEP: delegates to unicode61; Voikko lemmas come next. */
#include "search/fts.h"

#include <ctype.h>
#include <string.h>

static fts5_api *get_api(sqlite3 *h) {
  fts5_api *api = NULL;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) return NULL;
  sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}

int search_fts_register(sqlite3 *h) {
  fts5_api *api = get_api(h);
  if (!api) return SQLITE_ERROR;
  fts5_tokenizer tok;
  void *ud = NULL;
  int rc = api->xFindTokenizer(api, "unicode61", &ud, &tok);
  if (rc != SQLITE_OK) return rc;
  return api->xCreateTokenizer(api, "kehto", ud, &tok, NULL);
}

int search_fts_query(buf *out, const char *s) {
  int n = 0;
  while (s && *s) {
    while (*s && !(isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)) s++;
    const char *w = s;
    while (*s && (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)) s++;
    if (s > w) {
      if (n++) buf_puts(out, " AND ");
      buf_putc(out, '"');
      buf_append(out, w, (size_t)(s - w));
      buf_putc(out, '"');
    }
  }
  return n;
}
