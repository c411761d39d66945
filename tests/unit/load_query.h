/* load_query.h - for unit tests of the loaders: load a text into its own arena and diagnostics,
 * free both, count diagnostics by severity. Included by one test file each (static functions). */
#ifndef JM_TEST_LOAD_QUERY_H
#define JM_TEST_LOAD_QUERY_H
#include <string.h>
#include "load.h"

typedef struct { jm_arena *a; jm_diags *d; const jm_journey *j; } loaded;

/* `len` bytes of `text` loaded as `file` (any input the loader reads: YAML, Mermaid, Markdown). */
static inline loaded load_text(const char *file, const char *text, size_t len) {
    loaded r = { jm_arena_new(), jm_diags_new(), NULL };
    r.j = jm_load_journey(r.a, file, text, len, r.d);
    return r;
}
static inline loaded load_as(const char *file, const char *text) { return load_text(file, text, strlen(text)); }
static inline void done(loaded *r) { jm_arena_free(r->a); jm_diags_free(r->d); }

static inline size_t count(const jm_diags *d, jm_severity sev) {
    size_t n = 0;
    for (size_t i = 0; i < jm_diags_count(d); i++) n += jm_diags_get(d, i)->severity == sev;
    return n;
}
#endif
