/* layout: the one page frame: head, header with navigation and language switch, main, footer; table frames. */
#include <stdio.h>
#include <string.h>

#include "web/routes.h"
#include "web/web.h"
#include "web/widgets.h"
#include "model/programme.h"
#include "model/sitepage.h"

static const struct {
  const char *code, *prefix, *name;
} LANGS[] = {{"fi", "", "Suomi"}, {"sv", "/sv", "Svenska"}, {"en", "/en", "English"}};

static void nav_item(web_req *r, const char *href, const char *label, const char *id, const char *active) {
  buf_printf(&r->out, "<li><a href=\"%h%h\"%r>%h</a></li>", r->prefix, href,
             strcmp(id, active) == 0 ? " aria-current=\"page\"" : "", label);
}

/* Writes the menu group's routes (ROUTE_NAV_*, from the route table) that the user may use, in order; a contact's
 * "{org}" is their own organisation. Returns how many it wrote. */
static int nav_items(web_req *r, int group, const char *active) {
  const route *items[ROUTES_MENU_MAX];
  size_t n = routes_menu(group, items, sizeof items / sizeof items[0]);
  int written = 0;
  for (size_t i = 0; i < n; i++) {
    if (!routes_allows(items[i], &r->user)) continue; /* an admin's page in the staff menu, say */
    const char *href = items[i]->pattern, *org = strstr(href, "{org}");
    char buf_href[96];
    if (org) {
      snprintf(buf_href, sizeof buf_href, "%.*s%lld%s", (int)(org - href), href, r->user.org_id, org + 5);
      href = buf_href;
    }
    nav_item(r, href, T(r, items[i]->menu.label), items[i]->menu.id, active);
    written++;
  }
  return written;
}

/* The programme's pages staff put in the main menu (/hallinta/sivut), in their order, after the routes' items. A page
 * is active when its handler passed "page:SLUG" (pages/sitepages.c). */
static void page_items(web_req *r, const programme_frame *p, const char *active) {
  for (int i = 0; p && i < p->npages; i++) {
    const struct programme_frame_page *g = &p->pages[i];
    int current = active && !strncmp(active, "page:", 5) && !strcmp(active + 5, g->slug);
    buf_printf(&r->out, "<li><a href=\"%h%r%h\"%r%r>%h</a></li>", r->prefix, sitepage_builtin(g->slug) ? "/" : "/sivu/",
               g->slug, current ? " aria-current=\"page\"" : "", tr_lang(&g->title), g->title.text);
  }
}

static void lang_switch(web_req *r) {
  buf q = BUF_INIT;
  web_query_string(r, &q);
  buf_printf(&r->out, "<nav class=\"lang\" aria-label=\"%h\"><ul>", T(r, "Kieli"));
  for (size_t i = 0; i < sizeof LANGS / sizeof LANGS[0]; i++) {
    /* a path like "//host" or "/\host" would make the link leave the site: switch to the front page instead */
    int odd = r->path[0] != '/' || r->path[1] == '/' || strchr(r->path, '\\');
    const char *path = odd ? "/" : strcmp(r->path, "/") == 0 && *LANGS[i].prefix ? "" : r->path;
    if (strcmp(r->lang, LANGS[i].code) == 0)
      buf_printf(&r->out, "<li><span aria-current=\"true\" lang=\"%h\">%h</span></li>", LANGS[i].code, LANGS[i].name);
    else
      buf_printf(&r->out, "<li><a href=\"%h%h%h\" lang=\"%h\" hreflang=\"%h\">%h</a></li>", LANGS[i].prefix, path,
                 q.data ? q.data : "", LANGS[i].code, LANGS[i].code, LANGS[i].name);
  }
  buf_puts(&r->out, "</ul></nav>");
  buf_free(&q);
}

/* The programme frame, read once per request (page_begin and page_end both need it) into the request's arena, or
 * NULL when the database is not available (an error page still gets a frame). */
static programme_frame *frame(web_req *r) {
  if (!r->frame && r->db) r->frame = programme_frame_get(r->db, &r->mem, r->lang);
  return r->frame;
}

static tr short_name(const programme_frame *p) {
  return p && *p->short_name.text ? p->short_name : (tr){"Kehto", 0};
}

/* The signed-in user's own row under the public menu: a second, separately named navigation (staff pages, or an
 * organisation contact's applications and people), who is signed in, and signing out. Plain links and a form, so it
 * works without JavaScript and by keyboard. The menu sits in a <details> that is open in the HTML; its summary shows
 * only on a phone, where kehto.js folds it (without the script it stays open and wraps). */
static void user_bar(web_req *r, const char *active) {
  buf *o = &r->out;
  int staff = user_is_staff(&r->user);
  const char *label = staff                           ? T(r, "Hallinta")
                      : !strcmp(r->user.role, "jury") ? T(r, "Raati") /* the jury's menu: /raati (pages/jury.c) */
                                                      : T(r, "Oma asiointi");
  buf_puts(o, "<div class=\"userbar\"><div class=\"wrap\">\n");
  size_t menu_at = o->len;
  buf_printf(o,
             "<details class=\"usermenu\" open><summary>%h</summary><nav class=\"staff\" aria-labelledby=\"userbar-h\">"
             "<span id=\"userbar-h\" class=\"bar-label\">%h</span><ul>",
             label, label);
  int items = nav_items(r, ROUTE_NAV_USER, active);
  if (!strcmp(r->user.role, "contact")) /* an organisation's contact: its own people */
    items += nav_items(r, ROUTE_NAV_CONTACT, active);
  else /* staff, and the staff pages an evaluator or the jury may use (nav_items leaves out the others) */
    items += nav_items(r, ROUTE_NAV_STAFF, active);
  if (items) {
    buf_puts(o, "</ul></nav></details>\n");
  } else { /* a role with no pages of its own: no empty menu */
    o->len = menu_at;
    o->data[menu_at] = 0;
  }
  buf_printf(o,
             "<form method=\"post\" action=\"%h/kirjaudu-ulos\" class=\"signout\">"
             "<span class=\"who\">%h</span> <a href=\"%h/tili/salasana\"%r>%h</a> ",
             r->prefix, r->user.email, r->prefix, active && !strcmp(active, "account") ? " aria-current=\"page\"" : "",
             T(r, "Vaihda salasana"));
  web_csrf_field(r);
  buf_printf(o, "<button type=\"submit\" class=\"link\">%h</button></form>\n</div></div>\n", T(r, "Kirjaudu ulos"));
}

void page_begin(web_req *r, const char *title, const char *active) {
  programme_frame *p = frame(r);
  buf *o = &r->out;
  buf_printf(o,
             "<!doctype html>\n<html lang=\"%h\">\n<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<title>%h – %h</title>\n<link rel=\"stylesheet\" href=\"/static/kehto.css\">\n"
             "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/tekot.atom\" title=\"%h\">\n"
             /* the news feed too, in the page's language, so feed readers find it to subscribe (#15) */
             "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"%h/uutiset.atom\" title=\"%h\">\n"
             "</head>\n<body>\n<a class=\"skip\" href=\"#main\">%h</a>\n",
             r->lang, title, short_name(p).text, T(r, "Tekojen tori: uusimmat teot"), r->prefix,
             T(r, "Ohjelman uutiset"), T(r, "Siirry sisältöön"));
  buf_puts(o, "<header class=\"site\">\n");
  /* inside the banner landmark, so screen-reader users moving by landmarks do not miss it */
  if (p && p->demo)
    buf_printf(o, "<p class=\"demo\">%h</p>\n",
               T(r, "Tämä on esittelyaineisto: ohjelma, organisaatiot ja teot ovat keksittyjä."));
  tr brand = short_name(p);
  buf_printf(o, "<div class=\"wrap\">\n<a class=\"brand\" href=\"%h/\"%r>%h</a>\n", r->prefix, tr_lang(&brand),
             brand.text);
  buf_printf(o, "<nav class=\"main\" aria-label=\"%h\"><ul>", T(r, "Päävalikko"));
  nav_items(r, ROUTE_NAV_MAIN, active);
  page_items(r, p, active);
  if (!r->user.id) nav_items(r, ROUTE_NAV_ANON, active);
  buf_puts(o, "</ul></nav>\n");
  lang_switch(r);
  buf_puts(o, "\n</div>\n");
  if (r->user.id) user_bar(r, active);
  buf_puts(o, "</header>\n<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n");
}

/* Writes "Label: a, b, c" for the partners of one kind. */
static void partner_line(web_req *r, const programme_frame *p, const char *kind, const char *label) {
  int n = 0;
  for (int i = 0; i < p->npartners; i++) {
    if (strcmp(p->partners[i].kind, kind) != 0) continue;
    if (n++)
      buf_printf(&r->out, ", %h", p->partners[i].name);
    else
      buf_printf(&r->out, "<p>%h: %h", label, p->partners[i].name);
  }
  if (n) buf_puts(&r->out, "</p>\n");
}

void page_end(web_req *r) {
  programme_frame *p = frame(r);
  buf *o = &r->out;
  tr name = p && *p->name.text ? p->name : (tr){"Kehto", 0};
  buf_printf(o, "</main>\n<footer class=\"site\"><div class=\"wrap\">\n<p><strong%r>%h</strong></p>\n", tr_lang(&name),
             name.text);
  if (p) {
    partner_line(r, p, "funder", T(r, "Rahoittajat"));
    partner_line(r, p, "partner", T(r, "Kumppanit"));
  }
  buf_printf(
      o,
      "<p><a href=\"%h/saavutettavuus\">%h</a> · <a href=\"%h/tietosuoja\">%h</a> · <a href=\"%h/tekot.atom\">%h</a>"
      " · <a href=\"/api/v1/openapi.json\">%h</a></p>\n",
      r->prefix, T(r, "Saavutettavuusseloste"), r->prefix, T(r, "Tietosuojaseloste"), r->prefix, T(r, "Syöte (Atom)"),
      T(r, "Avoin rajapinta"));
  buf_puts(o, "</div></footer>\n<script src=\"/static/kehto.js\" defer></script>\n</body>\n</html>\n");
}

void web_table_begin(web_req *r, const char *cls, const char *caption, int hide_caption) {
  buf_printf(&r->out,
             "<div class=\"table-scroll\" role=\"region\" aria-label=\"%h\" tabindex=\"0\">"
             "<table%r%r%r><caption%r>%h</caption>\n",
             caption, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "",
             hide_caption ? " class=\"visually-hidden\"" : "", caption);
}

void web_table_end(web_req *r) {
  buf_puts(&r->out, "</tbody></table></div>\n");
}
