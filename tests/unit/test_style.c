/* test_style.c - styles: the three bundled styles load complete and pass contrast checks; schemas
 * are sane; errors (unknown key, bad colour, font, dash, missing key, extends cycle) point at line:col. */
#include "check.h"
#include "style.h"
#include "funnel.h"
#include "map.h"
#include "sequence.h"
#include <glib.h>
#include <glib/gstdio.h>

static const char *root_dir(void) { const char *r = getenv("ROOT"); return r && *r ? r : "."; }

/* WCAG 2 relative luminance and contrast ratio. */
static double channel(double c) { return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4); }
static double luminance(jm_color c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }
static double contrast(jm_color a, jm_color b) {
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static bool same_color(jm_color c, unsigned rgba) {
    jm_color w = jm_color_rgba(rgba);
    return fabs(c.r - w.r) < 1e-9 && fabs(c.g - w.g) < 1e-9 && fabs(c.b - w.b) < 1e-9 && fabs(c.a - w.a) < 1e-9;
}

static void print_diags(const jm_diags *d) { jm_diags_print(d, stderr, 0); }

/* ---- the bundled styles ---- */

static void check_contrast(const char *style, const char *what, jm_color fg, jm_color bg) {
    double r = contrast(fg, bg);
    CHECK(r >= 4.5, "%s: %s contrast %.2f:1 < 4.5:1", style, what, r);
}

static void check_font(const char *style, const char *what, jm_font f, double lo, double hi) {
    CHECK(f.desc && strstr(f.desc, "Inter") && strstr(f.desc, "Noto Color Emoji"),
          "%s: %s '%s' lacks Inter or the emoji family", style, what, f.desc ? f.desc : "(null)");
    CHECK(f.size >= lo && f.size <= hi, "%s: %s size %g not in [%g, %g]", style, what, f.size, lo, hi);
}

static void check_bundled_style(const char *styles, const char *name) {
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    const jm_style *s = jm_style_load(a, name, styles, d);
    CHECK(s != NULL, "style '%s' does not load", name);
    CHECK(jm_diags_count(d) == 0, "style '%s': %zu diagnostics", name, jm_diags_count(d));
    if (jm_diags_count(d)) print_diags(d);
    if (!s) { jm_diags_free(d); jm_arena_free(a); return; }
    CHECK_STR(jm_style_name(s), name);
    const jm_style_common *c = jm_style_get_common(s);
    jm_style_common filled;
    jm_style_fill(s, &jm_style_common_schema, &filled);
    CHECK(memcmp(&filled, c, sizeof filled) == 0, "%s: fill differs from get_common", name);

    CHECK(c->background.a == 1, "%s: background is not opaque", name);
    check_contrast(name, "text on background", c->text, c->background);
    check_contrast(name, "muted text on background", c->text_muted, c->background);
    check_contrast(name, "text on accent-soft", c->text, c->accent_soft);
    check_contrast(name, "muted text on accent-soft", c->text_muted, c->accent_soft);
    check_contrast(name, "inverse text on accent", c->text_inverse, c->accent);
    check_contrast(name, "gap text on gap fill", c->gap_text, c->gap_fill);
    CHECK(contrast(c->text, c->background) > contrast(c->text_muted, c->background), "%s: muted text is not muted", name);
    /* emotion colours tell good from bad by lightness too (colour-blind and print safe) */
    CHECK(fabs(luminance(c->positive) - luminance(c->negative)) > 0.02 || strcmp(name, "print") != 0,
          "%s: positive and negative have the same lightness", name);
    CHECK(c->gap_dash.n >= 1, "%s: gap outline is not dashed", name);

    check_font(name, "title-font", c->title_font, 20, 24);
    check_font(name, "subtitle-font", c->subtitle_font, 12, 14);
    check_font(name, "header-font", c->header_font, 15, 17);
    check_font(name, "label-font", c->label_font, 12, 14);
    check_font(name, "body-font", c->body_font, 10.5, 12);
    check_font(name, "small-font", c->small_font, 9, 10);
    check_font(name, "quote-font", c->quote_font, 10.5, 13);
    CHECK(strstr(c->title_font.desc, "Bold") && strstr(c->header_font.desc, "Bold"), "%s: headers not bold", name);
    CHECK(!strstr(c->body_font.desc, "Bold") && !strstr(c->label_font.desc, "Bold"), "%s: body text bold", name);
    CHECK(strstr(c->quote_font.desc, "Italic") != NULL, "%s: quotes not italic", name);
    CHECK(c->small_font.size >= c->min_font_px, "%s: small font below the minimum", name);

    CHECK(c->grid_unit == 4, "%s: grid unit %g", name, c->grid_unit);
    CHECK(fmod(c->margin, 4) == 0 && fmod(c->padding, 4) == 0 && fmod(c->gap, 4) == 0,
          "%s: margin %g padding %g gap %g off the 4-pt grid", name, c->margin, c->padding, c->gap);
    CHECK(c->padding >= 8, "%s: padding %g", name, c->padding);
    CHECK(c->radius >= 4 && c->radius <= 8, "%s: radius %g", name, c->radius);
    CHECK(c->line_spacing >= 0 && c->line_spacing <= 8, "%s: line spacing %g", name, c->line_spacing);
    jm_diags_free(d);
    jm_arena_free(a);
}

/* Every registered schema: kebab-case unique keys whose values fit in the struct without overlap. */
static void check_schemas(void) {
    CHECK(jm_style_n_schemas >= 1 && jm_style_schemas[0] == &jm_style_common_schema, "common schema not first");
    for (size_t i = 0; i < jm_style_n_schemas; i++) {
        const jm_style_schema *sc = jm_style_schemas[i];
        for (size_t k = 0; k < i; k++)
            CHECK(strcmp(sc->section, jm_style_schemas[k]->section) != 0, "section '%s' twice", sc->section);
        unsigned char *used = g_malloc0(sc->struct_size);
        for (size_t f = 0; f < sc->n_fields; f++) {
            const jm_style_field *fd = &sc->fields[f];
            bool kebab = fd->name[0] != '\0';
            for (const char *p = fd->name; *p; p++)
                kebab = kebab && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-');
            CHECK(kebab, "%s.%s is not kebab-case", sc->section, fd->name);
            bool unique = true;
            for (size_t g = 0; g < f; g++) unique = unique && strcmp(fd->name, sc->fields[g].name) != 0;
            CHECK(unique, "%s.%s twice", sc->section, fd->name);
            static const size_t sizes[] = { sizeof(jm_color), sizeof(double), sizeof(jm_font), sizeof(jm_dash),
                                            sizeof(bool), sizeof(const char *) };
            size_t size = sizes[fd->type];
            CHECK(fd->offset + size <= sc->struct_size, "%s.%s outside its struct", sc->section, fd->name);
            if (fd->offset + size > sc->struct_size) continue;
            bool overlap = false;
            for (size_t b = fd->offset; b < fd->offset + size; b++) overlap |= used[b]++ != 0;
            CHECK(!overlap, "%s.%s overlaps another field", sc->section, fd->name);
        }
        g_free(used);
    }
}

/* ---- colours ---- */

static void check_colors(void) {
    jm_color c;
    CHECK(jm_color_parse("#fff", &c) && same_color(c, 0xffffffff), "#fff");
    CHECK(jm_color_parse("#1F2937", &c) && same_color(c, 0x1f2937ff), "#1F2937");
    CHECK(jm_color_parse("#11223380", &c) && same_color(c, 0x11223380), "#11223380");
    CHECK(jm_color_parse("none", &c) && c.a == 0, "none");
    CHECK(jm_color_parse("transparent", &c) && c.a == 0, "transparent");
    CHECK(!jm_color_parse("#12", &c) && !jm_color_parse("#12345", &c) && !jm_color_parse("#ggg", &c)
          && !jm_color_parse("red", &c) && !jm_color_parse("", &c) && !jm_color_parse(NULL, &c)
          && !jm_color_parse("#1234567890", &c), "bad colours accepted");
    c = jm_color_rgba(0xff800040);
    CHECK_NEAR(c.r, 1, 1e-9); CHECK_NEAR(c.g, 128 / 255.0, 1e-9); CHECK_NEAR(c.b, 0, 1e-9); CHECK_NEAR(c.a, 64 / 255.0, 1e-9);
}

/* ---- errors ---- */

static char *tmpdir;

static char *write_file(const char *name, const char *text) {
    char *p = g_build_filename(tmpdir, name, NULL);
    g_file_set_contents(p, text, -1, NULL);
    return p;
}

/* Loads `text` as a style file extending the bundled styles; expects failure with a diagnostic
 * containing `msg` at line:col (col 0: any). */
static void expect_error(const char *styles, const char *text, const char *msg, int line, int col) {
    char *path = write_file("user.yaml", text);
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    const jm_style *s = jm_style_load(a, path, styles, d);
    CHECK(s == NULL, "'%s' loaded", msg);
    bool found = false;
    for (size_t i = 0; i < jm_diags_count(d); i++) {
        const jm_diag *x = jm_diags_get(d, i);
        if (x->severity == JM_ERROR && strstr(x->message, msg) && x->pos.line == line && (col == 0 || x->pos.col == col)
            && x->file && strcmp(x->file, line ? path : x->file) == 0)
            found = true;
    }
    CHECK(found, "no error '%s' at %d:%d", msg, line, col);
    if (!found) print_diags(d);
    jm_diags_free(d);
    jm_arena_free(a);
    g_free(path);
}

static void check_errors(const char *styles) {
    expect_error(styles, "common:\n  backgroud: \"#fff\"\n", "unknown key 'backgroud' (did you mean 'background'?)", 2, 3);
    expect_error(styles, "comon:\n  text: \"#fff\"\n", "unknown key 'comon' (did you mean 'common'?)", 1, 1);
    expect_error(styles, "extends: dark\ncommon:\n  text: \"#12\"\n", "common.text is not a colour: '#12'", 3, 9);
    expect_error(styles, "common:\n  text: #123456\n", "common.text has no colour; quote it", 2, 0);
    expect_error(styles, "common:\n  body-font: \"Inter Bold\"\n", "common.body-font is not a font", 2, 14);
    expect_error(styles, "common:\n  body-font: \"16\"\n", "common.body-font is not a font", 2, 14);
    expect_error(styles, "common:\n  padding: -4\n", "common.padding must be a number from 0", 2, 12);
    expect_error(styles, "common:\n  padding: wide\n", "common.padding must be a number", 2, 12);
    expect_error(styles, "common:\n  gap-dash: [0, 0]\n", "common.gap-dash must be \"solid\" or a list", 2, 13);
    expect_error(styles, "common:\n  gap-dash: dotted\n", "common.gap-dash must be \"solid\" or a list", 2, 13);
    expect_error(styles, "common:\n  gap-dash: [1, 2, 3, 4, 5]\n", "common.gap-dash must be", 2, 13);
    expect_error(styles, "common: [1, 2]\n", "'common' must be a mapping", 1, 9);
    expect_error(styles, "extends: drak\n", "unknown style 'drak' (did you mean 'dark'?); available styles: dark, default, print", 1, 10);
    expect_error(styles, "- a\n- b\n", "a style file is a mapping", 1, 1);
    expect_error(styles, "common:\n  text: \"#fff\n", "unexpected end of stream", 3, 1);   /* YAML syntax error */

    /* extends cycles, found at the extends that closes them */
    char *b = write_file("b.yaml", "extends: c.yaml\n");
    char *c = write_file("c.yaml", "name: c\nextends: b.yaml\n");
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    CHECK(jm_style_load(a, b, styles, d) == NULL, "cycle loaded");
    const jm_diag *x = jm_diags_count(d) ? jm_diags_get(d, 0) : NULL;
    CHECK(x && strstr(x->message, "style extends itself") && x->file && strcmp(x->file, c) == 0
          && x->pos.line == 2 && x->pos.col == 10, "cycle: %s", x ? x->message : "(no diagnostic)");
    jm_diags_free(d);
    jm_arena_free(a);
    expect_error(styles, "extends: user.yaml\n", "style extends itself", 1, 10);
    g_free(b);
    g_free(c);

    /* unknown names at top level: no file, a suggestion and the list */
    a = jm_arena_new();
    d = jm_diags_new();
    CHECK(jm_style_load(a, "prnt", styles, d) == NULL, "unknown style loaded");
    x = jm_diags_count(d) ? jm_diags_get(d, 0) : NULL;
    CHECK(x && strstr(x->message, "unknown style 'prnt' (did you mean 'print'?); available styles: dark, default, print"),
          "unknown style: %s", x ? x->message : "(no diagnostic)");
    jm_diags_free(d);
    jm_arena_free(a);
    a = jm_arena_new();
    d = jm_diags_new();
    CHECK(jm_style_load(a, "/nonexistent/style.yaml", styles, d) == NULL && jm_diags_errors(d) == 1,
          "missing file: %zu errors", jm_diags_errors(d));
    jm_diags_free(d);
    jm_arena_free(a);
}

/* A default.yaml that misses a key is an error at that file; its sources are registered. */
/* ---- tokens: view keys derived from common ---- */

static const jm_style *load_text_style(jm_arena *a, const char *styles, const char *text, jm_diags *d) {
    char *path = write_file("brand.yaml", text);
    const jm_style *s = jm_style_load(a, path, styles, d);
    g_free(path);
    return s;
}

static void check_tokens(const char *styles) {
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    /* five lines restyle every view: the accent, the surfaces and the family reach their keys */
    const jm_style *s = load_text_style(a, styles, "extends: default\ncommon:\n  accent: \"#b4237a\"\n"
                                        "  background: \"#fffdf7\"\n  surface-alt: \"#f5efe4\"\n"
                                        "  font-family: \"Noto Sans\"\n", d);
    CHECK(s && jm_diags_count(d) == 0, "brand style: %zu diagnostics", jm_diags_count(d));
    if (s) {
        jm_funnel_style fs; jm_sequence_style ss; jm_map_style ms;
        jm_style_fill(s, &jm_funnel_style_schema, &fs);
        jm_style_fill(s, &jm_sequence_style_schema, &ss);
        jm_style_fill(s, &jm_map_style_schema, &ms);
        const jm_style_common *c = jm_style_get_common(s);
        CHECK(same_color(fs.stage_stroke, 0xb4237aff) && same_color(ss.part_stroke, 0xb4237aff)
              && same_color(ms.avatar_fill, 0xb4237aff), "accent did not reach the views");
        CHECK(same_color(ss.label_halo, 0xfffdf7ff) && same_color(ms.cell_fill, 0xf5efe4ff)
              && same_color(fs.card_fill, 0xfffdf7ff), "surfaces did not reach the views");
        /* accent-soft = 10% accent over the background, rounded as the outputs write it */
        CHECK_NEAR(fs.stage_fill.r * 255, 0.1 * 0xb4 + 0.9 * 0xff, 1e-6);
        CHECK_NEAR(fs.stage_fill.b * 255, 0.1 * 0x7a + 0.9 * 0xf7, 1e-6);
        CHECK(strstr(fs.name_font.desc, "Noto Sans") && strstr(ms.title_font.desc, "Noto Sans")
              && strstr(c->title_font.desc, "Noto Sans") && strstr(ss.message_font.desc, "Noto Sans"),
              "family did not reach the fonts: '%s'", fs.name_font.desc);
        CHECK(fs.count_font.size == 30, "count font %g", fs.count_font.size);
    }
    /* the base size scales every derived font; a literal font stays as written */
    s = load_text_style(a, styles, "common:\n  font-size: 22\nfunnel:\n  name-font: \"Inter Bold 16\"\n", d);
    CHECK(s != NULL, "font-size style");
    if (s) {
        jm_funnel_style fs;
        jm_style_fill(s, &jm_funnel_style_schema, &fs);
        CHECK(jm_style_get_common(s)->title_font.size == 44 && fs.count_font.size == 60, "sizes did not scale");
        CHECK(fs.name_font.size == 16, "a literal font scaled: %g", fs.name_font.size);
    }
    /* one key still overrides alone; a view key may name any token; alpha() */
    s = load_text_style(a, styles, "funnel:\n  stage-fill: \"#ff0000\"\n  count-color: negative\n"
                                   "  card-fill: alpha(mix(accent, \"#000000\", 50%), 50%)\n", d);
    if (s) {
        jm_funnel_style fs;
        jm_style_fill(s, &jm_funnel_style_schema, &fs);
        CHECK(same_color(fs.stage_fill, 0xff0000ff) && same_color(fs.count_color, 0xe4572eff), "overrides");
        CHECK_NEAR(fs.card_fill.a, 0.5, 1e-9);
        CHECK_NEAR(fs.card_fill.b * 255, 0xc9 / 2.0, 1e-9);
    }
    CHECK(jm_diags_count(d) == 0, "%zu diagnostics", jm_diags_count(d));
    if (jm_diags_count(d)) print_diags(d);
    jm_diags_free(d);
    jm_arena_free(a);

    expect_error(styles, "funnel:\n  stage-fill: mix(acent, background, 10%)\n", "unknown token 'acent' (did you mean 'accent'?)", 2, 15);
    expect_error(styles, "funnel:\n  stage-fill: mix(accent, background)\n", "funnel.stage-fill: expected ','", 2, 15);
    expect_error(styles, "funnel:\n  stage-fill: mix(accent, background, 120%)\n", "from 0% to 100%", 2, 15);
    expect_error(styles, "funnel:\n  stage-fill: lighten(accent)\n", "unknown function 'lighten'", 2, 15);
    expect_error(styles, "funnel:\n  stage-fill: margin\n", "token 'margin' is a number, not a colour", 2, 15);
    expect_error(styles, "funnel:\n  stage-fill: acent\n", "did you mean 'accent'?", 2, 15);
    expect_error(styles, "funnel:\n  name-font: \"{font-famly} Bold 16\"\n", "unknown token 'font-famly'", 2, 14);
    expect_error(styles, "funnel:\n  name-font: \"{font-family} Bold\"\n", "a font needs a family and a size", 2, 14);
    expect_error(styles, "common:\n  accent: accent-soft\n", "common.accent: token 'accent-soft' has no value", 2, 11);
    expect_error(styles, "funnel:\n  card-padding: margin extra\n", "unexpected 'extra'", 2, 17);
}

static void check_default_complete(const char *styles) {
    char *src = g_build_filename(styles, "default.yaml", NULL);
    char *text = NULL;
    CHECK(g_file_get_contents(src, &text, NULL, NULL), "cannot read %s", src);
    if (!text) { g_free(src); return; }
    /* drop the common section's min-font-px line (the first one) */
    GString *cut = g_string_new(NULL);
    char **lines = g_strsplit(text, "\n", -1);
    bool dropped = false;
    for (char **l = lines; *l; l++) {
        if (!dropped && g_str_has_prefix(*l, "  min-font-px:")) { dropped = true; continue; }
        g_string_append_printf(cut, "%s\n", *l);
    }
    CHECK(dropped, "default.yaml has no '  min-font-px:' line");
    g_strfreev(lines);
    char *dir = g_build_filename(tmpdir, "styles", NULL);
    g_mkdir_with_parents(dir, 0755);
    char *def = g_build_filename(dir, "default.yaml", NULL);
    g_file_set_contents(def, cut->str, -1, NULL);
    char *dark = g_build_filename(dir, "dark.yaml", NULL);
    g_file_set_contents(dark, "extends: default\ncommon:\n  min-font-px: 9\n", -1, NULL);

    for (int i = 0; i < 2; i++) {   /* directly, and under a style that sets the key */
        jm_arena *a = jm_arena_new();
        jm_diags *d = jm_diags_new();
        CHECK(jm_style_load(a, i ? "dark" : "default", dir, d) == NULL, "incomplete default loaded");
        const jm_diag *x = jm_diags_count(d) ? jm_diags_get(d, 0) : NULL;
        CHECK(x && jm_diags_count(d) == 1 && strcmp(x->message, "default style is missing 'common.min-font-px'") == 0
              && x->file && strcmp(x->file, def) == 0, "missing key: %s", x ? x->message : "(no diagnostic)");
        jm_diags_free(d);
        jm_arena_free(a);
    }
    /* a file outside styles/ without extends extends the default */
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    char *user = write_file("plain.yaml", "common:\n  padding: 20\n");
    const jm_style *s = jm_style_load(a, user, styles, d);
    CHECK(s && jm_style_get_common(s)->padding == 20 && same_color(jm_style_get_common(s)->background, 0xffffffff),
          "plain user style");
    CHECK_STR(s ? jm_style_name(s) : NULL, "plain");
    /* and one extending dark overrides dark */
    char *over = write_file("over.yaml", "name: Night\nextends: dark\ncommon:\n  radius: 8\n  gap-dash: solid\n");
    s = jm_style_load(a, over, styles, d);
    CHECK(s && jm_style_get_common(s)->radius == 8 && jm_style_get_common(s)->gap_dash.n == 0
          && same_color(jm_style_get_common(s)->background, 0x0f172aff), "dark override");
    CHECK_STR(s ? jm_style_name(s) : NULL, "Night");
    CHECK(jm_diags_count(d) == 0, "%zu diagnostics", jm_diags_count(d));
    jm_diags_free(d);
    jm_arena_free(a);
    g_free(over);
    g_free(user);
    g_string_free(cut, TRUE);
    g_free(text);
    g_free(src);
    g_free(dir);
    g_free(def);
    g_free(dark);
}

static void remove_tree(const char *dir) {
    GDir *gd = g_dir_open(dir, 0, NULL);
    const char *n;
    while (gd && (n = g_dir_read_name(gd))) {
        char *p = g_build_filename(dir, n, NULL);
        if (g_file_test(p, G_FILE_TEST_IS_DIR)) remove_tree(p); else g_unlink(p);
        g_free(p);
    }
    if (gd) g_dir_close(gd);
    g_rmdir(dir);
}

int main(void) {
    char *styles = g_build_filename(root_dir(), "styles", NULL);
    check_colors();
    check_schemas();
    check_bundled_style(styles, "default");
    check_bundled_style(styles, "print");
    check_bundled_style(styles, "dark");

    /* the default's own values, from the visual guide */
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    const jm_style *s = jm_style_load(a, "default", styles, d);
    if (s) {
        const jm_style_common *c = jm_style_get_common(s);
        CHECK(same_color(c->background, 0xffffffff), "default background is not white");
        CHECK(same_color(c->gap_fill, 0xddddddff) && same_color(c->gap_stroke, 0x888888ff)
              && same_color(c->gap_text, 0x555555ff), "default gap colours");
        CHECK(c->body_font.size == 11 && c->label_font.size == 13 && c->header_font.size == 16
              && c->title_font.size == 22, "type scale 11/13/16/22");
        CHECK(c->stroke_width >= 1 && c->stroke_width <= 1.5, "stroke %g", c->stroke_width);
        CHECK(c->positive.g > c->positive.r && c->negative.r > c->negative.g && c->negative.r > c->negative.b,
              "positive is not green-ish or negative not orange-ish");
        CHECK(!(c->negative.g < 0.15 && c->negative.b < 0.15), "negative is pure red");
        CHECK(!(c->positive.r < 0.15 && c->positive.b < 0.15), "positive is pure green");
    }
    jm_style *p = (jm_style *)jm_style_load(a, "print", styles, d);
    if (p) {
        const jm_style_common *c = jm_style_get_common(p);
        jm_color cols[] = { c->text, c->text_muted, c->accent, c->accent_soft, c->line, c->grid, c->positive,
                            c->negative, c->gap_fill, c->gap_stroke, c->gap_text };
        bool grey = true;
        for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
            grey = grey && cols[i].r == cols[i].g && cols[i].g == cols[i].b;
        CHECK(grey, "print style uses colour");
        CHECK(c->stroke_width >= 0.5 && c->stroke_width < 1.25, "print stroke %g", c->stroke_width);
    }
    const jm_style *k = jm_style_load(a, "dark", styles, d);
    if (k) CHECK(luminance(jm_style_get_common(k)->background) < 0.05, "dark background is not dark");
    /* by path too */
    char *dark_path = g_build_filename(styles, "dark.yaml", NULL);
    CHECK(jm_style_load(a, dark_path, styles, d) != NULL, "dark by path");
    g_free(dark_path);
    CHECK(jm_diags_count(d) == 0, "%zu diagnostics", jm_diags_count(d));
    jm_diags_free(d);
    jm_arena_free(a);

    tmpdir = g_dir_make_tmp("jm-style-XXXXXX", NULL);
    check_errors(styles);
    check_tokens(styles);
    check_default_complete(styles);
    remove_tree(tmpdir);
    g_free(tmpdir);
    g_free(styles);
    return CHECK_DONE();
}
