/* text.c - the text service: the pinned font set (fontset.c), a Pango
 * font map and context at 72 dpi with fixed font options, and measured, wrapped layouts. */
#include "text.h"
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>
#include "fontset.h"
#include "text_extents.h"
#include "text_plain.h"
#include "strhash.h"
#include <string.h>

#ifndef FC_COLOR
#define FC_COLOR "color"   /* fontconfig < 2.13.1: no colour fonts known, nothing to strip */
#endif

struct jm_text {
    FcConfig *config;       /* our own; never the process-wide FcConfigGetCurrent() */
    PangoFontMap *fontmap;  /* a PangoCairoFcFontMap on `config` */
    PangoContext *context;  /* 72 dpi, fixed font options, language "en" */
    GPtrArray *emoji_families;  /* casefolded: "emoji" and the family of every colour font */
    GHashTable *measured;   /* memo_key() -> memo: what jm_text_layout and jm_text_min_width
                             * answered before. Layout code asks the same often (the map tries
                             * many column widths: 6514 layouts of 3345 kinds and 1922 widest
                             * words of 81 texts for one A3 page) */
    bool plain;             /* jm_text_set_plain */
    GHashTable *fonts;      /* desc and size (memo_key's bits) -> the PangoFontDescription font_description made
                             * of them (parsing one and sorting out its emoji families costs more
                             * than a short label's shaping) */
};

/* A remembered answer: a layout (one reference held here; the block is shared by every caller,
 * read only) or a widest-word width. */
typedef struct { jm_textblock block; int log_width; double min_width; char *fonts; } memo;

static void free_memo(gpointer data) {
    memo *m = data;
    if (m->block.layout) g_object_unref(m->block.layout);
    g_free(m->fonts);
    g_free(m);
}

/* Everything an answer depends on, exactly: kind ('L' layout, 'M' widest word), font, size,
 * wrap width, alignment, line spacing (every bit of the doubles, in hex), text. Written by hand:
 * with printf the key cost as much as looking the answer up. */
static void key_bits(GString *k, double v) {
    static const char hex[] = "0123456789abcdef";
    guint64 u;
    memcpy(&u, &v, sizeof u);
    char buf[17];
    for (int i = 15; i >= 0; i--, u >>= 4) buf[i] = hex[u & 15];
    buf[16] = 0x1f;
    g_string_append_len(k, buf, 17);
}
static char *memo_key(char kind, const char *utf8, const jm_font *font, double wrap_width, jm_align align,
                      double line_spacing) {
    const char *desc = font && font->desc ? font->desc : "\x1e", *text = utf8 ? utf8 : "";
    size_t dn = strlen(desc), tn = strlen(text);
    GString *k = g_string_sized_new(dn + tn + 4 * 17 + 8);
    g_string_append_c(k, kind);
    g_string_append_c(k, 0x1f);
    g_string_append_len(k, desc, (gssize)dn);
    g_string_append_c(k, 0x1f);
    key_bits(k, font ? font->size : -1.0);
    key_bits(k, wrap_width);
    g_string_append_c(k, (char)('0' + (int)align));
    g_string_append_c(k, 0x1f);
    key_bits(k, line_spacing);
    g_string_append_len(k, text, (gssize)tn);
    return g_string_free(k, FALSE);
}

/* Emoji
 * -----
 * Pango finds emoji itself: it splits emoji sequences into runs of their own and looks them up
 * in the generic family "emoji", which the pinned set (fontset.c) maps to its colour font. An
 * emoji family in a style's family list ("Inter, Noto Color Emoji 11") is not needed for that,
 * and it does harm with Pango 1.50: digits, '#', '*' and the spaces between emoji then come
 * from the emoji font (its digits are keycap bases, half as wide again as Inter's). So font
 * descriptions lose their emoji families here; the styles may keep them as documentation. */

/* "emoji" and the family names of every colour font in `config`, casefolded. */
static GPtrArray *colour_families(FcConfig *config) {
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(names, g_strdup("emoji"));
    FcPattern *p = FcPatternBuild(NULL, FC_COLOR, FcTypeBool, FcTrue, NULL);
    FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, NULL);
    FcFontSet *set = FcFontList(config, p, os);
    for (int i = 0; set && i < set->nfont; i++) {
        FcChar8 *s;
        for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &s) == FcResultMatch; k++)
            g_ptr_array_add(names, g_utf8_casefold((const char *)s, -1));
    }
    if (set) FcFontSetDestroy(set);
    FcObjectSetDestroy(os);
    FcPatternDestroy(p);
    return names;
}

jm_text *jm_text_new(const char *fonts_dir, const char *const *extra, jm_diags *d) {
    FcConfig *config = jm_fontset_config(fonts_dir ? fonts_dir : "fonts", extra, d);
    if (!config) return NULL;
    /* Pango's first font map starts a thread that calls FcInit(), which would load the system
     * configuration and scan the system fonts for a process-wide config that journeymap never
     * uses (a sixth of a small render). With ours current, FcInit has nothing left to do. */
    FcConfigSetCurrent(config);

    jm_text *t = g_new0(jm_text, 1);
    t->config = config;
    t->emoji_families = colour_families(config);
    t->measured = g_hash_table_new_full(jm_str_hash, g_str_equal, g_free, free_memo);
    t->fonts = g_hash_table_new_full(jm_str_hash, g_str_equal, g_free, (GDestroyNotify)pango_font_description_free);
    t->fontmap = jm_text_extents_font_map_new();
    if (!t->fontmap) {
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "Pango has no FreeType font map");
        jm_text_free(t);
        return NULL;
    }
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(t->fontmap), config);  /* takes a reference */
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(t->fontmap), 72.0);

    t->context = pango_font_map_create_context(t->fontmap);
    pango_cairo_context_set_resolution(t->context, 72.0);   /* 1 pt = 1 unit */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(t->context, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_round_glyph_positions(t->context, FALSE);  /* exact advances, any scale */
    pango_context_set_language(t->context, pango_language_from_string("en"));  /* not $LANG */
    pango_context_set_base_dir(t->context, PANGO_DIRECTION_LTR);
    jm_text_extents_adopt(t->fontmap, t->context);   /* measure without loading glyphs */
    return t;
}

/* Pango 1.50 takes a reference to the FcConfig in set_config and keeps it past the font map's
 * end, leaking the config and the bundled fonts' patterns. Handing the font map NULL drops that
 * reference (newer Pangos then have nothing left to drop). It is done when the context goes -
 * at jm_text_free, or later with the last layout still using it - while the context's reference
 * still keeps the font map alive, and only if nothing else uses the font map. */
static void release_config(gpointer fontmap, GObject *context_gone) {
    if (G_OBJECT(fontmap)->ref_count == 1)
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fontmap), NULL);
}

void jm_text_free(jm_text *t) {
    if (!t) return;
    if (t->context && t->fontmap) g_object_weak_ref(G_OBJECT(t->context), release_config, t->fontmap);
    if (t->fontmap) g_object_unref(t->fontmap);   /* the context keeps its own reference */
    if (t->context) g_object_unref(t->context);   /* layouts still alive keep theirs */
    if (t->config) FcConfigDestroy(t->config);
    if (t->emoji_families) g_ptr_array_free(t->emoji_families, TRUE);
    if (t->measured) g_hash_table_destroy(t->measured);
    if (t->fonts) g_hash_table_destroy(t->fonts);
    g_free(t);
}

PangoContext *jm_text_context(jm_text *t) { return t->context; }

void jm_text_set_plain(jm_text *t, bool on) { t->plain = on; }

static bool is_emoji_family(jm_text *t, const char *family) {
    char *f = g_utf8_casefold(family, -1);
    bool found = false;
    for (guint i = 0; i < t->emoji_families->len && !found; i++) found = strcmp(f, t->emoji_families->pdata[i]) == 0;
    g_free(f);
    return found;
}

/* The description of `font` (kept by the service, read only). */
static const PangoFontDescription *font_description(jm_text *t, const jm_font *font) {
    const char *desc = font && font->desc ? font->desc : "Inter 11";
    GString *k = g_string_new(desc);
    g_string_append_c(k, 0x1f);
    key_bits(k, font ? font->size : 0.0);
    char *key = g_string_free(k, FALSE);
    PangoFontDescription *fd = g_hash_table_lookup(t->fonts, key);
    if (fd) {
        g_free(key);
        return fd;
    }
    fd = pango_font_description_from_string(desc);
    if (font && font->size > 0)   /* the size field wins: views may scale a style's font */
        pango_font_description_set_size(fd, (int)lround(font->size * PANGO_SCALE));
    else if (pango_font_description_get_size(fd) <= 0)
        pango_font_description_set_size(fd, 11 * PANGO_SCALE);
    /* drop emoji families from the list (see "Emoji" above), unless nothing else is left */
    const char *families = pango_font_description_get_family(fd);
    if (families && strchr(families, ',')) {
        char **names = g_strsplit(families, ",", -1);
        GString *kept = g_string_new(NULL);
        for (char **n = names; *n; n++) {
            char *name = g_strstrip(*n);
            if (*name && !is_emoji_family(t, name)) g_string_append_printf(kept, "%s%s", kept->len ? "," : "", name);
        }
        if (kept->len) pango_font_description_set_family(fd, kept->str);
        g_string_free(kept, TRUE);
        g_strfreev(names);
    }
    g_hash_table_insert(t->fonts, key, fd);
    return fd;
}

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* The text as laid out: without whitespace at the end of each line and without trailing line
 * breaks (a YAML block scalar ends in "\n"). Pango counts a paragraph's final spaces in its
 * width and makes an empty last line of a final "\n"; neither shows, so neither is measured. */
static char *trim_lines(const char *utf8) {
    size_t n = strlen(utf8);
    char *out = g_malloc(n + 1), *o = out;
    const char *p = utf8, *end = utf8 + n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end, *e = eol;
        while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
        memcpy(o, p, (size_t)(e - p));
        o += e - p;
        if (nl) *o++ = '\n';
        p = nl ? nl + 1 : end;
    }
    while (o > out && is_blank(o[-1])) o--;
    *o = '\0';
    return out;
}

/* An ASCII arrow: '-' or '=' after a '<' or before a '>' ("->>", "<<-->>", "=>"). */
static bool has_ascii_arrow(const char *s) {
    for (const char *p = s; *p; p++)
        if ((*p == '-' || *p == '=') && ((p > s && p[-1] == '<') || p[1] == '>')) return true;
    return false;
}

/* Glyph composition (OpenType ccmp) is most of the cost of shaping with Inter: its ccmp lookups
 * check every glyph for what may follow it, and a 39-letter label shapes in 213,000 instructions
 * with it on, 83,000 with it off (HarfBuzz 6.0). Every one of Inter's ccmp lookups needs a
 * combining mark (U+0300 and above) or a private-use character in the text to change anything,
 * so for text in Inter made only of Latin letters (below U+0250), digits, ASCII and general
 * punctuation, ccmp off gives the same glyphs (the suite's references, and every sample and
 * conformance diagram in every format, did not change by a byte). Any other character - a mark,
 * another script, an emoji (the emoji font composes sequences with ccmp) - or a first family
 * other than Inter (a brand's font may compose differently) keeps ccmp. */
static bool ccmp_inert(const char *text, const PangoFontDescription *fd) {
    const char *family = pango_font_description_get_family(fd);
    if (!family || g_ascii_strncasecmp(family, "Inter", 5) || (family[5] && family[5] != ',')) return false;
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!(c < 0x250 || (c >= 0x2000 && c <= 0x206F))) return false;
    }
    return true;
}

static PangoLayout *new_layout(jm_text *t, const char *utf8, const jm_font *font) {
    PangoLayout *l = pango_layout_new(t->context);
    const PangoFontDescription *fd = font_description(t, font);
    pango_layout_set_font_description(l, fd);
    pango_layout_set_auto_dir(l, TRUE);   /* RTL paragraphs: LEFT means their natural side */
    char *text = trim_lines(utf8 ? utf8 : "");
    pango_layout_set_text(l, text, -1);
    /* Inter's contextual alternates draw "->" as one arrow glyph: a label that quotes Mermaid's
     * arrows must show the characters typed */
    bool calt = has_ascii_arrow(text), ccmp = ccmp_inert(text, fd);
    if (calt || ccmp) {
        PangoAttrList *attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_font_features_new(calt && ccmp ? "calt 0, ccmp 0" : calt ? "calt 0" : "ccmp 0"));
        pango_layout_set_attributes(l, attrs);
        pango_attr_list_unref(attrs);
    }
    g_free(text);
    return l;
}

static void unref_layout(void *layout) { g_object_unref(layout); }

/* The font files of a layout's runs (file names, in order of first use, comma separated) and
 * the first character drawn as a missing glyph (Pango's unknown glyph carries the character). */
/* Adds the font file of `run` to `names` (",a,b,": each name between commas) and its first
 * missing character to *missing. */
static void note_run(GString *names, const PangoGlyphItem *run, unsigned *missing) {
    PangoFont *font = run->item->analysis.font;
    FcChar8 *file = NULL;
    if (font && PANGO_IS_FC_FONT(font)) FcPatternGetString(pango_fc_font_get_pattern(PANGO_FC_FONT(font)), FC_FILE, 0, &file);
    if (file) {
        const char *base = strrchr((const char *)file, '/');
        char *item = g_strdup_printf(",%s,", base ? base + 1 : (const char *)file);
        if (!strstr(names->str, item)) g_string_append(names, item + 1);   /* ",a,b," + "c," */
        g_free(item);
    }
    for (int g = 0; g < run->glyphs->num_glyphs && !*missing; g++) {
        PangoGlyph glyph = run->glyphs->glyphs[g].glyph;
        if ((glyph & PANGO_GLYPH_UNKNOWN_FLAG) && glyph != PANGO_GLYPH_INVALID_INPUT)
            *missing = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
    }
}

static char *names_list(GString *names) {
    char *list = g_strndup(names->str + 1, names->len > 1 ? names->len - 2 : 0);
    g_string_free(names, TRUE);
    return list;
}

static char *run_fonts(PangoLayout *l, unsigned *missing) {
    GString *names = g_string_new(",");
    *missing = 0;
    /* the lines' runs as they are (an iterator would measure the lines again) */
    for (GSList *li = pango_layout_get_lines_readonly(l); li; li = li->next)
        for (GSList *r = ((PangoLayoutLine *)li->data)->runs; r; r = r->next) note_run(names, r->data, missing);
    return names_list(names);
}

/* Breaking words that are wider than the wrap width
 * ------------------------------------------------
 * Pango 1.50's PANGO_WRAP_WORD_CHAR walks the whole rest of a word for every line it breaks the
 * word into (quadratic: a 65,000-character word took minutes, 8,000 characters 9 s in the map
 * view), and fails an assertion in process_line (an abort) on some mixes of fonts inside a word
 * at a narrow width ("W", U+1F3FF, "}"). So text is wrapped at words (PANGO_WRAP_WORD), and only
 * when a line comes out wider than the width, which happens only for a word wider than it, the
 * text is laid out again with a break opportunity between the characters of those words: U+00AD
 * (a soft hyphen, shown as a hyphen when broken there) where Pango would add a hyphen, U+200B
 * (zero width space) elsewhere. Words that fit are laid out exactly as before; both layouts are
 * linear in the length of the text. Returns the new text, or NULL when every line fits. */
static char *break_wide_words(PangoLayout *l, double wrap_width) {
    int limit = (int)floor(wrap_width * PANGO_SCALE);
    const char *text = pango_layout_get_text(l);
    GString *out = NULL;
    int n_attrs = 0;
    const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly(l, &n_attrs);
    size_t done = 0;   /* bytes of text copied to out */
    for (GSList *it = pango_layout_get_lines_readonly(l); it; it = it->next) {
        PangoLayoutLine *line = it->data;
        PangoRectangle log;
        pango_layout_line_get_extents(line, NULL, &log);
        if (log.width <= limit) continue;
        if (!out) out = g_string_sized_new(strlen(text) * 2);
        const char *p = text + line->start_index, *end = p + line->length;
        g_string_append_len(out, text + done, p - (text + done));
        long k = g_utf8_pointer_to_offset(text, p);
        for (const char *prev = NULL; p < end; prev = p, p = g_utf8_next_char(p), k++) {
            if (prev && k < n_attrs && attrs[k].is_char_break && !attrs[k].is_line_break &&
                !attrs[k].is_white && !attrs[k - 1].is_white)
                g_string_append(out, attrs[k].break_inserts_hyphen ? "\u00AD" : "\u200B");
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
        }
        done = (size_t)(end - text);
    }
    if (!out) return NULL;
    g_string_append(out, text + done);
    return g_string_free(out, FALSE);
}

/* The answer remembered under `key` (which it takes), laid out now if it is not there. */
static memo *layout_memo(jm_text *t, char *key, const char *utf8, const jm_font *font, double wrap_width,
                         jm_align align, double line_spacing) {
    memo *m = g_hash_table_lookup(t->measured, key);
    if (m) {
        g_free(key);
        return m;
    }
    PangoLayout *l = new_layout(t, utf8, font);
    /* every setting before the first question: a setting changed later lays the text out again */
    pango_layout_set_alignment(l, align == JM_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                  : align == JM_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    if (line_spacing > 0) pango_layout_set_spacing(l, (int)lround(line_spacing * PANGO_SCALE));
    if (wrap_width > 0) {
        pango_layout_set_width(l, (int)floor(wrap_width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD);
        char *broken = break_wide_words(l, wrap_width);
        if (broken) pango_layout_set_text(l, broken, -1);
        g_free(broken);
    }
    PangoRectangle log;
    pango_layout_get_extents(l, NULL, &log);
    m = g_new0(memo, 1);
    m->block = (jm_textblock){
        .layout = l,
        .x = (double)log.x / PANGO_SCALE,
        .layout_x = (double)log.x / PANGO_SCALE,
        .wrap = wrap_width > 0 ? (double)pango_layout_get_width(l) / PANGO_SCALE : 0,
        .width = (double)log.width / PANGO_SCALE,
        .height = (double)log.height / PANGO_SCALE,
        .baseline = (double)pango_layout_get_baseline(l) / PANGO_SCALE,
        .lines = pango_layout_get_line_count(l),
        .align = align,
    };
    m->log_width = log.width;
    m->fonts = run_fonts(l, &m->block.missing);
    g_hash_table_insert(t->measured, key, m);
    return m;
}

/* The text laid out on its own: no wrapping, left-aligned, no line spacing. Shared by
 * one_line and jm_text_min_width: a text is shaped once for both. */
static memo *natural(jm_text *t, const char *utf8, const jm_font *font) {
    char *key = memo_key('N', utf8, font, 0, JM_ALIGN_LEFT, 0);
    memo *m = g_hash_table_lookup(t->measured, key);
    if (m) {
        g_free(key);
        return m;
    }
    /* plain text: measured from its runs, the layout left for a painter to make (text_plain.h) */
    PangoLayout *l = t->plain && jm_plain_text(utf8) ? new_layout(t, utf8, font) : NULL;
    int w, y, h;
    if (!l || !jm_plain_layout(t->context, l, &w, &y, &h)) {
        if (l) g_object_unref(l);
        return layout_memo(t, key, utf8, font, 0, JM_ALIGN_LEFT, 0);
    }
    m = g_new0(memo, 1);
    m->block = (jm_textblock){
        .layout = l,
        .width = (double)w / PANGO_SCALE,
        .height = (double)h / PANGO_SCALE,
        .baseline = (double)-y / PANGO_SCALE,
        .lines = 1,
        .align = JM_ALIGN_LEFT,
    };
    m->log_width = w;
    GString *names = g_string_new(",");
    for (const GSList *r = jm_plain_runs(l); r; r = r->next) note_run(names, r->data, &m->block.missing);
    m->fonts = names_list(names);
    g_hash_table_insert(t->measured, key, m);
    return m;
}

/* One line that fits its wrap width
 * ---------------------------------
 * Pango 1.50 shapes every item of a layout that has a width twice (once to measure, once more as
 * it places the run), and shaping is most of the cost of text. Most labels are one line that fits
 * the width they may wrap at, and such a line is the same whether the layout wraps or not. So the
 * service lays the text out on its own (natural(): one shaping, shared with jm_text_min_width)
 * and places the line in the wrap width as Pango would: left, centred or right (get_x_offset in
 * pango-layout.c: half the room, rounded to whole points when the width and the line are both
 * whole points), in `x`, with the layout's own left edge in `layout_x`. Glyphs land where they
 * did within 1/256 px (cairo keeps the current point in 24.8 fixed point, and the origin it is
 * given moved by the offset). Not so, and laid out with the width as before: text with a line
 * break; text likely too long for the width by a count of its characters (Inter's text averages
 * 0.45-0.6 em a character; at 0.4 em it would most likely be shaped in vain: a guess that decides
 * the way, never the result); right-to-left lines (Pango swaps their alignment); lines that do
 * not fit. Returns false for those. */
static bool one_line(jm_text *t, const char *utf8, const jm_font *font, double wrap_width, jm_align align,
                     jm_textblock *out, char **fonts) {
    long chars = g_utf8_strlen(utf8, -1);
    if (strchr(utf8, '\n') || chars * 0.4 * (font && font->size > 0 ? font->size : 11) > wrap_width) return false;
    memo *n = natural(t, utf8, font);
    int width = (int)floor(wrap_width * PANGO_SCALE), line = n->log_width;
    if (n->block.lines != 1 || n->block.layout_x != 0 || line > width) return false;
    if (!jm_plain_runs(n->block.layout)) {   /* plain text is left to right, and not laid out yet */
        PangoLayoutLine *first = pango_layout_get_line_readonly(n->block.layout, 0);
        if (!first || first->resolved_dir == PANGO_DIRECTION_RTL) return false;
    }
    int off = 0;
    if (align == JM_ALIGN_CENTER) {
        off = (width - line) / 2;
        if (((width | line) & (PANGO_SCALE - 1)) == 0) off = PANGO_UNITS_ROUND(off);
    } else if (align == JM_ALIGN_RIGHT) off = width - line;
    *out = n->block;
    out->x = (double)off / PANGO_SCALE;
    out->wrap = (double)width / PANGO_SCALE;
    out->align = align;
    *fonts = n->fonts;
    return true;
}

/* Plain text without a wrap width: its natural block, measured from its runs. One line starts at
 * the layout's origin whatever the alignment, and line spacing does not show. */
static bool plain_line(jm_text *t, const char *utf8, const jm_font *font, jm_align align, jm_textblock *out,
                       char **fonts) {
    memo *n = natural(t, utf8, font);
    if (!jm_plain_runs(n->block.layout)) return false;
    *out = n->block;
    out->align = align;
    *fonts = n->fonts;
    return true;
}

jm_textblock jm_text_layout(jm_text *t, jm_arena *a, const char *utf8, const jm_font *font,
                            double wrap_width, jm_align align, double line_spacing) {
    utf8 = utf8 ? utf8 : "";
    char *key = memo_key('L', utf8, font, wrap_width, align, line_spacing);
    memo *m = g_hash_table_lookup(t->measured, key);
    if (!m && (wrap_width > 0 || (t->plain && jm_plain_text(utf8)))) {
        jm_textblock b;
        char *fonts;
        if (wrap_width > 0 ? one_line(t, utf8, font, wrap_width, align, &b, &fonts) : plain_line(t, utf8, font, align, &b, &fonts)) {
            m = g_new0(memo, 1);
            m->block = b;
            m->fonts = g_strdup(fonts);
            g_object_ref(b.layout);
            g_hash_table_insert(t->measured, key, m);
            key = NULL;
        }
    }
    if (!m) m = layout_memo(t, key, utf8, font, wrap_width, align, line_spacing);
    else g_free(key);
    jm_arena_on_free(a, unref_layout, g_object_ref(m->block.layout));
    jm_textblock b = m->block;
    b.fonts = jm_arena_strdup(a, m->fonts);
    return b;
}

double jm_text_min_width(jm_text *t, const char *utf8, const jm_font *font) {
    /* The widest of the runs between Pango's line-break opportunities, each without the
     * white space that ends it: what a layout wrapped to a width of one unit puts on each line
     * (Pango leaves a line's final spaces out of its extents). The text is shaped once, without
     * wrapping, and each glyph's advance is added to the run its cluster belongs to: wrapping to
     * one unit instead shapes the rest of the paragraph again at every break, which costs the
     * square of the text's length. */
    char *key = memo_key('M', utf8, font, 0, JM_ALIGN_LEFT, 0);
    memo *m = g_hash_table_lookup(t->measured, key);
    if (m) {
        g_free(key);
        return m->min_width;
    }
    PangoLayout *l = natural(t, utf8 ? utf8 : "", font)->block.layout;
    const char *text = pango_layout_get_text(l);
    int n_attrs = 0;
    const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly(l, &n_attrs);
    /* run[b]: the index of the run that byte b belongs to; blank bytes belong to none */
    size_t len = strlen(text);
    int *run = g_new(int, len + 1);
    int k = 0, runs = 0;
    for (const char *p = text; *p; p = g_utf8_next_char(p), k++) {
        if (k > 0 && k < n_attrs && attrs[k].is_line_break) runs++;
        int id = is_blank(*p) ? -1 : runs;
        for (const char *q = p; q < g_utf8_next_char(p); q++) run[q - text] = id;
    }
    double *width = g_new0(double, (size_t)runs + 1);
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        PangoLayoutRun *r = pango_layout_iter_get_run_readonly(it);
        for (int g = 0; r && g < r->glyphs->num_glyphs; g++) {
            int id = run[r->item->offset + r->glyphs->log_clusters[g]];
            if (id >= 0) width[id] += (double)r->glyphs->glyphs[g].geometry.width / PANGO_SCALE;
        }
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    double w = 0;
    for (int i = 0; i <= runs; i++) w = fmax(w, width[i]);
    g_free(width);
    g_free(run);
    m = g_new0(memo, 1);
    m->min_width = w;
    g_hash_table_insert(t->measured, key, m);
    return w;
}

bool jm_text_rtl(const char *utf8) {
    if (!utf8 || !g_utf8_validate(utf8, -1, NULL)) return false;
    for (const char *p = utf8; *p; p = g_utf8_next_char(p)) {
        switch (g_unichar_get_script(g_utf8_get_char(p))) {
        case G_UNICODE_SCRIPT_COMMON: case G_UNICODE_SCRIPT_INHERITED: case G_UNICODE_SCRIPT_UNKNOWN: continue;
        case G_UNICODE_SCRIPT_HEBREW: case G_UNICODE_SCRIPT_ARABIC: case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA: case G_UNICODE_SCRIPT_NKO: return true;
        default: return false;
        }
    }
    return false;
}

double jm_text_min_width_bound(const char *utf8, const jm_font *font) {
    double run = 0, longest = 0;
    for (const char *p = utf8 ? utf8 : ""; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c)) { run = 0; continue; }
        run += c < 0x250 ? 1.0 : 1.3;   /* Latin: at most an em (Inter's widest, W, is 0.97) */
        if (run > longest) longest = run;
    }
    return longest * font->size;
}
