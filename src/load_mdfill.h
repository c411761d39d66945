/* load_mdfill.h - the state of a Markdown journey read (where the walk is: stage, step, lane) and
 * what fills the model from each block (load_mdfill.c); internal to load_markdown.c. */
#ifndef JM_LOAD_MDFILL_H
#define JM_LOAD_MDFILL_H
#include "load_markdown.h"
#include <cmark-gfm.h>
#include <glib.h>

typedef struct {
    jm_lctx *c;
    jm_journey *j;
    const char *text; size_t len;     /* the document, mojibake repaired */
    const size_t *line_start; size_t n_lines;
    bool markdown;                    /* it has # headings (else plain text with heading lines) */
    int stage, step;                  /* where the walk is, -1 for none */
    mdj_lane lane;                    /* the lane the last sub-heading named, MDJ_NONE */
    const char *lane_label; jm_pos lane_pos;
    const char *section; jm_pos section_pos;   /* a ## heading not (yet) known to be a stage */
    const char *heading_url;          /* the link a heading holds (`## [Name](url)`), for jm_mdj_heading */
    const char *section_url;          /* the pending section's link, given to its stage */
    int section_table;                /* the table its list items make (plain text), -1 */
    const char **more;                /* the last list entry's text, for its continuation lines */
    GString *meta, *prose;            /* the subtitle: **Key**: value lines, then the intro text */
    const char *quote; jm_pos quote_pos;
} mdj;

/* Inline text of a node (a heading, a table cell), emphasis trimmed (load_markdown.c). */
const char *jm_mdj_inline(mdj *m, cmark_node *n);

/* The index of the stage named s (case-insensitive, "Stage N:" ignored), or -1. */
int jm_mdj_stage_named(mdj *m, const char *s);
/* A new stage (an error past the limit: -1). */
int jm_mdj_new_stage(mdj *m, const char *name, jm_pos pos);
/* A heading of `level` (1 title, 2 stage or section, 3+ lane; a "Step N:" heading at any level). */
void jm_mdj_heading(mdj *m, int level, const char *s, jm_pos pos);
/* A text line, a list item and a line continuing it, a > quote. */
void jm_mdj_line(mdj *m, const char *s, jm_pos pos);
void jm_mdj_item(mdj *m, const char *s, jm_pos pos);
void jm_mdj_item_more(mdj *m, const char *s);
void jm_mdj_quote(mdj *m, const char *s, jm_pos pos);
/* A GFM table node; a Mermaid text whose first line is at pos. */
void jm_mdj_table(mdj *m, cmark_node *table, jm_pos pos);
void jm_mdj_mermaid(mdj *m, const char *text, jm_pos pos);
/* The journey when it holds something to draw; else NULL and an error saying what was looked for. */
const jm_journey *jm_mdj_finish(mdj *m);
#endif
