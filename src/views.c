/* views.c - the registry of views, in the order "all" draws them when a file does not say.
 * Adding a view: its module exports a jm_view; list it here. */
#include <string.h>
#include "view.h"
#include "paper.h"
#include "emotions.h"
#include "funnel.h"
#include "map.h"
#include "sequence.h"

#define PAGE_LEAST_K 0.85   /* a view printed on its own shrinks at most this far to save a page
                             * (further, to its floor, only to save a third of its pages) */

const jm_view *const jm_views[] = {
    &jm_view_map,
    &jm_view_funnel,
    &jm_view_emotions,
    &jm_view_sequence,
    NULL,
};

const jm_view *jm_view_find(const char *name) {
    for (size_t i = 0; jm_views[i]; i++)
        if (strcmp(jm_views[i]->name, name) == 0) return jm_views[i];
    return NULL;
}

bool jm_view_layout(const jm_view *v, const jm_layout_ctx *ctx, jm_doc *doc) {
    if (v->fits_pages || ctx->page_width <= 0 || ctx->width > 0) return v->layout(ctx, doc);
    if (ctx->page_height > 0)   /* printed a little smaller rather than a page of a few rows */
        return jm_paper_layout(v, ctx, ctx->page_width, ctx->page_height, true, PAGE_LEAST_K, doc, NULL);
    jm_layout_ctx paged = *ctx;
    paged.width = ctx->page_width;
    return v->layout(&paged, doc);
}

void jm_layout_floors(const jm_layout_ctx *ctx, double *text, double *tag) {
    const jm_style_common *c = jm_style_get_common(ctx->style);
    if (ctx->min_text > 0) {
        *text = ctx->min_text;
        *tag = ctx->min_tag > 0 ? ctx->min_tag : ctx->min_text;
    } else if (ctx->page_width > 0) {
        *text = c->paper_min_font_pt;
        *tag = c->paper_min_tag_pt;
    } else {
        *text = *tag = c->min_font_px;
    }
}

double jm_layout_min_font(const jm_layout_ctx *ctx) {
    double text, tag;
    jm_layout_floors(ctx, &text, &tag);
    return text;
}
