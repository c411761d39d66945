/* cli.c - data folder discovery, named page sizes and --view all file names for main.c.
 * No state: every function computes its answer from its arguments and the environment. */
#include "cli.h"
#include "datadir.h"
#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *jm_cli_data_dir(void) {
    char *why = NULL;
    char *dir = jm_data_dir_find(&why);
    if (dir) return dir;
    g_free(why);
    return g_strdup("/nonexistent/journeymap");   /* the font loader then says what is missing */
}

/* ISO 216 A and B series and North American sizes, in pt (1/72 in; 1 mm = 72 / 25.4 pt),
 * smallest first within a series so that --fit can name the smallest that works. */
static const jm_paper papers[] = {
    { "A5", 419.53, 595.28 },    { "A4", 595.28, 841.89 },   { "A3", 841.89, 1190.55 },
    { "A2", 1190.55, 1683.78 },  { "A1", 1683.78, 2383.94 }, { "A0", 2383.94, 3370.39 },
    { "B5", 498.90, 708.66 },    { "B4", 708.66, 1000.63 },  { "B3", 1000.63, 1417.32 },
    { "B2", 1417.32, 2004.09 },  { "B1", 2004.09, 2834.65 }, { "B0", 2834.65, 4008.19 },
    { "Letter", 612, 792 },      { "Legal", 612, 1008 },     { "Tabloid", 792, 1224 },
};

const jm_paper *jm_cli_papers(size_t *n) {
    *n = G_N_ELEMENTS(papers);
    return papers;
}

/* A length with its unit, "600mm", "42cm", "7.5in", "800pt" (any case), in pt; false if not. */
static bool parse_length(const char *s, double *pt) {
    static const struct { const char *unit; double pt; } units[] = {
        { "mm", 72.0 / 25.4 }, { "cm", 72.0 / 2.54 }, { "in", 72.0 }, { "pt", 1.0 },
    };
    size_t i = 0;
    bool digits = false;
    while (g_ascii_isdigit(s[i])) { i++; digits = true; }
    if (s[i] == '.') for (i++; g_ascii_isdigit(s[i]); i++) digits = true;
    if (!digits) return false;
    for (size_t k = 0; k < G_N_ELEMENTS(units); k++)
        if (g_ascii_strcasecmp(s + i, units[k].unit) == 0) {
            *pt = g_ascii_strtod(s, NULL) * units[k].pt;
            return true;
        }
    return false;
}

/* The unit at the end of a length ("mm" of "400mm"), or "" when it has none. */
static const char *unit_of(const char *s) {
    while (g_ascii_isdigit(*s) || *s == '.') s++;
    return s;
}

/* "600x400mm" (the height's unit for both) or "24inx36in" (each its own) -> pt. False when
 * it is not of that form; true with *why set when a side is out of range. */
static bool parse_custom(const char *spec, double *w, double *h, char **why) {
    for (const char *x = spec; *x; x++) {
        if (*x != 'x' && *x != 'X') continue;
        if (!parse_length(x + 1, h)) continue;
        char *left = g_strndup(spec, (size_t)(x - spec));
        if (!*unit_of(left)) {   /* a bare width takes the height's unit */
            char *with = g_strconcat(left, unit_of(x + 1), NULL);
            g_free(left);
            left = with;
        }
        bool ok = parse_length(left, w);
        g_free(left);
        if (!ok) continue;
        if (*w < JM_PAGE_MIN || *h < JM_PAGE_MIN || *w > JM_PAGE_MAX || *h > JM_PAGE_MAX)
            *why = g_strdup_printf("page size '%s': each side must be from 1 in (25.4 mm, %d pt) to 200 in "
                                   "(5080 mm, %d pt, the largest PDF page)", spec, JM_PAGE_MIN, JM_PAGE_MAX);
        return true;
    }
    return false;
}

bool jm_cli_page_size(const char *name, double *w, double *h, char **why) {
    *why = NULL;
    if (g_ascii_isdigit(name[0])) {
        if (parse_custom(name, w, h, why)) return *why == NULL;
        *why = g_strdup_printf("page size '%s' is not WIDTHxHEIGHT with a unit (mm, cm, in or pt), as in 600x400mm "
                               "or 24x36in", name);
        return false;
    }
    const char *dash = strchr(name, '-');
    size_t n = dash ? (size_t)(dash - name) : strlen(name);
    bool landscape = false;
    if (dash) {
        if (g_ascii_strcasecmp(dash + 1, "landscape") == 0) landscape = true;
        else if (g_ascii_strcasecmp(dash + 1, "portrait") != 0) {
            *why = g_strdup_printf("page size '%s': after the name comes -landscape or -portrait", name);
            return false;
        }
    }
    for (size_t i = 0; i < G_N_ELEMENTS(papers); i++) {
        if (strlen(papers[i].name) == n && g_ascii_strncasecmp(papers[i].name, name, n) == 0) {
            *w = landscape ? papers[i].h : papers[i].w;
            *h = landscape ? papers[i].w : papers[i].h;
            return true;
        }
    }
    *why = g_strdup_printf("unknown page size '%s' (known: %s, or WIDTHxHEIGHT with mm, cm, in or pt)", name,
                           jm_cli_page_names());
    return false;
}

const char *jm_cli_page_names(void) {
    return "A0..A5, B0..B5, Letter, Legal, Tabloid (add -landscape to turn)";
}

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

char *jm_cli_view_path(const char *path, const char *view) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base) return g_strdup_printf("%s-%s", path, view);
    return g_strdup_printf("%.*s-%s%s", (int)(dot - path), path, view, dot);
}
