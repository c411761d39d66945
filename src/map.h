/* map.h - the map view: the whole journey-map poster (title, persona card, stage columns under
 * the funnel's chevrons, one row per lane with the emotion curve across, features, tables). */
#ifndef JM_MAP_H
#define JM_MAP_H
#include <stdbool.h>
#include "scene.h"
#include "style.h"
#include "view.h"

/* The `map:` section of a style. The body colours (text, muted text, accent) and the line
 * spacing come from the common section; the stage chevrons from the `funnel:` section and the
 * emotion lane from the `emotions:` section, so the map looks like the views it is made of. */
typedef struct {
    /* columns: equal stage columns right of the lane labels; chevrons from the funnel section */
    double column_width;                 /* natural width of a stage column, pt */
    double min_column_width;             /* narrowest column when fitting a width, slide or page, pt */
    double max_column_width;             /* widest column when fitting a wide target, pt */
    double min_aspect;                   /* natural size: columns widen (up to max-column-width) while width / height is below this */
    double column_gap;                   /* gutter between stage columns, pt */
    double label_width;                  /* the lane-label column at the left, pt */
    double label_gap;                    /* lane-label column to the first stage column, pt */
    double section_gap;                  /* between header, lanes, features and tables, pt */
    /* header */
    jm_font title_font;                  /* the poster's title */
    double title_gap;                    /* title to subtitle, pt */
    double subtitle_max_width;           /* longest subtitle line, pt */
    /* persona card: who (picture or initials, name, role, archetype, quote), goals, frustrations */
    jm_color persona_fill;               /* persona card fill */
    jm_color persona_stroke;             /* persona card outline */
    double persona_stroke_width;         /* persona card outline width, pt */
    double persona_radius;               /* persona card corner radius, pt */
    double persona_padding;              /* inside the persona card, pt */
    double persona_gap;                  /* between the card's parts, pt */
    double persona_max_width;            /* widest persona card, pt */
    double persona_part_width;           /* narrowest part before the parts stack, pt */
    double avatar_size;                  /* the persona's picture or initials circle, pt */
    jm_color avatar_fill;                /* initials circle fill */
    jm_color avatar_text;                /* initials */
    jm_font avatar_font;                 /* initials */
    jm_font name_font;                   /* persona name */
    jm_font role_font;                   /* persona role */
    jm_font persona_quote_font;          /* persona quote */
    jm_color role_color;                 /* persona role */
    jm_color persona_quote_color;        /* persona quote */
    jm_color archetype_fill;             /* archetype chip fill */
    jm_color archetype_text;             /* archetype chip text */
    jm_font archetype_font;              /* archetype chip */
    jm_font list_title_font;             /* "Goals", "Frustrations" */
    jm_color list_title_color;           /* list titles */
    jm_font list_font;                   /* goals and frustrations */
    const char *goals_title;             /* title of the goals */
    const char *frustrations_title;      /* title of the frustrations */
    jm_color goal_bullet;                /* dot before a goal */
    jm_color frustration_bullet;         /* dot before a frustration */
    /* lanes: a label at the left, one cell per stage column */
    jm_font lane_font;                   /* lane labels */
    jm_color lane_color;                 /* lane labels */
    jm_color lane_fill;                  /* lane label cell */
    double lane_gap;                     /* between two lanes, pt */
    jm_color cell_fill;                  /* cell fill */
    jm_color gap_cell_fill;              /* cells of a gap stage (outline: the common gap-stroke, dashed) */
    jm_color cell_stroke;                /* cell outline */
    double cell_stroke_width;            /* cell outline width, pt */
    double cell_radius;                  /* cell corner radius, pt */
    double cell_padding;                 /* inside a cell and a lane label, pt */
    double item_gap;                     /* between the entries of a cell, pt */
    jm_font text_font;                   /* cell text */
    jm_color text_color;                 /* cell text */
    double bullet_size;                  /* diameter of a list dot, pt */
    double bullet_gap;                   /* dot to text, pt */
    jm_color bullet_color;               /* list dots (triggers, custom lanes) */
    jm_color metric_bullet;              /* dots before metrics */
    jm_font step_font;                   /* a step's number and title over its actions */
    jm_color step_color;                 /* a step's number and title */
    const char *step_separator;          /* between a step's number and title */
    /* tags: an action's channel and frequency; touchpoints */
    jm_font tag_font;                    /* tags */
    double tag_padding_x;                /* tag padding left and right, pt */
    double tag_padding_y;                /* tag padding above and below, pt */
    double tag_gap;                      /* between tags, and a text to its tags, pt */
    double tag_radius;                   /* tag corner radius, pt */
    double tag_stroke_width;             /* tag outline width, pt */
    jm_color channel_fill;               /* channel tag fill */
    jm_color channel_stroke;             /* channel tag outline */
    jm_color channel_text;               /* channel tag text */
    jm_color frequency_fill;             /* frequency tag fill */
    jm_color frequency_stroke;           /* frequency tag outline */
    jm_color frequency_text;             /* frequency tag text */
    jm_color touchpoint_fill;            /* touchpoint tag fill */
    jm_color touchpoint_stroke;          /* touchpoint tag outline */
    jm_color touchpoint_text;            /* touchpoint tag text */
    const char *channel_prefix;          /* before a channel ("" for none) */
    const char *frequency_prefix;        /* before a frequency ("" for none) */
    /* cards: thoughts as quotes, pain points, opportunities */
    double card_padding;                 /* inside a card, pt */
    double card_radius;                  /* card corner radius, pt */
    double card_stroke_width;            /* card outline width, pt */
    double card_text_gap;                /* an opportunity's title to its text, pt */
    jm_font quote_font;                  /* thoughts */
    jm_color quote_color;                /* thoughts */
    jm_color quote_fill;                 /* thought card fill */
    jm_color quote_stroke;               /* thought card outline */
    jm_dash quote_dash;                  /* thought card outline dash */
    const char *quote_open;              /* before a thought */
    const char *quote_close;             /* after a thought */
    jm_color pain_fill;                  /* pain point card fill */
    jm_color pain_stroke;                /* pain point card outline */
    jm_color pain_text;                  /* pain point text */
    jm_dash pain_dash;                   /* pain point card outline dash */
    jm_color opportunity_fill;           /* opportunity card fill */
    jm_color opportunity_stroke;         /* opportunity card outline */
    jm_color opportunity_title_color;    /* opportunity title */
    jm_color opportunity_text;           /* opportunity text */
    jm_dash opportunity_dash;            /* opportunity card outline dash */
    jm_font opportunity_title_font;      /* opportunity title */
    /* lane names (a journey's `lane_labels` can rename each lane) */
    const char *lane_items;              /* label of the lane of item cards (the funnel's cards) */
    const char *lane_triggers;           /* label of the triggers lane */
    const char *lane_actions;            /* label of the actions lane */
    const char *lane_touchpoints;        /* label of the touchpoints lane */
    const char *lane_thoughts;           /* label of the thoughts lane */
    const char *lane_emotions;           /* label of the emotion lane */
    const char *lane_pain_points;        /* label of the pain points lane */
    const char *lane_opportunities;      /* label of the opportunities lane */
    const char *lane_metrics;            /* label of the metrics lane */
    /* features: a grid of cards under the lanes; tables: wrapped cells under a header row */
    jm_font section_font;                /* section titles (features, tables) */
    jm_color section_color;              /* section titles */
    double section_title_gap;            /* section title to what it heads, pt */
    const char *features_title;          /* title of the features */
    double feature_min_width;            /* narrowest feature card, pt (sets how many share a row) */
    double feature_gap;                  /* between feature cards, pt */
    double feature_padding;              /* inside a feature card, pt */
    double feature_radius;               /* feature card corner radius, pt */
    double feature_stroke_width;         /* feature card outline width, pt */
    jm_color feature_fill;               /* feature card fill */
    jm_color feature_stroke;             /* feature card outline */
    jm_color feature_title_color;        /* feature title */
    jm_color feature_text_color;         /* feature text */
    jm_font feature_icon_font;           /* feature icon (emoji) */
    jm_font feature_title_font;          /* feature title */
    jm_font feature_text_font;           /* feature text */
    double table_gap;                    /* between tables, pt */
    double table_max_column;             /* a table column's natural width is at most this, pt */
    double table_min_column;             /* narrowest table column, pt */
    double table_padding_x;              /* inside a table cell, left and right, pt */
    double table_padding_y;              /* inside a table cell, above and below, pt */
    double table_radius;                 /* table outer corner radius, pt */
    double table_stroke_width;           /* table outline and rules, pt */
    jm_color table_stroke;               /* table outline */
    jm_color table_rule;                 /* rules between rows and columns */
    jm_color table_header_fill;          /* header row fill */
    jm_color table_header_text;          /* header row text */
    jm_color table_fill;                 /* body rows fill */
    jm_color table_stripe;               /* every other body row */
    jm_color table_text;                 /* cell text */
    jm_font table_header_font;           /* header row */
    jm_font table_font;                  /* cell text */
    /* print and handout */
    const char *continued;               /* after a table title on the page it continues on */
    jm_font cover_title_font;            /* the handout cover's title */
    double cover_gap;                    /* between the cover's title, subtitle and persona card, pt */
    const char *bookmark_cover;          /* handout outline entry of the cover */
    const char *bookmark_map;            /* handout outline entry of the map */
    const char *bookmark_emotions;       /* handout outline entry of the emotion curve */
    const char *bookmark_sequence;       /* handout outline entry of the sequence diagram */
    const char *bookmark_funnel;         /* handout outline entry of the funnel */
    const char *bookmark_tables;         /* handout outline entry of the tables */
} jm_map_style;

extern const jm_style_schema jm_map_style_schema;
extern const jm_view jm_view_map;

/* What the map draws, for the handout: the poster's parts can be left out. */
typedef struct {
    bool tables;                /* the tables under the features (false: the handout has its own) */
    bool no_header;             /* no title and persona card (the handout's cover has them) */
} jm_map_opts;

/* Lays the map out as one page or more (see map.c) and adds them to `doc`, each with the view
 * "map" and the bookmark `bookmark`. False after a diagnostic. */
bool jm_map_layout(const jm_layout_ctx *ctx, const jm_map_opts *o, jm_doc *doc, const char *bookmark);

/* The handout's cover: title, subtitle and the persona card, centred on a canvas of the given
 * size (pt). */
jm_scene *jm_map_cover(const jm_layout_ctx *ctx, double width, double height);

/* The journey's tables, one after another (tables longer than a page continue on the next,
 * their header row repeated), on pages of `width` x `height` pt; added to `doc` with the view
 * "tables" and the bookmark `bookmark`. Adds nothing when the journey has no tables. */
void jm_map_table_pages(const jm_layout_ctx *ctx, double width, double height, jm_doc *doc, const char *bookmark);
#endif
