/* docs.h - the documentation pipelines of the command line: Markdown mode (markdown.c: a page's
 * diagram blocks drawn to images and replaced by image links), batch (batch.c: many inputs in one
 * process over worker threads, fonts loaded once per worker) and watch (watch.c: draw again when
 * an input, a style or an image changes). Their options, and the one hook they use into the
 * command line's drawing pipeline (main.c), so that every view, style and writer option works
 * the same way in them as for one file. */
#ifndef JM_DOCS_H
#define JM_DOCS_H
#include <glib.h>
#include <stdbool.h>
#include "arena.h"
#include "diag.h"
#include "model.h"
#include "output.h"
#include "style.h"
#include "text.h"

/* The options of these modes; filled by the option parser (strings owned, jm_docs_opts_free). */
typedef struct {
    char *output_dir;        /* -O DIR: batch into this folder */
    char *batch_list;        /* --batch FILE: inputs, one a line ('-': standard input) */
    int jobs;                /* --jobs N: worker threads; 0 = the processors the process may use */
    gboolean watch;          /* --watch */
    gboolean markdown;       /* --markdown: the input is a page to rewrite whatever -o is named */
    gboolean strict;         /* --strict: a block that cannot be drawn is an error */
    char *image_dir;         /* --image-dir DIR: Markdown images go here (default: beside the page) */
    char *link_prefix;       /* --link-prefix P: links are P + image name (default: relative path) */
} jm_docs_opts;

/* Adds the options above to the command line's main group; their values land in `o`. */
void jm_docs_add_options(GOptionContext *ctx, jm_docs_opts *o);
void jm_docs_opts_free(jm_docs_opts *o);

/* True for a Markdown page by its name: .md, .markdown (any case). */
bool jm_docs_is_markdown(const char *path);

/* True when the command line asks for one of these modes: -O, --batch, --watch, --markdown,
 * more than one input, or an output named .md/.markdown. Otherwise main draws one file itself. */
bool jm_docs_wanted(const jm_docs_opts *o, char *const *inputs, const char *output);

/* What one thread reuses from drawing to drawing: the fonts (its text service, owned by the
 * thread, never shared) and the built-in styles (a cache the batch's workers share). */
typedef struct {
    jm_text *text;
    jm_style_cache *styles;      /* NULL: styles are loaded for each drawing */
} jm_tools;

/* One drawing: a loaded journey to one image file, or encoded into memory. */
typedef struct {
    const jm_journey *journey;
    const char *name;            /* the input as shown in diagnostics */
    const char *view, *style;    /* a Markdown block's own choices; NULL: the command line's */
    const char *output;          /* the file to write, or (bytes set) the one it will become */
    GByteArray *bytes;           /* non-NULL: one image encoded here, nothing written */
    GPtrArray *used;             /* non-NULL: the style file read, if any, is appended (g_free) */
} jm_draw_req;

/* The command line's pipeline, as these modes use it. */
typedef struct {
    /* Chooses the views and the style, lays out and writes (or encodes) the drawing with the
     * command line's options: an exit code (0 ok, 1 input, 3 output, 4 layout defects). */
    int (*draw)(void *ctx, const jm_draw_req *r, jm_tools *tools, jm_arena *a, jm_diags *d);
    void *ctx;
    jm_format format;            /* image format of the run: -T, else SVG */
    const char *fonts_dir;       /* for each thread's text service */
    const char *const *font_files;   /* the brand's fonts in front of the set (jm_text_new), or NULL */
    bool check_only;             /* --check: inputs are loaded, nothing is drawn */
} jm_drawer;

/* Runs the mode the options ask for over `inputs` (-o `output` when one input): prints every
 * diagnostic (each names its file) and the summary, and returns the exit status: for one input
 * its own, for several 1 when any failed. Usage errors return 2 after a message. */
int jm_docs_run(const jm_docs_opts *o, char *const *inputs, const char *output, const jm_drawer *dr);
#endif
