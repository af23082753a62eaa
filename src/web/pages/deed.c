/* deed: the public deed page /tekot/ID and the "post a deed" form /tekot/uusi. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/limit.h"
#include "web/pages/awards.h"
#include "web/pages/deed_form.h"
#include "web/pages/deed.h"
#include "web/widgets.h"

#define POSTS_PER_HOUR 5

static void text_section(web_req *r, const char *heading, const char *text) {
  if (util_blank(text)) return;
  buf_printf(&r->out, "<h2>%h</h2>\n<div class=\"deed-text\"%r>%h</div>\n", heading, web_fi(r), text);
}

static void fact(web_req *r, const char *label, const char *value) {
  if (util_blank(value)) return;
  buf_printf(&r->out, "<dt>%h</dt><dd>%h</dd>\n", label, value);
}

static void participants_fact(web_req *r, const char *list) {
  if (util_blank(list)) return;
  buf_printf(&r->out, "<dt>%h</dt><dd>", T(r, "Keitä oli mukana"));
  char *copy = arena_strdup(&r->mem, list), *save = NULL;
  int n = 0;
  for (char *p = strtok_r(copy, ",", &save); p; p = strtok_r(NULL, ",", &save))
    buf_printf(&r->out, "%r%h", n++ ? ", " : "", deed_participant_label(r, p));
  buf_puts(&r->out, "</dd>\n");
}

static void themes_fact(web_req *r, const char *themes) {
  if (util_blank(themes)) return;
  theme_labels tl = theme_labels_get(r);
  buf_printf(&r->out, "<dt>%h</dt><dd>", T(r, "Teemat"));
  theme_tags(r, &tl, themes, 1);
  buf_puts(&r->out, "</dd>\n");
}

static const char *status_label(const char *status) {
  if (!strcmp(status, "published")) return N_("Julkaistu");
  return !strcmp(status, "rejected") ? N_("Hylätty") : N_("Odottaa moderointia");
}

static void staff_panel(web_req *r, const deed *x) {
  buf *o = &r->out;
  buf_printf(o, "<section class=\"notice\" aria-labelledby=\"staff-h\"><h2 id=\"staff-h\">%h</h2><dl class=\"facts\">",
             T(r, "Henkilöstölle"));
  fact(r, T(r, "Tila"), T(r, status_label(x->status)));
  fact(r, T(r, "Hylkäyksen syy"), x->reject_reason);
  fact(r, T(r, "Yhteyshenkilö"), x->contact_name);
  fact(r, T(r, "Sähköposti"), x->contact_email);
  fact(r, T(r, "Tunniste (ref)"), x->ref);
  buf_puts(o, "</dl>");
  moderation_actions(r, x);
  buf_printf(o, "<p><a href=\"%h/hallinta/tekot\">%h</a></p></section>\n", r->prefix, T(r, "Moderointijonoon"));
}

static void page_deed(web_req *r) {
  deed *x = deed_get(r->db, &r->mem, r->id, r->lang);
  int staff = user_is_staff(&r->user);
  if (!x || (!staff && strcmp(x->status, "published") != 0)) {
    web_error(r, 404, T(r, "Tekoa ei löytynyt. Se on ehkä poistettu tai sitä ei ole vielä julkaistu."));
    return;
  }
  buf *o = &r->out;
  page_begin(r, x->title, "deeds");
  buf_printf(o, "<p><a href=\"%h/tekot\">← %h</a></p>\n<article>\n<h1%r>%h</h1>\n", r->prefix, T(r, "Tekojen tori"),
             web_fi(r), x->title);
  buf_printf(o, "<p class=\"meta\">%h", x->org_name);
  if (x->municipality_name && strcmp(x->municipality_name, x->org_name) != 0) /* as in the list */
    buf_printf(o, " · %h", x->municipality_name);
  buf_printf(o, " · %d</p>\n", x->year);
  if (!strcmp(x->status, "published")) award_box_write(r, x->id); /* its awards in published rounds */
  if (staff) staff_panel(r, x);
  buf_puts(o, "<dl class=\"facts\">\n");
  fact(r, T(r, "Toimiala"), x->sector_name);
  fact(r, T(r, "Kunta"), x->municipality_name);
  fact(r, T(r, "Maakunta"), x->region_name);
  char year[16];
  snprintf(year, sizeof year, "%d", x->year);
  fact(r, T(r, "Vuosi"), year);
  fact(r, T(r, "Ohjelman palvelu"), x->service ? T(r, x->service) : NULL);
  participants_fact(r, x->participants);
  themes_fact(r, x->themes);
  buf_puts(o, "</dl>\n");
  text_section(r, T(r, "Tiivistelmä"), x->summary);
  text_section(r, T(r, "Lähtötilanne"), x->starting_point);
  text_section(r, T(r, "Tavoite"), x->goal);
  text_section(r, T(r, "Mitä tehtiin"), x->actions);
  text_section(r, T(r, "Tulokset"), x->results);
  if (x->published_at) buf_printf(o, "<p class=\"meta\">%h %D</p>\n", T(r, "Julkaistu"), x->published_at);
  if (!strcmp(x->status, "published")) award_suggest_link_write(r, x->id); /* the form's "from its own page" */
  buf_puts(o, "</article>\n");
  page_end(r);
}

static void thanks_redirect(web_req *r) {
  buf to = BUF_INIT;
  buf_printf(&to, "%r/tekot/kiitos", r->prefix);
  web_redirect(r, to.data);
  buf_free(&to);
}

static void post_form(web_req *r, const deed *x, const kerr *err) {
  buf title = BUF_INIT; /* a page that comes back with errors says so in its title too */
  buf_printf(&title, "%r%r", err && err->msg ? T(r, "Virhe: ") : "", T(r, "Julkaise teko"));
  page_begin(r, title.data, "post");
  buf_free(&title);
  buf_printf(&r->out, "<h1>%h</h1>\n<p class=\"lead\">%h</p>\n", T(r, "Julkaise teko"),
             T(r, "Kerro, mihin työpaikallanne pyrittiin ja mitä saatiin aikaan. Ohjelman henkilöstö tarkistaa teon "
                  "ennen julkaisua."));
  deed_form_write(r, x, err, "/tekot/uusi", 0);
  page_end(r);
}

static void page_deed_new(web_req *r) {
  post_form(r, NULL, NULL);
}

static void page_deed_create(web_req *r) {
  kerr e = {0};
  if (!web_csrf_ok_or_kerr(r, &e)) { /* a stale token must not lose a long text: show the form again, filled in */
    deed *x = deed_form_read(r);
    post_form(r, x, &e);
    r->status = 403;
    kerr_clear(&e);
    return;
  }
  if (*web_field(r, "website")) { /* honeypot filled: answer as if it went fine, store nothing */
    thanks_redirect(r);
    return;
  }
  char key[80];
  snprintf(key, sizeof key, "deed:%s", r->address);
  if (!limit_allows(r->db, key, POSTS_PER_HOUR, 3600)) {
    web_error(r, 429, T(r, "Olet lähettänyt monta tekoa lyhyessä ajassa. Yritä uudelleen tunnin kuluttua."));
    return;
  }
  deed *x = deed_form_read(r);
  x->ref = NULL; /* only staff set an external id; a public post could otherwise squat one an import needs */
  long long id = 0;
  if (deed_validate(r->db, x, 1, &e) == K_OK) id = deed_insert(r->db, x, "submitted", &e);
  if (!id) {
    r->status = 422;
    post_form(r, x, &e);
    r->status = 422;
  } else {
    limit_note(r->db, key); /* only stored deeds count: fixing a form mistake must not use up the allowance */
    web_changed();
    thanks_redirect(r);
  }
  kerr_clear(&e);
}

static void page_deed_thanks(web_req *r) {
  page_begin(r, T(r, "Kiitos!"), "post");
  buf_printf(&r->out, "<h1>%h</h1>\n<p>%h</p>\n<p><a href=\"%h/tekot\">%h</a></p>\n", T(r, "Kiitos!"),
             T(r, "Tekosi on vastaanotettu. Ohjelman henkilöstö tarkistaa sen, ja se julkaistaan Tekojen torilla "
                  "tarkistuksen jälkeen."),
             r->prefix, T(r, "Takaisin Tekojen torille"));
  page_end(r);
}

const route deed_routes[] = {
    {"GET", "/tekot/{id}", page_deed, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {"GET", "/tekot/uusi", page_deed_new, .flags = ROUTE_PUBLIC,
     .menu = {ROUTE_NAV_MAIN, 3, "post", N_("Julkaise teko")}},
    {"POST", "/tekot/uusi", page_deed_create, .flags = ROUTE_PUBLIC | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/tekot/kiitos", page_deed_thanks, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    {0},
};
