/* paper.h - what printing asks of a laid-out page: the readable floor (no text under 7 pt on
 * paper, tags, chips and axis ticks under 6 pt) and the scale the PDF writer prints a scene at.
 * The floor is one pair of constants here until the style has keys for it. */
#ifndef JM_PAPER_H
#define JM_PAPER_H
#include <stdbool.h>
#include "scene.h"

#define JM_PAPER_FLOOR 7.0          /* pt on paper, text */
#define JM_PAPER_FLOOR_SMALL 6.0    /* pt on paper, tags, chips, step numbers, the score scale */

/* The floor of a text item by its role: JM_PAPER_FLOOR_SMALL for tags, chips and axis ticks,
 * 0 for pictures set as text (emoji, icons), else JM_PAPER_FLOOR. */
double jm_paper_floor(const char *role);

/* The least scale at which every text of items [from, n_items) of `s` meets its floor
 * (0: no text). */
double jm_paper_least_scale(const jm_scene *s, size_t from);

/* The smallest font size (pt) of a text of `s` with a floor (emoji left out); 0: no text. */
double jm_paper_smallest(const jm_scene *s);

/* The scale the PDF writer prints `s` at in a box box_w x box_h pt: the box's width, or less
 * when that makes it too tall (output_pdf.c). */
double jm_paper_scale(const jm_scene *s, double box_w, double box_h);
#endif
