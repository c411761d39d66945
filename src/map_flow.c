/* map_flow.c - stacks the map's parts down pages: gaps between parts, a new page when a part
 * does not fit, lanes continued (entries cut between lines) under the stage row repeated on a
 * new page, long tables continued. */
#include "map_int.h"
#include <math.h>

/* ---- stacking parts on pages ----
 *
 * Parts go down the page, gap_before between them (none at the top of a page). With a page
 * height, a part that does not fit starts a new page, but a lane continues (its entries cut
 * between lines, mp_lane_split) and the emotion lane shortens to finish the page
 * (mp_emotion_fit); a lane starts a new page with its stage row again; the header, the stage row
 * and a section title never stay alone at the bottom; a table alone in its row that does not fit
 * continues on the next page, its title and header row repeated. A column group's stage row goes
 * under the last group's lanes when it and the start of its first lane fit. */

typedef struct {
    mp_map *M;
    double width, page_h;       /* pt; page_h 0: one page as tall as its content */
    jm_doc *doc;                /* NULL: only count pages */
    const char *bookmark;
    jm_scene *page;
    double y;                   /* pt, where the next part goes */
    double fresh_y;             /* pt, y after a new page's repeated stage row: nothing else on it yet */
    size_t pages;
    size_t overflows;           /* pages taller than page_h (one part alone was) */
} mp_pager;

/* A page is page_h tall, or taller when one part alone is (the writer then scales it down). */
static void flow_end_page(mp_pager *f) {
    double end = f->y + f->M->c->margin, h = jm_snap(end, f->M->c->grid_unit);
    bool over = f->page_h > 0 && end > f->page_h + 0.5;   /* unsnapped: content that fits is no overflow */
    if (over) f->overflows++;
    if (f->page) f->page->height = f->page_h > 0 ? (over ? h : f->page_h) : h;
}

static void flow_new_page(mp_pager *f) {
    mp_map *M = f->M;
    flow_end_page(f);
    f->pages++;
    f->y = M->c->margin;
    f->page = NULL;
    if (!f->doc) return;
    f->page = jm_scene_new(M->a, f->width, f->page_h, M->c->background);
    f->page->title = M->j->title;
    f->page->desc = M->j->subtitle;
    jm_doc_add_page(f->doc, f->page, f->M->view, f->bookmark);
}

static bool at_top(const mp_pager *f) { return f->y <= f->M->c->margin; }
static bool fresh(const mp_pager *f) { return at_top(f) || f->y <= f->fresh_y + 1e-6; }

static void flow_put(mp_pager *f, const mp_part *p) {
    if (!at_top(f)) f->y += p->gap_before;
    if (f->page) jm_scene_append(f->page, p->s, 0, f->y);
    f->y += p->h;
}

static double room(const mp_pager *f, double gap) {
    return f->page_h > 0 ? f->page_h - f->M->c->margin - (f->y + (at_top(f) ? 0 : gap)) : INFINITY;
}

/* A table too tall for the room left: rows [r0, r) on this page, the rest on the next ones. */
static void flow_split_table(mp_pager *f, const mp_part *p) {
    const mp_table *m = p->table;
    size_t r0 = 0;
    while (r0 < m->n_rows) {
        double avail = room(f, p->gap_before) - m->title_h - m->head_h, used = 0;
        size_t r = r0;
        while (r < m->n_rows && used + m->row_h[r] <= avail) used += m->row_h[r++];
        if (r == r0 && !at_top(f)) { flow_new_page(f); continue; }
        if (r == r0) r = r0 + 1;   /* a row taller than a page: it alone, scaled by the writer */
        if (!at_top(f)) f->y += p->gap_before;
        double h = m->title_h + m->head_h + used;
        if (f->page) h = mp_table_place(f->M, m, f->page, p->table_x, f->y, r0, r, r0 > 0);
        f->y += h;
        r0 = r;
        if (r0 < m->n_rows) flow_new_page(f);
    }
}

/* A new page for lanes: the stage row on top again. */
static void flow_lane_page(mp_pager *f, const mp_part *stage_row) {
    flow_new_page(f);
    if (stage_row) flow_put(f, stage_row);
    f->fresh_y = f->y;
}

/* A lane taller than the room left: what fits of each cell here, an entry cut between two lines
 * of its text (when the room is at least a quarter page, or the page holds nothing else yet), the
 * rest on the next pages under the stage row; a lane that does fit goes whole. */
static void flow_lane(mp_pager *f, const mp_part *p, const mp_part *stage_row) {
    mp_part cur = *p, head, rest;
    for (int guard = 0; guard < 1000; guard++) {
        double r = room(f, cur.gap_before);
        if (cur.h <= r) break;
        bool here = fresh(f);
        if ((r >= f->page_h / 4 || here) && mp_lane_split(f->M, &cur, r, here, &head, &rest)) {
            flow_put(f, &head);
            flow_lane_page(f, stage_row);
            cur = rest;
            continue;
        }
        if (here) break;   /* one entry alone taller than a page: the writer scales the page */
        flow_lane_page(f, stage_row);
    }
    flow_put(f, &cur);
}

/* A table alone in its row that does not fit the room left starts here all the same when the
 * room holds its title, header and first few rows and is at least a quarter page: small tables
 * share pages instead of each starting one. */
enum { TABLE_MIN_ROWS = 3 };
static bool table_starts_here(const mp_pager *f, const mp_part *p) {
    const mp_table *m = p->table;
    double r = room(f, p->gap_before), need = m->title_h + m->head_h;
    for (size_t i = 0; i < m->n_rows && i < TABLE_MIN_ROWS; i++) need += m->row_h[i];
    return m->n_rows > TABLE_MIN_ROWS && r >= need && r >= f->page_h / 4;
}

/* Whether part i (as p: the emotion lane fitted to the room) and what it keeps with fit the room
 * left below it: the next part, and the one after that when the next keeps with its next too; a
 * lane, which may continue on the next page, as much of it as flow_lane would put here (a quarter
 * page at least, the first lines of each cell), the emotion lane fitted. So the header and the
 * stage row never end a page. */
static bool keeps_fit(const mp_pager *f, const mp_parts *parts, size_t i, const mp_part *p) {
    double r = room(f, p->gap_before) - p->h;
    while (parts->v[i].keep_with_next && i + 1 < parts->n) {
        const mp_part *n = &parts->v[++i];
        r -= n->gap_before;
        if (n->h <= r) { r -= n->h; continue; }
        if (!n->lane || !(f->page_h > 0)) return false;
        mp_part head, rest;
        if (mp_emotion_fit(f->M, n, r, &head)) return true;
        return r >= f->page_h / 4 && mp_lane_split(f->M, n, r, false, &head, &rest);
    }
    return r >= -1e-6;
}

size_t mp_flow(mp_map *M, const mp_parts *parts, double width, double page_h, jm_doc *doc, const char *bookmark,
               size_t *overflows) {
    mp_pager f = { .M = M, .width = width, .page_h = page_h, .doc = doc, .bookmark = bookmark };
    flow_new_page(&f);
    const mp_part *stage_row = NULL;
    for (size_t i = 0; i < parts->n; i++) {
        const mp_part *p = &parts->v[i];
        mp_part fitted;
        if (p->kind == MP_PART_STAGES) stage_row = p;
        if (page_h > 0 && mp_emotion_fit(M, p, room(&f, p->gap_before), &fitted)) p = &fitted;
        if (p->lane && page_h > 0 && p->h > room(&f, p->gap_before)) { flow_lane(&f, p, stage_row); continue; }
        if (!keeps_fit(&f, parts, i, p) && !at_top(&f)) {
            if (p->table && (p->h > page_h - 2 * M->c->margin || table_starts_here(&f, p))) {
                flow_split_table(&f, p);
                continue;
            }
            flow_new_page(&f);
            if (p->kind == MP_PART_LANE && stage_row) flow_put(&f, stage_row);
        } else if (p->table && p->h > room(&f, p->gap_before)) {
            flow_split_table(&f, p);
            continue;
        }
        flow_put(&f, p);
    }
    flow_end_page(&f);
    if (overflows) *overflows = f.overflows;
    return f.pages;
}
