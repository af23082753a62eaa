/* stats: counting organisations and published deeds. */
#include "model/stats.h"

#include <stdlib.h>
#include <string.h>

void stats_key_get(db *d, arena *a, const char *lang, stats_key *s) {
  memset(s, 0, sizeof *s);
  db_stmt *st = db_query(
      d,
      "SELECT (SELECT count(*) FROM org),"
      " (SELECT count(*) FROM deed WHERE status='published'), (SELECT count(*) FROM deed WHERE status='submitted'),"
      " (SELECT count(DISTINCT municipality_code) FROM deed WHERE status='published'),"
      " (SELECT count(DISTINCT m.region_code) FROM deed d JOIN municipality m ON m.code=d.municipality_code"
      "   WHERE d.status='published'),"
      " (SELECT min(year) FROM deed WHERE status='published'), (SELECT max(year) FROM deed WHERE status='published')",
      "");
  if (db_step(st) == 1) {
    s->organisations = db_col_int(st, 0);
    s->deeds_published = db_col_int(st, 1);
    s->deeds_submitted = db_col_int(st, 2);
    s->municipalities = db_col_int(st, 3);
    s->regions = db_col_int(st, 4);
    s->first_year = (int)db_col_int(st, 5);
    s->last_year = (int)db_col_int(st, 6);
  }
  db_done(st);
  s->by_sector = refdata_sectors(d, a, lang, &s->nsectors);
  s->by_sector_n = arena_alloc(a, (size_t)(s->nsectors ? s->nsectors : 1) * sizeof *s->by_sector_n);
  memset(s->by_sector_n, 0, (size_t)(s->nsectors ? s->nsectors : 1) * sizeof *s->by_sector_n);
  st = db_query(d, "SELECT sector_code, count(*) FROM deed WHERE status='published' GROUP BY sector_code", "");
  while (db_step(st) == 1)
    for (int i = 0; i < s->nsectors; i++)
      if (strcmp(s->by_sector[i].code, db_col_text(st, 0)) == 0) s->by_sector_n[i] = db_col_int(st, 1);
  db_done(st);
}
