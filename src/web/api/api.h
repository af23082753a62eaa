/* api: the JSON API under /api/v1 (deeds, stats, OpenAPI description). */
#ifndef KEHTO_API_H
#define KEHTO_API_H
#include "web/web.h"

#include "web/routes.h"

/* The routes of api_deeds.c (/api/v1/deeds) and api.c (one deed, stats, the OpenAPI description); each ends with an
 * entry whose method is NULL. */
extern const route api_deeds_routes[];
extern const route api_routes[];
/* api_surveys.c: GET /api/v1/surveys/{id}/results (published surveys only, suppressed). */
extern const route api_surveys_routes[];
/* api_jury.c: GET /api/v1/jury/{id}/nominations (a juror's own nominations of a round, none hidden from them). */
extern const route api_jury_routes[];
/* api_awards.c: GET /api/v1/awards and /api/v1/awards/{year} (published award rounds only). */
extern const route api_awards_routes[];

#endif
