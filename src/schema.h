/* schema.h - the JSON Schema (draft 2020-12) of the journey YAML format, generated from the
 * loader's own key and word tables (load_internal.h) with a type and a description for every key
 * (schema.c). An editor's YAML extension validates and completes journey files with it. The
 * repository keeps the result as data/journey.schema.json (`make schema`); tests/cli/schema.sh
 * fails when that file is stale or when a key lacks its description. */
#ifndef JM_SCHEMA_H
#define JM_SCHEMA_H
#include <glib.h>
#include <stdbool.h>

/* Appends the schema to `out` (pretty-printed JSON, a fixed order, a final newline). False with
 * *why (g_free) when the loader's tables and the descriptions disagree: a key with no
 * description, or a description of a key the loader does not take. */
bool jm_schema_write(GString *out, char **why);
#endif
