/* themelist: the comma lists of theme names that services and coaches carry, linked through their theme tables. */
#ifndef KEHTO_THEMELIST_H
#define KEHTO_THEMELIST_H
#include "db/db.h"

#define THEMELIST_MAX 500      /* characters in the whole list */
#define THEMELIST_MAX_NAME 100 /* characters in one theme name */

/* Which link table a list belongs to. */
typedef enum { THEMELIST_SERVICE, THEMELIST_COACH, THEMELIST_DEED } themelist_kind;

/* Calls fn(ctx, item) on each trimmed, non-empty item of the comma list (NULL: none) and stops at the first non-zero
 * return. Returns that value, or 0 when fn ran on every item. */
int themelist_each(const char *list, int (*fn)(void *ctx, const char *item), void *ctx);
/* Checks a comma (or semicolon) list of theme names: at most THEMELIST_MAX characters, each name at most
 * THEMELIST_MAX_NAME. NULL or "" is fine. Adds an error on field to e and returns K_ERR, else K_OK. */
int themelist_validate(const char *themes, const char *field, kerr *e);
/* Replaces the themes of the service, coach or deed id with the names in the list, creating missing themes (names are
 * case-insensitive). Returns DB_OK or the error code. */
int themelist_set(db *d, themelist_kind kind, long long id, const char *themes);

#endif
