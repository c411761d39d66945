/* text_plain.h - one line of plain text measured without PangoLayout's line machinery.
 *
 * A label laid out on its own (no wrap width) in characters that need nothing of a line layout
 * (no tabs, breaks or soft hyphens; left to right) is one line whose runs
 * are Pango's items, each shaped by Pango: that is what PangoLayout makes of it, after it has
 * also worked out every line-break opportunity, broken the line and measured it again with each
 * font's metrics (a third of a short label's cost). The text service measures such a label from
 * its runs and keeps the layout unmade: a painter that draws it has Pango make it then, the same
 * runs; the SVG writer writes the runs kept here. */
#ifndef JM_TEXT_PLAIN_H
#define JM_TEXT_PLAIN_H
#include <stdbool.h>
#include <pango/pango.h>

/* Whether `text` (already without trailing white space) is plain: not empty, and none of what a
 * line layout treats itself: control characters (tabs, breaks), soft hyphens, line and paragraph
 * separators, right-to-left scripts and the bidi controls. */
bool jm_plain_text(const char *text);

/* Lays `l` (its text plain, no width, not yet laid out) out as one line: Pango's items of its
 * text with its font and attributes, each shaped; the runs are kept with `l` (jm_plain_runs).
 * The line's logical extents in Pango units: width, and top (y, negative: the ascent) and
 * height. False (nothing kept) when Pango itemizes it into nothing. */
bool jm_plain_layout(PangoContext *context, PangoLayout *l, int *width, int *y, int *height);

/* The runs jm_plain_layout kept with `l`, left to right (PangoGlyphItem*), or NULL. */
const GSList *jm_plain_runs(PangoLayout *l);
#endif
