/* emoji.c - colour emoji pictures at the font's full strike (emoji.h). */
#include "emoji.h"
#include "text_extents.h"
#include <glib.h>
#include <hb-ot.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>

struct jm_emoji_cache {
    GHashTable *by_key;      /* "file#index#glyph" -> jm_emoji* */
    int next_id;
    bool images;             /* make every picture's image, not only those without a PNG */
};

static void emoji_free(gpointer p) {
    jm_emoji *e = p;
    cairo_surface_destroy(e->image);
    g_free((void *)e->png);
    g_free(e);
}

jm_emoji_cache *jm_emoji_cache_new(bool images) {
    jm_emoji_cache *c = g_new0(jm_emoji_cache, 1);
    c->images = images;
    c->by_key = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, emoji_free);
    return c;
}

void jm_emoji_cache_free(jm_emoji_cache *c) {
    if (!c) return;
    g_hash_table_destroy(c->by_key);
    g_free(c);
}

bool jm_font_is_color(PangoFont *font) {
    if (!font || !PANGO_IS_FC_FONT(font)) return false;
    FcPattern *p = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcBool color = FcFalse;
    return p && FcPatternGetBool(p, FC_COLOR, 0, &color) == FcResultMatch && color;
}

/* "file#index#glyph": the same glyph of the same face at any size is one picture. */
static char *key_of(PangoFont *font, PangoGlyph g) {
    FcPattern *p = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8 *file = NULL;
    int index = 0;
    FcPatternGetString(p, FC_FILE, 0, &file);
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    return g_strdup_printf("%s#%d#%u", file ? (const char *)file : "?", index, g);
}

/* `font` again at JM_EMOJI_PPEM px per em: cairo draws a colour glyph from the strike at the
 * font's own size and only then scales it, so the size must be the font's, not the matrix's. */
static PangoFont *at_strike(PangoFont *font) {
    PangoFontMap *map = pango_font_get_font_map(font);
    if (!map) return NULL;
    PangoContext *ctx = pango_font_map_create_context(map);
    PangoFontDescription *fd = pango_font_describe(font);
    pango_font_description_set_absolute_size(fd, JM_EMOJI_PPEM * PANGO_SCALE);
    PangoFont *big = pango_font_map_load_font(map, ctx, fd);
    pango_font_description_free(fd);
    g_object_unref(ctx);
    return big;
}

/* The glyph drawn at JM_EMOJI_PPEM px per em, on a surface just covering its ink (whole pixels,
 * the origin kept on a pixel corner). The font's own PNG of the glyph is kept when it is exactly
 * those pixels; then the drawing is made only when `image` asks for it (the SVG writer needs the
 * PNG alone: drawing it cost two thirds of an emoji's time). */
static bool make(PangoFont *font, PangoGlyph g, bool image, jm_emoji *out) {
    PangoFont *big = at_strike(font);
    if (!big) return false;
    PangoRectangle ink, logical;
    jm_text_glyph_ink(big, g, &ink, &logical);
    double x0 = floor(ink.x / (double)PANGO_SCALE), y0 = floor(ink.y / (double)PANGO_SCALE);
    double x1 = ceil((ink.x + ink.width) / (double)PANGO_SCALE), y1 = ceil((ink.y + ink.height) / (double)PANGO_SCALE);
    if (!(x1 > x0) || !(y1 > y0) || x1 - x0 > 4 * JM_EMOJI_PPEM || y1 - y0 > 4 * JM_EMOJI_PPEM) {
        g_object_unref(big);
        return false;
    }
    int w = (int)(x1 - x0), h = (int)(y1 - y0);
    /* the strike's own PNG, when it is exactly these pixels' size */
    hb_blob_t *blob = hb_ot_color_glyph_reference_png(pango_font_get_hb_font(big), g);
    unsigned len = 0;
    const unsigned char *png = (const unsigned char *)hb_blob_get_data(blob, &len);
    bool same_size = len > 24 && !memcmp(png + 12, "IHDR", 4)
        && (png[16] << 24 | png[17] << 16 | png[18] << 8 | png[19]) == w
        && (png[20] << 24 | png[21] << 16 | png[22] << 8 | png[23]) == h;
    unsigned char *copy = same_size ? g_memdup2(png, len) : NULL;
    hb_blob_destroy(blob);
    cairo_surface_t *img = NULL;
    if (image || !copy) {
        img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
        cairo_t *cr = cairo_create(img);
        cairo_translate(cr, -x0, -y0);
        PangoGlyphString *gs = pango_glyph_string_new();
        pango_glyph_string_set_size(gs, 1);
        gs->glyphs[0] = (PangoGlyphInfo){ .glyph = g };
        pango_cairo_show_glyph_string(cr, big, gs);
        pango_glyph_string_free(gs);
        bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
        cairo_destroy(cr);
        cairo_surface_flush(img);
        if (!ok || cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
            cairo_surface_destroy(img);
            g_free(copy);
            g_object_unref(big);
            return false;
        }
    }
    g_object_unref(big);
    *out = (jm_emoji){ .image = img, .px_w = w, .px_h = h, .png = copy, .png_len = copy ? len : 0,
                       .x = x0 / JM_EMOJI_PPEM, .y = y0 / JM_EMOJI_PPEM, .w = w / (double)JM_EMOJI_PPEM,
                       .h = h / (double)JM_EMOJI_PPEM, .advance = logical.width / (double)PANGO_SCALE / JM_EMOJI_PPEM };
    return true;
}

bool jm_emoji_get(jm_emoji_cache *c, PangoFont *font, PangoGlyph g, jm_emoji *out, bool *fresh) {
    if (fresh) *fresh = false;
    if (!jm_font_is_color(font) || (g & PANGO_GLYPH_UNKNOWN_FLAG) || g == PANGO_GLYPH_EMPTY) return false;
    char *key = key_of(font, g);
    jm_emoji *e = g_hash_table_lookup(c->by_key, key);
    if (e) {
        g_free(key);
        *out = *e;
        return true;
    }
    jm_emoji made;
    if (!make(font, g, c->images, &made)) {
        g_free(key);
        return false;
    }
    made.id = ++c->next_id;
    e = g_memdup2(&made, sizeof made);
    g_hash_table_insert(c->by_key, key, e);
    if (fresh) *fresh = true;
    *out = made;
    return true;
}
