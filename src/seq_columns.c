/* seq_columns.c - where the lifelines go: every label, note, self-message and head that must fit
 * between lifelines becomes a constraint on the gaps, solved adjacent pairs first, then spans;
 * then the sides of frames, rects and participant boxes. */
#include <math.h>
#include <string.h>
#include "seq_layout.h"

/* Activation bars sit on the lifeline; each nested one moves right by activation-offset:
 *
 *        level 0   level 1
 *         |   |     |   |          edge(level, side) = level * offset + side * width / 2
 *         |   |   |   | |
 *      x - w/2  x   x + off          (no bar: 0, the lifeline itself)
 */
double seq_bar_edge(const jm_sequence_style *st, int level, int side) {
    if (level < 0) return 0;
    return level * st->activation_offset + side * st->activation_width / 2;
}

static double badge_radius(const seq_plan *p, const seq_row *r) {
    if (!r->number) return 0;
    double w = r->badge.width + 2 * p->st->badge_padding;
    return (w > p->st->badge_size ? w : p->st->badge_size) / 2;
}

/*   message:      (badge)  label centred between badge and the far end
 *                   (1)  ~~~~ label ~~~~
 *        xs  -------O---------------------->  xe       xs, xe: bar edges facing each other
 *
 *   self-message:   (1) label text ...
 *        xs  -------O---------.  xr
 *                              |  self-height
 *        xe  <-----------------'
 */
void seq_msg_geom(const seq_plan *p, const seq_row *r, seq_msg_geo *g) {
    const jm_sequence_style *st = p->st;
    double xf = p->parts[r->from].x, xt = p->parts[r->to].x;
    int ls = r->from_depth - 1;
    g->badge_r = badge_radius(p, r);
    if (r->kind == SEQ_ROW_SELF) {
        int lret = r->activate ? r->from_depth : ls;
        g->xs = xf + seq_bar_edge(st, ls, 1);
        g->xe = xf + seq_bar_edge(st, lret, 1);
        g->xr = fmax(g->xs, g->xe) + g->badge_r + st->self_width;
        g->label_x = g->xs + g->badge_r + st->label_margin;
        g->right = fmax(g->xr, g->label_x + r->text.width);
        return;
    }
    int dir = r->to > r->from ? 1 : -1;
    int lr = r->activate ? r->to_depth : r->to_depth - 1;
    g->xs = xf + seq_bar_edge(st, ls, dir);
    g->xe = r->create ? xt - dir * p->parts[r->to].w / 2 : xt + seq_bar_edge(st, lr, -dir);
    g->xr = g->right = 0;
    double a = g->xs + dir * g->badge_r, b = g->xe;
    g->label_x = (a + b) / 2 - r->text.width / 2;
}

/* The name of a participant off the band, beside the edge column the message ends or starts at,
 * clear of the arrow head or badge there:
 *
 *     (7)---- label ---->|  → Participant 9          Participant 2 →  |(8)---- label ---->
 *                      edge                                          edge
 */
/* On a page too narrow for that (away_below), under the line inside the band, against the edge,
 * clear of a badge there (the arrow head is shallower than the drop):
 *
 *     |(7)---- label ---->|             |<--- label ----(8)|
 *     |      → Participant 9|           |Participant 2 ←     |
 */
double seq_away_x(const seq_plan *p, const seq_row *r, double badge_r) {
    int e = seq_edge(p, r->to) ? r->to : r->from;
    double x = p->parts[e].x;
    if (p->away_below) {
        double clear = e == r->from && badge_r > 0 ? badge_r + p->st->label_margin : 0;
        return e == p->edge_r ? x - clear - r->away_block.width : x + clear;
    }
    double clear = p->st->label_margin + (e == r->from ? badge_r : p->st->head_size / 2);
    return e == p->edge_r ? x + clear : x - clear - r->away_block.width;
}

double seq_away_drop(const seq_plan *p) {
    return fmax(p->st->label_gap, p->st->head_size / 2);
}

static double note_width(const seq_plan *p, const seq_row *r) {
    return r->text.width + 2 * p->st->note_padding;
}

void seq_note_geom(const seq_plan *p, const seq_row *r, double *x, double *w) {
    const jm_sequence_style *st = p->st;
    const jm_seq_item *it = r->item;
    double nw = note_width(p, r);
    double xi = p->parts[r->over[0]].x;
    switch (it->place) {
    case JM_NOTE_LEFT_OF:
        *x = xi - (r->from_depth > 0 ? st->activation_width / 2 : 0) - st->note_gap - nw;
        *w = nw;
        return;
    case JM_NOTE_RIGHT_OF:
        *x = xi + seq_bar_edge(st, r->from_depth - 1, 1) + st->note_gap;
        *w = nw;
        return;
    case JM_NOTE_OVER:
        break;
    }
    double lo = xi, hi = xi;
    for (size_t k = 1; k < r->n_over; k++) {
        double v = p->parts[r->over[k]].x;
        lo = fmin(lo, v);
        hi = fmax(hi, v);
    }
    *w = fmax(nw, hi - lo + 2 * st->note_overhang);
    *x = (lo + hi) / 2 - *w / 2;
}

/* ---- the constraints ---- */

typedef struct {
    size_t n;
    double *gap;     /* gap[i]: least distance from lifeline i to i + 1, pt */
    double *span;    /* span[lo * n + hi], hi - lo >= 2: least distance from lo to hi, pt */
} cols;

static void need(cols *c, int a, int b, double v) {
    if (a > b) { int t = a; a = b; b = t; }
    if (a == b || a < 0 || (size_t)b >= c->n) return;
    double *slot = b == a + 1 ? &c->gap[a] : &c->span[(size_t)a * c->n + (size_t)b];
    if (v > *slot) *slot = v;
}

/* Room a participant's own bars take on its left and right at most (notes and loops keep
 * clear of them). */
static double clear_left(const seq_plan *p, int i) {
    return p->parts[i].max_depth > 0 ? p->st->activation_width / 2 : 0;
}
static double clear_right(const seq_plan *p, int i) {
    return seq_bar_edge(p->st, p->parts[i].max_depth - 1, 1);
}

static void need_message(const seq_plan *p, cols *c, const seq_row *r) {
    const jm_sequence_style *st = p->st;
    int f = r->from, t = r->to, n = (int)p->n_parts;
    double br = badge_radius(p, r);
    if (r->kind == SEQ_ROW_SELF) {
        /* Offsets from the lifeline: the geometry with the lifeline at 0. */
        int ls = r->from_depth - 1, lret = r->activate ? r->from_depth : ls;
        double xs = seq_bar_edge(st, ls, 1), xe = seq_bar_edge(st, lret, 1);
        double right = fmax(fmax(xs, xe) + br + st->self_width, xs + br + st->label_margin + r->text.width);
        if (f + 1 < n) need(c, f, f + 1, right + st->label_margin + clear_left(p, f + 1));
        return;
    }
    int dir = t > f ? 1 : -1;
    int ls = r->from_depth - 1, lr = r->activate ? r->to_depth : r->to_depth - 1;
    double es = seq_bar_edge(st, ls, dir), ee = r->create ? -dir * p->parts[t].w / 2 : seq_bar_edge(st, lr, -dir);
    double inner = fmax(r->text.width + 2 * st->label_margin + br, st->message_min_width);
    if (r->away && p->away_below)   /* the name under the line, clear of the badge and the far end */
        inner = fmax(inner, r->away_block.width + 2 * st->label_margin + (seq_edge(p, f) ? br : 0));
    need(c, f, t, inner + dir * (es - ee));
}

static void need_note(const seq_plan *p, cols *c, const seq_row *r) {
    const jm_sequence_style *st = p->st;
    const jm_seq_item *it = r->item;
    int n = (int)p->n_parts, i = r->over[0];
    double nw = note_width(p, r);
    switch (it->place) {
    case JM_NOTE_LEFT_OF:
        if (i > 0)
            need(c, i - 1, i, (r->from_depth > 0 ? st->activation_width / 2 : 0) + 2 * st->note_gap + nw +
                                  clear_right(p, i - 1));
        return;
    case JM_NOTE_RIGHT_OF:
        if (i + 1 < n)
            need(c, i, i + 1, seq_bar_edge(st, r->from_depth - 1, 1) + 2 * st->note_gap + nw + clear_left(p, i + 1));
        return;
    case JM_NOTE_OVER:
        break;
    }
    int lo = i, hi = i;
    for (size_t k = 1; k < r->n_over; k++) {
        if (r->over[k] < lo) lo = r->over[k];
        if (r->over[k] > hi) hi = r->over[k];
    }
    if (lo < hi) { need(c, lo, hi, nw - 2 * st->note_overhang); return; }
    /* Over one lifeline: keep the neighbours' lifelines out of the note. */
    double half = fmax(nw, 2 * st->note_overhang) / 2 + st->note_gap;
    if (i > 0) need(c, i - 1, i, half + clear_right(p, i - 1));
    if (i + 1 < n) need(c, i, i + 1, half + clear_left(p, i + 1));
}

/* Adjacent gaps first; then each span, shortest first, spreads any shortfall evenly over the
 * gaps it covers. Widening only ever grows gaps, so every constraint met stays met. */
static void solve(cols *c) {
    size_t n = c->n;
    for (size_t len = 2; len < n; len++)
        for (size_t lo = 0; lo + len < n; lo++) {
            double want = c->span[lo * n + lo + len];
            if (want <= 0) continue;
            double have = 0;
            for (size_t k = lo; k < lo + len; k++) have += c->gap[k];
            if (have >= want) continue;
            double add = (want - have) / (double)len;
            for (size_t k = lo; k < lo + len; k++) c->gap[k] += add;
        }
}

static void grow(double *x0, double *x1, double a, double b) {
    if (a < *x0) *x0 = a;
    if (b > *x1) *x1 = b;
}

/* Row extents, then frames from the inside out: content, padding, at least the header's width;
 * an outer frame keeps frame-inset around its inner ones. */
static void place_frames(seq_plan *p) {
    const jm_sequence_style *st = p->st;
    int *stack = JM_NEWV(p->ctx->arena, int, p->n_groups ? p->n_groups : 1);
    bool *here = JM_NEWV(p->ctx->arena, bool, p->n_groups ? p->n_groups : 1);   /* a row of it is placing */
    int sp = 0;
    for (size_t i = 0; i < p->n_rows; i++) {
        seq_row *r = &p->rows[i];
        if (r->off) continue;
        bool placing = seq_placing(p, i);
        for (int k = 0; k < sp && placing; k++) here[stack[k]] = true;
        if (!placing && r->kind != SEQ_ROW_BEGIN && r->kind != SEQ_ROW_END) {   /* on another page */
            r->x0 = 1;
            r->x1 = 0;
            continue;
        }
        switch (r->kind) {
        case SEQ_ROW_MSG: case SEQ_ROW_SELF: {
            seq_msg_geo g;
            seq_msg_geom(p, r, &g);
            if (r->kind == SEQ_ROW_SELF) {
                r->x0 = fmin(g.xs - g.badge_r, g.xe);
                r->x1 = g.right;
            } else {
                r->x0 = fmin(g.xs, g.xe) - g.badge_r;
                r->x1 = fmax(g.xs, g.xe) + g.badge_r;
                grow(&r->x0, &r->x1, g.label_x - st->halo_padding, g.label_x + r->text.width + st->halo_padding);
                if (r->create) {   /* the head it creates */
                    const seq_part *pt = &p->parts[r->to];
                    grow(&r->x0, &r->x1, pt->x - pt->w / 2, pt->x + pt->w / 2);
                }
                if (r->away) {   /* the name of the participant off the band */
                    double ax = seq_away_x(p, r, g.badge_r);
                    grow(&r->x0, &r->x1, ax, ax + r->away_block.width);
                }
            }
            break;
        }
        case SEQ_ROW_NOTE: {
            double x, w;
            seq_note_geom(p, r, &x, &w);
            r->x0 = x;
            r->x1 = x + w;
            break;
        }
        case SEQ_ROW_BEGIN:
            stack[sp++] = r->group;
            here[r->group] = placing;
            p->groups[r->group].x0 = INFINITY;
            p->groups[r->group].x1 = -INFINITY;
            continue;
        case SEQ_ROW_END: {
            seq_group *g = &p->groups[stack[--sp]];
            if (g->off || !(here[stack[sp]] || placing)) { g->x0 = 1; g->x1 = 0; continue; }   /* nothing of it here */
            if (g->lo <= g->hi) grow(&g->x0, &g->x1, p->parts[g->lo].x, p->parts[g->hi].x);
            if (g->x0 > g->x1) {   /* nothing inside: around the first lifeline */
                g->x0 = g->x1 = p->parts[p->edge_l >= 0 ? 1 : 0].x;
                if (g->rect) g->x1 += st->message_min_width;
            }
            g->x0 -= st->frame_padding;
            g->x1 += st->frame_padding;
            double short_by = g->need_w - (g->x1 - g->x0);
            if (short_by > 0) { g->x0 -= short_by / 2; g->x1 += short_by / 2; }
            if (sp > 0) {
                seq_group *outer = &p->groups[stack[sp - 1]];
                grow(&outer->x0, &outer->x1, g->x0 - st->frame_inset, g->x1 + st->frame_inset);
            }
            continue;
        }
        case SEQ_ROW_DELAY: case SEQ_ROW_ELSE:
            continue;
        }
        if (sp > 0) grow(&p->groups[stack[sp - 1]].x0, &p->groups[stack[sp - 1]].x1, r->x0, r->x1);
    }
}

/* How far the header reaches left (side -1) or right (+1) of participant i's lifeline: half its
 * head, and the padding of a box whose side is there (or half the box, when its label is wider). */
static double head_reach(const seq_plan *p, int i, int side) {
    double r = p->parts[i].w / 2;
    for (size_t k = 0; k < p->n_boxes; k++) {
        const seq_box *b = &p->boxes[k];
        if (i != (side < 0 ? b->first : b->last)) continue;
        r += p->st->box_padding;
        if (b->first == b->last && b->label.width / 2 + p->st->box_padding > r)
            r = b->label.width / 2 + p->st->box_padding;
    }
    return r;
}

/* Boxes around their heads (and any created head, drawn in the same column), at least as wide as
 * their labels. */
static void place_boxes(seq_plan *p) {
    const jm_sequence_style *st = p->st;
    for (size_t k = 0; k < p->n_boxes; k++) {
        seq_box *b = &p->boxes[k];
        int f = b->first, l = b->last;
        b->x0 = INFINITY;
        b->x1 = -INFINITY;
        for (int i = f; i <= l; i++)
            grow(&b->x0, &b->x1, p->parts[i].x - p->parts[i].w / 2 - st->box_padding,
                 p->parts[i].x + p->parts[i].w / 2 + st->box_padding);
        double short_by = b->label.width + 2 * st->box_padding - (b->x1 - b->x0);
        if (short_by > 0) { b->x0 -= short_by / 2; b->x1 += short_by / 2; }
    }
}

void seq_columns_place(seq_plan *p) {
    const jm_sequence_style *st = p->st;
    size_t n = p->n_parts;
    cols c = { n, JM_NEWV(p->ctx->arena, double, n ? n : 1), NULL };
    c.span = n > 2 ? JM_NEWV(p->ctx->arena, double, n * n) : NULL;
    for (size_t i = 0; i + 1 < n; i++)
        need(&c, (int)i, (int)i + 1, head_reach(p, (int)i, 1) + head_reach(p, (int)i + 1, -1) + st->part_gap);
    for (size_t k = 0; k < p->n_boxes; k++) {   /* a label wider than the heads spreads them */
        const seq_box *b = &p->boxes[k];
        int f = b->first, l = b->last;
        if (f < l) need(&c, f, l, b->label.width - (p->parts[f].w + p->parts[l].w) / 2);
    }
    for (size_t i = 0; i < p->n_rows; i++) {
        const seq_row *r = &p->rows[i];
        if (r->off || !seq_placing(p, i)) continue;
        if (r->kind == SEQ_ROW_MSG || r->kind == SEQ_ROW_SELF) need_message(p, &c, r);
        else if (r->kind == SEQ_ROW_NOTE) need_note(p, &c, r);
    }
    for (size_t g = 0; g < p->n_groups; g++) {
        const seq_group *gr = &p->groups[g];
        if (gr->lo < gr->hi) need(&c, gr->lo, gr->hi, gr->need_w - 2 * st->frame_padding);
    }
    solve(&c);
    for (size_t i = 0; i + 1 < n; i++) c.gap[i] += p->spread;
    double x = p->origin;
    for (size_t i = 0; i < n; i++) {
        p->parts[i].x = x;
        if (i + 1 < n) x += c.gap[i];
    }
    place_frames(p);
    place_boxes(p);
}

void seq_columns_extent(const seq_plan *p, double *x0, double *x1) {
    double a = INFINITY, b = -INFINITY;
    for (size_t i = 0; i < p->n_parts; i++)   /* an edge column draws nothing of its own */
        if (!seq_edge(p, (int)i)) grow(&a, &b, p->parts[i].x - p->parts[i].w / 2, p->parts[i].x + p->parts[i].w / 2);
    for (size_t i = 0; i < p->n_rows; i++)
        if (p->rows[i].x0 <= p->rows[i].x1) grow(&a, &b, p->rows[i].x0, p->rows[i].x1);
    for (size_t g = 0; g < p->n_groups; g++)
        if (!p->groups[g].off && p->groups[g].x0 <= p->groups[g].x1) grow(&a, &b, p->groups[g].x0, p->groups[g].x1);
    for (size_t k = 0; k < p->n_boxes; k++) grow(&a, &b, p->boxes[k].x0, p->boxes[k].x1);
    if (a > b) a = b = 0;
    *x0 = a;
    *x1 = b;
}
