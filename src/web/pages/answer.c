/* pages/answer: answering a survey by a personal link (/kysely/TOKEN) or a survey's open link (/kysely/avoin/CODE),
 * with drafts and errors beside the questions, and the staff's invitation page of a survey (invite, remind, response
 * rates per delivery, close the series). */
#include "web/pages/answer.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "model/limit.h"
#include "model/seckey.h"
#include "model/service.h"
#include "model/survey_answer.h"
#include "report/export.h"
#include "report/suppress.h"
#include "web/survey_form.h"
#include "web/widgets.h"

#define OPEN_PER_ADDRESS 30 /* answers by an open link from one address in OPEN_WINDOW seconds */
#define OPEN_WINDOW 600
#define OPEN_COOKIE_AGE (365L * 86400)

/* ---- the form ---- */

/* What a form page shows: the survey, where it posts, the fields to fill it with, and the errors. */
typedef struct form_view {
  const survey_answering *s;
  const char *action; /* the path it posts to, without the language prefix */
  const survey_field *f;
  int nf;
  const kerr *err;
  const char *draft_at; /* when a draft was loaded: when it was saved; else NULL */
  int personal;         /* 1: a personal link (drafts), 0: the open link */
} form_view;

/* The form page: the survey's head (survey_form), a draft's notice, the error summary, and the questions filled in with
 * v's fields inside the form that posts them. */
static void write_form(web_req *r, const form_view *v) {
  const survey_def *d = v->s->def;
  tr title = survey_text_pick(&d->title, r->lang);
  page_begin(r, title.text, "");
  buf *o = &r->out;
  buf_puts(o, "<div class=\"survey\">\n");
  survey_form_head(o, d, r->lang);
  if (v->draft_at) {
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h ",
               T(r, "Jatkat keskeneräistä vastaustasi, joka tallennettiin"));
    web_fi_datetime(r, v->draft_at);
    buf_printf(o, ". %h</p></div>\n", T(r, "Vastauksesi lähtee vasta, kun valitset Lähetä."));
  }
  survey_form_errors(o, d, r->lang, v->err);
  buf_printf(o, "<form method=\"post\" action=\"%h%h\" class=\"survey-form\" novalidate>\n", r->prefix, v->action);
  web_csrf_field(r);
  survey_values vals = {0};
  for (int i = 0; i < v->nf; i++) survey_values_add(&r->mem, &vals, v->f[i].name, v->f[i].value);
  survey_form_write(o, d, r->lang, &vals, v->err, 0);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\" name=\"action\" value=\"send\">%h</button>",
             T(r, "Lähetä"));
  if (v->personal)
    buf_printf(o, " <button type=\"submit\" name=\"action\" value=\"draft\" class=\"secondary\">%h</button>",
               T(r, "Tallenna ja jatka myöhemmin"));
  buf_puts(o, "</div></form>\n</div>\n");
  page_end(r);
}

/* A page with a heading and one paragraph, with status. */
/* Shows the form again, filled in from what was posted, with the errors in e, answering status. */
static void reshow(web_req *r, form_view *v, kerr *e, int status) {
  v->err = e;
  write_form(r, v);
  r->status = status;
}

/* The posted answers checked against the survey (show_if, required, ranges, options); NULL after showing the form
 * again with every problem beside its question (422). *nv gets the count. */
static survey_value *checked(web_req *r, form_view *v, kerr *e, int *nv) {
  survey_value *vals = survey_check(&r->mem, v->s->def, v->f, v->nf, nv, e);
  if (!vals) reshow(r, v, e, 422);
  return vals;
}

static void message_page(web_req *r, int status, const char *title, const char *text) {
  page_begin(r, title, "");
  buf_printf(&r->out, "<h1>%h</h1>\n<p>%h</p>\n", title, text);
  page_end(r);
  r->status = status;
}

/* Answers for a survey that cannot be answered now (not yet open 403, closed or its series closed 410) and
 * returns 0; 1 when it is open. */
static int survey_open_or_reply(web_req *r, const survey_answering *s) {
  tr title = survey_text_pick(&s->def->title, r->lang);
  if (s->series_closed) {
    message_page(r, 410, title.text,
                 T(r, "Kysely on päättynyt: sen kyselysarja on suljettu, eikä vastauksia enää oteta vastaan."));
    return 0;
  }
  if (s->state == SURVEY_AT_NOT_OPEN) {
    char local[17];
    page_begin(r, title.text, "");
    buf_printf(&r->out, "<h1>%h</h1>\n<p>%h", title.text, T(r, "Kysely ei ole vielä auki."));
    if (date_fi_local(s->opens_at, local) == K_OK) {
      buf_printf(&r->out, " %h ", T(r, "Se avautuu"));
      web_fi_datetime(r, s->opens_at);
      buf_puts(&r->out, ".");
    }
    buf_puts(&r->out, "</p>\n");
    page_end(r);
    r->status = 403;
    return 0;
  }
  if (s->state == SURVEY_AT_CLOSED) {
    message_page(r, 410, title.text,
                 T(r, "Kysely on sulkeutunut, eikä vastauksia enää oteta vastaan. Kiitos mielenkiinnosta."));
    return 0;
  }
  return 1;
}

static void answered_page(web_req *r, int status) {
  message_page(r, status, T(r, "Olet jo vastannut"),
               T(r, "Tällä linkillä on jo lähetetty vastaus, eikä samaan kyselyyn voi vastata toista kertaa. Kiitos "
                    "vastauksestasi!"));
}

static void thanks_page(web_req *r, const survey_answering *s) {
  tr title = survey_text_pick(&s->def->title, r->lang);
  page_begin(r, T(r, "Kiitos vastauksestasi"), "");
  buf_printf(&r->out, "<h1>%h</h1>\n<div class=\"notice\" role=\"status\"><p>%h</p></div>\n<p%r>%h</p>\n",
             T(r, "Kiitos vastauksestasi"), T(r, "Vastauksesi on tallennettu."), tr_lang(&title), title.text);
  page_end(r);
}

/* The posted answer fields (everything but the token and the buttons), in the request's arena. */
static survey_field *posted_fields(web_req *r, int *n) {
  survey_field *f = arena_alloc(&r->mem, sizeof *f * (size_t)(r->nform + 1));
  *n = 0;
  for (int i = 0; i < r->nform; i++) {
    if (!strcmp(r->form[i].key, "csrf") || !strcmp(r->form[i].key, "action")) continue;
    f[(*n)++] = (survey_field){r->form[i].key, r->form[i].value};
  }
  return f;
}

/* ---- a personal link ---- */

/* The link in the path with its survey, or NULL after answering 404 (unknown token), or a plain 403 when the POST
 * also had a stale CSRF token (stale: there is no form to show again). */
static survey_answering *link_survey(web_req *r, survey_link *l, const char **token, int stale) {
  web_header(r, "Referrer-Policy", "origin"); /* the token stays out of Referer; a POST still says its origin */
  r->no_store = 1;
  *token = strrchr(r->path, '/') + 1;
  survey_answering *s = NULL;
  if (survey_link_find(r->db, &r->mem, *token, l)) s = survey_answering_get(r->db, &r->mem, l->survey_id, db_now().s);
  if (!s && stale)
    web_csrf_ok_or_reply(r);
  else if (!s)
    message_page(r, 404, T(r, "Kyselylinkki ei ole voimassa"),
                 T(r, "Tätä kyselylinkkiä ei löydy. Tarkista, että kopioit koko linkin sähköpostista."));
  return s;
}

static void page_form(web_req *r) {
  survey_link l;
  const char *token;
  survey_answering *s = link_survey(r, &l, &token, 0);
  if (!s) return;
  if (l.answered) {
    answered_page(r, 410);
    return;
  }
  if (!survey_open_or_reply(r, s)) return;
  char action[120];
  snprintf(action, sizeof action, "/kysely/%s", token);
  form_view v = {.s = s, .action = action, .personal = 1};
  char *at = NULL;
  v.f = survey_draft_load(r->db, &r->mem, token, &v.nf, &at);
  if (v.f) v.draft_at = at;
  write_form(r, &v);
}

static void page_submit(web_req *r) {
  kerr e = {0};
  int stale = !web_csrf_ok_or_kerr(r, &e);
  survey_link l;
  const char *token;
  survey_answering *s = link_survey(r, &l, &token, stale);
  if (!s) goto out;
  if (l.answered) {
    answered_page(r, 409);
    goto out;
  }
  if (!survey_open_or_reply(r, s)) goto out;
  char action[120];
  snprintf(action, sizeof action, "/kysely/%s", token);
  form_view v = {.s = s, .action = action, .personal = 1};
  v.f = posted_fields(r, &v.nf);
  if (stale) {
    reshow(r, &v, &e, 403);
    goto out;
  }
  if (!strcmp(web_field(r, "action"), "draft")) {
    if (survey_draft_save(r->db, token, s->id, v.f, v.nf, &e) == K_OK) {
      web_changed();
      web_redirectf(r, "/kysely/%r?tallennettu=1", token);
    } else {
      reshow(r, &v, &e, 500);
    }
    goto out;
  }
  int nv = 0;
  survey_value *vals = checked(r, &v, &e, &nv);
  if (!vals) goto out;
  kerr ke = {0};
  const unsigned char *key = seckey_get(&ke);
  if (!key) log_error("survey answer: %r", ke.msg);
  kerr_clear(&ke);
  int rc = key ? survey_submit_invite(r->db, key, token, vals, nv, &e)
               : kerr_set(&e, NULL, N_("Palvelimelta puuttuu salaisuustiedosto; vastausta ei voitu tallentaa."));
  if (rc == K_OK) {
    web_changed();
    thanks_page(r, s);
  } else if (rc == SURVEY_ANSWERED_ALREADY) {
    answered_page(r, 409);
  } else if (rc == SURVEY_REFUSED) {
    message_page(r, 410, T(r, "Vastausta ei tallennettu"), T(r, e.msg));
  } else {
    reshow(r, &v, &e, 500);
  }
out:
  kerr_clear(&e);
}

/* ---- the open link ---- */

static survey_answering *open_survey(web_req *r, const char **code, int stale) {
  web_header(r, "Referrer-Policy", "origin"); /* the token stays out of Referer; a POST still says its origin */
  r->no_store = 1;
  *code = strrchr(r->path, '/') + 1;
  long long id = survey_id_by_open_code(r->db, *code);
  survey_answering *s = id ? survey_answering_get(r->db, &r->mem, id, db_now().s) : NULL;
  if (!s && stale)
    web_csrf_ok_or_reply(r);
  else if (!s)
    message_page(r, 404, T(r, "Kyselylinkki ei ole voimassa"),
                 T(r, "Tätä kyselylinkkiä ei löydy, tai sen avoin linkki on suljettu."));
  return s;
}

static void open_cookie_name(const survey_answering *s, char *out, size_t n) {
  snprintf(out, n, "kehto_kysely_%lld", s->id);
}

/* 1 when this browser has answered the survey by its open link already (the cookie set after answering). */
static int open_answered(web_req *r, const survey_answering *s) {
  char name[40];
  open_cookie_name(s, name, sizeof name);
  return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name) != NULL;
}

/* The cookie that says this browser has answered: HttpOnly, SameSite=Lax, sent only to the survey's open link (in
 * each language's path). It says nothing but "answered". */
static void open_set_cookie(web_req *r, const survey_answering *s, const char *code) {
  char name[40], path[160];
  open_cookie_name(s, name, sizeof name);
  static const char *const prefixes[] = {"", "/sv", "/en"};
  for (int i = 0; i < 3; i++) {
    snprintf(path, sizeof path, "%s/kysely/avoin/%s", prefixes[i], code);
    web_cookie_at(r, name, "1", path, OPEN_COOKIE_AGE);
  }
}

static void page_open_form(web_req *r) {
  const char *code;
  survey_answering *s = open_survey(r, &code, 0);
  if (!s || !survey_open_or_reply(r, s)) return;
  if (open_answered(r, s)) {
    answered_page(r, 409);
    return;
  }
  char action[120];
  snprintf(action, sizeof action, "/kysely/avoin/%s", code);
  form_view v = {.s = s, .action = action};
  write_form(r, &v);
}

static void page_open_submit(web_req *r) {
  kerr e = {0};
  int stale = !web_csrf_ok_or_kerr(r, &e);
  const char *code;
  survey_answering *s = open_survey(r, &code, stale);
  if (!s || !survey_open_or_reply(r, s)) goto out;
  if (open_answered(r, s)) {
    answered_page(r, 409);
    goto out;
  }
  char action[120];
  snprintf(action, sizeof action, "/kysely/avoin/%s", code);
  form_view v = {.s = s, .action = action};
  v.f = posted_fields(r, &v.nf);
  if (stale) {
    reshow(r, &v, &e, 403);
    goto out;
  }
  char key[96];
  snprintf(key, sizeof key, "survey-open:%lld:%s", s->id, r->address);
  if (!limit_allows(r->db, key, OPEN_PER_ADDRESS, OPEN_WINDOW)) {
    web_error(r, 429,
              T(r, "Tästä osoitteesta on lähetetty liian monta vastausta lyhyessä ajassa. Odota hetki ja "
                   "yritä uudelleen."));
    goto out;
  }
  int nv = 0;
  survey_value *vals = checked(r, &v, &e, &nv);
  if (!vals) goto out;
  int rc = survey_submit_open(r->db, s->id, vals, nv, &e);
  if (rc == K_OK) {
    limit_note(r->db, key);
    web_changed();
    open_set_cookie(r, s, code);
    thanks_page(r, s);
  } else if (rc == SURVEY_REFUSED) {
    message_page(r, 410, T(r, "Vastausta ei tallennettu"), T(r, e.msg));
  } else {
    reshow(r, &v, &e, 500);
  }
out:
  kerr_clear(&e);
}

/* ---- the staff's invitation page ---- */

static survey_answering *staff_survey(web_req *r) {
  survey_answering *s = survey_answering_get(r->db, &r->mem, r->id, db_now().s);
  if (!s) web_error(r, 404, T(r, "Kyselyä ei ole."));
  return s;
}

/* A count cell: the number, or for a suppressed cell its mark as /tilastot writes it. */
static void count_cell(web_req *r, long long v, int mark) {
  if (mark)
    buf_printf(&r->out, "<td>%h</td>", report_mark(mark));
  else
    buf_printf(&r->out, "<td>%N</td>", v);
}

/* The response rates per delivery; for evaluators with small-cell suppression as on /tilastot (counts of 1–4 shown
 * as "< 5", and what would give one away by subtraction from the total as "•"), for staff every figure. */
static void rates_table(web_req *r, long long survey_id) {
  int n = 0;
  survey_rate *v = survey_rates(r->db, &r->mem, survey_id, &n);
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Vastausprosentit toteutuksittain"));
  if (!n) {
    buf_printf(o, "<p>%h</p>\n", T(r, "Kyselyyn ei ole vielä kutsuttu ketään."));
    return;
  }
  long long ti = 0, ta = 0;
  for (int i = 0; i < n; i++) ti += v[i].invited, ta += v[i].answered;
  int suppress = strcmp(r->user.role, "staff") && strcmp(r->user.role, "admin");
  sup_set ss = {0};
  int *ci = arena_alloc(&r->mem, sizeof *ci * (size_t)(n + 1)),
      *ca = arena_alloc(&r->mem, sizeof *ca * (size_t)(n + 1));
  ci[n] = sup_var(&ss, ti);
  ca[n] = sup_var(&ss, ta);
  for (int i = 0; i < n; i++) ci[i] = sup_var(&ss, v[i].invited), ca[i] = sup_var(&ss, v[i].answered);
  sup_rel_total(&ss, ci[n]);
  for (int i = 0; i < n; i++) sup_rel_part(&ss, ci[i]);
  sup_rel_total(&ss, ca[n]);
  for (int i = 0; i < n; i++) sup_rel_part(&ss, ca[i]);
  if (suppress) sup_run(&ss);
  web_table_begin(r, "numbers", T(r, "Vastausprosentit toteutuksittain"), 1);
  buf_printf(o,
             "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\">%h</th><th scope=\"col\">%h</th>"
             "<th scope=\"col\">%h</th></tr></thead><tbody>\n",
             T(r, "Toteutus"), T(r, "Kutsuttu"), T(r, "Vastannut"), T(r, "Vastausprosentti"));
  int any = 0;
  for (int i = 0; i <= n; i++) {
    long long inv = i < n ? v[i].invited : ti, ans = i < n ? v[i].answered : ta;
    int mi = suppress ? ss.mark[ci[i]] : 0, ma = suppress ? ss.mark[ca[i]] : 0;
    any |= mi | ma;
    if (i == n) buf_puts(o, "</tbody><tfoot>");
    buf_printf(o, "<tr><th scope=\"row\">%h</th>",
               i == n       ? T(r, "Yhteensä")
               : v[i].label ? v[i].label
                            : T(r, "Ei toteutusta"));
    count_cell(r, inv, mi);
    count_cell(r, ans, ma);
    if (mi || ma)
      buf_printf(o, "<td>%h</td>", "–");
    else
      buf_printf(o, "<td>%N %%</td>", inv ? (ans * 100 + inv / 2) / inv : 0LL);
    buf_puts(o, "</tr>\n");
  }
  buf_puts(o, "</tfoot>");
  web_table_end(r);
  if (any)
    buf_printf(o, "<p class=\"meta\">%h<br>%h</p>\n", T(r, report_mark_note(SUP_SMALL)),
               T(r, report_mark_note(SUP_SECONDARY)));
  sup_free(&ss);
}

static void invite_form(web_req *r, const kerr *err) {
  buf *o = &r->out;
  form_ctx f = {r, err};
  buf_printf(o, "<h2>%h</h2>\n<p>%h</p>\n", T(r, "Kutsu osallistujia"),
             T(r, "Kutsu saapuu jokaiselle valitun toteutuksen, palvelun tai rahoituskauden osallistujalle, jonka "
                  "tietoja ei ole poistettu, kerran: jo kutsutut ohitetaan. Kutsussa on henkilökohtainen linkki."));
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/kyselyt/%lld/kutsut\" class=\"form narrow\" novalidate>\n",
             r->prefix, r->id);
  web_csrf_field(r);
  buf_printf(o, "<fieldset><legend>%h</legend>\n", T(r, "Keitä kutsutaan (anna yksi)"));
  form_input(&f, "text", "delivery", T(r, "Toteutus"), web_field(r, "delivery"), 0,
             T(r, "Toteutuksen tunnus (esimerkiksi SP-1) tai numero."));
  int ns = 0;
  service *sv = service_list(r->db, &r->mem, &(service_filter){0}, r->lang, 1000, 0, &ns);
  form_opt *so = arena_alloc(&r->mem, sizeof *so * (size_t)(ns ? ns : 1));
  for (int i = 0; i < ns; i++) {
    buf b = BUF_INIT;
    buf_printf(&b, "%lld", sv[i].id);
    so[i].value = arena_strdup(&r->mem, b.data);
    buf_reset(&b);
    buf_printf(&b, "%r (%r)", sv[i].t_name.text, sv[i].t_period.text);
    so[i].label = arena_strdup(&r->mem, b.data);
    buf_free(&b);
  }
  form_select(&f, "service", T(r, "Palvelu"), web_field(r, "service"), so, ns, 0, T(r, "Ei valittu"));
  int np = 0;
  form_opt *po = services_period_opts(r, &np);
  form_select(&f, "period", T(r, "Rahoituskausi"), web_field(r, "period"), po, np, 0, T(r, "Ei valittu"));
  buf_puts(o, "</fieldset>\n");
  static const form_opt langs[] = {{"fi", "suomi"}, {"sv", "svenska"}, {"en", "English"}};
  const char *lang = web_field(r, "lang");
  form_select(&f, "lang", T(r, "Kutsun kieli"), *lang ? lang : "fi", langs, 3, 1, NULL);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div></form>\n", T(r, "Lähetä kutsut"));
}

static void invites_page(web_req *r, const survey_answering *s, const kerr *err, int status) {
  tr title = survey_text_pick(&s->def->title, r->lang);
  buf *o = &r->out;
  buf head = BUF_INIT;
  buf_printf(&head, "%r: %r", T(r, "Kutsut"), title.text);
  page_begin(r, head.data, "surveys");
  buf_free(&head);
  buf_printf(o, "<p><a href=\"%h/hallinta/kyselyt/%lld\">%h</a></p>\n", r->prefix, s->id, T(r, "Takaisin kyselyyn"));
  buf_printf(o, "<h1>%h <span%r>%h</span></h1>\n", T(r, "Kutsut:"), tr_lang(&title), title.text);
  const char *done = web_query(r, "done");
  const char *n = web_query(r, "n"), *k = web_query(r, "k");
  if (done && !strcmp(done, "invited") && n && k) {
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>");
    buf_printf(o, T(r, "Kutsuttiin %h henkilöä. %h oli kutsuttu jo aiemmin, eikä heitä kutsuttu uudelleen."), n, k);
    buf_puts(o, "</p></div>\n");
  } else if (done && !strcmp(done, "reminded") && n) {
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>");
    buf_printf(o, T(r, "Muistutus lähetettiin %h henkilölle, jotka eivät ole vielä vastanneet."), n);
    buf_puts(o, "</p></div>\n");
  } else if (done && !strcmp(done, "closed")) {
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n",
               T(r, "Kyselysarja suljettiin ja sen parituksen avain poistettiin."));
  }
  char *series = survey_series_key_of(r->db, &r->mem, s->id);
  if (series)
    buf_printf(o, "<p>%h <strong>%h</strong>: %h</p>\n", T(r, "Kyselysarja"), series,
               s->series_closed
                   ? T(r, "suljettu; vastaukset ovat anonyymejä, eikä kyselyyn voi enää kutsua tai vastata.")
                   : T(r, "auki; saman henkilön vastaukset sarjan kyselyihin yhdistetään pareiksi."));
  if (s->state == SURVEY_AT_CLOSED)
    buf_printf(o, "<p class=\"notice warning\">%h</p>\n", T(r, "Kysely on sulkeutunut: siihen ei voi enää kutsua."));
  rates_table(r, s->id);
  if (!s->series_closed && s->state != SURVEY_AT_CLOSED) {
    invite_form(r, err);
    long long pending = survey_unanswered(r->db, s->id);
    buf_printf(o, "<h2>%h</h2>\n", T(r, "Muistutus"));
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/kyselyt/%lld/muistuta\" class=\"form\">", r->prefix,
               s->id);
    web_csrf_field(r);
    buf_printf(o, "<p>");
    buf_printf(o, T(r, "Vastaamatta on %N kutsuttua. Muistutus lähetetään heille samalla linkillä."), pending);
    buf_printf(o, "</p><div class=\"actions\"><button type=\"submit\" class=\"secondary\"%r>%h</button></div></form>\n",
               pending ? "" : " disabled", T(r, "Lähetä muistutus vastaamattomille"));
  }
  if (series && !s->series_closed && (!strcmp(r->user.role, "staff") || !strcmp(r->user.role, "admin")))
    buf_printf(o,
               "<h2>%h</h2>\n<p>%h</p>\n<p><a class=\"button danger\" "
               "href=\"%h/hallinta/kyselyt/%lld/sulje-sarja\">%h</a></p>\n",
               T(r, "Kyselysarjan sulkeminen"),
               T(r, "Kun sarja suljetaan, sen parituksen avain poistetaan: vastauksia ei voi enää yhdistää kehenkään, "
                    "eikä sarjan kyselyihin voi enää kutsua tai vastata."),
               r->prefix, s->id, T(r, "Sulje kyselysarja…"));
  page_end(r);
  r->status = status;
}

static void page_invites(web_req *r) {
  survey_answering *s = staff_survey(r);
  if (s) invites_page(r, s, NULL, 200);
}

/* The server's master key, or NULL with e set (the reason is logged: it names a file on the server). */
static const unsigned char *key_or_kerr(kerr *e) {
  kerr ke = {0};
  const unsigned char *key = seckey_get(&ke);
  if (!key) {
    log_error("survey invitations: %r", ke.msg);
    kerr_set(e, NULL, N_("Palvelimelta puuttuu salaisuustiedosto (--secret-file)."));
  }
  kerr_clear(&ke);
  return key;
}

static void page_invite(web_req *r) {
  survey_answering *s = staff_survey(r);
  if (!s) return;
  kerr e = {0};
  const char *dref = web_field(r, "delivery"), *svc = web_field(r, "service"), *per = web_field(r, "period");
  int given = (*dref != 0) + (*svc != 0) + (*per != 0);
  survey_send send = {.lang = web_field(r, "lang"), .actor = r->user.email};
  long long id = 0;
  if (given != 1) {
    kerr_add(&e, "delivery", N_("Anna yksi näistä: toteutus, palvelu tai rahoituskausi."));
  } else if (*dref) {
    send.by = SURVEY_BY_DELIVERY;
    if (!(send.id = survey_delivery_find(r->db, dref))) kerr_add(&e, "delivery", N_("Toteutusta ei löytynyt."));
  } else if (util_parse_int(*svc ? svc : per, 1, 1LL << 53, &id) != K_OK) {
    kerr_add(&e, *svc ? "service" : "period", N_("Valitse luettelosta."));
  } else {
    send.by = *svc ? SURVEY_BY_SERVICE : SURVEY_BY_PERIOD;
    send.id = id;
  }
  int invited = 0, skipped = 0;
  const unsigned char *key = e.msg ? NULL : key_or_kerr(&e);
  if (key && survey_invite(r->db, key, s->id, &send, &invited, &skipped, &e) == K_OK) {
    web_changed();
    web_redirectf(r, "/hallinta/kyselyt/%lld/kutsut?done=invited&n=%d&k=%d", s->id, invited, skipped);
  } else {
    invites_page(r, s, &e, 422);
  }
  kerr_clear(&e);
}

static void page_remind(web_req *r) {
  survey_answering *s = staff_survey(r);
  if (!s) return;
  kerr e = {0};
  survey_send send = {.actor = r->user.email};
  int n = 0;
  const unsigned char *key = key_or_kerr(&e);
  if (key && survey_remind(r->db, key, s->id, &send, &n, &e) == K_OK) {
    web_changed();
    web_redirectf(r, "/hallinta/kyselyt/%lld/kutsut?done=reminded&n=%d", s->id, n);
  } else {
    invites_page(r, s, &e, 422);
  }
  kerr_clear(&e);
}

/* GET: the confirmation; POST: closes the series when confirmed, else shows the confirmation. */
static void page_close_series(web_req *r) {
  survey_answering *s = staff_survey(r);
  if (!s) return;
  char *series = survey_series_key_of(r->db, &r->mem, s->id);
  if (!series) {
    web_error(r, 404, T(r, "Kysely ei kuulu kyselysarjaan."));
    return;
  }
  if (!strcmp(r->method, "POST") && confirm_posted(r)) {
    kerr e = {0};
    if (survey_series_close(r->db, series, r->user.email, &e) == K_OK) {
      web_changed();
      web_redirectf(r, "/hallinta/kyselyt/%lld/kutsut?done=closed", s->id);
    } else {
      invites_page(r, s, &e, 422);
    }
    kerr_clear(&e);
    return;
  }
  char back[64], action[80];
  snprintf(back, sizeof back, "/hallinta/kyselyt/%lld/kutsut", s->id);
  snprintf(action, sizeof action, "/hallinta/kyselyt/%lld/sulje-sarja", s->id);
  buf what = BUF_INIT;
  buf_printf(&what,
             T(r, "Kyselysarjan %r parituksen avain poistetaan pysyvästi. Sen jälkeen sarjan vastauksia ei voi "
                  "yhdistää kehenkään, eikä sarjan kyselyihin voi enää kutsua tai vastata. Jo tallennetut parit ja "
                  "vastaukset säilyvät."),
             series);
  confirm_spec c = {.title = T(r, "Suljetaanko kyselysarja?"),
                    .what = what.data,
                    .action = action,
                    .button = T(r, "Sulje kyselysarja"),
                    .back = back,
                    .active = "surveys"};
  confirm_page(r, &c);
  buf_free(&what);
}

const route answer_routes[] = {
    {"GET", "/kysely/{file}", page_form, .flags = ROUTE_PUBLIC},
    {"POST", "/kysely/{file}", page_submit, .flags = ROUTE_PUBLIC | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/kysely/avoin/{file}", page_open_form, .flags = ROUTE_PUBLIC},
    {"POST", "/kysely/avoin/{file}", page_open_submit, .flags = ROUTE_PUBLIC | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hallinta/kyselyt/{id}/kutsut", page_invites, .flags = ROUTE_ANY_STAFF | ROUTE_EVALUATOR},
    {"POST", "/hallinta/kyselyt/{id}/kutsut", page_invite, .flags = ROUTE_ANY_STAFF | ROUTE_EVALUATOR | ROUTE_CSRF},
    {"POST", "/hallinta/kyselyt/{id}/muistuta", page_remind, .flags = ROUTE_ANY_STAFF | ROUTE_EVALUATOR | ROUTE_CSRF},
    {"GET", "/hallinta/kyselyt/{id}/sulje-sarja", page_close_series, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/kyselyt/{id}/sulje-sarja", page_close_series, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
