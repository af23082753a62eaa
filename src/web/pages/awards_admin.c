/* awards_admin: staff's award rounds (/hallinta/palkinnot: a round's settings, categories, weighted criteria and
 * jurors; its nominations; the public's suggestions to accept or decline; publishing) and the public suggestion
 * form (/palkinnot/ehdota). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/award.h"
#include "model/deed.h"
#include "model/limit.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/awards_admin.h"
#include "web/widgets.h"

#define BASE "/hallinta/palkinnot"
#define ACTIVE "awards-admin"
#define PER_PAGE 50
#define SUGGESTIONS_PER_HOUR 10 /* from one address */

/* ---- small pieces ---- */

/* A positive id in field name (form or query), 0 when there is none. */
static long long field_id(web_req *r, const char *name) {
  long long v = 0;
  return util_parse_int(web_field(r, name), 1, 1000000000000LL, &v) == K_OK ? v : 0;
}

/* A deed named by its number or by its address (".../tekot/123"), 0 when neither. */
static long long deed_number(const char *s) {
  const char *slash = strrchr(s, '/');
  long long v = 0;
  return util_parse_int(slash ? slash + 1 : s, 1, 1000000000000LL, &v) == K_OK ? v : 0;
}

/* A stored day "2019-03-31" as typed in a form, "31.3.2019" ("" for none), in the request arena. */
static const char *day_value(web_req *r, const char *day) {
  int y, m, d;
  if (!day || sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3) return "";
  char *out = arena_alloc(&r->mem, 16);
  snprintf(out, 16, "%d.%d.%d", d, m, y);
  return out;
}

/* What the form posted under name, or the stored value on a GET. */
static const char *kept(web_req *r, const char *name, const char *stored) {
  return strcmp(r->method, "POST") ? (stored ? stored : "") : web_field(r, name);
}

static void done_notice(web_req *r) {
  static const char *const done[][2] = {
      {"saved", N_("Tallennettu.")},
      {"deleted", N_("Poistettu.")},
      {"published", N_("Kierros on julkaistu.")},
      {"unpublished", N_("Kierroksen julkaisu peruttiin.")},
      {"nominated", N_("Ehdokas lisätty.")},
      {"accepted", N_("Ehdotus hyväksyttiin ehdokkaaksi.")},
      {"declined", N_("Ehdotus hylättiin.")},
      {"juror", N_("Raati päivitetty.")},
  };
  const char *v = web_field(r, "done");
  for (size_t i = 0; i < sizeof done / sizeof done[0]; i++)
    if (!strcmp(v, done[i][0]))
      buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, done[i][1]));
}

static award_round *round_or_404(web_req *r, long long id) {
  award_round *rd = id ? award_round_get(r->db, &r->mem, id, r->lang) : NULL;
  if (!rd) web_error(r, 404, T(r, "Palkintokierrosta ei ole."));
  return rd;
}

/* A POST of a form (ROUTE_CSRF_FORM) about a row that is not there: 404, but 403 first when the token is stale, so
 * that nothing is told about rows without it. */
static void missing(web_req *r, const char *msg) {
  if (web_csrf_ok_or_reply(r)) web_error(r, 404, T(r, msg));
}

/* The round r->id of a form's POST, or NULL after answering as missing() does. */
static award_round *posted_round(web_req *r, long long id) {
  award_round *rd = id ? award_round_get(r->db, &r->mem, id, r->lang) : NULL;
  if (!rd) missing(r, N_("Palkintokierrosta ei ole."));
  return rd;
}

/* Renames the field of e's error (when it has one) to "prefix-id": forms repeated on a page (a juror per category, a
 * reason per suggestion) carry their ids in their fields' ids, so the summary's link and the message find theirs. */
static void refield(kerr *e, const char *prefix, long long id) {
  if (!e->field) return;
  char name[64];
  snprintf(name, sizeof name, "%s-%lld", prefix, id);
  free(e->field);
  e->field = util_strdup(name);
}

static void back_link(web_req *r, const char *path, long long id, const char *label) {
  if (id)
    buf_printf(&r->out, "<p><a href=\"%h%h/%lld\">← %h</a></p>\n", r->prefix, path, id, label);
  else
    buf_printf(&r->out, "<p><a href=\"%h%h\">← %h</a></p>\n", r->prefix, path, label);
}

static void round_title(web_req *r, const award_round *rd, char *out, size_t n) {
  snprintf(out, n, "%s %d", T(r, "Palkintokierros"), rd->year);
}

/* ---- the rounds ---- */

static void page_rounds(web_req *r) {
  int n = 0;
  award_round *v = award_rounds(r->db, &r->mem, r->lang, &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Palkinnot"), ACTIVE);
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Palkitut teot"));
  done_notice(r);
  buf_printf(o, "<p class=\"lead\">%h</p>\n<p><a class=\"button\" href=\"%h" BASE "/uusi\">%h</a></p>\n",
             T(r, "Vuosittaiset palkintokierrokset: sarjat, arviointikriteerit, raati, ehdokkaat ja julkaisu."),
             r->prefix, T(r, "Uusi palkintokierros"));
  if (!n) {
    buf_printf(o, "<p>%h</p>\n", T(r, "Palkintokierroksia ei ole vielä."));
    page_end(r);
    return;
  }
  static const char *const heads[] = {
      N_("Vuosi"),     N_("Sarjat"),          N_("Ehdokkaat"), N_("Odottavat ehdotukset"),
      N_("Palkinnot"), N_("Kunniamaininnat"), N_("Tila")};
  pager_table_begin(r, T(r, "Palkintokierrokset"), heads, 7, -1);
  for (int i = 0; i < n; i++) {
    buf_printf(o,
               "<tr><td><a href=\"%h" BASE "/%lld\">%d</a></td><td class=\"num\">%lld</td><td class=\"num\">%lld</td>"
               "<td class=\"num\">%lld</td><td class=\"num\">%lld</td><td class=\"num\">%lld</td><td>",
               r->prefix, v[i].id, v[i].year, v[i].ncategories, v[i].nnominated, v[i].nsuggested, v[i].nawards,
               v[i].nmentions);
    if (v[i].published_at) {
      buf_printf(o, "%h ", T(r, "Julkaistu"));
      buf_fidate(o, v[i].published_at);
    } else {
      buf_printf(o, "%h", T(r, "Julkaisematta"));
    }
    buf_puts(o, "</td></tr>\n");
  }
  web_table_end(r);
  page_end(r);
}

/* ---- a round's settings ---- */

static void round_form(web_req *r, const award_round *rd, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *title = rd->id ? T(r, "Muokkaa palkintokierrosta") : T(r, "Uusi palkintokierros");
  page_begin(r, title, ACTIVE);
  back_link(r, BASE, rd->id, rd->id ? T(r, "Palkintokierros") : T(r, "Palkinnot"));
  buf_printf(o, "<h1>%h</h1>\n", title);
  form_errors(&f);
  if (rd->id)
    buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/%lld/muokkaa\" class=\"form\" novalidate>\n", r->prefix,
               rd->id);
  else
    buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/uusi\" class=\"form\" novalidate>\n", r->prefix);
  web_csrf_field(r);
  char year[16] = "";
  if (rd->year) snprintf(year, sizeof year, "%d", rd->year);
  form_input(&f, "text", "year", T(r, "Vuosi"), kept(r, "year", year), 1, T(r, "Esimerkiksi 2027"));
  form_input(&f, "text", "nominate_until", T(r, "Ehdotusten viimeinen päivä"),
             kept(r, "nominate_until", day_value(r, rd->nominate_until)), 0,
             T(r, "Esimerkiksi 31.3.2027. Tyhjä: ehdotuksia otetaan vastaan julkaisuun asti."));
  form_input(&f, "text", "jury_until", T(r, "Raadin viimeinen päivä"),
             kept(r, "jury_until", day_value(r, rd->jury_until)), 0,
             T(r, "Viimeinen päivä, jona raati voi antaa pisteitä. Tyhjä: ei takarajaa."));
  int na = 0;
  award_juror *acc = award_jury_accounts(r->db, &r->mem, &na);
  form_opt *opts = arena_alloc(&r->mem, sizeof *opts * (size_t)(na ? na : 1));
  for (int i = 0; i < na; i++) {
    char *id = arena_alloc(&r->mem, 24);
    snprintf(id, 24, "%lld", acc[i].user_id);
    opts[i] = (form_opt){id, acc[i].name};
  }
  char chair[24] = "";
  if (rd->chair_id) snprintf(chair, sizeof chair, "%lld", rd->chair_id);
  form_select(&f, "chair_id", T(r, "Raadin puheenjohtaja"), kept(r, "chair_id", chair), opts, na, 0,
              T(r, "Ei puheenjohtajaa: henkilöstö toimii puheenjohtajana"));
  tr_field texts[] = {
      {"intro", N_("Johdanto"), {rd->intro[0], rd->intro[1], rd->intro[2]}, 5, 0, N_("Näkyy tulossivun alussa.")}};
  tr_fieldsets(&f, texts, 1);
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\">%h</button><a href=\"%h" BASE "\">%h</a></div>\n</form>\n",
             T(r, "Tallenna"), r->prefix, T(r, "Peruuta"));
  page_end(r);
}

static award_round round_read(web_req *r) {
  award_round rd = {.id = r->id};
  long long y = 0;
  rd.year = util_parse_int(web_field(r, "year"), 1, 9999, &y) == K_OK ? (int)y : 0;
  rd.nominate_until = (char *)web_field(r, "nominate_until");
  rd.jury_until = (char *)web_field(r, "jury_until");
  rd.chair_id = field_id(r, "chair_id");
  rd.intro[0] = (char *)web_field(r, "intro");
  rd.intro[1] = (char *)web_field(r, "intro_sv");
  rd.intro[2] = (char *)web_field(r, "intro_en");
  return rd;
}

static void page_round_new(web_req *r) {
  award_round rd = {0};
  round_form(r, &rd, NULL);
}

static void page_round_edit(web_req *r) {
  award_round *rd = round_or_404(r, r->id);
  if (rd) round_form(r, rd, NULL);
}

static void page_round_save(web_req *r) {
  if (r->id && !posted_round(r, r->id)) return;
  award_round rd = round_read(r);
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  long long id = fresh ? award_round_save(r->db, &r->mem, &rd, r->user.email, &e) : 0;
  if (id) {
    web_changed();
    web_redirectf(r, BASE "/%lld?done=saved", id);
  } else {
    round_form(r, &rd, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

static void page_round_delete(web_req *r) {
  award_round *rd = round_or_404(r, r->id);
  if (!rd) return;
  if (confirmed_delete(r, award_round_delete, BASE "?done=deleted")) return;
  char title[64], action[64], back[64];
  round_title(r, rd, title, sizeof title);
  buf what = BUF_INIT;
  buf_printf(&what, "%r %d: %r", T(r, "Poistetaan palkintokierros"), rd->year,
             T(r, "sen sarjat, kriteerit, ehdokkaat, ehdotukset, raati, esteellisyydet ja pisteet."));
  snprintf(action, sizeof action, BASE "/%lld/poista", r->id);
  snprintf(back, sizeof back, BASE "/%lld", r->id);
  confirm_spec c = {
      T(r, "Poistetaanko palkintokierros?"), what.data, action, NULL, 0, T(r, "Poista kierros"), back, ACTIVE};
  confirm_page(r, &c);
  buf_free(&what);
}

/* ---- a round's page: categories, criteria, jury, publishing ---- */

static void categories_section(web_req *r, const award_round *rd) {
  buf *o = &r->out;
  int n = 0;
  award_category *v = award_categories(r->db, &r->mem, rd->id, r->lang, &n);
  buf_printf(o, "<h2 id=\"sarjat\">%h</h2>\n", T(r, "Sarjat"));
  if (!n) buf_printf(o, "<p>%h</p>\n", T(r, "Sarjoja ei ole vielä."));
  if (n) {
    static const char *const heads[] = {N_("Sarja"), N_("Kuvaus"), N_("Ehdokkaat"), N_("Toiminnot")};
    pager_table_begin(r, T(r, "Sarjat"), heads, 4, 2);
    for (int i = 0; i < n; i++) {
      buf_printf(o, "<tr><td%r>%h</td><td%r>%h</td><td class=\"num\">%lld</td><td class=\"actions\">",
                 tr_lang(&v[i].t_name), v[i].t_name.text, tr_lang(&v[i].t_description), v[i].t_description.text,
                 v[i].nnominated);
      if (!rd->published_at)
        buf_printf(o,
                   "<a href=\"%h" BASE "/sarja/%lld\">%h<span class=\"visually-hidden\">: %h</span></a>"
                   "<a href=\"%h" BASE "/sarja/%lld/poista\">%h<span class=\"visually-hidden\">: %h</span></a>",
                   r->prefix, v[i].id, T(r, "Muokkaa"), v[i].t_name.text, r->prefix, v[i].id, T(r, "Poista"),
                   v[i].t_name.text);
      buf_puts(o, "</td></tr>\n");
    }
    web_table_end(r);
  }
  if (!rd->published_at)
    buf_printf(o, "<p><a class=\"button\" href=\"%h" BASE "/%lld/sarjat/uusi\">%h</a></p>\n", r->prefix, rd->id,
               T(r, "Uusi sarja"));
}

static void criteria_section(web_req *r, const award_round *rd) {
  buf *o = &r->out;
  int n = 0, total = 0;
  award_criterion *v = award_criteria(r->db, &r->mem, rd->id, r->lang, &n);
  for (int i = 0; i < n; i++) total += v[i].weight;
  buf_printf(o, "<h2 id=\"kriteerit\">%h</h2>\n", T(r, "Arviointikriteerit"));
  if (!n) buf_printf(o, "<p>%h</p>\n", T(r, "Kriteerejä ei ole vielä."));
  if (n) {
    static const char *const heads[] = {N_("Kriteeri"), N_("Kuvaus"), N_("Paino"), N_("Osuus"), N_("Toiminnot")};
    pager_table_begin(r, T(r, "Arviointikriteerit"), heads, 5, 2);
    for (int i = 0; i < n; i++) {
      int pct = total ? (int)((v[i].weight * 100 + total / 2) / total) : 0;
      buf_printf(o,
                 "<tr><td%r>%h</td><td%r>%h</td><td class=\"num\">%d</td><td class=\"num\">%d %%</td>"
                 "<td class=\"actions\">",
                 tr_lang(&v[i].t_name), v[i].t_name.text, tr_lang(&v[i].t_description), v[i].t_description.text,
                 v[i].weight, pct);
      if (!rd->published_at)
        buf_printf(o,
                   "<a href=\"%h" BASE "/kriteeri/%lld\">%h<span class=\"visually-hidden\">: %h</span></a>"
                   "<a href=\"%h" BASE "/kriteeri/%lld/poista\">%h<span class=\"visually-hidden\">: %h</span></a>",
                   r->prefix, v[i].id, T(r, "Muokkaa"), v[i].t_name.text, r->prefix, v[i].id, T(r, "Poista"),
                   v[i].t_name.text);
      buf_puts(o, "</td></tr>\n");
    }
    web_table_end(r);
  }
  if (!rd->published_at)
    buf_printf(o, "<p><a class=\"button\" href=\"%h" BASE "/%lld/kriteerit/uusi\">%h</a></p>\n", r->prefix, rd->id,
               T(r, "Uusi kriteeri"));
}

static int in_jury(const award_juror *j, int nj, long long category_id, long long user_id) {
  for (int i = 0; i < nj; i++)
    if (j[i].category_id == category_id && j[i].user_id == user_id) return 1;
  return 0;
}

/* One category's jurors with their remove links and the form adding one (field ids carry the category's id). */
static void jury_category(web_req *r, const award_round *rd, const award_category *c, const award_juror *j, int nj,
                          const award_juror *acc, int na, const kerr *err, long long err_cat) {
  buf *o = &r->out;
  buf_printf(o, "<h3%r>%h</h3>\n<ul>", tr_lang(&c->t_name), c->t_name.text);
  int any = 0;
  for (int i = 0; i < nj; i++) {
    if (j[i].category_id != c->id) continue;
    any = 1;
    buf_printf(o, "<li>%h &lt;%h&gt;", j[i].name, j[i].email);
    if (j[i].is_chair) buf_printf(o, " (%h)", T(r, "puheenjohtaja"));
    if (!rd->published_at)
      buf_printf(o,
                 " <a href=\"%h" BASE "/sarja/%lld/tuomarit/poista?user_id=%lld\">%h<span class=\"visually-hidden\">:"
                 " %h</span></a>",
                 r->prefix, c->id, j[i].user_id, T(r, "Poista raadista"), j[i].name);
    buf_puts(o, "</li>");
  }
  if (!any) buf_printf(o, "<li>%h</li>", T(r, "Ei tuomareita."));
  buf_puts(o, "</ul>\n");
  int nfree = 0; /* accounts not yet in this category's jury */
  for (int i = 0; i < na; i++) nfree += !in_jury(j, nj, c->id, acc[i].user_id);
  if (rd->published_at || !nfree) return;
  char name[48];
  snprintf(name, sizeof name, "user-%lld", c->id);
  const kerr *fe = err_cat == c->id ? form_field_error(err, name) : NULL;
  buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/sarja/%lld/tuomarit\" class=\"filters\">", r->prefix, c->id);
  web_csrf_field(r);
  buf_printf(o, "<div class=\"field%r\"><label for=\"f-user-%lld\">%h: %h</label>", fe ? " invalid" : "", c->id,
             T(r, "Lisää tuomari"), c->t_name.text);
  if (fe) buf_printf(o, "<span class=\"error\" id=\"e-user-%lld\">%h</span>", c->id, T(r, fe->msg));
  buf_printf(o, "<select id=\"f-user-%lld\" name=\"user_id\"", c->id);
  if (fe) buf_printf(o, " aria-invalid=\"true\" aria-describedby=\"e-user-%lld\"", c->id);
  buf_puts(o, ">");
  for (int i = 0; i < na; i++)
    if (!in_jury(j, nj, c->id, acc[i].user_id))
      buf_printf(o, "<option value=\"%lld\">%h &lt;%h&gt;</option>", acc[i].user_id, acc[i].name, acc[i].email);
  buf_printf(o, "</select></div><div class=\"field\"><button type=\"submit\">%h</button></div></form>\n",
             T(r, "Lisää"));
}

static void jury_section(web_req *r, const award_round *rd, const kerr *err, long long err_cat) {
  buf *o = &r->out;
  int nc = 0, nj = 0, na = 0;
  award_category *c = award_categories(r->db, &r->mem, rd->id, r->lang, &nc);
  award_juror *j = award_jurors(r->db, &r->mem, rd->id, r->lang, &nj);
  award_juror *acc = award_jury_accounts(r->db, &r->mem, &na);
  buf_printf(o, "<h2 id=\"raati\">%h</h2>\n<p>%h ", T(r, "Raati"), T(r, "Puheenjohtaja:"));
  if (*rd->chair_name)
    buf_printf(o, "%h.", rd->chair_name);
  else
    buf_printf(o, "%h", T(r, "ei valittu; henkilöstö toimii puheenjohtajana."));
  buf_printf(o, " %h</p>\n",
             T(r, "Tuomari ei näe tekoja, joihin hän on esteellinen: oman organisaationsa tekoja eikä niiden "
                  "organisaatioiden tekoja, joita hänen valmentajaprofiilinsa on valmentanut."));
  if (!na && !rd->published_at)
    buf_printf(o, "<p>%h <a href=\"%h/hallinta/kayttajat\">%h</a></p>\n",
               T(r, "Raadin tunnuksia ei ole. Kutsu raadin jäsenet käyttäjähallinnasta (rooli: palkintoraadin jäsen)."),
               r->prefix, T(r, "Käyttäjät"));
  for (int i = 0; i < nc; i++) jury_category(r, rd, &c[i], j, nj, acc, na, err, err_cat);
}

static void publish_section(web_req *r, const award_round *rd) {
  buf *o = &r->out;
  buf_printf(o, "<h2 id=\"julkaisu\">%h</h2>\n", T(r, "Julkaisu"));
  if (rd->published_at) {
    buf_printf(o, "<p>%h ", T(r, "Tulokset julkaistiin"));
    buf_fidate(o, rd->published_at);
    buf_printf(o, ". <a href=\"%h/palkinnot/%d\">%h</a></p>\n", r->prefix, rd->year, T(r, "Katso tulossivu"));
  } else {
    buf_printf(o, "<p>%h</p>\n",
               T(r, "Julkaise, kun puheenjohtaja on päättänyt palkinnot ja kunniamaininnat perusteluineen. "
                    "Julkaisu lähettää voittaneiden organisaatioiden yhteyshenkilöille sähköpostin."));
  }
  buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/%lld/%r\">", r->prefix, rd->id,
             rd->published_at ? "piilota" : "julkaise");
  web_csrf_field(r);
  buf_printf(o, "<button type=\"submit\"%r>%h</button></form>\n", rd->published_at ? " class=\"danger\"" : "",
             rd->published_at ? T(r, "Peru julkaisu") : T(r, "Julkaise tulokset"));
}

/* The round's page; err (or NULL) is a refused publishing (err_cat 0) or a refused juror (err_cat the category). */
static void round_page(web_req *r, const award_round *rd, const kerr *err, long long err_cat) {
  buf *o = &r->out;
  char title[64];
  round_title(r, rd, title, sizeof title);
  form_ctx f = {r, err};
  page_begin(r, title, ACTIVE);
  back_link(r, BASE, 0, T(r, "Palkinnot"));
  buf_printf(o, "<h1>%h</h1>\n", title);
  form_errors(&f);
  done_notice(r);
  buf_printf(o, "<dl class=\"facts\"><dt>%h</dt><dd>", T(r, "Ehdotusten viimeinen päivä"));
  buf_puts(o, rd->nominate_until ? day_value(r, rd->nominate_until) : T(r, "ei takarajaa"));
  buf_printf(o, "</dd><dt>%h</dt><dd>", T(r, "Raadin viimeinen päivä"));
  buf_puts(o, rd->jury_until ? day_value(r, rd->jury_until) : T(r, "ei takarajaa"));
  buf_printf(o, "</dd><dt>%h</dt><dd>%h</dd></dl>\n", T(r, "Tila"),
             rd->published_at ? T(r, "Julkaistu") : T(r, "Julkaisematta"));
  buf_printf(o,
             "<ul class=\"survey-links\"><li><a href=\"%h" BASE "/%lld/ehdokkaat\">%h (%lld)</a></li>"
             "<li><a href=\"%h" BASE "/%lld/ehdotukset\">%h (%lld)</a></li>"
             "<li><a href=\"%h" BASE "/%lld/muokkaa\">%h</a></li>",
             r->prefix, rd->id, T(r, "Ehdokkaat"), rd->nnominated, r->prefix, rd->id, T(r, "Odottavat ehdotukset"),
             rd->nsuggested, r->prefix, rd->id, T(r, "Muokkaa kierrosta"));
  if (!rd->published_at)
    buf_printf(o, "<li><a href=\"%h" BASE "/%lld/poista\">%h</a></li>", r->prefix, rd->id, T(r, "Poista kierros"));
  buf_puts(o, "</ul>\n");
  categories_section(r, rd);
  criteria_section(r, rd);
  jury_section(r, rd, err, err_cat);
  publish_section(r, rd);
  page_end(r);
}

static void page_round(web_req *r) {
  award_round *rd = round_or_404(r, r->id);
  if (rd) round_page(r, rd, NULL, 0);
}

/* ---- categories and criteria ---- */

/* The form of a category (criterion 0) or criterion of round_id; id 0 for a new one. */
static void part_form(web_req *r, int criterion, long long round_id, long long id, char *const name[3],
                      char *const desc[3], int weight, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *title = criterion ? (id ? T(r, "Muokkaa kriteeriä") : T(r, "Uusi kriteeri"))
                                : (id ? T(r, "Muokkaa sarjaa") : T(r, "Uusi sarja"));
  page_begin(r, title, ACTIVE);
  back_link(r, BASE, round_id, T(r, "Palkintokierros"));
  buf_printf(o, "<h1>%h</h1>\n", title);
  form_errors(&f);
  if (id)
    buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/%r/%lld\" class=\"form\" novalidate>\n", r->prefix,
               criterion ? "kriteeri" : "sarja", id);
  else
    buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/%lld/%r/uusi\" class=\"form\" novalidate>\n", r->prefix,
               round_id, criterion ? "kriteerit" : "sarjat");
  web_csrf_field(r);
  tr_field texts[] = {{"name", N_("Nimi"), {name[0], name[1], name[2]}, 0, 1, NULL},
                      {"description", N_("Kuvaus"), {desc[0], desc[1], desc[2]}, 4, 0, NULL}};
  tr_fieldsets(&f, texts, 2);
  if (criterion) {
    char w[16] = "";
    if (weight) snprintf(w, sizeof w, "%d", weight);
    form_input(&f, "text", "weight", T(r, "Paino"), kept(r, "weight", w), 1,
               T(r, "1–100, suhteessa kierroksen muihin kriteereihin: painot 2 ja 1 antavat osuudet 67 % ja 33 %."));
  }
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\">%h</button><a href=\"%h" BASE "/%lld\">%h</a></div>\n"
             "</form>\n",
             T(r, "Tallenna"), r->prefix, round_id, T(r, "Peruuta"));
  page_end(r);
}

/* The texts posted, into name[] and desc[]. */
static void part_read(web_req *r, char *name[3], char *desc[3]) {
  static const char *const nf[] = {"name", "name_sv", "name_en"}, *const df[] = {"description", "description_sv",
                                                                                 "description_en"};
  for (int i = 0; i < 3; i++) {
    name[i] = (char *)web_field(r, nf[i]);
    desc[i] = (char *)web_field(r, df[i]);
  }
}

static int posted_weight(web_req *r) {
  long long w = 0;
  return util_parse_int(web_field(r, "weight"), -1000000, 1000000, &w) == K_OK ? (int)w : 0;
}

/* A new category (criterion 0) or criterion of the round r->id: the empty form. */
static void part_new(web_req *r, int criterion) {
  award_round *rd = round_or_404(r, r->id);
  if (!rd) return;
  char *none[3] = {"", "", ""};
  part_form(r, criterion, rd->id, 0, none, none, criterion, NULL);
}

static void page_category_new(web_req *r) {
  part_new(r, 0);
}

static void page_criterion_new(web_req *r) {
  part_new(r, 1);
}

static void page_category_edit(web_req *r) {
  award_category *c = award_category_get(r->db, &r->mem, r->id, r->lang);
  if (!c) {
    web_error(r, 404, T(r, "Sarjaa ei ole."));
    return;
  }
  part_form(r, 0, c->round_id, c->id, c->name, c->description, 0, NULL);
}

static void page_criterion_edit(web_req *r) {
  award_criterion *c = award_criterion_get(r->db, &r->mem, r->id, r->lang);
  if (!c) {
    web_error(r, 404, T(r, "Kriteeriä ei ole."));
    return;
  }
  part_form(r, 1, c->round_id, c->id, c->name, c->description, c->weight, NULL);
}

/* Saves a category or criterion: new (is_new: r->id is the round) or edited (r->id is the row). */
static void part_save_page(web_req *r, int criterion, int is_new) {
  long long round_id = 0, id = is_new ? 0 : r->id;
  if (is_new) {
    award_round *rd = posted_round(r, r->id);
    if (!rd) return;
    round_id = rd->id;
  } else {
    award_category *c = criterion ? NULL : award_category_get(r->db, &r->mem, id, r->lang);
    award_criterion *k = criterion ? award_criterion_get(r->db, &r->mem, id, r->lang) : NULL;
    round_id = c ? c->round_id : k ? k->round_id : 0;
    if (!round_id) {
      missing(r, criterion ? N_("Kriteeriä ei ole.") : N_("Sarjaa ei ole."));
      return;
    }
  }
  char *name[3], *desc[3];
  part_read(r, name, desc);
  int weight = posted_weight(r);
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e), ok = 0;
  if (fresh && criterion) {
    award_criterion k = {.id = id, .round_id = round_id, .weight = weight};
    memcpy(k.name, name, sizeof name);
    memcpy(k.description, desc, sizeof desc);
    ok = award_criterion_save(r->db, &r->mem, &k, r->user.email, &e) != 0;
  } else if (fresh) {
    award_category c = {.id = id, .round_id = round_id};
    memcpy(c.name, name, sizeof name);
    memcpy(c.description, desc, sizeof desc);
    ok = award_category_save(r->db, &r->mem, &c, r->user.email, &e) != 0;
  }
  if (ok) {
    web_changed();
    web_redirectf(r, BASE "/%lld?done=saved#%r", round_id, criterion ? "kriteerit" : "sarjat");
  } else {
    part_form(r, criterion, round_id, id, name, desc, weight, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

static void page_category_create(web_req *r) {
  part_save_page(r, 0, 1);
}
static void page_category_save(web_req *r) {
  part_save_page(r, 0, 0);
}
static void page_criterion_create(web_req *r) {
  part_save_page(r, 1, 1);
}
static void page_criterion_save(web_req *r) {
  part_save_page(r, 1, 0);
}

/* The confirmation and the deleting of a category or criterion. */
static void part_delete_page(web_req *r, int criterion) {
  award_category *c = criterion ? NULL : award_category_get(r->db, &r->mem, r->id, r->lang);
  award_criterion *k = criterion ? award_criterion_get(r->db, &r->mem, r->id, r->lang) : NULL;
  long long round_id = c ? c->round_id : k ? k->round_id : 0;
  if (!round_id) {
    web_error(r, 404, T(r, criterion ? "Kriteeriä ei ole." : "Sarjaa ei ole."));
    return;
  }
  if (!strcmp(r->method, "POST") && confirm_posted(r)) {
    kerr e = {0};
    int rc = criterion ? award_criterion_delete(r->db, r->id, r->user.email, &e)
                       : award_category_delete(r->db, r->id, r->user.email, &e);
    if (rc == K_OK) {
      web_changed();
      web_redirectf(r, BASE "/%lld?done=deleted", round_id);
    } else {
      web_error(r, 409, T(r, e.msg));
    }
    kerr_clear(&e);
    return;
  }
  buf what = BUF_INIT;
  char action[80], back[64];
  if (criterion)
    buf_printf(&what, "%r: %r. %r", T(r, "Poistetaan kriteeri"), k->name[0],
               T(r, "Raadin pisteet tästä kriteeristä poistuvat sen mukana."));
  else if (c->nnominated)
    buf_printf(&what, "%r: %r. %r (%lld)", T(r, "Poistetaan sarja"), c->name[0],
               T(r, "Sarjassa on ehdokkaita; poista ne ensin"), c->nnominated);
  else
    buf_printf(&what, "%r: %r.", T(r, "Poistetaan sarja"), c->name[0]);
  snprintf(action, sizeof action, BASE "/%s/%lld/poista", criterion ? "kriteeri" : "sarja", r->id);
  snprintf(back, sizeof back, BASE "/%lld", round_id);
  confirm_spec cs = {criterion ? T(r, "Poistetaanko kriteeri?") : T(r, "Poistetaanko sarja?"),
                     what.data,
                     action,
                     NULL,
                     0,
                     T(r, "Poista"),
                     back,
                     ACTIVE};
  confirm_page(r, &cs);
  buf_free(&what);
}

static void page_category_delete(web_req *r) {
  part_delete_page(r, 0);
}
static void page_criterion_delete(web_req *r) {
  part_delete_page(r, 1);
}

/* ---- jurors ---- */

static void page_juror_add(web_req *r) {
  award_category *c = award_category_get(r->db, &r->mem, r->id, r->lang);
  if (!c) {
    web_error(r, 404, T(r, "Sarjaa ei ole."));
    return;
  }
  kerr e = {0};
  if (award_juror_add(r->db, c->id, field_id(r, "user_id"), r->user.email, &e) == K_OK) {
    web_changed();
    web_redirectf(r, BASE "/%lld?done=juror#raati", c->round_id);
  } else {
    award_round *rd = round_or_404(r, c->round_id);
    refield(&e, "user", c->id);
    if (rd) {
      round_page(r, rd, &e, c->id);
      r->status = 422;
    }
  }
  kerr_clear(&e);
}

static void page_juror_remove(web_req *r) {
  award_category *c = award_category_get(r->db, &r->mem, r->id, r->lang);
  long long user_id = field_id(r, "user_id");
  int nj = 0, at = -1;
  award_juror *j = c ? award_jurors(r->db, &r->mem, c->round_id, r->lang, &nj) : NULL;
  for (int i = 0; i < nj; i++)
    if (j[i].category_id == c->id && j[i].user_id == user_id) at = i;
  if (at < 0) {
    web_error(r, 404, T(r, "Tuomari ei ole tämän sarjan raadissa."));
    return;
  }
  if (!strcmp(r->method, "POST") && confirm_posted(r)) {
    kerr e = {0};
    if (award_juror_remove(r->db, c->id, user_id, r->user.email, &e) == K_OK) {
      web_changed();
      web_redirectf(r, BASE "/%lld?done=juror#raati", c->round_id);
    } else {
      web_error(r, 409, T(r, e.msg));
    }
    kerr_clear(&e);
    return;
  }
  buf what = BUF_INIT;
  buf_printf(&what, "%r %r (%r). %r", T(r, "Poistetaan raadista"), j[at].name, c->t_name.text,
             T(r, "Tuomarin pisteet tämän sarjan ehdokkaista poistuvat samalla."));
  char action[96], back[64];
  snprintf(action, sizeof action, BASE "/sarja/%lld/tuomarit/poista", c->id);
  snprintf(back, sizeof back, BASE "/%lld", c->round_id);
  confirm_spec cs = {T(r, "Poistetaanko tuomari raadista?"),
                     what.data,
                     action,
                     "user_id",
                     user_id,
                     T(r, "Poista raadista"),
                     back,
                     ACTIVE};
  confirm_page(r, &cs);
  buf_free(&what);
}

/* ---- nominations ---- */

static const char *status_label(web_req *r, const char *status) {
  if (!strcmp(status, "nominated")) return T(r, "Ehdokas");
  if (!strcmp(status, "declined")) return T(r, "Hylätty ehdotus");
  return T(r, "Odottava ehdotus");
}

static form_opt *category_opts(web_req *r, long long round_id, int *n, const char ***langs) {
  award_category *c = award_categories(r->db, &r->mem, round_id, r->lang, n);
  form_opt *o = arena_alloc(&r->mem, sizeof *o * (size_t)(*n ? *n : 1));
  *langs = arena_alloc(&r->mem, sizeof **langs * (size_t)(*n ? *n : 1));
  for (int i = 0; i < *n; i++) {
    char *id = arena_alloc(&r->mem, 24);
    snprintf(id, 24, "%lld", c[i].id);
    o[i] = (form_opt){id, c[i].t_name.text};
    (*langs)[i] = c[i].t_name.fallback ? "fi" : NULL;
  }
  return o;
}

static void nominate_form(web_req *r, const award_round *rd, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  int nc = 0;
  const char **langs = NULL;
  form_opt *co = category_opts(r, rd->id, &nc, &langs);
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Lisää ehdokas"));
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/%lld/ehdokkaat\" class=\"form\" novalidate>\n", r->prefix,
             rd->id);
  web_csrf_field(r);
  form_select_lang(&f, "category_id", T(r, "Sarja"), kept(r, "category_id", ""), co, nc, 1, T(r, "Valitse"), langs);
  form_input(&f, "text", "deed", T(r, "Teko"), kept(r, "deed", ""), 1,
             T(r, "Julkaistun teon numero tai osoite, esimerkiksi 123 tai /tekot/123"));
  form_textarea(&f, "reason", T(r, "Perustelu"), kept(r, "reason", ""), 0, T(r, "Raati näkee perustelun."), 3);
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Lisää ehdokas"));
}

static void nominations_table(web_req *r, const award_round *rd, const award_nomination *v, int n) {
  buf *o = &r->out;
  static const char *const heads[] = {N_("Teko"), N_("Organisaatio"), N_("Sarja"),
                                      N_("Tila"), N_("Perustelu"),    N_("Toiminnot")};
  pager_table_begin(r, T(r, "Ehdokkaat"), heads, 6, -1);
  for (int i = 0; i < n; i++) {
    const award_nomination *m = &v[i];
    buf_printf(o,
               "<tr><td><a href=\"%h/tekot/%lld\"%r>%h</a></td><td>%h</td><td%r>%h</td><td>%h</td><td%r>%h</td>"
               "<td>",
               r->prefix, m->deed_id, web_fi(r), m->deed_title, m->organisation, tr_lang(&m->category),
               m->category.text, status_label(r, m->status), web_fi(r), m->reason);
    if (!rd->published_at)
      buf_printf(o, "<a href=\"%h" BASE "/ehdokas/%lld/poista\">%h<span class=\"visually-hidden\">: %h</span></a>",
                 r->prefix, m->id, T(r, "Poista"), m->deed_title);
    buf_puts(o, "</td></tr>\n");
  }
  web_table_end(r);
}

static void nominations_page(web_req *r, const award_round *rd, const kerr *err) {
  buf *o = &r->out;
  char title[96];
  snprintf(title, sizeof title, "%s %d", T(r, "Ehdokkaat"), rd->year);
  const char *status = web_field(r, "tila"), *cat = web_field(r, "sarja");
  if (strcmp(status, "nominated") && strcmp(status, "suggested") && strcmp(status, "declined")) status = "";
  long long cat_id = 0;
  if (util_parse_int(cat, 1, 1000000000000LL, &cat_id) != K_OK) cat = "";
  int n = 0;
  award_nomination *v = award_nominations(r->db, &r->mem, rd->id, *status ? status : NULL, cat_id, r->lang, &n);
  pager p = pager_make(r, n, PER_PAGE);
  page_begin(r, title, ACTIVE);
  back_link(r, BASE, rd->id, T(r, "Palkintokierros"));
  buf_printf(o, "<h1>%h</h1>\n", title);
  done_notice(r);
  if (!rd->published_at) nominate_form(r, rd, err);
  buf_printf(o, "<h2>%h</h2>\n<form method=\"get\" action=\"%h" BASE "/%lld/ehdokkaat\" class=\"filters\">\n",
             T(r, "Ehdokkaat ja ehdotukset"), r->prefix, rd->id);
  form_ctx f = {r, NULL};
  int nc = 0;
  const char **langs = NULL;
  form_opt *co = category_opts(r, rd->id, &nc, &langs);
  form_select_lang(&f, "sarja", T(r, "Sarja"), cat, co, nc, 0, T(r, "Kaikki"), langs);
  form_opt so[] = {
      {"nominated", T(r, "Ehdokas")}, {"suggested", T(r, "Odottava ehdotus")}, {"declined", T(r, "Hylätty ehdotus")}};
  form_select(&f, "tila", T(r, "Tila"), status, so, 3, 0, T(r, "Kaikki"));
  buf_printf(o, "<div class=\"field\"><button type=\"submit\">%h</button></div></form>\n", T(r, "Näytä"));
  buf_printf(o, "<p role=\"status\">%h: %d</p>\n", T(r, "Rivejä"), n);
  int from = pager_offset(&p), count = n - from < p.per_page ? n - from : p.per_page;
  if (count > 0) nominations_table(r, rd, v + from, count);
  char path[64];
  snprintf(path, sizeof path, BASE "/%lld/ehdokkaat", rd->id);
  pager_write_query(r, &p, path, "sarja", cat, "tila", status, NULL);
  page_end(r);
}

static void page_nominations(web_req *r) {
  award_round *rd = round_or_404(r, r->id);
  if (rd) nominations_page(r, rd, NULL);
}

static void page_nominate(web_req *r) {
  award_round *rd = posted_round(r, r->id);
  if (!rd) return;
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e);
  long long cat = field_id(r, "category_id"), deed_id = deed_number(web_field(r, "deed"));
  /* a category of another round would nominate there: refuse it as no category */
  award_category *c = cat ? award_category_get(r->db, &r->mem, cat, r->lang) : NULL;
  if (fresh && (!c || c->round_id != rd->id)) kerr_add(&e, "category_id", N_("Valitse sarja."));
  if (fresh && !e.msg && award_nominate(r->db, &r->mem, cat, deed_id, web_field(r, "reason"), r->user.email, &e)) {
    web_changed();
    web_redirectf(r, BASE "/%lld/ehdokkaat?done=nominated", rd->id);
  } else {
    nominations_page(r, rd, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

static void page_nomination_remove(web_req *r) {
  award_nomination *m = award_nomination_get(r->db, &r->mem, r->id, r->lang);
  if (!m) {
    web_error(r, 404, T(r, "Ehdokasta ei ole."));
    return;
  }
  if (!strcmp(r->method, "POST") && confirm_posted(r)) {
    kerr e = {0};
    if (award_nomination_remove(r->db, r->id, r->user.email, &e) == K_OK) {
      web_changed();
      web_redirectf(r, BASE "/%lld/ehdokkaat?done=deleted", m->round_id);
    } else {
      web_error(r, 409, T(r, e.msg));
    }
    kerr_clear(&e);
    return;
  }
  buf what = BUF_INIT;
  buf_printf(&what, "%r: %r (%r). %r", T(r, "Poistetaan ehdokas"), m->deed_title, m->category.text,
             T(r, "Raadin pisteet siitä poistuvat samalla."));
  char action[80], back[80];
  snprintf(action, sizeof action, BASE "/ehdokas/%lld/poista", r->id);
  snprintf(back, sizeof back, BASE "/%lld/ehdokkaat", m->round_id);
  confirm_spec cs = {T(r, "Poistetaanko ehdokas?"), what.data, action, NULL, 0, T(r, "Poista"), back, ACTIVE};
  confirm_page(r, &cs);
  buf_free(&what);
}

/* ---- the public's suggestions, for staff ---- */

/* One pending suggestion with its accept and decline forms; err is about it when err_id is its id. */
static void suggestion_item(web_req *r, const award_nomination *m, const kerr *err, long long err_id) {
  buf *o = &r->out;
  char name[48];
  snprintf(name, sizeof name, "decline-%lld", m->id);
  const kerr *fe = err_id == m->id ? form_field_error(err, name) : NULL;
  buf_printf(o, "<article class=\"survey-q\" id=\"ehdotus-%lld\"><h2><a href=\"%h/tekot/%lld\"%r>%h</a></h2>\n", m->id,
             r->prefix, m->deed_id, web_fi(r), m->deed_title);
  buf_printf(o,
             "<dl class=\"facts\"><dt>%h</dt><dd>%h</dd><dt>%h</dt><dd%r>%h</dd><dt>%h</dt><dd%r>%h</dd>"
             "<dt>%h</dt><dd>",
             T(r, "Organisaatio"), m->organisation, T(r, "Sarja"), tr_lang(&m->category), m->category.text,
             T(r, "Perustelu"), web_fi(r), m->reason, T(r, "Ehdottaja"));
  if (*m->suggester_name || *m->suggester_email)
    buf_printf(o, "%h%r%h", m->suggester_name, *m->suggester_name && *m->suggester_email ? ", " : "",
               m->suggester_email);
  else
    buf_printf(o, "%h", T(r, "ei nimeä eikä sähköpostia"));
  buf_puts(o, " · ");
  web_fi_datetime(r, m->created_at);
  buf_puts(o, "</dd></dl>\n<div class=\"actions\">");
  buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/ehdotus/%lld\">", r->prefix, m->id);
  web_csrf_field(r);
  buf_printf(o,
             "<input type=\"hidden\" name=\"accept\" value=\"1\"><button type=\"submit\">%h<span "
             "class=\"visually-hidden\">: %h</span></button></form>\n",
             T(r, "Hyväksy ehdokkaaksi"), m->deed_title);
  buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/ehdotus/%lld\" novalidate>", r->prefix, m->id);
  web_csrf_field(r);
  buf_printf(o,
             "<div class=\"field%r\"><label for=\"f-decline-%lld\">%h</label><span class=\"hint\" "
             "id=\"h-decline-%lld\">%h</span>",
             fe ? " invalid" : "", m->id, T(r, "Hylkäyksen perustelu"), m->id,
             T(r, "Lähetetään ehdottajalle, jos hän jätti sähköpostiosoitteen."));
  if (fe) buf_printf(o, "<span class=\"error\" id=\"e-decline-%lld\">%h</span>", m->id, T(r, fe->msg));
  buf_printf(o, "<textarea id=\"f-decline-%lld\" name=\"decline_reason\" rows=\"2\" aria-describedby=\"h-decline-%lld",
             m->id, m->id);
  if (fe) buf_printf(o, " e-decline-%lld\" aria-invalid=\"true", m->id);
  buf_printf(o,
             "\">%h</textarea></div><button type=\"submit\" class=\"danger\">%h<span class=\"visually-hidden\">: %h"
             "</span></button></form></div></article>\n",
             fe ? web_field(r, "decline_reason") : "", T(r, "Hylkää"), m->deed_title);
}

static void suggestions_page(web_req *r, const award_round *rd, const kerr *err, long long err_id) {
  buf *o = &r->out;
  char title[96];
  snprintf(title, sizeof title, "%s %d", T(r, "Odottavat ehdotukset"), rd->year);
  int n = 0;
  award_nomination *v = award_nominations(r->db, &r->mem, rd->id, "suggested", 0, r->lang, &n);
  page_begin(r, title, ACTIVE);
  back_link(r, BASE, rd->id, T(r, "Palkintokierros"));
  buf_printf(o, "<h1>%h</h1>\n", title);
  form_ctx f = {r, err};
  form_errors(&f);
  done_notice(r);
  buf_printf(o, "<p>%h <a href=\"%h/palkinnot/ehdota\">/palkinnot/ehdota</a></p>\n",
             T(r, "Kuka tahansa voi ehdottaa julkaistua tekoa palkittavaksi lomakkeella"), r->prefix);
  if (!n) buf_printf(o, "<p>%h</p>\n", T(r, "Käsittelemättömiä ehdotuksia ei ole."));
  pager p = pager_make(r, n, PER_PAGE);
  int from = pager_offset(&p), count = n - from < p.per_page ? n - from : p.per_page;
  for (int i = from; i < from + count; i++) suggestion_item(r, &v[i], err, err_id);
  char path[64];
  snprintf(path, sizeof path, BASE "/%lld/ehdotukset", rd->id);
  pager_write_query(r, &p, path, NULL);
  page_end(r);
}

static void page_suggestions(web_req *r) {
  award_round *rd = round_or_404(r, r->id);
  if (rd) suggestions_page(r, rd, NULL, 0);
}

static void page_suggestion_decide(web_req *r) {
  award_nomination *m = award_nomination_get(r->db, &r->mem, r->id, r->lang);
  if (!m) {
    missing(r, N_("Ehdotusta ei ole."));
    return;
  }
  award_round *rd = posted_round(r, m->round_id);
  if (!rd) return;
  int accept = !strcmp(web_field(r, "accept"), "1");
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e);
  if (fresh && award_suggestion_decide(r->db, &r->mem, m->id, accept, web_field(r, "decline_reason"), r->user.email,
                                       &e) == K_OK) {
    web_changed();
    web_redirectf(r, BASE "/%lld/ehdotukset?done=%r", rd->id, accept ? "accepted" : "declined");
  } else {
    /* at the top, and beside the suggestion's reason field when it is about it */
    refield(&e, "decline", m->id);
    suggestions_page(r, rd, &e, m->id);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

/* ---- publishing ---- */

static void publish(web_req *r, int on) {
  award_round *rd = round_or_404(r, r->id);
  if (!rd) return;
  if (!strcmp(r->method, "POST") && confirm_posted(r)) {
    kerr e = {0};
    if (award_publish(r->db, &r->mem, rd->id, on, r->user.email, &e) == K_OK) {
      web_changed(); /* drops the cached public pages */
      web_redirectf(r, BASE "/%lld?done=%r", rd->id, on ? "published" : "unpublished");
    } else {
      round_page(r, rd, &e, 0);
      r->status = 422;
    }
    kerr_clear(&e);
    return;
  }
  char action[64], back[64], what[400];
  snprintf(action, sizeof action, BASE "/%lld/%s", rd->id, on ? "julkaise" : "piilota");
  snprintf(back, sizeof back, BASE "/%lld", rd->id);
  snprintf(what, sizeof what, "%s /palkinnot/%d.",
           on ? T(r, "Palkinnot ja kunniamaininnat perusteluineen tulevat näkyviin kaikille, ja voittaneiden "
                     "organisaatioiden yhteyshenkilöt saavat sähköpostin (vain ensimmäisellä julkaisukerralla). Sivu:")
              : T(r, "Tulokset poistuvat julkisilta sivuilta, teoista ja hakurajauksesta. Sivu:"),
           rd->year);
  confirm_spec c = {on ? T(r, "Julkaistaanko tulokset?") : T(r, "Perutaanko julkaisu?"),
                    what,
                    action,
                    NULL,
                    0,
                    on ? T(r, "Julkaise tulokset") : T(r, "Peru julkaisu"),
                    back,
                    ACTIVE};
  confirm_page(r, &c);
}

static void page_publish(web_req *r) {
  publish(r, 1);
}
static void page_unpublish(web_req *r) {
  publish(r, 0);
}

/* ---- the public suggestion form ---- */

static void suggest_form(web_req *r, const award_round *open, const deed *fixed, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  int nc = 0;
  award_category *c = award_categories(r->db, &r->mem, open->id, r->lang, &nc);
  const char **langs = NULL;
  form_opt *co = category_opts(r, open->id, &nc, &langs);
  buf_printf(o, "<p class=\"lead\">%h %d.", T(r, "Ehdota julkaistua tekoa vuoden palkintoihin"), open->year);
  if (open->nominate_until)
    buf_printf(o, " %h %h.", T(r, "Ehdotuksia otetaan vastaan"), day_value(r, open->nominate_until));
  buf_printf(o, " %h</p>\n",
             T(r, "Ohjelman henkilöstö käy ehdotukset läpi, ja hyväksytyt ehdotukset menevät raadin "
                  "arvioitaviksi."));
  buf_printf(o, "<h2>%h</h2>\n<dl>", T(r, "Sarjat"));
  for (int i = 0; i < nc; i++)
    buf_printf(o, "<dt%r>%h</dt><dd%r>%h</dd>", tr_lang(&c[i].t_name), c[i].t_name.text, tr_lang(&c[i].t_description),
               *c[i].t_description.text ? c[i].t_description.text : "–");
  buf_puts(o, "</dl>\n");
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h/palkinnot/ehdota\" class=\"form\" novalidate>\n", r->prefix);
  web_csrf_field(r);
  buf_printf(o, "<div class=\"hp\" aria-hidden=\"true\"><label for=\"f-website\">Website</label>"
                "<input type=\"text\" id=\"f-website\" name=\"website\" tabindex=\"-1\" autocomplete=\"off\"></div>\n");
  if (fixed) {
    buf_printf(o,
               "<div class=\"field\" id=\"f-deed\"><span class=\"label\">%h</span> <a href=\"%h/tekot/%lld\"%r>%h</a>"
               " (%h) · <a href=\"%h/palkinnot/ehdota\">%h</a><input type=\"hidden\" name=\"deed\" value=\"%lld\">"
               "</div>\n",
               T(r, "Teko:"), r->prefix, fixed->id, web_fi(r), fixed->title, fixed->org_name, r->prefix,
               T(r, "Valitse toinen teko"), fixed->id);
  } else {
    form_input(&f, "text", "deed", T(r, "Teko"), kept(r, "deed", ""), 1,
               T(r, "Teon osoite tai numero, esimerkiksi /tekot/123. Helpoimmin ehdotat teon sen omalta sivulta."));
  }
  form_select_lang(&f, "category_id", T(r, "Sarja"), kept(r, "category_id", ""), co, nc, 1, T(r, "Valitse"), langs);
  form_textarea(&f, "reason", T(r, "Miksi teko ansaitsee palkinnon?"), kept(r, "reason", ""), 1, NULL, 5);
  form_input(&f, "text", "name", T(r, "Nimesi"), kept(r, "name", ""), 0, NULL);
  form_input(&f, "email", "email", T(r, "Sähköpostiosoitteesi"), kept(r, "email", ""), 0,
             T(r, "Kerromme sähköpostilla, otettiinko teko ehdokkaaksi. Nimeä ja osoitetta ei näytetä kenellekään."));
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Lähetä ehdotus"));
}

/* The deed of ?teko= or the posted deed field when it is a published deed, else NULL. */
static deed *suggested_deed(web_req *r) {
  const char *v = strcmp(r->method, "POST") ? web_field(r, "teko") : web_field(r, "deed");
  long long id = deed_number(v);
  deed *x = id ? deed_get(r->db, &r->mem, id, r->lang) : NULL;
  return x && x->status && !strcmp(x->status, "published") ? x : NULL;
}

static void suggest_page(web_req *r, const kerr *err) {
  award_round *open = award_round_open(r->db, &r->mem, r->lang);
  page_begin(r, T(r, "Ehdota tekoa palkittavaksi"), "award-suggest");
  buf_printf(&r->out, "<h1>%h</h1>\n", T(r, "Ehdota tekoa palkittavaksi"));
  if (!open)
    buf_printf(&r->out, "<p>%h <a href=\"%h/palkinnot\">%h</a></p>\n", T(r, "Palkintoehdotuksia ei nyt oteta vastaan."),
               r->prefix, T(r, "Aiempien vuosien palkitut teot"));
  else /* a deed the form came with stays fixed; one typed wrong is asked again */
    suggest_form(r, open, form_field_error(err, "deed") ? NULL : suggested_deed(r), err);
  page_end(r);
}

static void page_suggest(web_req *r) {
  suggest_page(r, NULL);
}

static void page_suggest_post(web_req *r) {
  kerr e = {0};
  if (!web_csrf_ok_or_kerr(r, &e)) { /* a stale token must not lose the text: the form again, filled in */
    suggest_page(r, &e);
    r->status = 403;
    kerr_clear(&e);
    return;
  }
  if (*web_field(r, "website")) { /* honeypot filled: answer as if it went fine, store nothing */
    web_redirectf(r, "/palkinnot/ehdota/kiitos");
    return;
  }
  char key[80];
  snprintf(key, sizeof key, "award-suggest:%s", r->address);
  if (!limit_allows(r->db, key, SUGGESTIONS_PER_HOUR, 3600)) { /* the form again, filled in: nothing typed is lost */
    kerr_set(&e, NULL, N_("Olet lähettänyt monta ehdotusta lyhyessä ajassa. Yritä uudelleen tunnin kuluttua."));
    suggest_page(r, &e);
    r->status = 429;
    kerr_clear(&e);
    return;
  }
  award_suggestion s = {.category_id = field_id(r, "category_id"),
                        .deed_id = deed_number(web_field(r, "deed")),
                        .reason = web_field(r, "reason"),
                        .name = web_field(r, "name"),
                        .email = web_field(r, "email"),
                        .lang = r->lang};
  if (award_suggest(r->db, &r->mem, &s, &e)) {
    limit_note(r->db, key); /* only stored suggestions count: fixing a mistake does not use up the allowance */
    web_changed();
    web_redirectf(r, "/palkinnot/ehdota/kiitos");
  } else {
    suggest_page(r, &e);
    r->status = 422;
  }
  kerr_clear(&e);
}

static void page_suggest_thanks(web_req *r) {
  page_begin(r, T(r, "Kiitos ehdotuksesta!"), "award-suggest");
  buf_printf(&r->out, "<h1>%h</h1>\n<p>%h</p>\n<p><a href=\"%h/tekot\">%h</a></p>\n", T(r, "Kiitos ehdotuksesta!"),
             T(r, "Ohjelman henkilöstö käy ehdotuksen läpi. Jos jätit sähköpostiosoitteesi, kerromme, otettiinko "
                  "teko ehdokkaaksi."),
             r->prefix, T(r, "Takaisin Tekojen torille"));
  page_end(r);
}

#define STAFF ROUTE_ANY_STAFF
#define POST_FORM (ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM)
#define POST (ROUTE_ANY_STAFF | ROUTE_CSRF)

const route awards_admin_routes[] = {
    {"GET", BASE, page_rounds, .flags = STAFF, .menu = {ROUTE_NAV_STAFF, 12, ACTIVE, N_("Palkinnot")}},
    {"GET", BASE "/uusi", page_round_new, .flags = STAFF},
    {"POST", BASE "/uusi", page_round_save, .flags = POST_FORM},
    {"GET", BASE "/{id}", page_round, .flags = STAFF},
    {"GET", BASE "/{id}/muokkaa", page_round_edit, .flags = STAFF},
    {"POST", BASE "/{id}/muokkaa", page_round_save, .flags = POST_FORM},
    {"GET", BASE "/{id}/poista", page_round_delete, .flags = STAFF},
    {"POST", BASE "/{id}/poista", page_round_delete, .flags = POST},
    {"GET", BASE "/{id}/sarjat/uusi", page_category_new, .flags = STAFF},
    {"POST", BASE "/{id}/sarjat/uusi", page_category_create, .flags = POST_FORM},
    {"GET", BASE "/sarja/{id}", page_category_edit, .flags = STAFF},
    {"POST", BASE "/sarja/{id}", page_category_save, .flags = POST_FORM},
    {"GET", BASE "/sarja/{id}/poista", page_category_delete, .flags = STAFF},
    {"POST", BASE "/sarja/{id}/poista", page_category_delete, .flags = POST},
    {"POST", BASE "/sarja/{id}/tuomarit", page_juror_add, .flags = POST},
    {"GET", BASE "/sarja/{id}/tuomarit/poista", page_juror_remove, .flags = STAFF},
    {"POST", BASE "/sarja/{id}/tuomarit/poista", page_juror_remove, .flags = POST},
    {"GET", BASE "/{id}/kriteerit/uusi", page_criterion_new, .flags = STAFF},
    {"POST", BASE "/{id}/kriteerit/uusi", page_criterion_create, .flags = POST_FORM},
    {"GET", BASE "/kriteeri/{id}", page_criterion_edit, .flags = STAFF},
    {"POST", BASE "/kriteeri/{id}", page_criterion_save, .flags = POST_FORM},
    {"GET", BASE "/kriteeri/{id}/poista", page_criterion_delete, .flags = STAFF},
    {"POST", BASE "/kriteeri/{id}/poista", page_criterion_delete, .flags = POST},
    {"GET", BASE "/{id}/ehdokkaat", page_nominations, .flags = STAFF},
    {"POST", BASE "/{id}/ehdokkaat", page_nominate, .flags = POST_FORM},
    {"GET", BASE "/ehdokas/{id}/poista", page_nomination_remove, .flags = STAFF},
    {"POST", BASE "/ehdokas/{id}/poista", page_nomination_remove, .flags = POST},
    {"GET", BASE "/{id}/ehdotukset", page_suggestions, .flags = STAFF},
    {"POST", BASE "/ehdotus/{id}", page_suggestion_decide, .flags = POST_FORM},
    {"GET", BASE "/{id}/julkaise", page_publish, .flags = STAFF},
    {"POST", BASE "/{id}/julkaise", page_publish, .flags = POST},
    {"GET", BASE "/{id}/piilota", page_unpublish, .flags = STAFF},
    {"POST", BASE "/{id}/piilota", page_unpublish, .flags = POST},
    {"GET", "/palkinnot/ehdota", page_suggest, .flags = ROUTE_PUBLIC},
    {"POST", "/palkinnot/ehdota", page_suggest_post, .flags = ROUTE_PUBLIC | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/palkinnot/ehdota/kiitos", page_suggest_thanks, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {0},
};
