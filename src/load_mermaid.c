/* load_mermaid.c - Mermaid input: detection, the preamble (front matter, %%{init}%% directives),
 * the diagram header, statements and text (<br/>, entity codes), and the `journey` diagram.
 * sequenceDiagram is read in load_mermaid_seq.c, flowchart/graph in load_mermaid_flow.c.
 *
 * Mermaid's theme picks the nearest journeymap style (dark -> dark, neutral -> print, the others
 * default) through the journey's `style`, the same path as the YAML `style:` key, so --style
 * still wins. */
#include "load_mermaid.h"
#include "url.h"
#include <glib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef enum { MMD_JOURNEY, MMD_SEQUENCE, MMD_FLOWCHART, MMD_OTHER } mmd_kind;

/* Diagram headers: the three journeymap draws, then Mermaid's others (one clear error each). */
static const struct { const char *word; mmd_kind kind; } headers[] = {
    { "journey", MMD_JOURNEY }, { "sequenceDiagram", MMD_SEQUENCE },
    { "flowchart", MMD_FLOWCHART }, { "graph", MMD_FLOWCHART }, { "flowchart-elk", MMD_FLOWCHART },
    { "classDiagram", MMD_OTHER }, { "classDiagram-v2", MMD_OTHER }, { "stateDiagram", MMD_OTHER },
    { "stateDiagram-v2", MMD_OTHER }, { "erDiagram", MMD_OTHER }, { "gantt", MMD_OTHER }, { "pie", MMD_OTHER },
    { "gitGraph", MMD_OTHER }, { "mindmap", MMD_OTHER }, { "timeline", MMD_OTHER },
    { "quadrantChart", MMD_OTHER }, { "requirementDiagram", MMD_OTHER }, { "C4Context", MMD_OTHER },
    { "C4Container", MMD_OTHER }, { "C4Component", MMD_OTHER }, { "C4Dynamic", MMD_OTHER },
    { "C4Deployment", MMD_OTHER }, { "sankey-beta", MMD_OTHER }, { "sankey", MMD_OTHER },
    { "xychart-beta", MMD_OTHER }, { "xychart", MMD_OTHER }, { "block-beta", MMD_OTHER }, { "block", MMD_OTHER },
    { "packet-beta", MMD_OTHER }, { "packet", MMD_OTHER }, { "kanban", MMD_OTHER },
    { "architecture-beta", MMD_OTHER }, { "architecture", MMD_OTHER }, { "radar-beta", MMD_OTHER },
    { "treemap-beta", MMD_OTHER }, { "zenuml", MMD_OTHER }, { "info", MMD_OTHER }, { "requirement", MMD_OTHER },
};
#define DRAWS "journeymap draws journey, sequenceDiagram and flowchart/graph as one chain of stages"

/* Mermaid themes and the journeymap style each one is nearest to (NULL: the default style). */
static const struct { const char *theme, *style; } themes[] = {
    { "default", NULL }, { "base", NULL }, { "forest", NULL }, { "dark", "dark" }, { "neutral", "print" },
};

static bool blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }

/* ---- the preamble ---- */

typedef struct {
    size_t fm_from, fm_to;      /* front matter content [from, to); equal: none */
    int fm_line;                /* line of fm_from */
    size_t head;                /* first byte of the header word; len when there is none */
    int head_line;
    size_t head_line_start;
} preamble;

/* End of the line starting at i (the '\n' or len). */
static size_t line_end(const char *t, size_t len, size_t i) {
    const char *nl = memchr(t + i, '\n', len - i);
    return nl ? (size_t)(nl - t) : len;
}

/* True when t[a, b) is "---" with optional trailing blanks. */
static bool is_fence(const char *t, size_t a, size_t b) {
    if (b - a < 3 || memcmp(t + a, "---", 3) != 0) return false;
    for (size_t i = a + 3; i < b; i++)
        if (!blank(t[i])) return false;
    return true;
}

static void scan_preamble(const char *t, size_t len, preamble *p) {
    memset(p, 0, sizeof *p);
    p->head = len;
    size_t i = 0;
    int line = 1;
    size_t e = line_end(t, len, 0);
    if (is_fence(t, 0, e)) {   /* front matter: up to the next --- line */
        size_t k = e < len ? e + 1 : len;
        int l = 2;
        while (k < len) {
            size_t ke = line_end(t, len, k);
            if (is_fence(t, k, ke)) {
                p->fm_from = e + 1 < len ? e + 1 : len;
                p->fm_to = k;
                p->fm_line = 2;
                i = ke < len ? ke + 1 : len;
                line = l + 1;
                break;
            }
            k = ke < len ? ke + 1 : len;
            l++;
        }
    }
    while (i < len) {
        size_t le = line_end(t, len, i), a = i;
        while (a < le && (blank(t[a]) || t[a] == ';')) a++;
        if (a < le && !(le - a >= 2 && t[a] == '%' && t[a + 1] == '%')) {
            p->head = a;
            p->head_line = line;
            p->head_line_start = i;
            return;
        }
        i = le < len ? le + 1 : len;
        line++;
    }
}

/* Length of the header word at t[i]: up to a blank, ';', '\n' or the end. */
static size_t word_len(const char *t, size_t len, size_t i) {
    size_t k = i;
    while (k < len && !blank(t[k]) && t[k] != '\n' && t[k] != ';') k++;
    return k - i;
}

static int find_header(const char *w, size_t n) {
    for (size_t i = 0; i < G_N_ELEMENTS(headers); i++)
        if (strlen(headers[i].word) == n && memcmp(headers[i].word, w, n) == 0) return (int)i;
    return -1;
}

static const char *header_hint(const char *w) {
    const char *names[G_N_ELEMENTS(headers) + 1];
    for (size_t i = 0; i < G_N_ELEMENTS(headers); i++) names[i] = headers[i].word;
    names[G_N_ELEMENTS(headers)] = NULL;
    return jm_did_you_mean(w, names);
}

bool jm_mmd_detect(const char *file, const char *text, size_t len) {
    if (file && g_str_has_suffix(file, ".mmd")) return true;
    preamble p;
    scan_preamble(text, len, &p);
    if (p.head >= len) return false;
    size_t n = word_len(text, len, p.head);
    if (find_header(text + p.head, n) >= 0) return true;
    /* one word alone on its line, close to a header: a misspelt header, not YAML */
    size_t e = line_end(text, len, p.head), k = p.head + n;
    while (k < e && blank(text[k])) k++;
    if (k < e || n > 64 || memchr(text + p.head, ':', n)) return false;
    char w[65];
    memcpy(w, text + p.head, n);
    w[n] = '\0';
    return header_hint(w) != NULL;
}

/* ---- statements and text ---- */

jm_pos mmd_pos(const mmd_stmt *s, const char *p) {
    return (jm_pos){ s->line, 1 + (int)g_utf8_strlen(s->line_start, p - s->line_start) };
}

/* Length of an entity code #35; or #quot; at p (0 when there is none). */
static size_t entity_len(const char *p, const char *end) {
    if (p >= end || *p != '#') return 0;
    const char *q = p + 1;
    while (q < end && g_ascii_isalnum(*q)) q++;
    return q > p + 1 && q < end && *q == ';' ? (size_t)(q + 1 - p) : 0;
}

mmd_stmt *mmd_split(mmd_doc *m, bool hash_comments, size_t *n_out) {
    const char *t = m->body, *end = m->c->text + m->c->len;
    size_t cap = 64, n = 0;
    mmd_stmt *v = JM_NEWV(m->c->a, mmd_stmt, cap);
    int line = m->body_line;
    const char *ls = m->body_line_start;
    const char *p = t;
    while (p < end) {
        while (p < end && (blank(*p) || *p == ';')) p++;
        if (p >= end) break;
        if (*p == '\n') { p++; line++; ls = p; continue; }
        const char *a = p;
        bool comment = end - p >= 2 && p[0] == '%' && p[1] == '%';
        if (!comment && end - p >= 8 && g_ascii_strncasecmp(p, "accDescr", 8) == 0) {
            const char *q = p + 8;
            while (q < end && blank(*q)) q++;
            if (q < end && *q == '{') {   /* accDescr { ... }: one statement over several lines */
                const char *close = memchr(q, '}', (size_t)(end - q));
                const char *stop = close ? close + 1 : end;
                JM_RESERVE(m->c->a, v, n, 1, cap, 64);
                v[n++] = (mmd_stmt){ a, (size_t)(stop - a), line, ls };
                for (const char *r = a; r < stop; r++)
                    if (*r == '\n') { line++; ls = r + 1; }
                p = stop;
                continue;
            }
        }
        bool hash = false;
        while (p < end && *p != '\n') {
            if (comment) { p++; continue; }
            if (*p == ';') break;
            if (hash_comments && *p == '#') {
                size_t el = entity_len(p, end);
                if (el) { p += el; continue; }
                hash = true;
                break;
            }
            p++;
        }
        const char *b = p;
        while (b > a && blank(b[-1])) b--;
        if (!comment && b > a) {
            JM_RESERVE(m->c->a, v, n, 1, cap, 64);
            v[n++] = (mmd_stmt){ a, (size_t)(b - a), line, ls };
        }
        while (hash && p < end && *p != '\n') p++;   /* a # comment runs to the line's end */
    }
    *n_out = n;
    return v;
}

const char *mmd_trim(mmd_doc *m, const char *s, size_t n) {
    while (n > 0 && blank(*s)) { s++; n--; }
    while (n > 0 && blank(s[n - 1])) n--;
    return jm_arena_strndup(m->c->a, s, n);
}

static const struct { const char *name; gunichar ch; } entities[] = {
    { "quot", '"' }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "apos", '\'' }, { "nbsp", 0xA0 },
    { "num", '#' }, { "semi", ';' }, { "colon", ':' }, { "infin", 0x221E }, { "hearts", 0x2665 },
    { "copy", 0xA9 }, { "reg", 0xAE }, { "trade", 0x2122 }, { "deg", 0xB0 }, { "plusmn", 0xB1 },
    { "times", 0xD7 }, { "divide", 0xF7 }, { "hellip", 0x2026 }, { "mdash", 0x2014 }, { "ndash", 0x2013 },
    { "laquo", 0xAB }, { "raquo", 0xBB }, { "larr", 0x2190 }, { "rarr", 0x2192 }, { "uarr", 0x2191 },
    { "darr", 0x2193 }, { "harr", 0x2194 }, { "euro", 0x20AC }, { "pound", 0xA3 }, { "yen", 0xA5 },
    { "cent", 0xA2 }, { "sect", 0xA7 }, { "para", 0xB6 }, { "middot", 0xB7 }, { "bull", 0x2022 },
    { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D }, { "check", 0x2713 },
};

/* Length of a line break tag at p: <br>, <br/>, <br />, </br>, case-insensitive; 0 if none. */
static size_t br_len(const char *p, const char *end) {
    const char *q = p;
    if (q >= end || *q++ != '<') return 0;
    if (q < end && *q == '/') q++;
    if (end - q < 2 || g_ascii_strncasecmp(q, "br", 2) != 0) return 0;
    q += 2;
    while (q < end && (blank(*q) || *q == '\n')) q++;
    if (q < end && *q == '/') q++;
    return q < end && *q == '>' ? (size_t)(q + 1 - p) : 0;
}

const char *mmd_url(mmd_doc *m, const char *url, jm_pos pos) {
    size_t at;
    const char *why = jm_url_problem(url, &at);
    if (!why) return jm_arena_strdup(m->c->a, url);
    jm_error(m->c->d, m->c->file, (jm_pos){ pos.line, pos.col + (int)g_utf8_strlen(url, (gssize)at) }, "url '%s': %s",
             jm_load_show(m->c, url), why);
    return NULL;
}

const char *mmd_text(mmd_doc *m, const char *s, size_t n) {
    GString *g = g_string_sized_new(n);
    const char *end = s + n;
    for (const char *p = s; p < end;) {
        size_t k = br_len(p, end);
        if (k) { g_string_append_c(g, '\n'); p += k; continue; }
        k = entity_len(p, end);
        if (k) {
            gunichar ch = 0;
            if (g_ascii_isdigit(p[1])) {
                long v = strtol(p + 1, NULL, 10);
                if (v > 0 && v <= 0x10FFFF && g_unichar_validate((gunichar)v)) ch = (gunichar)v;
            } else {
                for (size_t i = 0; i < G_N_ELEMENTS(entities) && !ch; i++)
                    if (strlen(entities[i].name) == k - 2 && memcmp(entities[i].name, p + 1, k - 2) == 0)
                        ch = entities[i].ch;
            }
            if (ch) { g_string_append_unichar(g, ch); p += k; continue; }
        }
        g_string_append_c(g, *p++);
    }
    const char *r = mmd_trim(m, g->str, g->len);
    g_string_free(g, TRUE);
    /* a line break keeps no blanks around it */
    if (!strchr(r, '\n')) return r;
    gchar **lines = g_strsplit(r, "\n", -1);
    for (gchar **q = lines; *q; q++) g_strstrip(*q);
    char *joined = g_strjoinv("\n", lines);
    r = jm_arena_strdup(m->c->a, joined);
    g_free(joined);
    g_strfreev(lines);
    return r;
}

bool mmd_word(const mmd_stmt *s, const char *word, const char **rest) {
    size_t w = strlen(word);
    if (s->n < w || g_ascii_strncasecmp(s->s, word, w) != 0) return false;
    if (s->n > w && !blank(s->s[w]) && s->s[w] != ':' && s->s[w] != '\n') return false;
    const char *p = s->s + w, *end = s->s + s->n;
    while (p < end && (blank(*p) || *p == '\n')) p++;
    if (rest) *rest = p;
    return true;
}

const mmd_keyword *mmd_keyword_find(const mmd_keyword *t, const mmd_stmt *s, const char **rest) {
    for (; t->word; t++)
        if (mmd_word(s, t->word, rest)) return t;
    return NULL;
}

const char *mmd_first_word(mmd_doc *m, const mmd_stmt *s) {
    size_t k = 0;
    while (k < s->n && !blank(s->s[k]) && s->s[k] != ':' && s->s[k] != '\n') k++;
    return jm_arena_strndup(m->c->a, s->s, k);
}

const char *mmd_keyword_hint(mmd_doc *m, const mmd_keyword *t, const mmd_stmt *s) {
    size_t n = 0;
    while (t[n].word) n++;
    const char **names = JM_NEWV(m->c->a, const char *, n + 1);
    for (size_t i = 0; i < n; i++) names[i] = t[i].word;
    return jm_did_you_mean(mmd_first_word(m, s), names);
}

void mmd_set_view(mmd_doc *m, const char *view) {
    const char **v = JM_NEW(m->c->a, const char *);
    jm_pos *pos = JM_NEW(m->c->a, jm_pos);
    *v = view;
    *pos = (jm_pos){ m->body_line, 1 };
    m->j->views = (jm_texts){ v, 1, pos };
}

void mmd_warn_once(mmd_doc *m, const char *key, jm_pos pos, const char *fmt, ...) {
    for (size_t i = 0; i < m->n_warned; i++)
        if (strcmp(m->warned[i], key) == 0) return;
    if (m->n_warned < G_N_ELEMENTS(m->warned)) m->warned[m->n_warned++] = key;
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    jm_diag_add(m->c->d, JM_WARNING, m->c->file, pos, "%s", msg);
    g_free(msg);
}

/* ---- front matter and directives ---- */

/* Parses text[from, to) as YAML with its real line and column: the bytes before it on its line
 * become spaces, earlier lines empty lines. */
static const jm_ynode *parse_span(mmd_doc *m, size_t from, size_t to, int line, size_t line_start) {
    GString *g = g_string_new(NULL);
    for (int i = 1; i < line; i++) g_string_append_c(g, '\n');
    glong col = g_utf8_strlen(m->c->text + line_start, (gssize)(from - line_start));
    for (glong i = 0; i < col; i++) g_string_append_c(g, ' ');
    g_string_append_len(g, m->c->text + from, (gssize)(to - from));
    const char *buf = jm_arena_strndup(m->c->a, g->str, g->len);
    size_t n = g->len;
    g_string_free(g, TRUE);
    return jm_yaml_parse(m->c->a, m->c->file, buf, n, m->c->d);
}

static void set_theme(mmd_doc *m, const jm_ynode *v) {
    const char *name;
    if (!jm_yget_text(v, "'theme'", m->c->file, m->c->d, &name)) return;
    for (size_t i = 0; i < G_N_ELEMENTS(themes); i++) {
        if (strcmp(themes[i].theme, name) != 0) continue;
        m->j->style = themes[i].style;
        m->j->style_pos = v->pos;
        return;
    }
    jm_diag_add(m->c->d, JM_WARNING, m->c->file, v->pos,
                "unknown Mermaid theme '%s' is ignored (themes: default, base, forest, dark, neutral)",
                jm_load_show(m->c, name));
}

/* The keys of a config mapping: `theme` picks the style, every other key is ignored with a warning. */
static void read_config(mmd_doc *m, const jm_ynode *cfg, const char *what) {
    if (!cfg || jm_yis_null(cfg)) return;
    if (cfg->kind != JM_Y_MAP) {
        jm_diag_add(m->c->d, JM_WARNING, m->c->file, cfg->pos, "%s is not a mapping; it is ignored", what);
        return;
    }
    for (size_t i = 0; i < cfg->n; i++) {
        if (strcmp(cfg->keys[i], "theme") == 0) set_theme(m, cfg->values[i]);
        else if (strcmp(cfg->keys[i], "config") == 0) read_config(m, cfg->values[i], "'config'");
        else jm_diag_add(m->c->d, JM_WARNING, m->c->file, cfg->key_pos[i],
                         "Mermaid setting '%s' is ignored (journeymap reads only 'theme')",
                         jm_load_show(m->c, cfg->keys[i]));
    }
}

static void read_front_matter(mmd_doc *m, const preamble *p) {
    if (p->fm_to <= p->fm_from) return;
    const jm_ynode *root = parse_span(m, p->fm_from, p->fm_to, p->fm_line, p->fm_from);
    if (!root || jm_yis_null(root)) return;
    if (root->kind != JM_Y_MAP) {
        jm_error(m->c->d, m->c->file, root->pos, "the front matter must be a mapping, not %s", jm_ykind_name(root));
        return;
    }
    for (size_t i = 0; i < root->n; i++) {
        const char *k = root->keys[i];
        if (strcmp(k, "title") == 0) m->j->title = jm_load_text_node(m->c, root->values[i], "'title'");
        else if (strcmp(k, "config") == 0) read_config(m, root->values[i], "'config'");
        else jm_diag_add(m->c->d, JM_WARNING, m->c->file, root->key_pos[i],
                         "front matter key '%s' is ignored (journeymap reads 'title' and 'config: theme')",
                         jm_load_show(m->c, k));
    }
}

/* %%{init: {...}}%% lines before the header. */
static void read_directives(mmd_doc *m, const preamble *p) {
    const char *t = m->c->text;
    size_t i = p->fm_to > p->fm_from ? line_end(t, m->c->len, p->fm_to) + 1 : 0;
    int line = p->fm_to > p->fm_from ? p->fm_line : 1;
    if (p->fm_to > p->fm_from)
        for (size_t k = p->fm_from; k <= p->fm_to && k < m->c->len; k++) line += t[k] == '\n';
    while (i < p->head_line_start) {
        size_t le = line_end(t, m->c->len, i), a = i;
        while (a < le && blank(t[a])) a++;
        if (le - a >= 3 && memcmp(t + a, "%%{", 3) == 0) {
            const char *close = g_strstr_len(t + a, (gssize)(le - a), "}%%");
            if (!close) {
                jm_error(m->c->d, m->c->file, (jm_pos){ line, 1 + (int)g_utf8_strlen(t + i, (gssize)(a - i)) },
                         "directive '%%%%{' is not closed with '}%%%%' on its line");
            } else {
                const jm_ynode *d = parse_span(m, a + 2, (size_t)(close - t) + 1, line, i);
                for (size_t k = 0; d && d->kind == JM_Y_MAP && k < d->n; k++) {
                    if (!strcmp(d->keys[k], "init") || !strcmp(d->keys[k], "initialize"))
                        read_config(m, d->values[k], "the init directive");
                    else
                        jm_diag_add(m->c->d, JM_WARNING, m->c->file, d->key_pos[k],
                                    "directive '%s' is ignored (journeymap reads 'init: {theme: ...}')",
                                    jm_load_show(m->c, d->keys[k]));
                }
            }
        }
        i = le + 1;
        line++;
    }
}

/* ---- journey ---- */

enum { JK_TITLE, JK_SECTION, JK_ACC_TITLE, JK_ACC_DESCR };
static const mmd_keyword journey_keywords[] = {
    { "title", JK_TITLE, "the diagram's title" },
    { "section", JK_SECTION, "starts a stage; the tasks after it are its steps" },
    { "accTitle", JK_ACC_TITLE, "accessible title (alt text)" },
    { "accDescr", JK_ACC_DESCR, "accessible description: 'accDescr: text' or 'accDescr { ... }'" },
    { NULL, 0, NULL },
};

/* The text after a keyword that takes `keyword: text` or `keyword text`. */
const char *mmd_after_colon(mmd_doc *m, const mmd_stmt *s, const char *rest) {
    const char *end = s->s + s->n;
    if (rest < end && *rest == ':') rest++;
    return mmd_text(m, rest, (size_t)(end - rest));
}

/* accTitle / accDescr (also the { ... } block form), shared by the diagram readers. */
static void read_acc(mmd_doc *m, const mmd_stmt *s, const char *rest, bool descr) {
    const char *end = s->s + s->n;
    if (descr && rest < end && *rest == '{') {
        const char *close = end[-1] == '}' ? end - 1 : end;
        m->j->acc_descr = mmd_trim(m, rest + 1, (size_t)(close - rest - 1));
        return;
    }
    if (descr) m->j->acc_descr = mmd_after_colon(m, s, rest);
    else m->j->acc_title = mmd_after_colon(m, s, rest);
}

bool mmd_read_common(mmd_doc *m, const mmd_stmt *s) {
    const char *rest;
    if (mmd_word(s, "accTitle", &rest)) { read_acc(m, s, rest, false); return true; }
    if (mmd_word(s, "accDescr", &rest)) { read_acc(m, s, rest, true); return true; }
    return false;
}

/* "Name: score: Actor, Actor" into a step of the current stage. */
static bool read_task(mmd_doc *m, const mmd_stmt *s, jm_step *st) {
    jm_lctx *c = m->c;
    const char *end = s->s + s->n, *colon = memchr(s->s, ':', s->n);
    if (!colon) {
        const char *hint = mmd_keyword_hint(m, journey_keywords, s);
        if (hint)
            jm_error(c->d, c->file, mmd_pos(s, s->s), "unknown keyword '%s' (did you mean '%s'?)",
                     jm_load_show(c, mmd_first_word(m, s)), hint);
        else
            jm_error(c->d, c->file, mmd_pos(s, s->s),
                     "expected a task 'Name: score: Actor, Actor', a 'section' or a 'title', not '%s'",
                     jm_load_show(c, mmd_trim(m, s->s, s->n)));
        return false;
    }
    st->pos = mmd_pos(s, s->s);
    st->title = mmd_text(m, s->s, (size_t)(colon - s->s));
    const char *sc = colon + 1;
    while (sc < end && blank(*sc)) sc++;
    const char *sc_end = memchr(sc, ':', (size_t)(end - sc));
    if (!sc_end) sc_end = end;
    char *num_end = NULL;
    const char *digits = jm_arena_strndup(c->a, sc, (size_t)(sc_end - sc));
    long score = strtol(digits, &num_end, 10);
    if (num_end == digits) {
        jm_error(c->d, c->file, mmd_pos(s, sc), "expected a score from 1 to 5 after '%s:'", jm_load_show(c, st->title));
        return false;
    }
    while (*num_end && blank(*num_end)) num_end++;
    if (*num_end)
        jm_diag_add(c->d, JM_WARNING, c->file, mmd_pos(s, sc), "score '%s' is read as %ld",
                    jm_load_show(c, mmd_trim(m, digits, strlen(digits))), score);
    if (score < 1 || score > 5) {
        long clamped = score < 1 ? 1 : 5;
        jm_diag_add(c->d, JM_WARNING, c->file, mmd_pos(s, sc), "score %ld is outside 1..5; it is drawn as %ld",
                    score, clamped);
        score = clamped;
    }
    jm_emotion *e = JM_NEW(c->a, jm_emotion);
    e->score = (double)(score - 3);   /* Mermaid 1..5, 3 neutral -> the curve's -2..+2 */
    e->has_score = true;
    e->pos = mmd_pos(s, sc);
    st->emotion = e;
    if (sc_end < end) {   /* actors */
        size_t cap = 4, n = 0;
        const char **v = JM_NEWV(c->a, const char *, cap);
        jm_pos *pos = JM_NEWV(c->a, jm_pos, cap);
        for (const char *a = sc_end + 1; a < end;) {
            const char *b = memchr(a, ',', (size_t)(end - a));
            if (!b) b = end;
            const char *name = mmd_text(m, a, (size_t)(b - a));
            const char *at = a;
            while (at < b && blank(*at)) at++;
            if (*name) {
                size_t cap2 = cap;
                JM_RESERVE(c->a, v, n, 1, cap, 4);
                JM_RESERVE(c->a, pos, n, 1, cap2, 4);
                v[n] = name;
                pos[n++] = mmd_pos(s, at);
            }
            a = b < end ? b + 1 : end;
        }
        st->actors = (jm_texts){ v, n, pos };
    }
    return true;
}

static bool load_journey(mmd_doc *m) {
    jm_lctx *c = m->c;
    jm_journey *j = m->j;
    size_t n;
    mmd_stmt *s = mmd_split(m, true, &n);
    j->stages = JM_NEWV(c->a, jm_stage, n ? n : 1);
    j->steps = JM_NEWV(c->a, jm_step, n ? n : 1);
    bool ok = true;
    for (size_t i = 0; i < n && !jm_load_too_many(c); i++) {
        const char *rest;
        const mmd_keyword *k = mmd_keyword_find(journey_keywords, &s[i], &rest);
        if (k && k->id == JK_TITLE) { j->title = mmd_after_colon(m, &s[i], rest); continue; }
        if (k && k->id == JK_SECTION) {
            if (j->n_stages >= JM_MAX_STAGES) {
                jm_error(c->d, c->file, mmd_pos(&s[i], s[i].s), "more than %d sections", JM_MAX_STAGES);
                return false;
            }
            jm_stage *st = &j->stages[j->n_stages++];
            st->pos = mmd_pos(&s[i], s[i].s);
            st->name = mmd_text(m, rest, (size_t)(s[i].s + s[i].n - rest));
            st->id = jm_arena_printf(c->a, "%s-%zu", jm_load_stage_id(c, st->name), j->n_stages);
            continue;
        }
        if (mmd_read_common(m, &s[i])) continue;
        if (j->n_steps >= JM_MAX_STEPS) {
            jm_error(c->d, c->file, mmd_pos(&s[i], s[i].s), "more than %d tasks", JM_MAX_STEPS);
            return false;
        }
        jm_step *st = &j->steps[j->n_steps];
        memset(st, 0, sizeof *st);
        if (!read_task(m, &s[i], st)) { ok = false; continue; }
        if (j->n_stages == 0) {   /* tasks before the first section: a stage without a name */
            jm_stage *first = &j->stages[j->n_stages++];
            first->pos = st->pos;
            first->name = "";
            first->id = "-1";
        }
        st->stage = (int)j->n_stages - 1;
        st->stage_id = j->stages[st->stage].id;
        j->n_steps++;
    }
    mmd_set_view(m, j->n_steps ? "emotions" : "funnel");
    return ok;
}

/* ---- the document ---- */

const jm_journey *jm_mmd_load(jm_lctx *c) {
    /* The readers scan lines with the C string functions: they read a copy that ends in NUL
     * (a caller's buffer need not). */
    if (!jm_text_valid(c->file, c->text, c->len, true, c->d)) return NULL;
    char *copy = jm_arena_alloc(c->a, c->len + 1);
    memcpy(copy, c->text, c->len);
    copy[c->len] = '\0';
    c->text = copy;
    preamble p;
    scan_preamble(c->text, c->len, &p);
    jm_journey *j = JM_NEW(c->a, jm_journey);
    j->file = c->file;
    j->dir = jm_load_dir(c, c->file);   /* a Markdown block's style file is beside its page */
    j->pos = (jm_pos){ 1, 1 };
    mmd_doc m = { .c = c, .j = j };
    read_front_matter(&m, &p);
    read_directives(&m, &p);
    if (p.head >= c->len) {
        jm_error(c->d, c->file, (jm_pos){ 1, 1 }, "the Mermaid file has no diagram (" DRAWS ")");
        return NULL;
    }
    mmd_stmt hs = { c->text + p.head, word_len(c->text, c->len, p.head), p.head_line, c->text + p.head_line_start };
    const char *word = jm_arena_strndup(c->a, hs.s, hs.n);
    int h = find_header(hs.s, hs.n);
    if (h < 0) {
        const char *hint = header_hint(word);
        if (hint)
            jm_error(c->d, c->file, mmd_pos(&hs, hs.s), "unknown Mermaid diagram '%s' (did you mean '%s'?)",
                     jm_load_show(c, word), hint);
        else
            jm_error(c->d, c->file, mmd_pos(&hs, hs.s), "expected a Mermaid diagram header, not '%s' (" DRAWS ")",
                     jm_load_show(c, word));
        c->undrawable = !hint;   /* perhaps a diagram kind newer than this table */
        return NULL;
    }
    if (headers[h].kind == MMD_OTHER) {
        jm_error(c->d, c->file, mmd_pos(&hs, hs.s), "'%s' is a Mermaid diagram journeymap does not draw; " DRAWS,
                 word);
        c->undrawable = true;
        return NULL;
    }
    m.body = hs.s + hs.n;
    m.body_line = p.head_line;
    m.body_line_start = hs.line_start;
    const char *title = j->title;   /* the front matter's, unless the diagram names one */
    j->title = NULL;
    bool ok = headers[h].kind == MMD_JOURNEY ? load_journey(&m)
            : headers[h].kind == MMD_SEQUENCE ? mmd_load_sequence(&m) : mmd_load_flowchart(&m);
    if (!j->title) j->title = title;
    return ok && jm_diags_errors(c->d) == c->errors0 ? j : NULL;
}
