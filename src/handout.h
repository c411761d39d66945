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
 * "Journey map (2)" and so on. A section whose first page fits under the end of the section
 * before (jm_handout_stack; the tables laid out again for the room when need be, never under
 * the floor) starts on that page: the page's next_view and next_bookmark name it, its running
 * head names both sections ("Funnel (continued) · Tables"). False after a diagnostic. */
bool jm_handout_layout(const jm_layout_ctx *ctx, const jm_view *const *views, jm_doc *doc);

/* ---- shared pages (handout_pack.c) ----
 * A section whose first page fits under the end of the previous section starts on that page:
 * `gap` pt of paper between them (the common style's margin), each printed at its own scale, the
 * second smaller when that makes it fit, never under the paper floor. */

/* Whether page b's content fits under page a's (printed at ka) in a page box box_h pt tall, `gap`
 * pt of paper between them, printed at kb or, when that is too big, smaller down to where its
 * smallest text meets the paper floor ft (tags fg). *k gets the scale it prints at. */
bool jm_handout_fits(const jm_scene *a, double ka, const jm_scene *b, double kb, double ft, double fg,
                     double box_h, double gap, double *k);

/* Page `a` (printed at ka) with page `b` under its content (jm_handout_fits, the floors ctx's) as
 * one scene in a's units that prints at ka in a box box_h pt tall: b's items scaled by its print
 * scale over ka (its text laid out again at the scaled sizes), its content `gap` pt under a's
 * and its left edge under a's. NULL when b does not fit there or a text of b would wrap
 * differently once scaled. In ctx's arena. */
jm_scene *jm_handout_stack(const jm_layout_ctx *ctx, const jm_scene *a, double ka, const jm_scene *b, double kb,
                           double box_h, double gap);
#endif
