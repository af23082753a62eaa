/* awards_admin (page): staff's award rounds /hallinta/palkinnot (a round's settings, categories, weighted criteria,
 * jurors, nominations, the public's suggestions to accept or decline, publishing) and the public suggestion form
 * /palkinnot/ehdota. */
#ifndef KEHTO_PAGES_AWARDS_ADMIN_H
#define KEHTO_PAGES_AWARDS_ADMIN_H
#include "web/routes.h"

extern const route awards_admin_routes[];

#endif
