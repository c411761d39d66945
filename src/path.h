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

/* Bounding box of the path's points (curves by their exact extremes), grown by the heads of
 * `it` (a PATH item). Returns false for an empty path. */
bool jm_path_extent(const jm_item *it, double *x0, double *y0, double *x1, double *y1);

/* Copies ops[0..n) into out[0..n) with the first segment shortened by `start` pt and the last
 * by `end` pt (curves are cut where they come within that distance of their end point). A
 * segment shorter than the cut shrinks to a point. */
void jm_path_trim(const jm_path_op *ops, size_t n, double start, double end, jm_path_op *out);
#endif
