/* media (page): the files Kehto serves from the database, /tiedostot/{id}/{name}: news images, publications' PDFs,
 * videos. */
#ifndef KEHTO_PAGES_MEDIA_H
#define KEHTO_PAGES_MEDIA_H
#include "web/routes.h"
#include "web/web.h"

extern const route media_routes[];

/* The address of media id named filename: "/tiedostot/ID/NAME" (no language prefix: a file is the same in every
 * language), written into out. */
void media_href(buf *out, long long id, const char *filename);

#endif
