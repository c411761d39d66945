/* emoji.c - colour emoji pictures at the font's full strike (emoji.h). */
#include "emoji.h"
#include "text_extents.h"
#include <glib.h>
#include <hb-ot.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <cairo-ft.h>

struct jm_emoji_cache {
    GHashTable *by_key;      /* key_of() -> jm_emoji* */
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

/* "file#index#glyph#style": the same glyph of the same face at any size is one picture, but not
 * in another weight or slant, which Pango may synthesize (an emoji in bold text is emboldened:
 * its picture is a pixel wider). */
static char *key_of(PangoFont *font, PangoGlyph g) {
    FcPattern *p = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8 *file = NULL;
    int index = 0;
    FcPatternGetString(p, FC_FILE, 0, &file);
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    PangoFontDescription *fd = pango_font_describe(font);
    pango_font_description_unset_fields(fd, PANGO_FONT_MASK_SIZE);
    char *style = pango_font_description_to_string(fd);
    pango_font_description_free(fd);
    char *key = g_strdup_printf("%s#%d#%u#%s", file ? (const char *)file : "?", index, g, style);
    g_free(style);
    return key;
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

/* A glyph at the strike: the box of its ink in whole pixels from the glyph origin (the origin
 * kept on a pixel corner), its advance in pixels, and the font's own PNG of the glyph when it is
 * exactly those pixels (else NULL). */
typedef struct { int x0, y0, w, h; double advance; unsigned char *png; size_t png_len; } strike;

static void strike_free(gpointer p) {
    strike *k = p;
    g_free(k->png);
    g_free(k);
}

/* The box of `ink` in whole pixels from the glyph origin, into `k`; false for a box no picture
 * should have (empty, or over four em). */
static bool strike_box(double x, double y, double w, double h, strike *k) {
    double x0 = floor(x), y0 = floor(y), x1 = ceil(x + w), y1 = ceil(y + h);
    if (!(x1 > x0) || !(y1 > y0) || x1 - x0 > 4 * JM_EMOJI_PPEM || y1 - y0 > 4 * JM_EMOJI_PPEM) return false;
    k->x0 = (int)x0, k->y0 = (int)y0, k->w = (int)(x1 - x0), k->h = (int)(y1 - y0);
    return true;
}

/* A bitmap glyph's box and advance from its table entry: FreeType reads the entry's metrics and
 * the PNG's header, not its pixels (FT_LOAD_BITMAP_METRICS_ONLY), where PangoCairo's ink decodes
 * the PNG, about 300,000 instructions an emoji. Cairo's ink of a bitmap glyph is these metrics
 * rounded out to whole 26.6 pixels, so the box is the same (test_text.c compares the two on the
 * font's glyphs). False for a glyph that is not a bitmap (a COLR font), for a strike of another
 * size (cairo scales it) and for a face Pango emboldens (cairo widens the bitmap by a pixel):
 * measure those exactly. */
static bool measure_bitmap(PangoFont *big, PangoGlyph g, strike *k) {
    FcBool bold = FcFalse;
    FcPatternGetBool(pango_fc_font_get_pattern(PANGO_FC_FONT(big)), FC_EMBOLDEN, 0, &bold);
    if (bold) return false;
    cairo_scaled_font_t *sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(big));
    FT_Face face = sf ? cairo_ft_scaled_font_lock_face(sf) : NULL;
    if (!face) return false;
    /* a strike of JM_EMOJI_PPEM: another one (a font of the user's) cairo would scale */
    bool ok = face->size && face->size->metrics.x_ppem == JM_EMOJI_PPEM && face->size->metrics.y_ppem == JM_EMOJI_PPEM
              && !FT_Load_Glyph(face, g, FT_LOAD_COLOR | FT_LOAD_BITMAP_METRICS_ONLY)
              && face->glyph->format == FT_GLYPH_FORMAT_BITMAP;
    if (ok) {
        const FT_Glyph_Metrics *m = &face->glyph->metrics;
        ok = strike_box(m->horiBearingX / 64.0, -m->horiBearingY / 64.0, m->width / 64.0, m->height / 64.0, k);
        k->advance = m->horiAdvance / 64.0;
    }
    cairo_ft_scaled_font_unlock_face(sf);
    return ok;
}

/* Measures `g` at the strike (from the bitmap table when the glyph is a bitmap, unless `exact`
 * asks for PangoCairo's ink) and fetches the font's PNG of it. */
static bool measure(PangoFont *font, PangoGlyph g, bool exact, strike *k) {
    PangoFont *big = at_strike(font);
    if (!big) return false;
    *k = (strike){ 0 };
    if (exact || !measure_bitmap(big, g, k)) {
        PangoRectangle ink, logical;
        jm_text_glyph_ink(big, g, &ink, &logical);
        if (!strike_box(ink.x / (double)PANGO_SCALE, ink.y / (double)PANGO_SCALE,
                        ink.width / (double)PANGO_SCALE, ink.height / (double)PANGO_SCALE, k)) {
            g_object_unref(big);
            return false;
        }
        k->advance = logical.width / (double)PANGO_SCALE;
    }
    hb_blob_t *blob = hb_ot_color_glyph_reference_png(pango_font_get_hb_font(big), g);
    unsigned len = 0;
    const unsigned char *png = (const unsigned char *)hb_blob_get_data(blob, &len);
    if (len > 24 && !memcmp(png + 12, "IHDR", 4)
        && (png[16] << 24 | png[17] << 16 | png[18] << 8 | png[19]) == k->w
        && (png[20] << 24 | png[21] << 16 | png[22] << 8 | png[23]) == k->h) {
        k->png = g_memdup2(png, len);
        k->png_len = len;
    }
    hb_blob_destroy(blob);
    g_object_unref(big);
    return true;
}

bool jm_emoji_strike(PangoFont *font, PangoGlyph g, bool exact, int box[4], double *advance, bool *png) {
    strike k;
    if (!measure(font, g, exact, &k)) return false;
    box[0] = k.x0, box[1] = k.y0, box[2] = k.w, box[3] = k.h;
    *advance = k.advance;
    *png = k.png != NULL;
    g_free(k.png);
    return true;
}

/* The glyph drawn at the strike on a surface just covering its ink; NULL on failure. */
static cairo_surface_t *draw(PangoFont *font, PangoGlyph g, const strike *k) {
    PangoFont *big = at_strike(font);
    if (!big) return NULL;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, k->w, k->h);
    cairo_t *cr = cairo_create(img);
    cairo_translate(cr, -k->x0, -k->y0);
    PangoGlyphString *gs = pango_glyph_string_new();
    pango_glyph_string_set_size(gs, 1);
    gs->glyphs[0] = (PangoGlyphInfo){ .glyph = g };
    pango_cairo_show_glyph_string(cr, big, gs);
    pango_glyph_string_free(gs);
    bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    cairo_surface_flush(img);
    g_object_unref(big);
    if (!ok || cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(img);
        return NULL;
    }
    return img;
}

/* The strikes measured before with this font map (one text service: one thread), so that a batch
 * measures each emoji once however many documents use it; at most STRIKES_KEPT. */
#define STRIKES_KEPT 512
static GHashTable *strikes_of(PangoFont *font) {
    PangoFontMap *map = pango_font_get_font_map(font);
    if (!map) return NULL;
    GQuark q = g_quark_from_static_string("journeymap-emoji-strikes");
    GHashTable *h = g_object_get_qdata(G_OBJECT(map), q);
    if (!h) {
        h = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, strike_free);
        g_object_set_qdata_full(G_OBJECT(map), q, h, (GDestroyNotify)g_hash_table_destroy);
    }
    return h;
}

/* The picture of `g` (key `key`): its strike measured or found, drawn when `image` asks for it or
 * when the font has no PNG of it. */
static bool make(PangoFont *font, PangoGlyph g, const char *key, bool image, jm_emoji *out) {
    GHashTable *kept = strikes_of(font);
    strike *k = kept ? g_hash_table_lookup(kept, key) : NULL, fresh;
    if (!k) {
        if (!measure(font, g, false, &fresh)) return false;
        k = &fresh;
        if (kept && g_hash_table_size(kept) < STRIKES_KEPT) {
            k = g_memdup2(&fresh, sizeof fresh);
            g_hash_table_insert(kept, g_strdup(key), k);
        }
    }
    cairo_surface_t *img = image || !k->png ? draw(font, g, k) : NULL;
    if ((image || !k->png) && !img) {
        if (k == &fresh) g_free(fresh.png);
        return false;
    }
    *out = (jm_emoji){ .image = img, .px_w = k->w, .px_h = k->h, .png = k->png ? g_memdup2(k->png, k->png_len) : NULL,
                       .png_len = k->png ? k->png_len : 0, .x = k->x0 / (double)JM_EMOJI_PPEM,
                       .y = k->y0 / (double)JM_EMOJI_PPEM, .w = k->w / (double)JM_EMOJI_PPEM,
                       .h = k->h / (double)JM_EMOJI_PPEM, .advance = k->advance / JM_EMOJI_PPEM };
    if (k == &fresh) g_free(fresh.png);
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
    if (!make(font, g, key, c->images, &made)) {
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
