/* sequence.c - the sequence view: plans the rows, places the lifelines (narrowing wrap widths
 * to fit a fixed canvas width; on a wider page or slide, widening them and spreading the
 * lifelines to use it), then lays the rows out on one page or more. */
#include <math.h>
#include "seq_layout.h"

enum { FIT_ATTEMPTS = 8, GROW_ATTEMPTS = 4 };
#define FIT_FLOOR 0.3   /* wrap widths never shrink below this share of the style's */
#define FIT_CEILING 2   /* nor grow above this share of it */
#define BAND_NARROW 0.85      /* bands: each try wraps the labels this much narrower */
#define BAND_FIT_LEAST 0.5    /* bands: labels wrap down to this share of their width to save a band */

static const char *sequence_missing(const jm_journey *j, jm_arena *a) {
    (void)a;
    return j->sequence && j->sequence->n_participants ? NULL : "the file has no sequence";
}

/* The diagram's width with its margins. */
static double width_of(const seq_plan *p) {
    double x0, x1;
    seq_columns_extent(p, &x0, &x1);
    return x1 - x0 + 2 * p->cm->margin;
}

/* On a page or a slide wider than the diagram (ctx->width, and pages to cut): labels, notes and
 * names wrap wider (fewer lines, fewer pages) while the diagram stays within the width, then
 * the lifelines spread evenly over the width left. */
static void widen(seq_plan *p) {
    double width = p->ctx->width, fit = 1;
    for (int attempt = 0; attempt < GROW_ATTEMPTS && fit < FIT_CEILING; attempt++) {
        double natural = width_of(p);
        if (natural >= width * 0.98) break;
        p->fit = fmin(FIT_CEILING, fit * fmin(1.5, width / natural));
        seq_plan_build(p);
        seq_columns_place(p);
        if (width_of(p) > width) {   /* too far: back to the last that fitted */
            p->fit = fit;
            seq_plan_build(p);
            seq_columns_place(p);
            break;
        }
        fit = p->fit;
    }
    if (p->n_parts < 2) return;
    p->spread = (width - width_of(p)) / (double)(p->n_parts - 1);
    if (p->spread > 0) seq_columns_place(p);
    else p->spread = 0;
}

/* The band of participants lo..hi as a plan of its own (own columns, rows and groups). */
static void band_plan(const seq_plan *p, int lo, int hi, seq_plan *q) {
    *q = *p;
    q->band_lo = lo;
    q->band_hi = hi;
    q->spread = 0;
    q->rows = NULL;   /* its own rows and groups, not the whole's */
    q->cap_rows = 0;
    q->groups = NULL;
    q->cap_groups = 0;
    seq_plan_build(q);
    seq_columns_place(q);
}

/* The bands of a sequence too wide for its pages at the floor (its text never shrinks), left to
 * right, each as many participants as fit the page's width, their lifelines spread over it. False
 * when a participant alone is too wide for the page. */
static bool cut_bands(const seq_plan *p, seq_plan *bands, size_t *n_bands) {
    double width = p->ctx->width;
    size_t nb = 0;
    for (int lo = 0, n = (int)p->n_parts; lo < n; nb++) {
        band_plan(p, lo, lo, &bands[nb]);
        if (width_of(&bands[nb]) > width) return false;
        int hi = lo;
        while (hi + 1 < n) {   /* one more, while it fits */
            seq_plan more;
            band_plan(p, lo, hi + 1, &more);
            if (width_of(&more) > width) break;
            bands[nb] = more;
            hi++;
        }
        lo = hi + 1;
    }
    for (size_t b = 0; b < nb; b++) {
        seq_plan *q = &bands[b];
        if (q->n_parts < 2) continue;
        q->spread = (width - width_of(q)) / (double)(q->n_parts - 1);
        if (q->spread > 0) seq_columns_place(q);
        else q->spread = 0;
    }
    *n_bands = nb;
    return true;
}

/* The bands of a sequence too wide for its pages. Messages between bands run to the band's edge,
 * where the other participant is named: beside the edge, or, on a page too narrow for a
 * participant between two names, under the line (every band alike). Fewer bands read better than
 * wider labels: the labels wrap narrower (more lines, the text at its size) while that saves a
 * band, down to BAND_FIT_LEAST of their width, and further, down to FIT_FLOOR, only when a
 * participant alone with its labels is still too wide. False when even then it is too wide for
 * the page. */
static bool best_bands(seq_plan *p, seq_plan *bands, size_t *n_bands) {
    size_t nb, best_nb = 0;
    double best_fit = 1;
    bool best_below = false;
    for (double fit = 1;; fit = fmax(FIT_FLOOR, fit * BAND_NARROW)) {
        p->fit = fit;
        for (int below = 0; below < 2; below++) {
            p->away_below = below;
            if (!cut_bands(p, bands, &nb)) continue;
            if (!best_nb || nb < best_nb) { best_nb = nb; best_fit = fit; best_below = below; }
            break;
        }
        if (fit <= FIT_FLOOR || best_nb == 2 || (best_nb && fit * BAND_NARROW < BAND_FIT_LEAST)) break;
    }
    if (!best_nb) return false;
    p->fit = best_fit;
    p->away_below = best_below;
    return cut_bands(p, bands, n_bands);
}

/* A sequence walked onto its pages (seq_rows_place): walks[0..nb), `pages` walked pages. */
typedef struct {
    seq_walk *walks;
    size_t nb, pages;
} seq_laid;

/* The sequence laid out for ctx's width and walked: with a fixed canvas width, labels, notes and
 * names wrap narrower until the diagram fits (or cannot get narrower; then the canvas grows); on
 * a page wider than the diagram they wrap wider and the lifelines spread; on a page too narrow
 * for every participant, in bands (best_bands). `p` (the whole) must outlive the walks. False
 * when it is wider than the width all the same. */
static bool lay_out(seq_plan *p, seq_laid *L) {
    const jm_layout_ctx *ctx = p->ctx;
    for (int attempt = 0;; attempt++) {
        seq_plan_build(p);
        seq_columns_place(p);
        if (ctx->width <= 0 || attempt + 1 == FIT_ATTEMPTS) break;
        double natural = width_of(p);
        if (natural <= ctx->width || p->fit <= FIT_FLOOR) break;
        p->fit = fmax(FIT_FLOOR, p->fit * fmin(0.9, ctx->width / natural));
    }
    if (ctx->width > 0 && ctx->page_width > 0 && p->fit == 1) widen(p);
    if (ctx->width > 0 && ctx->page_width > 0 && ctx->page_height > 0 && width_of(p) > ctx->width && p->n_parts > 1) {
        seq_plan whole = *p;   /* bands, when the page is too narrow for every participant */
        whole.fit = 1;
        seq_plan *bands = JM_NEWV(ctx->arena, seq_plan, p->n_parts);
        if (best_bands(&whole, bands, &L->nb)) {
            L->pages = seq_rows_place(bands, L->nb, &L->walks);
            return true;
        }
        seq_plan_build(p);   /* the whole, narrowed, as before */
        seq_columns_place(p);
    }
    L->nb = 1;
    L->pages = seq_rows_place(p, 1, &L->walks);
    return ctx->width <= 0 || width_of(p) <= ctx->width + 1e-6;
}

/* On pages, a sequence that takes more than one is laid out for half the page's width too; when
 * that takes fewer pages, it goes in two columns a page, like an article: its rows fill the left
 * column, then go on at the top of the right one, the heads at the top of each (bands as on
 * pages, stacked within a column), a rule in the gutter, which is a margin wide. */
static bool sequence_layout(const jm_layout_ctx *ctx, jm_doc *doc) {
    jm_sequence_style st;
    jm_style_fill(ctx->style, &jm_sequence_style_schema, &st);
    seq_plan p = {
        .ctx = ctx, .seq = ctx->journey->sequence, .st = &st,
        .cm = jm_style_get_common(ctx->style), .fit = 1, .band_hi = -1,
    };
    if (!p.seq) return true;
    seq_laid one;
    lay_out(&p, &one);
    double gutter = p.cm->margin;
    jm_layout_ctx half = *ctx;   /* a column: half the page's width less half the gutter, and its margins */
    half.width = half.page_width = (ctx->width - gutter) / 2 + p.cm->margin;
    seq_plan q = p;
    q.ctx = &half;
    q.fit = 1;
    q.spread = 0;
    q.away_below = false;
    seq_laid two;
    if (ctx->width > 0 && ctx->page_width > 0 && ctx->page_height > 0 && one.pages > 1 &&
        half.width > 2 * p.cm->margin && lay_out(&q, &two) && (two.pages + 1) / 2 < one.pages) {
        seq_pages_assemble(two.walks, two.nb, gutter, doc);
        return true;
    }
    seq_pages_assemble(one.walks, one.nb, 0, doc);
    return true;
}

const jm_view jm_view_sequence = {
    .name = "sequence",
    .summary = "a sequence diagram of the storyline: participants, messages, notes, groups",
    .missing = sequence_missing,
    .layout = sequence_layout,
};
