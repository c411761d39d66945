/* paper.h - a view laid out for printed pages: on a canvas as wide as the page box over a scale
 * k, so that the writer prints it at k, with k chosen for the fewest pages, then the largest
 * print, every text at its floor on paper (the style's paper-min-font-pt and paper-min-tag-pt,
 * see jm_layout_floors; which texts are tags: jm_role_floor). The handout and --fit use it. */
#ifndef JM_PAPER_H
#define JM_PAPER_H
#include <stdbool.h>
#include "view.h"

/* How a view was laid out for a page box. */
typedef struct {
    double k;           /* the canvas is the box over k */
    size_t pages;
    double scale;       /* the least scale the writer prints one of its pages at (fitted to the box) */
    double least;       /* the least scale at which every text keeps its paper floor (0: no text) */
    double worst;       /* pt, how big the text furthest under (or nearest to) its floor prints */
    bool ok;            /* scale >= least: every text prints at its floor */
} jm_paper_fit;

/* Lays view `v` out for a page box box_w x box_h pt and adds its pages to `doc`. `paginate`: the
 * view continues on pages of the box's height (ctx->page_width and page_height are the box);
 * else it is one page of any height that the writer fits in the box. The map lays itself out
 * (its columns for the box's shape); other views try canvases from the box's width up to
 * 1 / least_k of it (least_k >= 0.4) and keep the one that prints at the floor on the fewest
 * pages, then the largest (when none does, the closest); smaller than least_k, down to the
 * floor, only when that saves a third of the pages (a sequence cut into narrow bands of
 * participants on A5 reads better in fewer, wider bands at a smaller size). The text floors of ctx (jm_layout_floors) are the paper's; a
 * canvas printed at k gets floors over k. *fit (may be NULL) says how it prints. False after a
 * diagnostic. */
bool jm_paper_layout(const jm_view *v, const jm_layout_ctx *ctx, double box_w, double box_h, bool paginate,
                     double least_k, jm_doc *doc, jm_paper_fit *fit);
#endif
