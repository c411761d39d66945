/* yamltree.c - YAML text to a jm_ynode tree through libyaml's event API, with positions and limits.
 * Checks UTF-8 first; bounds nesting, scalar size and alias expansion; typed reads and did-you-mean. */
#include "yamltree.h"
#include "model.h"
#include <glib.h>
#include <math.h>
#include <string.h>
#include <yaml.h>

#define MAX_UNKNOWN_KEYS 20   /* unknown keys reported per mapping before "and N more" */
#define SHOW_MAX 60           /* bytes of a key or text quoted in a message */

/* An anchored node: what an alias shares, with its memoised expanded size. */
typedef struct {
    jm_ynode *node;
    size_t size;         /* nodes */
    size_t bytes;        /* bytes of text (scalars and keys) */
    bool done;
} anchor_rec;

/* An open sequence or mapping. */
typedef struct {
    jm_ynode *node;
    size_t start;        /* first child in parser.kids */
    size_t size;         /* nodes in its expansion so far: itself plus finished children */
    size_t bytes;        /* bytes of text in its expansion so far */
    anchor_rec *anchor;  /* NULL when not anchored */
} frame;

typedef struct {
    jm_arena *a;
    const char *file;
    jm_diags *d;
    const char *text; size_t len;   /* what libyaml reads (after a BOM) */
    /* index (characters) -> line:col cursor; libyaml's marks only move forward in practice */
    size_t cur_index; const char *cur_p; int cur_line, cur_col;
    GPtrArray *kids;                /* children of every open container, innermost last */
    frame stack[JM_MAX_DEPTH];
    int depth;
    GHashTable *anchors;            /* name -> anchor_rec (arena) */
    size_t total;                   /* nodes of the expanded document so far */
    size_t text_bytes;              /* bytes of text of the expanded document so far */
    jm_ynode *root;
    bool fatal;
} tree_parser;

/* A short, UTF-8-safe quotation of `s` for messages (the arena keeps it). */
static const char *shown(jm_arena *a, const char *s) {
    size_t n = strlen(s);
    if (n <= SHOW_MAX) return s;
    const char *end = g_utf8_find_prev_char(s, s + SHOW_MAX + 1);
    return jm_arena_printf(a, "%.*s...", (int)(end - s), s);
}

/* ---- positions ---- */

/* libyaml's mark.index counts characters; lines are counted at '\n' only, like diag.c does. */
static jm_pos pos_of_index(tree_parser *p, size_t index) {
    if (index < p->cur_index || !p->cur_p) {
        p->cur_index = 0; p->cur_p = p->text; p->cur_line = 1; p->cur_col = 1;
    }
    const char *end = p->text + p->len;
    while (p->cur_index < index && p->cur_p < end) {
        if (*p->cur_p == '\n') { p->cur_line++; p->cur_col = 1; }
        else p->cur_col++;
        p->cur_p = g_utf8_next_char(p->cur_p);
        p->cur_index++;
    }
    return (jm_pos){ p->cur_line, p->cur_col };
}

/* Line:col of a byte offset into a text that is valid UTF-8 up to that offset. */
static jm_pos pos_of_byte(const char *text, size_t off) {
    int line = 1;
    const char *ls = text;
    for (const char *q = text; q < text + off; q++)
        if (*q == '\n') { line++; ls = q + 1; }
    return (jm_pos){ line, (int)g_utf8_strlen(ls, (gssize)(text + off - ls)) + 1 };
}

static jm_pos mark_pos(tree_parser *p, yaml_mark_t m) { return pos_of_index(p, m.index); }

/* ---- building ---- */

/* The first Unicode noncharacter in s (U+FDD0..U+FDEF, U+nFFFE, U+nFFFF), or 0. They are valid
 * UTF-8 but not for interchange: Pango and cairo's PDF and SVG writers refuse them, so the loader
 * does, at the text that holds one. */
static gunichar noncharacter(const char *s, size_t len) {
    for (const char *q = s, *end = s + len; q < end; q = g_utf8_next_char(q)) {
        if ((unsigned char)*q < 0xEF) continue;   /* every noncharacter is 3 or 4 bytes: EF.. or F0.. */
        gunichar c = g_utf8_get_char(q);
        if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) return c;
    }
    return 0;
}

static jm_ynode *node_new(tree_parser *p, jm_ynode_kind kind, jm_pos pos) {
    jm_ynode *n = JM_NEW(p->a, jm_ynode);
    n->kind = kind;
    n->pos = pos;
    return n;
}

/* Counts `nodes` expanded nodes holding `bytes` bytes of text; false (with a diagnostic) past
 * either limit. Counting the text, not only the nodes, bounds what one long scalar aliased many
 * times costs every later stage (layout measures each copy). */
static bool count_nodes(tree_parser *p, size_t nodes, size_t bytes, jm_pos pos, bool alias) {
    p->total += nodes;
    p->text_bytes += bytes;
    if (p->total > JM_MAX_NODES) {
        if (alias) jm_error(p->d, p->file, pos, "alias expansion exceeds %d nodes", JM_MAX_NODES);
        else jm_error(p->d, p->file, pos, "the document has more than %d nodes", JM_MAX_NODES);
    } else if (p->text_bytes > JM_MAX_EXPANDED_TEXT) {
        if (alias) jm_error(p->d, p->file, pos, "alias expansion exceeds %d bytes of text", JM_MAX_EXPANDED_TEXT);
        else jm_error(p->d, p->file, pos, "the document has more than %d bytes of text", JM_MAX_EXPANDED_TEXT);
    } else {
        return true;
    }
    p->fatal = true;
    return false;
}

/* Hands a finished node of expanded size `size` (nodes) and `bytes` (text) to its container (or
 * makes it the root). */
static void attach(tree_parser *p, jm_ynode *n, size_t size, size_t bytes) {
    if (p->depth == 0) { p->root = n; return; }
    p->stack[p->depth - 1].size += size;
    p->stack[p->depth - 1].bytes += bytes;
    g_ptr_array_add(p->kids, n);
}

static anchor_rec *anchor_define(tree_parser *p, const yaml_char_t *name, jm_ynode *n) {
    if (!name) return NULL;
    anchor_rec *r = JM_NEW(p->a, anchor_rec);
    r->node = n;
    g_hash_table_replace(p->anchors, g_strdup((const char *)name), r);
    return r;
}

/* Whether the next node is a mapping key (keys are not drawn: their text is not counted). */
static bool at_key(const tree_parser *p) {
    const frame *f = p->depth ? &p->stack[p->depth - 1] : NULL;
    return f && f->node->kind == JM_Y_MAP && (p->kids->len - f->start) % 2 == 0;
}

static void on_scalar(tree_parser *p, const yaml_event_t *e) {
    jm_pos pos = mark_pos(p, e->start_mark);
    size_t len = e->data.scalar.length, text = at_key(p) ? 0 : len;
    /* a scalar over its own limit counts as empty, so the message names the scalar */
    if (!count_nodes(p, 1, len > JM_MAX_TEXT_BYTES ? 0 : text, pos, false)) return;
    jm_ynode *n = node_new(p, JM_Y_SCALAR, pos);
    const char *v = (const char *)e->data.scalar.value;
    gunichar nc;
    n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !e->data.scalar.tag;
    if (len > JM_MAX_TEXT_BYTES) {
        jm_error(p->d, p->file, pos, "text of %zu bytes is longer than the limit of %d bytes",
                 len, JM_MAX_TEXT_BYTES);
        n->str = ""; n->len = 0;
    } else if (memchr(v, '\0', len)) {
        jm_error(p->d, p->file, pos, "text contains a NUL character");
        n->str = ""; n->len = 0;
    } else if ((nc = noncharacter(v, len)) != 0) {
        jm_error(p->d, p->file, pos, "text contains the noncharacter U+%04X, which is not for interchange and "
                 "cannot be drawn", nc);
        n->str = ""; n->len = 0;
    } else {
        n->str = jm_arena_strndup(p->a, v, len);
        n->len = len;
    }
    anchor_rec *r = anchor_define(p, e->data.scalar.anchor, n);
    if (r) { r->size = 1; r->bytes = n->len; r->done = true; }
    attach(p, n, 1, text);
}

static void on_alias(tree_parser *p, const yaml_event_t *e) {
    jm_pos pos = mark_pos(p, e->start_mark);
    const char *name = (const char *)e->data.alias.anchor;
    anchor_rec *r = g_hash_table_lookup(p->anchors, name);
    if (!r) {
        jm_error(p->d, p->file, pos, "unknown alias '*%s'", shown(p->a, name));
        p->fatal = true;
        return;
    }
    if (!r->done) {
        jm_error(p->d, p->file, pos, "alias '*%s' refers to a node that contains it", shown(p->a, name));
        p->fatal = true;
        return;
    }
    if (!count_nodes(p, r->size, r->bytes, pos, true)) return;
    attach(p, r->node, r->size, r->bytes);
}

static void on_start(tree_parser *p, const yaml_event_t *e, jm_ynode_kind kind) {
    jm_pos pos = mark_pos(p, e->start_mark);
    if (p->depth >= JM_MAX_DEPTH) {
        jm_error(p->d, p->file, pos, "nesting deeper than %d levels", JM_MAX_DEPTH);
        p->fatal = true;
        return;
    }
    if (!count_nodes(p, 1, 0, pos, false)) return;
    jm_ynode *n = node_new(p, kind, pos);
    const yaml_char_t *anchor = kind == JM_Y_SEQ ? e->data.sequence_start.anchor
                                                 : e->data.mapping_start.anchor;
    frame *f = &p->stack[p->depth++];
    f->node = n;
    f->start = p->kids->len;
    f->size = 1;
    f->bytes = 0;
    f->anchor = anchor_define(p, anchor, n);
}

/* Fills a mapping from its key/value children: keys must be texts and unique. */
static void finish_map(tree_parser *p, jm_ynode *n, jm_ynode **kv, size_t count) {
    size_t pairs = count / 2;
    n->keys = JM_NEWV(p->a, const char *, pairs ? pairs : 1);
    n->key_pos = JM_NEWV(p->a, jm_pos, pairs ? pairs : 1);
    n->values = JM_NEWV(p->a, jm_ynode *, pairs ? pairs : 1);
    GHashTable *seen = pairs > 8 ? g_hash_table_new(g_str_hash, g_str_equal) : NULL;
    for (size_t i = 0; i < pairs; i++) {
        jm_ynode *k = kv[2 * i], *v = kv[2 * i + 1];
        if (k->kind != JM_Y_SCALAR) {
            jm_error(p->d, p->file, k->pos, "a mapping key must be a text, not %s", jm_ykind_name(k));
            continue;
        }
        size_t first = (size_t)-1;
        if (seen) {
            gpointer idx;
            if (g_hash_table_lookup_extended(seen, k->str, NULL, &idx)) first = GPOINTER_TO_SIZE(idx);
            else g_hash_table_insert(seen, (gpointer)k->str, GSIZE_TO_POINTER(n->n));
        } else {
            for (size_t j = 0; j < n->n; j++)
                if (strcmp(n->keys[j], k->str) == 0) { first = j; break; }
        }
        if (first != (size_t)-1) {
            jm_error(p->d, p->file, k->pos, "duplicate key '%s' (first at line %d)",
                     shown(p->a, k->str), n->key_pos[first].line);
            continue;
        }
        n->keys[n->n] = k->str;
        n->key_pos[n->n] = k->pos;
        n->values[n->n] = v;
        n->n++;
    }
    if (seen) g_hash_table_destroy(seen);
}

static void on_end(tree_parser *p) {
    frame *f = &p->stack[--p->depth];
    jm_ynode *n = f->node;
    size_t count = p->kids->len - f->start;
    /* pdata is NULL while the array has never held anything: no offset on it then */
    jm_ynode **kv = count ? (jm_ynode **)p->kids->pdata + f->start : NULL;
    if (n->kind == JM_Y_SEQ) {
        n->n = count;
        n->items = JM_NEWV(p->a, jm_ynode *, count ? count : 1);
        if (count) memcpy(n->items, kv, count * sizeof *kv);
    } else {
        finish_map(p, n, kv, count);
    }
    g_ptr_array_set_size(p->kids, (guint)f->start);
    if (f->anchor) { f->anchor->size = f->size; f->anchor->bytes = f->bytes; f->anchor->done = true; }
    attach(p, n, f->size, f->bytes);
}

/* A libyaml error as a diagnostic with its problem text, at its mark. */
static void report_libyaml(tree_parser *p, const yaml_parser_t *yp) {
    if (yp->error == YAML_READER_ERROR) {
        jm_pos pos = pos_of_byte(p->text, yp->problem_offset < p->len ? yp->problem_offset : p->len);
        jm_error(p->d, p->file, pos, "%s", yp->problem ? yp->problem : "cannot read the text");
        return;
    }
    jm_pos pos = mark_pos(p, yp->problem_mark);
    bool at_tab = p->cur_p && p->cur_p < p->text + p->len && *p->cur_p == '\t';
    const char *problem = yp->problem ? yp->problem : "invalid YAML";
    if (at_tab && strstr(problem, "cannot start any token")) {
        jm_error(p->d, p->file, pos, "a tab cannot indent YAML (use spaces)");
        return;
    }
    if (yp->context && yp->context_mark.index != yp->problem_mark.index) {
        jm_pos cpos = mark_pos(p, yp->context_mark);
        jm_error(p->d, p->file, pos, "%s (%s started at line %d)", problem, yp->context, cpos.line);
    } else {
        jm_error(p->d, p->file, pos, "%s", problem);
    }
}

bool jm_text_valid(const char *file, const char *text, size_t len, bool noncharacters, jm_diags *d) {
    const char *end;
    if (!g_utf8_validate_len(text, len, &end)) {
        jm_pos pos = pos_of_byte(text, (size_t)(end - text));
        if (*end == '\0') jm_error(d, file, pos, "NUL byte in the text");
        else jm_error(d, file, pos, "invalid UTF-8 byte 0x%02X", (unsigned)(unsigned char)*end);
        return false;
    }
    gunichar nc = noncharacters ? noncharacter(text, len) : 0;
    if (nc) {
        const char *q = text;
        while (g_utf8_get_char(q) != nc) q = g_utf8_next_char(q);
        jm_error(d, file, pos_of_byte(text, (size_t)(q - text)),
                 "the text contains the noncharacter U+%04X, which is not for interchange", nc);
        return false;
    }
    return true;
}

const jm_ynode *jm_yaml_parse(jm_arena *a, const char *file, const char *text, size_t len, jm_diags *d) {
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { text += 3; len -= 3; }  /* BOM */
    if (!jm_text_valid(file, text, len, false, d)) return NULL;   /* noncharacters: per scalar */

    tree_parser p = { .a = a, .file = file, .d = d, .text = text, .len = len };
    p.kids = g_ptr_array_new();
    p.anchors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    size_t errors0 = jm_diags_errors(d);

    yaml_parser_t yp;
    yaml_parser_initialize(&yp);
    yaml_parser_set_input_string(&yp, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&yp, YAML_UTF8_ENCODING);
    int documents = 0;
    bool done = false;
    while (!done && !p.fatal) {
        yaml_event_t e;
        if (!yaml_parser_parse(&yp, &e)) { report_libyaml(&p, &yp); break; }
        switch (e.type) {
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1) {
                jm_error(d, file, mark_pos(&p, e.start_mark), "only one YAML document per file");
                p.fatal = true;
            }
            break;
        case YAML_SCALAR_EVENT: on_scalar(&p, &e); break;
        case YAML_ALIAS_EVENT: on_alias(&p, &e); break;
        case YAML_SEQUENCE_START_EVENT: on_start(&p, &e, JM_Y_SEQ); break;
        case YAML_MAPPING_START_EVENT: on_start(&p, &e, JM_Y_MAP); break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT: on_end(&p); break;
        case YAML_STREAM_END_EVENT: done = true; break;
        default: break;
        }
        yaml_event_delete(&e);
    }
    yaml_parser_delete(&yp);
    g_ptr_array_free(p.kids, TRUE);
    g_hash_table_destroy(p.anchors);

    if (jm_diags_errors(d) > errors0 || !done) return NULL;
    if (!p.root || jm_yis_null(p.root)) {   /* an empty document is an empty mapping */
        jm_ynode *m = node_new(&p, JM_Y_MAP, p.root ? p.root->pos : (jm_pos){ 1, 1 });
        m->keys = JM_NEWV(a, const char *, 1);
        m->key_pos = JM_NEWV(a, jm_pos, 1);
        m->values = JM_NEWV(a, jm_ynode *, 1);
        return m;
    }
    return p.root;
}

/* ---- reading the tree ---- */

const jm_ynode *jm_ymap_get(const jm_ynode *map, const char *key) {
    if (!map || map->kind != JM_Y_MAP) return NULL;
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->keys[i], key) == 0) return map->values[i];
    return NULL;
}

/* Levenshtein distance of two ASCII-case-folded byte strings (short ones: callers bound lengths). */
static size_t edit_distance(const char *s, size_t ns, const char *t, size_t nt) {
    size_t *row = g_new(size_t, nt + 1);
    for (size_t j = 0; j <= nt; j++) row[j] = j;
    for (size_t i = 1; i <= ns; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nt; j++) {
            size_t up = row[j];
            size_t cost = g_ascii_tolower(s[i - 1]) == g_ascii_tolower(t[j - 1]) ? 0 : 1;
            size_t best = diag + cost;
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t r = row[nt];
    g_free(row);
    return r;
}

const char *jm_did_you_mean(const char *word, const char *const *candidates) {
    size_t nw = strlen(word);
    if (nw == 0 || nw > 64) return NULL;
    size_t limit = nw / 3 > 2 ? nw / 3 : 2;
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; candidates[i]; i++) {
        size_t nc = strlen(candidates[i]);
        size_t diff = nc > nw ? nc - nw : nw - nc;
        if (diff >= best_d) continue;
        size_t dist = edit_distance(word, nw, candidates[i], nc);
        /* a suggestion shares something with the word: not a complete rewrite */
        if (dist < best_d && dist < (nw > nc ? nw : nc)) { best = candidates[i]; best_d = dist; }
    }
    return best;
}

bool jm_ycheck_keys(const jm_ynode *map, const char *const *allowed, const char *what,
                    const char *file, jm_diags *d) {
    if (!map || map->kind != JM_Y_MAP) return true;
    size_t unknown = 0;
    for (size_t i = 0; i < map->n; i++) {
        bool known = false;
        for (size_t j = 0; allowed[j] && !known; j++) known = strcmp(allowed[j], map->keys[i]) == 0;
        if (known) continue;
        if (++unknown > MAX_UNKNOWN_KEYS) continue;
        char key[SHOW_MAX + 8];
        size_t kl = strlen(map->keys[i]);
        if (kl > SHOW_MAX) {
            const char *end = g_utf8_find_prev_char(map->keys[i], map->keys[i] + SHOW_MAX + 1);
            g_snprintf(key, sizeof key, "%.*s...", (int)(end - map->keys[i]), map->keys[i]);
        } else {
            g_strlcpy(key, map->keys[i], sizeof key);
        }
        const char *hint = jm_did_you_mean(map->keys[i], allowed);
        if (hint) {
            jm_error(d, file, map->key_pos[i], "unknown key '%s' (did you mean '%s'?)", key, hint);
        } else {
            GString *list = g_string_new(NULL);
            for (size_t j = 0; allowed[j]; j++) g_string_append_printf(list, "%s%s", j ? ", " : "", allowed[j]);
            jm_error(d, file, map->key_pos[i], "unknown key '%s' in %s (known keys: %s)", key, what, list->str);
            g_string_free(list, TRUE);
        }
    }
    if (unknown > MAX_UNKNOWN_KEYS)
        jm_error(d, file, map->pos, "%zu more unknown keys in %s", unknown - MAX_UNKNOWN_KEYS, what);
    return unknown == 0;
}

bool jm_yis_null(const jm_ynode *n) {
    if (!n) return true;
    if (n->kind != JM_Y_SCALAR || !n->plain) return false;
    return !strcmp(n->str, "") || !strcmp(n->str, "~") || !strcmp(n->str, "null") ||
           !strcmp(n->str, "Null") || !strcmp(n->str, "NULL");
}

const char *jm_ykind_name(const jm_ynode *n) {
    if (jm_yis_null(n)) return "null";
    switch (n->kind) {
    case JM_Y_SEQ: return "a list";
    case JM_Y_MAP: return "a mapping";
    default: return "a text";
    }
}

/* "a list", or for a scalar "the text 'abc'", for messages about wrong values. */
static void describe(const jm_ynode *n, char *buf, size_t size) {
    if (!n || n->kind != JM_Y_SCALAR || jm_yis_null(n)) { g_strlcpy(buf, jm_ykind_name(n), size); return; }
    if (n->len > 40) {
        const char *end = g_utf8_find_prev_char(n->str, n->str + 41);
        g_snprintf(buf, size, "the text '%.*s...'", (int)(end - n->str), n->str);
    } else {
        g_snprintf(buf, size, "the text '%s'", n->str);
    }
}

bool jm_yget_text(const jm_ynode *n, const char *what, const char *file, jm_diags *d, const char **out) {
    if (n && n->kind == JM_Y_SCALAR && !jm_yis_null(n)) { *out = n->str; return true; }
    jm_error(d, file, n ? n->pos : (jm_pos){ 0, 0 }, "%s must be a text, not %s", what, jm_ykind_name(n));
    return false;
}

/* YAML 1.2 core-schema decimal numbers: [-+]? (digits [. digits*] | . digits) [e [-+]? digits] */
static bool parse_number(const char *s, double *out) {
    const char *q = s;
    if (*q == '-' || *q == '+') q++;
    size_t int_digits = 0, frac_digits = 0;
    while (g_ascii_isdigit(*q)) { q++; int_digits++; }
    if (*q == '.') { q++; while (g_ascii_isdigit(*q)) { q++; frac_digits++; } }
    if (int_digits + frac_digits == 0) return false;
    if (*q == 'e' || *q == 'E') {
        q++;
        if (*q == '-' || *q == '+') q++;
        if (!g_ascii_isdigit(*q)) return false;
        while (g_ascii_isdigit(*q)) q++;
    }
    if (*q) return false;
    double v = g_ascii_strtod(s, NULL);
    if (!isfinite(v)) return false;
    *out = v;
    return true;
}

bool jm_yget_number(const jm_ynode *n, const char *what, const char *file, jm_diags *d, double *out) {
    if (n && n->kind == JM_Y_SCALAR && n->plain && parse_number(n->str, out)) return true;
    char got[80];
    describe(n, got, sizeof got);
    jm_error(d, file, n ? n->pos : (jm_pos){ 0, 0 }, "%s must be a number, not %s", what, got);
    return false;
}

bool jm_yget_bool(const jm_ynode *n, const char *what, const char *file, jm_diags *d, bool *out) {
    static const char *const yes[] = { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", NULL };
    static const char *const no[] = { "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", NULL };
    if (n && n->kind == JM_Y_SCALAR && n->plain) {
        for (size_t i = 0; yes[i]; i++) if (!strcmp(n->str, yes[i])) { *out = true; return true; }
        for (size_t i = 0; no[i]; i++) if (!strcmp(n->str, no[i])) { *out = false; return true; }
    }
    char got[80];
    describe(n, got, sizeof got);
    jm_error(d, file, n ? n->pos : (jm_pos){ 0, 0 }, "%s must be true or false, not %s", what, got);
    return false;
}
