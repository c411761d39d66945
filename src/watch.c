/* watch.c - --watch (watch.h). One monitor per file any job read; an event marks the jobs that
 * read the file, and after a short quiet time (editors write a file in several steps, or write a
 * new file and rename it over the old) those jobs run again and the monitors are set anew from
 * what they read this time (a journey may have named another style). */
#include "watch.h"
#include <glib-unix.h>
#include <gio/gio.h>
#include <stdio.h>
#include <string.h>

#define QUIET_MS 100   /* after the last event, before drawing again */

typedef struct {
    const jm_batch *b;
    jm_job *jobs;
    size_t n;
    GHashTable *monitors;        /* path -> GFileMonitor */
    bool *dirty;                 /* per job */
    guint timer;                 /* the pending redraw, 0 if none */
    jm_tools tools;              /* this thread's fonts and styles, for every redraw */
    GMainLoop *loop;
} watcher;

static void on_change(GFileMonitor *m, GFile *file, GFile *other, GFileMonitorEvent ev, gpointer data);

/* A monitor for every file a job read (each path once). */
static void watch_files(watcher *W) {
    g_hash_table_remove_all(W->monitors);
    for (size_t i = 0; i < W->n; i++) {
        GPtrArray *used = W->jobs[i].used;
        for (guint k = 0; used && k < used->len; k++) {
            const char *path = used->pdata[k];
            if (g_hash_table_contains(W->monitors, path)) continue;
            GFile *f = g_file_new_for_path(path);
            GError *err = NULL;
            GFileMonitor *m = g_file_monitor_file(f, G_FILE_MONITOR_NONE, NULL, &err);
            g_object_unref(f);
            if (!m) {
                fprintf(stderr, "journeymap: warning: cannot watch '%s': %s\n", path, err->message);
                g_error_free(err);
                continue;
            }
            g_file_monitor_set_rate_limit(m, QUIET_MS);
            g_signal_connect(m, "changed", G_CALLBACK(on_change), W);
            g_hash_table_insert(W->monitors, g_strdup(path), m);
        }
    }
}

static gboolean redraw(gpointer data) {
    watcher *W = data;
    W->timer = 0;
    for (size_t i = 0; i < W->n; i++) {
        if (!W->dirty[i]) continue;
        W->dirty[i] = false;
        jm_job *jb = &W->jobs[i];
        jm_batch_run_one(W->b, jb, &W->tools);
        jm_diags_print(jb->diags, stderr, 20);
        if (!jb->code && jb->markdown)
            fprintf(stderr, "rendered %s (%zu image%s) from %s\n", jb->output, jb->images, jb->images == 1 ? "" : "s",
                    jb->input);
        else if (!jb->code)
            fprintf(stderr, "rendered %s from %s\n", jb->output, jb->input);
        else
            fprintf(stderr, "%s: not rendered (exit %d)\n", jb->input, jb->code);
    }
    fflush(stderr);
    watch_files(W);
    return G_SOURCE_REMOVE;
}

static void on_change(GFileMonitor *m, GFile *file, GFile *other, GFileMonitorEvent ev, gpointer data) {
    watcher *W = data;
    if (ev == G_FILE_MONITOR_EVENT_DELETED || ev == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
        ev == G_FILE_MONITOR_EVENT_UNMOUNTED)
        return;   /* a file deleted is waited for: an editor writes it again */
    char *path = g_file_get_path(file);
    for (size_t i = 0; path && i < W->n; i++) {
        GPtrArray *used = W->jobs[i].used;
        for (guint k = 0; used && k < used->len; k++) {
            char *a = g_canonicalize_filename(used->pdata[k], NULL);
            if (!strcmp(a, path)) W->dirty[i] = true;
            g_free(a);
        }
    }
    g_free(path);
    if (W->timer) g_source_remove(W->timer);
    W->timer = g_timeout_add(QUIET_MS, redraw, W);
}

static gboolean on_signal(gpointer data) {
    g_main_loop_quit(((watcher *)data)->loop);
    return G_SOURCE_CONTINUE;   /* removed below, with the other */
}

int jm_watch(const jm_batch *b, jm_job *jobs, size_t n) {
    watcher W = { .b = b, .jobs = jobs, .n = n, .dirty = g_new0(bool, n ? n : 1) };
    W.monitors = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);
    W.loop = g_main_loop_new(NULL, FALSE);
    watch_files(&W);
    fprintf(stderr, "watching %u file%s (Ctrl-C stops)\n", g_hash_table_size(W.monitors),
            g_hash_table_size(W.monitors) == 1 ? "" : "s");
    fflush(stderr);
    guint s1 = g_unix_signal_add(SIGINT, on_signal, &W), s2 = g_unix_signal_add(SIGTERM, on_signal, &W);
    g_main_loop_run(W.loop);
    g_source_remove(s1);
    g_source_remove(s2);
    if (W.timer) g_source_remove(W.timer);
    g_main_loop_unref(W.loop);
    g_hash_table_destroy(W.monitors);
    jm_tools_free(&W.tools);
    g_free(W.dirty);
    return 0;
}
