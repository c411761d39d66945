/* emotions_axes.c - the frame of the emotion curve: band widths and point positions across,
 * stage headers, band bodies, the score scale with grid and baseline, and the step row. */
#include "emotions_int.h"
#include <math.h>
#include <string.h>

static jm_textblock measure(em_layout *L, const char *text, const jm_font *font, double wrap, jm_align align) {
    return jm_text_layout(L->text, L->a, text ? text : "", font, wrap, align, L->c->line_spacing);
}

/* Appends a measured block with its box's left edge at x. */
static int put_text(em_layout *L, jm_scene *s, const char *role, double x, double y, const char *text,
                    const jm_font *font, jm_color color, double wrap, jm_align align, jm_textblock b,
                    int container) {
    return jm_scene_text(s, role, x - b.x, y, text, font, color, align, wrap, L->c->line_spacing, b, container);
}

/* The five scale labels from "a|b|c|d|e" (missing ones empty). */
static void split_scale(em_layout *L) {
    const char *p = L->st.scale_labels ? L->st.scale_labels : "";
    for (int k = 0; k < 5; k++) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        while (n && p[0] == ' ') { p++; n--; }
        while (n && p[n - 1] == ' ') n--;
        L->scale[k] = jm_arena_strndup(L->a, p, n);
        p = bar ? bar + 1 : p + strlen(p);
    }
}

/* Band widths: every band gets a share of the plot width proportional to its slots (its points,
 * at least one), but never less than its stage name's longest word needs:
 *
 *     w_i = max(min_i, slots_i * p),   p chosen so that sum w_i = plot_w
 *
 * sum w_i grows with p, so p is found by bisection. When even the minimums do not fit, they
 * shrink in proportion. */
static void fit_bands(em_layout *L) {
    size_t nb = L->n_bands;
    double min_sum = 0, slots = 0;
    double *mins = JM_NEWV(L->a, double, nb ? nb : 1);
    for (size_t i = 0; i < nb; i++) {
        const em_band *b = &L->bands[i];
        if (b->stage)
            mins[i] = jm_text_min_width(L->text, b->stage->name, &L->st.stage_font)
                      + 2 * L->c->padding + L->st.stage_gap;
        min_sum += mins[i];
        slots += b->n ? (double)b->n : 1;
    }
    double W = L->plot_w;
    if (min_sum >= W) {
        for (size_t i = 0; i < nb; i++) L->bands[i].w = min_sum > 0 ? mins[i] * W / min_sum : W / (double)nb;
    } else {
        double lo = 0, hi = W / slots;
        for (int it = 0; it < 60; it++) {
            double p = (lo + hi) / 2, sum = 0;
            for (size_t i = 0; i < nb; i++)
                sum += fmax(mins[i], (L->bands[i].n ? (double)L->bands[i].n : 1) * p);
            if (sum > W) hi = p; else lo = p;
        }
        double sum = 0;
        for (size_t i = 0; i < nb; i++) {
            L->bands[i].w = fmax(mins[i], (L->bands[i].n ? (double)L->bands[i].n : 1) * lo);
            sum += L->bands[i].w;
        }
        if (nb) L->bands[nb - 1].w += W - sum;   /* bisection remainder */
    }
    double x = L->plot_x;
    for (size_t i = 0; i < nb; i++) { L->bands[i].x = x; x += L->bands[i].w; }
}

/* Canvas width, the scale gutter, band widths, and each point in the middle of its slot:
 *
 *   |<-- band w -->|        n points: x_k = band.x + (k + 1/2) * w / n
 *   |  x0  x1  x2  |
 */
/* Embedded: every band on its stage's column (a stage with several runs of steps shares its
 * column among them, in proportion to their points); the plot spans the columns. */
static void embed_bands(em_layout *L) {
    const jm_emotions_embed *e = L->embed;
    double x0 = INFINITY, x1 = -INFINITY;
    for (size_t i = 0; i < L->n_bands; i++) {
        em_band *b = &L->bands[i];
        if (!b->stage) { b->x = L->plot_x; b->w = L->plot_w; continue; }
        size_t k = (size_t)(b->stage - L->j->stages);
        double slots = 0, before = 0;
        for (size_t m = 0; m < L->n_bands; m++) {
            if (L->bands[m].stage != b->stage) continue;
            double sl = L->bands[m].n ? (double)L->bands[m].n : 1;
            if (m < i) before += sl;
            slots += sl;
        }
        double sl = b->n ? (double)b->n : 1;
        b->x = e->stage_x[k] + e->stage_w[k] * before / slots;
        b->w = e->stage_w[k] * sl / slots;
        x0 = fmin(x0, b->x);
        x1 = fmax(x1, b->x + b->w);
    }
    if (x1 > x0) { L->plot_x = x0; L->plot_w = x1 - x0; }
}

void em_axes_across(em_layout *L) {
    const jm_style_common *c = L->c;
    split_scale(L);
    if (L->embed && !L->embed->scale)
        for (int k = 0; k < 5; k++) L->scale[k] = "";
    if (L->embed && L->embed->scale_gap > 0) L->st.scale_gap = L->embed->scale_gap;
    double sw = 0;
    for (int k = 0; k < 5; k++) {
        L->scale_block[k] = measure(L, L->scale[k], &L->st.scale_font, 0, JM_ALIGN_LEFT);
        if (*L->scale[k]) sw = fmax(sw, L->scale_block[k].width);
    }
    L->gutter = sw > 0 ? sw + L->st.scale_gap : 0;

    double slots = 0;
    for (size_t i = 0; i < L->n_bands; i++) slots += L->bands[i].n ? (double)L->bands[i].n : 1;
    if (L->ctx->width > 0) L->width = L->ctx->width;
    else {
        L->width = 2 * c->margin + L->gutter + slots * L->st.step_width;
        L->width = ceil(fmin(fmax(L->width, L->st.min_width), fmax(L->st.max_width, L->st.min_width)));
    }
    L->plot_x = c->margin + L->gutter;
    L->plot_w = fmax(1, L->width - 2 * c->margin - L->gutter);
    if (L->embed && L->embed->stage_x) embed_bands(L);
    else fit_bands(L);

    L->pitch = L->plot_w;
    for (size_t i = 0; i < L->n_bands; i++) {
        const em_band *b = &L->bands[i];
        for (size_t k = 0; k < b->n; k++) {
            em_point *p = &L->pts[b->first + k];
            p->x = b->x + ((double)k + 0.5) * b->w / (double)b->n;
            p->band_first = k == 0;
            p->column_x0 = b->x + (double)k * b->w / (double)b->n;
            p->column_x1 = p->column_x0 + b->w / (double)b->n;
        }
    }
    for (size_t i = 1; i < L->n_pts; i++) L->pitch = fmin(L->pitch, L->pts[i].x - L->pts[i - 1].x);
}

/* One rounded header per stage band, its name (and note, e.g. "v2 gap") centred; all as tall
 * as the tallest. */
double em_axes_header(em_layout *L, jm_scene *s, double y) {
    const jm_style_common *c = L->c;
    double pad = c->padding, gap = L->st.stage_gap, h = 0, note_gap = c->grid_unit / 2;
    bool any = false;
    size_t nb = L->n_bands ? L->n_bands : 1;
    jm_textblock *blocks = JM_NEWV(L->a, jm_textblock, nb), *notes = JM_NEWV(L->a, jm_textblock, nb);
    double *th = JM_NEWV(L->a, double, nb);
    /* one size for all names: shrunk (down to min-font-px) when a name's longest word is wider
     * than its header, so words do not break */
    jm_font font = L->st.stage_font;
    double *words = JM_NEWV(L->a, double, nb);
    for (size_t i = 0; i < L->n_bands; i++)
        if (L->bands[i].stage) words[i] = jm_text_min_width(L->text, L->bands[i].stage->name, &font);
    double k = 1;
    for (int pass = 0; pass < 2; pass++) {   /* a name too wide: first narrow the padding */
        if (pass) pad = fmin(pad, c->grid_unit);
        k = 1;
        for (size_t i = 0; i < L->n_bands; i++)
            if (L->bands[i].stage) k = fmin(k, fmax(1, L->bands[i].w - gap - 2 * pad) / fmax(1e-6, words[i]));
        if (k >= 1) break;
    }
    if (k < 1) font.size = fmax(fmin(font.size, jm_layout_min_font(L->ctx)), font.size * k * 0.97);  /* 3%: text does not scale exactly */
    for (size_t i = 0; i < L->n_bands; i++) {
        const em_band *b = &L->bands[i];
        if (!b->stage) continue;
        any = true;
        double wrap = fmax(1, b->w - gap - 2 * pad);
        blocks[i] = measure(L, b->stage->name, &font, wrap, JM_ALIGN_CENTER);
        th[i] = blocks[i].height;
        if (b->stage->note && *b->stage->note) {
            notes[i] = measure(L, b->stage->note, &L->st.stage_note_font, wrap, JM_ALIGN_CENTER);
            th[i] += note_gap + notes[i].height;
        }
        h = fmax(h, th[i]);
    }
    if (!any) return 0;
    h += 2 * pad;
    for (size_t i = 0; i < L->n_bands; i++) {
        const em_band *b = &L->bands[i];
        if (!b->stage) continue;
        bool gapped = b->stage->gap;
        jm_paint paint = gapped ? jm_paint_dashed(jm_paint_both(c->gap_fill, c->gap_stroke, c->stroke_width), c->gap_dash)
                                : jm_paint_fill(L->st.stage_fill);
        double rx = b->x + gap / 2, rw = fmax(1, b->w - gap);
        size_t from = s->n_items;
        int box = jm_scene_rect(s, gapped ? "emotions.stage.gap" : "emotions.stage", rx, y, rw, h,
                                L->st.stage_radius, paint);
        s->items[box].src = b->stage->pos;
        double tw = fmax(1, rw - 2 * pad);
        double ty = y + (h - th[i]) / 2;
        int t = jm_scene_text(s, "emotions.stage.name", rx + pad, ty, b->stage->name, &font,
                              gapped ? c->gap_text : L->st.stage_text, JM_ALIGN_CENTER, tw, c->line_spacing,
                              blocks[i], box);
        s->items[t].src = b->stage->pos;
        if (notes[i].layout) {
            t = jm_scene_text(s, "emotions.stage.note", rx + pad, ty + blocks[i].height + note_gap, b->stage->note,
                              &L->st.stage_note_font, gapped ? c->gap_text : L->st.stage_note_color, JM_ALIGN_CENTER,
                              tw, c->line_spacing, notes[i], box);
            s->items[t].src = b->stage->pos;
        }
        jm_scene_link(s, from, b->stage->url);
    }
    return h + gap / 2;
}

/* Band bodies from y0 to y1, alternating tints; gap stages greyed. */
void em_axes_bands(em_layout *L, jm_scene *s, double y0, double y1) {
    for (size_t i = 0; i < L->n_bands; i++) {
        const em_band *b = &L->bands[i];
        bool gapped = b->stage && b->stage->gap;
        jm_color fill = gapped ? L->st.gap_band_fill : (i % 2 ? L->st.band_fill_alt : L->st.band_fill);
        jm_scene_rect(s, gapped ? "emotions.band.gap" : "emotions.band", b->x, y0, b->w, y1 - y0, 0,
                      jm_paint_fill(fill));
    }
}

/* Grid lines at +2, +1, -1, -2, the baseline at 0, and the scale labels right-aligned in the
 * gutter, each centred on its line. */
void em_axes_scale(em_layout *L, jm_scene *s, double dy) {
    double x0 = L->plot_x, x1 = L->plot_x + L->plot_w;
    for (int k = 0; k < 5; k++) {
        double y = dy + k * L->unit;
        bool base = k == 2;
        jm_paint p = base ? jm_paint_dashed(jm_paint_stroke(L->st.baseline_color, L->st.baseline_width), L->st.baseline_dash)
                          : jm_paint_dashed(jm_paint_stroke(L->st.grid_color, L->st.grid_width), L->st.grid_dash);
        jm_scene_line(s, base ? "emotions.baseline" : "emotions.grid", x0, y, x1, y, p, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    }
    for (int k = 0; k < 5; k++) {
        if (!*L->scale[k]) continue;
        jm_textblock b = L->scale_block[k];
        put_text(L, s, "emotions.scale", x0 - L->st.scale_gap - b.width, dy + k * L->unit - b.height / 2,
                 L->scale[k], &L->st.scale_font, L->st.scale_color, 0, JM_ALIGN_LEFT, b, -1);
    }
}

/* Does the block stay within `lines` lines without breaking a word? */
static bool title_fits(em_layout *L, const char *text, jm_textblock b, double wrap, int lines) {
    return b.lines <= lines && jm_text_min_width(L->text, text, &L->st.step_font) <= wrap;
}

/* The step's title, or as much of it as fits `lines` lines `wrap` wide, no word broken, with
 * an ellipsis after it (cut at a character, trailing spaces dropped; binary search on the length). */
static const char *abbreviate(em_layout *L, const char *title, double wrap, int lines, jm_textblock *b) {
    *b = measure(L, title, &L->st.step_font, wrap, JM_ALIGN_CENTER);
    if (title_fits(L, title, *b, wrap, lines)) return title;
    glong lo = 0, hi = g_utf8_strlen(title, -1);   /* lo chars fit, hi do not */
    const char *best = "…";
    jm_textblock bb = measure(L, best, &L->st.step_font, wrap, JM_ALIGN_CENTER);
    while (hi - lo > 1) {
        glong mid = (lo + hi) / 2;
        const char *end = g_utf8_offset_to_pointer(title, mid);
        while (end > title && end[-1] == ' ') end--;
        const char *cut = jm_arena_printf(L->a, "%.*s…", (int)(end - title), title);
        jm_textblock cb = measure(L, cut, &L->st.step_font, wrap, JM_ALIGN_CENTER);
        if (title_fits(L, cut, cb, wrap, lines)) { lo = mid; best = cut; bb = cb; } else hi = mid;
    }
    *b = bb;
    return best;
}

/* The step row under the plot:
 *
 *      |          tick (tick-length), then axis-gap
 *      3          step number (every k-th when columns are narrow)
 *   Title of      title, wrapped to the column when it is at least step-title-min-width wide
 *   the step
 *   🤔 Unsure     when the emotion has no score: its emoji and label, then unscored-text
 *   no score
 *   (A)(B)        who took part: a dot per actor (emotions_actors.c), all steps' dots on one
 *                 line a grid unit under the tallest text
 *
 * Narrower columns stagger their titles over r rows (r = ceil((step-title-min-width + gap) /
 * pitch), at most step-title-rows), each title r columns wide and at most step-title-lines lines
 * (then an ellipsis), in the first row where it keeps clear of the row's last title (when
 * even that leaves a title less than half step-title-min-width, only numbers are shown):
 *
 *      1     2     3     4     5     6
 *   Reads a          Creates an         row 0
 *   review           account
 *         Watches the       Confirms    row 1
 *         demo video        the email
 *
 * Stage emotions have no numbers nor titles: the row then holds only the unscored ones (and is
 * left out when all are scored). Numbers thin out like labels: k = ceil((widest number + gap)
 * / pitch), counting from step 1. */
void em_axes_measure_steps(em_layout *L) {
    L->row_height = 0;
    bool steps = !L->from_stages, any_unscored = false;
    for (size_t i = 0; i < L->n_pts; i++) any_unscored |= !L->pts[i].scored;
    if (L->n_pts == 0 || (!steps && !any_unscored)) return;
    double gap = L->c->grid_unit, pitch = fmax(L->pitch, 1e-6);
    bool fits = L->pitch - L->st.stage_gap >= L->st.step_title_min_width;
    int rows = fits ? 1 : (int)fmin(fmax(1, L->st.step_title_rows), ceil((L->st.step_title_min_width + L->st.stage_gap) / pitch));
    int lines = fits ? 0 : (int)fmax(1, L->st.step_title_lines);
    /* staggered titles at least half step-title-min-width wide, else numbers only: a word or two,
     * not two letters and an ellipsis */
    bool titles = fits || rows * L->pitch - L->st.stage_gap >= L->st.step_title_min_width / 2;
    double num_w = 0;
    for (size_t i = 0; steps && i < L->n_pts; i++) {
        em_point *p = &L->pts[i];
        p->number_text = jm_arena_printf(L->a, "%d", p->number);
        p->number_block = measure(L, p->number_text, &L->st.step_number_font, 0, JM_ALIGN_LEFT);
        num_w = fmax(num_w, p->number_block.width);
    }
    int k = (int)fmax(1, ceil((num_w + gap) / pitch));
    L->num_h = 0;   /* the numbers' row: titles start under it whether or not their number is shown */
    for (size_t i = 0; steps && i < L->n_pts; i++) L->num_h = fmax(L->num_h, L->pts[i].number_block.height);
    double title_h = 0;   /* the tallest title: the pitch of the staggered rows */
    for (size_t i = 0; titles && steps && i < L->n_pts; i++) {
        em_point *p = &L->pts[i];
        if (!p->step->title || !*p->step->title) continue;
        /* its column when that is wide enough, else r columns (as wide as the narrowest of its
         * column and the distances to its neighbours) centred on the step; its part past a margin
         * cut off (so the first and last titles stay on the canvas and never come closer to their
         * neighbours) */
        double col = p->column_x1 - p->column_x0, d = col;
        if (i > 0) d = fmin(d, p->x - L->pts[i - 1].x);
        if (i + 1 < L->n_pts) d = fmin(d, L->pts[i + 1].x - p->x);
        double half = (col - L->st.stage_gap >= L->st.step_title_min_width ? col : rows * d) / 2 - L->st.stage_gap / 2;
        double x0 = fmax(p->x - half, L->c->margin), x1 = fmin(p->x + half, L->width - L->c->margin);
        double wrap = fmax(1, x1 - x0);
        p->show_title = true;
        p->title_wrap = wrap;
        p->title_cx = (x0 + x1) / 2;
        p->title_text = fits ? p->step->title : abbreviate(L, p->step->title, wrap, lines, &p->title_block);
        if (fits) p->title_block = measure(L, p->step->title, &L->st.step_font, p->title_wrap, JM_ALIGN_CENTER);
        title_h = fmax(title_h, p->title_block.height);
    }
    /* rows, left to right: each title in the first row where it keeps stage-gap from the last
     * title (failing that, the row whose last title ends first; r columns wide, r rows always
     * suffice in columns of one width) */
    double *row_end = JM_NEWV(L->a, double, (size_t)rows);
    for (int r = 0; r < rows; r++) row_end[r] = -INFINITY;
    for (size_t i = 0; i < L->n_pts; i++) {
        em_point *p = &L->pts[i];
        if (!p->show_title) continue;
        double b0 = p->title_cx - p->title_block.width / 2;
        int r = 0;
        while (r < rows && row_end[r] + L->st.stage_gap > b0 + 1e-6) r++;
        if (r == rows)
            for (int m = r = 0; m < rows; m++) if (row_end[m] < row_end[r]) r = m;
        row_end[r] = b0 + p->title_block.width;
        p->title_dy = r * (title_h + gap / 2);
    }
    double actors_h = 0;
    for (size_t i = 0; i < L->n_pts; i++) {
        em_point *p = &L->pts[i];
        p->show_tick = steps || !p->scored;
        if (!p->show_tick) continue;
        double h = L->st.tick_length + L->st.axis_gap, sep = 0;
        double wrap = fmax(1, p->column_x1 - p->column_x0 - L->st.stage_gap);
        p->show_number = steps && (p->number - 1) % k == 0;
        if (p->show_number) { h += p->number_block.height; sep = gap / 2; }
        if (p->show_title) {
            h = L->st.tick_length + L->st.axis_gap + L->num_h;
            sep = L->num_h > 0 ? gap / 2 : 0;
            h += sep + p->title_dy + p->title_block.height;
            sep = gap / 2;
        }
        if (fits && !p->scored) {
            const jm_emotion *e = p->emo;
            const char *what = e && e->label ? (e->emoji ? jm_arena_printf(L->a, "%s %s", e->emoji, e->label) : e->label)
                                             : e && e->emoji ? e->emoji : NULL;
            p->note = what ? jm_arena_printf(L->a, "%s\n%s", what, L->st.unscored_text) : L->st.unscored_text;
            p->note_block = measure(L, p->note, &L->st.unscored_font, wrap, JM_ALIGN_CENTER);
            h += (sep ? gap : 0) + p->note_block.height;
        }
        L->row_height = fmax(L->row_height, h);
        actors_h = fmax(actors_h, em_actors_measure(L, p));
    }
    /* the dots of every step on one line, a grid unit under the tallest text */
    L->actors_dy = L->row_height + gap;
    if (actors_h > 0) L->row_height = L->actors_dy + actors_h;
}

void em_axes_steps(em_layout *L, jm_scene *s, double y) {
    if (L->row_height <= 0) return;
    double gap = L->c->grid_unit;
    for (size_t i = 0; i < L->n_pts; i++) {
        em_point *p = &L->pts[i];
        if (!p->show_tick) continue;
        jm_color color = L->st.step_color;
        jm_pos src = p->step ? p->step->pos : p->src;
        size_t from = s->n_items;
        jm_scene_line(s, "emotions.tick", p->x, y, p->x, y + L->st.tick_length,
                      jm_paint_stroke(L->st.tick_color, L->st.grid_width), JM_HEAD_NONE, JM_HEAD_NONE, 0);
        double ty = y + L->st.tick_length + L->st.axis_gap, sep = 0;
        double wrap = fmax(1, p->column_x1 - p->column_x0 - L->st.stage_gap);
        if (p->show_number) {
            int t = put_text(L, s, "emotions.step.number", p->x - p->number_block.width / 2, ty, p->number_text,
                             &L->st.step_number_font, color, 0, JM_ALIGN_LEFT, p->number_block, -1);
            s->items[t].src = src;
            ty += p->number_block.height;
            sep = gap / 2;
        }
        if (p->show_title) {
            ty = y + L->st.tick_length + L->st.axis_gap + L->num_h + (L->num_h > 0 ? gap / 2 : 0) + p->title_dy;
            int t = put_text(L, s, "emotions.step.title", p->title_cx - p->title_block.width / 2, ty, p->title_text,
                             &L->st.step_font, color, p->title_wrap, JM_ALIGN_CENTER, p->title_block, -1);
            s->items[t].src = src;
            ty += p->title_block.height;
            sep = gap / 2;
        }
        if (p->note) {
            ty += sep ? gap : 0;
            int t = put_text(L, s, "emotions.step.unscored", p->x - p->note_block.width / 2, ty, p->note,
                             &L->st.unscored_font, L->c->text_muted, wrap, JM_ALIGN_CENTER, p->note_block, -1);
            s->items[t].src = p->src;
        }
        if (p->step) jm_scene_link(s, from, p->step->url);
        if (p->n_actors) em_actors_step(L, s, p, y + L->actors_dy);
    }
}
