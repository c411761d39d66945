/* seq_plan.c - the sequence flattened into rows: messages, notes, delays, group and rect edges in
 * drawing order, every text measured, activation depth tracked, group spans collected, the rows
 * where participants are created and destroyed noted, box labels measured. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "seq_layout.h"

/* Indexed by jm_group_kind. */
static const char *const group_keywords[] = { "loop", "alt", "opt", "par", "critical", "break" };
#define N_GROUP_KEYWORDS (sizeof group_keywords / sizeof group_keywords[0])

jm_textblock seq_measure(const seq_plan *p, const char *text, const jm_font *font, double wrap,
                         jm_align align) {
    return jm_text_layout(p->ctx->text, p->ctx->arena, text ? text : "", font, wrap, align,
                          p->cm->line_spacing);
}

double seq_wrap(const seq_plan *p, const char *text, const jm_font *font, double base) {
    if (p->fit == 1) return base;
    double w = base * p->fit, word = jm_text_min_width(p->ctx->text, text ? text : "", font);
    return w > word ? w : word;
}

double seq_wrapped_at(jm_textblock b) {
    return b.wrap;
}

static seq_row *add_row(seq_plan *p, seq_row_kind kind, const jm_seq_item *it, int group) {
    JM_RESERVE(p->ctx->arena, p->rows, p->n_rows, 1, p->cap_rows, 64);
    seq_row *r = &p->rows[p->n_rows++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->item = it;
    r->group = group;
    r->x0 = 1;      /* empty extent until the columns are known */
    r->x1 = 0;
    return r;
}

static int add_group(seq_plan *p, const jm_seq_item *it, int parent) {
    JM_RESERVE(p->ctx->arena, p->groups, p->n_groups, 1, p->cap_groups, 16);
    seq_group *g = &p->groups[p->n_groups];
    memset(g, 0, sizeof *g);
    g->item = it;
    g->parent = parent;
    g->lo = g->glo = INT_MAX;   /* empty spans */
    g->hi = g->ghi = -1;
    return (int)p->n_groups++;
}

int seq_col(const seq_plan *p, int part) {
    if (part < p->band_lo || part > p->band_hi) return -1;
    return part - p->band_lo + (p->edge_l >= 0);
}

/* The column of participant `part`, or the edge column on its side when it is off the band. */
static int col_at(const seq_plan *p, int part) {
    int c = seq_col(p, part);
    return c >= 0 ? c : part < p->band_lo ? p->edge_l : p->edge_r;
}

/* Group `group` (and so its enclosing ones) holds something at column `col`. */
static void touch(seq_plan *p, int group, int col) {
    if (group < 0 || col < 0) return;
    seq_group *g = &p->groups[group];
    if (col < g->lo) g->lo = col;
    if (col > g->hi) g->hi = col;
}

/* ... and at participant `part` of the sequence, on the band or not. */
static void touch_part(seq_plan *p, int group, int part) {
    if (group < 0 || part < 0) return;
    seq_group *g = &p->groups[group];
    if (part < g->glo) g->glo = part;
    if (part > g->ghi) g->ghi = part;
}

static const char *bracketed(seq_plan *p, const char *label) {
    return label && *label ? jm_arena_concat(p->ctx->arena, "[", label, "]", NULL) : NULL;
}

/* The header of group g: keyword tab and label, and the width the frame needs for them. */
static void measure_group(seq_plan *p, int gi) {
    const jm_sequence_style *st = p->st;
    seq_group *g = &p->groups[gi];
    unsigned k = (unsigned)g->item->group;
    g->keyword_text = group_keywords[k < N_GROUP_KEYWORDS ? k : 0];
    g->keyword = seq_measure(p, g->keyword_text, &st->tab_font, 0, JM_ALIGN_LEFT);
    g->tab_w = g->keyword.width + 2 * st->tab_padding + st->tab_cut / 2;
    g->tab_h = g->keyword.height + 2 * st->tab_padding;
    g->head_h = g->tab_h;
    g->need_w = g->tab_w + 2 * st->frame_padding;
    g->label_text = bracketed(p, g->item->sections[0].label);
    if (g->label_text) {
        g->label = seq_measure(p, g->label_text, &st->frame_label_font,
                               seq_wrap(p, g->label_text, &st->frame_label_font, st->label_max_width), JM_ALIGN_LEFT);
        /* The label's first baseline sits on the keyword's. */
        double drop = g->keyword.baseline - g->label.baseline;
        double h = st->tab_padding + (drop > 0 ? drop : 0) + g->label.height + st->tab_padding;
        if (h > g->head_h) g->head_h = h;
        g->need_w = g->tab_w + st->label_margin + g->label.width + st->frame_padding;
    }
}

/* The autonumber as the plan walks the messages in order. */
typedef struct { bool on; int next, step; } numbering;

static void plan_items(seq_plan *p, const jm_seq_item *items, size_t n, int group, int *depth,
                       numbering *counter);

/* A message may turn the numbering off or on, or restart it at its own number with a new step;
 * a message drawn without a number still counts (`autonumber off` hides numbers, Mermaid's way). */
static void number_message(seq_plan *p, const jm_seq_item *it, seq_row *r, numbering *n) {
    if (it->numbering != JM_NUMBER_KEEP) n->on = it->numbering == JM_NUMBER_ON;
    if (it->numbering == JM_NUMBER_ON && it->number_start > 0) n->next = it->number_start;
    if (it->numbering == JM_NUMBER_ON && it->number_step > 0) n->step = it->number_step;
    int number = n->next;
    if (n->next <= INT_MAX - n->step) n->next += n->step;   /* counted while off too, as Mermaid does */
    if (!n->on) return;
    r->number = number;
    r->badge_label = jm_arena_printf(p->ctx->arena, "%d", r->number);
    r->badge = seq_measure(p, r->badge_label, &p->st->badge_font, 0, JM_ALIGN_CENTER);
}

/* Participant `part` of the sequence has `d` bars open: its column's most, when on the band. */
static void deepen(seq_plan *p, int part, int d) {
    int c = seq_col(p, part);
    if (c >= 0 && d > p->parts[c].max_depth) p->parts[c].max_depth = d;
}

/* The name of a participant off the band, with an arrow the way the message goes: "→ name" at
 * the right edge, "name →" at the left one (leftward: "name ←", "← name"); set towards the edge:
 * away from it beside the band, against it under the line (away_below). */
static void plan_away(seq_plan *p, seq_row *r) {
    const jm_participant *a = r->away;
    const char *name = a->label && *a->label ? a->label : a->id;
    const char *arrow = r->to > r->from ? "\u2192" : "\u2190";
    bool right = (r->to == p->edge_r && seq_edge(p, r->to)) || (r->from == p->edge_r && seq_edge(p, r->from));
    r->away_text = right ? jm_arena_concat(p->ctx->arena, arrow, " ", name, NULL)
                         : jm_arena_concat(p->ctx->arena, name, " ", arrow, NULL);
    r->away_block = seq_measure(p, r->away_text, &p->st->message_font,
                                seq_wrap(p, r->away_text, &p->st->message_font, p->st->part_max_width),
                                right != p->away_below ? JM_ALIGN_LEFT : JM_ALIGN_RIGHT);
}

static void plan_message(seq_plan *p, const jm_seq_item *it, int group, int *depth, numbering *counter) {
    const jm_sequence_style *st = p->st;
    int f = it->from, t = it->to, cf = seq_col(p, f), ct = seq_col(p, t);
    seq_row *r = add_row(p, f == t ? SEQ_ROW_SELF : SEQ_ROW_MSG, it, group);
    r->off = cf < 0 && ct < 0;
    r->from = col_at(p, f);
    r->to = col_at(p, t);
    r->create = it->create && ct >= 0;
    r->activate = it->activate && ct >= 0;
    r->deactivate = it->deactivate && cf >= 0;
    for (size_t k = 0; k < it->n_opens; k++) {   /* bars that start at its line, before it */
        int o = it->opens[k];
        deepen(p, o, ++depth[o]);
        touch(p, group, seq_col(p, o));
    }
    r->from_depth = cf >= 0 ? depth[f] : 0;
    r->to_depth = ct >= 0 ? depth[t] : 0;
    r->label = it->text ? it->text : "";
    r->text = seq_measure(p, r->label, &st->message_font, seq_wrap(p, r->label, &st->message_font, st->label_max_width),
                          f == t ? JM_ALIGN_LEFT : JM_ALIGN_CENTER);
    number_message(p, it, r, counter);
    if (!r->off && (cf < 0 || ct < 0)) {
        r->away = &p->seq->participants[cf < 0 ? f : t];
        plan_away(p, r);
    }
    int row = (int)(p->n_rows - 1);
    if (r->create) p->parts[ct].created_row = row;
    if (it->destroy_from && cf >= 0) p->parts[cf].destroyed_row = row;
    if (it->destroy_to && ct >= 0) p->parts[ct].destroyed_row = row;
    if (it->deactivate && depth[f] > 0) depth[f]--;
    if (it->activate) deepen(p, t, ++depth[t]);
    for (size_t k = 0; k < it->n_closes; k++)
        if (depth[it->closes[k]] > 0) depth[it->closes[k]]--;
    touch_part(p, group, f);
    touch_part(p, group, t);
    if (!r->off) {
        touch(p, group, r->from);
        touch(p, group, r->to);
    }
}

/* A note on the band: by its participant, or over the columns from its leftmost participant's
 * to its rightmost's (an edge column where it goes on past the band); off when none is here. */
static void plan_note(seq_plan *p, seq_row *r, int group, const int *depth) {
    const jm_seq_item *it = r->item;
    int lo = INT_MAX, hi = -1;
    for (size_t k = 0; k < it->n_over; k++) {
        if (it->over[k] < lo) lo = it->over[k];
        if (it->over[k] > hi) hi = it->over[k];
        touch_part(p, group, it->over[k]);
    }
    r->over = JM_NEWV(p->ctx->arena, int, 2);
    int c = it->n_over ? seq_col(p, it->over[0]) : -1;
    r->from_depth = c >= 0 ? depth[it->over[0]] : 0;
    if (it->place != JM_NOTE_OVER || lo == hi) {
        r->off = c < 0;
        r->over[0] = c;
        r->n_over = 1;
    } else {
        r->off = hi < p->band_lo || lo > p->band_hi;
        r->over[0] = col_at(p, lo);
        r->over[1] = col_at(p, hi);
        r->n_over = 2;
        r->cut = (lo < p->band_lo ? SEQ_CUT_LEFT : 0) | (hi > p->band_hi ? SEQ_CUT_RIGHT : 0);
    }
    if (r->off) return;
    for (size_t k = 0; k < r->n_over; k++) touch(p, group, r->over[k]);
}

static void plan_group(seq_plan *p, const jm_seq_item *it, int group, int *depth, numbering *counter) {
    int g = add_group(p, it, group);
    if (it->kind == JM_SEQ_RECT) {   /* no tab, no label: the content starts a frame-gap down */
        seq_group *gr = &p->groups[g];
        gr->rect = true;
        gr->fill = it->has_color ? it->color : p->st->rect_fill;
    } else {
        measure_group(p, g);
    }
    add_row(p, SEQ_ROW_BEGIN, it, g);
    for (size_t s = 0; s < it->n_sections; s++) {
        const jm_seq_section *sec = &it->sections[s];
        if (s > 0) {
            seq_row *r = add_row(p, SEQ_ROW_ELSE, it, g);
            r->section = (int)s;
            r->label = bracketed(p, sec->label);
            if (r->label) {
                r->text = seq_measure(p, r->label, &p->st->frame_label_font,
                                      seq_wrap(p, r->label, &p->st->frame_label_font, p->st->label_max_width),
                                      JM_ALIGN_LEFT);
                double need = r->text.width + 2 * p->st->frame_padding;
                if (need > p->groups[g].need_w) p->groups[g].need_w = need;
            }
        }
        plan_items(p, sec->items, sec->n_items, g, depth, counter);
    }
    add_row(p, SEQ_ROW_END, it, g);
    seq_group *gr = &p->groups[g];
    if (gr->glo <= gr->ghi) {   /* on the band, cut at its edges, or off it (nothing of it here) */
        gr->off = gr->lo > gr->hi;
        if (!gr->off && gr->glo < p->band_lo) { gr->cut |= SEQ_CUT_LEFT; touch(p, g, p->edge_l); }
        if (!gr->off && gr->ghi > p->band_hi) { gr->cut |= SEQ_CUT_RIGHT; touch(p, g, p->edge_r); }
        touch_part(p, group, gr->glo);
        touch_part(p, group, gr->ghi);
    }
    if (gr->lo <= gr->hi) { touch(p, group, gr->lo); touch(p, group, gr->hi); }
}

static void plan_items(seq_plan *p, const jm_seq_item *items, size_t n, int group, int *depth,
                       numbering *counter) {
    const jm_sequence_style *st = p->st;
    for (size_t i = 0; i < n; i++) {
        const jm_seq_item *it = &items[i];
        switch (it->kind) {
        case JM_SEQ_MESSAGE:
            plan_message(p, it, group, depth, counter);
            break;
        case JM_SEQ_NOTE: {
            seq_row *r = add_row(p, SEQ_ROW_NOTE, it, group);
            r->label = it->text ? it->text : "";
            r->text = seq_measure(p, r->label, &st->note_font, seq_wrap(p, r->label, &st->note_font, st->note_max_width),
                                  JM_ALIGN_LEFT);
            plan_note(p, r, group, depth);
            break;
        }
        case JM_SEQ_DELAY: {
            seq_row *r = add_row(p, SEQ_ROW_DELAY, it, group);
            r->label = it->text ? it->text : "";
            break;
        }
        case JM_SEQ_GROUP: case JM_SEQ_RECT:
            plan_group(p, it, group, depth, counter);
            break;
        }
    }
}

/* Heads: a box, a box with a header band, a cylinder, a lying cylinder, a stack of boxes, or a
 * figure (stick figure, boundary, control, entity) over its name. */
static void plan_parts(seq_plan *p) {
    const jm_sequence_style *st = p->st;
    p->box_h = 0;
    double actor_h = 0;
    for (size_t i = 0; i < p->n_parts; i++) {
        seq_part *pt = &p->parts[i];
        pt->max_depth = 0;
        pt->created_row = pt->destroyed_row = -1;
        if (!pt->p) { pt->w = pt->h = 0; continue; }   /* an edge column: no head */
        const char *name = pt->p->label ? pt->p->label : pt->p->id;
        pt->label = seq_measure(p, name, &st->part_font, seq_wrap(p, name, &st->part_font, st->part_max_width),
                                JM_ALIGN_CENTER);
        double lw = pt->label.width, lh = pt->label.height;
        switch (pt->p->kind) {
        case JM_PART_ACTOR:
            pt->w = lw > st->actor_width ? lw : st->actor_width;
            pt->h = st->actor_height + st->actor_label_gap + lh;
            if (pt->h > actor_h) actor_h = pt->h;
            continue;
        case JM_PART_BOUNDARY: case JM_PART_CONTROL: case JM_PART_ENTITY: {
            double sw, sh;
            seq_symbol_size(st, pt->p->kind, &sw, &sh);
            pt->w = lw > sw ? lw : sw;
            pt->h = sh + st->actor_label_gap + lh;
            if (pt->h > actor_h) actor_h = pt->h;
            continue;
        }
        case JM_PART_QUEUE:   /* the name beside the front face's ellipse */
            pt->h = lh + 2 * st->part_padding_y;
            pt->w = lw + 2 * st->part_padding_x + st->database_cap;
            if (pt->w < st->part_min_width * p->fit) pt->w = st->part_min_width * p->fit;
            if (pt->h > p->box_h) p->box_h = pt->h;
            continue;
        case JM_PART_COLLECTIONS:
            pt->h = lh + 2 * st->part_padding_y + SEQ_STACK_OFFSET;
            pt->w = lw + 2 * st->part_padding_x + SEQ_STACK_OFFSET;
            if (pt->w < st->part_min_width * p->fit) pt->w = st->part_min_width * p->fit;
            if (pt->h > p->box_h) p->box_h = pt->h;
            continue;
        case JM_PART_SYSTEM:
            pt->h = st->system_band_height + lh + 2 * st->part_padding_y;
            break;
        case JM_PART_DATABASE:
            pt->h = 1.5 * st->database_cap + lh + 2 * st->part_padding_y;
            break;
        case JM_PART_PARTICIPANT:
            pt->h = lh + 2 * st->part_padding_y;
            break;
        }
        pt->w = lw + 2 * st->part_padding_x;
        if (pt->w < st->part_min_width * p->fit) pt->w = st->part_min_width * p->fit;
        if (pt->h > p->box_h) p->box_h = pt->h;
    }
    p->head_h = p->box_h > actor_h ? p->box_h : actor_h;
}

/* Box labels and colours (of the boxes on the band, cut to it); the band above the heads they need. */
static void plan_boxes(seq_plan *p) {
    const jm_sequence_style *st = p->st;
    p->n_boxes = 0;
    p->boxes = JM_NEWV(p->ctx->arena, seq_box, p->seq->n_boxes ? p->seq->n_boxes : 1);
    double label_h = 0;
    for (size_t i = 0; i < p->seq->n_boxes; i++) {
        const jm_seq_box *sb = &p->seq->boxes[i];
        int first = sb->first < p->band_lo ? p->band_lo : sb->first;
        int last = sb->last > p->band_hi ? p->band_hi : sb->last;
        if (first > last) continue;
        seq_box *b = &p->boxes[p->n_boxes++];
        b->b = sb;
        b->first = seq_col(p, first);
        b->last = seq_col(p, last);
        b->fill = b->b->has_color ? b->b->color : st->box_fill;
        b->text = jm_color_readable(st->box_text, jm_color_over(b->fill, p->cm->background));
        if (b->b->label) {
            b->label = seq_measure(p, b->b->label, &st->box_font,
                                   seq_wrap(p, b->b->label, &st->box_font, st->part_max_width), JM_ALIGN_CENTER);
            if (b->label.height > label_h) label_h = b->label.height;
        }
    }
    p->box_band = !p->n_boxes ? 0 : label_h > 0 ? label_h + 2 * st->box_padding : st->box_padding;
}

void seq_plan_build(seq_plan *p) {
    jm_arena *a = p->ctx->arena;
    int n = (int)p->seq->n_participants;
    if (p->band_hi < p->band_lo || p->band_hi >= n) { p->band_lo = 0; p->band_hi = n - 1; }
    p->edge_l = p->band_lo > 0 ? 0 : -1;
    p->n_parts = (size_t)(p->band_hi - p->band_lo + 1 + (p->band_lo > 0) + (p->band_hi < n - 1));
    p->edge_r = p->band_hi < n - 1 ? (int)p->n_parts - 1 : -1;
    p->parts = JM_NEWV(a, seq_part, p->n_parts ? p->n_parts : 1);
    for (int i = p->band_lo; i <= p->band_hi; i++) p->parts[seq_col(p, i)].p = &p->seq->participants[i];
    plan_parts(p);
    plan_boxes(p);
    p->n_rows = p->n_groups = 0;
    int *depth = JM_NEWV(a, int, n ? (size_t)n : 1);   /* per participant of the sequence */
    numbering counter = { p->seq->autonumber, p->seq->autonumber_start > 0 ? p->seq->autonumber_start : 1,
                          p->seq->autonumber_step > 0 ? p->seq->autonumber_step : 1 };
    plan_items(p, p->seq->items, p->seq->n_items, -1, depth, &counter);
}
