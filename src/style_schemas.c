/* style_schemas.c - the registry of style sections: each schema maps kebab-case keys of a styles/
 * file to the fields of one section struct. Views add their schema to jm_style_schemas[] below. */
#include <stddef.h>
#include "style.h"
#include "funnel.h"
#include "emotions.h"
#include "sequence.h"
#include "map.h"
/* Views: include the header that declares your schema here, e.g. #include "funnel.h". */

#define FIELD(key, type, member, doc) { key, JM_SV_##type, offsetof(jm_style_common, member), doc }
static const jm_style_field common_fields[] = {
    FIELD("background",     COLOR,  background,     "canvas colour"),
    FIELD("text",           COLOR,  text,           "main text"),
    FIELD("text-muted",     COLOR,  text_muted,     "secondary text (>= 4.5:1 on the background)"),
    FIELD("text-inverse",   COLOR,  text_inverse,   "text on accent fills"),
    FIELD("accent",         COLOR,  accent,         "the journey's own elements"),
    FIELD("accent-soft",    COLOR,  accent_soft,    "light tint of the accent, for fills"),
    FIELD("line",           COLOR,  line,           "structural lines"),
    FIELD("grid",           COLOR,  grid,           "faint grid and separators"),
    FIELD("positive",       COLOR,  positive,       "good emotions (teal-green)"),
    FIELD("negative",       COLOR,  negative,       "bad emotions (coral-orange)"),
    FIELD("gap-fill",       COLOR,  gap_fill,       "fill of stages not covered yet"),
    FIELD("gap-stroke",     COLOR,  gap_stroke,     "outline of gap stages"),
    FIELD("gap-text",       COLOR,  gap_text,       "text in gap stages"),
    FIELD("gap-dash",       DASH,   gap_dash,       "dash pattern of gap outlines"),
    FIELD("title-font",     FONT,   title_font,     "view titles"),
    FIELD("subtitle-font",  FONT,   subtitle_font,  "the summary under a title"),
    FIELD("header-font",    FONT,   header_font,    "stage and lane headers"),
    FIELD("label-font",     FONT,   label_font,     "labels"),
    FIELD("body-font",      FONT,   body_font,      "body and cell text"),
    FIELD("small-font",     FONT,   small_font,     "notes and captions"),
    FIELD("quote-font",     FONT,   quote_font,     "thoughts and quotes (italic)"),
    FIELD("margin",         NUMBER, margin,         "around the canvas, pt"),
    FIELD("grid-unit",      NUMBER, grid_unit,      "spacing grid, pt"),
    FIELD("padding",        NUMBER, padding,        "inside boxes, pt"),
    FIELD("gap",            NUMBER, gap,            "between siblings, pt"),
    FIELD("radius",         NUMBER, radius,         "corner radius, pt"),
    FIELD("stroke-width",   NUMBER, stroke_width,   "default line width, pt"),
    FIELD("line-spacing",   NUMBER, line_spacing,   "extra space between wrapped lines, pt"),
    FIELD("min-font-px",    NUMBER, min_font_px,    "smallest text on screen, px at scale 1"),
    FIELD("slide-min-font-px", NUMBER, slide_min_font_px, "smallest text on a slide, px at 1920x1080"),
    FIELD("paper-min-font-pt", NUMBER, paper_min_font_pt, "smallest text on paper, pt"),
    FIELD("paper-min-tag-pt",  NUMBER, paper_min_tag_pt,  "smallest tag or axis tick on paper, pt"),
};
#undef FIELD

const jm_style_schema jm_style_common_schema = {
    "common", common_fields, sizeof common_fields / sizeof common_fields[0], sizeof(jm_style_common)
};

/* Every section a style file may have, in the order the files list them. A view adds one line
 * (&jm_style_funnel_schema,) and its section to styles/default.yaml, print.yaml and dark.yaml. */
const jm_style_schema *const jm_style_schemas[] = {
    &jm_style_common_schema,
    &jm_funnel_style_schema,
    &jm_emotions_style_schema,
    &jm_sequence_style_schema,
    &jm_map_style_schema,
    /* view sections go here */
};
const size_t jm_style_n_schemas = sizeof jm_style_schemas / sizeof jm_style_schemas[0];
