/* output_png.c - the PNG encoder: paints a scene on a Cairo image surface at a scale, then
 * writes it with libpng (RGB or RGBA, pHYs from the dpi, sRGB, Title/Software/Description text). */
#include "output_internal.h"
#include "render.h"
#include <math.h>
#include <png.h>
#include <setjmp.h>
#include <string.h>

#define MAX_SIDE 32767                   /* Cairo's limit for image surfaces */
#define MAX_PIXELS (256.0 * 1024 * 1024) /* 1 GiB of ARGB32 */

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

/* Converts row `y` of the premultiplied ARGB32 surface. Opaque output composites each pixel
 * over the (opaque) background, so partly covered edge pixels never turn black; RGBA output
 * un-premultiplies. */
static void convert_row(const uint32_t *src, int w, png_bytep dst, bool rgba, jm_color bg) {
    unsigned br = (unsigned)lround(bg.r * 255), bgc = (unsigned)lround(bg.g * 255), bb = (unsigned)lround(bg.b * 255);
    for (int x = 0; x < w; x++) {
        uint32_t v = src[x];
        unsigned a = v >> 24, r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
        if (rgba) {
            if (a != 0 && a != 255) {
                r = (r * 255 + a / 2) / a;
                g = (g * 255 + a / 2) / a;
                b = (b * 255 + a / 2) / a;
            }
            dst[0] = (png_byte)r; dst[1] = (png_byte)g; dst[2] = (png_byte)b; dst[3] = (png_byte)a;
            dst += 4;
        } else {
            if (a != 255) {
                r += ((255 - a) * br + 127) / 255;
                g += ((255 - a) * bgc + 127) / 255;
                b += ((255 - a) * bb + 127) / 255;
            }
            dst[0] = (png_byte)(r > 255 ? 255 : r); dst[1] = (png_byte)(g > 255 ? 255 : g);
            dst[2] = (png_byte)(b > 255 ? 255 : b);
            dst += 3;
        }
    }
}

/* Encodes the painted surface. Everything libpng touches after setjmp is allocated before it. */
static bool encode(cairo_surface_t *img, bool rgba, jm_color bg, const jm_doc *doc, const jm_scene *s,
                   double dpi, GByteArray *out, const char *path, jm_diags *d) {
    int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
    int stride = cairo_image_surface_get_stride(img);
    const unsigned char *pixels = cairo_image_surface_get_data(img);
    png_err err = { .message = "" };
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &err, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    png_bytep row = g_malloc((size_t)w * 4);
    if (!png || !info) {
        png_destroy_write_struct(&png, &info);
        g_free(row);
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write '%s': libpng could not start", path);
        return false;
    }
    if (setjmp(err.jmp)) {
        png_destroy_write_struct(&png, &info);
        g_free(row);
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write '%s': PNG encoding failed: %s", path, err.message);
        return false;
    }
    png_set_write_fn(png, out, on_write, on_flush);
    /* One fixed filter instead of libpng's per-row trial of all five (Paeth came out smallest
     * on rendered diagrams, within 1% of trying them all, at two thirds of the time) and zlib's
     * default level 6. */
    png_set_compression_level(png, 6);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_PAETH);
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
    for (int y = 0; y < h; y++) {
        convert_row((const uint32_t *)(pixels + (size_t)y * (size_t)stride), w, row, rgba, bg);
        png_write_row(png, row);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    g_free(row);
    return true;
}

bool jm_output_png(const jm_doc *doc, const jm_scene *s, const jm_output_opts *o, GByteArray *out,
                   const char *path, jm_diags *d) {
    double scale = o->scale > 0 && isfinite(o->scale) ? o->scale : 1;
    double ow, oh;
    jm_output_size(s, o, &ow, &oh);
    double wpx = ceil(ow * scale - 1e-6), hpx = ceil(oh * scale - 1e-6);
    if (wpx < 1) wpx = 1;
    if (hpx < 1) hpx = 1;
    if (wpx > MAX_SIDE || hpx > MAX_SIDE || wpx * hpx > MAX_PIXELS) {
        jm_error(d, NULL, (jm_pos){ 0, 0 },
                 "cannot write '%s': %.0fx%.0f pixels is too large for a PNG (at most %d on a side and %.0f million "
                 "pixels); use a smaller --scale or write SVG or PDF", path, wpx, hpx, MAX_SIDE, MAX_PIXELS / 1e6);
        return false;
    }
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)wpx, (int)hpx);
    cairo_t *cr = cairo_create(img);
    cairo_scale(cr, scale, scale);
    jm_output_paint(cr, s, o);
    cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(img);
    if (st == CAIRO_STATUS_SUCCESS) st = cairo_surface_status(img);
    if (st != CAIRO_STATUS_SUCCESS) {
        jm_output_cairo_error(d, path, "painting the PNG", st);
        cairo_surface_destroy(img);
        return false;
    }
    bool rgba = o->transparent || s->background.a < 1;
    double dpi = o->dpi > 0 && isfinite(o->dpi) ? o->dpi : 96 * scale;
    bool ok = encode(img, rgba, s->background, doc, s, dpi, out, path, d);
    cairo_surface_destroy(img);
    return ok;
}
