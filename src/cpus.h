/* cpus.h - how many processors this process may run on: the PNG writer's deflate workers and
 * the batch's render workers both size themselves by it. */
#ifndef JM_CPUS_H
#define JM_CPUS_H

/* The processors this process may run on (taskset, cgroup cpusets), not all the machine has:
 * GLib 2.74 counts the machine's. At least 1. */
int jm_cpus_usable(void);
#endif
