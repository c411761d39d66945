/* load.c - reads a journey file into the model: the top level, persona (with its image), features,
 * tables and views; stages and steps are in load_stage.c, the sequence in load_sequence.c. */
#include "load.h"
#include "load_internal.h"
#include "load_markdown.h"
#include "load_mermaid.h"
#include "file.h"
#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *const jm_keys_top[] = { "title", "subtitle", "persona", "stages", "steps", "sequence",
                                        "features", "tables", "style", "views", "author", "acc_title", "acc_descr",
                                        "lane_labels", NULL };
const char *const jm_keys_persona[] = { "name", "role", "archetype", "quote", "goals", "frustrations",
                                            "image", NULL };
const char *const jm_keys_feature[] = { "icon", "title", "text", NULL };
const char *const jm_keys_table[] = { "title", "columns", "rows", NULL };
const char *const jm_enum_view_names[] = { "funnel", "sequence", "emotions", "map", NULL };

/* ---- reading files ---- */

char *jm_read_file(const char *path, size_t *len, jm_diags *diags) {
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    char *why = NULL;
    size_t n = 0;
    char *buf = jm_file_read(path, JM_MAX_FILE_BYTES, true, &n, &why);
    if (!buf) {
        jm_error(diags, name, (jm_pos){ 0, 0 }, "cannot read the file: %s", why);
        g_free(why);
        return NULL;
    }
    if (len) *len = n;
    return buf;
}

/* ---- persona ---- */

/* Lexically resolves "." and ".." in an absolute path (no file system access). */
static char *normalize_path(const char *abs) {
    gchar **parts = g_strsplit(abs, "/", -1);
    GPtrArray *keep = g_ptr_array_new();
    for (gchar **q = parts; *q; q++) {
        if (!**q || !strcmp(*q, ".")) continue;
        if (!strcmp(*q, "..")) { if (keep->len) g_ptr_array_set_size(keep, keep->len - 1); continue; }
        g_ptr_array_add(keep, *q);
    }
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < keep->len; i++) g_string_append_printf(s, "/%s", (char *)keep->pdata[i]);
    if (!s->len) g_string_append_c(s, '/');
    g_ptr_array_free(keep, TRUE);
    g_strfreev(parts);
    return g_string_free(s, FALSE);
}

/* The persona image: an absolute path inside the journey's folder, decoded once, here, within
 * the limits of image.h. A file that is not a PNG or is over a limit is an error; a PNG that
 * does not decode is a warning, and the map draws a placeholder. */
static const char *load_image(jm_lctx *c, const jm_journey *j, const jm_ynode *n, const jm_image **picture) {
    const char *path = n->kind == JM_Y_SCALAR ? n->str : NULL;
    if (!path) { jm_yget_text(n, "'image'", c->file, c->d, &path); return NULL; }
    const char *shown = jm_load_show(c, path);
    if (!*path) { jm_error(c->d, c->file, n->pos, "'image' must not be empty"); return NULL; }
    char *dir = realpath(j->dir, NULL);
    if (!dir) {
        jm_error(c->d, c->file, n->pos, "cannot resolve the folder '%s' of the persona image: %s",
                 j->dir, g_strerror(errno));
        return NULL;
    }
    const char *result = NULL;
    char *joined = g_path_is_absolute(path) ? g_strdup(path) : g_build_filename(dir, path, NULL);
    char *lexical = normalize_path(joined);
    char *real = NULL, *why = NULL;
    if (!jm_file_inside(lexical, dir)) {
        jm_error(c->d, c->file, n->pos, "persona image '%s' is outside the folder of the journey file", shown);
    } else if (!(real = realpath(joined, NULL))) {
        jm_error(c->d, c->file, n->pos, "persona image '%s' cannot be opened: %s", shown, g_strerror(errno));
    } else if (!jm_file_inside(real, dir)) {
        jm_error(c->d, c->file, n->pos, "persona image '%s' is outside the folder of the journey file "
                 "(it links to '%s')", shown, jm_load_show(c, real));
    } else {
        switch (jm_image_load(c->a, real, picture, &why)) {
        case JM_IMAGE_OK:
            result = jm_arena_strdup(c->a, real);
            break;
        case JM_IMAGE_CORRUPT:
            jm_diag_add(c->d, JM_WARNING, c->file, n->pos, "persona image '%s' is drawn as a placeholder: %s", shown, why);
            result = jm_arena_strdup(c->a, real);
            break;
        case JM_IMAGE_REFUSED:
            jm_error(c->d, c->file, n->pos, "persona image '%s' cannot be used: %s", shown, why);
            break;
        }
    }
    g_free(why);
    free(real);
    g_free(lexical);
    g_free(joined);
    free(dir);
    return result;
}

static const jm_persona *load_persona(jm_lctx *c, const jm_journey *j, const jm_ynode *n) {
    if (!jm_load_is_map(c, n, "'persona'")) return NULL;
    jm_load_keys(c, n, jm_keys_persona, "the persona");
    jm_persona *p = JM_NEW(c->a, jm_persona);
    p->pos = n->pos;
    p->name = jm_load_text_req(c, n, "name", "persona");
    p->role = jm_load_text(c, n, "role");
    p->archetype = jm_load_text(c, n, "archetype");
    p->quote = jm_load_text(c, n, "quote");
    p->goals = jm_load_texts(c, n, "goals", false);
    p->frustrations = jm_load_texts(c, n, "frustrations", false);
    const jm_ynode *img = jm_load_get(n, "image");
    if (img) p->image = load_image(c, j, img, &p->picture);
    return p;
}

/* ---- features, tables, views ---- */

static void load_features(jm_lctx *c, const jm_ynode *root, jm_journey *j) {
    const jm_ynode *l = jm_load_list(c, root, "features", JM_MAX_ITEMS);
    if (!l) return;
    j->features = JM_NEWV(c->a, jm_feature, l->n ? l->n : 1);
    for (size_t i = 0; i < l->n && !jm_load_too_many(c); i++) {
        const jm_ynode *m = l->items[i];
        if (!jm_load_is_map(c, m, "a feature")) continue;
        jm_load_keys(c, m, jm_keys_feature, "a feature");
        jm_feature *f = &j->features[j->n_features++];
        f->pos = m->pos;
        f->icon = jm_load_text(c, m, "icon");
        f->title = jm_load_text_req(c, m, "title", "feature");
        f->text = jm_load_text(c, m, "text");
    }
}

static void load_rows(jm_lctx *c, const jm_ynode *rows, jm_table *t) {
    t->cells = JM_NEWV(c->a, const char *, rows->n * t->n_columns + 1);
    for (size_t r = 0; r < rows->n && !jm_load_too_many(c); r++) {
        const jm_ynode *row = rows->items[r];
        if (row->kind != JM_Y_SEQ) {
            jm_error(c->d, c->file, row->pos, "row %zu must be a list, not %s", r + 1, jm_ykind_name(row));
            continue;
        }
        if (row->n != t->n_columns) {
            jm_error(c->d, c->file, row->pos, "row %zu has %zu cell%s, the table has %zu column%s", r + 1,
                     row->n, row->n == 1 ? "" : "s", t->n_columns, t->n_columns == 1 ? "" : "s");
            continue;
        }
        const char **cells = t->cells + t->n_rows * t->n_columns;
        bool ok = true;
        for (size_t k = 0; k < row->n; k++) {
            const jm_ynode *cell = row->items[k];
            if (jm_yis_null(cell)) cells[k] = "";   /* an empty cell */
            else if (!(cells[k] = jm_load_text_node(c, cell, "a table cell"))) ok = false;
        }
        if (ok) t->n_rows++;
    }
}

static void load_tables(jm_lctx *c, const jm_ynode *root, jm_journey *j) {
    const jm_ynode *l = jm_load_list(c, root, "tables", JM_MAX_ITEMS);
    if (!l) return;
    j->tables = JM_NEWV(c->a, jm_table, l->n ? l->n : 1);
    for (size_t i = 0; i < l->n && !jm_load_too_many(c); i++) {
        const jm_ynode *m = l->items[i];
        if (!jm_load_is_map(c, m, "a table")) continue;
        jm_load_keys(c, m, jm_keys_table, "a table");
        jm_table *t = &j->tables[j->n_tables++];
        t->pos = m->pos;
        t->title = jm_load_text(c, m, "title");
        if (!jm_load_get(m, "columns")) {
            jm_error(c->d, c->file, m->pos, "table needs a 'columns'");
            continue;
        }
        const jm_ynode *cols = jm_load_list(c, m, "columns", JM_MAX_COLUMNS);
        if (!cols) continue;
        if (cols->n == 0) {
            jm_error(c->d, c->file, cols->pos, "'columns' must name at least one column");
            continue;
        }
        jm_texts names = jm_load_texts(c, m, "columns", false);
        if (names.n != cols->n) continue;   /* a column had the wrong type */
        t->columns = names.v;
        t->n_columns = names.n;
        const jm_ynode *rows = jm_load_list(c, m, "rows", JM_MAX_ITEMS);
        if (rows) load_rows(c, rows, t);
    }
}

/* The lanes a stage or step can fill, by their YAML keys: what `lane_labels` may name besides
 * the stages' custom lanes. */
static const char *const builtin_lanes[] = { "items", "triggers", "actions", "touchpoints", "thoughts", "emotions",
                                             "pain_points", "opportunities", "metrics", NULL };

static bool custom_lane_used(const jm_journey *j, const char *name) {
    for (size_t i = 0; i < j->n_stages; i++)
        for (size_t k = 0; k < j->stages[i].n_lanes; k++)
            if (j->stages[i].lanes[k].name && !strcmp(j->stages[i].lanes[k].name, name)) return true;
    return false;
}

/* `lane_labels`: a mapping of lane name (a built-in lane's key or a custom lane's name) to the
 * label the map shows for it. A name no lane has is an error, with a hint when one is near. */
static void load_lane_labels(jm_lctx *c, const jm_ynode *root, jm_journey *j) {
    const jm_ynode *m = jm_load_get(root, "lane_labels");
    if (!m || !jm_load_is_map(c, m, "'lane_labels'")) return;
    if (m->n > JM_MAX_ITEMS) {
        jm_error(c->d, c->file, m->pos, "'lane_labels' has %zu entries, more than the limit of %d", m->n, JM_MAX_ITEMS);
        return;
    }
    j->lane_labels = JM_NEWV(c->a, jm_lane_label, m->n ? m->n : 1);
    for (size_t i = 0; i < m->n; i++) {
        const char *name = m->keys[i];
        bool builtin = false;
        for (size_t k = 0; builtin_lanes[k] && !builtin; k++) builtin = !strcmp(builtin_lanes[k], name);
        if (!builtin && !custom_lane_used(j, name)) {
            const char *hint = jm_did_you_mean(name, builtin_lanes);
            for (size_t s = 0; s < j->n_stages && !hint; s++)
                for (size_t k = 0; k < j->stages[s].n_lanes && !hint; k++) {
                    const char *one[] = { j->stages[s].lanes[k].name, NULL };
                    if (one[0]) hint = jm_did_you_mean(name, one);
                }
            jm_error(c->d, c->file, m->key_pos[i],
                     "'lane_labels' names '%s', neither a built-in lane nor a stage's lane%s%s%s",
                     jm_load_show(c, name), hint ? " (did you mean '" : "", hint ? hint : "", hint ? "'?)" : "");
            continue;
        }
        const char *label = jm_load_text_node(c, m->values[i], "a lane label");
        if (label && *label)
            j->lane_labels[j->n_lane_labels++] = (jm_lane_label){ .name = name, .label = label, .pos = m->key_pos[i] };
    }
}

static void load_views(jm_lctx *c, const jm_ynode *root, jm_journey *j) {
    jm_texts v = jm_load_texts(c, root, "views", false);
    const char **keep = JM_NEWV(c->a, const char *, v.n ? v.n : 1);
    jm_pos *pos = JM_NEWV(c->a, jm_pos, v.n ? v.n : 1);
    size_t n = 0;
    for (size_t i = 0; i < v.n; i++) {
        size_t k = 0;
        while (jm_enum_view_names[k] && strcmp(jm_enum_view_names[k], v.v[i]) != 0) k++;
        if (!jm_enum_view_names[k]) {
            const char *hint = jm_did_you_mean(v.v[i], jm_enum_view_names);
            if (hint)
                jm_error(c->d, c->file, v.pos[i], "unknown view '%s' (did you mean '%s'?)", jm_load_show(c, v.v[i]), hint);
            else
                jm_error(c->d, c->file, v.pos[i], "unknown view '%s' (views: %s)", jm_load_show(c, v.v[i]),
                         jm_load_choices(c, jm_enum_view_names));
            continue;
        }
        size_t dup = 0;
        while (dup < n && strcmp(keep[dup], v.v[i]) != 0) dup++;
        if (dup < n) {
            jm_error(c->d, c->file, v.pos[i], "view '%s' is listed twice (first at line %d)", v.v[i], pos[dup].line);
            continue;
        }
        keep[n] = jm_enum_view_names[k];
        pos[n] = v.pos[i];
        n++;
    }
    j->views = (jm_texts){ keep, n, pos };
}

/* ---- the journey ---- */

/* True when the text holds no YAML content: only blank lines, comments and document markers
 * ("---", "..."), as an empty document parses to nothing. */
static bool blank_document(const char *text, size_t len) {
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *q = p;
        while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
        if (q + 3 <= eol && (!memcmp(q, "---", 3) || !memcmp(q, "...", 3)) &&
            (q + 3 == eol || q[3] == ' ' || q[3] == '\t' || q[3] == '\r')) {
            q += 3;
            while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
        }
        if (q < eol && *q != '#') return false;
        p = eol + 1;
    }
    return true;
}

/* The folder persona images resolve against: the file's folder, or the current one for stdin. */
const char *jm_load_dir(jm_lctx *c, const char *file) {
    char *dir = strcmp(file, "<stdin>") == 0 ? g_get_current_dir() : g_path_get_dirname(file);
    char *real = realpath(dir, NULL);
    const char *r = jm_arena_strdup(c->a, real ? real : dir);
    free(real);
    g_free(dir);
    return r;
}

const jm_journey *jm_load_journey(jm_arena *arena, const char *file, const char *text, size_t len,
                                  jm_diags *diags) {
    return jm_load_journey_as(arena, file, text, len, JM_INPUT_DETECT, NULL, diags);
}

const jm_journey *jm_load_journey_as(jm_arena *arena, const char *file, const char *text, size_t len,
                                     jm_input_kind kind, bool *undrawable, jm_diags *diags) {
    if (undrawable) *undrawable = false;
    if (!file || strcmp(file, "-") == 0) file = "<stdin>";
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { text += 3; len -= 3; }  /* columns skip a BOM */
    jm_diags_add_source(diags, file, text, len);
    jm_lctx ctx = { .a = arena, .file = jm_arena_strdup(arena, file), .d = diags, .text = text, .len = len,
                    .errors0 = jm_diags_errors(diags) };
    jm_lctx *c = &ctx;
    if (kind == JM_INPUT_MARKDOWN || (kind == JM_INPUT_DETECT && jm_mdj_is_markdown(file)))
        return jm_mdj_load(c);   /* a journey document */
    if (kind != JM_INPUT_MERMAID && blank_document(text, len)) {
        jm_error(diags, c->file, (jm_pos){ 1, 1 }, len == 0 ? "the file is empty: a journey needs at least a 'title'"
                 : "the file holds no journey, only whitespace, comments or '---': a journey needs at least a 'title'");
        return NULL;
    }
    if (kind == JM_INPUT_MERMAID || (kind == JM_INPUT_DETECT && jm_mmd_detect(file, text, len))) {
        const jm_journey *mj = jm_mmd_load(c);
        if (!mj && undrawable) *undrawable = c->undrawable;
        return mj;
    }
    const jm_ynode *root = jm_yaml_parse(arena, c->file, text, len, diags);
    if (!root) return NULL;
    if (!jm_load_is_map(c, root, "a journey file")) return NULL;

    jm_journey *j = JM_NEW(arena, jm_journey);
    j->file = c->file;
    j->dir = jm_load_dir(c, file);
    j->pos = root->pos;
    jm_load_keys(c, root, jm_keys_top, "the journey");
    j->title = jm_load_text_req(c, root, "title", "the journey");
    if (j->title && !*j->title) j->title = NULL;   /* `title: ""`: no title, as a Mermaid file without one */
    j->subtitle = jm_load_text(c, root, "subtitle");
    j->author = jm_load_text(c, root, "author");
    j->acc_title = jm_load_text(c, root, "acc_title");   /* Mermaid's accTitle / accDescr */
    j->acc_descr = jm_load_text(c, root, "acc_descr");
    const jm_ynode *persona = jm_load_get(root, "persona");
    if (persona) j->persona = load_persona(c, j, persona);
    bool stages_ok = jm_load_stages(c, root, j);
    jm_load_steps(c, root, j, stages_ok);
    const jm_ynode *seq = jm_load_get(root, "sequence");
    if (seq) j->sequence = jm_load_sequence(c, seq);
    load_features(c, root, j);
    load_tables(c, root, j);
    load_lane_labels(c, root, j);
    j->style = jm_load_raw(c, root, "style");
    if (j->style) j->style_pos = jm_load_get(root, "style")->pos;
    load_views(c, root, j);
    return jm_diags_errors(diags) > c->errors0 ? NULL : j;
}
