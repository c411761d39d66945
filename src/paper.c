/* paper.c - the readable floor on paper and the scale a scene is printed at (see paper.h). */
#include "paper.h"
#include <math.h>
#include <string.h>

static bool ends_with(const char *s, const char *tail) {
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && strcmp(s + n - m, tail) == 0;
}

double jm_paper_floor(const char *role) {
    if (!role) return JM_PAPER_FLOOR;
    if (strstr(role, "emoji") || strstr(role, ".icon")) return 0;
    static const char *const small[] = { ".tag.text", ".chip.text", ".badge.number", ".archetype.text",
                                         ".stage.unit", "emotions.step.number", "emotions.scale" };
    for (size_t i = 0; i < sizeof small / sizeof *small; i++)
        if (ends_with(role, small[i])) return JM_PAPER_FLOOR_SMALL;
    return JM_PAPER_FLOOR;
}

double jm_paper_least_scale(const jm_scene *s, size_t from) {
    double k = 0;
    for (size_t i = from; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (it->kind != JM_ITEM_TEXT || !it->text || !*it->text || it->font.size <= 0) continue;
        k = fmax(k, jm_paper_floor(it->role) / it->font.size);
    }
    return k;
}

double jm_paper_smallest(const jm_scene *s) {
    double m = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (it->kind != JM_ITEM_TEXT || !it->text || !*it->text || it->font.size <= 0 || !jm_paper_floor(it->role))
            continue;
        if (m == 0 || it->font.size < m) m = it->font.size;
    }
    return m;
}

double jm_paper_scale(const jm_scene *s, double box_w, double box_h) {
    if (s->width <= 0 || s->height <= 0) return 1;
    double k = box_w / s->width;
    return s->height * k > box_h ? box_h / s->height : k;
}
