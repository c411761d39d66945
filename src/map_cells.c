/* map_cells.c - what goes inside one cell of a lane: the funnel's item cards, list entries with
 * dots, actions with their step heading and tags, touchpoint tags, quote cards, pain-point and
 * opportunity cards. */
#include "map_int.h"
#include "funnel.h"
#include <math.h>

/* Measured text placed with its box's left edge at x; its container is `box`. */
static int put(mp_map *M, jm_scene *s, const char *role, double x, double y, const char *text, const jm_font *font,
               jm_color color, double wrap, jm_textblock b, int box, jm_pos src) {
    int t = jm_scene_text(s, role, x - b.x, y, text, font, color, JM_ALIGN_LEFT, wrap, M->ls, b, box);
    s->items[t].src = src;
    return t;
}

static jm_textblock measure(mp_map *M, const char *text, const jm_font *font, double wrap) {
    return jm_text_layout(M->text, M->a, text ? text : "", font, wrap, JM_ALIGN_LEFT, M->ls);
}

/* A dot and its text, the dot centred on the first line's x-height:
 *
 *    o  text wrapped to the width
 *       left of the dot's column
 */
double mp_bullet(mp_map *M, jm_scene *s, const char *role, const char *text, const jm_font *font, jm_color color,
                 jm_color dot, double x, double y, double w, int box, jm_pos src) {
    const jm_map_style *st = &M->st;
    double d = st->bullet_size, ind = d + st->bullet_gap, wrap = fmax(1, w - ind);
    jm_textblock b = measure(M, text, font, wrap);
    double cy = y + b.baseline - font->size * 0.3;   /* middle of a lower-case letter */
    int k = jm_scene_rect(s, "map.bullet", x, cy - d / 2, d, d, d / 2, jm_paint_fill(dot));
    s->items[k].container = box;
    put(M, s, role, x + ind, y, text, font, color, wrap, b, box, src);
    return b.height;
}

typedef struct { const char *text; jm_color fill, stroke, color; const char *role; } mp_tag;

/* Tags flowing left to right from (x, y), a new line when the next does not fit in w; a tag
 * wider than w wraps its text. Returns the height. */
static double tags(mp_map *M, jm_scene *s, const mp_tag *t, size_t n, double x, double y, double w, int box, jm_pos src) {
    const jm_map_style *st = &M->st;
    double px = st->tag_padding_x, py = st->tag_padding_y, gap = st->tag_gap;
    double cx = x, cy = y, line_h = 0;
    for (size_t i = 0; i < n; i++) {
        jm_textblock b = measure(M, t[i].text, &st->tag_font, fmax(1, w - 2 * px));
        double tw = b.width + 2 * px, th = b.height + 2 * py;
        if (cx > x && cx + tw > x + w) {
            cy += line_h + gap;
            cx = x;
            line_h = 0;
        }
        int r = jm_scene_rect(s, t[i].role, cx, cy, tw, th, st->tag_radius,
                              jm_paint_both(t[i].fill, t[i].stroke, st->tag_stroke_width));
        s->items[r].container = box;
        s->items[r].src = src;
        put(M, s, "map.tag.text", cx + px, cy + py, t[i].text, &st->tag_font, t[i].color, fmax(1, w - 2 * px), b, r, src);
        cx += tw + gap;
        line_h = fmax(line_h, th);
    }
    return n ? cy + line_h - y : 0;
}

static const char *prefixed(mp_map *M, const char *prefix, const char *text) {
    return prefix && *prefix ? jm_arena_printf(M->a, "%s%s", prefix, text) : text;
}

/* A card: an optional bold title, then the text, padded.
 *
 *   +----------------------+
 *   |  Title               |   title font, then card-text-gap
 *   |  text, wrapped       |
 *   +----------------------+
 */
static double card(mp_map *M, jm_scene *s, const char *role, jm_paint paint, const char *title, const jm_font *tf,
                   jm_color tc, const char *text, const jm_font *f, jm_color c, double x, double y, double w,
                   int box, jm_pos src) {
    const jm_map_style *st = &M->st;
    double pad = st->card_padding, wrap = fmax(1, w - 2 * pad);
    bool has_t = title && *title, has_x = text && *text;
    jm_textblock bt = has_t ? measure(M, title, tf, wrap) : (jm_textblock){ 0 };
    jm_textblock bx = has_x ? measure(M, text, f, wrap) : (jm_textblock){ 0 };
    double h = 2 * pad + bt.height + bx.height + (has_t && has_x ? st->card_text_gap : 0);
    int r = jm_scene_rect(s, role, x, y, w, h, st->card_radius, paint);
    s->items[r].container = box;
    s->items[r].src = src;
    double ty = y + pad;
    if (has_t) {
        put(M, s, "map.card.title", x + pad, ty, title, tf, tc, wrap, bt, r, src);
        ty += bt.height + st->card_text_gap;
    }
    if (has_x) put(M, s, "map.card.text", x + pad, ty, text, f, c, wrap, bx, r, src);
    return h;
}

/* An action: its step's heading (the step's first action only), the text with a dot, and the
 * channel and frequency as tags under the text. */
static double action(mp_map *M, jm_scene *s, const mp_entry *e, double x, double y, double w, int box) {
    const jm_map_style *st = &M->st;
    double y0 = y, ind = st->bullet_size + st->bullet_gap;
    if (e->title) {
        jm_textblock b = measure(M, e->title, &st->step_font, w);
        size_t from = s->n_items;
        put(M, s, "map.step", x, y, e->title, &st->step_font, st->step_color, w, b, box, e->src);
        jm_scene_link(s, from, e->url);
        y += b.height + st->tag_gap;
    }
    y += mp_bullet(M, s, "map.text", e->text, &st->text_font, st->text_color, st->bullet_color, x, y, w, box, e->src);
    mp_tag t[2];
    size_t n = 0;
    if (e->channel && *e->channel)
        t[n++] = (mp_tag){ prefixed(M, st->channel_prefix, e->channel), st->channel_fill, st->channel_stroke,
                           st->channel_text, "map.tag.channel" };
    if (e->frequency && *e->frequency)
        t[n++] = (mp_tag){ prefixed(M, st->frequency_prefix, e->frequency), st->frequency_fill, st->frequency_stroke,
                           st->frequency_text, "map.tag.frequency" };
    if (n) y += st->tag_gap + tags(M, s, t, n, x + ind, y + st->tag_gap, fmax(1, w - ind), box, e->src);
    return y - y0;
}

double mp_cell_entries(mp_map *M, const mp_lane *lane, const mp_cell *cell, jm_scene *s, double x, double y,
                       double w, int box) {
    const jm_map_style *st = &M->st;
    if (!cell->n) return 0;
    if (lane->kind == MP_TAGS) {   /* touchpoints: one flow of tags */
        mp_tag *t = JM_NEWV(M->a, mp_tag, cell->n);
        for (size_t i = 0; i < cell->n; i++)
            t[i] = (mp_tag){ cell->v[i].text, st->touchpoint_fill, st->touchpoint_stroke, st->touchpoint_text,
                             "map.tag.touchpoint" };
        return tags(M, s, t, cell->n, x, y, w, box, cell->v[0].src);
    }
    double y0 = y;
    for (size_t i = 0; i < cell->n; i++) {
        const mp_entry *e = &cell->v[i];
        if (i > 0) y += st->item_gap;
        switch (lane->kind) {
        case MP_CARDS:
            y += jm_funnel_card(M->ctx, s, e->stage, e->card, x, y, w, box);
            break;
        case MP_ACTIONS:
            y += action(M, s, e, x, y, w, box);
            break;
        case MP_QUOTES: {
            const char *q = jm_arena_printf(M->a, "%s%s%s", st->quote_open, e->text, st->quote_close);
            jm_paint p = jm_paint_dashed(jm_paint_both(st->quote_fill, st->quote_stroke, st->card_stroke_width),
                                         st->quote_dash);
            y += card(M, s, "map.quote", p, NULL, NULL, st->quote_color, q, &st->quote_font, st->quote_color,
                      x, y, w, box, e->src);
            break;
        }
        case MP_PAINS: {
            jm_paint p = jm_paint_dashed(jm_paint_both(st->pain_fill, st->pain_stroke, st->card_stroke_width),
                                         st->pain_dash);
            y += card(M, s, "map.pain", p, NULL, NULL, st->pain_text, e->text, &st->text_font, st->pain_text,
                      x, y, w, box, e->src);
            break;
        }
        case MP_OPPORTUNITIES: {
            jm_paint p = jm_paint_dashed(jm_paint_both(st->opportunity_fill, st->opportunity_stroke,
                                                       st->card_stroke_width), st->opportunity_dash);
            y += card(M, s, "map.opportunity", p, e->title, &st->opportunity_title_font, st->opportunity_title_color,
                      e->text, &st->text_font, st->opportunity_text, x, y, w, box, e->src);
            break;
        }
        case MP_METRICS:
            y += mp_bullet(M, s, "map.text", e->text, &st->text_font, st->text_color, st->metric_bullet,
                           x, y, w, box, e->src);
            break;
        default:
            y += mp_bullet(M, s, "map.text", e->text, &st->text_font, st->text_color, st->bullet_color,
                           x, y, w, box, e->src);
        }
    }
    return y - y0;
}
