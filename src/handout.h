/* handout.h - the printed handout (--view all to a PDF): a cover, each view on pages of one
 * size, then the tables, under a running head and page numbers, with a nested outline. */
#ifndef JM_HANDOUT_H
#define JM_HANDOUT_H
#include <stdbool.h>
#include "view.h"

/* The page size of a handout when --page does not say: landscape, so that the map's stage
 * columns run across the page. */
#define JM_HANDOUT_PAGE "A4-landscape"

/* Lays out the handout into `doc`: the cover (view "cover"), then `views` (NULL-terminated, in
 * that order) on pages of ctx->page_width x ctx->page_height (the content box, pt; both must be
 * set) less a running head and foot: the map without its title, persona card and tables, the
 * other views each on the canvas that prints them on the fewest pages at the paper floor
 * (paper.h); then the journey's tables (view "tables"). Every page but the cover gets furniture
 * (the journey's title, the section with "continued" on its further pages, "N / total"). The
 * outline entries are the map style's bookmark-* texts, a section's further pages nested as
 * "Journey map (2)" and so on. False after a diagnostic. */
bool jm_handout_layout(const jm_layout_ctx *ctx, const jm_view *const *views, jm_doc *doc);
#endif
