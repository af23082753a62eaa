/* deed: development deeds (kehittämisteot) of Tekojen tori: validation, storage, moderation, listing and search. */
#ifndef KEHTO_DEED_H
#define KEHTO_DEED_H
#include "core/buf.h"
#include "db/db.h"
#include "model/sitemap.h"

#define DEED_MAX_TEXT 20000 /* characters per long text field */
#define DEED_MAX_TITLE 200

/* A deed as entered or read. Read deeds have their strings in the arena passed to deed_get/deed_list_by_status. */
typedef struct deed {
  long long id;
  char *ref; /* optional external id, unique */
  char *title;
  long long org_id; /* 0 for free text; when set, the registry name is stored */
  char *org_name;
  char *municipality_code; /* three digits, or NULL */
  char *municipality_name; /* filled when read */
  char *region_name;       /* filled when read */
  char *sector_code;       /* sector.code */
  char *sector_name;       /* filled when read, in the reader's language */
  char *summary, *starting_point, *goal, *actions, *participants, *results, *service;
  char *themes; /* comma-separated theme names */
  int year;
  char *contact_name, *contact_email;
  char *poster_email, *poster_lang; /* on insert: who to tell of the decision (NULL: nobody), in which language */
  char *status;                     /* submitted, published, rejected */
  char *reject_reason;
  char *created_at, *updated_at, *published_at;
} deed;

/* Moderation queue: how many deeds have status ("submitted", "published", "rejected"). */
long long deed_count_by_status(db *d, const char *status);
/* Deeds with status, newest first, rows offset..offset+limit-1. Only id, title, org_name, municipality_name,
 * year, status and created_at are filled. Returns an array of *n deeds in arena a (never NULL). */
deed *deed_list_by_status(db *d, arena *a, const char *status, int limit, int offset, int *n);

/* Checks a deed before it is stored. Returns K_OK, or K_ERR with e naming the field (e->field) and the problem
 * in Finnish. require_contact: the public form requires contact name and email. */
int deed_validate(db *d, const deed *x, int require_contact, kerr *e);

/* Inserts a deed with the given status ("submitted" or "published"), its themes, and (if published) its search
 * entry. Does not validate (call deed_validate). Does not open a transaction. Returns the new id, or 0 with e set
 * (e.g. duplicate ref). */
long long deed_insert(db *d, const deed *x, const char *status, kerr *e);

/* Updates the editable fields of deed x->id and re-indexes it. Returns K_OK or K_ERR with e set. */
int deed_update(db *d, const deed *x, kerr *e);

/* Reads deed id into arena a. lang is "fi", "sv" or "en" for the sector name. NULL when there is no such deed. */
deed *deed_get(db *d, arena *a, long long id, const char *lang);

/* Moderation. Publishing indexes the deed; rejecting (reason required) removes it from the index. */
int deed_publish(db *d, long long id, kerr *e);
int deed_reject(db *d, long long id, const char *reason, kerr *e);

/* (Re)builds the search entry of one deed: present iff published. Returns K_OK or K_ERR (storage failed). */
int deed_index(db *d, long long id);

/* Finds a sector code by code or by Finnish name (case-insensitive); malloc'd or NULL. */
char *deed_sector_code(db *d, const char *code_or_name);

/* The published deeds for the sitemap (/tekot/ID), by id, with their last change. Sets *n; array in a. */
sitemap_item *deed_sitemap(db *d, arena *a, int *n);

#endif
