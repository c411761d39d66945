/* text_lines.c - where the lines of a measured text block start (see text_lines.h). */
#include "text_lines.h"

size_t jm_text_line_start(const jm_textblock *b, int line) {
    if (!b->layout || line <= 0 || line >= pango_layout_get_line_count(b->layout)) return 0;
    PangoLayoutLine *l = pango_layout_get_line_readonly(b->layout, line);
    return l && l->start_index > 0 ? (size_t)l->start_index : 0;
}
