/* grid.c - a uniform grid of boxes (see the header). Each cell lists the ids of the boxes that
 * reach into it; a query visits the cells its box reaches and collects their ids, a stamp per id
 * keeping each id once per query. */
#include "grid.h"
#include <math.h>

#define MAX_CELLS 4096

typedef struct { int *ids; size_t n, cap; } cell;

struct jm_grid {
    jm_arena *a;
    double x0, y0, size;        /* pt: the first cell's corner, a cell's side */
    int nx, ny;
    cell *cells;                /* nx * ny, row by row */
    unsigned *stamp;            /* per id: the query that last collected it */
    size_t n_stamp;
    unsigned query;             /* queries so far */
    int *found; size_t cap_found;
};

jm_grid *jm_grid_new(jm_arena *a, double x0, double y0, double x1, double y1, double cell_pt) {
    jm_grid *g = JM_NEW(a, jm_grid);
    double w = isfinite(x1 - x0) ? fabs(x1 - x0) : 0, h = isfinite(y1 - y0) ? fabs(y1 - y0) : 0;
    double size = isfinite(cell_pt) && cell_pt > 0 ? cell_pt : 1;
    if (w * h / (size * size) > MAX_CELLS) size = sqrt(w * h / MAX_CELLS);
    g->a = a;
    g->x0 = isfinite(x0) ? fmin(x0, x1) : 0;
    g->y0 = isfinite(y0) ? fmin(y0, y1) : 0;
    g->size = size;
    g->nx = (int)fmin(MAX_CELLS, fmax(1, ceil(w / size)));
    g->ny = (int)fmin(MAX_CELLS / g->nx, fmax(1, ceil(h / size)));
    g->cells = JM_NEWV(a, cell, (size_t)g->nx * (size_t)g->ny);
    return g;
}

/* The cells [*lo, *hi] that the interval between a and b reaches along an axis of n cells. Any
 * value maps to a cell, in order (clamped to the border cells), so two intervals that meet map to
 * ranges that meet; NaN reaches every cell. */
static void span(double a, double b, double origin, double size, int n, int *lo, int *hi) {
    if (isnan(a) || isnan(b)) { *lo = 0; *hi = n - 1; return; }
    double c0 = floor((fmin(a, b) - origin) / size), c1 = floor((fmax(a, b) - origin) / size);
    if (isnan(c0) || isnan(c1)) { *lo = 0; *hi = n - 1; return; }   /* infinity over infinity */
    *lo = c0 < 0 ? 0 : c0 > n - 1 ? n - 1 : (int)c0;
    *hi = c1 < 0 ? 0 : c1 > n - 1 ? n - 1 : (int)c1;
}

void jm_grid_add(jm_grid *g, int id, double x0, double y0, double x1, double y1) {
    int cx0, cx1, cy0, cy1;
    span(x0, x1, g->x0, g->size, g->nx, &cx0, &cx1);
    span(y0, y1, g->y0, g->size, g->ny, &cy0, &cy1);
    for (int cy = cy0; cy <= cy1; cy++)
        for (int cx = cx0; cx <= cx1; cx++) {
            cell *c = &g->cells[(size_t)cy * (size_t)g->nx + (size_t)cx];
            JM_RESERVE(g->a, c->ids, c->n, 1, c->cap, 8);
            c->ids[c->n++] = id;
        }
    if ((size_t)id >= g->n_stamp) {
        size_t cap = g->n_stamp;
        JM_RESERVE(g->a, g->stamp, g->n_stamp, (size_t)id + 1 - g->n_stamp, cap, 64);
        g->n_stamp = cap;   /* the new entries are zero: no query has collected them */
    }
}

size_t jm_grid_query(jm_grid *g, double x0, double y0, double x1, double y1, const int **ids) {
    int cx0, cx1, cy0, cy1;
    span(x0, x1, g->x0, g->size, g->nx, &cx0, &cx1);
    span(y0, y1, g->y0, g->size, g->ny, &cy0, &cy1);
    if (++g->query == 0) {   /* wrapped: forget every stamp */
        for (size_t i = 0; i < g->n_stamp; i++) g->stamp[i] = 0;
        g->query = 1;
    }
    size_t n = 0;
    for (int cy = cy0; cy <= cy1; cy++)
        for (int cx = cx0; cx <= cx1; cx++) {
            const cell *c = &g->cells[(size_t)cy * (size_t)g->nx + (size_t)cx];
            JM_RESERVE(g->a, g->found, n, c->n, g->cap_found, 64);
            for (size_t k = 0; k < c->n; k++) {
                int id = c->ids[k];
                if (g->stamp[id] == g->query) continue;
                g->stamp[id] = g->query;
                g->found[n++] = id;
            }
        }
    *ids = g->found;
    return n;
}
