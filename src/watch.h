/* watch.h - --watch: after the first run, draw a job again whenever a file it read changes (its
 * input, its style file, a persona image), printing what it drew or why it failed, until
 * Ctrl-C (SIGINT) or SIGTERM. GLib's file monitors (inotify on Linux). */
#ifndef JM_WATCH_H
#define JM_WATCH_H
#include "batch.h"

/* Watches the files the jobs read (their `used`, from the run before) until interrupted; the
 * jobs run again on this thread. Returns 0. */
int jm_watch(const jm_batch *b, jm_job *jobs, size_t n);
#endif
