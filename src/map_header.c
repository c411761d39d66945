/* map_header.c - the top of the poster: title and subtitle, and the persona card (picture or
 * initials, name, role, archetype, quote; goals; frustrations). */
#include "map_int.h"
#include <glib.h>
#include <math.h>
#include <string.h>

double mp_title(mp_map *M, jm_scene *s, const jm_font *font, double x, double y, double w) {
    const jm_journey *j = M->j;
    const jm_style_common *c = M->c;
    double h = 0;
    if (j->title && *j->title) {
        int t = jm_shape_text(s, M->text, "map.title", x, y, j->title, font, c->text, w, JM_ALIGN_LEFT, M->ls, -1, &h);
        s->items[t].src = j->pos;
        y += h;
    }
    if (j->subtitle && *j->subtitle) {
        y += M->st.title_gap;
        double sw = M->st.subtitle_max_width > 0 ? fmin(w, M->st.subtitle_max_width) : w;
        jm_shape_text(s, M->text, "map.subtitle", x, y, j->subtitle, &c->subtitle_font, c->text_muted, sw,
                      JM_ALIGN_LEFT, M->ls, -1, &h);
        y += h;
    }
    return y;
}

/* "Petra Novák" -> "PN", "Alex" -> "A": the first letters of the first and last words. */
static const char *initials(mp_map *M, const char *name) {
    char out[16] = "";
    size_t n = 0;
    const char *first = NULL, *last = NULL;
    for (const char *p = name; p && *p; p = g_utf8_next_char(p)) {
        bool start = *p != ' ' && (p == name || p[-1] == ' ');
        if (start && !first) first = p;
        else if (start) last = p;
    }
    const char *pick[2] = { first, last };
    for (int i = 0; i < 2; i++) {
        if (!pick[i] || !g_utf8_validate(pick[i], -1, NULL)) continue;
        gunichar u = g_unichar_toupper(g_utf8_get_char(pick[i]));
        n += (size_t)g_unichar_to_utf8(u, out + n);
    }
    out[n] = 0;
    return jm_arena_strdup(M->a, out);
}

/* The persona's picture (cropped to a circle) or a circle with the initials. */
static void avatar(mp_map *M, jm_scene *s, const jm_persona *p, double x, double y, int box) {
    const jm_map_style *st = &M->st;
    double d = st->avatar_size;
    if (p->image && *p->image) {
        int k = jm_scene_image(s, "map.persona.image", x, y, d, d, p->image, p->picture);
        s->items[k].radius = d / 2;
        s->items[k].container = box;
        s->items[k].src = p->pos;
        return;
    }
    int k = jm_scene_rect(s, "map.persona.avatar", x, y, d, d, d / 2, jm_paint_fill(st->avatar_fill));
    s->items[k].container = box;
    const char *ini = initials(M, p->name);
    jm_textblock b = jm_text_layout(M->text, M->a, ini, &st->avatar_font, d, JM_ALIGN_CENTER, M->ls);
    int t = jm_scene_text(s, "map.persona.initials", x, y + (d - b.height) / 2, ini, &st->avatar_font, st->avatar_text,
                          JM_ALIGN_CENTER, d, M->ls, b, k);
    s->items[t].src = p->pos;
}

static int text_at(mp_map *M, jm_scene *s, const char *role, double x, double y, const char *text, const jm_font *f,
                   jm_color col, double w, int box, double *h, jm_pos src) {
    int t = jm_shape_text(s, M->text, role, x, y, text, f, col, w, JM_ALIGN_LEFT, M->ls, box, h);
    s->items[t].src = src;
    return t;
}

/* Who: the avatar, and beside it name, role, the archetype as a chip and the quote.
 *
 *   ( PN )  Petra Novák
 *           Operations Manager, ...
 *           [participant]
 *           “Six steps I can explain to my CEO.”
 */
static double who(mp_map *M, jm_scene *s, const jm_persona *p, double x, double y, double w, int box) {
    const jm_map_style *st = &M->st;
    double unit = M->c->grid_unit, d = st->avatar_size, gap = st->persona_padding;
    avatar(M, s, p, x, y, box);
    double tx = x + d + gap, tw = fmax(1, w - d - gap), ty = y, h = 0;
    text_at(M, s, "map.persona.name", tx, ty, p->name, &st->name_font, M->c->text, tw, box, &h, p->pos);
    ty += h;
    if (p->role && *p->role) {
        ty += unit / 2;
        text_at(M, s, "map.persona.role", tx, ty, p->role, &st->role_font, st->role_color, tw, box, &h, p->pos);
        ty += h;
    }
    if (p->archetype && *p->archetype) {
        double px = st->tag_padding_x, py = st->tag_padding_y;
        jm_textblock b = jm_text_layout(M->text, M->a, p->archetype, &st->archetype_font, fmax(1, tw - 2 * px),
                                        JM_ALIGN_LEFT, M->ls);
        ty += unit * 1.5;
        int chip = jm_scene_rect(s, "map.persona.archetype", tx, ty, b.width + 2 * px, b.height + 2 * py,
                                 st->tag_radius, jm_paint_fill(st->archetype_fill));
        s->items[chip].container = box;
        int t = jm_scene_text(s, "map.persona.archetype.text", tx + px - b.x, ty + py, p->archetype, &st->archetype_font,
                              st->archetype_text, JM_ALIGN_LEFT, fmax(1, tw - 2 * px), M->ls, b, chip);
        s->items[t].src = p->pos;
        ty += b.height + 2 * py;
    }
    if (p->quote && *p->quote) {
        const char *q = jm_arena_printf(M->a, "%s%s%s", st->quote_open, p->quote, st->quote_close);
        ty += 2 * unit;
        text_at(M, s, "map.persona.quote", tx, ty, q, &st->persona_quote_font, st->persona_quote_color, tw, box, &h, p->pos);
        ty += h;
    }
    return fmax(d, ty - y);
}

/* A titled list: "Goals" and a dot before each goal. */
static double list(mp_map *M, jm_scene *s, const char *title, const jm_texts *items, jm_color dot, double x, double y,
                   double w, int box, jm_pos src) {
    const jm_map_style *st = &M->st;
    double h = 0, y0 = y, unit = M->c->grid_unit;
    text_at(M, s, "map.persona.list.title", x, y, title, &st->list_title_font, st->list_title_color, w, box, &h, src);
    y += h + 1.5 * unit;
    for (size_t i = 0; i < items->n; i++) {
        if (i > 0) y += unit;
        y += mp_bullet(M, s, "map.persona.list", items->v[i], &st->list_font, M->c->text, dot, x, y, w, box,
                       items->pos ? items->pos[i] : src);
    }
    return y - y0;
}

/* The widest line of `text` unwrapped, pt. */
static double natural(mp_map *M, const char *text, const jm_font *f) {
    if (!text || !*text) return 0;
    return jm_text_layout(M->text, M->a, text, f, -1, JM_ALIGN_LEFT, M->ls).width;
}

/* The card: who, goals and frustrations side by side when each gets persona-part-width, else
 * stacked; at most persona-max-width wide, narrower when it only says who.
 *
 *   +--------------------------------------------------------------------------+
 *   | (PN) Petra Novák          | Goals              | Frustrations            |
 *   |      role, [archetype]    | o goal             | o frustration           |
 *   |      “quote”              | o goal             |                         |
 *   +--------------------------------------------------------------------------+
 */
/* Inside width of a card that only says who: the avatar and the longest line beside it. */
static double who_width(mp_map *M, const jm_persona *p) {
    const jm_map_style *st = &M->st;
    double q = p->quote ? natural(M, jm_arena_printf(M->a, "%s%s%s", st->quote_open, p->quote, st->quote_close),
                                  &st->persona_quote_font) : 0;
    double tw = fmax(fmax(natural(M, p->name, &st->name_font), natural(M, p->role, &st->role_font)),
                     fmax(q, natural(M, p->archetype, &st->archetype_font) + 2 * st->tag_padding_x));
    return st->avatar_size + st->persona_padding + tw + 1;
}

double mp_persona_width(mp_map *M) {
    const jm_persona *p = M->j->persona;
    if (!p) return 0;
    const jm_map_style *st = &M->st;
    int n = 1 + (p->goals.n > 0) + (p->frustrations.n > 0);
    double inner = n == 1 ? fmin(who_width(M, p), st->persona_max_width - 2 * st->persona_padding)
                          : n * st->persona_part_width + (n - 1) * st->persona_gap;
    return inner + 2 * st->persona_padding;
}

double mp_persona(mp_map *M, jm_scene *s, double x, double y, double w) {
    const jm_persona *p = M->j->persona;
    if (!p) return 0;
    const jm_map_style *st = &M->st;
    double pad = st->persona_padding, gap = st->persona_gap;
    bool goals = p->goals.n > 0, frus = p->frustrations.n > 0;
    int n = 1 + goals + frus;
    int group = jm_scene_group_begin(s, "persona", p->name, p->name);
    double cw = fmin(w, st->persona_max_width), iw = fmax(1, cw - 2 * pad);
    if (n == 1) {
        iw = fmin(iw, who_width(M, p));
        cw = iw + 2 * pad;
    }
    bool side = iw >= n * st->persona_part_width + (n - 1) * gap;
    double pw = side ? (iw - (n - 1) * gap) / n : iw;
    int box = jm_scene_rect(s, "map.persona", x, y, cw, 0, st->persona_radius,
                            jm_paint_both(st->persona_fill, st->persona_stroke, st->persona_stroke_width));
    s->items[box].src = p->pos;
    double px = x + pad, py = y + pad, h = who(M, s, p, px, py, pw, box), total = h;
    if (goals) {
        if (side) px += pw + gap;
        else py += h + gap;
        h = list(M, s, st->goals_title, &p->goals, st->goal_bullet, px, py, pw, box, p->pos);
        total = side ? fmax(total, h) : py + h - (y + pad);
    }
    if (frus) {
        if (side) px += pw + gap;
        else py += h + gap;
        h = list(M, s, st->frustrations_title, &p->frustrations, st->frustration_bullet, px, py, pw, box, p->pos);
        total = side ? fmax(total, h) : py + h - (y + pad);
    }
    double ch = jm_snap(total + 2 * pad, M->c->grid_unit);
    s->items[box].h = ch;
    jm_scene_group_end(s, group);
    return ch;
}
