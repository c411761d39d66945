/* arena.c - bump allocator in growing blocks; cleanup callbacks run in reverse order on free. */
#include "arena.h"
#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define BLOCK_MIN (64 * 1024)

typedef struct block { struct block *next; size_t size, used; } block;
typedef struct cleanup { struct cleanup *next; void (*fn)(void *); void *data; } cleanup;

struct jm_arena { block *head; cleanup *cleanups; };

jm_arena *jm_arena_new(void) { return g_new0(jm_arena, 1); }

void jm_arena_free(jm_arena *a) {
    if (!a) return;
    for (cleanup *c = a->cleanups; c; c = c->next) c->fn(c->data);
    block *b = a->head;
    while (b) { block *n = b->next; g_free(b); b = n; }
    g_free(a);
}

void *jm_arena_alloc(jm_arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->head->size - a->head->used < n) {
        size_t size = n > BLOCK_MIN ? n : BLOCK_MIN;
        block *b = g_malloc(sizeof(block) + 16 + size); /* g_malloc aborts on OOM */
        b->size = size; b->used = 0; b->next = a->head; a->head = b;
    }
    /* the payload starts 16-aligned after the header */
    char *base = (char *)a->head + ((sizeof(block) + 15) & ~(size_t)15);
    void *p = base + a->head->used;
    a->head->used += n;
    memset(p, 0, n);
    return p;
}

char *jm_arena_strndup(jm_arena *a, const char *s, size_t n) {
    if (!s) return NULL;
    char *d = jm_arena_alloc(a, n + 1);
    memcpy(d, s, n);
    return d;
}

char *jm_arena_strdup(jm_arena *a, const char *s) { return s ? jm_arena_strndup(a, s, strlen(s)) : NULL; }

char *jm_arena_printf(jm_arena *a, const char *fmt, ...) {
    char buf[256];   /* most are short: formatted here, then copied once */
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return jm_arena_strdup(a, "");
    if ((size_t)n < sizeof buf) return jm_arena_strndup(a, buf, (size_t)n);
    char *r = jm_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(r, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return r;
}

char *jm_arena_concat(jm_arena *a, ...) {
    va_list ap;
    size_t n = 0;
    va_start(ap, a);
    for (const char *s; (s = va_arg(ap, const char *));) n += strlen(s);
    va_end(ap);
    char *r = jm_arena_alloc(a, n + 1), *o = r;
    va_start(ap, a);
    for (const char *s; (s = va_arg(ap, const char *));) {
        size_t k = strlen(s);
        memcpy(o, s, k);
        o += k;
    }
    va_end(ap);
    return r;
}

void *jm_arena_grow(jm_arena *a, void *v, size_t n, size_t more, size_t *cap, size_t size, size_t first) {
    if (n + more <= *cap) return v;
    size_t c = *cap ? *cap * 2 : first;
    while (c < n + more) c *= 2;
    void *nv = jm_arena_alloc(a, c * size);
    if (n) memcpy(nv, v, n * size);
    *cap = c;
    return nv;
}

void jm_arena_on_free(jm_arena *a, void (*fn)(void *), void *data) {
    cleanup *c = JM_NEW(a, cleanup);
    c->fn = fn; c->data = data; c->next = a->cleanups; a->cleanups = c;
}
