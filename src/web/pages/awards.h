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
/* While a round takes suggestions: a link suggesting the deed for an award (/palkinnot/ehdota?teko=ID), else
 * nothing. */
void award_suggest_link_write(web_req *r, long long deed_id);

#endif
