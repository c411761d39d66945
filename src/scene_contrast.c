/* scene_contrast.c - the backdrop of each text and the colour change that keeps it readable
 * (see scene_contrast.h). */
#include "scene_contrast.h"
#include <glib.h>
#include <math.h>
#include <string.h>

static bool in_box(const jm_item *it, double x, double y) {
    return x >= it->x && x <= it->x + it->w && y >= it->y && y <= it->y + it->h;
}

/* Even-odd test against the path's corners (curves by their end points: the fills behind
 * text are chevrons, cards and bands, not curves that bend around it). */
static bool in_path(const jm_item *it, double x, double y) {
    bool inside = false;
    double sx = 0, sy = 0, px = 0, py = 0;
    for (size_t k = 0; k <= it->n_ops; k++) {
        bool end = k == it->n_ops;
        const jm_path_op *op = end ? NULL : &it->ops[k];
        double nx, ny;
        if (end || op->op == JM_OP_CLOSE || op->op == JM_OP_MOVE) { nx = sx; ny = sy; }   /* close the figure */
        else { nx = op->x; ny = op->y; }
        if ((py > y) != (ny > y) && x < px + (nx - px) * (y - py) / (ny - py)) inside = !inside;
        px = nx; py = ny;
        if (!end && op->op == JM_OP_MOVE) { sx = px = op->x; sy = py = op->y; }
    }
    return inside;
}

jm_color jm_scene_backdrop(const jm_scene *s, size_t i) {
    const jm_item *t = &s->items[i];
    double cx = t->x + t->w / 2, cy = t->y + t->h / 2;
    jm_color under = s->background.a > 0 ? jm_color_over(s->background, (jm_color){ 1, 1, 1, 1 })
                                         : (jm_color){ 1, 1, 1, 1 };
    for (size_t k = 0; k < i; k++) {
        const jm_item *it = &s->items[k];
        if (it->paint.fill.a <= 0 || !in_box(it, cx, cy)) continue;
        if (it->kind == JM_ITEM_RECT || (it->kind == JM_ITEM_PATH && in_path(it, cx, cy)))
            under = jm_color_over(it->paint.fill, under);
    }
    return under;
}

static double byte(double c) { return round(fmin(fmax(c, 0), 1) * 255) / 255; }

/* `c` moved the least way towards `to` that gives JM_MIN_CONTRAST on `bg` (in whole 8-bit
 * steps, as the outputs write it). */
static jm_color towards(jm_color c, jm_color to, jm_color bg) {
    double lo = 0, hi = 1;
    for (int k = 0; k < 20; k++) {
        double t = (lo + hi) / 2;
        jm_color m = { byte(c.r + (to.r - c.r) * t), byte(c.g + (to.g - c.g) * t), byte(c.b + (to.b - c.b) * t), 1 };
        if (jm_color_contrast(m, bg) >= JM_MIN_CONTRAST) hi = t; else lo = t;
    }
    return (jm_color){ byte(c.r + (to.r - c.r) * hi), byte(c.g + (to.g - c.g) * hi), byte(c.b + (to.b - c.b) * hi), 1 };
}

static char *hex(jm_color c) {
    return g_strdup_printf("#%02x%02x%02x", (unsigned)lround(byte(c.r) * 255), (unsigned)lround(byte(c.g) * 255),
                           (unsigned)lround(byte(c.b) * 255));
}

/* One scene; `said` holds the "role colour" pairs warned about already. */
static size_t keep_contrast(jm_scene *s, const char *file, jm_diags *d, GHashTable *said) {
    size_t changed = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        jm_item *it = &s->items[i];
        if (it->kind != JM_ITEM_TEXT || it->color.a <= 0) continue;
        jm_color bg = jm_scene_backdrop(s, i), fg = jm_color_over(it->color, bg);
        double ratio = jm_color_contrast(fg, bg);
        if (ratio >= JM_MIN_CONTRAST) continue;
        jm_color black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };
        jm_color to = jm_color_contrast(black, bg) >= jm_color_contrast(white, bg) ? black : white;
        jm_color fixed = towards(fg, to, bg);
        char *was = hex(it->color), *on = hex(bg), *now = hex(fixed);
        char *key = g_strdup_printf("%s %s", it->role ? it->role : "text", was);
        if (!g_hash_table_contains(said, key)) {
            jm_diag_add(d, JM_WARNING, file, (jm_pos){ 0, 0 }, "text colour %s (%s) has %.1f:1 on %s, less than "
                        "%.1f:1; drawn %s as %s", was, it->role ? it->role : "text", ratio, on, JM_MIN_CONTRAST,
                        to.r > 0 ? "lighter" : "darker", now);
            g_hash_table_add(said, key);
        } else
            g_free(key);
        g_free(was); g_free(on); g_free(now);
        it->color = fixed;
        changed++;
    }
    return changed;
}

size_t jm_doc_keep_contrast(jm_doc *doc, const char *file, jm_diags *d) {
    GHashTable *said = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    size_t changed = 0;
    for (size_t i = 0; i < doc->n_pages; i++) changed += keep_contrast(doc->pages[i].scene, file, d, said);
    g_hash_table_destroy(said);
    return changed;
}
