/* style.h - styles: every colour, font, size and spacing the views use, loaded from styles/NAME.yaml.
 * Each view owns a typed section struct and a schema; the loader checks files against all schemas. */
#ifndef JM_STYLE_H
#define JM_STYLE_H
#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "diag.h"

typedef struct { double r, g, b, a; } jm_color;    /* 0..1, not premultiplied; a == 0 is "none" */

/* A font as a Pango description string ("Inter, Noto Color Emoji Bold 16"); size in pt
 * (= px at scale 1). */
typedef struct { const char *desc; double size; } jm_font;

/* A stroke dash pattern; n == 0 is solid. */
typedef struct { double v[4]; int n; } jm_dash;

typedef enum { JM_SV_COLOR, JM_SV_NUMBER, JM_SV_FONT, JM_SV_DASH, JM_SV_BOOL, JM_SV_TEXT } jm_style_type;

/* One key of a section: `name` in the file (kebab-case), its type, where it goes in the struct. */
typedef struct { const char *name; jm_style_type type; size_t offset; const char *doc; } jm_style_field;

typedef struct {
    const char *section;            /* "common", "funnel", "sequence", ... */
    const jm_style_field *fields; size_t n_fields;
    size_t struct_size;
} jm_style_schema;

/* The shared section every view may use: canvas, type scale, neutral colours, spacing grid.
 * Its keys are the design tokens: a view's keys derive from them in styles/default.yaml
 * (style_expr.h), so a style that sets a few tokens restyles every view. */
typedef struct {
    jm_color background;            /* canvas */
    jm_color surface, surface_alt;  /* cards and boxes; cells, bands and lane labels */
    jm_color border;                /* hairlines around cards */
    const char *font_family, *heading_font_family;   /* Pango family lists */
    double font_size;               /* body text, pt; derived fonts scale with it */
    jm_color text, text_muted, text_inverse;
    jm_color accent, accent_soft;   /* the journey's own elements */
    jm_color accent_text;           /* the accent as text on accent-soft */
    jm_color line, grid;            /* structure */
    jm_color positive, negative;    /* emotion colours */
    jm_color gap_fill, gap_stroke, gap_text;
    jm_dash gap_dash;
    jm_font title_font, subtitle_font, header_font, label_font, body_font, small_font, quote_font;
    double margin;                  /* around the canvas, pt */
    double grid_unit;               /* 4 */
    double padding;                 /* inside boxes, >= 8 */
    double gap;                     /* between siblings */
    double radius;                  /* corner radius */
    double stroke_width;            /* default line width */
    double line_spacing;            /* extra space between wrapped lines, pt */
    /* The floors: no text smaller on the target (the layout reflows or continues on another
     * page first; --check-layout reports what is left). Tags and axis ticks may go to the
     * smaller paper floor. */
    double min_font_px;             /* on screen, px at scale 1 */
    double slide_min_font_px;       /* on a slide, px at 1920x1080 (1440x1080 for 4:3) */
    double paper_min_font_pt;       /* on paper, pt */
    double paper_min_tag_pt;        /* tags and axis ticks on paper, pt */
} jm_style_common;

typedef struct jm_style jm_style;

/* The schemas of every section, in a fixed order (defined in style_schemas.c). */
extern const jm_style_schema *const jm_style_schemas[];
extern const size_t jm_style_n_schemas;
extern const jm_style_schema jm_style_common_schema;

/* Loads a style by name (a file NAME.yaml in `styles_dir`) or by path (contains '/' or ends in
 * .yaml). A style file must be a regular file of at most 1 MiB (checked before reading). A style file may say `extends: NAME`; a file without it extends "default"; default.yaml
 * itself must set every key. Unknown sections or keys, wrong types and missing keys are errors at
 * their position. Returns NULL after adding diagnostics. Allocated in `a`. */
const jm_style *jm_style_load(jm_arena *a, const char *name_or_path, const char *styles_dir, jm_diags *d);

/* The style a journey file names (its `style` key, written at from_file:from_pos): a built-in
 * style, or a style file inside `folder` (the journey's folder, canonical) after resolving links,
 * and so every file its extends chain names. A file outside is refused before it is opened, so
 * its content is never read or shown. Otherwise as jm_style_load. */
const jm_style *jm_style_load_confined(jm_arena *a, const char *name_or_path, const char *styles_dir,
                                       const char *folder, const char *from_file, jm_pos from_pos, jm_diags *d);

/* Built-in styles (a NAME, never a path) loaded once for a thread that draws many files (a batch
 * worker): each is loaded into the cache's own arena the first time, and the same style is handed
 * out after. A path is never cached (a file may change, and a journey's is confined); neither is a
 * style whose load said anything (it is loaded again each time, with its diagnostics, as
 * jm_style_load does). One cache may serve many threads (it locks while it loads). */
typedef struct jm_style_cache jm_style_cache;
jm_style_cache *jm_style_cache_new(void);
void jm_style_cache_free(jm_style_cache *c);     /* NULL is fine */

/* jm_style_load through the cache `c` (NULL: no cache) for a built-in NAME; other names as
 * jm_style_load into `a`. jm_style_is_builtin_name: a NAME, not a path ('/' or .yaml). */
const jm_style *jm_style_load_cached(jm_style_cache *c, jm_arena *a, const char *name, const char *styles_dir,
                                     jm_diags *d);
bool jm_style_is_builtin_name(const char *name);

/* Fills `out` (a section struct of schema->struct_size bytes) from the loaded style. */
void jm_style_fill(const jm_style *s, const jm_style_schema *schema, void *out);

/* The common section, already filled. */
const jm_style_common *jm_style_get_common(const jm_style *s);
const char *jm_style_name(const jm_style *s);

/* Colour helpers for layout code. */
jm_color jm_color_rgba(unsigned rgba);      /* 0xRRGGBBAA */
bool jm_color_parse(const char *s, jm_color *out);   /* "#rgb", "#rrggbb", "#rrggbbaa", "none", "transparent" */
/* `top` painted over the opaque `under`: the opaque colour that shows. */
jm_color jm_color_over(jm_color top, jm_color under);
/* WCAG 2 contrast ratio of two opaque colours, 1 .. 21. */
double jm_color_contrast(jm_color a, jm_color b);
/* `want` when it keeps 4.5:1 on the opaque `bg`, else black or white, whichever contrasts more. */
jm_color jm_color_readable(jm_color want, jm_color bg);
/* A style file's `font-files:` (the brand's own fonts, paths relative to the style file), as
 * absolute paths, NULL-terminated (g_strfreev). Each must be a font file fontconfig can load: an
 * error at its entry sets *ok false. The text service takes them (jm_text_new) before the style
 * itself is loaded. */
char **jm_style_font_files(const char *path, jm_diags *d, bool *ok);
#endif
