/* curve.h - monotone cubic interpolation (Fritsch-Carlson) as cubic Bezier segments, and the
 * Bezier helpers the emotion curve needs: evaluate, split, find where y crosses a level. Pure math. */
#ifndef JM_CURVE_H
#define JM_CURVE_H
#include <stddef.h>

/* One cubic Bezier segment: start (x0,y0), controls (x1,y1) (x2,y2), end (x3,y3). Units are the
 * caller's (pt in layout code). */
typedef struct { double x0, y0, x1, y1, x2, y2, x3, y3; } jm_bezier;

/* Fritsch-Carlson tangents (dy/dx) at n points with strictly increasing x: zero at local extrema
 * and on flat intervals, and limited so that every interval's Hermite cubic is monotone.
 * `m` has room for n values. */
void jm_curve_tangents(const double *x, const double *y, size_t n, double *m);

/* The monotone interpolant through n points as n - 1 Bezier segments written to `seg` (room for
 * n - 1). Each segment's controls sit at a third of its width, so x grows linearly with t and
 * y(t) is the Hermite cubic; the tangent limits keep both control points' y between the
 * segment's end values, so (by the convex hull) no segment leaves that range: no overshoot.
 * Returns the number of segments (0 when n < 2). */
size_t jm_curve_monotone(const double *x, const double *y, size_t n, jm_bezier *seg);

/* The point at parameter t in [0, 1]. */
void jm_bezier_point(const jm_bezier *b, double t, double *x, double *y);

/* De Casteljau split at t: `left` covers [0, t], `right` [t, 1]; either may be NULL. */
void jm_bezier_split(const jm_bezier *b, double t, jm_bezier *left, jm_bezier *right);

/* Parameters t in (0, 1), increasing, where y(t) crosses `level` (changes side; a touch is not
 * a crossing). Returns how many (at most 3). */
size_t jm_bezier_cross_y(const jm_bezier *b, double level, double t[3]);
#endif
