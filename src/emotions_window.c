/* emotions_window.c - the embedded curve cut to a window of stages (a page of the paginated map):
 * the whole journey is laid out across every stage's column, so the highest and lowest moments
 * are the journey's and step numbers run on; then only the window's bands and points stay, and
 * the curve is cut where it leaves the window, so it runs to the page's edge and the next page
 * picks it up at its own edge. */
#include "emotions_int.h"
#include <math.h>

/* Segment b cut to [xa, xb]; false when nothing of it is inside. The segments' controls sit at
 * thirds of their width (curve.h), so x is linear in t and the cut is at t = (x - x0) / (x3 - x0):
 *
 *            xa                    xb
 *     ____   |      ________       |
 *         \__|_____/        \______|___      only the part between the edges is kept
 */
static bool clip(jm_bezier *b, double xa, double xb) {
    if (b->x3 <= xa || b->x0 >= xb || b->x3 <= b->x0) return false;
    if (b->x0 < xa) {
        jm_bezier_split(b, (xa - b->x0) / (b->x3 - b->x0), NULL, b);
        b->x0 = xa;
    }
    if (b->x3 > xb) {
        jm_bezier_split(b, (xb - b->x0) / (b->x3 - b->x0), b, NULL);
        b->x3 = xb;
    }
    return true;
}

void em_window(em_layout *L) {
    const jm_emotions_embed *e = L->embed;
    size_t f = e->first_stage, n = e->n_stages;
    if (!n || !e->stage_x || f + n > L->j->n_stages) return;
    double xa = e->stage_x[f], xb = e->stage_x[f + n - 1] + e->stage_w[f + n - 1];

    /* bands of the window's stages, and their points, in order */
    size_t nb = 0, np = 0;
    for (size_t i = 0; i < L->n_bands; i++) {
        em_band b = L->bands[i];
        size_t k = b.stage ? (size_t)(b.stage - L->j->stages) : f;
        if (k < f || k >= f + n) continue;
        for (size_t m = 0; m < b.n; m++) {
            L->pts[np + m] = L->pts[b.first + m];
            L->pts[np + m].band = nb;
        }
        b.first = np;
        np += b.n;
        L->bands[nb++] = b;
    }
    L->n_bands = nb;
    L->n_pts = np;

    /* the curve's segments inside, cut at the edges */
    size_t ns = 0;
    for (size_t k = 0; k < L->n_segs; k++) {
        jm_bezier b = L->segs[k];
        if (!clip(&b, xa, xb)) continue;
        L->segs[ns] = b;
        L->bridged[ns] = L->bridged[k];
        L->estimated[ns] = L->estimated[k];
        ns++;
    }
    L->n_segs = ns;
    L->any_estimated = false;
    for (size_t i = 0; i < L->n_pts; i++) L->any_estimated |= L->pts[i].estimated;
    for (size_t k = 0; k < L->n_segs; k++) L->any_estimated |= L->estimated[k];
    L->plot_x = xa;
    L->plot_w = xb - xa;
    em_curve_note(L);
    em_curve_poly(L);
}
