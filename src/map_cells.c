/* map_cells.c - what goes inside one cell of a lane: the funnel's item cards, list entries with
 * dots, actions with their step heading and tags, touchpoint tags, quote cards, pain-point and
 * opportunity cards; an entry cut between two lines of its text at a page break. */
#include "map_int.h"
#include "funnel.h"
#include "text_lines.h"
#include <math.h>
#include <string.h>

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

/* A dot and its text, the dot centred on the first line's x-height (the rest of a text continued
 * from the last page: the text alone, where it was):
 *
 *    o  text wrapped to the width
 *       left of the dot's column
 */
static double bullet(mp_map *M, jm_scene *s, const char *role, const char *text, const jm_font *font, jm_color color,
                     jm_color dot, bool show_dot, double x, double y, double w, int box, jm_pos src) {
    const jm_map_style *st = &M->st;
    double d = st->bullet_size, ind = d + st->bullet_gap, wrap = fmax(1, w - ind);
    jm_textblock b = measure(M, text, font, wrap);
    double cy = y + b.baseline - font->size * 0.3;   /* middle of a lower-case letter */
    if (show_dot) {
        int k = jm_scene_rect(s, "map.bullet", x, cy - d / 2, d, d, d / 2, jm_paint_fill(dot));
        s->items[k].container = box;
    }
    put(M, s, role, x + ind, y, text, font, color, wrap, b, box, src);
    return b.height;
}

double mp_bullet(mp_map *M, jm_scene *s, const char *role, const char *text, const jm_font *font, jm_color color,
                 jm_color dot, double x, double y, double w, int box, jm_pos src) {
    return bullet(M, s, role, text, font, color, dot, true, x, y, w, box, src);
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
    if (e->title && !e->cont_before) {
        jm_textblock b = measure(M, e->title, &st->step_font, w);
        size_t from = s->n_items;
        put(M, s, "map.step", x, y, e->title, &st->step_font, st->step_color, w, b, box, e->src);
        jm_scene_link(s, from, e->url);
        y += b.height + st->tag_gap;
    }
    y += bullet(M, s, "map.text", e->text, &st->text_font, st->text_color, st->bullet_color, !e->cont_before, x, y, w,
                box, e->src);
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

/* A quote as it is set: in its marks, the opening one left off the rest of a quote continued
 * from the last page, the closing one off a quote that goes on on the next. */
static const char *quoted(mp_map *M, const mp_entry *e) {
    const jm_map_style *st = &M->st;
    return jm_arena_printf(M->a, "%s%s%s", e->cont_before ? "" : st->quote_open, e->text,
                           e->cont_after ? "" : st->quote_close);
}

/* The `continued` marker over the rest of an entry cut at the last page's end, at x: the style's
 * `continued` (" (continued)", as after a continued table's title) without its leading space,
 * in the step heading's font (never under the text floor of the page's print: a lane without
 * step headings may print smaller than they would), muted. Returns its height and the gap under
 * it. */
static double continued(mp_map *M, jm_scene *s, double x, double y, double w, int box, jm_pos src) {
    const jm_map_style *st = &M->st;
    const char *text = st->continued ? st->continued : "";
    while (*text == ' ') text++;
    if (!*text) return 0;
    jm_font font = st->step_font;
    font.size = fmax(font.size, jm_layout_min_font(M->ctx));
    jm_textblock b = measure(M, text, &font, w);
    put(M, s, "map.continued", x, y, text, &font, M->c->text_muted, w, b, box, src);
    return b.height + st->tag_gap;
}

/* One entry of a lane other than the touchpoints' from (x, y) in width w; returns its height. */
static double entry(mp_map *M, const mp_lane *lane, const mp_entry *e, jm_scene *s, double x, double y, double w,
                    int box) {
    const jm_map_style *st = &M->st;
    double y0 = y;
    if (e->cont_before) {
        bool dotted = lane->kind == MP_ACTIONS || lane->kind == MP_BULLETS || lane->kind == MP_METRICS;
        double ind = dotted ? st->bullet_size + st->bullet_gap : 0;
        y += continued(M, s, x + ind, y, fmax(1, w - ind), box, e->src);
    }
    switch (lane->kind) {
    case MP_CARDS:
        y += jm_funnel_card(M->ctx, s, e->stage, e->card, x, y, w, box);
        break;
    case MP_ACTIONS:
        y += action(M, s, e, x, y, w, box);
        break;
    case MP_QUOTES: {
        jm_paint p = jm_paint_dashed(jm_paint_both(st->quote_fill, st->quote_stroke, st->card_stroke_width),
                                     st->quote_dash);
        y += card(M, s, "map.quote", p, NULL, NULL, st->quote_color, quoted(M, e), &st->quote_font, st->quote_color,
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
        y += card(M, s, "map.opportunity", p, e->cont_before ? NULL : e->title, &st->opportunity_title_font,
                  st->opportunity_title_color, e->text, &st->text_font, st->opportunity_text, x, y, w, box, e->src);
        break;
    }
    case MP_METRICS:
        y += bullet(M, s, "map.text", e->text, &st->text_font, st->text_color, st->metric_bullet, !e->cont_before,
                    x, y, w, box, e->src);
        break;
    default:
        y += bullet(M, s, "map.text", e->text, &st->text_font, st->text_color, st->bullet_color, !e->cont_before,
                    x, y, w, box, e->src);
    }
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
        if (i > 0) y += st->item_gap;
        y += entry(M, lane, &cell->v[i], s, x, y, w, box);
    }
    return y - y0;
}

/* ---- an entry cut at a page break ----
 *
 *   page n:   1 · Step title            page n + 1:    (continued)
 *             o  first lines of the                    the rest of the text,
 *                text, at least two                    at least two lines
 *                                                      [tag] [tag]
 *
 * The text is cut where a line of it starts, so each piece, laid out again in the same width,
 * wraps as it did in the whole. */

/* The text of e that wraps in a cell w wide, as it is laid out (a quote in its marks), the bytes
 * of it before e->text, and its block. False for an entry that is not cut. */
static bool cut_text(mp_map *M, const mp_lane *lane, const mp_entry *e, double w, const char **text, size_t *skip,
                     jm_textblock *b) {
    const jm_map_style *st = &M->st;
    if (!e->text || !*e->text) return false;
    double card_wrap = fmax(1, w - 2 * st->card_padding), ind = st->bullet_size + st->bullet_gap;
    *text = e->text;
    *skip = 0;
    switch (lane->kind) {
    case MP_CARDS:
    case MP_TAGS:
    case MP_EMOTIONS:
        return false;
    case MP_QUOTES:
        *text = quoted(M, e);
        *skip = e->cont_before || !st->quote_open ? 0 : strlen(st->quote_open);
        *b = measure(M, *text, &st->quote_font, card_wrap);
        return true;
    case MP_PAINS:
    case MP_OPPORTUNITIES:
        *b = measure(M, e->text, &st->text_font, card_wrap);
        return true;
    default:
        *b = measure(M, e->text, &st->text_font, fmax(1, w - ind));
        return true;
    }
}

/* The first `lines` lines of e (*head) and the rest (*tail); false when the cut would fall
 * outside e->text. */
static bool cut_at(mp_map *M, const mp_entry *e, const jm_textblock *b, size_t skip, int lines, mp_entry *head,
                   mp_entry *tail) {
    size_t at = jm_text_line_start(b, lines), len = strlen(e->text);
    if (at <= skip || at - skip >= len) return false;
    at -= skip;
    size_t end = at;
    while (end > 0 && (e->text[end - 1] == ' ' || e->text[end - 1] == '\n' || e->text[end - 1] == '\t')) end--;
    if (!end) return false;
    *head = *e;
    head->text = jm_arena_printf(M->a, "%.*s", (int)end, e->text);
    head->cont_after = true;
    head->channel = head->frequency = NULL;
    *tail = *e;
    tail->text = e->text + at;
    tail->title = tail->url = NULL;
    tail->cont_before = true;
    return true;
}

static double entry_height(mp_map *M, const mp_lane *lane, const mp_entry *e, double w) {
    jm_scene *tmp = jm_scene_new(M->a, w, 0, M->c->background);
    return entry(M, lane, e, tmp, 0, 0, w, -1);
}

bool mp_entry_cut(mp_map *M, const mp_lane *lane, const mp_entry *e, double w, double room, mp_entry *head,
                  mp_entry *tail) {
    const char *text;
    size_t skip;
    jm_textblock b;
    if (!cut_text(M, lane, e, w, &text, &skip, &b) || b.lines < 2 * MP_CUT_LINES) return false;
    /* the most lines whose head fits: the head grows with its lines, so bisect */
    int lo = MP_CUT_LINES - 1, hi = b.lines - MP_CUT_LINES;   /* lo fits (or is too few), hi + 1 does not */
    mp_entry h, t;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (cut_at(M, e, &b, skip, mid, &h, &t) && entry_height(M, lane, &h, w) <= room) lo = mid;
        else hi = mid - 1;
    }
    return lo >= MP_CUT_LINES && cut_at(M, e, &b, skip, lo, head, tail);
}
