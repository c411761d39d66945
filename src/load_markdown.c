/* load_markdown.c - a Markdown journey document read into the journey model (load_markdown.h).
 * cmark-gfm (with GFM tables) gives the blocks and their positions; this file walks them in
 * order, keeping where it is (the stage, the step, the lane named by the last sub-heading), and
 * hands each paragraph line, list item, quote, table and ```mermaid block to load_mdfill.c, which
 * fills the model. Text is taken from the source lines themselves, so that every entry keeps its
 * line and column. Plain text without Markdown headings (how seeds 000 and 001 arrived: headings
 * as lines of their own) is read the same way: a short line alone in its paragraph, a lane name, a
 * "Step N:" line or a stage's name is a heading. */
#include "load_markdown.h"
#include "load_mdfill.h"
#include "url.h"
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <glib.h>
#include <string.h>

/* The source line `line` (1-based) from column `col`, emphasis kept (the fill reads **Key**:); in the arena. */
static const char *src_line(mdj *m, int line, int col) {
    if (line < 1 || (size_t)line > m->n_lines) return "";
    size_t a = m->line_start[line - 1], b = (size_t)line < m->n_lines ? m->line_start[line] : m->len;
    a += col > 1 ? (size_t)(col - 1) : 0;
    if (a > b) a = b;
    while (a < b && (m->text[a] == ' ' || m->text[a] == '\t')) a++;
    while (b > a && strchr(" \t\r\n", m->text[b - 1])) b--;
    return jm_arena_strndup(m->c->a, m->text + a, b - a);
}

/* Inline text of a node (headings, table cells): literals, strong text kept as **...**. */
static void inline_text(cmark_node *n, GString *s) {
    for (cmark_node *k = cmark_node_first_child(n); k; k = cmark_node_next(k)) {
        cmark_node_type t = cmark_node_get_type(k);
        if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_HTML_INLINE)
            g_string_append(s, cmark_node_get_literal(k));
        else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) g_string_append_c(s, ' ');
        else if (t == CMARK_NODE_STRONG) { g_string_append(s, "**"); inline_text(k, s); g_string_append(s, "**"); }
        else inline_text(k, s);
    }
}

const char *jm_mdj_inline(mdj *m, cmark_node *n) {
    GString *s = g_string_new(NULL);
    inline_text(n, s);
    const char *r = jm_mdj_clean(m->c->a, s->str, s->len);
    g_string_free(s, TRUE);
    return r;
}

static jm_pos node_pos(cmark_node *n) {
    return (jm_pos){ cmark_node_get_start_line(n), cmark_node_get_start_column(n) };
}

/* Is a line alone in its paragraph (or any line of a plain-text document) a heading? */
static bool plain_heading(mdj *m, const char *s, bool alone, jm_pos pos) {
    const char *title;
    if (jm_mdj_step_line(s, &title)) { jm_mdj_heading(m, 3, s, pos); return true; }
    if (jm_mdj_lane_of(s) != MDJ_NONE || jm_mdj_stage_named(m, s) >= 0) {
        jm_mdj_heading(m, jm_mdj_lane_of(s) != MDJ_NONE ? 3 : 2, s, pos);
        return true;
    }
    size_t n = strlen(s);
    if (!alone || m->markdown || n == 0 || n > 60 || strchr(".:;,!?", s[n - 1])) return false;
    if (!m->j->title) return false;   /* the first line is the title */
    jm_mdj_heading(m, 2, s, pos);
    return true;
}

/* A paragraph: a ```mermaid-less diagram (a line starting with a Mermaid header, and the
 * indented lines after it), headings written as lines, or text lines. */
static void paragraph(mdj *m, cmark_node *p, bool in_item) {
    int first = cmark_node_get_start_line(p), last = cmark_node_get_end_line(p);
    int col = cmark_node_get_start_column(p);
    /* In plain text every line is a line of its own (a list item's later lines too); in Markdown
     * they continue the item, unless a heading line ended it. */
    bool broke = !m->markdown;
    for (int l = first; l <= last; l++) {
        jm_pos pos = { l, l == first ? col : 1 };
        const char *raw = src_line(m, l, pos.col), *s = jm_mdj_clean(m->c->a, raw, strlen(raw));
        if (jm_mdj_mermaid_line(s)) {
            int e = l;
            while (e < last && m->text[m->line_start[e]] == ' ') e++;   /* indented lines follow */
            size_t a = m->line_start[l - 1], b = (size_t)e < m->n_lines ? m->line_start[e] : m->len;
            jm_mdj_mermaid(m, jm_arena_strndup(m->c->a, m->text + a, b - a), pos);
            l = e;
            continue;
        }
        if (in_item && l == first) { jm_mdj_item(m, raw, pos); continue; }
        if (plain_heading(m, s, (first == last && !in_item) || (!m->markdown && !in_item) ||
                          (in_item && l > first && !m->markdown), pos)) {
            broke = in_item;
            continue;
        }
        if (in_item && !broke) jm_mdj_item_more(m, s);
        else jm_mdj_line(m, raw, pos);
    }
}

static void block(mdj *m, cmark_node *n);

/* The url of the first link in a heading (`## [Awareness](https://...)`: the stage or step it
 * opens links there), checked (url.h; a bad one is an error at the link); NULL for none. */
static const char *heading_link(mdj *m, cmark_node *h) {
    cmark_iter *it = cmark_iter_new(h);
    const char *url = NULL;
    cmark_node *at = NULL;
    for (cmark_event_type ev; !at && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *k = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(k) == CMARK_NODE_LINK) { at = k; url = cmark_node_get_url(k); }
    }
    const char *r = NULL;
    size_t off;
    const char *why = at ? jm_url_problem(url, &off) : NULL;
    if (at && why) jm_error(m->c->d, m->c->file, node_pos(at), "url '%s': %s", jm_load_show(m->c, url), why);
    else if (at) r = jm_arena_strdup(m->c->a, url);
    cmark_iter_free(it);
    return r;
}

static void children(mdj *m, cmark_node *n) {
    for (cmark_node *k = cmark_node_first_child(n); k; k = cmark_node_next(k)) block(m, k);
}

static void block(mdj *m, cmark_node *n) {
    cmark_node_type t = cmark_node_get_type(n);
    const char *type = cmark_node_get_type_string(n);
    if (t == CMARK_NODE_HEADING) {
        m->heading_url = heading_link(m, n);
        jm_mdj_heading(m, cmark_node_get_heading_level(n), jm_mdj_inline(m, n), node_pos(n));
        m->heading_url = NULL;
    } else if (t == CMARK_NODE_PARAGRAPH) {
        paragraph(m, n, false);
    } else if (t == CMARK_NODE_LIST) {
        for (cmark_node *it = cmark_node_first_child(n); it; it = cmark_node_next(it)) {
            bool first = true;
            for (cmark_node *k = cmark_node_first_child(it); k; k = cmark_node_next(k)) {
                if (first && cmark_node_get_type(k) == CMARK_NODE_PARAGRAPH) paragraph(m, k, true);
                else block(m, k);
                first = false;
            }
        }
    } else if (t == CMARK_NODE_BLOCK_QUOTE) {
        GString *s = g_string_new(NULL);
        for (cmark_node *k = cmark_node_first_child(n); k; k = cmark_node_next(k)) {
            if (s->len) g_string_append_c(s, ' ');
            inline_text(k, s);
        }
        jm_mdj_quote(m, jm_mdj_clean(m->c->a, s->str, s->len), node_pos(n));
        g_string_free(s, TRUE);
    } else if (t == CMARK_NODE_CODE_BLOCK) {
        const char *info = cmark_node_get_fence_info(n);
        if (info && !g_ascii_strncasecmp(info, "mermaid", 7))
            jm_mdj_mermaid(m, cmark_node_get_literal(n), (jm_pos){ node_pos(n).line + 1, node_pos(n).col });
    } else if (type && !strcmp(type, "table")) {
        jm_mdj_table(m, n, node_pos(n));
    } else if (t == CMARK_NODE_DOCUMENT) {
        children(m, n);
    }
}

/* True when some heading of the tree is a Markdown heading (# ...): the document is Markdown,
 * not plain text with headings as lines. */
static bool has_headings(cmark_node *doc) {
    for (cmark_node *k = cmark_node_first_child(doc); k; k = cmark_node_next(k))
        if (cmark_node_get_type(k) == CMARK_NODE_HEADING) return true;
    return false;
}

/* Every text of the model comes from the document, once: its size bounds the text the views lay
 * out (JM_MAX_EXPANDED_TEXT for YAML), with room for the Markdown around the text. */
#define MDJ_MAX_BYTES (2 * JM_MAX_EXPANDED_TEXT)

const jm_journey *jm_mdj_load(jm_lctx *c) {
    if (c->len > MDJ_MAX_BYTES) {
        jm_error(c->d, c->file, (jm_pos){ 1, 1 }, "the Markdown document has %zu bytes, more than the limit of %d "
                 "for a journey document (the text a map can lay out)", c->len, MDJ_MAX_BYTES);
        return NULL;
    }
    size_t len = 0, fixed = 0;
    const char *text = jm_mdj_unmojibake(c->a, c->text, c->len, &len, &fixed);
    mdj m0 = { .c = c, .text = text, .len = len };
    mdj *m = &m0;
    m->n_lines = 1;
    for (size_t i = 0; i < len; i++) m->n_lines += text[i] == '\n';
    size_t *ls = JM_NEWV(c->a, size_t, m->n_lines);
    for (size_t i = 0, k = 1; i < len; i++)
        if (text[i] == '\n') ls[k++] = i + 1;
    m->line_start = ls;
    jm_journey *j = JM_NEW(c->a, jm_journey);
    j->file = c->file;
    j->dir = jm_load_dir(c, c->file);
    j->pos = (jm_pos){ 1, 1 };
    m->j = j;
    m->stage = m->step = -1;

    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    if (table) cmark_parser_attach_syntax_extension(parser, table);
    cmark_parser_feed(parser, text, len);
    cmark_node *doc = cmark_parser_finish(parser);
    m->markdown = has_headings(doc);
    block(m, doc);
    cmark_node_free(doc);
    cmark_parser_free(parser);
    if (fixed)
        jm_diag_add(c->d, JM_NOTE, c->file, (jm_pos){ 1, 1 }, "read %zu emoji written as Mac Roman mojibake "
                    "(UTF-8 bytes shown as Mac Roman) as the emoji they are", fixed);
    return jm_mdj_finish(m);
}
