/* text_lines.h - where the lines of a measured text block start: for cutting a wrapped text
 * between two of its lines (a map entry continued on the next page) so that each piece, laid
 * out again at the same width, wraps exactly as it did in the whole. */
#ifndef JM_TEXT_LINES_H
#define JM_TEXT_LINES_H
#include <stddef.h>
#include "text.h"

/* The byte offset in the block's text where line `line` (0-based) starts; 0 for line 0 and for a
 * line out of range or a block without a layout. Lines break after spaces and hard breaks, so the
 * text before the offset ends with them (trim them off before laying it out again). */
size_t jm_text_line_start(const jm_textblock *b, int line);
#endif
