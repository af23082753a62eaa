/* map: a string map (open addressing, FNV-1a; keys copied, values taken over) and a set of seen keys kept as
 * 64-bit hashes with the row each was first seen on (the importer's duplicate check). */
#ifndef KEHTO_MAP_H
#define KEHTO_MAP_H
#include <stddef.h>
#include <stdint.h>

/* Zero-initialise ({0}, or {.max = N}). Slots are indexes into keys/vals/nums. */
typedef struct strmap {
  char **keys;
  char **vals; /* owned; NULL for entries that only carry a number */
  long *nums;
  size_t cap, n;
  size_t max; /* when > 0: a map holding max entries is emptied before the next add (a cache) */
} strmap;

/* Returns 1 and sets *slot when key is present, else 0. */
int strmap_find(const strmap *m, const char *key, size_t *slot);
/* Adds key (copied) with val (taken over, may be NULL) and num; key must not be present. Returns its slot. */
size_t strmap_add(strmap *m, const char *key, char *val, long num);
/* Frees keys, values and the table. */
void strmap_free(strmap *m);

/* Kept as 64-bit hashes, 12 bytes a key however long it is, so that the memory of a big import stays small (16 MB
 * for a million rows). The table is split in SEEN_PARTS parts that grow one at a time, so that growing never holds
 * an old and a new copy of the whole table. Two different keys with the same hash (odds about n²/2⁶⁵, 1 in 40
 * million for a million rows) would be reported as a duplicate. */
#define SEEN_PARTS 64

typedef struct seenpart {
  uint64_t *hash; /* 0: empty slot */
  uint32_t *row;
  size_t cap, n;
} seenpart;

typedef struct seenset {
  seenpart part[SEEN_PARTS];
} seenset;

/* Notes key as seen on row; when it was seen before, returns the row it was first on (and keeps that), else 0. */
long seen_add(seenset *s, const char *key, long row);
void seen_free(seenset *s);

#endif
