/* serve.c - the listener of `journeymap serve` (serve.h): HTTP with libsoup 3 on GLib's main
 * loop, a pool of worker processes, the limits, /health and /metrics.
 *
 * Why libsoup and processes: libsoup is GLib's own HTTP server (the loop --watch already uses),
 * parses requests and keeps connections alive without threads of ours; drawing happens in
 * separate processes, so a request that crashes, loops or eats memory is killed alone (SIGKILL
 * after the deadline, an address-space limit) and the service keeps answering. A request waits
 * in a bounded queue for a free worker; beyond it the answer is 503 at once. */
#include "serve.h"
#include "serve_int.h"
#include <errno.h>
#include <glib-unix.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct server server;

typedef struct {
    server *srv;
    pid_t pid;
    int fd;
    guint watch, timer;      /* the socket's watch; the deadline of the job in hand */
    SoupServerMessage *msg;  /* the request it draws, or NULL: free */
    GByteArray *in;          /* the answer so far */
    gint64 started;          /* µs, monotonic */
    bool etag;               /* answer with an ETag and caching (a drawing) */
} worker;

typedef struct { SoupServerMessage *msg; GBytes *job; } pending;

struct server {
    jm_limits lim;
    worker *workers; int n_workers;
    GQueue queue;            /* pending*, waiting for a worker */
    /* metrics */
    guint64 requests, errors, rejected, crashed, timeouts;
    guint64 by_class[6];     /* answers by status / 100 */
    double render_seconds;
    guint64 renders;
    bool verbose;
};

static void start_worker(server *s, worker *w);
static void feed(server *s);

/* ---- answers ---- */

static void answer(server *s, SoupServerMessage *msg, int status, const char *ctype, GBytes *body, bool cache) {
    SoupMessageHeaders *h = soup_server_message_get_response_headers(msg);
    gsize len = 0;
    const guint8 *data = body ? g_bytes_get_data(body, &len) : NULL;
    if (cache && status == 200) {
        char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);
        char *etag = g_strdup_printf("\"%.32s\"", sum);
        const char *inm = soup_message_headers_get_one(soup_server_message_get_request_headers(msg), "If-None-Match");
        soup_message_headers_replace(h, "ETag", etag);
        soup_message_headers_replace(h, "Cache-Control", "public, max-age=31536000, immutable");
        if (inm && strstr(inm, etag)) { status = 304; data = NULL; len = 0; }
        g_free(etag);
        g_free(sum);
    } else {
        soup_message_headers_replace(h, "Cache-Control", "no-store");
    }
    soup_server_message_set_status(msg, (guint)status, NULL);
    if (status != 304) soup_server_message_set_response(msg, ctype, SOUP_MEMORY_COPY, (const char *)data, len);
    s->requests++;
    s->by_class[status / 100 < 6 ? status / 100 : 5]++;
    if (status >= 400) s->errors++;
    if (s->verbose) {
        GUri *u = soup_server_message_get_uri(msg);
        const char *path = g_uri_get_path(u);
        fprintf(stderr, "%s %.*s%s %d %zu bytes\n", soup_server_message_get_method(msg), 80, path,
                strlen(path) > 80 ? "..." : "", status, (size_t)len);
    }
}

static void answer_text(server *s, SoupServerMessage *msg, int status, const char *text) {
    GBytes *b = g_bytes_new(text, strlen(text));
    answer(s, msg, status, "text/plain; charset=utf-8", b, false);
    g_bytes_unref(b);
}

static void unpause(SoupServerMessage *msg) { soup_server_message_unpause(msg); }

/* ---- workers ---- */

static void worker_stop(server *s, worker *w, int status, const char *why) {
    if (w->watch) g_source_remove(w->watch);
    if (w->timer) g_source_remove(w->timer);
    w->watch = w->timer = 0;
    if (w->pid > 0) { kill(w->pid, SIGKILL); waitpid(w->pid, NULL, 0); }
    if (w->fd >= 0) close(w->fd);
    w->pid = -1;
    w->fd = -1;
    if (w->msg) {
        answer_text(s, w->msg, status, why);
        unpause(w->msg);
        g_object_unref(w->msg);
        w->msg = NULL;
    }
    g_byte_array_set_size(w->in, 0);
    start_worker(s, w);
}

static gboolean on_deadline(gpointer data) {
    worker *w = data;
    w->timer = 0;
    w->srv->timeouts++;
    char *m = g_strdup_printf("the drawing took longer than %.0f s and was stopped", w->srv->lim.deadline);
    worker_stop(w->srv, w, 503, m);
    g_free(m);
    feed(w->srv);
    return G_SOURCE_REMOVE;
}

/* The answer, when whole: "NNN" status, content type NUL, body. */
static void deliver(server *s, worker *w) {
    const guint8 *p = w->in->data + 4;
    size_t len = w->in->len - 4;
    int status = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
    const guint8 *z = memchr(p + 3, 0, len - 3);
    if (len < 4 || !z || status < 100 || status > 599) {
        worker_stop(s, w, 500, "the worker's answer could not be read");
        return;
    }
    GBytes *body = g_bytes_new(z + 1, (size_t)(p + len - (z + 1)));
    s->render_seconds += (g_get_monotonic_time() - w->started) / 1e6;
    s->renders++;
    answer(s, w->msg, status, (const char *)p + 3, body, status == 200);
    g_bytes_unref(body);
    unpause(w->msg);
    g_object_unref(w->msg);
    w->msg = NULL;
    if (w->timer) g_source_remove(w->timer);
    w->timer = 0;
    g_byte_array_set_size(w->in, 0);
}

static gboolean on_readable(gint fd, GIOCondition cond, gpointer data) {
    worker *w = data;
    server *s = w->srv;
    guint8 buf[65536];
    ssize_t r = read(fd, buf, sizeof buf);
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) return G_SOURCE_CONTINUE;
    if (r <= 0) {   /* the worker died: its request fails, a new worker takes its place */
        w->watch = 0;
        s->crashed++;
        worker_stop(s, w, 500, "the drawing failed (the worker stopped); the service goes on");
        feed(s);
        return G_SOURCE_REMOVE;
    }
    g_byte_array_append(w->in, buf, (guint)r);
    while (w->in->len >= 4) {
        size_t need = (size_t)w->in->data[0] | (size_t)w->in->data[1] << 8 | (size_t)w->in->data[2] << 16
                    | (size_t)w->in->data[3] << 24;
        if (w->in->len < 4 + need) break;
        if (!w->msg || w->in->len != 4 + need) {
            worker_stop(s, w, 500, "the worker's answer could not be read");
            feed(s);
            return G_SOURCE_REMOVE;
        }
        deliver(s, w);
        feed(s);
        break;
    }
    return G_SOURCE_CONTINUE;
}

static void start_worker(server *s, worker *w) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) { w->pid = -1; return; }
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        for (int i = 0; i < s->n_workers; i++) if (s->workers[i].fd >= 0) close(s->workers[i].fd);
        signal(SIGPIPE, SIG_DFL);
        jm_worker_run(sv[1], &s->lim);
    }
    close(sv[1]);
    if (pid < 0) { close(sv[0]); w->pid = -1; w->fd = -1; return; }
    w->pid = pid;
    w->fd = sv[0];
    w->watch = g_unix_fd_add(w->fd, G_IO_IN | G_IO_HUP | G_IO_ERR, on_readable, w);
}

static void send_job(server *s, worker *w, SoupServerMessage *msg, GBytes *job) {
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(job, &len);
    unsigned char n[4] = { (unsigned char)len, (unsigned char)(len >> 8), (unsigned char)(len >> 16), (unsigned char)(len >> 24) };
    w->msg = msg;
    w->started = g_get_monotonic_time();
    w->timer = g_timeout_add((guint)(s->lim.deadline * 1000), on_deadline, w);
    /* the socket buffer takes small jobs at once; a big one blocks the loop briefly, bounded
     * by max_body */
    bool ok = true;
    for (size_t put = 0, total = 4 + len; ok && put < total;) {
        const guint8 *p = put < 4 ? n + put : data + (put - 4);
        size_t chunk = put < 4 ? 4 - put : total - put;
        ssize_t wr = write(w->fd, p, chunk);
        if (wr < 0 && errno == EINTR) continue;
        ok = wr > 0;
        if (ok) put += (size_t)wr;
    }
    if (!ok) worker_stop(s, w, 500, "the job could not be handed to a worker");
}

/* Hands waiting requests to free workers. */
static void feed(server *s) {
    for (int i = 0; i < s->n_workers && !g_queue_is_empty(&s->queue); i++) {
        worker *w = &s->workers[i];
        if (w->msg || w->pid <= 0) continue;
        pending *p = g_queue_pop_head(&s->queue);
        send_job(s, w, p->msg, p->job);
        g_bytes_unref(p->job);
        g_free(p);
    }
}

/* ---- requests ---- */

static GHashTable *option_headers(SoupServerMessage *msg) {
    GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    SoupMessageHeadersIter it;
    const char *name, *value;
    soup_message_headers_iter_init(&it, soup_server_message_get_request_headers(msg));
    while (soup_message_headers_iter_next(&it, &name, &value)) {
        static const char prefix[] = "kroki-diagram-options-";
        if (g_ascii_strncasecmp(name, prefix, sizeof prefix - 1) == 0 && name[sizeof prefix - 1])
            g_hash_table_replace(t, g_ascii_strdown(name + sizeof prefix - 1, -1), g_strdup(value));
    }
    return t;
}

static void metrics(server *s, SoupServerMessage *msg) {
    int busy = 0;
    for (int i = 0; i < s->n_workers; i++) busy += s->workers[i].msg != NULL;
    GString *m = g_string_new(NULL);
    g_string_append_printf(m, "# TYPE journeymap_requests_total counter\njourneymap_requests_total %" G_GUINT64_FORMAT "\n", s->requests);
    for (int c = 2; c <= 5; c++)
        g_string_append_printf(m, "journeymap_responses_total{class=\"%dxx\"} %" G_GUINT64_FORMAT "\n", c, s->by_class[c]);
    g_string_append_printf(m, "# TYPE journeymap_errors_total counter\njourneymap_errors_total %" G_GUINT64_FORMAT "\n", s->errors);
    g_string_append_printf(m, "journeymap_rejected_total %" G_GUINT64_FORMAT "\n", s->rejected);
    g_string_append_printf(m, "journeymap_worker_crashes_total %" G_GUINT64_FORMAT "\n", s->crashed);
    g_string_append_printf(m, "journeymap_timeouts_total %" G_GUINT64_FORMAT "\n", s->timeouts);
    g_string_append_printf(m, "# TYPE journeymap_render_seconds summary\njourneymap_render_seconds_sum %.6f\njourneymap_render_seconds_count %" G_GUINT64_FORMAT "\n",
                           s->render_seconds, s->renders);
    g_string_append_printf(m, "journeymap_workers %d\njourneymap_workers_busy %d\njourneymap_queue %u\n", s->n_workers, busy,
                           g_queue_get_length(&s->queue));
    GBytes *b = g_string_free_to_bytes(m);
    answer(s, msg, 200, "text/plain; version=0.0.4", b, false);
    g_bytes_unref(b);
}

static void handle(SoupServer *srv, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data) {
    server *s = data;
    const char *method = soup_server_message_get_method(msg);
    if (!strcmp(path, "/health")) {
        int alive = 0;
        for (int i = 0; i < s->n_workers; i++) alive += s->workers[i].pid > 0;
        answer_text(s, msg, alive ? 200 : 503, alive ? "ok\n" : "no worker\n");
        return;
    }
    if (!strcmp(path, "/metrics")) { metrics(s, msg); return; }
    SoupMessageBody *req = soup_server_message_get_request_body(msg);
    GBytes *body = soup_message_body_flatten(req);
    gsize blen = 0;
    const char *bdata = g_bytes_get_data(body, &blen);
    GHashTable *headers = option_headers(msg);
    const char *ctype = soup_message_headers_get_content_type(soup_server_message_get_request_headers(msg), NULL);
    jm_refusal r = { 0 };
    jm_job *job = jm_kroki_parse(method, path, query, headers, bdata ? bdata : "", blen, ctype, &s->lim, &r);
    g_hash_table_unref(headers);
    g_bytes_unref(body);
    if (!job) {
        answer_text(s, msg, r.status, r.message);
        g_free(r.message);
        return;
    }
    int free = 0;
    for (int i = 0; i < s->n_workers; i++) free += !s->workers[i].msg && s->workers[i].pid > 0;
    if (free <= (int)g_queue_get_length(&s->queue) && (int)g_queue_get_length(&s->queue) - free >= s->lim.queue) {
        s->rejected++;
        answer_text(s, msg, 503, "the service is saturated: try again");
        jm_job_free(job);
        return;
    }
    pending *p = g_new0(pending, 1);
    p->msg = g_object_ref(msg);
    p->job = jm_job_pack(job);
    jm_job_free(job);
    soup_server_message_pause(msg);
    g_queue_push_tail(&s->queue, p);
    feed(s);
}

/* A body announced over the limit is refused once the headers are in, before it is read: a
 * status set here makes libsoup answer without reading the body. */
static void on_got_headers(SoupServerMessage *msg, gpointer data) {
    server *s = data;
    goffset len = soup_message_headers_get_content_length(soup_server_message_get_request_headers(msg));
    if (len > (goffset)s->lim.max_body) {
        char *m = g_strdup_printf("the body is larger than %zu bytes", s->lim.max_body);
        answer_text(s, msg, 413, m);
        g_free(m);
        soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Connection", "close");
    }
}

static void on_request_started(SoupServer *srv, SoupServerMessage *msg, gpointer data) {
    g_signal_connect(msg, "got-headers", G_CALLBACK(on_got_headers), data);
}

static gboolean on_signal(gpointer loop) {
    g_main_loop_quit(loop);
    return G_SOURCE_REMOVE;
}

int jm_serve_main(int argc, char **argv) {
    char *listen = NULL, *images = NULL;
    int jobs = 0, queue = 64, max_side = 16000;
    double deadline = 10, max_body_kib = 1024, max_mem_mib = 1024;
    gboolean quiet = FALSE;
    GOptionEntry entries[] = {
        { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen, "Address and port (default 127.0.0.1:8000; 0.0.0.0:8000 for all)", "ADDR:PORT" },
        { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Worker processes drawing at once (default: the CPUs)", "N" },
        { "queue", 0, 0, G_OPTION_ARG_INT, &queue, "Requests that may wait for a worker; more get 503 (default 64)", "N" },
        { "deadline", 0, 0, G_OPTION_ARG_DOUBLE, &deadline, "Seconds a drawing may take; then 503 (default 10)", "S" },
        { "max-body", 0, 0, G_OPTION_ARG_DOUBLE, &max_body_kib, "KiB of a request's source; more gets 413 (default 1024)", "KIB" },
        { "max-memory", 0, 0, G_OPTION_ARG_DOUBLE, &max_mem_mib, "MiB of address space of a worker (default 1024)", "MIB" },
        { "max-side", 0, 0, G_OPTION_ARG_INT, &max_side, "Pixels of a drawing's side; more gets 400 (default 16000)", "PX" },
        { "allow-images", 0, 0, G_OPTION_ARG_FILENAME, &images, "Folder journeys may read pictures from (default: none)", "DIR" },
        { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No line per request on stderr", NULL },
        { NULL },
    };
    GOptionContext *oc = g_option_context_new("- a Kroki-compatible rendering service");
    g_option_context_add_main_entries(oc, entries, NULL);
    GError *err = NULL;
    char *prog = g_strdup("journeymap serve");
    char **args = g_new0(char *, argc + 2);
    args[0] = prog;
    for (int i = 0; i < argc; i++) args[i + 1] = argv[i];
    int n = argc + 1;
    char **a = args;
    bool parsed = g_option_context_parse(oc, &n, &a, &err);
    g_option_context_free(oc);
    if (!parsed || n > 1) {
        fprintf(stderr, "journeymap serve: %s\n", parsed ? "unexpected argument" : err->message);
        if (err) g_error_free(err);
        g_free(prog); g_free(args);
        return 2;
    }
    g_free(prog);
    g_free(args);
    if (jobs <= 0) jobs = (int)g_get_num_processors();
    if (jobs > 256 || queue < 0 || !(deadline > 0) || !(max_body_kib > 0) || !(max_mem_mib >= 64) || max_side < 100) {
        fprintf(stderr, "journeymap serve: a limit is out of range (--jobs 1..256, --deadline > 0, --max-memory >= 64, --max-side >= 100)\n");
        return 2;
    }
    if (images && !g_file_test(images, G_FILE_TEST_IS_DIR)) {
        fprintf(stderr, "journeymap serve: --allow-images '%s' is not a folder\n", images);
        return 2;
    }
    char *images_abs = images ? g_canonicalize_filename(images, NULL) : NULL;
    server s = { .lim = { .max_body = (size_t)(max_body_kib * 1024), .deadline = deadline,
                          .max_memory = (size_t)(max_mem_mib * 1024 * 1024), .max_side = max_side, .queue = queue,
                          .allow_images = images_abs },
                 .n_workers = jobs, .verbose = !quiet };
    g_queue_init(&s.queue);
    s.workers = g_new0(worker, jobs);
    for (int i = 0; i < jobs; i++) {
        s.workers[i] = (worker){ .srv = &s, .fd = -1, .pid = -1, .in = g_byte_array_new() };
        start_worker(&s, &s.workers[i]);
    }
    SoupServer *srv = soup_server_new("server-header", "journeymap", NULL);
    soup_server_add_handler(srv, NULL, handle, &s, NULL);
    g_signal_connect(srv, "request-started", G_CALLBACK(on_request_started), &s);
    const char *addr = listen ? listen : "127.0.0.1:8000";
    const char *colon = strrchr(addr, ':');
    char *host = colon ? g_strndup(addr, (gsize)(colon - addr)) : g_strdup("127.0.0.1");
    guint64 port = 0;
    bool port_ok = colon && g_ascii_string_to_unsigned(colon + 1, 10, 0, 65535, &port, NULL);
    GInetAddress *ia = g_inet_address_new_from_string(*host ? host : "0.0.0.0");
    GSocketAddress *sa = ia && port_ok ? g_inet_socket_address_new(ia, (guint16)port) : NULL;
    int code = 0;
    if (!sa) {
        fprintf(stderr, "journeymap serve: --listen takes ADDR:PORT with a numeric address, not '%s'\n", addr);
        code = 2;
    } else if (!soup_server_listen(srv, sa, 0, &err)) {
        fprintf(stderr, "journeymap serve: cannot listen on %s: %s\n", addr, err->message);
        g_error_free(err);
        code = 1;
    } else {
        GSList *uris = soup_server_get_uris(srv);
        char *u = uris ? g_uri_to_string(uris->data) : g_strdup(addr);
        fprintf(stderr, "journeymap serve: listening on %s with %d workers (deadline %.0f s, body %zu KiB, queue %d)\n",
                u, jobs, deadline, s.lim.max_body / 1024, queue);
        g_free(u);
        g_slist_free_full(uris, (GDestroyNotify)g_uri_unref);
        GMainLoop *loop = g_main_loop_new(NULL, FALSE);
        g_unix_signal_add(SIGINT, on_signal, loop);
        g_unix_signal_add(SIGTERM, on_signal, loop);
        g_main_loop_run(loop);
        g_main_loop_unref(loop);
        fprintf(stderr, "journeymap serve: stopping after %" G_GUINT64_FORMAT " requests\n", s.requests);
    }
    if (sa) g_object_unref(sa);
    if (ia) g_object_unref(ia);
    g_free(host);
    for (int i = 0; i < jobs; i++) {
        worker *w = &s.workers[i];
        if (w->watch) g_source_remove(w->watch);
        if (w->timer) g_source_remove(w->timer);
        if (w->pid > 0) { kill(w->pid, SIGKILL); waitpid(w->pid, NULL, 0); }
        if (w->fd >= 0) close(w->fd);
        if (w->msg) g_object_unref(w->msg);
        g_byte_array_free(w->in, TRUE);
    }
    while (!g_queue_is_empty(&s.queue)) {
        pending *p = g_queue_pop_head(&s.queue);
        g_object_unref(p->msg);
        g_bytes_unref(p->job);
        g_free(p);
    }
    g_free(s.workers);
    g_object_unref(srv);
    g_free(listen);
    g_free(images);
    g_free(images_abs);
    return code;
}
