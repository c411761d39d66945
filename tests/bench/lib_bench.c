/* lib_bench.c - the library's speed: one context, one journey loaded once, drawn COUNT times in
 * memory in each format; prints "FORMAT N renders: T ms each" (wall time per render, after one
 * warm-up render) and checks that every render gives the same bytes as the first (a figure of
 * failing or drifting renders is no figure). `lib_bench JOURNEY VIEW COUNT [FORMAT...]`; run by
 * tests/bench/lib.bench.sh under `make bench`. */
#include <journeymap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: lib_bench JOURNEY VIEW COUNT [FORMAT...]\n");
        return 2;
    }
    int count = atoi(argv[3]);
    double t0 = now_ms();
    jm_context_t *ctx = jm_context_create(NULL);
    double t_ctx = now_ms() - t0;
    jm_journey_t *j = NULL;
    if (jm_context_status(ctx) != JM_STATUS_OK ||
        jm_journey_load_file(ctx, argv[1], JM_SOURCE_AUTO, &j) != JM_STATUS_OK) {
        char *text = jm_context_diagnostics_text(ctx);
        fprintf(stderr, "lib_bench: %s", text);
        jm_free(text);
        return 1;
    }
    printf("library: context created in %.1f ms (fonts and styles, once)\n", t_ctx);
    int bad = 0;
    for (int f = 4; f < argc || (argc == 4 && f == 4); f++) {
        const char *fmt = argc > 4 ? argv[f] : "png";
        jm_options_t *o = jm_options_create();
        jm_options_set(o, "view", argv[2]);
        jm_options_set(o, "format", fmt);
        unsigned char *first = NULL, *data = NULL;
        size_t first_len = 0, len = 0;
        if (jm_render_to_buffer(ctx, j, o, &first, &first_len) != JM_STATUS_OK) {   /* the warm-up */
            fprintf(stderr, "lib_bench: %s: %s\n", fmt, jm_status_to_string(JM_STATUS_INPUT));
            return 1;
        }
        double start = now_ms();
        for (int i = 0; i < count; i++) {
            if (jm_render_to_buffer(ctx, j, o, &data, &len) != JM_STATUS_OK || len != first_len ||
                memcmp(data, first, len) != 0)
                bad++;
            jm_free(data);
        }
        double each = (now_ms() - start) / count;
        printf("library %-4s %d renders of %s in memory: %8.2f ms each (%zu bytes)\n", fmt, count, argv[2], each,
               first_len);
        jm_free(first);
        jm_options_destroy(o);
    }
    jm_journey_destroy(j);
    jm_context_destroy(ctx);
    if (bad) fprintf(stderr, "lib_bench: %d renders failed or differed from the first\n", bad);
    return bad ? 1 : 0;
}
