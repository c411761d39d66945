/* cli.c - data folder discovery, named page sizes and --view all file names for main.c.
 * No state: every function computes its answer from its arguments and the environment. */
#include "cli.h"
#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef JM_DATADIR
#define JM_DATADIR "/usr/local/share/journeymap"
#endif

static bool has_styles(const char *dir) {
    char *f = g_build_filename(dir, "styles", "default.yaml", NULL);
    bool ok = g_file_test(f, G_FILE_TEST_IS_REGULAR);
    g_free(f);
    return ok;
}

char *jm_cli_data_dir(void) {
    const char *env = g_getenv("JOURNEYMAP_DATADIR");
    if (env && *env) return g_strdup(env);
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe) {
        char *bin = g_path_get_dirname(exe);
        char *up = g_path_get_dirname(bin);
        g_free(exe);
        g_free(bin);
        if (has_styles(up)) return up;               /* a build tree: build/journeymap */
        char *share = g_build_filename(up, "share", "journeymap", NULL);
        g_free(up);
        if (has_styles(share)) return share;         /* installed: PREFIX/bin -> PREFIX/share */
        g_free(share);
    }
    return g_strdup(JM_DATADIR);
}

/* ISO 216 and North American sizes, in pt (1/72 in). */
static const struct { const char *name; double w, h; } pages[] = {
    { "A2", 1190.55, 1683.78 }, { "A3", 841.89, 1190.55 }, { "A4", 595.28, 841.89 },
    { "A5", 419.53, 595.28 },   { "Letter", 612, 792 },    { "Legal", 612, 1008 },
    { "Tabloid", 792, 1224 },
};

bool jm_cli_page_size(const char *name, double *w, double *h) {
    const char *dash = strchr(name, '-');
    size_t n = dash ? (size_t)(dash - name) : strlen(name);
    bool landscape = false;
    if (dash) {
        if (g_ascii_strcasecmp(dash + 1, "landscape") == 0) landscape = true;
        else if (g_ascii_strcasecmp(dash + 1, "portrait") != 0) return false;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(pages); i++) {
        if (strlen(pages[i].name) == n && g_ascii_strncasecmp(pages[i].name, name, n) == 0) {
            *w = landscape ? pages[i].h : pages[i].w;
            *h = landscape ? pages[i].w : pages[i].h;
            return true;
        }
    }
    return false;
}

const char *jm_cli_page_names(void) { return "A2, A3, A4, A5, Letter, Legal, Tabloid (add -landscape to turn)"; }

/* Slides are 1080 px tall at scale 1 (2160 at --scale 2). */
static const struct { const char *ratio; double w, h; } slides[] = { { "16:9", 1920, 1080 }, { "4:3", 1440, 1080 } };

bool jm_cli_slide_size(const char *ratio, double *w, double *h) {
    for (size_t i = 0; i < G_N_ELEMENTS(slides); i++) {
        if (strcmp(slides[i].ratio, ratio) == 0) {
            *w = slides[i].w;
            *h = slides[i].h;
            return true;
        }
    }
    return false;
}

const char *jm_cli_slide_names(void) { return "16:9 (1920x1080), 4:3 (1440x1080)"; }

int jm_cli_usage_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "journeymap: error: %s\nTry 'journeymap --help'.\n", msg);
    g_free(msg);
    return 2;
}

char *jm_cli_view_path(const char *path, const char *view) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base) return g_strdup_printf("%s-%s", path, view);
    return g_strdup_printf("%.*s-%s%s", (int)(dot - path), path, view, dot);
}
