/* test_grid.c - the box grid finds, once each, every stored box that meets a query box (checked
 * against looking at every box, on many random boxes and queries: inside and outside the grid's
 * area, corners in either order, points, huge, infinite and NaN edges), so the emotions label
 * placer, which applies its exact tests to what the grid finds, places as a scan of all would. */
#include "check.h"
#include "grid.h"
#include <stdbool.h>
#include <stdlib.h>

enum { MAXB = 400, QUERIES = 300, ROUNDS = 60 };

static unsigned long long rng_state = 0x243F6A8885A308D3ull;
static double rnd(void) {
    rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17;
    return (double)(rng_state >> 11) / (double)(1ull << 53);
}

/* A coordinate: mostly inside the area 0..w (on the cell edges of 16 pt now and then), sometimes
 * far outside, rarely infinite or NaN. */
static double coord(double w) {
    double r = rnd();
    if (r < 0.01) return NAN;
    if (r < 0.02) return rnd() < 0.5 ? -INFINITY : INFINITY;
    if (r < 0.10) return (rnd() - 0.5) * 1e6;
    if (r < 0.20) return 16 * (double)(int)(rnd() * w / 16);
    return rnd() * w;
}

typedef struct { double x0, y0, x1, y1; } box;

/* Do the closed intervals meet (ends in any order)? A NaN end reaches everywhere, as the grid
 * promises (the placer's segment test ignores an axis it cannot compare on). */
static bool overlap(double a0, double a1, double b0, double b1) {
    if (isnan(a0) || isnan(a1) || isnan(b0) || isnan(b1)) return true;
    return fmin(a0, a1) <= fmax(b0, b1) && fmin(b0, b1) <= fmax(a0, a1);
}

static bool meet(box a, box b) { return overlap(a.x0, a.x1, b.x0, b.x1) && overlap(a.y0, a.y1, b.y0, b.y1); }

/* A box near (x, y), up to `size` across; sometimes a point, sometimes with its corners swapped. */
static box near_box(double x, double y, double size) {
    box b = { x, y, x + rnd() * size, y + rnd() * size };
    if (rnd() < 0.1) { b.x1 = b.x0; b.y1 = b.y0; }
    if (rnd() < 0.2) { double t = b.x0; b.x0 = b.x1; b.x1 = t; }
    return b;
}

static void test_random(void) {
    static box boxes[MAXB];
    static int seen[MAXB];
    int missed = 0, twice = 0, wrong = 0, total = 0;
    for (int round = 0; round < ROUNDS; round++) {
        jm_arena *a = jm_arena_new();
        double w = 50 + rnd() * 2000, h = 50 + rnd() * 400, cell = round % 7 == 0 ? 1e-3 : 4 + rnd() * 40;
        jm_grid *g = jm_grid_new(a, 0, 0, w, h, cell);
        int n = 1 + (int)(rnd() * (MAXB - 1)), added = 0;
        for (int q = 0; q < QUERIES; q++) {
            for (int stored = n * q / QUERIES + 1; added < stored; added++) {   /* added between queries, as the placer does */
                boxes[added] = near_box(coord(w), coord(h), rnd() < 0.9 ? 30 : 3000);
                jm_grid_add(g, added, boxes[added].x0, boxes[added].y0, boxes[added].x1, boxes[added].y1);
            }
            box qb = near_box(coord(w), coord(h), rnd() < 0.9 ? 150 : 5000);
            const int *ids;
            size_t k = jm_grid_query(g, qb.x0, qb.y0, qb.x1, qb.y1, &ids);
            for (int i = 0; i < added; i++) seen[i] = 0;
            for (size_t i = 0; i < k; i++) {
                if (ids[i] < 0 || ids[i] >= added) { wrong++; continue; }
                if (seen[ids[i]]++) twice++;
            }
            for (int i = 0; i < added; i++)
                if (meet(boxes[i], qb)) { total++; if (!seen[i]) missed++; }
        }
        jm_arena_free(a);
    }
    CHECK(total > 1000, "only %d meeting pairs: the test exercises too little", total);
    CHECK(missed == 0, "%d of %d meeting boxes not found", missed, total);
    CHECK(twice == 0, "%d boxes found twice in one query", twice);
    CHECK(wrong == 0, "%d ids never stored", wrong);
}

/* A grid that finds no box that is far away: it does look at fewer than all. */
static void test_prunes(void) {
    jm_arena *a = jm_arena_new();
    jm_grid *g = jm_grid_new(a, 0, 0, 1000, 100, 10);
    for (int i = 0; i < 100; i++) jm_grid_add(g, i, i * 10 + 1, 1, i * 10 + 9, 9);
    const int *ids;
    size_t k = jm_grid_query(g, 500, 2, 505, 3, &ids);
    CHECK(k == 1 && ids[0] == 50, "found %zu boxes, first %d", k, k ? ids[0] : -1);
    k = jm_grid_query(g, -50, 0, -40, 5, &ids);   /* left of the area: the border cell's boxes */
    CHECK(k == 1 && ids[0] == 0, "found %zu boxes left of the area", k);
    k = jm_grid_query(g, NAN, 0, 10, 5, &ids);
    CHECK(k == 100, "a NaN query found %zu of 100", k);
    jm_arena_free(a);
}

int main(void) {
    test_random();
    test_prunes();
    return CHECK_DONE();
}
