/* map_emotions.c - the map's emotion lane: the emotions view's curve laid out over the map's own
 * stage columns (its bands are the columns, exactly), without title or stage headers; its score
 * scale in the lane label's cell. */
#include "map_int.h"
#include "emotions.h"
#include <math.h>

/* True when stages [first, first + n) have what the emotions view needs (a scored emotion). */
static bool window_scored(mp_map *M, size_t first, size_t n) {
    const jm_journey *j = M->j;
    if (first == 0 && n == j->n_stages) return !jm_view_emotions.missing(j, M->a);
    jm_journey *c = JM_NEW(M->a, jm_journey);
    *c = *j;
    c->stages = j->stages + first;
    c->n_stages = n;
    c->steps = JM_NEWV(M->a, jm_step, j->n_steps ? j->n_steps : 1);
    c->n_steps = 0;
    for (size_t i = 0; i < j->n_steps; i++) {
        int sg = j->steps[i].stage;
        if (sg < (int)first || sg >= (int)(first + n)) continue;
        c->steps[c->n_steps] = j->steps[i];
        c->steps[c->n_steps++].stage = sg - (int)first;
    }
    return !jm_view_emotions.missing(c, M->a);
}

/* The lane: its label cell, and the curve's scene moved so that its band bodies fill the row.
 *
 *   +----------+ +-------------+ +-------------+
 *   | Emotions | |   (😟)      | |      (🙂)   |   band i spans column i exactly
 *   |          | |  /    \_____|_|____/        |
 *   |          | |  1  2       | | 3   4       |   step numbers and titles under the curve
 *   +----------+ +-------------+ +-------------+
 */
static bool emotion_part(mp_map *M, const mp_geo *g, const mp_lane *lane, double unit, mp_part *out) {
    if (!window_scored(M, g->first, g->n)) return false;
    /* every stage in a column where it would be if all columns were side by side: the columns
     * of other pages lie beyond the canvas, and the whole curve is laid out over them */
    size_t n = M->j->n_stages;
    double *xs = JM_NEWV(M->a, double, n), *ws = JM_NEWV(M->a, double, n);
    for (size_t i = 0; i < n; i++) {
        xs[i] = g->cols_x + ((double)i - (double)g->first) * (g->col_w + g->col_gap);
        ws[i] = g->col_w;
    }
    jm_layout_ctx ctx = *M->ctx;
    ctx.width = g->width;
    ctx.page_width = ctx.page_height = 0;
    ctx.show_thoughts = false;
    /* the score scale in the lane label's cell, as the emotions view has it beside its plot,
     * under the lane's label */
    double pad = M->st.cell_padding;
    jm_textblock lb = jm_text_layout(M->text, M->a, lane->label, &M->st.lane_font, fmax(1, M->label_w - 2 * pad),
                                     JM_ALIGN_LEFT, M->ls);
    jm_emotions_embed e = { .stage_x = xs, .stage_w = ws, .scale = true,
                            .scale_gap = M->label_gap + pad,
                            .scale_top = pad + lb.height + M->c->grid_unit, .first_stage = g->first, .n_stages = g->n,
                            .score_height = unit };
    jm_scene *es = jm_emotions_scene_embedded(&ctx, &e);
    if (!es) return false;

    jm_scene *s = jm_scene_new(M->a, g->width, 0, M->c->background);
    jm_scene_group_begin(s, "lane", lane->label, lane->label);   /* the whole part: open to its end */
    double h = e.body_bottom - e.body_top;
    mp_lane_label(M, s, g, lane->label, 0, h, lane->src);
    jm_scene_append(s, es, 0, -e.body_top);
    s->height = h;
    *out = (mp_part){ .kind = MP_PART_LANE, .s = s, .h = h, .lane = lane, .geo = *g, .unit = unit };
    return true;
}

bool mp_emotion_part(mp_map *M, const mp_geo *g, const mp_lane *lane, mp_part *out) {
    return emotion_part(M, g, lane, 0, out);
}

/* The lane again with a shorter score unit, so that it fits in `room`: the lane's height less
 * four units is what does not shrink (labels, step row), so the unit that fits is the excess
 * over four, taken off, and once more when the labels moved. Never below EMOTION_LEAST of the
 * style's unit: the curve keeps its shape. */
#define EMOTION_LEAST 0.75
enum { FIT_TRIES = 4 };
bool mp_emotion_fit(mp_map *M, const mp_part *p, double room, mp_part *out) {
    if (!p->lane || p->lane->kind != MP_EMOTIONS || p->h <= room) return false;
    jm_emotions_style es;
    jm_style_fill(M->ctx->style, &jm_emotions_style_schema, &es);
    double unit = p->unit > 0 ? p->unit : es.score_height, least = EMOTION_LEAST * es.score_height;
    mp_part cur = *p;
    for (int i = 0; i < FIT_TRIES && cur.h > room; i++) {
        if (unit <= least + 1e-6) return false;
        unit = fmax(least, unit - (cur.h - room) / 4);
        if (!emotion_part(M, &p->geo, p->lane, unit, &cur)) return false;
    }
    if (cur.h > room) return false;
    cur.gap_before = p->gap_before;
    *out = cur;
    return true;
}
