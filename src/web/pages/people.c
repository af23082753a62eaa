/* people: personal data for staff and an organisation's own contact: /hallinta/henkilot (search), a person's page,
 * a delivery's participants and an organisation's people. Every view writes an audit row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/audit.h"
#include "model/org.h"
#include "model/delivery.h"
#include "model/person.h"
#include "model/roster.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/esf_form.h"
#include "web/pages/people.h"
#include "web/widgets.h"

#define PEOPLE_PER_PAGE 50
#define AUDIT_ON_PAGE 100

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

/* The Annex I items and the qualification at exit that were given, "Vamma: Ei; …", and the row's end. */
static void esf_items_cell(web_req *r, const esf_record *x) {
  const struct {
    const char *label, *v;
  } it[] = {{N_("Kuinka kauan työttömänä"), x->unemployed_for},
            {N_("Opiskelee tai on koulutuksessa"), x->in_education},
            {N_("Vamma tai pitkäaikaissairaus"), x->disability},
            {N_("Maahanmuuttaja, ulkomaalaistausta tai vähemmistö"), x->migrant},
            {N_("Muu heikompi asema"), x->disadvantaged},
            {N_("Sai tutkinnon päättyessä"), x->exit_qualification}};
  buf_puts(&r->out, "<td>");
  for (size_t i = 0, k = 0; i < sizeof it / sizeof it[0]; i++)
    if (it[i].v) buf_printf(&r->out, "%r%h: %h", k++ ? "; " : "", T(r, it[i].label), T(r, person_esf_label(it[i].v)));
  buf_puts(&r->out, "</td></tr>\n");
}

static void esf_table(web_req *r, const esf_record *v, int n) {
  static const char *const heads[] = {
      "Kausi",    "Aloituspäivä",   "Syntymäaika",        "Ikä",        "Sukupuoli", "Työmarkkina",
      "Koulutus", "Päättymispäivä", "Tilanne päättyessä", "Muut tiedot"};
  pager_table_begin(r, T(r, "ESF-osallistujatiedot"), heads, 10, 3);
  for (int i = 0; i < n; i++) {
    const esf_record *x = &v[i];
    buf_printf(&r->out, "<tr><td>%h</td><td class=\"nowrap\">%D</td><td class=\"nowrap\">%D</td>", x->period_name,
               x->entry_date, x->birth_date ? x->birth_date : "–");
    if (x->age_at_entry >= 0)
      buf_printf(&r->out, "<td class=\"num\">%d</td>", x->age_at_entry);
    else
      buf_printf(&r->out, "<td class=\"num\">%h</td>", T(r, "ei tiedossa"));
    buf_printf(&r->out, "<td>%h</td><td>%h</td><td>%h</td><td class=\"nowrap\">%D</td><td>%h</td>",
               T(r, person_esf_label(x->gender)), T(r, person_esf_label(x->labour)),
               T(r, person_esf_label(x->education)), x->exit_date ? x->exit_date : "–",
               x->exit_status ? T(r, person_esf_label(x->exit_status)) : "–");
    esf_items_cell(r, x);
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
  if (!p->erased_at)
    buf_printf(&r->out, "<p><a href=\"%h/hallinta/henkilot/%lld/esr\">%h</a></p>\n", r->prefix, r->id,
               T(r, "Kirjaa ESF-aloitus- tai päättymistiedot"));
  audit_row *log = audit_about(r->db, &r->mem, subject, AUDIT_ON_PAGE, &n);
  buf_printf(&r->out, "<h2>%h</h2>\n", T(r, "Tietojen käsittelyloki"));
  audit_table(r, log, n);
  page_end(r);
}

/* ---- a delivery's participants (editable) ---- */

/* The role select of one row (its own id, labelled with the person's name). */
static void row_role_select(web_req *r, const person_part *x) {
  form_opt *o = role_opts(r);
  buf_printf(&r->out,
             "<label for=\"role-%lld\" class=\"visually-hidden\">%h: %h</label><select id=\"role-%lld\" name=\"role\">",
             x->person_id, T(r, "Rooli"), x->person_name ? x->person_name : T(r, "Poistettu henkilö"), x->person_id);
  for (int i = 0; i < PERSON_NROLES; i++)
    buf_printf(&r->out, "<option value=\"%h\"%r>%h</option>", o[i].value,
               !strcmp(o[i].value, x->role) ? " selected" : "", o[i].label);
  buf_puts(&r->out, "</select>");
}

static void part_row(web_req *r, const delivery *d, const person_part *x, int esf) {
  buf *o = &r->out;
  const char *name = x->person_name ? x->person_name : T(r, "Poistettu henkilö");
  buf_puts(o, "<tr><td>");
  if (x->person_name)
    buf_printf(o, "<a href=\"%h/hallinta/henkilot/%lld\">%h</a>", r->prefix, x->person_id, x->person_name);
  else
    buf_printf(o, "%h", name);
  buf_printf(o, "</td><td>%h</td><td>%h</td><td>", x->email ? x->email : "–", x->org_name ? x->org_name : "–");
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/toteutukset/%lld/osallistujat/rooli\" class=\"inline\">",
             r->prefix, d->id);
  web_csrf_field(r);
  buf_printf(o, "<input type=\"hidden\" name=\"person\" value=\"%lld\">", x->person_id);
  row_role_select(r, x);
  buf_printf(o,
             " <button type=\"submit\" class=\"secondary\">%h<span class=\"visually-hidden\"> %h</span></button>"
             "</form></td><td class=\"num\">%d/%d</td>",
             T(r, "Vaihda"), name, x->sessions_attended, x->sessions_total);
  if (esf) buf_printf(o, "<td>%h</td>", x->has_esf ? T(r, "on") : T(r, "puuttuu"));
  buf_printf(o,
             "<td><a href=\"%h/hallinta/toteutukset/%lld/osallistujat/poista?person=%lld\">%h"
             "<span class=\"visually-hidden\"> %h</span></a></td></tr>\n",
             r->prefix, d->id, x->person_id, T(r, "Poista"), name);
}

static void parts_edit_table(web_req *r, const delivery *d, const person_part *v, int n, int esf) {
  static const char *const heads[] = {"Nimi",  "Sähköposti",        "Organisaatio", "Rooli",
                                      "Läsnä", "ESF-aloitustiedot", "Poista"};
  static const char *const heads_event[] = {"Nimi", "Sähköposti", "Organisaatio", "Rooli", "Läsnä", "Poista"};
  pager_table_begin(r, T(r, "Osallistujat"), esf ? heads : heads_event, esf ? 7 : 6, 4);
  for (int i = 0; i < n; i++) part_row(r, d, &v[i], esf);
  web_table_end(r);
}

static void esf_note(web_req *r, const person_part *v, int n) {
  int missing = 0;
  for (int i = 0; i < n; i++) missing += !v[i].has_esf;
  buf_printf(&r->out, "<p>%h ",
             T(r, "Palvelun osallistujat lasketaan ESF-osallistujiksi: jokainen tarvitsee "
                  "ESF-aloitustiedot toteutuksen rahoituskaudelle, jotta hänet lasketaan."));
  if (missing) buf_printf(&r->out, "<strong>%h %N</strong>. ", T(r, "Aloitustiedot puuttuvat:"), (long long)missing);
  buf_printf(&r->out, "<a href=\"%h/hallinta/tuonti\">%h</a></p>\n", r->prefix,
             T(r, "Aloitustiedot tuodaan osallistujatiedostosta (tuonti)"));
}

static void sessions_links(web_req *r, const delivery *d) {
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Nimenhuuto"));
  if (!d->nsessions) {
    buf_printf(o, "<p>%h</p>\n", T(r, "Ei vielä tapaamisia."));
    return;
  }
  buf_puts(o, "<ul>\n");
  for (int i = 0; i < d->nsessions; i++) {
    const delivery_session *s = &d->sessions[i];
    buf_printf(o, "<li><a href=\"%h/hallinta/tapaamiset/%lld\">%h %d (%D)</a>: %N %h</li>\n", r->prefix, s->id,
               T(r, "Tapaaminen"), s->number, s->held_on, s->attended, T(r, "läsnä"));
  }
  buf_puts(o, "</ul>\n");
}

/* Search among people kept, each hit with its own add form. */
static void add_existing(web_req *r, const delivery *d) {
  buf *o = &r->out;
  const char *q = web_field(r, "q");
  buf_printf(o, "<h3>%h</h3>\n", T(r, "Hae henkilöistä"));
  buf_printf(o,
             "<form method=\"get\" action=\"%h/hallinta/toteutukset/%lld/osallistujat\" class=\"filters\" "
             "role=\"search\">",
             r->prefix, d->id);
  form_ctx f = {r, NULL};
  form_input(&f, "search", "q", T(r, "Nimi tai sähköposti"), q, 0, NULL);
  buf_printf(o, "<div class=\"field\"><button type=\"submit\">%h</button></div></form>\n", T(r, "Hae"));
  if (!*q) return;
  int n = 0;
  person *v = person_list(r->db, &r->mem, q, 0, 20, 0, &n);
  buf_printf(o, "<p role=\"status\">%N %h</p>\n", (long long)n, T(r, n == 1 ? "henkilö" : "henkilöä"));
  if (!n) return;
  buf_puts(o, "<ul class=\"hits\">\n");
  for (int i = 0; i < n; i++) {
    buf_printf(o, "<li><form method=\"post\" action=\"%h/hallinta/toteutukset/%lld/osallistujat\" class=\"inline\">",
               r->prefix, d->id);
    web_csrf_field(r);
    buf_printf(o, "<input type=\"hidden\" name=\"person\" value=\"%lld\">%h (%h%r%h) ", v[i].id, v[i].name, v[i].email,
               v[i].org_name ? ", " : "", v[i].org_name ? v[i].org_name : "");
    person_part x = {.person_id = v[i].id, .person_name = v[i].name, .role = "tyontekija"};
    buf_puts(o, "<span class=\"hit-role\">");
    row_role_select(r, &x);
    buf_printf(o, "</span> <button type=\"submit\">%h<span class=\"visually-hidden\"> %h</span></button></form></li>\n",
               T(r, "Lisää"), v[i].name);
  }
  buf_puts(o, "</ul>\n");
}

static void add_new(web_req *r, const delivery *d, const kerr *err) {
  buf *o = &r->out;
  form_ctx f = {r, err};
  buf_printf(o, "<h3 id=\"new-h\">%h</h3>\n", T(r, "Uusi henkilö"));
  form_errors(&f);
  buf_printf(o,
             "<form method=\"post\" action=\"%h/hallinta/toteutukset/%lld/osallistujat\" class=\"form\" "
             "novalidate>",
             r->prefix, d->id);
  web_csrf_field(r);
  form_input(&f, "text", "name", T(r, "Nimi"), err ? web_field(r, "name") : "", 1, NULL);
  form_input(&f, "email", "email", T(r, "Sähköposti"), err ? web_field(r, "email") : "", 1,
             T(r, "Jos henkilö on jo rekisterissä tällä osoitteella, hänet lisätään sellaisenaan."));
  int n = 0;
  form_opt *oo = org_opts(r, &n);
  form_select(&f, "org", T(r, "Organisaatio"), err ? web_field(r, "org") : "", oo, n, 0, T(r, "Ei organisaatiota"));
  form_select(&f, "role", T(r, "Rooli"), err ? web_field(r, "role") : "tyontekija", role_opts(r), PERSON_NROLES, 1,
              NULL);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div></form>\n", T(r, "Lisää osallistuja"));
}

static const char *const PART_DONE[][2] = {{"added", N_("Osallistuja lisätty.")},
                                           {"role", N_("Rooli vaihdettu.")},
                                           {"removed", N_("Osallistuja poistettu toteutuksesta.")}};

static void part_done_notice(web_req *r) {
  const char *done = web_field(r, "done");
  for (size_t i = 0; i < sizeof PART_DONE / sizeof PART_DONE[0]; i++)
    if (!strcmp(done, PART_DONE[i][0]))
      buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, PART_DONE[i][1]));
}

/* The page; err is the error of the add or role form (shown beside the new-person fields, or at the top). */
static void delivery_people_page(web_req *r, const kerr *err, int new_form) {
  delivery *d = delivery_get(r->db, &r->mem, r->id, r->lang);
  char *label = person_delivery_label(r->db, &r->mem, r->id);
  if (!d || !label) {
    web_error(r, 404, T(r, "Toteutusta ei löytynyt."));
    return;
  }
  char subject[48];
  snprintf(subject, sizeof subject, "delivery:%lld/participants", r->id);
  if (!audited_or_reply(r, subject, "participant list")) return;
  int esf = !strcmp(d->counts, "participant");
  page_begin(r, T(r, "Osallistujat"), "people");
  buf_printf(&r->out, "<p><a href=\"%h/hallinta/toteutukset/%lld\">← %h</a></p>\n<h1>%h: %h</h1>\n", r->prefix, r->id,
             T(r, "Toteutuksen tiedot"), T(r, "Osallistujat"), label);
  part_done_notice(r);
  form_ctx top = {r, new_form ? NULL : err};
  form_errors(&top);
  int n = 0;
  person_part *v = person_delivery_parts(r->db, &r->mem, r->id, &n);
  buf_printf(&r->out, "<p role=\"status\">%N %h</p>\n", (long long)n, T(r, n == 1 ? "osallistuja" : "osallistujaa"));
  if (esf) esf_note(r, v, n);
  if (n) parts_edit_table(r, d, v, n, esf);
  sessions_links(r, d);
  buf_printf(&r->out, "<h2>%h</h2>\n", T(r, "Lisää osallistuja"));
  add_existing(r, d);
  add_new(r, d, new_form ? err : NULL);
  page_end(r);
}

static void page_staff_delivery_people(web_req *r) {
  delivery_people_page(r, NULL, 0);
}

/* After a change: back to the list with a notice, or the page again with the error (422; 403 for a stale token). */
static void people_changed(web_req *r, const kerr *e, const char *done, int new_form, int status) {
  if (!e->msg) {
    web_changed();
    web_redirectf(r, "/hallinta/toteutukset/%lld/osallistujat?done=%U", r->id, done);
    return;
  }
  delivery_people_page(r, e, new_form);
  if (r->status == 200) r->status = status;
}

static long long posted_num(web_req *r, const char *name) {
  long long v = 0;
  return util_parse_int(web_field(r, name), 1, 1LL << 53, &v) == K_OK ? v : 0;
}

static void page_staff_delivery_people_add(web_req *r) {
  kerr e = {0};
  long long chosen = posted_num(r, "person");
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  if (fresh) {
    const char *org_text = web_field(r, "org");
    person p = {.id = chosen, .name = (char *)web_field(r, "name"), .email = (char *)web_field(r, "email")};
    if (*org_text && !(p.org_id = posted_num(r, "org"))) p.org_id = -1;
    roster_add(r->db, r->id, &p, web_field(r, "role"), r->user.email, &e);
  }
  people_changed(r, &e, "added", !chosen, fresh ? 422 : 403);
  kerr_clear(&e);
}

static void page_staff_delivery_people_role(web_req *r) {
  kerr e = {0};
  roster_set_role(r->db, r->id, posted_num(r, "person"), web_field(r, "role"), r->user.email, &e);
  people_changed(r, &e, "role", 0, 422);
  kerr_clear(&e);
}

/* GET: the confirmation; POST: removes when confirmed, else shows the confirmation. */
static void page_staff_delivery_people_remove(web_req *r) {
  long long pid = posted_num(r, "person");
  person_part *x = roster_part(r->db, &r->mem, r->id, pid);
  if (!x) {
    web_error(r, 404, T(r, "Henkilö ei ole tämän toteutuksen osallistuja."));
    return;
  }
  if (!strcmp(r->method, "POST") && confirm_posted(r)) {
    kerr e = {0};
    roster_remove(r->db, r->id, pid, r->user.email, &e);
    people_changed(r, &e, "removed", 0, 422);
    kerr_clear(&e);
    return;
  }
  char back[64], action[80];
  snprintf(back, sizeof back, "/hallinta/toteutukset/%lld/osallistujat", r->id);
  snprintf(action, sizeof action, "%s/poista", back);
  buf what = BUF_INIT;
  buf_printf(&what, T(r, "Poistetaan %r toteutuksesta ja hänen %N läsnäolomerkintäänsä."),
             x->person_name ? x->person_name : T(r, "Poistettu henkilö"), (long long)x->sessions_attended);
  confirm_spec c = {.title = T(r, "Poistetaanko osallistuja?"),
                    .what = what.data,
                    .action = action,
                    .field = "person",
                    .id = pid,
                    .button = T(r, "Poista osallistuja"),
                    .back = back,
                    .active = "people"};
  confirm_page(r, &c);
  buf_free(&what);
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
    {"GET", "/hallinta/henkilot/{id}/esr", page_staff_esf_form, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/henkilot/{id}/esr", page_staff_esf_save,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hallinta/toteutukset/{id}/osallistujat", page_staff_delivery_people, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/toteutukset/{id}/osallistujat", page_staff_delivery_people_add,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"POST", "/hallinta/toteutukset/{id}/osallistujat/rooli", page_staff_delivery_people_role,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/hallinta/toteutukset/{id}/osallistujat/poista", page_staff_delivery_people_remove,
     .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/toteutukset/{id}/osallistujat/poista", page_staff_delivery_people_remove,
     .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"GET", "/organisaatiot/{org}/henkilot", page_org_people, .flags = ROUTE_CONTACT | ROUTE_ANY_STAFF,
     .deny = N_("Voit nähdä vain oman organisaatiosi henkilöt."),
     .menu = {ROUTE_NAV_CONTACT, 1, "people", N_("Henkilöt")}},
    {"GET", "/hallinta/loki", page_staff_audit, .flags = ROUTE_ANY_STAFF},
    {0},
};
