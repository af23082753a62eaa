/* api_jury: GET /api/v1/jury/{round}/nominations: a signed-in juror's nominations of a round as JSON, with the
 * round's criteria and the juror's own scores; only what the juror may see (a deed hidden from them by a conflict is
 * not there), 404 for a round they do not judge. */
#include <string.h>

#include "model/award.h"
#include "web/api/api.h"

static void api_jury_nominations(web_req *r) {
  award_round *rd = award_round_get(r->db, &r->mem, r->id, r->lang);
  if (!rd || !award_is_juror(r->db, rd->id, r->user.id)) {
    web_json_error(r, 404, "no award round with that id that you judge");
    return;
  }
  int n = 0, ncrit = 0, *scored = NULL;
  award_nomination *v = award_juror_nominations(r->db, &r->mem, rd->id, r->user.id, r->lang, &scored, &n);
  award_criterion *c = award_criteria(r->db, &r->mem, rd->id, r->lang, &ncrit);
  buf *o = &r->out;
  r->ctype = "application/json; charset=utf-8";
  r->no_store = 1;
  buf_printf(o, "{\"round\":{\"id\":%lld,\"year\":%d,\"jury_until\":%J,\"published\":%r},\"criteria\":[", rd->id,
             rd->year, rd->jury_until, rd->published_at ? "true" : "false");
  for (int i = 0; i < ncrit; i++)
    buf_printf(o, "%r{\"id\":%lld,\"name\":%J,\"weight\":%d}", i ? "," : "", c[i].id, c[i].t_name.text, c[i].weight);
  buf_puts(o, "],\"nominations\":[");
  for (int i = 0; i < n; i++) {
    const award_nomination *x = &v[i];
    buf_printf(o,
               "%r{\"id\":%lld,\"category_id\":%lld,\"category\":%J,\"deed_id\":%lld,\"title\":%J,"
               "\"organisation\":%J,\"year\":%d,\"summary\":%J,\"scored\":%d,\"scores\":[",
               i ? "," : "", x->id, x->category_id, x->category.text, x->deed_id, x->deed_title, x->organisation,
               x->deed_year, x->summary, scored[i]);
    int ns = 0;
    award_score *s = award_scores_get(r->db, &r->mem, x->id, r->user.id, &ns);
    int k = 0;
    for (int j = 0; j < ns; j++)
      if (s[j].score)
        buf_printf(o, "%r{\"criterion_id\":%lld,\"score\":%d,\"comment\":%J}", k++ ? "," : "", s[j].criterion_id,
                   s[j].score, s[j].comment);
    buf_puts(o, "]}");
  }
  buf_puts(o, "]}\n");
}

const route api_jury_routes[] = {
    {"GET", "/api/v1/jury/{id}/nominations", api_jury_nominations, .flags = ROUTE_JURY},
    {0},
};
