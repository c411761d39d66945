/* scene.h - the boundary between layout and rendering: positioned shapes and text in points.
 * Layout appends items; the painter, --dump-scene and --check-layout only read them. */
#ifndef JM_SCENE_H
#define JM_SCENE_H
#include <stdbool.h>
#include <stdio.h>
#include "arena.h"
#include "diag.h"
#include "image.h"
#include "style.h"
#include "text.h"

typedef enum { JM_ITEM_RECT, JM_ITEM_PATH, JM_ITEM_TEXT, JM_ITEM_IMAGE } jm_item_kind;

typedef enum { JM_OP_MOVE, JM_OP_LINE, JM_OP_CURVE, JM_OP_CLOSE } jm_op_kind;
typedef struct { jm_op_kind op; double x, y, x1, y1, x2, y2; } jm_path_op; /* CURVE: (x1,y1) (x2,y2) controls, (x,y) end */

/* Half heads keep one barb: LEFT/RIGHT of the direction of travel (on a line drawn to the right,
 * left is below). HALF_*: a filled half triangle; STICK_*: one stroke. */
typedef enum {
    JM_HEAD_NONE, JM_HEAD_FILLED, JM_HEAD_OPEN, JM_HEAD_CROSS,
    JM_HEAD_HALF_LEFT, JM_HEAD_HALF_RIGHT, JM_HEAD_STICK_LEFT, JM_HEAD_STICK_RIGHT,
} jm_head;

typedef struct {
    jm_color fill;          /* a == 0: no fill */
    jm_color stroke;        /* a == 0: no stroke */
    double stroke_width;    /* pt */
    jm_dash dash;
} jm_paint;

typedef struct {
    jm_item_kind kind;
    const char *role;       /* what it is, for dumps and defect reports: "funnel.stage", "funnel.card.title" */
    double x, y, w, h;      /* bounding box, pt, absolute. TEXT: the measured text block */
    jm_paint paint;
    double radius;          /* RECT: corner radius, pt */
    /* PATH: ops[0..n_ops); heads drawn at the first/last point along the path direction */
    jm_path_op *ops; size_t n_ops;
    jm_head head_start, head_end;
    double head_size;       /* pt, length of an arrow head */
    /* TEXT */
    const char *text;
    jm_font font;
    jm_color color;
    jm_align align;
    double wrap_width;      /* pt, <= 0: not wrapped */
    double line_spacing;
    jm_textblock block;     /* the measured layout; the painter draws block.layout at (x, y) */
    /* IMAGE: a picture drawn to cover (x, y, w, h); NULL pixels: a placeholder */
    const char *image_path;     /* the file it came from, for dumps */
    const jm_image *image;      /* decoded pixels (owned by the model's arena), or NULL */
    /* checks */
    int container;          /* index of the item this one must stay inside, or -1 */
    bool may_overlap;       /* TEXT: exempt from the text-overlap check (e.g. a watermark) */
    jm_pos src;             /* where in the YAML this came from, or {0,0} */
    const char *url;        /* the link of the thing it draws (a stage's, step's, card's or
                             * participant's `url`, validated by the loader), or NULL: PDF link
                             * annotations over the item's box, <a> in SVG */
    int group;              /* the innermost named group it belongs to (scene.groups), or -1 */
} jm_item;

/* A named part of the picture (a stage, a lane, a card, a message, a participant, the curve):
 * what a designer picks in a design tool's layers and a docs site styles or links. The SVG
 * writer makes each a <g id class aria-label>. */
typedef struct {
    const char *id;         /* "stage-awareness": kind and slugged name, unique in the scene */
    const char *cls;        /* "jm-stage": by role */
    const char *label;      /* accessible name ("Awareness"), or NULL */
    int parent;             /* the group it is inside, or -1 */
} jm_group;

typedef struct jm_scene jm_scene;
struct jm_scene {
    jm_arena *arena;        /* owner of every item and string (the document's arena) */
    double width, height;   /* canvas, pt */
    jm_color background;
    jm_item *items; size_t n_items, cap_items;
    const char *title, *desc;   /* for SVG <title>/<desc> and PDF metadata */
    jm_group *groups; size_t n_groups, cap_groups;
    int open_group;             /* items appended now join this group (-1: none) */
};

jm_scene *jm_scene_new(jm_arena *a, double width, double height, jm_color background);

/* Appends and returns the index of the new item (pointers into items move on append). */
int jm_scene_rect(jm_scene *s, const char *role, double x, double y, double w, double h,
                  double radius, jm_paint paint);
int jm_scene_path(jm_scene *s, const char *role, const jm_path_op *ops, size_t n_ops, jm_paint paint,
                  jm_head head_start, jm_head head_end, double head_size);
/* A straight arrow or line from (x0,y0) to (x1,y1). */
int jm_scene_line(jm_scene *s, const char *role, double x0, double y0, double x1, double y1,
                  jm_paint paint, jm_head head_start, jm_head head_end, double head_size);
/* A text block already measured with jm_text_layout, its layout origin at (x, y). The item's
 * box is the logical text box: (x + block.x, y, block.width, block.height); the painter draws
 * block.layout at (item.x - block.x, item.y). */
int jm_scene_text(jm_scene *s, const char *role, double x, double y, const char *text,
                  const jm_font *font, jm_color color, jm_align align, double wrap_width,
                  double line_spacing, jm_textblock block, int container);
/* A picture of `png_path` (named in dumps) with its decoded pixels `img` (NULL: a placeholder). */
int jm_scene_image(jm_scene *s, const char *role, double x, double y, double w, double h, const char *png_path,
                   const jm_image *img);

/* Links items [from, n_items) to url (NULL: nothing changes): what a stage, step, card or
 * participant draws carries its url. */
void jm_scene_link(jm_scene *s, size_t from, const char *url);

/* Opens a group of kind `kind` ("stage", "message", ...) named after `name` (the id is the kind
 * and the name slugged: lower-case letters and digits, other runs as one '-', made unique with
 * "-2", "-3"; an empty name gives the kind alone: "curve"), inside the group open now. Items appended
 * until jm_scene_group_end join it. `label` (may be NULL) is its accessible name. Returns its
 * index. */
int jm_scene_group_begin(jm_scene *s, const char *kind, const char *name, const char *label);
/* The same, but a group of this kind and name already opened inside the same group is opened
 * again (a participant's head at the top and at the bottom: one group). */
int jm_scene_group_again(jm_scene *s, const char *kind, const char *name, const char *label);
/* Closes group `g` (and anything left open inside it). */
void jm_scene_group_end(jm_scene *s, int g);

/* Copies every item of `src` into `dst`, moved by (dx, dy); containers are re-indexed, groups
 * copied (inside the group open in `dst`, ids made unique in `dst`). Returns
 * the index of the first copied item. Both scenes must share an arena. */
int jm_scene_append(jm_scene *dst, const jm_scene *src, double dx, double dy);

/* Whether every coordinate of the item is finite: the writers skip any other (cairo would fail
 * the whole surface; jm_scene_check reports them). */
bool jm_item_drawable(const jm_item *it);

/* Bounding box of items [from, n_items) (text by its block, paths by their points and heads). */
void jm_scene_bounds(const jm_scene *s, size_t from, double *x0, double *y0, double *x1, double *y1);

/* Stable text form: one line per item, fixed decimals, in item order. */
void jm_scene_dump(const jm_scene *s, FILE *out);

/* Layout defects, one line each on `out` ("defect: text 'Awareness' (funnel.stage.name) overlaps
 * text '3 journeys' (funnel.stage.count) by 4.0x2.0 pt"): text blocks overlapping text blocks,
 * text not inside its container, any item outside the canvas, text holding a character that no
 * font of the set has. Returns the number found. */
size_t jm_scene_check(const jm_scene *s, FILE *out);

/* ---- floors and fullness (scene_floor.c) ----
 * A target (a slide, a printed page, a screen) has a floor: no text drawn smaller (the common
 * style keys min-font-px, slide-min-font-px, paper-min-font-pt, paper-min-tag-pt). Tags, chips,
 * badges, step numbers and axis ticks have a lower floor of their own on paper; pictures set as
 * text (emoji, icons) have none. */
typedef enum { JM_FLOOR_NONE, JM_FLOOR_TEXT, JM_FLOOR_TAG } jm_floor_kind;

/* Which floor a text of role `role` has: roles holding "emoji" or ".icon" none; ".tag.",
 * ".chip.", ".badge.", ".archetype.", ".step.number", ".scale" or ".tick" the tag floor; any
 * other the text floor. */
jm_floor_kind jm_role_floor(const char *role);

typedef struct {
    double scale;           /* target units per scene pt: the fit the writer paints the page at */
    double min_text, min_tag;   /* the floors in target units (px or pt); 0: not checked */
    const char *unit;       /* "px" or "pt", for messages */
    const char *target;     /* "a 16:9 slide", "the page", "the screen", for messages */
    double area_w, area_h;  /* the slide or the page's content box, target units; 0: fullness
                             * is not checked */
    bool last;              /* the last page of a view's run of pages: may be less than half used */
    bool alone;             /* the view's only page: used when it fills the width or the height
                             * (scaled as large as the target allows; its shape is the content's) */
    bool lone;              /* one page of several: report it when it holds only a header or a
                             * single item */
} jm_check_target;

/* The scale that fits `s` into a box box_w x box_h (the box's width, or less when that makes it
 * too tall): how the PDF writer prints a page in its content box. 1 for an empty scene. */
double jm_scene_fit_box(const jm_scene *s, double box_w, double box_h);

/* The least scale at which every text of `s` is drawn at least `min_text` (tags `min_tag`) big,
 * in target units per scene pt; 0 when `s` has no text. */
double jm_scene_least_fit(const jm_scene *s, double min_text, double min_tag);

/* The smallest text of `s` measured against its floor: its size over the floor that applies to
 * it (< 1: below). *idx gets that text's index (-1 when there is none). */
double jm_scene_floor_ratio(const jm_scene *s, double min_text, double min_tag, int *idx);

/* Defects of a page on its target, one line each on `out`: text drawn below the floor after
 * fitting (one line per page, naming the smallest and how many), a page more than half empty
 * (unless t->last), a page that holds only a header or a single item (when t->lone). Returns
 * how many. */
size_t jm_scene_check_target(const jm_scene *s, const jm_check_target *t, FILE *out);

/* A warning at the source position of every text holding a character that no font of the
 * pinned set has (once per character and position). Returns how many. */
size_t jm_scene_warn_missing(const jm_scene *s, const char *file, jm_diags *d);

/* A document: pages to write, each a scene; one page for most views, several for --view all
 * or paginated views. */
typedef struct {
    jm_scene *scene;
    const char *view;       /* view name: for OUTPUT-VIEW.EXT file names and PDF bookmarks */
    const char *bookmark;   /* outline entry title */
    bool nested;            /* PDF outline: the entry goes under the last page's that is not nested */
    /* A printed page's running head and foot (the handout): NULL, or a scene as large as the
     * page's content box (the page less its margins), drawn over it at scale 1; the view's
     * scene is then fitted between `head` pt from the box's top and `foot` pt from its bottom. */
    jm_scene *furniture;
    double head, foot;      /* pt */
    /* A page two sections share (the handout): the second section's view and outline entry; it
     * starts on this page below the end of the first (`view`), and the PDF outline gets a
     * top-level entry for it here, its further pages nested under it. NULL: one section. */
    const char *next_view, *next_bookmark;
} jm_page;

typedef struct jm_doc_s {
    jm_arena *arena;
    jm_page *pages; size_t n_pages, cap_pages;
    const char *title, *subject, *author;  /* metadata */
    struct jm_doc_s *dark;  /* --style auto: the same pages laid out in the dark style, or NULL */
} jm_doc;

jm_doc *jm_doc_new(jm_arena *a);
void jm_doc_add_page(jm_doc *d, jm_scene *scene, const char *view, const char *bookmark);
#endif
