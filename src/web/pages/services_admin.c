/* services_admin: staff pages for the service catalogue (/hallinta/palvelut) and coach profiles
 * (/hallinta/valmentajat): lists, new and edit forms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/coach.h"
#include "model/service.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/services_admin.h"
#include "web/widgets.h"

#define PER_PAGE 50

/* Every value posted under name, as a comma list in the request arena ("" when none). For checkbox groups. */
static const char *form_list(web_req *r, const char *name) {
  buf b = BUF_INIT;
  for (int i = 0; i < r->nform; i++)
    if (!strcmp(r->form[i].key, name) && r->form[i].value && *r->form[i].value)
      buf_printf(&b, "%r%r", b.len ? "," : "", r->form[i].value);
  const char *s = arena_strdup(&r->mem, b.data ? b.data : "");
  buf_free(&b);
  return s;
}

/* Returns 1 when code is an item of the comma list. */
static int in_list(const char *list, const char *code) {
  size_t n = strlen(code);
  for (const char *p = list; p && *p;) {
    while (*p == ' ') p++;
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len == n && !strncmp(p, code, n)) return 1;
    p = end ? end + 1 : NULL;
  }
  return 0;
}

/* A group of checkboxes named name with the error about it (if any) beside the legend. */
static void checks(web_req *r, const kerr *err, const char *name, const char *legend, const form_opt *opts, int n,
                   const char *selected) {
  const kerr *fe = form_field_error(err, name);
  buf_printf(&r->out, "<fieldset class=\"field checks%r\" id=\"f-%h\"><legend>%h</legend>", fe ? " invalid" : "", name,
             legend);
  if (fe) buf_printf(&r->out, "<span class=\"error\">%h</span>", T(r, fe->msg));
  for (int i = 0; i < n; i++)
    buf_printf(&r->out, "<label><input type=\"checkbox\" name=\"%h\" value=\"%h\"%r> %h</label>", name, opts[i].value,
               in_list(selected, opts[i].value) ? " checked" : "", opts[i].label);
  buf_puts(&r->out, "</fieldset>\n");
}

static void checkbox(web_req *r, const char *name, const char *label, int on) {
  buf_printf(&r->out,
             "<div class=\"field checks\"><label><input type=\"checkbox\" id=\"f-%h\" name=\"%h\" value=\"1\"%r> "
             "%h</label></div>\n",
             name, name, on ? " checked" : "", label);
}

static void saved_notice(web_req *r, const char *what) {
  if (!strcmp(web_field(r, "done"), "saved"))
    buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", what);
}

/* ---- services ---- */

static void service_table(web_req *r, const service *v, int n) {
  static const char *const heads[] = {"Nimi", "Tyyppi", "Kausi", "Kapasiteetti", "Lasketaan", "Haettavissa"};
  pager_table_begin(r, T(r, "Palvelut"), heads, 6, 3);
  for (int i = 0; i < n; i++) {
    const service *s = &v[i];
    buf_printf(&r->out,
               "<tr><td><a href=\"%h/hallinta/palvelut/%lld\">%h</a></td><td>%h%r%h</td><td>%h</td>"
               "<td class=\"num\">%h</td><td>%h</td><td>%h</td></tr>\n",
               r->prefix, s->id, s->name, s->type_name, *s->variant ? " · " : "",
               *s->variant ? T(r, service_variant_label(s->variant)) : "", s->period_name,
               s->capacity ? s->capacity : "–",
               T(r, strcmp(s->counts, "attendee") ? "ESR-osallistujat" : "Tilaisuuksien osallistujat"),
               T(r, s->open ? "Kyllä" : "Ei"));
  }
  web_table_end(r);
}

static void page_staff_services(web_req *r) {
  service_filter flt = {web_field(r, "type"), 0, 0};
  const char *period = web_field(r, "period");
  if (util_parse_int(period, 1, 1000000000, &flt.period_id) != K_OK) period = "";
  pager p = pager_make(r, service_count(r->db, &flt), PER_PAGE);
  int n = 0;
  service *v = service_list(r->db, &r->mem, &flt, r->lang, p.per_page, pager_offset(&p), &n);
  page_begin(r, T(r, "Palvelut"), "services-admin");
  buf_printf(&r->out, "<h1>%h</h1>\n", T(r, "Palvelutoiminta"));
  services_admin_tabs(r, "services");
  saved_notice(r, T(r, "Palvelu tallennettu."));
  buf_printf(&r->out, "<p><a class=\"button\" href=\"%h/hallinta/palvelut/uusi\">%h</a></p>\n", r->prefix,
             T(r, "Uusi palvelu"));
  services_filter_form(r, "/hallinta/palvelut", flt.type, period);
  services_count_line(r, p.total, "palvelu", "palvelua");
  if (n) service_table(r, v, n);
  pager_write_query(r, &p, "/hallinta/palvelut", "type", flt.type, "period", period, NULL);
  page_end(r);
}

static void service_form(web_req *r, const service *s, const char *period, const kerr *err) {
  const char *title = r->id ? T(r, "Muokkaa palvelua") : T(r, "Uusi palvelu");
  form_ctx f = {r, err};
  buf *o = &r->out;
  int nt = 0, np = 0;
  page_begin(r, title, "services-admin");
  buf_printf(o, "<p><a href=\"%h/hallinta/palvelut\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Palvelut"), title);
  form_errors(&f);
  form_open_edit(r, "/hallinta/palvelut");
  form_opt *to = services_type_opts(r, &nt), *po = services_period_opts(r, &np);
  form_select(&f, "type", T(r, "Palvelutyyppi"), s->type_code, to, nt, 1, T(r, "Valitse"));
  form_opt vo[6];
  static const char *const variants[] = {"teema", "toimiala", "haaste", "tuloksellisuus", "oppiminen", "kehittaminen"};
  for (int i = 0; i < 6; i++) vo[i] = (form_opt){variants[i], T(r, service_variant_label(variants[i]))};
  form_select(&f, "variant", T(r, "Muoto"), s->variant, vo, 6, 0, T(r, "Ei muotoa"));
  tr_field texts[] = {
      {"name", N_("Nimi"), {s->name, s->name_sv, s->name_en}, 0, 1, NULL},
      {"description", N_("Kuvaus"), {s->description, s->description_sv, s->description_en}, 6, 0, NULL}};
  tr_fieldsets(&f, texts, 2);
  form_select(&f, "period", T(r, "Rahoituskausi"), period, po, np, 1, T(r, "Valitse"));
  form_input(&f, "text", "capacity", T(r, "Kapasiteetti"), s->capacity, 0,
             T(r, "Organisaatioiden tai henkilöiden enimmäismäärä; tyhjä, jos ei rajattu"));
  form_opt co[] = {{"participant", T(r, "ESR-osallistujat")}, {"attendee", T(r, "Tilaisuuksien osallistujat")}};
  form_select(&f, "counts", T(r, "Osallistujat lasketaan"), s->counts, co, 2, 0, T(r, "Palvelutyypin mukaan"));
  form_input(&f, "text", "themes", T(r, "Teemat"), s->themes, 0, T(r, "Pilkuilla erotettu luettelo"));
  checkbox(r, "open", T(r, "Haettavissa"), s->open);
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\">%h</button><a href=\"%h/hallinta/palvelut\">%h</a>"
             "</div>\n</form>\n",
             T(r, "Tallenna"), r->prefix, T(r, "Peruuta"));
  page_end(r);
}

static void page_staff_service_edit(web_req *r) {
  if (!r->id) {
    service s = {.open = 1};
    service_form(r, &s, "", NULL);
    return;
  }
  service *s = service_get(r->db, &r->mem, r->id, r->lang);
  if (!s) {
    web_error(r, 404, T(r, "Palvelua ei ole."));
    return;
  }
  char period[24];
  snprintf(period, sizeof period, "%lld", s->period_id);
  service_form(r, s, period, NULL);
}

static void page_staff_service_save(web_req *r) {
  if (r->id && !service_get(r->db, &r->mem, r->id, r->lang)) {
    web_error(r, 404, T(r, "Palvelua ei ole."));
    return;
  }
  const char *period = web_field(r, "period");
  service s = {.id = r->id,
               .type_code = (char *)web_field(r, "type"),
               .variant = (char *)web_field(r, "variant"),
               .name = (char *)web_field(r, "name"),
               .description = (char *)web_field(r, "description"),
               .name_sv = (char *)web_field(r, "name_sv"),
               .name_en = (char *)web_field(r, "name_en"),
               .description_sv = (char *)web_field(r, "description_sv"),
               .description_en = (char *)web_field(r, "description_en"),
               .capacity = (char *)web_field(r, "capacity"),
               .counts = (char *)web_field(r, "counts"),
               .themes = (char *)web_field(r, "themes"),
               .open = *web_field(r, "open") != 0};
  if (util_parse_int(period, 1, 1000000000, &s.period_id) != K_OK) s.period_id = 0;
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  int ok = fresh && (r->id ? service_update(r->db, &s, &e) == K_OK : service_create(r->db, &s, &e) != 0);
  if (ok) {
    web_changed();
    web_redirectf(r, "/hallinta/palvelut?done=saved");
  } else {
    service_form(r, &s, period, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

/* ---- coaches ---- */

static void coach_table(web_req *r, const coach *v, int n) {
  static const char *const heads[] = {"Nimi", "Yritys", "Kielet", "Alueet", "Aktiivinen"};
  pager_table_begin(r, T(r, "Valmentajat"), heads, 5, -1);
  for (int i = 0; i < n; i++)
    buf_printf(&r->out,
               "<tr><td><a href=\"%h/hallinta/valmentajat/%lld\">%h</a></td><td>%h</td><td>%h</td><td>%h</td>"
               "<td>%h</td></tr>\n",
               r->prefix, v[i].id, v[i].name, v[i].company, v[i].languages, v[i].region_names ? v[i].region_names : "–",
               T(r, v[i].active ? "Kyllä" : "Ei"));
  web_table_end(r);
}

static void page_staff_coaches(web_req *r) {
  coach_filter flt = {0};
  pager p = pager_make(r, coach_count(r->db, &flt), PER_PAGE);
  int n = 0;
  coach *v = coach_list(r->db, &r->mem, &flt, r->lang, p.per_page, pager_offset(&p), &n);
  page_begin(r, T(r, "Valmentajat"), "services-admin");
  buf_printf(&r->out, "<h1>%h</h1>\n", T(r, "Palvelutoiminta"));
  services_admin_tabs(r, "coaches");
  saved_notice(r, T(r, "Valmentaja tallennettu."));
  buf_printf(&r->out, "<p><a class=\"button\" href=\"%h/hallinta/valmentajat/uusi\">%h</a></p>\n", r->prefix,
             T(r, "Uusi valmentaja"));
  services_count_line(r, p.total, "valmentaja", "valmentajaa");
  if (n) coach_table(r, v, n);
  pager_write(r, &p, "/hallinta/valmentajat");
  page_end(r);
}

static void coach_form(web_req *r, const coach *c, const kerr *err) {
  const char *title = r->id ? T(r, "Muokkaa valmentajaa") : T(r, "Uusi valmentaja");
  form_ctx f = {r, err};
  buf *o = &r->out;
  page_begin(r, title, "services-admin");
  buf_printf(o, "<p><a href=\"%h/hallinta/valmentajat\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Valmentajat"),
             title);
  form_errors(&f);
  form_open_edit(r, "/hallinta/valmentajat");
  form_input(&f, "text", "name", T(r, "Nimi"), c->name, 1, NULL);
  form_input(&f, "text", "company", T(r, "Yritys"), c->company, 0, NULL);
  form_textarea(&f, "bio", T(r, "Lyhyt esittely"), c->bio, 0, NULL, 5);
  form_opt lo[] = {{"fi", T(r, "suomi")}, {"sv", T(r, "ruotsi")}, {"en", T(r, "englanti")}};
  checks(r, err, "languages", T(r, "Kielet"), lo, 3, c->languages);
  form_input(&f, "email", "email", T(r, "Sähköposti"), c->email, 0, T(r, "Vain henkilöstölle, ei näy julkisesti"));
  form_input(&f, "text", "themes", T(r, "Osaamisalueet"), c->themes, 0, T(r, "Teemat pilkuilla erotettuina"));
  int nr = 0;
  code_name *regions = refdata_regions(r->db, &r->mem, r->lang, &nr);
  form_opt *ro = arena_alloc(&r->mem, sizeof *ro * (size_t)(nr ? nr : 1));
  for (int i = 0; i < nr; i++) ro[i] = (form_opt){regions[i].code, regions[i].name};
  checks(r, err, "regions", T(r, "Alueet"), ro, nr, c->regions);
  checkbox(r, "active", T(r, "Aktiivinen (näkyy julkisesti)"), c->active);
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\">%h</button><a href=\"%h/hallinta/valmentajat\">%h</a>"
             "</div>\n</form>\n",
             T(r, "Tallenna"), r->prefix, T(r, "Peruuta"));
  page_end(r);
}

static void page_staff_coach_edit(web_req *r) {
  if (!r->id) {
    coach c = {.languages = "fi", .active = 1};
    coach_form(r, &c, NULL);
    return;
  }
  coach *c = coach_get(r->db, &r->mem, r->id, r->lang);
  if (!c) {
    web_error(r, 404, T(r, "Valmentajaa ei ole."));
    return;
  }
  coach_form(r, c, NULL);
}

static void page_staff_coach_save(web_req *r) {
  if (r->id && !coach_get(r->db, &r->mem, r->id, r->lang)) {
    web_error(r, 404, T(r, "Valmentajaa ei ole."));
    return;
  }
  coach c = {.id = r->id,
             .name = (char *)web_field(r, "name"),
             .company = (char *)web_field(r, "company"),
             .bio = (char *)web_field(r, "bio"),
             .languages = (char *)form_list(r, "languages"),
             .email = (char *)web_field(r, "email"),
             .active = *web_field(r, "active") != 0,
             .themes = (char *)web_field(r, "themes"),
             .regions = (char *)form_list(r, "regions")};
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  int ok = fresh && (r->id ? coach_update(r->db, &c, &e) == K_OK : coach_create(r->db, &c, &e) != 0);
  if (ok) {
    web_changed();
    web_redirectf(r, "/hallinta/valmentajat?done=saved");
  } else {
    coach_form(r, &c, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

const route services_admin_routes[] = {
    {"GET", "/hallinta/palvelut", page_staff_services, .flags = ROUTE_ANY_STAFF},
    {"GET", "/hallinta/palvelut/uusi", page_staff_service_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/palvelut/uusi", page_staff_service_save,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hallinta/palvelut/{id}", page_staff_service_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/palvelut/{id}", page_staff_service_save,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hallinta/valmentajat", page_staff_coaches, .flags = ROUTE_ANY_STAFF},
    {"GET", "/hallinta/valmentajat/uusi", page_staff_coach_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/valmentajat/uusi", page_staff_coach_save,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hallinta/valmentajat/{id}", page_staff_coach_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/valmentajat/{id}", page_staff_coach_save,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {0},
};
