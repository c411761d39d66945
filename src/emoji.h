/* emoji.h - colour emoji as pictures at the emoji font's full strike, for the vector outputs.
 * Cairo would embed a colour glyph in a PDF or SVG as a bitmap at the size it is drawn (11 px for
 * an emoji in 9 pt text): a smudge on paper. The SVG writer and the painter on vector surfaces
 * draw each distinct emoji from one picture made here instead, 136 px wide, scaled down. */
#ifndef JM_EMOJI_H
#define JM_EMOJI_H
#include <stdbool.h>
#include <cairo.h>
#include <pango/pango.h>

/* The size an emoji is drawn at to make its picture, px per em: Noto Color Emoji's one strike
 * (109 ppem, bitmaps 136 x 128), so each pixel of the picture is a pixel of the font. */
#define JM_EMOJI_PPEM 109

typedef struct jm_emoji_cache jm_emoji_cache;

/* One emoji's picture and where it goes: the picture covers (x, y, w, h) in em units from the
 * glyph's origin on the baseline (y down), so a glyph drawn at size S covers S times that. The
 * size S of a glyph in a layout: its advance there over `advance` (Pango reports a bitmap
 * font's strike size as its size, whatever size it draws it at). */
typedef struct {
    cairo_surface_t *image;  /* ARGB32, owned by the cache; NULL when the cache makes no images
                             * and `png` holds the picture */
    int px_w, px_h;          /* the picture's size, px */
    double x, y, w, h;
    double advance;          /* the glyph's advance, em */
    const unsigned char *png; size_t png_len;   /* the font's own PNG of the picture (its CBDT
                             * strike, the same pixels, better compressed), or NULL */
    int id;                  /* 1, 2, ... in order of first request */
} jm_emoji;

/* `images`: every picture has its cairo image (the painter draws them); false: a picture that
 * has the font's own PNG has no image (the SVG writer embeds the PNG). */
jm_emoji_cache *jm_emoji_cache_new(bool images);
void jm_emoji_cache_free(jm_emoji_cache *c);

/* Whether `font` draws colour glyphs (its fontconfig pattern says FC_COLOR). */
bool jm_font_is_color(PangoFont *font);

/* The picture of glyph `g` of the colour font `font`, made on first request. `fresh` (may be
 * NULL) tells whether this call made it. False for a glyph that draws nothing. */
bool jm_emoji_get(jm_emoji_cache *c, PangoFont *font, PangoGlyph g, jm_emoji *out, bool *fresh);

/* Glyph `g` of the colour font `font` measured at the strike: its picture's box in whole pixels
 * from the origin (x, y, w, h), its advance in pixels, and whether the font has a PNG of exactly
 * that box. `exact` measures with PangoCairo's ink instead of the bitmap table (for tests). */
bool jm_emoji_strike(PangoFont *font, PangoGlyph g, bool exact, int box[4], double *advance, bool *png);
#endif
