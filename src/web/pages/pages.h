/* pages: handlers of the HTML pages, one file per page or group of pages. */
#ifndef KEHTO_PAGES_H
#define KEHTO_PAGES_H
#include "model/deed.h"
#include "search/search.h"
#include "web/web.h"

void page_home(web_req *r);
void page_login_form(web_req *r);
void page_login(web_req *r);
void page_logout(web_req *r);
void page_deed(web_req *r);
/* The moderation controls for one deed (publish unless published, reject unless rejected, edit), each named with
 * the deed's title for screen readers; used by the queue and by the staff panel of the deed page. */
void moderation_actions(web_req *r, const deed *x);
void page_deeds(web_req *r);
void page_feed(web_req *r);
/* Reads /tekot filters from the query string (q, sector, region, year, theme, sivu) into f. */
void deed_list_filter(web_req *r, deed_filter *f, int page_size);
/* Writes a list of deed hits with links, meta line and snippet; heading_tag is "h2" or "h3". */
void deed_hits_write(web_req *r, const deed_hit *h, int n, const char *heading_tag);
/* Writes the deed search box (GET /tekot) with q prefilled. */
void search_form_write(web_req *r, const char *q);
void page_deed_new(web_req *r);
void page_deed_create(web_req *r);
void page_deed_thanks(web_req *r);
void page_programme_admin(web_req *r);
void page_programme_save(web_req *r);
void page_period_edit(web_req *r);
void page_period_save(web_req *r);
void page_period_delete(web_req *r);
void page_partner_edit(web_req *r);
void page_partner_save(web_req *r);
void page_partner_delete(web_req *r);

/* Staff pages (moderation.c). */
void page_staff_deeds(web_req *r);            /* GET /hallinta/tekot?status=&page= */
void page_staff_deed_publish(web_req *r);     /* POST /hallinta/tekot/#/julkaise */
void page_staff_deed_reject_form(web_req *r); /* GET /hallinta/tekot/#/hylkaa */
void page_staff_deed_reject(web_req *r);      /* POST /hallinta/tekot/#/hylkaa (reason required) */
void page_staff_deed_edit(web_req *r);        /* GET /hallinta/tekot/#/muokkaa */
void page_staff_deed_update(web_req *r);      /* POST /hallinta/tekot/#/muokkaa */
/* Organisation registry (orgs.c). */
void page_staff_orgs(web_req *r);       /* GET /hallinta/organisaatiot?q=&type=&page= */
void page_staff_org_new(web_req *r);    /* GET /hallinta/organisaatiot/uusi */
void page_staff_org_create(web_req *r); /* POST /hallinta/organisaatiot/uusi */
void page_staff_org_edit(web_req *r);   /* GET /hallinta/organisaatiot/#/muokkaa */
void page_staff_org_update(web_req *r); /* POST /hallinta/organisaatiot/#/muokkaa */
/* Applications (applications.c): contacts and staff (the route table says so); other organisations' applications
 * get 403 here. */
void page_apps(web_req *r);        /* GET /hakemukset?status=&page= */
void page_app_new(web_req *r);     /* GET /hakemukset/uusi?service= */
void page_app_create(web_req *r);  /* POST /hakemukset/uusi */
void page_app(web_req *r);         /* GET /hakemukset/# */
void page_app_approve(web_req *r); /* POST /hakemukset/#/hyvaksy (staff) */
void page_app_reject(web_req *r);  /* POST /hakemukset/#/hylkaa (staff, reason required) */
void page_app_cancel(web_req *r);  /* POST /hakemukset/#/peru (the applicant, while submitted) */
/* People (people.c): personal data, every view audited. */
void page_staff_people(web_req *r);          /* GET /hallinta/henkilot?q=&page= */
void page_staff_person(web_req *r);          /* GET /hallinta/henkilot/# */
void page_staff_delivery_people(web_req *r); /* GET /hallinta/toteutukset/#/osallistujat */
void page_org_people(web_req *r);            /* GET /organisaatiot/#/henkilot: staff, or the org's own contact */
void page_staff_audit(web_req *r);           /* GET /hallinta/loki?page=: the audit log, newest first */
/* Statistics (stats.c): /tilastot, its exports /tilastot/NAME.csv|.xlsx, staff targets /hallinta/tavoitteet. */
void page_stats(web_req *r);
void page_stats_export(web_req *r);
void page_targets(web_req *r);
void page_targets_save(web_req *r);

#endif
