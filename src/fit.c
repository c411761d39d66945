/* fit.c - --fit: one view on one page at the largest size the paper allows (see fit.h). */
#include "fit.h"
#include "paper.h"
#include <math.h>

/* The view on one page of any size that the writer fits in the content box w x h pt, added to
 * `doc`; *t says how it prints. False after a diagnostic. */
static bool one_page(const jm_view *v, const jm_layout_ctx *ctx, double w, double h, jm_doc *doc, jm_paper_fit *t) {
    jm_layout_ctx c = *ctx;
    c.page_width = c.page_height = 0;
    return jm_paper_layout(v, &c, w, h, false, 0, doc, t);
}

/* Whether the view fits a page pw x ph with `margin` around at the floor; *t says how it prints. */
static bool fits(const jm_view *v, const jm_layout_ctx *ctx, double pw, double ph, double margin, jm_paper_fit *t) {
    jm_layout_ctx quiet = *ctx;
    quiet.diags = jm_diags_new();
    bool laid = one_page(v, &quiet, pw - 2 * margin, ph - 2 * margin, jm_doc_new(ctx->arena), t);
    jm_diags_free(quiet.diags);
    return laid && t->ok;
}

/* The smallest paper of the list (either way round) that holds the view; NULL: none does. */
static const jm_paper *smallest_paper(const jm_view *v, const jm_layout_ctx *ctx, const jm_paper *papers, size_t n,
                                      double margin, bool *landscape) {
    const jm_paper *best = NULL;
    double best_area = INFINITY;
    jm_paper_fit t;
    for (size_t i = 0; i < n; i++) {
        double area = papers[i].w * papers[i].h;
        if (area >= best_area) continue;
        for (int turn = 0; turn < 2; turn++) {
            double w = turn ? papers[i].h : papers[i].w, h = turn ? papers[i].w : papers[i].h;
            if (fits(v, ctx, w, h, margin, &t)) {
                best = &papers[i];
                best_area = area;
                *landscape = turn;
                break;
            }
        }
    }
    return best;
}

bool jm_fit_layout(const jm_view *v, const jm_layout_ctx *given, const jm_paper *papers, size_t n,
                   const char *page_name, double margin, double *page_w, double *page_h, jm_doc *doc) {
    const jm_journey *j = given->journey;
    jm_layout_ctx paper = *given;   /* on paper, whether or not a page size was given */
    const jm_layout_ctx *ctx = &paper;
    const jm_style_common *c = jm_style_get_common(ctx->style);
    if (!(paper.min_text > 0)) {
        paper.min_text = c->paper_min_font_pt;
        paper.min_tag = c->paper_min_tag_pt;
    }
    double ft, fg;
    jm_layout_floors(ctx, &ft, &fg);
    jm_paper_fit t = { 0 };
    bool landscape = false;
    if (*page_w > 0 && fits(v, ctx, *page_w, *page_h, margin, &t))
        return one_page(v, ctx, *page_w - 2 * margin, *page_h - 2 * margin, doc, &t);
    double smallest = t.worst;
    const jm_paper *p = smallest_paper(v, ctx, papers, n, margin, &landscape);
    if (*page_w <= 0 && p) {
        *page_w = landscape ? p->h : p->w;
        *page_h = landscape ? p->w : p->h;
        return one_page(v, ctx, *page_w - 2 * margin, *page_h - 2 * margin, doc, &t);
    }
    const char *asked = *page_w > 0
        ? jm_arena_printf(ctx->arena, "on one %s page its smallest text would print at %.1f pt, under the floor of "
                          "%g pt (%g pt for tags and axis ticks); ", page_name ? page_name : "such", smallest,
                          ft, fg)
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
    fits(v, ctx, big->h, big->w, margin, &t);
    double grow = t.least > 0 && t.scale > 0 ? t.least / t.scale : 1;
    jm_error(ctx->diags, j->file, (jm_pos){ 0, 0 }, "--fit: the %s view does not fit: %sno standard size up to %s "
             "holds it; it needs about %.0fx%.0fmm (--page %.0fx%.0fmm), or leave out --fit to continue it on more "
             "pages", v->name, asked, big->name, big->h * grow * 25.4 / 72 + 1, big->w * grow * 25.4 / 72 + 1,
             big->h * grow * 25.4 / 72 + 1, big->w * grow * 25.4 / 72 + 1);
    return false;
}
