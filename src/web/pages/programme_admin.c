/* programme_admin: staff pages to edit the programme frame: name, description, goals, funding periods, partners. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/programme.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/programme_admin.h"

/* The notices a redirect may ask for, by code: only these texts can appear, whatever the address says. */
static const char *const NOTICES[][2] = {
    {"ohjelma", "Ohjelman tiedot tallennettu."},     {"kausi", "Rahoituskausi tallennettu."},
    {"kausi-poistettu", "Rahoituskausi poistettu."}, {"kumppani", "Kumppani tallennettu."},
    {"kumppani-poistettu", "Kumppani poistettu."},
};

static void redirect_to(web_req *r, const char *code) {
  buf to = BUF_INIT;
  buf_printf(&to, "%r/hallinta/ohjelma?ok=%U", r->prefix, code);
  web_redirect(r, to.data);
  buf_free(&to);
}

static void notice(web_req *r) {
  const char *ok = web_query(r, "ok");
  for (size_t i = 0; ok && i < sizeof NOTICES / sizeof NOTICES[0]; i++)
    if (strcmp(ok, NOTICES[i][0]) == 0)
      buf_printf(&r->out, "<p class=\"notice\" role=\"status\">%h</p>\n", T(r, NOTICES[i][1]));
}

static void frame_form(web_req *r, const programme *p, const char *name, const char *short_name,
                       const char *description, const char *goals, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Ohjelma ja tavoitteet"));
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma\" class=\"form\">\n", r->prefix);
  web_csrf_field(r);
  form_input(&f, "text", "name", T(r, "Ohjelman nimi"), name, 1, NULL);
  form_input(&f, "text", "short_name", T(r, "Lyhyt nimi"), short_name, 1, T(r, "Näkyy sivujen yläreunassa"));
  form_textarea(&f, "description", T(r, "Kuvaus"), description, 0, NULL, 5);
  form_textarea(&f, "goals", T(r, "Tavoitteet"), goals, 1, T(r, "Yksi tavoite riviä kohden, tärkeysjärjestyksessä"), 8);
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Tallenna"));
  (void)p;
}

static void periods_table(web_req *r, const programme *p) {
  buf *o = &r->out;
  static const char *const heads[] = {"Nimi", "Vuodet", "ESR-hankekoodi"};
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Rahoituskaudet"));
  pager_table_begin(r, T(r, "Rahoituskaudet"), heads, 3, -1);
  for (int i = 0; i < p->nperiods; i++)
    buf_printf(o, "<tr><td><a href=\"%h/hallinta/ohjelma/kaudet/%lld\">%h</a></td><td>%d–%d</td><td>%h</td></tr>\n",
               r->prefix, p->periods[i].id, p->periods[i].name, p->periods[i].start_year, p->periods[i].end_year,
               p->periods[i].esf_code);
  web_table_end(r);
  buf_printf(o, "<p><a class=\"button secondary\" href=\"%h/hallinta/ohjelma/kaudet/uusi\">%h</a></p>\n", r->prefix,
             T(r, "Lisää rahoituskausi"));
}

static void partners_table(web_req *r, const programme *p) {
  buf *o = &r->out;
  static const char *const heads[] = {"Nimi", "Rooli", "Verkko-osoite"};
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Kumppanit ja rahoittajat"));
  pager_table_begin(r, T(r, "Kumppanit ja rahoittajat"), heads, 3, -1);
  for (int i = 0; i < p->npartners; i++)
    buf_printf(o, "<tr><td><a href=\"%h/hallinta/ohjelma/kumppanit/%lld\">%h</a></td><td>%h</td><td>%h</td></tr>\n",
               r->prefix, p->partners[i].id, p->partners[i].name,
               T(r, strcmp(p->partners[i].kind, "funder") == 0 ? "Rahoittaja" : "Kumppani"), p->partners[i].url);
  web_table_end(r);
  buf_printf(o, "<p><a class=\"button secondary\" href=\"%h/hallinta/ohjelma/kumppanit/uusi\">%h</a></p>\n", r->prefix,
             T(r, "Lisää kumppani tai rahoittaja"));
}

static void programme_page(web_req *r, const char *name, const char *short_name, const char *description,
                           const char *goals, const kerr *err) {
  programme *p = programme_get(r->db, &r->mem);
  buf g = BUF_INIT;
  for (int i = 0; i < p->ngoals; i++) buf_printf(&g, "%r%r", i ? "\n" : "", p->goals[i]);
  page_begin(r, T(r, "Ohjelma"), "programme");
  buf_printf(&r->out, "<h1>%h</h1>\n", T(r, "Ohjelma"));
  notice(r);
  frame_form(r, p, name ? name : p->name, short_name ? short_name : p->short_name,
             description ? description : p->description, goals ? goals : (g.data ? g.data : ""), err);
  periods_table(r, p);
  partners_table(r, p);
  page_end(r);
  buf_free(&g);
}

static void page_programme_admin(web_req *r) {
  programme_page(r, NULL, NULL, NULL, NULL, NULL);
}

/* Splits text into non-empty trimmed lines (pointers into the request arena). Returns the count. */
static int split_lines(web_req *r, const char *text, const char **out, int max) {
  char *copy = arena_strdup(&r->mem, text), *save = NULL;
  int n = 0;
  for (char *l = strtok_r(copy, "\r\n", &save); l; l = strtok_r(NULL, "\r\n", &save)) {
    util_trim(l);
    if (*l && n < max)
      out[n++] = l;
    else if (*l)
      return max + 1;
  }
  return n;
}

static void page_programme_save(web_req *r) {
  const char *name = web_field(r, "name"), *short_name = web_field(r, "short_name");
  const char *description = web_field(r, "description"), *goals = web_field(r, "goals");
  const char *lines[PROGRAMME_MAX_GOALS + 1];
  int n = split_lines(r, goals, lines, PROGRAMME_MAX_GOALS);
  kerr e = {0};
  int rc = db_begin(r->db) == DB_OK ? K_OK : kerr_set(&e, NULL, "Tietokanta on varattu. Yritä uudelleen.");
  if (rc == K_OK) rc = programme_update(r->db, name, short_name, description, &e);
  if (rc == K_OK && n > PROGRAMME_MAX_GOALS)
    rc = kerr_set(&e, "goals", "Tavoitteita voi olla enintään %d.", PROGRAMME_MAX_GOALS);
  if (rc == K_OK) rc = programme_set_goals(r->db, lines, n, &e);
  if (rc == K_OK && db_commit(r->db) == DB_OK) {
    web_changed();
    redirect_to(r, "ohjelma");
  } else {
    if (!e.msg) kerr_storage(&e, "Ohjelman tallennus", db_errmsg(r->db));
    db_rollback(r->db);
    programme_page(r, name, short_name, description, goals, &e);
    r->status = 422;
  }
  kerr_clear(&e);
}

/* ---- funding periods ---- */

static const programme_period *find_period(const programme *p, long long id) {
  for (int i = 0; i < p->nperiods; i++)
    if (p->periods[i].id == id) return &p->periods[i];
  return NULL;
}

static void period_form(web_req *r, long long id, const char *name, const char *start, const char *end, const char *esf,
                        const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *title = id ? T(r, "Muokkaa rahoituskautta") : T(r, "Uusi rahoituskausi");
  page_begin(r, title, "programme");
  buf_printf(o, "<p><a href=\"%h/hallinta/ohjelma\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Ohjelma"), title);
  form_errors(&f);
  if (id)
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kaudet/%lld\" class=\"form narrow\">\n",
               r->prefix, id);
  else
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kaudet/uusi\" class=\"form narrow\">\n",
               r->prefix);
  web_csrf_field(r);
  form_input(&f, "text", "name", T(r, "Nimi"), name, 1, T(r, "Esimerkiksi 2. rahoituskausi"));
  form_input(&f, "text", "start_year", T(r, "Alkuvuosi"), start, 1, NULL);
  form_input(&f, "text", "end_year", T(r, "Loppuvuosi"), end, 1, NULL);
  form_input(&f, "text", "esf_code", T(r, "ESR-hankekoodi"), esf, 0, T(r, "Esimerkiksi S21159"));
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Tallenna"));
  if (id) {
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kaudet/%lld/poista\" data-confirm=\"%h\">",
               r->prefix, id, T(r, "Poistetaanko rahoituskausi?"));
    web_csrf_field(r);
    buf_printf(o, "<p><button type=\"submit\" class=\"danger\">%h</button></p></form>\n", T(r, "Poista rahoituskausi"));
  }
  page_end(r);
}

static void page_period_edit(web_req *r) {
  if (!r->id) {
    period_form(r, 0, "", "", "", "", NULL);
    return;
  }
  programme *p = programme_get(r->db, &r->mem);
  const programme_period *x = find_period(p, r->id);
  if (!x)
    web_error(r, 404, T(r, "Rahoituskautta ei ole."));
  else {
    char s[12], e[12];
    snprintf(s, sizeof s, "%d", x->start_year);
    snprintf(e, sizeof e, "%d", x->end_year);
    period_form(r, x->id, x->name, s, e, x->esf_code, NULL);
  }
}

static void page_period_save(web_req *r) {
  long long sy = 0, ey = 0;
  programme_period x = {
      .id = r->id, .name = (char *)web_field(r, "name"), .esf_code = (char *)web_field(r, "esf_code")};
  kerr e = {0};
  int rc = K_OK;
  if (util_parse_int(web_field(r, "start_year"), 1, 9999, &sy) != K_OK)
    rc = kerr_set(&e, "start_year", "Alkuvuoden pitää olla vuosiluku, esimerkiksi 2018.");
  else if (util_parse_int(web_field(r, "end_year"), 1, 9999, &ey) != K_OK)
    rc = kerr_set(&e, "end_year", "Loppuvuoden pitää olla vuosiluku, esimerkiksi 2020.");
  x.start_year = (int)sy;
  x.end_year = (int)ey;
  if (rc == K_OK)
    rc = r->id ? programme_period_update(r->db, &x, &e) : (programme_period_add(r->db, &x, &e) ? K_OK : K_ERR);
  if (rc == K_OK) {
    web_changed();
    redirect_to(r, "kausi");
  } else {
    period_form(r, r->id, x.name, web_field(r, "start_year"), web_field(r, "end_year"), x.esf_code, &e);
    r->status = 422;
  }
  kerr_clear(&e);
}

static void page_period_delete(web_req *r) {
  kerr e = {0};
  if (programme_period_delete(r->db, r->id, &e) != K_OK)
    web_error(r, 404, T(r, "Rahoituskautta ei ole."));
  else {
    web_changed();
    redirect_to(r, "kausi-poistettu");
  }
  kerr_clear(&e);
}

/* ---- partners and funders ---- */

static const programme_partner *find_partner(const programme *p, long long id) {
  for (int i = 0; i < p->npartners; i++)
    if (p->partners[i].id == id) return &p->partners[i];
  return NULL;
}

static void partner_form(web_req *r, long long id, const char *name, const char *kind, const char *url,
                         const char *position, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *title = id ? T(r, "Muokkaa kumppania") : T(r, "Uusi kumppani tai rahoittaja");
  page_begin(r, title, "programme");
  buf_printf(o, "<p><a href=\"%h/hallinta/ohjelma\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Ohjelma"), title);
  form_errors(&f);
  if (id)
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kumppanit/%lld\" class=\"form narrow\">\n",
               r->prefix, id);
  else
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kumppanit/uusi\" class=\"form narrow\">\n",
               r->prefix);
  web_csrf_field(r);
  form_input(&f, "text", "name", T(r, "Nimi"), name, 1, NULL);
  form_opt kinds[] = {{"partner", T(r, "Kumppani")}, {"funder", T(r, "Rahoittaja")}};
  form_select(&f, "kind", T(r, "Rooli"), kind, kinds, 2, 1, NULL);
  form_input(&f, "text", "url", T(r, "Verkko-osoite"), url, 0, T(r, "Alkaa https://"));
  form_input(&f, "text", "position", T(r, "Järjestys"), position, 0, T(r, "Pienin ensin"));
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Tallenna"));
  if (id) {
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/ohjelma/kumppanit/%lld/poista\" data-confirm=\"%h\">",
               r->prefix, id, T(r, "Poistetaanko kumppani?"));
    web_csrf_field(r);
    buf_printf(o, "<p><button type=\"submit\" class=\"danger\">%h</button></p></form>\n", T(r, "Poista"));
  }
  page_end(r);
}

static void page_partner_edit(web_req *r) {
  if (!r->id) {
    partner_form(r, 0, "", "partner", "", "0", NULL);
    return;
  }
  programme *p = programme_get(r->db, &r->mem);
  const programme_partner *x = find_partner(p, r->id);
  if (!x)
    web_error(r, 404, T(r, "Kumppania ei ole."));
  else {
    char pos[12];
    snprintf(pos, sizeof pos, "%d", x->position);
    partner_form(r, x->id, x->name, x->kind, x->url, pos, NULL);
  }
}

static void page_partner_save(web_req *r) {
  long long pos = 0;
  programme_partner x = {.id = r->id,
                         .name = (char *)web_field(r, "name"),
                         .kind = (char *)web_field(r, "kind"),
                         .url = (char *)web_field(r, "url")};
  kerr e = {0};
  int rc = K_OK;
  if (*web_field(r, "position") && util_parse_int(web_field(r, "position"), 0, 1000, &pos) != K_OK)
    rc = kerr_set(&e, "position", "Järjestyksen pitää olla luku 0–1000.");
  x.position = (int)pos;
  if (rc == K_OK)
    rc = r->id ? programme_partner_update(r->db, &x, &e) : (programme_partner_add(r->db, &x, &e) ? K_OK : K_ERR);
  if (rc == K_OK) {
    web_changed();
    redirect_to(r, "kumppani");
  } else {
    partner_form(r, r->id, x.name, x.kind, x.url, web_field(r, "position"), &e);
    r->status = 422;
  }
  kerr_clear(&e);
}

static void page_partner_delete(web_req *r) {
  kerr e = {0};
  if (programme_partner_delete(r->db, r->id, &e) != K_OK)
    web_error(r, 404, T(r, "Kumppania ei ole."));
  else {
    web_changed();
    redirect_to(r, "kumppani-poistettu");
  }
  kerr_clear(&e);
}

const route programme_admin_routes[] = {
    {"GET", "/hallinta/ohjelma", page_programme_admin, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 4, "programme", N_("Ohjelma")}},
    {"POST", "/hallinta/ohjelma", page_programme_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/ohjelma/kaudet/uusi", page_period_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/ohjelma/kaudet/uusi", page_period_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/ohjelma/kaudet/{id}", page_period_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/ohjelma/kaudet/{id}", page_period_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"POST", "/hallinta/ohjelma/kaudet/{id}/poista", page_period_delete, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/ohjelma/kumppanit/uusi", page_partner_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/ohjelma/kumppanit/uusi", page_partner_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/ohjelma/kumppanit/{id}", page_partner_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/ohjelma/kumppanit/{id}", page_partner_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"POST", "/hallinta/ohjelma/kumppanit/{id}/poista", page_partner_delete, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
