/* render_png.c - libjourneymap's example: a journey written in the program, drawn into a PNG in
 * memory, then saved (argv[1], default petra.png). Shows the whole API cycle: a context, a
 * journey loaded from a string, the views it supports, options, the drawing, the diagnostics.
 *
 *   cc render_png.c $(pkg-config --cflags --libs journeymap) -o render_png && ./render_png
 */
#include <journeymap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char journey[] =
    "title: Petra orders a spare part\n"
    "persona: { name: Petra, role: Maintenance lead }\n"
    "steps:\n"
    "  - { title: Finds the part, emotion: { score: 1 } }\n"
    "  - { title: Waits for a quote, emotion: { score: -2 } }\n"
    "  - { title: Gets it next day, emotion: { score: 2 } }\n";

int main(int argc, char **argv) {
    const char *out = argc > 1 ? argv[1] : "petra.png";
    jm_context_t *ctx = jm_context_create(NULL);   /* the fonts and styles, loaded once */
    jm_journey_t *j = NULL;
    unsigned char *png = NULL;
    size_t len = 0;
    jm_status_t st = jm_context_status(ctx);
    if (st == JM_STATUS_OK)
        st = jm_journey_load_buffer(ctx, journey, strlen(journey), "petra.yaml", JM_SOURCE_AUTO, &j);
    if (st == JM_STATUS_OK) {
        for (size_t i = 0; i < jm_journey_view_count(j); i++) printf("view: %s\n", jm_journey_view_name(j, i));
        jm_options_t *opt = jm_options_create();
        jm_options_set(opt, "view", "emotions");
        jm_options_set(opt, "scale", "2");
        st = jm_render_to_buffer(ctx, j, opt, &png, &len);
        jm_options_destroy(opt);
    }
    for (size_t i = 0; i < jm_context_diagnostic_count(ctx); i++) {   /* errors and warnings */
        const jm_diagnostic_t *d = jm_context_diagnostic(ctx, i);
        fprintf(stderr, "%s:%d:%d: %s%s%s\n", d->file ? d->file : "journeymap", d->line, d->column, d->message,
                d->hint ? ": " : "", d->hint ? d->hint : "");
    }
    if (st == JM_STATUS_OK) {
        FILE *f = fopen(out, "wb");
        if (!f || fwrite(png, 1, len, f) != len || fclose(f) != 0) st = JM_STATUS_OUTPUT;
        else printf("%s: %zu bytes of PNG\n", out, len);
    }
    if (st != JM_STATUS_OK) fprintf(stderr, "render_png: %s\n", jm_status_to_string(st));
    jm_free(png);
    jm_journey_destroy(j);
    jm_context_destroy(ctx);
    return st == JM_STATUS_OK ? 0 : 1;
}
