/* fit.h - --fit: one view on one page of paper, as large as the page allows, every text at its
 * floor on paper (paper.h); when the page is too small, the smallest standard size that holds it. */
#ifndef JM_FIT_H
#define JM_FIT_H
#include <stdbool.h>
#include "cli.h"
#include "view.h"

/* Lays `v` out for one page of *page_w x *page_h pt with `margin` pt around (the map at the
 * page's aspect, other views at its width, in one piece) and adds it to `doc`. With *page_w 0
 * the page is the smallest of `papers` (n of them, each either way round) that holds the view at
 * the floor, and *page_w, *page_h get its size. False after a diagnostic: the view needs a
 * larger page than asked for (`page_name`, as given), naming the smallest of `papers` that holds
 * it, or the size in mm it needs. */
bool jm_fit_layout(const jm_view *v, const jm_layout_ctx *ctx, const jm_paper *papers, size_t n, const char *page_name,
                   double margin, double *page_w, double *page_h, jm_doc *doc);
#endif
