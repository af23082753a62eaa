/* sitepages (page): the accessibility statement and the privacy notice (public, three languages), their staff
 * editor /hallinta/sivut, and the theme names' translations /hallinta/teemat. */
#ifndef KEHTO_PAGES_SITEPAGES_H
#define KEHTO_PAGES_SITEPAGES_H
#include "web/routes.h"

extern const route sitepages_routes[];

#endif
