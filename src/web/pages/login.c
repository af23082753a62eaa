/* login: /kirjaudu form and check, /kirjaudu-ulos; a forgotten password (/kirjaudu/unohtunut), the one-time links of
 * invitations and resets (/salasana/TOKEN), and a signed-in user's own password (/tili/salasana). */
#include <string.h>
#include <stdio.h>

#include "web/form.h"
#include "web/pages/login.h"

/* The page to go to after login, without the language prefix (a page asking for login passes its path and query,
 * routes.c): a local path only (no scheme, no //host, web_local_path), else the front page. */
static const char *safe_next(web_req *r) {
  const char *next = web_field(r, "next");
  return web_local_path(next) ? next : "/";
}

static void login_form(web_req *r, const char *email, const char *error) {
  page_begin(r, T(r, "Kirjaudu"), "login");
  buf *o = &r->out;
  buf_printf(o, "<h1>%h</h1>\n<p>%h</p>\n", T(r, "Kirjaudu"),
             T(r, "Kirjautuminen on ohjelman henkilöstölle ja organisaatioiden yhteyshenkilöille."));
  if (error)
    buf_printf(o, "<div class=\"error-summary\" role=\"alert\" id=\"login-error\"><p>%h</p></div>\n", error);
  else if (!strcmp(web_field(r, "done"), "password"))
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n",
               T(r, "Salasana on asetettu. Kirjaudu sisään uudella salasanalla."));
  buf_printf(o, "<form method=\"post\" action=\"%h/kirjaudu\" class=\"form narrow\">\n", r->prefix);
  web_csrf_field(r);
  buf_printf(o, "<input type=\"hidden\" name=\"next\" value=\"%h\">\n", safe_next(r));
  buf_printf(
      o,
      "<div class=\"field\"><label for=\"email\">%h</label>"
      "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" required value=\"%h\"%r></div>\n"
      "<div class=\"field\"><label for=\"password\">%h</label>"
      "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required%r></div>\n"
      "<button type=\"submit\">%h</button>\n</form>\n",
      T(r, "Sähköposti"), email ? email : "", error ? " aria-describedby=\"login-error\" aria-invalid=\"true\"" : "",
      T(r, "Salasana"), error ? " aria-describedby=\"login-error\" aria-invalid=\"true\"" : "", T(r, "Kirjaudu"));
  buf_printf(o, "<p><a href=\"%h/kirjaudu/unohtunut\">%h</a></p>\n", r->prefix, T(r, "Unohtuiko salasana?"));
  page_end(r);
}

static void page_login_form(web_req *r) {
  login_form(r, NULL, NULL);
}

/* The refusal shown when throttling refused a try: why, and in how many seconds to try again. */
static void refused(web_req *r, const char *email, const char *why, int seconds) {
  static const char retry[] = N_("Yritä uudelleen {n} sekunnin kuluttua.");
  char secs[16];
  snprintf(secs, sizeof secs, "%d", seconds);
  web_header(r, "Retry-After", secs);
  buf msg = BUF_INIT, when = BUF_INIT;
  const char *at = strstr(retry, "{n}");
  buf_append(&when, retry, (size_t)(at - retry));
  buf_printf(&when, "%r%r", secs, at + 3);
  buf_printf(&msg, "%r %r", T(r, why), T(r, when.data));
  login_form(r, email, msg.data);
  r->status = 429;
  buf_free(&msg);
  buf_free(&when);
}

static void page_login(web_req *r) {
  const char *email = web_field(r, "email");
  login_try t = {.email = email,
                 .password = web_form(r, "password"),
                 .address = r->address,
                 .device = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "kehto_device")};
  user_info u;
  kerr e = {0};
  /* the model slows guessing by refusing early tries (429 with Retry-After); no thread is put to sleep here */
  if (user_login(r->db, &t, &u, &e) != K_OK) {
    if (t.retry_after) {
      refused(r, email, e.msg, t.retry_after);
    } else {
      login_form(r, email, T(r, e.msg));
      r->status = 422;
    }
    kerr_clear(&e);
    return;
  }
  /* the browser is now known for this account: its own throttling bucket spares it from an attacker's guesses */
  if (t.new_device[0]) web_cookie(r, "kehto_device", t.new_device, LOGIN_DEVICE_SECONDS);
  char token[65];
  if (user_session_start(r->db, u.id, token, sizeof token) != K_OK) {
    web_error(r, 500, T(r, "Kirjautuminen ei onnistunut. Yritä uudelleen."));
    return;
  }
  web_cookie(r, "kehto_session", token, SESSION_SECONDS);
  user_set_lang(r->db, u.id, r->lang); /* their email comes in the language they use the site in */
  web_changed();
  buf to = BUF_INIT;
  buf_printf(&to, "%r%r", r->prefix, safe_next(r));
  web_redirect(r, to.data);
  buf_free(&to);
}

static void page_logout(web_req *r) {
  const char *tok = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, "kehto_session");
  user_session_end(r->db, tok);
  web_cookie(r, "kehto_session", "", 0);
  buf to = BUF_INIT;
  buf_printf(&to, "%r/", r->prefix);
  web_redirect(r, to.data);
  buf_free(&to);
}

/* ---- A forgotten password ---- */

static void forgot_form(web_req *r, const char *email, int sent) {
  page_begin(r, T(r, "Unohtunut salasana"), "login");
  buf *o = &r->out;
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Unohtunut salasana"));
  if (sent)
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n",
               T(r, "Jos osoitteella on tunnus, siihen on lähetetty linkki uuden salasanan asettamiseen. Linkki toimii "
                    "tunnin ajan. Tarkista myös roskapostikansio."));
  buf_printf(o, "<p>%h</p>\n<form method=\"post\" action=\"%h/kirjaudu/unohtunut\" class=\"form narrow\">\n",
             T(r, "Anna tunnuksesi sähköpostiosoite. Lähetämme siihen linkin, jolla voit asettaa uuden salasanan."),
             r->prefix);
  web_csrf_field(r);
  form_ctx f = {r, NULL};
  form_input(&f, "email", "email", T(r, "Sähköposti"), email, 1, NULL);
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n<p><a href=\"%h/kirjaudu\">%h</a></p>\n",
             T(r, "Lähetä linkki"), r->prefix, T(r, "Takaisin kirjautumiseen"));
  page_end(r);
}

static void page_forgot_form(web_req *r) {
  forgot_form(r, NULL, 0);
}

/* The same answer whether or not the address has an account, so addresses cannot be probed. */
static void page_forgot(web_req *r) {
  const char *email = web_field(r, "email");
  if (util_email_valid(email)) {
    user_reset_request(r->db, email, r->address);
    web_changed();
  }
  forgot_form(r, email, 1);
}

/* ---- A one-time link: an invitation's first password, or a reset ---- */

static const char *link_token(web_req *r) {
  const char *slash = strrchr(r->path, '/');
  return slash ? slash + 1 : "";
}

static void token_form(web_req *r, const user_info *u, const char *purpose, const kerr *err) {
  int invite = !strcmp(purpose, "invite");
  /* the token is in this page's address: the style sheet's and script's requests name only the origin (no-referrer
   * would make the form's POST say Origin: null, which the origin check refuses) */
  web_header(r, "Referrer-Policy", "origin");
  r->no_store = 1;
  const char *title = invite ? T(r, "Tervetuloa: aseta salasana") : T(r, "Aseta uusi salasana");
  page_begin(r, title, "login");
  buf *o = &r->out;
  form_ctx f = {r, err};
  buf_printf(o, "<h1>%h</h1>\n", title);
  form_errors(&f);
  buf_printf(o, "<p>%h <strong>%h</strong></p>\n", T(r, "Tunnus:"), u->email);
  buf_printf(o, "<form method=\"post\" action=\"%h/salasana/%h\" class=\"form narrow\" novalidate>\n", r->prefix,
             link_token(r));
  web_csrf_field(r);
  /* the account's name for password managers */
  buf_printf(o, "<input type=\"hidden\" name=\"username\" autocomplete=\"username\" value=\"%h\">\n", u->email);
  form_password(&f, "password", T(r, "Uusi salasana"), "new-password",
                T(r, "Vähintään 12 merkkiä. Helposti muistettava ja vaikeasti arvattava on esimerkiksi muutama "
                     "satunnainen sana peräkkäin."));
  form_password(&f, "password2", T(r, "Uusi salasana uudelleen"), "new-password", NULL);
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Tallenna salasana"));
  page_end(r);
}

static void token_invalid(web_req *r) {
  page_begin(r, T(r, "Linkki ei toimi"), "login");
  buf_printf(
      &r->out, "<h1>%h</h1>\n<p>%h</p>\n<p><a href=\"%h/kirjaudu/unohtunut\">%h</a></p>\n", T(r, "Linkki ei toimi"),
      T(r, "Linkki on vanhentunut tai jo käytetty. Kutsulinkki toimii 7 päivää ja salasanan vaihtolinkki tunnin, "
           "kumpikin vain kerran. Voit pyytää uuden linkin, tai pyytää ohjelman henkilöstöä lähettämään kutsun "
           "uudelleen."),
      r->prefix, T(r, "Pyydä uusi linkki"));
  page_end(r);
  r->status = 404;
}

static void page_token_form(web_req *r) {
  user_info u;
  char purpose[8];
  if (!user_token_get(r->db, link_token(r), &u, purpose)) {
    token_invalid(r);
    return;
  }
  r->no_store = 1;
  token_form(r, &u, purpose, NULL);
}

/* The new password typed twice: returns it, or NULL with e set when it is missing or the two differ. */
static const char *new_password(web_req *r, kerr *e) {
  const char *pw = web_form(r, "password"), *pw2 = web_form(r, "password2");
  if (!pw || !*pw)
    kerr_set(e, "password", N_("Anna uusi salasana."));
  else if (!pw2 || strcmp(pw, pw2))
    kerr_set(e, "password2", N_("Salasanat eivät ole samat."));
  else
    return pw;
  return NULL;
}

static void page_token(web_req *r) {
  user_info u;
  char purpose[8];
  r->no_store = 1;
  if (!user_token_get(r->db, link_token(r), &u, purpose)) {
    token_invalid(r);
    return;
  }
  kerr e = {0};
  const char *pw = new_password(r, &e);
  if (pw && user_token_use(r->db, link_token(r), pw, &e) == K_OK) {
    web_changed();
    web_redirectf(r, "/kirjaudu?done=password");
    return;
  }
  token_form(r, &u, purpose, &e);
  r->status = 422;
  kerr_clear(&e);
}

/* ---- A signed-in user's own password ---- */

static void account_form(web_req *r, const kerr *err) {
  page_begin(r, T(r, "Vaihda salasana"), "account");
  buf *o = &r->out;
  form_ctx f = {r, err};
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Vaihda salasana"));
  if (!err && !strcmp(web_field(r, "done"), "1"))
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, "Salasana on vaihdettu."));
  form_errors(&f);
  buf_printf(o, "<p>%h <strong>%h</strong></p>\n", T(r, "Tunnus:"), r->user.email);
  buf_printf(o, "<form method=\"post\" action=\"%h/tili/salasana\" class=\"form narrow\" novalidate>\n", r->prefix);
  web_csrf_field(r);
  buf_printf(o, "<input type=\"hidden\" name=\"username\" autocomplete=\"username\" value=\"%h\">\n", r->user.email);
  form_password(&f, "current", T(r, "Nykyinen salasana"), "current-password", NULL);
  form_password(&f, "password", T(r, "Uusi salasana"), "new-password", T(r, "Vähintään 12 merkkiä."));
  form_password(&f, "password2", T(r, "Uusi salasana uudelleen"), "new-password", NULL);
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Vaihda salasana"));
  page_end(r);
}

static void page_account_form(web_req *r) {
  account_form(r, NULL);
}

static void page_account(web_req *r) {
  kerr e = {0};
  const char *pw = new_password(r, &e);
  if (pw && user_password_change(r->db, r->user.id, web_form(r, "current"), pw, &e) == K_OK) {
    /* every session of the account ended with the change: this browser gets a new one */
    char token[65];
    if (user_session_start(r->db, r->user.id, token, sizeof token) == K_OK)
      web_cookie(r, "kehto_session", token, SESSION_SECONDS);
    web_changed();
    web_redirectf(r, "/tili/salasana?done=1");
    return;
  }
  account_form(r, &e);
  r->status = 422;
  kerr_clear(&e);
}

const route login_routes[] = {
    {"GET", "/kirjaudu", page_login_form, .flags = ROUTE_PUBLIC, .menu = {ROUTE_NAV_ANON, 1, "login", N_("Kirjaudu")}},
    {"POST", "/kirjaudu", page_login, .flags = ROUTE_PUBLIC | ROUTE_CSRF},
    {"POST", "/kirjaudu-ulos", page_logout, .flags = ROUTE_PUBLIC | ROUTE_CSRF},
    {"GET", "/kirjaudu/unohtunut", page_forgot_form, .flags = ROUTE_PUBLIC},
    {"POST", "/kirjaudu/unohtunut", page_forgot, .flags = ROUTE_PUBLIC | ROUTE_CSRF},
    {"GET", "/salasana/{file}", page_token_form, .flags = ROUTE_PUBLIC},
    {"POST", "/salasana/{file}", page_token, .flags = ROUTE_PUBLIC | ROUTE_CSRF},
    {"GET", "/tili/salasana", page_account_form, .flags = ROUTE_SIGNED_IN}, /* linked beside "Kirjaudu ulos" */
    {"POST", "/tili/salasana", page_account, .flags = ROUTE_SIGNED_IN | ROUTE_CSRF},
    {0},
};
