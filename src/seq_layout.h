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
    int from, to;              /* MSG/SELF: the columns of sender and receiver (an edge column for one
                                * off the band) */
    bool off;                  /* nothing of it is on this band: it keeps its height only */
    bool create, activate, deactivate;   /* the item's, for a receiver / sender on the band */
    const jm_participant *away;   /* MSG: the participant off the band that an edge column stands for */
    const char *away_text;     /* "→ name" (to it) or "name →" (from it), the arrow as the line goes */
    jm_textblock away_block;
    int *over; size_t n_over;  /* NOTE: the columns it is placed by (an edge column where it goes on) */
    int cut;                   /* NOTE: SEQ_CUT_* sides where it goes on past the band */
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
    int lo, hi;                /* columns its content touches; lo > hi: none */
    int glo, ghi;              /* the same as participants of the sequence */
    bool off;                  /* its content is all off the band: not drawn */
    int cut;                   /* SEQ_CUT_* sides where it goes on past the band: drawn open there */
    const char *keyword_text, *label_text;   /* "loop", "[every 90 days]" (NULL: no label) */
    jm_textblock keyword, label;
    double tab_w, tab_h;       /* pt */
    double head_h;             /* pt, header band: the tab or the label, whichever is taller */
    double need_w;             /* pt, least frame width: tab and label, else labels */
    double x0, x1;             /* pt, the frame's sides (seq_columns_place) */
} seq_group;

enum { SEQ_CUT_LEFT = 1, SEQ_CUT_RIGHT = 2 };

typedef struct {
    const jm_participant *p;   /* NULL: an edge column (see seq_plan) */
    jm_textblock label;
    double w, h;               /* pt, natural size of the head (actor: figure and name) */
    double x;                  /* pt, the lifeline (seq_columns_place) */
    int max_depth;             /* most activation bars open at once */
    int created_row, destroyed_row;   /* rows where its head appears / its lifeline ends; -1: top / bottom */
} seq_part;

typedef struct {
    const jm_seq_box *b;
    int first, last;           /* its columns on the band */
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
    size_t page_lo, page_hi;   /* page_lo < page_hi: only rows page_lo..page_hi-1 (a page's) place
                                * the lifelines, frames and row extents; else all rows do */
    double origin;             /* pt, where the first column's lifeline goes */
    bool away_below;           /* the name of a participant off the band goes under the message's
                                * line, inside the band (a page too narrow for it beside the edge) */
    /* The columns: the sequence's participants band_lo..band_hi (all of them but when a page is
     * too narrow for them at the floor), and on a side with participants off the band an edge
     * column, where messages to and from them end, named. */
    seq_part *parts; size_t n_parts;
    int band_lo, band_hi;      /* participants of the sequence on the band */
    int edge_l, edge_r;        /* the edge columns (0 and n_parts - 1), -1: none */
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

/* seq_plan.c: flattens the sequence into rows, measures every text, tracks activation depth.
 * The band is p->band_lo..band_hi (band_hi < band_lo: all participants). */
void seq_plan_build(seq_plan *p);
/* The column of participant `part` of the sequence; -1 when it is off the band. */
int seq_col(const seq_plan *p, int part);
static inline bool seq_edge(const seq_plan *p, int col) { return !p->parts[col].p; }
jm_textblock seq_measure(const seq_plan *p, const char *text, const jm_font *font, double wrap,
                         jm_align align);
/* The wrap width for `text`: base * fit, but never narrower than its longest word. */
double seq_wrap(const seq_plan *p, const char *text, const jm_font *font, double base);
/* The width a measured block was wrapped at (0: not wrapped). */
double seq_wrapped_at(jm_textblock b);

/* seq_columns.c: lifeline positions from the spacing constraints, then the frames' sides. */
void seq_columns_place(seq_plan *p);
/* Row i places the lifelines (it is on the page they are placed for, or every row does). */
static inline bool seq_placing(const seq_plan *p, size_t i) {
    return p->page_lo >= p->page_hi || (i >= p->page_lo && i < p->page_hi);
}
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
/* A message to or from a participant off the band: the left of its name's box (pt), beside the
 * edge column, or under the line at it (away_below); badge_r: the message's badge radius. */
double seq_away_x(const seq_plan *p, const seq_row *r, double badge_r);
/* away_below: from the message's line to the top of that name (pt). */
double seq_away_drop(const seq_plan *p);
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
    double foot;               /* pt, where its content ends (bottom heads and boxes included) */
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
    double start;              /* pt, where the first page's content starts: the margin, or lower
                                * when the band is stacked under the previous band's last rows */
    bool stacked;              /* its first page is the previous band's last page */
    double bottom;             /* pt, where the content of its last page ends */
    bool short_end;            /* its last page is short (seq_breaks_short) */
    bool per_page;             /* each page's lifelines placed for its own rows (bands) */
} seq_walk;

static inline seq_page *seq_cur(seq_walk *w) { return &w->pages[w->n_pages - 1]; }

/* seq_rows.c: vertical placement, pages, and the finished scenes. */
void seq_rows_measure(seq_plan *p, double x0, double x1);
/* Walks the sequence: bands[0..n_bands) are its bands of participants left to right (one: the
 * whole), each on a run of pages with the rows that have something on it; *walks: one per band.
 * Returns the pages walked (a band stacked under another's last rows starts none). */
size_t seq_rows_place(seq_plan *bands, size_t n_bands, seq_walk **walks);
#define SEQ_BAND_SEP 0.75   /* header-gaps above and below the rule between bands stacked on a page */

/* seq_pages.c: the walked pages into the document's pages. gutter > 0: two columns a page, each
 * walked page a column (the bands laid out for a column's width plus the margins), `gutter` pt
 * between them; 0: one walked page a page. */
void seq_pages_assemble(seq_walk *walks, size_t n_bands, double gutter, jm_doc *doc);

/* seq_breaks.c: where the pages break. */
typedef struct {
    double first, top;         /* pt, where the rows start on page 1 (under the title) / further pages */
    double limit;              /* pt, rows end above this; 0: one page */
    double page_h;             /* pt, a page's canvas height (0: one page) */
    double content_top;        /* pt, the top of a page's content (margin) */
    double bottom;             /* pt, under the bottom heads (box padding) */
    bool stacked;              /* page 1 is another band's: it may hold none of these rows */
    size_t *tail;              /* per row: messages, notes and delays from it on */
    double *rest;              /* per row: the height the rows from it on need, bottom heads included */
    bool *brk;                 /* per row: a page starts at it */
} seq_breaks;
/* Fills b->tail, rest and brk for the rows of p; balance: move the breaks up (as many pages)
 * until every page of the band's own is more than half used, or as near as they come. Returns
 * the pages. */
size_t seq_breaks_find(const seq_plan *p, seq_breaks *b, bool balance);
/* A band's last page whose content ends at `bottom` (pt) is short: less used than the breaks
 * balance a last page to. */
bool seq_breaks_short(const seq_breaks *b, double bottom);
/* Breaks found for a band stacked under another: true when its first piece reads on its own (it
 * is the whole band, or, when `part` allows a piece, holds the messages a last page keeps). */
bool seq_breaks_stackable(const seq_breaks *b, size_t n_rows, size_t pages, bool part);

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
