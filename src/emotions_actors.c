/* emotions_actors.c - who took part in each step (a Mermaid journey task's actors, a step's
 * `actors:`). Each actor gets a colour of the style's palette and an initial unique among the
 * actors, so a black-and-white print still tells them apart. A legend of the actors goes under
 * the title; under each step, one dot per actor of the step, in rows that stay inside the step's
 * column. Nothing of this is drawn when no step names an actor, nor in the embedded curve. */
#include "emotions_int.h"
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The first `chars` characters of `name`, the first upper-cased ("alice" -> "A" or "Al"). */
static const char *initial_of(jm_arena *a, const char *name, size_t chars) {
    const char *p = name;
    while (*p == ' ') p++;
    if (!*p) return "?";
    char buf[2 * 6 + 1];
    size_t n = (size_t)g_unichar_to_utf8(g_unichar_toupper(g_utf8_get_char(p)), buf);
    const char *q = g_utf8_next_char(p);
    for (size_t k = 1; k < chars && *q && *q != ' '; k++) {
        const char *r = g_utf8_next_char(q);
        memcpy(buf + n, q, (size_t)(r - q));
        n += (size_t)(r - q);
        q = r;
    }
    buf[n] = '\0';
    return jm_arena_strdup(a, buf);
}

static bool taken(const em_actor *v, size_t n, const char *initial) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].initial, initial) == 0) return true;
    return false;
}

/* "A"; when another actor has it, "Al"; else the actor's number (the next free one). */
static const char *unique_initial(em_layout *L, size_t i) {
    const char *one = initial_of(L->a, L->actors[i].name, 1);
    if (!taken(L->actors, i, one)) return one;
    const char *two = initial_of(L->a, L->actors[i].name, 2);
    if (strcmp(two, one) != 0 && !taken(L->actors, i, two)) return two;
    for (size_t k = i + 1;; k++) {
        const char *num = jm_arena_printf(L->a, "%zu", k);
        if (!taken(L->actors, i, num)) return num;
    }
}

static size_t actor_index(em_layout *L, const char *name, jm_pos src, size_t *cap) {
    for (size_t k = 0; k < L->n_actors; k++)
        if (strcmp(L->actors[k].name, name) == 0) return k;
    L->actors = jm_arena_grow(L->a, L->actors, L->n_actors, 1, cap, sizeof *L->actors, 8);
    L->actors[L->n_actors] = (em_actor){ .name = name, .src = src };
    return L->n_actors++;
}

/* The widest and tallest initial in font f. */
static void initials_extent(em_layout *L, const jm_font *f, double *w, double *h) {
    *w = *h = 0;
    for (size_t i = 0; i < L->n_actors; i++) {
        jm_textblock b = jm_text_layout(L->text, L->a, L->actors[i].initial, f, 0, JM_ALIGN_LEFT, 0);
        *w = fmax(*w, b.width);
        *h = fmax(*h, b.height);
    }
}

/* An initial fits a dot of radius r when its text box is within 1.5 r across (a little more
 * than the inscribed square, the box has side bearings) and 2 r down. */
static double fit_scale(double r, double w, double h) {
    return fmin(1.5 * r / fmax(w, 1e-6), 2 * r / fmax(h, 1e-6));
}

/* The style's initial font, shrunk until every initial fits a dot of radius r. Size 0 when
 * that would go below the smallest font size. */
static jm_font fit_initials(em_layout *L, double r) {
    jm_font f = L->st.actor_font;
    for (int pass = 0; pass < 6; pass++) {
        double w, h;
        initials_extent(L, &f, &w, &h);
        double k = fit_scale(r, w, h);
        if (k >= 1) return f;
        f.size *= k * 0.97;   /* 3%: text does not scale exactly */
        if (f.size < jm_layout_min_font(L->ctx)) break;
    }
    f.size = 0;
    return f;
}

static double column_wrap(const em_layout *L, const em_point *p) {
    return fmax(1, p->column_x1 - p->column_x0 - L->st.stage_gap);
}

void em_actors_gather(em_layout *L) {
    if (L->from_stages || L->embed) return;
    size_t cap = 0;
    for (size_t i = 0; i < L->n_pts; i++) {
        em_point *p = &L->pts[i];
        const jm_texts *t = &p->step->actors;
        if (!t->n) continue;
        p->actors = JM_NEWV(L->a, size_t, t->n);
        p->actor_src = JM_NEWV(L->a, jm_pos, t->n);
        for (size_t k = 0; k < t->n; k++) {
            jm_pos src = t->pos ? t->pos[k] : p->step->pos;
            size_t idx = actor_index(L, t->v[k], src, &cap);
            bool seen = false;
            for (size_t m = 0; m < p->n_actors; m++) seen |= p->actors[m] == idx;
            if (seen) continue;
            p->actors[p->n_actors] = idx;
            p->actor_src[p->n_actors++] = src;
        }
    }
    if (!L->n_actors) return;
    const size_t n_fills = sizeof L->st.actor_fill / sizeof L->st.actor_fill[0];
    for (size_t i = 0; i < L->n_actors; i++) L->actors[i].initial = unique_initial(L, i);
    /* the legend's dots: actor-radius, or larger when an initial ("Al") needs it */
    double iw, ih;
    initials_extent(L, &L->st.actor_font, &iw, &ih);
    L->legend_r = fmax(L->st.actor_radius, fmax(iw / 1.5, ih / 2));
    double name_wrap = fmax(1, L->width - 2 * L->c->margin - 2 * L->legend_r - L->st.actor_gap);
    for (size_t i = 0; i < L->n_actors; i++) {
        em_actor *ac = &L->actors[i];
        ac->fill = L->st.actor_fill[i % n_fills];
        ac->name_block = jm_text_layout(L->text, L->a, ac->name, &L->st.actor_name_font, name_wrap, JM_ALIGN_LEFT,
                                        L->c->line_spacing);
    }
    /* one radius for every step's dots: the legend's, or less so that one dot fits the
     * narrowest column that has actors (the initials then shrink, or are left out) */
    double r = L->legend_r;
    for (size_t i = 0; i < L->n_pts; i++)
        if (L->pts[i].n_actors) r = fmin(r, column_wrap(L, &L->pts[i]) / 2);
    L->actor_r = fmax(r, 0.5);
    L->actor_font = fit_initials(L, L->actor_r);
    L->legend_font = fit_initials(L, L->legend_r);
}

/* A dot with its initial centred, the initial's box inside the dot's. */
static void put_dot(em_layout *L, jm_scene *s, const char *role, double cx, double cy, double r,
                    const em_actor *ac, const jm_font *font, jm_pos src) {
    jm_path_op ops[6];
    double sw = fmin(L->st.actor_stroke_width, r / 2);
    em_circle(ops, cx, cy, r - sw / 2);   /* the outline's outer edge on r */
    int dot = jm_scene_path(s, role, ops, 6, jm_paint_both(ac->fill, L->st.actor_stroke, sw), JM_HEAD_NONE,
                            JM_HEAD_NONE, 0);
    s->items[dot].src = src;
    if (font->size <= 0) return;
    jm_textblock b = jm_text_layout(L->text, L->a, ac->initial, font, 0, JM_ALIGN_LEFT, 0);
    int t = jm_scene_text(s, jm_arena_printf(L->a, "%s.initial", role), cx - b.width / 2 - b.x, cy - b.height / 2,
                          ac->initial, font, L->st.actor_text, JM_ALIGN_LEFT, 0, 0, b, dot);
    s->items[t].src = src;
}

/* The legend, entries left to right, wrapping at the margin:
 *
 *   (A) Alice    (B) Bob    (Ca) Carol    (Ch) Charlie          dot, actor-gap, name,
 *   (4) Dave                                                   legend-spacing between entries
 */
double em_actors_legend(em_layout *L, jm_scene *s, double y) {
    if (!L->n_actors) return 0;
    double x0 = L->c->margin, x1 = L->width - L->c->margin, R = L->legend_r, g = L->st.actor_gap;
    double x = x0, row_y = y, row_h = 0;
    for (size_t i = 0; i < L->n_actors; i++) {
        const em_actor *ac = &L->actors[i];
        const jm_textblock *nb = &ac->name_block;
        double w = 2 * R + g + nb->width, h = fmax(2 * R, nb->height);
        if (x > x0 && x + w > x1) {
            row_y += row_h + g;
            x = x0;
            row_h = 0;
        }
        put_dot(L, s, "emotions.legend.actor", x + R, row_y + h / 2, R, ac, &L->legend_font, ac->src);
        int t = jm_scene_text(s, "emotions.legend.name", x + 2 * R + g - nb->x, row_y + (h - nb->height) / 2, ac->name,
                              &L->st.actor_name_font, L->st.step_color, JM_ALIGN_LEFT,
                              fmax(1, x1 - x0 - 2 * R - g), L->c->line_spacing, *nb, -1);
        s->items[t].src = ac->src;
        x += w + L->st.legend_spacing;
        row_h = fmax(row_h, h);
    }
    return row_y + row_h - y;
}

/* A step's dots, centred under it, as many to a row as its column holds:
 *
 *   |<---- column - stage-gap ---->|      per row = floor((wrap + gap) / (2 r + gap)), at least 1
 *        (A) (B) (C) (D)                  the last row centred too
 *          (E) (F)
 */
double em_actors_measure(em_layout *L, em_point *p) {
    if (!p->n_actors) return 0;
    double d = 2 * L->actor_r, g = L->st.actor_gap;
    size_t per = (size_t)fmax(1, floor((column_wrap(L, p) + g) / (d + g)));
    size_t rows = (p->n_actors + per - 1) / per;
    p->actors_per_line = per;
    p->actors_h = (double)rows * d + (double)(rows - 1) * g;
    return p->actors_h;
}

void em_actors_step(em_layout *L, jm_scene *s, const em_point *p, double y) {
    double r = L->actor_r, pitch = 2 * r + L->st.actor_gap;
    for (size_t k = 0; k < p->n_actors; k++) {
        size_t row = k / p->actors_per_line, col = k % p->actors_per_line;
        size_t in_row = p->n_actors - row * p->actors_per_line;
        if (in_row > p->actors_per_line) in_row = p->actors_per_line;
        double cx = p->x + ((double)col - (double)(in_row - 1) / 2) * pitch;
        double cy = y + (double)row * pitch + r;
        put_dot(L, s, "emotions.actor", cx, cy, r, &L->actors[p->actors[k]], &L->actor_font, p->actor_src[k]);
    }
}
