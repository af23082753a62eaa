/* applications: /hakemukset (a contact's own applications; the staff queue), /hakemukset/uusi (apply for sparraus or
 * training) and /hakemukset/ID (details, status history, the staff decision, the applicant's cancel). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/application.h"
#include "model/org.h"
#include "model/person.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/applications.h"
#include "web/widgets.h"

#define APPS_PER_PAGE 50

/* Status codes with their labels, in the order the tabs show them. */
static const char *const STATUSES[][2] = {{"submitted", N_("Odottaa käsittelyä")},
                                          {"approved", N_("Hyväksytty")},
                                          {"rejected", N_("Hylätty")},
                                          {"cancelled", N_("Peruttu")}};

static const char *status_label(web_req *r, const char *status) {
  for (size_t i = 0; i < sizeof STATUSES / sizeof STATUSES[0]; i++)
    if (!strcmp(status, STATUSES[i][0])) return T(r, STATUSES[i][1]);
  return status;
}

/* ---- the list ---- */

/* The status asked for in ?status=: one of the codes, "" for all ("kaikki"), or the default (staff: the queue). */
static const char *status_filter(web_req *r) {
  const char *s = web_query(r, "status");
  if (s && !strcmp(s, "kaikki")) return "";
  for (size_t i = 0; s && i < sizeof STATUSES / sizeof STATUSES[0]; i++)
    if (!strcmp(s, STATUSES[i][0])) return STATUSES[i][0];
  return user_is_staff(&r->user) ? "submitted" : "";
}

static void tab(web_req *r, const char *code, const char *label, const char *current, long long count) {
  buf_printf(&r->out, "<li><a href=\"%h/hakemukset?status=%U\"%r>%h <span class=\"count\">(%N)</span></a></li>",
             r->prefix, *code ? code : "kaikki", strcmp(code, current) == 0 ? " aria-current=\"page\"" : "", label,
             count);
}

/* The status tabs with their counts, all from one query. */
static void tabs(web_req *r, const char *current, long long org_id) {
  enum { NSTATUS = sizeof STATUSES / sizeof STATUSES[0] };
  const char *codes[NSTATUS];
  long long counts[NSTATUS];
  for (int i = 0; i < NSTATUS; i++) codes[i] = STATUSES[i][0];
  long long total = app_count_by_status(r->db, org_id, codes, NSTATUS, counts);
  buf_printf(&r->out, "<nav aria-label=\"%h\"><ul class=\"tabs\">", T(r, "Hakemusten tila"));
  for (int i = 0; i < NSTATUS; i++) tab(r, codes[i], T(r, STATUSES[i][1]), current, counts[i]);
  tab(r, "", T(r, "Kaikki"), current, total);
  buf_puts(&r->out, "</ul></nav>\n");
}

static void list_table(web_req *r, const application *v, int n) {
  static const char *const heads[] = {"Palvelu", "Organisaatio", "Tila", "Lähetetty", "Päivitetty"};
  pager_table_begin(r, T(r, "Hakemukset"), heads, 5, -1);
  for (int i = 0; i < n; i++) {
    const application *a = &v[i];
    buf_printf(&r->out,
               "<tr><td><a href=\"%h/hakemukset/%lld\">%h<span class=\"visually-hidden\"> (%h %lld)</span></a></td>"
               "<td>%h</td><td>%h</td><td class=\"nowrap\">%D</td><td class=\"nowrap\">%D</td></tr>\n",
               r->prefix, a->id, a->service_name, T(r, "hakemus"), a->id, a->org_name, status_label(r, a->status),
               a->created_at, a->updated_at);
  }
  web_table_end(r);
}

static void page_apps(web_req *r) {
  int staff = user_is_staff(&r->user);
  long long org_id = staff ? 0 : r->user.org_id;
  if (!staff && !org_id) org_id = -1; /* a contact without an organisation sees nothing */
  const char *status = status_filter(r);
  app_filter f = {org_id, status};
  pager p = pager_make(r, app_count(r->db, &f), APPS_PER_PAGE);
  int n = 0;
  application *v = app_list(r->db, &r->mem, &f, p.per_page, pager_offset(&p), &n);
  page_begin(r, T(r, "Hakemukset"), "applications");
  buf_printf(&r->out, "<h1>%h</h1>\n", T(r, "Hakemukset"));
  buf_printf(&r->out, "<p>%h</p>\n",
             staff ? T(r, "Organisaatioiden hakemukset sparraukseen ja valmennukseen. Avaa hakemus ratkaistaksesi sen.")
                   : T(r, "Organisaationne hakemukset sparraukseen ja valmennukseen ja niiden tila."));
  buf_printf(&r->out, "<p><a class=\"button\" href=\"%h/hakemukset/uusi\">%h</a></p>\n", r->prefix,
             T(r, "Uusi hakemus"));
  tabs(r, status, org_id);
  if (staff) { /* exports: this tab's applications with every field (pages/exports.c) */
    char query[32] = "";
    if (*status) snprintf(query, sizeof query, "?status=%s", status);
    export_links_write(r, "/hallinta/vienti/hakemukset", query, T(r, "Hakemusten tiedot"));
  }
  if (n == 0)
    buf_printf(&r->out, "<p>%h</p>\n", T(r, "Ei hakemuksia tässä tilassa."));
  else
    list_table(r, v, n);
  pager_write_query(r, &p, "/hakemukset", "status", *status ? status : "kaikki", NULL);
  page_end(r);
}

/* ---- the form ---- */

/* The count fields by role, in person_role_at order (labelled by person_role_plural). */
static const char *const ROLE_FIELDS[PERSON_NROLES] = {"n_johto", "n_esihenkilo", "n_tyontekija", "n_edustaja"};

static const char *role_plural(web_req *r, int i) {
  return T(r, person_role_plural(person_role_at(i)));
}

static void participants_fieldset(web_req *r, form_ctx *f) {
  const kerr *bad = form_field_error(f->err, "participants");
  buf_printf(
      &r->out,
      "<fieldset class=\"field%r\" id=\"f-participants\" tabindex=\"-1\" aria-describedby=\"h-participants%r\">"
      "<legend>%h <span class=\"muted\">(%h)</span></legend><span class=\"hint\" id=\"h-participants\">%h</span>",
      bad ? " invalid" : "", bad ? " e-participants" : "", T(r, "Osallistujat roolin mukaan"), T(r, "pakollinen"),
      T(r, "Kuinka monta henkilöä kustakin ryhmästä osallistuu. Sparraukseen osallistuvat aina johto, "
           "esihenkilöt ja henkilöstön edustajat."));
  if (bad) buf_printf(&r->out, "<span class=\"error\" id=\"e-participants\">%h</span>", T(r, bad->msg));
  for (int i = 0; i < PERSON_NROLES; i++)
    form_input(f, "number", ROLE_FIELDS[i], role_plural(r, i), web_field(r, ROLE_FIELDS[i]), 0, NULL);
  buf_puts(&r->out, "</fieldset>\n");
}

/* Writes the application form; values come from the request (the query on GET, so ?service= preselects; the posted
 * form when it is shown again with errors). */
static void app_form(web_req *r, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  page_begin(r, T(r, "Uusi hakemus"), "applications");
  buf_printf(o, "<p><a href=\"%h/hakemukset\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Hakemukset"),
             T(r, "Uusi hakemus"));
  buf_printf(o, "<p class=\"lead\">%h</p>\n",
             T(r, "Hakekaa sparrausta tai sisäisten kehittäjien valmennusta organisaationne tarpeeseen. Ohjelman "
                  "henkilöstö käsittelee hakemuksen, ja näette sen tilan hakemussivulta."));
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h/hakemukset/uusi\" class=\"form\" novalidate>\n", r->prefix);
  web_csrf_field(r);
  int n = 0;
  app_choice *v = app_open_services(r->db, &r->mem, r->lang, &n);
  if (n == 0)
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n",
               T(r, "Haettavia palveluja ei ole juuri nyt. Ohjelman henkilöstö avaa haun palvelukohtaisesti."));
  const char *service = web_field(r, "service_id");
  if (!*service) service = web_field(r, "service"); /* ?service=ID from a service page */
  choice_select(&f, "service_id", T(r, "Palvelu"), service, v, n, 1, T(r, "Valitse"));
  if (user_is_staff(&r->user)) {
    v = app_orgs(r->db, &r->mem, &n);
    choice_select(&f, "org_id", T(r, "Organisaatio"), web_field(r, "org_id"), v, n, 1, T(r, "Valitse"));
  } else {
    org *mine = r->user.org_id ? org_get(r->db, &r->mem, r->user.org_id) : NULL;
    buf_printf(o, "<div class=\"field\" id=\"f-org_id\" tabindex=\"-1\"><p>%h: <strong>%h</strong></p>",
               T(r, "Organisaatio"), mine ? mine->name : T(r, "ei organisaatiota"));
    const kerr *bad = form_field_error(err, "org_id");
    if (bad) buf_printf(o, "<span class=\"error\">%h</span>", T(r, bad->msg));
    buf_puts(o, "</div>\n");
  }
  form_textarea(&f, "need", T(r, "Tarve omin sanoin"), web_field(r, "need"), 1,
                T(r, "Mihin tarvitsette tukea? Mikä on tilanne nyt, ja mitä haluatte saada aikaan?"), 8);
  char *themes = app_theme_names(r->db, &r->mem);
  buf hint = BUF_INIT;
  buf_printf(&hint, "%r %r", T(r, "Pilkuin eroteltuina. Teemat:"), *themes ? themes : "–");
  form_input(&f, "text", "themes", T(r, "Teemat"), web_field(r, "themes"), 0, hint.data);
  buf_free(&hint);
  v = app_active_coaches(r->db, &r->mem, &n);
  choice_select(&f, "preferred_coach_id", T(r, "Toivottu valmentaja"), web_field(r, "preferred_coach_id"), v, n, 0,
                T(r, "Ei toivetta"));
  form_input(&f, "text", "proposed_dates", T(r, "Ehdotetut ajankohdat"), web_field(r, "proposed_dates"), 0,
             T(r, "Esimerkiksi viikot tai päivät, jotka sopivat teille."));
  participants_fieldset(r, &f);
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\">%h</button><a href=\"%h/hakemukset\">%h</a></div>\n"
             "</form>\n",
             T(r, "Lähetä hakemus"), r->prefix, T(r, "Peruuta"));
  page_end(r);
}

static void page_app_new(web_req *r) {
  app_form(r, NULL);
}

/* A whole number field: 0 when empty, def when not a number (the model then names the field). */
static long long num_field(web_req *r, const char *name, long long max, long long def) {
  const char *s = web_field(r, name);
  long long v = 0;
  if (!*s) return 0;
  return util_parse_int(s, 0, max, &v) == K_OK ? v : def;
}

static void page_app_create(web_req *r) {
  kerr e = {0};
  if (!web_csrf_ok_or_kerr(r, &e)) { /* a stale token must not lose the need text: show the form again, filled in */
    app_form(r, &e);
    r->status = 403;
    kerr_clear(&e);
    return;
  }
  application a = {0};
  a.service_id = num_field(r, "service_id", 1LL << 53, 0);
  a.org_id = num_field(r, "org_id", 1LL << 53, 0);
  a.preferred_coach_id = num_field(r, "preferred_coach_id", 1LL << 53, -1);
  a.need = (char *)web_field(r, "need");
  a.themes = (char *)web_field(r, "themes");
  a.proposed_dates = (char *)web_field(r, "proposed_dates");
  int *counts[] = {&a.n_johto, &a.n_esihenkilo, &a.n_tyontekija, &a.n_edustaja};
  for (int i = 0; i < PERSON_NROLES; i++) *counts[i] = (int)num_field(r, ROLE_FIELDS[i], APP_MAX_COUNT, -1);
  long long id = app_create(r->db, &a, &r->user, &e);
  if (!id) {
    app_form(r, &e);
    r->status = 422;
  } else {
    web_changed();
    web_redirectf(r, "/hakemukset/%lld?done=sent", id);
  }
  kerr_clear(&e);
}

/* ---- one application ---- */

static void fact(web_req *r, const char *label, const char *value) {
  if (util_blank(value)) return;
  buf_printf(&r->out, "<dt>%h</dt><dd>%h</dd>\n", label, value);
}

static void done_notice(web_req *r) {
  const char *done = web_query(r, "done");
  const char *msg = !done                        ? NULL
                    : !strcmp(done, "sent")      ? N_("Hakemus lähetetty. Ohjelman henkilöstö käsittelee sen.")
                    : !strcmp(done, "approved")  ? N_("Hakemus hyväksytty ja toteutus luotu.")
                    : !strcmp(done, "rejected")  ? N_("Hakemus hylätty.")
                    : !strcmp(done, "cancelled") ? N_("Hakemus peruttu.")
                                                 : NULL;
  if (msg) buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, msg));
}

static void participants_fact(web_req *r, const application *a) {
  const int n[] = {a->n_johto, a->n_esihenkilo, a->n_tyontekija, a->n_edustaja};
  buf_printf(&r->out, "<dt>%h</dt><dd><ul>", T(r, "Osallistujat roolin mukaan"));
  for (int i = 0; i < PERSON_NROLES; i++) buf_printf(&r->out, "<li>%h: %N</li>", role_plural(r, i), (long long)n[i]);
  buf_puts(&r->out, "</ul></dd>\n");
}

static void history(web_req *r, const application *a) {
  buf *o = &r->out;
  buf_printf(o, "<h2 id=\"history-h\">%h</h2>\n", T(r, "Käsittelyhistoria"));
  web_table_begin(r, "list", T(r, "Käsittelyhistoria"), 1);
  buf_printf(o,
             "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\">%h</th><th scope=\"col\">%h</th>"
             "<th scope=\"col\">%h</th></tr></thead><tbody>\n",
             T(r, "Tila"), T(r, "Kuka"), T(r, "Milloin"), T(r, "Syy"));
  for (int i = 0; i < a->nevents; i++) {
    const app_event *x = &a->events[i];
    /* contacts see who at their organisation did what; the programme's people are named by their team */
    int team = !user_is_staff(&r->user) && (!strcmp(x->actor_role, "staff") || !strcmp(x->actor_role, "admin"));
    buf_printf(o, "<tr><td>%h</td><td>%h</td><td class=\"nowrap\">", status_label(r, x->status),
               team ? T(r, "Ohjelman henkilöstö") : x->actor);
    web_fi_datetime(r, x->at);
    buf_printf(o, "</td><td>%h</td></tr>\n", *x->reason ? x->reason : "–");
  }
  web_table_end(r);
}

static void outcome(web_req *r, const application *a) {
  buf *o = &r->out;
  if (a->delivery_id) {
    buf_printf(o, "<p>%h %D–%D.", T(r, "Toteutus on sovittu ajalle"), a->delivery_starts, a->delivery_ends);
    if (user_is_staff(&r->user))
      buf_printf(o, " <a href=\"%h/hallinta/toteutukset/%lld\">%h</a>", r->prefix, a->delivery_id,
                 T(r, "Avaa toteutus"));
    buf_puts(o, "</p>\n");
  }
  if (!strcmp(a->status, "rejected")) buf_printf(o, "<p>%h: %h</p>\n", T(r, "Hylkäyksen syy"), a->reason);
}

static void decision_forms(web_req *r, const application *a, const kerr *err) {
  form_ctx f = {r, err};
  buf *o = &r->out;
  buf_printf(o, "<section aria-labelledby=\"decide-h\"><h2 id=\"decide-h\">%h</h2>\n", T(r, "Päätös"));
  buf_printf(o, "<form method=\"post\" action=\"%h/hakemukset/%lld/hyvaksy\" class=\"form\" novalidate>\n", r->prefix,
             a->id);
  web_csrf_field(r);
  buf_printf(o, "<h3>%h</h3>\n", T(r, "Hyväksy ja luo toteutus"));
  /* text with the Finnish example, as on the delivery form: a date input showed the browser's own format */
  form_input(&f, "text", "starts_on", T(r, "Alkupäivä"), web_field(r, "starts_on"), 1, T(r, "Esimerkiksi 22.11.2026"));
  form_input(&f, "text", "ends_on", T(r, "Loppupäivä"), web_field(r, "ends_on"), 1, T(r, "Esimerkiksi 22.11.2026"));
  int n = 0;
  app_choice *v = app_active_coaches(r->db, &r->mem, &n);
  const char *coach = web_field(r, "coach_id");
  if (!*coach && a->preferred_coach_id && strcmp(r->method, "POST") != 0) {
    char *pref = arena_alloc(&r->mem, 24);
    snprintf(pref, 24, "%lld", a->preferred_coach_id);
    coach = pref;
  }
  choice_select(&f, "coach_id", T(r, "Valmentaja"), coach, v, n, 0, T(r, "Ei valmentajaa"));
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div>\n</form>\n", T(r, "Hyväksy"));
  buf_printf(o, "<form method=\"post\" action=\"%h/hakemukset/%lld/hylkaa\" class=\"form\" novalidate>\n", r->prefix,
             a->id);
  web_csrf_field(r);
  buf_printf(o, "<h3>%h</h3>\n", T(r, "Hylkää"));
  form_textarea(&f, "reason", T(r, "Hylkäyksen syy"), web_field(r, "reason"), 1,
                T(r, "Syy näkyy hakijalle hakemuksen sivulla."), 3);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%h</button></div>\n</form>\n",
             T(r, "Hylkää hakemus"));
  buf_puts(o, "</section>\n");
}

static void cancel_form(web_req *r, const application *a) {
  buf_printf(&r->out, "<p><a class=\"button secondary\" href=\"%h/hakemukset/%lld/peru\">%h</a></p>\n", r->prefix,
             a->id, T(r, "Peru hakemus"));
}

static void app_page(web_req *r, const application *a, const kerr *err) {
  buf *o = &r->out;
  char *title = buf_mprintf("%r: %r", T(r, "Hakemus"), a->service_name);
  page_begin(r, title, "applications");
  buf_printf(o, "<p><a href=\"%h/hakemukset\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Hakemukset"), title);
  free(title);
  form_ctx f = {r, err};
  form_errors(&f);
  done_notice(r);
  buf_printf(o, "<p class=\"lead\">%h: <strong>%h</strong></p>\n", T(r, "Tila"), status_label(r, a->status));
  outcome(r, a);
  buf_puts(o, "<dl class=\"facts\">\n");
  fact(r, T(r, "Organisaatio"), a->org_name);
  fact(r, T(r, "Palvelu"), a->service_name);
  fact(r, T(r, "Teemat"), a->themes);
  fact(r, T(r, "Toivottu valmentaja"), a->coach_name);
  fact(r, T(r, "Ehdotetut ajankohdat"), a->proposed_dates);
  participants_fact(r, a);
  buf_puts(o, "</dl>\n");
  buf_printf(o, "<h2>%h</h2>\n<div class=\"deed-text\"%r>%h</div>\n", T(r, "Tarve omin sanoin"), web_fi(r), a->need);
  if (!strcmp(a->status, "submitted") && user_is_staff(&r->user)) decision_forms(r, a, err);
  if (app_cancellable_by(a, &r->user)) cancel_form(r, a);
  history(r, a);
  page_end(r);
}

/* The application of r->id when the user may see it (the route lets only signed-in users in); NULL after answering
 * (403 or 404). In the request arena. */
static application *app_or_reply(web_req *r) {
  application *a = app_get(r->db, &r->mem, r->id);
  if (!a) {
    web_error(r, 404, T(r, "Hakemusta ei löytynyt."));
    return NULL;
  }
  if (!app_visible_to(a, &r->user)) {
    web_error(r, 403, T(r, "Hakemus kuuluu toiselle organisaatiolle."));
    return NULL;
  }
  return a;
}

static void page_app(web_req *r) {
  application *a = app_or_reply(r);
  if (!a) return;
  app_page(r, a, NULL);
}

/* Shows the page again with the error (422), or redirects to it with the done notice. */
static void after_change(web_req *r, application *a, int ok, const char *done, const kerr *e) {
  if (ok) {
    web_changed();
    web_redirectf(r, "/hakemukset/%lld?done=%U", a->id, done);
  } else {
    application *now = app_get(r->db, &r->mem, a->id);
    app_page(r, now ? now : a, e);
    r->status = 422;
  }
}

/* Returns 1 when a decision form carries the right token. A stale token shows the application again with the
 * message and what the staff member wrote kept (403), so a typed reason is not lost; returns 0 after answering. */
static int decision_csrf_ok(web_req *r) {
  kerr e = {0};
  if (web_csrf_ok_or_kerr(r, &e)) return 1;
  application *a = app_or_reply(r);
  if (!a) {
    kerr_clear(&e);
    return 0;
  }
  app_page(r, a, &e);
  r->status = 403;
  kerr_clear(&e);
  return 0;
}

static void page_app_approve(web_req *r) {
  if (!decision_csrf_ok(r)) return;
  application *a = app_or_reply(r);
  if (!a) return;
  kerr e = {0};
  /* the select starts at the preferred coach, so an empty choice means no coach; a bad value (-2) is refused */
  long long coach = *web_field(r, "coach_id") ? num_field(r, "coach_id", 1LL << 53, -2) : APP_COACH_NONE;
  long long did = app_approve(r->db, a->id, web_field(r, "starts_on"), web_field(r, "ends_on"), coach, &r->user, &e);
  after_change(r, a, did != 0, "approved", &e);
  kerr_clear(&e);
}

static void page_app_reject(web_req *r) {
  if (!decision_csrf_ok(r)) return;
  application *a = app_or_reply(r);
  if (!a) return;
  kerr e = {0};
  int ok = app_reject(r->db, a->id, web_field(r, "reason"), &r->user, &e) == K_OK;
  after_change(r, a, ok, "rejected", &e);
  kerr_clear(&e);
}

/* The confirmation of a cancel (GET, or a POST without confirm). */
static void cancel_confirm(web_req *r, const application *a) {
  if (!app_cancellable_by(a, &r->user)) {
    web_error(r, 403, T(r, "Vain hakija voi perua hakemuksen."));
    return;
  }
  char back[48], action[64];
  snprintf(back, sizeof back, "/hakemukset/%lld", a->id);
  snprintf(action, sizeof action, "%s/peru", back);
  buf what = BUF_INIT;
  buf_printf(&what,
             T(r, "Perutaan hakemus palveluun %r (%r). Peruttua hakemusta ei käsitellä, eikä perumista voi "
                  "perua: tarvittaessa tehdään uusi hakemus."),
             a->service_name, a->org_name ? a->org_name : "–");
  confirm_spec c = {.title = T(r, "Perutaanko hakemus?"),
                    .what = what.data,
                    .action = action,
                    .button = T(r, "Peru hakemus"),
                    .back = back,
                    .active = "applications"};
  confirm_page(r, &c);
  buf_free(&what);
}

static void page_app_cancel(web_req *r) {
  application *a = app_or_reply(r);
  if (!a) return;
  if (strcmp(r->method, "POST") || !confirm_posted(r)) {
    cancel_confirm(r, a);
    return;
  }
  kerr e = {0};
  int ok = app_cancel(r->db, a->id, &r->user, &e) == K_OK;
  after_change(r, a, ok, "cancelled", &e);
  kerr_clear(&e);
}

static const char APPS_DENY[] = N_("Hakemukset ovat organisaatioiden yhteyshenkilöille ja ohjelman henkilöstölle.");

const route applications_routes[] = {
    {"GET", "/hakemukset", page_apps, .flags = ROUTE_CONTACT | ROUTE_ANY_STAFF, .deny = APPS_DENY,
     .menu = {ROUTE_NAV_USER, 1, "applications", N_("Hakemukset")}},
    {"GET", "/hakemukset/uusi", page_app_new, .flags = ROUTE_CONTACT | ROUTE_ANY_STAFF, .deny = APPS_DENY},
    {"POST", "/hakemukset/uusi", page_app_create,
     .flags = ROUTE_CONTACT | ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM, .deny = APPS_DENY},
    {"GET", "/hakemukset/{id}", page_app, .flags = ROUTE_CONTACT | ROUTE_ANY_STAFF, .deny = APPS_DENY},
    {"POST", "/hakemukset/{id}/hyvaksy", page_app_approve, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"POST", "/hakemukset/{id}/hylkaa", page_app_reject, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_CSRF_FORM},
    {"GET", "/hakemukset/{id}/peru", page_app_cancel, .flags = ROUTE_CONTACT | ROUTE_ANY_STAFF, .deny = APPS_DENY},
    {"POST", "/hakemukset/{id}/peru", page_app_cancel, .flags = ROUTE_CONTACT | ROUTE_ANY_STAFF | ROUTE_CSRF,
     .deny = APPS_DENY},
    {0},
};
