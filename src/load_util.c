/* load_util.c - the loader's typed reads of mapping keys: texts, numbers, bools, lists, positions.
 * Each read adds its own diagnostic at the offending value; null always counts as absent. */
#include "load_internal.h"
#include "url.h"
#include <glib.h>
#include <string.h>

bool jm_load_too_many(const jm_lctx *c) { return jm_diags_errors(c->d) - c->errors0 >= JM_LOAD_MAX_ERRORS; }

const char *jm_load_show(jm_lctx *c, const char *s) {
    size_t n = strlen(s);
    const char *nl = memchr(s, '\n', n);
    size_t cut = nl ? (size_t)(nl - s) : n;
    if (cut > 60) cut = (size_t)(g_utf8_find_prev_char(s, s + 61) - s);
    if (cut == n) return s;
    return jm_arena_printf(c->a, "%.*s...", (int)cut, s);
}

const jm_ynode *jm_load_get(const jm_ynode *map, const char *key) {
    const jm_ynode *v = jm_ymap_get(map, key);
    return jm_yis_null(v) ? NULL : v;
}

jm_pos jm_load_key_pos(const jm_ynode *map, const char *key) {
    if (map && map->kind == JM_Y_MAP)
        for (size_t i = 0; i < map->n; i++)
            if (strcmp(map->keys[i], key) == 0) return map->key_pos[i];
    return map ? map->pos : (jm_pos){ 0, 0 };
}

bool jm_load_is_map(jm_lctx *c, const jm_ynode *n, const char *what) {
    if (n && n->kind == JM_Y_MAP) return true;
    jm_error(c->d, c->file, n ? n->pos : (jm_pos){ 0, 0 }, "%s must be a mapping, not %s", what, jm_ykind_name(n));
    return false;
}

void jm_load_keys(jm_lctx *c, const jm_ynode *map, const char *const *allowed, const char *what) {
    jm_ycheck_keys(map, allowed, what, c->file, c->d);
}

/* A literal backslash-n (as plain and single-quoted YAML keep it) becomes a line break. */
static const char *convert_breaks(jm_lctx *c, const char *s) {
    if (!strstr(s, "\\n")) return s;
    char *r = jm_arena_strdup(c->a, s), *w = r;
    for (const char *q = s; *q; q++) {
        if (q[0] == '\\' && q[1] == 'n') { *w++ = '\n'; q++; }
        else *w++ = *q;
    }
    *w = '\0';
    return r;
}

const char *jm_load_text_node(jm_lctx *c, const jm_ynode *n, const char *what) {
    const char *s;
    if (!jm_yget_text(n, what, c->file, c->d, &s)) return NULL;
    return convert_breaks(c, s);
}

const char *jm_load_raw(jm_lctx *c, const jm_ynode *map, const char *key) {
    const jm_ynode *v = jm_load_get(map, key);
    if (!v) return NULL;
    if (v->kind == JM_Y_SCALAR) return v->str;
    const char *s = NULL;
    jm_yget_text(v, jm_arena_printf(c->a, "'%s'", key), c->file, c->d, &s);
    return NULL;
}

const char *jm_load_url(jm_lctx *c, const jm_ynode *map) {
    const char *s = jm_load_raw(c, map, "url");
    size_t at;
    const char *why = s ? jm_url_problem(s, &at) : NULL;
    if (!why) return s;
    jm_error(c->d, c->file, jm_load_pos_in(c, jm_load_get(map, "url"), at), "url '%s': %s", jm_load_show(c, s), why);
    return NULL;
}

const char *jm_load_text(jm_lctx *c, const jm_ynode *map, const char *key) {
    const char *s = jm_load_raw(c, map, key);
    return s ? convert_breaks(c, s) : NULL;
}

const char *jm_load_text_req(jm_lctx *c, const jm_ynode *map, const char *key, const char *what) {
    if (!jm_load_get(map, key)) {
        jm_error(c->d, c->file, map->pos, "%s needs a '%s'", what, key);
        return NULL;
    }
    return jm_load_text(c, map, key);
}

bool jm_load_number(jm_lctx *c, const jm_ynode *map, const char *key, double *out) {
    const jm_ynode *v = jm_load_get(map, key);
    if (!v) return false;
    return jm_yget_number(v, jm_arena_printf(c->a, "'%s'", key), c->file, c->d, out);
}

bool jm_load_bool(jm_lctx *c, const jm_ynode *map, const char *key, bool *out) {
    const jm_ynode *v = jm_load_get(map, key);
    if (!v) return false;
    return jm_yget_bool(v, jm_arena_printf(c->a, "'%s'", key), c->file, c->d, out);
}

const jm_ynode *jm_load_list_node(jm_lctx *c, const jm_ynode *n, const char *what, size_t limit) {
    if (n->kind != JM_Y_SEQ) {
        jm_error(c->d, c->file, n->pos, "%s must be a list, not %s", what, jm_ykind_name(n));
        return NULL;
    }
    if (n->n > limit) {
        jm_error(c->d, c->file, n->pos, "%s has %zu entries, more than the limit of %zu", what, n->n, limit);
        return NULL;
    }
    return n;
}

const jm_ynode *jm_load_list(jm_lctx *c, const jm_ynode *map, const char *key, size_t limit) {
    const jm_ynode *v = jm_load_get(map, key);
    if (!v) return NULL;
    return jm_load_list_node(c, v, jm_arena_printf(c->a, "'%s'", key), limit);
}

jm_texts jm_load_texts(jm_lctx *c, const jm_ynode *map, const char *key, bool one_ok) {
    jm_texts t = { 0 };
    const jm_ynode *v = jm_load_get(map, key);
    if (!v) return t;
    if (one_ok && v->kind == JM_Y_SCALAR) {
        const char **s = JM_NEW(c->a, const char *);
        jm_pos *p = JM_NEW(c->a, jm_pos);
        *s = jm_load_text_node(c, v, "");
        *p = v->pos;
        t.v = s; t.pos = p; t.n = 1;
        return t;
    }
    const char *what = jm_arena_printf(c->a, "'%s'", key);
    if (one_ok && v->kind != JM_Y_SEQ) {
        jm_error(c->d, c->file, v->pos, "%s must be a text or a list of texts, not %s", what, jm_ykind_name(v));
        return t;
    }
    const jm_ynode *l = jm_load_list_node(c, v, what, JM_MAX_ITEMS);
    if (!l) return t;
    const char **s = JM_NEWV(c->a, const char *, l->n ? l->n : 1);
    jm_pos *p = JM_NEWV(c->a, jm_pos, l->n ? l->n : 1);
    const char *each = jm_arena_printf(c->a, "each entry of '%s'", key);
    for (size_t i = 0; i < l->n; i++) {
        const char *x = jm_load_text_node(c, l->items[i], each);
        if (!x) continue;
        s[t.n] = x;
        p[t.n] = l->items[i]->pos;
        t.n++;
    }
    t.v = s; t.pos = p;
    return t;
}

/* Byte offset of the start of each source line, built on first use. */
static void build_lines(jm_lctx *c) {
    size_t n = 1;
    for (size_t i = 0; i < c->len; i++) n += c->text[i] == '\n';
    size_t *ls = JM_NEWV(c->a, size_t, n);
    size_t k = 0;
    ls[k++] = 0;
    for (size_t i = 0; i < c->len; i++)
        if (c->text[i] == '\n') ls[k++] = i + 1;
    c->line_start = ls;
    c->n_lines = n;
}

jm_pos jm_load_pos_in(jm_lctx *c, const jm_ynode *n, size_t off) {
    if (!c->text || n->kind != JM_Y_SCALAR || n->pos.line < 1 || off > n->len) return n->pos;
    if (!c->line_start) build_lines(c);
    if ((size_t)n->pos.line > c->n_lines) return n->pos;
    const char *p = c->text + c->line_start[n->pos.line - 1], *end = c->text + c->len;
    for (int col = 1; col < n->pos.col && p < end && *p != '\n'; col++) p = g_utf8_next_char(p);
    int quote = 0;
    if (p < end && (*p == '"' || *p == '\'')) quote = 1;
    else if (!n->plain) return n->pos;
    if ((size_t)(end - p) < off + (size_t)quote || memchr(n->str, '\n', off) ||
        memcmp(p + quote, n->str, off) != 0)
        return n->pos;
    return (jm_pos){ n->pos.line, n->pos.col + quote + (int)g_utf8_strlen(n->str, (gssize)off) };
}

const char *jm_load_choices(jm_lctx *c, const char *const *names) {
    GString *s = g_string_new(NULL);
    size_t n = 0;
    while (names[n]) n++;
    for (size_t i = 0; i < n; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", names[i]);
    const char *r = jm_arena_strdup(c->a, s->str);
    g_string_free(s, TRUE);
    return r;
}
