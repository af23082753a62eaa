/* evaluation (page): the evaluation report /arviointi (a draft to staff and evaluators, everyone's once published)
 * and its editor /hallinta/arviointi (title and introduction, findings and recommendations, publishing). */
#ifndef KEHTO_PAGES_EVALUATION_H
#define KEHTO_PAGES_EVALUATION_H
#include "web/routes.h"

extern const route evaluation_routes[];

#endif
