/* load_markdown.h - a Markdown journey document (journey.md drawn to an image) read into the
 * journey model: load_markdown.c walks the CommonMark tree (cmark-gfm with GFM tables) and fills
 * blocks in order; load_mdfill.c fills stages, steps, lanes and tables from them, load_mdfinish.c
 * merges ```mermaid blocks and checks the result; load_mdtext.c holds the text helpers: the Mac
 * Roman mojibake repair, what a heading names, a leading emoji. The convention is written down
 * in samples/README.md, "Markdown journey documents". */
#ifndef JM_LOAD_MARKDOWN_H
#define JM_LOAD_MARKDOWN_H
#include "load_internal.h"

/* True when `file` names a Markdown document (.md or .markdown). */
bool jm_mdj_is_markdown(const char *file);

/* Reads the Markdown text of c into a journey; NULL after diagnostics (a document with nothing
 * to draw is an error saying what was looked for). */
const jm_journey *jm_mdj_load(jm_lctx *c);

/* ---- load_mdtext.c ---- */

/* Text whose emoji arrived as Mac Roman mojibake (UTF-8 bytes of an emoji shown as Mac Roman and
 * saved again as UTF-8) repaired; `text` itself when there is none. *fixed counts the repairs. */
const char *jm_mdj_unmojibake(jm_arena *a, const char *text, size_t len, size_t *out_len, size_t *fixed);

/* The lanes a sub-heading names (case-insensitive, singular or plural). */
typedef enum {
    MDJ_NONE, MDJ_TRIGGERS, MDJ_ACTIONS, MDJ_THOUGHTS, MDJ_EMOTIONS, MDJ_PAINS, MDJ_OPPS,
    MDJ_TOUCHPOINTS, MDJ_METRICS, MDJ_DECIDERS, MDJ_FEATURES, MDJ_CUSTOM,
} mdj_lane;
mdj_lane jm_mdj_lane_of(const char *heading);

/* "Stage 3: Evaluation" -> "Evaluation" (*numbered true); any other text as it is. */
const char *jm_mdj_strip_stage(const char *s, bool *numbered);
/* True for "Step 4: Title" (also "Step 4 - Title", "Step 4. Title"); *title after the separator. */
bool jm_mdj_step_line(const char *s, const char **title);
/* Trims blanks, Markdown emphasis markers (** __ `) and curly or straight outer quotes. */
char *jm_mdj_clean(jm_arena *a, const char *s, size_t n);
/* A leading emoji (a non-ASCII symbol cluster) of s: its bytes in *emoji (arena), *rest after it. */
bool jm_mdj_emoji(jm_arena *a, const char *s, const char **emoji, const char **rest);
/* True when the first word of s is a Mermaid diagram header we draw (sequenceDiagram, flowchart, graph, journey). */
bool jm_mdj_mermaid_line(const char *s);
#endif
