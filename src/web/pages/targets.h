/* pages/targets: the routes of targets.c (adding, editing and deleting a target) and the list of every target with
 * its status, written on /hallinta/tavoitteet by stats.c. */
#ifndef KEHTO_PAGES_TARGETS_H
#define KEHTO_PAGES_TARGETS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route targets_routes[];
typedef struct report_data report_data;
/* Writes the list of every target (paginated) with its actual, status and rule, and the link to add one. */
void goals_list_write(web_req *r, const report_data *rd);

#endif
