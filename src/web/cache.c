/* cache: a fixed-size hash table of prebuilt responses, stamped with the data generation they were made in. Entries
 * are reference-counted: the table holds one reference, each hit another until its response is queued, and
 * libmicrohttpd holds its own on each queued response, so replacing an entry never frees what a connection sends. */
#include "web/cache.h"

#include <brotli/encode.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "mail/sender.h"
#include "web/reqparse.h"
#include "web/web.h"

#define SLOTS 4096
#define MAX_BODY (512 * 1024)
#define MIN_COMPRESS 256 /* below this the headers cost more than compression saves */
/* Brotli's quality: the page is compressed while its first reader waits. For /tekot (13,180 bytes) quality 5 takes
 * 0.4 ms for 3,759 bytes, quality 11 takes 11 ms for 3,431 bytes, gzip -9 0.1 ms for 3,941 bytes. */
#define BROTLI_QUALITY 5

enum { ENC_IDENTITY, ENC_GZIP, ENC_BR, ENC_N };
static const char *const ENC_NAME[ENC_N] = {"", "gzip", "br"};

struct cache_entry {
  atomic_int refs;
  char *key;
  unsigned long gen;
  struct MHD_Response *resp[ENC_N]; /* NULL: not kept in that encoding */
  size_t len[ENC_N];
  char etag[ENC_N][24];
};

static cache_entry *slots[SLOTS];
static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static atomic_ulong generation = 1;

static uint64_t fnv1a(const char *p, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ULL;
  return h;
}

static size_t slot_of(const char *key) {
  return (size_t)(fnv1a(key, strlen(key)) % SLOTS);
}

static void entry_unref(cache_entry *e) {
  if (!e || atomic_fetch_sub(&e->refs, 1) != 1) return;
  for (int i = 0; i < ENC_N; i++)
    if (e->resp[i]) MHD_destroy_response(e->resp[i]);
  free(e->key);
  free(e);
}

/* Picks the smallest encoding the client accepts; takes a reference for the caller. */
static void hold(cache_entry *e, int accept, cache_hit *out) {
  int enc = ENC_IDENTITY;
  if ((accept & REQ_ENC_BR) && e->resp[ENC_BR])
    enc = ENC_BR;
  else if ((accept & REQ_ENC_GZIP) && e->resp[ENC_GZIP])
    enc = ENC_GZIP;
  atomic_fetch_add(&e->refs, 1);
  *out = (cache_hit){e, e->resp[enc], e->etag[enc], ENC_NAME[enc], e->len[enc]};
}

int cache_get(const char *key, int accept, cache_hit *out) {
  size_t i = slot_of(key);
  int found = 0;
  pthread_rwlock_rdlock(&lock);
  cache_entry *e = slots[i];
  if (e && e->gen == atomic_load(&generation) && strcmp(e->key, key) == 0) {
    hold(e, accept, out);
    found = 1;
  }
  pthread_rwlock_unlock(&lock);
  return found;
}

void cache_release(cache_hit *hit) {
  entry_unref(hit->entry);
  hit->entry = NULL;
}

unsigned long cache_generation(void) {
  return atomic_load(&generation);
}

int cache_gzip(const char *in, size_t len, char **out, size_t *outlen) {
  *out = NULL;
  z_stream z = {0};
  if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return 0; /* 15 + 16: gzip wrapper */
  uLong cap = deflateBound(&z, (uLong)len);
  char *b = malloc(cap);
  int ok = 0;
  if (b) {
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)len;
    z.next_out = (Bytef *)b;
    z.avail_out = (uInt)cap;
    ok = deflate(&z, Z_FINISH) == Z_STREAM_END;
  }
  deflateEnd(&z);
  if (!ok) {
    free(b);
    return 0;
  }
  *out = b;
  *outlen = z.total_out;
  return 1;
}

int cache_brotli(const char *in, size_t len, char **out, size_t *outlen) {
  size_t cap = BrotliEncoderMaxCompressedSize(len);
  char *b = cap ? malloc(cap) : NULL;
  *out = NULL;
  if (!b) return 0;
  *outlen = cap;
  if (!BrotliEncoderCompress(BROTLI_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, len, (const uint8_t *)in, outlen,
                             (uint8_t *)b)) {
    free(b);
    return 0;
  }
  *out = b;
  return 1;
}

static int compressible(const char *ctype) {
  return !strncmp(ctype, "text/", 5) || strstr(ctype, "json") || strstr(ctype, "xml");
}

/* Makes the response for one encoding of the entry from a malloc'd buffer it takes over. */
static int add_encoding(cache_entry *e, int enc, char *bytes, size_t len, uint64_t hash, cache_decorate *decorate,
                        void *ctx) {
  struct MHD_Response *resp = MHD_create_response_from_buffer(len, bytes, MHD_RESPMEM_MUST_FREE);
  if (!resp) {
    free(bytes);
    return 0;
  }
  decorate(resp, ctx);
  /* strong validators differ by encoding: a gzip body is not byte-equal to the plain one */
  snprintf(e->etag[enc], sizeof e->etag[enc], "\"%016llx%s%s\"", (unsigned long long)hash, *ENC_NAME[enc] ? "-" : "",
           ENC_NAME[enc]);
  MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, e->etag[enc]);
  if (*ENC_NAME[enc]) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, ENC_NAME[enc]);
  e->resp[enc] = resp;
  e->len[enc] = len;
  return 1;
}

static cache_entry *entry_make(const char *key, unsigned long gen, const char *ctype, const char *body, size_t len,
                               cache_decorate *decorate, void *ctx) {
  cache_entry *e = calloc(1, sizeof *e);
  char *plain = malloc(len + 1);
  if (!e || !plain || !(e->key = strdup(key))) {
    free(plain);
    if (e) free(e->key);
    free(e);
    return NULL;
  }
  atomic_init(&e->refs, 1);
  e->gen = gen;
  memcpy(plain, body, len);
  uint64_t hash = fnv1a(body, len);
  if (!add_encoding(e, ENC_IDENTITY, plain, len, hash, decorate, ctx)) {
    entry_unref(e);
    return NULL;
  }
  if (len >= MIN_COMPRESS && compressible(ctype)) {
    int (*const pack[ENC_N])(const char *, size_t, char **, size_t *) = {NULL, cache_gzip, cache_brotli};
    for (int enc = ENC_GZIP; enc < ENC_N; enc++) {
      char *z;
      size_t zlen;
      if (!pack[enc](body, len, &z, &zlen)) continue;
      if (zlen >= len)
        free(z);
      else
        add_encoding(e, enc, z, zlen, hash, decorate, ctx);
    }
  }
  /* a cache keyed without the encoding must say so, or a shared cache could hand gzip to anyone */
  for (int enc = 0; enc < ENC_N; enc++)
    if (e->resp[enc] && (e->resp[ENC_GZIP] || e->resp[ENC_BR]))
      MHD_add_response_header(e->resp[enc], MHD_HTTP_HEADER_VARY, MHD_HTTP_HEADER_ACCEPT_ENCODING);
  return e;
}

int cache_put(const char *key, unsigned long gen, const char *ctype, const char *body, size_t len, int accept,
              cache_decorate *decorate, void *ctx, cache_hit *out) {
  if (len > MAX_BODY || gen != atomic_load(&generation)) return 0;
  cache_entry *e = entry_make(key, gen, ctype, body, len, decorate, ctx);
  if (!e) return 0;
  hold(e, accept, out);
  size_t i = slot_of(key);
  pthread_rwlock_wrlock(&lock);
  cache_entry *old = slots[i];
  slots[i] = e;
  pthread_rwlock_unlock(&lock);
  entry_unref(old);
  return 1;
}

void cache_invalidate(void) {
  atomic_fetch_add(&generation, 1);
}

void cache_clear(void) {
  pthread_rwlock_wrlock(&lock);
  for (size_t i = 0; i < SLOTS; i++) {
    entry_unref(slots[i]);
    slots[i] = NULL;
  }
  pthread_rwlock_unlock(&lock);
}

void web_changed(void) {
  cache_invalidate();
  mail_sender_wake(); /* the change may have queued a message */
}
