/* test_output.c - the painter and the writers: PNG decoded back with libpng (size, pixels, pHYs,
 * text chunks, alpha), SVG through xmllint, PDF through pdfinfo and byte-for-byte, atomic writes. */
#include "check.h"
#include "output.h"
#include "render.h"
#include "scene.h"
#include "text.h"
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <png.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char *dir;   /* a fresh temporary folder */

static jm_color rgba(unsigned v) {
    return (jm_color){ ((v >> 24) & 255) / 255.0, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0 };
}

static char *in_dir(const char *name) { return g_build_filename(dir, name, NULL); }

/* ---- reading PNGs back ---- */

typedef struct {
    png_uint_32 w, h;
    int color_type, channels;
    png_uint_32 ppm_x, ppm_y;
    int unit;
    bool has_time;
    char *title, *software, *description;
    unsigned char **rows;
} png_file;

static bool png_load(const char *path, png_file *p) {
    memset(p, 0, sizeof *p);
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        fclose(f);
        return false;
    }
    png_init_io(png, f);
    png_read_png(png, info, PNG_TRANSFORM_IDENTITY, NULL);
    p->w = png_get_image_width(png, info);
    p->h = png_get_image_height(png, info);
    p->color_type = png_get_color_type(png, info);
    p->channels = png_get_channels(png, info);
    png_get_pHYs(png, info, &p->ppm_x, &p->ppm_y, &p->unit);
    p->has_time = png_get_valid(png, info, PNG_INFO_tIME) != 0;
    png_textp text;
    int n = 0;
    png_get_text(png, info, &text, &n);
    for (int i = 0; i < n; i++) {
        char **slot = !strcmp(text[i].key, "Title") ? &p->title : !strcmp(text[i].key, "Software") ? &p->software
                    : !strcmp(text[i].key, "Description") ? &p->description : NULL;
        if (slot) *slot = g_strdup(text[i].text);
    }
    png_bytepp rows = png_get_rows(png, info);
    size_t rowbytes = png_get_rowbytes(png, info);
    p->rows = g_new(unsigned char *, p->h);
    for (png_uint_32 y = 0; y < p->h; y++) p->rows[y] = g_memdup2(rows[y], rowbytes);
    png_destroy_read_struct(&png, &info, NULL);
    fclose(f);
    return true;
}

static void png_free_file(png_file *p) {
    for (png_uint_32 y = 0; p->rows && y < p->h; y++) g_free(p->rows[y]);
    g_free(p->rows);
    g_free(p->title);
    g_free(p->software);
    g_free(p->description);
}

/* The pixel at (x, y) as 0xRRGGBBAA (alpha ff for RGB files). */
static unsigned pixel(const png_file *p, unsigned x, unsigned y) {
    if (x >= p->w || y >= p->h) return 0xdeadbeef;
    const unsigned char *px = p->rows[y] + (size_t)x * p->channels;
    return (unsigned)px[0] << 24 | (unsigned)px[1] << 16 | (unsigned)px[2] << 8 | (p->channels == 4 ? px[3] : 255u);
}

static bool near_pixel(unsigned got, unsigned want, int tol) {
    for (int s = 0; s < 32; s += 8)
        if (abs((int)((got >> s) & 255) - (int)((want >> s) & 255)) > tol) return false;
    return true;
}

#define CHECK_PIXEL(p, x, y, want) do { unsigned g_ = pixel((p), (x), (y)); \
    CHECK(near_pixel(g_, (want), 2), "pixel %d,%d is %08x, want %08x", (x), (y), g_, (unsigned)(want)); } while (0)

/* ---- fixtures ---- */

/* 200 x 100, white, a red box in the middle (50..150 x 25..75). */
static jm_doc *red_box_doc(jm_arena *a) {
    jm_scene *s = jm_scene_new(a, 200, 100, rgba(0xffffffff));
    jm_scene_rect(s, "box", 50, 25, 100, 50, 0, (jm_paint){ .fill = rgba(0xff0000ff) });
    jm_doc *d = jm_doc_new(a);
    d->title = "Test <title> & more";
    d->subject = "A red box";
    d->author = "Tester";
    jm_doc_add_page(d, s, "box", "Red box");
    return d;
}

static bool put(const jm_doc *doc, size_t page, const char *path, jm_output_opts o, jm_diags *d) {
    return jm_output_write(doc, page, path, &o, d);
}

static char *read_all(const char *path, size_t *len) {
    char *s = NULL;
    gsize n = 0;
    if (!g_file_get_contents(path, &s, &n, NULL)) return NULL;
    if (len) *len = n;
    return s;
}

static bool has(const char *data, size_t len, const char *needle) {
    return data && memmem(data, len, needle, strlen(needle)) != NULL;
}

static char *run(const char *cmd, int *status) {
    char *out = NULL;
    int st = -1;
    g_spawn_command_line_sync(cmd, &out, NULL, &st, NULL);
    if (status) *status = st;
    return out ? out : g_strdup("");
}

/* Files in the temporary folder whose names contain ".tmp" (left-over temporaries). */
static int temp_files(void) {
    GDir *g = g_dir_open(dir, 0, NULL);
    int n = 0;
    for (const char *name; (name = g_dir_read_name(g));) n += strstr(name, ".tmp") != NULL;
    g_dir_close(g);
    return n;
}

static const char *last_message(jm_diags *d) {
    size_t n = jm_diags_count(d);
    return n ? jm_diags_get(d, n - 1)->message : "";
}

/* ---- PNG ---- */

static void test_png(jm_arena *a, jm_diags *d) {
    jm_doc *doc = red_box_doc(a);
    char *p1 = in_dir("one.png"), *p2 = in_dir("two.png"), *p3 = in_dir("dpi.png");
    png_file f;

    CHECK(put(doc, 0, p1, (jm_output_opts){ .format = JM_FMT_PNG, .scale = 1 }, d), "write %s", p1);
    CHECK(png_load(p1, &f), "decode %s", p1);
    CHECK(f.w == 200 && f.h == 100, "size %ux%u", (unsigned)f.w, (unsigned)f.h);
    CHECK(f.color_type == PNG_COLOR_TYPE_RGB, "opaque output is RGB (colour type %d)", f.color_type);
    CHECK_PIXEL(&f, 100, 50, 0xff0000ff);
    CHECK_PIXEL(&f, 10, 10, 0xffffffff);
    CHECK_PIXEL(&f, 199, 99, 0xffffffff);
    CHECK(f.unit == PNG_RESOLUTION_METER && f.ppm_x == 3780 && f.ppm_y == 3780, "pHYs %u (96 dpi = 3780)", (unsigned)f.ppm_x);
    CHECK_STR(f.title, "Test <title> & more");
    CHECK_STR(f.software, "journeymap");
    CHECK_STR(f.description, "A red box");
    CHECK(!f.has_time, "no tIME chunk");
    png_free_file(&f);

    CHECK(put(doc, 0, p2, (jm_output_opts){ .format = JM_FMT_PNG, .scale = 2 }, d), "write %s", p2);
    CHECK(png_load(p2, &f), "decode %s", p2);
    CHECK(f.w == 400 && f.h == 200, "scale 2 size %ux%u", (unsigned)f.w, (unsigned)f.h);
    CHECK_PIXEL(&f, 101, 51, 0xff0000ff);   /* the box's top-left corner moved to 100,50 */
    CHECK_PIXEL(&f, 98, 48, 0xffffffff);
    CHECK_PIXEL(&f, 298, 148, 0xff0000ff);
    CHECK_PIXEL(&f, 301, 151, 0xffffffff);
    CHECK(f.ppm_x == 7559, "pHYs %u (192 dpi = 7559)", (unsigned)f.ppm_x);
    png_free_file(&f);

    CHECK(put(doc, 0, p3, (jm_output_opts){ .format = JM_FMT_PNG, .scale = 1, .dpi = 300 }, d), "write %s", p3);
    CHECK(png_load(p3, &f) && f.ppm_x == 11811, "pHYs %u (300 dpi = 11811)", (unsigned)f.ppm_x);
    png_free_file(&f);

    /* byte-identical run to run */
    char *p4 = in_dir("one-again.png");
    put(doc, 0, p4, (jm_output_opts){ .format = JM_FMT_PNG, .scale = 1 }, d);
    size_t l1, l4;
    char *b1 = read_all(p1, &l1), *b4 = read_all(p4, &l4);
    CHECK(b1 && b4 && l1 == l4 && !memcmp(b1, b4, l1), "PNG bytes differ between two writes");
    g_free(b1); g_free(b4);
    g_free(p1); g_free(p2); g_free(p3); g_free(p4);
}

static void test_png_transparent_and_odd_sizes(jm_arena *a, jm_diags *d) {
    jm_doc *doc = red_box_doc(a);
    char *p = in_dir("clear.png");
    png_file f;
    CHECK(put(doc, 0, p, (jm_output_opts){ .format = JM_FMT_PNG, .scale = 1, .transparent = true }, d), "write");
    CHECK(png_load(p, &f), "decode");
    CHECK(f.color_type == PNG_COLOR_TYPE_RGB_ALPHA, "transparent output is RGBA (colour type %d)", f.color_type);
    CHECK((pixel(&f, 10, 10) & 255) == 0, "background alpha %u", pixel(&f, 10, 10) & 255);
    CHECK_PIXEL(&f, 100, 50, 0xff0000ff);
    png_free_file(&f);
    g_free(p);

    /* half-transparent fill on a transparent canvas: un-premultiplied colour, alpha kept */
    jm_scene *s = jm_scene_new(a, 20, 20, rgba(0xffffffff));
    jm_scene_rect(s, "glass", 0, 0, 20, 20, 0, (jm_paint){ .fill = rgba(0x2080c080) });
    jm_doc *g = jm_doc_new(a);
    jm_doc_add_page(g, s, "glass", NULL);
    p = in_dir("glass.png");
    put(g, 0, p, (jm_output_opts){ .format = JM_FMT_PNG, .transparent = true }, d);
    CHECK(png_load(p, &f), "decode");
    CHECK_PIXEL(&f, 10, 10, 0x2080c080);
    png_free_file(&f);
    g_free(p);

    /* a fractional canvas rounds up and the partly covered last column is background, not black */
    jm_scene *o = jm_scene_new(a, 100.3, 50.2, rgba(0x102030ff));
    jm_doc *od = jm_doc_new(a);
    jm_doc_add_page(od, o, "odd", NULL);
    p = in_dir("odd.png");
    CHECK(put(od, 0, p, (jm_output_opts){ .format = JM_FMT_PNG }, d), "write odd");
    CHECK(png_load(p, &f) && f.w == 101 && f.h == 51, "odd size %ux%u", (unsigned)f.w, (unsigned)f.h);
    CHECK_PIXEL(&f, 100, 50, 0x102030ff);
    png_free_file(&f);
    g_free(p);

    /* a non-ASCII title goes into iTXt and reads back as UTF-8 */
    doc->title = "Parcours client \u2014 caf\u00e9 \u2615";
    p = in_dir("utf8.png");
    put(doc, 0, p, (jm_output_opts){ .format = JM_FMT_PNG }, d);
    CHECK(png_load(p, &f), "decode");
    CHECK_STR(f.title, "Parcours client \u2014 caf\u00e9 \u2615");
    png_free_file(&f);
    g_free(p);

    /* too big for a PNG: a diagnostic, no file */
    jm_scene *huge = jm_scene_new(a, 40000, 10, rgba(0xffffffff));
    jm_doc *hd = jm_doc_new(a);
    jm_doc_add_page(hd, huge, "huge", NULL);
    p = in_dir("huge.png");
    CHECK(!put(hd, 0, p, (jm_output_opts){ .format = JM_FMT_PNG }, d), "huge PNG refused");
    CHECK(strstr(last_message(d), "too large") != NULL, "message: %s", last_message(d));
    CHECK(!g_file_test(p, G_FILE_TEST_EXISTS), "no file left");
    g_free(p);
}

/* Arrow heads, images and placeholders, painted and looked at pixel by pixel. */
static void test_painter(jm_arena *a, jm_diags *d) {
    /* a source picture: left half blue, right half green, 20 x 10 */
    char *pic = in_dir("pic.png");
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 20, 10);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 0, 0, 1);
    cairo_rectangle(cr, 0, 0, 10, 10);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 1, 0);
    cairo_rectangle(cr, 10, 0, 10, 10);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_write_to_png(img, pic);
    cairo_surface_destroy(img);

    jm_scene *s = jm_scene_new(a, 300, 100, rgba(0xffffffff));
    jm_paint thick = { .stroke = rgba(0x000000ff), .stroke_width = 6 };
    jm_scene_line(s, "arrow", 10, 20, 90, 20, thick, JM_HEAD_NONE, JM_HEAD_FILLED, 12);
    jm_scene_line(s, "open", 10, 60, 90, 60, (jm_paint){ .stroke = rgba(0x000000ff), .stroke_width = 2 },
                  JM_HEAD_NONE, JM_HEAD_OPEN, 12);
    /* cover: the 20x10 picture scaled by 4 to 80x40, centred in a 40x40 box: the middle shows */
    const jm_image *px = NULL;
    char *why = NULL;
    CHECK(jm_image_load(a, pic, &px, &why) == JM_IMAGE_OK, "decode the picture: %s", why ? why : "");
    g_free(why);
    int im = jm_scene_image(s, "photo", 120, 10, 40, 40, pic, px);
    s->items[im].radius = 8;
    jm_scene_image(s, "missing", 200, 10, 40, 40, "/nonexistent/picture.png", NULL);
    jm_scene_image(s, "fifo", 250, 10, 40, 40, "/dev/null", NULL);
    /* bad geometry and a bad dash must not fail the surface (the check reports them) */
    jm_scene_rect(s, "nan", NAN, 0, 10, 10, 0, (jm_paint){ .fill = rgba(0x000000ff) });
    jm_scene_rect(s, "dash", 0, 0, 1, 1, 0, (jm_paint){ .stroke = rgba(0xffffff00), .stroke_width = 1, .dash = { { -1, 2 }, 2 } });
    jm_doc *doc = jm_doc_new(a);
    jm_doc_add_page(doc, s, "paint", NULL);
    char *p = in_dir("paint.png");
    CHECK(put(doc, 0, p, (jm_output_opts){ .format = JM_FMT_PNG }, d), "write");
    png_file f;
    CHECK(png_load(p, &f), "decode");
    CHECK_PIXEL(&f, 50, 20, 0x000000ff);        /* the line */
    CHECK_PIXEL(&f, 86, 20, 0x000000ff);        /* inside the head */
    CHECK_PIXEL(&f, 92, 20, 0xffffffff);        /* past the tip: no round cap poking through */
    CHECK_PIXEL(&f, 79, 23, 0x000000ff);        /* the head is wider than the line ... */
    CHECK_PIXEL(&f, 70, 23, 0xffffffff);        /* ... which is 6 pt thick (17..23) */
    CHECK_PIXEL(&f, 85, 60, 0x000000ff);        /* open head: the line runs to the tip */
    CHECK_PIXEL(&f, 79, 57, 0xffffffff);        /* and the head is hollow */
    CHECK_PIXEL(&f, 125, 30, 0x0000ffff);       /* cover: blue on the left */
    CHECK_PIXEL(&f, 155, 30, 0x00ff00ff);       /* green on the right */
    CHECK_PIXEL(&f, 120, 10, 0xffffffff);       /* the rounded corner is clipped */
    CHECK_PIXEL(&f, 205, 30, 0xe0e0e0ff);       /* placeholder grey (off its diagonals) */
    CHECK_PIXEL(&f, 255, 30, 0xe0e0e0ff);       /* no pixels: placeholder */
    png_free_file(&f);
    g_free(p);
    g_free(pic);
}

/* The ink box of pixels differing from white. */
static bool ink_box(const png_file *f, unsigned *x0, unsigned *y0, unsigned *x1, unsigned *y1) {
    bool any = false;
    for (unsigned y = 0; y < f->h; y++)
        for (unsigned x = 0; x < f->w; x++) {
            if (near_pixel(pixel(f, x, y), 0xffffffff, 40)) continue;
            if (!any) { *x0 = *x1 = x; *y0 = *y1 = y; any = true; }
            if (x < *x0) *x0 = x;
            if (x > *x1) *x1 = x;
            if (y < *y0) *y0 = y;
            if (y > *y1) *y1 = y;
        }
    return any;
}

/* Measured == drawn: the ink of a text lies inside its measured box, at scale 1 and 2 alike. */
static void test_text_drawn_as_measured(jm_arena *a, jm_diags *d) {
    jm_text *t = jm_text_new("fonts", NULL, d);
    CHECK(t != NULL, "text service");
    if (!t) return;
    jm_font font = { "Inter 40", 40 };
    jm_scene *s = jm_scene_new(a, 400, 200, rgba(0xffffffff));
    jm_textblock b = jm_text_layout(t, a, "Hamburgefonts", &font, 0, JM_ALIGN_LEFT, 0);
    int i = jm_scene_text(s, "word", 20, 30, "Hamburgefonts", &font, rgba(0x000000ff), JM_ALIGN_LEFT, 0, 0, b, -1);
    jm_textblock c = jm_text_layout(t, a, "centred", &font, 300, JM_ALIGN_CENTER, 0);
    int k = jm_scene_text(s, "centred", 20, 100, "centred", &font, rgba(0x000000ff), JM_ALIGN_CENTER, 300, 0, c, -1);
    jm_doc *doc = jm_doc_new(a);
    jm_doc_add_page(doc, s, "text", NULL);
    const jm_item *w = &s->items[i], *m = &s->items[k];
    unsigned ink[2][4];
    for (int scale = 1; scale <= 2; scale++) {
        char *p = in_dir(scale == 1 ? "text1.png" : "text2.png");
        CHECK(put(doc, 0, p, (jm_output_opts){ .format = JM_FMT_PNG, .scale = scale }, d), "write");
        png_file f;
        CHECK(png_load(p, &f), "decode");
        /* the word: rows above the centred line */
        png_file top = f;
        top.h = (png_uint_32)(95 * scale);
        unsigned *q = ink[scale - 1];
        CHECK(ink_box(&top, &q[0], &q[1], &q[2], &q[3]), "the word has ink");
        CHECK(q[0] >= (w->x - 1) * scale && q[2] <= (w->x + w->w + 1) * scale &&
              q[1] >= (w->y - 1) * scale && q[3] <= (w->y + w->h + 1) * scale,
              "scale %d: ink %u,%u..%u,%u outside the box %g,%g %gx%g", scale, q[0], q[1], q[2], q[3], w->x, w->y, w->w, w->h);
        /* the centred line: its ink is centred on the wrap width and inside its box */
        png_file bottom = f;
        bottom.rows = f.rows + 95 * scale;
        bottom.h = f.h - (png_uint_32)(95 * scale);
        unsigned c0, c1, c2, c3;
        CHECK(ink_box(&bottom, &c0, &c1, &c2, &c3), "the centred line has ink");
        CHECK(c0 >= (m->x - 1) * scale && c2 <= (m->x + m->w + 1) * scale, "centred ink %u..%u, box %g..%g", c0, c2,
              m->x, m->x + m->w);
        CHECK_NEAR((c0 + c2) / 2.0 / scale, 170, 2);
        png_free_file(&f);
        g_free(p);
    }
    /* no hinting: the ink at scale 2 is the ink at scale 1, doubled (within a pixel or two) */
    for (int j = 0; j < 4; j++) CHECK_NEAR(ink[1][j], ink[0][j] * 2.0, 3);
    jm_text_free(t);
}

/* ---- SVG ---- */

static void test_svg(jm_arena *a, jm_diags *d) {
    jm_doc *doc = red_box_doc(a);
    doc->subject = "Quotes \" and ' and a bell \a and \xff bad byte";
    char *p = in_dir("box.svg");
    CHECK(put(doc, 0, p, (jm_output_opts){ .format = JM_FMT_SVG }, d), "write");
    char *cmd = g_strdup_printf("xmllint --noout '%s'", p);
    int st;
    char *out = run(cmd, &st);
    CHECK(st == 0, "xmllint rejects %s: %s", p, out);
    g_free(out);
    g_free(cmd);
    char *svg = read_all(p, NULL);
    CHECK(svg && strstr(svg, "<title id=\"title\">Test &lt;title&gt; &amp; more</title>"), "title");
    CHECK(svg && strstr(svg, "<desc id=\"desc\">Quotes &quot; and &apos; and a bell  and \xef\xbf\xbd bad byte</desc>"), "desc");
    char *root = svg ? strstr(svg, "<svg") : NULL, *title = svg ? strstr(svg, "<title") : NULL;
    char *gt = root ? strchr(root, '>') : NULL;
    CHECK(gt && title == gt + 2, "title right after the root start tag");
    CHECK(svg && strstr(svg, "role=\"img\" aria-labelledby=\"title desc\""), "title and desc label the picture");
    CHECK(svg && strstr(svg, "width=\"200\" height=\"100\""), "size in user units");
    g_free(svg);
    /* rsvg renders it: the red box in the middle */
    char *png = in_dir("box-svg.png");
    cmd = g_strdup_printf("rsvg-convert -o '%s' '%s'", png, p);
    out = run(cmd, &st);
    png_file f;
    if (st == 0 && png_load(png, &f)) {
        CHECK(f.w == 200 && f.h == 100, "rsvg size %ux%u", (unsigned)f.w, (unsigned)f.h);
        CHECK_PIXEL(&f, 100, 50, 0xff0000ff);
        png_free_file(&f);
    } else CHECK(false, "rsvg-convert failed: %s", out);
    g_free(out);
    g_free(cmd);
    g_free(png);
    g_free(p);
}

/* ---- PDF ---- */

/* Three pages with a box, a picture and text (fonts get embedded as subsets). */
static jm_doc *three_pages(jm_arena *a, jm_text *t) {
    jm_doc *doc = jm_doc_new(a);
    char *pic = in_dir("pic.png");
    jm_font font = { "Inter Bold 14", 14 };
    doc->title = "Journey";
    doc->subject = "Three views";
    doc->author = "Ana";
    const char *names[3] = { "Funnel", "Sequence", "Emotions" };
    for (int i = 0; i < 3; i++) {
        jm_scene *s = jm_scene_new(a, 200 + 100 * i, 100, rgba(0xff0000ff));
        jm_scene_rect(s, "box", 10, 10, 50, 50, 6, (jm_paint){ .fill = rgba(0x0000ffff) });
        const jm_image *px = NULL;
        char *why = NULL;
        jm_image_load(a, pic, &px, &why);
        g_free(why);
        jm_scene_image(s, "pic", 100, 10, 40, 20, jm_arena_strdup(a, pic), px);
        if (t) {
            jm_textblock b = jm_text_layout(t, a, names[i], &font, 0, JM_ALIGN_LEFT, 0);
            jm_scene_text(s, "name", 100, 50, names[i], &font, rgba(0xffffffff), JM_ALIGN_LEFT, 0, 0, b, -1);
        }
        jm_doc_add_page(doc, s, names[i], i == 2 ? NULL : names[i]);
    }
    g_free(pic);
    return doc;
}

static void test_pdf(jm_arena *a, jm_diags *d) {
    jm_text *t = jm_text_new("fonts", NULL, d);
    CHECK(t != NULL, "text service");
    jm_doc *doc = three_pages(a, t);
    char *p1 = in_dir("doc.pdf"), *p2 = in_dir("doc2.pdf"), *other = in_dir("between.svg");
    g_unsetenv("SOURCE_DATE_EPOCH");
    CHECK(put(doc, 0, p1, (jm_output_opts){ .format = JM_FMT_PDF }, d), "write");
    /* other surfaces in between must not change the next PDF (cairo numbers surfaces globally) */
    put(doc, 1, other, (jm_output_opts){ .format = JM_FMT_SVG }, d);
    CHECK(put(doc, 0, p2, (jm_output_opts){ .format = JM_FMT_PDF }, d), "write again");
    size_t l1 = 0, l2 = 0;
    char *b1 = read_all(p1, &l1), *b2 = read_all(p2, &l2);
    CHECK(b1 && b2 && l1 == l2 && !memcmp(b1, b2, l1), "two writes of one PDF differ");
    CHECK(b1 && has(b1, l1, "/Type /Outlines"), "outline");
    CHECK(b1 && has(b1, l1, "/Title (Funnel)") && has(b1, l1, "/Title (Sequence)"),
          "outline entries named by bookmark");
    CHECK(b1 && has(b1, l1, "/Title (Emotions)"), "outline entry named by view when no bookmark");
    g_free(b1);
    g_free(b2);

    char *cmd = g_strdup_printf("pdfinfo -isodates '%s'", p1);
    int st;
    char *info = run(cmd, &st);
    CHECK(st == 0, "pdfinfo failed");
    CHECK(strstr(info, "Title:           Journey\n"), "%s", info);
    CHECK(strstr(info, "Subject:         Three views\n"), "%s", info);
    CHECK(strstr(info, "Author:          Ana\n"), "%s", info);
    CHECK(strstr(info, "Creator:         journeymap\n"), "%s", info);
    CHECK(strstr(info, "CreationDate:    2024-01-01T00:00:00"), "%s", info);
    CHECK(strstr(info, "ModDate:         2024-01-01T00:00:00"), "%s", info);
    CHECK(strstr(info, "Pages:           3\n"), "%s", info);
    g_free(info);
    g_free(cmd);
    cmd = g_strdup_printf("pdfinfo -f 1 -l 3 '%s'", p1);
    info = run(cmd, NULL);
    CHECK(strstr(info, "Page    1 size:  200 x 100 pts") && strstr(info, "Page    3 size:  400 x 100 pts"),
          "each page the size of its scene: %s", info);
    g_free(info);
    g_free(cmd);

    /* SOURCE_DATE_EPOCH sets the dates */
    g_setenv("SOURCE_DATE_EPOCH", "86400", TRUE);
    CHECK(put(doc, 0, p2, (jm_output_opts){ .format = JM_FMT_PDF }, d), "write with SOURCE_DATE_EPOCH");
    g_unsetenv("SOURCE_DATE_EPOCH");
    cmd = g_strdup_printf("pdfinfo -isodates '%s'", p2);
    info = run(cmd, NULL);
    CHECK(strstr(info, "CreationDate:    1970-01-02T00:00:00"), "%s", info);
    g_free(info);
    g_free(cmd);

    /* fitted on A4 portrait with 36 pt margins: 200x100 scaled by (595.28 - 72) / 200 */
    char *a4 = in_dir("a4.pdf");
    CHECK(put(doc, 0, a4, (jm_output_opts){ .format = JM_FMT_PDF, .page_w = 595.28, .page_h = 841.89, .margin = 36 }, d),
          "write A4");
    cmd = g_strdup_printf("pdfinfo -f 1 -l 3 '%s'", a4);
    info = run(cmd, NULL);
    CHECK(strstr(info, "Page    1 size:  595.28 x 841.89 pts") && strstr(info, "Page    3 size:  595.28 x 841.89 pts"), "%s", info);
    g_free(info);
    g_free(cmd);
    char *ras = in_dir("a4");
    cmd = g_strdup_printf("pdftoppm -r 72 -f 1 -l 1 -png -singlefile '%s' '%s'", a4, ras);
    info = run(cmd, &st);
    char *rasp = g_strdup_printf("%s.png", ras);
    png_file f;
    if (st == 0 && png_load(rasp, &f)) {
        CHECK_PIXEL(&f, 455, 245, 0xff0000ff);   /* the red scene: x 36..559, y 36..298 */
        CHECK_PIXEL(&f, 300, 310, 0xffffffff);   /* below it: paper */
        CHECK_PIXEL(&f, 20, 100, 0xffffffff);    /* the left margin */
        CHECK_PIXEL(&f, 40, 40, 0xff0000ff);     /* the top-left corner of the scene, inside the margins */
        CHECK_PIXEL(&f, 100, 100, 0x0000ffff);   /* the blue box, scaled 2.6x: 62..193 */
        png_free_file(&f);
    } else CHECK(false, "pdftoppm failed: %s", info);
    g_free(info);
    g_free(cmd);
    g_free(rasp);
    g_free(ras);
    /* the text is in the PDF as text */
    cmd = g_strdup_printf("pdftotext '%s' -", p1);
    info = run(cmd, NULL);
    CHECK(t == NULL || (strstr(info, "Funnel") && strstr(info, "Emotions")), "pdftotext: %s", info);
    g_free(info);
    g_free(cmd);
    g_free(a4);
    g_free(p1);
    g_free(p2);
    g_free(other);
    jm_text_free(t);
}

/* ---- files ---- */

static void test_targets(jm_arena *a, jm_diags *d) {
    jm_doc *doc = red_box_doc(a);
    jm_output_opts png = { .format = JM_FMT_PNG };

    /* a missing folder: a clear message, nothing written */
    char *missing = in_dir("no/such/folder/x.png");
    CHECK(!put(doc, 0, missing, png, d), "missing folder");
    CHECK(strstr(last_message(d), "does not exist") && strstr(last_message(d), "no/such/folder"), "%s", last_message(d));
    g_free(missing);

    /* a folder as the target */
    CHECK(!put(doc, 0, dir, png, d), "a folder as target");
    CHECK(strstr(last_message(d), "is a folder") != NULL, "%s", last_message(d));

    /* permissions of a new file follow the umask; an old file is replaced and keeps its own */
    char *perm = in_dir("perm.png");
    mode_t old = umask(027);
    CHECK(put(doc, 0, perm, png, d), "write");
    struct stat st;
    CHECK(stat(perm, &st) == 0 && (st.st_mode & 0777) == 0640, "mode %o, want 640", st.st_mode & 0777);
    umask(022);
    g_file_set_contents(perm, "old", 3, NULL);
    chmod(perm, 0600);
    CHECK(put(doc, 0, perm, png, d), "overwrite");
    CHECK(stat(perm, &st) == 0 && (st.st_mode & 0777) == 0600 && st.st_size > 100, "mode %o size %ld",
          st.st_mode & 0777, (long)st.st_size);
    umask(old);

    /* a write failing halfway (file size limit) leaves the old file and no temporary */
    char *keep = in_dir("keep.png");
    g_file_set_contents(keep, "precious", 8, NULL);
    struct rlimit lim, small = { 64, 64 };
    getrlimit(RLIMIT_FSIZE, &lim);
    small.rlim_max = lim.rlim_max;
    signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &small);
    bool ok = put(doc, 0, keep, png, d);
    setrlimit(RLIMIT_FSIZE, &lim);
    CHECK(!ok, "write over the size limit should fail");
    CHECK(strstr(last_message(d), "keep.png") != NULL, "the message names the file: %s", last_message(d));
    char *kept = read_all(keep, NULL);
    CHECK(kept && !strcmp(kept, "precious"), "old file clobbered: %s", kept ? kept : "(gone)");
    g_free(kept);
    CHECK(temp_files() == 0, "%d temporary files left", temp_files());

    /* an unwritable folder (root may write anywhere, so only as another user) */
    if (geteuid() != 0) {
        char *ro = in_dir("ro"), *rofile = in_dir("ro/x.png");
        g_mkdir(ro, 0755);
        g_file_set_contents(rofile, "old", 3, NULL);
        chmod(ro, 0555);
        CHECK(!put(doc, 0, rofile, png, d), "unwritable folder");
        kept = read_all(rofile, NULL);
        CHECK(kept && !strcmp(kept, "old"), "old file kept");
        g_free(kept);
        chmod(ro, 0755);
        g_free(ro);
        g_free(rofile);
    } else {
        SKIP(2, "unwritable folder: root writes anywhere (tests/cli/cli.sh checks it without root's capabilities)");
    }

    /* a symbolic link stays a link; the file it points to is replaced */
    char *real = in_dir("real.png"), *link = in_dir("link.png");
    g_file_set_contents(real, "old", 3, NULL);
    CHECK(symlink("real.png", link) == 0, "symlink");
    CHECK(put(doc, 0, link, png, d), "write through a link");
    struct stat lst;
    CHECK(lstat(link, &lst) == 0 && S_ISLNK(lst.st_mode), "the link is still a link");
    CHECK(stat(real, &st) == 0 && st.st_size > 100, "the target was written");
    g_free(real);
    g_free(link);

    /* a named pipe is written directly, not replaced */
    char *fifo = in_dir("pipe"), *got = in_dir("from-pipe.png");
    CHECK(mkfifo(fifo, 0600) == 0, "mkfifo");
    pid_t pid = fork();
    if (pid == 0) {
        int in = open(fifo, O_RDONLY);
        FILE *outf = fopen(got, "wb");
        char buf[4096];
        ssize_t n;
        while ((n = read(in, buf, sizeof buf)) > 0) fwrite(buf, 1, (size_t)n, outf);
        fclose(outf);
        _exit(0);
    }
    CHECK(put(doc, 0, fifo, png, d), "write to a pipe");
    int status;
    waitpid(pid, &status, 0);
    png_file f;
    CHECK(png_load(got, &f) && f.w == 200, "PNG through the pipe");
    png_free_file(&f);
    CHECK(stat(fifo, &st) == 0 && S_ISFIFO(st.st_mode), "the pipe is still a pipe");
    g_free(fifo);
    g_free(got);

    /* "-" is standard output */
    char *so = in_dir("stdout.svg");
    pid = fork();
    if (pid == 0) {
        int fd = open(so, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        _exit(put(doc, 0, "-", (jm_output_opts){ .format = JM_FMT_SVG }, d) ? 0 : 1);
    }
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "writing to stdout");
    char *svg = read_all(so, NULL);
    CHECK(svg && strstr(svg, "<title") && strstr(svg, "</svg>"), "SVG on stdout");
    g_free(svg);
    g_free(so);

    /* no page 2 */
    char *np = in_dir("nopage.png");
    CHECK(!put(doc, 1, np, png, d), "page out of range");
    CHECK(!g_file_test(np, G_FILE_TEST_EXISTS), "nothing written");
    g_free(np);
    g_free(perm);
    g_free(keep);
    CHECK(temp_files() == 0, "%d temporary files left", temp_files());
}

static void test_helpers(void) {
    jm_format f = JM_FMT_PNG;
    CHECK(jm_format_parse("svg", &f) && f == JM_FMT_SVG, "svg");
    CHECK(jm_format_parse("PDF", &f) && f == JM_FMT_PDF, "PDF");
    CHECK(jm_format_parse("png", &f) && f == JM_FMT_PNG, "png");
    CHECK(!jm_format_parse("jpeg", &f) && !jm_format_parse(NULL, &f), "unknown formats");
    CHECK_STR(jm_format_ext(JM_FMT_PDF), "pdf");
    CHECK_STR(jm_format_ext(JM_FMT_SVG), "svg");
    char buf[32];
    g_unsetenv("SOURCE_DATE_EPOCH");
    CHECK_STR(jm_output_date(buf), "2024-01-01T00:00:00Z");
    g_setenv("SOURCE_DATE_EPOCH", "1700000000", TRUE);
    CHECK_STR(jm_output_date(buf), "2023-11-14T22:13:20Z");
    g_setenv("SOURCE_DATE_EPOCH", "soon", TRUE);
    CHECK_STR(jm_output_date(buf), "2024-01-01T00:00:00Z");
    g_unsetenv("SOURCE_DATE_EPOCH");
}

int main(void) {
    dir = g_dir_make_tmp("jm-output-XXXXXX", NULL);
    if (!dir) { fprintf(stderr, "no temporary folder\n"); return 1; }
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    test_helpers();
    test_png(a, d);
    test_png_transparent_and_odd_sizes(a, d);
    test_painter(a, d);
    test_text_drawn_as_measured(a, d);
    test_svg(a, d);
    test_pdf(a, d);
    test_targets(a, d);
    jm_diags_free(d);
    jm_arena_free(a);
    char *cmd = g_strdup_printf("rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    g_free(cmd);
    g_free(dir);
    return CHECK_DONE();
}
