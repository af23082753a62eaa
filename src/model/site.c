/* site: programme facts for the page frame, read in one query. */
#include "model/site.h"

#include <stdlib.h>

void site_get(db *d, site_info *s) {
  if (!d) { /* the database could not be opened: the error page still needs a frame */
    *s = (site_info){util_strdup("Kehto"), util_strdup("Kehto"), 0, util_strdup(""), util_strdup("")};
    return;
  }
  sqlite3_stmt *st = db_query(
      d,
      "SELECT (SELECT name FROM programme), (SELECT short_name FROM programme), (SELECT demo FROM programme),"
      " (SELECT group_concat(name, ', ') FROM (SELECT name FROM partner WHERE kind='funder' ORDER BY position, id)),"
      " (SELECT group_concat(name, ', ') FROM (SELECT name FROM partner WHERE kind='partner' ORDER BY position, id))",
      "");
  int row = db_step(st) == 1;
  s->name = util_strdup(row && !db_col_null(st, 0) ? db_col_text(st, 0) : "Kehto");
  s->short_name = util_strdup(row && !db_col_null(st, 1) ? db_col_text(st, 1) : "Kehto");
  s->demo = row ? (int)db_col_int(st, 2) : 0;
  s->funders = util_strdup(row ? db_col_text(st, 3) : "");
  s->partners = util_strdup(row ? db_col_text(st, 4) : "");
  db_done(st);
}

void site_info_free(site_info *s) {
  free(s->name);
  free(s->short_name);
  free(s->funders);
  free(s->partners);
}
