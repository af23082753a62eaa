/* pages/awards: the routes of awards.c: the published award rounds /palkinnot and one year's results
 * /palkinnot/{year}; the award box on a deed's page. */
#ifndef KEHTO_PAGES_AWARDS_H
#define KEHTO_PAGES_AWARDS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route awards_routes[];

/* Writes the deed's awards and honourable mentions in published rounds (kind, year, category, citation, a link to
 * the year's page), or nothing when it has none. */
void award_box_write(web_req *r, long long deed_id);
/* Writes a link to suggest the deed for the round taking suggestions now (/palkinnot/ehdota?teko=ID), if any. */
void award_suggest_link(web_req *r, long long deed_id);

#endif
