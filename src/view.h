/* view.h - the views a journey can be drawn as, and what every view layout receives.
 * Each view is its own layout module (funnel.c, ...) registered in views.c. */
#ifndef JM_VIEW_H
#define JM_VIEW_H
#include <stdbool.h>
#include "model.h"
#include "scene.h"
#include "style.h"
#include "text.h"

typedef struct {
    const jm_journey *journey;
    const jm_style *style;
    jm_text *text;
    jm_arena *arena;        /* the document's arena: scenes and strings go here */
    jm_diags *diags;
    double width;           /* target canvas width in pt, 0 = the view's natural width */
    double page_width, page_height; /* > 0: printing to pages whose content box is this big (pt).
                             * The PDF writer scales a wider scene down to page_width, so a view
                             * that paginates cuts pages of height page_height * max(1, scene
                             * width / page_width). 0: one page of any height. */
    double aspect;          /* > 0: the output is fitted to a canvas of this width / height
                             * (--slide); a view may lay out to suit it. 0: no preference */
    double min_text, min_tag;   /* > 0: the target's floor in the scene's own pt (text; tags and
                             * axis ticks): a view never shrinks text below it, and a view that
                             * lets the writer scale its pages down (the map) keeps the scale
                             * where every text stays at least this big. 0: the style's
                             * floor for the target (jm_layout_floors) */
    bool show_thoughts;     /* emotions: thought callouts */
} jm_layout_ctx;

/* The floors a view lays out to, in the scene's pt: ctx->min_text and min_tag when set (a tag's
 * floor the text's when min_tag is 0); else on printed pages (ctx->page_width > 0) the style's
 * paper-min-font-pt and paper-min-tag-pt, else its min-font-px for both (a screen at scale 1).
 * Which texts count as tags: jm_role_floor (scene.h). */
void jm_layout_floors(const jm_layout_ctx *ctx, double *text, double *tag);

/* The smallest font size a view may shrink text to: the text floor of jm_layout_floors. */
double jm_layout_min_font(const jm_layout_ctx *ctx);

typedef struct {
    const char *name;                          /* "funnel" */
    const char *summary;                       /* one line for --help and --list-views */
    /* NULL when the journey has what the view needs; else a sentence saying what is missing
     * (e.g. "the file has no stages"), in the arena. */
    const char *(*missing)(const jm_journey *j, jm_arena *a);
    /* Lays the view out, appending one page or more to `doc`. False after a diagnostic. */
    bool (*layout)(const jm_layout_ctx *ctx, jm_doc *doc);
    /* The view chooses its own widths on printed pages (the map splits its columns over
     * pages). Other views are laid out at the page's width: see jm_view_layout. */
    bool fits_pages;
} jm_view;

extern const jm_view *const jm_views[];      /* NULL-terminated, in the default order */
const jm_view *jm_view_find(const char *name);

/* Lays out `v`. When printing to pages (ctx->page_width > 0) and no width was asked for, a view
 * that does not fit pages itself is laid out at the page's content width, so that the writer
 * does not shrink its text to fit the paper; with a page height, on a canvas up to a little
 * wider when that saves a page, its text kept at the floor (jm_paper_layout). */
bool jm_view_layout(const jm_view *v, const jm_layout_ctx *ctx, jm_doc *doc);
#endif
