/* test_text.c - the text service: bundled fonts win, wrapping stays inside its width, hard breaks,
 * RTL and CJK paragraphs, identical measurements across instances, layouts freed with the arena. */
#include "check.h"
#include "text.h"
#include "emoji.h"
#include "text_plain.h"
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>
#include <time.h>

#define EPS 0.01   /* pt */

static const char *root_dir(void) { const char *r = getenv("ROOT"); return r && *r ? r : "."; }

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Calls fn(font file, glyph run) for every run of `s` laid out in `desc`. */
typedef void (*run_fn)(const char *file, PangoGlyphItem *run, void *user);
static void each_run(jm_text *t, const char *s, const char *desc, run_fn fn, void *user) {
    jm_arena *a = jm_arena_new();
    jm_font f = { desc, 16 };
    jm_textblock b = jm_text_layout(t, a, s, &f, 0, JM_ALIGN_LEFT, 0);
    PangoLayoutIter *it = pango_layout_get_iter(b.layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(it);
        if (!run) continue;
        FcPattern *p = pango_fc_font_get_pattern(PANGO_FC_FONT(run->item->analysis.font));
        FcChar8 *file = NULL;
        FcPatternGetString(p, FC_FILE, 0, &file);
        fn((const char *)file, run, user);
    } while (pango_layout_iter_next_run(it));
    pango_layout_iter_free(it);
    jm_arena_free(a);
}

typedef struct { const char *dir; int runs, inside; char last[512]; } files_seen;
static void note_file(const char *file, PangoGlyphItem *run, void *user) {
    files_seen *fs = user;
    fs->runs++;
    if (file && g_str_has_prefix(file, fs->dir)) fs->inside++;
    g_strlcpy(fs->last, file ? file : "(none)", sizeof fs->last);
}

static void check_bundled(jm_text *t, const char *dir, const char *s, const char *desc) {
    files_seen fs = { dir, 0, 0, "" };
    each_run(t, s, desc, note_file, &fs);
    CHECK(fs.runs > 0 && fs.inside == fs.runs, "'%s' in '%s' comes from %s, not from %s", s, desc, fs.last, dir);
}

typedef struct { int glyphs, unknown; } glyph_count;
static void count_glyphs(const char *file, PangoGlyphItem *run, void *user) {
    glyph_count *g = user;
    for (int i = 0; i < run->glyphs->num_glyphs; i++) {
        g->glyphs++;
        if (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) g->unknown++;
    }
}

/* Whether one font of the service's fontconfig has every non-space character of `s`. */
static bool has_font_for(jm_text *t, const char *s) {
    FcConfig *cfg = pango_fc_font_map_get_config(PANGO_FC_FONT_MAP(pango_context_get_font_map(jm_text_context(t))));
    FcCharSet *cs = FcCharSetCreate();
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isspace(c)) FcCharSetAddChar(cs, c);
    }
    FcPattern *pat = FcPatternCreate();
    FcPatternAddCharSet(pat, FC_CHARSET, cs);
    FcObjectSet *os = FcObjectSetBuild(FC_FILE, NULL);
    FcFontSet *set = FcFontList(cfg, pat, os);
    bool any = set && set->nfont > 0;
    if (set) FcFontSetDestroy(set);
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
    FcCharSetDestroy(cs);
    return any;
}

/* Every line starts at the start of a word (after a space or at the start of a paragraph). */
static bool lines_start_at_words(PangoLayout *l) {
    const char *text = pango_layout_get_text(l);
    for (GSList *x = pango_layout_get_lines_readonly(l); x; x = x->next) {
        int i = ((PangoLayoutLine *)x->data)->start_index;
        if (i > 0 && text[i - 1] != ' ' && text[i - 1] != '\n') return false;
    }
    return true;
}

static void on_finalize(gpointer flag, GObject *gone) { *(bool *)flag = true; }

static void check_rtl(jm_text *t, jm_arena *a, const char *what, const char *s) {
    jm_font body = { "Inter, Noto Color Emoji 11", 11 };
    glyph_count g = { 0, 0 };
    each_run(t, s, body.desc, count_glyphs, &g);
    CHECK(g.unknown == 0, "%s: %d of %d glyphs missing", what, g.unknown, g.glyphs);

    jm_textblock one = jm_text_layout(t, a, s, &body, 0, JM_ALIGN_LEFT, 0);
    CHECK(one.lines == 1 && one.width > 20 && one.height > 5, "%s: unwrapped %d lines %.2f x %.2f", what, one.lines, one.width, one.height);
    CHECK(pango_layout_get_direction(one.layout, 0) == PANGO_DIRECTION_RTL, "%s: paragraph is not right-to-left", what);

    double w = one.width / 2.5;
    jm_textblock b = jm_text_layout(t, a, s, &body, w, JM_ALIGN_LEFT, 0);
    CHECK(b.lines >= 3, "%s: %d lines at width %.1f", what, b.lines, w);
    CHECK(b.x >= -EPS && b.x + b.width <= w + EPS, "%s: [%.2f, %.2f] outside width %.2f", what, b.x, b.x + b.width, w);
    /* natural alignment: LEFT puts an RTL paragraph against the right edge */
    CHECK(fabs(b.x + b.width - w) < 0.5, "%s: asked LEFT, right edge at %.2f of %.2f", what, b.x + b.width, w);
    CHECK(lines_start_at_words(b.layout), "%s: a word was broken although every word fits", what);
}

/* The emoji font's glyphs measured from its bitmap table are the boxes PangoCairo's ink gives
 * (emoji.c reads the table; a box a pixel off would shift every emoji picture). */
static void emoji_font_of(const char *file, PangoGlyphItem *run, void *user) {
    if (strstr(file, "NotoColorEmoji") && !*(PangoFont **)user) *(PangoFont **)user = g_object_ref(run->item->analysis.font);
}
static int check_emoji_strikes(jm_text *t, const char *desc, unsigned step) {
    PangoFont *font = NULL;
    each_run(t, "😀", desc, emoji_font_of, &font);
    CHECK(font != NULL, "%s: no run in Noto Color Emoji", desc);
    if (!font) return 0;
    unsigned n = hb_face_get_glyph_count(hb_font_get_face(pango_font_get_hb_font(font)));
    int differ = 0, measured = 0, pngs = 0;
    for (unsigned g = 1; g < n; g += step) {
        int fast[4], exact[4];
        double fa, ea;
        bool fp = false, ep = false;
        bool fok = jm_emoji_strike(font, g, false, fast, &fa, &fp), eok = jm_emoji_strike(font, g, true, exact, &ea, &ep);
        measured += fok;
        pngs += fp;
        if (fok != eok || (fok && (memcmp(fast, exact, sizeof fast) || fa != ea || fp != ep))) {
            if (differ++ < 3)
                CHECK(false, "%s: emoji glyph %u: table box %d,%d %dx%d adv %.2f png %d, ink box %d,%d %dx%d adv %.2f png %d", desc, g,
                      fast[0], fast[1], fast[2], fast[3], fa, fp, exact[0], exact[1], exact[2], exact[3], ea, ep);
        }
    }
    CHECK(differ == 0, "%s: %d of %u emoji glyphs measure differently from the table", desc, differ, n - 1);
    CHECK(measured > 3000 / (int)step, "%s: %d emoji glyphs measured", desc, measured);
    g_object_unref(font);
    return pngs;
}

/* A plain label measured from its runs (jm_text_set_plain) is what Pango's layout of it is: the
 * same extents and, run for run, the same font and glyphs at the same places. `t` measures plain,
 * `u` (another service) with PangoLayout. */
static void check_plain(jm_text *t, jm_text *u, const char *s, const char *desc) {
    jm_arena *a = jm_arena_new();
    jm_font f = { desc, 13 };
    jm_textblock p = jm_text_layout(t, a, s, &f, 0, JM_ALIGN_LEFT, 0);
    jm_textblock q = jm_text_layout(u, a, s, &f, 0, JM_ALIGN_LEFT, 0);
    const GSList *runs = jm_plain_runs(p.layout);
    CHECK(runs != NULL, "'%s': not measured plain", s);
    CHECK(jm_plain_runs(q.layout) == NULL, "'%s': measured plain with plain off", s);
    CHECK(p.width == q.width && p.height == q.height && p.baseline == q.baseline && p.lines == 1 && q.lines == 1,
          "'%s': plain %.4f x %.4f (baseline %.4f), layout %.4f x %.4f (baseline %.4f), %d lines", s, p.width, p.height,
          p.baseline, q.width, q.height, q.baseline, q.lines);
    CHECK(!strcmp(p.fonts, q.fonts) && p.missing == q.missing, "'%s': fonts '%s' / '%s'", s, p.fonts, q.fonts);
    const GSList *lr = pango_layout_get_line_readonly(q.layout, 0)->runs;
    int n = 0, same = 0;
    for (; runs && lr; runs = runs->next, lr = lr->next, n++) {
        const PangoGlyphItem *a1 = runs->data, *b1 = lr->data;
        PangoFontDescription *da = pango_font_describe_with_absolute_size(a1->item->analysis.font),
                             *db = pango_font_describe_with_absolute_size(b1->item->analysis.font);
        char *sa = pango_font_description_to_string(da), *sb = pango_font_description_to_string(db);
        bool ok = !strcmp(sa, sb) && a1->item->offset == b1->item->offset && a1->item->length == b1->item->length
                  && a1->glyphs->num_glyphs == b1->glyphs->num_glyphs;
        for (int g = 0; ok && g < a1->glyphs->num_glyphs; g++) {
            const PangoGlyphInfo *x = &a1->glyphs->glyphs[g], *y = &b1->glyphs->glyphs[g];
            ok = x->glyph == y->glyph && x->geometry.width == y->geometry.width && x->geometry.x_offset == y->geometry.x_offset
                 && x->geometry.y_offset == y->geometry.y_offset && x->attr.is_cluster_start == y->attr.is_cluster_start
                 && x->attr.is_color == y->attr.is_color && a1->glyphs->log_clusters[g] == b1->glyphs->log_clusters[g];
        }
        if (!ok) printf("'%s' run %d: %s / %s\n", s, n, sa, sb);
        same += ok;
        g_free(sa);
        g_free(sb);
        pango_font_description_free(da);
        pango_font_description_free(db);
    }
    CHECK(!runs && !lr && same == n && n > 0, "'%s': %d of %d runs the same (%s runs left)", s, same, n,
          runs ? "plain" : lr ? "layout" : "no");
    jm_arena_free(a);
}

int main(void) {
    char *fonts = g_build_filename(root_dir(), "fonts", NULL);
    char *fonts_abs = g_canonicalize_filename(fonts, NULL);
    char *prefix = g_strconcat(fonts_abs, "/", NULL);
    jm_diags *d = jm_diags_new();

    double t0 = now_ms();
    jm_text *t = jm_text_new(fonts, NULL, d);
    double t1 = now_ms();
    jm_text *t2 = jm_text_new(fonts, NULL, d);
    double t2_ms = now_ms() - t1;
    printf("jm_text_new: %.1f ms (first), %.1f ms (second)\n", t1 - t0, t2_ms);
    CHECK(t && t2, "jm_text_new failed");
    CHECK(jm_diags_count(d) == 0, "%zu diagnostics from jm_text_new", jm_diags_count(d));
    if (!t || !t2) return CHECK_DONE();

    /* the bundled files are the ones used, not the installed copies */
    check_bundled(t, prefix, "Hello", "Inter");
    check_bundled(t, prefix, "Hello", "Inter Bold");
    check_bundled(t, prefix, "Hello", "Inter Italic");
    check_bundled(t, prefix, "Hello", "Inter Semi-Bold");
    check_bundled(t, prefix, "Hello", "Inter Bold Italic");
    check_bundled(t, prefix, "Hello", "Inter Medium");   /* not bundled: synthesised from the bundle */
    check_bundled(t, prefix, "😀 👍🏽 🎉", "Inter, Noto Color Emoji 11");
    check_bundled(t, prefix, "Petra Novák 😟 ok", "Inter, Noto Color Emoji Italic 11");
    check_bundled(t, prefix, "😀", "Inter 11");   /* emoji fallback also bundled */
    /* every glyph of the regular face has its PNG as its picture; Pango emboldens an emoji in bold
     * text, and the picture is then drawn (a pixel wider than the PNG) */
    CHECK(check_emoji_strikes(t, "Inter, Noto Color Emoji 11", 1) > 3000, "emoji glyphs without their PNG");
    CHECK(check_emoji_strikes(t, "Inter, Noto Color Emoji Bold 11", 16) == 0, "bold emoji with the regular PNG");
    check_emoji_strikes(t, "Inter, Noto Color Emoji Italic 11", 16);

    /* plain labels: measured from their runs as Pango's layout measures them */
    {
        jm_text *u = jm_text_new(fonts, NULL, d);
        jm_text_set_plain(t2, true);
        static const char *const plain[] = {
            "Alice -> Bob: Hello John, how are you?", "Petra Novák, Zürich “quoted” — 12:30 … Ω",
            "👤 User Browser", "✅ Payment authorized", "I ♥ you ∞ times more!", "客户的电子邮件说这很简单",
            "नमस्ते दुनिया", "ภาษาไทย ทดสอบ", "AV Wa To fi fl ffi 0123456789 (1/2) [x] {y}", "   leading spaces",
        };
        for (size_t i = 0; i < G_N_ELEMENTS(plain); i++) {
            check_plain(t2, u, plain[i], "Inter, Noto Color Emoji 13");
            check_plain(t2, u, plain[i], "Inter, Noto Color Emoji Bold 13");
        }
        check_plain(t2, u, "Italic label with “quotes”", "Inter, Noto Color Emoji Italic 13");
        /* what is not plain: a line layout's own concerns */
        CHECK(!jm_plain_text("a\tb") && !jm_plain_text("a\nb") && !jm_plain_text("soft\u00adhyphen")
              && !jm_plain_text("שלום") && !jm_plain_text("مرحبا") && !jm_plain_text("") && jm_plain_text("plain"),
              "jm_plain_text");
        jm_text_set_plain(t2, false);
        jm_text_free(u);
    }

    jm_arena *a = jm_arena_new();
    jm_font body = { "Inter, Noto Color Emoji 11", 11 };
    const char *sentence = "The customer email says this is straightforward, but the portal asks for "
                           "certificates, a connector and a wallet before anything works.";

    /* no wrapping when width <= 0 */
    jm_textblock flat = jm_text_layout(t, a, sentence, &body, 0, JM_ALIGN_LEFT, 0);
    jm_textblock flat2 = jm_text_layout(t, a, sentence, &body, -5, JM_ALIGN_LEFT, 0);
    CHECK(flat.lines == 1 && flat2.lines == 1, "unwrapped: %d and %d lines", flat.lines, flat2.lines);
    CHECK(flat.width > 300, "sentence is %.2f wide", flat.width);
    CHECK_NEAR(flat.width, flat2.width, 0);
    CHECK(flat.x == 0, "left text starts at %.2f", flat.x);
    CHECK(flat.baseline > 0.7 * 11 && flat.baseline < flat.height, "baseline %.2f of height %.2f", flat.baseline, flat.height);

    /* a long sentence wraps to several lines inside the width, between words */
    for (double w = 60; w <= 260; w += 40) {
        jm_textblock b = jm_text_layout(t, a, sentence, &body, w, JM_ALIGN_LEFT, 0);
        CHECK(b.lines >= 2, "width %.0f: %d lines", w, b.lines);
        CHECK(b.x >= 0 && b.x + b.width <= w + EPS, "width %.0f: text spans [%.2f, %.2f]", w, b.x, b.x + b.width);
        double minw = jm_text_min_width(t, sentence, &body);
        if (w >= minw)
            CHECK(lines_start_at_words(b.layout), "width %.0f >= widest word %.2f, yet a word broke", w, minw);
    }
    jm_textblock w120 = jm_text_layout(t, a, sentence, &body, 120, JM_ALIGN_LEFT, 0);
    jm_textblock w240 = jm_text_layout(t, a, sentence, &body, 240, JM_ALIGN_LEFT, 0);
    CHECK(w120.lines > w240.lines && w240.lines > flat.lines, "lines %d / %d / %d", w120.lines, w240.lines, flat.lines);
    CHECK(w120.height > w240.height && w240.height > flat.height, "heights %.2f / %.2f / %.2f",
          w120.height, w240.height, flat.height);
    /* one line's height per line, plus the line spacing between lines */
    jm_textblock spaced = jm_text_layout(t, a, sentence, &body, 120, JM_ALIGN_LEFT, 3);
    CHECK(spaced.lines == w120.lines, "spacing changed the breaks: %d vs %d", spaced.lines, w120.lines);
    CHECK_NEAR(spaced.height - w120.height, 3.0 * (w120.lines - 1), 0.01);
    CHECK_NEAR(w120.height / w120.lines, flat.height, 0.05);

    /* a 60-character word in a narrow width breaks and stays within it */
    const char *word = "Supercalifragilisticexpialidocious-ConnectorOnboardingWallet";
    CHECK(strlen(word) == 60, "word has %zu chars", strlen(word));
    jm_textblock lw = jm_text_layout(t, a, word, &body, 50, JM_ALIGN_LEFT, 0);
    CHECK(lw.lines >= 5, "60-char word in 50 pt: %d lines", lw.lines);
    CHECK(lw.x >= 0 && lw.x + lw.width <= 50 + EPS, "60-char word spans [%.2f, %.2f] of 50", lw.x, lw.x + lw.width);
    /* ... and a word only breaks when it alone is wider than the width */
    const char *words = "many small words and one extraordinarily long word";
    double minw = jm_text_min_width(t, words, &body);
    jm_textblock at_min = jm_text_layout(t, a, words, &body, minw, JM_ALIGN_LEFT, 0);
    CHECK(lines_start_at_words(at_min.layout), "wrapping at the widest word (%.2f) broke a word", minw);
    CHECK(at_min.width <= minw + EPS, "at min width: %.2f > %.2f", at_min.width, minw);
    jm_textblock under = jm_text_layout(t, a, words, &body, minw - 2, JM_ALIGN_LEFT, 0);
    CHECK(!lines_start_at_words(under.layout), "2 pt under the widest word, no word broke");

    /* min width: the widest word, not counting spaces */
    jm_textblock ext = jm_text_layout(t, a, "extraordinarily", &body, 0, JM_ALIGN_LEFT, 0);
    CHECK_NEAR(minw, ext.width, EPS);
    CHECK_NEAR(jm_text_min_width(t, "extraordinarily   ", &body), ext.width, EPS);
    CHECK_NEAR(jm_text_min_width(t, "a\nextraordinarily\nb", &body), ext.width, EPS);
    CHECK_NEAR(jm_text_min_width(t, "", &body), 0, EPS);

    /* hard breaks count as lines; a trailing line break (YAML block scalar) does not */
    jm_textblock hb = jm_text_layout(t, a, "one\ntwo\nthree", &body, 0, JM_ALIGN_LEFT, 0);
    CHECK(hb.lines == 3, "hard breaks: %d lines", hb.lines);
    jm_textblock hb2 = jm_text_layout(t, a, "one\n\nthree\n", &body, 0, JM_ALIGN_LEFT, 0);
    CHECK(hb2.lines == 3, "empty line and trailing newline: %d lines", hb2.lines);
    jm_textblock hb3 = jm_text_layout(t, a, "one two three four five six\nseven", &body, 60, JM_ALIGN_LEFT, 0);
    CHECK(hb3.lines >= 3, "hard break plus wrapping: %d lines", hb3.lines);
    jm_textblock trail = jm_text_layout(t, a, "three   ", &body, 0, JM_ALIGN_LEFT, 0);
    jm_textblock three = jm_text_layout(t, a, "three", &body, 0, JM_ALIGN_LEFT, 0);
    CHECK_NEAR(trail.width, three.width, EPS);
    jm_textblock empty = jm_text_layout(t, a, "", &body, 100, JM_ALIGN_LEFT, 0);
    CHECK(empty.lines == 1 && empty.width == 0, "empty: %d lines, width %.2f", empty.lines, empty.width);

    /* alignment inside the wrap width */
    jm_textblock c = jm_text_layout(t, a, "centred", &body, 200, JM_ALIGN_CENTER, 0);
    CHECK_NEAR(c.x, (200 - c.width) / 2, 0.05);
    jm_textblock r = jm_text_layout(t, a, "right", &body, 200, JM_ALIGN_RIGHT, 0);
    CHECK_NEAR(r.x + r.width, 200, 0.05);

    /* the size field wins over the size in the description */
    jm_font big = { "Inter, Noto Color Emoji 11", 22 };
    jm_textblock bb = jm_text_layout(t, a, "three", &big, 0, JM_ALIGN_LEFT, 0);
    CHECK_NEAR(bb.width, 2 * three.width, 0.05);
    CHECK_NEAR(bb.height, 2 * three.height, 0.05);

    /* an emoji family in the list changes nothing for digits, '#' and spaces (Pango 1.50 would
     * set them in the emoji font, half as wide again); emoji still come from the bundle */
    jm_font plain = { "Inter 11", 11 };
    const char *mixed[] = { "in 22 min, #1 of 3", "😀 👍🏽 🎉", "Onboarding 2️⃣ ⭐ ok" };
    for (size_t i = 0; i < 3; i++) {
        jm_textblock with = jm_text_layout(t, a, mixed[i], &body, 0, JM_ALIGN_LEFT, 0);
        jm_textblock without = jm_text_layout(t, a, mixed[i], &plain, 0, JM_ALIGN_LEFT, 0);
        CHECK_NEAR(with.width, without.width, 1e-9);
    }
    jm_textblock digits = jm_text_layout(t, a, "2024", &body, 0, JM_ALIGN_LEFT, 0);
    CHECK(digits.width < 4 * 0.75 * 11, "four digits are %.2f wide", digits.width);
    {
        FcConfig *cfg = pango_fc_font_map_get_config(PANGO_FC_FONT_MAP(pango_context_get_font_map(jm_text_context(t))));
        FcPattern *p = FcNameParse((const FcChar8 *)"emoji");
        FcConfigSubstitute(cfg, p, FcMatchPattern);
        FcDefaultSubstitute(p);
        FcResult res;
        FcPattern *m = FcFontMatch(cfg, p, &res);
        FcChar8 *file = NULL;
        if (m) FcPatternGetString(m, FC_FILE, 0, &file);
        CHECK(file && g_str_has_prefix((const char *)file, prefix), "generic emoji resolves to %s", file ? (char *)file : "(none)");
        if (m) FcPatternDestroy(m);
        FcPatternDestroy(p);
    }

    /* emoji measure as wide glyphs in the line */
    jm_textblock emo = jm_text_layout(t, a, "Anxious 😟", &body, 0, JM_ALIGN_LEFT, 0);
    jm_textblock noemo = jm_text_layout(t, a, "Anxious ", &body, 0, JM_ALIGN_LEFT, 0);
    CHECK(emo.width > noemo.width + 8, "emoji adds %.2f pt", emo.width - noemo.width);

    /* right-to-left paragraphs */
    check_rtl(t, a, "Hebrew", "שלום עולם, זהו משפט ארוך בעברית שצריך לעטוף בכמה שורות");
    check_rtl(t, a, "Arabic", "مرحبا بالعالم، هذه جملة طويلة باللغة العربية يجب أن تلتف على عدة أسطر");

    /* CJK wraps inside the width (breaks between ideographs) */
    const char *cjk = "客户的电子邮件说这很简单，但是门户网站在任何东西工作之前都要求证书、连接器和钱包。";
    glyph_count g = { 0, 0 };
    each_run(t, cjk, body.desc, count_glyphs, &g);
    CHECK(has_font_for(t, cjk) && g.unknown == 0, "CJK: %d of %d glyphs missing", g.unknown, g.glyphs);
    jm_textblock cj = jm_text_layout(t, a, cjk, &body, 100, JM_ALIGN_LEFT, 0);
    CHECK(cj.lines >= 3, "CJK: %d lines in 100 pt", cj.lines);
    CHECK(cj.x >= 0 && cj.x + cj.width <= 100 + EPS, "CJK spans [%.2f, %.2f] of 100", cj.x, cj.x + cj.width);
    CHECK(jm_text_min_width(t, cjk, &body) < 2.5 * 11, "CJK min width %.2f: one or two ideographs", jm_text_min_width(t, cjk, &body));

    /* identical measurements across two instances */
    const char *samples[] = { sentence, word, cjk, "Petra Novák · 😟 Anxious\nand mildly overwhelmed", "שלום עולם" };
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
        for (double w = 0; w <= 200; w += 70) {
            jm_textblock x1 = jm_text_layout(t, a, samples[i], &body, w, JM_ALIGN_CENTER, 2);
            jm_textblock x2 = jm_text_layout(t2, a, samples[i], &body, w, JM_ALIGN_CENTER, 2);
            CHECK(x1.x == x2.x && x1.width == x2.width && x1.height == x2.height && x1.baseline == x2.baseline
                  && x1.lines == x2.lines, "sample %zu width %.0f differs between instances", i, w);
        }

    /* layouts live until their arena is freed, even after the service */
    jm_arena *a2 = jm_arena_new();
    jm_textblock kept = jm_text_layout(t2, a2, "kept", &body, 0, JM_ALIGN_LEFT, 0);
    bool finalized = false;
    g_object_weak_ref(G_OBJECT(kept.layout), on_finalize, &finalized);
    jm_text_free(t2);
    PangoRectangle ink;
    pango_layout_get_extents(kept.layout, &ink, NULL);   /* still usable */
    CHECK(!finalized, "layout freed before its arena");
    jm_arena_free(a2);
    CHECK(finalized, "layout not freed with its arena");

    /* every script comes from its file of the pinned set; a character no font has is reported */
    static const struct { const char *text, *font; } scripts[] = {
        { "Hello", "Inter-Regular.otf" },          { "שלום עולם", "NotoSansHebrew-Regular.ttf" },
        { "مرحبا", "NotoSansArabic-Regular.ttf" }, { "नमस्ते", "NotoSansDevanagari-Regular.ttf" },
        { "สวัสดี", "NotoSansThai-Regular.ttf" },   { "中文繁體", "NotoSansCJK-Regular.ttc" },
        { "ひらがなカタカナ", "NotoSansCJK-Regular.ttc" }, { "한국어", "NotoSansCJK-Regular.ttc" },
        { "😀", "NotoColorEmoji.ttf" },             { "⚀", "NotoSansSymbols2-Regular.ttf" },
    };
    for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
        jm_textblock sb = jm_text_layout(t, a, scripts[i].text, &body, 0, JM_ALIGN_LEFT, 0);
        CHECK(sb.fonts && strcmp(sb.fonts, scripts[i].font) == 0 && sb.missing == 0, "'%s' drawn with '%s' (missing U+%04X), not %s",
              scripts[i].text, sb.fonts, sb.missing, scripts[i].font);
    }
    jm_font bold = { "Inter Bold 11", 11 };
    jm_textblock runs = jm_text_layout(t, a, "Avis שלום 😀", &bold, 0, JM_ALIGN_LEFT, 0);
    CHECK(strcmp(runs.fonts, "Inter-Bold.otf,NotoSansHebrew-Bold.ttf,NotoColorEmoji.ttf") == 0, "mixed runs: %s", runs.fonts);
    jm_textblock pua = jm_text_layout(t, a, "private \xf3\xb0\x80\x80 use", &body, 0, JM_ALIGN_LEFT, 0);
    CHECK(pua.missing == 0xF0000, "U+F0000 reported as missing: U+%04X", pua.missing);

    /* without its font list there is no service, and the reason is an error */
    jm_diags *d2 = jm_diags_new();
    jm_text *none = jm_text_new("/nonexistent-fonts-dir", NULL, d2);
    CHECK(none == NULL, "a service without the font set");
    CHECK(jm_diags_errors(d2) == 1, "%zu errors", jm_diags_errors(d2));
    jm_text_free(none);
    jm_diags_free(d2);

    jm_arena_free(a);
    jm_text_free(t);
    jm_diags_free(d);
    g_free(fonts);
    g_free(fonts_abs);
    g_free(prefix);
    return CHECK_DONE();
}
