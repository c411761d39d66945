/* style_expr.h - style values derived from the design tokens (the keys of `common:`), for
 * style.c. A value may name a token instead of giving a literal:
 *   colour  accent | mix(accent, background, 10%) | alpha(positive, 20%); inside those a
 *           literal colour quoted ('#rrggbb' in a double-quoted value), as # starts a YAML comment
 *   number  padding            (a common number)
 *   dash    gap-dash           (a common dash)
 *   font    "{font-family} Bold 16"   ({name}: a common text; the size scales with font-size / 11)
 *   text    "{font-family}"    (the whole value one common text)
 * A file's value is checked when it is read (syntax and names, with the environment's check
 * lookup) and evaluated once the whole extends chain is loaded, so a style that changes a token
 * changes every value derived from it. */
#ifndef JM_STYLE_EXPR_H
#define JM_STYLE_EXPR_H
#include <stdbool.h>
#include "style.h"

#define JM_STYLE_BASE_FONT_SIZE 11.0   /* pt: the body size the default's font sizes are written for */

/* Finds the common key `name` of type `want` and writes its value to `out` (a jm_color, double,
 * jm_dash or const char *); false with a message in *why (g_free) when there is none. */
typedef bool (*jm_style_lookup)(void *ctx, const char *name, jm_style_type want, void *out, char **why);

typedef struct { jm_style_lookup lookup; void *ctx; } jm_style_env;

/* Whether the text `s` (a scalar's value) is a derived value of `type`, not a literal. */
bool jm_style_expr_is(jm_style_type type, const char *s);

/* Evaluates the derived value `s` of `type` into `out` (as read_value stores it; a font's desc
 * is a new string the caller owns: g_free). False with a message in *why (g_free). */
bool jm_style_expr_eval(jm_style_type type, const char *s, const jm_style_env *env, void *out, char **why);
#endif
