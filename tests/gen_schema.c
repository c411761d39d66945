/* gen_schema.c - prints the JSON Schema of journey files (src/schema.h) to stdout; `make schema`
 * writes it to data/journey.schema.json, and tests/cli/schema.sh compares. Exit 1 when the
 * loader's tables and schema.c's descriptions disagree. */
#include <stdio.h>
#include "schema.h"

int main(void) {
    GString *s = g_string_new(NULL);
    char *why = NULL;
    if (!jm_schema_write(s, &why)) {
        fprintf(stderr, "gen_schema: %s\n", why);
        return 1;
    }
    fwrite(s->str, 1, s->len, stdout);
    g_string_free(s, TRUE);
    return 0;
}
