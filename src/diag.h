/* diag.h - diagnostics that point at the source: file:line:col: error: message, source line, caret.
 * A jm_diags collects them in order; only main decides to print and exit. */
#ifndef JM_DIAG_H
#define JM_DIAG_H
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>

/* A position in a source file; line and col are 1-based, 0 means unknown. */
typedef struct { int line, col; } jm_pos;

typedef enum { JM_ERROR, JM_WARNING, JM_NOTE } jm_severity;

typedef struct {
    jm_severity severity;
    char *file;     /* owned; NULL when the message is not about a file */
    jm_pos pos;
    char *message;  /* owned */
} jm_diag;

typedef struct jm_diags jm_diags;

jm_diags *jm_diags_new(void);
void jm_diags_free(jm_diags *d);

/* Registers the text of a source file so that printing can show the line and a caret.
 * The text is copied. */
void jm_diags_add_source(jm_diags *d, const char *file, const char *text, size_t len);

void jm_diag_add(jm_diags *d, jm_severity sev, const char *file, jm_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
#define jm_error(d, ...) jm_diag_add((d), JM_ERROR, __VA_ARGS__)   /* (d, file, pos, fmt, ...) */

size_t jm_diags_count(const jm_diags *d);
size_t jm_diags_errors(const jm_diags *d);
const jm_diag *jm_diags_get(const jm_diags *d, size_t i);

/* Prints every diagnostic: "file:line:col: error: message", then, when the source is known,
 * the source line and a caret under the column. Stops after max_errors errors (0 = all). */
void jm_diags_print(const jm_diags *d, FILE *out, size_t max_errors);
#endif
