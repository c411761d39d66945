/* output.h - the thin writers: PNG (libpng, with pHYs and tEXt), SVG (with <title>/<desc>), PDF
 * (metadata, one page per scene, an outline entry per page). Atomic: temp file, then rename. */
#ifndef JM_OUTPUT_H
#define JM_OUTPUT_H
#include <glib.h>
#include <stdbool.h>
#include "diag.h"
#include "scene.h"

typedef enum { JM_FMT_PNG, JM_FMT_SVG, JM_FMT_PDF } jm_format;

typedef struct {
    jm_format format;
    double scale;           /* PNG pixels per pt (1, 2 for retina) */
    double dpi;             /* PNG pHYs; 0 = 96 * scale */
    bool transparent;       /* no background */
    double page_w, page_h;  /* PDF page size in pt; 0 = the scene's own size */
    double margin;          /* PDF margin in pt when a page size is given */
    double canvas_w, canvas_h;  /* > 0 (--slide): PNG and SVG (and PDF without a page size) are
                             * exactly this big, pt (px at scale 1); the scene is scaled
                             * uniformly to fit, centred, the background filling the canvas */
    bool svg_paths;         /* SVG: text as glyph outlines (--svg-text=paths) instead of <text> */
    int band_rows;          /* PNG: pixel rows painted at a time; 0 = the writer's default. The
                             * pixels are the same for any value (tests compare them) */
} jm_output_opts;

/* Writes `doc` to `path` ("-" is stdout). PNG and SVG take one page (pages[page]); PDF writes
 * every page. A regular file is written to a temporary file beside it and renamed into place, so
 * a failure leaves nothing behind and never clobbers an existing file; an existing file keeps
 * its permission bits; a symbolic link (even a dangling one) is kept and the file it points to is
 * written; SIGINT, SIGTERM, SIGHUP and SIGQUIT wait while the temporary file exists, so a kill
 * leaves the old file or the new one, never the temporary. Anything else (a pipe, a terminal,
 * /dev/stdout) is written directly; a closed pipe is an error (EPIPE: the caller ignores
 * SIGPIPE). False after a diagnostic naming the path. */
bool jm_output_write(const jm_doc *doc, size_t page, const char *path, const jm_output_opts *o, jm_diags *d);

/* The two halves of jm_output_write, for callers that encode first and write later (Markdown
 * mode writes no image until every block has drawn): jm_output_encode appends the bytes of
 * `doc` (as jm_output_write would write them to `path`, named in messages) to `buf`;
 * jm_output_write_bytes sends bytes to `path` the way jm_output_write does. False after a
 * diagnostic. */
bool jm_output_encode(const jm_doc *doc, size_t page, const char *path, const jm_output_opts *o, GByteArray *buf,
                      jm_diags *d);
bool jm_output_write_bytes(const char *path, const GByteArray *bytes, jm_diags *d);

/* The pixel budget of a PNG. The image is painted and compressed in bands of rows (output_png.c),
 * each band a Cairo image surface as wide as the image, so Cairo's 32767 pixels bound the width
 * alone, and memory does not grow with the height. The height is bounded by the 1,000,000 rows
 * that libpng's reader (and so most viewers) accepts by default, far inside the +-8 million
 * device pixels of Cairo's fixed-point coordinates a band is painted through. The total, 2^28
 * (268 million) pixels, bounds time and file size. */
#define JM_MAX_PNG_WIDTH 32767
#define JM_MAX_PNG_HEIGHT 1000000
#define JM_MAX_PNG_PIXELS (256.0 * 1024 * 1024)

/* The size in pixels of the PNG of scene `s` with options `o` (the canvas when set, times the
 * scale, rounded up, at least 1). False when it is over the budget above; *w and *h are set anyway.
 * The command line checks this before writing (exit 1, like any input too big to draw); the
 * PNG writer checks it again for other callers. */
bool jm_output_png_size(const jm_scene *s, const jm_output_opts *o, double *w, double *h);

/* The scale the writer paints scene `s` at with options `o`: on a slide (a canvas) the one that
 * fits it, min(cw / sw, ch / sh), larger or smaller; on a PDF page of a given size the one that
 * fits the box inside the margins (the width, or the height when the scene is too tall); else 1. */
double jm_output_fit(const jm_scene *s, const jm_output_opts *o);

/* The box a page's scene is fitted into (the slide, or the page inside its margins), in px or
 * pt; 0 x 0 when the scene is drawn at its own size. */
void jm_output_area(const jm_output_opts *o, double *w, double *h);

/* The budget in words, for messages: "32767 pixels wide, 1000000 high, 268 million in all". */
#define JM_PNG_BUDGET_TEXT "32767 pixels wide, 1000000 high and 268 million in all"

/* "png", "svg", "pdf" -> format; false if unknown. */
bool jm_format_parse(const char *name, jm_format *out);
const char *jm_format_ext(jm_format f);

/* The date written into PDFs: SOURCE_DATE_EPOCH when set, else a fixed date. ISO 8601. */
const char *jm_output_date(char buf[32]);
#endif
