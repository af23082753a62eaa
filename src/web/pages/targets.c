/* targets: the staff's list of targets by period, year, service type and indicator on /hallinta/tavoitteet, with
 * each target's actual and on-track status and its rule in words, and the add, edit and delete pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "report/report.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/targets.h"
#include "web/widgets.h"

#define GOALS_PER_PAGE 50

/* The metrics a target may name: the key figures, then the ESF indicators in annex order (request arena). */
static form_opt *metric_opts(web_req *r, const report_data *rd, int *n) {
  arena *a = &r->mem;
  report_table t[2];
  report_table_make(rd, a, RT_ESF_START, 0, 0, &t[0]);
  report_table_make(rd, a, RT_ESF_EXIT, 0, 0, &t[1]);
  form_opt *o = arena_alloc(a, sizeof *o * (size_t)(RK_COUNT + t[0].nrows + t[1].nrows));
  *n = 0;
  for (int m = 0; m < RK_COUNT; m++) o[(*n)++] = (form_opt){report_metric_code(m), T(r, report_metric_label(m))};
  for (int k = 0; k < 2; k++)
    for (int i = 0; i < t[k].nrows; i++) {
      const report_row *x = &t[k].rows[i];
      if (x->code[0] != 'C') continue; /* the indicators themselves, not the rows that complete a group */
      buf b = BUF_INIT;
      buf_printf(&b, "%r %r", x->code, T(r, x->label[0]));
      o[(*n)++] = (form_opt){x->code, arena_strdup(a, b.data)};
      buf_free(&b);
    }
  return o;
}

static form_opt *period_opts(web_req *r, const report_data *rd, int *n) {
  int np = report_nperiods(rd);
  form_opt *o = arena_alloc(&r->mem, sizeof *o * (size_t)(np + 1));
  o[0] = (form_opt){"0", T(r, "Koko ohjelma")};
  for (int s = 1; s <= np; s++) {
    const report_period *p = report_period_at(rd, s);
    buf b = BUF_INIT, id = BUF_INIT;
    buf_printf(&b, "%r %d–%d", tr_pick(r->lang, p->name, p->name_sv, p->name_en).text, p->start_year, p->end_year);
    buf_printf(&id, "%lld", p->id);
    o[s] = (form_opt){arena_strdup(&r->mem, id.data), arena_strdup(&r->mem, b.data)};
    buf_free(&b), buf_free(&id);
  }
  *n = np + 1;
  return o;
}

static const char *period_label(web_req *r, const report_data *rd, long long id) {
  int n;
  form_opt *o = period_opts(r, rd, &n);
  for (int i = 0; i < n; i++)
    if (atoll(o[i].value) == id) return o[i].label;
  return "";
}

static const char *type_label(web_req *r, const char *code) {
  int n;
  form_opt *o = services_type_opts(r, &n);
  for (int i = 0; code && *code && i < n; i++)
    if (!strcmp(o[i].value, code)) return o[i].label;
  return T(r, "Kaikki");
}

/* "tavoite 400 × 75 % kulunut = 300, toteuma 320: aikataulussa": the rule in words, with its figures. */
static void track_write(web_req *r, const report_goal *g, const report_track *t) {
  static const char *const status[] = {N_("ei alkanut"), N_("jäljessä"), N_("aikataulussa"), N_("saavutettu"),
                                       N_("ei laskettavissa")};
  if (t->status == GOAL_NO_ACTUAL) {
    buf_printf(&r->out, "%h", T(r, status[t->status]));
    return;
  }
  /* behind once the whole span has gone by: the target was not reached, not merely late */
  const char *word = t->status == GOAL_BEHIND && t->elapsed_pct >= 100 ? N_("ei saavutettu") : status[t->status];
  buf_printf(&r->out, "%h %N × %d\u00a0%% %h = %N, %h %N: <strong class=\"goal-%d\">%h</strong>", T(r, "tavoite"),
             g->value, t->elapsed_pct, T(r, "kulunut"), t->expected, T(r, "toteuma"), t->actual, t->status,
             T(r, word));
}

static void goal_row(web_req *r, const report_data *rd, const report_goal *g, const char *today) {
  report_track t;
  report_goal_track(rd, g, today, &t);
  const char *label = report_goal_metric_label(g->metric);
  buf *o = &r->out;
  buf_printf(o, "<tr><th scope=\"row\">%h</th><td>%h</td><td>", label ? T(r, label) : g->metric,
             period_label(r, rd, g->period_id));
  if (g->year)
    buf_printf(o, "%d", g->year);
  else
    buf_printf(o, "%h", T(r, "koko kausi"));
  buf_printf(o, "</td><td>%h</td><td class=\"num\">%N</td><td>", type_label(r, g->service_type), g->value);
  track_write(r, g, &t);
  buf_printf(o,
             "</td><td><a href=\"%h/hallinta/tavoitteet/%lld\">%h<span class=\"visually-hidden\"> %h</span></a> "
             "<a href=\"%h/hallinta/tavoitteet/%lld/poista\">%h<span class=\"visually-hidden\"> %h</span></a></td>"
             "</tr>\n",
             r->prefix, g->id, T(r, "Muokkaa"), label ? T(r, label) : g->metric, r->prefix, g->id, T(r, "Poista"),
             label ? T(r, label) : g->metric);
}

void goals_list_write(web_req *r, const report_data *rd) {
  int n = 0;
  report_goal *v = report_goals(r->db, &r->mem, &n);
  char today[11];
  date_today_fi(today);
  buf *o = &r->out;
  buf_printf(o, "<h2 id=\"kaikki\">%h</h2>\n<p>%h</p>\n", T(r, "Kaikki tavoitteet"),
             T(r, "Tilanne: toteumaa verrataan tavoitteeseen kerrottuna sillä osalla tavoitteen ajasta (vuosi, kausi "
                  "tai koko ohjelma), joka on kulunut tähän päivään mennessä. Aikataulussa, kun toteuma on vähintään "
                  "tämä, muuten jäljessä; saavutettu, kun toteuma on vähintään koko tavoite; ei saavutettu, kun aika "
                  "on kulunut eikä toteuma yltänyt tavoitteeseen."));
  buf_printf(o, "<p><a class=\"button\" href=\"%h/hallinta/tavoitteet/uusi\">%h</a></p>\n", r->prefix,
             T(r, "Lisää tavoite"));
  if (!n) {
    buf_printf(o, "<p>%h</p>\n", T(r, "Tavoitteita ei ole."));
    return;
  }
  pager p = pager_make(r, n, GOALS_PER_PAGE);
  static const char *const heads[] = {N_("Tunnusluku tai indikaattori"),
                                      N_("Kausi"),
                                      N_("Vuosi"),
                                      N_("Palvelutyyppi"),
                                      N_("Tavoite"),
                                      N_("Tilanne"),
                                      N_("Toiminnot")};
  pager_table_begin(r, T(r, "Kaikki tavoitteet"), heads, 7, 4);
  for (int i = pager_offset(&p); i < n && i < pager_offset(&p) + GOALS_PER_PAGE; i++) goal_row(r, rd, &v[i], today);
  web_table_end(r);
  pager_write(r, &p, "/hallinta/tavoitteet");
}

/* The add or edit form; g NULL: a new target; err: the failed save, its fields shown again as typed. */
static void goal_form_page(web_req *r, const report_data *rd, const report_goal *g, const kerr *err) {
  int edit = g && g->id;
  page_begin(r, T(r, edit ? "Muokkaa tavoitetta" : "Lisää tavoite"), "targets");
  buf *o = &r->out;
  buf_printf(o, "<h1>%h</h1>\n", T(r, edit ? "Muokkaa tavoitetta" : "Lisää tavoite"));
  form_ctx f = {r, err};
  form_errors(&f);
  char year[16] = "", value[32] = "", period[24] = "0";
  if (g && g->year) snprintf(year, sizeof year, "%d", g->year);
  if (g) snprintf(value, sizeof value, "%lld", g->value), snprintf(period, sizeof period, "%lld", g->period_id);
  char action[32] = "uusi";
  if (edit) snprintf(action, sizeof action, "%lld", g->id);
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/tavoitteet/%h\" class=\"form\">\n", r->prefix, action);
  web_csrf_field(r);
  int n;
  form_opt *m = metric_opts(r, rd, &n);
  form_select(&f, "metric", T(r, "Tunnusluku tai indikaattori"),
              err ? web_field(r, "metric")
              : g ? g->metric
                  : "",
              m, n, 1, NULL);
  form_opt *p = period_opts(r, rd, &n);
  form_select(&f, "period", T(r, "Kausi"), err ? web_field(r, "period") : period, p, n, 1, NULL);
  form_input(&f, "text", "year", T(r, "Vuosi"), err ? web_field(r, "year") : year, 0,
             T(r, "Tyhjä: koko kausi. Vuosi: tavoite sille vuodelle."));
  form_opt *t = services_type_opts(r, &n);
  form_select(&f, "service_type", T(r, "Palvelutyyppi"),
              err ? web_field(r, "service_type")
              : g ? g->service_type
                  : "",
              t, n, 0, T(r, "Kaikki"));
  form_input(&f, "text", "value", T(r, "Tavoite"), err ? web_field(r, "value") : value, 1, NULL);
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\">%h</button> <a href=\"%h/hallinta/tavoitteet\">%h</a>"
             "</div>\n</form>\n",
             T(r, "Tallenna"), r->prefix, T(r, "Peruuta"));
  page_end(r);
}

static void page_goal(web_req *r) {
  report_goal g = {0};
  if (r->id && report_goal_get(r->db, &r->mem, r->id, &g) != K_OK) {
    web_error(r, 404, T(r, "Tavoitetta ei ole."));
    return;
  }
  goal_form_page(r, report_get(r->db), r->id ? &g : NULL, NULL);
}

/* Reads the posted form into g; a field that is not a whole number in range is an error on it. */
static void goal_posted(web_req *r, report_goal *g, kerr *e) {
  g->id = r->id;
  g->metric = web_field(r, "metric");
  g->service_type = web_field(r, "service_type");
  long long year = 0;
  if (util_parse_int(web_field(r, "period"), 0, 1LL << 53, &g->period_id) != K_OK)
    kerr_add(e, "period", "Rahoituskautta ei ole.");
  if (*web_field(r, "year") && util_parse_int(web_field(r, "year"), 1900, 2100, &year) != K_OK)
    kerr_add(e, "year", "Vuoden pitää olla kauden vuosi, tai tyhjä koko kaudelle.");
  g->year = (int)year;
  if (util_parse_int(web_field(r, "value"), 0, 100000000, &g->value) != K_OK)
    kerr_add(e, "value", "Tavoitteen pitää olla kokonaisluku 0–100000000.");
}

static void page_goal_save(web_req *r) {
  const report_data *rd = report_get(r->db);
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  report_goal g = {0};
  if (r->id && report_goal_get(r->db, &r->mem, r->id, &g) != K_OK) {
    web_error(r, 404, T(r, "Tavoitetta ei ole."));
    kerr_clear(&e);
    return;
  }
  goal_posted(r, &g, &e);
  if (!e.msg && report_goal_save(r->db, rd, &g, &e)) {
    web_changed();
    web_redirectf(r, "/hallinta/tavoitteet?ok=1#kaikki");
  } else {
    goal_form_page(r, rd, &g, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

static int goal_delete(db *d, long long id, const char *by, kerr *e) {
  (void)by;
  return report_goal_delete(d, id, e);
}

static void page_goal_delete(web_req *r) {
  report_goal g;
  if (report_goal_get(r->db, &r->mem, r->id, &g) != K_OK) {
    web_error(r, 404, T(r, "Tavoitetta ei ole."));
    return;
  }
  if (confirmed_delete(r, goal_delete, "/hallinta/tavoitteet?ok=1#kaikki")) return;
  const char *label = report_goal_metric_label(g.metric);
  buf what = BUF_INIT;
  buf_printf(&what, "%r: %r, %N.", T(r, "Poistetaan tavoite"), label ? T(r, label) : g.metric, g.value);
  char action[64];
  snprintf(action, sizeof action, "/hallinta/tavoitteet/%lld/poista", r->id);
  confirm_spec c = {.title = T(r, "Poistetaanko tavoite?"),
                    .what = arena_strdup(&r->mem, what.data),
                    .action = action,
                    .button = T(r, "Poista tavoite"),
                    .back = "/hallinta/tavoitteet",
                    .active = "targets"};
  buf_free(&what);
  confirm_page(r, &c);
}

const route targets_routes[] = {
    {"GET", "/hallinta/tavoitteet/uusi", page_goal, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/tavoitteet/uusi", page_goal_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hallinta/tavoitteet/{id}", page_goal, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/tavoitteet/{id}", page_goal_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hallinta/tavoitteet/{id}/poista", page_goal_delete, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/tavoitteet/{id}/poista", page_goal_delete, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
