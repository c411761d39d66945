/* svg_xml.c - escaped text, numbers and colours for the SVG writer (svg_xml.h). */
#include "svg_xml.h"
#include "output_internal.h"
#include "strhash.h"
#include <math.h>
#include <string.h>

void jm_xml_escape(GString *out, const char *s, gssize len) {
    /* spans of plain bytes are copied whole; text that is not UTF-8 is made so first */
    char *valid = g_utf8_validate(s, len, NULL) ? NULL : g_utf8_make_valid(s, len);
    const char *p = valid ? valid : s, *end = p + (valid || len < 0 ? strlen(p) : strnlen(p, (size_t)len));
    const char *plain = p;   /* the first byte not yet written */
    while (p < end) {
        unsigned char b = (unsigned char)*p;
        const char *next = b < 0x80 ? p + 1 : g_utf8_next_char(p), *entity = NULL;
        bool drop = false;
        switch (b) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&apos;"; break;
        default:
            if (b < 0x80) drop = b < 0x20 && b != '\t' && b != '\n' && b != '\r';
            else {
                gunichar c = g_utf8_get_char(p);
                drop = c == 0xFFFE || c == 0xFFFF;
            }
        }
        if (entity || drop) {
            jm_put_len(out, plain, p - plain);
            if (entity) jm_put(out, entity);
            plain = next;
        }
        p = next;
    }
    jm_put_len(out, plain, end - plain);
    g_free(valid);
}

void jm_svg_num(GString *out, double v) {
    /* the digits by hand: g_string_append_printf costs a thousand instructions a number, and an
     * SVG writes tens of thousands of numbers (a tenth of a diagram's instructions) */
    long long h = 0;
    if (isfinite(v) && fabs(v) < 1e12) {   /* llround(v * 100), inline: x - trunc(x) is exact */
        double x = v * 100;
        h = (long long)x;
        double f = x - (double)h;
        if (f >= 0.5) h++;
        else if (f <= -0.5) h--;
    }
    unsigned long long u = h < 0 ? 0ULL - (unsigned long long)h : (unsigned long long)h;
    char buf[32], *e = buf + sizeof buf, *p = e;
    unsigned frac = (unsigned)(u % 100);
    u /= 100;
    if (frac) {   /* ".05", ".5", ".25": no trailing zero */
        if (frac % 10) *--p = (char)('0' + frac % 10);
        *--p = (char)('0' + frac / 10);
        *--p = '.';
    }
    do *--p = (char)('0' + u % 10); while (u /= 10);
    if (h < 0) *--p = '-';
    jm_put_len(out, p, e - p);
}

static int byte_of(double v) { return (int)lround(fmin(fmax(isfinite(v) ? v : 0, 0), 1) * 255); }

void jm_svg_color(GString *out, const char *name, jm_color c) {
    static const char hex[] = "0123456789abcdef";
    int rgb[3] = { byte_of(c.r), byte_of(c.g), byte_of(c.b) };
    char code[9] = ":#", *p = code + 2;
    for (int i = 0; i < 3; i++) *p++ = hex[rgb[i] >> 4], *p++ = hex[rgb[i] & 15];
    *p++ = ';';
    jm_put(out, name);
    jm_put_len(out, code, p - code);
    if (c.a < 1) {
        jm_put(out, name);
        jm_put(out, "-opacity:");
        jm_svg_num(out, fmax(c.a, 0));
        g_string_append_c(out, ';');
    }
}

struct jm_svg_classes {
    GHashTable *by_css;      /* "light\001dark" declarations -> index + 1 */
    GPtrArray *order;        /* the keys, by index */
    GString *key;            /* scratch: the key looked up */
};

jm_svg_classes *jm_svg_classes_new(void) {
    jm_svg_classes *c = g_new0(jm_svg_classes, 1);
    c->by_css = g_hash_table_new(jm_str_hash, g_str_equal);
    c->order = g_ptr_array_new_with_free_func(g_free);
    c->key = g_string_new(NULL);
    return c;
}

void jm_svg_classes_free(jm_svg_classes *c) {
    if (!c) return;
    g_hash_table_destroy(c->by_css);
    g_ptr_array_free(c->order, TRUE);
    g_string_free(c->key, TRUE);
    g_free(c);
}

void jm_svg_class(jm_svg_classes *c, GString *out, const char *css, const char *dark) {
    g_string_truncate(c->key, 0);
    jm_put(c->key, css);
    g_string_append_c(c->key, '\001');
    if (dark && strcmp(dark, css)) jm_put(c->key, dark);
    gpointer v = g_hash_table_lookup(c->by_css, c->key->str);
    if (!v) {
        char *key = g_strndup(c->key->str, c->key->len);
        g_ptr_array_add(c->order, key);
        v = GUINT_TO_POINTER(c->order->len);
        g_hash_table_insert(c->by_css, key, v);
    }
    jm_put(out, " class=\"s");
    jm_svg_num(out, GPOINTER_TO_UINT(v) - 1);
    g_string_append_c(out, '"');
}

/* ".sN{declarations}" without the last ';' */
static void rule(GString *out, guint i, const char *css, size_t n) {
    jm_put(out, ".s");
    jm_svg_num(out, i);
    g_string_append_c(out, '{');
    jm_put_len(out, css, n && css[n - 1] == ';' ? n - 1 : n);
    jm_put(out, "}\n");
}

void jm_svg_classes_css(const jm_svg_classes *c, GString *out) {
    bool dark = false;
    for (guint i = 0; i < c->order->len; i++) {
        const char *key = g_ptr_array_index(c->order, i), *sep = strchr(key, '\001');
        rule(out, i, key, (size_t)(sep - key));
        dark |= sep[1] != 0;
    }
    if (!dark) return;
    jm_put(out, "@media (prefers-color-scheme:dark){\n");
    for (guint i = 0; i < c->order->len; i++) {
        const char *sep = strchr(g_ptr_array_index(c->order, i), '\001');
        if (sep[1]) rule(out, i, sep + 1, strlen(sep + 1));
    }
    jm_put(out, "}\n");
}

void jm_svg_png_image(GString *out, const char *id, cairo_surface_t *img, int w, int h, const unsigned char *png,
                      size_t png_len) {
    GByteArray *bytes = g_byte_array_new();
    if (png) g_byte_array_append(bytes, png, (guint)png_len);
    else cairo_surface_write_to_png_stream(img, jm_output_append, bytes);
    char *b64 = g_base64_encode(bytes->data, bytes->len);
    g_string_append_printf(out, "<image id=\"%s\" width=\"%d\" height=\"%d\" xlink:href=\"data:image/png;base64,%s\"/>\n",
                           id, w, h, b64);
    g_free(b64);
    g_byte_array_free(bytes, TRUE);
}
