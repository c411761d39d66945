/* handout.c - the printed handout: cover, map, emotion curve, sequence, funnel (the views asked
 * for, in their order), tables; every page but the cover under a running head (the journey's
 * title, the section, "continued" on a section's further pages) over a foot ("3 / 9"); each
 * section's first page an outline entry, its further pages nested under it; a short section
 * starts on the page where the one before it ends when it fits there. */
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
    /* the section's name; "continued" after it on its further pages. A page that two sections
     * share names both, as a dictionary's guide words do: where it ends one and where it starts
     * the next, so that the second is found by its head. */
    size_t first = i;
    while (first > 0 && doc->pages[first].nested && (first == i || !doc->pages[first].next_bookmark)) first--;
    const char *mark = first < i && doc->pages[first].next_bookmark ? doc->pages[first].next_bookmark
                     : doc->pages[first].bookmark;
    const char *section = p->nested ? jm_arena_printf(ctx->arena, "%s%s", mark, st->continued) : mark;
    if (p->next_bookmark) section = jm_arena_printf(ctx->arena, "%s · %s", section, p->next_bookmark);
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

/* The tables in a room `room` pt tall and w wide on paper (on a page w x h): laid out as on a
 * page of their own, at the largest scale from k0 down at which they all fit the room and keep
 * the paper floor; NULL when none does. *kt gets the scale. */
static jm_scene *tables_in(const jm_layout_ctx *ctx, double w, double h, double room, double k0, double *kt) {
    double ft, fg;
    jm_layout_floors(ctx, &ft, &fg);
    for (double k = k0; k > 0.1 && room > 0; k -= 0.05) {
        jm_doc *scratch = jm_doc_new(ctx->arena);
        jm_map_table_pages(ctx, w / k, h / k, scratch, "");   /* as on a page of their own */
        if (scratch->n_pages != 1) continue;
        jm_scene *t = scratch->pages[0].scene;
        if (jm_scene_least_fit(t, ft, fg) > k + 1e-9) return NULL;   /* under the floor from here on */
        double x0, y0, x1, y1;
        jm_scene_bounds(t, 0, &x0, &y0, &x1, &y1);
        if ((y1 - y0) * k > room) continue;
        *kt = k;
        return t;
    }
    return NULL;
}

/* Sections share pages: where the next section's first page fits under the end of the one
 * before, at the scale it prints at or smaller down to the paper floor, it starts there (the
 * tables first laid out again for the room left, as wide as the page: larger print than the
 * same tables shrunk). The cover keeps its page; a page holds at most two sections. */
static void share_pages(const jm_layout_ctx *ctx, jm_doc *doc, double w, double bh, double tk) {
    double gap = jm_style_get_common(ctx->style)->margin;
    for (size_t i = 1; i + 1 < doc->n_pages; i++) {
        jm_page *a = &doc->pages[i], *b = &doc->pages[i + 1];
        if (b->nested || a->next_view) continue;
        double ka = jm_scene_fit_box(a->scene, w, bh), kb = jm_scene_fit_box(b->scene, w, bh);
        jm_scene *s = NULL;
        if (!strcmp(b->view, "tables") && i + 2 == doc->n_pages) {   /* the tables laid out for the room */
            double x0, y0, x1, y1, kt = 1;
            jm_scene_bounds(a->scene, 0, &x0, &y0, &x1, &y1);
            jm_scene *t = tables_in(ctx, w, bh, bh - y1 * ka - gap, tk, &kt);
            if (t) s = jm_handout_stack(ctx, a->scene, ka, t, kt, bh, gap);
        }
        if (!s) s = jm_handout_stack(ctx, a->scene, ka, b->scene, kb, bh, gap);   /* b as it is, or smaller */
        if (!s) continue;
        a->scene = s;
        a->next_view = b->view;
        a->next_bookmark = b->bookmark;
        memmove(b, b + 1, (doc->n_pages - i - 2) * sizeof *b);
        doc->n_pages--;
    }
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
    if (band > 0) share_pages(&body, doc, w, body.page_height, tk);
    for (size_t i = 1; i < doc->n_pages && band > 0; i++) {
        doc->pages[i].furniture = furniture(ctx, &st, doc, i, w, h);
        doc->pages[i].head = doc->pages[i].foot = band;
    }
    return true;
}
