/* pages/esf_form: the staff form of a person's ESF start and end record, routed in people.c's table. */
#ifndef KEHTO_PAGES_ESF_FORM_H
#define KEHTO_PAGES_ESF_FORM_H
#include "web/web.h"

/* GET /hallinta/henkilot/{id}/esr: the empty form (404 for an unknown or erased person). */
void page_staff_esf_form(web_req *r);
/* POST: stores the record (person_esf_record) and goes back to the person's page, or shows the form again with the
 * message beside the field (422; 403 on a stale token, nothing stored). */
void page_staff_esf_save(web_req *r);

#endif
