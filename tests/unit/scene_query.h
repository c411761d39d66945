/* scene_query.h - small queries the view tests ask of a laid-out scene: items by role, text items
 * by their text. Header-only; include after check.h and scene.h. */
#ifndef JM_SCENE_QUERY_H
#define JM_SCENE_QUERY_H
#include <stdbool.h>
#include <string.h>
#include "scene.h"

static inline bool role_is(const jm_item *it, const char *role) { return it->role && strcmp(it->role, role) == 0; }

/* How many items have this role. */
static inline int count_role(const jm_scene *s, const char *role) {
    int n = 0;
    for (size_t i = 0; i < s->n_items; i++) n += role_is(&s->items[i], role);
    return n;
}

/* The text item with exactly this text, or -1. */
static inline int text_item(const jm_scene *s, const char *t) {
    for (size_t i = 0; i < s->n_items; i++)
        if (s->items[i].kind == JM_ITEM_TEXT && s->items[i].text && strcmp(s->items[i].text, t) == 0) return (int)i;
    return -1;
}
#endif
