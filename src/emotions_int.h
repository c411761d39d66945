/* emotions_int.h - what the files of the emotions view share: the points and bands being laid
 * out and the layout steps, one concern per file. Not for other modules (they use emotions.h). */
#ifndef JM_EMOTIONS_INT_H
#define JM_EMOTIONS_INT_H
#include "curve.h"
#include "emotions.h"
#include "shapes.h"

/* A box by its edges, pt. */
typedef struct { double x0, y0, x1, y1; } em_box;

/* Geometry of the plot: the PLOT FRAME has y = 0 on the +2 line, y growing downwards, so a
 * score s sits at (2 - s) * unit; labels and markers may reach above 0 and below 4 * unit.
 * The page puts the frame where the headers end (see jm_emotions_scene). x is absolute. */

typedef struct {
    /* data */
    const jm_emotion *emo;      /* NULL: a step without emotion */
    const jm_step *step;        /* NULL: a stage emotion */
    int number;                 /* step number from 1; 0 for stage emotions */
    size_t band;
    bool scored;
    bool estimated;             /* scored, but the score was estimated (valence.h) */
    unsigned estimated_from;    /* then JM_EST_EMOJI and/or JM_EST_WORDS */
    double score;               /* -2 .. 2 when scored */
    jm_pos src;
    /* curve */
    double x, y;                /* pt, plot frame; y only when scored */
    double r;                   /* pt, radius of the marker (disc or dot) */
    double reach;               /* pt, radius of everything drawn around the point (ring) */
    bool high, low;             /* the highest / lowest moment */
    bool band_first;            /* first point of its band */
    jm_textblock emoji;         /* measured emoji, when drawn */
    /* label (emotions_labels.c) */
    bool placed;
    em_box label;               /* pt, plot frame: the text box */
    jm_textblock label_block;
    double label_wrap;          /* pt */
    bool leader;
    double leader_x0, leader_y0, leader_x1, leader_y1;   /* pt, plot frame */
    /* step row (emotions_axes.c) */
    bool show_tick, show_number, show_title;
    const char *number_text;
    const char *title_text;         /* the step's title, or its start and an ellipsis */
    double title_dy;                /* pt, the title's row under the first title row */
    double title_wrap;              /* pt, the width it is wrapped to */
    double title_cx;                /* pt, the centre of its box across */
    jm_textblock number_block, title_block, note_block;  /* note: the unscored line */
    const char *note;
    double column_x0, column_x1;    /* pt, the step's column */
    /* actors (emotions_actors.c) */
    size_t *actors; size_t n_actors;  /* indices into em_layout.actors, each once */
    jm_pos *actor_src;              /* where the step names each */
    size_t actors_per_line;
    double actors_h;                /* pt, height of its rows of dots */
} em_point;

/* An actor: a colour and an initial unique among the actors ("A", else "Al", else a number). */
typedef struct {
    const char *name, *initial;
    jm_color fill;
    jm_pos src;                     /* its first appearance */
    jm_textblock name_block;        /* in the legend */
} em_actor;

typedef struct {
    const jm_stage *stage;      /* NULL: the one band of a file without stages */
    size_t first, n;            /* its points: pts[first .. first + n) */
    double x, w;                /* pt */
} em_band;

typedef struct {
    const jm_layout_ctx *ctx;
    const jm_journey *j;
    const jm_style_common *c;
    jm_emotions_style st;
    jm_text *text;
    jm_arena *a;
    bool from_stages;           /* the points are stage emotions, not steps */
    const jm_emotions_embed *embed;   /* NULL, or the columns of the view it is embedded in */
    em_point *pts; size_t n_pts;
    em_band *bands; size_t n_bands;
    /* across (emotions_axes.c) */
    double width;               /* pt, canvas */
    double gutter;              /* pt, left of the plot: the score scale */
    double plot_x, plot_w;      /* pt */
    double pitch;               /* pt, least distance between two neighbouring points */
    const char *scale[5];       /* labels of +2 .. -2 */
    jm_textblock scale_block[5];
    /* curve (emotions_curve.c), plot frame */
    double unit;                /* pt per score unit */
    jm_font emoji_font;         /* the style's, shrunk when points are close */
    bool use_emoji;
    double disc_r;              /* pt, radius of the largest marker (labels keep this far) */
    jm_bezier *segs; bool *bridged; size_t n_segs;
    bool *estimated;            /* per segment: an end of it is an estimated score */
    /* How much of the curve's distance from the baseline the tint covers, along x: 1 at measured
     * points, 0 at estimated and unscored ones and over bands without points, linear between
     * (clamped past the ends). Knots in increasing x, for the whole journey (kept by em_window). */
    double *conf_x, *conf_w; size_t n_conf;
    bool any_estimated;         /* then the plot carries the estimate note */
    const char *estimate_text;  /* the note: what the estimates came from (emoji, words, both) */
    jm_textblock estimate_note; /* measured when any_estimated */
    double *poly_x, *poly_y; size_t n_poly;   /* the curve sampled densely, x non-decreasing */
    double top, bottom;         /* pt, extent of everything in the plot frame */
    /* step row */
    double row_height;          /* pt, 0 when there is no step row */
    double num_h;               /* pt, the step numbers' line */
    double actors_dy;           /* pt, top of the step row to the top of the actors' dots */
    /* actors (emotions_actors.c): none in the stage-emotions and embedded forms */
    em_actor *actors; size_t n_actors;
    double actor_r;             /* pt, radius of the dots under the steps */
    jm_font actor_font;         /* their initials; size 0: too small to letter */
    double legend_r;            /* pt, radius of the legend's dots */
    jm_font legend_font;        /* their initials */
} em_layout;

static inline double em_score_y(const em_layout *L, double score) { return (2 - score) * L->unit; }

/* emotions_axes.c */
void em_axes_across(em_layout *L);                       /* gutter, bands, point x, pitch */
double em_axes_header(em_layout *L, jm_scene *s, double y);  /* stage headers; returns height */
void em_axes_bands(em_layout *L, jm_scene *s, double y0, double y1);
void em_axes_scale(em_layout *L, jm_scene *s, double dy);
void em_axes_measure_steps(em_layout *L);                /* sets row_height */
void em_axes_steps(em_layout *L, jm_scene *s, double y);

/* emotions_curve.c */
void em_curve_build(em_layout *L);                       /* y, segments, markers, extremes */
void em_curve_poly(em_layout *L);                        /* the polyline of the segments */
void em_curve_note(em_layout *L);                        /* the estimate note, when any_estimated */
void em_curve_areas(em_layout *L, jm_scene *s, double dy);
void em_curve_line(em_layout *L, jm_scene *s, double dy);
void em_curve_markers(em_layout *L, jm_scene *s, double dy);
/* A circle as 4 cubic arcs: writes 6 ops. */
void em_circle(jm_path_op *ops, double cx, double cy, double r);

/* emotions_labels.c */
void em_labels_place(em_layout *L);                      /* sets top, bottom */
void em_labels_leaders(em_layout *L, jm_scene *s, double dy);
void em_labels_text(em_layout *L, jm_scene *s, double dy);

/* emotions_window.c: only the embed's window of stages stays (see jm_emotions_embed), after
 * em_curve_build: its bands and points, the curve cut at the window's edges. */
void em_window(em_layout *L);

/* emotions_actors.c */
void em_actors_gather(em_layout *L);                     /* after em_axes_across */
double em_actors_legend(em_layout *L, jm_scene *s, double y);   /* returns height, 0: none */
double em_actors_measure(em_layout *L, em_point *p);     /* height of its dots, 0: none */
void em_actors_step(em_layout *L, jm_scene *s, const em_point *p, double y);

/* emotions_thoughts.c */
double em_thoughts(em_layout *L, jm_scene *s, double y);  /* callouts; returns height used */
#endif
