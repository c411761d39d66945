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
 * The replacement is made on the font class once per process (GOnce); the class keeps a pointer
 * to PangoCairo's own function, which is the one piece of process state here. */
#include "text_extents.h"
#include <hb.h>

static void (*pangocairo_glyph_extents)(PangoFont *, PangoGlyph, PangoRectangle *, PangoRectangle *);
static GQuark ours;

static void glyph_extents(PangoFont *font, PangoGlyph glyph, PangoRectangle *ink, PangoRectangle *logical) {
    PangoFontMap *map;
    if (glyph == PANGO_GLYPH_EMPTY || (glyph & PANGO_GLYPH_UNKNOWN_FLAG) ||
        !(map = pango_font_get_font_map(font)) || !g_object_get_qdata(G_OBJECT(map), ours)) {
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
    ours = g_quark_from_static_string("journeymap-logical-extents");
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
    PangoFontClass *klass = g_once(&once, install, font);
    /* a font of another class (not PangoCairo's FreeType fonts) keeps its own answers */
    if (klass == PANGO_FONT_GET_CLASS(font)) g_object_set_qdata(G_OBJECT(map), ours, map);
    g_object_unref(font);
}
