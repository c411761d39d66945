/* serve_int.h - what the parts of the service share: a render job as the listener parsed it, and
 * the worker protocol. Not for other modules. */
#ifndef JM_SERVE_INT_H
#define JM_SERVE_INT_H
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

/* One request, ready to draw. */
typedef struct {
    char *type;              /* "journeymap" or "mermaid" */
    char *format;            /* "svg", "png" or "pdf" */
    GBytes *source;          /* the diagram's text */
    GPtrArray *options;      /* "name", "value", "name", "value", ... (owned strings) */
} jm_job;

void jm_job_free(jm_job *j);

/* A request that cannot become a job: the HTTP status and the text of the answer. */
typedef struct { int status; char *message; } jm_refusal;

/* The limits of the service (serve.c parses them from the command line). */
typedef struct {
    size_t max_body;         /* bytes of a request body or decoded source: 413 beyond */
    double deadline;         /* seconds a render may take: the worker is stopped, 503 */
    size_t max_memory;       /* bytes of address space of a worker */
    int max_side;            /* px of width or height after scale: 400 beyond */
    int queue;               /* requests waiting for a worker: 503 beyond */
    const char *allow_images;   /* folder journeys may read pictures from, or NULL: none */
} jm_limits;

/* serve_kroki.c: the job of a Kroki request: `method`, `path` (after the host, without the query),
 * the query's parameters, the Kroki-Diagram-Options-* headers (name -> value, lower case), the
 * body and its content type. NULL with *refusal filled when the request is not one. */
jm_job *jm_kroki_parse(const char *method, const char *path, GHashTable *query, GHashTable *headers,
                       const char *body, size_t body_len, const char *content_type, const jm_limits *lim,
                       jm_refusal *refusal);

/* Undoes Kroki's GET encoding: base64url (padding optional), then zlib inflate, at most `max`
 * bytes. NULL when the text is not that. */
GBytes *jm_kroki_decode(const char *encoded, size_t max);

/* serve_worker.c: the answer of a worker, or of the listener in its place. */
typedef struct {
    int status;              /* HTTP status */
    char *content_type;
    GBytes *body;
} jm_answer;

void jm_answer_clear(jm_answer *a);

/* The job as bytes for a worker, and back (the worker's side). */
GBytes *jm_job_pack(const jm_job *j);
jm_job *jm_job_unpack(const unsigned char *data, size_t len);

/* The worker's loop on socket `fd`: reads a job, draws it, writes the answer, until the socket
 * closes. Never returns. */
void jm_worker_run(int fd, const jm_limits *lim) G_GNUC_NORETURN;

/* Draws one job with a fresh view of the limits (serve_worker.c; for tests of the listener too). */
#endif
