/* test_api.c - the library through its public header alone (journeymap.h), linked against the
 * shared library as an application is: contexts, loading from buffers and files in each input
 * language, the supported views, options and their errors, the three ways to draw (a callback, a
 * buffer, a caller's cairo_t) agreeing with each other, structured diagnostics, and contexts on
 * two threads drawing the same bytes. Runs from the repository root (tests/run.sh). */
#include <journeymap.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

static const char PETRA[] =
    "title: Petra orders a spare part\n"
    "steps:\n"
    "  - { title: Finds the part, emotion: { score: 1 } }\n"
    "  - { title: Waits for a quote, emotion: { score: -2 } }\n"
    "  - { title: Gets it next day, emotion: { score: 2 } }\n";

static jm_journey_t *load(jm_context_t *ctx, const char *text, const char *name) {
    jm_journey_t *j = NULL;
    jm_status_t st = jm_journey_load_buffer(ctx, text, strlen(text), name, JM_SOURCE_AUTO, &j);
    CHECK(st == JM_STATUS_OK && j, "loading %s: %s", name, jm_status_to_string(st));
    return j;
}

typedef struct { unsigned char *data; size_t len; int calls, fail_at; } sink;

static int collect(void *closure, const unsigned char *data, size_t length) {
    sink *s = closure;
    if (++s->calls == s->fail_at) return -1;
    s->data = realloc(s->data, s->len + length);
    memcpy(s->data + s->len, data, length);
    s->len += length;
    return 0;
}

/* PNG bytes -> an image surface, through cairo's own reader. */
typedef struct { const unsigned char *p; size_t left; } reader;
static cairo_status_t read_png(void *closure, unsigned char *data, unsigned int length) {
    reader *r = closure;
    if (length > r->left) return CAIRO_STATUS_READ_ERROR;
    memcpy(data, r->p, length);
    r->p += length;
    r->left -= length;
    return CAIRO_STATUS_SUCCESS;
}

static void test_version_and_status(void) {
    CHECK_STR(jm_version(), JM_VERSION_STRING);
    CHECK(JM_VERSION == JM_VERSION_ENCODE(0, 1, 0), "JM_VERSION %d", JM_VERSION);
    CHECK_STR(jm_status_to_string(JM_STATUS_INPUT), "bad input");
    CHECK(jm_context_status(NULL) == JM_STATUS_USAGE, "NULL context");
    jm_context_destroy(NULL);
    jm_journey_destroy(NULL);
    jm_options_destroy(NULL);
    jm_free(NULL);
}

static void test_no_data(void) {
    jm_context_t *ctx = jm_context_create("/nonexistent/journeymap-data");
    CHECK(ctx != NULL, "a context even without data");
    CHECK(jm_context_status(ctx) == JM_STATUS_DATA, "status %d", jm_context_status(ctx));
    CHECK(jm_context_diagnostic_count(ctx) >= 1, "a diagnostic says why");
    jm_journey_t *j = load(ctx, PETRA, "petra.yaml");   /* loading needs no fonts */
    unsigned char *png = (unsigned char *)"x";
    size_t len = 7;
    CHECK(jm_render_to_buffer(ctx, j, NULL, &png, &len) == JM_STATUS_DATA, "drawing without data");
    CHECK(png == NULL && len == 0, "nothing handed out");
    jm_journey_destroy(j);
    jm_context_destroy(ctx);
}

static void test_load_errors(jm_context_t *ctx) {
    jm_journey_t *j = (jm_journey_t *)1;
    const char bad[] = "title: x\nstgaes:\n  - name: a\n";
    CHECK(jm_journey_load_buffer(ctx, bad, strlen(bad), "typo.yaml", JM_SOURCE_AUTO, &j) == JM_STATUS_INPUT, "typo");
    CHECK(j == NULL, "no journey on failure");
    const jm_diagnostic_t *d = jm_context_diagnostic(ctx, 0);
    CHECK(d != NULL, "a diagnostic");
    if (d) {
        CHECK(d->severity == JM_SEVERITY_ERROR, "severity %d", d->severity);
        CHECK_STR(d->file, "typo.yaml");
        CHECK(d->line == 2 && d->column == 1, "at %d:%d", d->line, d->column);
        CHECK(strstr(d->message, "stgaes") != NULL && !strstr(d->message, "did you mean"), "message '%s'", d->message);
        CHECK_STR(d->hint, "did you mean 'stages'?");
    }
    CHECK(jm_context_diagnostic(ctx, jm_context_diagnostic_count(ctx)) == NULL, "NULL past the end");
    char *text = jm_context_diagnostics_text(ctx);
    CHECK(strstr(text, "typo.yaml:2:1: error: ") && strstr(text, "stgaes:\n") && strstr(text, "^"),
          "the CLI's form with the source line and caret: %s", text);
    jm_free(text);
    /* the next call starts with no diagnostics */
    jm_journey_t *ok = load(ctx, PETRA, "petra.yaml");
    CHECK(jm_context_diagnostic_count(ctx) == 0, "%zu left over", jm_context_diagnostic_count(ctx));
    jm_journey_destroy(ok);
    CHECK(jm_journey_load_buffer(ctx, NULL, 3, "x", JM_SOURCE_AUTO, &j) == JM_STATUS_USAGE, "NULL data");
    CHECK(jm_journey_load_buffer(ctx, "a", 1, "x", (jm_source_kind_t)9, &j) == JM_STATUS_USAGE, "bad kind");
    CHECK(jm_journey_load_file(ctx, "/nonexistent/j.yaml", JM_SOURCE_AUTO, &j) == JM_STATUS_INPUT, "missing file");
    d = jm_context_diagnostic(ctx, 0);
    CHECK(d && d->file && strcmp(d->file, "/nonexistent/j.yaml") == 0, "names the file");
}

static void test_inputs(jm_context_t *ctx) {
    jm_journey_t *j = NULL;
    CHECK(jm_journey_load_file(ctx, "samples/petra-catena-x.yaml", JM_SOURCE_AUTO, &j) == JM_STATUS_OK, "YAML file");
    CHECK(jm_journey_view_count(j) == 4, "petra supports %zu views", jm_journey_view_count(j));
    CHECK_STR(jm_journey_view_name(j, 0), "map");        /* --list-views' order */
    CHECK_STR(jm_journey_view_name(j, 3), "sequence");
    CHECK(jm_journey_view_name(j, 4) == NULL, "NULL past the end");
    CHECK_STR(jm_journey_title(j), "Petra · Joining Catena-X without an IT team");
    jm_journey_destroy(j);
    j = NULL;
    CHECK(jm_journey_load_file(ctx, "samples/seq-storyline.mmd", JM_SOURCE_AUTO, &j) == JM_STATUS_OK, "Mermaid file");
    CHECK(jm_journey_view_count(j) == 1 && strcmp(jm_journey_view_name(j, 0), "sequence") == 0, "a sequence");
    jm_journey_destroy(j);
    const char mmd[] = "journey\n  title Coffee\n  section Order\n    Pick a cup: 4: Me\n    Pay: 2: Me\n";
    j = NULL;
    CHECK(jm_journey_load_buffer(ctx, mmd, strlen(mmd), NULL, JM_SOURCE_MERMAID, &j) == JM_STATUS_OK, "Mermaid text");
    CHECK(jm_journey_view_count(j) >= 1, "Mermaid views");
    jm_journey_destroy(j);
    j = NULL;
    CHECK(jm_journey_load_buffer(ctx, mmd, strlen(mmd), "coffee.txt", JM_SOURCE_YAML, &j) == JM_STATUS_INPUT,
          "the same text read as YAML is not a journey");
    jm_journey_destroy(j);
    FILE *f = fopen("samples/journey-hospital.md", "rb");
    CHECK(f != NULL, "samples/journey-hospital.md");
    if (!f) return;
    static char md[1 << 20];
    size_t n = fread(md, 1, sizeof md, f);
    fclose(f);
    j = NULL;
    CHECK(jm_journey_load_buffer(ctx, md, n, "samples/hospital.txt", JM_SOURCE_MARKDOWN, &j) == JM_STATUS_OK,
          "Markdown journey document as a buffer");
    CHECK(jm_journey_view_count(j) >= 2, "Markdown views: %zu", jm_journey_view_count(j));
    jm_journey_destroy(j);
}

static void test_options(jm_context_t *ctx, jm_journey_t *j) {
    jm_options_t *o = jm_options_create();
    CHECK(jm_options_set(o, "colour", "red") == JM_STATUS_USAGE, "unknown option");
    CHECK(jm_options_set(o, "fit", "yes") == JM_STATUS_USAGE, "a flag takes true or false");
    CHECK(jm_options_set(o, "scale", "9") == JM_STATUS_OK, "values are checked when drawing");
    CHECK_STR(jm_options_get(o, "scale"), "9");
    unsigned char *data = NULL;
    size_t len = 0;
    CHECK(jm_render_to_buffer(ctx, j, o, &data, &len) == JM_STATUS_USAGE, "scale 9");
    const jm_diagnostic_t *d = jm_context_diagnostic(ctx, 0);
    CHECK(d && strcmp(d->message, "--scale must be a number from 0.1 to 8, not '9'") == 0, "message: %s",
          d ? d->message : "(none)");
    jm_options_set(o, "scale", NULL);
    CHECK(jm_options_get(o, "scale") == NULL, "back to the default");
    jm_options_set(o, "view", "sequence");
    CHECK(jm_render_to_buffer(ctx, j, o, &data, &len) == JM_STATUS_INPUT, "a view the journey lacks");
    d = jm_context_diagnostic(ctx, 0);
    CHECK(d && strstr(d->message, "cannot draw the sequence view"), "says so: %s", d ? d->message : "(none)");
    jm_options_set(o, "view", "emotions");
    jm_options_set(o, "fit", "true");
    CHECK(jm_render_to_buffer(ctx, j, o, &data, &len) == JM_STATUS_USAGE, "--fit to a PNG");
    jm_options_t *c = jm_options_copy(o);
    CHECK_STR(jm_options_get(c, "view"), "emotions");
    CHECK_STR(jm_options_get(c, "fit"), "true");
    jm_options_destroy(c);
    jm_options_set(o, "fit", "false");
    jm_options_set(o, "page-number", "2");
    CHECK(jm_render_to_buffer(ctx, j, o, &data, &len) == JM_STATUS_USAGE, "page 2 of one");
    CHECK(data == NULL && len == 0, "nothing handed out");
    jm_options_destroy(o);
}

static void test_drawing(jm_context_t *ctx, jm_journey_t *j) {
    jm_options_t *o = jm_options_create();
    jm_options_set(o, "view", "emotions");
    unsigned char *png = NULL;
    size_t len = 0;
    CHECK(jm_render_to_buffer(ctx, j, o, &png, &len) == JM_STATUS_OK, "PNG to a buffer");
    CHECK(len > 8 && memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0, "a PNG signature");
    double w = 0, h = 0;
    size_t pages = 0;
    CHECK(jm_render_size(ctx, j, o, &w, &h, &pages) == JM_STATUS_OK && pages == 1, "size, %zu page", pages);
    uint32_t pw = len > 24 ? (uint32_t)png[16] << 24 | png[17] << 16 | png[18] << 8 | png[19] : 0;
    uint32_t ph = len > 24 ? (uint32_t)png[20] << 24 | png[21] << 16 | png[22] << 8 | png[23] : 0;
    CHECK(pw == (uint32_t)ceil(w - 1e-6) && ph == (uint32_t)ceil(h - 1e-6), "PNG %ux%u, size %gx%g", pw, ph, w, h);

    sink s = { 0 };
    CHECK(jm_render(ctx, j, o, collect, &s) == JM_STATUS_OK, "PNG to a callback");
    CHECK(s.len == len && memcmp(s.data, png, len) == 0, "the same bytes (%zu, %zu)", s.len, len);
    free(s.data);
    s = (sink){ .fail_at = 1 };
    CHECK(jm_render(ctx, j, o, collect, &s) == JM_STATUS_OUTPUT, "a failing callback");
    free(s.data);
    CHECK(jm_render(ctx, j, o, NULL, NULL) == JM_STATUS_USAGE, "no callback");

    /* the caller's cairo_t: the same pixels as the PNG */
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)pw, (int)ph);
    cairo_t *cr = cairo_create(img);
    CHECK(jm_render_to_cairo(ctx, j, o, cr) == JM_STATUS_OK, "to a cairo_t");
    cairo_destroy(cr);
    cairo_surface_flush(img);
    reader r = { png, len };
    cairo_surface_t *dec = cairo_image_surface_create_from_png_stream(read_png, &r);
    CHECK(cairo_surface_status(dec) == CAIRO_STATUS_SUCCESS, "the PNG decodes");
    long differ = 0, total = (long)pw * ph;
    if (cairo_surface_status(dec) == CAIRO_STATUS_SUCCESS && cairo_image_surface_get_width(dec) == (int)pw) {
        for (uint32_t y = 0; y < ph; y++) {
            const uint8_t *a = cairo_image_surface_get_data(img) + y * cairo_image_surface_get_stride(img);
            const uint8_t *b = cairo_image_surface_get_data(dec) + y * cairo_image_surface_get_stride(dec);
            for (uint32_t x = 0; x < 4 * pw; x++) differ += abs(a[x] - b[x]) > 2;
        }
    }
    CHECK(differ * 1000 < total, "cairo_t drawing and PNG differ in %ld of %ld channels", differ, total * 4);
    cairo_surface_destroy(dec);
    cairo_surface_destroy(img);
    cairo_surface_t *broken = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, -1, -1);
    cr = cairo_create(broken);
    CHECK(jm_render_to_cairo(ctx, j, o, cr) == JM_STATUS_OUTPUT, "a cairo_t in error");
    cairo_destroy(cr);
    cairo_surface_destroy(broken);
    CHECK(jm_render_to_cairo(ctx, j, o, NULL) == JM_STATUS_USAGE, "no cairo_t");

    /* reuse: the same bytes again from the same context */
    unsigned char *again = NULL;
    size_t len2 = 0;
    jm_render_to_buffer(ctx, j, o, &again, &len2);
    CHECK(len2 == len && memcmp(again, png, len) == 0, "deterministic on a reused context");
    jm_free(again);
    jm_free(png);

    /* SVG and PDF */
    jm_options_set(o, "format", "svg");
    CHECK(jm_render_to_buffer(ctx, j, o, &png, &len) == JM_STATUS_OK && len > 5 && memmem(png, len, "<svg", 4),
          "SVG");
    jm_free(png);
    jm_options_set(o, "format", "pdf");
    jm_options_set(o, "page", "A4-landscape");
    CHECK(jm_render_to_buffer(ctx, j, o, &png, &len) == JM_STATUS_OK && len > 5 && memcmp(png, "%PDF-", 5) == 0,
          "PDF");
    jm_free(png);
    /* a slide: the size is the slide's */
    jm_options_set(o, "page", NULL);
    jm_options_set(o, "format", "png");
    jm_options_set(o, "slide", "16:9");
    CHECK(jm_render_size(ctx, j, o, &w, &h, NULL) == JM_STATUS_OK && w == 1920 && h == 1080, "slide %gx%g", w, h);
    jm_options_destroy(o);
}

/* Two threads, each with its own context, draw the same journey: the same bytes. */
typedef struct { const char *text; unsigned char *png; size_t len; jm_status_t st; } job;
static void *draw_in_thread(void *arg) {
    job *jb = arg;
    jm_context_t *ctx = jm_context_create(NULL);
    jm_journey_t *j = NULL;
    jb->st = jm_journey_load_buffer(ctx, jb->text, strlen(jb->text), "petra.yaml", JM_SOURCE_AUTO, &j);
    if (jb->st == JM_STATUS_OK) jb->st = jm_render_to_buffer(ctx, j, NULL, &jb->png, &jb->len);
    jm_journey_destroy(j);
    jm_context_destroy(ctx);
    return NULL;
}

static void test_threads(void) {
    job jobs[2] = { { PETRA, NULL, 0, 0 }, { PETRA, NULL, 0, 0 } };
    pthread_t t[2];
    for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, draw_in_thread, &jobs[i]);
    for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
    CHECK(jobs[0].st == JM_STATUS_OK && jobs[1].st == JM_STATUS_OK, "both drew");
    CHECK(jobs[0].len == jobs[1].len && jobs[0].len && memcmp(jobs[0].png, jobs[1].png, jobs[0].len) == 0,
          "the same bytes on two threads");
    for (int i = 0; i < 2; i++) jm_free(jobs[i].png);
}

int main(void) {
    test_version_and_status();
    test_no_data();
    jm_context_t *ctx = jm_context_create(NULL);
    CHECK(jm_context_status(ctx) == JM_STATUS_OK, "a context: %s", jm_context_data_dir(ctx));
    test_load_errors(ctx);
    test_inputs(ctx);
    jm_journey_t *j = load(ctx, PETRA, "petra.yaml");
    test_options(ctx, j);
    test_drawing(ctx, j);
    jm_journey_destroy(j);
    jm_context_destroy(ctx);
    test_threads();
    return CHECK_DONE();
}
