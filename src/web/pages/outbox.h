/* outbox (page): the staff view of the outbox, /hallinta/viestit: every message with its status, one message's page,
 * and retrying a failed one. */
#ifndef KEHTO_PAGES_OUTBOX_H
#define KEHTO_PAGES_OUTBOX_H
#include "web/routes.h"

extern const route outbox_routes[];

#endif
