/* api_render.c - the library's drawing options and drawing (journeymap.h): the options as text,
 * checked together by pipeline.h as the command line checks them, then the journey laid out
 * with the context's text service and styles and encoded by output.h, or painted on the caller's
 * cairo_t by the one painter. */
#include "api_internal.h"
#include <string.h>
#include "output_internal.h"
#include "pipeline.h"
#include "valence.h"
#include "view.h"

/* The options, by their command line names; flags hold "true" when set. */
static const char *const names[] = { "view", "format", "style", "width", "scale", "dpi", "page", "margin", "fit",
                                     "slide", "svg-text", "background", "thoughts", "no-estimate", "page-number" };
enum { O_VIEW, O_FORMAT, O_STYLE, O_WIDTH, O_SCALE, O_DPI, O_PAGE, O_MARGIN, O_FIT, O_SLIDE, O_SVG_TEXT,
       O_BACKGROUND, O_THOUGHTS, O_NO_ESTIMATE, O_PAGE_NUMBER, O_COUNT };

struct _jm_options {
    char *v[O_COUNT];   /* owned; NULL: the default */
};

jm_options_t *jm_options_create(void) {
    return g_new0(jm_options_t, 1);
}

jm_options_t *jm_options_copy(const jm_options_t *options) {
    jm_options_t *o = jm_options_create();
    for (size_t i = 0; options && i < O_COUNT; i++) o->v[i] = g_strdup(options->v[i]);
    return o;
}

void jm_options_destroy(jm_options_t *options) {
    if (!options) return;
    for (size_t i = 0; i < O_COUNT; i++) g_free(options->v[i]);
    g_free(options);
}

static int find(const char *name) {
    for (int i = 0; name && i < O_COUNT; i++)
        if (strcmp(names[i], name) == 0) return i;
    return -1;
}

static bool is_flag(int i) {
    return i == O_FIT || i == O_THOUGHTS || i == O_NO_ESTIMATE;
}

jm_status_t jm_options_set(jm_options_t *options, const char *name, const char *value) {
    int i = find(name);
    if (!options || i < 0) return JM_STATUS_USAGE;
    if (value && is_flag(i)) {
        if (strcmp(value, "true") != 0 && strcmp(value, "false") != 0) return JM_STATUS_USAGE;
        if (strcmp(value, "false") == 0) value = NULL;
    }
    g_free(options->v[i]);
    options->v[i] = g_strdup(value);
    return JM_STATUS_OK;
}

const char *jm_options_get(const jm_options_t *options, const char *name) {
    int i = find(name);
    return options && i >= 0 ? options->v[i] : NULL;
}

/* ---- drawing ---- */

/* One drawing: the document laid out in `arena`, the page to draw and the writer's options. */
typedef struct {
    jm_arena *arena;
    jm_doc *doc;
    size_t page;
    jm_output_opts oo;
    const char *name;
} drawing;

static jm_status_t usage(jm_context_t *ctx, const char *fmt, const char *what) {
    jm_error(ctx->diags, NULL, (jm_pos){ 0, 0 }, fmt, what);
    return JM_STATUS_USAGE;
}

/* Checks the options, then lays the journey out into d->doc. */
static jm_status_t lay_out(jm_context_t *ctx, const jm_journey_t *jr, const jm_options_t *options, drawing *d) {
    static const jm_options_t defaults;
    const jm_options_t *o = options ? options : &defaults;
    *d = (drawing){ .arena = jm_arena_new(), .name = jr->model->file };
    jm_pipeline_args args = { o->v[O_VIEW], o->v[O_FORMAT], o->v[O_STYLE], o->v[O_PAGE], o->v[O_BACKGROUND],
                              o->v[O_SLIDE], o->v[O_SVG_TEXT], o->v[O_WIDTH], o->v[O_SCALE], o->v[O_DPI],
                              o->v[O_MARGIN], o->v[O_FIT] != NULL };
    jm_pipeline_opts p = { .styles = ctx->styles };
    char *why = NULL;
    if (!jm_pipeline_parse(&args, &p, &d->oo, &why)) {
        jm_error(ctx->diags, NULL, (jm_pos){ 0, 0 }, "%s", why);
        g_free(why);
        return JM_STATUS_USAGE;
    }
    if (p.fit && d->oo.format != JM_FMT_PDF) return usage(ctx, "%s", "--fit puts a view on a page of paper: write a PDF");
    if (o->v[O_PAGE_NUMBER]) {
        char *end = NULL;
        guint64 n = g_ascii_strtoull(o->v[O_PAGE_NUMBER], &end, 10);
        if (!end || *end || n < 1 || n > 100000 || !g_ascii_isdigit(o->v[O_PAGE_NUMBER][0]))
            return usage(ctx, "page-number must be a whole number from 1, not '%s'", o->v[O_PAGE_NUMBER]);
        d->page = n - 1;
    }
    jm_journey j = *jr->model;
    if (o->v[O_NO_ESTIMATE]) jm_valence_drop(d->arena, &j);
    const jm_view **views = jm_pipeline_views(&p, &j, d->arena, ctx->diags);
    if (!views) return JM_STATUS_INPUT;
    const jm_style *style = jm_pipeline_style(&p, &j, ctx->data_dir, d->arena, ctx->diags);
    if (!style) return JM_STATUS_INPUT;
    jm_layout_ctx lc = { .journey = &j, .style = style, .text = ctx->text, .arena = d->arena, .diags = ctx->diags,
                         .width = p.width, .show_thoughts = o->v[O_THOUGHTS] != NULL };
    jm_output_opts before = d->oo;
    d->doc = jm_pipeline_layout(&p, &lc, views, &d->oo, d->name);
    if (d->doc && d->oo.format == JM_FMT_SVG && jm_pipeline_wants_auto(&p, &j, false))
        d->doc->dark = jm_pipeline_dark(&p, &lc, views, before, ctx->data_dir);
    if (!d->doc || !jm_pipeline_png_fits(d->doc, &d->oo, d->name, ctx->diags)) return JM_STATUS_INPUT;
    if (d->page >= d->doc->n_pages) {
        jm_error(ctx->diags, d->name, (jm_pos){ 0, 0 }, "page-number %zu: the drawing has %zu page%s", d->page + 1,
                 d->doc->n_pages, d->doc->n_pages == 1 ? "" : "s");
        return JM_STATUS_USAGE;
    }
    return JM_STATUS_OK;
}

/* Starts a drawing call: the arguments checked, the diagnostics cleared, the document laid out. */
static jm_status_t begin(jm_context_t *ctx, const jm_journey_t *journey, const jm_options_t *options, drawing *d) {
    *d = (drawing){ 0 };
    if (!ctx) return JM_STATUS_USAGE;
    jm_api_begin(ctx);
    if (ctx->status != JM_STATUS_OK) {
        jm_error(ctx->diags, NULL, (jm_pos){ 0, 0 }, "the context has no fonts and styles (see jm_context_create)");
        return ctx->status;
    }
    if (!journey) return usage(ctx, "%s", "no journey given");
    return lay_out(ctx, journey, options, d);
}

static jm_status_t encode(jm_context_t *ctx, const jm_journey_t *journey, const jm_options_t *options, GByteArray *buf) {
    drawing d;
    jm_status_t st = begin(ctx, journey, options, &d);
    if (st == JM_STATUS_OK && !jm_output_encode(d.doc, d.page, "<output>", &d.oo, buf, ctx->diags))
        st = JM_STATUS_OUTPUT;
    jm_arena_free(d.arena);
    return st;
}

jm_status_t jm_render(jm_context_t *ctx, const jm_journey_t *journey, const jm_options_t *options,
                      jm_write_func_t write, void *closure) {
    if (!write) {
        if (ctx) jm_api_begin(ctx);
        return JM_STATUS_USAGE;
    }
    GByteArray *buf = g_byte_array_new();
    jm_status_t st = encode(ctx, journey, options, buf);
    for (size_t at = 0; st == JM_STATUS_OK && at < buf->len; at += 65536) {
        size_t n = MIN(buf->len - at, (size_t)65536);
        if (write(closure, buf->data + at, n) != 0) {
            jm_error(ctx->diags, NULL, (jm_pos){ 0, 0 }, "the write callback failed after %zu bytes", at);
            st = JM_STATUS_OUTPUT;
        }
    }
    g_byte_array_free(buf, TRUE);
    return st;
}

jm_status_t jm_render_to_buffer(jm_context_t *ctx, const jm_journey_t *journey, const jm_options_t *options,
                                unsigned char **data, size_t *length) {
    if (data) *data = NULL;
    if (length) *length = 0;
    if (!data || !length) {
        if (ctx) jm_api_begin(ctx);
        return JM_STATUS_USAGE;
    }
    GByteArray *buf = g_byte_array_new();
    jm_status_t st = encode(ctx, journey, options, buf);
    if (st != JM_STATUS_OK) {
        g_byte_array_free(buf, TRUE);
        return st;
    }
    *length = buf->len;
    *data = g_byte_array_free(buf, FALSE);
    return st;
}

jm_status_t jm_render_size(jm_context_t *ctx, const jm_journey_t *journey, const jm_options_t *options,
                           double *width, double *height, size_t *pages) {
    drawing d;
    jm_status_t st = begin(ctx, journey, options, &d);
    if (st == JM_STATUS_OK) {
        double w, h;
        jm_output_size(d.doc->pages[d.page].scene, &d.oo, &w, &h);
        if (width) *width = w;
        if (height) *height = h;
        if (pages) *pages = d.doc->n_pages;
    }
    jm_arena_free(d.arena);
    return st;
}

jm_status_t jm_render_to_cairo(jm_context_t *ctx, const jm_journey_t *journey, const jm_options_t *options,
                               cairo_t *cr) {
    if (!cr) {
        if (ctx) jm_api_begin(ctx);
        return JM_STATUS_USAGE;
    }
    drawing d;
    jm_status_t st = begin(ctx, journey, options, &d);
    if (st == JM_STATUS_OK && cairo_status(cr) != CAIRO_STATUS_SUCCESS) st = JM_STATUS_OUTPUT;
    if (st == JM_STATUS_OK) {
        cairo_save(cr);
        jm_output_paint(cr, d.doc->pages[d.page].scene, &d.oo, false);
        cairo_restore(cr);
        if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) st = JM_STATUS_OUTPUT;
    }
    if (st == JM_STATUS_OUTPUT)
        jm_error(ctx->diags, NULL, (jm_pos){ 0, 0 }, "cannot draw on the cairo context: %s",
                 cairo_status_to_string(cairo_status(cr)));
    jm_arena_free(d.arena);
    return st;
}
