/* views.c - the registry of views, in the order "all" draws them when a file does not say.
 * Adding a view: its module exports a jm_view; list it here. */
#include <string.h>
#include "view.h"
#include "emotions.h"
#include "funnel.h"
#include "map.h"
#include "sequence.h"

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
    jm_layout_ctx paged = *ctx;
    paged.width = ctx->page_width;
    return v->layout(&paged, doc);
}

double jm_layout_min_font(const jm_layout_ctx *ctx) {
    return ctx->min_text > 0 ? ctx->min_text : jm_style_get_common(ctx->style)->min_font_px;
}
