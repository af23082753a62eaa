/* pages/survey_results: the routes of survey_results.c: a survey's results for staff and evaluators
 * (/hallinta/kyselyt/{id}/tulokset), published results for everyone (/kyselyt/{id}/tulokset), and their downloads. */
#ifndef KEHTO_PAGES_SURVEY_RESULTS_H
#define KEHTO_PAGES_SURVEY_RESULTS_H
#include "report/survey_results.h"
#include "web/routes.h"

/* The table of a series' paired change (pairs, means before and after, change, shares improved, same and worse,
 * Wilcoxon p) with caption, each item shown or hidden as p says; also on /arviointi. */
void survey_pairs_table(web_req *r, const sr_pairs *p, const char *caption);

/* Ends with an entry whose method is NULL. */
extern const route survey_results_routes[];

#endif
