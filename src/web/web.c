/* web: request accessors, headers and cookies, redirects, error pages, CSRF checks (access is routes.c's). */
#include "web/web.h"

#include "core/date.h"
#include "report/report.h"

#include <assert.h>
#include <sodium.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

const char *web_query(web_req *r, const char *name) {
  return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *web_form(web_req *r, const char *name) {
  for (int i = 0; i < r->nform; i++)
    if (strcmp(r->form[i].key, name) == 0) return r->form[i].value;
  return NULL;
}

const web_file *web_upload(web_req *r, const char *name) {
  for (int i = 0; i < r->nfiles; i++)
    if (strcmp(r->files[i].name, name) == 0) return &r->files[i];
  return NULL;
}

const char *web_field(web_req *r, const char *name) {
  const char *v = !strcmp(r->method, "POST") ? web_form(r, name) : web_query(r, name);
  if (!v) return "";
  return util_trim(arena_strdup(&r->mem, v));
}

char *web_field_opt(web_req *r, const char *name) {
  char *v = (char *)web_field(r, name); /* web_field's copy in the request arena is the caller's to change */
  return *v ? v : NULL;
}

void web_header(web_req *r, const char *name, const char *value) {
  assert(!strpbrk(name, "\r\n:") && !strpbrk(value, "\r\n"));
  buf_printf(&r->headers, "%r: %r\n", name, value);
}

static int secure_cookies;

void web_cookie(web_req *r, const char *name, const char *value, long max_age) {
  web_cookie_at(r, name, value, "/", max_age);
}

void web_cookie_at(web_req *r, const char *name, const char *value, const char *path, long max_age) {
  assert(path[0] == '/' && !strpbrk(path, "; \r\n"));
  buf c = BUF_INIT;
  buf_printf(&c, "%r=%r; Path=%r; HttpOnly; SameSite=Lax", name, value, path);
  if (max_age >= 0) buf_printf(&c, "; Max-Age=%ld", max_age);
  if (secure_cookies) buf_puts(&c, "; Secure");
  web_header(r, "Set-Cookie", c.data);
  buf_free(&c);
  r->no_store = 1;
}

void web_set_secure_cookies(int on) {
  secure_cookies = on;
}

static const char *base_url = "";

void web_set_base_url(const char *url) {
  base_url = url;
}

void web_redirect(web_req *r, const char *location) {
  assert(location[0] == '/' && location[1] != '/'); /* only inside the site */
  web_header(r, "Location", location);
  r->status = 303;
  r->no_store = 1;
  buf_reset(&r->out);
}

void web_redirectf(web_req *r, const char *fmt, ...) {
  buf to = BUF_INIT;
  buf_printf(&to, "%r", r->prefix);
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(&to, fmt, ap);
  va_end(ap);
  web_redirect(r, to.data);
  buf_free(&to);
}

int web_local_path(const char *s) {
  if (!s || s[0] != '/' || s[1] == '/') return 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p < 0x21 || *p == 0x7f || *p == '\\') return 0;
  return 1;
}

static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value) {
  buf *b = cls;
  buf_printf(b, "%c%U=%U", b->len ? '&' : '?', key, value ? value : "");
  return MHD_YES;
}

void web_query_string(web_req *r, buf *out) {
  buf q = BUF_INIT;
  if (r->conn) MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, add_arg, &q);
  if (q.data) buf_puts(out, q.data);
  buf_free(&q);
}

void web_error(web_req *r, int status, const char *message) {
  r->status = status;
  r->cacheable = 0;
  buf_reset(&r->out);
  const char *title = status == 404   ? T(r, "Sivua ei löytynyt")
                      : status == 403 ? T(r, "Ei käyttöoikeutta")
                      : status == 413 ? T(r, "Pyyntö on liian suuri")
                      : status == 429 ? T(r, "Liian monta pyyntöä")
                      : status >= 500 ? T(r, "Palvelussa tapahtui virhe")
                                      : T(r, "Virheellinen pyyntö");
  page_begin(r, title, "");
  buf_printf(&r->out, "<h1>%h</h1>\n<p>%h</p>\n<p><a href=\"%h/\">%h</a></p>\n", title, message, r->prefix,
             T(r, "Etusivulle"));
  page_end(r);
}

void web_json_error(web_req *r, int status, const char *message) {
  r->status = status;
  r->cacheable = 0;
  r->ctype = "application/json; charset=utf-8";
  buf_reset(&r->out);
  buf_printf(&r->out, "{\"error\":%J}\n", message);
}

const char *web_fi(web_req *r) {
  return strcmp(r->lang, "fi") == 0 ? "" : " lang=\"fi\"";
}

void web_fi_datetime(web_req *r, const char *iso) {
  char t[17];
  if (date_fi_local(iso, t) != K_OK) {
    buf_html(&r->out, iso);
    return;
  }
  /* %D writes the date part; the time as 14.05 with a leading zero on the hour */
  buf_printf(&r->out, "%D %h %c%c.%c%c", t, T(r, "klo"), t[11], t[12], t[14], t[15]);
}

const report_data *web_report(web_req *r, char computed_at[21]) {
  const report_data *rd = report_get_recent(r->db);
  if (computed_at) *computed_at = 0;
  if (report_stale(r->db)) {
    r->cacheable = 0; /* the next request after the computation gets the current figures */
    time_t t = report_computed_at(r->db);
    struct tm tm;
    if (computed_at && gmtime_r(&t, &tm)) strftime(computed_at, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
  }
  return rd;
}

int web_csrf_ok(web_req *r) {
  const char *sent = web_form(r, "csrf");
  return r->csrf && sent && strlen(sent) == strlen(r->csrf) && sodium_memcmp(sent, r->csrf, strlen(r->csrf)) == 0;
}

int web_csrf_ok_or_kerr(web_req *r, kerr *e) {
  if (web_csrf_ok(r)) return 1;
  kerr_set(e, NULL, N_("Lomakkeen turvatunniste oli vanhentunut. Tarkista tiedot ja lähetä lomake uudelleen."));
  return 0;
}

void web_base_url(web_req *r, buf *out) {
  buf_puts(out, base_url);
}

int web_csrf_ok_or_reply(web_req *r) {
  if (web_csrf_ok(r)) return 1;
  web_error(
      r, 403,
      T(r, "Lomakkeen turvatunniste puuttuu tai on vanhentunut. Lataa sivu uudelleen ja lähetä lomake uudestaan."));
  return 0;
}

void web_csrf_field(web_req *r) {
  if (!r->csrf) {
    char *t = arena_alloc(&r->mem, 65);
    util_random_hex(t, 32);
    r->csrf = t;
    web_cookie(r, "kehto_csrf", t, -1);
  }
  r->cacheable = 0;
  buf_printf(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"%h\">", r->csrf);
}
