/* pipeline.c - options checked, views and style chosen, the document laid out (pipeline.h).
 * Moved out of main.c so that the library (api.c) draws exactly what the command line draws. */
#include "pipeline.h"
#include <math.h>
#include <string.h>
#include "cli.h"
#include "fit.h"
#include "handout.h"
#include "scene_contrast.h"
#include "target.h"

/* The number options: the range each accepts. */
typedef struct { const char *name, *unit; double lo, hi; } number_range;
static const number_range WIDTH = { "--width", " px", 100, 20000 };
static const number_range SCALE = { "--scale", "", 0.1, 8 };
static const number_range DPI = { "--dpi", "", 1, 10000 };
static const number_range MARGIN = { "--margin", " pt", 0, 144 };   /* leaves 131 pt of an A5 page */

/* A number option: the whole text a finite decimal number within the range. Otherwise *why:
 * "--scale must be a number from 0.1 to 8, not 'nan'". */
static bool parse_number(const char *text, const number_range *r, double *out, char **why) {
    char *end = NULL;
    double v = text && *text ? g_ascii_strtod(text, &end) : NAN;
    bool digits = text && strpbrk(text, "0123456789") && !strpbrk(text, "xXpP");   /* no hex, inf, nan */
    if (!end || *end || !digits || !isfinite(v) || v < r->lo || v > r->hi) {
        *why = g_strdup_printf("%s must be a number from %g to %g%s, not '%s'", r->name, r->lo, r->hi, r->unit,
                               text ? text : "");
        return false;
    }
    *out = v;
    return true;
}

#define FAIL(...) do { *why = g_strdup_printf(__VA_ARGS__); return false; } while (0)

bool jm_pipeline_parse(const jm_pipeline_args *a, jm_pipeline_opts *p, jm_output_opts *out, char **why) {
    double width = 0, scale = 1, dpi = 0, margin = 36;
    if ((a->width && !parse_number(a->width, &WIDTH, &width, why)) ||
        (a->scale && !parse_number(a->scale, &SCALE, &scale, why)) ||
        (a->dpi && !parse_number(a->dpi, &DPI, &dpi, why)) ||
        (a->margin && !parse_number(a->margin, &MARGIN, &margin, why)))
        return false;
    *out = (jm_output_opts){ .format = JM_FMT_PNG, .scale = scale, .dpi = dpi, .margin = margin };
    p->view = a->view;
    p->style = a->style;
    p->page = a->page;
    p->background = a->background;
    p->width = width;
    p->fit = a->fit;
    p->slide = a->slide != NULL;
    if (a->page && !jm_cli_page_size(a->page, &out->page_w, &out->page_h, why)) return false;
    if (a->page && (out->page_w - 2 * margin < JM_PAGE_MIN || out->page_h - 2 * margin < JM_PAGE_MIN))
        FAIL("a %s page with --margin %g leaves %.0f x %.0f pt for the drawing: give a larger page or a "
             "smaller margin (at least %d pt each way)", a->page, margin, out->page_w - 2 * margin,
             out->page_h - 2 * margin, JM_PAGE_MIN);
    if (a->fit && ((a->view && strcmp(a->view, "all") == 0) || a->slide))
        FAIL("--fit puts one view on one page of paper: not with --view all or --slide");
    if (a->slide) {
        if (!jm_cli_slide_size(a->slide, &out->canvas_w, &out->canvas_h))
            FAIL("unknown slide '%s' (known: %s)", a->slide, jm_cli_slide_names());
        if (a->page) FAIL("--slide and --page cannot be combined: a slide is its own page");
        if (a->width) FAIL("--slide and --width cannot be combined: the slide sets the width");
    }
    if (a->svg_text && strcmp(a->svg_text, "text") != 0) {
        if (strcmp(a->svg_text, "paths") != 0) FAIL("--svg-text takes 'text' or 'paths', not '%s'", a->svg_text);
        out->svg_paths = true;
    }
    if (a->background && strcmp(a->background, "transparent") == 0) out->transparent = true;
    else if (a->background) {
        jm_color c;
        if (!jm_color_parse(a->background, &c))
            FAIL("--background takes a colour like #ffffff or 'transparent', not '%s'", a->background);
    }
    if (a->view && strcmp(a->view, "all") != 0 && !jm_view_find(a->view))
        FAIL("unknown view '%s' (known: funnel, sequence, emotions, map, all)", a->view);
    if (a->format && !jm_format_parse(a->format, &out->format))
        FAIL("unknown format '%s' (known: png, svg, pdf)", a->format);
    return true;
}

const jm_view **jm_pipeline_views(const jm_pipeline_opts *p, const jm_journey *j, jm_arena *a, jm_diags *d) {
    size_t cap = 8;
    const jm_view **v = JM_NEWV(a, const jm_view *, cap + 1);
    size_t n = 0;
    bool all = p->view && strcmp(p->view, "all") == 0;
    if (p->view && !all) {
        v[n++] = jm_view_find(p->view);
        if (!v[0]) {
            jm_error(d, j->file, (jm_pos){ 0, 0 }, "unknown view '%s' (known: funnel, sequence, emotions, map, all)",
                     p->view);
            return NULL;
        }
    } else if (j->views.n) {
        for (size_t i = 0; i < j->views.n && n < cap; i++) {
            const jm_view *x = jm_view_find(j->views.v[i]);
            if (!x) {   /* the loader knows every view name; a view not built into this binary */
                jm_error(d, j->file, j->views.pos ? j->views.pos[i] : j->pos,
                         "view '%s' is not available in this build", j->views.v[i]);
                return NULL;
            }
            v[n++] = x;
            if (!all) break;
        }
    } else {
        for (size_t i = 0; jm_views[i] && n < cap; i++) {
            if (jm_views[i]->missing(j, a)) continue;
            v[n++] = jm_views[i];
            if (!all) break;
        }
        if (!n) {
            jm_error(d, j->file, (jm_pos){ 0, 0 }, "the file has nothing to draw: no stages, steps or sequence");
            return NULL;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const char *why = v[i]->missing(j, a);
        if (why) {
            jm_error(d, j->file, (jm_pos){ 0, 0 }, "cannot draw the %s view: %s", v[i]->name, why);
            return NULL;
        }
    }
    return v;
}

const jm_style *jm_pipeline_style(const jm_pipeline_opts *p, const jm_journey *j, const char *data_dir,
                                  jm_arena *a, jm_diags *d) {
    char *styles = g_build_filename(data_dir, "styles", NULL);
    const char *name = p->style ? p->style : j->style ? j->style : "default";
    if (!strcmp(name, "auto")) name = "default";   /* the light half of auto; jm_pipeline_dark adds the dark */
    char *path = NULL;
    if (!p->style && j->style && (strchr(j->style, '/') || g_str_has_suffix(j->style, ".yaml"))
        && !g_path_is_absolute(j->style))
        name = path = g_build_filename(j->dir ? j->dir : ".", j->style, NULL);
    const jm_style *s = jm_style_is_builtin_name(name) || p->style || !j->style
        ? jm_style_load_cached(p->styles, a, name, styles, d)
        : jm_style_load_confined(a, name, styles, j->dir ? j->dir : ".", j->file, j->style_pos, d);
    if (s && p->used && g_file_test(name, G_FILE_TEST_IS_REGULAR)) g_ptr_array_add(p->used, g_strdup(name));
    g_free(path);
    g_free(styles);
    return s;
}

static void set_background(jm_doc *doc, const char *bg) {
    jm_color c;
    if (!bg || strcmp(bg, "transparent") == 0 || !jm_color_parse(bg, &c)) return;
    for (size_t i = 0; i < doc->n_pages; i++) doc->pages[i].scene->background = c;
}

static jm_doc *layout_views(const jm_pipeline_opts *p, jm_layout_ctx *ctx, const jm_view **views, jm_output_opts *oo) {
    const jm_journey *j = ctx->journey;
    jm_doc *doc = jm_doc_new(ctx->arena);
    doc->title = j->title;
    doc->subject = j->subtitle;
    doc->author = j->author ? j->author : j->persona ? j->persona->name : NULL;
    if (oo->canvas_w > 0) ctx->aspect = oo->canvas_w / oo->canvas_h;
    bool handout = p->view && strcmp(p->view, "all") == 0 && oo->format == JM_FMT_PDF && !p->slide;
    if (handout && !p->page) {
        char *why = NULL;
        jm_cli_page_size(JM_HANDOUT_PAGE, &oo->page_w, &oo->page_h, &why);
        g_free(why);
    }
    if (oo->page_w > 0 && oo->format == JM_FMT_PDF) {
        ctx->page_width = oo->page_w - 2 * oo->margin;
        ctx->page_height = oo->page_h - 2 * oo->margin;
    }
    jm_target_set_floor(ctx, oo);
    if (handout) return jm_handout_layout(ctx, views, doc) ? doc : NULL;
    if (p->fit && oo->format == JM_FMT_PDF) {   /* one view, one page: the paper's or the smallest A size */
        size_t n, first = 0, k = 0;   /* the series to choose from: B when a B size was asked for, else A */
        const jm_paper *papers = jm_cli_papers(&n);
        char series = p->page && g_ascii_toupper(p->page[0]) == 'B' ? 'B' : 'A';
        while (first < n && papers[first].name[0] != series) first++;
        while (first + k < n && papers[first + k].name[0] == series) k++;
        ctx->page_width = ctx->page_height = 0;
        return jm_fit_layout(views[0], ctx, papers + first, k, p->page, oo->margin, &oo->page_w, &oo->page_h, doc)
            ? doc : NULL;
    }
    for (size_t i = 0; views[i]; i++) {
        bool ok = jm_target_of(oo) == JM_TARGET_SLIDE ? jm_target_slide_layout(views[i], ctx, oo, doc)
                                                      : jm_view_layout(views[i], ctx, doc);
        if (!ok) return NULL;
    }
    return doc;
}

jm_doc *jm_pipeline_layout(const jm_pipeline_opts *p, jm_layout_ctx *ctx, const jm_view **views,
                           jm_output_opts *oo, const char *name) {
    jm_text_set_plain(ctx->text, oo && oo->format == JM_FMT_SVG && !oo->svg_paths);   /* no painter draws its text */
    jm_doc *doc = layout_views(p, ctx, views, oo);
    if (!doc) return NULL;
    jm_doc_keep_contrast(doc, name, ctx->diags);   /* every text 4.5:1 on what is behind it */
    for (size_t i = 0; i < doc->n_pages; i++) jm_scene_warn_missing(doc->pages[i].scene, name, ctx->diags);
    set_background(doc, p->background);
    return doc;
}

bool jm_pipeline_wants_auto(const jm_pipeline_opts *p, const jm_journey *j, bool otherwise) {
    const char *name = p->style ? p->style : j->style;
    return name ? !strcmp(name, "auto") : otherwise;
}

jm_doc *jm_pipeline_dark(const jm_pipeline_opts *p, const jm_layout_ctx *light, const jm_view **views,
                         jm_output_opts oo, const char *data_dir) {
    char *styles = g_build_filename(data_dir, "styles", NULL);
    const jm_style *dark = jm_style_load_cached(p->styles, light->arena, "dark", styles, light->diags);
    g_free(styles);
    if (!dark) return NULL;
    jm_layout_ctx ctx = *light;
    ctx.style = dark;
    jm_doc *doc = layout_views(p, &ctx, views, &oo);
    if (doc) jm_doc_keep_contrast(doc, NULL, light->diags);
    return doc;
}

bool jm_pipeline_png_fits(const jm_doc *doc, const jm_output_opts *oo, const char *name, jm_diags *d) {
    for (size_t i = 0; i < doc->n_pages && oo->format == JM_FMT_PNG; i++) {
        double w, h;
        if (!jm_output_png_size(doc->pages[i].scene, oo, &w, &h)) {
            jm_error(d, name, (jm_pos){ 0, 0 }, "the %s view would be %.0f x %.0f pixels, more than a PNG may have "
                     "(" JM_PNG_BUDGET_TEXT "): use a smaller --scale or --width, or write SVG or PDF",
                     doc->pages[i].view, w, h);
            return false;
        }
    }
    return true;
}
