/* cpus.c - the processors this process may use, from its affinity mask. */
#include "cpus.h"
#include <glib.h>
#include <sched.h>

int jm_cpus_usable(void) {
#ifdef CPU_COUNT
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
#endif
    int n = (int)g_get_num_processors();
    return n > 0 ? n : 1;
}
