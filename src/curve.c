/* curve.c - monotone cubic interpolation (Fritsch-Carlson 1980) emitted as Bezier segments,
 * with evaluation, de Casteljau splitting and level crossings. No style, no scene: pure math. */
#include "curve.h"
#include <math.h>
#include <glib.h>

/* Fritsch-Carlson, step by step (d = secant slopes, m = tangents):
 *   1. m at an interior point is the mean of the two secants, 0 when they differ in sign
 *      (a local extremum: the curve is flat there); the end points take their one secant.
 *   2. On a flat interval (d == 0) both end tangents become 0.
 *   3. With a = m[k]/d[k], b = m[k+1]/d[k], the interval's cubic is monotone when
 *      a^2 + b^2 <= 9; past that circle both are scaled by 3/sqrt(a^2 + b^2). Scaling only
 *      shrinks tangents, so the intervals already treated stay monotone. */
void jm_curve_tangents(const double *x, const double *y, size_t n, double *m) {
    if (n == 0) return;
    if (n == 1) { m[0] = 0; return; }
    for (size_t k = 0; k < n; k++) {
        double dl = k > 0 ? (y[k] - y[k - 1]) / (x[k] - x[k - 1]) : 0;
        double dr = k + 1 < n ? (y[k + 1] - y[k]) / (x[k + 1] - x[k]) : 0;
        if (k == 0) m[k] = dr;
        else if (k + 1 == n) m[k] = dl;
        else m[k] = dl * dr <= 0 ? 0 : (dl + dr) / 2;
    }
    for (size_t k = 0; k + 1 < n; k++) {
        double d = (y[k + 1] - y[k]) / (x[k + 1] - x[k]);
        if (d == 0) { m[k] = m[k + 1] = 0; continue; }
        double a = m[k] / d, b = m[k + 1] / d;
        if (a < 0) { m[k] = 0; a = 0; }          /* cannot happen after step 1; kept for safety */
        if (b < 0) { m[k + 1] = 0; b = 0; }
        double s = a * a + b * b;
        if (s > 9) {
            double tau = 3 / sqrt(s);
            m[k] = tau * a * d;
            m[k + 1] = tau * b * d;
        }
    }
}

static double clamp(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

/* The Hermite cubic on [x0, x1] with end tangents m0, m1 as a Bezier:
 *
 *   (x0,y0) ---- (x0 + h/3, y0 + m0 h/3) ---- (x1 - h/3, y1 - m1 h/3) ---- (x1,y1),  h = x1 - x0
 *
 * |m| <= 3|d| (implied by the circle) keeps each control's y between y0 and y1; the clamp only
 * removes rounding error. */
size_t jm_curve_monotone(const double *x, const double *y, size_t n, jm_bezier *seg) {
    if (n < 2) return 0;
    double *m = g_new(double, n);   /* GLib's allocator, as everywhere: no abort() of our own */
    jm_curve_tangents(x, y, n, m);
    for (size_t k = 0; k + 1 < n; k++) {
        double h = x[k + 1] - x[k];
        double lo = fmin(y[k], y[k + 1]), hi = fmax(y[k], y[k + 1]);
        seg[k] = (jm_bezier){
            .x0 = x[k], .y0 = y[k],
            .x1 = x[k] + h / 3, .y1 = clamp(y[k] + m[k] * h / 3, lo, hi),
            .x2 = x[k + 1] - h / 3, .y2 = clamp(y[k + 1] - m[k + 1] * h / 3, lo, hi),
            .x3 = x[k + 1], .y3 = y[k + 1],
        };
    }
    g_free(m);
    return n - 1;
}

static double cubic(double a, double b, double c, double d, double t) {
    double u = 1 - t;
    return u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
}

void jm_bezier_point(const jm_bezier *b, double t, double *x, double *y) {
    if (x) *x = cubic(b->x0, b->x1, b->x2, b->x3, t);
    if (y) *y = cubic(b->y0, b->y1, b->y2, b->y3, t);
}

static double lerp(double a, double b, double t) { return a + (b - a) * t; }

/* De Casteljau: the three rounds of interpolation between the control points give the new
 * controls of both halves.
 *
 *   P0 ---- P01 ---- P1 ---- P12 ---- P2 ---- P23 ---- P3
 *             P012 ------------- P123
 *                       P0123 (the split point)
 */
void jm_bezier_split(const jm_bezier *b, double t, jm_bezier *left, jm_bezier *right) {
    double x01 = lerp(b->x0, b->x1, t), y01 = lerp(b->y0, b->y1, t);
    double x12 = lerp(b->x1, b->x2, t), y12 = lerp(b->y1, b->y2, t);
    double x23 = lerp(b->x2, b->x3, t), y23 = lerp(b->y2, b->y3, t);
    double x012 = lerp(x01, x12, t), y012 = lerp(y01, y12, t);
    double x123 = lerp(x12, x23, t), y123 = lerp(y12, y23, t);
    double xm = lerp(x012, x123, t), ym = lerp(y012, y123, t);
    jm_bezier l = { b->x0, b->y0, x01, y01, x012, y012, xm, ym };
    jm_bezier r = { xm, ym, x123, y123, x23, y23, b->x3, b->y3 };
    if (left) *left = l;
    if (right) *right = r;
}

/* A cubic has at most two turning points, so 64 samples bracket each sign change of
 * y(t) - level; bisection then narrows each bracket to machine precision. */
size_t jm_bezier_cross_y(const jm_bezier *b, double level, double t[3]) {
    enum { SAMPLES = 64 };
    size_t n = 0;
    double last_t = 0, last_f = b->y0 - level;
    for (int i = 1; i <= SAMPLES && n < 3; i++) {
        double ti = (double)i / SAMPLES;
        double fi = cubic(b->y0, b->y1, b->y2, b->y3, ti) - level;
        if (fi == 0) continue;                     /* on the level: decide at the next sample */
        if (last_f == 0) { last_f = fi; last_t = ti; continue; }   /* started on the level */
        if ((fi < 0) != (last_f < 0)) {
            double lo = last_t, hi = ti, flo = last_f;
            for (int k = 0; k < 80 && hi - lo > 1e-15; k++) {
                double mid = (lo + hi) / 2;
                double fm = cubic(b->y0, b->y1, b->y2, b->y3, mid) - level;
                if (fm == 0) { lo = hi = mid; break; }
                if ((fm < 0) == (flo < 0)) { lo = mid; flo = fm; } else hi = mid;
            }
            double r = (lo + hi) / 2;
            if (r > 0 && r < 1) t[n++] = r;
        }
        last_f = fi; last_t = ti;
    }
    return n;
}
