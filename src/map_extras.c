/* map_extras.c - the poster under the lanes: the features as a grid of cards (icon, title,
 * text) and the tables in rows of tables side by side, each row one part of the poster. */
#include "map_int.h"
#include <math.h>
#include <string.h>

void mp_parts_add(mp_map *M, mp_parts *p, mp_part part) {
    JM_RESERVE(M->a, p->v, p->n, 1, p->cap, 16);
    p->v[p->n++] = part;
}

/* A section title ("Key features") as a part of its own, kept with what follows it. */
static void section_title(mp_map *M, const char *title, double x, double w, mp_parts *out) {
    jm_scene *s = jm_scene_new(M->a, x + w, 0, M->c->background);
    double h = 0;
    int k = jm_shape_text(s, M->text, "map.section", x, 0, title, &M->st.section_font, M->st.section_color, w,
                          JM_ALIGN_LEFT, M->ls, -1, &h);
    s->items[k].src = M->j->pos;
    s->height = h;
    mp_parts_add(M, out, (mp_part){ .kind = MP_PART_FEATURES, .s = s, .h = h + M->st.section_title_gap,
                                    .gap_before = M->st.section_gap, .keep_with_next = true });
}

/* One feature card with its top at y; its height is set by the caller (the row's tallest).
 *
 *   +-------------------------------+
 *   |  📋  Title, bold, wrapped     |   icon at the left, title and text beside it
 *   |      text, muted, wrapped     |
 *   +-------------------------------+
 */
static double feature(mp_map *M, jm_scene *s, const jm_feature *f, double x, double y, double w, int *box) {
    const jm_map_style *st = &M->st;
    double pad = st->feature_padding, unit = M->c->grid_unit, h = 0;
    *box = jm_scene_rect(s, "map.feature", x, y, w, 0, st->feature_radius,
                         jm_paint_both(st->feature_fill, st->feature_stroke, st->feature_stroke_width));
    s->items[*box].src = f->pos;
    double tx = x + pad, tw = fmax(1, w - 2 * pad), ty = y + pad, icon_h = 0;
    if (f->icon && *f->icon) {
        jm_textblock b = jm_text_layout(M->text, M->a, f->icon, &st->feature_icon_font, -1, JM_ALIGN_LEFT, M->ls);
        int k = jm_scene_text(s, "map.feature.icon", tx - b.x, ty, f->icon, &st->feature_icon_font, M->c->text,
                              JM_ALIGN_LEFT, -1, M->ls, b, *box);
        s->items[k].src = f->pos;
        icon_h = b.height;
        tx += b.width + 2 * unit;
        tw = fmax(1, tw - b.width - 2 * unit);
    }
    double yy = ty;
    int k = jm_shape_text(s, M->text, "map.feature.title", tx, yy, f->title, &st->feature_title_font,
                          st->feature_title_color, tw, JM_ALIGN_LEFT, M->ls, *box, &h);
    s->items[k].src = f->pos;
    yy += h;
    if (f->text && *f->text) {
        yy += unit;
        k = jm_shape_text(s, M->text, "map.feature.text", tx, yy, f->text, &st->feature_text_font, st->feature_text_color,
                          tw, JM_ALIGN_LEFT, M->ls, *box, &h);
        s->items[k].src = f->pos;
        yy += h;
    }
    return fmax(yy - ty, icon_h) + 2 * pad;
}

void mp_feature_parts(mp_map *M, double x, double w, mp_parts *out) {
    const jm_journey *j = M->j;
    const jm_map_style *st = &M->st;
    if (!j->n_features) return;
    section_title(M, st->features_title, x, w, out);
    double gap = st->feature_gap;
    size_t cols = (size_t)fmax(1, floor((w + gap) / (st->feature_min_width + gap)));
    if (cols > j->n_features) cols = j->n_features;
    size_t rows = (j->n_features + cols - 1) / cols;
    cols = (j->n_features + rows - 1) / rows;   /* balanced rows: 8 cards in two rows of 4, not 7 and 1 */
    double cw = (w - (double)(cols - 1) * gap) / (double)cols;
    int *boxes = JM_NEWV(M->a, int, cols);
    for (size_t r0 = 0; r0 < j->n_features; r0 += cols) {
        jm_scene *s = jm_scene_new(M->a, x + w, 0, M->c->background);
        double h = 0;
        size_t n = 0;
        for (size_t i = r0; i < j->n_features && i < r0 + cols; i++, n++)
            h = fmax(h, feature(M, s, &j->features[i], x + (double)(i - r0) * (cw + gap), 0, cw, &boxes[n]));
        h = jm_snap(h, M->c->grid_unit);
        for (size_t i = 0; i < n; i++) s->items[boxes[i]].h = h;
        s->height = h;
        mp_parts_add(M, out, (mp_part){ .kind = MP_PART_FEATURES, .s = s, .h = h, .gap_before = r0 ? gap : 0 });
    }
}

/* Tables fill rows left to right while their natural widths fit; two or more in a row share
 * its whole width in proportion to their natural widths, one alone keeps its natural width
 * (at most the row's). A table alone in its row may continue on the next page. */
/* The height of a measured table's body rows, pt. */
static double table_body(const mp_table *m) {
    double h = 0;
    for (size_t r = 0; r < m->n_rows; r++) h += m->row_h[r];
    return h;
}

void mp_table_parts(mp_map *M, double x, double w, double alone_h, mp_parts *out) {
    const jm_journey *j = M->j;
    const jm_map_style *st = &M->st;
    double gap = st->table_gap;
    double *nat = JM_NEWV(M->a, double, j->n_tables ? j->n_tables : 1);
    bool *alone = JM_NEWV(M->a, bool, j->n_tables ? j->n_tables : 1);
    for (size_t i = 0; i < j->n_tables; i++) {
        nat[i] = fmin(w, mp_table_natural(M, &j->tables[i]));
        mp_table m;
        if (alone_h > 0) mp_table_measure(M, &j->tables[i], nat[i], &m);
        alone[i] = alone_h > 0 && m.title_h + m.head_h + table_body(&m) > alone_h;
    }
    for (size_t i = 0; i < j->n_tables;) {
        size_t k = i + 1;
        double sum = nat[i];
        while (!alone[i] && k < j->n_tables && !alone[k] && sum + gap + nat[k] <= w) sum += gap + nat[k++];
        jm_scene *s = jm_scene_new(M->a, x + w, 0, M->c->background);
        double share = k - i > 1 ? (w - (double)(k - i - 1) * gap) / (sum - (double)(k - i - 1) * gap) : 1;
        double tx = x, h = 0;
        mp_table *single = NULL;
        for (size_t t = i; t < k; t++) {
            mp_table *m = JM_NEW(M->a, mp_table);
            mp_table_measure(M, &j->tables[t], nat[t] * share, m);
            h = fmax(h, mp_table_place(M, m, s, tx, 0, 0, m->n_rows, false));
            tx += m->width + gap;
            if (k - i == 1) single = m;
        }
        s->height = h;
        mp_parts_add(M, out, (mp_part){ .kind = MP_PART_TABLE, .s = s, .h = h,
                                        .gap_before = i == 0 ? st->section_gap : gap, .table = single, .table_x = x });
        i = k;
    }
}
