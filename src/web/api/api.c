/* api: JSON responses for one deed, the key figures and the OpenAPI document. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/embed.h"
#include "model/award.h"
#include "model/deed.h"
#include "model/programme.h"
#include "model/themelist.h"
#include "model/stats.h"
#include "report/export.h"
#include "web/api/api.h"

static void json_begin(web_req *r) {
  r->ctype = "application/json; charset=utf-8";
}

/* "themes":[Finnish names],"themes_sv":[…],"themes_en":[…] for a comma list; a missing translation is "". */
static void themes_json(web_req *r, const char *themes) {
  static const char *const keys[] = {"themes", "themes_sv", "themes_en"};
  int n = 0;
  theme_row *rows = themelist_rows(r->db, &r->mem, "fi", -1, 0, &n);
  for (int li = 0; li < 3; li++) {
    buf_printf(&r->out, "%r\"%r\":[", li ? "," : "", keys[li]);
    char *copy = arena_strdup(&r->mem, themes ? themes : ""), *save = NULL;
    int k = 0;
    for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
      const char *name = util_trim(t), *v = name;
      for (int i = 0; li && i < n; i++)
        if (!strcasecmp(rows[i].name, name)) v = li == 1 ? rows[i].name_sv : rows[i].name_en;
      buf_printf(&r->out, "%r%J", k++ ? "," : "", li && v == name ? "" : v);
    }
    buf_puts(&r->out, "]");
  }
}

static void api_deed(web_req *r) {
  deed *x = deed_get(r->db, &r->mem, r->id, r->lang);
  if (!x || strcmp(x->status, "published") != 0) {
    web_json_error(r, 404, "no published deed with this id");
    return;
  }
  json_begin(r);
  buf *o = &r->out;
  buf_printf(o,
             "{\"id\":%lld,\"ref\":%J,\"title\":%J,\"organisation\":%J,\"municipality\":%J,\"municipality_code\":%J,",
             x->id, x->ref, x->title, x->org_name, x->municipality_name, x->municipality_code);
  buf_printf(o, "\"region\":%J,\"sector\":%J,\"sector_code\":%J,\"year\":%d,", x->region_name, x->sector_name,
             x->sector_code, x->year);
  themes_json(r, x->themes);
  buf_printf(o, ",\"summary\":%J,\"starting_point\":%J,\"goal\":%J,\"actions\":%J,\"participants\":%J,", x->summary,
             x->starting_point, x->goal, x->actions, x->participants);
  buf_printf(o, "\"results\":%J,\"service\":%J,\"published_at\":%J,\"url\":\"/tekot/%lld\",", x->results, x->service,
             x->published_at, x->id);
  int nw = 0; /* its awards and honourable mentions in published rounds */
  award_win *w = award_deed_wins(r->db, &r->mem, x->id, "fi", &nw);
  buf_puts(o, "\"awards\":[");
  for (int i = 0; i < nw; i++)
    buf_printf(o, "%r{\"year\":%d,\"result\":%J,\"category\":%J,\"citation\":%J,\"citation_sv\":%J,\"citation_en\":%J}",
               i ? "," : "", w[i].year, w[i].result, w[i].category.text, w[i].citations[0], w[i].citations[1],
               w[i].citations[2]);
  buf_puts(o, "]}\n");
}

/* A period as JSON, with its Swedish and English names ("" when not translated) from the programme frame. */
static void period_json(buf *o, const report_period *p, const programme *frame) {
  const char *sv = "", *en = "";
  for (int i = 0; i < frame->nperiods; i++)
    if (frame->periods[i].id == p->id) sv = frame->periods[i].name_sv, en = frame->periods[i].name_en;
  buf_printf(o, "{\"id\":%lld,\"name\":%J,\"name_sv\":%J,\"name_en\":%J,\"start_year\":%d,\"end_year\":%d}", p->id,
             p->name, sv, en, p->start_year, p->end_year);
}

/* The figures of the report for a slot: key figures with targets, then every breakdown table. */
static void api_report(web_req *r, const report_data *rd, int slot) {
  buf *o = &r->out;
  int publ = !user_is_staff(&r->user);
  programme *frame = programme_get(r->db, &r->mem, r->lang);
  buf_puts(o, "\"period\":");
  if (slot)
    period_json(o, report_period_at(rd, slot), frame);
  else
    buf_puts(o, "null");
  buf_puts(o, ",\"periods\":[");
  for (int s = 1; s <= report_nperiods(rd); s++) {
    if (s > 1) buf_puts(o, ",");
    period_json(o, report_period_at(rd, s), frame);
  }
  buf_printf(o, "],\"suppression\":%r,\"figures\":{", publ ? "true" : "false");
  report_table key;
  report_table_make(rd, &r->mem, RT_KEY, slot, publ, &key);
  for (int i = 0; i < key.nrows; i++)
    if (key.rows[i].hidden[0])
      buf_printf(o, "\"%r\":null,", key.rows[i].code);
    else
      buf_printf(o, "\"%r\":%lld,", key.rows[i].code, key.rows[i].v[0]);
  buf_puts(o, "\"suppressed\":[");
  for (int i = 0, k = 0; i < key.nrows; i++)
    if (key.rows[i].hidden[0]) buf_printf(o, "%r\"%r\"", k++ ? "," : "", key.rows[i].code);
  buf_puts(o, "],\"suppressed_reason\":{");
  for (int i = 0, k = 0; i < key.nrows; i++)
    if (key.rows[i].hidden[0])
      buf_printf(o, "%r\"%r\":\"%r\"", k++ ? "," : "", key.rows[i].code, report_mark_reason(key.rows[i].hidden[0]));
  buf_puts(o, "}},\"targets\":[");
  for (int i = 0, k = 0; i < key.nrows; i++)
    if (key.rows[i].v[1] >= 0)
      buf_printf(o, "%r{\"metric\":\"%r\",\"target\":%lld}", k++ ? "," : "", key.rows[i].code, key.rows[i].v[1]);
  buf_puts(o, "],\"tables\":{");
  for (int id = RT_SERVICE_TYPE; id < RT_COUNT; id++) {
    report_table t;
    report_table_make(rd, &r->mem, id, slot, publ, &t);
    buf_printf(o, "%r\"%r\":", id > RT_SERVICE_TYPE ? "," : "", t.name);
    report_json(o, &t, r->lang, i18n_get);
  }
  buf_puts(o, "}");
}

static void api_stats(web_req *r) {
  char computed_at[21];
  const report_data *rd = web_report(r, computed_at);
  int slot = report_slot(rd, web_query(r, "period"));
  if (slot < 0) {
    web_json_error(r, 400, "no funding period with this id (see periods in /api/v1/stats)");
    return;
  }
  stats_key s;
  stats_key_get(r->db, &r->mem, r->lang, &s);
  json_begin(r);
  buf *o = &r->out;
  buf_printf(o,
             "{\"organisations\":%lld,\"deeds_published\":%lld,\"municipalities_with_deeds\":%lld,"
             "\"regions_with_deeds\":%lld,\"deeds_by_sector\":[",
             s.organisations, s.deeds_published, s.municipalities, s.regions);
  for (int i = 0; i < s.nsectors; i++)
    buf_printf(o, "%r{\"code\":%J,\"name\":%J,\"deeds\":%lld}", i ? "," : "", s.by_sector[i].code, s.by_sector[i].name,
               s.by_sector_n[i]);
  buf_puts(o, "],");
  /* while the figures are computed after a change, the previous ones, saying so */
  buf_printf(o, "\"figures_updating\":%r,\"figures_computed_at\":", *computed_at ? "true" : "false");
  if (*computed_at)
    buf_printf(o, "%J,", computed_at);
  else
    buf_puts(o, "null,");
  api_report(r, rd, slot);
  buf_puts(o, "}\n");
}

static void api_openapi(web_req *r) {
  const struct embed_file *f = embed_get("assets/openapi.json");
  json_begin(r);
  buf_append(&r->out, f->data, f->len);
}

const route api_routes[] = {
    {"GET", "/api/v1/deeds/{id}", api_deed, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/api/v1/stats", api_stats, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/api/v1/openapi.json", api_openapi, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {0},
};
