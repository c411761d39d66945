/* css_color.c - CSS colours: the 148 named colours of CSS Color 4, #rgb, #rgba, #rrggbb,
 * #rrggbbaa, rgb()/rgba() (numbers or percentages) and hsl()/hsla(). */
#include "css_color.h"
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; unsigned rgb; } names[] = {
    { "aliceblue", 0xf0f8ff }, { "antiquewhite", 0xfaebd7 }, { "aqua", 0x00ffff }, { "aquamarine", 0x7fffd4 },
    { "azure", 0xf0ffff }, { "beige", 0xf5f5dc }, { "bisque", 0xffe4c4 }, { "black", 0x000000 },
    { "blanchedalmond", 0xffebcd }, { "blue", 0x0000ff }, { "blueviolet", 0x8a2be2 }, { "brown", 0xa52a2a },
    { "burlywood", 0xdeb887 }, { "cadetblue", 0x5f9ea0 }, { "chartreuse", 0x7fff00 }, { "chocolate", 0xd2691e },
    { "coral", 0xff7f50 }, { "cornflowerblue", 0x6495ed }, { "cornsilk", 0xfff8dc }, { "crimson", 0xdc143c },
    { "cyan", 0x00ffff }, { "darkblue", 0x00008b }, { "darkcyan", 0x008b8b }, { "darkgoldenrod", 0xb8860b },
    { "darkgray", 0xa9a9a9 }, { "darkgreen", 0x006400 }, { "darkgrey", 0xa9a9a9 }, { "darkkhaki", 0xbdb76b },
    { "darkmagenta", 0x8b008b }, { "darkolivegreen", 0x556b2f }, { "darkorange", 0xff8c00 },
    { "darkorchid", 0x9932cc }, { "darkred", 0x8b0000 }, { "darksalmon", 0xe9967a }, { "darkseagreen", 0x8fbc8f },
    { "darkslateblue", 0x483d8b }, { "darkslategray", 0x2f4f4f }, { "darkslategrey", 0x2f4f4f },
    { "darkturquoise", 0x00ced1 }, { "darkviolet", 0x9400d3 }, { "deeppink", 0xff1493 },
    { "deepskyblue", 0x00bfff }, { "dimgray", 0x696969 }, { "dimgrey", 0x696969 }, { "dodgerblue", 0x1e90ff },
    { "firebrick", 0xb22222 }, { "floralwhite", 0xfffaf0 }, { "forestgreen", 0x228b22 }, { "fuchsia", 0xff00ff },
    { "gainsboro", 0xdcdcdc }, { "ghostwhite", 0xf8f8ff }, { "gold", 0xffd700 }, { "goldenrod", 0xdaa520 },
    { "gray", 0x808080 }, { "green", 0x008000 }, { "greenyellow", 0xadff2f }, { "grey", 0x808080 },
    { "honeydew", 0xf0fff0 }, { "hotpink", 0xff69b4 }, { "indianred", 0xcd5c5c }, { "indigo", 0x4b0082 },
    { "ivory", 0xfffff0 }, { "khaki", 0xf0e68c }, { "lavender", 0xe6e6fa }, { "lavenderblush", 0xfff0f5 },
    { "lawngreen", 0x7cfc00 }, { "lemonchiffon", 0xfffacd }, { "lightblue", 0xadd8e6 }, { "lightcoral", 0xf08080 },
    { "lightcyan", 0xe0ffff }, { "lightgoldenrodyellow", 0xfafad2 }, { "lightgray", 0xd3d3d3 },
    { "lightgreen", 0x90ee90 }, { "lightgrey", 0xd3d3d3 }, { "lightpink", 0xffb6c1 }, { "lightsalmon", 0xffa07a },
    { "lightseagreen", 0x20b2aa }, { "lightskyblue", 0x87cefa }, { "lightslategray", 0x778899 },
    { "lightslategrey", 0x778899 }, { "lightsteelblue", 0xb0c4de }, { "lightyellow", 0xffffe0 },
    { "lime", 0x00ff00 }, { "limegreen", 0x32cd32 }, { "linen", 0xfaf0e6 }, { "magenta", 0xff00ff },
    { "maroon", 0x800000 }, { "mediumaquamarine", 0x66cdaa }, { "mediumblue", 0x0000cd },
    { "mediumorchid", 0xba55d3 }, { "mediumpurple", 0x9370db }, { "mediumseagreen", 0x3cb371 },
    { "mediumslateblue", 0x7b68ee }, { "mediumspringgreen", 0x00fa9a }, { "mediumturquoise", 0x48d1cc },
    { "mediumvioletred", 0xc71585 }, { "midnightblue", 0x191970 }, { "mintcream", 0xf5fffa },
    { "mistyrose", 0xffe4e1 }, { "moccasin", 0xffe4b5 }, { "navajowhite", 0xffdead }, { "navy", 0x000080 },
    { "oldlace", 0xfdf5e6 }, { "olive", 0x808000 }, { "olivedrab", 0x6b8e23 }, { "orange", 0xffa500 },
    { "orangered", 0xff4500 }, { "orchid", 0xda70d6 }, { "palegoldenrod", 0xeee8aa }, { "palegreen", 0x98fb98 },
    { "paleturquoise", 0xafeeee }, { "palevioletred", 0xdb7093 }, { "papayawhip", 0xffefd5 },
    { "peachpuff", 0xffdab9 }, { "peru", 0xcd853f }, { "pink", 0xffc0cb }, { "plum", 0xdda0dd },
    { "powderblue", 0xb0e0e6 }, { "purple", 0x800080 }, { "rebeccapurple", 0x663399 }, { "red", 0xff0000 },
    { "rosybrown", 0xbc8f8f }, { "royalblue", 0x4169e1 }, { "saddlebrown", 0x8b4513 }, { "salmon", 0xfa8072 },
    { "sandybrown", 0xf4a460 }, { "seagreen", 0x2e8b57 }, { "seashell", 0xfff5ee }, { "sienna", 0xa0522d },
    { "silver", 0xc0c0c0 }, { "skyblue", 0x87ceeb }, { "slateblue", 0x6a5acd }, { "slategray", 0x708090 },
    { "slategrey", 0x708090 }, { "snow", 0xfffafa }, { "springgreen", 0x00ff7f }, { "steelblue", 0x4682b4 },
    { "tan", 0xd2b48c }, { "teal", 0x008080 }, { "thistle", 0xd8bfd8 }, { "tomato", 0xff6347 },
    { "turquoise", 0x40e0d0 }, { "violet", 0xee82ee }, { "wheat", 0xf5deb3 }, { "white", 0xffffff },
    { "whitesmoke", 0xf5f5f5 }, { "yellow", 0xffff00 }, { "yellowgreen", 0x9acd32 },
};

static double clamp01(double v) { return isfinite(v) ? v < 0 ? 0 : v > 1 ? 1 : v : 0; }

/* Up to four numbers in "(a, b, c[, d])" or "(a b c[ / d])"; percentages flagged. */
static int numbers(const char *s, size_t n, double v[4], bool pct[4]) {
    char buf[128];
    if (n >= sizeof buf) return 0;
    memcpy(buf, s, n);
    buf[n] = '\0';
    int k = 0;
    for (char *p = buf; *p && k < 4;) {
        while (*p == ' ' || *p == '\t' || *p == ',' || *p == '/') p++;
        if (!*p) break;
        char *e;
        v[k] = g_ascii_strtod(p, &e);
        if (e == p) return 0;
        pct[k] = *e == '%';
        if (pct[k]) e++;
        while (g_ascii_isalpha(*e)) e++;   /* "deg" */
        p = e;
        k++;
    }
    return k;
}

static double hue(double p, double q, double t) {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1.0 / 6) return p + (q - p) * 6 * t;
    if (t < 0.5) return q;
    if (t < 2.0 / 3) return p + (q - p) * (2.0 / 3 - t) * 6;
    return p;
}

static bool function(const char *s, size_t n, jm_color *out, size_t *used) {
    const char *open = memchr(s, '(', n), *close = open ? memchr(open, ')', n - (size_t)(open - s)) : NULL;
    if (!open || !close) return false;
    size_t name = (size_t)(open - s);
    while (name > 0 && s[name - 1] == ' ') name--;
    bool hsl = name >= 3 && g_ascii_strncasecmp(s, "hsl", 3) == 0;
    bool rgb = name >= 3 && g_ascii_strncasecmp(s, "rgb", 3) == 0;
    if (!(hsl || rgb) || name > 4 || (name == 4 && g_ascii_tolower(s[3]) != 'a')) return false;
    double v[4];
    bool pct[4];
    int k = numbers(open + 1, (size_t)(close - open - 1), v, pct);
    if (k < 3) return false;
    double a = k == 4 ? clamp01(pct[3] ? v[3] / 100 : v[3]) : 1;
    if (rgb) {
        for (int i = 0; i < 3; i++) v[i] = clamp01(pct[i] ? v[i] / 100 : v[i] / 255);
        *out = (jm_color){ v[0], v[1], v[2], a };
    } else {
        double h = fmod(fmod(v[0], 360) + 360, 360) / 360, sat = clamp01(v[1] / 100), l = clamp01(v[2] / 100);
        double q = l < 0.5 ? l * (1 + sat) : l + sat - l * sat, p = 2 * l - q;
        *out = (jm_color){ hue(p, q, h + 1.0 / 3), hue(p, q, h), hue(p, q, h - 1.0 / 3), a };
    }
    *used = (size_t)(close - s) + 1;
    return true;
}

bool jm_css_color(const char *s, size_t n, jm_color *out, size_t *used) {
    if (function(s, n, out, used)) return true;
    size_t w = 0;
    while (w < n && s[w] != ' ' && s[w] != '\t') w++;
    if (w == 0 || w > 32) return false;
    char word[33];
    memcpy(word, s, w);
    word[w] = '\0';
    *used = w;
    if (word[0] == '#') {
        size_t d = w - 1;
        if (d != 3 && d != 4 && d != 6 && d != 8) return false;
        unsigned v[8];
        for (size_t i = 0; i < d; i++) {
            int x = g_ascii_xdigit_value(word[1 + i]);
            if (x < 0) return false;
            v[i] = (unsigned)x;
        }
        double c[4] = { 0, 0, 0, 1 };
        for (size_t i = 0; i < d / (d <= 4 ? 1 : 2); i++)
            c[i] = (d <= 4 ? v[i] * 17 : v[2 * i] * 16 + v[2 * i + 1]) / 255.0;
        *out = (jm_color){ c[0], c[1], c[2], c[3] };
        return true;
    }
    if (g_ascii_strcasecmp(word, "transparent") == 0) {
        *out = (jm_color){ 0, 0, 0, 0 };
        return true;
    }
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
        if (g_ascii_strcasecmp(names[i].name, word) == 0) {
            unsigned v = names[i].rgb;
            *out = (jm_color){ (v >> 16 & 0xff) / 255.0, (v >> 8 & 0xff) / 255.0, (v & 0xff) / 255.0, 1 };
            return true;
        }
    return false;
}
