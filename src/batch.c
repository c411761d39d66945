/* batch.c - runs jobs over worker threads (batch.h). Workers take the next job from a shared
 * counter. The calling thread is one of them: between its own jobs it prints each finished job's
 * diagnostics and the progress line, in job order, and it waits only when no job is left. Nothing
 * a worker writes depends on which worker it is: each job has its own arena and diagnostics, and
 * a text service gives the same layout whatever it measured before. Each worker has its own text
 * service (docs.h jm_tools), created one at a time (jm_text_new makes its fontconfig
 * configuration the process's current one): PangoCairo supports a font map per thread this way.
 * The workers share one cache of the built-in styles (it locks). The locks are pthread's, which
 * ThreadSanitizer understands; under it, what is left are reports inside the libraries it cannot
 * see into (GLib's slice allocator, HarfBuzz's and fontconfig's atomics). */
#include "batch.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "load.h"

static void used_add(GPtrArray *used, const char *path) {
    if (used && path) g_ptr_array_add(used, g_strdup(path));
}

/* A page: drawn into memory, then written with its images. */
static int run_page(const jm_batch *b, jm_job *jb, const char *name, const char *src, size_t len, jm_tools *t) {
    jm_md_page *p = jm_md_render(name, src, len, jb->output, &b->md, b->dr, t, jb->used, jb->diags);
    if (!p) return 1;
    jb->images = jm_md_page_images(p);
    int code = b->dr->check_only || jm_md_commit(p, jb->diags) ? 0 : 3;
    jm_md_page_free(p);
    return code;
}

/* A journey (YAML or Mermaid): loaded, then drawn into the job's output, its folder made. */
static int run_file(const jm_batch *b, jm_job *jb, const char *name, const char *src, size_t len, jm_tools *t) {
    jm_arena *a = jm_arena_new();
    const jm_journey *j = jm_load_journey(a, name, src, len, jb->diags);
    int code = j ? 0 : 1;
    if (j && j->persona) used_add(jb->used, j->persona->image);
    if (j && !b->dr->check_only) {
        char *dir = g_path_get_dirname(jb->output);
        if (g_mkdir_with_parents(dir, 0777) != 0) {
            jm_error(jb->diags, NULL, (jm_pos){ 0, 0 }, "cannot create the folder '%s': %s", dir, g_strerror(errno));
            code = 3;
        } else {
            jm_draw_req req = { .journey = j, .name = name, .output = jb->output, .used = jb->used };
            code = b->dr->draw(b->dr->ctx, &req, t, a, jb->diags);
        }
        g_free(dir);
    }
    jm_arena_free(a);
    return code;
}

/* The thread's text service and style cache, created on first use; false after a diagnostic. */
static bool tools_ready(const jm_batch *b, jm_tools *t, jm_diags *d) {
    static pthread_mutex_t creating = PTHREAD_MUTEX_INITIALIZER;   /* only orders creation */
    if (b->dr->check_only) return true;
    if (!t->styles) t->styles = jm_style_cache_new();
    if (!t->text) {
        pthread_mutex_lock(&creating);
        t->text = jm_text_new(b->dr->fonts_dir, b->dr->font_files, d);
        pthread_mutex_unlock(&creating);
    }
    return t->text != NULL;
}

void jm_tools_free(jm_tools *t) {
    jm_text_free(t->text);
    jm_style_cache_free(t->styles);
    *t = (jm_tools){ NULL, NULL };
}

void jm_batch_run_one(const jm_batch *b, jm_job *jb, jm_tools *t) {
    if (jb->diags) jm_diags_free(jb->diags);
    if (jb->used) g_ptr_array_free(jb->used, TRUE);
    jb->diags = jm_diags_new();
    jb->used = g_ptr_array_new_with_free_func(g_free);
    jb->images = 0;
    const char *name = strcmp(jb->input, "-") == 0 ? "<stdin>" : jb->input;
    used_add(jb->used, jb->input);
    size_t len = 0;
    char *src = jm_read_file(jb->input, &len, jb->diags);
    if (!src || !tools_ready(b, t, jb->diags)) jb->code = 1;
    else if (jb->markdown) jb->code = run_page(b, jb, name, src, len, t);
    else jb->code = run_file(b, jb, name, src, len, t);
    g_free(src);
}

/* ---- workers ---- */

/* With one worker nothing waits or wakes at all: a thread switch per job cost more than the SVG
 * of a small diagram. */
typedef struct {
    const jm_batch *b;
    jm_job *jobs;
    size_t n;
    gint next;                   /* the next job to take */
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool *done;                  /* per job, under lock */
    bool waiting;                /* the calling thread waits for `cond` (under lock) */
    jm_style_cache *styles;      /* the workers' built-in styles */
    size_t printed, failed;      /* jobs reported so far (calling thread only) */
} pool;

/* Takes and runs jobs until none is left; `between` (may be NULL) after each one. */
static void take_jobs(pool *P, jm_tools *t, void (*between)(pool *)) {
    for (;;) {
        size_t i = (size_t)g_atomic_int_add(&P->next, 1);
        if (i >= P->n) break;
        jm_batch_run_one(P->b, &P->jobs[i], t);
        pthread_mutex_lock(&P->lock);
        P->done[i] = true;
        if (P->waiting) pthread_cond_signal(&P->cond);
        pthread_mutex_unlock(&P->lock);
        if (between) between(P);
    }
}

static gpointer worker(gpointer data) {
    pool *P = data;
    jm_tools t = { NULL, P->styles };
    take_jobs(P, &t, NULL);
    t.styles = NULL;   /* the pool's */
    jm_tools_free(&t);
    return NULL;
}

/* Reports the finished jobs that are next in order; with `wait`, every job, waiting for each. */
static void report(pool *P, bool wait) {
    for (; P->printed < P->n; P->printed++) {
        size_t i = P->printed;
        pthread_mutex_lock(&P->lock);
        while (wait && !P->done[i]) {
            P->waiting = true;
            pthread_cond_wait(&P->cond, &P->lock);
        }
        P->waiting = false;
        bool ready = P->done[i];
        pthread_mutex_unlock(&P->lock);
        if (!ready) return;
        const jm_batch *b = P->b;
        if (b->progress) fputs("\r\033[K", stderr);
        jm_diags_print(P->jobs[i].diags, stderr, 20);
        if (P->jobs[i].code) P->failed++;
        if (b->progress) fprintf(stderr, "[%zu/%zu] %s", i + 1, P->n, P->jobs[i].input);
        fflush(stderr);
    }
}
static void report_ready(pool *P) { report(P, false); }

size_t jm_batch_run(const jm_batch *b, jm_job *jobs, size_t n) {
    pool P = { .b = b, .jobs = jobs, .n = n, .done = g_new0(bool, n ? n : 1), .styles = jm_style_cache_new() };
    pthread_mutex_init(&P.lock, NULL);
    pthread_cond_init(&P.cond, NULL);
    size_t nw = (size_t)(b->workers > 0 ? b->workers : 1);
    if (nw > n) nw = n;
    GThread **threads = g_new0(GThread *, nw ? nw : 1);
    for (size_t w = 1; w < nw; w++) threads[w] = g_thread_new("journeymap-worker", worker, &P);
    jm_tools t = { NULL, P.styles };
    take_jobs(&P, &t, report_ready);
    t.styles = NULL;
    jm_tools_free(&t);
    report(&P, true);
    if (b->progress) fputs("\r\033[K", stderr);
    for (size_t w = 1; w < nw; w++) g_thread_join(threads[w]);
    g_free(threads);
    pthread_mutex_destroy(&P.lock);
    pthread_cond_destroy(&P.cond);
    g_free(P.done);
    jm_style_cache_free(P.styles);
    return P.failed;
}

void jm_jobs_free(jm_job *jobs, size_t n) {
    for (size_t i = 0; i < n; i++) {
        g_free(jobs[i].output);
        if (jobs[i].diags) jm_diags_free(jobs[i].diags);
        if (jobs[i].used) g_ptr_array_free(jobs[i].used, TRUE);
    }
    g_free(jobs);
}
