/* model.h - the journey model: what a journey YAML file says, validated, with source positions.
 * Built by load.c in the document's arena; read-only for every later stage. */
#ifndef JM_MODEL_H
#define JM_MODEL_H
#include <stdbool.h>
#include <stddef.h>
#include "diag.h"
#include "image.h"
#include "style.h"

/* A list of texts. */
typedef struct { const char **v; size_t n; const jm_pos *pos; /* pos[i] of v[i] */ } jm_texts;

enum { JM_EST_EMOJI = 1, JM_EST_WORDS = 2 };   /* what an estimated score came from */

typedef struct {
    const char *label;   /* NULL if absent */
    double score;        /* -2 .. +2, valid only when has_score */
    bool has_score;
    bool estimated;      /* the score was not written down but estimated from the emoji or the
                          * label (valence.h); views draw such scores as estimates */
    unsigned estimated_from;   /* when estimated: JM_EST_EMOJI and/or JM_EST_WORDS (both: a mean) */
    const char *emoji;   /* NULL if absent */
    jm_pos pos;
} jm_emotion;

typedef struct { const char *title, *who, *text, *url; jm_pos pos; } jm_card;   /* an item card under a stage; url NULL if absent */
typedef struct { const char *text, *channel, *frequency; jm_pos pos; } jm_action;
typedef struct { const char *title, *text; jm_pos pos; } jm_opportunity; /* plain text form: title only */
typedef struct { const char *name; jm_texts items; jm_pos pos; } jm_lane;
/* `lane_labels`: the label the map gives a lane, built-in (`items`, `triggers`, ...) or custom */
typedef struct { const char *name, *label; jm_pos pos; } jm_lane_label;

typedef struct {
    const char *id;          /* given, or the name lower-cased with '-' for spaces */
    const char *name;
    double count; bool has_count;
    const char *unit, *note, *duration, *need;  /* NULL if absent */
    const char *transition;  /* what leads into this stage from the one before (a flowchart arrow's label), NULL */
    const char *url;         /* a link (url.h; YAML `url`, a flowchart's `click`), NULL */
    jm_color fill, stroke, text;  /* the stage's own colours (a flowchart's classDef or style, YAML
                                   * `fill`, `stroke`, `color`); a == 0: the style's */
    bool gap;
    jm_card *items; size_t n_items;     /* `items`: cards in the funnel */
    jm_texts triggers, pain_points, touchpoints, metrics, thoughts;
    jm_action *actions; size_t n_actions;
    jm_emotion *emotions; size_t n_emotions;
    jm_opportunity *opportunities; size_t n_opportunities;
    jm_lane *lanes; size_t n_lanes;   /* custom lanes, in file order */
    jm_pos pos;
} jm_stage;

typedef struct {
    const char *title;
    const char *stage_id; int stage;   /* index into journey->stages, -1 when the file has no stages */
    jm_texts actions, thoughts, touchpoints, pain_points, triggers, metrics;
    jm_opportunity *opportunities; size_t n_opportunities;
    jm_lane *lanes; size_t n_lanes;    /* custom lanes, in file order (the map adds them to the stage's) */
    const jm_emotion *emotion;         /* NULL if absent */
    jm_texts actors;                   /* who took part (Mermaid journey's task actors); n == 0 if absent */
    const char *url;                   /* a link (url.h), NULL */
    jm_pos pos;
} jm_step;

/* How a participant's head is drawn: a box, a stick figure, a box with a header band, a
 * cylinder; UML's boundary, control and entity symbols; a queue (a lying cylinder); a stack of
 * boxes (collections). */
typedef enum {
    JM_PART_PARTICIPANT, JM_PART_ACTOR, JM_PART_SYSTEM, JM_PART_DATABASE,
    JM_PART_BOUNDARY, JM_PART_CONTROL, JM_PART_ENTITY, JM_PART_QUEUE, JM_PART_COLLECTIONS,
} jm_part_kind;
typedef struct {
    const char *id, *label; jm_part_kind kind;
    const char *url;             /* a link (url.h; YAML `url`, Mermaid `link`/`links`), NULL */
    jm_pos pos;
} jm_participant;

typedef enum { JM_MSG_SYNC, JM_MSG_REPLY, JM_MSG_ASYNC } jm_msg_kind;
/* The head at the receiver: the kind's own (filled; async: open), none, open, or a cross (a lost
 * message, Mermaid's -x). */
typedef enum { JM_TIP_KIND, JM_TIP_NONE, JM_TIP_OPEN, JM_TIP_CROSS } jm_msg_tip;
/* A half head keeps one barb, above or below the line as drawn (Mermaid's -|\ and -|/). */
typedef enum { JM_HALF_NONE, JM_HALF_TOP, JM_HALF_BOTTOM } jm_msg_half;
/* Autonumbering from a message on: as before, off, or on (restarted where number_start > 0). */
typedef enum { JM_NUMBER_KEEP, JM_NUMBER_OFF, JM_NUMBER_ON } jm_numbering;
typedef enum { JM_SEQ_MESSAGE, JM_SEQ_NOTE, JM_SEQ_DELAY, JM_SEQ_GROUP, JM_SEQ_RECT } jm_seq_kind;
typedef enum { JM_NOTE_OVER, JM_NOTE_LEFT_OF, JM_NOTE_RIGHT_OF } jm_note_place;
typedef enum { JM_GROUP_LOOP, JM_GROUP_ALT, JM_GROUP_OPT, JM_GROUP_PAR, JM_GROUP_CRITICAL, JM_GROUP_BREAK } jm_group_kind;

typedef struct jm_seq_item jm_seq_item;

/* One section of a group: the first is the group's own body, the others its `else` branches
 * (alt: else, par: and, critical: option). */
typedef struct { const char *label; jm_seq_item *items; size_t n_items; jm_pos pos; } jm_seq_section;

struct jm_seq_item {
    jm_seq_kind kind;
    jm_pos pos;
    const char *text;            /* message label, note text, delay text (may hold '\n') */
    /* JM_SEQ_MESSAGE */
    int from, to;                /* participant indices; from == to is a self-message */
    jm_msg_kind msg;             /* the line: REPLY is dashed; and the head unless `tip` says */
    jm_msg_tip tip;
    jm_msg_half half;            /* only the barb above / below (filled, or a stroke with an open tip) */
    bool both_ends;              /* the same head at the sender's end too (Mermaid <<->>) */
    bool circle_from, circle_to; /* a small circle at the sender's / receiver's end (Mermaid ()->>()) */
    bool activate, deactivate;   /* activate the receiver / deactivate the sender */
    int *opens; size_t n_opens;  /* participants whose bar starts at this message's line, before it
                                  * (Mermaid's `activate X` on a line of its own; YAML `opens`) */
    int *closes; size_t n_closes;   /* participants whose top bar ends at its line, after it
                                     * (a standalone `deactivate X` after it; YAML `closes`) */
    jm_numbering numbering;      /* numbering changes here (Mermaid's autonumber between messages) */
    int number_start, number_step;   /* ON: this message's number and the step from here; 0: keep */
    bool create;                 /* the receiver's head is drawn at this message, not at the top */
    bool destroy_from, destroy_to;   /* the sender's / receiver's lifeline ends here with a cross */
    /* JM_SEQ_NOTE */
    jm_note_place place;
    int *over; size_t n_over;    /* participant indices: 1 for left_of/right_of, 1+ for over */
    /* JM_SEQ_GROUP */
    jm_group_kind group;
    jm_seq_section *sections; size_t n_sections;  /* n_sections >= 1; JM_SEQ_RECT: 1 */
    /* JM_SEQ_RECT: a highlighted background behind its section's items */
    jm_color color; bool has_color;   /* the file's colour; has_color false: the style's */
};

/* A box around the neighbouring participants first..last, with an optional label and colour. */
typedef struct {
    const char *label;           /* NULL if absent */
    int first, last;             /* participant indices, first <= last */
    jm_color color; bool has_color;   /* has_color false: the style's */
    jm_pos pos;
} jm_seq_box;

typedef struct {
    const char *title;           /* NULL if absent */
    bool autonumber;
    int autonumber_start, autonumber_step;  /* first number and step; 0 means 1 */
    jm_participant *participants; size_t n_participants;
    jm_seq_box *boxes; size_t n_boxes;   /* left to right, never overlapping */
    jm_seq_item *items; size_t n_items;
    size_t n_messages;           /* messages in all nesting levels, for autonumber and limits */
    jm_pos pos;
} jm_sequence;

typedef struct {
    const char *name, *role, *archetype, *quote;
    jm_texts goals, frustrations;
    const char *image;           /* absolute path of a PNG inside the file's folder, or NULL */
    const jm_image *picture;     /* its pixels, decoded at load; NULL when it is corrupt (a
                                  * warning was given: a placeholder is drawn) */
    jm_pos pos;
} jm_persona;

typedef struct { const char *icon, *title, *text; jm_pos pos; } jm_feature;

typedef struct {
    const char *title;
    const char **columns; size_t n_columns;
    const char **cells; size_t n_rows;   /* cells[r * n_columns + c] */
    jm_pos pos;
} jm_table;

typedef struct {
    const char *file;            /* path as given ("-" for stdin shows as "<stdin>") */
    const char *dir;             /* folder of the file, for persona images */
    const char *title, *subtitle;
    const char *author;          /* optional top-level `author` (PDF metadata), NULL if absent */
    const jm_persona *persona;   /* NULL if absent */
    jm_stage *stages; size_t n_stages;
    jm_step *steps; size_t n_steps;
    const jm_sequence *sequence; /* NULL if absent */
    jm_feature *features; size_t n_features;
    jm_table *tables; size_t n_tables;
    jm_lane_label *lane_labels; size_t n_lane_labels;   /* in file order */
    const char *acc_title, *acc_descr;  /* accessible title and description (Mermaid), NULL if absent */
    const char *style;           /* style name or path, NULL if absent */
    jm_pos style_pos;
    jm_texts views;              /* what "all views" means, in order; n == 0 if absent */
    jm_pos pos;
} jm_journey;

/* Limits on hostile input (checked by the loader, each with a diagnostic). */
enum {
    JM_MAX_FILE_BYTES  = 8 * 1024 * 1024,
    JM_MAX_TEXT_BYTES  = 64 * 1024,      /* one scalar */
    JM_MAX_NODES       = 1000000,        /* nodes visited, aliases expanded */
    JM_MAX_EXPANDED_TEXT = 128 * 1024,   /* bytes of text in the values (not keys) of the document,
                                          * aliases expanded: bounds layout time (the map view lays
                                          * every text out about ten times to fit its shape) */
    JM_MAX_DEPTH       = 64,             /* YAML nesting */
    JM_MAX_STAGES      = 200,
    JM_MAX_STEPS       = 2000,
    JM_MAX_ITEMS       = 2000,           /* per list: items, actions, lane entries, rows ... */
    JM_MAX_PARTICIPANTS = 100,
    JM_MAX_MESSAGES    = 10000,
    JM_MAX_GROUP_DEPTH = 16,
    JM_MAX_COLUMNS     = 50,
};
#endif
