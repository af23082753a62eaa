/* cache: whole responses to anonymous GETs, kept until the data changes (cgit-style output cache). An entry holds
 * the finished libmicrohttpd responses, headers and all, in each encoding it keeps (the bytes as made, gzip and
 * Brotli, compressed once when the entry is made), so a hit only queues a response that already exists. */
#ifndef KEHTO_CACHE_H
#define KEHTO_CACHE_H
#include <microhttpd.h>
#include <stddef.h>

typedef struct cache_entry cache_entry;

typedef struct cache_hit {
  cache_entry *entry; /* held until cache_release */
  struct MHD_Response *resp;
  const char *etag;     /* of the encoding chosen */
  const char *encoding; /* "" (as made), "gzip" or "br" */
  size_t len;           /* bytes sent */
} cache_hit;

/* Adds the headers every encoding of a response carries (type, security, cache control) to resp. */
typedef void cache_decorate(struct MHD_Response *resp, void *ctx);

/* Returns 1 and holds the response cached under key, in the best encoding of accept (a REQ_ENC_ mask), if it is still
 * valid; else 0. Thread-safe. */
int cache_get(const char *key, int accept, cache_hit *out);
/* Ends a hit: the response may be freed once every connection that queued it has sent it. */
void cache_release(cache_hit *hit);
/* The current data generation; take it before building a response and pass it to cache_put, so a response
 * built while the data changed is never kept as current. */
unsigned long cache_generation(void);
/* Stores a response made in generation gen: the body is copied and compressed when ctype is text and compression
 * saves bytes; decorate adds its headers. Returns 1 and holds the new entry as cache_get does, or 0 when the response
 * is not kept (too large, made in an older generation, out of memory). Thread-safe. */
int cache_put(const char *key, unsigned long gen, const char *ctype, const char *body, size_t len, int accept,
              cache_decorate *decorate, void *ctx, cache_hit *out);
/* Makes every cached response invalid (data changed). Lock-free; thread-safe. */
void cache_invalidate(void);
/* Frees all entries (at shutdown). */
void cache_clear(void);

/* Compresses len bytes of in into a malloc'd buffer (*out, *outlen): gzip at level 9, or Brotli at quality 5.
 * Returns 1, or 0 on failure (*out NULL). */
int cache_gzip(const char *in, size_t len, char **out, size_t *outlen);
int cache_brotli(const char *in, size_t len, char **out, size_t *outlen);

#endif
