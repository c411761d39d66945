/* serve_worker.c - a worker process of the service: draws jobs with libjourneymap.
 *
 * On the socket both ways: a 4-byte little-endian length, then that many bytes.
 *   job     type NUL format NUL name NUL value NUL ... NUL, then the source
 *   answer  status as 3 digits, content type NUL, then the body
 * A worker has one context (fonts and styles loaded once) for its whole life, works in a folder
 * of its own (the --allow-images folder, else an empty one), and runs under an address-space
 * limit: a runaway input ends this process only. */
#include "serve_int.h"
#include "journeymap.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

void jm_answer_clear(jm_answer *a) {
    g_free(a->content_type);
    if (a->body) g_bytes_unref(a->body);
    *a = (jm_answer){ 0 };
}

GBytes *jm_job_pack(const jm_job *j) {
    GByteArray *b = g_byte_array_new();
    g_byte_array_append(b, (const guint8 *)j->type, (guint)strlen(j->type) + 1);
    g_byte_array_append(b, (const guint8 *)j->format, (guint)strlen(j->format) + 1);
    for (guint i = 0; i + 1 < j->options->len; i += 2) {
        const char *n = j->options->pdata[i], *v = j->options->pdata[i + 1];
        g_byte_array_append(b, (const guint8 *)n, (guint)strlen(n) + 1);
        g_byte_array_append(b, (const guint8 *)v, (guint)strlen(v) + 1);
    }
    g_byte_array_append(b, (const guint8 *)"", 1);
    gsize n = 0;
    const guint8 *src = g_bytes_get_data(j->source, &n);
    g_byte_array_append(b, src, (guint)n);
    return g_byte_array_free_to_bytes(b);
}

/* The next NUL-terminated string at *p (before end), or NULL. */
static const char *next_str(const unsigned char **p, const unsigned char *end) {
    const unsigned char *z = memchr(*p, 0, (size_t)(end - *p));
    if (!z) return NULL;
    const char *s = (const char *)*p;
    *p = z + 1;
    return s;
}

jm_job *jm_job_unpack(const unsigned char *data, size_t len) {
    const unsigned char *p = data, *end = data + len;
    const char *type = next_str(&p, end), *format = type ? next_str(&p, end) : NULL;
    if (!format) return NULL;
    jm_job *j = g_new0(jm_job, 1);
    j->type = g_strdup(type);
    j->format = g_strdup(format);
    j->options = g_ptr_array_new_with_free_func(g_free);
    for (;;) {
        const char *n = next_str(&p, end);
        if (!n) { jm_job_free(j); return NULL; }
        if (!*n) break;
        const char *v = next_str(&p, end);
        if (!v) { jm_job_free(j); return NULL; }
        g_ptr_array_add(j->options, g_strdup(n));
        g_ptr_array_add(j->options, g_strdup(v));
    }
    j->source = g_bytes_new(p, (size_t)(end - p));
    return j;
}

static bool read_all(int fd, void *buf, size_t n) {
    for (size_t got = 0; got < n;) {
        ssize_t r = read(fd, (char *)buf + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        got += (size_t)r;
    }
    return true;
}

static bool write_all(int fd, const void *buf, size_t n) {
    for (size_t put = 0; put < n;) {
        ssize_t w = write(fd, (const char *)buf + put, n - put);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        put += (size_t)w;
    }
    return true;
}

static void send_answer(int fd, int status, const char *ctype, const void *body, size_t len) {
    char head[4];
    g_snprintf(head, sizeof head, "%03d", status);
    size_t clen = strlen(ctype) + 1, total = 3 + clen + len;
    unsigned char n[4] = { (unsigned char)total, (unsigned char)(total >> 8), (unsigned char)(total >> 16), (unsigned char)(total >> 24) };
    if (!write_all(fd, n, 4) || !write_all(fd, head, 3) || !write_all(fd, ctype, clen) || !write_all(fd, body, len)) _exit(0);
}

static void send_text(int fd, int status, const char *text) { send_answer(fd, status, "text/plain; charset=utf-8", text, strlen(text)); }

/* The options a request may set; anything else (Kroki's own, other tools') is ignored. A style
 * is a built-in one: a request names no file on this machine. Mermaid's `theme` picks the
 * nearest style. */
static const char *const allowed[] = { "view", "style", "width", "scale", "dpi", "page", "margin", "slide",
                                        "background", "thoughts", "no-estimate", "svg-text", "fit", NULL };

static bool allowed_option(const char *n) {
    for (size_t i = 0; allowed[i]; i++) if (!strcmp(n, allowed[i])) return true;
    return false;
}

static const char *style_of_theme(const char *theme) {
    return !strcmp(theme, "dark") ? "dark" : !strcmp(theme, "neutral") ? "print" : "default";
}

/* Draws one job: the answer's status, type and body through `fd`. */
static void draw(int fd, jm_context_t *ctx, const jm_job *job, const jm_limits *lim) {
    jm_options_t *o = jm_options_create();
    jm_options_set(o, "format", job->format);
    const char *view = NULL;
    for (guint i = 0; i + 1 < job->options->len; i += 2) {
        const char *n = job->options->pdata[i], *v = job->options->pdata[i + 1];
        if (!strcmp(n, "theme")) { jm_options_set(o, "style", style_of_theme(v)); continue; }
        if (!allowed_option(n)) continue;
        if (!strcmp(n, "style") && strcmp(v, "default") && strcmp(v, "print") && strcmp(v, "dark") && strcmp(v, "auto")) {
            char *m = g_strdup_printf("style '%s' is not served: default, print, dark or auto", v);
            send_text(fd, 400, m);
            g_free(m);
            jm_options_destroy(o);
            return;
        }
        if (!strcmp(n, "view")) view = v;
        jm_options_set(o, n, v);
    }
    gsize len = 0;
    const char *src = g_bytes_get_data(job->source, &len);
    jm_journey_t *j = NULL;
    jm_source_kind_t kind = !strcmp(job->type, "mermaid") ? JM_SOURCE_MERMAID : JM_SOURCE_AUTO;
    jm_status_t st = jm_journey_load_buffer(ctx, src ? src : "", len, "request", kind, &j);
    if (st == JM_STATUS_OK && view) {   /* a view the source cannot draw: 422 */
        bool has = !strcmp(view, "all");
        for (size_t i = 0; !has && jm_journey_view_name(j, i); i++) has = !strcmp(jm_journey_view_name(j, i), view);
        if (!has) {
            GString *m = g_string_new(NULL);
            g_string_printf(m, "this diagram cannot be drawn as the %s view; it can be:", view);
            for (size_t i = 0; jm_journey_view_name(j, i); i++) g_string_append_printf(m, " %s", jm_journey_view_name(j, i));
            send_text(fd, 422, m->str);
            g_string_free(m, TRUE);
            jm_journey_destroy(j);
            jm_options_destroy(o);
            return;
        }
    }
    double w = 0, h = 0;
    const char *scale = jm_options_get(o, "scale");
    double k = scale ? g_ascii_strtod(scale, NULL) : 1;
    if (st == JM_STATUS_OK) st = jm_render_size(ctx, j, o, &w, &h, NULL);
    if (st == JM_STATUS_OK && (w * (k > 0 ? k : 1) > lim->max_side || h * (k > 0 ? k : 1) > lim->max_side)) {
        char *m = g_strdup_printf("the drawing would be %.0f x %.0f px, more than this service's %d px a side",
                                  w * k, h * k, lim->max_side);
        send_text(fd, 400, m);
        g_free(m);
        jm_journey_destroy(j);
        jm_options_destroy(o);
        return;
    }
    unsigned char *data = NULL;
    size_t n = 0;
    if (st == JM_STATUS_OK) st = jm_render_to_buffer(ctx, j, o, &data, &n);
    if (st == JM_STATUS_OK) {
        const char *ctype = !strcmp(job->format, "svg") ? "image/svg+xml" : !strcmp(job->format, "png") ? "image/png" : "application/pdf";
        send_answer(fd, 200, ctype, data, n);
    } else {
        char *text = jm_context_diagnostics_text(ctx);
        send_text(fd, st == JM_STATUS_OUTPUT || st == JM_STATUS_DATA ? 500 : 400,
                  text && *text ? text : jm_status_to_string(st));
        jm_free(text);
    }
    jm_free(data);
    jm_journey_destroy(j);
    jm_options_destroy(o);
}

void jm_worker_run(int fd, const jm_limits *lim) {
#ifndef __SANITIZE_ADDRESS__   /* AddressSanitizer reserves terabytes of address space for its shadow */
    struct rlimit rl = { lim->max_memory, lim->max_memory };
    if (lim->max_memory) setrlimit(RLIMIT_AS, &rl);
#endif
    char *dir = lim->allow_images ? NULL : g_dir_make_tmp("journeymap-serve-XXXXXX", NULL);
    if (chdir(lim->allow_images ? lim->allow_images : dir ? dir : "/") != 0) _exit(1);
    jm_context_t *ctx = jm_context_create(NULL);
    for (;;) {
        unsigned char n[4];
        if (!read_all(fd, n, 4)) break;
        size_t len = (size_t)n[0] | (size_t)n[1] << 8 | (size_t)n[2] << 16 | (size_t)n[3] << 24;
        if (len > lim->max_body + 65536) break;
        unsigned char *buf = g_malloc(len ? len : 1);
        if (!read_all(fd, buf, len)) { g_free(buf); break; }
        jm_job *job = jm_job_unpack(buf, len);
        g_free(buf);
        if (!job) { send_text(fd, 500, "the job could not be read"); continue; }
        if (jm_context_status(ctx) != JM_STATUS_OK) {
            char *text = jm_context_diagnostics_text(ctx);
            send_text(fd, 500, text && *text ? text : "the service's fonts and styles cannot be loaded");
            jm_free(text);
        } else {
            draw(fd, ctx, job, lim);
        }
        jm_job_free(job);
    }
    jm_context_destroy(ctx);
    if (dir) { (void)rmdir(dir); g_free(dir); }
    _exit(0);
}
