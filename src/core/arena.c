/* arena: bump allocation in blocks, all freed together. */
#include "core/arena.h"

#include <stdlib.h>
#include <string.h>

struct arena_block {
  arena_block *next;
  size_t used, cap;
  _Alignas(16) unsigned char data[];
};

void *arena_alloc(arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  arena_block *b = a->head;
  if (!b || b->used + n > b->cap) {
    size_t cap = n > 8192 ? n : 8192;
    b = malloc(sizeof *b + cap);
    if (!b) abort(); /* out of memory */
    b->next = a->head;
    b->used = 0;
    b->cap = cap;
    a->head = b;
  }
  void *p = b->data + b->used;
  b->used += n;
  return memset(p, 0, n);
}

char *arena_strndup(arena *a, const char *s, size_t n) {
  if (!s) return NULL;
  char *p = arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *arena_strdup(arena *a, const char *s) {
  return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_adopt(arena *a, char *s) {
  char *t = arena_strdup(a, s);
  free(s);
  return t;
}

void *arena_grow(arena *a, void *p, int n, int *cap, size_t size) {
  if (n < *cap) return p;
  *cap = *cap ? *cap * 2 : 16;
  void *q = arena_alloc(a, (size_t)*cap * size);
  if (n) memcpy(q, p, (size_t)n * size);
  return q;
}

void arena_free(arena *a) {
  for (arena_block *b = a->head, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  a->head = NULL;
}
