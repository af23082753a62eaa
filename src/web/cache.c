/* cache: a fixed-size hash table of responses, stamped with the data generation they were made in. */
#include "web/cache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/web.h"

#define SLOTS 4096
#define MAX_BODY (512 * 1024)

typedef struct entry {
  char *key;
  char *body;
  size_t len;
  const char *ctype;
  unsigned long gen;
} entry;

static entry slots[SLOTS];
static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static atomic_ulong generation = 1;

static size_t slot_of(const char *key) {
  uint64_t h = 1469598103934665603ULL;
  for (const unsigned char *p = (const unsigned char *)key; *p; p++) h = (h ^ *p) * 1099511628211ULL;
  return (size_t)(h % SLOTS);
}

int cache_get(const char *key, cache_hit *out) {
  size_t i = slot_of(key);
  int found = 0;
  pthread_rwlock_rdlock(&lock);
  entry *e = &slots[i];
  if (e->key && e->gen == atomic_load(&generation) && strcmp(e->key, key) == 0) {
    out->body = malloc(e->len + 1);
    if (out->body) {
      memcpy(out->body, e->body, e->len);
      out->len = e->len;
      out->ctype = e->ctype;
      found = 1;
    }
  }
  pthread_rwlock_unlock(&lock);
  return found;
}

unsigned long cache_generation(void) {
  return atomic_load(&generation);
}

void cache_put(const char *key, unsigned long gen, const char *ctype, const char *body, size_t len) {
  if (len > MAX_BODY || gen != atomic_load(&generation)) return;
  char *k = strdup(key), *b = malloc(len + 1);
  if (!k || !b) {
    free(k);
    free(b);
    return;
  }
  memcpy(b, body, len);
  size_t i = slot_of(key);
  pthread_rwlock_wrlock(&lock);
  entry *e = &slots[i];
  free(e->key);
  free(e->body);
  *e = (entry){k, b, len, ctype, gen};
  pthread_rwlock_unlock(&lock);
}

void cache_invalidate(void) {
  atomic_fetch_add(&generation, 1);
}

void cache_clear(void) {
  pthread_rwlock_wrlock(&lock);
  for (size_t i = 0; i < SLOTS; i++) {
    free(slots[i].key);
    free(slots[i].body);
    slots[i] = (entry){0};
  }
  pthread_rwlock_unlock(&lock);
}

void web_changed(void) {
  cache_invalidate();
}
