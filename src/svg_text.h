/* svg_text.h - the scene's text as SVG text: each measured text block becomes a <text> with a
 * <tspan> per run of one font (in reading order), placed where the layout put it, so it can be
 * selected, searched and read aloud. The fonts are embedded as subsets of the characters used
 * (HarfBuzz's hb-subset, base64 in @font-face), so a browser draws exactly our fonts with nothing
 * installed; colour emoji are pictures at the font's full strike, one per distinct emoji. */
#ifndef JM_SVG_TEXT_H
#define JM_SVG_TEXT_H
#include <glib.h>
#include "diag.h"
#include "scene.h"
#include "svg_xml.h"

typedef struct jm_svg_text jm_svg_text;

/* Text colours and fonts become classes of `classes` (svg_xml.h). */
jm_svg_text *jm_svg_text_new(jm_svg_classes *classes);
void jm_svg_text_free(jm_svg_text *t);

/* Appends the TEXT item `it` to `body`; `dark` (may be NULL): the same text in the dark scheme. */
void jm_svg_text_item(jm_svg_text *t, GString *body, const jm_item *it, const jm_item *dark);

/* Appends what the text written so far needs, inside the document's <style>: each font's subset
 * in @font-face. False after a diagnostic naming `path` when a font cannot be read or subset. */
bool jm_svg_text_defs(jm_svg_text *t, GString *out, const char *path, jm_diags *d);
/* Appends <defs> with the emoji pictures, if any. */
void jm_svg_text_emoji_defs(jm_svg_text *t, GString *out);
#endif
