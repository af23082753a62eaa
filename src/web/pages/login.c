/* login: /kirjaudu form and check, /kirjaudu-ulos. */
#include <string.h>
#include <stdio.h>

#include "web/pages/login.h"

/* The page to go to after login: a local path only (no scheme, no //host), else the front page. */
static const char *safe_next(web_req *r) {
  const char *next = web_field(r, "next");
  if (next[0] != '/' || next[1] == '/') return "/";
  for (const unsigned char *p = (const unsigned char *)next; *p; p++)
    if (*p < 0x21 || *p == 0x7f || *p == '\\') return "/"; /* browsers drop tabs: "/\t/host" would leave the site */
  return next;
}

static void login_form(web_req *r, const char *email, const char *error) {
  page_begin(r, T(r, "Kirjaudu"), "login");
  buf *o = &r->out;
  buf_printf(o, "<h1>%h</h1>\n<p>%h</p>\n", T(r, "Kirjaudu"),
             T(r, "Kirjautuminen on ohjelman henkilöstölle ja organisaatioiden yhteyshenkilöille."));
  if (error) buf_printf(o, "<div class=\"error-summary\" role=\"alert\" id=\"login-error\"><p>%h</p></div>\n", error);
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

const route login_routes[] = {
    {"GET", "/kirjaudu", page_login_form, .flags = ROUTE_PUBLIC, .menu = {ROUTE_NAV_ANON, 1, "login", N_("Kirjaudu")}},
    {"POST", "/kirjaudu", page_login, .flags = ROUTE_PUBLIC | ROUTE_CSRF},
    {"POST", "/kirjaudu-ulos", page_logout, .flags = ROUTE_PUBLIC | ROUTE_CSRF},
    {0},
};
