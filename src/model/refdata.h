/* refdata: municipalities and regions (Statistics Finland codes, fi/sv names), loaded from the embedded CSV. */
#ifndef KEHTO_REFDATA_H
#define KEHTO_REFDATA_H
#include "db/db.h"

/* Loads data/regions.csv and data/municipalities.csv into the database (insert or replace) in one transaction.
 * Returns K_OK, or K_ERR with e set. */
int refdata_load(db *d, kerr *e);

/* Finds a municipality by code ("091" or "91") or by Finnish or Swedish name (case-insensitive).
 * Returns a malloc'd three-digit code, or NULL when there is no such municipality. */
char *refdata_municipality_code(db *d, const char *name_or_code);

#ifndef KEHTO_CODE_NAME
#define KEHTO_CODE_NAME
/* A code and its display name, for choice lists. */
typedef struct code_name {
  char *code, *name;
} code_name;
#endif

/* Lists for choices, in display order, names in lang ("fi", "sv", "en"; municipalities and regions have fi/sv).
 * Return an array of *n items in arena a. */
code_name *refdata_sectors(db *d, arena *a, const char *lang, int *n);
code_name *refdata_municipalities(db *d, arena *a, const char *lang, int *n);
code_name *refdata_regions(db *d, arena *a, const char *lang, int *n);

#endif
