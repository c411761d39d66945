/* css_color.h - CSS colours as Mermaid writes them (box and rect colours): names, #hex, rgb(),
 * rgba(), hsl(), hsla() and `transparent`. */
#ifndef JM_CSS_COLOR_H
#define JM_CSS_COLOR_H
#include <stdbool.h>
#include <stddef.h>
#include "style.h"

/* The colour at the start of s[0..n): a name or #hex up to the first blank, or a function up to
 * its ')'. Its length in *used. False when no colour starts there. */
bool jm_css_color(const char *s, size_t n, jm_color *out, size_t *used);
#endif
