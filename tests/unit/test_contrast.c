/* test_contrast.c - every text readable on what is behind it, computed from the scene: each
 * sample journey, every view and the handout, in every bundled style and the five-line brand,
 * keeps 4.5:1 with no colour changed; a deliberately bad brand (accent #ffff00 on white) gets
 * warnings and darkened colours that reach 4.5:1. */
#include "check.h"
#include "handout.h"
#include "load.h"
#include "scene_contrast.h"
#include "view.h"
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

static const char *root;
static jm_text *text;

/* The lowest contrast of any text of the document on its backdrop (21 when it has none). */
static double lowest(const jm_doc *doc, const char **role, const char **what) {
    double low = 21;
    for (size_t p = 0; p < doc->n_pages; p++) {
        const jm_scene *s = doc->pages[p].scene;
        for (size_t i = 0; i < s->n_items; i++) {
            const jm_item *it = &s->items[i];
            if (it->kind != JM_ITEM_TEXT || it->color.a <= 0) continue;
            jm_color bg = jm_scene_backdrop(s, i);
            double r = jm_color_contrast(jm_color_over(it->color, bg), bg);
            if (r < low) { low = r; *role = it->role; *what = it->text; }
        }
    }
    return low;
}

/* The sample laid out in `style` (every view the file supports, then the handout); checks the
 * text contrast. `bad`: the style is expected to need changes (and warnings). Returns how many
 * texts changed. */
static size_t check_sample(const char *path, const char *style, bool bad) {
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    size_t len = 0, changed = 0;
    char *src = jm_read_file(path, &len, d);
    const jm_journey *j = src ? jm_load_journey(a, path, src, len, d) : NULL;
    g_free(src);
    char *styles = g_build_filename(root, "styles", NULL);
    const jm_style *st = j ? jm_style_load(a, style, styles, d) : NULL;
    g_free(styles);
    if (!st) { jm_diags_free(d); jm_arena_free(a); return 0; }   /* not a journey (a style file, a page) */
    const jm_view *views[8];
    size_t n = 0;
    for (size_t i = 0; jm_views[i] && n < 7; i++)
        if (!jm_views[i]->missing(j, a)) views[n++] = jm_views[i];
    views[n] = NULL;
    for (size_t k = 0; k <= n; k++) {   /* each view, then the handout */
        jm_layout_ctx ctx = { .journey = j, .style = st, .text = text, .arena = a, .diags = d };
        if (k == n) { ctx.page_width = 770; ctx.page_height = 523; }
        jm_doc *doc = jm_doc_new(a);
        bool ok = k < n ? jm_view_layout(views[k], &ctx, doc) : jm_handout_layout(&ctx, views, doc);
        CHECK(ok, "%s in %s: %s does not lay out", path, style, k < n ? views[k]->name : "handout");
        if (!ok) continue;
        const char *role = NULL, *what = NULL;
        double before = lowest(doc, &role, &what);
        if (!bad)
            CHECK(before >= JM_MIN_CONTRAST, "%s in %s (%s): text '%.30s' (%s) has %.2f:1", path, style,
                  k < n ? views[k]->name : "handout", what, role, before);
        size_t warned = jm_diags_count(d);
        size_t c = jm_doc_keep_contrast(doc, path, d);
        changed += c;
        CHECK(bad || c == 0, "%s in %s: %zu colours changed", path, style, c);
        CHECK((c > 0) == (jm_diags_count(d) > warned), "%s in %s: %zu changed, %zu warnings", path, style, c,
              jm_diags_count(d) - warned);
        double after = lowest(doc, &role, &what);
        CHECK(after >= JM_MIN_CONTRAST, "%s in %s after the change: text '%.30s' (%s) has %.2f:1", path, style,
              what, role, after);
    }
    jm_diags_free(d);
    jm_arena_free(a);
    return changed;
}

int main(void) {
    root = getenv("ROOT") ? getenv("ROOT") : ".";
    char *fonts = g_build_filename(root, "fonts", NULL);
    jm_diags *d = jm_diags_new();
    text = jm_text_new(fonts, NULL, d);
    g_free(fonts);
    if (!text) { jm_diags_print(d, stderr, 0); return 1; }
    char *tmp = g_dir_make_tmp("jm-contrast-XXXXXX", NULL);
    char *yellow = g_build_filename(tmp, "yellow.yaml", NULL);
    g_file_set_contents(yellow, "extends: default\ncommon:\n  accent: \"#ffff00\"\n", -1, NULL);
    char *brand = g_build_filename(root, "samples", "styles", "brand.yaml", NULL);
    const char *styles[] = { "default", "print", "dark", brand };
    char *dir = g_build_filename(root, "samples", NULL);
    GDir *gd = g_dir_open(dir, 0, NULL);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *f;
    while (gd && (f = g_dir_read_name(gd)))
        if (g_str_has_suffix(f, ".yaml") || g_str_has_suffix(f, ".mmd")) g_ptr_array_add(names, g_build_filename(dir, f, NULL));
    if (gd) g_dir_close(gd);
    CHECK(names->len >= 30, "only %u samples", names->len);
    size_t bad_changes = 0;
    for (guint i = 0; i < names->len; i++) {
        for (size_t s = 0; s < sizeof styles / sizeof styles[0]; s++) check_sample(names->pdata[i], styles[s], false);
        bad_changes += check_sample(names->pdata[i], yellow, true);
    }
    CHECK(bad_changes > 50, "the yellow accent changed only %zu texts", bad_changes);
    g_ptr_array_free(names, TRUE);
    g_remove(yellow);
    g_rmdir(tmp);
    g_free(yellow); g_free(tmp); g_free(brand); g_free(dir);
    jm_text_free(text);
    jm_diags_free(d);
    return CHECK_DONE();
}
