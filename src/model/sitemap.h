/* sitemap: the published items that /sitemap.xml lists, as (id or slug, last change) pairs. The models of deeds,
 * services and site pages give their own (deed_sitemap, service_sitemap, sitepage_sitemap); news, publications,
 * videos and events are read here, from their tables' publishing columns. */
#ifndef KEHTO_SITEMAP_H
#define KEHTO_SITEMAP_H
#include "core/arena.h"
#include "db/db.h"

/* One public item. Strings in the reader's arena. */
typedef struct sitemap_item {
  long long id;        /* its id (0 for a slug) */
  const char *slug;    /* a site page's slug, else NULL */
  const char *lastmod; /* its last change, UTC "YYYY-MM-DDTHH:MM:SSZ", or NULL when not known */
} sitemap_item;

/* Published news (publish_at at or before now: not drafts, not scheduled ones), by id. Sets *n; array in a. */
sitemap_item *sitemap_news(db *d, arena *a, int *n);
/* Published publications, videos and events (published_at set), by id. Sets *n; array in a. */
sitemap_item *sitemap_publications(db *d, arena *a, int *n);
sitemap_item *sitemap_videos(db *d, arena *a, int *n);
sitemap_item *sitemap_events(db *d, arena *a, int *n);
/* Reads (id, lastmod) rows of a query whose first column is an id and second a time or NULL. Sets *n; array in a. */
sitemap_item *sitemap_read(db_stmt *st, arena *a, int *n);

#endif
