/* people: personal data for staff and an organisation's own contact: /hallinta/henkilot (search), a person's page,
 * a delivery's participants and an organisation's people. Every view writes an audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/audit.h"
#include "model/org.h"
#include "model/person.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/people.h"

#define PEOPLE_PER_PAGE 50
#define AUDIT_ON_PAGE 100

/* Writes the audit row for a view of personal data and keeps the page out of every cache; when the row cannot be
 * written the data is not shown (500). */
static int audited_or_reply(web_req *r, const char *subject, const char *detail) {
  r->no_store = 1;
  if (audit_log(r->db, r->user.email, "view", subject, detail) == K_OK) return 1;
  web_error(r, 500, T(r, "Tietoja ei voitu näyttää. Yritä hetken kuluttua uudelleen."));
  return 0;
}

static void people_table(web_req *r, const person *v, int n) {
  static const char *const heads[] = {"Nimi", "Sähköposti", "Organisaatio", "Ammattiryhmä", "Lisätty"};
  pager_table_begin(r, T(r, "Henkilöt"), heads, 5, -1);
  for (int i = 0; i < n; i++) {
    const person *x = &v[i];
    buf_printf(&r->out,
               "<tr><td><a href=\"%h/hallinta/henkilot/%lld\">%h</a></td><td>%h</td><td>%h</td><td>%h</td>"
               "<td class=\"nowrap\">%D</td></tr>\n",
               r->prefix, x->id, x->name, x->email, x->org_name ? x->org_name : "–",
               x->occupation && *x->occupation ? x->occupation : "–", x->created_at);
  }
  web_table_end(r);
}

/* People of the organisation for its contact: names and emails without links to the staff pages. */
static void org_people_table(web_req *r, const person *v, int n) {
  static const char *const heads[] = {"Nimi", "Sähköposti", "Ammattiryhmä"};
  pager_table_begin(r, T(r, "Henkilöt"), heads, 3, -1);
  for (int i = 0; i < n; i++)
    buf_printf(&r->out, "<tr><td>%h</td><td>%h</td><td>%h</td></tr>\n", v[i].name, v[i].email,
               v[i].occupation && *v[i].occupation ? v[i].occupation : "–");
  web_table_end(r);
}

static void search_form(web_req *r, const char *action, const char *q) {
  form_ctx f = {r, NULL};
  buf_printf(&r->out, "<form method=\"get\" action=\"%h%h\" class=\"filters\" role=\"search\">", r->prefix, action);
  form_input(&f, "search", "q", T(r, "Nimi tai sähköposti"), q, 0, NULL);
  buf_printf(&r->out, "<div class=\"field\"><button type=\"submit\">%h</button></div></form>\n", T(r, "Hae"));
}

/* The searchable, paginated list of people; org_id 0 for everyone (staff), else one organisation. Returns 0 when
 * the view could not be audited (an error page has replaced the output). */
static int people_list(web_req *r, const char *path, long long org_id, const char *subject) {
  const char *q = web_field(r, "q");
  pager p = pager_make(r, person_count(r->db, q, org_id), PEOPLE_PER_PAGE);
  /* at most 200 bytes of the term, cut before a character rather than inside one: the row must stay UTF-8 */
  int qlen = (int)strlen(q);
  if (qlen > 200)
    for (qlen = 200; qlen > 0 && ((unsigned char)q[qlen] & 0xC0) == 0x80;) qlen--;
  char detail[300];
  snprintf(detail, sizeof detail, "page %d%s%.*s", p.page, *q ? ", search " : "", qlen, q);
  if (!audited_or_reply(r, subject, detail)) return 0;
  int n = 0;
  person *v = person_list(r->db, &r->mem, q, org_id, p.per_page, pager_offset(&p), &n);
  search_form(r, path, q);
  buf_printf(&r->out, "<p role=\"status\">%N %h</p>\n", p.total, T(r, p.total == 1 ? "henkilö" : "henkilöä"));
  if (n && !org_id) people_table(r, v, n);
  if (n && org_id) org_people_table(r, v, n);
  pager_write_query(r, &p, path, "q", q, NULL);
  return 1;
}

static void page_staff_people(web_req *r) {
  page_begin(r, T(r, "Henkilöt"), "people");
  buf_printf(&r->out, "<h1>%h</h1>\n<p><a href=\"%h/hallinta/loki\">%h</a></p>\n", T(r, "Henkilöt"), r->prefix,
             T(r, "Tietojen käsittelyloki"));
  if (people_list(r, "/hallinta/henkilot", 0, "people")) page_end(r);
}

static void page_org_people(web_req *r) {
  org *o = org_get(r->db, &r->mem, r->id);
  if (!o) {
    web_error(r, 404, T(r, "Organisaatiota ei löytynyt."));
    return;
  }
  char path[64], subject[48];
  snprintf(path, sizeof path, "/organisaatiot/%lld/henkilot", r->id);
  snprintf(subject, sizeof subject, "org:%lld/people", r->id);
  page_begin(r, T(r, "Organisaation henkilöt"), "people");
  buf_printf(&r->out, "<h1>%h: %h</h1>\n", T(r, "Henkilöt"), o->name);
  if (people_list(r, path, r->id, subject)) page_end(r);
}

static void parts_table(web_req *r, const person_part *v, int n) {
  static const char *const heads[] = {"Palvelu", "Toteutus", "Alkaa", "Rooli", "Läsnä"};
  pager_table_begin(r, T(r, "Osallistumiset"), heads, 5, 4);
  for (int i = 0; i < n; i++) {
    const person_part *x = &v[i];
    buf_printf(&r->out,
               "<tr><td>%h</td><td><a href=\"%h/hallinta/toteutukset/%lld/osallistujat\">%h</a></td>"
               "<td class=\"nowrap\">%D</td><td>%h</td><td class=\"num\">%d/%d</td></tr>\n",
               x->service_name, r->prefix, x->delivery_id,
               x->delivery_ref && *x->delivery_ref ? x->delivery_ref : (x->delivery_title ? x->delivery_title : "–"),
               x->starts_on, T(r, person_role_label(x->role)), x->sessions_attended, x->sessions_total);
  }
  web_table_end(r);
}

static void esf_table(web_req *r, const esf_record *v, int n) {
  static const char *const heads[] = {"Kausi",    "Aloituspäivä",   "Syntymäaika",
                                      "Ikä",      "Sukupuoli",      "Työmarkkina",
                                      "Koulutus", "Päättymispäivä", "Tilanne päättyessä"};
  pager_table_begin(r, T(r, "ESF-osallistujatiedot"), heads, 9, 3);
  for (int i = 0; i < n; i++) {
    const esf_record *x = &v[i];
    buf_printf(&r->out, "<tr><td>%h</td><td class=\"nowrap\">%D</td><td class=\"nowrap\">%D</td>", x->period_name,
               x->entry_date, x->birth_date ? x->birth_date : "–");
    if (x->age_at_entry >= 0)
      buf_printf(&r->out, "<td class=\"num\">%d</td>", x->age_at_entry);
    else
      buf_printf(&r->out, "<td class=\"num\">%h</td>", T(r, "ei tiedossa"));
    buf_printf(&r->out, "<td>%h</td><td>%h</td><td>%h</td><td class=\"nowrap\">%D</td><td>%h</td></tr>\n",
               T(r, person_esf_label(x->gender)), T(r, person_esf_label(x->labour)),
               T(r, person_esf_label(x->education)), x->exit_date ? x->exit_date : "–",
               x->exit_status ? T(r, person_esf_label(x->exit_status)) : "–");
  }
  web_table_end(r);
}

static void audit_table(web_req *r, const audit_row *v, int n) {
  static const char *const heads[] = {"Aika", "Kuka", "Toiminto", "Kohde", "Lisätieto"};
  pager_table_begin(r, T(r, "Lokitapahtumat"), heads, 5, -1);
  for (int i = 0; i < n; i++) {
    buf_puts(&r->out, "<tr><td class=\"nowrap\">");
    web_fi_datetime(r, v[i].at);
    buf_printf(&r->out, "</td><td>%h</td><td>%h</td><td>%h</td><td>%h</td></tr>\n", v[i].actor, v[i].action,
               v[i].subject, v[i].detail);
  }
  web_table_end(r);
}

static void person_facts(web_req *r, const person *p) {
  buf *o = &r->out;
  buf_puts(o, "<dl class=\"facts\">\n");
  buf_printf(o, "<dt>%h</dt><dd>%h</dd>\n", T(r, "Sähköposti"), p->email ? p->email : T(r, "poistettu"));
  buf_printf(o, "<dt>%h</dt><dd>", T(r, "Organisaatio"));
  if (p->org_id)
    buf_printf(o, "<a href=\"%h/organisaatiot/%lld/henkilot\">%h</a>", r->prefix, p->org_id, p->org_name);
  else
    buf_puts(o, "–");
  buf_printf(o, "</dd>\n<dt>%h</dt><dd>%h</dd>\n", T(r, "Ammattiryhmä"),
             p->occupation && *p->occupation ? p->occupation : "–");
  buf_printf(o, "<dt>%h</dt><dd>%h</dd>\n", T(r, "Toimiala"), p->sector_name ? p->sector_name : "–");
  buf_printf(o, "<dt>%h</dt><dd>%D</dd>\n", T(r, "Lisätty"), p->created_at);
  if (p->erased_at) buf_printf(o, "<dt>%h</dt><dd>%D</dd>\n", T(r, "Tiedot poistettu"), p->erased_at);
  buf_puts(o, "</dl>\n");
}

static void page_staff_person(web_req *r) {
  person *p = person_get(r->db, &r->mem, r->id);
  if (!p) {
    web_error(r, 404, T(r, "Henkilöä ei löytynyt."));
    return;
  }
  char subject[40];
  snprintf(subject, sizeof subject, "person:%lld", r->id);
  if (!audited_or_reply(r, subject, "person page")) return;
  const char *title = p->name ? p->name : T(r, "Poistettu henkilö");
  page_begin(r, title, "people");
  buf_printf(&r->out, "<p><a href=\"%h/hallinta/henkilot\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Henkilöt"),
             title);
  person_facts(r, p);
  int n = 0;
  person_part *parts = person_parts(r->db, &r->mem, r->id, &n);
  buf_printf(&r->out, "<h2>%h</h2>\n", T(r, "Osallistumiset"));
  if (n)
    parts_table(r, parts, n);
  else
    buf_printf(&r->out, "<p>%h</p>\n", T(r, "Ei osallistumisia."));
  esf_record *esf = person_esf_list(r->db, &r->mem, r->id, &n);
  buf_printf(&r->out, "<h2>%h</h2>\n", T(r, "ESF-osallistujatiedot"));
  if (n)
    esf_table(r, esf, n);
  else
    buf_printf(&r->out, "<p>%h</p>\n", T(r, "Ei ESF-aloitustietoja (tapahtumaosallistuja tai ei vielä kirjattu)."));
  audit_row *log = audit_about(r->db, &r->mem, subject, AUDIT_ON_PAGE, &n);
  buf_printf(&r->out, "<h2>%h</h2>\n", T(r, "Tietojen käsittelyloki"));
  audit_table(r, log, n);
  page_end(r);
}

static void delivery_parts_table(web_req *r, const person_part *v, int n) {
  static const char *const heads[] = {"Nimi", "Sähköposti", "Organisaatio", "Rooli", "Läsnä"};
  pager_table_begin(r, T(r, "Osallistujat"), heads, 5, 4);
  for (int i = 0; i < n; i++) {
    const person_part *x = &v[i];
    buf_puts(&r->out, "<tr><td>");
    if (x->person_name)
      buf_printf(&r->out, "<a href=\"%h/hallinta/henkilot/%lld\">%h</a>", r->prefix, x->person_id, x->person_name);
    else
      buf_printf(&r->out, "%h", T(r, "Poistettu henkilö"));
    buf_printf(&r->out, "</td><td>%h</td><td>%h</td><td>%h</td><td class=\"num\">%d/%d</td></tr>\n",
               x->email ? x->email : "–", x->org_name ? x->org_name : "–", T(r, person_role_label(x->role)),
               x->sessions_attended, x->sessions_total);
  }
  web_table_end(r);
}

static void page_staff_delivery_people(web_req *r) {
  char *label = person_delivery_label(r->db, &r->mem, r->id);
  if (!label) {
    web_error(r, 404, T(r, "Toteutusta ei löytynyt."));
    return;
  }
  char subject[48];
  snprintf(subject, sizeof subject, "delivery:%lld/participants", r->id);
  if (!audited_or_reply(r, subject, "participant list")) return;
  page_begin(r, T(r, "Osallistujat"), "people");
  buf_printf(&r->out, "<p><a href=\"%h/hallinta/toteutukset/%lld\">← %h</a></p>\n<h1>%h: %h</h1>\n", r->prefix, r->id,
             T(r, "Toteutuksen tiedot"), T(r, "Osallistujat"), label);
  int n = 0;
  person_part *v = person_delivery_parts(r->db, &r->mem, r->id, &n);
  buf_printf(&r->out, "<p role=\"status\">%N %h</p>\n", (long long)n, T(r, n == 1 ? "osallistuja" : "osallistujaa"));
  if (n) delivery_parts_table(r, v, n);
  page_end(r);
}

#define AUDIT_PER_PAGE 100

/* The whole audit log for staff, newest first. Its rows name people (search terms, who looked at whom), so reading
 * it is staff only and is itself logged. */
static void page_staff_audit(web_req *r) {
  pager p = pager_make(r, audit_count(r->db, NULL), AUDIT_PER_PAGE);
  char detail[32];
  snprintf(detail, sizeof detail, "page %d", p.page);
  if (!audited_or_reply(r, "audit", detail)) return;
  int n = 0;
  audit_row *v = audit_list(r->db, &r->mem, NULL, p.per_page, pager_offset(&p), &n);
  page_begin(r, T(r, "Tietojen käsittelyloki"), "people");
  buf_printf(&r->out, "<p><a href=\"%h/hallinta/henkilot\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Henkilöt"),
             T(r, "Tietojen käsittelyloki"));
  buf_printf(&r->out, "<p role=\"status\">%N %h</p>\n", p.total, T(r, "lokitapahtumaa"));
  if (n) audit_table(r, v, n);
  pager_write(r, &p, "/hallinta/loki");
  page_end(r);
}

const route people_routes[] = {
    {"GET", "/hallinta/henkilot", page_staff_people, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 3, "people", N_("Henkilöt")}},
    {"GET", "/hallinta/henkilot/{id}", page_staff_person, .flags = ROUTE_ANY_STAFF},
    {"GET", "/hallinta/toteutukset/{id}/osallistujat", page_staff_delivery_people, .flags = ROUTE_ANY_STAFF},
    {"GET", "/organisaatiot/{org}/henkilot", page_org_people, .flags = ROUTE_CONTACT | ROUTE_ANY_STAFF,
     .deny = N_("Voit nähdä vain oman organisaatiosi henkilöt."),
     .menu = {ROUTE_NAV_CONTACT, 1, "people", N_("Henkilöt")}},
    {"GET", "/hallinta/loki", page_staff_audit, .flags = ROUTE_ANY_STAFF},
    {0},
};
