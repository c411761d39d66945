/* seq_layout.h - inside the sequence view: the plan (the model flattened into measured rows), the
 * columns (lifeline positions solved from spacing constraints) and the page walker that draws rows. */
#ifndef JM_SEQ_LAYOUT_H
#define JM_SEQ_LAYOUT_H
#include "sequence.h"
#include "shapes.h"

/* One row of the diagram, top to bottom. Every row holds one thing, so texts of different rows
 * never share a height band: collisions can only happen sideways, which the columns prevent. */
typedef enum {
    SEQ_ROW_MSG,      /* a message between two lifelines */
    SEQ_ROW_SELF,     /* a self-message: a loop to the right of its lifeline */
    SEQ_ROW_NOTE,
    SEQ_ROW_DELAY,
    SEQ_ROW_BEGIN,    /* a group's frame top with its tab */
    SEQ_ROW_ELSE,     /* a dashed line between two sections of a group */
    SEQ_ROW_END,      /* a group's frame bottom */
} seq_row_kind;

typedef struct {
    seq_row_kind kind;
    const jm_seq_item *item;   /* the message, note, delay or group */
    int group;                 /* BEGIN/ELSE/END: its group; others: the innermost one, or -1 */
    int section;               /* ELSE: the section it starts (>= 1) */
    int number;                /* autonumber, 0 when off */
    int from_depth, to_depth;  /* activation bars open on sender and receiver before the row
                                * (notes: on the participant they are placed by) */
    const char *label;         /* what the row shows: label, note, delay, "[else label]" */
    jm_textblock text;         /* `label` measured (delays: by seq_rows_measure) */
    const char *badge_label;   /* autonumber as text */
    jm_textblock badge;
    double height;             /* pt, row top to the next row's top (seq_rows_measure) */
    double x0, x1;             /* pt, sideways extent of what it draws; x0 > x1: nothing */
} seq_row;

typedef struct {
    const jm_seq_item *item;   /* a JM_SEQ_GROUP or a JM_SEQ_RECT */
    bool rect;                 /* a highlight: a fill, no outline, no tab */
    jm_color fill;             /* rect: its fill */
    int parent;                /* enclosing group or -1 */
    int lo, hi;                /* participants its content touches; lo > hi: none */
    const char *keyword_text, *label_text;   /* "loop", "[every 90 days]" (NULL: no label) */
    jm_textblock keyword, label;
    double tab_w, tab_h;       /* pt */
    double head_h;             /* pt, header band: the tab or the label, whichever is taller */
    double need_w;             /* pt, least frame width: tab and label, else labels */
    double x0, x1;             /* pt, the frame's sides (seq_columns_place) */
} seq_group;

typedef struct {
    const jm_participant *p;
    jm_textblock label;
    double w, h;               /* pt, natural size of the head (actor: figure and name) */
    double x;                  /* pt, the lifeline (seq_columns_place) */
    int max_depth;             /* most activation bars open at once */
    int created_row, destroyed_row;   /* rows where its head appears / its lifeline ends; -1: top / bottom */
} seq_part;

typedef struct {
    const jm_seq_box *b;
    jm_textblock label;        /* measured when b->label */
    jm_color fill, text;       /* text readable on fill */
    double x0, x1;             /* pt, the box's sides (seq_columns_place) */
} seq_box;

typedef struct {
    const jm_layout_ctx *ctx;
    const jm_sequence *seq;
    const jm_sequence_style *st;
    const jm_style_common *cm;
    double fit;                /* > 0: wrap widths scaled, down to fit a fixed width, up (on a
                                * page or slide wider than the diagram) to use it */
    double spread;             /* pt added to every gap between lifelines: a page or slide's
                                * width that the diagram would leave empty */
    seq_part *parts; size_t n_parts;
    seq_row *rows; size_t n_rows, cap_rows;
    seq_group *groups; size_t n_groups, cap_groups;
    seq_box *boxes; size_t n_boxes;
    double box_band;           /* pt, above the heads: box tops and labels (0 without boxes) */
    double box_h;              /* pt, height every box-like head is drawn at */
    double head_h;             /* pt, the header band: the tallest head */
    double left, right;        /* pt, sideways extent of the diagram (seq_rows_measure) */
    jm_textblock title, subtitle;   /* measured by seq_rows_measure */
    const char *title_text, *subtitle_text;
} seq_plan;

/* seq_plan.c: flattens the sequence into rows, measures every text, tracks activation depth. */
void seq_plan_build(seq_plan *p);
jm_textblock seq_measure(const seq_plan *p, const char *text, const jm_font *font, double wrap,
                         jm_align align);
/* The wrap width for `text`: base * fit, but never narrower than its longest word. */
double seq_wrap(const seq_plan *p, const char *text, const jm_font *font, double base);
/* The width a measured block was wrapped at (0: not wrapped). */
double seq_wrapped_at(jm_textblock b);

/* seq_columns.c: lifeline positions from the spacing constraints, then the frames' sides. */
void seq_columns_place(seq_plan *p);
/* Sideways extent of everything but the title (after seq_columns_place). */
void seq_columns_extent(const seq_plan *p, double *x0, double *x1);

/* Offset (pt) from a lifeline to the side of its activation bar at `level` (-1: no bar, 0);
 * side -1 is the left side, +1 the right. */
double seq_bar_edge(const jm_sequence_style *st, int level, int side);

/* Where a message row draws. */
typedef struct {
    double xs, xe;             /* pt, the line's start and end (MSG), loop start and return (SELF) */
    double xr;                 /* pt, SELF: the loop's far side */
    double badge_r;            /* pt, half the badge width, 0 without autonumber */
    double label_x;            /* pt, left of the label's box */
    double right;              /* pt, SELF: right end of loop and label */
} seq_msg_geo;
void seq_msg_geom(const seq_plan *p, const seq_row *r, seq_msg_geo *g);
/* The height of a head: an actor's figure and name, or box_h. */
double seq_head_h(const seq_plan *p, int part);
/* Kinds drawn as a figure with the name under it (their own height); the others are boxes of
 * the common box height. */
static inline bool seq_part_figure(jm_part_kind k) {
    return k == JM_PART_ACTOR || k == JM_PART_BOUNDARY || k == JM_PART_CONTROL || k == JM_PART_ENTITY;
}
/* A message row: from its top to the line (pt). */
double seq_msg_above(const seq_plan *p, const seq_row *r);
/* A note's box sideways: left and width (pt). */
void seq_note_geom(const seq_plan *p, const seq_row *r, double *x, double *w);

/* ---- drawing, page by page ---- */

/* Layers of a page, painted in this order: frame outlines, tabs and labels go over the bars
 * (a bar never hides a keyword), messages and notes over both, heads on top; participant boxes and
 * rect highlights below everything. */
enum { SEQ_L_BOX, SEQ_L_FRAME_BG, SEQ_L_LIFELINE, SEQ_L_BAR, SEQ_L_FRAME, SEQ_L_MSG, SEQ_L_HEAD, SEQ_LAYERS };

typedef struct { double y0, y1; } seq_span;

typedef struct {
    jm_scene *layer[SEQ_LAYERS];
    double box_top;            /* pt, top of the participant boxes */
    double head_top;           /* pt, top of the header band */
    double rows_top;           /* pt, lifelines start (bottom of the heads) */
    double end;                /* pt, lifelines end */
    double height;             /* pt, the page's canvas height */
} seq_page;

typedef struct {
    int group;
    int rect, bg;              /* this page's frame outline and fill items (-1: none) */
    double top;                /* pt, the frame's top on this page */
} seq_open_frame;

typedef struct {
    seq_plan *p;
    seq_page *pages; size_t n_pages, cap_pages;
    double y;                  /* pt, top of the next row on the last page */
    double limit;              /* pt, rows end above this on a page; 0: one page */
    double page_h;             /* pt, canvas height of a page when paginating */
    seq_open_frame *open; int n_open;   /* open frames, outermost first */
    int *depth;                /* per participant: bars open */
    double **bar_top;          /* per participant and level: where the bar began on this page */
    seq_span *delays; size_t n_delays, cap_delays;   /* delays on the current page */
    int *alive;                /* per participant: 0 not created yet, 1 alive, 2 destroyed */
    seq_span *life;            /* per participant: its lifeline on this page (y0 > y1: none) */
    int messages;              /* messages drawn so far: the next one's number in its group id */
} seq_walk;

static inline seq_page *seq_cur(seq_walk *w) { return &w->pages[w->n_pages - 1]; }

/* seq_rows.c: vertical placement, pages, and the finished scenes. */
void seq_rows_measure(seq_plan *p, double x0, double x1);
bool seq_rows_draw(seq_plan *p, jm_doc *doc);

/* seq_parts.c: heads at the top and bottom (of the participants alive[i] == 1; alive NULL: all),
 * a head where a message creates it, lifelines, the cross where one ends, participant boxes. */
void seq_draw_heads(const seq_plan *p, jm_scene *s, double top, bool bottom, const int *alive);
/* Width and height (pt) of a boundary, control or entity symbol, without its name. */
void seq_symbol_size(const jm_sequence_style *st, jm_part_kind kind, double *w, double *h);
#define SEQ_STACK_OFFSET 5.0   /* pt, how far the back box of a collections head shows */
void seq_draw_head(const seq_plan *p, jm_scene *s, int part, double y, jm_color name);   /* top at y;
                                                    * name: an actor's name colour */
void seq_draw_lifelines(const seq_plan *p, jm_scene *s, const seq_span *life,
                        const seq_span *delays, size_t n_delays);
void seq_draw_destroy(const seq_plan *p, jm_scene *s, int part, double y, jm_color ink);
void seq_draw_boxes(const seq_plan *p, jm_scene *s, double top, double bottom);

/* seq_messages.c: messages, self-messages, badges, activation bars. */
void seq_draw_message(seq_walk *w, const seq_row *r, double top);
/* `want` where the canvas alone is under [x0, x1] now; else it, or black or white, whichever keeps
 * the most contrast (at least `ratio` when one can) on every fill there. */
jm_color seq_ink(const seq_walk *w, double x0, double x1, jm_color want, double ratio);
void seq_bar_open(seq_walk *w, int part, double y);    /* a bar on top of the part's bars */
void seq_bar_close(seq_walk *w, int part, double y);   /* the top bar ends: drawn, popped */
/* A measured text with its box's top left at (x, y), a halo behind it when a lifeline crosses
 * it; it must stay inside `container` (-1: inside its halo, if any). On a box or rect fill its
 * colour turns readable (contrast 4.5:1); across fills that no colour suits, it gets a halo. */
int seq_label(const seq_walk *w, jm_scene *s, const char *role, double x, double y, const char *text,
              jm_textblock b, const jm_font *font, jm_color color, jm_pos src, int container);

/* seq_notes.c: notes, delays and group frames. */
void seq_draw_note(seq_walk *w, const seq_row *r, double top);
void seq_draw_delay(seq_walk *w, const seq_row *r, double top);
void seq_frame_open(seq_walk *w, int group, double top);
void seq_frame_else(seq_walk *w, const seq_row *r, double top);
void seq_frame_close(seq_walk *w, int k, double bottom);   /* open[k]'s piece on this page */
#endif
