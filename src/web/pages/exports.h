/* pages/exports: the routes of exports.c: the staff lists as downloads (deeds, a delivery's participants with
 * attendance, applications) in Excel CSV, comma CSV and XLSX. */
#ifndef KEHTO_PAGES_EXPORTS_H
#define KEHTO_PAGES_EXPORTS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route exports_routes[];

#endif
