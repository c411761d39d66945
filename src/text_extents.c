/* text_extents.c - a glyph's logical extents without loading the glyph (text_extents.h).
 *
 * Why
 * ---
 * Pango 1.50 measures a run (pango_glyph_string_extents_range) by asking the font for every
 * glyph's extents, and keeps only the logical rectangle's y and height: the width is the shaped
 * advance it already has. PangoCairo answers with cairo_scaled_font_glyph_extents, which makes
 * FreeType load the glyph: for Inter's CFF outlines that runs the charstring interpreter, about
 * 34,000 instructions a glyph the first time each glyph is met at each size. That was 13 % of
 * the instructions of the index funnel to SVG (363 loads) - where no glyph is ever drawn by
 * cairo - and every load happened again when a PNG painted the glyph.
 *
 * Nor is it only the logical rectangle that costs: Pango 1.50 caches a line's ink and logical
 * extents together, so it asks every glyph for its ink even when the caller wants only the
 * logical extents. journeymap never asks Pango for ink: the painter and the SVG writer place text
 * by its logical extents (layout, line and run extents are all taken with ink NULL).
 *
 * What
 * ----
 * PangoCairo's logical rectangle of any real glyph is the same for every glyph of a font: the
 * font's extents (its own PANGO_GLYPH_EMPTY answer) with the advance as width. So a glyph of a
 * font of a journeymap font map is answered from the font's PANGO_GLYPH_EMPTY extents and
 * HarfBuzz's advance (the advance Pango shapes with), and its ink rectangle is that same box.
 * Code that needs a glyph's real ink (the emoji pictures) asks jm_text_glyph_ink. A glyph Pango
 * draws as a hex box, and every glyph of other font maps (a program using libjourneymap that
 * draws with Pango itself), is answered by PangoCairo as before. Output is byte for byte what it
 * was: the test suite's reference images, scene dumps and SVG files did not change.
 *
 * Pango asks for every glyph, so telling the fonts of journeymap's maps from others must be
 * cheap: journeymap's maps are of their own type, a subclass of PangoCairo's FreeType font map
 * that adds nothing, and a font names its map in a field (a GObject data lookup cost more than
 * the rest of the answer).
 *
 * The replacement is made on the font class once per process (GOnce), and the map type is made
 * once; the class keeps a pointer to PangoCairo's own function: these are the process state
 * here, written once. */
#include "text_extents.h"
#include <hb.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

static void (*pangocairo_glyph_extents)(PangoFont *, PangoGlyph, PangoRectangle *, PangoRectangle *);
static GType map_type;

static gpointer register_map_type(gpointer unused) {
    (void)unused;
    PangoFontMap *probe = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (!probe) return NULL;
    GTypeQuery q;
    g_type_query(G_OBJECT_TYPE(probe), &q);
    map_type = g_type_register_static_simple(G_OBJECT_TYPE(probe), "JmCairoFcFontMap", q.class_size, NULL,
                                             q.instance_size, NULL, 0);
    g_object_unref(probe);
    return NULL;
}

PangoFontMap *jm_text_extents_font_map_new(void) {
    static GOnce once = G_ONCE_INIT;
    g_once(&once, register_map_type, NULL);
    return map_type ? g_object_new(map_type, NULL) : NULL;
}

static void glyph_extents(PangoFont *font, PangoGlyph glyph, PangoRectangle *ink, PangoRectangle *logical) {
    PangoFontMap *map = ((PangoFcFont *)font)->fontmap;   /* the class patched is a PangoFcFont's */
    if (glyph == PANGO_GLYPH_EMPTY || (glyph & PANGO_GLYPH_UNKNOWN_FLAG) || !map || G_OBJECT_TYPE(map) != map_type) {
        pangocairo_glyph_extents(font, glyph, ink, logical);
        return;
    }
    PangoRectangle box;
    pangocairo_glyph_extents(font, PANGO_GLYPH_EMPTY, NULL, &box);
    box.width = hb_font_get_glyph_h_advance(pango_font_get_hb_font(font), glyph);
    if (ink) *ink = box;
    if (logical) *logical = box;
}

void jm_text_glyph_ink(PangoFont *font, PangoGlyph glyph, PangoRectangle *ink, PangoRectangle *logical) {
    void (*exact)(PangoFont *, PangoGlyph, PangoRectangle *, PangoRectangle *) =
        pangocairo_glyph_extents ? pangocairo_glyph_extents : PANGO_FONT_GET_CLASS(font)->get_glyph_extents;
    exact(font, glyph, ink, logical);
}

static gpointer install(gpointer font) {
    PangoFontClass *klass = PANGO_FONT_GET_CLASS(font);
    pangocairo_glyph_extents = klass->get_glyph_extents;
    klass->get_glyph_extents = glyph_extents;
    return klass;
}

void jm_text_extents_adopt(PangoFontMap *map, PangoContext *context) {
    static GOnce once = G_ONCE_INIT;
    PangoFontDescription *fd = pango_font_description_from_string("Inter 10");
    PangoFont *font = pango_font_map_load_font(map, context, fd);
    pango_font_description_free(fd);
    if (!font) return;
    /* only a PangoFcFont class is patched (glyph_extents reads the font's map from its fields);
     * the fonts of a map made otherwise, or of another class, keep their own answers */
    if (G_OBJECT_TYPE(map) == map_type && PANGO_IS_FC_FONT(font)) g_once(&once, install, font);
    g_object_unref(font);
}
