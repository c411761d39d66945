/* svg_text.c - text runs, font subsets and emoji pictures for the SVG writer (svg_text.h).
 *
 * Where a run goes: Pango measured each run of a line (one font, one direction) at x from the
 * layout's origin; the line's baseline is at y. The item's layout origin is
 * (it->x - block.layout_x, it->y) (jm_scene_text), so the run starts at
 *     x = it->x - block.layout_x + run.x,   y = it->y + baseline
 * and a right-to-left run starts at its right edge, x + run.width, with direction="rtl". A
 * browser shapes the run again with the same font file and features (HarfBuzz, kerning on,
 * contextual alternates off as text.c asks), so its glyphs fall where Pango put them; a
 * textLength of the measured width absorbs any rounding of advances a renderer does. */
#include "svg_text.h"
#include "emoji.h"
#include "svg_xml.h"
#include "text_plain.h"
#include "woff2.h"
#include <cairo.h>
#include <hb-subset.h>
#include <math.h>
#include <pango/pangofc-font.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

typedef struct {
    int id;
    char *file;
    int index;
    char *family;
    int weight;              /* CSS 100..900 */
    bool italic;
    hb_set_t *unicodes;      /* the characters written in it */
} font_entry;

/* What a run in one PangoFont (a face at a size) writes the same every time. */
typedef struct {
    font_entry *face;        /* NULL for a colour (emoji) font */
    char *css;               /* the run's CSS font declaration */
    char *class_attr;        /* ' class="sN"' of it, made when a run is first written (classes
                             * are numbered in order of first use) */
} sized_font;

static void sized_font_free(gpointer p) {
    sized_font *sf = p;
    g_free(sf->css);
    g_free(sf->class_attr);
    g_free(sf);
}

/* A run of a line, placed: its left edge from the item's origin and its width, pt. */
typedef struct { PangoLayoutRun *run; double x, width; } placed_run;

struct jm_svg_text {
    GHashTable *sized;       /* PangoFont* -> sized_font*: the fonts the layouts hold, each looked
                             * up once (a pattern query, a description and a class a run cost
                             * more than the rest of writing it) */
    GHashTable *fonts;       /* "file#index" -> font_entry*, owned by `order` */
    GPtrArray *order;        /* font_entry*, in order of first use */
    jm_emoji_cache *emoji;
    jm_svg_classes *classes;
    GString *emoji_defs;     /* <image> of each emoji picture, in order of first use */
    /* scratch, reused from item to item: fill colours, an item's emoji, a run's characters, the
     * runs of a line */
    GString *css, *dark_css, *emoji_uses, *chars;
    GArray *runs;
};

static void font_entry_free(gpointer p) {
    font_entry *f = p;
    g_free(f->file);
    g_free(f->family);
    hb_set_destroy(f->unicodes);
    g_free(f);
}

jm_svg_text *jm_svg_text_new(jm_svg_classes *classes) {
    jm_svg_text *t = g_new0(jm_svg_text, 1);
    t->classes = classes;
    t->sized = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, sized_font_free);
    t->fonts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    t->order = g_ptr_array_new_with_free_func(font_entry_free);
    t->emoji = jm_emoji_cache_new(false);
    t->emoji_defs = g_string_new(NULL);
    t->css = g_string_new(NULL);
    t->dark_css = g_string_new(NULL);
    t->emoji_uses = g_string_new(NULL);
    t->chars = g_string_new(NULL);
    t->runs = g_array_new(FALSE, FALSE, sizeof(placed_run));
    return t;
}

void jm_svg_text_free(jm_svg_text *t) {
    if (!t) return;
    g_hash_table_destroy(t->sized);
    g_hash_table_destroy(t->fonts);
    g_ptr_array_free(t->order, TRUE);
    jm_emoji_cache_free(t->emoji);
    g_string_free(t->emoji_defs, TRUE);
    g_string_free(t->css, TRUE);
    g_string_free(t->dark_css, TRUE);
    g_string_free(t->emoji_uses, TRUE);
    g_string_free(t->chars, TRUE);
    g_array_free(t->runs, TRUE);
    g_free(t);
}

/* The entry of the face `font` draws with, made on first use. */
static font_entry *font_of(jm_svg_text *t, PangoFont *font) {
    FcPattern *p = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8 *file = NULL, *family = NULL;
    int index = 0, slant = 0;
    double weight = FC_WEIGHT_REGULAR;
    FcPatternGetString(p, FC_FILE, 0, &file);
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    char *key = g_strdup_printf("%s#%d", file ? (const char *)file : "", index);
    font_entry *f = g_hash_table_lookup(t->fonts, key);
    if (f) {
        g_free(key);
        return f;
    }
    FcPatternGetString(p, FC_FAMILY, 0, &family);
    FcPatternGetDouble(p, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(p, FC_SLANT, 0, &slant);
    f = g_new0(font_entry, 1);
    f->id = (int)t->order->len;
    f->file = g_strdup(file ? (const char *)file : "");
    f->index = index;
    f->family = g_strdup(family ? (const char *)family : "sans-serif");
    f->weight = (int)lround(FcWeightToOpenTypeDouble(weight) / 100) * 100;
    if (f->weight < 100 || f->weight > 900) f->weight = 400;
    f->italic = slant != FC_SLANT_ROMAN;
    f->unicodes = hb_set_create();
    g_hash_table_insert(t->fonts, key, f);
    g_ptr_array_add(t->order, f);
    return f;
}

/* The run writing of `font`, made on first use: its face's entry and its CSS font declaration
 * (style, weight, size, the subset's family and the face's own family). */
static sized_font *sized_of(jm_svg_text *t, PangoFont *font) {
    sized_font *sf = g_hash_table_lookup(t->sized, font);
    if (sf) return sf;
    sf = g_new0(sized_font, 1);
    g_hash_table_insert(t->sized, font, sf);
    if (jm_font_is_color(font)) return sf;
    font_entry *f = sf->face = font_of(t, font);
    PangoFontDescription *fd = pango_font_describe_with_absolute_size(font);
    double size = pango_font_description_get_size(fd) / (double)PANGO_SCALE;
    pango_font_description_free(fd);
    GString *css = g_string_new(NULL);
    g_string_append_printf(css, "font:%s %d ", f->italic ? "italic" : "normal", f->weight);
    jm_svg_num(css, size);
    g_string_append_printf(css, "px \"jm%d\",\"", f->id);
    jm_xml_escape(css, f->family, -1);
    jm_put(css, "\";");
    sf->css = g_string_free(css, FALSE);
    return sf;
}

/* One emoji glyph, `advance` pt wide in the layout, as a <use> of its picture, the picture
 * defined on first use. The size it is drawn at follows from its advance (a bitmap font's
 * nominal size is its strike's, whatever size it is drawn at). */
static void write_emoji(jm_svg_text *t, GString *body, PangoFont *font, PangoGlyph g, double x, double y, double advance) {
    jm_emoji e;
    bool fresh;
    if (!jm_emoji_get(t->emoji, font, g, &e, &fresh) || !(e.advance > 0)) return;
    double size = advance / e.advance;
    if (fresh) {
        char *name = g_strdup_printf("emoji-%d", e.id);
        jm_svg_png_image(t->emoji_defs, name, e.image, e.px_w, e.px_h, e.png, e.png_len);
        g_free(name);
    }
    double k = size / JM_EMOJI_PPEM;
    g_string_append_printf(body, "<use xlink:href=\"#emoji-%d\" transform=\"translate(", e.id);
    jm_svg_num(body, x + e.x * size);
    g_string_append_c(body, ' ');
    jm_svg_num(body, y + e.y * size);
    jm_put(body, ") scale(");
    g_string_append_printf(body, "%.5f", k);
    jm_put(body, ")\"/>\n");
}

/* A run's characters as SVG text: a soft hyphen where the line breaks becomes the hyphen Pango
 * drew; other soft hyphens and the zero-width spaces text.c adds as break points are left out. */
static void run_text(GString *out, const char *s, int len, bool line_end, hb_set_t *used) {
    const char *end = s + len, *span = s;   /* span: characters written as they are */
    for (const char *p = s; p < end; p = g_utf8_next_char(p)) {
        gunichar c = (unsigned char)*p < 0x80 ? (gunichar)*p : g_utf8_get_char(p);
        if (c != 0x00AD && c != 0x200B) {
            hb_set_add(used, c);
            continue;
        }
        jm_xml_escape(out, span, p - span);
        span = g_utf8_next_char(p);
        if (c == 0x00AD && line_end && span >= end) {
            g_string_append_c(out, '-');
            hb_set_add(used, '-');
        }
    }
    jm_xml_escape(out, span, end - span);
}

static int by_offset(const void *a, const void *b) {
    const placed_run *ra = a, *rb = b;
    return (ra->run->item->offset > rb->run->item->offset) - (ra->run->item->offset < rb->run->item->offset);
}

/* The runs of one line, in reading order. */
static void write_line(jm_svg_text *t, GString *body, GString *emoji, const char *text, GArray *runs,
                       double y, bool last_line) {
    g_array_sort(runs, by_offset);
    for (guint i = 0; i < runs->len; i++) {
        placed_run *pr = &g_array_index(runs, placed_run, i);
        PangoItem *item = pr->run->item;
        PangoFont *font = item->analysis.font;
        if (!font || !PANGO_IS_FC_FONT(font)) continue;
        sized_font *sf = sized_of(t, font);
        if (!sf->face) {
            double gx = pr->x;
            PangoGlyphString *gs = pr->run->glyphs;
            for (int k = 0; k < gs->num_glyphs; k++) {
                write_emoji(t, emoji, font, gs->glyphs[k].glyph, gx + gs->glyphs[k].geometry.x_offset / (double)PANGO_SCALE, y,
                            gs->glyphs[k].geometry.width / (double)PANGO_SCALE);
                gx += gs->glyphs[k].geometry.width / (double)PANGO_SCALE;
            }
            continue;
        }
        GString *chars = t->chars;
        g_string_truncate(chars, 0);
        bool line_end = i + 1 == runs->len && !last_line;
        run_text(chars, text + item->offset, item->length, line_end, sf->face->unicodes);
        if (!chars->len) continue;
        bool rtl = item->analysis.level % 2;
        if (!sf->class_attr) {
            GString *attr = g_string_new(NULL);
            jm_svg_class(t->classes, attr, sf->css, NULL);
            sf->class_attr = g_string_free(attr, FALSE);
        }
        jm_put(body, "<tspan");
        jm_put(body, sf->class_attr);
        jm_put(body, " x=\"");
        jm_svg_num(body, rtl ? pr->x + pr->width : pr->x);
        jm_put(body, "\" y=\"");
        jm_svg_num(body, y);
        g_string_append_c(body, '"');
        if (g_utf8_strlen(chars->str, -1) > 1 && pr->width > 0) {
            jm_put(body, " textLength=\"");
            jm_svg_num(body, pr->width);
            g_string_append_c(body, '"');
        }
        if (rtl) jm_put(body, " direction=\"rtl\" unicode-bidi=\"embed\"");
        g_string_append_c(body, '>');
        jm_put_len(body, chars->str, chars->len);
        jm_put(body, "</tspan>");
    }
}

void jm_svg_text_item(jm_svg_text *t, GString *body, const jm_item *it, const jm_item *dark) {
    PangoLayout *l = it->block.layout;
    if (!l || it->color.a <= 0) return;
    const char *text = pango_layout_get_text(l);
    double ox = it->x - it->block.layout_x, oy = it->y;
    GString *emoji = t->emoji_uses;
    GArray *runs = t->runs;
    g_string_truncate(emoji, 0);
    g_array_set_size(runs, 0);
    g_string_truncate(t->css, 0);
    g_string_truncate(t->dark_css, 0);
    jm_svg_color(t->css, "fill", it->color);
    if (dark) jm_svg_color(t->dark_css, "fill", dark->color);
    jm_put(body, "<text");
    jm_svg_class(t->classes, body, t->css->str, dark ? t->dark_css->str : NULL);
    g_string_append_c(body, '>');
    const GSList *plain = jm_plain_runs(l);   /* plain text: its runs, the layout not made */
    int n_lines = plain ? 1 : pango_layout_get_line_count(l);
    if (plain || (n_lines == 1 && pango_layout_get_width(l) < 0 && !pango_layout_get_indent(l))) {
        /* one unwrapped line (most labels): Pango's iterator would measure the layout's lines
         * again; the line starts at the layout's origin whatever the alignment, and each run
         * follows the one before it by its width */
        const GSList *line_runs = plain ? plain : pango_layout_get_line_readonly(l, 0)->runs;
        int x = 0;   /* Pango units from the origin, as Pango adds them */
        for (const GSList *r = line_runs; r; r = r->next) {
            PangoLayoutRun *run = r->data;
            int w = pango_glyph_string_get_width(run->glyphs);
            g_array_append_val(runs, ((placed_run){ run, ox + x / (double)PANGO_SCALE, w / (double)PANGO_SCALE }));
            x += w;
        }
        write_line(t, body, emoji, text, runs, oy + it->block.baseline, true);   /* the layout's baseline */
    } else {
        PangoLayoutIter *iter = pango_layout_get_iter(l);
        int line_no = 0;
        double baseline = 0;
        for (bool more = true; more;) {
            PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
            baseline = oy + pango_layout_iter_get_baseline(iter) / (double)PANGO_SCALE;
            if (run) {
                PangoRectangle logical;
                pango_layout_iter_get_run_extents(iter, NULL, &logical);
                g_array_append_val(runs, ((placed_run){ run, ox + logical.x / (double)PANGO_SCALE, logical.width / (double)PANGO_SCALE }));
                more = pango_layout_iter_next_run(iter);
            } else {
                /* the end of a line */
                write_line(t, body, emoji, text, runs, baseline, ++line_no >= n_lines);
                g_array_set_size(runs, 0);
                more = pango_layout_iter_next_run(iter);
            }
        }
        if (runs->len) write_line(t, body, emoji, text, runs, baseline, true);
        pango_layout_iter_free(iter);
    }
    jm_put(body, "</text>\n");
    jm_put_len(body, emoji->str, emoji->len);
}

/* The face `f` cut down to the characters written in it: the bytes of an OpenType font. */
static hb_blob_t *subset(const font_entry *f) {
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(f->file);
    if (!blob) return NULL;
    hb_face_t *face = hb_face_create(blob, (unsigned)f->index);
    hb_blob_destroy(blob);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) { hb_face_destroy(face); return NULL; }
    hb_set_union(hb_subset_input_unicode_set(in), f->unicodes);
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    /* the layout features a browser applies by default, less contextual alternates (text.c turns
     * them off) and fractions (never on by default): Inter's are most of its GSUB */
    hb_set_t *features = hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    static const char *const unused[] = { "calt", "frac", "numr", "dnom", "zero", "case" };
    for (size_t i = 0; i < G_N_ELEMENTS(unused); i++) hb_set_del(features, hb_tag_from_string(unused[i], 4));
    /* a browser needs no names: family and style only (OTS wants the table) */
    hb_set_t *names = hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID);
    hb_set_clear(names);
    hb_set_add(names, 1);
    hb_set_add(names, 2);
    hb_face_t *sub = hb_subset_or_fail(face, in);
    hb_subset_input_destroy(in);
    hb_face_destroy(face);
    if (!sub) return NULL;
    hb_blob_t *out = hb_face_reference_blob(sub);
    hb_face_destroy(sub);
    if (!hb_blob_get_length(out)) { hb_blob_destroy(out); return NULL; }
    return out;
}

/* The cache of packed subsets: a file per face and set of characters, named by a SHA-256 of
 * what makes the bytes (the font file's path, size, inode and time, the face, this code's version
 * of the recipe, the characters), in ~/.cache/journeymap/svg-fonts, holding the WOFF2 in base64 as
 * the SVG carries it. The bytes are the same with or without it; it spares re-drawing an
 * unchanged diagram the subsetting and Brotli (a fifth of a small SVG's instructions), and every
 * drawing the base64. A cache that cannot be read or written is passed by. */
#define SUBSET_RECIPE "jm-subset-2: no hinting; features less calt frac numr dnom zero case; names 1 2; woff2 q9 w15; base64"

static char *cache_file(const font_entry *f) {
    GStatBuf st;
    if (g_stat(f->file, &st) != 0) return NULL;
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    char head[512];
    g_snprintf(head, sizeof head, "%s\n%s\n%d\n%lld %llu %lld\n", SUBSET_RECIPE, f->file, f->index,
               (long long)st.st_size, (unsigned long long)st.st_ino, (long long)st.st_mtime);
    g_checksum_update(sum, (const guchar *)head, -1);
    GByteArray *chars = g_byte_array_new();
    for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(f->unicodes, &c);) {
        guchar b[4] = { (guchar)(c >> 24), (guchar)(c >> 16), (guchar)(c >> 8), (guchar)c };
        g_byte_array_append(chars, b, 4);
    }
    g_checksum_update(sum, chars->data, chars->len);
    g_byte_array_free(chars, TRUE);
    char *name = g_strconcat(g_checksum_get_string(sum), ".font", NULL);
    g_checksum_free(sum);
    char *file = g_build_filename(g_get_user_cache_dir(), "journeymap", "svg-fonts", name, NULL);
    g_free(name);
    return file;
}

/* Whether `b64` (n chars) is a whole WOFF2 file in base64: it starts "wOF2" and its own length
 * field (bytes 8-11) is the length it decodes to. A cut or foreign file is made again. */
static bool whole_woff2_b64(const char *b64, gsize n) {
    if (n < 64 || n % 4) return false;
    char head[17];
    memcpy(head, b64, 16);
    head[16] = 0;
    gsize hn = 0;
    guchar *h = g_base64_decode(head, &hn);
    gsize len = hn == 12 && !memcmp(h, "wOF2", 4) ? (gsize)h[8] << 24 | (gsize)h[9] << 16 | (gsize)h[10] << 8 | h[11] : 0;
    g_free(h);
    gsize pad = (b64[n - 1] == '=') + (b64[n - 2] == '=');
    return len && n / 4 * 3 - pad == len;
}

/* The face's subset as packed for the SVG, in base64: "woff2" or "otf" in *kind. NULL when it
 * cannot be made. */
static char *packed_subset(const font_entry *f, const char **kind) {
    char *cached = cache_file(f), *data = NULL;
    gsize n = 0;
    if (cached && g_file_get_contents(cached, &data, &n, NULL) && whole_woff2_b64(data, n)) {
        *kind = "woff2";
        g_free(cached);
        return data;
    }
    g_free(data);
    hb_blob_t *b = subset(f);
    if (!b) { g_free(cached); return NULL; }
    unsigned len = 0;
    const char *raw = hb_blob_get_data(b, &len);
    GByteArray *woff2 = g_byte_array_new();
    char *out;
    if (jm_woff2_pack((const unsigned char *)raw, len, woff2)) {
        *kind = "woff2";
        out = g_base64_encode(woff2->data, woff2->len);
    } else {
        *kind = "otf";
        out = g_base64_encode((const guchar *)raw, len);
    }
    g_byte_array_free(woff2, TRUE);
    hb_blob_destroy(b);
    if (cached && !strcmp(*kind, "woff2")) {   /* written beside, then renamed: never half a file */
        char *dir = g_path_get_dirname(cached), *tmp = g_strdup_printf("%s.%d.tmp", cached, (int)getpid());
        if (g_mkdir_with_parents(dir, 0755) == 0 && g_file_set_contents(tmp, out, -1, NULL)
            && g_rename(tmp, cached) != 0)
            g_unlink(tmp);
        g_free(tmp);
        g_free(dir);
    }
    g_free(cached);
    return out;
}

bool jm_svg_text_defs(jm_svg_text *t, GString *out, const char *path, jm_diags *d) {
    if (t->order->len) jm_put(out, "text{font-feature-settings:\"calt\" 0;white-space:pre}\n");
    for (guint i = 0; i < t->order->len; i++) {
        const font_entry *f = g_ptr_array_index(t->order, i);
        const char *kind = "otf";
        char *b64 = packed_subset(f, &kind);
        if (!b64) {
            jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write '%s': cannot subset the font '%s'", path, f->file);
            return false;
        }
        g_string_append_printf(out, "@font-face{font-family:\"jm%d\";font-weight:%d;font-style:%s;src:url(data:font/%s;base64,",
                               f->id, f->weight, f->italic ? "italic" : "normal", kind);
        jm_put(out, b64);
        jm_put(out, ")}\n");
        g_free(b64);
    }
    return true;
}

void jm_svg_text_emoji_defs(jm_svg_text *t, GString *out) {
    if (!t->emoji_defs->len) return;
    jm_put(out, "<defs>\n");
    jm_put_len(out, t->emoji_defs->str, t->emoji_defs->len);
    jm_put(out, "</defs>\n");
}
