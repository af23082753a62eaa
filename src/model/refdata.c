/* refdata: loading and looking up municipalities and regions. */
#include "model/refdata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/embed.h"

static int load_csv(db *d, const char *path, const char *sql, int nfields, kerr *e) {
  const struct embed_file *f = embed_get(path);
  if (!f) return kerr_set(e, NULL, "reference data %r is missing from the binary", path);
  csv *c = csv_open_mem((const char *)f->data, f->len, path, e);
  if (!c) return K_ERR;
  int rc = K_OK, r;
  csv_next(c, e); /* header */
  while ((r = csv_next(c, e)) == 1) {
    if (csv_nfields(c) != nfields) {
      rc = kerr_set(e, NULL, "%r, row %ld: expected %d fields", path, csv_row(c), nfields);
      break;
    }
    db_stmt *st = db_prepare(d, sql);
    for (int i = 0; i < nfields; i++) db_bind_at_text(st, i + 1, csv_field(c, i));
    int ok = db_step(st);
    db_done(st);
    if (ok < 0) {
      rc = kerr_set(e, NULL, "%r, row %ld: %r", path, csv_row(c), db_errmsg(d));
      break;
    }
  }
  if (r < 0) rc = K_ERR;
  csv_close(c);
  return rc;
}

int refdata_load(db *d, kerr *e) {
  if (db_begin(d) != DB_OK) return kerr_set(e, NULL, "cannot start a transaction: %r", db_errmsg(d));
  int rc = load_csv(d, "data/regions.csv",
                    "INSERT INTO region(code,number,name_fi,name_sv) VALUES(?1,?2,?3,?4) ON CONFLICT(code) DO UPDATE"
                    " SET number=excluded.number, name_fi=excluded.name_fi, name_sv=excluded.name_sv",
                    4, e);
  if (rc == K_OK)
    rc = load_csv(d, "data/municipalities.csv",
                  "INSERT INTO municipality(code,name_fi,name_sv,region_code,lang_ratio) VALUES(?1,?2,?3,?4,?5)"
                  " ON CONFLICT(code) DO UPDATE SET name_fi=excluded.name_fi, name_sv=excluded.name_sv,"
                  " region_code=excluded.region_code, lang_ratio=excluded.lang_ratio",
                  5, e);
  if (rc == K_OK && db_commit(d) == DB_OK) return K_OK;
  db_rollback(d);
  if (!e->msg) kerr_set(e, NULL, "cannot load reference data: %r", db_errmsg(d));
  return K_ERR;
}

char *refdata_municipality_code(db *d, const char *s) {
  if (!s || !*s) return NULL;
  long long n;
  if (util_parse_int(s, 1, 999, &n) == K_OK) {
    char code[8];
    snprintf(code, sizeof code, "%03lld", n);
    return db_text(d, "SELECT code FROM municipality WHERE code=?1", "t", code);
  }
  return db_text(d, "SELECT code FROM municipality WHERE name_fi=?1 COLLATE NOCASE OR name_sv=?1 COLLATE NOCASE", "t",
                 s);
}

static code_name *list(db_stmt *st, arena *a, int *n) {
  int cap = 32;
  code_name *v = arena_alloc(a, sizeof *v * (size_t)cap);
  *n = 0;
  while (db_step(st) == 1) {
    v = arena_grow(a, v, *n, &cap, sizeof *v);
    v[*n].code = arena_strdup(a, db_col_text(st, 0));
    v[*n].name = arena_strdup(a, db_col_text(st, 1));
    (*n)++;
  }
  db_done(st);
  return v;
}

code_name *refdata_sectors(db *d, arena *a, const char *lang, int *n) {
  return list(db_query(d,
                       "SELECT code, CASE ?1 WHEN 'sv' THEN name_sv WHEN 'en' THEN name_en ELSE name_fi END"
                       " FROM sector ORDER BY position",
                       "t", lang),
              a, n);
}

code_name *refdata_municipalities(db *d, arena *a, const char *lang, int *n) {
  return list(db_query(d,
                       "SELECT code, nm FROM (SELECT code, CASE ?1 WHEN 'sv' THEN name_sv ELSE name_fi END AS nm"
                       " FROM municipality) AS m ORDER BY nm COLLATE NOCASE",
                       "t", lang),
              a, n);
}

code_name *refdata_regions(db *d, arena *a, const char *lang, int *n) {
  return list(db_query(d, "SELECT code, CASE ?1 WHEN 'sv' THEN name_sv ELSE name_fi END FROM region ORDER BY number",
                       "t", lang),
              a, n);
}
