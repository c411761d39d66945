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

/* Whether the character at q (valid UTF-8) is a control character a terminal could act on:
 * C0 (except tab when `keep_tab`), DEL and C1 (U+0080..U+009F). */
static bool is_control(const char *q, bool keep_tab) {
    unsigned char c = (unsigned char)*q;
    if (c < 0x20) return !(keep_tab && c == '\t');
    if (c == 0x7F) return true;
    return c == 0xC2 && (unsigned char)q[1] >= 0x80 && (unsigned char)q[1] <= 0x9F;
}

/* Writes s (valid UTF-8) with control characters shown as \xNN (C1 as \u0085), so a file can
 * never send escape sequences to the user's terminal through a message or a quoted line. */
static void put_escaped(FILE *out, const char *s, bool keep_tab) {
    for (const char *q = s; *q; q = g_utf8_next_char(q)) {
        if (!is_control(q, keep_tab)) fwrite(q, 1, (size_t)(g_utf8_next_char(q) - q), out);
        else if ((unsigned char)*q == 0xC2) fprintf(out, "\\u%04X", (unsigned)(unsigned char)q[1]);
        else fprintf(out, "\\x%02X", (unsigned)(unsigned char)*q);
    }
}

/* A message or file name, made valid UTF-8 first (a file name from the command line may not be). */
static void put_text(FILE *out, const char *s) {
    char *v = g_utf8_make_valid(s, -1);
    put_escaped(out, v, false);
    g_free(v);
}

/* Prints source line `line` of text and a caret under character column `col` (columns count
 * characters, tabs are kept so the caret lines up, an escaped control character is as wide as
 * its escape). */
static void print_excerpt(FILE *out, const char *text, size_t len, jm_pos pos) {
    if (!text) text = "";   /* an empty file */
    const char *p = text, *end = text + len;
    for (int l = 1; l < pos.line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return;
        p = nl + 1;
    }
    const char *eol = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
    if (!eol) eol = end;
    if (eol > p && eol[-1] == '\r') eol--;
    if (eol - p > 400) return; /* not useful on a huge line */
    char *line = g_utf8_make_valid(p, eol - p);   /* invalid bytes show as U+FFFD, a NUL ends it */
    fprintf(out, "%5d | ", pos.line);
    put_escaped(out, line, true);
    fputs("\n      | ", out);
    const char *q = line;
    for (int c = 1; c < pos.col && *q; c++, q = g_utf8_next_char(q)) {
        if (*q == '\t') fputc('\t', out);
        else if (is_control(q, true)) fputs((unsigned char)*q == 0xC2 ? "      " : "    ", out);
        else fputc(' ', out);
    }
    fputs("^\n", out);
    g_free(line);
}

static void print_all(const jm_diags *d, FILE *out, size_t max_errors) {
    static const char *names[] = { "error", "warning", "note" };
    size_t errors = 0;
    for (guint i = 0; i < d->items->len; i++) {
        const jm_diag *x = &g_array_index(d->items, jm_diag, i);
        if (x->severity == JM_ERROR && max_errors && errors++ >= max_errors) {
            fprintf(out, "(further errors not shown)\n");
            return;
        }
        if (x->file) put_text(out, x->file);
        else fputs("journeymap", out);
        if (x->file && x->pos.line > 0) fprintf(out, ":%d:%d", x->pos.line, x->pos.col);
        fprintf(out, ": %s: ", names[x->severity]);
        put_text(out, x->message);
        fputc('\n', out);
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

/* Printed into memory and written at once: stderr is unbuffered, and a message with its source
 * line and caret went out a character at a time (300 writes; a batch prints many). */
void jm_diags_print(const jm_diags *d, FILE *out, size_t max_errors) {
    if (!d->items->len) return;
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    print_all(d, mem ? mem : out, max_errors);
    if (!mem) return;
    if (fclose(mem) == 0) fwrite(buf, 1, len, out);
    else print_all(d, out, max_errors);
    free(buf);
}
