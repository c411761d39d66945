/* test_yamltree.c - the YAML tree: positions, aliases, limits, libyaml errors, typed reads, did-you-mean.
 * Each error case checks the diagnostic's line, column and message exactly. */
#include "check.h"
#include "model.h"
#include "yamltree.h"
#include <glib.h>
#include <string.h>

/* Parses text (with an explicit length, so NUL bytes can be tested). */
static const jm_ynode *parse_n(jm_arena *a, jm_diags *d, const char *text, size_t len) {
    return jm_yaml_parse(a, "t.yaml", text, len, d);
}
static const jm_ynode *parse(jm_arena *a, jm_diags *d, const char *text) {
    return parse_n(a, d, text, strlen(text));
}

/* Checks that parsing fails and the first diagnostic is at line:col with exactly `msg`. */
#define EXPECT_ERR_N(text, len, l, c, msg) do { \
    jm_arena *ar_ = jm_arena_new(); jm_diags *dg_ = jm_diags_new(); \
    const jm_ynode *n_ = parse_n(ar_, dg_, (text), (len)); \
    CHECK(n_ == NULL, "parse of %s should fail", #text); \
    const jm_diag *x_ = jm_diags_get(dg_, 0); \
    CHECK(x_ != NULL, "no diagnostic for %s", #text); \
    if (x_) { CHECK(x_->pos.line == (l) && x_->pos.col == (c), "at %d:%d, want %d:%d (%s)", \
                    x_->pos.line, x_->pos.col, (l), (c), x_->message); \
              CHECK_STR(x_->message, (msg)); CHECK_STR(x_->file, "t.yaml"); } \
    jm_diags_free(dg_); jm_arena_free(ar_); } while (0)
#define EXPECT_ERR(text, l, c, msg) EXPECT_ERR_N((text), strlen(text), (l), (c), (msg))

/* Checks that parsing succeeds without diagnostics. */
#define EXPECT_OK(text) do { \
    jm_arena *ar_ = jm_arena_new(); jm_diags *dg_ = jm_diags_new(); \
    CHECK(parse(ar_, dg_, (text)) != NULL && jm_diags_count(dg_) == 0, "parse of %s should pass: %s", #text, \
          jm_diags_get(dg_, 0) ? jm_diags_get(dg_, 0)->message : ""); \
    jm_diags_free(dg_); jm_arena_free(ar_); } while (0)

static void test_positions(void) {
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    const jm_ynode *r = parse(a, d, "title: Hi\nnamé: \"é ü\"\nlist:\n  - one\n  - 'two'\n  - [3, 4]\n");
    CHECK(r && r->kind == JM_Y_MAP && r->n == 3, "a mapping of three keys");
    CHECK(jm_diags_count(d) == 0, "no diagnostics");
    if (r && r->n == 3) {
        CHECK_STR(r->keys[1], "namé");
        CHECK(r->key_pos[1].line == 2 && r->key_pos[1].col == 1, "key at 2:1");
        const jm_ynode *v = r->values[1];
        CHECK(v->pos.line == 2 && v->pos.col == 7, "value at %d:%d, want 2:7 (characters, not bytes)",
              v->pos.line, v->pos.col);
        CHECK(!v->plain, "a quoted scalar is not plain");
        CHECK(v->len == strlen("é ü"), "len in bytes");
        const jm_ynode *l = jm_ymap_get(r, "list");
        CHECK(l && l->kind == JM_Y_SEQ && l->n == 3, "list of three");
        if (l && l->n == 3) {
            CHECK(l->pos.line == 4 && l->pos.col == 3, "block sequence at its first dash");
            CHECK(l->items[0]->plain && !l->items[1]->plain, "plain flags");
            CHECK(l->items[2]->kind == JM_Y_SEQ && l->items[2]->items[1]->pos.col == 9, "flow item col");
        }
        CHECK(jm_ymap_get(r, "nope") == NULL, "absent key");
        CHECK_STR(jm_ymap_get(r, "title")->str, "Hi");
    }
    /* CRLF, a BOM and a NEL (which YAML 1.1 calls a line break, but our lines end at \n only) */
    r = parse(a, d, "\xEF\xBB\xBF" "a: 1\r\nb: \"x\xC2\x85y\"\r\nc: 3\n");
    CHECK(r && r->n == 3, "CRLF file parses");
    if (r && r->n == 3) {
        CHECK(r->key_pos[0].line == 1 && r->key_pos[0].col == 1, "BOM not counted");
        CHECK(r->key_pos[2].line == 3 && r->key_pos[2].col == 1, "c at 3:1, got %d:%d",
              r->key_pos[2].line, r->key_pos[2].col);
    }
    jm_diags_free(d);
    jm_arena_free(a);
}

static void test_empty_and_aliases(void) {
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    const char *empties[] = { "", "# only a comment\n", "---\n", "---\n...\n", "~\n" };
    for (size_t i = 0; i < G_N_ELEMENTS(empties); i++) {
        const jm_ynode *r = parse(a, d, empties[i]);
        CHECK(r && r->kind == JM_Y_MAP && r->n == 0, "empty document %zu is an empty mapping", i);
    }
    const jm_ynode *r = parse(a, d, "base: &b {x: 1}\none: *b\ntwo: *b\n");
    CHECK(r && r->n == 3, "aliases parse");
    if (r && r->n == 3) CHECK(r->values[0] == r->values[1] && r->values[1] == r->values[2], "aliases share the node");
    r = parse(a, d, "s: &s hello\nk: {*s : 1}\n");   /* an alias to a scalar as a key */
    CHECK(r && jm_ymap_get(jm_ymap_get(r, "k"), "hello"), "alias key");
    CHECK(jm_diags_count(d) == 0, "no diagnostics");
    jm_diags_free(d);
    jm_arena_free(a);
}

static void test_errors(void) {
    EXPECT_ERR("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (first at line 1)");
    EXPECT_ERR("? [x]\n: 1\n", 1, 3, "a mapping key must be a text, not a list");
    EXPECT_ERR("k: {a: 1}\n? {b: 2}\n: 1\n", 2, 3, "a mapping key must be a text, not a mapping");
    EXPECT_ERR("a: ok\nb: caf\xC3(\n", 2, 7, "invalid UTF-8 byte 0xC3");
    EXPECT_ERR("\xFF", 1, 1, "invalid UTF-8 byte 0xFF");
    EXPECT_ERR_N("a: b\0c\n", 7, 1, 5, "NUL byte in the text");
    EXPECT_ERR("a: \"x\\0y\"\n", 1, 4, "text contains a NUL character");
    EXPECT_ERR("a: [b\nc: d\n", 2, 2, "did not find expected ',' or ']' (while parsing a flow sequence started at line 1)");
    EXPECT_ERR("a: b: c\n", 1, 5, "mapping values are not allowed in this context");
    EXPECT_ERR("a:\n\tb: c\n", 2, 1, "a tab cannot indent YAML (use spaces)");
    EXPECT_ERR("a: @x\n", 1, 4, "found character that cannot start any token");
    EXPECT_ERR("a: \x01\n", 1, 4, "control characters are not allowed");
    EXPECT_ERR("a: *nope\n", 1, 4, "unknown alias '*nope'");
    EXPECT_ERR("a: &x [1, *x]\n", 1, 11, "alias '*x' refers to a node that contains it");
    EXPECT_ERR("a: 1\n---\nb: 2\n", 2, 1, "only one YAML document per file");
    /* several key errors are all reported */
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    CHECK(parse(a, d, "a: 1\na: 2\nb: 1\nb: 2\n") == NULL, "duplicates fail");
    CHECK(jm_diags_errors(d) == 2, "both duplicates reported, got %zu", jm_diags_errors(d));
    jm_diags_free(d);
    jm_arena_free(a);
}

static void test_limits(void) {
    /* nesting: 64 levels parse, 65 do not */
    GString *s = g_string_new(NULL);
    for (int i = 0; i < JM_MAX_DEPTH; i++) g_string_append_c(s, '[');
    for (int i = 0; i < JM_MAX_DEPTH; i++) g_string_append_c(s, ']');
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    CHECK(parse(a, d, s->str) != NULL, "64 levels are fine");
    jm_diags_free(d);
    jm_arena_free(a);
    g_string_printf(s, "%s", "");
    for (int i = 0; i < 10000; i++) g_string_append_c(s, '[');
    for (int i = 0; i < 10000; i++) g_string_append_c(s, ']');
    EXPECT_ERR(s->str, 1, JM_MAX_DEPTH + 1, "nesting deeper than 64 levels");
    /* block nesting too */
    g_string_truncate(s, 0);
    for (int i = 0; i < 100; i++) g_string_append_printf(s, "%*sk:\n", 2 * i, "");
    EXPECT_ERR(s->str, 65, 129, "nesting deeper than 64 levels");

    /* a scalar over the limit */
    g_string_truncate(s, 0);
    g_string_append(s, "a: ok\nb: ");
    for (int i = 0; i < JM_MAX_TEXT_BYTES + 1; i++) g_string_append_c(s, 'x');
    g_string_append_c(s, '\n');
    EXPECT_ERR(s->str, 2, 4, "text of 65537 bytes is longer than the limit of 65536 bytes");

    /* billion laughs: fails at the first alias past the limit (bounded work: sizes are counted
     * once per node, never by expanding; `make bench`-style timing is not asserted here); with
     * texts the text limit comes first, with empty lists the node limit */
    EXPECT_ERR("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
               "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
               "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
               "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
               "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
               "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
               "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
               "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
               "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n",
               5, 20, "alias expansion exceeds 131072 bytes of text");
    EXPECT_ERR("a: &a [[], [], [], [], [], [], [], [], [], []]\n"
               "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
               "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
               "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
               "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
               "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
               "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n",
               6, 36, "alias expansion exceeds 1000000 nodes");

    /* the text of the values, aliases expanded: the limit passes, one byte more does not; keys
     * are not counted */
    g_string_assign(s, "a: &t ");
    for (int i = 0; i < JM_MAX_TEXT_BYTES; i++) g_string_append_c(s, 'x');
    g_string_append(s, "\nb: *t\n");
    EXPECT_OK(s->str);
    g_string_append(s, "c: y\n");
    EXPECT_ERR(s->str, 3, 4, "the document has more than 131072 bytes of text");
    g_string_truncate(s, s->len - 5);
    g_string_append(s, "c: [*t]\n");
    EXPECT_ERR(s->str, 3, 5, "alias expansion exceeds 131072 bytes of text");
    g_string_assign(s, "a: &t ");
    for (int i = 0; i < JM_MAX_TEXT_BYTES; i++) g_string_append_c(s, 'x');
    g_string_append(s, "\nb: *t\n");
    for (int i = 0; i < 100; i++) g_string_append_printf(s, "%s%d: \n", "a_long_key_that_is_not_drawn", i);
    EXPECT_OK(s->str);

    /* many plain nodes */
    g_string_assign(s, "[");
    for (int i = 0; i < JM_MAX_NODES + 10; i++) g_string_append(s, "[],");
    g_string_append(s, "[]]");
    EXPECT_ERR(s->str, 1, 3 * (JM_MAX_NODES - 1) + 2, "the document has more than 1000000 nodes");
    g_string_free(s, TRUE);
}

static void test_did_you_mean(void) {
    const char *const keys[] = { "title", "subtitle", "stages", "steps", "persona", "id", NULL };
    CHECK_STR(jm_did_you_mean("stagse", keys), "stages");
    CHECK_STR(jm_did_you_mean("titel", keys), "title");
    CHECK_STR(jm_did_you_mean("Title", keys), "title");
    CHECK_STR(jm_did_you_mean("step", keys), "steps");
    CHECK_STR(jm_did_you_mean("subtilte", keys), "subtitle");
    CHECK_STR(jm_did_you_mean("persnoa", keys), "persona");
    CHECK(jm_did_you_mean("colour", keys) == NULL, "no suggestion for colour");
    CHECK(jm_did_you_mean("to", keys) == NULL, "'to' is not 'id'");
    CHECK(jm_did_you_mean("", keys) == NULL, "empty word");
    const char *const ids[] = { "awareness", "onboarding", "evaluation", NULL };
    CHECK_STR(jm_did_you_mean("onbording", ids), "onboarding");
    CHECK_STR(jm_did_you_mean("awarenes", ids), "awareness");
}

static void test_typed(void) {
    jm_arena *a = jm_arena_new();
    jm_diags *d = jm_diags_new();
    const jm_ynode *r = parse(a, d,
        "n1: 3\nn2: -2.5\nn3: 1e3\nn4: \"3\"\nn5: three\nn6: .5\nn7: [1]\nn8: 1e999\n"
        "b1: true\nb2: no\nb3: 'true'\nb4: maybe\n"
        "z1:\nz2: ~\nz3: null\nz4: ''\nt1: 42\nt2: [x]\n");
    CHECK(r != NULL, "parses");
    if (!r) { jm_diags_free(d); jm_arena_free(a); return; }
    double v = 0;
    CHECK(jm_yget_number(jm_ymap_get(r, "n1"), "'n1'", "t.yaml", d, &v) && v == 3, "3");
    CHECK(jm_yget_number(jm_ymap_get(r, "n2"), "'n2'", "t.yaml", d, &v) && v == -2.5, "-2.5");
    CHECK(jm_yget_number(jm_ymap_get(r, "n3"), "'n3'", "t.yaml", d, &v) && v == 1000, "1e3");
    CHECK(jm_yget_number(jm_ymap_get(r, "n6"), "'n6'", "t.yaml", d, &v) && v == 0.5, ".5");
    CHECK(jm_diags_count(d) == 0, "no diagnostics yet");
    CHECK(!jm_yget_number(jm_ymap_get(r, "n4"), "'count'", "t.yaml", d, &v), "quoted is not a number");
    CHECK_STR(jm_diags_get(d, 0)->message, "'count' must be a number, not the text '3'");
    CHECK(jm_diags_get(d, 0)->pos.line == 4 && jm_diags_get(d, 0)->pos.col == 5, "at the value");
    CHECK(!jm_yget_number(jm_ymap_get(r, "n5"), "'count'", "t.yaml", d, &v), "three");
    CHECK_STR(jm_diags_get(d, 1)->message, "'count' must be a number, not the text 'three'");
    CHECK(!jm_yget_number(jm_ymap_get(r, "n7"), "'count'", "t.yaml", d, &v), "list");
    CHECK_STR(jm_diags_get(d, 2)->message, "'count' must be a number, not a list");
    CHECK(!jm_yget_number(jm_ymap_get(r, "n8"), "'count'", "t.yaml", d, &v), "infinite");
    bool b = false;
    CHECK(jm_yget_bool(jm_ymap_get(r, "b1"), "'gap'", "t.yaml", d, &b) && b, "true");
    CHECK(jm_yget_bool(jm_ymap_get(r, "b2"), "'gap'", "t.yaml", d, &b) && !b, "no");
    CHECK(!jm_yget_bool(jm_ymap_get(r, "b3"), "'gap'", "t.yaml", d, &b), "quoted true is a text");
    CHECK(!jm_yget_bool(jm_ymap_get(r, "b4"), "'gap'", "t.yaml", d, &b), "maybe");
    CHECK_STR(jm_diags_get(d, 5)->message, "'gap' must be true or false, not the text 'maybe'");
    CHECK(jm_yis_null(jm_ymap_get(r, "z1")) && jm_yis_null(jm_ymap_get(r, "z2")) &&
          jm_yis_null(jm_ymap_get(r, "z3")) && jm_yis_null(NULL), "nulls");
    CHECK(!jm_yis_null(jm_ymap_get(r, "z4")), "'' is an empty text, not null");
    const char *t = NULL;
    CHECK(jm_yget_text(jm_ymap_get(r, "t1"), "'title'", "t.yaml", d, &t) && !strcmp(t, "42"), "numbers as written");
    CHECK(!jm_yget_text(jm_ymap_get(r, "t2"), "'title'", "t.yaml", d, &t), "a list is not a text");
    CHECK_STR(jm_diags_get(d, 6)->message, "'title' must be a text, not a list");
    CHECK(!jm_yget_text(jm_ymap_get(r, "z2"), "'title'", "t.yaml", d, &t), "null is not a text");
    CHECK_STR(jm_diags_get(d, 7)->message, "'title' must be a text, not null");
    CHECK_STR(jm_ykind_name(jm_ymap_get(r, "b1")), "a text");
    CHECK_STR(jm_ykind_name(r), "a mapping");

    /* unknown keys: all reported, with and without a suggestion */
    const char *const allowed[] = { "name", "count", NULL };
    const jm_ynode *m = parse(a, d, "nmae: x\ncount: 1\nzzz: 2\n");
    size_t before = jm_diags_count(d);
    CHECK(!jm_ycheck_keys(m, allowed, "a stage", "t.yaml", d), "unknown keys");
    CHECK(jm_diags_count(d) == before + 2, "two reported");
    CHECK_STR(jm_diags_get(d, before)->message, "unknown key 'nmae' (did you mean 'name'?)");
    CHECK_STR(jm_diags_get(d, before + 1)->message, "unknown key 'zzz' in a stage (known keys: name, count)");
    CHECK(jm_diags_get(d, before + 1)->pos.line == 3 && jm_diags_get(d, before + 1)->pos.col == 1, "at the key");
    CHECK(jm_ycheck_keys(parse(a, d, "name: 1\n"), allowed, "a stage", "t.yaml", d), "all known");
    jm_diags_free(d);
    jm_arena_free(a);
}

int main(void) {
    test_positions();
    test_empty_and_aliases();
    test_errors();
    test_limits();
    test_did_you_mean();
    test_typed();
    return CHECK_DONE();
}
