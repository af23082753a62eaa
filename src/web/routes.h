/* routes: the route table (method, pattern, handler, flags) and the dispatcher. */
#ifndef KEHTO_ROUTES_H
#define KEHTO_ROUTES_H
#include "web/web.h"

/* Finds the route for r->method and r->path and runs it; answers 404 or 405 when none fits. */
void routes_dispatch(web_req *r);

#endif
