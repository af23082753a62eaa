/* events: the events calendar (issue #15): /tapahtumat (upcoming, then past ones page by page), an event's page
 * /tapahtumat/{id}, the iCalendar feed /tapahtumat.ics (RFC 5545) that people subscribe to, and staff's
 * /hallinta/tapahtumat (list, new, edit, delete). The calendar holds published webinars and events and the sessions
 * of deliveries marked "in the calendar" (model/event.c); each entry links to its service and to applying. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/ical.h"
#include "model/event.h"
#include "model/programme.h"
#include "model/service.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/events.h"
#include "web/widgets.h"

#define PER_PAGE 20
#define MAX_UPCOMING 200
#define MAX_FEED 5000
#define STAFF_PER_PAGE 50
#define BASE "/hallinta/tapahtumat"
#define ACTIVE "events-admin"

static const char *kind_label(web_req *r, const char *kind) {
  if (!strcmp(kind, "webinar")) return T(r, "Webinaari");
  if (!strcmp(kind, "event")) return T(r, "Tapahtuma");
  return T(r, "Palvelun tapaaminen");
}

/* "9.30" from "YYYY-MM-DDTHH:MM". */
static void hm_write(buf *o, const char *iso) {
  buf_printf(o, "%d.%r", atoi(iso + 11), iso + 14);
}

/* When an entry is, in Finnish form: "22.11.2026", "22.11.2026 klo 9.30–11.00" or "22.11.2026 klo 9.30 –
 * 23.11.2026 klo 16.00", each end a <time> element. */
static void when_write(web_req *r, const char *starts, const char *ends, int all_day) {
  buf *o = &r->out;
  if (strlen(starts) < 16 || strlen(ends) < 16) return;
  if (all_day) {
    char day[11];
    snprintf(day, sizeof day, "%.10s", starts);
    buf_printf(o, "<time datetime=\"%h\">%D</time>", day, starts);
    return;
  }
  buf_printf(o, "<span class=\"when\"><time datetime=\"%h\">%D %h ", starts, starts, T(r, "klo"));
  hm_write(o, starts);
  buf_printf(o, "</time>%r<time datetime=\"%h\">", strncmp(starts, ends, 10) ? " – " : "–", ends);
  if (strncmp(starts, ends, 10)) buf_printf(o, "%D %h ", ends, T(r, "klo"));
  hm_write(o, ends);
  buf_puts(o, "</time></span>");
}

/* Whether an entry offers applying: its service takes applications and the entry has not ended (ends:
 * "YYYY-MM-DDTHH:MM", Finnish time, as date_now_fi). */
static int offers_applying(int service_open, const char *ends) {
  char now[17];
  if (!service_open) return 0;
  date_now_fi(now);
  return strcmp(ends, now) >= 0;
}

/* The links of an entry: its service's page, and applying when open (offers_applying). */
static void service_links(web_req *r, long long service_id, const tr *svc, int open) {
  if (!service_id) return;
  buf *o = &r->out;
  buf_printf(o, "<p class=\"event-service\">%h: <a href=\"%h/palvelut/%lld\"%r>%h</a>", T(r, "Palvelu"), r->prefix,
             service_id, tr_lang(svc), svc->text);
  if (open)
    buf_printf(o, " · <a href=\"%h/hakemukset/uusi?service=%lld\">%h<span class=\"visually-hidden\">: %h</span></a>",
               r->prefix, service_id, T(r, "Hae palvelua"), svc->text);
  buf_puts(o, "</p>\n");
}

static void entry_write(web_req *r, const cal_entry *c) {
  buf *o = &r->out;
  buf_puts(o, "<li class=\"event\">");
  if (c->event_id)
    buf_printf(o, "<h3><a href=\"%h/tapahtumat/%lld\"%r>%h</a></h3>\n", r->prefix, c->event_id, tr_lang(&c->title),
               c->title.text);
  else
    buf_printf(o, "<h3><span%r>%h</span>%r%h</h3>\n", tr_lang(&c->title), c->title.text, *c->subtitle ? ": " : "",
               c->subtitle);
  buf_printf(o, "<p class=\"meta\"><span class=\"event-kind\">%h</span> · ", kind_label(r, c->kind));
  when_write(r, c->starts, c->ends, c->all_day);
  if (*c->place) buf_printf(o, " · %h", c->place);
  if (*c->online_url) buf_printf(o, " · %h", T(r, "verkossa"));
  buf_puts(o, "</p>\n");
  service_links(r, c->service_id, &c->service, offers_applying(c->service_open, c->ends));
  buf_puts(o, "</li>\n");
}

static void entries_write(web_req *r, const cal_entry *v, int n) {
  buf_puts(&r->out, "<ul class=\"deeds events\">\n");
  for (int i = 0; i < n; i++) entry_write(r, &v[i]);
  buf_puts(&r->out, "</ul>\n");
}

/* Not in the page cache: an event moves from upcoming to past when it ends, with no write to drop the cache. */
static void page_events(web_req *r) {
  char now[17];
  date_now_fi(now);
  cal_filter up = {1, now}, past = {-1, now};
  pager p = pager_make(r, event_calendar_count(r->db, &past), PER_PAGE);
  int nu = 0, np = 0;
  cal_entry *u = p.page == 1 ? event_calendar(r->db, &r->mem, &up, r->lang, MAX_UPCOMING, 0, &nu) : NULL;
  cal_entry *v = event_calendar(r->db, &r->mem, &past, r->lang, p.per_page, pager_offset(&p), &np);
  buf *o = &r->out;
  page_begin(r, T(r, "Tapahtumat"), "events");
  buf_printf(o, "<h1>%h</h1>\n<p class=\"lead\">%h</p>\n", T(r, "Tapahtumat"),
             T(r, "Ohjelman webinaarit, tapahtumat ja palveluiden avoimet tapaamiset. Jokaisesta pääset palvelun "
                  "sivulle ja hakemaan palvelua, kun se on haettavissa."));
  buf_printf(o,
             "<p class=\"subscribe\"><a href=\"%h/tapahtumat.ics\" type=\"text/calendar\">%h</a><br><span "
             "class=\"meta\">%h</span></p>\n",
             r->prefix, T(r, "Tilaa tapahtumakalenteri (iCalendar)"),
             T(r, "Lisää osoite kalenteriisi tilauksena, niin uudet ja muuttuneet tapahtumat päivittyvät siihen."));
  if (p.page == 1) {
    buf_printf(o, "<h2>%h</h2>\n", T(r, "Tulevat tapahtumat"));
    if (nu)
      entries_write(r, u, nu);
    else
      buf_printf(o, "<p>%h</p>\n", T(r, "Tulevia tapahtumia ei ole juuri nyt."));
  }
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Menneet tapahtumat"));
  if (np)
    entries_write(r, v, np);
  else
    buf_printf(o, "<p>%h</p>\n", T(r, "Menneitä tapahtumia ei ole."));
  pager_write(r, &p, "/tapahtumat");
  page_end(r);
}

static int staff(web_req *r) {
  return (routes_role_bit(&r->user) & ROUTE_ANY_STAFF) != 0;
}

static void page_event(web_req *r) {
  event *x = event_get(r->db, &r->mem, r->id, r->lang);
  if (!x || (!x->published && !staff(r))) {
    web_error(r, 404, T(r, "Tapahtumaa ei ole."));
    return;
  }
  buf *o = &r->out;
  page_begin(r, x->t_title.text, "events");
  buf_printf(o, "<p><a href=\"%h/tapahtumat\">← %h</a></p>\n<article class=\"event\">\n", r->prefix,
             T(r, "Tapahtumat"));
  if (!x->published)
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n",
               T(r, "Tätä tapahtumaa ei ole julkaistu; vain henkilöstö näkee sen."));
  tr_write(r, "h1", NULL, &x->t_title);
  buf_printf(o, "<dl class=\"facts\">\n<dt>%h</dt><dd>%h</dd>\n<dt>%h</dt><dd>", T(r, "Laji"), kind_label(r, x->kind),
             T(r, "Aika"));
  when_write(r, x->starts_at, x->ends_at, 0);
  buf_puts(o, "</dd>\n");
  if (*x->place) buf_printf(o, "<dt>%h</dt><dd>%h</dd>\n", T(r, "Paikka"), x->place);
  if (*x->online_url)
    buf_printf(o, "<dt>%h</dt><dd><a href=\"%h\">%h</a></dd>\n", T(r, "Verkossa"), x->online_url, x->online_url);
  buf_puts(o, "</dl>\n");
  if (*x->t_description.text) {
    buf_printf(o, "<div class=\"markdown\"%r>", tr_lang(&x->t_description));
    markdown_write(r, x->t_description.text);
    buf_puts(o, "</div>\n");
  }
  service_links(r, x->service_id, &x->t_service, offers_applying(x->service_open, x->ends_at));
  if (staff(r))
    buf_printf(o, "<p><a href=\"%h" BASE "/%lld\">%h</a></p>\n", r->prefix, x->id, T(r, "Muokkaa tapahtumaa"));
  buf_puts(o, "</article>\n");
  page_end(r);
}

/* ---- the iCalendar feed ---- */

/* "YYYYMMDD" of the day after "YYYY-MM-DD" (an all-day entry's DTEND is exclusive). */
static void next_day(const char *iso, buf *out) {
  struct tm t = {.tm_year = atoi(iso) - 1900, .tm_mon = atoi(iso + 5) - 1, .tm_mday = atoi(iso + 8) + 1};
  time_t at = timegm(&t);
  gmtime_r(&at, &t);
  buf_printf(out, "%d%c%c%c%c", t.tm_year + 1900, '0' + (t.tm_mon + 1) / 10, '0' + (t.tm_mon + 1) % 10,
             '0' + t.tm_mday / 10, '0' + t.tm_mday % 10);
}

/* A property whose value is written by the caller into l after "name:" (or "name;params:"); folded. */
static void line_end(buf *out, buf *l) {
  ical_line(out, l->data, l->len);
  l->len = 0;
}

static void vevent_write(web_req *r, buf *out, const cal_entry *c, const char *base, const char *stamp) {
  buf l = BUF_INIT;
  buf_puts(out, "BEGIN:VEVENT\r\n");
  ical_prop_text(out, "UID", c->uid);
  buf_printf(&l, "DTSTAMP:");
  ical_local(&l, stamp); /* "YYYY-MM-DDTHH:MM:SSZ" loses its dashes and colons: 20261206T103000Z */
  line_end(out, &l);
  if (c->all_day) {
    char day[11];
    snprintf(day, sizeof day, "%.10s", c->starts);
    buf_puts(&l, "DTSTART;VALUE=DATE:");
    ical_local(&l, day);
    line_end(out, &l);
    buf_puts(&l, "DTEND;VALUE=DATE:");
    next_day(day, &l);
    line_end(out, &l);
  } else {
    buf_puts(&l, "DTSTART;TZID=Europe/Helsinki:");
    ical_local(&l, c->starts);
    line_end(out, &l);
    buf_puts(&l, "DTEND;TZID=Europe/Helsinki:");
    ical_local(&l, c->ends);
    line_end(out, &l);
  }
  buf summary = BUF_INIT, desc = BUF_INIT, url = BUF_INIT;
  buf_printf(&summary, "%r%r%r", c->title.text, *c->subtitle ? ": " : "", c->subtitle);
  ical_prop_text(out, "SUMMARY", summary.data);
  if (c->event_id)
    buf_printf(&url, "%r%r/tapahtumat/%lld", base, r->prefix, c->event_id);
  else
    buf_printf(&url, "%r%r/palvelut/%lld", base, r->prefix, c->service_id);
  buf_printf(&desc, "%r", c->description.text);
  if (c->service_id) {
    buf_printf(&desc, "%r%r: %r %r%r/palvelut/%lld", desc.len ? "\n\n" : "", T(r, "Palvelu"), c->service.text, base,
               r->prefix, c->service_id);
    if (offers_applying(c->service_open, c->ends))
      buf_printf(&desc, "\n%r: %r%r/hakemukset/uusi?service=%lld", T(r, "Hae palvelua"), base, r->prefix,
                 c->service_id);
  }
  if (*c->online_url) buf_printf(&desc, "%r%r: %r", desc.len ? "\n" : "", T(r, "Verkossa"), c->online_url);
  if (desc.len) ical_prop_text(out, "DESCRIPTION", desc.data);
  if (*c->place || *c->online_url) ical_prop_text(out, "LOCATION", *c->place ? c->place : c->online_url);
  buf_puts(&l, "URL:"); /* a URI value: not TEXT-escaped (our addresses have no commas or semicolons) */
  buf_append(&l, url.data, url.len);
  line_end(out, &l);
  buf_printf(&l, "SEQUENCE:%d", c->sequence);
  line_end(out, &l);
  if (c->event_id && c->updated_at && strlen(c->updated_at) == 20) { /* a session's edits leave no time of their own */
    buf_puts(&l, "LAST-MODIFIED:");
    ical_local(&l, c->updated_at);
    line_end(out, &l);
  }
  buf_puts(out, "END:VEVENT\r\n");
  buf_free(&summary);
  buf_free(&desc);
  buf_free(&url);
  buf_free(&l);
}

static void page_ics(web_req *r) {
  cal_filter all = {0, ""};
  int n = 0;
  cal_entry *v = event_calendar(r->db, &r->mem, &all, r->lang, MAX_FEED, 0, &n);
  programme_frame *pf = programme_frame_get(r->db, &r->mem, r->lang);
  buf base = BUF_INIT, name = BUF_INIT;
  web_base_url(r, &base);
  buf_printf(&name, "%r%r%r", pf && *pf->short_name.text ? pf->short_name.text : "Kehto", ": ", T(r, "Tapahtumat"));
  db_time now = db_now();
  r->ctype = "text/calendar; charset=utf-8";
  web_header(r, "Content-Disposition", "inline; filename=\"tapahtumat.ics\"");
  buf *o = &r->out;
  buf_puts(o, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kehto//Tapahtumat//FI\r\nCALSCALE:GREGORIAN\r\n"
              "METHOD:PUBLISH\r\n");
  ical_prop_text(o, "X-WR-CALNAME", name.data);
  buf_puts(o, "X-WR-TIMEZONE:Europe/Helsinki\r\n");
  ical_vtimezone_helsinki(o);
  for (int i = 0; i < n; i++) vevent_write(r, o, &v[i], base.data ? base.data : "", now.s);
  buf_puts(o, "END:VCALENDAR\r\n");
  buf_free(&base);
  buf_free(&name);
}

/* ---- staff ---- */

static void saved_notice(web_req *r) {
  const char *done = web_field(r, "done");
  if (!strcmp(done, "saved") || !strcmp(done, "deleted"))
    buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n",
               T(r, !strcmp(done, "saved") ? "Tapahtuma tallennettu." : "Tapahtuma poistettu."));
}

static void page_staff_events(web_req *r) {
  pager p = pager_make(r, event_count(r->db), STAFF_PER_PAGE);
  int n = 0;
  event *v = event_list(r->db, &r->mem, r->lang, p.per_page, pager_offset(&p), &n);
  buf *o = &r->out;
  page_begin(r, T(r, "Tapahtumat"), ACTIVE);
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Tapahtumat"));
  saved_notice(r);
  buf_printf(o,
             "<p>%h</p>\n<p><a class=\"button\" href=\"%h" BASE "/uusi\">%h</a> <a href=\"%h/tapahtumat\">%h</a></p>\n",
             T(r, "Webinaarit ja tapahtumat. Palveluiden toteutusten tapaamiset tulevat kalenteriin, kun toteutus on "
                  "merkitty näkymään tapahtumakalenterissa (Palvelutoiminta → Toteutukset)."),
             r->prefix, T(r, "Uusi tapahtuma"), r->prefix, T(r, "Julkinen tapahtumakalenteri"));
  services_count_line(r, p.total, "tapahtuma", "tapahtumaa");
  if (n) {
    static const char *const heads[] = {"Otsikko", "Laji", "Aika", "Tila", "Poista"};
    pager_table_begin(r, T(r, "Tapahtumat"), heads, 5, -1);
    for (int i = 0; i < n; i++) {
      const event *x = &v[i];
      buf_printf(o, "<tr><td><a href=\"%h" BASE "/%lld\">%h</a></td><td>%h</td><td>", r->prefix, x->id, x->title,
                 kind_label(r, x->kind));
      when_write(r, x->starts_at, x->ends_at, 0);
      buf_printf(o,
                 "</td><td>%h</td><td><a href=\"%h" BASE "/%lld/poista\">%h<span class=\"visually-hidden\">: %h"
                 "</span></a></td></tr>\n",
                 T(r, x->published ? "Julkaistu" : "Luonnos"), r->prefix, x->id, T(r, "Poista"), x->title);
    }
    web_table_end(r);
  }
  pager_write(r, &p, BASE);
  page_end(r);
}

static void service_select(web_req *r, form_ctx *f, long long value) {
  int n = 0;
  service_filter all = {0};
  service *v = service_list(r->db, &r->mem, &all, r->lang, 1000, 0, &n);
  form_opt *opts = arena_alloc(&r->mem, sizeof *opts * (size_t)(n ? n : 1));
  const char *chosen = "";
  for (int i = 0; i < n; i++) {
    char id[24];
    snprintf(id, sizeof id, "%lld", v[i].id);
    buf b = BUF_INIT;
    buf_printf(&b, "%r (%r)", v[i].t_name.text, v[i].period_name);
    opts[i] = (form_opt){arena_strdup(&r->mem, id), arena_strdup(&r->mem, b.data)};
    buf_free(&b);
    if (v[i].id == value) chosen = opts[i].value;
  }
  form_select(f, "service", T(r, "Palvelu"), chosen, opts, n, 0, T(r, "Ei palvelua"));
}

static void event_form(web_req *r, const event *x, const kerr *err) {
  const char *title = r->id ? T(r, "Muokkaa tapahtumaa") : T(r, "Uusi tapahtuma");
  form_ctx f = {r, err};
  buf *o = &r->out;
  page_begin(r, title, ACTIVE);
  buf_printf(o, "<p><a href=\"%h" BASE "\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Tapahtumat"), title);
  if (r->id && x->published)
    buf_printf(o, "<p><a href=\"%h/tapahtumat/%lld\">%h</a></p>\n", r->prefix, r->id, T(r, "Näytä julkinen sivu"));
  form_errors(&f);
  form_open_edit(r, BASE);
  form_opt kinds[] = {{"webinar", T(r, "Webinaari")}, {"event", T(r, "Tapahtuma")}};
  form_select(&f, "kind", T(r, "Laji"), x->kind, kinds, 2, 1, T(r, "Valitse"));
  tr_field texts[] = {{"title", N_("Otsikko"), {x->title, x->title_sv, x->title_en}, 0, 1, NULL},
                      {"description",
                       N_("Kuvaus"),
                       {x->description, x->description_sv, x->description_en},
                       8,
                       0,
                       N_("Markdown: **lihavointi**, *kursiivi*, [linkki](https://…), luettelot. HTML ei näy.")}};
  tr_fieldsets(&f, texts, 2);
  buf_printf(o, "<fieldset class=\"when\"><legend>%h</legend>\n", T(r, "Alkaa"));
  form_input(&f, "text", "start_date", T(r, "Alkupäivä"), x->start_date, 1, T(r, "Esimerkiksi 22.11.2026"));
  form_input(&f, "text", "start_time", T(r, "Alkamisaika"), x->start_time, 1, T(r, "Suomen aikaa, esimerkiksi 9.30"));
  buf_printf(o, "</fieldset>\n<fieldset class=\"when\"><legend>%h</legend>\n", T(r, "Päättyy"));
  form_input(&f, "text", "end_date", T(r, "Loppupäivä"), x->end_date, 1, T(r, "Esimerkiksi 22.11.2026"));
  form_input(&f, "text", "end_time", T(r, "Päättymisaika"), x->end_time, 1, T(r, "Suomen aikaa, esimerkiksi 11.00"));
  buf_puts(o, "</fieldset>\n");
  form_input(&f, "text", "place", T(r, "Paikka"), x->place, 0, T(r, "Esimerkiksi Helsinki, Kuntatalo"));
  form_input(&f, "text", "online_url", T(r, "Verkko-osoite"), x->online_url, 0,
             T(r, "Webinaarin tai striimin osoite, https://…"));
  service_select(r, &f, x->service_id);
  buf_printf(o,
             "<div class=\"field checks\"><label><input type=\"checkbox\" id=\"f-published\" name=\"published\" "
             "value=\"1\"%r> %h</label></div>\n",
             x->published ? " checked" : "", T(r, "Julkaistu (näkyy tapahtumakalenterissa)"));
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\">%h</button><a href=\"%h" BASE "\">%h</a></div>\n</form>\n",
             T(r, "Tallenna"), r->prefix, T(r, "Peruuta"));
  page_end(r);
}

static void page_staff_event_edit(web_req *r) {
  if (!r->id) {
    event x = {.kind = "webinar"};
    event_form(r, &x, NULL);
    return;
  }
  event *x = event_get(r->db, &r->mem, r->id, "fi");
  if (!x) {
    web_error(r, 404, T(r, "Tapahtumaa ei ole."));
    return;
  }
  event_form(r, x, NULL);
}

static void page_staff_event_save(web_req *r) {
  if (r->id && !event_get(r->db, &r->mem, r->id, "fi")) {
    web_error(r, 404, T(r, "Tapahtumaa ei ole."));
    return;
  }
  event x = {.id = r->id,
             .kind = (char *)web_field(r, "kind"),
             .title = (char *)web_field(r, "title"),
             .title_sv = (char *)web_field(r, "title_sv"),
             .title_en = (char *)web_field(r, "title_en"),
             .description = (char *)web_field(r, "description"),
             .description_sv = (char *)web_field(r, "description_sv"),
             .description_en = (char *)web_field(r, "description_en"),
             .start_date = (char *)web_field(r, "start_date"),
             .start_time = (char *)web_field(r, "start_time"),
             .end_date = (char *)web_field(r, "end_date"),
             .end_time = (char *)web_field(r, "end_time"),
             .place = (char *)web_field(r, "place"),
             .online_url = (char *)web_field(r, "online_url"),
             .published = *web_field(r, "published") != 0};
  const char *svc = web_field(r, "service");
  kerr e = {0};
  if (*svc && util_parse_int(svc, 1, 1LL << 53, &x.service_id) != K_OK)
    kerr_add(&e, "service", N_("Tuntematon palvelu."));
  int fresh = web_csrf_ok_or_kerr(r, &e); /* a stale token shows the form again, filled in (403) */
  long long id = fresh && !e.msg ? event_save(r->db, &x, r->user.email, &e) : 0;
  if (id) {
    web_changed();
    web_redirectf(r, BASE "?done=saved");
  } else {
    event_form(r, &x, &e);
    r->status = fresh ? 422 : 403;
  }
  kerr_clear(&e);
}

static void page_staff_event_delete(web_req *r) {
  event *x = event_get(r->db, &r->mem, r->id, "fi");
  if (!x) {
    web_error(r, 404, T(r, "Tapahtumaa ei ole."));
    return;
  }
  if (confirmed_delete(r, event_delete, BASE "?done=deleted")) return;
  char action[64], back[64];
  snprintf(action, sizeof action, BASE "/%lld/poista", r->id);
  snprintf(back, sizeof back, BASE "/%lld", r->id);
  buf what = BUF_INIT;
  buf_printf(&what, T(r, "Poistetaan tapahtuma ”%r” (%D). Se katoaa myös kalenteritilauksista."), x->title,
             x->starts_at);
  confirm_spec c = {T(r, "Poistetaanko tapahtuma?"), what.data, action, NULL, 0,
                    T(r, "Poista tapahtuma"),        back,      ACTIVE};
  confirm_page(r, &c);
  buf_free(&what);
}

const route events_routes[] = {
    {"GET", "/tapahtumat", page_events, .flags = ROUTE_PUBLIC,
     .menu = {ROUTE_NAV_MAIN, 10, "events", N_("Tapahtumat")}},
    {"GET", "/tapahtumat.ics", page_ics, .flags = ROUTE_PUBLIC | ROUTE_CACHE},
    /* not cached, as the list: once the event has ended the page no longer offers applying */
    {"GET", "/tapahtumat/{id}", page_event, .flags = ROUTE_PUBLIC},
    {"GET", BASE, page_staff_events, .flags = ROUTE_ANY_STAFF, .menu = {ROUTE_NAV_STAFF, 16, ACTIVE, N_("Tapahtumat")}},
    {"GET", BASE "/uusi", page_staff_event_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", BASE "/uusi", page_staff_event_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", BASE "/{id}", page_staff_event_edit, .flags = ROUTE_ANY_STAFF},
    {"POST", BASE "/{id}", page_staff_event_save, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", BASE "/{id}/poista", page_staff_event_delete, .flags = ROUTE_ANY_STAFF},
    {"POST", BASE "/{id}/poista", page_staff_event_delete, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
