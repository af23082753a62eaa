/* service: the service catalogue: the seven service types and their offerings (a service in a funding period). */
#ifndef KEHTO_SERVICE_H
#define KEHTO_SERVICE_H
#include "db/db.h"
#include "model/tr.h"
#include "model/sitemap.h"

#define SERVICE_MAX_NAME 200
#define SERVICE_MAX_DESCRIPTION 5000
#define SERVICE_MAX_CAPACITY 1000000

/* A service type (sparraus, valmennus, tyopaja, verkosto, webinaari, tilaisuus, tutkimus). */
typedef struct service_type {
  char *code;
  char *name;     /* in the language asked for */
  char *counts;   /* default for its offerings: "participant" or "attendee" */
  char *variants; /* comma list of variant codes, "" when none */
} service_type;

/* The index of lang among the service type's names: 0 fi (also for NULL or unknown), 1 sv, 2 en. For the :lang of
 * queries that pick a type name, here and in deliveries. */
int service_lang_index(const char *lang);
/* The types in display order, names in lang ("fi", "sv", "en"): an array of *n in arena a (never NULL). */
service_type *service_types(db *d, arena *a, const char *lang, int *n);
/* Finnish label of a variant code ("teema" → "Teematyöpaja"), or the code itself when unknown. Static string;
 * translate with T() on pages. */
const char *service_variant_label(const char *variant);

/* An offering as entered or read (when read, strings are in the arena passed to service_get/service_list). */
typedef struct service {
  long long id;
  char *type_code;
  char *type_name;                                           /* filled when read, in the reader's language */
  char *variant;                                             /* "" or one of the type's variants */
  char *name, *description;                                  /* Finnish, as stored */
  char *name_sv, *name_en, *description_sv, *description_en; /* "" or NULL untranslated; read by service_get only */
  tr t_name, t_description; /* when read: in the reader's language, the Finnish standing in for a missing one */
  long long period_id;
  char *period_name; /* filled when read */
  tr t_period;       /* the period's name in the reader's language */
  int start_year, end_year;
  char *capacity; /* a positive whole number as text, or NULL/"" for no limit */
  char *counts;   /* "participant" or "attendee"; NULL/"" takes the type's default */
  int open;       /* 1: organisations may apply */
  char *themes;   /* comma list of theme names */
} service;

/* Checks every field (type exists, variant allowed for the type, name required and at most SERVICE_MAX_NAME
 * characters, description length, period exists, capacity, counts, themes). Adds one error per bad field to e
 * (e->field names it) and returns K_ERR, else K_OK. */
int service_validate(db *d, const service *s, kerr *e);
/* Validates and inserts with its themes (in a savepoint). Returns the new id, or 0 with e set. */
long long service_create(db *d, const service *s, kerr *e);
/* Validates and updates s->id with its themes. Returns K_OK, or K_ERR with e set (no such service too). */
int service_update(db *d, const service *s, kerr *e);
/* Reads service id into arena a with type and period names (in lang) and its translations. NULL when there is none. */
service *service_get(db *d, arena *a, long long id, const char *lang);

/* What a list shows: type code ("" or NULL any), period id (0 any), only_open (1: open offerings only). */
typedef struct service_filter {
  const char *type;
  long long period_id;
  int only_open;
} service_filter;

/* How many offerings match f. */
long long service_count(db *d, const service_filter *f);
/* Matching offerings by type order, newest period first, then name; rows offset..offset+limit-1; type names in lang.
 * Returns an array of *n in arena a (never NULL). */
service *service_list(db *d, arena *a, const service_filter *f, const char *lang, int limit, int offset, int *n);

/* Every service for the sitemap (/palvelut/ID: the catalogue is public), by id, with its last change. Sets *n;
 * array in a. */
sitemap_item *service_sitemap(db *d, arena *a, int *n);

#endif
