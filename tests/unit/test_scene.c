/* test_scene.c - scene builders, append, bounds (arrow heads, curve extremes), path trimming,
 * the exact --dump-scene text and the defect check (overlaps, containers, canvas, speed). */
#include "check.h"
#include "path.h"
#include "scene.h"
#include "text.h"
#include <glib.h>
#include <stdlib.h>
#include <time.h>

static jm_color rgba(unsigned v) {
    return (jm_color){ ((v >> 24) & 255) / 255.0, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0 };
}

/* A text item with a hand-made block (no layout): for checks that only need boxes. */
static int box_text(jm_scene *s, const char *role, double x, double y, double w, double h, const char *text, int container) {
    static const jm_font font = { "Inter 12", 12 };
    jm_textblock b = { .width = w, .height = h, .baseline = h * 0.8, .lines = 1 };
    return jm_scene_text(s, role, x, y, text, &font, rgba(0x111111ff), JM_ALIGN_LEFT, 0, 0, b, container);
}

static char *dump(const jm_scene *s) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    jm_scene_dump(s, f);
    fclose(f);
    return buf;
}

static char *check(const jm_scene *s, size_t *n) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    *n = jm_scene_check(s, f);
    fclose(f);
    return buf;
}

static size_t count_lines(const char *s) {
    size_t n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

static void test_dump(jm_arena *a) {
    jm_scene *s = jm_scene_new(a, 200, 100, rgba(0xffffffff));
    s->title = "Journey \"A\"";
    jm_paint card = { rgba(0xeeeeeeff), rgba(0x888888ff), 1, { { 4, 2 }, 2 } };
    int r = jm_scene_rect(s, "card", 10, 10, 80, 40, 4, card);
    jm_paint line = { .stroke = rgba(0x2563ebff), .stroke_width = 1.5 };
    jm_scene_line(s, "flow", 100, 30, 190, 30, line, JM_HEAD_NONE, JM_HEAD_FILLED, 10);
    int t = box_text(s, "card.title", 14, 14, 50, 16, "Say \"hi\"\n\tnow", r);
    s->items[t].src = (jm_pos){ 12, 5 };
    jm_scene_image(s, "photo", 120, 50, 40, -0.001, "pics/a b.png", NULL);
    char *got = dump(s);
    CHECK_STR(got,
              "scene 200.00x100.00 background #ffffffff items 4\n"
              "title \"Journey \\\"A\\\"\"\n"
              "0 rect card 10.00,10.00 80.00x40.00 radius 4.00 fill #eeeeeeff stroke #888888ff 1.00 dash 4.00,2.00\n"
              "1 path flow 100.00,26.00 90.00x8.00 fill none stroke #2563ebff 1.50 heads none,filled 10.00 M 100.00,30.00 L 190.00,30.00\n"
              "2 text card.title 14.00,14.00 50.00x16.00 font \"Inter 12\" 12.00 color #111111ff align left lines 1 in 0 @12:5 \"Say \\\"hi\\\"\\n\\tnow\"\n"
              "3 image photo 120.00,50.00 40.00x0.00 radius 0.00 \"a b.png\"\n");
    free(got);
}

static void test_check(jm_arena *a) {
    size_t n;
    char *out;

    /* a clean scene: texts inside their cards, nothing off the canvas */
    jm_scene *s = jm_scene_new(a, 300, 200, rgba(0xffffffff));
    int c = jm_scene_rect(s, "card", 10, 10, 100, 60, 4, (jm_paint){ .fill = rgba(0xeeeeeeff) });
    box_text(s, "card.title", 18, 18, 80, 16, "Awareness", c);
    box_text(s, "card.body", 18, 34.5, 80, 16, "touching by 0.5 pt", c);   /* overlaps the title by 0.5: fine */
    jm_scene_line(s, "flow", 120, 40, 280, 40, (jm_paint){ .stroke = rgba(0x000000ff), .stroke_width = 1 },
                  JM_HEAD_NONE, JM_HEAD_FILLED, 10);
    out = check(s, &n);
    CHECK(n == 0, "clean scene: %zu defects:\n%s", n, out);
    CHECK_STR(out, "");
    free(out);

    /* overlapping texts */
    jm_scene *o = jm_scene_new(a, 300, 200, rgba(0xffffffff));
    box_text(o, "stage.name", 10, 10, 60, 16, "Awareness", -1);
    box_text(o, "stage.count", 40, 20, 60, 16, "3 journeys", -1);
    int w = box_text(o, "watermark", 0, 0, 300, 200, "DRAFT", -1);
    o->items[w].may_overlap = true;
    out = check(o, &n);
    CHECK(n == 1, "overlap: %zu defects:\n%s", n, out);
    CHECK_STR(out, "defect: text 'Awareness' (stage.name) overlaps text '3 journeys' (stage.count) by 30.0x6.0 pt at 40.0,20.0\n");
    free(out);

    /* 0.6 pt is an overlap, 0.5 is not */
    jm_scene *e = jm_scene_new(a, 300, 200, rgba(0xffffffff));
    box_text(e, "a", 10, 10, 50, 20, "a", -1);
    box_text(e, "b", 59.4, 10, 50, 20, "b", -1);
    box_text(e, "c", 10, 100, 50, 20, "c", -1);
    box_text(e, "d", 59.5, 100, 50, 20, "d", -1);
    out = check(e, &n);
    CHECK(n == 1 && strstr(out, "'a'") && strstr(out, "'b'"), "edge overlaps: %zu\n%s", n, out);
    free(out);

    /* text out of its container, long texts cut at 40 characters */
    jm_scene *t = jm_scene_new(a, 300, 200, rgba(0xffffffff));
    int box = jm_scene_rect(t, "lane.cell", 10, 10, 100, 40, 0, (jm_paint){ .fill = rgba(0xeeeeeeff) });
    box_text(t, "lane.item", 60, 14, 70, 16, "A very long text that goes on and on beyond forty characters", box);
    out = check(t, &n);
    CHECK(n == 1, "container: %zu defects:\n%s", n, out);
    CHECK_STR(out, "defect: text 'A very long text that goes on and on bey\u2026' (lane.item) is not inside its "
                   "container rect (lane.cell): out by 20.0 pt on the right\n");
    free(out);

    /* items off the canvas: a rect, and an arrow whose head (not its line) crosses the edge */
    jm_scene *v = jm_scene_new(a, 200, 100, rgba(0xffffffff));
    jm_scene_rect(v, "big", 180, 80, 40, 30, 0, (jm_paint){ .fill = rgba(0xff0000ff) });
    jm_scene_line(v, "edge", 10, 99.5, 100, 99.5, (jm_paint){ .stroke = rgba(0x000000ff), .stroke_width = 1 },
                  JM_HEAD_NONE, JM_HEAD_OPEN, 10);
    box_text(v, "neg", -3, 10, 20, 10, "left", -1);
    out = check(v, &n);
    CHECK(n == 3, "canvas: %zu defects:\n%s", n, out);
    CHECK(strstr(out, "defect: rect (big) at 180.0,80.0 size 40.0x30.0 is outside the 200.0x100.0 canvas: "
                      "out by 20.0 pt on the right, 10.0 pt at the bottom\n") != NULL, "%s", out);
    CHECK(strstr(out, "path (edge)") && strstr(out, "3.5 pt at the bottom"), "%s", out);
    CHECK(strstr(out, "text 'left' (neg)") && strstr(out, "3.0 pt on the left"), "%s", out);
    free(out);

    /* a container index that is not an item */
    jm_scene *b = jm_scene_new(a, 200, 100, rgba(0xffffffff));
    box_text(b, "orphan", 10, 10, 20, 10, "x", 7);
    out = check(b, &n);
    CHECK(n == 1 && strstr(out, "names container 7"), "%s", out);
    free(out);
}

/* The grid finds exactly the overlaps that comparing every pair finds. */
static void test_check_matches_brute_force(jm_arena *a) {
    GRand *rnd = g_rand_new_with_seed(42);
    jm_scene *s = jm_scene_new(a, 2000, 2000, rgba(0xffffffff));
    for (int i = 0; i < 600; i++) {
        double w = g_rand_double_range(rnd, 2, i % 50 == 0 ? 900 : 80), h = g_rand_double_range(rnd, 2, 30);
        box_text(s, "r", g_rand_double_range(rnd, 0, 2000 - w), g_rand_double_range(rnd, 0, 2000 - h), w, h, "t", -1);
    }
    size_t want = 0;
    for (size_t i = 0; i < s->n_items; i++)
        for (size_t j = i + 1; j < s->n_items; j++) {
            const jm_item *p = &s->items[i], *q = &s->items[j];
            double ox = fmin(p->x + p->w, q->x + q->w) - fmax(p->x, q->x);
            double oy = fmin(p->y + p->h, q->y + q->h) - fmax(p->y, q->y);
            want += ox > 0.5 && oy > 0.5;
        }
    size_t n;
    char *out = check(s, &n);
    CHECK(n == want && count_lines(out) == want, "grid found %zu, brute force %zu", n, want);
    CHECK(want > 50, "the random scene should have overlaps (%zu)", want);
    free(out);
    g_rand_free(rnd);
}

/* 5000 texts in one column (the worst case for a sweep along x) and 5000 in a grid. */
static void test_check_speed(jm_arena *a) {
    jm_scene *col = jm_scene_new(a, 200, 5000 * 20 + 10, rgba(0xffffffff));
    for (int i = 0; i < 5000; i++) box_text(col, "row", 10, 5 + i * 20.0, 150, 16, "row", -1);
    box_text(col, "clash", 50, 5 + 2500 * 20.0 + 8, 40, 16, "clash", -1);
    jm_scene *grid = jm_scene_new(a, 100 * 60, 50 * 24, rgba(0xffffffff));
    for (int i = 0; i < 5000; i++) box_text(grid, "cell", (i % 100) * 60.0, (i / 100) * 24.0, 58, 20, "cell", -1);
    size_t n1, n2;
    char *o1 = check(col, &n1), *o2 = check(grid, &n2);
    CHECK(n1 == 2, "column: %zu defects", n1);
    CHECK(n2 == 0, "grid: %zu defects", n2);
    free(o1);
    free(o2);
}

static void test_append(jm_arena *a) {
    jm_scene *dst = jm_scene_new(a, 500, 500, rgba(0xffffffff));
    jm_scene_rect(dst, "page", 0, 0, 500, 500, 0, (jm_paint){ .fill = rgba(0xffffffff) });
    jm_scene_rect(dst, "other", 0, 0, 5, 5, 0, (jm_paint){ .fill = rgba(0xffffffff) });
    jm_scene *src = jm_scene_new(a, 100, 100, rgba(0xffffffff));
    int card = jm_scene_rect(src, "card", 10, 10, 50, 30, 4, (jm_paint){ .fill = rgba(0xeeeeeeff) });
    box_text(src, "card.title", 12, 12, 40, 12, "Title", card);
    jm_path_op ops[2] = { { .op = JM_OP_MOVE, .x = 0, .y = 0 },
                          { .op = JM_OP_CURVE, .x1 = 10, .y1 = 0, .x2 = 20, .y2 = 10, .x = 30, .y = 10 } };
    jm_scene_path(src, "curve", ops, 2, (jm_paint){ .stroke = rgba(0x000000ff), .stroke_width = 1 }, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    int first = jm_scene_append(dst, src, 100, 50);
    CHECK(first == 2, "first copied index %d", first);
    CHECK(dst->n_items == 5, "%zu items", dst->n_items);
    CHECK_NEAR(dst->items[2].x, 110, 1e-9);
    CHECK_NEAR(dst->items[2].y, 60, 1e-9);
    CHECK(dst->items[2].container == -1, "rect container %d", dst->items[2].container);
    CHECK(dst->items[3].container == 2, "text container re-indexed to %d", dst->items[3].container);
    CHECK_NEAR(dst->items[3].x, 112, 1e-9);
    const jm_item *p = &dst->items[4];
    CHECK(p->ops != src->items[2].ops, "path ops copied, not shared");
    CHECK_NEAR(p->ops[0].x, 100, 1e-9);
    CHECK_NEAR(p->ops[1].x1, 110, 1e-9);
    CHECK_NEAR(p->ops[1].y2, 60, 1e-9);
    CHECK_NEAR(p->ops[1].y, 60, 1e-9);
    CHECK_NEAR(p->x, 100, 1e-9);
    CHECK_NEAR(src->items[2].ops[0].x, 0, 1e-9);   /* the source is untouched */
    CHECK(src->items[1].container == 0, "source container %d", src->items[1].container);

    /* appending a scene to itself doubles it */
    int again = jm_scene_append(src, src, 0, 100);
    CHECK(again == 3 && src->n_items == 6, "self append: %d, %zu", again, src->n_items);
    CHECK(src->items[4].container == 3, "self append container %d", src->items[4].container);
    CHECK_NEAR(src->items[3].y, 110, 1e-9);
    size_t n;
    char *out = check(src, &n);
    CHECK(n == 3 && strstr(out, "rect (card) at 10.0,110.0"), "the copy below the canvas is reported: %s", out);
    free(out);

    /* many appends: the item array grows in the arena */
    jm_scene *big = jm_scene_new(a, 100, 100, rgba(0xffffffff));
    for (int i = 0; i < 300; i++) jm_scene_append(big, src, 0, 0);
    CHECK(big->n_items == 1800 && big->items[1798].container == 1794 + 3, "grown: %zu items, container %d",
          big->n_items, big->items[1798].container);
}

static void test_bounds(jm_arena *a) {
    double x0, y0, x1, y1;
    jm_paint pen = { .stroke = rgba(0x000000ff), .stroke_width = 1 };
    jm_scene *s = jm_scene_new(a, 200, 200, rgba(0xffffffff));
    jm_scene_line(s, "plain", 10, 10, 110, 10, pen, JM_HEAD_NONE, JM_HEAD_NONE, 10);
    jm_scene_bounds(s, 0, &x0, &y0, &x1, &y1);
    CHECK(x0 == 10 && x1 == 110 && y0 == 10 && y1 == 10, "plain line %g %g %g %g", x0, y0, x1, y1);

    jm_scene_line(s, "arrow", 10, 50, 110, 50, pen, JM_HEAD_NONE, JM_HEAD_FILLED, 10);
    jm_scene_bounds(s, 1, &x0, &y0, &x1, &y1);
    CHECK_NEAR(x0, 10, 1e-9);
    CHECK_NEAR(x1, 110, 1e-9);
    CHECK_NEAR(y0, 50 - 10 * JM_ARROW_HALF_WIDTH, 1e-9);
    CHECK_NEAR(y1, 50 + 10 * JM_ARROW_HALF_WIDTH, 1e-9);

    /* a vertical arrow head sticks out sideways in x; the start head of a line pointing down
     * sits at the top */
    jm_scene_line(s, "down", 150, 20, 150, 120, pen, JM_HEAD_OPEN, JM_HEAD_NONE, 8);
    jm_scene_bounds(s, 2, &x0, &y0, &x1, &y1);
    CHECK_NEAR(x0, 150 - 8 * JM_ARROW_HALF_WIDTH, 1e-9);
    CHECK_NEAR(x1, 150 + 8 * JM_ARROW_HALF_WIDTH, 1e-9);
    CHECK_NEAR(y0, 20, 1e-9);
    CHECK_NEAR(y1, 120, 1e-9);

    /* a curve by its real extreme (y = 75), not its control points (y = 100) */
    jm_path_op ops[2] = { { .op = JM_OP_MOVE, .x = 0, .y = 0 },
                          { .op = JM_OP_CURVE, .x1 = 0, .y1 = 100, .x2 = 100, .y2 = 100, .x = 100, .y = 0 } };
    jm_scene *c = jm_scene_new(a, 200, 200, rgba(0xffffffff));
    int k = jm_scene_path(c, "curve", ops, 2, pen, JM_HEAD_NONE, JM_HEAD_NONE, 0);
    jm_scene_bounds(c, 0, &x0, &y0, &x1, &y1);
    CHECK_NEAR(y1, 75, 1e-9);
    CHECK_NEAR(x1, 100, 1e-9);
    CHECK_NEAR(c->items[k].h, 75, 1e-9);
    /* its end head points along the control-point tangent, straight up: (100,100) -> (100,0) */
    jm_arrow h;
    CHECK(jm_path_head(ops, 2, true, 10, &h), "curve head");
    CHECK_NEAR(h.base_x, 100, 1e-9);
    CHECK_NEAR(h.base_y, 10, 1e-9);
    CHECK(!jm_path_head(ops, 1, true, 10, &h), "a lone move has no head");

    /* texts and rects by their boxes; from skips earlier items */
    jm_scene_rect(c, "r", -5, 20, 10, 10, 0, pen);
    box_text(c, "t", 50, 150, 30, 12, "t", -1);
    jm_scene_bounds(c, 1, &x0, &y0, &x1, &y1);
    CHECK(x0 == -5 && y0 == 20 && x1 == 80 && y1 == 162, "boxes %g %g %g %g", x0, y0, x1, y1);
}

static void test_trim(void) {
    jm_path_op line[2] = { { .op = JM_OP_MOVE, .x = 0, .y = 0 }, { .op = JM_OP_LINE, .x = 100, .y = 0 } }, out[2];
    jm_path_trim(line, 2, 5, 10, out);
    CHECK_NEAR(out[0].x, 5, 1e-9);
    CHECK_NEAR(out[1].x, 90, 1e-9);
    jm_path_op curve[2] = { { .op = JM_OP_MOVE, .x = 0, .y = 0 },
                            { .op = JM_OP_CURVE, .x1 = 0, .y1 = 100, .x2 = 100, .y2 = 100, .x = 100, .y = 0 } };
    jm_path_trim(curve, 2, 0, 10, out);
    CHECK_NEAR(hypot(out[1].x - 100, out[1].y), 10, 1e-6);
    CHECK(out[1].y > 0 && out[1].x > 99, "cut end %g,%g follows the curve", out[1].x, out[1].y);
    jm_path_trim(curve, 2, 10, 0, out);
    CHECK_NEAR(hypot(out[0].x, out[0].y), 10, 1e-6);
    CHECK_NEAR(out[1].x, 100, 1e-9);
}

static void test_text_items(jm_arena *a) {
    jm_diags *d = jm_diags_new();
    jm_text *t = jm_text_new("fonts", NULL, d);
    CHECK(t != NULL, "text service");
    if (!t) { jm_diags_print(d, stderr, 0); jm_diags_free(d); return; }
    jm_font f = { "Inter 13", 13 };
    jm_scene *s = jm_scene_new(a, 300, 100, rgba(0xffffffff));
    jm_textblock b = jm_text_layout(t, a, "Hello", &f, 0, JM_ALIGN_LEFT, 0);
    int i = jm_scene_text(s, "hello", 10, 20, "Hello", &f, rgba(0x000000ff), JM_ALIGN_LEFT, 0, 0, b, -1);
    CHECK_NEAR(s->items[i].w, b.width, 1e-9);
    CHECK_NEAR(s->items[i].h, b.height, 1e-9);
    CHECK_NEAR(s->items[i].x, 10, 1e-9);
    CHECK(b.width > 20 && b.height > 10, "measured %gx%g", b.width, b.height);
    /* centred in a wider wrap width: the box is where the line is */
    jm_textblock c = jm_text_layout(t, a, "Hi", &f, 200, JM_ALIGN_CENTER, 0);
    int k = jm_scene_text(s, "hi", 10, 50, "Hi", &f, rgba(0x000000ff), JM_ALIGN_CENTER, 200, 0, c, -1);
    CHECK_NEAR(s->items[k].x + s->items[k].w / 2, 110, 0.6);
    char *out = dump(s);
    CHECK(strstr(out, "1 text hi ") && strstr(out, "align center wrap 200.00 lines 1 fonts Inter-Regular.otf \"Hi\""), "%s", out);
    free(out);
    jm_text_free(t);
    jm_diags_free(d);
}

static void test_doc(jm_arena *a) {
    jm_doc *d = jm_doc_new(a);
    for (int i = 0; i < 9; i++)
        jm_doc_add_page(d, jm_scene_new(a, 10 + i, 10, rgba(0xffffffff)), "funnel", i == 3 ? "Three" : NULL);
    CHECK(d->n_pages == 9, "%zu pages", d->n_pages);
    CHECK(d->pages[8].scene->width == 18, "page order");
    CHECK_STR(d->pages[3].bookmark, "Three");
    CHECK_STR(d->pages[0].view, "funnel");
}

/* One list says which texts have which floor: tags, chips, badges, step numbers and axis ticks
 * the tag floor, pictures set as text none, everything else the text floor. */
static void test_floors(jm_arena *a) {
    const char *tags[] = { "map.tag.text", "funnel.chip.text", "sequence.badge.number", "map.persona.archetype.text",
                           "emotions.step.number", "emotions.scale" };
    const char *texts[] = { "map.text", "funnel.card.who", "funnel.stage.note", "funnel.stage.unit", "sequence.message.label",
                            "emotions.label", NULL };
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        CHECK(jm_role_floor(tags[i]) == JM_FLOOR_TAG, "%s: a tag", tags[i]);
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        CHECK(jm_role_floor(texts[i]) == JM_FLOOR_TEXT, "%s: text", texts[i] ? texts[i] : "no role");
    CHECK(jm_role_floor("emotions.emoji") == JM_FLOOR_NONE && jm_role_floor("map.feature.icon") == JM_FLOOR_NONE,
          "emoji and icons: no floor");
    /* the least fit: the text floor for text, the tag floor for tags, emoji left out */
    jm_scene *s = jm_scene_new(a, 100, 100, rgba(0xffffffff));
    jm_font f = { .desc = "Inter", .size = 10 };
    jm_textblock b = { 0 };
    jm_scene_text(s, "map.text", 0, 0, "body", &f, rgba(0xff000000), JM_ALIGN_LEFT, 0, 0, b, -1);
    f.size = 6;
    jm_scene_text(s, "map.tag.text", 0, 20, "tag", &f, rgba(0xff000000), JM_ALIGN_LEFT, 0, 0, b, -1);
    f.size = 2;
    jm_scene_text(s, "emotions.emoji", 0, 40, "x", &f, rgba(0xff000000), JM_ALIGN_LEFT, 0, 0, b, -1);
    CHECK_NEAR(jm_scene_least_fit(s, 7, 6), 1, 1e-9);    /* the 6 pt tag at its 6 pt floor */
    CHECK_NEAR(jm_scene_least_fit(s, 8, 3), 0.8, 1e-9);  /* the 10 pt text at an 8 pt floor */
    CHECK_NEAR(jm_scene_fit_box(s, 50, 80), 0.5, 1e-9);
}

int main(void) {
    jm_arena *a = jm_arena_new();
    test_floors(a);
    test_dump(a);
    test_check(a);
    test_check_matches_brute_force(a);
    test_check_speed(a);
    test_append(a);
    test_bounds(a);
    test_trim();
    test_text_items(a);
    test_doc(a);
    jm_arena_free(a);
    return CHECK_DONE();
}
