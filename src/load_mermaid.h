/* load_mermaid.h - Mermaid input: a `journey`, a `sequenceDiagram` or a `flowchart`/`graph` that is
 * one chain of stages, read into the same journey model the YAML loader fills. Internal to the
 * loader: load_mermaid.c (detection, front matter, directives, text, journey), load_mermaid_seq.c
 * (sequenceDiagram) and load_mermaid_flow.c (flowchart). Every problem is a diagnostic at its
 * file:line:col; what the model cannot hold is a warning once per construct, never dropped silently. */
#ifndef JM_LOAD_MERMAID_H
#define JM_LOAD_MERMAID_H
#include "load_internal.h"

/* True when `text` is Mermaid: `file` ends in .mmd, or its first meaningful line (after blank
 * lines, %% comments, %%{...}%% directives and a --- front matter block) starts with a Mermaid
 * diagram header, or is one word close to one (so that a misspelt header gets a did-you-mean). */
bool jm_mmd_detect(const char *file, const char *text, size_t len);

/* Reads the Mermaid text of c (c->text, c->len) into a journey in c->a; NULL after diagnostics. */
const jm_journey *jm_mmd_load(jm_lctx *c);

/* ---- shared by the diagram readers ---- */

/* A statement: a run of one source line (or, for `accDescr { ... }`, of several). */
typedef struct {
    const char *s; size_t n;     /* not NUL-terminated */
    int line;                    /* 1-based line of s[0] */
    const char *line_start;      /* first byte of that line */
} mmd_stmt;

typedef struct {
    jm_lctx *c;
    jm_journey *j;
    const char *body;            /* the text after the diagram header word */
    int body_line;               /* its line */
    const char *body_line_start;
    const char *warned[32];      /* constructs already warned about (once each) */
    size_t n_warned;
} mmd_doc;

/* The position of byte p of statement s (p may be s->s + s->n). */
jm_pos mmd_pos(const mmd_stmt *s, const char *p);
/* Splits the body into statements at line ends and ';'. With `hash_comments` (sequence, journey)
 * '#' starts a comment unless it begins an entity code like #35; or #quot;. %% lines are
 * skipped, blank statements dropped; `accDescr {` runs to its '}'. NULL-terminated count in *n. */
mmd_stmt *mmd_split(mmd_doc *m, bool hash_comments, size_t *n);

/* Text as Mermaid shows it: <br>, <br/> and the like become line breaks, #35; #quot; and
 * named entities become their characters, outer blanks trimmed. In the arena. */
const char *mmd_text(mmd_doc *m, const char *s, size_t n);
/* s[0..n) with outer blanks trimmed, in the arena. */
const char *mmd_trim(mmd_doc *m, const char *s, size_t n);
/* True when the statement starts with `word` (ASCII case-insensitive) followed by a blank, ':',
 * or its end; *rest then points after the word and any blanks. */
bool mmd_word(const mmd_stmt *s, const char *word, const char **rest);
/* A keyword table, in the style of the style schemas: each keyword once with what it does, so
 * that matching, did-you-mean and documentation come from one place. Ends with { NULL }. */
typedef struct { const char *word; int id; const char *doc; } mmd_keyword;
/* The entry whose word starts statement s (see mmd_word), or NULL. */
const mmd_keyword *mmd_keyword_find(const mmd_keyword *t, const mmd_stmt *s, const char **rest);
/* The keyword closest to the first word of s, or NULL. */
const char *mmd_keyword_hint(mmd_doc *m, const mmd_keyword *t, const mmd_stmt *s);
/* The first word of s (up to a blank, ':' or the end), in the arena. */
const char *mmd_first_word(mmd_doc *m, const mmd_stmt *s);

/* The journey's `views` is this one view (what the diagram kind draws as). */
void mmd_set_view(mmd_doc *m, const char *view);
/* A warning at pos the first time `key` is warned about in this document. */
void mmd_warn_once(mmd_doc *m, const char *key, jm_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The text after a keyword written `keyword: text` or `keyword text`; rest is after the keyword. */
const char *mmd_after_colon(mmd_doc *m, const mmd_stmt *s, const char *rest);
/* A link written at pos (the url's first character), checked (url.h): the url in the arena, or
 * NULL after an error at the problem. */
const char *mmd_url(mmd_doc *m, const char *url, jm_pos pos);
/* accTitle and accDescr (also `accDescr { ... }`), which every diagram kind takes; false when s
 * is neither. */
bool mmd_read_common(mmd_doc *m, const mmd_stmt *s);

/* The diagram readers: fill m->j; false after diagnostics. */
bool mmd_load_sequence(mmd_doc *m);
bool mmd_load_flowchart(mmd_doc *m);
#endif
