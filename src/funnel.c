/* funnel.c - the funnel view: fits the stage columns to the canvas, then lays out the title,
 * the row of chevrons, duration chips, needs and the item cards of every stage. */
#include "funnel.h"
#include "funnel_int.h"
#include <math.h>
#include <string.h>

/* The page, top to bottom (every y snapped to the grid):
 *
 *   margin
 *   Title                                             title font, wrapped to the header width
 *   Subtitle, wrapped to at most subtitle-max-width   subtitle font, muted
 *   header-gap
 *   ________   ________   ________                  one chevron per stage, one shared height
 *   \ Name  \  \ Name  \  \ Name  \
 *    > 3 u   >  > 4 u   >  > 0     >
 *   /_______/  /_______/  /_______/
 *   row-gap
 *    (1-3 mo)   (2 wks)                             duration chips, one row, when any stage has one
 *   row-gap
 *   need text  need text                            needs, one row, when any stage has one
 *   row-gap
 *   [card]     [card]                               cards stacked in each stage's column
 *   [card]
 *   band-gap, then the next row of stages when max-width or a narrow --width wraps them (chevrons to cards)
 *   margin
 */

static const char *funnel_missing(const jm_journey *j, jm_arena *a) {
    (void)a;
    return j->n_stages == 0 ? "the file has no stages" : NULL;
}

/* A font shrunk by k (<= 1), never below `min_size` nor above its own size. */
static jm_font fn_font_scaled(jm_font f, double k, double min_size) {
    if (k < 1 && f.size > 0) f.size = fmin(f.size, fmax(min_size, f.size * k));
    return f;
}

/* A spacing shrunk by k (<= 1), never below `floor_v` nor above itself. */
static double fn_space_scaled(double v, double k, double floor_v) {
    return k < 1 ? fmin(v, fmax(floor_v, v * k)) : v;
}

void fn_geo_derive(fn_geo *g) {
    /*  The chevron of stage i reaches `ext` past its column on each side, so that the point of
     *  one nests in the notch of the next with `chev_gap` between them:
     *
     *     column i            column i+1
     *   |<--- col_w --->|<cg>|<--- col_w --->|
     * ___________________  ____________________
     * \                  \ \                   \
     *  >  text area       > >  text area        >
     * /__________________/ /___________________/
     * |<ext          ext>|  <- chevron i spans [cx - ext, cx + col_w + ext]
     *
     *  2 ext + col_w - point + chev_gap = col_w + cg  =>  ext = (cg + point - chev_gap) / 2.
     *  The text stays between the notch vertex and the base of the point, so it is inset from
     *  the column sides by max(0, point - ext) plus the stage padding. */
    g->ext = (g->col_gap + g->point - g->chev_gap) / 2;
    g->inset = fmax(0, g->point - g->ext) + g->stage_pad;
}

void fn_geo_init(fn_geo *g, const jm_layout_ctx *ctx) {
    memset(g, 0, sizeof *g);
    g->ctx = ctx;
    g->c = jm_style_get_common(ctx->style);
    jm_style_fill(ctx->style, &jm_funnel_style_schema, &g->st);
    g->col_w = g->st.column_width;
    g->col_gap = g->st.column_gap;
    g->point = g->st.chevron_point;
    g->chev_gap = g->st.chevron_gap;
    g->stage_pad = g->st.stage_padding;
    g->card_pad = fmax(g->st.card_padding, 2 * g->c->grid_unit);
    g->ls = g->c->line_spacing;
    fn_geo_derive(g);
}

void fn_geo_scale(fn_geo *g, double k) {
    if (k >= 1) return;
    double fk = sqrt(k), minf = jm_layout_min_font(g->ctx), unit = g->c->grid_unit;
    jm_funnel_style *st = &g->st;
    jm_font *fonts[] = { &st->name_font, &st->count_font, &st->unit_font, &st->note_font,
                         &st->chip_font, &st->need_font, &st->card_title_font,
                         &st->card_who_font, &st->card_text_font };
    for (size_t i = 0; i < sizeof fonts / sizeof fonts[0]; i++) *fonts[i] = fn_font_scaled(*fonts[i], fk, minf);
    g->col_gap = fn_space_scaled(st->column_gap, k, unit);
    g->point = fn_space_scaled(st->chevron_point, k, 2 * unit);
    g->chev_gap = fn_space_scaled(st->chevron_gap, k, unit);
    g->stage_pad = fn_space_scaled(st->stage_padding, fk, 2 * unit);
    g->card_pad = fn_space_scaled(fmax(st->card_padding, 2 * unit), fk, 2 * unit);
    st->chip_padding_x = fn_space_scaled(st->chip_padding_x, fk, unit);
    st->chip_padding_y = fn_space_scaled(st->chip_padding_y, fk, unit / 2);
    st->card_gap = fn_space_scaled(st->card_gap, fk, unit);
    st->row_gap = fn_space_scaled(st->row_gap, fk, unit);
    st->header_gap = fn_space_scaled(st->header_gap, fk, 2 * unit);
    fn_geo_derive(g);
}

/* Width of a row of n columns of width col_w and their gutters, plus the last chevron's point. */
static double fn_band_width_at(const fn_geo *g, size_t n, double col_w) {
    return (double)n * col_w + (double)(n - 1) * g->col_gap + fmax(0, g->ext);
}

/* The least column width that fits the longest word of every text of every stage. */
static double fn_words_width(const fn_geo *g, const jm_journey *j) {
    jm_text *t = g->ctx->text;
    const jm_funnel_style *st = &g->st;
    /* the style's column width stands unless a word is wider: a text whose longest word cannot
     * be (jm_text_min_width_bound) is not shaped to find out (card texts are most of the text) */
    double w = st->column_width;
#define WIDER(text, font, pad) \
    if ((text) && jm_text_min_width_bound((text), (font)) + (pad) > w) w = fmax(w, jm_text_min_width(t, (text), (font)) + (pad))
    for (size_t i = 0; i < j->n_stages; i++) {
        const jm_stage *s = &j->stages[i];
        WIDER(s->name, &st->name_font, 2 * g->inset);
        if (s->has_count) WIDER(fn_count_text(g->ctx->arena, s->count, g->st.count_group), &st->count_font, 2 * g->inset);
        WIDER(s->unit, &st->unit_font, 2 * g->inset);
        WIDER(s->note, &st->note_font, 2 * g->inset);
        WIDER(s->duration, &st->chip_font, 2 * st->chip_padding_x);
        WIDER(s->need, &st->need_font, 0);
        for (size_t k = 0; k < s->n_items; k++) {
            const jm_card *cd = &s->items[k];
            WIDER(cd->title, &st->card_title_font, 2 * g->card_pad);
            WIDER(cd->who, &st->card_who_font, 2 * g->card_pad);
            WIDER(cd->text, &st->card_text_font, 2 * g->card_pad);
        }
    }
#undef WIDER
    return w;
}

/* The narrowest column worth drawing: min-column-width, or wider for the longest word of a
 * stage name at the smallest font size, so that names never break inside a word. */
static double fn_least_width(const fn_geo *g, const jm_journey *j) {
    jm_font f = g->st.name_font;
    f.size = fmin(f.size, jm_layout_min_font(g->ctx));
    double w = 0;
    for (size_t i = 0; i < j->n_stages; i++) w = fmax(w, jm_text_min_width(g->ctx->text, j->stages[i].name, &f));
    return fmax(g->st.min_column_width, fmin(w, g->st.max_column_width) + 2 * g->inset);
}

/* Column width that fills `avail` with `cols` columns at the current spacings. */
static double fn_fill_width(const fn_geo *g, double avail, size_t cols) {
    return (avail - (double)(cols - 1) * g->col_gap - fmax(0, g->ext)) / (double)cols;
}

/* With a fixed canvas width: columns of width `fit` for `cols` stages per row, shrinking type
 * and spacing when they are narrower than natural. The band is solved first with the style's
 * spacings, then again with spacings scaled to that first guess, which frees a little width. */
static double fn_fit_cols(fn_geo *g, double avail, size_t cols, double natural) {
    size_t per_row = g->per_row;
    fn_geo_init(g, g->ctx);
    g->per_row = per_row;
    double fit = fn_fill_width(g, avail, cols);
    if (fit < natural) {
        fn_geo_scale(g, fmax(fit, 1) / natural);
        fit = fn_fill_width(g, avail, cols);
    }
    return fit;
}

/* The natural column width: the style's, wider for a long word, up to the maximum. */
static double fn_natural_width(const fn_geo *g, const jm_journey *j) {
    double w = fmin(fmax(g->st.column_width, fn_words_width(g, j)), fmax(g->st.max_column_width, g->st.column_width));
    return jm_snap(w, g->c->grid_unit);
}

/* Picks the column width and the stages per row. Natural width: one row of columns of the
 * style's width, wider for a long word, up to the maximum; a row wider than max-width (20 stages
 * would be one 4864 pt strip) wraps onto balanced rows of those columns. Fixed width: one row filling the
 * canvas, type and spacing shrunk for narrow columns; when columns would be narrower than
 * min-column-width the stages wrap onto balanced rows instead; when even one column does not
 * fit, a warning and a wider canvas. Columns never grow past max-column-width (the content is
 * then centred). */
static void fn_geo_fit(fn_geo *g, const jm_journey *j) {
    const jm_layout_ctx *ctx = g->ctx;
    size_t n = j->n_stages;
    double natural = fn_natural_width(g, j);
    g->col_w = natural;
    g->per_row = n;
    if (ctx->width <= 0) {
        /* natural size: a row wider than max-width wraps onto balanced rows of natural columns */
        double avail = g->st.max_width - 2 * g->c->margin;
        if (g->st.max_width > 0 && n > 1 && fn_band_width_at(g, n, natural) > avail) {
            size_t per = (size_t)fmax(1, floor((avail - fmax(0, g->ext) + g->col_gap) / (natural + g->col_gap)));
            size_t rows = (n + per - 1) / per;
            g->per_row = (n + rows - 1) / rows;
        }
        return;
    }

    double avail = ctx->width - 2 * g->c->margin;
    double fit = fn_fit_cols(g, avail, n, natural);
    double lo = fn_least_width(g, j);
    if (fit < lo && n > 1) {
        size_t per = (size_t)fmax(1, floor((avail - fmax(0, g->ext) + g->col_gap) / (lo + g->col_gap)));
        size_t rows = (n + per - 1) / per;
        g->per_row = (n + rows - 1) / rows;   /* balanced: 20 stages in 3 rows are 7, 7, 6 */
        fit = fn_fit_cols(g, avail, g->per_row, natural);
        lo = fn_least_width(g, j);
    }
    if (fit < lo) {
        fit = lo;
        jm_diag_add(ctx->diags, JM_WARNING, j->file, j->pos,
                    "funnel: a stage column does not fit in %.0f pt; the canvas is widened to %.0f pt",
                    ctx->width, fn_band_width_at(g, g->per_row, fit) + 2 * g->c->margin);
    }
    g->col_w = fit < natural ? fit : fmin(fit, fmax(natural, g->st.max_column_width));
}

/* The title and subtitle in [x0, x0 + w] from the top margin; returns where the stages start. */
static double fn_layout_title(const fn_geo *g, jm_scene *s, double x0, double w) {
    const jm_layout_ctx *ctx = g->ctx;
    const jm_journey *j = ctx->journey;
    double y = g->c->margin, h = 0, unit = g->c->grid_unit;
    s->title = j->title;
    s->desc = j->subtitle;
    if (j->title) {
        int ti = jm_shape_text(s, ctx->text, "funnel.title", x0, y, j->title, &g->c->title_font, g->c->text, w,
                               JM_ALIGN_LEFT, g->ls, -1, &h);
        s->items[ti].src = j->pos;
        y += h;
    }
    if (j->subtitle) {
        y = jm_snap(y + g->st.title_gap, unit);
        double sw = g->st.subtitle_max_width > 0 ? fmin(w, g->st.subtitle_max_width) : w;
        jm_shape_text(s, ctx->text, "funnel.subtitle", x0, y, j->subtitle, &g->c->subtitle_font, g->c->text_muted,
                      sw, JM_ALIGN_LEFT, g->ls, -1, &h);
        y += h;
    }
    return jm_snap(y + g->st.header_gap, unit);
}

/* The height of the whole funnel laid out with geometry g, pt. */
static double fn_height(const fn_geo *g, double x0, double content_w) {
    jm_scene *scratch = jm_scene_new(g->ctx->arena, 1, 0, g->c->background);
    double y = fn_layout_title(g, scratch, x0, content_w);
    return jm_snap(fn_layout_stages(g, scratch, x0, y) + g->c->margin, g->c->grid_unit);
}

/* On a page (or slide) that the funnel leaves room on: its stages wrap onto more rows of wider
 * columns, so larger type, while it stays on one page of height page_h. */
static void fn_fill_page(fn_geo *g, const jm_journey *j, double page_h, double x0, double content_w) {
    size_t n = j->n_stages;
    if (n < 2 || g->per_row < 2 || fn_height(g, x0, content_w) > page_h) return;
    double natural = fn_natural_width(g, j), avail = g->ctx->width - 2 * g->c->margin;
    for (size_t rows = (n + g->per_row - 1) / g->per_row + 1; rows <= n; rows++) {
        size_t per = (n + rows - 1) / rows;
        if (per >= g->per_row) continue;
        fn_geo t = *g;
        t.per_row = per;
        double fit = fn_fit_cols(&t, avail, per, natural);
        t.col_w = fit < natural ? fit : fmin(fit, fmax(natural, t.st.max_column_width));
        if (fit >= natural || fn_height(&t, x0, content_w) > page_h) break;
        *g = t;
    }
}

static bool funnel_layout(const jm_layout_ctx *ctx, jm_doc *doc) {
    const jm_journey *j = ctx->journey;
    if (j->n_stages == 0) {
        jm_error(ctx->diags, j->file, j->pos, "funnel: the file has no stages");
        return false;
    }
    fn_geo g;
    fn_geo_init(&g, ctx);
    fn_geo_fit(&g, j);

    /* the content: the band, or wider (up to subtitle-max-width) for a long title; centred
     * when a fixed canvas is wider than it */
    double margin = g.c->margin, unit = g.c->grid_unit;
    double band_w = fn_band_width_at(&g, g.per_row, g.col_w);
    jm_textblock tb = jm_text_layout(ctx->text, ctx->arena, j->title, &g.c->title_font, -1, JM_ALIGN_LEFT, g.ls);
    double content_w = fmax(band_w, fmin(tb.width, g.st.subtitle_max_width));
    double canvas_w = jm_snap(content_w + 2 * margin, unit);
    if (ctx->width > 0) {
        canvas_w = fmax(ctx->width, band_w + 2 * margin);   /* wider only after the warning */
        content_w = fmin(content_w, canvas_w - 2 * margin);
    }
    double x0 = ctx->width > 0 ? (canvas_w - content_w) / 2 : margin;
    /* on pages: rows and cards continue on further pages when they are taller than one (the
     * writer fits a wider canvas to the page's width, so its pages are taller by as much); a
     * funnel that leaves room wraps onto more rows of larger type */
    double page_h = ctx->page_height > 0 && ctx->page_width > 0 ? ctx->page_height * fmax(1, canvas_w / ctx->page_width)
                  : ctx->page_height;
    if (page_h > 0 && ctx->width > 0) {
        fn_fill_page(&g, j, page_h, x0, content_w);
        band_w = fn_band_width_at(&g, g.per_row, g.col_w);
        content_w = fmin(fmax(band_w, fmin(tb.width, g.st.subtitle_max_width)), canvas_w - 2 * margin);
        x0 = (canvas_w - content_w) / 2;
    }

    jm_scene *s = jm_scene_new(ctx->arena, canvas_w, 0, g.c->background);
    double y = fn_layout_title(&g, s, x0, content_w);
    double bottom = fn_layout_stages(&g, s, x0, y);
    s->height = jm_snap(bottom + margin, unit);
    if (page_h > 0 && s->height > page_h + 0.5) {
        s = jm_scene_new(ctx->arena, canvas_w, page_h, g.c->background);
        fn_layout_pages(&g, doc, s, x0, fn_layout_title(&g, s, x0, content_w), page_h);
        return true;
    }
    jm_doc_add_page(doc, s, "funnel", j->title);
    return true;
}

const jm_view jm_view_funnel = {
    .name = "funnel",
    .summary = "stages left to right as chevrons with counts, gap stages, durations and item cards",
    .missing = funnel_missing,
    .layout = funnel_layout,
};
