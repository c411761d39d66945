/* seq_notes.c - notes in folded-corner boxes, delays (lifelines break, the text centred across),
 * group frames (outline, keyword tab, label, dashed lines between sections) and rect highlights. */
#include <math.h>
#include <string.h>
#include "seq_layout.h"

/*   x            x+w-f  x+w
 *   +--------------+\          f = note-fold (at most note-padding, so text stays clear)
 *   |  text        |_\
 *   |                 |
 *   +-----------------+
 */
/* The outline of a piece of a box from x0 to x1, top to bottom, open on its cut sides (SEQ_CUT_*):
 * the box goes on past the band's edge there. Ops 2 and 3 are at the bottom. */
static int open_box(jm_scene *s, const char *role, double x0, double x1, double top, double bottom, int cut,
                    jm_paint paint) {
    jm_path_op ops[4];
    double a = cut & SEQ_CUT_LEFT ? x1 : x0, b = cut & SEQ_CUT_LEFT ? x0 : x1;   /* the closed side: a */
    ops[0] = (jm_path_op){ .op = JM_OP_MOVE, .x = b, .y = top };
    ops[1] = (jm_path_op){ .op = JM_OP_LINE, .x = a, .y = top };
    ops[2] = (jm_path_op){ .op = (cut & SEQ_CUT_LEFT) && (cut & SEQ_CUT_RIGHT) ? JM_OP_MOVE : JM_OP_LINE,
                           .x = a, .y = bottom };
    ops[3] = (jm_path_op){ .op = JM_OP_LINE, .x = b, .y = bottom };
    return jm_scene_path(s, role, ops, 4, paint, JM_HEAD_NONE, JM_HEAD_NONE, 0);
}

void seq_draw_note(seq_walk *w, const seq_row *r, double top) {
    const seq_plan *p = w->p;
    const jm_sequence_style *st = p->st;
    if (r->off) return;
    jm_scene *s = seq_cur(w)->layer[SEQ_L_MSG];
    double x, bw, pad = st->note_padding, f = fmin(st->note_fold, pad);
    seq_note_geom(p, r, &x, &bw);
    double h = r->text.height + 2 * pad;
    if (r->cut) {   /* over participants past the band's edge: open there, no fold */
        int note = jm_scene_rect(s, "sequence.note", x, top, bw, h, 0, jm_paint_fill(st->note_fill));
        s->items[note].src = r->item->pos;
        open_box(s, "sequence.note.edge", x, x + bw, top, top + h, r->cut,
                 jm_paint_stroke(st->note_stroke, st->part_stroke_width));
        int t = jm_scene_text(s, "sequence.note.text", x + (bw - r->text.width) / 2 - r->text.x, top + pad, r->label,
                              &st->note_font, st->note_text, JM_ALIGN_LEFT, seq_wrapped_at(r->text),
                              p->cm->line_spacing, r->text, note);
        s->items[t].src = r->item->pos;
        return;
    }
    jm_path_op box[] = {
        { .op = JM_OP_MOVE, .x = x, .y = top },
        { .op = JM_OP_LINE, .x = x + bw - f, .y = top },
        { .op = JM_OP_LINE, .x = x + bw, .y = top + f },
        { .op = JM_OP_LINE, .x = x + bw, .y = top + h },
        { .op = JM_OP_LINE, .x = x, .y = top + h },
        { .op = JM_OP_CLOSE },
    };
    int note = jm_scene_path(s, "sequence.note", box, sizeof box / sizeof box[0],
                             jm_paint_both(st->note_fill, st->note_stroke, st->part_stroke_width),
                             JM_HEAD_NONE, JM_HEAD_NONE, 0);
    s->items[note].src = r->item->pos;
    jm_path_op fold[] = {
        { .op = JM_OP_MOVE, .x = x + bw - f, .y = top },
        { .op = JM_OP_LINE, .x = x + bw - f, .y = top + f },
        { .op = JM_OP_LINE, .x = x + bw, .y = top + f },
    };
    jm_scene_path(s, "sequence.note.fold", fold, sizeof fold / sizeof fold[0],
                  jm_paint_stroke(st->note_stroke, st->part_stroke_width), JM_HEAD_NONE, JM_HEAD_NONE, 0);
    double tx = x + (bw - r->text.width) / 2;   /* centred when the note is wider than its text */
    int t = jm_scene_text(s, "sequence.note.text", tx - r->text.x, top + pad, r->label, &st->note_font,
                          st->note_text, JM_ALIGN_LEFT,
                          seq_wrapped_at(r->text),
                          p->cm->line_spacing,
                          r->text, note);
    s->items[t].src = r->item->pos;
}

/* A delay: the lifelines turn dotted over its height; the text sits in the middle, centred on
 * the diagram (or on its frame). */
void seq_draw_delay(seq_walk *w, const seq_row *r, double top) {
    seq_plan *p = w->p;
    const jm_sequence_style *st = p->st;
    double h = r->height - st->row_gap;
    JM_RESERVE(p->ctx->arena, w->delays, w->n_delays, 1, w->cap_delays, 8);
    w->delays[w->n_delays++] = (seq_span){ top, top + h };
    if (!r->label || !*r->label) return;
    double cx = (p->left + p->right) / 2;
    if (r->group >= 0) cx = (p->groups[r->group].x0 + p->groups[r->group].x1) / 2;
    seq_label(w, seq_cur(w)->layer[SEQ_L_MSG], "sequence.delay.text", cx - r->text.width / 2,
              top + (h - r->text.height) / 2, r->label, r->text, &st->delay_font, st->delay_text,
              r->item->pos, -1);
}

/* A frame's piece on this page starts at `top`: outline (its height set when it closes), the
 * keyword in a tab at the top left, the label beside it.
 *
 *   +--------+-----------------------------+
 *   | loop   |  [every 90 days]            |
 *   +------./                              |
 *   |   ...content...                      |
 */
void seq_frame_open(seq_walk *w, int gi, double top) {
    seq_plan *p = w->p;
    const jm_sequence_style *st = p->st;
    const seq_group *g = &p->groups[gi];
    seq_page *pg = seq_cur(w);
    jm_scene *s = pg->layer[SEQ_L_FRAME];
    seq_open_frame *of = &w->open[w->n_open++];
    of->group = gi;
    of->top = top;
    of->bg = of->rect = -1;
    if (g->off) return;   /* nothing of it on this band */
    double x0 = g->x0, fw = g->x1 - g->x0, r = st->frame_radius;
    if (g->rect) {   /* a highlight: its fill only */
        of->bg = jm_scene_rect(pg->layer[SEQ_L_FRAME_BG], "sequence.rect", x0, top, fw, 0, r, jm_paint_fill(g->fill));
        pg->layer[SEQ_L_FRAME_BG]->items[of->bg].src = g->item->pos;
        return;
    }
    if (st->frame_fill.a > 0)
        of->bg = jm_scene_rect(pg->layer[SEQ_L_FRAME_BG], "sequence.frame.fill", x0, top, fw, 0, r,
                               jm_paint_fill(st->frame_fill));
    jm_paint outline = jm_paint_dashed(jm_paint_stroke(st->frame_stroke, st->frame_width), st->frame_dash);
    /* cut at the band's edge: open there, as going on to the next band's page */
    of->rect = g->cut ? open_box(s, "sequence.frame", x0, x0 + fw, top, top, g->cut, outline)
                      : jm_scene_rect(s, "sequence.frame", x0, top, fw, 0, r, outline);
    s->items[of->rect].src = g->item->pos;
    double tw = g->tab_w, th = g->tab_h, cut = fmin(st->tab_cut, th / 2), k = 0.5522847498;
    double rr = fmin(r, th / 2);
    jm_path_op tab[] = {
        { .op = JM_OP_MOVE, .x = x0, .y = top + th },
        { .op = JM_OP_LINE, .x = x0, .y = top + rr },
        { .op = JM_OP_CURVE, .x1 = x0, .y1 = top + rr - k * rr, .x2 = x0 + rr - k * rr, .y2 = top, .x = x0 + rr, .y = top },
        { .op = JM_OP_LINE, .x = x0 + tw, .y = top },
        { .op = JM_OP_LINE, .x = x0 + tw, .y = top + th - cut },
        { .op = JM_OP_LINE, .x = x0 + tw - cut, .y = top + th },
        { .op = JM_OP_CLOSE },
    };
    int t = jm_scene_path(s, "sequence.frame.tab", tab, sizeof tab / sizeof tab[0],
                          jm_paint_both(st->tab_fill, st->frame_stroke, st->frame_width), JM_HEAD_NONE, JM_HEAD_NONE, 0);
    int kw = jm_scene_text(s, "sequence.frame.keyword", x0 + st->tab_padding - g->keyword.x, top + st->tab_padding,
                           g->keyword_text, &st->tab_font, st->tab_text, JM_ALIGN_LEFT, 0, p->cm->line_spacing,
                           g->keyword, t);
    s->items[kw].src = g->item->pos;
    if (g->label_text) {
        double drop = g->keyword.baseline - g->label.baseline;
        seq_label(w, s, "sequence.frame.label", x0 + tw + st->label_margin,
                  top + st->tab_padding + (drop > 0 ? drop : 0), g->label_text, g->label,
                  &st->frame_label_font, st->frame_label, g->item->pos, of->rect);
    }
}

/* The dashed line starting another section, its label under the line at the left. */
void seq_frame_else(seq_walk *w, const seq_row *r, double top) {
    seq_plan *p = w->p;
    const jm_sequence_style *st = p->st;
    const seq_group *g = &p->groups[r->group];
    if (g->off) return;
    jm_scene *s = seq_cur(w)->layer[SEQ_L_FRAME];
    int line = jm_scene_line(s, "sequence.frame.else", g->x0, top, g->x1, top,
                             jm_paint_dashed(jm_paint_stroke(st->frame_stroke, st->frame_width), st->else_dash),
                             JM_HEAD_NONE, JM_HEAD_NONE, 0);
    s->items[line].src = g->item->sections[r->section].pos;
    if (r->label)
        seq_label(w, s, "sequence.frame.else.label", g->x0 + st->frame_padding, top + st->tab_padding, r->label,
                  r->text, &st->frame_label_font, st->frame_label, g->item->sections[r->section].pos,
                  w->n_open > 0 ? w->open[w->n_open - 1].rect : -1);
}

void seq_frame_close(seq_walk *w, int k, double bottom) {
    seq_page *pg = seq_cur(w);
    seq_open_frame *of = &w->open[k];
    jm_item *outline = of->rect >= 0 ? &pg->layer[SEQ_L_FRAME]->items[of->rect] : NULL;
    if (outline && outline->kind == JM_ITEM_PATH) {   /* open_box */
        outline->ops[2].y = outline->ops[3].y = bottom;
        outline->h = bottom - outline->y;
    } else if (outline) outline->h = bottom - of->top;
    if (of->bg >= 0) pg->layer[SEQ_L_FRAME_BG]->items[of->bg].h = bottom - of->top;
}
