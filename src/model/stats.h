/* stats: key figures of the programme for the front page and /api/v1/stats. */
#ifndef KEHTO_STATS_H
#define KEHTO_STATS_H
#include "db/db.h"
#include "model/refdata.h"

typedef struct stats_key {
  long long organisations; /* organisations in the registry */
  long long deeds_published;
  long long deeds_submitted; /* waiting for moderation */
  long long municipalities;  /* municipalities with at least one published deed */
  long long regions;         /* regions with at least one published deed */
  code_name *by_sector;      /* code, name (in lang) */
  long long *by_sector_n;    /* published deeds per sector, same order */
  int nsectors;
  int first_year, last_year; /* of published deeds; 0 when none */
} stats_key;

/* Fills s; its arrays are in arena a. */
void stats_key_get(db *d, arena *a, const char *lang, stats_key *s);

#endif
