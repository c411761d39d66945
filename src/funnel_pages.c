/* funnel_pages.c - the funnel on printed pages or a deck of slides, when its rows of stages and
 * their cards are taller than a page: a row whose chevrons and first cards do not fit the room
 * left starts a new page, and cards that do not fit continue on the next page under the row's
 * chevrons again. */
#include "funnel_int.h"
#include <math.h>

/*   page 1                          page 2
 *   Title                           ____   ____   ____
 *   Subtitle                        \ A  \ \ B  \ \ C  \     the row's chevrons again
 *   ____   ____   ____              /____/ /____/ /____/     (no chips, no needs)
 *   \ A  \ \ B  \ \ C  \            [card] [card]            the cards left over, each
 *   /____/ /____/ /____/                   [card]            column where it stopped
 *   (chip) (chip)                   band-gap
 *   [card] [card] [card]            ____   ____              the next row, when its
 *   [card] [card]                   \ D  \ \ E  \            chevrons and first cards fit
 *   ------------- page_h - margin   ...
 *
 * Every column puts at least one card on each page (a card taller than a page makes the page
 * taller, and the writer scales it down). */

typedef struct {
    const fn_geo *g;
    jm_doc *doc;
    jm_scene *page;
    double width, page_h;       /* pt, the scene's */
    double low;                 /* pt, the lowest item on the page so far */
} fn_pager;

static void end_page(fn_pager *p) {
    p->page->height = fmax(p->page_h, jm_snap(p->low + p->g->c->margin, p->g->c->grid_unit));
}

static void new_page(fn_pager *p) {
    const jm_journey *j = p->g->ctx->journey;
    if (p->page) end_page(p);
    p->page = jm_scene_new(p->g->ctx->arena, p->width, p->page_h, p->g->c->background);
    p->page->title = j->title;
    p->page->desc = j->subtitle;
    jm_doc_add_page(p->doc, p->page, "funnel", j->title);
    p->low = p->g->c->margin;
}

/* The height of a row's head (with or without its chips and needs). */
static double head_height(const fn_geo *g, const fn_chevrons *cv, const fn_band *bd, bool details) {
    jm_scene *scratch = jm_scene_new(g->ctx->arena, 1, 0, g->c->background);
    return fn_layout_head(g, scratch, cv, bd, 0, details);
}

/* The next card of stage i from *k on (skipping empty ones); NULL when none is left. */
static const jm_card *next_card(const jm_stage *st, size_t *k) {
    while (*k < st->n_items && !fn_card_shown(&st->items[*k])) (*k)++;
    return *k < st->n_items ? &st->items[*k] : NULL;
}

/* Cards of band bd from their columns' next card on, the first row at `top`, each column down to
 * `limit` (and one card at least). True when every card of the band is placed. */
static bool place_cards(fn_pager *p, const fn_band *bd, size_t *next, double top, double limit) {
    const fn_geo *g = p->g;
    const jm_journey *j = g->ctx->journey;
    bool done = true;
    for (size_t i = bd->from; i < bd->to; i++) {
        const jm_stage *st = &j->stages[i];
        double cy = top;
        for (const jm_card *cd; (cd = next_card(st, &next[i])) != NULL; next[i]++) {
            double h = fn_layout_card(g, NULL, st, cd, 0, 0);
            if (cy + h > limit && cy > top) { done = false; break; }
            fn_layout_card(g, p->page, st, cd, fn_col_x(g, bd, i), cy);
            p->low = fmax(p->low, cy + h);
            cy = jm_snap(cy + h + g->st.card_gap, g->c->grid_unit);
        }
    }
    return done;
}

void fn_layout_pages(const fn_geo *g, jm_doc *doc, jm_scene *first, double x0, double y, double page_h) {
    const jm_journey *j = g->ctx->journey;
    double unit = g->c->grid_unit, margin = g->c->margin, limit = page_h - margin;
    fn_pager p = { .g = g, .doc = doc, .page = first, .width = first->width, .page_h = page_h, .low = y };
    jm_doc_add_page(doc, first, "funnel", j->title);
    fn_chevrons cv = fn_measure_all(g);
    size_t per_row = g->per_row ? g->per_row : j->n_stages;
    size_t *next = JM_NEWV(g->ctx->arena, size_t, j->n_stages);
    for (fn_band bd = { 0, 0, x0, false }; bd.from < j->n_stages; bd.from = bd.to) {
        bd.to = bd.from + per_row < j->n_stages ? bd.from + per_row : j->n_stages;
        /* the row here when its head and the first card of each column fit, else on a new page */
        double first_card = 0;
        for (size_t i = bd.from; i < bd.to; i++) {
            size_t k = 0;
            const jm_card *cd = next_card(&j->stages[i], &k);
            if (cd) first_card = fmax(first_card, fn_layout_card(g, NULL, &j->stages[i], cd, 0, 0));
        }
        double head = head_height(g, &cv, &bd, true);
        double need = head + (first_card > 0 ? g->st.row_gap + first_card : 0);
        double top = bd.from > 0 ? jm_snap(p.low + g->st.band_gap, unit) : y;
        if (bd.from > 0 && top + need > limit) {
            new_page(&p);
            top = margin;
        }
        double bottom = fn_layout_head(g, p.page, &cv, &bd, top, true);
        p.low = fmax(p.low, bottom);
        while (!place_cards(&p, &bd, next, jm_snap(bottom + g->st.row_gap, unit), limit)) {
            new_page(&p);
            bottom = fn_layout_head(g, p.page, &cv, &bd, margin, false);
            p.low = fmax(p.low, bottom);
        }
    }
    end_page(&p);
}
