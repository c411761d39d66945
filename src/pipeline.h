/* pipeline.h - from a loaded journey to a laid-out document, as the command line and the library
 * (journeymap.h) both draw: the drawing options checked, the views and the style chosen, the
 * views laid out for the output (a screen, a slide, paper, the handout), the background set.
 * Writing the document is output.h's. No state: every call works on its arguments. */
#ifndef JM_PIPELINE_H
#define JM_PIPELINE_H
#include <glib.h>
#include <stdbool.h>
#include "output.h"
#include "style.h"
#include "view.h"

/* The drawing options as text, as given on the command line or to jm_options_set; NULL when
 * not given. */
typedef struct {
    const char *view, *format, *style, *page, *background, *slide, *svg_text;
    const char *width, *scale, *dpi, *margin;
    bool fit;
} jm_pipeline_args;

/* The drawing options checked and parsed. */
typedef struct {
    const char *view;        /* NULL: the file's `views`, else its first drawable view; "all" */
    const char *style;       /* NULL: the file's `style`, else "default"; a name or a file */
    const char *page;        /* --page as given (it picks the A or B series of --fit), or NULL */
    const char *background;  /* NULL, "transparent" or a colour */
    double width;            /* pt; 0: the view's natural width */
    bool fit, slide;
    jm_style_cache *styles;  /* built-in styles kept between drawings, or NULL */
    GPtrArray *used;         /* non-NULL: a style file read is appended (g_free) */
} jm_pipeline_opts;

/* Checks and parses the options of `a` that need no input into `p` (its view, style, page,
 * background, width, fit, slide; the other fields are left as they are) and the writer's options
 * `out` (format only when a->format is given: PNG otherwise). False with *why (g_free) set to the
 * message the command line shows after "error: " ("--scale must be a number from 0.1 to 8, not
 * 'nan'"). Checked in a fixed order; the first problem is reported. */
bool jm_pipeline_parse(const jm_pipeline_args *a, jm_pipeline_opts *p, jm_output_opts *out, char **why);

/* The views to draw, NULL-terminated, in `a`: p->view, else the file's `views`, else the first
 * view the file supports; "all": the file's `views`, else every view it supports. NULL after a
 * diagnostic. */
const jm_view **jm_pipeline_views(const jm_pipeline_opts *p, const jm_journey *j, jm_arena *a, jm_diags *d);

/* The style: p->style (any file the caller names), else the file's `style`: a built-in style or
 * a file in the journey's folder (a path is relative to it). `data_dir` holds styles/. NULL after
 * a diagnostic. */
const jm_style *jm_pipeline_style(const jm_pipeline_opts *p, const jm_journey *j, const char *data_dir,
                                  jm_arena *a, jm_diags *d);

/* Lays out `views` (or the handout: "all" to a PDF) into a new document in ctx->arena, with the
 * page box, slide and floor that `oo` describes (a handout without a page gets A4 landscape, --fit
 * its page size: both set in `oo`). Then every text keeps 4.5:1 contrast, missing glyphs are
 * warned about (`name` in messages) and the background is set. NULL after a diagnostic. */
jm_doc *jm_pipeline_layout(const jm_pipeline_opts *p, jm_layout_ctx *ctx, const jm_view **views,
                           jm_output_opts *oo, const char *name);

/* Whether the SVG is to follow the reader's colour scheme (style "auto": light, and dark in a
 * dark colour scheme): p->style, else the journey's `style`, is "auto"; `otherwise` when neither
 * names a style (Markdown mode's SVG). */
bool jm_pipeline_wants_auto(const jm_pipeline_opts *p, const jm_journey *j, bool otherwise);

/* The same views laid out again in the dark style, for the SVG writer's dark half (doc->dark),
 * with the writer's options `oo` as they were before jm_pipeline_layout; NULL (the SVG is then
 * light only) when that fails. */
jm_doc *jm_pipeline_dark(const jm_pipeline_opts *p, const jm_layout_ctx *light, const jm_view **views,
                         jm_output_opts oo, const char *data_dir);

/* For a PNG: false after a diagnostic when a page is over the PNG budget (output.h). */
bool jm_pipeline_png_fits(const jm_doc *doc, const jm_output_opts *oo, const char *name, jm_diags *d);
#endif
