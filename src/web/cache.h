/* cache: whole responses to anonymous GETs, kept until the data changes (cgit-style output cache). */
#ifndef KEHTO_CACHE_H
#define KEHTO_CACHE_H
#include <stddef.h>

typedef struct cache_hit {
  char *body; /* malloc'd copy; caller frees */
  size_t len;
  const char *ctype; /* static string */
} cache_hit;

/* Returns 1 and a copy of the cached response for key if it is still valid, else 0. Thread-safe. */
int cache_get(const char *key, cache_hit *out);
/* The current data generation; take it before building a response and pass it to cache_put, so a response
 * built while the data changed is never kept as current. */
unsigned long cache_generation(void);
/* Stores a response (copied) made in generation gen. ctype must be a string literal. Thread-safe. */
void cache_put(const char *key, unsigned long gen, const char *ctype, const char *body, size_t len);
/* Makes every cached response invalid (data changed). Lock-free; thread-safe. */
void cache_invalidate(void);
/* Frees all entries (at shutdown). */
void cache_clear(void);

#endif
