/* svg_xml.c - escaped text, numbers and colours for the SVG writer (svg_xml.h). */
#include "svg_xml.h"
#include <math.h>

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
    g_string_append_printf(out, " %s=\"#%02x%02x%02x\"", name, byte_of(c.r), byte_of(c.g), byte_of(c.b));
    if (c.a < 1) {
        g_string_append_printf(out, " %s-opacity=\"", name);
        jm_svg_num(out, fmax(c.a, 0));
        g_string_append_c(out, '"');
    }
}
