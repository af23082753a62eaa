/* budget (page): /hallinta/talous, staff's view of the money: plan against actual per period and category with the
 * flat rate, spend over time, the forecast, funding shares, the plan's form, the ledger and its downloads. */
#ifndef KEHTO_PAGES_BUDGET_H
#define KEHTO_PAGES_BUDGET_H
#include "web/routes.h"

extern const route budget_routes[];

#endif
