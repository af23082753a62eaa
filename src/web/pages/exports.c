/* exports: staff downloads of the lists behind the staff pages: /hallinta/vienti/tekot.csv|xlsx (every deed field),
 * /hallinta/vienti/hakemukset.csv|xlsx (every application field) and
 * /hallinta/vienti/toteutukset/ID/osallistujat.csv|xlsx (participants with attendance per session). Each holds
 * personal data: the download is written to the audit log before it is made, and never cached. */
#include <stdio.h>
#include <string.h>

#include "model/application.h"
#include "model/audit.h"
#include "model/delivery.h"
#include "report/lists.h"
#include "web/pages/exports.h"
#include "web/widgets.h"

enum { LIST_DEEDS, LIST_PARTICIPANTS, LIST_APPLICATIONS };

/* One download: which list, its file name (without the extension) as asked and as sent, and what the file says. */
typedef struct list_job {
  int kind;
  const char *file;   /* "tekot": the name the request must ask for */
  const char *status; /* "" or a status code (deeds, applications) */
  const char *sheet;  /* Finnish msgid */
  const char *subject, *base;
  export_about about;
} list_job;

static const char *const DEED_STATUSES[] = {"submitted", "published", "rejected"};

static long long write_list(web_req *r, export_out *o, const list_job *j) {
  if (j->kind == LIST_DEEDS) return lists_deeds(r->db, o, j->status, r->lang, i18n_get);
  if (j->kind == LIST_APPLICATIONS) return lists_applications(r->db, o, j->status, r->lang, i18n_get);
  return lists_participants(r->db, o, r->id, r->lang, i18n_get);
}

/* Makes the file of format f into r->out. Returns K_OK, or K_ERR with e set. */
static int make_file(web_req *r, int f, const list_job *j, kerr *e) {
  export_out o;
  if (f != EXPORT_XLSX) {
    export_csv_begin(&o, &r->out, (export_format)f);
    export_about_rows(&o, &j->about);
    return write_list(r, &o, j) < 0 ? kerr_set(e, NULL, "reading the list failed") : K_OK;
  }
  export_book bk;
  if (export_book_open(&bk, NULL, e) != K_OK) return K_ERR;
  export_book_sheet(&bk, &o, T(r, j->sheet));
  export_about_rows(&o, &j->about);
  long long n = write_list(r, &o, j);
  int rc = export_book_close(&bk, &r->out, e);
  return n < 0 ? kerr_set(e, NULL, "reading the list failed") : rc;
}

/* Answers the download j, asked for as r->path's last segment ("tekot.csv"), after logging it. */
static void send_list(web_req *r, list_job *j) {
  char name[32] = "";
  int f = export_request_format(r, strrchr(r->path, '/') + 1, name, sizeof name);
  if (f < 0 || strcmp(name, j->file)) {
    web_error(r, 404, T(r, "Hakemaasi sivua ei ole. Tarkista osoite tai aloita etusivulta."));
    return;
  }
  r->no_store = 1;
  char detail[64];
  snprintf(detail, sizeof detail, "download %s%s%s",
           f == EXPORT_XLSX  ? "xlsx"
           : f == EXPORT_CSV ? "csv"
                             : "csv-comma",
           *j->status ? ", status " : "", j->status);
  if (audit_log(r->db, r->user.email, "export", j->subject, detail) != K_OK) {
    web_error(r, 500, T(r, "Tietoja ei voitu näyttää. Yritä hetken kuluttua uudelleen."));
    return;
  }
  char made[16];
  export_today(made);
  j->about.made_label = T(r, EXPORT_MADE_LABEL), j->about.made = made;
  j->about.rule = T(r, N_("Tiedostossa on henkilötietoja, eikä siinä salata pieniä lukuja: se on vain ohjelman "
                          "henkilöstön käyttöön. Säilytä ja hävitä se tietosuojaselosteen mukaisesti."));
  kerr e = {0};
  export_send(r, f, j->base, make_file(r, f, j, &e), &e);
  kerr_clear(&e);
}

/* The ?status= filter if it is one of n codes ("" when absent); NULL after answering 400 for anything else. */
static const char *status_or_reply(web_req *r, const char *const *codes, int n) {
  const char *s = web_field(r, "status");
  for (int i = 0; *s && i < n; i++)
    if (!strcmp(s, codes[i])) return codes[i];
  if (!*s) return "";
  web_error(r, 400, T(r, "Tuntematon tila."));
  return NULL;
}

/* The file's title "Kehittämisteot" or "Kehittämisteot: Julkaistu" and its base name, in the request arena. */
static void name_job(web_req *r, list_job *j, const char *title, const char *label) {
  buf b = BUF_INIT;
  buf_printf(&b, "%r%r%r", title, *j->status ? ": " : "", *j->status ? label : "");
  j->about.title = arena_strdup(&r->mem, b.data);
  buf_reset(&b);
  buf_printf(&b, "%r%r%r", j->file, *j->status ? "-" : "", j->status);
  j->base = arena_strdup(&r->mem, b.data);
  buf_free(&b);
  j->about.period_label = T(r, EXPORT_PERIOD_LABEL), j->about.period = T(r, "Koko ohjelma");
}

/* GET /hallinta/vienti/{file}: tekot.csv|xlsx or hakemukset.csv|xlsx, [?status=CODE][&format=csv-comma]. */
static void page_export_list(web_req *r) {
  const char *file = r->path + strlen("/hallinta/vienti/");
  int deeds = !strncmp(file, "tekot.", 6);
  static const char *app_codes[] = {"submitted", "approved", "rejected", "cancelled"};
  const char *status = deeds ? status_or_reply(r, DEED_STATUSES, 3) : status_or_reply(r, app_codes, 4);
  if (!status) return;
  list_job j = {.kind = deeds ? LIST_DEEDS : LIST_APPLICATIONS,
                .file = deeds ? "tekot" : "hakemukset",
                .status = status,
                .sheet = deeds ? N_("Teot") : N_("Hakemukset"),
                .subject = deeds ? "deeds" : "applications"};
  const char *label = *status ? T(r, lists_status_label(status)) : "";
  name_job(r, &j, deeds ? T(r, "Kehittämisteot") : T(r, "Hakemukset"), label);
  send_list(r, &j);
}

/* GET /hallinta/vienti/toteutukset/{id}/osallistujat.csv|xlsx[?format=csv-comma]. */
static void page_export_participants(web_req *r) {
  delivery *x = delivery_get(r->db, &r->mem, r->id, r->lang);
  if (!x) {
    web_error(r, 404, T(r, "Toteutusta ei löytynyt."));
    return;
  }
  buf b = BUF_INIT;
  list_job j = {.kind = LIST_PARTICIPANTS, .file = "osallistujat", .status = "", .sheet = N_("Osallistujat")};
  buf_printf(&b, "delivery:%lld/participants", r->id);
  j.subject = arena_strdup(&r->mem, b.data);
  buf_reset(&b);
  buf_printf(&b, "%r: %r%r%r", T(r, "Osallistujat ja läsnäolot"), x->service_name, *x->title ? " · " : "", x->title);
  j.about.title = arena_strdup(&r->mem, b.data);
  buf_reset(&b);
  buf_fidate(&b, x->starts_on);
  buf_puts(&b, "–");
  buf_fidate(&b, x->ends_on);
  j.about.period_label = T(r, EXPORT_PERIOD_LABEL), j.about.period = arena_strdup(&r->mem, b.data);
  buf_reset(&b);
  buf_printf(&b, "toteutus-%lld-osallistujat", r->id);
  j.base = arena_strdup(&r->mem, b.data);
  buf_free(&b);
  send_list(r, &j);
}

const route exports_routes[] = {
    {"GET", "/hallinta/vienti/{file}", page_export_list, .flags = ROUTE_ANY_STAFF},
    {"GET", "/hallinta/vienti/toteutukset/{id}/{file}", page_export_participants, .flags = ROUTE_ANY_STAFF},
    {0},
};
