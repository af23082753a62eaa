/* jury (page): the awards' jury under /raati: a juror's rounds and nominations with their progress, a nomination's
 * page with its deed and the score form, declaring a conflict, the chair's table with its decisions, and the round's
 * conflicts of interest. */
#ifndef KEHTO_PAGES_JURY_H
#define KEHTO_PAGES_JURY_H
#include "web/routes.h"

extern const route jury_routes[];

#endif
