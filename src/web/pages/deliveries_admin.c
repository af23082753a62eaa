/* deliveries_admin: staff pages for deliveries (/hallinta/toteutukset): list with filters, new, and one delivery
 * with its edit form, organisations, sessions and the counts by role and by session. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/coach.h"
#include "model/delivery.h"
#include "model/org.h"
#include "model/service.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/deliveries_admin.h"
#include "web/widgets.h"

#define PER_PAGE 50
#define MAX_CHOICES 5000 /* services, coaches and organisations offered in the selects */

/* "22.11.2026" from ISO text, in the request arena; "" for NULL. */
static const char *fi_date(web_req *r, const char *iso) {
  if (util_blank(iso)) return "";
  buf b = BUF_INIT;
  buf_printf(&b, "%D", iso);
  const char *s = arena_strdup(&r->mem, b.data);
  buf_free(&b);
  return s;
}

static const char *num(web_req *r, long long v) {
  char s[24];
  snprintf(s, sizeof s, "%lld", v);
  return arena_strdup(&r->mem, s);
}

/* ---- list ---- */

static void delivery_filters(web_req *r, const char *type, const char *year) {
  form_ctx f = {r, NULL};
  int nt = 0, years[200];
  form_opt *to = services_type_opts(r, &nt);
  int ny = delivery_years(r->db, years, 200);
  form_opt yo[200];
  for (int i = 0; i < ny; i++) yo[i] = (form_opt){num(r, years[i]), num(r, years[i])};
  buf_printf(&r->out, "<form method=\"get\" action=\"%h/hallinta/toteutukset\" class=\"filters\">", r->prefix);
  form_select(&f, "type", T(r, "Palvelutyyppi"), type, to, nt, 0, T(r, "Kaikki palvelutyypit"));
  form_select(&f, "year", T(r, "Vuosi"), year, yo, ny, 0, T(r, "Kaikki vuodet"));
  services_filters_end(r);
}

static void delivery_table(web_req *r, const delivery *v, int n) {
  static const char *const heads[] = {"Toteutus", "Tunnus", "Palvelutyyppi", "Alkaa",
                                      "Päättyy",  "Paikka", "Osallistujia"};
  pager_table_begin(r, T(r, "Toteutukset"), heads, 7, 6);
  for (int i = 0; i < n; i++) {
    const delivery *x = &v[i];
    buf_printf(
        &r->out,
        "<tr><td><a href=\"%h/hallinta/toteutukset/%lld\">%h</a></td><td>%h</td><td>%h</td>"
        "<td class=\"nowrap\">%D</td><td class=\"nowrap\">%D</td><td>%h%r%h</td><td class=\"num\">%N</td></tr>\n",
        r->prefix, x->id, *x->title ? x->title : x->service_name, x->ref ? x->ref : "–", x->type_name, x->starts_on,
        x->ends_on, x->place, x->remote && *x->place ? ", " : "", x->remote ? T(r, "etänä") : "", x->participations);
  }
  web_table_end(r);
}

static void page_staff_deliveries(web_req *r) {
  const char *year = web_field(r, "year");
  long long y = 0;
  if (util_parse_int(year, 1900, 2100, &y) != K_OK) year = "";
  delivery_filter flt = {web_field(r, "type"), (int)y};
  pager p = pager_make(r, delivery_count(r->db, &flt), PER_PAGE);
  int n = 0;
  delivery *v = delivery_list(r->db, &r->mem, &flt, r->lang, p.per_page, pager_offset(&p), &n);
  page_begin(r, T(r, "Toteutukset"), "services-admin");
  buf_printf(&r->out, "<h1>%h</h1>\n", T(r, "Palvelutoiminta"));
  services_admin_tabs(r, "deliveries");
  buf_printf(&r->out, "<p><a class=\"button\" href=\"%h/hallinta/toteutukset/uusi\">%h</a></p>\n", r->prefix,
             T(r, "Uusi toteutus"));
  delivery_filters(r, flt.type, year);
  services_count_line(r, p.total, "toteutus", "toteutusta");
  if (n) delivery_table(r, v, n);
  pager_write_query(r, &p, "/hallinta/toteutukset", "type", flt.type, "year", year, NULL);
  page_end(r);
}

/* ---- the edit form (new and existing) ---- */

/* The form's values as text, as posted or as read. */
typedef struct dform {
  const char *service, *ref, *title, *starts_on, *ends_on, *place, *coach;
  int remote;
  int in_calendar; /* its sessions in the public events calendar /tapahtumat */
} dform;

static dform dform_posted(web_req *r) {
  return (dform){web_field(r, "service"), web_field(r, "ref"),   web_field(r, "title"), web_field(r, "starts_on"),
                 web_field(r, "ends_on"), web_field(r, "place"), web_field(r, "coach"), *web_field(r, "remote") != 0,
                 *web_field(r, "in_calendar") != 0};
}

static dform dform_of(web_req *r, const delivery *x) {
  return (dform){num(r, x->service_id),
                 x->ref ? x->ref : "",
                 x->title,
                 fi_date(r, x->starts_on),
                 fi_date(r, x->ends_on),
                 x->place,
                 x->coach_id ? num(r, x->coach_id) : "",
                 x->remote,
                 x->in_calendar};
}

static void service_select(web_req *r, form_ctx *f, const char *value) {
  int n = 0;
  service_filter all = {0};
  service *v = service_list(r->db, &r->mem, &all, r->lang, MAX_CHOICES, 0, &n);
  form_opt *o = arena_alloc(&r->mem, sizeof *o * (size_t)(n ? n : 1));
  for (int i = 0; i < n; i++) {
    buf b = BUF_INIT;
    buf_printf(&b, "%r: %r (%r)", v[i].type_name, v[i].name, v[i].period_name);
    o[i] = (form_opt){num(r, v[i].id), arena_strdup(&r->mem, b.data)};
    buf_free(&b);
  }
  form_select(f, "service", T(r, "Palvelu"), value, o, n, 1, T(r, "Valitse"));
}

static void coach_select(web_req *r, form_ctx *f, const char *value) {
  int n = 0;
  coach_filter all = {0};
  coach *v = coach_list(r->db, &r->mem, &all, r->lang, MAX_CHOICES, 0, &n);
  form_opt *o = arena_alloc(&r->mem, sizeof *o * (size_t)(n ? n : 1));
  for (int i = 0; i < n; i++) o[i] = (form_opt){num(r, v[i].id), arena_strdup(&r->mem, v[i].name)};
  form_select(f, "coach", T(r, "Valmentaja tai kouluttaja"), value, o, n, 0, T(r, "Ei valmentajaa"));
}

static void delivery_form(web_req *r, const dform *v, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  form_errors(&f);
  form_open_edit(r, "/hallinta/toteutukset");
  service_select(r, &f, v->service);
  form_input(&f, "text", "title", T(r, "Otsikko"), v->title, 0, NULL);
  form_input(&f, "text", "ref", T(r, "Tunnus"), v->ref, 0, T(r, "Yksilöivä tunnus tuontitiedostoja varten"));
  form_input(&f, "text", "starts_on", T(r, "Alkupäivä"), v->starts_on, 1, T(r, "Esimerkiksi 22.11.2026"));
  form_input(&f, "text", "ends_on", T(r, "Loppupäivä"), v->ends_on, 1, T(r, "Esimerkiksi 22.11.2026"));
  form_input(&f, "text", "place", T(r, "Paikka"), v->place, 0, NULL);
  buf_printf(o,
             "<div class=\"field checks\"><label><input type=\"checkbox\" id=\"f-remote\" name=\"remote\" "
             "value=\"1\"%r> %h</label></div>\n",
             v->remote ? " checked" : "", T(r, "Etätoteutus"));
  buf_printf(o,
             "<div class=\"field checks\"><label><input type=\"checkbox\" id=\"f-in_calendar\" name=\"in_calendar\" "
             "value=\"1\" aria-describedby=\"h-in_calendar\"%r> %h</label><span class=\"hint\" id=\"h-in_calendar\">%h"
             "</span></div>\n",
             v->in_calendar ? " checked" : "", T(r, "Näytä tapahtumakalenterissa"),
             T(r, "Tapaamiset näkyvät julkisessa tapahtumakalenterissa palvelun nimellä ja otsikolla, ilman "
                  "osallistujia."));
  coach_select(r, &f, v->coach);
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Tallenna"));
}

/* Builds the model's delivery from posted text (strings point into the request). */
static delivery delivery_from(web_req *r, const dform *v) {
  delivery x = {.id = r->id,
                .ref = (char *)v->ref,
                .title = (char *)v->title,
                .starts_on = (char *)v->starts_on,
                .ends_on = (char *)v->ends_on,
                .place = (char *)v->place,
                .remote = v->remote,
                .in_calendar = v->in_calendar};
  if (util_parse_int(v->service, 1, 1LL << 53, &x.service_id) != K_OK) x.service_id = 0;
  if (*v->coach && util_parse_int(v->coach, 1, 1LL << 53, &x.coach_id) != K_OK) x.coach_id = -1;
  return x;
}

static void new_page(web_req *r, const dform *v, const kerr *err) {
  page_begin(r, T(r, "Uusi toteutus"), "services-admin");
  buf_printf(&r->out, "<p><a href=\"%h/hallinta/toteutukset\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix,
             T(r, "Toteutukset"), T(r, "Uusi toteutus"));
  delivery_form(r, v, err);
  page_end(r);
}

static void page_staff_delivery_new(web_req *r) {
  dform v = {web_field(r, "service"), "", "", "", "", "", "", 0, 0};
  new_page(r, &v, NULL);
}

static void page_staff_delivery_create(web_req *r) {
  dform v = dform_posted(r);
  delivery x = delivery_from(r, &v);
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  long long id = fresh ? delivery_create(r->db, &x, &e) : 0;
  if (id) {
    web_changed();
    web_redirectf(r, "/hallinta/toteutukset/%lld?done=saved", id);
  } else {
    new_page(r, &v, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

/* ---- one delivery ---- */

/* What the detail page shows again after a bad sub-form: the posted values and the error of each form. */
typedef struct detail_state {
  const dform *edit;
  const kerr *edit_err, *org_err, *session_err;
  int stale; /* the edit form came with a stale token: its message goes at the top of the page */
  const char *number, *held_on, *session_place, *starts_time, *ends_time;
  long long edit_session; /* a session whose edit failed: its row shows session_err and the posted values */
} detail_state;

static void counts_section(web_req *r, const delivery *x) {
  buf *o = &r->out;
  static const char *const heads[] = {"Rooli", "Osallistujia"};
  buf_printf(o, "<h2 id=\"counts-h\">%h</h2>\n", T(r, "Osallistujat rooleittain"));
  pager_table_begin(r, T(r, "Osallistujat rooleittain"), heads, 2, 1);
  for (int i = 0; i < PERSON_NROLES; i++)
    buf_printf(o, "<tr><td>%h</td><td class=\"num\">%N</td></tr>\n", T(r, person_role_plural(person_role_at(i))),
               x->by_role[i]);
  buf_printf(o, "<tr><th scope=\"row\">%h</th><td class=\"num\">%N</td></tr>\n", T(r, "Yhteensä"), x->participations);
  web_table_end(r);
  buf_printf(o, "<p><a href=\"%h/hallinta/toteutukset/%lld/osallistujat\">%h</a></p>\n", r->prefix, x->id,
             T(r, "Osallistujat ja läsnäolot"));
  /* exports: the participants with attendance as a download (pages/exports.c) */
  char path[64];
  snprintf(path, sizeof path, "/hallinta/vienti/toteutukset/%lld/osallistujat", x->id);
  export_links_write(r, path, "", T(r, "Osallistujat ja läsnäolot"));
}

static void orgs_section(web_req *r, const delivery *x, const kerr *err) {
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Organisaatiot"));
  if (!x->norgs)
    buf_printf(o, "<p>%h</p>\n", T(r, "Ei vielä organisaatioita."));
  else
    buf_puts(o, "<ul>\n");
  for (int i = 0; i < x->norgs; i++) {
    buf_printf(o,
               "<li>%h <a href=\"%h/hallinta/toteutukset/%lld/organisaatiot/poista?org=%lld\">%h"
               "<span class=\"visually-hidden\"> %h</span></a></li>\n",
               x->orgs[i].name, r->prefix, x->id, x->orgs[i].id, T(r, "Poista"), x->orgs[i].name);
  }
  if (x->norgs) buf_puts(o, "</ul>\n");
  form_ctx f = {r, err};
  form_errors(&f);
  int n = 0;
  org_filter all = {0};
  org *v = org_list(r->db, &r->mem, &all, MAX_CHOICES, 0, &n);
  form_opt *oo = arena_alloc(&r->mem, sizeof *oo * (size_t)(n ? n : 1));
  for (int i = 0; i < n; i++) oo[i] = (form_opt){num(r, v[i].id), arena_strdup(&r->mem, v[i].name)};
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/toteutukset/%lld/organisaatiot\" class=\"filters\">",
             r->prefix, x->id);
  web_csrf_field(r);
  form_select(&f, "org", T(r, "Lisää organisaatio"), NULL, oo, n, 1, T(r, "Valitse"));
  buf_printf(o, "<div class=\"field\"><button type=\"submit\">%h</button></div></form>\n", T(r, "Lisää"));
}

/* One input of a session row's edit form; bad marks it invalid and points it at the row's error. */
static void session_input(web_req *r, const delivery_session *s, char key, const char *name, const char *what,
                          const char *value, int size, int bad) {
  buf_printf(&r->out,
             "<label for=\"s%lld-%c\" class=\"visually-hidden\">%h %d: %h</label>"
             "<input id=\"s%lld-%c\" name=\"%h\" value=\"%h\" size=\"%d\"",
             s->id, key, T(r, "Tapaaminen"), s->number, T(r, what), s->id, key, name, value, size);
  if (bad) buf_printf(&r->out, " aria-invalid=\"true\" aria-describedby=\"s%lld-e\"", s->id);
  buf_puts(&r->out, "> ");
}

/* One session row: the attendance count, a small edit form and a delete button. After a failed edit of this
 * session the form keeps what was typed and says what is wrong beside it. */
static void session_row(web_req *r, const delivery *x, const delivery_session *s, const detail_state *st) {
  buf *o = &r->out;
  int bad = st->edit_session == s->id && st->session_err && st->session_err->msg;
  buf_printf(o, "<tr><td class=\"num\">%d</td><td class=\"nowrap\">%D</td><td>%h</td><td class=\"num\">%N</td><td>",
             s->number, s->held_on, s->place, s->attended);
  if (bad) {
    buf_printf(o, "<span class=\"error\" id=\"s%lld-e\">", s->id);
    for (const kerr *e = st->session_err; e && e->msg; e = e->next)
      buf_printf(o, "%r%h", e == st->session_err ? "" : " ", T(r, e->msg));
    buf_puts(o, "</span>");
  }
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/toteutukset/%lld/tapaamiset/muokkaa\" class=\"inline\">",
             r->prefix, x->id);
  web_csrf_field(r);
  buf_printf(o, "<input type=\"hidden\" name=\"session\" value=\"%lld\">", s->id);
  char number[16];
  snprintf(number, sizeof number, "%d", s->number);
  buf held = BUF_INIT;
  buf_printf(&held, "%D", s->held_on);
  session_input(r, s, 'n', "number", "numero", bad ? st->number : number, 3, bad);
  session_input(r, s, 'd', "held_on", "päivä", bad ? st->held_on : held.data ? held.data : "", 10, bad);
  session_input(r, s, 'p', "session_place", "paikka", bad ? st->session_place : s->place, 12, bad);
  char from[8] = "", to[8] = ""; /* "9.30" as Finns write it */
  if (s->starts_time) snprintf(from, sizeof from, "%d.%s", atoi(s->starts_time), s->starts_time + 3);
  if (s->ends_time) snprintf(to, sizeof to, "%d.%s", atoi(s->ends_time), s->ends_time + 3);
  session_input(r, s, 's', "starts_time", "alkaa klo", bad ? st->starts_time : from, 5, bad);
  session_input(r, s, 'e', "ends_time", "päättyy klo", bad ? st->ends_time : to, 5, bad);
  buf_free(&held);
  buf_printf(
      o, "<button type=\"submit\" class=\"secondary\">%h<span class=\"visually-hidden\"> %d</span></button></form> ",
      T(r, "Tallenna"), s->number);
  buf_printf(o,
             "<a class=\"button danger\" href=\"%h/hallinta/toteutukset/%lld/tapaamiset/poista?session=%lld\">%h"
             "<span class=\"visually-hidden\"> %h %d</span></a> <a href=\"%h/hallinta/tapaamiset/%lld\">%h"
             "<span class=\"visually-hidden\"> %d</span></a></td></tr>\n",
             r->prefix, x->id, s->id, T(r, "Poista"), T(r, "tapaaminen"), s->number, r->prefix, s->id,
             T(r, "Nimenhuuto"), s->number);
}

static void sessions_section(web_req *r, const delivery *x, const detail_state *st) {
  buf *o = &r->out;
  static const char *const heads[] = {"Nro", "Päivä", "Paikka", "Läsnä", "Muokkaa tai poista"};
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Tapaamiset"));
  /* the add form's errors beside its fields; a failed edit's errors in the session's own row */
  form_ctx f = {r, st->edit_session ? NULL : st->session_err};
  form_errors(&f);
  if (st->edit_session && st->session_err && st->session_err->msg) {
    buf_printf(o, "<div class=\"error-summary\" role=\"alert\"><h2>%h</h2><ul>", T(r, "Tarkista lomake"));
    for (const kerr *e = st->session_err; e && e->msg; e = e->next)
      buf_printf(o, "<li><a href=\"#s%lld-n\">%h</a></li>", st->edit_session, T(r, e->msg));
    buf_puts(o, "</ul></div>\n");
  }
  if (x->nsessions) {
    pager_table_begin(r, T(r, "Tapaamiset ja läsnäolot"), heads, 5, 3);
    for (int i = 0; i < x->nsessions; i++) session_row(r, x, &x->sessions[i], st);
    web_table_end(r);
  } else {
    buf_printf(o, "<p>%h</p>\n", T(r, "Ei vielä tapaamisia."));
  }
  buf_printf(o,
             "<h3>%h</h3>\n<form method=\"post\" action=\"%h/hallinta/toteutukset/%lld/tapaamiset\" class=\"filters\">",
             T(r, "Lisää tapaaminen"), r->prefix, x->id);
  web_csrf_field(r);
  int adding = !st->edit_session;
  form_input(&f, "text", "number", T(r, "Numero"), adding ? st->number : NULL, 0, T(r, "Tyhjä: seuraava"));
  form_input(&f, "text", "held_on", T(r, "Päivä"), adding ? st->held_on : NULL, 1, T(r, "Esimerkiksi 22.11.2026"));
  form_input(&f, "text", "session_place", T(r, "Paikka"), adding ? st->session_place : NULL, 0, NULL);
  form_input(&f, "text", "starts_time", T(r, "Alkaa klo"), adding ? st->starts_time : NULL, 0,
             T(r, "Esimerkiksi 9.30; tyhjä: koko päivä"));
  form_input(&f, "text", "ends_time", T(r, "Päättyy klo"), adding ? st->ends_time : NULL, 0,
             T(r, "Esimerkiksi 11.00"));
  buf_printf(o, "<div class=\"field\"><button type=\"submit\">%h</button></div></form>\n", T(r, "Lisää"));
}

static void detail_page(web_req *r, const delivery *x, const detail_state *st) {
  buf *o = &r->out;
  const char *title = *x->title ? x->title : x->service_name;
  page_begin(r, title, "services-admin");
  buf_printf(o, "<p><a href=\"%h/hallinta/toteutukset\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Toteutukset"),
             title);
  buf_printf(o, "<p class=\"meta\">%h · %h · %D–%D</p>\n", x->type_name, x->service_name, x->starts_on, x->ends_on);
  if (!strcmp(web_field(r, "done"), "saved"))
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, "Toteutus tallennettu."));
  if (st->stale) {
    form_ctx top = {r, st->edit_err};
    form_errors(&top);
  }
  counts_section(r, x);
  sessions_section(r, x, st);
  orgs_section(r, x, st->org_err);
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Toteutuksen tiedot"));
  dform cur = dform_of(r, x);
  delivery_form(r, st->edit ? st->edit : &cur, st->stale ? NULL : st->edit_err);
  page_end(r);
}

/* Reads the delivery of r->id, or answers 404 and returns NULL. */
static delivery *delivery_or_404(web_req *r) {
  delivery *x = delivery_get(r->db, &r->mem, r->id, r->lang);
  if (!x) web_error(r, 404, T(r, "Toteutusta ei ole."));
  return x;
}

/* Returns 1 when the delivery of r->id exists, without reading it; otherwise answers 404 and returns 0. */
static int delivery_exists_or_404(web_req *r) {
  if (delivery_exists(r->db, r->id)) return 1;
  web_error(r, 404, T(r, "Toteutusta ei ole."));
  return 0;
}

/* Shows the page again with the state of a failed form (422), or redirects to it when e is clear. */
static void after_change(web_req *r, const kerr *e, detail_state *st) {
  if (!e->msg) {
    web_changed();
    web_redirectf(r, "/hallinta/toteutukset/%lld?done=saved", r->id);
    return;
  }
  delivery *x = delivery_get(r->db, &r->mem, r->id, r->lang);
  detail_page(r, x, st);
  r->status = 422;
}

static void page_staff_delivery(web_req *r) {
  delivery *x = delivery_or_404(r);
  if (!x) return;
  detail_state st = {0};
  detail_page(r, x, &st);
}

static void page_staff_delivery_update(web_req *r) {
  if (!delivery_exists_or_404(r)) return;
  dform v = dform_posted(r);
  delivery x = delivery_from(r, &v);
  kerr e = {0};
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the page again, the edit form filled in (403) */
  if (fresh) delivery_update(r->db, &x, &e);
  detail_state st = {.edit = &v, .edit_err = &e, .stale = !fresh};
  after_change(r, &e, &st);
  if (!fresh) r->status = 403;
  kerr_clear(&e);
}

static long long posted_id(web_req *r, const char *name) {
  long long v = 0;
  return util_parse_int(web_field(r, name), 1, 1LL << 53, &v) == K_OK ? v : 0;
}

/* Adds (add 1) or removes the posted organisation. */
static void org_change(web_req *r, int add) {
  if (!delivery_exists_or_404(r)) return;
  kerr e = {0};
  if (add)
    delivery_org_add(r->db, r->id, posted_id(r, "org"), &e);
  else
    delivery_org_remove(r->db, r->id, posted_id(r, "org"), &e);
  detail_state st = {.org_err = &e};
  after_change(r, &e, &st);
  kerr_clear(&e);
}

static void page_staff_delivery_org_add(web_req *r) {
  org_change(r, 1);
}

/* A confirmation page posting field=id to /hallinta/toteutukset/ID/<sub>/poista, cancel back to the delivery. */
static void delivery_confirm(web_req *r, const delivery *x, const char *sub, const char *field, long long id,
                             const char *title, const char *what, const char *button) {
  char back[48], action[96];
  snprintf(back, sizeof back, "/hallinta/toteutukset/%lld", x->id);
  snprintf(action, sizeof action, "%s/%s/poista", back, sub);
  confirm_spec c = {.title = title,
                    .what = what,
                    .action = action,
                    .field = field,
                    .id = id,
                    .button = button,
                    .back = back,
                    .active = "services-admin"};
  confirm_page(r, &c);
}

/* The confirmation of removing an organisation (GET, or a POST without confirm). */
static void org_remove_confirm(web_req *r, const delivery *x, long long org_id) {
  const char *name = NULL;
  for (int i = 0; i < x->norgs; i++)
    if (x->orgs[i].id == org_id) name = x->orgs[i].name;
  if (!name) {
    web_error(r, 404, T(r, "Organisaatio ei ole mukana tässä toteutuksessa."));
    return;
  }
  buf what = BUF_INIT;
  buf_printf(&what, T(r, "Poistetaan %r toteutuksesta %r. Organisaation henkilöt pysyvät osallistujina."), name,
             *x->title ? x->title : x->service_name);
  delivery_confirm(r, x, "organisaatiot", "org", org_id, T(r, "Poistetaanko organisaatio?"), what.data,
                   T(r, "Poista organisaatio"));
  buf_free(&what);
}

static void page_staff_delivery_org_remove(web_req *r) {
  if (!strcmp(r->method, "POST") && confirm_posted(r)) {
    org_change(r, 0);
    return;
  }
  delivery *x = delivery_or_404(r);
  if (x) org_remove_confirm(r, x, posted_id(r, "org"));
}

/* The posted session number: 0 when empty (next free), -1 when not a number (the model names it). */
static int posted_number(web_req *r) {
  const char *s = web_field(r, "number");
  long long v = 0;
  if (!*s) return 0;
  return util_parse_int(s, 1, DELIVERY_MAX_SESSIONS, &v) == K_OK ? (int)v : -1;
}

static void session_change(web_req *r, int op) {
  if (!delivery_exists_or_404(r)) return;
  kerr e = {0};
  const char *held_on = web_field(r, "held_on"), *place = web_field(r, "session_place");
  const char *from = web_field(r, "starts_time"), *to = web_field(r, "ends_time");
  long long sid = 0;
  /* the times (for the events calendar) are checked first, so a bad time saves nothing */
  if (op != 2 && delivery_session_times(r->db, r->id, 0, from, to, &e) != K_OK)
    ;
  else if (op == 0)
    sid = delivery_session_add(r->db, r->id, posted_number(r), held_on, place, &e);
  else if (op == 1 &&
           delivery_session_update(r->db, r->id, posted_id(r, "session"), posted_number(r), held_on, place, &e) ==
               K_OK)
    sid = posted_id(r, "session");
  else if (op == 2)
    delivery_session_delete(r->db, r->id, posted_id(r, "session"), r->user.email, &e);
  if (sid) delivery_session_times(r->db, r->id, sid, from, to, &e);
  detail_state st = {.session_err = &e};
  if (op != 2)
    st.number = web_field(r, "number"), st.held_on = held_on, st.session_place = place, st.starts_time = from,
    st.ends_time = to;
  if (op == 1) st.edit_session = posted_id(r, "session");
  after_change(r, &e, &st);
  kerr_clear(&e);
}

static void page_staff_session_add(web_req *r) {
  session_change(r, 0);
}

static void page_staff_session_update(web_req *r) {
  session_change(r, 1);
}

/* The confirmation of deleting a session with its attendance (GET, or a POST without confirm). */
static void session_delete_confirm(web_req *r, const delivery *x, long long session_id) {
  const delivery_session *s = NULL;
  for (int i = 0; i < x->nsessions; i++)
    if (x->sessions[i].id == session_id) s = &x->sessions[i];
  if (!s) {
    web_error(r, 404, T(r, "Tapaamista ei ole."));
    return;
  }
  buf what = BUF_INIT;
  buf_printf(&what, T(r, "Poistetaan tapaaminen %d (%D) ja sen %N läsnäolomerkintää."), s->number, s->held_on,
             s->attended);
  delivery_confirm(r, x, "tapaamiset", "session", session_id, T(r, "Poistetaanko tapaaminen?"), what.data,
                   T(r, "Poista tapaaminen"));
  buf_free(&what);
}

static void page_staff_session_delete(web_req *r) {
  if (!strcmp(r->method, "POST") && confirm_posted(r)) {
    session_change(r, 2);
    return;
  }
  delivery *x = delivery_or_404(r);
  if (x) session_delete_confirm(r, x, posted_id(r, "session"));
}

const route deliveries_admin_routes[] = {
    {"GET", "/hallinta/toteutukset", page_staff_deliveries, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 5, "services-admin", N_("Palvelutoiminta")}},
    {"GET", "/hallinta/toteutukset/uusi", page_staff_delivery_new, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/toteutukset/uusi", page_staff_delivery_create,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hallinta/toteutukset/{id}", page_staff_delivery, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/toteutukset/{id}", page_staff_delivery_update,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"POST", "/hallinta/toteutukset/{id}/organisaatiot", page_staff_delivery_org_add,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/toteutukset/{id}/organisaatiot/poista", page_staff_delivery_org_remove,
     .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/toteutukset/{id}/organisaatiot/poista", page_staff_delivery_org_remove,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"POST", "/hallinta/toteutukset/{id}/tapaamiset", page_staff_session_add, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"POST", "/hallinta/toteutukset/{id}/tapaamiset/muokkaa", page_staff_session_update,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/toteutukset/{id}/tapaamiset/poista", page_staff_session_delete, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/toteutukset/{id}/tapaamiset/poista", page_staff_session_delete,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
