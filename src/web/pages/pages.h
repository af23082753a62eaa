/* pages: handlers of the HTML pages, one file per page or group of pages. */
#ifndef KEHTO_PAGES_H
#define KEHTO_PAGES_H
#include "web/web.h"

void page_home(web_req *r);
void page_login_form(web_req *r);
void page_login(web_req *r);
void page_logout(web_req *r);
void page_deed(web_req *r);
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

#endif
