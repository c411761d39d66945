/* target.h - what a document is drawn on: a screen (at scale 1), a slide (--slide) or printed
 * pages (--page to a PDF), each with its floor, the smallest text it may show (the common style
 * keys min-font-px, slide-min-font-px, paper-min-font-pt and paper-min-tag-pt). Lays a view out
 * for a slide, and checks a laid-out document against its target (--check-layout). */
#ifndef JM_TARGET_H
#define JM_TARGET_H
#include <stdio.h>
#include "output.h"
#include "view.h"

typedef enum { JM_TARGET_SCREEN, JM_TARGET_SLIDE, JM_TARGET_PAPER } jm_target_kind;

/* The target options `o` describe: a slide when they have a canvas, paper for a PDF with a page
 * size, else a screen. */
jm_target_kind jm_target_of(const jm_output_opts *o);

/* Sets the floor a view lays out to on paper (ctx->min_text, ctx->min_tag: the paper floors, the
 * page drawn at 1:1); on a screen the style's min-font-px stays (0). Slides set their own in
 * jm_target_slide_layout. */
void jm_target_set_floor(jm_layout_ctx *ctx, const jm_output_opts *o);

/* Lays view `v` out for the slide o->canvas_w x o->canvas_h (px) and appends its slides to
 * `doc`: the layout (natural, or fitted to one of a few widths with pages of the slide's shape:
 * the funnel wraps into rows, the sequence and the map continue on further slides) whose text,
 * fitted to the slide, keeps the floor on the fewest slides, then the one with the largest text.
 * The slides after the first of a deck get a title "TITLE (2/3)". False after a diagnostic. */
bool jm_target_slide_layout(const jm_view *v, const jm_layout_ctx *ctx, const jm_output_opts *o, jm_doc *doc);

/* Every page of `doc` on the target of `o`, with the floors of style `c`: text below the floor
 * after fitting, a page or slide more than half empty (the last page of a view's pages may be;
 * on paper also a view's only page), a page of several holding only a header or a single item.
 * One line per defect on `out`; returns how many. */
size_t jm_target_check(const jm_doc *doc, const jm_style_common *c, const jm_output_opts *o, FILE *out);
#endif
