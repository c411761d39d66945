/* test_emotions.c - geometry of the emotions view on small journeys: the curve goes through every
 * marker and never overshoots, areas split at the baseline, unscored steps bridged dashed, the
 * extremes marked, labels clear of each other, the markers and the curve, on every sample. */
#include "check.h"
#include "scene_query.h"
#include "emotions.h"
#include "load.h"
#include "shapes.h"
#include <stdlib.h>
#include <glob.h>

static const char *root;
static jm_text *text;

/* One laid-out journey: its arena owns model, style and scene. */
typedef struct { jm_arena *a; jm_diags *d; const jm_journey *j; const jm_style *style; jm_scene *s; } built;

static built build_file(const char *file, const char *yaml, double width, const char *style_name, bool thoughts,
                        bool titled) {
    built b = { jm_arena_new(), jm_diags_new(), NULL, NULL, NULL };
    char *styles = jm_arena_printf(b.a, "%s/styles", root);
    b.j = jm_load_journey(b.a, file, yaml, strlen(yaml), b.d);
    b.style = jm_style_load(b.a, style_name, styles, b.d);
    if (!b.j || !b.style) { jm_diags_print(b.d, stderr, 0); return b; }
    jm_layout_ctx ctx = { .journey = b.j, .style = b.style, .text = text, .arena = b.a, .diags = b.d,
                          .width = width, .show_thoughts = thoughts };
    if (titled) {
        jm_doc *doc = jm_doc_new(b.a);
        if (jm_view_emotions.layout(&ctx, doc) && doc->n_pages == 1) b.s = doc->pages[0].scene;
    } else b.s = jm_emotions_scene(&ctx, false);
    return b;
}

static built build_opts(const char *yaml, double width, const char *style_name, bool thoughts, bool titled) {
    return build_file("test.yaml", yaml, width, style_name, thoughts, titled);
}

static built build(const char *yaml, double width) { return build_opts(yaml, width, "default", false, true); }

static void done(built *b) { jm_arena_free(b->a); jm_diags_free(b->d); }

static bool role_starts(const jm_item *it, const char *prefix) {
    return it->role && strncmp(it->role, prefix, strlen(prefix)) == 0;
}

/* The n-th item (0-based) whose role is `role`, or -1. */
static int nth(const jm_scene *s, const char *role, int n) {
    for (size_t i = 0; i < s->n_items; i++)
        if (role_is(&s->items[i], role) && n-- == 0) return (int)i;
    return -1;
}

/* Marker centres (discs and dots), in item order = point order. */
static int markers(const jm_scene *s, double *cx, double *cy, int max) {
    int n = 0;
    for (size_t i = 0; i < s->n_items && n < max; i++) {
        const jm_item *it = &s->items[i];
        if (role_is(it, "emotions.marker") || role_is(it, "emotions.marker.dot")) {
            cx[n] = it->x + it->w / 2;
            cy[n] = it->y + it->h / 2;
            n++;
        }
    }
    return n;
}

/* Samples every curve path (solid and bridge) into points; returns how many. */
static int curve_samples(const jm_scene *s, double *px, double *py, int max, bool bridges_too) {
    int n = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (!role_is(it, "emotions.curve") && !(bridges_too && role_is(it, "emotions.curve.bridge"))) continue;
        double x = 0, y = 0;
        for (size_t k = 0; k < it->n_ops; k++) {
            const jm_path_op *o = &it->ops[k];
            if (o->op == JM_OP_CURVE) {
                for (int t = 1; t <= 50 && n < max; t++) {
                    double u = t / 50.0, v = 1 - u;
                    px[n] = v * v * v * x + 3 * v * v * u * o->x1 + 3 * v * u * u * o->x2 + u * u * u * o->x;
                    py[n] = v * v * v * y + 3 * v * v * u * o->y1 + 3 * v * u * u * o->y2 + u * u * u * o->y;
                    n++;
                }
            }
            x = o->x; y = o->y;
        }
    }
    return n;
}

static const char *FIVE =
    "title: Five steps\n"
    "stages: [{name: Before}, {name: After}]\n"
    "steps:\n"
    "  - {title: One, stage: before, emotion: {label: Worried, score: -2, emoji: \"😟\"}}\n"
    "  - {title: Two, stage: before, emotion: {label: Calm, score: 0, emoji: \"😐\"}}\n"
    "  - {title: Three, stage: after, emotion: {label: Better, score: 1}}\n"
    "  - {title: Four, stage: after, emotion: {label: Thrilled, score: 2, emoji: \"🤩\"}}\n"
    "  - {title: Five, stage: after, emotion: {label: Fine, score: 1, emoji: \"🙂\"}}\n";

static void test_curve_through_points(void) {
    built b = build(FIVE, 0);
    CHECK(b.s != NULL, "five steps lay out");
    if (!b.s) { done(&b); return; }
    CHECK(jm_scene_check(b.s, stderr) == 0, "no layout defects");
    jm_emotions_style st;
    jm_style_fill(b.style, &jm_emotions_style_schema, &st);
    double cx[8], cy[8];
    int n = markers(b.s, cx, cy, 8);
    CHECK(n == 5, "one marker per step, got %d", n);
    if (n != 5) { done(&b); return; }
    /* evenly spaced, score -> height at score-height per unit */
    for (int i = 1; i < 4; i++) CHECK_NEAR(cx[i + 1] - cx[i], cx[1] - cx[0], 0.01);
    CHECK_NEAR(cy[0] - cy[1], 2 * st.score_height, 0.01);   /* -2 vs 0 */
    CHECK_NEAR(cy[1] - cy[3], 2 * st.score_height, 0.01);   /* 0 vs 2 */
    CHECK_NEAR(cy[2], cy[4], 0.01);                         /* 1 and 1 */
    /* one solid curve through every marker centre */
    CHECK(count_role(b.s, "emotions.curve") == 1, "one solid curve");
    const jm_item *c = &b.s->items[nth(b.s, "emotions.curve", 0)];
    CHECK(c->n_ops == 5 && c->ops[0].op == JM_OP_MOVE, "MOVE + 4 curves, got %zu ops", c->n_ops);
    for (size_t k = 0; k < c->n_ops && k < 5; k++) {
        CHECK_NEAR(c->ops[k].x, cx[k], 0.01);
        CHECK_NEAR(c->ops[k].y, cy[k], 0.01);
    }
    /* never overshoots: controls (hence the curve) inside each segment's end heights */
    for (size_t k = 1; k < c->n_ops; k++) {
        double lo = fmin(c->ops[k - 1].y, c->ops[k].y) - 1e-6, hi = fmax(c->ops[k - 1].y, c->ops[k].y) + 1e-6;
        CHECK(c->ops[k].y1 >= lo && c->ops[k].y1 <= hi && c->ops[k].y2 >= lo && c->ops[k].y2 <= hi,
              "segment %zu controls leave [%g, %g]", k, lo, hi);
    }
    double px[400], py[400];
    int m = curve_samples(b.s, px, py, 400, true);
    double top = cy[3], bottom = cy[0];
    int out = 0;
    for (int i = 0; i < m; i++) out += py[i] < top - 1e-6 || py[i] > bottom + 1e-6;
    CHECK(out == 0, "%d curve samples beyond the highest or lowest point", out);
    /* the plateau 2 -> 1 -> ... and the peak at step 4 are flat there */
    CHECK_NEAR(c->ops[3].y2, cy[3], 1e-6);
    CHECK_NEAR(c->ops[4].y1, cy[3], 1e-6);
    /* baseline at score 0, areas on their sides */
    int base = nth(b.s, "emotions.baseline", 0);
    CHECK(base >= 0, "a baseline");
    double by = b.s->items[base].y;
    CHECK_NEAR(by, cy[1], 0.01);
    int pos = 0, neg = 0;
    for (size_t i = 0; i < b.s->n_items; i++) {
        const jm_item *it = &b.s->items[i];
        bool p = role_is(it, "emotions.area.positive"), q = role_is(it, "emotions.area.negative");
        if (!p && !q) continue;
        pos += p; neg += q;
        CHECK(p ? it->y + it->h <= by + 0.01 : it->y >= by - 0.01, "%s crosses the baseline", it->role);
        CHECK(it->paint.fill.a > 0 && it->paint.stroke.a == 0, "areas are filled, not stroked");
    }
    CHECK(pos >= 1 && neg >= 1, "areas above (%d) and below (%d)", pos, neg);
    /* extremes: ringed markers and their own label roles */
    CHECK(count_role(b.s, "emotions.marker.high") == 1, "one high ring");
    CHECK(count_role(b.s, "emotions.marker.low") == 1, "one low ring");
    int hl = nth(b.s, "emotions.label.high", 0), ll = nth(b.s, "emotions.label.low", 0);
    CHECK(hl >= 0 && strcmp(b.s->items[hl].text, "Thrilled") == 0, "the highest label is Thrilled");
    CHECK(ll >= 0 && strcmp(b.s->items[ll].text, "Worried") == 0, "the lowest label is Worried");
    if (hl >= 0) CHECK(strstr(b.s->items[hl].font.desc, "Bold") != NULL, "the highest label is bold");
    int ring = nth(b.s, "emotions.marker.high", 0);
    if (ring >= 0) CHECK_NEAR(b.s->items[ring].x + b.s->items[ring].w / 2, cx[3], 0.01);
    /* emoji drawn as text in the emoji font; the point without emoji gets a dot */
    CHECK(count_role(b.s, "emotions.emoji") == 4, "four emoji");
    CHECK(count_role(b.s, "emotions.marker.dot") == 1, "one dot");
    int e = nth(b.s, "emotions.emoji", 0);
    if (e >= 0) CHECK(strstr(b.s->items[e].font.desc, "Emoji") != NULL, "emoji font: %s", b.s->items[e].font.desc);
    /* stage headers and step titles */
    CHECK(text_item(b.s, "Before") >= 0 && text_item(b.s, "After") >= 0, "stage names shown");
    CHECK(count_role(b.s, "emotions.step.title") == 5, "five step titles");
    CHECK_STR(b.s->title, "Five steps");
    done(&b);
}

/* Labels are clear of each other (checked by jm_scene_check), of every marker and of the curve. */
static int label_collisions(const jm_scene *s) {
    double px[20000], py[20000];
    int m = curve_samples(s, px, py, 20000, true), bad = 0;
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *l = &s->items[i];
        if (!role_starts(l, "emotions.label")) continue;
        for (int k = 0; k < m; k++)
            if (px[k] > l->x && px[k] < l->x + l->w && py[k] > l->y && py[k] < l->y + l->h) { bad++; break; }
        for (size_t j = 0; j < s->n_items; j++) {
            const jm_item *o = &s->items[j];
            if (!role_starts(o, "emotions.marker")) continue;
            if (l->x < o->x + o->w && o->x < l->x + l->w && l->y < o->y + o->h && o->y < l->y + l->h) bad++;
        }
    }
    return bad;
}

static void test_unscored_bridged(void) {
    built b = build("title: Gaps\n"
                    "steps:\n"
                    "  - {title: A, emotion: {label: Low, score: -1}}\n"
                    "  - {title: B, emotion: {label: Unknown}}\n"
                    "  - {title: C}\n"
                    "  - {title: D, emotion: {label: High, score: 1.5}}\n"
                    "  - {title: E, emotion: {label: Mid, score: 0.5}}\n", 0);
    CHECK(b.s != NULL, "unscored steps lay out");
    if (!b.s) { done(&b); return; }
    CHECK(jm_scene_check(b.s, stderr) == 0, "no layout defects");
    double cx[8], cy[8];
    CHECK(markers(b.s, cx, cy, 8) == 3, "markers only for the scored steps");
    CHECK(count_role(b.s, "emotions.curve.bridge") == 1, "one bridge over B and C");
    int br = nth(b.s, "emotions.curve.bridge", 0);
    if (br >= 0) {
        const jm_item *it = &b.s->items[br];
        CHECK(it->paint.dash.n > 0, "the bridge is dashed");
        CHECK_NEAR(it->ops[0].x, cx[0], 0.01);
        CHECK_NEAR(it->ops[it->n_ops - 1].x, cx[1], 0.01);
    }
    int solid = nth(b.s, "emotions.curve", 0);
    CHECK(solid >= 0 && b.s->items[solid].paint.dash.n == 0, "the measured part is solid");
    /* B and C still have their place on the axis, with a note, and no marker at 0 */
    CHECK(count_role(b.s, "emotions.step.number") == 5, "five step numbers");
    CHECK(count_role(b.s, "emotions.step.unscored") == 2, "two unscored notes");
    int nb = text_item(b.s, "2"), nd = text_item(b.s, "4"), na = text_item(b.s, "1");
    if (na >= 0 && nb >= 0 && nd >= 0) {
        double xa = b.s->items[na].x + b.s->items[na].w / 2, xb = b.s->items[nb].x + b.s->items[nb].w / 2;
        double xd = b.s->items[nd].x + b.s->items[nd].w / 2;
        CHECK_NEAR(xd - xa, 3 * (xb - xa), 0.01);   /* unscored steps keep their slots */
        CHECK_NEAR(cx[1], xd, 0.01);
    }
    /* the tint under the bridge tapers to the baseline at the unscored steps B and C (slots 2
     * and 3, a third and two thirds of the way): every area point there is on the baseline */
    int base = nth(b.s, "emotions.baseline", 0);
    CHECK(base >= 0, "a baseline");
    for (size_t i = 0; base >= 0 && i < b.s->n_items; i++) {
        const jm_item *it = &b.s->items[i];
        if (!role_starts(it, "emotions.area")) continue;
        for (size_t k = 0; k < it->n_ops; k++) {
            if (it->ops[k].op == JM_OP_CLOSE) continue;
            double x = it->ops[k].x, t = (x - cx[0]) / (cx[1] - cx[0]);
            if (fabs(t - 1.0 / 3) < 1e-3 || fabs(t - 2.0 / 3) < 1e-3)
                CHECK(fabs(it->ops[k].y - b.s->items[base].ops[0].y) < 0.01, "the tint pinches to the baseline at an unscored step");
        }
    }
    done(&b);
}

static void test_flat_has_no_extremes(void) {
    built b = build("title: Flat\nsteps:\n"
                    "  - {title: A, emotion: {label: Same, score: 1}}\n"
                    "  - {title: B, emotion: {label: Same, score: 1}}\n"
                    "  - {title: C, emotion: {label: Same, score: 1}}\n", 0);
    CHECK(b.s != NULL, "flat lays out");
    if (!b.s) { done(&b); return; }
    CHECK(count_role(b.s, "emotions.marker.high") == 0 && count_role(b.s, "emotions.marker.low") == 0,
          "a flat curve has no extremes");
    const jm_item *c = &b.s->items[nth(b.s, "emotions.curve", 0)];
    for (size_t k = 1; k < c->n_ops; k++) CHECK_NEAR(c->ops[k].y1, c->ops[0].y, 1e-9);
    done(&b);
}

static void test_stage_emotions(void) {
    built b = build("title: Stages\nstages:\n"
                    "  - {name: One, emotions: [{label: a, score: 1}, {label: b, score: -1}, {label: c, score: 0}]}\n"
                    "  - {name: Two, gap: true}\n"
                    "  - {name: Three, emotions: [{label: d, score: 2}, {label: e, score: -2, emoji: \"😣\"}]}\n", 0);
    CHECK(b.s != NULL, "stage emotions lay out");
    if (!b.s) { done(&b); return; }
    CHECK(jm_scene_check(b.s, stderr) == 0, "no layout defects");
    double cx[8], cy[8];
    CHECK(markers(b.s, cx, cy, 8) == 2, "a stage with several emotions is one point");
    int h1 = nth(b.s, "emotions.stage", 0), h3 = nth(b.s, "emotions.stage", 1), g = nth(b.s, "emotions.stage.gap", 0);
    CHECK(h1 >= 0 && h3 >= 0 && g >= 0, "two stage headers and a gap stage");
    if (h1 >= 0 && h3 >= 0) {
        const jm_item *a = &b.s->items[h1], *c = &b.s->items[h3];
        CHECK_NEAR(cx[0], a->x + a->w / 2, 0.01);   /* the one point in the middle of its band */
        CHECK_NEAR(cx[1], c->x + c->w / 2, 0.01);
        CHECK_NEAR(cy[0], cy[1], 0.01);             /* mean 0 of 1, -1, 0; mean 0 of 2, -2 */
    }
    int base = nth(b.s, "emotions.baseline", 0);
    if (base >= 0) CHECK_NEAR(cy[0], b.s->items[base].y, 0.01);   /* score 0: on the baseline */
    int l1 = -1;
    for (size_t i = 0; i < b.s->n_items; i++)
        if (b.s->items[i].kind == JM_ITEM_TEXT && b.s->items[i].text && !strcmp(b.s->items[i].text, "d\n😣 e")) l1 = (int)i;
    CHECK(l1 >= 0, "the label lists the stage's emotions, each with its emoji, one a line");
    CHECK(count_role(b.s, "emotions.band.gap") == 1, "the gap stage's band is greyed");
    CHECK(count_role(b.s, "emotions.step.number") == 0, "no step numbers for stage emotions");
    done(&b);
}

static void test_missing_and_errors(void) {
    const char *none = "title: None\nsteps:\n  - {title: A, emotion: {label: Meh}}\n";
    built b = build(none, 0);
    CHECK(b.j != NULL, "loads");
    if (b.j) {
        const char *why = jm_view_emotions.missing(b.j, b.a);
        CHECK(why && strstr(why, "score"), "missing says what: %s", why ? why : "(null)");
    }
    CHECK(b.s == NULL, "no scene without a score");
    CHECK(jm_diags_errors(b.d) == 1, "one error");
    done(&b);
    built ok = build(FIVE, 0);
    CHECK(ok.j && jm_view_emotions.missing(ok.j, ok.a) == NULL, "nothing missing with scores");
    CHECK_STR(jm_view_emotions.name, "emotions");
    done(&ok);
}

static void test_width_and_untitled(void) {
    built b = build(FIVE, 1000);
    CHECK(b.s && b.s->width == 1000, "--width is exact");
    done(&b);
    b = build(FIVE, 420);
    CHECK(b.s && b.s->width == 420 && jm_scene_check(b.s, stderr) == 0, "a narrow width still lays out cleanly");
    done(&b);
    b = build_opts(FIVE, 800, "default", false, false);
    CHECK(b.s && count_role(b.s, "emotions.title") == 0, "untitled leaves the title out");
    if (b.s) {
        double x0, y0, x1, y1;
        jm_scene_bounds(b.s, 0, &x0, &y0, &x1, &y1);
        CHECK(x0 >= 0 && y0 >= 0 && x1 <= b.s->width && y1 <= b.s->height, "everything on the canvas");
        int band = nth(b.s, "emotions.stage", 0);
        jm_style_common c = *jm_style_get_common(b.style);
        CHECK(band >= 0 && fabs(b.s->items[band].y - c.margin) < 0.01, "headers start at the margin");
    }
    done(&b);
}

static void test_thoughts(void) {
    built b = build_opts("title: T\nsteps:\n"
                         "  - {title: A, thoughts: [\"First thought, quite a long one that wraps.\"], emotion: {label: x, score: 1}}\n"
                         "  - {title: B, thoughts: [\"Second.\", \"Third.\"], emotion: {label: y, score: -1}}\n"
                         "  - {title: C, emotion: {label: z, score: 0}}\n", 0, "default", true, true);
    CHECK(b.s != NULL, "thoughts lay out");
    if (!b.s) { done(&b); return; }
    CHECK(jm_scene_check(b.s, stderr) == 0, "no layout defects with thoughts");
    CHECK(count_role(b.s, "emotions.thought") == 2, "a callout per step with thoughts");
    int t = nth(b.s, "emotions.thought", 1);
    if (t >= 0) {
        const jm_item *it = &b.s->items[t];
        CHECK(strcmp(it->text, "\u201cSecond.\u201d\n\u201cThird.\u201d") == 0, "real quotes, one per thought: %s", it->text);
        CHECK(strstr(it->font.desc, "Italic") != NULL, "thoughts are italic");
        CHECK(it->container >= 0 && role_is(&b.s->items[it->container], "emotions.thought.box"), "in its box");
    }
    done(&b);
    b = build(FIVE, 0);
    CHECK(b.s && count_role(b.s, "emotions.thought") == 0, "no thoughts unless asked");
    done(&b);
}

/* Sixty steps: labels thin out, the extremes keep theirs, nothing collides. */
static void test_sixty(void) {
    jm_arena *a = jm_arena_new();
    char *y = jm_arena_strdup(a, "title: Sixty\nstages: [{name: A}, {name: B}, {name: C}]\nsteps:\n");
    for (int i = 0; i < 60; i++) {
        double sc = i == 13 ? -2 : i == 41 ? 2 : ((i * 7) % 7 - 3) / 2.0;
        y = jm_arena_printf(a, "%s  - {title: S%d, stage: %s, emotion: {label: Feeling number %d, score: %g, emoji: \"🙂\"}}\n",
                            y, i + 1, i < 20 ? "a" : i < 40 ? "b" : "c", i + 1, sc);
    }
    for (int w = 0; w < 2; w++) {
        built b = build(y, w ? 900 : 0);
        CHECK(b.s != NULL, "sixty steps lay out");
        if (!b.s) { done(&b); continue; }
        CHECK(jm_scene_check(b.s, stderr) == 0, "sixty steps: no defects at width %d", w ? 900 : 0);
        int labels = count_role(b.s, "emotions.label") + count_role(b.s, "emotions.label.high") + count_role(b.s, "emotions.label.low");
        CHECK(labels < 60 && labels >= 5, "labels thinned: %d", labels);
        CHECK(text_item(b.s, "Feeling number 14") >= 0 && text_item(b.s, "Feeling number 42") >= 0, "extremes labelled");
        CHECK(text_item(b.s, "Feeling number 21") >= 0, "a stage boundary labelled");
        CHECK(label_collisions(b.s) == 0, "labels clear of markers and curve");
        done(&b);
    }
    jm_arena_free(a);
}

/* Every sample with scored emotions, every style, several widths, with and without thoughts. */
static void test_samples(void) {
    glob_t g;
    char *pat = NULL;
    jm_arena *a = jm_arena_new();
    pat = jm_arena_printf(a, "%s/samples/*.yaml", root);
    int laid = 0;
    if (glob(pat, 0, NULL, &g) == 0) {
        for (size_t f = 0; f < g.gl_pathc; f++) {
            size_t len;
            jm_diags *d = jm_diags_new();
            char *src = jm_read_file(g.gl_pathv[f], &len, d);
            jm_diags_free(d);
            if (!src) continue;
            static const char *const styles[] = { "default", "print", "dark" };
            static const double widths[] = { 0, 640, 1200 };
            for (int si = 0; si < 3; si++)
                for (int wi = 0; wi < 3; wi++) {
                    built b = build_file(g.gl_pathv[f], src, widths[wi], styles[si], wi == 1, true);
                    if (b.j && jm_view_emotions.missing(b.j, b.a) == NULL) {
                        CHECK(b.s != NULL, "%s lays out", g.gl_pathv[f]);
                        if (b.s) {
                            laid++;
                            CHECK(jm_scene_check(b.s, stderr) == 0, "%s %s width %g: no defects", g.gl_pathv[f],
                                  styles[si], widths[wi]);
                            CHECK(label_collisions(b.s) == 0, "%s %s width %g: labels clear", g.gl_pathv[f],
                                  styles[si], widths[wi]);
                        }
                    }
                    done(&b);
                }
            free(src);
        }
        globfree(&g);
    }
    CHECK(laid >= 6 * 9, "emotion samples laid out: %d", laid);
    printf("%d sample layouts checked\n", laid);
    jm_arena_free(a);
}

/* Actors: a Mermaid journey, two sections of 3 and 2 tasks; the actors per task in order. */
static const char *ACTORS =
    "journey\n"
    "  title Who took part\n"
    "  section First\n"
    "    Ask: 2: Alice, Adam\n"
    "    Answer: 4: Bob, Alice, Adam, Carol, Dave, Erin, Frank\n"
    "    Wait: 1: Alice\n"
    "  section Second\n"
    "    Pay: 3: Adam, Bob\n"
    "    Done: 5: Alice, Bob, Carol, Dave, Erin, Frank, Grace, Heidi, Ivan\n";
static const int ACTORS_PER_STEP[] = { 2, 7, 1, 2, 9 };
static const int ACTORS_STEPS_PER_BAND[] = { 3, 2 };

static bool boxes_overlap(const jm_item *a, const jm_item *b) {
    return a->x < b->x + b->w - 1e-6 && b->x < a->x + a->w - 1e-6 && a->y < b->y + b->h - 1e-6 && b->y < a->y + a->h - 1e-6;
}

static void check_actors(const char *style_name, double width) {
    built b = build_file("actors.mmd", ACTORS, width, style_name, false, true);
    CHECK(b.s != NULL, "actors %s %g: lays out", style_name, width);
    if (!b.s) { done(&b); return; }
    CHECK(jm_scene_check(b.s, stderr) == 0, "actors %s %g: no layout defects", style_name, width);
    /* the legend: one entry per actor, in order of first appearance, none overlapping another */
    CHECK(count_role(b.s, "emotions.legend.actor") == 10, "actors %s %g: ten legend entries, got %d", style_name, width,
          count_role(b.s, "emotions.legend.actor"));
    int a = text_item(b.s, "Alice"), ad = text_item(b.s, "Adam");
    CHECK(a >= 0 && ad > a, "legend: Alice before Adam");
    int ini_a = nth(b.s, "emotions.legend.actor.initial", 0), ini_ad = nth(b.s, "emotions.legend.actor.initial", 1);
    CHECK(ini_a >= 0 && ini_ad >= 0 && strcmp(b.s->items[ini_a].text, "A") == 0 && strcmp(b.s->items[ini_ad].text, "Ad") == 0,
          "initials are unique: A, Ad");
    jm_item entry[10];
    int n_entries = 0;
    for (size_t i = 0; i < b.s->n_items && n_entries < 10; i++) {
        if (!role_is(&b.s->items[i], "emotions.legend.actor")) continue;
        jm_item e = b.s->items[i];
        int name = -1;
        for (size_t k = i + 1; k < b.s->n_items && name < 0; k++)
            if (role_is(&b.s->items[k], "emotions.legend.name")) name = (int)k;
        if (name >= 0) {   /* the entry: dot and name */
            const jm_item *t = &b.s->items[name];
            double x1 = fmax(e.x + e.w, t->x + t->w), y1 = fmax(e.y + e.h, t->y + t->h);
            e.x = fmin(e.x, t->x); e.y = fmin(e.y, t->y); e.w = x1 - e.x; e.h = y1 - e.y;
        }
        entry[n_entries++] = e;
    }
    for (int i = 0; i < n_entries; i++)
        for (int k = i + 1; k < n_entries; k++)
            CHECK(!boxes_overlap(&entry[i], &entry[k]), "actors %s %g: legend entries %d and %d overlap", style_name, width, i, k);
    int header = nth(b.s, "emotions.stage", 0);
    for (int i = 0; i < n_entries && header >= 0; i++)
        CHECK(entry[i].y + entry[i].h <= b.s->items[header].y, "legend entry %d above the stage headers", i);
    /* the steps' dots: as many as each step names, each inside its step's column, none
     * overlapping another dot or any text */
    double col_x0[5], col_x1[5];
    int step = 0;
    for (int band = 0; band < 2; band++) {
        int bi = nth(b.s, "emotions.band", band);
        CHECK(bi >= 0, "band %d drawn", band);
        if (bi < 0) { done(&b); return; }
        const jm_item *bd = &b.s->items[bi];
        for (int k = 0; k < ACTORS_STEPS_PER_BAND[band]; k++, step++) {
            col_x0[step] = bd->x + k * bd->w / ACTORS_STEPS_PER_BAND[band];
            col_x1[step] = col_x0[step] + bd->w / ACTORS_STEPS_PER_BAND[band];
        }
    }
    int want = 0;
    for (int i = 0; i < 5; i++) want += ACTORS_PER_STEP[i];
    CHECK(count_role(b.s, "emotions.actor") == want, "actors %s %g: %d step dots, got %d", style_name, width, want,
          count_role(b.s, "emotions.actor"));
    int dot = 0;
    for (int i = 0; i < 5; i++)
        for (int k = 0; k < ACTORS_PER_STEP[i]; k++, dot++) {
            int d = nth(b.s, "emotions.actor", dot);
            if (d < 0) break;
            const jm_item *it = &b.s->items[d];
            CHECK(it->x >= col_x0[i] - 1e-6 && it->x + it->w <= col_x1[i] + 1e-6,
                  "actors %s %g: dot %d of step %d inside its column [%.1f, %.1f], at [%.1f, %.1f]", style_name, width,
                  k, i + 1, col_x0[i], col_x1[i], it->x, it->x + it->w);
            for (size_t m = 0; m < b.s->n_items; m++) {
                const jm_item *o = &b.s->items[m];
                bool other_dot = role_is(o, "emotions.actor") && (int)m != d;
                bool is_text = o->kind == JM_ITEM_TEXT && !role_is(o, "emotions.actor.initial");
                if ((other_dot || is_text) && boxes_overlap(it, o))
                    CHECK(false, "actors %s %g: dot %d of step %d overlaps %s", style_name, width, k, i + 1, o->role);
            }
        }
    /* black and white: every dot carries its initial at the natural width */
    if (width == 0)
        CHECK(count_role(b.s, "emotions.actor.initial") == want, "actors %s: every step dot has its initial", style_name);
    done(&b);
}

static void test_actors(void) {
    const char *styles[] = { "default", "print", "dark" };
    const double widths[] = { 0, 420, 1600 };
    for (int s = 0; s < 3; s++)
        for (int w = 0; w < 3; w++) check_actors(styles[s], widths[w]);
    /* the YAML form says the same */
    built b = build("title: T\nsteps:\n  - {title: One, actors: [Ann, Ben], emotion: {score: 1}}\n"
                    "  - {title: Two, actors: Ann, emotion: {score: -1}}\n", 0);
    CHECK(b.s && count_role(b.s, "emotions.actor") == 3 && count_role(b.s, "emotions.legend.actor") == 2,
          "YAML actors: three dots, two legend entries");
    done(&b);
    /* no actors, no legend */
    b = build(FIVE, 0);
    CHECK(b.s && count_role(b.s, "emotions.legend.actor") == 0 && count_role(b.s, "emotions.actor") == 0,
          "without actors nothing of them is drawn");
    done(&b);
}

int main(void) {
    root = getenv("ROOT") ? getenv("ROOT") : ".";
    jm_diags *d = jm_diags_new();
    char fonts[4096];
    snprintf(fonts, sizeof fonts, "%s/fonts", root);
    text = jm_text_new(fonts, NULL, d);
    if (!text) { jm_diags_print(d, stderr, 0); return 1; }
    test_curve_through_points();
    test_unscored_bridged();
    test_flat_has_no_extremes();
    test_stage_emotions();
    test_missing_and_errors();
    test_width_and_untitled();
    test_thoughts();
    test_sixty();
    test_samples();
    test_actors();
    jm_text_free(text);
    jm_diags_free(d);
    return CHECK_DONE();
}
