/* scene_contrast.h - text that stays readable: every text of a laid-out scene against what is
 * painted behind it, with 4.5:1 (WCAG AA) kept by darkening or lightening a colour that falls
 * short. What the style derives from its tokens (a pale brand accent used as text) cannot
 * know every background it lands on; the scene does. */
#ifndef JM_SCENE_CONTRAST_H
#define JM_SCENE_CONTRAST_H
#include "scene.h"

#define JM_MIN_CONTRAST 4.5

/* The opaque colour behind text item `i`: the filled rectangles and closed paths painted
 * before it that hold the centre of its box, each over the one below, over the canvas (white
 * where the canvas is transparent). */
jm_color jm_scene_backdrop(const jm_scene *s, size_t i);

/* Every text item of every page (its colour over its backdrop) below JM_MIN_CONTRAST gets the
 * nearest colour towards black (on a light backdrop) or white that reaches it; one warning in
 * `file` per role and colour changed ("... has 1.0:1 on #f8f9fb, less than 4.5:1; drawn
 * darker as #777700"). Returns how many items changed. */
size_t jm_doc_keep_contrast(jm_doc *doc, const char *file, jm_diags *d);
#endif
