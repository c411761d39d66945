/* sequence.h - the sequence view: participants, lifelines, messages, activations, notes, delays
 * and group frames of a journey's `sequence`, spaced so that nothing collides; paginates. */
#ifndef JM_SEQUENCE_H
#define JM_SEQUENCE_H
#include "style.h"
#include "view.h"

/* The `sequence:` section of a style. Title and subtitle use the common fonts and colours. */
typedef struct {
    /* title block */
    double title_gap;             /* pt, title to subtitle */
    double header_gap;            /* pt, title block to the participant heads */
    double title_max_width;       /* pt, title and subtitle wrap at this (or the diagram width) */
    /* participant heads */
    jm_color part_fill, part_stroke, part_text;
    jm_font part_font;
    double part_stroke_width;     /* pt */
    double part_radius;           /* pt */
    double part_padding_x, part_padding_y; /* pt, inside a head box */
    double part_min_width;        /* pt, narrowest head box */
    double part_max_width;        /* pt, head labels wrap at this */
    double part_gap;              /* pt, least space between neighbouring heads */
    jm_color actor_stroke, actor_fill;
    double actor_head;            /* pt, diameter of the stick figure's head */
    double actor_width;           /* pt, arm span */
    double actor_height;          /* pt, head to feet */
    double actor_label_gap;       /* pt, feet to name */
    jm_color system_fill, system_band;
    double system_band_height;    /* pt, the header band of a system box */
    jm_color database_fill;
    double database_cap;          /* pt, height of the cylinder's elliptic top */
    /* lifelines */
    jm_color lifeline;
    double lifeline_width;        /* pt */
    jm_dash lifeline_dash;
    jm_dash delay_dash;           /* lifelines across a delay */
    /* messages */
    jm_color message, message_text;
    jm_font message_font;
    double message_width;         /* pt, line width */
    jm_dash reply_dash;
    double head_size;             /* pt, arrow head length */
    double label_max_width;       /* pt, labels wrap at this */
    double label_gap;             /* pt, label bottom to its line */
    double label_margin;          /* pt, label to lifelines, badges and frame edges sideways */
    double message_min_width;     /* pt, shortest arrow */
    double row_gap;               /* pt, below each message, note or delay */
    jm_color label_halo;          /* behind labels a lifeline crosses; a == 0: none */
    double halo_padding;          /* pt */
    double self_width;            /* pt, how far a self-message loops out */
    double self_height;           /* pt, how far it comes back down */
    double self_radius;           /* pt, the loop's corners */
    /* autonumber */
    jm_color badge_fill, badge_text;
    jm_font badge_font;
    double badge_size;            /* pt, least diameter */
    double badge_padding;         /* pt, number to badge edge sideways */
    /* activation bars */
    jm_color activation_fill, activation_stroke;
    double activation_width;      /* pt */
    double activation_offset;     /* pt, sideways shift of each nested bar */
    /* notes */
    jm_color note_fill, note_stroke, note_text;
    jm_font note_font;
    double note_padding;          /* pt, >= 8 */
    double note_max_width;        /* pt, notes wrap at this */
    double note_gap;              /* pt, note to lifeline */
    double note_fold;             /* pt, size of the folded corner */
    double note_overhang;         /* pt, how far a note over several lifelines reaches past them */
    /* delays */
    jm_color delay_text;
    jm_font delay_font;
    double delay_height;          /* pt, least height of the break */
    double delay_padding;         /* pt, above and below the delay's text */
    /* group frames */
    jm_color frame_stroke, frame_fill;
    double frame_width;           /* pt */
    jm_dash frame_dash;
    double frame_padding;         /* pt, content to frame sideways */
    double frame_inset;           /* pt, outer frame to a nested frame */
    double frame_gap;             /* pt, tab to content, content to the frame bottom */
    double frame_radius;          /* pt */
    jm_color tab_fill, tab_text;
    jm_font tab_font;
    double tab_padding;           /* pt, around the keyword */
    double tab_cut;               /* pt, the tab's cut corner */
    jm_color frame_label;
    jm_font frame_label_font;
    jm_dash else_dash;
    /* participant boxes */
    jm_color box_fill;            /* when the file gives no colour */
    jm_color box_stroke, box_text;   /* box_text turns black or white where it lacks 4.5:1 on the fill */
    jm_font box_font;
    double box_padding;           /* pt, heads to box sides, label to box top and heads */
    double box_radius;            /* pt */
    /* rect highlights */
    jm_color rect_fill;           /* when the file gives no colour */
    /* destroyed participants */
    jm_color destroy_stroke;
    double destroy_size;          /* pt, width and height of the cross */
    double destroy_width;         /* pt, its line width */
} jm_sequence_style;

extern const jm_style_schema jm_sequence_style_schema;
extern const jm_view jm_view_sequence;
#endif
