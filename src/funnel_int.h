/* funnel_int.h - what the funnel view's files share: the fitted geometry of one layout.
 * Internal to funnel.c and funnel_stage.c; not a public interface. */
#ifndef JM_FUNNEL_INT_H
#define JM_FUNNEL_INT_H
#include "funnel.h"
#include "shapes.h"

/* The geometry of one funnel layout: the style section with fonts and spacings already scaled
 * to the canvas, and the column measures derived from it. */
typedef struct {
    const jm_layout_ctx *ctx;
    const jm_style_common *c;
    jm_funnel_style st;         /* a copy; fonts and gaps scaled when columns are narrow */
    double col_w;               /* pt, width of every stage column */
    size_t per_row;             /* stages per row: all of them, unless a narrow canvas wraps them */
    double col_gap;             /* pt, gutter between columns */
    double point;               /* pt, chevron point and notch depth */
    double chev_gap;            /* pt, between nested chevrons */
    double ext;                 /* pt, how far a chevron reaches past its column on each side */
    double inset;               /* pt, text inset from the column sides inside a chevron */
    double stage_pad, card_pad; /* pt */
    double ls;                  /* pt, extra space between wrapped lines */
} fn_geo;

/* Fills the unscaled geometry from the style. */
void fn_geo_init(fn_geo *g, const jm_layout_ctx *ctx);
/* Derives the spacings that depend on the chevron geometry (ext, inset) from col_gap, point,
 * chev_gap and stage_pad. */
void fn_geo_derive(fn_geo *g);
/* Shrinks fonts and spacings for columns narrower than natural: spacings by k, fonts by the
 * gentler sqrt(k) so that type stays readable, neither below the style's minimum. The title
 * and subtitle span the canvas and keep their size. */
void fn_geo_scale(fn_geo *g, double k);

/* "3", "2.5", "12,000": a stage count as shown, whole numbers of four digits or more grouped
 * in threes with `group` ("": not grouped). In arena `a`. */
const char *fn_count_text(jm_arena *a, double count, const char *group);

/* The measured text of one chevron. */
typedef struct {
    jm_textblock name, count, unit, note;  /* count and unit: placed by their left edge (x - block.x) */
    const char *count_text;
    bool has_count, has_unit, has_note;
    bool pair;                  /* count and unit share one line */
} fn_chevron_text;

/* Where the rows of text sit inside every chevron: one set of rows for all of them, so that
 * names, counts and notes line up from stage to stage. */
typedef struct {
    double name_h;              /* pt, tallest name; names sit on the bottom of this row */
    double count_base;          /* pt, baseline of every count below the count row's top */
    double count_h;             /* pt, tallest count row (count, and unit beside or below) */
    double note_h;              /* pt, tallest note */
    double content_h;           /* pt, the three rows and the gaps between them */
    jm_font name_font, count_font; /* the style's, or smaller so that the widest word fits */
} fn_rows;

/* The text of every chevron, measured once so that all rows share one height. */
typedef struct {
    fn_chevron_text *m;         /* one per stage */
    fn_rows r;
    double h;                   /* pt, height of every chevron */
    double tw;                  /* pt, width of the text area inside a chevron */
} fn_chevrons;

/* Measures the text of every stage's chevron for columns g->col_w wide. */
fn_chevrons fn_measure_all(const fn_geo *g);

/* One row of stages, [from, to), its first column's left edge at x0. A narrow fixed-width
 * canvas, or max-width, wraps the stages onto several rows; otherwise there is one. `flush`: the
 * last chevron's point ends on its column's right edge (the map's one right edge) instead of ext
 * past it. */
typedef struct { size_t from, to; double x0; bool flush; } fn_band;

/* The left edge of stage i's column in band b. */
double fn_col_x(const fn_geo *g, const fn_band *b, size_t i);

/* The head of one row of stages: chevrons with their top at y, the transitions, then (with
 * `details`) the duration chips and the needs. Returns the bottom, pt. */
double fn_layout_head(const fn_geo *g, jm_scene *s, const fn_chevrons *cv, const fn_band *bd, double y,
                      bool details);

/* One item card of stage st with its top at y in the column at cx; returns its height, pt.
 * With s NULL it only measures. */
double fn_layout_card(const fn_geo *g, jm_scene *s, const jm_stage *st, const jm_card *cd, double cx, double y);

/* Whether a card has anything to show (a title, who or text). */
bool fn_card_shown(const jm_card *cd);

/* The funnel on pages page_h pt tall (funnel_pages.c): `first` is the first page, its title
 * already laid out down to y; the rows of stages from y, a row starting a new page when its
 * chevrons and first cards do not fit, cards continuing on further pages under the row's
 * chevrons. Adds `first` and every further page to `doc`. */
void fn_layout_pages(const fn_geo *g, jm_doc *doc, jm_scene *first, double x0, double y, double page_h);

/* Lays out the chevron row with its top at y and the band's left edge at x0, then the chips,
 * needs and cards below it. Returns the bottom of the lowest item, pt. */
double fn_layout_stages(const fn_geo *g, jm_scene *s, double x0, double y);
#endif
