/* demo_budget: internal to the demo builder: the budget of the two funding periods and a ledger of a few thousand cost
 * lines (#16). */
#ifndef KEHTO_DEMO_BUDGET_H
#define KEHTO_DEMO_BUDGET_H
#include <stdint.h>

#include "db/db.h"

/* Writes each funding period's plan (about 3 M€ in all; flat rate 17 %, travel outside it), its funding shares and its
 * ledger: monthly staff costs per staff member, a coaching invoice per sparraus delivery of the demo, travel and other
 * costs, deterministically from seed. Needs the periods and deliveries; runs inside the demo's transaction. Returns the
 * number of cost lines written, or -1 with e set. */
int demo_budget(db *d, uint64_t seed, kerr *e);

#endif
