/* output_png_zip.h - a PNG's image data (its zlib stream), made on worker threads: the PNG writer
 * paints bands of rows on the Cairo surfaces handed out here; each band is converted to PNG rows
 * and deflated on its own, primed with the end of the band before, and the pieces are appended
 * in order. The bytes depend only on the image and the band height, never on the thread count. */
#ifndef JM_OUTPUT_PNG_ZIP_H
#define JM_OUTPUT_PNG_ZIP_H
#include <cairo.h>
#include <glib.h>
#include <stdbool.h>
#include "style.h"

typedef struct jm_png_zip jm_png_zip;

/* A stream for an image `w` pixels wide painted in bands of `band_rows` rows, written as RGB (the
 * premultiplied pixels composited over the opaque `bg`) or as RGBA (un-premultiplied), rows
 * unfiltered, at zlib `level`. `threads` workers; 0 does everything on the caller's thread.
 * NULL when memory runs out. Free with jm_png_zip_free. */
jm_png_zip *jm_png_zip_new(int w, int band_rows, bool rgba, jm_color bg, int level, int threads);

/* The surface to paint the next band on: w x band_rows ARGB32, its contents left over from an
 * earlier band (clear it). Waits for a worker to give it back, appending the finished bands
 * before it to `out` on the way. NULL after a zlib failure. */
cairo_surface_t *jm_png_zip_band(jm_png_zip *z, GByteArray *out);

/* Queues the band just painted: its first `rows` rows belong to the image; `last` ends it. */
void jm_png_zip_submit(jm_png_zip *z, int rows, bool last);

/* Waits for every band and appends the rest of the stream, checksum included, to `out`. False
 * after a zlib failure. */
bool jm_png_zip_finish(jm_png_zip *z, GByteArray *out);

/* Waits for the workers, then frees everything. NULL is fine. */
void jm_png_zip_free(jm_png_zip *z);
#endif
