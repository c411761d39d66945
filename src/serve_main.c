/* serve_main.c - journeymap-serve, the program `journeymap serve` runs: the service (serve.h) in
 * a binary of its own, so the command line does not load libsoup and its libraries. */
#include "serve.h"
#include <glib.h>
#include <signal.h>

int main(int argc, char **argv) {
    g_setenv("PANGO_LANGUAGE", "en", TRUE);   /* as the command line: glyph forms by our rule only */
    signal(SIGPIPE, SIG_IGN);                 /* a client gone mid-answer is not the service's end */
    return jm_serve_main(argc - 1, argv + 1);
}
