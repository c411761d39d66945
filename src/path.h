/* path.h - path geometry shared by the scene and the painter: arrow heads, exact extents of
 * lines and curves, and trimming a path's ends so a line stops at the base of a filled head. */
#ifndef JM_PATH_H
#define JM_PATH_H
#include <stdbool.h>
#include <stddef.h>
#include "scene.h"

/* An arrow head at one end of a path, a triangle pointing along the path's direction there:
 *
 *          left
 *           |\
 *   ------base-- tip      tip = the path's end point; base = tip - size * direction;
 *           |/            left/right = base -/+ half-width across the direction
 *          right
 */
typedef struct {
    double tip_x, tip_y;
    double base_x, base_y;
    double left_x, left_y, right_x, right_y;
} jm_arrow;

/* Half-width of a head as a fraction of its length. */
#define JM_ARROW_HALF_WIDTH 0.4

/* The head at the start (at_end false) or the end of ops[0..n), `size` pt long. For a curve the
 * direction is its control-point tangent. False when there is no direction (fewer than two
 * distinct points, or the path ends with CLOSE). */
bool jm_path_head(const jm_path_op *ops, size_t n, bool at_end, double size, jm_arrow *out);

/* What draws a head of a PATH item: its outline in ops[0..n) (up to two sub-paths), filled when
 * `filled`, else stroked `width` pt wide, solid, in the stroke colour (the fill colour when the
 * path has no stroke). FILLED is a solid triangle, OPEN two strokes meeting at the tip, CROSS an
 * X in the head's box (its strokes from each base corner to the tip moved by the other corner's
 * offset):
 *
 *      left \   / tip + n        n = left - base centre
 *            \ /
 *   ----------X                   the line runs to the tip
 *            / \
 *     right /   \ tip - n
 *
 * A half head keeps the barb on one side: HALF_* fills tip, barb corner and base centre (the
 * line stops at the base, as for FILLED); STICK_* is the one stroke from the corner to the tip.
 * False when there is no head to draw. Both writers (the cairo painter, the SVG writer) draw
 * heads from this. */
typedef struct { jm_path_op ops[4]; size_t n; bool filled; double width; } jm_head_shape;
bool jm_path_head_shape(const jm_item *it, jm_head head, bool at_end, jm_head_shape *out);

/* Whether a head of this kind cuts the line at its base: the filled heads. */
bool jm_head_cuts_line(jm_head h);

/* Bounding box of the path's points (curves by their exact extremes), grown by the heads of
 * `it` (a PATH item). Returns false for an empty path. */
bool jm_path_extent(const jm_item *it, double *x0, double *y0, double *x1, double *y1);

/* Copies ops[0..n) into out[0..n) with the first segment shortened by `start` pt and the last
 * by `end` pt (curves are cut where they come within that distance of their end point). A
 * segment shorter than the cut shrinks to a point. */
void jm_path_trim(const jm_path_op *ops, size_t n, double start, double end, jm_path_op *out);
#endif
