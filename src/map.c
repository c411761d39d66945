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
 *   --page      one page when the poster fitted to the page keeps every text at its floor
 *               on paper (jm_layout_floors); else pages of the size that prints its natural
 *               text at exactly that, the stage columns split into groups (the group count
 *               that needs the fewest pages), each page repeating the lane labels and the
 *               stage row. */

static const char *map_missing(const jm_journey *j, jm_arena *a) {
    (void)a;
    return j->n_stages == 0 ? "the file has no stages" : NULL;
}

enum { FIT_STEPS = 8 };   /* bisection steps for the column width */

/* Geometry of columns [first, first + n) of width col_w, the content starting at x0. */
static mp_geo geo_for(mp_map *M, size_t first, size_t n, double col_w, double x0) {
    mp_geo g = { .first = first, .n = n, .x0 = x0, .col_w = col_w, .col_gap = M->st.column_gap };
    g.cols_x = x0 + M->label_w + M->label_gap;
    g.right = g.cols_x + (double)n * col_w + (double)(n ? n - 1 : 0) * g.col_gap;
    g.width = g.right + M->c->margin;
    return g;
}

/* The column width that makes n columns fill a canvas `width` wide (unclamped). */
static double fill_width(mp_map *M, size_t n, double width) {
    double fixed = 2 * M->c->margin + M->label_w + M->label_gap + (double)(n - 1) * M->st.column_gap;
    return (width - fixed) / (double)n;
}

static double clamp_col(const mp_map *M, double w) {
    return fmin(fmax(w, M->st.min_column_width), fmax(M->st.max_column_width, M->st.min_column_width));
}

/* ---- parts ---- */

/* How wide the title and subtitle are set in a column w wide (the subtitle at most
 * subtitle-max-width), pt. */
static double title_width(mp_map *M, double w) {
    const jm_journey *j = M->j;
    double tw = 0, sw = M->st.subtitle_max_width > 0 ? fmin(w, M->st.subtitle_max_width) : w;
    if (j->title && *j->title)
        tw = jm_text_layout(M->text, M->a, j->title, &M->st.title_font, w, JM_ALIGN_LEFT, M->ls).width;
    if (j->subtitle && *j->subtitle)
        tw = fmax(tw, jm_text_layout(M->text, M->a, j->subtitle, &M->c->subtitle_font, sw, JM_ALIGN_LEFT, M->ls).width);
    return ceil(tw);
}

/* Title and subtitle, and the persona card: beside them at the right when the content is wide
 * enough for the subtitle's full width and the card with its parts side by side, or for the
 * title and subtitle as they are set (short ones) and the card; else under. */
static mp_part header_part(mp_map *M, const mp_geo *g) {
    const jm_map_style *st = &M->st;
    jm_scene *s = jm_scene_new(M->a, g->width, 0, M->c->background);
    double w = g->right - g->x0, card = mp_persona_width(M), gap = st->section_gap;
    double tw = st->subtitle_max_width > 0 ? st->subtitle_max_width : w / 2, y;
    if (card > 0 && tw + gap + card > w) tw = fmin(tw, title_width(M, w));
    if (card > 0 && tw > 0 && tw + gap + card <= w) {
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
    return (mp_part){ .kind = MP_PART_HEADER, .s = s, .h = y, .keep_with_next = true };
}

static mp_part stages_part(mp_map *M, const mp_geo *g, double gap_before) {
    jm_scene *s = jm_scene_new(M->a, g->width, 0, M->c->background);
    jm_stage_row row = { .first = g->first, .n = g->n, .x0 = g->cols_x, .col_w = g->col_w, .col_gap = g->col_gap,
                         .details = true, .flush = true };
    double h = jm_funnel_stage_row(M->ctx, s, &row, 0, NULL);
    s->height = h;
    return (mp_part){ .kind = MP_PART_STAGES, .s = s, .h = h, .gap_before = gap_before, .keep_with_next = true };
}

/* The header (when asked), the stage row and the lanes of g's columns. */
static void lane_parts(mp_map *M, const mp_geo *g, bool header, mp_parts *out) {
    header = header && M->header;
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
    if (M->tables) mp_table_parts(M, g->x0, g->right - g->x0, 0, out);
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

/* The height of one page of these parts, snapped as mp_flow snaps it. */
static double parts_height(mp_map *M, const mp_parts *p) {
    double h = 2 * M->c->margin;
    for (size_t i = 0; i < p->n; i++) h += (i ? p->v[i].gap_before : 0) + p->v[i].h;
    return jm_snap(h, M->c->grid_unit);
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
    mp_flow(M, p, width, 0, doc, bookmark, NULL);
}

static void single_page(mp_map *M, double col_w, double x0, double width, jm_doc *doc, const char *bookmark) {
    mp_geo g;
    mp_parts p = poster_parts(M, col_w, x0, &g);
    one_page(M, &p, width > 0 ? width : g.width, doc, bookmark);
}

/* ---- pages ---- */

/* The parts of the poster with the stages in `groups` groups of columns, one after the other
 * (a group's stage row under the last group's lanes, or on a new page), then the features and
 * tables. A group's columns fill the width W (between min- and max-column-width), never
 * narrower than col_w: a smaller last group gets wider columns. */
static mp_parts grouped_parts(mp_map *M, size_t groups, double col_w, double W) {
    size_t n = M->j->n_stages, first = 0;
    mp_parts parts = { 0 };
    for (size_t k = 0; k < groups; k++) {
        size_t size = n / groups + (k < n % groups ? 1 : 0);   /* 8 stages in 3 groups: 3, 3, 2 */
        mp_geo g = geo_for(M, first, size, fmax(col_w, clamp_col(M, fill_width(M, size, W))), M->c->margin);
        size_t start = parts.n;
        lane_parts(M, &g, k == 0, &parts);
        if (k > 0) parts.v[start].gap_before = M->st.section_gap;   /* a group's stage row under the last */
        first += size;
    }
    mp_geo all = geo_for(M, 0, (n + groups - 1) / groups, col_w, M->c->margin);
    extra_parts(M, &all, &parts);
    return parts;
}

/* The least scale the writer may print a page of these parts at: every text at its floor on
 * paper (ft, tags fg). At most 1. */
static double least_scale(const mp_parts *p, double ft, double fg) {
    double k = 0;
    for (size_t i = 0; i < p->n; i++) k = fmax(k, jm_scene_least_fit(p->v[i].s, ft, fg));
    return k > 0 ? fmin(1, k) : 1;
}

/* The floors of a page printed at k: text that shrinks (narrow columns) stops at ft / k in the
 * scene, ft on paper. */
static void print_at(jm_layout_ctx *at, double ft, double fg, double k) {
    at->min_text = ft / k;
    at->min_tag = fg / k;
}

/* The group count (and column width) that puts the poster on the fewest pages W x H, stage
 * columns split into groups; *n_pages gets how many. */
static size_t best_groups(mp_map *M, double W, double H, double *col, size_t *n_pages) {
    size_t n = M->j->n_stages, best = 0, best_pages = 0, best_over = 0;
    double best_col = 0;
    for (size_t groups = 1; groups <= n; groups++) {
        size_t per = (n + groups - 1) / groups;
        if (groups > 1 && (n + groups - 2) / (groups - 1) == per) continue;   /* same widest group */
        double fit = fill_width(M, per, W);
        if (fit < M->st.min_column_width && per > 1) continue;
        double cw = clamp_col(M, fit);
        mp_parts gp = grouped_parts(M, groups, cw, W);
        size_t over, pages = mp_flow(M, &gp, W, H, NULL, NULL, &over);
        if (!best || over < best_over || (over == best_over && pages < best_pages)) {
            best = groups; best_pages = pages; best_over = over; best_col = cw;
        }
        if (fit >= M->st.max_column_width && !best_over) break;   /* more groups would only add pages */
    }
    if (!best) { best = n; best_col = M->st.min_column_width; }
    *col = best_col;
    if (n_pages) *n_pages = best_pages;
    return best;
}

/* On pages pw x ph (ctx->page_width, page_height): one page when the poster fitted to it keeps
 * every text at its floor (jm_layout_floors); else pages of the size that prints the poster's
 * text at the least scale its natural sizes allow, columns narrowed no further than the floor. */
static bool paged(mp_map *M, jm_doc *doc, const char *bookmark) {
    const jm_layout_ctx *ctx = M->ctx;
    double pw = ctx->page_width, ph = ctx->page_height, ft, fg;
    jm_layout_floors(ctx, &ft, &fg);
    jm_layout_ctx at = *ctx;
    M->ctx = &at;
    /* one page, fitted: fine while every text stays at least the floor */
    print_at(&at, ft, fg, 1);
    double col = fit_aspect(M, pw / ph);
    mp_geo g;
    mp_parts p = poster_parts(M, col, M->c->margin, &g);
    double k = fmin(1, fmin(pw / g.width, ph / parts_height(M, &p)));
    if (k < 1) {   /* printed smaller: lay it out again for that scale's floors */
        print_at(&at, ft, fg, k);
        p = poster_parts(M, col, M->c->margin, &g);
        k = fmin(1, fmin(pw / g.width, ph / parts_height(M, &p)));
    }
    if (k >= least_scale(&p, ft, fg) - 1e-9) {
        one_page(M, &p, g.width, doc, bookmark);
        M->ctx = ctx;
        return true;
    }
    /* pages at the least scale the poster's natural text allows (its columns as wide as the
     * style's); texts that shrink in narrower columns stop at the floor over that scale */
    print_at(&at, ft, fg, 1);
    p = poster_parts(M, M->st.column_width, M->c->margin, &g);
    k = least_scale(&p, ft, fg);
    size_t groups = 1;
    for (int round = 0; round < 4; round++) {
        print_at(&at, ft, fg, k);
        groups = best_groups(M, pw / k, ph / k, &col, NULL);
        mp_parts gp = grouped_parts(M, groups, col, pw / k);
        double need = least_scale(&gp, ft, fg);
        if (need <= k + 1e-9) break;
        k = need;   /* a text that does not shrink is under the floor at k */
    }
    mp_parts gp = grouped_parts(M, groups, col, pw / k);
    mp_flow(M, &gp, pw / k, ph / k, doc, bookmark, NULL);
    M->ctx = ctx;
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
    M->header = true;
    M->view = "map";
    mp_gather(M);
    M->label_w = M->n_lanes ? M->st.label_width : 0;   /* no lanes: no empty label gutter */
    M->label_gap = M->n_lanes ? M->st.label_gap : 0;
}

bool jm_map_layout(const jm_layout_ctx *ctx, const jm_map_opts *o, jm_doc *doc, const char *bookmark) {
    const jm_journey *j = ctx->journey;
    if (j->n_stages == 0) {
        jm_error(ctx->diags, j->file, j->pos, "map: the file has no stages");
        return false;
    }
    mp_map M;
    mp_map_init(&M, ctx, o ? o->tables : true);
    M.header = !(o && o->no_header);
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
