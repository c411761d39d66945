/* load_internal.h - what the loader's files share: the load context and typed reads of mapping keys.
 * Internal to load.c, load_stage.c and load_sequence.c; every reader adds diagnostics itself. */
#ifndef JM_LOAD_INTERNAL_H
#define JM_LOAD_INTERNAL_H
#include "arena.h"
#include "diag.h"
#include "model.h"
#include "yamltree.h"

/* Errors after which the loader stops walking long lists (it has said enough). */
#define JM_LOAD_MAX_ERRORS 100

typedef struct {
    jm_arena *a;
    const char *file;            /* as shown in diagnostics */
    jm_diags *d;
    const char *text; size_t len;
    size_t errors0;              /* errors in `d` before this load */
    bool undrawable;             /* Mermaid that journeymap does not draw (see jm_load_journey_as) */
    const size_t *line_start;    /* byte offset of each line (lazily built); [0] is line 1 */
    size_t n_lines;
} jm_lctx;

/* True when this load has added so many errors that walking further lists is pointless. */
bool jm_load_too_many(const jm_lctx *c);

/* A message-safe, shortened copy of s (at most ~60 bytes). */
const char *jm_load_show(jm_lctx *c, const char *s);

/* The value of key in map, NULL when absent or null (null counts as absent). */
const jm_ynode *jm_load_get(const jm_ynode *map, const char *key);
/* Where `key` is written in map (the map's own position when absent). */
jm_pos jm_load_key_pos(const jm_ynode *map, const char *key);

/* Checks that n is a mapping: "a stage must be a mapping, not a list". */
bool jm_load_is_map(jm_lctx *c, const jm_ynode *n, const char *what);
/* jm_ycheck_keys with the context's file and diagnostics. */
void jm_load_keys(jm_lctx *c, const jm_ynode *map, const char *const *allowed, const char *what);

/* Optional text of key (NULL when absent); a literal "\n" becomes a line break. */
const char *jm_load_text(jm_lctx *c, const jm_ynode *map, const char *key);
/* Required text: "stage needs a 'name'" at the map when absent. */
const char *jm_load_text_req(jm_lctx *c, const jm_ynode *map, const char *key, const char *what);
/* Optional text kept exactly as written (ids, paths, names): no "\n" conversion. */
const char *jm_load_raw(jm_lctx *c, const jm_ynode *map, const char *key);
/* Optional `url` of map, checked (url.h): NULL when absent, or bad with an error at the problem. */
const char *jm_load_url(jm_lctx *c, const jm_ynode *map);
/* A text scalar node as a text with "\n" converted; NULL (and a diagnostic) otherwise. */
const char *jm_load_text_node(jm_lctx *c, const jm_ynode *n, const char *what);

/* Optional number / bool; false when absent or wrong (with a diagnostic when wrong). */
bool jm_load_number(jm_lctx *c, const jm_ynode *map, const char *key, double *out);
bool jm_load_bool(jm_lctx *c, const jm_ynode *map, const char *key, bool *out);

/* The list under key (NULL when absent, wrong or longer than `limit`, with a diagnostic). */
const jm_ynode *jm_load_list(jm_lctx *c, const jm_ynode *map, const char *key, size_t limit);
/* The list node n itself, checked the same way; `what` names it ("'thoughts'"). */
const jm_ynode *jm_load_list_node(jm_lctx *c, const jm_ynode *n, const char *what, size_t limit);

/* A list of texts under key ([text]); empty when absent. With one_ok a single text is a list of one. */
jm_texts jm_load_texts(jm_lctx *c, const jm_ynode *map, const char *key, bool one_ok);

/* Position of byte `off` of scalar n's text in the source, when the scalar is written on one line
 * plainly or quoted without escapes before it; otherwise n's own position. */
jm_pos jm_load_pos_in(jm_lctx *c, const jm_ynode *n, size_t off);

/* The folder a journey's persona image and style file resolve against: the file's folder (real
 * path), or the current one for "<stdin>". In the arena. */
const char *jm_load_dir(jm_lctx *c, const char *file);

/* Comma-separated list of a NULL-terminated array, for messages ("a, b, c"). */
const char *jm_load_choices(jm_lctx *c, const char *const *names);

/* Stages, then steps (load_stage.c). jm_load_stages returns false when some stage ids are unknown
 * because of errors; then `check_stages` is false and steps' stage ids are not resolved (no cascade). */
/* A stage's default id: its name in lower case, '-' for each blank. */
const char *jm_load_stage_id(jm_lctx *c, const char *name);
bool jm_load_stages(jm_lctx *c, const jm_ynode *root, jm_journey *j);
void jm_load_steps(jm_lctx *c, const jm_ynode *root, jm_journey *j, bool check_stages);

/* The `sequence` section (load_sequence.c); NULL after diagnostics. */
const jm_sequence *jm_load_sequence(jm_lctx *c, const jm_ynode *n);
/* Participants live in order: a created one appears first at the message creating it, a destroyed
 * one has no message after the one destroying it. False after a diagnostic. */
bool jm_load_seq_lifetimes(jm_lctx *c, const jm_sequence *s);

/* The loader's tables (load.c, load_stage.c, load_sequence.c), NULL-terminated: the keys each
 * mapping of a journey file may have (jm_keys_*) and the words a key takes (jm_enum_*). The JSON
 * Schema (schema.c) is generated from them, so the schema and the loader cannot drift. */
extern const char *const jm_keys_top[], *const jm_keys_persona[], *const jm_keys_feature[],
    *const jm_keys_table[], *const jm_keys_stage[], *const jm_keys_step[], *const jm_keys_emotion[],
    *const jm_keys_item[], *const jm_keys_action[], *const jm_keys_opportunity[], *const jm_keys_seq[],
    *const jm_keys_box[], *const jm_keys_part[], *const jm_keys_msg[], *const jm_keys_note[],
    *const jm_keys_delay[], *const jm_keys_group[], *const jm_keys_else[], *const jm_keys_rect[];
extern const char *const jm_enum_view_names[], *const jm_enum_part_kinds[], *const jm_enum_msg_kinds[],
    *const jm_enum_msg_circles[], *const jm_enum_msg_halves[], *const jm_enum_msg_tips[],
    *const jm_enum_group_kinds[];

#endif
