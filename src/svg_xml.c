/* svg_xml.c - escaped text, numbers and colours for the SVG writer (svg_xml.h). */
#include "svg_xml.h"
#include "output_internal.h"
#include <math.h>
#include <string.h>

void jm_xml_escape(GString *out, const char *s, gssize len) {
    char *valid = g_utf8_make_valid(s, len);
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

void jm_svg_num(GString *out, double v) {
    long long h = isfinite(v) && fabs(v) < 1e12 ? llround(v * 100) : 0;
    if (h < 0) { g_string_append_c(out, '-'); h = -h; }
    g_string_append_printf(out, "%lld", h / 100);
    int frac = (int)(h % 100);
    if (frac) g_string_append_printf(out, frac % 10 ? ".%02d" : ".%d", frac % 10 ? frac : frac / 10);
}

static int byte_of(double v) { return (int)lround(fmin(fmax(isfinite(v) ? v : 0, 0), 1) * 255); }

void jm_svg_color(GString *out, const char *name, jm_color c) {
    g_string_append_printf(out, "%s:#%02x%02x%02x;", name, byte_of(c.r), byte_of(c.g), byte_of(c.b));
    if (c.a < 1) {
        g_string_append_printf(out, "%s-opacity:", name);
        jm_svg_num(out, fmax(c.a, 0));
        g_string_append_c(out, ';');
    }
}

struct jm_svg_classes {
    GHashTable *by_css;      /* "light\001dark" declarations -> index + 1 */
    GPtrArray *order;        /* the keys, by index */
};

jm_svg_classes *jm_svg_classes_new(void) {
    jm_svg_classes *c = g_new0(jm_svg_classes, 1);
    c->by_css = g_hash_table_new(g_str_hash, g_str_equal);
    c->order = g_ptr_array_new_with_free_func(g_free);
    return c;
}

void jm_svg_classes_free(jm_svg_classes *c) {
    if (!c) return;
    g_hash_table_destroy(c->by_css);
    g_ptr_array_free(c->order, TRUE);
    g_free(c);
}

void jm_svg_class(jm_svg_classes *c, GString *out, const char *css, const char *dark) {
    char *key = g_strconcat(css, "\001", dark && strcmp(dark, css) ? dark : "", NULL);
    gpointer v = g_hash_table_lookup(c->by_css, key);
    if (!v) {
        g_ptr_array_add(c->order, key);
        v = GUINT_TO_POINTER(c->order->len);
        g_hash_table_insert(c->by_css, key, v);
    } else g_free(key);
    g_string_append_printf(out, " class=\"s%u\"", GPOINTER_TO_UINT(v) - 1);
}

/* ".sN{declarations}" without the last ';' */
static void rule(GString *out, guint i, const char *css, size_t n) {
    g_string_append_printf(out, ".s%u{%.*s}\n", i, (int)(n && css[n - 1] == ';' ? n - 1 : n), css);
}

void jm_svg_classes_css(const jm_svg_classes *c, GString *out) {
    bool dark = false;
    for (guint i = 0; i < c->order->len; i++) {
        const char *key = g_ptr_array_index(c->order, i), *sep = strchr(key, '\001');
        rule(out, i, key, (size_t)(sep - key));
        dark |= sep[1] != 0;
    }
    if (!dark) return;
    g_string_append(out, "@media (prefers-color-scheme:dark){\n");
    for (guint i = 0; i < c->order->len; i++) {
        const char *sep = strchr(g_ptr_array_index(c->order, i), '\001');
        if (sep[1]) rule(out, i, sep + 1, strlen(sep + 1));
    }
    g_string_append(out, "}\n");
}

void jm_svg_png_image(GString *out, const char *id, cairo_surface_t *img, const unsigned char *png, size_t png_len) {
    GByteArray *bytes = g_byte_array_new();
    if (png) g_byte_array_append(bytes, png, (guint)png_len);
    else cairo_surface_write_to_png_stream(img, jm_output_append, bytes);
    char *b64 = g_base64_encode(bytes->data, bytes->len);
    g_string_append_printf(out, "<image id=\"%s\" width=\"%d\" height=\"%d\" xlink:href=\"data:image/png;base64,%s\"/>\n",
                           id, cairo_image_surface_get_width(img), cairo_image_surface_get_height(img), b64);
    g_free(b64);
    g_byte_array_free(bytes, TRUE);
}
