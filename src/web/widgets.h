/* widgets: page pieces shared by several pages (cgit's ui-shared): each writes HTML into r->out, escaped. */
#ifndef KEHTO_WIDGETS_H
#define KEHTO_WIDGETS_H
#include "model/application.h"
#include "model/deed.h"
#include "search/search.h"
#include "web/form.h"
#include "web/web.h"

/* Deeds (home, /tekot). */
/* Writes a list of deed hits with links, meta line and snippet; heading_tag is "h2" or "h3". */
/* A <select> of rows chosen by id (services, organisations, coaches), value the chosen id as text ("" for none). */
void choice_select(form_ctx *f, const char *name, const char *label, const char *value, const app_choice *v, int n,
                   int required, const char *empty);

void deed_hits_write(web_req *r, const deed_hit *h, int n, const char *heading_tag);
/* Writes the deed search box (GET /tekot) with q prefilled. */
void search_form_write(web_req *r, const char *q);
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

/* People on delivery pages. */
#define WIDGETS_MAX_CHOICES 5000 /* organisations offered in a select */
/* The organisations of the registry by name (ids as values), in the request arena. */
form_opt *org_opts(web_req *r, int *n);
/* The four participation roles (codes as values, labels translated), PERSON_NROLES of them, in the request arena. */
form_opt *role_opts(web_req *r);
/* Writes the audit row for a view of personal data and keeps the page out of every cache; when the row cannot be
 * written the data is not shown (500 sent) and 0 is returned. */
int audited_or_reply(web_req *r, const char *subject, const char *detail);

#endif
