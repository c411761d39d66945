/* target.c - a view laid out for a slide (natural and scaled up when it fits at the floor, else
 * fitted to a width with pages of the slide's shape), and documents checked against the floor
 * and fullness of their target (and a handout's pages against sharing one). */
#include "target.h"
#include "handout.h"
#include "shapes.h"
#include <glib.h>
#include <math.h>
#include <string.h>

/* Widths tried for a slide, as shares of the widest one whose smallest text still meets the
 * floor when the page is fitted to the slide's width. Narrower: larger text, more rows. */
static const double SHARES[] = { 1, 0.86, 0.74, 0.63, 0.54, 0.46, 0.39, 0.33, 0.28, 0.24, 0.2 };
#define NARROWEST 360   /* pt: no slide is laid out narrower */

jm_target_kind jm_target_of(const jm_output_opts *o) {
    if (o->format == JM_FMT_PDF && o->page_w > 0 && o->page_h > 0) return JM_TARGET_PAPER;
    if (o->canvas_w > 0 && o->canvas_h > 0) return JM_TARGET_SLIDE;
    return JM_TARGET_SCREEN;
}

void jm_target_set_floor(jm_layout_ctx *ctx, const jm_output_opts *o) {
    if (jm_target_of(o) != JM_TARGET_PAPER) return;
    const jm_style_common *c = jm_style_get_common(ctx->style);
    ctx->min_text = c->paper_min_font_pt;
    ctx->min_tag = c->paper_min_tag_pt;
}

/* ---- slides ---- */

typedef struct {
    size_t pages;       /* slides it takes */
    bool ok;            /* every slide keeps the floor */
    bool full;          /* every slide but a deck's last is at least half used */
    double text;        /* the smallest text over its floor, on the slide */
    double smallest;    /* the smallest font size, pt */
} candidate;

/* The share of the slide that the content of page `s` covers once fitted. */
static double used(const jm_scene *s, const jm_output_opts *o) {
    double x0, y0, x1, y1, k = jm_output_fit(s, o);
    jm_scene_bounds(s, 0, &x0, &y0, &x1, &y1);
    return fmin(1, (x1 - x0) * k / o->canvas_w) * fmin(1, (y1 - y0) * k / o->canvas_h);
}

/* The smallest font of the first page's texts, pt. */
static double smallest_font(const jm_doc *doc) {
    double f = INFINITY;
    for (size_t i = 0; i < doc->n_pages; i++) {
        const jm_scene *s = doc->pages[i].scene;
        for (size_t k = 0; k < s->n_items; k++)
            if (s->items[k].kind == JM_ITEM_TEXT && s->items[k].font.size > 0) f = fmin(f, s->items[k].font.size);
    }
    return f;
}

/* Slide k of n (k >= 2) gets a title band over its content:  TITLE (k/n). */
/* Lays the view out in an arena of its own, freed once it is judged: a map tried at ten widths
 * would otherwise keep ten layouts (229 MiB for seed 002) until the end. */
static candidate try_layout(const jm_view *v, const jm_layout_ctx *ctx, const jm_output_opts *o, double floor_px) {
    candidate c = { 0, false, true, INFINITY, INFINITY };
    jm_arena *scratch = jm_arena_new();
    jm_doc *doc = jm_doc_new(scratch);
    jm_diags *quiet = jm_diags_new();   /* a width that does not suit warns; the chosen one is laid out again */
    jm_layout_ctx x = *ctx;
    x.diags = quiet;
    x.arena = scratch;
    bool laid = jm_view_layout(v, &x, doc);
    jm_diags_free(quiet);
    if (!laid || !doc->n_pages) {
        c.text = 0;
        jm_arena_free(scratch);
        return c;
    }
    c.pages = doc->n_pages;
    c.smallest = smallest_font(doc);
    for (size_t i = 0; i < doc->n_pages; i++) {
        const jm_scene *s = doc->pages[i].scene;
        int idx;
        double r = jm_scene_floor_ratio(s, floor_px, floor_px, &idx) * jm_output_fit(s, o);
        if (idx >= 0) c.text = fmin(c.text, r);
        if ((i + 1 < doc->n_pages || doc->n_pages == 1) && used(s, o) < 0.5) c.full = false;
    }
    c.ok = c.text >= 1 - 1e-3;
    jm_arena_free(scratch);
    return c;
}

static bool better(const candidate *a, const candidate *b) {
    if (a->ok != b->ok) return a->ok;
    if (a->ok && a->pages != b->pages) return a->pages < b->pages;
    if (a->ok && a->full != b->full) return a->full;
    return a->text > b->text + 1e-6;
}

static jm_scene *titled(const jm_layout_ctx *ctx, const jm_scene *s, const char *title, double band) {
    const jm_style_common *c = jm_style_get_common(ctx->style);
    jm_scene *t = jm_scene_new(ctx->arena, s->width, s->height + band, s->background);
    t->title = s->title;
    t->desc = s->desc;
    jm_shape_text(t, ctx->text, "page.title", c->margin, c->margin, title, &c->header_font, c->text_muted,
                  s->width - 2 * c->margin, JM_ALIGN_LEFT, c->line_spacing, -1, NULL);
    jm_scene_append(t, s, 0, band);
    return t;
}

/* The height of the title band of a continued slide, pt. */
static double title_band(const jm_layout_ctx *ctx) {
    const jm_style_common *c = jm_style_get_common(ctx->style);
    jm_textblock b = jm_text_layout(ctx->text, ctx->arena, "Title (2/3)", &c->header_font, -1, JM_ALIGN_LEFT,
                                    c->line_spacing);
    return jm_snap(b.height + c->gap, c->grid_unit);
}

bool jm_target_slide_layout(const jm_view *v, const jm_layout_ctx *ctx, const jm_output_opts *o, jm_doc *doc) {
    const jm_style_common *c = jm_style_get_common(ctx->style);
    double cw = o->canvas_w, ch = o->canvas_h, floor_px = c->slide_min_font_px, band = title_band(ctx);
    jm_layout_ctx natural = *ctx;
    natural.aspect = cw / ch;
    natural.width = natural.page_width = natural.page_height = 0;
    natural.min_text = natural.min_tag = 0;
    candidate best = try_layout(v, &natural, o, floor_px);
    jm_layout_ctx chosen = natural;
    double f = best.smallest;
    if (!(best.ok && best.full) && isfinite(f)) {
        double widest = cw * f / floor_px;
        for (size_t i = 0; i < G_N_ELEMENTS(SHARES); i++) {
            double w = floor(widest * SHARES[i]);
            if (w < NARROWEST && i > 0) break;
            jm_layout_ctx x = natural;
            x.width = x.page_width = w;
            x.page_height = w * ch / cw - band;
            x.min_text = x.min_tag = floor_px * w / cw;
            candidate cand = try_layout(v, &x, o, floor_px);
            if (better(&cand, &best)) { best = cand; chosen = x; }
        }
    }
    size_t first = doc->n_pages;
    if (!jm_view_layout(v, &chosen, doc)) return false;   /* again, with the diagnostics */
    size_t n = doc->n_pages - first;
    const char *name = ctx->journey->title && *ctx->journey->title ? ctx->journey->title : v->name;
    for (size_t k = 1; k < n; k++) {
        jm_page *p = &doc->pages[first + k];
        p->scene = titled(ctx, p->scene, jm_arena_printf(ctx->arena, "%s (%zu/%zu)", name, k + 1, n), band);
    }
    return true;
}

/* ---- checks ---- */

/* Handout pages i and i + 1 (both under a running head) whose content would fit on one page:
 * the second's content under the first's, a margin of paper between them, the second printed at
 * its scale or smaller down to the paper floor — what the handout does where it can
 * (handout.h), so a pair left apart is a sparse page that a designer would not print. */
static size_t check_pair(const jm_doc *doc, size_t i, const jm_style_common *c, const jm_output_opts *o, FILE *out) {
    const jm_page *a = &doc->pages[i], *b = &doc->pages[i + 1];
    if (!a->furniture || !b->furniture || a->next_view) return 0;
    double aw, ah, k;
    jm_output_area(o, &aw, &ah);
    double bh = ah - a->head - a->foot;
    if (!(aw > 0) || !(bh > 0)) return 0;
    double ka = jm_scene_fit_box(a->scene, aw, bh), kb = jm_scene_fit_box(b->scene, aw, ah - b->head - b->foot);
    if (!jm_handout_fits(a->scene, ka, b->scene, kb, c->paper_min_font_pt, c->paper_min_tag_pt, bh, c->margin, &k))
        return 0;
    fprintf(out, "defect: pages %zu and %zu (%s, %s) fit on one page, the second printed at %.2f\n", i + 1, i + 2,
            a->view ? a->view : "?", b->view ? b->view : "?", k);
    return 1;
}

size_t jm_target_check(const jm_doc *doc, const jm_style_common *c, const jm_output_opts *o, FILE *out) {
    jm_target_kind kind = jm_target_of(o);
    size_t defects = 0;
    double aw, ah;
    jm_output_area(o, &aw, &ah);
    size_t run = 0;   /* pages of the current view so far */
    for (size_t i = 0; i < doc->n_pages; i++) {
        const jm_page *p = &doc->pages[i];
        bool same_prev = i > 0 && doc->pages[i - 1].view && p->view && !strcmp(doc->pages[i - 1].view, p->view);
        bool same_next = i + 1 < doc->n_pages && doc->pages[i + 1].view && p->view &&
                         !strcmp(doc->pages[i + 1].view, p->view);
        run = same_prev ? run + 1 : 1;
        bool cover = p->view && !strcmp(p->view, "cover");
        char what[64];
        jm_check_target t = { .scale = jm_output_fit(p->scene, o), .unit = "px", .target = what };
        switch (kind) {
        case JM_TARGET_SLIDE:
            snprintf(what, sizeof what, "slide %zu (%s)", i + 1, p->view ? p->view : "?");
            t.min_text = t.min_tag = c->slide_min_font_px;
            t.area_w = aw; t.area_h = ah;
            t.last = !same_next && run > 1;
            break;
        case JM_TARGET_PAPER:
            snprintf(what, sizeof what, "page %zu (%s)", i + 1, p->view ? p->view : "?");
            t.min_text = c->paper_min_font_pt;
            t.min_tag = c->paper_min_tag_pt;
            t.unit = "pt";
            t.area_w = cover ? 0 : aw; t.area_h = ah;
            if (p->furniture && ah - p->head - p->foot > 0) {
                /* under a running head and over a foot (the handout): the view is printed in the
                 * box between them (output_pdf.c place), at that box's scale, and that box is
                 * what it has to fill */
                t.area_h = ah - p->head - p->foot;
                t.scale = jm_scene_fit_box(p->scene, aw, t.area_h);
            }
            t.last = !same_next;
            break;
        case JM_TARGET_SCREEN:
            snprintf(what, sizeof what, "the screen (%s)", p->view ? p->view : "?");
            t.scale = 1;
            t.min_text = t.min_tag = c->min_font_px;
            break;
        }
        t.lone = doc->n_pages > 1 && !cover;
        t.alone = !same_prev && !same_next;
        defects += jm_scene_check_target(p->scene, &t, out);
        if (kind == JM_TARGET_PAPER && i + 1 < doc->n_pages) defects += check_pair(doc, i, c, o, out);
    }
    return defects;
}
