/* budget (page): /hallinta/talous: plan against actual per funding period and category with the computed flat rate,
 * cumulative spend by month against the plan, the forecast, funding shares in euros, each period's plan form, the
 * ledger (paginated, filtered by period and category) and the downloads (Excel CSV, comma CSV, XLSX). Staff only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "model/budget.h"
#include "model/programme.h"
#include "report/export.h"
#include "web/form.h"
#include "core/i18n.h"
#include "web/pager.h"
#include "web/pages/budget.h"
#include "core/svg.h"
#include "web/widgets.h"

#define BASE "/hallinta/talous"
#define LEDGER_PER_PAGE 50

static const char *const LINE_COLOUR = "#1f5f99"; /* actual: 6.9:1 against white */
static const char *const PLAN_COLOUR = "#8a4b00"; /* plan, dashed: 6.3:1 */

/* The current month in Finland, "yyyy-mm", in the request arena: the forecast's "now". */
static const char *this_month(web_req *r) {
  char today[11];
  date_today_fi(today);
  return arena_strndup(&r->mem, today, 7);
}

/* b's text moved into the request arena (b freed). */
static const char *kept(web_req *r, buf *b) {
  char *s = arena_strdup(&r->mem, b->data ? b->data : "");
  buf_free(b);
  return s;
}

/* An amount as text in the request arena: "1 234,50 €" (euro_sign 1) or "1 234,50" for a form field. */
static const char *money(web_req *r, long long cents, int euro_sign) {
  buf b = BUF_INIT;
  if (euro_sign)
    buf_fieuro(&b, cents);
  else
    buf_fimoney(&b, cents);
  return kept(r, &b);
}

static const char *eur(web_req *r, long long cents) {
  return money(r, cents, 1);
}

/* "17" or "17,5" from basis points, and " %" after it when sign, in the request arena. */
static const char *percent(web_req *r, long long bp, int sign) {
  char *s = arena_alloc(&r->mem, 40);
  long long frac = bp % 100 < 0 ? -(bp % 100) : bp % 100;
  int n = frac ? snprintf(s, 40, "%lld,%02lld", bp / 100, frac) : snprintf(s, 40, "%lld", bp / 100);
  if (frac % 10 == 0 && frac) s[--n] = 0; /* 17,50 → 17,5 */
  if (sign) snprintf(s + n, (size_t)(40 - n), "\xC2\xA0%%");
  return s;
}

/* A share used, "98,2 %": always one decimal (rounded half away from zero), so a column reads evenly. */
static const char *pct(web_req *r, long long bp) {
  long long tenths = (bp < 0 ? bp - 5 : bp + 5) / 10, a = tenths < 0 ? -tenths : tenths;
  char *s = arena_alloc(&r->mem, 40);
  snprintf(s, 40, "%s%lld,%lld\xC2\xA0%%", tenths < 0 ? "\xE2\x88\x92" : "", a / 10, a % 10);
  return s;
}

/* actual as a share of plan in basis points (0 when there is no plan). */
static long long used_bp(long long actual, long long plan) {
  return plan > 0 ? actual * 10000 / plan : 0;
}

/* The period's name in the reader's language. */
static const char *period_name(web_req *r, const programme *pg, const budget_period *p) {
  for (int i = 0; i < pg->nperiods; i++)
    if (pg->periods[i].id == p->id) return pg->periods[i].shown.text;
  return p->name;
}

/* ---- plan against actual ---- */

static void money_row(web_req *r, const char *label, long long plan, long long actual, const char *note, int strong) {
  buf *o = &r->out;
  const char *tag = strong ? "strong" : "span";
  buf_printf(o, "<tr><th scope=\"row\"><%r>%h</%r>", tag, label, tag);
  if (note) buf_printf(o, "<br><small>%h</small>", note);
  buf_printf(o, "</th><td class=\"num\">%h</td><td class=\"num\">%h</td><td class=\"num\">%h</td></tr>\n", eur(r, plan),
             eur(r, actual), plan > 0 ? pct(r, used_bp(actual, plan)) : "–");
}

/* Opens a captioned table of four columns, the last three numbers. */
static void table_begin(web_req *r, const char *cls, const char *caption, const char *const heads[4]) {
  web_table_begin(r, cls, caption, 0);
  buf_puts(&r->out, "<thead><tr>");
  for (int i = 0; i < 4; i++)
    buf_printf(&r->out, "<th scope=\"col\"%r>%h</th>", i ? " class=\"num\"" : "", T(r, heads[i]));
  buf_puts(&r->out, "</tr></thead>\n<tbody>\n");
}

/* The table of one period or of the whole programme (rate_bp < 0: the rates differ per period). */
static void sums_table(web_req *r, const char *caption, const budget_sums *plan, const budget_sums *actual, int rate_bp,
                       int travel_inside) {
  static const char *const heads[] = {N_("Kustannuslaji"), N_("Suunnitelma"), N_("Toteutunut"), N_("Käytetty")};
  table_begin(r, "list budget", caption, heads);
  for (int k = 0; k < BUDGET_NCAT; k++) {
    const char *note = k == BUDGET_TRAVEL && travel_inside == 1
                           ? T(r, "Sisältyy flat rate -osuuteen: kirjataan, mutta ei lasketa erikseen.")
                           : NULL;
    money_row(r, T(r, budget_category_label[k]), plan->cat[k], actual->cat[k], note, 0);
  }
  buf b = BUF_INIT;
  if (rate_bp >= 0)
    buf_printf(&b, "%r (%r %r)", T(r, "Flat rate"), percent(r, rate_bp, 1), T(r, "henkilöstökuluista"));
  else
    buf_printf(&b, "%r (%r)", T(r, "Flat rate"), T(r, "kunkin kauden prosentilla"));
  money_row(r, b.data, plan->flat, actual->flat, NULL, 0);
  buf_free(&b);
  money_row(r, T(r, "Tukikelpoiset kustannukset yhteensä"), plan->eligible, actual->eligible, NULL, 1);
  web_table_end(r);
}

static void shares_table(web_req *r, const char *caption, const int *share_bp, const long long *plan,
                         const long long *actual) {
  static const char *const heads[] = {N_("Rahoittaja"), N_("Osuus"), N_("Suunnitelmasta"), N_("Toteutuneesta")};
  table_begin(r, "list shares", caption, heads);
  for (int k = 0; k < BUDGET_NSRC; k++)
    buf_printf(&r->out,
               "<tr><th scope=\"row\">%h</th><td class=\"num\">%h</td><td class=\"num\">%h</td><td class=\"num\">%h"
               "</td></tr>\n",
               T(r, budget_source_label[k]), share_bp ? percent(r, share_bp[k], 1) : "–", eur(r, plan[k]),
               eur(r, actual[k]));
  web_table_end(r);
}

/* Cumulative eligible spend by month against the plan spread evenly, as a line chart. */
/* A chart's months: cumulative actual and planned euros, and the year at each January. */
typedef struct spend_series {
  long long *act, *plan;
  const char **x;
  int n;
} spend_series;

/* Appends period p's months to c, on top of what the earlier periods in c reached (a chart's whole euros). */
static void spend_add(web_req *r, spend_series *c, const budget_period *p) {
  long long act0 = c->n ? c->act[c->n - 1] * 100 : 0, plan0 = c->n ? c->plan[c->n - 1] * 100 : 0;
  int n = c->n + p->nmonths;
  long long *act = arena_alloc(&r->mem, sizeof *act * (size_t)n),
            *plan = arena_alloc(&r->mem, sizeof *plan * (size_t)n);
  const char **x = arena_alloc(&r->mem, sizeof *x * (size_t)n);
  for (int i = 0; i < c->n; i++) act[i] = c->act[i], plan[i] = c->plan[i], x[i] = c->x[i];
  for (int i = 0; i < p->nmonths; i++) {
    act[c->n + i] = (act0 + p->months[i].cum_eligible) / 100, plan[c->n + i] = (plan0 + p->months[i].cum_plan) / 100;
    if (i % 12 == 0) x[c->n + i] = arena_strndup(&r->mem, p->months[i].ym, 4);
  }
  *c = (spend_series){act, plan, x, n};
}

/* Cumulative eligible spend by month against the plan spread evenly, as a line chart; id_num names it. */
static void spend_chart(web_req *r, const spend_series *c, long long id_num, const char *name, long long actual,
                        long long planned) {
  svg_series s[] = {{T(r, "Toteutunut kertymä (€)"), c->act, LINE_COLOUR, 0},
                    {T(r, "Suunnitelma tasaisesti (€)"), c->plan, PLAN_COLOUR, 1}};
  buf title = BUF_INIT, desc = BUF_INIT, id = BUF_INIT;
  buf_printf(&title, "%r: %r", T(r, "Kustannukset kuukausittain kertyneinä"), name);
  buf_printf(&desc, "%r %r, %r %r.", T(r, "Kauden lopussa toteutunut"), eur(r, actual), T(r, "suunnitelma"),
             eur(r, planned));
  buf_printf(&id, "c-spend-%lld", id_num);
  buf_printf(&r->out, "<figure class=\"chart\">");
  svg_lines(&r->out, id.data, title.data, desc.data, c->x, c->n, s, 2);
  buf_printf(&r->out, "<figcaption>%h</figcaption></figure>\n", title.data);
  buf_free(&title), buf_free(&desc), buf_free(&id);
}

static void forecast_line(web_req *r, const budget_period *p) {
  buf_printf(&r->out, "<p>%h 31.12.%d: <strong>%h</strong>", T(r, "Ennuste kauden loppuun"), p->end_year,
             eur(r, p->forecast));
  if (p->plan.eligible > 0)
    buf_printf(&r->out, " (%h %h)", pct(r, used_bp(p->forecast, p->plan.eligible)), T(r, "suunnitelmasta"));
  buf_puts(&r->out, ".</p>\n");
}

/* "what: name" in the request arena: a table's caption, unique on the page (each names a landmark region). */
static const char *titled(web_req *r, const char *what, const char *name) {
  buf b = BUF_INIT;
  buf_printf(&b, "%r: %r", what, name);
  return kept(r, &b);
}

static void period_section(web_req *r, const programme *pg, const budget_period *p) {
  buf *o = &r->out;
  const char *name = period_name(r, pg, p);
  buf_printf(o, "<section aria-labelledby=\"p-%lld\">\n<h2 id=\"p-%lld\">%h %d–%d", p->id, p->id, name, p->start_year,
             p->end_year);
  if (*p->esf_code) buf_printf(o, " (%h %h)", T(r, "ESR"), p->esf_code);
  buf_printf(o,
             "</h2>\n<p>%h %h %h; %h. <a href=\"%h" BASE "/kaudet/%lld\">%h<span class=\"visually-hidden\"> %h</span>"
             "</a></p>\n",
             T(r, "Flat rate"), percent(r, p->rate_bp, 1), T(r, "henkilöstökuluista"),
             T(r, p->travel_inside ? "matkakulut sisältyvät siihen" : "matkakulut lasketaan erikseen"), r->prefix,
             p->id, T(r, "Muokkaa suunnitelmaa"), name);
  sums_table(r, titled(r, T(r, "Suunnitelma ja toteuma kustannuslajeittain"), name), &p->plan, &p->actual, p->rate_bp,
             p->travel_inside);
  forecast_line(r, p);
  shares_table(r, titled(r, T(r, "Rahoitusosuudet euroina"), name), p->share_bp, p->plan_share, p->actual_share);
  spend_series c = {0};
  spend_add(r, &c, p);
  spend_chart(r, &c, p->id, name, p->actual.eligible, p->plan.eligible);
  buf_puts(o, "</section>\n");
}

static void rules(web_req *r) {
  buf_printf(&r->out, "<details><summary>%h</summary><ul><li>%h</li><li>%h</li><li>%h</li><li>%h</li></ul></details>\n",
             T(r, "Laskentasäännöt"),
             T(r, "Flat rate lasketaan, sitä ei kirjata: kauden prosentti henkilöstökuluista, pyöristettynä alaspäin "
                  "täysiin sentteihin."),
             T(r, "Tukikelpoiset kustannukset = henkilöstökulut + ostopalvelut + muut kulut + flat rate, ja "
                  "matkakulut silloin, kun ne eivät sisälly flat rateen."),
             T(r, "Ennuste: toteutunut kauden alusta tähän kuukauteen asti jaettuna kuluneilla kuukausilla ja "
                  "kerrottuna kauden kuukausilla (nykyinen vauhti kauden loppuun 31.12.). Päättyneen kauden ennuste on "
                  "sen toteuma."),
             T(r, "Rahoitusosuudet euroina: osuus kokonaissummasta senttiin alaspäin; viimeinen rahoittaja saa "
                  "loppuosan, jotta osat täsmäävät summaan."));
}

/* ---- the ledger ---- */

static void ledger_filters(web_req *r, const char *period, const char *cat) {
  form_ctx f = {r, NULL};
  int np = 0;
  form_opt *po = services_period_opts(r, &np);
  form_opt co[BUDGET_NCAT];
  for (int k = 0; k < BUDGET_NCAT; k++) co[k] = (form_opt){budget_category_code[k], T(r, budget_category_label[k])};
  buf_printf(&r->out, "<form method=\"get\" action=\"%h" BASE "#kirjanpito\" class=\"filters\">", r->prefix);
  form_select(&f, "kausi", T(r, "Rahoituskausi"), period, po, np, 0, T(r, "Kaikki kaudet"));
  form_select(&f, "luokka", T(r, "Kustannuslaji"), cat, co, BUDGET_NCAT, 0, T(r, "Kaikki kustannuslajit"));
  services_filters_end(r);
}

static void ledger(web_req *r) {
  static const char *const heads[] = {N_("Päivä"),  N_("Tili"),   N_("Kustannuslaji"),
                                      N_("Selite"), N_("Tosite"), N_("Summa")};
  const char *period = web_field(r, "kausi"), *cat = web_field(r, "luokka");
  int k = budget_category_of(cat);
  long long pid = atoll(period), total = 0;
  int n = 0;
  buf_printf(&r->out, "<h2 id=\"kirjanpito\">%h</h2>\n", T(r, "Kirjanpito"));
  ledger_filters(r, period, k >= 0 ? budget_category_code[k] : "");
  budget_costs(r->db, &r->mem, pid, k >= 0 ? budget_category_code[k] : "", 0, 0, &n, &total);
  pager pg = pager_make(r, total, LEDGER_PER_PAGE);
  budget_cost *c = budget_costs(r->db, &r->mem, pid, k >= 0 ? budget_category_code[k] : "", LEDGER_PER_PAGE,
                                pager_offset(&pg), &n, NULL);
  services_count_line(r, total, "kustannusrivi", "kustannusriviä");
  pager_table_begin(r, T(r, "Kirjanpito"), heads, 6, 5);
  for (int i = 0; i < n; i++) {
    int ck = budget_category_of(c[i].category);
    buf_printf(&r->out, "<tr><td>%D</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td><td class=\"num\">%h</td></tr>\n",
               c[i].booked_on, c[i].account, ck >= 0 ? T(r, budget_category_label[ck]) : c[i].category,
               c[i].description, c[i].voucher, eur(r, c[i].amount));
  }
  web_table_end(r);
  pager_write_query(r, &pg, BASE, "kausi", period, "luokka", k >= 0 ? budget_category_code[k] : "", NULL);
}

static void page_budget(web_req *r) {
  budget *b = budget_get(r->db, &r->mem, this_month(r));
  programme *pg = programme_get(r->db, &r->mem, r->lang);
  buf *o = &r->out;
  page_begin(r, T(r, "Talous"), "budget");
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Talous"));
  if (web_query(r, "ok"))
    buf_printf(o, "<p class=\"notice\" role=\"status\">%h</p>\n", T(r, "Suunnitelma tallennettu."));
  buf_printf(o, "<p>%h <a href=\"%h/hallinta/tuonti?kind=costs\">%h</a>.</p>\n",
             T(r, "Toteutuneet kustannukset tuodaan kirjanpidosta CSV- tai Excel-tiedostona:"), r->prefix,
             T(r, "Tuo kustannukset"));
  export_links_write(r, BASE "/talous", "", T(r, "talous ja kirjanpito"));
  rules(r);
  if (!b->nperiods)
    buf_printf(o, "<p>%h <a href=\"%h/hallinta/ohjelma\">%h</a></p>\n", T(r, "Rahoituskausia ei ole vielä."), r->prefix,
               T(r, "Lisää rahoituskausi"));
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Koko ohjelma"));
  sums_table(r, T(r, "Koko ohjelman suunnitelma ja toteuma"), &b->plan, &b->actual, -1, -1);
  buf_printf(o, "<p>%h: <strong>%h</strong>.</p>\n", T(r, "Ennuste ohjelman loppuun"), eur(r, b->forecast));
  shares_table(r, T(r, "Koko ohjelman rahoitusosuudet euroina"), NULL, b->plan_share, b->actual_share);
  spend_series all = {0};
  for (int i = 0; i < b->nperiods; i++) spend_add(r, &all, &b->periods[i]);
  if (all.n) spend_chart(r, &all, 0, T(r, "Koko ohjelma"), b->actual.eligible, b->plan.eligible);
  for (int i = 0; i < b->nperiods; i++) period_section(r, pg, &b->periods[i]);
  ledger(r);
  page_end(r);
}

/* ---- the plan form ---- */

/* The form's texts: as posted, or from the stored plan. */
typedef struct plan_texts {
  const char *amount[BUDGET_NCAT], *rate, *share[BUDGET_NSRC];
  int travel_inside;
} plan_texts;

static const char *field_name(web_req *r, const char *prefix, const char *code) {
  char *s = arena_alloc(&r->mem, 40);
  snprintf(s, 40, "%s_%s", prefix, code);
  return s;
}

static void stored_texts(web_req *r, const budget_period *p, plan_texts *t) {
  for (int k = 0; k < BUDGET_NCAT; k++) t->amount[k] = money(r, p->plan.cat[k], 0);
  t->rate = percent(r, p->rate_bp, 0);
  for (int k = 0; k < BUDGET_NSRC; k++) t->share[k] = percent(r, p->share_bp[k], 0);
  t->travel_inside = p->travel_inside;
}

static void posted_texts(web_req *r, plan_texts *t) {
  for (int k = 0; k < BUDGET_NCAT; k++) t->amount[k] = web_field(r, field_name(r, "amount", budget_category_code[k]));
  t->rate = web_field(r, "rate");
  for (int k = 0; k < BUDGET_NSRC; k++) t->share[k] = web_field(r, field_name(r, "share", budget_source_code[k]));
  t->travel_inside = !strcmp(web_field(r, "travel_inside"), "1");
}

static void plan_fields(form_ctx *f, const plan_texts *t) {
  web_req *r = f->r;
  buf_printf(&r->out, "<fieldset><legend>%h</legend>\n", T(r, "Suunnitelma kustannuslajeittain (euroa)"));
  for (int k = 0; k < BUDGET_NCAT; k++)
    form_input(f, "text", field_name(r, "amount", budget_category_code[k]), T(r, budget_category_label[k]),
               t->amount[k], 0, T(r, "Esim. 125 000,00"));
  buf_puts(&r->out, "</fieldset>\n");
  buf_printf(&r->out, "<fieldset><legend>%h</legend>\n", T(r, "Flat rate"));
  form_input(f, "text", "rate", T(r, "Prosenttia henkilöstökuluista"), t->rate, 1,
             T(r, "2014–2020: 17 %; 2021–2027: 40 %"));
  buf_printf(&r->out,
             "<div class=\"field checks\"><label><input type=\"checkbox\" name=\"travel_inside\" value=\"1\"%r> %h"
             "</label></div>\n</fieldset>\n",
             t->travel_inside ? " checked" : "", T(r, "Matkakulut sisältyvät flat rateen"));
  buf_printf(&r->out, "<fieldset><legend>%h</legend>\n", T(r, "Rahoitusosuudet (prosenttia, yhteensä 100)"));
  for (int k = 0; k < BUDGET_NSRC; k++)
    form_input(f, "text", field_name(r, "share", budget_source_code[k]), T(r, budget_source_label[k]), t->share[k], 0,
               NULL);
  buf_puts(&r->out, "</fieldset>\n");
}

static void plan_form(web_req *r, const budget_period *p, const plan_texts *t, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  buf b = BUF_INIT;
  buf_printf(&b, "%r: %r %d–%d", T(r, "Talousarvio"), p->name, p->start_year, p->end_year);
  page_begin(r, b.data, "budget");
  buf_printf(o, "<p><a href=\"%h" BASE "\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Talous"), b.data);
  buf_free(&b);
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/kaudet/%lld\" class=\"form\">\n", r->prefix, p->id);
  web_csrf_field(r);
  plan_fields(&f, t);
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Tallenna"));
  page_end(r);
}

/* The period of the path in b, or NULL after answering 404. */
static const budget_period *period_or_reply(web_req *r, const budget *b) {
  for (int i = 0; i < b->nperiods; i++)
    if (b->periods[i].id == r->id) return &b->periods[i];
  web_error(r, 404, T(r, "Rahoituskautta ei löytynyt."));
  return NULL;
}

static void page_plan(web_req *r) {
  const budget_period *p = period_or_reply(r, budget_get(r->db, &r->mem, this_month(r)));
  if (!p) return;
  plan_texts t;
  stored_texts(r, p, &t);
  plan_form(r, p, &t, NULL);
}

static void page_plan_save(web_req *r) {
  const budget_period *p = period_or_reply(r, budget_get(r->db, &r->mem, this_month(r)));
  if (!p) return;
  plan_texts t;
  posted_texts(r, &t);
  kerr e = {0};
  int stale = !web_csrf_ok_or_kerr(r, &e);
  budget_plan_form f = {{t.amount[0], t.amount[1], t.amount[2], t.amount[3]},
                        t.rate,
                        t.travel_inside,
                        {t.share[0], t.share[1], t.share[2]}};
  if (!stale && budget_plan_save(r->db, p->id, &f, &e) == K_OK) {
    web_changed();
    web_redirectf(r, BASE "?ok=1#p-%lld", p->id);
  } else {
    plan_form(r, p, &t, &e);
    r->status = stale ? 403 : 400;
  }
  kerr_clear(&e);
}

/* ---- downloads ---- */

static void export_sums(export_out *o, web_req *r, const char *period, const budget_sums *plan,
                        const budget_sums *actual) {
  for (int k = 0; k <= BUDGET_NCAT + 1; k++) {
    export_text(o, period);
    export_text(o, k < BUDGET_NCAT    ? T(r, budget_category_label[k])
                   : k == BUDGET_NCAT ? T(r, "Flat rate")
                                      : T(r, "Tukikelpoiset kustannukset yhteensä"));
    long long pl = k < BUDGET_NCAT ? plan->cat[k] : k == BUDGET_NCAT ? plan->flat : plan->eligible;
    long long ac = k < BUDGET_NCAT ? actual->cat[k] : k == BUDGET_NCAT ? actual->flat : actual->eligible;
    export_dec(o, (double)pl / 100.0, 2);
    export_dec(o, (double)ac / 100.0, 2);
    export_row_end(o);
  }
}

static void export_budget(export_out *o, web_req *r, const budget *b) {
  static const char *const heads[] = {N_("Kausi"), N_("Kustannuslaji"), N_("Suunnitelma (€)"), N_("Toteutunut (€)")};
  for (int i = 0; i < 4; i++) export_tr(o, i18n_get, r->lang, heads[i]);
  export_row_end(o);
  for (int i = 0; i < b->nperiods; i++)
    export_sums(o, r, b->periods[i].name, &b->periods[i].plan, &b->periods[i].actual);
  export_sums(o, r, T(r, "Koko ohjelma"), &b->plan, &b->actual);
}

static void export_ledger(export_out *o, web_req *r) {
  static const char *const heads[] = {N_("Päivä"),  N_("Tili"),   N_("Kustannuslaji"),
                                      N_("Selite"), N_("Tosite"), N_("Summa (€)")};
  for (int i = 0; i < 6; i++) export_tr(o, i18n_get, r->lang, heads[i]);
  export_row_end(o);
  for (int off = 0;; off += 1000) { /* a thousand rows at a time, each batch in its own arena */
    arena a = {0};
    int n = 0;
    budget_cost *c = budget_costs(r->db, &a, 0, "", 1000, off, &n, NULL);
    for (int i = 0; i < n; i++) {
      int k = budget_category_of(c[i].category);
      export_date(o, c[i].booked_on);
      export_text(o, c[i].account);
      export_text(o, k >= 0 ? T(r, budget_category_label[k]) : c[i].category);
      export_text(o, c[i].description);
      export_text(o, c[i].voucher);
      export_dec(o, (double)c[i].amount / 100.0, 2);
      export_row_end(o);
    }
    arena_free(&a);
    if (n < 1000) break;
  }
}

static int make_export(web_req *r, int f, const budget *b, const export_about *about, kerr *e) {
  export_out o;
  if (f != EXPORT_XLSX) {
    export_csv_begin(&o, &r->out, (export_format)f);
    export_about_rows(&o, about);
    export_budget(&o, r, b);
    export_blank(&o);
    export_row_end(&o);
    export_ledger(&o, r);
    return K_OK;
  }
  export_book bk;
  if (export_book_open(&bk, NULL, e) != K_OK) return K_ERR;
  export_book_sheet(&bk, &o, T(r, "Talous"));
  export_about_rows(&o, about);
  export_budget(&o, r, b);
  export_book_sheet(&bk, &o, T(r, "Kirjanpito"));
  export_ledger(&o, r);
  return export_book_close(&bk, &r->out, e);
}

/* GET /hallinta/talous/talous.csv|xlsx[?format=csv-comma]. */
static void page_budget_export(web_req *r) {
  char name[32] = "";
  int f = export_request_format(r, strrchr(r->path, '/') + 1, name, sizeof name);
  if (f < 0 || strcmp(name, "talous")) {
    web_error(r, 404, T(r, "Hakemaasi sivua ei ole. Tarkista osoite tai aloita etusivulta."));
    return;
  }
  r->no_store = 1;
  char made[16];
  export_today(made);
  export_about about = {.title = T(r, "Talous: suunnitelma, toteuma ja kirjanpito"),
                        .period_label = T(r, EXPORT_PERIOD_LABEL),
                        .period = T(r, "Koko ohjelma"),
                        .made_label = T(r, EXPORT_MADE_LABEL),
                        .made = made,
                        .rule = T(r, "Vain ohjelman henkilöstön käyttöön.")};
  kerr e = {0};
  export_send(r, f, "talous", make_export(r, f, budget_get(r->db, &r->mem, this_month(r)), &about, &e), &e);
  kerr_clear(&e);
}

const route budget_routes[] = {
    {"GET", BASE, page_budget, .flags = ROUTE_ANY_STAFF, .menu = {ROUTE_NAV_STAFF, 17, "budget", N_("Talous")}},
    {"GET", BASE "/kaudet/{id}", page_plan, .flags = ROUTE_ANY_STAFF},
    {"POST", BASE "/kaudet/{id}", page_plan_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", BASE "/{file}", page_budget_export, .flags = ROUTE_ANY_STAFF},
    {0},
};
