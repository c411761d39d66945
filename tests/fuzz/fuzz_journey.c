/* fuzz_journey.c - fuzz target: one buffer is loaded as a journey and every view it supports is
 * laid out and checked. Built with libFuzzer by `make fuzz`, or with replay.c as a corpus runner. */
#include <stdint.h>
#include <stdlib.h>
#include <glib.h>
#include "load.h"
#include "view.h"

/* The text service and style are built once per process (fontconfig set-up is slow); they are
 * read-only afterwards, so inputs cannot influence each other through them. */
typedef struct { jm_arena *arena; jm_diags *diags; jm_text *text; const jm_style *style; } fuzz_env;

static fuzz_env *env_get(void) {
    static fuzz_env env; /* fuzz harness only: process-wide, never part of the program */
    if (!env.text) {
        const char *root = getenv("ROOT") ? getenv("ROOT") : ".";
        char *fonts = g_build_filename(root, "fonts", NULL), *styles = g_build_filename(root, "styles", NULL);
        env.arena = jm_arena_new();
        env.diags = jm_diags_new();
        env.text = jm_text_new(fonts, env.diags);
        env.style = jm_style_load(env.arena, "default", styles, env.diags);
        g_free(fonts); g_free(styles);
        if (!env.text || !env.style) { jm_diags_print(env.diags, stderr, 0); abort(); }
    }
    return &env;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_env *e = env_get();
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    const jm_journey *j = jm_load_journey(a, "fuzz.yaml", (const char *)data, size, d);
    if (j) {
        jm_doc *doc = jm_doc_new(a);
        jm_layout_ctx ctx = { .journey = j, .style = e->style, .text = e->text, .arena = a, .diags = d };
        for (size_t i = 0; jm_views[i]; i++)
            if (!jm_views[i]->missing(j, a)) jm_views[i]->layout(&ctx, doc);
        for (size_t i = 0; i < doc->n_pages; i++) {
            FILE *null = fopen("/dev/null", "w");
            jm_scene_check(doc->pages[i].scene, null);
            fclose(null);
        }
    }
    jm_diags_free(d);
    jm_arena_free(a);
    return 0;
}
