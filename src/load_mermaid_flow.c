/* load_mermaid_flow.c - a Mermaid `flowchart`/`graph` that is one chain of stages, read as the
 * funnel: each node a stage, in the order the arrows give.
 *
 *   A["Awareness<br/>3 journeys"] --> B["Running<br/>0 (v2 gap)"]:::gap
 *      name      count unit            name  count note     greyed by its class: a gap stage
 *
 * Nodes take any bracket shape, `:::class`, `class`, `classDef` and `style`; edges chain on one
 * line (`A --> B --> C`) with `&`. Statements end at line ends and ';', or where a node follows a
 * node without an arrow (so a flowchart flattened onto one line still reads). A chart that
 * branches, merges, loops or falls apart is an error at the arrow that breaks the chain. */
#include "load_mermaid.h"
#include "css_color.h"
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { FK_CLASSDEF, FK_CLASS, FK_STYLE, FK_LINKSTYLE, FK_CLICK, FK_SUBGRAPH, FK_END, FK_DIRECTION,
       FK_ACC_TITLE, FK_ACC_DESCR };
static const mmd_keyword flow_keywords[] = {
    { "classDef", FK_CLASSDEF, "'classDef name fill:#ddd,stroke:#888': a grey class marks gap stages" },
    { "class", FK_CLASS, "'class A,B name': gives nodes a class" },
    { "style", FK_STYLE, "'style A fill:#ddd': styles one node" },
    { "linkStyle", FK_LINKSTYLE, "styles arrows (not drawn: the funnel has its own)" },
    { "click", FK_CLICK, "a node's link: 'click A \"https://...\"' or 'click A href \"...\"'" },
    { "subgraph", FK_SUBGRAPH, "groups nodes, closed by 'end' (the group is not drawn, its stages are)" },
    { "end", FK_END, "closes a subgraph" },
    { "direction", FK_DIRECTION, "a subgraph's direction" },
    { "accTitle", FK_ACC_TITLE, "accessible title (alt text)" },
    { "accDescr", FK_ACC_DESCR, "accessible description" },
    { NULL, 0, NULL },
};
static const char *const directions[] = { "LR", "RL", "TD", "TB", "BT", NULL };

typedef struct {
    const char *id, *label;      /* label NULL: the id */
    jm_pos pos;
    const char **classes; size_t n_classes, cap_classes;
    const char *style;           /* `style` statements, joined with ',' */
    int in, out;                 /* arrows into and out of it */
    int next;                    /* the node after it, -1 */
    const char *transition;      /* the label of the arrow into it, NULL */
    const char *url;             /* its `click` link, NULL */
    int sub;                     /* the innermost subgraph it was last named in, -1 */
    int comp;                    /* union-find parent */
} fnode;

typedef struct { const char *names, *style; } fclass;
typedef struct { const char *id, *url; jm_pos pos; } fclick;   /* click ID "url", resolved at the end */
typedef struct { const char *title; jm_pos pos; } fgroup;          /* a subgraph, for its warning */

typedef struct {
    mmd_doc *m;
    const char *p, *end;
    int line; const char *ls;    /* where p is */
    fnode *nodes; size_t n_nodes, cap_nodes;
    fclass *classes; size_t n_classes, cap_classes;
    fclick *clicks; size_t n_clicks, cap_clicks;
    fgroup *subs; size_t n_subs, cap_subs;
    int *open; size_t cap_open;  /* the subgraphs open where the reader is, innermost last */
    int subgraphs;               /* how many are open */
    bool failed;
} freader;

static bool blank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }

static mmd_stmt here(const freader *F) { return (mmd_stmt){ F->p, 0, F->line, F->ls }; }
static jm_pos pos_at(const freader *F, const char *q) { mmd_stmt s = here(F); return mmd_pos(&s, q); }

/* Skips blanks; with `lines` also line ends, ';' and %% comments. */
static void skip(freader *F, bool lines) {
    while (F->p < F->end) {
        char ch = *F->p;
        if (blank(ch)) F->p++;
        else if (lines && (ch == ';')) F->p++;
        else if (lines && ch == '\n') { F->p++; F->line++; F->ls = F->p; }
        else if (lines && F->end - F->p >= 2 && ch == '%' && F->p[1] == '%') {
            while (F->p < F->end && *F->p != '\n') F->p++;
        } else break;
    }
}

/* The rest of the line (up to '\n' or ';'), trimmed; p moves past it. */
static const char *rest_of_line(freader *F) {
    const char *a = F->p;
    while (F->p < F->end && *F->p != '\n' && *F->p != ';') F->p++;
    return mmd_trim(F->m, a, (size_t)(F->p - a));
}

/* A token up to a blank, line end or ';'. */
static const char *token(freader *F) {
    skip(F, false);
    const char *a = F->p;
    while (F->p < F->end && !blank(*F->p) && *F->p != '\n' && *F->p != ';') F->p++;
    return jm_arena_strndup(F->m->c->a, a, (size_t)(F->p - a));
}

/* A style list "fill:#ddd, stroke:#888": runs over blanks only after ',' or ':' (or before ','),
 * so that a flowchart on one line ends it at the next statement. */
static const char *style_arg(freader *F) {
    skip(F, false);
    const char *a = F->p;
    while (F->p < F->end && *F->p != '\n' && *F->p != ';') {
        if (blank(*F->p)) {
            const char *q = F->p;
            while (q < F->end && blank(*q)) q++;
            char prev = F->p[-1];
            if (prev != ',' && prev != ':' && (q >= F->end || *q != ',')) break;
            F->p = q;
            continue;
        }
        F->p++;
    }
    return mmd_trim(F->m, a, (size_t)(F->p - a));
}

/* ---- nodes ---- */

static bool id_char(const freader *F, const char *q) {
    char ch = *q;
    if (blank(ch) || strchr("\n;[](){}<>|&\"'@", ch) || ch == '\0') return false;
    if (ch == ':' && F->end - q >= 3 && q[1] == ':' && q[2] == ':') return false;
    if ((ch == '-' || ch == '=' || ch == '.' || ch == '~') && F->end - q >= 2 && strchr("-=.>~", q[1])) return false;
    if (ch == '=' ) return false;
    return true;
}

static int node_index(freader *F, const char *id, jm_pos pos) {
    for (size_t i = 0; i < F->n_nodes; i++)
        if (strcmp(F->nodes[i].id, id) == 0) return (int)i;
    if (F->n_nodes >= JM_MAX_STAGES) {
        jm_error(F->m->c->d, F->m->c->file, pos, "more than %d nodes", JM_MAX_STAGES);
        F->m->c->undrawable = true;
        F->failed = true;
        return -1;
    }
    JM_RESERVE(F->m->c->a, F->nodes, F->n_nodes, 1, F->cap_nodes, 16);
    fnode *n = &F->nodes[F->n_nodes];
    memset(n, 0, sizeof *n);
    n->id = id;
    n->pos = pos;
    n->next = -1;
    n->sub = -1;
    n->comp = (int)F->n_nodes;
    return (int)F->n_nodes++;
}

static void add_class(freader *F, fnode *n, const char *cls) {
    JM_RESERVE(F->m->c->a, n->classes, n->n_classes, 1, n->cap_classes, 4);
    n->classes[n->n_classes++] = cls;
}

static char mirror(char ch) { return ch == '[' ? ']' : ch == '(' ? ')' : ch == '{' ? '}' : ch == '>' ? ']' : ch; }

/* A bracket shape after a node id: [text], (text), ((text)), {text}, [/text/], >text], "quoted". */
static const char *read_shape(freader *F) {
    mmd_doc *m = F->m;
    const char *open = F->p;
    char close[4];
    int n = 0;
    while (F->p < F->end && n < 3 && strchr("[({>/\\", *F->p) && (n == 0 || !strchr(">", *F->p))) {
        if (n > 0 && (*F->p == '/' || *F->p == '\\') && !strchr("[", open[0])) break;
        close[n++] = mirror(*F->p++);
    }
    const char *a = F->p, *b = NULL;
    bool quoted = F->p < F->end && *F->p == '"';
    if (quoted) {
        const char *q = memchr(F->p + 1, '"', (size_t)(F->end - F->p - 1));
        if (q) { a = F->p + 1; b = q; F->p = q + 1; }
    }
    /* the closing run: the mirror of the opening, a slash either way */
    for (const char *q = F->p; q < F->end && *q != '\n'; q++) {
        bool match = (size_t)(F->end - q) >= (size_t)n;
        for (int k = 0; k < n && match; k++) {
            char want = close[n - 1 - k], got = q[k];
            match = got == want || ((want == '/' || want == '\\') && (got == '/' || got == '\\'));
        }
        if (match) {
            if (!b) b = q;
            F->p = q + n;
            const char *label = mmd_text(m, a, (size_t)(b - a));
            if (label[0] == '`' && label[strlen(label) - 1] == '`' && strlen(label) >= 2)
                label = jm_arena_strndup(m->c->a, label + 1, strlen(label) - 2);
            return label;
        }
        if (quoted) break;
    }
    jm_error(m->c->d, m->c->file, pos_at(F, open), "the node's shape '%.*s' is not closed on its line", n, open);
    F->failed = true;
    while (F->p < F->end && *F->p != '\n') F->p++;
    return NULL;
}

/* @{ shape: ..., label: "..." }: the label, if any. */
static const char *read_meta(freader *F) {
    const char *a = F->p, *close = memchr(a, '}', (size_t)(F->end - a));
    F->p = close ? close + 1 : F->end;
    const char *lab = g_strstr_len(a, F->p - a, "label:");
    if (!lab) return NULL;
    lab += 6;
    while (lab < F->p && blank(*lab)) lab++;
    const char *e;
    if (*lab == '"') { lab++; e = memchr(lab, '"', (size_t)(F->p - lab)); }
    else { e = lab; while (e < F->p && *e != ',' && *e != '}') e++; }
    return e ? mmd_text(F->m, lab, (size_t)(e - lab)) : NULL;
}

/* A node reference: id, shape, :::class. -1 when there is none at p. */
static int read_node(freader *F) {
    const char *a = F->p;
    while (F->p < F->end && id_char(F, F->p)) F->p++;
    if (F->p == a) return -1;
    const char *id = jm_arena_strndup(F->m->c->a, a, (size_t)(F->p - a));
    int k = node_index(F, id, pos_at(F, a));
    if (k < 0) return -1;
    if (F->subgraphs > 0) F->nodes[k].sub = F->open[F->subgraphs - 1];
    const char *label = NULL;
    if (F->p < F->end && strchr("[({>", *F->p)) label = read_shape(F);
    else if (F->end - F->p >= 2 && F->p[0] == '@' && F->p[1] == '{') label = read_meta(F);
    if (label) F->nodes[k].label = label;
    while (F->end - F->p >= 3 && memcmp(F->p, ":::", 3) == 0) {
        F->p += 3;
        const char *c0 = F->p;
        while (F->p < F->end && (g_ascii_isalnum(*F->p) || *F->p == '_' || *F->p == '-')) F->p++;
        add_class(F, &F->nodes[k], jm_arena_strndup(F->m->c->a, c0, (size_t)(F->p - c0)));
    }
    return k;
}

/* ---- edges ---- */

static bool link_char(char ch) { return ch == '-' || ch == '=' || ch == '.' || ch == '~'; }

/* An arrow's label between a and b: trimmed, quotes and backticks taken off, <br/> and entity
 * codes as in node labels; NULL when empty. */
static const char *link_text(freader *F, const char *a, const char *b) {
    while (a < b && blank(*a)) a++;
    while (b > a && blank(b[-1])) b--;
    if (b - a >= 2 && ((*a == '"' && b[-1] == '"') || (*a == '`' && b[-1] == '`'))) { a++; b--; }
    const char *t = mmd_text(F->m, a, (size_t)(b - a));
    return *t ? t : NULL;
}

/* A link at p: --> --- -.-> ==> ~~~ <--> --x --o, "-- text -->", then |text|. True when one was
 * read; *label is its label's text, or NULL. */
static bool read_link(freader *F, const char **label) {
    const char *q = F->p;
    *label = NULL;
    if (q < F->end && (*q == '<' || ((*q == 'o' || *q == 'x') && F->end - q > 2 && link_char(q[1]) && link_char(q[2])))) q++;
    const char *r = q;
    while (r < F->end && link_char(*r)) r++;
    if (r - q < 2) return false;
    bool tail = r < F->end && (*r == '>' || ((*r == 'x' || *r == 'o') && (r + 1 >= F->end || blank(r[1]) || r[1] == '|')));
    if (tail) r++;
    if (!tail && r < F->end && blank(*r) && (r - q == 2) && q[0] != '~') {
        /* "-- text -->": the text runs to the next link on the line */
        const char *s = r;
        while (s < F->end && *s != '\n') {
            if (link_char(*s) && s + 1 < F->end && link_char(s[1]) && s > r + 1) {
                const char *e = s;
                while (e < F->end && link_char(*e)) e++;
                if (e < F->end && (*e == '>' || *e == 'x' || *e == 'o')) e++;
                F->p = e;
                *label = link_text(F, r, s);
                return true;
            }
            s++;
        }
    }
    F->p = r;
    const char *s = F->p;
    while (s < F->end && blank(*s)) s++;
    if (s < F->end && *s == '|') {
        const char *e = memchr(s + 1, '|', (size_t)(F->end - s - 1));
        F->p = e ? e + 1 : F->end;
        *label = link_text(F, s + 1, e ? e : F->end);
    }
    return true;
}

static int find_root(freader *F, int k) {
    while (F->nodes[k].comp != k) k = F->nodes[k].comp = F->nodes[F->nodes[k].comp].comp;
    return k;
}

static void chain_error(freader *F, jm_pos pos, const char *at, const char *why) {
    jm_error(F->m->c->d, F->m->c->file, pos, "the flowchart branches at '%s': %s (journeymap draws a flowchart "
             "that is one chain of stages)", jm_load_show(F->m->c, at), why);
    F->m->c->undrawable = true;
    F->failed = true;
}

/* An arrow from a (written at pa) to b (at pb); the error is at the node where the chain breaks. */
static void add_edge(freader *F, int a, int b, jm_pos pa, jm_pos pb, const char *label) {
    fnode *na = &F->nodes[a], *nb = &F->nodes[b];
    if (F->failed) return;
    if (na->out) { chain_error(F, pa, na->id, "a second arrow leaves it"); return; }
    if (nb->in) { chain_error(F, pb, nb->id, "a second arrow leads into it"); return; }
    if (find_root(F, a) == find_root(F, b)) { chain_error(F, pb, nb->id, "an arrow leads back to it"); return; }
    na->out++;
    nb->in++;
    na->next = b;
    nb->transition = label;
    F->nodes[find_root(F, a)].comp = find_root(F, b);
}

/* node (& node)*: the nodes into g (at most 64 kept); false after a diagnostic. */
static bool read_group(freader *F, int *g, jm_pos *gp, int *n, const char *what) {
    *n = 0;
    for (;;) {
        const char *a = F->p;
        int k = read_node(F);
        if (k < 0) {
            if (!F->failed)
                jm_error(F->m->c->d, F->m->c->file, pos_at(F, a), "expected a node%s, not '%.*s'", what,
                         (int)strcspn(a, " \t\n;"), a);
            F->failed = true;
            while (F->p < F->end && *F->p != '\n') F->p++;
            return false;
        }
        if (*n < 64) { gp[*n] = pos_at(F, a); g[(*n)++] = k; }
        skip(F, false);
        if (F->p < F->end && *F->p == '&') { F->p++; skip(F, false); continue; }
        return true;
    }
}

/* group (link group)*: every node of a group links to every node of the next. */
static void read_chain(freader *F) {
    int group[64], next[64], n, m;
    jm_pos gp[64], np[64];
    if (!read_group(F, group, gp, &n, "")) return;
    for (;;) {
        const char *label;
        if (!read_link(F, &label)) return;
        skip(F, false);
        if (!read_group(F, next, np, &m, " after the arrow")) return;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < m; k++) add_edge(F, group[i], next[k], gp[i], np[k], label);
        memcpy(group, next, sizeof next[0] * (size_t)m);
        memcpy(gp, np, sizeof np[0] * (size_t)m);
        n = m;
    }
}

/* ---- classes and styles: which nodes are greyed out ---- */

/* A CSS colour (css_color.c: names, #hex, rgb(), hsl(), ...) that is grey: the channels within
 * 24 of 255 of each other; its lightness (0..1) in *l. False for other colours and non-colours. */
static bool grey_color(const char *s, double *l) {
    jm_color c;
    size_t used;
    if (!s || !jm_css_color(s, strlen(s), &c, &used)) return false;
    double hi = MAX(c.r, MAX(c.g, c.b)), lo = MIN(c.r, MIN(c.g, c.b));
    *l = (hi + lo) / 2;
    return (hi - lo) * 255 <= 24;
}

/* The value of `key` in a style list "fill:#ddd,stroke:rgb(1, 2, 3)" (the last one wins; commas
 * inside parentheses belong to the value), or NULL. */
static const char *style_value(freader *F, const char *style, const char *key) {
    const char *found = NULL;
    for (const char *p = style; p && *p;) {
        const char *end = p;
        for (int depth = 0; *end && (*end != ',' || depth > 0); end++) depth += (*end == '(') - (*end == ')');
        const char *colon = memchr(p, ':', (size_t)(end - p));
        if (colon) {
            char *k = g_strstrip(g_strndup(p, (gsize)(colon - p)));
            if (strcmp(k, key) == 0) found = g_strstrip(jm_arena_strndup(F->m->c->a, colon + 1, (size_t)(end - colon - 1)));
            g_free(k);
        }
        p = *end ? end + 1 : end;
    }
    return found;
}

/* A class's style list, "" when no classDef names it. */
static const char *class_style(freader *F, const char *cls) {
    for (size_t i = F->n_classes; i-- > 0;) {
        gchar **names = g_strsplit(F->classes[i].names, ",", -1);
        bool hit = false;
        for (gchar **q = names; *q && !hit; q++) hit = strcmp(g_strstrip(*q), cls) == 0;
        g_strfreev(names);
        if (hit) return F->classes[i].style;
    }
    return "";
}

/* Everything that styles node n, in CSS order: the default class, its classes, its style. */
static const char *node_style(freader *F, const fnode *n) {
    GString *g = g_string_new(class_style(F, "default"));
    for (size_t i = 0; i < n->n_classes; i++) g_string_append_printf(g, ",%s", class_style(F, n->classes[i]));
    if (n->style) g_string_append_printf(g, ",%s", n->style);
    const char *r = jm_arena_strdup(F->m->c->a, g->str);
    g_string_free(g, TRUE);
    return r;
}

/* Greyed out: a light grey fill with grey (or no) stroke and text colours, or a dashed outline. */
static bool is_gap(freader *F, const fnode *n) {
    const char *st = node_style(F, n);
    if (style_value(F, st, "stroke-dasharray")) return true;
    const char *fill = style_value(F, st, "fill"), *stroke = style_value(F, st, "stroke"),
               *color = style_value(F, st, "color");
    double l;
    bool grey_fill = grey_color(fill, &l) && l >= 0.45 && l < 0.97;
    bool grey_stroke = !stroke || grey_color(stroke, &l);
    bool grey_text = !color || (grey_color(color, &l) && l > 0.15 && l < 0.85);
    return grey_fill && grey_stroke && grey_text;
}

/* Any other classDef or style colour is the stage's own (fill, stroke, text); one that cannot be
 * read is left to the style, with a warning at the node. */
static void stage_colors(freader *F, const fnode *n, jm_stage *s) {
    const char *st = node_style(F, n);
    static const char *const keys[] = { "fill", "stroke", "color" };
    jm_color *out[] = { &s->fill, &s->stroke, &s->text };
    for (int k = 0; k < 3; k++) {
        const char *v = style_value(F, st, keys[k]);
        size_t used = 0;
        if (!v || !*v) continue;
        if (!jm_css_color(v, strlen(v), out[k], &used))
            mmd_warn_once(F->m, "colour", n->pos, "'%s:%s' is not a colour journeymap reads; the style's is used", keys[k], v);
    }
}

/* ---- statements ---- */

/* "click A "url"", "click A href "url" ["tooltip"] [_blank]": the stage's link; a callback
 * ("click A call fn()", "click A fn") runs a script in a browser: warned, not drawn. */
static void read_click(freader *F, jm_pos pos) {
    mmd_doc *m = F->m;
    skip(F, false);
    const char *id_at = F->p;
    const char *id = token(F);
    skip(F, false);
    const char *w = F->p;
    while (w < F->end && g_ascii_isalpha(*w)) w++;
    if (w - F->p == 4 && !memcmp(F->p, "href", 4)) { F->p = w; skip(F, false); }
    if (!*id || F->p >= F->end || *F->p != '"') {
        rest_of_line(F);
        if (*id) mmd_warn_once(m, "click callback", pos, "'click %s' with a callback is not drawn: only links are "
                               "('click %s \"https://...\"')", jm_load_show(m->c, id), jm_load_show(m->c, id));
        else { jm_error(m->c->d, m->c->file, pos, "expected 'click A \"https://...\"'"); F->failed = true; }
        return;
    }
    const char *a = F->p + 1, *b = a;
    while (b < F->end && *b != '"' && *b != '\n') b++;
    if (b >= F->end || *b != '"') {
        jm_error(m->c->d, m->c->file, pos_at(F, F->p), "the link's '\"' is not closed on its line");
        F->failed = true;
        rest_of_line(F);
        return;
    }
    const char *url = mmd_url(m, jm_arena_strndup(m->c->a, a, (size_t)(b - a)), pos_at(F, a));
    F->p = b + 1;
    const char *more = rest_of_line(F);   /* a tooltip, a target: nothing to draw */
    if (*more) mmd_warn_once(m, "click tooltip", pos, "a link's tooltip and target are not drawn");
    if (!url) { F->failed = true; return; }
    JM_RESERVE(m->c->a, F->clicks, F->n_clicks, 1, F->cap_clicks, 8);
    F->clicks[F->n_clicks++] = (fclick){ id, url, pos_at(F, id_at) };
}

static void read_keyword(freader *F, const mmd_keyword *k, const char *word_at) {
    mmd_doc *m = F->m;
    jm_pos pos = pos_at(F, word_at);
    switch (k->id) {
    case FK_CLASSDEF: {
        const char *names = token(F), *style = style_arg(F);
        JM_RESERVE(m->c->a, F->classes, F->n_classes, 1, F->cap_classes, 8);
        F->classes[F->n_classes++] = (fclass){ names, style };
        break;
    }
    case FK_CLASS: {
        skip(F, false);
        const char *ids_at = F->p;
        const char *ids = token(F), *cls = token(F);
        if (!*cls) {
            jm_error(m->c->d, m->c->file, pos, "expected 'class A,B name'");
            F->failed = true;
            break;
        }
        gchar **v = g_strsplit(ids, ",", -1);
        for (gchar **q = v; *q; q++) {
            g_strstrip(*q);
            if (!**q) continue;
            int n = node_index(F, jm_arena_strdup(m->c->a, *q), pos_at(F, ids_at));
            if (n >= 0) add_class(F, &F->nodes[n], cls);
        }
        g_strfreev(v);
        break;
    }
    case FK_STYLE: {
        skip(F, false);
        const char *id_at = F->p;
        const char *id = token(F), *style = style_arg(F);
        int n = node_index(F, id, pos_at(F, id_at));
        if (n >= 0) {
            fnode *nd = &F->nodes[n];
            nd->style = nd->style ? jm_arena_printf(m->c->a, "%s,%s", nd->style, style) : style;
        }
        break;
    }
    case FK_LINKSTYLE:
        token(F);
        style_arg(F);
        mmd_warn_once(m, "linkStyle", pos, "'linkStyle' is not drawn: the funnel draws its own arrows");
        break;
    case FK_CLICK: read_click(F, pos); break;
    case FK_SUBGRAPH: {   /* "subgraph id [Title]", "subgraph id[Title]", "subgraph Title" */
        const char *t = rest_of_line(F), *open = strchr(t, '[');
        if (open) {
            const char *close = strrchr(open, ']');
            t = mmd_text(m, open + 1, close ? (size_t)(close - open - 1) : strlen(open + 1));
            if (*t == '"' && strlen(t) >= 2 && t[strlen(t) - 1] == '"') t = jm_arena_strndup(m->c->a, t + 1, strlen(t) - 2);
        }
        JM_RESERVE(m->c->a, F->subs, F->n_subs, 1, F->cap_subs, 4);
        F->subs[F->n_subs++] = (fgroup){ t, pos };
        JM_RESERVE(m->c->a, F->open, (size_t)F->subgraphs, 1, F->cap_open, 4);
        F->open[F->subgraphs++] = (int)F->n_subs - 1;
        break;
    }
    case FK_END:
        if (F->subgraphs-- <= 0) {
            jm_error(m->c->d, m->c->file, pos, "'end' without a subgraph to close");
            F->failed = true;
        }
        break;
    case FK_DIRECTION:
        token(F);
        break;
    default: {   /* accTitle, accDescr: statements of their own line */
        F->p = word_at;
        const char *a = F->p;
        rest_of_line(F);
        mmd_stmt s = { a, (size_t)(F->p - a), F->line, F->ls };
        if (k->id == FK_ACC_DESCR) {
            const char *q = a + 8;
            while (q < F->end && blank(*q)) q++;
            if (q < F->end && *q == '{') {   /* the block form runs to its '}' */
                const char *close = memchr(q, '}', (size_t)(F->end - q));
                F->p = close ? close + 1 : F->end;
                s.n = (size_t)(F->p - a);
                for (const char *r = a; r < F->p; r++)
                    if (*r == '\n') { F->line++; F->ls = r + 1; }
            }
        }
        mmd_read_common(m, &s);
        break;
    }
    }
}

/* "Awareness\n3 journeys" -> name, count, unit, note. */
static void fill_stage(freader *F, const fnode *n, jm_stage *s) {
    jm_lctx *c = F->m->c;
    const char *label = n->label && *n->label ? n->label : n->id;
    gchar **lines = g_strsplit(*label ? label : " ", "\n", -1);   /* never empty: lines[0] exists */
    s->name = jm_arena_strdup(c->a, lines[0]);
    s->id = n->id;
    s->pos = n->pos;
    GString *note = g_string_new(NULL);
    for (gchar **q = lines + 1; *q; q++) {
        const char *t = g_strstrip(*q);
        char *e;
        double v = q == lines + 1 && g_ascii_isdigit(*t) ? g_ascii_strtod(t, &e) : NAN;
        if (!isnan(v) && (!*e || blank(*e))) {
            s->count = v;
            s->has_count = true;
            while (blank(*e)) e++;
            const char *paren = strchr(e, '(');
            size_t ul = paren ? (size_t)(paren - e) : strlen(e);
            while (ul > 0 && blank(e[ul - 1])) ul--;
            if (ul) s->unit = jm_arena_strndup(c->a, e, ul);
            if (paren) {
                const char *close = strrchr(paren, ')');
                g_string_append_len(note, paren + 1, close ? close - paren - 1 : (gssize)strlen(paren + 1));
            }
            continue;
        }
        if (*t) g_string_append_printf(note, "%s%s", note->len ? "\n" : "", t);
    }
    if (note->len) s->note = jm_arena_strdup(c->a, note->str);
    g_string_free(note, TRUE);
    g_strfreev(lines);
}

/* A subgraph is not drawn (the funnel has no stage groups): one warning each, at its line, naming
 * the stages it holds directly (a node belongs to the innermost subgraph it was last named in),
 * in chain order, so the reader knows what the grouping said. */
static void warn_subgraphs(freader *F, int start) {
    jm_lctx *c = F->m->c;
    for (size_t g = 0; g < F->n_subs; g++) {
        GString *names = g_string_new(NULL);
        for (int k = start; k >= 0; k = F->nodes[k].next) {
            if (F->nodes[k].sub != (int)g) continue;   /* a nested subgraph names its own */
            const fnode *n = &F->nodes[k];
            const char *label = n->label && *n->label ? n->label : n->id;
            const char *nl = strchr(label, '\n');
            g_string_append_printf(names, "%s'%.*s'", names->len ? ", " : "", nl ? (int)(nl - label) : (int)strlen(label), label);
        }
        jm_diag_add(c->d, JM_WARNING, c->file, F->subs[g].pos, "subgraph '%s' is not drawn (the funnel has no stage "
                    "groups); %s%s", jm_load_show(c, F->subs[g].title),
                    names->len ? "its stages are drawn in the chain: " : "it holds no stage", names->str);
        g_string_free(names, TRUE);
    }
}

/* The chain, first node to last, into the journey's stages. */
static bool build_stages(freader *F) {
    jm_journey *j = F->m->j;
    int start = -1;
    for (size_t i = 0; i < F->n_nodes; i++) {
        if (F->nodes[i].in) continue;
        if (start >= 0) {
            const fnode *n = &F->nodes[i];
            chain_error(F, n->pos, n->id, jm_arena_printf(F->m->c->a, "it is not connected to '%s'",
                                                          jm_load_show(F->m->c, F->nodes[start].id)));
            return false;
        }
        start = (int)i;
    }
    if (start < 0) {
        jm_error(F->m->c->d, F->m->c->file, (jm_pos){ F->m->body_line, 1 }, "the flowchart has no nodes");
        return false;
    }
    for (size_t i = 0; i < F->n_clicks; i++) {   /* links on nodes, the last one of a node counting */
        const fclick *k = &F->clicks[i];
        size_t n = 0;
        while (n < F->n_nodes && strcmp(F->nodes[n].id, k->id)) n++;
        if (n < F->n_nodes) F->nodes[n].url = k->url;
        else jm_diag_add(F->m->c->d, JM_WARNING, F->m->c->file, k->pos, "'click %s': no node '%s' in the flowchart, "
                         "the link is left out", jm_load_show(F->m->c, k->id), jm_load_show(F->m->c, k->id));
    }
    j->stages = JM_NEWV(F->m->c->a, jm_stage, F->n_nodes);
    warn_subgraphs(F, start);
    for (int k = start; k >= 0; k = F->nodes[k].next) {
        jm_stage *s = &j->stages[j->n_stages++];
        fill_stage(F, &F->nodes[k], s);
        s->transition = F->nodes[k].transition;
        s->url = F->nodes[k].url;
        s->gap = is_gap(F, &F->nodes[k]);
        if (!s->gap) stage_colors(F, &F->nodes[k], s);
    }
    return true;
}

bool mmd_load_flowchart(mmd_doc *m) {
    freader F = { .m = m, .p = m->body, .end = m->c->text + m->c->len, .line = m->body_line,
                  .ls = m->body_line_start };
    skip(&F, false);
    const char *dir_at = F.p;
    const char *dir = F.p < F.end && *F.p != '\n' && *F.p != ';' ? token(&F) : "";
    bool known = !*dir;
    for (size_t i = 0; directions[i] && !known; i++) known = strcmp(directions[i], dir) == 0;
    if (!known) F.p = dir_at;   /* no direction: the first statement follows */
    while (!F.failed && !jm_load_too_many(m->c)) {
        skip(&F, true);
        if (F.p >= F.end) break;
        mmd_stmt s = { F.p, (size_t)(F.end - F.p), F.line, F.ls };
        const char *rest;
        const mmd_keyword *k = mmd_keyword_find(flow_keywords, &s, &rest);
        if (k) {
            const char *at = F.p;
            F.p += strlen(k->word);
            read_keyword(&F, k, at);
            continue;
        }
        read_chain(&F);
    }
    if (F.failed || jm_diags_errors(m->c->d) > m->c->errors0) return false;
    if (!build_stages(&F)) return false;
    mmd_set_view(m, "funnel");
    return true;
}
