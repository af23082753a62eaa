/* publications: the programme's publications: /julkaisut (by year, filtered by type and language), a publication's
 * summary page /julkaisut/{id} with its PDF (served by media.c at /tiedostot/{id}/{name}), and the staff's list and
 * editor /hallinta/julkaisut (upload, publish, delete). */
#include <stdio.h>
#include <string.h>

#include "model/media.h"
#include "model/publication.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/media.h"
#include "web/pages/publications.h"
#include "web/widgets.h"

#define BASE "/hallinta/julkaisut"
#define PER_PAGE 20

void pubs_size_write(buf *out, long long bytes) {
  if (bytes < 1024 * 1024) {
    buf_printf(out, "%lld kt", (bytes + 1023) / 1024);
    return;
  }
  long long tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
  buf_printf(out, "%lld,%lld Mt", tenths / 10, tenths % 10);
}

void pubs_admin_tabs(web_req *r, const char *active) {
  static const struct {
    const char *id, *path, *label;
  } tabs[] = {{"publications", BASE, N_("Julkaisut")}, {"videos", "/hallinta/videot", N_("Videot")}};
  buf_printf(&r->out, "<nav class=\"tabs\" aria-label=\"%h\"><ul>", T(r, "Julkaisut ja videot"));
  for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++)
    buf_printf(&r->out, "<li><a href=\"%h%h\"%r>%h</a></li>", r->prefix, tabs[i].path,
               !strcmp(active, tabs[i].id) ? " aria-current=\"page\"" : "", T(r, tabs[i].label));
  buf_puts(&r->out, "</ul></nav>\n");
}

void pubs_done_notice(web_req *r) {
  const char *done = web_field(r, "done");
  const char *msg = !strcmp(done, "saved")         ? T(r, "Tallennettu.")
                    : !strcmp(done, "published")   ? T(r, "Julkaistu.")
                    : !strcmp(done, "unpublished") ? T(r, "Poistettu julkaisusta.")
                    : !strcmp(done, "deleted")     ? T(r, "Poistettu.")
                                                   : NULL;
  if (msg) buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", msg);
}

/* The download link of p's PDF: "Lataa julkaisu (PDF, 1,2 Mt, suomeksi)", with hreflang and type. */
static void download_link(web_req *r, const publication *p) {
  buf href = BUF_INIT;
  media_href(&href, p->file_id, p->file_name);
  buf_printf(&r->out,
             "<a class=\"download\" href=\"%h\" hreflang=\"%h\" type=\"application/pdf\">%h <span "
             "class=\"meta\">(PDF, ",
             href.data, p->lang, T(r, "Lataa julkaisu"));
  buf_free(&href);
  pubs_size_write(&r->out, p->file_size);
  buf_printf(&r->out, ", %h: %h)</span></a>", T(r, "kieli"), T(r, publication_lang_name(p->lang)));
}

/* ---- public ---- */

static form_opt *type_opts(web_req *r) {
  form_opt *o = arena_alloc(&r->mem, PUBLICATION_NTYPES * sizeof *o);
  for (int i = 0; i < PUBLICATION_NTYPES; i++) o[i] = (form_opt){PUBLICATION_TYPES[i], T(r, PUBLICATION_TYPE_NAMES[i])};
  return o;
}

static form_opt *lang_opts(web_req *r) {
  static const char *const codes[] = {"fi", "sv", "en"};
  form_opt *o = arena_alloc(&r->mem, 3 * sizeof *o);
  for (int i = 0; i < 3; i++) o[i] = (form_opt){codes[i], T(r, publication_lang_name(codes[i]))};
  return o;
}

static void filter_form(web_req *r, const publication_filter *f, const char *year) {
  int ny = 0;
  int *years = publication_years(r->db, &r->mem, &ny);
  form_opt *yo = arena_alloc(&r->mem, (size_t)(ny ? ny : 1) * sizeof *yo);
  for (int i = 0; i < ny; i++) {
    char *s = arena_alloc(&r->mem, 8);
    snprintf(s, 8, "%d", years[i]);
    yo[i] = (form_opt){s, s};
  }
  form_ctx fc = {r, NULL};
  buf_printf(&r->out,
             "<form method=\"get\" action=\"%h/julkaisut\" class=\"filters\" role=\"search\" aria-label=\"%h\">\n",
             r->prefix, T(r, "Rajaa julkaisuja"));
  form_select(&fc, "vuosi", T(r, "Vuosi"), year, yo, ny, 0, T(r, "Kaikki"));
  form_select(&fc, "tyyppi", T(r, "Tyyppi"), f->type, type_opts(r), PUBLICATION_NTYPES, 0, T(r, "Kaikki"));
  form_select(&fc, "kieli", T(r, "Kieli"), f->lang, lang_opts(r), 3, 0, T(r, "Kaikki"));
  buf_printf(&r->out, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Näytä"));
}

static void page_list(web_req *r) {
  const char *year = web_field(r, "vuosi");
  long long y = 0;
  publication_filter f = {0, web_field(r, "tyyppi"), web_field(r, "kieli"), 1};
  if (util_parse_int(year, 1900, 2100, &y) == K_OK) f.year = (int)y;
  if (!*publication_type_name(f.type)) f.type = "";
  if (!*publication_lang_name(f.lang)) f.lang = "";
  pager p = pager_make(r, publication_count(r->db, &f), PER_PAGE);
  int n = 0;
  publication *v = publication_list(r->db, &r->mem, &f, p.per_page, pager_offset(&p), &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Julkaisut"), "publications");
  buf_printf(o, "<h1>%h</h1>\n<p>%h <a href=\"%h/videot\">%h</a></p>\n", T(r, "Julkaisut"),
             T(r, "Ohjelman raportit, loppujulkaisu ja arviointi. Jokaisella julkaisulla on tiivistelmäsivu ja "
                  "PDF-tiedosto."),
             r->prefix, T(r, "Katso myös ohjelman videot."));
  filter_form(r, &f, f.year ? year : "");
  buf_printf(o, "<p role=\"status\">%h: %lld</p>\n", T(r, "Julkaisuja"), p.total);
  int last_year = 0;
  for (int i = 0; i < n; i++) {
    if (v[i].year != last_year) {
      if (last_year) buf_puts(o, "</ul>\n");
      buf_printf(o, "<h2>%d</h2>\n<ul class=\"publications\">\n", v[i].year);
      last_year = v[i].year;
    }
    buf_printf(o, "<li><h3><a href=\"%h/julkaisut/%lld\" lang=\"%h\">%h</a></h3>\n<p class=\"meta\">%h · %h", r->prefix,
               v[i].id, v[i].lang, v[i].title, T(r, publication_type_name(v[i].type)),
               T(r, publication_lang_name(v[i].lang)));
    if (*v[i].authors) buf_printf(o, " · %h", v[i].authors);
    buf_puts(o, "</p>\n");
    if (v[i].file_id) {
      buf_puts(o, "<p>");
      download_link(r, &v[i]);
      buf_puts(o, "</p>");
    }
    buf_puts(o, "</li>\n");
  }
  if (last_year) buf_puts(o, "</ul>\n");
  if (!n) buf_printf(o, "<p>%h</p>\n", T(r, "Julkaisuja ei löytynyt."));
  char ys[8] = "";
  if (f.year) snprintf(ys, sizeof ys, "%d", f.year);
  pager_write_query(r, &p, "/julkaisut", "vuosi", ys, "tyyppi", f.type, "kieli", f.lang, (const char *)NULL);
  page_end(r);
}

static void page_publication(web_req *r) {
  publication p;
  int staff = (routes_role_bit(&r->user) & ROUTE_ANY_STAFF) != 0;
  if (!publication_get(r->db, &r->mem, r->id, &p) || (!p.published_at && !staff)) {
    web_error(r, 404, T(r, "Julkaisua ei löytynyt."));
    return;
  }
  buf *o = &r->out;
  page_begin(r, p.title, "publications");
  buf_printf(o, "<p><a href=\"%h/julkaisut\">← %h</a></p>\n", r->prefix, T(r, "Julkaisut"));
  if (!p.published_at)
    buf_printf(o, "<div class=\"notice warning\" role=\"note\"><p>%h</p></div>\n",
               T(r, "Julkaisua ei ole julkaistu: vain henkilökunta näkee tämän sivun."));
  buf_printf(o, "<article class=\"publication\">\n<h1 lang=\"%h\">%h</h1>\n<dl class=\"facts\">\n", p.lang, p.title);
  if (*p.authors) buf_printf(o, "<dt>%h</dt><dd>%h</dd>\n", T(r, "Tekijät"), p.authors);
  buf_printf(o, "<dt>%h</dt><dd>%d</dd>\n<dt>%h</dt><dd>%h</dd>\n<dt>%h</dt><dd>%h</dd>\n</dl>\n", T(r, "Vuosi"),
             p.year, T(r, "Tyyppi"), T(r, publication_type_name(p.type)), T(r, "Kieli"),
             T(r, publication_lang_name(p.lang)));
  if (p.file_id) {
    buf_puts(o, "<p>");
    download_link(r, &p);
    buf_puts(o, "</p>\n");
  }
  if (*p.summary) {
    buf_printf(o, "<h2>%h</h2>\n<div class=\"site-text\" lang=\"%h\">\n", T(r, "Tiivistelmä"), p.lang);
    markdown_write(r, p.summary);
    buf_puts(o, "</div>\n");
  }
  buf_puts(o, "</article>\n");
  if (staff) buf_printf(o, "<p><a href=\"%h" BASE "/%lld\">%h</a></p>\n", r->prefix, p.id, T(r, "Muokkaa julkaisua"));
  page_end(r);
}

/* ---- staff ---- */

static void page_admin(web_req *r) {
  publication_filter f = {0, "", "", 0};
  pager p = pager_make(r, publication_count(r->db, &f), PER_PAGE);
  int n = 0;
  publication *v = publication_list(r->db, &r->mem, &f, p.per_page, pager_offset(&p), &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Julkaisut"), "publications-admin");
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Julkaisut"));
  pubs_admin_tabs(r, "publications");
  pubs_done_notice(r);
  buf_printf(o, "<p><a class=\"button\" href=\"%h" BASE "/uusi\">%h</a></p>\n", r->prefix, T(r, "Uusi julkaisu"));
  static const char *const heads[] = {"Julkaisu", "Vuosi", "Tyyppi", "Kieli", "Tiedosto", "Tila"};
  pager_table_begin(r, T(r, "Julkaisut"), heads, 6, 1);
  for (int i = 0; i < n; i++) {
    buf_printf(o,
               "<tr><td><a href=\"%h" BASE "/%lld\" lang=\"%h\">%h</a></td><td class=\"num\">%d</td><td>%h</td>"
               "<td>%h</td><td>",
               r->prefix, v[i].id, v[i].lang, v[i].title, v[i].year, T(r, publication_type_name(v[i].type)),
               T(r, publication_lang_name(v[i].lang)));
    if (v[i].file_id) {
      buf_puts(o, "PDF, ");
      pubs_size_write(&r->out, v[i].file_size);
    } else {
      buf_printf(o, "%h", T(r, "ei tiedostoa"));
    }
    if (v[i].published_at)
      buf_printf(o, "</td><td>%h %D</td></tr>\n", T(r, "Julkaistu"), v[i].published_at);
    else
      buf_printf(o, "</td><td>%h</td></tr>\n", T(r, "Luonnos"));
  }
  web_table_end(r);
  if (!n) buf_printf(o, "<p>%h</p>\n", T(r, "Julkaisuja ei ole vielä."));
  pager_write(r, &p, BASE);
  page_end(r);
}

/* The editor of p (p->id 0: a new one), with err beside its fields. */
static void edit_form(web_req *r, const publication *p, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *title = p->id ? T(r, "Muokkaa julkaisua") : T(r, "Uusi julkaisu");
  page_begin(r, title, "publications-admin");
  buf_printf(o, "<p><a href=\"%h" BASE "\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Julkaisut"), title);
  pubs_done_notice(r);
  form_errors(&f);
  if (p->id)
    buf_printf(o,
               "<form method=\"post\" action=\"%h" BASE "/%lld\" class=\"form\" enctype=\"multipart/form-data\" "
               "novalidate>\n",
               r->prefix, p->id);
  else
    buf_printf(o,
               "<form method=\"post\" action=\"%h" BASE "/uusi\" class=\"form\" enctype=\"multipart/form-data\" "
               "novalidate>\n",
               r->prefix);
  web_csrf_field(r);
  char year[8] = "";
  if (p->year) snprintf(year, sizeof year, "%d", p->year);
  form_input(&f, "text", "title", T(r, "Otsikko"), p->title, 1, T(r, "Julkaisun omalla kielellä."));
  form_input(&f, "text", "authors", T(r, "Tekijät"), p->authors, 0, T(r, "Esim. Kunteko 2020 -ohjelma tai MDI Oy."));
  form_input(&f, "text", "year", T(r, "Vuosi"), year, 1, NULL);
  form_select(&f, "type", T(r, "Tyyppi"), p->type, type_opts(r), PUBLICATION_NTYPES, 1, T(r, "Valitse"));
  form_select(&f, "lang", T(r, "Kieli"), p->lang, lang_opts(r), 3, 1, T(r, "Valitse"));
  form_textarea(&f, "summary", T(r, "Tiivistelmä"), p->summary, 0,
                T(r, "Markdown-muodossa. Tiivistelmäsivu on PDF:n HTML-vaihtoehto: kerro julkaisun keskeinen sisältö."),
                12);
  buf hint = BUF_INIT;
  if (p->file_id) {
    buf_printf(&hint, "%r %r (", T(r, "Nykyinen tiedosto:"), p->file_name);
    pubs_size_write(&hint, p->file_size);
    buf_printf(&hint, "). %r", T(r, "Uusi tiedosto korvaa sen."));
  }
  buf_printf(&hint, "%r%r", hint.len ? " " : "", T(r, "PDF, enintään 20 Mt. Sisältö tarkistetaan."));
  form_input(&f, "file", "file", T(r, "PDF-tiedosto"), "", 0, hint.data);
  buf_free(&hint);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div>\n</form>\n", T(r, "Tallenna"));
  if (p->id) {
    buf_printf(o, "<h2>%h</h2>\n<p>%h</p>\n", T(r, "Julkaiseminen"),
               p->published_at ? T(r, "Julkaisu on julkinen.") : T(r, "Julkaisu ei ole julkinen."));
    buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/%lld/julkaisu\">\n", r->prefix, p->id);
    web_csrf_field(r);
    buf_printf(o, "<input type=\"hidden\" name=\"on\" value=\"%d\"><button type=\"submit\">%h</button>",
               !p->published_at, p->published_at ? T(r, "Poista julkaisusta") : T(r, "Julkaise"));
    if (p->published_at)
      buf_printf(o, " <a href=\"%h/julkaisut/%lld\">%h</a>", r->prefix, p->id, T(r, "Näytä julkinen sivu"));
    buf_printf(o, "\n</form>\n<p><a class=\"danger\" href=\"%h" BASE "/%lld/poista\">%h</a></p>\n", r->prefix, p->id,
               T(r, "Poista julkaisu"));
  }
  page_end(r);
}

static void page_new(web_req *r) {
  publication p = {0};
  p.title = p.authors = p.summary = p.type = "";
  p.lang = "fi";
  edit_form(r, &p, NULL);
}

static void page_edit(web_req *r) {
  publication p;
  if (!publication_get(r->db, &r->mem, r->id, &p))
    web_error(r, 404, T(r, "Julkaisua ei löytynyt."));
  else
    edit_form(r, &p, NULL);
}

static void page_save(web_req *r) {
  publication p = {0};
  if (r->id && !publication_get(r->db, &r->mem, r->id, &p)) {
    web_error(r, 404, T(r, "Julkaisua ei löytynyt."));
    return;
  }
  p.id = r->id;
  p.title = (char *)web_field(r, "title");
  p.authors = (char *)web_field(r, "authors");
  p.type = (char *)web_field(r, "type");
  p.lang = (char *)web_field(r, "lang");
  p.summary = (char *)web_field(r, "summary");
  const char *year = web_field(r, "year");
  long long y = 0;
  p.year = util_parse_int(year, 1900, 2100, &y) == K_OK ? (int)y : 0;
  const web_file *file = web_upload(r, "file");
  if (file && !*file->filename && !file->len) file = NULL; /* the field left empty */
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e);
  if (fresh && !r->id && !file) { /* a new publication needs its PDF: its other fields are checked with it */
    publication_check(&p, &e);
    kerr_add(&e, "file", N_("Valitse julkaisun PDF-tiedosto."));
  }
  long long id = fresh && !e.msg ? publication_save(r->db, &p, file ? file->filename : NULL, file ? file->data : NULL,
                                                    file ? file->len : 0, r->user.email, &e)
                                 : 0;
  if (id) {
    web_changed();
    web_redirectf(r, BASE "/%lld?done=saved", id);
  } else {
    edit_form(r, &p, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

static void page_publish(web_req *r) {
  publication p;
  if (!publication_get(r->db, &r->mem, r->id, &p)) {
    web_error(r, 404, T(r, "Julkaisua ei löytynyt."));
    return;
  }
  int on = !strcmp(web_field(r, "on"), "1");
  kerr e = {0};
  if (publication_publish(r->db, r->id, on, r->user.email, &e) == K_OK) {
    web_changed();
    web_redirectf(r, BASE "/%lld?done=%r", r->id, on ? "published" : "unpublished");
  } else {
    edit_form(r, &p, &e);
    r->status = 422;
  }
  kerr_clear(&e);
}

static void page_delete(web_req *r) {
  publication p;
  if (!publication_get(r->db, &r->mem, r->id, &p)) {
    web_error(r, 404, T(r, "Julkaisua ei löytynyt."));
    return;
  }
  if (confirmed_delete(r, publication_delete, BASE "?done=deleted")) return;
  char action[64], back[64];
  snprintf(action, sizeof action, BASE "/%lld/poista", r->id);
  snprintf(back, sizeof back, BASE "/%lld", r->id);
  buf what = BUF_INIT;
  buf_printf(&what, "%r: %r", T(r, "Poistetaan julkaisu ja sen PDF-tiedosto"), p.title);
  confirm_spec c = {
      T(r, "Poistetaanko julkaisu?"), what.data, action, NULL, 0, T(r, "Poista julkaisu"), back, "publications-admin"};
  confirm_page(r, &c);
  buf_free(&what);
}

const route publications_routes[] = {
    {"GET", "/julkaisut", page_list, .flags = ROUTE_PUBLIC | ROUTE_CACHE,
     .menu = {ROUTE_NAV_MAIN, 9, "publications", N_("Julkaisut")}},
    {"GET", "/julkaisut/{id}", page_publication, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", BASE, page_admin, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 15, "publications-admin", N_("Julkaisut")}},
    {"GET", BASE "/uusi", page_new, .flags = ROUTE_ANY_STAFF},
    {"POST", BASE "/uusi", page_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM | ROUTE_UPLOAD},
    {"GET", BASE "/{id}", page_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", BASE "/{id}", page_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM | ROUTE_UPLOAD},
    {"POST", BASE "/{id}/julkaisu", page_publish, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", BASE "/{id}/poista", page_delete, .flags = ROUTE_ANY_STAFF},
    {"POST", BASE "/{id}/poista", page_delete, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
