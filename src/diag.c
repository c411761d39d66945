/* diag.c - collects diagnostics and prints them with the source line and a caret. */
#include "diag.h"
#include <glib.h>
#include <stdarg.h>
#include <string.h>

struct jm_diags {
    GArray *items;        /* jm_diag */
    GHashTable *sources;  /* file name -> GBytes of its text */
};

jm_diags *jm_diags_new(void) {
    jm_diags *d = g_new0(jm_diags, 1);
    d->items = g_array_new(FALSE, TRUE, sizeof(jm_diag));
    d->sources = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
    return d;
}

void jm_diags_free(jm_diags *d) {
    if (!d) return;
    for (guint i = 0; i < d->items->len; i++) {
        jm_diag *x = &g_array_index(d->items, jm_diag, i);
        g_free(x->file);
        g_free(x->message);
    }
    g_array_free(d->items, TRUE);
    g_hash_table_destroy(d->sources);
    g_free(d);
}

void jm_diags_add_source(jm_diags *d, const char *file, const char *text, size_t len) {
    g_hash_table_replace(d->sources, g_strdup(file), g_bytes_new(text, len));
}

void jm_diag_add(jm_diags *d, jm_severity sev, const char *file, jm_pos pos, const char *fmt, ...) {
    jm_diag x = { sev, g_strdup(file), pos, NULL };
    va_list ap;
    va_start(ap, fmt);
    x.message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_array_append_val(d->items, x);
}

size_t jm_diags_count(const jm_diags *d) { return d->items->len; }

size_t jm_diags_errors(const jm_diags *d) {
    size_t n = 0;
    for (guint i = 0; i < d->items->len; i++)
        if (g_array_index(d->items, jm_diag, i).severity == JM_ERROR) n++;
    return n;
}

const jm_diag *jm_diags_get(const jm_diags *d, size_t i) {
    return i < d->items->len ? &g_array_index(d->items, jm_diag, i) : NULL;
}

/* Prints source line `line` of text and a caret under character column `col`
 * (columns count characters, tabs are kept so the caret lines up). */
static void print_excerpt(FILE *out, const char *text, size_t len, jm_pos pos) {
    const char *p = text, *end = text + len;
    for (int l = 1; l < pos.line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return;
        p = nl + 1;
    }
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    if (eol > p && eol[-1] == '\r') eol--;
    if (eol - p > 400) return; /* not useful on a huge line */
    char *line = g_strndup(p, (gsize)(eol - p));
    if (!g_utf8_validate(line, -1, NULL)) {   /* show invalid bytes as '?' */
        char *fixed = g_utf8_make_valid(line, -1);
        g_free(line);
        line = fixed;
    }
    fprintf(out, "%5d | %s\n      | ", pos.line, line);
    const char *q = line;
    for (int c = 1; c < pos.col && *q; c++) {
        fputc(*q == '\t' ? '\t' : ' ', out);
        q = g_utf8_next_char(q);
    }
    fputs("^\n", out);
    g_free(line);
}

void jm_diags_print(const jm_diags *d, FILE *out, size_t max_errors) {
    static const char *names[] = { "error", "warning", "note" };
    size_t errors = 0;
    for (guint i = 0; i < d->items->len; i++) {
        const jm_diag *x = &g_array_index(d->items, jm_diag, i);
        if (x->severity == JM_ERROR && max_errors && errors++ >= max_errors) {
            fprintf(out, "(further errors not shown)\n");
            return;
        }
        if (x->file && x->pos.line > 0)
            fprintf(out, "%s:%d:%d: %s: %s\n", x->file, x->pos.line, x->pos.col, names[x->severity], x->message);
        else if (x->file)
            fprintf(out, "%s: %s: %s\n", x->file, names[x->severity], x->message);
        else
            fprintf(out, "journeymap: %s: %s\n", names[x->severity], x->message);
        if (x->file && x->pos.line > 0) {
            GBytes *src = g_hash_table_lookup(d->sources, x->file);
            if (src) {
                gsize len;
                const char *text = g_bytes_get_data(src, &len);
                print_excerpt(out, text, len, x->pos);
            }
        }
    }
}
