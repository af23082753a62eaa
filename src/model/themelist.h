/* themelist: the comma lists of theme names that services and coaches carry, linked through their theme tables. */
#ifndef KEHTO_THEMELIST_H
#define KEHTO_THEMELIST_H
#include "core/arena.h"
#include "db/db.h"
#include "model/tr.h"

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

/* A theme: its Finnish name (the key lists and links use) and its translations. */
typedef struct theme_row {
  long long id;
  char *name, *name_sv, *name_en; /* translations "" when missing */
  tr label;                       /* the name in the language asked for */
} theme_row;

/* How many themes there are. */
long long themelist_count(db *d);
/* Themes by Finnish name (case-insensitive), rows offset..offset+limit-1 (limit < 0: all), labels in lang. Returns an
 * array of *n in arena a (never NULL). */
theme_row *themelist_rows(db *d, arena *a, const char *lang, int limit, int offset, int *n);
/* The label in lang of the Finnish theme name among rows[0..n-1] (case-insensitive), or the name itself marked as
 * standing in when there is no such theme. Strings are not copied. */
tr themelist_label(const theme_row *rows, int n, const char *name, const char *lang);
/* Sets the Swedish and English names of theme id ("" leaves one untranslated): at most THEMELIST_MAX_NAME characters
 * each. Adds an error to e on field (the form's name for that input) and returns K_ERR; K_ERR with e when there is
 * no such theme; else K_OK. */
int themelist_translate(db *d, long long id, const char *sv, const char *en, const char *field_sv, const char *field_en,
                        kerr *e);

#endif
