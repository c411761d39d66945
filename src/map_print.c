/* map_print.c - the map's pieces for the printed handout: a cover page (title, subtitle, persona
 * card) and the tables on pages of their own, long ones continued with their header repeated. */
#include "map_int.h"
#include <math.h>

/* The cover, its content centred top to bottom:
 *
 *   +--------------------------------------------+
 *   |                                            |
 *   |  Title, cover-title-font                   |
 *   |  Subtitle                                  |
 *   |  cover-gap                                 |
 *   |  [ persona card ]                          |
 *   |                                            |
 *   +--------------------------------------------+
 */
jm_scene *jm_map_cover(const jm_layout_ctx *ctx, double width, double height) {
    mp_map M;
    mp_map_init(&M, ctx, false);
    double m = M.c->margin, w = fmax(1, width - 2 * m);
    jm_scene *tmp = jm_scene_new(M.a, width, 0, M.c->background);
    double y = mp_title(&M, tmp, &M.st.cover_title_font, m, 0, w);
    if (M.j->persona) y += M.st.cover_gap + mp_persona(&M, tmp, m, y + M.st.cover_gap, w);
    double h = fmax(height, y + 2 * m);
    jm_scene *s = jm_scene_new(M.a, width, h, M.c->background);
    s->title = M.j->title;
    s->desc = M.j->subtitle;
    jm_scene_append(s, tmp, 0, (h - y) / 2);
    return s;
}

void jm_map_table_pages(const jm_layout_ctx *ctx, double width, double height, jm_doc *doc, const char *bookmark) {
    if (!ctx->journey->n_tables) return;
    mp_map M;
    mp_map_init(&M, ctx, true);
    M.view = "tables";
    mp_parts parts = { 0 };
    mp_table_parts(&M, M.c->margin, fmax(1, width - 2 * M.c->margin), fmax(1, height - 2 * M.c->margin), &parts);
    mp_flow(&M, &parts, width, height, doc, bookmark, NULL);
}
