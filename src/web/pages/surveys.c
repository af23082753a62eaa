/* surveys (page): /hallinta/kyselyt for staff and evaluators: the list with JSON import, a survey's page (schedule,
 * open link, published results, copy, delete, the definition as JSON), the web editor and the preview. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "model/survey.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/surveys.h"
#include "web/survey_form.h"
#include "web/widgets.h"

#define SURVEYS_PER_PAGE 50
#define BASE "/hallinta/kyselyt"

/* ---- times: the schedule is typed and shown in Finnish time, stored in UTC ---- */

/* The UTC time ("yyyy-mm-ddTHH:MM:SSZ") of Finnish local day ("yyyy-mm-dd") at hh:mm (24:00 = the next midnight). */
static void fi_local_to_utc(const char *day, int hh, int mm, char out[21]) {
  struct tm tm = {0};
  sscanf(day, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
  tm.tm_year -= 1900, tm.tm_mon -= 1, tm.tm_hour = hh, tm.tm_min = mm;
  time_t local = timegm(&tm);
  char want[17];
  struct tm lt;
  gmtime_r(&local, &lt);
  strftime(want, sizeof want, "%Y-%m-%dT%H:%M", &lt);
  for (int off = 3; off >= 2; off--) { /* summer time first: 03:30 in the autumn's repeated hour is the earlier */
    time_t t = local - off * 3600;
    struct tm ut;
    gmtime_r(&t, &ut);
    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &ut);
    char back[17];
    if (date_fi_local(out, back) == K_OK && !strcmp(back, want)) return;
  }
  /* an hour that does not exist (the spring's skipped one) is read as winter time */
  time_t t = local - 2 * 3600;
  struct tm ut;
  gmtime_r(&t, &ut);
  strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &ut);
}

/* Reads "14.30", "14:30" or "14" into *hh, *mm. Returns K_OK or K_ERR. */
static int time_parse(const char *s, int *hh, int *mm) {
  int h = 0, m = 0, n = 0;
  if (sscanf(s, "%2d%n", &h, &n) != 1) return K_ERR;
  const char *p = s + n;
  if (*p) {
    char sep = *p++;
    int k = 0;
    if ((sep != '.' && sep != ':') || sscanf(p, "%2d%n", &m, &k) != 1 || k != 2 || p[k]) return K_ERR;
  }
  if (h < 0 || h > 23 || m < 0 || m > 59) return K_ERR;
  *hh = h, *mm = m;
  return K_OK;
}

/* A stored UTC time as the form's Finnish day "22.11.2026" and time "14.30" ("" at midnight). An end at midnight is
 * shown as the day before with no time (open to the end of that day). In the request's arena. */
static void fi_split(web_req *r, const char *iso, int end, const char **day, const char **tim) {
  *day = *tim = "";
  char t[17];
  if (!iso || date_fi_local(iso, t) != K_OK) return;
  int midnight = !strcmp(t + 11, "00:00");
  if (end && midnight) {
    struct tm tm = {0};
    sscanf(t, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
    tm.tm_year -= 1900, tm.tm_mon -= 1, tm.tm_mday -= 1;
    time_t x = timegm(&tm);
    gmtime_r(&x, &tm);
    strftime(t, 11, "%Y-%m-%d", &tm);
  }
  int y = 0, m = 0, dd = 0;
  sscanf(t, "%4d-%2d-%2d", &y, &m, &dd);
  char *d = arena_alloc(&r->mem, 16);
  snprintf(d, 16, "%d.%d.%d", dd, m, y);
  *day = d;
  if (!midnight) {
    char *h = arena_alloc(&r->mem, 6);
    snprintf(h, 6, "%.2s.%.2s", t + 11, t + 14);
    *tim = h;
  }
}

/* Writes "22.11.2026" or "22.11.2026 klo 14.30" for a stored time (end: midnight is the day before's end). */
static void fi_when(web_req *r, const char *iso, int end) {
  const char *day, *tim;
  fi_split(r, iso, end, &day, &tim);
  buf_printf(&r->out, "%h", day);
  if (*tim) buf_printf(&r->out, " %h %h", T(r, "klo"), tim);
}

/* The survey's state in words: "Ei auki", "Auki 22.11.2026 asti", "Suljettu". */
static void state_write(web_req *r, const survey_info *s) {
  switch (survey_state(s, db_now().s)) {
  case SURVEY_NOT_OPEN:
    buf_printf(&r->out, "%h", T(r, "Ei auki"));
    if (s->opens_at) {
      buf_printf(&r->out, " (%h ", T(r, "avautuu"));
      fi_when(r, s->opens_at, 0);
      buf_puts(&r->out, ")");
    }
    break;
  case SURVEY_OPEN:
    if (s->closes_at) { /* "Auki {date} asti": the words go around the date in each language */
      const char *fmt = T(r, "Auki {date} asti"), *at = strstr(fmt, "{date}");
      buf_printf(&r->out, "%h", at ? arena_strndup(&r->mem, fmt, (size_t)(at - fmt)) : fmt);
      fi_when(r, s->closes_at, 1);
      buf_printf(&r->out, "%h", at ? at + 6 : "");
    } else {
      buf_printf(&r->out, "%h", T(r, "Auki"));
    }
    break;
  default: buf_printf(&r->out, "%h", T(r, "Suljettu")); break;
  }
}

static const char *phase_label(web_req *r, const char *phase) {
  if (!phase || !*phase) return "–";
  if (!strcmp(phase, "before")) return T(r, "ennen");
  if (!strcmp(phase, "after")) return T(r, "jälkeen");
  return phase;
}

static void notice(web_req *r, const char *text) {
  buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", text);
}

/* The survey of the path's id, or NULL after answering 404. */
static survey_info *survey_or_404(web_req *r) {
  survey_info *s = survey_get(r->db, &r->mem, r->id, r->lang);
  if (!s) web_error(r, 404, T(r, "Kyselyä ei löytynyt."));
  return s;
}

/* ---- the list and the import ---- */

static void surveys_table(web_req *r, survey_info *v, int n, const pager *p) {
  buf *o = &r->out;
  static const char *const heads[] = {N_("Avain"),    N_("Otsikko"),   N_("Sarja / vaihe"), N_("Tila"),
                                      N_("Kutsuttu"), N_("Vastannut"), N_("Vastauksia")};
  web_table_begin(r, "list", T(r, "Kyselyt"), 1);
  buf_puts(o, "<thead><tr>");
  for (int i = 0; i < 7; i++)
    buf_printf(o, "<th scope=\"col\"%r>%h</th>", i >= 4 ? " class=\"num\"" : "", T(r, heads[i]));
  buf_puts(o, "</tr></thead>\n<tbody>\n");
  for (int i = pager_offset(p); i < n && i < pager_offset(p) + p->per_page; i++) {
    const survey_info *s = &v[i];
    buf_printf(o, "<tr><td><a href=\"%h" BASE "/%lld\">%h</a></td><td%r>%h</td><td>", r->prefix, s->id, s->key,
               tr_lang(&s->title), s->title.text);
    if (*s->series)
      buf_printf(o, "%h / %h", s->series, phase_label(r, s->phase));
    else
      buf_puts(o, "–");
    buf_puts(o, "</td><td>");
    state_write(r, s);
    buf_printf(o, "</td><td class=\"num\">%N</td><td class=\"num\">%N</td><td class=\"num\">%N</td></tr>\n", s->invited,
               s->answered_invites, s->responses);
  }
  buf_puts(o, "</tbody>");
  web_table_end(r);
}

/* The import form: a .json file or pasted JSON; err lists the definition's problems, json keeps what was pasted. */
static void import_form(web_req *r, const kerr *err, const char *json) {
  buf *o = &r->out;
  buf_printf(o, "<h2 id=\"tuonti\">%h</h2>\n<p>%h</p>\n", T(r, "Tuo JSON-tiedostosta"),
             T(r, "Lähetä kyselyn määrittely JSON-tiedostona tai liitä se alla olevaan kenttään. Muoto on kuvattu "
                  "README-tiedoston luvussa ”Surveys”."));
  if (err && err->msg) {
    buf_printf(o, "<div class=\"error-summary\" role=\"alert\" id=\"import-errors\"><h3>%h</h3><ul>",
               T(r, "Määrittelyä ei tuotu, koska siinä on virheitä:"));
    for (const kerr *e = err; e && e->msg; e = e->next) buf_printf(o, "<li>%h</li>", T(r, e->msg));
    buf_puts(o, "</ul></div>\n");
  }
  buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/tuo\" enctype=\"multipart/form-data\" class=\"form\">\n",
             r->prefix);
  web_csrf_field(r);
  buf_printf(o,
             "<div class=\"field\"><label for=\"f-file\">%h</label><input type=\"file\" id=\"f-file\" name=\"file\" "
             "accept=\".json,application/json\"></div>\n",
             T(r, "JSON-tiedosto"));
  buf_printf(o,
             "<div class=\"field%r\"><label for=\"f-json\">%h</label><span class=\"hint\" id=\"h-json\">%h</span>"
             "<textarea id=\"f-json\" name=\"json\" rows=\"12\" class=\"items\" spellcheck=\"false\" "
             "aria-describedby=\"h-json%r\"%r>%h</textarea></div>\n",
             err && err->msg ? " invalid" : "", T(r, "tai liitä JSON tähän"),
             T(r, "Tiedosto luetaan, jos se on valittu; muuten tämän kentän teksti."),
             err && err->msg ? " import-errors" : "", err && err->msg ? " aria-invalid=\"true\"" : "",
             json ? json : "");
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div>\n</form>\n", T(r, "Tuo kysely"));
}

static void list_page(web_req *r, const kerr *err, const char *json) {
  buf *o = &r->out;
  int n = 0;
  survey_info *v = survey_list(r->db, &r->mem, r->lang, &n);
  pager p = pager_make(r, n, SURVEYS_PER_PAGE);
  page_begin(r, T(r, "Kyselyt"), "surveys");
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Kyselyt"));
  if (web_query(r, "poistettu")) notice(r, T(r, "Kysely poistettiin."));
  buf_printf(
      o, "<p class=\"actions\"><a class=\"button\" href=\"%h" BASE "/uusi\">%h</a> <a href=\"#tuonti\">%h</a></p>\n",
      r->prefix, T(r, "Uusi kysely"), T(r, "Tuo JSON-tiedostosta"));
  if (!n)
    buf_printf(o, "<p>%h</p>\n", T(r, "Kyselyitä ei vielä ole."));
  else {
    surveys_table(r, v, n, &p);
    pager_write(r, &p, BASE);
  }
  import_form(r, err, json);
  page_end(r);
}

static void page_list(web_req *r) {
  list_page(r, NULL, NULL);
}

/* POST /hallinta/kyselyt/tuo: a file or pasted JSON through survey_import. */
static void page_import(web_req *r) {
  kerr e = {0};
  const web_file *f = web_upload(r, "file");
  const char *pasted = web_form(r, "json");
  const char *json = NULL;
  size_t len = 0;
  if (f && f->len)
    json = f->data, len = f->len;
  else if (pasted && !util_blank(pasted))
    json = pasted, len = strlen(pasted);
  long long id = 0;
  if (!web_csrf_ok_or_kerr(r, &e)) {
  } else if (!json) {
    kerr_add(&e, "json", N_("Valitse JSON-tiedosto tai liitä määrittely kenttään."));
  } else {
    id = survey_import(r->db, json, len, r->user.email, &e);
  }
  if (id) {
    web_changed();
    web_redirectf(r, BASE "/%lld?tuotu=1", id);
  } else {
    list_page(r, &e, pasted);
    r->status = e.msg && !web_csrf_ok(r) ? 403 : 400;
  }
  kerr_clear(&e);
}

/* ---- a survey's page: facts, schedule, open link, publishing, copy, delete ---- */

/* A form posting to BASE/ID/action with one hidden on=0|1 and a button. */
static void toggle_form(web_req *r, const char *action, int on, const char *label, const char *cls) {
  buf_printf(&r->out, "<form method=\"post\" action=\"%h" BASE "/%lld/%h\" class=\"inline\">", r->prefix, r->id,
             action);
  web_csrf_field(r);
  buf_printf(&r->out, "<input type=\"hidden\" name=\"on\" value=\"%d\"><button type=\"submit\"%r>%h</button></form>\n",
             on, cls, label);
}

static void facts(web_req *r, const survey_info *s) {
  buf *o = &r->out;
  buf_printf(o, "<dl class=\"facts\"><dt>%h</dt><dd><code>%h</code></dd>", T(r, "Avain"), s->key);
  buf_printf(o, "<dt>%h</dt><dd>%h</dd><dt>%h</dt><dd>%h</dd>", T(r, "Sarja"), *s->series ? s->series : "–",
             T(r, "Vaihe"), phase_label(r, s->phase));
  if (s->series_closed)
    buf_printf(o, "<dt>%h</dt><dd>%h</dd>", T(r, "Sarjan avain"), T(r, "poistettu (sarja suljettu)"));
  buf_printf(o, "<dt>%h</dt><dd>", T(r, "Tila"));
  state_write(r, s);
  buf_printf(o, "</dd><dt>%h</dt><dd>%N</dd><dt>%h</dt><dd>%N</dd><dt>%h</dt><dd>%N</dd>", T(r, "Kutsuttu"), s->invited,
             T(r, "Vastannut kutsutuista"), s->answered_invites, T(r, "Vastauksia"), s->responses);
  buf_printf(o, "<dt>%h</dt><dd>%h</dd>", T(r, "Tulokset"),
             s->results_public ? T(r, "julkaistu kaikille") : T(r, "vain henkilöstölle ja arvioijille"));
  buf_printf(o, "<dt>%h</dt><dd>", T(r, "Luotu"));
  if (s->created_at) web_fi_datetime(r, s->created_at);
  if (s->created_by && *s->created_by) buf_printf(o, " (%h)", s->created_by);
  buf_puts(o, "</dd>");
  if (s->updated_at) {
    buf_printf(o, "<dt>%h</dt><dd>", T(r, "Muokattu"));
    web_fi_datetime(r, s->updated_at);
    buf_puts(o, "</dd>");
  }
  buf_puts(o, "</dl>\n");
}

static void links(web_req *r) {
  buf_printf(&r->out,
             "<ul class=\"survey-links\"><li><a href=\"%h" BASE "/%lld/muokkaa\">%h</a></li>"
             "<li><a href=\"%h" BASE "/%lld/esikatselu\">%h</a></li>"
             "<li><a href=\"%h" BASE "/%lld/kutsut\">%h</a></li>"
             "<li><a href=\"%h" BASE "/%lld/tulokset\">%h</a></li>"
             "<li><a href=\"%h" BASE "/%lld/json\" download>%h</a></li></ul>\n",
             r->prefix, r->id, T(r, "Muokkaa kysymyksiä"), r->prefix, r->id, T(r, "Esikatsele"), r->prefix, r->id,
             T(r, "Kutsut ja muistutukset"), r->prefix, r->id, T(r, "Tulokset"), r->prefix, r->id,
             T(r, "Lataa määrittely JSON-tiedostona"));
}

/* The schedule form: the posted values when it failed, else the stored times. */
static void schedule_form(web_req *r, const survey_info *s, form_ctx *f, int posted) {
  buf *o = &r->out;
  const char *od, *ot, *cd, *ct;
  fi_split(r, s->opens_at, 0, &od, &ot);
  fi_split(r, s->closes_at, 1, &cd, &ct);
  if (posted)
    od = web_field(r, "opens_day"), ot = web_field(r, "opens_time"), cd = web_field(r, "closes_day"),
    ct = web_field(r, "closes_time");
  buf_printf(o, "<h2 id=\"aikataulu\">%h</h2>\n", T(r, "Aikataulu"));
  buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/%lld/aikataulu\" class=\"form schedule\" novalidate>\n",
             r->prefix, r->id);
  web_csrf_field(r);
  buf_printf(o, "<p class=\"hint\">%h</p>\n",
             T(r, "Päivät muodossa 22.11.2026, kellonajat Suomen aikaa muodossa 14.30. Ilman kellonaikaa kysely "
                  "aukeaa päivän alussa ja sulkeutuu päivän päättyessä. Tyhjä päivä: ei rajaa."));
  form_input(f, "text", "opens_day", T(r, "Aukeaa (päivä)"), od, 0, NULL);
  form_input(f, "text", "opens_time", T(r, "Aukeaa (kellonaika)"), ot, 0, NULL);
  form_input(f, "text", "closes_day", T(r, "Sulkeutuu (päivä)"), cd, 0, NULL);
  form_input(f, "text", "closes_time", T(r, "Sulkeutuu (kellonaika)"), ct, 0, NULL);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div>\n</form>\n",
             T(r, "Tallenna aikataulu"));
}

static void open_link_part(web_req *r, const survey_info *s) {
  buf *o = &r->out;
  buf_printf(o, "<h2 id=\"avoin\">%h</h2>\n", T(r, "Avoin linkki"));
  if (s->open_code) {
    buf link = BUF_INIT;
    web_base_url(r, &link);
    buf_printf(&link, "/kysely/avoin/%U", s->open_code);
    buf_printf(o, "<p>%h <a href=\"%h\" class=\"open-link\">%h</a></p>\n",
               T(r, "Avoin linkki on käytössä. Kuka tahansa linkin saanut voi vastata kerran selaimella:"), link.data,
               link.data);
    buf_free(&link);
    toggle_form(r, "avoin", 0, T(r, "Poista avoin linkki käytöstä"), " class=\"secondary\"");
  } else {
    buf_printf(o, "<p>%h</p>\n",
               T(r, "Avoin linkki ei ole käytössä. Avoimella linkillä voi kerätä esimerkiksi tilaisuuden palautteen "
                    "ilman henkilökohtaisia kutsuja."));
    toggle_form(r, "avoin", 1, T(r, "Ota avoin linkki käyttöön"), "");
  }
}

static void publish_part(web_req *r, const survey_info *s) {
  buf_printf(&r->out, "<h2 id=\"julkaisu\">%h</h2>\n<p>%h</p>\n", T(r, "Tulosten julkaisu"),
             s->results_public ? T(r, "Tulokset on julkaistu kaikille (alle viiden vastauksen solut piilotetaan).")
                               : T(r, "Tulokset näkyvät vain henkilöstölle ja arvioijille."));
  toggle_form(r, "julkaisu", !s->results_public,
              s->results_public ? T(r, "Peru tulosten julkaisu") : T(r, "Julkaise tulokset"),
              s->results_public ? " class=\"secondary\"" : "");
}

static void copy_form(web_req *r, form_ctx *f) {
  buf *o = &r->out;
  buf_printf(o, "<h2 id=\"kopioi\">%h</h2>\n<p>%h</p>\n", T(r, "Kopioi kysely"),
             T(r, "Kopioon tulevat kysymykset ilman vastauksia, kutsuja, aikataulua ja avointa linkkiä."));
  buf_printf(o, "<form method=\"post\" action=\"%h" BASE "/%lld/kopioi\" class=\"form\" novalidate>\n", r->prefix,
             r->id);
  web_csrf_field(r);
  form_input(f, "text", "new_key", T(r, "Kopion avain"), web_field(r, "new_key"), 1,
             T(r, "Pienet kirjaimet, numerot, - ja _, enintään 32 merkkiä"));
  form_input(f, "text", "copy_series", T(r, "Kopion sarja"), web_field(r, "copy_series"), 0,
             T(r, "Tyhjä: sama sarja kuin tällä kyselyllä"));
  buf_printf(
      o,
      "<div class=\"field checks\"><label><input type=\"checkbox\" id=\"f-copy_noseries\" name=\"copy_noseries\" "
      "value=\"1\"%r> %h</label></div>\n",
      *web_field(r, "copy_noseries") ? " checked" : "", T(r, "Kopio ei kuulu mihinkään sarjaan"));
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div>\n</form>\n", T(r, "Kopioi"));
}

static void delete_part(web_req *r, const survey_info *s) {
  buf_printf(&r->out, "<h2 id=\"poista\">%h</h2>\n", T(r, "Poista kysely"));
  if (s->responses) {
    buf_printf(&r->out, "<p>%h</p>\n", T(r, "Kyselyyn on vastattu, joten sitä ei voi poistaa."));
    return;
  }
  buf_printf(&r->out, "<form method=\"post\" action=\"%h" BASE "/%lld/poista\" class=\"inline\">", r->prefix, r->id);
  web_csrf_field(r);
  buf_printf(&r->out, "<button type=\"submit\" class=\"danger\">%h</button></form>\n", T(r, "Poista kysely"));
}

/* The survey's page; err (may be NULL) is about the form `which` ("schedule", "copy") or the page. */
static void survey_page(web_req *r, const survey_info *s, const kerr *err, const char *which) {
  buf *o = &r->out;
  page_begin(r, s->title.text, "surveys");
  buf_printf(o, "<p><a href=\"%h" BASE "\">← %h</a></p>\n<h1%r>%h</h1>\n", r->prefix, T(r, "Kyselyt"),
             tr_lang(&s->title), s->title.text);
  static const struct {
    const char *q, *text;
  } done[] = {{"tuotu", N_("Kysely tuotiin.")},
              {"tallennettu", N_("Kysely tallennettiin.")},
              {"luotu", N_("Kysely luotiin.")},
              {"kopio", N_("Kysely on kopio. Muokkaa sitä tarpeen mukaan.")},
              {"aikataulu", N_("Aikataulu tallennettiin.")},
              {"avoin", N_("Avoimen linkin asetus tallennettiin.")},
              {"julkaisu", N_("Tulosten julkaisun asetus tallennettiin.")}};
  for (size_t i = 0; i < sizeof done / sizeof done[0]; i++)
    if (web_query(r, done[i].q)) notice(r, T(r, done[i].text));
  form_ctx none = {r, NULL}, fe = {r, err};
  if (err && err->msg && !which) form_errors(&fe);
  facts(r, s);
  links(r);
  int sched = which && !strcmp(which, "schedule"), copy = which && !strcmp(which, "copy");
  if (sched) form_errors(&fe);
  schedule_form(r, s, sched ? &fe : &none, sched);
  open_link_part(r, s);
  publish_part(r, s);
  if (copy) form_errors(&fe);
  copy_form(r, copy ? &fe : &none);
  delete_part(r, s);
  page_end(r);
}

static void page_survey(web_req *r) {
  survey_info *s = survey_or_404(r);
  if (s) survey_page(r, s, NULL, NULL);
}

/* Shows the survey's page again with e and status 400 (403 on a stale token). */
static void survey_again(web_req *r, const kerr *e, const char *which, int stale) {
  survey_info *s = survey_or_404(r);
  if (!s) return;
  survey_page(r, s, e, which);
  r->status = stale ? 403 : 400;
}

/* Reads a schedule end: day (Finnish or ISO) and optional time into UTC; "" day = NULL. K_ERR with e on the fields. */
static int schedule_end(web_req *r, const char *dayf, const char *timef, int end, char out[21], const char **res,
                        kerr *e) {
  const char *ds = web_field(r, dayf), *ts = web_field(r, timef);
  *res = NULL;
  if (!*ds) {
    if (*ts) return kerr_add(e, dayf, N_("Kirjoita myös päivä, muodossa 22.11.2026."));
    return K_OK;
  }
  char day[11];
  int hh = end ? 24 : 0, mm = 0, rc = K_OK;
  if (date_parse(ds, day) != K_OK) rc = kerr_add(e, dayf, N_("Kirjoita päivä muodossa 22.11.2026."));
  if (*ts && time_parse(ts, &hh, &mm) != K_OK) rc = kerr_add(e, timef, N_("Kirjoita kellonaika muodossa 14.30."));
  if (rc != K_OK) return rc;
  fi_local_to_utc(day, hh, mm, out);
  *res = out;
  return K_OK;
}

static void page_schedule(web_req *r) {
  kerr e = {0};
  char ob[21], cb[21];
  const char *opens, *closes;
  int a = schedule_end(r, "opens_day", "opens_time", 0, ob, &opens, &e);
  int b = schedule_end(r, "closes_day", "closes_time", 1, cb, &closes, &e);
  if (a == K_OK && b == K_OK && survey_set_schedule(r->db, r->id, opens, closes, r->user.email, &e) == K_OK) {
    web_changed();
    web_redirectf(r, BASE "/%lld?aikataulu=1#aikataulu", r->id);
  } else {
    for (kerr *x = &e; x && x->msg; x = x->next) /* the model names its own fields: show them by the closing day */
      if (!x->field || (strcmp(x->field, "opens_day") && strcmp(x->field, "opens_time") &&
                        strcmp(x->field, "closes_time") && strcmp(x->field, "closes_day"))) {
        const char *to = x->field && strstr(x->field, "open") ? "opens_day" : "closes_day";
        free(x->field);
        x->field = strdup(to);
      }
    survey_again(r, &e, "schedule", 0);
  }
  kerr_clear(&e);
}

/* POST BASE/ID/avoin and /julkaisu: on=1|0. */
static void toggle(web_req *r, int (*set)(db *, long long, int, const char *, kerr *), const char *done) {
  kerr e = {0};
  if (!survey_or_404(r)) return;
  if (set(r->db, r->id, !strcmp(web_field(r, "on"), "1"), r->user.email, &e) == K_OK) {
    web_changed();
    web_redirectf(r, BASE "/%lld?%r=1#%r", r->id, done, done);
  } else {
    survey_again(r, &e, NULL, 0);
  }
  kerr_clear(&e);
}

static void page_open_link(web_req *r) {
  toggle(r, survey_set_open_link, "avoin");
}

static void page_publish(web_req *r) {
  toggle(r, survey_set_public, "julkaisu");
}

static void page_copy(web_req *r) {
  kerr e = {0};
  if (!survey_or_404(r)) return;
  const char *key = web_field(r, "new_key");
  const char *series = *web_field(r, "copy_noseries") ? "" : web_field_opt(r, "copy_series");
  long long id = 0;
  if (!*key)
    kerr_add(&e, "new_key", N_("Kirjoita kopion avain."));
  else
    id = survey_copy(r->db, r->id, key, series, r->user.email, &e);
  if (id) {
    web_changed();
    web_redirectf(r, BASE "/%lld?kopio=1", id);
  } else {
    for (kerr *x = &e; x && x->msg; x = x->next)
      if (!x->field || strcmp(x->field, "new_key")) {
        const char *to = x->field && !strcmp(x->field, "series") ? "copy_series" : "new_key";
        free(x->field);
        x->field = strdup(to);
      }
    survey_again(r, &e, "copy", 0);
  }
  kerr_clear(&e);
}

static void page_delete(web_req *r) {
  survey_info *s = survey_or_404(r);
  if (!s) return;
  if (!confirm_posted(r)) {
    char what[600];
    snprintf(what, sizeof what, "%s %s (%s).", T(r, "Poistetaan kysely"), s->key, s->title.text);
    char action[64];
    snprintf(action, sizeof action, BASE "/%lld/poista", s->id);
    char back[64];
    snprintf(back, sizeof back, BASE "/%lld", s->id);
    confirm_page(r, &(confirm_spec){T(r, "Poistetaanko kysely?"), what, action, NULL, 0, T(r, "Poista kysely"), back,
                                    "surveys"});
    return;
  }
  kerr e = {0};
  if (survey_delete(r->db, r->id, r->user.email, &e) == K_OK) {
    web_changed();
    web_redirectf(r, BASE "?poistettu=1");
  } else {
    survey_again(r, &e, NULL, 0);
  }
  kerr_clear(&e);
}

/* GET BASE/ID/json: the definition as `kehto survey export ID` prints it, as a download KEY.json. */
static void page_json(web_req *r) {
  survey_info *s = survey_or_404(r);
  if (!s) return;
  survey_def *d = survey_load(r->db, &r->mem, r->id);
  if (!d) {
    web_error(r, 404, T(r, "Kyselyä ei löytynyt."));
    return;
  }
  char *json = survey_def_json(&r->mem, d);
  r->ctype = "application/json; charset=utf-8";
  r->no_store = 1;
  char disp[120];
  snprintf(disp, sizeof disp, "attachment; filename=\"%s.json\"", s->key); /* keys are [a-z0-9_-] */
  web_header(r, "Content-Disposition", disp);
  buf_puts(&r->out, json);
  buf_putc(&r->out, '\n');
}

/* GET BASE/ID/esikatselu: the survey as a respondent sees it (survey_form), without a submit button. */
static void page_preview(web_req *r) {
  survey_info *s = survey_or_404(r);
  if (!s) return;
  survey_def *d = survey_load(r->db, &r->mem, r->id);
  if (!d) {
    web_error(r, 404, T(r, "Kyselyä ei löytynyt."));
    return;
  }
  r->no_store = 1;
  tr title = survey_text_pick(&d->title, r->lang);
  char t[400];
  snprintf(t, sizeof t, "%s: %s", T(r, "Esikatselu"), title.text);
  page_begin(r, t, "surveys");
  buf_printf(&r->out, "<p><a href=\"%h" BASE "/%lld\">← %h</a> · <a href=\"%h" BASE "/%lld/muokkaa\">%h</a></p>\n",
             r->prefix, r->id, T(r, "Kyselyn sivu"), r->prefix, r->id, T(r, "Muokkaa kysymyksiä"));
  buf_puts(&r->out, "<div class=\"survey\">\n");
  survey_form_head(&r->out, d, r->lang);
  buf_puts(&r->out, "<div class=\"survey-form\">\n"); /* no form: nothing is sent from a preview */
  survey_form_write(&r->out, d, r->lang, NULL, NULL, 1);
  buf_puts(&r->out, "</div>\n</div>\n");
  page_end(r);
}

/* ---- the editor: a plain form that carries the whole definition; each button re-renders it, "Tallenna" saves ---- */

#define ED_MAX_Q 300 /* questions the editor reads from one form */

/* A question as typed (strings as they are, so nothing typed is lost). */
typedef struct ed_q {
  const char *key, *type, *orig; /* orig: the stored key it was loaded with ("" for a new question) */
  const char *text[3], *help[3], *low[3], *high[3];
  int required, other;
  const char *options, *rows, *scale, *min, *max, *cond_q, *cond_values;
} ed_q;

typedef struct ed {
  const char *key, *series, *phase;
  const char *title[3], *intro[3];
  ed_q *q;
  int nq, cap;
  int answered;             /* the survey has answers: stored questions keep their keys and types */
  const survey_def *stored; /* NULL for a new survey */
} ed;

static const char *const LSUF[3] = {"", "_sv", "_en"};

static void text3(const char *t[3], const survey_text *s) {
  t[0] = s->fi ? s->fi : "", t[1] = s->sv ? s->sv : "", t[2] = s->en ? s->en : "";
}

static const char *num_text(web_req *r, int has, double x) {
  if (!has) return "";
  char *s = arena_alloc(&r->mem, 32);
  snprintf(s, 32, "%g", x);
  return s;
}

/* Options or rows as lines "key|fi|sv|en" (empty trailing translations left out). */
static const char *items_text(web_req *r, const survey_item *v, int n) {
  buf b = BUF_INIT;
  for (int i = 0; i < n; i++) {
    buf_printf(&b, "%r|%r", v[i].key, v[i].text.fi ? v[i].text.fi : "");
    const char *sv = v[i].text.sv ? v[i].text.sv : "", *en = v[i].text.en ? v[i].text.en : "";
    if (*sv || *en) buf_printf(&b, "|%r", sv);
    if (*en) buf_printf(&b, "|%r", en);
    buf_putc(&b, '\n');
  }
  return b.data ? arena_adopt(&r->mem, buf_detach(&b)) : "";
}

static ed_q *ed_add(web_req *r, ed *x) {
  x->q = arena_grow(&r->mem, x->q, x->nq, &x->cap, sizeof *x->q);
  ed_q *q = &x->q[x->nq++];
  memset(q, 0, sizeof *q);
  q->key = q->type = q->orig = q->options = q->rows = q->scale = q->min = q->max = q->cond_q = q->cond_values = "";
  for (int l = 0; l < 3; l++) q->text[l] = q->help[l] = q->low[l] = q->high[l] = "";
  return q;
}

static void ed_from_def(web_req *r, ed *x, const survey_def *d) {
  x->key = d->key, x->series = d->series ? d->series : "", x->phase = d->phase ? d->phase : "";
  text3(x->title, &d->title), text3(x->intro, &d->intro);
  for (int i = 0; i < d->nq; i++) {
    const survey_question *s = &d->q[i];
    ed_q *q = ed_add(r, x);
    q->key = s->key ? s->key : "", q->orig = q->key, q->type = survey_type_name(s->type);
    text3(q->text, &s->text), text3(q->help, &s->help), text3(q->low, &s->low), text3(q->high, &s->high);
    q->required = s->required, q->other = s->other;
    q->options = items_text(r, s->options, s->noptions), q->rows = items_text(r, s->rows, s->nrows);
    q->scale = s->type == SQ_MATRIX ? survey_type_name(s->scale) : "";
    q->min = num_text(r, s->has_min, s->min), q->max = num_text(r, s->has_max, s->max);
    if (s->cond_q) {
      buf b = BUF_INIT;
      for (int k = 0; k < s->ncond; k++) buf_printf(&b, "%r%r", k ? ", " : "", s->cond_values[k]);
      q->cond_q = s->cond_q, q->cond_values = b.data ? arena_adopt(&r->mem, buf_detach(&b)) : "";
    }
  }
}

/* A form field "q3_name" (or "name" when i < 0), trimmed, never NULL. */
static const char *qf(web_req *r, int i, const char *name) {
  char n[64];
  if (i < 0)
    snprintf(n, sizeof n, "%s", name);
  else
    snprintf(n, sizeof n, "q%d_%s", i, name);
  return web_field(r, n);
}

static void tr3(web_req *r, int i, const char *name, const char *t[3]) {
  for (int l = 0; l < 3; l++) {
    char n[48];
    snprintf(n, sizeof n, "%s%s", name, LSUF[l]);
    t[l] = qf(r, i, n);
  }
}

static void ed_from_form(web_req *r, ed *x) {
  x->key = qf(r, -1, "key"), x->series = qf(r, -1, "series"), x->phase = qf(r, -1, "phase");
  tr3(r, -1, "title", x->title), tr3(r, -1, "intro", x->intro);
  int n = atoi(web_field(r, "nq"));
  for (int i = 0; i < n && i < ED_MAX_Q; i++) {
    ed_q *q = ed_add(r, x);
    q->key = qf(r, i, "key"), q->type = qf(r, i, "type"), q->orig = qf(r, i, "orig");
    tr3(r, i, "text", q->text), tr3(r, i, "help", q->help), tr3(r, i, "low", q->low), tr3(r, i, "high", q->high);
    q->required = *qf(r, i, "required") != 0, q->other = *qf(r, i, "other") != 0;
    q->options = qf(r, i, "options"), q->rows = qf(r, i, "rows"), q->scale = qf(r, i, "scale");
    q->min = qf(r, i, "min"), q->max = qf(r, i, "max");
    q->cond_q = qf(r, i, "cond_q"), q->cond_values = qf(r, i, "cond_values");
  }
}

/* 1 when question i keeps its key and type: the survey has answers and it is one of the stored questions. */
static int q_locked(const ed *x, const ed_q *q) {
  return x->answered && x->stored && *q->orig && survey_def_find(x->stored, q->orig);
}

/* ---- the definition as JSON ---- */

static json_t *jtext(const char *const t[3]) {
  static const char *const L[3] = {"fi", "sv", "en"};
  json_t *o = json_object();
  for (int l = 0; l < 3; l++)
    if (l == 0 || (t[l] && *t[l])) json_object_set_new(o, L[l], json_string(t[l] ? t[l] : ""));
  return o;
}

static int text_set(const char *const t[3]) {
  return *t[0] || *t[1] || *t[2];
}

/* A number as typed (comma or point) as a JSON number; anything else stays a string for the model to refuse. */
static json_t *jnum(const char *s) {
  char t[64];
  snprintf(t, sizeof t, "%s", s);
  for (char *c = t; *c; c++)
    if (*c == ',') *c = '.';
  char *end;
  double v = strtod(t, &end);
  if (*t && !*end && strlen(s) < sizeof t) {
    if (v == (double)(long long)v && !strchr(t, '.') && !strchr(t, 'e') && !strchr(t, 'E'))
      return json_integer((long long)v);
    return json_real(v);
  }
  return json_string(s);
}

/* Lines "key|fi|sv|en" as [{"key":…,"text":{…}}]; blank lines are skipped. */
static json_t *jitems(const char *text) {
  json_t *a = json_array();
  const char *p = text;
  while (p && *p) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    char line[2048];
    snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), p);
    p = nl ? nl + 1 : NULL;
    const char *part[4] = {"", "", "", ""};
    char *save = line;
    for (int k = 0; k < 4; k++) {
      char *bar = k < 3 ? strchr(save, '|') : NULL;
      if (bar) *bar = 0;
      /* trim */
      while (*save == ' ' || *save == '\t') save++;
      char *e = save + strlen(save);
      while (e > save && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) *--e = 0;
      part[k] = save;
      if (!bar) break;
      save = bar + 1;
    }
    if (!*part[0] && !*part[1] && !*part[2] && !*part[3]) continue;
    json_t *it = json_object();
    json_object_set_new(it, "key", json_string(part[0]));
    const char *t[3] = {part[1], part[2], part[3]};
    json_object_set_new(it, "text", jtext(t));
    json_array_append_new(a, it);
  }
  return a;
}

static json_t *jquestion(const ed_q *q) {
  json_t *o = json_object();
  int type = survey_type_parse(q->type);
  if (type != SQ_SECTION) json_object_set_new(o, "key", json_string(q->key));
  json_object_set_new(o, "type", json_string(q->type));
  json_object_set_new(o, type == SQ_SECTION ? "title" : "text", jtext(q->text));
  if (type == SQ_SECTION) return o; /* a section has its title only */
  if (text_set(q->help)) json_object_set_new(o, "help", jtext(q->help));
  if (q->required) json_object_set_new(o, "required", json_true());
  if (type == SQ_LIKERT5 || type == SQ_LIKERT7 || type == SQ_SCALE10 || type == SQ_MATRIX) {
    if (text_set(q->low)) json_object_set_new(o, "low", jtext(q->low));
    if (text_set(q->high)) json_object_set_new(o, "high", jtext(q->high));
  }
  if (type == SQ_MATRIX) {
    json_object_set_new(o, "scale", json_string(*q->scale ? q->scale : "likert5"));
    json_object_set_new(o, "rows", jitems(q->rows));
  }
  if (type == SQ_SINGLE || type == SQ_MULTIPLE) {
    json_object_set_new(o, "options", jitems(q->options));
    if (q->other) json_object_set_new(o, "other", json_true());
  }
  if (type == SQ_NUMBER) {
    if (*q->min) json_object_set_new(o, "min", jnum(q->min));
    if (*q->max) json_object_set_new(o, "max", jnum(q->max));
  }
  if (*q->cond_q || *q->cond_values) {
    json_t *vals = json_array();
    char buf_[1024];
    snprintf(buf_, sizeof buf_, "%s", q->cond_values);
    for (char *save = NULL, *tok = strtok_r(buf_, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
      while (*tok == ' ') tok++;
      char *e = tok + strlen(tok);
      while (e > tok && e[-1] == ' ') *--e = 0;
      if (!*tok) continue;
      json_t *num = jnum(tok);
      json_array_append_new(vals, json_is_number(num) ? num : (json_decref(num), json_string(tok)));
    }
    json_t *c = json_object();
    json_object_set_new(c, q->cond_q, vals);
    json_object_set_new(o, "show_if", c);
  }
  return o;
}

/* The editor's content as the JSON definition, malloc'd (the caller frees). A stored survey's schedule (set on its
 * page, not here) goes with it unchanged. */
static char *ed_json(const ed *x) {
  json_t *o = json_object();
  json_object_set_new(o, "key", json_string(x->key));
  if (*x->series) json_object_set_new(o, "series", json_string(x->series));
  if (*x->phase) json_object_set_new(o, "phase", json_string(x->phase));
  json_object_set_new(o, "title", jtext(x->title));
  if (text_set(x->intro)) json_object_set_new(o, "intro", jtext(x->intro));
  if (x->stored && x->stored->opens) json_object_set_new(o, "opens", json_string(x->stored->opens));
  if (x->stored && x->stored->closes) json_object_set_new(o, "closes", json_string(x->stored->closes));
  json_t *qs = json_array();
  for (int i = 0; i < x->nq; i++) json_array_append_new(qs, jquestion(&x->q[i]));
  json_object_set_new(o, "questions", qs);
  char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_decref(o);
  return s;
}

/* ---- the model's errors beside the editor's fields ---- */

/* The editor's field for a definition field of question i (-1: the survey's own), or NULL. f is the model's field
 * name after the question: "options", "text.sv", "show_if", "rows[2].key". */
static char *ed_field(web_req *r, int i, const char *f) {
  static const struct {
    const char *model, *form;
  } M[] = {{"key", "key"},     {"type", "type"},       {"text", "text"},      {"title", "text"},
           {"help", "help"},   {"low", "low"},         {"high", "high"},      {"required", "required"},
           {"other", "other"}, {"options", "options"}, {"rows", "rows"},      {"scale", "scale"},
           {"min", "min"},     {"max", "max"},         {"show_if", "cond_q"}, {"condition", "cond_q"}};
  static const char *const TOP[] = {"key", "series", "phase", "title", "intro"};
  char head[40];
  size_t n = strcspn(f, ".[:/ ");
  snprintf(head, sizeof head, "%.*s", (int)(n < sizeof head ? n : sizeof head - 1), f);
  const char *lang = "";
  if (strstr(f + n, "sv")) lang = "_sv";
  if (strstr(f + n, "en")) lang = "_en";
  char *out = arena_alloc(&r->mem, 64);
  if (i < 0) {
    for (size_t k = 0; k < sizeof TOP / sizeof TOP[0]; k++)
      if (!strcmp(head, TOP[k])) {
        snprintf(out, 64, "%s%s", head, !strcmp(head, "title") || !strcmp(head, "intro") ? lang : "");
        return out;
      }
    return NULL;
  }
  for (size_t k = 0; k < sizeof M / sizeof M[0]; k++)
    if (!strcmp(head, M[k].model)) {
      int trf = !strcmp(M[k].form, "text") || !strcmp(M[k].form, "help") || !strcmp(M[k].form, "low") ||
                !strcmp(M[k].form, "high");
      snprintf(out, 64, "q%d_%s%s", i, M[k].form, trf ? lang : "");
      return out;
    }
  return NULL;
}

/* The index of the question named by s ("q3", or a number: a position counted from 1 when one1), or -1. The end of
 * the name goes to *rest. */
static int ed_find_q(const ed *x, const char *s, int one1, const char **rest) {
  size_t n = strcspn(s, ".[]:/ ,");
  *rest = s + n;
  for (int i = 0; i < x->nq; i++)
    if (*x->q[i].key && strlen(x->q[i].key) == n && !strncmp(x->q[i].key, s, n)) return i;
  char *end;
  long v = strtol(s, &end, 10);
  if (end == s + n && n) {
    v -= one1;
    if (v >= 0 && v < x->nq) return (int)v;
  }
  return -1;
}

/* Moves every error onto the editor's field it is about: the model names a field as "q3.options", "q3.text.sv",
 * "q3.options[2].key", "questions[4].title" (a section or a question without a good key, counted from 1), "q3"
 * with the field in its message ("kysymys q3, kenttä type: …"), or the survey's own "title", "key", "series".
 * Errors it cannot place are shown in the summary only. */
static void ed_map_errors(web_req *r, const ed *x, kerr *e) {
  for (kerr *k = e; k && k->msg; k = k->next) {
    const char *f = k->field ? k->field : "", *rest = NULL;
    char *to = NULL;
    int i = -1;
    if (!strncmp(f, "questions[", 10) || !strncmp(f, "questions.", 10)) { /* counted from 1 */
      i = ed_find_q(x, f + 10, 1, &rest);
      if (i >= 0) rest += strspn(rest, "].");
    } else if (*f) {
      i = ed_find_q(x, f, 1, &rest);
      if (i >= 0 && *rest) rest++;
    }
    if (i < 0) {
      const char *m = strstr(k->msg, "kysymys ");
      const char *kf = strstr(k->msg, "kenttä ");
      if (m && (i = ed_find_q(x, m + 8, 1, &rest)) >= 0) rest = kf ? kf + 7 : "";
    }
    if (i >= 0 && rest && !*rest) { /* the question alone ("q1"): its field may be in the message */
      const char *kf = strstr(k->msg, "kenttä ");
      rest = kf ? kf + 7 : "";
    }
    if (i >= 0 && rest)
      to = ed_field(r, i, rest);
    else if (*f)
      to = ed_field(r, -1, f);
    else {
      const char *kf = strstr(k->msg, "kenttä ");
      if (kf) to = ed_field(r, -1, kf + 7);
    }
    if (i >= 0 && !to) { /* the question, at least: its key, or a section's title */
      to = arena_alloc(&r->mem, 32);
      snprintf(to, 32, survey_type_parse(x->q[i].type) == SQ_SECTION ? "q%d_text" : "q%d_key", i);
    }
    free(k->field);
    k->field = to ? strdup(to) : NULL;
  }
}

/* ---- the editor's page ---- */

static const form_opt TYPES[] = {
    {"likert5", N_("Likert 1–5")},
    {"likert7", N_("Likert 1–7")},
    {"scale10", N_("Asteikko 0–10")},
    {"matrix", N_("Matriisi (useita väittämiä samalla asteikolla)")},
    {"single", N_("Yksi valinta")},
    {"multiple", N_("Monivalinta")},
    {"number", N_("Luku")},
    {"text", N_("Avoin teksti")},
    {"section", N_("Väliotsikko (uusi osio)")},
};
#define NTYPES (int)(sizeof TYPES / sizeof TYPES[0])

static form_opt *type_opts(web_req *r) {
  form_opt *o = arena_alloc(&r->mem, sizeof TYPES);
  for (int i = 0; i < NTYPES; i++) o[i] = (form_opt){TYPES[i].value, T(r, TYPES[i].label)};
  return o;
}

static const char *type_label(web_req *r, const char *type) {
  for (int i = 0; i < NTYPES; i++)
    if (!strcmp(TYPES[i].value, type)) return T(r, TYPES[i].label);
  return type;
}

static void hidden(web_req *r, int i, const char *name, const char *value) {
  if (value && *value) buf_printf(&r->out, "<input type=\"hidden\" name=\"q%d_%h\" value=\"%h\">", i, name, value);
}

static void checkbox(form_ctx *f, const char *name, const char *label, int on) {
  const kerr *e = form_field_error(f->err, name);
  buf_printf(&f->r->out, "<div class=\"field checks%r\">", e ? " invalid" : "");
  if (e) buf_printf(&f->r->out, "<span class=\"error\" id=\"e-%h\">%h</span>", name, T(f->r, e->msg));
  buf_printf(&f->r->out, "<label><input type=\"checkbox\" id=\"f-%h\" name=\"%h\" value=\"1\"%r", name, name,
             on ? " checked" : "");
  if (e) buf_printf(&f->r->out, " aria-describedby=\"e-%h\" aria-invalid=\"true\"", name);
  buf_printf(&f->r->out, "> %h</label></div>\n", label);
}

/* A button of the editor (name op) that brings the page back at the question anchor. */
static void op_button(web_req *r, const char *op, const char *label, const char *about, const char *anchor,
                      const char *cls) {
  buf_printf(&r->out,
             "<button type=\"submit\" name=\"op\" value=\"%h\" formaction=\"%h%h#%h\"%r>%h<span "
             "class=\"visually-hidden\"> %h</span></button>",
             op, r->prefix, r->path, anchor, cls, label, about);
}

static void ed_question(form_ctx *f, const ed *x, int i) {
  web_req *r = f->r;
  buf *o = &r->out;
  const ed_q *q = &x->q[i];
  int type = survey_type_parse(q->type), locked = q_locked(x, q);
  char about[96], name[48], anchor[16], op[24];
  snprintf(about, sizeof about, "(%s %d%s%s)", T(r, "kysymys"), i + 1, *q->key ? ": " : "", q->key);
  snprintf(anchor, sizeof anchor, "qe-%d", i);
  buf_printf(o, "<fieldset class=\"q-edit\" id=\"qe-%d\"><legend>%h %d", i, T(r, "Kysymys"), i + 1);
  if (*q->key) buf_printf(o, ": <code>%h</code>", q->key);
  buf_printf(o, " – %h</legend>\n", type_label(r, q->type));
  hidden(r, i, "orig", q->orig);
  if (locked) {
    buf_printf(o, "<p class=\"locked\">%h <code>%h</code>, %h %h.</p>",
               T(r, "Lukittu, koska kyselyyn on vastattu: avain"), q->key, T(r, "tyyppi"), type_label(r, q->type));
    hidden(r, i, "key", q->key);
    hidden(r, i, "type", q->type);
  } else {
    if (type != SQ_SECTION) {
      snprintf(name, sizeof name, "q%d_key", i);
      form_input(f, "text", name, T(r, "Avain"), q->key, 1,
                 T(r, "Vastausten kentän nimi: pienet kirjaimet, numerot, - ja _"));
    } else {
      hidden(r, i, "key", q->key);
    }
    snprintf(name, sizeof name, "q%d_type", i);
    form_select(f, name, T(r, "Tyyppi"), q->type, type_opts(r), NTYPES, 1, NULL);
    snprintf(op, sizeof op, "refresh-%d", i);
    buf_puts(o, "<div class=\"q-tools\">");
    op_button(r, op, T(r, "Päivitä kentät tyypin mukaan"), about, anchor, " class=\"secondary\"");
    buf_puts(o, "</div>\n");
  }
  char tn[4][24];
  const char *tl[] = {"text", "help", "low", "high"};
  for (int k = 0; k < 4; k++) snprintf(tn[k], sizeof tn[k], "q%d_%s", i, tl[k]);
  int scaled = type == SQ_LIKERT5 || type == SQ_LIKERT7 || type == SQ_SCALE10 || type == SQ_MATRIX;
  tr_field tf[4] = {{tn[0],
                     type == SQ_SECTION ? N_("Osion otsikko") : N_("Kysymys"),
                     {q->text[0], q->text[1], q->text[2]},
                     2,
                     1,
                     NULL},
                    {tn[1], N_("Ohje"), {q->help[0], q->help[1], q->help[2]}, 2, 0, NULL},
                    {tn[2], N_("Asteikon alkupään selite"), {q->low[0], q->low[1], q->low[2]}, 0, 0, NULL},
                    {tn[3], N_("Asteikon loppupään selite"), {q->high[0], q->high[1], q->high[2]}, 0, 0, NULL}};
  tr_fieldsets(f, tf, scaled ? 4 : type == SQ_SECTION ? 1 : 2);
  if (type == SQ_SECTION)
    for (int l = 0; l < 3; l++) {
      snprintf(name, sizeof name, "help%s", LSUF[l]);
      hidden(r, i, name, q->help[l]);
    }
  if (!scaled)
    for (int l = 0; l < 3; l++) {
      snprintf(name, sizeof name, "low%s", LSUF[l]);
      hidden(r, i, name, q->low[l]);
      snprintf(name, sizeof name, "high%s", LSUF[l]);
      hidden(r, i, name, q->high[l]);
    }
  if (type != SQ_SECTION) {
    snprintf(name, sizeof name, "q%d_required", i);
    checkbox(f, name, T(r, "Pakollinen"), q->required);
  }
  const char *items_hint = N_("Yksi riville: avain|suomeksi|ruotsiksi|englanniksi, esim. a|Kyllä|Ja|Yes");
  if (type == SQ_SINGLE || type == SQ_MULTIPLE) {
    snprintf(name, sizeof name, "q%d_options", i);
    form_textarea(f, name, T(r, "Vaihtoehdot"), q->options, 1, T(r, items_hint), 5);
    snprintf(name, sizeof name, "q%d_other", i);
    checkbox(f, name, T(r, "Vaihtoehto ”Muu, mikä?” tekstikentällä"), q->other);
  } else {
    hidden(r, i, "options", q->options);
    if (q->other) hidden(r, i, "other", "1");
  }
  if (type == SQ_MATRIX) {
    snprintf(name, sizeof name, "q%d_rows", i);
    form_textarea(f, name, T(r, "Väittämät (rivit)"), q->rows, 1, T(r, items_hint), 5);
    snprintf(name, sizeof name, "q%d_scale", i);
    form_opt sc[] = {
        {"likert5", T(r, "Likert 1–5")}, {"likert7", T(r, "Likert 1–7")}, {"scale10", T(r, "Asteikko 0–10")}};
    form_select(f, name, T(r, "Asteikko"), *q->scale ? q->scale : "likert5", sc, 3, 1, NULL);
  } else {
    hidden(r, i, "rows", q->rows);
    hidden(r, i, "scale", q->scale);
  }
  if (type == SQ_NUMBER) {
    snprintf(name, sizeof name, "q%d_min", i);
    form_input(f, "text", name, T(r, "Pienin sallittu luku"), q->min, 0, NULL);
    snprintf(name, sizeof name, "q%d_max", i);
    form_input(f, "text", name, T(r, "Suurin sallittu luku"), q->max, 0, NULL);
  } else {
    hidden(r, i, "min", q->min);
    hidden(r, i, "max", q->max);
  }
  if (type != SQ_SECTION) {
    snprintf(name, sizeof name, "q%d_cond_q", i);
    form_input(f, "text", name, T(r, "Näytä vain, jos kysymyksen (avain) vastaus on"), q->cond_q, 0,
               T(r, "Tyhjä: näytetään aina. Aiemman kysymyksen avain, esim. q1"));
    snprintf(name, sizeof name, "q%d_cond_values", i);
    form_input(f, "text", name, T(r, "jokin näistä arvoista"), q->cond_values, 0,
               T(r, "Pilkuilla erotettuina: luvut tai vaihtoehtojen avaimet, esim. 4, 5"));
  }
  buf_puts(o, "<div class=\"q-tools\">");
  char to[16];
  if (i > 0) {
    snprintf(op, sizeof op, "up-%d", i), snprintf(to, sizeof to, "qe-%d", i - 1);
    op_button(r, op, T(r, "Siirrä ylös"), about, to, " class=\"secondary\"");
  }
  if (i < x->nq - 1) {
    snprintf(op, sizeof op, "down-%d", i), snprintf(to, sizeof to, "qe-%d", i + 1);
    op_button(r, op, T(r, "Siirrä alas"), about, to, " class=\"secondary\"");
  }
  if (!locked) {
    snprintf(op, sizeof op, "remove-%d", i);
    op_button(r, op, T(r, "Poista"), about, "kysymykset", " class=\"secondary\"");
  }
  buf_puts(o, "</div>\n</fieldset>\n");
}

static void editor_page(web_req *r, const ed *x, const kerr *err, const char *notice_text) {
  buf *o = &r->out;
  form_ctx f = {r, err};
  const char *title = r->id ? T(r, "Muokkaa kyselyä") : T(r, "Uusi kysely");
  r->no_store = 1;
  page_begin(r, title, "surveys");
  if (r->id)
    buf_printf(o, "<p><a href=\"%h" BASE "/%lld\">← %h</a> · <a href=\"%h" BASE "/%lld/esikatselu\">%h</a></p>\n",
               r->prefix, r->id, T(r, "Kyselyn sivu"), r->prefix, r->id, T(r, "Esikatsele tallennettua"));
  else
    buf_printf(o, "<p><a href=\"%h" BASE "\">← %h</a></p>\n", r->prefix, T(r, "Kyselyt"));
  buf_printf(o, "<h1>%h</h1>\n", title);
  char cancel[64];
  if (r->id)
    snprintf(cancel, sizeof cancel, BASE "/%lld", r->id);
  else
    snprintf(cancel, sizeof cancel, BASE);
  buf_printf(o, "<p>%h</p>\n",
             T(r, "Mitään ei tallenneta ennen kuin painat ”Tallenna”. Lisäys-, siirto- ja poistopainikkeet näyttävät "
                  "lomakkeen uudelleen muutettuna."));
  if (notice_text) notice(r, notice_text);
  if (x->answered)
    buf_printf(o, "<div class=\"notice warning\"><p>%h</p></div>\n",
               T(r, "Kyselyyn on jo vastattu: vastattujen kysymysten avaimia ja tyyppejä ei voi muuttaa eikä niitä "
                    "voi poistaa. Tekstejä, ohjeita, järjestystä ja pakollisuutta voi muuttaa, ja uusia kysymyksiä voi "
                    "lisätä."));
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h%h\" class=\"form survey-editor\" novalidate>\n", r->prefix, r->path);
  web_csrf_field(r);
  buf_printf(o, "<input type=\"hidden\" name=\"nq\" value=\"%d\">\n", x->nq);
  /* the first submit button is the one Enter in a field presses: saving, not moving a question */
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\" name=\"op\" value=\"save\">%h</button> <button "
             "type=\"submit\" name=\"op\" value=\"preview\" class=\"secondary\">%h</button></div>\n",
             T(r, "Tallenna"), T(r, "Esikatsele tallentamatta"));
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Perustiedot"));
  if (r->id) {
    buf_printf(o,
               "<div class=\"field\"><label for=\"f-key\">%h</label><input type=\"text\" id=\"f-key\" name=\"key\" "
               "value=\"%h\" readonly aria-describedby=\"h-key\"><span class=\"hint\" id=\"h-key\">%h</span></div>\n",
               T(r, "Avain"), x->key, T(r, "Tallennetun kyselyn avain ei muutu. Kopioi kysely, jos tarvitset toisen."));
  } else {
    form_input(&f, "text", "key", T(r, "Avain"), x->key, 1,
               T(r, "Yksilöi kyselyn: pienet kirjaimet, numerot, - ja _, enintään 32 merkkiä, esim. sparraus-alku"));
  }
  form_input(&f, "text", "series", T(r, "Sarja"), x->series, 0,
             T(r, "Ennen- ja jälkeen-kyselyt yhdistetään saman sarjan avaimella, esim. sparraus. Tyhjä: ei sarjaa."));
  form_opt ph[] = {{"before", T(r, "ennen")}, {"after", T(r, "jälkeen")}};
  form_select(&f, "phase", T(r, "Vaihe sarjassa"), x->phase, ph, 2, 0, "–");
  tr_field top[] = {{"title", N_("Otsikko"), {x->title[0], x->title[1], x->title[2]}, 0, 1, NULL},
                    {"intro", N_("Johdanto"), {x->intro[0], x->intro[1], x->intro[2]}, 4, 0, NULL}};
  tr_fieldsets(&f, top, 2);
  buf_printf(o, "<h2 id=\"kysymykset\">%h</h2>\n", T(r, "Kysymykset"));
  if (!x->nq) buf_printf(o, "<p>%h</p>\n", T(r, "Kyselyssä ei vielä ole kysymyksiä."));
  for (int i = 0; i < x->nq; i++) ed_question(&f, x, i);
  buf_printf(o, "<fieldset class=\"q-add\" id=\"qe-%d\"><legend>%h</legend>\n", x->nq, T(r, "Lisää kysymys loppuun"));
  form_select(&f, "add_type", T(r, "Tyyppi"), web_field(r, "add_type")[0] ? web_field(r, "add_type") : "likert5",
              type_opts(r), NTYPES, 0, NULL);
  char anchor[16];
  snprintf(anchor, sizeof anchor, "qe-%d", x->nq);
  op_button(r, "add", T(r, "Lisää kysymys"), "", anchor, " class=\"secondary\"");
  buf_puts(o, "</fieldset>\n");
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\" name=\"op\" value=\"save\">%h</button> <button "
             "type=\"submit\" name=\"op\" value=\"preview\" class=\"secondary\">%h</button> "
             "<a href=\"%h%h\">%h</a></div>\n</form>\n",
             T(r, "Tallenna"), T(r, "Esikatsele tallentamatta"), r->prefix, cancel, T(r, "Peruuta"));
  page_end(r);
}

/* ---- the editor's handlers ---- */

/* Fills in what the editor knows of the stored survey (answers, its stored definition); 0 after a 404. */
static int ed_stored(web_req *r, ed *x) {
  if (!r->id) return 1;
  survey_info *s = survey_or_404(r);
  if (!s) return 0;
  x->stored = survey_load(r->db, &r->mem, r->id);
  x->answered = s->responses > 0;
  return 1;
}

static void page_edit(web_req *r) {
  ed x = {0};
  if (!ed_stored(r, &x)) return;
  if (x.stored)
    ed_from_def(r, &x, x.stored);
  else {
    x.key = x.series = x.phase = "";
    for (int l = 0; l < 3; l++) x.title[l] = x.intro[l] = "";
  }
  editor_page(r, &x, NULL, NULL);
}

/* A new question's key: q1, q2, … the first one not in use. */
static const char *free_key(web_req *r, const ed *x) {
  for (int n = 1;; n++) {
    char k[16];
    snprintf(k, sizeof k, "q%d", n);
    int used = 0;
    for (int i = 0; i < x->nq && !used; i++) used = !strcmp(x->q[i].key, k);
    if (!used) return arena_strdup(&r->mem, k);
  }
}

/* Applies op ("add", "up-3", "down-3", "remove-3", "refresh-3") to x; a refused one goes to e. */
static void ed_apply(web_req *r, ed *x, const char *op, kerr *e) {
  int i = -1;
  const char *dash = strchr(op, '-');
  if (dash) i = atoi(dash + 1);
  if (!strcmp(op, "add")) {
    if (x->nq >= ED_MAX_Q) {
      kerr_add(e, "add_type", N_("Kyselyssä voi olla enintään 300 kysymystä."));
      return;
    }
    const char *type = web_field(r, "add_type");
    if (survey_type_parse(type) < 0) type = "likert5";
    ed_q *q = ed_add(r, x);
    q->type = type;
    if (survey_type_parse(type) != SQ_SECTION) q->key = free_key(r, x);
    if (survey_type_parse(type) == SQ_MATRIX) q->scale = "likert5";
    return;
  }
  if (i < 0 || i >= x->nq) return;
  if (!strncmp(op, "up-", 3) && i > 0) {
    ed_q t = x->q[i - 1];
    x->q[i - 1] = x->q[i], x->q[i] = t;
  } else if (!strncmp(op, "down-", 5) && i < x->nq - 1) {
    ed_q t = x->q[i + 1];
    x->q[i + 1] = x->q[i], x->q[i] = t;
  } else if (!strncmp(op, "remove-", 7)) {
    if (q_locked(x, &x->q[i])) {
      char f[24];
      snprintf(f, sizeof f, "q%d_key", i);
      kerr_add(e, NULL, N_("Kysymykseen on vastattu, joten sitä ei voi poistaa."));
      return;
    }
    memmove(&x->q[i], &x->q[i + 1], (size_t)(x->nq - i - 1) * sizeof *x->q);
    x->nq--;
  }
}

/* The editor's content, not saved, as a respondent would see it, with a form that carries everything back to the
 * editor (or saves it). Returns 0 (showing nothing) when the definition has errors: they go to e. */
static int unsaved_preview(web_req *r, const ed *x, kerr *e) {
  char *json = ed_json(x);
  survey_def *d = json ? survey_def_parse(&r->mem, json, strlen(json), e) : NULL;
  free(json);
  if (!d) {
    if (!e->msg) kerr_add(e, NULL, N_("Lomakkeen tekstissä on merkkejä, joita ei voi tallentaa."));
    return 0;
  }
  buf *o = &r->out;
  r->no_store = 1;
  page_begin(r, T(r, "Esikatselu"), "surveys");
  buf_printf(o, "<div class=\"notice warning\"><p>%h</p></div>\n",
             T(r, "Tätä versiota ei ole tallennettu. Palaa muokkaamaan tai tallenna se lomakkeen lopusta."));
  buf_puts(o, "<div class=\"survey\">\n");
  survey_form_head(o, d, r->lang);
  buf_puts(o, "<div class=\"survey-form\">\n");
  survey_form_write(o, d, r->lang, NULL, NULL, 1);
  buf_puts(o, "</div>\n</div>\n");
  buf_printf(o, "<form method=\"post\" action=\"%h%h\" class=\"form survey-editor\">\n", r->prefix, r->path);
  web_csrf_field(r);
  for (int i = 0; i < r->nform; i++) /* everything the editor sent, as it was */
    if (r->form[i].key && strcmp(r->form[i].key, "csrf") && strcmp(r->form[i].key, "op"))
      buf_printf(o, "<input type=\"hidden\" name=\"%h\" value=\"%h\">\n", r->form[i].key,
                 r->form[i].value ? r->form[i].value : "");
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\" name=\"op\" value=\"refresh\">%h</button> "
             "<button type=\"submit\" name=\"op\" value=\"save\" class=\"secondary\">%h</button></div>\n</form>\n",
             T(r, "Takaisin muokkaamaan"), T(r, "Tallenna"));
  page_end(r);
  return 1;
}

/* POST BASE/ID/muokkaa and BASE/uusi: an editing step, a preview without saving, or "Tallenna" through
 * survey_update / survey_import. */
static void page_edit_post(web_req *r) {
  ed x = {0};
  kerr e = {0};
  int stale = !web_csrf_ok_or_kerr(r, &e);
  if (stale && r->id && !survey_get(r->db, &r->mem, r->id, r->lang)) { /* the token first: no form to show again */
    web_error(r, 403, T(r, e.msg));
    kerr_clear(&e);
    return;
  }
  if (!ed_stored(r, &x)) {
    kerr_clear(&e);
    return;
  }
  ed_from_form(r, &x);
  if (r->id && x.stored) x.key = x.stored->key; /* a stored survey keeps its key */
  const char *op = web_field(r, "op");
  if (stale) {
    editor_page(r, &x, &e, NULL);
    r->status = 403;
    kerr_clear(&e);
    return;
  }
  if (!strcmp(op, "preview")) {
    if (!unsaved_preview(r, &x, &e)) {
      ed_map_errors(r, &x, &e);
      editor_page(r, &x, &e, NULL);
      r->status = 400;
    }
    kerr_clear(&e);
    return;
  }
  if (strcmp(op, "save") && *op) {
    ed_apply(r, &x, op, &e);
    editor_page(r, &x, &e, NULL);
    if (e.msg) r->status = 400;
    kerr_clear(&e);
    return;
  }
  char *json = ed_json(&x);
  long long id = 0;
  if (!json)
    kerr_add(&e, NULL, N_("Lomakkeen tekstissä on merkkejä, joita ei voi tallentaa."));
  else if (r->id)
    id = survey_update(r->db, r->id, json, strlen(json), r->user.email, &e) == K_OK ? r->id : 0;
  else
    id = survey_import(r->db, json, strlen(json), r->user.email, &e);
  free(json);
  if (id) {
    web_changed();
    web_redirectf(r, BASE "/%lld?%r=1", id, r->id ? "tallennettu" : "luotu");
  } else {
    ed_map_errors(r, &x, &e);
    editor_page(r, &x, &e, NULL);
    r->status = 400;
  }
  kerr_clear(&e);
}

/* ---- routes ---- */

#define SEE (ROUTE_ANY_STAFF | ROUTE_EVALUATOR)
#define DO (ROUTE_ANY_STAFF | ROUTE_EVALUATOR | ROUTE_CSRF)

const route surveys_routes[] = {
    {"GET", BASE, page_list, .flags = SEE, .menu = {ROUTE_NAV_STAFF, 10, "surveys", N_("Kyselyt")}},
    {"POST", BASE "/tuo", page_import, .flags = DO | ROUTE_CSRF_FORM | ROUTE_UPLOAD},
    {"GET", BASE "/uusi", page_edit, .flags = SEE},
    {"POST", BASE "/uusi", page_edit_post, .flags = DO | ROUTE_CSRF_FORM},
    {"GET", BASE "/{id}", page_survey, .flags = SEE},
    {"GET", BASE "/{id}/muokkaa", page_edit, .flags = SEE},
    {"POST", BASE "/{id}/muokkaa", page_edit_post, .flags = DO | ROUTE_CSRF_FORM},
    {"GET", BASE "/{id}/esikatselu", page_preview, .flags = SEE},
    {"GET", BASE "/{id}/json", page_json, .flags = SEE},
    {"POST", BASE "/{id}/aikataulu", page_schedule, .flags = DO},
    {"POST", BASE "/{id}/avoin", page_open_link, .flags = DO},
    {"POST", BASE "/{id}/julkaisu", page_publish, .flags = DO},
    {"POST", BASE "/{id}/kopioi", page_copy, .flags = DO},
    {"POST", BASE "/{id}/poista", page_delete, .flags = DO},
    {0},
};
