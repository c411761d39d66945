/* seq_messages.c - messages between lifelines and to self, their labels (with a halo where a
 * lifeline crosses them, readable on box and rect fills), autonumber badges, activation bars, and
 * the heads and crosses of participants created and destroyed by a message. */
#include <math.h>
#include "seq_layout.h"

/* True when some lifeline runs through [a, b] (lifelines are sorted left to right; edge columns
 * have none). */
static bool lifeline_in(const seq_plan *p, double a, double b) {
    size_t lo = p->edge_l >= 0, end = p->n_parts - (p->edge_r >= 0), hi = end;
    while (lo < hi) {   /* first lifeline at or right of a */
        size_t mid = (lo + hi) / 2;
        if (p->parts[mid].x < a) lo = mid + 1; else hi = mid;
    }
    return lo < end && p->parts[lo].x <= b;
}

static bool same_color(jm_color a, jm_color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

enum { MAX_BACKDROPS = 8 };

/* The opaque colours under [x0, x1] now: the canvas, the boxes there, each open rect over them
 * (a label inside a rect lies within its sides). Returns how many (distinct, at least one). */
static int backdrops(const seq_walk *w, double x0, double x1, jm_color out[MAX_BACKDROPS]) {
    const seq_plan *p = w->p;
    jm_color bg = p->cm->background;
    bg.a = 1;
    int n = 0;
    bool bare = false;   /* some part of the span is on no box */
    double covered = x0;
    for (size_t k = 0; k < p->n_boxes; k++) {   /* boxes are left to right, apart */
        const seq_box *b = &p->boxes[k];
        if (b->x1 <= x0 || b->x0 >= x1) continue;
        if (b->x0 > covered) bare = true;
        covered = fmax(covered, b->x1);
        if (n < MAX_BACKDROPS - 1) out[n++] = jm_color_over(b->fill, bg);
    }
    if (covered < x1) bare = true;
    if (bare || n == 0) out[n++] = bg;
    for (int k = 0; k < w->n_open; k++) {
        const seq_group *g = &p->groups[w->open[k].group];
        if (!g->rect) continue;
        for (int i = 0; i < n; i++) out[i] = jm_color_over(g->fill, out[i]);
    }
    int m = 0;
    for (int i = 0; i < n; i++) {
        bool dup = false;
        for (int j = 0; j < m && !dup; j++) dup = same_color(out[j], out[i]);
        if (!dup) out[m++] = out[i];
    }
    return m;
}

jm_color seq_ink(const seq_walk *w, double x0, double x1, jm_color want, double ratio) {
    jm_color under[MAX_BACKDROPS], bg = w->p->cm->background, best = want;
    bg.a = 1;
    int n = backdrops(w, x0, x1, under);
    if (n == 1 && same_color(under[0], bg)) return want;
    const jm_color inks[3] = { want, { 0, 0, 0, 1 }, { 1, 1, 1, 1 } };
    double best_c = -1;
    for (int k = 0; k < 3; k++) {
        double c = INFINITY;
        for (int i = 0; i < n; i++) c = fmin(c, jm_color_contrast(inks[k], under[i]));
        if (k == 0 && c >= ratio) return want;
        if (c > best_c) { best_c = c; best = inks[k]; }
    }
    return best;
}

int seq_label(const seq_walk *w, jm_scene *s, const char *role, double x, double y, const char *text,
              jm_textblock b, const jm_font *font, jm_color color, jm_pos src, int container) {
    const seq_plan *p = w->p;
    const jm_sequence_style *st = p->st;
    double hp = st->halo_padding;
    int halo = -1;
    /* On the canvas alone the style's colours hold; on fills the colour turns readable, and a
     * halo in the fill's colour keeps lifelines off it; across fills no one colour may suit. */
    jm_color under[MAX_BACKDROPS], bg = p->cm->background;
    bg.a = 1;
    int n = backdrops(w, x - hp, x + b.width + hp, under);
    bool plain = n == 1 && same_color(under[0], bg);
    bool suits = true;
    for (int i = 0; i < n; i++) suits &= jm_color_contrast(color, under[i]) >= 4.5;
    jm_color halo_color = plain || n > 1 ? st->label_halo : under[0];
    if (halo_color.a <= 0 && !suits) halo_color = bg;
    if (halo_color.a > 0 && (lifeline_in(p, x - hp, x + b.width + hp) || (!plain && !suits && n > 1)))
        halo = jm_scene_rect(s, "sequence.halo", x - hp, y - hp, b.width + 2 * hp, b.height + 2 * hp, hp,
                             jm_paint_fill(halo_color));
    if (!plain) color = jm_color_readable(color, halo >= 0 ? jm_color_over(halo_color, under[0]) : under[0]);
    int t = jm_scene_text(s, role, x - b.x, y, text, font, color, b.align,
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

/* A central connection (Mermaid's `()`): a small circle on the background, centred at (x, y). */
static void draw_circle(seq_walk *w, jm_scene *s, double x, double y, double r, jm_color ink, jm_pos pos) {
    const double k = 0.5522847498 * r;   /* a quarter circle as one cubic Bézier */
    jm_path_op ops[] = {
        { .op = JM_OP_MOVE, .x = x + r, .y = y },
        { .op = JM_OP_CURVE, .x1 = x + r, .y1 = y + k, .x2 = x + k, .y2 = y + r, .x = x, .y = y + r },
        { .op = JM_OP_CURVE, .x1 = x - k, .y1 = y + r, .x2 = x - r, .y2 = y + k, .x = x - r, .y = y },
        { .op = JM_OP_CURVE, .x1 = x - r, .y1 = y - k, .x2 = x - k, .y2 = y - r, .x = x, .y = y - r },
        { .op = JM_OP_CURVE, .x1 = x + k, .y1 = y - r, .x2 = x + r, .y2 = y - k, .x = x + r, .y = y },
        { .op = JM_OP_CLOSE },
    };
    jm_color bg = w->p->cm->background;
    bg.a = 1;
    int c = jm_scene_path(s, "sequence.message.circle", ops, sizeof ops / sizeof ops[0],
                          jm_paint_both(bg, ink, w->p->st->message_width), JM_HEAD_NONE, JM_HEAD_NONE, 0);
    s->items[c].src = pos;
}

/* A message with no end on the band: only the bars it starts and ends on the band's lifelines. */
static void draw_off(seq_walk *w, const seq_row *r, double top) {
    const seq_plan *p = w->p;
    const jm_seq_item *it = r->item;
    double y = top + seq_msg_above(p, r), yd = r->kind == SEQ_ROW_SELF ? y + p->st->self_height : y;
    w->messages++;   /* message ids count every message, on the band or not */
    for (size_t k = 0; k < it->n_opens; k++)
        if (seq_col(p, it->opens[k]) >= 0) seq_bar_open(w, seq_col(p, it->opens[k]), y);
    for (size_t k = 0; k < it->n_closes; k++)
        if (seq_col(p, it->closes[k]) >= 0) seq_bar_close(w, seq_col(p, it->closes[k]), yd);
}

/* A message row: label above its line, the line (or loop) with its head, badge at the start;
 * bars begin where a message activates and end where it deactivates. A message to or from a
 * participant off the band runs to the band's edge, where that participant is named. */
void seq_draw_message(seq_walk *w, const seq_row *r, double top) {
    const seq_plan *p = w->p;
    const jm_sequence_style *st = p->st;
    const jm_seq_item *it = r->item;
    if (r->off) { draw_off(w, r, top); return; }
    jm_scene *s = seq_cur(w)->layer[SEQ_L_MSG];
    seq_msg_geo g;
    seq_msg_geom(p, r, &g);
    bool labelled = r->label && *r->label;
    const jm_participant *from = &p->seq->participants[it->from], *to = &p->seq->participants[it->to];
    /* named by who sends to whom; its label is text inside the group, read after the name */
    int group = jm_scene_group_begin(s, "message", jm_arena_printf(s->arena, "%d", ++w->messages),
                                     jm_arena_concat(s->arena, from->label ? from->label : from->id, " to ",
                                                     to->label ? to->label : to->id, NULL));
    double text_h = labelled ? r->text.height : 0;
    double y = top + seq_msg_above(p, r);
    for (size_t k = 0; k < it->n_opens; k++)
        if (seq_col(p, it->opens[k]) >= 0) seq_bar_open(w, seq_col(p, it->opens[k]), y);
    /* message lines keep 3:1 (non-text contrast) on box and rect fills */
    jm_color ink = seq_ink(w, fmin(g.xs, r->kind == SEQ_ROW_SELF ? g.xr : g.xe), fmax(g.xs, r->kind == SEQ_ROW_SELF ? g.xr : g.xe),
                           st->message, 3);
    jm_paint paint = jm_paint_stroke(ink, st->message_width);
    if (it->msg == JM_MSG_REPLY) paint = jm_paint_dashed(paint, st->reply_dash);
    jm_head head = it->tip == JM_TIP_NONE ? JM_HEAD_NONE : it->tip == JM_TIP_OPEN ? JM_HEAD_OPEN
                 : it->tip == JM_TIP_CROSS ? JM_HEAD_CROSS : it->msg == JM_MSG_ASYNC ? JM_HEAD_OPEN : JM_HEAD_FILLED;
    jm_head head0 = it->both_ends ? head : JM_HEAD_NONE;
    if (it->half != JM_HALF_NONE && (head == JM_HEAD_FILLED || head == JM_HEAD_OPEN)) {
        /* on a line drawn to the right the head's left side is below (a self-message ends leftward) */
        bool rightward = r->kind != SEQ_ROW_SELF && g.xe > g.xs;
        bool left = (it->half == JM_HALF_TOP) != rightward;
        head = head == JM_HEAD_FILLED ? (left ? JM_HEAD_HALF_LEFT : JM_HEAD_HALF_RIGHT)
                                      : (left ? JM_HEAD_STICK_LEFT : JM_HEAD_STICK_RIGHT);
    }
    const char *role = it->msg == JM_MSG_REPLY ? "sequence.message.reply"
                     : it->msg == JM_MSG_ASYNC ? "sequence.message.async" : "sequence.message.sync";
    /* a head or circle at the sender starts at the badge's edge, not under the badge; a circle
     * is centred on the line's end, the line stopping at its edge:
     *     (o)------->(o)        cr: the circle's radius */
    double xs = g.xs, cr = st->head_size / 2;
    double dir = (r->kind == SEQ_ROW_SELF ? g.xr : g.xe) >= g.xs ? 1 : -1;
    if (r->number && (head0 != JM_HEAD_NONE || it->circle_from)) xs += dir * g.badge_r;
    double c0 = xs + dir * cr;   /* the sender's circle */
    if (it->circle_from) xs += dir * 2 * cr;
    double xe = g.xe;
    if (it->circle_to) xe += (r->kind == SEQ_ROW_SELF ? 1 : -dir) * cr;
    int line;
    if (r->kind == SEQ_ROW_SELF) {
        double sh = st->self_height, rad = fmin(st->self_radius, sh / 2), k = 0.5522847498;
        jm_path_op ops[] = {
            { .op = JM_OP_MOVE, .x = xs, .y = y },
            { .op = JM_OP_LINE, .x = g.xr - rad, .y = y },
            { .op = JM_OP_CURVE, .x1 = g.xr - rad + k * rad, .y1 = y, .x2 = g.xr, .y2 = y + rad - k * rad, .x = g.xr, .y = y + rad },
            { .op = JM_OP_LINE, .x = g.xr, .y = y + sh - rad },
            { .op = JM_OP_CURVE, .x1 = g.xr, .y1 = y + sh - rad + k * rad, .x2 = g.xr - rad + k * rad, .y2 = y + sh, .x = g.xr - rad, .y = y + sh },
            { .op = JM_OP_LINE, .x = xe, .y = y + sh },
        };
        line = jm_scene_path(s, role, ops, sizeof ops / sizeof ops[0], paint, head0, head, st->head_size);
        if (r->deactivate) seq_bar_close(w, r->from, y + sh);
        if (r->activate) seq_bar_open(w, r->to, y + sh);
    } else {
        line = jm_scene_line(s, role, xs, y, xe, y, paint, head0, head, st->head_size);
        if (r->deactivate) seq_bar_close(w, r->from, y);
        if (r->create) {   /* the head centred on the line, its lifeline from under it */
            double hh = seq_head_h(p, r->to);
            const seq_part *pt = &p->parts[r->to];
            seq_draw_head(p, seq_cur(w)->layer[SEQ_L_HEAD], r->to, y - hh / 2,
                          seq_ink(w, pt->x - pt->w / 2, pt->x + pt->w / 2, st->part_text, 4.5));
            w->alive[r->to] = 1;
            w->life[r->to] = (seq_span){ y + hh / 2, INFINITY };
        }
        if (r->activate) seq_bar_open(w, r->to, r->create ? y + seq_head_h(p, r->to) / 2 : y);
    }
    s->items[line].src = it->pos;
    if (it->circle_from) draw_circle(w, s, c0, y, cr, ink, it->pos);
    if (it->circle_to) draw_circle(w, s, g.xe, r->kind == SEQ_ROW_SELF ? y + st->self_height : y, cr, ink, it->pos);
    int ends[2] = { it->destroy_from ? seq_col(p, it->from) : -1, it->destroy_to ? seq_col(p, it->to) : -1 };
    double yd = r->kind == SEQ_ROW_SELF ? y + st->self_height : y;
    for (int e = 0; e < 2; e++) {
        if (ends[e] < 0 || (e == 1 && ends[1] == ends[0])) continue;
        while (w->depth[ends[e]] > 0) seq_bar_close(w, ends[e], yd);
        double xd = p->parts[ends[e]].x, half = st->destroy_size / 2;
        seq_draw_destroy(p, s, ends[e], yd, seq_ink(w, xd - half, xd + half, st->destroy_stroke, 3));
        w->alive[ends[e]] = 2;
        if (w->life[ends[e]].y1 > yd) w->life[ends[e]].y1 = yd;
    }
    for (size_t k = 0; k < it->n_closes; k++)
        if (seq_col(p, it->closes[k]) >= 0) seq_bar_close(w, seq_col(p, it->closes[k]), yd);
    if (labelled)
        seq_label(w, s, "sequence.message.label", g.label_x, y - st->label_gap - text_h, r->label, r->text,
                  &st->message_font, st->message_text, it->pos, -1);
    if (r->away)   /* centred on the line beside the edge, or under it */
        seq_label(w, s, "sequence.message.away", seq_away_x(p, r, g.badge_r),
                  p->away_below ? y + seq_away_drop(p) : y - r->away_block.height / 2,
                  r->away_text, r->away_block, &st->message_font, st->message_text, it->pos, -1);
    if (r->number) draw_badge(w, r, g.xs, y, g.badge_r);
    jm_scene_group_end(s, group);
}
