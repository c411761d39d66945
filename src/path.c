/* path.c - path geometry shared by scene.c and render.c: arrow heads, exact extents and trims.
 * Pure arithmetic on jm_path_op arrays; no allocation, no Cairo. */
#include "path.h"
#include <math.h>

typedef struct { double x, y; } pt;

static pt P(double x, double y) { return (pt){ x, y }; }
static pt lerp(pt a, pt b, double t) { return P(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t); }
static double dist(pt a, pt b) { return hypot(b.x - a.x, b.y - a.y); }
static bool same(pt a, pt b) { return dist(a, b) < 1e-9; }

/* The current point before op k runs (the end of the previous op; after CLOSE, the subpath's
 * start). (0, 0) before any op. */
static pt point_before(const jm_path_op *ops, size_t k) {
    pt cur = P(0, 0), start = P(0, 0);
    for (size_t i = 0; i < k; i++) {
        if (ops[i].op == JM_OP_CLOSE) { cur = start; continue; }
        cur = P(ops[i].x, ops[i].y);
        if (ops[i].op == JM_OP_MOVE) start = cur;
    }
    return cur;
}

bool jm_path_head(const jm_path_op *ops, size_t n, bool at_end, double size, jm_arrow *out) {
    if (n < 2) return false;
    pt tip, cand[3];
    int nc = 0;
    if (at_end) {
        const jm_path_op *e = &ops[n - 1];
        if (e->op != JM_OP_LINE && e->op != JM_OP_CURVE) return false;
        tip = P(e->x, e->y);
        if (e->op == JM_OP_CURVE) { cand[nc++] = P(e->x2, e->y2); cand[nc++] = P(e->x1, e->y1); }
        cand[nc++] = point_before(ops, n - 1);
    } else {
        const jm_path_op *s = &ops[1];
        tip = P(ops[0].x, ops[0].y);
        if (s->op == JM_OP_LINE) cand[nc++] = P(s->x, s->y);
        else if (s->op == JM_OP_CURVE) {
            cand[nc++] = P(s->x1, s->y1); cand[nc++] = P(s->x2, s->y2); cand[nc++] = P(s->x, s->y);
        } else return false;
    }
    int i = 0;
    while (i < nc && same(cand[i], tip)) i++;
    if (i == nc) return false;
    double len = dist(cand[i], tip);
    double ux = (tip.x - cand[i].x) / len, uy = (tip.y - cand[i].y) / len;  /* direction of travel */
    double hw = size * JM_ARROW_HALF_WIDTH;
    out->tip_x = tip.x; out->tip_y = tip.y;
    out->base_x = tip.x - ux * size; out->base_y = tip.y - uy * size;
    out->left_x = out->base_x - uy * hw; out->left_y = out->base_y + ux * hw;
    out->right_x = out->base_x + uy * hw; out->right_y = out->base_y - ux * hw;
    return true;
}

typedef struct { double x0, y0, x1, y1; bool any; } box;

static void grow(box *b, double x, double y) {
    if (!b->any) { b->x0 = b->x1 = x; b->y0 = b->y1 = y; b->any = true; return; }
    if (x < b->x0) b->x0 = x;
    if (x > b->x1) b->x1 = x;
    if (y < b->y0) b->y0 = y;
    if (y > b->y1) b->y1 = y;
}

static double bez(double p0, double p1, double p2, double p3, double t) {
    double s = 1 - t;
    return s * s * s * p0 + 3 * s * s * t * p1 + 3 * s * t * t * p2 + t * t * t * p3;
}

/* Parameters in (0, 1) where one coordinate of a cubic has an extreme: roots of its derivative
 * (a - 2b + c) t^2 + 2 (b - a) t + a, with a = p1 - p0, b = p2 - p1, c = p3 - p2. */
static int extremes(double p0, double p1, double p2, double p3, double t[2]) {
    double a = p1 - p0, b = p2 - p1, c = p3 - p2;
    double qa = a - 2 * b + c, qb = 2 * (b - a), qc = a;
    int n = 0;
    if (fabs(qa) < 1e-12) {
        if (fabs(qb) > 1e-12) t[n++] = -qc / qb;
    } else {
        double disc = qb * qb - 4 * qa * qc;
        if (disc >= 0) {
            double r = sqrt(disc);
            t[n++] = (-qb + r) / (2 * qa);
            t[n++] = (-qb - r) / (2 * qa);
        }
    }
    int k = 0;
    for (int i = 0; i < n; i++)
        if (t[i] > 0 && t[i] < 1) t[k++] = t[i];
    return k;
}

static void grow_head(box *b, const jm_item *it, bool at_end) {
    jm_arrow a;
    if ((at_end ? it->head_end : it->head_start) == JM_HEAD_NONE || it->head_size <= 0) return;
    if (!jm_path_head(it->ops, it->n_ops, at_end, it->head_size, &a)) return;
    grow(b, a.tip_x, a.tip_y);
    grow(b, a.left_x, a.left_y);
    grow(b, a.right_x, a.right_y);
}

bool jm_path_extent(const jm_item *it, double *x0, double *y0, double *x1, double *y1) {
    box b = { 0 };
    pt cur = P(0, 0), start = P(0, 0);
    for (size_t i = 0; i < it->n_ops; i++) {
        const jm_path_op *o = &it->ops[i];
        switch (o->op) {
        case JM_OP_CLOSE: cur = start; continue;
        case JM_OP_MOVE: start = P(o->x, o->y); break;
        case JM_OP_LINE: break;
        case JM_OP_CURVE: {
            double t[2];
            int n = extremes(cur.x, o->x1, o->x2, o->x, t);
            for (int k = 0; k < n; k++) grow(&b, bez(cur.x, o->x1, o->x2, o->x, t[k]), bez(cur.y, o->y1, o->y2, o->y, t[k]));
            n = extremes(cur.y, o->y1, o->y2, o->y, t);
            for (int k = 0; k < n; k++) grow(&b, bez(cur.x, o->x1, o->x2, o->x, t[k]), bez(cur.y, o->y1, o->y2, o->y, t[k]));
            break;
        }
        }
        cur = P(o->x, o->y);
        grow(&b, cur.x, cur.y);
    }
    grow_head(&b, it, false);
    grow_head(&b, it, true);
    *x0 = b.x0; *y0 = b.y0; *x1 = b.x1; *y1 = b.y1;
    return b.any;
}

/* de Casteljau: splits the cubic q[0..3] at t into left l[0..3] and right r[0..3]. */
static void split(const pt q[4], double t, pt l[4], pt r[4]) {
    pt p01 = lerp(q[0], q[1], t), p12 = lerp(q[1], q[2], t), p23 = lerp(q[2], q[3], t);
    pt p012 = lerp(p01, p12, t), p123 = lerp(p12, p23, t), m = lerp(p012, p123, t);
    l[0] = q[0]; l[1] = p01; l[2] = p012; l[3] = m;
    r[0] = m; r[1] = p123; r[2] = p23; r[3] = q[3];
}

static pt at(const pt q[4], double t) {
    return P(bez(q[0].x, q[1].x, q[2].x, q[3].x, t), bez(q[0].y, q[1].y, q[2].y, q[3].y, t));
}

/* The parameter nearest to the anchor end (t = 0 when from_start, else t = 1) at which the curve
 * is `d` pt away from that end: sampled, then bisected. -1 when it never gets that far. */
static double cut_at(const pt q[4], double d, bool from_start) {
    pt anchor = from_start ? q[0] : q[3];
    const int steps = 64;
    double prev = from_start ? 0 : 1;
    for (int i = 1; i <= steps; i++) {
        double t = from_start ? (double)i / steps : 1 - (double)i / steps;
        if (dist(at(q, t), anchor) >= d) {
            double lo = prev, hi = t;   /* lo: inside, hi: outside */
            for (int k = 0; k < 40; k++) {
                double mid = (lo + hi) / 2;
                if (dist(at(q, mid), anchor) >= d) hi = mid; else lo = mid;
            }
            return hi;
        }
        prev = t;
    }
    return -1;
}

static void set_curve(jm_path_op *o, const pt q[4]) {
    o->x1 = q[1].x; o->y1 = q[1].y; o->x2 = q[2].x; o->y2 = q[2].y; o->x = q[3].x; o->y = q[3].y;
}

void jm_path_trim(const jm_path_op *ops, size_t n, double start, double end, jm_path_op *out) {
    for (size_t i = 0; i < n; i++) out[i] = ops[i];
    if (n < 2) return;
    if (start > 0 && (out[1].op == JM_OP_LINE || out[1].op == JM_OP_CURVE)) {
        pt p0 = P(out[0].x, out[0].y), p1 = P(out[1].x, out[1].y), s;
        if (out[1].op == JM_OP_LINE) {
            double len = dist(p0, p1);
            s = len > start ? lerp(p0, p1, start / len) : p1;
        } else {
            pt q[4] = { p0, P(out[1].x1, out[1].y1), P(out[1].x2, out[1].y2), p1 }, l[4], r[4];
            double t = cut_at(q, start, true);
            if (t < 0) r[0] = r[1] = r[2] = r[3] = p1;
            else split(q, t, l, r);
            set_curve(&out[1], r);
            s = r[0];
        }
        out[0].x = s.x; out[0].y = s.y;
    }
    jm_path_op *e = &out[n - 1];
    if (end > 0 && (e->op == JM_OP_LINE || e->op == JM_OP_CURVE)) {
        pt p0 = point_before(out, n - 1), p1 = P(e->x, e->y);
        if (e->op == JM_OP_LINE) {
            double len = dist(p0, p1);
            pt s = len > end ? lerp(p1, p0, end / len) : p0;
            e->x = s.x; e->y = s.y;
        } else {
            pt q[4] = { p0, P(e->x1, e->y1), P(e->x2, e->y2), p1 }, l[4], r[4];
            double t = cut_at(q, end, false);
            if (t < 0) l[0] = l[1] = l[2] = l[3] = p0;
            else split(q, t, l, r);
            set_curve(e, l);
        }
    }
}

bool jm_head_cuts_line(jm_head h) { return h == JM_HEAD_FILLED || h == JM_HEAD_HALF_LEFT || h == JM_HEAD_HALF_RIGHT; }

static jm_path_op op_at(jm_op_kind k, double x, double y) { return (jm_path_op){ .op = k, .x = x, .y = y }; }

bool jm_path_head_shape(const jm_item *it, jm_head head, bool at_end, jm_head_shape *out) {
    jm_arrow a;
    if (head == JM_HEAD_NONE || !(it->head_size > 0)) return false;
    if (!jm_path_head(it->ops, it->n_ops, at_end, it->head_size, &a)) return false;
    out->width = it->paint.stroke_width > 0 ? it->paint.stroke_width : 1;
    out->n = 0;
    if (head == JM_HEAD_CROSS) {
        double nx = (a.left_x - a.right_x) / 2, ny = (a.left_y - a.right_y) / 2;
        out->ops[out->n++] = op_at(JM_OP_MOVE, a.right_x, a.right_y);
        out->ops[out->n++] = op_at(JM_OP_LINE, a.tip_x + nx, a.tip_y + ny);
        out->ops[out->n++] = op_at(JM_OP_MOVE, a.left_x, a.left_y);
        out->ops[out->n++] = op_at(JM_OP_LINE, a.tip_x - nx, a.tip_y - ny);
        out->filled = false;
        return true;
    }
    bool left = head == JM_HEAD_HALF_LEFT || head == JM_HEAD_STICK_LEFT;
    bool half = left || head == JM_HEAD_HALF_RIGHT || head == JM_HEAD_STICK_RIGHT;
    out->filled = jm_head_cuts_line(head);
    if (half) {
        out->ops[out->n++] = op_at(JM_OP_MOVE, left ? a.left_x : a.right_x, left ? a.left_y : a.right_y);
        out->ops[out->n++] = op_at(JM_OP_LINE, a.tip_x, a.tip_y);
        if (out->filled) out->ops[out->n++] = op_at(JM_OP_LINE, a.base_x, a.base_y);
    } else {
        out->ops[out->n++] = op_at(JM_OP_MOVE, a.left_x, a.left_y);
        out->ops[out->n++] = op_at(JM_OP_LINE, a.tip_x, a.tip_y);
        out->ops[out->n++] = op_at(JM_OP_LINE, a.right_x, a.right_y);
    }
    if (out->filled) out->ops[out->n++] = op_at(JM_OP_CLOSE, 0, 0);
    return true;
}
