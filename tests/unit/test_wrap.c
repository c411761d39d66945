/* test_wrap.c - words wider than the wrap width (text.c's break_wide_words): they break between
 * characters with a hyphen where Latin text takes one, words that fit are left whole, the text of
 * a layout where everything fits is the text given, and mixes that made Pango 1.50 abort in
 * process_line lay out. No timing is asserted (the 65,000-character word is `make bench` matter);
 * it must only finish. */
#include "check.h"
#include "text.h"
#include <glib.h>
#include <string.h>

#define EPS 0.01   /* pt */

static const char *root_dir(void) { const char *r = getenv("ROOT"); return r && *r ? r : "."; }

/* Every line of b inside width w. */
static bool lines_inside(jm_textblock b, double w) {
    PangoLayoutIter *it = pango_layout_get_iter(b.layout);
    bool ok = true;
    do {
        PangoRectangle log;
        pango_layout_iter_get_line_extents(it, NULL, &log);
        if ((double)log.width / PANGO_SCALE > w + EPS) ok = false;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return ok;
}

int main(void) {
    char *fonts = g_build_filename(root_dir(), "fonts", NULL);
    jm_diags *d = jm_diags_new();
    jm_text *t = jm_text_new(fonts, NULL, d);
    CHECK(t != NULL, "jm_text_new");
    if (!t) return CHECK_DONE();
    jm_arena *a = jm_arena_new();
    jm_font f = { "Inter, Noto Color Emoji Bold 13", 13 };

    /* a word wider than the width breaks inside, every line fits, a hyphen shows at the breaks */
    char *w300 = g_strnfill(300, 'W');
    jm_textblock b = jm_text_layout(t, a, w300, &f, 200, JM_ALIGN_LEFT, 0);
    CHECK(b.lines > 10 && lines_inside(b, 200), "300 W in 200 pt: %d lines, width %.2f", b.lines, b.width);
    CHECK(strstr(pango_layout_get_text(b.layout), "\u00AD") != NULL, "soft hyphens inserted at the breaks");

    /* words that fit are not touched: the layout's text is the text given */
    const char *fits = "Onboarding takes three weeks for most customers";
    b = jm_text_layout(t, a, fits, &f, 120, JM_ALIGN_LEFT, 0);
    CHECK(b.lines >= 3 && !strcmp(pango_layout_get_text(b.layout), fits), "fitting words: %d lines, text '%s'",
          b.lines, pango_layout_get_text(b.layout));

    /* only the wide word is broken; the short words around it stay whole */
    char *mixed = g_strdup_printf("short %s words", w300);
    b = jm_text_layout(t, a, mixed, &f, 200, JM_ALIGN_LEFT, 0);
    const char *lt = pango_layout_get_text(b.layout);
    CHECK(g_str_has_prefix(lt, "short W") && g_str_has_suffix(lt, "W words") && lines_inside(b, 200),
          "the short words are whole: '%.12s ... %s'", lt, lt + strlen(lt) - 8);

    /* Pango 1.50 aborted in process_line on this (a skin tone after a letter, in two fonts) with
     * PANGO_WRAP_WORD_CHAR at widths under a glyph */
    for (double w = 1; w <= 20; w += 1) {
        b = jm_text_layout(t, a, "W\U0001F3FF}", &f, w, JM_ALIGN_LEFT, 0);
        CHECK(b.lines >= 1, "W+U+1F3FF+} at %.0f pt: %d lines", w, b.lines);
    }

    /* the reproducer's 65,000-character word: finishes (it took minutes) */
    char *w65k = g_strnfill(65000, 'W');
    b = jm_text_layout(t, a, w65k, &f, 671, JM_ALIGN_LEFT, 3);
    CHECK(b.lines > 1000 && lines_inside(b, 671), "65,000 W in 671 pt: %d lines", b.lines);

    g_free(w65k); g_free(mixed); g_free(w300);
    jm_arena_free(a);
    jm_text_free(t);
    jm_diags_free(d);
    g_free(fonts);
    return CHECK_DONE();
}
