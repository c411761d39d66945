/* seq_pages.c - a sequence's walked pages in the document: each page's layers in one scene, the
 * drawing inside the margins (or centred on a wider canvas); band after band, a band stacked under
 * the previous one on that one's last page with a rule between. In two columns, each walked page
 * is a column: consecutive ones side by side on a page, the left column read first, a thin rule
 * in the gutter between them.
 *
 *   margin | column 1 (cw) | gutter | column 2 (cw) | margin       a walked page is cw + 2 margins
 *          |  heads        |   :    |  heads        |              wide; cw = (width - 2 margins -
 *          |  rows ...     |   :    |  rows ...     |              gutter) / 2
 */
#include <math.h>
#include "seq_layout.h"

static bool has_text(const char *s) { return s && *s; }

/* The name of a participant for a page's bookmark. */
static const char *part_name(const jm_participant *q) {
    return q->label ? q->label : q->id;
}

/* The middle of the band on x = 0 for each band: (its pages' horizontal extent). *slot: the
 * widest walked page, at least the layout's width. */
static double *band_middles(const seq_walk *walks, size_t nb, double *slot) {
    const seq_plan *p = walks[0].p;
    double *dx = JM_NEWV(p->ctx->arena, double, nb);
    *slot = p->ctx->width;
    for (size_t b = 0; b < nb; b++) {
        double x0 = INFINITY, x1 = -INFINITY;
        for (size_t k = 0; k < walks[b].n_pages; k++)
            for (int l = 0; l < SEQ_LAYERS; l++) {
                jm_scene *s = walks[b].pages[k].layer[l];
                if (!s->n_items) continue;
                double a, c, d, e;
                jm_scene_bounds(s, 0, &a, &c, &d, &e);
                x0 = fmin(x0, a);
                x1 = fmax(x1, d);
            }
        if (x0 > x1) x0 = x1 = 0;
        dx[b] = -x0 - (x1 - x0) / 2;
        *slot = fmax(*slot, x1 - x0 + 2 * p->cm->margin);
    }
    return dx;
}

/* Two columns on a page: a rule down the middle of the gutter, as long as the longer column. */
static void column_rule(jm_scene *s, const jm_style_common *cm, const double foot[2], double cw, double gutter) {
    if (!(gutter > 0) || !(foot[1] > 0)) return;
    double x = cm->margin + cw + gutter / 2;
    jm_scene_line(s, "sequence.column.rule", x, cm->margin, x, fmax(foot[0], foot[1]),
                  jm_paint_stroke(cm->line, 1), JM_HEAD_NONE, JM_HEAD_NONE, 0);
}

void seq_pages_assemble(seq_walk *walks, size_t nb, double gutter, jm_doc *doc) {
    const seq_plan *p = walks[0].p;
    const jm_style_common *cm = p->cm;
    jm_arena *a = p->ctx->arena;
    int cols = gutter > 0 ? 2 : 1;
    double slot, *dx = band_middles(walks, nb, &slot);
    double cw = slot - 2 * cm->margin, width = cols * cw + (cols - 1) * gutter + 2 * cm->margin;
    size_t slots = 0;
    for (size_t b = 0; b < nb; b++) slots += walks[b].n_pages - walks[b].stacked;
    size_t total = (slots + (size_t)cols - 1) / (size_t)cols;
    const jm_journey *j = p->ctx->journey;
    const char *desc = has_text(j->subtitle) ? j->subtitle : p->seq->title;
    const char *name = has_text(p->seq->title) ? p->seq->title : "sequence";
    size_t at = 0, used = 0;   /* pages, walked pages (columns) placed */
    jm_scene *s = NULL;
    double foot[2] = { 0, 0 };   /* where each column's content ends on the page (pt) */
    const jm_participant *first = NULL;   /* the page's first band's first participant */
    for (size_t b = 0; b < nb; b++)
        for (size_t k = 0; k < walks[b].n_pages; k++) {
            seq_page *pg = &walks[b].pages[k];
            const seq_plan *q = walks[b].p;
            bool stacked = k == 0 && walks[b].stacked;
            if (!stacked) used++;
            int col = (int)((used - 1) % (size_t)cols);
            double left = cm->margin + col * (cw + gutter);
            if (stacked) {   /* under the previous band, a rule between */
                double y = walks[b].start - SEQ_BAND_SEP * q->st->header_gap;
                jm_scene_line(s, "sequence.band.rule", left, y, left + cw, y,
                              jm_paint_stroke(cm->line, 1), JM_HEAD_NONE, JM_HEAD_NONE, 0);
                s->height = fmax(s->height, pg->height);
            } else if (col == 0) {
                if (s) column_rule(s, cm, foot, cw, gutter);
                s = jm_scene_new(a, width, pg->height, cm->background);
                s->title = j->title;
                s->desc = desc;
                first = &q->seq->participants[q->band_lo];
                foot[0] = foot[1] = 0;
                at++;
                jm_doc_add_page(doc, s, "sequence", name);
            } else {
                s->height = fmax(s->height, pg->height);
            }
            foot[col] = fmax(foot[col], pg->foot);
            for (int l = 0; l < SEQ_LAYERS; l++) jm_scene_append(s, pg->layer[l], dx[b] + left + cw / 2, 0);
            const char **mark = &doc->pages[doc->n_pages - 1].bookmark;
            if (nb > 1)
                *mark = jm_arena_printf(a, "%s (%zu/%zu, %s to %s)", name, at, total, part_name(first),
                                        part_name(&q->seq->participants[q->band_hi]));
            else if (total > 1)
                *mark = jm_arena_printf(a, "%s (%zu/%zu)", name, at, total);
        }
    if (s) column_rule(s, cm, foot, cw, gutter);
}
