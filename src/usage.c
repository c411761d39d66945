/* usage.c - the command line's usage errors (cli.h jm_cli_usage_error). Part of the program, not
 * of the library: the library never prints. */
#include <glib.h>
#include <stdarg.h>
#include <stdio.h>
#include "cli.h"

int jm_cli_usage_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "journeymap: error: %s\nTry 'journeymap --help'.\n", msg);
    g_free(msg);
    return 2;
}
