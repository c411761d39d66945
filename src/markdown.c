/* markdown.c - Markdown mode (markdown.h): find the diagram blocks of a page with cmark-gfm, load
 * and draw each into memory, map every diagnostic back to the page, and splice image links into
 * a copy of the page.
 *
 * Why cmark-gfm and not md4c (both in Debian): cmark-gfm builds a tree whose every node knows its
 * start line and column and its end line, and whose siblings are at hand (the HTML comment right
 * before a fence); md4c is a faster push parser that reports no source positions (only pointers
 * into the text for the code's own characters, never for the fence lines), so the lines to
 * replace would have to be found again by hand, which is the hand-written parser this avoids.
 *
 *   source page                               block literal (what cmark hands us)
 *   12 | > ```mermaid {view=emotions}           fence: start_line 12, start_column 3
 *   13 | > journey                              literal line 1 "journey"    -> page line 13,
 *   14 | >   title Onboarding                   literal line 2 ...             col + 2 ("> ")
 *   15 | > ```                                  end_line 15
 *
 * A diagnostic at literal line L, column C is at page line start_line + L, column C plus the
 * characters the container took off that line (the page line's length minus the literal line's,
 * when the literal line is the end of the page line; tabs cmark expanded are the one case where it
 * is not, and the column is then not moved). The replaced bytes run from the fence's first
 * character to the end of the block's last line (before its line break), so "> " in front of the
 * fence and the line break after the block stay. */
#include "markdown.h"
#include <cmark-gfm.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "load.h"
#include "view.h"
#include "yamltree.h"

typedef struct {
    size_t from, to;             /* bytes of the page replaced */
    char *link;                  /* the Markdown that replaces them */
    char *path;                  /* the image file */
    GByteArray *bytes;           /* its contents */
} md_image;

struct jm_md_page {
    char *out;                   /* the output page's path */
    GByteArray *page;            /* the new page */
    GArray *images;              /* md_image */
};

/* The page's lines: where each starts (cmark's rule: \n, \r\n or \r ends a line). */
typedef struct {
    const char *text;
    size_t len;
    GArray *start;               /* size_t; [0] is line 1 */
} md_lines;

static void lines_init(md_lines *L, const char *text, size_t len) {
    L->text = text;
    L->len = len;
    L->start = g_array_new(FALSE, FALSE, sizeof(size_t));
    size_t s = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;   /* cmark skips a BOM */
    g_array_append_val(L->start, s);
    for (size_t i = s; i < len; i++) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n') i++;
        size_t next = i + 1;
        g_array_append_val(L->start, next);
    }
}

/* Bytes [*a, *b) of line `line` without its line break; false past the end. */
static bool line_span(const md_lines *L, int line, size_t *a, size_t *b) {
    if (line < 1 || (guint)line > L->start->len) return false;
    *a = g_array_index(L->start, size_t, line - 1);
    size_t e = *a;
    while (e < L->len && L->text[e] != '\n' && L->text[e] != '\r') e++;
    *b = e;
    return true;
}

/* The start of line `k` (1-based) of `s`, and its length without the line break; false past the end. */
static bool nth_line(const char *s, int k, const char **p, size_t *n) {
    for (int i = 1; i < k; i++) {
        s = strchr(s, '\n');
        if (!s) return false;
        s++;
    }
    const char *nl = strchr(s, '\n');
    *p = s;
    *n = nl ? (size_t)(nl - s) : strlen(s);
    return true;
}

/* A block's place in the page, to map its diagnostics. */
typedef struct {
    const md_lines *L;
    const char *literal;
    int first_line;              /* page line of literal line 1 */
    int last_line;               /* the block's last page line */
    jm_pos fence;                /* the fence's first character */
} md_block;

/* Literal line `lit_line`, column `col` -> the page. */
static jm_pos page_pos(const md_block *b, jm_pos p) {
    if (p.line <= 0) return b->fence;
    int line = b->first_line + p.line - 1;
    if (line > b->last_line) line = b->last_line;
    size_t a, e, n;
    const char *lit;
    if (!line_span(b->L, line, &a, &e) || !nth_line(b->literal, p.line, &lit, &n)) return (jm_pos){ line, p.col };
    size_t m = e - a;
    long prefix = 0;
    if (n <= m && memcmp(b->L->text + e - n, lit, n) == 0)
        prefix = g_utf8_strlen(b->L->text + a, (gssize)(m - n));
    return (jm_pos){ line, p.col > 0 ? p.col + (int)prefix : p.col };
}

/* Moves the diagnostics of a block's load and drawing (`from`, whose positions are in the block)
 * to `d`, at their places in the page `name`. Those about other files (a style file) stay. */
static void move_diags(jm_diags *from, jm_diags *d, const char *name, const md_block *b) {
    for (size_t i = 0; i < jm_diags_count(from); i++) {
        const jm_diag *x = jm_diags_get(from, i);
        if (x->file && strcmp(x->file, name) != 0) jm_diag_add(d, x->severity, x->file, x->pos, "%s", x->message);
        else jm_diag_add(d, x->severity, name, page_pos(b, x->file ? x->pos : (jm_pos){ 0, 0 }), "%s", x->message);
    }
}

/* ---- a block's options: ```mermaid {view=emotions style=dark} or <!-- journeymap: ... --> ---- */

typedef struct { const char *view, *style; } md_choice;

static const char *const option_keys[] = { "view", "style", NULL };

/* Reads `key=value` words (separated by blanks or commas, braces ignored) from s into c; errors
 * at `pos`. Values live in the arena. */
static bool read_choices(const char *s, md_choice *c, jm_arena *a, const char *name, jm_pos pos, jm_diags *d) {
    bool ok = true;
    while (*s) {
        while (*s && strchr(" \t{},", *s)) s++;
        if (!*s) break;
        const char *k = s;
        while (*s && !strchr(" \t{},=", *s)) s++;
        char *key = jm_arena_strndup(a, k, (size_t)(s - k));
        if (*s != '=') {
            jm_error(d, name, pos, "block option '%s' needs a value: write %s=...", key, key);
            ok = false;
            continue;
        }
        const char *v = ++s;
        char quote = (*s == '"' || *s == '\'') ? *s : 0;
        if (quote) { v = ++s; while (*s && *s != quote) s++; }
        else while (*s && !strchr(" \t{},", *s)) s++;
        char *val = jm_arena_strndup(a, v, (size_t)(s - v));
        if (quote && *s) s++;
        if (!strcmp(key, "view")) {
            if (!strcmp(val, "all") || !jm_view_find(val)) {
                jm_error(d, name, pos, "unknown view '%s' for a block (known: funnel, sequence, emotions, map)", val);
                ok = false;
            }
            c->view = val;
        } else if (!strcmp(key, "style")) {
            c->style = val;
        } else {
            const char *hint = jm_did_you_mean(key, option_keys);
            if (hint) jm_error(d, name, pos, "unknown block option '%s' (did you mean '%s'?)", key, hint);
            else jm_error(d, name, pos, "unknown block option '%s' (options: view, style)", key);
            ok = false;
        }
    }
    return ok;
}

/* The options of the `<!-- journeymap: ... -->` comment right before the block, if there is one. */
static bool comment_choices(cmark_node *block, md_choice *c, jm_arena *a, const char *name, jm_diags *d) {
    cmark_node *prev = cmark_node_previous(block);
    if (!prev || cmark_node_get_type(prev) != CMARK_NODE_HTML_BLOCK) return true;
    const char *s = cmark_node_get_literal(prev);
    if (!s || strncmp(s, "<!--", 4) != 0) return true;
    s += 4;
    while (*s == ' ' || *s == '\t') s++;
    if (strncmp(s, "journeymap:", 11) != 0) return true;
    const char *end = strstr(s, "-->");
    char *body = jm_arena_strndup(a, s + 11, end ? (size_t)(end - s - 11) : strlen(s + 11));
    for (char *q = body; *q; q++) if (*q == '\n' || *q == '\r') *q = ' ';
    jm_pos pos = { cmark_node_get_start_line(prev), cmark_node_get_start_column(prev) };
    return read_choices(body, c, a, name, pos, d);
}

/* ---- names and links ---- */

/* A path relative to `from_dir` for `to` (both made absolute and "."/".."-free first). */
static char *relative_path(const char *from_dir, const char *to) {
    char *f = g_canonicalize_filename(from_dir, NULL), *t = g_canonicalize_filename(to, NULL);
    char **fp = g_strsplit(f, "/", -1), **tp = g_strsplit(t, "/", -1);
    size_t i = 0;
    while (fp[i] && tp[i] && !strcmp(fp[i], tp[i])) i++;
    GString *r = g_string_new(NULL);
    for (size_t k = i; fp[k]; k++)
        if (*fp[k]) g_string_append(r, "../");
    for (size_t k = i; tp[k]; k++) {
        if (!*tp[k]) continue;
        g_string_append(r, tp[k]);
        if (tp[k + 1]) g_string_append_c(r, '/');
    }
    g_strfreev(fp);
    g_strfreev(tp);
    g_free(f);
    g_free(t);
    return g_string_free(r, FALSE);
}

/* `![alt](link)`: the alt text on one line, Markdown punctuation escaped; the link in <...>
 * when it has blanks or parentheses. */
static char *image_link(const char *alt, const char *link) {
    GString *s = g_string_new("![");
    bool blank = false;
    for (const char *p = alt; *p; p++) {
        if (*p == '\n' || *p == '\r' || *p == '\t' || *p == ' ') { blank = s->len > 2; continue; }
        if (blank) g_string_append_c(s, ' ');
        blank = false;
        if (strchr("\\[]*_`<>&!~|", *p)) g_string_append_c(s, '\\');
        g_string_append_c(s, *p);
    }
    bool wrap = strpbrk(link, " ()") != NULL;
    g_string_append_printf(s, "](%s%s%s)", wrap ? "<" : "", link, wrap ? ">" : "");
    return g_string_free(s, FALSE);
}

static const char *alt_text(const jm_journey *j) {
    if (j->acc_title && *j->acc_title) return j->acc_title;
    if (j->title && *j->title) return j->title;
    return "diagram";
}

/* ---- the page ---- */

typedef struct {
    const char *name, *out;
    const jm_md_opts *o;
    const jm_drawer *dr;
    jm_tools *tools;
    GPtrArray *used;
    jm_diags *d;
    md_lines L;
    char *image_dir, *stem;      /* where images go, and OUT of OUT-N.EXT */
    jm_md_page *page;
    int blocks;                  /* diagram blocks met */
    bool failed;
} md_run;

/* A fenced block's language: "mermaid" or "journey" (any case) as the info string's first word. */
static jm_input_kind block_kind(const char *info, const char **rest) {
    size_t n = 0;
    while (info[n] && !strchr(" \t{", info[n])) n++;
    *rest = info + n;
    if (n == 7 && !g_ascii_strncasecmp(info, "mermaid", 7)) return JM_INPUT_MERMAID;
    if (n == 7 && !g_ascii_strncasecmp(info, "journey", 7)) return JM_INPUT_YAML;
    return JM_INPUT_DETECT;   /* not ours */
}

/* The first error of `d`, for the warning on a block left as it is. */
static const char *first_error(const jm_diags *d) {
    for (size_t i = 0; i < jm_diags_count(d); i++)
        if (jm_diags_get(d, i)->severity == JM_ERROR) return jm_diags_get(d, i)->message;
    return "";
}

#define MAX_BLOCKS 1000   /* diagram blocks in one page: each is an image held in memory */

static void draw_block(md_run *R, cmark_node *node) {
    const char *info = cmark_node_get_fence_info(node), *rest;
    jm_input_kind kind = block_kind(info ? info : "", &rest);
    if (kind == JM_INPUT_DETECT) return;
    if (++R->blocks > MAX_BLOCKS) {
        if (R->blocks == MAX_BLOCKS + 1)
            jm_error(R->d, R->name, (jm_pos){ cmark_node_get_start_line(node), cmark_node_get_start_column(node) },
                     "more than %d diagram blocks in one page", MAX_BLOCKS);
        R->failed = true;
        return;
    }
    const char *literal = cmark_node_get_literal(node);
    if (!literal) literal = "";
    int start = cmark_node_get_start_line(node), end = cmark_node_get_end_line(node);
    md_block b = { &R->L, literal, start + 1, end < start + 1 ? start + 1 : end,
                   { start, cmark_node_get_start_column(node) } };
    jm_arena *a = jm_arena_new();
    md_choice c = { NULL, NULL };
    if (!comment_choices(node, &c, a, R->name, R->d) || !read_choices(rest, &c, a, R->name, b.fence, R->d)) {
        R->failed = true;
        jm_arena_free(a);
        return;
    }
    jm_diags *bd = jm_diags_new();
    bool undrawable = false;
    const jm_journey *j = jm_load_journey_as(a, R->name, literal, strlen(literal), kind, &undrawable, bd);
    if (!j && undrawable) {
        char lang[8];
        g_strlcpy(lang, info, sizeof lang);
        jm_diag_add(R->d, R->o->strict ? JM_ERROR : JM_WARNING, R->name, b.fence, "```%s block %s: %s", lang,
                    R->o->strict ? "cannot be drawn (--strict)" : "left as it is", first_error(bd));
        R->failed |= R->o->strict;
    } else if (!j) {
        move_diags(bd, R->d, R->name, &b);
        R->failed = true;
    } else {
        if (R->used && j->persona && j->persona->image) g_ptr_array_add(R->used, g_strdup(j->persona->image));
        size_t n = R->page->images->len + 1;
        md_image im = { 0 };
        im.path = g_strdup_printf("%s/%s-%zu.%s", R->image_dir, R->stem, n, jm_format_ext(R->dr->format));
        im.bytes = g_byte_array_new();
        int code = 0;
        if (!R->dr->check_only) {
            jm_draw_req req = { .journey = j, .name = R->name, .view = c.view, .style = c.style,
                                .output = im.path, .bytes = im.bytes, .used = R->used };
            code = R->dr->draw(R->dr->ctx, &req, R->tools, a, bd);
        }
        move_diags(bd, R->d, R->name, &b);
        char *base = g_path_get_basename(im.path);
        char *out_dir = g_path_get_dirname(R->out);
        char *link = R->o->link_prefix ? g_strconcat(R->o->link_prefix, base, NULL) : relative_path(out_dir, im.path);
        im.link = image_link(alt_text(j), link);
        g_free(link);
        g_free(out_dir);
        g_free(base);
        size_t la, le;
        line_span(&R->L, start, &la, &le);
        im.from = la + (size_t)(b.fence.col > 0 ? b.fence.col - 1 : 0);
        if (!line_span(&R->L, b.last_line, &la, &im.to)) im.to = R->L.len;
        g_array_append_val(R->page->images, im);
        if (code) R->failed = true;
    }
    jm_diags_free(bd);
    jm_arena_free(a);
}

static void image_clear(gpointer p) {
    md_image *im = p;
    g_free(im->link);
    g_free(im->path);
    if (im->bytes) g_byte_array_free(im->bytes, TRUE);
}

void jm_md_page_free(jm_md_page *p) {
    if (!p) return;
    g_free(p->out);
    if (p->page) g_byte_array_free(p->page, TRUE);
    g_array_free(p->images, TRUE);
    g_free(p);
}

jm_md_page *jm_md_render(const char *name, const char *text, size_t len, const char *out_md, const jm_md_opts *o,
                         const jm_drawer *dr, jm_tools *tools, GPtrArray *used, jm_diags *d) {
    jm_diags_add_source(d, name, text, len);
    md_run R = { .name = name, .out = out_md, .o = o, .dr = dr, .tools = tools, .used = used, .d = d };
    lines_init(&R.L, text, len);
    char *out_dir = g_path_get_dirname(out_md), *base = g_path_get_basename(out_md);
    char *dot = strrchr(base, '.');
    if (dot && dot != base) *dot = '\0';
    R.stem = base;
    R.image_dir = o->image_dir ? g_strdup(o->image_dir) : g_strdup(out_dir);
    R.page = g_new0(jm_md_page, 1);
    R.page->out = g_strdup(out_md);
    R.page->images = g_array_new(FALSE, TRUE, sizeof(md_image));
    g_array_set_clear_func(R.page->images, image_clear);

    cmark_node *doc = cmark_parse_document(text, len, CMARK_OPT_DEFAULT);
    cmark_iter *it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *node = cmark_iter_get_node(it);
        int fence_len = 0, offset = 0;
        char fence_char = 0;
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK &&
            cmark_node_get_fenced(node, &fence_len, &offset, &fence_char))
            draw_block(&R, node);
    }
    cmark_iter_free(it);
    cmark_node_free(doc);

    GByteArray *pg = R.page->page = g_byte_array_sized_new((guint)len + 64);
    size_t at = 0;
    for (guint i = 0; i < R.page->images->len; i++) {
        const md_image *im = &g_array_index(R.page->images, md_image, i);
        g_byte_array_append(pg, (const guint8 *)text + at, (guint)(im->from - at));
        g_byte_array_append(pg, (const guint8 *)im->link, (guint)strlen(im->link));
        at = im->to;
    }
    g_byte_array_append(pg, (const guint8 *)text + at, (guint)(len - at));
    g_array_free(R.L.start, TRUE);
    g_free(out_dir);
    g_free(base);
    g_free(R.image_dir);
    if (R.failed) {
        jm_md_page_free(R.page);
        return NULL;
    }
    return R.page;
}

size_t jm_md_page_images(const jm_md_page *p) { return p->images->len; }

const char *jm_md_page_image(const jm_md_page *p, size_t i) {
    return i < p->images->len ? g_array_index(p->images, md_image, i).path : NULL;
}

/* Makes the folder `path` is in; false after a diagnostic. */
static bool make_folder_of(const char *path, jm_diags *d) {
    char *dir = g_path_get_dirname(path);
    bool ok = g_mkdir_with_parents(dir, 0777) == 0;
    if (!ok) jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot create the folder '%s': %s", dir, g_strerror(errno));
    g_free(dir);
    return ok;
}

bool jm_md_commit(const jm_md_page *p, jm_diags *d) {
    GPtrArray *created = g_ptr_array_new();
    bool ok = strcmp(p->out, "-") == 0 || make_folder_of(p->out, d);
    for (guint i = 0; ok && i < p->images->len; i++) {
        const md_image *im = &g_array_index(p->images, md_image, i);
        ok = make_folder_of(im->path, d);
        bool existed = g_file_test(im->path, G_FILE_TEST_EXISTS);
        if (ok) ok = jm_output_write_bytes(im->path, im->bytes, d);
        if (ok && !existed) g_ptr_array_add(created, im->path);
    }
    if (ok) ok = jm_output_write_bytes(p->out, p->page, d);
    if (!ok)
        for (guint i = 0; i < created->len; i++) unlink(created->pdata[i]);
    g_ptr_array_free(created, TRUE);
    return ok;
}
