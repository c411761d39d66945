/* render.h - the one painter: draws a scene on any cairo_t (image, SVG or PDF surface).
 * It reads only the scene; it never looks at the journey model. */
#ifndef JM_RENDER_H
#define JM_RENDER_H
#include <cairo.h>
#include <stdbool.h>
#include "scene.h"

/* Paints the background (unless `transparent`) and every item, in order, in scene units;
 * the caller sets any scale or translation on `cr` first. Missing images are drawn as a grey
 * placeholder. */
void jm_render_scene(cairo_t *cr, const jm_scene *s, bool transparent);

/* The same, but items that cannot show inside cr's clip extents (the whole target surface when
 * nothing is clipped) are skipped: the PNG writer paints a tall image band by band this way.
 * What it paints inside those extents is what jm_render_scene paints there. */
void jm_render_scene_visible(cairo_t *cr, const jm_scene *s, bool transparent);
#endif
