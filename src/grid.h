/* grid.h - a uniform grid of boxes: which of the boxes stored so far may meet a query box, without
 * looking at every one. Used by the emotions label placer to find the markers, labels and leaders
 * near a candidate spot; the caller then applies its own exact test to each box found.
 *
 * The promise: a query returns, once each, every stored id whose closed box meets the closed query
 * box (and usually a few that do not). So an exact test that implies "the closed boxes meet" (a
 * strict overlap, a segment inside its bounding box) answers over the returned ids as it answers
 * over all of them. A box or query with a NaN edge spans every cell along that axis; boxes outside the grid's
 * area fall into its border cells, so any coordinates are correct, the area only sets speed.
 * The grid lives in the arena it was made in. */
#ifndef JM_GRID_H
#define JM_GRID_H
#include "arena.h"
#include <stddef.h>

typedef struct jm_grid jm_grid;

/* A grid over the area x0..x1, y0..y1 (pt) of square cells about `cell` pt on a side (larger when
 * the area would need more than a few thousand cells). */
jm_grid *jm_grid_new(jm_arena *a, double x0, double y0, double x1, double y1, double cell);

/* Stores box `id` (>= 0; corners in any order). */
void jm_grid_add(jm_grid *g, int id, double x0, double y0, double x1, double y1);

/* The ids stored whose boxes may meet the query box (corners in any order): *ids points at them,
 * valid until the next query; returns how many. */
size_t jm_grid_query(jm_grid *g, double x0, double y0, double x1, double y1, const int **ids);
#endif
