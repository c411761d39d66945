/* fuzz_journey.c - fuzz target: one buffer goes down the command line's whole path, through
 * main.c's own functions: load, the diagnostics printed with their quoted source lines, the views
 * chosen and laid out (one view, the file's views, or all of them: the handout), --check-layout,
 * --dump-scene, and the PNG, SVG or PDF writer to a real file. Built with libFuzzer by
 * `make fuzz`, or with replay.c as a file runner (`make test`, `make fuzz-gen`).
 *
 * The options: a buffer starting with the byte 0x00 carries three option bytes after it (see
 * pick_options), then the YAML. Any other buffer is all YAML, and its options come from a hash of
 * its bytes, so the samples and hostile files, kept as they are, still reach every view, style
 * and writer. JM_FUZZ_VERBOSE=1 prints the options chosen. The canvas is capped (FUZZ_PIXELS) by
 * lowering --scale, so that one input costs milliseconds, not seconds. */
#define main jm_cli_main    /* main.c's static steps (validate, choose_views, emit, ...) */
#include "../../src/main.c"
#undef main
#include <fcntl.h>
#include <math.h>
#include <stdint.h>

#define FUZZ_PIXELS (2.0 * 1024 * 1024)  /* PNG pixels per page at most: lower scale above it */
#define TEXT_RENEW 500                    /* inputs per text service: its memo only grows */

/* Process-wide state of the harness only (never part of the program): the text service (built
 * once per TEXT_RENEW inputs, fontconfig set-up is slow), the data folder, a folder for output
 * files and /dev/null. */
typedef struct {
    char *data_dir, *out_dir, *input_name;
    jm_text *text;
    unsigned uses;
    int null_fd;
    FILE *null;
} fuzz_env;

static fuzz_env env;

static void env_cleanup(void) {
    if (!env.out_dir) return;
    GDir *dir = g_dir_open(env.out_dir, 0, NULL);
    for (const char *n; dir && (n = g_dir_read_name(dir));) {
        char *p = g_build_filename(env.out_dir, n, NULL);
        unlink(p);
        g_free(p);
    }
    if (dir) g_dir_close(dir);
    rmdir(env.out_dir);
}

static fuzz_env *env_get(void) {
    if (!env.data_dir) {
        const char *root = getenv("ROOT");
        env.data_dir = root ? g_strdup(root) : jm_cli_data_dir();
        /* named as a sample, so that `image: persona.png` and style paths resolve as they do there */
        env.input_name = g_build_filename(env.data_dir, "samples", "fuzz.yaml", NULL);
        env.out_dir = g_dir_make_tmp("jm-fuzz-XXXXXX", NULL);
        env.null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
        env.null = fdopen(dup(env.null_fd), "w");
        if (!env.out_dir || env.null_fd < 0 || !env.null) abort();
        dup2(env.null_fd, STDIN_FILENO);   /* `style: /dev/stdin` must not wait for a terminal */
        atexit(env_cleanup);
    }
    if (env.text && env.uses++ >= TEXT_RENEW) {
        jm_text_free(env.text);
        env.text = NULL;
    }
    if (!env.text) {
        jm_diags *d = jm_diags_new();
        char *fonts = g_build_filename(env.data_dir, "fonts", NULL);
        env.text = jm_text_new(fonts, NULL, d);
        g_free(fonts);
        if (!env.text) { jm_diags_print(d, stderr, 0); abort(); }
        jm_diags_free(d);
        env.uses = 0;
    }
    return &env;
}

static uint32_t fnv1a(const uint8_t *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

/* Three bytes -> command line options, as parse_options would fill them (strings are static; the
 * harness never frees them). Byte 0: view (3 bits), format (2), style (2), --thoughts (1).
 * Byte 1: --width (2), --page (2), --slide (1), --check-layout (1), --dump-scene (1), --background
 * (1). Byte 2: --scale (2), --margin (2), --dpi (2), output to a device instead of a file (1). Some
 * --slide goes only without --page and --width (usage errors otherwise). */
static void pick_options(const uint8_t b[3], options *o, const char *out_dir, char *path, size_t path_len) {
    static const char *const views[] = { NULL, "funnel", "sequence", "emotions", "map", "all", "all", "all" };
    static const char *const formats[] = { "png", "svg", "pdf", "pdf" };
    static const char *const styles[] = { NULL, "default", "print", "dark" };
    static const double widths[] = { 0, 1, 420, 20000 };
    static const char *const pages[] = { NULL, "A4", "A5-landscape", "Tabloid" };
    static const double scales[] = { 1, 2, 0.5, 0.1 };
    static const double margins[] = { 0, 0.5, 72, 300 };
    static const double dpis[] = { 0, 1, 300, 10000 };
    o->view = (char *)views[b[0] & 7];
    o->format = (char *)formats[(b[0] >> 3) & 3];
    o->style = (char *)styles[(b[0] >> 5) & 3];
    o->thoughts = (b[0] >> 7) & 1;
    o->width = widths[b[1] & 3];
    o->page = (char *)pages[(b[1] >> 2) & 3];
    o->slide = (b[1] >> 4) & 1 && !o->page ? (char *)"16:9" : NULL;
    if (o->slide) o->width = 0;
    o->check_layout = (b[1] >> 5) & 1;
    o->dump_scene = (b[1] >> 6) & 1;
    o->background = (b[1] >> 7) & 1 ? (char *)"transparent" : (char *)"#203040";
    o->scale = scales[b[2] & 3];
    o->margin = margins[(b[2] >> 2) & 3];
    o->dpi = dpis[(b[2] >> 4) & 3];
    if ((b[2] >> 6) & 1) snprintf(path, path_len, "/dev/null");
    else snprintf(path, path_len, "%s/out.%s", out_dir, o->format);
    o->output = path;
}

/* Lowers the PNG scale until every page fits FUZZ_PIXELS; false when not even --scale 0.1 does
 * (the page is then written as SVG: the same painter, without the pixels). */
static bool cap_pixels(const jm_doc *doc, jm_output_opts *oo) {
    for (size_t i = 0; i < doc->n_pages; i++) {
        const jm_scene *s = doc->pages[i].scene;
        double w = oo->canvas_w > 0 ? oo->canvas_w : s->width, h = oo->canvas_h > 0 ? oo->canvas_h : s->height;
        double px = w * h * oo->scale * oo->scale;
        if (!(px <= FUZZ_PIXELS)) oo->scale = sqrt(FUZZ_PIXELS / (w * h));
        if (!(oo->scale >= 0.1)) return false;
    }
    return true;
}

/* run() of main.c from the read bytes on, with the harness's text service. */
static int run_buffer(options *o, fuzz_env *e, const char *src, size_t len) {
    jm_output_opts oo;
    int code = validate(o, &oo);
    if (code) return code;
    const char *name = e->input_name;
    jm_diags *d = jm_diags_new();
    jm_arena *a = jm_arena_new();
    const jm_journey *j = jm_load_journey(a, name, src, len, d);
    code = EXIT_INPUT;
    if (!j) goto done;
    const jm_view *asked = o->view ? jm_view_find(o->view) : NULL;
    if (asked && asked->missing(j, a)) o->view = NULL;   /* the file's own view: render something */
    const jm_view **views = choose_views(o, j, a, d);
    if (!views) goto done;
    const jm_style *style = choose_style(o, j, e->data_dir, a, d);
    if (!style) goto done;
    jm_layout_ctx ctx = { .journey = j, .style = style, .text = e->text, .arena = a, .diags = d,
                          .width = o->width, .show_thoughts = o->thoughts };
    jm_doc *doc = layout_document(o, &ctx, views, &oo);
    if (!doc) goto done;
    if (oo.format == JM_FMT_PNG && !cap_pixels(doc, &oo)) oo.format = JM_FMT_SVG;
    if (o->check_layout || o->dump_scene) {   /* a run with only those, then one that writes */
        options look = *o;
        look.output = NULL;
        emit(&look, doc, &oo, style, name, d);
    }
    options write = *o;
    write.check_layout = write.dump_scene = false;
    code = emit(&write, doc, &oo, style, name, d);
done:
    jm_diags_print(d, e->null, 20);
    jm_arena_free(a);
    jm_diags_free(d);
    return code;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_env *e = env_get();
    uint8_t b[3] = { 0, 0, 0 };
    if (size >= 4 && data[0] == 0) {
        memcpy(b, data + 1, 3);
        data += 4;
        size -= 4;
    } else {
        uint32_t h = fnv1a(data, size);
        b[0] = (uint8_t)h; b[1] = (uint8_t)(h >> 8); b[2] = (uint8_t)(h >> 16);
    }
    char path[4096];
    options o = { 0 };
    char *inputs[] = { (char *)"fuzz.yaml", NULL };
    o.inputs = inputs;
    pick_options(b, &o, e->out_dir, path, sizeof path);
    if (getenv("JM_FUZZ_VERBOSE"))
        fprintf(stderr, "fuzz: --view %s -T %s --style %s --width %g --page %s --slide %s --scale %g --margin %g "
                "--dpi %g%s%s%s --background %s -o %s\n", o.view ? o.view : "-", o.format, o.style ? o.style : "-",
                o.width, o.page ? o.page : "-", o.slide ? o.slide : "-", o.scale, o.margin, o.dpi,
                o.thoughts ? " --thoughts" : "", o.check_layout ? " --check-layout" : "",
                o.dump_scene ? " --dump-scene" : "", o.background, o.output);
    /* --check-layout and --dump-scene print to stdout: to /dev/null here */
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    dup2(e->null_fd, STDOUT_FILENO);
    int code = run_buffer(&o, e, (const char *)data, size);
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
    if (getenv("JM_FUZZ_VERBOSE")) fprintf(stderr, "fuzz: exit %d\n", code);
    return 0;
}
