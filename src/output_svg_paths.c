/* output_svg_paths.c - the SVG encoder of --svg-text=paths: paints a scene on a Cairo SVG surface
 * in memory, text as glyph outlines, for consumers that load neither embedded fonts nor ours;
 * then puts <title> and <desc> (XML-escaped) right after the root <svg ...> start tag. */
#include "output_internal.h"
#include "render.h"
#include <cairo-svg.h>
#include <string.h>
#include "svg_xml.h"

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

/* Cairo names a surface and an embedded image "surfaceN" / "imageN" ("source-N" in newer
 * versions) after a counter shared by the whole process, so the same drawing would get other
 * names after other drawings (a batch, Markdown mode, another thread). Each such name is
 * renumbered in order of first use, where it is an id="..." or a "#..." reference (never inside
 * base64 data, which has neither '"' nor '#'): the same scene gives the same bytes in any process. */
static GByteArray *renumber_ids(const GByteArray *svg) {
    static const char *const prefixes[] = { "surface", "image", "source-" };
    GByteArray *out = g_byte_array_sized_new(svg->len);
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    unsigned next[G_N_ELEMENTS(prefixes)] = { 0 };
    const char *p = (const char *)svg->data, *end = p + svg->len, *copied = p;
    for (; p < end; p++) {
        const char *q = NULL;
        if (*p == '#') q = p + 1;
        else if (*p == '"' && p >= (const char *)svg->data + 3 && !memcmp(p - 3, "id=", 3)) q = p + 1;
        if (!q) continue;
        for (size_t k = 0; k < G_N_ELEMENTS(prefixes); k++) {
            size_t n = strlen(prefixes[k]);
            const char *dig = q + n, *e = dig;
            if ((size_t)(end - q) <= n || memcmp(q, prefixes[k], n) != 0) continue;
            while (e < end && *e >= '0' && *e <= '9') e++;
            if (e == dig || e - dig > 12) break;
            char *key = g_strndup(q, (size_t)(e - q));
            gpointer v = g_hash_table_lookup(seen, key);
            if (!v) g_hash_table_insert(seen, key, v = GUINT_TO_POINTER(++next[k]));
            else g_free(key);
            g_byte_array_append(out, (const guint8 *)copied, (guint)(dig - copied));
            char num[16];
            int len = g_snprintf(num, sizeof num, "%u", GPOINTER_TO_UINT(v));
            g_byte_array_append(out, (const guint8 *)num, (guint)len);
            copied = e;
            p = e - 1;
            break;
        }
    }
    g_byte_array_append(out, (const guint8 *)copied, (guint)(end - copied));
    g_hash_table_destroy(seen);
    return out;
}

bool jm_output_svg_paths(const jm_doc *doc, const jm_scene *s, const jm_output_opts *o, GByteArray *out,
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
    GByteArray *cairo_svg = svg;
    svg = renumber_ids(cairo_svg);
    g_byte_array_free(cairo_svg, TRUE);
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
        jm_xml_escape(meta, title, -1);
        g_string_append(meta, "</title>\n");
    }
    if (desc && *desc) {
        g_string_append(meta, "<desc>");
        jm_xml_escape(meta, desc, -1);
        g_string_append(meta, "</desc>\n");
    }
    g_byte_array_append(out, svg->data, (guint)at);
    if (meta->len > 1) g_byte_array_append(out, (const guint8 *)meta->str, (guint)meta->len - 1);
    g_byte_array_append(out, svg->data + at, svg->len - (guint)at);
    g_string_free(meta, TRUE);
    g_byte_array_free(svg, TRUE);
    return true;
}
