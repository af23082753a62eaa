/* sitemap (page): /sitemap.xml (sitemaps.org 0.9: every public page and item, absolute addresses) and /robots.txt. */
#ifndef KEHTO_PAGES_SITEMAP_H
#define KEHTO_PAGES_SITEMAP_H
#include "web/routes.h"

extern const route sitemap_routes[];

#endif
