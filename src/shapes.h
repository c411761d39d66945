/* shapes.h - shared layout helpers for every view: measured text placed in one call, paints,
 * chevrons and rounded boxes, grid snapping. Pure layout: they append to a scene, never draw. */
#ifndef JM_SHAPES_H
#define JM_SHAPES_H
#include "scene.h"
#include "text.h"

/* Paints. */
jm_paint jm_paint_fill(jm_color fill);
jm_paint jm_paint_stroke(jm_color stroke, double width);
jm_paint jm_paint_both(jm_color fill, jm_color stroke, double width);
jm_paint jm_paint_dashed(jm_paint p, jm_dash dash);

/* Text placed in one call: measures `text` in `font` wrapped to `wrap` pt (<= 0: no wrap),
 * appends it with its layout origin at (x, y) and returns the item index; *h (may be NULL) gets
 * the block height. With JM_ALIGN_CENTER / RIGHT and wrap > 0, lines align inside [x, x + wrap]
 * and the item's box is where the lines are. */
int jm_shape_text(jm_scene *s, jm_text *t, const char *role, double x, double y, const char *text,
                  const jm_font *font, jm_color color, double wrap, jm_align align,
                  double line_spacing, int container, double *h);

/* Measures without appending. */
jm_textblock jm_shape_measure(jm_scene *s, jm_text *t, const char *text, const jm_font *font,
                              double wrap, double line_spacing);

/* A chevron pointing right, in the box (x, y, w, h): `notch` (pt) is the depth of the notch cut
 * into the left side (0: flat left edge), `point` (pt) the depth of the right point (0: flat).
 *
 *     (x,y)_____________ (x+w-point, y)
 *          \             \
 *   notch-> >             > <- point at (x+w, y+h/2)
 *          /_____________/
 *
 * Writes 7 ops into `ops` (caller provides room for 8) and returns the count. */
size_t jm_shape_chevron(jm_path_op *ops, double x, double y, double w, double h, double notch, double point);

/* Rounds v up to the next multiple of grid (grid <= 0: v). */
double jm_snap(double v, double grid);
#endif
