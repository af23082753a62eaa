/* moderation: the staff deed queue /hallinta/tekot (status tabs, publish, reject with a reason) and deed editing. */
#include <stdio.h>
#include <string.h>

#include "web/form.h"
#include "web/pager.h"
#include "web/pages/deed_form.h"
#include "web/pages/moderation.h"
#include "web/widgets.h"

#define DEEDS_PER_PAGE 50

static const char *const STATUSES[][2] = {
    {"submitted", "Odottaa"}, {"published", "Julkaistu"}, {"rejected", "Hylätty"}};

/* The tab asked for in ?status=, or "submitted". A static string, never user text. */
static const char *status_tab(web_req *r) {
  const char *s = web_query(r, "status");
  for (size_t i = 0; s && i < sizeof STATUSES / sizeof STATUSES[0]; i++)
    if (strcmp(s, STATUSES[i][0]) == 0) return STATUSES[i][0];
  return "submitted";
}

/* The confirmation after a redirect: ?done= names a fixed message, so no user text is echoed. */
static void done_notice(web_req *r) {
  const char *done = web_query(r, "done");
  const char *msg = !done                        ? NULL
                    : !strcmp(done, "published") ? "Teko julkaistu."
                    : !strcmp(done, "rejected")  ? "Teko hylätty."
                                                 : NULL;
  if (msg) buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, msg));
}

static void tabs(web_req *r, const char *current) {
  buf_printf(&r->out, "<nav aria-label=\"%h\"><ul class=\"tabs\">", T(r, "Tekojen tila"));
  for (size_t i = 0; i < sizeof STATUSES / sizeof STATUSES[0]; i++) {
    const char *s = STATUSES[i][0];
    buf_printf(&r->out, "<li><a href=\"%h/hallinta/tekot?status=%U\"%r>%h <span class=\"count\">(%N)</span></a></li>",
               r->prefix, s, strcmp(s, current) == 0 ? " aria-current=\"page\"" : "", T(r, STATUSES[i][1]),
               deed_count_by_status(r->db, s));
  }
  buf_puts(&r->out, "</ul></nav>\n");
}

static void row_actions(web_req *r, const deed *x) {
  buf_puts(&r->out, "<td>");
  moderation_actions(r, x);
  buf_puts(&r->out, "</td>");
}

static void queue_table(web_req *r, const deed *v, int n, const char *tab_label) {
  buf *o = &r->out;
  static const char *const heads[] = {"Otsikko", "Organisaatio", "Kunta", "Vuosi", "Lähetetty", "Toiminnot"};
  pager_table_begin(r, tab_label, heads, 6, 3);
  for (int i = 0; i < n; i++) {
    const deed *x = &v[i];
    buf_printf(o,
               "<tr><td><a href=\"%h/tekot/%lld\">%h</a></td><td>%h</td><td>%h</td><td class=\"num\">%d</td>"
               "<td>%D</td>",
               r->prefix, x->id, x->title, x->org_name, x->municipality_name ? x->municipality_name : "–", x->year,
               x->created_at);
    row_actions(r, x);
    buf_puts(o, "</tr>\n");
  }
  web_table_end(r);
}

static void page_staff_deeds(web_req *r) {
  const char *tab = status_tab(r);
  const char *tab_label = "";
  for (size_t i = 0; i < sizeof STATUSES / sizeof STATUSES[0]; i++)
    if (strcmp(tab, STATUSES[i][0]) == 0) tab_label = T(r, STATUSES[i][1]);
  pager p = pager_make(r, deed_count_by_status(r->db, tab), DEEDS_PER_PAGE);
  int n = 0;
  deed *v = deed_list_by_status(r->db, &r->mem, tab, p.per_page, pager_offset(&p), &n);
  page_begin(r, T(r, "Tekojen moderointi"), "moderation");
  buf_printf(&r->out, "<h1>%h</h1>\n", T(r, "Tekojen moderointi"));
  done_notice(r);
  tabs(r, tab);
  char query[32]; /* exports: this tab's deeds with every field (pages/exports.c) */
  snprintf(query, sizeof query, "?status=%s", tab);
  export_links_write(r, "/hallinta/vienti/tekot", query, T(r, "Tekojen tiedot"));
  if (n == 0)
    buf_printf(&r->out, "<p>%h</p>\n", T(r, "Tässä tilassa ei ole tekoja."));
  else
    queue_table(r, v, n, tab_label);
  pager_write_query(r, &p, "/hallinta/tekot", "status", tab, NULL);
  page_end(r);
}

/* The deed of r->id (in the request arena), or NULL after answering 404. */
static deed *deed_or_404(web_req *r) {
  deed *x = deed_get(r->db, &r->mem, r->id, r->lang);
  if (!x) web_error(r, 404, T(r, "Tekoa ei löytynyt."));
  return x;
}

static void page_staff_deed_publish(web_req *r) {
  deed *x = deed_or_404(r);
  if (!x) return;
  kerr e = {0};
  if (deed_publish(r->db, x->id, &e) != K_OK) {
    web_error(r, 404, T(r, "Tekoa ei löytynyt."));
  } else {
    web_changed();
    web_redirectf(r, "/hallinta/tekot?status=%U&done=published", x->status);
  }
  kerr_clear(&e);
}

static void reject_form(web_req *r, const deed *x, const char *reason, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  page_begin(r, T(r, "Hylkää teko"), "moderation");
  buf_printf(o, "<p><a href=\"%h/hallinta/tekot\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Moderointijonoon"),
             T(r, "Hylkää teko"));
  buf_printf(o, "<p class=\"lead\"><a href=\"%h/tekot/%lld\">%h</a> – %h</p>\n", r->prefix, x->id, x->title,
             x->org_name);
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/tekot/%lld/hylkaa\" class=\"form\" novalidate>\n",
             r->prefix, x->id);
  web_csrf_field(r);
  form_textarea(&f, "reason", T(r, "Hylkäyksen syy"), reason, 1,
                T(r, "Kerro lyhyesti, miksi tekoa ei julkaista. Syy näkyy henkilöstölle teon sivulla, ja se lähetetään "
                     "teon lähettäjälle, jos hän pyysi tietoa sähköpostilla."),
                4);
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%h</button>"
             "<a href=\"%h/hallinta/tekot\">%h</a></div>\n</form>\n",
             T(r, "Hylkää teko"), r->prefix, T(r, "Peruuta"));
  page_end(r);
}

static void page_staff_deed_reject_form(web_req *r) {
  deed *x = deed_or_404(r);
  if (!x) return;
  reject_form(r, x, x->reject_reason, NULL);
}

static void page_staff_deed_reject(web_req *r) {
  deed *x = deed_or_404(r);
  if (!x) return;
  const char *reason = web_field(r, "reason");
  kerr e = {0};
  if (deed_reject(r->db, x->id, reason, &e) != K_OK) {
    reject_form(r, x, reason, &e);
    r->status = 422;
  } else {
    web_changed();
    web_redirectf(r, "/hallinta/tekot?status=%U&done=rejected", x->status);
  }
  kerr_clear(&e);
}

static void edit_form(web_req *r, const deed *x, const kerr *err) {
  char action[64];
  snprintf(action, sizeof action, "/hallinta/tekot/%lld/muokkaa", r->id);
  page_begin(r, T(r, "Muokkaa tekoa"), "moderation");
  buf_printf(&r->out, "<p><a href=\"%h/tekot/%lld\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, r->id,
             T(r, "Takaisin tekoon"), T(r, "Muokkaa tekoa"));
  deed_form_write(r, x, err, action, 1);
  page_end(r);
}

static void page_staff_deed_edit(web_req *r) {
  deed *x = deed_or_404(r);
  if (!x) return;
  edit_form(r, x, NULL);
}

static void page_staff_deed_update(web_req *r) {
  deed *old = deed_or_404(r);
  if (!old) return;
  deed *x = deed_form_read(r);
  x->id = old->id;
  /* the form shows the organisation as text: keep the registry link while that text is unchanged */
  if (old->org_id && x->org_name && old->org_name && strcmp(x->org_name, old->org_name) == 0) x->org_id = old->org_id;
  kerr e = {0};
  if (deed_validate(r->db, x, 0, &e) != K_OK || deed_update(r->db, x, &e) != K_OK) {
    edit_form(r, x, &e);
    r->status = 422;
  } else {
    web_changed();
    web_redirectf(r, "/tekot/%lld", x->id);
  }
  kerr_clear(&e);
}

const route moderation_routes[] = {
    {"GET", "/hallinta/tekot", page_staff_deeds, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 1, "moderation", N_("Moderointi")}},
    {"POST", "/hallinta/tekot/{id}/julkaise", page_staff_deed_publish, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/tekot/{id}/hylkaa", page_staff_deed_reject_form, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/tekot/{id}/hylkaa", page_staff_deed_reject, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/tekot/{id}/muokkaa", page_staff_deed_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/tekot/{id}/muokkaa", page_staff_deed_update, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
