/* yamltree.h - YAML text to a small tree of scalars, sequences and mappings with positions.
 * Shared by the journey loader and the style loader; enforces UTF-8, depth and alias-expansion limits. */
#ifndef JM_YAMLTREE_H
#define JM_YAMLTREE_H
#include <stdbool.h>
#include <stddef.h>
#include "arena.h"
#include "diag.h"

typedef enum { JM_Y_SCALAR, JM_Y_SEQ, JM_Y_MAP } jm_ynode_kind;

typedef struct jm_ynode jm_ynode;
struct jm_ynode {
    jm_ynode_kind kind;
    jm_pos pos;                 /* where the node starts */
    /* scalar */
    const char *str; size_t len;
    bool plain;                 /* an unquoted plain scalar (only these are numbers, bools, null) */
    /* sequence: items[0..n); mapping: keys[i] -> values[i], i in [0..n), in file order */
    size_t n;
    jm_ynode **items;
    const char **keys; jm_pos *key_pos;
    jm_ynode **values;
};

/* Parses one YAML document. An alias shares the anchored node (the tree is a DAG);
 * the expanded size is bounded by JM_MAX_NODES nodes and JM_MAX_EXPANDED_TEXT bytes of text,
 * nesting by JM_MAX_DEPTH, scalars by JM_MAX_TEXT_BYTES; invalid UTF-8, NUL, noncharacters
 * (U+FFFE, U+FDD0...), duplicate mapping keys and non-scalar keys are errors.
 * An empty document gives an empty mapping. Returns NULL after adding diagnostics. */
/* Whether `text` is valid UTF-8 without NUL bytes (and, when asked, without noncharacters:
 * U+FDD0..U+FDEF, U+nFFFE, U+nFFFF); otherwise an error at the first offending character. */
bool jm_text_valid(const char *file, const char *text, size_t len, bool noncharacters, jm_diags *d);

const jm_ynode *jm_yaml_parse(jm_arena *a, const char *file, const char *text, size_t len, jm_diags *d);

/* Value of `key` in a mapping, or NULL. */
const jm_ynode *jm_ymap_get(const jm_ynode *map, const char *key);

/* Adds "unknown key 'x' (did you mean 'y'?)" for each key of `map` not in the NULL-terminated
 * `allowed` list. Returns false if any was unknown. */
bool jm_ycheck_keys(const jm_ynode *map, const char *const *allowed, const char *what,
                    const char *file, jm_diags *d);

/* The closest candidate within a small edit distance, or NULL. */
const char *jm_did_you_mean(const char *word, const char *const *candidates);

/* Typed reads; each adds a diagnostic at the node and returns false when the node has another type.
 * A "text" is any scalar (numbers and bools are kept as written); null is not a text. */
bool jm_yis_null(const jm_ynode *n);
bool jm_yget_text(const jm_ynode *n, const char *what, const char *file, jm_diags *d, const char **out);
bool jm_yget_number(const jm_ynode *n, const char *what, const char *file, jm_diags *d, double *out);
bool jm_yget_bool(const jm_ynode *n, const char *what, const char *file, jm_diags *d, bool *out);
const char *jm_ykind_name(const jm_ynode *n); /* "a text", "a list", "a mapping", "null" for messages */
#endif
