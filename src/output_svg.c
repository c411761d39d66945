/* output_svg.c - the SVG encoder: paints a scene on a Cairo SVG surface in memory, then puts
 * <title> and <desc> (XML-escaped) right after the root <svg ...> start tag. */
#include "output_internal.h"
#include "render.h"
#include <cairo-svg.h>
#include <string.h>

/* Appends `s` escaped for XML 1.0 character data: &, <, > and quotes as entities; characters
 * XML 1.0 does not allow (most C0 controls, U+FFFE, U+FFFF) left out; invalid UTF-8 repaired. */
static void append_escaped(GString *out, const char *s) {
    char *valid = g_utf8_make_valid(s, -1);
    for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        switch (c) {
        case '&': g_string_append(out, "&amp;"); break;
        case '<': g_string_append(out, "&lt;"); break;
        case '>': g_string_append(out, "&gt;"); break;
        case '"': g_string_append(out, "&quot;"); break;
        case '\'': g_string_append(out, "&apos;"); break;
        default:
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) break;
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
        }
    }
    g_free(valid);
}

/* Offset just past the '>' of the root element's start tag, or 0 if there is none. */
static size_t after_root_tag(const GByteArray *svg) {
    const char *data = (const char *)svg->data, *end = data + svg->len;
    for (const char *p = data; p + 4 < end; p++) {
        p = memchr(p, '<', (size_t)(end - p));
        if (!p) return 0;
        if (!strncmp(p, "<svg", 4) && (p[4] == ' ' || p[4] == '\n' || p[4] == '\t' || p[4] == '>')) {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            return gt ? (size_t)(gt + 1 - data) : 0;
        }
    }
    return 0;
}

bool jm_output_svg(const jm_doc *doc, const jm_scene *s, const jm_output_opts *o, GByteArray *out,
                   const char *path, jm_diags *d) {
    GByteArray *svg = g_byte_array_new();
    double ow, oh;
    jm_output_size(s, o, &ow, &oh);
    cairo_surface_t *surface = cairo_svg_surface_create_for_stream(jm_output_append, svg, ow, oh);
    /* Plain user units: width="800" reads as 800 px in a browser, the size of the PNG at scale 1. */
    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_USER);
    cairo_t *cr = cairo_create(surface);
    jm_output_paint(cr, s, o, false);
    if (!jm_output_finish(cr, surface, d, path, "drawing the SVG")) {
        g_byte_array_free(svg, TRUE);
        return false;
    }
    size_t at = after_root_tag(svg);
    if (!at) {
        jm_error(d, NULL, (jm_pos){ 0, 0 }, "cannot write '%s': Cairo's SVG has no <svg> element", path);
        g_byte_array_free(svg, TRUE);
        return false;
    }
    GString *meta = g_string_new("\n");
    const char *title = jm_output_title(doc, s), *desc = jm_output_desc(doc, s);
    if (title && *title) {
        g_string_append(meta, "<title>");
        append_escaped(meta, title);
        g_string_append(meta, "</title>\n");
    }
    if (desc && *desc) {
        g_string_append(meta, "<desc>");
        append_escaped(meta, desc);
        g_string_append(meta, "</desc>\n");
    }
    g_byte_array_append(out, svg->data, (guint)at);
    if (meta->len > 1) g_byte_array_append(out, (const guint8 *)meta->str, (guint)meta->len - 1);
    g_byte_array_append(out, svg->data + at, svg->len - (guint)at);
    g_string_free(meta, TRUE);
    g_byte_array_free(svg, TRUE);
    return true;
}
