/* test_mdjourney.c - Markdown journey documents: the model built from small documents (title,
 * metadata and persona, stages by heading, steps, lanes, action tables, other tables, emotions
 * with stated scores, cards, features, a mermaid stage row and sequence), positions at the
 * source, plain-text documents with heading lines, the Mac Roman mojibake repair, warnings for
 * what cannot be read, and the error for a document that is no journey. */
#include "check.h"
#include "load_query.h"
#include "load.h"
#include <stdlib.h>
#include <string.h>

static loaded load(const char *text) { return load_as("doc.md", text); }


static const char *doc =
    "# Opening an account\n"                                  /* 1 */
    "\n"
    "**Persona**: Dana, first-time saver\n"                   /* 3 */
    "**Product**: Online bank\n"
    "\n"
    "> \"I just want it to work.\"\n"                         /* 6 */
    "\n"
    "```mermaid\n"                                            /* 8 */
    "flowchart LR\n"
    "  A[Discover] --> B[Apply] --> C[Use]\n"
    "```\n"
    "\n"
    "## Stage 1: Discover\n"                                  /* 13 */
    "\n"
    "### Trigger events\n"
    "- Salary needs a home\n"                                 /* 16 */
    "\n"
    "### Actions\n"
    "| Action | Channel | Frequency |\n"                       /* 19 */
    "|---|---|---|\n"
    "| Compares banks | Web | Once |\n"
    "\n"
    "### Emotions\n"
    "- \xF0\x9F\x98\x9F Worried about fees (-1.5)\n"          /* 24 */
    "- Calm\n"
    "\n"
    "### Opportunities\n"
    "- **Clear fees**: one page\n"                            /* 28 */
    "\n"
    "### Mood board\n"
    "- blue\n"                                                /* 31 */
    "\n"
    "## Apply\n"                                              /* 33 */
    "\n"
    "### Thoughts\n"
    "> \"Why so many forms?\"\n"                              /* 36 */
    "\n"
    "Step 1: Fill the form\n"                                 /* 38 */
    "\n"
    "### Pain points\n"
    "- Upload fails\n"                                        /* 41 */
    "\n"
    "## Fees\n"
    "\n"
    "| Plan | Fee |\n"                                        /* 45 */
    "|---|---|\n"
    "| Basic | 0 |\n";

static void test_model(void) {
    loaded r = load(doc);
    const jm_journey *j = r.j;
    CHECK(j != NULL, "loads (%zu diagnostics)", jm_diags_count(r.d));
    if (!j) { jm_diags_print(r.d, stderr, 10); done(&r); return; }
    CHECK_STR(j->title, "Opening an account");
    CHECK_STR(j->subtitle, "Persona: Dana, first-time saver\nProduct: Online bank");
    CHECK(j->persona && !strcmp(j->persona->name, "Dana"), "persona name");
    CHECK(j->persona && j->persona->role && !strcmp(j->persona->role, "first-time saver"), "persona role");
    CHECK(j->persona && j->persona->quote && !strcmp(j->persona->quote, "I just want it to work."), "quote");
    CHECK(j->n_stages == 3, "stages from the flowchart, matched by name: %zu", j->n_stages);
    if (j->n_stages != 3) { done(&r); return; }
    const jm_stage *s = &j->stages[0];
    CHECK_STR(s->name, "Discover");
    CHECK_STR(s->id, "discover");
    CHECK(s->triggers.n == 1 && s->triggers.pos[0].line == 16 && s->triggers.pos[0].col == 3, "trigger at 16:3");
    CHECK(s->n_actions == 1 && !strcmp(s->actions[0].channel, "Web") && !strcmp(s->actions[0].frequency, "Once"),
          "actions table keeps channel and frequency");
    CHECK(s->n_actions == 1 && s->actions[0].pos.line == 21, "action row at line 21");
    CHECK(s->n_emotions == 2, "two emotions");
    CHECK(s->n_emotions == 2 && s->emotions[0].has_score && s->emotions[0].score == -1.5 && !s->emotions[0].estimated,
          "a stated score is used as is");
    CHECK(s->n_emotions == 2 && s->emotions[0].emoji && !strcmp(s->emotions[0].emoji, "\xF0\x9F\x98\x9F"), "emoji");
    CHECK_STR(s->n_emotions ? s->emotions[0].label : NULL, "Worried about fees");
    CHECK(s->n_emotions == 2 && !s->emotions[1].emoji && !strcmp(s->emotions[1].label, "Calm"), "no emoji");
    CHECK(s->n_emotions == 2 && s->emotions[0].pos.line == 24, "emotion at line 24");
    CHECK(s->n_opportunities == 1 && !strcmp(s->n_opportunities ? s->opportunities[0].title : "", "Clear fees") &&
          !strcmp(s->opportunities[0].text, "one page"), "opportunity title and text");
    CHECK(s->n_lanes == 1 && !strcmp(s->lanes[0].name, "Mood board") && s->lanes[0].items.n == 1, "custom lane");
    s = &j->stages[1];
    CHECK_STR(s->name, "Apply");
    CHECK(s->thoughts.n == 1 && !strcmp(s->thoughts.v[0], "Why so many forms?"), "a quoted thought");
    CHECK(j->n_steps == 1 && j->steps[0].stage == 1 && !strcmp(j->steps[0].title, "Fill the form"), "step in its stage");
    CHECK(j->n_steps == 1 && j->steps[0].pos.line == 38, "step at line 38");
    CHECK(j->n_steps == 1 && j->steps[0].pain_points.n == 1, "the step's pain point");
    CHECK(j->stages[2].name && !strcmp(j->stages[2].name, "Use"), "a stage only the flowchart names");
    CHECK(j->n_tables == 1 && !strcmp(j->tables[0].title, "Fees") && j->tables[0].n_rows == 1 &&
          j->tables[0].n_columns == 2, "a table outside any lane is a table of the map");
    CHECK(count(r.d, JM_WARNING) == 0, "no warnings: %zu", count(r.d, JM_WARNING));
    done(&r);
}

static void test_plain_text(void) {
    /* seed 000's shape: headings as lines, a one-line flowchart, stage sections with card items */
    loaded r = load("Index\nAll the journeys.\nflowchart LR A[\"One<br/>2 journeys\"] B[\"Two<br/>0 (gap)\"] A --> B\n"
                    "One\nWhy it starts.\n- slug-a: Ann (builder), does a thing.\n- slug-b: Bo (buyer), does another.\n"
                    "Two\nNothing yet.\n");
    const jm_journey *j = r.j;
    CHECK(j && j->n_stages == 2, "two stages");
    if (j && j->n_stages == 2) {
        CHECK_STR(j->title, "Index");
        CHECK_STR(j->subtitle, "All the journeys.");
        CHECK(j->stages[0].has_count && j->stages[0].count == 2, "count from the flowchart");
        CHECK_STR(j->stages[0].need, "Why it starts.");
        CHECK(j->stages[0].n_items == 2, "two cards");
        CHECK(j->stages[0].n_items == 2 && !strcmp(j->stages[0].items[1].title, "slug-b") &&
              !strcmp(j->stages[0].items[1].who, "Bo (buyer)") && !strcmp(j->stages[0].items[1].text, "does another."),
              "card: slug, who, text");
        CHECK_STR(j->stages[1].need, "Nothing yet.");
    }
    done(&r);
    /* a plain section that is no stage: its items and lines are a table titled with it */
    r = load("Index\nflowchart LR A[One] --> B[Two]\nOne\n- x: y\nWhere to go next\n- By persona: the people.\n"
             "- Product: the parts.\nMore in v2.\n");
    j = r.j;
    CHECK(j && j->n_tables == 1 && !strcmp(j->tables[0].title, "Where to go next") && j->tables[0].n_columns == 2 &&
          j->tables[0].n_rows == 3, "a section's list is a table");
    CHECK(j && j->n_tables == 1 && j->tables[0].n_rows == 3 && !strcmp(j->tables[0].cells[2], "Product") &&
          !strcmp(j->tables[0].cells[3], "the parts.") && !strcmp(j->tables[0].cells[4], "More in v2."),
          "name: description in two cells; a line in the first");
    done(&r);
    /* seed 001's shape: steps with Action / Thoughts / Emotions paragraphs, no stages */
    r = load("A story\n\nIntro text.\n\nStep 1: Begin\n\nAction\n\nShe starts.\n\nThoughts\n\n\xE2\x80\x9CHere we go.\xE2\x80\x9D\n\n"
             "Emotions\n\nNervous but ready. More words here.\n\nStep 2: End\n\nAction\n\nShe ends.\n");
    j = r.j;
    CHECK(j && j->n_steps == 2, "two steps");
    if (j && j->n_steps == 2) {
        CHECK(j->steps[0].actions.n == 1 && !strcmp(j->steps[0].actions.v[0], "She starts."), "action paragraph");
        CHECK(j->steps[0].thoughts.n == 1 && !strcmp(j->steps[0].thoughts.v[0], "Here we go."), "curly quotes trimmed");
        CHECK(j->steps[0].emotion && !strcmp(j->steps[0].emotion->label, "Nervous but ready"), "emotion: first sentence");
        CHECK(j->n_stages == 2 && j->steps[1].stage == 1, "each step is the stage of its column");
    }
    done(&r);
}

static void test_mojibake(void) {
    /* "\xF0\x9F\x98\xA4" (😤) shown as Mac Roman and saved as UTF-8: U+F8FF, ü, ò, § */
    loaded r = load("# T\n## S\n### Emotions\n- \xEF\xA3\xBF\xC3\xBC\xC3\xB2\xC2\xA7 Angry\n- caf\xC3\xA9 \xC3\xBC ok\n");
    const jm_journey *j = r.j;
    CHECK(j && j->n_stages == 1 && j->stages[0].n_emotions == 2, "two emotions");
    if (j && j->n_stages == 1 && j->stages[0].n_emotions == 2) {
        CHECK_STR(j->stages[0].emotions[0].emoji, "\xF0\x9F\x98\xA4");
        CHECK_STR(j->stages[0].emotions[0].label, "Angry");
        CHECK_STR(j->stages[0].emotions[1].label, "caf\xC3\xA9 \xC3\xBC ok");   /* real accents stay */
    }
    done(&r);
    r = load("# T\n## S\n### Emotions\n- \xC3\xBC\xC3\xB2 words\n");   /* no U+F8FF + ü pair: not mojibake */
    CHECK(r.j && r.j->stages[0].n_emotions == 1 && !strcmp(r.j->stages[0].emotions[0].label, "\xC3\xBC\xC3\xB2 words"),
          "text without the pair is left alone");
    done(&r);
}

static void test_mermaid_journey(void) {
    /* a page whose journey is a ```mermaid journey block: its sections and tasks are the journey */
    loaded r = load("# Page\n\nSome text.\n\n```mermaid\njourney\n  title Shop\n  section Find\n    Search: 3: Me\n"
                    "  section Buy\n    Pay: 5: Me\n```\n");
    const jm_journey *j = r.j;
    CHECK(j && j->n_stages == 2 && j->n_steps == 2, "stages and steps from the journey block");
    CHECK(j && j->n_steps == 2 && j->steps[1].stage == 1 && !strcmp(j->steps[1].stage_id, "buy"), "step in its section");
    CHECK(j && j->n_steps == 2 && j->steps[0].pos.line == 9, "task at its document line (9)");
    CHECK(j && !strcmp(j->title, "Page"), "the document's title");
    done(&r);
}

static void test_errors(void) {
    loaded r = load("# Notes\n\nJust some text.\n\n- a list\n");
    CHECK(r.j == NULL, "a document with no journey fails");
    const jm_diag *x = jm_diags_count(r.d) ? jm_diags_get(r.d, 0) : NULL;
    CHECK(x && x->severity == JM_ERROR && x->pos.line == 1 && strstr(x->message, "looked for stage headings"),
          "the error says what was looked for");
    done(&r);
    r = load("# T\n## S\n### Actions\n| Who | Where |\n|---|---|\n| a | b |\n### Emotions\n- \xF0\x9F\x98\x80 Glad (+5)\n"
             "```mermaid\nsequenceDiagram\n  A->>B hi\n```\n");
    CHECK(r.j != NULL, "warnings only: the rest is drawn");
    CHECK(count(r.d, JM_WARNING) == 3, "three warnings, got %zu", count(r.d, JM_WARNING));
    for (size_t i = 0; i < jm_diags_count(r.d); i++) {
        const jm_diag *w = jm_diags_get(r.d, i);
        int want = i == 0 ? 4 : i == 1 ? 8 : 11;
        CHECK(w->pos.line == want, "warning %zu at line %d, want %d: %s", i, w->pos.line, want, w->message);
    }
    CHECK(r.j && r.j->n_tables == 1 && r.j->stages[0].n_emotions == 1 &&
              (!r.j->stages[0].emotions[0].has_score || r.j->stages[0].emotions[0].estimated),
          "the unreadable actions table is a map table, the score out of range is dropped (an estimate may take its place)");
    done(&r);
    /* too large a document: an error before any parsing */
    size_t big = 300 * 1024;
    char *text = malloc(big + 1);
    memset(text, 'x', big);
    text[big] = '\0';
    r = load(text);
    CHECK(r.j == NULL && jm_diags_count(r.d) == 1 && strstr(jm_diags_get(r.d, 0)->message, "more than the limit"),
          "a document over the limit is refused");
    done(&r);
    free(text);
}

int main(void) {
    test_model();
    test_plain_text();
    test_mojibake();
    test_mermaid_journey();
    test_errors();
    return CHECK_DONE();
}
