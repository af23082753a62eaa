/* api_surveys: GET /api/v1/surveys/{id}/results — a published survey's results as JSON, suppressed as /tilastot
 * (cells under 5 answers null with the reason; no open answers); 404 for a survey whose results are not published. */
#include "core/i18n.h"
#include "model/survey.h"
#include "report/survey_results.h"
#include "web/api/api.h"

static void api_survey_results(web_req *r) {
  survey_info *s = survey_get(r->db, &r->mem, r->id, r->lang);
  if (!s || !s->results_public) {
    web_json_error(r, 404, "no published survey with that id");
    return;
  }
  kerr e = {0};
  sr_results *res = survey_results(r->db, &r->mem, s->id, SR_PUBLIC, &e);
  if (!res) {
    kerr_clear(&e);
    web_json_error(r, 500, "results could not be read");
    return;
  }
  sr_label_groups(r->db, &r->mem, res, r->lang, i18n_get);
  r->ctype = "application/json; charset=utf-8";
  survey_results_json(&r->out, res, s->key, s->title.text, r->lang);
  buf_putc(&r->out, '\n');
}

const route api_surveys_routes[] = {
    {"GET", "/api/v1/surveys/{id}/results", api_survey_results, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {0},
};
