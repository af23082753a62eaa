/* pages/survey_results: the routes of survey_results.c: a survey's results for staff and evaluators
 * (/hallinta/kyselyt/{id}/tulokset), published results for everyone (/kyselyt/{id}/tulokset), and their downloads. */
#ifndef KEHTO_PAGES_SURVEY_RESULTS_H
#define KEHTO_PAGES_SURVEY_RESULTS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route survey_results_routes[];

#endif
