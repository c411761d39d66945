/* test_load.c - the journey loader: the spec's example and a full-feature file load with the right
 * values; each kind of error gives its diagnostic at an exact line:col; jm_read_file and its limits. */
#include "check.h"
#include "load_query.h"
#include "load.h"
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

static loaded load(const char *yaml) { return load_as("j.yaml", yaml); }

/* Loading `yaml` fails and diagnostic number `idx` is exactly line:col and msg. */
static void expect_error_at(int src_line, const char *yaml, size_t idx, int line, int col, const char *msg) {
    loaded r = load(yaml);
    CHECK(r.j == NULL, "line %d: load should fail", src_line);
    const jm_diag *x = jm_diags_get(r.d, idx);
    CHECK(x != NULL, "line %d: no diagnostic %zu", src_line, idx);
    if (x) {
        CHECK(x->pos.line == line && x->pos.col == col, "line %d: at %d:%d, want %d:%d (%s)", src_line,
              x->pos.line, x->pos.col, line, col, x->message);
        CHECK(strcmp(x->message, msg) == 0, "line %d: got '%s', want '%s'", src_line, x->message, msg);
        CHECK(x->severity == JM_ERROR && x->file && !strcmp(x->file, "j.yaml"), "line %d: an error in j.yaml", src_line);
    }
    done(&r);
}
#define EXPECT_ERROR(yaml, line, col, msg) expect_error_at(__LINE__, (yaml), 0, (line), (col), (msg))
#define EXPECT_ERROR_N(yaml, idx, line, col, msg) expect_error_at(__LINE__, (yaml), (idx), (line), (col), (msg))

static const char *spec_example =
    "title: \"Petra · Joining Catena-X without an IT team\"\n"
    "persona: {name: \"Petra Novák\", role: \"Operations Manager, 85-person supplier in Pilsen\", archetype: participant}\n"
    "stages:\n"
    "  - {name: Awareness}\n"
    "  - {name: Onboarding}\n"
    "steps:\n"
    "  - title: The mandate arrives\n"
    "    stage: awareness\n"
    "    thoughts: [\"The customer email says this is straightforward.\"]\n"
    "    emotion: {label: \"Anxious and mildly overwhelmed\", score: -2, emoji: \"😟\"}\n"
    "  - title: Account created in 22 minutes\n"
    "    stage: onboarding\n"
    "    emotion: {label: Pleasantly surprised, score: 1}\n"
    "sequence:\n"
    "  participants:\n"
    "    - {id: P, label: Petra, kind: actor}\n"
    "    - {id: K, label: \"Kaphera (web + support)\"}\n"
    "  messages:\n"
    "    - \"P->>K: create account, set up org (22 min)\"\n"
    "    - {delay: \"3-10 business days\"}\n"
    "    - {from: K, to: P, text: connector active, kind: reply}\n";

static void test_spec_example(void) {
    loaded r = load(spec_example);
    CHECK(r.j != NULL, "the spec's example loads (%zu diagnostics)", jm_diags_count(r.d));
    CHECK(jm_diags_count(r.d) == 0, "without diagnostics");
    const jm_journey *j = r.j;
    if (!j) { done(&r); return; }
    CHECK_STR(j->title, "Petra · Joining Catena-X without an IT team");
    CHECK_STR(j->file, "j.yaml");
    CHECK(j->persona && !strcmp(j->persona->name, "Petra Novák") && !strcmp(j->persona->archetype, "participant"),
          "persona");
    CHECK(j->n_stages == 2, "two stages");
    CHECK_STR(j->stages[0].id, "awareness");
    CHECK_STR(j->stages[1].id, "onboarding");
    CHECK(j->stages[0].pos.line == 4 && j->stages[0].pos.col == 5, "stage position");
    CHECK(j->n_steps == 2 && j->steps[0].stage == 0 && j->steps[1].stage == 1, "steps in stages");
    CHECK(j->steps[0].thoughts.n == 1 && j->steps[0].thoughts.pos[0].line == 9, "thoughts");
    const jm_emotion *e = j->steps[0].emotion;
    CHECK(e && e->has_score && e->score == -2 && !strcmp(e->emoji, "😟") &&
          !strcmp(e->label, "Anxious and mildly overwhelmed"), "first emotion");
    CHECK(j->steps[1].emotion && j->steps[1].emotion->score == 1 && !j->steps[1].emotion->emoji, "second emotion");
    const jm_sequence *s = j->sequence;
    CHECK(s && s->n_participants == 2 && s->n_items == 3 && s->n_messages == 2, "sequence counts");
    if (s && s->n_items == 3) {
        CHECK(s->participants[0].kind == JM_PART_ACTOR && s->participants[1].kind == JM_PART_PARTICIPANT, "kinds");
        CHECK_STR(s->participants[1].label, "Kaphera (web + support)");
        CHECK(s->items[0].kind == JM_SEQ_MESSAGE && s->items[0].from == 0 && s->items[0].to == 1 &&
              s->items[0].msg == JM_MSG_SYNC, "string message");
        CHECK_STR(s->items[0].text, "create account, set up org (22 min)");
        CHECK(s->items[1].kind == JM_SEQ_DELAY && !strcmp(s->items[1].text, "3-10 business days"), "delay");
        CHECK(s->items[2].from == 1 && s->items[2].to == 0 && s->items[2].msg == JM_MSG_REPLY, "mapping message");
    }
    CHECK(j->n_features == 0 && j->n_tables == 0 && j->views.n == 0 && !j->style && !j->subtitle, "absent parts");
    done(&r);
}

static const char *full_doc =
    "title: 42\n"
    "subtitle: \"Line one\\nline two\"\n"
    "author: Team\n"
    "style: dark\n"
    "views: [map, funnel, sequence, emotions]\n"
    "persona:\n"
    "  name: Petra Novák\n"
    "  role:\n"
    "  quote: 'It has to just run.\\nReally.'\n"
    "  goals: [g1, g2]\n"
    "  frustrations: [f1]\n"
    "stages:\n"
    "  - name: Awareness\n"                              /* line 13 */
    "    count: 3\n"
    "    unit: journeys\n"
    "    note: true\n"
    "    duration: 1-3 months\n"
    "    need: clarity\n"
    "    items:\n"
    "      - {title: it-just-runs, who: Petra, text: finds a path}\n"
    "    triggers: [t1]\n"
    "    pain_points: [p1, p2]\n"
    "    touchpoints: [web]\n"
    "    metrics: [m1]\n"
    "    thoughts: [\"What now?\"]\n"
    "    actions:\n"
    "      - Read the email\n"
    "      - {text: Call support, channel: phone, frequency: once}\n"
    "    emotions:\n"
    "      - {label: Anxious, score: -2, emoji: \"😟\"}\n"
    "      - {emoji: \"🙂\"}\n"
    "    opportunities:\n"
    "      - Clear docs\n"
    "      - {title: Guide, text: A step-by-step guide}\n"
    "    lanes:\n"
    "      backstage: [b1, b2]\n"
    "      kpis: []\n"
    "  - {id: on-board, name: On Boarding, count: 0.5, gap: true}\n"
    "  - {name: Running Well, gap: no}\n"
    "steps:\n"
    "  - title: The mandate arrives\n"
    "    stage: awareness\n"
    "    actions: Read it\n"
    "    thoughts: [hmm]\n"
    "    emotion: {label: Anxious, score: -1.5}\n"
    "    touchpoints: [email]\n"
    "    pain_points: [unclear]\n"
    "    opportunities: [Explain]\n"
    "  - title: Account created\n"
    "    stage: on-board\n"
    "    actions: [a1, a2]\n"
    "  - {title: Third, stage: running-well}\n"
    "sequence:\n"
    "  title: Storyline\n"
    "  autonumber: true\n"
    "  participants:\n"
    "    - {id: P, label: Petra, kind: actor}\n"
    "    - {id: K}\n"
    "    - {id: DS, label: Data space, kind: system}\n"
    "    - {id: DB, kind: database}\n"
    "  messages:\n"
    "    - \"P->>K: sync\"\n"                              /* item 0 */
    "    - \"K-->>P: reply\"\n"
    "    - \"P-)K: async\"\n"
    "    - \"K--)P: async reply\"\n"
    "    - \"P->K: open\"\n"
    "    - \"K-->P: dotted\"\n"                            /* item 5 */
    "    - \"P->>+K: activate\"\n"
    "    - \"K-->>-P: deactivate\"\n"
    "    - 'P->>P: self\\nline'\n"
    "    - {from: K, to: DS, text: mapped, kind: async, activate: true}\n"
    "    - {from: DS, to: K, deactivate: true, kind: reply}\n"   /* item 10 */
    "    - {note: \"over two\", over: [K, DS]}\n"
    "    - {note: one, over: DB}\n"
    "    - {note: left, left_of: P}\n"
    "    - {note: right, right_of: DB}\n"
    "    - {delay: 3-10 business days}\n"                /* item 15 */
    "    - group: alt\n"
    "      label: valid\n"
    "      messages:\n"
    "        - \"K->>DS: ok\"\n"
    "        - group: loop\n"
    "          label: retry\n"
    "          messages: [\"DS->>DB: write\"]\n"
    "      else:\n"
    "        - label: invalid\n"
    "          messages: [\"K-->>P: rejected\"]\n"
    "        - label: timeout\n"
    "    - {group: par, label: both, messages: [\"P->>K: a\"], else: [{label: also, messages: [\"P->>DS: b\"]}]}\n"
    "    - {group: opt, messages: []}\n"
    "    - {group: critical, label: c, messages: [\"K->>K: x\"]}\n"
    "    - {note: pair, over: \"P, DB\"}\n"             /* item 20 */
    "features:\n"
    "  - {icon: \"⚡\", title: Fast, text: Very}\n"
    "  - {title: Plain}\n"
    "tables:\n"
    "  - title: Summary\n"
    "    columns: [A, B, C]\n"
    "    rows:\n"
    "      - [1, two, ~]\n"
    "      - [x, y, z]\n"
    "  - {columns: [only]}\n";

static void test_full_document(void) {
    loaded r = load(full_doc);
    CHECK(r.j != NULL, "the full document loads");
    if (!r.j) { jm_diags_print(r.d, stderr, 5); done(&r); return; }
    const jm_journey *j = r.j;
    CHECK_STR(j->title, "42");
    CHECK_STR(j->subtitle, "Line one\nline two");
    CHECK_STR(j->author, "Team");
    CHECK_STR(j->style, "dark");
    CHECK(j->style_pos.line == 4 && j->style_pos.col == 8, "style position");
    CHECK(j->views.n == 4 && !strcmp(j->views.v[0], "map") && !strcmp(j->views.v[3], "emotions"), "views");
    const jm_persona *p = j->persona;
    CHECK(p && !p->role && p->goals.n == 2 && p->frustrations.n == 1 && !p->image, "persona fields");
    if (p) CHECK_STR(p->quote, "It has to just run.\nReally.");

    CHECK(j->n_stages == 3, "three stages");
    const jm_stage *s = &j->stages[0];
    CHECK(s->has_count && s->count == 3 && !strcmp(s->unit, "journeys") && !strcmp(s->note, "true"), "count, unit, note");
    CHECK(!s->gap && !strcmp(s->duration, "1-3 months") && !strcmp(s->need, "clarity"), "duration, need");
    CHECK(s->n_items == 1 && !strcmp(s->items[0].who, "Petra") && !strcmp(s->items[0].text, "finds a path"), "item");
    CHECK(s->triggers.n == 1 && s->pain_points.n == 2 && s->touchpoints.n == 1 && s->metrics.n == 1 &&
          s->thoughts.n == 1, "lane lists");
    CHECK(s->n_actions == 2 && !strcmp(s->actions[0].text, "Read the email") && !s->actions[0].channel &&
          !strcmp(s->actions[1].channel, "phone") && !strcmp(s->actions[1].frequency, "once"), "actions, both forms");
    CHECK(s->n_emotions == 2 && s->emotions[0].has_score && !s->emotions[0].estimated &&
          !strcmp(s->emotions[1].emoji, "🙂"), "stage emotions");
    CHECK(s->n_emotions == 2 && s->emotions[1].has_score && s->emotions[1].estimated && s->emotions[1].score == 1,
          "an emotion without a score gets its emoji's, marked estimated");
    CHECK(s->n_opportunities == 2 && !strcmp(s->opportunities[0].title, "Clear docs") && !s->opportunities[0].text &&
          !strcmp(s->opportunities[1].text, "A step-by-step guide"), "opportunities, both forms");
    CHECK(s->n_lanes == 2 && !strcmp(s->lanes[0].name, "backstage") && s->lanes[0].items.n == 2 &&
          s->lanes[1].items.n == 0 && s->lanes[1].pos.line == 37, "custom lanes in order");
    CHECK_STR(j->stages[1].id, "on-board");
    CHECK(j->stages[1].gap && j->stages[1].has_count && j->stages[1].count == 0.5, "gap stage");
    CHECK_STR(j->stages[2].id, "running-well");
    CHECK(!j->stages[2].gap && !j->stages[2].has_count, "no count");

    CHECK(j->n_steps == 3, "three steps");
    const jm_step *st = &j->steps[0];
    CHECK(st->stage == 0 && !strcmp(st->stage_id, "awareness"), "step stage");
    CHECK(st->actions.n == 1 && !strcmp(st->actions.v[0], "Read it"), "actions as one text");
    CHECK(st->emotion && st->emotion->score == -1.5 && st->touchpoints.n == 1 && st->pain_points.n == 1 &&
          st->n_opportunities == 1, "step lanes");
    CHECK(j->steps[1].stage == 1 && j->steps[1].actions.n == 2 && !j->steps[1].emotion, "second step");
    CHECK(j->steps[2].stage == 2, "third step");

    const jm_sequence *q = j->sequence;
    CHECK(q && q->autonumber && !strcmp(q->title, "Storyline"), "sequence title, autonumber");
    CHECK(q && q->n_participants == 4 && q->n_items == 21 && q->n_messages == 17, "sequence counts: %zu %zu %zu",
          q ? q->n_participants : 0, q ? q->n_items : 0, q ? q->n_messages : 0);
    if (q && q->n_items == 21) {
        CHECK_STR(q->participants[1].label, "K");
        CHECK(q->participants[2].kind == JM_PART_SYSTEM && q->participants[3].kind == JM_PART_DATABASE, "kinds");
        const jm_msg_kind kinds[] = { JM_MSG_SYNC, JM_MSG_REPLY, JM_MSG_ASYNC, JM_MSG_REPLY, JM_MSG_SYNC, JM_MSG_REPLY };
        for (int i = 0; i < 6; i++)
            CHECK(q->items[i].kind == JM_SEQ_MESSAGE && q->items[i].msg == kinds[i] &&
                  !q->items[i].activate && !q->items[i].deactivate, "arrow %d", i);
        CHECK(q->items[0].from == 0 && q->items[0].to == 1 && q->items[1].from == 1 && q->items[1].to == 0, "ends");
        CHECK_STR(q->items[3].text, "async reply");
        CHECK(q->items[6].activate && !q->items[6].deactivate && q->items[6].msg == JM_MSG_SYNC, "+ activates");
        CHECK(q->items[7].deactivate && !q->items[7].activate && q->items[7].msg == JM_MSG_REPLY, "- deactivates");
        CHECK(q->items[8].from == 0 && q->items[8].to == 0, "self-message");
        CHECK_STR(q->items[8].text, "self\nline");
        CHECK(q->items[9].from == 1 && q->items[9].to == 2 && q->items[9].msg == JM_MSG_ASYNC && q->items[9].activate,
              "mapping message");
        CHECK(q->items[10].deactivate && q->items[10].msg == JM_MSG_REPLY && !strcmp(q->items[10].text, ""),
              "mapping reply without text");
        const jm_seq_item *n = &q->items[11];
        CHECK(n->kind == JM_SEQ_NOTE && n->place == JM_NOTE_OVER && n->n_over == 2 && n->over[0] == 1 &&
              n->over[1] == 2, "note over two");
        CHECK(q->items[12].n_over == 1 && q->items[12].over[0] == 3, "note over one id");
        CHECK(q->items[13].place == JM_NOTE_LEFT_OF && q->items[13].over[0] == 0, "left_of");
        CHECK(q->items[14].place == JM_NOTE_RIGHT_OF && q->items[14].over[0] == 3, "right_of");
        CHECK(q->items[15].kind == JM_SEQ_DELAY && !strcmp(q->items[15].text, "3-10 business days"), "delay");
        const jm_seq_item *g = &q->items[16];
        CHECK(g->kind == JM_SEQ_GROUP && g->group == JM_GROUP_ALT && g->n_sections == 3, "alt with two else");
        if (g->n_sections == 3) {
            CHECK_STR(g->sections[0].label, "valid");
            CHECK(g->sections[0].n_items == 2 && g->sections[0].items[1].kind == JM_SEQ_GROUP &&
                  g->sections[0].items[1].group == JM_GROUP_LOOP, "nested loop");
            const jm_seq_item *loop = &g->sections[0].items[1];
            CHECK(loop->n_sections == 1 && loop->sections[0].n_items == 1 && loop->sections[0].items[0].from == 2 &&
                  loop->sections[0].items[0].to == 3, "loop body");
            CHECK_STR(g->sections[1].label, "invalid");
            CHECK(g->sections[1].n_items == 1 && g->sections[1].items[0].msg == JM_MSG_REPLY, "else body");
            CHECK(g->sections[1].pos.line == 86 && g->sections[1].pos.col == 11, "else position %d", g->sections[1].pos.line);
            CHECK_STR(g->sections[2].label, "timeout");
            CHECK(g->sections[2].n_items == 0, "empty else");
        }
        CHECK(q->items[17].group == JM_GROUP_PAR && q->items[17].n_sections == 2 &&
              !strcmp(q->items[17].sections[1].label, "also"), "par with else");
        CHECK(q->items[18].group == JM_GROUP_OPT && q->items[18].sections[0].n_items == 0 &&
              !q->items[18].sections[0].label, "empty opt");
        CHECK(q->items[19].group == JM_GROUP_CRITICAL, "critical");
        CHECK(q->items[20].n_over == 2 && q->items[20].over[0] == 0 && q->items[20].over[1] == 3, "over as 'P, DB'");
    }
    CHECK(j->n_features == 2 && !strcmp(j->features[0].icon, "⚡") && !j->features[1].text, "features");
    CHECK(j->n_tables == 2, "tables");
    if (j->n_tables == 2) {
        const jm_table *t = &j->tables[0];
        CHECK(t->n_columns == 3 && t->n_rows == 2, "table size");
        CHECK(!strcmp(t->cells[0], "1") && !strcmp(t->cells[2], "") && !strcmp(t->cells[5], "z"), "cells");
        CHECK(j->tables[1].n_columns == 1 && j->tables[1].n_rows == 0 && !j->tables[1].title, "table without rows");
    }
    done(&r);
}

static void test_nulls_and_scalars(void) {
    loaded r = load("title: T\nsubtitle:\nstyle: ~\npersona: null\nstages:\nviews:\n");
    CHECK(r.j && !r.j->subtitle && !r.j->style && !r.j->persona && r.j->n_stages == 0 && r.j->views.n == 0,
          "null counts as absent");
    done(&r);
    r = load("title: T\nstages: [{name: 2024, note: 1.50}]\nsteps: [{title: yes, stage: \"2024\"}]\n");
    CHECK(r.j && !strcmp(r.j->stages[0].id, "2024") && !strcmp(r.j->stages[0].note, "1.50") &&
          !strcmp(r.j->steps[0].title, "yes") && r.j->steps[0].stage == 0, "numbers and bools as written");
    done(&r);
    r = load("title: T\nsteps: [{title: a}]\n");
    CHECK(r.j && r.j->steps[0].stage == -1 && !r.j->steps[0].stage_id, "no stages: steps need none");
    done(&r);
    r = load_as("-", "title: from stdin\n");
    CHECK(r.j && !strcmp(r.j->file, "<stdin>"), "stdin shows as <stdin>");
    char *cwd = g_get_current_dir();
    if (r.j) CHECK(r.j->dir && r.j->dir[0] == '/', "stdin resolves against the current folder");
    g_free(cwd);
    done(&r);
}

static void test_errors(void) {
    /* top level */
    EXPECT_ERROR("title: x\nstagse: []\n", 2, 1, "unknown key 'stagse' (did you mean 'stages'?)");
    EXPECT_ERROR("title: x\nfoo: 1\n", 2, 1, "unknown key 'foo' in the journey (known keys: title, subtitle, persona, "
                 "stages, steps, sequence, features, tables, style, views, author, acc_title, acc_descr, lane_labels)");
    EXPECT_ERROR("subtitle: x\n", 1, 1, "the journey needs a 'title'");
    EXPECT_ERROR("", 1, 1, "the file is empty: a journey needs at least a 'title'");
    EXPECT_ERROR("\xEF\xBB\xBF", 1, 1, "the file is empty: a journey needs at least a 'title'");
    EXPECT_ERROR(" \n\t\n", 1, 1, "the file holds no journey, only whitespace, comments or '---': a journey needs "
                 "at least a 'title'");
    EXPECT_ERROR("# only a comment\n", 1, 1, "the file holds no journey, only whitespace, comments or '---': a "
                 "journey needs at least a 'title'");
    EXPECT_ERROR("--- # a marker\n...\n", 1, 1, "the file holds no journey, only whitespace, comments or '---': a "
                 "journey needs at least a 'title'");
    EXPECT_ERROR("---\n", 1, 1, "the file holds no journey, only whitespace, comments or '---': a journey needs "
                 "at least a 'title'");
    EXPECT_ERROR("--- {}\n", 1, 5, "the journey needs a 'title'");
    EXPECT_ERROR("title:\n", 1, 1, "the journey needs a 'title'");
    EXPECT_ERROR("- a\n", 1, 1, "a journey file must be a mapping, not a list");
    EXPECT_ERROR("title: [a]\n", 1, 8, "'title' must be a text, not a list");
    EXPECT_ERROR("title: x\nstyle: {a: 1}\n", 2, 8, "'style' must be a text, not a mapping");
    EXPECT_ERROR("title: x\nviews: [funel]\n", 2, 9, "unknown view 'funel' (did you mean 'funnel'?)");
    EXPECT_ERROR("title: x\nviews: [poster]\n", 2, 9, "unknown view 'poster' (views: funnel, sequence, emotions, map)");
    EXPECT_ERROR("title: x\nviews: [map, map]\n", 2, 14, "view 'map' is listed twice (first at line 2)");
    EXPECT_ERROR("title: x\nviews: map\n", 2, 8, "'views' must be a list, not a text");
    /* several unknown keys at once, all reported, and the rest still checked */
    loaded r = load("titel: x\nstagse: []\nsubtitle: [a]\n");
    CHECK(!r.j && jm_diags_errors(r.d) == 4, "four errors, got %zu", jm_diags_errors(r.d));
    done(&r);

    /* stages */
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, count: [1]}\n", 3, 22, "'count' must be a number, not a list");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, count: \"3\"}\n", 3, 22, "'count' must be a number, not the text '3'");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, count: -1}\n", 3, 22, "'count' must not be negative, not -1");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, gap: maybe}\n", 3, 20, "'gap' must be true or false, not the text 'maybe'");
    EXPECT_ERROR_N("title: x\nstages:\n  - {nme: C}\n", 0, 3, 6, "unknown key 'nme' (did you mean 'name'?)");
    EXPECT_ERROR_N("title: x\nstages:\n  - {nme: C}\n", 1, 3, 5, "stage needs a 'name'");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A}\n  - {id: a, name: B}\n", 4, 10, "duplicate stage id 'a' (first at line 3)");
    EXPECT_ERROR("title: x\nstages:\n  - {name: New User}\n  - {name: new user}\n", 4, 5,
                 "duplicate stage id 'new-user' (first at line 3)");
    EXPECT_ERROR("title: x\nstages:\n  - Awareness\n", 3, 5, "a stage must be a mapping, not a text");
    EXPECT_ERROR("title: x\nstages: {name: A}\n", 2, 9, "'stages' must be a list, not a mapping");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, emotions: [{score: 3}]}\n", 3, 34, "'score' must be between -2 and +2, not 3");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, emotions: [{score: high}]}\n", 3, 34,
                 "'score' must be a number, not the text 'high'");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, emotions: [{}]}\n", 3, 26, "an emotion needs a 'label', a 'score' or an 'emoji'");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, emotions: [{lable: x}]}\n", 3, 27, "unknown key 'lable' (did you mean 'label'?)");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, actions: [[x]]}\n", 3, 25, "an action must be a text or a mapping, not a list");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, actions: [{channel: web}]}\n", 3, 25, "action needs a 'text'");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, opportunities: [{text: t}]}\n", 3, 31, "opportunity needs a 'title'");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, items: [x]}\n", 3, 23, "an item must be a mapping, not a text");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, lanes: [x]}\n", 3, 22, "'lanes' must be a mapping, not a list");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, lanes: {backstage: [{a: 1}]}}\n", 3, 35,
                 "each entry of 'backstage' must be a text, not a mapping");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, thoughts: [ok, [no]]}\n", 3, 30,
                 "each entry of 'thoughts' must be a text, not a list");
    EXPECT_ERROR("title: x\nstages:\n  - {name: A, id: \"\"}\n", 3, 19, "'id' must not be empty");

    /* steps */
    EXPECT_ERROR("title: x\nstages: [{name: Onboarding}]\nsteps:\n  - {title: s, stage: onbording}\n", 4, 23,
                 "unknown stage 'onbording' (did you mean 'onboarding'?)");
    EXPECT_ERROR("title: x\nstages: [{name: A}, {name: B}]\nsteps:\n  - {title: s, stage: zzz}\n", 4, 23,
                 "unknown stage 'zzz' (stage ids: a, b)");
    EXPECT_ERROR("title: x\nstages: [{name: A}]\nsteps:\n  - {title: s}\n", 4, 5, "step needs a 'stage'");
    EXPECT_ERROR("title: x\nsteps:\n  - {title: s, stage: a}\n", 3, 23, "unknown stage 'a' (the file has no stages)");
    EXPECT_ERROR("title: x\nsteps:\n  - {stage: a, titel: s}\n", 3, 16, "unknown key 'titel' (did you mean 'title'?)");
    EXPECT_ERROR("title: x\nsteps:\n  - {title: s, actions: {a: 1}}\n", 3, 25,
                 "'actions' must be a text or a list of texts, not a mapping");
    EXPECT_ERROR("title: x\nsteps:\n  - {title: s, emotion: happy}\n", 3, 25, "an emotion must be a mapping, not a text");
    /* a stage with an error does not make every step's stage unknown */
    r = load("title: x\nstages: [{nme: A}]\nsteps: [{title: s, stage: a}]\n");
    CHECK(!r.j && jm_diags_errors(r.d) == 2, "no cascade, got %zu errors", jm_diags_errors(r.d));
    done(&r);

    /* a BOM is not a column; the source is registered, so printing shows the line and a caret */
    EXPECT_ERROR("\xEF\xBB\xBFtitel: x\n", 1, 1, "unknown key 'titel' (did you mean 'title'?)");
    r = load("\xEF\xBB\xBFtitle: x\nsequence:\n  participants: [{id: P}]\n  messages: [\"P->>Q: x\"]\n");
    {
        char *buf = NULL;
        size_t size = 0;
        FILE *mem = open_memstream(&buf, &size);
        jm_diags_print(r.d, mem, 0);
        fclose(mem);
        CHECK_STR(buf, "j.yaml:4:19: error: unknown participant 'Q' (participants: P)\n"
                       "    4 |   messages: [\"P->>Q: x\"]\n"
                       "      |                   ^\n");
        free(buf);
    }
    done(&r);

    /* persona, features, tables */
    EXPECT_ERROR("title: x\npersona: {role: r}\n", 2, 10, "persona needs a 'name'");
    EXPECT_ERROR("title: x\npersona: Petra\n", 2, 10, "'persona' must be a mapping, not a text");
    EXPECT_ERROR("title: x\npersona: {name: P, goals: g}\n", 2, 27, "'goals' must be a list, not a text");
    EXPECT_ERROR("title: x\nfeatures: [{text: t}]\n", 2, 12, "feature needs a 'title'");
    EXPECT_ERROR("title: x\ntables:\n  - columns: [a, b, c, d]\n    rows:\n      - [1, 2, 3, 4]\n      - [1, 2]\n", 6, 9,
                 "row 2 has 2 cells, the table has 4 columns");
    EXPECT_ERROR("title: x\ntables:\n  - columns: [a]\n    rows:\n      - [1, 2]\n", 5, 9, "row 1 has 2 cells, the table has 1 column");
    EXPECT_ERROR("title: x\ntables:\n  - columns: [a]\n    rows: [x]\n", 4, 12, "row 1 must be a list, not a text");
    EXPECT_ERROR("title: x\ntables:\n  - {title: t}\n", 3, 5, "table needs a 'columns'");
    EXPECT_ERROR("title: x\ntables:\n  - {columns: []}\n", 3, 15, "'columns' must name at least one column");
}

static void test_sequence_errors(void) {
    const char *head = "title: x\nsequence:\n  participants: [{id: P}, {id: K}]\n  messages:\n";
#define SEQ(msgs) g_strconcat(head, msgs, NULL)
    struct { const char *msgs; int line, col; const char *msg; } cases[] = {
        { "    - \"P->>Q: hi\"\n", 5, 12, "unknown participant 'Q' (participants: P, K)" },
        { "    - \"Pp->>K: hi\"\n", 5, 8, "unknown participant 'Pp' (did you mean 'P'?)" },
        { "    - \" P ->>+ KK : hi\"\n", 5, 16, "unknown participant 'KK' (did you mean 'K'?)" },
        { "    - P=>K hi\n", 5, 7, "expected a message like 'A->>B: text' (arrows ->>, -->>, -), --), -> or -->), not 'P=>K hi'" },
        { "    - \"P->>K hi\"\n", 5, 16, "expected ':' and the message text after 'K hi'" },
        { "    - \"->>K: hi\"\n", 5, 7, "expected a participant id before '->>' in '->>K: hi'" },
        { "    - \"P->>: hi\"\n", 5, 12, "expected a participant id after '->>' in 'P->>: hi'" },
        { "    - [P, K]\n", 5, 7, "a message must be a text or a mapping, not a list" },
        { "    - {from: P, to: X}\n", 5, 21, "unknown participant 'X' (participants: P, K)" },
        { "    - {from: P}\n", 5, 7, "message needs a 'to'" },
        { "    - {from: P, to: K, kind: rply}\n", 5, 30, "unknown message kind 'rply' (did you mean 'reply'?)" },
        { "    - {from: P, to: K, kind: push}\n", 5, 30, "unknown message kind 'push' (message kinds: sync, reply, async)" },
        { "    - {from: P, to: K, activate: 1}\n", 5, 34, "'activate' must be true or false, not the text '1'" },
        { "    - {from: P, to: K, txt: hi}\n", 5, 24, "unknown key 'txt' (did you mean 'text'?)" },
        { "    - {note: x}\n", 5, 7, "note needs an 'over', a 'left_of' or a 'right_of'" },
        { "    - {note: x, over: P, left_of: K}\n", 5, 26, "a note takes only one of 'over', 'left_of' and 'right_of'" },
        { "    - {note: x, over: []}\n", 5, 23, "'over' must name at least one participant" },
        { "    - {note: x, over: [P, Z]}\n", 5, 27, "unknown participant 'Z' (participants: P, K)" },
        { "    - {note: x, left_of: [P]}\n", 5, 26, "'left_of' must be a text, not a list" },
        { "    - {group: lop}\n", 5, 15, "unknown group kind 'lop' (did you mean 'loop'?); group kinds: loop, alt, opt, par, critical, break" },
        { "    - {group: sometimes}\n", 5, 15, "unknown group kind 'sometimes' (group kinds: loop, alt, opt, par, critical, break)" },
        { "    - {group: loop, else: []}\n", 5, 21, "'else' is only allowed in alt, par and critical groups, not in a loop group" },
        { "    - {group: alt, else: [x]}\n", 5, 27, "an else branch must be a mapping, not a text" },
        { "    - {group: alt, messages: [\"P->>X: a\"]}\n", 5, 36, "unknown participant 'X' (participants: P, K)" },
        { "    - {group: opt, messages: [{group: alt, else: [{label: l, messages: [\"X->>K: a\"]}]}]}\n", 5, 74,
          "unknown participant 'X' (participants: P, K)" },
        { "    - {group: opt, lable: x}\n", 5, 20, "unknown key 'lable' (did you mean 'label'?)" },
        { "    - {delay: soon, note: x, over: P}\n", 5, 8, "unknown key 'delay' in a note (known keys: note, over, left_of, right_of)" },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *y = SEQ(cases[i].msgs);
        expect_error_at(__LINE__ * 1000 + (int)i, y, 0, cases[i].line, cases[i].col, cases[i].msg);
        g_free(y);
    }
#undef SEQ
    EXPECT_ERROR("title: x\nsequence:\n  participants: [{id: P}, {label: K}]\n", 3, 27, "participant needs an 'id'");
    EXPECT_ERROR("title: x\nsequence:\n  participants: [{id: P}, {id: P}]\n", 3, 32, "duplicate participant id 'P' (first at line 3)");
    EXPECT_ERROR("title: x\nsequence:\n  participants: [{id: P, kind: robot}]\n", 3, 32,
                 "unknown participant kind 'robot' (participant kinds: participant, actor, system, database, boundary, control, entity, queue, collections)");
    EXPECT_ERROR("title: x\nsequence:\n  messages: [\"A->>B: x\"]\n", 3, 15,
                 "unknown participant 'A' (the sequence has no 'participants')");
    EXPECT_ERROR("title: x\nsequence: [a]\n", 2, 11, "'sequence' must be a mapping, not a list");
    EXPECT_ERROR("title: x\nsequence: {autonumber: yes please}\n", 2, 24, "'autonumber' must be true or false, not the text 'yes please'");

    /* group nesting: 16 levels are fine, 17 are not */
    for (int depth = 16; depth <= 17; depth++) {
        GString *y = g_string_new("title: x\nsequence:\n  participants: [{id: P}]\n  messages:\n");
        g_string_append(y, "    - ");
        for (int i = 0; i < depth; i++) g_string_append(y, "      {group: loop, messages: [\n");
        g_string_append(y, "      \"P->>P: deep\"\n");
        for (int i = 0; i < depth; i++) g_string_append(y, "      ]}\n");
        loaded r = load(y->str);
        if (depth == 16) {
            CHECK(r.j && r.j->sequence->n_messages == 1, "16 nested groups load");
        } else {
            const jm_diag *x = jm_diags_get(r.d, 0);
            CHECK(!r.j && x && !strcmp(x->message, "groups nested deeper than 16 levels") && x->pos.line == 21,
                  "17 nested groups fail: %s", x ? x->message : "(none)");
        }
        done(&r);
        g_string_free(y, TRUE);
    }
}

static void test_limits(void) {
    GString *y = g_string_new("title: x\nstages:\n");
    for (int i = 0; i <= JM_MAX_STAGES; i++) g_string_append_printf(y, "  - {name: s%d}\n", i);
    expect_error_at(__LINE__, y->str, 0, 3, 3, "'stages' has 201 entries, more than the limit of 200");
    g_string_assign(y, "title: x\ntables: [{columns: [");
    for (int i = 0; i <= JM_MAX_COLUMNS; i++) g_string_append_printf(y, "%sc%d", i ? ", " : "", i);
    g_string_append(y, "]}]\n");
    expect_error_at(__LINE__, y->str, 0, 2, 20, "'columns' has 51 entries, more than the limit of 50");
    g_string_assign(y, "title: x\nsequence:\n  participants:\n");
    for (int i = 0; i <= JM_MAX_PARTICIPANTS; i++) g_string_append_printf(y, "    - {id: p%d}\n", i);
    expect_error_at(__LINE__, y->str, 0, 4, 5, "'participants' has 101 entries, more than the limit of 100");
    g_string_assign(y, "title: x\nsequence:\n  participants: [{id: P}]\n  messages:\n");
    for (int i = 0; i < JM_MAX_MESSAGES / 2; i++)
        g_string_append(y, "    - {group: loop, messages: [\"P->>P: x\"]}\n");
    g_string_append(y, "    - \"P->>P: one too many\"\n");
    expect_error_at(__LINE__, y->str, 0, 5005, 7, "the sequence has more than 10000 messages, notes and groups");
    g_string_assign(y, "title: x\nstages:\n  - name: a\n    thoughts:\n");
    for (int i = 0; i <= JM_MAX_ITEMS; i++) g_string_append(y, "      - t\n");
    expect_error_at(__LINE__, y->str, 0, 5, 7, "'thoughts' has 2001 entries, more than the limit of 2000");
    g_string_free(y, TRUE);
}

static void test_read_file(void) {
    char *dir = g_dir_make_tmp("jm-load-XXXXXX", NULL);
    char *path = g_build_filename(dir, "a.yaml", NULL);
    g_file_set_contents(path, "title: t\n", -1, NULL);
    jm_diags *d = jm_diags_new();
    size_t len = 0;
    char *t = jm_read_file(path, &len, d);
    CHECK(t && len == 9 && t[9] == '\0' && !strcmp(t, "title: t\n"), "reads and NUL-terminates");
    g_free(t);
    char *missing = g_build_filename(dir, "none.yaml", NULL);
    CHECK(jm_read_file(missing, &len, d) == NULL, "missing file");
    const jm_diag *x = jm_diags_get(d, 0);
    CHECK(x && !strcmp(x->message, "cannot read the file: No such file or directory") && !strcmp(x->file, missing),
          "strerror in the message: %s", x ? x->message : "");
    CHECK(jm_read_file(dir, &len, d) == NULL, "a folder is not a file");
    x = jm_diags_get(d, 1);
    CHECK(x && !strcmp(x->message, "cannot read the file: it is a folder"), "folder: %s", x ? x->message : "");
    char *big = g_build_filename(dir, "big.yaml", NULL);
    FILE *f = fopen(big, "wb");
    if (f) { CHECK(ftruncate(fileno(f), JM_MAX_FILE_BYTES + 1) == 0, "truncate"); fclose(f); }
    CHECK(jm_read_file(big, &len, d) == NULL, "too big");
    x = jm_diags_get(d, 2);
    CHECK(x && !strcmp(x->message, "cannot read the file: it has 8388609 bytes, more than the limit of 8388608"), "size: %s",
          x ? x->message : "");
    f = fopen(big, "wb");
    if (f) { CHECK(ftruncate(fileno(f), JM_MAX_FILE_BYTES) == 0, "truncate"); fclose(f); }
    t = jm_read_file(big, &len, d);
    CHECK(t && len == JM_MAX_FILE_BYTES, "exactly the limit is fine");
    g_free(t);
    g_unlink(big);
    g_unlink(path);
    g_rmdir(dir);
    g_free(big); g_free(missing); g_free(path); g_free(dir);
    jm_diags_free(d);
}

int main(void) {
    test_spec_example();
    test_full_document();
    test_nulls_and_scalars();
    test_errors();
    test_sequence_errors();
    test_limits();
    test_read_file();
    return CHECK_DONE();
}
