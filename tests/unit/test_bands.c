/* test_bands.c - the PNG writer paints an image band by band: the pixels must come out as when
 * the image is painted in one piece, whatever the band height, for shapes, dashed lines, arrows,
 * text and pictures that straddle the seams, at whole and fractional scales, on slides; and
 * the bytes must not depend on the band's threads. */
#include "check.h"
#include "output.h"
#include "scene.h"
#include "text.h"
#include <cairo.h>
#include <glib.h>
#include <png.h>
#include <stdlib.h>

static char *dir;   /* a fresh temporary folder */

static jm_color rgba(unsigned v) {
    return (jm_color){ ((v >> 24) & 255) / 255.0, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0 };
}

typedef struct { png_uint_32 w, h; unsigned char *px; } image;   /* 8-bit RGBA */

static bool decode(const char *path, image *img) {
    png_image pi = { .version = PNG_IMAGE_VERSION };
    img->px = NULL;
    if (!png_image_begin_read_from_file(&pi, path)) return false;
    pi.format = PNG_FORMAT_RGBA;
    img->w = pi.width;
    img->h = pi.height;
    img->px = g_malloc(PNG_IMAGE_SIZE(pi));
    if (png_image_finish_read(&pi, NULL, img->px, 0, NULL)) return true;
    g_free(img->px);
    img->px = NULL;
    return false;
}

/* Shapes only: rectangles, dashed and solid lines, arrows, a curve, several crossing any seam. */
static void add_shapes(jm_scene *s) {
    jm_paint box = { .fill = rgba(0xdbeafeff), .stroke = rgba(0x1d4ed8ff), .stroke_width = 1.5 };
    for (int i = 0; i < 6; i++)
        jm_scene_rect(s, "box", 10 + 7.3 * i, 12.7 + 97.1 * i, 150.4, 61.3, i % 2 ? 6 : 0, box);
    jm_paint dashed = { .stroke = rgba(0x6b7280ff), .stroke_width = 1, .dash = { { 5, 4 }, 2 } };
    jm_scene_line(s, "lifeline", 200.2, 8, 200.2, 690, dashed, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    jm_scene_line(s, "lifeline", 260, 3.5, 260, 696.5, (jm_paint){ .stroke = rgba(0x111827ff), .stroke_width = 2,
                  .dash = { { 2, 3 }, 2 } }, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    jm_scene_line(s, "rule", 5, 300.5, 395, 300.5, dashed, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    jm_scene_line(s, "slant", 20, 20, 380, 680, dashed, JM_HEAD_NONE, JM_HEAD_OPEN, 8);
    jm_paint arrow = { .stroke = rgba(0xb91c1cff), .stroke_width = 1.25 };
    for (int i = 0; i < 5; i++)
        jm_scene_line(s, "message", 210, 33.3 + 131.7 * i, 360, 90 + 131.7 * i, arrow, JM_HEAD_NONE, JM_HEAD_FILLED, 9);
    jm_path_op curve[] = { { .op = JM_OP_MOVE, .x = 30, .y = 650 },
                           { .op = JM_OP_CURVE, .x1 = 120, .y1 = 120, .x2 = 300, .y2 = 900, .x = 390, .y = 200 } };
    jm_scene_path(s, "curve", curve, 2, (jm_paint){ .stroke = rgba(0x059669ff), .stroke_width = 3 }, JM_HEAD_NONE,
                  JM_HEAD_NONE, 0);
}

/* Text (Latin, bold, italic, emoji, a wrapped paragraph) and pictures, a missing one included. */
static void add_text_and_pictures(jm_scene *s, jm_text *t, jm_arena *a, const char *png) {
    const char *fonts[] = { "Inter 13", "Inter Bold 22", "Inter Italic 11", "Inter, Noto Color Emoji 17" };
    const char *texts[] = { "Hamburgefonts: the quick brown fox jumps over the lazy dog, again and again",
                            "Seams 🙂 Wg", "Italic overhang ffj", "Emoji 😀🎉👍 in a line" };
    for (int i = 0; i < 12; i++) {
        jm_font f = { fonts[i % 4], 0 };
        jm_textblock b = jm_text_layout(t, a, texts[i % 4], &f, 170, i % 3 == 1 ? JM_ALIGN_CENTER : JM_ALIGN_LEFT, 2);
        jm_scene_text(s, "text", 15 + (i % 2) * 200, 5.3 + 57.9 * i, texts[i % 4], &f, rgba(0x1f2937ff),
                      i % 3 == 1 ? JM_ALIGN_CENTER : JM_ALIGN_LEFT, 170, 2, b, -1);
    }
    const jm_image *px = NULL;
    char *why = NULL;
    CHECK(jm_image_load(a, png, &px, &why) == JM_IMAGE_OK, "decode the picture: %s", why ? why : "");
    g_free(why);
    jm_scene_image(s, "picture", 230.5, 240.25, 120, 90.5, png, px);
    jm_scene_image(s, "missing", 40.5, 500.75, 100, 75, "no/such/picture.png", NULL);
}

/* A 37 x 23 picture: a colour ramp, so that any shift of its pixels shows. */
static char *write_picture(void) {
    char *p = g_build_filename(dir, "ramp.png", NULL);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 37, 23);
    unsigned char *px = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    for (int y = 0; y < 23; y++)
        for (int x = 0; x < 37; x++)
            ((guint32 *)(px + y * stride))[x] = (guint32)(x * 7) << 16 | (guint32)(y * 11) << 8 | (guint32)((x + y) * 4);
    cairo_surface_mark_dirty(img);
    CHECK(cairo_surface_write_to_png(img, p) == CAIRO_STATUS_SUCCESS, "write the picture");
    cairo_surface_destroy(img);
    return p;
}

/* Renders page 0 of `doc` in bands of `rows` rows (0: the writer's choice) and decodes it. */
static bool render(const jm_doc *doc, jm_output_opts o, int rows, image *img, jm_diags *d) {
    char *p = g_build_filename(dir, "out.png", NULL);
    o.format = JM_FMT_PNG;
    o.band_rows = rows;
    bool ok = jm_output_write(doc, 0, p, &o, d) && decode(p, img);
    g_free(p);
    return ok;
}

/* The bands must match the one-piece image: no channel further than `tol` apart and at most
 * `max_px` pixels more than 2 levels (of 255) apart. */
static void compare(const char *what, const jm_doc *doc, jm_output_opts o, int tol, size_t max_px, jm_diags *d) {
    image one, banded;
    if (!render(doc, o, 1 << 20, &one, d)) { CHECK(false, "%s: one piece", what); return; }
    const int heights[] = { 0, 7, 61 };
    for (int k = 0; k < 3; k++) {
        if (!render(doc, o, heights[k], &banded, d)) { CHECK(false, "%s: bands of %d", what, heights[k]); continue; }
        CHECK(banded.w == one.w && banded.h == one.h, "%s: size", what);
        size_t differ = 0, n = (size_t)one.w * one.h * 4;
        int worst = 0;
        for (size_t i = 0; i < n && banded.w == one.w && banded.h == one.h; i += 4) {
            int m = 0;
            for (int c = 0; c < 4; c++) m = MAX(m, abs((int)one.px[i + c] - (int)banded.px[i + c]));
            differ += m > 2;
            worst = MAX(worst, m);
        }
        CHECK(worst <= tol && differ <= max_px, "%s, bands of %d rows: %zu pixels differ by more than 2, by up to %d",
              what, heights[k], differ, worst);
        g_free(banded.px);
    }
    g_free(one.px);
}

/* Odd widths and heights: every length of band data (the checksum is summed 128 bytes at a
 * time, then byte by byte) decodes, and decoding checks the checksum. */
static void test_odd_sizes(jm_arena *a, jm_diags *d) {
    const double widths[] = { 1, 2, 3, 5, 42.5, 128, 129, 301, 1001 };
    for (size_t k = 0; k < G_N_ELEMENTS(widths); k++) {
        jm_scene *s = jm_scene_new(a, widths[k], 37 + k, rgba(0xfefcf5ff));
        jm_scene_rect(s, "box", widths[k] / 4, 3, widths[k] / 2, 29, 0, (jm_paint){ .fill = rgba(0x7c3aedff) });
        jm_doc *doc = jm_doc_new(a);
        jm_doc_add_page(doc, s, "odd", NULL);
        char what[32];
        g_snprintf(what, sizeof what, "%g wide", widths[k]);
        compare(what, doc, (jm_output_opts){ .scale = 1 }, 0, 0, d);
    }
}

/* Two renderings give the same bytes (the bands are deflated on threads). */
static void test_deterministic(const jm_doc *doc, jm_diags *d) {
    char *p1 = g_build_filename(dir, "a.png", NULL), *p2 = g_build_filename(dir, "b.png", NULL);
    jm_output_opts o = { .format = JM_FMT_PNG, .scale = 2, .band_rows = 13 };
    CHECK(jm_output_write(doc, 0, p1, &o, d) && jm_output_write(doc, 0, p2, &o, d), "write twice");
    gchar *b1 = NULL, *b2 = NULL;
    gsize n1 = 0, n2 = 0;
    CHECK(g_file_get_contents(p1, &b1, &n1, NULL) && g_file_get_contents(p2, &b2, &n2, NULL), "read back");
    CHECK(b1 && b2 && n1 == n2 && memcmp(b1, b2, n1) == 0, "the same bytes twice (%zu and %zu)", (size_t)n1, (size_t)n2);
    g_free(b1);
    g_free(b2);
    g_free(p1);
    g_free(p2);
}

int main(void) {
    dir = g_dir_make_tmp("jm-bands-XXXXXX", NULL);
    if (!dir) { fprintf(stderr, "no temporary folder\n"); return 1; }
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    jm_text *t = jm_text_new("fonts", NULL, d);
    CHECK(t != NULL, "text service");
    char *pic = write_picture();

    jm_doc *shapes = jm_doc_new(a);
    jm_scene *s = jm_scene_new(a, 400, 700, rgba(0xffffffff));
    add_shapes(s);
    jm_doc_add_page(shapes, s, "shapes", NULL);
    /* geometry is rasterised the same in any band: not a pixel may differ at whole scales */
    compare("shapes x1", shapes, (jm_output_opts){ .scale = 1 }, 0, 0, d);
    compare("shapes x2", shapes, (jm_output_opts){ .scale = 2 }, 0, 0, d);
    compare("shapes x1.5", shapes, (jm_output_opts){ .scale = 1.5 }, 0, 0, d);
    compare("shapes transparent", shapes, (jm_output_opts){ .scale = 1, .transparent = true }, 0, 0, d);
    compare("shapes slide", shapes, (jm_output_opts){ .scale = 1, .canvas_w = 640, .canvas_h = 360 }, 0, 0, d);
    compare("shapes x0.7", shapes, (jm_output_opts){ .scale = 0.7 }, 0, 0, d);
    test_odd_sizes(a, d);

    if (t) {
        jm_doc *all = jm_doc_new(a);
        jm_scene *u = jm_scene_new(a, 400, 700, rgba(0xf8fafcff));
        add_shapes(u);
        add_text_and_pictures(u, t, a, pic);
        jm_doc_add_page(all, u, "all", NULL);
        /* glyphs cut by a band edge go through another compositing path in cairo, which may round
         * a faint edge pixel differently, and pictures are resampled from another origin (a level
         * or two): within the reference images' tolerance (16), on a few pixels */
        compare("text x1", all, (jm_output_opts){ .scale = 1 }, 16, 20, d);
        compare("text x2", all, (jm_output_opts){ .scale = 2 }, 16, 20, d);
        compare("text x1.5", all, (jm_output_opts){ .scale = 1.5 }, 16, 20, d);
        compare("slide", all, (jm_output_opts){ .scale = 1, .canvas_w = 640, .canvas_h = 360 }, 16, 20, d);
        compare("slide transparent", all, (jm_output_opts){ .scale = 1, .canvas_w = 640, .canvas_h = 360,
                .transparent = true }, 16, 20, d);
        test_deterministic(all, d);
    }

    jm_text_free(t);
    jm_diags_free(d);
    jm_arena_free(a);
    g_free(pic);
    char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    g_free(cmd);
    g_free(dir);
    return CHECK_DONE();
}
