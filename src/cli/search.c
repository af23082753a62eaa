/* cli_search: `kehto search` prints deed search results as text lines or JSON. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "search/search.h"

#define USAGE "kehto search QUERY [--db FILE] [--json] [--limit N] [--lang fi|sv|en]"

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

static void print_json(buf *b, const deed_result *r) {
  buf_puts(b, "[");
  for (int i = 0; i < r->nhits; i++) {
    const deed_hit *h = &r->hits[i];
    buf_printf(b,
               "%r\n  {\"id\": %lld, \"ref\": %J, \"title\": %J, \"organisation\": %J, \"municipality\": %J,"
               " \"year\": %d, \"snippet\": %J}",
               i ? "," : "", h->id, *h->ref ? h->ref : NULL, h->title, h->organisation,
               *h->municipality ? h->municipality : NULL, h->year, h->snippet);
  }
  buf_puts(b, r->nhits ? "\n]\n" : "]\n");
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
  db *d = cli_open_db(a, 0);
  if (!d) return 1;
  buf q = BUF_INIT; /* several words without quotes are one query */
  for (int i = 0; i < a->npos; i++) buf_printf(&q, "%r%r", i ? " " : "", a->pos[i]);
  deed_filter f = {.q = q.data, .limit = (int)limit, .lang = lang};
  deed_result r;
  kerr e = {0};
  arena mem = {0};
  int rc = deed_search(d, &mem, &f, &r, &e);
  if (rc == K_OK) {
    buf b = BUF_INIT;
    if (cli_opt(a, "json"))
      print_json(&b, &r);
    else
      print_text(&b, &r);
    fwrite(b.data ? b.data : "", 1, b.len, stdout);
    buf_free(&b);
    /* the count goes to stderr so stdout stays clean for scripts */
    if (!cli_opt(a, "json"))
      fprintf(stderr, "%lld deed%s found%s\n", r.total, r.total == 1 ? "" : "s",
              r.total > r.nhits ? " (use --limit to see more)" : "");
    if (r.corrected && !cli_opt(a, "json")) fprintf(stderr, "Did you mean: %s (its deeds are included)\n", r.corrected);
  } else {
    fprintf(stderr, "kehto: %s\n", e.msg);
  }
  kerr_clear(&e);
  arena_free(&mem);
  buf_free(&q);
  db_close(d);
  return rc == K_OK ? 0 : 1;
}
