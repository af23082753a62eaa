/* outbox (page): /hallinta/viestit, the outbox for staff: status tabs, the list, one message, retry of a failed one. */
#include <string.h>

#include "mail/sender.h"
#include "model/outbox.h"
#include "web/pager.h"
#include "web/pages/outbox.h"

#define MESSAGES_PER_PAGE 50

/* The status tabs: the status (NULL for all) and its label. */
static const char *const STATUSES[][2] = {{NULL, N_("Kaikki")},
                                          {"queued", N_("Jonossa")},
                                          {"sending", N_("Lähetetään")},
                                          {"sent", N_("Välitetty")},
                                          {"failed", N_("Epäonnistui")}};
#define NSTATUSES (sizeof STATUSES / sizeof STATUSES[0])

/* The label of a stored status (a static string). */
static const char *status_label(const char *status) {
  for (size_t i = 1; i < NSTATUSES; i++)
    if (strcmp(status, STATUSES[i][0]) == 0) return STATUSES[i][1];
  return status;
}

/* The tab asked for in ?status=: its index in STATUSES, 0 (all) when missing or unknown. */
static size_t status_tab(web_req *r) {
  const char *s = web_query(r, "status");
  for (size_t i = 1; s && i < NSTATUSES; i++)
    if (strcmp(s, STATUSES[i][0]) == 0) return i;
  return 0;
}

/* An outbox time (ms since the epoch) in Finnish time, or "–". */
static void write_time(web_req *r, long long ms) {
  char iso[21];
  outbox_time_iso(ms, iso);
  if (*iso)
    web_fi_datetime(r, iso);
  else
    buf_puts(&r->out, "–");
}

/* The note that this server sends nothing: shown while it runs without --smtp. */
static void no_smtp_note(web_req *r) {
  if (mail_sender_running()) return;
  buf_printf(&r->out, "<div class=\"notice warning\" role=\"note\"><p>%h</p></div>\n",
             T(r, "Sähköpostia ei lähetetä: palvelimelle ei ole annettu SMTP-palvelinta. Viestit odottavat täällä."));
}

static void tabs(web_req *r, size_t current) {
  const char *statuses[NSTATUSES];
  long long counts[NSTATUSES];
  for (size_t i = 0; i < NSTATUSES; i++) statuses[i] = STATUSES[i][0];
  counts[0] = outbox_counts(r->db, statuses, (int)NSTATUSES, counts); /* the first tab is all of them */
  buf_printf(&r->out, "<nav aria-label=\"%h\"><ul class=\"tabs\">", T(r, "Viestien tila"));
  for (size_t i = 0; i < NSTATUSES; i++) {
    const char *s = STATUSES[i][0];
    buf_printf(&r->out, "<li><a href=\"%h/hallinta/viestit%r%U\"%r>%h <span class=\"count\">(%N)</span></a></li>",
               r->prefix, s ? "?status=" : "", s ? s : "", i == current ? " aria-current=\"page\"" : "",
               T(r, STATUSES[i][1]), counts[i]);
  }
  buf_puts(&r->out, "</ul></nav>\n");
}

static void messages_table(web_req *r, const outbox_msg *v, int n, const char *caption) {
  static const char *const heads[] = {"Luotu", "Tila", "Vastaanottaja", "Aihe", "Yrityksiä", "Viimeisin virhe"};
  pager_table_begin(r, caption, heads, 6, 4);
  for (int i = 0; i < n; i++) {
    const outbox_msg *m = &v[i];
    buf_puts(&r->out, "<tr><td class=\"nowrap\">");
    write_time(r, m->created_at);
    buf_printf(&r->out,
               "</td><td>%h</td><td>%h</td><td><a href=\"%h/hallinta/viestit/%lld\">%h</a></td>"
               "<td class=\"num\">%lld</td><td>%h</td></tr>\n",
               T(r, status_label(m->status)), m->recipient, r->prefix, m->id, m->subject, m->attempts,
               *m->last_error ? m->last_error : "–");
  }
  web_table_end(r);
}

static void page_outbox(web_req *r) {
  size_t tab = status_tab(r);
  const char *status = STATUSES[tab][0];
  pager p = pager_make(r, outbox_count(r->db, status), MESSAGES_PER_PAGE);
  int n = 0;
  outbox_msg *v = outbox_list(r->db, &r->mem, status, p.per_page, pager_offset(&p), &n);
  page_begin(r, T(r, "Sähköpostit"), "outbox");
  buf_printf(&r->out, "<h1>%h</h1>\n", T(r, "Sähköpostit"));
  no_smtp_note(r);
  tabs(r, tab);
  if (n == 0)
    buf_printf(&r->out, "<p>%h</p>\n", T(r, "Tässä tilassa ei ole viestejä."));
  else
    messages_table(r, v, n, T(r, STATUSES[tab][1]));
  pager_write_query(r, &p, "/hallinta/viestit", "status", status, NULL);
  page_end(r);
}

/* 1 when the message carries a one-time link (an invitation, a password reset): only admins read its text. */
static int secret_body(const outbox_msg *m) {
  return strcmp(m->kind, "invite") == 0 || strcmp(m->kind, "reset") == 0;
}

static void message_facts(web_req *r, const outbox_msg *m) {
  buf *o = &r->out;
  buf_printf(o, "<dl class=\"facts\">\n<dt>%h</dt><dd>%h</dd>\n", T(r, "Tila"), T(r, status_label(m->status)));
  buf_printf(o, "<dt>%h</dt><dd>%h</dd>\n", T(r, "Vastaanottaja"), m->recipient);
  buf_printf(o, "<dt>%h</dt><dd>%h</dd>\n", T(r, "Laji"), m->kind);
  buf_printf(o, "<dt>%h</dt><dd>", T(r, "Luotu"));
  write_time(r, m->created_at);
  buf_printf(o, "</dd>\n<dt>%h</dt><dd>", T(r, "Välitetty"));
  write_time(r, m->sent_at);
  buf_printf(o, "</dd>\n<dt>%h</dt><dd>%lld</dd>\n", T(r, "Yrityksiä"), m->attempts);
  if (strcmp(m->status, "queued") == 0) {
    buf_printf(o, "<dt>%h</dt><dd>", T(r, "Seuraava yritys"));
    write_time(r, m->next_at);
    buf_puts(o, "</dd>\n");
  }
  buf_printf(o, "<dt>%h</dt><dd>%h</dd>\n</dl>\n", T(r, "Viimeisin virhe"), *m->last_error ? m->last_error : "–");
}

static void page_message(web_req *r) {
  outbox_msg *m = outbox_get(r->db, &r->mem, r->id);
  if (!m) {
    web_error(r, 404, T(r, "Viestiä ei löytynyt."));
    return;
  }
  r->no_store = 1;
  buf *o = &r->out;
  page_begin(r, m->subject, "outbox");
  buf_printf(o, "<p><a href=\"%h/hallinta/viestit\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Sähköpostit"),
             m->subject);
  const char *done = web_query(r, "done");
  if (done && strcmp(done, "retried") == 0)
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n",
               T(r, "Viesti on jonossa ja lähetetään uudelleen."));
  no_smtp_note(r);
  message_facts(r, m);
  if (strcmp(m->status, "failed") == 0 || strcmp(m->status, "queued") == 0) {
    buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/viestit/%lld/uudelleen\">\n", r->prefix, m->id);
    web_csrf_field(r);
    buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Lähetä uudelleen nyt"));
  }
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Viestin teksti"));
  /* a reset's link would let its reader take the account over: nobody reads it here; an invitation's, for an account
   * with no password yet, admins may pass on by hand when no mail server is set */
  if (!strcmp(m->kind, "reset"))
    buf_printf(o, "<p>%h</p>\n", T(r, "Salasanan vaihtoviestin linkkiä ei näytetä kenellekään."));
  else if (secret_body(m) && strcmp(r->user.role, "admin") != 0)
    buf_printf(o, "<p>%h</p>\n",
               T(r, "Viestissä on kertakäyttöinen linkki, joten sen tekstin näkevät vain ylläpitäjät."));
  else
    buf_printf(o, "<pre class=\"mail-text\">%h</pre>\n", m->body_text);
  page_end(r);
}

static void page_message_retry(web_req *r) {
  kerr e = {0};
  if (outbox_retry(r->db, r->id, &e) != K_OK) {
    web_error(r, 404, T(r, e.msg));
  } else {
    web_changed(); /* wakes the sender too */
    web_redirectf(r, "/hallinta/viestit/%lld?done=retried", r->id);
  }
  kerr_clear(&e);
}

const route outbox_routes[] = {
    {"GET", "/hallinta/viestit", page_outbox, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 8, "outbox", N_("Sähköpostit")}},
    {"GET", "/hallinta/viestit/{id}", page_message, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/viestit/{id}/uudelleen", page_message_retry, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
