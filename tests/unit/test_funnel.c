/* test_funnel.c - geometry of the funnel view on small journeys: stage order, one row height,
 * shared column width, text inside its boxes, gap stages, cards per column, fitting 1920 pt. */
#include "check.h"
#include "scene_query.h"
#include "funnel.h"
#include "load.h"
#include "shapes.h"
#include <stdlib.h>

static const char *root;
static jm_text *text;

/* One laid-out journey: its arena owns model, style and scene. */
typedef struct { jm_arena *a; jm_diags *d; const jm_journey *j; const jm_style *style; jm_scene *s; } built;

static built build(const char *yaml, double width, const char *style_name) {
    built b = { jm_arena_new(), jm_diags_new(), NULL, NULL, NULL };
    char *styles = jm_arena_printf(b.a, "%s/styles", root);
    b.j = jm_load_journey(b.a, "test.yaml", yaml, strlen(yaml), b.d);
    b.style = jm_style_load(b.a, style_name, styles, b.d);
    if (!b.j || !b.style) { jm_diags_print(b.d, stderr, 0); return b; }
    jm_layout_ctx ctx = { .journey = b.j, .style = b.style, .text = text, .arena = b.a, .diags = b.d, .width = width };
    jm_doc *doc = jm_doc_new(b.a);
    if (jm_view_funnel.layout(&ctx, doc) && doc->n_pages == 1) b.s = doc->pages[0].scene;
    else jm_diags_print(b.d, stderr, 0);
    return b;
}

static void done(built *b) { jm_arena_free(b->a); jm_diags_free(b->d); }

/* The n-th item (0-based) whose role is `role`, or -1. */
static int nth(const jm_scene *s, const char *role, int n) {
    for (size_t i = 0; i < s->n_items; i++)
        if (s->items[i].role && strcmp(s->items[i].role, role) == 0 && n-- == 0) return (int)i;
    return -1;
}

static bool is_stage(const jm_item *it) {
    return it->kind == JM_ITEM_PATH && it->role &&
           (strcmp(it->role, "funnel.stage") == 0 || strcmp(it->role, "funnel.stage.gap") == 0);
}

/* Indices of the chevrons in item order; returns how many. */
static int stages(const jm_scene *s, int *out, int max) {
    int n = 0;
    for (size_t i = 0; i < s->n_items && n < max; i++)
        if (is_stage(&s->items[i])) out[n++] = (int)i;
    return n;
}

static bool inside(const jm_item *in, const jm_item *out) {
    const double e = 0.01;
    return in->x >= out->x - e && in->y >= out->y - e && in->x + in->w <= out->x + out->w + e &&
           in->y + in->h <= out->y + out->h + e;
}

static bool boxes_overlap(const jm_item *a, const jm_item *b) {
    return a->x < b->x + b->w - 0.01 && b->x < a->x + a->w - 0.01 && a->y < b->y + b->h - 0.01 && b->y < a->y + a->h - 0.01;
}

/* True when a wrapped line of the text starts inside a word (not after a space or hyphen). */
static bool breaks_word(const jm_item *it) {
    PangoLayout *l = it->block.layout;
    const char *t = pango_layout_get_text(l);
    for (int k = 1; k < pango_layout_get_line_count(l); k++) {
        int at = pango_layout_get_line_readonly(l, k)->start_index;
        if (at > 0 && t[at - 1] != ' ' && t[at - 1] != '-' && t[at - 1] != '\n') return true;
    }
    return false;
}

static size_t defects(const jm_scene *s) { return jm_scene_check(s, stderr); }

static const char *CJ =
    "title: Customer journeys\n"
    "subtitle: Eight scenarios written from the customer's point of view, covering the path from first encounter.\n"
    "stages:\n"
    "  - name: Awareness\n"
    "    count: 3\n"
    "    unit: journeys\n"
    "    need: First encounter, what does the customer see when the mandate lands?\n"
    "    items:\n"
    "      - {title: it-just-runs, who: Petra Novák (participant), text: finds a managed connector path.}\n"
    "      - {title: five-months-of-procurement-half-a-day-the-second, who: Thomas Brandt, text: builds scaffolding.}\n"
    "  - name: Evaluation\n"
    "    count: 4\n"
    "    unit: journeys\n"
    "    duration: 1-3 months\n"
    "    items:\n"
    "      - {title: our-infrastructure-their-expertise, who: Dirk Wassermann, text: procures vendor expertise.}\n"
    "  - {name: Onboarding, count: 1, unit: journey}\n"
    "  - {name: Running, count: 0, note: v2 gap, gap: true, items: [{title: later, text: not yet}]}\n"
    "  - {name: Scaling, count: 0, note: v2 gap, gap: true}\n";

static void test_stages_in_order_one_row(void) {
    built b = build(CJ, 0, "default");
    CHECK(b.s != NULL, "layout failed");
    if (!b.s) { done(&b); return; }
    int st[8];
    int n = stages(b.s, st, 8);
    CHECK(n == 5, "%d chevrons, want 5", n);
    const char *names[] = { "Awareness", "Evaluation", "Onboarding", "Running", "Scaling" };
    for (int i = 0; i < n; i++) {
        const jm_item *c = &b.s->items[st[i]];
        int t = text_item(b.s, names[i]);
        CHECK(t >= 0 && b.s->items[t].container == st[i], "name %s in chevron %d", names[i], i);
        CHECK_NEAR(c->y, b.s->items[st[0]].y, 0.01);
        CHECK_NEAR(c->h, b.s->items[st[0]].h, 0.01);
        CHECK(c->n_ops == 7, "chevron %d has %zu ops", i, c->n_ops);
        /* first flat, others notched; all pointed */
        double notch = c->ops[5].x - c->ops[4].x;
        CHECK(i == 0 ? fabs(notch) < 0.01 : notch > 4, "chevron %d notch %g", i, notch);
        CHECK(c->ops[2].x > c->ops[1].x + 4, "chevron %d has a point", i);
        if (i > 0) {
            const jm_item *p = &b.s->items[st[i - 1]];
            CHECK(c->x > p->x, "chevron %d right of %d", i, i - 1);
            /* the point of the previous chevron nests in this one's notch, with a gap */
            double tip = p->ops[2].x, vertex = c->ops[5].x;
            CHECK(vertex > tip + 0.5 && vertex < tip + 12, "tip %g vertex %g", tip, vertex);
        }
    }
    /* every text of a chevron stays in it and none overlap */
    CHECK(defects(b.s) == 0, "defects in the customer-journeys funnel");
    for (size_t i = 0; i < b.s->n_items; i++) {
        const jm_item *it = &b.s->items[i];
        if (it->kind == JM_ITEM_TEXT && it->container >= 0)
            CHECK(inside(it, &b.s->items[it->container]), "text '%s' inside its box", it->text);
    }
    /* the count and its unit on one baseline, the count larger */
    int c3 = text_item(b.s, "3"), u3 = nth(b.s, "funnel.stage.unit", 0);
    CHECK(c3 >= 0 && u3 >= 0, "count and unit present");
    if (c3 >= 0 && u3 >= 0) {
        const jm_item *c = &b.s->items[c3], *u = &b.s->items[u3];
        CHECK_STR(u->text, "journeys");
        CHECK_NEAR(c->y + c->block.baseline, u->y + u->block.baseline, 0.01);
        CHECK(c->font.size > u->font.size, "count %g larger than unit %g", c->font.size, u->font.size);
        CHECK(u->x >= c->x + c->w, "unit after the count");
    }
    /* title and subtitle at the top; scene metadata from the journey */
    int ti = nth(b.s, "funnel.title", 0), su = nth(b.s, "funnel.subtitle", 0);
    CHECK(ti >= 0 && su >= 0, "title and subtitle");
    if (ti >= 0 && su >= 0) {
        CHECK(b.s->items[su].y >= b.s->items[ti].y + b.s->items[ti].h, "subtitle under the title");
        CHECK(b.s->items[su].y + b.s->items[su].h < b.s->items[st[0]].y, "chevrons under the subtitle");
    }
    CHECK_STR(b.s->title, "Customer journeys");
    CHECK(b.s->desc && strncmp(b.s->desc, "Eight scenarios", 15) == 0, "desc is the subtitle");
    done(&b);
}

static void test_gap_stages(void) {
    built b = build(CJ, 0, "default");
    if (!b.s) { CHECK(0, "layout failed"); done(&b); return; }
    const jm_style_common *c = jm_style_get_common(b.style);
    int st[8];
    int n = stages(b.s, st, 8);
    for (int i = 0; i < n; i++) {
        const jm_item *it = &b.s->items[st[i]];
        bool gap = i >= 3;
        CHECK(gap == (strcmp(it->role, "funnel.stage.gap") == 0), "stage %d gap role", i);
        if (gap) {
            CHECK(it->paint.fill.r == c->gap_fill.r && it->paint.fill.a > 0, "gap fill");
            CHECK(it->paint.stroke.r == c->gap_stroke.r && it->paint.stroke.a > 0, "gap stroke");
            CHECK(it->paint.dash.n > 0, "gap stage dashed");
        } else {
            CHECK(it->paint.dash.n == 0, "covered stage solid");
            CHECK(it->paint.fill.r != c->gap_fill.r || it->paint.fill.b != c->gap_fill.b, "covered stage not grey");
        }
    }
    int note = text_item(b.s, "v2 gap");
    CHECK(note >= 0 && b.s->items[note].color.r == c->gap_text.r, "gap note in gap text colour");
    int gc = nth(b.s, "funnel.card.gap", 0);
    CHECK(gc >= 0 && b.s->items[gc].paint.dash.n > 0, "card under a gap stage greyed and dashed");
    int later = text_item(b.s, "later");
    CHECK(later >= 0 && b.s->items[later].color.r == c->gap_text.r, "gap card text greyed");
    done(&b);
}

/* Cards sit in their stage's column, stacked top to bottom, below the chevrons, all as wide as
 * each other; chips and needs are between chevrons and cards. */
static void test_cards_in_columns(void) {
    built b = build(CJ, 0, "default");
    if (!b.s) { CHECK(0, "layout failed"); done(&b); return; }
    int st[8];
    stages(b.s, st, 8);
    double row_bottom = b.s->items[st[0]].y + b.s->items[st[0]].h;
    int n = 0;
    double w0 = -1;
    const jm_item *prev = NULL;
    const char *owner[] = { "Awareness", "Awareness", "Evaluation", "Running" };
    for (size_t i = 0; i < b.s->n_items; i++) {
        const jm_item *it = &b.s->items[i];
        if (it->kind != JM_ITEM_RECT || strncmp(it->role, "funnel.card", 11) != 0) continue;
        if (w0 < 0) w0 = it->w;
        CHECK_NEAR(it->w, w0, 0.01);
        CHECK(it->y > row_bottom, "card %d below the chevrons", n);
        /* under its own stage: the card's centre is inside its chevron's span */
        const jm_item *chev = &b.s->items[b.s->items[text_item(b.s, owner[n < 4 ? n : 3])].container];
        double mid = it->x + it->w / 2;
        CHECK(mid > chev->x && mid < chev->x + chev->w, "card %d under %s", n, owner[n < 4 ? n : 3]);
        if (prev && fabs(prev->x - it->x) < 0.01) CHECK(it->y >= prev->y + prev->h + 4, "cards stacked with a gap");
        if (prev) CHECK(!boxes_overlap(prev, it), "cards do not overlap");
        CHECK(it->radius > 0, "rounded card");
        prev = it;
        n++;
    }
    CHECK(n == 4, "%d cards, want 4", n);
    /* padding >= 8 on every side of card text */
    for (size_t i = 0; i < b.s->n_items; i++) {
        const jm_item *it = &b.s->items[i];
        if (it->kind != JM_ITEM_TEXT || strncmp(it->role, "funnel.card.", 12) != 0) continue;
        const jm_item *card = &b.s->items[it->container];
        CHECK(it->x >= card->x + 8 - 0.01 && it->y >= card->y + 8 - 0.01 && it->x + it->w <= card->x + card->w - 8 + 0.01,
              "card text '%s' padded", it->text);
    }
    int need = nth(b.s, "funnel.need", 0), chip = nth(b.s, "funnel.chip", 0);
    CHECK(need >= 0 && chip >= 0, "need and chip drawn");
    if (need >= 0 && chip >= 0) {
        const jm_item *nd = &b.s->items[need], *cp = &b.s->items[chip];
        CHECK(cp->y >= row_bottom && nd->y >= cp->y + cp->h, "chevrons, then chips, then needs");
        int first_card = nth(b.s, "funnel.card", 0);
        CHECK(b.s->items[first_card].y >= nd->y + nd->h, "cards under the needs");
        const jm_item *chev = &b.s->items[st[1]];
        double mid = cp->x + cp->w / 2;
        CHECK(mid > chev->x && mid < chev->x + chev->w, "chip under the Evaluation chevron");
        int ct = text_item(b.s, "1-3 months");
        CHECK(ct >= 0 && b.s->items[ct].container == chip, "chip text in its chip");
    }
    done(&b);
}

/* A longer name makes the row taller (it wraps); a long unbroken word widens the columns. */
/* Transitions: small text under the chevrons, centred on the junction before its stage, never
 * overlapping each other or the chevrons, also when a narrow canvas wraps the row. */
static void test_transitions(void) {
    const char *yaml = "title: T\nstages:\n  - {name: Awareness}\n"
                       "  - {name: Consideration, transition: compares plans and prices on the website}\n"
                       "  - {name: Purchase, transition: pays}\n  - {name: Retention, transition: renews}\n";
    for (int pass = 0; pass < 2; pass++) {
        built b = build(yaml, pass ? 300 : 0, "default");
        CHECK(b.s != NULL, "layout");
        if (!b.s) { done(&b); continue; }
        CHECK(count_role(b.s, "funnel.transition") == 3, "three transitions");
        int st[4];
        int n = stages(b.s, st, 4);
        CHECK(n == 4, "four chevrons");
        for (int k = 0; k < 3 && n == 4; k++) {
            const jm_item *t = &b.s->items[nth(b.s, "funnel.transition", k)];
            const jm_item *next = &b.s->items[st[k + 1]], *prev = &b.s->items[st[k]];
            CHECK(t->y >= next->y + next->h, "transition %d under its chevron", k);
            if (fabs(prev->y - next->y) < 0.01) {   /* same row: centred on the junction */
                double mid = t->x + t->w / 2;
                CHECK(mid > prev->x + prev->w / 2 && mid < next->x + next->w / 2, "transition %d between its chevrons", k);
            } else CHECK(t->x >= next->x - 0.01, "transition %d from its column when the row wraps", k);
        }
        CHECK(defects(b.s) == 0, "clean layout (width %d)", pass ? 300 : 0);
        done(&b);
    }
}

static void test_boxes_grow(void) {
    built a = build("title: T\nstages: [{name: Awareness, count: 3, unit: journeys}, {name: B}]\n", 0, "default");
    built b = build("title: T\nstages: [{name: Awareness of the mandate and its many consequences for the supplier, count: 3, unit: journeys}, {name: B}]\n",
                    0, "default");
    built c = build("title: T\nstages: [{name: Supercalifragilisticexpialidociousnesses, count: 3}, {name: B}]\n", 0, "default");
    if (!a.s || !b.s || !c.s) { CHECK(0, "layout failed"); done(&a); done(&b); done(&c); return; }
    int sa[2], sb[2], sc[2];
    stages(a.s, sa, 2); stages(b.s, sb, 2); stages(c.s, sc, 2);
    CHECK(b.s->items[sb[0]].h > a.s->items[sa[0]].h, "long name: taller row (%g vs %g)", b.s->items[sb[0]].h, a.s->items[sa[0]].h);
    CHECK_NEAR(b.s->items[sb[1]].h, b.s->items[sb[0]].h, 0.01);
    int nm = text_item(b.s, "Awareness of the mandate and its many consequences for the supplier");
    CHECK(nm >= 0 && b.s->items[nm].block.lines >= 2, "long name wraps");
    CHECK(c.s->items[sc[0]].w > a.s->items[sa[0]].w, "long word: wider column (%g vs %g)", c.s->items[sc[0]].w, a.s->items[sa[0]].w);
    int w = text_item(c.s, "Supercalifragilisticexpialidociousnesses");
    CHECK(w >= 0 && c.s->items[w].block.lines == 1, "the long word is not broken when it can fit");
    CHECK(defects(a.s) == 0 && defects(b.s) == 0 && defects(c.s) == 0, "no defects");
    done(&a); done(&b); done(&c);
}

/* A 40-letter word in a card title, wider than the widest column, breaks inside the card. */
static void test_long_word_breaks(void) {
    const char *y =
        "title: T\n"
        "stages:\n"
        "  - name: A\n"
        "    items: [{title: Pneumonoultramicroscopicsilicovolcanoconiosisxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, who: W, text: x}]\n";
    built b = build(y, 0, "default");
    if (!b.s) { CHECK(0, "layout failed"); done(&b); return; }
    int t = nth(b.s, "funnel.card.title", 0);
    CHECK(t >= 0, "card title");
    if (t >= 0) {
        const jm_item *it = &b.s->items[t];
        CHECK(inside(it, &b.s->items[it->container]), "long word inside its card");
        CHECK(it->block.lines >= 2 && breaks_word(it), "long word broken (%d lines)", it->block.lines);
    }
    CHECK(defects(b.s) == 0, "no defects");
    done(&b);

    /* and a 40-letter word at a narrow fixed width */
    built n = build("title: T\nstages: [{name: A, items: [{title: abcdefghijabcdefghijabcdefghijabcdefghij}]}, "
                    "{name: B}, {name: C}, {name: D}, {name: E}, {name: F}]\n", 600, "default");
    if (!n.s) { CHECK(0, "layout failed"); done(&n); return; }
    t = nth(n.s, "funnel.card.title", 0);
    CHECK(t >= 0 && inside(&n.s->items[t], &n.s->items[n.s->items[t].container]), "40-letter word inside its card at 600 pt");
    CHECK_NEAR(n.s->width, 600, 0.01);
    CHECK(defects(n.s) == 0, "no defects at 600 pt");
    done(&n);
}

/* Twenty stages at 1920 pt: the canvas is exactly 1920 wide, nothing spills, type stays at or
 * above the style's minimum. */
static void test_twenty_stages_1920(void) {
    char *y = malloc(1 << 16);
    size_t n = (size_t)sprintf(y, "title: Twenty stages\nsubtitle: A long funnel to check that it still reads on a 1920 screen.\nstages:\n");
    for (int i = 0; i < 20; i++)
        n += (size_t)sprintf(y + n, "  - name: Stage number %d of the journey\n    count: %d\n    unit: journeys\n"
                                    "    note: a note\n    duration: 2-4 weeks\n    need: Something they need here\n"
                                    "    gap: %s\n    items:\n      - {title: card-%d-with-a-long-slug-title, who: Someone (role), "
                                    "text: A sentence or two of body text that has to wrap inside a narrow card.}\n",
                             i + 1, i * 7, i >= 17 ? "true" : "false", i);
    built b = build(y, 1920, "default");
    free(y);
    if (!b.s) { CHECK(0, "layout failed"); done(&b); return; }
    CHECK_NEAR(b.s->width, 1920, 0.01);
    int st[32];
    CHECK(stages(b.s, st, 32) == 20, "20 chevrons");
    CHECK(defects(b.s) == 0, "no defects at 1920");
    const jm_style_common *c = jm_style_get_common(b.style);
    double minf = 1e9;
    for (size_t i = 0; i < b.s->n_items; i++) {
        const jm_item *it = &b.s->items[i];
        CHECK(it->x >= -0.01 && it->x + it->w <= 1920.01, "item %zu inside the canvas", i);
        if (it->kind == JM_ITEM_TEXT) minf = fmin(minf, it->font.size);
    }
    CHECK(minf >= c->min_font_px - 0.01, "smallest font %g >= %g", minf, c->min_font_px);
    int last = st[19];
    CHECK(b.s->items[last].x + b.s->items[last].w <= 1920 - c->margin + 0.01, "last chevron within the margin");
    for (int i = 1; i < 20; i++) {
        CHECK_NEAR(b.s->items[st[i]].y, b.s->items[st[0]].y, 0.01);
        CHECK(b.s->items[st[i]].x > b.s->items[st[i - 1]].x, "stage %d right of %d", i, i - 1);
    }
    done(&b);

    /* twenty stages at 600 pt wrap onto balanced rows, read left to right, top to bottom */
    y = malloc(1 << 14);
    n = (size_t)sprintf(y, "title: Twenty\nstages:\n");
    for (int i = 0; i < 20; i++)
        n += (size_t)sprintf(y + n, "  - {name: Impression %d, count: %d, unit: people, items: [{title: card %d}]}\n", i, 250000 - i, i);
    b = build(y, 600, "default");
    free(y);
    if (!b.s) { CHECK(0, "layout failed"); done(&b); return; }
    CHECK_NEAR(b.s->width, 600, 0.01);
    CHECK(defects(b.s) == 0, "no defects at 600");
    CHECK(stages(b.s, st, 32) == 20, "20 chevrons");
    int rows = 1, in_row = 1, max_in_row = 1, min_in_row = 20;
    for (int i = 1; i < 20; i++) {
        const jm_item *p = &b.s->items[st[i - 1]], *q = &b.s->items[st[i]];
        if (fabs(q->y - p->y) < 0.01) { CHECK(q->x > p->x, "stage %d right of %d in a row", i, i - 1); in_row++; }
        else {
            CHECK(q->y > p->y + p->h, "row %d below row %d", rows, rows - 1);
            CHECK(q->x < p->x, "a new row starts at the left");
            /* the cards of the previous row end above the next row */
            int card = nth(b.s, "funnel.card", i - 1);
            CHECK(card >= 0 && b.s->items[card].y + b.s->items[card].h < q->y, "cards above the next row");
            max_in_row = max_in_row > in_row ? max_in_row : in_row;
            min_in_row = min_in_row < in_row ? min_in_row : in_row;
            rows++; in_row = 1;
        }
    }
    max_in_row = max_in_row > in_row ? max_in_row : in_row;
    min_in_row = min_in_row < in_row ? min_in_row : in_row;
    CHECK(rows >= 2 && rows <= 6, "%d rows", rows);
    CHECK(max_in_row - min_in_row <= 1, "balanced rows (%d to %d)", min_in_row, max_in_row);
    for (int i = 0; i < 20; i++) CHECK(b.s->items[st[i]].n_ops == 7, "chevron");
    for (int i = 0; i < 20; i++) {
        int nm = nth(b.s, "funnel.stage.name", i);
        CHECK(nm >= 0 && !breaks_word(&b.s->items[nm]), "name '%s' does not break inside a word", b.s->items[nm].text);
    }
    done(&b);

    /* two stages at 1920: the columns stay readable and the band is centred */
    built w = build("title: T\nstages: [{name: A, count: 1}, {name: B, count: 2}]\n", 1920, "default");
    if (!w.s) { CHECK(0, "layout failed"); done(&w); return; }
    CHECK_NEAR(w.s->width, 1920, 0.01);
    stages(w.s, st, 2);
    CHECK(w.s->items[st[0]].w <= 400, "columns capped (%g)", w.s->items[st[0]].w);
    CHECK(defects(w.s) == 0, "no defects");
    done(&w);
}

static void test_styles_and_missing(void) {
    const char *names[] = { "default", "print", "dark" };
    for (int i = 0; i < 3; i++) {
        built b = build(CJ, 0, names[i]);
        CHECK(b.s != NULL && defects(b.s) == 0, "style %s lays out cleanly", names[i]);
        if (b.s) CHECK(b.s->background.r == jm_style_get_common(b.style)->background.r, "background from %s", names[i]);
        done(&b);
    }
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    const char *no = "title: T\n", *yes = "title: T\nstages: [{name: A}]\n";
    const jm_journey *j = jm_load_journey(a, "t.yaml", no, strlen(no), d);
    CHECK(j && jm_view_funnel.missing(j, a) && strcmp(jm_view_funnel.missing(j, a), "the file has no stages") == 0,
          "missing without stages");
    j = jm_load_journey(a, "t.yaml", yes, strlen(yes), d);
    CHECK(j && jm_view_funnel.missing(j, a) == NULL, "nothing missing with stages");
    CHECK_STR(jm_view_funnel.name, "funnel");
    jm_diags_free(d);
    jm_arena_free(a);
}

/* Text with emoji, accents, CJK and RTL; a stage with nothing but a name; counts that are not
 * whole numbers. */
static void test_odd_text(void) {
    built b = build("title: \"Petra · 旅程 😟\"\nstages:\n  - {name: \"Início 🚀\", count: 2.5, unit: \"שבועות\"}\n"
                    "  - {name: \"評価\", note: \"مرحبا بالعالم\"}\n  - {name: X, count: 1234567}\n", 0, "default");
    CHECK(b.s && defects(b.s) == 0, "unicode funnel lays out cleanly");
    if (b.s) {
        CHECK(text_item(b.s, "2.5") >= 0, "fractional count shown as 2.5");
        CHECK(text_item(b.s, "1,234,567") >= 0, "large count shown whole and grouped");
    }
    done(&b);
}

int main(void) {
    root = getenv("ROOT") ? getenv("ROOT") : ".";
    char fonts[4096];
    snprintf(fonts, sizeof fonts, "%s/fonts", root);
    jm_diags *d = jm_diags_new();
    text = jm_text_new(fonts, NULL, d);
    if (!text) { jm_diags_print(d, stderr, 0); return 1; }
    test_stages_in_order_one_row();
    test_gap_stages();
    test_cards_in_columns();
    test_boxes_grow();
    test_long_word_breaks();
    test_twenty_stages_1920();
    test_styles_and_missing();
    test_odd_text();
    test_transitions();
    jm_text_free(text);
    jm_diags_free(d);
    return CHECK_DONE();
}
