/* site: the few programme facts every page frame shows (names, demo flag, funders, partners). */
#ifndef KEHTO_SITE_H
#define KEHTO_SITE_H
#include "db/db.h"

typedef struct site_info {
  char *name;       /* programme name, or "Kehto" before a programme exists */
  char *short_name;
  int demo;         /* 1 when the data is demo data */
  char *funders;    /* names joined with ", " ("" when none) */
  char *partners;
} site_info;

/* Fills s; every string is malloc'd (never NULL); free with site_info_free. */
void site_get(db *d, site_info *s);
void site_info_free(site_info *s);

#endif
