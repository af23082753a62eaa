/* sitepages: the accessibility statement /saavutettavuus and the privacy notice /tietosuoja, their staff editor
 * (/hallinta/sivut), and the translations of theme names (/hallinta/teemat). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/sitepage.h"
#include "model/themelist.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/sitepages.h"
#include "web/widgets.h"

#define THEMES_PER_PAGE 50

/* The slug at the end of the path ("/hallinta/sivut/tietosuoja" → "tietosuoja"). */
static const char *last_segment(web_req *r) {
  const char *slash = strrchr(r->path, '/');
  return slash ? slash + 1 : "";
}

static void saved_notice(web_req *r, const char *text) {
  if (!strcmp(web_field(r, "done"), "saved"))
    buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", text);
}

/* ---- the public pages ---- */

static void page_site(web_req *r) {
  site_page *p = sitepage_get(r->db, &r->mem, last_segment(r), r->lang);
  if (!p) {
    web_error(r, 404, T(r, "Sivua ei ole."));
    return;
  }
  buf *o = &r->out;
  page_begin(r, p->t_title.text, p->slug);
  buf_puts(o, "<article class=\"site-page\">\n");
  tr_write(r, "h1", NULL, &p->t_title);
  buf_printf(o, "\n<div class=\"site-text\"%r>\n", tr_lang(&p->t_body));
  markdown_write(r, p->t_body.text);
  buf_puts(o, "</div>\n");
  if (p->updated_at) buf_printf(o, "<p class=\"meta\">%h %D</p>\n", T(r, "Päivitetty"), p->updated_at);
  buf_puts(o, "</article>\n");
  page_end(r);
}

/* ---- staff: the list and the editor ---- */

static void page_sites_admin(web_req *r) {
  int n = 0;
  const char *const *slugs = sitepage_slugs(&n);
  page_begin(r, T(r, "Sivut"), "programme");
  buf_printf(&r->out, "<p><a href=\"%h/hallinta/ohjelma\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Ohjelma"),
             T(r, "Sivut"));
  saved_notice(r, T(r, "Sivu tallennettu."));
  static const char *const heads[] = {"Sivu", "Osoite", "Päivitetty"};
  pager_table_begin(r, T(r, "Sivut"), heads, 3, -1);
  for (int i = 0; i < n; i++) {
    site_page *p = sitepage_get(r->db, &r->mem, slugs[i], "fi");
    buf_printf(&r->out, "<tr><td><a href=\"%h/hallinta/sivut/%h\">%h</a></td><td><a href=\"%h/%h\">/%h</a></td><td>",
               r->prefix, p->slug, p->title[0], r->prefix, p->slug, p->slug);
    if (p->updated_at)
      buf_printf(&r->out, "%D (%h)", p->updated_at, p->updated_by);
    else
      buf_printf(&r->out, "%h", T(r, "Oletusteksti"));
    buf_puts(&r->out, "</td></tr>\n");
  }
  web_table_end(r);
  page_end(r);
}

static void site_form(web_req *r, const site_page *p, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *title = T(r, "Muokkaa sivua");
  page_begin(r, title, "programme");
  buf_printf(o, "<p><a href=\"%h/hallinta/sivut\">← %h</a></p>\n<h1>%h: <span lang=\"fi\">%h</span></h1>\n", r->prefix,
             T(r, "Sivut"), title, p->title[0]);
  form_errors(&f);
  if (!p->updated_at)
    buf_printf(o, "<div class=\"notice warning\" role=\"note\"><p>%h</p></div>\n",
               T(r, "Sivulla on Kehdon oletusteksti. Korvaa esimerkkiosoitteet (…@kehto.example) ohjelman omilla "
                    "yhteystiedoilla ja tarkista teksti ennen kuin tallennat."));
  buf_printf(o, "<p class=\"hint\">%h</p>\n",
             T(r, "Teksti kirjoitetaan Markdown-muodossa: ## väliotsikko, - luettelo, **lihavointi**. Tyhjä käännös "
                  "näytetään suomeksi."));
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/sivut/%h\" class=\"form wide\" novalidate>\n", r->prefix,
             p->slug);
  web_csrf_field(r);
  tr_field fields[] = {{"title", N_("Otsikko"), {p->title[0], p->title[1], p->title[2]}, 0, 1, NULL},
                       {"body", N_("Teksti"), {p->body[0], p->body[1], p->body[2]}, 20, 1, NULL}};
  tr_fieldsets(&f, fields, 2);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button><a href=\"%h/%h\">%h</a></div>\n</form>\n",
             T(r, "Tallenna"), r->prefix, p->slug, T(r, "Näytä sivu"));
  page_end(r);
}

static void page_site_edit(web_req *r) {
  site_page *p = sitepage_get(r->db, &r->mem, last_segment(r), "fi");
  if (!p)
    web_error(r, 404, T(r, "Sivua ei ole."));
  else
    site_form(r, p, NULL);
}

static void page_site_save(web_req *r) {
  site_page *p = sitepage_get(r->db, &r->mem, last_segment(r), "fi");
  if (!p) {
    web_error(r, 404, T(r, "Sivua ei ole."));
    return;
  }
  static const char *const tf[] = {"title", "title_sv", "title_en"}, *const bf[] = {"body", "body_sv", "body_en"};
  for (int i = 0; i < 3; i++) {
    p->title[i] = (char *)web_field(r, tf[i]);
    p->body[i] = (char *)web_field(r, bf[i]);
  }
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  if (fresh && sitepage_save(r->db, p, r->user.email, &e) == K_OK) {
    web_changed(); /* drops the cached public page */
    web_redirectf(r, "/hallinta/sivut?done=saved");
  } else {
    site_form(r, p, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

/* ---- staff: theme names in Swedish and English ---- */

/* The form field of theme id in language suffix ("sv" or "en"), in the request arena. */
static const char *theme_field(web_req *r, long long id, const char *lang) {
  char *name = arena_alloc(&r->mem, 40);
  snprintf(name, 40, "%s_%lld", lang, id);
  return name;
}

/* One cell's input: labelled (for screen readers) with the theme and the language, its error beside it. */
static void theme_input(web_req *r, const kerr *err, const theme_row *t, const char *lang, const char *value,
                        const char *in) {
  const char *name = theme_field(r, t->id, lang);
  const kerr *bad = form_field_error(err, name);
  buf_printf(&r->out, "<td class=\"field%r\"><label class=\"visually-hidden\" for=\"f-%h\">%h %h</label>",
             bad ? " invalid" : "", name, t->name, in);
  if (bad) buf_printf(&r->out, "<span class=\"error\" id=\"e-%h\">%h</span>", name, T(r, bad->msg));
  buf_printf(&r->out, "<input type=\"text\" id=\"f-%h\" name=\"%h\" value=\"%h\" lang=\"%h\"%r%r%r></td>", name, name,
             value, lang, bad ? " aria-invalid=\"true\" aria-describedby=\"e-" : "", bad ? name : "", bad ? "\"" : "");
}

static void themes_page(web_req *r, int posted, const kerr *err) {
  pager p = pager_make(r, themelist_count(r->db), THEMES_PER_PAGE);
  int n = 0;
  theme_row *v = themelist_rows(r->db, &r->mem, "fi", p.per_page, pager_offset(&p), &n);
  form_ctx f = {r, err};
  page_begin(r, T(r, "Teemojen käännökset"), "programme");
  buf_printf(&r->out, "<p><a href=\"%h/hallinta/ohjelma\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Ohjelma"),
             T(r, "Teemojen käännökset"));
  saved_notice(r, T(r, "Käännökset tallennettu."));
  buf_printf(&r->out, "<p>%h</p>\n",
             T(r, "Teemat syntyvät suomeksi palveluista, valmentajista ja teoista. Ruotsin- ja englanninkielisillä "
                  "sivuilla näytetään käännös tai, jos sitä ei ole, suomenkielinen nimi."));
  form_errors(&f);
  buf_printf(&r->out, "<form method=\"post\" action=\"%h/hallinta/teemat?page=%d\" class=\"form wide\" novalidate>\n",
             r->prefix, p.page);
  web_csrf_field(r);
  static const char *const heads[] = {"Teema (suomeksi)", "Ruotsiksi", "Englanniksi"};
  pager_table_begin(r, T(r, "Teemat"), heads, 3, -1);
  for (int i = 0; i < n; i++) {
    const theme_row *t = &v[i];
    const char *sv = posted ? web_field(r, theme_field(r, t->id, "sv")) : t->name_sv;
    const char *en = posted ? web_field(r, theme_field(r, t->id, "en")) : t->name_en;
    buf_printf(&r->out, "<tr><th scope=\"row\" lang=\"fi\">%h</th>", t->name);
    theme_input(r, err, t, "sv", sv, T(r, "ruotsiksi"));
    theme_input(r, err, t, "en", en, T(r, "englanniksi"));
    buf_puts(&r->out, "</tr>\n");
  }
  web_table_end(r);
  if (n) buf_printf(&r->out, "<button type=\"submit\">%h</button>\n", T(r, "Tallenna"));
  buf_puts(&r->out, "</form>\n");
  pager_write(r, &p, "/hallinta/teemat");
  page_end(r);
}

static void page_themes(web_req *r) {
  themes_page(r, 0, NULL);
}

/* Saves every theme whose fields were posted ("sv_ID" and "en_ID"), all or nothing. */
static int save_themes(web_req *r, kerr *e) {
  for (int i = 0; i < r->nform; i++) {
    long long id = 0;
    if (strncmp(r->form[i].key, "sv_", 3) || util_parse_int(r->form[i].key + 3, 1, 1LL << 53, &id) != K_OK) continue;
    const char *fsv = theme_field(r, id, "sv"), *fen = theme_field(r, id, "en");
    themelist_translate(r->db, id, web_field(r, fsv), web_field(r, fen), fsv, fen, e);
  }
  return e->msg ? K_ERR : K_OK;
}

static void page_themes_save(web_req *r) {
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e);
  int rc = fresh && db_begin(r->db) == DB_OK ? save_themes(r, &e) : K_ERR;
  if (fresh && rc == K_OK && db_commit(r->db) == DB_OK) {
    web_changed();
    web_redirectf(r, "/hallinta/teemat?page=%d&done=saved", pager_requested(r));
  } else {
    if (fresh) db_rollback(r->db);
    if (!e.msg) kerr_storage(&e, "Teemojen tallennus", db_errmsg(r->db));
    themes_page(r, 1, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

const route sitepages_routes[] = {
    {"GET", "/saavutettavuus", page_site, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/tietosuoja", page_site, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/hallinta/sivut", page_sites_admin, .flags = ROUTE_ANY_STAFF},
    {"GET", "/hallinta/sivut/{file}", page_site_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/sivut/{file}", page_site_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hallinta/teemat", page_themes, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/teemat", page_themes_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {0},
};
