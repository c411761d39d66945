/* test_sequence.c - geometry of the sequence view on small journeys: lifeline order, gaps that
 * grow with labels, frames, bars, notes, self-messages, badges, delays, fitting, 400 messages. */
#include "check.h"
#include "scene_query.h"
#include "load.h"
#include "path.h"
#include "sequence.h"
#include <stdlib.h>

static const char *root;
static jm_text *text;

/* One laid-out journey: its arena owns model, style and scenes. */
typedef struct { jm_arena *a; jm_diags *d; const jm_journey *j; jm_doc *doc; jm_scene *s; } built;

static built build_ex(const char *yaml, const char *style, double width, double page_w, double page_h) {
    built b = { jm_arena_new(), jm_diags_new(), NULL, NULL, NULL };
    char *styles = jm_arena_printf(b.a, "%s/styles", root);
    b.j = jm_load_journey(b.a, "test.yaml", yaml, strlen(yaml), b.d);
    const jm_style *st = jm_style_load(b.a, style, styles, b.d);
    if (!b.j || !st) { jm_diags_print(b.d, stderr, 0); return b; }
    jm_layout_ctx ctx = { .journey = b.j, .style = st, .text = text, .arena = b.a, .diags = b.d,
                          .width = width, .page_width = page_w, .page_height = page_h };
    b.doc = jm_doc_new(b.a);
    if (jm_view_sequence.layout(&ctx, b.doc) && b.doc->n_pages >= 1) b.s = b.doc->pages[0].scene;
    else jm_diags_print(b.d, stderr, 0);
    return b;
}

static built build(const char *yaml) { return build_ex(yaml, "default", 0, 0, 0); }
static void done(built *b) { jm_arena_free(b->a); jm_diags_free(b->d); }

/* The n-th item (0-based) whose role is `role`, or -1. */
static int nth(const jm_scene *s, const char *role, int n) {
    for (size_t i = 0; i < s->n_items; i++)
        if (role_is(&s->items[i], role) && n-- == 0) return (int)i;
    return -1;
}

/* The message line (any kind) whose label is `label`: the path item just before it. */
static const jm_item *message_of(const jm_scene *s, const char *label) {
    int t = text_item(s, label);
    for (int i = t; i >= 0; i--)
        if (s->items[i].kind == JM_ITEM_PATH && s->items[i].role && strncmp(s->items[i].role, "sequence.message.", 17) == 0
            && !role_is(&s->items[i], "sequence.message.circle"))
            return &s->items[i];
    return NULL;
}

/* x of the k-th lifeline (they come one per participant, in participant order, without delays). */
static double lifeline_x(const jm_scene *s, int k) {
    int i = nth(s, "sequence.lifeline", k);
    return i < 0 ? NAN : s->items[i].x;
}

static bool inside(const jm_item *in, const jm_item *out) {
    const double e = 0.01;
    return in->x >= out->x - e && in->y >= out->y - e && in->x + in->w <= out->x + out->w + e &&
           in->y + in->h <= out->y + out->h + e;
}

static size_t defects(const jm_doc *doc) {
    size_t n = 0;
    for (size_t i = 0; i < doc->n_pages; i++) n += jm_scene_check(doc->pages[i].scene, stderr);
    return n;
}

#define HEAD "title: T\nsequence:\n  participants:\n    - {id: A}\n    - {id: B}\n    - {id: C}\n  messages:\n"

static void test_order_and_heads(void) {
    built b = build("title: T\nsequence:\n  participants:\n"
                    "    - {id: Z, label: Zed}\n    - {id: A, label: Alpha, kind: actor}\n"
                    "    - {id: S, label: Server, kind: system}\n    - {id: D, label: Store, kind: database}\n"
                    "  messages:\n    - \"Z->>D: hello\"\n");
    CHECK(b.s != NULL, "layout");
    if (!b.s) { done(&b); return; }
    for (int k = 0; k + 1 < 4; k++)
        CHECK(lifeline_x(b.s, k) < lifeline_x(b.s, k + 1), "lifeline %d left of %d", k, k + 1);
    const char *names[] = { "Zed", "Alpha", "Server", "Store" };
    for (int k = 0; k < 4; k++) {   /* each name centred on its lifeline, at the top and the bottom */
        int t = text_item(b.s, names[k]);
        CHECK(t >= 0, "name %s", names[k]);
        if (t >= 0) CHECK_NEAR(b.s->items[t].x + b.s->items[t].w / 2, lifeline_x(b.s, k), 0.5);
    }
    CHECK(count_role(b.s, "sequence.participant.name") == 8, "names at the top and the bottom: %d",
          count_role(b.s, "sequence.participant.name"));
    CHECK(count_role(b.s, "sequence.actor") == 2, "stick figure twice");
    CHECK(count_role(b.s, "sequence.participant.band") == 2, "system header band twice");
    CHECK(count_role(b.s, "sequence.participant.rim") == 2, "database rim twice");
    /* the lifelines start under the heads and end above the bottom heads */
    int box = nth(b.s, "sequence.participant", 0), lf = nth(b.s, "sequence.lifeline", 0);
    CHECK_NEAR(b.s->items[lf].y, b.s->items[box].y + b.s->items[box].h, 0.01);
    int bottom = nth(b.s, "sequence.participant", 3);
    CHECK_NEAR(b.s->items[lf].y + b.s->items[lf].h, b.s->items[bottom].y, 0.01);
    CHECK(b.s->items[lf].paint.dash.n > 0, "lifelines dashed");
    CHECK_STR(b.s->title, "T");
    CHECK(defects(b.doc) == 0, "no defects");
    done(&b);
}

static void test_gaps_grow(void) {
    built s = build(HEAD "    - \"A->>B: hi\"\n");
    built l = build(HEAD "    - \"A->>B: a much longer label that needs room between the lifelines\"\n");
    CHECK(s.s && l.s, "layout");
    if (s.s && l.s) {
        double gs = lifeline_x(s.s, 1) - lifeline_x(s.s, 0), gl = lifeline_x(l.s, 1) - lifeline_x(l.s, 0);
        CHECK(gl > gs, "gap grows with the label: %g > %g", gl, gs);
        int t = text_item(l.s, "a much longer label that needs room between the lifelines");
        const jm_item *lab = &l.s->items[t];
        CHECK(lab->x > lifeline_x(l.s, 0) && lab->x + lab->w < lifeline_x(l.s, 1), "label between its lifelines");
        const jm_item *m = message_of(l.s, lab->text);
        CHECK(m && lab->y + lab->h <= m->y, "label above its line");
        CHECK(m && fabs(lab->x + lab->w / 2 - (m->x + m->w / 2)) < 1, "label centred on its line");
    }
    done(&s);
    done(&l);

    /* a label spanning two gaps: the sum of the gaps grows, the label stays between the ends */
    built sp = build(HEAD "    - \"A->>B: x\"\n    - \"B->>C: y\"\n"
                          "    - \"A->>C: a spanning label that is much wider than both gaps together\"\n");
    /* heads with long names leave a long arrow: its label need not wrap at label-max-width */
    built lg = build("title: T\nsequence:\n  participants:\n    - {id: A, label: A participant with a long name}\n"
                     "    - {id: B, label: Another participant with a long name}\n    - {id: C, label: The third one with a long name}\n"
                     "  messages:\n    - \"A->>C: a spanning label that is longer than the width labels wrap at\"\n");
    CHECK(lg.s != NULL, "layout long heads");
    if (lg.s) {
        int t = text_item(lg.s, "a spanning label that is longer than the width labels wrap at");
        CHECK(lg.s->items[t].w > 240 && lg.s->items[t].block.lines == 1, "a spanning label uses the arrow's length");
    }
    done(&lg);
    CHECK(sp.s != NULL, "layout spanning");
    if (sp.s) {
        int t = text_item(sp.s, "a spanning label that is much wider than both gaps together");
        CHECK(sp.s->items[t].x >= lifeline_x(sp.s, 0) && sp.s->items[t].x + sp.s->items[t].w <= lifeline_x(sp.s, 2),
              "spanning label between A and C");
        double g1 = lifeline_x(sp.s, 1) - lifeline_x(sp.s, 0), g2 = lifeline_x(sp.s, 2) - lifeline_x(sp.s, 1);
        CHECK_NEAR(g1, g2, 0.01);   /* the shortfall spread evenly */
        CHECK(defects(sp.doc) == 0, "no defects");
    }
    done(&sp);

    /* wrapped and multi-line labels */
    built w = build(HEAD "    - \"A->>B: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen\"\n"
                         "    - {from: B, to: A, text: \"first\\nsecond\", kind: reply}\n");
    CHECK(w.s != NULL, "layout wrapped");
    if (w.s) {
        int t = text_item(w.s, "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen");
        CHECK(w.s->items[t].block.lines >= 2, "long label wrapped");
        int m = text_item(w.s, "first\nsecond");
        CHECK(m >= 0 && w.s->items[m].block.lines == 2, "hard line break kept");
        CHECK(defects(w.doc) == 0, "no defects");
    }
    done(&w);
}

static void test_arrows(void) {
    built b = build(HEAD "    - \"A->>B: s\"\n    - \"B-->>A: r\"\n    - \"A-)C: a\"\n");
    CHECK(b.s != NULL, "layout");
    if (b.s) {
        const jm_item *s = message_of(b.s, "s"), *r = message_of(b.s, "r"), *a = message_of(b.s, "a");
        CHECK(s && role_is(s, "sequence.message.sync") && s->head_end == JM_HEAD_FILLED && s->paint.dash.n == 0, "sync");
        CHECK(r && role_is(r, "sequence.message.reply") && r->paint.dash.n > 0, "reply dashed");
        CHECK(a && role_is(a, "sequence.message.async") && a->head_end == JM_HEAD_OPEN && a->paint.dash.n == 0, "async");
        /* the reply points left: it ends at A's lifeline */
        CHECK(r && fabs(r->ops[r->n_ops - 1].x - lifeline_x(b.s, 0)) < 0.01, "reply ends at A");
    }
    done(&b);
}

/* Half heads keep the barb above or below the line as drawn, whichever way it runs; a filled
 * half stops the line at its base, a stick runs it to the tip. */
static void test_half_heads(void) {
    built b = build(HEAD "    - {from: A, to: B, text: top, half: top}\n"
                         "    - {from: B, to: A, text: top back, half: top}\n"
                         "    - {from: A, to: B, text: bottom, kind: async, half: bottom}\n"
                         "    - {from: B, to: B, text: self, half: top}\n");
    CHECK(b.s != NULL, "layout");
    if (!b.s) { done(&b); return; }
    const char *labels[] = { "top", "top back", "bottom", "self" };
    const int above[] = { 1, 1, 0, 1 };
    for (int i = 0; i < 4; i++) {
        const jm_item *m = message_of(b.s, labels[i]);
        jm_arrow a;
        CHECK(m && jm_path_head(m->ops, m->n_ops, true, m->head_size, &a), "%s: a head", labels[i]);
        if (!m) continue;
        bool left = m->head_end == JM_HEAD_HALF_LEFT || m->head_end == JM_HEAD_STICK_LEFT;
        bool half = left || m->head_end == JM_HEAD_HALF_RIGHT || m->head_end == JM_HEAD_STICK_RIGHT;
        CHECK(half, "%s: a half head (%d)", labels[i], (int)m->head_end);
        double barb_y = left ? a.left_y : a.right_y;
        CHECK(above[i] ? barb_y < a.tip_y - 1 : barb_y > a.tip_y + 1, "%s: the barb is %s the line (%.2f vs %.2f)",
              labels[i], above[i] ? "above" : "below", barb_y, a.tip_y);
    }
    const jm_item *async = message_of(b.s, "bottom");
    CHECK(async && (async->head_end == JM_HEAD_STICK_LEFT || async->head_end == JM_HEAD_STICK_RIGHT),
          "an async half head is a stick");
    CHECK(defects(b.doc) == 0, "clean layout");
    done(&b);
}

/* Central connections: a circle centred on the lifeline at each marked end, the line (and its
 * head's tip) stopping at the circle's edge. */
static void test_circles(void) {
    built b = build(HEAD "    - {from: A, to: B, text: to, circles: to}\n"
                         "    - {from: B, to: A, text: both, circles: both}\n");
    CHECK(b.s != NULL, "layout");
    if (!b.s) { done(&b); return; }
    CHECK(count_role(b.s, "sequence.message.circle") == 3, "three circles: %d", count_role(b.s, "sequence.message.circle"));
    const jm_item *to = message_of(b.s, "to"), *both = message_of(b.s, "both");
    int c0 = nth(b.s, "sequence.message.circle", 0), c2 = nth(b.s, "sequence.message.circle", 2);
    double xa = lifeline_x(b.s, 0), xb = lifeline_x(b.s, 1);
    if (to && c0 >= 0) {
        const jm_item *c = &b.s->items[c0];
        CHECK(fabs(c->x + c->w / 2 - xb) < 0.01, "the receiver's circle on B's lifeline");
        CHECK(fabs(to->ops[1].x - c->x) < 0.01, "the tip at the circle's left edge: %.2f vs %.2f", to->ops[1].x, c->x);
        CHECK(fabs(to->ops[0].x - xa) < 0.01, "no circle at the sender: the line starts on A");
    }
    if (both && c2 >= 0) {
        const jm_item *c = &b.s->items[c2];
        CHECK(fabs(c->x + c->w / 2 - xa) < 0.01 && fabs(both->ops[1].x - (c->x + c->w)) < 0.01,
              "leftward: the tip at the right edge of A's circle");
        CHECK(both->ops[0].x < xb - 1, "and the line starts at the edge of B's circle");
    }
    CHECK(defects(b.doc) == 0, "clean layout");
    done(&b);
}

/* Numbering per message: off hides numbers (they still count, as in Mermaid), on shows them
 * again, a start restarts there with a new step, also inside a group. */
static void test_numbering(void) {
    built b = build("title: T\nsequence:\n  autonumber: true\n  participants:\n    - {id: A}\n    - {id: B}\n"
                    "  messages:\n    - \"A->>B: one\"\n    - {from: B, to: A, text: two, autonumber: false}\n"
                    "    - {from: A, to: B, text: three, autonumber: true}\n"
                    "    - group: loop\n      messages:\n        - {from: A, to: B, text: four, autonumber: \"100 10\"}\n"
                    "    - \"B->>A: five\"\n");
    CHECK(b.s != NULL, "layout");
    if (!b.s) { done(&b); return; }
    const char *want[] = { "1", "3", "100", "110" };
    int n = count_role(b.s, "sequence.badge.number");
    CHECK(n == 4, "four badges: %d", n);
    for (int i = 0; i < 4 && i < n; i++) CHECK_STR(b.s->items[nth(b.s, "sequence.badge.number", i)].text, want[i]);
    /* the unnumbered message starts at the lifeline, a numbered one has its badge there */
    const jm_item *two = message_of(b.s, "two");
    int badge0 = nth(b.s, "sequence.badge", 0);
    CHECK(two && badge0 >= 0 && two->y > b.s->items[badge0].y + b.s->items[badge0].h, "no badge on 'two'");
    CHECK(defects(b.doc) == 0, "clean layout");
    done(&b);
    built bad = build("title: T\nsequence:\n  participants:\n    - {id: A}\n  messages:\n"
                      "    - {from: A, to: A, text: x, autonumber: \"10 ten\"}\n");
    CHECK(bad.s == NULL && jm_diags_errors(bad.d) == 1, "a bad autonumber is an error");
    done(&bad);
}

/* UML's participant symbols: the circle centred on the lifeline over the name (boundary's bar on
 * its left, control's arrowhead on top, entity's underline below), a queue lying on its side, a
 * collections stack of two boxes. */
static void test_symbols(void) {
    built b = build("title: T\nsequence:\n  participants:\n    - {id: B, kind: boundary}\n    - {id: C, kind: control}\n"
                    "    - {id: E, kind: entity}\n    - {id: Q, kind: queue}\n    - {id: L, kind: collections}\n"
                    "  messages:\n    - \"B->>L: hi\"\n");
    CHECK(b.s != NULL, "layout");
    if (!b.s) { done(&b); return; }
    CHECK(count_role(b.s, "sequence.symbol") == 6 && count_role(b.s, "sequence.symbol.mark") == 6, "three symbols, top and bottom");
    const char *names[] = { "B", "C", "E" };
    for (int k = 0; k < 3; k++) {
        const jm_item *c = &b.s->items[nth(b.s, "sequence.symbol", k)], *m = &b.s->items[nth(b.s, "sequence.symbol.mark", k)];
        const jm_item *name = &b.s->items[text_item(b.s, names[k])];
        CHECK(fabs(c->x + c->w / 2 - lifeline_x(b.s, k)) < 0.01, "%s: the circle on the lifeline", names[k]);
        CHECK(name->y >= c->y + c->h, "%s: the name under the symbol", names[k]);
        if (k == 0) CHECK(m->x < c->x - 1 && m->x + m->w <= c->x + 0.01 && m->h >= c->h - 0.01, "boundary: a bar left of the circle, as tall");
        if (k == 1) CHECK(m->y < c->y && m->y + m->h > c->y, "control: the arrowhead on the circle's top");
        if (k == 2) CHECK(m->y > c->y + c->h && fabs(m->w - c->w) < 0.01, "entity: an underline as wide as the circle");
    }
    int q = nth(b.s, "sequence.participant", 0), rim = nth(b.s, "sequence.participant.rim", 0);
    CHECK(q >= 0 && rim >= 0 && b.s->items[rim].x > b.s->items[q].x + b.s->items[q].w / 2
          && fabs(b.s->items[rim].h - b.s->items[q].h) < 0.01, "queue: the front face's rim on the right, full height");
    int back = nth(b.s, "sequence.participant.back", 0), front = nth(b.s, "sequence.participant", 1);
    CHECK(back >= 0 && front >= 0 && b.s->items[back].x > b.s->items[front].x && b.s->items[back].y < b.s->items[front].y,
          "collections: a box behind, up and right");
    CHECK(defects(b.doc) == 0, "clean layout");
    done(&b);
}

static void test_frames(void) {
    built b = build(HEAD "    - \"A->>B: before\"\n"
                         "    - group: loop\n      label: every day\n      messages:\n"
                         "        - \"B->>C: inside\"\n"
                         "        - group: alt\n          label: ok\n          messages:\n"
                         "            - \"C-->>B: nested\"\n"
                         "          else:\n            - label: failed\n              messages:\n"
                         "                - \"C-->>A: other branch\"\n"
                         "    - \"A->>B: after\"\n");
    CHECK(b.s != NULL, "layout");
    if (!b.s) { done(&b); return; }
    CHECK(count_role(b.s, "sequence.frame") == 2, "two frames");
    const jm_item *outer = &b.s->items[nth(b.s, "sequence.frame", 0)];
    const jm_item *inner = &b.s->items[nth(b.s, "sequence.frame", 1)];
    CHECK(inside(inner, outer), "inner frame inside the outer one");
    CHECK(inner->x > outer->x && inner->x + inner->w < outer->x + outer->w && inner->y + inner->h < outer->y + outer->h,
          "inner frame inset");
    const char *in_outer[] = { "inside", "nested", "other branch" };
    for (int k = 0; k < 3; k++) {
        const jm_item *m = message_of(b.s, in_outer[k]);
        const jm_item *t = &b.s->items[text_item(b.s, in_outer[k])];
        CHECK(m && inside(m, outer) && inside(t, outer), "'%s' inside the loop", in_outer[k]);
    }
    for (int k = 1; k < 3; k++)
        CHECK(inside(message_of(b.s, in_outer[k]), inner), "'%s' inside the alt", in_outer[k]);
    const jm_item *before = message_of(b.s, "before"), *after = message_of(b.s, "after");
    CHECK(before->y < outer->y && after->y > outer->y + outer->h, "messages outside stay outside");
    /* keyword tab in the corner, label beside it, else line across the inner frame */
    int kw = text_item(b.s, "loop"), lb = text_item(b.s, "[every day]");
    const jm_item *tab = &b.s->items[nth(b.s, "sequence.frame.tab", 0)];
    CHECK(kw >= 0 && inside(&b.s->items[kw], tab), "keyword in its tab");
    CHECK(lb >= 0 && b.s->items[lb].x >= tab->x + tab->w && inside(&b.s->items[lb], outer), "label beside the tab");
    const jm_item *el = &b.s->items[nth(b.s, "sequence.frame.else", 0)];
    CHECK_NEAR(el->x, inner->x, 0.01);
    CHECK_NEAR(el->w, inner->w, 0.01);
    CHECK(el->paint.dash.n > 0, "else line dashed");
    int fl = text_item(b.s, "[failed]");
    CHECK(fl >= 0 && b.s->items[fl].y > el->y && b.s->items[fl].y < message_of(b.s, "other branch")->y,
          "else label under its line");
    CHECK(defects(b.doc) == 0, "no defects");
    done(&b);
}

static void test_activation(void) {
    built b = build(HEAD "    - \"A->>+B: start\"\n    - \"B->>C: work\"\n    - \"C->>+B: nested\"\n"
                         "    - \"B-->>-C: nested done\"\n    - \"B-->>-A: done\"\n");
    CHECK(b.s != NULL, "layout");
    if (!b.s) { done(&b); return; }
    CHECK(count_role(b.s, "sequence.activation") == 2, "two bars");
    const jm_item *start = message_of(b.s, "start"), *work = message_of(b.s, "work"), *fin = message_of(b.s, "done");
    const jm_item *nested = message_of(b.s, "nested"), *ndone = message_of(b.s, "nested done");
    const jm_item *outer = NULL, *inner = NULL;
    for (int k = 0; k < 2; k++) {
        const jm_item *bar = &b.s->items[nth(b.s, "sequence.activation", k)];
        if (fabs(bar->y - start->ops[0].y) < 0.01) outer = bar; else inner = bar;
    }
    CHECK(outer && inner, "bars found");
    if (!outer || !inner) { done(&b); return; }
    CHECK_NEAR(outer->y + outer->h, fin->ops[0].y, 0.01);     /* from "start" to "done" */
    CHECK_NEAR(inner->y, nested->ops[0].y, 0.01);
    CHECK_NEAR(inner->y + inner->h, ndone->ops[0].y, 0.01);
    double xb = lifeline_x(b.s, 1);
    CHECK(outer->x < xb && outer->x + outer->w > xb, "outer bar on the lifeline");
    CHECK(inner->x > outer->x, "nested bar offset sideways");
    CHECK_NEAR(start->ops[1].x, outer->x, 0.01);               /* arrives at the bar's left side */
    CHECK_NEAR(work->ops[0].x, outer->x + outer->w, 0.01);     /* leaves from its right side */
    CHECK_NEAR(nested->ops[1].x, inner->x + inner->w, 0.01);   /* from C, arrives at the nested bar */
    CHECK(defects(b.doc) == 0, "no defects");
    done(&b);
}

static void test_notes(void) {
    built b = build(HEAD "    - {note: left, left_of: A}\n    - {note: right, right_of: B}\n"
                         "    - {note: over one, over: [B]}\n    - {note: over two, over: [B, C]}\n"
                         "    - {note: \"a rather long note that has to wrap onto several lines because it is long\", right_of: A}\n");
    CHECK(b.s != NULL, "layout");
    if (!b.s) { done(&b); return; }
    CHECK(count_role(b.s, "sequence.note") == 5, "five notes");
    double xa = lifeline_x(b.s, 0), xb = lifeline_x(b.s, 1), xc = lifeline_x(b.s, 2);
    const jm_item *n0 = &b.s->items[nth(b.s, "sequence.note", 0)], *n1 = &b.s->items[nth(b.s, "sequence.note", 1)];
    const jm_item *n2 = &b.s->items[nth(b.s, "sequence.note", 2)], *n3 = &b.s->items[nth(b.s, "sequence.note", 3)];
    const jm_item *n4 = &b.s->items[nth(b.s, "sequence.note", 4)];
    CHECK(n0->x + n0->w < xa, "left of A");
    CHECK(n1->x > xb && n1->x + n1->w < xc, "right of B, before C");
    CHECK_NEAR(n2->x + n2->w / 2, xb, 0.01);
    CHECK(n2->x > xa && n2->x + n2->w < xc, "over B only");
    CHECK(n3->x < xb && n3->x + n3->w > xc, "over B and C");
    CHECK(n4->x > xa && n4->x + n4->w < xb, "a long note right of A stays before B");
    for (int k = 0; k < 5; k++) {
        int t = nth(b.s, "sequence.note.text", k);
        CHECK(b.s->items[t].container == nth(b.s, "sequence.note", k), "note text in its note");
    }
    CHECK(b.s->items[nth(b.s, "sequence.note.text", 4)].block.lines >= 2, "long note wrapped");
    CHECK(defects(b.doc) == 0, "no defects");
    done(&b);
}

static void test_self_and_badges(void) {
    built b = build("title: T\nsequence:\n  autonumber: true\n  participants:\n    - {id: A}\n    - {id: B}\n"
                    "  messages:\n    - \"A->>B: one\"\n    - \"B->>B: think about it for a while\"\n"
                    "    - group: opt\n      label: maybe\n      messages:\n        - \"B-->>A: three\"\n");
    CHECK(b.s != NULL, "layout");
    if (!b.s) { done(&b); return; }
    const jm_item *loop = message_of(b.s, "think about it for a while");
    double xb = lifeline_x(b.s, 1);
    CHECK(loop && loop->n_ops > 2, "a loop");
    if (loop) {
        CHECK(loop->ops[0].x >= xb - 0.01 && loop->ops[loop->n_ops - 1].x >= xb - 0.01, "starts and ends at B");
        CHECK(loop->x + loop->w > xb + 10, "loops out to the right");
        CHECK(loop->ops[loop->n_ops - 1].y > loop->ops[0].y, "comes back lower");
        const jm_item *lab = &b.s->items[text_item(b.s, "think about it for a while")];
        CHECK(lab->x > xb && lab->y + lab->h <= loop->y, "label right of the lifeline, above the loop");
    }
    CHECK(count_role(b.s, "sequence.badge") == 3, "a badge per message");
    for (int k = 0; k < 3; k++) {
        int t = nth(b.s, "sequence.badge.number", k);
        char want[8];
        snprintf(want, sizeof want, "%d", k + 1);
        CHECK(t >= 0 && strcmp(b.s->items[t].text, want) == 0, "badge %d numbered", k + 1);
        CHECK(t >= 0 && b.s->items[t].container == nth(b.s, "sequence.badge", k), "number inside its badge");
    }
    /* the badge sits at the start of its message */
    const jm_item *one = message_of(b.s, "one"), *badge = &b.s->items[nth(b.s, "sequence.badge", 0)];
    CHECK_NEAR(badge->x + badge->w / 2, one->ops[0].x, 0.01);
    CHECK_NEAR(badge->y + badge->h / 2, one->ops[0].y, 0.01);
    CHECK(defects(b.doc) == 0, "no defects");
    done(&b);
}

static void test_delay(void) {
    built b = build(HEAD "    - \"A->>B: before\"\n    - {delay: 3-10 business days}\n    - \"B-->>A: after\"\n");
    CHECK(b.s != NULL, "layout");
    if (!b.s) { done(&b); return; }
    CHECK(count_role(b.s, "sequence.lifeline.delay") == 3, "every lifeline breaks");
    int t = text_item(b.s, "3-10 business days");
    CHECK(t >= 0, "delay text");
    const jm_item *d = &b.s->items[nth(b.s, "sequence.lifeline.delay", 0)];
    CHECK(d->paint.dash.n > 0, "dotted across the delay");
    CHECK(t >= 0 && b.s->items[t].y > d->y && b.s->items[t].y + b.s->items[t].h < d->y + d->h, "text inside the break");
    /* the dashed lifeline stops where the delay starts and goes on after it */
    const jm_item *l0 = &b.s->items[nth(b.s, "sequence.lifeline", 0)], *l1 = &b.s->items[nth(b.s, "sequence.lifeline", 1)];
    CHECK_NEAR(l0->y + l0->h, d->y, 0.01);
    CHECK_NEAR(l1->y, d->y + d->h, 0.01);
    CHECK(message_of(b.s, "before")->y < d->y && message_of(b.s, "after")->y > d->y + d->h, "delay between the messages");
    CHECK(defects(b.doc) == 0, "no defects");
    done(&b);
}

static void test_width(void) {
    built n = build(HEAD "    - \"A->>C: hello there\"\n");
    CHECK(n.s != NULL, "natural");
    if (!n.s) { done(&n); return; }
    double natural = n.s->width, target = natural + 300;
    built w = build_ex(HEAD "    - \"A->>C: hello there\"\n", "default", target, 0, 0);
    CHECK(w.s && fabs(w.s->width - target) < 0.01, "exactly the asked width");
    if (w.s) {   /* centred: as much room left of the first head as right of the last */
        double x0, y0, x1, y1;
        jm_scene_bounds(w.s, 0, &x0, &y0, &x1, &y1);
        int first = nth(w.s, "sequence.participant", 0), last = nth(w.s, "sequence.participant", 2);
        double left = w.s->items[first].x, right = w.s->width - (w.s->items[last].x + w.s->items[last].w);
        CHECK(fabs(left - right) < 1, "centred: %g vs %g", left, right);
    }
    done(&w);
    done(&n);

    /* narrower than natural: labels wrap until it fits */
    const char *wide = HEAD "    - \"A->>B: a fairly long label that sets the width of the first gap\"\n"
                            "    - \"B->>C: another fairly long label that sets the second gap\"\n";
    built nat = build(wide);
    double nat_w = nat.s ? nat.s->width : 0;
    built fit = build_ex(wide, "default", nat_w * 0.75, 0, 0);
    CHECK(fit.s && fabs(fit.s->width - nat_w * 0.75) < 0.01, "fits %g: got %g", nat_w * 0.75, fit.s ? fit.s->width : 0);
    CHECK(fit.doc && defects(fit.doc) == 0, "no defects when fitted");
    done(&nat);
    done(&fit);
}

/* A generated sequence: n messages among p participants, with groups, notes and delays. */
static char *big_yaml(int n, int p) {
    GString *g = g_string_new("title: Big\nsequence:\n  autonumber: true\n  participants:\n");
    static const char *const kinds[] = { "participant", "actor", "system", "database" };
    for (int i = 0; i < p; i++) g_string_append_printf(g, "    - {id: P%d, label: Participant %d, kind: %s}\n", i, i, kinds[i % 4]);
    g_string_append(g, "  messages:\n");
    unsigned seed = 7;
    for (int m = 0; m < n;) {
        seed = seed * 1103515245u + 12345u;
        int a = (int)((seed >> 8) % (unsigned)p), b = (int)((seed >> 16) % (unsigned)p);
        if (m % 37 == 5) {
            g_string_append_printf(g, "    - group: loop\n      label: round %d\n      messages:\n", m);
            for (int k = 0; k < 6 && m < n; k++, m++)
                g_string_append_printf(g, "        - \"P%d->>P%d: message %d\"\n", (a + k) % p, (b + 2 * k) % p, m);
            continue;
        }
        if (m % 53 == 7) g_string_append_printf(g, "    - {note: \"note %d\", over: [P%d]}\n", m, a);
        if (m % 97 == 3) g_string_append(g, "    - {delay: later}\n");
        g_string_append_printf(g, "    - \"P%d%sP%d: message %d\"\n", a, m % 3 ? "->>" : "-->>", b, m);
        m++;
    }
    return g_string_free(g, FALSE);
}

static void test_big(void) {
    char *y400 = big_yaml(400, 12), *y1600 = big_yaml(1600, 12);
    built b = build(y400);
    built b4 = build(y1600);
    CHECK(b.s && b4.s, "400 and 1600 messages lay out");
    if (b.s) CHECK(defects(b.doc) == 0, "no defects with 400 messages");
    /* Four times the messages give about four times the items and the height: the layout does a
     * bounded amount of work per message. Its time is measured by `make bench` (tests/bench),
     * never here. */
    if (b.s && b4.s) {
        double items = (double)b4.s->n_items / (double)b.s->n_items, height = b4.s->height / b.s->height;
        CHECK(items > 3.5 && items < 4.5, "items grow linearly: x%.2f for x4 messages", items);
        CHECK(height > 3.5 && height < 4.5, "height grows linearly: x%.2f for x4 messages", height);
    }
    done(&b);
    done(&b4);

    /* paginated: several pages, each starting with the header of 12 heads */
    built p = build_ex(y400, "default", 0, 523, 770);
    CHECK(p.doc && p.doc->n_pages > 2, "several pages: %zu", p.doc ? p.doc->n_pages : 0);
    if (p.doc) {
        CHECK(defects(p.doc) == 0, "no defects on any page");
        for (size_t k = 0; k < p.doc->n_pages; k++) {
            const jm_scene *s = p.doc->pages[k].scene;
            int heads = count_role(s, "sequence.participant.name");
            CHECK(heads == (k + 1 == p.doc->n_pages ? 24 : 12), "page %zu has its header (%d names)", k + 1, heads);
            /* the header is above every message on the page */
            double head_bottom = 0, first_msg = INFINITY;
            for (size_t i = 0; i < s->n_items; i++) {
                const jm_item *it = &s->items[i];
                if (role_is(it, "sequence.participant.name") && it->y < s->height / 2) head_bottom = fmax(head_bottom, it->y + it->h);
                if (it->role && strncmp(it->role, "sequence.message.", 17) == 0) first_msg = fmin(first_msg, it->y);
            }
            CHECK(head_bottom < first_msg, "page %zu: header on top", k + 1);
            CHECK(s->width == p.doc->pages[0].scene->width, "pages equally wide");
        }
    }
    done(&p);
    g_free(y400);
    g_free(y1600);
}

/* A long loop over several pages: closed at the bottom of each page, reopened under the header
 * of the next with its tab, never an empty piece; bars go on across the break. */
static void test_frames_across_pages(void) {
    GString *g = g_string_new("title: T\nsequence:\n  participants:\n    - {id: A}\n    - {id: B}\n    - {id: C}\n"
                              "  messages:\n    - \"A->>+B: start\"\n    - group: loop\n      label: every item\n"
                              "      messages:\n");
    for (int k = 0; k < 30; k++) g_string_append_printf(g, "        - \"B->>C: item %d\"\n", k);
    g_string_append(g, "    - \"B-->>-A: done\"\n");
    built b = build_ex(g->str, "default", 0, 523, 400);
    CHECK(b.doc && b.doc->n_pages >= 3, "several pages: %zu", b.doc ? b.doc->n_pages : 0);
    if (b.doc) {
        CHECK(defects(b.doc) == 0, "no defects");
        int messages = 0;
        for (size_t k = 0; k < b.doc->n_pages; k++) {
            const jm_scene *s = b.doc->pages[k].scene;
            int f = nth(s, "sequence.frame", 0);
            CHECK(f >= 0 && count_role(s, "sequence.frame") == 1 && text_item(s, "loop") >= 0 && text_item(s, "[every item]") >= 0,
                  "page %zu: the frame, its keyword and label", k + 1);
            CHECK(count_role(s, "sequence.activation") == 1, "page %zu: B's bar goes on", k + 1);
            if (f < 0) continue;
            int inside_frame = 0;
            for (size_t i = 0; i < s->n_items; i++) {
                const jm_item *t = &s->items[i];
                if (!role_is(t, "sequence.message.label") || strncmp(t->text, "item", 4) != 0) continue;
                const jm_item *m = message_of(s, t->text);
                CHECK(m && inside(m, &s->items[f]) && inside(t, &s->items[f]), "page %zu: '%s' inside the frame", k + 1, t->text);
                inside_frame++;
            }
            CHECK(inside_frame > 0, "page %zu: the frame is not empty", k + 1);
            messages += inside_frame;
            CHECK(s->items[f].y + s->items[f].h <= s->height - 0.01, "page %zu: frame closed on the page", k + 1);
        }
        CHECK(messages == 30, "every item once: %d", messages);
    }
    done(&b);
    g_string_free(g, TRUE);
}

static void test_samples(void) {
    const char *names[] = { "seq-storyline", "seq-participant-kinds", "seq-arrows", "seq-self", "seq-autonumber",
                            "seq-activation", "seq-notes", "seq-delay", "seq-groups", "seq-long-labels",
                            "seq-boxes", "sequence-all" };
    const char *styles[] = { "default", "print", "dark" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char *path = g_strdup_printf("%s/samples/%s.yaml", root, names[i]);
        char *src = NULL;
        gsize len = 0;
        CHECK(g_file_get_contents(path, &src, &len, NULL), "read %s", path);
        for (size_t k = 0; src && k < 3; k++) {
            built b = build_ex(src, styles[k], 0, 0, 0);
            CHECK(b.s && defects(b.doc) == 0, "%s in %s: no defects", names[i], styles[k]);
            done(&b);
        }
        g_free(src);
        g_free(path);
    }
}

static int count_text(const jm_scene *s, const char *t) {
    int n = 0;
    for (size_t i = 0; i < s->n_items; i++)
        n += s->items[i].kind == JM_ITEM_TEXT && s->items[i].text && strcmp(s->items[i].text, t) == 0;
    return n;
}

/* Lowest end (pt) of the lifeline items at x, or NAN when none. */
static double lifeline_end(const jm_scene *s, double x) {
    double end = NAN;
    for (size_t i = 0; i < s->n_items; i++) {
        const jm_item *it = &s->items[i];
        if (it->role && strncmp(it->role, "sequence.lifeline", 17) == 0 && fabs(it->x - x) < 0.01)
            end = isnan(end) ? it->y + it->h : fmax(end, it->y + it->h);
    }
    return end;
}

static void test_boxes_rects_lifetimes(void) {
    built b = build("title: T\nsequence:\n  participants:\n"
                    "    - {id: A}\n    - {id: B, kind: actor}\n    - {id: C}\n    - {id: D}\n    - {id: E}\n"
                    "  boxes:\n"
                    "    - {label: A box label much wider than the two heads it holds, participants: [A, B]}\n"
                    "    - {label: Dark, color: \"#1e3a8a\", participants: [C]}\n"
                    "  messages:\n"
                    "    - \"A->>B: one\"\n"
                    "    - rect: \"#fde68a\"\n"
                    "      messages:\n"
                    "        - {from: B, to: D, text: make, create: D}\n"
                    "        - \"D->>C: two\"\n"
                    "    - {from: C, to: D, text: bye, destroy: D}\n"
                    "    - \"A->>E: three\"\n");
    CHECK(b.s != NULL, "layout");
    if (!b.s) { done(&b); return; }
    CHECK(defects(b.doc) == 0, "no defects");
    int b0 = nth(b.s, "sequence.box", 0), b1 = nth(b.s, "sequence.box", 1);
    CHECK(b0 >= 0 && b1 >= 0 && nth(b.s, "sequence.box", 2) < 0, "two boxes");
    if (b0 < 0 || b1 < 0) { done(&b); return; }
    const jm_item *box0 = &b.s->items[b0], *box1 = &b.s->items[b1];
    /* box 0 spans A and B: both top heads (A's box, B's figure and name) inside, and C's outside */
    const jm_item *headA = &b.s->items[nth(b.s, "sequence.participant", 0)];
    const jm_item *figB = &b.s->items[nth(b.s, "sequence.actor", 0)];
    CHECK(inside(headA, box0) && inside(figB, box0) && inside(&b.s->items[text_item(b.s, "B")], box0),
          "box 0 encloses A's and B's heads");
    CHECK(box0->x < lifeline_x(b.s, 0) && box0->x + box0->w > lifeline_x(b.s, 1)
          && box0->x + box0->w < lifeline_x(b.s, 2), "box 0 spans the columns of A and B only");
    CHECK(box0->x + box0->w <= box1->x, "boxes apart");
    int l0 = text_item(b.s, "A box label much wider than the two heads it holds");
    CHECK(l0 >= 0 && inside(&b.s->items[l0], box0) && b.s->items[l0].y + b.s->items[l0].h <= headA->y,
          "label inside its box, above the heads");
    const jm_item *headC = &b.s->items[nth(b.s, "sequence.participant", 1)];
    CHECK(inside(headC, box1), "box 1 encloses C's head");
    int l1 = text_item(b.s, "Dark");
    CHECK(l1 >= 0 && jm_color_contrast(b.s->items[l1].color, box1->paint.fill) >= 4.5,
          "the label on the dark box is readable: %.2f:1", l1 >= 0 ? jm_color_contrast(b.s->items[l1].color, box1->paint.fill) : 0);
    double yb0 = box0->y, yb1 = box0->y + box0->h;
    int lastA = -1;
    for (size_t i = 0; i < b.s->n_items; i++) if (role_is(&b.s->items[i], "sequence.participant")) lastA = (int)i;
    CHECK(yb1 >= b.s->items[lastA].y + b.s->items[lastA].h && yb0 <= headA->y, "boxes run from the top heads to the bottom ones");
    /* the rect spans the rows of its two messages, not the ones before and after */
    const jm_item *make = message_of(b.s, "make"), *two = message_of(b.s, "two");
    const jm_item *one = message_of(b.s, "one"), *bye = message_of(b.s, "bye");
    int ri = nth(b.s, "sequence.rect", 0);
    CHECK(ri >= 0 && make && two && one && bye, "rect and messages");
    if (ri < 0 || !make || !two || !one || !bye) { done(&b); return; }
    const jm_item *rect = &b.s->items[ri];
    CHECK(inside(&b.s->items[text_item(b.s, "make")], rect) && inside(&b.s->items[text_item(b.s, "two")], rect)
          && inside(make, rect) && inside(two, rect), "rect encloses its messages and labels");
    CHECK(one->y < rect->y && bye->y > rect->y + rect->h, "rows before and after lie outside the rect");
    /* D's head sits at the row creating it: centred on the line, the arrow ends at its side */
    int dn = text_item(b.s, "D");
    CHECK(count_text(b.s, "D") == 1 && count_text(b.s, "C") == 2, "D has one head (none at the top or bottom), C two");
    int dh = -1;
    for (size_t i = 0; i < b.s->n_items; i++)
        if (role_is(&b.s->items[i], "sequence.participant") && inside(&b.s->items[dn], &b.s->items[i])) dh = (int)i;
    CHECK(dh >= 0, "D's head box");
    if (dh >= 0) {
        const jm_item *hd = &b.s->items[dh];
        CHECK(fabs(hd->y + hd->h / 2 - (make->y + make->h / 2)) < 0.01, "D's head centred on the creating message's line");
        CHECK(fabs(make->x + make->w - hd->x) < 0.01, "the creating arrow ends at D's head");
        CHECK(inside(hd, rect), "the created head lies in the rect around its message");
        double xd = hd->x + hd->w / 2;
        /* destroyed: its lifeline starts under the head and ends at the row destroying it, with a cross */
        double start = INFINITY;
        for (size_t i = 0; i < b.s->n_items; i++) {
            const jm_item *it = &b.s->items[i];
            if (role_is(it, "sequence.lifeline") && fabs(it->x - xd) < 0.01) start = fmin(start, it->y);
        }
        CHECK(fabs(start - (hd->y + hd->h)) < 0.01, "D's lifeline starts under its head");
        double ybye = bye->y + bye->h / 2;   /* the line, between the head's sides */
        CHECK(fabs(lifeline_end(b.s, xd) - ybye) < 0.01, "D's lifeline ends at 'bye': %.2f vs %.2f",
              lifeline_end(b.s, xd), ybye);
        int x = nth(b.s, "sequence.destroy", 0);
        CHECK(x >= 0 && fabs(b.s->items[x].x + b.s->items[x].w / 2 - xd) < 0.01
              && fabs(b.s->items[x].y + b.s->items[x].h / 2 - ybye) < 0.01, "a cross centred where D's lifeline ends");
        CHECK(lifeline_end(b.s, lifeline_x(b.s, 2)) > ybye + 20, "C's lifeline runs on");
    }
    done(&b);
}

static void test_missing(void) {
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    const char *y = "title: T\nstages: [{name: A}]\n";
    const jm_journey *j = jm_load_journey(a, "t.yaml", y, strlen(y), d);
    CHECK(j && jm_view_sequence.missing(j, a) && strcmp(jm_view_sequence.missing(j, a), "the file has no sequence") == 0,
          "no sequence");
    CHECK_STR(jm_view_sequence.name, "sequence");
    jm_arena_free(a);
    jm_diags_free(d);
}

int main(void) {
    root = getenv("ROOT") ? getenv("ROOT") : ".";
    jm_diags *d = jm_diags_new();
    char *fonts = g_strdup_printf("%s/fonts", root);
    text = jm_text_new(fonts, NULL, d);
    g_free(fonts);
    if (!text) { jm_diags_print(d, stderr, 0); return 1; }
    test_order_and_heads();
    test_gaps_grow();
    test_arrows();
    test_half_heads();
    test_circles();
    test_numbering();
    test_symbols();
    test_frames();
    test_activation();
    test_notes();
    test_self_and_badges();
    test_delay();
    test_width();
    test_big();
    test_frames_across_pages();
    test_samples();
    test_boxes_rects_lifetimes();
    test_missing();
    jm_text_free(text);
    jm_diags_free(d);
    return CHECK_DONE();
}
