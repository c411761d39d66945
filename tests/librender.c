/* librender.c - the command line's drawing path through the library alone (journeymap.h), for
 * tests/cli/library.sh: `librender INPUT OUTPUT [NAME=VALUE ...]` loads INPUT ("-": standard
 * input) as the CLI does, draws it with the options (jm_options_set names) and writes OUTPUT
 * ("-": standard output). Diagnostics go to stderr as the CLI prints them; the exit status is the
 * jm_status_t, which is the CLI's exit code for the same failure. */
#include <journeymap.h>
#include <stdio.h>
#include <string.h>

static int to_file(void *closure, const unsigned char *data, size_t length) {
    return fwrite(data, 1, length, closure) == length ? 0 : -1;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: librender INPUT OUTPUT [NAME=VALUE ...]\n");
        return 2;
    }
    jm_context_t *ctx = jm_context_create(NULL);
    jm_options_t *o = jm_options_create();
    jm_journey_t *j = NULL;
    jm_status_t st = jm_context_status(ctx);
    for (int i = 3; st == JM_STATUS_OK && i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) { st = JM_STATUS_USAGE; break; }
        *eq = '\0';
        st = jm_options_set(o, argv[i], eq + 1);
    }
    if (st == JM_STATUS_OK) st = jm_journey_load_file(ctx, argv[1], JM_SOURCE_AUTO, &j);
    if (st == JM_STATUS_OK) {
        FILE *f = strcmp(argv[2], "-") == 0 ? stdout : fopen(argv[2], "wb");
        st = f ? jm_render(ctx, j, o, to_file, f) : JM_STATUS_OUTPUT;
        if (f && f != stdout && fclose(f) != 0 && st == JM_STATUS_OK) st = JM_STATUS_OUTPUT;
    }
    char *text = jm_context_diagnostics_text(ctx);
    fputs(text, stderr);
    jm_free(text);
    jm_journey_destroy(j);
    jm_options_destroy(o);
    jm_context_destroy(ctx);
    return (int)st;
}
