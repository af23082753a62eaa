/* sitemap: the published news, publications, videos and events for /sitemap.xml (their tables' publishing columns;
 * the models that own them give the pages, these give only what is public and when it last changed). */
#include "model/sitemap.h"

#include <string.h>

sitemap_item *sitemap_read(db_stmt *st, arena *a, int *n) {
  sitemap_item *v = NULL;
  int cap = 0;
  *n = 0;
  while (db_step(st) == 1) {
    if (*n == cap) {
      cap = cap ? cap * 2 : 64;
      sitemap_item *grown = arena_alloc(a, sizeof *grown * (size_t)cap);
      if (*n) memcpy(grown, v, sizeof *grown * (size_t)*n);
      v = grown;
    }
    v[*n] = (sitemap_item){db_col_int(st, 0), NULL, db_col_null(st, 1) ? NULL : db_col_adup(st, 1, a)};
    (*n)++;
  }
  db_done(st);
  return v;
}

sitemap_item *sitemap_news(db *d, arena *a, int *n) {
  return sitemap_read(db_query(d,
                               "SELECT id, updated_at FROM news WHERE publish_at IS NOT NULL AND publish_at <= ?1"
                               " ORDER BY id",
                               "t", db_now().s),
                      a, n);
}

sitemap_item *sitemap_publications(db *d, arena *a, int *n) {
  return sitemap_read(
      db_query(d, "SELECT id, updated_at FROM publication WHERE published_at IS NOT NULL ORDER BY id", ""), a, n);
}

sitemap_item *sitemap_videos(db *d, arena *a, int *n) {
  return sitemap_read(db_query(d, "SELECT id, updated_at FROM video WHERE published_at IS NOT NULL ORDER BY id", ""), a,
                      n);
}

sitemap_item *sitemap_events(db *d, arena *a, int *n) {
  return sitemap_read(db_query(d, "SELECT id, updated_at FROM event WHERE published_at IS NOT NULL ORDER BY id", ""), a,
                      n);
}
