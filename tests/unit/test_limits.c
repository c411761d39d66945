/* test_limits.c - every documented limit (README "Limits") at the limit, which must pass, and one
 * past it, which must fail with its diagnostic: counts of stages, steps, participants and
 * messages, persona picture pixels, a corrupt picture (a warning), style file size, PNG size. The
 * text, nesting, node and file-size limits are tested the same way in test_yamltree and test_load. */
#include "check.h"
#include "load_query.h"
#include "load.h"
#include "output.h"
#include "style.h"
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

static char *tmp;   /* a fresh folder for the files of this test */

static loaded load(const char *file, const GString *s) { return load_text(file, s->str, s->len); }
static const char *first_message(const loaded *r) {
    const jm_diag *x = jm_diags_get(r->d, 0);
    return x ? x->message : "";
}

/* `make(s, n)` writes a journey with n of something: n = limit loads cleanly, n = limit + 1
 * fails with `msg` as its first diagnostic. */
static void at_limit(const char *what, void (*make)(GString *, size_t), size_t limit, const char *msg) {
    GString *s = g_string_new(NULL);
    make(s, limit);
    loaded r = load("limit.yaml", s);
    CHECK(r.j && jm_diags_count(r.d) == 0, "%s: %zu load: %s", what, limit, first_message(&r));
    done(&r);
    g_string_truncate(s, 0);
    make(s, limit + 1);
    r = load("limit.yaml", s);
    CHECK(!r.j, "%s: %zu must not load", what, limit + 1);
    CHECK_STR(first_message(&r), msg);
    done(&r);
    g_string_free(s, TRUE);
}

static void stages(GString *s, size_t n) {
    g_string_append(s, "title: t\nstages:\n");
    for (size_t i = 0; i < n; i++) g_string_append_printf(s, "  - {name: s%zu}\n", i);
}
static void steps(GString *s, size_t n) {
    g_string_append(s, "title: t\nstages: [{id: a, name: A}]\nsteps:\n");
    for (size_t i = 0; i < n; i++) g_string_append(s, "  - {title: s, stage: a}\n");
}
static void participants(GString *s, size_t n) {
    g_string_append(s, "title: t\nsequence:\n  participants:\n");
    for (size_t i = 0; i < n; i++) g_string_append_printf(s, "    - {id: p%zu}\n", i);
    g_string_append(s, "  messages: [\"p0->>p1: m\"]\n");
}
static void messages(GString *s, size_t n) {
    g_string_append(s, "title: t\nsequence:\n  participants: [{id: A}, {id: B}]\n  messages:\n");
    for (size_t i = 0; i < n; i++) g_string_append(s, "    - \"A->>B: m\"\n");
}

static void test_counts(void) {
    at_limit("stages", stages, JM_MAX_STAGES, "'stages' has 201 entries, more than the limit of 200");
    at_limit("steps", steps, JM_MAX_STEPS, "'steps' has 2001 entries, more than the limit of 2000");
    at_limit("participants", participants, JM_MAX_PARTICIPANTS,
             "'participants' has 101 entries, more than the limit of 100");
    at_limit("messages", messages, JM_MAX_MESSAGES, "'messages' has 10001 entries, more than the limit of 10000");
}

/* A w x h PNG (opaque grey) at path. */
static void write_png(const char *path, int w, int h) {
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    memset(cairo_image_surface_get_data(img), 0x80, (size_t)cairo_image_surface_get_stride(img) * (size_t)h);
    cairo_surface_mark_dirty(img);
    CHECK(cairo_surface_write_to_png(img, path) == CAIRO_STATUS_SUCCESS, "write %s", path);
    cairo_surface_destroy(img);
}

static loaded load_persona(const char *image) {
    char *journey = g_build_filename(tmp, "j.yaml", NULL);
    GString *s = g_string_new(NULL);
    g_string_printf(s, "title: t\npersona: {name: P, image: %s}\n", image);
    loaded r = load(journey, s);
    g_string_free(s, TRUE);
    g_free(journey);
    return r;
}

static void test_pictures(void) {
    char *at = g_build_filename(tmp, "at.png", NULL), *past = g_build_filename(tmp, "past.png", NULL);
    write_png(at, 2048, 8192);       /* 16777216 pixels: the limit */
    write_png(past, 2049, 8192);
    loaded r = load_persona("at.png");
    CHECK(r.j && r.j->persona->picture && r.j->persona->picture->width == 2048 &&
          r.j->persona->picture->height == 8192, "a picture at the pixel limit is decoded: %s", first_message(&r));
    CHECK(r.j && r.j->persona->picture && r.j->persona->picture->argb[0] == 0xff808080u, "opaque grey pixels");
    done(&r);
    r = load_persona("past.png");
    CHECK(!r.j, "one column more must not load");
    CHECK_STR(first_message(&r), "persona image 'past.png' cannot be used: it has 2049 x 8192 pixels, more than "
              "the limit of 16777216");
    done(&r);

    /* a PNG cut short after its header: loads with a warning at the image key; the map draws a
     * placeholder (no pixels) */
    char *cut = g_build_filename(tmp, "cut.png", NULL);
    write_png(cut, 64, 64);
    gchar *bytes = NULL;
    gsize len = 0;
    CHECK(g_file_get_contents(cut, &bytes, &len, NULL) && len > 60, "read back");
    CHECK(g_file_set_contents(cut, bytes, 50, NULL), "cut");
    g_free(bytes);
    r = load_persona("cut.png");
    const jm_diag *x = jm_diags_get(r.d, 0);
    CHECK(r.j && !r.j->persona->picture && r.j->persona->image, "a corrupt picture loads, without pixels");
    CHECK(x && x->severity == JM_WARNING && x->pos.line == 2 && x->pos.col == 27 &&
          g_str_has_prefix(x->message, "persona image 'cut.png' is drawn as a placeholder: it cannot be decoded"),
          "warning: %s", x ? x->message : "(none)");
    done(&r);
    g_unlink(at); g_unlink(past); g_unlink(cut);
    g_free(at); g_free(past); g_free(cut);
}

/* A style file of exactly `size` bytes: a valid style padded with a comment. */
static void write_style(const char *path, size_t size) {
    GString *s = g_string_new("extends: default\n#");
    while (s->len < size - 1) g_string_append_c(s, 'x');
    g_string_append_c(s, '\n');
    CHECK(g_file_set_contents(path, s->str, (gssize)s->len, NULL), "write %s", path);
    g_string_free(s, TRUE);
}

static void test_style_size(const char *styles) {
    char *at = g_build_filename(tmp, "at.yaml", NULL), *past = g_build_filename(tmp, "past.yaml", NULL);
    write_style(at, 1024 * 1024);
    write_style(past, 1024 * 1024 + 1);
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    CHECK(jm_style_load(a, at, styles, d) != NULL, "a style file of 1 MiB loads: %s",
          jm_diags_get(d, 0) ? jm_diags_get(d, 0)->message : "");
    CHECK(jm_style_load(a, past, styles, d) == NULL, "one byte more does not");
    const jm_diag *x = jm_diags_get(d, jm_diags_count(d) - 1);
    char *want = g_strdup_printf("cannot read style file '%s': it has 1048577 bytes, more than the limit of 1048576", past);
    CHECK(x && !strcmp(x->message, want), "got '%s'", x ? x->message : "");
    g_free(want);
    jm_diags_free(d);
    jm_arena_free(a);
    g_unlink(at); g_unlink(past);
    g_free(at); g_free(past);
}

/* The PNG budget: 32767 pixels wide (a band is a Cairo surface as wide as the image), 1,000,000
 * high, 2^28 in all; SVG and PDF have none. */
static void test_png_size(void) {
    jm_arena *a = jm_arena_new();
    double w, h;
    jm_output_opts o = { .format = JM_FMT_PNG, .scale = 1 };
    CHECK(jm_output_png_size(jm_scene_new(a, 32767, 10, jm_color_rgba(0)), &o, &w, &h) && w == 32767, "32767 wide");
    CHECK(!jm_output_png_size(jm_scene_new(a, 32768, 10, jm_color_rgba(0)), &o, &w, &h) && w == 32768, "32768 wide");
    CHECK(jm_output_png_size(jm_scene_new(a, 100, 54174, jm_color_rgba(0)), &o, &w, &h) && h == 54174,
          "54174 high: taller than a Cairo surface");
    CHECK(jm_output_png_size(jm_scene_new(a, 10, 1000000, jm_color_rgba(0)), &o, &w, &h), "1,000,000 high");
    CHECK(!jm_output_png_size(jm_scene_new(a, 10, 1000001, jm_color_rgba(0)), &o, &w, &h) && h == 1000001,
          "1,000,001 high");
    CHECK(jm_output_png_size(jm_scene_new(a, 16384, 16384, jm_color_rgba(0)), &o, &w, &h), "2^28 pixels");
    CHECK(!jm_output_png_size(jm_scene_new(a, 16384, 16385, jm_color_rgba(0)), &o, &w, &h), "2^28 + 16384 pixels");
    CHECK(!jm_output_png_size(jm_scene_new(a, 300, 900000, jm_color_rgba(0)), &o, &w, &h),
          "2^28 pixels bound a tall image too");
    o.scale = 2;
    CHECK(!jm_output_png_size(jm_scene_new(a, 16384, 10, jm_color_rgba(0)), &o, &w, &h) && w == 32768,
          "the scale counts");
    jm_arena_free(a);
}

int main(void) {
    tmp = g_dir_make_tmp("jm-limits-XXXXXX", NULL);
    char *real = realpath(tmp, NULL);
    g_free(tmp);
    tmp = g_strdup(real);
    free(real);
    const char *root = g_getenv("ROOT");
    char *styles = g_build_filename(root ? root : ".", "styles", NULL);
    test_counts();
    test_pictures();
    test_style_size(styles);
    test_png_size();
    g_rmdir(tmp);
    g_free(tmp);
    g_free(styles);
    return CHECK_DONE();
}
