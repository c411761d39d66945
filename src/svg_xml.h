/* svg_xml.h - the small pieces of XML the SVG writer is made of: escaped character data, short
 * fixed-point numbers (the same bytes in any locale), colours. */
#ifndef JM_SVG_XML_H
#define JM_SVG_XML_H
#include <cairo.h>
#include <glib.h>
#include <string.h>
#include "style.h"

/* g_string_append_len and g_string_append, inline: GLib 2.74 makes each a call into
 * g_string_insert_len (about 90 instructions), and a small diagram's SVG is some 1,000 pieces. */
static inline void jm_put_len(GString *out, const char *s, size_t n) {
    if (G_LIKELY(out->len + n < out->allocated_len)) {
        memcpy(out->str + out->len, s, n);
        out->len += n;
        out->str[out->len] = 0;
    } else
        g_string_append_len(out, s, (gssize)n);
}
static inline void jm_put(GString *out, const char *s) { jm_put_len(out, s, strlen(s)); }

/* `s` escaped for XML 1.0 character data and attribute values: &, <, > and quotes as entities;
 * characters XML 1.0 does not allow (most C0 controls, U+FFFE, U+FFFF) left out; invalid UTF-8
 * repaired. */
void jm_xml_escape(GString *out, const char *s, gssize len);

/* `v` with at most two decimals and no trailing zeros ("12", "12.5", "-0.25"); 0 for a value
 * that is not finite. */
void jm_svg_num(GString *out, double v);

/* `name:#rrggbb;` and, when the colour is not opaque, `name-opacity:a;` (CSS declarations). */
void jm_svg_color(GString *out, const char *name, jm_color c);

/* `<image id="ID" width="W" height="H" xlink:href="data:image/png;base64,...">` of a W x H px
 * picture: the bytes `png` (png_len) when it already is a PNG, else the ARGB32 surface `img`
 * encoded. */
void jm_svg_png_image(GString *out, const char *id, cairo_surface_t *img, int w, int h, const unsigned char *png,
                      size_t png_len);

/* Paint as classes: the same declarations ("fill:#fff;stroke:#374151;") always get the same
 * class, ".s0", ".s1", ... in order of first use, so each look is written once in <style>. */
typedef struct jm_svg_classes jm_svg_classes;
jm_svg_classes *jm_svg_classes_new(void);
void jm_svg_classes_free(jm_svg_classes *c);
/* Appends ` class="sN"` for the declarations `css`, and `dark` (NULL: the same) in a dark
 * colour scheme. */
void jm_svg_class(jm_svg_classes *c, GString *out, const char *css, const char *dark);
/* Appends one rule per class: ".s0{fill:#fff}", then those that differ in the dark scheme inside
 * @media (prefers-color-scheme:dark). */
void jm_svg_classes_css(const jm_svg_classes *c, GString *out);
#endif
