/* seq_parts.c - the participants' heads (box, system box with a header band, database cylinder,
 * queue, collections, stick figure and UML boundary, control and entity symbols with their names)
 * at the top and bottom of the lifelines or where a message creates them, the lifelines, the cross
 * where one is destroyed, and the boxes around participants. */
#include <math.h>
#include "seq_layout.h"

#define KAPPA 0.5522847498   /* a quarter ellipse as one cubic Bézier: control arm / radius */

static jm_path_op mv(double x, double y) { return (jm_path_op){ .op = JM_OP_MOVE, .x = x, .y = y }; }
static jm_path_op ln(double x, double y) { return (jm_path_op){ .op = JM_OP_LINE, .x = x, .y = y }; }
static jm_path_op cv(double x1, double y1, double x2, double y2, double x, double y) {
    return (jm_path_op){ .op = JM_OP_CURVE, .x1 = x1, .y1 = y1, .x2 = x2, .y2 = y2, .x = x, .y = y };
}

/* The name centred in the band [y0, y1] around x. */
static void name_in(const seq_plan *p, jm_scene *s, const seq_part *pt, double x, double y0, double y1,
                    int container, jm_color color) {
    const jm_sequence_style *st = p->st;
    const char *name = pt->p->label ? pt->p->label : pt->p->id;
    double lw = pt->label.width, lh = pt->label.height;
    int t = jm_scene_text(s, "sequence.participant.name", x - lw / 2 - pt->label.x, (y0 + y1 - lh) / 2, name,
                          &st->part_font, color, JM_ALIGN_CENTER, seq_wrapped_at(pt->label),
                          p->cm->line_spacing, pt->label, container);
    s->items[t].src = pt->p->pos;
}

/*   system:  ______________      database:   .-~~~~-.      actor:     O
 *           |##############| band           (        )  cap          -+-
 *           |     name     |                |`-....-'|               / \
 *           |______________|                |  name  |              name
 *                                            `-....-'
 */
static void draw_box(const seq_plan *p, jm_scene *s, const seq_part *pt, double x, double y) {
    const jm_sequence_style *st = p->st;
    double w = pt->w, h = p->box_h, x0 = x - w / 2, x1 = x + w / 2, r = st->part_radius;
    jm_paint edge = jm_paint_stroke(st->part_stroke, st->part_stroke_width);
    int box;
    switch (pt->p->kind) {
    case JM_PART_SYSTEM: {
        double band = st->system_band_height;
        box = jm_scene_rect(s, "sequence.participant", x0, y, w, h, r,
                            jm_paint_both(st->system_fill, st->part_stroke, st->part_stroke_width));
        double rr = fmin(r, band);
        jm_path_op ops[] = {
            mv(x0, y + band), ln(x0, y + rr), cv(x0, y + rr * (1 - KAPPA), x0 + rr * (1 - KAPPA), y, x0 + rr, y),
            ln(x1 - rr, y), cv(x1 - rr * (1 - KAPPA), y, x1, y + rr * (1 - KAPPA), x1, y + rr), ln(x1, y + band),
            { .op = JM_OP_CLOSE },
        };
        jm_scene_path(s, "sequence.participant.band", ops, sizeof ops / sizeof ops[0],
                      jm_paint_both(st->system_band, st->part_stroke, st->part_stroke_width),
                      JM_HEAD_NONE, JM_HEAD_NONE, 0);
        name_in(p, s, pt, x, y + band, y + h, box, st->part_text);
        break;
    }
    case JM_PART_DATABASE: {
        double ry = st->database_cap / 2, rx = w / 2, yb = y + h - ry;
        jm_path_op body[] = {
            mv(x0, y + ry), ln(x0, yb),
            cv(x0, yb + KAPPA * ry, x - KAPPA * rx, yb + ry, x, yb + ry),
            cv(x + KAPPA * rx, yb + ry, x1, yb + KAPPA * ry, x1, yb),
            ln(x1, y + ry),
            cv(x1, y + ry - KAPPA * ry, x + KAPPA * rx, y, x, y),
            cv(x - KAPPA * rx, y, x0, y + ry - KAPPA * ry, x0, y + ry),
            { .op = JM_OP_CLOSE },
        };
        box = jm_scene_path(s, "sequence.participant", body, sizeof body / sizeof body[0],
                            jm_paint_both(st->database_fill, st->part_stroke, st->part_stroke_width),
                            JM_HEAD_NONE, JM_HEAD_NONE, 0);
        jm_path_op rim[] = {
            mv(x0, y + ry),
            cv(x0, y + ry + KAPPA * ry, x - KAPPA * rx, y + 2 * ry, x, y + 2 * ry),
            cv(x + KAPPA * rx, y + 2 * ry, x1, y + ry + KAPPA * ry, x1, y + ry),
        };
        jm_scene_path(s, "sequence.participant.rim", rim, sizeof rim / sizeof rim[0], edge,
                      JM_HEAD_NONE, JM_HEAD_NONE, 0);
        name_in(p, s, pt, x, y + 2 * ry, yb, box, st->part_text);
        break;
    }
    case JM_PART_QUEUE: {   /* a cylinder lying down, its front face on the right */
        double rx = st->database_cap / 2, ry = h / 2, xl = x0 + rx, xr = x1 - rx, ym = y + ry;
        jm_path_op body[] = {
            mv(xl, y), ln(xr, y),
            cv(xr + KAPPA * rx, y, x1, ym - KAPPA * ry, x1, ym),
            cv(x1, ym + KAPPA * ry, xr + KAPPA * rx, y + h, xr, y + h),
            ln(xl, y + h),
            cv(xl - KAPPA * rx, y + h, x0, ym + KAPPA * ry, x0, ym),
            cv(x0, ym - KAPPA * ry, xl - KAPPA * rx, y, xl, y),
            { .op = JM_OP_CLOSE },
        };
        box = jm_scene_path(s, "sequence.participant", body, sizeof body / sizeof body[0],
                            jm_paint_both(st->database_fill, st->part_stroke, st->part_stroke_width),
                            JM_HEAD_NONE, JM_HEAD_NONE, 0);
        jm_path_op rim[] = {
            mv(xr, y), cv(xr - KAPPA * rx, y, xr - rx, ym - KAPPA * ry, xr - rx, ym),
            cv(xr - rx, ym + KAPPA * ry, xr - KAPPA * rx, y + h, xr, y + h),
        };
        jm_scene_path(s, "sequence.participant.rim", rim, sizeof rim / sizeof rim[0], edge,
                      JM_HEAD_NONE, JM_HEAD_NONE, 0);
        name_in(p, s, pt, x - rx, y, y + h, box, st->part_text);
        break;
    }
    case JM_PART_COLLECTIONS: {   /* a box with a second one showing behind, up and right */
        double o = SEQ_STACK_OFFSET;
        jm_paint paint = jm_paint_both(st->part_fill, st->part_stroke, st->part_stroke_width);
        jm_scene_rect(s, "sequence.participant.back", x0 + o, y, w - o, h - o, r, paint);
        box = jm_scene_rect(s, "sequence.participant", x0, y + o, w - o, h - o, r, paint);
        name_in(p, s, pt, x - o / 2, y + o, y + h, box, st->part_text);
        break;
    }
    default:
        box = jm_scene_rect(s, "sequence.participant", x0, y, w, h, r,
                            jm_paint_both(st->part_fill, st->part_stroke, st->part_stroke_width));
        name_in(p, s, pt, x, y, y + h, box, st->part_text);
        break;
    }
}

/* A stick figure: head, body, arms, legs; proportions follow actor-height and actor-width. */
static void draw_actor(const seq_plan *p, jm_scene *s, const seq_part *pt, double x, double y, jm_color name) {
    const jm_sequence_style *st = p->st;
    double d = st->actor_head, r = d / 2, fh = st->actor_height, aw = st->actor_width;
    double neck = y + d, hip = y + d + (fh - d) * 0.5, arms = neck + (hip - neck) * 0.3, feet = y + fh;
    jm_path_op head[] = {
        mv(x + r, y + r),
        cv(x + r, y + r + KAPPA * r, x + KAPPA * r, y + d, x, y + d),
        cv(x - KAPPA * r, y + d, x - r, y + r + KAPPA * r, x - r, y + r),
        cv(x - r, y + r - KAPPA * r, x - KAPPA * r, y, x, y),
        cv(x + KAPPA * r, y, x + r, y + r - KAPPA * r, x + r, y + r),
        { .op = JM_OP_CLOSE },
    };
    jm_paint stroke = jm_paint_stroke(st->actor_stroke, st->part_stroke_width);
    jm_scene_path(s, "sequence.actor.head", head, sizeof head / sizeof head[0],
                  jm_paint_both(st->actor_fill, st->actor_stroke, st->part_stroke_width), JM_HEAD_NONE, JM_HEAD_NONE, 0);
    jm_path_op body[] = {
        mv(x, neck), ln(x, hip),
        mv(x - aw / 2, arms), ln(x + aw / 2, arms),
        mv(x - aw * 0.4, feet), ln(x, hip), ln(x + aw * 0.4, feet),
    };
    int fig = jm_scene_path(s, "sequence.actor", body, sizeof body / sizeof body[0], stroke, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    s->items[fig].src = pt->p->pos;
    double ly = y + fh + st->actor_label_gap;
    name_in(p, s, pt, x, ly, ly + pt->label.height, -1, name);
}

/* UML's symbols, d the circle's diameter (the actor's arm span):
 *
 *   boundary  |    control   <          entity
 *             |--( )        ( )          ( )
 *             |                         -----
 */
void seq_symbol_size(const jm_sequence_style *st, jm_part_kind kind, double *w, double *h) {
    double d = st->actor_width;
    *w = kind == JM_PART_BOUNDARY ? 2 * d : d;   /* the circle on the lifeline, the bar d / 2 left of it */
    *h = kind == JM_PART_CONTROL ? 1.2 * d : kind == JM_PART_ENTITY ? 1.15 * d : d;
}

static void circle_ops(jm_path_op ops[6], double cx, double cy, double r) {
    ops[0] = mv(cx + r, cy);
    ops[1] = cv(cx + r, cy + KAPPA * r, cx + KAPPA * r, cy + r, cx, cy + r);
    ops[2] = cv(cx - KAPPA * r, cy + r, cx - r, cy + KAPPA * r, cx - r, cy);
    ops[3] = cv(cx - r, cy - KAPPA * r, cx - KAPPA * r, cy - r, cx, cy - r);
    ops[4] = cv(cx + KAPPA * r, cy - r, cx + r, cy - KAPPA * r, cx + r, cy);
    ops[5] = (jm_path_op){ .op = JM_OP_CLOSE };
}

/* A boundary, control or entity symbol with its top at y, centred on x, the name under it. */
static void draw_symbol(const seq_plan *p, jm_scene *s, const seq_part *pt, double x, double y, jm_color name) {
    const jm_sequence_style *st = p->st;
    jm_part_kind kind = pt->p->kind;
    double d = st->actor_width, r = d / 2, sw, sh;
    seq_symbol_size(st, kind, &sw, &sh);
    double top = kind == JM_PART_CONTROL ? y + 0.2 * d : y;   /* the circle's top */
    double cx = x, cy = top + r;
    jm_path_op ring[6];
    circle_ops(ring, cx, cy, r);
    int fig = jm_scene_path(s, "sequence.symbol", ring, 6,
                            jm_paint_both(st->actor_fill, st->actor_stroke, st->part_stroke_width),
                            JM_HEAD_NONE, JM_HEAD_NONE, 0);
    s->items[fig].src = pt->p->pos;
    jm_paint stroke = jm_paint_stroke(st->actor_stroke, st->part_stroke_width);
    if (kind == JM_PART_BOUNDARY) {
        double bx = x - r - d / 2;
        jm_path_op ops[] = { mv(bx, y), ln(bx, y + d), mv(bx, cy), ln(cx - r, cy) };
        jm_scene_path(s, "sequence.symbol.mark", ops, 4, stroke, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    } else if (kind == JM_PART_CONTROL) {   /* an arrowhead on the circle's top, pointing left */
        double a = 0.2 * d;
        jm_path_op ops[] = { mv(cx + a, top - a), ln(cx - a * 0.4, top), ln(cx + a, top + a) };
        jm_scene_path(s, "sequence.symbol.mark", ops, 3, stroke, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    } else {
        jm_path_op ops[] = { mv(cx - r, y + sh), ln(cx + r, y + sh) };
        jm_scene_path(s, "sequence.symbol.mark", ops, 2, stroke, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    }
    double ly = y + sh + st->actor_label_gap;
    name_in(p, s, pt, x, ly, ly + pt->label.height, -1, name);
}

/* Heads in the band [top, top + head_h]: at the top of the diagram they stand on the band's
 * bottom (where the lifelines start); at the bottom they hang from its top. */
void seq_draw_head(const seq_plan *p, jm_scene *s, int part, double y, jm_color name) {
    const seq_part *pt = &p->parts[part];
    const char *who = pt->p->label && *pt->p->label ? pt->p->label : pt->p->id;
    int group = jm_scene_group_again(s, "participant", who, NULL);
    size_t from = s->n_items;
    if (pt->p->kind == JM_PART_ACTOR) draw_actor(p, s, pt, pt->x, y, name);
    else if (seq_part_figure(pt->p->kind)) draw_symbol(p, s, pt, pt->x, y, name);
    else draw_box(p, s, pt, pt->x, y);
    jm_scene_link(s, from, pt->p->url);
    jm_scene_group_end(s, group);
}

void seq_draw_heads(const seq_plan *p, jm_scene *s, double top, bool bottom, const int *alive) {
    for (size_t i = 0; i < p->n_parts; i++) {
        if ((alive && alive[i] != 1) || seq_edge(p, (int)i)) continue;
        double h = seq_head_h(p, (int)i);
        jm_color name = p->st->part_text;   /* an actor's name on its box's fill stays readable */
        for (size_t k = 0; k < p->n_boxes; k++)
            if ((int)i >= p->boxes[k].first && (int)i <= p->boxes[k].last)
                name = jm_color_readable(name, jm_color_over(p->boxes[k].fill, p->cm->background));
        seq_draw_head(p, s, (int)i, bottom ? top : top + p->head_h - h, name);
    }
}

/* Dashed lifelines over their spans, dotted across each delay. */
void seq_draw_lifelines(const seq_plan *p, jm_scene *s, const seq_span *life,
                        const seq_span *delays, size_t n_delays) {
    const jm_sequence_style *st = p->st;
    jm_paint solid = jm_paint_dashed(jm_paint_stroke(st->lifeline, st->lifeline_width), st->lifeline_dash);
    jm_paint dotted = jm_paint_dashed(jm_paint_stroke(st->lifeline, st->lifeline_width), st->delay_dash);
    for (size_t i = 0; i < p->n_parts; i++) {
        double x = p->parts[i].x, y = life[i].y0, y1 = life[i].y1;
        if (!(y1 > y) || seq_edge(p, (int)i)) continue;
        for (size_t k = 0; k < n_delays; k++) {
            double d0 = fmax(delays[k].y0, y), d1 = fmin(delays[k].y1, y1);
            if (d1 <= d0) continue;
            if (d0 > y) jm_scene_line(s, "sequence.lifeline", x, y, x, d0, solid, JM_HEAD_NONE, JM_HEAD_NONE, 0);
            jm_scene_line(s, "sequence.lifeline.delay", x, d0, x, d1, dotted, JM_HEAD_NONE, JM_HEAD_NONE, 0);
            y = d1;
        }
        if (y1 > y) jm_scene_line(s, "sequence.lifeline", x, y, x, y1, solid, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    }
}

/* An X centred on the lifeline where it ends. */
void seq_draw_destroy(const seq_plan *p, jm_scene *s, int part, double y, jm_color ink) {
    const jm_sequence_style *st = p->st;
    double x = p->parts[part].x, h = st->destroy_size / 2;
    jm_path_op ops[] = { mv(x - h, y - h), ln(x + h, y + h), mv(x - h, y + h), ln(x + h, y - h) };
    int it = jm_scene_path(s, "sequence.destroy", ops, sizeof ops / sizeof ops[0],
                           jm_paint_stroke(ink, st->destroy_width), JM_HEAD_NONE, JM_HEAD_NONE, 0);
    s->items[it].src = p->parts[part].p->pos;
}

/* Each box from `top` to `bottom`, its label centred at the top, over the heads. */
void seq_draw_boxes(const seq_plan *p, jm_scene *s, double top, double bottom) {
    const jm_sequence_style *st = p->st;
    for (size_t k = 0; k < p->n_boxes; k++) {
        const seq_box *b = &p->boxes[k];
        int r = jm_scene_rect(s, "sequence.box", b->x0, top, b->x1 - b->x0, bottom - top, st->box_radius,
                              jm_paint_both(b->fill, st->box_stroke, st->part_stroke_width));
        s->items[r].src = b->b->pos;
        if (!b->b->label) continue;
        double cx = (b->x0 + b->x1) / 2;
        int t = jm_scene_text(s, "sequence.box.label", cx - b->label.width / 2 - b->label.x, top + st->box_padding,
                              b->b->label, &st->box_font, b->text, JM_ALIGN_CENTER, seq_wrapped_at(b->label),
                              p->cm->line_spacing, b->label, r);
        s->items[t].src = b->b->pos;
    }
}
