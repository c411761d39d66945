/* seq_breaks.c - where the pages of a sequence break: rows stay whole, a frame's header or else
 * line stays with the row after it, a frame's bottom with the row before it, the last page keeps
 * a few messages; the page walker (seq_rows.c) then breaks where told. When a sequence is cut
 * into bands of participants, the breaks of a band move up until each of its pages is more than
 * half used (the next band follows its last); where they cannot, the next band is stacked under
 * it, a first piece of one message at least. */
#include <math.h>
#include "seq_layout.h"

enum { TAIL_ROWS = 3 };   /* messages the last page of a sequence keeps at least */
enum { PIECE_ROWS = 1 };  /* messages a band stacked under another keeps with its heads there at least */
#define LAST_FILL 0.62    /* share of a page's height a band's last page uses at least: more than
                           * half of the page once the margins are counted */
#define STACK_FILL 0.75  /* a band's last page less used than this takes the next band under it:
                           * a band narrower than the page needs that to fill half its area */
#define STEP 0.01         /* the limit moves up by this share of the page per try */

static bool content_row(const seq_row *r) {
    seq_row_kind k = r->kind;
    return !r->off && (k == SEQ_ROW_MSG || k == SEQ_ROW_SELF || k == SEQ_ROW_NOTE || k == SEQ_ROW_DELAY);
}

/* How the band's own pages are used: the height each uses from the content's top, its heads
 * included (the last page's bottom heads too). */
typedef struct {
    int short_pages;   /* pages using less than LAST_FILL of the page's height */
    double least;      /* pt, the least used */
} fill;

static void page_used(const seq_breaks *b, size_t page, double used, fill *f) {
    if (page == 1 && b->stacked) return;   /* another band's page */
    f->short_pages += used < LAST_FILL * b->page_h;
    f->least = fmin(f->least, used);
}

/* One pass at `limit`: brk[i] set where row i starts a page. Returns the pages; *end: where the
 * rows end on the last page (pt); *f: how the pages are used. The same arithmetic as the
 * walker's: a page's rows start at first (page 1, under the title) or top, and under each frame
 * still open, reopened. */
static size_t pass(const seq_plan *p, const seq_breaks *b, double limit, bool *brk, double *end, fill *f) {
    const jm_sequence_style *st = p->st;
    size_t n = p->n_rows, pages = 1, placed = 0;
    int *open = JM_NEWV(p->ctx->arena, int, p->n_groups ? p->n_groups : 1), n_open = 0;
    double y = b->first;
    bool widow_checked = false;
    for (size_t i = 0; i < n; i++) {
        const seq_row *r = &p->rows[i];
        brk[i] = false;
        bool cut = false;
        double lim = pages == 1 && b->stacked ? b->limit : limit;   /* balancing moves the breaks
                                                                  * of a band's own pages only */
        /* the last page keeps at least TAIL_ROWS messages under its repeated heads: when the
         * rest does not fit here, the page breaks before the last few */
        if (limit > 0 && !widow_checked && b->tail[i] <= TAIL_ROWS && r->kind != SEQ_ROW_END) {
            widow_checked = true;
            cut = placed >= TAIL_ROWS && y + b->rest[i] + n_open * st->frame_gap > lim;
        }
        /* A row stays whole; a header or else line stays with the row after it; frame bottoms
         * stay with the row before them (a frame never reopens only to close); the last rows
         * stay with the bottom heads; closing the open frames needs a frame-gap each. */
        if (!cut && !(r->kind == SEQ_ROW_END && placed > 0)) {
            double keep = r->height + n_open * st->frame_gap;
            size_t next = i + 1;
            if (r->kind == SEQ_ROW_BEGIN || r->kind == SEQ_ROW_ELSE) {   /* with the next row drawn here */
                while (next < n && p->rows[next].height == 0) next++;
                if (next < n) keep += p->rows[next++].height;
                if (r->kind == SEQ_ROW_BEGIN) keep += st->frame_gap;   /* its own frame closed */
            }
            while (next < n && p->rows[next].kind == SEQ_ROW_END) keep += p->rows[next++].height;
            if (next == n) keep += p->head_h;   /* box_pad is kept off the page by the limit */
            /* under a balancing limit, a row that crosses it goes to the next page only when
             * more of it is past the limit than before it (never past the page's own limit) */
            bool over = y + keep > b->limit || (y + keep > lim && y + keep - lim > lim - y);
            cut = lim > 0 && over && (placed > 0 || (b->stacked && pages == 1));
        }
        if (cut) {
            page_used(b, pages, y + n_open * st->frame_gap + b->bottom - b->content_top, f);
            brk[i] = true;
            pages++;
            placed = 0;
            y = b->top;
            for (int k = 0; k < n_open; k++) y += p->groups[open[k]].head_h + st->frame_gap;
        }
        if (r->kind == SEQ_ROW_BEGIN) open[n_open++] = r->group;
        else if (r->kind == SEQ_ROW_END && n_open > 0) n_open--;
        y += r->height;
        placed++;
    }
    *end = y;
    page_used(b, pages, y + p->head_h + b->bottom - b->content_top, f);
    return pages;
}

size_t seq_breaks_find(const seq_plan *p, seq_breaks *b, bool balance) {
    size_t n = p->n_rows;
    jm_arena *a = p->ctx->arena;
    b->tail = JM_NEWV(a, size_t, n + 1);
    b->rest = JM_NEWV(a, double, n + 1);
    b->brk = JM_NEWV(a, bool, n ? n : 1);
    b->rest[n] = p->head_h;
    for (size_t i = n; i-- > 0;) {   /* content rows from row i on, and the height they need */
        b->tail[i] = b->tail[i + 1] + content_row(&p->rows[i]);
        b->rest[i] = b->rest[i + 1] + p->rows[i].height;
    }
    double end;
    fill now = { 0, INFINITY };
    size_t pages = pass(p, b, b->limit, b->brk, &end, &now);
    if (!balance || pages < 2 + (size_t)b->stacked || b->page_h <= 0 || !now.short_pages) return pages;
    /* the breaks that leave the fewest pages of its own short (under LAST_FILL: its heads at the
     * top, rows, the last one's heads at the bottom), then the least used page the most used */
    double want = LAST_FILL * b->page_h;
    bool *trial = JM_NEWV(a, bool, n ? n : 1);
    for (double limit = b->limit - STEP * b->page_h; limit > b->content_top + want; limit -= STEP * b->page_h) {
        fill f = { 0, INFINITY };
        if (pass(p, b, limit, trial, &end, &f) != pages) break;
        if (f.short_pages > now.short_pages || (f.short_pages == now.short_pages && f.least <= now.least + 1e-6))
            continue;
        now = f;
        for (size_t i = 0; i < n; i++) b->brk[i] = trial[i];
        if (!now.short_pages) break;
    }
    return pages;
}

bool seq_breaks_short(const seq_breaks *b, double bottom) {
    return b->page_h > 0 && bottom - b->content_top < STACK_FILL * b->page_h;
}

bool seq_breaks_stackable(const seq_breaks *b, size_t n_rows, size_t pages, bool part) {
    if (pages == 1) return true;
    if (!part) return false;
    size_t first = 0;
    while (first < n_rows && !b->brk[first]) first++;
    size_t want = b->tail[0] < PIECE_ROWS ? b->tail[0] : PIECE_ROWS;
    return b->tail[0] - b->tail[first] >= want && want > 0;
}
