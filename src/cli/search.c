/* cli_search: `kehto search` prints deed search results as text lines or JSON. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "search/search.h"

#define USAGE "kehto search QUERY|- [--db FILE] [--json] [--limit N] [--lang fi|sv|en]"

/* Writes s with control characters (tabs, newlines, terminal escapes) turned into spaces. */
static void put_field(buf *b, const char *s) {
  for (; *s; s++) buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

static void print_text(buf *b, const deed_result *r) {
  for (int i = 0; i < r->nhits; i++) {
    const deed_hit *h = &r->hits[i];
    buf_printf(b, "%lld\t%d\t", h->id, h->year);
    put_field(b, h->title);
    buf_putc(b, '\t');
    put_field(b, h->organisation);
    buf_putc(b, '\t');
    put_field(b, h->municipality);
    buf_putc(b, '\n');
  }
}

/* The hits as a JSON array; on one line when one_line (a query of many read from stdin: JSON Lines). */
static void print_json(buf *b, const deed_result *r, int one_line) {
  buf_puts(b, "[");
  for (int i = 0; i < r->nhits; i++) {
    const deed_hit *h = &r->hits[i];
    buf_printf(b,
               "%r%r{\"id\": %lld, \"ref\": %J, \"title\": %J, \"organisation\": %J, \"municipality\": %J,"
               " \"year\": %d, \"snippet\": %J}",
               i ? "," : "", one_line ? "" : "\n  ", h->id, *h->ref ? h->ref : NULL, h->title, h->organisation,
               *h->municipality ? h->municipality : NULL, h->year, h->snippet);
  }
  buf_puts(b, r->nhits && !one_line ? "\n]\n" : "]\n");
}

/* Runs query q and prints its hits (and, as text, the count and any correction on stderr). Returns K_OK or K_ERR. */
static int search_one(db *d, const cli_args *a, const char *q, int limit, const char *lang, int many) {
  deed_filter f = {.q = q, .limit = limit, .lang = lang};
  deed_result r;
  kerr e = {0};
  arena mem = {0};
  int rc = deed_search(d, &mem, &f, &r, &e);
  if (rc == K_OK) {
    buf b = BUF_INIT;
    if (cli_opt(a, "json")) {
      print_json(&b, &r, many);
    } else {
      if (many) {
        buf_puts(&b, "# ");
        put_field(&b, q);
        buf_putc(&b, '\n');
      }
      print_text(&b, &r);
    }
    fwrite(b.data ? b.data : "", 1, b.len, stdout);
    fflush(stdout); /* before the count: in a terminal, or both streams in one file, each query's lines stay together */
    buf_free(&b);
    /* the count goes to stderr so stdout stays clean for scripts */
    if (!cli_opt(a, "json"))
      fprintf(stderr, "%lld deed%s found%s\n", r.total, r.total == 1 ? "" : "s",
              r.total > r.nhits ? " (use --limit to see more)" : "");
    if (r.corrected && !cli_opt(a, "json"))
      fprintf(stderr, r.total ? "Did you mean: %s (its deeds are included)\n" : "Did you mean: %s\n", r.corrected);
    if (r.broadened && !cli_opt(a, "json"))
      fprintf(stderr, "Nothing found for the words as they are: deeds with parts of the compound words\n");
    if (r.translated && !cli_opt(a, "json")) fprintf(stderr, "Translated (FreeDict): %s\n", r.translated);
  } else {
    fprintf(stderr, "kehto: %s\n", e.msg);
  }
  kerr_clear(&e);
  arena_free(&mem);
  return rc;
}

/* `kehto search -`: one query per line of stdin, each answered in turn by one process (a scorer's hundreds of
 * queries cost one start, not hundreds); with --json one JSON array per line. */
static int search_lines(const cli_args *a, int limit, const char *lang) {
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  int rc = K_OK;
  while (rc == K_OK && (n = getline(&line, &cap, stdin)) >= 0) {
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    rc = search_one(d, a, line, limit, lang, 1);
    fflush(stdout);
  }
  free(line);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}

int cli_search(const cli_args *a) {
  long long limit = SEARCH_DEFAULT_LIMIT;
  const char *l = cli_opt(a, "limit");
  if (l && util_parse_int(l, 1, SEARCH_MAX_LIMIT, &limit) != K_OK) {
    fprintf(stderr, "kehto: --limit must be a whole number from 1 to %d\nusage: %s\n", SEARCH_MAX_LIMIT, USAGE);
    return 2;
  }
  const char *lang = cli_opt(a, "lang");
  if (lang && strcmp(lang, "fi") && strcmp(lang, "sv") && strcmp(lang, "en")) {
    fprintf(stderr, "kehto: --lang must be fi, sv or en\nusage: %s\n", USAGE);
    return 2;
  }
  if (a->npos == 1 && !strcmp(a->pos[0], "-")) return search_lines(a, (int)limit, lang);
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  buf q = BUF_INIT; /* several words without quotes are one query */
  for (int i = 0; i < a->npos; i++) buf_printf(&q, "%r%r", i ? " " : "", a->pos[i]);
  int rc = search_one(d, a, q.data ? q.data : "", (int)limit, lang, 0);
  buf_free(&q);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}
