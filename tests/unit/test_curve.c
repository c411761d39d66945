/* test_curve.c - the monotone interpolation never overshoots, passes through every point and is
 * monotone on monotone data (checked on many random inputs); Bezier split and level crossings. */
#include "check.h"
#include "curve.h"
#include <stdlib.h>

enum { MAXN = 64, DENSE = 400 };

/* A small deterministic generator, so failures repeat. */
static unsigned long long rng_state = 0x9E3779B97F4A7C15ull;
static double rnd(void) {
    rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17;
    return (double)(rng_state >> 11) / (double)(1ull << 53);
}

/* Random points: strictly increasing x with uneven gaps; y from -2 to 2, sometimes on the
 * half-point grid (ties and plateaus, as in real scores), sometimes continuous. */
static size_t random_points(double *x, double *y, int mode) {
    size_t n = 2 + (size_t)(rnd() * (MAXN - 2));
    double px = rnd() * 100;
    for (size_t i = 0; i < n; i++) {
        px += 0.5 + rnd() * (mode == 2 ? 300 : 40);
        x[i] = px;
        y[i] = mode == 0 ? (double)(int)(rnd() * 9) / 2 - 2 : rnd() * 4 - 2;
    }
    return n;
}

static int check_segments(const double *x, const double *y, size_t n, const jm_bezier *seg) {
    int bad = 0;
    for (size_t k = 0; k + 1 < n; k++) {
        const jm_bezier *b = &seg[k];
        if (b->x0 != x[k] || b->y0 != y[k] || b->x3 != x[k + 1] || b->y3 != y[k + 1]) bad++;
        double lo = fmin(y[k], y[k + 1]) - 1e-9, hi = fmax(y[k], y[k + 1]) + 1e-9;
        double prev_x = b->x0;
        for (int i = 0; i <= DENSE; i++) {
            double px, py;
            jm_bezier_point(b, (double)i / DENSE, &px, &py);
            if (py < lo || py > hi) bad++;           /* overshoot */
            if (px < prev_x - 1e-9) bad++;           /* x must not run backwards */
            prev_x = px;
        }
    }
    return bad;
}

static void test_random_never_overshoots(void) {
    double x[MAXN], y[MAXN];
    jm_bezier seg[MAXN];
    int bad = 0, runs = 0;
    for (int mode = 0; mode < 3; mode++)
        for (int r = 0; r < 1500; r++) {
            size_t n = random_points(x, y, mode);
            size_t ns = jm_curve_monotone(x, y, n, seg);
            if (ns != n - 1) bad++;
            bad += check_segments(x, y, n, seg);
            runs++;
        }
    CHECK(bad == 0, "%d samples out of range or off their points in %d random curves", bad, runs);
}

static void test_monotone_data_gives_monotone_curve(void) {
    double x[MAXN], y[MAXN];
    jm_bezier seg[MAXN];
    int bad = 0;
    for (int r = 0; r < 1000; r++) {
        size_t n = random_points(x, y, r % 3);
        /* sort y ascending (or descending on odd runs), keeping some ties */
        for (size_t i = 1; i < n; i++)
            for (size_t j = i; j > 0 && y[j] < y[j - 1]; j--) { double t = y[j]; y[j] = y[j - 1]; y[j - 1] = t; }
        if (r & 1) for (size_t i = 0; i < n / 2; i++) { double t = y[i]; y[i] = y[n - 1 - i]; y[n - 1 - i] = t; }
        jm_curve_monotone(x, y, n, seg);
        double prev = y[0];
        for (size_t k = 0; k + 1 < n; k++)
            for (int i = 1; i <= DENSE; i++) {
                double py;
                jm_bezier_point(&seg[k], (double)i / DENSE, NULL, &py);
                if ((r & 1) ? py > prev + 1e-9 : py < prev - 1e-9) bad++;
                prev = py;
            }
    }
    CHECK(bad == 0, "%d non-monotone samples on monotone data", bad);
}

static void test_extrema_and_plateaus_are_flat(void) {
    double x[] = { 0, 10, 20, 30, 40, 50 }, y[] = { -2, 2, 0, 0, 1, -1 }, m[6];
    jm_curve_tangents(x, y, 6, m);
    CHECK_NEAR(m[1], 0, 1e-12);   /* local maximum */
    CHECK_NEAR(m[2], 0, 1e-12);   /* plateau */
    CHECK_NEAR(m[3], 0, 1e-12);
    CHECK_NEAR(m[4], 0, 1e-12);   /* local maximum */
    jm_bezier seg[5];
    jm_curve_monotone(x, y, 6, seg);
    CHECK_NEAR(seg[2].y1, 0, 1e-12);
    CHECK_NEAR(seg[2].y2, 0, 1e-12);
    /* controls at thirds: x is linear in t */
    CHECK_NEAR(seg[0].x1, 10.0 / 3, 1e-12);
    CHECK_NEAR(seg[0].x2, 20.0 / 3, 1e-12);
    /* a steep step between two flat runs stays inside its ends */
    double x2[] = { 0, 1, 2, 3 }, y2[] = { 0, 0, 100, 100 };
    jm_curve_monotone(x2, y2, 4, seg);
    CHECK(check_segments(x2, y2, 4, seg) == 0, "step function overshoots");
    CHECK(jm_curve_monotone(x, y, 1, seg) == 0, "one point has no segment");
}

static void test_split(void) {
    jm_bezier b = { 0, 0, 10, 40, 30, -20, 40, 10 }, l, r;
    jm_bezier_split(&b, 0.3, &l, &r);
    int bad = 0;
    for (int i = 0; i <= 50; i++) {
        double s = i / 50.0, ax, ay, bx, by;
        jm_bezier_point(&l, s, &ax, &ay);
        jm_bezier_point(&b, 0.3 * s, &bx, &by);
        if (fabs(ax - bx) > 1e-9 || fabs(ay - by) > 1e-9) bad++;
        jm_bezier_point(&r, s, &ax, &ay);
        jm_bezier_point(&b, 0.3 + 0.7 * s, &bx, &by);
        if (fabs(ax - bx) > 1e-9 || fabs(ay - by) > 1e-9) bad++;
    }
    CHECK(bad == 0, "%d split samples off the original", bad);
    CHECK_NEAR(l.x3, r.x0, 1e-12);
    CHECK_NEAR(l.y3, r.y0, 1e-12);
}

static void test_cross_y(void) {
    double t[3], y;
    jm_bezier up = { 0, -1, 1, -1, 2, 1, 3, 1 };
    CHECK(jm_bezier_cross_y(&up, 0, t) == 1, "one crossing");
    jm_bezier_point(&up, t[0], NULL, &y);
    CHECK_NEAR(y, 0, 1e-9);
    CHECK_NEAR(t[0], 0.5, 1e-9);
    jm_bezier wave = { 0, 0, 1, 3, 2, -3, 3, 0.5 };  /* starts on the level, dips, rises */
    size_t n = jm_bezier_cross_y(&wave, 0, t);
    CHECK(n == 2, "wave crosses twice, got %zu", n);
    for (size_t i = 0; i < n; i++) { jm_bezier_point(&wave, t[i], NULL, &y); CHECK_NEAR(y, 0, 1e-9); }
    jm_bezier touch = { 0, 1, 1, 0, 2, 0, 3, 1 };    /* stays on one side */
    CHECK(jm_bezier_cross_y(&touch, -0.5, t) == 0, "no crossing below");
    jm_bezier flat = { 0, 0, 1, 0, 2, 0, 3, 0 };
    CHECK(jm_bezier_cross_y(&flat, 0, t) == 0, "a curve on the level does not cross it");
    /* random monotone segments cross a level inside their range exactly once */
    double x[MAXN], yy[MAXN];
    jm_bezier seg[MAXN];
    int bad = 0;
    for (int r = 0; r < 500; r++) {
        size_t np = random_points(x, yy, 1);
        jm_curve_monotone(x, yy, np, seg);
        for (size_t k = 0; k + 1 < np; k++) {
            double level = 0.0;
            int expect = (yy[k] < level && yy[k + 1] > level) || (yy[k] > level && yy[k + 1] < level);
            if ((int)jm_bezier_cross_y(&seg[k], level, t) != expect) bad++;
        }
    }
    CHECK(bad == 0, "%d segments with a wrong number of crossings", bad);
}

int main(void) {
    test_random_never_overshoots();
    test_monotone_data_gives_monotone_curve();
    test_extrema_and_plateaus_are_flat();
    test_split();
    test_cross_y();
    return CHECK_DONE();
}
