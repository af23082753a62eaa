/* pages/thesaurus: the routes of /hallinta/sanasto, the staff's thesaurus page (the programme's own groups of words
 * that mean the same: list, filter, add, edit, delete; the built-in groups read-only). */
#ifndef KEHTO_PAGES_THESAURUS_H
#define KEHTO_PAGES_THESAURUS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route thesaurus_routes[];

#endif
