/* emotions_thoughts.c - thought callouts under the step row (--thoughts): the persona's words in
 * italic with real quotation marks, in boxes that never overlap. */
#include "emotions_int.h"
#include <math.h>
#include <string.h>

/* “thought” for each thought, one paragraph each, without the trailing blanks of block scalars. */
static const char *quoted(em_layout *L, const jm_texts *t, size_t from, size_t to) {
    char *out = jm_arena_strdup(L->a, "");
    for (size_t i = from; i < to; i++) {
        const char *s = t->v[i];
        size_t n = strlen(s);
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
        while (n && (*s == ' ' || *s == '\n')) { s++; n--; }
        out = jm_arena_printf(L->a, "%s%s%s%.*s%s", out, i > from ? "\n" : "", L->st.quote_open, (int)n, s,
                              L->st.quote_close);
    }
    return out;
}

/* A callout box with its text; `tail_x` >= 0 adds a pointer on the top edge at that x:
 *
 *            /\          tail: thought-tail high, as wide at its base
 *   +-------/  \------+
 *   | “thought text”  |  padding all round
 *   +-----------------+
 */
static void callout(em_layout *L, jm_scene *s, double x, double y, double w, double h, const char *text,
                    jm_textblock b, double wrap, double tail_x, const char *number, jm_pos src) {
    const jm_emotions_style *st = &L->st;
    double pad = L->c->padding;
    jm_paint paint = jm_paint_both(st->thought_fill, st->thought_stroke, st->thought_stroke_width);
    int box = jm_scene_rect(s, "emotions.thought.box", x, y, w, h, L->c->radius, paint);
    s->items[box].src = src;
    if (tail_x >= 0 && st->thought_tail > 0) {
        double t = st->thought_tail, lo = x + L->c->radius + t, hi = x + w - L->c->radius - t;
        double tx = lo <= hi ? fmin(fmax(tail_x, lo), hi) : x + w / 2;
        double e = st->thought_stroke_width / 2;   /* cover the box's border under the tail */
        jm_path_op fill[4] = {
            { .op = JM_OP_MOVE, .x = tx - t, .y = y + e }, { .op = JM_OP_LINE, .x = tx, .y = y - t },
            { .op = JM_OP_LINE, .x = tx + t, .y = y + e }, { .op = JM_OP_CLOSE },
        };
        jm_scene_path(s, "emotions.thought.tail", fill, 4, jm_paint_fill(st->thought_fill), JM_HEAD_NONE, JM_HEAD_NONE, 0);
        jm_path_op edge[3] = {
            { .op = JM_OP_MOVE, .x = tx - t, .y = y }, { .op = JM_OP_LINE, .x = tx, .y = y - t },
            { .op = JM_OP_LINE, .x = tx + t, .y = y },
        };
        jm_scene_path(s, "emotions.thought.tail", edge, 3, jm_paint_stroke(st->thought_stroke, st->thought_stroke_width),
                      JM_HEAD_NONE, JM_HEAD_NONE, 0);
    }
    double tx = x + pad;
    if (number) {   /* the step number at the top left, the quote beside it */
        jm_textblock nb = jm_text_layout(L->text, L->a, number, &st->step_number_font, 0, JM_ALIGN_LEFT, 0);
        int n = jm_scene_text(s, "emotions.thought.number", tx - nb.x, y + pad + b.baseline - nb.baseline, number,
                              &st->step_number_font, st->step_color, JM_ALIGN_LEFT, 0, 0, nb, box);
        s->items[n].src = src;
        tx += w - 2 * pad - wrap;
    }
    int it = jm_scene_text(s, "emotions.thought", tx, y + pad, text, &st->thought_font, st->thought_color,
                           JM_ALIGN_LEFT, wrap, L->c->line_spacing, b, box);
    s->items[it].src = src;
}

/* Stage emotions: each band's thoughts stacked in its column. */
static double stage_thoughts(em_layout *L, jm_scene *s, double y) {
    double gap = L->st.thought_gap, pad = L->c->padding, bottom = y;
    for (size_t i = 0; i < L->n_bands; i++) {
        const em_band *b = &L->bands[i];
        if (!b->stage || b->stage->thoughts.n == 0) continue;
        double w = b->w - L->st.stage_gap, x = b->x + L->st.stage_gap / 2, cy = y + gap;
        if (w <= 2 * pad) continue;
        for (size_t k = 0; k < b->stage->thoughts.n; k++) {
            const char *text = quoted(L, &b->stage->thoughts, k, k + 1);
            jm_textblock tb = jm_text_layout(L->text, L->a, text, &L->st.thought_font, w - 2 * pad, JM_ALIGN_LEFT,
                                             L->c->line_spacing);
            double h = tb.height + 2 * pad;
            callout(L, s, x, cy, w, h, text, tb, w - 2 * pad, -1, NULL,
                    b->stage->thoughts.pos ? b->stage->thoughts.pos[k] : b->stage->pos);
            cy += h + gap;
        }
        bottom = fmax(bottom, cy - gap);
    }
    return bottom - y;
}

static jm_pos thought_pos(const jm_step *sp) { return sp->thoughts.pos ? sp->thoughts.pos[0] : sp->pos; }

/* Steps, aligned: one callout per step with thoughts, centred under the step, in rows packed
 * left to right (first row where it fits after the previous callout plus a gap). A callout
 * spans r = ceil((thought-min-width + gap) / pitch) steps (r * pitch - gap wide, at most
 * thought-max-width): one row when steps are wide enough, else staggered rows that tile:
 *
 *    [ step 1 ....... ]  [ step 3 ....... ]  [ step 5 ...      row 0
 *              [ step 2 ....... ]  [ step 4 ....... ]          row 1 (tails point up between)
 *
 * Callouts at the plot's ends are cut at its edge rather than shifted, so the tiling holds.
 * Returns false, drawing nothing, when a callout needs more than thought-rows rows or a tail
 * would point into a callout of a row above: then the grid below takes over. */
static bool aligned_thoughts(em_layout *L, jm_scene *s, double y, double *height_out) {
    const jm_emotions_style *st = &L->st;
    double gap = st->thought_gap, pad = L->c->padding;
    double span = fmax(1, ceil((st->thought_min_width + gap) / fmax(L->pitch, 1e-6)));
    double w = fmin(span * L->pitch - gap, fmin(st->thought_max_width, L->plot_w));
    int max_rows = (int)fmax(1, st->thought_rows);
    size_t n = L->n_pts ? L->n_pts : 1;
    double *right = JM_NEWV(L->a, double, (size_t)max_rows), *height = JM_NEWV(L->a, double, (size_t)max_rows);
    int *row = JM_NEWV(L->a, int, n);
    double *bx = JM_NEWV(L->a, double, n), *bw = JM_NEWV(L->a, double, n);
    const char **text = JM_NEWV(L->a, const char *, n);
    jm_textblock *tb = JM_NEWV(L->a, jm_textblock, n);
    for (int r = 0; r < max_rows; r++) right[r] = -INFINITY;
    int used = 0;
    for (size_t i = 0; i < L->n_pts; i++) {
        const em_point *p = &L->pts[i];
        row[i] = -1;
        if (!p->step || p->step->thoughts.n == 0) continue;
        bx[i] = fmax(p->x - w / 2, L->plot_x);      /* clipped, not shifted, at the plot's ends */
        bw[i] = fmin(p->x + w / 2, L->plot_x + L->plot_w) - bx[i];
        for (int r = 0; r < max_rows && row[i] < 0; r++)
            if (bx[i] >= right[r] + gap) { row[i] = r; right[r] = bx[i] + bw[i]; }
        if (row[i] < 0 || bw[i] < st->thought_min_width / 2) return false;
        for (size_t k = 0; k < i; k++)   /* the tail must rise between the callouts above */
            if (row[k] >= 0 && row[k] < row[i] && p->x > bx[k] && p->x < bx[k] + bw[k]) return false;
        text[i] = quoted(L, &p->step->thoughts, 0, p->step->thoughts.n);
        tb[i] = jm_text_layout(L->text, L->a, text[i], &st->thought_font, bw[i] - 2 * pad, JM_ALIGN_LEFT, L->c->line_spacing);
        height[row[i]] = fmax(height[row[i]], tb[i].height + 2 * pad);
        if (row[i] + 1 > used) used = row[i] + 1;
    }
    double *top = JM_NEWV(L->a, double, (size_t)(used ? used : 1)), ry = y;
    for (int r = 0; r < used; r++) { top[r] = ry + gap + st->thought_tail; ry = top[r] + height[r]; }
    for (size_t i = 0; i < L->n_pts; i++)
        if (row[i] >= 0)
            callout(L, s, bx[i], top[row[i]], bw[i], tb[i].height + 2 * pad, text[i], tb[i], bw[i] - 2 * pad,
                    L->pts[i].x, NULL, thought_pos(L->pts[i].step));
    *height_out = ry - y;
    return true;
}

/* Steps, as a grid when they are too close for aligned callouts: columns of at least
 * thought-min-width filling the plot width, callouts in step order left to right and top to
 * bottom, each row as tall as its tallest, each callout led by its step number:
 *
 *    [ 1 “...” ]  [ 2 “...” ]  [ 5 “...” ]
 *    [ 7 “...” ]  [ 9 “...” ]
 *
 * Every thought is shown. */
static double grid_thoughts(em_layout *L, jm_scene *s, double y) {
    const jm_emotions_style *st = &L->st;
    double gap = st->thought_gap, pad = L->c->padding;
    int cols = (int)fmax(1, floor((L->plot_w + gap) / (st->thought_min_width + gap)));
    double cw = (L->plot_w - (cols - 1) * gap) / cols;
    size_t n = L->n_pts ? L->n_pts : 1, m = 0;
    size_t *which = JM_NEWV(L->a, size_t, n);
    const char **text = JM_NEWV(L->a, const char *, n), **num = JM_NEWV(L->a, const char *, n);
    jm_textblock *tb = JM_NEWV(L->a, jm_textblock, n);
    for (size_t i = 0; i < L->n_pts; i++) {
        const em_point *p = &L->pts[i];
        if (!p->step || p->step->thoughts.n == 0) continue;
        num[m] = jm_arena_printf(L->a, "%d", p->number);
        double nw = jm_text_layout(L->text, L->a, num[m], &st->step_number_font, 0, JM_ALIGN_LEFT, 0).width;
        text[m] = quoted(L, &p->step->thoughts, 0, p->step->thoughts.n);
        tb[m] = jm_text_layout(L->text, L->a, text[m], &st->thought_font, fmax(1, cw - 2 * pad - nw - L->c->grid_unit),
                               JM_ALIGN_LEFT, L->c->line_spacing);
        which[m++] = i;
    }
    double ry = y;
    for (size_t r0 = 0; r0 < m; r0 += (size_t)cols) {
        double h = 0;
        for (size_t k = r0; k < m && k < r0 + (size_t)cols; k++) h = fmax(h, tb[k].height + 2 * pad);
        ry += gap;
        for (size_t k = r0; k < m && k < r0 + (size_t)cols; k++) {
            double x = L->plot_x + (double)(k - r0) * (cw + gap);
            double nw = jm_text_layout(L->text, L->a, num[k], &st->step_number_font, 0, JM_ALIGN_LEFT, 0).width;
            callout(L, s, x, ry, cw, tb[k].height + 2 * pad, text[k], tb[k], fmax(1, cw - 2 * pad - nw - L->c->grid_unit),
                    -1, num[k], thought_pos(L->pts[which[k]].step));
        }
        ry += h;
    }
    return ry - y;
}

static double step_thoughts(em_layout *L, jm_scene *s, double y) {
    double h = 0;
    return aligned_thoughts(L, s, y, &h) ? h : grid_thoughts(L, s, y);
}

double em_thoughts(em_layout *L, jm_scene *s, double y) {
    return L->from_stages ? stage_thoughts(L, s, y) : step_thoughts(L, s, y);
}
