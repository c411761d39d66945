/* emotions_labels.c - label placement: which points get a label (the thinning rule), and where
 * each label goes so that none overlaps another, a marker, a leader, the baseline or the curve. */
#include "emotions_int.h"
#include "grid.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What a label must keep clear of, in the plot frame, with a grid of each kind so that a spot
 * is tested only against the boxes and leaders near it: a curve of n steps costs about n times
 * a spot's few neighbours, not n times n. */
typedef struct {
    jm_arena *a;                                /* the placement's own: freed when it is done
                                                 * (a map lays its emotion lane out many times) */
    em_box *boxes; size_t n_boxes, cap_boxes;   /* markers (with rings), placed labels */
    int *owner;                                 /* point of each box */
    bool *label;                                /* is the box a label (else a marker)? */
    em_box *lines; size_t n_lines, cap_lines;   /* leaders as segments (x0,y0)-(x1,y1) */
    jm_grid *boxes_at, *lines_at;               /* the indices of boxes, of lines' bounding boxes */
    jm_grid *curve_at;                          /* the curve's polyline: segment i from point i */
} em_space;

/* Grid cells: about a marker with its ring across; the grid spans the plot and the score range
 * with room for labels above and below (what lies beyond falls into its border cells). */
#define GRID_CELL 16.0

static void add_box(em_layout *L, em_space *sp, em_box b, int owner, bool label) {
    if (sp->n_boxes == sp->cap_boxes) {
        size_t nc = sp->cap_boxes ? sp->cap_boxes * 2 : 64;
        em_box *nb = JM_NEWV(sp->a, em_box, nc);
        int *no = JM_NEWV(sp->a, int, nc);
        bool *nl = JM_NEWV(sp->a, bool, nc);
        if (sp->n_boxes) {
            memcpy(nb, sp->boxes, sp->n_boxes * sizeof *nb);
            memcpy(no, sp->owner, sp->n_boxes * sizeof *no);
            memcpy(nl, sp->label, sp->n_boxes * sizeof *nl);
        }
        sp->boxes = nb; sp->owner = no; sp->label = nl; sp->cap_boxes = nc;
    }
    sp->owner[sp->n_boxes] = owner;
    sp->label[sp->n_boxes] = label;
    jm_grid_add(sp->boxes_at, (int)sp->n_boxes, b.x0, b.y0, b.x1, b.y1);
    sp->boxes[sp->n_boxes++] = b;
}

static void add_line(em_layout *L, em_space *sp, double x0, double y0, double x1, double y1) {
    JM_RESERVE(sp->a, sp->lines, sp->n_lines, 1, sp->cap_lines, 32);
    jm_grid_add(sp->lines_at, (int)sp->n_lines, x0, y0, x1, y1);
    sp->lines[sp->n_lines++] = (em_box){ x0, y0, x1, y1 };
}

static bool boxes_meet(em_box a, em_box b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

static em_box grow(em_box b, double d) { return (em_box){ b.x0 - d, b.y0 - d, b.x1 + d, b.y1 + d }; }

/* Does the segment (x0,y0)-(x1,y1) meet the box? Liang-Barsky: clip the segment's parameter
 * range [0, 1] against each of the four edges; it meets the box if anything is left. */
static bool segment_meets_box(double x0, double y0, double x1, double y1, em_box b) {
    double dx = x1 - x0, dy = y1 - y0, lo = 0, hi = 1;
    double p[4] = { -dx, dx, -dy, dy }, q[4] = { x0 - b.x0, b.x1 - x0, y0 - b.y0, b.y1 - y0 };
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) { if (q[i] < 0) return false; continue; }
        double r = q[i] / p[i];
        if (p[i] < 0) { if (r > hi) return false; if (r > lo) lo = r; }
        else { if (r < lo) return false; if (r < hi) hi = r; }
    }
    return lo <= hi;
}

static double cross(double ax, double ay, double bx, double by) { return ax * by - ay * bx; }

/* Do the segments a and b cross (touching counts)? */
static bool segments_meet(em_box a, em_box b) {
    double d1 = cross(a.x1 - a.x0, a.y1 - a.y0, b.x0 - a.x0, b.y0 - a.y0);
    double d2 = cross(a.x1 - a.x0, a.y1 - a.y0, b.x1 - a.x0, b.y1 - a.y0);
    double d3 = cross(b.x1 - b.x0, b.y1 - b.y0, a.x0 - b.x0, a.y0 - b.y0);
    double d4 = cross(b.x1 - b.x0, b.y1 - b.y0, a.x1 - b.x0, a.y1 - b.y0);
    return ((d1 > 0) != (d2 > 0) || d1 == 0 || d2 == 0) && ((d3 > 0) != (d4 > 0) || d3 == 0 || d4 == 0)
           && fmin(a.x0, a.x1) <= fmax(b.x0, b.x1) && fmin(b.x0, b.x1) <= fmax(a.x0, a.x1)
           && fmin(a.y0, a.y1) <= fmax(b.y0, b.y1) && fmin(b.y0, b.y1) <= fmax(a.y0, a.y1);
}

/* The boxes, leaders or curve segments of `grid` that may meet the box from (x0,y0) to (x1,y1),
 * corners in any order. Every test below implies that the closed boxes meet (a segment lies in
 * its bounding box), so testing these answers as testing all, and the labels go where a scan of
 * every box would put them. The query is grown by far more than rounding (Liang-Barsky may see a
 * segment's end an ulp inside a box it misses), so a cell edge between two nearly equal numbers
 * never hides a box from a test that would find it. */
static size_t near(jm_grid *grid, double x0, double y0, double x1, double y1, const int **ids) {
    double slack = 1e-6 * (1 + fmax(fmax(fabs(x0), fabs(x1)), fmax(fabs(y0), fabs(y1))));
    return jm_grid_query(grid, fmin(x0, x1) - slack, fmin(y0, y1) - slack, fmax(x0, x1) + slack,
                         fmax(y0, y1) + slack, ids);
}

/* First polyline index whose x is >= x (the polyline's x never decreases). */
static size_t poly_lower(const em_layout *L, double x) {
    size_t lo = 0, hi = L->n_poly;
    while (lo < hi) { size_t mid = (lo + hi) / 2; if (L->poly_x[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
}

/* The curve's segments that may meet the box from x0 to x1 across, x0 <= x1: those from the
 * one before the first polyline point at x0 or beyond, up to the last that starts at x1 or
 * before; of those, only the ones near the box (the grid) are tested. */
static bool curve_meets(const em_layout *L, em_space *sp, double x0, double x1, em_box b, bool segment) {
    if (L->n_poly < 2) return false;
    size_t first = poly_lower(L, x0);
    first = first ? first - 1 : 0;
    const int *id;
    size_t n = near(sp->curve_at, b.x0, b.y0, b.x1, b.y1, &id);
    for (size_t k = 0; k < n; k++) {
        size_t i = (size_t)id[k];
        if (i < first || !(L->poly_x[i] <= x1)) continue;
        em_box piece = { L->poly_x[i], L->poly_y[i], L->poly_x[i + 1], L->poly_y[i + 1] };
        if (segment ? segments_meet(b, piece) : segment_meets_box(piece.x0, piece.y0, piece.x1, piece.y1, b)) return true;
    }
    return false;
}

static bool curve_meets_box(const em_layout *L, em_space *sp, em_box b) { return curve_meets(L, sp, b.x0, b.x1, b, false); }

static bool curve_meets_segment(const em_layout *L, em_space *sp, em_box seg) {
    return curve_meets(L, sp, fmin(seg.x0, seg.x1), fmax(seg.x0, seg.x1), seg, true);
}

/* The thinning rule: which points get a label.
 *   1. The highest and the lowest moments, always; then the first point of every band (a
 *      stage boundary).
 *   2. The other points, left to right: a point is labelled when at least k points lie between
 *      it and the previous labelled point and the next point of rule 1, where
 *          k = ceil((label-min-width + gap) / (2 * pitch))
 *      the narrowest label spans that many points, and labels alternate above and below the
 *      curve, so two labels share that width. With room enough k = 1: every point.
 *   3. Placement (below) takes rule 1 first, then rule 2 left to right, and leaves out a label
 *      that finds no free place within leader-max of its point (twice that for rule 1),
 *      instead of letting it collide.
 * Points without a label text, and unscored points, get no label. Returns the rank: 0 for rule
 * 1 extremes, 1 for boundaries, 2 for the rest, -1 for none. */
static int *choose(em_layout *L) {
    int *rank = JM_NEWV(L->a, int, L->n_pts ? L->n_pts : 1);
    double k = fmax(1, ceil((L->st.label_min_width + L->c->gap) / (2 * fmax(L->pitch, 1e-6))));
    for (size_t i = 0; i < L->n_pts; i++) {
        const em_point *p = &L->pts[i];
        bool text = p->scored && p->emo && p->emo->label && *p->emo->label;
        rank[i] = !text ? -1 : (p->high || p->low) ? 0 : p->band_first ? 1 : 2;
    }
    long *next = JM_NEWV(L->a, long, L->n_pts ? L->n_pts : 1);   /* next point of rule 1 */
    for (size_t i = L->n_pts, m = 0; i-- > 0;) {
        next[i] = m ? (long)m - 1 : -1;
        if (rank[i] == 0 || rank[i] == 1) m = i + 1;
    }
    long last = -1000000;
    for (size_t i = 0; i < L->n_pts; i++) {
        if (rank[i] < 0) continue;
        if (rank[i] < 2) { last = (long)i; continue; }
        if ((long)i - last >= k && (next[i] < 0 || next[i] - (long)i >= k)) last = (long)i;
        else rank[i] = -1;
    }
    return rank;
}

/* Where the label of a point would rather go: above a peak, below a dip; on a slope above
 * when the score is not negative. */
static bool prefers_above(const em_layout *L, size_t i) {
    const em_point *p = &L->pts[i], *a = NULL, *b = NULL;
    for (size_t m = i; m-- > 0;) if (L->pts[m].scored) { a = &L->pts[m]; break; }
    for (size_t m = i + 1; m < L->n_pts; m++) if (L->pts[m].scored) { b = &L->pts[m]; break; }
    bool over_a = !a || p->score >= a->score, over_b = !b || p->score >= b->score;
    bool under_a = !a || p->score <= a->score, under_b = !b || p->score <= b->score;
    if (over_a && over_b && !(under_a && under_b)) return true;
    if (under_a && under_b && !(over_a && over_b)) return false;
    return p->score >= 0;
}

typedef struct {
    em_box box;
    bool leader;
    double lx0, ly0, lx1, ly1;
} em_spot;

/* Is the spot free? The text box, grown by the clearance, must stay inside the plot across and
 * meet no marker, leader, baseline or curve; other labels stay label-spacing away side by side
 * and half that above or below (so two labels never read as one). Its leader (if any) must
 * cross no label, other marker, other leader or the curve. gl holds g: one query finds both. */
static bool spot_free(const em_layout *L, em_space *sp, size_t self, const em_spot *s) {
    double cl = L->st.label_clearance;
    em_box g = grow(s->box, cl);
    double sx = fmax(cl, L->st.label_spacing), sy = fmax(cl, L->st.label_spacing / 2);
    em_box gl = { s->box.x0 - sx, s->box.y0 - sy, s->box.x1 + sx, s->box.y1 + sy };
    if (s->box.x0 < L->plot_x || s->box.x1 > L->plot_x + L->plot_w) return false;
    double base = em_score_y(L, 0);
    if (g.y0 < base && g.y1 > base) return false;
    const int *id;
    size_t n = near(sp->boxes_at, gl.x0, gl.y0, gl.x1, gl.y1, &id);
    for (size_t k = 0; k < n; k++)
        if (boxes_meet(sp->label[id[k]] ? gl : g, sp->boxes[id[k]])) return false;
    n = near(sp->lines_at, g.x0, g.y0, g.x1, g.y1, &id);
    for (size_t k = 0; k < n; k++) {
        const em_box *ln = &sp->lines[id[k]];
        if (segment_meets_box(ln->x0, ln->y0, ln->x1, ln->y1, g)) return false;
    }
    if (curve_meets_box(L, sp, g)) return false;
    if (s->leader) {
        em_box seg = { s->lx0, s->ly0, s->lx1, s->ly1 };
        n = near(sp->boxes_at, seg.x0, seg.y0, seg.x1, seg.y1, &id);
        for (size_t k = 0; k < n; k++)
            if (sp->owner[id[k]] != (int)self && segment_meets_box(seg.x0, seg.y0, seg.x1, seg.y1, sp->boxes[id[k]]))
                return false;
        n = near(sp->lines_at, seg.x0, seg.y0, seg.x1, seg.y1, &id);
        for (size_t k = 0; k < n; k++)
            if (segments_meet(seg, sp->lines[id[k]])) return false;
        if (curve_meets_segment(L, sp, seg)) return false;
    }
    return true;
}

/* Is the box right at the marker? Straight above or below it, label-gap (and a point) from the
 * marker's edge, the marker under the middle half of the box; or beside it at its height. */
static bool at_marker(const em_layout *L, const em_point *p, em_box b) {
    double gap = L->st.label_gap + 0.5, eps = 1e-6;
    double up = p->y - p->reach - b.y1, down = b.y0 - p->y - p->reach;   /* edge to box, pt */
    double right = b.x0 - p->x - p->reach, left = p->x - p->reach - b.x1;
    bool column = fabs(p->x - (b.x0 + b.x1) / 2) <= (b.x1 - b.x0) / 4 + eps;
    bool row = fabs(p->y - (b.y0 + b.y1) / 2) <= 0.5;
    return (column && ((up >= -eps && up <= gap) || (down >= -eps && down <= gap)))
        || (row && ((right >= -eps && right <= gap) || (left >= -eps && left <= gap)));
}

/* Fills in the leader when the box is not right at the marker (at_marker): from the marker's
 * edge to the nearest point of the box at least leader-step (or a quarter of the box) in from
 * its sides (the label's text, not a corner far from it), stopping a point short of the box. */
static void attach(const em_layout *L, const em_point *p, em_spot *s) {
    s->leader = !at_marker(L, p, s->box);
    if (!s->leader) return;
    double q = fmin((s->box.x1 - s->box.x0) / 4, L->st.leader_step);
    double tx = fmin(fmax(p->x, s->box.x0 + q), s->box.x1 - q), ty = fmin(fmax(p->y, s->box.y0), s->box.y1);
    double dx = tx - p->x, dy = ty - p->y, d = hypot(dx, dy);
    if (d <= p->reach + 1) { s->leader = false; return; }
    s->lx0 = p->x + dx / d * p->reach;
    s->ly0 = p->y + dy / d * p->reach;
    s->lx1 = tx - dx / d;      /* stop 1 pt short of the text */
    s->ly1 = ty - dy / d;
}

/* Candidates for the label of point i, cheapest first wins:
 *
 *        [ label ]  <- k leader steps up (k = 0: label-gap above the marker)
 *   [label]   [label]  <- shifted left / right by quarters of the label width
 *           (😊)     [label]  <- beside the marker, at its height
 *        [ label ]  <- below, as above
 *
 * cost = 3 per narrower wrap + 2 per leader step + 4 * shift / width + 2.5 on the other side
 *        (+ 3 beside). */
static bool place(em_layout *L, em_space *sp, size_t i, bool must) {
    em_point *p = &L->pts[i];
    const jm_emotions_style *st = &L->st;
    const jm_font *font = p->high || p->low ? &st->extreme_font : &st->label_font;
    double widths[3] = { st->label_width, (st->label_width + st->label_min_width) / 2, st->label_min_width };
    bool above_first = prefers_above(L, i);
    double off = p->reach;   /* at the marker's own edge: a dot's label close to the dot */
    int levels = (int)floor(st->leader_max / fmax(st->leader_step, 1)) * (must ? 2 : 1);
    static const double shifts[] = { 0, -0.25, 0.25, -0.5, 0.5, -0.75, 0.75 };
    double best = INFINITY;
    em_spot best_spot = { 0 };
    jm_textblock best_block = { 0 };
    double best_wrap = 0, prev_width = INFINITY;
    for (int wi = 0; wi < 3; wi++) {
        double wrap = fmin(widths[wi], L->plot_w);
        jm_textblock b = jm_text_layout(L->text, L->a, p->emo->label, font, wrap, JM_ALIGN_CENTER, L->c->line_spacing);
        if (b.width >= prev_width - 0.5) continue;     /* no narrower than the last try */
        prev_width = b.width;
        double w = b.width, h = b.height;
        for (int side = 0; side < 2; side++) {
            bool above = (side == 0) == above_first;
            for (int k = 0; k <= levels; k++) {
                double y0 = above ? p->y - off - st->label_gap - k * st->leader_step - h
                                  : p->y + off + st->label_gap + k * st->leader_step;
                double base = em_score_y(L, 0);   /* a high's label never under the baseline, a low's never over it */
                if ((p->high && p->score >= 0 && y0 >= base) || (p->low && !p->high && p->score <= 0 && y0 + h <= base)) continue;
                for (size_t si = 0; si < sizeof shifts / sizeof shifts[0]; si++) {
                    double cost = 3 * wi + 2 * k + 4 * fabs(shifts[si]) + 2.5 * side;
                    if (cost >= best) continue;
                    double x0 = p->x + shifts[si] * w - w / 2;
                    em_spot s = { .box = { x0, y0, x0 + w, y0 + h } };
                    attach(L, p, &s);
                    if (spot_free(L, sp, i, &s)) { best = cost; best_spot = s; best_block = b; best_wrap = wrap; }
                }
            }
        }
        for (int right = 0; right < 2; right++) {
            double cost = 3 * wi + 3;
            if (cost >= best) continue;
            double x0 = right ? p->x + off + st->label_gap : p->x - off - st->label_gap - w;
            em_spot s = { .box = { x0, p->y - h / 2, x0 + w, p->y + h / 2 } };
            attach(L, p, &s);
            if (spot_free(L, sp, i, &s)) { best = cost; best_spot = s; best_block = b; best_wrap = wrap; }
        }
        if (best < INFINITY && best <= 3 * (wi + 1)) break;   /* a narrower wrap cannot beat it */
    }
    if (best == INFINITY) return false;
    p->placed = true;
    p->label = best_spot.box;
    p->label_block = best_block;
    p->label_wrap = best_wrap;
    p->leader = best_spot.leader;
    p->leader_x0 = best_spot.lx0; p->leader_y0 = best_spot.ly0;
    p->leader_x1 = best_spot.lx1; p->leader_y1 = best_spot.ly1;
    add_box(L, sp, best_spot.box, (int)i, true);
    if (p->leader) add_line(L, sp, p->leader_x0, p->leader_y0, p->leader_x1, p->leader_y1);
    return true;
}

void em_labels_place(em_layout *L) {
    double room = 2 * L->unit;
    jm_arena *a = jm_arena_new();
    em_space sp = {
        .a = a,
        .boxes_at = jm_grid_new(a, L->plot_x, -room, L->plot_x + L->plot_w, 4 * L->unit + room, GRID_CELL),
        .lines_at = jm_grid_new(a, L->plot_x, -room, L->plot_x + L->plot_w, 4 * L->unit + room, GRID_CELL),
        .curve_at = jm_grid_new(a, L->plot_x, -room, L->plot_x + L->plot_w, 4 * L->unit + room, GRID_CELL),
    };
    for (size_t i = 0; i + 1 < L->n_poly; i++)
        jm_grid_add(sp.curve_at, (int)i, L->poly_x[i], L->poly_y[i], L->poly_x[i + 1], L->poly_y[i + 1]);
    for (size_t i = 0; i < L->n_pts; i++) {
        const em_point *p = &L->pts[i];
        if (p->scored) add_box(L, &sp, (em_box){ p->x - p->reach, p->y - p->reach, p->x + p->reach, p->y + p->reach }, (int)i, false);
    }
    int *rank = choose(L);
    for (int r = 0; r <= 2; r++)
        for (size_t i = 0; i < L->n_pts; i++)
            if (rank[i] == r) place(L, &sp, i, r < 2);
    jm_arena_free(a);

    L->top = 0;
    L->bottom = 4 * L->unit;
    for (size_t i = 0; i < L->n_pts; i++) {
        const em_point *p = &L->pts[i];
        if (!p->scored) continue;
        L->top = fmin(L->top, p->y - p->reach);
        L->bottom = fmax(L->bottom, p->y + p->reach);
        if (!p->placed) continue;
        L->top = fmin(L->top, p->label.y0);
        L->bottom = fmax(L->bottom, p->label.y1);
    }
}

void em_labels_leaders(em_layout *L, jm_scene *s, double dy) {
    jm_paint paint = jm_paint_stroke(L->st.leader_color, L->st.leader_width);
    for (size_t i = 0; i < L->n_pts; i++) {
        const em_point *p = &L->pts[i];
        if (!p->placed || !p->leader) continue;
        jm_scene_line(s, "emotions.leader", p->leader_x0, p->leader_y0 + dy, p->leader_x1, p->leader_y1 + dy,
                      paint, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    }
}

void em_labels_text(em_layout *L, jm_scene *s, double dy) {
    const jm_emotions_style *st = &L->st;
    for (size_t i = 0; i < L->n_pts; i++) {
        const em_point *p = &L->pts[i];
        if (!p->placed) continue;
        bool ex = p->high || p->low;
        const char *role = p->high ? "emotions.label.high" : p->low ? "emotions.label.low" : "emotions.label";
        jm_color color = p->high ? st->high_text : p->low ? st->low_text : st->label_color;
        /* measured wrapped to label_wrap and centred in it: the box starts b.x after the origin */
        int it = jm_scene_text(s, role, p->label.x0 - p->label_block.x, p->label.y0 + dy, p->emo->label, ex ? &st->extreme_font : &st->label_font,
                               color, JM_ALIGN_CENTER, p->label_wrap, L->c->line_spacing, p->label_block, -1);
        s->items[it].src = p->src;
    }
}
