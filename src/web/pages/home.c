/* home: the front page: the programme, its goals, key figures, the newest news, deeds by sector, newest deeds and a
 * search box. */
#include <string.h>

#include "model/budget.h"
#include "model/programme.h"
#include "search/search.h"
#include "model/stats.h"
#include "web/pages/home.h"
#include "web/pages/news.h"
#include "web/widgets.h"

#define NEWEST 6

static void period(web_req *r, const programme_period *pp) {
  buf_printf(&r->out, "%d–%d", pp->start_year, pp->end_year);
  if (*pp->esf_code) buf_printf(&r->out, " (%h %h)", T(r, "ESR"), pp->esf_code);
}

/* The total budget (the plans' eligible totals, never their lines) and the funders, for the public. */
static void funding(web_req *r, const programme *p) {
  long long total = budget_total_planned(r->db);
  int funders = 0;
  for (int i = 0; i < p->npartners; i++) funders += !strcmp(p->partners[i].kind, "funder");
  if (!total && !funders) return;
  buf *o = &r->out;
  buf_puts(o, "<p class=\"meta\">");
  if (total) {
    buf_printf(o, "%h: ", T(r, "Kokonaisbudjetti"));
    buf_fieuro(o, total);
    buf_puts(o, funders ? ". " : ".");
  }
  for (int i = 0, n = 0; i < p->npartners; i++) {
    if (strcmp(p->partners[i].kind, "funder")) continue;
    if (n++)
      buf_printf(o, ", %h", p->partners[i].name);
    else
      buf_printf(o, "%h: %h", T(r, "Rahoittajat"), p->partners[i].name);
  }
  buf_puts(o, funders ? ".</p>\n" : "</p>\n");
}

static void programme_section(web_req *r, const programme *p) {
  buf *o = &r->out;
  if (p->configured)
    tr_write(r, "h1", NULL, &p->t_name);
  else
    buf_printf(o, "<h1>%h</h1>", T(r, "Tekojen tori"));
  buf_puts(o, "\n");
  if (*p->t_description.text) {
    tr_write(r, "p", "lead", &p->t_description);
    buf_puts(o, "\n");
  }
  if (p->nperiods) {
    buf_printf(o, "<p class=\"meta\">%h: ", T(r, "Rahoituskaudet"));
    for (int i = 0; i < p->nperiods; i++) {
      if (i) buf_puts(o, "; ");
      period(r, &p->periods[i]);
    }
    buf_puts(o, "</p>\n");
  }
  funding(r, p);
}

static void figures(web_req *r, const stats_key *s) {
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n<ul class=\"figures\">", T(r, "Avainluvut"));
  buf_printf(o, "<li><span class=\"n\">%N</span> %h</li>", s->organisations, T(r, "organisaatiota"));
  buf_printf(o, "<li><span class=\"n\">%N</span> %h</li>", s->deeds_published, T(r, "julkaistua tekoa"));
  buf_printf(o, "<li><span class=\"n\">%N</span> %h</li>", s->municipalities, T(r, "kuntaa, joista on tekoja"));
  buf_printf(o, "<li><span class=\"n\">%N</span> %h</li>", s->regions, T(r, "maakuntaa"));
  buf_puts(o, "</ul>\n");
}

static void by_sector(web_req *r, const stats_key *s) {
  buf *o = &r->out;
  long long max = 1;
  for (int i = 0; i < s->nsectors; i++) max = s->by_sector_n[i] > max ? s->by_sector_n[i] : max;
  web_table_begin(r, NULL, T(r, "Julkaistut teot toimialoittain"), 0);
  buf_printf(o,
             "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\" class=\"num\">%h</th>"
             "<th scope=\"col\"><span class=\"visually-hidden\">%h</span></th></tr></thead>\n<tbody>\n",
             T(r, "Toimiala"), T(r, "Tekoja"), T(r, "Osuus kuvana"));
  for (int i = 0; i < s->nsectors; i++)
    buf_printf(o,
               "<tr><th scope=\"row\"><a href=\"%h/tekot?sector=%U\">%h</a></th><td class=\"num\">%N</td>"
               "<td aria-hidden=\"true\"><span class=\"bar w%d\"></span></td></tr>\n",
               r->prefix, s->by_sector[i].code, s->by_sector[i].name, s->by_sector_n[i],
               (int)(s->by_sector_n[i] * 20 / max));
  web_table_end(r);
}

static void goals(web_req *r, const programme *p) {
  if (!p->ngoals) return;
  buf_printf(&r->out, "<h2>%h</h2>\n<ol>\n", T(r, "Ohjelman tavoitteet"));
  for (int i = 0; i < p->ngoals; i++) {
    tr_write(r, "li", NULL, &p->t_goals[i]);
    buf_puts(&r->out, "\n");
  }
  buf_puts(&r->out, "</ol>\n");
}

static void newest(web_req *r) {
  deed_filter f = {.lang = r->lang, .limit = NEWEST};
  deed_result res;
  kerr e = {0};
  if (deed_search(r->db, &r->mem, &f, &res, &e) == K_OK && res.nhits) {
    buf_printf(&r->out, "<h2>%h</h2>\n", T(r, "Uusimmat teot"));
    deed_hits_write(r, res.hits, res.nhits, "h3");
    buf_printf(&r->out, "<p><a href=\"%h/tekot\">%h →</a></p>\n", r->prefix, T(r, "Kaikki teot"));
  }
  kerr_clear(&e);
}

static void page_home(web_req *r) {
  programme *p = programme_get(r->db, &r->mem, r->lang);
  stats_key s;
  stats_key_get(r->db, &r->mem, r->lang, &s);
  page_begin(r, T(r, "Etusivu"), "home");
  programme_section(r, p);
  search_form_write(r, NULL);
  figures(r, &s);
  goals(r, p);
  news_section_write(r, 3);
  newest(r);
  by_sector(r, &s);
  page_end(r);
}

const route home_routes[] = {
    {"GET", "/", page_home, .flags = ROUTE_PUBLIC | ROUTE_CACHE, .menu = {ROUTE_NAV_MAIN, 1, "home", N_("Etusivu")}},
    {0},
};
