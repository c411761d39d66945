/* woff2.h - packs an OpenType font into WOFF2 (W3C WOFF File Format 2.0) with Brotli, for fonts
 * embedded in SVG: no table is transformed (glyf and loca get the null transform), which keeps
 * this a container around one Brotli stream; the size win is Brotli's. */
#ifndef JM_WOFF2_H
#define JM_WOFF2_H
#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

/* Appends the WOFF2 form of the sfnt font `font` (len bytes: a TrueType or CFF OpenType font, not
 * a collection) to `out`. False, with `out` unchanged, when `font` is not such a font or Brotli
 * fails. */
bool jm_woff2_pack(const unsigned char *font, size_t len, GByteArray *out);
#endif
