/* paper.c - a view laid out for printed pages at the largest print that keeps the paper floor
 * (see paper.h). */
#include "paper.h"
#include <math.h>

static const double STEP = 0.05;   /* canvases tried: scales 1, 0.95, ... down to least_k */
#define LEAST_K 0.4

/* The pages [first, n_pages) of `doc` printed in the box: the least scale, and the least scale
 * that keeps the paper floors ft, fg. */
static void measure(const jm_doc *doc, size_t first, double box_w, double box_h, double ft, double fg,
                    jm_paper_fit *t) {
    t->pages = doc->n_pages - first;
    t->scale = INFINITY;
    t->least = t->worst = 0;
    double ratio = INFINITY;
    for (size_t i = first; i < doc->n_pages; i++) {
        const jm_scene *s = doc->pages[i].scene;
        double k = jm_scene_fit_box(s, box_w, box_h);
        int idx;
        double r = jm_scene_floor_ratio(s, ft, fg, &idx) * k;
        if (idx >= 0 && r < ratio) { ratio = r; t->worst = s->items[idx].font.size * k; }
        t->scale = fmin(t->scale, k);
        t->least = fmax(t->least, jm_scene_least_fit(s, ft, fg));
    }
    if (!isfinite(t->scale)) t->scale = 1;
    t->ok = t->scale >= t->least - 1e-9;
}

/* The view on a canvas the box over k, its floors over k. */
static bool try_scale(const jm_view *v, const jm_layout_ctx *ctx, double box_w, double box_h, bool paginate,
                      double k, jm_doc *doc, jm_paper_fit *t) {
    double ft, fg;
    jm_layout_floors(ctx, &ft, &fg);
    jm_layout_ctx c = *ctx;
    c.width = box_w / k;
    c.page_width = paginate ? box_w / k : 0;
    c.page_height = paginate ? box_h / k : 0;
    c.min_text = ft / k;
    c.min_tag = fg / k;
    size_t first = doc->n_pages;
    if (!v->layout(&c, doc)) return false;
    measure(doc, first, box_w, box_h, ft, fg, t);
    t->k = k;
    return true;
}

static bool better(const jm_paper_fit *a, const jm_paper_fit *b) {
    if (a->ok != b->ok) return a->ok;
    if (a->ok) return a->pages < b->pages || (a->pages == b->pages && a->scale > b->scale + 1e-6);
    return a->scale / fmax(a->least, 1e-9) > b->scale / fmax(b->least, 1e-9);
}

bool jm_paper_layout(const jm_view *v, const jm_layout_ctx *ctx, double box_w, double box_h, bool paginate,
                     double least_k, jm_doc *doc, jm_paper_fit *fit) {
    jm_paper_fit t, best = { 0 };
    if (v->fits_pages) {   /* the map: its own columns and pages */
        double ft, fg;
        jm_layout_floors(ctx, &ft, &fg);
        jm_layout_ctx c = *ctx;
        c.width = 0;
        c.page_width = paginate ? box_w : 0;
        c.page_height = paginate ? box_h : 0;
        if (!paginate) c.aspect = box_w / box_h;
        c.min_text = ft;
        c.min_tag = fg;
        size_t first = doc->n_pages;
        if (!v->layout(&c, doc)) return false;
        measure(doc, first, box_w, box_h, ft, fg, &t);
        t.k = 1;
        if (fit) *fit = t;
        return true;
    }
    jm_layout_ctx quiet = *ctx;
    quiet.diags = jm_diags_new();   /* the tries' warnings are the final layout's to give */
    int steps = (int)floor((1 - fmax(least_k, LEAST_K)) / STEP + 1e-9);
    int deep = (int)floor((1 - LEAST_K) / STEP + 1e-9);
    for (int i = 0; i <= deep; i++) {
        /* each try in an arena of its own, freed once measured: twelve layouts of a handout's
         * view would otherwise stay until the end */
        jm_arena *scratch = jm_arena_new();
        jm_layout_ctx q = quiet;
        q.arena = scratch;
        bool laid = try_scale(v, &q, box_w, box_h, paginate, 1 - STEP * i, jm_doc_new(scratch), &t);
        jm_arena_free(scratch);
        if (!laid) break;
        if (i > steps) {   /* under least_k: down to the floor, only to save a third of the pages */
            if (!t.ok) break;
            if (best.ok && t.pages * 3 > best.pages * 2) continue;
            best = t;
            break;
        }
        if (i == 0 || better(&t, &best)) best = t;
        if (i == 0 && t.ok && t.pages == 1 && t.scale >= 1 - 1e-6) break;   /* one page at full size */
        if (i == steps && best.ok && best.pages < 3) break;   /* too few to save a third */
    }
    jm_diags_free(quiet.diags);
    /* the chosen canvas again, with the diagnostics (the first one when even it failed) */
    if (!try_scale(v, ctx, box_w, box_h, paginate, best.k > 0 ? best.k : 1, doc, &t)) return false;
    if (fit) *fit = t;
    return true;
}
