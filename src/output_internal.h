/* output_internal.h - what the format encoders share with output.c: each encodes a document
 * into memory; output.c then writes the bytes to the target atomically. Not for other modules. */
#ifndef JM_OUTPUT_INTERNAL_H
#define JM_OUTPUT_INTERNAL_H
#include <cairo.h>
#include <glib.h>
#include "output.h"

/* Each encoder appends the file's bytes to `out`; false after a diagnostic naming `path`. */
bool jm_output_png(const jm_doc *doc, const jm_scene *s, const jm_output_opts *o, GByteArray *out,
                   const char *path, jm_diags *d);
bool jm_output_svg(const jm_doc *doc, const jm_scene *s, const jm_output_opts *o, GByteArray *out,
                   const char *path, jm_diags *d);
/* --svg-text=paths: text as glyph outlines, drawn by the painter on a cairo SVG surface. */
bool jm_output_svg_paths(const jm_doc *doc, const jm_scene *s, const jm_output_opts *o, GByteArray *out,
                         const char *path, jm_diags *d);
bool jm_output_pdf(const jm_doc *doc, const jm_output_opts *o, GByteArray *out, const char *path, jm_diags *d);

/* The output's size for scene `s`: the canvas when o->canvas_w/h are set, else the scene's. */
void jm_output_size(const jm_scene *s, const jm_output_opts *o, double *w, double *h);

/* Paints `s` on `cr` at the output's size: with a canvas, the background fills it and the scene
 * is scaled uniformly to fit and centred; else the scene at 1:1. `visible_only`: skip the items
 * outside cr's clip extents (jm_render_scene_visible), for raster bands. */
void jm_output_paint(cairo_t *cr, const jm_scene *s, const jm_output_opts *o, bool visible_only);

/* cairo_write_func_t appending to the GByteArray in `closure`. */
cairo_status_t jm_output_append(void *closure, const unsigned char *data, unsigned int length);

/* The title and description of a one-page output: the document's, else the scene's. */
const char *jm_output_title(const jm_doc *doc, const jm_scene *s);
const char *jm_output_desc(const jm_doc *doc, const jm_scene *s);

/* Reports a cairo failure: "cannot write PNG: <cairo's message>" on `path`. */
void jm_output_cairo_error(jm_diags *d, const char *path, const char *what, cairo_status_t st);

/* Destroys `cr`, finishes and destroys `surface`, and checks the sticky status of both once:
 * false after a diagnostic "... `what` ..." naming `path`. */
bool jm_output_finish(cairo_t *cr, cairo_surface_t *surface, jm_diags *d, const char *path, const char *what);
#endif
