/* seq_messages.c - messages between lifelines and to self, their labels (with a halo where a
 * lifeline crosses them), autonumber badges, and activation bars. */
#include <math.h>
#include "seq_layout.h"

/* True when some lifeline runs through [a, b] (lifelines are sorted left to right). */
static bool lifeline_in(const seq_plan *p, double a, double b) {
    size_t lo = 0, hi = p->n_parts;
    while (lo < hi) {   /* first lifeline at or right of a */
        size_t mid = (lo + hi) / 2;
        if (p->parts[mid].x < a) lo = mid + 1; else hi = mid;
    }
    return lo < p->n_parts && p->parts[lo].x <= b;
}

int seq_label(const seq_plan *p, jm_scene *s, const char *role, double x, double y, const char *text,
              jm_textblock b, const jm_font *font, jm_color color, jm_pos src, int container) {
    const jm_sequence_style *st = p->st;
    double hp = st->halo_padding;
    int halo = -1;
    if (st->label_halo.a > 0 && lifeline_in(p, x - hp, x + b.width + hp))
        halo = jm_scene_rect(s, "sequence.halo", x - hp, y - hp, b.width + 2 * hp, b.height + 2 * hp, hp,
                             jm_paint_fill(st->label_halo));
    PangoAlignment pa = b.layout ? pango_layout_get_alignment(b.layout) : PANGO_ALIGN_LEFT;
    jm_align align = pa == PANGO_ALIGN_CENTER ? JM_ALIGN_CENTER : pa == PANGO_ALIGN_RIGHT ? JM_ALIGN_RIGHT : JM_ALIGN_LEFT;
    int t = jm_scene_text(s, role, x - b.x, y, text, font, color, align,
                          seq_wrapped_at(b), p->cm->line_spacing, b,
                          container >= 0 ? container : halo);
    s->items[t].src = src;
    return t;
}

void seq_bar_open(seq_walk *w, int part, double y) {
    int d = w->depth[part];
    if (d >= w->p->parts[part].max_depth) return;   /* the plan counted every bar */
    w->bar_top[part][d] = y;
    w->depth[part] = d + 1;
}

void seq_bar_close(seq_walk *w, int part, double y) {
    const jm_sequence_style *st = w->p->st;
    if (w->depth[part] <= 0) return;
    int level = --w->depth[part];
    double top = w->bar_top[part][level];
    double x = w->p->parts[part].x + seq_bar_edge(st, level, -1);
    jm_scene_rect(seq_cur(w)->layer[SEQ_L_BAR], "sequence.activation", x, top, st->activation_width,
                  fmax(y - top, 0), 0,
                  jm_paint_both(st->activation_fill, st->activation_stroke, st->part_stroke_width));
}

/* A numbered badge centred on (x, y), its number inside. */
static void draw_badge(seq_walk *w, const seq_row *r, double x, double y, double radius) {
    const seq_plan *p = w->p;
    const jm_sequence_style *st = p->st;
    jm_scene *s = seq_cur(w)->layer[SEQ_L_MSG];
    double h = fmax(st->badge_size, r->badge.height), bw = 2 * radius;
    int b = jm_scene_rect(s, "sequence.badge", x - radius, y - h / 2, bw, h, h / 2, jm_paint_fill(st->badge_fill));
    int t = jm_scene_text(s, "sequence.badge.number", x - r->badge.width / 2 - r->badge.x, y - r->badge.height / 2,
                          r->badge_label, &st->badge_font, st->badge_text, JM_ALIGN_CENTER, 0,
                          p->cm->line_spacing, r->badge, b);
    s->items[t].src = r->item->pos;
}

/* A message row: label above its line, the line (or loop) with its head, badge at the start;
 * bars begin where a message activates and end where it deactivates. */
void seq_draw_message(seq_walk *w, const seq_row *r, double top) {
    const seq_plan *p = w->p;
    const jm_sequence_style *st = p->st;
    const jm_seq_item *it = r->item;
    jm_scene *s = seq_cur(w)->layer[SEQ_L_MSG];
    seq_msg_geo g;
    seq_msg_geom(p, r, &g);
    bool labelled = r->label && *r->label;
    double text_h = labelled ? r->text.height : 0;
    double badge_h = r->number ? fmax(st->badge_size, r->badge.height) : 0;
    double y = top + fmax(text_h + st->label_gap, badge_h / 2);
    jm_paint paint = jm_paint_stroke(st->message, st->message_width);
    if (it->msg == JM_MSG_REPLY) paint = jm_paint_dashed(paint, st->reply_dash);
    jm_head head = it->tip == JM_TIP_NONE ? JM_HEAD_NONE : it->tip == JM_TIP_OPEN ? JM_HEAD_OPEN
                 : it->tip == JM_TIP_CROSS ? JM_HEAD_CROSS : it->msg == JM_MSG_ASYNC ? JM_HEAD_OPEN : JM_HEAD_FILLED;
    jm_head head0 = it->both_ends ? head : JM_HEAD_NONE;
    const char *role = it->msg == JM_MSG_REPLY ? "sequence.message.reply"
                     : it->msg == JM_MSG_ASYNC ? "sequence.message.async" : "sequence.message.sync";
    /* a head at the sender starts at the badge's edge, not under the badge */
    double xs = g.xs;
    if (r->number && head0 != JM_HEAD_NONE) {
        double toward = r->kind == SEQ_ROW_SELF ? g.xr : g.xe;
        xs += (toward >= g.xs ? 1 : -1) * g.badge_r;
    }
    int line;
    if (r->kind == SEQ_ROW_SELF) {
        double sh = st->self_height, rad = fmin(st->self_radius, sh / 2), k = 0.5522847498;
        jm_path_op ops[] = {
            { .op = JM_OP_MOVE, .x = xs, .y = y },
            { .op = JM_OP_LINE, .x = g.xr - rad, .y = y },
            { .op = JM_OP_CURVE, .x1 = g.xr - rad + k * rad, .y1 = y, .x2 = g.xr, .y2 = y + rad - k * rad, .x = g.xr, .y = y + rad },
            { .op = JM_OP_LINE, .x = g.xr, .y = y + sh - rad },
            { .op = JM_OP_CURVE, .x1 = g.xr, .y1 = y + sh - rad + k * rad, .x2 = g.xr - rad + k * rad, .y2 = y + sh, .x = g.xr - rad, .y = y + sh },
            { .op = JM_OP_LINE, .x = g.xe, .y = y + sh },
        };
        line = jm_scene_path(s, role, ops, sizeof ops / sizeof ops[0], paint, head0, head, st->head_size);
        if (it->deactivate) seq_bar_close(w, it->from, y + sh);
        if (it->activate) seq_bar_open(w, it->to, y + sh);
    } else {
        line = jm_scene_line(s, role, xs, y, g.xe, y, paint, head0, head, st->head_size);
        if (it->deactivate) seq_bar_close(w, it->from, y);
        if (it->activate) seq_bar_open(w, it->to, y);
    }
    s->items[line].src = it->pos;
    if (labelled)
        seq_label(p, s, "sequence.message.label", g.label_x, y - st->label_gap - text_h, r->label, r->text,
                  &st->message_font, st->message_text, it->pos, -1);
    if (r->number) draw_badge(w, r, g.xs, y, g.badge_r);
}
