/* orgs: the staff organisation registry: /hallinta/organisaatiot list with search and type filter, new and edit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/org.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/orgs.h"

#define ORGS_PER_PAGE 50

static void type_select(web_req *r, form_ctx *f, const char *value, int required, const char *empty_label) {
  form_opt opts[16];
  int n = 0;
  for (const char *t; n < 16 && (t = org_type_code(n)); n++) opts[n] = (form_opt){t, T(r, org_type_label(t))};
  form_select(f, "type", T(r, "Tyyppi"), value, opts, n, required, empty_label);
}

static void filter_form(web_req *r, const org_filter *flt) {
  form_ctx f = {r, NULL};
  buf_printf(&r->out, "<form method=\"get\" action=\"%h/hallinta/organisaatiot\" class=\"filters\" role=\"search\">",
             r->prefix);
  form_input(&f, "search", "q", T(r, "Nimi tai Y-tunnus"), flt->q, 0, NULL);
  type_select(r, &f, flt->type, 0, T(r, "Kaikki tyypit"));
  buf_printf(&r->out, "<div class=\"field\"><button type=\"submit\">%h</button></div></form>\n", T(r, "Hae"));
}

static void org_table(web_req *r, const org *v, int n) {
  buf *o = &r->out;
  static const char *const heads[] = {"Nimi", "Tyyppi", "Kunta", "Maakunta", "Y-tunnus", "Tekoja"};
  pager_table_begin(r, T(r, "Organisaatiot"), heads, 6, 5);
  for (int i = 0; i < n; i++) {
    const org *x = &v[i];
    buf_printf(o,
               "<tr><td><a href=\"%h/hallinta/organisaatiot/%lld/muokkaa\">%h</a></td><td>%h</td><td>%h</td>"
               "<td>%h</td><td class=\"nowrap\">%h</td><td class=\"num\">%N</td></tr>\n",
               r->prefix, x->id, x->name, T(r, org_type_label(x->type)),
               x->municipality_name ? x->municipality_name : "–", x->region_name ? x->region_name : "–",
               x->ytunnus ? x->ytunnus : "–", x->deed_count);
  }
  web_table_end(r);
}

static void page_staff_orgs(web_req *r) {
  org_filter flt = {web_field(r, "q"), web_field(r, "type")};
  if (!org_type_valid(flt.type)) flt.type = "";
  pager p = pager_make(r, org_count(r->db, &flt), ORGS_PER_PAGE);
  int n = 0;
  org *v = org_list(r->db, &r->mem, &flt, p.per_page, pager_offset(&p), &n);
  page_begin(r, T(r, "Organisaatiorekisteri"), "orgs");
  buf_printf(&r->out, "<h1>%h</h1>\n", T(r, "Organisaatiorekisteri"));
  if (!strcmp(web_field(r, "done"), "saved"))
    buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, "Organisaatio tallennettu."));
  buf_printf(&r->out, "<p><a class=\"button\" href=\"%h/hallinta/organisaatiot/uusi\">%h</a></p>\n", r->prefix,
             T(r, "Uusi organisaatio"));
  filter_form(r, &flt);
  buf_printf(&r->out, "<p role=\"status\">%N %h</p>\n", p.total,
             T(r, p.total == 1 ? "organisaatio" : "organisaatiota"));
  if (n) org_table(r, v, n);
  pager_write_query(r, &p, "/hallinta/organisaatiot", "q", flt.q, "type", flt.type, NULL);
  page_end(r);
}

/* Builds an organisation from the posted form, in the request arena; empty fields become NULL. */
static org *org_form_read(web_req *r) {
  org *o = arena_alloc(&r->mem, sizeof *o);
  o->id = r->id;
  o->name = web_field_opt(r, "name");
  o->type = web_field_opt(r, "type");
  o->municipality_code = web_field_opt(r, "municipality");
  o->ytunnus = web_field_opt(r, "ytunnus");
  o->contact_name = web_field_opt(r, "contact_name");
  o->contact_email = web_field_opt(r, "contact_email");
  return o;
}

static void org_form(web_req *r, const org *o, const kerr *err) {
  const char *title = r->id ? T(r, "Muokkaa organisaatiota") : T(r, "Uusi organisaatio");
  form_ctx f = {r, err};
  buf *out = &r->out;
  page_begin(r, title, "orgs");
  buf_printf(out, "<p><a href=\"%h/hallinta/organisaatiot\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix,
             T(r, "Organisaatiorekisteri"), title);
  form_errors(&f);
  if (r->id)
    buf_printf(out, "<form method=\"post\" action=\"%h/hallinta/organisaatiot/%lld/muokkaa\"", r->prefix, r->id);
  else
    buf_printf(out, "<form method=\"post\" action=\"%h/hallinta/organisaatiot/uusi\"", r->prefix);
  buf_puts(out, " class=\"form\" novalidate>\n");
  web_csrf_field(r);
  form_input(&f, "text", "name", T(r, "Nimi"), o ? o->name : NULL, 1, NULL);
  type_select(r, &f, o ? o->type : NULL, 1, T(r, "Valitse"));
  int nm = 0;
  code_name *mun = refdata_municipalities(r->db, &r->mem, r->lang, &nm);
  form_select_codes(&f, "municipality", T(r, "Kunta"), o ? o->municipality_code : NULL, mun, nm, 0, T(r, "Ei kuntaa"));
  form_input(&f, "text", "ytunnus", T(r, "Y-tunnus"), o ? o->ytunnus : NULL, 0, T(r, "muoto 1234567-8"));
  form_input(&f, "text", "contact_name", T(r, "Yhteyshenkilö"), o ? o->contact_name : NULL, 0, NULL);
  form_input(&f, "email", "contact_email", T(r, "Yhteyshenkilön sähköposti"), o ? o->contact_email : NULL, 0, NULL);
  buf_printf(out,
             "<div class=\"actions\"><button type=\"submit\">%h</button><a href=\"%h/hallinta/organisaatiot\">%h</a>"
             "</div>\n</form>\n",
             T(r, "Tallenna"), r->prefix, T(r, "Peruuta"));
  page_end(r);
}

/* Validates and stores the posted organisation (insert when r->id is 0); answers 422 with the form on error. */
static void org_save(web_req *r) {
  org *o = org_form_read(r);
  kerr e = {0};
  int ok =
      org_validate(r->db, o, &e) == K_OK && (r->id ? org_update(r->db, o, &e) == K_OK : org_insert(r->db, o, &e) != 0);
  if (!ok) {
    org_form(r, o, &e);
    r->status = 422;
  } else {
    web_changed();
    web_redirectf(r, "/hallinta/organisaatiot?done=saved");
  }
  kerr_clear(&e);
}

static void page_staff_org_new(web_req *r) {
  org_form(r, NULL, NULL);
}

static void page_staff_org_create(web_req *r) {
  org_save(r);
}

static void page_staff_org_edit(web_req *r) {
  org *o = org_get(r->db, &r->mem, r->id);
  if (!o) {
    web_error(r, 404, T(r, "Organisaatiota ei löytynyt."));
    return;
  }
  org_form(r, o, NULL);
}

static void page_staff_org_update(web_req *r) {
  if (!org_get(r->db, &r->mem, r->id)) {
    web_error(r, 404, T(r, "Organisaatiota ei löytynyt."));
    return;
  }
  org_save(r);
}

const route orgs_routes[] = {
    {"GET", "/hallinta/organisaatiot", page_staff_orgs, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 2, "orgs", N_("Organisaatiot")}},
    {"GET", "/hallinta/organisaatiot/uusi", page_staff_org_new, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/organisaatiot/uusi", page_staff_org_create, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/organisaatiot/{id}/muokkaa", page_staff_org_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/organisaatiot/{id}/muokkaa", page_staff_org_update, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
