/* pages/moderation: the routes of moderation.c: the staff moderation queue /hallinta/tekot and its actions. */
#ifndef KEHTO_PAGES_MODERATION_H
#define KEHTO_PAGES_MODERATION_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route moderation_routes[];

#endif
