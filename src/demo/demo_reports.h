/* demo_reports: internal to the demo builder: the texts of the annual and final reports (see demo_reports.c). */
#ifndef KEHTO_DEMO_REPORTS_H
#define KEHTO_DEMO_REPORTS_H
#include "db/db.h"

/* Stores the annual report's text for every year (fi, sv), 2020's own Finnish text and the final report's (fi, sv),
 * inside the demo's transaction (unchecked: tests/e2e/test_reports.sh makes every report from them). Returns the number of texts
 * (K_ERR, with e set, on failure). */
int demo_reports(db *d, kerr *e);

#endif
