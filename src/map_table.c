/* map_table.c - tables with wrapped cells under a header row: column widths from the cells'
 * natural and least widths, rows as tall as their tallest cell, placed a range of rows at a time
 * (the poster places whole tables; the handout continues long ones on the next page). */
#include "map_int.h"
#include <math.h>

static const char *cell(const jm_table *t, size_t r, size_t c) {
    const char *v = t->cells[r * t->n_columns + c];
    return v ? v : "";
}

static double unwrapped(mp_map *M, const char *text, const jm_font *f) {
    return jm_text_layout(M->text, M->a, text, f, -1, JM_ALIGN_LEFT, M->ls).width;
}

/* Natural and least width of each column, padding included. */
static void column_widths(mp_map *M, const jm_table *t, double *nat, double *least) {
    const jm_map_style *st = &M->st;
    double pad = 2 * st->table_padding_x;
    for (size_t c = 0; c < t->n_columns; c++) {
        const char *h = t->columns[c] ? t->columns[c] : "";
        double n = unwrapped(M, h, &st->table_header_font), l = jm_text_min_width(M->text, h, &st->table_header_font);
        for (size_t r = 0; r < t->n_rows; r++) {
            n = fmax(n, unwrapped(M, cell(t, r, c), &st->table_font));
            l = fmax(l, jm_text_min_width(M->text, cell(t, r, c), &st->table_font));
        }
        least[c] = fmax(l + pad, st->table_min_column);
        nat[c] = fmax(least[c], fmin(n + pad, fmax(st->table_max_column, st->table_min_column)));
    }
}

double mp_table_natural(mp_map *M, const jm_table *t) {
    size_t n = t->n_columns ? t->n_columns : 1;
    double *nat = JM_NEWV(M->a, double, n), *least = JM_NEWV(M->a, double, n), w = 0;
    column_widths(M, t, nat, least);
    for (size_t c = 0; c < t->n_columns; c++) w += nat[c];
    return w;
}

double mp_table_least(mp_map *M, const jm_table *t) {
    size_t n = t->n_columns ? t->n_columns : 1;
    double *nat = JM_NEWV(M->a, double, n), *least = JM_NEWV(M->a, double, n), w = 0;
    column_widths(M, t, nat, least);
    for (size_t c = 0; c < t->n_columns; c++) w += least[c];
    return w;
}

/* Column widths for a table `width` wide:
 *   width >= sum natural: natural widths, the rest shared in proportion to them;
 *   sum least <= width < sum natural: least + f * (natural - least), one f for all columns;
 *   narrower: least widths in proportion (long words then break). */
void mp_table_measure(mp_map *M, const jm_table *t, double width, mp_table *m) {
    const jm_map_style *st = &M->st;
    size_t nc = t->n_columns ? t->n_columns : 1;
    *m = (mp_table){ .t = t, .n_cols = t->n_columns, .n_rows = t->n_rows, .width = width };
    m->col_w = JM_NEWV(M->a, double, nc);
    double *nat = JM_NEWV(M->a, double, nc), *least = JM_NEWV(M->a, double, nc), sn = 0, sl = 0;
    column_widths(M, t, nat, least);
    for (size_t c = 0; c < t->n_columns; c++) { sn += nat[c]; sl += least[c]; }
    for (size_t c = 0; c < t->n_columns; c++) {
        if (width >= sn) m->col_w[c] = nat[c] * width / sn;
        else if (width >= sl) m->col_w[c] = least[c] + (nat[c] - least[c]) * (width - sl) / fmax(1e-9, sn - sl);
        else m->col_w[c] = least[c] * width / sl;
    }
    double px = st->table_padding_x, py = st->table_padding_y;
    if (t->title && *t->title) {
        jm_textblock b = jm_text_layout(M->text, M->a, t->title, &st->section_font, width, JM_ALIGN_LEFT, M->ls);
        m->title_h = b.height + st->section_title_gap;
    }
    m->head = JM_NEWV(M->a, jm_textblock, nc);
    m->cells = JM_NEWV(M->a, jm_textblock, nc * (t->n_rows ? t->n_rows : 1));
    m->row_h = JM_NEWV(M->a, double, t->n_rows ? t->n_rows : 1);
    for (size_t c = 0; c < t->n_columns; c++) {
        double wrap = fmax(1, m->col_w[c] - 2 * px);
        m->head[c] = jm_text_layout(M->text, M->a, t->columns[c] ? t->columns[c] : "", &st->table_header_font, wrap,
                                    JM_ALIGN_LEFT, M->ls);
        m->head_h = fmax(m->head_h, m->head[c].height + 2 * py);
        for (size_t r = 0; r < t->n_rows; r++) {
            jm_textblock *b = &m->cells[r * nc + c];
            *b = jm_text_layout(M->text, M->a, cell(t, r, c), &st->table_font, wrap, JM_ALIGN_LEFT, M->ls);
            m->row_h[r] = fmax(m->row_h[r], b->height + 2 * py);
        }
    }
}

/* A rectangle whose top and/or bottom corners are rounded by r, as a path (cubic quarter
 * circles), so that header and last-row fills follow the table's rounded outline. */
static size_t rounded_ops(jm_path_op *ops, double x, double y, double w, double h, double r, bool top, bool bottom) {
    const double k = 0.5523;   /* cubic control distance for a quarter circle */
    r = fmin(r, fmin(w, h) / 2);
    double rt = top ? r : 0, rb = bottom ? r : 0;
    size_t n = 0;
    ops[n++] = (jm_path_op){ .op = JM_OP_MOVE, .x = x, .y = y + rt };
    if (rt > 0) ops[n++] = (jm_path_op){ .op = JM_OP_CURVE, .x = x + rt, .y = y, .x1 = x, .y1 = y + rt * (1 - k),
                                         .x2 = x + rt * (1 - k), .y2 = y };
    ops[n++] = (jm_path_op){ .op = JM_OP_LINE, .x = x + w - rt, .y = y };
    if (rt > 0) ops[n++] = (jm_path_op){ .op = JM_OP_CURVE, .x = x + w, .y = y + rt, .x1 = x + w - rt * (1 - k), .y1 = y,
                                         .x2 = x + w, .y2 = y + rt * (1 - k) };
    ops[n++] = (jm_path_op){ .op = JM_OP_LINE, .x = x + w, .y = y + h - rb };
    if (rb > 0) ops[n++] = (jm_path_op){ .op = JM_OP_CURVE, .x = x + w - rb, .y = y + h, .x1 = x + w, .y1 = y + h - rb * (1 - k),
                                         .x2 = x + w - rb * (1 - k), .y2 = y + h };
    ops[n++] = (jm_path_op){ .op = JM_OP_LINE, .x = x + rb, .y = y + h };
    if (rb > 0) ops[n++] = (jm_path_op){ .op = JM_OP_CURVE, .x = x, .y = y + h - rb, .x1 = x + rb * (1 - k), .y1 = y + h,
                                         .x2 = x, .y2 = y + h - rb * (1 - k) };
    ops[n++] = (jm_path_op){ .op = JM_OP_CLOSE };
    return n;
}

/* One row's fill and its cells' text; returns the row's item (the texts' container). */
static int row(mp_map *M, const mp_table *m, jm_scene *s, double x, double y, double h, const char *role, jm_color fill,
               bool top, bool bottom, const jm_textblock *blocks, const char *const *texts, const jm_font *font,
               jm_color color) {
    const jm_map_style *st = &M->st;
    jm_path_op ops[10];
    size_t n = rounded_ops(ops, x, y, m->width, h, st->table_radius, top, bottom);
    int box = jm_scene_path(s, role, ops, n, jm_paint_fill(fill), JM_HEAD_NONE, JM_HEAD_NONE, 0);
    s->items[box].src = m->t->pos;
    double cx = x;
    for (size_t c = 0; c < m->n_cols; c++) {
        double wrap = fmax(1, m->col_w[c] - 2 * st->table_padding_x);
        int t = jm_scene_text(s, "map.table.text", cx + st->table_padding_x - blocks[c].x, y + st->table_padding_y,
                              texts[c], font, color, JM_ALIGN_LEFT, wrap, M->ls, blocks[c], box);
        s->items[t].src = m->t->pos;
        cx += m->col_w[c];
    }
    return box;
}

/* The table from y:
 *
 *   Title (continued)            section font, then section-title-gap
 *   +----------+-----------+     header row: header fill, bold
 *   | Role     | Concerns  |
 *   +----------+-----------+     rules between rows and columns, stripes on every other row
 *   | CTO      | wrapped   |
 *   |          | text      |
 *   +----------+-----------+     outline with rounded corners
 */
double mp_table_place(mp_map *M, const mp_table *m, jm_scene *s, double x, double y, size_t r0, size_t r1, bool cont) {
    const jm_map_style *st = &M->st;
    const jm_table *t = m->t;
    double y0 = y;
    if (r1 > m->n_rows) r1 = m->n_rows;
    if (m->title_h > 0) {
        const char *title = cont ? jm_arena_printf(M->a, "%s%s", t->title, st->continued) : t->title;
        int k = jm_shape_text(s, M->text, "map.table.title", x, y, title, &st->section_font, st->section_color, m->width,
                              JM_ALIGN_LEFT, M->ls, -1, NULL);
        s->items[k].src = t->pos;
        y += m->title_h;
    }
    double top = y;
    size_t nc = m->n_cols ? m->n_cols : 1;
    row(M, m, s, x, y, m->head_h, "map.table.header", st->table_header_fill, true, r1 <= r0, m->head,
        (const char *const *)t->columns, &st->table_header_font, st->table_header_text);
    y += m->head_h;
    for (size_t r = r0; r < r1; r++) {
        const char **texts = JM_NEWV(M->a, const char *, nc);
        for (size_t c = 0; c < m->n_cols; c++) texts[c] = cell(t, r, c);
        row(M, m, s, x, y, m->row_h[r], "map.table.row", (r - r0) % 2 ? st->table_stripe : st->table_fill, false,
            r + 1 == r1, &m->cells[r * nc], texts, &st->table_font, st->table_text);
        y += m->row_h[r];
    }
    /* rules, then the outline on top */
    jm_paint rule = jm_paint_stroke(st->table_rule, st->table_stroke_width);
    double ry = top + m->head_h;
    for (size_t r = r0; r < r1; r++) {
        jm_paint p = r == r0 ? jm_paint_stroke(st->table_stroke, st->table_stroke_width) : rule;   /* under the header */
        jm_scene_line(s, "map.table.rule", x, ry, x + m->width, ry, p, JM_HEAD_NONE, JM_HEAD_NONE, 0);
        ry += m->row_h[r];
    }
    double cx = x;
    for (size_t c = 0; c + 1 < m->n_cols; c++) {
        cx += m->col_w[c];
        jm_scene_line(s, "map.table.rule", cx, top, cx, y, rule, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    }
    int o = jm_scene_rect(s, "map.table", x, top, m->width, y - top, st->table_radius,
                          jm_paint_stroke(st->table_stroke, st->table_stroke_width));
    s->items[o].src = t->pos;
    return y - y0;
}
