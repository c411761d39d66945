/* test_mermaid.c - Mermaid input: detection, the model built from small journey, sequenceDiagram
 * and flowchart sources, front matter themes, warnings once per construct, and errors at their
 * exact line:col with did-you-mean. */
#include "check.h"
#include "load_query.h"
#include <math.h>
#include "load.h"
#include <string.h>

static loaded load(const char *text) { return load_as("d.mmd", text); }


/* Loading fails with its first diagnostic exactly at line:col saying msg. */
static void expect_error_at(int src_line, const char *file, const char *text, int line, int col, const char *msg) {
    loaded r = load_as(file, text);
    CHECK(r.j == NULL, "line %d: load should fail", src_line);
    const jm_diag *x = NULL;
    for (size_t i = 0; i < jm_diags_count(r.d) && !x; i++)
        if (jm_diags_get(r.d, i)->severity == JM_ERROR) x = jm_diags_get(r.d, i);
    CHECK(x != NULL, "line %d: no error", src_line);
    if (x) {
        CHECK(x->pos.line == line && x->pos.col == col, "line %d: at %d:%d, want %d:%d (%s)", src_line,
              x->pos.line, x->pos.col, line, col, x->message);
        CHECK(strcmp(x->message, msg) == 0, "line %d: got '%s', want '%s'", src_line, x->message, msg);
        CHECK(x->file && !strcmp(x->file, file), "line %d: error in %s", src_line, file);
    }
    done(&r);
}
#define EXPECT_ERROR(text, line, col, msg) expect_error_at(__LINE__, "d.mmd", (text), (line), (col), (msg))

static void test_detect(void) {
    /* a YAML journey is not Mermaid; a header after comments, directives and front matter is */
    loaded r = load_as("j.yaml", "title: T\nstages:\n  - {name: A}\n");
    CHECK(r.j && r.j->n_stages == 1, "YAML still loads");
    done(&r);
    r = load_as("j.yaml", "%% a comment\n%%{init: {'theme': 'neutral'}}%%\n\nsequenceDiagram\n  A->>B: hi\n");
    CHECK(r.j && r.j->sequence, "a header after %% lines is Mermaid, whatever the file name");
    CHECK(r.j && r.j->style && !strcmp(r.j->style, "print"), "neutral theme -> print style");
    done(&r);
    r = load_as("j.txt", "---\ntitle: Front\nconfig:\n  theme: dark\n  look: handDrawn\n---\njourney\n  section S\n    T: 4: Me\n");
    CHECK(r.j && r.j->title && !strcmp(r.j->title, "Front"), "front matter title");
    CHECK(r.j && r.j->style && !strcmp(r.j->style, "dark"), "dark theme -> dark style");
    CHECK(count(r.d, JM_WARNING) == 1, "one warning for the ignored 'look', got %zu", count(r.d, JM_WARNING));
    const jm_diag *w = jm_diags_get(r.d, 0);
    CHECK(w && w->pos.line == 5 && w->pos.col == 3, "warning at 5:3");
    done(&r);
}

static void test_journey(void) {
    loaded r = load("journey\n"
                    "    title My working day\n"
                    "    section Go to work\n"
                    "      Make tea: 5: Me\n"
                    "      Do work: 1: Me, Cat\n"
                    "    section Go home\n"
                    "      Sit down: 3\n");
    const jm_journey *j = r.j;
    CHECK(j != NULL, "loads");
    if (!j) { done(&r); return; }
    CHECK_STR(j->title, "My working day");
    CHECK(j->n_stages == 2 && j->n_steps == 3, "2 sections, 3 tasks: %zu %zu", j->n_stages, j->n_steps);
    CHECK_STR(j->stages[1].name, "Go home");
    CHECK(j->steps[0].stage == 0 && j->steps[2].stage == 1, "tasks in their sections");
    CHECK_STR(j->steps[1].title, "Do work");
    CHECK(j->steps[0].emotion && j->steps[0].emotion->score == 2, "5 -> +2");
    CHECK(j->steps[1].emotion && j->steps[1].emotion->score == -2, "1 -> -2");
    CHECK(j->steps[2].emotion && j->steps[2].emotion->score == 0, "3 -> 0");
    CHECK(j->steps[1].actors.n == 2, "two actors");
    if (j->steps[1].actors.n == 2) {
        CHECK_STR(j->steps[1].actors.v[1], "Cat");
        CHECK(j->steps[1].actors.pos[1].line == 5 && j->steps[1].actors.pos[1].col == 23, "Cat at 5:23");
    }
    CHECK(j->steps[2].actors.n == 0, "no actors");
    CHECK(j->views.n == 1 && !strcmp(j->views.v[0], "emotions"), "a journey draws as emotions");
    done(&r);
}

static void test_yaml_actors(void) {
    loaded r = load_as("j.yaml", "title: T\nsteps:\n  - {title: A, actors: [Me, Cat]}\n  - {title: B, actors: Me}\n");
    CHECK(r.j && r.j->steps[0].actors.n == 2 && r.j->steps[1].actors.n == 1, "YAML step actors");
    done(&r);
}

static const jm_seq_item *item(const jm_seq_item *v, size_t n, size_t i) { return i < n ? &v[i] : NULL; }

static void test_sequence(void) {
    loaded r = load("sequenceDiagram\n"
                    "  title: Login\n"
                    "  autonumber 10 5\n"
                    "  participant W@{ \"type\": \"database\" } as Web #35;1<br/>portal\n"
                    "  actor U\n"
                    "  U->>+W: a #quot;b#quot;\n"                 /* 6 */
                    "  W-->>-U: c\n"
                    "  U-xW: lost\n"
                    "  U--)W: open\n"
                    "  U<<->>W: both\n"                            /* 10 */
                    "  U->X: implicit\n"
                    "  Note over U,W: n\n"
                    "  break when it fails\n"
                    "    W->>U: stop\n"
                    "  end\n"                                      /* 15 */
                    "  critical Connect\n"
                    "    U->>W: x\n"
                    "  option Timeout\n"
                    "    U->>W: y\n"
                    "  end\n");
    const jm_journey *j = r.j;
    CHECK(j && j->sequence, "loads");
    if (!j || !j->sequence) { done(&r); return; }
    const jm_sequence *s = j->sequence;
    CHECK_STR(j->title, "Login");
    CHECK(s->autonumber && s->autonumber_start == 10 && s->autonumber_step == 5, "autonumber 10 5");
    CHECK(s->n_participants == 3, "W, U and the implicit X: %zu", s->n_participants);
    CHECK_STR(s->participants[0].label, "Web #1\nportal");
    CHECK(s->participants[0].kind == JM_PART_DATABASE, "database type");
    CHECK(s->participants[1].kind == JM_PART_ACTOR, "actor");
    CHECK_STR(s->participants[2].id, "X");
    const jm_seq_item *m = item(s->items, s->n_items, 0);
    CHECK(m && m->kind == JM_SEQ_MESSAGE && m->from == 1 && m->to == 0 && m->activate && m->msg == JM_MSG_SYNC, "U->>+W");
    if (m) CHECK_STR(m->text, "a \"b\"");
    m = item(s->items, s->n_items, 1);
    CHECK(m && m->msg == JM_MSG_REPLY && m->deactivate && m->tip == JM_TIP_KIND, "W-->>-U");
    m = item(s->items, s->n_items, 2);
    CHECK(m && m->tip == JM_TIP_CROSS && m->msg == JM_MSG_SYNC, "-x is a lost message");
    m = item(s->items, s->n_items, 3);
    CHECK(m && m->tip == JM_TIP_OPEN && m->msg == JM_MSG_REPLY, "--) is dashed with an open head");
    m = item(s->items, s->n_items, 4);
    CHECK(m && m->both_ends && !m->tip, "<<->> has heads at both ends");
    m = item(s->items, s->n_items, 5);
    CHECK(m && m->tip == JM_TIP_NONE && m->pos.line == 11 && m->pos.col == 3, "-> has no head, at 11:3");
    m = item(s->items, s->n_items, 6);
    CHECK(m && m->kind == JM_SEQ_NOTE && m->place == JM_NOTE_OVER && m->n_over == 2, "note over two");
    m = item(s->items, s->n_items, 7);
    CHECK(m && m->kind == JM_SEQ_GROUP && m->group == JM_GROUP_BREAK && m->n_sections == 1
          && m->sections[0].n_items == 1, "break frame with its message");
    if (m && m->kind == JM_SEQ_GROUP) CHECK_STR(m->sections[0].label, "when it fails");
    m = item(s->items, s->n_items, 8);
    CHECK(m && m->group == JM_GROUP_CRITICAL && m->n_sections == 2, "critical with an option");
    if (m && m->n_sections == 2) {
        CHECK_STR(m->sections[1].label, "Timeout");
        CHECK(m->sections[1].pos.line == 18 && m->sections[1].n_items == 1, "option at line 18");
    }
    CHECK(s->n_items == 9, "nine top-level items: %zu", s->n_items);
    CHECK(count(r.d, JM_WARNING) == 0, "nothing left undrawn: %zu warnings", count(r.d, JM_WARNING));
    done(&r);
}

/* Mermaid v11's half arrowheads (the barb's side, the line, a reversed arrow's receiver) and
 * central connections. */
static void test_sequence_half_heads(void) {
    loaded r = load("sequenceDiagram\n  A-|\\B: a\n  A--//B: b\n  A/|-B: c\n  A\\\\--B: d\n"
                    "  A->>()B: e\n  A()-->>B: f\n  A()/|-()B: g\n  A/|-()B: h\n");
    const jm_sequence *s = r.j ? r.j->sequence : NULL;
    CHECK(s && s->n_items == 8, "eight messages");
    if (s && s->n_items == 8) {
        const jm_seq_item *c = s->items + 4;
        CHECK(!c[0].circle_from && c[0].circle_to, "->>() circles the receiver");
        CHECK(c[1].circle_from && !c[1].circle_to, "()-->> circles the sender");
        CHECK(c[2].circle_from && c[2].circle_to && c[2].half == JM_HALF_TOP, "()/|-() both, with a half head");
        CHECK(c[3].circle_from && !c[3].circle_to && c[3].from == 1, "a reversed arrow's () after it is at its sender");
        const jm_seq_item *v = s->items;
        CHECK(v[0].half == JM_HALF_TOP && v[0].msg == JM_MSG_SYNC && v[0].tip == JM_TIP_KIND && v[0].to == 1, "-|\\ top, filled");
        CHECK(v[1].half == JM_HALF_BOTTOM && v[1].msg == JM_MSG_REPLY && v[1].tip == JM_TIP_OPEN, "--// bottom, dashed stick");
        CHECK(v[2].half == JM_HALF_TOP && v[2].from == 1 && v[2].to == 0, "/|- points at the first participant");
        CHECK(v[3].half == JM_HALF_BOTTOM && v[3].msg == JM_MSG_REPLY && v[3].to == 0, "\\\\-- reversed, dashed");
    }
    CHECK(count(r.d, JM_WARNING) == 0, "half heads and circles are drawn, not warned: %zu", count(r.d, JM_WARNING));
    done(&r);
}

/* autonumber between messages joins the next message: off, on again, restarted with a step. */
static void test_sequence_numbering(void) {
    loaded r = load("sequenceDiagram\n  autonumber 3\n  A->>B: a\n  autonumber off\n  A->>B: b\n"
                    "  autonumber\n  A->>B: c\n  autonumber 50 5\n  A->>B: d\n  A->>B: e\n");
    const jm_sequence *s = r.j ? r.j->sequence : NULL;
    CHECK(s && s->n_items == 5 && s->autonumber && s->autonumber_start == 3, "five messages, numbered from 3");
    if (s && s->n_items == 5) {
        const jm_seq_item *v = s->items;
        CHECK(v[0].numbering == JM_NUMBER_KEEP && v[1].numbering == JM_NUMBER_OFF, "off at b");
        CHECK(v[2].numbering == JM_NUMBER_ON && v[2].number_start == 0, "on again at c, counting on");
        CHECK(v[3].numbering == JM_NUMBER_ON && v[3].number_start == 50 && v[3].number_step == 5, "restart at d");
        CHECK(v[4].numbering == JM_NUMBER_KEEP, "e keeps it");
    }
    CHECK(count(r.d, JM_WARNING) == 0, "drawn, not warned: %zu", count(r.d, JM_WARNING));
    done(&r);
}

static void test_sequence_boxes_rects(void) {
    loaded r = load("sequenceDiagram\n"
                    "  box Purple Team A\n"
                    "  participant A\n"
                    "  participant C\n"
                    "  end\n"
                    "  box Another Group\n"
                    "  participant D\n"
                    "  end\n"
                    "  rect rgb(1,2,3)\n"
                    "  A->>B: x\n"
                    "  end\n"
                    "  rect rgba(0, 0, 255, 0.5)\n"
                    "  A->>B: y\n"
                    "  end\n");
    const jm_sequence *s = r.j ? r.j->sequence : NULL;
    CHECK(s && s->n_items == 2, "two rects");
    CHECK(count(r.d, JM_WARNING) == 0, "box and rect drawn: %zu warnings", count(r.d, JM_WARNING));
    if (!s) { done(&r); return; }
    CHECK(s->n_boxes == 2, "two boxes: %zu", s->n_boxes);
    if (s->n_boxes == 2) {
        const jm_seq_box *b = &s->boxes[0];
        CHECK(b->first == 0 && b->last == 1 && b->has_color && fabs(b->color.r - 128 / 255.0) < 1e-9
              && b->color.g == 0 && b->pos.line == 2, "Purple box holds A and C, from line 2");
        CHECK_STR(b->label, "Team A");
        b = &s->boxes[1];
        CHECK(b->first == 2 && b->last == 2 && !b->has_color, "'Another' is no colour: D's box has the style's");
        CHECK_STR(b->label, "Another Group");
    }
    const jm_seq_item *m = item(s->items, s->n_items, 0);
    CHECK(m && m->kind == JM_SEQ_RECT && m->has_color && fabs(m->color.b - 3 / 255.0) < 1e-9 && m->color.a == 1
          && m->n_sections == 1 && m->sections[0].n_items == 1 && m->pos.line == 9, "rect rgb at line 9 with its message");
    m = item(s->items, s->n_items, 1);
    CHECK(m && m->kind == JM_SEQ_RECT && m->has_color && m->color.b == 1 && fabs(m->color.a - 0.5) < 1e-9, "rect rgba");
    done(&r);
}

static void test_sequence_lifetimes(void) {
    loaded r = load("sequenceDiagram\n"
                    "  A->>B: hi\n"
                    "  create participant C as Carl\n"
                    "  A->>C: hello\n"
                    "  destroy C\n"
                    "  C-xA: bye\n"
                    "  destroy B\n"
                    "  A->>B: end\n");
    const jm_sequence *s = r.j ? r.j->sequence : NULL;
    CHECK(s && s->n_items == 4 && s->n_participants == 3, "four messages, three participants");
    CHECK(count(r.d, JM_WARNING) == 0, "create and destroy drawn: %zu warnings", count(r.d, JM_WARNING));
    if (s && s->n_items == 4) {
        CHECK(!s->items[0].create && s->items[1].create && s->items[1].to == 2, "C created by the second message");
        CHECK(s->items[2].destroy_from && !s->items[2].destroy_to, "C destroyed as the sender");
        CHECK(s->items[3].destroy_to && !s->items[3].destroy_from, "B destroyed as the receiver");
        CHECK_STR(s->participants[2].label, "Carl");
    }
    done(&r);
    const struct { const char *src; int line, col; const char *what; } bad[] = {
        { "sequenceDiagram\n  create participant C\n  A->>B: x\n", 2, 3, "next message must go to it" },
        { "sequenceDiagram\n  A->>C: x\n  create participant C\n  A->>C: y\n", 3, 22, "already exists" },
        { "sequenceDiagram\n  A->>B: x\n  destroy B\n", 3, 3, "no message follows" },
        { "sequenceDiagram\n  destroy B\n  A->>B: x\n  B->>A: y\n", 4, 3, "after it is destroyed" },
        { "sequenceDiagram\n  loop x\n  box Aqua G\n  end\n  end\n", 3, 3, "boxes group participants" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        loaded e = load(bad[i].src);
        const jm_diag *d = jm_diags_get(e.d, 0);
        CHECK(!e.j && d && d->severity == JM_ERROR && d->pos.line == bad[i].line && d->pos.col == bad[i].col
              && strstr(d->message, bad[i].what), "bad lifetime %zu: %d:%d '%s', got %d:%d %s", i, bad[i].line,
              bad[i].col, bad[i].what, d ? d->pos.line : 0, d ? d->pos.col : 0, d ? d->message : "nothing");
        done(&e);
    }
}

static void test_flowchart(void) {
    /* seed 000's stage row, flattened onto one line as in the seed */
    loaded r = load("flowchart LR AW[\"Awareness<br/>3 journeys\"] RU[\"Running<br/>0 (v2 gap)\"] "
                    "SC(Scaling) AW --> RU --> SC classDef gap fill:#ddd,stroke:#888,color:#555 class RU,SC gap\n");
    const jm_journey *j = r.j;
    CHECK(j && j->n_stages == 3, "three stages");
    if (j && j->n_stages == 3) {
        CHECK_STR(j->stages[0].name, "Awareness");
        CHECK(j->stages[0].has_count && j->stages[0].count == 3 && !j->stages[0].gap, "3, not a gap");
        CHECK_STR(j->stages[0].unit, "journeys");
        CHECK(j->stages[1].has_count && j->stages[1].count == 0 && j->stages[1].gap, "0, a gap");
        CHECK_STR(j->stages[1].note, "v2 gap");
        CHECK(j->stages[2].gap && !j->stages[2].has_count, "Scaling: a gap without a count");
        CHECK(j->views.n == 1 && !strcmp(j->views.v[0], "funnel"), "a flowchart draws as the funnel");
    }
    done(&r);
    r = load("graph TD\n  C --> A\n  A --> B\n");
    CHECK(r.j && r.j->n_stages == 3 && !strcmp(r.j->stages[0].name, "C"), "the arrows give the order");
    done(&r);
    /* arrow labels become the transition into the stage they lead to */
    r = load("flowchart LR\n  A -->|signs <br/>up| B -- \"pays\" --> C ==> D\n  D -.->|`renews`| E\n");
    CHECK(r.j && r.j->n_stages == 5, "five stages");
    if (r.j && r.j->n_stages == 5) {
        const jm_stage *st = r.j->stages;
        CHECK(!st[0].transition && !st[3].transition, "no label, no transition");
        CHECK_STR(st[1].transition, "signs\nup");
        CHECK_STR(st[2].transition, "pays");
        CHECK_STR(st[4].transition, "renews");
    }
    CHECK(count(r.d, JM_WARNING) == 0, "arrow labels drawn, not warned: %zu", count(r.d, JM_WARNING));
    done(&r);
}

static void test_errors(void) {
    EXPECT_ERROR("sequenceDiagrm\n  A->>B: hi\n", 1, 1, "unknown Mermaid diagram 'sequenceDiagrm' (did you mean 'sequenceDiagram'?)");
    expect_error_at(__LINE__, "x.yaml", "%% c\nsequenceDiagrm\n", 2, 1,
                    "unknown Mermaid diagram 'sequenceDiagrm' (did you mean 'sequenceDiagram'?)");
    EXPECT_ERROR("sequenceDiagram\n  participnat Alice\n", 2, 3, "unknown keyword 'participnat' (did you mean 'participant'?)");
    EXPECT_ERROR("sequenceDiagram\n  A->>B: hi\n  Note lft of A: x\n", 3, 8,
                 "expected 'left of', 'right of' or 'over' after 'Note' (did you mean 'left of'?)");
    EXPECT_ERROR("sequenceDiagram\n  A->>B\n", 2, 8, "expected ':' and the message text after 'B'");
    EXPECT_ERROR("sequenceDiagram\n  loop x\n  A->>B: y\n", 2, 3, "'loop' is not closed with 'end'");
    EXPECT_ERROR("sequenceDiagram\n  A->>B: y\n  else z\n", 3, 3, "'else' outside a 'alt' block");
    EXPECT_ERROR("gantt\n  title x\n", 1, 1, "'gantt' is a Mermaid diagram journeymap does not draw; journeymap draws "
                 "journey, sequenceDiagram and flowchart/graph as one chain of stages");
    EXPECT_ERROR("journey\n  section S\n  Task: five: Me\n", 3, 9, "expected a score from 1 to 5 after 'Task:'");
    EXPECT_ERROR("journey\n  sectoin S\n", 2, 3, "unknown keyword 'sectoin' (did you mean 'section'?)");
    EXPECT_ERROR("flowchart LR\n  A --> B\n  A --> C\n", 3, 3, "the flowchart branches at 'A': a second arrow leaves it "
                 "(journeymap draws a flowchart that is one chain of stages)");
    EXPECT_ERROR("flowchart LR\n  A --> C\n  B --> C\n", 3, 9, "the flowchart branches at 'C': a second arrow leads into it "
                 "(journeymap draws a flowchart that is one chain of stages)");
    EXPECT_ERROR("graph LR\n  A --> B --> A\n", 2, 15, "the flowchart branches at 'A': an arrow leads back to it "
                 "(journeymap draws a flowchart that is one chain of stages)");
    EXPECT_ERROR("graph LR\n  A --> B\n  E\n", 3, 3, "the flowchart branches at 'E': it is not connected to 'A' "
                 "(journeymap draws a flowchart that is one chain of stages)");
}

int main(void) {
    test_detect();
    test_journey();
    test_yaml_actors();
    test_sequence();
    test_sequence_half_heads();
    test_sequence_numbering();
    test_sequence_boxes_rects();
    test_sequence_lifetimes();
    test_flowchart();
    test_errors();
    return CHECK_DONE();
}
