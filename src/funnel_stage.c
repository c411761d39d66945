/* funnel_stage.c - the funnel's stage band: the chevron row (name, count with unit, note), the
 * transitions between stages, the duration chips and needs under it, and each stage's item cards stacked in its column. */
#include "funnel_int.h"
#include <math.h>
#include <string.h>

const char *fn_count_text(jm_arena *a, double count, const char *group) {
    if (count != floor(count) || fabs(count) >= 1e15) return jm_arena_printf(a, "%.4g", count);
    const char *digits = jm_arena_printf(a, "%.0f", fabs(count));
    size_t n = strlen(digits), gl = group ? strlen(group) : 0;
    if (n < 4 || gl == 0) return jm_arena_printf(a, "%s%s", count < 0 ? "-" : "", digits);
    char *out = jm_arena_alloc(a, n + (n / 3) * gl + 2), *o = out;
    if (count < 0) *o++ = '-';
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) { memcpy(o, group, gl); o += gl; }
        *o++ = digits[i];
    }
    *o = 0;
    return out;
}



double fn_col_x(const fn_geo *g, const fn_band *b, size_t i) {
    return b->x0 + (double)(i - b->from) * (g->col_w + g->col_gap);
}

static void fn_measure_chevron(const fn_geo *g, const jm_stage *st, double tw, const jm_font *name_font,
                               const jm_font *count_font, fn_chevron_text *m) {
    jm_text *t = g->ctx->text;
    jm_arena *a = g->ctx->arena;
    m->name = jm_text_layout(t, a, st->name, name_font, tw, JM_ALIGN_CENTER, g->ls);
    m->has_count = st->has_count;
    if (m->has_count) {
        m->count_text = fn_count_text(a, st->count, g->st.count_group);
        m->count = jm_text_layout(t, a, m->count_text, count_font, tw, JM_ALIGN_LEFT, g->ls);
        m->has_unit = st->unit && *st->unit;
        if (m->has_unit)
            m->unit = jm_text_layout(t, a, st->unit, &g->st.unit_font, tw, JM_ALIGN_LEFT, g->ls);
    }
    m->has_note = st->note && *st->note;
    if (m->has_note)
        m->note = jm_text_layout(t, a, st->note, &g->st.note_font, tw, JM_ALIGN_CENTER, g->ls);
}

/* `f` shrunk (down to the minimum size) until the widest word of texts[0..n) fits in tw;
 * NULL texts are skipped. */
static jm_font fn_font_fit_words(const fn_geo *g, jm_font f, const char *const *texts, size_t n, double tw) {
    double widest = 0;
    for (size_t i = 0; i < n; i++)
        if (texts[i]) widest = fmax(widest, jm_text_min_width(g->ctx->text, texts[i], &f));
    if (widest > tw && f.size > 0)
        f.size = fmin(f.size, fmax(jm_layout_min_font(g->ctx), floor(f.size * tw / widest * 2) / 2));
    return f;
}

/* Measures every chevron's text in text width tw. Names and counts shrink alike in every stage
 * (down to the minimum size) rather than break a word, when a narrow canvas leaves too little
 * room. Counts and units share a line in every chevron or in none, so the row reads the same
 * from stage to stage. */
static void fn_measure_chevrons(const fn_geo *g, double tw, fn_chevron_text *m, jm_font *name_font, jm_font *count_font) {
    const jm_journey *j = g->ctx->journey;
    size_t n = j->n_stages;
    double gap = g->st.stage_text_gap;
    const char **names = JM_NEWV(g->ctx->arena, const char *, n), **counts = JM_NEWV(g->ctx->arena, const char *, n);
    for (size_t i = 0; i < n; i++) {
        names[i] = j->stages[i].name;
        if (j->stages[i].has_count) counts[i] = fn_count_text(g->ctx->arena, j->stages[i].count, g->st.count_group);
    }
    *name_font = fn_font_fit_words(g, g->st.name_font, names, n, tw);
    *count_font = fn_font_fit_words(g, g->st.count_font, counts, n, tw);
    bool pair = true;
    for (size_t i = 0; i < n; i++) {
        fn_measure_chevron(g, &j->stages[i], tw, name_font, count_font, &m[i]);
        if (m[i].has_unit)
            pair = pair && m[i].count.lines == 1 && m[i].unit.lines == 1 && m[i].count.width + gap + m[i].unit.width <= tw;
    }
    for (size_t i = 0; i < n; i++) m[i].pair = pair && m[i].has_unit;
}

/* Shared rows: the count row puts every count on one baseline; a unit that does not fit
 * beside its count goes under it. */
static fn_rows fn_measure_rows(const fn_geo *g, const fn_chevron_text *m, size_t n) {
    fn_rows r = { 0 };
    double gap = g->st.stage_text_gap;
    for (size_t i = 0; i < n; i++) {
        r.name_h = fmax(r.name_h, m[i].name.height);
        if (m[i].has_count)
            r.count_base = fmax(r.count_base, m[i].pair ? fmax(m[i].count.baseline, m[i].unit.baseline)
                                                        : m[i].count.baseline);
        if (m[i].has_note) r.note_h = fmax(r.note_h, m[i].note.height);
    }
    for (size_t i = 0; i < n; i++) {
        if (!m[i].has_count) continue;
        const jm_textblock *c = &m[i].count, *u = &m[i].unit;
        double bottom = r.count_base - c->baseline + c->height;
        if (m[i].pair) bottom = fmax(bottom, r.count_base - u->baseline + u->height);
        else if (m[i].has_unit) bottom += gap + u->height;
        r.count_h = fmax(r.count_h, bottom);
    }
    r.content_h = r.name_h;
    if (r.count_h > 0) r.content_h += gap + r.count_h;
    if (r.note_h > 0) r.content_h += gap + r.note_h;
    return r;
}

/* The text of a chevron whose text area is [tx, tx + tw] and whose rows start at ty. */
static void fn_place_chevron_text(const fn_geo *g, jm_scene *s, const jm_stage *st, const fn_chevron_text *m,
                                  const fn_rows *r, double tx, double tw, double ty, int box) {
    const jm_funnel_style *fs = &g->st;
    const jm_style_common *c = g->c;
    double gap = fs->stage_text_gap;
    jm_color name_c = st->gap ? c->gap_text : fs->name_color, count_c = st->gap ? c->gap_text : fs->count_color;
    jm_color unit_c = st->gap ? c->gap_text : fs->unit_color, note_c = st->gap ? c->gap_text : fs->note_color;
    if (!st->gap && (st->fill.a > 0 || st->text.a > 0)) {
        /* the stage's own colours: its text colour (else the style's) where it stays readable */
        jm_color bg = jm_color_over(st->fill.a > 0 ? st->fill : fs->stage_fill, c->background);
        name_c = jm_color_readable(st->text.a > 0 ? st->text : name_c, bg);
        count_c = jm_color_readable(st->text.a > 0 ? st->text : count_c, bg);
        unit_c = jm_color_readable(st->text.a > 0 ? st->text : unit_c, bg);
        note_c = jm_color_readable(st->text.a > 0 ? st->text : note_c, bg);
    }
    int k;

    /* the name sits on the bottom of the name row, right above the count */
    k = jm_scene_text(s, "funnel.stage.name", tx, ty + r->name_h - m->name.height, st->name, &r->name_font,
                      name_c, JM_ALIGN_CENTER, tw, g->ls, m->name, box);
    s->items[k].src = st->pos;
    double y = ty + r->name_h + gap;

    if (m->has_count) {
        double cy = y + r->count_base - m->count.baseline;
        if (m->pair) {
            /*   [ 3 journeys ]  count and unit centred as a pair, on one baseline; a unit written
             *   right to left reads first from the right: [ הזמנות 48 ] */
            double w = m->count.width + gap + m->unit.width, cx = tx + (tw - w) / 2;
            bool rtl = jm_text_rtl(st->unit);
            double count_x = rtl ? cx + m->unit.width + gap : cx, unit_x = rtl ? cx : cx + m->count.width + gap;
            k = jm_scene_text(s, "funnel.stage.count", count_x - m->count.x, cy, m->count_text, &r->count_font, count_c,
                              JM_ALIGN_LEFT, tw, g->ls, m->count, box);
            s->items[k].src = st->pos;
            k = jm_scene_text(s, "funnel.stage.unit", unit_x - m->unit.x, y + r->count_base - m->unit.baseline,
                              st->unit, &fs->unit_font, unit_c, JM_ALIGN_LEFT, tw, g->ls, m->unit, box);
            s->items[k].src = st->pos;
        } else {
            k = jm_scene_text(s, "funnel.stage.count", tx + (tw - m->count.width) / 2 - m->count.x, cy, m->count_text,
                              &r->count_font, count_c, JM_ALIGN_LEFT, tw, g->ls, m->count, box);
            s->items[k].src = st->pos;
            if (m->has_unit) {
                k = jm_scene_text(s, "funnel.stage.unit", tx + (tw - m->unit.width) / 2 - m->unit.x, cy + m->count.height + gap,
                                  st->unit, &fs->unit_font, unit_c, JM_ALIGN_LEFT, tw, g->ls, m->unit, box);
                s->items[k].src = st->pos;
            }
        }
    }
    if (r->count_h > 0) y += r->count_h + gap;
    if (m->has_note) {
        k = jm_scene_text(s, "funnel.stage.note", tx, y, st->note, &fs->note_font, note_c, JM_ALIGN_CENTER,
                          tw, g->ls, m->note, box);
        s->items[k].src = st->pos;
    }
}


fn_chevrons fn_measure_all(const fn_geo *g) {
    size_t n = g->ctx->journey->n_stages;
    fn_chevrons cv = { .m = JM_NEWV(g->ctx->arena, fn_chevron_text, n), .tw = g->col_w - 2 * g->inset };
    jm_font name_font, count_font;
    fn_measure_chevrons(g, cv.tw, cv.m, &name_font, &count_font);
    cv.r = fn_measure_rows(g, cv.m, n);
    cv.r.name_font = name_font;
    cv.r.count_font = count_font;
    cv.h = jm_snap(cv.r.content_h + 2 * g->stage_pad, g->c->grid_unit);
    return cv;
}

/* The chevrons of one row, top at y. */
static void fn_layout_chevrons(const fn_geo *g, jm_scene *s, const fn_chevrons *cv, const fn_band *b, double y) {
    const jm_journey *j = g->ctx->journey;
    const jm_funnel_style *fs = &g->st;
    const jm_style_common *c = g->c;
    double ty = y + (cv->h - cv->r.content_h) / 2;
    for (size_t i = b->from; i < b->to; i++) {
        const jm_stage *st = &j->stages[i];
        /* the first chevron of a row has a flat left edge on its column's left; the others start
         * `ext` before their column with a notch, and every point ends `ext` past the column */
        bool first = i == b->from;
        double cx = fn_col_x(g, b, i);
        int group = jm_scene_group_begin(s, "stage", st->name, st->name);
        double left = first ? cx : cx - g->ext, right = cx + g->col_w + (b->flush && i + 1 == b->to ? 0 : g->ext);
        jm_path_op ops[8];
        size_t from = s->n_items;
        size_t n_ops = jm_shape_chevron(ops, left, y, right - left, cv->h, first ? 0 : g->point, g->point);
        jm_paint p = st->gap ? jm_paint_dashed(jm_paint_both(c->gap_fill, c->gap_stroke, c->stroke_width), c->gap_dash)
                             : jm_paint_both(st->fill.a > 0 ? st->fill : fs->stage_fill,
                                             st->stroke.a > 0 ? st->stroke : fs->stage_stroke, fs->stage_stroke_width);
        int box = jm_scene_path(s, st->gap ? "funnel.stage.gap" : "funnel.stage", ops, n_ops, p,
                                JM_HEAD_NONE, JM_HEAD_NONE, 0);
        s->items[box].src = st->pos;
        fn_place_chevron_text(g, s, st, &cv->m[i], &cv->r, cx + g->inset, cv->tw, ty, box);
        jm_scene_link(s, from, st->url);
        jm_scene_group_end(s, group);
    }
}

/* Duration chips of one row of stages, centred under the chevrons; returns the height (0: none). */
static double fn_layout_chips(const fn_geo *g, jm_scene *s, const fn_band *bd, double y) {
    const jm_journey *j = g->ctx->journey;
    const jm_funnel_style *fs = &g->st;
    const jm_style_common *c = g->c;
    double row_h = 0, px = fs->chip_padding_x, py = fs->chip_padding_y, wrap = g->col_w - 2 * px;
    for (size_t i = bd->from; i < bd->to; i++) {
        const jm_stage *st = &j->stages[i];
        if (!st->duration || !*st->duration) continue;
        /*   ( 1-3 months )   a pill centred in the column, text padded by chip-padding-x/y */
        jm_textblock b = jm_text_layout(g->ctx->text, g->ctx->arena, st->duration, &fs->chip_font, wrap,
                                        JM_ALIGN_CENTER, g->ls);
        double w = b.width + 2 * px, h = b.height + 2 * py, line_h = b.height / (b.lines > 0 ? b.lines : 1) + 2 * py;
        double cx = fn_col_x(g, bd, i) + (g->col_w - w) / 2;
        jm_paint p = st->gap ? jm_paint_dashed(jm_paint_both(c->gap_fill, c->gap_stroke, fs->chip_stroke_width), c->gap_dash)
                             : jm_paint_both(fs->chip_fill, fs->chip_stroke, fs->chip_stroke_width);
        int box = jm_scene_rect(s, "funnel.chip", cx, y, w, h, line_h / 2, p);
        s->items[box].src = st->pos;
        int k = jm_scene_text(s, "funnel.chip.text", fn_col_x(g, bd, i) + px, y + py, st->duration, &fs->chip_font,
                              st->gap ? c->gap_text : fs->chip_text, JM_ALIGN_CENTER, wrap, g->ls, b, box);
        s->items[k].src = st->pos;
        row_h = fmax(row_h, h);
    }
    return row_h;
}

/* Transitions (what leads from one stage to the next, a flowchart arrow's label), one row of small
 * text under the chevrons, each centred under the junction it names; returns the row height (0:
 * none). Junctions are col_w + col_gap apart and a text is at most col_w wide, so neighbours never
 * touch; the first stage of a wrapped row has its text from its column's left edge.
 *
 *   ___________   ___________
 *   \  Aware    >>  Consider  >
 *   /__________>>/___________>
 *          signs up              <- centred on the junction, cx(i) - col_gap / 2
 */
static double fn_layout_transitions(const fn_geo *g, jm_scene *s, const fn_band *bd, double y) {
    const jm_journey *j = g->ctx->journey;
    double row_h = 0;
    for (size_t i = bd->from; i < bd->to; i++) {
        const jm_stage *st = &j->stages[i];
        if (i == 0 || !st->transition || !*st->transition) continue;
        jm_textblock b = jm_text_layout(g->ctx->text, g->ctx->arena, st->transition, &g->st.need_font, g->col_w,
                                        JM_ALIGN_CENTER, g->ls);
        double x = i == bd->from ? fn_col_x(g, bd, i) : fn_col_x(g, bd, i) - g->col_gap / 2 - b.width / 2;
        int k = jm_scene_text(s, "funnel.transition", x - b.x, y, st->transition, &g->st.need_font,
                              st->gap ? g->c->gap_text : g->st.need_color, JM_ALIGN_CENTER, g->col_w, g->ls, b, -1);
        s->items[k].src = st->pos;
        row_h = fmax(row_h, b.height);
    }
    return row_h;
}

/* Needs, one row of text centred in the columns under the chips; returns the row height (0: none). */
static double fn_layout_needs(const fn_geo *g, jm_scene *s, const fn_band *bd, double y) {
    const jm_journey *j = g->ctx->journey;
    double row_h = 0, h;
    for (size_t i = bd->from; i < bd->to; i++) {
        const jm_stage *st = &j->stages[i];
        if (!st->need || !*st->need) continue;
        int k = jm_shape_text(s, g->ctx->text, "funnel.need", fn_col_x(g, bd, i), y, st->need, &g->st.need_font,
                              st->gap ? g->c->gap_text : g->st.need_color, g->col_w, JM_ALIGN_CENTER, g->ls, -1, &h);
        s->items[k].src = st->pos;
        row_h = fmax(row_h, h);
    }
    return row_h;
}

/* One card with its top at y in the column at cx; returns its height.
 *
 *   +-------------------------+  card-radius corners
 *   |  Title, bold, wrapped   |  card-padding all round
 *   |  who, muted             |  card-text-gap between the parts
 *   |  text, body             |
 *   +-------------------------+
 */
double fn_layout_card(const fn_geo *g, jm_scene *s, const jm_stage *st, const jm_card *cd, double cx, double y) {
    const jm_funnel_style *fs = &g->st;
    const jm_style_common *c = g->c;
    jm_text *t = g->ctx->text;
    jm_arena *a = g->ctx->arena;
    double pad = g->card_pad, wrap = g->col_w - 2 * pad, gap = fs->card_text_gap;
    struct { const char *text, *role; const jm_font *font; jm_color color; jm_textblock b; } part[3] = {
        { cd->title, "funnel.card.title", &fs->card_title_font, fs->card_title_color, { 0 } },
        { cd->who, "funnel.card.who", &fs->card_who_font, fs->card_who_color, { 0 } },
        { cd->text, "funnel.card.text", &fs->card_text_font, fs->card_text_color, { 0 } },
    };
    double inner = 0;
    for (int p = 0; p < 3; p++) {
        if (!part[p].text || !*part[p].text) continue;
        part[p].b = jm_text_layout(t, a, part[p].text, part[p].font, wrap, JM_ALIGN_LEFT, g->ls);
        inner += (inner > 0 ? gap : 0) + part[p].b.height;
    }
    double h = jm_snap(inner + 2 * pad, c->grid_unit);
    if (!s) return h;
    jm_paint paint = st->gap ? jm_paint_dashed(jm_paint_both(fs->gap_card_fill, c->gap_stroke, fs->card_stroke_width), c->gap_dash)
                             : jm_paint_both(fs->card_fill, fs->card_stroke, fs->card_stroke_width);
    size_t from = s->n_items;
    int group = jm_scene_group_begin(s, "card", cd->title, cd->title);
    int box = jm_scene_rect(s, st->gap ? "funnel.card.gap" : "funnel.card", cx, y, g->col_w, h, fs->card_radius, paint);
    s->items[box].src = cd->pos;
    double ty = y + pad;
    for (int p = 0; p < 3; p++) {
        if (!part[p].b.layout) continue;
        int k = jm_scene_text(s, part[p].role, cx + pad, ty, part[p].text, part[p].font,
                              st->gap ? c->gap_text : part[p].color, JM_ALIGN_LEFT, wrap, g->ls, part[p].b, box);
        s->items[k].src = cd->pos;
        ty += part[p].b.height + gap;
    }
    jm_scene_link(s, from, cd->url);
    jm_scene_group_end(s, group);
    return h;
}

/* The funnel's geometry for columns col_w wide laid out by another view: type and chevron depth
 * shrink for columns narrower than column-width, the gutters stay the caller's. */
static void fn_geo_for_columns(fn_geo *g, const jm_layout_ctx *ctx, double col_w, double col_gap) {
    fn_geo_init(g, ctx);
    g->col_gap = col_gap;
    fn_geo_derive(g);
    if (col_w < g->st.column_width && g->st.column_width > 0) {
        fn_geo_scale(g, col_w / g->st.column_width);
        g->col_gap = col_gap;
        fn_geo_derive(g);
    }
    g->col_w = col_w;
}

/* The head of one row of stages: chevrons with their top at y, the transitions, then (with
 * `details`) the duration chips and the needs, each row-gap below the one above. Returns the bottom, pt. */
double fn_layout_head(const fn_geo *g, jm_scene *s, const fn_chevrons *cv, const fn_band *bd, double y,
                      bool details) {
    double unit = g->c->grid_unit, row_gap = g->st.row_gap;
    fn_layout_chevrons(g, s, cv, bd, y);
    y += cv->h;
    double h = fn_layout_transitions(g, s, bd, jm_snap(y + row_gap, unit));
    if (h > 0) y = jm_snap(y + row_gap, unit) + h;
    if (!details) return y;
    h = fn_layout_chips(g, s, bd, jm_snap(y + row_gap, unit));
    if (h > 0) y = jm_snap(y + row_gap, unit) + h;
    h = fn_layout_needs(g, s, bd, jm_snap(y + row_gap, unit));
    if (h > 0) y = jm_snap(y + row_gap, unit) + h;
    return y;
}

double jm_funnel_stage_row(const jm_layout_ctx *ctx, jm_scene *s, const jm_stage_row *row, double y,
                           double *overhang) {
    fn_geo g;
    fn_geo_for_columns(&g, ctx, row->col_w, row->col_gap);
    g.per_row = row->n;
    if (overhang) *overhang = fmax(0, g.ext);
    size_t n = ctx->journey->n_stages;
    if (row->first >= n || row->n == 0) return y;
    fn_chevrons cv = fn_measure_all(&g);
    fn_band bd = { row->first, row->first + row->n < n ? row->first + row->n : n, row->x0, row->flush };
    return fn_layout_head(&g, s, &cv, &bd, y, row->details);
}

double jm_funnel_card(const jm_layout_ctx *ctx, jm_scene *s, const jm_stage *st, const jm_card *cd, double x, double y,
                      double w, int container) {
    fn_geo g;
    fn_geo_for_columns(&g, ctx, w, 0);
    size_t first = s->n_items;
    double h = fn_layout_card(&g, s, st, cd, x, y);
    if (first < s->n_items) s->items[first].container = container;
    return h;
}

bool fn_card_shown(const jm_card *cd) {
    return (cd->title && *cd->title) || (cd->who && *cd->who) || (cd->text && *cd->text);
}

double fn_layout_stages(const fn_geo *g, jm_scene *s, double x0, double y) {
    const jm_journey *j = g->ctx->journey;
    double unit = g->c->grid_unit, row_gap = g->st.row_gap, bottom = y;
    fn_chevrons cv = fn_measure_all(g);
    size_t per_row = g->per_row ? g->per_row : j->n_stages;
    for (fn_band bd = { 0, 0, x0, false }; bd.from < j->n_stages; bd.from = bd.to) {
        bd.to = bd.from + per_row < j->n_stages ? bd.from + per_row : j->n_stages;
        if (bd.from > 0) y = jm_snap(bottom + g->st.band_gap, unit);
        y = fn_layout_head(g, s, &cv, &bd, y, true);
        bottom = y;

        double top = jm_snap(y + row_gap, unit);
        for (size_t i = bd.from; i < bd.to; i++) {
            const jm_stage *st = &j->stages[i];
            double cy = top;
            for (size_t k = 0; k < st->n_items; k++) {
                const jm_card *cd = &st->items[k];
                if (!fn_card_shown(cd)) continue;
                cy += fn_layout_card(g, s, st, cd, fn_col_x(g, &bd, i), cy);
                bottom = fmax(bottom, cy);
                cy = jm_snap(cy + g->st.card_gap, unit);
            }
        }
    }
    return bottom;
}
