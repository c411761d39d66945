/* load.h - reads a journey YAML file into the model, validating the whole format.
 * Every problem becomes a diagnostic at its file:line:col; nothing is partly loaded. */
#ifndef JM_LOAD_H
#define JM_LOAD_H
#include "arena.h"
#include "model.h"

/* Loads `len` bytes of `text` named `file` (used in messages and to resolve persona images;
 * "<stdin>" resolves against the current folder). Returns NULL and adds diagnostics to `diags`
 * on any error; otherwise the journey, allocated in `arena`. The text is registered with
 * `diags` so errors print their source line. */
const jm_journey *jm_load_journey(jm_arena *arena, const char *file, const char *text, size_t len,
                                  jm_diags *diags);

/* What a text is read as: by its name and first line (a .md or .markdown name: a Markdown journey
 * document; a .mmd name or a Mermaid header: Mermaid; else YAML), or as the caller knows it to be
 * (a Markdown ```mermaid or ```journey block, a library caller's choice). */
typedef enum { JM_INPUT_DETECT, JM_INPUT_YAML, JM_INPUT_MERMAID, JM_INPUT_MARKDOWN } jm_input_kind;

/* jm_load_journey reading the text as `kind`. When it returns NULL, *undrawable (may be NULL)
 * tells whether the text is Mermaid that journeymap does not draw (another diagram kind, a
 * flowchart that is not one chain of stages or has too many nodes) rather than wrong: Markdown
 * mode leaves such a block as it is. */
const jm_journey *jm_load_journey_as(jm_arena *arena, const char *file, const char *text, size_t len,
                                     jm_input_kind kind, bool *undrawable, jm_diags *diags);

/* Reads a whole file (or stdin for "-") with the size limit; NULL and a diagnostic on failure.
 * The result is NUL-terminated, freed with g_free. */
char *jm_read_file(const char *path, size_t *len, jm_diags *diags);
#endif
