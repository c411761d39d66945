/* batch.h - many drawings in one process: a list of jobs (an input and where it goes) run over
 * worker threads (the calling thread one of them), each worker with its own text service and all
 * sharing the built-in styles: fonts loaded once per worker and styles once per run, not once per
 * file. Each job keeps its own diagnostics, printed in job order as jobs finish, so what is
 * printed and written does not depend on the number of workers. */
#ifndef JM_BATCH_H
#define JM_BATCH_H
#include <glib.h>
#include <stdbool.h>
#include "docs.h"
#include "markdown.h"

typedef struct {
    const char *input;           /* a path, or "-" for standard input */
    char *output;                /* the image (or first of --view all's images), or the page */
    bool markdown;               /* the input is a page (Markdown mode) */
    /* results of the last run */
    int code;                    /* exit code: 0 ok */
    jm_diags *diags;             /* its diagnostics (each names its file) */
    GPtrArray *used;             /* the files it read: input, style file, persona images */
    size_t images;               /* a page's images */
} jm_job;

typedef struct {
    const jm_drawer *dr;
    jm_md_opts md;
    int workers;                 /* threads; at least 1 */
    bool progress;               /* a progress line on stderr (a terminal) */
} jm_batch;

/* Runs every job (over b->workers threads), printing each job's diagnostics in job order.
 * Returns the number of jobs that failed. */
size_t jm_batch_run(const jm_batch *b, jm_job *jobs, size_t n);

/* Runs one job again on this thread with the thread's tools `t` (created on first use, freed with
 * jm_tools_free), replacing its results. */
void jm_batch_run_one(const jm_batch *b, jm_job *job, jm_tools *t);
void jm_tools_free(jm_tools *t);

/* Frees the results of the jobs and their outputs. */
void jm_jobs_free(jm_job *jobs, size_t n);
#endif
