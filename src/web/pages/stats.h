/* pages/stats: the routes of stats.c: the statistics page /tilastot, its exports, and the staff targets
 * /hallinta/tavoitteet. */
#ifndef KEHTO_PAGES_STATS_H
#define KEHTO_PAGES_STATS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route stats_routes[];

#endif
