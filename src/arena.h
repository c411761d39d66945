/* arena.h - one owner per document: a bump allocator freed all at once.
 * Model, scene and diagnostics of a document live in one arena; jm_arena_free releases them. */
#ifndef JM_ARENA_H
#define JM_ARENA_H
#include <stddef.h>

typedef struct jm_arena jm_arena;

jm_arena *jm_arena_new(void);
void jm_arena_free(jm_arena *a);           /* frees every block, then the arena; NULL is fine */
void *jm_arena_alloc(jm_arena *a, size_t n); /* zeroed, 16-byte aligned; aborts on out-of-memory */
char *jm_arena_strdup(jm_arena *a, const char *s);        /* NULL -> NULL */
char *jm_arena_strndup(jm_arena *a, const char *s, size_t n);
char *jm_arena_printf(jm_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The strings given, one after the other (the list ends with NULL). */
char *jm_arena_concat(jm_arena *a, ...) __attribute__((sentinel));
/* Room for `more` elements after the `n` in use of an arena array `v` of capacity *cap: returns
 * v when they fit; otherwise a new array of twice the capacity (`first` when empty, doubled until
 * they fit) holding the n elements, and updates *cap. The old array stays in the arena. */
void *jm_arena_grow(jm_arena *a, void *v, size_t n, size_t more, size_t *cap, size_t size, size_t first);
#define JM_RESERVE(a, v, n, more, cap, first) \
    ((v) = jm_arena_grow((a), (v), (n), (more), &(cap), sizeof *(v), (first)))

/* Registers fn(data) to run when the arena is freed (for Pango layouts and other refcounted objects). */
void jm_arena_on_free(jm_arena *a, void (*fn)(void *), void *data);

#define JM_NEW(a, T) ((T *)jm_arena_alloc((a), sizeof(T)))
#define JM_NEWV(a, T, n) ((T *)jm_arena_alloc((a), sizeof(T) * (size_t)(n)))
#endif
