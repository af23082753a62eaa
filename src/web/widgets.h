/* widgets: page pieces shared by several pages (cgit's ui-shared): each writes HTML into r->out, escaped. */
#ifndef KEHTO_WIDGETS_H
#define KEHTO_WIDGETS_H
#include "model/application.h"
#include "model/deed.h"
#include "report/export.h"
#include "model/themelist.h"
#include "model/tr.h"
#include "search/search.h"
#include "web/form.h"
#include "web/web.h"

/* Deeds (home, /tekot). */
/* Writes a list of deed hits with links, meta line and snippet; heading_tag is "h2" or "h3". */
/* A <select> of rows chosen by id (services, organisations, coaches), value the chosen id as text ("" for none). */
void choice_select(form_ctx *f, const char *name, const char *label, const char *value, const app_choice *v, int n,
                   int required, const char *empty);

void deed_hits_write(web_req *r, const deed_hit *h, int n, const char *heading_tag);
/* Writes the deed search box (GET /tekot) with q prefilled, and the suggestions' list that assets/suggest.js fills
 * from /tekot/ehdotukset (in the page's language). */
void search_form_write(web_req *r, const char *q);
#define SEARCH_BOX_SUGGESTIONS 8 /* at most this many under the box */
/* Answers GET …?q=TEXT with the search box's suggestions (search_suggest in language lang: "fi", "sv" or "en") as
 * a JSON array of at most SEARCH_BOX_SUGGESTIONS strings, cached privately for a minute. No q, a last word of one
 * letter or a q over 200 bytes gives []; a database failure answers 500 with a JSON error (logged). */
void search_suggest_answer(web_req *r, const char *lang);
/* The moderation controls for one deed (publish unless published, reject unless rejected, edit), each named with
 * the deed's title for screen readers; used by the queue and by the staff panel of the deed page. */
void moderation_actions(web_req *r, const deed *x);

/* Services (the catalogue, the staff service and delivery pages). */
/* The tabs shared by the staff service pages; active is "deliveries", "services" or "coaches". */
void services_admin_tabs(web_req *r, const char *active);
/* Choice lists built in the request arena: the service types (codes, names in the request's language) and the
 * funding periods (ids, "Name (2018–2020)"). */
form_opt *services_type_opts(web_req *r, int *n);
form_opt *services_period_opts(web_req *r, int *n);
/* The catalogue's filter form (type and period, "" for any) getting path ("/palvelut"). */
void services_filter_form(web_req *r, const char *path, const char *type, const char *period);
/* Closes a filter form: its submit button ("Näytä") and </form>. */
void services_filters_end(web_req *r);
/* Writes "N one|many" as a status line (one and many are translated msgids). */
void services_count_line(web_req *r, long long n, const char *one, const char *many);

/* Downloads (statistics and the staff lists). */
/* Writes "Lataa <what>: Excel (CSV) · CSV (pilkku) · XLSX" linking to path + ".csv" / ".xlsx" with query ("" or
 * "?kausi=2", trusted) and, for the comma CSV, format=csv-comma; what names the download for screen readers. */
void export_links_write(web_req *r, const char *path, const char *query, const char *what);
/* The format of a download asked for as NAME.csv[?format=csv-comma] or NAME.xlsx (file: the last path segment), with
 * NAME copied into name (n bytes); -1 for anything else (the caller answers 404). */
int export_request_format(web_req *r, const char *file, char *name, size_t n);
/* Sends a download made into r->out (rc K_OK) with its content type and the file name
 * "BASE-YYYY-MM-DD[-comma].csv|xlsx" (base: trusted ASCII); when rc is K_ERR it logs e and answers 500 instead. */
void export_send(web_req *r, int f, const char *base, int rc, const kerr *e);
/* Texts in three languages (programme texts, services, themes, site pages). */
/* " lang=\"fi\"" when t is the Finnish standing in for a missing translation, else "": put it on the element that
 * holds the text, so screen readers read it with a Finnish voice (WCAG 3.1.2). */
const char *tr_lang(const tr *t);
/* Writes <tag class="cls" lang="fi">text</tag> (class left out when cls is NULL; lang only for a stand-in), escaped. */
void tr_write(web_req *r, const char *tag, const char *cls, const tr *t);
/* Writes Markdown as HTML through cmark in safe mode (raw HTML and javascript: links are dropped). */
void markdown_write(web_req *r, const char *markdown);
/* The help box of a text with {{…}} figures (the evaluation report's, the narrative reports'): the language, and
 * every stats figure with its value as the public reads it now, the surveys' ids. */
void placeholder_help(web_req *r);
/* Every theme with its label in the request's language, read once for a page that shows theme lists. */
typedef struct theme_labels {
  theme_row *rows;
  int n;
} theme_labels;
theme_labels theme_labels_get(web_req *r);
/* Writes a comma list of Finnish theme names as <ul class="tags">, each in the request's language (lang="fi" on a
 * stand-in); link 1 makes each a link to the deeds of that theme. Nothing for an empty list. */
void theme_tags(web_req *r, const theme_labels *tl, const char *themes, int link);
/* A text staff write in three languages: the Finnish field is `name`, the others name_sv and name_en; values[] are
 * the current fi, sv and en texts; rows 0 makes it a one-line input, else a textarea of that many rows; required
 * applies to the Finnish one; hint (or NULL) is shown under the Finnish label. */
typedef struct tr_field {
  const char *name, *label;
  const char *values[3];
  int rows, required;
  const char *hint;
} tr_field;
/* Writes the fields as three fieldsets side by side (stacked on a narrow screen), "Suomeksi", "Ruotsiksi",
 * "Englanniksi", each input labelled "Nimi (ruotsiksi)" and so on and marked lang="fi|sv|en". */
void tr_fieldsets(form_ctx *f, const tr_field *fields, int n);
/* Destructive actions. */
/* What a confirmation page says and where its form goes. */
typedef struct confirm_spec {
  const char *title;  /* the heading: "Poistetaanko tapaaminen?" */
  const char *what;   /* what will go: "Poistetaan tapaaminen 3 (12.3.2026) ja sen 14 läsnäolomerkintää." */
  const char *action; /* the path the form posts to (the language prefix is added) */
  const char *field;  /* the name of the id posted with it ("session"), or NULL */
  long long id;       /* its value */
  const char *button; /* the danger button's label */
  const char *back;   /* the cancel link's path */
  const char *active; /* the navigation item */
} confirm_spec;
/* Writes a whole confirmation page for a destructive action: the heading, what will go, a form with the id,
 * confirm=1 and the CSRF token, and a cancel link. Works without JavaScript. */
void confirm_page(web_req *r, const confirm_spec *c);
/* 1 when a destructive POST carries confirm=1 (only the confirmation page sends it): a POST without it shows the
 * confirmation page instead of deleting. */
int confirm_posted(web_req *r);
/* The deleting half of a confirmation page for item r->id: when r is a POST that confirm_posted, deletes the item
 * with del (a model's delete, saying K_OK or K_ERR with a message) as r->user.email, then redirects to done (a path
 * without the language prefix, which is added) or answers 409 with the model's message. Returns 1 when it answered,
 * 0 when the caller shows its confirmation page. */
int confirmed_delete(web_req *r, int (*del)(db *d, long long id, const char *by, kerr *e), const char *done);

/* People on delivery pages. */
#define WIDGETS_MAX_CHOICES 5000 /* organisations offered in a select */
/* The organisations of the registry by name (ids as values), in the request arena. */
form_opt *org_opts(web_req *r, int *n);
/* The four participation roles (codes as values, labels translated), PERSON_NROLES of them, in the request arena. */
form_opt *role_opts(web_req *r);
/* Writes the audit row for a view of personal data and keeps the page out of every cache; when the row cannot be
 * written the data is not shown (500 sent) and 0 is returned. */
int audited_or_reply(web_req *r, const char *subject, const char *detail);

/* The label of an award nomination's result ("award", "mention", NULL undecided) in r's language. */
const char *award_result_label(web_req *r, const char *result);

#endif
