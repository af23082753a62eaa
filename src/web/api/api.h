/* api: the JSON API under /api/v1 (deeds, stats, OpenAPI description). */
#ifndef KEHTO_API_H
#define KEHTO_API_H
#include "web/web.h"

void api_deeds(web_req *r);
void api_deed(web_req *r);
void api_stats(web_req *r);
void api_openapi(web_req *r);

#endif
