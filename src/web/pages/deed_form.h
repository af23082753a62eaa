/* deed_form: the deed form shared by the public "post a deed" page and the staff edit page. */
#ifndef KEHTO_DEED_FORM_H
#define KEHTO_DEED_FORM_H
#include "model/deed.h"
#include "web/web.h"

/* Builds a deed from the posted form, in the request arena. Unparsable year becomes 0. */
deed *deed_form_read(web_req *r);
/* Writes the form: action is the path it posts to; staff forms also show ref. err may be NULL. */
void deed_form_write(web_req *r, const deed *x, const kerr *err, const char *action, int staff);
/* Label of a participant group code (johto, esihenkilot, henkilosto, asiakkaat) in the request's language. */
const char *deed_participant_label(web_req *r, const char *code);

#endif
