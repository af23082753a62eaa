/* accounts: the admin's account pages (/hallinta/kayttajat: list, invite, change role, deactivate, resend an
 * invitation) and the staff landing page /hallinta (what waits: applications, deeds, email that failed). */
#include <stdio.h>
#include <string.h>

#include "model/application.h"
#include "model/coach.h"
#include "model/deed.h"
#include "model/org.h"
#include "model/outbox.h"
#include "model/user.h"
#include "web/form.h"
#include "web/pager.h"
#include "web/pages/accounts.h"
#include "web/widgets.h"

#define ACCOUNTS_PER_PAGE 50

static const char *role_label(const char *role) {
  if (!strcmp(role, "admin")) return N_("Pääkäyttäjä");
  if (!strcmp(role, "staff")) return N_("Henkilöstö");
  if (!strcmp(role, "evaluator")) return N_("Arvioija");
  if (!strcmp(role, "jury")) return N_("Raati");
  return N_("Yhteyshenkilö");
}

static const char *status_label(const user_row *u) {
  if (!u->active) return N_("Poistettu käytöstä");
  if (u->invited) return N_("Kutsuttu");
  return N_("Käytössä");
}

static void notice(web_req *r) {
  static const struct {
    const char *done, *msg;
  } notes[] = {{"invited", N_("Kutsu on lähetetty.")},
               {"resent", N_("Kutsu on lähetetty uudelleen.")},
               {"saved", N_("Tunnus on tallennettu.")},
               {"deactivated", N_("Tunnus on poistettu käytöstä.")},
               {"activated", N_("Tunnus on otettu käyttöön.")}};
  const char *done = web_field(r, "done");
  for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++)
    if (!strcmp(done, notes[i].done))
      buf_printf(&r->out, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n", T(r, notes[i].msg));
}

static void page_accounts(web_req *r) {
  pager p = pager_make(r, user_count(r->db), ACCOUNTS_PER_PAGE);
  int n = 0;
  user_row *v = user_list(r->db, &r->mem, p.per_page, pager_offset(&p), &n);
  page_begin(r, T(r, "Käyttäjät"), "accounts");
  buf *o = &r->out;
  buf_printf(o, "<h1>%h</h1>\n", T(r, "Käyttäjät"));
  notice(r);
  buf_printf(o, "<p><a class=\"button\" href=\"%h/hallinta/kayttajat/uusi\">%h</a></p>\n", r->prefix,
             T(r, "Kutsu käyttäjä"));
  buf_printf(o, "<p role=\"status\">%N %h</p>\n", p.total, T(r, p.total == 1 ? "tunnus" : "tunnusta"));
  static const char *const heads[] = {"Sähköposti", "Rooli", "Organisaatio", "Tila", "Luotu"};
  pager_table_begin(r, T(r, "Käyttäjät"), heads, 5, -1);
  for (int i = 0; i < n; i++) {
    const user_row *u = &v[i];
    buf_printf(o, "<tr><td><a href=\"%h/hallinta/kayttajat/%lld\">%h</a></td><td>%h</td><td>%h</td><td>%h</td><td>",
               r->prefix, u->id, u->email, T(r, role_label(u->role)), *u->org_name ? u->org_name : "–",
               T(r, status_label(u)));
    web_fi_datetime(r, u->created_at);
    buf_puts(o, "</td></tr>\n");
  }
  web_table_end(r);
  pager_write(r, &p, "/hallinta/kayttajat");
  page_end(r);
}

static void role_select(web_req *r, form_ctx *f, const char *value) {
  static const char *const roles[] = {"contact", "staff", "admin", "evaluator", "jury"};
  form_opt opts[5];
  for (int i = 0; i < 5; i++) opts[i] = (form_opt){roles[i], T(r, role_label(roles[i]))};
  form_select(f, "role", T(r, "Rooli"), value, opts, 5, 1, T(r, "Valitse"));
}

static void org_coach_selects(web_req *r, form_ctx *f, long long org_id, long long coach_id) {
  char org_s[24] = "", coach_s[24] = "";
  if (org_id) snprintf(org_s, sizeof org_s, "%lld", org_id);
  if (coach_id) snprintf(coach_s, sizeof coach_s, "%lld", coach_id);
  int n = 0;
  app_choice *v = app_orgs(r->db, &r->mem, &n);
  choice_select(f, "org", T(r, "Organisaatio"), org_s, v, n, 0,
                T(r, "Ei organisaatiota (pakollinen yhteyshenkilölle)"));
  v = app_active_coaches(r->db, &r->mem, &n);
  choice_select(f, "coach", T(r, "Valmentajaprofiili"), coach_s, v, n, 0, T(r, "Ei valmentajaprofiilia"));
}

static long long field_id(web_req *r, const char *name) {
  long long v = 0;
  return util_parse_int(web_field(r, name), 1, 1LL << 53, &v) == K_OK ? v : 0;
}

static const char *const LANGS[] = {"fi", "sv", "en"};
static const char *const LANG_NAMES[] = {"suomi", "svenska", "English"}; /* each in its own language */

static const char *lang_name(const char *lang) {
  for (int i = 0; i < 3; i++)
    if (!strcmp(lang, LANGS[i])) return LANG_NAMES[i];
  return lang;
}

static void invite_form(web_req *r, const kerr *err) {
  page_begin(r, T(r, "Kutsu käyttäjä"), "accounts");
  buf *o = &r->out;
  form_ctx f = {r, err};
  buf_printf(o, "<p><a href=\"%h/hallinta/kayttajat\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Käyttäjät"),
             T(r, "Kutsu käyttäjä"));
  form_errors(&f);
  buf_printf(o, "<p>%h</p>\n",
             T(r, "Kutsuttu saa sähköpostiin linkin, jolla hän asettaa salasanan. Linkki toimii 7 päivää."));
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/kayttajat/uusi\" class=\"form\" novalidate>\n", r->prefix);
  web_csrf_field(r);
  form_input(&f, "email", "email", T(r, "Sähköposti"), web_field(r, "email"), 1, NULL);
  role_select(r, &f, web_field(r, "role"));
  org_coach_selects(r, &f, field_id(r, "org"), field_id(r, "coach"));
  form_opt lo[3];
  for (int i = 0; i < 3; i++) lo[i] = (form_opt){LANGS[i], LANG_NAMES[i]};
  const char *lang = web_field(r, "lang");
  form_select(&f, "lang", T(r, "Viestien kieli"), *lang ? lang : r->lang, lo, 3, 1, NULL);
  buf_printf(o,
             "<div class=\"actions\"><button type=\"submit\">%h</button><a href=\"%h/hallinta/kayttajat\">%h</a>"
             "</div>\n</form>\n",
             T(r, "Lähetä kutsu"), r->prefix, T(r, "Peruuta"));
  page_end(r);
}

static void page_invite_form(web_req *r) {
  invite_form(r, NULL);
}

static void page_invite(web_req *r) {
  user_new u = {web_field(r, "email"), web_field(r, "role"), web_field(r, "lang"), field_id(r, "org"),
                field_id(r, "coach")};
  kerr e = {0};
  if (user_invite(r->db, &u, r->user.email, &e)) {
    web_changed();
    web_redirectf(r, "/hallinta/kayttajat?done=invited");
  } else {
    invite_form(r, &e);
    r->status = 422;
  }
  kerr_clear(&e);
}

/* One button in its own small form posting to the account's action path. */
static void action_button(web_req *r, long long id, const char *action, const char *label) {
  buf_printf(&r->out, "<form method=\"post\" action=\"%h/hallinta/kayttajat/%lld/%h\" class=\"inline\">", r->prefix, id,
             action);
  web_csrf_field(r);
  buf_printf(&r->out, "<button type=\"submit\" class=\"secondary\">%h</button></form>\n", label);
}

static void account_page(web_req *r, const user_row *u, const kerr *err) {
  page_begin(r, u->email, "accounts");
  buf *o = &r->out;
  form_ctx f = {r, err};
  buf_printf(o, "<p><a href=\"%h/hallinta/kayttajat\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Käyttäjät"),
             u->email);
  notice(r);
  form_errors(&f);
  buf_printf(o, "<dl class=\"facts\"><dt>%h</dt><dd>%h</dd><dt>%h</dt><dd>", T(r, "Tila"), T(r, status_label(u)),
             T(r, "Luotu"));
  web_fi_datetime(r, u->created_at);
  buf_printf(o, "</dd><dt>%h</dt><dd>%h</dd></dl>\n", T(r, "Viestien kieli"), lang_name(u->lang));
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Rooli ja organisaatio"));
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/kayttajat/%lld\" class=\"form\" novalidate>\n", r->prefix,
             u->id);
  web_csrf_field(r);
  role_select(r, &f, err ? web_field(r, "role") : u->role);
  org_coach_selects(r, &f, err ? field_id(r, "org") : u->org_id, err ? field_id(r, "coach") : u->coach_id);
  buf_printf(o, "<div class=\"actions\"><button type=\"submit\">%h</button></div>\n</form>\n", T(r, "Tallenna"));
  buf_printf(o, "<h2>%h</h2>\n<div class=\"actions\">", T(r, "Toiminnot"));
  if (u->active && u->invited) action_button(r, u->id, "kutsu", T(r, "Lähetä kutsu uudelleen"));
  if (u->active)
    action_button(r, u->id, "poista-kaytosta", T(r, "Poista käytöstä"));
  else
    action_button(r, u->id, "ota-kayttoon", T(r, "Ota käyttöön"));
  buf_puts(o, "</div>\n");
  page_end(r);
}

static user_row *account_or_404(web_req *r) {
  user_row *u = user_get(r->db, &r->mem, r->id);
  if (!u) web_error(r, 404, T(r, "Tunnusta ei löydy."));
  return u;
}

static void page_account(web_req *r) {
  user_row *u = account_or_404(r);
  if (u) account_page(r, u, NULL);
}

static void page_account_save(web_req *r) {
  user_row *u = account_or_404(r);
  if (!u) return;
  kerr e = {0};
  if (user_update(r->db, r->id, web_field(r, "role"), field_id(r, "org"), field_id(r, "coach"), r->user.email, &e) ==
      K_OK) {
    web_changed();
    web_redirectf(r, "/hallinta/kayttajat/%lld?done=saved", r->id);
  } else {
    account_page(r, u, &e);
    r->status = 422;
  }
  kerr_clear(&e);
}

/* Runs one of the account's actions and comes back to its page with done, or shows the page with the error. */
static void account_action(web_req *r, int rc, const kerr *e, const char *done) {
  if (rc == K_OK) {
    web_changed();
    web_redirectf(r, "/hallinta/kayttajat/%lld?done=%U", r->id, done);
    return;
  }
  user_row *u = account_or_404(r);
  if (!u) return;
  account_page(r, u, e);
  r->status = 422;
}

static void page_resend(web_req *r) {
  kerr e = {0};
  account_action(r, user_invite_resend(r->db, r->id, r->user.email, &e), &e, "resent");
  kerr_clear(&e);
}

static void page_deactivate(web_req *r) {
  kerr e = {0};
  account_action(r, user_set_active(r->db, r->id, 0, r->user.email, &e), &e, "deactivated");
  kerr_clear(&e);
}

static void page_activate(web_req *r) {
  kerr e = {0};
  account_action(r, user_set_active(r->db, r->id, 1, r->user.email, &e), &e, "activated");
  kerr_clear(&e);
}

/* ---- /hallinta: what waits for the staff ---- */

/* One line of what waits: n and its words (one and many: Finnish msgids), linked to where it is handled. */
static void waiting(web_req *r, long long n, const char *one, const char *many, const char *href, const char *none) {
  if (n)
    buf_printf(&r->out, "<li><a href=\"%h%h\"><strong>%N</strong> %h</a></li>\n", r->prefix, href, n,
               T(r, n == 1 ? one : many));
  else
    buf_printf(&r->out, "<li>%h</li>\n", none);
}

static void page_staff_home(web_req *r) {
  page_begin(r, T(r, "Hallinta"), "staff-home");
  buf *o = &r->out;
  buf_printf(o, "<h1>%h</h1>\n<h2>%h</h2>\n<ul class=\"waiting\">\n", T(r, "Hallinta"), T(r, "Odottaa käsittelyä"));
  static const char *const submitted[] = {"submitted"};
  long long apps = 0;
  app_count_by_status(r->db, 0, submitted, 1, &apps);
  waiting(r, apps, N_("hakemus odottaa päätöstä"), N_("hakemusta odottaa päätöstä"), "/hakemukset?status=submitted",
          T(r, "Ei päätöstä odottavia hakemuksia."));
  waiting(r, deed_count_by_status(r->db, "submitted"), N_("teko odottaa moderointia"), N_("tekoa odottaa moderointia"),
          "/hallinta/tekot", T(r, "Ei moderointia odottavia tekoja."));
  static const char *const mail[] = {"failed", "queued", "sending"};
  long long mails[3];
  outbox_counts(r->db, mail, 3, mails);
  waiting(r, mails[0], N_("sähköposti jäi lähettämättä"), N_("sähköpostia jäi lähettämättä"),
          "/hallinta/viestit?status=failed", T(r, "Kaikki sähköpostit on saatu lähetettyä."));
  long long queued = mails[1] + mails[2];
  if (queued)
    waiting(r, queued, N_("sähköposti jonossa"), N_("sähköpostia jonossa"), "/hallinta/viestit?status=queued", "");
  buf_puts(o, "</ul>\n");
  page_end(r);
}

const route accounts_routes[] = {
    {"GET", "/hallinta", page_staff_home, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 0, "staff-home", N_("Yleiskatsaus")}},
    {"GET", "/hallinta/kayttajat", page_accounts, .flags = ROUTE_ADMIN,
     .menu = {ROUTE_NAV_STAFF, 7, "accounts", N_("Käyttäjät")}, .deny = N_("Tämä sivu on vain pääkäyttäjille.")},
    {"GET", "/hallinta/kayttajat/uusi", page_invite_form, .flags = ROUTE_ADMIN,
     .deny = N_("Tämä sivu on vain pääkäyttäjille.")},
    {"POST", "/hallinta/kayttajat/uusi", page_invite, .flags = ROUTE_ADMIN | ROUTE_CSRF},
    {"GET", "/hallinta/kayttajat/{id}", page_account, .flags = ROUTE_ADMIN,
     .deny = N_("Tämä sivu on vain pääkäyttäjille.")},
    {"POST", "/hallinta/kayttajat/{id}", page_account_save, .flags = ROUTE_ADMIN | ROUTE_CSRF},
    {"POST", "/hallinta/kayttajat/{id}/kutsu", page_resend, .flags = ROUTE_ADMIN | ROUTE_CSRF},
    {"POST", "/hallinta/kayttajat/{id}/poista-kaytosta", page_deactivate, .flags = ROUTE_ADMIN | ROUTE_CSRF},
    {"POST", "/hallinta/kayttajat/{id}/ota-kayttoon", page_activate, .flags = ROUTE_ADMIN | ROUTE_CSRF},
    {0},
};
