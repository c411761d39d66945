/* test_hostile.c - hostile journey files: the small ones in tests/hostile/, big ones generated here.
 * Each must fail fast with one clear diagnostic at an exact place, never crash or hang. */
#include "check.h"
#include "load_query.h"
#include "load.h"
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static char *hostile_dir;


/* Checks that r failed, with `n_errors` errors (0: any), the first exactly at line:col with msg. */
static void expect(const char *name, loaded *r, size_t n_errors, int line, int col, const char *msg) {
    CHECK(r->j == NULL, "%s: must not load", name);
    const jm_diag *x = jm_diags_get(r->d, 0);
    CHECK(x != NULL, "%s: no diagnostic", name);
    if (x) {
        CHECK(x->pos.line == line && x->pos.col == col, "%s: at %d:%d, want %d:%d", name, x->pos.line, x->pos.col,
              line, col);
        CHECK(!strcmp(x->message, msg), "%s: got '%s', want '%s'", name, x->message, msg);
    }
    if (n_errors) CHECK(jm_diags_errors(r->d) == n_errors, "%s: %zu errors, want %zu", name, jm_diags_errors(r->d), n_errors);
}

/* A file from tests/hostile/, read with jm_read_file like the program does. */
static void expect_file(const char *name, size_t n_errors, int line, int col, const char *msg) {
    char *path = g_build_filename(hostile_dir, name, NULL);
    jm_diags *rd = jm_diags_new();
    size_t len = 0;
    char *text = jm_read_file(path, &len, rd);
    CHECK(text != NULL, "%s: readable", path);
    if (text) {
        loaded r = load_text(path, text, len);
        expect(name, &r, n_errors, line, col, msg);
        const jm_diag *x = jm_diags_get(r.d, 0);
        if (x) CHECK_STR(x->file, path);
        done(&r);
    }
    g_free(text);
    jm_diags_free(rd);
    g_free(path);
}

static void test_files(void) {
    expect_file("invalid-utf8.yaml", 1, 2, 14, "invalid UTF-8 byte 0xC3");
    expect_file("billion-laughs.yaml", 1, 6, 20, "alias expansion exceeds 131072 bytes of text");
    expect_file("recursive-alias.yaml", 1, 4, 12, "alias '*s' refers to a node that contains it");
    expect_file("bad-table-row.yaml", 1, 8, 9, "row 3 has 2 cells, the table has 4 columns");
    expect_file("image-parent.yaml", 1, 4, 10, "persona image '../secret.png' is outside the folder of the journey file");
    expect_file("image-absolute.yaml", 1, 4, 10, "persona image '/etc/passwd' is outside the folder of the journey file");
    expect_file("sneaky-parent.yaml", 1, 4, 10, "persona image './../hostile-not-here/../../secret.png' is outside "
                "the folder of the journey file");
    expect_file("image-not-png.yaml", 1, 4, 10, "persona image 'not-a-png.png' cannot be used: it is not a PNG file");
    expect_file("image-missing.yaml", 1, 4, 10, "persona image 'nowhere/missing.png' cannot be opened: "
                "No such file or directory");
    expect_file("tab-indent.yaml", 1, 3, 1, "a tab cannot indent YAML (use spaces)");
    expect_file("duplicate-keys.yaml", 2, 2, 20, "duplicate key 'name' (first at line 2)");
    expect_file("multi-doc.yaml", 1, 2, 1, "only one YAML document per file");
    expect_file("unknown-everything.yaml", 6, 1, 1, "unknown key 'titel' (did you mean 'title'?)");
    expect_file("arrow-soup.yaml", 4, 6, 7, "expected a message like 'A->>B: text' (arrows ->>, -->>, -), --), -> "
                "or -->), not 'A=>>B: not an arrow'");
}

static void test_generated(void) {
    GString *s = g_string_new("title: ");
    for (int i = 0; i < 10000; i++) g_string_append_c(s, '[');
    for (int i = 0; i < 10000; i++) g_string_append_c(s, ']');
    loaded r = load_text("deep.yaml", s->str, s->len);
    expect("10000-deep flow nesting", &r, 1, 1, 71, "nesting deeper than 64 levels");
    done(&r);

    g_string_truncate(s, 0);
    for (int i = 0; i < 10000; i++) g_string_append(s, "- ");
    g_string_append(s, "x\n");
    r = load_text("deep.yaml", s->str, s->len);
    expect("10000-deep block nesting", &r, 1, 1, 129, "nesting deeper than 64 levels");
    done(&r);

    g_string_assign(s, "title: ");
    for (int i = 0; i < 1024 * 1024; i++) g_string_append_c(s, 'x');
    g_string_append_c(s, '\n');
    r = load_text("big.yaml", s->str, s->len);
    expect("1 MB scalar", &r, 1, 1, 8, "text of 1048576 bytes is longer than the limit of 65536 bytes");
    done(&r);

    g_string_assign(s, "title: x\nstages:\n");
    for (int i = 0; i < 100000; i++) g_string_append(s, "  - {name: s}\n");
    r = load_text("stages.yaml", s->str, s->len);
    expect("100k stages", &r, 1, 3, 3, "'stages' has 100000 entries, more than the limit of 200");
    done(&r);

    g_string_assign(s, "title: x\nsteps:\n");
    for (int i = 0; i < JM_MAX_STEPS; i++) g_string_append(s, "  - {title: s, stage: nowhere}\n");
    r = load_text("steps.yaml", s->str, s->len);
    expect("2000 bad steps", &r, 0, 3, 23, "unknown stage 'nowhere' (the file has no stages)");
    CHECK(jm_diags_errors(r.d) <= 101, "errors are capped, got %zu", jm_diags_errors(r.d));
    done(&r);

    r = load_text("nul.yaml", "title: a\0b\n", 11);
    expect("NUL byte", &r, 1, 1, 9, "NUL byte in the text");
    done(&r);

    g_string_truncate(s, 0);
    for (int i = 0; i < 30; i++) g_string_append_printf(s, "zz%d: 1\n", i);
    r = load_text("keys.yaml", s->str, s->len);
    expect("30 unknown keys", &r, 22, 1, 1, "unknown key 'zz0' in the journey (known keys: title, subtitle, persona, "
           "stages, steps, sequence, features, tables, style, views, author, acc_title, acc_descr, lane_labels)");
    const jm_diag *x = jm_diags_get(r.d, 20);
    CHECK(x && !strcmp(x->message, "10 more unknown keys in the journey"), "the rest are counted: %s", x ? x->message : "");
    done(&r);

    g_string_assign(s, "title: x\n");
    for (int i = 0; i < 60000; i++) g_string_append_c(s, 'k');
    g_string_append(s, ": 1\n");
    r = load_text("longkey.yaml", s->str, s->len);
    x = jm_diags_get(r.d, 0);
    CHECK(!r.j && x && strlen(x->message) < 300 && x->pos.line == 2, "a long key is shortened in the message");
    done(&r);
    g_string_free(s, TRUE);
}

static void write_file(const char *path, const void *data, size_t len) {
    CHECK(g_file_set_contents(path, data, (gssize)len, NULL), "write %s", path);
}

/* Persona images against a real folder: symlinks out, folders, paths that stay inside. */
static void test_images(void) {
    static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    char *root = g_dir_make_tmp("jm-hostile-XXXXXX", NULL);
    char *real_root = realpath(root, NULL);
    char *inner = g_build_filename(real_root, "inner", NULL);
    char *sub = g_build_filename(inner, "sub", NULL);
    g_mkdir_with_parents(sub, 0700);
    char *ok = g_build_filename(inner, "ok.png", NULL);
    char *outside = g_build_filename(real_root, "outside.png", NULL);
    char *link = g_build_filename(inner, "link.png", NULL);
    char *journey = g_build_filename(inner, "j.yaml", NULL);
    write_file(ok, png, sizeof png);
    write_file(outside, png, sizeof png);
    CHECK(symlink("../outside.png", link) == 0, "symlink");

    char *y = g_strdup_printf("title: t\npersona: {name: P, image: %s}\n", "link.png");
    loaded r = load_text(journey, y, strlen(y));
    char *want = g_strdup_printf("persona image 'link.png' is outside the folder of the journey file "
                                 "(it links to '%s')", outside);
    expect("symlink out of the folder", &r, 1, 2, 27, strlen(want) < 200 ? want : "(long path)");
    done(&r); g_free(y); g_free(want);

    y = g_strdup("title: t\npersona: {name: P, image: sub}\n");
    r = load_text(journey, y, strlen(y));
    expect("a folder as image", &r, 1, 2, 27, "persona image 'sub' cannot be used: it is a folder");
    done(&r); g_free(y);

    const char *fine[] = { "ok.png", "./sub/../ok.png", NULL };
    for (int i = 0; fine[i]; i++) {
        y = g_strdup_printf("title: t\npersona: {name: P, image: %s}\n", fine[i]);
        r = load_text(journey, y, strlen(y));
        CHECK(r.j && r.j->persona->image && !strcmp(r.j->persona->image, ok), "image %s resolves to %s", fine[i],
              r.j && r.j->persona->image ? r.j->persona->image : "(null)");
        done(&r); g_free(y);
    }
    y = g_strdup_printf("title: t\npersona: {name: P, image: \"%s\"}\n", ok);   /* absolute, inside */
    r = load_text(journey, y, strlen(y));
    CHECK(r.j && r.j->persona->image && !strcmp(r.j->persona->image, ok), "an absolute path inside the folder is fine");
    CHECK(r.j && !strcmp(r.j->dir, inner), "dir is the file's folder");
    done(&r); g_free(y);

    g_unlink(link); g_unlink(ok); g_unlink(outside); g_rmdir(sub); g_rmdir(inner); g_rmdir(root);
    g_free(journey); g_free(link); g_free(outside); g_free(ok); g_free(sub); g_free(inner); g_free(root);
    free(real_root);
}

int main(void) {
    const char *root = g_getenv("ROOT");
    if (root) {
        hostile_dir = g_build_filename(root, "tests", "hostile", NULL);
    } else {   /* built from the repo root: __FILE__ is tests/unit/test_hostile.c */
        char *unit = g_path_get_dirname(__FILE__), *tests = g_path_get_dirname(unit);
        hostile_dir = g_build_filename(tests, "hostile", NULL);
        g_free(unit); g_free(tests);
    }
    test_files();
    test_generated();
    test_images();
    g_free(hostile_dir);
    return CHECK_DONE();
}
