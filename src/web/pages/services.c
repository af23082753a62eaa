/* services: the public service catalogue /palvelut, one offering /palvelut/ID, and the coaches /valmentajat. */
#include "web/pages/services.h"
#include "web/widgets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/coach.h"
#include "model/service.h"
#include "web/form.h"
#include "web/pager.h"

#define SERVICES_PER_PAGE 20
#define COACHES_PER_PAGE 20

/* The language choices of a coach profile, as codes and Finnish labels (translated with T). */
static const char *const LANGUAGES[][2] = {{"fi", "suomi"}, {"sv", "ruotsi"}, {"en", "englanti"}};

static void fact(web_req *r, const char *label, const char *value) {
  if (util_blank(value)) return;
  buf_printf(&r->out, "<dt>%h</dt><dd>%h</dd>\n", label, value);
}

static const char *counts_label(web_req *r, const char *counts) {
  return strcmp(counts ? counts : "", "attendee") == 0 ? T(r, "Tilaisuuksien osallistujina")
                                                       : T(r, "ESR-hankkeen osallistujina");
}

static void service_item(web_req *r, const theme_labels *tl, const service *s) {
  buf *o = &r->out;
  buf_printf(o, "<li><h3><a href=\"%h/palvelut/%lld\"%r>%h</a></h3><p class=\"meta\">", r->prefix, s->id,
             tr_lang(&s->t_name), s->t_name.text);
  if (*s->variant) buf_printf(o, "%h · ", T(r, service_variant_label(s->variant)));
  buf_printf(o, "%h %d–%d · %h</p>", T(r, "Kausi"), s->start_year, s->end_year,
             s->open ? T(r, "Haettavissa") : T(r, "Ei haettavissa"));
  theme_tags(r, tl, s->themes, 0);
  buf_puts(o, "</li>\n");
}

static void page_services(web_req *r) {
  service_filter flt = {web_field(r, "type"), 0, 0};
  const char *period = web_field(r, "period");
  if (util_parse_int(period, 1, 1000000000, &flt.period_id) != K_OK) period = "";
  pager p = pager_make(r, service_count(r->db, &flt), SERVICES_PER_PAGE);
  int n = 0;
  service *v = service_list(r->db, &r->mem, &flt, r->lang, p.per_page, pager_offset(&p), &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Palvelut"), "services");
  buf_printf(o, "<h1>%h</h1>\n<p class=\"lead\">%h</p>\n", T(r, "Palvelut"),
             T(r, "Ohjelman palvelut organisaatioille: sparraus, valmennukset, työpajat, verkostot, webinaarit ja "
                  "tilaisuudet sekä tutkimusyhteistyö."));
  services_filter_form(r, "/palvelut", flt.type, period);
  services_count_line(r, p.total, "palvelu", "palvelua");
  theme_labels tl = theme_labels_get(r);
  for (int i = 0; i < n; i++) {
    if (i == 0 || strcmp(v[i].type_code, v[i - 1].type_code) != 0)
      buf_printf(o, "%r<h2>%h</h2>\n<ul class=\"deeds\">\n", i ? "</ul>\n" : "", v[i].type_name);
    service_item(r, &tl, &v[i]);
  }
  if (n) buf_puts(o, "</ul>\n");
  pager_write_query(r, &p, "/palvelut", "type", flt.type, "period", period, NULL);
  buf_printf(o, "<p><a href=\"%h/valmentajat\">%h</a></p>\n", r->prefix, T(r, "Valmentajat ja kouluttajat"));
  page_end(r);
}

static void page_service(web_req *r) {
  service *s = service_get(r->db, &r->mem, r->id, r->lang);
  if (!s) {
    web_error(r, 404, T(r, "Palvelua ei ole."));
    return;
  }
  buf *o = &r->out;
  theme_labels tl = theme_labels_get(r);
  page_begin(r, s->t_name.text, "services");
  buf_printf(o, "<p><a href=\"%h/palvelut\">← %h</a></p>\n<article>\n", r->prefix, T(r, "Palvelut"));
  tr_write(r, "h1", NULL, &s->t_name);
  buf_printf(o, "\n<p class=\"meta\">%h%r%h</p>\n", s->type_name, *s->variant ? " · " : "",
             *s->variant ? T(r, service_variant_label(s->variant)) : "");
  if (*s->t_description.text) tr_write(r, "div", "deed-text", &s->t_description);
  buf_puts(o, "\n");
  buf_puts(o, "<dl class=\"facts\">\n");
  fact(r, T(r, "Palvelutyyppi"), s->type_name);
  char years[64];
  snprintf(years, sizeof years, "%d–%d", s->start_year, s->end_year);
  buf_printf(o, "<dt>%h</dt><dd><span%r>%h</span> (%h)</dd>\n", T(r, "Rahoituskausi"), tr_lang(&s->t_period),
             s->t_period.text, years);
  if (s->capacity)
    buf_printf(o, "<dt>%h</dt><dd>%h</dd>\n", T(r, "Kapasiteetti"), s->capacity);
  else
    buf_printf(o, "<dt>%h</dt><dd>%h</dd>\n", T(r, "Kapasiteetti"), T(r, "Ei rajattu"));
  fact(r, T(r, "Osallistujat lasketaan"), counts_label(r, s->counts));
  fact(r, T(r, "Haettavissa"), s->open ? T(r, "Kyllä") : T(r, "Ei"));
  if (s->themes) {
    buf_printf(o, "<dt>%h</dt><dd>", T(r, "Teemat"));
    theme_tags(r, &tl, s->themes, 0);
    buf_puts(o, "</dd>\n");
  }
  buf_puts(o, "</dl>\n");
  if (s->open)
    buf_printf(o, "<p><a class=\"button\" href=\"%h/hakemukset/uusi?service=%lld\">%h</a></p>\n", r->prefix, s->id,
               T(r, "Hae palvelua"));
  buf_puts(o, "</article>\n");
  page_end(r);
}

/* ---- coaches ---- */

static const char *language_label(web_req *r, const char *code) {
  for (size_t i = 0; i < sizeof LANGUAGES / sizeof LANGUAGES[0]; i++)
    if (!strcmp(code, LANGUAGES[i][0])) return T(r, LANGUAGES[i][1]);
  return code;
}

static void coach_filters(web_req *r, const coach_filter *flt) {
  form_ctx f = {r, NULL};
  int nt = 0, nr = 0;
  char **themes = coach_themes(r->db, &r->mem, &nt);
  form_opt *to = arena_alloc(&r->mem, sizeof *to * (size_t)(nt ? nt : 1));
  const char **tlang = arena_alloc(&r->mem, sizeof *tlang * (size_t)(nt ? nt : 1));
  theme_labels tl = theme_labels_get(r);
  for (int i = 0; i < nt; i++) {
    tr label = themelist_label(tl.rows, tl.n, themes[i], r->lang);
    to[i] = (form_opt){themes[i], label.text}, tlang[i] = label.fallback ? "fi" : NULL;
  }
  code_name *regions = refdata_regions(r->db, &r->mem, r->lang, &nr);
  form_opt lo[3];
  for (int i = 0; i < 3; i++) lo[i] = (form_opt){LANGUAGES[i][0], T(r, LANGUAGES[i][1])};
  buf_printf(&r->out, "<form method=\"get\" action=\"%h/valmentajat\" class=\"filters\">", r->prefix);
  form_select_lang(&f, "theme", T(r, "Osaamisalue"), flt->theme, to, nt, 0, T(r, "Kaikki osaamisalueet"), tlang);
  form_select_codes(&f, "region", T(r, "Maakunta"), flt->region, regions, nr, 0, T(r, "Kaikki maakunnat"));
  form_select(&f, "language", T(r, "Kieli"), flt->language, lo, 3, 0, T(r, "Kaikki kielet"));
  services_filters_end(r);
}

static void coach_item(web_req *r, const theme_labels *tl, const coach *c) {
  buf *o = &r->out;
  buf_printf(o, "<li><h2>%h</h2>", c->name);
  if (*c->company) buf_printf(o, "<p class=\"meta\">%h</p>", c->company);
  if (*c->bio) buf_printf(o, "<p%r>%h</p>", web_fi(r), c->bio);
  buf_puts(o, "<dl class=\"facts\">");
  if (c->themes) {
    buf_printf(o, "<dt>%h</dt><dd>", T(r, "Osaamisalueet"));
    theme_tags(r, tl, c->themes, 0);
    buf_puts(o, "</dd>");
  }
  fact(r, T(r, "Alueet"), c->region_names);
  buf_printf(o, "<dt>%h</dt><dd>", T(r, "Kielet"));
  char *copy = arena_strdup(&r->mem, c->languages), *save = NULL;
  int k = 0;
  for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
    buf_printf(o, "%r%h", k++ ? ", " : "", language_label(r, t));
  buf_puts(o, "</dd></dl></li>\n");
}

static void page_coaches(web_req *r) {
  coach_filter flt = {web_field(r, "theme"), web_field(r, "region"), web_field(r, "language"), 1};
  pager p = pager_make(r, coach_count(r->db, &flt), COACHES_PER_PAGE);
  int n = 0;
  coach *v = coach_list(r->db, &r->mem, &flt, r->lang, p.per_page, pager_offset(&p), &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Valmentajat ja kouluttajat"), "coaches");
  buf_printf(o, "<h1>%h</h1>\n<p class=\"lead\">%h</p>\n", T(r, "Valmentajat ja kouluttajat"),
             T(r, "Ohjelman kilpailuttamat valmentajat ja kouluttajat, joista organisaatio voi toivoa sparraajaa."));
  coach_filters(r, &flt);
  services_count_line(r, p.total, "valmentaja", "valmentajaa");
  if (n) {
    buf_puts(o, "<ul class=\"deeds\">\n");
    theme_labels tl = theme_labels_get(r);
    for (int i = 0; i < n; i++) coach_item(r, &tl, &v[i]);
    buf_puts(o, "</ul>\n");
  }
  pager_write_query(r, &p, "/valmentajat", "theme", flt.theme, "region", flt.region, "language", flt.language, NULL);
  page_end(r);
}

const route services_routes[] = {
    {"GET", "/palvelut", page_services, .flags = ROUTE_PUBLIC | ROUTE_CACHE,
     .menu = {ROUTE_NAV_MAIN, 4, "services", N_("Palvelut")}},
    {"GET", "/palvelut/{id}", page_service, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/valmentajat", page_coaches, .flags = ROUTE_PUBLIC | ROUTE_CACHE,
     .menu = {ROUTE_NAV_MAIN, 5, "coaches", N_("Valmentajat")}},
    {0},
};
