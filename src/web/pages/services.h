/* services: handlers of the service pages: the public catalogue and coaches, and the staff pages for services,
 * coaches and deliveries. */
#ifndef KEHTO_PAGES_SERVICES_H
#define KEHTO_PAGES_SERVICES_H
#include "web/form.h"
#include "web/web.h"

/* Public (services.c). */
void page_services(web_req *r); /* GET /palvelut?type=&period=&page= */
void page_service(web_req *r);  /* GET /palvelut/# */
void page_coaches(web_req *r);  /* GET /valmentajat?theme=&region=&language=&page= */

/* Staff (services_admin.c). */
void page_staff_services(web_req *r);     /* GET /hallinta/palvelut?type=&period=&page= */
void page_staff_service_edit(web_req *r); /* GET /hallinta/palvelut/uusi and /hallinta/palvelut/# */
void page_staff_service_save(web_req *r); /* POST the same */
void page_staff_coaches(web_req *r);      /* GET /hallinta/valmentajat?page= */
void page_staff_coach_edit(web_req *r);   /* GET /hallinta/valmentajat/uusi and /hallinta/valmentajat/# */
void page_staff_coach_save(web_req *r);   /* POST the same */
/* The tabs shared by the staff service pages; active is "deliveries", "services" or "coaches". */
void services_admin_tabs(web_req *r, const char *active);

/* Shared by the service pages (services_admin.c). Choice lists built in the request arena: the service types (codes,
 * names in the request's language) and the funding periods (ids, "Name (2018–2020)"). */
form_opt *services_type_opts(web_req *r, int *n);
form_opt *services_period_opts(web_req *r, int *n);
/* The catalogue's filter form (type and period, "" for any) getting path ("/palvelut"). */
void services_filter_form(web_req *r, const char *path, const char *type, const char *period);
/* Closes a filter form: its submit button ("Näytä") and </form>. */
void services_filters_end(web_req *r);
/* Writes "N one|many" as a status line (one and many are translated msgids). */
void services_count_line(web_req *r, long long n, const char *one, const char *many);

/* Staff (deliveries_admin.c). */
void page_staff_deliveries(web_req *r);          /* GET /hallinta/toteutukset?type=&year=&page= */
void page_staff_delivery_new(web_req *r);        /* GET /hallinta/toteutukset/uusi */
void page_staff_delivery_create(web_req *r);     /* POST /hallinta/toteutukset/uusi */
void page_staff_delivery(web_req *r);            /* GET /hallinta/toteutukset/# (edit, organisations, sessions) */
void page_staff_delivery_update(web_req *r);     /* POST /hallinta/toteutukset/# */
void page_staff_delivery_org_add(web_req *r);    /* POST /hallinta/toteutukset/#/organisaatiot (org) */
void page_staff_delivery_org_remove(web_req *r); /* POST /hallinta/toteutukset/#/organisaatiot/poista (org) */
void page_staff_session_add(web_req *r);         /* POST /hallinta/toteutukset/#/tapaamiset (number, held_on, place) */
void page_staff_session_update(web_req *r);      /* POST /hallinta/toteutukset/#/tapaamiset/muokkaa (session, …) */
void page_staff_session_delete(web_req *r);      /* POST /hallinta/toteutukset/#/tapaamiset/poista (session) */

#endif
