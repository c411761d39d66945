/* serve.h - `journeymap serve`: a Kroki-compatible HTTP rendering service on libjourneymap.
 *
 * The process that listens (libsoup 3 on GLib's main loop) never draws: it parses each request
 * (serve_kroki.c) and hands it to one of --jobs worker processes (serve_worker.c), each with its
 * own journeymap context. A worker that crashes, runs past the deadline or exceeds its memory
 * is killed and replaced; only its request fails (500 or 503). */
#ifndef JM_SERVE_H
#define JM_SERVE_H

/* Runs the service with the arguments after "serve"; returns the exit status. */
int jm_serve_main(int argc, char **argv);
#endif
