/* seq_parts.c - the participants' heads (box, system box with a header band, database cylinder,
 * stick figure with its name) at the top and bottom of the lifelines, and the lifelines. */
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
                    int container) {
    const jm_sequence_style *st = p->st;
    const char *name = pt->p->label ? pt->p->label : pt->p->id;
    double lw = pt->label.width, lh = pt->label.height;
    int t = jm_scene_text(s, "sequence.participant.name", x - lw / 2 - pt->label.x, (y0 + y1 - lh) / 2, name,
                          &st->part_font, st->part_text, JM_ALIGN_CENTER, seq_wrapped_at(pt->label),
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
        name_in(p, s, pt, x, y + band, y + h, box);
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
        name_in(p, s, pt, x, y + 2 * ry, yb, box);
        break;
    }
    default:
        box = jm_scene_rect(s, "sequence.participant", x0, y, w, h, r,
                            jm_paint_both(st->part_fill, st->part_stroke, st->part_stroke_width));
        name_in(p, s, pt, x, y, y + h, box);
        break;
    }
}

/* A stick figure: head, body, arms, legs; proportions follow actor-height and actor-width. */
static void draw_actor(const seq_plan *p, jm_scene *s, const seq_part *pt, double x, double y) {
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
    name_in(p, s, pt, x, ly, ly + pt->label.height, -1);
}

/* Heads in the band [top, top + head_h]: at the top of the diagram they stand on the band's
 * bottom (where the lifelines start); at the bottom they hang from its top. */
void seq_draw_heads(const seq_plan *p, jm_scene *s, double top, bool bottom) {
    for (size_t i = 0; i < p->n_parts; i++) {
        const seq_part *pt = &p->parts[i];
        bool actor = pt->p->kind == JM_PART_ACTOR;
        double h = actor ? pt->h : p->box_h;
        double y = bottom ? top : top + p->head_h - h;
        if (actor) draw_actor(p, s, pt, pt->x, y);
        else draw_box(p, s, pt, pt->x, y);
    }
}

/* Dashed lifelines from y0 to y1, dotted across each delay. */
void seq_draw_lifelines(const seq_plan *p, jm_scene *s, double y0, double y1,
                        const seq_span *delays, size_t n_delays) {
    const jm_sequence_style *st = p->st;
    jm_paint solid = jm_paint_dashed(jm_paint_stroke(st->lifeline, st->lifeline_width), st->lifeline_dash);
    jm_paint dotted = jm_paint_dashed(jm_paint_stroke(st->lifeline, st->lifeline_width), st->delay_dash);
    for (size_t i = 0; i < p->n_parts; i++) {
        double x = p->parts[i].x, y = y0;
        for (size_t k = 0; k < n_delays; k++) {
            if (delays[k].y0 > y) jm_scene_line(s, "sequence.lifeline", x, y, x, delays[k].y0, solid,
                                                JM_HEAD_NONE, JM_HEAD_NONE, 0);
            jm_scene_line(s, "sequence.lifeline.delay", x, delays[k].y0, x, delays[k].y1, dotted,
                          JM_HEAD_NONE, JM_HEAD_NONE, 0);
            y = delays[k].y1;
        }
        if (y1 > y) jm_scene_line(s, "sequence.lifeline", x, y, x, y1, solid, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    }
}
