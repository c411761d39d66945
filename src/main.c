/* main.c - the journeymap command line: options, then load -> layout -> check -> write.
 * The only place that prints diagnostics and chooses the exit code. */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "docs.h"
#include "emit_yaml.h"
#include "fontset.h"
#include "journeymap.h"
#include "load.h"
#include "output.h"
#include "pipeline.h"
#include "target.h"
#include "valence.h"
#include "view.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_OUTPUT = 3, EXIT_DEFECTS = 4 };

typedef struct {
    char *output, *view, *format, *style, *page, *background, *slide, *svg_text;
    char **font_files;       /* --font, as given */
    char *width_arg, *scale_arg, *dpi_arg, *margin_arg;   /* as given; NULL when not */
    jm_pipeline_opts pipe;   /* the drawing options, checked by validate() */
    gboolean check, list_views, check_layout, dump_scene, thoughts, version, list_fonts, no_estimate, emit_yaml, fit;
    char **inputs;
    jm_docs_opts docs;       /* Markdown mode, batch, watch (docs.h) */
    GByteArray *bytes;       /* set by draw() for Markdown mode: encode one image here */
    bool stdin_closed, stdout_closed;   /* at start (they are then opened on /dev/null) */
} options;

#define usage_error jm_cli_usage_error   /* cli.h: prints the message and --help's hint, returns 2 */

static bool parse_options(int *argc, char ***argv, options *o, int *code) {
    GOptionEntry entries[] = {
        { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output, "Write to FILE ('-' for standard output)", "FILE" },
        { "view", 0, 0, G_OPTION_ARG_STRING, &o->view, "funnel, sequence, emotions, map or all (default: the file's first view)", "VIEW" },
        { "format", 'T', 0, G_OPTION_ARG_STRING, &o->format, "png, svg or pdf (default: from the output's extension)", "FMT" },
        { "style", 0, 0, G_OPTION_ARG_STRING, &o->style, "default, print, dark, auto (SVG: light, dark in a dark colour scheme), or a style file", "STYLE" },
        { "width", 0, 0, G_OPTION_ARG_STRING, &o->width_arg, "Canvas width in px at scale 1, 100 to 20000 (the layout fits it)", "PX" },
        { "scale", 0, 0, G_OPTION_ARG_STRING, &o->scale_arg, "PNG pixels per px, 0.1 to 8, e.g. 2 for retina (default 1)", "N" },
        { "dpi", 0, 0, G_OPTION_ARG_STRING, &o->dpi_arg, "Resolution recorded in the PNG, 1 to 10000 (default 96 x scale)", "N" },
        { "page", 0, 0, G_OPTION_ARG_STRING, &o->page, "PDF page size: A0..A5, B0..B5, Letter, Legal, Tabloid[-landscape], or WxH with mm, cm, in or pt (600x400mm)", "SIZE" },
        { "fit", 0, 0, G_OPTION_ARG_NONE, &o->fit, "PDF: the view on one page, as large as the page allows with no text under 7 pt; without --page the smallest A size that holds it", NULL },
        { "margin", 0, 0, G_OPTION_ARG_STRING, &o->margin_arg, "Page margin in pt with --page, 0 to 144 (default 36)", "PT" },
        { "slide", 0, 0, G_OPTION_ARG_STRING, &o->slide, "A slide, 16:9 (1920x1080) or 4:3 (1440x1080), the view fitted to it", "RATIO" },
        { "font", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->font_files, "Add a font file (a brand font) in front of the pinned set; repeatable", "FILE" },
        { "svg-text", 0, 0, G_OPTION_ARG_STRING, &o->svg_text, "SVG text: 'text' (default: <text> in embedded font subsets) or 'paths' (glyph outlines)", "MODE" },
        { "background", 0, 0, G_OPTION_ARG_STRING, &o->background, "Background colour (#rrggbb) or 'transparent'", "COLOR" },
        { "thoughts", 0, 0, G_OPTION_ARG_NONE, &o->thoughts, "Emotions view: show thoughts as quote callouts", NULL },
        { "no-estimate", 0, 0, G_OPTION_ARG_NONE, &o->no_estimate, "Draw emotions without a stated score as markers without a curve, not estimated from their emoji or words", NULL },
        { "emit-yaml", 0, 0, G_OPTION_ARG_NONE, &o->emit_yaml, "Write the journey (YAML, Mermaid or Markdown) as journeymap YAML to -o", NULL },
        { "check", 0, 0, G_OPTION_ARG_NONE, &o->check, "Only validate the input", NULL },
        { "list-views", 0, 0, G_OPTION_ARG_NONE, &o->list_views, "List the views the input supports", NULL },
        { "check-layout", 0, 0, G_OPTION_ARG_NONE, &o->check_layout, "Report layout defects (exit 4 if any)", NULL },
        { "dump-scene", 0, 0, G_OPTION_ARG_NONE, &o->dump_scene, "Print the laid-out scene as text", NULL },
        { "list-fonts", 0, 0, G_OPTION_ARG_NONE, &o->list_fonts, "List the font files of the pinned set and the scripts each covers", NULL },
        { "version", 'V', 0, G_OPTION_ARG_NONE, &o->version, "Print the version", NULL },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->inputs, NULL, "INPUT" },
        { NULL, 0, 0, 0, NULL, NULL, NULL },
    };
    GOptionContext *ctx = g_option_context_new("- draw a customer journey as a graphic");
    g_option_context_add_main_entries(ctx, entries, NULL);
    jm_docs_add_options(ctx, &o->docs);
    g_option_context_set_summary(ctx,
        "Reads a journey YAML file (INPUT, '-' for standard input) and draws one of its views\n"
        "to PNG, SVG or PDF.");
    g_option_context_set_description(ctx,
        "Views:\n"
        "  funnel     the stages left to right with counts, gap stages and item cards\n"
        "  sequence   who sends what to whom\n"
        "  emotions   the emotion curve over the steps\n"
        "  map        the journey-map poster\n"
        "  all        every view the file supports: to PDF a handout (a cover, each\n"
        "             view, the tables; A4 landscape unless --page says), to PNG\n"
        "             and SVG OUTPUT-VIEW.EXT files\n"
        "\n"
        "Exit status: 0 ok, 1 bad input (also a drawing over the PNG size limit), 2 bad usage,\n"
        "3 output failure, 4 layout defects.\n"
        "\n"
        "Examples:\n"
        "  journeymap journey.yaml -o funnel.png --view funnel --scale 2\n"
        "  journeymap journey.yaml -o handout.pdf --view all --page A4\n"
        "  journeymap journey.yaml -o map.png --view map --slide 16:9 --scale 2\n"
        "  cat journey.yaml | journeymap - -T svg -o - > journey.svg\n"
        "  journeymap doc.md -o out.md            (Markdown: diagram blocks to out-N.svg)\n"
        "  journeymap a.yaml b.mmd docs/*.md -O out/ -T svg    (a batch, one process)\n");
    GError *err = NULL;
    bool ok = g_option_context_parse(ctx, argc, argv, &err);
    g_option_context_free(ctx);
    if (!ok) {
        *code = usage_error("%s", err->message);
        g_error_free(err);
        return false;
    }
    return true;
}

static void free_options(options *o) {
    g_free(o->width_arg); g_free(o->scale_arg); g_free(o->dpi_arg); g_free(o->margin_arg);
    g_strfreev(o->font_files); g_free(o->output); g_free(o->view); g_free(o->format); g_free(o->style);
    g_free(o->page); g_free(o->background); g_free(o->slide); g_strfreev(o->inputs);
    jm_docs_opts_free(&o->docs);
}

/* Checks the options that need no input; fills the writer's options. */
static int validate(options *o, jm_output_opts *out) {
    bool docs = jm_docs_wanted(&o->docs, o->inputs, o->output);   /* docs.c checks inputs and outputs */
    if (docs && (o->dump_scene || o->list_views || o->check_layout))
        return usage_error("--dump-scene, --list-views and --check-layout take one input and no -O, --batch, --watch or Markdown page");
    if (!docs && (!o->inputs || !o->inputs[0])) return usage_error("no input file (give a journey YAML file, or '-' for standard input)");
    if (!docs && o->inputs[1]) return usage_error("one input file at a time, got '%s' and '%s'", o->inputs[0], o->inputs[1]);
    if (o->emit_yaml) {
        if (docs || o->dump_scene || o->list_views || o->check_layout || o->check || o->view || o->format)
            return usage_error("--emit-yaml takes one input and -o FILE.yaml only (no -O, --batch, --watch, Markdown "
                               "page, --view, --format, --check, --check-layout, --dump-scene or --list-views)");
        if (!o->output) return usage_error("no output: give -o FILE.yaml, or -o - to write to standard output");
        *out = (jm_output_opts){ 0 };
        return EXIT_OK;
    }
    jm_pipeline_args args = { o->view, o->format, o->style, o->page, o->background, o->slide, o->svg_text,
                              o->width_arg, o->scale_arg, o->dpi_arg, o->margin_arg, o->fit };
    char *why = NULL;
    if (!jm_pipeline_parse(&args, &o->pipe, out, &why)) {
        int code = usage_error("%s", why);
        g_free(why);
        return code;
    }
    bool wants_output = !docs && !o->check && !o->list_views && !o->dump_scene;
    if (o->format) {
        /* checked by jm_pipeline_parse */
    } else if (docs) {
        out->format = JM_FMT_SVG;
    } else if (o->output && strcmp(o->output, "-") != 0) {
        const char *dot = strrchr(o->output, '.');
        if (!dot || !jm_format_parse(dot + 1, &out->format))
            return usage_error("cannot tell the format of '%s' from its extension: use -T png|svg|pdf", o->output);
    }
    if (o->fit && out->format != JM_FMT_PDF) return usage_error("--fit puts a view on a page of paper: write a PDF");
    if (wants_output && !o->output && !o->check_layout)
        return usage_error("no output: give -o FILE, or -o - to write to standard output");
    return EXIT_OK;
}

/* Writes page `page` (every page for a PDF) to `path`, unless `path` is the input itself (the
 * same file, also through a link): that would replace the journey with its picture. */
static int write_one(const options *o, const jm_doc *doc, size_t page, const char *path,
                     const jm_output_opts *oo, jm_diags *d) {
    struct stat in, out;
    if (strcmp(o->inputs[0], "-") != 0 && strcmp(path, "-") != 0 && stat(o->inputs[0], &in) == 0 &&
        stat(path, &out) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "the output '%s' is the input file '%s': it would be overwritten; "
                 "name another output", path, o->inputs[0]);
        return EXIT_USAGE;
    }
    if (strcmp(path, "-") == 0 && o->stdout_closed) {
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write to standard output: it is closed");
        return EXIT_OUTPUT;
    }
    return jm_output_write(doc, page, path, oo, d) ? EXIT_OK : EXIT_OUTPUT;
}

/* Writes the document: every page to a PDF, or each page to its own PNG/SVG file: with --view
 * all OUTPUT-VIEW.EXT, a view's further pages OUTPUT-VIEW-2.EXT, ...; one view of several pages
 * (a deck of slides) OUTPUT-1.EXT, OUTPUT-2.EXT, ... */
static int write_outputs(const options *o, const jm_doc *doc, const jm_output_opts *oo, jm_diags *d) {
    bool all = o->view && strcmp(o->view, "all") == 0;
    if (o->bytes) return jm_output_encode(doc, 0, o->output, oo, o->bytes, d) ? EXIT_OK : EXIT_OUTPUT;
    if (oo->format == JM_FMT_PDF || (doc->n_pages == 1 && !all)) return write_one(o, doc, 0, o->output, oo, d);
    if (strcmp(o->output, "-") == 0) {
        jm_error(d, NULL, (jm_pos){ 0, 0 },
                 "%zu pages cannot go to standard output as %s: write a PDF, or name an output file",
                 doc->n_pages, jm_format_ext(oo->format));
        return EXIT_USAGE;
    }
    size_t run = 0;   /* the page's number within its view */
    for (size_t i = 0; i < doc->n_pages; i++) {
        run = i > 0 && !strcmp(doc->pages[i].view, doc->pages[i - 1].view) ? run + 1 : 1;
        char *tag = !all ? g_strdup_printf("%zu", i + 1)
                  : run > 1 ? g_strdup_printf("%s-%zu", doc->pages[i].view, run) : g_strdup(doc->pages[i].view);
        char *path = jm_cli_view_path(o->output, tag);
        int code = write_one(o, doc, i, path, oo, d);
        g_free(path);
        g_free(tag);
        if (code) return code;
    }
    return EXIT_OK;
}

/* What happens to a laid-out document: --dump-scene prints it, --check-layout reports its
 * defects (exit 4), otherwise it is written. Returns the exit code. */
static int emit(const options *o, jm_doc *doc, const jm_output_opts *oo, const jm_style *style, const char *name,
                jm_diags *d) {
    if (!jm_pipeline_png_fits(doc, oo, name, d)) return EXIT_INPUT;
    if (o->dump_scene) {
        for (size_t i = 0; i < doc->n_pages; i++) {
            printf("page %zu view %s", i + 1, doc->pages[i].view);
            if (doc->pages[i].next_view) printf(" then %s", doc->pages[i].next_view);   /* a shared page */
            putchar('\n');
            jm_scene_dump(doc->pages[i].scene, stdout);
            if (!doc->pages[i].furniture) continue;
            printf("furniture %zu head %.2f foot %.2f\n", i + 1, doc->pages[i].head, doc->pages[i].foot);
            jm_scene_dump(doc->pages[i].furniture, stdout);
        }
        return EXIT_OK;
    }
    if (o->check_layout) {
        size_t defects = 0;
        for (size_t i = 0; i < doc->n_pages; i++) {
            defects += jm_scene_check(doc->pages[i].scene, stdout);
            if (doc->pages[i].furniture) defects += jm_scene_check(doc->pages[i].furniture, stdout);
        }
        defects += jm_target_check(doc, jm_style_get_common(style), oo, stdout);
        if (defects) {
            fprintf(stderr, "%s: %zu layout defect%s\n", name, defects, defects == 1 ? "" : "s");
            return EXIT_DEFECTS;
        }
        if (!o->output) return EXIT_OK;
    }
    return write_outputs(o, doc, oo, d);
}

/* What draw() needs besides one drawing's request: the options as given and checked. */
typedef struct {
    const options *o;
    jm_output_opts oo;
    const char *data_dir;
} draw_ctx;

/* One loaded journey through the views, the style, layout and emit, with the command line's
 * options and the request's own output, view and style (docs.h jm_drawer). An exit code. */
static int draw(void *ctx, const jm_draw_req *r, jm_tools *tools, jm_arena *a, jm_diags *d) {
    const draw_ctx *c = ctx;
    options o = *c->o;
    jm_output_opts oo = c->oo;
    char *input[2] = { (char *)(strcmp(r->name, "<stdin>") ? r->name : "-"), NULL };
    o.inputs = input;             /* write_one never writes over this drawing's own input */
    o.output = (char *)r->output;
    if (r->view) o.view = (char *)r->view;
    o.bytes = r->bytes;
    /* A Markdown block's style is the page's word, as a journey's `style:` is the file's: built
     * in or a file in the page's folder, and it wins over --style. */
    jm_journey j = *r->journey;
    if (o.no_estimate) jm_valence_drop(a, &j);
    if (r->style) {
        j.style = r->style;
        j.style_pos = (jm_pos){ 0, 0 };
        o.style = NULL;
    }
    if (o.bytes && o.view && !strcmp(o.view, "all")) {
        jm_error(d, r->name, (jm_pos){ 0, 0 }, "--view all draws several images; a Markdown block is one: choose a view");
        return EXIT_USAGE;
    }
    jm_pipeline_opts p = o.pipe;
    p.view = o.view;
    p.style = o.style;
    p.styles = tools->styles;
    p.used = r->used;
    const jm_view **views = jm_pipeline_views(&p, &j, a, d);
    if (!views) return EXIT_INPUT;
    const jm_style *style = jm_pipeline_style(&p, &j, c->data_dir, a, d);
    if (!style) return EXIT_INPUT;
    jm_layout_ctx ctx_l = { .journey = &j, .style = style, .text = tools->text, .arena = a, .diags = d,
                            .width = p.width, .show_thoughts = o.thoughts };
    jm_doc *doc = jm_pipeline_layout(&p, &ctx_l, views, &oo, r->name);
    /* --style auto; Markdown mode's SVG when nothing names a style */
    if (doc && oo.format == JM_FMT_SVG && jm_pipeline_wants_auto(&p, &j, o.bytes != NULL))
        doc->dark = jm_pipeline_dark(&p, &ctx_l, views, c->oo, c->data_dir);
    return doc ? emit(&o, doc, &oo, style, r->name, d) : EXIT_INPUT;
}

/* --emit-yaml: the model as journeymap YAML to -o (never over the input). */
static int emit_yaml(const options *o, const jm_journey *j, jm_diags *d) {
    struct stat in, out;
    if (strcmp(o->inputs[0], "-") != 0 && strcmp(o->output, "-") != 0 && stat(o->inputs[0], &in) == 0 &&
        stat(o->output, &out) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "the output '%s' is the input file '%s': it would be overwritten; "
                 "name another output", o->output, o->inputs[0]);
        return EXIT_USAGE;
    }
    GByteArray *buf = g_byte_array_new();
    int code = !jm_emit_yaml(j, buf, d) ? EXIT_INPUT : jm_output_write_bytes(o->output, buf, d) ? EXIT_OK : EXIT_OUTPUT;
    g_byte_array_free(buf, TRUE);
    return code;
}

/* --check --style FILE without an input: the style file alone (and the chain it extends). */
static int check_style(const options *o) {
    char *data_dir = jm_cli_data_dir();
    char *styles = g_build_filename(data_dir, "styles", NULL);
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    int code = jm_style_load(a, o->style, styles, d) ? EXIT_OK : EXIT_INPUT;
    bool fonts_ok = true;
    if (code == EXIT_OK && !jm_style_is_builtin_name(o->style)) g_strfreev(jm_style_font_files(o->style, d, &fonts_ok));
    if (!fonts_ok) code = EXIT_INPUT;
    jm_diags_print(d, stderr, 20);
    jm_diags_free(d);
    jm_arena_free(a);
    g_free(styles);
    g_free(data_dir);
    return code;
}

/* The brand's font files: --font, then the --style file's font-files (a style a journey names
 * itself is read later, once its fonts could no longer join the set). NULL-terminated, in *out;
 * false after errors on `d`. */
static bool brand_fonts(const options *o, jm_diags *d, char ***out) {
    GPtrArray *all = g_ptr_array_new();
    bool ok = jm_fontset_check_files((const char *const *)o->font_files, NULL, NULL, d);
    for (char **f = o->font_files; f && *f; f++) g_ptr_array_add(all, g_strdup(*f));
    if (o->style && !jm_style_is_builtin_name(o->style) && strcmp(o->style, "auto") != 0) {
        bool style_ok;
        char **files = jm_style_font_files(o->style, d, &style_ok);
        for (char **f = files; f && *f; f++) g_ptr_array_add(all, g_strdup(*f));
        g_strfreev(files);
        ok = ok && style_ok;
    }
    g_ptr_array_add(all, NULL);
    *out = (char **)g_ptr_array_free(all, FALSE);
    return ok;
}

static int run(options *o) {
    if (o->check && o->style && (!o->inputs || !o->inputs[0]) && !o->docs.batch_list) return check_style(o);
    jm_output_opts oo;
    int code = validate(o, &oo);
    if (code) return code;
    char **extra = NULL;
    jm_diags *fd = jm_diags_new();
    bool fonts_ok = brand_fonts(o, fd, &extra);
    jm_diags_print(fd, stderr, 20);
    jm_diags_free(fd);
    if (!fonts_ok) { g_strfreev(extra); return EXIT_INPUT; }

    char *data_dir = jm_cli_data_dir();
    char *fonts = g_build_filename(data_dir, "fonts", NULL);
    draw_ctx dc = { o, oo, data_dir };
    if (jm_docs_wanted(&o->docs, o->inputs, o->output)) {
        jm_drawer dr = { draw, &dc, oo.format, fonts, (const char *const *)extra, o->check };
        code = jm_docs_run(&o->docs, o->inputs, o->output, &dr);
        g_free(fonts);
        g_free(data_dir);
        g_strfreev(extra);
        return code;
    }
    const char *input = o->inputs[0];
    const char *name = strcmp(input, "-") == 0 ? "<stdin>" : input;
    jm_diags *d = jm_diags_new();
    jm_arena *a = jm_arena_new();
    jm_text *text = NULL;
    size_t len = 0;
    char *src = NULL;
    if (strcmp(input, "-") == 0 && o->stdin_closed)
        jm_error(d, name, (jm_pos){ 0, 0 }, "cannot read the file: standard input is closed");
    else
        src = jm_read_file(input, &len, d);
    const jm_journey *j = src ? jm_load_journey(a, name, src, len, d) : NULL;
    code = EXIT_INPUT;
    if (!j) goto done;
    if (o->check) {   /* the style too: --style or the file's own */
        code = jm_pipeline_style(&o->pipe, j, data_dir, a, d) ? EXIT_OK : EXIT_INPUT;
        goto done;
    }
    if (o->emit_yaml) { code = emit_yaml(o, j, d); goto done; }
    if (o->list_views) {
        jm_journey lj = *j;
        if (o->no_estimate) jm_valence_drop(a, &lj);
        for (size_t i = 0; jm_views[i]; i++)
            if (!jm_views[i]->missing(&lj, a)) printf("%s\n", jm_views[i]->name);
        code = EXIT_OK;
        goto done;
    }
    text = jm_text_new(fonts, (const char *const *)extra, d);
    if (!text) goto done;
    code = draw(&dc, &(jm_draw_req){ .journey = j, .name = name, .output = o->output }, &(jm_tools){ text, NULL }, a, d);

done:
    if ((fflush(stdout) != 0 || ferror(stdout)) && code == EXIT_OK) {   /* --dump-scene, --list-views */
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write to standard output: %s", g_strerror(errno ? errno : EIO));
        code = EXIT_OUTPUT;
    }
    jm_diags_print(d, stderr, 20);
    jm_text_free(text);
    jm_arena_free(a);
    jm_diags_free(d);
    g_strfreev(extra);
    g_free(fonts);
    g_free(data_dir);
    g_free(src);
    return code;
}

/* A standard stream closed by the caller (journeymap <&-) is opened on /dev/null, so no file
 * this process opens later takes its number (an output file written as "standard error");
 * whether it was closed is kept for the messages. */
static bool reopen_if_closed(int fd, int flags) {
    if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) return false;
    int n = open("/dev/null", flags);
    if (n >= 0 && n != fd) { dup2(n, fd); close(n); }
    return true;
}

/* `journeymap serve ...`: journeymap-serve, beside this program, with the same arguments. */
static int run_serve(char **argv) {
    char *self = g_file_read_link("/proc/self/exe", NULL);
    char *dir = self ? g_path_get_dirname(self) : g_strdup(".");
    char *serve = g_build_filename(dir, "journeymap-serve", NULL);
    argv[1] = serve;
    execv(serve, argv + 1);
    fprintf(stderr, "journeymap: serve needs %s: %s\n", serve, g_strerror(errno));
    g_free(serve);
    g_free(dir);
    g_free(self);
    return EXIT_INPUT;
}

int main(int argc, char **argv) {
    options o = { 0 };
    int code;
    /* Pango tags a run of a script that the text's language ("en") does not use with a
     * language it guesses, first from $PANGO_LANGUAGE and $LANGUAGE; the tag picks glyph forms
     * (Noto Sans CJK draws Han differently for "ja" and "zh"). Output must not depend on the
     * user's settings, so the guess comes from Pango's own table. Set before any Pango call. */
    g_setenv("PANGO_LANGUAGE", "en", TRUE);
    o.stdin_closed = reopen_if_closed(STDIN_FILENO, O_RDONLY);
    o.stdout_closed = reopen_if_closed(STDOUT_FILENO, O_WRONLY);
    reopen_if_closed(STDERR_FILENO, O_WRONLY);
    /* A closed output pipe is an error the writers report (EPIPE, exit 3), not a silent death. */
    signal(SIGPIPE, SIG_IGN);
    if (argc > 1 && !strcmp(argv[1], "serve")) return run_serve(argv);
    if (!parse_options(&argc, &argv, &o, &code)) { free_options(&o); return code; }
    if (o.version) {
        printf("journeymap %s\n", jm_version());
        free_options(&o);
        return EXIT_OK;
    }
    if (o.list_fonts) {
        char *data_dir = jm_cli_data_dir(), *fonts = g_build_filename(data_dir, "fonts", NULL);
        jm_diags *d = jm_diags_new();
        int missing = jm_fontset_print(fonts, stdout, d);
        jm_diags_print(d, stderr, 0);
        jm_diags_free(d);
        g_free(fonts);
        g_free(data_dir);
        free_options(&o);
        return missing == 0 ? EXIT_OK : EXIT_INPUT;
    }
    code = run(&o);
    free_options(&o);
    return code;
}
