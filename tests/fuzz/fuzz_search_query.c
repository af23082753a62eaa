/* fuzz_search_query: free search text into FTS5 MATCH expressions (search_fts_query, search_fts_terms), the word
 * splitter and lowercasing under them, and snippet marking (search_snippet_html). */
#include "fuzz.h"

#include "core/buf.h"
#include "core/utf8.h"
#include "search/search.h"
#include "search/fts.h"

/* A MATCH expression as search_fts_terms writes it: quoted strings joined by " AND ", maybe " *" after one. Checks that
 * every quote outside a string opens one that is closed, so no user text escapes into FTS5 syntax. */
static void check_expr(const char *q) {
  int in = 0;
  for (const char *p = q; *p; p++) {
    if (*p != '"') {
      if (!in) FUZZ_CHECK(*p == ' ' || *p == '*' || strchr("AND", *p));
      continue;
    }
    if (in && p[1] == '"') {
      p++;
      continue;
    }
    in = !in;
  }
  FUZZ_CHECK(!in);
}

static void check_marks(const char *html) {
  int open = 0;
  for (const char *p = html; *p; p++) {
    if (!strncmp(p, "<mark>", 6)) {
      FUZZ_CHECK(!open);
      open = 1, p += 5;
    } else if (!strncmp(p, "</mark>", 7)) {
      FUZZ_CHECK(open);
      open = 0, p += 6;
    } else {
      FUZZ_CHECK(*p != '<' && *p != '>' && *p != '"');
    }
  }
  FUZZ_CHECK(!open);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = fuzz_cstr(data, size);
  buf q = BUF_INIT;
  int n = search_fts_query(&q, s);
  FUZZ_CHECK(n >= 0 && n <= 32);
  FUZZ_CHECK((n == 0) == (q.len == 0));
  if (q.data) check_expr(q.data);
  char *terms[8];
  int m = search_fts_terms(s, terms, size % 9);
  FUZZ_CHECK(m >= 0 && m <= (int)(size % 9));
  for (int i = 0; i < m; i++) check_expr(terms[i]), free(terms[i]);

  buf h = BUF_INIT;
  search_snippet_html(&h, s, 1);
  if (h.data) check_marks(h.data);
  buf_reset(&h);
  search_snippet_html(&h, s, 0);
  if (h.data) FUZZ_CHECK(!strstr(h.data, "<mark"));

  buf low = BUF_INIT;
  utf8_lower(&low, s, size);
  size_t pos = 0, start, end, last = 0;
  while (utf8_next_word(s, size, &pos, &start, &end)) {
    FUZZ_CHECK(start >= last && start < end && end <= size && pos >= end);
    last = end;
  }
  buf_free(&q);
  buf_free(&h);
  buf_free(&low);
  free(s);
  return 0;
}
