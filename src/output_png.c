/* output_png.c - the PNG encoder: paints a scene at a scale on Cairo image surfaces, band by band,
 * and writes it with libpng (RGB or RGBA, pHYs from the dpi, sRGB, Title/Software/Description
 * text); the image data is deflated in parallel by output_png_zip.c. */
#include "cpus.h"
#include "output_internal.h"
#include "output_png_zip.h"
#include "render.h"
#include <math.h>
#include <png.h>
#include <setjmp.h>
#include <string.h>

#define BAND_BYTES (1024 * 1024)         /* ARGB32 painted at a time: a band of rows this big */
#define IDAT_BYTES 65536                 /* image data per IDAT chunk */

/* Compression: rows unfiltered, zlib level 2, default strategy (output_png_zip.c). Diagrams are
 * flat colour with the same pixels repeated along and across rows, which deflate finds as long
 * matches in the raw bytes; a filter turns those repeats into varied differences. Measured on the
 * samples, the 300-message sequence and the map at --scale 2 (libpng 1.6.39, zlib 1.2.13): no
 * filter beats every fixed filter and libpng's adaptive choice on size at each level (Paeth at
 * level 6, the former setting, came out 3 to 30% larger than no filter at level 6, and 2 to 3
 * times slower). Levels 1 to 3 take about the same time (level 3 5 to 10% more) for files 2 to
 * 6% apart; level 2 sits between; level 6 is 20% smaller for twice the time. */
#define ZLIB_LEVEL 2

typedef struct { jmp_buf jmp; char message[200]; } png_err;

static void on_error(png_structp png, png_const_charp msg) {
    png_err *e = png_get_error_ptr(png);
    g_strlcpy(e->message, msg, sizeof e->message);
    longjmp(e->jmp, 1);
}

static void on_warning(png_structp png, png_const_charp msg) { (void)png; (void)msg; }

static void on_write(png_structp png, png_bytep data, png_size_t len) {
    g_byte_array_append(png_get_io_ptr(png), data, (guint)len);
}

static void on_flush(png_structp png) { (void)png; }

static bool ascii(const char *s) {
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80) return false;
    return true;
}

/* One text chunk: tEXt when the value is ASCII (tEXt is Latin-1), else iTXt (UTF-8). */
static void add_text(png_text *t, int *n, const char *key, const char *value) {
    if (!value || !*value || !g_utf8_validate(value, -1, NULL)) return;
    png_text *x = &t[(*n)++];
    memset(x, 0, sizeof *x);
    x->key = (png_charp)key;
    x->text = (png_charp)value;
    if (ascii(value)) {
        x->compression = PNG_TEXT_COMPRESSION_NONE;
        x->text_length = strlen(value);
    } else {
        x->compression = PNG_ITXT_COMPRESSION_NONE;
        x->itxt_length = strlen(value);
        x->lang = (png_charp)"";
        x->lang_key = (png_charp)"";
    }
}

/* Writes the PNG header chunks: IHDR, sRGB, pHYs from the dpi, Title/Software/Description. */
static void write_header(png_structp png, png_infop info, int w, int h, bool rgba, const jm_doc *doc,
                         const jm_scene *s, double dpi) {
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, rgba ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    png_uint_32 ppm = (png_uint_32)lround(dpi / 0.0254);
    png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
    png_text text[3];
    int nt = 0;
    add_text(text, &nt, "Title", jm_output_title(doc, s));
    add_text(text, &nt, "Software", "journeymap");
    add_text(text, &nt, "Description", jm_output_desc(doc, s));
    png_set_text(png, info, text, nt);
    png_write_info(png, info);
}

/* Writes the first `len` bytes of `stream` as IDAT chunks of IDAT_BYTES (the last may be
 * shorter) and drops them; the chunks' bounds depend on the stream alone. */
static void write_idat(png_structp png, GByteArray *stream, size_t len) {
    for (size_t at = 0; at < len; at += IDAT_BYTES)
        png_write_chunk(png, (png_const_bytep)"IDAT", stream->data + at, len - at < IDAT_BYTES ? len - at : IDAT_BYTES);
    g_byte_array_remove_range(stream, 0, (guint)len);
}

/* Paints the band of device rows [top, top + band height) of the whole image on `band`, cleared
 * first; only the items that reach into the band are drawn. */
static cairo_status_t paint_band(cairo_surface_t *band, const jm_scene *s, const jm_output_opts *o, double scale,
                                 int top) {
    cairo_surface_flush(band);
    memset(cairo_image_surface_get_data(band), 0,
           (size_t)cairo_image_surface_get_stride(band) * (size_t)cairo_image_surface_get_height(band));
    cairo_surface_mark_dirty(band);
    cairo_t *cr = cairo_create(band);
    cairo_translate(cr, 0, -top);   /* whole device pixels: each pixel comes out as in one piece */
    cairo_scale(cr, scale, scale);
    jm_output_paint(cr, s, o, true);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(band);
    return st != CAIRO_STATUS_SUCCESS ? st : cairo_surface_status(band);
}

/* Rows per band: about BAND_BYTES of ARGB32, 16 to 256 rows; or what the options ask for. */
static int band_rows(int w, int h, const jm_output_opts *o) {
    int rows = o->band_rows > 0 ? o->band_rows : (int)(BAND_BYTES / ((size_t)w * 4));
    if (o->band_rows <= 0) rows = rows < 16 ? 16 : rows > 256 ? 256 : rows;
    return rows > h ? h : rows;
}

/* Why our own parallel deflate (output_png_zip.c, about 340 lines) and not libpng's compression
 * with the same tuning (level 2, no filter, memLevel 7, 64 KiB IDAT; bands painted and written
 * row by row on one thread, the same pixels). Whole process, median of 21 alternating runs, on an
 * otherwise idle 2-core AMD EPYC VM, 2026-12-01 (libpng 1.6.39, zlib 1.2.13):
 *
 *   image                          pixels    this    libpng   this / libpng
 *   storyline sequence             0.5 MP    19 ms    20 ms   0.98
 *   funnel (customer-journeys)     1.2 MP    41 ms    41 ms   1.02
 *   map (enterprise-buyer)         4.2 MP    60 ms    71 ms   0.85
 *   300-message sequence            17 MP    65 ms   103 ms   0.64
 *   map --scale 2                   17 MP    88 ms   125 ms   0.70
 *   map --scale 3                   37 MP   130 ms   207 ms   0.63
 *
 * CPU time is within 6%: 5 to 6% more here up to 1.2 MP (a thread pool, a zlib state per slot),
 * the same at 4 MP, 1 to 3% less from 17 MP (adler32 8 bytes at a time). Pinned to one CPU
 * (taskset -c 0) the 300-message PNG takes 99 ms here, 103 ms with libpng. Files are the same
 * size within 0.35%. Small images gain nothing and lose nothing measurable; from 17 MP the wall
 * time drops by 30 to 37%, and the 300-message PNG is the case the goal of 0.2x mscgen is set on
 * (libpng's 103 ms would miss it): the figures keep it. With the second core busy (a fuzzer
 * beside it) the gain shrinks to 3 or 4%. */

/* Paints and encodes the image band by band into `out`: libpng writes the chunks, the image data
 * comes from output_png_zip.c. Everything the error paths free is set before setjmp and not
 * changed after it. */
static bool encode(int w, int h, double scale, bool rgba, const jm_doc *doc, const jm_scene *s,
                   const jm_output_opts *o, double dpi, GByteArray *out, const char *path, jm_diags *d) {
    int rows = band_rows(w, h, o), n_bands = (h + rows - 1) / rows;
    int threads = n_bands > 1 ? jm_cpus_usable() : 0;
    jm_png_zip *z = jm_png_zip_new(w, rows, rgba, s->background, ZLIB_LEVEL, threads > 8 ? 8 : threads);
    GByteArray *stream = g_byte_array_new();
    png_err err = { .message = "" };
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &err, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (!png || !info || !z) {
        png_destroy_write_struct(&png, &info);
        jm_png_zip_free(z);
        g_byte_array_free(stream, TRUE);
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write '%s': out of memory starting the PNG", path);
        return false;
    }
    if (setjmp(err.jmp)) {
        png_destroy_write_struct(&png, &info);
        jm_png_zip_free(z);
        g_byte_array_free(stream, TRUE);
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write '%s': PNG encoding failed: %s", path, err.message);
        return false;
    }
    png_set_write_fn(png, out, on_write, on_flush);
    write_header(png, info, w, h, rgba, doc, s, dpi);
    cairo_status_t st = CAIRO_STATUS_SUCCESS;
    bool ok = true;
    for (int top = 0; top < h && ok && st == CAIRO_STATUS_SUCCESS; top += rows) {
        cairo_surface_t *band = jm_png_zip_band(z, stream);
        ok = band != NULL;
        if (ok) st = paint_band(band, s, o, scale, top);
        if (ok && st == CAIRO_STATUS_SUCCESS) jm_png_zip_submit(z, h - top < rows ? h - top : rows, top + rows >= h);
        if (stream->len >= IDAT_BYTES) write_idat(png, stream, stream->len / IDAT_BYTES * IDAT_BYTES);
    }
    ok = ok && st == CAIRO_STATUS_SUCCESS && jm_png_zip_finish(z, stream);
    if (ok) {
        write_idat(png, stream, stream->len);
        png_write_chunk(png, (png_const_bytep)"IEND", NULL, 0);
    }
    png_destroy_write_struct(&png, &info);
    jm_png_zip_free(z);
    g_byte_array_free(stream, TRUE);
    if (st != CAIRO_STATUS_SUCCESS) jm_output_cairo_error(d, path, "painting the PNG", st);
    else if (!ok) jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write '%s': zlib could not compress the image", path);
    return ok;
}

/* The image is painted in bands of about BAND_BYTES, on surfaces that are reused, so memory
 * stays the same however large the image: a few bands being painted or compressed at a time
 * instead of 4 bytes for every pixel of the image. */
bool jm_output_png(const jm_doc *doc, const jm_scene *s, const jm_output_opts *o, GByteArray *out,
                   const char *path, jm_diags *d) {
    double scale = o->scale > 0 && isfinite(o->scale) ? o->scale : 1;
    double wpx, hpx;
    if (!jm_output_png_size(s, o, &wpx, &hpx)) {
        jm_error(d, NULL, (jm_pos){ 0, 0 },
                 "cannot write '%s': %.0fx%.0f pixels is too large for a PNG (at most " JM_PNG_BUDGET_TEXT
                 "); use a smaller --scale or write SVG or PDF", path, wpx, hpx);
        return false;
    }
    bool rgba = o->transparent || s->background.a < 1;
    double dpi = o->dpi > 0 && isfinite(o->dpi) ? o->dpi : 96 * scale;
    return encode((int)wpx, (int)hpx, scale, rgba, doc, s, o, dpi, out, path, d);
}
