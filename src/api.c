/* api.c - the library's context, diagnostics and journeys (journeymap.h). A context owns the text
 * service and the built-in styles, found in the data folder (datadir.h); every call collects its
 * diagnostics in the context, turned into jm_diagnostic_t records when the caller asks. */
#include "api_internal.h"
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "datadir.h"
#include "load.h"
#include "view.h"

const char *jm_version(void) {
    return JM_VERSION_STRING;
}

const char *jm_status_to_string(jm_status_t status) {
    switch (status) {
    case JM_STATUS_OK: return "success";
    case JM_STATUS_INPUT: return "bad input";
    case JM_STATUS_USAGE: return "bad argument";
    case JM_STATUS_OUTPUT: return "output failed";
    case JM_STATUS_DATA: return "fonts or styles not found";
    }
    return "unknown status";
}

void jm_api_begin(jm_context_t *ctx) {
    jm_diags_free(ctx->diags);
    jm_arena_free(ctx->records_arena);
    ctx->diags = jm_diags_new();
    ctx->records_arena = jm_arena_new();
    ctx->records = NULL;
    ctx->n_records = 0;
}

jm_context_t *jm_context_create(const char *data_dir) {
    /* jm_text_new makes its fontconfig configuration the process's current one: contexts made
     * on several threads at once are made one at a time (batch.c does the same for its workers).
     * The lock orders creation only; it holds no state. */
    static pthread_mutex_t creating = PTHREAD_MUTEX_INITIALIZER;
    jm_context_t *ctx = g_new0(jm_context_t, 1);
    jm_api_begin(ctx);
    char *why = NULL;
    ctx->data_dir = data_dir ? g_strdup(data_dir) : jm_data_dir_find(&why);
    if (!ctx->data_dir) {
        jm_error(ctx->diags, NULL, (jm_pos){ 0, 0 }, "cannot find journeymap's fonts and styles: %s", why);
        g_free(why);
        ctx->data_dir = g_strdup("");
        ctx->status = JM_STATUS_DATA;
        return ctx;
    }
    char *fonts = g_build_filename(ctx->data_dir, "fonts", NULL);
    pthread_mutex_lock(&creating);
    ctx->text = jm_text_new(fonts, NULL, ctx->diags);
    pthread_mutex_unlock(&creating);
    g_free(fonts);
    ctx->styles = jm_style_cache_new();
    ctx->status = ctx->text ? JM_STATUS_OK : JM_STATUS_DATA;
    return ctx;
}

jm_status_t jm_context_status(const jm_context_t *ctx) {
    return ctx ? ctx->status : JM_STATUS_USAGE;
}

const char *jm_context_data_dir(const jm_context_t *ctx) {
    return ctx ? ctx->data_dir : NULL;
}

void jm_context_destroy(jm_context_t *ctx) {
    if (!ctx) return;
    jm_text_free(ctx->text);
    jm_style_cache_free(ctx->styles);
    jm_diags_free(ctx->diags);
    jm_arena_free(ctx->records_arena);
    g_free(ctx->data_dir);
    g_free(ctx);
}

/* ---- diagnostics ---- */

/* The loaders end a message with its hint: "unknown key 'stgaes' (did you mean 'stages'?)".
 * The record keeps the message without it and the hint as "did you mean 'stages'?". */
static void split_hint(jm_arena *a, const char *text, const char **message, const char **hint) {
    const char *open = strstr(text, " (did you mean ");
    size_t n = strlen(text);
    if (open && n > 2 && text[n - 1] == ')' && strchr(open + 2, '(') == NULL) {
        char *m = jm_arena_strdup(a, text);
        m[open - text] = '\0';
        char *h = jm_arena_strdup(a, open + 2);
        h[strlen(h) - 1] = '\0';
        *message = m;
        *hint = h;
        return;
    }
    *message = text;
    *hint = NULL;
}

static void build_records(jm_context_t *c) {
    if (c->records || !c->diags) return;
    c->n_records = jm_diags_count(c->diags);
    c->records = JM_NEWV(c->records_arena, jm_diagnostic_t, c->n_records + 1);
    static const jm_severity_t sev[] = { [JM_ERROR] = JM_SEVERITY_ERROR, [JM_WARNING] = JM_SEVERITY_WARNING,
                                         [JM_NOTE] = JM_SEVERITY_NOTE };
    for (size_t i = 0; i < c->n_records; i++) {
        const jm_diag *d = jm_diags_get(c->diags, i);
        jm_diagnostic_t *r = &c->records[i];
        r->severity = sev[d->severity];
        r->file = d->file;
        r->line = d->pos.line;
        r->column = d->pos.col;
        split_hint(c->records_arena, d->message, &r->message, &r->hint);
    }
}

size_t jm_context_diagnostic_count(const jm_context_t *ctx) {
    return ctx && ctx->diags ? jm_diags_count(ctx->diags) : 0;
}

const jm_diagnostic_t *jm_context_diagnostic(const jm_context_t *ctx, size_t index) {
    if (!ctx || index >= jm_context_diagnostic_count(ctx)) return NULL;
    build_records((jm_context_t *)ctx);   /* a cache of what the diagnostics already say */
    return &ctx->records[index];
}

char *jm_context_diagnostics_text(const jm_context_t *ctx) {
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (!f) return g_strdup("");
    if (ctx && ctx->diags) jm_diags_print(ctx->diags, f, 0);
    fclose(f);
    char *out = g_strndup(buf ? buf : "", n);   /* jm_free is g_free */
    free(buf);
    return out;
}

void jm_free(void *data) {
    g_free(data);
}

/* ---- journeys ---- */

static const jm_input_kind kinds[] = { [JM_SOURCE_AUTO] = JM_INPUT_DETECT, [JM_SOURCE_YAML] = JM_INPUT_YAML,
                                       [JM_SOURCE_MERMAID] = JM_INPUT_MERMAID, [JM_SOURCE_MARKDOWN] = JM_INPUT_MARKDOWN };

/* Takes `text` (g_malloc'd, NUL-terminated). */
static jm_status_t load(jm_context_t *ctx, char *text, size_t len, const char *name, jm_source_kind_t kind,
                        jm_journey_t **out) {
    jm_journey_t *j = g_new0(jm_journey_t, 1);
    j->arena = jm_arena_new();
    j->text = text;
    j->len = len;
    j->model = jm_load_journey_as(j->arena, name, text, len, kinds[kind], NULL, ctx->diags);
    if (!j->model) {
        jm_journey_destroy(j);
        return JM_STATUS_INPUT;
    }
    size_t n = 0;
    for (size_t i = 0; jm_views[i] && n + 1 < G_N_ELEMENTS(j->views); i++)
        if (!jm_views[i]->missing(j->model, j->arena)) j->views[n++] = jm_views[i]->name;
    *out = j;
    return JM_STATUS_OK;
}

jm_status_t jm_journey_load_buffer(jm_context_t *ctx, const char *data, size_t length, const char *name,
                                   jm_source_kind_t kind, jm_journey_t **journey) {
    if (journey) *journey = NULL;
    if (!ctx || !journey || (!data && length) || (unsigned)kind > JM_SOURCE_MARKDOWN) return JM_STATUS_USAGE;
    jm_api_begin(ctx);
    if (!name) name = "<buffer>";
    if (length > JM_MAX_FILE_BYTES) {
        jm_error(ctx->diags, name, (jm_pos){ 0, 0 }, "cannot read the file: it has %zu bytes, more than the "
                 "limit of %d", length, JM_MAX_FILE_BYTES);
        return JM_STATUS_INPUT;
    }
    char *copy = g_malloc(length + 1);
    if (length) memcpy(copy, data, length);
    copy[length] = '\0';
    return load(ctx, copy, length, name, kind, journey);
}

jm_status_t jm_journey_load_file(jm_context_t *ctx, const char *path, jm_source_kind_t kind, jm_journey_t **journey) {
    if (journey) *journey = NULL;
    if (!ctx || !path || !journey || (unsigned)kind > JM_SOURCE_MARKDOWN) return JM_STATUS_USAGE;
    jm_api_begin(ctx);
    size_t len = 0;
    char *text = jm_read_file(path, &len, ctx->diags);
    if (!text) return JM_STATUS_INPUT;
    return load(ctx, text, len, strcmp(path, "-") == 0 ? "<stdin>" : path, kind, journey);
}

void jm_journey_destroy(jm_journey_t *journey) {
    if (!journey) return;
    jm_arena_free(journey->arena);
    g_free(journey->text);
    g_free(journey);
}

const char *jm_journey_title(const jm_journey_t *journey) {
    return journey && journey->model->title && *journey->model->title ? journey->model->title : NULL;
}

size_t jm_journey_view_count(const jm_journey_t *journey) {
    size_t n = 0;
    while (journey && journey->views[n]) n++;
    return n;
}

const char *jm_journey_view_name(const jm_journey_t *journey, size_t index) {
    return index < jm_journey_view_count(journey) ? journey->views[index] : NULL;
}
