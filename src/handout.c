/* handout.c - the printed handout: cover, map, emotion curve, sequence, funnel (the views asked
 * for, in their order), tables; each section's pages named in the PDF outline. */
#include "handout.h"
#include "map.h"
#include <string.h>

/* The outline entry of a view's pages. */
static const char *bookmark_of(const jm_map_style *st, const char *view) {
    if (!strcmp(view, "map")) return st->bookmark_map;
    if (!strcmp(view, "emotions")) return st->bookmark_emotions;
    if (!strcmp(view, "sequence")) return st->bookmark_sequence;
    if (!strcmp(view, "funnel")) return st->bookmark_funnel;
    return view;
}

/* Pages [first, n_pages) get `mark`, the second and further "mark (2)", "mark (3)". */
static void name_pages(jm_doc *doc, size_t first, const char *mark) {
    for (size_t i = first; i < doc->n_pages; i++)
        doc->pages[i].bookmark = i == first ? mark : jm_arena_printf(doc->arena, "%s (%zu)", mark, i - first + 1);
}

bool jm_handout_layout(const jm_layout_ctx *ctx, const jm_view *const *views, jm_doc *doc) {
    jm_map_style st;
    jm_style_fill(ctx->style, &jm_map_style_schema, &st);
    double w = ctx->page_width, h = ctx->page_height;
    jm_doc_add_page(doc, jm_map_cover(ctx, w, h), "cover", st.bookmark_cover);
    for (size_t i = 0; views[i]; i++) {
        size_t first = doc->n_pages;
        const char *mark = bookmark_of(&st, views[i]->name);
        bool ok = !strcmp(views[i]->name, "map")
            ? jm_map_layout(ctx, &(jm_map_opts){ .tables = false, .no_header = true }, doc, mark)
            : jm_view_layout(views[i], ctx, doc);
        if (!ok) return false;
        name_pages(doc, first, mark);
    }
    size_t first = doc->n_pages;
    jm_map_table_pages(ctx, w, h, doc, st.bookmark_tables);
    name_pages(doc, first, st.bookmark_tables);
    return true;
}
