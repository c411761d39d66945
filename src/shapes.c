/* shapes.c - shared layout helpers: paints, text placed in one call, chevron paths, snapping.
 * Used by every view's layout module; appends to scenes only. */
#include "shapes.h"
#include <math.h>

jm_paint jm_paint_fill(jm_color fill) { return (jm_paint){ .fill = fill }; }
jm_paint jm_paint_stroke(jm_color stroke, double width) { return (jm_paint){ .stroke = stroke, .stroke_width = width }; }
jm_paint jm_paint_both(jm_color fill, jm_color stroke, double width) {
    return (jm_paint){ .fill = fill, .stroke = stroke, .stroke_width = width };
}
jm_paint jm_paint_dashed(jm_paint p, jm_dash dash) { p.dash = dash; return p; }

jm_textblock jm_shape_measure(jm_scene *s, jm_text *t, const char *text, const jm_font *font,
                              double wrap, double line_spacing) {
    return jm_text_layout(t, s->arena, text ? text : "", font, wrap, JM_ALIGN_LEFT, line_spacing);
}

int jm_shape_text(jm_scene *s, jm_text *t, const char *role, double x, double y, const char *text,
                  const jm_font *font, jm_color color, double wrap, jm_align align,
                  double line_spacing, int container, double *h) {
    jm_textblock b = jm_text_layout(t, s->arena, text ? text : "", font, wrap, align, line_spacing);
    if (h) *h = b.height;
    return jm_scene_text(s, role, x, y, text ? text : "", font, color, align, wrap, line_spacing, b, container);
}

size_t jm_shape_chevron(jm_path_op *ops, double x, double y, double w, double h, double notch, double point) {
    size_t n = 0;
    ops[n++] = (jm_path_op){ .op = JM_OP_MOVE, .x = x, .y = y };
    ops[n++] = (jm_path_op){ .op = JM_OP_LINE, .x = x + w - point, .y = y };
    ops[n++] = (jm_path_op){ .op = JM_OP_LINE, .x = x + w, .y = y + h / 2 };
    ops[n++] = (jm_path_op){ .op = JM_OP_LINE, .x = x + w - point, .y = y + h };
    ops[n++] = (jm_path_op){ .op = JM_OP_LINE, .x = x, .y = y + h };
    ops[n++] = (jm_path_op){ .op = JM_OP_LINE, .x = x + notch, .y = y + h / 2 };
    ops[n++] = (jm_path_op){ .op = JM_OP_CLOSE };
    return n;
}

double jm_snap(double v, double grid) { return grid > 0 ? ceil(v / grid - 1e-9) * grid : v; }
