/* test_map.c - the map view on small journeys and the seed samples: lanes left out when empty,
 * columns aligned across chevrons, lanes and the emotion curve, text inside its boxes, the
 * persona card, fitting a width, a slide and pages, the handout (its shared pages and the check
 * that two short pages fit on one), the slide canvas writer. */
#include "check.h"
#include "scene_query.h"
#include "emotions.h"
#include "funnel.h"
#include "handout.h"
#include "load.h"
#include "map.h"
#include "output.h"
#include "target.h"
#include <glib.h>
#include <stdlib.h>

static const char *root;
static jm_text *text;

/* One journey laid out: its arena owns model, style and pages. */
typedef struct { jm_arena *a; jm_diags *d; const jm_journey *j; const jm_style *style; jm_doc *doc; } built;

typedef struct { double width, page_w, page_h, aspect; const char *style; bool handout; } target;

static built build_from(const char *file, const char *yaml, size_t len, target t) {
    built b = { jm_arena_new(), jm_diags_new(), NULL, NULL, NULL };
    char *styles = jm_arena_printf(b.a, "%s/styles", root);
    b.j = jm_load_journey(b.a, file, yaml, len, b.d);
    b.style = jm_style_load(b.a, t.style ? t.style : "default", styles, b.d);
    if (!b.j || !b.style) { jm_diags_print(b.d, stderr, 0); return b; }
    jm_layout_ctx ctx = { .journey = b.j, .style = b.style, .text = text, .arena = b.a, .diags = b.d,
                          .width = t.width, .page_width = t.page_w, .page_height = t.page_h, .aspect = t.aspect };
    jm_doc *doc = jm_doc_new(b.a);
    bool ok;
    if (t.handout) {
        const jm_view *views[8];
        size_t n = 0;
        for (size_t i = 0; i < b.j->views.n && n < 7; i++) views[n++] = jm_view_find(b.j->views.v[i]);
        for (size_t i = 0; !b.j->views.n && jm_views[i]; i++)
            if (!jm_views[i]->missing(b.j, b.a)) views[n++] = jm_views[i];
        views[n] = NULL;
        ok = jm_handout_layout(&ctx, views, doc);
    } else ok = jm_view_map.layout(&ctx, doc);
    if (ok && doc->n_pages > 0) b.doc = doc;
    else jm_diags_print(b.d, stderr, 0);
    return b;
}

static built build(const char *yaml, target t) { return build_from("test.yaml", yaml, strlen(yaml), t); }

static built build_file(const char *sample, target t) {
    char *path = g_strdup_printf("%s/samples/%s", root, sample);
    size_t len = 0;
    jm_diags *d = jm_diags_new();
    char *src = jm_read_file(path, &len, d);
    built b = src ? build_from(path, src, len, t) : (built){ jm_arena_new(), jm_diags_new(), NULL, NULL, NULL };
    if (!src) jm_diags_print(d, stderr, 0);
    jm_diags_free(d);
    g_free(src);
    g_free(path);
    return b;
}

static void done(built *b) { jm_arena_free(b->a); jm_diags_free(b->d); }

static const jm_scene *page(const built *b, size_t i) { return b->doc && i < b->doc->n_pages ? b->doc->pages[i].scene : NULL; }

static bool inside(const jm_item *in, const jm_item *out) {
    const double e = 0.51;
    return in->x >= out->x - e && in->y >= out->y - e && in->x + in->w <= out->x + out->w + e &&
           in->y + in->h <= out->y + out->h + e;
}

static size_t defects(const jm_scene *s) { return jm_scene_check(s, stderr); }

/* The lane labels of a page, in order, joined with '|'. */
static char *lane_labels(const jm_scene *s) {
    GString *g = g_string_new("");
    for (size_t i = 0; i < s->n_items; i++)
        if (role_is(&s->items[i], "map.lane.label")) g_string_append_printf(g, "%s%s", g->len ? "|" : "", s->items[i].text);
    return g_string_free(g, FALSE);
}

static const char *SMALL =
    "title: Small map\n"
    "stages:\n"
    "  - name: Apply\n"
    "    actions: [{text: Fills in the form, channel: Website, frequency: Once}]\n"
    "    thoughts: [Is this safe?]\n"
    "    emotions: [{label: Unsure, score: -1, emoji: \"🤔\"}]\n"
    "    lanes: {backstage: [Queue picks it up]}\n"
    "  - name: Verify\n"
    "    gap: true\n"
    "    pain_points: [No news for days]\n"
    "    emotions: [{label: Waiting, score: -1.5}]\n"
    "  - name: Use\n"
    "    opportunities: [{title: Status updates, text: Say when checks start and end}]\n"
    "    emotions: [{label: Relieved, score: 1.5}]\n"
    "    lanes: {backstage: [Account goes live], kpis: [Time to first transfer]}\n";

static void test_lanes_left_out(void) {
    built b = build(SMALL, (target){ 0 });
    const jm_scene *s = page(&b, 0);
    CHECK(s != NULL, "layout");
    if (!s) { done(&b); return; }
    char *labels = lane_labels(s);
    CHECK_STR(labels, "Actions|Thoughts|Emotions|Pain points|Opportunities|Backstage|Kpis");
    g_free(labels);
    CHECK(count_role(s, "map.cell") + count_role(s, "map.cell.gap") == 6 * 3, "a cell per stage in each lane but emotions");
    CHECK(count_role(s, "map.cell.gap") == 6, "the gap stage's cells are greyed");
    CHECK(defects(s) == 0, "no defects");
    /* thoughts are real quotes, italic */
    int q = text_item(s, "“Is this safe?”");
    CHECK(q >= 0 && strstr(s->items[q].font.desc, "Italic"), "thought as an italic quote");
    /* channel and frequency as tags inside their cell */
    int ch = text_item(s, "Website"), fr = text_item(s, "↻ Once");
    CHECK(ch >= 0 && fr >= 0, "channel and frequency tags");
    if (ch >= 0) CHECK(role_is(&s->items[s->items[ch].container], "map.tag.channel"), "channel text in its tag");
    /* opportunity: bold title, then text */
    int ot = text_item(s, "Status updates");
    CHECK(ot >= 0 && strstr(s->items[ot].font.desc, "Bold"), "opportunity title bold");
    done(&b);

    /* a journey with only a trigger: one lane */
    built c = build("title: T\nstages: [{name: A, triggers: [Mail arrives]}, {name: B}]\n", (target){ 0 });
    if (page(&c, 0)) {
        labels = lane_labels(page(&c, 0));
        CHECK_STR(labels, "Triggers");
        g_free(labels);
    }
    done(&c);
    /* stages only: chevrons, no lanes */
    built e = build("title: T\nstages: [{name: A, duration: 2 weeks, need: Speed}, {name: B}]\n", (target){ 0 });
    if (page(&e, 0)) {
        CHECK(count_role(page(&e, 0), "map.lane") == 0, "no lanes");
        CHECK(count_role(page(&e, 0), "funnel.stage") == 2, "two chevrons");
        CHECK(text_item(page(&e, 0), "2 weeks") >= 0 && text_item(page(&e, 0), "Speed") >= 0, "duration and need");
    }
    done(&e);
}

/* Every lane's cells, the chevrons and the emotion bands share the columns' x and width. */
static void check_columns(const jm_scene *s, size_t n_stages, const char *what) {
    double *cx = g_new0(double, n_stages), *cw = g_new0(double, n_stages);
    size_t k = 0, lanes = 0, bands = 0, rows = 0;
    double row_y = -1;
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (!role_is(it, "map.cell") && !role_is(it, "map.cell.gap")) continue;
        if (it->y != row_y) { row_y = it->y; k = 0; rows++; }
        if (rows == 1) { cx[k] = it->x; cw[k] = it->w; }
        else if (k < n_stages) {
            CHECK_NEAR(it->x, cx[k], 1e-6);
            CHECK_NEAR(it->w, cw[k], 1e-6);
        }
        k++;
        lanes++;
    }
    CHECK(rows > 0, "%s: lanes", what);
    /* chevrons: the first starts on the first column; each spans its column and a bit */
    int c = 0;
    for (size_t i = 0; i < s->n_items && c < (int)n_stages; i++) {
        const jm_item *it = &s->items[i];
        if (!role_is(it, "funnel.stage") && !role_is(it, "funnel.stage.gap")) continue;
        if (c == 0) CHECK_NEAR(it->x, cx[0], 1e-6);
        CHECK(it->x <= cx[c] + 1e-6 && it->x + it->w >= cx[c] + cw[c] - 1e-6, "%s: chevron %d over its column", what, c);
        c++;
    }
    CHECK(c == (int)n_stages, "%s: %d chevrons for %zu columns", what, c, n_stages);
    /* emotion bands: exactly the columns */
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (!role_is(it, "emotions.band") && !role_is(it, "emotions.band.gap")) continue;
        bool on = false;
        for (size_t m = 0; m < n_stages; m++) on |= fabs(it->x - cx[m]) < 1e-6 && fabs(it->w - cw[m]) < 1e-6;
        CHECK(on, "%s: band at %g+%g is a column", what, it->x, it->w);
        bands++;
    }
    CHECK(bands == n_stages, "%s: %zu bands for %zu columns", what, bands, n_stages);
    g_free(cx);
    g_free(cw);
}

static void test_columns_aligned(void) {
    built b = build(SMALL, (target){ 0 });
    if (page(&b, 0)) check_columns(page(&b, 0), 3, "small");
    done(&b);
    built e = build_file("enterprise-buyer.yaml", (target){ 0 });
    if (page(&e, 0)) {
        check_columns(page(&e, 0), 8, "enterprise-buyer");
        CHECK(defects(page(&e, 0)) == 0, "enterprise-buyer: no defects");
        char *labels = lane_labels(page(&e, 0));
        CHECK_STR(labels, "Triggers|Actions|Thoughts|Emotions|Pain points|Opportunities|Metrics");
        g_free(labels);
        CHECK(count_role(page(&e, 0), "map.table") == 3, "three tables");
    }
    done(&e);
    built p = build_file("petra-catena-x.yaml", (target){ 0 });
    if (page(&p, 0)) {
        check_columns(page(&p, 0), 5, "petra");
        CHECK(defects(page(&p, 0)) == 0, "petra: no defects");
        /* steps add to their stage's column; the first action of a step says which step */
        CHECK(text_item(page(&p, 0), "1 · The mandate arrives and the first search begins") >= 0, "step heading");
        CHECK(count_role(page(&p, 0), "map.feature") == 8, "eight feature cards");
        CHECK(count_role(page(&p, 0), "map.feature.icon") == 8, "with their icons");
        CHECK(text_item(page(&p, 0), "Feelings") >= 0, "custom lane");
    }
    done(&p);
}

static void test_text_inside(void) {
    const char *samples[] = { "enterprise-buyer.yaml", "petra-catena-x.yaml", "map-lanes.yaml", "map-tables.yaml",
                              "map-persona.yaml" };
    const char *styles[] = { "default", "print", "dark" };
    for (size_t f = 0; f < G_N_ELEMENTS(samples); f++) {
        for (size_t st = 0; st < G_N_ELEMENTS(styles); st++) {
            built b = build_file(samples[f], (target){ .style = styles[st] });
            const jm_scene *s = page(&b, 0);
            CHECK(s != NULL, "%s %s", samples[f], styles[st]);
            if (!s) { done(&b); continue; }
            CHECK(defects(s) == 0, "%s %s: no defects", samples[f], styles[st]);
            for (size_t i = 0; i < s->n_items; i++) {
                const jm_item *it = &s->items[i];
                if (it->kind != JM_ITEM_TEXT || !it->role || strncmp(it->role, "map.", 4) != 0) continue;
                bool boxed = it->container >= 0 || role_is(it, "map.title") || role_is(it, "map.subtitle")
                             || role_is(it, "map.section") || role_is(it, "map.table.title");
                CHECK(boxed, "%s: text '%s' (%s) has a container", samples[f], it->text, it->role);
                if (it->container >= 0) CHECK(inside(it, &s->items[it->container]), "%s: '%s' inside", samples[f], it->text);
            }
            done(&b);
        }
    }
}

static void test_rows_tallest_cell(void) {
    built b = build_file("map-tables.yaml", (target){ 0 });
    const jm_scene *s = page(&b, 0);
    if (!s) { done(&b); return; }
    /* each table row is as tall as its tallest cell plus padding; cells of a row share a top */
    int rows = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *r = &s->items[i];
        if (!role_is(r, "map.table.row") && !role_is(r, "map.table.header")) continue;
        double tallest = 0, top = -1;
        for (size_t k = i + 1; k < s->n_items; k++) {
            const jm_item *t = &s->items[k];
            if (t->kind != JM_ITEM_TEXT || t->container != (int)i) continue;
            tallest = fmax(tallest, t->h);
            if (top < 0) top = t->y;
            CHECK_NEAR(t->y, top, 1e-6);
        }
        CHECK(tallest > 0 && r->h >= tallest && r->h <= tallest + 20, "row %d: %g for cells of %g", rows, r->h, tallest);
        rows++;
    }
    CHECK(rows == 4 + 3, "%d table rows", rows);
    /* the lane cells of one row share a height */
    double h = -1, y = -1;
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *c = &s->items[i];
        if (!role_is(c, "map.cell")) continue;
        if (c->y != y) { y = c->y; h = c->h; }
        CHECK_NEAR(c->h, h, 1e-6);
    }
    done(&b);
}

static void test_persona(void) {
    built b = build_file("map-persona.yaml", (target){ 0 });
    const jm_scene *s = page(&b, 0);
    if (s) {
        int img = -1;
        for (size_t i = 0; i < s->n_items; i++)
            if (s->items[i].kind == JM_ITEM_IMAGE) img = (int)i;
        CHECK(img >= 0, "persona picture");
        if (img >= 0) {
            const jm_item *it = &s->items[img];
            CHECK(g_path_is_absolute(it->image_path) && g_str_has_suffix(it->image_path, "samples/persona.png"),
                  "picture path %s", it->image_path);
            CHECK_NEAR(it->w, it->h, 1e-6);
            CHECK_NEAR(it->radius, it->w / 2, 1e-6);   /* cropped to a circle */
            CHECK(role_is(&s->items[it->container], "map.persona"), "picture in the card");
        }
        CHECK(text_item(s, "Goals") >= 0 && text_item(s, "Frustrations") >= 0, "goals and frustrations");
        CHECK(text_item(s, "price-conscious renewer") >= 0, "archetype");
        CHECK(text_item(s, "“I just want to know I am not paying for things I do not need.”") >= 0, "quote");
    }
    done(&b);
    built c = build("title: T\npersona: {name: Petra Novák, role: Operations}\nstages: [{name: A}]\n", (target){ 0 });
    if (page(&c, 0)) {
        int t = text_item(page(&c, 0), "PN");
        CHECK(t >= 0, "initials PN");
        if (t >= 0) CHECK(role_is(&page(&c, 0)->items[page(&c, 0)->items[t].container], "map.persona.avatar"), "in the circle");
    }
    done(&c);
}

static void test_targets(void) {
    /* an exact width */
    built w = build_file("enterprise-buyer.yaml", (target){ .width = 1600 });
    if (page(&w, 0)) {
        CHECK_NEAR(page(&w, 0)->width, 1600, 1e-9);
        CHECK(defects(page(&w, 0)) == 0, "1600: no defects");
        check_columns(page(&w, 0), 8, "enterprise-buyer 1600");
    }
    done(&w);
    /* a slide: the poster is laid out close to the slide's aspect */
    const char *seeds[] = { "enterprise-buyer.yaml", "petra-catena-x.yaml" };
    for (size_t i = 0; i < 2; i++) {
        built s = build_file(seeds[i], (target){ .aspect = 16.0 / 9 });
        if (page(&s, 0)) {
            double r = page(&s, 0)->width / page(&s, 0)->height;
            /* petra's columns reach max-column-width first: taller than the slide, never wider */
            CHECK(r < 16.0 / 9 * 1.15 && (i == 1 || r > 16.0 / 9 * 0.85), "%s: aspect %g", seeds[i], r);
            CHECK(defects(page(&s, 0)) == 0, "%s slide: no defects", seeds[i]);
        }
        done(&s);
    }
    /* A3 landscape inside 36 pt margins: every page keeps the cell text at least 7 pt on paper
     * (the paper floor, paper.h), repeats the stage row, and the columns of a page align */
    for (size_t i = 0; i < 2; i++) {
        built p = build_file(seeds[i], (target){ .page_w = 1190.55 - 72, .page_h = 841.89 - 72 });
        CHECK(p.doc && p.doc->n_pages >= 1 && p.doc->n_pages <= 4, "%s: %zu A3 pages", seeds[i], p.doc ? p.doc->n_pages : 0);
        for (size_t k = 0; p.doc && k < p.doc->n_pages; k++) {
            const jm_scene *s = page(&p, k);
            double scale = fmin((1190.55 - 72) / s->width, (841.89 - 72) / s->height);
            CHECK(11 * scale >= 7 - 1e-6, "%s page %zu: cell text %.2f pt", seeds[i], k + 1, 11 * scale);
            CHECK(defects(s) == 0, "%s page %zu: no defects", seeds[i], k + 1);
            CHECK_STR(p.doc->pages[k].view, "map");
        }
        if (p.doc && p.doc->n_pages > 1)
            CHECK(count_role(page(&p, 1), "funnel.stage") > 0, "%s: stage row repeated on page 2", seeds[i]);
        done(&p);
    }
    /* A4 portrait: the columns split into groups, every lane under its stage row */
    built a = build_file("petra-catena-x.yaml", (target){ .page_w = 595.28 - 72, .page_h = 841.89 - 72 });
    if (a.doc) {
        CHECK(a.doc->n_pages > 2, "petra on A4: %zu pages", a.doc->n_pages);
        int chevrons = 0;
        for (size_t k = 0; k < a.doc->n_pages; k++) {
            const jm_scene *s = page(&a, k);
            chevrons += count_role(s, "funnel.stage");
            CHECK(defects(s) == 0, "A4 page %zu: no defects", k + 1);
            if (count_role(s, "map.lane") > 0) CHECK(count_role(s, "funnel.stage") > 0, "A4 page %zu: lanes under stages", k + 1);
        }
        CHECK(chevrons >= 5, "every stage on some page");
    }
    done(&a);
}

static void test_handout(void) {
    built b = build_file("petra-catena-x.yaml", (target){ .page_w = 841.89 - 72, .page_h = 595.28 - 72, .handout = true });
    if (!b.doc) { done(&b); return; }
    const char *want[] = { "Cover", "Journey map", "Emotion curve", "Sequence", "Funnel", "Tables" };
    size_t w = 0;
    for (size_t i = 0; i < b.doc->n_pages; i++) {
        const char *m = b.doc->pages[i].bookmark;
        if (w < G_N_ELEMENTS(want) && m && strcmp(m, want[w]) == 0) w++;
        CHECK(defects(b.doc->pages[i].scene) == 0, "handout page %zu (%s): no defects", i + 1, m);
    }
    CHECK(w == G_N_ELEMENTS(want), "outline has every section in order (%zu of 6)", w);
    CHECK_STR(b.doc->pages[0].view, "cover");
    CHECK_STR(b.doc->pages[b.doc->n_pages - 1].view, "tables");
    /* the map pages in a handout leave the tables to the tables pages */
    for (size_t i = 0; i < b.doc->n_pages; i++)
        if (!strcmp(b.doc->pages[i].view, "map")) CHECK(count_role(b.doc->pages[i].scene, "map.table") == 0, "no table on map page");
    done(&b);
    /* a file without tables or sequence, nor views: cover, map, funnel (the registry's order);
     * the short map and funnel share a page, the funnel's outline entry on it */
    built c = build("title: T\nstages: [{name: A, count: 1}, {name: B, triggers: [x]}]\n",
                    (target){ .page_w = 500, .page_h = 700, .handout = true });
    if (c.doc) {
        CHECK(c.doc->n_pages == 2, "%zu pages", c.doc->n_pages);
        CHECK_STR(c.doc->pages[0].bookmark, "Cover");
        CHECK_STR(c.doc->pages[1].bookmark, "Journey map");
        CHECK_STR(c.doc->pages[1].next_bookmark, "Funnel");
        CHECK_STR(c.doc->pages[1].next_view, "funnel");
        if (c.doc->n_pages == 2) {
            CHECK(count_role(page(&c, 1), "funnel.stage") >= 2 + 2, "the funnel's chevrons under the map's");
            CHECK(defects(page(&c, 1)) == 0, "the shared page: no defects");
        }
    }
    done(&c);
}

/* --check-layout: two handout pages whose content fits on one page are a defect; the same
 * pages, one of them tall, are not. */
static void test_pair_check(void) {
    built b = build(SMALL, (target){ 0 });
    if (!b.doc) { done(&b); return; }
    const jm_style_common *c = jm_style_get_common(b.style);
    jm_output_opts o = { .format = JM_FMT_PDF, .page_w = 600, .page_h = 400, .margin = 20 };
    for (int tall = 0; tall < 2; tall++) {
        jm_doc *doc = jm_doc_new(b.a);
        for (int i = 0; i < 2; i++) {
            jm_scene *s = jm_scene_new(b.a, 560, 100, c->background);
            jm_scene_rect(s, "box", 10, 10, 100, tall && i ? 300 : 60, 0, (jm_paint){ .fill = c->accent });
            jm_doc_add_page(doc, s, "map", "Map");
            doc->pages[i].furniture = jm_scene_new(b.a, 560, 360, (jm_color){ 0 });
            doc->pages[i].head = doc->pages[i].foot = 20;
        }
        char *out = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&out, &len);
        jm_target_check(doc, c, &o, f);
        fclose(f);
        bool flagged = strstr(out, "pages 1 and 2 (map, map) fit on one page") != NULL;
        CHECK(flagged == !tall, "%s pages: %s", tall ? "a short and a tall" : "two short", out);
        free(out);
    }
    done(&b);
}

/* --slide: the PNG is exactly the canvas, the scene centred in it. */
static void test_slide_canvas(void) {
    built b = build(SMALL, (target){ .aspect = 16.0 / 9 });
    if (!b.doc) { done(&b); return; }
    char *dir = g_dir_make_tmp("jm-map-XXXXXX", NULL);
    for (double scale = 1; scale <= 2; scale++) {
        char *p = g_strdup_printf("%s/slide.png", dir);
        jm_output_opts o = { .format = JM_FMT_PNG, .scale = scale, .canvas_w = 1920, .canvas_h = 1080 };
        CHECK(jm_output_write(b.doc, 0, p, &o, b.d), "write slide");
        FILE *f = fopen(p, "rb");
        unsigned char h[24] = { 0 };
        if (f) { CHECK(fread(h, 1, 24, f) == 24, "read header"); fclose(f); }
        unsigned wpx = (unsigned)h[16] << 24 | h[17] << 16 | h[18] << 8 | h[19];
        unsigned hpx = (unsigned)h[20] << 24 | h[21] << 16 | h[22] << 8 | h[23];
        CHECK(wpx == 1920 * scale && hpx == 1080 * scale, "slide %ux%u at scale %g", wpx, hpx, scale);
        remove(p);
        g_free(p);
    }
    remove(dir);
    g_free(dir);
    done(&b);
}

/* The funnel's chevron row at given columns. */
static void test_stage_row(void) {
    built b = build(SMALL, (target){ 0 });
    if (!b.doc) { done(&b); return; }
    jm_layout_ctx ctx = { .journey = b.j, .style = b.style, .text = text, .arena = b.a, .diags = b.d };
    jm_scene *s = jm_scene_new(b.a, 1000, 400, (jm_color){ 1, 1, 1, 1 });
    jm_stage_row row = { .first = 1, .n = 2, .x0 = 100, .col_w = 150, .col_gap = 10, .details = true };
    double over = 0, bottom = jm_funnel_stage_row(&ctx, s, &row, 20, &over);
    CHECK(bottom > 20, "bottom %g", bottom);
    CHECK(over > 0, "overhang %g", over);
    int n = count_role(s, "funnel.stage") + count_role(s, "funnel.stage.gap");
    CHECK(n == 2, "%d chevrons", n);
    CHECK(text_item(s, "Verify") >= 0 && text_item(s, "Use") >= 0 && text_item(s, "Apply") < 0, "stages 1 and 2");
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (role_is(it, "funnel.stage.gap")) CHECK_NEAR(it->x, 100, 1e-6);   /* first: flat, on its column */
        if (role_is(it, "funnel.stage")) CHECK_NEAR(it->x + it->w, 100 + 150 + 10 + 150 + over, 1e-6);
    }
    CHECK(defects(s) == 0, "row: no defects");
    done(&b);
}

int main(void) {
    root = getenv("ROOT") ? getenv("ROOT") : ".";
    char fonts[4096];
    snprintf(fonts, sizeof fonts, "%s/fonts", root);
    jm_diags *d = jm_diags_new();
    text = jm_text_new(fonts, NULL, d);
    if (!text) { jm_diags_print(d, stderr, 0); return 1; }
    test_lanes_left_out();
    test_columns_aligned();
    test_text_inside();
    test_rows_tallest_cell();
    test_persona();
    test_targets();
    test_handout();
    test_pair_check();
    test_slide_canvas();
    test_stage_row();
    jm_text_free(text);
    jm_diags_free(d);
    return CHECK_DONE();
}
