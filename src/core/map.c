/* map: a string map (open addressing, FNV-1a) and a set of seen keys kept as 64-bit hashes. */
#include "core/map.h"

#include <stdlib.h>
#include <string.h>

#include "core/util.h"

static uint64_t hash_str(const char *s) {
  uint64_t h = 1469598103934665603ULL;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h;
}

/* Slot of key, or the empty slot where it would go. cap is a power of two and never full. */
static size_t strmap_slot(const strmap *m, const char *key) {
  size_t j = hash_str(key) & (m->cap - 1);
  while (m->keys[j] && strcmp(m->keys[j], key) != 0) j = (j + 1) & (m->cap - 1);
  return j;
}

static void strmap_grow(strmap *m) {
  strmap t = {NULL, NULL, NULL, m->cap ? m->cap * 2 : 256, m->n, m->max};
  t.keys = util_calloc(t.cap, sizeof *t.keys);
  t.vals = util_calloc(t.cap, sizeof *t.vals);
  t.nums = util_calloc(t.cap, sizeof *t.nums);
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->keys[i]) continue;
    size_t j = strmap_slot(&t, m->keys[i]);
    t.keys[j] = m->keys[i], t.vals[j] = m->vals[i], t.nums[j] = m->nums[i];
  }
  free(m->keys), free(m->vals), free(m->nums);
  *m = t;
}

/* Returns 1 and sets *slot when key is present, else 0. */
int strmap_find(const strmap *m, const char *key, size_t *slot) {
  if (!m->cap) return 0;
  *slot = strmap_slot(m, key);
  return m->keys[*slot] != NULL;
}

/* Adds key (copied) with val (taken over) and num; key must not be present. Returns its slot. */
size_t strmap_add(strmap *m, const char *key, char *val, long num) {
  if (m->max && m->n >= m->max) {
    size_t max = m->max;
    strmap_free(m);
    *m = (strmap){.max = max};
  }
  if ((m->n + 1) * 10 > m->cap * 7) strmap_grow(m);
  size_t j = strmap_slot(m, key);
  m->keys[j] = util_strdup(key), m->vals[j] = val, m->nums[j] = num;
  m->n++;
  return j;
}

void strmap_free(strmap *m) {
  for (size_t i = 0; i < m->cap; i++) free(m->keys[i]), free(m->vals[i]);
  free(m->keys), free(m->vals), free(m->nums);
}

/* FNV-1a with a final mix (splitmix64), so that the bits used for the part and the slot depend on every byte. */
static uint64_t hash_key(const char *s) {
  uint64_t h = hash_str(s);
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
  h ^= h >> 31;
  return h ? h : 1;
}

static size_t seen_slot(const seenpart *m, uint64_t h) {
  size_t j = (size_t)h & (m->cap - 1);
  while (m->hash[j] && m->hash[j] != h) j = (j + 1) & (m->cap - 1);
  return j;
}

static void seen_grow(seenpart *m) {
  seenpart t = {NULL, NULL, m->cap ? m->cap * 2 : 256, m->n};
  t.hash = util_calloc(t.cap, sizeof *t.hash);
  t.row = util_calloc(t.cap, sizeof *t.row);
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->hash[i]) continue;
    size_t j = seen_slot(&t, m->hash[i]);
    t.hash[j] = m->hash[i], t.row[j] = m->row[i];
  }
  free(m->hash), free(m->row);
  *m = t;
}

/* Notes key as seen on row; when it was seen before, returns the row it was first on (and keeps that), else 0. */
long seen_add(seenset *s, const char *key, long row) {
  uint64_t h = hash_key(key);
  seenpart *m = &s->part[h >> 58]; /* the top 6 bits pick the part, the low bits the slot */
  if ((m->n + 1) * 4 > m->cap * 3) seen_grow(m);
  size_t j = seen_slot(m, h);
  if (m->hash[j]) return (long)m->row[j];
  m->hash[j] = h, m->row[j] = row > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)row;
  m->n++;
  return 0;
}

void seen_free(seenset *s) {
  for (int i = 0; i < SEEN_PARTS; i++) free(s->part[i].hash), free(s->part[i].row);
}
