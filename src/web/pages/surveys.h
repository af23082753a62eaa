/* surveys (page): /hallinta/kyselyt, the surveys for staff and evaluators: the list and JSON import, a survey's page
 * (schedule, open link, published results, copy, delete, the definition as JSON), the web editor and the preview. */
#ifndef KEHTO_PAGES_SURVEYS_H
#define KEHTO_PAGES_SURVEYS_H
#include "web/routes.h"

extern const route surveys_routes[];

#endif
