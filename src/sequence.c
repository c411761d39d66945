/* sequence.c - the sequence view: plans the rows, places the lifelines (narrowing wrap widths
 * to fit a fixed canvas width), then lays the rows out on one page or more. */
#include <math.h>
#include "seq_layout.h"

enum { FIT_ATTEMPTS = 8 };
#define FIT_FLOOR 0.3   /* wrap widths never shrink below this share of the style's */

static const char *sequence_missing(const jm_journey *j, jm_arena *a) {
    (void)a;
    return j->sequence && j->sequence->n_participants ? NULL : "the file has no sequence";
}

static bool sequence_layout(const jm_layout_ctx *ctx, jm_doc *doc) {
    jm_sequence_style st;
    jm_style_fill(ctx->style, &jm_sequence_style_schema, &st);
    seq_plan p = {
        .ctx = ctx, .seq = ctx->journey->sequence, .st = &st,
        .cm = jm_style_get_common(ctx->style), .fit = 1,
    };
    if (!p.seq) return true;
    /* With a fixed canvas width, labels, notes and names wrap narrower until the diagram fits
     * (or cannot get narrower; then the canvas grows). */
    for (int attempt = 0;; attempt++) {
        seq_plan_build(&p);
        seq_columns_place(&p);
        if (ctx->width <= 0 || attempt + 1 == FIT_ATTEMPTS) break;
        double x0, x1;
        seq_columns_extent(&p, &x0, &x1);
        double natural = x1 - x0 + 2 * p.cm->margin;
        if (natural <= ctx->width || p.fit <= FIT_FLOOR) break;
        p.fit = fmax(FIT_FLOOR, p.fit * fmin(0.9, ctx->width / natural));
    }
    return seq_rows_draw(&p, doc);
}

const jm_view jm_view_sequence = {
    .name = "sequence",
    .summary = "a sequence diagram of the storyline: participants, messages, notes, groups",
    .missing = sequence_missing,
    .layout = sequence_layout,
};
