/* api_deeds: GET /api/v1/deeds — the same search as /tekot, as JSON — and /api/v1/deeds/suggest, the search box's
 * suggestions. */
#include <string.h>

#include "search/search.h"
#include "web/api/api.h"
#include "web/widgets.h"

/* Reads an optional integer parameter; answers 400 and returns 0 when present but not in [lo,hi]. */
static int int_param(web_req *r, const char *name, long long lo, long long hi, long long dflt, long long *out) {
  const char *v = web_query(r, name);
  *out = dflt;
  if (!v || !*v) return 1;
  if (util_parse_int(v, lo, hi, out) == K_OK) return 1;
  buf m = BUF_INIT;
  buf_printf(&m, "parameter %r must be a whole number from %lld to %lld", name, lo, hi);
  web_json_error(r, 400, m.data);
  buf_free(&m);
  return 0;
}

/* The language of the query's words and of the names in the answer: ?lang= (fi, sv or en), else the path's prefix
 * (/sv/api/…). Answers 400 and returns NULL for another value. */
static const char *lang_param(web_req *r) {
  const char *v = web_query(r, "lang");
  if (!v || !*v) return r->lang;
  static const char *const langs[] = {"fi", "sv", "en"};
  for (int i = 0; i < 3; i++)
    if (!strcmp(v, langs[i])) return langs[i];
  web_json_error(r, 400, "parameter lang must be fi, sv or en");
  return NULL;
}

static void api_deeds(web_req *r) {
  long long limit, offset, year, awarded;
  const char *lang;
  if (!int_param(r, "limit", 1, 100, 20, &limit) || !int_param(r, "offset", 0, 10000000, 0, &offset) ||
      !int_param(r, "year", 2000, 2100, 0, &year) || !int_param(r, "awarded", 0, 1, 0, &awarded) ||
      !(lang = lang_param(r)))
    return;
  deed_filter f = {.q = web_field(r, "q"),
                   .sector = web_field(r, "sector"),
                   .region = web_field(r, "region"),
                   .theme = web_field(r, "theme"),
                   .year = (int)year,
                   .awarded = (int)awarded,
                   .lang = lang,
                   .limit = (int)limit,
                   .offset = (int)offset};
  deed_result res;
  kerr e = {0};
  if (deed_search(r->db, &r->mem, &f, &res, &e) != K_OK) {
    web_json_error(r, 500, "search failed");
    kerr_clear(&e);
    return;
  }
  r->ctype = "application/json; charset=utf-8";
  buf *o = &r->out;
  buf_printf(o, "{\"total\":%lld,\"limit\":%lld,\"offset\":%lld,\"deeds\":[", res.total, limit, offset);
  for (int i = 0; i < res.nhits; i++) {
    const deed_hit *h = &res.hits[i];
    buf_printf(o, "%r\n{\"id\":%lld,\"ref\":%J,\"title\":%J,\"organisation\":%J,\"municipality\":%J,\"region\":%J,",
               i ? "," : "", h->id, *h->ref ? h->ref : NULL, h->title, h->organisation,
               *h->municipality ? h->municipality : NULL, *h->region ? h->region : NULL);
    buf_printf(o, "\"sector\":%J,\"sector_code\":%J,\"year\":%d,\"awarded\":%r,\"snippet\":%J}", h->sector,
               h->sector_code, h->year, h->awarded ? "true" : "false", h->snippet);
  }
  buf_puts(o, "]}\n");
}

static void api_suggest(web_req *r) {
  const char *lang = lang_param(r);
  if (lang) search_suggest_answer(r, lang);
}

const route api_deeds_routes[] = {
    {"GET", "/api/v1/deeds", api_deeds, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/api/v1/deeds/suggest", api_suggest, .flags = ROUTE_PUBLIC},
    {0},
};
