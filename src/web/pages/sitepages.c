/* sitepages: the accessibility statement /saavutettavuus, the privacy notice /tietosuoja and the programme's own pages
 * /sivu/SLUG, their staff editor and the main menu's order (/hallinta/sivut), and the translations of theme names
 * (/hallinta/teemat). */
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

/* The navigation id of a site page: "page:SLUG" (layout.c marks its menu item current). */
static const char *page_active(web_req *r, const char *slug) {
  size_t n = strlen(slug) + 6;
  char *id = arena_alloc(&r->mem, n);
  snprintf(id, n, "page:%s", slug);
  return id;
}

static void site_page_write(web_req *r, const site_page *p) {
  buf *o = &r->out;
  page_begin(r, p->t_title.text, page_active(r, p->slug));
  buf_puts(o, "<article class=\"site-page\">\n");
  tr_write(r, "h1", NULL, &p->t_title);
  buf_printf(o, "\n<div class=\"site-text\"%r>\n", tr_lang(&p->t_body));
  markdown_write(r, p->t_body.text);
  buf_puts(o, "</div>\n");
  if (p->updated_at) buf_printf(o, "<p class=\"meta\">%h %D</p>\n", T(r, "Päivitetty"), p->updated_at);
  buf_puts(o, "</article>\n");
  page_end(r);
}

/* /saavutettavuus and /tietosuoja: Kehto's own pages. */
static void page_site(web_req *r) {
  site_page *p = sitepage_builtin(last_segment(r)) ? sitepage_get(r->db, &r->mem, last_segment(r), r->lang) : NULL;
  if (!p) {
    web_error(r, 404, T(r, "Sivua ei ole."));
    return;
  }
  site_page_write(r, p);
}

/* /sivu/SLUG: a page staff made; /sivu/tietosuoja goes to /tietosuoja. */
static void page_custom(web_req *r) {
  const char *slug = last_segment(r);
  if (sitepage_builtin(slug)) {
    web_redirectf(r, "/%r", slug);
    return;
  }
  site_page *p = sitepage_get(r->db, &r->mem, slug, r->lang);
  if (!p) {
    web_error(r, 404, T(r, "Sivua ei ole."));
    return;
  }
  site_page_write(r, p);
}

/* ---- staff: the list, the menu's order, the editor, deleting ---- */

/* The public address of a page (without the language prefix), in the request arena. */
static const char *page_path(web_req *r, const char *slug) {
  size_t n = strlen(slug) + 8;
  char *path = arena_alloc(&r->mem, n);
  snprintf(path, n, "%s%s", sitepage_builtin(slug) ? "/" : "/sivu/", slug);
  return path;
}

/* One small form of the menu column: a button that posts slug and op to /hallinta/sivut/valikko; focused (autofocus)
 * when focus is set, so that a keyboard user who moved a page is still on its button after the page reloads. */
static void menu_button(web_req *r, const site_page *p, const char *op, const char *label, const char *what,
                        int focus) {
  buf_printf(&r->out,
             "<form method=\"post\" action=\"%h/hallinta/sivut/valikko\" class=\"inline\">"
             "<input type=\"hidden\" name=\"slug\" value=\"%h\"><input type=\"hidden\" name=\"op\" value=\"%h\">",
             r->prefix, p->slug, op);
  web_csrf_field(r);
  buf_printf(&r->out,
             "<button type=\"submit\" class=\"secondary\" id=\"%h-%h\"%r>%h<span class=\"visually-hidden\">: %h"
             "</span></button></form>",
             op, p->slug, focus ? " autofocus" : "", label, what);
}

/* The menu place and the buttons of page p. After a move (?moved=SLUG&op=OP) the same button of the moved page is
 * focused, or its other one when the page reached an end of the menu. */
static void menu_cell(web_req *r, const site_page *p, int first, int last) {
  buf *o = &r->out;
  const char *title = p->title[0], *op = web_field(r, "op");
  int moved = !strcmp(web_field(r, "moved"), p->slug);
  if (p->menu_position) {
    buf_printf(o, "<td class=\"num\">%lld</td><td><div class=\"actions\">", p->menu_position);
    int up = moved && (!strcmp(op, "up") || (!strcmp(op, "down") && last)) && !first;
    int down = moved && !up && !last;
    if (!first) menu_button(r, p, "up", T(r, "Ylös"), title, up);
    if (!last) menu_button(r, p, "down", T(r, "Alas"), title, down);
    menu_button(r, p, "out", T(r, "Pois valikosta"), title, moved && first && last);
  } else {
    buf_printf(o, "<td class=\"num\">–</td><td><div class=\"actions\">");
    menu_button(r, p, "in", T(r, "Valikkoon"), title, moved);
  }
  if (p->custom)
    buf_printf(o, "<a href=\"%h/hallinta/sivut/poista/%h\">%h<span class=\"visually-hidden\">: %h</span></a>",
               r->prefix, p->slug, T(r, "Poista"), title);
  buf_puts(o, "</div></td>");
}

static void page_sites_admin(web_req *r) {
  int n = 0;
  site_page *v = sitepage_list(r->db, &r->mem, &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Sivut"), "programme");
  buf_printf(o, "<p><a href=\"%h/hallinta/ohjelma\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Ohjelma"),
             T(r, "Sivut"));
  const char *done = web_field(r, "done");
  static const struct {
    const char *done, *text;
  } notices[] = {{"saved", N_("Sivu tallennettu.")},
                 {"created", N_("Sivu luotu.")},
                 {"deleted", N_("Sivu poistettu.")},
                 {"menu", N_("Päävalikko päivitetty.")}};
  for (size_t i = 0; i < sizeof notices / sizeof notices[0]; i++)
    if (!strcmp(done, notices[i].done))
      buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, notices[i].text));
  buf_printf(o, "<p>%h</p>\n<p><a class=\"button\" href=\"%h/hallinta/sivut/uusi\">%h</a></p>\n",
             T(r, "Ohjelman omat sivut näkyvät päävalikossa tässä järjestyksessä. Saavutettavuus- ja "
                  "tietosuojaseloste ovat aina sivun alalaidassa, eikä niitä voi poistaa."),
             r->prefix, T(r, "Uusi sivu"));
  /* every page on one list (a programme has a handful): the menu's order is edited across all of them */
  static const char *const heads[] = {N_("Sivu"), N_("Osoite"), N_("Päivitetty"), N_("Paikka valikossa"),
                                      N_("Toiminnot")};
  pager_table_begin(r, T(r, "Sivut"), heads, 5, 3);
  int nmenu = 0;
  for (int i = 0; i < n; i++) nmenu += v[i].menu_position > 0;
  for (int i = 0, at = 0; i < n; i++) {
    site_page *p = &v[i];
    const char *path = page_path(r, p->slug);
    buf_printf(
        o, "<tr id=\"sivu-%h\"><td><a href=\"%h/hallinta/sivut/%h\">%h</a></td><td><a href=\"%h%h\">%h</a></td><td>",
        p->slug, r->prefix, p->slug, p->title[0], r->prefix, path, path);
    if (p->updated_at)
      buf_printf(o, "%D (%h)", p->updated_at, p->updated_by);
    else
      buf_printf(o, "%h", T(r, "Oletusteksti"));
    buf_puts(o, "</td>");
    int in = p->menu_position > 0;
    menu_cell(r, p, in && at == 0, in && at == nmenu - 1);
    at += in;
    buf_puts(o, "</tr>\n");
  }
  web_table_end(r);
  page_end(r);
}

/* POST /hallinta/sivut/valikko: slug and op (up, down, in, out). */
static void page_menu_post(web_req *r) {
  const char *slug = web_field(r, "slug"), *op = web_field(r, "op");
  kerr e = {0};
  int rc = !strcmp(op, "up") || !strcmp(op, "down")
               ? sitepage_menu_move(r->db, slug, !strcmp(op, "up") ? -1 : 1, r->user.email, &e)
           : !strcmp(op, "in") || !strcmp(op, "out")
               ? sitepage_menu_set(r->db, slug, !strcmp(op, "in"), r->user.email, &e)
               : kerr_set(&e, NULL, N_("Tuntematon toiminto."));
  if (rc == K_OK) {
    web_changed(); /* every cached page has the menu */
    web_redirectf(r, "/hallinta/sivut?done=menu&moved=%U&op=%U", slug, op);
  } else {
    web_error(r, !strcmp(e.msg, "Sivua ei ole.") ? 404 : 409, T(r, e.msg));
  }
  kerr_clear(&e);
}

/* The "in the main menu" checkbox of a new page. */
static void menu_checkbox(web_req *r, int checked) {
  buf_printf(&r->out,
             "<div class=\"field checks\"><label><input type=\"checkbox\" id=\"f-menu\" name=\"menu\" value=\"1\"%r> "
             "%h</label></div>\n",
             checked ? " checked" : "", T(r, "Näytä päävalikossa (viimeisenä)"));
}

static void site_form(web_req *r, const site_page *p, int is_new, int in_menu, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  const char *title = is_new ? T(r, "Uusi sivu") : T(r, "Muokkaa sivua");
  page_begin(r, title, "programme");
  buf_printf(o, "<p><a href=\"%h/hallinta/sivut\">← %h</a></p>\n", r->prefix, T(r, "Sivut"));
  if (is_new)
    buf_printf(o, "<h1>%h</h1>\n", title);
  else
    buf_printf(o, "<h1>%h: <span lang=\"fi\">%h</span></h1>\n", title, p->title[0]);
  form_errors(&f);
  if (!is_new && !p->custom && !p->updated_at)
    buf_printf(o, "<div class=\"notice warning\" role=\"note\"><p>%h</p></div>\n",
               T(r, "Sivulla on Kehdon oletusteksti. Korvaa esimerkkiosoitteet (…@kehto.example) ohjelman omilla "
                    "yhteystiedoilla ja tarkista teksti ennen kuin tallennat."));
  buf_printf(o, "<p class=\"hint\">%h</p>\n",
             T(r, "Teksti kirjoitetaan Markdown-muodossa: ## väliotsikko, - luettelo, **lihavointi**. Tyhjä käännös "
                  "näytetään suomeksi."));
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/sivut/%h\" class=\"form wide\" novalidate>\n", r->prefix,
             is_new ? "uusi" : p->slug);
  web_csrf_field(r);
  if (is_new) {
    form_input(&f, "text", "slug", T(r, "Osoite"), p->slug ? p->slug : "", 0,
               T(r, "Sivun osoite on /sivu/OSOITE: pieniä kirjaimia a–z, numeroita ja väliviivoja. Tyhjä: tehdään "
                    "otsikosta. Osoite ei muutu myöhemmin."));
    menu_checkbox(r, in_menu);
  }
  tr_field fields[] = {{"title", N_("Otsikko"), {p->title[0], p->title[1], p->title[2]}, 0, 1, NULL},
                       {"body", N_("Teksti"), {p->body[0], p->body[1], p->body[2]}, 20, 1, NULL}};
  tr_fieldsets(&f, fields, 2);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button>",
             is_new ? T(r, "Luo sivu") : T(r, "Tallenna"));
  if (!is_new) buf_printf(o, "<a href=\"%h%h\">%h</a>", r->prefix, page_path(r, p->slug), T(r, "Näytä sivu"));
  if (!is_new && p->custom)
    buf_printf(o, "<a href=\"%h/hallinta/sivut/poista/%h\">%h</a>", r->prefix, p->slug, T(r, "Poista sivu"));
  buf_puts(o, "</div>\n</form>\n");
  page_end(r);
}

static void page_site_edit(web_req *r) {
  site_page *p = sitepage_get(r->db, &r->mem, last_segment(r), "fi");
  if (!p)
    web_error(r, 404, T(r, "Sivua ei ole."));
  else
    site_form(r, p, 0, 0, NULL);
}

static void read_texts(web_req *r, site_page *p) {
  static const char *const tf[] = {"title", "title_sv", "title_en"}, *const bf[] = {"body", "body_sv", "body_en"};
  for (int i = 0; i < 3; i++) {
    p->title[i] = (char *)web_field(r, tf[i]);
    p->body[i] = (char *)web_field(r, bf[i]);
  }
}

static void page_site_save(web_req *r) {
  site_page *p = sitepage_get(r->db, &r->mem, last_segment(r), "fi");
  if (!p) {
    web_error(r, 404, T(r, "Sivua ei ole."));
    return;
  }
  read_texts(r, p);
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  if (fresh && sitepage_save(r->db, p, r->user.email, &e) == K_OK) {
    web_changed(); /* drops the cached public page */
    web_redirectf(r, "/hallinta/sivut?done=saved");
  } else {
    site_form(r, p, 0, 0, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

static void page_site_new(web_req *r) {
  site_page p = {.slug = ""};
  for (int i = 0; i < 3; i++) p.title[i] = p.body[i] = "";
  site_form(r, &p, 1, 1, NULL);
}

static void page_site_create(web_req *r) {
  site_page p = {.slug = web_field(r, "slug")};
  read_texts(r, &p);
  int in_menu = *web_field(r, "menu") != 0;
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e);
  const char *slug = fresh ? sitepage_create(r->db, &r->mem, &p, in_menu, r->user.email, &e) : NULL;
  if (slug) {
    web_changed();
    web_redirectf(r, "/hallinta/sivut?done=created#sivu-%U", slug);
  } else {
    site_form(r, &p, 1, in_menu, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

static void page_site_delete(web_req *r) {
  site_page *p = sitepage_get(r->db, &r->mem, last_segment(r), "fi");
  if (!p) {
    web_error(r, 404, T(r, "Sivua ei ole."));
    return;
  }
  if (!p->custom) {
    web_error(r, 409, T(r, "Saavutettavuusselostetta ja tietosuojaselostetta ei voi poistaa."));
    return;
  }
  if (!strcmp(r->method, "POST") && confirm_posted(r)) {
    kerr e = {0};
    if (sitepage_delete(r->db, p->slug, r->user.email, &e) == K_OK) {
      web_changed();
      web_redirectf(r, "/hallinta/sivut?done=deleted");
    } else {
      web_error(r, 409, T(r, e.msg));
    }
    kerr_clear(&e);
    return;
  }
  buf what = BUF_INIT, action = BUF_INIT, back = BUF_INIT;
  buf_printf(&what, "%r %r (%r).", T(r, "Poistetaan sivu"), p->title[0], page_path(r, p->slug));
  buf_printf(&action, "/hallinta/sivut/poista/%r", p->slug);
  buf_printf(&back, "/hallinta/sivut/%r", p->slug);
  confirm_spec c = {T(r, "Poistetaanko sivu?"), what.data, action.data, NULL, 0,
                    T(r, "Poista sivu"),        back.data, "programme"};
  confirm_page(r, &c);
  buf_free(&what);
  buf_free(&action);
  buf_free(&back);
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
    {"GET", "/sivu/{file}", page_custom, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/hallinta/sivut", page_sites_admin, .flags = ROUTE_ANY_STAFF},
    {"GET", "/hallinta/sivut/uusi", page_site_new, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/sivut/uusi", page_site_create, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"POST", "/hallinta/sivut/valikko", page_menu_post, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/sivut/poista/{file}", page_site_delete, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/sivut/poista/{file}", page_site_delete, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/sivut/{file}", page_site_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/sivut/{file}", page_site_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hallinta/teemat", page_themes, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/teemat", page_themes_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {0},
};
