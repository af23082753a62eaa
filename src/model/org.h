/* org: the organisation registry (municipalities, joint authorities, municipal companies, wellbeing services
 * counties, others) with Y-tunnus validation. */
#ifndef KEHTO_ORG_H
#define KEHTO_ORG_H
#include "db/db.h"

/* An organisation as entered or read (read: strings in the arena passed to org_get/org_list). */
typedef struct org {
  long long id;
  char *name;
  char *type;              /* kunta, kuntayhtyma, yhtio, hyvinvointialue, muu */
  char *municipality_code; /* or NULL */
  char *municipality_name; /* filled when read */
  char *region_name;       /* filled when read */
  char *ytunnus;           /* or NULL */
  char *contact_name, *contact_email;
  long long deed_count; /* filled by org_list */
} org;

/* What the registry list shows: q matches part of the name or the Y-tunnus (case-insensitive for ASCII
 * letters; "%" and "_" are plain characters); type is one of the org types. NULL or "" means any. */
typedef struct org_filter {
  const char *q;
  const char *type;
} org_filter;

/* How many organisations match f. */
long long org_count(db *d, const org_filter *f);
/* Matching organisations by name, rows offset..offset+limit-1, with municipality, region and deed count.
 * Returns an array of *n orgs in arena a (never NULL). */
org *org_list(db *d, arena *a, const org_filter *f, int limit, int offset, int *n);

/* Returns 1 when s is a Finnish business id "1234567-8" whose check digit is right (weights 7 9 10 5 8 4 2,
 * mod 11; remainder 1 is never issued). */
int org_ytunnus_valid(const char *s);

/* Returns 1 when type is one of the known organisation types. */
int org_type_valid(const char *type);
/* The i-th organisation type code in display order (0-based), or NULL past the last. Static string. */
const char *org_type_code(int i);
/* Finnish label of an organisation type, or the type itself when unknown. Static string. */
const char *org_type_label(const char *type);

/* Validates name, type, municipality, Y-tunnus and contact email. Returns K_OK or K_ERR with e->field set. */
int org_validate(db *d, const org *o, kerr *e);
/* Inserts; returns the id or 0 with e set (e.g. Y-tunnus already registered). */
long long org_insert(db *d, const org *o, kerr *e);
/* Updates o->id; returns K_OK or K_ERR with e set. */
int org_update(db *d, const org *o, kerr *e);
/* Reads org id into arena a, or NULL. */
org *org_get(db *d, arena *a, long long id);
/* Finds an organisation id by exact name (case-insensitive) or by Y-tunnus; 0 when none. */
long long org_find(db *d, const char *name_or_ytunnus);

#endif
