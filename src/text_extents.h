/* text_extents.h - glyph extents for measuring without loading glyphs: the logical rectangle of
 * a glyph of a journeymap font map (and the ink Pango asks for alongside it) comes from the
 * font's extents and the glyph's advance, not from FreeType (text_extents.c says why and what
 * it saves). Used by the text service. */
#ifndef JM_TEXT_EXTENTS_H
#define JM_TEXT_EXTENTS_H
#include <pango/pango.h>

/* A PangoCairo FreeType font map whose fonts can be adopted (below); NULL if Pango has none. */
PangoFontMap *jm_text_extents_font_map_new(void);

/* Makes the fonts of `map` (made by jm_text_extents_font_map_new; `context` one of its contexts)
 * answer logical-only extents requests without loading the glyph. Other font maps are not
 * touched. Safe from any thread. */
void jm_text_extents_adopt(PangoFontMap *map, PangoContext *context);

/* A glyph's exact ink and logical extents, as PangoCairo measures them (loading the glyph). */
void jm_text_glyph_ink(PangoFont *font, PangoGlyph glyph, PangoRectangle *ink, PangoRectangle *logical);
#endif
