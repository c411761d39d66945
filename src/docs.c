/* docs.c - the documentation modes' options, which mode a command line asks for, and the jobs it
 * makes: one page (Markdown mode with -o), or one job per input with -O DIR, each output named
 * after its input's path below the inputs' common folder. Then batch.c runs them, watch.c
 * watches them. */
#include "docs.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "batch.h"
#include "cli.h"
#include "cpus.h"
#include "load.h"
#include "watch.h"

void jm_docs_add_options(GOptionContext *ctx, jm_docs_opts *o) {
    GOptionEntry entries[] = {
        { "output-dir", 'O', 0, G_OPTION_ARG_FILENAME, &o->output_dir,
          "Batch: write each input's drawing to DIR/NAME.FMT (a page to DIR/NAME.md)", "DIR" },
        { "batch", 0, 0, G_OPTION_ARG_FILENAME, &o->batch_list, "Batch: the inputs are listed in FILE, one a line", "FILE" },
        { "jobs", 'j', 0, G_OPTION_ARG_INT, &o->jobs, "Batch: draw on N threads (default: every processor)", "N" },
        { "watch", 0, 0, G_OPTION_ARG_NONE, &o->watch, "Draw again whenever an input, style or image changes", NULL },
        { "markdown", 0, 0, G_OPTION_ARG_NONE, &o->markdown,
          "The input is a Markdown page: draw its diagram blocks (implied by -o PAGE.md)", NULL },
        { "strict", 0, 0, G_OPTION_ARG_NONE, &o->strict, "Markdown: a diagram block journeymap cannot draw is an error", NULL },
        { "image-dir", 0, 0, G_OPTION_ARG_FILENAME, &o->image_dir,
          "Markdown: write the images to DIR (default: beside the page)", "DIR" },
        { "link-prefix", 0, 0, G_OPTION_ARG_STRING, &o->link_prefix,
          "Markdown: link images as PREFIX + name (default: the relative path)", "PREFIX" },
        { NULL, 0, 0, 0, NULL, NULL, NULL },
    };
    g_option_context_add_main_entries(ctx, entries, NULL);
}

void jm_docs_opts_free(jm_docs_opts *o) {
    g_free(o->output_dir); g_free(o->batch_list); g_free(o->image_dir); g_free(o->link_prefix);
}

bool jm_docs_is_markdown(const char *path) {
    const char *dot = path ? strrchr(path, '.') : NULL;
    return dot && (!g_ascii_strcasecmp(dot, ".md") || !g_ascii_strcasecmp(dot, ".markdown"));
}

bool jm_docs_wanted(const jm_docs_opts *o, char *const *inputs, const char *output) {
    return o->output_dir || o->batch_list || o->watch || o->markdown || (inputs && inputs[0] && inputs[1])
        || jm_docs_is_markdown(output);
}

/* The inputs: the command line's, then --batch's list (blank lines and # comments skipped). */
static GPtrArray *gather_inputs(const jm_docs_opts *o, char *const *inputs, int *code) {
    GPtrArray *in = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; inputs && inputs[i]; i++) g_ptr_array_add(in, g_strdup(inputs[i]));
    if (!o->batch_list) return in;
    jm_diags *d = jm_diags_new();
    size_t len;
    char *list = jm_read_file(o->batch_list, &len, d);
    jm_diags_print(d, stderr, 0);
    jm_diags_free(d);
    if (!list) {
        *code = 2;
        return in;
    }
    char **lines = g_strsplit(list, "\n", -1);
    for (char **l = lines; *l; l++) {
        g_strstrip(*l);
        if (**l && **l != '#') g_ptr_array_add(in, g_strdup(*l));
    }
    g_strfreev(lines);
    g_free(list);
    return in;
}

/* The folder every input is in, by path (canonical, without the last "/"). */
static char *common_folder(GPtrArray *in) {
    char *common = NULL;
    for (guint i = 0; i < in->len; i++) {
        char *abs = g_canonicalize_filename(in->pdata[i], NULL), *dir = g_path_get_dirname(abs);
        g_free(abs);
        if (!common) { common = dir; continue; }
        size_t k = 0, last = 0;
        while (common[k] && common[k] == dir[k]) {
            k++;
            if (common[k] == '/' || !common[k]) last = k;
        }
        if (!common[k] && (dir[k] == '/' || !dir[k])) last = k;
        common[last ? last : 1] = '\0';   /* "/" at least */
        g_free(dir);
    }
    return common;
}

/* DIR/REL.EXT: REL is the input's path below `common` without its extension. */
static char *batch_output(const char *dir, const char *common, const char *input, const char *ext) {
    char *abs = g_canonicalize_filename(input, NULL);
    const char *rel = abs + strlen(common);
    while (*rel == '/') rel++;
    char *stem = g_strdup(rel);
    char *slash = strrchr(stem, '/'), *dot = strrchr(stem, '.');
    if (dot && dot > (slash ? slash + 1 : stem)) *dot = '\0';
    char *file = g_strconcat(stem, ".", ext, NULL);
    char *out = g_build_filename(dir, file, NULL);
    g_free(file);
    g_free(stem);
    g_free(abs);
    return out;
}

/* The same file (also through a link): an input must not be written over with its drawing. */
static bool same_file(const char *a, const char *b) {
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The jobs of the command line; NULL (and *code 2) after a usage message. */
static jm_job *make_jobs(const jm_docs_opts *o, GPtrArray *in, const char *output, const jm_drawer *dr,
                         size_t *n, int *code) {
    if (!in->len) { *code = jm_cli_usage_error("no input file (give inputs, or --batch FILE)"); return NULL; }
    if (o->output_dir && output) { *code = jm_cli_usage_error("-o and -O cannot be combined: -O names every output"); return NULL; }
    if (!o->output_dir && in->len > 1) {
        *code = jm_cli_usage_error("%u inputs need -O DIR (a folder for their drawings)", in->len);
        return NULL;
    }
    if (!o->output_dir && !output) { *code = jm_cli_usage_error("no output: give -o FILE, or -O DIR"); return NULL; }
    if (output && !strcmp(output, "-")) {
        *code = jm_cli_usage_error("%s writes files: name the output with -o FILE",
                      o->watch ? "--watch" : "Markdown mode");
        return NULL;
    }
    for (guint i = 0; i < in->len; i++)
        if (!strcmp(in->pdata[i], "-") && (o->output_dir || o->watch)) {
            *code = jm_cli_usage_error("standard input cannot be %s", o->watch ? "watched" : "one of a batch's inputs");
            return NULL;
        }
    jm_job *jobs = g_new0(jm_job, in->len);
    char *common = o->output_dir ? common_folder(in) : NULL;
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < in->len; i++) {
        jm_job *jb = &jobs[i];
        jb->input = in->pdata[i];
        jb->markdown = o->markdown || jm_docs_is_markdown(jb->input) || (!strcmp(jb->input, "-") && output);
        if (output && jm_docs_is_markdown(output) && !jb->markdown) {
            *code = jm_cli_usage_error("'%s' is not a Markdown page, and Markdown mode (-o %s) rewrites one: draw it to "
                                       "an image, or give --markdown to read it as a page", jb->input, output);
            break;
        }
        const char *ext = jb->markdown ? "md" : jm_format_ext(dr->format);
        jb->output = output ? g_strdup(output) : batch_output(o->output_dir, common, jb->input, ext);
        if (same_file(jb->input, jb->output)) {
            *code = jm_cli_usage_error("the output '%s' is the input '%s': it would be overwritten; name another output",
                                       jb->output, jb->input);
            break;
        }
        const char *other = g_hash_table_lookup(seen, jb->output);
        if (other) {
            *code = jm_cli_usage_error("'%s' and '%s' would both be drawn to '%s'", other, jb->input, jb->output);
            break;
        }
        g_hash_table_insert(seen, jb->output, (gpointer)jb->input);
    }
    g_hash_table_destroy(seen);
    g_free(common);
    *n = in->len;
    if (*code) {
        jm_jobs_free(jobs, in->len);
        return NULL;
    }
    return jobs;
}

int jm_docs_run(const jm_docs_opts *o, char *const *inputs, const char *output, const jm_drawer *dr) {
    int code = 0;
    if (o->jobs < 0 || o->jobs > 1024) return jm_cli_usage_error("--jobs must be between 1 and 1024 (0: every processor)");
    GPtrArray *in = gather_inputs(o, inputs, &code);
    size_t n = 0;
    jm_job *jobs = code ? NULL : make_jobs(o, in, output, dr, &n, &code);
    if (!jobs) {
        g_ptr_array_free(in, TRUE);
        return code ? code : 2;
    }
    jm_batch b = { .dr = dr, .md = { o->image_dir, o->link_prefix, o->strict },
                   .workers = o->jobs ? o->jobs : jm_cpus_usable(), .progress = isatty(STDERR_FILENO) && n > 1 };
    gint64 t0 = g_get_monotonic_time();
    size_t failed = jm_batch_run(&b, jobs, n);
    bool batch = o->output_dir || n > 1;
    if (batch)
        fprintf(stderr, "%s %zu file%s, %zu failed in %.2f s\n", dr->check_only ? "checked" : "rendered",
                n - failed, n - failed == 1 ? "" : "s", failed, (double)(g_get_monotonic_time() - t0) / 1e6);
    code = n == 1 && !batch ? jobs[0].code : failed ? 1 : 0;
    if (o->watch) code = jm_watch(&b, jobs, n);
    jm_jobs_free(jobs, n);
    g_ptr_array_free(in, TRUE);
    return code;
}
