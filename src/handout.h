/* handout.h - the printed handout (--view all to a PDF): a cover, each view on pages of one
 * size, then the tables, with document metadata and an outline entry per page. */
#ifndef JM_HANDOUT_H
#define JM_HANDOUT_H
#include <stdbool.h>
#include "view.h"

/* The page size of a handout when --page does not say: landscape, so that the map's stage
 * columns run across the page. */
#define JM_HANDOUT_PAGE "A4-landscape"

/* Lays out the handout into `doc`: the cover (view "cover"), then `views` (NULL-terminated, in
 * that order) each on pages of ctx->page_width x ctx->page_height (the content box, pt; both
 * must be set), the map without its tables, then the journey's tables (view "tables"). The
 * outline entries are the map style's bookmark-* texts, "Journey map (2)" and so on for a
 * section's further pages. False after a diagnostic. */
bool jm_handout_layout(const jm_layout_ctx *ctx, const jm_view *const *views, jm_doc *doc);
#endif
