/* scene.c - builds scenes: items appended into a growing array freed with the arena, scenes
 * copied into scenes, bounding boxes, and documents (a list of pages). Dumps and defect checks
 * are in scene_check.c. */
#include "scene.h"
#include "path.h"
#include <glib.h>
#include <math.h>
#include <string.h>

jm_scene *jm_scene_new(jm_arena *a, double width, double height, jm_color background) {
    jm_scene *s = JM_NEW(a, jm_scene);
    s->arena = a;
    s->width = width;
    s->height = height;
    s->background = background;
    s->open_group = -1;
    return s;
}

static void free_items(void *scene) { g_free(((jm_scene *)scene)->items); }

/* Makes room for `more` items. The array is the heap's, reallocated as it grows and freed with
 * the arena: grown inside the arena, every copy it outgrew stayed there until the end (the map
 * tries its lanes in many scenes: 10 of the 35 MiB of heap of Petra's A3 map were such copies). */
static void reserve(jm_scene *s, size_t more) {
    if (s->n_items + more <= s->cap_items) return;
    size_t cap = s->cap_items ? s->cap_items * 2 : 16;
    while (cap < s->n_items + more) cap *= 2;
    if (!s->items) jm_arena_on_free(s->arena, free_items, s);
    s->items = g_renew(jm_item, s->items, cap);
    s->cap_items = cap;
}

/* A new zeroed item of `kind` at the end (not in any container). */
static jm_item *push(jm_scene *s, jm_item_kind kind, const char *role) {
    reserve(s, 1);
    jm_item *it = &s->items[s->n_items++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->role = jm_arena_strdup(s->arena, role ? role : "");
    it->container = -1;
    it->group = s->open_group;
    return it;
}

static int last(const jm_scene *s) { return (int)s->n_items - 1; }

int jm_scene_rect(jm_scene *s, const char *role, double x, double y, double w, double h,
                  double radius, jm_paint paint) {
    jm_item *it = push(s, JM_ITEM_RECT, role);
    it->x = x; it->y = y; it->w = w; it->h = h;
    it->radius = radius;
    it->paint = paint;
    return last(s);
}

int jm_scene_path(jm_scene *s, const char *role, const jm_path_op *ops, size_t n_ops, jm_paint paint,
                  jm_head head_start, jm_head head_end, double head_size) {
    jm_item *it = push(s, JM_ITEM_PATH, role);
    it->ops = JM_NEWV(s->arena, jm_path_op, n_ops ? n_ops : 1);
    if (n_ops) memcpy(it->ops, ops, n_ops * sizeof *ops);
    it->n_ops = n_ops;
    it->paint = paint;
    it->head_start = head_start;
    it->head_end = head_end;
    it->head_size = head_size;
    double x0, y0, x1, y1;
    if (jm_path_extent(it, &x0, &y0, &x1, &y1)) {
        it->x = x0; it->y = y0; it->w = x1 - x0; it->h = y1 - y0;
    }
    return last(s);
}

int jm_scene_line(jm_scene *s, const char *role, double x0, double y0, double x1, double y1,
                  jm_paint paint, jm_head head_start, jm_head head_end, double head_size) {
    jm_path_op ops[2] = {
        { .op = JM_OP_MOVE, .x = x0, .y = y0 },
        { .op = JM_OP_LINE, .x = x1, .y = y1 },
    };
    return jm_scene_path(s, role, ops, 2, paint, head_start, head_end, head_size);
}

/* (x, y) is where the layout's origin goes. The item's box is the block's logical extents,
 * which start block.x to the right of the origin: 0 for left-aligned text, the indent of the
 * widest line for centred or right-aligned text wrapped to a width. The painter draws the layout
 * at (item.x - block.layout_x, item.y), so the lines land inside the box (layout_x is block.x but
 * for a line the text service placed in its wrap width itself: text.h). */
int jm_scene_text(jm_scene *s, const char *role, double x, double y, const char *text,
                  const jm_font *font, jm_color color, jm_align align, double wrap_width,
                  double line_spacing, jm_textblock block, int container) {
    jm_item *it = push(s, JM_ITEM_TEXT, role);
    it->x = x + block.x; it->y = y; it->w = block.width; it->h = block.height;
    it->text = jm_arena_strdup(s->arena, text ? text : "");
    if (font) it->font = (jm_font){ jm_arena_strdup(s->arena, font->desc ? font->desc : ""), font->size };
    it->color = color;
    it->align = align;
    it->wrap_width = wrap_width;
    it->line_spacing = line_spacing;
    it->block = block;
    it->container = container;
    return last(s);
}

int jm_scene_image(jm_scene *s, const char *role, double x, double y, double w, double h, const char *png_path,
                   const jm_image *img) {
    jm_item *it = push(s, JM_ITEM_IMAGE, role);
    it->x = x; it->y = y; it->w = w; it->h = h;
    it->image_path = jm_arena_strdup(s->arena, png_path ? png_path : "");
    it->image = img;
    return last(s);
}

void jm_scene_link(jm_scene *s, size_t from, const char *url) {
    for (size_t i = from; url && i < s->n_items; i++) s->items[i].url = url;
}

/* `want` as an id not yet used in `s` (the groups' ids are few: a linear search). */
static const char *unique_id(jm_scene *s, const char *want) {
    const char *id = want;
    for (int k = 2;; k++) {
        bool taken = false;
        for (size_t i = 0; i < s->n_groups && !taken; i++) taken = !strcmp(s->groups[i].id, id);
        if (!taken) return id;
        id = jm_arena_printf(s->arena, "%s-%d", want, k);
    }
}

static int add_group(jm_scene *s, const char *id, const char *cls, const char *label, int parent) {
    JM_RESERVE(s->arena, s->groups, s->n_groups, 1, s->cap_groups, 16);
    s->groups[s->n_groups] = (jm_group){ .id = unique_id(s, id), .cls = cls, .label = label, .parent = parent };
    return (int)s->n_groups++;
}

static int group_open(jm_scene *s, const char *kind, const char *name, const char *label, bool again) {
    GString *id = g_string_new(kind);
    bool dash = true;
    g_string_append_c(id, '-');
    /* Latin letters lose their accents (Novák: novak); letters of other scripts stay */
    for (const char *p = name ? name : ""; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_unichar_tolower(g_utf8_get_char(p));
        char one[8] = { 0 };
        g_unichar_to_utf8(c, one);
        char *ascii = c < 128 ? NULL : g_str_to_ascii(one, "C");
        if (ascii && g_ascii_isalnum(ascii[0]) && g_ascii_isalnum(ascii[strlen(ascii) - 1])) {
            for (char *q = ascii; *q; q++) if (g_ascii_isalnum(*q)) g_string_append_c(id, g_ascii_tolower(*q));
            dash = false;
        } else if (c < 128 && g_ascii_isalnum((char)c)) { g_string_append_c(id, (char)c); dash = false; }
        else if (c >= 128 && g_unichar_isalnum(c)) { g_string_append_unichar(id, c); dash = false; }
        else if (!dash) { g_string_append_c(id, '-'); dash = true; }
        g_free(ascii);
        if (id->len > 64) break;
    }
    while (id->len > strlen(kind) && id->str[id->len - 1] == '-') g_string_truncate(id, id->len - 1);
    for (size_t i = 0; again && i < s->n_groups; i++)
        if (!strcmp(s->groups[i].id, id->str) && s->groups[i].parent == s->open_group) {
            g_string_free(id, TRUE);
            return s->open_group = (int)i;
        }
    int g = add_group(s, jm_arena_strdup(s->arena, id->str), jm_arena_concat(s->arena, "jm-", kind, NULL),
                      label ? jm_arena_strdup(s->arena, label) : NULL, s->open_group);
    g_string_free(id, TRUE);
    s->open_group = g;
    return g;
}

int jm_scene_group_begin(jm_scene *s, const char *kind, const char *name, const char *label) {
    return group_open(s, kind, name, label, false);
}

int jm_scene_group_again(jm_scene *s, const char *kind, const char *name, const char *label) {
    return group_open(s, kind, name, label, true);
}

void jm_scene_group_end(jm_scene *s, int g) {
    if (g >= 0 && (size_t)g < s->n_groups) s->open_group = s->groups[g].parent;
}

int jm_scene_append(jm_scene *dst, const jm_scene *src, double dx, double dy) {
    size_t n = src->n_items, base = dst->n_items;
    /* src's groups, in order (a parent comes before its children), under dst's open group */
    int *gmap = src->n_groups ? g_new(int, src->n_groups) : NULL;
    size_t n_src_groups = src->n_groups;
    for (size_t i = 0; i < n_src_groups && dst != src; i++) {
        jm_group g = src->groups[i];
        gmap[i] = add_group(dst, g.id, g.cls, g.label, g.parent >= 0 ? gmap[g.parent] : dst->open_group);
    }
    reserve(dst, n);            /* when src == dst this moves src->items too: index after it */
    for (size_t i = 0; i < n; i++) {
        jm_item *it = &dst->items[base + i];
        *it = src->items[i];
        it->x += dx;
        it->y += dy;
        if (it->container >= 0) it->container += (int)base;
        if (dst != src) it->group = it->group >= 0 && (size_t)it->group < n_src_groups ? gmap[it->group] : dst->open_group;
        if (it->kind == JM_ITEM_PATH && it->n_ops) {
            jm_path_op *ops = JM_NEWV(dst->arena, jm_path_op, it->n_ops);
            for (size_t k = 0; k < it->n_ops; k++) {
                ops[k] = it->ops[k];
                ops[k].x += dx; ops[k].y += dy;
                ops[k].x1 += dx; ops[k].y1 += dy;
                ops[k].x2 += dx; ops[k].y2 += dy;
            }
            it->ops = ops;
        }
    }
    dst->n_items = base + n;
    g_free(gmap);
    return (int)base;
}

void jm_scene_bounds(const jm_scene *s, size_t from, double *x0, double *y0, double *x1, double *y1) {
    bool any = false;
    double bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;
    for (size_t i = from; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        double a0, b0, a1, b1;
        if (it->kind == JM_ITEM_PATH) {
            if (!jm_path_extent(it, &a0, &b0, &a1, &b1)) continue;
        } else {
            a0 = fmin(it->x, it->x + it->w); a1 = fmax(it->x, it->x + it->w);
            b0 = fmin(it->y, it->y + it->h); b1 = fmax(it->y, it->y + it->h);
        }
        if (!any) { bx0 = a0; by0 = b0; bx1 = a1; by1 = b1; any = true; continue; }
        bx0 = fmin(bx0, a0); by0 = fmin(by0, b0);
        bx1 = fmax(bx1, a1); by1 = fmax(by1, b1);
    }
    *x0 = bx0; *y0 = by0; *x1 = bx1; *y1 = by1;
}

jm_doc *jm_doc_new(jm_arena *a) {
    jm_doc *d = JM_NEW(a, jm_doc);
    d->arena = a;
    return d;
}

void jm_doc_add_page(jm_doc *d, jm_scene *scene, const char *view, const char *bookmark) {
    JM_RESERVE(d->arena, d->pages, d->n_pages, 1, d->cap_pages, 4);
    d->pages[d->n_pages++] = (jm_page){ .scene = scene, .view = view, .bookmark = bookmark };
}

bool jm_item_drawable(const jm_item *it) {
    if (!isfinite(it->x) || !isfinite(it->y) || !isfinite(it->w) || !isfinite(it->h) || !isfinite(it->radius))
        return false;
    for (size_t k = 0; it->kind == JM_ITEM_PATH && k < it->n_ops; k++) {
        const jm_path_op *o = &it->ops[k];
        if (!isfinite(o->x) || !isfinite(o->y) || !isfinite(o->x1) || !isfinite(o->y1) || !isfinite(o->x2) || !isfinite(o->y2))
            return false;
    }
    return it->kind != JM_ITEM_PATH || (isfinite(it->head_size) && isfinite(it->paint.stroke_width));
}
