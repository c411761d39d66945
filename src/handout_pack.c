/* handout_pack.c - two handout sections on one page: the next section's first page set below
 * the end of the previous one, each printed at its own scale (see handout.h). */
#include "handout.h"
#include <math.h>
#include <string.h>

/* `it`'s text laid out again at k times its size; false when it wraps onto other lines than it
 * did (the copy would not read the same). Metrics are unhinted (text.h), so they scale with the
 * font; the wrap width gets a hair more room for rounding. */
static bool scale_text(const jm_layout_ctx *ctx, jm_item *it, double k) {
    jm_font f = it->font;
    f.size *= k;
    double wrap = it->block.wrap > 0 ? it->block.wrap * k * (1 + 1e-4) : 0;
    jm_textblock b = jm_text_layout(ctx->text, ctx->arena, it->text, &f, wrap, it->block.align,
                                    it->line_spacing * k);
    if (b.lines != it->block.lines) return false;
    it->font = f;
    it->wrap_width = it->wrap_width > 0 ? it->wrap_width * k : it->wrap_width;
    it->line_spacing *= k;
    it->block = b;   /* the box's left edge (already scaled) is where the painter puts it */
    it->w = b.width;
    it->h = b.height;
    return true;
}

/* A copy of `src` k times as large (coordinates, strokes, radii, heads, dashes and text), in
 * ctx's arena; NULL when a text would wrap differently. */
static jm_scene *scaled(const jm_layout_ctx *ctx, const jm_scene *src, double k) {
    jm_scene *s = jm_scene_new(ctx->arena, src->width * k, src->height * k, src->background);
    s->title = src->title;
    s->desc = src->desc;
    s->items = JM_NEWV(ctx->arena, jm_item, src->n_items ? src->n_items : 1);
    s->n_items = s->cap_items = src->n_items;
    if (src->n_groups) {   /* plain data: ids, classes, labels and parents stay as they are */
        s->groups = JM_NEWV(ctx->arena, jm_group, src->n_groups);
        memcpy(s->groups, src->groups, src->n_groups * sizeof *s->groups);
        s->n_groups = s->cap_groups = src->n_groups;
    }
    for (size_t i = 0; i < src->n_items; i++) {
        jm_item *it = &s->items[i];
        *it = src->items[i];
        it->x *= k; it->y *= k; it->w *= k; it->h *= k;
        it->radius *= k;
        it->head_size *= k;
        it->paint.stroke_width *= k;
        for (int d = 0; d < it->paint.dash.n && d < 4; d++) it->paint.dash.v[d] *= k;
        if (it->kind == JM_ITEM_PATH && it->n_ops) {
            jm_path_op *ops = JM_NEWV(ctx->arena, jm_path_op, it->n_ops);
            for (size_t o = 0; o < it->n_ops; o++) {
                ops[o] = it->ops[o];
                ops[o].x *= k; ops[o].y *= k;
                ops[o].x1 *= k; ops[o].y1 *= k;
                ops[o].x2 *= k; ops[o].y2 *= k;
            }
            it->ops = ops;
        }
        if (it->kind == JM_ITEM_TEXT && it->text && *it->text && it->font.size > 0 && !scale_text(ctx, it, k))
            return NULL;
    }
    return s;
}

bool jm_handout_fits(const jm_scene *a, double ka, const jm_scene *b, double kb, double ft, double fg,
                     double box_h, double gap, double *k) {
    double ax0, ay0, ax1, ay1, bx0, by0, bx1, by1;
    if (!a->n_items || !b->n_items || !(ka > 0) || !(kb > 0)) return false;
    jm_scene_bounds(a, 0, &ax0, &ay0, &ax1, &ay1);
    jm_scene_bounds(b, 0, &bx0, &by0, &bx1, &by1);
    double least = jm_scene_least_fit(b, ft, fg), room = box_h - ay1 * ka - gap;
    if (!(by1 > by0) || room <= 0) return false;
    *k = fmin(kb, room / (by1 - by0));
    return *k >= (least > 0 ? fmin(least, kb) : kb) - 1e-9;
}

/* Page a, printed at ka, over page b, printed at kb or smaller, in a's units (so the page still
 * prints at ka), b's content `gap` pt (on paper) under a's and its left edge under a's:
 *
 *   +--- a's canvas (W) ----------------+
 *   |  a's content                      |  y1 = a's content bottom
 *   |  gap / ka                         |
 *   |  b's content, scaled by k / ka    |  must end by box_h / ka
 *   +-----------------------------------+
 */
jm_scene *jm_handout_stack(const jm_layout_ctx *ctx, const jm_scene *a, double ka, const jm_scene *b, double kb,
                           double box_h, double gap) {
    double ft, fg, kp, ax0, ay0, ax1, ay1, bx0, by0, bx1, by1;
    jm_layout_floors(ctx, &ft, &fg);
    if (!jm_handout_fits(a, ka, b, kb, ft, fg, box_h, gap, &kp)) return NULL;
    jm_scene_bounds(a, 0, &ax0, &ay0, &ax1, &ay1);
    jm_scene_bounds(b, 0, &bx0, &by0, &bx1, &by1);
    double k = kp / ka;
    const jm_scene *sb = b;
    if (fabs(k - 1) > 1e-9 && !(sb = scaled(ctx, b, k))) return NULL;
    double dy = ay1 + gap / ka - by0 * k;
    if (bx1 * k > a->width + 1e-6) return NULL;   /* b is wider on paper than a's canvas prints */
    double dx = fmax(0, fmin(ax0 - bx0 * k, a->width - bx1 * k));   /* b's left edge under a's, inside the canvas */
    double h = fmin(box_h / ka, fmax(a->height, dy + b->height * k));
    jm_scene *s = jm_scene_new(ctx->arena, a->width, h, a->background);
    s->title = a->title;
    s->desc = a->desc;
    jm_scene_append(s, a, 0, 0);
    jm_scene_append(s, sb, dx, dy);
    return s;
}
