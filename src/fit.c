/* fit.c - --fit: one view on one page at the largest size the paper allows (see fit.h). */
#include "fit.h"
#include "paper.h"
#include <math.h>

/* The view on one page whose content box is w x h pt; NULL after a diagnostic. *k gets the
 * scale it prints at, *least the least scale at which every text meets its floor. */
static jm_scene *one_page(const jm_view *v, const jm_layout_ctx *ctx, double w, double h, jm_doc *doc, double *k,
                          double *least) {
    jm_layout_ctx c = *ctx;
    c.page_width = c.page_height = 0;   /* one page of any size: the writer fits it to the paper */
    if (v->fits_pages) c.aspect = w / h;   /* the map chooses its columns for the page's shape */
    else if (c.width <= 0) c.width = w;
    size_t first = doc->n_pages;
    if (!jm_view_layout(v, &c, doc)) return NULL;
    jm_scene *s = doc->pages[first].scene;
    *k = jm_paper_scale(s, w, h);
    *least = jm_paper_least_scale(s, 0);
    return s;
}

/* The page's content box, and whether the view fits it at the floor. */
static bool fits(const jm_view *v, const jm_layout_ctx *ctx, double pw, double ph, double margin, double *k,
                 double *least, double *smallest) {
    jm_doc *scratch = jm_doc_new(ctx->arena);
    jm_scene *s = one_page(v, ctx, pw - 2 * margin, ph - 2 * margin, scratch, k, least);
    if (!s) return false;
    if (smallest) *smallest = jm_paper_smallest(s) * *k;
    return *k >= *least - 1e-9;
}

/* The smallest paper of the list (either way round) that holds the view; NULL: none does. */
static const jm_paper *smallest_paper(const jm_view *v, const jm_layout_ctx *ctx, const jm_paper *papers, size_t n,
                                      double margin, bool *landscape) {
    const jm_paper *best = NULL;
    double best_area = INFINITY, k, least;
    for (size_t i = 0; i < n; i++) {
        double area = papers[i].w * papers[i].h;
        if (area >= best_area) continue;
        for (int turn = 0; turn < 2; turn++) {
            double w = turn ? papers[i].h : papers[i].w, h = turn ? papers[i].w : papers[i].h;
            if (fits(v, ctx, w, h, margin, &k, &least, NULL)) {
                best = &papers[i];
                best_area = area;
                *landscape = turn;
                break;
            }
        }
    }
    return best;
}

bool jm_fit_layout(const jm_view *v, const jm_layout_ctx *ctx, const jm_paper *papers, size_t n, const char *page_name,
                   double margin, double *page_w, double *page_h, jm_doc *doc) {
    const jm_journey *j = ctx->journey;
    double k, least, smallest = 0;
    bool landscape = false;
    if (*page_w > 0 && fits(v, ctx, *page_w, *page_h, margin, &k, &least, &smallest)) {
        double w = *page_w - 2 * margin, h = *page_h - 2 * margin;
        return one_page(v, ctx, w, h, doc, &k, &least) != NULL;
    }
    const jm_paper *p = smallest_paper(v, ctx, papers, n, margin, &landscape);
    if (*page_w <= 0 && p) {
        *page_w = landscape ? p->h : p->w;
        *page_h = landscape ? p->w : p->h;
        return one_page(v, ctx, *page_w - 2 * margin, *page_h - 2 * margin, doc, &k, &least) != NULL;
    }
    const char *asked = *page_w > 0
        ? jm_arena_printf(ctx->arena, "on one %s page its smallest text would print at %.1f pt, under the floor of "
                          "%g pt (%g pt for tags and axis ticks); ", page_name ? page_name : "such", smallest,
                          JM_PAPER_FLOOR, JM_PAPER_FLOOR_SMALL)
        : "";
    if (p) {
        jm_error(ctx->diags, j->file, (jm_pos){ 0, 0 }, "--fit: the %s view does not fit: %sit needs %s%s or larger "
                 "(or leave out --fit to continue it on more pages)", v->name, asked, p->name,
                 landscape ? "-landscape" : "");
        return false;
    }
    /* not even the largest standard size: the size it needs, from the largest one's shortfall */
    const jm_paper *big = &papers[0];
    for (size_t i = 1; i < n; i++) if (papers[i].w * papers[i].h > big->w * big->h) big = &papers[i];
    fits(v, ctx, big->h, big->w, margin, &k, &least, NULL);
    double grow = least > 0 && k > 0 ? least / k : 1;
    jm_error(ctx->diags, j->file, (jm_pos){ 0, 0 }, "--fit: the %s view does not fit: %sno standard size up to %s "
             "holds it; it needs about %.0fx%.0fmm (--page %.0fx%.0fmm), or leave out --fit to continue it on more "
             "pages", v->name, asked, big->name, big->h * grow * 25.4 / 72 + 1, big->w * grow * 25.4 / 72 + 1,
             big->h * grow * 25.4 / 72 + 1, big->w * grow * 25.4 / 72 + 1);
    return false;
}
