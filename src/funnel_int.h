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

/* Lays out the chevron row with its top at y and the band's left edge at x0, then the chips,
 * needs and cards below it. Returns the bottom of the lowest item, pt. */
double fn_layout_stages(const fn_geo *g, jm_scene *s, double x0, double y);
#endif
