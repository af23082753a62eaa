/* reports (page): the narrative reports to the funder for staff, /hallinta/raportit: texts, editor, HTML, PDF. */
#ifndef KEHTO_PAGES_REPORTS_H
#define KEHTO_PAGES_REPORTS_H
#include "web/routes.h"

extern const route reports_routes[];

#endif
