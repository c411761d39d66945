/* text.h - the one text service: measures and wraps text with Pango, in the pinned font set.
 * Layout code gets PangoLayouts from here; the painter draws those same layouts. */
#ifndef JM_TEXT_H
#define JM_TEXT_H
#include <stdbool.h>
#include <pango/pango.h>
#include "style.h"

typedef struct jm_text jm_text;

/* Creates the service: the pinned font set of `fonts_dir`/fontset.txt (fontset.h; NULL means
 * "fonts") and nothing else but the font files of `extra` (NULL-terminated, may be NULL; first in
 * the fallback order), made fontconfig's current configuration, its own font map and
 * context at 72 dpi (1 pt = 1 unit), with fixed font options (no hinting, greyscale
 * antialiasing, no metric hinting) so output is the same on every machine. NULL after a
 * diagnostic on failure (no font list, no font of it). */
jm_text *jm_text_new(const char *fonts_dir, const char *const *extra, jm_diags *d);
void jm_text_free(jm_text *t);

typedef enum { JM_ALIGN_LEFT, JM_ALIGN_CENTER, JM_ALIGN_RIGHT } jm_align;

/* A measured block of text. The block's arena holds a reference to `layout` (dropped when it is
 * freed); the layout is read only, as the same one answers every identical request. */
typedef struct {
    PangoLayout *layout;
    double x;               /* left of the logical extents from the layout origin, pt: 0 for
                             * left-aligned text, > 0 when lines are centred or right-aligned
                             * inside the wrap width (or RTL) */
    double layout_x;        /* where `layout` itself puts that left edge: x, except for one
                             * line that fits its wrap width, which the service lays out without
                             * wrapping (0) and places at x; a painter draws `layout` with its
                             * origin at (box left - layout_x) */
    double wrap;            /* the wrap width the text was laid out at, pt (0: none) */
    jm_align align;         /* the alignment asked for */
    double width, height;   /* logical extents, pt */
    double baseline;        /* first line's baseline from the top, pt */
    int lines;
    const char *fonts;      /* the font files its runs use, by file name, in order of first use,
                             * comma separated ("Inter-Bold.otf,NotoColorEmoji.ttf"); in the
                             * caller's arena */
    unsigned missing;       /* the first character that no font of the set has, 0 if none */
} jm_textblock;

/* Lays out `utf8` in `font`, wrapped to `wrap_width` pt (<= 0: no wrapping, only hard breaks).
 * Wrapping breaks between words, and inside a word only when the word alone is wider than the
 * width. Right-to-left paragraphs align to the right when asked for LEFT (natural alignment).
 * `line_spacing` is extra space between lines in pt. The service remembers its answers until
 * jm_text_free: the same text, font, width, alignment and spacing again give the same block (and
 * layout) without laying out again; jm_text_min_width remembers likewise. */
jm_textblock jm_text_layout(jm_text *t, jm_arena *a, const char *utf8, const jm_font *font,
                            double wrap_width, jm_align align, double line_spacing);

/* For drawings the painter will not draw (SVG): plain one-line labels are measured from their
 * shaped runs and their layouts left unmade (text_plain.h), which saves a third of their cost;
 * a painter that draws one has Pango make it then, the same runs, so it is only slower. Off by
 * default; the pipeline turns it on for SVG. */
void jm_text_set_plain(jm_text *t, bool on);

/* Width of the widest single word (unbreakable run) of `utf8` in `font`: the least width that
 * wraps without breaking words. */
double jm_text_min_width(jm_text *t, const char *utf8, const jm_font *font);

/* True when the first letter of `utf8` with a direction of its own is written right to left
 * (Hebrew, Arabic, Syriac, Thaana, N'Ko): texts composed on one line with it (a count and its
 * unit) then run right to left. False for NULL and for text with no letters. */
bool jm_text_rtl(const char *utf8);

/* A bound that jm_text_min_width never exceeds, found without shaping: the longest run of
 * characters between spaces, a Latin one at most 1 em, any other at most 1.3 em (no glyph of the
 * set advances more; an emoji is 1.25 em). Lets a caller skip measuring texts whose words cannot
 * matter. */
double jm_text_min_width_bound(const char *utf8, const jm_font *font);

/* The Pango context. The painter draws layouts as they are and never calls
 * pango_cairo_update_context: metrics do not depend on the device, so measured == drawn. */
PangoContext *jm_text_context(jm_text *t);
#endif
