/* funnel.h - the funnel view: stages left to right as connected chevrons with counts, notes,
 * durations and needs, and the stage's item cards stacked in its column. */
#ifndef JM_FUNNEL_H
#define JM_FUNNEL_H
#include "style.h"
#include "view.h"

/* The `funnel:` section of a style. Colours and fonts for text outside the chevrons and
 * cards (title, subtitle) and the gap-stage greys come from the common section. */
typedef struct {
    /* columns */
    double column_width;        /* pt, natural width of a stage column */
    double max_column_width;    /* pt, a column grows to fit its longest word up to this */
    double min_column_width;    /* pt, narrowest column at a fixed canvas width; below it the
                                 * stages wrap onto several rows */
    double max_width;           /* pt, natural size: a wider row of stages wraps onto balanced
                                 * rows (0: one row however long) */
    double column_gap;          /* pt, gutter between card columns */
    double band_gap;            /* pt, between rows of stages when they wrap */
    /* header */
    double title_gap;           /* pt, title to subtitle */
    double header_gap;          /* pt, title block to the chevron row */
    double subtitle_max_width;  /* pt, longest subtitle line (0: the content width) */
    /* chevrons */
    double chevron_point;       /* pt, depth of the point (and of the next stage's notch) */
    double chevron_gap;         /* pt, horizontal gap between nested chevrons */
    double stage_padding;       /* pt, inside a chevron, around its text */
    double stage_text_gap;      /* pt, between name, count and note */
    jm_color stage_fill, stage_stroke;
    double stage_stroke_width;  /* pt */
    jm_color name_color, count_color, unit_color, note_color;
    jm_font name_font, count_font, unit_font, note_font;
    const char *count_group;    /* thousands separator in counts ("12,000"); "" for none */
    /* below the chevrons */
    double row_gap;             /* pt, chevrons to duration chips to needs to cards */
    jm_color chip_fill, chip_stroke, chip_text;
    double chip_stroke_width;   /* pt */
    double chip_padding_x, chip_padding_y;  /* pt */
    jm_font chip_font;
    jm_color need_color;
    jm_font need_font;
    /* cards */
    jm_color card_fill, card_stroke;
    double card_stroke_width;   /* pt */
    double card_radius;         /* pt */
    double card_padding;        /* pt, >= 8 */
    double card_gap;            /* pt, between stacked cards */
    double card_text_gap;       /* pt, between title, who and text */
    jm_color card_title_color, card_who_color, card_text_color;
    jm_font card_title_font, card_who_font, card_text_font;
    jm_color gap_card_fill;     /* cards under a gap stage (stroke, dash, text: common gap_*) */
} jm_funnel_style;

extern const jm_style_schema jm_funnel_style_schema;

/* A row of stage chevrons laid out by another view (the map) over its own columns: stages
 * [first, first + n), stage first + i over the column [x0 + i * (col_w + col_gap), + col_w].
 *
 *     x0        col_w     col_gap
 *     |<------------->|<->|<------------->|
 *     ________________  ___________________
 *     | Awareness      \ \  Evaluation     \    the first flat, the others notched; each
 *     |  3 journeys    / /   4 journeys     /    point reaches *overhang past its column
 *     ----------------  -------------------
 *       ( 1-3 months )     ( 4-8 weeks )         details: duration chips, then needs
 *         Education            Proof
 */
typedef struct {
    size_t first, n;            /* the stages drawn */
    double x0;                  /* pt, left edge of the first column */
    double col_w, col_gap;      /* pt */
    bool details;               /* duration chips and needs under the chevrons */
    bool flush;                 /* the last point ends on the last column's right edge */
} jm_stage_row;

/* Lays the row out in the funnel's style with its top at y: type and chevron depth shrink for
 * columns narrower than the funnel's column-width; every chevron is as tall as the tallest of
 * all the journey's stages, so rows cut for several pages match. Returns the bottom, pt;
 * *overhang (may be NULL) gets how far a point reaches past its column's right edge, pt (the
 * last one's too unless `flush`).
 * With n == 0 it only measures *overhang, and `s` may be NULL. */
double jm_funnel_stage_row(const jm_layout_ctx *ctx, jm_scene *s, const jm_stage_row *row, double y,
                           double *overhang);
/* One item card of stage `st` in the funnel's style, `w` wide, its top-left at (x, y), contained
 * in scene item `container` (-1: none); type shrinks as in a stage row of columns `w` wide.
 * Returns its height, pt. The map's lane of cards draws the funnel's cards with it. */
double jm_funnel_card(const jm_layout_ctx *ctx, jm_scene *s, const jm_stage *st, const jm_card *cd, double x, double y,
                      double w, int container);
extern const jm_view jm_view_funnel;
#endif
