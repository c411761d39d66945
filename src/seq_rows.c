/* seq_rows.c - the sequence top to bottom: row heights, the title block, rows placed one under
 * the other, page breaks between rows (header repeated, frames and bars closed and reopened),
 * lifelines from where participants are created to where they are destroyed, boxes behind. */
#include <math.h>
#include <string.h>
#include "seq_layout.h"


static bool has_text(const char *s) { return s && *s; }

double seq_head_h(const seq_plan *p, int part) {
    if (seq_edge(p, part)) return 0;
    return seq_part_figure(p->parts[part].p->kind) ? p->parts[part].h : p->box_h;
}

/* A message's line sits under its label and half its badge; a message creating a participant
 * leaves half that head above the line too (the head is centred on it). */
double seq_msg_above(const seq_plan *p, const seq_row *r) {
    const jm_sequence_style *st = p->st;
    double text_h = has_text(r->label) ? r->text.height : 0;
    double badge_h = r->number ? fmax(st->badge_size, r->badge.height) : 0;
    double above = fmax(text_h + st->label_gap, badge_h / 2);
    if (r->kind == SEQ_ROW_MSG && r->create) above = fmax(above, seq_head_h(p, r->to) / 2);
    return above;
}

/* Heights of every row; delays measured here because they wrap to the diagram (or frame) width.
 *
 *   message:  label        }  above = max(label + label-gap, badge / 2)
 *             ----->        }
 *                           }  row-gap
 *   begin:    [tab] [label] }  head + frame-gap          end: frame bottom, then frame-gap
 *   else:     - - - - - - - }  tab-padding + label + frame-gap                (row-gap after the last)
 */
void seq_rows_measure(seq_plan *p, double x0, double x1) {
    const jm_sequence_style *st = p->st;
    p->left = x0;
    p->right = x1;
    for (size_t i = 0; i < p->n_rows; i++) {
        seq_row *r = &p->rows[i];
        double above, text_h = has_text(r->label) ? r->text.height : 0;
        switch (r->kind) {
        case SEQ_ROW_MSG: case SEQ_ROW_SELF: {
            if (r->kind == SEQ_ROW_MSG && !r->off && r->text.layout && r->text.lines > 1
                && pango_layout_is_wrapped(r->text.layout)) {
                /* a label wrapped at label-max-width over a longer arrow may use the arrow's length */
                seq_msg_geo g;
                seq_msg_geom(p, r, &g);
                double room = fabs(g.xe - g.xs) - g.badge_r - 2 * st->label_margin;
                if (room > r->text.width + 0.5) {
                    r->text = seq_measure(p, r->label, &st->message_font, room, JM_ALIGN_CENTER);
                    text_h = r->text.height;
                }
            }
            above = seq_msg_above(p, r);
            r->height = above + st->row_gap + (r->kind == SEQ_ROW_SELF ? st->self_height : 0);
            if (r->kind == SEQ_ROW_MSG && r->create) r->height += seq_head_h(p, r->to) / 2;
            if (r->away && p->away_below) r->height += seq_away_drop(p) + r->away_block.height;
            else if (r->away)   /* beside the edge, centred on the line: a wrapped name clear of the next row */
                r->height = fmax(r->height, above + r->away_block.height / 2 + st->label_gap);
            break;
        }
        case SEQ_ROW_NOTE:
            if (r->item->place == JM_NOTE_OVER && r->n_over > 1 && !r->off) {
                /* a note over several lifelines is as wide as they are: its text may use that */
                double x, w;
                seq_note_geom(p, r, &x, &w);
                if (w - 2 * st->note_padding > r->text.width + 0.5)
                    r->text = seq_measure(p, r->label, &st->note_font, w - 2 * st->note_padding, JM_ALIGN_LEFT);
            }
            r->height = r->text.height + 2 * st->note_padding + st->row_gap;
            break;
        case SEQ_ROW_DELAY: {
            double a = x0, b = x1;
            if (r->group >= 0 && !p->groups[r->group].off) { a = p->groups[r->group].x0; b = p->groups[r->group].x1; }
            double wrap = fmax(b - a - 2 * st->frame_padding, st->message_min_width);
            r->text = seq_measure(p, r->label, &st->delay_font, wrap, JM_ALIGN_CENTER);
            text_h = has_text(r->label) ? r->text.height : 0;
            r->height = fmax(st->delay_height, text_h + 2 * st->delay_padding) + st->row_gap;
            break;
        }
        case SEQ_ROW_BEGIN:
            r->height = p->groups[r->group].head_h + st->frame_gap;
            break;
        case SEQ_ROW_ELSE:
            r->height = (r->label ? st->tab_padding + r->text.height : 0) + st->frame_gap;
            break;
        case SEQ_ROW_END:
            r->height = i + 1 < p->n_rows && p->rows[i + 1].kind == SEQ_ROW_END ? st->frame_gap : st->row_gap;
            break;
        }
    }
    const jm_journey *j = p->ctx->journey;
    double wrap = fmax(x1 - x0, st->title_max_width);
    if (p->ctx->width > 0) wrap = fmin(wrap, p->ctx->width - 2 * p->cm->margin);
    p->title_text = j->title;
    p->subtitle_text = has_text(p->seq->title) && (!j->title || strcmp(p->seq->title, j->title) != 0)
                       ? p->seq->title : NULL;
    if (has_text(p->title_text))
        p->title = seq_measure(p, p->title_text, &p->cm->title_font, wrap, JM_ALIGN_LEFT);
    if (p->subtitle_text)
        p->subtitle = seq_measure(p, p->subtitle_text, &p->cm->subtitle_font, wrap, JM_ALIGN_LEFT);
}

/* ---- pages ---- */

static void new_page(seq_walk *w, double left) {
    seq_plan *p = w->p;
    const jm_sequence_style *st = p->st;
    const jm_style_common *cm = p->cm;
    jm_arena *a = p->ctx->arena;
    JM_RESERVE(a, w->pages, w->n_pages, 1, w->cap_pages, 4);
    seq_page *pg = &w->pages[w->n_pages++];
    memset(pg, 0, sizeof *pg);
    for (int k = 0; k < SEQ_LAYERS; k++) pg->layer[k] = jm_scene_new(a, 0, 0, cm->background);
    double y = w->n_pages == 1 ? w->start : cm->margin;
    if (w->n_pages == 1 && p->band_lo == 0 && (has_text(p->title_text) || p->subtitle_text)) {   /* once, over the first band */
        jm_scene *s = pg->layer[SEQ_L_HEAD];
        if (has_text(p->title_text)) {
            jm_scene_text(s, "sequence.title", left, y, p->title_text, &cm->title_font, cm->text,
                          JM_ALIGN_LEFT, seq_wrapped_at(p->title),
                          cm->line_spacing, p->title, -1);
            y += p->title.height;
            if (p->subtitle_text) y += st->title_gap;
        }
        if (p->subtitle_text) {
            jm_scene_text(s, "sequence.subtitle", left, y, p->subtitle_text, &cm->subtitle_font,
                          cm->text_muted, JM_ALIGN_LEFT,
                          seq_wrapped_at(p->subtitle),
                          cm->line_spacing, p->subtitle, -1);
            y += p->subtitle.height;
        }
        y += st->header_gap;
    }
    pg->box_top = y;
    y += p->box_band;
    pg->head_top = y;
    pg->rows_top = y + p->head_h;
    seq_draw_heads(p, pg->layer[SEQ_L_HEAD], pg->head_top, false, w->alive);
    for (size_t i = 0; i < p->n_parts; i++)
        w->life[i] = w->alive[i] == 1 ? (seq_span){ pg->rows_top, INFINITY } : (seq_span){ 1, 0 };
    w->y = pg->rows_top + st->row_gap;
    w->n_delays = 0;
}

/* Ends the current page at `end`: open frames closed (nested bottoms a frame-gap apart),
 * open bars cut, lifelines drawn. */
static void end_page(seq_walk *w, double end) {
    seq_plan *p = w->p;
    seq_page *pg = seq_cur(w);
    double bottom = end;
    for (int k = w->n_open - 1; k >= 0; k--) {   /* innermost first */
        seq_frame_close(w, k, bottom);
        bottom += p->st->frame_gap;
    }
    double lifeline_end = w->n_open > 0 ? bottom - p->st->frame_gap : end;
    for (size_t i = 0; i < p->n_parts; i++) {   /* cut the bars; they go on on the next page */
        int d = w->depth[i];
        while (w->depth[i] > 0) seq_bar_close(w, (int)i, lifeline_end);
        w->depth[i] = d;
    }
    pg->end = lifeline_end;
    for (size_t i = 0; i < p->n_parts; i++)
        if (w->life[i].y1 > lifeline_end) w->life[i].y1 = lifeline_end;
    seq_draw_lifelines(p, pg->layer[SEQ_L_LIFELINE], w->life, w->delays, w->n_delays);
}

/* The first row of the page after the one starting at row `from`: the next break, else n_rows. */
static size_t next_break(const seq_breaks *br, size_t n_rows, size_t from) {
    while (from < n_rows && !br->brk[from]) from++;
    return from;
}

/* The page's width (pt) with `spread` added to every gap between its lifelines. */
static double spread_width(seq_plan *p, double spread) {
    double x0, x1;
    p->spread = spread;
    seq_columns_place(p);
    seq_columns_extent(p, &x0, &x1);
    return x1 - x0;
}

enum { SPREAD_TRIES = 6 };

/* A band's lifelines placed for the rows lo..hi-1 of one of its pages only, spread over the band's
 * width (p->left..right: the page's, cut_bands): each page of a band as wide as the page, whatever
 * its other pages hold (a self-message's loop, a note beside a lifeline, an edge column it does not
 * use). The width grows with the spread, piecewise linearly and ever faster (the widest row or
 * head moves from column to column): secant steps from below, the widest spread that stays within
 * kept; the page's left side then goes at p->left. */
static void page_columns(seq_plan *p, size_t lo, size_t hi) {
    double want = p->right - p->left;
    p->page_lo = hi > lo ? lo : p->n_rows;   /* no rows of its own: its heads only */
    p->page_hi = hi > lo ? hi : p->n_rows + 1;
    p->origin = 0;
    double s_ok = 0, w_ok = spread_width(p, 0), s_was = 0, w_was = w_ok, s_over = INFINITY, w_over = 0;
    for (int k = 0; k < SPREAD_TRIES && p->n_parts > 1 && w_ok < want - 0.5; k++) {
        double s;
        if (k == 0) s = (want - w_ok) / (double)(p->n_parts - 1);   /* at most that much wider a gap */
        else if (isfinite(s_over)) s = s_ok + (s_over - s_ok) * (want - w_ok) / (w_over - w_ok);
        else if (w_ok - w_was > 1e-6) s = s_ok + (want - w_ok) * (s_ok - s_was) / (w_ok - w_was);
        else break;   /* spreading does not widen this page */
        double w = spread_width(p, s);
        if (w <= want + 1e-6) { s_was = s_ok; w_was = w_ok; s_ok = s; w_ok = w; }
        else { s_over = s; w_over = w; }
    }
    double x0, x1;
    spread_width(p, s_ok);
    seq_columns_extent(p, &x0, &x1);
    p->origin = p->left - x0;
    seq_columns_place(p);
}

static void page_break(seq_walk *w, double left, const seq_breaks *br, size_t row) {
    end_page(w, w->y);
    if (w->per_page) page_columns(w->p, row, next_break(br, w->p->n_rows, row + 1));
    new_page(w, left);
    seq_page *pg = seq_cur(w);
    for (size_t i = 0; i < w->p->n_parts; i++)
        for (int l = 0; l < w->depth[i]; l++) w->bar_top[i][l] = pg->rows_top;
    int n = w->n_open;
    w->n_open = 0;
    for (int k = 0; k < n; k++) {   /* outermost first, each under the previous one's tab */
        seq_frame_open(w, w->open[k].group, w->y);
        w->y += w->p->groups[w->open[k].group].head_h + w->p->st->frame_gap;
    }
}

static void draw_row(seq_walk *w, const seq_row *r) {
    switch (r->kind) {
    case SEQ_ROW_MSG: case SEQ_ROW_SELF: seq_draw_message(w, r, w->y); break;
    case SEQ_ROW_NOTE: seq_draw_note(w, r, w->y); break;
    case SEQ_ROW_DELAY: seq_draw_delay(w, r, w->y); break;
    case SEQ_ROW_BEGIN: seq_frame_open(w, r->group, w->y); break;
    case SEQ_ROW_ELSE: seq_frame_else(w, r, w->y); break;
    case SEQ_ROW_END: seq_frame_close(w, w->n_open - 1, w->y); w->n_open--; break;
    }
    w->y += r->height;
}

static void init_walk(seq_walk *w, seq_plan *p) {
    jm_arena *a = p->ctx->arena;
    memset(w, 0, sizeof *w);
    w->p = p;
    w->open = JM_NEWV(a, seq_open_frame, p->n_groups ? p->n_groups : 1);
    w->depth = JM_NEWV(a, int, p->n_parts ? p->n_parts : 1);
    w->bar_top = JM_NEWV(a, double *, p->n_parts ? p->n_parts : 1);
    for (size_t i = 0; i < p->n_parts; i++)
        w->bar_top[i] = JM_NEWV(a, double, p->parts[i].max_depth ? p->parts[i].max_depth : 1);
    w->alive = JM_NEWV(a, int, p->n_parts ? p->n_parts : 1);
    w->life = JM_NEWV(a, seq_span, p->n_parts ? p->n_parts : 1);
    for (size_t i = 0; i < p->n_parts; i++) w->alive[i] = p->parts[i].created_row >= 0 ? 0 : 1;
}

/* On a band, rows with nothing of theirs on it take no room: the band's pages show the messages of
 * its participants, in order, numbered as in the whole. (They still start and end bars.) */
static void drop_off_rows(seq_plan *p) {
    for (size_t i = 0; i < p->n_rows; i++) {
        seq_row *r = &p->rows[i];
        bool frame = r->kind == SEQ_ROW_BEGIN || r->kind == SEQ_ROW_ELSE || r->kind == SEQ_ROW_END;
        if (r->off || (frame && p->groups[r->group].off)) r->height = 0;
    }
}

/* A band's rows top to bottom, its pages breaking where `br` says; bottom heads on the last page;
 * each page as tall as the paper (or its content). */
static void walk_rows(seq_walk *w, const seq_breaks *br, double left, double box_pad) {
    seq_plan *p = w->p;
    size_t *first = JM_NEWV(p->ctx->arena, size_t, p->n_rows + 1), at = 1;   /* each page's first row */
    first[0] = 0;
    for (size_t i = 0; i < p->n_rows; i++) {
        if (br->brk[i]) {
            page_break(w, left, br, i);
            first[at++] = i;
        }
        draw_row(w, &p->rows[i]);
    }
    end_page(w, w->y);
    seq_page *last = seq_cur(w);
    seq_draw_heads(p, last->layer[SEQ_L_HEAD], last->end, true, w->alive);
    for (size_t k = 0; k < w->n_pages; k++) {
        seq_page *pg = &w->pages[k];
        double end = (k + 1 == w->n_pages ? pg->end + p->head_h : pg->end) + box_pad;
        pg->foot = end;
        if (p->n_boxes && w->per_page)
            page_columns(p, first[k], k + 1 < w->n_pages ? first[k + 1] : p->n_rows);
        if (p->n_boxes) seq_draw_boxes(p, pg->layer[SEQ_L_BOX], pg->box_top, end);
        double need = end + p->cm->margin;
        pg->height = w->page_h > 0 ? fmax(w->page_h, need) : need;
    }
}

/* A band's rows measured; the page geometry its breaks are found in. banded: one of several. */
static seq_breaks measure_band(seq_plan *p, bool banded) {
    const jm_style_common *cm = p->cm;
    const jm_layout_ctx *ctx = p->ctx;
    double x0, x1;
    seq_columns_extent(p, &x0, &x1);
    seq_rows_measure(p, x0, x1);
    if (banded) drop_off_rows(p);
    seq_breaks br = { .content_top = cm->margin, .bottom = p->n_boxes ? p->st->box_padding : 0 };
    if (ctx->page_height > 0) {
        double width = fmax(x1 - x0, fmax(p->title.width, p->subtitle.width)) + 2 * cm->margin;
        if (ctx->width > width) width = ctx->width;
        double scale = ctx->page_width > 0 && width > ctx->page_width ? width / ctx->page_width : 1;
        br.page_h = ctx->page_height * scale;
        br.limit = br.page_h - cm->margin - br.bottom;
    }
    return br;
}

/* A walk of the band begun: its first page, heads drawn. */
static void start_walk(seq_plan *p, seq_walk *w, const seq_breaks *br, double start) {
    init_walk(w, p);
    w->page_h = br->page_h;
    w->limit = br->limit;
    w->stacked = start > 0;
    w->start = start > 0 ? start : p->cm->margin;
    new_page(w, p->left);
}

/* One band (or the whole) on its pages, from a page of its own (start 0) or stacked at `start`
 * under the previous band's last rows. Stacked, it must read there: all of it, or (part) a first
 * piece of a few messages; else false, nothing drawn. banded: one of several, its last page
 * balanced as far as it can be, each page's lifelines placed for its own rows. */
static bool place_band(seq_plan *p, seq_walk *w, seq_breaks br, bool banded, double start, bool part) {
    start_walk(p, w, &br, start);
    br.stacked = w->stacked;
    br.first = w->y;   /* under the title (or the band above) on page 1; further pages have none */
    br.top = br.first - (w->pages[0].box_top - p->cm->margin);
    size_t pages = seq_breaks_find(p, &br, banded);
    if (w->stacked && !seq_breaks_stackable(&br, p->n_rows, pages, part)) return false;
    if (banded) {   /* page 1 again, its heads over its own lifelines */
        page_columns(p, 0, next_break(&br, p->n_rows, 0));
        start_walk(p, w, &br, start);
        w->per_page = true;
    }
    walk_rows(w, &br, p->left, br.bottom);
    w->bottom = seq_cur(w)->end + p->head_h + br.bottom;
    w->short_end = seq_breaks_short(&br, w->bottom);
    return true;
}

/* Bands of participants, left to right: a band starts a page of its own unless the previous
 * band's last page has room for it below. It goes there when all of it fits (a page saved), or,
 * when that page is short (its band could not be balanced over its pages), when a first piece
 * of a few messages does: short bands stack, one under the other, each with its own heads. */
size_t seq_rows_place(seq_plan *bands, size_t nb, seq_walk **out) {
    seq_walk *walks = JM_NEWV(bands[0].ctx->arena, seq_walk, nb);
    size_t pages = 0;
    for (size_t b = 0; b < nb; b++) {
        seq_plan *p = &bands[b];
        seq_breaks br = measure_band(p, nb > 1);
        const seq_walk *prev = b > 0 ? &walks[b - 1] : NULL;
        double start = prev && br.page_h > 0 ? prev->bottom + 2 * SEQ_BAND_SEP * p->st->header_gap : 0;
        if (!start || !place_band(p, &walks[b], br, nb > 1, start, prev->short_end))
            place_band(p, &walks[b], br, nb > 1, 0, false);
        pages += walks[b].n_pages - walks[b].stacked;
    }
    *out = walks;
    return pages;
}
