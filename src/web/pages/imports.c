/* imports (page): /hallinta/tuonti, uploads of participants, attendance, deeds and costs (CSV or Excel): the file is
 * kept in the upload table, its first rows and every error are shown, and it is imported by the CLI's importer only
 * when its uploader confirms. */
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "import/import.h"
#include "model/upload.h"
#include "web/form.h"
#include "web/pages/imports.h"

#define PREVIEW_ROWS 10 /* rows shown below the header before the import is confirmed */
#define PREVIEW_COLS 30 /* columns shown of a very wide file */

/* What can be imported: the kind, its label, the columns it needs and those it may have (the CLI's, import.h). */
static const struct {
  const char *kind, *label, *required, *optional;
} KINDS[] = {
    {"participants", N_("Osallistujat"), "delivery, email, name, organisation, role",
     "occupation, sector, entry_date, birth_date, gender, labour_status, education, unemployed_for, in_education, "
     "disability, migrant, disadvantaged, exit_date, exit_status, exit_qualification"},
    {"attendance", N_("Läsnäolot"), "delivery, session, email", ""},
    {"deeds", N_("Kehittämisteot"), "title, organisation, municipality, sector, summary, goal, actions, results, year",
     "ref, ytunnus, starting_point, participants, themes, service, contact_name, contact_email"},
    {"costs", N_("Kustannukset (kirjanpito)"), "date, category, amount", "account, description, voucher"},
};
#define NKINDS (sizeof KINDS / sizeof KINDS[0])

static int kind_index(const char *kind) {
  for (size_t i = 0; kind && i < NKINDS; i++)
    if (!strcmp(kind, KINDS[i].kind)) return (int)i;
  return -1;
}

/* "… 20 Mt." in the request's language, in the request's arena. */
static const char *size_limit(web_req *r) {
  char *s = arena_alloc(&r->mem, 200);
  snprintf(s, 200, "%s %d %s", T(r, "Tiedoston enimmäiskoko on"), WEB_MAX_FILE >> 20, T(r, "Mt."));
  return s;
}

static void columns_help(web_req *r) {
  buf *o = &r->out;
  buf_printf(o, "<h2>%h</h2>\n<p>%h</p>\n<dl class=\"import-columns\">\n", T(r, "Sarakkeet"),
             T(r, "Ensimmäisellä rivillä ovat sarakkeiden nimet (kuten komentorivin tuonnissa). Sarakkeiden järjestys "
                  "on vapaa."));
  for (size_t i = 0; i < NKINDS; i++) {
    buf_printf(o, "<dt>%h</dt><dd>%h: <code>%h</code>", T(r, KINDS[i].label), T(r, "pakolliset"), KINDS[i].required);
    if (*KINDS[i].optional) buf_printf(o, "<br>%h: <code>%h</code>", T(r, "valinnaiset"), KINDS[i].optional);
    buf_puts(o, "</dd>\n");
  }
  buf_puts(o, "</dl>\n");
}

/* The upload form; err (may be NULL) names the field that was wrong, kind the choice to keep. */
static void upload_form(web_req *r, const kerr *err, const char *kind) {
  buf *o = &r->out;
  page_begin(r, T(r, "Tiedostojen tuonti"), "imports");
  buf_printf(o, "<h1>%h</h1>\n<p>%h</p>\n<p>%h</p>\n", T(r, "Tiedostojen tuonti"),
             T(r, "Tuo osallistujat, läsnäolot, kehittämisteot tai kirjanpidon kustannukset CSV- tai "
                  "Excel-tiedostosta. Excel-tiedostosta "
                  "luetaan ensimmäinen taulukko. Näet ensin tiedoston rivit ja virheet; mitään ei tallenneta ennen "
                  "kuin vahvistat tuonnin."),
             size_limit(r));
  if (web_query(r, "peruttu"))
    buf_printf(o, "<div class=\"notice\" role=\"status\"><p>%h</p></div>\n",
               T(r, "Tuonti peruttiin, eikä mitään tuotu."));
  form_ctx f = {r, err};
  form_errors(&f);
  buf_printf(o, "<form method=\"post\" action=\"%h/hallinta/tuonti\" enctype=\"multipart/form-data\">\n", r->prefix);
  web_csrf_field(r);
  form_opt opts[NKINDS];
  for (size_t i = 0; i < NKINDS; i++) opts[i] = (form_opt){KINDS[i].kind, T(r, KINDS[i].label)};
  form_select(&f, "kind", T(r, "Mitä tuodaan"), kind, opts, (int)NKINDS, 1, T(r, "Valitse"));
  form_input(&f, "file", "file", T(r, "Tiedosto (.csv tai .xlsx)"), "", 1, size_limit(r));
  buf_printf(o, "<button type=\"submit\">%h</button>\n</form>\n", T(r, "Lue tiedosto"));
  columns_help(r);
  page_end(r);
}

static void page_imports(web_req *r) {
  upload_form(r, NULL, web_query(r, "kind"));
}

/* POST /hallinta/tuonti: keeps the file and shows its rows (a redirect to the upload's page). */
static void page_upload(web_req *r) {
  kerr e = {0};
  const char *kind = web_form(r, "kind");
  const web_file *file = web_upload(r, "file");
  if (kind_index(kind) < 0) kerr_add(&e, "kind", "Valitse, mitä tuodaan.");
  if (!file || !*file->filename)
    kerr_add(&e, "file", "Valitse tiedosto.");
  else if (!file->len)
    kerr_add(&e, "file", "Tiedosto on tyhjä.");
  else if (file->len > WEB_MAX_FILE)
    kerr_add(&e, "file", size_limit(r));
  long long id = 0;
  char name[160]; /* a name as long as a path is cut: it is shown on the page and in every message */
  if (!e.msg)
    id = upload_add(r->db, r->user.id, kind, utf8_clip(file->filename, name, sizeof name), file->data, file->len, &e);
  if (id) {
    web_changed();
    web_redirectf(r, "/hallinta/tuonti/%lld", id);
  } else {
    upload_form(r, &e, kind);
    r->status = 400;
  }
  kerr_clear(&e);
}

static void not_found(web_req *r) {
  web_error(r, 404,
            T(r, "Tiedostoa ei löytynyt: se on jo tuotu tai peruttu, sen tuonti on vanhentunut, tai sen on "
                 "lähettänyt joku muu."));
}

/* The upload of the path's id, if it is the user's; otherwise answers 404 and returns 0. */
static int own_upload_or_reply(web_req *r, upload *u) {
  if (upload_get(r->db, &r->mem, r->id, r->user.id, u)) return 1;
  not_found(r);
  return 0;
}

/* The header and the first PREVIEW_ROWS rows as the importer reads them. */
static void preview_table(web_req *r, const upload *u) {
  kerr e = {0};
  csv *c = import_open_mem(u->content, u->len, u->filename, &e);
  buf *o = &r->out;
  if (!c) {
    buf_printf(o, "<p lang=\"en\">%h</p>\n", e.msg);
    kerr_clear(&e);
    return;
  }
  web_table_begin(r, "list preview", T(r, "Tiedoston ensimmäiset rivit"), 0);
  int rows = 0;
  for (; rows <= PREVIEW_ROWS && csv_next(c, &e) == 1; rows++) {
    if (rows == 0) {
      buf_printf(o, "<thead><tr><th scope=\"col\">%h</th>", T(r, "Rivi"));
      for (int i = 0; i < csv_nfields(c) && i < PREVIEW_COLS; i++)
        buf_printf(o, "<th scope=\"col\">%h</th>", csv_field(c, i));
      buf_puts(o, "</tr></thead>\n<tbody>\n");
      continue;
    }
    buf_printf(o, "<tr><th scope=\"row\">%ld</th>", csv_row(c));
    for (int i = 0; i < csv_nfields(c) && i < PREVIEW_COLS; i++) buf_printf(o, "<td>%h</td>", csv_field(c, i));
    buf_puts(o, "</tr>\n");
  }
  if (rows) buf_puts(o, "</tbody>");
  web_table_end(r);
  if (e.msg) buf_printf(o, "<p lang=\"en\">%h</p>\n", e.msg);
  kerr_clear(&e);
  csv_close(c);
}

/* Collects import_check_mem's problems as table rows. */
static void problem_row(void *ctx, long row, const char *column, const char *what) {
  web_req *r = ctx;
  buf_printf(&r->out, "<tr><td>%ld</td><td>%h</td><td lang=\"en\">%h</td></tr>\n", row, column ? column : "–", what);
}

/* Checks the file as the import would; shows what would happen, and the confirmation when nothing is wrong. Returns
 * K_OK when the file can be imported. */
static int check_and_report(web_req *r, const upload *u, import_stats *st) {
  buf *o = &r->out;
  kerr e = {0};
  buf_printf(o, "<h2>%h</h2>\n", T(r, "Tarkistus"));
  size_t mark = o->len;
  web_table_begin(r, "list problems", T(r, "Virheet riveittäin"), 0);
  buf_printf(o,
             "<thead><tr><th scope=\"col\">%h</th><th scope=\"col\">%h</th><th scope=\"col\">%h</th></tr></thead>\n"
             "<tbody>\n",
             T(r, "Rivi"), T(r, "Sarake"), T(r, "Virhe"));
  size_t rows_at = o->len;
  int rc = import_check_mem(r->db, u->kind, u->content, u->len, u->filename, problem_row, r, st, &e);
  int listed = o->len > rows_at;
  if (listed) {
    buf_puts(o, "</tbody>");
    web_table_end(r);
  } else {
    o->len = mark; /* no row problems: the table goes */
    if (o->data) o->data[mark] = 0;
  }
  if (rc == K_OK) {
    buf_printf(o, "<p role=\"status\">%h %N</p>\n", T(r, "Tiedosto on kunnossa. Tuotavia rivejä:"),
               (long long)st->rows);
  } else {
    buf_printf(o, "<div class=\"error-summary\" role=\"alert\"><p>%h</p>",
               T(r, "Tiedostossa on virheitä, joten mitään ei tuoda. Korjaa tiedosto ja lähetä se uudelleen."));
    if (!listed) buf_printf(o, "<p lang=\"en\">%h</p>", e.msg ? e.msg : "");
    if (st->bad > IMPORT_MAX_ROW_ERRORS)
      buf_printf(o, "<p>%h %N</p>", T(r, "Muita virheellisiä rivejä:"), (long long)(st->bad - IMPORT_MAX_ROW_ERRORS));
    buf_puts(o, "</div>\n");
  }
  kerr_clear(&e);
  return rc;
}

/* A button posting to /hallinta/tuonti/ID/action. */
static void action_button(web_req *r, const char *action, const char *label, const char *cls) {
  buf_printf(&r->out, "<form method=\"post\" action=\"%h/hallinta/tuonti/%lld/%h\" class=\"inline\">", r->prefix, r->id,
             action);
  web_csrf_field(r);
  buf_printf(&r->out, "<button type=\"submit\"%r>%h</button></form>\n", cls, label);
}

static void preview(web_req *r, const upload *u) {
  buf *o = &r->out;
  int k = kind_index(u->kind);
  page_begin(r, T(r, "Tuonnin esikatselu"), "imports");
  buf_printf(o, "<p><a href=\"%h/hallinta/tuonti\">← %h</a></p>\n<h1>%h</h1>\n", r->prefix, T(r, "Tiedostojen tuonti"),
             T(r, "Tuonnin esikatselu"));
  buf_printf(o, "<dl class=\"facts\"><dt>%h</dt><dd>%h</dd><dt>%h</dt><dd>%h</dd><dt>%h</dt><dd>%N %h</dd></dl>\n",
             T(r, "Tiedosto"), u->filename, T(r, "Mitä tuodaan"), T(r, k >= 0 ? KINDS[k].label : u->kind), T(r, "Koko"),
             (long long)u->len, T(r, "tavua"));
  preview_table(r, u);
  import_stats st;
  int rc = check_and_report(r, u, &st);
  buf_puts(o, "<div class=\"actions\">\n");
  if (rc == K_OK) action_button(r, "tuo", T(r, "Vahvista tuonti"), "");
  action_button(r, "peru", T(r, "Peru tuonti"), rc == K_OK ? " class=\"secondary\"" : "");
  buf_puts(o, "</div>\n");
  page_end(r);
}

static void page_preview(web_req *r) {
  upload u;
  if (own_upload_or_reply(r, &u)) preview(r, &u);
}

/* Where to see what was imported. */
static void result_links(web_req *r, const char *kind) {
  buf *o = &r->out;
  buf_puts(o, "<ul>\n");
  if (!strcmp(kind, "deeds"))
    buf_printf(o, "<li><a href=\"%h/hallinta/tekot\">%h</a></li>\n", r->prefix, T(r, "Kehittämisteot"));
  else if (!strcmp(kind, "costs"))
    buf_printf(o, "<li><a href=\"%h/hallinta/talous\">%h</a></li>\n", r->prefix, T(r, "Talous"));
  else
    buf_printf(
        o, "<li><a href=\"%h/hallinta/toteutukset\">%h</a></li>\n<li><a href=\"%h/hallinta/henkilot\">%h</a></li>\n",
        r->prefix, T(r, "Toteutukset ja osallistujat"), r->prefix, T(r, "Henkilöt"));
  buf_printf(o, "<li><a href=\"%h/hallinta/tuonti\">%h</a></li>\n</ul>\n", r->prefix, T(r, "Tuo toinen tiedosto"));
}

/* POST /hallinta/tuonti/ID/tuo: imports the file through the CLI's importer, in one transaction, then forgets it. */
static void page_confirm(web_req *r) {
  upload u;
  if (!own_upload_or_reply(r, &u)) return;
  /* the row is taken first, so that of two confirmations sent at once (a double click) only one imports */
  if (!upload_remove(r->db, u.id, r->user.id)) {
    not_found(r);
    return;
  }
  kerr e = {0};
  import_stats st;
  int rc = !strcmp(u.kind, "deeds") ? import_deeds_mem(r->db, u.content, u.len, u.filename, 0, &st, &e)
           : !strcmp(u.kind, "participants")
               ? import_participants_mem(r->db, u.content, u.len, u.filename, r->user.email, 0, &st, &e)
           : !strcmp(u.kind, "costs")
               ? import_costs_mem(r->db, u.content, u.len, u.filename, r->user.email, 0, &st, &e)
               : import_attendance_mem(r->db, u.content, u.len, u.filename, r->user.email, 0, &st, &e);
  kerr_clear(&e);
  if (rc != K_OK) { /* the data changed since the preview: the file is kept again, and what is wrong now shown */
    r->id = u.id = upload_add(r->db, r->user.id, u.kind, u.filename, u.content, u.len, &e);
    kerr_clear(&e);
    preview(r, &u);
    r->status = 409;
    return;
  }
  web_changed();
  buf *o = &r->out;
  page_begin(r, T(r, "Tuonti valmis"), "imports");
  buf_printf(o, "<h1>%h</h1>\n<div class=\"notice\" role=\"status\"><p>%h <strong>%h</strong>: %N %h",
             T(r, "Tuonti valmis"), T(r, "Tuotiin tiedostosta"), u.filename, (long long)st.imported, T(r, "riviä"));
  if (!strcmp(u.kind, "participants")) buf_printf(o, ", %h %N", T(r, "uusia henkilöitä"), (long long)st.linked);
  buf_puts(o, ".</p></div>\n");
  result_links(r, u.kind);
  page_end(r);
}

/* POST /hallinta/tuonti/ID/peru: forgets the file. */
static void page_cancel(web_req *r) {
  upload u;
  if (!own_upload_or_reply(r, &u)) return;
  upload_remove(r->db, u.id, r->user.id);
  web_changed();
  web_redirectf(r, "/hallinta/tuonti?peruttu=1");
}

const route imports_routes[] = {
    {"GET", "/hallinta/tuonti", page_imports, .flags = ROUTE_ANY_STAFF,
     .menu = {ROUTE_NAV_STAFF, 9, "imports", N_("Tuonti")}},
    {"POST", "/hallinta/tuonti", page_upload, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF | ROUTE_UPLOAD},
    {"GET", "/hallinta/tuonti/{id}", page_preview, .flags = ROUTE_ANY_STAFF},
    {"POST", "/hallinta/tuonti/{id}/tuo", page_confirm, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {"POST", "/hallinta/tuonti/{id}/peru", page_cancel, .flags = ROUTE_ANY_STAFF | ROUTE_CSRF},
    {0},
};
