/* map.c - the map view: builds the poster's parts (header, stage row, lanes, features, tables)
 * for a column width, picks the width that suits the target, and stacks the parts on pages. */
#include "map_int.h"
#include "funnel.h"
#include <math.h>
#include <string.h>

/* The poster, top to bottom:
 *
 *   Title / Subtitle
 *   [ persona card: who | goals | frustrations ]
 *   section-gap
 *              ______________  _______________           the funnel's chevrons over the columns,
 *              | Awareness    \ \ Consideration \         durations and needs under them
 *              ( 1-3 months )   ( 2-4 weeks )
 *   [Triggers] [ cell        ]  [ cell         ]          one row per lane somebody fills
 *   [Actions ] [ cell        ]  [ cell         ]
 *   [Emotions] [~~~~ the emotion curve, band = column ~~~]
 *   ...
 *   section-gap
 *   Key features: [card] [card] [card]                    rows of cards
 *   [table] [table]                                       rows of tables
 *
 * Targets:
 *   natural     columns of column-width, wider (up to max-column-width) while the poster
 *               is narrower than min-aspect;
 *   --width     columns filling the width (between min- and max-column-width);
 *   --slide     the column width whose poster has the slide's aspect (bisection), then the
 *               writer scales it to the slide;
 *   --page      one page when the poster fitted to the page keeps its cell text at least
 *               min-print-font on paper; else pages of the size that gives exactly that, the
 *               stage columns split into groups (the group count that needs the fewest pages),
 *               each page repeating the lane labels and the stage row. */

static const char *map_missing(const jm_journey *j, jm_arena *a) {
    (void)a;
    return j->n_stages == 0 ? "the file has no stages" : NULL;
}

enum { FIT_STEPS = 8 };   /* bisection steps for the column width */

/* Geometry of columns [first, first + n) of width col_w, the content starting at x0. */
static mp_geo geo_for(mp_map *M, size_t first, size_t n, double col_w, double x0) {
    const jm_map_style *st = &M->st;
    mp_geo g = { .first = first, .n = n, .x0 = x0, .col_w = col_w, .col_gap = st->column_gap };
    g.cols_x = x0 + st->label_width + st->label_gap;
    jm_stage_row row = { .first = first, .n = 0, .x0 = g.cols_x, .col_w = col_w, .col_gap = g.col_gap };
    jm_funnel_stage_row(M->ctx, NULL, &row, 0, &g.overhang);
    g.right = g.cols_x + (double)n * col_w + (double)(n ? n - 1 : 0) * g.col_gap + g.overhang;
    g.width = g.right + M->c->margin;
    return g;
}

/* The column width that makes n columns fill a canvas `width` wide (unclamped). */
static double fill_width(mp_map *M, size_t n, double width) {
    const jm_map_style *st = &M->st;
    double fixed = 2 * M->c->margin + st->label_width + st->label_gap + (double)(n - 1) * st->column_gap;
    double w = (width - fixed) / (double)n;
    for (int i = 0; i < 2; i++) {   /* the chevron's overhang shrinks with narrow columns */
        mp_geo g = geo_for(M, 0, n, fmax(w, 1), M->c->margin);
        w = (width - fixed - g.overhang) / (double)n;
    }
    return w;
}

static double clamp_col(const mp_map *M, double w) {
    return fmin(fmax(w, M->st.min_column_width), fmax(M->st.max_column_width, M->st.min_column_width));
}

/* ---- parts ---- */

/* Title and subtitle, and the persona card: beside them at the right when the content is wide
 * enough for the subtitle's full width and the card with its parts side by side, else under. */
static mp_part header_part(mp_map *M, const mp_geo *g) {
    const jm_map_style *st = &M->st;
    jm_scene *s = jm_scene_new(M->a, g->width, 0, M->c->background);
    double w = g->right - g->x0, card = mp_persona_width(M), gap = st->section_gap;
    double tw = st->subtitle_max_width > 0 ? st->subtitle_max_width : w / 2, y;
    if (card > 0 && tw + gap + card <= w) {
        const jm_persona *p = M->j->persona;
        double cw = fmin(w - tw - gap, st->persona_max_width);
        if (!p->goals.n && !p->frustrations.n) cw = fmin(cw, card);   /* only who: as wide as that */
        y = mp_title(M, s, &st->title_font, g->x0, 0, tw);
        double ch = mp_persona(M, s, g->x0 + w - cw, 0, cw);
        y = fmax(y, ch);
    } else {
        y = mp_title(M, s, &st->title_font, g->x0, 0, w);
        if (card > 0) y += M->c->gap + mp_persona(M, s, g->x0, y + M->c->gap, w);
    }
    s->height = y;
    return (mp_part){ .kind = MP_PART_HEADER, .s = s, .h = y };
}

static mp_part stages_part(mp_map *M, const mp_geo *g, double gap_before) {
    jm_scene *s = jm_scene_new(M->a, g->width, 0, M->c->background);
    jm_stage_row row = { .first = g->first, .n = g->n, .x0 = g->cols_x, .col_w = g->col_w, .col_gap = g->col_gap,
                         .details = true };
    double h = jm_funnel_stage_row(M->ctx, s, &row, 0, NULL);
    s->height = h;
    return (mp_part){ .kind = MP_PART_STAGES, .s = s, .h = h, .gap_before = gap_before, .keep_with_next = true };
}

/* The header (when asked), the stage row and the lanes of g's columns. */
static void lane_parts(mp_map *M, const mp_geo *g, bool header, mp_parts *out) {
    if (header) mp_parts_add(M, out, header_part(M, g));
    mp_parts_add(M, out, stages_part(M, g, header ? M->st.section_gap : 0));
    bool first = true;
    for (size_t k = 0; k < M->n_lanes; k++) {
        mp_part p;
        if (!mp_lane_part(M, g, k, &p)) continue;
        p.gap_before = first ? M->c->gap : M->st.lane_gap;
        first = false;
        mp_parts_add(M, out, p);
    }
}

static void extra_parts(mp_map *M, const mp_geo *g, mp_parts *out) {
    mp_feature_parts(M, g->x0, g->right - g->x0, out);
    if (M->tables) mp_table_parts(M, g->x0, g->right - g->x0, false, out);
}

/* ---- one poster ---- */

/* All parts of the poster with every stage in columns of col_w, content from x0. */
static mp_parts poster_parts(mp_map *M, double col_w, double x0, mp_geo *g_out) {
    mp_parts parts = { 0 };
    mp_geo g = geo_for(M, 0, M->j->n_stages, col_w, x0);
    lane_parts(M, &g, true, &parts);
    extra_parts(M, &g, &parts);
    if (g_out) *g_out = g;
    return parts;
}

static double parts_height(mp_map *M, const mp_parts *p) {
    double h = 2 * M->c->margin;
    for (size_t i = 0; i < p->n; i++) h += (i ? p->v[i].gap_before : 0) + p->v[i].h;
    return h;
}

/* The column width in [min, max] whose whole poster is closest to width / height = aspect:
 * wider columns make a wider, shorter poster, so the ratio grows with the width. */
static double fit_aspect(mp_map *M, double aspect) {
    double lo = M->st.min_column_width, hi = fmax(M->st.max_column_width, lo);
    mp_geo g;
    for (int i = 0; i < FIT_STEPS; i++) {
        double mid = (lo + hi) / 2;
        mp_parts p = poster_parts(M, mid, M->c->margin, &g);
        if (g.width / parts_height(M, &p) < aspect) lo = mid;
        else hi = mid;
    }
    return floor((lo + hi) / 2);
}

/* The poster's parts stacked on one page `width` wide, as tall as they are. */
static void one_page(mp_map *M, const mp_parts *p, double width, jm_doc *doc, const char *bookmark) {
    bool *stops = JM_NEWV(M->a, bool, p->n ? p->n : 1);
    mp_flow(M, p, stops, width, 0, doc, bookmark, NULL);
}

static void single_page(mp_map *M, double col_w, double x0, double width, jm_doc *doc, const char *bookmark) {
    mp_geo g;
    mp_parts p = poster_parts(M, col_w, x0, &g);
    one_page(M, &p, width > 0 ? width : g.width, doc, bookmark);
}

/* ---- pages ---- */

/* The parts of the poster with the stages in g groups of columns of width col_w (each group a
 * run of pages of its own), then the features and tables; stops[i] marks a group's start. */
static mp_parts grouped_parts(mp_map *M, size_t groups, double col_w, bool **stops) {
    size_t n = M->j->n_stages, first = 0;
    mp_parts parts = { 0 };
    size_t *starts = JM_NEWV(M->a, size_t, groups + 1);
    mp_geo g = { 0 };
    for (size_t k = 0; k < groups; k++) {
        size_t size = n / groups + (k < n % groups ? 1 : 0);   /* 8 stages in 3 groups: 3, 3, 2 */
        g = geo_for(M, first, size, col_w, M->c->margin);
        starts[k] = parts.n;
        lane_parts(M, &g, k == 0, &parts);
        first += size;
    }
    mp_geo all = geo_for(M, 0, (n + groups - 1) / groups, col_w, M->c->margin);
    extra_parts(M, &all, &parts);
    *stops = JM_NEWV(M->a, bool, parts.n ? parts.n : 1);
    for (size_t k = 1; k < groups; k++) (*stops)[starts[k]] = true;
    return parts;
}

/* The least scale the writer may draw a page of these parts at: every text at least the
 * target's floor (ctx->min_text, tags ctx->min_tag), or, without one, the cell text at least
 * min-print-font. At most 1. */
static double least_scale(mp_map *M, const mp_parts *p) {
    const jm_layout_ctx *ctx = M->ctx;
    double body = M->st.text_font.size, k = 0;
    if (!(ctx->min_text > 0)) return body > 0 ? fmin(1, M->st.min_print_font / body) : 1;
    for (size_t i = 0; i < p->n; i++)
        k = fmax(k, jm_scene_least_fit(p->v[i].s, ctx->min_text, ctx->min_tag > 0 ? ctx->min_tag : ctx->min_text));
    return k > 0 ? fmin(1, k) : 1;
}

static bool paged(mp_map *M, jm_doc *doc, const char *bookmark) {
    const jm_layout_ctx *ctx = M->ctx;
    double pw = ctx->page_width, ph = ctx->page_height;
    /* one page, fitted: fine while every text stays at least the target's floor */
    double col = fit_aspect(M, pw / ph);
    mp_geo g;
    mp_parts p = poster_parts(M, col, M->c->margin, &g);
    double kmin = least_scale(M, &p);
    double k = fmin(pw / g.width, ph / parts_height(M, &p));
    if (k >= kmin - 1e-9) {
        one_page(M, &p, g.width, doc, bookmark);
        return true;
    }
    /* pages at exactly the smallest print size: the group count that needs the fewest pages */
    double W = pw / kmin, H = ph / kmin;
    size_t n = M->j->n_stages, best = 0, best_pages = 0, best_over = 0;
    double best_col = 0;
    for (size_t groups = 1; groups <= n; groups++) {
        size_t per = (n + groups - 1) / groups;
        if (groups > 1 && (n + groups - 2) / (groups - 1) == per) continue;   /* same widest group */
        double fit = fill_width(M, per, W);
        if (fit < M->st.min_column_width && per > 1) continue;
        double cw = clamp_col(M, fit);
        bool *stops;
        mp_parts gp = grouped_parts(M, groups, cw, &stops);
        size_t over, pages = mp_flow(M, &gp, stops, W, H, NULL, NULL, &over);
        if (!best || over < best_over || (over == best_over && pages < best_pages)) {
            best = groups; best_pages = pages; best_over = over; best_col = cw;
        }
        if (fit >= M->st.max_column_width && !best_over) break;   /* more groups would only add pages */
    }
    if (!best) { best = n; best_col = M->st.min_column_width; }
    bool *stops;
    mp_parts gp = grouped_parts(M, best, best_col, &stops);
    mp_flow(M, &gp, stops, W, H, doc, bookmark, NULL);
    return true;
}

/* ---- the view ---- */

void mp_map_init(mp_map *M, const jm_layout_ctx *ctx, bool tables) {
    memset(M, 0, sizeof *M);
    M->ctx = ctx;
    M->j = ctx->journey;
    M->c = jm_style_get_common(ctx->style);
    jm_style_fill(ctx->style, &jm_map_style_schema, &M->st);
    M->text = ctx->text;
    M->a = ctx->arena;
    M->ls = M->c->line_spacing;
    M->tables = tables;
    M->view = "map";
    mp_gather(M);
}

bool jm_map_layout(const jm_layout_ctx *ctx, const jm_map_opts *o, jm_doc *doc, const char *bookmark) {
    const jm_journey *j = ctx->journey;
    if (j->n_stages == 0) {
        jm_error(ctx->diags, j->file, j->pos, "map: the file has no stages");
        return false;
    }
    mp_map M;
    mp_map_init(&M, ctx, o ? o->tables : true);
    if (ctx->page_width > 0 && ctx->page_height > 0) return paged(&M, doc, bookmark);
    size_t n = j->n_stages;
    if (ctx->width > 0) {
        double fit = fill_width(&M, n, ctx->width), cw = clamp_col(&M, fit);
        if (fit < M.st.min_column_width)
            jm_diag_add(ctx->diags, JM_WARNING, j->file, j->pos,
                        "map: %zu stage columns do not fit in %.0f pt; the canvas is widened to %.0f pt", n,
                        ctx->width, geo_for(&M, 0, n, cw, M.c->margin).width);
        mp_geo g = geo_for(&M, 0, n, cw, M.c->margin);
        double x0 = M.c->margin + fmax(0, (ctx->width - g.width) / 2);   /* centred when columns hit their maximum */
        single_page(&M, cw, x0, fit < M.st.min_column_width ? g.width : ctx->width, doc, bookmark);
        return true;
    }
    double col = M.st.column_width;
    if (ctx->aspect > 0) col = fit_aspect(&M, ctx->aspect);
    else if (M.st.min_aspect > 0) {   /* a poster no taller than min-aspect allows */
        mp_geo g;
        mp_parts p = poster_parts(&M, col, M.c->margin, &g);
        if (g.width / parts_height(&M, &p) < M.st.min_aspect)
            col = fmax(col, fit_aspect(&M, M.st.min_aspect));
    }
    single_page(&M, col, M.c->margin, 0, doc, bookmark);
    return true;
}

static bool map_view_layout(const jm_layout_ctx *ctx, jm_doc *doc) {
    return jm_map_layout(ctx, NULL, doc, ctx->journey->title);
}

const jm_view jm_view_map = {
    .name = "map",
    .summary = "the journey-map poster: persona, stage columns, a row per lane, the emotion curve, features, tables",
    .missing = map_missing,
    .layout = map_view_layout,
    .fits_pages = true,
};
