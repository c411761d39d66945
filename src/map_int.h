/* map_int.h - what the map view's files share: the lanes gathered from stages and steps, the
 * geometry of one layout, and the parts a poster is stacked from. Not for other modules. */
#ifndef JM_MAP_INT_H
#define JM_MAP_INT_H
#include "map.h"
#include "shapes.h"

/* ---- lanes (map_lanes.c) ---- */

typedef enum {
    MP_CARDS,           /* items: the funnel's cards, in the funnel's style */
    MP_BULLETS,         /* triggers, custom lanes: a dot and the text */
    MP_METRICS,         /* a dot in the accent and the text */
    MP_ACTIONS,         /* the text (under its step's number and title), then channel and frequency tags */
    MP_TAGS,            /* touchpoints: tags flowing left to right */
    MP_QUOTES,          /* thoughts: italic, in quotation marks, on a card */
    MP_EMOTIONS,        /* the emotion curve across every column */
    MP_PAINS,           /* pain points: tinted cards */
    MP_OPPORTUNITIES,   /* opportunities: tinted cards, title bold, then text */
} mp_kind;

typedef struct {
    const char *text;           /* NULL for an opportunity given only a title */
    const char *title;          /* an opportunity's title; the step heading over a step's actions */
    const char *channel, *frequency;   /* an action's tags, NULL if absent */
    const jm_card *card;        /* an item card, and its stage */
    const jm_stage *stage;
    const char *url;            /* the step heading's link (its step's url), NULL */
    jm_pos src;
    /* an entry cut between two lines of its text at a page break (mp_entry_cut): */
    bool cont_before;           /* the rest of one: under the `continued` marker, no heading, dot or opening quote */
    bool cont_after;            /* goes on on the next page: no tags, no closing quote */
} mp_entry;

typedef struct { mp_entry *v; size_t n, cap; } mp_cell;

typedef struct mp_lane_s {
    mp_kind kind;
    const char *key;            /* the YAML key filling it ("pain_points"; a custom lane's name) */
    const char *label;
    mp_cell *cells;             /* one per stage (none for MP_EMOTIONS) */
    jm_pos src;
} mp_lane;

typedef struct {
    const jm_layout_ctx *ctx;
    const jm_journey *j;        /* the journey, its steps in stage order (see mp_gather) */
    const jm_style_common *c;
    jm_map_style st;
    jm_text *text;
    jm_arena *a;
    double ls;                  /* pt, extra space between wrapped lines */
    mp_lane *lanes; size_t n_lanes;   /* every lane some stage or step fills, in poster order */
    bool tables;                /* the tables go on the poster */
    double label_w, label_gap;  /* pt, the lane-label column and its gap: 0 when there are no lanes */
    bool header;                /* the title and persona card head the poster */
    const char *view;           /* the pages' view name ("map", "cover", "tables") */
} mp_map;

/* map.c: fills M from the context (style sections, lanes); `tables`: the poster shows them. */
void mp_map_init(mp_map *M, const jm_layout_ctx *ctx, bool tables);

/* ---- geometry ----
 *
 *   margin   label_w  label_gap  col_w  col_gap  col_w         margin
 *   |<---->|<------->|<------->|<----->|<--->|<----->|  ...  |<---->|
 *          x0                  cols_x                       right   width
 *
 * Header, stage row, lanes, features and tables span [x0, right]: one right edge, the last
 * chevron's point drawn inside the last column. Stage i's column starts at
 * cols_x + (i - first) * (col_w + col_gap). Without lanes label_w and label_gap are 0. */
typedef struct {
    size_t first, n;            /* the stages in the columns */
    double x0;                  /* pt, content left: the lane-label column's left edge */
    double cols_x;              /* pt, the first column's left edge */
    double col_w, col_gap;      /* pt */
    double right;               /* pt, content right edge */
    double width;               /* pt, canvas */
} mp_geo;

static inline double mp_col_x(const mp_geo *g, size_t stage) {
    return g->cols_x + (double)(stage - g->first) * (g->col_w + g->col_gap);
}

/* ---- parts: what a poster is stacked from, each laid out at y = 0 in its own scene ---- */

typedef enum {
    MP_PART_HEADER,             /* title, subtitle, persona card */
    MP_PART_STAGES,             /* the chevron row: repeated at the top of every page of lanes */
    MP_PART_LANE,               /* one lane row */
    MP_PART_FEATURES,           /* the features title, or a row of feature cards */
    MP_PART_TABLE,              /* a row of tables side by side */
} mp_part_kind;

typedef struct mp_table mp_table;

typedef struct {
    mp_part_kind kind;
    jm_scene *s;                /* items at their final x, y from 0 */
    double h;                   /* pt */
    double gap_before;          /* pt, space above it, unless it starts a page */
    bool keep_with_next;        /* a section title: never the last on a page */
    const mp_table *table;      /* a table alone in its row: may continue on the next page */
    double table_x;             /* pt, where that table's left edge is */
    const struct mp_lane_s *lane;   /* a lane of entries: may continue on the next page (mp_lane_split);
                                     * the emotion lane: may be laid out shorter (mp_emotion_fit) */
    mp_geo geo;                 /* that lane's columns */
    double unit;                /* pt, the emotion lane's score unit (0: the style's score-height) */
} mp_part;

typedef struct { mp_part *v; size_t n, cap; } mp_parts;

void mp_parts_add(mp_map *M, mp_parts *p, mp_part part);

/* map_flow.c: stacks `parts` down pages `width` wide and `page_h` tall (0: one page as tall as
 * its content), each added to `doc` (NULL: only counted) with M->view and `bookmark`. Returns
 * the page count; *overflows (may be NULL) gets how many pages had to be taller than page_h
 * because one part alone was. */
size_t mp_flow(mp_map *M, const mp_parts *parts, double width, double page_h, jm_doc *doc, const char *bookmark,
               size_t *overflows);

/* map_lanes.c */
void mp_gather(mp_map *M);      /* fills M->lanes (and M->j with steps in stage order) */
/* Lays out lane `k` over g's columns as a part; false when no column of g has anything for it. */
bool mp_lane_part(mp_map *M, const mp_geo *g, size_t k, mp_part *out);
/* A lane part cut in two: each cell's first entries that fit in `room` pt in *head, and the first
 * lines of the next one when it can be cut (mp_entry_cut), the rest in *rest (both lane parts,
 * labelled). `force`: a cell with nothing that fits keeps its first entry
 * (a page of one tall entry). False when nothing fits, nothing is left over, or (not forced) a
 * cell with entries would keep none of them here: no empty cell continued on the next page. */
bool mp_lane_split(mp_map *M, const mp_part *p, double room, bool force, mp_part *head, mp_part *rest);

/* map_cells.c: the entries of one cell, stacked from (x, y) in width w; returns their height. */
double mp_cell_entries(mp_map *M, const mp_lane *lane, const mp_cell *cell, jm_scene *s, double x, double y,
                       double w, int box);
/* Entry e of `lane` in a cell w wide, cut between two lines of its text so that *head is as tall
 * as fits in `room` pt: at least MP_CUT_LINES lines on each side (no orphan, no widow), never
 * inside a word (the text service's line breaks). *tail is the rest, continued. False when it
 * cannot be (item cards, touchpoint tags, a text of too few lines, room for too few). */
enum { MP_CUT_LINES = 2 };
bool mp_entry_cut(mp_map *M, const mp_lane *lane, const mp_entry *e, double w, double room, mp_entry *head,
                  mp_entry *tail);

/* map_header.c */
/* Title and subtitle from y in [x, x + w]; returns the bottom. */
double mp_title(mp_map *M, jm_scene *s, const jm_font *font, double x, double y, double w);
/* The least width of the persona card with its parts side by side (0: no persona), pt. */
double mp_persona_width(mp_map *M);
/* The persona card with its top at y in [x, x + w]; returns its height (0: no persona). */
double mp_persona(mp_map *M, jm_scene *s, double x, double y, double w);

/* map_extras.c: features as rows of cards, tables as rows of tables side by side. */
void mp_feature_parts(mp_map *M, double x, double w, mp_parts *out);
/* Tables side by side while they fit the width w; a table taller than alone_h (> 0: the room
 * of a page) stands alone in its row, and may continue on the next page. */
void mp_table_parts(mp_map *M, double x, double w, double alone_h, mp_parts *out);

/* map_table.c: one table, measured for a width, then placed one range of rows at a time. */
struct mp_table {
    const jm_table *t;
    size_t n_cols, n_rows;
    double *col_w;              /* pt, each column */
    double width;               /* pt, the table */
    double title_h;             /* pt, title and the gap under it; 0 without a title */
    double head_h;              /* pt, the header row */
    double *row_h;              /* pt, each body row */
    jm_textblock *head, *cells; /* measured, reused when placed */
};

/* The width a table would like: each column as wide as its longest cell line, between
 * table-min-column and table-max-column. */
double mp_table_natural(mp_map *M, const jm_table *t);
/* The least width: each column its longest word. */
double mp_table_least(mp_map *M, const jm_table *t);
void mp_table_measure(mp_map *M, const jm_table *t, double width, mp_table *out);
/* Title (with `continued` after it when `cont`), header row and body rows [r0, r1) from y;
 * returns the height. */
double mp_table_place(mp_map *M, const mp_table *m, jm_scene *s, double x, double y, size_t r0, size_t r1, bool cont);

/* map_emotions.c: the emotion lane (the curve over g's columns) as a part; false when none of
 * g's stages has a scored emotion. */
bool mp_emotion_part(mp_map *M, const mp_geo *g, const mp_lane *lane, mp_part *out);
/* The emotion lane part p laid out again, its score unit shortened (down to three quarters of
 * the style's score-height) so that it fits in `room` pt: a lane a little too tall for the room
 * left on a page finishes that page. False when p is no emotion lane, fits already, or cannot. */
bool mp_emotion_fit(mp_map *M, const mp_part *p, double room, mp_part *out);

/* shared drawing bits (map_cells.c) */
/* A list dot and its text wrapped beside it, from (x, y) in width w; returns the height. */
double mp_bullet(mp_map *M, jm_scene *s, const char *role, const char *text, const jm_font *font, jm_color color,
                 jm_color dot, double x, double y, double w, int box, jm_pos src);
/* The lane-label cell and label of a lane row of height h at y. Returns the label box index. */
int mp_lane_label(mp_map *M, jm_scene *s, const mp_geo *g, const char *label, double y, double h, jm_pos src);
#endif
