/* sessions: a session's roll call for staff (/hallinta/tapaamiset/ID: a checklist saved at once by kehto.js, or
 * with its Save button without it), its QR code for signing in (a printable page and the SVG), and the public
 * sign-in form the code leads to (/osallistu/CODE), valid on the session's day only and rate-limited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "model/delivery.h"
#include "model/limit.h"
#include "model/org.h"
#include "model/roster.h"
#include "web/form.h"
#include "web/pages/sessions.h"
#include "core/svg.h"
#include "web/widgets.h"

/* The session of r->id, or NULL after a 404. */
static session_info *session_or_404(web_req *r) {
  session_info *s = delivery_session_get(r->db, &r->mem, r->id);
  if (!s) web_error(r, 404, T(r, "Tapaamista ei ole."));
  return s;
}

/* "Tapaaminen 3 (12.3.2026)" in the request arena. */
static const char *session_name(web_req *r, const session_info *s) {
  buf b = BUF_INIT;
  buf_printf(&b, "%r %d (%D)", T(r, "Tapaaminen"), s->number, s->held_on);
  const char *t = arena_strdup(&r->mem, b.data);
  buf_free(&b);
  return t;
}

/* ---- roll call ---- */

static void roll_list(web_req *r, const session_info *s, const roll_line *v, int n) {
  buf *o = &r->out;
  buf_printf(o,
             "<form method=\"post\" action=\"%h/hallinta/tapaamiset/%lld\" class=\"rollcall\" "
             "data-mark=\"%h/hallinta/tapaamiset/%lld/merkinta\" data-saved=\"%h\" data-failed=\"%h\">",
             r->prefix, s->id, r->prefix, s->id, T(r, "Tallennettu"),
             T(r, "Tallennus epäonnistui. Lataa sivu uudelleen ja yritä uudelleen."));
  web_csrf_field(r);
  buf_printf(o, "<fieldset><legend>%h</legend>\n<ul class=\"checklist\">\n", T(r, "Merkitse läsnäolijat"));
  for (int i = 0; i < n; i++)
    buf_printf(o,
               "<li><label><input type=\"checkbox\" name=\"present\" value=\"%lld\"%r> %h "
               "<span class=\"meta\">%h</span></label></li>\n",
               v[i].participation_id, v[i].present ? " checked" : "", v[i].name ? v[i].name : T(r, "Poistettu henkilö"),
               T(r, person_role_label(v[i].role)));
  buf_printf(o,
             "</ul></fieldset>\n<p class=\"save-status\" role=\"status\" aria-live=\"polite\"></p>\n"
             "<div class=\"actions\"><button type=\"submit\" class=\"rollcall-save\">%h</button></div></form>\n",
             T(r, "Tallenna läsnäolot"));
}

static void page_roll(web_req *r) {
  session_info *s = session_or_404(r);
  if (!s) return;
  char subject[48];
  snprintf(subject, sizeof subject, "delivery:%lld/participants", s->delivery_id);
  if (!audited_or_reply(r, subject, "roll call")) return;
  int n = 0;
  roll_line *v = roster_roll(r->db, &r->mem, s->id, &n);
  const char *name = session_name(r, s);
  char *title = buf_mprintf("%r: %r", T(r, "Nimenhuuto"), name);
  page_begin(r, title, "people");
  buf_printf(&r->out, "<p><a href=\"%h/hallinta/toteutukset/%lld/osallistujat\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix,
             s->delivery_id, T(r, "Osallistujat"), title);
  free(title);
  buf_printf(&r->out, "<p class=\"meta\">%h%r%h</p>\n", s->title, *s->place ? " · " : "", s->place);
  if (!strcmp(web_field(r, "done"), "saved"))
    buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, "Läsnäolot tallennettu."));
  buf_printf(&r->out, "<p><a href=\"%h/hallinta/tapaamiset/%lld/qr\">%h</a></p>\n", r->prefix, s->id,
             T(r, "QR-koodi ilmoittautumiseen"));
  if (n)
    roll_list(r, s, v, n);
  else
    buf_printf(&r->out, "<p>%h</p>\n", T(r, "Toteutuksella ei ole vielä osallistujia."));
  page_end(r);
}

/* Without JavaScript: the whole list at once. */
static void page_roll_save(web_req *r) {
  if (!session_or_404(r)) return;
  long long *ids = arena_alloc(&r->mem, sizeof *ids * (size_t)(r->nform ? r->nform : 1));
  int n = 0;
  for (int i = 0; i < r->nform; i++) {
    long long v = 0;
    if (!strcmp(r->form[i].key, "present") && util_parse_int(r->form[i].value, 1, 1LL << 53, &v) == K_OK) ids[n++] = v;
  }
  kerr e = {0};
  if (roster_mark_all(r->db, r->id, ids, n, r->user.email, NULL, &e) == K_OK) {
    web_changed();
    web_redirectf(r, "/hallinta/tapaamiset/%lld?done=saved", r->id);
  } else {
    web_error(r, 422, T(r, e.msg));
  }
  kerr_clear(&e);
}

/* kehto.js: one checkbox, answered in JSON. */
static void page_roll_mark(web_req *r) {
  long long part = 0;
  if (!delivery_session_get(r->db, &r->mem, r->id)) {
    web_json_error(r, 404, T(r, "Tapaamista ei ole."));
    return;
  }
  if (util_parse_int(web_field(r, "participation"), 1, 1LL << 53, &part) != K_OK) part = 0;
  int present = !strcmp(web_field(r, "present"), "1");
  kerr e = {0};
  if (roster_mark(r->db, r->id, part, present, r->user.email, &e) == K_OK) {
    web_changed();
    r->ctype = "application/json; charset=utf-8";
    r->no_store = 1;
    buf_printf(&r->out, "{\"participation\":%lld,\"present\":%r,\"attended\":%lld}\n", part, present ? "true" : "false",
               roster_attended(r->db, r->id));
  } else {
    web_json_error(r, 422, T(r, e.msg));
  }
  kerr_clear(&e);
}

/* ---- QR code ---- */

/* The public sign-in address of the code, absolute. */
static void signin_url(web_req *r, const char *code, buf *out) {
  web_base_url(r, out);
  buf_printf(out, "/osallistu/%U", code);
}

static void page_qr(web_req *r) {
  session_info *s = session_or_404(r);
  if (!s) return;
  char code[DELIVERY_CODE_LEN + 1];
  kerr e = {0};
  if (delivery_session_code(r->db, s->id, 0, code, &e) != K_OK) { /* made when first shown */
    web_error(r, 500, T(r, e.msg));
    kerr_clear(&e);
    return;
  }
  r->no_store = 1;
  buf url = BUF_INIT;
  signin_url(r, code, &url);
  page_begin(r, T(r, "QR-koodi ilmoittautumiseen"), "people");
  buf *o = &r->out;
  buf_printf(o, "<p class=\"no-print\"><a href=\"%h/hallinta/tapaamiset/%lld\">← %h</a></p>\n", r->prefix, s->id,
             T(r, "Nimenhuuto"));
  if (!strcmp(web_field(r, "done"), "new"))
    buf_printf(o, "<div class=\"notice no-print\" role=\"status\"><p>%h</p></div>\n",
               T(r, "Uusi koodi tehty. Vanha koodi ja sen QR-koodi eivät enää toimi."));
  buf_printf(o, "<div class=\"qr-sheet\"><h1>%h</h1>\n<p class=\"lead\">%h · %D%r%h</p>\n", s->title,
             session_name(r, s), s->held_on, *s->place ? " · " : "", s->place);
  buf_printf(o, "<p>%h</p>\n", T(r, "Kirjaa läsnäolosi: lue QR-koodi puhelimella tai avaa osoite."));
  buf_printf(o,
             "<img class=\"qr\" src=\"%h/hallinta/tapaamiset/%lld/qr.svg?c=%U\" alt=\"%h\" width=\"400\" "
             "height=\"400\">\n<p class=\"qr-url\">%h</p></div>\n",
             r->prefix, s->id, code, T(r, "QR-koodi, joka johtaa alla olevaan osoitteeseen"), url.data);
  buf_free(&url);
  buf_printf(o, "<p class=\"no-print\">%h</p>\n",
             T(r, "Koodi toimii vain tapaamisen päivänä. Tulosta sivu selaimen tulostustoiminnolla."));
  buf_printf(o,
             "<form method=\"post\" action=\"%h/hallinta/tapaamiset/%lld/uusi-koodi\" class=\"no-print\" "
             "data-confirm=\"%h\">",
             r->prefix, s->id, T(r, "Vanha koodi lakkaa toimimasta. Jatketaanko?"));
  web_csrf_field(r);
  buf_printf(o, "<button type=\"submit\" class=\"secondary\">%h</button></form>\n", T(r, "Tee uusi koodi"));
  page_end(r);
}

static void page_qr_svg(web_req *r) {
  session_info *s = session_or_404(r);
  if (!s) return;
  if (!s->signin_code) {
    web_error(r, 404, T(r, "Koodia ei ole vielä tehty."));
    return;
  }
  buf url = BUF_INIT;
  signin_url(r, s->signin_code, &url);
  r->no_store = 1;
  if (svg_qr(&r->out, url.data, T(r, "QR-koodi ilmoittautumiseen")) == K_OK)
    r->ctype = "image/svg+xml";
  else
    web_error(r, 500, T(r, "QR-koodia ei voitu tehdä."));
  buf_free(&url);
}

static void page_qr_renew(web_req *r) {
  char code[DELIVERY_CODE_LEN + 1];
  kerr e = {0};
  if (delivery_session_code(r->db, r->id, 1, code, &e) == K_OK) {
    web_changed();
    web_redirectf(r, "/hallinta/tapaamiset/%lld/qr?done=new", r->id);
  } else {
    web_error(r, 404, T(r, e.msg));
  }
  kerr_clear(&e);
}

/* ---- the public sign-in ---- */

/* The session of the code in the path when its form may be used today; otherwise answers (404 unknown code, 403
 * before the day, 410 after it) and returns NULL. */
/* The session of the code in the path, or NULL. The code is in the page's address: other requests name only the
 * origin, and the page is kept in no cache. */
static session_info *signin_code_session(web_req *r) {
  web_header(r, "Referrer-Policy", "origin");
  r->no_store = 1;
  return delivery_session_by_code(r->db, &r->mem, strrchr(r->path, '/') + 1);
}

static session_info *signin_session(web_req *r) {
  session_info *s = signin_code_session(r);
  if (!s) {
    web_error(r, 404, T(r, "Ilmoittautumislinkki ei ole voimassa. Pyydä järjestäjältä uusi linkki."));
    return NULL;
  }
  char today[11];
  date_today_fi(today);
  int cmp = strcmp(today, s->held_on);
  if (cmp == 0) return s;
  const char *title = T(r, "Ilmoittautuminen ei ole auki");
  page_begin(r, title, "");
  buf_printf(&r->out, "<h1>%h</h1>\n<p class=\"lead\">%h · %h</p>\n<p>%h %D.%r%h</p>\n", title, s->title,
             session_name(r, s), T(r, cmp < 0 ? "Ilmoittautuminen avautuu tapaamisen päivänä" : "Tapaaminen pidettiin"),
             s->held_on, cmp > 0 ? " " : "", cmp > 0 ? T(r, "Ilmoittautuminen on päättynyt.") : "");
  page_end(r);
  r->status = cmp < 0 ? 403 : 410;
  return NULL;
}

static void signin_head(web_req *r, const session_info *s) {
  page_begin(r, T(r, "Ilmoittaudu läsnäolevaksi"), "");
  buf_printf(&r->out, "<h1>%h</h1>\n<p class=\"lead\">%h</p>\n<p>%D%r%h</p>\n", s->title, session_name(r, s),
             s->held_on, *s->place ? " · " : "", s->place);
}

static void signin_form(web_req *r, const session_info *s, const kerr *err) {
  int event = !strcmp(s->counts, "attendee");
  signin_head(r, s);
  buf *o = &r->out;
  form_ctx f = {r, err};
  form_errors(&f);
  buf_printf(o, "<p>%h</p>\n",
             event ? T(r, "Kirjaa itsesi tilaisuuden osallistujaksi.")
                   : T(r, "Kirjaa läsnäolosi sillä sähköpostiosoitteella, jolla järjestäjä on ilmoittanut sinut."));
  buf_printf(o, "<form method=\"post\" action=\"%h/osallistu/%h\" class=\"form narrow\" novalidate>", r->prefix,
             s->signin_code);
  web_csrf_field(r);
  if (event) form_input(&f, "text", "name", T(r, "Nimi"), web_field(r, "name"), 1, NULL);
  form_input(&f, "email", "email", T(r, "Sähköposti"), web_field(r, "email"), 1, NULL);
  if (event) {
    form_input(&f, "text", "org", T(r, "Organisaatio"), web_field(r, "org"), 0,
               T(r, "Valinnainen. Nimi kuten organisaatiorekisterissä, tai Y-tunnus."));
    const char *role = web_field(r, "role");
    form_select(&f, "role", T(r, "Rooli"), *role ? role : "tyontekija", role_opts(r), PERSON_NROLES, 1, NULL);
  }
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div></form>\n", T(r, "Kirjaa läsnäolo"));
  buf_printf(o, "<p class=\"meta\">%h</p>\n",
             T(r, "Tietoja käytetään osallistujien kirjaamiseen ja ohjelman seurantaan. Lisätietoja "
                  "tietosuojaselosteessa."));
  page_end(r);
}

static void page_signin_form(web_req *r) {
  session_info *s = signin_session(r);
  if (s) signin_form(r, s, NULL);
}

/* The rate-limit bucket of the client's address (unsuccessful tries) into ka. */
static void signin_address_key(web_req *r, char *ka, size_t n) {
  snprintf(ka, n, "signin:a:%s", r->address);
}

/* Returns 1 when the client and the code may try once more (and counts this try against the code), else answers
 * 429. The caller counts an unsuccessful try against the address (signin_failed). */
static int signin_allowed(web_req *r, const session_info *s) {
  char ka[96], kc[64];
  signin_address_key(r, ka, sizeof ka);
  snprintf(kc, sizeof kc, "signin:c:%lld", s->id);
  if (!limit_allows(r->db, ka, ROSTER_SIGNIN_PER_ADDRESS, ROSTER_SIGNIN_WINDOW) ||
      !limit_allows(r->db, kc, ROSTER_SIGNIN_PER_CODE, 3600)) {
    web_error(r, 429,
              T(r, "Liian monta kirjausta lyhyessä ajassa. Odota hetki ja yritä uudelleen, tai ota yhteys "
                   "järjestäjään."));
    return 0;
  }
  limit_note(r->db, kc);
  return 1;
}

/* Counts a try that signed nobody in against the client's address. */
static void signin_failed(web_req *r) {
  char ka[96];
  signin_address_key(r, ka, sizeof ka);
  limit_note(r->db, ka);
}

static void signin_result(web_req *r, const session_info *s, int outcome) {
  signin_head(r, s);
  if (outcome == ROSTER_SIGNED_IN)
    buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, "Kirjattu läsnäolevaksi."));
  else
    buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n",
               T(r, "Läsnäoloa ei voitu kirjata tällä lomakkeella. Ota yhteys järjestäjään: hän lisää osallistujat "
                    "ja heidän ESF-aloitustietonsa ennen läsnäolon kirjausta."));
  page_end(r);
}

/* A stale token: the form again, filled in (403); a plain 403 when the code is unknown too. */
static void signin_stale(web_req *r, const kerr *e) {
  session_info *s = signin_code_session(r);
  if (s)
    signin_form(r, s, e);
  else
    web_csrf_ok_or_reply(r);
  r->status = 403;
}

static void page_signin(web_req *r) {
  kerr e = {0};
  if (!web_csrf_ok_or_kerr(r, &e)) {
    signin_stale(r, &e);
    kerr_clear(&e);
    return;
  }
  session_info *s = signin_session(r);
  if (s && signin_allowed(r, s)) {
    person p = {.email = (char *)web_field(r, "email"), .name = (char *)web_field(r, "name")};
    const char *org_text = web_field(r, "org");
    int rc = K_ERR;
    if (*org_text && !strcmp(s->counts, "attendee") && !(p.org_id = org_find(r->db, org_text)))
      kerr_set(&e, "org",
               N_("Organisaatiota ei löytynyt rekisteristä. Kirjoita nimi kuten rekisterissä tai "
                  "Y-tunnus, tai jätä kenttä tyhjäksi."));
    else
      rc = roster_signin(r->db, s->id, &p, web_field(r, "role"), &e);
    if (rc != ROSTER_SIGNED_IN) signin_failed(r);
    if (rc == K_ERR) {
      signin_form(r, s, &e);
      r->status = 422;
    } else {
      if (rc == ROSTER_SIGNED_IN) web_changed();
      signin_result(r, s, rc);
    }
  }
  kerr_clear(&e);
}

const route sessions_routes[] = {
    {"GET", "/hallinta/tapaamiset/{id}", page_roll, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/tapaamiset/{id}", page_roll_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"POST", "/hallinta/tapaamiset/{id}/merkinta", page_roll_mark, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/tapaamiset/{id}/qr", page_qr, .flags = ROUTE_ANY_STAFF},
    {"GET", "/hallinta/tapaamiset/{id}/qr.svg", page_qr_svg, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/tapaamiset/{id}/uusi-koodi", page_qr_renew, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/osallistu/{file}", page_signin_form, .flags = ROUTE_PUBLIC},
    {"POST", "/osallistu/{file}", page_signin, .flags = ROUTE_PUBLIC | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {0},
};
