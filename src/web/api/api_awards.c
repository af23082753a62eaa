/* api_awards: GET /api/v1/awards (the published award rounds) and /api/v1/awards/{year} (a published round's
 * categories with their awards and honourable mentions and citations), as JSON. Texts come in Finnish with their
 * Swedish and English beside them ("" when not translated), as the other endpoints give names. */
#include <string.h>

#include "model/award.h"
#include "web/api/api.h"

static void api_awards(web_req *r) {
  int n = 0;
  award_round *v = award_published_rounds(r->db, &r->mem, "fi", &n);
  r->ctype = "application/json; charset=utf-8";
  buf *o = &r->out;
  buf_puts(o, "{\"rounds\":[");
  for (int i = 0; i < n; i++)
    buf_printf(o,
               "%r\n{\"year\":%d,\"published_at\":%J,\"awards\":%lld,\"mentions\":%lld,\"nominated\":%lld,"
               "\"url\":\"/api/v1/awards/%d\",\"page\":\"/palkinnot/%d\"}",
               i ? "," : "", v[i].year, v[i].published_at, v[i].nawards, v[i].nmentions, v[i].nnominated, v[i].year,
               v[i].year);
  buf_puts(o, "]}\n");
}

/* "key":fi,"key_sv":sv,"key_en":en */
static void texts_json(buf *o, const char *key, char *const t[3]) {
  buf_printf(o, "\"%r\":%J,\"%r_sv\":%J,\"%r_en\":%J", key, t[0], key, t[1], key, t[2]);
}

static void result_json(buf *o, const award_win *w, int first) {
  buf_printf(o, "%r{\"deed_id\":%lld,\"title\":%J,\"organisation\":%J,\"result\":%J,", first ? "" : ",", w->deed_id,
             w->deed_title, w->organisation, w->result);
  texts_json(o, "citation", w->citations);
  buf_printf(o, ",\"url\":\"/api/v1/deeds/%lld\",\"page\":\"/tekot/%lld\"}", w->deed_id, w->deed_id);
}

static void api_awards_year(web_req *r) {
  award_round *x = r->id <= 9999 ? award_round_by_year(r->db, &r->mem, (int)r->id, "fi") : NULL;
  if (!x || !x->published_at) {
    web_json_error(r, 404, "no published award round for this year");
    return;
  }
  int nc = 0, nw = 0;
  award_category *c = award_categories(r->db, &r->mem, x->id, "fi", &nc);
  award_win *w = award_round_wins(r->db, &r->mem, x->id, "fi", &nw);
  r->ctype = "application/json; charset=utf-8";
  buf *o = &r->out;
  buf_printf(o, "{\"year\":%d,\"published_at\":%J,\"awards\":%lld,\"mentions\":%lld,\"nominated\":%lld,", x->year,
             x->published_at, x->nawards, x->nmentions, x->nnominated);
  texts_json(o, "intro", x->intro);
  buf_printf(o, ",\"page\":\"/palkinnot/%d\",\"categories\":[", x->year);
  for (int i = 0; i < nc; i++) {
    buf_printf(o, "%r\n{\"id\":%lld,", i ? "," : "", c[i].id);
    texts_json(o, "name", c[i].name);
    buf_puts(o, ",");
    texts_json(o, "description", c[i].description);
    buf_puts(o, ",\"results\":[");
    int k = 0;
    for (int j = 0; j < nw; j++)
      if (w[j].category_id == c[i].id) result_json(o, &w[j], !k++);
    buf_puts(o, "]}");
  }
  buf_puts(o, "]}\n");
}

const route api_awards_routes[] = {
    {"GET", "/api/v1/awards", api_awards, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/api/v1/awards/{year}", api_awards_year, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {0},
};
