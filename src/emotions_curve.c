/* emotions_curve.c - the emotion curve itself: point heights, the monotone curve through the
 * scored points (dashed across unscored ones), areas tinted above and below the baseline, markers. */
#include "emotions_int.h"
#include <math.h>
#include <string.h>

enum { POLY_SAMPLES = 16 };   /* samples per segment in the polyline used for label collisions */

/* A circle as four cubic quarter arcs (control distance k r, k = 4/3 (sqrt 2 - 1)). */
void em_circle(jm_path_op *ops, double cx, double cy, double r) {
    const double k = 0.5522847498307936 * r;
    ops[0] = (jm_path_op){ .op = JM_OP_MOVE, .x = cx + r, .y = cy };
    ops[1] = (jm_path_op){ .op = JM_OP_CURVE, .x1 = cx + r, .y1 = cy + k, .x2 = cx + k, .y2 = cy + r, .x = cx, .y = cy + r };
    ops[2] = (jm_path_op){ .op = JM_OP_CURVE, .x1 = cx - k, .y1 = cy + r, .x2 = cx - r, .y2 = cy + k, .x = cx - r, .y = cy };
    ops[3] = (jm_path_op){ .op = JM_OP_CURVE, .x1 = cx - r, .y1 = cy - k, .x2 = cx - k, .y2 = cy - r, .x = cx, .y = cy - r };
    ops[4] = (jm_path_op){ .op = JM_OP_CURVE, .x1 = cx + k, .y1 = cy - r, .x2 = cx + r, .y2 = cy - k, .x = cx + r, .y = cy };
    ops[5] = (jm_path_op){ .op = JM_OP_CLOSE };
}

static bool has_emoji(const em_point *p) { return p->emo && p->emo->emoji && *p->emo->emoji; }

/* Marker size. Every marker gets the same size, as large as the style says unless neighbours
 * are closer than that: then the emoji shrink to fit the pitch (less a grid unit between
 * discs), and below the smallest readable font size they give way to dots. */
static void size_markers(em_layout *L) {
    const jm_emotions_style *st = &L->st;
    double room = fmax(1, L->pitch - L->c->grid_unit) / 2;   /* largest radius */
    L->emoji_font = st->emoji_font;
    L->use_emoji = false;
    double glyph = 0;
    for (size_t i = 0; i < L->n_pts; i++) {
        em_point *p = &L->pts[i];
        if (!p->scored || !has_emoji(p)) continue;
        p->emoji = jm_text_layout(L->text, L->a, p->emo->emoji, &L->emoji_font, 0, JM_ALIGN_LEFT, 0);
        glyph = fmax(glyph, fmax(p->emoji.width, p->emoji.height));
        L->use_emoji = true;
    }
    double r = glyph / 2 + st->marker_padding;
    if (L->use_emoji && r > room) {
        double k = (room - st->marker_padding) / (glyph / 2);
        L->emoji_font.size = st->emoji_font.size * k;
        if (L->emoji_font.size < jm_layout_min_font(L->ctx)) L->use_emoji = false;
        else {
            glyph = 0;
            for (size_t i = 0; i < L->n_pts; i++) {
                em_point *p = &L->pts[i];
                if (!p->scored || !has_emoji(p)) continue;
                p->emoji = jm_text_layout(L->text, L->a, p->emo->emoji, &L->emoji_font, 0, JM_ALIGN_LEFT, 0);
                glyph = fmax(glyph, fmax(p->emoji.width, p->emoji.height));
            }
            r = glyph / 2 + st->marker_padding;
        }
    }
    double dot = fmin(st->dot_radius, room);
    L->disc_r = L->use_emoji ? r : dot;
    for (size_t i = 0; i < L->n_pts; i++) {
        em_point *p = &L->pts[i];
        p->r = L->use_emoji && has_emoji(p) ? r : dot;
        p->reach = p->r + (p->high || p->low ? st->ring_gap + st->ring_width : 0);
    }
}

/* The tint's knots (em_layout.conf_x): a point's x with 1 when its score was measured, else 0;
 * a band without points gives 0 at both its edges. */
static void conf_knots(em_layout *L) {
    L->conf_x = JM_NEWV(L->a, double, L->n_pts + 2 * L->n_bands + 1);
    L->conf_w = JM_NEWV(L->a, double, L->n_pts + 2 * L->n_bands + 1);
    size_t n = 0;
    for (size_t b = 0; b < L->n_bands; b++) {
        const em_band *band = &L->bands[b];
        if (band->n == 0) {
            L->conf_x[n] = band->x; L->conf_w[n++] = 0;
            L->conf_x[n] = band->x + band->w; L->conf_w[n++] = 0;
        }
        for (size_t i = band->first; i < band->first + band->n; i++) {
            const em_point *p = &L->pts[i];
            L->conf_x[n] = p->x;
            L->conf_w[n++] = p->scored && !p->estimated ? 1 : 0;
        }
    }
    L->n_conf = n;
}

/* The tint's weight at x (see em_layout.conf_x). */
static double conf_at(const em_layout *L, double x) {
    size_t n = L->n_conf;
    if (n == 0) return 0;
    if (x <= L->conf_x[0]) return L->conf_w[0];
    for (size_t i = 1; i < n; i++)
        if (x <= L->conf_x[i]) {
            double d = L->conf_x[i] - L->conf_x[i - 1];
            return d > 0 ? L->conf_w[i - 1] + (L->conf_w[i] - L->conf_w[i - 1]) * (x - L->conf_x[i - 1]) / d : L->conf_w[i];
        }
    return L->conf_w[n - 1];
}

/* Heights, extremes, the curve's segments through the scored points, and its polyline. */
void em_curve_build(em_layout *L) {
    L->unit = L->st.score_height;
    size_t n = 0;
    double hi = -INFINITY, lo = INFINITY;
    for (size_t i = 0; i < L->n_pts; i++) {
        em_point *p = &L->pts[i];
        if (!p->scored) continue;
        p->y = em_score_y(L, p->score);
        hi = fmax(hi, p->score);
        lo = fmin(lo, p->score);
        n++;
    }
    /* The highest and lowest moments; all points that share the top (or bottom) score stand
     * out together. A flat curve has neither. */
    for (size_t i = 0; i < L->n_pts; i++) {
        em_point *p = &L->pts[i];
        if (!p->scored || hi <= lo) continue;
        p->high = p->score == hi;
        p->low = p->score == lo;
    }
    size_markers(L);

    double *xs = JM_NEWV(L->a, double, n ? n : 1), *ys = JM_NEWV(L->a, double, n ? n : 1);
    size_t *idx = JM_NEWV(L->a, size_t, n ? n : 1), m = 0;
    for (size_t i = 0; i < L->n_pts; i++)
        if (L->pts[i].scored) { xs[m] = L->pts[i].x; ys[m] = L->pts[i].y; idx[m++] = i; }
    L->segs = JM_NEWV(L->a, jm_bezier, n ? n : 1);
    L->bridged = JM_NEWV(L->a, bool, n ? n : 1);
    L->n_segs = jm_curve_monotone(xs, ys, n, L->segs);
    L->estimated = JM_NEWV(L->a, bool, n ? n : 1);
    for (size_t k = 0; k < L->n_segs; k++) {
        L->bridged[k] = idx[k + 1] - idx[k] > 1;   /* over unscored steps */
        for (size_t b = L->pts[idx[k]].band + 1; b < L->pts[idx[k + 1]].band; b++)
            L->bridged[k] |= L->bands[b].n == 0;     /* over a stage with no points (a gap stage) */
        L->estimated[k] = L->pts[idx[k]].estimated || L->pts[idx[k + 1]].estimated;
    }
    conf_knots(L);
    unsigned from = 0;
    for (size_t i = 0; i < L->n_pts; i++) {
        L->any_estimated |= L->pts[i].estimated;
        from |= L->pts[i].estimated_from;
    }
    L->estimate_text = from == JM_EST_WORDS ? L->st.estimate_text_words
                     : from == (JM_EST_EMOJI | JM_EST_WORDS) ? L->st.estimate_text_mixed : L->st.estimate_text;
    em_curve_note(L);
    em_curve_poly(L);
}

void em_curve_note(em_layout *L) {
    if (L->any_estimated && L->estimate_text && *L->estimate_text)
        L->estimate_note = jm_text_layout(L->text, L->a, L->estimate_text, &L->st.estimate_font,
                                          fmax(1, L->plot_w - 2 * L->st.plot_padding), JM_ALIGN_LEFT, L->c->line_spacing);
    else L->any_estimated = false;
}

void em_curve_poly(em_layout *L) {
    L->n_poly = L->n_segs ? L->n_segs * POLY_SAMPLES + 1 : 0;
    L->poly_x = JM_NEWV(L->a, double, L->n_poly ? L->n_poly : 1);
    L->poly_y = JM_NEWV(L->a, double, L->n_poly ? L->n_poly : 1);
    size_t q = 0;
    for (size_t k = 0; k < L->n_segs; k++)
        for (int i = k ? 1 : 0; i <= POLY_SAMPLES; i++)
            jm_bezier_point(&L->segs[k], (double)i / POLY_SAMPLES, &L->poly_x[q], &L->poly_y[q]), q++;
}

static jm_bezier moved(jm_bezier b, double dy) {
    b.y0 += dy; b.y1 += dy; b.y2 += dy; b.y3 += dy;
    return b;
}

static jm_path_op curve_op(const jm_bezier *b) {
    return (jm_path_op){ .op = JM_OP_CURVE, .x1 = b->x1, .y1 = b->y1, .x2 = b->x2, .y2 = b->y2, .x = b->x3, .y = b->y3 };
}

/* A piece of a tinted area's top edge: a part of the curve, or a straight chord of a faded part. */
typedef struct { jm_bezier b; bool line; } em_piece;

/* One side of the baseline: -1 above (smaller y), +1 below, 0 on it. */
static int side_of(const em_piece *p, double base) {
    double y;
    jm_bezier_point(&p->b, 0.5, NULL, &y);
    return fabs(y - base) < 1e-9 ? 0 : y < base ? -1 : 1;
}

/* Emits the region between pieces[0..n) (all on one side) and the baseline:
 *
 *            ___piece___piece___
 *           |                   |      MOVE to the baseline under the first piece's start,
 *   base ---+-------------------+---   LINE up to it, the pieces, LINE down, CLOSE.
 */
static void emit_region(em_layout *L, jm_scene *s, const em_piece *pieces, size_t n, int side, double base) {
    if (n == 0 || side == 0) return;
    jm_path_op *ops = JM_NEWV(L->a, jm_path_op, n + 4);
    size_t k = 0;
    ops[k++] = (jm_path_op){ .op = JM_OP_MOVE, .x = pieces[0].b.x0, .y = base };
    if (fabs(pieces[0].b.y0 - base) > 1e-9)
        ops[k++] = (jm_path_op){ .op = JM_OP_LINE, .x = pieces[0].b.x0, .y = pieces[0].b.y0 };
    for (size_t i = 0; i < n; i++)
        ops[k++] = pieces[i].line ? (jm_path_op){ .op = JM_OP_LINE, .x = pieces[i].b.x3, .y = pieces[i].b.y3 }
                                  : curve_op(&pieces[i].b);
    if (fabs(pieces[n - 1].b.y3 - base) > 1e-9)
        ops[k++] = (jm_path_op){ .op = JM_OP_LINE, .x = pieces[n - 1].b.x3, .y = base };
    ops[k++] = (jm_path_op){ .op = JM_OP_CLOSE };
    bool above = side < 0;
    jm_scene_path(s, above ? "emotions.area.positive" : "emotions.area.negative", ops, k,
                  jm_paint_fill(above ? L->st.positive_fill : L->st.negative_fill), JM_HEAD_NONE, JM_HEAD_NONE, 0);
}

/* Groups pieces into maximal runs on one side of the baseline and emits each run's region. */
typedef struct { em_layout *L; jm_scene *s; double base; em_piece *pieces; size_t n; int side; } em_areas;

static void add_piece(em_areas *A, em_piece p) {
    int ps = side_of(&p, A->base);
    if (ps != A->side) { emit_region(A->L, A->s, A->pieces, A->n, A->side, A->base); A->n = 0; A->side = ps; }
    if (ps != 0) A->pieces[A->n++] = p;
}

static void end_run(em_areas *A) {
    emit_region(A->L, A->s, A->pieces, A->n, A->side, A->base);
    A->n = 0; A->side = 0;
}

/* A measured segment: the curve itself, cut (de Casteljau) where it crosses the baseline. */
static void add_measured(em_areas *A, jm_bezier rest) {
    double t[3];
    size_t nt = jm_bezier_cross_y(&rest, A->base, t);
    double done = 0;
    for (size_t r = 0; r <= nt; r++) {
        jm_bezier piece = rest;
        if (r < nt) {   /* split off the part up to t[r], in the remaining curve's parameter */
            jm_bezier_split(&rest, (t[r] - done) / (1 - done), &piece, &rest);
            done = t[r];
            piece.y3 = A->base;        /* exactly on the baseline, so regions meet */
            rest.y0 = A->base;
        }
        add_piece(A, (em_piece){ .b = piece });
    }
}

static em_piece chord(double x0, double y0, double x1, double y1) {
    return (em_piece){ .b = { x0, y0, x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3, x1 - (x1 - x0) / 3,
                              y1 - (y1 - y0) / 3, x1, y1 }, .line = true };
}

/* A segment that is not measured all along: its top edge is the curve's height scaled by the
 * weight (conf_at), sampled every FADE_STEP pt and at every knot, as chords split where they
 * cross the baseline. The tint so tapers to the baseline toward an estimated or unscored
 * moment, never ending in an edge standing up from the baseline. */
enum { FADE_STEP = 3 };
static void add_faded(em_areas *A, const jm_bezier *b) {
    const em_layout *L = A->L;
    double w = b->x3 - b->x0;
    if (w <= 0) return;
    size_t steps = (size_t)ceil(w / FADE_STEP);
    double px = b->x0, py = A->base + (b->y0 - A->base) * conf_at(L, b->x0);
    size_t knot = 0;
    for (size_t i = 1; i <= steps;) {
        double x = b->x0 + w * (double)i / (double)steps;
        while (knot < L->n_conf && L->conf_x[knot] <= px) knot++;
        if (knot < L->n_conf && L->conf_x[knot] < x) x = L->conf_x[knot++];   /* a knot comes first */
        else i++;
        double y;
        jm_bezier_point(b, (x - b->x0) / w, NULL, &y);   /* x is linear in t (curve.h) */
        y = A->base + (y - A->base) * conf_at(L, x);
        if ((py - A->base) * (y - A->base) < 0) {   /* the chord crosses: split it on the baseline */
            double xc = px + (x - px) * (A->base - py) / (y - py);
            add_piece(A, chord(px, py, xc, A->base));
            px = xc; py = A->base;
        }
        add_piece(A, chord(px, py, x, y));
        px = x; py = y;
    }
}

/* The tinted areas, above and below the baseline. The scene has no clipping, so the split
 * happens here: pieces of the top edge are cut where they cross the baseline and grouped into
 * maximal runs on one side, each closed along the baseline. The area stands for what was
 * measured: between two measured moments it is the region under the curve; toward an estimated
 * or unscored moment, or a stage without any, it tapers to the baseline (add_faded). */
void em_curve_areas(em_layout *L, jm_scene *s, double dy) {
    size_t cap = 4 * L->n_segs + 1;
    for (size_t k = 0; k < L->n_segs; k++)
        if (L->bridged[k] || L->estimated[k]) cap += 2 * ((size_t)ceil((L->segs[k].x3 - L->segs[k].x0) / FADE_STEP) + L->n_conf);
    em_areas A = { .L = L, .s = s, .base = em_score_y(L, 0) + dy, .pieces = JM_NEWV(L->a, em_piece, cap) };
    for (size_t k = 0; k < L->n_segs; k++) {
        jm_bezier b = moved(L->segs[k], dy);
        if (L->bridged[k] || L->estimated[k]) add_faded(&A, &b);
        else add_measured(&A, b);
    }
    end_run(&A);
}

/* The curve: one path per run of measured segments (solid) and per run of segments that touch
 * an estimated score (lighter and dotted), a dashed one per bridge over unscored steps (also
 * lighter and dotted when an end of it is estimated). */
void em_curve_line(em_layout *L, jm_scene *s, double dy) {
    jm_paint solid = jm_paint_stroke(L->st.curve_color, L->st.curve_width);
    jm_paint dashed = jm_paint_dashed(solid, L->st.bridge_dash);
    jm_paint dotted = jm_paint_dashed(jm_paint_stroke(L->st.estimate_color, L->st.curve_width), L->st.estimate_dash);
    jm_path_op *ops = JM_NEWV(L->a, jm_path_op, L->n_segs + 2);
    size_t n = 0;
    bool run_est = false;   /* the run in ops is of estimated segments */
    int group = jm_scene_group_begin(s, "curve", "", "The emotion curve");
    for (size_t k = 0; k <= L->n_segs; k++) {
        bool end = k == L->n_segs || L->bridged[k] || L->estimated[k] != run_est;
        if (end && n > 1)
            jm_scene_path(s, run_est ? "emotions.curve.estimated" : "emotions.curve", ops, n, run_est ? dotted : solid,
                          JM_HEAD_NONE, JM_HEAD_NONE, 0);
        if (end) n = 0;
        if (k == L->n_segs) break;
        jm_bezier b = moved(L->segs[k], dy);
        if (L->bridged[k]) {
            jm_path_op bridge[2] = { { .op = JM_OP_MOVE, .x = b.x0, .y = b.y0 }, curve_op(&b) };
            jm_scene_path(s, L->estimated[k] ? "emotions.curve.bridge.estimated" : "emotions.curve.bridge", bridge, 2,
                          L->estimated[k] ? dotted : dashed, JM_HEAD_NONE, JM_HEAD_NONE, 0);
            continue;
        }
        run_est = L->estimated[k];
        if (n == 0) ops[n++] = (jm_path_op){ .op = JM_OP_MOVE, .x = b.x0, .y = b.y0 };
        ops[n++] = curve_op(&b);
    }
    jm_scene_group_end(s, group);
}

/* Rings around the extremes, then discs (or dots), then the emoji on the discs. */
void em_curve_markers(em_layout *L, jm_scene *s, double dy) {
    const jm_emotions_style *st = &L->st;
    jm_path_op ops[6];
    for (size_t i = 0; i < L->n_pts; i++) {
        const em_point *p = &L->pts[i];
        if (!p->scored || !(p->high || p->low)) continue;
        em_circle(ops, p->x, p->y + dy, p->r + st->ring_gap + st->ring_width / 2);
        const char *role = p->estimated ? (p->high ? "emotions.marker.high.estimated" : "emotions.marker.low.estimated")
                                        : (p->high ? "emotions.marker.high" : "emotions.marker.low");
        int it = jm_scene_path(s, role, ops, 6,
                               jm_paint_stroke(p->high ? st->high_color : st->low_color, st->ring_width),
                               JM_HEAD_NONE, JM_HEAD_NONE, 0);
        s->items[it].src = p->src;
    }
    for (size_t i = 0; i < L->n_pts; i++) {
        const em_point *p = &L->pts[i];
        if (!p->scored) continue;
        bool emoji = L->use_emoji && has_emoji(p);
        const char *what = p->emo && p->emo->label && *p->emo->label ? p->emo->label : NULL;
        int group = jm_scene_group_begin(s, "marker-step", jm_arena_printf(L->a, "%zu", i + 1),
                                         what ? jm_arena_printf(L->a, "Step %zu: %s", i + 1, what) : NULL);
        em_circle(ops, p->x, p->y + dy, p->r);
        jm_color line = p->estimated ? st->estimate_color : st->curve_color;
        jm_paint paint = emoji ? jm_paint_both(st->marker_fill, p->estimated ? line : st->marker_stroke, st->marker_stroke_width)
                               : jm_paint_both(line, st->marker_fill, st->marker_stroke_width);
        const char *role = emoji ? (p->estimated ? "emotions.marker.estimated" : "emotions.marker")
                                 : (p->estimated ? "emotions.marker.dot.estimated" : "emotions.marker.dot");
        size_t from = s->n_items;
        int it = jm_scene_path(s, role, ops, 6, paint, JM_HEAD_NONE, JM_HEAD_NONE, 0);
        s->items[it].src = p->src;
        if (emoji) {
            const jm_textblock *b = &p->emoji;
            it = jm_scene_text(s, "emotions.emoji", p->x - b->width / 2 - b->x, p->y + dy - b->height / 2,
                               p->emo->emoji, &L->emoji_font, L->c->text, JM_ALIGN_LEFT, 0, 0, *b, -1);
            s->items[it].src = p->src;
        }
        /* the marker links to its step's page (a stage point: its stage's) */
        const jm_stage *sg = L->bands[p->band].stage;
        jm_scene_link(s, from, p->step ? p->step->url : sg ? sg->url : NULL);
        jm_scene_group_end(s, group);
    }
}
