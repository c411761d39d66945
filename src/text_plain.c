/* text_plain.c - one line of plain text measured without PangoLayout's line machinery
 * (text_plain.h).
 *
 * What PangoLayout (1.50) does with such a text, and what is done here in its place:
 * - it itemizes the text with its attributes and its font description inserted before them as
 *   an attribute (pango_layout_get_effective_attributes), left to right (auto direction finds no
 *   strong right-to-left character in plain text): pango_itemize_with_base_dir with the same list;
 * - it shapes each item with pango_shape_item, without rounding (the text service's context does
 *   not round glyph positions); the log attributes it passes only place hyphens at breaks, and an
 *   unwrapped line has none;
 * - a line that is not wrapped keeps its runs as they are, in order;
 * - the line's logical rectangle is the union of its runs' (pango_glyph_string_extents), each
 *   run after the one before by its width.
 * The text service checks nothing of this at run time; the test suite's reference images and the
 * corpus's SVG files, drawn before and after, are byte for byte the same. */
#include "text_plain.h"
#include <string.h>

/* Right-to-left scripts and the bidi controls: a line of them is reordered. */
static bool rtl(gunichar c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)
           || (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF) || c == 0x200E || c == 0x200F
           || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

bool jm_plain_text(const char *text) {
    if (!text || !*text) return false;
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar c = (unsigned char)*p < 0x80 ? (gunichar)(unsigned char)*p : g_utf8_get_char(p);
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD || c == 0x2028 || c == 0x2029 || rtl(c)) return false;
    }
    return true;
}

static GQuark runs_quark(void) { return g_quark_from_static_string("journeymap-plain-runs"); }

static void free_runs(gpointer data) { g_slist_free_full(data, (GDestroyNotify)pango_glyph_item_free); }

bool jm_plain_layout(PangoContext *context, PangoLayout *l, int *width, int *y, int *height) {
    const char *text = pango_layout_get_text(l);
    int len = (int)strlen(text);
    PangoAttrList *own = pango_layout_get_attributes(l);
    PangoAttrList *attrs = own ? pango_attr_list_copy(own) : pango_attr_list_new();
    const PangoFontDescription *fd = pango_layout_get_font_description(l);
    if (fd) pango_attr_list_insert_before(attrs, pango_attr_font_desc_new(fd));
    GList *items = pango_itemize_with_base_dir(context, PANGO_DIRECTION_LTR, text, 0, len, attrs, NULL);
    pango_attr_list_unref(attrs);
    if (!items) return false;
    GSList *runs = NULL;
    int x = 0, top = 0, bottom = 0;
    for (GList *i = items; i; i = i->next) {
        PangoGlyphItem *run = g_slice_new0(PangoGlyphItem);
        run->item = i->data;
        run->glyphs = pango_glyph_string_new();
        pango_shape_item(run->item, text, len, NULL, run->glyphs, PANGO_SHAPE_NONE);
        PangoRectangle r;
        pango_glyph_string_extents(run->glyphs, run->item->analysis.font, NULL, &r);
        if (!runs || r.y < top) top = r.y;
        if (!runs || r.y + r.height > bottom) bottom = r.y + r.height;
        x += r.width;
        runs = g_slist_prepend(runs, run);
    }
    g_list_free(items);
    g_object_set_qdata_full(G_OBJECT(l), runs_quark(), g_slist_reverse(runs), free_runs);
    *width = x;
    *y = top;
    *height = bottom - top;
    return true;
}

const GSList *jm_plain_runs(PangoLayout *l) { return l ? g_object_get_qdata(G_OBJECT(l), runs_quark()) : NULL; }
