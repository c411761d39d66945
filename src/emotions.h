/* emotions.h - the emotions view: how the persona feels along the journey, as a smooth curve of
 * scores over the steps (or the stages' emotions) under stage bands, with emoji, labels, thoughts. */
#ifndef JM_EMOTIONS_H
#define JM_EMOTIONS_H
#include <stdbool.h>
#include "scene.h"
#include "style.h"
#include "view.h"

/* The `emotions:` section of a style. Title, subtitle and the spacing grid (margin, padding,
 * gap, line spacing) come from the common section. */
typedef struct {
    /* size */
    double step_width;          /* pt, natural distance between two points of the curve */
    double min_width;           /* pt, narrowest natural canvas */
    double max_width;           /* pt, widest natural canvas (more points squeeze together) */
    double score_height;        /* pt per score unit: the curve spans 4 of these, -2 .. +2 */
    double title_gap;           /* pt, title to subtitle */
    double header_gap;          /* pt, title block to the stage headers */
    double subtitle_max_width;  /* pt, longest subtitle line (0: the content width) */
    double plot_padding;        /* pt, inside a band above and below everything drawn in it */
    /* stage headers and bands */
    jm_font stage_font, stage_note_font;
    jm_color stage_fill, stage_text, stage_note_color;
    jm_color stage_stroke;
    double stage_stroke_width; /* pt */
    double stage_point;         /* pt */
    double stage_gap;           /* pt, between two stage headers */
    jm_color band_fill, band_fill_alt;   /* band bodies, alternating */
    jm_color gap_band_fill;     /* body of a gap stage (header: common gap colours) */
    /* score scale and reference lines */
    jm_font scale_font;
    jm_color scale_color;
    const char *scale_labels;   /* five labels for +2, +1, 0, -1, -2, separated by '|' */
    double scale_gap;           /* pt, scale label to the plot */
    jm_color grid_color;
    double grid_width;          /* pt */
    jm_dash grid_dash;
    jm_color baseline_color;
    double baseline_width;      /* pt */
    jm_dash baseline_dash;
    /* curve and areas */
    jm_color curve_color;
    double curve_width;         /* pt */
    jm_dash bridge_dash;        /* the curve across steps without a score */
    jm_color estimate_color;    /* the curve into and out of an estimated score (valence.h) */
    jm_dash estimate_dash;      /* its dash: unlike the bridge's, so print tells them apart */
    const char *estimate_text;  /* the note under the plot when the estimated scores came from emoji */
    const char *estimate_text_words;  /* ... from the labels' words (no emoji in the table) */
    const char *estimate_text_mixed;  /* ... some from emoji, some from words */
    jm_font estimate_font;
    jm_color positive_fill, negative_fill;  /* area between curve and baseline, above / below */
    /* markers */
    jm_font emoji_font;
    double marker_padding;      /* pt, disc around an emoji */
    double dot_radius;          /* pt, marker of a point without emoji */
    jm_color marker_fill, marker_stroke;
    double marker_stroke_width; /* pt */
    jm_color high_color, low_color;   /* ring around the highest / lowest moment */
    double ring_width;          /* pt */
    double ring_gap;            /* pt, marker to ring */
    /* labels */
    jm_font label_font, extreme_font;  /* extreme: the highest and lowest moments' labels */
    jm_color label_color, high_text, low_text;
    double label_width;         /* pt, preferred wrap width of a label */
    double label_min_width;     /* pt, narrowest wrap tried before a label is left out */
    double label_gap;           /* pt, marker to label */
    double label_clearance;     /* pt, kept free around a label (curve, markers, leaders) */
    double label_spacing;       /* pt, between two labels side by side (half that stacked) */
    double leader_step;         /* pt, each further distance tried for a label with a leader */
    double leader_max;          /* pt, farthest a label moves away from its marker */
    jm_color leader_color;
    double leader_width;        /* pt */
    /* step axis under the bands */
    jm_font step_number_font, step_font;
    jm_color step_color;
    double step_title_min_width;  /* pt, narrower columns stagger their titles over rows */
    double step_title_rows;     /* most rows to stagger titles over */
    double step_title_lines;    /* most lines of a staggered title (then an ellipsis) */
    double axis_gap;            /* pt, plot to the step row */
    double tick_length;         /* pt */
    jm_color tick_color;
    const char *unscored_text;  /* under a step whose emotion has no score ("no score") */
    jm_font unscored_font;      /* that note, with the emotion's emoji and label */
    /* thoughts (--thoughts) */
    jm_font thought_font;
    jm_color thought_color, thought_fill, thought_stroke;
    double thought_stroke_width;  /* pt */
    double thought_min_width, thought_max_width;  /* pt, callout width range */
    double thought_gap;         /* pt, between callouts and above the first row */
    double thought_rows;        /* most rows of staggered step callouts; more are left out */
    double thought_tail;        /* pt, height of the callout's pointer */
    const char *quote_open, *quote_close;
    /* actors: who took part in each step (Mermaid journey tasks' actors), as a legend under the
     * title and a row of dots under each step, each actor a colour and an initial */
    jm_font actor_font;         /* the initial inside a dot (shrunk to fit the dot) */
    jm_font actor_name_font;    /* names in the legend */
    jm_color actor_fill[8];     /* palette, by order of first appearance, cycling */
    jm_color actor_text;        /* the initial */
    jm_color actor_stroke;      /* dot outline */
    double actor_stroke_width;  /* pt */
    double actor_radius;        /* pt, of a dot (smaller when a step's column is narrower) */
    double actor_gap;           /* pt, between two dots, and dot to name in the legend */
    double legend_spacing;      /* pt, between two legend entries */
} jm_emotions_style;

extern const jm_style_schema jm_emotions_style_schema;
extern const jm_view jm_view_emotions;

/* The emotions view as one scene, `ctx->width` wide (0: natural width). With `titled` false
 * the journey title and subtitle are left out, for a poster that places the curve under its own
 * heading (jm_scene_append); the scene's extent is then exactly the bands, axis and thoughts
 * plus the margin. NULL after a diagnostic (e.g. no scored emotion). */
jm_scene *jm_emotions_scene(const jm_layout_ctx *ctx, bool titled);

/* The curve embedded in another view's columns (the map): no title, no stage headers; the
 * band of stage i spans exactly [stage_x[i], stage_x[i] + stage_w[i]] (steps of one stage are
 * expected in one run; a stage with several runs shares its column among them), on a canvas
 * ctx->width wide. */
typedef struct {
    const double *stage_x, *stage_w;  /* pt, one per stage of ctx->journey */
    bool scale;                 /* the score labels left of the first band */
    double scale_gap;           /* pt, their right edge to the first band (0: the style's scale-gap) */
    double scale_top;           /* pt, the top label at least this far under the band bodies' top */
    int first_step;             /* number of the first step (0: 1), when the journey is a cut */
    /* A window (n_stages > 0): only stages [first_stage, first_stage + n_stages) are drawn, the
     * rest of the journey laid out in columns beyond the canvas (stage_x outside it), so the
     * highest and lowest moments are the whole journey's and the curve runs to the window's
     * edges, toward the steps on either side (a page of the paginated map). */
    size_t first_stage, n_stages;
    double score_height;        /* pt per score unit (0: the style's score-height): a shorter curve fits the room left on a page */
    double body_top, body_bottom;     /* out: top and bottom of the band bodies, pt */
} jm_emotions_embed;

/* As jm_emotions_scene(ctx, false), laid out as `e` says; fills e->body_top, e->body_bottom.
 * NULL after a diagnostic. */
jm_scene *jm_emotions_scene_embedded(const jm_layout_ctx *ctx, jm_emotions_embed *e);
#endif
