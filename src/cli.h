/* cli.h - what the command line needs besides option parsing: where the bundled fonts and
 * styles are, named page sizes, and the file names of --view all outputs. */
#ifndef JM_CLI_H
#define JM_CLI_H
#include <stdbool.h>
#include <stddef.h>

/* The folder holding fonts/ and styles/, as datadir.h finds it (no path is compiled in); when
 * none is found, a folder that does not exist, so that loading the fonts says what is missing.
 * Returns a newly allocated string (g_free). */
char *jm_cli_data_dir(void);

/* A named paper size, portrait, in pt. */
typedef struct { const char *name; double w, h; } jm_paper;

/* Custom page sides are at least 1 in and at most 200 in (the largest page PDF allows), pt. */
#define JM_PAGE_MIN 72
#define JM_PAGE_MAX 14400

/* The named sizes: A5..A0, B5..B0 (each series smallest first), Letter, Legal, Tabloid. */
const jm_paper *jm_cli_papers(size_t *n);

/* Parses a page size into pt: a name ("A4", "a3-landscape", "B2", "Letter"), or a custom
 * WIDTHxHEIGHT with a unit: "600x400mm", "24x36in", "42x59.4cm", "800x600pt" (one unit after
 * the height is both sides'; "24inx36in" gives each its own). False with *why (g_free) saying
 * what is wrong: an unknown name, no unit, a side under 1 in or over 200 in. */
bool jm_cli_page_size(const char *name, double *w, double *h, char **why);

/* The names --page accepts, for messages: "A0..A5, B0..B5, Letter, Legal, Tabloid". */
const char *jm_cli_page_names(void);

/* "16:9" -> 1920 x 1080, "4:3" -> 1440 x 1080: a slide's canvas in px at scale 1. False if
 * unknown. */
bool jm_cli_slide_size(const char *ratio, double *w, double *h);

/* The ratios --slide accepts, for messages. */
const char *jm_cli_slide_names(void);

/* Prints "journeymap: error: MESSAGE" and a pointer to --help on stderr; returns 2 (bad usage).
 * In usage.c: the program's, not the library's. */
int jm_cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "out/map.png" + "funnel" -> "out/map-funnel.png" (newly allocated). */
char *jm_cli_view_path(const char *path, const char *view);
#endif
