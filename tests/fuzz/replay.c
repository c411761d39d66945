/* replay.c - runs the fuzz target over files named on the command line (the corpus and every
 * crasher kept as a regression case), so `make test` replays them without libFuzzer. */
#include <stdint.h>
#include <stdio.h>
#include <glib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        gchar *buf; gsize len;
        if (!g_file_get_contents(argv[i], &buf, &len, NULL)) { fprintf(stderr, "cannot read %s\n", argv[i]); failed++; continue; }
        LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
        g_free(buf);
    }
    printf("replay: %d passed, %d failed\n", argc - 1 - failed, failed);
    return failed != 0;
}
