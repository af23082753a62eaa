/* arena: a memory pool freed in one step, one per request. */
#ifndef KEHTO_ARENA_H
#define KEHTO_ARENA_H
#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct arena {
  arena_block *head;
} arena;

/* Returns n zeroed bytes (aligned for any type) owned by the arena; never NULL (aborts when out of memory). */
void *arena_alloc(arena *a, size_t n);
/* Copies s (or the first n bytes) into the arena, NUL-terminated. NULL in, NULL out. */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);
/* Moves a malloc'd string into the arena: returns the arena's copy and frees s. NULL in, NULL out. */
char *arena_adopt(arena *a, char *s);
/* For arrays built row by row: returns p when n < *cap, else a copy of p's n elements of size bytes in a larger
 * array from the arena (capacity doubled, *cap updated; the old array stays until the arena is freed). */
void *arena_grow(arena *a, void *p, int n, int *cap, size_t size);
/* Frees everything the arena handed out. */
void arena_free(arena *a);

#endif
