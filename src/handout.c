/* handout.c - the printed handout: cover, map, emotion curve, sequence, funnel (the views asked
 * for, in their order), tables; every page but the cover under a running head (the journey's
 * title, the section, "continued" on a section's further pages) over a foot ("3 / 9"); each
 * section's first page an outline entry, its further pages nested under it. */
#include "handout.h"
#include "map.h"
#include "paper.h"
#include "shapes.h"
#include <glib.h>
#include <math.h>
#include <string.h>

/* The outline entry of a view's pages. */
static const char *bookmark_of(const jm_map_style *st, const char *view) {
    if (!strcmp(view, "map")) return st->bookmark_map;
    if (!strcmp(view, "emotions")) return st->bookmark_emotions;
    if (!strcmp(view, "sequence")) return st->bookmark_sequence;
    if (!strcmp(view, "funnel")) return st->bookmark_funnel;
    return view;
}

/* Pages [first, n_pages) get `mark`, the second and further "mark (2)", "mark (3)", nested. */
static void name_pages(jm_doc *doc, size_t first, const char *mark) {
    for (size_t i = first; i < doc->n_pages; i++) {
        doc->pages[i].bookmark = i == first ? mark : jm_arena_printf(doc->arena, "%s (%zu)", mark, i - first + 1);
        doc->pages[i].nested = i > first;
    }
}

/* `text` on one line at most `w` wide: cut at a character, with an ellipsis, when longer. */
static const char *one_line(const jm_layout_ctx *ctx, const char *text, const jm_font *font, double w) {
    jm_textblock b = jm_text_layout(ctx->text, ctx->arena, text, font, 0, JM_ALIGN_LEFT, 0);
    if (b.width <= w && b.lines <= 1) return text;
    glong n = g_utf8_strlen(text, -1);
    for (glong k = n - 1; k > 0; k--) {
        const char *end = g_utf8_offset_to_pointer(text, k);
        char *cut = jm_arena_printf(ctx->arena, "%.*s…", (int)(end - text), text);
        for (char *p = cut; *p; p++) if (*p == '\n') *p = ' ';
        if (jm_text_layout(ctx->text, ctx->arena, cut, font, 0, JM_ALIGN_LEFT, 0).width <= w) return cut;
    }
    return "…";
}

/* The running head and foot of page i (of n) in a box w x h pt:
 *
 *   Journey title…                                 Journey map (continued)
 *   head-gap
 *   [ the view's page, fitted ]
 *   foot-gap
 *                                                                    3 / 9
 */
static jm_scene *furniture(const jm_layout_ctx *ctx, const jm_map_style *st, const jm_doc *doc, size_t i,
                           double w, double h) {
    const jm_style_common *c = jm_style_get_common(ctx->style);
    const jm_font *font = &c->small_font;
    jm_scene *s = jm_scene_new(ctx->arena, w, h, (jm_color){ 0 });
    const jm_page *p = &doc->pages[i];
    /* the section's name; "continued" after it on its further pages */
    size_t first = i;
    while (first > 0 && doc->pages[first].nested) first--;
    const char *section = p->nested ? jm_arena_printf(ctx->arena, "%s%s", doc->pages[first].bookmark, st->continued)
                        : doc->pages[first].bookmark;
    double sh = 0, half = w / 2 - c->gap;
    jm_shape_text(s, ctx->text, "handout.section", w / 2 + c->gap, 0, one_line(ctx, section, font, half), font,
                  c->text_muted, half, JM_ALIGN_RIGHT, 0, -1, &sh);
    const char *title = ctx->journey->title && *ctx->journey->title ? ctx->journey->title : "";
    if (*title)
        jm_shape_text(s, ctx->text, "handout.title", 0, 0, one_line(ctx, title, font, half), font, c->text_muted,
                      0, JM_ALIGN_LEFT, 0, -1, NULL);
    const char *folio = jm_arena_printf(ctx->arena, "%zu / %zu", i + 1, doc->n_pages);
    jm_textblock fb = jm_text_layout(ctx->text, ctx->arena, folio, font, 0, JM_ALIGN_LEFT, 0);
    jm_scene_text(s, "handout.page", w - fb.width - fb.x, h - fb.height, folio, font, c->text_muted, JM_ALIGN_LEFT,
                  0, 0, fb, -1);
    return s;
}

/* The scale the tables print at: the largest, from 1 down to TABLES_LEAST, that puts them on
 * the fewest pages (a table a little too tall for the room left shares the page instead of
 * starting one), every text kept at the paper floor. */
#define TABLES_LEAST 0.75
static double table_scale(const jm_layout_ctx *ctx, double w, double h) {
    double ft, fg, best = 1;
    size_t best_pages = 0;
    if (!ctx->journey->n_tables) return 1;
    jm_layout_floors(ctx, &ft, &fg);
    for (double k = 1; k >= TABLES_LEAST - 1e-9; k -= 0.05) {
        jm_doc *scratch = jm_doc_new(ctx->arena);
        jm_map_table_pages(ctx, w / k, h / k, scratch, "");
        bool floor_kept = true;
        for (size_t i = 0; i < scratch->n_pages; i++)
            floor_kept = floor_kept && jm_scene_least_fit(scratch->pages[i].scene, ft, fg) <= k + 1e-9;
        if (!floor_kept) break;
        if (!best_pages || scratch->n_pages < best_pages) { best = k; best_pages = scratch->n_pages; }
    }
    return best;
}

bool jm_handout_layout(const jm_layout_ctx *ctx, const jm_view *const *views, jm_doc *doc) {
    jm_map_style st;
    jm_style_fill(ctx->style, &jm_map_style_schema, &st);
    const jm_style_common *c = jm_style_get_common(ctx->style);
    double w = ctx->page_width, h = ctx->page_height;
    /* the head and the foot: a line of small text and a gap each */
    jm_textblock line = jm_text_layout(ctx->text, ctx->arena, "1 / 9", &c->small_font, 0, JM_ALIGN_LEFT, 0);
    double band = line.height + c->gap;
    jm_layout_ctx body = *ctx;
    body.page_height = h - 2 * band > h / 2 ? h - 2 * band : h;
    if (body.page_height == h) band = 0;
    jm_doc_add_page(doc, jm_map_cover(ctx, w, h), "cover", st.bookmark_cover);
    for (size_t i = 0; views[i]; i++) {
        size_t first = doc->n_pages;
        const char *mark = bookmark_of(&st, views[i]->name);
        bool ok = !strcmp(views[i]->name, "map")
            ? jm_map_layout(&body, &(jm_map_opts){ .tables = false, .no_header = true }, doc, mark)
            : jm_paper_layout(views[i], &body, body.page_width, body.page_height, true, 0, doc, NULL);
        if (!ok) return false;
        name_pages(doc, first, mark);
    }
    size_t first = doc->n_pages;
    double tk = table_scale(&body, w, body.page_height);
    jm_map_table_pages(&body, w / tk, body.page_height / tk, doc, st.bookmark_tables);
    name_pages(doc, first, st.bookmark_tables);
    for (size_t i = 1; i < doc->n_pages && band > 0; i++) {
        doc->pages[i].furniture = furniture(ctx, &st, doc, i, w, h);
        doc->pages[i].head = doc->pages[i].foot = band;
    }
    return true;
}
